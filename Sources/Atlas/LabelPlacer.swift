import Cartography

/// Greedy label placement against a growing set of occupied boxes: a label takes the first free
/// candidate position around its anchor (its preferred one first), or is dropped.
struct LabelPlacer {
    private(set) var occupied: [Rect]
    let bounds: Rect

    init(bounds: Rect, obstacles: [Rect]) {
        self.bounds = bounds
        occupied = obstacles
    }

    /// Candidate offsets: right, left, above, below, then the diagonals (cartographers' usual order).
    static let candidates: [(dx: Double, dy: Double, anchor: TextAnchor)] = [
        (1, 0, TextAnchor(.start, .middle)), (-1, 0, TextAnchor(.end, .middle)),
        (0, -1, TextAnchor(.middle, .bottom)), (0, 1, TextAnchor(.middle, .top)),
        (0.7, -0.7, TextAnchor(.start, .bottom)), (-0.7, -0.7, TextAnchor(.end, .bottom)),
        (0.7, 0.7, TextAnchor(.start, .top)), (-0.7, 0.7, TextAnchor(.end, .top)),
    ]

    /// Rings of candidates a label that must be shown (a key place, an event's number) may reach to:
    /// the usual ring, then farther ones, each about a line farther out.
    static let farthestRing = 5

    /// The anchor of candidate `index` (any ring).
    static func anchor(of index: Int) -> TextAnchor { candidates[index % candidates.count].anchor }

    /// The box of a `size` block put at candidate `index` around `anchor`, `gap` px away (ring
    /// `index / 8` is a line farther out per ring).
    static func box(candidate index: Int, at anchor: Point, size: (width: Double, height: Double), gap: Double) -> Rect {
        let c = candidates[index % candidates.count], ring = Double(index / candidates.count)
        let g = gap + ring * 0.9 * size.height
        let p = Point(anchor.x + c.dx * g, anchor.y + c.dy * g)
        return TextItem("", at: p, anchor: c.anchor, style: TextStyle(size: 1)).box(width: size.width, height: size.height)
    }

    /// Reserves a box without a label (a marker).
    mutating func reserve(_ r: Rect) { occupied.append(r) }

    /// Whether `box` lies inside the bounds and touches nothing placed.
    func isFree(_ box: Rect) -> Bool { isInside(box) && !touches(box) }

    func isInside(_ box: Rect) -> Bool { box.x >= bounds.x && box.y >= bounds.y && box.maxX <= bounds.maxX && box.maxY <= bounds.maxY }

    /// Whether `box` touches anything placed.
    func touches(_ box: Rect) -> Bool { occupied.contains { $0.intersects(box) } }

    /// Places a block next to `anchor`, trying `preferred` first and then the candidates in order,
    /// out to ring `reach - 1`. A candidate clear of `soft` boxes too (places where something may
    /// appear later) wins over one that is merely free now. Returns the box and the candidate taken,
    /// or nil.
    mutating func place(
        at anchor: Point, size: (width: Double, height: Double), gap: Double, preferred: Int? = nil, soft: [Rect] = [],
        reach: Int = 1
    ) -> (box: Rect, candidate: Int)? {
        let count = Self.candidates.count * reach
        let order = (preferred.map { [$0] } ?? []) + (0..<count).filter { $0 != preferred }
        let boxes = order.map { (index: $0, box: Self.box(candidate: $0, at: anchor, size: size, gap: gap)) }
        let free = boxes.filter { isFree($0.box) }
        guard let chosen = free.first(where: { c in !soft.contains { $0.intersects(c.box) } }) ?? free.first else { return nil }
        occupied.append(chosen.box)
        return (chosen.box, chosen.index)
    }
}
