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
            let canvas = try CairoCanvas.pdf(width: Double(first.width), height: Double(first.height), into: sink)
            canvas.setPDFMetadata(title: first.title, subject: first.description, date: date)
            let drawer = SceneDrawer(canvas: canvas)
            for (index, page) in pages.enumerated() {
                if index > 0 { canvas.startPDFPage(width: Double(page.width), height: Double(page.height)) }
                if pages.count > 1 { canvas.addPDFBookmark(page.title, page: index + 1) }
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
