internal import CCairo
import Cartography

/// One Pango layout whose metrics depend on nothing but the text and its style.
///
/// The layout's context is made from the font map, not from a Cairo context: it has an identity matrix
/// and no target surface, so the page scale (PNG at 1.37×, say) and the output format cannot change
/// glyph advances or line heights. `pango_cairo_show_layout` then draws those positions through the
/// target's transformation, and Cairo renders each glyph at device resolution. Hinting, metric hinting
/// and glyph-position rounding are off for the same reason; antialiasing is grey.
///
/// Drawing and `PangoTextMeasurer` both size text through `set(_:style:maxWidth:alignment:)` and
/// `logicalExtents()`, so a measured box is the box that is drawn.
final class TextLayout {
    let layout: OpaquePointer
    /// The shape set last through `hold` (nil after a plain `set`).
    private var holding: TextShape?
    /// Extents of the shapes measured (see `extents(of:)`).
    private var known: [TextShape: (logical: Rect, ink: Rect)] = [:]
    /// Shapes whose extents are kept at most (then all are forgotten: a sequence repeats far fewer).
    static let extentsKept = 4096
    /// Whether the text last set had break opportunities added (see `withBreakOpportunities`), which
    /// `lines()` then leaves out of the lines' text.
    private(set) var insertedBreaks = false

    init() throws {
        guard let fontMap = pango_cairo_font_map_get_default(),
            let pangoContext = pango_font_map_create_context(fontMap)
        else {
            throw RenderError("text: Pango has no default font map or context")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(pangoContext)) }
        guard let options = cairo_font_options_create() else { throw RenderError("text: no font options") }
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(pangoContext, options)
        // Pango rounds glyph positions to whole pixels by default, which makes widths jump with size.
        pango_context_set_round_glyph_positions(pangoContext, 0)
        guard let layout = pango_layout_new(pangoContext) else { throw RenderError("text: pango_layout_new failed") }
        self.layout = layout
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }

    /// Whether Pango can set text in `style` (a positive, finite size); other styles draw nothing.
    static func canSet(_ style: TextStyle) -> Bool { style.size.isFinite && style.size > 0 }

    /// Lays out `text` in `style`; with `maxWidth`, wraps at word (then character) boundaries and aligns
    /// lines within the widest one as `alignment` says.
    func set(_ text: String, style: TextStyle, maxWidth: Double?, alignment: TextAnchor.Horizontal) {
        holding = nil
        guard let font = pango_font_description_new() else { return }
        defer { pango_font_description_free(font) }
        pango_font_description_set_family(font, style.family)
        pango_font_description_set_absolute_size(font, style.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(font, style.weight == .bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_layout_set_font_description(layout, font)

        var laid = text
        insertedBreaks = false
        if let maxWidth, maxWidth.isFinite, maxWidth > 0 {
            pango_layout_set_width(layout, Int32(clamping: Int((maxWidth * Double(PANGO_SCALE)).rounded(.down))))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
            if let broken = Self.withBreakOpportunities(text) {
                laid = broken
                insertedBreaks = true
            }
        } else {
            pango_layout_set_width(layout, -1)
        }
        switch alignment {
        case .start: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .middle: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .end: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        pango_layout_set_text(layout, laid, -1)
    }

    /// Lays out `shape` unless it is what the layout holds already.
    func hold(_ shape: TextShape) {
        guard holding != shape else { return }
        set(shape.text, style: shape.style, maxWidth: shape.maxWidth, alignment: shape.alignment)
        holding = shape
    }

    /// The logical and ink rectangles of `shape`, shaped once: a sequence's drawer and measurer keep
    /// their layout from frame to frame, so the legend, labels and panel lines every frame repeats
    /// are shaped on the first only. The layout may hold another text afterwards.
    func extents(of shape: TextShape) -> (logical: Rect, ink: Rect) {
        if let known = known[shape] { return known }
        hold(shape)
        let measured = extents()
        if known.count >= Self.extentsKept { known.removeAll(keepingCapacity: true) }
        known[shape] = measured
        return measured
    }

    /// The logical and the ink rectangle of the current text (one Pango call for both).
    func extents() -> (logical: Rect, ink: Rect) {
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        let unit = Double(PANGO_SCALE)
        func rect(_ r: PangoRectangle) -> Rect {
            Rect(x: Double(r.x) / unit, y: Double(r.y) / unit, width: Double(r.width) / unit, height: Double(r.height) / unit)
        }
        return (rect(logical), rect(ink))
    }

    /// The logical rectangle of the current text in page pixels, fractional, relative to the layout origin.
    func logicalExtents() -> Rect { extents().logical }
}

/// What a layout's glyphs depend on: the text and how it is set, not its colours, halo or place.
/// Renders key what they keep of a text between frames (its extents, its halo) on it.
struct TextShape: Hashable {
    let text: String
    let family: String
    let size: Double
    let weight: TextStyle.Weight
    let italic: Bool
    let maxWidth: Double?
    let alignment: TextAnchor.Horizontal

    init(_ text: String, style: TextStyle, maxWidth: Double?, alignment: TextAnchor.Horizontal) {
        self.text = text
        family = style.family
        size = style.size
        weight = style.weight
        italic = style.italic
        self.maxWidth = maxWidth
        self.alignment = alignment
    }

    /// The style as far as the layout sees it (black, no halo).
    var style: TextStyle { TextStyle(family: family, size: size, weight: weight, italic: italic) }
}
