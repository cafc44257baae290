import Cartography
import MapData

/// The scale bar, in the map frame's bottom-left corner.
struct ScaleBarLayer: MapLayer {
    var id: LayerID? { .scaleBar }
    func staticGroups(in context: SequenceContext) -> [String] { ["scale-bar"] }

    func draw(_ frame: inout FrameDraft, in c: SequenceContext) throws { frame.map += items(c) }

    /// A bar of a round number of km (1, 2 or 5 × 10ⁿ) at most 200 px long (less in a narrow slot),
    /// measured at the map's centre.
    func items(_ c: SequenceContext) -> [SceneItem] {
        let u = c.layout.unit, r = c.layout.scaleBar
        let centre = c.dataset.manifest.view.center
        let pxPerKm = c.projection.pixelsPerKm(at: centre)
        let target = min(200 * u, r.width - 60 * u) / pxPerKm
        var step = 1.0
        while step * 10 <= target { step *= 10 }
        let km = [5 * step, 2 * step, step].first { $0 <= target } ?? step
        let len = km * pxPerKm
        let x0 = r.x + 12 * u, y0 = r.maxY - 16 * u
        let style = TextStyle(family: c.theme.fontFamily, size: c.layout.textSize(13), color: c.theme.text)
        var items: [SceneItem] = [.rect(r, fill: Fill(c.theme.panel.with(alpha: 0.85)), stroke: nil, cornerRadius: 4 * u)]
        let halves = [(x0, x0 + len / 2, c.theme.text), (x0 + len / 2, x0 + len, c.theme.panel)]
        for (a, b, colour) in halves {
            items.append(
                .rect(
                    Rect(x: a, y: y0 - 6 * u, width: b - a, height: 6 * u), fill: Fill(colour),
                    stroke: Stroke(c.theme.text, width: 1 * u), cornerRadius: 0))
        }
        items.append(.text(TextItem("0", at: Point(x0, y0 - 9 * u), anchor: TextAnchor(.middle, .bottom), style: style)))
        items.append(
            .text(
                TextItem(
                    c.words.format.number(km / 2, digits: 1), at: Point(x0 + len / 2, y0 - 9 * u), anchor: TextAnchor(.middle, .bottom),
                    style: style)
            ))
        items.append(
            .text(
                TextItem(
                    c.words.format.km(km), at: Point(x0 + len, y0 - 9 * u), anchor: TextAnchor(.start, .bottom), style: style))
        )
        return [.group(id: "scale-bar", clip: nil, items: items)]
    }
}

#if canImport(Glibc)
    import Glibc
#endif
