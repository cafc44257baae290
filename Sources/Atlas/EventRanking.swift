import GeoCore
import MapData

/// The order a frame's events are listed and numbered in, the same on the map, in the panel and in
/// the report: what a reader needs first, never the file's order.
///
/// Captures (a place changed hands) come first, then area figures (how much ground a side holds or
/// took), then everything else; within each, the better-verified first, then events with a place on
/// the map (they carry a numbered star, so a star is not left without its entry when the panel is
/// cut short), then the newer, then the event id, so shuffling events.geojson changes nothing.
enum EventRanking {
    /// `events`, ranked.
    static func ranked(_ events: [Event]) -> [Event] {
        events.sorted { a, b in
            let ka = key(a), kb = key(b)
            if ka.group != kb.group { return ka.group < kb.group }
            if ka.verification != kb.verification { return ka.verification < kb.verification }
            if ka.unlocated != kb.unlocated { return !ka.unlocated }
            if a.date != b.date { return b.date < a.date }
            return a.id < b.id
        }
    }

    /// The star number of each event with a place, in list order: one star, and one number, per place
    /// (1 for the place of the first located event, 2 for the next place, …), so the events of one
    /// town share its star instead of stacking stars whose numbers hide each other.
    static func starNumbers(_ events: [Event]) -> [(Int, Event)] {
        var places: [LonLat: Int] = [:]
        return events.compactMap { e in
            guard let l = e.location else { return nil }
            let n = places[l] ?? places.count + 1
            places[l] = n
            return (n, e)
        }
    }

    /// What a kind of event tells a reader of a control map: 0 a capture, 1 an area figure, 2 the rest.
    static func group(_ e: Event) -> Int {
        switch e.kind {
        case "captured", "recaptured": return 0
        case "area-claim": return 1
        default: return 2
        }
    }

    /// How far the claim was checked, best first (GeoData/events.md): footage geolocated, an analyst's
    /// assessment, a plain report, a party's claim, unverified, disputed.
    static func verification(_ e: Event) -> Int {
        ["geolocated", "assessed", "reported", "claimed", "unverified", "disputed"].firstIndex(of: e.status) ?? 6
    }

    private static func key(_ e: Event) -> (group: Int, verification: Int, unlocated: Bool) {
        (group(e), verification(e), e.location == nil)
    }
}
