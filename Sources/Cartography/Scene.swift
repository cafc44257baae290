import GeoCore

/// Where a text's position lies on its box.
public struct TextAnchor: Hashable, Sendable {
    public enum Horizontal: Sendable { case start, middle, end }
    public enum Vertical: Sendable { case top, middle, bottom }
    public var horizontal: Horizontal
    public var vertical: Vertical
    public init(_ h: Horizontal, _ v: Vertical) { horizontal = h; vertical = v }
}

/// One run of text: a label, a title, a legend entry.
public struct TextItem: Sendable, Equatable {
    public var text: String
    public var position: Point
    public var anchor: TextAnchor
    public var style: TextStyle
    /// Wrap at this width in pixels (word wrap); nil for one line.
    public var maxWidth: Double?
    public init(_ text: String, at position: Point, anchor: TextAnchor, style: TextStyle, maxWidth: Double? = nil) {
        self.text = text; self.position = position; self.anchor = anchor; self.style = style; self.maxWidth = maxWidth
    }
}

/// Marker shapes for settlements and events.
public enum MarkerShape: Sendable, Equatable { case circle, square, diamond, triangle, star }

/// A drawing instruction in page space. Items draw in array order.
public indirect enum SceneItem: Sendable, Equatable {
    /// Filled with the even-odd rule, then stroked.
    case path(PagePath, fill: Fill?, stroke: Stroke?)
    case marker(MarkerShape, at: Point, size: Double, fill: Fill?, stroke: Stroke?)
    case rect(Rect, fill: Fill?, stroke: Stroke?, cornerRadius: Double)
    case text(TextItem)
    /// A named layer (becomes <g id="..."> in SVG), optionally clipped to a rectangle.
    case group(id: String, clip: Rect?, items: [SceneItem])
}

/// Everything one map needs to be drawn, in page pixels; no geography left.
public struct Scene: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var background: Color
    public var items: [SceneItem]
    /// Document title and alt text, written into SVG and PDF metadata.
    public var title: String
    public var description: String
    /// Fixes the PDF creation date so that output is byte-stable: the map's day, not the clock's.
    public var date: Day
    /// Ids of groups drawn the same in every frame of a sequence (basemap, border, furniture). A raster
    /// renderer may draw them once and reuse the pixels; it checks they are equal before it does.
    public var staticGroups: Set<String>

    public init(
        width: Int, height: Int, background: Color, items: [SceneItem], title: String, description: String, date: Day,
        staticGroups: Set<String> = []
    ) {
        self.width = width; self.height = height; self.background = background; self.items = items
        self.title = title; self.description = description; self.date = date; self.staticGroups = staticGroups
    }

    /// The date of a scene no data dates (a chart of nothing): fixed, so that its PDF bytes are too.
    public static let undated = Day(ordinal: 10_957)  // 2000-01-01

}

extension TextItem {
    /// The box the text occupies, given its measured size.
    public func box(width: Double, height: Double) -> Rect {
        let x: Double
        switch anchor.horizontal {
        case .start: x = position.x
        case .middle: x = position.x - width / 2
        case .end: x = position.x - width
        }
        let y: Double
        switch anchor.vertical {
        case .top: y = position.y
        case .middle: y = position.y - height / 2
        case .bottom: y = position.y - height
        }
        return Rect(x: x, y: y, width: width, height: height)
    }
}
