import Foundation
import Testing

/// Issue 25: C modules are imported only in the bridge files scripts/c-bridges.txt names, with no
/// folder exempt; `make lint` runs scripts/lint-c-imports.sh.
@Suite("C imports only in the bridge files")
struct LintTests {
    static let script = KurskData.repoRoot.appendingPathComponent("scripts/lint-c-imports.sh").path

    /// Runs the lint on `root`; its exit status and output.
    private func lint(_ root: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.script, root.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A copy of the repository's Sources, Tests and Fuzz, to plant imports in.
    private func copyOfTree() throws -> TempDir {
        let dir = try TempDir()
        for folder in ["Sources", "Tests", "Fuzz"] {
            try FileManager.default.copyItem(
                at: KurskData.repoRoot.appendingPathComponent(folder), to: dir.url.appendingPathComponent(folder))
        }
        return dir
    }

    @Test("The repository passes")
    func repositoryPasses() throws {
        let result = try lint(KurskData.repoRoot)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("bridge files"))
    }

    @Test(
        "A C import anywhere else fails, naming the file: in a layer, in a new MapRender file, in a test",
        arguments: [
            ("Sources/Atlas/Stray.swift", "internal import CGEOS\n"),
            ("Sources/MapRender/NewDrawing.swift", "internal import CCairo\n"),
            ("Tests/FrontlineTests/Stray.swift", "import CCairo\n"),
        ])
    func strayImportFails(path: String, text: String) throws {
        let tree = try copyOfTree()
        try text.write(to: tree.url.appendingPathComponent(path), atomically: true, encoding: .utf8)
        let result = try lint(tree.url)
        #expect(result.status == 1)
        #expect(result.output.contains(path), "\(result.output)")
    }

    @Test("A bridge file that imports its C module without `internal` fails")
    func publicImportFails() throws {
        let tree = try copyOfTree()
        let bridge = tree.url.appendingPathComponent("Sources/GeoCore/GEOSHandles.swift")
        let text = try String(contentsOf: bridge, encoding: .utf8)
        try text.replacingOccurrences(of: "internal import CGEOS", with: "public import CGEOS")
            .write(to: bridge, atomically: true, encoding: .utf8)
        let result = try lint(tree.url)
        #expect(result.status == 1)
        #expect(result.output.contains("GEOSHandles.swift"), "\(result.output)")
    }
}
