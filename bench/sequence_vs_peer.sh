#!/usr/bin/env bash
# Issue 22: `frontline frames` of every date of a fixture as a whole process (load, frames on all
# cores, files written), against the matplotlib peer drawing the same full frames as 2 processes
# side by side, half the dates each (each loads everything, as a user splitting the job would).
# Wall times from start to exit; prints one line with both and the ratio.
# Usage: bench/sequence_vs_peer.sh FRONTLINE FIXTURE      (after bench/run_peers.sh made the geometry)
set -euo pipefail
cd "$(dirname "$0")/.."
FRONTLINE=$1
FIXTURE=$2
OUT=.build-bench/sequence
GEOMETRY=".build-bench/peer-geometry/$(basename "$FIXTURE")"
N=$(ls "$FIXTURE"/control/*.geojson | wc -l)
HALF=$(( (N + 1) / 2 ))
rm -rf "$OUT" && mkdir -p "$OUT"
now() { python3 -c 'import time; print(time.monotonic())'; }
t0=$(now)
"$FRONTLINE" frames --data "$FIXTURE" --out "$OUT/frontline" > /dev/null
t1=$(now)
for k in 0 1; do
    .build-bench/venv/bin/python bench/peer_matplotlib.py --fixture "$FIXTURE" --frame full --geometry "$GEOMETRY" \
        --offset $((k * HALF)) --frames $(( k == 0 ? HALF : N - HALF )) --out "$OUT/matplotlib" > /dev/null &
done
wait
t2=$(now)
python3 -c "import os; f, m = $t1 - $t0, $t2 - $t1; print('sequence of %d full frames (%s): frontline frames %.2f s, matplotlib as 2 processes %.2f s: %.2fx (load average %.2f)' % ($N, '$FIXTURE', f, m, m / f, os.getloadavg()[0]))"
