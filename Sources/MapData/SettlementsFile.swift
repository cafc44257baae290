import GeoCore

/// settlements.geojson: one Point feature per located place, null geometry for unlocated names.
public enum SettlementsFile {
    public static func decode(_ bytes: [UInt8], file: String) throws(DataError) -> [Settlement] {
        var out: [Settlement] = []
        for f in try GeoJSONReader.features(bytes, file: file) {
            do { out.append(try settlement(f)) } catch { throw error.at("feature \(f.index)").in(file: file) }
        }
        return out
    }

    static func settlement(_ f: GeoFeature) throws(DataError) -> Settlement {
        let p = Properties(value: f.properties)
        var location: LonLat?
        switch f.geometry {
        case .none: location = nil
        case .point(let l)?: location = l
        default: throw DataError(message: "settlement geometry must be a Point or null")
        }
        let precision: CoordinatePrecision
        switch try p.string("precision") {
        case "exact": precision = .exact
        case "approximate":
            precision = .approximate(uncertaintyKm: try p.optionalNumber("uncertaintyKm", in: Settlement.uncertaintyRangeKm))
        case "unlocated": precision = .unlocated
        case let other: throw DataError(message: "property \"precision\" is '\(other)'; expected exact, approximate or unlocated")
        }
        if location == nil, precision != .unlocated {
            throw DataError(message: "settlement has no geometry, so \"precision\" must be \"unlocated\"")
        }
        return Settlement(
            name: try p.string("name"), altNames: try p.strings("altNames"), names: try names(p),
            kind: try p.string("kind"), district: try p.optionalString("district"),
            population: try p.optionalWhole("population", in: Settlement.populationRange),
            populationYear: try p.optionalWhole("populationYear", in: Settlement.yearRange),
            location: location, precision: precision, source: try p.string("source"), note: try p.optionalString("note"))
    }

    /// `names` ({"uk": …, "ru": …}); a file from before it had only `nameRu`, read as {"ru": …}.
    static func names(_ p: Properties) throws(DataError) -> [String: String] {
        var out: [String: String] = [:]
        if let legacy = try p.optionalString("nameRu") { out["ru"] = legacy }
        if let v = p.value["names"], !v.isNull {
            guard case .object(let pairs) = v else {
                throw DataError(message: "property \"names\" must be an object of language code → name")
            }
            for (code, name) in pairs {
                guard let n = name.string, !n.isEmpty else {
                    throw DataError(message: "property \"names.\(code)\" must be a non-empty string")
                }
                out[code] = n
            }
        }
        return out
    }

    public static func encode(_ settlements: [Settlement], extra: [(String, JSONValue)] = []) -> String {
        let features = settlements.map { s -> JSONValue in
            var props: [(String, JSONValue)] = [
                ("name", .string(s.name)), ("altNames", .array(s.altNames.map { .string($0) })),
                ("names", .object(s.names.keys.sorted().map { ($0, .string(s.names[$0] ?? "")) })), ("kind", .string(s.kind)),
                ("district", s.district.map { .string($0) } ?? .null),
                ("population", s.population.map { .number(Double($0)) } ?? .null),
                ("populationYear", s.populationYear.map { .number(Double($0)) } ?? .null),
            ]
            switch s.precision {
            case .exact: props.append(("precision", .string("exact")))
            case .approximate(let km):
                props.append(("precision", .string("approximate")))
                props.append(("uncertaintyKm", km.map { .number($0) } ?? .null))
            case .unlocated: props.append(("precision", .string("unlocated")))
            }
            props.append(("source", .string(s.source)))
            props.append(("note", s.note.map { .string($0) } ?? .null))
            return GeoJSONWriter.feature(geometry: s.location.map { .point($0) }, properties: props)
        }
        return JSONWriter.write(GeoJSONWriter.collection(features, extra: extra))
    }
}
