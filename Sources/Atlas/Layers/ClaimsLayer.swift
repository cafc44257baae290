import Cartography

/// Settlements claimed taken since the snapshot in force (`SettlementClaim`): a dashed ring in the
/// taker's colour, never a fill, so a claim is not drawn as ground; the legend names the claimants.
struct ClaimsLayer: MapLayer {
    var id: LayerID? { .claims }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        let u = c.layout.unit, bounds = c.labelBounds
        var items: [SceneItem] = []
        for (index, side) in c.dataset.manifest.sides.enumerated() {
            let claims = frame.facts.claims.filter { $0.taker == side.id }
            let stroke = Stroke(c.theme.colors(forSide: side.id, index: index).line, width: 2.4 * u, dash: [4 * u, 2.5 * u], cap: .butt)
            var named: [String] = []
            for claim in claims {
                guard let l = claim.settlement.location else { continue }
                let p = c.projection.project(l)
                guard bounds.contains(p) else { continue }
                // Round the event star a claim usually comes with (22 px), within the label's clearance.
                let size = max(c.markerSize(claim.settlement) + 9 * u, c.eventMarkerSize + 4 * u)
                items.append(.marker(.circle, at: p, size: size, fill: nil, stroke: stroke))
                // Who claims it, beside the name; a compact panel leaves that to the event list under it.
                named.append(
                    c.layout.isCompact ? claim.settlement.name : "\(claim.settlement.name) (\(claim.claimants.joined(separator: "; ")))")
            }
            guard !named.isEmpty else { continue }
            frame.legend.append(
                LegendEntry(
                    swatch: .marker(.circle, Fill(c.theme.settlementFill), stroke),
                    label: c.words(.legendClaimedTaken, ["side": side.name, "names": named.joined(separator: ", ")]), rank: .essential))
        }
        frame.map.append(.group(id: "claims", clip: nil, items: items))
    }
}
