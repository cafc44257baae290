import Cartography
import Foundation
import GeoCore
import MapData

/// The inset locator map: the wider region's shorelines, national borders and named seas on a conic of
/// its own, with the main map's extent outlined (the same on every frame of a sequence, so made once),
/// and the frame's held ground on it, never smaller than a dot, so it shows where the front is.
struct InsetLayer: MapLayer {
    var id: LayerID? { .inset }
    func staticGroups(in context: SequenceContext) -> [String] { ["inset"] }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        guard let (items, page) = base(c) else { return }
        frame.map += items
        frame.map.append(.group(id: "inset-front", clip: c.layout.inset, items: heldGround(frame.picture, on: page, c)))
    }

    func base(_ c: SequenceContext) -> (items: [SceneItem], page: PageProjection)? {
        guard c.showsInset else { return nil }
        if let cached = c.insetCache { return cached }
        guard let made = makeItems(c) else { return nil }
        c.insetCache = made
        return made
    }

    /// Each side's ground held across the border, carried from the main map to the inset; a piece
    /// smaller than a dot there is drawn as a dot.
    func heldGround(_ picture: ControlPicture, on page: PageProjection, _ c: SequenceContext) -> [SceneItem] {
        let u = c.layout.unit
        // Only vertices half an inset pixel apart are carried over (two projections per vertex, per
        // frame): the main map's pixels per inset pixel, read across the map frame's diagonal.
        let m = c.layout.map, a = Point(m.x, m.y), b = Point(m.maxX, m.maxY)
        let ia = page.project(c.projection.unproject(a)), ib = page.project(c.projection.unproject(b))
        let ratio = hypot(ib.x - ia.x, ib.y - ia.y) / max(hypot(b.x - a.x, b.y - a.y), 1)
        let step = 0.5 / max(ratio, 1e-9)
        func thinned(_ ring: [Point]) -> [Point] {
            var kept: [Point] = []
            for (k, p) in ring.enumerated()
            where kept.isEmpty || k == ring.count - 1 || hypot(p.x - kept[kept.count - 1].x, p.y - kept[kept.count - 1].y) >= step {
                kept.append(p)
            }
            return kept
        }
        var items: [SceneItem] = []
        for (index, side) in c.dataset.manifest.sides.enumerated() {
            let rings = picture.held.filter { $0.side == side.id }.flatMap(\.path.subpaths).map { ring in
                thinned(ring).map { page.project(c.projection.unproject($0)) }
            }
            guard let first = rings.first?.first else { continue }
            let color = c.theme.colors(forSide: side.id, index: index).line
            var box = Rect(x: first.x, y: first.y, width: 0, height: 0)
            for p in rings.joined() { box = box.including(p) }
            if max(box.width, box.height) < 5 * u {
                items.append(.marker(.circle, at: box.center, size: 5 * u, fill: Fill(color), stroke: nil))
            } else {
                items.append(.path(PagePath(subpaths: rings, closed: true), fill: Fill(color), stroke: nil))
            }
        }
        return items
    }

    private func makeItems(_ c: SequenceContext) -> (items: [SceneItem], page: PageProjection)? {
        let u = c.layout.unit, slot = c.layout.inset
        guard let inset = c.dataset.inset else { return nil }
        // The wider region: about 1,500 × 1,450 km around the view's centre, reaching south to the coast
        // (GSHHG's crude bins reach much farther; they are clipped to the slot).
        let centre = c.dataset.manifest.view.center
        guard
            let region = try? BBox(
                west: centre.lon - 11, south: centre.lat - 8, east: centre.lon + 11, north: centre.lat + 5)
        else { return nil }
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
        let names = areaNames(inset, page: page, clear: extentOutline(c, on: page), c)
        return ([.group(id: "inset", clip: slot, items: items + names + frame)], page)
    }

    /// The seas' names in small italic, then the countries' in small spaced capitals, largest first,
    /// each in the deepest open room of its face in the slot, clear of the main map's extent (where
    /// the front is) and of each other; a name with no room is left out.
    private func areaNames(_ inset: InsetMap, page: PageProjection, clear extent: PagePath, _ c: SequenceContext) -> [SceneItem] {
        let u = c.layout.unit, slot = c.layout.inset
        let builder = PathBuilder(projection: page, clip: slot.insetBy(-2), tolerance: 0.4)
        var placer = NamePlacer(frame: slot.insetBy(4 * u), blocked: [extent], cell: 2 * u)
        let seaStyle = TextStyle(family: c.theme.fontFamily, size: c.layout.textSize(10), italic: true, color: c.theme.waterText)
        let countryStyle = TextStyle(
            family: c.theme.fontFamily, size: c.layout.textSize(8.5), weight: .bold, color: c.theme.mutedText, halo: c.theme.halo,
            haloWidth: 1.5 * u)
        let faces = inset.faces.territories.filter { $0.name != InsetMap.landName }.map { face in
            let water = InsetMap.isWater(face.name)
            let room = placer.room(within: DistanceField(filling: builder.path(face.geometry), on: placer.grid))
            return (water: water, name: face.name, room: room, area: placer.area(of: room))
        }
        // Seas first, then countries by the room they have in the slot (file order breaks ties).
        let ordered = faces.enumerated().sorted { a, b in
            if a.element.water != b.element.water { return a.element.water }
            return a.element.area != b.element.area ? a.element.area > b.element.area : a.offset < b.offset
        }.map(\.element)
        var items: [SceneItem] = []
        for face in ordered {
            let style = face.water ? seaStyle : countryStyle
            let text = face.water ? face.name : face.name.uppercased().map(String.init).joined(separator: "\u{2009}")
            let m = c.measurer.measure(text, style: style, maxWidth: nil)
            if let p = placer.place(width: m.width, height: m.height, in: face.room, pad: 1 * u) {
                items.append(.text(TextItem(text, at: p, anchor: TextAnchor(.middle, .middle), style: style)))
            }
        }
        return items
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
