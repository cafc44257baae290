import GeoCore

/// A dated report: a settlement taken, a bridge struck, an area claimed. Always a claim by someone.
public struct Event: Sendable {
    public struct Source: Sendable, Hashable {
        public let publication: String
        public let published: String
        public let headline: String
        public let seed: String?
    }

    public let id: String
    public let date: Day
    public let dateIsApproximate: Bool
    public let settlement: String?
    public let placeAsReported: String?
    public let location: LonLat?
    public let kind: String
    public let actor: String?
    public let claimedBy: String
    public let status: String
    public let summary: String
    /// The figure as the panel prints it ("800 km²").
    public let figure: String?
    /// The figure as a number, its unit (km2, mi2, km, percent, count) and what it measures.
    public var figureValue: Double?
    public var figureUnit: String?
    public var figureMeasure: String?
    public let source: Source

    public init(
        id: String, date: Day, dateIsApproximate: Bool, settlement: String?, placeAsReported: String?,
        location: LonLat?, kind: String, actor: String?, claimedBy: String, status: String,
        summary: String, figure: String?, source: Source
    ) {
        self.id = id; self.date = date; self.dateIsApproximate = dateIsApproximate; self.settlement = settlement
        self.placeAsReported = placeAsReported; self.location = location; self.kind = kind; self.actor = actor
        self.claimedBy = claimedBy; self.status = status; self.summary = summary; self.figure = figure
        self.source = source
    }

    /// A claim that a settlement changed hands (to `actor`).
    public var claimsTaken: Bool { (kind == "captured" || kind == "recaptured") && actor != nil && settlement != nil }

    /// A claim of the whole area a side holds as of the event's date ("area controlled by Ukraine",
    /// "area of Ukrainian gains"), in km² (mi² converted); nil for other figures, for increments
    /// ("additional area captured") and for figures about an earlier period ("… in summer 2024"),
    /// which a chart must not plot as what was held on that date (see GeoData/events.md).
    public var areaClaimKm2: Double? {
        guard kind == "area-claim", let v = figureValue else { return nil }
        let measure = (figureMeasure ?? "").lowercased()
        guard ["controlled", "held", "gains"].contains(where: { measure.contains($0) }),
            !["additional", "further", "summer", "winter", "spring", "autumn", " in 20"].contains(where: { measure.contains($0) })
        else { return nil }
        switch figureUnit {
        case "km2": return v
        case "mi2": return v * 2.589988110336
        default: return nil
        }
    }

    /// "~", ">" or "<" for a figure the source qualifies ("around", "more than", "up to"), else "".
    public var figureQualifier: String {
        let m = (figureMeasure ?? "").lowercased()
        if m.contains("more than") || m.contains("over ") || m.contains("at least") { return ">" }
        if m.contains("less than") || m.contains("up to") || m.contains("nearly") || m.contains("under ") { return "<" }
        if m.contains("around") || m.contains("roughly") || m.contains("about") || m.contains("approximately") { return "~" }
        return ""
    }

    /// The place name to show: the gazetteer's, else the one reported.
    public var placeName: String? { settlement ?? placeAsReported }
}
