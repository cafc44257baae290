import Foundation
import GeoCore
import Testing
import Atlas
import Cartography
import MapData
@testable import MapRender

/// Colour-vision checks on the themes: what the map draws for each side must stay apart for readers
/// with protanopia or deuteranopia (Machado, Oliveira & Fernandes 2009, severity 1) and in grey.
@Suite("Themes")
struct ThemeTests {
    typealias RGB = (Double, Double, Double)

    static let protanopia = [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
    static let deuteranopia = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]

    func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }

    /// `top` at its alpha over an opaque `bottom`, in sRGB as Cairo blends it.
    func over(_ top: Color, _ bottom: Color) -> RGB {
        (top.r * top.a + bottom.r * (1 - top.a), top.g * top.a + bottom.g * (1 - top.a), top.b * top.a + bottom.b * (1 - top.a))
    }

    func simulate(_ c: RGB, _ m: [[Double]]?) -> RGB {
        let l = (linear(c.0), linear(c.1), linear(c.2))
        guard let m else { return l }
        func row(_ r: [Double]) -> Double { min(max(r[0] * l.0 + r[1] * l.1 + r[2] * l.2, 0), 1) }
        return (row(m[0]), row(m[1]), row(m[2]))
    }

    /// CIE L*a*b* of a linear-RGB colour (D65).
    func lab(_ l: RGB) -> RGB {
        let x = (0.4124 * l.0 + 0.3576 * l.1 + 0.1805 * l.2) / 0.95047
        let y = 0.2126 * l.0 + 0.7152 * l.1 + 0.0722 * l.2
        let z = (0.0193 * l.0 + 0.1192 * l.1 + 0.9505 * l.2) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16 / 116 }
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }

    func deltaE(_ a: RGB, _ b: RGB, _ m: [[Double]]?) -> Double {
        let p = lab(simulate(a, m)), q = lab(simulate(b, m))
        return ((p.0 - q.0) * (p.0 - q.0) + (p.1 - q.1) * (p.1 - q.1) + (p.2 - q.2) * (p.2 - q.2)).squareRoot()
    }

    func lightness(_ c: RGB) -> Double { lab(simulate(c, nil)).0 }

    @Test(
        "Default and dark themes: the two sides' held ground and their hatch lines stay apart under protanopia, deuteranopia and in grey",
        arguments: [Theme.standard, Theme.dark])
    func colourBlindSafe(_ t: Theme) {
        let ua = t.colors(forSide: "ukraine", index: 0), ru = t.colors(forSide: "russia", index: 1)
        // Each side's held ground as drawn: its fill at the held opacity over the other country's tint.
        let uaHeld = over(ua.fill.with(alpha: t.heldOpacity), t.territoryTint["Russia"] ?? t.land)
        let ruHeld = over(ru.fill.with(alpha: t.heldOpacity), t.territoryTint["Ukraine"] ?? t.land)
        let uaLine = over(ua.line, t.background), ruLine = over(ru.line, t.background)
        for (name, m) in [("normal vision", nil), ("protanopia", Self.protanopia), ("deuteranopia", Self.deuteranopia)]
            as [(String, [[Double]]?)]
        {
            #expect(deltaE(uaHeld, ruHeld, m) > 20, "held fills under \(name): ΔE \(deltaE(uaHeld, ruHeld, m))")
            #expect(deltaE(uaLine, ruLine, m) > 20, "hatch lines under \(name): ΔE \(deltaE(uaLine, ruLine, m))")
        }
        // In grey only lightness is left: the fills must differ in it too (the hatching's direction
        // tells advances from retreats as well).
        #expect(abs(lightness(uaHeld) - lightness(ruHeld)) > 3, "grey: L* \(lightness(uaHeld)) vs \(lightness(ruHeld))")
    }

    @Test("Print theme: greys only, the sides' held ground differs in tone by a clear step")
    func printIsGrey() {
        let t = Theme.print
        var colours = [t.background, t.panel, t.land, t.river, t.border.color, t.frontLine.color, t.text, t.mutedText, t.eventFill]
        colours += [t.water, t.insetExtent.color, t.settlementFill, t.settlementLine]
        colours += t.territoryTint.values
        colours += t.sides.values.flatMap { [$0.fill, $0.line] }
        for c in colours { #expect(c.r == c.g && c.g == c.b, "\(c) is not grey") }
        let ua = t.colors(forSide: "ukraine", index: 0), ru = t.colors(forSide: "russia", index: 1)
        let a = over(ua.fill.with(alpha: t.heldOpacity), t.territoryTint["Russia"] ?? t.land)
        let b = over(ru.fill.with(alpha: t.heldOpacity), t.territoryTint["Ukraine"] ?? t.land)
        #expect(abs(lightness(a) - lightness(b)) > 15, "L* \(lightness(a)) vs \(lightness(b))")
    }

    @Test("Dark theme: text and lines stand out from the dark ground", arguments: [Theme.dark])
    func darkContrast(_ t: Theme) {
        let ground = lightness(over(t.panel, .black)), land = lightness(over(t.land, .black))
        #expect(lightness(over(t.text, .black)) - ground > 60)
        #expect(lightness(over(t.mutedText, .black)) - ground > 35)
        #expect(lightness(over(t.frontLine.color, .black)) - land > 50)
        #expect(lightness(over(t.settlementLine, .black)) - land > 50)
    }

    @Test("Advances and retreats are hatched in opposite directions on one frame")
    func hatchDirections() throws {
        let dataset = try KurskData.loaded.get()
        let context = try SequenceContext(
            dataset: dataset, theme: .print, layout: Layout(width: 960, height: 540), measurer: try PangoTextMeasurer())
        let scene = try context.scene(on: try Day(parsing: "2024-10-01"))
        func hatches(_ items: [SceneItem]) -> [Double] {
            items.flatMap { item -> [Double] in
                switch item {
                case .group("change", _, let inner):
                    return inner.compactMap { if case .path(_, let fill, _) = $0 { return fill?.hatch?.angle } else { return nil } }
                case .group(_, _, let inner): return hatches(inner)
                default: return []
                }
            }
        }
        #expect(Set(hatches(scene.items)) == [45, -45])
    }
}
