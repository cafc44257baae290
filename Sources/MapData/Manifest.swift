import GeoCore

/// dataset.json: what the data set is about, its region, its sides and its credits.
public struct Manifest: Sendable {
    public struct Side: Sendable, Hashable {
        public let id: String
        public let name: String
        /// The country this side defends; ground it holds elsewhere is "across the border".
        public let home: String?
        /// Whether the side holds whatever of its home no control area covers (`"holdsRestOfHome": true`):
        /// for one-sided data, which maps only the ground the other side took. See `RestOfHome`.
        public let holdsRestOfHome: Bool
        /// The home country lies outside the region (`"homeOutsideRegion": true`): Russia on a map of
        /// southern Ukraine. All the side's ground is then across the border. Without it, a home that
        /// is no territory of the basemap is an error: a misspelt home would otherwise count every
        /// km² the side holds as across the border.
        public let homeOutsideRegion: Bool

        public init(id: String, name: String, home: String?, holdsRestOfHome: Bool, homeOutsideRegion: Bool = false) {
            self.id = id; self.name = name; self.home = home; self.holdsRestOfHome = holdsRestOfHome
            self.homeOutsideRegion = homeOutsideRegion
        }
    }

    /// The title (`--title` overrides it), and an optional line under it (`"subtitle"`, `--subtitle`).
    public var title: String
    public var subtitle: String? = nil
    public let region: BBox
    public let view: BBox
    public let sides: [Side]
    /// The source lines (`--source-line` puts one line in their place).
    public var attribution: [String]
    /// The sources in one short line (`"shortAttribution"`), for pages seen at a phone's or a link
    /// card's width, whose panel the full lines would half fill; `--source-line` replaces both.
    public var shortAttribution: String? = nil
    /// Who made the graphic (`"credit"`, `--credit`): printed after the source lines.
    public var credit: String? = nil
    public let caveat: String?
    /// How far apart (km) the control data's border and the basemap's may run: `import geojson` moves
    /// slivers thinner than this across the border, and the front line is not drawn within it of
    /// the border. nil: not stated (the importer's default, and the front line's 0.002°).
    public let borderToleranceKm: Double?
    /// Draw the state border from `basemap/border.geojson` even when there are territories
    /// (`"bordersFrom": "border.geojson"`); by default two or more territories draw it from the first
    /// one's outline, which is right for two countries filling the region (Kursk) but draws a coast
    /// as a border, and misses the others' borders, where there are more or a sea.
    public let bordersFromFile: Bool
    /// Languages of the map's second line under a settlement's name, in order of preference
    /// (`"secondNameLanguages": ["uk", "ru"]`): each settlement shows its name in the first it has.
    /// Default ["ru"], the only second name the gazetteer had before it had names by language.
    public let secondNameLanguages: [String]
    /// Whether the map names countries, seas and regions (`"territoryNames": false` turns them off).
    public let territoryNames: Bool
    /// The places the story is about (`"keyPlaces": ["Sudzha"]`, gazetteer names): every map names
    /// them, a step up in marker and type.
    public var keyPlaces: [String] = []

    public static func decode(_ bytes: [UInt8], file: String) throws(DataError) -> Manifest {
        do throws(DataError) {
            let root = try JSONParser.parse(bytes)
            let p = Properties(value: root)
            func box(_ key: String) throws(DataError) -> BBox {
                guard let a = root[key]?.array, a.count == 4, let w = a[0].number, let s = a[1].number,
                    let e = a[2].number, let n = a[3].number
                else { throw DataError(place: key, message: "must be [west, south, east, north] in degrees") }
                do { return try BBox(west: w, south: s, east: e, north: n) } catch {
                    throw DataError(place: key, message: error.description)
                }
            }
            var sides: [Side] = []
            for (k, s) in (root["sides"]?.array ?? []).enumerated() {
                let sp = Properties(value: s)
                do throws(DataError) {
                    let home = try sp.optionalString("home")
                    let rest = try sp.optionalBool("holdsRestOfHome") ?? false
                    if rest, home == nil {
                        throw DataError(place: "holdsRestOfHome", message: "needs \"home\": the territory whose rest the side holds")
                    }
                    let outside = try sp.optionalBool("homeOutsideRegion") ?? false
                    if outside, home == nil {
                        throw DataError(place: "homeOutsideRegion", message: "needs \"home\": the country outside the region")
                    }
                    if outside, rest {
                        throw DataError(
                            place: "homeOutsideRegion",
                            message:
                                "a side cannot hold the rest of a home outside the region (holdsRestOfHome needs its home in the region)")
                    }
                    sides.append(
                        Side(
                            id: try sp.string("id"), name: try sp.string("name"), home: home, holdsRestOfHome: rest,
                            homeOutsideRegion: outside))
                } catch { throw error.at("sides[\(k)]") }
            }
            guard !sides.isEmpty else { throw DataError(place: "sides", message: "at least one side is needed") }
            let region = try box("region")
            func bordersFrom() throws(DataError) -> Bool {
                switch try p.optionalString("bordersFrom") {
                case nil, "territories"?: return false
                case "border.geojson"?: return true
                case let other?:
                    throw DataError(place: "bordersFrom", message: "is '\(other)'; expected \"territories\" or \"border.geojson\"")
                }
            }
            func tolerance() throws(DataError) -> Double? {
                guard let km = try p.optionalNumber("borderToleranceKm") else { return nil }
                guard km >= 0, km <= 50 else { throw DataError(place: "borderToleranceKm", message: "must be 0 to 50 km") }
                return km
            }
            var manifest = Manifest(
                title: try p.string("title"), region: region, view: root["view"] == nil ? region : try box("view"),
                sides: sides, attribution: try p.strings("attribution"), caveat: try p.optionalString("caveat"),
                borderToleranceKm: try tolerance(), bordersFromFile: try bordersFrom(),
                secondNameLanguages: root["secondNameLanguages"] == nil ? ["ru"] : try p.strings("secondNameLanguages"),
                territoryNames: try p.optionalBool("territoryNames") ?? true,
                keyPlaces: root["keyPlaces"] == nil ? [] : try p.strings("keyPlaces"))
            manifest.subtitle = try p.optionalString("subtitle")
            manifest.credit = try p.optionalString("credit")
            manifest.shortAttribution = try p.optionalString("shortAttribution")
            return manifest
        } catch {
            throw error.in(file: file)
        }
    }

    public func side(_ id: String) -> Side? { sides.first { $0.id == id } }

    /// The credits as printed: the source lines, then the graphic's credit.
    public var creditLines: [String] { attribution + (credit.map { [$0] } ?? []) }

    /// Credit lines run on as one paragraph: lines that end a sentence with a space, the others
    /// ("Places: GeoNames (CC BY 4.0)") with a dot.
    public static func runOn(_ lines: [String]) -> String {
        lines.enumerated().map { k, line in k == 0 ? line : ((lines[k - 1].hasSuffix(".") ? " " : " · ") + line) }.joined()
    }

    /// The credits on a small page: the short source line where there is one.
    public var shortCreditLines: [String] { (shortAttribution.map { [$0] } ?? attribution) + (credit.map { [$0] } ?? []) }
}
