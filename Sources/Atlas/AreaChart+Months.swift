import Cartography
import GeoCore
import MapData

extension AreaChart {
    /// Month ticks from `first` to `last`, labelled every month there is room for ("Jan 2025" where
    /// the year turns and at the start).
    func monthTicks(
        first: Day, last: Day, plot: Rect, x: (Day) -> Double, unit u: Double, style: TextStyle, placer: inout ChartTextPlacer,
        into items: inout [SceneItem]
    ) {
        let t = words
        let monthWidth = plot.width * 30.44 / Double(max(1, last.ordinal - first.ordinal))
        let labelEvery = max(1, Int((60 * u / max(monthWidth, 1)).rounded(.up)))
        var month = (try? Day(year: first.year, month: first.month, day: 1)) ?? first
        var monthIndex = 0
        while month <= last {
            if month >= first {
                items.append(
                    .path(
                        PagePath(subpaths: [[Point(x(month), plot.maxY), Point(x(month), plot.maxY + 6 * u)]], closed: false),
                        fill: nil, stroke: Stroke(theme.mutedText, width: 1 * u)))
                let text = t.format.axisMonth(month.month, year: month.year, withYear: month.month == 1 || month == first)
                let label = TextItem(text, at: Point(x(month), plot.maxY + 10 * u), anchor: TextAnchor(.middle, .top), style: style)
                if monthIndex % labelEvery == 0, placer.place(label) { items.append(.text(label)) }
                monthIndex += 1
            }
            month =
                month.month == 12
                ? ((try? Day(year: month.year + 1, month: 1, day: 1)) ?? last.adding(days: 1))
                : ((try? Day(year: month.year, month: month.month + 1, day: 1)) ?? last.adding(days: 1))
        }
    }
}
