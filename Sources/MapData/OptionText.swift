/// The values of command-line options and environment variables that are more than one plain
/// number (`--size 1920x1080`, `--step 7d`, `--hold 500ms`, `--shard 0/4`), parsed with checked
/// conversions: any text gives a value in range or an error stating the range, never a trap. Here,
/// below the CLI, so that a fuzz target (Fuzz/Options) can drive them.
public enum OptionText {
    /// Days between frames, "Nd" or "Nw": 1 day to 100 years. An error gives the reason only: the
    /// argument parser names the option and the value before it.
    public static let stepRangeDays = 1...36_525

    public static func step(_ text: String) throws(DataError) -> Int {
        let t = text.trimmingSpaces.lowercased()
        let unit = t.last.map(String.init) ?? ""
        guard unit == "d" || unit == "w", let number = CheckedNumber.whole(t.dropLast(), in: Int.min...Int.max) else {
            throw DataError(message: "expected a number of days or weeks, e.g. 1d, 7d or 2w")
        }
        let (days, overflow) = number.multipliedReportingOverflow(by: unit == "w" ? 7 : 1)
        guard !overflow, stepRangeDays.contains(days) else {
            throw DataError(message: "must be positive and at most 100 years (\(CheckedNumber.describe(stepRangeDays)) days)")
        }
        return days
    }

    /// A held frame's extra time, "1s", "0.5s", "500ms" or "0", in seconds (0…60). An error gives the
    /// reason only, as `step`'s does.
    public static let holdRangeSeconds = 0.0...60.0

    public static func holdSeconds(_ text: String) throws(DataError) -> Double {
        let t = text.trimmingSpaces.lowercased()
        let seconds: Double?
        if t == "0" {
            seconds = 0
        } else if t.hasSuffix("ms") {
            seconds = CheckedNumber.decimal(t.dropLast(2), in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude).map {
                $0 / 1000
            }
        } else if t.hasSuffix("s") {
            seconds = CheckedNumber.decimal(t.dropLast(), in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
        } else {
            seconds = nil
        }
        guard let seconds else { throw DataError(message: "expected a duration such as 1s, 500ms or 0") }
        guard holdRangeSeconds.contains(seconds) else { throw DataError(message: "must be between 0 and 60 s") }
        return seconds
    }

    /// `seconds` of hold as extra copies of a frame at `fps` (clamped to 1…120), 0…7200, never a trap.
    public static func holdCopies(seconds: Double, fps: Int) -> Int {
        CheckedNumber.whole((seconds * Double(max(1, min(fps, 120)))).rounded(), in: 0...7200) ?? 0
    }

    /// "WxH" in pixels, each within `range`.
    public static func size(_ text: String, option: String = "--size", in range: ClosedRange<Int>) throws(DataError) -> (Int, Int) {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let w = CheckedNumber.whole(parts[0], in: range), let h = CheckedNumber.whole(parts[1], in: range) else {
            throw DataError(message: "\(option) '\(text)' must be WxH in pixels, each \(CheckedNumber.describe(range)), e.g. 1920x1080")
        }
        return (w, h)
    }

    /// "I/N": part I (0-based) of N, N at most `maxParts`.
    public static let maxParts = 100_000

    public static func shard(_ text: String) throws(DataError) -> (index: Int, count: Int) {
        guard let (i, n) = shardNumbers(text) else {
            throw DataError(message: "--shard '\(text)': expected I/N, e.g. 0/4 for the first of four parts")
        }
        return try part(i, of: n, from: "--shard")
    }

    /// "I/N" as two whole numbers, not yet checked as a part (see `part`); nil if it is not that form.
    public static func shardNumbers(_ text: String) -> (index: Int, count: Int)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = CheckedNumber.whole(parts[0], in: Int.min...Int.max),
            let n = CheckedNumber.whole(parts[1], in: Int.min...Int.max)
        else { return nil }
        return (i, n)
    }

    /// Part `i` of `n` from an option or the environment (`source` names it), checked.
    public static func part(_ i: Int, of n: Int, from source: String) throws(DataError) -> (index: Int, count: Int) {
        guard n >= 1, n <= maxParts, i >= 0, i < n else {
            throw DataError(
                message: "\(source): part \(i) of \(n) is out of range (0…\(max(0, min(n, maxParts) - 1)) of at most \(maxParts))")
        }
        return (i, n)
    }

    /// An environment variable's whole number, checked; `name` is named in the error.
    public static func environmentNumber(_ text: String, name: String) throws(DataError) -> Int {
        guard let n = CheckedNumber.whole(text.trimmingSpaces, in: -1_000_000_000...1_000_000_000) else {
            throw DataError(message: "\(name) '\(text)' is not a whole number in -1000000000…1000000000")
        }
        return n
    }
}
