import ArgumentParser
import MapRender

/// `--format svg`: png, svg or pdf, in any case; the parser lists them when the value is none.
extension OutputFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// `--format png,svg`: one or more output formats, comma-separated, in the order given.
struct OutputFormats: ExpressibleByArgument {
    let formats: [OutputFormat]

    init?(argument: String) {
        let parts = argument.split(separator: ",").map { OutputFormat(argument: String($0)) }
        guard !parts.isEmpty, !parts.contains(where: { $0 == nil }) else { return nil }
        formats = parts.compactMap { $0 }
    }

    init(_ formats: [OutputFormat]) { self.formats = formats }

    var defaultValueDescription: String { formats.map(\.rawValue).joined(separator: ",") }
    static var allValueStrings: [String] { OutputFormat.allCases.map(\.rawValue) }
}
