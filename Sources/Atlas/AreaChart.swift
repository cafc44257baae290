import Cartography
import MapData

/// Ground held across the border over time, one step line per side, with the reported event dates
/// marked along the time axis: the same numbers as `frontline stats`, drawn by the map renderer.
public struct AreaChart {
    public let dataset: Dataset
    public let theme: Theme
    public let measurer: any TextMeasurer

    public init(dataset: Dataset, theme: Theme, measurer: any TextMeasurer) {
        self.dataset = dataset; self.theme = theme; self.measurer = measurer
    }

    public func scene(width: Int, height: Int) throws -> Scene {
        let rows = try DateStatistics.table(dataset)
        let u = Layout(width: width, height: height).unit
        let w = Double(width), h = Double(height)
        let plot = Rect(x: 110 * u, y: 120 * u, width: w - 170 * u, height: h - 250 * u)
        let font = theme.fontFamily
        var items: [SceneItem] = [.rect(Rect(x: 0, y: 0, width: w, height: h), fill: Fill(theme.panel), stroke: nil, cornerRadius: 0)]
        items.append(
            .text(
                TextItem(
                    "Ground held across the border, km²", at: Point(plot.x, 30 * u), anchor: TextAnchor(.start, .top),
                    style: TextStyle(family: font, size: 30 * u, weight: .bold, color: theme.text))))
        items.append(
            .text(
                TextItem(
                    "\(dataset.manifest.title) · geodesic areas (WGS84) of each control snapshot; ▲ dates with reported events",
                    at: Point(plot.x, 72 * u), anchor: TextAnchor(.start, .top),
                    style: TextStyle(family: font, size: 15 * u, color: theme.mutedText))))
        guard let first = rows.first?.date, let last = rows.last?.date, last > first else {
            return Scene(
                width: width, height: height, background: theme.panel, items: items, title: "Area chart", description: "No data",
                date: "2000-01-01")
        }
        let claims = areaClaims(from: first, to: last)
        let maxKm2 = (rows.flatMap { $0.sides.map(\.acrossBorderKm2) } + claims.map(\.km2)).max() ?? 0
        let step = maxKm2 > 1000 ? 500.0 : maxKm2 > 400 ? 200 : 100
        let top = max(step, (maxKm2 / step).rounded(.up) * step)
        func x(_ d: Day) -> Double { plot.x + plot.width * Double(d.ordinal - first.ordinal) / Double(last.ordinal - first.ordinal) }
        func y(_ v: Double) -> Double { plot.maxY - plot.height * v / top }
        let axisText = TextStyle(family: font, size: 13 * u, color: theme.mutedText)
        // Grid and y labels.
        var v = 0.0
        while v <= top + 1e-9 {
            items.append(
                .path(
                    PagePath(subpaths: [[Point(plot.x, y(v)), Point(plot.maxX, y(v))]], closed: false), fill: nil,
                    stroke: Stroke(theme.mutedText.with(alpha: v == 0 ? 0.8 : 0.2), width: 1 * u)))
            items.append(
                .text(
                    TextItem(
                        formatFixed(v, digits: 0), at: Point(plot.x - 10 * u, y(v)), anchor: TextAnchor(.end, .middle), style: axisText)))
            v += step
        }
        // Month ticks.
        var month = (try? Day(year: first.year, month: first.month, day: 1)) ?? first
        while month <= last {
            if month >= first {
                items.append(
                    .path(
                        PagePath(subpaths: [[Point(x(month), plot.maxY), Point(x(month), plot.maxY + 6 * u)]], closed: false),
                        fill: nil, stroke: Stroke(theme.mutedText, width: 1 * u)))
                let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
                let label = month.month == 1 || month == first ? "\(names[month.month - 1]) \(month.year)" : names[month.month - 1]
                items.append(
                    .text(TextItem(label, at: Point(x(month), plot.maxY + 10 * u), anchor: TextAnchor(.middle, .top), style: axisText)))
            }
            month =
                month.month == 12
                ? ((try? Day(year: month.year + 1, month: 1, day: 1)) ?? last.adding(days: 1))
                : ((try? Day(year: month.year, month: month.month + 1, day: 1)) ?? last.adding(days: 1))
        }
        // Event dates: a marker each; dates closer than a label's width share one count label.
        var clusters: [(xs: [Double], count: Int)] = []
        for day in Set(dataset.events.map(\.date)).sorted() where day >= first && day <= last {
            let n = dataset.events(on: day).count
            items.append(
                .marker(
                    .triangle, at: Point(x(day), plot.maxY - 8 * u), size: 12 * u, fill: Fill(theme.eventFill),
                    stroke: Stroke(theme.text, width: 1 * u)))
            if let lastX = clusters.last?.xs.last, x(day) - lastX < 24 * u {
                clusters[clusters.count - 1].xs.append(x(day))
                clusters[clusters.count - 1].count += n
            } else {
                clusters.append((xs: [x(day)], count: n))
            }
        }
        for c in clusters {
            let centre = c.xs.reduce(0, +) / Double(c.xs.count)
            let label = c.count == 1 ? "1 event" : "\(c.count) events"
            items.append(
                .text(
                    TextItem(
                        label, at: Point(centre, plot.maxY - 18 * u), anchor: TextAnchor(.middle, .bottom),
                        style: TextStyle(family: font, size: 11 * u, color: theme.text, halo: theme.halo, haloWidth: 2 * u))))
        }
        // One step line per side that ever holds ground across the border, with points at snapshot dates.
        var legendY = plot.y
        for (index, side) in dataset.manifest.sides.enumerated() {
            let series = rows.compactMap { r in r.sides.first { $0.side == side.id }.map { (r.date, r.snapshotDate, $0.acrossBorderKm2) } }
            guard series.contains(where: { $0.2 > 0 }) else { continue }
            let colors = theme.colors(forSide: side.id, index: index)
            var pts: [Point] = []
            for (k, s) in series.enumerated() {
                if k > 0 { pts.append(Point(x(s.0), y(series[k - 1].2))) }
                pts.append(Point(x(s.0), y(s.2)))
            }
            items.append(.path(PagePath(subpaths: [pts], closed: false), fill: nil, stroke: Stroke(colors.line, width: 3 * u)))
            for s in series where s.0 == s.1 {
                items.append(
                    .marker(
                        .circle, at: Point(x(s.0), y(s.2)), size: 9 * u, fill: Fill(colors.fill), stroke: Stroke(.white, width: 1.5 * u)))
                if s.2 > 0 {
                    items.append(
                        .text(
                            TextItem(
                                formatFixed(s.2, digits: 0), at: Point(x(s.0), y(s.2) - 9 * u), anchor: TextAnchor(.middle, .bottom),
                                style: TextStyle(
                                    family: font, size: 12.5 * u, weight: .bold, color: colors.line, halo: theme.halo,
                                    haloWidth: 2.5 * u))))
                }
            }
            let home = side.home.map { " outside \($0)" } ?? ""
            items.append(
                .path(
                    PagePath(
                        subpaths: [[Point(plot.maxX - 330 * u, legendY + 10 * u), Point(plot.maxX - 300 * u, legendY + 10 * u)]],
                        closed: false),
                    fill: nil, stroke: Stroke(colors.line, width: 3 * u)))
            items.append(
                .text(
                    TextItem(
                        "\(side.name)\(home)", at: Point(plot.maxX - 292 * u, legendY + 10 * u), anchor: TextAnchor(.start, .middle),
                        style: TextStyle(family: font, size: 14 * u, color: theme.text))))
            legendY += 26 * u
        }
        items += claimItems(claims, x: x, y: y, unit: u)
        if !claims.isEmpty {
            items.append(
                .marker(
                    .diamond, at: Point(plot.maxX - 315 * u, legendY + 10 * u), size: 13 * u, fill: Fill(theme.panel),
                    stroke: Stroke(theme.text, width: 2.2 * u)))
            items.append(
                .text(
                    TextItem(
                        "Area claimed (not measured)", at: Point(plot.maxX - 292 * u, legendY + 10 * u),
                        anchor: TextAnchor(.start, .middle), style: TextStyle(family: font, size: 14 * u, color: theme.text))))
        }
        let credits = dataset.manifest.attribution.joined(separator: " ")
        items.append(
            .text(
                TextItem(
                    credits, at: Point(plot.x, h - 20 * u), anchor: TextAnchor(.start, .bottom),
                    style: TextStyle(family: font, size: 12 * u, color: theme.mutedText), maxWidth: w - plot.x - 40 * u)))
        let summary = rows.filter { $0.date == $0.snapshotDate }.map { r in
            "\(r.date): "
                + r.sides.filter { $0.acrossBorderKm2 > 0 }.map { "\($0.side) \(formatFixed($0.acrossBorderKm2, digits: 0)) km²" }.joined(
                    separator: ", ")
        }.joined(separator: "; ")
        return Scene(
            width: width, height: height, background: theme.panel, items: items,
            title: "\(dataset.manifest.title): ground held across the border",
            description: "Area over time. \(summary)" + (claims.isEmpty ? "" : ". Claimed: ")
                + claims.map { "\($0.event.claimedBy) \($0.event.figureQualifier)\(formatFixed($0.km2, digits: 0)) km² (\($0.event.date))" }
                .joined(separator: "; "),
            date: last.description)
    }
}
