# cmake -DJAVAC=<javac> -DJAVA=<java> -DJNA_JAR=<jna.jar> -DSOURCE=<RecoupJnaTest.java> -DLIBRARY=<librecoup_c.so>
#       -DWORK_DIR=<scratch> -P recoup_java_test.cmake
# Compiles the Java program and runs it against the built C ABI (a second language over JNA).
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
execute_process(COMMAND ${JAVAC} -cp ${JNA_JAR} -d ${WORK_DIR} ${SOURCE} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "javac failed:\n${err}")
endif()
execute_process(COMMAND ${JAVA} -cp ${JNA_JAR}:${WORK_DIR} RecoupJnaTest ${LIBRARY}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the Java program failed (${rc}):\n${out}\n${err}")
endif()
