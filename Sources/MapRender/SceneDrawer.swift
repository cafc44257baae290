internal import CCairo
import Cartography

/// Draws scene items, in order, on one Cairo context in page-pixel user space.
///
/// Keeps one Pango layout for the life of a render. `package` for FrontlineTestSupport's test pages,
/// which compare its raster shortcuts with Cairo.
package final class SceneDrawer {
    private let cr: OpaquePointer
    private var textLayout: TextLayout?
    private let thinStroke = ThinStroke()
    private let textHalo = TextHalo()

    /// Whether raster targets take Frontline's own thin strokes and halos (`ThinStroke`, `TextHalo`);
    /// off only in tests that compare them with Cairo's.
    private let rasterShortcuts: Bool

    package init(context: OpaquePointer, rasterShortcuts: Bool = true) {
        cr = context
        self.rasterShortcuts = rasterShortcuts
    }

    /// Paints the background over the whole page, then every item.
    func draw(_ scene: Scene) throws {
        paintBackground(scene.background)
        try draw(scene.items)
    }

    /// Replaces every pixel with `color`.
    package func paintBackground(_ color: Color) {
        cairo_save(cr)
        CairoStyle.setColor(cr, color)
        cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
        cairo_paint(cr)
        cairo_restore(cr)
    }

    /// Draws `items` in order, without painting the background (SVG draws runs of items one at a time).
    package func draw(_ items: [SceneItem]) throws {
        for item in items {
            switch item {
            case let .path(path, fill, stroke):
                paint(fill: fill, stroke: stroke, path: path) { CairoShapes.add(path, to: cr) }
            case let .marker(shape, center, size, fill, stroke):
                paint(fill: fill, stroke: stroke) { CairoShapes.addMarker(shape, at: center, size: size, to: cr) }
            case let .rect(rect, fill, stroke, cornerRadius):
                paint(fill: fill, stroke: stroke) { CairoShapes.add(rect, cornerRadius: cornerRadius, to: cr) }
            case let .text(text):
                try draw(text)
            case let .group(_, clip, items):
                cairo_save(cr)
                if let clip {
                    cairo_rectangle(cr, clip.x, clip.y, clip.width, clip.height)
                    cairo_clip(cr)
                }
                try draw(items)
                cairo_restore(cr)
            }
        }
    }

    /// Fills the shape `addShape` builds (even-odd), hatches the same area, then strokes its outline
    /// (thin solid outlines of `path` on image surfaces through `ThinStroke`).
    private func paint(fill: Fill?, stroke: Stroke?, path: PagePath? = nil, shape addShape: () -> Void) {
        if let fill, fill.color.a > 0 {
            cairo_new_path(cr)
            addShape()
            cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD)
            CairoStyle.setColor(cr, fill.color)
            cairo_fill(cr)
        }
        if let hatch = fill?.hatch {
            Hatching.draw(hatch, in: addShape, on: cr)
        }
        if let stroke, CairoStyle.isVisible(stroke) {
            cairo_new_path(cr)
            if rasterShortcuts, let path, thinStroke.draw(path, stroke, on: cr) { return }
            addShape()
            CairoStyle.apply(stroke, to: cr)
            cairo_stroke(cr)
        }
        cairo_new_path(cr)
    }

    /// Flattening tolerance of halo strokes, in device pixels.
    static let haloTolerance = 0.3

    /// Places the text's logical box per its anchor; draws the halo (on raster targets grown from the
    /// glyphs by `TextHalo`, elsewhere the layout outline stroked at twice the halo width with round
    /// joins) first, then the glyphs.
    private func draw(_ item: TextItem) throws {
        guard TextLayout.canSet(item.style) else { return }
        let layout = try textLayout ?? TextLayout()
        textLayout = layout
        layout.set(item.text, style: item.style, maxWidth: item.maxWidth, alignment: item.anchor.horizontal)
        let extents = layout.logicalExtents()
        let box = item.box(width: extents.width, height: extents.height)
        let origin = Point(box.x - extents.x, box.y - extents.y)

        cairo_new_path(cr)
        if let halo = item.style.halo, item.style.haloWidth > 0, halo.a > 0 {
            if rasterShortcuts,
                textHalo.draw(layout.layout, at: origin, halo: halo, width: item.style.haloWidth, color: item.style.color, on: cr)
            {
                return
            }
            cairo_move_to(cr, origin.x, origin.y)
            pango_cairo_layout_path(cr, layout.layout)
            CairoStyle.apply(Stroke(halo, width: item.style.haloWidth * 2, cap: .round), to: cr)
            // Glyph curves are flattened to 0.3 px here rather than Cairo's 0.1: the halo's soft edge
            // on open ground shows no difference at 4× zoom, and the round-joined stroke of finely
            // flattened outlines was the largest single cost of a one-date render (~100 ms of 430).
            let tolerance = cairo_get_tolerance(cr)
            cairo_set_tolerance(cr, Self.haloTolerance)
            cairo_stroke(cr)
            cairo_set_tolerance(cr, tolerance)
        }
        cairo_move_to(cr, origin.x, origin.y)
        CairoStyle.setColor(cr, item.style.color)
        pango_cairo_show_layout(cr, layout.layout)
        cairo_new_path(cr)
    }
}
