import Cartography
import Foundation
import GeoCore
import MapData

/// Names of the areas a reader orients by: countries (basemap/territories.geojson) in spaced bold
/// capitals, seas and lakes (named faces of basemap/water.geojson) in italic, regions
/// (basemap/regions.geojson) in small spaced capitals. Each is sized by how much of it is in view and
/// placed where it covers neither the ground the map is about nor a settlement (`NamePlacer`); a name
/// that finds no room at its smallest size is left out, as an atlas would. `"territoryNames": false`
/// in dataset.json turns them off.
///
/// Placement depends only on the snapshots the frame shows (in force, and the one its change is
/// measured from, or the two it morphs between), so `render` and `frames` draw a date alike, and
/// an animation's names move only when the ground under them changes.
struct PlaceNamesLayer: MapLayer {
    var id: LayerID? { .names }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        guard c.dataset.manifest.territoryNames else { return }
        let items = try c.placeNames(day: frame.day, picture: frame.picture)
        guard !items.isEmpty else { return }
        frame.mapText += c.textBoxes(items)
        frame.map.append(.group(id: "place-names", clip: nil, items: items))
    }
}

/// What kind of area a name is for: its type, size range and order of placement.
enum AreaNameKind: Int, CaseIterable {
    case country, sea, region
}

/// An area that has a name on the map, in page space.
struct NamedArea {
    let kind: AreaNameKind
    let name: String
    let path: PagePath
}

extension SequenceContext {
    /// The names for a frame showing `picture` on `day`, placed once per pair of snapshots shown.
    func placeNames(day: Day, picture: ControlPicture) throws -> [SceneItem] {
        let shown: [Day]
        if let step = picture.interpolation {
            shown = [step.from, step.to]
        } else {
            shown = [try dataset.timeline.state(on: day)?.date, picture.since].compactMap { $0 }
        }
        let key = shown.map(\.description).joined(separator: "/")
        if let hit = namesCache.first(where: { $0.key == key }) { return hit.items }
        var ground: [PagePath] = []
        for d in shown {
            guard let s = try dataset.timeline.state(on: d) else { continue }
            ground += try filledPaths(s)
        }
        let items = makeNames(avoiding: ground)
        namesCache.append((key, items))
        if namesCache.count > Self.cachedSnapshots { namesCache.removeFirst() }
        return items
    }

    /// The areas named: countries, seas (named water faces) and regions.
    var namedAreas: [NamedArea] {
        var areas = territoryPaths.map { NamedArea(kind: .country, name: $0.name, path: $0.path) }
        areas += waterPaths.filter { !$0.name.isEmpty }.map { NamedArea(kind: .sea, name: $0.name, path: $0.path) }
        areas += regionPaths.map { NamedArea(kind: .region, name: $0.name, path: $0.path) }
        return areas
    }

    func makeNames(avoiding ground: [PagePath]) -> [SceneItem] {
        let u = layout.unit, frameRect = layout.map.insetBy(10 * u)
        // Settlements (markers and the start of their labels) and the map furniture are kept clear too.
        var blocked = ground
        for (_, p) in locatedSettlements() { blocked.append(Self.octagon(at: p, radius: 16 * u)) }
        for r in furnitureRects() { blocked.append(Self.box(r.insetBy(-6 * u))) }
        // And the settlement names where they stand when no event moves them.
        for s in labelPlan().specs {
            guard let k = s.preferred else { continue }
            blocked.append(Self.box(LabelPlacer.box(candidate: k, at: s.anchor, size: s.size, gap: s.gap).insetBy(-2 * u)))
        }
        var placer = NamePlacer(frame: frameRect, blocked: blocked, cell: 8 * u)
        var rooms: [(area: NamedArea, room: DistanceField, visible: Double)] = []
        let areas = namedAreas
        for (area, own) in zip(areas, namedAreaFields(areas, on: placer.grid)) {
            let room = placer.room(within: own)
            rooms.append((area, room, placer.area(of: room)))
        }
        // Countries, then seas, then regions; the larger in view first within each kind.
        rooms.sort { a, b in
            if a.area.kind != b.area.kind { return a.area.kind.rawValue < b.area.kind.rawValue }
            if a.visible != b.visible { return a.visible > b.visible }
            return a.area.name < b.area.name
        }
        var items: [SceneItem] = []
        for (area, room, visible) in rooms where visible > 0 {
            let (range, factor) = sizeRule(area.kind)
            // Never below the layout's smallest type: a name that does not fit at that size is left out.
            let least = max(range.lowerBound * u, layout.minimumTextSize())
            var size = max(min(max(factor * visible.squareRoot() / u, range.lowerBound), range.upperBound) * u, least)
            while size >= least - 1e-9 {
                let (text, style) = nameText(area.name, kind: area.kind, size: size)
                let m = measurer.measure(text, style: style, maxWidth: nil)
                if let p = placer.place(width: m.width, height: m.height, in: room, pad: 3 * u) {
                    items.append(.text(TextItem(text, at: p, anchor: TextAnchor(.middle, .middle), style: style)))
                    break
                }
                size *= 0.85
            }
        }
        return items
    }

    /// Each named area's own distance field on `grid`, made once per grid: the basemap is the same
    /// on every frame, and these fields were most of the names' cost on a national front.
    func namedAreaFields(_ areas: [NamedArea], on grid: FieldGrid) -> [DistanceField] {
        if let hit = namedAreaFieldsCache, hit.grid == grid, hit.fields.count == areas.count { return hit.fields }
        let fields = areas.map { DistanceField(filling: $0.path, on: grid) }
        namedAreaFieldsCache = (grid, fields)
        return fields
    }

    /// Type size bounds (px at a 1080-high page) and size per √px² of the area in view.
    private func sizeRule(_ kind: AreaNameKind) -> (ClosedRange<Double>, Double) {
        switch kind {
        case .country: (12...22, 0.03)
        case .sea: (11...19, 0.025)
        case .region: (9...14, 0.02)
        }
    }

    func nameText(_ name: String, kind: AreaNameKind, size: Double) -> (String, TextStyle) {
        let u = layout.unit
        func spaced(_ s: String) -> String { s.uppercased().map(String.init).joined(separator: "\u{2009}") }
        switch kind {
        case .country:
            return (
                spaced(name),
                TextStyle(
                    family: theme.fontFamily, size: size, weight: .bold, color: theme.mutedText, halo: theme.halo, haloWidth: 2 * u)
            )
        case .sea:
            return (name, TextStyle(family: theme.fontFamily, size: size, italic: true, color: theme.waterText))
        case .region:
            return (
                spaced(name),
                TextStyle(
                    family: theme.fontFamily, size: size, color: theme.mutedText.with(alpha: 0.85), halo: theme.halo, haloWidth: 1.5 * u)
            )
        }
    }

    static func octagon(at p: Point, radius r: Double) -> PagePath {
        let ring = (0..<8).map { k -> Point in
            let a = Double(k) * Double.pi / 4
            return Point(p.x + r * cos(a), p.y + r * sin(a))
        }
        return PagePath(subpaths: [ring], closed: true)
    }

    static func box(_ r: Rect) -> PagePath {
        PagePath(subpaths: [[Point(r.x, r.y), Point(r.maxX, r.y), Point(r.maxX, r.maxY), Point(r.x, r.maxY)]], closed: true)
    }
}
