#!/usr/bin/env bash
# Ctrl-C (or SIGTERM) during `corridor run`: exit 130; either the replications completed so far
# are written whole with "partial": true, or (interrupted before the first one, or during the
# write) nothing is written. Never a temporary folder left behind. The outcome is asserted
# either way, so the test does not depend on how fast the machine is.
#
#   interrupt_test.sh CORRIDOR SOURCE_DIR WORK_DIR [INT|TERM]
set -u
corridor=$1 source_dir=$2 work=$3 signal=${4:-INT}
rm -rf "$work" && mkdir -p "$work"
"$corridor" run "$source_dir/scenarios/baseline_2025.yaml" --replications 500 --threads 1 --allow-large -q \
    -o "$work/out" >"$work/stdout" 2>"$work/stderr" &
pid=$!
sleep 3
kill -"$signal" "$pid"
wait "$pid"
code=$?
fail() { echo "FAIL: $*"; echo "--- stdout"; cat "$work/stdout"; echo "--- stderr"; cat "$work/stderr"; exit 1; }
[ "$code" -eq 130 ] || fail "exit $code, expected 130"
if [ -d "$work/out" ]; then
    grep -q '"partial": true' "$work/out/manifest.json" || fail "manifest not marked partial"
    grep -q "partial: interrupted" "$work/stdout" || fail "stdout does not say the results are partial"
    for f in manifest.json summary.json flows.csv flow_replications.csv resources.csv resource_replications.csv daily_flows.csv daily_resources.csv; do
        [ -s "$work/out/$f" ] || fail "missing $f"
    done
else
    grep -q "nothing written" "$work/stderr" || fail "no folder and no message"
fi
leftovers=$(find "$work" -maxdepth 1 -name '*partial-*')
[ -z "$leftovers" ] || fail "temporary folders left: $leftovers"
echo "SIG$signal: exit 130, $( [ -d "$work/out" ] && echo "partial results written" || echo "nothing written")"
