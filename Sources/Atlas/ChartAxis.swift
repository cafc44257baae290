import Foundation

/// A value axis a reader can follow for any range: ticks every 1, 2 or 5 × 10ⁿ, at most `maxTicks`,
/// from zero when the data's own change is large enough to see from there, otherwise from a stated
/// non-zero baseline chosen so that the change fills at least a third of the axis.
struct ChartAxis: Equatable {
    let bottom: Double
    let top: Double
    let step: Double

    /// Whether the axis starts above zero (the chart then marks the break and says where it starts).
    var isBroken: Bool { bottom > 0 }

    var ticks: [Double] {
        var out: [Double] = []
        var v = bottom
        while v <= top + step * 1e-9 {
            out.append(v)
            v += step
        }
        return out
    }

    /// `low`…`high`: the range of the values shown (km², never negative).
    init(low: Double, high: Double, maxTicks: Int = 7) {
        let low = max(0, min(low, high)), high = max(0, max(low, high))
        // From zero if the change is at least a third of the top value; else a baseline under the data.
        let fromZero = high == 0 || (high - low) >= high / 3
        let span = max(high - (fromZero ? 0 : low), max(high, 1) * 1e-6)
        var chosen: (Double, Double, Double)?
        for step in Self.steps(near: span / Double(maxTicks - 1)) {
            let b = fromZero ? 0 : (max(0, low - (high - low) * 0.25) / step).rounded(.down) * step
            let t = max(step, (high / step).rounded(.up) * step)
            let count = Int(((t - b) / step).rounded()) + 1
            guard count <= maxTicks else { continue }
            if !fromZero, (high - low) / (t - b) < 1.0 / 3 { continue }
            chosen = (b, t, step)
            break
        }
        let (b, t, s) = chosen ?? (0, max(1, high), max(1, high))
        bottom = b; top = t; step = s
    }

    /// Candidate steps from fine to coarse around `rough`: 1, 2, 5 × 10ⁿ.
    static func steps(near rough: Double) -> [Double] {
        let start = pow(10, (log10(max(rough, 1e-9))).rounded(.down) - 1)
        var out: [Double] = []
        var base = start
        while out.count < 15 {
            for m in [1.0, 2, 5] { out.append(base * m) }
            base *= 10
        }
        return out.filter { $0 >= rough / 10 }
    }
}
