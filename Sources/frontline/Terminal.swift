import Foundation

/// What frontline writes to stdout and stderr. Text from data (names, ids, file names) is shown
/// with its control characters escaped as `\u{1B}`: C0 controls but the line feed, DEL, and C1
/// controls (U+0080–U+009F, which many terminals take as ESC sequences too), so a data file cannot
/// move the cursor, rewrite the screen or retitle the window.
enum Terminal {
    static func escaped(_ text: String, keepingLineFeeds: Bool = true) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars {
            let v = s.value
            if (v < 0x20 && !(keepingLineFeeds && v == 0x0A)) || (0x7F...0x9F).contains(v) {
                out += "\\u{" + String(v, radix: 16, uppercase: true).leftPadded(to: 2) + "}"
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// Standard output, escaped.
    static func print(_ text: String, terminator: String = "\n") {
        Swift.print(escaped(text), terminator: terminator)
    }

    /// One line on standard error, escaped, line feeds included: an error is always one line.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((escaped(text, keepingLineFeeds: false) + "\n").utf8))
    }
}
