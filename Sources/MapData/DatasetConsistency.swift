import GeoCore

/// The rules that make a data set mean one thing, checked on the decoded values by every command
/// that draws or counts (and listed in full by `validate`): a map is never drawn from data that
/// `validate` would refuse. Cheap rules only; those that need GEOS (valid polygons, overlaps) stay in
/// `DatasetValidator`.
extension Dataset {
    /// Every problem found in the manifest, settlements, events and the snapshots the data set holds
    /// (all of them, unless its data source was asked for some dates only; see `SnapshotNeeds`).
    public func consistencyProblems() -> [DataError] {
        manifestProblems() + settlementProblems() + timeline.heldSnapshots.flatMap(snapshotProblems) + eventProblems()
    }

    /// Throws the first consistency problem. A one-date render holds only the snapshots it draws,
    /// and so checks those.
    public func checkConsistency() throws(DataError) {
        if let first = consistencyProblems().first { throw first }
    }

    func manifestProblems() -> [DataError] {
        var out: [DataError] = []
        func problem(_ place: String, _ message: String) { out.append(DataError(file: "dataset.json", place: place, message: message)) }
        let m = manifest
        if !m.region.contains(m.view) { problem("view", "[\(m.view)] is not inside the region [\(m.region)]") }
        for (k, name) in m.keyPlaces.enumerated() where gazetteer.resolve(name) == nil {
            problem("keyPlaces[\(k)]", "'\(name)' is not a settlement of settlements.geojson")
        }
        let names = territoryNames
        for (k, side) in m.sides.enumerated() {
            if let j = m.sides.prefix(k).firstIndex(where: { $0.id == side.id }) {
                problem("sides[\(k)]", "id '\(side.id)' is also the id of sides[\(j)]: side ids must be unique")
            }
            guard let home = side.home else { continue }
            if let j = m.sides.prefix(k).firstIndex(where: { $0.home == home }) {
                problem("sides[\(k)]", "home '\(home)' is also the home of sides[\(j)]: each side defends its own country")
            }
            if !names.isEmpty, !names.contains(home), !side.homeOutsideRegion {
                problem(
                    "sides[\(k)]",
                    "home '\(home)' is not a territory of basemap/territories.geojson (\(names.sorted().joined(separator: ", "))); if it lies outside the region, say so with \"homeOutsideRegion\": true"
                )
            }
            if side.homeOutsideRegion, names.contains(home) {
                problem("sides[\(k)]", "homeOutsideRegion, but '\(home)' is a territory of basemap/territories.geojson")
            }
        }
        return out
    }

    /// The territories' names; empty when the data set has no territories file.
    var territoryNames: Set<String> { Set(territories.territories.map(\.name)) }

    func settlementProblems() -> [DataError] {
        var out: [DataError] = []
        var first: [String: Int] = [:]
        for (k, s) in gazetteer.settlements.enumerated() {
            func problem(_ message: String) {
                out.append(DataError(file: "settlements.geojson", place: "feature \(k) (\(s.name))", message: message))
            }
            if let j = first[s.name] { problem("duplicate name '\(s.name)' (also feature \(j))") } else { first[s.name] = k }
            if let l = s.location, !manifest.region.contains(l) { problem("position \(l) lies outside the region \(manifest.region)") }
            if s.source.isEmpty { problem("no source") }
        }
        return out
    }

    func snapshotProblems(_ snapshot: ControlSnapshot) -> [DataError] {
        let file = "control/\(snapshot.date).geojson"
        guard !snapshot.areas.isEmpty || snapshot.isPlaceholder else {
            return [DataError(file: file, message: "has no control areas: an empty snapshot would draw a blank map")]
        }
        var out: [DataError] = []
        let region = manifest.region, sides = Set(manifest.sides.map(\.id)), names = territoryNames
        for (k, a) in snapshot.areas.enumerated() {
            func problem(_ message: String) { out.append(DataError(file: file, place: "feature \(k) (\(a.side))", message: message)) }
            if !sides.contains(a.side) { problem("side '\(a.side)' is not in dataset.json") }
            if let t = a.territory, !names.isEmpty, !names.contains(t) {
                problem("territory '\(t)' is not a territory of basemap/territories.geojson")
            }
            if a.source.name.isEmpty { problem("no source") }
            // Only the files' own areas: the rest of a home (`RestOfHome`) lies in its home territory,
            // and making it here, at every load, cost ~100 ms of GEOS and ~0.6 MB a date.
            if let b = a.givenGeometry?.bounds, !region.contains(b) { problem("extends outside the region \(region) (bounds \(b))") }
        }
        return out
    }

    func eventProblems() -> [DataError] {
        var out: [DataError] = []
        let sides = Set(manifest.sides.map(\.id))
        var ids = Set<String>()
        for (k, e) in events.enumerated() {
            func problem(_ message: String) {
                out.append(DataError(file: "events.geojson", place: "feature \(k) (\(e.id))", message: message))
            }
            if !ids.insert(e.id).inserted { problem("duplicate id") }
            if let first = timeline.dates.first, e.date < first { problem("dated \(e.date), before the first snapshot \(first)") }
            if let actor = e.actor, !sides.contains(actor) { problem("actor '\(actor)' is not a side in dataset.json") }
            if let name = e.settlement {
                guard let s = gazetteer.resolve(name) else {
                    problem("settlement '\(name)' is not in the gazetteer")
                    continue
                }
                if s.name != name { problem("settlement '\(name)' should be written as '\(s.name)'") }
                switch (e.location, s.location) {
                case (let a?, let b?) where Geodesic.distanceKm(a, b) > 0.01:
                    problem("position \(a) differs from the gazetteer's \(b) for \(s.name)")
                case (nil, .some): problem("\(s.name) is located in the gazetteer but the event has no geometry")
                case (.some, nil): problem("has a position but \(s.name) is unlocated in the gazetteer")
                default: break
                }
            } else if let reported = e.placeAsReported, gazetteer.resolve(reported) != nil {
                problem("'\(reported)' is in the gazetteer; set \"settlement\"")
            }
            if let l = e.location, !manifest.region.contains(l) { problem("position \(l) lies outside the region") }
        }
        return out
    }
}

extension ControlFile {
    /// The rules between control files, checked as each file's areas (in feature order) join those
    /// of the files before it: a file is not empty, a date and side come from one file only (the
    /// same date in two files would double every area), and no feature repeats another.
    static func checkJoining(_ areas: [(Day, ControlArea)], file: String, seen: inout [DateSide: String]) throws(DataError) {
        guard !areas.isEmpty else {
            throw DataError(file: file, message: "has no control areas: an empty snapshot would draw a blank map")
        }
        var mine: [DateSide: String] = [:]
        var shapes: [Shape: Int] = [:]
        for (k, (day, a)) in areas.enumerated() {
            let key = DateSide(day: day, side: a.side)
            if let other = seen[key], other != file {
                throw DataError(
                    file: file, place: "feature \(k)",
                    message: "side '\(a.side)' on \(day) is also in \(other): one snapshot per date and side (two would double every area)")
            }
            mine[key] = file
            let shape = Shape(day: day, side: a.side, geometry: try a.geometry)
            if let j = shapes[shape] {
                throw DataError(file: file, place: "feature \(k)", message: "the same area as feature \(j): no feature twice")
            }
            shapes[shape] = k
        }
        seen.merge(mine) { a, _ in a }
    }

    struct DateSide: Hashable {
        let day: Day
        let side: String
    }

    private struct Shape: Hashable {
        let day: Day
        let side: String
        let geometry: MultiPolygon
    }
}
