import Cartography
import Foundation
import FrontlineTestSupport
@testable import MapRender
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Small scenes exercising every item kind, for the renderer's byte-level and pixel-level checks.
private enum RenderFixtures {
    static let red = Color(hex: 0xFF0000)

    /// A page with a hatched, holed polygon, a dashed line, markers, haloed and wrapped text and a clipped group.
    static func busyScene(title: String = "Kursk <script>&", description: String = "Test \"map\" 'one'") -> Scene {
        let outer = [Point(10, 10), Point(110, 20), Point(100, 90), Point(20, 80)]
        let hole = [Point(40, 40), Point(70, 40), Point(70, 60), Point(40, 60)]
        let hatch = Hatch(color: Color(hex: 0x8B0000), spacing: 6, lineWidth: 1.5)
        var items: [SceneItem] = [
            .path(
                PagePath(subpaths: [outer, hole], closed: true),
                fill: Fill(Color(hex: 0xF4C2C2), hatch: hatch), stroke: Stroke(.black, width: 1)),
            .path(
                PagePath(subpaths: [[Point(0, 100), Point(160, 110)]], closed: false),
                fill: nil, stroke: Stroke(.black, width: 2, dash: [6, 3], cap: .butt)),
            .group(
                id: "clipped", clip: Rect(x: 120, y: 10, width: 30, height: 30),
                items: [
                    .rect(Rect(x: 110, y: 0, width: 60, height: 60), fill: Fill(.black), stroke: nil, cornerRadius: 4)
                ]),
            .text(
                TextItem(
                    "Sudzha · Суджа", at: Point(80, 50), anchor: TextAnchor(.middle, .middle),
                    style: TextStyle(size: 12, weight: .bold, halo: .white))),
            .text(
                TextItem(
                    "Wrapped words in a narrow box", at: Point(160, 120), anchor: TextAnchor(.end, .top),
                    style: TextStyle(size: 9, italic: true), maxWidth: 60)),
        ]
        let shapes: [MarkerShape] = [.circle, .square, .diamond, .triangle, .star]
        for (i, shape) in shapes.enumerated() {
            items.append(
                .marker(
                    shape, at: Point(15 + Double(i) * 14, 140), size: 10,
                    fill: Fill(Color(hex: 0xFFD700)), stroke: Stroke(.black, width: 1)))
        }
        return Scene(
            width: 160, height: 150, background: .white, items: items,
            title: title, description: description, date: testDay("2024-09-01"))
    }

    /// 40×40 white page with a red 20×20 square at (10, 10).
    static let redSquare = Scene(
        width: 40, height: 40, background: .white,
        items: [.rect(Rect(x: 10, y: 10, width: 20, height: 20), fill: Fill(red), stroke: nil, cornerRadius: 0)],
        title: "Red square", description: "", date: testDay("2024-09-01"))
}

/// Reads the big-endian UInt32 at `offset`.
private func bigEndianUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
}

/// Collects the text of the root's `<title>` element, and whether parsing succeeded.
private final class SVGTitleReader: NSObject, XMLParserDelegate {
    var title = ""
    var rootName: String?
    private var inTitle = false

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        if rootName == nil { rootName = name }
        if name == "title" { inTitle = true }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title" { inTitle = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inTitle { title += string }
    }
}

@Suite struct MapRenderTests {
    let renderer = Renderer()

    @Test(arguments: [1.0, 2.0, 1.5])
    func pngHasSignatureAndScaledSize(scale: Double) throws {
        let scene = Scene(width: 31, height: 20, background: .white, items: [], title: "", description: "", date: testDay("2024-09-01"))
        let png = try renderer.render(scene, format: .png, scale: scale)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(Array(png[12..<16]) == Array("IHDR".utf8))
        #expect(bigEndianUInt32(png, at: 16) == UInt32((31 * scale).rounded(.up)))
        #expect(bigEndianUInt32(png, at: 20) == UInt32((20 * scale).rounded(.up)))
    }

    @Test(arguments: OutputFormat.allCases)
    func sameSceneGivesSameBytes(format: OutputFormat) throws {
        let scene = RenderFixtures.busyScene()
        // Render something else in between so that Cairo's process-wide surface counter moves on.
        let first = try renderer.render(scene, format: format)
        _ = try renderer.render(RenderFixtures.redSquare, format: format)
        let second = try renderer.render(scene, format: format)
        #expect(first.count > 100)
        #expect(first == second)
    }

    @Test func svgIsWellFormedWithViewBoxAndEscapedTitle() throws {
        let scene = RenderFixtures.busyScene(title: "Kursk <script>&", description: "Test \"map\" 'one'")
        let svg = try renderer.render(scene, format: .svg)
        let text = try #require(String(bytes: svg, encoding: .utf8))
        #expect(text.contains("viewBox=\"0 0 160 150\""))
        #expect(text.contains("<title>Kursk &lt;script&gt;&amp;</title>"))
        #expect(text.contains("<desc>Test &quot;map&quot; &#39;one&#39;</desc>"))
        #expect(text.contains("<g id=\"clipped\" clip-path=\"url(#clipped-clip)\">"))
        #expect(!text.contains("surface"), "Cairo's process-wide surface ids are renamed")

        let parser = XMLParser(data: Data(svg))
        let reader = SVGTitleReader()
        parser.delegate = reader
        #expect(parser.parse(), "XML error: \(String(describing: parser.parserError))")
        #expect(reader.rootName == "svg")
        #expect(reader.title == "Kursk <script>&")
    }

    @Test func svgFragmentIdsAreRenamedInOrderOfFirstAppearance() {
        let input =
            ##"<g id="surface75"><use xlink:href="#surface9"/><g clip-path="url(#surface75)"/><symbol id="surface9"/> surface3 "surface12x" "nonzero"</g>"##
        let output = SVGFragment.renameIDs(in: input, namespace: "cairo4")
        let expected =
            ##"<g id="cairo4-1"><use xlink:href="#cairo4-2"/><g clip-path="url(#cairo4-1)"/><symbol id="cairo4-2"/> surface3 "surface12x" "nonzero"</g>"##
        #expect(output == expected)
    }

    @Test func xmlEscapingCoversMarkupAndDropsControlCharacters() {
        #expect(MarkupEscaping.escape("a<b>&\"c'\u{1}\td") == "a&lt;b&gt;&amp;&quot;c&#39;\td")
    }

    @Test func pdfHasHeaderAndPinnedDates() throws {
        let pdf = try renderer.render(RenderFixtures.busyScene(), format: .pdf)
        #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("/CreationDate (20240901000000Z)"))
        #expect(text.contains("/Creator (Frontline)"))
    }

    @Test func badSceneOrScaleThrows() {
        var scene = RenderFixtures.redSquare
        #expect(throws: RenderError.self) { try renderer.render(scene, format: .png, scale: 0) }
        #expect(throws: RenderError.self) { try renderer.render(scene, format: .png, scale: .nan) }
        // (A scene's date is a Day, so a date the PDF's metadata could not take cannot reach it.)
        scene.width = 0
        #expect(throws: RenderError.self) { try renderer.render(scene, format: .svg) }
    }

    @Test func pixelsInsideRectAreRedAndOutsideWhite() throws {
        let image = try renderPixels(RenderFixtures.redSquare)
        #expect(image.width == 40 && image.height == 40)
        #expect(image.pixels.count == 40 * 40)
        let pixel = { (x: Int, y: Int) in image.pixels[y * image.width + x] }
        #expect(pixel(20, 20) == 0xFFFF_0000)
        #expect(pixel(11, 28) == 0xFFFF_0000)
        #expect(pixel(5, 5) == 0xFFFF_FFFF)
        #expect(pixel(35, 20) == 0xFFFF_FFFF)
    }

    @Test func pixelsAtScaleTwoKeepTheRectInPlace() throws {
        let image = try renderPixels(RenderFixtures.redSquare, scale: 2)
        #expect(image.width == 80 && image.height == 80)
        #expect(image.pixels[40 * 80 + 40] == 0xFFFF_0000)
        #expect(image.pixels[19 * 80 + 19] == 0xFFFF_FFFF)
    }

    @Test func groupClipAndHatchStayInside() throws {
        let hatch = Hatch(color: .black, spacing: 4, lineWidth: 2)
        let scene = Scene(
            width: 40, height: 40, background: .white,
            items: [
                .group(
                    id: "g", clip: Rect(x: 0, y: 0, width: 20, height: 40),
                    items: [
                        .rect(Rect(x: 0, y: 0, width: 40, height: 20), fill: Fill(RenderFixtures.red), stroke: nil, cornerRadius: 0)
                    ]),
                .rect(Rect(x: 0, y: 20, width: 20, height: 20), fill: Fill(.white, hatch: hatch), stroke: nil, cornerRadius: 0),
            ],
            title: "", description: "", date: testDay("2024-09-01"))
        let image = try renderPixels(scene)
        let pixel = { (x: Int, y: Int) in image.pixels[y * image.width + x] }
        #expect(pixel(10, 10) == 0xFFFF_0000)
        #expect(pixel(30, 10) == 0xFFFF_FFFF, "clipped away by the group")
        // Every pixel right of the hatched square stays white; inside, some are dark.
        let outside = (20..<40).flatMap { y in (21..<40).map { x in pixel(x, y) } }
        #expect(outside.allSatisfy { $0 == 0xFFFF_FFFF })
        let inside = (21..<39).flatMap { y in (1..<19).map { x in pixel(x, y) } }
        #expect(inside.contains { $0 & 0xFF < 0x40 })
        #expect(inside.contains { $0 == 0xFFFF_FFFF })
    }

    @Test func measuredWidthGrowsWithLengthAndSize() throws {
        let measurer = try PangoTextMeasurer()
        let small = TextStyle(size: 12)
        let short = measurer.measure("Sudzha", style: small, maxWidth: nil)
        let long = measurer.measure("Sudzha · Суджа", style: small, maxWidth: nil)
        let big = measurer.measure("Sudzha", style: TextStyle(size: 24), maxWidth: nil)
        #expect(short.width > 10 && short.height > 10)
        #expect(long.width > short.width)
        #expect(big.width > short.width * 1.8)
        #expect(big.height > short.height * 1.8)
        let wrapped = measurer.measure("Sudzha · Суджа and more words", style: small, maxWidth: 60)
        #expect(wrapped.width <= 60)
        #expect(wrapped.height > short.height * 1.5)
    }

    /// Text is drawn in the box the measurer gives, placed by its anchor, at any device scale.
    @Test(arguments: [
        (TextAnchor(.start, .top), Point(10, 8)), (TextAnchor(.end, .bottom), Point(110, 36)),
        (TextAnchor(.middle, .middle), Point(60, 22)),
    ])
    func textInkLiesInTheMeasuredBox(anchor: TextAnchor, at position: Point) throws {
        let style = TextStyle(size: 16)
        let item = TextItem("Sudzha", at: position, anchor: anchor, style: style)
        let size = try PangoTextMeasurer().measure(item.text, style: style, maxWidth: nil)
        let box = item.box(width: size.width, height: size.height)
        let scale = 1.37
        let scene = Scene(
            width: 120, height: 44, background: .white, items: [.text(item)],
            title: "", description: "", date: testDay("2024-09-01"))
        let image = try renderPixels(scene, scale: scale)
        var minX = Int.max, minY = Int.max, maxX = Int.min, maxY = Int.min
        for y in 0..<image.height {
            for x in 0..<image.width where image.pixels[y * image.width + x] != 0xFFFF_FFFF {
                minX = min(minX, x); maxX = max(maxX, x + 1); minY = min(minY, y); maxY = max(maxY, y + 1)
            }
        }
        try #require(minX < maxX, "no ink drawn")
        // Ink in page pixels; glyphs sit inside the logical box, and "S" and "a" nearly reach its sides.
        let ink = (x1: Double(minX) / scale, y1: Double(minY) / scale, x2: Double(maxX) / scale, y2: Double(maxY) / scale)
        #expect(ink.x1 >= box.x - 1 && ink.x1 <= box.x + 3, "left \(ink.x1) vs \(box.x)")
        #expect(ink.x2 <= box.maxX + 1 && ink.x2 >= box.maxX - 3, "right \(ink.x2) vs \(box.maxX)")
        #expect(ink.y1 >= box.y - 1 && ink.y2 <= box.maxY + 1, "vertical \(ink.y1)...\(ink.y2) vs \(box.y)...\(box.maxY)")
    }
}

@Suite("PNG encoder")
struct PNGEncoderTests {
    func scene(background: Color) -> Scene {
        Scene(
            width: 64, height: 48, background: background,
            items: [
                .path(
                    PagePath(subpaths: [[Point(4, 4), Point(60, 10), Point(30, 44)]], closed: true),
                    fill: Fill(Color(hex: 0x2F74C0, alpha: 0.5)), stroke: Stroke(.black, width: 1.5))
            ], title: "t", description: "", date: testDay("2024-09-01"))
    }

    @Test("fast and small decode to exactly the drawn pixels; opaque pages are RGB, others RGBA", arguments: PNGCompression.allCases)
    func roundTrip(_ compression: PNGCompression) throws {
        for (background, colourType) in [(Color(hex: 0xF0F0F0), UInt8(2)), (Color(hex: 0xF0F0F0, alpha: 0.5), UInt8(6))] {
            let s = scene(background: background)
            let bytes = try Renderer(pngCompression: compression).render(s, format: .png)
            #expect(bytes[25] == colourType, "IHDR colour type")
            let decoded = try decodePNG(bytes)
            let drawn = try renderPixels(s)
            #expect(decoded.width == drawn.width && decoded.height == drawn.height)
            if colourType == 2 {
                #expect(decoded.pixels == drawn.pixels)
            } else {
                // Premultiplied → straight → premultiplied loses at most one step per channel.
                for (a, b) in zip(decoded.pixels, drawn.pixels) {
                    for shift in [0, 8, 16, 24] as [UInt32] {
                        #expect(abs(Int((a >> shift) & 0xFF) - Int((b >> shift) & 0xFF)) <= 1)
                    }
                }
            }
        }
    }

    @Test("small is no larger than fast, and both are byte-stable")
    func sizes() throws {
        let s = scene(background: Color(hex: 0xF0F0F0))
        let fast = try Renderer(pngCompression: .fast).render(s, format: .png)
        let small = try Renderer(pngCompression: .small).render(s, format: .png)
        #expect(small.count <= fast.count)
        #expect(try Renderer(pngCompression: .fast).render(s, format: .png) == fast)
        #expect(try Renderer(pngCompression: .small).render(s, format: .png) == small)
    }
}
