import ArgumentParser
import MapData

/// `--hold 500ms`: the extra time a held frame stays on screen, Ns, Nms or 0, at most 60 s.
///
/// As with `FrameStep`, the option passes `transform: HoldTime.init(parsing:)` so that the parser's
/// error gives the reason. The time becomes whole frames only with the video's rate (`copies(fps:)`).
struct HoldTime: ExpressibleByArgument, Equatable, CustomStringConvertible {
    let seconds: Double

    /// One second: `animate`'s default.
    static let oneSecond = HoldTime(seconds: 1)

    private init(seconds: Double) { self.seconds = seconds }

    init(parsing text: String) throws(DataError) { seconds = try OptionText.holdSeconds(text) }

    init?(argument: String) { try? self.init(parsing: argument) }

    /// Extra copies of the held frame at `fps`.
    func copies(fps: Int) -> Int { OptionText.holdCopies(seconds: seconds, fps: fps) }

    var description: String { "\(JSONWriter.formatNumber(seconds))s" }
    var defaultValueDescription: String { description }
}
