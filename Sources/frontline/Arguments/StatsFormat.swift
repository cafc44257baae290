import ArgumentParser

/// `stats --format`: a CSV table or a JSON array.
enum StatsFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json
}
