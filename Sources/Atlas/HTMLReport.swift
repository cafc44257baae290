import Cartography
import GeoCore
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
        /// The same date drawn for a phone (the `mobile` layout: its type, legend and panel set for a
        /// 390 px screen), which a narrow screen shows in place of the map scaled down; with its size.
        public var phone: (file: String, width: Int, height: Int)? = nil
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
    /// The page's words, numbers and dates (`--locale`).
    public let words: Words

    public init(
        dataset: Dataset, frames: [Frame], stats: [DateStatistics], chartFile: String, chartAlt: String,
        chartSize: (width: Int, height: Int), dataFiles: [(label: String, file: String)], words: Words = Words()
    ) {
        self.dataset = dataset; self.frames = frames; self.stats = stats; self.chartFile = chartFile
        self.chartAlt = chartAlt; self.chartSize = chartSize; self.dataFiles = dataFiles; self.words = words
    }

    public func html() -> String {
        let m = dataset.manifest
        let e = MarkupEscaping.escape, w = words
        var h = """
            <!DOCTYPE html>
            <html lang="\(w.locale.tag)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(w(.reportTitle, ["title": m.title])))</title>
            <link rel="icon" href="data:,">
            <style>\(ReportAssets.css)</style>
            </head>
            <body>
            <header>
            <h1>\(e(m.title))</h1>
            \(m.subtitle.map { "<p class=\"subtitle\">\(e($0))</p>\n" } ?? "")
            """
        let summary = ReportSummary(dataset: dataset, rows: stats.filter { r in frames.contains { $0.day == r.date } })
        for sentence in summary?.sentences(w) ?? [] { h += "<p class=\"summary\">\(e(sentence))</p>\n" }
        if let c = m.caveat { h += "<p class=\"caveat\"><strong>\(e(w(.caveatLabel)))</strong> \(e(c))</p>\n" }
        h += "</header>\n<main>\n"
        h += viewer()
        // The chart draws its own title: the section's heading is for screen readers only, so the
        // title is not seen twice.
        h += """
            <section id="chart" aria-labelledby="chart-heading">
            <h2 id="chart-heading" class="visually-hidden">\(e(w(.chartHidden)))</h2>
            <img src="\(e(chartFile))" width="\(chartSize.width)" height="\(chartSize.height)" alt="\(e(chartAltText(summary)))">
            </section>

            """
        h += statsTable()
        // The caveat stands in the header already.
        h += "<section id=\"about\">\n<h2>\(e(w(.sourcesHeading)))</h2>\n"
        h += "<ul>\n" + m.creditLines.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        if !dataFiles.isEmpty {
            h +=
                "<p>\(e(w(.dataLabel))) " + dataFiles.map { "<a href=\"\(e($0.file))\">\(e($0.label))</a>" }.joined(separator: " · ")
                + "</p>\n"
        }
        h += "</section>\n</main>\n<script>\(ReportAssets.script)</script>\n</body>\n</html>\n"
        return h
    }

    /// The chart's alt text: what it shows, what changed over the span (the summary's figures), and
    /// the chart's own per-snapshot figures.
    func chartAltText(_ summary: ReportSummary?) -> String {
        let what = words(.chartAltWhat)
        let changed = summary.map { s in s.sentences(words).dropFirst().dropLast().joined(separator: " ") } ?? ""
        return [what, changed, chartAlt].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The map, its controls, and one panel per date (alt text and events); the latest date is shown.
    /// The slider counts days from the first date, so dates sit on it by time; a datalist marks them.
    func viewer() -> String {
        let e = MarkupEscaping.escape, w = words
        guard let first = frames.first, let last = frames.last else {
            return "<section id=\"viewer\"><p>\(e(w(.noDates)))</p></section>\n"
        }
        let span = last.day.ordinal - first.day.ordinal
        var h = """
            <section id="viewer" aria-label="\(e(w(.viewerLabel)))">
            <div class="controls">
            <button id="prev" type="button" aria-label="\(e(w(.previousDate)))">◀</button>
            <button id="play" type="button" aria-pressed="false" data-play="\(e(w(.play)))" data-pause="\(e(w(.pause)))">\(e(w(.play)))</button>
            <button id="next" type="button" aria-label="\(e(w(.nextDate)))">▶</button>
            <output id="date" for="slider">\(e(w.longDate(last.day)))</output>
            <div class="timescale">
            <input id="slider" type="range" min="0" max="\(span)" step="1" value="\(span)" list="report-dates" \
            aria-label="\(e(w(.sliderLabel)))" aria-valuetext="\(e(w.longDate(last.day)))">
            <datalist id="report-dates">\(frames.map { "<option value=\"\($0.day.ordinal - first.day.ordinal)\"></option>" }.joined())</datalist>
            <div class="ends" aria-hidden="true"><span>\(e(w.shortDate(first.day)))</span><span>\(e(w.shortDate(last.day)))</span></div>
            </div>
            </div>
            <figure>
            <picture>\(last.phone.map { p in "<source id=\"map-phone\" media=\"(max-width: 600px)\" srcset=\"\(e(p.file))\" width=\"\(p.width)\" height=\"\(p.height)\">" } ?? "")
            <img id="map" src="\(e(last.mapFile))" width="\(last.width)" height="\(last.height)" alt="\(e(alt(frames.count - 1)))">
            </picture>
            </figure>
            <p class="hint">\(e(w(.viewerHint)))
            <a id="svg-link" href="\(e(last.mapFile))">SVG</a>\(last.pngFile.map { " · <a id=\"png-link\" href=\"\(e($0))\">PNG</a>" } ?? "")</p>

            """
        for (k, f) in frames.enumerated() {
            let events = EventRanking.ranked(dataset.events(on: f.day))
            h += "<article class=\"frame\" data-date=\"\(f.day)\" data-offset=\"\(f.day.ordinal - first.day.ordinal)\" "
            h += "data-label=\"\(e(w.longDate(f.day)))\" "
            h += "data-map=\"\(e(f.mapFile))\" data-png=\"\(e(f.pngFile ?? ""))\" data-phone=\"\(e(f.phone?.file ?? ""))\""
            h += "\(k == frames.count - 1 ? "" : " hidden")>\n"
            h += "<p class=\"alt\">\(e(alt(k)))</p>\n"
            if events.isEmpty {
                h += "<p class=\"none\">\(e(w(.noEvents)))</p>\n"
            } else {
                // Numbered as the map's stars are (`EventRanking`); events with no place get a bullet.
                h += "<h3>\(e(w(.eventsHeading)))</h3>\n<ul class=\"events\">\n"
                let stars = Dictionary(uniqueKeysWithValues: EventRanking.starNumbers(events).map { ($0.1.id, $0.0) })
                for ev in events { h += eventItem(ev, star: stars[ev.id]) }
                h += "</ul>\n"
            }
            h += "</article>\n"
        }
        return h + "</section>\n"
    }

    /// The map's alt text: what it shows (the scene's description) and what changed since the
    /// previous reported date, per side, across the border.
    func alt(_ k: Int) -> String {
        let f = frames[k]
        let w = words
        guard k > 0 else { return f.altText + " " + w(.altFirstDate) }
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
                    ? w(.altNoChangeSide, ["side": name])
                    : w(d > 0 ? .altGained : .altLost, ["side": name, "area": w.format.km2(abs(d))]))
        }
        let said = changes.isEmpty ? w(.altNothingHeld) : changes.joined(separator: "; ")
        return f.altText + " " + w(.altSince, ["date": w.longDate(previous), "changes": said])
    }

    /// One event: the star number it has on the map (if it has a place there), what was said, who
    /// claims it, and its public attribution (outlet, date, headline).
    func eventItem(_ ev: Event, star: Int?) -> String {
        let e = MarkupEscaping.escape, w = words
        let badge =
            star.map { "<span class=\"star\" title=\"\(e(w(.starLabel, ["n": w.format.number($0)])))\">★ \(w.format.number($0))</span> " }
            ?? ""
        let place = ev.placeName.map { "<span class=\"place\">\(e($0))</span>: " } ?? ""
        let figure = ev.figure.map { " (\(e($0)))" } ?? ""
        let approx = ev.dateIsApproximate ? " " + w(.dateApproximate) : ""
        let claim = w(.eventClaim, ["claimant": ev.claimedBy, "status": w.status(ev.status)])
        return
            "<li\(star == nil ? "" : " class=\"located\"")>\(badge)\(place)\(e(ev.summary))\(figure) <span class=\"claim\">\(e(claim))\(e(approx))</span> "
            + "<cite>\(e(Words.outlet(ev.source.publication))), \(e(w.publishedDate(ev.source.published))): “\(e(ev.source.headline))”</cite></li>\n"
    }

    /// One row per date: for each side that ever held ground across the border, that ground and its
    /// change since the previous reported date (the sum that matters to a reader; the whole ground a
    /// side holds, home included, is in data/stats.csv).
    func statsTable() -> String {
        let e = MarkupEscaping.escape, w = words
        let shown = Set(frames.map(\.day))
        let rows = stats.filter { shown.contains($0.date) }
        let sides = dataset.manifest.sides.filter { side in
            rows.contains { r in r.sides.contains { $0.side == side.id && $0.acrossBorderKm2 > 0 } }
        }
        var h = """
            <section id="stats">
            <h2>\(e(w(.tableHeading)))</h2>
            <div class="table-wrap">
            <table>
            <thead><tr><th scope="col" rowspan="2">\(e(w(.tableDate)))</th>
            """
        for side in sides {
            let name = side.home.map { w(.sideOutside, ["side": side.name, "home": $0]) } ?? side.name
            h += "<th scope=\"colgroup\" colspan=\"2\">\(e(name))</th>"
        }
        h += "<th scope=\"col\" rowspan=\"2\">\(e(w(.tableAssessedOn)))</th></tr>\n<tr>"
        for _ in sides { h += "<th scope=\"col\">\(e(w(.tableHeld)))</th><th scope=\"col\">\(e(w(.tableChange)))</th>" }
        h += "</tr></thead>\n<tbody>\n"
        for (k, row) in rows.enumerated() {
            h += "<tr data-date=\"\(row.date)\"><th scope=\"row\">\(e(w.shortDate(row.date)))</th>"
            for side in sides {
                let s = row.sides.first { $0.side == side.id }
                let held = s?.acrossBorderKm2 ?? 0
                let change: String
                if k == 0 {
                    change = "—"
                } else {
                    let was = rows[k - 1].sides.first { $0.side == side.id }?.acrossBorderKm2 ?? 0
                    let d = held - was
                    change = abs(d) < 0.05 ? w(.tableNoChange) : (d > 0 ? "+" : "−") + w.format.number(abs(d))
                }
                h += "<td>\(e(w.format.number(held)))</td><td>\(e(change))</td>"
            }
            h += "<td>\(e(w.shortDate(row.snapshotDate)))</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n</div>\n<p class=\"note\">\(e(w(.tableNote)))</p>\n</section>\n"
    }
}
