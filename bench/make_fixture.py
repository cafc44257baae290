#!/usr/bin/env python3
"""Writes bench/fixture/: a heavy, synthetic data folder in the GeoData layout for `make bench`.

Thirty daily control snapshots of a whole front (~1,000 km of edge, ~30,000 vertices a snapshot),
a border, rivers, two territories and a few dozen settlements, viewed over lon 31-40.5, lat 46-52.
Everything is invented (the shapes only resemble a real front); dataset.json says so.

Python 3 standard library only, one seeded random generator, so a rerun writes identical bytes.
Usage: python3 bench/make_fixture.py [--out bench/fixture]
"""
import argparse
import json
import math
import os
import random
import shutil

SEED = 20250601
# The region (which the territories fill) is wider than the view, so that land fills the whole map
# panel and the cut edges of the region, and of the ground held along them, lie off the page.
REGION = (28.5, 45.3, 44.0, 53.0)  # west, south, east, north (degrees)
VIEW = (31.0, 46.0, 40.5, 52.0)
DAYS = 30
FIRST_DAY = (2025, 6, 1)  # 30 days of June 2025
DECIMALS = 5  # ~1 m: finer than any frame shows, and 20 % smaller files than GeoData's 1e-6
SOURCE = "bench/make_fixture.py (synthetic, seed %d)" % SEED
NOTE = "Synthetic bench fixture: invented geometry, not an assessment of any real front."

# A local plane in km (equirectangular at the fixture's mid-latitude): offsets along normals are
# then isotropic, so the noise has the same size whichever way the line runs.
LAT0 = 49.25
KX = 111.32 * math.cos(math.radians(LAT0))
KY = 110.57


def to_km(p):
    return (p[0] * KX, p[1] * KY)


def to_deg(q):
    return (round(q[0] / KX, DECIMALS), round(q[1] / KY, DECIMALS))


def chaikin(points, iterations):
    """Corner cutting: turns a control polyline into a smooth curve (a quadratic B-spline in the
    limit) whose curvature radius stays well above the noise amplitude, so offsets don't loop."""
    for _ in range(iterations):
        out = [points[0]]
        for a, b in zip(points, points[1:]):
            out.append((0.75 * a[0] + 0.25 * b[0], 0.75 * a[1] + 0.25 * b[1]))
            out.append((0.25 * a[0] + 0.75 * b[0], 0.25 * a[1] + 0.75 * b[1]))
        out.append(points[-1])
        points = out
    return points


def resample(points, n):
    """n points equally spaced by arc length along a polyline (first and last kept exactly)."""
    cum = [0.0]
    for a, b in zip(points, points[1:]):
        cum.append(cum[-1] + math.hypot(b[0] - a[0], b[1] - a[1]))
    total, out, j = cum[-1], [], 0
    for i in range(n):
        s = total * i / (n - 1)
        while j < len(points) - 2 and cum[j + 1] < s:
            j += 1
        seg = cum[j + 1] - cum[j]
        t = 0.0 if seg == 0 else min(1.0, (s - cum[j]) / seg)
        a, b = points[j], points[j + 1]
        out.append((a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))
    out[0], out[-1] = points[0], points[-1]
    return out, total


def midpoint_noise(n, rng, hurst, coarse=0):
    """1-D fractal noise by midpoint displacement: n values, unit RMS. Grid points `coarse` samples
    apart (and the ends) get independent values, so bumps come at most that wide, as salients do;
    below that, each halving of scale multiplies the displacement by 0.5**hurst (lower: rougher)."""
    size = 1
    while size < n - 1:
        size *= 2
    v = [0.0] * (size + 1)
    step, amp = size, 1.0
    while step > 1:
        half = step // 2
        for i in range(half, size, step):
            if coarse and half >= coarse:
                v[i] = rng.uniform(-1.0, 1.0)
            else:
                v[i] = 0.5 * (v[i - half] + v[i + half]) + amp * rng.uniform(-1.0, 1.0)
        if not (coarse and half >= coarse):
            amp *= 0.5 ** hurst
        step = half
    # Sample the 2^k+1 grid at n positions (linear between grid points).
    out = []
    for i in range(n):
        x = i * size / (n - 1)
        k = min(int(x), size - 1)
        out.append(v[k] + (x - k) * (v[k + 1] - v[k]))
    rms = math.sqrt(sum(x * x for x in out) / n) or 1.0
    return [x / rms for x in out]


def smoothstep(x):
    x = max(0.0, min(1.0, x))
    return x * x * (3 - 2 * x)


class Wiggle:
    """A noisy line as offsets along the normals of a smooth base curve: a graph over the curve,
    which cannot cross itself while no offset towards a bend's centre reaches the bend's radius
    (offsets are squeezed to half of it there). Offsets fade to zero within `taper` km of the ends
    and of any `quiet` points (lon/lat) on the line, where other lines join it."""

    def __init__(self, control_deg, n, amp_km, rng, hurst=0.75, taper=15.0, quiet=(), smoothing=7, coarse_km=0):
        base, self.length = resample(chaikin([to_km(p) for p in control_deg], smoothing), n)
        self.base = base
        self.s = [self.length * i / (n - 1) for i in range(n)]
        # Arc positions of the base nearest to the `quiet` points (lon/lat).
        quiet = [self.s[nearest_index(base, to_km(q))] for q in quiet]
        # Signed curvature (1/km, > 0 turning left) over a ~2 km chord: the Chaikin base is smooth
        # at that scale, and a shorter chord would only see its tiny corners.
        m = max(1, int(1.0 / (self.length / (n - 1))))
        self.curvature = []
        for i in range(n):
            a, b, c = base[max(i - m, 0)], base[i], base[min(i + m, n - 1)]
            cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0])
            sides = math.hypot(b[0] - a[0], b[1] - a[1]) * math.hypot(c[0] - b[0], c[1] - b[1]) * math.hypot(c[0] - a[0], c[1] - a[1])
            self.curvature.append(0.0 if sides == 0 else 2 * cross / sides)
        # Right-hand normals, (dy, -dx), over the same chord: at the base's tiny corners they turn
        # gradually instead of at once, as a smooth curve's do, so the offsets there don't overlap.
        self.normals = []
        for i in range(n):
            a, c = base[max(i - m, 0)], base[min(i + m, n - 1)]
            h = math.hypot(c[0] - a[0], c[1] - a[1])
            self.normals.append(((c[1] - a[1]) / h, -(c[0] - a[0]) / h))
        noise = midpoint_noise(n, rng, hurst, int(coarse_km / self.length * (n - 1)))
        self.noise = []
        for s, v in zip(self.s, noise):
            w = smoothstep(min(s, self.length - s) / taper)
            for q in quiet:
                w *= smoothstep(abs(s - q) / taper)
            self.noise.append(amp_km * v * w)

    def points(self, extra=None):
        """Lon/lat points; `extra(s)` adds a further offset (km, rightwards) at arc position s."""
        out = []
        for s, (bx, by), (nx, ny), d, k in zip(self.s, self.base, self.normals, self.noise, self.curvature):
            d += extra(s) if extra else 0.0
            if d * k < 0:  # towards the centre of the bend (the normal points right, k > 0 bends left)
                limit = 0.5 / abs(k)
                d = math.copysign(limit * math.tanh(abs(d) / limit), d)
            out.append(to_deg((bx + nx * d, by + ny * d)))
        return out


def nearest_index(points, p):
    return min(range(len(points)), key=lambda i: (points[i][0] - p[0]) ** 2 + (points[i][1] - p[1]) ** 2)


def ccw(ring):
    """RFC 7946 wants exterior rings counter-clockwise."""
    area2 = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:]))
    return ring if area2 > 0 else ring[::-1]


def feature(geometry, props):
    return {"type": "Feature", "properties": props, "geometry": geometry}


def write_collection(path, features):
    """One feature per line, compact: small files, readable diffs, and bytes fixed by the data
    (json writes floats with repr, which is exact and platform-independent)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    lines = [json.dumps(f, separators=(",", ":"), ensure_ascii=False) for f in features]
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write('{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n")


def day_name(k):
    y, m, d = FIRST_DAY
    return "%04d-%02d-%02d" % (y, m, d + k)  # June has 30 days: no month rollover


def progress(rng):
    """Cumulative share (0 on day 0, 1 on the last day) of a sector's advance: uneven daily steps,
    some days still, as fronts move."""
    steps = [0.0] + [rng.random() ** 2 if rng.random() < 0.4 else 0.0 for _ in range(DAYS - 1)]
    total, acc, out = sum(steps) or 1.0, 0.0, []
    for x in steps:
        acc += x
        out.append(acc / total)
    return out


def sector_advance(sectors, k):
    """The front's offset (km, rightwards) on day k at arc position s: each active sector
    (centre, half-width, advance over the period, cumulative progress per day) as a cos² bump."""
    def advance(s):
        total = 0.0
        for centre, half, adv, prog in sectors:
            u = abs(s - centre) / half
            if u < 1:
                total += adv * prog[k] * math.cos(u * math.pi / 2) ** 2
        return total
    return advance


def invented_places(rng, count, source, south=None):
    """Settlement features with invented names (so that nobody mistakes them for real places) at
    random positions in the view (north of `south` when given)."""
    first = ["Novo", "Staro", "Velyko", "Malo", "Verkhnio", "Nyzhnio", "Krasno", "Chervono", "Bilo", "Zeleno"]
    root = ["berez", "lyman", "dolyn", "hor", "sosn", "kamian", "vilsh", "ozer", "lypov", "polt", "stav", "yar"]
    last = ["ivka", "ne", "ove", "ske", "ytsia", "ovo", "ivske", "anka"]
    names, places = set(), []
    while len(places) < count:
        name = rng.choice(first) + rng.choice(root) + rng.choice(last)
        lat_min = VIEW[1] + 0.3 if south is None else south
        lon, lat = round(rng.uniform(VIEW[0] + 0.3, VIEW[2] - 0.3), 4), round(rng.uniform(lat_min, VIEW[3] - 0.3), 4)
        if name in names:
            continue
        names.add(name)
        kind = rng.choice(["city", "town", "town", "village", "village", "village"])
        pop = {"city": rng.randrange(50000, 900000), "town": rng.randrange(5000, 50000),
               "village": rng.randrange(200, 5000)}[kind]
        places.append(feature({"type": "Point", "coordinates": [lon, lat]}, {
            "name": name, "altNames": [], "nameRu": None, "kind": kind, "district": None, "population": pop,
            "populationYear": 2021, "precision": "exact", "source": source, "note": "Invented name and position."}))
    return places


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixture"))
    out = ap.parse_args().out
    rng = random.Random(SEED)
    west, south, east, north = REGION

    # State border, north edge to south edge; Ukraine lies to its right (west and south). It leaves
    # the north edge at once: run along it, its noise crossed the region's outline (an invalid territory).
    border_ctrl = [(33.4, north), (33.8, 52.7), (34.2, 51.95), (35.2, 51.25), (35.5, 50.5), (36.8, 50.25), (38.2, 50.0),
                   (39.6, 49.75), (40.2, 49.2), (39.95, 48.2), (39.7, 47.7), (38.6, 47.2), (38.3, 46.6),
                   (38.1, 45.6), (37.9, south)]
    # Where other lines leave the border: the front's north end and the two ends of a salient.
    # The border is left smooth (no noise) near them, so that they leave it cleanly.
    joins = [(37.75, 50.05), (34.8, 51.53), (35.32, 50.95)]
    border = Wiggle(border_ctrl, 3000, 2.5, rng, taper=8.0, quiet=joins).points()
    i_front, i_p1, i_p2 = (nearest_index(border, j) for j in joins)

    # The front: from the border near (37.75, 50.05) south and west, then south to the region's edge.
    # Its right side is Ukraine-held; Russian-held ground (in Ukraine) lies to its left.
    front_ctrl = [border[i_front], (37.55, 49.75), (37.85, 49.3), (38.1, 48.95), (37.95, 48.6), (37.6, 48.4),
                  (37.25, 48.25), (37.0, 47.95), (36.55, 47.8), (36.1, 47.62), (35.6, 47.55), (35.1, 47.42),
                  (34.6, 47.55), (34.2, 47.3), (33.8, 47.02), (33.3, 46.82), (32.7, 46.62), (32.1, 46.4),
                  (31.7, 45.85), (31.5, 45.55), (31.4, south)]
    front_w = Wiggle(front_ctrl, 26500, 4.0, rng, hurst=0.75, taper=20.0, coarse_km=25)
    # Active sectors: (centre as a share of the front, half-width km, advance km over the month;
    # negative = a Ukrainian counter-attack). Outside them the front stays put day to day, as real
    # fronts mostly do, which also lets git store the daily files as small deltas.
    sectors = []
    for share, half, adv in [(0.06, 25, 4.0), (0.17, 30, 6.5), (0.27, 18, -2.5), (0.37, 35, 8.0),
                             (0.49, 22, 3.0), (0.6, 28, -3.5), (0.7, 15, 2.0)]:
        sectors.append((share * front_w.length, half, adv, progress(rng)))

    # A Ukrainian-held salient inside Russia: a bulge from the border, shrinking over the month.
    # The border runs with Ukraine on its right, so the right of p2 -> p1 (against it) is Russia.
    a, b = to_km(border[i_p2]), to_km(border[i_p1])
    tx, ty = b[0] - a[0], b[1] - a[1]
    h = math.hypot(tx, ty)
    nx, ny = ty / h, -tx / h
    salient_depth = [28.0 - 6.0 * p for p in progress(rng)]
    salient_seed = rng.randrange(2 ** 31)

    def salient(depth):
        """The salient's edge, p2 -> p1: the same noise every day (its own seeded generator) over a
        base that shrinks with `depth` (km)."""
        def at(u, v):  # u along p2 -> p1 (0..1), v outwards (km), back in degrees for Wiggle
            return (round((a[0] + u * tx + v * nx) / KX, 9), round((a[1] + u * ty + v * ny) / KY, 9))
        ctrl = [border[i_p2], at(0.0, 0.45 * depth), at(0.2, 0.9 * depth), at(0.5, depth),
                at(0.8, 0.9 * depth), at(1.0, 0.45 * depth), border[i_p1]]
        pts = Wiggle(ctrl, 1900, 2.0, random.Random(salient_seed), hurst=0.55, taper=8.0, coarse_km=15).points()
        assert pts[0] == border[i_p2] and pts[-1] == border[i_p1]
        return pts

    if os.path.isdir(out):
        shutil.rmtree(out)
    counts = []
    for k in range(DAYS):
        advance = sector_advance(sectors, k)  # a Russian advance moves the front right, into Ukraine-held ground
        # Russian-held ground in Ukraine: the front, along the south edge to the border's south end,
        # then back up the border to where the front left it.
        held_ru = ccw(front_w.points(advance) + border[:i_front - 1:-1])
        # Ukrainian-held ground in Russia: the salient's edge p2 -> p1, then the border p1 -> p2
        # (p1 lies up the border from p2), closing where the edge began.
        held_ua = ccw(salient(salient_depth[k]) + border[i_p1 + 1:i_p2 + 1])
        date = day_name(k)
        feats = []
        for side, territory, ring in [("russia", "Ukraine", held_ru), ("ukraine", "Russia", held_ua)]:
            feats.append(feature({"type": "Polygon", "coordinates": [[list(p) for p in ring]]},
                                 {"date": date, "side": side, "status": "assessed", "territory": territory,
                                  "source": SOURCE, "note": NOTE}))
        write_collection(os.path.join(out, "control", date + ".geojson"), feats)
        counts.append(len(held_ru) + len(held_ua))
        if k == 0:  # the front's own length, every vertex counted (the base curve is shorter)
            pts = [to_km(p) for p in front_w.points(advance)]
            front_km = sum(math.hypot(q[0] - p[0], q[1] - p[1]) for p, q in zip(pts, pts[1:]))

    # Territories: the region split by the border. Ukraine first: Frontline takes the first
    # territory's outline as the edges a front line never runs along.
    ukraine = ccw(border + [(west, south), (west, north), border[0]])
    russia = ccw(border + [(east, south), (east, north), border[0]])
    write_collection(os.path.join(out, "basemap", "territories.geojson"), [
        feature({"type": "Polygon", "coordinates": [[list(p) for p in ukraine]]}, {"name": "Ukraine", "source": SOURCE}),
        feature({"type": "Polygon", "coordinates": [[list(p) for p in russia]]}, {"name": "Russia", "source": SOURCE}),
    ])
    write_collection(os.path.join(out, "basemap", "border.geojson"), [
        feature({"type": "LineString", "coordinates": [list(p) for p in border]}, {"kind": "border", "source": SOURCE})])

    rivers = [([(30.5, 51.6), (31.6, 50.4), (33.0, 49.6), (34.3, 49.0), (35.0, 48.5), (35.2, 47.9), (34.3, 47.6),
                (33.4, 47.1), (32.2, 46.7), (31.5, 46.6)], 2),
              ([(29.6, 49.6), (30.4, 48.4), (31.2, 47.4), (31.9, 46.7)], 3),
              ([(36.5, 51.6), (37.0, 50.6), (37.45, 49.9), (37.6, 49.1)], 3),
              ([(36.3, 50.4), (37.0, 49.5), (37.8, 48.95), (38.8, 48.7), (39.9, 48.4), (40.8, 47.6)], 2),
              ([(34.0, 51.7), (34.8, 50.7), (35.3, 49.4), (35.0, 48.6)], 3),
              ([(39.0, 52.2), (39.5, 50.2), (40.8, 49.0)], 2),
              ([(36.0, 47.6), (37.0, 47.3), (38.0, 46.9), (39.5, 47.0), (40.8, 46.6)], 3)]
    river_feats = []
    for ctrl, level in rivers:
        line = Wiggle(ctrl, 450, 1.8, rng, hurst=0.7, taper=5.0, smoothing=4).points()
        river_feats.append(feature({"type": "LineString", "coordinates": [list(p) for p in line]},
                                   {"kind": "river", "level": level, "source": SOURCE}))
    write_collection(os.path.join(out, "basemap", "rivers.geojson"), river_feats)

    # Settlements: invented names (so that nobody mistakes them for real places) at random positions.
    places = invented_places(rng, 36, SOURCE)
    write_collection(os.path.join(out, "settlements.geojson"), places)

    manifest = {
        "title": "Synthetic bench front (not real data)",
        "region": list(REGION), "view": list(VIEW),
        "sides": [{"id": "ukraine", "name": "Ukrainian forces", "home": "Ukraine"},
                  {"id": "russia", "name": "Russian forces", "home": "Russia"}],
        "attribution": ["Synthetic data from bench/make_fixture.py (seed %d): front, border, rivers and places "
                        "are invented." % SEED, "Made with Frontline."],
        "caveat": "Synthetic benchmark data: no line or place here is a real position or assessment.",
    }
    with open(os.path.join(out, "dataset.json"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps(manifest, indent=2) + "\n")

    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs)
    print("fixture: %s, %d snapshots, %d-%d vertices each, front %.0f km (base curve %.0f km), border %d "
          "vertices, rivers %d vertices, %.1f MB" % (out, DAYS, min(counts), max(counts), front_km, front_w.length, len(border),
                                           sum(len(f["geometry"]["coordinates"]) for f in river_feats), size / 1e6))


if __name__ == "__main__":
    main()
