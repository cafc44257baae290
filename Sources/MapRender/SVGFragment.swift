import Cartography

/// A run of non-text scene items drawn by Cairo's SVG surface, as markup to splice into a larger document.
///
/// Cairo writes a whole document per surface; the part inside its root element is kept. Its ids
/// (`clip3`, `surface812`, …) are local to that document, and some come from process-wide counters, so
/// they are renamed `<namespace>-1`, `<namespace>-2`, … in order of first appearance: unique in the
/// combined document and the same on every run.
enum SVGFragment {
    static func markup(_ items: [SceneItem], width: Int, height: Int, namespace: String) throws -> String {
        let sink = ByteSink()
        try withExtendedLifetime(sink) {
            let canvas = try CairoCanvas.svg(width: Double(width), height: Double(height), into: sink)
            try SceneDrawer(canvas: canvas).draw(items)
            try canvas.finish(stage: "SVG")
        }
        // Cairo's document: `<?xml …?> <svg …> content </svg>`; keep the content.
        let bytes = sink.bytes
        guard let open = firstIndex(of: Array("<svg".utf8), in: bytes),
            let openEnd = bytes[open...].firstIndex(of: UInt8(ascii: ">")),
            let close = lastIndex(of: Array("</svg>".utf8), in: bytes), close > openEnd
        else { throw RenderError("SVG: Cairo's output has no root <svg> element") }
        return renameIDs(in: String(decoding: bytes[(openEnd + 1)..<close], as: UTF8.self), namespace: namespace)
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    private static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).reversed().first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// Renames every id defined in `markup` (`id="x"`) and every reference to it (`#x"`, `url(#x)`) to
    /// `namespace-N`, N counting from 1 in order of first appearance. Tokens that are not defined ids
    /// are left alone.
    static func renameIDs(in markup: String, namespace: String) -> String {
        let bytes = Array(markup.utf8)
        let marker = Array("id=\"".utf8)
        var defined = Set<ArraySlice<UInt8>>()
        var i = 0
        while i + marker.count < bytes.count {
            if bytes[i] == marker[0], bytes[i..<(i + marker.count)].elementsEqual(marker) {
                let start = i + marker.count
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                defined.insert(bytes[start..<end])
                i = end
            } else {
                i += 1
            }
        }
        var names: [ArraySlice<UInt8>: Int] = [:]
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        i = 0
        while i < bytes.count {
            let byte = bytes[i]
            out.append(byte)
            i += 1
            guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "#") else { continue }
            var end = i
            while end < bytes.count, isIDCharacter(bytes[end]) { end += 1 }
            guard end > i, end < bytes.count, bytes[end] == UInt8(ascii: "\"") || bytes[end] == UInt8(ascii: ")"),
                defined.contains(bytes[i..<end])
            else { continue }
            let number = names[bytes[i..<end]] ?? (names.count + 1)
            names[bytes[i..<end]] = number
            out.append(contentsOf: "\(namespace)-\(number)".utf8)
            i = end
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isIDCharacter(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
    }
}
