import Foundation

/// Progress on stderr: a bar with an ETA, redrawn in place, when stderr is a terminal; otherwise
/// (logs, CI) one line per 10%. Never on stdout, which carries results.
final class Progress {
    let total: Int
    let label: String
    private let interactive: Bool
    private let start = Date()
    private var lastTenth = 0
    private var lastDraw = Date.distantPast

    init(total: Int, label: String) {
        self.total = max(total, 1)
        self.label = label
        interactive = isatty(2) == 1
    }

    func update(done: Int) {
        let fraction = Double(done) / Double(total)
        let elapsed = Date().timeIntervalSince(start)
        let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        if interactive {
            // At most 10 redraws a second, and always the last.
            guard done == total || Date().timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = Date()
            let width = 30, filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            let line = "\r\(label) [\(bar)] \(Int(fraction * 100))% \(done)/\(total)  ETA \(Self.clock(eta))  "
            FileHandle.standardError.write(Data(line.utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        } else {
            let tenth = Int(fraction * 10)
            guard tenth > lastTenth else { return }
            lastTenth = tenth
            let line = "\(label): \(tenth * 10)% (\(done)/\(total)), \(Self.clock(elapsed)) elapsed, ETA \(Self.clock(eta))\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
