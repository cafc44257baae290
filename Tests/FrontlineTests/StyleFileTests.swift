import Foundation
import GeoCore
import Testing
import Atlas
import Cartography
import MapData
import MapRender

/// Style files override parts of a theme; their errors name the key and its line.
@Suite("Style files")
struct StyleFileTests {
    func apply(_ text: String, to base: Theme = .standard) throws -> Theme {
        try StyleFile.apply(Array(text.utf8), file: "style.json", to: base)
    }

    func error(_ text: String) -> String? {
        do { _ = try StyleFile.apply(Array(text.utf8), file: "style.json", to: .standard); return nil } catch { return error.description }
    }

    @Test("Colours, strokes, sides, sizes, fonts and layers are overridden; the rest is the base theme's")
    func overrides() throws {
        let t = try apply(
            """
            {
              "river": "#112233",
              "halo": "#FFFFFF80",
              "frontLine": {"color": "#000000", "width": 3.5, "dash": [4, 2]},
              "sides": {"ukraine": {"fill": "#0000FF"}},
              "territoryTint": {"Russia": "#EEEEEE"},
              "fontFamily": "DejaVu Serif",
              "labelScale": 1.25,
              "layers": {"rivers": false, "inset": false}
            }
            """, to: .dark)
        #expect(t.river == Color(hex: 0x112233))
        #expect(abs(t.halo.a - 128.0 / 255) < 1e-9)
        #expect(t.frontLine == Stroke(.black, width: 3.5, dash: [4, 2]))
        #expect(t.sides["ukraine"]?.fill == Color(hex: 0x0000FF))
        #expect(t.sides["ukraine"]?.line == Theme.dark.sides["ukraine"]?.line)
        #expect(t.territoryTint["Russia"] == Color(hex: 0xEEEEEE))
        #expect(t.fontFamily == "DejaVu Serif" && t.labelScale == 1.25)
        #expect(!t.layers[.rivers] && !t.layers[.inset] && t.layers[.labels])
        #expect(t.background == Theme.dark.background)
    }

    @Test("Errors name the file, the line and the key")
    func errors() {
        #expect(
            error("{\n  \"river\": \"#123456\",\n  \"colours\": {}\n}")
                == "style.json: line 3: key \"colours\": unknown key; expected one of: "
                + StyleFile.keys.joined(separator: ", "))
        #expect(
            error("{\n  \"frontLine\": {\n    \"width\": \"wide\"\n  }\n}")
                == "style.json: line 3: key \"frontLine.width\": expected a number, not a string")
        #expect(
            error("{\n \"layers\": {\"rivers\": 1}\n}") == "style.json: line 2: key \"layers.rivers\": expected true or false, not a number"
        )
        #expect(
            error("{\n\n \"land\": \"green\"\n}")
                == "style.json: line 3: key \"land\": expected a colour \"#RRGGBB\" or \"#RRGGBBAA\", not \"green\"")
        #expect(error("{\n \"border\": {\"dash\": [3, -1]}\n}") == "style.json: line 2: key \"border.dash.1\": -1.0 is outside 0.1…200.0")
        #expect(error("{\"river\": \"#123456\",\n") == "style.json: line 2, column 1: malformed JSON: expected a quoted key")
        #expect(error("[1]") == "style.json: a style file must be a JSON object, not an array")
    }

    @Test("A layer switched off is not drawn, and labels no longer avoid it")
    func layersOff() throws {
        let dataset = try KurskData.loaded.get()
        let theme = try apply(#"{"layers": {"rivers": false, "inset": false, "labels": false}}"#)
        let context = try SequenceContext(
            dataset: dataset, theme: theme, layout: Layout(width: 960, height: 540), measurer: try PangoTextMeasurer())
        let scene = try context.scene(on: try Day(parsing: "2024-09-01"))
        func group(_ id: String, _ items: [SceneItem]) -> [SceneItem]? {
            for case .group(let gid, _, let inner) in items {
                if gid == id { return inner }
                if let g = group(id, inner) { return g }
            }
            return nil
        }
        // A layer switched off leaves the list: no group, not even an empty one.
        #expect(group("rivers", scene.items) == nil)
        #expect(group("inset", scene.items) == nil)
        #expect(group("labels", scene.items) == nil)
        #expect(group("settlements", scene.items)?.isEmpty == false)
    }
}
