/// Closes the gaps a border line leaves where it should meet another line (a T-junction: a border
/// reaching the coast or the region's edge), which end-to-end chaining (`chainLines`) cannot see.
///
/// Each end of a line that does not touch another line, but lies within `tolerance` degrees of one,
/// gets a short connector to the nearest point of that line, drawn a hair (1e-7°) past it so that
/// noding cuts the target; the overshoot is a dangle that polygonizing drops. Ends farther than the
/// tolerance stay open: a gap that wide is a missing border, to be reported, not guessed.
public func connectingDanglingEnds(_ lines: [LineString], to others: [LineString], tolerance: Double) -> [LineString] {
    let all = lines + others
    var connectors: [LineString] = []
    for (i, line) in lines.enumerated() {
        guard let first = line.points.first, let last = line.points.last, first != last else { continue }
        for end in [first, last] {
            var best: (d: Double, p: LonLat)?
            for (j, other) in all.enumerated() {
                for (a, b) in zip(other.points, other.points.dropFirst()) {
                    // A line's own end segment always touches its end.
                    if j == i, a == end || b == end { continue }
                    let p = nearestPoint(on: (a, b), to: end)
                    let d = ((p.lon - end.lon) * (p.lon - end.lon) + (p.lat - end.lat) * (p.lat - end.lat)).squareRoot()
                    if best.map({ d < $0.d }) ?? true { best = (d, p) }
                }
            }
            guard let best, best.d > 1e-12, best.d <= tolerance else { continue }
            let k = (best.d + 1e-7) / best.d
            let past = LonLat(uncheckedLon: end.lon + (best.p.lon - end.lon) * k, lat: end.lat + (best.p.lat - end.lat) * k)
            connectors.append(LineString(unchecked: [end, past]))
        }
    }
    return lines + connectors
}

/// The point of segment `s` nearest `p`, in the plane of lon/lat degrees (gaps are a few hundred metres).
func nearestPoint(on s: (LonLat, LonLat), to p: LonLat) -> LonLat {
    let dx = s.1.lon - s.0.lon, dy = s.1.lat - s.0.lat
    let len2 = dx * dx + dy * dy
    guard len2 > 0 else { return s.0 }
    let t = max(0, min(1, ((p.lon - s.0.lon) * dx + (p.lat - s.0.lat) * dy) / len2))
    return LonLat(uncheckedLon: s.0.lon + t * dx, lat: s.0.lat + t * dy)
}
