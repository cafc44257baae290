/// An sRGB colour with alpha, components in 0...1.
public struct Color: Hashable, Sendable {
    public var r: Double, g: Double, b: Double, a: Double
    public init(r: Double, g: Double, b: Double, a: Double = 1) { self.r = r; self.g = g; self.b = b; self.a = a }

    /// From 0xRRGGBB.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(r: Double((hex >> 16) & 0xFF) / 255, g: Double((hex >> 8) & 0xFF) / 255, b: Double(hex & 0xFF) / 255, a: alpha)
    }
    public func with(alpha: Double) -> Color { Color(r: r, g: g, b: b, a: alpha) }

    public static let white = Color(hex: 0xFFFFFF)
    public static let black = Color(hex: 0x000000)
}

/// Parallel lines laid over a fill: how claimed or contested ground is told apart, in colour and in grey.
public struct Hatch: Hashable, Sendable {
    public var color: Color
    public var spacing: Double
    public var lineWidth: Double
    /// Degrees, counter-clockwise from the x axis.
    public var angle: Double
    public init(color: Color, spacing: Double, lineWidth: Double, angle: Double = 45) {
        self.color = color; self.spacing = spacing; self.lineWidth = lineWidth; self.angle = angle
    }
}

public struct Fill: Hashable, Sendable {
    public var color: Color
    public var hatch: Hatch?
    public init(_ color: Color, hatch: Hatch? = nil) { self.color = color; self.hatch = hatch }
}

public struct Stroke: Hashable, Sendable {
    public enum Cap: Sendable { case butt, round }
    public var color: Color
    public var width: Double
    public var dash: [Double]
    public var cap: Cap
    public init(_ color: Color, width: Double, dash: [Double] = [], cap: Cap = .round) {
        self.color = color; self.width = width; self.dash = dash; self.cap = cap
    }
}

public struct TextStyle: Hashable, Sendable {
    public enum Weight: Sendable { case regular, bold }
    /// A Pango/CSS font family list, most wanted first.
    public var family: String
    /// Absolute size in CSS pixels.
    public var size: Double
    public var weight: Weight
    public var italic: Bool
    public var color: Color
    public var halo: Color?
    public var haloWidth: Double
    public init(
        family: String = "Noto Sans, DejaVu Sans, sans-serif", size: Double, weight: Weight = .regular,
        italic: Bool = false, color: Color = .black, halo: Color? = nil, haloWidth: Double = 3
    ) {
        self.family = family; self.size = size; self.weight = weight; self.italic = italic; self.color = color
        self.halo = halo; self.haloWidth = haloWidth
    }
}
