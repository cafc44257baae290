import Foundation
import GeoCore
import Testing
@testable import Atlas
import Cartography
import MapData
import MapRender

/// The event list: ranked, not in file order; the same after events.geojson is shuffled; star
/// numbers that agree between the map, the panel and the report; public attribution only.
@Suite("Event panel")
struct EventPanelTests {
    static let day = "2024-08-15"

    /// The texts of the group `id` anywhere in `items`, in drawing order.
    static func texts(in items: [SceneItem], group id: String) -> [String]? {
        for item in items {
            guard case .group(let gid, _, let inner) = item else { continue }
            if gid == id { return inner.compactMap { if case .text(let t) = $0 { return t.text } else { return nil } } }
            if let found = texts(in: inner, group: id) { return found }
        }
        return nil
    }

    /// The panel's event lines (after their heading, before the credits) and the map's star badges.
    static func eventLines(_ scene: Scene, heading: String) throws -> (lines: [String], stars: Set<String>) {
        let panel = try #require(texts(in: scene.items, group: "panel"))
        let start = try #require(panel.firstIndex(of: heading), "no event heading in the panel")
        let stars = Set((texts(in: scene.items, group: "events") ?? []))
        return (Array(panel[(start + 1)..<(panel.count - 1)]), stars)
    }

    static func scene(_ dataset: Dataset, locale: MapLocale = .en) throws -> Scene {
        let c = try SequenceContext(
            dataset: dataset, theme: .standard, layout: Layout(width: 1920, height: 1080), measurer: PangoTextMeasurer())
        c.words = Words(locale)
        return try c.scene(on: try Day(parsing: day))
    }

    @Test("15 August 2024: the captures of Sudzha first, then the area claims with ISW's ~800 km² first; no internal notes")
    func headlineFirst() throws {
        let dataset = try KurskData.loaded.get()
        let (lines, stars) = try Self.eventLines(try Self.scene(dataset), heading: Words()(.eventsOnDate))
        #expect(lines.count >= 6)
        #expect(lines[0].hasPrefix("1. ") && lines[0].contains("taken Sudzha"), "\(lines[0])")
        #expect(lines[1].hasPrefix("1. ") && lines[1].contains("Sudzha"), "\(lines[1])")
        #expect(
            lines[2].contains("800 square kilometres") && lines[2].contains("[ISW, assessed; unnamed outlet, 15 Aug 2024]"), "\(lines[2])")
        #expect(lines[3...4].allSatisfy { $0.contains("square kilometres") })
        #expect(lines.last == "and 10 more in the report")
        for line in lines {
            #expect(!line.contains("English rewrite") && !line.contains("reworded copy") && !line.contains("in events.geojson"), "\(line)")
        }
        // The order is the ranking's: captures, then area figures, then the rest, each by verification.
        let events = EventRanking.ranked(dataset.events(on: try Day(parsing: Self.day)))
        let groups = events.map(EventRanking.group)
        #expect(groups == groups.sorted())
        #expect(events.prefix(lines.count - 1).map(\.summary) == lines.dropLast().map { Self.summary($0) })
        // Every star on the map has its entry in the panel, and every number in the panel is a star.
        let numbers = Set(lines.compactMap { $0.split(separator: ".").first.flatMap { Int($0) }.map(String.init) })
        #expect(!stars.isEmpty && numbers == stars, "panel \(numbers.sorted()) vs map \(stars.sorted())")
    }

    /// The summary of a panel line: without its number or bullet and its bracketed attribution.
    static func summary(_ line: String) -> String {
        var s = Substring(line)
        if let space = s.firstIndex(of: " "), s.hasPrefix("• ") || s.first?.isNumber == true { s = s[s.index(after: space)...] }
        if let open = s.lastIndex(of: "[") { s = s[..<open] }
        return s.trimmingCharacters(in: .whitespaces)
    }

    @Test("Shuffling events.geojson changes neither the panel nor the stars")
    func shuffledFileSameList() throws {
        let dir = try TempDir()
        let copy = dir.url.appendingPathComponent("data")
        try FileManager.default.copyItem(at: KurskData.folder, to: copy)
        let file = copy.appendingPathComponent("events.geojson")
        var root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var features = try #require(root["features"] as? [Any])
        var random = SeededRandom(seed: 20)
        features.shuffle(using: &random)
        root["features"] = features
        try JSONSerialization.data(withJSONObject: root).write(to: file)
        let shuffled = try GeoJSONFolder(copy.path).dataset()
        #expect(shuffled.events.map(\.id) != (try KurskData.loaded.get()).events.map(\.id), "the shuffle changed nothing")
        let heading = Words()(.eventsOnDate)
        let original = try Self.eventLines(try Self.scene(try KurskData.loaded.get()), heading: heading)
        let after = try Self.eventLines(try Self.scene(shuffled), heading: heading)
        #expect(after.lines == original.lines)
        #expect(after.stars == original.stars)
        // The whole panel (legend included) and the alt text too.
        let (a, b) = (try Self.scene(try KurskData.loaded.get()), try Self.scene(shuffled))
        #expect(Self.texts(in: a.items, group: "legend") == Self.texts(in: b.items, group: "legend"))
        #expect(a.description == b.description)
    }

    @Test("The report lists the day's events in the panel's order, with the map's star numbers and public attribution")
    func reportMatchesPanel() throws {
        let dataset = try KurskData.loaded.get()
        let day = try Day(parsing: Self.day)
        let (lines, _) = try Self.eventLines(try Self.scene(dataset), heading: Words()(.eventsOnDate))
        let report = HTMLReport(
            dataset: dataset, frames: [HTMLReport.Frame(day: day, mapFile: "m.svg", pngFile: nil, width: 1, height: 1, altText: "")],
            stats: [], chartFile: "c.svg", chartAlt: "", chartSize: (1, 1), dataFiles: [])
        let html = report.html()
        let items = html.components(separatedBy: "<li").dropFirst().filter { $0.contains("class=\"claim\"") }
        #expect(items.count == dataset.events(on: day).count)
        for (line, item) in zip(lines.dropLast(), items) {
            let number = line.split(separator: ".").first.flatMap { Int($0) }
            if let number {
                #expect(item.contains("★ \(number)</span>"), "\(line) vs \(item)")
            } else {
                #expect(!item.contains("★"), "\(line) vs \(item)")
            }
            #expect(item.contains(MarkupEscaping.escape(Self.summary(line))), "\(line) vs \(item)")
        }
        #expect(!html.contains("English rewrite") && !html.contains("reworded copy"))
    }
}
