import Cartography

/// Call-outs for change too small to see: on a national map a day's advance of a few km² is a pixel
/// or two, which no hatch shows. Pieces of one side's change are gathered into clusters (pieces
/// within `reach` of each other); a cluster smaller than `smallest` across gets a ring in the taker's
/// colour around it and its area beside it, as a cartographer circles what the eye would miss. The
/// five largest such clusters of at least 1 km² are marked (a smaller one is more often a compiler's
/// sliver than a gain), so a front of many small gains is not buried in rings.
struct ChangeCallouts {
    let u: Double
    /// The area's type size, px (the layout's, never below its minimum).
    let textSize: Double
    /// Writes the km² beside each ring, in the output locale.
    var format = Format()
    var smallest: Double { 12 * u }
    var reach: Double { 24 * u }
    static let most = 5

    /// Clusters of the rings of `path` (page space), each with its box: rings whose boxes come within
    /// `reach` of each other, joined transitively (union–find over the pairs, in ring order).
    func clusters(_ path: PagePath) -> [(rings: [[Point]], box: Rect)] {
        let rings = path.subpaths.filter { !$0.isEmpty }
        let boxes = rings.map { ring in ring.dropFirst().reduce(Rect(x: ring[0].x, y: ring[0].y, width: 0, height: 0)) { $0.including($1) }
        }
        var parent = Array(rings.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { (parent[i], i) = (parent[parent[i]], parent[i]) }
            return i
        }
        for i in rings.indices {
            for j in rings.indices where j > i && boxes[i].insetBy(-reach / 2).intersects(boxes[j].insetBy(-reach / 2)) {
                let (a, b) = (root(i), root(j))
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var order: [Int] = [], members: [Int: [Int]] = [:]
        for i in rings.indices {
            let r = root(i)
            if members[r] == nil { order.append(r) }
            members[r, default: []].append(i)
        }
        return order.map { r in
            let m = members[r] ?? []
            let box = m.dropFirst().reduce(boxes[m[0]]) {
                $0.including(Point(boxes[$1].x, boxes[$1].y)).including(Point(boxes[$1].maxX, boxes[$1].maxY))
            }
            return (m.map { rings[$0] }, box)
        }
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
                family: theme.fontFamily, size: textSize, weight: .bold, color: color, halo: theme.halo, haloWidth: 2.5 * u)
            items.append(
                .text(
                    TextItem(
                        "+" + format.km2(c.km2), at: Point(c.box.center.x + r + 4 * u, c.box.center.y),
                        anchor: TextAnchor(.start, .middle), style: style)))
        }
        return items
    }
}
