/// Ceilings on what one input may ask for, so that a hostile or mistaken file or argument gets a
/// clear error instead of exhausting memory or time. Each is far above what real data needs
/// (GeoData's largest file is under 2 MB and ~40,000 positions).
public enum Limits {
    /// Largest input file read, in bytes (256 MiB): parsed JSON takes several times its size in memory.
    public static let maxFileBytes = 256 << 20
    /// Most positions in one file.
    public static let maxVertices = 10_000_000
    /// Most frames (pictures) one `frames` or `animate` run may make.
    public static let maxFrames = 100_000
    /// Largest page in device pixels (width × height × scale²): 100 megapixels, 400 MB as BGRA.
    public static let maxPixels = 100_000_000
    /// Deepest element nesting accepted in XML (KML needs about 10).
    public static let maxXMLDepth = 100

    /// Refuses a GeoJSON document with more than `limit` positions under its "coordinates".
    static func checkVertices(_ root: JSONValue, limit: Int = maxVertices) throws(DataError) {
        var count = 0
        func positions(_ v: JSONValue) {
            if case .positions(let packed) = v { count += packed.positionCount; return }
            guard case .array(let items) = v else { return }
            if items.first?.number != nil { count += 1; return }
            for item in items { positions(item) }
        }
        func walk(_ v: JSONValue) {
            switch v {
            case .object(let pairs):
                for (key, value) in pairs { if key == "coordinates" { positions(value) } else { walk(value) } }
            case .array(let items): for item in items { walk(item) }
            case .positions(let packed): walk(packed.expanded)
            default: break
            }
        }
        walk(root)
        if count > limit { throw tooManyVertices(count, limit: limit) }
    }

    public static func tooManyVertices(_ count: Int, limit: Int = maxVertices) -> DataError {
        DataError(message: "has \(count) positions, more than the limit of \(limit)")
    }
}
