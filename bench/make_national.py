#!/usr/bin/env python3
"""Writes the national bench fixture: a synthetic whole front on a full-resolution basemap.

`bench/fixture` has a heavy front on a light basemap (two territories that share a 3,000-vertex
border). A real national front is drawn on a basemap of full-resolution coasts, sea and country
outlines, and that is what made the published frame slow (issue 22). This fixture has both:

- basemap: Ukraine, Russia and Belarus, and the sea south of a fractal coast, as one planar set of
  lines (the state border, the coast in three stretches, the Belarus border) that meet only at
  shared vertices, so every outline is valid and neighbours share their edges exactly;
- control: one-sided daily files (only the ground Russian forces hold in Ukraine, bounded by the
  front, the coast and the border; `holdsRestOfHome` makes Ukraine hold the rest), DAYS days;
- the front moves in seven sectors, as in bench/fixture.

Python 3 standard library only, seeded: a rerun writes identical bytes (`make bench` generates it
into .build-bench/national; nothing here is committed but this script).
Usage: python3 bench/make_national.py [--out .build-bench/national] [--days 60]
"""
import argparse
import datetime
import json
import os
import random
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_fixture import (Wiggle, ccw, feature, invented_places, nearest_index, sector_advance,  # noqa: E402
                          write_collection)

SEED = 20250602
REGION = (28.5, 45.3, 44.0, 53.0)
VIEW = (31.0, 46.0, 40.5, 52.0)
FIRST_DAY = datetime.date(2025, 6, 1)
SOURCE = "bench/make_national.py (synthetic, seed %d)" % SEED
NOTE = "Synthetic national bench fixture: invented geometry, not an assessment of any real front."

# Vertex budgets (issue 22: a ~28,000-vertex occupied outline on ~100,000 vertices of outlines).
BORDER_N = 12000        # Ukraine-Russia border, north edge to the coast
COAST_WEST_N = 10000    # west edge to the front's south end
COAST_FRONT_N = 6500    # the front's south end to the border (Russian-held coast)
COAST_EAST_N = 13000    # the border to the east edge
BELARUS_N = 6000        # west edge to north edge
FRONT_N = 15000


def progress(rng, days):
    """Cumulative share of a sector's advance over the days: uneven steps, some days still."""
    steps = [0.0] + [rng.random() ** 2 if rng.random() < 0.4 else 0.0 for _ in range(days - 1)]
    total, acc, out = sum(steps) or 1.0, 0.0, []
    for x in steps:
        acc += x
        out.append(acc / total)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=".build-bench/national")
    ap.add_argument("--days", type=int, default=60)
    args = ap.parse_args()
    out, days = args.out, args.days
    rng = random.Random(SEED)
    west, south, east, north = REGION

    # Junctions on the coast, fixed first: every line that meets the coast ends exactly there.
    j_front, j_border = (31.85, 46.12), (38.2, 46.35)
    coast_west = Wiggle([(west, 46.5), (29.6, 46.6), (30.4, 46.4), (31.2, 46.25), j_front], COAST_WEST_N, 3.0, rng,
                        hurst=0.6, taper=10.0).points()
    coast_front = Wiggle([j_front, (32.6, 46.1), (33.4, 46.0), (34.3, 46.1), (35.3, 46.05), (36.4, 46.25), (37.3, 46.15),
                          j_border], COAST_FRONT_N, 3.0, rng, hurst=0.6, taper=10.0).points()
    coast_east = Wiggle([j_border, (39.0, 46.55), (40.2, 46.3), (41.4, 46.45), (42.6, 46.2), (east, 46.35)], COAST_EAST_N,
                        3.0, rng, hurst=0.6, taper=10.0).points()
    assert coast_west[-1] == coast_front[0] and coast_front[-1] == coast_east[0]

    # The state border, north edge to the coast (Ukraine on its right), smooth where the front leaves it.
    join = (37.75, 50.05)
    border = Wiggle([(33.4, north), (33.8, 52.7), (34.2, 51.95), (35.2, 51.25), (35.5, 50.5), (36.8, 50.25), (38.2, 50.0),
                     (39.6, 49.75), (40.2, 49.2), (39.95, 48.2), (39.7, 47.7), (38.6, 47.2), (38.3, 46.7), j_border],
                    BORDER_N, 2.5, rng, taper=8.0, quiet=[join]).points()
    assert border[-1] == j_border
    i_join = nearest_index(border, join)

    # Belarus: the west edge to the north edge, well west of the state border.
    belarus = Wiggle([(west, 51.55), (29.6, 51.45), (30.6, 51.4), (31.5, 51.75), (32.2, 52.3), (32.6, north)], BELARUS_N,
                     2.5, rng, taper=8.0).points()

    # The front: from the border south and west to the coast; Russian-held ground lies to its left.
    front_ctrl = [border[i_join], (37.55, 49.75), (37.85, 49.3), (38.1, 48.95), (37.95, 48.6), (37.6, 48.4),
                  (37.25, 48.25), (37.0, 47.95), (36.55, 47.8), (36.1, 47.62), (35.6, 47.55), (35.1, 47.42),
                  (34.6, 47.55), (34.2, 47.3), (33.8, 47.02), (33.3, 46.82), (32.7, 46.62), (32.1, 46.4),
                  j_front]
    front_w = Wiggle(front_ctrl, FRONT_N, 4.0, rng, hurst=0.75, taper=20.0, coarse_km=25)
    sectors = []
    for share, half, adv in [(0.06, 25, 4.0), (0.17, 30, 6.5), (0.27, 18, -2.5), (0.37, 35, 8.0),
                             (0.49, 22, 3.0), (0.6, 28, -3.5), (0.7, 15, 2.0)]:
        sectors.append((share * front_w.length, half, adv, progress(rng, days)))

    if os.path.isdir(out):
        shutil.rmtree(out)
    counts = []
    for k in range(days):
        front = front_w.points(sector_advance(sectors, k))
        assert front[0] == border[i_join] and front[-1] == j_front
        # Front to the coast, the coast east to the border, the border back up to the front.
        ring = ccw(front + coast_front[1:] + border[-2:i_join - 1:-1])
        date = (FIRST_DAY + datetime.timedelta(days=k)).isoformat()
        write_collection(os.path.join(out, "control", date + ".geojson"), [
            feature({"type": "Polygon", "coordinates": [[list(p) for p in ring]]},
                    {"date": date, "side": "russia", "status": "assessed", "territory": "Ukraine", "source": SOURCE,
                     "note": NOTE})])
        counts.append(len(ring))

    # Territories and sea, each closed along the region's edge.
    russia = ccw(border + coast_east[1:] + [(east, north), border[0]])
    belarus_ring = ccw(belarus + [(west, north), belarus[0]])
    coast = coast_west + coast_front[1:] + coast_east[1:]
    sea = ccw(coast + [(east, south), (west, south), coast[0]])
    # Ukraine: the border down to the coast, the coast west to the region's edge, up to Belarus,
    # Belarus's border to the north edge, along it to the border's start.
    ukraine = ccw(border + coast_front[-2::-1] + coast_west[-2::-1] + belarus + [border[0]])
    write_collection(os.path.join(out, "basemap", "territories.geojson"), [
        feature({"type": "Polygon", "coordinates": [[list(p) for p in ukraine]]}, {"name": "Ukraine", "source": SOURCE}),
        feature({"type": "Polygon", "coordinates": [[list(p) for p in russia]]}, {"name": "Russia", "source": SOURCE}),
        feature({"type": "Polygon", "coordinates": [[list(p) for p in belarus_ring]]}, {"name": "Belarus", "source": SOURCE}),
    ])
    write_collection(os.path.join(out, "basemap", "water.geojson"), [
        feature({"type": "Polygon", "coordinates": [[list(p) for p in sea]]}, {"name": "Black Sea (synthetic)", "source": SOURCE})])
    # The coast as Frontline finds it (territory edges that no other territory shares, off the
    # region's edge), precomputed for the peers, which have no such step (bench/README.md).
    write_collection(os.path.join(out, "peers", "coast.geojson"), [
        feature({"type": "LineString", "coordinates": [list(p) for p in coast]}, {"kind": "coast", "source": SOURCE})])
    write_collection(os.path.join(out, "basemap", "border.geojson"), [
        feature({"type": "LineString", "coordinates": [list(p) for p in border]}, {"kind": "border", "source": SOURCE}),
        feature({"type": "LineString", "coordinates": [list(p) for p in belarus]}, {"kind": "border", "source": SOURCE})])

    places = invented_places(rng, 36, SOURCE, south=46.6)
    write_collection(os.path.join(out, "settlements.geojson"), places)

    manifest = {
        "title": "Synthetic national front (not real data)",
        "region": list(REGION), "view": list(VIEW),
        "sides": [{"id": "ukraine", "name": "Ukrainian forces", "home": "Ukraine", "holdsRestOfHome": True},
                  {"id": "russia", "name": "Russian forces", "home": "Russia"}],
        "attribution": ["Synthetic data from bench/make_national.py (seed %d): front, borders, coast and places "
                        "are invented." % SEED, "Made with Frontline."],
        "caveat": "Synthetic benchmark data: no line or place here is a real position or assessment.",
    }
    with open(os.path.join(out, "dataset.json"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps(manifest, indent=2) + "\n")
    outlines = len(ukraine) + len(russia) + len(belarus_ring) + len(sea)
    print("national fixture: %s, %d snapshots of %d-%d vertices, basemap outlines %d vertices "
          "(Ukraine %d, Russia %d, Belarus %d, sea %d)" % (out, days, min(counts), max(counts), outlines, len(ukraine),
                                                          len(russia), len(belarus_ring), len(sea)))


if __name__ == "__main__":
    main()
