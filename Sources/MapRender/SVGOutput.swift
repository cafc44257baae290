import Cartography

/// SVG 1.1 fit for embedding: real `<text>` (or, with `SVGTextMode.paths`, glyph outlines), one named `<g>` per scene group, a `viewBox`, and a
/// `<title>` and `<desc>` holding the scene's title and alt text.
///
/// Cairo draws all geometry (paths, markers, hatching, swatches) exactly as for PNG and PDF, one run of
/// consecutive non-text items at a time (`SVGFragment`); text items are written as `<text>` by
/// `SVGText`; group items become `<g id="…">` with their clip. Drawing order is the scene's order.
/// Every value is written without locale and every id is renumbered, so the bytes depend only on the scene.
enum SVGOutput {
    static func render(_ scene: Scene, text: SVGTextMode = .text) throws -> [UInt8] {
        let document = SVGDocument(width: scene.width, height: scene.height, layout: try TextLayout(), text: text)
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" \
            width="\(scene.width)" height="\(scene.height)" viewBox="0 0 \(scene.width) \(scene.height)" version="1.1">
            <title>\(MarkupEscaping.escape(scene.title))</title>
            <desc>\(MarkupEscaping.escape(scene.description))</desc>
            <rect id="background" x="0" y="0" width="\(scene.width)" height="\(scene.height)"\(SVGFormat.paint("fill", scene.background))/>

            """
        out += try document.markup(scene.items)
        out += "</svg>\n"
        return Array(out.utf8)
    }
}
