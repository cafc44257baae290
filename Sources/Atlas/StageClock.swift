import Cartography

/// Where the time of a frame goes, for `frontline bench`: seconds summed per stage until `take()`.
///
/// A sequence context with a clock times its own stages (query, geometry, project, compose); the
/// caller adds the rest (draw, encode). Loading happens once per sequence and is timed apart.
/// Reading the monotonic clock costs well under a microsecond, so timing does not change what is timed.
/// Package access: benchmark plumbing for the `bench` command, not part of the library's API.
package final class StageClock {
    package enum Stage: String, CaseIterable, Sendable {
        /// The timeline: which snapshot, which areas and events a date shows.
        case query
        /// GEOS work on the date's polygons: change since the previous snapshot, the front line.
        case geometry
        /// Projecting to the page and simplifying there.
        case project
        /// Building the scene: legend, labels, panel text measured with Pango.
        case compose
        /// Cairo drawing into pixels, static layers included.
        case draw
        /// PNG encoding of the finished pixels.
        case encode
    }

    private var seconds = [Double](repeating: 0, count: Stage.allCases.count)

    package init() {}

    /// Runs `body`, adding its wall time to `stage`.
    package func time<T>(_ stage: Stage, _ body: () throws -> T) rethrows -> T {
        let start = Self.now()
        defer { add(stage, Self.now() - start) }
        return try body()
    }

    /// Adds `s` seconds to `stage` (for time measured elsewhere).
    package func add(_ stage: Stage, _ s: Double) {
        if let i = Stage.allCases.firstIndex(of: stage) { seconds[i] += s }
    }

    /// The seconds per stage since the last `take()`, and zero again.
    package func take() -> [Stage: Double] {
        defer { seconds = seconds.map { _ in 0 } }
        return Dictionary(uniqueKeysWithValues: zip(Stage.allCases, seconds))
    }

    static func now() -> Double { MonotonicClock.seconds() }
}

/// Runs `body` under `clock`'s `stage` if there is a clock.
@inline(__always)
func timed<T>(_ clock: StageClock?, _ stage: StageClock.Stage, _ body: () throws -> T) rethrows -> T {
    guard let clock else { return try body() }
    return try clock.time(stage, body)
}
