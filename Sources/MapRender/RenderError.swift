internal import CCairo

/// Why a scene could not be rendered: an invalid scene or argument, or a failure reported by Cairo.
public struct RenderError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong and at which stage, in words.
    public let message: String

    package init(_ message: String) { self.message = message }

    public var description: String { "render error: \(message)" }

    /// An error naming a Cairo status and the stage at which it was seen.
    static func cairo(_ status: cairo_status_t, stage: String) -> RenderError {
        let name = cairo_status_to_string(status).map { String(cString: $0) } ?? "status \(status.rawValue)"
        return RenderError("\(stage): cairo: \(name)")
    }
}
