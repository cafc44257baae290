import GeoCore

/// What a KML file holds that maps need: styles and placemarks with their geometry.
public struct KMLDocument: Sendable {
    public struct Style: Sendable, Hashable {
        /// KML colours are aabbggrr hex; these are converted to RGBA components in 0...1.
        public var lineColor: RGBA?
        public var lineWidth: Double?
        public var polyColor: RGBA?
    }

    public struct RGBA: Sendable, Hashable {
        public let r: Double, g: Double, b: Double, a: Double

        /// Parses KML's "aabbggrr" (8 hex digits), or "bbggrr" with full opacity.
        public init?(kml: String) {
            let hex = kml.trimmingSpaces
            guard hex.count == 8 || hex.count == 6, let v = UInt32(hex, radix: 16) else { return nil }
            let a = hex.count == 8 ? Double((v >> 24) & 0xFF) / 255 : 1
            self.init(r: Double(v & 0xFF) / 255, g: Double((v >> 8) & 0xFF) / 255, b: Double((v >> 16) & 0xFF) / 255, a: a)
        }
        public init(r: Double, g: Double, b: Double, a: Double) { self.r = r; self.g = g; self.b = b; self.a = a }
    }

    public struct Placemark: Sendable {
        public let index: Int
        public let line: Int
        public let name: String?
        public let description: String?
        public let styleUrl: String?
        public let polygons: [Polygon]
        public let lines: [LineString]

        /// The local style id the placemark refers to ("#ru" → "ru").
        public var styleID: String? { styleUrl.map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 } }
    }

    public let name: String?
    public let styles: [String: Style]
    public let placemarks: [Placemark]

    /// The style a placemark refers to ("#ru" → styles["ru"]).
    public func style(of p: Placemark) -> Style? {
        p.styleID.flatMap { styles[$0] }
    }

    public static func parse(_ bytes: [UInt8], file: String) throws(DataError) -> KMLDocument {
        try XMLGuard.check(bytes, file: file)
        let reader = KMLReader(file: file)
        let ok = XMLPushParser.parse(bytes, file: file, events: reader)
        if let e = reader.failure { throw e }
        guard ok else { throw DataError(file: file, message: "malformed XML: the parser stopped without saying why") }
        guard reader.sawKML else { throw DataError(file: file, message: "not a KML document (no <kml> element)") }
        return KMLDocument(name: reader.documentName, styles: reader.styles, placemarks: reader.placemarks)
    }
}
