import Foundation
import GeoCore

/// What the readers do with invalid polygons: repair them with GEOS make-valid and keep a warning
/// (the default), or refuse them with an error (`--strict`). One value per data source; its warnings are guarded by a lock (files decode in parallel).
///
/// Checked: self-intersections and bow-ties, rings that cross or touch wrongly, holes outside their
/// shell, positions repeated one after another, and rings left unclosed (noted by the reader, which
/// closes them). Not checked: winding. Areas are measured ring by ring whatever the orientation and
/// fills are even-odd, so either winding gives the same map and the same km² (and RFC 7946 §3.1.6
/// asks readers not to reject it).
public final class GeometryRepair: @unchecked Sendable {
    public let strict: Bool
    /// One per repaired feature, in reading order: file, feature and ring, what was wrong, the areas.
    public var warnings: [DataError] { lock.withLock { found } }
    private var found: [DataError] = []
    private let lock = NSLock()
    private let engine = GeometryEngine()

    public init(strict: Bool) { self.strict = strict }

    /// Takes warnings collected by another repair of the same load (one per file read in parallel).
    func absorb(_ more: [DataError]) {
        lock.withLock { found += more }
    }

    /// A problem the reader found and already fixed in passing (an unclosed ring it closed).
    public struct Note: Sendable, Equatable {
        public let place: String
        public let problem: String
    }

    /// `geometry` if valid, else its repair (or, when strict, an error naming the first problem).
    /// `place` is where the geometry sits in `file` ("feature 3").
    public func checked(_ geometry: MultiPolygon, notes: [Note], file: String, place: String) throws(DataError) -> MultiPolygon {
        let repeats = Self.repeatedPositions(geometry)
        var problems = notes + repeats
        let deduplicated = repeats.isEmpty ? geometry : Self.withoutRepeats(geometry)
        do {
            problems += try located(deduplicated)
        } catch {
            throw DataError(file: file, place: place, message: error.description)
        }
        guard let first = problems.first else { return geometry }
        if strict {
            throw DataError(
                file: file, place: "\(place), \(first.place)",
                message: "invalid geometry: \(first.problem) (refused under --strict; without it, it is repaired)")
        }
        let repaired: MultiPolygon
        do { repaired = try engine.makeValid(deduplicated) } catch {
            throw DataError(file: file, place: place, message: "invalid geometry could not be repaired: \(error)")
        }
        let what = problems.map { "\($0.place): \($0.problem)" }.joined(separator: "; ")
        absorb([
            DataError(
                file: file, place: place,
                message: "repaired invalid geometry (\(what)); area \(Self.km2(geometry.areaKm2)) → \(Self.km2(repaired.areaKm2)) km²")
        ])
        return repaired
    }

    /// GEOS's reason, narrowed to a ring when one ring alone is invalid, else to a polygon.
    private func located(_ m: MultiPolygon) throws(GeometryError) -> [Note] {
        guard let whole = try engine.validityProblem(m) else { return [] }
        for (k, p) in m.polygons.enumerated() {
            for (j, r) in p.rings.enumerated() {
                if let why = try engine.validityProblem(MultiPolygon([Polygon(outer: r)])) {
                    return [Note(place: "polygon \(k), ring \(j)", problem: Self.plain(why))]
                }
            }
            if let why = try engine.validityProblem(MultiPolygon([p])) {
                return [Note(place: "polygon \(k)", problem: Self.plain(why))]
            }
        }
        return [Note(place: "polygons", problem: Self.plain(whole))]
    }

    /// Positions equal to the one before them, by polygon and ring.
    static func repeatedPositions(_ m: MultiPolygon) -> [Note] {
        var out: [Note] = []
        for (k, p) in m.polygons.enumerated() {
            for (j, r) in p.rings.enumerated() {
                let repeats = zip(r.points, r.points.dropFirst()).enumerated().filter { $0.element.0 == $0.element.1 }
                if let first = repeats.first {
                    out.append(
                        Note(
                            place: "polygon \(k), ring \(j)",
                            problem:
                                "position \(first.offset + 1) repeats the one before (\(repeats.count) repeat\(repeats.count == 1 ? "" : "s"))"
                        ))
                }
            }
        }
        return out
    }

    /// The same rings with repeated positions dropped; a ring too short after that is left for
    /// make-valid to discard.
    static func withoutRepeats(_ m: MultiPolygon) -> MultiPolygon {
        func ring(_ r: Ring) -> Ring {
            var pts: [LonLat] = []
            for p in r.points where pts.last != p { pts.append(p) }
            return (try? Ring(pts)) ?? r
        }
        return MultiPolygon(m.polygons.map { Polygon(outer: ring($0.outer), holes: $0.holes.map(ring)) })
    }

    /// "Self-intersection[34.1 51.2]" → "self-intersection at 34.1 51.2".
    static func plain(_ reason: String) -> String {
        var s = reason.replacingFirst("[", with: " at ").replacingFirst("]", with: "")
        if let c = s.first { s = c.lowercased() + s.dropFirst() }
        return s
    }

    static func km2(_ v: Double) -> String { JSONWriter.formatNumber((v * 1000).rounded() / 1000) }
}

extension String {
    fileprivate func replacingFirst(_ target: Character, with replacement: String) -> String {
        guard let i = firstIndex(of: target) else { return self }
        return String(self[..<i]) + replacement + String(self[index(after: i)...])
    }
}
