import Cartography

/// A `Color` as one pixel of the raster format: premultiplied 8-bit ARGB32, made as Cairo hands a
/// solid source to pixman (premultiplied, through 16 bits), and composited OVER a page pixel through
/// 8-bit coverage with pixman's rounding (its over_n_8_8888), so that what `ThinStroke` and
/// `TextHalo` draw themselves blends as a Cairo mask would.
///
/// A pixel format, not a second colour type: scenes, styles and themes carry `Color` (Cartography,
/// unit-range doubles); this exists only between that colour and the pixels of a `RasterTarget`,
/// and stays internal to the raster code.
struct PremultipliedPixel {
    let a: UInt32, r: UInt32, g: UInt32, b: UInt32

    init(_ color: Color) {
        func channel(_ v: Double) -> UInt32 { UInt32(UInt16(max(0, min(1, v)) * (65536 - 1e-5))) >> 8 }
        let alpha = max(0, min(1, color.a))
        a = channel(alpha)
        r = channel(color.r * alpha)
        g = channel(color.g * alpha)
        b = channel(color.b * alpha)
    }

    /// x·y/255, rounded as pixman rounds.
    @inline(__always) static func multiply(_ x: UInt32, _ y: UInt32) -> UInt32 {
        let t = x * y + 0x80
        return ((t >> 8) + t) >> 8
    }

    @inline(__always) func over(_ dst: UInt32, coverage m: UInt8) -> UInt32 {
        let m = UInt32(m)
        if m == 255 && a == 255 { return a << 24 | r << 16 | g << 8 | b }
        let (sa, sr, sg, sb) =
            m == 255 ? (a, r, g, b) : (Self.multiply(a, m), Self.multiply(r, m), Self.multiply(g, m), Self.multiply(b, m))
        let inverse = 255 - sa
        let da = min(255, sa + Self.multiply(dst >> 24, inverse))
        let dr = min(255, sr + Self.multiply((dst >> 16) & 0xFF, inverse))
        let dg = min(255, sg + Self.multiply((dst >> 8) & 0xFF, inverse))
        let db = min(255, sb + Self.multiply(dst & 0xFF, inverse))
        return da << 24 | dr << 16 | dg << 8 | db
    }
}
