import Foundation
import MapData

/// The one way a command writes a file. An output replaces only a regular file that is not one of
/// the run's inputs; a link at the output's name is never followed (nor replaced); the bytes go to a
/// locked temporary beside it (`Temporary`), are flushed to disk, and are renamed into place, and the
/// folder is flushed too: readers never see a partial file, and a crash or kill leaves none under
/// the output's name.
struct OutputWriter: Sendable {
    let inputs: RunInputs

    init(inputs: RunInputs = RunInputs()) { self.inputs = inputs }

    /// Refuses an existing `path` that a file output may not replace, and clears what dead runs left
    /// beside it. Called before any work, so a refusal costs nothing.
    func prepareFile(_ path: String) throws {
        let dir = try Self.openParent(of: path)
        defer { close(dir) }
        try checkReplaceable(path, in: dir)
        Temporary.removeStale(in: Self.parent(of: path))
    }

    /// Makes the folder `path` (and its parents) or accepts an existing real folder, and clears what
    /// dead runs left in it.
    func prepareFolder(_ path: String) throws {
        var st = stat()
        if lstat(path, &st) == 0 {
            if st.st_mode & S_IFMT == S_IFLNK { throw Self.linkRefused(path) }
            guard st.st_mode & S_IFMT == S_IFDIR else { throw DataError(file: path, message: "exists and is not a folder") }
        } else {
            do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                throw DataError(file: path, message: "cannot create folder")
            }
        }
        Temporary.removeStale(in: path)
    }

    /// Writes `bytes` as the file `path`, atomically (see the type's comment).
    func write(_ bytes: [UInt8], to path: String) throws {
        let dir = try Self.openParent(of: path)
        defer { close(dir) }
        try checkReplaceable(path, in: dir)
        let name = (path as NSString).lastPathComponent
        let (fd, tmp) = try Temporary.createFile(in: dir, shown: path)
        var done = false
        defer {
            if !done { unlinkat(dir, tmp, 0) }
            close(fd)
        }
        try Self.writeAll(bytes, to: fd, shown: path)
        guard fsync(fd) == 0 else { throw DataError(file: path, message: "cannot write: \(String(cString: strerror(errno)))") }
        // Checked again just before the rename: the name may have changed hands while we wrote.
        try checkReplaceable(path, in: dir)
        guard renameat(dir, tmp, dir, name) == 0 else {
            throw DataError(file: path, message: "cannot write: \(String(cString: strerror(errno)))")
        }
        done = true
        fsync(dir)
    }

    func write(_ text: String, to path: String) throws { try write(Array(text.utf8), to: path) }

    /// Makes `copy` a hard link to the output `first` (a held frame), through a temporary name and
    /// a rename like any output; false when the file system has no hard links.
    func link(_ first: String, to copy: String) throws -> Bool {
        let dir = try Self.openParent(of: copy)
        defer { close(dir) }
        try checkReplaceable(copy, in: dir)
        let tmp = Temporary.name()
        guard linkat(dir, (first as NSString).lastPathComponent, dir, tmp, 0) == 0 else { return false }
        guard renameat(dir, tmp, dir, (copy as NSString).lastPathComponent) == 0 else {
            unlinkat(dir, tmp, 0)
            throw DataError(file: copy, message: "cannot write: \(String(cString: strerror(errno)))")
        }
        return true
    }

    /// What may stand at an output's name: nothing, or a regular file that is not one of the inputs.
    func checkReplaceable(_ path: String, in dir: Int32) throws {
        var st = stat()
        guard fstatat(dir, (path as NSString).lastPathComponent, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return }
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            if inputs.contains(FileID(st)) {
                throw DataError(file: path, message: "is one of the run's inputs; choose another --out")
            }
        case S_IFLNK: throw Self.linkRefused(path)
        case S_IFDIR: throw DataError(file: path, message: "exists and is a folder, not a file; choose another --out")
        default: throw DataError(file: path, message: "exists and is not a regular file (a device, FIFO or socket); choose another --out")
        }
    }

    static func linkRefused(_ path: String) -> DataError {
        DataError(file: path, message: "is a symbolic link; outputs never follow or replace one: remove it or choose another --out")
    }

    static func parent(of path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        return dir.isEmpty ? "." : dir
    }

    /// The output's folder, opened: every step after works on it, so a renamed folder cannot send
    /// the file elsewhere half way.
    static func openParent(of path: String) throws -> Int32 {
        let name = (path as NSString).lastPathComponent
        guard !name.isEmpty, name != ".", name != "..", !path.hasSuffix("/") else {
            throw DataError(file: path, message: "is a folder name; a file name is needed")
        }
        let dir = open(parent(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dir >= 0 else { throw DataError(file: path, message: "cannot write: folder \(parent(of: path)) does not exist") }
        return dir
    }

    static func writeAll(_ bytes: [UInt8], to fd: Int32, shown path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw DataError(file: path, message: "cannot write: \(String(cString: strerror(errno)))") }
            offset += n
        }
    }
}
