# `corridor run` as a user runs it: every result file appears, a second run with the same seed
# writes byte-identical results, and bad input writes nothing and exits 3.
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

function(run_corridor expected_code)
  execute_process(COMMAND ${CORRIDOR} ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL expected_code)
    message(FATAL_ERROR "corridor ${ARGN}: exit ${code}, expected ${expected_code}\nstdout:\n${out}\nstderr:\n${err}")
  endif()
  set(last_out "${out}" PARENT_SCOPE)
  set(last_err "${err}" PARENT_SCOPE)
endfunction()

# Every result file but the manifest (which records the command) is byte-identical in two runs.
function(expect_same_results a b why)
  foreach(name summary.json flows.csv flow_replications.csv resources.csv resource_replications.csv daily_flows.csv daily_resources.csv shipments.csv custody.csv)
    file(SHA256 ${WORK_DIR}/${a}/${name} hash_a)
    file(SHA256 ${WORK_DIR}/${b}/${name} hash_b)
    if(NOT hash_a STREQUAL hash_b)
      message(FATAL_ERROR "${name} differs ${why}")
    endif()
  endforeach()
endfunction()

set(tiny ${SOURCE_DIR}/tests/data/scenarios/tiny.yaml)
run_corridor(0 run ${tiny} -o ${WORK_DIR}/first)
if(NOT last_out MATCHES "a_to_d" OR NOT last_out MATCHES "results: ")
  message(FATAL_ERROR "no summary on stdout:\n${last_out}")
endif()
foreach(name manifest.json summary.json flows.csv flow_replications.csv resources.csv resource_replications.csv daily_flows.csv daily_resources.csv shipments.csv custody.csv)
  if(NOT EXISTS ${WORK_DIR}/first/${name})
    message(FATAL_ERROR "run did not write ${name}")
  endif()
endforeach()
file(GLOB leftovers ${WORK_DIR}/*partial*)
if(leftovers)
  message(FATAL_ERROR "temporary folders left behind: ${leftovers}")
endif()

# Determinism: the same scenario and seed give byte-identical results.
run_corridor(0 run ${tiny} -o ${WORK_DIR}/second -q)
expect_same_results(first second "between two runs with the same seed")

# Another seed changes the results.
run_corridor(0 run ${tiny} -o ${WORK_DIR}/third --seed 12 -q)
file(SHA256 ${WORK_DIR}/first/shipments.csv a)
file(SHA256 ${WORK_DIR}/third/shipments.csv b)
if(a STREQUAL b)
  message(FATAL_ERROR "a different seed gave the same shipments")
endif()

# The manifest fingerprints every input file.
file(READ ${WORK_DIR}/first/manifest.json manifest)
if(NOT manifest MATCHES "tiny_model.yaml" OR NOT manifest MATCHES "\"sha256\": \"[0-9a-f]+\"")
  message(FATAL_ERROR "manifest lacks the inputs and their hashes:\n${manifest}")
endif()

# Bad input: file:line:column on stderr, exit 3, nothing written.
run_corridor(3 run ${SOURCE_DIR}/tests/data/scenarios/broken.yaml -o ${WORK_DIR}/broken)
if(NOT last_err MATCHES "broken.yaml:5:7: error: unknown key 'sead'")
  message(FATAL_ERROR "unexpected diagnostics:\n${last_err}")
endif()
if(EXISTS ${WORK_DIR}/broken)
  message(FATAL_ERROR "a failed run wrote ${WORK_DIR}/broken")
endif()

# An existing output folder is never overwritten: a usage error.
run_corridor(2 run ${tiny} -o ${WORK_DIR}/first -q)

# Replications in parallel give the same files as one thread.
run_corridor(0 run ${tiny} -o ${WORK_DIR}/threads1 --replications 4 --threads 1 -q)
run_corridor(0 run ${tiny} -o ${WORK_DIR}/threads2 --replications 4 --threads 2 -q)
expect_same_results(threads1 threads2 "between 1 and 2 threads")
# flows.csv: a row per flow and KPI with its statistics over the replications; flow_replications.csv
# a row per flow and replication.
file(READ ${WORK_DIR}/threads1/flows.csv flows)
if(NOT flows MATCHES "^flow,origin,destination,cargo_class,kpi,unit,replications,mean,sd,ci95_low,ci95_high\n"
   OR NOT flows MATCHES "\na_to_d,A,D,container,transit_mean,h,4,[0-9.]+,[0-9.]+,[0-9.]+,[0-9.]+\n")
  message(FATAL_ERROR "flows.csv lacks its header or a_to_d's mean transit time over 4 replications:\n${flows}")
endif()
file(READ ${WORK_DIR}/threads1/flow_replications.csv by_replication)
if(NOT by_replication MATCHES "\na_to_d,A,D,container,teu,3,")
  message(FATAL_ERROR "flow_replications.csv lacks a_to_d's replication 3:\n${by_replication}")
endif()

# compare: each scenario's results beside compare.csv and compare.json.
run_corridor(0 compare ${tiny} ${SOURCE_DIR}/tests/data/scenarios/tiny_storms.yaml -o ${WORK_DIR}/compare --replications 3 -q)
foreach(name compare.csv compare.json 0_tiny/flows.csv 1_tiny_storms/flows.csv)
  if(NOT EXISTS ${WORK_DIR}/compare/${name})
    message(FATAL_ERROR "compare did not write ${name}")
  endif()
endforeach()
if(NOT last_out MATCHES "a_to_d +transit_mean h")
  message(FATAL_ERROR "compare printed no table:\n${last_out}")
endif()

# sweep: a grid of two settings, one folder per point and sweep.csv.
run_corridor(0 sweep ${tiny} --set services.ferries.load_factor=0.6,0.9 --set weather.caspian.storm_share=0.1,0.3
             -o ${WORK_DIR}/sweep --replications 2 -q)
file(READ ${WORK_DIR}/sweep/sweep.csv sweep)
if(NOT sweep MATCHES "\n3,point_3,0.9,0.3,a_to_d,transit_mean,h,2,")
  message(FATAL_ERROR "sweep.csv lacks the last grid point:\n${sweep}")
endif()
# The fleet size as planners write it: vessels.<service>.count (tiny's ferries have two vessels).
run_corridor(0 sweep ${tiny} --set vessels.ferries.count=1,3 -o ${WORK_DIR}/fleet_sweep --replications 1 -q)
file(READ ${WORK_DIR}/fleet_sweep/point_0/resources.csv resources)
if(NOT resources MATCHES "\nvessel,F1," OR resources MATCHES "\nvessel,F2,")
  message(FATAL_ERROR "vessels.ferries.count=1 should leave F1 alone:\n${resources}")
endif()
file(READ ${WORK_DIR}/fleet_sweep/point_1/resources.csv resources)
if(NOT resources MATCHES "\nvessel,F2 2,")
  message(FATAL_ERROR "vessels.ferries.count=3 should add a copy of F2 named 'F2 2':\n${resources}")
endif()
run_corridor(3 sweep ${tiny} --set vessels.ferries.size=3 -o ${WORK_DIR}/bad_fleet_sweep -q)
if(NOT last_err MATCHES "expected vessels.<service id>.count")
  message(FATAL_ERROR "unexpected diagnostics:\n${last_err}")
endif()
run_corridor(3 sweep ${tiny} --set services.ferrys.load_factor=0.6 -o ${WORK_DIR}/bad_sweep -q)
if(NOT last_err MATCHES "override of unknown service 'ferrys'; did you mean 'ferries'")
  message(FATAL_ERROR "unexpected diagnostics:\n${last_err}")
endif()
