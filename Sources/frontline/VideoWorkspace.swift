import Foundation
import MapData

/// A private folder beside a video being made (a locked `Temporary`, mode 0700), where ffmpeg
/// writes the video, its log and the GIF palette: no other user can see or plant anything there,
/// whereas names in /tmp or beside the target could be guessed and linked elsewhere. Removed when
/// the value goes; a killed run's is removed by the next run writing beside it.
final class VideoWorkspace {
    let folder: String
    private let parent: Int32
    private let temporary: (fd: Int32, name: String)

    init(beside target: String) throws {
        parent = try OutputWriter.openParent(of: target)
        do { temporary = try Temporary.createFolder(in: parent, shown: target, mode: 0o700) } catch {
            close(parent)
            throw error
        }
        folder = (OutputWriter.parent(of: target) as NSString).appendingPathComponent(temporary.name)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
        close(temporary.fd)
        close(parent)
    }

    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    /// Moves `name` from the workspace onto `target`, which `writer` checks first.
    func move(_ name: String, to target: String, writer: OutputWriter) throws {
        try writer.checkReplaceable(target, in: parent)
        guard renameat(temporary.fd, name, parent, (target as NSString).lastPathComponent) == 0 else {
            throw DataError(file: target, message: "cannot write: \(String(cString: strerror(errno)))")
        }
        fsync(parent)
    }
}
