import Foundation
import MapData

/// What a run into a folder (`frames`, `animate` to PNG frames) made its files with: the options
/// that shape a picture, and a SHA-256 of the data folder's and the style file's bytes, written as
/// `.frontline-run` in the folder before any frame. `--resume` keeps the frames there only when the
/// record matches its own, so one folder never mixes two themes, two sizes or two versions of data.
struct RunRecord: Equatable {
    static let fileName = ".frontline-run"

    let command: String
    /// "--theme=print" and so on, in a fixed order.
    let options: [String]
    let dataDigest: String

    init(command: String, options: [(String, String?)], data: String, style: String?) throws {
        self.command = command
        self.options = options.map { "\($0.0)=\($0.1 ?? "")" }
        var hash = SHA256()
        try Self.digest(folder: data, into: &hash)
        if let style {
            hash.update("style\0")
            hash.update(try DiskFolder.readFile(style))
        }
        dataDigest = hash.hex()
    }

    private init(command: String, options: [String], dataDigest: String) {
        self.command = command; self.options = options; self.dataDigest = dataDigest
    }

    /// Every regular file under `folder`, by relative path in byte order, name and bytes.
    static func digest(folder: String, into hash: inout SHA256) throws {
        guard let walk = FileManager.default.enumerator(atPath: folder) else { return }
        var files: [String] = []
        while let rel = walk.nextObject() as? String, files.count < RunInputs.maxFiles {
            var st = stat()
            // frontline's own files (a run record, a temporary) are not data, should --out be the data folder.
            let ours = (rel as NSString).lastPathComponent.hasPrefix(".frontline-")
            if !ours, stat((folder as NSString).appendingPathComponent(rel), &st) == 0, st.st_mode & S_IFMT == S_IFREG { files.append(rel) }
        }
        for rel in files.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let bytes = try DiskFolder.readFile((folder as NSString).appendingPathComponent(rel))
            hash.update("\(rel)\0\(bytes.count)\0")
            hash.update(bytes)
        }
    }

    var text: String {
        "frontline run record: the options and data the files here were made with (see --resume)\n" + "command \(command)\n"
            + options.map { "option \($0)\n" }.joined() + "data sha256:\(dataDigest)\n"
    }

    static func parse(_ text: String) -> RunRecord? {
        var command: String?, options: [String] = [], digest: String?
        for line in text.split(separator: "\n").dropFirst() {
            if line.hasPrefix("command ") { command = String(line.dropFirst(8)) }
            if line.hasPrefix("option ") { options.append(String(line.dropFirst(7))) }
            if line.hasPrefix("data sha256:") { digest = String(line.dropFirst(12)) }
        }
        guard let command, let digest else { return nil }
        return RunRecord(command: command, options: options, dataDigest: digest)
    }

    /// Refuses to resume in `folder` unless it holds no earlier output (`isOutput` says which names
    /// are) or holds this very record.
    func checkResumable(in folder: String, isOutput: (String) -> Bool) throws {
        let path = (folder as NSString).appendingPathComponent(Self.fileName)
        var st = stat()
        guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            if names.contains(where: isOutput) {
                throw UsageError(
                    "\(folder): --resume: the folder holds frames but no record of the options they were made with (\(Self.fileName)); run without --resume to redo them, or choose another --out"
                )
            }
            return
        }
        let earlier = Self.parse(String(decoding: try DiskFolder.readFile(path), as: UTF8.self))
        guard let earlier, earlier.command == command, earlier.options == options else {
            let changed = earlier.map { e in zip(e.options, options).first { $0 != $1 }.map { " (\($0.0), now \($0.1))" } ?? "" } ?? ""
            throw UsageError(
                "\(folder): --resume: its frames were made with other options\(changed); run without --resume to redo them, or choose another --out"
            )
        }
        guard earlier.dataDigest == dataDigest else {
            throw UsageError(
                "\(folder): --resume: its frames were made with other data (the data folder or style file has changed since); run without --resume to redo them"
            )
        }
    }
}
