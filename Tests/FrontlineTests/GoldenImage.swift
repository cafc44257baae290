import Foundation
import Testing
@testable import MapRender
import Cartography
import FrontlineTestSupport

/// Compares a rendered scene with a golden PNG beside the tests, on decoded pixels with a tolerance.
/// RECORD_GOLDENS=1 re-records and fails; a missing golden fails when CI is set (else it is recorded
/// and the test fails once, so that a new golden is always looked at). A failure writes actual.png and
/// diff.png to .build/golden-failures/.
enum GoldenImage {
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    static let failures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/golden-failures")

    /// Channel difference up to `channelTolerance` is ignored; at most `maxFraction` of pixels may differ beyond it.
    static func check(_ scene: Scene, named name: String, channelTolerance: Int = 24, maxFraction: Double = 0.002) throws {
        let env = ProcessInfo.processInfo.environment
        let url = goldens.appendingPathComponent("\(name).png")
        let png = try Renderer().render(scene, format: .png)
        if env["RECORD_GOLDENS"] == "1" || !FileManager.default.fileExists(atPath: url.path) {
            let missing = !FileManager.default.fileExists(atPath: url.path)
            if missing && env["CI"] != nil && env["RECORD_GOLDENS"] != "1" {
                Issue.record("golden \(name).png is missing (CI): run the tests locally to record it, look at it, commit it")
                return
            }
            try Data(png).write(to: url)
            Issue.record("recorded golden \(name).png — look at it, then run again")
            return
        }
        let expected = try decodePNG([UInt8](try Data(contentsOf: url)))
        let actual = try decodePNG(png)
        #expect(expected.width == actual.width && expected.height == actual.height, "size of \(name)")
        guard expected.width == actual.width, expected.height == actual.height else { return }
        var differing = 0
        var diff = [UInt8]()
        for (a, b) in zip(expected.pixels, actual.pixels) {
            var d = 0
            for shift in [UInt32(0), 8, 16, 24] {
                let ca = Int((a >> shift) & 0xFF), cb = Int((b >> shift) & 0xFF)
                d = max(d, abs(ca - cb))
            }
            if d > channelTolerance { differing += 1 }
            diff.append(d > channelTolerance ? 255 : 0)
        }
        let fraction = Double(differing) / Double(max(1, expected.pixels.count))
        if fraction > maxFraction {
            try FileManager.default.createDirectory(at: failures, withIntermediateDirectories: true)
            try Data(png).write(to: failures.appendingPathComponent("\(name)-actual.png"))
            try Data(try diffImage(diff, width: actual.width, height: actual.height)).write(
                to: failures.appendingPathComponent("\(name)-diff.png"))
        }
        #expect(fraction <= maxFraction, "\(name): \(differing) pixels differ (\(fraction * 100)%); see .build/golden-failures/")
    }

    /// Red where pixels differ, on white.
    static func diffImage(_ mask: [UInt8], width: Int, height: Int) throws -> [UInt8] {
        var items: [SceneItem] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                if mask[y * width + x] == 0 { x += 1; continue }
                let start = x
                while x < width, mask[y * width + x] != 0 { x += 1 }
                items.append(
                    .rect(
                        Rect(x: Double(start), y: Double(y), width: Double(x - start), height: 1),
                        fill: Fill(Color(hex: 0xFF0000)), stroke: nil, cornerRadius: 0))
            }
        }
        return try Renderer().render(
            Scene(
                width: width, height: height, background: .white, items: items, title: "diff",
                description: "", date: testDay("2000-01-01")), format: .png)
    }
}
