import Cartography

/// Post-processing of Cairo's SVG output: stable ids, a guaranteed viewBox, a title and a description.
enum SVGDocumentFix {
    /// Id prefixes Cairo numbers from process-wide counters (`cairo_surface_t` unique ids): the group of
    /// each drawn surface (`surface123`) and embedded images (`image123`). Glyph, clip, mask, pattern and
    /// gradient ids are counted per document, so they are already stable and left alone.
    static let processWidePrefixes = ["surface", "image"]

    static func apply(to bytes: [UInt8], scene: Scene) throws -> [UInt8] {
        let renumbered = renumberIDs(in: bytes, prefixes: processWidePrefixes)
        return try annotateRoot(renumbered, scene: scene)
    }

    /// Renames every `prefixN` token that is an id (`id="prefixN"`) or a reference to one
    /// (`#prefixN"`, `url(#prefixN)`) to `prefixK`, K counting from 1 in order of first appearance.
    /// The renaming is a bijection per prefix, so references stay consistent.
    static func renumberIDs(in bytes: [UInt8], prefixes: [String]) -> [UInt8] {
        let prefixBytes = prefixes.map { Array($0.utf8) }
        var numbering = Array(repeating: [ArraySlice<UInt8>: Int](), count: prefixes.count)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            out.append(byte)
            i += 1
            guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "#") else { continue }
            for (p, prefix) in prefixBytes.enumerated() {
                guard let digits = idNumber(in: bytes, at: i, prefix: prefix) else { continue }
                let number = numbering[p][digits] ?? (numbering[p].count + 1)
                numbering[p][digits] = number
                out.append(contentsOf: prefix)
                out.append(contentsOf: String(number).utf8)
                i = digits.endIndex
                break
            }
        }
        return out
    }

    /// The digits of `prefix` + digits at `start`, when followed by `"` or `)`.
    private static func idNumber(in bytes: [UInt8], at start: Int, prefix: [UInt8]) -> ArraySlice<UInt8>? {
        let digitsStart = start + prefix.count
        guard digitsStart < bytes.count, bytes[start..<digitsStart].elementsEqual(prefix) else { return nil }
        var end = digitsStart
        while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") { end += 1 }
        guard end > digitsStart, end < bytes.count,
            bytes[end] == UInt8(ascii: "\"") || bytes[end] == UInt8(ascii: ")")
        else { return nil }
        return bytes[digitsStart..<end]
    }

    /// Adds `viewBox="0 0 W H"` to the root `<svg>` if Cairo left it out (1.16 writes one), and puts
    /// `<title>` and `<desc>` first inside it, from the scene's title and description.
    static func annotateRoot(_ bytes: [UInt8], scene: Scene) throws -> [UInt8] {
        let open = Array("<svg".utf8)
        guard let tagStart = firstIndex(of: open, in: bytes, from: 0),
            let tagEnd = bytes[tagStart...].firstIndex(of: UInt8(ascii: ">"))
        else { throw RenderError("SVG: Cairo's output has no root <svg> element") }
        let hasViewBox = firstIndex(of: Array("viewBox=".utf8), in: Array(bytes[tagStart..<tagEnd]), from: 0) != nil
        // A self-closing root (`<svg .../>`) would need a closing tag; Cairo always writes content.
        let selfClosing = tagEnd > tagStart && bytes[tagEnd - 1] == UInt8(ascii: "/")
        guard !selfClosing else { throw RenderError("SVG: Cairo's root <svg> element is empty") }

        var out = Array(bytes[..<tagEnd])
        if !hasViewBox {
            out.append(contentsOf: " viewBox=\"0 0 \(scene.width) \(scene.height)\"".utf8)
        }
        out.append(UInt8(ascii: ">"))
        let meta = "\n<title>\(XMLEscaping.escape(scene.title))</title>\n<desc>\(XMLEscaping.escape(scene.description))</desc>"
        out.append(contentsOf: meta.utf8)
        out.append(contentsOf: bytes[(tagEnd + 1)...])
        return out
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var i = start
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
