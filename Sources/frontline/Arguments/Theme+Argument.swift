import ArgumentParser
import Atlas

/// `--theme print`: one of the built-in themes by name; the parser lists them when the value is none.
extension Theme: ExpressibleByArgument {
    public init?(argument: String) {
        guard let theme = Theme.named(argument) else { return nil }
        self = theme
    }

    public var defaultValueDescription: String { name }
    public static var allValueStrings: [String] { all.map(\.name) }
}
