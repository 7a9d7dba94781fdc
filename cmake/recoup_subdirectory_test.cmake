# cmake -DSOURCE_DIR=<recoup source> -DWORK_DIR=<scratch> -P recoup_subdirectory_test.cmake
# Configures, builds and runs tests/install/add_subdirectory: recoup vendored as a subproject.
file(REMOVE_RECURSE ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/install/add_subdirectory -B ${WORK_DIR}
                        -DRECOUP_SOURCE_DIR=${SOURCE_DIR} -DCMAKE_BUILD_TYPE=Release
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring the vendoring project failed:\n${out}\n${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR} --target vendored vendored_c -j 2
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the vendoring project failed:\n${out}\n${err}")
endif()
execute_process(COMMAND ${WORK_DIR}/vendored OUTPUT_VARIABLE actual RESULT_VARIABLE rc)
file(READ ${SOURCE_DIR}/tests/install/find_package/expected.txt expected)
if(NOT rc EQUAL 0 OR NOT actual STREQUAL expected)
  message(FATAL_ERROR "the vendored C++ program printed:\n${actual}")
endif()
execute_process(COMMAND ${WORK_DIR}/vendored_c OUTPUT_VARIABLE actual RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT actual STREQUAL "1234.567 KWD\n")
  message(FATAL_ERROR "the vendored C program printed:\n${actual}")
endif()
