# Read by cpack before it writes the package: refuse to write an incomplete .deb. Without
# dpkg-shlibdeps CPack would silently declare no dependencies; without help2man at build time
# there are no man pages.
if(CPACK_GENERATOR STREQUAL "DEB")
  find_program(STACKPLAN_SHLIBDEPS dpkg-shlibdeps)
  find_program(STACKPLAN_FILE file)
  if(NOT STACKPLAN_SHLIBDEPS OR NOT STACKPLAN_FILE)
    message(FATAL_ERROR "dpkg-shlibdeps or file is missing, so the package would declare no "
                        "dependencies: apt-get install dpkg-dev file")
  endif()
  if(NOT EXISTS "${CPACK_STACKPLAN_MAN_DIR}/man1/stackplan.1.gz")
    message(FATAL_ERROR "no man pages in ${CPACK_STACKPLAN_MAN_DIR}: apt-get install help2man, "
                        "then configure and build again")
  endif()
endif()
