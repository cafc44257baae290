/// Exact squared Euclidean distance transform (Felzenszwalb & Huttenlocher, 2012): for every cell of
/// a grid, the squared distance in cells to the nearest cell where `isFeature` holds. Linear time: one
/// pass of lower envelopes of parabolas along each row, then along each column.
enum DistanceTransform {
    /// Squared distances in cells; `Float.infinity` everywhere when no cell is a feature.
    static func squared(columns: Int, rows: Int, isFeature: (Int) -> Bool) -> [Float] {
        let big = Float.infinity
        var d = [Float](repeating: big, count: columns * rows)
        for k in 0..<d.count where isFeature(k) { d[k] = 0 }
        let n = max(columns, rows)
        var f = [Float](repeating: 0, count: n), out = [Float](repeating: 0, count: n)
        var v = [Int](repeating: 0, count: n), z = [Float](repeating: 0, count: n + 1)
        // Columns first (stride `columns`), then rows, each in place.
        for i in 0..<columns {
            for j in 0..<rows { f[j] = d[j * columns + i] }
            envelope(f, rows, &out, &v, &z)
            for j in 0..<rows { d[j * columns + i] = out[j] }
        }
        for j in 0..<rows {
            let base = j * columns
            for i in 0..<columns { f[i] = d[base + i] }
            envelope(f, columns, &out, &v, &z)
            for i in 0..<columns { d[base + i] = out[i] }
        }
        return d
    }

    /// One-dimensional transform of `f[0..<n]`: out[q] = min over p of (q − p)² + f[p].
    private static func envelope(_ f: [Float], _ n: Int, _ out: inout [Float], _ v: inout [Int], _ z: inout [Float]) {
        // Skip the cells with no finite value: they never hold a parabola of the envelope.
        var k = -1
        for q in 0..<n where f[q].isFinite {
            if k < 0 {
                k = 0; v[0] = q; z[0] = -.infinity; z[1] = .infinity
                continue
            }
            var s: Float
            repeat {
                let p = v[k]
                s = ((f[q] + Float(q * q)) - (f[p] + Float(p * p))) / Float(2 * (q - p))
                if s <= z[k] { k -= 1 } else { break }
            } while k >= 0
            k += 1
            v[k] = q; z[k] = k == 0 ? -.infinity : s; z[k + 1] = .infinity
        }
        guard k >= 0 else {
            for q in 0..<n { out[q] = .infinity }
            return
        }
        var j = 0
        for q in 0..<n {
            while z[j + 1] < Float(q) { j += 1 }
            let dq = Float(q - v[j])
            out[q] = dq * dq + f[v[j]]
        }
    }
}
