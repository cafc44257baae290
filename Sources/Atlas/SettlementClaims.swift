import GeoCore
import MapData

/// A settlement that an event says changed hands after the snapshot in force: shown as a claim, in
/// the taker's colour, from the event's date until a snapshot dated on or after it (or a later
/// claim about the same place) says otherwise.
public struct SettlementClaim: Sendable, Equatable {
    public let settlement: Settlement
    /// The side said to have taken it.
    public let taker: String
    /// The date of the claim (the latest about this place, on or before the frame's day).
    public let date: Day
    /// Who said so, and how the source qualifies it ("Ukrainian officials, claimed"), in file order.
    public let claimants: [String]
}

extension SequenceContext {
    /// The claims standing on `day` over `snapshot`: the latest taken/recaptured event per settlement
    /// dated after the snapshot, where the snapshot does not already show the taker holding it.
    public func standingClaims(on day: Day, over snapshot: ControlSnapshot) -> [SettlementClaim] {
        var latest: [String: [Event]] = [:]
        var order: [String] = []
        // In ranked order, not the file's, so the legend reads the same however events.geojson is sorted.
        for e in EventRanking.ranked(dataset.events) where e.claimsTaken && e.date <= day && e.date > snapshot.date {
            guard let name = e.settlement else { continue }
            if latest[name] == nil { order.append(name) }
            if let held = latest[name]?.first, held.date > e.date { continue }
            if let held = latest[name]?.first, held.date == e.date, held.actor == e.actor {
                latest[name]?.append(e)
            } else {
                latest[name] = [e]
            }
        }
        let sides = dataset.manifest.sides.map(\.id)
        return order.compactMap { name -> SettlementClaim? in
            guard let events = latest[name], let first = events.first, let taker = first.actor,
                let s = dataset.gazetteer.resolve(name), let l = s.location
            else { return nil }
            if snapshot.holder(at: l, sides: sides) == taker { return nil }
            var claimants: [String] = []
            for e in events {
                let claimant = "\(e.claimedBy), \(words.status(e.status))"
                if !claimants.contains(claimant) { claimants.append(claimant) }
            }
            return SettlementClaim(settlement: s, taker: taker, date: first.date, claimants: claimants)
        }
    }
}
