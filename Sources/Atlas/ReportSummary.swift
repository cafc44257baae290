import GeoCore
import MapData

/// The few sentences that open a report (HTML header, PDF cover): the span of dates and the ground held
/// across the border at its largest and at the end, from the same table as `frontline stats`.
public struct ReportSummary: Sendable {
    public let first: Day
    public let last: Day
    public let dateCount: Int
    public let eventCount: Int
    /// Per side that ever held ground across the border: its largest extent and the last one.
    public let sides: [(name: String, home: String?, peakKm2: Double, peakDate: Day, lastKm2: Double)]

    /// Nil when `rows` is empty.
    public init?(dataset: Dataset, rows: [DateStatistics]) {
        guard let first = rows.first?.date, let last = rows.last?.date else { return nil }
        self.first = first
        self.last = last
        dateCount = rows.count
        eventCount = dataset.events.filter { $0.date >= first && $0.date <= last }.count
        var sides: [(String, String?, Double, Day, Double)] = []
        for side in dataset.manifest.sides {
            let series = rows.compactMap { r in r.sides.first { $0.side == side.id }.map { (r.date, $0.acrossBorderKm2) } }
            guard let peak = series.max(by: { $0.1 < $1.1 }), peak.1 > 0, let end = series.last else { continue }
            sides.append((side.name, side.home, peak.1, peak.0, end.1))
        }
        self.sides = sides
    }

    /// Plain sentences, no markup, in the words of `w`.
    public func sentences(_ w: Words) -> [String] {
        var out = [
            w(
                eventCount == 0 ? .summarySpanNoEvents : .summarySpan,
                [
                    "dates": w.plural(.reportDates, dateCount), "from": w.longDate(first), "to": w.longDate(last),
                    "events": w.plural(.reportEvents, eventCount),
                ])
        ]
        for s in sides {
            let values = [
                "side": s.name, "peak": w.format.km2(s.peakKm2), "home": s.home ?? "", "peakDate": w.longDate(s.peakDate),
                "last": w.format.km2(s.lastKm2), "lastDate": w.longDate(last),
            ]
            // When the latest figure is the peak, one figure says it ("held 957 km² on 1 September,
            // the most in this span"), not the same number twice.
            let latestIsPeak = s.peakKm2 == s.lastKm2
            let phrase: Phrase =
                latestIsPeak
                ? (s.home == nil ? .summaryLatestPeak : .summaryLatestPeakOutside) : (s.home == nil ? .summaryPeak : .summaryPeakOutside)
            out.append(w(phrase, values))
        }
        out.append(w(.summaryAreas))
        return out
    }
}
