#!/usr/bin/env bash
# The report and the GeoJSON as a user meets them: `run`, `compare` and `sweep` write
# report.html; `corridor report DIR` rebuilds it byte for byte and refuses a folder that is not
# whole (exit 3, nothing written); network.geojson and flows.geojson load in GDAL (as QGIS reads
# them); `export-geojson` writes a model's network; every report renders in headless Chromium
# without a console error or a request, and its screenshot is kept in the work folder.
# usage: report_test.sh CORRIDOR SOURCE_DIR WORK_DIR
set -euo pipefail
corridor=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
export CORRIDOR_HUGE_PAGES=0
tiny=$source/tests/data/scenarios/tiny.yaml
fail() { echo "FAIL: $*" >&2; exit 1; }

"$corridor" run "$tiny" --replications 2 -q -o "$work/run" > /dev/null
[ -s "$work/run/report.html" ] || fail "run wrote no report.html"
cp "$work/run/report.html" "$work/first.html"
out=$("$corridor" report "$work/run")
[ "$out" = "report: $work/run/report.html" ] || fail "report said: $out"
cmp "$work/first.html" "$work/run/report.html" || fail "the rebuilt report differs"

# GDAL reads both files as RFC 7946 GeoJSON with the model's features.
ogrinfo -ro -al -so "$work/run/network.geojson" > "$work/network.ogrinfo"
grep -q "Feature Count: 10$" "$work/network.ogrinfo" || fail "network.geojson: $(cat "$work/network.ogrinfo")"
grep -q "^length_km: Real" "$work/network.ogrinfo" || fail "network.geojson has no length_km"
ogrinfo -ro -al "$work/run/flows.geojson" > "$work/flows.ogrinfo"
grep -q "Geometry: Line String" "$work/flows.ogrinfo" || fail "flows.geojson: $(head -20 "$work/flows.ogrinfo")"
grep -q "flow (String) = a_to_d" "$work/flows.ogrinfo" || fail "flows.geojson has no a_to_d"
grep -q "LINESTRING (81 45,51 44)" "$work/flows.ogrinfo" || fail "flows.geojson: link BC is not at lon/lat (81 45, 51 44)"

# A model alone, as GeoJSON: the same network as the run's; never over an existing file.
"$corridor" export-geojson "$source/tests/data/scenarios/tiny_model.yaml" -o "$work/model.geojson" > /dev/null
cmp "$work/model.geojson" "$work/run/network.geojson" || fail "export-geojson differs from the run's network.geojson"
set +e
"$corridor" export-geojson "$source/tests/data/scenarios/tiny_model.yaml" -o "$work/model.geojson" 2> "$work/exists.err"
code=$?
set -e
[ $code -eq 2 ] || fail "export-geojson over an existing file exited $code"

# A folder that is not whole: exit 3, each problem named, nothing written.
cp -r "$work/run" "$work/broken"
rm "$work/broken/report.html"
truncate -s 1000 "$work/broken/shipments.csv"
set +e
"$corridor" report "$work/broken" 2> "$work/broken.err"
code=$?
set -e
[ $code -eq 3 ] || fail "report on a truncated folder exited $code"
grep -q "^$work/broken/shipments.csv: error: has 1000 bytes where the manifest says" "$work/broken.err" \
  || fail "the truncation was not named: $(cat "$work/broken.err")"
grep -q "not a complete results folder; nothing written" "$work/broken.err" || fail "$(cat "$work/broken.err")"
[ ! -e "$work/broken/report.html" ] || fail "a report was written for a broken folder"
ls "$work/broken" | grep -q partial && fail "a temporary file was left"

# A comparison and a sweep write their reports too.
"$corridor" compare "$tiny" "$source/tests/data/scenarios/tiny_storms.yaml" --replications 2 -q -o "$work/compare" > /dev/null
"$corridor" sweep "$tiny" --set vessels.ferries.count=1,2,3 --replications 2 -q -o "$work/sweep" > /dev/null
for f in compare/report.html compare/0_tiny/report.html compare/1_tiny_storms/report.html sweep/report.html \
         sweep/point_0/report.html; do
  [ -s "$work/$f" ] || fail "no $f"
done

# In a real browser: no console error, no request, every chart drawn.
node "$source/tests/e2e/report_browser_test.mjs" \
  "$work/run/report.html" "$work/run.png" \
  "$work/compare/report.html" "$work/compare.png" \
  "$work/sweep/report.html" "$work/sweep.png"
echo "report: ok (screenshots in $work)"
