import Synchronization

/// Values derived from a data set once and shared by every copy of it: each worker of a sequence
/// has its own context, and an index over a national basemap's 95,000 territory edges (~20 MB) made
/// by each of them was most of what a long sequence held beyond its data.
public final class DatasetCache: Sendable {
    private let values = Mutex<[String: any Sendable]>([:])

    public init() {}

    /// The value stored under `key`, made by `make` on first use (by one thread; the others wait).
    public func value<T: Sendable>(_ key: String, make: () throws -> T) rethrows -> T {
        try values.withLock { values in
            if let v = values[key] as? T { return v }
            let v = try make()
            values[key] = v
            return v
        }
    }
}
