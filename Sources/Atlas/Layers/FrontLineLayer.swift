import Cartography

/// The front line, on top of everything areal.
struct FrontLineLayer: MapLayer {
    var id: LayerID? { .frontLine }
    func needs(in context: SequenceContext) -> FrameNeeds { .frontLine }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        let front = frame.picture.front
        guard !front.isEmpty else { return }
        let stroke = c.theme.frontLine.scaled(c.layout.unit)
        frame.map.append(.group(id: "front-line", clip: nil, items: [.path(front, fill: nil, stroke: stroke)]))
        frame.legend.append(LegendEntry(swatch: .line(stroke), label: c.words(.legendFrontLine), rank: .essential))
    }
}
