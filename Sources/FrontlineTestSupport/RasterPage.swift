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

/// A small ARGB32 page for tests that compare Frontline's raster shortcuts with Cairo, drawn through
/// MapRender's canvas, drawer and stroke (`package` for it), with no Cairo call of its own.
public enum RasterPage {
    /// The pixels after `draw` on a new `width`×`height` page (cleared to `background`, else
    /// transparent), at `scale`, inside `clip`.
    static func pixels(
        width: Int, height: Int, scale: Double = 1, background: Color? = nil, clip: Rect? = nil, draw: (CairoCanvas) throws -> Void
    ) throws -> [UInt32] {
        let canvas = try CairoCanvas.argb(width: Int32(width), height: Int32(height), hugePages: false, stage: "test page")
        if let background { SceneDrawer(canvas: canvas).paintBackground(background) }
        canvas.scale(by: scale)
        if let clip { canvas.clip(to: clip) }
        try draw(canvas)
        canvas.flush()
        try canvas.check(stage: "test page")
        guard let page = canvas.pixels else { throw RenderError("test page: no pixels") }
        return (0..<height).flatMap { y in
            (0..<width).map { x in UnsafeRawPointer(page.base + y * page.stride).load(fromByteOffset: x * 4, as: UInt32.self) }
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
