internal import CCairo
import Cartography
import MapRender

extension ThinStroke {
    /// `path` stroked by this rasterizer on a `RasterPage`, or nil where it declines.
    public static func strokedPixels(
        _ path: PagePath, _ stroke: Stroke, width: Int, height: Int, scale: Double = 1, background: Color? = nil, clip: Rect? = nil
    ) throws -> [UInt32]? {
        var declined = false
        let pixels = try RasterPage.pixels(width: width, height: height, scale: scale, background: background, clip: clip) { canvas in
            declined = !ThinStroke().draw(path, stroke, on: canvas)
        }
        return declined ? nil : pixels
    }
}

/// A small ARGB32 page for tests that compare Frontline's raster shortcuts with Cairo (MapRender's
/// drawer, stroke and canvas are `package` for it).
public enum RasterPage {
    /// The pixels after `draw` on a new `width`×`height` page (cleared to `background`, else
    /// transparent), at `scale`, inside `clip`.
    static func pixels(
        width: Int, height: Int, scale: Double = 1, background: Color? = nil, clip: Rect? = nil, draw: (CairoCanvas) throws -> Void
    ) throws -> [UInt32] {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw RenderError("cairo_image_surface_create returned no surface")
        }
        let canvas = try CairoCanvas(surface: surface, stage: "test page")
        let cr = canvas.context
        if let background { SceneDrawer(canvas: canvas).paintBackground(background) }
        cairo_scale(cr, scale, scale)
        if let clip {
            cairo_rectangle(cr, clip.x, clip.y, clip.width, clip.height)
            cairo_clip(cr)
        }
        try draw(canvas)
        cairo_surface_flush(surface)
        try canvas.check(stage: "test page")
        guard let data = cairo_image_surface_get_data(surface) else { throw RenderError("test page: no pixels") }
        let rowBytes = Int(cairo_image_surface_get_stride(surface))
        return (0..<height).flatMap { y in
            (0..<width).map { x in UnsafeRawPointer(data + y * rowBytes).load(fromByteOffset: x * 4, as: UInt32.self) }
        }
    }

    /// `items` drawn by a `SceneDrawer`, with or without its raster shortcuts.
    public static func pixels(
        of items: [SceneItem], width: Int, height: Int, scale: Double = 1, background: Color? = nil, clip: Rect? = nil,
        rasterShortcuts: Bool
    ) throws -> [UInt32] {
        try pixels(width: width, height: height, scale: scale, background: background, clip: clip) { canvas in
            try SceneDrawer(canvas: canvas, rasterShortcuts: rasterShortcuts).draw(items)
        }
    }
}
