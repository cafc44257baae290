import Cartography
import GeoCore
import MapData

extension SequenceContext {
    /// Events with a place on the map and their star numbers (`EventRanking.starNumbers`): the map,
    /// the panel and the report use the same.
    func numberedLocatedEvents(_ events: [Event]) -> [(Int, Event)] { EventRanking.starNumbers(events) }

    /// The boxes `items`' texts take, measured as the renderer sets them.
    func textBoxes(_ items: [SceneItem]) -> [Rect] {
        items.flatMap { item -> [Rect] in
            switch item {
            case .text(let t):
                let m = measurer.measure(t.text, style: t.style, maxWidth: t.maxWidth)
                return [t.box(width: m.width, height: m.height)]
            case .group(_, _, let inner): return textBoxes(inner)
            default: return []
            }
        }
    }

    func circle(_ c: Point, _ r: Double) -> PagePath {
        let pts = (0...48).map { k -> Point in
            let a = Double(k) / 48 * 2 * .pi
            return Point(c.x + r * cos(a), c.y + r * sin(a))
        }
        return PagePath(subpaths: [pts], closed: true)
    }
}

#if canImport(Glibc)
    import Glibc
#endif
