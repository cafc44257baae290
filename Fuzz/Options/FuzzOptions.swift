import GeoCore
import MapData

/// libFuzzer entry for option and environment values: the first byte picks a parser (--step, --hold,
/// --size, --shard, an environment number, --bbox, a date, a checked whole number), the rest is its
/// text. Each must return a value within its stated range or throw an error; a trap (an overflow, a
/// Double too large for an Int) is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOptions(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    switch bytes[0] % 8 {
    case 0:
        if let days = try? OptionText.step(text) { precondition(OptionText.stepRangeDays.contains(days)) }
    case 1:
        if let seconds = try? OptionText.holdSeconds(text) {
            precondition(OptionText.holdRangeSeconds.contains(seconds))
            precondition((0...7200).contains(OptionText.holdCopies(seconds: seconds, fps: Int(bytes.count % 130))))
        }
    case 2:
        if let (w, h) = try? OptionText.size(text, in: 100...10000) { precondition((100...10000).contains(w) && (100...10000).contains(h)) }
    case 3:
        if let part = try? OptionText.shard(text) {
            precondition(part.index >= 0 && part.index < part.count && part.count <= OptionText.maxParts)
        }
    case 4: _ = try? OptionText.environmentNumber(text, name: "FUZZ")
    case 5: _ = try? BBox(parsing: text)
    case 6: _ = try? Day(parsing: text)
    default:
        if let n = CheckedNumber.whole(text, in: -5...5) { precondition((-5...5).contains(n)) }
        if let d = Double(text), let n = CheckedNumber.whole(d, in: 0...2_000_000_000) { precondition(n >= 0 && n <= 2_000_000_000) }
    }
    return 0
}
