import MapData

/// libFuzzer entry for the KML reader (libxml2 underneath, DTDs refused, depth bounded). Any input
/// must parse or throw a DataError that names the file; a trap, crash or hang is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        // Through the feature reader the importers use, placemarks turned into features too.
        _ = try KMLFile(bytes, file: "fuzz.kml").features(repair: nil)
    } catch {
        precondition(error.file == "fuzz.kml", "error without its file: \(error)")
    }
    return 0
}
