import Atlas
import Cartography
import GeoCore
import MapData
import Foundation
import FrontlineTestSupport
@testable import MapRender
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects, from an SVG document, the text of each `<text>` element (its tspans joined by spaces),
/// the ids of its groups, and the names of all elements.
private final class SVGReader: NSObject, XMLParserDelegate {
    var texts: [String] = []
    var tspanCounts: [Int] = []
    var groupIDs: [String] = []
    var elementNames: Set<String> = []
    var textAttributes: [[String: String]] = []
    private var current: [String]?

    static func read(_ bytes: [UInt8]) throws -> SVGReader {
        let reader = SVGReader()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = reader
        guard parser.parse() else { throw RenderError("XML error: \(String(describing: parser.parserError))") }
        return reader
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elementNames.insert(name)
        if name == "g", let id = attributes["id"], !id.hasPrefix("cairo") { groupIDs.append(id) }
        if name == "text" {
            current = []
            textAttributes.append(attributes)
        }
        if name == "tspan" { current?.append("") }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard var lines = current, !lines.isEmpty else { return }
        lines[lines.count - 1] += string
        current = lines
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard name == "text", let lines = current else { return }
        texts.append(lines.joined(separator: " "))
        tspanCounts.append(lines.count)
        current = nil
    }
}

@Suite("SVG text and layers")
struct SVGTextTests {
    private func scene(_ items: [SceneItem]) -> Scene {
        Scene(width: 300, height: 200, background: .white, items: items, title: "t", description: "d", date: testDay("2024-09-01"))
    }

    @Test("every text item becomes a <text> element holding its words; no glyph outlines")
    func textIsText() throws {
        let items: [SceneItem] = [
            .text(TextItem("Sudzha", at: Point(10, 10), anchor: TextAnchor(.start, .top), style: TextStyle(size: 14))),
            .text(
                TextItem(
                    "Суджа", at: Point(150, 50), anchor: TextAnchor(.middle, .middle),
                    style: TextStyle(size: 12, italic: true, halo: .white))),
            .text(TextItem("Kursk", at: Point(290, 90), anchor: TextAnchor(.end, .bottom), style: TextStyle(size: 16, weight: .bold))),
        ]
        let svg = try Renderer().render(scene(items), format: .svg)
        let reader = try SVGReader.read(svg)
        #expect(reader.texts == ["Sudzha", "Суджа", "Kursk"])
        #expect(!reader.elementNames.contains("symbol") && !reader.elementNames.contains("use"), "\(reader.elementNames)")
        let attributes = reader.textAttributes
        #expect(attributes[0]["font-family"] == "Noto Sans, Open Sans, Roboto, Segoe UI, Helvetica, Arial, DejaVu Sans, sans-serif")
        #expect(attributes[0]["text-anchor"] == nil)
        #expect(attributes[1]["text-anchor"] == "middle" && attributes[1]["font-style"] == "italic")
        #expect(attributes[1]["paint-order"] == "stroke" && attributes[1]["stroke"] == "#ffffff")
        #expect(attributes[2]["text-anchor"] == "end" && attributes[2]["font-weight"] == "bold")
    }

    @Test("wrapped text: one <tspan> per line Pango made, each at Pango's baseline")
    func wrappingMatchesPango() throws {
        let style = TextStyle(size: 12)
        let text = "Ukrainian forces hold about 957 km² across the border on this date"
        let layout = try TextLayout()
        layout.set(text, style: style, maxWidth: 120, alignment: .start)
        let lines = layout.lines()
        #expect(lines.count >= 4, "\(lines)")
        // Baselines step down by one line height.
        #expect(zip(lines, lines.dropFirst()).allSatisfy { $1.baseline - $0.baseline > 12 && $1.baseline - $0.baseline < 20 })
        let item = TextItem(text, at: Point(20, 20), anchor: TextAnchor(.start, .top), style: style, maxWidth: 120)
        let reader = try SVGReader.read(try Renderer().render(scene([.text(item)]), format: .svg))
        #expect(reader.tspanCounts == [lines.count])
        #expect(reader.texts == [text], "lines joined give the text back")
    }

    @Test("text from data is escaped: a settlement named <script> stays text")
    func hostileTextIsEscaped() throws {
        let hostile = "<script>alert(1)</script> & \"Ü\""
        let items: [SceneItem] = [
            .group(
                id: "labels", clip: nil,
                items: [.text(TextItem(hostile, at: Point(10, 10), anchor: TextAnchor(.start, .top), style: TextStyle(size: 12)))])
        ]
        let svg = try Renderer().render(scene(items), format: .svg)
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Ü&quot;"))
        #expect(!text.contains("<script"))
        let reader = try SVGReader.read(svg)
        #expect(reader.texts == [hostile])
        #expect(!reader.elementNames.contains("script"))
    }

    @Test("groups become <g> with valid, unique ids, nested as in the scene")
    func namedGroups() throws {
        let dot = SceneItem.marker(.circle, at: Point(50, 50), size: 10, fill: Fill(.black), stroke: nil)
        let items: [SceneItem] = [
            .group(
                id: "map", clip: Rect(x: 0, y: 0, width: 200, height: 200),
                items: [
                    .group(id: "control-ukraine", clip: nil, items: [dot]),
                    .group(id: "control-\"><x", clip: nil, items: [dot]),
                    .group(id: "control-ukraine", clip: nil, items: []),
                ]),
            .group(id: "9lives", clip: nil, items: [dot]),
        ]
        let svg = try Renderer().render(scene(items), format: .svg)
        let reader = try SVGReader.read(svg)
        #expect(reader.groupIDs == ["map", "control-ukraine", "control-___x", "control-ukraine-2", "g-9lives"])
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("<g id=\"map\" clip-path=\"url(#map-clip)\">"))
    }

    @Test(
        "SVG numbers: two decimals at most, no exponent, no negative zero",
        arguments: [
            (0.0, "0"), (2.0, "2"), (1.5, "1.5"), (12.345678, "12.35"), (-3.25, "-3.25"), (-0.001, "0"), (0.05, "0.05"),
            (1e-9, "0"), (123456.7, "123456.7"),
        ])
    func numbers(_ value: Double, _ text: String) {
        #expect(SVGFormat.number(value) == text)
    }

    @Test func colours() {
        #expect(SVGFormat.rgb(Color(hex: 0x2F74C0)) == "#2f74c0")
        #expect(SVGFormat.paint("fill", Color(hex: 0xFFFFFF, alpha: 0.9)) == " fill=\"#ffffff\" fill-opacity=\"0.9\"")
    }
}

@Suite("SVG of a Kursk map")
struct KurskSVGTests {
    /// Every text the scene draws in its labels group (settlement names, Latin and Cyrillic) is found as
    /// text in the SVG: what `grep` on the file finds.
    @Test("every drawn settlement label is <text> in the SVG")
    func everyLabelIsText() throws {
        let dataset = try KurskData.loaded.get()
        let context = try SequenceContext(
            dataset: dataset, theme: .standard, layout: Layout(width: 1920, height: 1080), measurer: PangoTextMeasurer())
        let scene = try context.scene(on: Day(parsing: "2024-09-01"))
        func labels(_ items: [SceneItem], inLabels: Bool) -> [String] {
            items.flatMap { item -> [String] in
                switch item {
                case .group(let id, _, let inner): return labels(inner, inLabels: inLabels || id == "labels")
                case .text(let t) where inLabels: return [t.text]
                default: return []
                }
            }
        }
        let names = labels(scene.items, inLabels: false)
        #expect(names.count >= 40, "\(names.count) labels")
        #expect(names.contains("Sudzha") && names.contains("Суджа"))
        let svg = String(decoding: try Renderer().render(scene, format: .svg), as: UTF8.self)
        let missing = names.filter { !svg.contains(">\(MarkupEscaping.escape($0))</tspan>") }
        #expect(missing.isEmpty, "labels not found as text: \(missing)")
    }
}
