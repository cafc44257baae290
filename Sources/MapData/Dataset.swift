import Foundation
import GeoCore

/// Everything one data set holds, as its `DataSource` returned it (the snapshots it was asked for).
public struct Dataset: Sendable {
    /// What the data set is about; the drawing commands' `--title` and its kin override parts of it.
    public var manifest: Manifest
    public let timeline: Timeline
    public let gazetteer: Gazetteer
    public let events: [Event]
    public let border: LineLayer
    public let rivers: LineLayer
    public let territories: TerritoryLayer
    public let references: [ReferenceLayer]
    /// The wider region for the inset locator map; nil when the data set has no `basemap/inset-coast.geojson`.
    public let inset: InsetMap?
    /// Sea and lake faces on the main map (basemap/water.geojson); empty when the folder has none.
    public let water: TerritoryLayer
    /// Regions within the countries (basemap/regions.geojson), for their outlines and names.
    public let regions: TerritoryLayer
    /// Derived values shared by every copy (see `DatasetCache`).
    public let cache = DatasetCache()

    public init(
        manifest: Manifest, timeline: Timeline, gazetteer: Gazetteer, events: [Event], border: LineLayer,
        rivers: LineLayer, territories: TerritoryLayer, references: [ReferenceLayer], inset: InsetMap? = nil,
        water: TerritoryLayer = TerritoryLayer([]), regions: TerritoryLayer = TerritoryLayer([])
    ) {
        self.manifest = manifest; self.timeline = timeline; self.gazetteer = gazetteer; self.events = events
        self.border = border; self.rivers = rivers; self.territories = territories; self.references = references
        self.inset = inset; self.water = water; self.regions = regions
    }

    /// Snapshot dates and event dates together, from the first snapshot on, in order.
    public var reportedDates: [Day] {
        guard let first = timeline.dates.first else { return [] }
        return Set(timeline.dates + events.map(\.date).filter { $0 >= first }).sorted()
    }

    public func events(on day: Day) -> [Event] { events.filter { $0.date == day } }
}

extension Dataset {
    /// Ground a side holds outside its home country: areas split by territory whose territory is not
    /// their side's `home`. The one definition behind the maps, the statistics and the front line.
    public func acrossBorder(_ snapshot: ControlSnapshot) -> [ControlArea] {
        snapshot.areas.filter { a in
            guard let t = a.territory, let home = manifest.side(a.side)?.home else { return false }
            return t != home
        }
    }
}
