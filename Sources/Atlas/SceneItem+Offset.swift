import Cartography

extension SceneItem {
    /// The same item moved by (`dx`, `dy`) page pixels: how a drawn scene (the area chart) is placed
    /// inside another page (the report cover) without drawing it again.
    func offset(dx: Double, dy: Double) -> SceneItem {
        func p(_ q: Point) -> Point { Point(q.x + dx, q.y + dy) }
        func r(_ q: Rect) -> Rect { Rect(x: q.x + dx, y: q.y + dy, width: q.width, height: q.height) }
        switch self {
        case let .path(path, fill, stroke):
            return .path(PagePath(subpaths: path.subpaths.map { $0.map(p) }, closed: path.closed), fill: fill, stroke: stroke)
        case let .marker(shape, center, size, fill, stroke):
            return .marker(shape, at: p(center), size: size, fill: fill, stroke: stroke)
        case let .rect(rect, fill, stroke, cornerRadius):
            return .rect(r(rect), fill: fill, stroke: stroke, cornerRadius: cornerRadius)
        case .text(var item):
            item.position = p(item.position)
            return .text(item)
        case let .group(id, clip, items):
            return .group(id: id, clip: clip.map(r), items: items.map { $0.offset(dx: dx, dy: dy) })
        }
    }
}
