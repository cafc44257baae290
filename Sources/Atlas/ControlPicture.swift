import Cartography
import GeoCore
import MapData

/// Where a frame between two snapshots stands: the two snapshot dates and how far along it is.
public struct Interpolation: Sendable, Equatable {
    public let from: Day
    public let to: Day
    /// 0 at `from`, 1 at `to`.
    public let fraction: Double
}

/// What a frame shows of control, in page space: read from one snapshot, or morphed between two.
/// The map layers, the panel and the alt text all draw on this, so they never disagree.
struct ControlPicture {
    struct Held {
        let side: String
        let status: ControlStatus
        let territory: String?
        let path: PagePath
    }
    /// Ground taken by `side` since the picture's `since` date, and the area it lost.
    struct Taken {
        let side: String
        let path: PagePath
        let km2: Double
        var lostKm2: Double
    }

    var held: [Held] = []
    var taken: [Taken] = []
    var since: Day?
    var front = PagePath(subpaths: [], closed: false)
    var changedHands: [HandsChange] = []
    var heldAcrossKm2: [(side: String, territory: String, km2: Double)] = []
    var interpolation: Interpolation?

    func gainedKm2(_ side: String) -> Double { taken.first { $0.side == side }?.km2 ?? 0 }
    func lostKm2(_ side: String) -> Double { taken.first { $0.side == side }?.lostKm2 ?? 0 }
}

extension SequenceContext {
    /// The picture of `snapshot` as it stands, with the change from the snapshot before it.
    func exactPicture(_ snapshot: ControlSnapshot, change: ControlChange?) throws -> ControlPicture {
        var picture = ControlPicture()
        let across = timed(clock, .query) { filledAreas(snapshot) }
        let paths = try timed(clock, .project) { try filledPaths(snapshot) }
        for side in dataset.manifest.sides {
            for status in ControlStatus.allCases {
                let picked = timed(clock, .query) { across.indices.filter { across[$0].side == side.id && across[$0].status == status } }
                let path = PagePath(subpaths: picked.flatMap { paths[$0].subpaths }, closed: true)
                guard !path.isEmpty else { continue }
                picture.held.append(
                    .init(side: side.id, status: status, territory: picked.first.flatMap { across[$0].territory }, path: path))
            }
        }
        // Geodesic areas cost a geodesic per edge (about 100 ms for a 30,000-vertex front), so only
        // frames that state them (panel, alt text) measure them.
        if needs.contains(.heldAreas) { picture.heldAcrossKm2 = try timed(clock, .geometry) { try acrossKm2(snapshot) } }
        if let change {
            picture.since = change.from
            for s in change.sides {
                let path = timed(clock, .project) { builder.path(s.gained) }
                picture.taken.append(.init(side: s.side, path: path, km2: s.gainedKm2, lostKm2: s.lostKm2))
            }
            picture.changedHands = change.settlements
        }
        if needs.contains(.frontLine) { picture.front = try timed(clock, .geometry) { try frontLine(snapshot) } }
        return picture
    }

    /// The page path of each of `filledAreas(snapshot)`, in order, cached per snapshot: a frame draws
    /// its snapshot's, and the area names avoid those of the snapshot before too (`placeNames`).
    func filledPaths(_ snapshot: ControlSnapshot) throws(DataError) -> [PagePath] {
        if let hit = pathCache.first(where: { $0.date == snapshot.date }) { return hit.paths }
        let paths = try filledAreas(snapshot).map { a throws(DataError) in builder.path(try a.geometry) }
        pathCache.append((snapshot.date, paths))
        pathCache.keepLatest(2, date: \.date)
        return paths
    }

    /// The big rings' piece areas, shared by every worker of the data set (see `acrossKm2`).
    var pieceAreas: RingPieceAreas { dataset.cache.value("ring-piece-areas") { RingPieceAreas() } }

    /// Ground held across the border, per area: the one rule (`Dataset.acrossBorder`) that snapshot
    /// maps, morphs, stats and the chart all state. Measured once per snapshot.
    func acrossKm2(_ snapshot: ControlSnapshot) throws(DataError) -> [(side: String, territory: String, km2: Double)] {
        if let hit = acrossCache.first(where: { $0.date == snapshot.date }) { return hit.areas }
        let derived = (try? derivedAcrossKm2(snapshot)) ?? [:]
        var areas: [(side: String, territory: String, km2: Double)] = []
        for a in dataset.acrossBorder(snapshot) {
            guard let t = a.territory else { continue }
            let km2: Double
            // A worker's first frame of a run measures afresh: the pieces of the big rings that the
            // snapshots measured before share are kept for every worker (`RingPieceAreas`).
            if let d = derived[a.side] { km2 = d } else { km2 = pieceAreas.areaKm2(try a.geometry) }
            areas.append((side: a.side, territory: t, km2: km2))
        }
        acrossCache.append((snapshot.date, areas))
        if acrossCache.count > Self.cachedSnapshots { acrossCache.removeFirst() }
        return areas
    }

    /// Ground held across the border per side, from the snapshot before's and the change since it,
    /// where that is exact: a side whose only area is held across the border on both dates, in the
    /// same territory, holds it less what it lost plus what it gained (pieces the change measured).
    /// A 28,000-vertex national front then costs a geodesic per changed edge, not one per vertex.
    /// Empty unless this context already measured the snapshot before (frames in date order).
    func derivedAcrossKm2(_ snapshot: ControlSnapshot) throws -> [String: Double] {
        guard let change = changes[snapshot.date], change.to == snapshot.date,
            let previous = acrossCache.first(where: { $0.date == change.from }),
            let before = try dataset.timeline.state(on: change.from), before.date == change.from
        else { return [:] }
        let across = dataset.acrossBorder(snapshot)
        var out: [String: Double] = [:]
        for s in change.sides {
            let now = snapshot.areas(side: s.side), was = before.areas(side: s.side)
            let then = previous.areas.filter { $0.side == s.side }
            guard now.count == 1, was.count == 1, then.count == 1, let t = now[0].territory, was[0].territory == t,
                then[0].territory == t, across.contains(where: { $0.side == s.side })
            else { continue }
            out[s.side] = then[0].km2 + s.gainedKm2 - s.lostKm2
        }
        return out
    }

    /// Geodesic area in km² of the even–odd fill of page rings that turn consistently (as traced
    /// contours do): each ring is carried back to the ellipsoid and measured there.
    func areaKm2(ofPage path: PagePath) -> Double {
        abs(path.subpaths.reduce(0) { $0 + Geodesic.signedAreaKm2($1.map(projection.unproject)) })
    }
}
