internal import CCairo
import Cartography

/// Adding page-space shapes to the current Cairo path.
enum CairoShapes {
    /// Each subpath becomes move_to + line_to…; closed paths close every subpath.
    static func add(_ path: PagePath, to cr: OpaquePointer) {
        for subpath in path.subpaths {
            guard let first = subpath.first else { continue }
            cairo_move_to(cr, first.x, first.y)
            for point in subpath.dropFirst() { cairo_line_to(cr, point.x, point.y) }
            if path.closed { cairo_close_path(cr) }
        }
    }

    /// A rectangle, with corners rounded by `cornerRadius` px (clamped to half the shorter side) when positive.
    static func add(_ rect: Rect, cornerRadius: Double, to cr: OpaquePointer) {
        let r = min(cornerRadius, rect.width / 2, rect.height / 2)
        guard r > 0 else {
            cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
            return
        }
        let quarter = Double.pi / 2
        cairo_new_sub_path(cr)
        cairo_arc(cr, rect.maxX - r, rect.y + r, r, -quarter, 0)
        cairo_arc(cr, rect.maxX - r, rect.maxY - r, r, 0, quarter)
        cairo_arc(cr, rect.x + r, rect.maxY - r, r, quarter, 2 * quarter)
        cairo_arc(cr, rect.x + r, rect.y + r, r, 2 * quarter, 3 * quarter)
        cairo_close_path(cr)
    }

    /// A marker of diameter `size` px centred on `center`.
    static func addMarker(_ shape: MarkerShape, at center: Point, size: Double, to cr: OpaquePointer) {
        let r = size / 2
        switch shape {
        case .circle:
            cairo_new_sub_path(cr)
            cairo_arc(cr, center.x, center.y, r, 0, 2 * Double.pi)
            cairo_close_path(cr)
        case .square:
            cairo_rectangle(cr, center.x - r, center.y - r, size, size)
        default:
            addPolygon(MarkerGeometry.vertices(shape, center: center, radius: r), to: cr)
        }
    }

    private static func addPolygon(_ points: [Point], to cr: OpaquePointer) {
        guard let first = points.first else { return }
        cairo_move_to(cr, first.x, first.y)
        for point in points.dropFirst() { cairo_line_to(cr, point.x, point.y) }
        cairo_close_path(cr)
    }
}
