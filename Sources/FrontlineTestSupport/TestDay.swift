import GeoCore

/// A day written in a test's source ("2024-09-01"); a typo there stops the test run at once.
public func testDay(_ text: String) -> Day {
    guard let day = try? Day(parsing: text) else { preconditionFailure("not a YYYY-MM-DD day: \(text)") }
    return day
}
