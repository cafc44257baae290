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
                frame.legend.append(
                    LegendEntry(
                        swatch: .area(fill, edge),
                        label: c.words(
                            held.territory == nil ? .legendHeldAnywhere : .legendHeld,
                            [
                                "side": side.name, "territory": held.territory ?? "",
                                "status": phrase(held.status, frame.picture.interpolation, c),
                            ]), rank: .essential))
            }
            frame.map.append(.group(id: "control-\(side.id)", clip: nil, items: items))
        }
    }

    /// A morphed frame's ground is no assessment: its legend says so.
    func phrase(_ status: ControlStatus, _ step: Interpolation?, _ c: SequenceContext) -> String {
        guard let step else { return c.statusPhrase(status) }
        let dates = ["from": c.words.shortDate(step.from), "to": c.words.shortDate(step.to)]
        guard status != .assessed else { return c.words(.heldInterpolated, dates) }
        return c.words(.statusInterpolatedLegend, dates.merging(["status": c.statusPhrase(status)]) { a, _ in a })
    }
}
