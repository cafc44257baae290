import Cartography

/// Settlement names, placed once for the sequence so they stay put from frame to frame (see
/// `LabelPlan`); drawn only with the settlements they name.
struct LabelsLayer: MapLayer {
    var id: LayerID? { .labels }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        guard c.theme.layers[.settlements] else { return }
        frame.map.append(.group(id: "labels", clip: nil, items: c.labelItems(frame.placement(in: c))))
    }
}
