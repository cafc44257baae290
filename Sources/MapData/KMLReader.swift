import GeoCore

/// SAX handler behind `KMLDocument.parse`: collects styles and placemark geometry,
/// remembering the line each placemark starts on for error messages.
final class KMLReader: XMLEvents {
    let file: String
    var failure: DataError?
    var sawKML = false
    var documentName: String?
    var styles: [String: KMLDocument.Style] = [:]
    var placemarks: [KMLDocument.Placemark] = []

    private var path: [String] = []
    private var text = ""
    private var styleID: String?
    private var style = KMLDocument.Style()
    // The placemark being read.
    private var inPlacemark = false
    private var placemarkLine = 0
    private var pmName: String?, pmDescription: String?, pmStyle: String?
    private var polygons: [Polygon] = []
    private var lines: [LineString] = []
    private var outer: Ring?
    private var holes: [Ring] = []
    private var ringIndex = 0
    private var vertexCount = 0

    init(file: String) { self.file = file }

    private func fail(_ message: String, parser: XMLPushParser, line: Int? = nil, column: Int? = nil) {
        guard failure == nil else { return }
        var place = TextPosition(line: line ?? parser.lineNumber, column: column ?? parser.columnNumber).description
        if inPlacemark { place += ", placemark \(placemarks.count)" + (pmName.map { " (\($0))" } ?? "") }
        failure = DataError(file: file, place: place, message: message)
        parser.stop()
    }

    func start(_ parser: XMLPushParser, element local: String, attributes: [String: String]) {
        path.append(local)
        // libxml2 recurses per level; stop long before its own limit or the stack.
        if path.count > Limits.maxXMLDepth { return fail("elements nested deeper than \(Limits.maxXMLDepth)", parser: parser) }
        text = ""
        switch local {
        case "kml": sawKML = true
        case "Style":
            styleID = attributes["id"]
            style = KMLDocument.Style()
        case "Placemark":
            inPlacemark = true
            placemarkLine = parser.lineNumber
            pmName = nil; pmDescription = nil; pmStyle = nil
            polygons = []; lines = []
        case "Polygon":
            outer = nil; holes = []; ringIndex = 0
        default: break
        }
    }

    func characters(_ parser: XMLPushParser, _ string: String) { text += string }

    func error(_ parser: XMLPushParser, code: Int, line: Int, column: Int) {
        fail("malformed XML: \(Self.explain(code))", parser: parser, line: line, column: column)
    }

    /// libxml2's error code (an `xmlParserErrors` value) in words.
    static func explain(_ code: Int) -> String {
        let words: [Int: String] = [
            4: "the document is empty", 5: "extra content after the document's end", 9: "a character XML does not allow",
            23: "an entity reference without ';'", 26: "an undeclared entity", 39: "an attribute value without quotes",
            40: "an unterminated attribute value", 41: "an attribute without a value", 42: "an attribute given twice",
            44: "an unterminated quoted value", 68: "a name was expected", 73: "'>' was expected",
            76: "a closing tag does not match its opening tag", 77: "the document ends inside an element",
            85: "unbalanced tags", 89: "an entity refers to itself",
        ]
        return words[code].map { "\($0) (libxml2 error \(code))" } ?? "libxml2 error \(code)"
    }

    func end(_ parser: XMLPushParser, element closing: String) {
        // libxml2 stops at a mismatched closing tag itself; this stays as a second guard.
        guard closing == path.last else {
            return fail("malformed XML: </\(closing)> closes <\(path.last ?? "nothing")>", parser: parser)
        }
        let local = path.popLast() ?? closing
        let parent = path.last
        switch local {
        case "name":
            if parent == "Placemark" { pmName = text.trimmingSpaces } else if parent == "Document" { documentName = text.trimmingSpaces }
        case "description" where parent == "Placemark": pmDescription = text.trimmingSpaces
        case "styleUrl" where inPlacemark: pmStyle = text.trimmingSpaces
        case "color":
            guard let c = KMLDocument.RGBA(kml: text) else {
                return fail("colour '\(text.trimmingSpaces)' is not aabbggrr hex", parser: parser)
            }
            if parent == "LineStyle" { style.lineColor = c } else if parent == "PolyStyle" { style.polyColor = c }
        case "width" where parent == "LineStyle": style.lineWidth = Double(text.trimmingSpaces)
        case "Style":
            if let id = styleID { styles[id] = style }
            styleID = nil
        case "coordinates":
            let points: [LonLat]
            do { points = try Self.coordinates(text) } catch {
                return fail("\(ringLabel(parent: parent)): \(error.message)", parser: parser)
            }
            vertexCount += points.count
            if vertexCount > Limits.maxVertices { return fail(Limits.tooManyVertices(vertexCount).message, parser: parser) }
            if parent == "LinearRing" {
                let ring: Ring
                do { ring = try Ring(closing: points) } catch { return fail("\(ringLabel(parent: parent)): \(error)", parser: parser) }
                if path.contains("innerBoundaryIs") {
                    holes.append(ring)
                } else if outer == nil {
                    outer = ring
                } else {
                    return fail("polygon has two outer boundaries", parser: parser)
                }
                ringIndex += 1
            } else if parent == "LineString" {
                do { lines.append(try LineString(points)) } catch { return fail("LineString \(error)", parser: parser) }
            }
        case "Polygon":
            guard let o = outer else { return fail("Polygon has no outerBoundaryIs ring", parser: parser) }
            polygons.append(Polygon(outer: o, holes: holes))
        case "Placemark":
            placemarks.append(
                KMLDocument.Placemark(
                    index: placemarks.count, line: placemarkLine, name: pmName,
                    description: pmDescription, styleUrl: pmStyle, polygons: polygons,
                    lines: lines))
            inPlacemark = false
        default: break
        }
        text = ""
    }

    private func ringLabel(parent: String?) -> String {
        parent == "LinearRing" ? "polygon \(polygons.count), ring \(ringIndex)" : "coordinates"
    }

    /// "lon,lat[,alt] lon,lat[,alt] ..." separated by any whitespace.
    static func coordinates(_ text: String) throws(DataError) -> [LonLat] {
        var out: [LonLat] = []
        for (k, tuple) in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).enumerated() {
            let parts = tuple.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count == 2 || parts.count == 3, let lon = Double(parts[0]), let lat = Double(parts[1]) else {
                throw DataError(message: "position \(k) '\(tuple)' is not lon,lat[,alt]")
            }
            do { out.append(try LonLat(lon: lon, lat: lat)) } catch { throw DataError(message: "position \(k): \(error)") }
        }
        return out
    }
}
