#!/usr/bin/env python3
"""Convert GMT multi-segment ASCII text (as dumped by `gmt coast -M`) to GeoJSON.

Reads GMT text on stdin, writes a GeoJSON FeatureCollection of LineString
features to stdout. Standard library only.

Usage:
    gmt coast ... -M | gmt2geojson.py --kind border|river|coast --source "..."

Each segment (introduced by a '>' header line) becomes one LineString feature,
in the order GMT emits them. Segments with fewer than 2 points, or whose
points all coincide (zero length), are dropped; nothing is merged, clipped or
simplified. Coordinates are [lon, lat] rounded to
6 decimals. If the segment header contains "Level <n>" (GMT's coast dump does:
"> River Bin # 13354, Level 2"), that integer is kept as the "level" property,
otherwise "level" is null. Output is deterministic: sorted keys, one
feature per line, no timestamps, trailing newline.
"""

import argparse
import json
import re
import sys

LEVEL_RE = re.compile(r"\bLevel\s+(-?\d+)\b")


def parse_segments(lines):
    """Yield (header_or_None, [(lon, lat), ...]) for each segment."""
    header = None
    points = []
    started = False
    for lineno, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith(">"):
            if started:
                yield header, points
            header = line[1:].strip()
            points = []
            started = True
            continue
        fields = line.replace(",", " ").split()
        if len(fields) < 2:
            raise ValueError("line %d: expected 'lon lat', got %r" % (lineno, raw))
        lon, lat = float(fields[0]), float(fields[1])
        if lon != lon or lat != lat:  # NaN record = segment break (gmt -M single mode)
            if started:
                yield header, points
            header, points, started = None, [], True
            continue
        started = True
        points.append((lon, lat))
    if started:
        yield header, points


def rnd(v):
    r = round(v, 6)
    return 0.0 if r == 0 else r  # avoid "-0.0"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kind", required=True, choices=["border", "river", "coast"])
    ap.add_argument("--source", required=True, help="value of the 'source' property")
    args = ap.parse_args(argv)

    features = []
    for header, pts in parse_segments(sys.stdin):
        coords = []
        for lon, lat in pts:
            c = [rnd(lon), rnd(lat)]
            coords.append(c)
        # Drop segments with fewer than 2 points, and degenerate ones whose
        # points all coincide after rounding (GMT's binned GSHHG files yield
        # such zero-length 2-point stubs where a line touches a bin edge).
        if len(coords) < 2 or all(c == coords[0] for c in coords):
            continue
        level = None
        if header:
            m = LEVEL_RE.search(header)
            if m:
                level = int(m.group(1))
        features.append({
            "type": "Feature",
            "geometry": {"type": "LineString", "coordinates": coords},
            "properties": {"kind": args.kind, "level": level, "source": args.source},
        })

    # Equivalent to json.dumps(fc, sort_keys=True) but with one feature per
    # line, so that regenerated files give readable diffs.
    out = sys.stdout
    out.write('{"features":[')
    for i, f in enumerate(features):
        out.write("\n" if i == 0 else ",\n")
        out.write(json.dumps(f, sort_keys=True, separators=(",", ":"), ensure_ascii=False))
    out.write('\n],"type":"FeatureCollection"}\n' if features else '],"type":"FeatureCollection"}\n')
    return 0


if __name__ == "__main__":
    sys.exit(main())
