import Foundation

/// The files of one data folder, by path relative to it. A data source reads through this, so a test
/// can watch (or forbid) every read; `DiskFolder` is the real one.
public protocol FolderFiles: Sendable {
    /// The bytes of the file at `path`, or nil when there is none.
    func read(_ path: String) throws(DataError) -> [UInt8]?
    /// The names in the folder at `path`, sorted; empty when there is no such folder.
    func list(_ path: String) throws(DataError) -> [String]
}

/// A folder on disk. Reads only regular files of at most `Limits.maxFileBytes`: a FIFO or a device
/// could block or never end.
public struct DiskFolder: FolderFiles {
    public let root: String

    /// Fails when `root` is not a folder.
    public init(_ root: String) throws(DataError) {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else {
            throw DataError(file: root, message: "data folder not found")
        }
        self.root = root
    }

    public func read(_ path: String) throws(DataError) -> [UInt8]? {
        let full = (root as NSString).appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: full) else { return nil }
        // Named relative to the folder: the data source puts the folder in front.
        do throws(DataError) { return try Self.readFile(full) } catch {
            var e = error
            e.file = path
            throw e
        }
    }

    public func list(_ path: String) throws(DataError) -> [String] {
        let full = (root as NSString).appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: full) else { return [] }
        do { return try FileManager.default.contentsOfDirectory(atPath: full).sorted() } catch {
            throw DataError(file: path, message: "cannot list folder")
        }
    }

    /// Reads one input file named by the user (a KML to import, a style file), with the same checks.
    public static func readFile(_ path: String) throws(DataError) -> [UInt8] {
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
