import Cartography
import GeoCore
import MapData

extension SequenceContext {
    var scaleBarRect: Rect { layout.scaleBar }
    var northArrowRect: Rect { layout.northArrow }

    /// Boxes that labels must stay clear of: the furniture this theme shows.
    func furnitureRects() -> [Rect] {
        (theme.layers.scaleBar ? [scaleBarRect] : []) + (theme.layers.northArrow ? [northArrowRect] : [])
            + (showsInset ? [layout.inset] : [])
    }

    func furnitureItems() -> [SceneItem] {
        (theme.layers.scaleBar ? scaleBar() : []) + (theme.layers.northArrow ? northArrow() : []) + insetItems()
    }

    /// A bar of a round number of km (1, 2 or 5 × 10ⁿ) near 200 px long, measured at the map's centre.
    func scaleBar() -> [SceneItem] {
        let u = layout.unit, r = scaleBarRect
        let centre = dataset.manifest.view.center
        let pxPerKm = projection.pixelsPerKm(at: centre)
        let target = 200 * u / pxPerKm
        var step = 1.0
        while step * 10 <= target { step *= 10 }
        let km = [5 * step, 2 * step, step].first { $0 <= target } ?? step
        let len = km * pxPerKm
        let x0 = r.x + 12 * u, y0 = r.maxY - 16 * u
        let style = TextStyle(family: theme.fontFamily, size: 13 * u, color: theme.text)
        var items: [SceneItem] = [.rect(r, fill: Fill(theme.panel.with(alpha: 0.85)), stroke: nil, cornerRadius: 4 * u)]
        let halves = [(x0, x0 + len / 2, theme.text), (x0 + len / 2, x0 + len, theme.panel)]
        for (a, b, c) in halves {
            items.append(
                .rect(
                    Rect(x: a, y: y0 - 6 * u, width: b - a, height: 6 * u), fill: Fill(c),
                    stroke: Stroke(theme.text, width: 1 * u), cornerRadius: 0))
        }
        items.append(.text(TextItem("0", at: Point(x0, y0 - 9 * u), anchor: TextAnchor(.middle, .bottom), style: style)))
        items.append(
            .text(
                TextItem(
                    formatFixed(km / 2, digits: 1), at: Point(x0 + len / 2, y0 - 9 * u), anchor: TextAnchor(.middle, .bottom), style: style)
            ))
        items.append(
            .text(
                TextItem(
                    "\(formatFixed(km, digits: 1)) km", at: Point(x0 + len, y0 - 9 * u), anchor: TextAnchor(.start, .bottom), style: style))
        )
        return [.group(id: "scale-bar", clip: nil, items: items)]
    }

    /// An arrow along the meridian through the arrow's own position (conic maps turn north a little).
    func northArrow() -> [SceneItem] {
        let u = layout.unit, r = northArrowRect
        let view = dataset.manifest.view
        let angle = projection.northAngle(at: LonLat(uncheckedNear: view.center, east: view.east))
        let c = Point(r.center.x, r.y + 44 * u)
        func rot(_ dx: Double, _ dy: Double) -> Point {
            Point(c.x + dx * cos(angle) - dy * sin(angle), c.y + dx * sin(angle) + dy * cos(angle))
        }
        let h = 26 * u, w = 10 * u
        let left = PagePath(subpaths: [[rot(0, -h), rot(-w, h * 0.6), rot(0, h * 0.25)]], closed: true)
        let right = PagePath(subpaths: [[rot(0, -h), rot(w, h * 0.6), rot(0, h * 0.25)]], closed: true)
        let style = TextStyle(family: theme.fontFamily, size: 15 * u, weight: .bold, color: theme.text)
        return [
            .group(
                id: "north-arrow", clip: nil,
                items: [
                    .rect(r, fill: Fill(theme.panel.with(alpha: 0.85)), stroke: nil, cornerRadius: 4 * u),
                    .path(left, fill: Fill(theme.text), stroke: Stroke(theme.text, width: 1 * u)),
                    .path(right, fill: Fill(theme.panel), stroke: Stroke(theme.text, width: 1 * u)),
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
