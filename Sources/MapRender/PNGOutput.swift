internal import CCairo
import Cartography

/// PNG: the raster surface encoded by Cairo's PNG writer into memory.
enum PNGOutput {
    static func render(_ scene: Scene, scale: Double) throws -> [UInt8] {
        let canvas = try RasterOutput.rasterize(scene, scale: scale)
        let sink = ByteSink()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(canvas.surface, ByteSink.write, sink.closure)
        }
        guard status == CAIRO_STATUS_SUCCESS else { throw RenderError.cairo(status, stage: "PNG: encoding") }
        return sink.bytes
    }
}
