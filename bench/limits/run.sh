#!/usr/bin/env bash
# make bench-limits (issue 24): every command at the README's documented limits, with its time and
# peak memory (GNU time's maximum resident set size). Inputs come from make_inputs.py, written once
# into $WORK (they are deterministic; delete the folder to write them again).
#
#   bench/limits/run.sh FRONTLINE [WORK]
set -uo pipefail
BIN=${1:?usage: run.sh FRONTLINE [WORK]}
WORK=${2:-.build-bench/limits}
IN=$WORK/inputs
HERE=$(cd "$(dirname "$0")" && pwd)
if [ ! -f "$IN/.complete" ]; then
  rm -rf "$IN" && mkdir -p "$IN"
  python3 "$HERE/make_inputs.py" "$IN" && touch "$IN/.complete" || exit 1
fi
printf '%-34s %-16s %6s %8s %9s\n' case command exit seconds peak_MiB
# One measured run: NAME COMMAND-WORDS... (output goes to a fresh $WORK/out; stderr is kept in $WORK/NAME.log).
measure() {
  local name=$1; shift
  rm -rf "$WORK/out" && mkdir -p "$WORK/out"
  /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$BIN" "$@" > "$WORK/$name.log" 2>&1
  local status=$?
  read -r secs kb < <(tail -1 "$WORK/time.txt")
  local verb=$1; [ "$1" = import ] && verb="import $2"
  printf '%-34s %-16s %6s %8s %9s\n' "$name" "$verb" "$status" "$secs" "$((kb / 1024))"
}
REGION=30,50,32,52
measure validate-40000-features        validate "$IN/validate-40k"
measure validate-10m-positions         validate "$IN/positions-10m"
measure validate-json-nesting-512      validate "$IN/json-nesting-512"
measure render-title-100000-words      render --data "$IN/title-100k" --date 2024-01-01 --out "$WORK/out/x.png"
measure render-title-100000-one-word   render --data "$IN/title-word" --date 2024-01-01 --out "$WORK/out/x.png"
measure render-page-100-megapixels     render --data "$IN/title-100k" --date 2024-01-01 --size 10000x10000 --out "$WORK/out/x.png"
measure render-40000-features          render --data "$IN/validate-40k" --date 2024-01-01 --out "$WORK/out/x.png"
measure render-10m-positions           render --data "$IN/positions-10m" --date 2024-01-01 --out "$WORK/out/x.png"
measure frames-one-frame-10m-positions frames --data "$IN/positions-10m" --from 2024-01-01 --to 2024-01-01 --out "$WORK/out/f"
# The importers, each at its limits. An importer added later (GDAL/OGR) adds its lines here.
import_kml() { measure "$1" import kml "$2" --region $REGION --side ru=b --territories "$IN/territories.geojson" \
  --source bench --date 2024-01-01 --min-piece 0 --out "$WORK/out/c"; }
import_kml import-kml-10000-placemarks     "$IN/kml-10k.kml"
import_kml import-kml-100000-placemarks    "$IN/kml-100k.kml"
import_kml import-kml-nesting-100          "$IN/kml-nesting-100.kml"
# import geojson writes DIR/control of a data folder and reads its dataset.json and territories.
mkdir -p "$WORK/geojson-target" && cp -r "$IN/title-100k/dataset.json" "$IN/title-100k/basemap" "$WORK/geojson-target/"
measure import-geojson-10m-positions   import geojson "$IN/geojson-10m.geojson" --side b --source bench --date 2024-01-01 \
  --out "$WORK/geojson-target/control"
