# Installation and the Debian package (CPack DEB): `cmake --build build --target package`
# writes build/stackplan_<version>_<arch>.deb. Everything takes its version from project() in
# the top CMakeLists.txt; tests/package/test_package checks the result.
#
# Installed (prefix /usr in the package):
#   bin/stackplan                                  (app/CMakeLists.txt)
#   share/stackplan/{profiles,examples}/           (app/core/CMakeLists.txt; read at run time)
#   share/applications/io.stackplan.Stackplan.desktop
#   share/metainfo/io.stackplan.Stackplan.metainfo.xml
#   share/icons/hicolor/scalable/apps/io.stackplan.Stackplan.svg
#   share/mime/packages/io.stackplan.Stackplan.xml (application/x-stackplan+json, *.stackplan.json)
#   share/man/man1/stackplan.1.gz, stackplan-COMMAND.1.gz per subcommand (from --help)
#   share/doc/stackplan/{README.md, docs/, profiles/README.md, copyright, changelog.gz}

set(STACKPLAN_APP_ID io.stackplan.Stackplan)
# The day PROJECT_VERSION was released: AppStream <release>, Debian changelog, man page dates.
set(STACKPLAN_RELEASE_DATE 2026-11-23)
set(STACKPLAN_CONTACT "Stackplan developers <dev@stackplan.invalid>")
set(STACKPLAN_HOMEPAGE "https://stackplan.invalid")

execute_process(COMMAND date -u -d "${STACKPLAN_RELEASE_DATE} 12:00" +%s
                OUTPUT_VARIABLE STACKPLAN_RELEASE_EPOCH OUTPUT_STRIP_TRAILING_WHITESPACE
                COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND env LC_ALL=C date -u -R -d "@${STACKPLAN_RELEASE_EPOCH}"
                OUTPUT_VARIABLE STACKPLAN_RELEASE_RFC2822 OUTPUT_STRIP_TRAILING_WHITESPACE
                COMMAND_ERROR_IS_FATAL ANY)

set(pkg_src ${CMAKE_CURRENT_LIST_DIR})
set(pkg_bin ${PROJECT_BINARY_DIR}/packaging)
set(docdir ${CMAKE_INSTALL_DATADIR}/doc/stackplan) # Debian's name, not GNUInstallDirs' "Stackplan"

# Desktop integration: menu entry, software-centre data, icon, file type.
install(FILES ${pkg_src}/${STACKPLAN_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
configure_file(${pkg_src}/${STACKPLAN_APP_ID}.metainfo.xml.in
               ${pkg_bin}/${STACKPLAN_APP_ID}.metainfo.xml @ONLY)
install(FILES ${pkg_bin}/${STACKPLAN_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${pkg_src}/${STACKPLAN_APP_ID}.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${pkg_src}/stackplan-mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
        RENAME ${STACKPLAN_APP_ID}.xml)

# Documentation, laid out as in the source tree so the README's relative links hold.
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${pkg_src}/copyright DESTINATION ${docdir})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${docdir}/docs)
install(FILES ${PROJECT_SOURCE_DIR}/profiles/README.md DESTINATION ${docdir}/profiles)
configure_file(${pkg_src}/changelog.in ${pkg_bin}/changelog @ONLY)
add_custom_command(OUTPUT ${pkg_bin}/changelog.gz
                   COMMAND gzip -9nc ${pkg_bin}/changelog > ${pkg_bin}/changelog.gz
                   DEPENDS ${pkg_bin}/changelog VERBATIM)
add_custom_target(stackplan_changelog ALL DEPENDS ${pkg_bin}/changelog.gz)
install(FILES ${pkg_bin}/changelog.gz DESTINATION ${docdir})

# Man pages for stackplan and each of its subcommands, from the binary's own --help.
find_program(STACKPLAN_HELP2MAN help2man)
find_program(STACKPLAN_GZIP gzip)
if(STACKPLAN_HELP2MAN AND STACKPLAN_GZIP)
  add_custom_command(
    OUTPUT ${pkg_bin}/man.stamp
    COMMAND ${CMAKE_COMMAND} -DSTACKPLAN=$<TARGET_FILE:stackplan> -DHELP2MAN=${STACKPLAN_HELP2MAN}
            -DGZIP=${STACKPLAN_GZIP} -DOUT=${pkg_bin}/man -DVERSION=${PROJECT_VERSION}
            -DDESCRIPTION=${PROJECT_DESCRIPTION} -DEPOCH=${STACKPLAN_RELEASE_EPOCH}
            -P ${pkg_src}/manpages.cmake
    COMMAND ${CMAKE_COMMAND} -E touch ${pkg_bin}/man.stamp
    DEPENDS stackplan ${pkg_src}/manpages.cmake
    COMMENT "Writing man pages from stackplan --help"
    VERBATIM)
  add_custom_target(stackplan_manpages ALL DEPENDS ${pkg_bin}/man.stamp)
  install(DIRECTORY ${pkg_bin}/man/man1 DESTINATION ${CMAKE_INSTALL_MANDIR})
else()
  message(WARNING "help2man or gzip not found: no man pages will be installed "
                  "(apt-get install help2man)")
endif()

# The Debian package.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME stackplan)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Stackplan developers")
set(CPACK_PACKAGE_CONTACT "${STACKPLAN_CONTACT}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # stackplan_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${STACKPLAN_HOMEPAGE}")
# Runtime dependencies come from the libraries the binary links (dpkg-shlibdeps), nothing more.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The extended description (the synopsis line comes from the summary above); CPack indents it,
# and a lone "." marks a paragraph break.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Stackplan is a desktop planner for the architecture of web applications.
Draw the boxes of a system (frontend, proxy, backend, database, cache,
queue, ...), connect them and bind each to a platform profile such as
Cloudflare Workers, Google Cloud Run, Fly.io or Supabase.
.
As you edit, Stackplan checks the design against each platform's sourced
limits, prices it from the expected traffic and compares options side by
side. The stackplan command validates and prices project files without a
display, for use in CI. No account or network connection is needed.")
set(CPACK_STACKPLAN_MAN_DIR ${pkg_bin}/man)
set(CPACK_PROJECT_CONFIG_FILE ${pkg_src}/CPackProjectConfig.cmake)
include(CPack)
