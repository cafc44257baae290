import MapData

/// libFuzzer entry for the GeoJSON reader and the control-file decoder behind it, with invalid
/// polygons repaired through GEOS as `frontline` does without --strict. Any input must decode or
/// throw a DataError that names the file; a trap, crash or hang is a bug. The packed reading of
/// coordinates must give the same features, or the same error, as the generic JSON tree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGeoJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let repair = GeometryRepair(strict: false)
    do {
        _ = try ControlFile.decode(bytes, file: "fuzz.geojson", repair: repair)
    } catch {
        precondition(error.file == "fuzz.geojson", "error without its file: \(error)")
    }
    func read(_ packing: Bool) -> Result<[GeoFeature], DataError> {
        Result { () throws(DataError) in try GeoJSONReader.features(bytes, file: "fuzz.geojson", packing: packing) }
    }
    switch (read(true), read(false)) {
    case (.success(let a), .success(let b)):
        precondition(a.count == b.count, "packed and generic readings differ in feature count")
        for (x, y) in zip(a, b) {
            precondition(x.geometry == y.geometry && x.properties == y.properties, "packed and generic readings differ at \(x.place)")
        }
    case (.failure(let a), .failure(let b)): precondition(a == b, "packed error \(a), generic \(b)")
    case (let a, let b): preconditionFailure("packed reading \(a), generic \(b)")
    }
    return 0
}
