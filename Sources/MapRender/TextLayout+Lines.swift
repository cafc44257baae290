internal import CCairo
import Cartography

/// One line of a laid-out text, as Pango broke it: what SVG needs to write the line as its own `<tspan>`
/// so that wrapping in SVG matches the PNG and PDF exactly.
struct LaidOutLine: Equatable {
    /// The line's characters, without the trailing spaces or newline Pango keeps at a break.
    let text: String
    /// Left edge and width of the line's logical box, in px from the layout origin.
    let x: Double
    let width: Double
    /// Baseline, in px down from the layout origin.
    let baseline: Double
}

extension TextLayout {
    /// The lines of the text last given to `set(_:style:maxWidth:alignment:)`, top to bottom.
    func lines() -> [LaidOutLine] {
        guard let iter = pango_layout_get_iter(layout), let base = pango_layout_get_text(layout) else { return [] }
        defer { pango_layout_iter_free(iter) }
        let unit = Double(PANGO_SCALE)
        var out: [LaidOutLine] = []
        repeat {
            guard let line = pango_layout_iter_get_line_readonly(iter) else { continue }
            let start = Int(line.pointee.start_index), length = Int(line.pointee.length)
            let bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(base) + start, count: max(0, length))
            var text = String(decoding: bytes, as: UTF8.self)
            if insertedBreaks { text.removeAll { $0 == Self.breakOpportunity } }
            while let last = text.last, last.isWhitespace { text.removeLast() }
            var ink = PangoRectangle(), logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, &ink, &logical)
            out.append(
                LaidOutLine(
                    text: text, x: Double(logical.x) / unit, width: Double(logical.width) / unit,
                    baseline: Double(pango_layout_iter_get_baseline(iter)) / unit))
        } while pango_layout_iter_next_line(iter) != 0
        return out
    }
}
