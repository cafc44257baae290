import Cartography
import MapData

/// Ground held across the border, one group per side; claims and contested ground hatched.
struct HeldGroundLayer: MapLayer {
    var id: LayerID? { nil }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        for (index, side) in c.dataset.manifest.sides.enumerated() {
            let colors = c.theme.colors(forSide: side.id, index: index)
            var items: [SceneItem] = []
            for held in frame.picture.held where held.side == side.id {
                let fill = c.heldFill(colors, status: held.status), edge = c.heldStroke(colors, status: held.status)
                items.append(.path(held.path, fill: fill, stroke: edge))
                let whereText = held.territory.map { " in \($0)" } ?? ""
                frame.legend.append(
                    LegendEntry(
                        swatch: .area(fill, edge),
                        label: "\(side.name)\(whereText): \(phrase(held.status, frame.picture.interpolation, c))"))
            }
            frame.map.append(.group(id: "control-\(side.id)", clip: nil, items: items))
        }
    }

    /// A morphed frame's ground is no assessment: its legend says so.
    func phrase(_ status: ControlStatus, _ step: Interpolation?, _ c: SequenceContext) -> String {
        guard let step else { return c.statusPhrase(status) }
        let between = "interpolated between \(step.from.shortDescription) and \(step.to.shortDescription), not an assessment"
        return status == .assessed ? "held, \(between)" : "\(c.statusPhrase(status)), \(between)"
    }
}
