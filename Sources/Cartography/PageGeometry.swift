/// A point on the page in CSS pixels (before any HiDPI scale), y down.
public struct Point: Hashable, Sendable {
    public var x: Double, y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

/// An axis-aligned rectangle on the page in CSS pixels.
public struct Rect: Hashable, Sendable {
    public var x: Double, y: Double, width: Double, height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var center: Point { Point(x + width / 2, y + height / 2) }
    public func intersects(_ o: Rect) -> Bool { !(o.x >= maxX || o.maxX <= x || o.y >= maxY || o.maxY <= y) }
    public func contains(_ p: Point) -> Bool { p.x >= x && p.x <= maxX && p.y >= y && p.y <= maxY }
    public func insetBy(_ d: Double) -> Rect { Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d) }
}

/// Subpaths in page pixels; closed ones are rings.
public struct PagePath: Sendable, Equatable {
    public var subpaths: [[Point]]
    public var closed: Bool
    public init(subpaths: [[Point]], closed: Bool) { self.subpaths = subpaths; self.closed = closed }
    public var isEmpty: Bool { subpaths.isEmpty }
    public var pointCount: Int { subpaths.reduce(0) { $0 + $1.count } }
}
