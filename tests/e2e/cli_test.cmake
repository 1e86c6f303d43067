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

# validate: a clean model exits 0; a broken one prints file:line:column and exits 3.
expect_run(0 "middle_corridor.yaml: ok" validate ${SOURCE_DIR}/models/middle_corridor.yaml)
expect_run(3 "broken_model.yaml:13:27: error: link 'BC' refers to unknown node 'Cc'" validate ${SOURCE_DIR}/tests/data/broken_model.yaml)
# route: leg by leg; the Dostyk gauge break shows as a transshipment; a typo gets a suggestion.
expect_run(0 "transshipment +(DOS|ALT)" route ${SOURCE_DIR}/models/middle_corridor.yaml --from XIA --to POT)
expect_run(0 "\"routes\"" route ${SOURCE_DIR}/models/middle_corridor.yaml --from BAK --to NAX --format json -k 2)
expect_run(0 "link +AGB-MEG" route ${SOURCE_DIR}/models/middle_corridor.yaml --from HOR --to NAX --date 2030-06-01 --by co2)
expect_run(3 "did you mean 'XIA'" route ${SOURCE_DIR}/models/middle_corridor.yaml --from XAI --to POT)
expect_run(2 "--by" route ${SOURCE_DIR}/models/middle_corridor.yaml --from XIA --to POT --by speed)
