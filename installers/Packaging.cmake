# Install layout and the Debian package (cpack -G DEB) for Scalewright.
# Everything versioned comes from project(VERSION) and CHANGELOG.md's first
# release heading; tests/package checks the result with lintian,
# desktop-file-validate and appstreamcli.
include(GNUInstallDirs)
set(sw_app_id io.github.scalewright.Scalewright)
set(sw_gen ${PROJECT_BINARY_DIR}/installers)
file(MAKE_DIRECTORY ${sw_gen})
set(CPACK_PACKAGE_CONTACT "Scalewright developers <dev@scalewright.invalid>")

# The release being packaged: CHANGELOG.md's first '## [VERSION] - DATE'.
file(STRINGS ${PROJECT_SOURCE_DIR}/CHANGELOG.md sw_release_heading REGEX "^## \\[" LIMIT_COUNT 1)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/CHANGELOG.md)
if(NOT sw_release_heading MATCHES "^## \\[([^]]+)\\] - ([0-9]+-[0-9]+-[0-9]+)$")
  message(FATAL_ERROR "CHANGELOG.md: the first release heading must read '## [VERSION] - YYYY-MM-DD'")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL PROJECT_VERSION)
  message(FATAL_ERROR "CHANGELOG.md's latest release is ${CMAKE_MATCH_1}, the project version ${PROJECT_VERSION}: "
                      "add a '## [${PROJECT_VERSION}] - DATE' section")
endif()
set(SW_RELEASE_DATE ${CMAKE_MATCH_2})
set(SW_RELEASE_SUMMARY "The first release of Scalewright.")
configure_file(${PROJECT_SOURCE_DIR}/installers/${sw_app_id}.metainfo.xml.in ${sw_gen}/${sw_app_id}.metainfo.xml @ONLY)

if(TARGET scalewright)
  # Man page and shell completions, from the program's own --help (GenerateCliDocs.cmake).
  add_custom_command(
    OUTPUT ${sw_gen}/scalewright.1 ${sw_gen}/scalewright.bash ${sw_gen}/_scalewright
    COMMAND ${CMAKE_COMMAND} -DSW_EXE=$<TARGET_FILE:scalewright> -DSW_VERSION=${PROJECT_VERSION}
            -DSW_DATE=${SW_RELEASE_DATE} -DOUT_DIR=${sw_gen} -P ${PROJECT_SOURCE_DIR}/installers/GenerateCliDocs.cmake
    DEPENDS scalewright ${PROJECT_SOURCE_DIR}/installers/GenerateCliDocs.cmake
    COMMENT "Man page and completions from scalewright --help" VERBATIM)
  add_custom_command(OUTPUT ${sw_gen}/scalewright.1.gz
    COMMAND gzip -9nkf ${sw_gen}/scalewright.1
    DEPENDS ${sw_gen}/scalewright.1 VERBATIM)

  # PNG icons 16-512 from the SVG.
  add_executable(render-icon ${PROJECT_SOURCE_DIR}/installers/RenderIcon.cpp)
  target_link_libraries(render-icon PRIVATE Qt6::Gui Qt6::Svg)
  set(sw_icon_sizes 16 22 24 32 48 64 128 256 512)
  set(sw_icon_pngs "")
  foreach(size IN LISTS sw_icon_sizes)
    list(APPEND sw_icon_pngs ${sw_gen}/icons/${size}x${size}.png)
  endforeach()
  add_custom_command(OUTPUT ${sw_icon_pngs}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${sw_gen}/icons
    COMMAND render-icon ${PROJECT_SOURCE_DIR}/installers/${sw_app_id}.svg ${sw_gen}/icons ${sw_icon_sizes}
    DEPENDS render-icon ${PROJECT_SOURCE_DIR}/installers/${sw_app_id}.svg
    COMMENT "Application icon as PNG, 16-512 px" VERBATIM)

  # /usr/share/doc/scalewright/changelog.gz, Debian changelog format, from CHANGELOG.md.
  add_custom_command(OUTPUT ${sw_gen}/changelog.gz
    COMMAND ${CMAKE_COMMAND} -DIN=${PROJECT_SOURCE_DIR}/CHANGELOG.md -DOUT=${sw_gen}/changelog
            "-DMAINTAINER=${CPACK_PACKAGE_CONTACT}" -P ${PROJECT_SOURCE_DIR}/installers/DebianChangelog.cmake
    COMMAND gzip -9nf ${sw_gen}/changelog
    DEPENDS ${PROJECT_SOURCE_DIR}/CHANGELOG.md ${PROJECT_SOURCE_DIR}/installers/DebianChangelog.cmake VERBATIM)

  add_custom_target(package-files ALL DEPENDS ${sw_gen}/scalewright.1.gz ${sw_gen}/scalewright.bash
                    ${sw_gen}/_scalewright ${sw_icon_pngs} ${sw_gen}/changelog.gz)

  install(FILES ${sw_gen}/scalewright.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  install(FILES ${sw_gen}/scalewright.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
          RENAME scalewright)
  install(FILES ${sw_gen}/_scalewright DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
  foreach(size IN LISTS sw_icon_sizes)
    install(FILES ${sw_gen}/icons/${size}x${size}.png DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
            RENAME ${sw_app_id}.png)
    install(FILES ${sw_gen}/icons/${size}x${size}.png DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/mimetypes
            RENAME application-x-scalewright-project.png)
  endforeach()
  install(FILES ${sw_gen}/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})
endif()

install(FILES ${PROJECT_SOURCE_DIR}/installers/${sw_app_id}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${sw_gen}/${sw_app_id}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/installers/${sw_app_id}.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_SOURCE_DIR}/installers/${sw_app_id}.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/mimetypes
        RENAME application-x-scalewright-project.svg)
install(FILES ${PROJECT_SOURCE_DIR}/installers/scalewright-mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
        RENAME scalewright.xml)
install(FILES ${PROJECT_SOURCE_DIR}/installers/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/samples/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/scalewright/samples
        FILES_MATCHING PATTERN "*.json")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/
        DESTINATION ${CMAKE_INSTALL_DOCDIR}
        FILES_MATCHING PATTERN "*.md" PATTERN "*.png")

set(CPACK_PACKAGE_NAME "scalewright")
set(CPACK_PACKAGE_VENDOR "Scalewright")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "architecture design and capacity planning")
# The extended description, wrapped under 80 columns (CPack puts the summary
# above it and indents each line; an empty line becomes " .").
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Scalewright is a desktop editor for distributed architectures: draw regions,
availability zones, services, databases, caches, queues and CDNs, and get on
every edit the utilisation and instances each tier needs, availability in
nines, p95 latency per user geography, replication lag, monthly cost and
growth projections.

A discrete-event simulator replays load and failure scenarios against the
same model; variants are compared side by side and written out as capacity
reports. Headless verbs (validate, analyze, simulate, report...) serve
scripts and CI.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/scalewright/scalewright")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The binary is stripped in the package (its debug info is 25 MB of the 31).
set(CPACK_STRIP_FILES ON)
include(CPack)
