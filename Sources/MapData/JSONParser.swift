/// A strict RFC 8259 parser whose errors give line and column. Numbers go through Swift's
/// correctly rounded `Double(String)`, so 17-digit coordinates survive a round trip.
public struct JSONParser {
    let bytes: [UInt8]
    var i = 0
    /// Whether a geometry's "coordinates" are read into `PositionArrays` (see `parse`).
    private let packing: Bool

    /// With `packingCoordinates`, the "coordinates" of an object that is the value of a "geometry"
    /// key become `.positions` when they are regular (see `PositionArrays`): the GeoJSON reader's
    /// way to hold ten million positions in 160 MB rather than over a gigabyte. The value is the
    /// same either way (`==`, `array` and the writer see the generic tree); only its storage differs.
    public static func parse(_ bytes: [UInt8], packingCoordinates: Bool = false) throws(DataError) -> JSONValue {
        var p = JSONParser(bytes: bytes, packing: packingCoordinates)
        p.skipSpace()
        let v = try p.value(depth: 0, key: nil)
        p.skipSpace()
        guard p.i == p.bytes.count else { throw p.fail("unexpected text after the JSON value") }
        return v
    }

    private init(bytes: [UInt8], packing: Bool) {
        // Skip a UTF-8 byte order mark.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { self.bytes = Array(bytes.dropFirst(3)) } else { self.bytes = bytes }
        self.packing = packing
    }

    private func fail(_ message: String) -> DataError {
        DataError(place: TextPosition(bytes, offset: i).description, message: "malformed JSON: \(message)")
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 10 || bytes[i] == 13 || bytes[i] == 9 { i += 1 }
    }

    /// `key`: the object key whose value this is, if any.
    private mutating func value(depth: Int, key: String?) throws(DataError) -> JSONValue {
        guard depth < 512 else { throw fail("nesting deeper than 512") }
        guard i < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object(depth: depth, key: key)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw fail("unexpected character '\(Character(Unicode.Scalar(bytes[i])))'")
        }
    }

    private mutating func literal(_ word: String) throws(DataError) {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else { throw fail("expected '\(word)'") }
        i += w.count
    }

    private mutating func object(depth: Int, key parent: String?) throws(DataError) -> JSONValue {
        i += 1
        var pairs: [(String, JSONValue)] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(pairs) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
            let key = try string()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':' after key \"\(key)\"") }
            i += 1
            skipSpace()
            if packing, parent == "geometry", key == "coordinates", let packed = positionArrays(depth: depth + 1) {
                pairs.append((key, .positions(packed)))
            } else {
                pairs.append((key, try value(depth: depth + 1, key: key)))
            }
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end of input in an object") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(pairs) }
            throw fail("expected ',' or '}' in an object")
        }
    }

    private mutating func array(depth: Int) throws(DataError) -> JSONValue {
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1, key: nil))
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end of input in an array") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw fail("expected ',' or ']' in an array")
        }
    }

    mutating func number() throws(DataError) -> Double {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        guard i < bytes.count, isDigit(bytes[i]) else { throw fail("malformed number") }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else { while i < bytes.count, isDigit(bytes[i]) { i += 1 } }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else { throw fail("malformed number") }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else { throw fail("malformed number") }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if let v = Self.exactDouble(bytes[start..<i]) { return v }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let v = Double(text), v.isFinite else { throw fail("number \(text) is out of range") }
        return v
    }

    /// Clinger's fast path: a number of at most 15 significant digits whose power of ten is at
    /// most 22 is one exact integer times or over one exact power of ten, so a single IEEE
    /// operation rounds it correctly, to the very value `Double(String)` gives. Coordinates (6–8
    /// decimals) all take it; anything else returns nil and goes through the full conversion.
    /// `text` is already checked against the JSON number grammar.
    static func exactDouble(_ text: ArraySlice<UInt8>) -> Double? {
        var k = text.startIndex
        let negative = text[k] == UInt8(ascii: "-")
        if negative { k += 1 }
        var mantissa: UInt64 = 0, digits = 0, scale = 0
        var seenPoint = false
        while k < text.endIndex {
            let b = text[k]
            if b == UInt8(ascii: ".") {
                seenPoint = true
            } else if b >= 48 && b <= 57 {
                if mantissa != 0 || b != 48 { digits += 1 }
                guard digits <= 15 else { return nil }
                mantissa = mantissa * 10 + UInt64(b - 48)
                if seenPoint { scale -= 1 }
            } else {
                break  // an exponent
            }
            k += 1
        }
        if k < text.endIndex {
            k += 1
            var sign = 1, e = 0
            if text[k] == UInt8(ascii: "+") || text[k] == UInt8(ascii: "-") {
                if text[k] == UInt8(ascii: "-") { sign = -1 }
                k += 1
            }
            while k < text.endIndex {
                e = e * 10 + Int(text[k] - 48)
                guard e <= 400 else { return nil }
                k += 1
            }
            scale += sign * e
        }
        guard (-22...22).contains(scale) else { return mantissa == 0 ? (negative ? -0.0 : 0.0) : nil }
        let v = scale < 0 ? Double(mantissa) / powersOfTen[-scale] : Double(mantissa) * powersOfTen[scale]
        return negative ? -v : v
    }

    /// 10⁰ … 10²², each exact in a Double.
    private static let powersOfTen: [Double] = (0...22).map { e in (0..<e).reduce(1.0) { x, _ in x * 10 } }

    private mutating func string() throws(DataError) -> String {
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw fail("unterminated string") }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; break }
            if b < 0x20 { throw fail("control character in a string") }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { throw fail("unterminated escape") }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code) {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw fail("lone surrogate in \\u escape")
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw fail("bad surrogate pair") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw fail("bad \\u escape") }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default: throw fail("unknown escape '\\\(Character(Unicode.Scalar(e)))'")
            }
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw fail("string is not valid UTF-8") }
        return s
    }

    private mutating func hex4() throws(DataError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 48...57: d = UInt32(b - 48)
            case 65...70: d = UInt32(b - 55)
            case 97...102: d = UInt32(b - 87)
            default: throw fail("bad hex digit in \\u escape")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }
}
