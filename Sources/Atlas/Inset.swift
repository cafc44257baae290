import Cartography
import GeoCore
import MapData

extension SequenceContext {
    /// Whether this map draws the inset: the theme wants it and the data set has the wider region.
    var showsInset: Bool { theme.layers.inset && !(dataset.inset?.coast.lines.isEmpty ?? true) }

    /// The inset locator map: the wider region's shorelines and national borders on a conic of its own,
    /// with the main map's extent outlined. The same on every frame of a sequence, so it is made once.
    func insetItems() -> [SceneItem] {
        guard showsInset else { return [] }
        if let insetCache { return insetCache }
        let items = makeInsetItems()
        insetCache = items
        return items
    }

    private func makeInsetItems() -> [SceneItem] {
        let u = layout.unit, slot = layout.inset
        guard let inset = dataset.inset else { return [] }
        // The wider region: about 1,500 × 1,450 km around the view's centre, reaching south to the coast
        // (GSHHG's crude bins reach much farther; they are clipped to the slot).
        let c = dataset.manifest.view.center
        guard let region = try? BBox(west: c.lon - 11, south: c.lat - 8, east: c.lon + 11, north: c.lat + 5) else { return [] }
        let page = PageProjection(raw: LambertConformalConic(fitting: region), fitting: region, into: slot)
        let builder = PathBuilder(projection: page, clip: slot.insetBy(-2), tolerance: 0.4)
        let edge = Stroke(theme.mutedText.with(alpha: 0.8), width: 0.7 * u)
        // Land first, then the sea faces over it; beyond the faces' region the slot shows land.
        var items: [SceneItem] = [.rect(slot, fill: Fill(theme.land), stroke: nil, cornerRadius: 0)]
        for face in inset.faces.territories where InsetMap.isWater(face.name) {
            items.append(.path(builder.path(face.geometry), fill: Fill(theme.water), stroke: nil))
        }
        items += [
            .path(builder.path(inset.coast.lineStrings), fill: nil, stroke: Stroke(theme.river, width: 1.2 * u)),
            .path(builder.path(inset.borders.lineStrings), fill: nil, stroke: edge),
        ]
        let frame: [SceneItem] = [
            .path(extentOutline(on: page), fill: nil, stroke: theme.insetExtent.scaled(u)),
            .rect(slot, fill: nil, stroke: Stroke(theme.text.with(alpha: 0.6), width: 1 * u), cornerRadius: 0),
        ]
        return [.group(id: "inset", clip: slot, items: items + frame)]
    }

    /// The main map's frame traced through its own projection back to the ground and onto the inset:
    /// 16 points a side, so a conic's curved parallels show as they should.
    func extentOutline(on page: PageProjection) -> PagePath {
        let r = layout.map
        let corners = [Point(r.x, r.y), Point(r.maxX, r.y), Point(r.maxX, r.maxY), Point(r.x, r.maxY)]
        var ring: [Point] = []
        for k in 0..<4 {
            let a = corners[k], b = corners[(k + 1) % 4]
            for step in 0..<16 {
                let t = Double(step) / 16
                let ground = projection.unproject(Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t))
                ring.append(page.project(ground))
            }
        }
        return PagePath(subpaths: [ring], closed: true)
    }
}
