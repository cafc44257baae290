import Cartography

/// Boundaries between the regions within the countries (oblasts, provinces: basemap/regions.geojson),
/// fine and dotted; a region's outer edges are the state border or the coast, drawn as those.
struct RegionsLayer: MapLayer {
    var id: LayerID? { .regions }
    func staticGroups(in context: SequenceContext) -> [String] { ["regions"] }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        guard !c.regionBoundaryPath.isEmpty else { return }
        let stroke = c.theme.regionEdge.scaled(c.layout.unit)
        frame.map.append(.group(id: "regions", clip: nil, items: [.path(c.regionBoundaryPath, fill: nil, stroke: stroke)]))
        frame.legend.append(LegendEntry(swatch: .line(stroke), label: c.words(.legendRegionBoundary)))
    }
}
