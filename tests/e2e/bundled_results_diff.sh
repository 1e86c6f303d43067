#!/usr/bin/env bash
# Runs every bundled scenario with two corridor binaries at a fixed seed and compares every
# result file byte for byte (the manifest apart: it records the command line). A refactoring
# that must not change behaviour passes this with its binary against the one before it.
#
#   tests/e2e/bundled_results_diff.sh BEFORE_BINARY AFTER_BINARY [REPLICATIONS] [--adaptive]
#
# --adaptive runs each scenario a second time with every flow that does not name its own policy
# routed adaptively (routing: {policy: adaptive}), which exercises the re-planning paths.
# Exit 0 when every file matches, 1 with the differing files listed otherwise.
set -euo pipefail
before=$(realpath "$1")
after=$(realpath "$2")
replications=${3:-3}
adaptive=${4:-}
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

variants=(plain)
if [ "$adaptive" = "--adaptive" ]; then variants+=(adaptive); fi

status=0
for scenario in "$here"/scenarios/*.yaml; do
  name=$(basename "$scenario" .yaml)
  for variant in "${variants[@]}"; do
    input=$scenario
    if [ "$variant" = adaptive ]; then
      input=$work/${name}_adaptive.yaml
      printf 'extends: %s\nrouting: {policy: adaptive}\n' "$scenario" >"$input"
    fi
    for side in before after; do
      binary=$before
      [ "$side" = after ] && binary=$after
      CORRIDOR_HUGE_PAGES=0 "$binary" run "$input" --seed 11 --replications "$replications" --threads 2 -q \
        -o "$work/$side/$name.$variant" >/dev/null
    done
    for file in "$work/before/$name.$variant"/*; do
      base=$(basename "$file")
      [ "$base" = manifest.json ] && continue
      if ! cmp -s "$file" "$work/after/$name.$variant/$base"; then
        echo "differs: $name ($variant) $base"
        status=1
      fi
    done
    after_files=$(ls "$work/after/$name.$variant" | sort)
    before_files=$(ls "$work/before/$name.$variant" | sort)
    if [ "$after_files" != "$before_files" ]; then
      echo "differs: $name ($variant) the set of files"
      status=1
    fi
  done
done
[ $status = 0 ] && echo "all bundled scenarios: identical results (${variants[*]}, $replications replications)"
exit $status
