/// Where each object key of a JSON text sits: its line, by dotted path ("sides.ukraine.fill";
/// array elements by index, "border.dash.1"). For errors about a value that parsed but means nothing
/// (an unknown key, a colour that is not one), which the parser itself cannot place.
/// Expects text that `JSONParser` has accepted.
public enum JSONKeyLines {
    public static func lines(_ bytes: [UInt8]) -> [String: Int] {
        var out: [String: Int] = [:]
        // One frame per open container: its current key (objects) or element index (arrays).
        var stack: [(isObject: Bool, key: String, index: Int)] = []
        var expectingKey = false
        var line = 1
        var i = 0
        func path(_ leaf: String) -> String {
            (stack.dropLast().map { $0.isObject ? $0.key : String($0.index) } + [leaf]).joined(separator: ".")
        }
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 10: line += 1
            case UInt8(ascii: "{"): stack.append((true, "", 0)); expectingKey = true
            case UInt8(ascii: "["): stack.append((false, "", 0)); expectingKey = false
            case UInt8(ascii: "}"), UInt8(ascii: "]"): stack.removeLast(); expectingKey = false
            case UInt8(ascii: ","):
                if let top = stack.last {
                    if top.isObject { expectingKey = true } else { stack[stack.count - 1].index += 1 }
                }
            case UInt8(ascii: "\""):
                var raw: [UInt8] = []
                i += 1
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count { i += 1 }
                    raw.append(bytes[i])
                    i += 1
                }
                if expectingKey, stack.last?.isObject == true {
                    let key = String(decoding: raw, as: UTF8.self)
                    stack[stack.count - 1].key = key
                    out[path(key)] = line
                    expectingKey = false
                }
            default: break
            }
            i += 1
        }
        return out
    }
}
