#!/usr/bin/env bash
# Installs what the peer renderers need, so that `make bench` can time them beside Frontline.
#   - Mapnik: Debian's python3-mapnik (Mapnik 3.1 with AGG and Cairo); it is built for Debian's
#     own Python, so bench/peer_mapnik.py runs under /usr/bin/python3, not a venv.
#   - matplotlib + shapely: from PyPI into a venv at .build-bench/venv (ignored by .gitignore's
#     .build-*/ rule), pinned so that reruns time the same code.
# Safe to rerun: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! /usr/bin/python3 -c 'import mapnik' 2>/dev/null; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -q && apt-get install -y -q python3-mapnik
    else
        echo "python3-mapnik is missing; install it with:" >&2
        echo "  sudo apt-get update && sudo apt-get install -y python3-mapnik" >&2
        exit 1
    fi
fi

VENV=.build-bench/venv
PY=${PYTHON:-python3}
if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
fi
"$VENV/bin/python" -c 'import matplotlib, shapely' 2>/dev/null ||
    "$VENV/bin/pip" install -q --disable-pip-version-check matplotlib==3.10.7 shapely==2.1.2 numpy==2.3.4

echo "peers ready: /usr/bin/python3 (mapnik $(/usr/bin/python3 -c 'import mapnik; print(mapnik.mapnik_version())')), \
$VENV/bin/python (matplotlib $("$VENV/bin/python" -c 'import matplotlib; print(matplotlib.__version__)'), \
shapely $("$VENV/bin/python" -c 'import shapely; print(shapely.__version__)'))"
