import Cartography
import GeoCore
import MapData

/// An animation's timeline bar, along the foot of the map frame right of the scale bar: the span's
/// dates by time, a tall tick at each control snapshot, a star on each date with events, the part
/// already played drawn heavy and a dot on the current date. Drawn only when the context has a
/// `timelineSpan` (animations); a single map has no timeline.
struct TimelineLayer: MapLayer {
    var id: LayerID? { .timeline }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        guard let span = c.timelineSpan else { return }
        frame.map.append(.group(id: "timeline", clip: nil, items: items(c, span: span, day: frame.day)))
    }

    /// How far down the box the axis runs: under the caption line and the stars above the axis. On a
    /// small page the caption keeps the layout's smallest type while the rest scales down, so the
    /// axis moves down with it (1.36: Noto Sans's line height per size).
    static func axisOffset(_ layout: Layout) -> Double {
        let u = layout.unit
        return max(42 * u, 6 * u + 1.36 * layout.textSize(11.5) + 19 * u)
    }

    /// The bar's box: beside the scale bar when the map is wide enough, else above it, full width.
    static func box(_ layout: Layout) -> Rect {
        let u = layout.unit, m = layout.map, s = layout.scaleBar
        let height = max(68 * u, axisOffset(layout) + 10 * u + 1.36 * layout.textSize(11.5))
        let beside = Rect(x: s.maxX + 16 * u, y: s.maxY - height, width: m.maxX - 20 * u - (s.maxX + 16 * u), height: height)
        if beside.width >= 320 * u { return beside }
        return Rect(x: m.x + 20 * u, y: s.y - 8 * u - height, width: m.width - 40 * u, height: height)
    }

    func items(_ c: SequenceContext, span: ClosedRange<Day>, day: Day) -> [SceneItem] {
        let u = c.layout.unit, box = Self.box(c.layout), theme = c.theme
        let x0 = box.x + 14 * u, x1 = box.maxX - 14 * u, axisY = box.y + Self.axisOffset(c.layout)
        let days = Double(max(1, span.upperBound.ordinal - span.lowerBound.ordinal))
        func x(_ d: Day) -> Double {
            x0 + (x1 - x0) * Double(min(max(d, span.lowerBound), span.upperBound).ordinal - span.lowerBound.ordinal) / days
        }
        let small = TextStyle(family: theme.fontFamily, size: c.layout.textSize(11.5), color: theme.mutedText)
        var items: [SceneItem] = [
            .rect(box, fill: Fill(theme.panel.with(alpha: 0.9)), stroke: nil, cornerRadius: 4 * u),
            .text(
                TextItem(
                    c.words(.timelineNote), at: Point(x0, box.y + 6 * u),
                    anchor: TextAnchor(.start, .top), style: small, maxWidth: x1 - x0)),
            .path(line(x0, x1, axisY), fill: nil, stroke: Stroke(theme.mutedText, width: 1.5 * u)),
        ]
        // The stars sit between the caption's line and the axis.
        // The part played so far, heavy, under the ticks.
        items.append(.path(line(x0, x(day), axisY), fill: nil, stroke: Stroke(theme.text, width: 4 * u)))
        for s in c.dataset.timeline.dates where span.contains(s) {
            let p = x(s)
            items.append(
                .path(
                    PagePath(subpaths: [[Point(p, axisY - 8 * u), Point(p, axisY + 8 * u)]], closed: false), fill: nil,
                    stroke: Stroke(theme.text, width: 1.4 * u)))
        }
        let eventDays = Set(c.dataset.events.map(\.date).filter { span.contains($0) }).sorted()
        for d in eventDays {
            items.append(
                .marker(
                    .star, at: Point(x(d), axisY - 14 * u), size: 8 * u, fill: Fill(theme.eventFill),
                    stroke: Stroke(theme.settlementLine, width: 0.6 * u)))
        }
        items.append(
            .marker(.circle, at: Point(x(day), axisY), size: 12 * u, fill: Fill(theme.text), stroke: Stroke(theme.panel, width: 2 * u)))
        let dates = TextStyle(family: theme.fontFamily, size: c.layout.textSize(11.5), color: theme.text)
        items.append(
            .text(
                TextItem(
                    c.words.shortDate(span.lowerBound), at: Point(x0, axisY + 10 * u), anchor: TextAnchor(.start, .top), style: dates)))
        items.append(
            .text(
                TextItem(
                    c.words.shortDate(span.upperBound), at: Point(x1, axisY + 10 * u), anchor: TextAnchor(.end, .top), style: dates)))
        return items
    }

    func line(_ a: Double, _ b: Double, _ y: Double) -> PagePath {
        PagePath(subpaths: [[Point(a, y), Point(b, y)]], closed: false)
    }
}
