import Foundation
import Testing

/// Options are typed values (`Day`, `BBox`, `Shard`, `OutputFormat`, `PageSize`, …): a value that is
/// not one is refused by the parser, and options that must agree are checked in `validate()`, both
/// before any file is read. Run as a user would: one line naming the option and the value, non-zero,
/// nothing written.
@Suite("Option parsing")
struct OptionParsingCommandTests {
    @Test(
        "a value of the wrong kind names the option, the value and what is expected",
        arguments: [
            (["render", "--out", "OUT", "--date", "2024-02-30"], ["--date <yyyy-mm-dd>", "'2024-02-30'"]),
            (["render", "--out", "OUT", "--date", "2024-09-01", "--since", "2024-13-01"], ["--since <yyyy-mm-dd>", "'2024-13-01'"]),
            (["render", "--out", "OUT", "--date", "2024-09-01", "--format", "gif"], ["--format", "'gif'", "'png', 'svg' or 'pdf'"]),
            (["render", "--out", "OUT", "--date", "2024-09-01", "--bbox", "33,50,34"], ["--bbox <w,s,e,n>", "'33,50,34'"]),
            (["render", "--out", "OUT", "--date", "2024-09-01", "--bbox", "37,50,33,52"], ["--bbox <w,s,e,n>", "'37,50,33,52'"]),
            (
                ["render", "--out", "OUT", "--date", "2024-09-01", "--theme", "neon"],
                ["--theme", "'neon'", "'default', 'print' or 'dark'"]
            ),
            (["render", "--out", "OUT", "--date", "2024-09-01", "--size", "wide"], ["--size <layout-or-wxh>", "'wide'"]),
            (["frames", "--out", "OUT", "--shard", "1of4"], ["--shard <i/n>", "'1of4'"]),
            (["frames", "--out", "OUT", "--format", "png,gif"], ["--format", "'png,gif'"]),
            (["frames", "--out", "OUT", "--from", "1 Aug 2024"], ["--from <yyyy-mm-dd>", "'1 Aug 2024'"]),
            (["report", "--out", "OUT", "--format", "docx"], ["--format", "'docx'", "'html' and 'pdf'"]),
            (["diff", "--from", "2024-09-01", "--to", "tomorrow"], ["--to <yyyy-mm-dd>", "'tomorrow'"]),
        ])
    func wrongKind(_ arguments: [String], _ facts: [String]) async throws {
        let tmp = try TempDir()
        let r = try await CLI.run(Self.placed(arguments, in: tmp) + ["--data", CLI.data])
        expectCleanFailure(r, mentions: facts, outDir: tmp)
    }

    @Test(
        "options that must agree are checked before the data is read",
        arguments: [
            (["frames", "--out", "OUT", "--from", "2024-09-01", "--to", "2024-08-01"], "--from 2024-09-01 is after --to 2024-08-01"),
            (["frames", "--out", "OUT", "--shard", "4/4"], "--shard: part 4 of 4 is out of range"),
            (["frames", "--out", "OUT", "--size", "4000x4000", "--workers", "16"], "--workers 16 at 16 megapixels a page"),
            (["diff", "--from", "2024-09-01", "--to", "2024-08-01"], "--from 2024-09-01 is after --to 2024-08-01"),
            (["report", "--out", "OUT", "--paper", "letter"], "--paper is for a PDF report"),
            (["report", "--out", "OUT", "--format", "pdf"], "must end in .pdf"),
            (["chart", "--out", "OUT.png", "--size", "hd"], "--size 'hd' must be WxH in pixels, each 200…10000"),
            (["stats", "--digits", "10"], "--digits must be 0 to 9"),
        ])
    func disagreeing(_ arguments: [String], _ fact: String) async throws {
        let tmp = try TempDir()
        // A data folder that does not exist: the option's error must come first, as nothing is read.
        let r = try await CLI.run(Self.placed(arguments, in: tmp) + ["--data", tmp.path("no-such-data")])
        expectCleanFailure(r, mentions: [fact], outDir: tmp)
        #expect(!r.stderr.contains("no-such-data"), "\(r.stderr)")
    }

    @Test("typed values take what the hand-written parsing took: any case of a format, a layout name, a date range")
    func accepted() async throws {
        let tmp = try TempDir()
        let r = try await CLI.run([
            "frames", "--data", CLI.data, "--from", "2024-08-06", "--to", "2024-08-06", "--format", "SVG,png", "--size", "card",
            "--bbox", "34.5,50.8,36,51.8", "--out", tmp.path("out"),
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: tmp.path("out"))
        #expect(Set(written) == ["2024-08-06.svg", "2024-08-06.png", ".frontline-run"], "\(written)")
        let record = try String(contentsOfFile: tmp.path("out/.frontline-run"), encoding: .utf8)
        #expect(record.contains("option --size=card\n") && record.contains("option --bbox=34.5,50.8,36.0,51.8\n"), "\(record)")
    }

    /// `arguments` with "OUT" (and "OUT.png") as a path in `dir`.
    static func placed(_ arguments: [String], in dir: TempDir) -> [String] {
        arguments.map { $0.hasPrefix("OUT") ? dir.path("out" + $0.dropFirst(3)) : $0 }
    }
}
