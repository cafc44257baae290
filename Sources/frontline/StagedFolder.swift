import Foundation
import MapData

/// A folder written in full before anyone sees it: files go into a hidden staging folder beside the
/// target, which replaces the target only when every file is written. A failure removes the staging
/// folder and leaves the target as it was (the folder form of `Disk.writeAtomically`).
final class StagedFolder {
    let target: URL
    private let staging: URL

    /// Fails, writing nothing, when `path` exists and is neither an empty folder nor an earlier output
    /// holding `marker` (so that an unrelated folder is never replaced).
    init(_ path: String, marker: String) throws {
        target = URL(fileURLWithPath: path).standardizedFileURL
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: target.path, isDirectory: &isDir) {
            let contents = isDir.boolValue ? ((try? fm.contentsOfDirectory(atPath: target.path)) ?? []) : ["?"]
            guard isDir.boolValue, contents.isEmpty || contents.contains(marker) else {
                throw DataError(file: path, message: "exists and is not an earlier report (no \(marker)); choose another --out")
            }
        }
        let parent = target.deletingLastPathComponent()
        guard fm.fileExists(atPath: parent.path, isDirectory: &isDir), isDir.boolValue else {
            throw DataError(file: path, message: "cannot write: folder \(parent.path) does not exist")
        }
        staging = parent.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        try? fm.removeItem(at: staging)
        do { try fm.createDirectory(at: staging, withIntermediateDirectories: false) } catch {
            throw DataError(file: path, message: "cannot create a folder beside it: permission denied?")
        }
    }

    deinit { try? FileManager.default.removeItem(at: staging) }

    /// Writes `bytes` at `relativePath` (folders made as needed) inside the staging folder.
    func write(_ bytes: [UInt8], to relativePath: String) throws {
        try OutputName.checkRelative(relativePath, from: "the report's assets")
        let url = staging.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes)) else {
            throw DataError(file: target.appendingPathComponent(relativePath).path, message: "cannot write: disk full?")
        }
    }

    /// Puts the staging folder in the target's place; an earlier target is removed only after that.
    func commit() throws {
        let fm = FileManager.default
        let old = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).old")
        let hadTarget = fm.fileExists(atPath: target.path)
        if hadTarget, rename(target.path, old.path) != 0 {
            throw DataError(file: target.path, message: "cannot replace: \(String(cString: strerror(errno)))")
        }
        if rename(staging.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            if hadTarget { _ = rename(old.path, target.path) }
            throw DataError(file: target.path, message: "cannot write: \(reason)")
        }
        if hadTarget { try? fm.removeItem(at: old) }
    }
}
