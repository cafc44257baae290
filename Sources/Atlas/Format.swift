import MapData

/// Number and text formatting for maps: no locale, no grouping separators, typographic minus.
enum Format {
    /// "957 km²"; one decimal under 10.
    static func km2(_ v: Double) -> String {
        formatFixed(v, digits: abs(v) < 10 ? 1 : 0) + " km²"
    }
}
