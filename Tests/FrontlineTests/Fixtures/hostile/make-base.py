#!/usr/bin/env python3
"""Writes base/: the small, valid data set every hostile case starts from (two sides, two
territories, two snapshots, two settlements, one event). Deterministic; run from this folder."""
import json, os

def box(w, s, e, n):
    return [[[w, s], [e, s], [e, n], [w, n], [w, s]]]

def area(date, side, territory, rect):
    return {"type": "Feature", "properties": {
        "date": date, "side": side, "status": "assessed", "territory": territory,
        "source": "hostile-corpus base"}, "geometry": {"type": "Polygon", "coordinates": box(*rect)}}

def write(path, value):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w") as f:
        json.dump(value, f, indent=1, sort_keys=True)
        f.write("\n")

def collection(features):
    return {"type": "FeatureCollection", "features": features}

write("base/dataset.json", {
    "title": "Hostile corpus base", "region": [30, 50, 32, 52], "view": [30.2, 50.2, 31.8, 51.8],
    "sides": [{"id": "a", "name": "A forces", "home": "Aland"}, {"id": "b", "name": "B forces", "home": "Bland"}],
    "attribution": ["Synthetic test data."]})
write("base/basemap/territories.geojson", collection([
    {"type": "Feature", "properties": {"name": "Aland"}, "geometry": {"type": "Polygon", "coordinates": box(30, 50, 31, 52)}},
    {"type": "Feature", "properties": {"name": "Bland"}, "geometry": {"type": "Polygon", "coordinates": box(31, 50, 32, 52)}}]))
for date, front in [("2024-01-01", 30.8), ("2024-02-01", 30.9)]:
    write(f"base/control/{date}.geojson", collection([
        area(date, "a", "Aland", (30, 50, front, 52)), area(date, "b", "Aland", (front, 50, 31, 52)),
        area(date, "b", "Bland", (31, 50, 32, 52))]))
def settlement(name, lon, lat):
    return {"type": "Feature", "properties": {"name": name, "kind": "town", "population": 1000, "populationYear": 2021,
            "precision": "exact", "source": "synthetic"}, "geometry": {"type": "Point", "coordinates": [lon, lat]}}
write("base/settlements.geojson", collection([settlement("Alpha", 30.5, 51.0), settlement("Beta", 31.5, 51.0)]))
write("base/events.geojson", collection([{"type": "Feature", "id": "2024-01-15-alpha-fighting",
    "properties": {"date": "2024-01-15", "datePrecision": "day", "kind": "fighting", "actor": "b", "claimedBy": "publication",
                   "status": "reported", "settlement": "Alpha", "summary": "Fighting near Alpha.",
                   "source": {"publication": "Synthetic", "published": "2024-01-16", "headline": "Test"}},
    "geometry": {"type": "Point", "coordinates": [30.5, 51.0]}}]))
