import Cartography
import GeoCore
import MapData

/// The inset locator map: the wider region's shorelines and national borders on a conic of its own,
/// with the main map's extent outlined. The same on every frame of a sequence, so it is made once.
struct InsetLayer: MapLayer {
    var id: LayerID? { .inset }
    func staticGroups(in context: SequenceContext) -> [String] { ["inset"] }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws { frame.map += items(c) }

    func items(_ c: SequenceContext) -> [SceneItem] {
        guard c.showsInset else { return [] }
        if let cached = c.insetCache { return cached }
        let items = makeItems(c)
        c.insetCache = items
        return items
    }

    private func makeItems(_ c: SequenceContext) -> [SceneItem] {
        let u = c.layout.unit, slot = c.layout.inset
        guard let inset = c.dataset.inset else { return [] }
        // The wider region: about 1,500 × 1,450 km around the view's centre, reaching south to the coast
        // (GSHHG's crude bins reach much farther; they are clipped to the slot).
        let centre = c.dataset.manifest.view.center
        guard
            let region = try? BBox(
                west: centre.lon - 11, south: centre.lat - 8, east: centre.lon + 11, north: centre.lat + 5)
        else { return [] }
        let page = PageProjection(raw: LambertConformalConic(fitting: region), fitting: region, into: slot)
        let builder = PathBuilder(projection: page, clip: slot.insetBy(-2), tolerance: 0.4)
        let edge = Stroke(c.theme.mutedText.with(alpha: 0.8), width: 0.7 * u)
        // Land first, then the sea faces over it; beyond the faces' region the slot shows land.
        var items: [SceneItem] = [.rect(slot, fill: Fill(c.theme.land), stroke: nil, cornerRadius: 0)]
        for face in inset.faces.territories where InsetMap.isWater(face.name) {
            items.append(.path(builder.path(face.geometry), fill: Fill(c.theme.water), stroke: nil))
        }
        items += [
            .path(builder.path(inset.coast.lineStrings), fill: nil, stroke: Stroke(c.theme.river, width: 1.2 * u)),
            .path(builder.path(inset.borders.lineStrings), fill: nil, stroke: edge),
        ]
        let frame: [SceneItem] = [
            .path(extentOutline(c, on: page), fill: nil, stroke: c.theme.insetExtent.scaled(u)),
            .rect(slot, fill: nil, stroke: Stroke(c.theme.text.with(alpha: 0.6), width: 1 * u), cornerRadius: 0),
        ]
        return [.group(id: "inset", clip: slot, items: items + frame)]
    }

    /// The main map's frame traced through its own projection back to the ground and onto the inset:
    /// 16 points a side, so a conic's curved parallels show as they should.
    func extentOutline(_ c: SequenceContext, on page: PageProjection) -> PagePath {
        let r = c.layout.map
        let corners = [Point(r.x, r.y), Point(r.maxX, r.y), Point(r.maxX, r.maxY), Point(r.x, r.maxY)]
        var ring: [Point] = []
        for k in 0..<4 {
            let a = corners[k], b = corners[(k + 1) % 4]
            for step in 0..<16 {
                let t = Double(step) / 16
                let ground = c.projection.unproject(Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t))
                ring.append(page.project(ground))
            }
        }
        return PagePath(subpaths: [ring], closed: true)
    }
}
