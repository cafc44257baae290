internal import CCairo

/// Vector documents: PDF and SVG canvases that Cairo writes into a `ByteSink`, and what each format
/// lets a document say (PDF metadata, pages and bookmarks; the SVG version and unit). `PDFOutput` and
/// `SVGFragment` make their documents through these, with no Cairo call of their own.
extension CairoCanvas {
    /// A PDF canvas whose first page is `width`×`height` points, written into `sink` (which must
    /// outlive the canvas).
    static func pdf(width: Double, height: Double, into sink: ByteSink) throws -> CairoCanvas {
        guard let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, width, height) else {
            throw RenderError("PDF: cairo_pdf_surface_create_for_stream returned no surface")
        }
        return try CairoCanvas(surface: surface, stage: "PDF")
    }

    /// Sets the PDF's title, subject, creator ("Frontline"), and its creation and modification dates
    /// (`date` in ISO 8601): pinned, or Cairo stamps the wall-clock time and the bytes change on every run.
    func setPDFMetadata(title: String, subject: String, date: String) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Frontline")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
    }

    /// Ends the PDF page and starts the next, `width`×`height` points.
    func startPDFPage(width: Double, height: Double) {
        cairo_show_page(context)
        cairo_pdf_surface_set_size(surface, width, height)
    }

    /// A top-level, open bookmark named `title` that goes to page `page` (1-based).
    func addPDFBookmark(_ title: String, page: Int) {
        _ = cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, title, "page=\(page)", CAIRO_PDF_OUTLINE_FLAG_OPEN)
    }

    /// An SVG 1.1 canvas of `width`×`height` px (document unit px), written into `sink` (which must
    /// outlive the canvas).
    static func svg(width: Double, height: Double, into sink: ByteSink) throws -> CairoCanvas {
        guard let surface = cairo_svg_surface_create_for_stream(ByteSink.write, sink.closure, width, height) else {
            throw RenderError("SVG: cairo_svg_surface_create_for_stream returned no surface")
        }
        let canvas = try CairoCanvas(surface: surface, stage: "SVG")
        cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
        return canvas
    }
}

/// A growable byte buffer that Cairo's stream writers append to.
///
/// Cairo calls a C function pointer with an opaque `closure` pointer; the sink travels as that pointer
/// (unretained), so the caller must keep the sink alive until the surface writing into it is finished.
final class ByteSink {
    private(set) var bytes: [UInt8] = []

    /// The opaque pointer to hand to Cairo as the write closure.
    fileprivate var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// The write callback for `cairo_*_create_for_stream`.
    fileprivate static let write: cairo_write_func_t = { closure, data, length in
        guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        if length > 0, let data {
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        }
        return CAIRO_STATUS_SUCCESS
    }
}
