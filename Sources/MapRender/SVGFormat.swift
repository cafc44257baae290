import Cartography

/// Numbers and colours as SVG attribute values: no locale, no exponent, at most two decimals
/// (a hundredth of a pixel), so the same scene always writes the same characters.
enum SVGFormat {
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let scaled = (v * 100).rounded()
        let magnitude = Int64(min(abs(scaled), 9e15))
        var text = String(magnitude / 100)
        let hundredths = magnitude % 100
        if hundredths != 0 {
            text += hundredths % 10 == 0 ? ".\(hundredths / 10)" : (hundredths < 10 ? ".0\(hundredths)" : ".\(hundredths)")
        }
        return scaled < 0 && magnitude != 0 ? "-" + text : text
    }

    /// `#rrggbb` for the colour's RGB; its alpha goes into a separate opacity attribute.
    static func rgb(_ c: Color) -> String {
        let digits = Array("0123456789abcdef")
        var out = "#"
        for component in [c.r, c.g, c.b] {
            let byte = Int((min(max(component, 0), 1) * 255).rounded())
            out.append(digits[byte / 16])
            out.append(digits[byte % 16])
        }
        return out
    }

    /// ` name="#rrggbb"` plus ` name-opacity="a"` when the colour is not opaque.
    static func paint(_ name: String, _ c: Color) -> String {
        let alpha = min(max(c.a, 0), 1)
        return " \(name)=\"\(rgb(c))\"" + (alpha < 1 ? " \(name)-opacity=\"\(number(alpha))\"" : "")
    }
}
