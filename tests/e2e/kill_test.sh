#!/usr/bin/env bash
# SIGKILL during `corridor run` leaves the claimed destination (empty) and its temporary folder;
# the next run into the same folder removes both, as the process that made them no longer
# runs, and its own results appear whole.
set -u
corridor=$1 source_dir=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*"; ls -la "$work"; exit 1; }
"$corridor" run "$source_dir/scenarios/baseline_2025.yaml" --replications 500 --threads 1 --allow-large -q \
    -o "$work/killed" >/dev/null 2>&1 &
pid=$!
sleep 2
kill -KILL "$pid"
wait "$pid" 2>/dev/null
[ -d "$work/killed" ] || fail "the claim was not made before simulating"
[ -d "$work/killed.partial-$pid" ] || fail "no temporary folder of the killed run"
"$corridor" run "$source_dir/tests/data/scenarios/tiny.yaml" --replications 1 -q -o "$work/next" >/dev/null ||
    fail "the next run failed"
[ ! -e "$work/killed.partial-$pid" ] || fail "the killed run's temporary folder is still there"
[ ! -e "$work/killed" ] || fail "the killed run's empty claim is still there"
[ -s "$work/next/manifest.json" ] || fail "the next run's results are missing"
echo "SIGKILL: stale folders removed by the next run"
