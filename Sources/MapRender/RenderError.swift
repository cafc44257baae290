/// Why a scene could not be rendered: an invalid scene or argument, or a failure reported by Cairo.
public struct RenderError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong and at which stage, in words.
    public let message: String

    package init(_ message: String) { self.message = message }

    public var description: String { "render error: \(message)" }
}
