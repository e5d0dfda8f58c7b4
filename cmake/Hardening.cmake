# Release builds are hardened the way Debian builds its packages: the flags
# come from dpkg-buildflags (hardening=+all: stack protector, _FORTIFY_SOURCE,
# format-security, RELRO + BIND_NOW). Executables are PIE without a flag:
# Debian's gcc builds position-independent executables by default (the
# package test's lintian run fails on hardening-no-pie otherwise). The
# optimisation, debug and prefix-map flags dpkg-buildflags also prints are
# left to CMAKE_BUILD_TYPE. Debug, sanitizer and fuzz builds are not hardened:
# _FORTIFY_SOURCE needs optimisation and the sanitizers bring their own checks.
# SCALEWRIGHT_HARDENING=OFF drops the compile-side flags only (for a warm
# build tree whose objects were built without them); the link-side ones
# (RELRO + BIND_NOW) cost a relink and stay.
option(SCALEWRIGHT_HARDENING "Compile Release/RelWithDebInfo/MinSizeRel builds with dpkg-buildflags' hardening" ON)

if(NOT SCALEWRIGHT_FUZZ AND CMAKE_BUILD_TYPE MATCHES "^(Release|RelWithDebInfo|MinSizeRel)$")
  find_program(DPKG_BUILDFLAGS dpkg-buildflags)
  if(NOT DPKG_BUILDFLAGS)
    message(FATAL_ERROR "Release builds take their hardening flags from dpkg-buildflags: install dpkg-dev")
  endif()
  set(sw_hardening_compile "")
  foreach(kind CPPFLAGS CXXFLAGS LDFLAGS)
    execute_process(COMMAND ${CMAKE_COMMAND} -E env DEB_BUILD_MAINT_OPTIONS=hardening=+all ${DPKG_BUILDFLAGS} --get ${kind}
                    OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
    separate_arguments(flags UNIX_COMMAND "${flags}")
    list(FILTER flags EXCLUDE REGEX "^-(O.*|g.*|ffile-prefix-map=.*|fdebug-prefix-map=.*)$")
    if(kind STREQUAL "LDFLAGS")
      add_link_options(${flags})
    elseif(NOT SCALEWRIGHT_HARDENING)
      continue()
    else()
      add_compile_options(${flags})
    endif()
    list(APPEND sw_hardening_compile ${flags})
  endforeach()
  message(STATUS "Hardening (dpkg-buildflags): ${sw_hardening_compile}")
endif()
