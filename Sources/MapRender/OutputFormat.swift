/// The file formats the renderer can produce.
///
/// `png` is a raster image in device pixels (`scene size × scale`); `svg` and `pdf` are vector documents
/// whose user unit is one page pixel.
public enum OutputFormat: String, CaseIterable, Sendable {
    case png, svg, pdf
}
