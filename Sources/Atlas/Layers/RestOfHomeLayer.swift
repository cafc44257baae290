import Cartography

/// The legend line for a side that holds the rest of its home (one-sided data, dataset.json's
/// `holdsRestOfHome`): the map leaves that ground unfilled, as it does all ground held at home, so
/// without this line the legend would name only the side whose ground the data maps.
struct RestOfHomeLayer: MapLayer {
    var id: LayerID? { nil }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        for (index, side) in c.dataset.manifest.sides.enumerated() where side.holdsRestOfHome {
            guard let home = side.home else { continue }
            let colors = c.theme.colors(forSide: side.id, index: index)
            let land = c.theme.territoryTint[home] ?? c.theme.land
            frame.legend.append(
                LegendEntry(
                    swatch: .area(Fill(land), Stroke(colors.line, width: 1.2 * c.layout.unit)),
                    label: c.words(.legendRestOfHome, ["side": side.name, "home": home]), rank: .essential))
        }
    }
}
