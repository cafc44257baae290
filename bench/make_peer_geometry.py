#!/usr/bin/env python3
"""Precomputes, for the peer renderers, the geometry of the full frame that Frontline derives itself
each frame: the change since the previous snapshot and the front line (issue 22: the peers get the
same geometry Frontline gets, so their full frames are timed on drawing, not on geometry work that
neither Mapnik nor matplotlib has a step for).

  .build-bench/venv/bin/python bench/make_peer_geometry.py --fixture bench/fixture --out .build-bench/peer-geometry/fixture

Writes, for each snapshot date D (one file per date, GeoJSON, lon/lat):
  change/D.geojson  per side, the ground it took since the previous snapshot (a MultiPolygon, only
                    when at least 0.5 km², as Frontline hatches it), with `km2` and `since`;
  front/D.geojson   the front line (a MultiLineString) and, per side, the ground it holds across the
                    border in km² (`heldKm2`, the panel's big figure).
The rules are Frontline's:
  - change: per side, the union of its areas after less the union before; a side that holds the rest
    of its home (`holdsRestOfHome`, one-sided data) gains what the others lose inside its home;
  - front line: the outline of the ground held across the border less every territory-edge segment
    (borders, coasts, the region's edge: the control split by territory shares their vertices), the
    rest merged into lines (Frontline's `frontLine`, by the same segment hash).
Areas are on the sphere of the authalic radius (within ~0.3 % of Frontline's WGS84 geodesic ones:
they are only printed). Seeded by nothing: the output is fixed by the input (rerun: same bytes).
Runs once per fixture, outside every timing (`bench/run_peers.sh` calls it when the folder is missing).
"""
import argparse
import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_common as pc  # noqa: E402

try:
    import numpy as np
    import shapely
    from shapely.ops import linemerge, unary_union
    from peer_shapes import shape
except ImportError as e:
    sys.exit("%s: run bench/setup_peers.sh, then use .build-bench/venv/bin/python" % e)

R_KM = 6371.0072  # authalic radius of WGS84


def ring_km2(coords):
    """Area of a lon/lat ring on the sphere (the trapezoid rule on sin(lat), as in spherical excess
    formulas for short edges), in km², unsigned."""
    a = np.radians(np.asarray(coords))
    lon, lat = a[:, 0], a[:, 1]
    s = np.sum((lon[1:] - lon[:-1]) * (2 + np.sin(lat[:-1]) + np.sin(lat[1:])))
    return abs(s) * R_KM * R_KM / 2


def km2(geom):
    total = 0.0
    for p in getattr(geom, "geoms", [geom]):
        if p.is_empty:
            continue
        total += ring_km2(p.exterior.coords) - sum(ring_km2(r.coords) for r in p.interiors)
    return total


def read(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)["features"]


def rings(geom):
    for p in getattr(geom, "geoms", [geom]):
        yield p.exterior.coords
        for r in p.interiors:
            yield r.coords


def key(p, q):
    return (p, q) if p <= q else (q, p)


def front_line(across, edges):
    """The outlines of `across` less every segment in `edges`, as merged lines."""
    runs = []
    for geom in across:
        for ring in rings(geom):
            pts = [tuple(c) for c in ring]
            run = []
            for p, q in zip(pts, pts[1:]):
                if key(p, q) in edges:
                    if len(run) > 1:
                        runs.append(run)
                    run = []
                else:
                    run = run or [p]
                    run.append(q)
            if len(run) > 1:
                runs.append(run)
    merged = linemerge(shapely.multilinestrings([shapely.linestrings(r) for r in runs])) if runs else None
    parts = [] if merged is None else [list(map(list, g.coords)) for g in getattr(merged, "geoms", [merged])]
    return {"type": "MultiLineString", "coordinates": parts}


def geojson(geom):
    return json.loads(shapely.to_geojson(shapely.set_precision(geom, 1e-7)))


def write(path, features):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write('{"type":"FeatureCollection","features":[\n')
        fh.write(",\n".join(json.dumps(f, separators=(",", ":")) for f in features))
        fh.write("\n]}\n")


def main():
    ap = argparse.ArgumentParser(description="Precompute the change and front line of every snapshot for the peers.")
    ap.add_argument("--fixture", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    ds = pc.Dataset(args.fixture)
    sides = ds.manifest["sides"]
    territories = {f["properties"]["name"]: shape(f["geometry"]) for f in read(ds.path("basemap/territories.geojson"))}
    edges = set()
    for geom in territories.values():
        for ring in rings(geom):
            pts = [tuple(c) for c in ring]
            edges.update(key(p, q) for p, q in zip(pts, pts[1:]))

    previous = None
    for path in ds.control:
        feats = read(path)
        date = feats[0]["properties"]["date"]
        held = {s["id"]: [] for s in sides}
        across = {s["id"]: [] for s in sides}
        for f in feats:
            g = shape(f["geometry"])
            held.setdefault(f["properties"]["side"], []).append(g)
            if pc.held_across_border(f, ds.sides):
                across.setdefault(f["properties"]["side"], []).append(g)
        union = {s: unary_union(gs) if gs else shapely.Polygon() for s, gs in held.items()}
        front = {"type": "Feature", "properties": {"kind": "front", "date": date}, "geometry": front_line(
            [g for gs in across.values() for g in gs], edges)}
        front["properties"].update({"heldKm2_" + s: round(sum(km2(g) for g in gs), 1) for s, gs in across.items()})
        write(os.path.join(args.out, "front", date + ".geojson"), [front])
        changes = []
        if previous is not None:
            since, before = previous
            gained = {s: union[s].difference(before[s]) for s in union}
            lost = {s: before[s].difference(union[s]) for s in union}
            for s in sides:
                if s.get("holdsRestOfHome") and s.get("home") in territories:
                    home = territories[s["home"]]
                    others = [lost[o] for o in lost if o != s["id"] and not lost[o].is_empty]
                    gained[s["id"]] = unary_union(others).intersection(home) if others else shapely.Polygon()
            for s in sides:
                g = gained[s["id"]]
                area = km2(g)
                if g.is_empty or area < 0.5:
                    continue
                changes.append({"type": "Feature", "properties": {"side": s["id"], "km2": round(area, 1), "since": since},
                                "geometry": geojson(g)})
        write(os.path.join(args.out, "change", date + ".geojson"), changes)
        previous = (date, union)
    print("peer geometry: %s, %d dates" % (args.out, len(ds.control)))


if __name__ == "__main__":
    main()
