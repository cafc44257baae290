import MapData

/// File names made from data or options (dates, layer names, --prefix) joined to an output folder.
/// A name is one path component: no '/', no NUL, not "." or "..", at most 255 bytes (the longest name
/// Linux file systems take). So nothing written can land outside the folder, whatever the input.
enum OutputName {
    static let maxBytes = 255

    /// `folder/name`, or an error naming what is wrong with `name` and where it came from.
    static func path(_ name: String, in folder: String, from origin: String) throws -> String {
        try check(name, from: origin)
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    static func check(_ name: String, from origin: String) throws {
        let problem: String?
        if name.isEmpty {
            problem = "is empty"
        } else if name.utf8.contains(0) {
            problem = "contains a NUL byte"
        } else if name.contains("/") {
            problem = "contains '/': names must stay inside the output folder"
        } else if name == "." || name == ".." {
            problem = "is '\(name)': names must stay inside the output folder"
        } else if name.utf8.count > maxBytes {
            problem = "is \(name.utf8.count) bytes long; file names can be at most \(maxBytes)"
        } else {
            problem = nil
        }
        if let problem {
            let shown = name.utf8.count > 80 ? String(name.prefix(40)) + "…" : name
            throw UsageError("output file name '\(shown.replacingOccurrences(of: "\0", with: "\\0"))' (from \(origin)) \(problem)")
        }
    }

    /// Each component of a relative path inside an output folder (report assets).
    static func checkRelative(_ path: String, from origin: String) throws {
        guard !path.hasPrefix("/") else { throw UsageError("output path '\(path)' (from \(origin)) is absolute") }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            try check(String(component), from: origin)
        }
    }
}
