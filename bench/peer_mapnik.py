#!/usr/bin/python3
"""Draws the bench frames with Mapnik (Debian's python3-mapnik) and times them.

  /usr/bin/python3 bench/peer_mapnik.py --fixture bench/fixture --frames 30 --out .build-bench/mapnik-agg
  /usr/bin/python3 bench/peer_mapnik.py --backend cairo --fixture bench/fixture --frames 30 --out .build-bench/mapnik-cairo

Load (outside the timed frames): the map is built from an XML style, and every GeoJSON file is
opened as a Mapnik datasource once (the geojson plugin parses and indexes it then). Per frame:
the control layer and the title layer are pointed at that date's datasources, then
  draw   = mapnik.render into a fresh image (AGG: mapnik.Image; cairo: a pycairo ARGB32 surface),
  encode = PNG bytes in memory (AGG: Image.tostring('png32'), full colour like Frontline's;
           cairo: surface.write_to_png, Cairo's own encoder).
Writing the file happens after the timing. Prints one line of JSON (see peer_common.report).
"""
import io
import json
import os
import struct
import sys
import tempfile
import time
import zlib
from xml.sax.saxutils import quoteattr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_common as pc  # noqa: E402

try:
    import mapnik
except ImportError:
    sys.exit("Mapnik's Python bindings are missing. They are Debian's, for Debian's Python:\n"
             "  sudo apt-get install -y python3-mapnik   (or bench/setup_peers.sh)\n"
             "and run this script with /usr/bin/python3.")

LONLAT = "+proj=longlat +datum=WGS84 +no_defs"
FONT_DIRS = ["/usr/share/fonts/truetype/noto", "/usr/share/fonts/truetype/dejavu"]


def style_xml(ds, extra=""):
    """The map as Mapnik XML: styles in Frontline's drawing order, layers bound later."""
    tints = "".join(
        '<Rule><Filter>[name] = %s</Filter><PolygonSymbolizer fill="%s"/></Rule>' % (quoteattr(n), c)
        for n, c in pc.TINT.items())
    held = ""
    for side, home in ds.sides:  # Dataset.acrossBorder as a Mapnik filter, one rule a side
        fill, line = ds.side_colors(side)
        held += ('<Rule><Filter>[side] = %s and [territory] != %s</Filter>'
                 '<PolygonSymbolizer fill="%s" fill-opacity="%g"/>'
                 '<LineSymbolizer stroke="%s" stroke-width="%g" stroke-linejoin="round"/></Rule>'
                 % (quoteattr(side), quoteattr(home or ""), fill, pc.HELD_OPACITY, line, pc.HELD_LINE_W))
    # River widths by level, as pc.river_width; lines without a level fall to the ElseFilter.
    rivers = "".join('<Rule><Filter>%s</Filter><LineSymbolizer stroke="%s" stroke-width="%g"/></Rule>'
                     % (f, pc.RIVER, pc.river_width(level)) for f, level in
                     [("[level] &lt;= 2", 2), ("[level] &gt; 2 and [level] &lt;= 4", 4), ("[level] &gt; 4", 5)])
    rivers += '<Rule><ElseFilter/><LineSymbolizer stroke="%s" stroke-width="%g"/></Rule>' % (pc.RIVER, pc.river_width(None))
    bc, bw, dash = pc.BORDER
    cc, co, cw = pc.BORDER_CASING
    title_c, title_s = pc.TITLE
    date_c, date_s = pc.DATE
    # Anchored at the text's top-left corner like the others; Mapnik's line box has more leading
    # above the glyphs than matplotlib's or Pango's, hence the nudge up (dy, page pixels) for the date.
    text = ('<TextSymbolizer fontset-name="bold" size="%g" fill="%s" horizontal-alignment="right" '
            'vertical-alignment="bottom" dy="%g" placement="point" allow-overlap="true">[label]</TextSymbolizer>')
    return f"""<Map background-color="{pc.BACKGROUND}">
<FontSet name="bold"><Font face-name="Noto Sans Bold"/><Font face-name="DejaVu Sans Bold"/></FontSet>
<Style name="territories">{tints}<Rule><ElseFilter/><PolygonSymbolizer fill="{pc.LAND}"/></Rule></Style>
<Style name="water"><Rule><PolygonSymbolizer fill="{pc.WATER}"/></Rule></Style>
<Style name="coast"><Rule><LineSymbolizer stroke="{pc.COAST[0]}" stroke-width="{pc.COAST[1]}" stroke-linejoin="round"/></Rule></Style>
<Style name="rivers">{rivers}</Style>
<Style name="held">{held}</Style>
<Style name="border"><Rule>
  <LineSymbolizer stroke="{cc}" stroke-opacity="{co}" stroke-width="{cw}"/>
  <LineSymbolizer stroke="{bc}" stroke-width="{bw}" stroke-dasharray="{','.join(map(str, dash))}" stroke-linecap="butt"/>
</Rule></Style>
<Style name="panel"><Rule><PolygonSymbolizer fill="{pc.PANEL}"/></Rule></Style>{extra}
<Style name="title">
  <Rule><Filter>[kind] = 'title'</Filter>{text % (title_s, title_c, 0)}</Rule>
  <Rule><Filter>[kind] = 'date'</Filter>{text % (date_s, date_c, -7)}</Rule>
</Style>
</Map>"""


def full_styles(ds, hatch_files, square_file):
    """The full frame's styles (issue 22): change hatched, front line, settlements with labels, and
    the panel's text and legend swatches."""
    change = ""
    for side, _ in ds.sides:
        fill, line = ds.side_colors(side)
        change += ('<Rule><Filter>[side] = %s</Filter><PolygonSymbolizer fill="%s" fill-opacity="%g"/>'
                   '<PolygonPatternSymbolizer file="%s" alignment="global"/>'
                   '<LineSymbolizer stroke="%s" stroke-width="%g"/></Rule>'
                   % (quoteattr(side), fill, pc.CHANGE_ALPHA, hatch_files[side], line, pc.CHANGE_LINE_W))
    fill, edge, width = pc.SETTLEMENT
    markers = ""
    for size in (7.5, 9, 10, 12):
        marker = '<MarkersSymbolizer %s width="%g" height="%g" fill="%s" stroke="%s" stroke-width="%g" allow-overlap="true"/>'
        markers += '<Rule><Filter>[size] = %g and [square] = 0</Filter>%s</Rule>' % (
            size, marker % ("", size, size, fill, edge, width))
        markers += '<Rule><Filter>[size] = %g and [square] = 1</Filter>%s</Rule>' % (
            size, marker % ('file="%s"' % square_file, size, size, fill, edge, width))
    hc, ho, hw = pc.HALO
    label = ('<TextSymbolizer fontset-name="%s" size="%g" fill="%s" halo-fill="%s" halo-opacity="%g" halo-radius="%g" '
             'horizontal-alignment="right" vertical-alignment="middle" dx="[dx]" placement="point">[name]</TextSymbolizer>')
    labels = ('<Rule><Filter>[big] = 1</Filter>%s</Rule><Rule><ElseFilter/>%s</Rule>'
              % (label % ("bold", 17, pc.TEXT, hc, ho, hw), label % ("regular", 14, pc.TEXT, hc, ho, hw)))
    text = ('<TextSymbolizer fontset-name="%s" size="%g" fill="%s" horizontal-alignment="right" vertical-alignment="bottom" '
            'dy="%g" placement="point" allow-overlap="true">[label]</TextSymbolizer>')
    panel_text = ""
    for kind, size, color, font in [("text", 15, pc.TEXT, "regular"), ("muted", 12, pc.MUTED, "regular"),
                                    ("legend", 14, pc.TEXT, "regular"), ("credit", 12, pc.MUTED, "regular")]:
        panel_text += '<Rule><Filter>[kind] = %s</Filter>%s</Rule>' % (quoteattr(kind), text % (font, size, color, -size * 0.18))
    for side, _ in ds.sides:
        panel_text += '<Rule><Filter>[kind] = %s</Filter>%s</Rule>' % (
            quoteattr("big-" + side), text % ("bold", 34, ds.side_colors(side)[1], -34 * 0.18))
    bc, bw, dash = pc.BORDER
    swatches = {"water": '<PolygonSymbolizer fill="%s"/>' % pc.WATER,
                "coast": '<LineSymbolizer stroke="%s" stroke-width="%g"/>' % pc.COAST,
                "river": '<LineSymbolizer stroke="%s" stroke-width="1.6"/>' % pc.RIVER,
                "border": '<LineSymbolizer stroke="%s" stroke-width="%g" stroke-dasharray="%s" stroke-linecap="butt"/>'
                          % (bc, bw, ",".join(map(str, dash))),
                "front": '<LineSymbolizer stroke="%s" stroke-width="%g"/>' % pc.FRONT,
                "settlement": '<MarkersSymbolizer width="7.5" height="7.5" fill="%s" stroke="%s" stroke-width="%g" '
                              'allow-overlap="true"/>' % (fill, edge, width)}
    for side, home in ds.sides:
        f, line = ds.side_colors(side)
        swatches["held-" + side] = ('<PolygonSymbolizer fill="%s" fill-opacity="%g"/><LineSymbolizer stroke="%s" stroke-width="%g"/>'
                                    % (f, pc.HELD_OPACITY, line, pc.HELD_LINE_W))
        swatches["rest-" + side] = ('<PolygonSymbolizer fill="%s"/><LineSymbolizer stroke="%s" stroke-width="%g"/>'
                                    % (pc.TINT.get(home, pc.LAND), line, pc.HELD_LINE_W))
        swatches["taken-" + side] = ('<PolygonSymbolizer fill="%s" fill-opacity="%g"/><PolygonPatternSymbolizer file="%s" '
                                     'alignment="global"/><LineSymbolizer stroke="%s" stroke-width="%g"/>'
                                     % (f, pc.CHANGE_ALPHA, hatch_files[side], line, pc.CHANGE_LINE_W))
    legend = "".join('<Rule><Filter>[swatch] = %s</Filter>%s</Rule>' % (quoteattr(k), v) for k, v in swatches.items())
    return f"""
<FontSet name="regular"><Font face-name="Noto Sans Regular"/><Font face-name="DejaVu Sans Book"/></FontSet>
<Style name="change">{change}</Style>
<Style name="front"><Rule><LineSymbolizer stroke="{pc.FRONT[0]}" stroke-width="{pc.FRONT[1]}" stroke-linejoin="round" stroke-linecap="round"/></Rule></Style>
<Style name="places">{markers}</Style>
<Style name="labels">{labels}</Style>
<Style name="panel-text">{panel_text}</Style>
<Style name="legend">{legend}</Style>"""


def hatch_png(path, color, angle):
    """A hatch tile as a PNG: one line of the side's colour, HATCH's width, across a 7 px tile (5 px
    apart at 45°, as Frontline hatches change), with antialiased edges; `angle` 45 or -45."""
    spacing, width = pc.HATCH
    n = round(spacing * 2 ** 0.5)
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    rows = b""
    for y in range(n):
        row = b"\0"
        for x in range(n):
            t = ((x + 0.5) - (y + 0.5) if angle > 0 else (x + 0.5) + (y + 0.5)) % n
            d = min(t, n - t) / 2 ** 0.5  # distance from the line through the tile's corners, px
            a = max(0.0, min(1.0, width / 2 + 0.5 - d))
            row += bytes((r, g, b, int(a * 255 + 0.5)))
        rows += row
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    with open(path, "wb") as fh:
        fh.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0))
                 + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def inline(features):
    return mapnik.Datasource(type="geojson", inline=json.dumps({"type": "FeatureCollection", "features": features}))


def main():
    ap = pc.parse_args("Mapnik")
    ap.add_argument("--backend", choices=["agg", "cairo"], default="agg")
    args = ap.parse_args()
    if args.backend == "cairo":
        if not mapnik.has_pycairo():
            sys.exit("this Mapnik was built without pycairo support: --backend cairo is unavailable")
        import cairo
    os.makedirs(args.out, exist_ok=True)

    t0 = time.perf_counter()
    ds = pc.Dataset(args.fixture)
    lcc = pc.Lcc(ds.view)
    srs = lcc.proj4()
    # Fit the view into the map rectangle in Mapnik's own projected metres, as Frontline fits it in
    # its plane; the page transform is then the same up to rounding.
    to_map = mapnik.ProjTransform(mapnik.Projection(LONLAT), mapnik.Projection(srs))
    pts = [to_map.forward(mapnik.Coord(lon, lat)) for lon, lat in pc.densified_box(ds.view)]
    k, tx, ty = pc.fit([(c.x, c.y) for c in pts])

    def page_to_map(px, py):
        return ((px - tx) / k, (ty - py) / k)

    for d in FONT_DIRS:
        if os.path.isdir(d):
            mapnik.register_fonts(d)
    full = args.frame == "full"
    extra = ""
    if full:
        pre = pc.Precomputed(args.geometry)
        # The hatch tiles and the square marker, written once (Mapnik reads symbol files by name).
        assets = tempfile.mkdtemp(prefix="peer-mapnik-")
        hatch_files = {}
        for side, _ in ds.sides:
            hatch_files[side] = os.path.join(assets, "hatch-%s.png" % side)
            hatch_png(hatch_files[side], ds.side_colors(side)[1], ds.hatch_angle(side))
        square = os.path.join(assets, "square.svg")
        with open(square, "w") as fh:
            fh.write('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>')
        extra = full_styles(ds, hatch_files, square)
    m = mapnik.Map(pc.WIDTH, pc.HEIGHT, srs)
    mapnik.load_map_from_string(m, style_xml(ds, extra))

    def layer(name, style, datasource, layer_srs=LONLAT):
        """Adds a layer; returns its index: m.layers holds copies, so later changes go through it."""
        lyr = mapnik.Layer(name, layer_srs)
        lyr.datasource = datasource
        lyr.styles.append(style)
        m.layers.append(lyr)
        return len(m.layers) - 1

    for name, style in [("basemap/territories.geojson", "territories"), ("basemap/water.geojson", "water"),
                        ("peers/coast.geojson", "coast"), ("basemap/rivers.geojson", "rivers")]:
        if ds.path(name):
            layer(style, style, mapnik.Datasource(type="geojson", file=ds.path(name)))
    dates = [pc.snapshot_date(p) for p in ds.control]
    held_ds = {d: mapnik.Datasource(type="geojson", file=p) for d, p in zip(dates, ds.control)}
    held = layer("held", "held", held_ds[dates[0]])
    if full:
        # The precomputed change and front line of each date, opened (parsed, indexed) at load like
        # the control files; the layers are pointed at a date's before its frame.
        change_ds = {d: mapnik.Datasource(type="geojson", file=pre.change_path(d)) for d in dates}
        front_ds = {d: mapnik.Datasource(type="geojson", file=pre.front_path(d)) for d in dates}
        change = layer("change", "change", change_ds[dates[0]])
    if ds.path("basemap/border.geojson"):
        layer("border", "border", mapnik.Datasource(type="geojson", file=ds.path("basemap/border.geojson")))
    if full:
        front = layer("front", "front", front_ds[dates[0]])
        places = [{"type": "Feature", "properties": {
            "name": name, "size": pc.marker_size(pop), "square": int((pop or 0) >= 100_000),
            "big": int(pc.label_style(pop)[1]), "dx": pc.marker_size(pop) / 2 + 4},
            "geometry": {"type": "Point", "coordinates": [lon, lat]}} for name, lon, lat, pop in ds.settlements()]
        places_ds = inline(places)
        layer("places", "places", places_ds)
    # The panel: a white rectangle over the page's left part, drawn in map metres after the map
    # (so it also clips the map to its rectangle), then the title and the date on it.
    corners = [page_to_map(x, y) for x, y in [(0, 0), (pc.PANEL_W, 0), (pc.PANEL_W, pc.HEIGHT), (0, pc.HEIGHT), (0, 0)]]
    layer("panel", "panel", inline([{"type": "Feature", "properties": {},
                                     "geometry": {"type": "Polygon", "coordinates": [corners]}}]), srs)
    title = ds.manifest["title"].upper()

    def text_ds(date):
        feats = []
        for kind, label, y in [("title", title, pc.TITLE_Y), ("date", pc.long_date(date), pc.DATE_Y)]:
            feats.append({"type": "Feature", "properties": {"kind": kind, "label": label},
                          "geometry": {"type": "Point", "coordinates": list(page_to_map(pc.TEXT_X, y))}})
        return inline(feats)

    text_by_date = {d: text_ds(d) for d in dates}
    text = layer("title", "title", text_by_date[dates[0]], srs)
    if full:
        layer("labels", "labels", places_ds)  # over everything but the panel's own text
        extras = (ds.path("basemap/water.geojson") is not None, ds.path("peers/coast.geojson") is not None,
                  ds.path("basemap/rivers.geojson") is not None)
        w, h = pc.SWATCH

        def panel_ds(date):
            """The panel's text and legend swatches for one date, in map metres (page positions)."""
            held_km2, changes = pre.facts(date)
            texts, swatches = [], []
            for kind, y, label, side in pc.panel_items(ds, date, held_km2, changes, *extras):
                x = pc.LEGEND_LABEL_X if kind == "legend" else pc.TEXT_X
                texts.append({"type": "Feature", "properties": {"kind": "big-" + side if kind == "big" else kind, "label": label},
                              "geometry": {"type": "Point", "coordinates": list(page_to_map(x, y + (1 if kind == "legend" else 0)))}})
                if kind != "legend":
                    continue
                x0, x1, y0, y1 = pc.LEGEND_X, pc.LEGEND_X + w, y, y + h
                if side in ("coast", "river", "border", "front"):
                    geometry = {"type": "LineString", "coordinates": [page_to_map(x0, y + h / 2), page_to_map(x1, y + h / 2)]}
                elif side == "settlement":
                    geometry = {"type": "Point", "coordinates": page_to_map(x0 + w / 2, y + h / 2)}
                else:
                    geometry = {"type": "Polygon", "coordinates": [[page_to_map(a, b) for a, b in
                                                                    [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]]]}
                swatches.append({"type": "Feature", "properties": {"swatch": side}, "geometry": geometry})
            return inline(texts), inline(swatches)

        panel_by_date = {d: panel_ds(d) for d in dates}
        panel_text = layer("panel-text", "panel-text", panel_by_date[dates[0]][0], srs)
        legend = layer("legend", "legend", panel_by_date[dates[0]][1], srs)
    m.zoom_to_box(mapnik.Box2d(*page_to_map(0, pc.HEIGHT), *page_to_map(pc.WIDTH, 0)))
    load_s = time.perf_counter() - t0

    timer = pc.FrameTimer()
    for i in range(args.frames):
        date = dates[(args.offset + i) % len(dates)]
        m.layers[held].datasource = held_ds[date]
        m.layers[text].datasource = text_by_date[date]
        if full:
            m.layers[change].datasource = change_ds[date]
            m.layers[front].datasource = front_ds[date]
            m.layers[panel_text].datasource, m.layers[legend].datasource = panel_by_date[date]
        timer.start()
        if args.backend == "agg":
            image = mapnik.Image(pc.WIDTH, pc.HEIGHT)
            mapnik.render(m, image)
            timer.drawn()
            png = image.tostring("png32")
        else:
            surface = cairo.ImageSurface(cairo.FORMAT_ARGB32, pc.WIDTH, pc.HEIGHT)
            mapnik.render(m, surface)
            surface.flush()
            timer.drawn()
            buf = io.BytesIO()
            surface.write_to_png(buf)
            png = buf.getvalue()
        timer.encoded()
        with open(os.path.join(args.out, date + ".png"), "wb") as fh:
            fh.write(png)
    pc.report("mapnik-" + args.backend, args.frames, load_s, timer, frame=args.frame,
              version=mapnik.mapnik_version(), png_bytes=len(png))


if __name__ == "__main__":
    main()
