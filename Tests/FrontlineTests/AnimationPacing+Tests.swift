import Atlas

extension AnimationPlan.Pacing {
    /// A picture per day, one video frame each, no minimum time on screen and no cards: the plan of
    /// tests that check frames day by day.
    static func daily(fps: Int, holdSeconds: Double = 1) -> Self {
        Self(fps: fps, daysPerSecond: 1000, minDateSeconds: 0, holdSeconds: holdSeconds, titleSeconds: 0, endSeconds: 0)
    }
    /// The same for `frontline animate` (with its own --fps and --hold).
    static let dailyArguments = ["--speed", "1000", "--date-seconds", "0", "--no-cards"]
}
