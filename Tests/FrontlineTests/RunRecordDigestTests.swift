import Foundation
import Testing

/// The run record's data digest (frontline's own SHA-256, `SHA256.swift`) against Python's hashlib
/// over the same framing: every regular file under the data folder, by relative path in byte order,
/// "path\0size\0" then its bytes. Kursk's folder has files of every length modulo 64, so whole
/// blocks, partial ones and the padding are all exercised.
@Suite("Run record digest")
struct RunRecordDigestTests {
    @Test("the data digest in .frontline-run is the SHA-256 of the data folder, as hashlib computes it")
    func digestMatchesHashlib() async throws {
        let tmp = try TempDir()
        let r = try await CLI.run(["frames", "--data", CLI.data, "--from", "2024-08-06", "--to", "2024-08-06", "--out", tmp.path("out")])
        #expect(r.status == 0, "\(r.stderr)")
        let record = try String(contentsOfFile: tmp.path("out/.frontline-run"), encoding: .utf8)
        let line = try #require(record.split(separator: "\n").first { $0.hasPrefix("data sha256:") })
        let script = """
            import hashlib, os, sys
            root = sys.argv[1]
            files = []
            for d, _, names in os.walk(root):
                for n in names:
                    p = os.path.join(d, n)
                    if not n.startswith('.frontline-') and os.path.isfile(p):
                        files.append(os.path.relpath(p, root))
            h = hashlib.sha256()
            for rel in sorted(files, key=lambda s: s.encode()):
                data = open(os.path.join(root, rel), 'rb').read()
                h.update(f"{rel}\\0{len(data)}\\0".encode())
                h.update(data)
            print(h.hexdigest())
            """
        let expected = try runTool("python3", ["-c", script, CLI.data]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.dropFirst("data sha256:".count) == expected[...], "\(line) against \(expected)")
    }
}
