import Cartography
import GeoCore
import MapData

/// One layer of the map (Mapnik's symbolizers): it turns the facts of a frame into scene items and
/// legend entries. A map is an ordered list of layers (`MapLayers.standard`); to add one, write a
/// type and put it in the list.
public protocol MapLayer: Sendable {
    /// The switch that turns this layer off; nil for a layer every map draws.
    var id: LayerID? { get }
    /// The facts this layer draws on; a frame computes only what its layers need.
    func needs(in context: SequenceContext) -> FrameNeeds
    /// Ids of the groups this layer draws the same on every frame of a sequence (a raster renderer
    /// draws them once).
    func staticGroups(in context: SequenceContext) -> [String]
    /// Adds this layer's items and legend entries to `frame`.
    func draw(_ frame: inout FrameDraft, in context: SequenceContext) throws
}

extension MapLayer {
    public func needs(in context: SequenceContext) -> FrameNeeds { [] }
    public func staticGroups(in context: SequenceContext) -> [String] { [] }
}

/// Facts of a frame that cost geometry, computed only when a layer shown needs them.
public struct FrameNeeds: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// What changed hands since the previous snapshot (GEOS overlay).
    public static let change = FrameNeeds(rawValue: 1 << 0)
    /// The edge of ground held across the border (GEOS).
    public static let frontLine = FrameNeeds(rawValue: 1 << 1)
    /// Geodesic areas held across the border (a geodesic per edge).
    public static let heldAreas = FrameNeeds(rawValue: 1 << 2)
}

/// A frame being composed: what it shows, and what its layers have added so far, in order.
public struct FrameDraft {
    public let day: Day
    public let facts: FrameFacts
    let picture: ControlPicture
    /// Page items under the map frame: the panel's static part (panel and map do not overlap, and a
    /// raster sequence then draws it into the base it copies, not as an overlay on every frame).
    public var belowMap: [SceneItem] = []
    /// Items inside the map frame, clipped to it.
    public var map: [SceneItem] = []
    /// Page items over the map: the panel.
    public var aboveMap: [SceneItem] = []
    /// The legend, in the order the layers drew what it explains.
    public var legend: [LegendEntry] = []
    /// The heights the panel's blocks took (the panel layer sets them).
    var panelBlocks = PanelBlocks()
    /// Text boxes drawn on the map before the settlement names (area names, change call-outs), which
    /// the names keep clear of.
    var mapText: [Rect] = []
    /// Names, shown markers and event numbers, placed once per frame on first use.
    private var placementCache: LabelPlan.Frame?

    /// The frame's placement of names, markers and event numbers (see `LabelPlan`).
    mutating func placement(in c: SequenceContext) -> LabelPlan.Frame {
        if let placementCache { return placementCache }
        let p = c.placement(events: facts.events, avoiding: mapText)
        placementCache = p
        return p
    }

    init(day: Day, facts: FrameFacts, picture: ControlPicture) {
        self.day = day; self.facts = facts; self.picture = picture
    }
}

/// The layers of a published map, in drawing order.
public enum MapLayers {
    public static let standard: [any MapLayer] = [
        BasemapLayer(), WaterLayer(), RegionsLayer(), CoastLayer(), RiversLayer(), HeldGroundLayer(), RestOfHomeLayer(), ChangeLayer(),
        ReferencesLayer(),
        BorderLayer(), FrontLineLayer(), PlaceNamesLayer(), SettlementsLayer(), ClaimsLayer(), EventsLayer(), LabelsLayer(),
        ScaleBarLayer(), NorthArrowLayer(), InsetLayer(), TimelineLayer(), PanelLayer(),
    ]
}
