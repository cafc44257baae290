internal import CCairo
import Cartography
import GeoCore

/// PDF: one page per scene, each `width × height` points (one point per page pixel), text set by Pango
/// (selectable, searchable), with pinned metadata so the bytes do not change between runs.
enum PDFOutput {
    /// The document's title, subject and dates come from the first page's scene. A document of more than
    /// one page gets a bookmark per page, named by its scene's title.
    static func render(pages: [Scene]) throws -> [UInt8] {
        guard let first = pages.first else { throw RenderError("PDF: no pages") }
        let date = pdfDate(first.date)
        let sink = ByteSink()
        try withExtendedLifetime(sink) {
            guard
                let surface = cairo_pdf_surface_create_for_stream(
                    ByteSink.write, sink.closure, Double(first.width), Double(first.height))
            else { throw RenderError("PDF: cairo_pdf_surface_create_for_stream returned no surface") }
            let canvas = try CairoCanvas(surface: surface, stage: "PDF")
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, first.title)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, first.description)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Frontline")
            // Without these Cairo stamps the wall-clock time, and the bytes change on every run.
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
            let drawer = SceneDrawer(canvas: canvas)
            for (index, page) in pages.enumerated() {
                if index > 0 {
                    cairo_show_page(canvas.context)
                    cairo_pdf_surface_set_size(surface, Double(page.width), Double(page.height))
                }
                if pages.count > 1 {
                    _ = cairo_pdf_surface_add_outline(
                        surface, CAIRO_PDF_OUTLINE_ROOT, page.title, "page=\(index + 1)", CAIRO_PDF_OUTLINE_FLAG_OPEN)
                }
                try drawer.draw(page)
                try canvas.check(stage: "PDF page \(index + 1)")
            }
            try canvas.finish(stage: "PDF")
        }
        return sink.bytes
    }

    /// 2024-09-01 → "2024-09-01T00:00:00Z", the ISO 8601 form `cairo_pdf_surface_set_metadata` expects.
    static func pdfDate(_ day: Day) -> String { "\(day)T00:00:00Z" }
}
