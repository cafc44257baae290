import Cartography
import MapData

/// The first page of a PDF report: the title, the span of dates, a short summary, the area chart, and
/// the caveat and credits.
public struct ReportCover {
    public let dataset: Dataset
    public let theme: Theme
    public let measurer: any TextMeasurer
    public let words: Words

    public init(dataset: Dataset, theme: Theme, measurer: any TextMeasurer, words: Words = Words()) {
        self.dataset = dataset; self.theme = theme; self.measurer = measurer; self.words = words
    }

    /// A page of `width × height` px for the reported dates `rows` (those the report shows).
    public func scene(width: Int, height: Int, rows: [DateStatistics]) throws -> Scene {
        let layout = Layout(width: width, height: height)
        let u = layout.unit, w = Double(width), h = Double(height)
        // Text in a column on the left, the chart filling the rest: the chart keeps a near-landscape shape,
        // so its type stays close to the size it has on its own.
        let margin = 56 * u, textWidth = min(520 * u, w * 0.3)
        let font = theme.fontFamily, m = dataset.manifest, words = self.words
        var items: [SceneItem] = []
        var y = margin
        func text(_ s: String, _ style: TextStyle, gapAfter: Double) {
            items.append(.text(TextItem(s, at: Point(margin, y), anchor: TextAnchor(.start, .top), style: style, maxWidth: textWidth)))
            y += measurer.measure(s, style: style, maxWidth: textWidth).height + gapAfter
        }
        let summary = ReportSummary(dataset: dataset, rows: rows)
        text(words(.reportKicker), TextStyle(family: font, size: 15 * u, weight: .bold, color: theme.mutedText), gapAfter: 4 * u)
        text(m.title, TextStyle(family: font, size: 40 * u, weight: .bold, color: theme.text), gapAfter: 8 * u)
        if let subtitle = m.subtitle { text(subtitle, TextStyle(family: font, size: 20 * u, color: theme.mutedText), gapAfter: 8 * u) }
        if let summary {
            text(
                words(.dateSpan, ["from": words.longDate(summary.first), "to": words.longDate(summary.last)]),
                TextStyle(family: font, size: 22 * u, color: theme.text), gapAfter: 14 * u)
            for s in summary.sentences(words) { text(s, TextStyle(family: font, size: 17 * u, color: theme.text), gapAfter: 4 * u) }
        }
        var header = [SceneItem.group(id: "summary", clip: nil, items: items)]

        // Credits at the foot; the chart takes the room between.
        let creditStyle = TextStyle(family: font, size: 13 * u, color: theme.mutedText)
        let credits = ((m.caveat.map { [words(.caveatLine, ["caveat": $0])] } ?? []) + m.creditLines).joined(separator: "\n")
        let chartLeft = margin + textWidth + 32 * u, chartTop = margin
        let chartSize = (width: Int((w - margin - chartLeft).rounded(.down)), height: Int((h - 2 * margin).rounded(.down)))
        if chartSize.width >= 300, chartSize.height >= 200 {
            let chart = try AreaChart(dataset: dataset, theme: theme, measurer: measurer, words: words).scene(
                width: chartSize.width, height: chartSize.height)
            let frame = Rect(x: chartLeft, y: chartTop, width: Double(chartSize.width), height: Double(chartSize.height))
            header.append(.group(id: "chart", clip: frame, items: chart.items.map { $0.offset(dx: chartLeft, dy: chartTop) }))
        }
        header.append(
            .group(
                id: "credits", clip: nil,
                items: [
                    .text(
                        TextItem(
                            credits, at: Point(margin, h - margin), anchor: TextAnchor(.start, .bottom), style: creditStyle,
                            maxWidth: textWidth))
                ]))
        let alt = ([words(.reportAlt, ["title": m.title])] + (summary?.sentences(words) ?? []) + (m.caveat.map { [$0] } ?? [])).joined(
            separator: " ")
        return Scene(
            width: width, height: height, background: theme.panel, items: header, title: words(.reportTitle, ["title": m.title]),
            description: alt, date: summary?.last ?? rows.first?.date ?? Scene.undated)
    }
}
