import GeoCore

extension GeoJSONFolder {
    /// Every problem that stops a load, file by file, instead of the first one only (for `validate`),
    /// and the data set made of what did load: nil when dataset.json or every control file failed.
    /// Problems name their file under the folder; the repairs made are in `warnings` as usual.
    public func datasetCollectingProblems() -> (dataset: Dataset?, problems: [DataError]) {
        var problems: [DataError] = []
        func attempt<T>(_ body: () throws(DataError) -> T) -> T? {
            do { return try body() } catch {
                problems.append(located(error))
                return nil
            }
        }
        let manifest = attempt { () throws(DataError) -> Manifest in try self.manifest() }
        var areas: [(Day, ControlArea)] = []
        var named: [Day] = []
        let names = attempt({ () throws(DataError) -> [String] in try controlFiles() }) ?? []
        for name in names {
            let date = ControlFile.date(named: name)
            let found = attempt { () throws(DataError) -> [(Day, ControlArea)] in
                try ControlFile.decode(try required(name), file: name, named: date, repair: repair)
            }
            areas += found ?? []
            if let date, found != nil { named.append(date) }
        }
        let timeline = attempt { () throws(DataError) -> Timeline in
            do throws(DataError) {
                // Files named by their dates keep their dates even when empty (a snapshot of no ground).
                guard names.allSatisfy({ ControlFile.date(named: $0) != nil }) else { return try ControlFile.timeline(areas) }
                let snapshots = try named.map { d throws(DataError) in
                    var s = ControlSnapshot(date: d, areas: areas.filter { $0.0 == d }.map(\.1))
                    if s.areas.isEmpty, let b = try files.read("control/\(d).geojson") { s.isPlaceholder = ControlFile.isPlaceholder(b) }
                    return s
                }
                return try Timeline(snapshots)
            } catch { throw error.in(file: "control/") }
        }
        let settlements = attempt { () throws(DataError) -> [Settlement] in try self.settlements() } ?? []
        let events = attempt { () throws(DataError) -> [Event] in try self.events() } ?? []
        let none = LineLayer(lines: [], source: nil)
        func lines(_ path: String) -> LineLayer? {
            let layer = attempt { () throws(DataError) -> LineLayer? in
                guard let b = try files.read(path) else { return nil }
                return try LineLayer.decode(b, file: path)
            }
            return layer ?? nil
        }
        func faces(_ path: String) -> TerritoryLayer {
            let layer = attempt { () throws(DataError) -> TerritoryLayer? in
                guard let b = try files.read(path) else { return nil }
                return try TerritoryLayer.decode(b, file: path, repair: repair)
            }
            return (layer ?? nil) ?? TerritoryLayer([])
        }
        let border = lines("basemap/border.geojson") ?? none, rivers = lines("basemap/rivers.geojson") ?? none
        let territories = faces("basemap/territories.geojson"), regions = faces("basemap/regions.geojson")
        var inset: InsetMap?
        if let coast = lines("basemap/inset-coast.geojson") {
            inset = InsetMap(faces: faces("basemap/inset.geojson"), coast: coast, borders: lines("basemap/inset-borders.geojson") ?? none)
        }
        // Water faces are read as the drawing commands read them, so validate refuses what render would.
        let water =
            (attempt { () throws(DataError) -> TerritoryLayer? in
                guard let b = try files.read("basemap/water.geojson") else { return nil }
                return try TerritoryLayer.decode(b, file: "basemap/water.geojson", unnamed: true)
            } ?? nil) ?? TerritoryLayer([])
        var references: [ReferenceLayer] = []
        for name in attempt({ () throws(DataError) -> [String] in try files.list("layers") }) ?? [] where name.hasSuffix(".geojson") {
            let path = "layers/" + name
            let layer = attempt { () throws(DataError) -> ReferenceLayer in
                try ReferenceLayer.decode(try required(path), file: path, id: String(name.dropLast(".geojson".count)), repair: repair)
            }
            if let layer { references.append(layer) }
        }
        guard let manifest, let timeline, !timeline.dates.isEmpty else { return (nil, problems) }
        let completed = attempt { () throws(DataError) -> Timeline in
            try Timeline(try RestOfHome(manifest: manifest, territories: territories).completing(try timeline.snapshots(), in: name))
        }
        guard let completed else { return (nil, problems) }
        let dataset = Dataset(
            manifest: manifest, timeline: completed, gazetteer: Gazetteer(settlements), events: events, border: border,
            rivers: rivers, territories: territories, references: references, inset: inset, water: water, regions: regions)
        return (dataset, problems)
    }
}
