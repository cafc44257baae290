/// A bad argument found while running a command: printed as one line, without the usage text that
/// ArgumentParser adds to its own validation errors.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
