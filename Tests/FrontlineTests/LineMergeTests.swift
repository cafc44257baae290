import Foundation
@testable import GeoCore
import Testing

/// `GeometryEngine.merged` answers one line alone without GEOS (issue 24: GEOS's line merge copied a
/// 10-million-position front three times); the answer must be GEOS's, position for position.
@Suite("Line merge of one line")
struct LineMergeTests {
    @Test("one line, open or closed, with or without repeats, merges as GEOS merges it")
    func oneLineAsGEOS() throws {
        let engine = GeometryEngine()
        var random = SeededRandom(seed: 0x11e)
        for k in 0..<300 {
            let n = Int.random(in: 2...40, using: &random)
            var points: [LonLat] = []
            for _ in 0..<n {
                // Few distinct values, so that repeats and returns to the start are common.
                let p = try LonLat(lon: Double(Int.random(in: 0...3, using: &random)), lat: Double(Int.random(in: 0...3, using: &random)))
                points.append(p)
                if Int.random(in: 0..<5, using: &random) == 0 { points.append(p) }
            }
            if k % 3 == 0, let first = points.first { points.append(first) }  // closed
            let line = try LineString(points)
            let ours = try engine.merged([line]), geos = try engine.mergedByGEOS([line])
            #expect(ours == geos, "line \(k): \(points)")
        }
    }

    @Test("a line without repeats comes back as itself, its storage shared")
    func noCopy() throws {
        let points = try (0..<1_000).map { try LonLat(lon: 30 + Double($0) * 1e-4, lat: 50 + Double($0 % 7) * 1e-4) }
        let merged = try GeometryEngine().merged([try LineString(points)])
        #expect(merged.count == 1)
        let a = points.withUnsafeBufferPointer { $0.baseAddress }
        let b = merged.first?.points.withUnsafeBufferPointer { $0.baseAddress }
        #expect(a == b)
    }
}

/// Rings of a million positions and more are measured in pieces on every core (issue 24).
@Suite("Geodesic area in pieces")
struct GeodesicPiecesTests {
    @Test("8 pieces and the skeleton give the one-pass area (±1e-12 relative), either winding, near a pole too")
    func piecesEqualOnePass() throws {
        for (lon, lat, r) in [(30.6, 51.0, 0.25), (-179.9, 10.0, 0.5), (0.0, 89.0, 0.9)] {
            var points = (0..<20_001).map { k -> LonLat in
                let t = 2 * Double.pi * Double(k) / 20_000, w = r * (1 + 0.02 * sin(t * 200))
                return LonLat(wrappingLon: lon + w * cos(t), clampingLat: lat + w * sin(t))
            }
            for _ in 0..<2 {
                let one = Geodesic.signedAreaKm2(points, count: points.count - 1, chunks: 1)
                let pieces = Geodesic.signedAreaKm2(points, count: points.count - 1, chunks: 8)
                #expect(abs(one) > 1, "(\(lon), \(lat)): \(one) km²")
                #expect(abs(pieces - one) <= 1e-12 * abs(one), "(\(lon), \(lat)): \(pieces) vs \(one) km²")
                points.reverse()
            }
        }
    }
}
