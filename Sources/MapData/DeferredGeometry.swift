import GeoCore
import Synchronization

/// A control area's geometry made on first use, once, whichever thread asks first.
///
/// One-sided data gives a side the rest of its home on every date (`RestOfHome`): a national home
/// of ~35,000 vertices less the day's ~28,000-vertex front, about 100 ms of GEOS and 0.8 MB a
/// date. A map draws only ground held across a border, and a frame's change of the rest comes from
/// the other side's (`ControlChange`), so frames never need it: made at load, it was most of a
/// national sequence's load time and a quarter of its memory. Statistics, `diff` and `validate`
/// make it when they read it. Making it can fail (GEOS refusing the overlay): the error is kept and
/// given to every reader, so no reader goes on with ground missing.
final class DeferredGeometry: Sendable {
    private let made = Mutex<Result<MultiPolygon, DataError>?>(nil)
    private let make: @Sendable () throws(DataError) -> MultiPolygon
    private let holds: @Sendable (LonLat) -> Bool

    /// - Parameters:
    ///   - make: the geometry (called at most once);
    ///   - holds: whether a position lies in it, answered without making it.
    init(make: @escaping @Sendable () throws(DataError) -> MultiPolygon, holds: @escaping @Sendable (LonLat) -> Bool) {
        self.make = make
        self.holds = holds
    }

    func value() throws(DataError) -> MultiPolygon {
        let result = made.withLock { made in
            if let made { return made }
            let r = Result { () throws(DataError) in try make() }
            made = r
            return r
        }
        return try result.get()
    }

    func contains(_ p: LonLat) -> Bool { holds(p) }

    /// Whether it was made (or tried): loading and drawing frames should not need it.
    var isMade: Bool { made.withLock { $0 != nil } }
}
