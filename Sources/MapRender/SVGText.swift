import Cartography

/// A `TextItem` as a real SVG `<text>` element: searchable, selectable and editable in a vector editor.
///
/// Pango lays the text out exactly as for PNG and PDF (same layout set-up, same box), and each line Pango
/// made becomes a `<tspan>` at Pango's baseline: wrapping matches the raster output. Lines are anchored
/// by their start, middle or end as the item's alignment says, so a viewer whose fallback font is a
/// little wider or narrower still keeps centred text centred. The halo is the same stroke as in PNG
/// (round joins, twice the halo width) painted under the fill with `paint-order`.
///
/// Where the font is missing, the viewer's stand-in must not run into its neighbours: the family is
/// followed by fonts of similar or narrower widths and the generic `sans-serif` (`fontStack`), and
/// every line carries Pango's width as `textLength` (glyphs and spacing adjusted), so a wider
/// stand-in is squeezed to the width the layout was made for rather than overlapping.
enum SVGText {
    /// The theme's first family, then fonts of near or narrower widths that have Cyrillic: Open Sans
    /// (Noto Sans's Latin design, near-identical widths), Roboto, Segoe UI, Helvetica, Arial; then the
    /// theme's other families (DejaVu Sans, wider, is Pango's fallback for missing glyphs, not a
    /// stand-in for the whole text) and a generic family. Unquoted: every name is CSS identifiers.
    static func fontStack(_ family: String) -> String {
        let generic: Set<String> = ["sans-serif", "serif", "monospace", "sans", "cursive", "fantasy", "system-ui"]
        let listed = family.split(separator: ",").map { String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
            .filter { !$0.isEmpty }
        let named = listed.filter { !generic.contains($0.lowercased()) }
        let generics = listed.filter { generic.contains($0.lowercased()) }.map { $0.lowercased() == "sans" ? "sans-serif" : $0 }
        var stack: [String] = []
        for name in named.prefix(1) + ["Open Sans", "Roboto", "Segoe UI", "Helvetica", "Arial"] + named.dropFirst()
        where !stack.contains(name) {
            stack.append(name)
        }
        return (stack + (generics.isEmpty ? ["sans-serif"] : generics)).joined(separator: ", ")
    }

    static func element(_ item: TextItem, layout: TextLayout) -> String? {
        guard TextLayout.canSet(item.style) else { return nil }
        let style = item.style
        layout.set(item.text, style: style, maxWidth: item.maxWidth, alignment: item.anchor.horizontal)
        let extents = layout.logicalExtents()
        let box = item.box(width: extents.width, height: extents.height)
        let origin = Point(box.x - extents.x, box.y - extents.y)
        let lines = layout.lines().filter { !$0.text.isEmpty }
        guard !lines.isEmpty else { return nil }

        let anchor: String
        switch item.anchor.horizontal {
        case .start: anchor = "start"
        case .middle: anchor = "middle"
        case .end: anchor = "end"
        }
        var attributes = " font-family=\"\(MarkupEscaping.escape(fontStack(style.family)))\" font-size=\"\(SVGFormat.number(style.size))\""
        if style.weight == .bold { attributes += " font-weight=\"bold\"" }
        if style.italic { attributes += " font-style=\"italic\"" }
        if anchor != "start" { attributes += " text-anchor=\"\(anchor)\"" }
        attributes += SVGFormat.paint("fill", style.color)
        if let halo = style.halo, style.haloWidth > 0, halo.a > 0 {
            attributes +=
                SVGFormat.paint("stroke", halo)
                + " stroke-width=\"\(SVGFormat.number(style.haloWidth * 2))\" stroke-linejoin=\"round\" stroke-linecap=\"round\" paint-order=\"stroke\""
        }
        var out = "<text\(attributes)>"
        for line in lines {
            let x: Double
            switch item.anchor.horizontal {
            case .start: x = origin.x + line.x
            case .middle: x = origin.x + line.x + line.width / 2
            case .end: x = origin.x + line.x + line.width
            }
            let position =
                "x=\"\(SVGFormat.number(x))\" y=\"\(SVGFormat.number(origin.y + line.baseline))\" "
                + "textLength=\"\(SVGFormat.number(line.width))\" lengthAdjust=\"spacingAndGlyphs\""
            out += "<tspan \(position)>\(MarkupEscaping.escape(line.text))</tspan>"
        }
        return out + "</text>\n"
    }
}
