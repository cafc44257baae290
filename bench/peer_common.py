"""What the peer renderers share: reading a data folder, Frontline's page layout and projection, the
styling, and the timing report. Standard library only, so that both Debian's Python (Mapnik) and
the venv's (matplotlib) can import it.

The numbers here mirror Frontline's own (Sources/Atlas/Layout.swift, Theme.swift,
Sources/Cartography/Projection.swift) so that every renderer draws the same picture.
"""
import argparse
import datetime
import glob
import json
import math
import os
import re
import resource
import statistics
import sys
import textwrap
import time

WIDTH, HEIGHT = 1920, 1080
# Layout.swift at 1920x1080: a 480 px panel on the left, the map to its right, the view fitted into
# the map inset by an 18 px margin (the map itself bleeds to the map rectangle's edges).
PANEL_W = 480
MAP_RECT = (PANEL_W, 0, WIDTH - PANEL_W, HEIGHT)  # x, y, w, h in page pixels
MARGIN = 18

# Theme.standard, in page pixels at 1080 px high.
BACKGROUND = "#DCE6EE"
PANEL = "#FFFFFF"
TINT = {"Russia": "#EEECE7", "Ukraine": "#F9F7F1"}
LAND = "#F2F0EB"
RIVER = "#8DB9DD"
WATER = "#C6DBEF"  # sea and lakes (basemap/water.geojson)
COAST = ("#6F9FCB", 1.1)  # coasts: Frontline finds them from the territories; peers read peers/coast.geojson


def river_width(level):
    """SequenceContext's river widths (px) by GSHHG level (1 = widest)."""
    return 1.0 if level is None else 1.6 if level <= 2 else 1.1 if level <= 4 else 0.8

BORDER = ("#4A4A4A", 1.6, (9, 3, 2, 3))
BORDER_CASING = ("#FFFFFF", 0.8, 4.0)  # colour, opacity, width
SIDES = {"ukraine": ("#2F74C0", "#1B4F8C"), "russia": ("#D55E00", "#9A3F00")}  # fill, line
HELD_OPACITY = 0.42
HELD_LINE_W = 1.2
TITLE = ("#5E5E5E", 15)  # the data set's title, upper case, bold
DATE = ("#1E1E1E", 40)  # the date, bold
TEXT_X, TITLE_Y, DATE_Y = 28, 30, 64  # top-left corners of the two lines of text

# The full frame's layers (issue 22), as Theme.standard draws them at 1080 px high.
FRONT = ("#15315C", 2.2)  # the front line
CHANGE_ALPHA = 0.25  # the taker's fill under the hatching
HATCH = (5.0, 1.4)  # spacing and line width (px), the taker's line colour; 45° for the first side, -45° for the next
CHANGE_LINE_W = 0.8
SETTLEMENT = ("#FFFFFF", "#222222", 1.3)  # fill, line, width
TEXT, MUTED = "#1E1E1E", "#5E5E5E"
HALO = ("#FFFFFF", 0.9, 2.5)  # colour, opacity, width of the labels' halo
LEGEND_X, LEGEND_LABEL_X, SWATCH = 28, 72, (34, 16)  # swatch box (w, h); labels start at LEGEND_LABEL_X


def marker_size(population):
    """SequenceContext.markerSize: the marker's width in px by population."""
    pop = population or 0
    return 12 if pop >= 100_000 else 10 if pop >= 10_000 else 9 if pop >= 3_000 else 7.5


def label_style(population):
    """SettlementLabels: bold 17 px for places of 4,000 or more, else regular 14 px."""
    return (17, True) if (population or 0) >= 4000 else (14, False)


def km2_text(v):
    """Format.km2, as the legend and panel print areas: 3 significant figures, thousands separated."""
    if v >= 1000:
        return "{:,} km²".format(int(float("%.3g" % v)))
    return ("%.1f" % v if v < 10 else "%d" % int(v + 0.5)) + " km²"


def panel_items(ds, date, held_km2, changes, has_water, has_coast, has_rivers):
    """The full frame's panel below the title and date, as Frontline lays it out: what the frame
    shows, the ground each side holds across the border (its km² large, in the side's colour), the
    legend (a swatch and a label a line) and the credits. Items are (kind, y, text, side): kind
    `text` (15 px), `muted` (12 px), `big` (34 px bold, side colour), `legend` (14 px, with a swatch
    of `side`, a swatch name), `credit` (12 px, muted)."""
    items = [("text", 118, "Control as assessed on this date.", None)]
    y = 156
    names = {s["id"]: s for s in ds.manifest["sides"]}
    for side, home in ds.sides:
        km2 = held_km2.get(side, 0)
        if km2 <= 0:
            continue
        where = next((t for s, t in ds.sides if s != side), "")
        items += [("text", y, "%s hold in %s" % (names[side]["name"], where), None),
                  ("big", y + 24, km2_text(km2), side),
                  ("muted", y + 70, "%s · geodesic, WGS84" % next(
                      ("+%s since %s" % (km2_text(c["km2"]), long_date(c["since"])) for c in changes if c["side"] == side),
                      "No gain since the previous snapshot"), None)]
        y += 110
    legend = []
    if has_water:
        legend.append(("water", "Sea, lake"))
    if has_coast:
        legend.append(("coast", "Coast"))
    if has_rivers:
        legend.append(("river", "River"))
    for side, home in ds.sides:
        if held_km2.get(side, 0) > 0:
            legend.append(("held-" + side, "%s in %s: held (assessed)" % (names[side]["name"], next(
                (t for s, t in ds.sides if s != side), ""))))
    for s in ds.manifest["sides"]:
        if s.get("holdsRestOfHome"):
            legend.append(("rest-" + s["id"], "%s: the rest of %s (not in the data; taken as held)" % (s["name"], s["home"])))
    for c in changes:
        legend.append(("taken-" + c["side"], "Taken by %s since %s: %s" % (
            names[c["side"]]["name"], long_date(c["since"]), km2_text(c["km2"]))))
    legend += [("border", "State border"), ("front", "Front line (where the sides' grounds meet)"),
               ("settlement", "Settlement (position exact)")]
    for swatch, label in legend:
        items.append(("legend", y, label, swatch))
        y += 26
    credits = [w for line in ds.manifest.get("attribution", []) for w in textwrap.wrap(line, 68)]
    for i, line in enumerate(credits):
        items.append(("credit", HEIGHT - 28 - 16 * (len(credits) - i), line, None))
    return items


def parse_args(peer):
    ap = argparse.ArgumentParser(description="Draw the bench frames with %s and time them." % peer)
    ap.add_argument("--fixture", required=True, help="data folder in the GeoData layout (bench/fixture)")
    ap.add_argument("--frames", type=int, default=30, help="frames to draw, cycling through the snapshot dates")
    ap.add_argument("--out", required=True, help="folder for the PNGs (one per date)")
    ap.add_argument("--offset", type=int, default=0, help="the first frame's date, as an index into the snapshot dates "
                                                             "(two processes can split a sequence)")
    ap.add_argument("--frame", choices=["bench", "full"], default="bench",
                    help="bench: the stripped frame; full: also the change hatched, the front line, settlements "
                         "with labels and the panel's text and legend (bench/README.md)")
    ap.add_argument("--geometry", help="with --frame full: the change and front line of every date, precomputed "
                                       "by bench/make_peer_geometry.py")
    return ap


class Dataset:
    """dataset.json plus the paths of the files a frame reads; parsing the GeoJSON is each peer's job
    (it is part of what their load time measures)."""

    def __init__(self, folder):
        self.folder = folder
        with open(os.path.join(folder, "dataset.json"), encoding="utf-8") as fh:
            self.manifest = json.load(fh)
        self.view = self.manifest.get("view", self.manifest["region"])
        self.sides = [(s["id"], s.get("home")) for s in self.manifest["sides"]]
        self.control = sorted(glob.glob(os.path.join(folder, "control", "*.geojson")))
        if not self.control:
            sys.exit("%s: no control/*.geojson" % folder)

    def path(self, name):
        p = os.path.join(self.folder, name)
        return p if os.path.exists(p) else None

    def side_colors(self, side_id):
        return SIDES.get(side_id, ("#0072B2", "#004C77"))

    def hatch_angle(self, side_id):
        """ChangeLayer: 45° for the first side in dataset.json, -45° for the second, and so on."""
        return 45 if [s for s, _ in self.sides].index(side_id) % 2 == 0 else -45

    def settlements(self):
        """(name, lon, lat, population) of every settlement in the view's box, in file order."""
        path = self.path("settlements.geojson")
        if not path:
            return []
        with open(path, encoding="utf-8") as fh:
            feats = json.load(fh)["features"]
        w, s, e, n = self.view
        out = []
        for f in feats:
            lon, lat = f["geometry"]["coordinates"][:2]
            if w <= lon <= e and s <= lat <= n:
                out.append((f["properties"]["name"], lon, lat, f["properties"].get("population")))
        return out


class Precomputed:
    """The change and front line of each date (bench/make_peer_geometry.py's files): paths and the
    few numbers the panel prints (read as GeoJSON by each peer itself, at load)."""

    def __init__(self, folder):
        if not folder or not os.path.isdir(os.path.join(folder, "front")):
            sys.exit("--frame full needs --geometry: a folder written by bench/make_peer_geometry.py")
        self.folder = folder

    def change_path(self, date):
        return os.path.join(self.folder, "change", date + ".geojson")

    def front_path(self, date):
        return os.path.join(self.folder, "front", date + ".geojson")

    def facts(self, date):
        """(held km² per side, [change properties]) for the panel."""
        with open(self.front_path(date), encoding="utf-8") as fh:
            props = json.load(fh)["features"][0]["properties"]
        with open(self.change_path(date), encoding="utf-8") as fh:
            changes = [f["properties"] for f in json.load(fh)["features"]]
        return {k[len("heldKm2_"):]: v for k, v in props.items() if k.startswith("heldKm2_")}, changes


def held_across_border(feature, sides):
    """Dataset.acrossBorder: ground a side holds outside its home country."""
    p = feature["properties"]
    home = dict(sides).get(p.get("side"))
    return p.get("territory") is not None and home is not None and p["territory"] != home


def long_date(iso):
    d = datetime.date.fromisoformat(iso)
    return "%d %s %d" % (d.day, d.strftime("%B"), d.year)  # "1 June 2025", as Frontline writes it


class Lcc:
    """Spherical Lambert conformal conic, as Frontline's LambertConformalConic(fitting:): central
    meridian at the view's centre, standard parallels at one sixth and five sixths of its latitude
    span; then fitted into the map rectangle (less the margin) like PageProjection(fitting:)."""

    def __init__(self, view):
        west, south, east, north = view
        span = north - south
        self.lon0 = (west + east) / 2
        self.lat1, self.lat2 = south + span / 6, north - span / 6
        p1, p2 = math.radians(self.lat1), math.radians(self.lat2)
        t = lambda p: math.tan(math.pi / 4 + p / 2)
        self.n = math.sin(p1) if abs(p1 - p2) < 1e-9 else math.log(math.cos(p1) / math.cos(p2)) / math.log(t(p2) / t(p1))
        self.f = math.cos(p1) * t(p1) ** self.n / self.n
        self.k, self.tx, self.ty = fit([self.raw(lon, lat) for lon, lat in densified_box(view)])

    def raw(self, lon, lat):
        lam = math.radians(lon - self.lon0)
        rho = self.f / math.tan(math.pi / 4 + math.radians(max(min(lat, 89.9), -89.9)) / 2) ** self.n
        return rho * math.sin(self.n * lam), self.f - rho * math.cos(self.n * lam)

    def page(self, lon, lat):
        x, y = self.raw(lon, lat)
        return self.tx + self.k * x, self.ty - self.k * y

    def proj4(self):
        """The same projection for PROJ (metres on a 6,371 km sphere: a uniform scale of `raw`)."""
        return ("+proj=lcc +lat_1=%.10g +lat_2=%.10g +lat_0=%.10g +lon_0=%.10g +R=6371000 +units=m +no_defs"
                % (self.lat1, self.lat2, (self.lat1 + self.lat2) / 2, self.lon0))


def fit(projected):
    """PageProjection(fitting:into:): the scale and offsets that centre the bounds of `projected`
    (plane coordinates, y up) in the map rectangle less its margin, keeping the aspect ratio.
    Page = (tx + k x, ty - k y)."""
    xs, ys = zip(*projected)
    x, y, w, h = MAP_RECT
    x, y, w, h = x + MARGIN, y + MARGIN, w - 2 * MARGIN, h - 2 * MARGIN
    k = min(w / (max(xs) - min(xs)), h / (max(ys) - min(ys)))
    return k, x + w / 2 - k * (min(xs) + max(xs)) / 2, y + h / 2 + k * (min(ys) + max(ys)) / 2


def densified_box(box, n=16):
    """BBox.polygon: 16 points an edge, so the fitted box is the projected outline's bounds."""
    w, s, e, nn = box
    pts = [(w + (e - w) * i / n, s) for i in range(n)] + [(e, s + (nn - s) * i / n) for i in range(n)]
    pts += [(e - (e - w) * i / n, nn) for i in range(n)] + [(w, nn - (nn - s) * i / n) for i in range(n)]
    return pts


def snapshot_date(path):
    """A control file's date, from its first feature (read from the file's head: cheap, so that
    load times measure each renderer's own parsing, not this)."""
    with open(path, encoding="utf-8") as fh:
        m = re.search(r'"date"\s*:\s*"(\d{4}-\d{2}-\d{2})"', fh.read(65536))
    if not m:
        sys.exit("%s: no \"date\" property near the start" % path)
    return m.group(1)


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux reports KiB


class FrameTimer:
    """Per-frame draw and encode times: wall clock (what a user waits) and this process's CPU time
    (which another job on the machine barely changes, so a busy machine shows up as the gap)."""

    def __init__(self):
        self.draw, self.encode, self.cpu = [], [], []

    def start(self):
        self.t = (time.perf_counter(), time.process_time())

    def drawn(self):
        self.d = (time.perf_counter(), time.process_time())

    def encoded(self):
        w, c = time.perf_counter(), time.process_time()
        self.draw.append(self.d[0] - self.t[0])
        self.encode.append(w - self.d[0])
        self.cpu.append(c - self.t[1])


def report(peer, frames, load_s, timer, **extra):
    """The one line of JSON every peer prints (milliseconds, medians over the frames)."""
    ms = lambda xs: round(statistics.median(xs) * 1000, 2)
    line = {"peer": peer, "frame": extra.pop("frame", "bench"), "frames": frames, "load_ms": round(load_s * 1000, 1),
            "draw_ms_median": ms(timer.draw), "encode_ms_median": ms(timer.encode),
            "frame_ms_median": ms([d + e for d, e in zip(timer.draw, timer.encode)]),
            "peak_rss_mb": round(peak_rss_mb(), 1), "frame_cpu_ms_median": ms(timer.cpu),
            "load_avg_1min": round(os.getloadavg()[0], 2)}
    line.update(extra)
    print(json.dumps(line), flush=True)
