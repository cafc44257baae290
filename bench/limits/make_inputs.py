#!/usr/bin/env python3
"""Writes inputs at the README's documented limits, for `make bench-limits` (issue 24).

    bench/limits/make_inputs.py OUT

Deterministic, standard library only. Every folder is a valid data set (two sides, two
territories) unlike Kursk (region 30–32°E, 50–52°N), so each command does its whole work:

OUT/validate-40k/       one snapshot of 40,000 small squares, 2 % of them overlapping a neighbour
OUT/title-100k/         dataset.json's title 100,000 characters long (words of 3–11 letters)
OUT/title-word/         dataset.json's title one word of 100,000 Cyrillic letters
OUT/positions-10m/      one snapshot whose ring has 10 million positions (the positions limit)
OUT/kml-10k.kml         10,000 placemarks, 5 positions each; OUT/kml-100k.kml 100,000
OUT/geojson-10m.geojson one side's ground as one ring of 10 million positions, for `import geojson`
OUT/json-nesting-512/   dataset.json with a property nested 512 deep (the JSON nesting limit)
OUT/kml-nesting-100.kml a placemark inside Folders nested to the XML depth limit (100)
OUT/territories.geojson the two territories, for the importers' --territories
"""
import json
import math
import os
import sys

REGION = [30, 50, 32, 52]
BORDER = 31.0  # Aland west of it, Bland east


def box(w, s, e, n):
    return [[[w, s], [e, s], [e, n], [w, n], [w, s]]]


def collection(features):
    return {"type": "FeatureCollection", "features": features}


def territory(name, w, e):
    return {"type": "Feature", "properties": {"name": name}, "geometry": {"type": "Polygon", "coordinates": box(w, 50, e, 52)}}


TERRITORIES = collection([territory("Aland", 30, BORDER), territory("Bland", BORDER, 32)])


def write(path, value, compact=True):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w") as f:
        if compact:
            json.dump(value, f, separators=(",", ":"))
        else:
            json.dump(value, f, indent=1)
        f.write("\n")


def manifest(title="Limits bench"):
    return {"title": title, "region": REGION, "view": [30.2, 50.6, 30.8, 51.4],
            "sides": [{"id": "a", "name": "A forces", "home": "Aland"}, {"id": "b", "name": "B forces", "home": "Bland"}],
            "attribution": ["Synthetic bench data (bench/limits/make_inputs.py)."]}


def area(side, territory, rings):
    return {"type": "Feature", "properties": {"date": "2024-01-01", "side": side, "status": "assessed",
            "territory": territory, "source": "limits bench"}, "geometry": {"type": "Polygon", "coordinates": rings}}


SETTLEMENTS = collection([{"type": "Feature", "properties": {"name": "Alpha", "kind": "town", "population": 1000,
                           "populationYear": 2021, "precision": "exact", "source": "synthetic"},
                           "geometry": {"type": "Point", "coordinates": [30.5, 51.0]}}])


def folder(path, features=None, title="Limits bench", extra=None, control_text=None):
    write(f"{path}/dataset.json", dict(manifest(title), **(extra or {})), compact=False)
    write(f"{path}/basemap/territories.geojson", TERRITORIES)
    write(f"{path}/settlements.geojson", SETTLEMENTS)
    if control_text is None:
        write(f"{path}/control/2024-01-01.geojson", collection(features))
    else:
        os.makedirs(f"{path}/control", exist_ok=True)
        with open(f"{path}/control/2024-01-01.geojson", "w") as f:
            f.write(control_text)


def small_squares(n):
    """n squares of B's ground in Aland on a grid; every 50th overlaps its right-hand neighbour."""
    side = math.ceil(math.sqrt(n))
    cell = 0.98 / side
    out = []
    for k in range(n):
        i, j = k % side, k // side
        w, s = 30.01 + i * cell, 50.5 + j * cell
        e = w + cell * (1.3 if k % 50 == 0 else 0.8)
        out.append(area("b", "Aland", box(round(w, 7), round(s, 7), round(e, 7), round(s + cell * 0.8, 7))))
    return out


def wavy_ring_text(n, cx=30.6, cy=51.0, r=0.25):
    """A wavy ring of n positions (closed: n-1 distinct), inside Aland, as GeoJSON text: json.dump
    of 10 million lists takes minutes, this a few seconds."""
    pts = []
    for k in range(n - 1):
        t = 2 * math.pi * k / (n - 1)
        rr = r * (1 + 0.02 * math.sin(t * 200))
        pts.append("[%.7f,%.7f]" % (cx + rr * math.cos(t), cy + rr * math.sin(t)))
    pts.append(pts[0])
    return "[" + ",".join(pts) + "]"


def one_ring_file(ring_text, properties):
    return ('{"type":"FeatureCollection","features":[{"type":"Feature","properties":%s,'
            '"geometry":{"type":"Polygon","coordinates":[%s]}}]}\n' % (json.dumps(properties), ring_text))


def words(n):
    """n characters of words separated by spaces, as a long title would be."""
    out, k = [], 0
    while sum(map(len, out)) + len(out) < n:
        out.append("abcdefghijk"[: 3 + k % 9])
        k += 1
    return " ".join(out)[:n]


def kml(path, placemarks):
    with open(path, "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>\n')
        f.write("  <name>Limits bench</name>\n")
        f.write('  <Style id="ru"><PolyStyle><color>230000ff</color></PolyStyle></Style>\n')
        side = math.ceil(math.sqrt(placemarks))
        cell = 0.98 / side
        for k in range(placemarks):
            i, j = k % side, k // side
            w, s = 30.01 + i * cell, 50.5 + j * cell
            e, n = w + cell * 0.8, s + cell * 0.8
            c = f"{w:.7f},{s:.7f} {e:.7f},{s:.7f} {e:.7f},{n:.7f} {w:.7f},{n:.7f} {w:.7f},{s:.7f}"
            f.write(f"  <Placemark><name>p{k}</name><styleUrl>#ru</styleUrl><Polygon><outerBoundaryIs><LinearRing>"
                    f"<coordinates>{c}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>\n")
        f.write("</Document>\n</kml>\n")


def kml_nested(path, depth):
    # kml, Document and Placemark/Polygon/outerBoundaryIs/LinearRing/coordinates take 7 levels.
    folders = depth - 7
    with open(path, "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>')
        f.write('<Style id="ru"><PolyStyle><color>230000ff</color></PolyStyle></Style>')
        f.write("<Folder>" * folders)
        f.write("<Placemark><styleUrl>#ru</styleUrl><Polygon><outerBoundaryIs><LinearRing><coordinates>"
                "30.2,50.6 30.4,50.6 30.4,50.8 30.2,50.8 30.2,50.6</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>")
        f.write("</Folder>" * folders)
        f.write("</Document></kml>\n")


def main(out):
    os.makedirs(out, exist_ok=True)
    write(f"{out}/territories.geojson", TERRITORIES)
    folder(f"{out}/validate-40k", small_squares(40_000))
    folder(f"{out}/title-100k", [area("b", "Aland", box(30.2, 50.6, 30.6, 51.0))], title=words(100_000))
    folder(f"{out}/title-word", [area("b", "Aland", box(30.2, 50.6, 30.6, 51.0))], title="Ж" * 100_000)
    ring = wavy_ring_text(10_000_000)
    folder(f"{out}/positions-10m", control_text=one_ring_file(ring, area("b", "Aland", [])["properties"]))
    # 512 levels: the object holding "deep" is level 1 (its key's value is level 2), so 510 arrays.
    folder(f"{out}/json-nesting-512", [area("b", "Aland", box(30.2, 50.6, 30.6, 51.0))],
           extra={"notes": {"deep": json.loads("[" * 510 + "]" * 510)}})
    kml(f"{out}/kml-10k.kml", 10_000)
    kml(f"{out}/kml-100k.kml", 100_000)
    kml_nested(f"{out}/kml-nesting-100.kml", 100)
    with open(f"{out}/geojson-10m.geojson", "w") as f:
        f.write(one_ring_file(ring, {}))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
