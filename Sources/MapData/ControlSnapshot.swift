import Foundation
import GeoCore

/// How sure the source is that a side holds an area.
public enum ControlStatus: String, CaseIterable, Sendable {
    case assessed, claimed, contested
}

/// Ground held by one side on one date, as one source assessed it.
public struct ControlArea: Sendable {
    public let side: String
    public let status: ControlStatus
    /// Whose country the ground lies in, when the data says ("Russia"); nil when not split.
    public let territory: String?
    public let source: SourceRef
    private let shape: Shape

    /// The geometry as given, or made on first use (the rest of a home, see `DeferredGeometry`).
    private enum Shape: Sendable {
        case given(MultiPolygon)
        case deferred(DeferredGeometry)
    }

    /// Throws only for an area made on first use whose making failed (see `RestOfHome`): the error
    /// names what failed, so a map, statistic or file never goes on without that ground.
    public var geometry: MultiPolygon {
        get throws(DataError) {
            switch shape {
            case .given(let g): return g
            case .deferred(let d): return try d.value()
            }
        }
    }

    public init(side: String, status: ControlStatus, territory: String?, geometry: MultiPolygon, source: SourceRef) {
        self.side = side; self.status = status; self.territory = territory; self.shape = .given(geometry); self.source = source
    }

    init(side: String, status: ControlStatus, territory: String?, deferred: DeferredGeometry, source: SourceRef) {
        self.side = side; self.status = status; self.territory = territory; self.shape = .deferred(deferred); self.source = source
    }

    /// The geometry when it was given, nil when it is made on first use.
    var givenGeometry: MultiPolygon? {
        if case .given(let g) = shape { return g }
        return nil
    }

    /// Whether a geometry made on first use was made (always true for a given one).
    var isMade: Bool {
        if case .deferred(let d) = shape { return d.isMade }
        return true
    }

    /// Whether the area holds `p` (a deferred geometry answers without being made).
    public func contains(_ p: LonLat) -> Bool {
        switch shape {
        case .given(let g): return g.contains(p)
        case .deferred(let d): return d.contains(p)
        }
    }
}

/// Every control area reported for one date.
public struct ControlSnapshot: Sendable {
    public let date: Day
    public let areas: [ControlArea]
    /// An empty file that says it is a placeholder (`frontline init --date`): no control data yet,
    /// which maps say, rather than a blank map "as assessed".
    public var isPlaceholder = false

    public init(date: Day, areas: [ControlArea]) {
        self.date = date
        self.areas = areas
    }

    /// Areas of `side`, optionally only those lying in `territory`.
    public func areas(side: String, territory: String? = nil) -> [ControlArea] {
        areas.filter { $0.side == side && (territory == nil || $0.territory == territory) }
    }
}

/// Snapshots in date order, queried by day.
///
/// A timeline knows every snapshot date of its data set but may hold only some of the snapshots:
/// those its data source was asked for (`SnapshotNeeds`), so a one-date render decodes the two files
/// it draws, not a whole war's. Nothing is decoded here: asking for a snapshot that was not loaded
/// is an error that says so, never a read. The queries on dates alone cannot fail.
public struct Timeline: Sendable {
    public let dates: [Day]
    private let held: [ControlSnapshot?]

    /// A timeline of every snapshot, all held.
    public init(_ snapshots: [ControlSnapshot]) throws(DataError) {
        let sorted = snapshots.sorted { $0.date < $1.date }
        dates = try Self.distinct(sorted.map(\.date))
        held = sorted.map { Optional($0) }
    }

    /// A timeline of `dates` holding `snapshots` (each dated one of `dates`).
    public init(dates: [Day], holding snapshots: [ControlSnapshot]) throws(DataError) {
        self.dates = try Self.distinct(dates)
        var held = [ControlSnapshot?](repeating: nil, count: dates.count)
        for s in snapshots {
            guard let k = dates.firstIndex(of: s.date) else {
                throw DataError(message: "snapshot \(s.date) is not one of the timeline's dates")
            }
            held[k] = s
        }
        self.held = held
    }

    /// `dates`, refused when one repeats.
    static func distinct(_ sorted: [Day]) throws(DataError) -> [Day] {
        for (a, b) in zip(sorted, sorted.dropFirst()) where a == b { throw DataError(message: "two snapshots for \(a)") }
        return sorted
    }

    /// The snapshots held, in date order.
    public var heldSnapshots: [ControlSnapshot] { held.compactMap { $0 } }

    /// Whether every snapshot is held.
    public var isComplete: Bool { held.allSatisfy { $0 != nil } }

    /// Every snapshot.
    public func snapshots() throws(DataError) -> [ControlSnapshot] {
        var out: [ControlSnapshot] = []
        for k in dates.indices { out.append(try snapshot(k)) }
        return out
    }

    /// The latest snapshot on or before `day`; nil before the first.
    public func state(on day: Day) throws(DataError) -> ControlSnapshot? {
        try index(on: day).map { k throws(DataError) in try snapshot(k) }
    }

    /// The first snapshot after `day`; nil after the last.
    public func next(after day: Day) throws(DataError) -> ControlSnapshot? {
        let k = (index(on: day) ?? -1) + 1
        return k < dates.count ? try snapshot(k) : nil
    }

    /// The snapshot before the one in force on `day`, for change layers.
    public func previous(before day: Day) throws(DataError) -> ControlSnapshot? {
        guard let k = index(on: day), k > 0 else { return nil }
        return try snapshot(k - 1)
    }

    /// The date of the snapshot in force on `day`; nil before the first.
    public func date(on day: Day) -> Day? { index(on: day).map { dates[$0] } }

    /// The date of the first snapshot after `day`; nil after the last.
    public func date(after day: Day) -> Day? {
        let k = (index(on: day) ?? -1) + 1
        return k < dates.count ? dates[k] : nil
    }

    private func snapshot(_ k: Int) throws(DataError) -> ControlSnapshot {
        guard let s = held[k] else {
            throw DataError(message: "the snapshot of \(dates[k]) was not loaded (its data source was asked for other dates)")
        }
        return s
    }

    private func index(on day: Day) -> Int? {
        var lo = 0, hi = dates.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if dates[mid] <= day { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : lo - 1
    }
}

extension [ControlArea] {
    /// Every polygon of the areas, in order.
    public func polygons() throws(DataError) -> [Polygon] {
        var out: [Polygon] = []
        for a in self { out += try a.geometry.polygons }
        return out
    }

    /// The areas' geodesic area in km², summed (a side's areas don't overlap: `validate` checks).
    public func areaKm2() throws(DataError) -> Double {
        var sum = 0.0
        for a in self { sum += try a.geometry.areaKm2 }
        return sum
    }
}
