import Cartography
import Foundation
import GeoCore
import Testing

/// Properties that must hold for any input, checked on many seeded random cases: GEOS's boolean
/// operations measured geodesically, and the projection's inverse.
@Suite("Geometry properties")
struct GeometryPropertyTests {
    /// A random star-shaped polygon (valid by construction) of 5–24 vertices around `centre`.
    static func star(around centre: (Double, Double), radius: Double, using random: inout SeededRandom) throws -> MultiPolygon {
        let n = Int.random(in: 5...24, using: &random)
        var pts: [LonLat] = (0..<n).map { k in
            let angle = (Double(k) + Double.random(in: 0..<0.8, using: &random)) / Double(n) * 2 * .pi
            let r = radius * Double.random(in: 0.3...1, using: &random)
            return LonLat(wrappingLon: centre.0 + r * cos(angle), clampingLat: centre.1 + r * sin(angle))
        }
        pts.append(pts[0])
        return MultiPolygon([Polygon(outer: try Ring(densified(pts)))])
    }

    /// Extra positions every 0.005° at most along each edge, as real boundaries have (GeoData's
    /// edges are ~100 m). GEOS works on straight lon/lat segments while areas are geodesic, so
    /// crossing points GEOS adds on long edges sit off the geodesic: ~20 m off on a 0.4° edge at
    /// 51°N, which shifts the areas by ~1e-4 of their size; on 0.005° edges it is ~3 mm.
    static func densified(_ pts: [LonLat]) -> [LonLat] {
        var out: [LonLat] = []
        for (a, b) in zip(pts, pts.dropFirst()) {
            let steps = max(1, Int((max(abs(b.lon - a.lon), abs(b.lat - a.lat)) / 0.005).rounded(.up)))
            for k in 0..<steps {
                let t = Double(k) / Double(steps)
                out.append(LonLat(wrappingLon: a.lon + t * (b.lon - a.lon), clampingLat: a.lat + t * (b.lat - a.lat)))
            }
        }
        out.append(pts[pts.count - 1])
        return out
    }

    /// Area on the lon/lat plane (square degrees), the space GEOS computes in: here the identity
    /// must hold to rounding, on any edges.
    static func planarArea(_ m: MultiPolygon) -> Double {
        func ring(_ r: Ring) -> Double {
            abs(zip(r.points, r.points.dropFirst()).reduce(0) { $0 + $1.0.lon * $1.1.lat - $1.1.lon * $1.0.lat }) / 2
        }
        return m.polygons.reduce(0) { acc, p in acc + ring(p.outer) - p.holes.reduce(0) { $0 + ring($1) } }
    }

    /// A random polygon whose vertices come in any order: usually self-intersecting.
    static func scribble(around centre: (Double, Double), using random: inout SeededRandom) throws -> MultiPolygon {
        var pts: [LonLat] = (0..<Int.random(in: 4...12, using: &random)).map { _ in
            LonLat(
                wrappingLon: centre.0 + Double.random(in: -0.3...0.3, using: &random),
                clampingLat: centre.1 + Double.random(in: -0.2...0.2, using: &random))
        }
        pts.append(pts[0])
        return MultiPolygon([Polygon(outer: try Ring(densified(pts)))])
    }

    /// |a − b| within 1e-7 of the larger plus 1e-5 km² (10 m²): each crossing point GEOS adds sits
    /// millimetres off the geodesic on 0.005° edges (see `densified`), metres² over a few dozen.
    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-7 * max(abs(a), abs(b)) + 1e-5 }

    @Test("area(A ∪ B) + area(A ∩ B) = area(A) + area(B) for 300 random pairs of polygons")
    func inclusionExclusion() throws {
        var random = SeededRandom(seed: 2024)
        let engine = GeometryEngine()
        var overlapping = 0
        for _ in 0..<300 {
            let c = (Double.random(in: 34...36, using: &random), Double.random(in: 50.6...52, using: &random))
            let a = try Self.star(around: c, radius: Double.random(in: 0.02...0.4, using: &random), using: &random)
            let d = (c.0 + Double.random(in: -0.4...0.4, using: &random), c.1 + Double.random(in: -0.3...0.3, using: &random))
            let b = try Self.star(around: d, radius: Double.random(in: 0.02...0.4, using: &random), using: &random)
            let union = try engine.union(a, b), meet = try engine.intersection(a, b)
            if !meet.isEmpty { overlapping += 1 }
            let lhs = union.areaKm2 + meet.areaKm2, rhs = a.areaKm2 + b.areaKm2
            #expect(Self.close(lhs, rhs), "∪+∩ = \(lhs) km², A+B = \(rhs) km²")
            let planar = Self.planarArea(union) + Self.planarArea(meet), planarSum = Self.planarArea(a) + Self.planarArea(b)
            #expect(abs(planar - planarSum) <= 1e-9 * planarSum, "on the plane: \(planar) vs \(planarSum)")
            // And the pieces: A = (A − B) + (A ∩ B).
            let pieces = try engine.difference(a, b).areaKm2 + meet.areaKm2
            #expect(Self.close(pieces, a.areaKm2), "(A − B) + (A ∩ B) = \(pieces) km², A = \(a.areaKm2) km²")
        }
        #expect(overlapping > 100, "most pairs should overlap to test anything: \(overlapping)")
    }

    @Test("the identity holds after make-valid too, on 200 random self-intersecting polygons")
    func inclusionExclusionRepaired() throws {
        var random = SeededRandom(seed: 99)
        let engine = GeometryEngine()
        for _ in 0..<200 {
            let c = (Double.random(in: 34...36, using: &random), Double.random(in: 50.6...52, using: &random))
            let a = try engine.makeValid(try Self.scribble(around: c, using: &random))
            let b = try engine.makeValid(try Self.scribble(around: (c.0 + 0.1, c.1), using: &random))
            #expect(try engine.validityProblem(a) == nil && engine.validityProblem(b) == nil)
            let lhs = try engine.union(a, b).areaKm2 + engine.intersection(a, b).areaKm2
            #expect(Self.close(lhs, a.areaKm2 + b.areaKm2), "\(lhs) vs \(a.areaKm2 + b.areaKm2)")
        }
    }

    @Test("projection round trip: inverse(forward(p)) = p within 1e-9° for 2,000 random points and boxes")
    func projectionRoundTrip() throws {
        var random = SeededRandom(seed: 5)
        for _ in 0..<100 {
            let west = Double.random(in: -170...160, using: &random), south = Double.random(in: -70...60, using: &random)
            let box = try BBox(
                west: west, south: south, east: west + Double.random(in: 0.5...10, using: &random),
                north: south + Double.random(in: 0.5...10, using: &random))
            let raw = LambertConformalConic(fitting: box)
            let page = PageProjection(raw: raw, fitting: box, into: Rect(x: 0, y: 0, width: 1920, height: 1080))
            for _ in 0..<20 {
                let p = try LonLat(
                    lon: Double.random(in: box.west...box.east, using: &random),
                    lat: Double.random(in: box.south...box.north, using: &random))
                let xy = raw.forward(lon: p.lon, lat: p.lat)
                let back = raw.inverse(x: xy.x, y: xy.y)
                #expect(abs(back.lon - p.lon) < 1e-9 && abs(back.lat - p.lat) < 1e-9, "\(p) → \(back)")
                let again = page.unproject(page.project(p))
                #expect(abs(again.lon - p.lon) < 1e-9 && abs(again.lat - p.lat) < 1e-9, "\(p) → page → \(again)")
            }
        }
    }
}
