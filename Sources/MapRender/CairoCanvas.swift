internal import CCairo

/// Owns one Cairo surface and one context drawing on it; both are released in `deinit`.
///
/// `package` (not public) for the test pages of FrontlineTestSupport, which draw on one with
/// `SceneDrawer` and `ThinStroke`; no C handle leaves the package.
package final class CairoCanvas {
    package let surface: OpaquePointer
    package let context: OpaquePointer

    /// Takes ownership of `surface` (a reference returned by a `cairo_*_surface_create*` call).
    package init(surface: OpaquePointer, stage: String) throws {
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw RenderError.cairo(status, stage: "\(stage): creating surface")
        }
        guard let context = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw RenderError("\(stage): cairo_create returned no context")
        }
        self.surface = surface
        self.context = context
        try check(stage: "\(stage): creating context")
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Throws if the context or the surface is in an error state.
    package func check(stage: String) throws {
        let contextStatus = cairo_status(context)
        guard contextStatus == CAIRO_STATUS_SUCCESS else { throw RenderError.cairo(contextStatus, stage: stage) }
        let surfaceStatus = cairo_surface_status(surface)
        guard surfaceStatus == CAIRO_STATUS_SUCCESS else { throw RenderError.cairo(surfaceStatus, stage: stage) }
    }

    /// Finishes the surface (vector surfaces write their document now) and checks for errors.
    func finish(stage: String) throws {
        try check(stage: stage)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw RenderError.cairo(status, stage: "\(stage): finishing") }
    }
}
