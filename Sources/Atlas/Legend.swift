import Cartography

/// One line of the legend: a swatch that looks like what was drawn, and its text.
public struct LegendEntry: Equatable, Sendable {
    public enum Swatch: Equatable, Sendable {
        case area(Fill, Stroke?)
        case line(Stroke)
        case marker(MarkerShape, Fill, Stroke)
    }
    /// How much the reader loses without the entry: where the panel is short (a phone), entries go
    /// from the last rank first, so a map never lacks the key to its data while it keys its rivers.
    public enum Rank: Int, Comparable, Sendable {
        /// What the data is: held ground, what changed, claims, events, the front line.
        case essential
        /// How far to trust it: approximate positions.
        case caveat
        /// Finer points: reference outlines, settlements that changed hands, the settlement hierarchy.
        case detail
        /// The ground the data lies on (water, regions, coast, rivers, border).
        case basemap
        public static func < (a: Rank, b: Rank) -> Bool { a.rawValue < b.rawValue }
    }
    public let swatch: Swatch
    public let label: String
    public var rank: Rank
    public init(swatch: Swatch, label: String, rank: Rank = .detail) {
        self.swatch = swatch; self.label = label; self.rank = rank
    }
}

/// Lays legend entries out as scene items from `origin` down, within `width`, in up to `columns`
/// columns (read across, row by row: two where short labels leave half a line empty, one where long
/// labels would run tall in a half-width column); returns the items and the height used. Where not
/// every entry fits in `maxHeight`, entries leave from the last rank first, the later before the
/// earlier within a rank; the rest keep their order.
func legendItems(
    _ entries: [LegendEntry], origin: Point, width: Double, style: TextStyle, measurer: any TextMeasurer,
    unit: Double, maxHeight: Double = .infinity, columns: Int = 1
) -> ([SceneItem], Double) {
    let arrangements = (1...max(1, columns)).map {
        LegendArrangement(entries, columns: $0, width: width, style: style, measurer: measurer, unit: unit, maxHeight: maxHeight)
    }
    // The one that keeps the most entries, then the shortest; the fewest columns on a tie.
    guard
        let best = arrangements.min(by: { a, b in
            a.kept.count != b.kept.count ? a.kept.count > b.kept.count : a.height < b.height - 1e-9
        })
    else { return ([], 0) }
    return best.items(entries, origin: origin, style: style)
}

/// Which legend entries fit in `columns` columns within a height, and the heights of their rows.
struct LegendArrangement {
    let columns: Int, unit: Double, columnWidth: Double
    let heights: [Double]
    private(set) var kept: [Int]
    /// Swatch width and height, swatch-to-text gap, gaps between rows and between columns.
    let sw: Double, sh: Double, gap: Double, rowGap: Double, columnGap: Double

    init(
        _ entries: [LegendEntry], columns: Int, width: Double, style: TextStyle, measurer: any TextMeasurer, unit: Double,
        maxHeight: Double
    ) {
        self.columns = columns
        self.unit = unit
        let (sw, sh, gap, columnGap) = (34 * unit, 18 * unit, 10 * unit, 16 * unit)
        (self.sw, self.sh, self.gap, rowGap, self.columnGap) = (sw, sh, gap, 8 * unit, columnGap)
        let columnWidth = (width - Double(columns - 1) * columnGap) / Double(columns)
        self.columnWidth = columnWidth
        heights = entries.map { max(sh, measurer.measure($0.label, style: style, maxWidth: columnWidth - sw - gap).height) }
        kept = Array(entries.indices)
        while !kept.isEmpty, height > maxHeight {
            guard let worst = kept.map({ entries[$0].rank }).max(), let k = kept.lastIndex(where: { entries[$0].rank == worst })
            else { break }
            kept.remove(at: k)
        }
    }

    /// Each row's height: its tallest entry's.
    var rows: [Double] {
        stride(from: 0, to: kept.count, by: columns).map { start in
            kept[start..<min(start + columns, kept.count)].map { heights[$0] }.max() ?? 0
        }
    }
    var height: Double { rows.reduce(0) { $0 + $1 + rowGap } - rowGap }

    func items(_ entries: [LegendEntry], origin: Point, style: TextStyle) -> ([SceneItem], Double) {
        var items: [SceneItem] = []
        let textWidth = columnWidth - sw - gap
        var y = origin.y
        for (row, rowHeight) in rows.enumerated() {
            for column in 0..<columns {
                let slot = row * columns + column
                guard slot < kept.count else { break }
                let e = entries[kept[slot]]
                let x = origin.x + Double(column) * (columnWidth + columnGap)
                let box = Rect(x: x, y: y + (heights[kept[slot]] - sh) / 2, width: sw, height: sh)
                switch e.swatch {
                case .area(let fill, let stroke):
                    items.append(.rect(box, fill: fill, stroke: stroke, cornerRadius: 2 * unit))
                case .line(let stroke):
                    let mid = box.y + sh / 2
                    items.append(
                        .path(PagePath(subpaths: [[Point(box.x, mid), Point(box.maxX, mid)]], closed: false), fill: nil, stroke: stroke))
                case .marker(let shape, let fill, let stroke):
                    items.append(.marker(shape, at: box.center, size: 12 * unit, fill: fill, stroke: stroke))
                }
                items.append(
                    .text(
                        TextItem(
                            e.label, at: Point(x + sw + gap, y + heights[kept[slot]] / 2), anchor: TextAnchor(.start, .middle),
                            style: style, maxWidth: textWidth)))
            }
            y += rowHeight + rowGap
        }
        return (items, y - origin.y)
    }
}
