import Cartography
import GeoCore
import MapData

extension SequenceContext {
    /// A settlement's marker size in pixels, by population.
    func markerSize(_ s: Settlement) -> Double {
        let pop = s.population ?? 0
        return (pop >= 100_000 ? 12 : pop >= 10_000 ? 10 : pop >= 3_000 ? 9 : 7.5) * layout.unit
    }

    /// Events with a place on the map and their star numbers (`EventRanking.starNumbers`): the map,
    /// the panel and the report use the same.
    func numberedLocatedEvents(_ events: [Event]) -> [(Int, Event)] { EventRanking.starNumbers(events) }

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
