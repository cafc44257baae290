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
    from peer_shapes import shape
except ImportError as e:
    sys.exit("%s: run bench/setup_peers.sh, then use .build-bench/venv/bin/python" % e)

matplotlib.use("Agg")
import matplotlib.image as mimage  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import PathPatch, Rectangle  # noqa: E402
from matplotlib.path import Path  # noqa: E402
import matplotlib.patheffects as pe  # noqa: E402

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


def read(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)["features"]


FONT = ["Noto Sans", "DejaVu Sans"]
# The full frame's drawing order above the held ground (zorder 3): change, border, front line,
# settlements, labels.
Z_CHANGE, Z_BORDER, Z_FRONT, Z_PLACES, Z_LABELS = 3.5, 4, 6, 7, 8


def settlements(ax, ds, project):
    """The settlements and their labels: static artists, made once (the full frame)."""
    places = ds.settlements()
    if not places:
        return
    xy = project(np.array([(lon, lat) for _, lon, lat, _ in places]))
    fill, line, width = pc.SETTLEMENT
    for square in (False, True):
        pick = [i for i, p in enumerate(places) if ((p[3] or 0) >= 100_000) == square]
        if pick:
            ax.scatter(xy[pick, 0], xy[pick, 1], s=[(pc.marker_size(places[i][3]) * PT) ** 2 for i in pick],
                       marker="s" if square else "o", facecolor=fill, edgecolor=line, linewidths=width * PT,
                       zorder=Z_PLACES)
    hc, ho, hw = pc.HALO
    halo = [pe.withStroke(linewidth=2 * hw * PT, foreground=to_rgba(hc, ho))]
    for (name, _, _, pop), (x, y) in zip(places, xy):
        size, bold = pc.label_style(pop)
        ax.text(x + pc.marker_size(pop) / 2 + 4, y, name, fontsize=size * PT, fontweight="bold" if bold else "normal",
                color=pc.TEXT, family=FONT, va="center", ha="left", path_effects=halo, zorder=Z_LABELS, clip_on=True)


def swatch(pax, kind, y, ds):
    """A legend swatch at page height y (its top), as an artist in the panel's axes."""
    w, h = pc.SWATCH
    x = pc.LEGEND_X
    box = lambda **kw: pax.add_patch(Rectangle((x, y), w, h, **kw))
    line = lambda color, width, **kw: pax.add_line(Line2D([x, x + w], [y + h / 2] * 2, color=color,
                                                          linewidth=width * PT, **kw))
    if kind == "water":
        return box(facecolor=pc.WATER, edgecolor="none")
    if kind == "coast":
        return line(pc.COAST[0], pc.COAST[1])
    if kind == "river":
        return line(pc.RIVER, 1.6)
    if kind == "border":
        bc, bw, dash = pc.BORDER
        return line(bc, bw, dashes=[d * PT / (bw * PT) for d in dash])
    if kind == "front":
        return line(pc.FRONT[0], pc.FRONT[1])
    if kind == "settlement":
        fill, edge, width = pc.SETTLEMENT
        return pax.add_line(Line2D([x + w / 2], [y + h / 2], marker="o", markersize=7.5 * PT, markerfacecolor=fill,
                                   markeredgecolor=edge, markeredgewidth=width * PT))
    what, side = kind.split("-", 1)
    fill, edge = ds.side_colors(side)
    if what == "held":
        return box(facecolor=to_rgba(fill, pc.HELD_OPACITY), edgecolor=edge, linewidth=pc.HELD_LINE_W * PT)
    if what == "rest":
        home = dict(ds.sides).get(side)
        return box(facecolor=pc.TINT.get(home, pc.LAND), edgecolor=edge, linewidth=pc.HELD_LINE_W * PT)
    return box(facecolor=to_rgba(fill, pc.CHANGE_ALPHA), edgecolor=edge, linewidth=pc.CHANGE_LINE_W * PT,
               hatch=hatch(ds, side))


def hatch(ds, side):
    """matplotlib's hatch of about 5 px spacing at 100 dpi, in the side's direction."""
    return "/" * 8 if ds.hatch_angle(side) > 0 else "\\" * 8


def panel(pax, ds, date, facts, extras):
    """The panel's text and legend for one date: made per frame (what it says changes), returned so
    the next frame removes them."""
    held_km2, changes = facts
    artists = []
    styles = {"text": (15, "normal", pc.TEXT), "muted": (12, "normal", pc.MUTED), "legend": (14, "normal", pc.TEXT),
              "credit": (12, "normal", pc.MUTED)}
    for kind, y, text, side in pc.panel_items(ds, date, held_km2, changes, *extras):
        if kind == "big":
            size, weight, color = 34, "bold", ds.side_colors(side)[1]
        else:
            size, weight, color = styles[kind]
        x = pc.LEGEND_LABEL_X if kind == "legend" else pc.TEXT_X
        artists.append(pax.text(x, y + (1 if kind == "legend" else 0), text, fontsize=size * PT, fontweight=weight,
                                color=color, family=FONT, va="top", ha="left"))
        if kind == "legend":
            artists.append(swatch(pax, side, y, ds))
    return artists


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
        ax.add_collection(LineCollection(lines, colors=cc, alpha=co, linewidths=cw * PT, zorder=Z_BORDER))
        ax.add_collection(LineCollection(lines, colors=bc, linewidths=bw * PT, capstyle="butt", zorder=Z_BORDER + 0.5,
                                         linestyles=[(0, tuple(d * PT for d in dash))]))

    full = args.frame == "full"
    if full:
        pre = pc.Precomputed(args.geometry)
        settlements(ax, ds, project)
        matplotlib.rcParams["hatch.linewidth"] = pc.HATCH[1] * PT
        # The panel's own axes, in page pixels (y down), for its text and legend swatches.
        pax = fig.add_axes((0, 0, pc.PANEL_W / pc.WIDTH, 1))
        pax.set_xlim(0, pc.PANEL_W)
        pax.set_ylim(pc.HEIGHT, 0)
        pax.set_axis_off()
        extras = (ds.path("basemap/water.geojson") is not None, ds.path("peers/coast.geojson") is not None,
                  ds.path("basemap/rivers.geojson") is not None)

    # Control snapshots: parsed now, projected per frame (they are what changes).
    snapshots = {}
    for path in ds.control:
        feats = read(path)
        snapshots[feats[0]["properties"]["date"]] = [
            (f["properties"]["side"], shape(f["geometry"])) for f in feats if pc.held_across_border(f, ds.sides)]
    dates = sorted(snapshots)
    if full:
        # The precomputed change and front line of each date: parsed now, projected per frame.
        changes = {d: [(f["properties"]["side"], shape(f["geometry"])) for f in read(pre.change_path(d))] for d in dates}
        fronts = {d: [shape(f["geometry"]) for f in read(pre.front_path(d))] for d in dates}
        facts = {d: pre.facts(d) for d in dates}
        change_patch = {}
        for side, _ in ds.sides:
            fill, line = ds.side_colors(side)
            change_patch[side] = ax.add_patch(PathPatch(
                Path(np.zeros((1, 2))), facecolor=to_rgba(fill, pc.CHANGE_ALPHA), edgecolor=line,
                linewidth=pc.CHANGE_LINE_W * PT, hatch=hatch(ds, side), zorder=Z_CHANGE))
        front = ax.add_collection(LineCollection([], colors=pc.FRONT[0], linewidths=pc.FRONT[1] * PT, zorder=Z_FRONT,
                                                 joinstyle="round", capstyle="round"))
        panel_artists = []
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
        date = dates[(args.offset + i) % len(dates)]
        timer.start()
        for side, patch in held.items():
            geoms = [shapely.transform(g, project) for s, g in snapshots[date] if s == side]
            patch.set_path(polygon_path(geoms) if geoms else Path(np.zeros((1, 2))))
            patch.set_visible(bool(geoms))
        date_text.set_text(pc.long_date(date))
        if full:
            for side, patch in change_patch.items():
                geoms = [shapely.transform(g, project) for s, g in changes[date] if s == side]
                patch.set_path(polygon_path(geoms) if geoms else Path(np.zeros((1, 2))))
                patch.set_visible(bool(geoms))
            front.set_segments([project(np.asarray(part.coords)) for g in fronts[date] for part in getattr(g, "geoms", [g])])
            for a in panel_artists:
                a.remove()
            panel_artists = panel(pax, ds, date, facts[date], extras)
        fig.canvas.draw()
        timer.drawn()
        buf = io.BytesIO()
        mimage.imsave(buf, fig.canvas.buffer_rgba(), format="png", dpi=DPI)
        timer.encoded()
        with open(os.path.join(args.out, date + ".png"), "wb") as fh:
            fh.write(buf.getvalue())
    pc.report("matplotlib", args.frames, load_s, timer, frame=args.frame, version=matplotlib.__version__,
              png_bytes=len(buf.getvalue()))


if __name__ == "__main__":
    main()
