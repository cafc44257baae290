import GeoCore

/// events.geojson: one Point (or null-geometry) feature per dated report. See GeoData/README.md.
public enum EventsFile {
    public static func decode(_ bytes: [UInt8], file: String) throws(DataError) -> [Event] {
        var out: [Event] = []
        for f in try GeoJSONReader.features(bytes, file: file) {
            do { out.append(try event(f)) } catch { throw error.at("feature \(f.index)\(f.id.map { " (\($0))" } ?? "")").in(file: file) }
        }
        return out
    }

    static func event(_ f: GeoFeature) throws(DataError) -> Event {
        let p = Properties(value: f.properties)
        var location: LonLat?
        switch f.geometry {
        case .none: location = nil
        case .point(let l)?: location = l
        default: throw DataError(message: "event geometry must be a Point or null")
        }
        guard let id = f.id else { throw DataError(message: "event has no \"id\"") }
        guard let s = p.object("source") else { throw DataError(message: "property \"source\" must be an object") }
        let source = Event.Source(
            publication: try s.string("publication"), published: try s.string("published"),
            headline: try s.string("headline"), seed: try s.optionalString("seed"))
        var figure: String?, value: Double?, unit: String?, measure: String?
        if let fig = p.object("figure"), let v = try fig.optionalNumber("value") {
            unit = try fig.optionalString("unit").map { u throws(DataError) in
                try EventVocabulary.check(u, "unit", in: EventVocabulary.figureUnits)
            }
            measure = try fig.optionalString("measure")
            value = v
            let units = ["km2": "km²", "mi2": "sq mi", "km": "km", "percent": "%", "count": ""]
            figure = "\(JSONWriter.formatNumber(v)) \(units[unit ?? ""] ?? unit ?? "")".trimmingSpaces
        }
        var event = Event(
            id: id, date: try p.day("date"), dateIsApproximate: try precision(p) == "approximate",
            settlement: try p.optionalString("settlement"), placeAsReported: try p.optionalString("placeAsReported"),
            location: location, kind: try EventVocabulary.check(p.string("kind"), "kind", in: EventVocabulary.kinds),
            actor: try p.optionalString("actor"), claimedBy: try p.string("claimedBy"),
            status: try EventVocabulary.check(p.string("status"), "status", in: EventVocabulary.statuses), summary: try p.string("summary"),
            figure: figure, source: source)
        (event.figureValue, event.figureUnit, event.figureMeasure) = (value, unit, measure)
        return event
    }
}

/// "datePrecision", when given, from the vocabulary.
private func precision(_ p: Properties) throws(DataError) -> String? {
    try p.optionalString("datePrecision").map { v throws(DataError) in
        try EventVocabulary.check(v, "datePrecision", in: EventVocabulary.datePrecisions)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
