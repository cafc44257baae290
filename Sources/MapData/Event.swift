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
    public let figure: String?
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

    /// The place name to show: the gazetteer's, else the one reported.
    public var placeName: String? { settlement ?? placeAsReported }
}
