import Cartography
import GeoCore

/// The countries' names, in spaced capitals, each where its land in view has the most room (for
/// `dataset.json` `"territoryNames": true`, which `frontline init` writes; the Kursk maps name their
/// two countries in the panel instead). Drawn under the settlements, whose haloed labels stay legible
/// over them.
struct TerritoryNamesLayer: MapLayer {
    var id: LayerID? { nil }
    func staticGroups(in context: SequenceContext) -> [String] {
        context.dataset.manifest.territoryNames ? ["territory-names"] : []
    }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws {
        guard c.dataset.manifest.territoryNames else { return }
        let u = c.layout.unit
        let style = TextStyle(
            family: c.theme.fontFamily, size: 15 * u * c.theme.labelScale, weight: .bold, color: c.theme.mutedText,
            halo: c.theme.halo, haloWidth: 2 * u)
        // Settlements' markers and labels: a name is best placed in land that has none.
        let places = c.dataset.gazetteer.settlements.compactMap { $0.location.map(c.projection.project) }
        var items: [SceneItem] = []
        for t in c.dataset.territories.territories {
            guard let spot = Self.roomiest(t.geometry, in: c.layout.map.insetBy(40 * u), projection: c.projection, away: places),
                spot.clearance >= 45 * u
            else { continue }
            let text = t.name.uppercased().map(String.init).joined(separator: "\u{2009}")
            items.append(
                .text(TextItem(text, at: spot.point, anchor: TextAnchor(.middle, .middle), style: style, maxWidth: 4 * spot.clearance)))
        }
        frame.map.append(.group(id: "territory-names", clip: nil, items: items))
    }

    /// The point of a coarse page grid inside `m` farthest from its outline (a sample of at most
    /// 600 of its positions, for speed: the layer runs on every frame), and that distance in pixels.
    /// Settlements (`away`, page points) count at twice their distance: their labels need room too.
    static func roomiest(_ m: MultiPolygon, in rect: Rect, projection: PageProjection, away: [Point]) -> (point: Point, clearance: Double)?
    {
        let positions = m.polygons.flatMap { $0.rings.flatMap(\.points) }
        guard !positions.isEmpty else { return nil }
        let stride = max(1, positions.count / 600)
        let outline = Swift.stride(from: 0, to: positions.count, by: stride).map { projection.project(positions[$0]) }
        var best: (point: Point, clearance: Double)?
        let columns = 32, rows = 18
        for i in 0..<columns {
            for j in 0..<rows {
                let p = Point(
                    rect.x + rect.width * (Double(i) + 0.5) / Double(columns), rect.y + rect.height * (Double(j) + 0.5) / Double(rows))
                guard m.contains(projection.unproject(p)) else { continue }
                var d = Double.infinity
                for q in outline { d = min(d, ((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)).squareRoot()) }
                for q in away { d = min(d, 2 * ((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)).squareRoot()) }
                // The edge of the view bounds the room too.
                d = min(d, p.x - rect.x + 40, rect.maxX - p.x + 40, p.y - rect.y + 40, rect.maxY - p.y + 40)
                if best.map({ d > $0.clearance }) ?? true { best = (p, d) }
            }
        }
        return best
    }
}
