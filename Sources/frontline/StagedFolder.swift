import Foundation
import MapData

/// A folder written in full before anyone sees it: files go into a locked temporary folder beside
/// the target (`Temporary`), which replaces the target only when every file is written. A failure
/// removes the temporary and leaves the target as it was (the folder form of `OutputWriter`).
///
/// An existing target is replaced only when it is a real folder (not a link) that is empty or holds
/// `marker`, the file this type writes into every folder it makes: a folder frontline did not make
/// (an `index.html` of someone else's, a home directory) is never deleted.
final class StagedFolder {
    let target: String
    private let marker: String
    private let inputs: RunInputs
    private let parent: Int32
    private let staging: (fd: Int32, name: String)
    private var committed = false

    init(_ path: String, marker: String, inputs: RunInputs) throws {
        target = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        self.marker = marker
        self.inputs = inputs
        try Self.checkReplaceable(target, marker: marker, inputs: inputs)
        parent = try OutputWriter.openParent(of: target)
        Temporary.removeStale(in: OutputWriter.parent(of: target))
        do { staging = try Temporary.createFolder(in: parent, shown: target) } catch {
            close(parent)
            throw error
        }
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(atPath: path(of: staging.name)) }
        close(staging.fd)
        close(parent)
    }

    static func checkReplaceable(_ target: String, marker: String, inputs: RunInputs) throws {
        var st = stat()
        guard lstat(target, &st) == 0 else { return }
        if st.st_mode & S_IFMT == S_IFLNK { throw OutputWriter.linkRefused(target) }
        guard st.st_mode & S_IFMT == S_IFDIR else {
            throw DataError(file: target, message: "exists and is not a folder; choose another --out")
        }
        if inputs.isInside(target) { throw DataError(file: target, message: "holds the run's inputs; choose another --out") }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? ["?"]
        var mark = stat()
        let marked = lstat((target as NSString).appendingPathComponent(marker), &mark) == 0 && mark.st_mode & S_IFMT == S_IFREG
        guard contents.isEmpty || marked else {
            throw DataError(
                file: target, message: "exists and was not made by frontline report (it has no \(marker) file); choose another --out")
        }
    }

    private func path(of name: String) -> String { (OutputWriter.parent(of: target) as NSString).appendingPathComponent(name) }

    /// Writes `bytes` at `relativePath` (folders made as needed) inside the staging folder: every
    /// component is created here, exclusively, so nothing in it can be a link planted by another.
    func write(_ bytes: [UInt8], to relativePath: String) throws {
        try OutputName.checkRelative(relativePath, from: "the report's assets")
        let shown = (target as NSString).appendingPathComponent(relativePath)
        let parts = relativePath.split(separator: "/").map(String.init)
        var dir = dup(staging.fd)
        defer { close(dir) }
        for folder in parts.dropLast() {
            if mkdirat(dir, folder, 0o777) != 0, errno != EEXIST {
                throw DataError(file: shown, message: "cannot write: \(String(cString: strerror(errno)))")
            }
            let next = openat(dir, folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else { throw DataError(file: shown, message: "cannot write: \(String(cString: strerror(errno)))") }
            close(dir)
            dir = next
        }
        let fd = openat(dir, parts.last ?? "", O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw DataError(file: shown, message: "cannot write: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try OutputWriter.writeAll(bytes, to: fd, shown: shown)
        guard fsync(fd) == 0 else { throw DataError(file: shown, message: "cannot write: disk full?") }
    }

    /// Puts the staging folder in the target's place; an earlier target is removed only after that.
    func commit() throws {
        // Checked again: the name may have changed hands while the report was made.
        try Self.checkReplaceable(target, marker: marker, inputs: inputs)
        try write(Array("Made by frontline report; an earlier report here may be replaced by the next.\n".utf8), to: marker)
        fsync(staging.fd)
        let name = (target as NSString).lastPathComponent
        var st = stat()
        var old: String?
        if fstatat(parent, name, &st, AT_SYMLINK_NOFOLLOW) == 0 {
            let aside = Temporary.name()
            guard renameat(parent, name, parent, aside) == 0 else {
                throw DataError(file: target, message: "cannot replace: \(String(cString: strerror(errno)))")
            }
            old = aside
        }
        guard renameat(parent, staging.name, parent, name) == 0 else {
            let reason = String(cString: strerror(errno))
            if let old { renameat(parent, old, parent, name) }
            throw DataError(file: target, message: "cannot write: \(reason)")
        }
        committed = true
        fsync(parent)
        if let old { try? FileManager.default.removeItem(atPath: path(of: old)) }
    }
}
