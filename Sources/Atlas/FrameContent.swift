/// Which optional layers a frame draws. Every frame has the basemap (territories, rivers), the ground
/// held across the border, the state border, and a panel with the title and the date.
///
/// `.full` is the map Frontline publishes. `.bench` is what the benchmark's peer renderers (Mapnik,
/// matplotlib; see bench/) draw, so that `frontline bench` compares the same frames.
public struct FrameContent: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Ground that changed hands since the previous snapshot, hatched, with its area.
    public static let change = FrameContent(rawValue: 1 << 0)
    /// The edge of ground held across the border.
    public static let frontLine = FrameContent(rawValue: 1 << 1)
    /// Settlements, their labels, changed-hands rings and event markers.
    public static let settlements = FrameContent(rawValue: 1 << 2)
    /// Reference outlines (the furthest extent of an advance).
    public static let references = FrameContent(rawValue: 1 << 3)
    /// Scale bar and north arrow.
    public static let furniture = FrameContent(rawValue: 1 << 4)
    /// Everything in the panel below the date: status line, areas held, legend, events, credits.
    public static let panelDetails = FrameContent(rawValue: 1 << 5)

    public static let full: FrameContent = [.change, .frontLine, .settlements, .references, .furniture, .panelDetails]
    public static let bench: FrameContent = []

    public static let names: [(String, FrameContent)] = [
        ("full", .full), ("bench", .bench),
    ]
}
