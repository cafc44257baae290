import Cartography

/// Land: each territory in its tint, or one land colour when the data has no territories; where the
/// frame reaches past the data set's region, "no data" under it (a neutral grey, never sea-coloured).
struct BasemapLayer: MapLayer {
    var id: LayerID? { nil }
    func staticGroups(in context: SequenceContext) -> [String] { ["basemap"] }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        var land: [SceneItem] = []
        if c.showsBeyondRegion, !c.territoryPaths.isEmpty {
            land.append(.rect(c.layout.map, fill: Fill(c.theme.noData), stroke: nil, cornerRadius: 0))
            frame.legend.append(
                LegendEntry(
                    swatch: .area(Fill(c.theme.noData), Stroke(c.theme.mutedText, width: 0.6 * c.layout.unit)),
                    label: c.words(.legendNoData)))
        }
        land += c.territoryPaths.map { t in
            .path(t.path, fill: Fill(c.theme.territoryTint[t.name] ?? c.theme.land), stroke: nil)
        }
        if c.territoryPaths.isEmpty {
            land.append(.rect(c.layout.map, fill: Fill(c.theme.land), stroke: nil, cornerRadius: 0))
        }
        frame.map.append(.group(id: "basemap", clip: nil, items: land))
    }
}
