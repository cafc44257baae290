import MapData

/// libFuzzer entry for the JSON parser, standing in for the style-file reader (style files are JSON
/// read by this parser): whatever parses must survive a write and a second parse unchanged.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? JSONParser.parse(bytes) else { return 0 }
    let again = try? JSONParser.parse(Array(JSONWriter.write(value).utf8))
    precondition(again == value, "JSON round trip changed the value")
    return 0
}
