import GeoCore

/// libFuzzer entry for the date parser: whatever parses must print back as the same text, and its
/// day number must map back to the same date.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDay(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let day = try? Day(parsing: text) else { return 0 }
    precondition(day.description == text, "'\(text)' parsed as \(day)")
    precondition(Day(ordinal: day.ordinal) == day, "ordinal round trip failed for \(day)")
    return 0
}
