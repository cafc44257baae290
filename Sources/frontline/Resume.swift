import Foundation
import GeoCore
import MapData

/// `--resume` for `frames` and `animate` into a folder. Every output file is written to a temporary
/// name and renamed (`OutputWriter`), so a file under its final name is complete; a kill leaves at
/// most temporaries (`Temporary`, cleared by the next run into the folder) and frames not yet
/// written. A resumed run skips the frames whose files are all complete, and renders the rest
/// exactly as the first run would have, so the folder ends byte for byte as an uninterrupted run's.
enum Resume {
    /// Whether `path` is a finished output: present and ending as its format must (PNG's IEND chunk,
    /// SVG's closing tag, PDF's %%EOF), which also rejects a file left by another tool.
    static func isComplete(_ path: String) -> Bool {
        // A regular file only: a FIFO planted under a frame's name would block the open for ever.
        var st = stat()
        guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return false }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size >= 12 else { return false }
        try? handle.seek(toOffset: size - min(size, 64))
        let tail = [UInt8]((try? handle.readToEnd()) ?? Data())
        switch (path as NSString).pathExtension.lowercased() {
        case "png": return tail.suffix(12).elementsEqual([0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
        case "svg": return String(decoding: tail, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("</svg>")
        case "pdf": return String(decoding: tail, as: UTF8.self).contains("%%EOF")
        default: return true
        }
    }

    /// The indices in `indices` whose output files (`files(index)`) are not all complete.
    static func missing(_ indices: Range<Int>, files: (Int) -> [String]) -> [Int] {
        indices.filter { !files($0).allSatisfy(isComplete) }
    }
}

/// Which days `frames` draws.
enum FrameDays {
    /// Every `step` days from `from` (default: the first snapshot) to `to` (default: the last
    /// reported date); refused when that is more than `Limits.maxFrames` frames.
    static func stepped(dataset: Dataset, from: Day?, to: Day?, every step: Int) throws -> [Day] {
        guard let firstSnapshot = dataset.timeline.dates.first, let lastReported = dataset.reportedDates.last else { return [] }
        let start = from ?? firstSnapshot, end = to ?? lastReported
        if start < firstSnapshot { throw UsageError("--from \(start) is before the first control snapshot (\(firstSnapshot))") }
        let count = start > end ? 0 : (end.ordinal - start.ordinal) / step + 1
        try checkFrameCount(count)
        return (0..<count).map { start.adding(days: $0 * step) }
    }

    /// The days of `days` whose files are not all complete.
    static func missing(_ days: [Day], files: (Day) -> [String]) -> [Day] {
        Resume.missing(days.indices) { files(days[$0]) }.map { days[$0] }
    }
}

/// Refuses a run of more than `Limits.maxFrames` frames before any is made.
func checkFrameCount(_ count: Int) throws {
    guard count <= Limits.maxFrames else {
        throw UsageError("that is \(count) frames, more than the limit of \(Limits.maxFrames); use a shorter range or a longer --step")
    }
}
