import Foundation
import Testing

@testable import GeoCore

/// Big rings are measured in content-defined pieces (`RingPieceAreas`): the same area as the whole
/// ring to a square metre, the same double with or without pieces kept, and a ring that moved in one
/// sector measures only the pieces there.
@Suite("Ring piece areas")
struct RingPieceAreasTests {
    /// A wobbly 12,000-vertex ring around (36° E, 49° N), about 300 km across, like a national front's
    /// ground; `bulge` pushes one sector (positions 3,000–3,400) outwards by that many degrees.
    private func ring(bulge: Double = 0, start: Int = 0) throws -> Ring {
        let n = 12_000
        var points: [LonLat] = []
        for k in 0..<n {
            let i = (k + start) % n
            let t = 2 * Double.pi * Double(i) / Double(n)
            var r = 1.4 + 0.05 * sin(37 * t) + 0.01 * sin(611 * t) + 0.003 * cos(2_377 * t)
            if (3_000..<3_400).contains(i) { r += bulge * sin(Double.pi * Double(i - 3_000) / 400) }
            points.append(try LonLat(lon: 36 + r * cos(t) / cos(49 * Double.pi / 180), lat: 49 + r * sin(t)))
        }
        return try Ring(closing: points)
    }

    @Test("The pieces add up to the whole ring's area, whichever position the ring starts at")
    func sameArea() throws {
        let whole = try ring()
        let plain = abs(Geodesic.signedAreaKm2(whole.points, count: whole.points.count - 1, chunks: 1))
        #expect(plain > 50_000)
        let pieces = RingPieceAreas().areaKm2(whole)
        #expect(abs(pieces - plain) < 1e-6, "\(pieces) against \(plain) km²")
        // Geodesic measures rings this big in pieces too, so every command gives the same figure.
        #expect(Geodesic.areaKm2(whole) == pieces)
        let rotated = try ring(start: 5_432)
        #expect(abs(RingPieceAreas().areaKm2(rotated) - plain) < 1e-6)
        let reversed = try Ring(closing: Array(whole.points.dropLast().reversed()))
        #expect(abs(RingPieceAreas().areaKm2(reversed) - plain) < 1e-6)
    }

    @Test("Kept pieces give the same double, and a ring moved in one sector measures the pieces there only")
    func keptPieces() throws {
        let kept = RingPieceAreas()
        let before = try ring(), after = try ring(bulge: 0.02)
        let first = kept.areaKm2(before)
        let pieces = kept.count
        #expect(pieces > 100, "about one piece per 64 positions (\(pieces))")
        #expect(kept.areaKm2(before) == first && kept.count == pieces, "measured again: nothing new")
        let moved = kept.areaKm2(after)
        #expect(moved == RingPieceAreas().areaKm2(after), "kept pieces change nothing")
        #expect(moved > first)
        let added = kept.count - pieces
        #expect(added > 0 && added < pieces / 10, "400 of 12,000 positions moved: \(added) new pieces of \(pieces)")
        // A limit forgets everything rather than grow: the figure stays the same.
        let small = RingPieceAreas(limit: 10)
        #expect(small.areaKm2(after) == moved && small.count <= 10 + pieces)
    }
}
