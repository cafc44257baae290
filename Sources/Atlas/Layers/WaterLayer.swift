import Cartography

/// Sea and lakes from the folder's basemap (basemap/water.geojson), over the land.
struct WaterLayer: MapLayer {
    var id: LayerID? { .water }
    func staticGroups(in context: SequenceContext) -> [String] { ["water"] }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        guard !c.waterPaths.isEmpty else { return }
        frame.map.append(
            .group(id: "water", clip: nil, items: c.waterPaths.map { .path($0.path, fill: Fill(c.theme.water), stroke: nil) }))
        frame.legend.append(LegendEntry(swatch: .area(Fill(c.theme.water), nil), label: c.words(.legendWater)))
    }
}
