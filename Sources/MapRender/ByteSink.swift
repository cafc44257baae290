internal import CCairo

/// A growable byte buffer that Cairo's stream writers append to.
///
/// Cairo calls a C function pointer with an opaque `closure` pointer; the sink travels as that pointer
/// (unretained), so the caller must keep the sink alive until the surface writing into it is finished.
final class ByteSink {
    private(set) var bytes: [UInt8] = []

    /// The opaque pointer to hand to Cairo as the write closure.
    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// The write callback for `cairo_*_create_for_stream` and `cairo_surface_write_to_png_stream`.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        if length > 0, let data {
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        }
        return CAIRO_STATUS_SUCCESS
    }
}
