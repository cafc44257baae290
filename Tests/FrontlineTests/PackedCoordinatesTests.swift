import Foundation
@testable import GeoCore
@testable import MapData
import Testing

/// GeoJSON coordinates read straight into packed positions (issue 24): the same features and the
/// same errors as the generic tree gives, with 16 bytes a position and no copy on the way to a ring.
@Suite("Packed GeoJSON coordinates")
struct PackedCoordinatesTests {
    /// Both readings of `bytes`: the features (or the error) must be the same.
    static func expectSameReading(_ bytes: [UInt8], _ name: String, repair: Bool = false) {
        func read(_ packing: Bool) -> Result<[GeoFeature], DataError> {
            Result { () throws(DataError) in
                try GeoJSONReader.features(bytes, file: name, repair: repair ? GeometryRepair(strict: false) : nil, packing: packing)
            }
        }
        switch (read(true), read(false)) {
        case (.success(let a), .success(let b)):
            #expect(a.count == b.count, "\(name): feature count")
            for (x, y) in zip(a, b) {
                #expect(x.index == y.index && x.id == y.id && x.place == y.place, "\(name): \(x.place)")
                #expect(x.geometry == y.geometry, "\(name): \(x.place) geometry")
                #expect(x.properties == y.properties, "\(name): \(x.place) properties")
            }
        case (.failure(let a), .failure(let b)): #expect(a == b, "\(name): \(a) vs \(b)")
        case (let a, let b): Issue.record("\(name): packed \(a), generic \(b)")
        }
    }

    static func files(in dir: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".geojson") }.sorted().map { dir.appendingPathComponent($0) }
    }

    @Test("the bad-input corpus, the fuzz seeds and the Kursk data read the same packed and generic")
    func sameAsGeneric() throws {
        let root = KurskData.repoRoot
        let dirs = [
            "Tests/FrontlineTests/Fixtures/bad/control", "Tests/FrontlineTests/Fixtures/bad/events", "Fuzz/corpus/geojson",
            "GeoData/control", "GeoData", "GeoData/basemap",
        ]
        var count = 0
        for dir in dirs {
            for url in Self.files(in: root.appendingPathComponent(dir)) {
                let bytes = try [UInt8](Data(contentsOf: url))
                Self.expectSameReading(bytes, url.lastPathComponent)
                Self.expectSameReading(bytes, url.lastPathComponent, repair: true)
                count += 1
            }
        }
        #expect(count >= 40, "\(count) files")
    }

    @Test(
        "irregular coordinates take the generic path and read or fail as before",
        arguments: [
            "[[[30,50],[31,50],[31,51],[30,50]]]",  // regular: packed
            "[[[30,50,100],[31,50,1],[31,51,2],[30,50,3]]]",  // altitudes
            "[[[30,50],[31,50],[31,51],[30,50]], []]",  // an empty ring
            "[[[30,50],[31,50],[31,51],[30,50]], [[[30,50]]]]",  // mixed depths
            "[[[30,50],[31,50],[31,51],[200,50]]]",  // out of range
            "[[[30,50],[31,50],[31,\"51\"],[30,50]]]",  // a string
            "[[[30,50],[31,50],[31,51],[30,50]]",  // unbalanced
            "[[[30,50],[31,50],[31,51],[30,50]]]]",  // unbalanced the other way
            "[[[30,50],[31,50],[31,51] [30,50]]]",  // a missing comma
            "[[[30,50],[31,50],[31,51],[30,1e999]]]",  // a number out of range
            "[[30,50],[31,50],[31,51],[30,50]]",  // a LineString's depth under a Polygon
            "[[[[30,50],[31,50],[31,51],[30,50]]]]",  // a MultiPolygon's depth under a Polygon
            "[ [ [ 30 , 50 ] , [31,50] ,\n[31,51],[30,50] ] ]",  // spaces and a line break: packed
        ])
    func irregular(_ coordinates: String) {
        for type in ["Polygon", "MultiPolygon", "LineString", "MultiLineString", "Point"] {
            let text = """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":null,
                "geometry":{"type":"\(type)","coordinates":\(coordinates)}}]}
                """
            Self.expectSameReading(Array(text.utf8), "\(type) \(coordinates)")
        }
    }

    @Test("only a geometry's coordinates are packed, and packed values equal the generic tree")
    func packedOnlyUnderGeometry() throws {
        let text = """
            {"geometry":{"coordinates":[[1,2],[3,4]]},"coordinates":[[1,2],[3,4]],"properties":{"coordinates":[[1,2]]}}
            """
        let packed = try JSONParser.parse(Array(text.utf8), packingCoordinates: true)
        let generic = try JSONParser.parse(Array(text.utf8))
        guard case .positions(let p)? = packed["geometry"]?["coordinates"] else {
            Issue.record("geometry's coordinates not packed")
            return
        }
        #expect(p.depth == 1 && p.positionCount == 2)
        if case .positions? = packed["coordinates"] { Issue.record("a top-level \"coordinates\" was packed") }
        #expect(packed == generic)
        #expect(JSONWriter.write(packed) == JSONWriter.write(generic))
        #expect(packed["geometry"]?["coordinates"]?.array?.count == 2)
    }

    /// A Polygon feature of one ring of `n` positions (a circle of them), as GeoJSON.
    static func ring(_ n: Int) -> [UInt8] {
        var text = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"#
        text += #""geometry":{"type":"Polygon","coordinates":[["#
        for k in 0..<n - 1 {
            let t = 2 * Double.pi * Double(k) / Double(n - 1)
            text += "[\(30.6 + 0.25 * cos(t)),\(51 + 0.25 * sin(t))],"
        }
        text += "[\(30.6 + 0.25),51.0]]]}}]}"
        return Array(text.utf8)
    }

    @Test("memory a position: exactly 16 bytes of positions at n and 4n, none of it copied into the ring")
    func bytesPerPosition() throws {
        for n in [5_000, 20_000] {
            let root = try JSONParser.parse(Self.ring(n), packingCoordinates: true)
            let feature = try #require(root["features"]?.array?.first)
            guard case .positions(let p)? = feature["geometry"]?["coordinates"] else {
                Issue.record("not packed at n = \(n)")
                return
            }
            // Storage sized once from the text, not by doubling: capacity is the count.
            let bytes = p.leaves.reduce(0) { $0 + $1.capacity * MemoryLayout<LonLat>.stride }
            #expect(p.positionCount == n && bytes == 16 * n, "n = \(n): \(bytes) bytes for \(p.positionCount) positions")
            // The ring takes the packed array itself.
            let geometry = try GeoJSONReader.geometry(try #require(feature["geometry"]))
            guard case .polygon(let polygon) = geometry else {
                Issue.record("not a polygon")
                return
            }
            let packedBase = p.leaves[0].withUnsafeBufferPointer { $0.baseAddress }
            let ringBase = polygon.outer.points.withUnsafeBufferPointer { $0.baseAddress }
            #expect(packedBase == ringBase, "the ring's positions were copied")
        }
    }
}
