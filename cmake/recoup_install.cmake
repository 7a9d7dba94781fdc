# Install the headers and library, export recoup::recoup for find_package(recoup), write recoup.pc (C++) and recoup-c.pc (the C ABI).
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

file(RELATIVE_PATH RECOUP_PC_TO_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" RECOUP_PC_TO_PREFIX "${RECOUP_PC_TO_PREFIX}")
configure_file(cmake/recoup.pc.in ${PROJECT_BINARY_DIR}/recoup.pc @ONLY)
configure_file(cmake/recoup-c.pc.in ${PROJECT_BINARY_DIR}/recoup-c.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/recoup.pc ${PROJECT_BINARY_DIR}/recoup-c.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
