import Cartography

/// Ground held across the border, one group per side; claims and contested ground hatched.
struct HeldGroundLayer: MapLayer {
    var id: LayerID? { nil }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        let u = c.layout.unit
        for (index, side) in c.dataset.manifest.sides.enumerated() {
            let colors = c.theme.colors(forSide: side.id, index: index)
            var items: [SceneItem] = []
            for held in frame.picture.held where held.side == side.id {
                let fill = c.heldFill(colors, status: held.status)
                items.append(.path(held.path, fill: fill, stroke: Stroke(colors.line, width: 1.2 * u)))
                let whereText = held.territory.map { " in \($0)" } ?? ""
                frame.legend.append(
                    LegendEntry(
                        swatch: .area(fill, Stroke(colors.line, width: 1.2 * u)),
                        label: "\(side.name)\(whereText): \(c.statusPhrase(held.status))"))
            }
            frame.map.append(.group(id: "control-\(side.id)", clip: nil, items: items))
        }
    }
}
