import Cartography
import GeoCore

/// Settlement markers, by rank (village, town, city; a key place a step up): exact positions solid,
/// approximate ones dashed with a faint ring of their stated uncertainty; a ring in the new holder's
/// colour around a settlement that changed hands. Only settlements whose names found room are drawn
/// (see `LabelPlan`): a marker is never left without its name.
struct SettlementsLayer: MapLayer {
    var id: LayerID? { .settlements }
    func needs(in context: SequenceContext) -> FrameNeeds { .change }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        let u = c.layout.unit, theme = c.theme
        let shown = frame.placement(in: c).shown
        var rings: [SceneItem] = [], markers: [SceneItem] = []
        var sawExact = false, sawApprox = false
        for (s, p) in c.locatedSettlements() where shown.contains(s.name) {
            let symbol = c.symbol(s), size = c.markerSize(s)
            // A key place is filled dark, so it stands out from every other marker.
            let fill = Fill(symbol.key ? theme.settlementLine : theme.settlementFill)
            if case .approximate(let km) = s.precision {
                sawApprox = true
                if let km {
                    // A ring, not a disc: a grey disc reads as a stain on the ground.
                    let r = km * c.projection.pixelsPerKm(at: s.location ?? c.dataset.manifest.view.center)
                    rings.append(
                        .path(
                            c.circle(p, r), fill: nil,
                            stroke: Stroke(theme.settlementLine.with(alpha: 0.35), width: 0.8 * u, dash: [3 * u, 3 * u], cap: .butt)))
                }
                let dashed = Stroke(theme.settlementLine, width: symbol.strokeWidth * u, dash: [2.5 * u, 1.8 * u], cap: .butt)
                markers.append(.marker(symbol.shape, at: p, size: size, fill: fill, stroke: dashed))
            } else {
                sawExact = true
                markers.append(
                    .marker(
                        symbol.shape, at: p, size: size, fill: fill, stroke: Stroke(theme.settlementLine, width: symbol.strokeWidth * u)))
            }
        }
        var changed: [SceneItem] = []
        let bounds = c.labelBounds
        for h in frame.picture.changedHands where shown.contains(h.settlement.name) {
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
        let solid = Stroke(theme.settlementLine, width: 1.3 * u)
        if sawExact {
            frame.legend.append(
                LegendEntry(swatch: .marker(.circle, Fill(theme.settlementFill), solid), label: c.words(.legendSettlementExact)))
        }
        if sawApprox {
            frame.legend.append(
                LegendEntry(
                    swatch: .marker(
                        .circle, Fill(theme.settlementFill),
                        Stroke(theme.settlementLine, width: 1.3 * u, dash: [2.5 * u, 1.8 * u], cap: .butt)),
                    label: c.words(.legendSettlementApprox), rank: .caveat))
        }
        frame.map.append(.group(id: "settlements", clip: nil, items: rings + markers + changed))
    }
}
