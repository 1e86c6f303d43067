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

# The heap: corridor re-executes itself once on transparent huge pages (sim/cli/huge_page_heap.hpp)
# unless the user's GLIBC_TUNABLES names the tunable or CORRIDOR_HUGE_PAGES=0; a sanitizer build
# and a kernel without transparent huge pages keep the allocator as it is.
set(thp_modes "")
if(EXISTS /sys/kernel/mm/transparent_hugepage/enabled)
  file(READ /sys/kernel/mm/transparent_hugepage/enabled thp_modes LIMIT 200)
endif()
if(SANITIZE)
  set(default_heap "heap: the sanitizer's")
elseif(thp_modes MATCHES "\\[never\\]" OR thp_modes STREQUAL "")
  set(default_heap "heap: 4 KiB pages")
else()
  set(default_heap "heap: transparent huge pages \\(glibc.malloc.hugetlb=1\\)")
endif()
function(expect_heap expected_regex)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=GLIBC_TUNABLES --unset=CORRIDOR_HUGE_PAGES ${ARGN} ${CORRIDOR} version
    RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0 OR NOT out MATCHES "${expected_regex}")
    message(FATAL_ERROR "corridor version with ${ARGN}: exit ${code}, expected '${expected_regex}'\nstdout:\n${out}\nstderr:\n${err}")
  endif()
endfunction()
expect_heap("${default_heap}")
expect_heap("${default_heap}" GLIBC_TUNABLES=glibc.malloc.arena_max=4)
if(NOT SANITIZE)
  expect_heap("heap: 4 KiB pages" CORRIDOR_HUGE_PAGES=0)
  expect_heap("heap: 4 KiB pages" GLIBC_TUNABLES=glibc.malloc.hugetlb=0)
endif()
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
