import Cartography
import MapData

/// A style file: a JSON object whose keys override parts of a theme (colours, strokes, fonts, sizes,
/// which layers show). Keys are the theme's own names; see README.md, "Style files", for the list.
/// An error names the file, the line and the key.
public enum StyleFile {
    public static func apply(_ bytes: [UInt8], file: String, to base: Theme) throws(DataError) -> Theme {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch { throw error.in(file: file) }
        let reader = StyleReader(file: file, lines: JSONKeyLines.lines(bytes))
        var theme = base
        for (key, value) in try reader.object(root, "") {
            try reader.apply(key, value, to: &theme)
        }
        return theme
    }

    static var colorKeys: [(String, WritableKeyPath<Theme, Color>)] {
        [
            ("background", \.background), ("panel", \.panel), ("land", \.land), ("river", \.river), ("water", \.water),
            ("noData", \.noData),
            ("settlementFill", \.settlementFill), ("settlementLine", \.settlementLine), ("eventFill", \.eventFill),
            ("text", \.text), ("mutedText", \.mutedText), ("halo", \.halo),
        ]
    }
    static var strokeKeys: [(String, WritableKeyPath<Theme, Stroke>)] {
        [
            ("border", \.border), ("borderCasing", \.borderCasing), ("frontLine", \.frontLine), ("coast", \.coast),
            ("insetExtent", \.insetExtent),
        ]
    }
    static var numberKeys: [(String, WritableKeyPath<Theme, Double>, ClosedRange<Double>)] {
        [
            ("heldOpacity", \.heldOpacity, 0...1), ("hatchSpacing", \.hatchSpacing, 1...100), ("labelScale", \.labelScale, 0.25...4),
        ]
    }
    /// The layers a style file switches: every switch but the panel's details, which only the
    /// benchmark turns off.
    static var layerKeys: [LayerID] { LayerID.allCases.filter { $0 != .panelDetails } }
    /// The top-level keys a style file knows.
    public static var keys: [String] {
        ["name", "fontFamily", "territoryTint", "sides", "layers"] + colorKeys.map(\.0) + strokeKeys.map(\.0) + numberKeys.map(\.0)
    }
}

/// Reads typed values out of a style file, naming the key and its line on any error.
struct StyleReader {
    let file: String
    let lines: [String: Int]

    /// An error at `path`, on the line of its key (an array element's: its array's key).
    func fail(_ path: String, _ message: String) -> DataError {
        var at = Substring(path)
        while lines[String(at)] == nil, let dot = at.lastIndex(of: ".") { at = at[..<dot] }
        return DataError(file: file, place: lines[String(at)].map { "line \($0)" }, message: "key \"\(path)\": \(message)")
    }

    func object(_ v: JSONValue, _ path: String) throws(DataError) -> [(String, JSONValue)] {
        guard case .object(let pairs) = v else {
            throw path.isEmpty
                ? DataError(file: file, message: "a style file must be a JSON object, not \(v.typeName)")
                : fail(path, "expected an object, not \(v.typeName)")
        }
        return pairs
    }

    /// "#RRGGBB" or "#RRGGBBAA".
    func color(_ v: JSONValue, _ path: String) throws(DataError) -> Color {
        guard let s = v.string, s.hasPrefix("#"), s.count == 7 || s.count == 9, let n = UInt32(s.dropFirst(), radix: 16) else {
            throw fail(path, "expected a colour \"#RRGGBB\" or \"#RRGGBBAA\", not \(v.string.map { "\"\($0)\"" } ?? v.typeName)")
        }
        return s.count == 7 ? Color(hex: n) : Color(hex: n >> 8, alpha: Double(n & 0xFF) / 255)
    }

    func number(_ v: JSONValue, _ path: String, _ range: ClosedRange<Double>) throws(DataError) -> Double {
        guard let n = v.number else { throw fail(path, "expected a number, not \(v.typeName)") }
        guard range.contains(n) else { throw fail(path, "\(n) is outside \(range.lowerBound)…\(range.upperBound)") }
        return n
    }

    func string(_ v: JSONValue, _ path: String) throws(DataError) -> String {
        guard let s = v.string, !s.isEmpty else { throw fail(path, "expected a non-empty string, not \(v.typeName)") }
        return s
    }

    /// `key` inside the object at `parent` ("" for the top level) is not one a style file knows.
    func unknown(_ parent: String, _ key: String, expected: [String]) -> DataError {
        fail(parent.isEmpty ? key : parent + "." + key, "unknown key; expected one of: \(expected.joined(separator: ", "))")
    }

    /// A stroke: {"color": "#…", "width": px at 1080p, "dash": [px, …]}, each optional.
    func stroke(_ v: JSONValue, _ path: String, base: Stroke) throws(DataError) -> Stroke {
        var s = base
        for (key, value) in try object(v, path) {
            let p = path + "." + key
            switch key {
            case "color": s.color = try color(value, p)
            case "width": s.width = try number(value, p, 0...50)
            case "dash":
                guard let parts = value.array else { throw fail(p, "expected an array of numbers, not \(value.typeName)") }
                var dash: [Double] = []
                for (k, d) in parts.enumerated() { dash.append(try number(d, "\(p).\(k)", 0.1...200)) }
                s.dash = dash
            default: throw unknown(path, key, expected: ["color", "width", "dash"])
            }
        }
        return s
    }

    func apply(_ key: String, _ value: JSONValue, to theme: inout Theme) throws(DataError) {
        if let (_, kp) = StyleFile.colorKeys.first(where: { $0.0 == key }) {
            theme[keyPath: kp] = try color(value, key)
        } else if let (_, kp) = StyleFile.strokeKeys.first(where: { $0.0 == key }) {
            theme[keyPath: kp] = try stroke(value, key, base: theme[keyPath: kp])
        } else if let (_, kp, range) = StyleFile.numberKeys.first(where: { $0.0 == key }) {
            theme[keyPath: kp] = try number(value, key, range)
        } else {
            switch key {
            case "name": theme.name = try string(value, key)
            case "fontFamily": theme.fontFamily = try string(value, key)
            case "territoryTint":
                for (name, c) in try object(value, key) { theme.territoryTint[name] = try color(c, key + "." + name) }
            case "sides":
                for (id, v) in try object(value, key) {
                    var side = theme.sides[id] ?? theme.fallbackSides[0]
                    for (part, c) in try object(v, key + "." + id) {
                        let p = "\(key).\(id).\(part)"
                        switch part {
                        case "fill": side.fill = try color(c, p)
                        case "line": side.line = try color(c, p)
                        default: throw unknown("\(key).\(id)", part, expected: ["fill", "line"])
                        }
                    }
                    theme.sides[id] = side
                }
            case "layers":
                for (name, v) in try object(value, key) {
                    guard let id = StyleFile.layerKeys.first(where: { $0.rawValue == name }) else {
                        throw unknown(key, name, expected: StyleFile.layerKeys.map(\.rawValue))
                    }
                    guard let b = v.bool else { throw fail(key + "." + name, "expected true or false, not \(v.typeName)") }
                    theme.layers[id] = b
                }
            default: throw unknown("", key, expected: StyleFile.keys)
            }
        }
    }
}
