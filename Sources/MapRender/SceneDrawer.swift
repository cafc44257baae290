import Cartography

/// Draws scene items, in order, on one canvas in page-pixel user space.
///
/// Keeps one Pango layout for the life of a render: a sequence's rasterizer keeps its drawer from
/// frame to frame, so the labels every frame repeats are shaped once (`TextLayout.extents(of:)`) and
/// their halos grown once (`TextHalo`). `package` for FrontlineTestSupport's test pages, which compare
/// its raster shortcuts with Cairo.
package final class SceneDrawer {
    private let canvas: CairoCanvas
    private var textLayout: TextLayout?
    private let thinStroke = ThinStroke()
    private let textHalo = TextHalo()
    /// Halo stamps made so far (see `TextHalo.stampsMade`).
    var haloStampsMade: Int { textHalo.stampsMade }

    /// Whether raster targets take Frontline's own thin strokes and halos (`ThinStroke`, `TextHalo`);
    /// off only in tests that compare them with Cairo's.
    private let rasterShortcuts: Bool

    package init(canvas: CairoCanvas, rasterShortcuts: Bool = true) {
        self.canvas = canvas
        self.rasterShortcuts = rasterShortcuts
    }

    /// Paints the background over the whole page, then every item.
    func draw(_ scene: Scene) throws {
        paintBackground(scene.background)
        try draw(scene.items)
    }

    /// Replaces every pixel with `color`.
    package func paintBackground(_ color: Color) { canvas.replaceAll(with: color) }

    /// Draws `items` in order, without painting the background (SVG draws runs of items one at a time).
    package func draw(_ items: [SceneItem]) throws {
        for item in items {
            switch item {
            case let .path(path, fill, stroke):
                paint(fill: fill, stroke: stroke, path: path) { canvas.add(path) }
            case let .marker(shape, center, size, fill, stroke):
                paint(fill: fill, stroke: stroke) { canvas.addMarker(shape, at: center, size: size) }
            case let .rect(rect, fill, stroke, cornerRadius):
                paint(fill: fill, stroke: stroke) { canvas.add(rect, cornerRadius: cornerRadius) }
            case let .text(text):
                try draw(text)
            case let .group(_, clip, items):
                canvas.save()
                if let clip { canvas.clip(to: clip) }
                try draw(items)
                canvas.restore()
            }
        }
    }

    /// Fills the shape `addShape` builds (even-odd), hatches the same area, then strokes its outline
    /// (thin solid outlines of `path` on image surfaces through `ThinStroke`).
    private func paint(fill: Fill?, stroke: Stroke?, path: PagePath? = nil, shape addShape: () -> Void) {
        if let fill, fill.color.a > 0 {
            canvas.newPath()
            addShape()
            canvas.fillEvenOdd(fill.color)
        }
        if let hatch = fill?.hatch {
            Hatching.draw(hatch, in: addShape, on: canvas)
        }
        // A stroke of no width or no alpha leaves no mark.
        if let stroke, stroke.width > 0, stroke.color.a > 0 {
            canvas.newPath()
            if rasterShortcuts, let path, thinStroke.draw(path, stroke, on: canvas) { return }
            addShape()
            canvas.stroke(stroke)
        }
        canvas.newPath()
    }

    /// Flattening tolerance of halo strokes, in device pixels.
    static let haloTolerance = 0.3

    /// Places the text's logical box per its anchor; draws the halo (on raster targets grown from the
    /// glyphs by `TextHalo`, elsewhere the layout outline stroked at twice the halo width with round
    /// joins) first, then the glyphs.
    private func draw(_ item: TextItem) throws {
        guard TextLayout.canSet(item.style) else { return }
        let shape = TextShape(item.text, style: item.style, maxWidth: item.maxWidth, alignment: item.anchor.horizontal)
        let (logical, ink) = try layout().extents(of: shape)
        let box = item.box(width: logical.width, height: logical.height)
        let origin = Point(box.x - logical.x, box.y - logical.y)

        canvas.newPath()
        if let halo = item.style.halo, item.style.haloWidth > 0, halo.a > 0 {
            let style = item.style
            if rasterShortcuts,
                try textHalo.draw(
                    shape, ink: ink, at: origin, halo: halo, width: style.haloWidth, color: style.color, on: canvas,
                    layout: { try self.layout(holding: shape) })
            {
                return
            }
            canvas.move(to: origin)
            canvas.addOutline(of: try layout(holding: shape))
            // Glyph curves are flattened to 0.3 px here rather than Cairo's 0.1: the halo's soft edge
            // on open ground shows no difference at 4× zoom, and the round-joined stroke of finely
            // flattened outlines was the largest single cost of a one-date render (~100 ms of 430).
            canvas.stroke(Stroke(halo, width: item.style.haloWidth * 2, cap: .round), tolerance: Self.haloTolerance)
        }
        canvas.move(to: origin)
        canvas.show(try layout(holding: shape), color: item.style.color)
        canvas.newPath()
    }

    /// The layout, made on first use; holding `shape` when given.
    private func layout(holding shape: TextShape? = nil) throws -> TextLayout {
        let layout = try textLayout ?? TextLayout()
        textLayout = layout
        if let shape { layout.hold(shape) }
        return layout
    }
}
