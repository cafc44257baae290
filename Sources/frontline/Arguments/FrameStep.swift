import ArgumentParser
import MapData

/// `--step 7d`: the days between frames, Nd or Nw, 1 day to 100 years.
///
/// The options that take one pass `transform: FrameStep.init(parsing:)`, so that a bad value is
/// refused by the parser with the reason ("expected a number of days or weeks, e.g. 1d, 7d or 2w",
/// "must be positive and at most 100 years (1…36525 days)") after the option and the value; the
/// failable `init?(argument:)` alone could only say the value is invalid.
struct FrameStep: ExpressibleByArgument, Equatable, CustomStringConvertible {
    let days: Int

    /// One frame a day: `animate`'s default.
    static let daily = FrameStep(days: 1)

    private init(days: Int) { self.days = days }

    init(parsing text: String) throws(DataError) { days = try OptionText.step(text) }

    init?(argument: String) { try? self.init(parsing: argument) }

    var description: String { "\(days)d" }
    var defaultValueDescription: String { description }
}
