#!/usr/bin/env python3
"""Writes a front unlike Kursk, for tests: deterministic, standard library only.

    scripts/make-test-front.py OUT [--days N] [--every-day]
    scripts/make-test-front.py OUT --along FOLDER [--days N]

OUT/myfront/   a data folder (what `frontline init` is to write; until then this script stands in):
               dataset.json with a one-sided pair of sides ("west" holds the rest of its home),
               settlements.geojson, basemap/territories.geojson (two countries on a coast, the sea
               left out), basemap/border.geojson (the border with gaps, as tiled sources have),
               basemap/coast.geojson (the coast line).
OUT/raw/       what a public daily source publishes: occupied_YYYYMMDD.geojson, one MultiPolygon of
               the ground "east" took in Westland, empty properties; days missing; one day gzipped;
               one day with a Point feature; the polygon's border edge drawn 1–2 km off the basemap's.
OUT/truth.json the dates written and, per date, the raw rings (so a test can measure them itself).

With --along FOLDER (a folder `frontline init` wrote), only OUT/raw and OUT/truth.json are written:
the ground lies west of the longest line of FOLDER/basemap/border.geojson, from 0.12° north of its
southern end to 0.1° south of its northern end, its border edge drawn 1–2 km off that line, as
another source would draw the same border.

Why these hazards: see issue 16 (a whole-front daily file, one side only, a border that runs 1–2 km
from the basemap's, missing days).
"""
import gzip
import json
import math
import os
import sys
from datetime import date, timedelta

REGION = [20.0, 38.0, 23.0, 40.0]     # W, S, E, N: far from Kursk, on a coast
NORTH = 39.8                           # the ground's northern edge, inside the region
KM_PER_DEG_LAT = 111.2


def border_lon(lat):
    """The basemap's border: a wavy north–south line, in degrees of longitude."""
    return 21.5 + 0.08 * math.sin((lat - 38.0) * 5.0)


def coast_lat(lon):
    """The coast: land north of it, sea south."""
    return 38.35 + 0.05 * math.sin((lon - 20.0) * 3.0)


def km_to_lon(km, lat):
    return km / (KM_PER_DEG_LAT * math.cos(math.radians(lat)))


def source_offset_km(lat):
    """How far east of the basemap's border the source draws it: 1–2 km, on either side."""
    s = math.sin((lat - 38.0) * 7.0)
    return (1.0 + abs(s)) * (1 if s >= 0 else -1)


def r6(v):
    return round(v, 6)


def ground(day_index, days):
    """The ground east holds on a day: a band west of the (source's) border, growing deeper."""
    south = 38.5                       # north of the coast everywhere (coast ≤ 38.4)
    lats = [south + (NORTH - south) * k / 120 for k in range(121)]
    depth = 8.0 + 50.0 * day_index / max(1, days - 1)          # km
    east_edge = [(r6(border_lon(la) + km_to_lon(source_offset_km(la), la)), r6(la)) for la in lats]
    front = [(r6(border_lon(la) - km_to_lon(depth * (0.7 + 0.3 * math.cos((la - 38.5) * 4.0)), la)), r6(la))
             for la in reversed(lats)]
    ring = east_edge + front
    ring.append(ring[0])
    polygons = [[ring]]
    if day_index >= days // 2:
        # A bridgehead apart from the band, on the later days.
        c = (20.6, 39.2)
        sq = [(c[0], c[1]), (c[0] + 0.1, c[1]), (c[0] + 0.1, c[1] + 0.08), (c[0], c[1] + 0.08), (c[0], c[1])]
        polygons.append([[(r6(x), r6(y)) for x, y in sq]])
    return polygons


def feature(geometry, props=None):
    return {"type": "Feature", "properties": props or {}, "geometry": geometry}


def write(path, obj, gz=False):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = json.dumps(obj, separators=(",", ":"))
    if gz:
        with open(path, "wb") as f:
            # mtime 0: the same bytes every run.
            f.write(gzip.compress(text.encode(), mtime=0))
    else:
        with open(path, "w") as f:
            f.write(text)


def coast_line():
    """The coast as basemap/coast.geojson draws it, west to east."""
    return [(r6(20.0 + 3.0 * k / 300), r6(coast_lat(20.0 + 3.0 * k / 300))) for k in range(301)]


def territories():
    """Westland and Eastland: the land north of the coast, either side of the border; the sea is neither."""
    lats = [38.0 + 2.0 * k / 200 for k in range(201)]
    # The border from the coast to the region's north edge.
    border = [(r6(border_lon(la)), r6(la)) for la in lats if la >= coast_lat(border_lon(la))]
    border.insert(0, (border[0][0], r6(coast_lat(border[0][0]))))
    x0 = border[0][0]
    coast_w = [p for p in coast_line() if 20.0 < p[0] < x0]
    coast_e = [p for p in coast_line() if x0 < p[0] < 23.0]
    # The region's northern edge is a parallel, not a geodesic: points every 0.01° keep it one.
    def parallel(x1, x2):
        n = max(1, int(abs(x2 - x1) / 0.01))
        return [(r6(x1 + (x2 - x1) * k / n), 40.0) for k in range(1, n)]
    west = [(20.0, 40.0), (20.0, r6(coast_lat(20.0)))] + coast_w + border + parallel(border[-1][0], 20.0) + [(20.0, 40.0)]
    east = ([(23.0, r6(coast_lat(23.0))), (23.0, 40.0)] + parallel(23.0, border[-1][0]) + list(reversed(border)) + coast_e
            + [(23.0, r6(coast_lat(23.0)))])
    return west, east, border


def along(folder, out, days):
    """Raw daily files west of a real border (see the module's comment)."""
    with open(os.path.join(folder, "basemap/border.geojson")) as f:
        lines = [l for feat in json.load(f)["features"] for l in feat["geometry"]["coordinates"]]
    line = max(lines, key=len)
    if line[0][1] > line[-1][1]:
        line = list(reversed(line))
    south, north = line[0][1] + 0.12, line[-1][1] - 0.1
    # Northward only, so that edges shifted east or west stay simple.
    pts = []
    for x, y in line:
        if south <= y <= north and (not pts or y > pts[-1][1] + 1e-4):
            pts.append((x, y))
    start = date(2025, 3, 1)
    truth = {"dates": [], "rings": {}}
    for k in range(days):
        if k % 7 == 3:
            continue
        d = start + timedelta(days=k)
        depth = 8.0 + 30.0 * k / max(1, days - 1)
        east = [(r6(x + km_to_lon(source_offset_km(y * 3), y)), r6(y)) for x, y in pts]
        west = [(r6(x - km_to_lon(depth * (0.7 + 0.3 * math.cos(y * 9.0)), y)), r6(y)) for x, y in reversed(pts)]
        ring = east + west + [east[0]]
        name = "occupied_%s.geojson" % d.strftime("%Y%m%d")
        features = [feature({"type": "MultiPolygon", "coordinates": [[ring]]})]
        if k == 5:
            features.append(feature({"type": "Point", "coordinates": list(pts[len(pts) // 2])}, {"note": "a marker"}))
        write(os.path.join(out, "raw", name + (".gz" if k == 8 else "")), {"type": "FeatureCollection", "features": features}, gz=k == 8)
        truth["dates"].append(d.isoformat())
        truth["rings"][d.isoformat()] = [ring]
    with open(os.path.join(out, "truth.json"), "w") as f:
        json.dump(truth, f)


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    out = args[0]
    days = int(args[args.index("--days") + 1]) if "--days" in args else 30
    if "--along" in args:
        along(args[args.index("--along") + 1], out, days)
        return
    folder = os.path.join(out, "myfront")
    west, east, border = territories()
    write(os.path.join(folder, "basemap/territories.geojson"), {"type": "FeatureCollection", "features": [
        feature({"type": "Polygon", "coordinates": [west]}, {"name": "Westland", "source": "make-test-front.py"}),
        feature({"type": "Polygon", "coordinates": [east]}, {"name": "Eastland", "source": "make-test-front.py"}),
    ]})
    # The border line in tiles, as tiled sources give it: each tile stops 0.003° short of the next,
    # the first 0.003° short of the coast, the last 0.003° short of the region's northern edge.
    def short(a, b, by=0.003):
        d = math.hypot(b[0] - a[0], b[1] - a[1])
        return (r6(b[0] - (b[0] - a[0]) * by / d), r6(b[1] - (b[1] - a[1]) * by / d))
    tiles = [border[k:k + 41] for k in range(0, len(border) - 1, 40)]
    tiles = [t[:-1] + [short(t[-2], t[-1])] for t in tiles]
    tiles[0][0] = short(tiles[0][1], tiles[0][0])
    write(os.path.join(folder, "basemap/border.geojson"), {"type": "FeatureCollection", "features": [
        feature({"type": "MultiLineString", "coordinates": [t for t in tiles if len(t) >= 2]}, {"source": "make-test-front.py"})]})
    coast = coast_line()
    write(os.path.join(folder, "basemap/coast.geojson"), {"type": "FeatureCollection", "features": [
        feature({"type": "LineString", "coordinates": coast}, {"source": "make-test-front.py"})]})
    towns = [("Amberton", 21.40, 39.00, 12000), ("Brightwater", 21.20, 39.30, 30000), ("Coldharbour", 21.05, 38.70, 8000),
             ("Dunmore", 20.40, 39.50, 50000), ("Eastwick", 22.20, 39.20, 40000)]
    write(os.path.join(folder, "settlements.geojson"), {"type": "FeatureCollection", "features": [
        feature({"type": "Point", "coordinates": [x, y]}, {
            "name": n, "altNames": [], "nameRu": None, "kind": "town", "district": None, "population": p,
            "populationYear": 2020, "precision": "exact", "source": "make-test-front.py (invented)", "note": None})
        for n, x, y, p in towns]})
    with open(os.path.join(folder, "dataset.json"), "w") as f:
        json.dump({
            "title": "Westland front (generated test data)", "region": REGION, "view": [20.2, 38.2, 22.8, 39.9],
            "sides": [
                {"id": "west", "name": "Western forces", "home": "Westland", "holdsRestOfHome": True},
                {"id": "east", "name": "Eastern forces", "home": "Eastland"}],
            "borderToleranceKm": 2.5,
            "attribution": ["Generated by scripts/make-test-front.py: invented places and fronts"],
            "caveat": "Invented data for tests"}, f, indent=1)
    start = date(2025, 3, 1)
    truth = {"dates": [], "rings": {}}
    for k in range(days):
        if k % 7 == 3 and "--every-day" not in args:
            continue                   # missing days (--every-day: none, a strictly daily source)
        d = start + timedelta(days=k)
        polygons = ground(k, days)
        features = [feature({"type": "MultiPolygon", "coordinates": polygons})]
        if k == 5:
            features.append(feature({"type": "Point", "coordinates": [21.0, 39.0]}, {"note": "a marker, not ground"}))
        name = "occupied_%s.geojson" % d.strftime("%Y%m%d")
        gz = k == 8
        write(os.path.join(out, "raw", name + (".gz" if gz else "")), {"type": "FeatureCollection", "features": features}, gz=gz)
        truth["dates"].append(d.isoformat())
        truth["rings"][d.isoformat()] = [p[0] for p in polygons]
    with open(os.path.join(out, "truth.json"), "w") as f:
        json.dump(truth, f)


if __name__ == "__main__":
    main()
