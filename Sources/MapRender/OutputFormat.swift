/// The file formats the renderer can produce.
///
/// `png` is a raster image in device pixels (`scene size × scale`); `svg` and `pdf` are vector documents
/// whose user unit is one page pixel.
public enum OutputFormat: String, CaseIterable, Sendable {
    case png, svg, pdf
}

/// How SVG writes text (`--svg-text`): `text`, real `<text>` elements (searchable, editable, drawn
/// in the reader's copy of the font or a fallback pinned to Pango's line widths), or `paths`, each
/// glyph as an outline drawn by Cairo, which looks the same whatever fonts the viewer has.
public enum SVGTextMode: String, CaseIterable, Sendable {
    case text, paths
}
