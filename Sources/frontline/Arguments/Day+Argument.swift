import ArgumentParser
import GeoCore
import MapData

/// `--date 2024-09-01`: an ISO calendar date, and nothing else. A bad one is refused by the parser
/// with the option, the value and the expected form (the value name, `<yyyy-mm-dd>`).
extension Day: ExpressibleByArgument {
    public init?(argument: String) {
        guard let day = try? Day(parsing: argument) else { return nil }
        self = day
    }
}

/// The value name every date option shows in help and in its parse error.
let dateValueName = "yyyy-mm-dd"

/// Checks that `from` is not after `to`, where both are given.
func checkOrder(from first: Day?, to last: Day?) throws {
    if let first, let last, first > last { throw UsageError("--from \(first) is after --to \(last)") }
}
