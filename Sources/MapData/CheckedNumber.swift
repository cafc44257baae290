/// Numbers read from files, options and the environment, converted only when they fit: `Int(x)` of
/// a Double out of range, or `a * b` past Int.max, stops the process (1e300 as a population once
/// did), so every such conversion goes through here and fails with the range it expected.
public enum CheckedNumber {
    /// `value` as an Int when it is a whole number within `range`; nil otherwise, NaN included.
    public static func whole(_ value: Double, in range: ClosedRange<Int>) -> Int? {
        guard value.isFinite, value == value.rounded(), value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
            return nil
        }
        return Int(exactly: value)
    }

    /// `text` (ASCII digits, an optional leading '-') as an Int within `range`; nil otherwise.
    public static func whole(_ text: some StringProtocol, in range: ClosedRange<Int>) -> Int? {
        let digits = text.utf8.first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(String(text)) else { return nil }
        return range.contains(n) ? n : nil
    }

    /// `text` as a finite Double within `range`; nil otherwise.
    public static func decimal(_ text: some StringProtocol, in range: ClosedRange<Double>) -> Double? {
        guard let v = Double(text), v.isFinite, range.contains(v) else { return nil }
        return v
    }

    /// "0…2000000000", as errors state a range.
    public static func describe<T>(_ range: ClosedRange<T>) -> String { "\(range.lowerBound)…\(range.upperBound)" }
}
