import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The small data set with hostile names (a settlement called `<script>alert(1)</script>`, markup in
/// the title, the event, its source and the credits): synthetic squares, not the Kursk data.
enum HostileFixture {
    static let folder = KurskData.repoRoot.appendingPathComponent("Tests/FrontlineTests/Fixtures/hostile-names")
    static let scriptName = "<script>alert(1)</script>"

    /// The names of the settlements with a position (those the map labels).
    static func locatedNames() throws -> [String] {
        let data = try Data(contentsOf: folder.appendingPathComponent("settlements.geojson"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let features = try #require(root["features"] as? [[String: Any]])
        return features.compactMap { f in
            guard f["geometry"] is [String: Any], let p = f["properties"] as? [String: Any] else { return nil }
            return p["name"] as? String
        }
    }
}

/// What XML-escaped text looks like in our SVG and HTML.
func escapedForMarkup(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        .replacingOccurrences(of: "'", with: "&#39;")
}

@Suite("SVG for embedding (commands)")
struct EmbeddingCommandTests {
    @Test("render SVG: every settlement label is a <tspan> of text, hostile names escaped, same bytes twice")
    func svgLabelsAreText() async throws {
        let tmp = try TempDir()
        for name in ["a.svg", "b.svg"] {
            let r = try await CLI.run([
                "render", "--date", "2024-09-01", "--data", HostileFixture.folder.path, "--out", tmp.path(name),
            ])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let a = try read(tmp.path("a.svg")), b = try read(tmp.path("b.svg"))
        #expect(a == b, "two SVG renders differ")
        let svg = String(decoding: a, as: UTF8.self)
        let names = try HostileFixture.locatedNames()
        #expect(names.count == 3)
        for name in names {
            #expect(svg.contains(">\(escapedForMarkup(name))</tspan>"), "label '\(name)' is not text in the SVG")
        }
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!svg.contains("<script"), "markup from the data reached the SVG")
        #expect(!svg.contains("<symbol"), "text drawn as glyph outlines")
        for layer in [
            "map", "control-ukraine", "control-russia", "change", "border", "front-line", "settlements", "labels", "legend", "panel",
        ] {
            #expect(svg.contains("<g id=\"\(layer)\""), "no <g id=\"\(layer)\">")
        }
        #expect(XMLParser(data: Data(a)).parse(), "not well-formed XML")
    }
}
