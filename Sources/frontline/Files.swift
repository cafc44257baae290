import Foundation
import MapData

/// The only place that touches the disk: reading a data folder and writing outputs atomically.
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

    static func loadDataset(_ path: String) throws -> Dataset {
        do { return try Dataset.load(try dataFolder(path)) } catch let e as DataError {
            // Name files relative to the folder the user gave.
            var e = e
            if let f = e.file, !f.hasPrefix("/"), f != path { e.file = (path as NSString).appendingPathComponent(f) }
            throw e
        }
    }

    static func readBytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(file: path, message: "cannot read file")
        }
        return [UInt8](data)
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
        guard FileManager.default.createFile(atPath: tmp.path, contents: Data(bytes)) else {
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
