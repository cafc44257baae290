import Foundation
import Testing
import GeoCore
import MapData

/// The committed data folder, found from this file: Tests/FrontlineTests/ → repo root → GeoData/.
enum KurskData {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = repoRoot.appendingPathComponent("GeoData")

    /// Decoded once and shared by every test (a static let is initialised once, thread-safely). The
    /// folder is sealed once loaded: every test that draws from this data set would fail on a read.
    static let loaded: Result<Dataset, any Error> = Result {
        let files = try WatchedFolder(folder)
        let dataset = try GeoJSONFolder(name: folder.path, files: files).dataset(.all)
        files.seal()
        return dataset
    }

    static let seedNames: Set<String> = [
        "000_426f5929d4176634.txt", "001_4e1665d1f6269030.txt", "002_efa48e369320403d.txt",
        "003_d687fe27b1e49cff.txt", "004_6c42eab1ee00e991.txt",
    ]
}

@Suite("KurskData")
struct KurskDataTests {
    private func dataset() throws -> Dataset { try KurskData.loaded.get() }

    /// km² held by Ukrainian forces inside Russia in the snapshot in force on `date`.
    private func ukrainianHeldInRussia(on date: String) throws -> Double {
        let d = try dataset()
        let snapshot = try #require(try d.timeline.state(on: try Day(parsing: date)), "no snapshot on or before \(date)")
        return try snapshot.areas(side: "ukraine", territory: "Russia").areaKm2()
    }

    @Test(
        "Ukrainian-held ground in Russia matches the reported figures (±3%)",
        arguments: [
            ("2024-09-01", 957.0), ("2025-01-01", 546.0), ("2025-03-01", 506.0),
        ])
    func heldArea(_ date: String, _ expectedKm2: Double) throws {
        let area = try ukrainianHeldInRussia(on: date)
        #expect(abs(area - expectedKm2) / expectedKm2 < 0.03, "\(date): \(area) km², expected \(expectedKm2) ±3%")
    }

    @Test("by 2025-04-01 under 100 km² remain")
    func heldAreaApril() throws {
        let area = try ukrainianHeldInRussia(on: "2025-04-01")
        #expect(area < 100, "\(area) km²")
        #expect(area >= 0)
    }

    @Test("reported dates include every snapshot date and every event date, in order")
    func reportedDates() throws {
        let d = try dataset()
        let reported = d.reportedDates
        #expect(!d.events.isEmpty)
        #expect(d.timeline.dates.count >= 12)
        let set = Set(reported)
        for date in d.timeline.dates { #expect(set.contains(date), "snapshot \(date)") }
        for e in d.events { #expect(set.contains(e.date), "event \(e.id) on \(e.date)") }
        #expect(reported == reported.sorted())
        #expect(set.count == reported.count, "no duplicates")
        #expect(set.contains(try Day(parsing: "2025-01-05")))
    }

    @Test("every event names its publication and one of the five seed files")
    func eventSources() throws {
        let d = try dataset()
        for e in d.events {
            #expect(!e.source.publication.trimmingCharacters(in: .whitespaces).isEmpty, "\(e.id)")
            let seed = e.source.seed ?? "(none)"
            #expect(KurskData.seedNames.contains(seed), "\(e.id): seed \(seed)")
        }
        // Every seed file contributes at least one event.
        #expect(Set(d.events.compactMap(\.source.seed)) == KurskData.seedNames)
    }

    @Test("DatasetValidator finds no problems in the committed data")
    func validatorClean() throws {
        let problems = DatasetValidator().problems(in: try dataset(), engine: GeometryEngine())
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test("approximate settlements exist and each has a location in the region")
    func approximateSettlements() throws {
        let d = try dataset()
        let approximate = d.gazetteer.settlements.filter(\.isApproximate)
        #expect(!approximate.isEmpty)
        for s in approximate {
            let location = try #require(s.location, "\(s.name) is approximate but has no location")
            #expect(d.manifest.region.contains(location), "\(s.name) at \(location)")
        }
        #expect(d.gazetteer.resolve("Коренево")?.name == "Korenevo")
    }
}

@Suite("Change between snapshots")
struct ChangeTests {
    /// For consecutive snapshot dates, held(D2) − held(D1) = gained − lost within 0.5%, per side.
    @Test func netChangeEqualsGainedMinusLost() throws {
        let dataset = try KurskData.loaded.get()
        let engine = GeometryEngine()
        let dates = dataset.timeline.dates
        var checked = 0
        for (d1, d2) in zip(dates, dates.dropFirst()) {
            let c = try ControlChange.between(
                d1, d2, timeline: dataset.timeline, sides: ["ukraine", "russia"],
                gazetteer: dataset.gazetteer, engine: engine)
            for s in c.sides {
                let net = try s.heldAfterKm2 - s.heldBeforeKm2
                let moved = s.gainedKm2 - s.lostKm2
                let scale = max(1, s.gainedKm2 + s.lostKm2)
                #expect(abs(net - moved) <= 0.005 * scale, "\(s.side) \(d1)→\(d2): net \(net), gained−lost \(moved)")
                checked += 1
            }
        }
        #expect(checked == 2 * (dates.count - 1))
    }

    /// The incursion month: Ukraine gains what Russia loses, and Sudzha changes hands.
    @Test func augustToSeptember() throws {
        let dataset = try KurskData.loaded.get()
        let c = try ControlChange.between(
            try Day(parsing: "2024-08-01"), try Day(parsing: "2024-09-01"), timeline: dataset.timeline,
            sides: ["ukraine", "russia"], gazetteer: dataset.gazetteer, engine: GeometryEngine())
        let ua = try #require(c.sides.first { $0.side == "ukraine" })
        let ru = try #require(c.sides.first { $0.side == "russia" })
        #expect(abs(ua.gainedKm2 - 957) / 957 < 0.03)
        #expect(abs(ua.gainedKm2 - ru.lostKm2) < 0.5)
        #expect(c.settlements.contains { $0.settlement.name == "Sudzha" && $0.to == "ukraine" })
    }
}

@Suite("Statistics table")
struct StatisticsTests {
    @Test func rowsPerReportedDateAndChangesAddUp() throws {
        let d = try KurskData.loaded.get()
        let rows = try DateStatistics.table(d)
        #expect(rows.map(\.date) == d.reportedDates)
        let ua = rows.compactMap { $0.sides.first { $0.side == "ukraine" } }
        let total = ua.compactMap(\.changeKm2).reduce(0, +)
        let first = try #require(ua.first), last = try #require(ua.last)
        #expect(abs(total - (last.acrossBorderKm2 - first.acrossBorderKm2)) < 1e-6)
        let sept = try #require(rows.first { $0.date.description == "2024-09-01" }?.sides.first { $0.side == "ukraine" })
        #expect(abs(sept.acrossBorderKm2 - 957) / 957 < 0.03)
        #expect(sept.settlementsHeld > 10)
    }
}
