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
    /// The smallest rectangle holding this one and `p`.
    public func including(_ p: Point) -> Rect {
        let x0 = min(x, p.x), y0 = min(y, p.y)
        return Rect(x: x0, y: y0, width: max(maxX, p.x) - x0, height: max(maxY, p.y) - y0)
    }
    /// The overlap of two rectangles; nil when they do not overlap.
    public func intersection(_ o: Rect) -> Rect? {
        let x0 = max(x, o.x), y0 = max(y, o.y), x1 = min(maxX, o.maxX), y1 = min(maxY, o.maxY)
        return x1 > x0 && y1 > y0 ? Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0) : nil
    }
}

/// Subpaths in page pixels; closed ones are rings.
public struct PagePath: Sendable, Equatable {
    public var subpaths: [[Point]]
    public var closed: Bool
    public init(subpaths: [[Point]], closed: Bool) { self.subpaths = subpaths; self.closed = closed }
    public var isEmpty: Bool { subpaths.isEmpty }
    public var pointCount: Int { subpaths.reduce(0) { $0 + $1.count } }
}

extension PagePath {
    /// The stretches of the subpaths made of points that pass `keep`, as open lines. A closed ring
    /// kept whole stays one line (closed by repeating its first point); a stretch that runs across a
    /// ring's starting point stays in one piece.
    public func runs(where keep: (Point) -> Bool) -> PagePath {
        var out: [[Point]] = []
        for sub in subpaths where sub.count >= 2 {
            let flags = sub.map(keep)
            if closed, flags.allSatisfy({ $0 }) {
                out.append(sub + [sub[0]])
                continue
            }
            var pieces: [[Point]] = []
            var current: [Point] = []
            for (p, k) in zip(sub, flags) {
                if k { current.append(p) } else if !current.isEmpty { pieces.append(current); current = [] }
            }
            if !current.isEmpty { pieces.append(current) }
            // A closed ring's last stretch continues into its first when both touch the start.
            if closed, pieces.count >= 2, flags.first == true, flags.last == true {
                let last = pieces.removeLast()
                pieces[0] = last + pieces[0]
            }
            out += pieces.filter { $0.count >= 2 }
        }
        return PagePath(subpaths: out, closed: false)
    }
}
