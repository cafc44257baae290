import Cartography
import GeoCore

/// The north arrow, in the map frame's top-right corner.
struct NorthArrowLayer: MapLayer {
    var id: LayerID? { .northArrow }
    func staticGroups(in context: SequenceContext) -> [String] { ["north-arrow"] }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws { frame.map += items(c) }

    /// An arrow along the meridian through the arrow's own position (conic maps turn north a little).
    func items(_ c: SequenceContext) -> [SceneItem] {
        let u = c.layout.unit, r = c.layout.northArrow
        let view = c.dataset.manifest.view
        let angle = c.projection.northAngle(at: LonLat(uncheckedNear: view.center, east: view.east))
        let o = Point(r.center.x, r.y + 44 * u)
        func rot(_ dx: Double, _ dy: Double) -> Point {
            Point(o.x + dx * cos(angle) - dy * sin(angle), o.y + dx * sin(angle) + dy * cos(angle))
        }
        let h = 26 * u, w = 10 * u
        let left = PagePath(subpaths: [[rot(0, -h), rot(-w, h * 0.6), rot(0, h * 0.25)]], closed: true)
        let right = PagePath(subpaths: [[rot(0, -h), rot(w, h * 0.6), rot(0, h * 0.25)]], closed: true)
        let style = TextStyle(family: c.theme.fontFamily, size: c.layout.textSize(15), weight: .bold, color: c.theme.text)
        return [
            .group(
                id: "north-arrow", clip: nil,
                items: [
                    .rect(r, fill: Fill(c.theme.panel.with(alpha: 0.85)), stroke: nil, cornerRadius: 4 * u),
                    .path(left, fill: Fill(c.theme.text), stroke: Stroke(c.theme.text, width: 1 * u)),
                    .path(right, fill: Fill(c.theme.panel), stroke: Stroke(c.theme.text, width: 1 * u)),
                    .text(TextItem("N", at: rot(0, -h - 3 * u), anchor: TextAnchor(.middle, .bottom), style: style)),
                ])
        ]
    }
}

extension LonLat {
    /// The centre's latitude at the view's eastern edge, where the arrow sits.
    init(uncheckedNear centre: LonLat, east: Double) {
        self = (try? LonLat(lon: east, lat: centre.lat)) ?? centre
    }
}

#if canImport(Glibc)
    import Glibc
#endif
