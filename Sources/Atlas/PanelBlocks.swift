/// The heights of the panel's blocks that change from frame to frame, in page pixels: the date and
/// status lines, the areas held, and the legend. An animation measures every frame's, keeps the
/// largest of each (`union`) as `SequenceContext.panelReservation`, and every frame then draws each
/// block in a box of that height, so the panel's parts never move while the video plays.
public struct PanelBlocks: Sendable, Equatable {
    public var status = 0.0
    public var areas = 0.0
    public var legend = 0.0

    public init(status: Double = 0, areas: Double = 0, legend: Double = 0) {
        self.status = status; self.areas = areas; self.legend = legend
    }

    /// Each block's larger height.
    public func union(_ other: PanelBlocks) -> PanelBlocks {
        PanelBlocks(status: max(status, other.status), areas: max(areas, other.areas), legend: max(legend, other.legend))
    }
}
