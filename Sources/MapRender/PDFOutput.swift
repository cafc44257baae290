internal import CCairo
import Cartography

/// PDF: one page of `width × height` points (one point per page pixel) with pinned metadata.
enum PDFOutput {
    static func render(_ scene: Scene) throws -> [UInt8] {
        let date = try pdfDate(scene.date)
        let sink = ByteSink()
        try withExtendedLifetime(sink) {
            guard
                let surface = cairo_pdf_surface_create_for_stream(
                    ByteSink.write, sink.closure, Double(scene.width), Double(scene.height))
            else { throw RenderError("PDF: cairo_pdf_surface_create_for_stream returned no surface") }
            let canvas = try CairoCanvas(surface: surface, stage: "PDF")
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, scene.title)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, scene.description)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Frontline")
            // Without these Cairo stamps the wall-clock time, and the bytes change on every run.
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
            try SceneDrawer(context: canvas.context).draw(scene)
            try canvas.finish(stage: "PDF")
        }
        return sink.bytes
    }

    /// "2024-09-01" → "2024-09-01T00:00:00Z", the ISO 8601 form `cairo_pdf_surface_set_metadata` expects.
    static func pdfDate(_ day: String) throws -> String {
        let bytes = Array(day.utf8)
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        let ok =
            bytes.count == 10
            && bytes.enumerated().allSatisfy { i, b in i == 4 || i == 7 ? b == UInt8(ascii: "-") : isDigit(b) }
        guard ok else { throw RenderError("PDF: scene date \"\(day)\" is not YYYY-MM-DD") }
        return day + "T00:00:00Z"
    }
}
