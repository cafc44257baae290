internal import CCairo

/// The pixels of a `B, G, R, A` image canvas (premultiplied ARGB32 on little-endian machines), rows
/// `stride` bytes apart; valid while the canvas lives and until it draws again.
package struct ImagePixels {
    package let base: UnsafeMutablePointer<UInt8>
    package let width: Int, height: Int, stride: Int
}

/// Image canvases: ARGB32 pages (in huge pages where wanted, see `PageMemory`) and A8 masks, their
/// pixels, and one composited over another. What `FrameRasterizer` and `TextHalo` need, so that they
/// hold no Cairo call themselves.
extension CairoCanvas {
    /// A new transparent ARGB32 canvas of `width`×`height` device pixels, its memory in huge pages
    /// when `hugePages` (the same pixels either way).
    package static func argb(width: Int32, height: Int32, hugePages: Bool, stage: String) throws -> CairoCanvas {
        let surface =
            hugePages
            ? Self.hugePageSurface(CAIRO_FORMAT_ARGB32, width: width, height: height)
            : cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height)
        guard let surface else { throw RenderError("\(stage): cairo_image_surface_create returned no surface") }
        return try CairoCanvas(surface: surface, stage: stage)
    }

    /// A new transparent 8-bit alpha canvas of `width`×`height` device pixels (a mask).
    static func alphaMask(width: Int32, height: Int32, stage: String) throws -> CairoCanvas {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_A8, width, height) else {
            throw RenderError("\(stage): cairo_image_surface_create returned no surface")
        }
        return try CairoCanvas(surface: surface, stage: stage)
    }

    /// The image's size in device pixels.
    var imageSize: (width: Int32, height: Int32) { (cairo_image_surface_get_width(surface), cairo_image_surface_get_height(surface)) }

    /// The image's pixels, or nil when the surface has none (not an image, or in error). Call
    /// `flush()` first if Cairo has drawn since.
    package var pixels: ImagePixels? {
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        return ImagePixels(
            base: data, width: Int(cairo_image_surface_get_width(surface)), height: Int(cairo_image_surface_get_height(surface)),
            stride: Int(cairo_image_surface_get_stride(surface)))
    }

    /// Finishes Cairo's pending drawing, so the pixels can be read or written directly.
    package func flush() { cairo_surface_flush(surface) }

    /// Tells Cairo the pixels were changed directly.
    func markDirty() { cairo_surface_mark_dirty(surface) }

    /// Sets user space to `scale` device pixels a unit, its origin at device (`x0`, `y0`).
    func setMatrix(scale: Double, x0: Double, y0: Double) {
        var m = cairo_matrix_t(xx: scale, yx: 0, xy: 0, yy: scale, x0: x0, y0: y0)
        cairo_set_matrix(context, &m)
    }

    /// Sets user space to device space, then scales it by `scale`.
    func resetMatrix(scale: Double) {
        cairo_identity_matrix(context)
        cairo_scale(context, scale, scale)
    }

    /// Composites `layer` (same device grid) OVER this canvas inside the device rectangles `boxes`.
    func paint(_ layer: CairoCanvas, inside boxes: [(x: Int32, y: Int32, width: Int32, height: Int32)]) {
        cairo_save(context)
        cairo_identity_matrix(context)
        for t in boxes { cairo_rectangle(context, Double(t.x), Double(t.y), Double(t.width), Double(t.height)) }
        cairo_clip(context)
        cairo_set_source_surface(context, layer.surface, 0, 0)
        cairo_paint(context)
        cairo_restore(context)
    }

    /// A new image surface over huge-page memory that lives as long as the surface does, or Cairo's
    /// own surface when the memory cannot be mapped.
    private static func hugePageSurface(_ format: cairo_format_t, width: Int32, height: Int32) -> OpaquePointer? {
        let stride = cairo_format_stride_for_width(format, width)
        guard stride > 0, height > 0, let memory = PageMemory(bytes: Int(stride) * Int(height)),
            let surface = cairo_image_surface_create_for_data(
                memory.pointer.assumingMemoryBound(to: UInt8.self), format, width, height, stride)
        else { return cairo_image_surface_create(format, width, height) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return surface }
        // The surface holds the memory; Cairo releases it when it destroys the surface.
        let owner = Unmanaged.passRetained(memory).toOpaque()
        let status = cairo_surface_set_user_data(surface, &userDataKey, owner) { p in
            if let p { Unmanaged<PageMemory>.fromOpaque(p).release() }
        }
        if status != CAIRO_STATUS_SUCCESS {
            Unmanaged<PageMemory>.fromOpaque(owner).release()
            cairo_surface_destroy(surface)
            return cairo_image_surface_create(format, width, height)
        }
        return surface
    }
}

/// Cairo tells user data apart by the address of a key.
nonisolated(unsafe) private var userDataKey = cairo_user_data_key_t()
