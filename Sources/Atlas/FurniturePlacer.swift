import Cartography

extension Layout {
    /// The furniture moved to the corners of the map frame where it covers the least of what the map
    /// is about: each of `weighted` (page points of key places, event places and settlements, with
    /// their weights) inside a slot, or close to it, counts against that corner. The inset chooses
    /// first, then the north arrow, then the scale bar (bottom corners only, under the map's foot);
    /// ties keep the usual corners, so a map with nothing under its furniture is laid out as before.
    /// Placement reads only fixed positions, never a date's ground, so every frame of a sequence and
    /// every command draws a page alike.
    func arranged(avoiding weighted: [(point: Point, weight: Double)]) -> Layout {
        var out = self
        let m = map, edge = 20 * unit
        func corners(_ size: (width: Double, height: Double)) -> [Rect] {
            let left = m.x + edge, right = m.maxX - edge - size.width
            let top = m.y + edge, foot = m.maxY - edge - size.height
            return [
                Rect(x: left, y: top, width: size.width, height: size.height),
                Rect(x: right, y: top, width: size.width, height: size.height),
                Rect(x: left, y: foot, width: size.width, height: size.height),
                Rect(x: right, y: foot, width: size.width, height: size.height),
            ]
        }
        func cost(_ r: Rect) -> Double {
            let near = r.insetBy(-12 * unit)
            return weighted.reduce(0) { $0 + (near.contains($1.point) ? $1.weight : 0) }
        }
        var taken: [Rect] = []
        /// The cheapest free corner; `usual` (the slot's own place) first among equals.
        func choose(_ usual: Rect, _ options: [Rect]) -> Rect {
            let ordered = [usual] + options.filter { abs($0.x - usual.x) > 0.5 || abs($0.y - usual.y) > 0.5 }
            let free = ordered.filter { r in !taken.contains { $0.intersects(r) } }
            let best = free.min { cost($0) < cost($1) } ?? usual
            taken.append(best)
            return best
        }
        out.inset = choose(inset, corners((inset.width, inset.height)))
        out.northArrow = choose(northArrow, corners((northArrow.width, northArrow.height)))
        // The scale bar keeps its own distance from the frame's foot and sides.
        let bar = (scaleBar.width, scaleBar.height)
        let barCorners = [
            scaleBar, Rect(x: m.maxX - 24 * unit - bar.0, y: scaleBar.y, width: bar.0, height: bar.1),
        ]
        out.scaleBar = choose(scaleBar, barCorners)
        return out
    }
}

extension PagePath {
    /// The smallest rectangle holding every point; nil when empty.
    var bounds: Rect? {
        guard let first = subpaths.first(where: { !$0.isEmpty })?.first else { return nil }
        var box = Rect(x: first.x, y: first.y, width: 0, height: 0)
        for sub in subpaths { for p in sub { box = box.including(p) } }
        return box
    }

    /// Whether `p` lies inside the even–odd fill of the closed subpaths (how the renderer fills them).
    func containsEvenOdd(_ p: Point) -> Bool {
        var inside = false
        for ring in subpaths where ring.count >= 3 {
            var j = ring.count - 1
            for i in ring.indices {
                let a = ring[i], b = ring[j]
                if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { inside.toggle() }
                j = i
            }
        }
        return inside
    }
}
