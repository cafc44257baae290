/// The switch of a map layer that can be turned off, by the name style files use.
public enum LayerID: String, CaseIterable, Sendable {
    case rivers, border, frontLine, changes, references, settlements, labels
    /// The Russian (second) name under each settlement label.
    case secondNames
    case events, inset, scaleBar, northArrow
    /// Settlements claimed taken since the snapshot in force (events), as dashed rings.
    case claims
    /// Sea and lakes (basemap/water.geojson), and coasts and lake shores.
    case water, coast
    /// Names of countries, seas and regions on the map; regions' outlines.
    case names, regions
    /// An animation's timeline bar (snapshot and event dates, the current date); never on a single map.
    case timeline
    /// Everything in the panel below the date: status line, areas held, legend, events, credits.
    case panelDetails
}

/// Which layers a map draws: the one switch for each layer, set by a theme, a style file's `layers`
/// or the benchmark. Basemap, held ground and the panel's title and date have no switch.
public struct LayerSwitches: Sendable, Equatable {
    private var off: Set<LayerID>

    public init(off: Set<LayerID> = []) { self.off = off }

    public subscript(_ id: LayerID) -> Bool {
        get { !off.contains(id) }
        set { if newValue { off.remove(id) } else { off.insert(id) } }
    }

    /// The layers both switch on.
    public func intersection(_ other: LayerSwitches) -> LayerSwitches { LayerSwitches(off: off.union(other.off)) }

    /// Every layer: the map Frontline publishes.
    public static let all = LayerSwitches()
    /// What the benchmark's peer renderers (Mapnik, matplotlib; see bench/) draw: basemap, rivers,
    /// held ground, border, and the panel's title and date. Package access: `frontline bench`'s, not
    /// part of the library's API.
    package static let bench = LayerSwitches(off: Set(LayerID.allCases).subtracting([.rivers, .border, .water, .coast]))

    /// The kinds of frame `frontline bench --kinds` names.
    package static let named: [(String, LayerSwitches)] = [("full", .all), ("bench", .bench)]
}
