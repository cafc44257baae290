/// A packed R-tree over boxes (Sort-Tile-Recursive, as GEOS's STRtree), built once and queried
/// many times: which boxes meet this one. Pairwise checks through it (overlaps in `validate`) cost
/// about n log n box tests for n boxes spread over a map, where testing every pair costs n²/2.
///
/// Items are named by their index in the array the index was built from; a nil box is never found.
public struct BoxIndex: Sendable {
    /// Children a node holds: GEOS's default node capacity.
    static let capacity = 10

    /// One node: its box and the range of its children (in `levels[l-1]`, or in `items` on level 0).
    struct Node: Sendable {
        let box: BBox
        let first: Int, count: Int
    }

    /// Item indices in tree order: the leaves' children.
    private let items: [Int]
    private let boxes: [BBox?]
    /// levels[0] are the leaves; the last level holds the root alone.
    private let levels: [[Node]]

    public init(_ boxes: [BBox?]) {
        self.boxes = boxes
        let present = boxes.indices.compactMap { k in boxes[k].map { (k, $0) } }
        let ordered = Self.tiled(present.indices) { present[$0].1 }
        items = ordered.map { present[$0].0 }
        var levels: [[Node]] = [Self.group(ordered.count) { k in present[ordered[k]].1 }]
        while let top = levels.last, top.count > 1 {
            // Upper levels group nodes that lie next to each other in the tiled order.
            levels.append(Self.group(top.count) { top[$0].box })
        }
        self.levels = levels
    }

    /// Indices of the boxes that meet `box` (touching counts), ascending.
    public func intersecting(_ box: BBox) -> [Int] {
        var tests = 0
        return intersecting(box, tests: &tests)
    }

    /// As `intersecting(_:)`, counting the box tests made in `tests` (for the scaling tests).
    func intersecting(_ box: BBox, tests: inout Int) -> [Int] {
        guard let root = levels.last?.first else { return [] }
        var found: [Int] = []
        var stack: [(level: Int, node: Node)] = [(levels.count - 1, root)]
        tests += 1
        guard root.box.intersects(box) else { return [] }
        while let (level, node) = stack.popLast() {
            for k in node.first..<(node.first + node.count) {
                tests += 1
                if level == 0 {
                    let item = items[k]
                    if let b = boxes[item], b.intersects(box) { found.append(item) }
                } else {
                    let child = levels[level - 1][k]
                    if child.box.intersects(box) { stack.append((level - 1, child)) }
                }
            }
        }
        return found.sorted()
    }

    /// The items in Sort-Tile-Recursive order: sorted by the centre's longitude into vertical
    /// slices of about √(n / capacity) nodes each, each slice sorted by the centre's latitude.
    /// Ties fall to the item index, so the tree (and the count of tests) is the same every run.
    private static func tiled(_ items: Range<Int>, box: (Int) -> BBox) -> [Int] {
        let n = items.count
        guard n > capacity else { return Array(items) }
        let leaves = (n + capacity - 1) / capacity
        var slices = 1
        while slices * slices < leaves { slices += 1 }
        let perSlice = slices * capacity
        let byX = items.sorted { a, b in
            let ca = box(a).center.lon, cb = box(b).center.lon
            return ca != cb ? ca < cb : a < b
        }
        var out: [Int] = []
        out.reserveCapacity(n)
        var start = 0
        while start < n {
            let slice = byX[start..<min(start + perSlice, n)]
            out += slice.sorted { a, b in
                let ca = box(a).center.lat, cb = box(b).center.lat
                return ca != cb ? ca < cb : a < b
            }
            start += perSlice
        }
        return out
    }

    /// Nodes of `capacity` consecutive children each, with the box around them.
    private static func group(_ count: Int, box: (Int) -> BBox) -> [Node] {
        var nodes: [Node] = []
        nodes.reserveCapacity((count + capacity - 1) / capacity)
        var first = 0
        while first < count {
            let n = min(capacity, count - first)
            var b = box(first)
            for k in (first + 1)..<(first + n) { b = b.union(box(k)) }
            nodes.append(Node(box: b, first: first, count: n))
            first += n
        }
        return nodes
    }
}
