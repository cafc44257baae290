import Cartography
import MapData

/// The static report page (`index.html`): one map per reported date with a slider, arrow keys and
/// play/pause; the events of the shown date with their sources; the area chart; the statistics table;
/// the caveats and credits. Everything is in the page or beside it (relative links), so it works from
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
        h += """
            <section id="chart">
            <h2>Ground held across the border</h2>
            <img src="\(e(chartFile))" width="\(chartSize.width)" height="\(chartSize.height)" alt="\(e(chartAlt))">
            </section>

            """
        h += statsTable()
        h += "<section id=\"about\">\n<h2>Caveats and sources</h2>\n"
        if let c = m.caveat { h += "<p>\(e(c))</p>\n" }
        h += "<ul>\n" + m.attribution.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        if !dataFiles.isEmpty {
            h += "<p>Data: " + dataFiles.map { "<a href=\"\(e($0.file))\">\(e($0.label))</a>" }.joined(separator: " · ") + "</p>\n"
        }
        h += "</section>\n</main>\n<script>\(ReportAssets.script)</script>\n</body>\n</html>\n"
        return h
    }

    /// The map, its controls, and one panel per date (alt text and events); the first date is shown.
    func viewer() -> String {
        let e = MarkupEscaping.escape
        guard let first = frames.first else { return "<section id=\"viewer\"><p>No reported dates.</p></section>\n" }
        var h = """
            <section id="viewer" aria-label="Map by date">
            <div class="controls">
            <button id="prev" type="button" aria-label="Previous date">◀</button>
            <button id="play" type="button" aria-pressed="false">Play</button>
            <button id="next" type="button" aria-label="Next date">▶</button>
            <input id="slider" type="range" min="0" max="\(frames.count - 1)" step="1" value="0" aria-label="Reported date">
            <output id="date" for="slider">\(e(first.day.longDescription))</output>
            </div>
            <figure>
            <img id="map" src="\(e(first.mapFile))" width="\(first.width)" height="\(first.height)" alt="\(e(first.altText))">
            </figure>
            <p class="hint">Use the slider, ← and → (Home, End), or Play. Files of this map:
            <a id="svg-link" href="\(e(first.mapFile))">SVG</a>\(first.pngFile.map { " · <a id=\"png-link\" href=\"\(e($0))\">PNG</a>" } ?? "")</p>

            """
        for (k, f) in frames.enumerated() {
            let events = dataset.events(on: f.day)
            h += "<article class=\"frame\" data-date=\"\(f.day)\" data-label=\"\(e(f.day.longDescription))\" "
            h += "data-map=\"\(e(f.mapFile))\" data-png=\"\(e(f.pngFile ?? ""))\"\(k == 0 ? "" : " hidden")>\n"
            h += "<p class=\"alt\">\(e(f.altText))</p>\n"
            if events.isEmpty {
                h += "<p class=\"none\">No events reported on this date.</p>\n"
            } else {
                h += "<h3>Reported on \(e(f.day.longDescription)): claims, as their sources give them</h3>\n<ol class=\"events\">\n"
                for ev in events { h += eventItem(ev) }
                h += "</ol>\n"
            }
            h += "</article>\n"
        }
        return h + "</section>\n"
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

    /// One row per date and side: ground held, across the border, change, settlements held.
    func statsTable() -> String {
        let e = MarkupEscaping.escape
        var h = """
            <section id="stats">
            <h2>Statistics by date</h2>
            <table>
            <thead><tr><th scope="col">Date</th><th scope="col">Snapshot</th><th scope="col">Side</th>\
            <th scope="col">Held, km²</th><th scope="col">Across the border, km²</th><th scope="col">Change, km²</th>\
            <th scope="col">Settlements held</th></tr></thead>
            <tbody>

            """
        let shown = Set(frames.map(\.day))
        for row in stats where shown.contains(row.date) {
            for (k, s) in row.sides.enumerated() {
                let name = dataset.manifest.side(s.side)?.name ?? s.side
                let change = s.changeKm2.map { $0 > 0 ? "+" + formatFixed($0, digits: 1) : formatFixed($0, digits: 1) } ?? ""
                h += "<tr data-date=\"\(row.date)\">"
                h += k == 0 ? "<th scope=\"row\">\(row.date)</th><td>\(row.snapshotDate)</td>" : "<td></td><td></td>"
                h += "<td>\(e(name))</td><td>\(formatFixed(s.heldKm2, digits: 1))</td><td>\(formatFixed(s.acrossBorderKm2, digits: 1))</td>"
                h += "<td>\(change)</td><td>\(s.settlementsHeld)</td></tr>\n"
            }
        }
        return h + "</tbody>\n</table>\n<p class=\"note\">Areas geodesic (WGS84) from the full-resolution control polygons; "
            + "the change is since the previous reported date.</p>\n</section>\n"
    }
}
