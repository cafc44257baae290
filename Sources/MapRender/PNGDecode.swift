internal import CCairo

/// Decodes a PNG into premultiplied ARGB32 pixels (`0xAARRGGBB`, row-major), as `renderPixels` gives them:
/// golden-image tests compare decoded pixels, not encoded bytes.
func decodePNG(_ bytes: [UInt8]) throws -> (width: Int, height: Int, pixels: [UInt32]) {
    final class Source {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }
    let source = Source(bytes)
    let read: cairo_read_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
        let s = Unmanaged<Source>.fromOpaque(closure).takeUnretainedValue()
        let n = Int(length)
        guard s.offset + n <= s.bytes.count else { return CAIRO_STATUS_READ_ERROR }
        s.bytes.withUnsafeBufferPointer { buf in
            if let base = buf.baseAddress { data.update(from: base + s.offset, count: n) }
        }
        s.offset += n
        return CAIRO_STATUS_SUCCESS
    }
    guard
        let surface = withExtendedLifetime(
            source,
            {
                cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(source).toOpaque())
            })
    else { throw RenderError("PNG decode: no surface") }
    defer { cairo_surface_destroy(surface) }
    let status = cairo_surface_status(surface)
    guard status == CAIRO_STATUS_SUCCESS else { throw RenderError.cairo(status, stage: "PNG decode") }
    // Copy into an ARGB32 surface whatever format the PNG decoded to (RGB24 for opaque images).
    let width = cairo_image_surface_get_width(surface), height = cairo_image_surface_get_height(surface)
    guard let argb = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height) else { throw RenderError("PNG decode: no surface") }
    let canvas = try CairoCanvas(surface: argb, stage: "PNG decode")
    cairo_set_source_surface(canvas.context, surface, 0, 0)
    cairo_paint(canvas.context)
    cairo_surface_flush(canvas.surface)
    guard let data = cairo_image_surface_get_data(canvas.surface) else { throw RenderError("PNG decode: no data") }
    let stride = Int(cairo_image_surface_get_stride(canvas.surface))
    var pixels: [UInt32] = []
    pixels.reserveCapacity(Int(width) * Int(height))
    for row in 0..<Int(height) {
        let start = UnsafeRawPointer(data + row * stride)
        for column in 0..<Int(width) { pixels.append(start.load(fromByteOffset: column * 4, as: UInt32.self)) }
    }
    return (Int(width), Int(height), pixels)
}
