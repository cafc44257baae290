import GeoCore
/// Typed access to a feature's properties, with errors that name the key.
struct Properties {
    let value: JSONValue

    func string(_ key: String) throws(DataError) -> String {
        guard let v = value[key] else { throw DataError(message: "property \"\(key)\" is missing") }
        guard let s = v.string, !s.isEmpty else {
            throw DataError(message: "property \"\(key)\" must be a non-empty string, not \(v.typeName)")
        }
        return s
    }

    func optionalString(_ key: String) throws(DataError) -> String? {
        guard let v = value[key], !v.isNull else { return nil }
        guard let s = v.string else { throw DataError(message: "property \"\(key)\" must be a string, not \(v.typeName)") }
        return s
    }

    func optionalNumber(_ key: String) throws(DataError) -> Double? {
        guard let v = value[key], !v.isNull else { return nil }
        guard let n = v.number else { throw DataError(message: "property \"\(key)\" must be a number, not \(v.typeName)") }
        return n
    }

    /// A whole number within `range`, or nil when absent: checked, never a trap on 1e300 or 2.5.
    func optionalWhole(_ key: String, in range: ClosedRange<Int>) throws(DataError) -> Int? {
        guard let n = try optionalNumber(key) else { return nil }
        guard let whole = CheckedNumber.whole(n, in: range) else {
            throw DataError(
                message: "property \"\(key)\" is \(JSONWriter.formatNumber(n)); expected a whole number in \(CheckedNumber.describe(range))"
            )
        }
        return whole
    }

    /// A number within `range`, or nil when absent.
    func optionalNumber(_ key: String, in range: ClosedRange<Double>) throws(DataError) -> Double? {
        guard let n = try optionalNumber(key) else { return nil }
        guard range.contains(n) else {
            throw DataError(
                message: "property \"\(key)\" is \(JSONWriter.formatNumber(n)); expected a number in \(CheckedNumber.describe(range))")
        }
        return n
    }

    func optionalBool(_ key: String) throws(DataError) -> Bool? {
        guard let v = value[key], !v.isNull else { return nil }
        guard case .bool(let b) = v else { throw DataError(message: "property \"\(key)\" must be true or false, not \(v.typeName)") }
        return b
    }

    func day(_ key: String) throws(DataError) -> Day {
        let text: String
        do { text = try string(key) } catch { throw DataError(message: "property \"\(key)\": \(error.message)") }
        do { return try Day(parsing: text) } catch { throw DataError(message: "property \"\(key)\": \(error.message)") }
    }

    func strings(_ key: String) throws(DataError) -> [String] {
        guard let v = value[key], !v.isNull else { return [] }
        guard let a = v.array else { throw DataError(message: "property \"\(key)\" must be an array of strings") }
        var out: [String] = []
        for item in a {
            guard let s = item.string else { throw DataError(message: "property \"\(key)\" must be an array of strings") }
            out.append(s)
        }
        return out
    }

    func object(_ key: String) -> Properties? {
        guard let v = value[key], case .object = v else { return nil }
        return Properties(value: v)
    }
}
