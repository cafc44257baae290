import GeoCore
import MapData

/// The pictures of an animation and how long each stays on screen, paced for a reader: time runs at
/// most `Pacing.daysPerSecond`, a date stays on screen at least `Pacing.minDateSeconds` (so the step
/// grows when the speed would flash dates past), snapshot dates are held only when snapshots are
/// sparser than the step (daily data is not held every day), and a title card opens and an end card
/// with the sources closes the sequence.
public struct AnimationPlan: Sendable {
    /// The cards around the map frames.
    public enum Card: Sendable, Equatable { case title, end }

    public struct Frame: Sendable {
        /// The map's date (a card: the sequence's first or last date).
        public let day: Day
        /// Events dated after the previous frame's day, up to this one (the first frame: its own day).
        public let events: [Event]
        /// How many video frames show this picture.
        public let copies: Int
        /// Set on a title or end card; nil on a map.
        public let card: Card?
    }

    /// How fast the animation runs, in video time.
    public struct Pacing: Sendable, Equatable {
        public var fps: Int
        /// Days of the data per second of video, at most.
        public var daysPerSecond: Double
        /// Shortest time a date stays on screen, in seconds.
        public var minDateSeconds: Double
        /// Extra time a snapshot date stays on screen when snapshots are sparser than the step (and
        /// the last date), in seconds.
        public var holdSeconds: Double
        /// The title card's and end card's time on screen, in seconds; 0 leaves a card out.
        public var titleSeconds: Double
        public var endSeconds: Double

        public init(
            fps: Int = 24, daysPerSecond: Double = 7, minDateSeconds: Double = 0.3, holdSeconds: Double = 1,
            titleSeconds: Double = 1, endSeconds: Double = 2
        ) {
            self.fps = fps; self.daysPerSecond = daysPerSecond; self.minDateSeconds = minDateSeconds
            self.holdSeconds = holdSeconds; self.titleSeconds = titleSeconds; self.endSeconds = endSeconds
        }

        /// The step a date needs to stay `minDateSeconds` on screen at this speed, in whole days.
        public var minStepDays: Int { max(1, Int((minDateSeconds * daysPerSecond - 1e-9).rounded(.up))) }
        /// Video frames for `seconds` (at least one when positive).
        func frames(_ seconds: Double) -> Int { seconds <= 0 ? 0 : max(1, Int((seconds * Double(fps)).rounded())) }
    }

    public let frames: [Frame]
    /// The step used, in days: the one asked for, or longer so each date stays on screen long enough.
    public let stepDays: Int
    public let pacing: Pacing
    /// The map frames' first and last dates.
    public let from: Day
    public let to: Day

    /// Video frames in all, holds and cards included.
    public var videoFrameCount: Int { frames.reduce(0) { $0 + $1.copies } }
    /// The video's length in seconds.
    public var seconds: Double { Double(videoFrameCount) / Double(pacing.fps) }
    /// The snapshot dates held (snapshots sparser than the step).
    public let heldDates: [Day]

    /// - Parameter stepDays: days between pictures asked for, at least 1.
    public init(dataset: Dataset, from: Day, to: Day, stepDays: Int, pacing: Pacing = Pacing()) {
        precondition(from <= to && stepDays >= 1 && pacing.fps >= 1 && pacing.daysPerSecond > 0, "AnimationPlan: checked by the caller")
        let step = max(stepDays, pacing.minStepDays)
        self.stepDays = step
        self.pacing = pacing
        self.from = from
        self.to = to
        let snapshots = dataset.timeline.dates
        // A snapshot is held when the ones either side are more than a step away: the frames before
        // and after it are then interpolations, and the assessed picture deserves a pause.
        var held: [Day] = []
        for (k, s) in snapshots.enumerated() where s >= from && s <= to {
            let before = k > 0 ? s.ordinal - snapshots[k - 1].ordinal : Int.max
            let after = k + 1 < snapshots.count ? snapshots[k + 1].ordinal - s.ordinal : Int.max
            if min(before, after) > step || (before == Int.max && after == Int.max) { held.append(s) }
        }
        heldDates = held
        let days = Self.days(from: from, to: to, step: step, pinned: held, minGap: pacing.minStepDays)
        let minCopies = max(1, Int((pacing.minDateSeconds * Double(pacing.fps) - 1e-9).rounded(.up)))
        let heldSet = Set(held)
        var frames: [Frame] = []
        if pacing.titleSeconds > 0 {
            frames.append(Frame(day: from, events: [], copies: pacing.frames(pacing.titleSeconds), card: .title))
        }
        var previous: Day?
        // Video frames of map time so far (holds apart), kept on the clock `days / speed` so rounding
        // each picture to whole frames never drifts: the speed is never above the one asked for.
        var played = 0, elapsedDays = 0
        for (k, day) in days.enumerated() {
            let events = dataset.events.filter { e in e.date <= day && (previous.map { e.date > $0 } ?? (e.date == day)) }
            // On screen for the days until the next picture, at the speed asked for.
            elapsedDays += k + 1 < days.count ? days[k + 1].ordinal - day.ordinal : step
            let due = Int((Double(elapsedDays * pacing.fps) / pacing.daysPerSecond - 1e-9).rounded(.up))
            var copies = max(minCopies, due - played)
            played += copies
            if heldSet.contains(day) || k == days.count - 1 { copies += pacing.frames(pacing.holdSeconds) }
            frames.append(Frame(day: day, events: events, copies: copies, card: nil))
            previous = day
        }
        if pacing.endSeconds > 0 { frames.append(Frame(day: to, events: [], copies: pacing.frames(pacing.endSeconds), card: .end)) }
        self.frames = frames
    }

    /// Every `step` days from `from`, the last date, and the pinned dates; a stepped date closer than
    /// `minGap` days to a pinned one gives way to it, so no date flashes past.
    static func days(from: Day, to: Day, step: Int, pinned: [Day], minGap: Int) -> [Day] {
        var stepped: [Day] = []
        var d = from
        while d <= to {
            stepped.append(d)
            d = d.adding(days: step)
        }
        let fixed = Set(pinned + [from, to])
        let kept = stepped.filter { s in fixed.contains(s) || !fixed.contains { abs($0.ordinal - s.ordinal) < minGap } }
        return Set(kept + fixed).sorted()
    }
}
