import GeoCore

/// Where a data set's features come from (Mapnik's datasource): it owns its files, its errors and its
/// warnings, and answers "the features of this kind (for these dates)". Errors name the source's own
/// place (file, line, feature). Nothing else in a frame reads input: a scene is composed from the
/// values a source returned, so a source may be closed (or forbidden to read) once they are loaded.
///
/// `GeoJSONFolder` is the data folder of GeoData/README.md; importers produce the same values from
/// KML (and later GDAL/OGR) through the same readers.
public protocol DataSource: Sendable {
    /// The source as the user named it (a folder path), for messages.
    var name: String { get }
    func manifest() throws(DataError) -> Manifest
    /// Every snapshot date, in order, known without decoding the snapshots where the source can.
    func snapshotDates() throws(DataError) -> [Day]
    /// The snapshots of `dates` (each one of `snapshotDates()`), decoded, in date order.
    func snapshots(on dates: [Day]) throws(DataError) -> [ControlSnapshot]
    func settlements() throws(DataError) -> [Settlement]
    func events() throws(DataError) -> [Event]
    func basemap() throws(DataError) -> Basemap
    /// Reference outlines (the furthest extent of an advance), in name order.
    func references() throws(DataError) -> [ReferenceLayer]
    /// Problems the source repaired while reading so far, in reading order.
    var warnings: [DataError] { get }
}

/// The background a map is drawn on: border, rivers, territories, water and the inset's wider region.
public struct Basemap: Sendable {
    public let border: LineLayer
    public let rivers: LineLayer
    public let territories: TerritoryLayer
    /// Sea and lake faces (basemap/water.geojson), by name.
    public let water: TerritoryLayer
    /// Regions within the countries (oblasts, provinces: basemap/regions.geojson), by name: outlined
    /// and named on the map, never used to split or measure control.
    public let regions: TerritoryLayer
    public let inset: InsetMap?

    public init(
        border: LineLayer, rivers: LineLayer, territories: TerritoryLayer, water: TerritoryLayer = TerritoryLayer([]),
        regions: TerritoryLayer = TerritoryLayer([]), inset: InsetMap?
    ) {
        self.border = border; self.rivers = rivers; self.territories = territories; self.water = water; self.regions = regions
        self.inset = inset
    }
}

/// Which control snapshots a run draws: all of them (sequences, statistics, validation), or those a
/// few dates need, so that a one-date render decodes two files, not a whole war's.
public enum SnapshotNeeds: Sendable, Equatable {
    case all
    /// For each day: the snapshot in force and the one before it (the change layers). A frame
    /// morphed between snapshots needs `.all`: its grid covers the ground every snapshot fills.
    case around([Day])

    /// The dates of `timeline` these needs name.
    func dates(in all: [Day]) -> [Day] {
        guard case .around(let days) = self else { return all }
        var picked = Set<Int>()
        for day in days {
            let k = all.lastIndex { $0 <= day }
            guard let k else { continue }
            picked.insert(k)
            if k > 0 { picked.insert(k - 1) }
        }
        return picked.sorted().map { all[$0] }
    }
}

extension DataSource {
    /// The data set, with the snapshots `needs` names decoded and every other kind whole.
    public func dataset(_ needs: SnapshotNeeds = .all) throws(DataError) -> Dataset {
        // In the order a reader meets problems: the manifest, control, places and events, then the basemap.
        let manifest = try manifest()
        let dates = try snapshotDates()
        let decoded = try snapshots(on: needs.dates(in: dates))
        let settlements = try settlements(), events = try events()
        let basemap = try basemap()
        // One-sided data: the sides that hold the rest of their home get it as areas of their own.
        let rest = RestOfHome(manifest: manifest, territories: basemap.territories)
        let timeline = try Timeline(dates: dates, holding: try rest.completing(decoded, in: name))
        return Dataset(
            manifest: manifest, timeline: timeline, gazetteer: Gazetteer(settlements), events: events,
            border: basemap.border, rivers: basemap.rivers, territories: basemap.territories,
            references: try references(), inset: basemap.inset, water: basemap.water, regions: basemap.regions)
    }
}
