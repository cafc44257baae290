/// What a named layout promises its reader: the page size, the width it is seen at, and the
/// smallest type it sets there. Sizes are checked as displayed, not as drawn: a 1080 px wide phone
/// page is seen about 390 px wide, so 11 px there is 30.5 px on the page.
public struct LayoutRules: Sendable, Equatable {
    public let name: String
    public let width: Int
    public let height: Int
    /// The width the page is seen at, whatever its pixels (phones and link cards); nil when it is seen
    /// at its own width (a screen page, or print, where a pixel is a PDF point).
    public let displayWidth: Double?
    /// Smallest body type (labels, legend, panel, furniture), in px as displayed (pt in print).
    public let minBodyPx: Double
    /// Smallest type of the credits, in px as displayed.
    public let minCreditPx: Double
    /// Type and line unit per displayed px, for the layouts with a `displayWidth` (the hd design, whose
    /// labels are 14 px, is set at this much of its size there).
    let displayUnit: Double
    /// Columns of the panel's text (two on a square page, whose panel is short and wide).
    public let panelColumns: Int
    /// Share of the page's height the map takes when the panel is below it, or of its width when the
    /// panel is beside it; nil: the page's own rule.
    let mapShare: Double?
    /// Least distance between hatch lines and least hatch line width, in px as displayed: wider in
    /// print, where newsprint's ink spread closes finer hatching.
    public let minHatchSpacingPx: Double
    public let minHatchWidthPx: Double
    /// What the layout is for, for the README and `--help`.
    public let purpose: String

    /// The named layouts, in the order `--help` lists them.
    public static let all: [LayoutRules] = [
        LayoutRules(
            name: "hd", width: 1920, height: 1080, displayWidth: nil, minBodyPx: 11, minCreditPx: 9, displayUnit: 1,
            panelColumns: 1, mapShare: nil, minHatchSpacingPx: 5, minHatchWidthPx: 1, purpose: "a 16:9 screen or video"),
        LayoutRules(
            name: "square", width: 1080, height: 1080, displayWidth: nil, minBodyPx: 11, minCreditPx: 9, displayUnit: 1,
            panelColumns: 2, mapShare: nil, minHatchSpacingPx: 5, minHatchWidthPx: 1, purpose: "a square post seen at its size"),
        LayoutRules(
            name: "mobile", width: 1080, height: 1350, displayWidth: 390, minBodyPx: 11, minCreditPx: 9, displayUnit: 0.72,
            panelColumns: 1, mapShare: 0.44, minHatchSpacingPx: 4, minHatchWidthPx: 0.8,
            purpose: "a phone, in an article or a feed (4:5, seen 390 px wide)"),
        LayoutRules(
            name: "story", width: 1080, height: 1920, displayWidth: 390, minBodyPx: 11, minCreditPx: 9, displayUnit: 0.72,
            panelColumns: 1, mapShare: 0.45, minHatchSpacingPx: 4, minHatchWidthPx: 0.8,
            purpose: "a phone held upright, full screen (9:16, seen 390 px wide)"),
        LayoutRules(
            name: "card", width: 1200, height: 630, displayWidth: 600, minBodyPx: 11, minCreditPx: 9, displayUnit: 0.7,
            panelColumns: 1, mapShare: 0.55, minHatchSpacingPx: 4, minHatchWidthPx: 0.8,
            purpose: "a link preview card (seen about 600 px wide)"),
        LayoutRules(
            name: "a4", width: 842, height: 595, displayWidth: nil, minBodyPx: 6, minCreditPx: 5.5, displayUnit: 1,
            panelColumns: 1, mapShare: nil, minHatchSpacingPx: 4.5, minHatchWidthPx: 0.7,
            purpose: "print, in PDF points (6 pt type at least)"),
        LayoutRules(
            name: "a4-portrait", width: 595, height: 842, displayWidth: nil, minBodyPx: 6, minCreditPx: 5.5, displayUnit: 1,
            panelColumns: 1, mapShare: nil, minHatchSpacingPx: 4.5, minHatchWidthPx: 0.7, purpose: "print, upright"),
    ]

    /// The layout a phone sees a report's maps in.
    public static let phone = all.first { $0.name == "mobile" } ?? all[0]

    /// Other names `--size` takes: `portrait` was the upright layout before `story`.
    public static let aliases: [String: String] = ["portrait": "story"]

    /// The named layout called `name` (or an alias of one), ignoring case.
    public static func named(_ name: String) -> LayoutRules? {
        let key = name.lowercased()
        let resolved = aliases[key] ?? key
        return all.first { $0.name == resolved }
    }

    /// The rules a page of `width`×`height` takes: the named layout nearest in shape (aspect ratios
    /// compared as a ratio; ties to the first listed), so `--size 640x360` reads like `hd`.
    public static func nearest(width: Int, height: Int) -> LayoutRules {
        let aspect = Double(width) / Double(height)
        func distance(_ r: LayoutRules) -> Double { abs(log(Double(r.width) / Double(r.height) / aspect)) }
        var best = all[0]
        for r in all.dropFirst() where distance(r) < distance(best) - 1e-9 { best = r }
        return best
    }
}

#if canImport(Glibc)
    import Glibc
#endif
