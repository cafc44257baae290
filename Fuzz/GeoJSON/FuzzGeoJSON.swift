import MapData

/// libFuzzer entry for the GeoJSON reader and the control-file decoder behind it, with invalid
/// polygons repaired through GEOS as `frontline` does without --strict. Any input must decode or
/// throw a DataError that names the file; a trap, crash or hang is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGeoJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let repair = GeometryRepair(strict: false)
    do {
        _ = try ControlFile.decode(bytes, file: "fuzz.geojson", repair: repair)
    } catch {
        precondition(error.file == "fuzz.geojson", "error without its file: \(error)")
    }
    return 0
}
