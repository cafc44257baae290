import Foundation

/// A file's identity on this machine, device and inode: the same file under any name or link.
struct FileID: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64

    /// The identity of what `path` names; `follow`: of what a symbolic link there points to.
    init?(_ path: String, follow: Bool = true) {
        var st = stat()
        guard (follow ? stat(path, &st) : lstat(path, &st)) == 0 else { return nil }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }

    init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }
}

/// The files a run reads (every file of the data folder, the style file, an import's sources), so
/// that no output is written over one of them, under whatever name or hard link `--out` gives it.
struct RunInputs: Sendable {
    private(set) var files: Set<FileID> = []
    /// The input folders and files, resolved, so that a folder output holding one is refused.
    private(set) var paths: [String] = []

    /// Far more than a data folder holds; a walk stops there rather than run on through a huge tree.
    static let maxFiles = 100_000

    init(data: String? = nil, files others: [String?] = []) {
        if let data { add(folder: data) }
        for case let path? in others { add(file: path) }
    }

    mutating func add(file path: String) {
        if let id = FileID(path) { files.insert(id) }
        paths.append(URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
    }

    /// Every file under `folder`, following links as the readers do.
    mutating func add(folder: String) {
        paths.append(URL(fileURLWithPath: folder).resolvingSymlinksInPath().path)
        guard let walk = FileManager.default.enumerator(atPath: folder) else { return }
        var count = 0
        while let rel = walk.nextObject() as? String, count < Self.maxFiles {
            count += 1
            if let id = FileID((folder as NSString).appendingPathComponent(rel)) { files.insert(id) }
        }
    }

    func contains(_ id: FileID) -> Bool { files.contains(id) }

    /// Whether the folder `path` is, or holds, one of the inputs.
    func isInside(_ path: String) -> Bool {
        let folder = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        return paths.contains { $0 == folder || $0.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") }
    }
}
