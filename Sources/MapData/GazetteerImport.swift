import GeoCore

/// Turns the gazetteer CSV (name_en, alt_names, name_ru, type, district, oblast, lat, lon, population,
/// population_year, source_url, confidence, notes) into settlements.
public enum GazetteerImport {
    static let columns = [
        "name_en", "alt_names", "name_ru", "type", "district", "oblast", "lat", "lon", "population",
        "population_year", "source_url", "confidence", "notes",
    ]

    public static func settlements(csv text: String, file: String) throws(DataError) -> [Settlement] {
        let rows = try CSV.parse(text, file: file)
        guard let header = rows.first else { throw DataError(file: file, message: "empty file") }
        var col: [String: Int] = [:]
        for (k, h) in header.fields.enumerated() { col[h.trimmingSpaces] = k }
        for c in columns where col[c] == nil {
            throw DataError(file: file, place: "line 1", message: "missing column \"\(c)\"")
        }
        var out: [Settlement] = []
        for row in rows.dropFirst() {
            func f(_ name: String) -> String? {
                guard let k = col[name], k < row.fields.count else { return nil }
                let v = row.fields[k].trimmingSpaces
                return v.isEmpty ? nil : v
            }
            let place = "line \(row.line)"
            guard row.fields.count == header.fields.count else {
                throw DataError(file: file, place: place, message: "has \(row.fields.count) fields, the header has \(header.fields.count)")
            }
            guard let name = f("name_en") else { throw DataError(file: file, place: place, message: "name_en is empty") }
            var location: LonLat?
            switch (f("lat"), f("lon")) {
            case (nil, nil): location = nil
            case (let lat?, let lon?):
                guard let la = Double(lat), let lo = Double(lon) else {
                    throw DataError(file: file, place: place, message: "lat/lon '\(lat)', '\(lon)' are not numbers")
                }
                do { location = try LonLat(lon: lo, lat: la) } catch {
                    throw DataError(file: file, place: place, message: error.description)
                }
            default: throw DataError(file: file, place: place, message: "has only one of lat and lon")
            }
            let confidence = f("confidence") ?? ""
            // Some rows annotate numbers ("2020 (estimate; 2010: 679)"): keep the leading number and
            // carry the annotation into the note, rather than lose either.
            var annotations: [String] = []
            func number(_ key: String, in range: ClosedRange<Int>) throws(DataError) -> Int? {
                guard let v = f(key) else { return nil }
                let digits = v.prefix { $0.isASCII && $0.isNumber }
                guard let n = CheckedNumber.whole(digits, in: range) else {
                    throw DataError(
                        file: file, place: place, message: "\(key) '\(v)' is not a whole number in \(CheckedNumber.describe(range))")
                }
                if digits.count != v.count { annotations.append("\(key): \(v)") }
                return n
            }
            let population = try number("population", in: Settlement.populationRange)
            let populationYear = try number("population_year", in: Settlement.yearRange)
            out.append(
                Settlement(
                    name: name,
                    altNames: (f("alt_names") ?? "").split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty },
                    names: f("name_ru").map { ["ru": $0] } ?? [:], kind: f("type") ?? "settlement", district: f("district"),
                    population: population, populationYear: populationYear,
                    location: location, precision: precision(confidence), source: f("source_url") ?? "unknown",
                    note: ([confidence, f("notes")] + annotations).compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " | ")))
        }
        return out
    }

    /// "verified …" → exact; "APPROXIMATE (±1.3 km …" → approximate, 1.3 km; "medium – …" → approximate,
    /// uncertainty unstated; "NOT LOCATED" → unlocated.
    static func precision(_ confidence: String) -> CoordinatePrecision {
        let lower = confidence.lowercased()
        if lower.hasPrefix("not located") { return .unlocated }
        if lower.hasPrefix("verified") { return .exact }
        guard let pm = confidence.firstIndex(of: "±") else { return .approximate(uncertaintyKm: nil) }
        let digits = confidence[confidence.index(after: pm)...].prefix { $0.isNumber || $0 == "." }
        return .approximate(uncertaintyKm: Double(digits))
    }
}
