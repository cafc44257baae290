#!/usr/bin/env python3
"""Prints geodesic areas (km², WGS84) with GeographicLib's own Python port (PyPI geographiclib):
an implementation independent of the one frontline links, for the command tests.

    scripts/geodesic-area.py OUT/truth.json      # "DATE AREA" per date of make-test-front.py's raw files
    scripts/geodesic-area.py FILE.geojson        # "NAME AREA" per feature with a "name" (polygons)
"""
import json
import sys

from geographiclib.geodesic import Geodesic


def ring_km2(ring):
    p = Geodesic.WGS84.Polygon()
    for lon, lat in ring[:-1]:          # the closing position repeats the first
        p.AddPoint(lat, lon)
    _, _, area = p.Compute(False, True)
    return abs(area) / 1e6


def polygon_km2(rings):
    return ring_km2(rings[0]) - sum(ring_km2(r) for r in rings[1:])


doc = json.load(open(sys.argv[1]))
if "features" in doc:
    for f in doc["features"]:
        g = f["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        print(f["properties"]["name"].replace(" ", "_"), repr(sum(polygon_km2(p) for p in polys)))
else:
    for d in doc["dates"]:
        # The generator's polygons are disjoint and have no holes: the area is the sum of the rings'.
        print(d, repr(sum(ring_km2(r) for r in doc["rings"][d])))
