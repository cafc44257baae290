import Cartography

/// Vertices of the polygonal marker shapes, in page pixels, y down.
///
/// Built from exact constants and rotations of a unit vector, so no libm (Foundation) is needed.
enum MarkerGeometry {
    /// Inner radius over outer radius of the five-pointed star: a regular pentagram, (3 − √5) / 2.
    static let starInnerRatio = (3 - 5.0.squareRoot()) / 2

    /// Vertices of `shape` inscribed in the circle of `radius` px around `center`, first vertex at the top,
    /// clockwise on the page. Diamond: the four compass points. Triangle: equilateral, pointing up,
    /// centroid on `center`. Star: five points, inner vertices at `starInnerRatio × radius`.
    /// Circle and square are drawn directly; for them this returns the square's corners.
    static func vertices(_ shape: MarkerShape, center: Point, radius r: Double) -> [Point] {
        switch shape {
        case .diamond:
            return [
                Point(center.x, center.y - r), Point(center.x + r, center.y),
                Point(center.x, center.y + r), Point(center.x - r, center.y),
            ]
        case .triangle:
            let halfBase = r * 3.0.squareRoot() / 2
            return [
                Point(center.x, center.y - r), Point(center.x + halfBase, center.y + r / 2),
                Point(center.x - halfBase, center.y + r / 2),
            ]
        case .star:
            return star(center: center, radius: r)
        case .square, .circle:
            return [
                Point(center.x - r, center.y - r), Point(center.x + r, center.y - r),
                Point(center.x + r, center.y + r), Point(center.x - r, center.y + r),
            ]
        }
    }

    /// Ten vertices 36° apart, alternating outer and inner radius, starting straight up.
    private static func star(center: Point, radius r: Double) -> [Point] {
        let cos36 = (1 + 5.0.squareRoot()) / 4
        let sin36 = (1 - cos36 * cos36).squareRoot()
        var direction = (x: 0.0, y: -1.0)
        var points: [Point] = []
        for i in 0..<10 {
            let radius = i.isMultiple(of: 2) ? r : r * starInnerRatio
            points.append(Point(center.x + radius * direction.x, center.y + radius * direction.y))
            direction = (direction.x * cos36 - direction.y * sin36, direction.x * sin36 + direction.y * cos36)
        }
        return points
    }
}
