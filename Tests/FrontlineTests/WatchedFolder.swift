import Foundation
import MapData

/// A data folder on disk whose reads are counted and, once `seal()` is called, refused: a data source
/// read through it proves that nothing reads input after loading (a scene is composed from values).
final class WatchedFolder: FolderFiles, @unchecked Sendable {
    private let disk: DiskFolder
    private let lock = NSLock()
    private var sealed = false
    private var paths: [String] = []

    init(_ root: URL) throws { disk = try DiskFolder(root.path) }

    /// Every path read or listed so far, in order.
    var reads: [String] { lock.withLock { paths } }

    /// From now on every read and listing fails.
    func seal() { lock.withLock { sealed = true } }

    func read(_ path: String) throws(DataError) -> [UInt8]? {
        try note(path)
        return try disk.read(path)
    }

    func list(_ path: String) throws(DataError) -> [String] {
        try note(path + "/")
        return try disk.list(path)
    }

    private func note(_ path: String) throws(DataError) {
        let refused = lock.withLock {
            paths.append(path)
            return sealed
        }
        if refused { throw DataError(file: path, message: "read after the data set was loaded (sealed test folder)") }
    }
}
