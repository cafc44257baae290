#!/usr/bin/env bash
# Times every peer renderer on a fixture, one after another (never side by side: they would share
# the 2 cores), each on the stripped `bench` frame and on the `full` frame (bench/README.md says
# what each draws), and prints one JSON line per run. Frames go to .build-bench/<peer>[-full]/.
# The full frame's change and front line are precomputed once per fixture (outside every timing)
# by bench/make_peer_geometry.py into .build-bench/peer-geometry/<fixture's folder name>.
# Usage: bench/run_peers.sh [FRAMES] [FIXTURE]     (run bench/setup_peers.sh once first)
set -euo pipefail
cd "$(dirname "$0")/.."
FRAMES=${1:-30}
FIXTURE=${2:-bench/fixture}
OUT=.build-bench
GEOMETRY="$OUT/peer-geometry/$(basename "$FIXTURE")"
if [ ! -f "$GEOMETRY/done" ] || [ "$(cat "$GEOMETRY/done")" != "$(cat "$FIXTURE"/control/*.geojson bench/make_peer_geometry.py | cksum)" ]; then
    rm -rf "$GEOMETRY"
    "$OUT/venv/bin/python" bench/make_peer_geometry.py --fixture "$FIXTURE" --out "$GEOMETRY" >&2
    cat "$FIXTURE"/control/*.geojson bench/make_peer_geometry.py | cksum > "$GEOMETRY/done"
fi
CAIRO=0
/usr/bin/python3 -c 'import mapnik, cairo, sys; sys.exit(0 if mapnik.has_pycairo() else 1)' 2>/dev/null && CAIRO=1
for FRAME in bench full; do
    ARGS=(--fixture "$FIXTURE" --frames "$FRAMES" --frame "$FRAME" --geometry "$GEOMETRY")
    SUFFIX=$([ "$FRAME" = full ] && echo -full || true)
    /usr/bin/python3 bench/peer_mapnik.py --backend agg "${ARGS[@]}" --out "$OUT/mapnik-agg$SUFFIX" 2> >(grep -v '^lcc: Invalid latitude' >&2)
    if [ "$CAIRO" = 1 ]; then
        /usr/bin/python3 bench/peer_mapnik.py --backend cairo "${ARGS[@]}" --out "$OUT/mapnik-cairo$SUFFIX" 2> >(grep -v '^lcc: Invalid latitude' >&2)
    fi
    "$OUT/venv/bin/python" bench/peer_matplotlib.py "${ARGS[@]}" --out "$OUT/matplotlib$SUFFIX"
done
