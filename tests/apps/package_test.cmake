# Installs eqlab from EQLAB_BUILD_DIR into a fresh prefix under WORK_DIR, then builds the
# standalone project EMBED_SOURCE_DIR against it (find_package(eqlab)) and runs it.
foreach(var EQLAB_BUILD_DIR EMBED_SOURCE_DIR WORK_DIR GENERATOR CXX_COMPILER)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "package_test.cmake needs -D${var}=...")
  endif()
endforeach()

function(run_step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(step_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
run_step("install" ${CMAKE_COMMAND} --install ${EQLAB_BUILD_DIR} --prefix ${prefix})
run_step("configure examples/embed" ${CMAKE_COMMAND} -S ${EMBED_SOURCE_DIR} -B ${WORK_DIR}/build
         -G ${GENERATOR} -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_BUILD_TYPE=Release
         -DCMAKE_PREFIX_PATH=${prefix})
run_step("build examples/embed" ${CMAKE_COMMAND} --build ${WORK_DIR}/build -j 2)
run_step("run examples/embed" ${WORK_DIR}/build/eqlab_embed kuhn 500)
message(STATUS "examples/embed printed:\n${step_output}")
if(NOT step_output MATCHES "exploitability ([0-9.e+-]+)")
  message(FATAL_ERROR "examples/embed did not print the exploitability")
endif()
set(gap ${CMAKE_MATCH_1})
if(gap GREATER 0.01)
  message(FATAL_ERROR "exploitability ${gap} after 500 CFR+ iterations on Kuhn poker: expected < 0.01")
endif()
file(REMOVE_RECURSE ${WORK_DIR})
