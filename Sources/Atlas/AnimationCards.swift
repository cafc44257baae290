import Cartography
import GeoCore
import MapData

/// The cards around an animation's maps: a title card saying what the video shows and over which
/// dates, and an end card with the sources of the control data and of the events shown, the data
/// set's credits and caveat. Plain pages in the theme's panel colour, at the sequence's page size.
extension SequenceContext {
    public func card(_ card: AnimationPlan.Card, from: Day, to: Day) throws -> Scene {
        let u = layout.unit, w = Double(layout.width), h = Double(layout.height)
        let pad = max(48 * u, w * 0.08), width = w - 2 * pad
        let font = theme.fontFamily
        var items: [SceneItem] = []
        var y = 0.0
        var lines: [(String, TextStyle, Double)] = []
        func add(_ s: String, _ size: Double, bold: Bool = false, muted: Bool = false, gap: Double) {
            lines.append(
                (
                    s,
                    // Never under the layout's smallest type (a small GIF's card stays legible).
                    TextStyle(
                        family: font, size: layout.textSize(size, muted ? .credit : .body), weight: bold ? .bold : .regular,
                        color: muted ? theme.mutedText : theme.text),
                    gap * u
                ))
        }
        let m = dataset.manifest
        let words = self.words
        let span = words(.cardSpan, ["from": words.longDate(from), "to": words.longDate(to)])
        let inRange = dataset.timeline.dates.filter { $0 >= from && $0 <= to }
        let events = dataset.events.filter { $0.date >= from && $0.date <= to }
        switch card {
        case .title:
            add(m.title, 56, bold: true, gap: 18)
            if let subtitle = m.subtitle { add(subtitle, 26, muted: true, gap: 18) }
            add(words(.cardTitle, ["span": span]), 30, gap: 28)
            add(words.plural(.cardSnapshots, inRange.count), 20, muted: true, gap: 0)
        case .end:
            add(words(.cardSources), 40, bold: true, gap: 18)
            var control: [String] = []
            for s in try dataset.timeline.snapshots() where s.date >= from && s.date <= to {
                // The rest of a side's home is derived, not reported: no source to credit.
                for a in s.areas where a.source.name != RestOfHome.source.name && !control.contains(a.source.name) {
                    control.append(a.source.name)
                }
            }
            if !control.isEmpty { add(words(.cardControl, ["list": control.joined(separator: "; ")]), 20, gap: 12) }
            // Outlets by how many of the events shown they reported, then by name, so the line is stable.
            var counts: [String: Int] = [:]
            for e in events { counts[Words.outlet(e.source.publication), default: 0] += 1 }
            let outlets = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
            if !outlets.isEmpty {
                let shown = outlets.prefix(8).joined(separator: "; ")
                let more = outlets.count > 8 ? words(.cardMoreOutlets, ["n": words.format.number(outlets.count - 8)]) : ""
                add(words(.cardEvents, ["n": words.format.number(events.count), "list": shown + more]), 20, gap: 12)
            }
            for line in m.creditLines { add(line, 17, muted: true, gap: 6) }
            if let caveat = m.caveat { add(caveat, 17, muted: true, gap: 6) }
        }
        // Centred on the page as a block: measure first, then place.
        let heights = lines.map { measurer.measure($0.0, style: $0.1, maxWidth: width).height + $0.2 }
        y = max(pad, (h - heights.reduce(0, +)) / 2)
        for (k, line) in lines.enumerated() {
            items.append(.text(TextItem(line.0, at: Point(pad, y), anchor: TextAnchor(.start, .top), style: line.1, maxWidth: width)))
            y += heights[k]
        }
        let text = lines.map(\.0).joined(separator: " ")
        return Scene(
            width: layout.width, height: layout.height, background: theme.panel, items: [.group(id: "card", clip: nil, items: items)],
            title: card == .title ? m.title : words(.cardSourcesTitle, ["title": m.title]), description: text,
            date: card == .title ? from : to)
    }
}
