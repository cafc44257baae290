import Foundation
import MapData

/// Temporaries beside an output: `.frontline-tmp-` and 16 random hex digits, so no other user can
/// plant a link at a name they can guess, and a later run can tell ours from anything else. Each is
/// held under an advisory lock (flock) while a run writes it; a later run removes only those whose
/// lock is free, that is, those a dead run left, never a live run's (a parallel shard's, say).
enum Temporary {
    static let prefix = ".frontline-tmp-"

    static func name() -> String {
        prefix + String(UInt64.random(in: .min ... .max), radix: 16).leftPadded(to: 16)
    }

    /// A new, empty regular file in the folder `dir`, opened for writing and locked: created with
    /// O_CREAT|O_EXCL|O_NOFOLLOW (never an existing file or a link), mode 0644 less the umask.
    static func createFile(in dir: Int32, shown path: String) throws -> (fd: Int32, name: String) {
        for _ in 0..<8 {
            let name = name()
            let fd = openat(dir, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if fd < 0, errno == EEXIST { continue }
            guard fd >= 0 else { throw DataError(file: path, message: "cannot write: \(String(cString: strerror(errno)))") }
            if lockFresh(fd) { return (fd, name) }
            close(fd)
        }
        throw DataError(file: path, message: "cannot write: no free temporary name beside it")
    }

    /// A new folder in `dir` (mode 0777 less the umask), opened and locked.
    static func createFolder(in dir: Int32, shown path: String, mode: mode_t = 0o777) throws -> (fd: Int32, name: String) {
        for _ in 0..<8 {
            let name = name()
            if mkdirat(dir, name, mode) != 0 {
                if errno == EEXIST { continue }
                throw DataError(file: path, message: "cannot create a folder beside it: \(String(cString: strerror(errno)))")
            }
            let fd = openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if fd >= 0, lockFresh(fd) { return (fd, name) }
            if fd >= 0 { close(fd) }
        }
        throw DataError(file: path, message: "cannot write: no free temporary name beside it")
    }

    /// Locks a temporary just made. A cleaner may have taken it between the open and the lock,
    /// finding the lock free: then it is gone (no links left) and the caller makes another.
    private static func lockFresh(_ fd: Int32) -> Bool {
        guard flock(fd, LOCK_EX) == 0 else { return false }
        var st = stat()
        return fstat(fd, &st) == 0 && st.st_nlink > 0
    }

    /// Removes the temporaries in `folder` that no live run holds: regular files and folders named
    /// with our prefix whose lock is free. Anything else, links with our prefix included, is left.
    static func removeStale(in folder: String) {
        let dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dir >= 0 else { return }
        defer { close(dir) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(prefix) {
            var st = stat()
            guard fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            let isFolder = st.st_mode & S_IFMT == S_IFDIR
            guard isFolder || st.st_mode & S_IFMT == S_IFREG else { continue }
            let fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | (isFolder ? O_DIRECTORY : 0))
            guard fd >= 0 else { continue }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                if isFolder {
                    // Unlinks entries, never follows a link inside.
                    try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
                } else {
                    unlinkat(dir, name, 0)
                }
            }
            close(fd)
        }
    }
}

extension String {
    func leftPadded(to n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
