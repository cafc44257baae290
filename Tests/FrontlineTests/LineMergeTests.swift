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
