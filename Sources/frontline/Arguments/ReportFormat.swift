import ArgumentParser

/// `report --format`: an HTML folder or one PDF file, in any case.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case html, pdf

    init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
