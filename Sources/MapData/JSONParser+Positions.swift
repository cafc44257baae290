import GeoCore

/// Reading a geometry's "coordinates" byte by byte into `PositionArrays`, with no value per number.
///
/// Never throws: on anything irregular (a third number, a string, an empty array, a position out of
/// range, a syntax error) it puts the cursor back and returns nil, and the generic parser reads the
/// same bytes again and gives its usual error or value, so errors and their places stay exactly as
/// they were. A bad file pays at most one extra pass over its coordinates.
extension JSONParser {
    /// At the '[' of a "coordinates" value nested `depth` deep.
    mutating func positionArrays(depth: Int) -> PositionArrays? {
        let start = i
        // The generic parser refuses values 512 deep; leave such input to it.
        guard let levels = arrayLevels(), depth + levels + 1 < 512 else { return nil }
        var out = PositionArrays(depth: levels)
        guard packArray(level: 0, into: &out) else {
            i = start
            return nil
        }
        return out
    }

    /// How many arrays open before the first number, less the position's own: 1 for `[[0,0],…]`.
    private func arrayLevels() -> Int? {
        var k = i, opened = 0
        while k < bytes.count {
            switch bytes[k] {
            case UInt8(ascii: "["): opened += 1
            case 32, 10, 13, 9: break
            default: return opened >= 2 ? opened - 1 : nil
            }
            k += 1
        }
        return nil
    }

    /// Reads the array at the cursor, whose level is `level` (0 the outermost), into `out`.
    private mutating func packArray(level: Int, into out: inout PositionArrays) -> Bool {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "[") else { return false }
        i += 1
        if level == out.depth - 1 {
            var points: [LonLat] = []
            // Sized once: doubling would leave up to twice the positions' bytes allocated.
            points.reserveCapacity(childCount())
            while true {
                skipSpace()
                guard let p = position() else { return false }
                points.append(p)
                guard let again = more() else { return false }
                if !again { break }
            }
            out.leaves.append(points)
            return true
        }
        var count = 0
        while true {
            skipSpace()
            guard packArray(level: level + 1, into: &out) else { return false }
            count += 1
            guard let again = more() else { return false }
            if !again { break }
        }
        out.counts[level].append(count)
        return true
    }

    /// After an element: true past a ',', false past the closing ']', nil at anything else.
    private mutating func more() -> Bool? {
        skipSpace()
        guard i < bytes.count else { return nil }
        switch bytes[i] {
        case UInt8(ascii: ","): i += 1; return true
        case UInt8(ascii: "]"): i += 1; return false
        default: return nil
        }
    }

    /// `[lon, lat]`, valid as a `LonLat`; nil for anything else (a third number included).
    private mutating func position() -> LonLat? {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "[") else { return nil }
        i += 1
        guard let lon = coordinate(), more() == true, let lat = coordinate(), more() == false else { return nil }
        return try? LonLat(lon: lon, lat: lat)
    }

    private mutating func coordinate() -> Double? {
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "-") || (48...57).contains(bytes[i]) else { return nil }
        return try? number()
    }

    /// The elements of the array whose '[' is just behind the cursor, counted by their opening
    /// brackets (an estimate to size the positions' storage; reading checks everything).
    private func childCount() -> Int {
        var k = i, nesting = 0, count = 0
        while k < bytes.count {
            switch bytes[k] {
            case UInt8(ascii: "["):
                if nesting == 0 { count += 1 }
                nesting += 1
            case UInt8(ascii: "]"):
                if nesting == 0 { return count }
                nesting -= 1
            case UInt8(ascii: "\""), UInt8(ascii: "{"): return count
            default: break
            }
            k += 1
        }
        return count
    }
}
