import Cartography

/// Ground that changed hands since the previous snapshot: the taker's colour, hatched, one direction
/// per side, so advances and retreats stay apart in grey print too; change too small to see at the
/// map's scale is circled and its area given (`ChangeCallouts`).
struct ChangeLayer: MapLayer {
    var id: LayerID? { .changes }
    func needs(in context: SequenceContext) -> FrameNeeds { .change }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        guard let since = frame.picture.since else { return }
        let u = c.layout.unit
        var items: [SceneItem] = [], callouts: [SceneItem] = []
        let approx = frame.picture.interpolation == nil ? "" : "≈ "
        for (index, side) in c.dataset.manifest.sides.enumerated() {
            guard let taken = frame.picture.taken.first(where: { $0.side == side.id }), !taken.path.isEmpty, taken.km2 >= 0.5
            else { continue }
            let colors = c.theme.colors(forSide: side.id, index: index)
            // Per layout: never finer than the layout allows as displayed (newsprint closes fine hatching).
            let hatch = c.layout.hatch(spacing: 5 * c.theme.hatchSpacing / 7, lineWidth: c.theme.hatchLineWidth + 0.2)
            let fill = Fill(
                colors.fill.with(alpha: 0.25),
                hatch: Hatch(color: colors.line, spacing: hatch.spacing, lineWidth: hatch.lineWidth, angle: index % 2 == 0 ? 45 : -45))
            items.append(.path(taken.path, fill: fill, stroke: Stroke(colors.line, width: 0.8 * u)))
            callouts += ChangeCallouts(u: u, textSize: c.layout.textSize(12), format: c.words.format).items(
                for: taken.path, color: colors.line, theme: c.theme, km2: c.areaKm2(ofPage:))
            frame.legend.append(
                LegendEntry(
                    swatch: .area(fill, Stroke(colors.line, width: 0.8 * u)),
                    label: c.words(
                        frame.picture.interpolation == nil ? .legendTaken : .legendTakenSoFar,
                        ["side": side.name, "date": c.words.longDate(since), "area": approx + c.words.format.km2(taken.km2)]),
                    rank: .essential))
        }
        frame.map.append(.group(id: "change", clip: nil, items: items))
        frame.mapText += c.textBoxes(callouts)
        if !callouts.isEmpty { frame.map.append(.group(id: "change-callouts", clip: nil, items: callouts)) }
    }
}
