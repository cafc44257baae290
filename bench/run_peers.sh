#!/usr/bin/env bash
# Times every peer renderer on the bench fixture, one after another (never side by side: they
# would share the 2 cores), and prints one JSON line each. Frames go to .build-bench/<peer>/.
# Usage: bench/run_peers.sh [FRAMES] [FIXTURE]     (run bench/setup_peers.sh once first)
set -euo pipefail
cd "$(dirname "$0")/.."
FRAMES=${1:-30}
FIXTURE=${2:-bench/fixture}
OUT=.build-bench
/usr/bin/python3 bench/peer_mapnik.py --backend agg --fixture "$FIXTURE" --frames "$FRAMES" --out "$OUT/mapnik-agg"
if /usr/bin/python3 -c 'import mapnik, cairo, sys; sys.exit(0 if mapnik.has_pycairo() else 1)' 2>/dev/null; then
    /usr/bin/python3 bench/peer_mapnik.py --backend cairo --fixture "$FIXTURE" --frames "$FRAMES" --out "$OUT/mapnik-cairo"
fi
"$OUT/venv/bin/python" bench/peer_matplotlib.py --fixture "$FIXTURE" --frames "$FRAMES" --out "$OUT/matplotlib"
