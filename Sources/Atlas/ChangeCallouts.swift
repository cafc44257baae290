import Cartography

/// Call-outs for change too small to see: on a national map a day's advance of a few km² is a pixel
/// or two, which no hatch shows. Pieces of one side's change are gathered into clusters (pieces
/// within `reach` of each other); a cluster smaller than `smallest` across gets a ring in the taker's
/// colour around it and its area beside it, as a cartographer circles what the eye would miss. The
/// five largest such clusters of at least 1 km² are marked (a smaller one is more often a compiler's
/// sliver than a gain), so a front of many small gains is not buried in rings.
struct ChangeCallouts {
    let u: Double
    var smallest: Double { 12 * u }
    var reach: Double { 24 * u }
    static let most = 5

    /// Clusters of the rings of `path` (page space), each with its box.
    func clusters(_ path: PagePath) -> [(rings: [[Point]], box: Rect)] {
        var clusters: [(rings: [[Point]], box: Rect)] = []
        for ring in path.subpaths {
            guard let first = ring.first else { continue }
            var box = Rect(x: first.x, y: first.y, width: 0, height: 0)
            for p in ring { box = box.including(p) }
            var merged = (rings: [ring], box: box)
            // Merge with every cluster this ring's box comes near, until none is left near it.
            var k = 0
            while k < clusters.count {
                if clusters[k].box.insetBy(-reach / 2).intersects(merged.box.insetBy(-reach / 2)) {
                    let c = clusters.remove(at: k)
                    merged.rings = c.rings + merged.rings
                    merged.box = merged.box.including(Point(c.box.x, c.box.y)).including(Point(c.box.maxX, c.box.maxY))
                    k = 0
                } else {
                    k += 1
                }
            }
            clusters.append(merged)
        }
        return clusters
    }

    /// Rings and area labels for the clusters of `path` too small to read; `km2` measures a cluster.
    func items(
        for path: PagePath, color: Color, theme: Theme, km2: (PagePath) -> Double
    ) -> [SceneItem] {
        var small: [(box: Rect, km2: Double)] = []
        for c in clusters(path) where max(c.box.width, c.box.height) < smallest {
            let area = km2(PagePath(subpaths: c.rings, closed: true))
            if area >= 1 { small.append((c.box, area)) }
        }
        small.sort { a, b in
            if a.km2 != b.km2 { return a.km2 > b.km2 }
            return a.box.x != b.box.x ? a.box.x < b.box.x : a.box.y < b.box.y
        }
        small = Array(small.prefix(Self.most))
        var items: [SceneItem] = []
        for c in small {
            let diagonal: Double = (c.box.width * c.box.width + c.box.height * c.box.height).squareRoot()
            let r: Double = max(9 * u, diagonal / 2 + 5 * u)
            items.append(.marker(.circle, at: c.box.center, size: 2 * r, fill: nil, stroke: Stroke(color, width: 2 * u)))
            let style = TextStyle(
                family: theme.fontFamily, size: 12 * u, weight: .bold, color: color, halo: theme.halo, haloWidth: 2.5 * u)
            items.append(
                .text(
                    TextItem(
                        "+" + Format.km2(c.km2), at: Point(c.box.center.x + r + 4 * u, c.box.center.y),
                        anchor: TextAnchor(.start, .middle), style: style)))
        }
        return items
    }
}
