/// Positions seen as the flat lon, lat, lon, lat… Doubles that C libraries (GEOS, GeographicLib)
/// take, without copying them: a ring of 10 million positions is 160 MB, and each copy on the way
/// to C was another 160 MB at the peak.
extension LonLat {
    /// Whether a `LonLat` is laid out as two Doubles, lon then lat, with nothing between or after.
    /// Swift does not promise a struct's layout, so this is checked rather than assumed.
    static let isPair =
        MemoryLayout<LonLat>.size == 16 && MemoryLayout<LonLat>.stride == 16 && MemoryLayout<LonLat>.offset(of: \LonLat.lon) == 0
        && MemoryLayout<LonLat>.offset(of: \LonLat.lat) == 8

    /// Calls `body` with `points` as `2 × count` Doubles: the array's own storage when `isPair`,
    /// else a flat copy. `body` must not keep the pointer.
    static func withPairs<R>(_ points: [LonLat], _ body: (UnsafePointer<Double>) -> R) -> R {
        if isPair, !points.isEmpty {
            return points.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return withUnsafePointer(to: 0.0, body) }
                return base.withMemoryRebound(to: Double.self, capacity: 2 * buffer.count) { body($0) }
            }
        }
        var flat = [Double]()
        flat.reserveCapacity(points.count * 2 + 1)
        for p in points { flat.append(p.lon); flat.append(p.lat) }
        if flat.isEmpty { flat.append(0) }  // a valid pointer even for no positions
        return flat.withUnsafeBufferPointer { buffer in buffer.baseAddress.map(body) ?? withUnsafePointer(to: 0.0, body) }
    }

    /// `count` positions that `fill` writes as `2 × count` Doubles (trusted valid: from GEOS or our
    /// own arithmetic), into the array's own storage when `isPair`.
    static func fromPairs(count: Int, _ fill: (UnsafeMutablePointer<Double>) -> Void) -> [LonLat] {
        guard count > 0 else { return [] }
        if isPair {
            return [LonLat](unsafeUninitializedCapacity: count) { buffer, initialized in
                guard let base = buffer.baseAddress else { return }
                base.withMemoryRebound(to: Double.self, capacity: 2 * count) { fill($0) }
                initialized = count
            }
        }
        var flat = [Double](repeating: 0, count: 2 * count)
        flat.withUnsafeMutableBufferPointer { if let base = $0.baseAddress { fill(base) } }
        return (0..<count).map { LonLat(uncheckedLon: flat[2 * $0], lat: flat[2 * $0 + 1]) }
    }
}
