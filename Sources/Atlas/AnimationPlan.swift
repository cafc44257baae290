import MapData

/// The frames of an animation: one per step from the first date to the last (the last date always
/// included), each with the events dated since the frame before, and held for extra copies on a
/// snapshot date or when events are shown, so a viewer can read them.
public struct AnimationPlan: Sendable {
    public struct Frame: Sendable {
        public let day: Day
        /// Events dated after the previous frame's day, up to this one (the first frame: its own day).
        public let events: [Event]
        /// How many video frames show this picture: 1, or 1 + the hold.
        public let copies: Int
    }

    public let frames: [Frame]

    /// Video frames in all, holds included.
    public var videoFrameCount: Int { frames.reduce(0) { $0 + $1.copies } }

    /// - Parameters:
    ///   - stepDays: days between frames, at least 1.
    ///   - holdCopies: extra copies of a frame on a snapshot date or with events.
    public init(dataset: Dataset, from: Day, to: Day, stepDays: Int, holdCopies: Int) {
        precondition(from <= to && stepDays >= 1 && holdCopies >= 0, "AnimationPlan: checked by the caller")
        var days: [Day] = []
        var d = from
        while d <= to {
            days.append(d)
            d = d.adding(days: stepDays)
        }
        if days.last != to { days.append(to) }
        let snapshots = Set(dataset.timeline.dates)
        var frames: [Frame] = []
        var previous: Day?
        for day in days {
            let events = dataset.events.filter { e in e.date <= day && (previous.map { e.date > $0 } ?? (e.date == day)) }
            let hold = snapshots.contains(day) || !events.isEmpty
            frames.append(Frame(day: day, events: events, copies: hold ? 1 + holdCopies : 1))
            previous = day
        }
        self.frames = frames
    }
}
