import GeoCore

/// How well a settlement's position is known.
public enum CoordinatePrecision: Hashable, Sendable {
    case exact
    /// Estimated; the radius is the stated uncertainty in km when the source gives one.
    case approximate(uncertaintyKm: Double?)
    case unlocated
}

/// A named place from the gazetteer.
public struct Settlement: Hashable, Sendable {
    public let name: String
    public let altNames: [String]
    /// The name by language code ("uk", "ru", any code): what a map's second line is chosen from
    /// (dataset.json `secondNameLanguages`). The English `name` is not repeated here.
    public let names: [String: String]
    public let kind: String
    public let district: String?
    public let population: Int?
    /// What a population may be (the largest city is under 40 million; a number past this is an error).
    public static let populationRange = 0...2_000_000_000
    /// Years a population count or date may name.
    public static let yearRange = 1...9999
    /// How uncertain an approximate position may be, in km.
    public static let uncertaintyRangeKm = 0.0...1000.0
    public let populationYear: Int?
    public let location: LonLat?
    public let precision: CoordinatePrecision
    public let source: String
    public let note: String?

    public init(
        name: String, altNames: [String], names: [String: String], kind: String, district: String?,
        population: Int?, populationYear: Int?, location: LonLat?, precision: CoordinatePrecision,
        source: String, note: String?
    ) {
        self.name = name; self.altNames = altNames; self.names = names; self.kind = kind
        self.district = district; self.population = population; self.populationYear = populationYear
        self.location = location; self.precision = location == nil ? .unlocated : precision
        self.source = source; self.note = note
    }

    /// The Russian name, when the gazetteer has one.
    public var nameRu: String? { names["ru"] }

    /// The name in the first of `languages` the gazetteer has it in; nil when none.
    public func secondName(_ languages: [String]) -> String? {
        for code in languages { if let n = names[code], n != name { return n } }
        return nil
    }

    public var isApproximate: Bool { if case .approximate = precision { return true }; return false }
}

/// Looks settlements up by any of their names, ignoring case, accents and spacing.
public struct Gazetteer: Sendable {
    public let settlements: [Settlement]
    private let index: [String: Int]

    public init(_ settlements: [Settlement]) {
        self.settlements = settlements
        var index: [String: Int] = [:]
        for (k, s) in settlements.enumerated() {
            for n in [s.name] + s.altNames + s.names.keys.sorted().compactMap({ s.names[$0] }) where index[Gazetteer.key(n)] == nil {
                index[Gazetteer.key(n)] = k
            }
        }
        self.index = index
    }

    public func resolve(_ name: String) -> Settlement? { index[Gazetteer.key(name)].map { settlements[$0] } }

    /// Folds a name to a lookup key: lower case, Latin accents removed, only letters and digits kept.
    static func key(_ name: String) -> String {
        let folded: [Character: Character] = [
            "á": "a", "à": "a", "ä": "a", "é": "e", "è": "e", "ë": "e", "ó": "o",
            "ö": "o", "ú": "u", "ü": "u", "í": "i", "ł": "l", "ž": "z", "š": "s",
            "č": "c", "ё": "е",
        ]
        return String(
            name.lowercased().compactMap { c -> Character? in
                let c = folded[c] ?? c
                return c.isLetter || c.isNumber ? c : nil
            })
    }
}
