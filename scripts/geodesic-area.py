#!/usr/bin/python3
"""Prints the geodesic area (km², WGS84) of every ring set in a truth.json from make-test-front.py,
one line "DATE AREA" per date, with GeographicLib's own Python port (python3-geographiclib): an
implementation independent of the one frontline links, for the command tests.

    scripts/geodesic-area.py OUT/truth.json
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


truth = json.load(open(sys.argv[1]))
for d in truth["dates"]:
    # The generator's polygons are disjoint and have no holes: the area is the sum of the rings'.
    print(d, repr(sum(ring_km2(r) for r in truth["rings"][d])))
