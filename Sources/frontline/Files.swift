import Foundation
import MapData

/// Reading a data folder and input files (outputs go through `OutputWriter`).
enum Disk {
    /// File access for a data folder, as the library modules take it.
    static func dataFolder(_ path: String) throws -> Dataset.Files {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
            throw DataError(file: path, message: "data folder not found")
        }
        let root = URL(fileURLWithPath: path)
        return Dataset.Files(
            read: { rel in
                let url = root.appendingPathComponent(rel)
                guard FileManager.default.fileExists(atPath: url.path) else { return nil }
                return try readBytes(url.path)
            },
            list: { rel in
                let url = root.appendingPathComponent(rel)
                guard FileManager.default.fileExists(atPath: url.path) else { return [] }
                return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
            })
    }

    /// Loads a data folder; invalid polygons are repaired with a warning on stderr, or refused when
    /// `strict`. `warnings`, when given, receives the warnings instead of stderr. `lazy`: control
    /// snapshots are decoded when first drawn (see `Timeline`); their warnings then go to stderr as
    /// they come, and their errors must be passed through `located(_:in:)` by the caller.
    ///
    /// The data set's consistency rules (`Dataset.checkConsistency`) are checked here, for every
    /// command that draws or counts, so nothing is drawn that `validate` would refuse; `validate`
    /// itself passes `checked: false` to list every problem rather than stop at the first.
    static func loadDataset(
        _ path: String, strict: Bool = false, lazy: Bool = false, checked: Bool = true, warnings: ((DataError) -> Void)? = nil
    ) throws -> Dataset {
        let repair = GeometryRepair(strict: strict)
        let dataset: Dataset
        do {
            dataset = try Dataset.load(try dataFolder(path), repair: repair, lazy: lazy)
            if checked { try dataset.checkConsistency() }
        } catch let e as DataError {
            throw located(e, in: path)
        }
        let found = repair.warnings.map { located($0, in: path) }
        if let warnings { found.forEach(warnings) } else { warn(found) }
        repair.onLateWarning = { warn([located($0, in: path)]) }
        return dataset
    }

    /// The error with its file named relative to the folder the user gave.
    static func located(_ e: DataError, in path: String) -> DataError {
        var e = e
        if let f = e.file, !f.hasPrefix("/"), f != path { e.file = (path as NSString).appendingPathComponent(f) }
        return e
    }

    /// Warnings go to stderr, one line each.
    static func warn(_ warnings: [DataError]) {
        for w in warnings { Terminal.error("warning: \(w)") }
    }

    /// Reads a regular file of at most `Limits.maxFileBytes`: a FIFO or device could block or never end.
    static func readBytes(_ path: String) throws -> [UInt8] {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw DataError(file: path, message: "cannot read file: not found or not permitted")
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw DataError(file: path, message: "cannot read: not a regular file")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= Limits.maxFileBytes else {
            throw DataError(file: path, message: "file is \(size) bytes, more than the limit of \(Limits.maxFileBytes) (256 MiB)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(file: path, message: "cannot read file")
        }
        return [UInt8](data)
    }
}
