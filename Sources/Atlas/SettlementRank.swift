import Cartography
import MapData

/// A settlement's place in the map's hierarchy, which its marker and type carry: a reader tells a
/// city from a town from a village at a glance, and a key place (the story's) is one step up again.
enum SettlementRank: Int, Comparable, Sendable {
    case village, town, city

    /// From the gazetteer's `kind` (its words: "city", "town", "urban-type settlement", "selo
    /// (village)", …) and population: a place of 100,000 is a city and one of 10,000 a town whatever
    /// its kind says.
    init(_ s: Settlement) {
        let kind = s.kind.lowercased(), pop = s.population ?? 0
        if kind.hasPrefix("city") || pop >= 100_000 {
            self = .city
        } else if kind.hasPrefix("town") || kind.hasPrefix("urban-type") || pop >= 10_000 {
            self = .town
        } else {
            self = .village
        }
    }

    static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// How one settlement is drawn: its marker and its name's type, by rank and key-place status.
struct SettlementSymbol {
    let rank: SettlementRank
    let key: Bool

    /// Marker size at unit 1, px: a key place one step above its rank.
    var markerSize: Double {
        let base: Double
        switch rank {
        case .village: base = 7
        case .town: base = 10
        case .city: base = 13
        }
        return key ? base + 4 : base
    }

    var shape: MarkerShape { rank == .city ? .square : .circle }

    /// Outline width at unit 1: towns and key places heavier.
    var strokeWidth: Double { key ? 2.4 : rank == .village ? 1.1 : 1.8 }

    /// Name size at unit 1 and weight: villages regular, towns and cities bold, a key place 2 px up.
    var nameSize: Double {
        let base: Double
        switch rank {
        case .village: base = 14
        case .town: base = 16
        case .city: base = 19
        }
        return key ? base + 2 : base
    }

    var nameWeight: TextStyle.Weight { rank == .village && !key ? .regular : .bold }
}
