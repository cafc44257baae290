import Foundation
import Testing

@testable import Atlas
import Cartography
import GeoCore
import MapData
import MapRender

/// Issue 15: a data source owns its reads (nothing in a frame reads input), layers are a list of
/// values with one switch each, and static groups come from the layers.
@Suite("Data sources and layers")
struct ArchitectureTests {
    private func context(_ dataset: Dataset, theme: Theme = .standard) throws -> SequenceContext {
        try SequenceContext(dataset: dataset, theme: theme, layout: Layout(width: 960, height: 540), measurer: PangoTextMeasurer())
    }

    @Test("A one-date load reads the two snapshots it draws; the frame is then composed with every read refused")
    func noReadWhileComposing() throws {
        let files = try WatchedFolder(KurskData.folder)
        let source = GeoJSONFolder(name: "GeoData", files: files)
        let day = try Day(parsing: "2024-09-01")
        let dataset = try source.dataset(.around([day]))
        files.seal()
        let read = files.reads.filter { $0.hasPrefix("control/") && $0.hasSuffix(".geojson") }
        #expect(read == ["control/2024-08-01.geojson", "control/2024-09-01.geojson"], "\(read)")
        let scene = try context(dataset).scene(on: day)
        #expect(scene.description.contains("hold about"), "\(scene.description)")
        // The sealed folder really refuses: the data source's own next read fails, naming the file.
        #expect(throws: DataError.self) { try source.settlements() }
    }

    @Test("A date whose snapshot was not loaded is an error that says so, never a read")
    func missingSnapshot() throws {
        let files = try WatchedFolder(KurskData.folder)
        let dataset = try GeoJSONFolder(name: "GeoData", files: files).dataset(.around([try Day(parsing: "2024-09-15")]))
        files.seal()
        let frame = try context(dataset).frame(on: Day(parsing: "2024-09-15"))
        #expect(frame.facts.snapshotDate == (try Day(parsing: "2024-09-01")))
        let other = try context(dataset)
        do {
            _ = try other.scene(on: Day(parsing: "2025-03-01"))
            Issue.record("a snapshot that was not loaded must not be drawn")
        } catch let e as DataError {
            #expect(e.message.contains("was not loaded"), "\(e)")
        }
    }

    @Test("Errors and warnings name the file under the folder as the user gave it")
    func sourceErrorsNameTheirFile() throws {
        let dir = try TempDir()
        try FileManager.default.copyItem(at: KurskData.folder, to: dir.url.appendingPathComponent("data"))
        try Data("{\"type\": \"FeatureCollection\", \"features\": [".utf8).write(
            to: dir.url.appendingPathComponent("data/events.geojson"))
        let source = try GeoJSONFolder(dir.path("data"))
        let day = try Day(parsing: "2024-09-01")
        do {
            _ = try source.dataset(.around([day]))
            Issue.record("a broken events file must fail the load")
        } catch {
            #expect(error.file == dir.path("data") + "/events.geojson", "\(error)")
        }
    }

    /// A layer a test adds: a box in the map's corner, static in a sequence.
    struct CornerMark: MapLayer {
        var id: LayerID? { nil }
        func staticGroups(in context: SequenceContext) -> [String] { ["corner-mark"] }
        func draw(_ frame: inout FrameDraft, in context: SequenceContext) throws {
            let r = context.layout.map
            frame.map.append(
                .group(
                    id: "corner-mark", clip: nil,
                    items: [
                        .rect(
                            Rect(x: r.x + 10, y: r.y + 10, width: 20, height: 20), fill: Fill(Color(hex: 0xFF00FF)), stroke: nil,
                            cornerRadius: 0)
                    ]))
            frame.legend.append(LegendEntry(swatch: .area(Fill(Color(hex: 0xFF00FF)), nil), label: "Corner mark"))
        }
    }

    @Test("A layer added with one line appears in the scene, in its place, with its legend entry and static group")
    func toyLayer() throws {
        let c = try context(try KurskData.loaded.get())
        let k = try #require(c.layers.firstIndex { $0 is BorderLayer })
        c.layers.insert(CornerMark(), at: k)
        let scene = try c.scene(on: Day(parsing: "2024-09-01"))
        let ids = Self.groupIDs(scene.items)
        let mark = try #require(ids.firstIndex(of: "corner-mark"))
        #expect(ids[mark + 1] == "border", "drawn just before the border: \(ids)")
        #expect(scene.staticGroups.contains("corner-mark"))
        #expect(Self.texts(scene.items).contains("Corner mark"))
    }

    @Test("One switch per layer: off in a style, the layer leaves the list, its group, its static group and its legend entry")
    func oneSwitch() throws {
        let theme = try StyleFile.apply(Array(#"{"layers": {"inset": false, "rivers": false}}"#.utf8), file: "s.json", to: .standard)
        let c = try context(try KurskData.loaded.get(), theme: theme)
        #expect(!c.layers.contains { $0 is InsetLayer } && !c.layers.contains { $0 is RiversLayer })
        let scene = try c.scene(on: Day(parsing: "2024-09-01"))
        let ids = Self.groupIDs(scene.items)
        #expect(!ids.contains("inset") && !ids.contains("rivers") && ids.contains("border"))
        #expect(!scene.staticGroups.contains("inset") && scene.staticGroups.contains("basemap"))
        #expect(!Self.texts(scene.items).contains("River"))
        let full = try context(try KurskData.loaded.get()).scene(on: Day(parsing: "2024-09-01"))
        #expect(Self.texts(full.items).contains("River") && full.staticGroups.contains("inset"))
    }

    @Test("Facts are computed only for layers that draw them: no change, front or areas on the bench frame")
    func needsFollowTheLayers() throws {
        let dataset = try KurskData.loaded.get()
        let bench = try context(dataset, theme: Theme.standard.with(layers: .bench))
        #expect(bench.needs.isEmpty)
        let facts = try bench.facts(on: Day(parsing: "2024-09-01"))
        #expect(facts.since == nil && facts.heldAcrossKm2.isEmpty)
        let full = try context(dataset)
        #expect(full.needs == [.change, .frontLine, .heldAreas])
        #expect(try full.facts(on: Day(parsing: "2024-09-01")).since == (try Day(parsing: "2024-08-01")))
    }

    static func groupIDs(_ items: [SceneItem]) -> [String] {
        items.flatMap { item -> [String] in
            if case .group(let id, _, let children) = item { return [id] + groupIDs(children) }
            return []
        }
    }

    static func texts(_ items: [SceneItem]) -> [String] {
        items.flatMap { item -> [String] in
            switch item {
            case .text(let t): return [t.text]
            case .group(_, _, let children): return texts(children)
            default: return []
            }
        }
    }
}
