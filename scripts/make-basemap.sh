#!/usr/bin/env bash
# Regenerate the Frontline basemap (national borders + rivers) from GSHHG at
# FULL resolution, via GMT's `gmt coast -M` segment dump.
#
#   scripts/make-basemap.sh                       # default region
#   REGION="33.5/37/50.5/52.2" scripts/make-basemap.sh
#
# Writes (atomically: temp file in the same folder, then mv):
#   GeoData/basemap/border.geojson   -- `gmt coast -R$REGION -N1 -M -Df`
#   GeoData/basemap/rivers.geojson   -- `gmt coast -R$REGION -Ia -M -Df`
#   GeoData/basemap/inset-coast.geojson   -- `gmt coast -R$INSET_REGION -W -A0/1/1 -M -Dl` (low-resolution sea shorelines)
#   GeoData/basemap/inset-borders.geojson -- `gmt coast -R$INSET_REGION -N1 -M -Dl` (low-resolution borders)
#
# Requirements: gmt (>= 6) with the full-resolution GSHHG data
# (Debian/Ubuntu: gmt gmt-gshhg-full) and python3 (standard library only).
set -euo pipefail

# Region as W/E/S/N in degrees; override with the REGION environment variable.
REGION="${REGION:-33.5/37/50.5/52.2}"
# The inset's wider region (Ukraine and western Russia), W/E/S/N; override with INSET_REGION.
INSET_REGION="${INSET_REGION:-22/46/43/57}"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
OUT_DIR="$REPO_ROOT/GeoData/basemap"
CONVERTER="$SCRIPT_DIR/gmt2geojson.py"

export LC_ALL=C

if ! [[ "$REGION" =~ ^-?[0-9.]+/-?[0-9.]+/-?[0-9.]+/-?[0-9.]+$ ]]; then
    echo "make-basemap: REGION must be W/E/S/N in decimal degrees, got '$REGION'" >&2
    exit 2
fi

if ! command -v gmt >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        echo "make-basemap: gmt not found; installing it" >&2
        apt-get install -y gmt gmt-gshhg-full
    else
        echo "make-basemap: gmt not found. Install it with:" >&2
        echo "  sudo apt-get install -y gmt gmt-gshhg-full" >&2
        exit 1
    fi
fi
command -v python3 >/dev/null 2>&1 || { echo "make-basemap: python3 not found" >&2; exit 1; }

# Run GMT in a scratch directory so it cannot leave gmt.history/gmt.conf in the repo.
WORK="$(mktemp -d)"
TMP_FILES=()
cleanup() {
    rm -rf "$WORK"
    if [ "${#TMP_FILES[@]}" -gt 0 ]; then rm -f "${TMP_FILES[@]}"; fi
}
trap cleanup EXIT

gmt_coast() { (cd "$WORK" && gmt coast --GMT_HISTORY=false "$@"); }

GMT_VERSION="$(gmt --version)"

# GSHHG version: read the "version" global attribute of the full-resolution
# border file that GMT actually opens (printed in GMT's debug output).
gshhg_version() {
    local nc
    nc="$(gmt_coast -R"$REGION" -N1 -M -Df -Vd 2>&1 >/dev/null \
          | sed -n 's/.*GSHHG: OK, could access \(.*binned_border_f\.nc\).*/\1/p' | head -n1)"
    if [ -n "$nc" ] && [ -r "$nc" ]; then
        python3 - "$nc" <<'PY'
import re, sys
with open(sys.argv[1], "rb") as f:
    head = f.read(1 << 16)
# The attribute name "version" is stored shortly before its value; skip the
# "version=..|netcdflibversion=..|hdf5libversion=.." of _NCProperties.
m = re.search(rb"(?<![A-Za-z])version(?![=A-Za-z]).{0,64}?(\d+\.\d+\.\d+)", head, re.S)
print(m.group(1).decode() if m else "")
PY
    fi
}
GSHHG_VERSION="${GSHHG_VERSION:-$(gshhg_version)}"
if [ -z "$GSHHG_VERSION" ]; then
    GSHHG_VERSION="$(dpkg-query -W -f='${Version}' gmt-gshhg-full 2>/dev/null | sed 's/-.*//' || true)"
fi
if [ -z "$GSHHG_VERSION" ]; then
    echo "make-basemap: cannot find full-resolution GSHHG data (binned_border_f.nc)." >&2
    echo "  Install it with: sudo apt-get install -y gmt gmt-gshhg-full" >&2
    exit 1
fi

mkdir -p "$OUT_DIR"

# extract <kind> <outfile> <gmt coast feature flag>
extract() {
    local kind="$1" out="$2" flag="$3"
    local cmd="gmt coast -R$REGION $flag -M -Df"
    local src="GSHHG $GSHHG_VERSION full resolution via GMT $GMT_VERSION ($cmd)"
    local tmp
    tmp="$(mktemp "$OUT_DIR/.$(basename "$out").XXXXXX")"
    TMP_FILES+=("$tmp")
    gmt_coast -R"$REGION" "$flag" -M -Df > "$WORK/$kind.txt"
    python3 "$CONVERTER" --kind "$kind" --source "$src" < "$WORK/$kind.txt" > "$tmp"
    chmod 644 "$tmp"
    mv -f "$tmp" "$out"
    local nseg
    nseg="$(grep -c '"type":"Feature"' "$out" || true)"
    echo "make-basemap: wrote ${out#"$REPO_ROOT"/} ($nseg segments; $cmd)"
}

extract border "$OUT_DIR/border.geojson" -N1
extract river  "$OUT_DIR/rivers.geojson" -Ia

# The inset: shorelines and national borders of the wider region from GSHHG's low ("l") resolution;
# a locator map a few hundred pixels wide needs no more. Crude ("c") borders left gaps too wide to
# close (Belarus–Lithuania): the inset's country faces, which its names are placed in, need them shut.
# `-A0/1/1` keeps shoreline level 1 (the sea) only: with lakes, polygonizing the shorelines into land
# and sea (`make basemap` does it next, into inset.geojson) gave lake faces no label could name.
extract_inset() {
    local kind="$1" out="$2" flag="$3"
    local cmd="gmt coast -R$INSET_REGION $flag -M -Dl"
    local tmp
    tmp="$(mktemp "$OUT_DIR/.$(basename "$out").XXXXXX")"
    TMP_FILES+=("$tmp")
    gmt_coast -R"$INSET_REGION" $flag -M -Dl > "$WORK/$kind-inset.txt"
    python3 "$CONVERTER" --kind "$kind" --source "GSHHG $GSHHG_VERSION low resolution via GMT $GMT_VERSION ($cmd)" \
        < "$WORK/$kind-inset.txt" > "$tmp"
    chmod 644 "$tmp"
    mv -f "$tmp" "$out"
    echo "make-basemap: wrote ${out#"$REPO_ROOT"/} ($(grep -c '"type":"Feature"' "$out" || true) segments; $cmd)"
}
extract_inset coast  "$OUT_DIR/inset-coast.geojson" "-W -A0/1/1"
extract_inset border "$OUT_DIR/inset-borders.geojson" -N1
