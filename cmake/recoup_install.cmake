# Install the headers and library, export recoup::recoup for find_package(recoup), write recoup.pc.
include(CMakePackageConfigHelpers)
set(RECOUP_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/recoup)

install(TARGETS recoup recoup_c EXPORT recoupTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/recoup DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT recoupTargets NAMESPACE recoup:: DESTINATION ${RECOUP_CMAKE_DIR})

configure_package_config_file(cmake/recoupConfig.cmake.in
  ${PROJECT_BINARY_DIR}/recoupConfig.cmake INSTALL_DESTINATION ${RECOUP_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/recoupConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/recoupConfig.cmake ${PROJECT_BINARY_DIR}/recoupConfigVersion.cmake
        DESTINATION ${RECOUP_CMAKE_DIR})

configure_file(cmake/recoup.pc.in ${PROJECT_BINARY_DIR}/recoup.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/recoup.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
