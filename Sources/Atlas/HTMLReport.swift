import Cartography
import MapData

/// The static report page (`index.html`): one map per reported date, opening on the latest, with a
/// slider on a time scale (dates placed by time; it snaps to the nearest reported date), arrow keys,
/// touch and play/pause; the events of the shown date with their sources; the area chart; a table of
/// the ground each side held across the border and its change since the previous date; the caveats
/// and credits. Every image's alt text says what it shows and what changed. Everything is in the page or beside it (relative links), so it works from
/// `file://` with no network; the script only shows and hides what the page already holds, so without
/// it the first date and every table still read. All text from the data is HTML-escaped.
public struct HTMLReport {
    /// One reported date: its map files (relative paths), their page size in px and the map's alt text.
    public struct Frame: Sendable {
        public let day: Day
        public let mapFile: String
        public let pngFile: String?
        public let width: Int
        public let height: Int
        public let altText: String
        public init(day: Day, mapFile: String, pngFile: String?, width: Int, height: Int, altText: String) {
            self.day = day; self.mapFile = mapFile; self.pngFile = pngFile; self.width = width; self.height = height
            self.altText = altText
        }
    }

    public let dataset: Dataset
    public let frames: [Frame]
    public let stats: [DateStatistics]
    public let chartFile: String
    public let chartAlt: String
    public let chartSize: (width: Int, height: Int)
    /// Downloadable data beside the page: (label, relative path).
    public let dataFiles: [(label: String, file: String)]

    public init(
        dataset: Dataset, frames: [Frame], stats: [DateStatistics], chartFile: String, chartAlt: String,
        chartSize: (width: Int, height: Int), dataFiles: [(label: String, file: String)]
    ) {
        self.dataset = dataset; self.frames = frames; self.stats = stats; self.chartFile = chartFile
        self.chartAlt = chartAlt; self.chartSize = chartSize; self.dataFiles = dataFiles
    }

    public func html() -> String {
        let m = dataset.manifest
        let e = MarkupEscaping.escape
        var h = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(m.title)) — report</title>
            <link rel="icon" href="data:,">
            <style>\(ReportAssets.css)</style>
            </head>
            <body>
            <header>
            <h1>\(e(m.title))</h1>

            """
        let summary = ReportSummary(dataset: dataset, rows: stats.filter { r in frames.contains { $0.day == r.date } })
        for sentence in summary?.sentences ?? [] { h += "<p class=\"summary\">\(e(sentence))</p>\n" }
        if let c = m.caveat { h += "<p class=\"caveat\"><strong>Caveat:</strong> \(e(c))</p>\n" }
        h += "</header>\n<main>\n"
        h += viewer()
        // The chart draws its own title: the section's heading is for screen readers only, so the
        // title is not seen twice.
        h += """
            <section id="chart" aria-labelledby="chart-heading">
            <h2 id="chart-heading" class="visually-hidden">Ground held across the border over time</h2>
            <img src="\(e(chartFile))" width="\(chartSize.width)" height="\(chartSize.height)" alt="\(e(chartAltText(summary)))">
            </section>

            """
        h += statsTable()
        // The caveat stands in the header already.
        h += "<section id=\"about\">\n<h2>Sources</h2>\n"
        h += "<ul>\n" + m.attribution.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        if !dataFiles.isEmpty {
            h += "<p>Data: " + dataFiles.map { "<a href=\"\(e($0.file))\">\(e($0.label))</a>" }.joined(separator: " · ") + "</p>\n"
        }
        h += "</section>\n</main>\n<script>\(ReportAssets.script)</script>\n</body>\n</html>\n"
        return h
    }

    /// The chart's alt text: what it shows, what changed over the span (the summary's figures), and
    /// the chart's own per-snapshot figures.
    func chartAltText(_ summary: ReportSummary?) -> String {
        let what = "Chart of the ground each side held across the border over time, from the control snapshots."
        let changed = summary.map { s in s.sentences.dropFirst().dropLast().joined(separator: " ") } ?? ""
        return [what, changed, chartAlt].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The map, its controls, and one panel per date (alt text and events); the latest date is shown.
    /// The slider counts days from the first date, so dates sit on it by time; a datalist marks them.
    func viewer() -> String {
        let e = MarkupEscaping.escape
        guard let first = frames.first, let last = frames.last else {
            return "<section id=\"viewer\"><p>No reported dates.</p></section>\n"
        }
        let span = last.day.ordinal - first.day.ordinal
        var h = """
            <section id="viewer" aria-label="Map by date">
            <div class="controls">
            <button id="prev" type="button" aria-label="Previous date">◀</button>
            <button id="play" type="button" aria-pressed="false">Play</button>
            <button id="next" type="button" aria-label="Next date">▶</button>
            <output id="date" for="slider">\(e(last.day.longDescription))</output>
            <div class="timescale">
            <input id="slider" type="range" min="0" max="\(span)" step="1" value="\(span)" list="report-dates" \
            aria-label="Reported date, on a time scale" aria-valuetext="\(e(last.day.longDescription))">
            <datalist id="report-dates">\(frames.map { "<option value=\"\($0.day.ordinal - first.day.ordinal)\"></option>" }.joined())</datalist>
            <div class="ends" aria-hidden="true"><span>\(e(first.day.shortDescription))</span><span>\(e(last.day.shortDescription))</span></div>
            </div>
            </div>
            <figure>
            <img id="map" src="\(e(last.mapFile))" width="\(last.width)" height="\(last.height)" alt="\(e(alt(frames.count - 1)))">
            </figure>
            <p class="hint">Use the slider, ← and → (Home, End), or Play. Files of this map:
            <a id="svg-link" href="\(e(last.mapFile))">SVG</a>\(last.pngFile.map { " · <a id=\"png-link\" href=\"\(e($0))\">PNG</a>" } ?? "")</p>

            """
        for (k, f) in frames.enumerated() {
            let events = dataset.events(on: f.day)
            h += "<article class=\"frame\" data-date=\"\(f.day)\" data-offset=\"\(f.day.ordinal - first.day.ordinal)\" "
            h += "data-label=\"\(e(f.day.longDescription))\" "
            h += "data-map=\"\(e(f.mapFile))\" data-png=\"\(e(f.pngFile ?? ""))\"\(k == frames.count - 1 ? "" : " hidden")>\n"
            h += "<p class=\"alt\">\(e(alt(k)))</p>\n"
            if events.isEmpty {
                h += "<p class=\"none\">No events reported on this date.</p>\n"
            } else {
                h += "<h3>Events reported on this date: claims, as their sources give them</h3>\n<ol class=\"events\">\n"
                for ev in events { h += eventItem(ev) }
                h += "</ol>\n"
            }
            h += "</article>\n"
        }
        return h + "</section>\n"
    }

    /// The map's alt text: what it shows (the scene's description) and what changed since the
    /// previous reported date, per side, across the border.
    func alt(_ k: Int) -> String {
        let f = frames[k]
        guard k > 0 else { return f.altText + " The first date of this report." }
        let previous = frames[k - 1].day
        let before = stats.first { $0.date == previous }, now = stats.first { $0.date == f.day }
        var changes: [String] = []
        for s in now?.sides ?? [] {
            let was = before?.sides.first { $0.side == s.side }?.acrossBorderKm2 ?? 0
            guard was > 0 || s.acrossBorderKm2 > 0 else { continue }
            let name = dataset.manifest.side(s.side)?.name ?? s.side
            let d = s.acrossBorderKm2 - was
            changes.append(
                abs(d) < 0.05
                    ? "\(name): no change across the border"
                    : "\(name): \(d > 0 ? "gained" : "lost") \(Format.km2(abs(d))) across the border")
        }
        let said = changes.isEmpty ? "no ground held across the border on either date" : changes.joined(separator: "; ")
        return f.altText + " Since \(previous.longDescription): \(said)."
    }

    func eventItem(_ ev: Event) -> String {
        let e = MarkupEscaping.escape
        let place = ev.placeName.map { "<span class=\"place\">\(e($0))</span>: " } ?? ""
        let figure = ev.figure.map { " (\(e($0)))" } ?? ""
        let approx = ev.dateIsApproximate ? " Date approximate." : ""
        return
            "<li>\(place)\(e(ev.summary))\(figure) <span class=\"claim\">Claimed by \(e(ev.claimedBy)); \(e(ev.status)).\(approx)</span> "
            + "<cite>\(e(ev.source.publication)), \(e(ev.source.published)): “\(e(ev.source.headline))”</cite></li>\n"
    }

    /// One row per date: for each side that ever held ground across the border, that ground and its
    /// change since the previous reported date (the sum that matters to a reader; the whole ground a
    /// side holds, home included, is in data/stats.csv).
    func statsTable() -> String {
        let e = MarkupEscaping.escape
        let shown = Set(frames.map(\.day))
        let rows = stats.filter { shown.contains($0.date) }
        let sides = dataset.manifest.sides.filter { side in
            rows.contains { r in r.sides.contains { $0.side == side.id && $0.acrossBorderKm2 > 0 } }
        }
        var h = """
            <section id="stats">
            <h2>Ground held across the border, by date</h2>
            <div class="table-wrap">
            <table>
            <thead><tr><th scope="col" rowspan="2">Date</th>
            """
        for side in sides {
            let whereText = side.home.map { " outside \(e($0))" } ?? ""
            h += "<th scope=\"colgroup\" colspan=\"2\">\(e(side.name))\(whereText)</th>"
        }
        h += "<th scope=\"col\" rowspan=\"2\">Control as assessed on</th></tr>\n<tr>"
        for _ in sides { h += "<th scope=\"col\">Held, km²</th><th scope=\"col\">Change since the previous date</th>" }
        h += "</tr></thead>\n<tbody>\n"
        for (k, row) in rows.enumerated() {
            h += "<tr data-date=\"\(row.date)\"><th scope=\"row\">\(e(row.date.shortDescription))</th>"
            for side in sides {
                let s = row.sides.first { $0.side == side.id }
                let held = s?.acrossBorderKm2 ?? 0
                let change: String
                if k == 0 {
                    change = "—"
                } else {
                    let was = rows[k - 1].sides.first { $0.side == side.id }?.acrossBorderKm2 ?? 0
                    let d = held - was
                    change = abs(d) < 0.05 ? "no change" : (d > 0 ? "+" : "−") + formatFixed(abs(d), digits: 0)
                }
                h += "<td>\(formatFixed(held, digits: 0))</td><td>\(change)</td>"
            }
            h += "<td>\(e(row.snapshotDate.shortDescription))</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n</div>\n<p class=\"note\">Ground each side held beyond its own border, in km², geodesic "
            + "(WGS84) from the full-resolution control polygons; a date between snapshots shows the latest snapshot before it (the last column). "
            + "Every figure, home ground included, is in the data files below.</p>\n</section>\n"
    }
}
