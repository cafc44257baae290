import Foundation
import MapData

/// The CLI's side of the disk: loading a data folder through its data source, and writing outputs atomically.
enum Disk {
    /// Loads a data folder through its data source, with the control snapshots `needs` names;
    /// invalid polygons are repaired with a warning on stderr, or refused when `strict`.
    /// `warnings`, when given, receives the warnings instead of stderr.
    static func loadDataset(
        _ path: String, strict: Bool = false, needs: SnapshotNeeds = .all, warnings: ((DataError) -> Void)? = nil
    ) throws -> Dataset {
        let source = try GeoJSONFolder(path, strict: strict)
        let dataset = try source.dataset(needs)
        if let warnings { source.warnings.forEach(warnings) } else { warn(source.warnings) }
        return dataset
    }

    /// Warnings go to stderr, one line each.
    static func warn(_ warnings: [DataError]) {
        for w in warnings { FileHandle.standardError.write(Data("warning: \(w)\n".utf8)) }
    }

    /// Writes to a temporary file beside the target, then renames: readers never see a partial file,
    /// and a failure leaves nothing behind.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw DataError(file: path, message: "cannot write: folder \(dir.path) does not exist")
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        // A plain write: FileManager.createFile would stage through a temporary of its own
        // (".dat.nosync…"), which a kill would leave behind under a name `--resume` cannot tell.
        do { try Data(bytes).write(to: tmp) } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw DataError(file: path, message: "cannot write: permission denied or disk full")
        }
        if rename(tmp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: tmp)
            throw DataError(file: path, message: "cannot write: \(reason)")
        }
    }

    static func writeAtomically(_ text: String, to path: String) throws {
        try writeAtomically(Array(text.utf8), to: path)
    }

    static func makeFolder(_ path: String) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw DataError(file: path, message: "output folder is a file") }
            return
        }
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw DataError(file: path, message: "cannot create folder")
        }
    }
}
