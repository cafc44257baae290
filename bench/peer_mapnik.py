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
import sys
import time
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


def style_xml(ds):
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
<Style name="panel"><Rule><PolygonSymbolizer fill="{pc.PANEL}"/></Rule></Style>
<Style name="title">
  <Rule><Filter>[kind] = 'title'</Filter>{text % (title_s, title_c, 0)}</Rule>
  <Rule><Filter>[kind] = 'date'</Filter>{text % (date_s, date_c, -7)}</Rule>
</Style>
</Map>"""


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
    m = mapnik.Map(pc.WIDTH, pc.HEIGHT, srs)
    mapnik.load_map_from_string(m, style_xml(ds))

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
    if ds.path("basemap/border.geojson"):
        layer("border", "border", mapnik.Datasource(type="geojson", file=ds.path("basemap/border.geojson")))
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
    m.zoom_to_box(mapnik.Box2d(*page_to_map(0, pc.HEIGHT), *page_to_map(pc.WIDTH, 0)))
    load_s = time.perf_counter() - t0

    timer = pc.FrameTimer()
    for i in range(args.frames):
        date = dates[i % len(dates)]
        m.layers[held].datasource = held_ds[date]
        m.layers[text].datasource = text_by_date[date]
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
    pc.report("mapnik-" + args.backend, args.frames, load_s, timer,
              version=mapnik.mapnik_version(), png_bytes=len(png))


if __name__ == "__main__":
    main()
