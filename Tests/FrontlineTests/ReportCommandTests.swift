import Foundation
import Testing

@Suite("Report command")
struct ReportCommandTests {
    @Test("report --out DIR: page, maps, chart and data; same bytes twice; hostile names escaped in the HTML")
    func htmlReport() async throws {
        let tmp = try TempDir()
        for name in ["a", "b"] {
            let r = try await CLI.run(["report", "--data", HostileFixture.folder.path, "--out", tmp.path(name)])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let files = [
            "index.html", "chart.svg", "data/stats.csv", "data/stats.json", "maps/2024-08-01.svg", "maps/2024-08-01.png",
            "maps/2024-08-20.svg", "maps/2024-08-20.png", "maps/2024-09-01.svg", "maps/2024-09-01.png",
            // Each date drawn for a phone, which a narrow screen shows (the mobile layout).
            "maps/phone/2024-08-01.png", "maps/phone/2024-08-20.png", "maps/phone/2024-09-01.png",
            ".frontline-report",  // the marker: only a folder holding it is ever replaced
        ]
        for file in files {
            let a = try read(tmp.path("a/" + file)), b = try read(tmp.path("b/" + file))
            #expect(!a.isEmpty && a == b, "\(file) differs between two runs")
        }
        let all = try FileManager.default.subpathsOfDirectory(atPath: tmp.path("a")).filter {
            !$0.hasSuffix("maps") && $0 != "data" && $0 != "maps/phone"
        }
        #expect(Set(all) == Set(files), "unexpected files: \(all.sorted())")
        #expect(Set(tmp.contents) == ["a", "b"], "no staging folders left: \(tmp.contents)")

        let html = String(decoding: try read(tmp.path("a/index.html")), as: UTF8.self)
        #expect(html.components(separatedBy: "<script").count == 2, "exactly one <script>, the page's own")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(4)&gt;"))
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("<h1>Border &lt;b&gt;test&lt;/b&gt; &amp; &quot;friends&quot;</h1>"))
        #expect(!html.contains("http://") && !html.contains("https://"), "the page loads nothing from the network")
        for day in ["2024-08-01", "2024-08-20", "2024-09-01"] {
            #expect(html.contains("data-date=\"\(day)\""))
        }
        // Opens on the latest date, the slider at its end of a time scale (days from the first date).
        #expect(html.contains("<img id=\"map\" src=\"maps/2024-09-01.svg\""))
        #expect(html.contains("type=\"range\" min=\"0\" max=\"31\" step=\"1\" value=\"31\""))
        #expect(html.contains("data-date=\"2024-08-20\" data-offset=\"19\""))
        #expect(html.components(separatedBy: "<article class=\"frame\"").count == 4)
        #expect(html.components(separatedBy: " hidden>").count == 3, "every date but the latest hidden")
        // Every image has alt text; a map's says what changed since the date before.
        #expect(!html.contains("alt=\"\""))
        #expect(html.contains("Since 20 August 2024:"))
        // The table a reader reads: ground across the border and its change, per side.
        #expect(html.contains("Change since the previous date") && !html.contains("Settlements held"))
    }

    @Test("--paper without a PDF is refused in one line")
    func paperNeedsPDF() async throws {
        let tmp = try TempDir()
        let r = try await CLI.run(["report", "--data", HostileFixture.folder.path, "--paper", "letter", "--out", tmp.path("r")])
        expectCleanFailure(r, mentions: ["--paper is for a PDF report"], outDir: tmp)
    }

    @Test("report over an existing folder that is not a report fails and leaves it alone")
    func refusesForeignFolder() async throws {
        let tmp = try TempDir()
        let folder = tmp.path("mine")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        let r = try await CLI.run(["report", "--data", HostileFixture.folder.path, "--out", folder])
        expectCleanFailure(r, mentions: ["not made by frontline report", ".frontline-report"], outDir: nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["notes.txt"])
        #expect(Set(tmp.contents) == ["mine"], "no staging folder left: \(tmp.contents)")
    }

    @Test("report with --from after --to, or an empty range, fails in one line and writes nothing")
    func badRange() async throws {
        let tmp = try TempDir()
        let reversed = try await CLI.run([
            "report", "--data", HostileFixture.folder.path, "--from", "2024-09-01", "--to", "2024-08-01", "--out", tmp.path("r"),
        ])
        expectCleanFailure(reversed, mentions: ["--from"], outDir: tmp)
        let empty = try await CLI.run([
            "report", "--data", HostileFixture.folder.path, "--from", "2030-01-01", "--format", "pdf", "--out", tmp.path("r.pdf"),
        ])
        expectCleanFailure(empty, mentions: ["no reported dates"], outDir: tmp)
    }

    @Test("report --format pdf: a cover and a page per date, selectable text with the settlement names, same bytes twice")
    func pdfReport() async throws {
        let tmp = try TempDir()
        for name in ["a.pdf", "b.pdf"] {
            let r = try await CLI.run(["report", "--data", HostileFixture.folder.path, "--format", "pdf", "--out", tmp.path(name)])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let a = try read(tmp.path("a.pdf"))
        #expect(a == (try read(tmp.path("b.pdf"))), "two PDF reports differ")
        let info = try runTool("pdfinfo", [tmp.path("a.pdf")])
        #expect(info.contains("Pages:           4"), "3 dates and a cover:\n\(info)")
        #expect(info.contains("Page size:       842 x 595 pts (A4)"), "A4 by default:\n\(info)")
        let letter = try await CLI.run([
            "report", "--data", HostileFixture.folder.path, "--paper", "letter", "--out", tmp.path("letter.pdf"),
        ])
        #expect(letter.status == 0, "\(letter.stderr)")
        let letterInfo = try runTool("pdfinfo", [tmp.path("letter.pdf")])
        #expect(letterInfo.contains("Page size:       792 x 612 pts (letter)"), "\(letterInfo)")
        let text = try runTool("pdftotext", ["-layout", tmp.path("a.pdf"), "-"])
        for name in try HostileFixture.locatedNames() + ["Суджа"] {
            #expect(text.contains(name), "pdftotext does not find '\(name)'")
        }
        #expect(text.contains("REPORT") && text.contains("Ground held across the border"), "the cover")
    }

    @Test("a PDF report of Kursk dates: pdfinfo pages = dates + 1, pdftotext finds the settlements")
    func kurskPDF() async throws {
        let tmp = try TempDir()
        let r = try await CLI.run([
            "report", "--data", KurskData.folder.path, "--from", "2024-09-01", "--to", "2024-10-01", "--out", tmp.path("k.pdf"),
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let dates = try await CLI.run(["dates", "--plain", "--data", KurskData.folder.path])
        let inRange = dates.stdout.split(separator: "\n").filter { $0 >= "2024-09-01" && $0 <= "2024-10-01" }
        let info = try runTool("pdfinfo", [tmp.path("k.pdf")])
        #expect(info.contains("Pages:           \(inRange.count + 1)"), "\(inRange.count) dates and a cover:\n\(info)")
        let text = try runTool("pdftotext", [tmp.path("k.pdf"), "-"])
        for name in ["Sudzha", "Суджа", "Korenevo", "Коренево", "Lgov", "1 September 2024", "1 October 2024"] {
            #expect(text.contains(name), "pdftotext does not find '\(name)'")
        }
    }
}
