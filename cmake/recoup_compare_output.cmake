# cmake -DPROGRAM=<exe> -DEXPECTED=<file> -P recoup_compare_output.cmake
# Runs PROGRAM and fails unless its standard output equals EXPECTED byte for byte.
execute_process(COMMAND ${PROGRAM} OUTPUT_VARIABLE actual RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}")
endif()
file(READ ${EXPECTED} expected)
if(NOT actual STREQUAL expected)
  file(WRITE ${EXPECTED}.actual "${actual}")
  message(FATAL_ERROR "output of ${PROGRAM} differs from ${EXPECTED}; actual output written to ${EXPECTED}.actual")
endif()
