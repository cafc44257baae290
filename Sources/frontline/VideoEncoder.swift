import Foundation

/// Video containers `animate` writes through ffmpeg.
enum VideoFormat: String, CaseIterable {
    case mp4, webm, gif

    /// Encoder arguments after the input; fixed, so the same frames give the same file.
    var encoderArguments: [String] {
        switch self {
        case .mp4:
            return ["-c:v", "libx264", "-preset", "medium", "-crf", "20", "-pix_fmt", "yuv420p", "-movflags", "+faststart"]
        case .webm:
            return ["-c:v", "libvpx-vp9", "-crf", "32", "-b:v", "0", "-deadline", "good", "-cpu-used", "4", "-row-mt", "1"]
        case .gif:
            // The palette comes from the second input (made first from one frame), so memory stays flat.
            return ["-lavfi", "[0:v][1:v]paletteuse=dither=bayer:bayer_scale=4", "-loop", "0"]
        }
    }
}

/// ffmpeg, found on PATH.
enum FFmpeg {
    static func find(_ name: String = "ffmpeg") -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static let installHint = "install it with: apt-get install -y ffmpeg (Debian), or run `make animation`, which installs it"
}

/// Streams raw BGRA frames into an ffmpeg process that writes into a `VideoWorkspace`; the video is
/// moved onto the target only when ffmpeg succeeds: a failed or interrupted run leaves no partial video.
final class VideoEncoder {
    let target: String
    private let workspace: VideoWorkspace
    private let writer: OutputWriter
    private let name: String
    private let process = Process()
    private let input = Pipe()
    private let log: String
    private var finished = false

    init(
        ffmpeg: String, format: VideoFormat, width: Int, height: Int, fps: Int, palette: String?, workspace: VideoWorkspace,
        target: String, writer: OutputWriter
    ) throws {
        self.target = target
        self.workspace = workspace
        self.writer = writer
        name = "video." + format.rawValue
        log = workspace.path("ffmpeg.log")
        // A dead ffmpeg must surface as a write error, not kill us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        process.executableURL = URL(fileURLWithPath: ffmpeg)
        var args = ["-hide_banner", "-loglevel", "error", "-nostdin", "-y"]
        args += ["-f", "rawvideo", "-pix_fmt", "bgra", "-s", "\(width)x\(height)", "-framerate", "\(fps)", "-i", "pipe:0"]
        if let palette { args += ["-i", palette] }
        args += format.encoderArguments
        args += ["-fflags", "+bitexact", "-flags:v", "+bitexact", "-map_metadata", "-1", "-f", format.rawValue, workspace.path(name)]
        process.arguments = args
        process.standardInput = input
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
    }

    func write(_ bgra: [UInt8]) throws {
        do { try input.fileHandleForWriting.write(contentsOf: bgra) } catch {
            throw UsageError("ffmpeg stopped reading frames: \(failureText())")
        }
    }

    /// Closes the stream, waits for ffmpeg, and moves the video into place.
    func finish() throws {
        finished = true
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw UsageError("ffmpeg failed (exit \(process.terminationStatus)): \(failureText())")
        }
        try workspace.move(name, to: target, writer: writer)
    }

    /// Stops ffmpeg (after an error elsewhere); the workspace goes with its partial output.
    func abandon() {
        guard !finished else { return }
        finished = true
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    private func failureText() -> String {
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n").suffix(3).joined(separator: " | ")
        return lines.isEmpty ? "no message" : lines
    }
}
