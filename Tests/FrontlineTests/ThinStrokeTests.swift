import Cartography
import Foundation
import FrontlineTestSupport
@testable import MapRender
import Testing

/// `ThinStroke` against Cairo's own stroke: same lines, coverage compared pixel by pixel.
@Suite struct ThinStrokeTests {
    /// Coverage (alpha of an opaque black stroke on a transparent page) of both renderers.
    private func alphas(_ path: PagePath, _ stroke: Stroke, scale: Double = 1, clip: Rect? = nil) throws -> (ours: [Int], cairo: [Int])? {
        let size = (width: 160, height: 120)
        guard let ours = try ThinStroke.strokedPixels(path, stroke, width: size.width, height: size.height, scale: scale, clip: clip)
        else { return nil }
        let cairo = try RasterPage.pixels(
            of: [.path(path, fill: nil, stroke: stroke)], width: size.width, height: size.height, scale: scale, clip: clip,
            rasterShortcuts: false)
        return (ours.map { Int($0 >> 24) }, cairo.map { Int($0 >> 24) })
    }

    /// A random walk of up to `count` points with steps of 1–12 px and turns up to 80°, ending where it
    /// would leave the page. (Sharper turns differ by design: thin Cairo strokes get bevel joins, these
    /// round ones; the difference there is under a pixel.)
    private func walk(_ random: inout SeededRandom, count: Int) -> [Point] {
        var p = Point(Double.random(in: 60...100, using: &random), Double.random(in: 40...80, using: &random))
        var heading = Double.random(in: 0...(2 * .pi), using: &random)
        var points = [p]
        for _ in 1..<count {
            heading += Double.random(in: -1.4...1.4, using: &random)
            let step = Double.random(in: 1...12, using: &random)
            p = Point(p.x + cos(heading) * step, p.y + sin(heading) * step)
            guard (10...150).contains(p.x), (10...110).contains(p.y) else { break }
            points.append(p)
        }
        return points
    }

    /// A closed ring of 12–60 points around a centre at a wobbling radius (turns stay gentle).
    private func blob(_ random: inout SeededRandom) -> [Point] {
        let count = Int.random(in: 12...60, using: &random)
        let centre = Point(Double.random(in: 60...100, using: &random), Double.random(in: 50...70, using: &random))
        let radius = Double.random(in: 15...40, using: &random)
        return (0..<count).map { i in
            let angle = 2 * Double.pi * Double(i) / Double(count)
            let r = radius * Double.random(in: 0.85...1.15, using: &random)
            return Point(centre.x + cos(angle) * r, centre.y + sin(angle) * r)
        }
    }

    @Test(arguments: [0.6, 1.0, 1.2, 2.0, 3.0])
    func matchesCairoOnRandomLines(width: Double) throws {
        var random = SeededRandom(seed: UInt64(width * 1000))
        var worst = 0, differenceSum = 0, inked = 0
        for trial in 0..<24 {
            let closed = trial % 2 == 0
            let stroke = Stroke(.black, width: width, cap: trial % 3 == 0 ? .butt : .round)
            let path = PagePath(subpaths: [closed ? blob(&random) : walk(&random, count: 40)], closed: closed)
            let (ours, cairo) = try #require(try alphas(path, stroke))
            for (a, b) in zip(ours, cairo) where a > 0 || b > 0 {
                worst = max(worst, abs(a - b))
                differenceSum += abs(a - b)
                inked += 1
            }
        }
        let mean = Double(differenceSum) / Double(inked)
        // Measured: mean 1.4–2.9 levels of 255, worst 83–151. The worst pixels are where a walk crosses
        // itself: Cairo covers the union there, this the larger of the two lines' coverages.
        #expect(mean < 4, "width \(width): mean coverage difference \(mean) levels over \(inked) inked pixels")
        #expect(worst < 160, "width \(width): worst pixel differs by \(worst) levels")
    }

    @Test func straightLinesAreExact() throws {
        // Axis-aligned and 45° lines away from their ends: the band's coverage is exact area, as Cairo's is.
        for (a, b) in [(Point(20, 30.3), Point(140, 30.3)), (Point(40.25, 10), Point(40.25, 110)), (Point(20, 10), Point(120, 110))] {
            let (ours, cairo) = try #require(
                try alphas(PagePath(subpaths: [[a, b]], closed: false), Stroke(.black, width: 1.2, cap: .butt)))
            let interior = (0..<ours.count).filter { i in
                let x = Double(i % 160) + 0.5, y = Double(i / 160) + 0.5
                return min(abs(x - a.x), abs(x - b.x)) > 3 && min(abs(y - a.y), abs(y - b.y)) > 3
                    || a.x == b.x && min(abs(y - a.y), abs(y - b.y)) > 3
            }
            let worst = interior.map { abs(ours[$0] - cairo[$0]) }.max() ?? 0
            // Cairo samples coverage on a 256 × 15 grid per pixel, exact areas differ from it by a few levels.
            #expect(worst <= 8, "line \(a)–\(b): worst interior difference \(worst) levels")
        }
    }

    @Test func respectsClipAndScale() throws {
        let path = PagePath(subpaths: [[Point(10, 10), Point(70, 50), Point(20, 55)]], closed: true)
        let clip = Rect(x: 0, y: 0, width: 40, height: 60)
        let (ours, cairo) = try #require(try alphas(path, Stroke(.black, width: 1.2), scale: 2, clip: clip))
        for i in 0..<ours.count where i % 160 >= 80 { #expect(ours[i] == 0, "pixel \(i % 160),\(i / 160) outside the clip") }
        #expect(ours.contains { $0 > 200 } && cairo.contains { $0 > 200 })
    }

    @Test func blendsLikeCairo() throws {
        // A translucent colour over an opaque page: full-coverage pixels must come out exactly as
        // Cairo's (pixman's rounding), partial ones close.
        let path = PagePath(subpaths: [[Point(10, 20.5), Point(150, 20.5)]], closed: false)
        let stroke = Stroke(Color(r: 0.8, g: 0.2, b: 0.1, a: 0.7), width: 3, cap: .butt)
        let background = Color(hex: 0x336699)
        let ours = try #require(try ThinStroke.strokedPixels(path, stroke, width: 160, height: 40, background: background))
        let cairo = try RasterPage.pixels(
            of: [.path(path, fill: nil, stroke: stroke)], width: 160, height: 40, background: background, rasterShortcuts: false)
        let row = 20 * 160 + 80
        #expect(ours[row] == cairo[row], "full coverage: \(String(ours[row], radix: 16)) vs \(String(cairo[row], radix: 16))")
        for (a, b) in zip(ours, cairo) {
            for shift: UInt32 in [0, 8, 16, 24] {
                #expect(abs(Int((a >> shift) & 0xFF) - Int((b >> shift) & 0xFF)) <= 24)
            }
        }
    }

    @Test func declinesWhatItCannotDrawExactly() throws {
        let path = PagePath(subpaths: [[Point(10, 10), Point(100, 60)]], closed: false)
        #expect(try alphas(path, Stroke(.black, width: 1.2, dash: [4, 2])) == nil, "dashes go to Cairo")
        #expect(try alphas(path, Stroke(.black, width: 6)) == nil, "wide strokes go to Cairo")
        #expect(try alphas(path, Stroke(.black, width: 1.2), clip: Rect(x: 0.5, y: 0, width: 50, height: 50)) == nil, "clip between pixels")
        #expect(try alphas(path, Stroke(.black, width: 1.2), clip: Rect(x: 0.5, y: 0, width: 50, height: 50)) == nil)
        #expect(
            try alphas(path, Stroke(.black, width: 1.2), scale: 2, clip: Rect(x: 0.5, y: 0, width: 50, height: 50)) != nil,
            "½ px at 2× is a whole pixel")
    }
}
