/// A calendar day (proleptic Gregorian, no time zone): what a control snapshot, an event or a scene
/// is dated with. In GeoCore, below both the data (MapData) and the page (Cartography's `Scene`), so
/// that a date is validated once, when it is made.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public init(year: Int, month: Int, day: Int) throws(DayError) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { throw DayError(message: "no such date \(year)-\(month)-\(day)") }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses an ISO 8601 calendar date, "YYYY-MM-DD", and nothing else.
    public init(parsing text: String) throws(DayError) {
        let b = Array(text.utf8)
        func digits(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { guard b[i] >= 48, b[i] <= 57 else { return nil }; v = v * 10 + Int(b[i] - 48) }
            return v
        }
        guard b.count == 10, b[4] == 45, b[7] == 45, let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10)
        else { throw DayError(message: "'\(text)' is not a date; expected YYYY-MM-DD") }
        do { try self.init(year: y, month: m, day: d) } catch {
            throw DayError(message: "'\(text)' is not a valid date")
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(ordinal z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0); month = m; day = d
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }
    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    /// "2024-09-01"
    public var description: String {
        func pad(_ v: Int, _ n: Int) -> String { String(repeating: "0", count: max(0, n - String(v).count)) + String(v) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// Why a text or three numbers are not a `Day`; readers put the file and place around the message.
public struct DayError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
