/// Joins lines whose ends lie within `tolerance` degrees of each other into longer lines, bridging
/// the small gaps that tiled sources (GSHHG bins) leave, so that a border runs edge to edge.
public func chainLines(_ lines: [LineString], tolerance: Double) -> [LineString] {
    var pool = lines.map(\.points)
    var out: [LineString] = []
    func close(_ a: LonLat, _ b: LonLat) -> Bool { abs(a.lon - b.lon) <= tolerance && abs(a.lat - b.lat) <= tolerance }
    while var current = pool.popLast() {
        var grew = true
        while grew {
            grew = false
            for (k, other) in pool.enumerated() {
                guard let cf = current.first, let cl = current.last, let of = other.first, let ol = other.last else { continue }
                if close(cl, of) {
                    current += other.dropFirst(cl == of ? 1 : 0)
                } else if close(cl, ol) {
                    current += other.reversed().dropFirst(cl == ol ? 1 : 0)
                } else if close(cf, ol) {
                    current = other.dropLast(cf == ol ? 1 : 0) + current
                } else if close(cf, of) {
                    current = other.reversed().dropLast(cf == of ? 1 : 0) + current
                } else {
                    continue
                }
                pool.remove(at: k)
                grew = true
                break
            }
        }
        out.append(LineString(unchecked: current))
    }
    return out
}
