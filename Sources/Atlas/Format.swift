import Foundation
import MapData

/// Number and text formatting for maps: no locale, no grouping separators, typographic minus.
enum Format {
    /// "957 km²", "16,955 km²"; one decimal under 10; never "-0".
    static func km2(_ v: Double) -> String {
        grouped(formatFixed(v, digits: abs(v) < 10 ? 1 : 0)) + " km²"
    }

    /// "957 km²", "30,200 km²": three significant figures, what a compiler's polygon supports; a
    /// comma between thousands (the headline is read, not parsed).
    static func km2Rounded(_ v: Double) -> String {
        guard v.isFinite, abs(v) >= 0.005 else { return "0 km²" }
        let magnitude = Int(log10(abs(v)).rounded(.down))
        let digits = max(0, 2 - magnitude)
        var scale = 1.0
        for _ in 0..<max(0, magnitude - 2) { scale *= 10 }
        let rounded = digits > 0 ? v : (v / scale).rounded() * scale
        return grouped(formatFixed(rounded, digits: digits)) + " km²"
    }

    /// "30200" → "30,200"; decimals and sign kept.
    static func grouped(_ s: String) -> String {
        let negative = s.hasPrefix("-")
        let body = negative ? String(s.dropFirst()) : s
        let parts = body.split(separator: ".", maxSplits: 1)
        var whole = String(parts.first ?? "")
        var out = ""
        while whole.count > 3 {
            out = "," + whole.suffix(3) + out
            whole = String(whole.dropLast(3))
        }
        out = whole + out + (parts.count > 1 ? "." + parts[1] : "")
        return (negative ? "-" : "") + out
    }
}
