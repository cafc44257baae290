/// Writes JSON deterministically: keys in the order given, numbers without locale or exponent noise.
public enum JSONWriter {
    /// Compact when `indent` is nil; else pretty, except that arrays of numbers stay on one line.
    public static func write(_ value: JSONValue, indent: Int? = 2) -> String {
        var out = ""
        emit(value, indent: indent, level: 0, into: &out)
        out.append("\n")
        return out
    }

    private static func emit(_ v: JSONValue, indent: Int?, level: Int, into out: inout String) {
        switch v {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .number(let n): out.append(formatNumber(n))
        case .string(let s): out.append(quote(s))
        case .positions(let p): emit(p.expanded, indent: indent, level: level, into: &out)
        case .array(let items):
            let flat =
                indent == nil
                || items.allSatisfy {
                    if case .number = $0 { return true }; return false
                }
                || items.allSatisfy {
                    if case .array(let inner) = $0 { return inner.allSatisfy { $0.number != nil } }; return false
                }
            if items.isEmpty { out.append("[]"); return }
            if flat {
                out.append("[")
                for (k, item) in items.enumerated() {
                    if k > 0 { out.append(",") }
                    emit(item, indent: nil, level: 0, into: &out)
                }
                out.append("]")
            } else {
                out.append("[\n")
                for (k, item) in items.enumerated() {
                    out.append(pad(indent, level + 1))
                    emit(item, indent: indent, level: level + 1, into: &out)
                    out.append(k + 1 < items.count ? ",\n" : "\n")
                }
                out.append(pad(indent, level) + "]")
            }
        case .object(let pairs):
            if pairs.isEmpty { out.append("{}"); return }
            if indent == nil {
                out.append("{")
                for (k, (key, item)) in pairs.enumerated() {
                    if k > 0 { out.append(",") }
                    out.append(quote(key) + ":")
                    emit(item, indent: nil, level: 0, into: &out)
                }
                out.append("}")
            } else {
                out.append("{\n")
                for (k, (key, item)) in pairs.enumerated() {
                    out.append(pad(indent, level + 1) + quote(key) + ": ")
                    emit(item, indent: indent, level: level + 1, into: &out)
                    out.append(k + 1 < pairs.count ? ",\n" : "\n")
                }
                out.append(pad(indent, level) + "}")
            }
        }
    }

    private static func pad(_ indent: Int?, _ level: Int) -> String {
        String(repeating: " ", count: (indent ?? 0) * level)
    }

    /// Integers print without a fraction; others with the shortest round-tripping digits.
    public static func formatNumber(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }

    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            default:
                // DEL and C1 too: JSON allows them raw, but a terminal may take them as escape codes.
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// Fixed-point text for a number, rounded to `digits` decimals, trailing zeros trimmed; no locale.
public func formatFixed(_ v: Double, digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (v * scale).rounded()
    let negative = scaled < 0
    let magnitude = Int64(abs(scaled))
    let whole = magnitude / Int64(scale)
    var frac = digits > 0 ? String(magnitude % Int64(scale)) : ""
    frac = String(repeating: "0", count: max(0, digits - frac.count)) + frac
    while frac.last == "0" { frac.removeLast() }
    let body = frac.isEmpty ? String(whole) : "\(whole).\(frac)"
    return negative && magnitude != 0 ? "-" + body : body
}
