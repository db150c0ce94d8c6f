# Writes the man pages of stackplan(1) and of every subcommand, stackplan-COMMAND(1), from the
# binary's own --help with help2man, so they never drift from the program. The subcommands are
# read from `stackplan --help` (the line "Commands (run `stackplan COMMAND --help`): a, b, c"),
# so a new subcommand gets its page without a change here.
#
# cmake -DSTACKPLAN=<binary> -DHELP2MAN=<help2man> -DGZIP=<gzip> -DOUT=<dir>
#       -DVERSION=<x.y.z> -DDESCRIPTION=<one line> -DEPOCH=<release time, seconds>
#       -P manpages.cmake
# writes <dir>/man1/*.1.gz (and removes pages of subcommands that are gone).
foreach(var STACKPLAN HELP2MAN GZIP OUT VERSION DESCRIPTION EPOCH)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "manpages.cmake: -D${var}=... is required")
  endif()
endforeach()

# Run as `stackplan` found on PATH, so the help says "Usage: stackplan ..." and not the build
# path; with HOME=~ and no XDG_DATA_HOME, the user folder reads "~/.local/share/...", not the
# builder's home. SOURCE_DATE_EPOCH dates the pages by the release, not the build.
get_filename_component(bindir "${STACKPLAN}" DIRECTORY)
get_filename_component(program "${STACKPLAN}" NAME)
set(ENV{PATH} "${bindir}:$ENV{PATH}")
set(ENV{HOME} "~")
unset(ENV{XDG_DATA_HOME})
set(ENV{LC_ALL} "C.UTF-8")
set(ENV{SOURCE_DATE_EPOCH} "${EPOCH}")
# In a sanitizer build a leak report at exit must not fail the build of the pages.
set(ENV{ASAN_OPTIONS} "detect_leaks=0")

function(help_of command out_var)
  execute_process(COMMAND ${program} ${command} --help
                  OUTPUT_VARIABLE text RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR text STREQUAL "")
    message(FATAL_ERROR "manpages.cmake: `${program} ${command} --help` failed (${rc}): ${err}")
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

help_of("" top_help)
if(NOT top_help MATCHES "Commands \\(run `stackplan COMMAND --help`\\): ([a-z0-9, -]+)")
  message(FATAL_ERROR "manpages.cmake: no command list in `stackplan --help`:\n${top_help}")
endif()
string(REPLACE ", " ";" commands "${CMAKE_MATCH_1}")

set(mandir "${OUT}/man1")
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${mandir}")

function(write_page page include_text)
  set(include_file "${OUT}/${page}.h2m")
  file(WRITE "${include_file}" "${include_text}")
  execute_process(COMMAND "${HELP2MAN}" ${ARGN} --no-info --section=1
                          --manual=Stackplan "--source=Stackplan ${VERSION}"
                          "--include=${include_file}" "--output=${mandir}/${page}.1" ${program}
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "manpages.cmake: help2man failed for ${page}: ${err}")
  endif()
  # -n: no name or time stamp in the header, so the package is reproducible; -9 for lintian.
  execute_process(COMMAND "${GZIP}" -9nf "${mandir}/${page}.1" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "manpages.cmake: gzip failed for ${page}")
  endif()
  file(REMOVE "${include_file}")
endfunction()

# A NAME line from a description: its first sentence, lower case first as man pages have it.
function(name_line text out_var)
  string(REGEX REPLACE "\\. .*$" "" text "${text}")
  string(REGEX REPLACE "\\.$" "" text "${text}")
  if(text MATCHES "^[A-Z][a-z]")
    string(SUBSTRING "${text}" 0 1 first)
    string(SUBSTRING "${text}" 1 -1 rest)
    string(TOLOWER "${first}" first)
    set(text "${first}${rest}")
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

set(see_also "")
foreach(command IN LISTS commands)
  string(APPEND see_also ".BR stackplan-${command} (1),\n")
endforeach()
string(REGEX REPLACE ",\n$" "\n" see_also "${see_also}")

name_line("${DESCRIPTION}" top_name)
write_page(stackplan "\
[FILES]
.TP
.I ../share/stackplan/profiles
Bundled platform profiles, beside the folder of the executable
(\\fI/usr/share/stackplan/profiles\\fR when installed from the Debian package).
.TP
.I ../share/stackplan/examples
Bundled example projects (File \\(-> Open Example).
.TP
.I $XDG_DATA_HOME/stackplan/profiles
The user's own profiles (default \\fI~/.local/share/stackplan/profiles\\fR);
a profile there replaces a bundled one with the same id.
[SEE ALSO]
${see_also}"
  --name "${top_name}")

foreach(command IN LISTS commands)
  # NAME: the first sentence of the subcommand's description (the line after "Usage:").
  help_of(${command} text)
  set(summary "")
  if(text MATCHES "^[^\n]*\n([^\n]+)")
    set(summary "${CMAKE_MATCH_1}")
  endif()
  if(summary MATCHES "^Usage:|^Options:" OR summary STREQUAL "")
    message(WARNING "`stackplan ${command} --help` has no description (setApplicationDescription)"
                    " for the NAME of its man page")
    set(summary "the ${command} command of stackplan")
  endif()
  name_line("${summary}" summary)
  write_page(stackplan-${command} "[SEE ALSO]\n.BR stackplan (1)\n"
             --name "${summary}" "--help-option=${command} --help"
             "--version-string=stackplan-${command} ${VERSION}")
endforeach()
