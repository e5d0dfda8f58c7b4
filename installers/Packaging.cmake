# Install layout and a Debian package (cpack -G DEB) for Scalewright.
include(GNUInstallDirs)

install(FILES ${PROJECT_SOURCE_DIR}/installers/scalewright.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/installers/io.github.scalewright.Scalewright.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/installers/scalewright.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/samples/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/scalewright/samples
        FILES_MATCHING PATTERN "*.json")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/
        DESTINATION ${CMAKE_INSTALL_DOCDIR}
        FILES_MATCHING PATTERN "*.md" PATTERN "*.png")

set(CPACK_PACKAGE_NAME "scalewright")
set(CPACK_PACKAGE_VENDOR "Scalewright")
set(CPACK_PACKAGE_CONTACT "Scalewright developers <dev@scalewright.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Architecture design and capacity planning")
set(CPACK_PACKAGE_DESCRIPTION
    "Draw regions, services, databases, caches and CDNs; get capacity, availability, latency,\
 replication lag, monthly cost and growth projections on every edit, replay load and failure\
 scenarios, compare what-ifs and export capacity reports.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://scalewright.invalid")
include(CPack)
