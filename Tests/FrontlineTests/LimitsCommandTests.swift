import Foundation
@testable import MapData
import Testing

/// Limits and output names: refused up front, with one clear line, before anything is allocated or written.
@Suite("Limits and output names")
struct LimitsCommandTests {
    @Test(
        "an oversized page is refused before anything is drawn",
        arguments: [
            (["--size", "100000x100000"], "--size '100000x100000'"),
            (["--size", "10000x10000", "--scale", "8"], "6400 megapixels; the limit is 100"),
        ])
    func pageTooLarge(_ extra: [String], _ fact: String) async throws {
        let tmp = try TempDir()
        let r = try await CLI.run(["render", "--date", "2024-09-01", "--data", CLI.data, "--out", tmp.path("x.png")] + extra)
        expectCleanFailure(r, mentions: [fact], outDir: tmp)
    }

    @Test(
        "too many frames are refused before any is drawn",
        arguments: [
            ["frames", "--from", "2024-08-01", "--to", "9999-12-31", "--step", "1d"],
            ["animate", "--from", "2024-08-01", "--to", "9999-12-31", "--step", "1d", "--date-seconds", "0"],
        ])
    func tooManyFrames(_ command: [String]) async throws {
        let tmp = try TempDir()
        let r = try await CLI.run(command + ["--data", CLI.data, "--out", tmp.path("out/")])
        expectCleanFailure(r, mentions: ["2912961 frames, more than the limit of 100000"], outDir: tmp)
    }

    @Test(
        "a --prefix that would leave the output folder is refused",
        arguments: [
            ("../escape-", "contains '/'"), ("/tmp/abs-", "contains '/'"), ("sub/dir-", "contains '/'"),
            (String(repeating: "x", count: 300), "bytes long; file names can be at most 255"),
        ])
    func unsafePrefix(_ prefix: String, _ fact: String) async throws {
        let tmp = try TempDir()
        let r = try await CLI.run(["frames", "--data", CLI.data, "--to", "2024-07-01", "--prefix", prefix, "--out", tmp.path("out")])
        expectCleanFailure(r, mentions: ["--prefix", fact], outDir: tmp)
    }

    @Test("a FIFO given as input is refused, not read forever")
    func fifoInput() async throws {
        let tmp = try TempDir()
        #expect(mkfifo(tmp.path("s.csv"), 0o600) == 0)
        let r = try await CLI.run(["import", "gazetteer", tmp.path("s.csv"), "--out", tmp.path("out.geojson")])
        expectCleanFailure(r, mentions: ["s.csv", "not a regular file"], outDir: nil)
        #expect(!FileManager.default.fileExists(atPath: tmp.path("out.geojson")))
    }
}

@Suite("Limits in the readers")
struct ReaderLimitTests {
    @Test("positions are counted under \"coordinates\" only, and too many are refused with the count")
    func vertexLimit() throws {
        let text =
            #"{"type": "FeatureCollection", "bbox": [1, 2, 3, 4], "features": [{"type": "Feature", "properties": {"n": [[1, 2]]}, "geometry": {"type": "MultiLineString", "coordinates": [[[35, 51], [35.1, 51]], [[35, 52], [35.1, 52], [35.2, 52]]]}}]}"#
        let root = try JSONParser.parse(Array(text.utf8))
        try Limits.checkVertices(root, limit: 5)
        do {
            try Limits.checkVertices(root, limit: 4)
            Issue.record("5 positions passed a limit of 4")
        } catch {
            #expect(error.message == "has 5 positions, more than the limit of 4")
        }
    }

    @Test("a file over the size limit is refused before it is read (a sparse file, so nothing is written)")
    func fileSizeLimit() async throws {
        let tmp = try TempDir()
        let big = tmp.path("big.csv")
        #expect(FileManager.default.createFile(atPath: big, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: big))
        try handle.truncate(atOffset: UInt64(Limits.maxFileBytes) + 1)
        try handle.close()
        let r = try await CLI.run(["import", "gazetteer", big, "--out", tmp.path("out.geojson")])
        expectCleanFailure(r, mentions: ["big.csv", "file is \(Limits.maxFileBytes + 1) bytes, more than the limit"], outDir: nil)
        #expect(!FileManager.default.fileExists(atPath: tmp.path("out.geojson")))
    }
}
