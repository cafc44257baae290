/// Checks made on XML bytes before libxml2 sees them. KML never needs a document type declaration,
/// and a DTD is where every XML attack lives (external entities reading local files or URLs, and
/// entity expansion such as "billion laughs"), so any DTD is refused outright; and only encodings in
/// which "<!DOCTYPE" is those very bytes are accepted, so that the check cannot be dodged by
/// declaring UTF-16, UTF-7 or EBCDIC. Text declared UTF-8 (the default) must be valid UTF-8:
/// Foundation's XMLParser traps on an element name that is not, and reads a null pointer on a
/// processing instruction without data (both found by the KML fuzz target), so processing
/// instructions other than the XML declaration are refused too: KML has none.
enum XMLGuard {
    static func check(_ bytes: [UInt8], file: String) throws(DataError) {
        var encoding = "utf-8"
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if let nul = bytes.firstIndex(of: 0) {
            throw refusal(bytes, at: nul, file: file, "a NUL byte; KML must be UTF-8 text")
        }
        while start < bytes.count, [9, 10, 13, 32].contains(bytes[start]) { start += 1 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "<") else {
            throw DataError(file: file, place: "line 1", message: "not XML: it does not start with '<'")
        }
        var body = start
        if bytes[start...].starts(with: Array("<?xml".utf8)), start + 5 < bytes.count, [9, 10, 13, 32].contains(bytes[start + 5]),
            let end = find("?>", in: bytes, from: start)
        {
            body = end + 2
            let declaration = String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
            encoding = attribute("encoding", in: declaration) ?? encoding
            guard ["utf-8", "utf8", "us-ascii", "iso-8859-1"].contains(encoding) else {
                throw refusal(bytes, at: start, file: file, "encoding '\(encoding)'; expected UTF-8")
            }
        }
        if encoding != "iso-8859-1", let bad = firstInvalidUTF8(bytes) {
            throw refusal(bytes, at: bad, file: file, "bytes that are not UTF-8")
        }
        for construct in ["<!DOCTYPE", "<!ENTITY"] {
            if let at = find(construct, in: bytes, from: start) {
                throw refusal(bytes, at: at, file: file, "a document type declaration (\(construct)): DTDs and entities are refused")
            }
        }
        if let at = find("<?", in: bytes, from: body) {
            throw refusal(bytes, at: at, file: file, "a processing instruction (<?…?>); KML has none")
        }
    }

    private static func refusal(_ bytes: [UInt8], at offset: Int, file: String, _ what: String) -> DataError {
        DataError(file: file, place: TextPosition(bytes, offset: offset).description, message: "unsafe XML: \(what)")
    }

    /// Offset of the first byte that does not start or continue a valid UTF-8 sequence.
    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    private static func find(_ needle: String, in bytes: [UInt8], from: Int) -> Int? {
        let n = Array(needle.utf8)
        guard bytes.count >= n.count, from <= bytes.count - n.count else { return nil }
        for i in from...(bytes.count - n.count) where bytes[i] == n[0] && bytes[i..<i + n.count].elementsEqual(n) { return i }
        return nil
    }

    /// `name="value"` or `name='value'` in an XML declaration.
    private static func attribute(_ name: String, in declaration: String) -> String? {
        guard let r = declaration.range(of: name) else { return nil }
        let rest = declaration[r.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }
}

/// Line and column (1-based, counting characters) of a byte offset: the one place that turns an
/// offset into the "line L, column C" of error messages.
struct TextPosition: CustomStringConvertible {
    let line: Int, column: Int

    init(line: Int, column: Int) { self.line = line; self.column = column }

    init(_ bytes: [UInt8], offset: Int) {
        var line = 1, column = 1
        for b in bytes[0..<min(offset, bytes.count)] {
            if b == 10 { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        self.line = line; self.column = column
    }

    var description: String { "line \(line), column \(column)" }
}
