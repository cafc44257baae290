#!/usr/bin/env python3
"""Draws the bench frames with matplotlib (Agg) and shapely, and times them.

  .build-bench/venv/bin/python bench/peer_matplotlib.py --fixture bench/fixture --frames 30 --out .build-bench/matplotlib

(bench/setup_peers.sh makes the venv.) Load (outside the timed frames): every GeoJSON file is
parsed into shapely geometries, and the static layers (territories, rivers, border, panel text)
become artists once, as a matplotlib animation would keep them. Per frame:
  draw   = project that date's control polygons with numpy (Frontline's Lambert conformal conic,
           page pixels), make them PathPatches, set the date, and fig.canvas.draw() (Agg);
  encode = the second half of FigureCanvasAgg.print_png: the drawn RGBA buffer to PNG bytes in
           memory (matplotlib.image.imsave, through Pillow), without drawing again.
Writing the file happens after the timing. Prints one line of JSON (see peer_common.report).
"""
import io
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_common as pc  # noqa: E402

try:
    import matplotlib
    import numpy as np
    import shapely
except ImportError as e:
    sys.exit("%s: run bench/setup_peers.sh, then use .build-bench/venv/bin/python" % e)

matplotlib.use("Agg")
import matplotlib.image as mimage  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import PathPatch  # noqa: E402
from matplotlib.path import Path  # noqa: E402

DPI = 100
PT = 72.0 / DPI  # points per page pixel: matplotlib sizes lines and text in points


class Projector:
    """Lon/lat arrays to page pixels: peer_common.Lcc, vectorised with numpy."""

    def __init__(self, lcc):
        self.c = lcc

    def __call__(self, xy):
        c = self.c
        lam = np.radians(xy[:, 0] - c.lon0)
        rho = c.f / np.tan(np.pi / 4 + np.radians(np.clip(xy[:, 1], -89.9, 89.9)) / 2) ** c.n
        x = rho * np.sin(c.n * lam)
        y = c.f - rho * np.cos(c.n * lam)
        return np.column_stack([c.tx + c.k * x, c.ty - c.k * y])


def polygon_path(geoms):
    """One compound Path for (Multi)Polygons, holes included (even-odd as Frontline fills)."""
    verts, codes = [], []
    for poly in (p for g in geoms for p in getattr(g, "geoms", [g])):
        for ring in [poly.exterior, *poly.interiors]:
            xy = np.asarray(ring.coords)
            verts.append(xy)
            c = np.full(len(xy), Path.LINETO, dtype=Path.code_type)
            c[0], c[-1] = Path.MOVETO, Path.CLOSEPOLY
            codes.append(c)
    return Path(np.concatenate(verts), np.concatenate(codes))


def shape(g):
    """A GeoJSON geometry as shapely, through numpy arrays (shapely.geometry.shape walks every
    coordinate in Python: ten times slower on these files)."""
    t, c = g["type"], g["coordinates"]
    polygon = lambda rings: shapely.polygons(np.asarray(rings[0]), holes=[np.asarray(r) for r in rings[1:]] or None)
    if t == "Polygon":
        return polygon(c)
    if t == "MultiPolygon":
        return shapely.multipolygons([polygon(p) for p in c])
    if t == "LineString":
        return shapely.linestrings(np.asarray(c))
    if t == "MultiLineString":
        return shapely.multilinestrings([shapely.linestrings(np.asarray(p)) for p in c])
    sys.exit("unexpected geometry type %s" % t)


def read(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)["features"]


def main():
    args = pc.parse_args("matplotlib").parse_args()
    os.makedirs(args.out, exist_ok=True)

    t0 = time.perf_counter()
    ds = pc.Dataset(args.fixture)
    project = Projector(pc.Lcc(ds.view))
    fig = Figure(figsize=(pc.WIDTH / DPI, pc.HEIGHT / DPI), dpi=DPI, facecolor=pc.PANEL)
    FigureCanvasAgg(fig)
    # The map's axes cover the map rectangle in page pixels (y down), so they clip it as Frontline does.
    x, y, w, h = pc.MAP_RECT
    ax = fig.add_axes((x / pc.WIDTH, 1 - (y + h) / pc.HEIGHT, w / pc.WIDTH, h / pc.HEIGHT))
    ax.set_xlim(x, x + w)
    ax.set_ylim(y + h, y)
    ax.set_axis_off()
    ax.add_patch(PathPatch(Path([(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)]),
                           facecolor=pc.BACKGROUND, edgecolor="none"))

    if ds.path("basemap/territories.geojson"):
        for f in read(ds.path("basemap/territories.geojson")):
            g = shapely.transform(shape(f["geometry"]), project)
            tint = pc.TINT.get(f["properties"].get("name"), pc.LAND)
            ax.add_patch(PathPatch(polygon_path([g]), facecolor=tint, edgecolor="none"))
    if ds.path("basemap/water.geojson"):
        for f in read(ds.path("basemap/water.geojson")):
            g = shapely.transform(shape(f["geometry"]), project)
            ax.add_patch(PathPatch(polygon_path([g]), facecolor=pc.WATER, edgecolor="none"))
    if ds.path("peers/coast.geojson"):
        lines = []
        for f in read(ds.path("peers/coast.geojson")):
            g = shapely.transform(shape(f["geometry"]), project)
            lines += [np.asarray(p.coords) for p in getattr(g, "geoms", [g])]
        ax.add_collection(LineCollection(lines, colors=pc.COAST[0], linewidths=pc.COAST[1] * PT))
    if ds.path("basemap/rivers.geojson"):
        lines, widths = [], []
        for f in read(ds.path("basemap/rivers.geojson")):
            g = shapely.transform(shape(f["geometry"]), project)
            for part in getattr(g, "geoms", [g]):
                lines.append(np.asarray(part.coords))
                widths.append(pc.river_width(f["properties"].get("level")) * PT)
        ax.add_collection(LineCollection(lines, colors=pc.RIVER, linewidths=widths))
    held_layer_z = 3
    if ds.path("basemap/border.geojson"):
        lines = []
        for f in read(ds.path("basemap/border.geojson")):
            g = shapely.transform(shape(f["geometry"]), project)
            lines += [np.asarray(p.coords) for p in getattr(g, "geoms", [g])]
        cc, co, cw = pc.BORDER_CASING
        bc, bw, dash = pc.BORDER
        ax.add_collection(LineCollection(lines, colors=cc, alpha=co, linewidths=cw * PT, zorder=held_layer_z + 1))
        ax.add_collection(LineCollection(lines, colors=bc, linewidths=bw * PT, capstyle="butt", zorder=held_layer_z + 2,
                                         linestyles=[(0, tuple(d * PT for d in dash))]))

    # Control snapshots: parsed now, projected per frame (they are what changes).
    snapshots = {}
    for path in ds.control:
        feats = read(path)
        snapshots[feats[0]["properties"]["date"]] = [
            (f["properties"]["side"], shape(f["geometry"])) for f in feats if pc.held_across_border(f, ds.sides)]
    dates = sorted(snapshots)
    tc, ts = pc.TITLE
    dc, dsz = pc.DATE
    fig.text(pc.TEXT_X / pc.WIDTH, 1 - pc.TITLE_Y / pc.HEIGHT, ds.manifest["title"].upper(), color=tc,
             fontsize=ts * PT, fontweight="bold", family=["Noto Sans", "DejaVu Sans"], va="top")
    date_text = fig.text(pc.TEXT_X / pc.WIDTH, 1 - pc.DATE_Y / pc.HEIGHT, "", color=dc, fontsize=dsz * PT,
                         fontweight="bold", family=["Noto Sans", "DejaVu Sans"], va="top")

    # One patch a side, kept; each frame gives it that date's outline (as an animation would).
    held = {}
    for side, _ in ds.sides:
        fill, line = ds.side_colors(side)
        held[side] = ax.add_patch(PathPatch(Path(np.zeros((1, 2))), facecolor=to_rgba(fill, pc.HELD_OPACITY),
                                            edgecolor=line, linewidth=pc.HELD_LINE_W * PT, zorder=held_layer_z))
    load_s = time.perf_counter() - t0

    timer = pc.FrameTimer()
    for i in range(args.frames):
        date = dates[i % len(dates)]
        timer.start()
        for side, patch in held.items():
            geoms = [shapely.transform(g, project) for s, g in snapshots[date] if s == side]
            patch.set_path(polygon_path(geoms) if geoms else Path(np.zeros((1, 2))))
            patch.set_visible(bool(geoms))
        date_text.set_text(pc.long_date(date))
        fig.canvas.draw()
        timer.drawn()
        buf = io.BytesIO()
        mimage.imsave(buf, fig.canvas.buffer_rgba(), format="png", dpi=DPI)
        timer.encoded()
        with open(os.path.join(args.out, date + ".png"), "wb") as fh:
            fh.write(buf.getvalue())
    pc.report("matplotlib", args.frames, load_s, timer, version=matplotlib.__version__,
              png_bytes=len(buf.getvalue()))


if __name__ == "__main__":
    main()
