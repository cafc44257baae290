import Cartography

/// Adding page-space shapes to a canvas's current path.
extension CairoCanvas {
    /// Each subpath becomes move_to + line_to…; closed paths close every subpath.
    func add(_ path: PagePath) {
        for subpath in path.subpaths {
            guard let first = subpath.first else { continue }
            move(to: first)
            for point in subpath.dropFirst() { line(to: point) }
            if path.closed { closePath() }
        }
    }

    /// A rectangle, with corners rounded by `cornerRadius` px (clamped to half the shorter side) when positive.
    func add(_ rect: Rect, cornerRadius: Double) {
        let r = min(cornerRadius, rect.width / 2, rect.height / 2)
        guard r > 0 else { return rectangle(rect) }
        let quarter = Double.pi / 2
        newSubPath()
        arc(center: Point(rect.maxX - r, rect.y + r), radius: r, from: -quarter, to: 0)
        arc(center: Point(rect.maxX - r, rect.maxY - r), radius: r, from: 0, to: quarter)
        arc(center: Point(rect.x + r, rect.maxY - r), radius: r, from: quarter, to: 2 * quarter)
        arc(center: Point(rect.x + r, rect.y + r), radius: r, from: 2 * quarter, to: 3 * quarter)
        closePath()
    }

    /// A marker of diameter `size` px centred on `center`.
    func addMarker(_ shape: MarkerShape, at center: Point, size: Double) {
        let r = size / 2
        switch shape {
        case .circle:
            newSubPath()
            arc(center: center, radius: r, from: 0, to: 2 * Double.pi)
            closePath()
        case .square:
            rectangle(Rect(x: center.x - r, y: center.y - r, width: size, height: size))
        default:
            addPolygon(MarkerGeometry.vertices(shape, center: center, radius: r))
        }
    }

    private func addPolygon(_ points: [Point]) {
        guard let first = points.first else { return }
        move(to: first)
        for point in points.dropFirst() { line(to: point) }
        closePath()
    }
}
