import Foundation
import GeoCore

/// Everything one data folder holds, decoded once. See GeoData/README.md for the layout.
public struct Dataset: Sendable {
    public let manifest: Manifest
    public let timeline: Timeline
    public let gazetteer: Gazetteer
    public let events: [Event]
    public let border: LineLayer
    public let rivers: LineLayer
    public let territories: TerritoryLayer
    public let references: [ReferenceLayer]
    /// The wider region for the inset locator map; nil when the data set has no `basemap/inset-coast.geojson`.
    public let inset: InsetMap?

    public init(
        manifest: Manifest, timeline: Timeline, gazetteer: Gazetteer, events: [Event], border: LineLayer,
        rivers: LineLayer, territories: TerritoryLayer, references: [ReferenceLayer], inset: InsetMap? = nil
    ) {
        self.manifest = manifest; self.timeline = timeline; self.gazetteer = gazetteer; self.events = events
        self.border = border; self.rivers = rivers; self.territories = territories; self.references = references
        self.inset = inset
    }

    /// Snapshot dates and event dates together, from the first snapshot on, in order.
    public var reportedDates: [Day] {
        guard let first = timeline.dates.first else { return [] }
        return Set(timeline.dates + events.map(\.date).filter { $0 >= first }).sorted()
    }

    public func events(on day: Day) -> [Event] { events.filter { $0.date == day } }

    /// Access to the files of a data folder, by path relative to it; supplied by the caller,
    /// so that this module never touches the disk.
    public struct Files: Sendable {
        public let read: @Sendable (String) throws -> [UInt8]?
        public let list: @Sendable (String) throws -> [String]
        public init(read: @escaping @Sendable (String) throws -> [UInt8]?, list: @escaping @Sendable (String) throws -> [String]) {
            self.read = read; self.list = list
        }
    }

    /// `repair` decides what happens to invalid polygons (repaired with a warning, or refused) and
    /// collects the warnings; by default they are refused. `lazy`: when every control file is named
    /// by its date (control/2024-09-01.geojson), decode each on first use (see `Timeline`); errors
    /// and warnings of those files then come when it is used.
    public static func load(_ files: Files, repair: GeometryRepair = GeometryRepair(strict: true), lazy: Bool = false) throws -> Dataset {
        func required(_ path: String) throws -> [UInt8] {
            guard let b = try files.read(path) else { throw DataError(file: path, message: "file is missing") }
            return b
        }
        let manifest = try Manifest.decode(try required("dataset.json"), file: "dataset.json")
        let controlFiles = try files.list("control").filter { $0.hasSuffix(".geojson") }.map { "control/" + $0 }.sorted()
        guard !controlFiles.isEmpty else { throw DataError(file: "control/", message: "no control snapshots (*.geojson)") }
        let named = controlFiles.map(ControlFile.date(named:))
        let timeline: Timeline
        if lazy, case let dates = named.compactMap({ $0 }), dates.count == controlFiles.count {
            let strict = repair.strict
            timeline = try Timeline(lazy: dates) { k in
                let local = GeometryRepair(strict: strict)
                guard let bytes = try files.read(controlFiles[k]) else {
                    throw DataError(file: controlFiles[k], message: "file is missing")
                }
                let areas = try ControlFile.decode(bytes, file: controlFiles[k], named: dates[k], repair: local)
                var seen: [ControlFile.DateSide: String] = [:]
                try ControlFile.checkJoining(areas, file: controlFiles[k], seen: &seen)
                repair.absorb(local.warnings)
                return ControlSnapshot(date: dates[k], areas: areas.map(\.1))
            }
        } else {
            let areas = try decodeControl(controlFiles, bytes: try controlFiles.map(required), named: named, repair: repair)
            do { timeline = try ControlFile.timeline(areas) } catch { throw error.in(file: "control/") }
        }
        let settlements = try SettlementsFile.decode(try required("settlements.geojson"), file: "settlements.geojson")
        let events = try files.read("events.geojson").map { b throws in try EventsFile.decode(b, file: "events.geojson") } ?? []
        let border =
            try files.read("basemap/border.geojson").map { b throws in
                try LineLayer.decode(b, file: "basemap/border.geojson")
            } ?? LineLayer(lines: [], source: nil)
        let rivers =
            try files.read("basemap/rivers.geojson").map { b throws in
                try LineLayer.decode(b, file: "basemap/rivers.geojson")
            } ?? LineLayer(lines: [], source: nil)
        let territories =
            try files.read("basemap/territories.geojson").map { b throws in
                try TerritoryLayer.decode(b, file: "basemap/territories.geojson", repair: repair)
            } ?? TerritoryLayer([])
        let inset = try files.read("basemap/inset-coast.geojson").map { b throws in
            InsetMap(
                faces: try files.read("basemap/inset.geojson").map { b throws in
                    try TerritoryLayer.decode(b, file: "basemap/inset.geojson")
                } ?? TerritoryLayer([]),
                coast: try LineLayer.decode(b, file: "basemap/inset-coast.geojson"),
                borders: try files.read("basemap/inset-borders.geojson").map { b throws in
                    try LineLayer.decode(b, file: "basemap/inset-borders.geojson")
                } ?? LineLayer(lines: [], source: nil))
        }
        var references: [ReferenceLayer] = []
        for name in try files.list("layers").filter({ $0.hasSuffix(".geojson") }).sorted() {
            references.append(
                try ReferenceLayer.decode(
                    try required("layers/" + name), file: "layers/" + name,
                    id: String(name.dropLast(".geojson".count)), repair: repair))
        }
        return Dataset(
            manifest: manifest, timeline: timeline, gazetteer: Gazetteer(settlements), events: events,
            border: border, rivers: rivers, territories: territories, references: references, inset: inset)
    }
}

extension Dataset {
    /// The control files decoded on every core: they are most of a data folder's bytes, each is
    /// independent, and a one-date render waits for them. Warnings and the first error come in file
    /// order, as a serial read would give them.
    static func decodeControl(_ names: [String], bytes: [[UInt8]], named: [Day?], repair: GeometryRepair) throws -> [(Day, ControlArea)] {
        let strict = repair.strict, cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var areas: [(Day, ControlArea)] = []
        var seen: [ControlFile.DateSide: String] = [:]
        try OrderedParallel.run(
            count: names.count, workers: min(names.count, cores), window: 2 * cores,
            makeState: {},
            produce: { _, k in
                let local = GeometryRepair(strict: strict)
                return Result { () throws(DataError) in
                    (try ControlFile.decode(bytes[k], file: names[k], named: named[k], repair: local), local.warnings)
                }
            }
        ) { k, decoded in
            let (found, warnings) = try decoded.get()
            try ControlFile.checkJoining(found, file: names[k], seen: &seen)
            areas += found
            repair.absorb(warnings)
        }
        return areas
    }

    /// Ground a side holds outside its home country: areas split by territory whose territory is not
    /// their side's `home`. The one definition behind the maps, the statistics and the front line.
    public func acrossBorder(_ snapshot: ControlSnapshot) -> [ControlArea] {
        snapshot.areas.filter { a in
            guard let t = a.territory, let home = manifest.side(a.side)?.home else { return false }
            return t != home
        }
    }
}
