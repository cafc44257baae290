import Foundation

extension Layout {
    /// The named layout for a picture of `width`×`height` px smaller than every layout of its shape:
    /// the named layout nearest in shape (aspect ratios compared as a ratio), and the factor that
    /// scales it down to `width`. A small video (the README's GIF) is then that layout drawn small,
    /// with its own rules for type and furniture, instead of a layout laid out at the small size.
    /// Nil when the picture is at least as wide as that layout (it is then laid out at its own size).
    public static func nearestNamed(width: Int, height: Int) -> (name: String, layout: Layout, scale: Double)? {
        let aspect = Double(width) / Double(height)
        func distance(_ n: (name: String, width: Int, height: Int)) -> Double { abs(log(Double(n.width) / Double(n.height) / aspect)) }
        guard let best = named.min(by: { distance($0) < distance($1) }), width < best.width else { return nil }
        return (best.name, Layout(width: best.width, height: best.height), Double(width) / Double(best.width))
    }
}
