# `corridor` with no arguments and --help print help and exit 0; `version` names the version;
# an unknown command is a usage error, exit 2.
cmake_minimum_required(VERSION 3.25)

function(expect_run expected_code expected_regex)
  execute_process(COMMAND ${CORRIDOR} ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL expected_code)
    message(FATAL_ERROR "corridor ${ARGN}: exit ${code}, expected ${expected_code}\nstdout:\n${out}\nstderr:\n${err}")
  endif()
  if(NOT "${out}${err}" MATCHES "${expected_regex}")
    message(FATAL_ERROR "corridor ${ARGN}: output does not match '${expected_regex}'\nstdout:\n${out}\nstderr:\n${err}")
  endif()
endfunction()

expect_run(0 "Usage: corridor")
expect_run(0 "Usage: corridor" --help)
expect_run(0 "^corridor [0-9]+\\.[0-9]+\\.[0-9]+ " version)
expect_run(2 "corridor: .*frobnicate" frobnicate)
