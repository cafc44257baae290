import Cartography
import GeoCore

/// Settlement markers: exact positions solid, approximate ones dashed with a ring of their stated
/// uncertainty; a ring in the new holder's colour around a settlement that changed hands.
struct SettlementsLayer: MapLayer {
    var id: LayerID? { .settlements }
    func needs(in context: SequenceContext) -> FrameNeeds { .change }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        let u = c.layout.unit, theme = c.theme
        var rings: [SceneItem] = [], markers: [SceneItem] = []
        let solid = Stroke(theme.settlementLine, width: 1.3 * u)
        let dashed = Stroke(theme.settlementLine, width: 1.3 * u, dash: [2.5 * u, 1.8 * u], cap: .butt)
        var sawExact = false, sawApprox = false
        for (s, p) in c.locatedSettlements() {
            let size = c.markerSize(s)
            if case .approximate(let km) = s.precision {
                sawApprox = true
                if let km {
                    let r = km * c.projection.pixelsPerKm(at: s.location ?? c.dataset.manifest.view.center)
                    rings.append(
                        .path(
                            c.circle(p, r), fill: Fill(theme.settlementLine.with(alpha: 0.05)),
                            stroke: Stroke(theme.settlementLine.with(alpha: 0.45), width: 0.8 * u, dash: [3 * u, 3 * u], cap: .butt)))
                }
                markers.append(.marker(.circle, at: p, size: size, fill: Fill(theme.settlementFill), stroke: dashed))
            } else {
                sawExact = true
                markers.append(
                    .marker(
                        s.population ?? 0 >= 100_000 ? .square : .circle, at: p, size: size,
                        fill: Fill(theme.settlementFill), stroke: solid))
            }
        }
        var changed: [SceneItem] = []
        let bounds = c.labelBounds
        for h in frame.picture.changedHands {
            guard let l = h.settlement.location, let to = h.to else { continue }
            let p = c.projection.project(l)
            guard bounds.contains(p) else { continue }
            let index = c.dataset.manifest.sides.firstIndex { $0.id == to } ?? 0
            changed.append(
                .marker(
                    .circle, at: p, size: c.markerSize(h.settlement) + 9 * u, fill: nil,
                    stroke: Stroke(theme.colors(forSide: to, index: index).line, width: 2.4 * u)))
        }
        if !changed.isEmpty, let since = frame.picture.since {
            frame.legend.append(
                LegendEntry(
                    swatch: .marker(.circle, Fill(theme.settlementFill), Stroke(theme.text, width: 2.4 * u)),
                    label: c.words(.legendChangedHands, ["date": c.words.longDate(since)])))
        }
        if sawExact {
            frame.legend.append(
                LegendEntry(swatch: .marker(.circle, Fill(theme.settlementFill), solid), label: c.words(.legendSettlementExact)))
        }
        if sawApprox {
            frame.legend.append(
                LegendEntry(
                    swatch: .marker(.circle, Fill(theme.settlementFill), dashed),
                    label: c.words(.legendSettlementApprox)))
        }
        frame.map.append(.group(id: "settlements", clip: nil, items: rings + markers + changed))
    }
}
