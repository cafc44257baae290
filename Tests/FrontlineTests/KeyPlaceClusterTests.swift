import Foundation
import Testing

@testable import Atlas
import Cartography
import GeoCore
@testable import MapData
@testable import MapRender

/// The key-place rule on a front unlike Kursk (`CoastalFront`: a coast, a sea, one side's ground across
/// a border), with its settlements in dense clusters, several key places in each, and events on some.
@Suite("Key places in dense clusters")
struct KeyPlaceClusterTests {
    /// Writes `count` settlements per cluster around each centre (within ±0.2°, mixed ranks), the first
    /// `keys` of each named in `keyPlaces`, and an event on every third settlement.
    static func write(to root: URL, centres: [(Double, Double)], count: Int, keys: Int, seed: UInt64) throws -> [String] {
        try CoastalFront.write(to: root)
        var random = SeededRandom(seed: seed)
        var settlements: [String] = [], events: [String] = [], keyNames: [String] = []
        let kinds = ["village", "selo (village)", "town", "urban-type settlement", "city"]
        for (k, centre) in centres.enumerated() {
            for j in 0..<count {
                let lon = centre.0 + Double.random(in: -0.2...0.2, using: &random)
                let lat = centre.1 + Double.random(in: -0.2...0.2, using: &random)
                let name = "Place \(k)-\(j)"
                let kind = kinds[Int.random(in: 0..<kinds.count, using: &random)]
                if j < keys { keyNames.append(name) }
                settlements.append(
                    """
                    {"type": "Feature", "properties": {"name": "\(name)", "kind": "\(kind)", "population": \(Int.random(in: 100...200_000, using: &random)), "precision": "exact", "source": "generated"}, "geometry": {"type": "Point", "coordinates": [\(lon), \(lat)]}}
                    """)
                guard j % 3 == 0 else { continue }
                events.append(
                    """
                    {"type": "Feature", "id": "e-\(k)-\(j)", "properties": {"date": "2024-03-01", "kind": "attack", "actor": "red", "claimedBy": "publication", "status": "reported", "settlement": "\(name)", "summary": "Fighting at \(name).", "source": {"publication": "Generated", "headline": "Generated event", "published": "2024-03-02"}}, "geometry": {"type": "Point", "coordinates": [\(lon), \(lat)]}}
                    """)
            }
        }
        func collection(_ f: [String]) -> String { "{\"type\": \"FeatureCollection\", \"features\": [\(f.joined(separator: ", "))]}" }
        try Data(collection(settlements).utf8).write(to: root.appendingPathComponent("settlements.geojson"))
        try Data(collection(events).utf8).write(to: root.appendingPathComponent("events.geojson"))
        let manifest = root.appendingPathComponent("dataset.json")
        var text = try String(contentsOf: manifest, encoding: .utf8)
        let list = keyNames.map { "\"\($0)\"" }.joined(separator: ", ")
        text = text.replacingOccurrences(of: "\"title\":", with: "\"keyPlaces\": [\(list)], \"title\":")
        try Data(text.utf8).write(to: manifest)
        return keyNames
    }

    @Test(
        "Every key place named, nothing overlapping, every event numbered, at every layout",
        arguments: [(UInt64(1), 3), (UInt64(7), 4)])
    func clusters(_ seed: UInt64, _ keys: Int) throws {
        let dir = try TempDir()
        let keyNames = try Self.write(
            to: dir.url, centres: [(2.5, 2.2), (1.2, 3.0), (4.5, 2.0)], count: 14, keys: keys, seed: seed)
        let dataset = try GeoJSONFolder(dir.path(".")).dataset()
        let measurer = try PangoTextMeasurer()
        let day = try Day(parsing: "2024-03-01")
        var counts: [String] = []
        for rules in LayoutRules.all {
            let context = try SequenceContext(dataset: dataset, theme: .standard, layout: Layout(rules), measurer: measurer)
            #expect(context.keyPlaces == Set(keyNames))
            let scene = try context.scene(on: day)
            var labelled: Set<String> = []
            let found = PublishableLayoutTests.problems(scene, context, events: dataset.events(on: day), measurer, labelled: &labelled)
            #expect(found.isEmpty, "\(rules.name): \(found)")
            let located = Set(context.locatedSettlements().map(\.0.name))
            for name in keyNames where located.contains(name) { #expect(labelled.contains(name), "\(rules.name): \(name)") }
            counts.append("\(rules.name) \(labelled.count)")
            // Thinned, not emptied: on the screen page, beyond the key places, more of the clusters are named.
            if rules.name == "hd" { #expect(labelled.count > keyNames.count, "\(rules.name): \(labelled.count) names") }
        }
        print("Key places in clusters, seed \(seed): \(keyNames.count) key places; names per layout: \(counts.joined(separator: ", "))")
    }
}
