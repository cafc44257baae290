internal import CCairo
import Cartography

/// SVG 1.1 in pixel units, made byte-stable and given a title and description.
enum SVGOutput {
    static func render(_ scene: Scene) throws -> [UInt8] {
        let sink = ByteSink()
        try withExtendedLifetime(sink) {
            guard
                let surface = cairo_svg_surface_create_for_stream(
                    ByteSink.write, sink.closure, Double(scene.width), Double(scene.height))
            else { throw RenderError("SVG: cairo_svg_surface_create_for_stream returned no surface") }
            let canvas = try CairoCanvas(surface: surface, stage: "SVG")
            cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
            try SceneDrawer(context: canvas.context).draw(scene)
            try canvas.finish(stage: "SVG")
        }
        return try SVGDocumentFix.apply(to: sink.bytes, scene: scene)
    }
}
