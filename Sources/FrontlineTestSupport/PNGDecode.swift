internal import CCairo

/// Decodes a PNG into premultiplied ARGB32 pixels (`0xAARRGGBB`, row-major), as `renderPixels` gives
/// them: golden-image tests compare decoded pixels, not encoded bytes. Cairo's own reader, so what is
/// checked is the file any viewer reads, not Frontline's encoder read back by itself.
public func decodePNG(_ bytes: [UInt8]) throws -> (width: Int, height: Int, pixels: [UInt32]) {
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
        let png = withExtendedLifetime(
            source,
            {
                cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(source).toOpaque())
            })
    else { throw DecodeError("PNG decode: no surface") }
    defer { cairo_surface_destroy(png) }
    guard cairo_surface_status(png) == CAIRO_STATUS_SUCCESS else { throw DecodeError("PNG decode: not a PNG Cairo reads") }
    // Copy into an ARGB32 surface whatever format the PNG decoded to (RGB24 for opaque images).
    let width = cairo_image_surface_get_width(png), height = cairo_image_surface_get_height(png)
    guard let argb = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height) else { throw DecodeError("PNG decode: no surface") }
    defer { cairo_surface_destroy(argb) }
    guard let cr = cairo_create(argb) else { throw DecodeError("PNG decode: no context") }
    cairo_set_source_surface(cr, png, 0, 0)
    cairo_paint(cr)
    cairo_destroy(cr)
    cairo_surface_flush(argb)
    guard cairo_surface_status(argb) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(argb) else {
        throw DecodeError("PNG decode: no data")
    }
    let stride = Int(cairo_image_surface_get_stride(argb))
    var pixels: [UInt32] = []
    pixels.reserveCapacity(Int(width) * Int(height))
    for row in 0..<Int(height) {
        let start = UnsafeRawPointer(data + row * stride)
        for column in 0..<Int(width) { pixels.append(start.load(fromByteOffset: column * 4, as: UInt32.self)) }
    }
    return (Int(width), Int(height), pixels)
}

/// Why a PNG could not be decoded.
public struct DecodeError: Error, CustomStringConvertible {
    public let description: String
    init(_ message: String) { description = message }
}
