import Foundation
import Testing
import GeoCore
@testable import MapData

private func day(_ text: String) throws -> Day { try Day(parsing: text) }

/// The error a throwing call raised, as a DataError; records an issue when it did not throw one.
private func dataError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> DataError? {
    do {
        try body()
        Issue.record("expected a DataError, but nothing was thrown", sourceLocation: sourceLocation)
    } catch let e as DataError {
        return e
    } catch {
        Issue.record("expected a DataError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

private func fixture(_ name: String) throws -> [UInt8] {
    let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil), "Fixtures folder is not in the test bundle")
    return [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
}

@Suite("MapData")
struct MapDataTests {

    // MARK: Day

    @Test("Day(parsing:) accepts a leap day and rejects impossible or loose dates")
    func dayParsing() throws {
        let leap = try day("2024-02-29")
        #expect(leap.year == 2024 && leap.month == 2 && leap.day == 29)
        #expect(leap.description == "2024-02-29")
        for bad in ["2023-02-29", "2024-13-01", "2024-9-1", "yesterday", "2024-09-01 ", "2024-00-10"] {
            #expect(throws: DayError.self, "'\(bad)' must be rejected") { try Day(parsing: bad) }
        }
        var message = ""
        do { _ = try Day(parsing: "2024-9-1") } catch { message = error.message }
        #expect(message.contains("2024-9-1"), "the error repeats the input: \(message)")
    }

    @Test(
        "ordinals round-trip and adding(days:) crosses months and years",
        arguments: [
            "1970-01-01", "2000-02-29", "2024-02-29", "2024-08-06", "2024-12-31", "2025-03-01", "1900-03-01",
        ])
    func ordinalRoundTrip(_ text: String) throws {
        let d = try day(text)
        #expect(Day(ordinal: d.ordinal) == d)
        #expect(d.adding(days: 1).adding(days: -1) == d)
        #expect(d.adding(days: 1) > d)
    }

    @Test("adding(days:) crosses month, year and leap-day boundaries")
    func addingDays() throws {
        #expect(try day("1970-01-01").ordinal == 0)
        #expect(try day("2024-01-31").adding(days: 1) == day("2024-02-01"))
        #expect(try day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(try day("2023-02-28").adding(days: 1) == day("2023-03-01"))
        #expect(try day("2024-12-31").adding(days: 1) == day("2025-01-01"))
        #expect(try day("2025-01-01").adding(days: -1) == day("2024-12-31"))
        #expect(try day("2024-08-06").adding(days: 366) == day("2025-08-07"))
        #expect(try day("2025-01-01").ordinal - day("2024-01-01").ordinal == 366)
    }

    // MARK: JSON

    @Test("JSONParser errors say line and column (missing comma on line 3)")
    func jsonErrorPlace() throws {
        let text = "{\n  \"a\": 1,\n  \"b\": 2 \"c\": 3\n}\n"
        let e = dataError { _ = try JSONParser.parse(Array(text.utf8)) }
        #expect(e?.place == "line 3, column 10")
        #expect(e?.description.contains("line 3, column 10") == true)
        #expect(e?.message.contains("','") == true, "message: \(e?.message ?? "")")
    }

    @Test(
        "17-digit numbers parse exactly and round-trip through JSONWriter.formatNumber",
        arguments: ["35.32783114523167", "51.408060000000006", "0.10000000000000002", "-33.123456789012345"])
    func jsonNumbersExact(_ text: String) throws {
        let expected = try #require(Double(text))
        let parsed = try #require(try JSONParser.parse(Array("[\(text)]".utf8)).array?.first?.number)
        // Exactness is the point here: the tolerance is zero ULPs, so compare the bit patterns.
        #expect(parsed.bitPattern == expected.bitPattern)
        let written = JSONWriter.formatNumber(parsed)
        let reparsed = try #require(try JSONParser.parse(Array(written.utf8)).number)
        #expect(reparsed.bitPattern == expected.bitPattern, "\(text) → \(written)")
    }

    // MARK: GeoJSON errors

    /// A FeatureCollection whose feature 0 is fine and feature 1 has `geometry`.
    private func collection(feature1Geometry geometry: String) -> [UInt8] {
        let good = #"{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [35.1, 51.2]}}"#
        let bad = #"{"type": "Feature", "properties": {}, "geometry": \#(geometry)}"#
        return Array(#"{"type": "FeatureCollection", "features": [\#n\#(good),\#n\#(bad)\#n]}"#.utf8)
    }

    @Test("GeoJSONReader reads a good collection")
    func geoJSONGood() throws {
        let features = try GeoJSONReader.features(
            collection(feature1Geometry: #"{"type": "LineString", "coordinates": [[35, 51], [35.5, 51.5]]}"#),
            file: "ok.geojson")
        #expect(features.count == 2)
        #expect(features[1].index == 1)
        guard case .point(let p)? = features[0].geometry else { Issue.record("feature 0 is a point"); return }
        #expect(abs(p.lon - 35.1) < 1e-12 && abs(p.lat - 51.2) < 1e-12)
        #expect(features[1].geometry?.lines?.count == 1)
    }

    @Test("GeoJSONReader: malformed JSON names the file and the line")
    func geoJSONMalformed() throws {
        let text = "{\"type\": \"FeatureCollection\",\n \"features\": [\n {\"type\": \"Feature\" \"geometry\": null}]}"
        let e = dataError { _ = try GeoJSONReader.features(Array(text.utf8), file: "bad.geojson") }
        let d = e?.description ?? ""
        #expect(d.hasPrefix("bad.geojson: "), "\(d)")
        #expect(d.contains("line 3"), "\(d)")
    }

    @Test("GeoJSONReader: not a FeatureCollection names the file")
    func geoJSONNotCollection() throws {
        let text = #"{"type": "Feature", "properties": {}, "geometry": null}"#
        let d = dataError { _ = try GeoJSONReader.features(Array(text.utf8), file: "single.geojson") }?.description ?? ""
        #expect(d.contains("single.geojson"))
        #expect(d.contains("FeatureCollection"))
    }

    @Test(
        "GeoJSONReader: bad geometry in feature 1 names file, feature and what is wrong",
        arguments: [
            (#"{"type": "Circle", "coordinates": [35, 51]}"#, "Circle"),
            (#"{"type": "Point", "coordinates": [35, 95]}"#, "out of range"),
            (#"{"type": "Point", "coordinates": [35, "NaN"]}"#, "position"),
            (#"{"type": "Polygon", "coordinates": [[[35, 51], [35.5, 51], [35.5, 51.5], [35, 51.5]]]}"#, "ring 0"),
            (
                #"{"type": "MultiPolygon", "coordinates": [[[[35, 51], [35.5, 51], [35.5, 51.5], [35, 51]]], [[[34, 51], [34.5, 51], [34.5, 51.5], [34, 51.5]]]]}"#,
                "polygon 1, ring 0"
            ),
        ])
    func geoJSONBadGeometry(_ geometry: String, _ fact: String) throws {
        let e = dataError { _ = try GeoJSONReader.features(collection(feature1Geometry: geometry), file: "control/x.geojson") }
        let d = e?.description ?? ""
        #expect(e?.file == "control/x.geojson")
        #expect(d.contains("feature 1"), "\(d)")
        #expect(d.contains(fact), "\(d)")
    }

    @Test("GeoJSONReader: an unclosed ring says 'ring is not closed'")
    func geoJSONUnclosedMessage() throws {
        let geometry = #"{"type": "Polygon", "coordinates": [[[35, 51], [35.5, 51], [35.5, 51.5], [35, 51.5]]]}"#
        let d = dataError { _ = try GeoJSONReader.features(collection(feature1Geometry: geometry), file: "c.geojson") }?.description ?? ""
        #expect(d.hasPrefix("c.geojson: feature 1, ring 0: "), "\(d)")
        #expect(d.contains("not closed"), "\(d)")
    }

    // MARK: Timeline

    private func snapshot(_ date: String) throws -> ControlSnapshot { ControlSnapshot(date: try day(date), areas: []) }

    @Test("Timeline.state(on:) returns the latest snapshot on or before the day")
    func timelineState() throws {
        // Given out of order on purpose.
        let timeline = try Timeline([snapshot("2024-09-01"), snapshot("2024-08-01"), snapshot("2024-10-01")])
        #expect(timeline.dates == [try day("2024-08-01"), try day("2024-09-01"), try day("2024-10-01")])
        #expect(try timeline.state(on: try day("2024-07-31")) == nil)
        #expect(try timeline.state(on: try day("2020-01-01")) == nil)
        #expect(try timeline.state(on: try day("2024-08-01"))?.date == (try day("2024-08-01")))
        #expect(try timeline.state(on: try day("2024-08-31"))?.date == (try day("2024-08-01")))
        #expect(try timeline.state(on: try day("2024-09-01"))?.date == (try day("2024-09-01")))
        #expect(try timeline.state(on: try day("2024-10-01"))?.date == (try day("2024-10-01")))
        #expect(try timeline.state(on: try day("2030-01-01"))?.date == (try day("2024-10-01")))
        #expect(throws: DataError.self) { try Timeline([snapshot("2024-08-01"), snapshot("2024-08-01")]) }
    }

    // MARK: Gazetteer

    private func settlement(_ name: String, alt: [String] = [], ru: String? = nil, at lon: Double, _ lat: Double) throws -> Settlement {
        Settlement(
            name: name, altNames: alt, names: ru.map { ["ru": $0] } ?? [:], kind: "settlement", district: nil, population: nil,
            populationYear: nil, location: try LonLat(lon: lon, lat: lat), precision: .exact,
            source: "test", note: nil)
    }

    @Test("Gazetteer.resolve finds a settlement by alternative, lower-case and Cyrillic names")
    func gazetteerResolve() throws {
        let gazetteer = Gazetteer([
            try settlement("Sudzha", alt: ["Sudža"], ru: "Суджа", at: 35.27056, 51.19139),
            try settlement("Korenevo", alt: ["Korenovo", "Korenewo"], ru: "Коренево", at: 34.89806, 51.40806),
            try settlement("Malaya Loknya", ru: "Малая Локня", at: 35.1, 51.3),
        ])
        for name in ["Korenevo", "Korenovo", "Korenewo", "korenevo", "Коренево", " KORENEVO "] {
            #expect(gazetteer.resolve(name)?.name == "Korenevo", "'\(name)'")
        }
        #expect(gazetteer.resolve("Sudza")?.name == "Sudzha", "accents folded")
        #expect(gazetteer.resolve("malaya-loknya")?.name == "Malaya Loknya", "punctuation and spacing ignored")
        #expect(gazetteer.resolve("Kursk") == nil)
    }

    // MARK: CSV

    @Test("CSV.parse handles quoted commas, doubled quotes and embedded newlines, keeping line numbers")
    func csvQuoted() throws {
        let text = "name,note\n\"Sudzha, town\",\"He said \"\"taken\"\"\nnext line\"\nKorenevo,plain\n"
        let rows = try CSV.parse(text, file: "g.csv")
        #expect(rows.count == 3)
        #expect(rows.map(\.line) == [1, 2, 4])
        #expect(rows[1].fields == ["Sudzha, town", "He said \"taken\"\nnext line"])
        #expect(rows[2].fields == ["Korenevo", "plain"])
    }

    @Test("CSV.parse reports the line and column where an unterminated quote opens")
    func csvUnterminated() throws {
        let text = "a,b\n1,2\n3,\"oops\n4,5\n"
        let e = dataError { _ = try CSV.parse(text, file: "g.csv") }
        #expect(e?.file == "g.csv")
        #expect(e?.place == "line 3, column 3")
        #expect(e?.message.contains("unterminated") == true)
    }

    // MARK: gazetteer import

    @Test("GazetteerImport.precision reads the confidence column")
    func gazetteerPrecision() throws {
        #expect(GazetteerImport.precision("verified (en-wiki infobox)") == .exact)
        guard case .approximate(let km?) = GazetteerImport.precision("APPROXIMATE (±1.3 km at 68%, from the map)") else {
            Issue.record("expected approximate with an uncertainty"); return
        }
        #expect(abs(km - 1.3) < 1e-9)
        #expect(GazetteerImport.precision("medium – position from a district map") == .approximate(uncertaintyKm: nil))
        #expect(GazetteerImport.precision("NOT LOCATED (no coordinates found)") == .unlocated)
    }

    // MARK: KML

    @Test("KMLDocument.parse reads styles, a polygon with a hole and a MultiGeometry")
    func kmlParse() throws {
        let doc = try KMLDocument.parse(try fixture("tiny.kml"), file: "tiny.kml")
        #expect(doc.name == "Tiny control map")
        try #require(doc.placemarks.count == 2)
        let first = doc.placemarks[0], second = doc.placemarks[1]

        let style = try #require(doc.style(of: first))
        let fill = try #require(style.polyColor)
        #expect(abs(fill.r - 1) < 1e-9 && abs(fill.g) < 1e-9 && abs(fill.b) < 1e-9)
        #expect(abs(fill.a - 0x23 / 255.0) < 1e-9 && abs(fill.a - 0.137) < 1e-3)
        let line = try #require(style.lineColor)
        #expect(abs(line.r - 1) < 1e-9 && abs(line.a - 1) < 1e-9)
        #expect(abs((style.lineWidth ?? 0) - 2.5) < 1e-9)

        #expect(first.name == "Held with a hole")
        try #require(first.polygons.count == 1)
        let polygon = first.polygons[0]
        #expect(polygon.outer.points.count == 5)
        try #require(polygon.holes.count == 1)
        #expect(polygon.holes[0].points.count == 5, "the open inner ring is closed")
        #expect(polygon.holes[0].points.first == polygon.holes[0].points.last)
        #expect(!polygon.contains(try LonLat(lon: 35.15, lat: 51.15)))
        #expect(polygon.contains(try LonLat(lon: 35.3, lat: 51.25)))

        #expect(second.polygons.count == 2)
        #expect(second.lines.count == 1)
        #expect(second.index == 1)
        #expect(second.line > first.line)
    }

    @Test("KMLDocument.parse: a bad coordinate names the line and the placemark")
    func kmlBadCoordinate() throws {
        let text = """
            <kml><Document>
            <Placemark>
            <name>Bad</name>
            <Polygon><outerBoundaryIs><LinearRing>
            <coordinates>35.1;51.2 35.2,51.2 35.2,51.3 35.1,51.2</coordinates>
            </LinearRing></outerBoundaryIs></Polygon>
            </Placemark>
            </Document></kml>
            """
        let e = dataError { _ = try KMLDocument.parse(Array(text.utf8), file: "bad.kml") }
        let d = e?.description ?? ""
        #expect(e?.file == "bad.kml")
        #expect(d.contains("line 5"), "\(d)")
        #expect(d.contains("placemark 0"), "\(d)")
        #expect(d.contains("35.1;51.2"), "\(d)")
    }
}

@Suite("formatFixed")
struct FormatFixedTests {
    @Test func roundsAndTrims() {
        #expect(formatFixed(957.4, digits: 0) == "957")
        #expect(formatFixed(957.6, digits: 0) == "958")
        #expect(formatFixed(2.5, digits: 1) == "2.5")
        #expect(formatFixed(10, digits: 1) == "10")
        #expect(formatFixed(-1.25, digits: 1) == "-1.3" || formatFixed(-1.25, digits: 1) == "-1.2")
        #expect(formatFixed(-0.01, digits: 1) == "0")
        #expect(formatFixed(35.32783114523167, digits: 6) == "35.327831")
    }
}
