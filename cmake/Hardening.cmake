# Release builds are hardened the way Debian builds its packages: the flags
# come from dpkg-buildflags (hardening=+all: stack protector, _FORTIFY_SOURCE,
# format-security, RELRO + BIND_NOW) and every executable is a PIE. The
# optimisation, debug and prefix-map flags dpkg-buildflags also prints are
# left to CMAKE_BUILD_TYPE. Debug, sanitizer and fuzz builds are not hardened:
# _FORTIFY_SOURCE needs optimisation and the sanitizers bring their own checks.
option(SCALEWRIGHT_HARDENING "Harden Release/RelWithDebInfo/MinSizeRel builds with dpkg-buildflags" ON)

include(CheckPIESupported)
check_pie_supported()
set(CMAKE_POSITION_INDEPENDENT_CODE ON)

if(SCALEWRIGHT_HARDENING AND NOT SCALEWRIGHT_FUZZ AND CMAKE_BUILD_TYPE MATCHES "^(Release|RelWithDebInfo|MinSizeRel)$")
  find_program(DPKG_BUILDFLAGS dpkg-buildflags)
  if(NOT DPKG_BUILDFLAGS)
    message(FATAL_ERROR "SCALEWRIGHT_HARDENING needs dpkg-buildflags (package dpkg-dev), or configure with -DSCALEWRIGHT_HARDENING=OFF")
  endif()
  set(sw_hardening_compile "")
  foreach(kind CPPFLAGS CXXFLAGS LDFLAGS)
    execute_process(COMMAND ${CMAKE_COMMAND} -E env DEB_BUILD_MAINT_OPTIONS=hardening=+all ${DPKG_BUILDFLAGS} --get ${kind}
                    OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
    separate_arguments(flags UNIX_COMMAND "${flags}")
    list(FILTER flags EXCLUDE REGEX "^-(O.*|g.*|ffile-prefix-map=.*|fdebug-prefix-map=.*)$")
    if(kind STREQUAL "LDFLAGS")
      add_link_options(${flags})
    else()
      add_compile_options(${flags})
    endif()
    list(APPEND sw_hardening_compile ${flags})
  endforeach()
  message(STATUS "Hardening (dpkg-buildflags): ${sw_hardening_compile}")
endif()
