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
    public let geometry: MultiPolygon
    public let source: SourceRef

    public init(side: String, status: ControlStatus, territory: String?, geometry: MultiPolygon, source: SourceRef) {
        self.side = side; self.status = status; self.territory = territory; self.geometry = geometry; self.source = source
    }
}

/// Every control area reported for one date.
public struct ControlSnapshot: Sendable {
    public let date: Day
    public let areas: [ControlArea]

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
public struct Timeline: Sendable {
    public let snapshots: [ControlSnapshot]

    public init(_ snapshots: [ControlSnapshot]) throws(DataError) {
        let sorted = snapshots.sorted { $0.date < $1.date }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.date == b.date {
            throw DataError(message: "two snapshots for \(a.date)")
        }
        self.snapshots = sorted
    }

    public var dates: [Day] { snapshots.map(\.date) }

    /// The latest snapshot on or before `day`; nil before the first.
    public func state(on day: Day) -> ControlSnapshot? {
        var lo = 0, hi = snapshots.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if snapshots[mid].date <= day { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : snapshots[lo - 1]
    }

    /// The first snapshot after `day`; nil after the last.
    public func next(after day: Day) -> ControlSnapshot? {
        guard let current = state(on: day) else { return snapshots.first }
        return snapshots.first { $0.date > current.date }
    }

    /// The snapshot before the one in force on `day`, for change layers.
    public func previous(before day: Day) -> ControlSnapshot? {
        guard let current = state(on: day) else { return nil }
        return state(on: current.date.adding(days: -1))
    }
}
