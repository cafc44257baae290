import Cartography

/// One line of the legend: a swatch that looks like what was drawn, and its text.
public struct LegendEntry: Equatable, Sendable {
    public enum Swatch: Equatable, Sendable {
        case area(Fill, Stroke?)
        case line(Stroke)
        case marker(MarkerShape, Fill, Stroke)
    }
    public let swatch: Swatch
    public let label: String
    /// Explains the basemap (water, regions, coast, rivers, border), not the data: where the panel is
    /// short, these entries go first.
    public var isBasemap = false
    public init(swatch: Swatch, label: String) { self.swatch = swatch; self.label = label }
}

/// Lays legend entries out as scene items from `origin` down, within `width`; returns the items and the
/// height used. Entries that would run past `maxHeight` are left out.
func legendItems(
    _ entries: [LegendEntry], origin: Point, width: Double, style: TextStyle, measurer: any TextMeasurer,
    unit: Double, maxHeight: Double = .infinity
) -> ([SceneItem], Double) {
    var items: [SceneItem] = []
    var y = origin.y
    let sw = 34 * unit, sh = 18 * unit, gap = 10 * unit
    let textWidth = width - sw - gap
    let rows = entries.map { max(sh, measurer.measure($0.label, style: style, maxWidth: textWidth).height) }
    // Where not every entry fits, the basemap's go first (last first), then the data's from the end.
    var kept = Array(entries.indices)
    func height() -> Double { kept.reduce(0) { $0 + rows[$1] + 8 * unit } - 8 * unit }
    while !kept.isEmpty, height() > maxHeight {
        if let k = kept.lastIndex(where: { entries[$0].isBasemap }) { kept.remove(at: k) } else { kept.removeLast() }
    }
    for k in kept {
        let e = entries[k], rowHeight = rows[k]
        let box = Rect(x: origin.x, y: y + (rowHeight - sh) / 2, width: sw, height: sh)
        switch e.swatch {
        case .area(let fill, let stroke):
            items.append(.rect(box, fill: fill, stroke: stroke, cornerRadius: 2 * unit))
        case .line(let stroke):
            let mid = box.y + sh / 2
            items.append(.path(PagePath(subpaths: [[Point(box.x, mid), Point(box.maxX, mid)]], closed: false), fill: nil, stroke: stroke))
        case .marker(let shape, let fill, let stroke):
            items.append(.marker(shape, at: box.center, size: 12 * unit, fill: fill, stroke: stroke))
        }
        items.append(
            .text(
                TextItem(
                    e.label, at: Point(origin.x + sw + gap, y + rowHeight / 2), anchor: TextAnchor(.start, .middle),
                    style: style, maxWidth: textWidth)))
        y += rowHeight + 8 * unit
    }
    return (items, y - origin.y)
}
