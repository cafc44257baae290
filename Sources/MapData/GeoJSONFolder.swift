import Foundation
import GeoCore

/// The data folder GeoData/README.md lays out, as a data source: `dataset.json`, `control/*.geojson`,
/// `settlements.geojson`, `events.geojson`, `basemap/` and `layers/`.
///
/// When every control file is named by its date (control/2024-09-01.geojson), the snapshot dates come
/// from the names and a snapshot is decoded only when asked for; otherwise every control file is
/// decoded on first use (in parallel) and kept. Errors and warnings name their file under `name`.
public final class GeoJSONFolder: DataSource, @unchecked Sendable {
    public let name: String
    let files: any FolderFiles
    let repair: GeometryRepair
    private let lock = NSLock()
    private var controlNames: [String]?
    private var decodedAll: Timeline?

    /// `strict`: refuse invalid polygons instead of repairing them with a warning.
    public init(_ path: String, strict: Bool = false) throws(DataError) {
        name = path
        files = try DiskFolder(path)
        repair = GeometryRepair(strict: strict)
    }

    /// A folder read through `files` (tests watch the reads this way).
    public init(name: String, files: any FolderFiles, strict: Bool = false) {
        self.name = name
        self.files = files
        repair = GeometryRepair(strict: strict)
    }

    public var warnings: [DataError] { repair.warnings.map(located) }

    public func manifest() throws(DataError) -> Manifest {
        try located { () throws(DataError) in try Manifest.decode(try required("dataset.json"), file: "dataset.json") }
    }

    public func snapshotDates() throws(DataError) -> [Day] {
        try located { () throws(DataError) in
            let names = try controlFiles()
            if let dates = Self.namedDates(names) { return try Timeline.distinct(dates) }
            return try wholeTimeline().dates
        }
    }

    public func snapshots(on dates: [Day]) throws(DataError) -> [ControlSnapshot] {
        try located { () throws(DataError) in
            let names = try controlFiles()
            guard let named = Self.namedDates(names) else {
                let whole = try wholeTimeline()
                var out: [ControlSnapshot] = []
                for d in dates { if let s = try whole.state(on: d), s.date == d { out.append(s) } }
                return out
            }
            let picked = dates.compactMap { d in named.firstIndex(of: d) }
            let areas = try decodeControl(picked.map { names[$0] }, named: picked.map { Optional(named[$0]) })
            return try picked.map { k throws(DataError) in
                var s = ControlSnapshot(date: named[k], areas: areas.filter { $0.0 == named[k] }.map(\.1))
                if s.areas.isEmpty, let b = try files.read(names[k]) { s.isPlaceholder = ControlFile.isPlaceholder(b) }
                return s
            }
        }
    }

    public func settlements() throws(DataError) -> [Settlement] {
        try located { () throws(DataError) in
            try SettlementsFile.decode(try required("settlements.geojson"), file: "settlements.geojson")
        }
    }

    public func events() throws(DataError) -> [Event] {
        try located { () throws(DataError) in
            guard let b = try files.read("events.geojson") else { return [] }
            return try EventsFile.decode(b, file: "events.geojson")
        }
    }

    public func basemap() throws(DataError) -> Basemap {
        try located { () throws(DataError) in
            func lines(_ path: String) throws(DataError) -> LineLayer? {
                guard let b = try files.read(path) else { return nil }
                return try LineLayer.decode(b, file: path)
            }
            let none = LineLayer(lines: [], source: nil)
            let border = try lines("basemap/border.geojson") ?? none
            let rivers = try lines("basemap/rivers.geojson") ?? none
            var territories = TerritoryLayer([])
            if let b = try files.read("basemap/territories.geojson") {
                territories = try TerritoryLayer.decode(b, file: "basemap/territories.geojson", repair: repair)
            }
            var water = TerritoryLayer([])
            if let b = try files.read("basemap/water.geojson") {
                water = try TerritoryLayer.decode(b, file: "basemap/water.geojson", unnamed: true)
            }
            var regions = TerritoryLayer([])
            if let b = try files.read("basemap/regions.geojson") {
                regions = try TerritoryLayer.decode(b, file: "basemap/regions.geojson", repair: repair)
            }
            var inset: InsetMap?
            if let coast = try lines("basemap/inset-coast.geojson") {
                var faces = TerritoryLayer([])
                if let b = try files.read("basemap/inset.geojson") { faces = try TerritoryLayer.decode(b, file: "basemap/inset.geojson") }
                inset = InsetMap(faces: faces, coast: coast, borders: try lines("basemap/inset-borders.geojson") ?? none)
            }
            return Basemap(border: border, rivers: rivers, territories: territories, water: water, regions: regions, inset: inset)
        }
    }

    public func references() throws(DataError) -> [ReferenceLayer] {
        try located { () throws(DataError) in
            var out: [ReferenceLayer] = []
            for name in try files.list("layers").filter({ $0.hasSuffix(".geojson") }) {
                out.append(
                    try ReferenceLayer.decode(
                        try required("layers/" + name), file: "layers/" + name, id: String(name.dropLast(".geojson".count)),
                        repair: repair))
            }
            return out
        }
    }

    // MARK: - Control files

    func required(_ path: String) throws(DataError) -> [UInt8] {
        guard let b = try files.read(path) else { throw DataError(file: path, message: "file is missing") }
        return b
    }

    /// control/*.geojson, sorted, listed once.
    func controlFiles() throws(DataError) -> [String] {
        if let names = lock.withLock({ controlNames }) { return names }
        let names = try files.list("control").filter { $0.hasSuffix(".geojson") }.map { "control/" + $0 }.sorted()
        guard !names.isEmpty else { throw DataError(file: "control/", message: "no control snapshots (*.geojson)") }
        lock.withLock { controlNames = names }
        return names
    }

    /// The date of every file when each is named by one; nil when any is not.
    private static func namedDates(_ names: [String]) -> [Day]? {
        let dates = names.compactMap(ControlFile.date(named:))
        return dates.count == names.count ? dates : nil
    }

    /// Every control file decoded and grouped by date, once.
    private func wholeTimeline() throws(DataError) -> Timeline {
        if let t = lock.withLock({ decodedAll }) { return t }
        let names = try controlFiles()
        let areas = try decodeControl(names, named: names.map(ControlFile.date(named:)))
        let t: Timeline
        do throws(DataError) { t = try ControlFile.timeline(areas) } catch { throw error.in(file: "control/") }
        lock.withLock { decodedAll = t }
        return t
    }

    /// The files decoded on every core: they are most of a data folder's bytes, each is independent,
    /// and a render waits for them. Warnings and the first error come in file order, as a serial
    /// read would give them.
    private func decodeControl(_ names: [String], named: [Day?]) throws(DataError) -> [(Day, ControlArea)] {
        let strict = repair.strict, cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var areas: [(Day, ControlArea)] = []
        // A date and side from one file only, no feature twice, no empty file (see DatasetConsistency).
        var seen: [ControlFile.DateSide: String] = [:]
        do {
            // Each worker reads its own file: only the files in the window are in memory at once (a
            // national sequence's 60 files are 38 MB of text, more than the areas they decode to).
            try OrderedParallel.run(
                count: names.count, workers: max(1, min(names.count, cores)), window: 2 * cores,
                makeState: {},
                produce: { _, k in
                    let local = GeometryRepair(strict: strict)
                    return Result { () throws(DataError) in
                        let bytes = try self.required(names[k])
                        let found = try ControlFile.decode(bytes, file: names[k], named: named[k], repair: local)
                        return (found, local.warnings, found.isEmpty && ControlFile.isPlaceholder(bytes))
                    }
                }
            ) { k, decoded in
                let (found, warnings, placeholder) = try decoded.get()
                if !placeholder { try ControlFile.checkJoining(found, file: names[k], seen: &seen) }
                areas += found
                repair.absorb(warnings)
            }
        } catch let e as DataError {
            throw e
        } catch {
            throw DataError(file: "control/", message: "\(error)")
        }
        return areas
    }

    // MARK: - Places

    /// Runs `body`, naming the file of any error under the folder as the user gave it.
    private func located<T>(_ body: () throws(DataError) -> T) throws(DataError) -> T {
        do { return try body() } catch { throw located(error) }
    }

    /// The error with its file named relative to the folder the user gave.
    func located(_ e: DataError) -> DataError {
        var e = e
        if let f = e.file, !f.hasPrefix("/"), f != name, !f.hasPrefix(name + "/") { e.file = (name as NSString).appendingPathComponent(f) }
        return e
    }
}
