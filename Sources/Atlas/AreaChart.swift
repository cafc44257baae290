import Cartography
import GeoCore
import MapData

/// Ground held across the border over time, one step line per side, with the reported event dates
/// marked along the time axis: the same numbers as `frontline stats`, drawn by the map renderer.
public struct AreaChart {
    public let dataset: Dataset
    public let theme: Theme
    public let measurer: any TextMeasurer
    /// The chart's words, numbers and dates (`--locale`).
    public var words = Words()

    public init(dataset: Dataset, theme: Theme, measurer: any TextMeasurer, words: Words = Words()) {
        self.dataset = dataset; self.theme = theme; self.measurer = measurer; self.words = words
    }

    public func scene(width: Int, height: Int) throws -> Scene {
        let rows = try DateStatistics.table(dataset)
        // The ▲ clause of the subtitle only when the chart marks an event date.
        let span = (rows.first?.date).flatMap { a in rows.last.map { a...$0.date } }
        let hasEvents = span.map { s in dataset.events.contains { s.contains($0.date) } } ?? false
        let u = Layout(width: width, height: height).unit
        let w = Double(width), h = Double(height)
        let plot = Rect(x: 110 * u, y: 120 * u, width: w - 170 * u, height: h - 250 * u)
        let font = theme.fontFamily, t = words
        var items: [SceneItem] = [.rect(Rect(x: 0, y: 0, width: w, height: h), fill: Fill(theme.panel), stroke: nil, cornerRadius: 0)]
        items.append(
            .text(
                TextItem(
                    t(.chartHeading), at: Point(plot.x, 30 * u), anchor: TextAnchor(.start, .top),
                    style: TextStyle(family: font, size: 30 * u, weight: .bold, color: theme.text))))
        items.append(
            .text(
                TextItem(
                    t(hasEvents ? .chartSubheading : .chartSubheadingNoEvents, ["title": dataset.manifest.title]),
                    at: Point(plot.x, 72 * u), anchor: TextAnchor(.start, .top),
                    style: TextStyle(family: font, size: 15 * u, color: theme.mutedText))))
        guard let first = rows.first?.date, let last = rows.last?.date, last > first else {
            return Scene(
                width: width, height: height, background: theme.panel, items: items, title: t(.chartEmptyTitle),
                description: t(.chartNoData),
                date: Scene.undated)
        }
        let claims = areaClaims(from: first, to: last)
        // The series drawn: sides that ever hold ground across the border.
        let series = dataset.manifest.sides.enumerated().compactMap { (index, side) -> (Int, Manifest.Side, [(Day, Day, Double)])? in
            let s = rows.compactMap { r in r.sides.first { $0.side == side.id }.map { (r.date, r.snapshotDate, $0.acrossBorderKm2) } }
            return s.contains { $0.2 > 0 } ? (index, side, s) : nil
        }
        let values = series.flatMap { $0.2.map(\.2) } + claims.map(\.km2)
        let axis = ChartAxis(low: values.min() ?? 0, high: values.max() ?? 0)
        func x(_ d: Day) -> Double { plot.x + plot.width * Double(d.ordinal - first.ordinal) / Double(last.ordinal - first.ordinal) }
        func y(_ v: Double) -> Double { plot.maxY - plot.height * (v - axis.bottom) / (axis.top - axis.bottom) }
        let axisText = TextStyle(family: font, size: 13 * u, color: theme.mutedText)
        // Every label is placed only where no other is (titles, axes, values, claims, legend).
        var placer = ChartTextPlacer(measurer: measurer)
        for case .text(let t) in items { placer.reserve(t) }
        let decimals = axis.step < 1 ? 1 : 0
        for v in axis.ticks {
            items.append(
                .path(
                    PagePath(subpaths: [[Point(plot.x, y(v)), Point(plot.maxX, y(v))]], closed: false), fill: nil,
                    stroke: Stroke(theme.mutedText.with(alpha: v == axis.bottom ? 0.8 : 0.2), width: 1 * u)))
            let label = TextItem(
                t.format.number(v, digits: decimals), at: Point(plot.x - 10 * u, y(v)), anchor: TextAnchor(.end, .middle),
                style: axisText)
            if placer.place(label) { items.append(.text(label)) }
        }
        if axis.isBroken {
            // A marked break: the axis does not start at zero, and says where it does.
            for dy in [0.0, 6 * u] {
                items.append(
                    .path(
                        PagePath(
                            subpaths: [[Point(plot.x - 6 * u, plot.maxY - 8 * u - dy), Point(plot.x + 6 * u, plot.maxY - 2 * u - dy)]],
                            closed: false), fill: nil, stroke: Stroke(theme.text, width: 1.5 * u)))
            }
            let note = TextItem(
                t(.axisBreak, ["area": t.format.km2(axis.bottom)]), at: Point(plot.x + 12 * u, plot.maxY - 6 * u),
                anchor: TextAnchor(.start, .bottom), style: TextStyle(family: font, size: 12 * u, italic: true, color: theme.mutedText))
            if placer.place(note) { items.append(.text(note)) }
        }
        // Time ticks: days or weeks on a span of up to four months (one month label would be all a
        // month of daily snapshots got), else months, labelled every one there is room for.
        if last.ordinal - first.ordinal <= 120 {
            let span = last.ordinal - first.ordinal
            let dayWidth = plot.width / Double(max(1, span))
            let step = [1, 2, 7, 14, 28].first { Double($0) * dayWidth >= 64 * u } ?? 28
            var tick = first, previous: Day?
            while tick <= last {
                items.append(
                    .path(
                        PagePath(subpaths: [[Point(x(tick), plot.maxY), Point(x(tick), plot.maxY + 6 * u)]], closed: false),
                        fill: nil, stroke: Stroke(theme.mutedText, width: 1 * u)))
                let text = t.format.axisDay(tick, withYear: previous == nil || previous?.year != tick.year)
                let label = TextItem(text, at: Point(x(tick), plot.maxY + 10 * u), anchor: TextAnchor(.middle, .top), style: axisText)
                if placer.place(label) { items.append(.text(label)) }
                previous = tick
                tick = tick.adding(days: step)
            }
        } else {
            monthTicks(first: first, last: last, plot: plot, x: x, unit: u, style: axisText, placer: &placer, into: &items)
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
            let label = TextItem(
                t.plural(.eventCount, c.count), at: Point(centre, plot.maxY - 18 * u), anchor: TextAnchor(.middle, .bottom),
                style: TextStyle(family: font, size: 11 * u, color: theme.text, halo: theme.halo, haloWidth: 2 * u))
            if placer.place(label) { items.append(.text(label)) }
        }
        // One step line per side, with points at snapshot dates and their values where there is room.
        var valueLabels: [TextItem] = []
        for (index, side, s) in series {
            let colors = theme.colors(forSide: side.id, index: index)
            var pts: [Point] = []
            for (k, p) in s.enumerated() {
                if k > 0 { pts.append(Point(x(p.0), y(s[k - 1].2))) }
                pts.append(Point(x(p.0), y(p.2)))
            }
            items.append(.path(PagePath(subpaths: [pts], closed: false), fill: nil, stroke: Stroke(colors.line, width: 3 * u)))
            let snapshots = s.filter { $0.0 == $0.1 }
            for p in snapshots where snapshots.count <= 120 {
                items.append(
                    .marker(
                        .circle, at: Point(x(p.0), y(p.2)), size: 9 * u, fill: Fill(colors.fill), stroke: Stroke(.white, width: 1.5 * u)))
            }
            // Every value while they are few; past a dozen, the first, the last and the highest, as a
            // reader of a daily series wants them (the line says the rest).
            let peak = snapshots.max { $0.2 < $1.2 }?.0
            let labelled = snapshots.enumerated().filter { k, p in
                snapshots.count <= 12 || k == 0 || k == snapshots.count - 1 || p.0 == peak
            }.map(\.element)
            for p in labelled where p.2 > 0 {
                valueLabels.append(
                    TextItem(
                        t.format.number(p.2), at: Point(x(p.0), y(p.2) - 9 * u),
                        anchor: TextAnchor(.middle, .bottom),
                        style: TextStyle(
                            family: font, size: 12.5 * u, weight: .bold, color: colors.line, halo: theme.halo, haloWidth: 2.5 * u)))
            }
        }
        // The legend, in a row under the month labels: off the data.
        var legendX = plot.x
        let legendY = plot.maxY + 44 * u
        let legendStyle = TextStyle(family: font, size: 14 * u, color: theme.text)
        func legend(_ swatch: SceneItem, _ text: String) {
            let label = TextItem(text, at: Point(legendX + 38 * u, legendY), anchor: TextAnchor(.start, .middle), style: legendStyle)
            items.append(swatch)
            items.append(.text(label))
            placer.reserve(label)
            legendX += 38 * u + placer.size(label).width + 28 * u
        }
        for (index, side, _) in series {
            let colors = theme.colors(forSide: side.id, index: index)

            legend(
                .path(
                    PagePath(subpaths: [[Point(legendX, legendY), Point(legendX + 30 * u, legendY)]], closed: false), fill: nil,
                    stroke: Stroke(colors.line, width: 3 * u)),
                side.home.map { t(.sideOutside, ["side": side.name, "home": $0]) } ?? side.name)
        }
        if !claims.isEmpty {
            legend(
                .marker(
                    .diamond, at: Point(legendX + 15 * u, legendY), size: 13 * u, fill: Fill(theme.panel),
                    stroke: Stroke(theme.text, width: 2.2 * u)),
                t(.legendAreaClaimed))
        }
        for item in claimItems(claims, x: x, y: y, unit: u, placer: &placer) { items.append(item) }
        // Values last: they give way to everything else, and to each other (latest first is not
        // needed; the first that fits stays).
        for label in valueLabels where placer.place(label) { items.append(.text(label)) }
        let credits = Manifest.runOn(dataset.manifest.creditLines)
        items.append(
            .text(
                TextItem(
                    credits, at: Point(plot.x, h - 20 * u), anchor: TextAnchor(.start, .bottom),
                    style: TextStyle(family: font, size: 12 * u, color: theme.mutedText), maxWidth: w - plot.x - 40 * u)))
        let summary = rows.filter { $0.date == $0.snapshotDate }.map { r in
            "\(r.date): "
                + r.sides.filter { $0.acrossBorderKm2 > 0 }.map { "\($0.side) \(t.format.km2Whole($0.acrossBorderKm2))" }.joined(
                    separator: ", ")
        }.joined(separator: "; ")
        return Scene(
            width: width, height: height, background: theme.panel, items: items,
            title: t(.chartTitle, ["title": dataset.manifest.title]),
            description: t(.chartDescription, ["summary": summary])
                + (claims.isEmpty
                    ? ""
                    : t(
                        .chartClaimed,
                        [
                            "claims": claims.map {
                                "\($0.event.claimedBy) \($0.event.figureQualifier)\(t.format.km2Whole($0.km2)) (\($0.event.date))"
                            }
                            .joined(separator: "; ")
                        ])),
            date: last)
    }
}
