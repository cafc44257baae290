/// The controlled vocabulary of events.geojson, as GeoData/events.md defines it: the map's symbols,
/// legend and wording rely on it, so a misspelt value is an error, not a silent default. `claimedBy`
/// is left open: who makes claims differs from one conflict to the next (and `actor` must be a side).
public enum EventVocabulary {
    public static let kinds: [String] = [
        "captured", "recaptured", "entered", "advanced", "fighting", "attack", "bridge-struck", "crossing-built",
        "evacuation-ordered", "emergency-declared", "offensive-launched", "offensive-repelled", "area-claim",
        "depth-claim", "casualty-claim", "front-line-shift",
    ]
    public static let statuses = ["claimed", "reported", "geolocated", "assessed", "disputed", "unverified"]
    public static let datePrecisions = ["day", "approximate"]
    public static let figureUnits = ["km2", "km", "mi2", "percent", "count"]

    /// `value` of property `key` if it is one of `allowed`; else an error listing them.
    static func check(_ value: String, _ key: String, in allowed: [String]) throws(DataError) -> String {
        guard allowed.contains(value) else {
            throw DataError(message: "property \"\(key)\" is '\(value)'; expected one of \(allowed.joined(separator: ", "))")
        }
        return value
    }
}
