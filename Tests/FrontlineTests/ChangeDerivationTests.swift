import Foundation
import Testing

@testable import Atlas
import Cartography
import GeoCore
@testable import MapData
import MapRender

/// Issue 22: a frame's geometry follows what changed. These check that each shortcut gives what the
/// whole computation gives: the rest of home's change, held areas carried from the snapshot before,
/// and the overlay box by box.
@Suite("Change and areas from what differs")
struct ChangeDerivationTests {
    /// CoastalFront made one-sided (blue holds the rest of West), red's front pushed west a little each day.
    static func oneSided(days: Int) throws -> (TempDir, Dataset) {
        let dir = try TempDir()
        try CoastalFront.write(to: dir.url)
        let manifest = dir.url.appendingPathComponent("dataset.json")
        let text = try String(contentsOf: manifest, encoding: .utf8).replacingOccurrences(
            of: "\"home\": \"West\"}", with: "\"home\": \"West\", \"holdsRestOfHome\": true}")
        try Data(text.utf8).write(to: manifest)
        try CoastalFront.writeMovingDays(to: dir.url, days: days)
        return (dir, try GeoJSONFolder(dir.path(".")).dataset())
    }

    @Test("One-sided data: the rest of home's change is the other side's reversed, and the whole overlay's to a square metre")
    func restOfHomeChange() throws {
        let (_, dataset) = try Self.oneSided(days: 4)
        let engine = GeometryEngine()
        let dates = dataset.timeline.dates
        #expect(dates.count == 4)
        for (d1, d2) in zip(dates, dates.dropFirst()) {
            let a = try #require(try dataset.timeline.state(on: d1)), b = try #require(try dataset.timeline.state(on: d2))
            #expect(ControlChange.restOfHomeOther(of: "blue", sides: ["blue", "red"], a, b) == "red")
            let c = try ControlChange.between(
                d1, d2, timeline: dataset.timeline, sides: ["blue", "red"], gazetteer: dataset.gazetteer, engine: engine)
            let blue = try #require(c.sides.first { $0.side == "blue" })
            let was = try engine.unaryUnion(MultiPolygon(try a.areas(side: "blue").polygons()))
            let now = try engine.unaryUnion(MultiPolygon(try b.areas(side: "blue").polygons()))
            for (derived, whole) in [(blue.gained, try engine.difference(now, was)), (blue.lost, try engine.difference(was, now))] {
                let apart = try engine.difference(derived, whole).areaKm2 + engine.difference(whole, derived).areaKm2
                #expect(apart < 1e-6, "blue \(d1)→\(d2): derived and whole differ by \(apart) km²")
            }
            #expect(blue.lostKm2 > 1, "red's front moves west into blue's ground: \(blue.lostKm2) km²")
            #expect(abs(blue.lostKm2 - (c.sides.first { $0.side == "red" }?.gainedKm2 ?? 0)) < 1e-9)
        }
    }

    @Test("Held ground carried from the snapshot before and the change equals its own geodesic measure")
    func derivedHeldArea() throws {
        let (_, dataset) = try Self.oneSided(days: 6)
        let c = try SequenceContext(
            dataset: dataset, theme: .standard, layout: Layout(width: 960, height: 540), measurer: PangoTextMeasurer())
        for (k, day) in dataset.timeline.dates.enumerated() {
            _ = try c.scene(on: day)
            let s = try #require(try dataset.timeline.state(on: day))
            let measured = try s.areas(side: "red").areaKm2()
            let shown = try c.acrossKm2(s).filter { $0.side == "red" }.reduce(0) { $0 + $1.km2 }
            #expect(abs(shown - measured) < 1e-6, "\(day): \(shown) km² shown, \(measured) measured")
            if k > 0 { #expect(try c.derivedAcrossKm2(s)["red"] != nil, "\(day): not carried from the day before") }
        }
    }

    @Test("Box by box on the bench fixture's 28,000-vertex front: gains and losses are the whole overlay's")
    func benchFixtureBoxes() throws {
        let dataset = try GeoJSONFolder(KurskData.repoRoot.appendingPathComponent("bench/fixture").path).dataset()
        let engine = GeometryEngine()
        let dates = Array(dataset.timeline.dates.prefix(3))
        for (d1, d2) in zip(dates, dates.dropFirst()) {
            let a = try #require(try dataset.timeline.state(on: d1)), b = try #require(try dataset.timeline.state(on: d2))
            let c = try ControlChange.between(
                d1, d2, timeline: dataset.timeline, sides: ["ukraine", "russia"], gazetteer: dataset.gazetteer, engine: engine)
            for s in c.sides {
                let was = try engine.unaryUnion(MultiPolygon(try a.areas(side: s.side).polygons()))
                let now = try engine.unaryUnion(MultiPolygon(try b.areas(side: s.side).polygons()))
                for (boxed, whole) in [(s.gained, try engine.difference(now, was)), (s.lost, try engine.difference(was, now))] {
                    let apart = try engine.difference(boxed, whole).areaKm2 + engine.difference(whole, boxed).areaKm2
                    #expect(apart < 1e-6, "\(s.side) \(d1)→\(d2): box by box and whole differ by \(apart) km²")
                }
            }
        }
    }
}
