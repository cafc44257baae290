/// Dense numbers for positions, 0, 1, 2… in the order first seen: an open-addressing table keyed by
/// the coordinates' bit patterns (-0 read as 0), like `EdgeTable`. The change of a national front
/// numbers the ends of several thousand edges every frame; a `Dictionary` of `LonLat` spends most of
/// that in its seeded hasher.
struct PositionIndex {
    private var keys: [UInt64]
    /// Per slot: the position's number plus one; 0 marks an empty slot.
    private var ids: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        keys = [UInt64](repeating: 0, count: 2 * size)
        ids = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    /// The number of `p`, given it the next one if it has none yet.
    mutating func id(_ p: LonLat) -> Int {
        if 2 * (count + 1) > ids.count { grow() }
        let x = (p.lon + 0).bitPattern, y = (p.lat + 0).bitPattern
        var i = Self.hash(x, y) & mask
        while ids[i] != 0 {
            if keys[2 * i] == x && keys[2 * i + 1] == y { return Int(ids[i]) - 1 }
            i = (i + 1) & mask
        }
        keys[2 * i] = x
        keys[2 * i + 1] = y
        count += 1
        ids[i] = Int32(count)
        return count - 1
    }

    private static func hash(_ x: UInt64, _ y: UInt64) -> Int {
        var h = x &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ (h >> 29) ^ y) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }

    private mutating func grow() {
        let (oldKeys, oldIds) = (keys, ids)
        keys = [UInt64](repeating: 0, count: 4 * oldIds.count)
        ids = [Int32](repeating: 0, count: 2 * oldIds.count)
        mask = ids.count - 1
        for j in oldIds.indices where oldIds[j] != 0 {
            let (x, y) = (oldKeys[2 * j], oldKeys[2 * j + 1])
            var i = Self.hash(x, y) & mask
            while ids[i] != 0 { i = (i + 1) & mask }
            keys[2 * i] = x
            keys[2 * i + 1] = y
            ids[i] = oldIds[j]
        }
    }
}

/// Groups of numbered items joined pairwise (union–find, paths halved as they are walked).
struct UnionFind {
    private var parent: [Int32]

    init(count: Int) { parent = (0..<Int32(count)).map { $0 } }

    mutating func root(_ i: Int) -> Int {
        var i = i
        while Int(parent[i]) != i {
            parent[i] = parent[Int(parent[i])]
            i = Int(parent[i])
        }
        return i
    }

    mutating func join(_ a: Int, _ b: Int) { parent[root(a)] = Int32(root(b)) }
}
