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
///
/// A data set loaded lazily (`Dataset.load(_:repair:lazy:)`) knows its snapshot dates from the
/// file names and decodes a snapshot's areas only when it is first asked for: a one-date render
/// reads the two files it draws, not a whole war's. So every query that returns a snapshot can
/// throw the error of a file decoded late; the queries on dates alone cannot.
public struct Timeline: Sendable {
    public let dates: [Day]
    private let store: SnapshotStore

    /// A timeline of snapshots already decoded.
    public init(_ snapshots: [ControlSnapshot]) throws(DataError) {
        let sorted = snapshots.sorted { $0.date < $1.date }
        try Self.checkDistinct(sorted.map(\.date))
        dates = sorted.map(\.date)
        store = SnapshotStore(decoded: sorted.map { Optional($0) }, load: nil)
    }

    /// A timeline whose snapshots are decoded on first use by `load`, given the index of the date.
    init(lazy dates: [Day], load: @escaping @Sendable (Int) throws -> ControlSnapshot) throws(DataError) {
        try Self.checkDistinct(dates)
        self.dates = dates
        store = SnapshotStore(decoded: dates.map { _ in nil }, load: load)
    }

    private static func checkDistinct(_ sorted: [Day]) throws(DataError) {
        for (a, b) in zip(sorted, sorted.dropFirst()) where a == b { throw DataError(message: "two snapshots for \(a)") }
    }

    /// Every snapshot, decoding those not yet decoded.
    public func snapshots() throws(DataError) -> [ControlSnapshot] {
        var out: [ControlSnapshot] = []
        for k in dates.indices { out.append(try store.snapshot(k)) }
        return out
    }

    /// The snapshots decoded so far, in date order; decodes nothing.
    public func decodedSnapshots() -> [ControlSnapshot] { store.decodedSoFar() }

    /// Runs `check` on every snapshot decoded from now on, before any caller sees it.
    public func checkEachDecoded(_ check: @escaping @Sendable (ControlSnapshot) throws(DataError) -> Void) { store.setCheck(check) }

    /// The latest snapshot on or before `day`; nil before the first.
    public func state(on day: Day) throws(DataError) -> ControlSnapshot? {
        try index(on: day).map { k throws(DataError) in try store.snapshot(k) }
    }

    /// The first snapshot after `day`; nil after the last.
    public func next(after day: Day) throws(DataError) -> ControlSnapshot? {
        let k = (index(on: day) ?? -1) + 1
        return k < dates.count ? try store.snapshot(k) : nil
    }

    /// The snapshot before the one in force on `day`, for change layers.
    public func previous(before day: Day) throws(DataError) -> ControlSnapshot? {
        guard let k = index(on: day), k > 0 else { return nil }
        return try store.snapshot(k - 1)
    }

    /// The date of the snapshot in force on `day`; nil before the first. Decodes nothing.
    public func date(on day: Day) -> Day? { index(on: day).map { dates[$0] } }

    /// The date of the first snapshot after `day`; nil after the last. Decodes nothing.
    public func date(after day: Day) -> Day? {
        let k = (index(on: day) ?? -1) + 1
        return k < dates.count ? dates[k] : nil
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

/// The decoded snapshots of a timeline, and how to decode the rest; shared by the copies of a
/// timeline and by render threads, so guarded by a lock. A failed decode is not kept: asking again
/// fails again with the same error.
final class SnapshotStore: @unchecked Sendable {
    private let lock = NSLock()
    private var decoded: [ControlSnapshot?]
    private let load: (@Sendable (Int) throws -> ControlSnapshot)?
    private var check: (@Sendable (ControlSnapshot) throws(DataError) -> Void)?

    init(decoded: [ControlSnapshot?], load: (@Sendable (Int) throws -> ControlSnapshot)?) {
        self.decoded = decoded
        self.load = load
    }

    func decodedSoFar() -> [ControlSnapshot] {
        lock.lock()
        defer { lock.unlock() }
        return decoded.compactMap { $0 }
    }

    func setCheck(_ check: @escaping @Sendable (ControlSnapshot) throws(DataError) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        self.check = check
    }

    func snapshot(_ k: Int) throws(DataError) -> ControlSnapshot {
        lock.lock()
        defer { lock.unlock() }
        if let s = decoded[k] { return s }
        guard let load else { throw DataError(message: "snapshot \(k) has no data") }
        do {
            let s = try load(k)
            try check?(s)
            decoded[k] = s
            return s
        } catch let e as DataError {
            throw e
        } catch {
            throw DataError(message: "\(error)")
        }
    }
}
