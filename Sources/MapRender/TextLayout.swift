internal import CCairo
import Cartography

/// One Pango layout bound to a Cairo context, set up so that text metrics do not depend on the device:
/// no hinting, no metric hinting, no rounding of glyph positions, grey antialiasing.
///
/// Drawing and `PangoTextMeasurer` both size text through `set(_:style:maxWidth:alignment:)` and
/// `logicalExtents()`, so a measured box is the box that is drawn.
final class TextLayout {
    let layout: OpaquePointer

    init(context cr: OpaquePointer) throws {
        guard let layout = pango_cairo_create_layout(cr) else {
            throw RenderError("text: pango_cairo_create_layout returned no layout")
        }
        self.layout = layout
        guard let pangoContext = pango_layout_get_context(layout), let options = cairo_font_options_create() else {
            throw RenderError("text: no Pango context or font options")
        }
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        // These options override the surface's own (image surfaces hint metrics by default).
        pango_cairo_context_set_font_options(pangoContext, options)
        // Pango rounds glyph positions to whole user-space pixels by default, which makes widths
        // jump with size and differ from the fractional vector output.
        pango_context_set_round_glyph_positions(pangoContext, 0)
        pango_layout_context_changed(layout)
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }

    /// Re-reads the context's transformation and target surface (call before laying out for drawing).
    func update(for cr: OpaquePointer) {
        pango_cairo_update_layout(cr, layout)
    }

    /// Lays out `text` in `style`; with `maxWidth`, wraps at word (then character) boundaries and aligns
    /// lines within the widest one as `alignment` says.
    func set(_ text: String, style: TextStyle, maxWidth: Double?, alignment: TextAnchor.Horizontal) {
        guard let font = pango_font_description_new() else { return }
        defer { pango_font_description_free(font) }
        pango_font_description_set_family(font, style.family)
        pango_font_description_set_absolute_size(font, style.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(font, style.weight == .bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_layout_set_font_description(layout, font)

        if let maxWidth, maxWidth.isFinite, maxWidth > 0 {
            pango_layout_set_width(layout, Int32(clamping: Int((maxWidth * Double(PANGO_SCALE)).rounded(.down))))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        } else {
            pango_layout_set_width(layout, -1)
        }
        switch alignment {
        case .start: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .middle: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .end: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        pango_layout_set_text(layout, text, -1)
    }

    /// The logical rectangle of the current text in page pixels, fractional, relative to the layout origin.
    func logicalExtents() -> Rect {
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        let unit = Double(PANGO_SCALE)
        return Rect(x: Double(logical.x) / unit, y: Double(logical.y) / unit,
                    width: Double(logical.width) / unit, height: Double(logical.height) / unit)
    }
}
