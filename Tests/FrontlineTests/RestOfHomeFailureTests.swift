import Foundation
import Testing

import GeoCore
@testable import MapData

/// The rest of a home is made when first read (`RestOfHome`). When GEOS cannot make it, every reader
/// gets an error that says what failed; none goes on with the home's ground missing (it used to be
/// made empty, so statistics counted a home holding nothing).
@Suite("Rest of home made on first use, and GEOS failing to make it")
struct RestOfHomeFailureTests {
    /// The one-sided coastal front, its rest of home made again from a home that crosses itself (a
    /// bow tie over the same box): GEOS refuses the difference, with the areas as given and made valid.
    static func brokenHome() throws -> Dataset {
        let (_, loaded) = try ChangeDerivationTests.oneSided(days: 2)
        let home = try #require(loaded.territories.territories.first { $0.name == "West" })
        let b = try #require(home.geometry.bounds)
        let bowTie = try Ring([
            LonLat(lon: b.west, lat: b.south), LonLat(lon: b.east, lat: b.north), LonLat(lon: b.east, lat: b.south),
            LonLat(lon: b.west, lat: b.north), LonLat(lon: b.west, lat: b.south),
        ])
        let territories = TerritoryLayer(
            loaded.territories.territories.map { t in
                (name: t.name, geometry: t.name == "West" ? MultiPolygon([Polygon(outer: bowTie)]) : t.geometry)
            })
        // The files' own areas, without the rest made from the good home at load.
        let given = try loaded.timeline.snapshots().map { s in
            ControlSnapshot(date: s.date, areas: s.areas.filter { $0.source.name != RestOfHome.source.name })
        }
        let completed = try RestOfHome(manifest: loaded.manifest, territories: territories).completing(given, in: "coastal")
        return Dataset(
            manifest: loaded.manifest, timeline: try Timeline(completed), gazetteer: loaded.gazetteer, events: loaded.events,
            border: loaded.border, rivers: loaded.rivers, territories: territories, references: loaded.references)
    }

    @Test("Reading the rest throws an error naming the file, the side, the date and GEOS's reason")
    func readingThrows() throws {
        let dataset = try Self.brokenHome()
        let first = try #require(try dataset.timeline.snapshots().first)
        let rest = try #require(first.areas.first { $0.source.name == RestOfHome.source.name })
        #expect(rest.side == "blue")
        let error = try #require(throws: DataError.self) { try rest.geometry }
        #expect(error.file == "coastal/dataset.json")
        #expect(error.place == "holdsRestOfHome: side blue on \(first.date)")
        #expect(error.message.contains("the rest of West"))
        #expect(error.message.contains("GEOS failed with the areas as given ("))
        #expect(error.message.contains("and made valid ("))
        // Read again, the same error: the failure is kept, not retried into a different answer.
        #expect(throws: error) { try rest.geometry }
        // Whether it holds a place is answered without making it, as before.
        #expect(!rest.contains(try LonLat(lon: 179, lat: 89)))
    }

    @Test("Statistics and validation stop on it or report it; nothing counts the home as empty")
    func readersSeeIt() throws {
        let dataset = try Self.brokenHome()
        let error = try #require(throws: DataError.self) { try DateStatistics.table(dataset) }
        #expect(error.message.contains("could not be made"))
        let problems = DatasetValidator().problems(in: dataset, engine: GeometryEngine())
        #expect(problems.contains { $0.contains("holdsRestOfHome: side blue") && $0.contains("could not be made") })
    }

    @Test("Loading and its consistency check leave every rest unmade; reading one makes only that one")
    func loadingLeavesItUnmade() throws {
        let (_, dataset) = try ChangeDerivationTests.oneSided(days: 3)
        try dataset.checkConsistency()
        let rests = try dataset.timeline.snapshots().flatMap { $0.areas.filter { $0.source.name == RestOfHome.source.name } }
        #expect(rests.count == 3)
        #expect(rests.allSatisfy { !$0.isMade })
        #expect(try rests[0].geometry.areaKm2 > 0)
        #expect(rests.map(\.isMade) == [true, false, false])
    }
}
