import Foundation
import Testing

@testable import Atlas
import Cartography
import GeoCore
@testable import MapData
@testable import MapRender

/// Issue 20: every named layout, at its own size, read as its reader sees it: each text measured as
/// the renderer sets it and scaled to the layout's display width, none below the layout's minimum,
/// no two overlapping; every key place and every located event labelled.
@Suite("Publishable layouts")
struct PublishableLayoutTests {
    /// One text of a scene: its measured box and the groups it lies in.
    struct SceneText {
        let item: TextItem
        let box: Rect
        let groups: [String]
    }

    static func texts(_ items: [SceneItem], _ m: PangoTextMeasurer, groups: [String] = []) -> [SceneText] {
        items.flatMap { item -> [SceneText] in
            switch item {
            case .text(let t):
                let size = m.measure(t.text, style: t.style, maxWidth: t.maxWidth)
                return [SceneText(item: t, box: t.box(width: size.width, height: size.height), groups: groups)]
            case .group(let id, _, let inner): return texts(inner, m, groups: groups + [id])
            default: return []
            }
        }
    }

    /// Boxes that touch by less than this (px) do not overlap: measuring and placing round differently.
    static func overlaps(_ a: Rect, _ b: Rect) -> Bool { a.insetBy(0.01).intersects(b.insetBy(0.01)) }

    /// What is wrong with one map as its reader sees it (empty when nothing is). `labelled` gets the
    /// names of the settlements labelled.
    static func problems(
        _ scene: Scene, _ c: SequenceContext, events: [Event], _ m: PangoTextMeasurer, labelled: inout Set<String>
    ) -> [String] {
        var out: [String] = []
        let layout = c.layout
        let all = texts(scene.items, m)
        let m = c.dataset.manifest
        let credits = (layout.isCompact ? m.shortCreditLines : m.creditLines).first ?? "\u{0}"
        for t in all {
            let role: TextRole = t.item.text.contains(credits) ? .credit : .body
            let shown = t.item.style.size / layout.pagePerDisplayPx
            let least = role == .credit ? layout.rules.minCreditPx : layout.rules.minBodyPx
            if shown < least - 0.01 {
                out.append("'\(t.item.text.prefix(40))' is \(formatFixed(shown, digits: 1)) px as displayed, under \(least)")
            }
        }
        // Texts on the map against each other and the furniture; the panel's against each other.
        let onMap = all.filter { $0.groups.contains("map") }, inPanel = all.filter { !$0.groups.contains("map") }
        for set in [onMap, inPanel] {
            for (i, a) in set.enumerated() {
                for b in set[(i + 1)...] where overlaps(a.box, b.box) {
                    out.append("'\(a.item.text.prefix(30))' overlaps '\(b.item.text.prefix(30))'")
                }
            }
        }
        for t in onMap where !t.groups.contains(where: { ["inset", "scale-bar", "north-arrow", "timeline"].contains($0) }) {
            for r in c.furnitureRects() where overlaps(t.box, r) { out.append("'\(t.item.text.prefix(30))' is over the furniture") }
        }
        // Names only: a second name (italic, under its name) is not another settlement.
        for t in onMap where t.groups.last == "labels" && !t.item.style.italic { labelled.insert(t.item.text) }
        for (s, _) in c.locatedSettlements() where c.keyPlaces.contains(s.name) && !labelled.contains(s.name) {
            out.append("key place \(s.name) not labelled")
        }
        // Every located event in the frame has its number beside its star.
        let numbers = Set(all.filter { $0.groups.last == "events" }.flatMap { $0.item.text.split(separator: ",").compactMap { Int($0) } })
        let located = c.stars(events).flatMap(\.numbers)
        if Set(located) != numbers { out.append("event numbers on the map \(numbers.sorted()), located events \(located)") }
        return out
    }

    static let dates = ["2024-08-15", "2024-09-01", "2025-01-05"]

    @Test(
        "Every layout at its own size: no text below its minimum as displayed, none overlapping; key places and events labelled",
        arguments: LayoutRules.all.map(\.name) + ["640x360", "960x540"])
    func layoutReads(_ name: String) throws {
        let dataset = try KurskData.loaded.get()
        let measurer = try PangoTextMeasurer()
        let layout: Layout
        if let rules = LayoutRules.named(name) {
            layout = Layout(rules)
        } else {
            let wh = name.split(separator: "x").compactMap { Int($0) }
            layout = Layout(width: wh[0], height: wh[1])
        }
        let context = try SequenceContext(dataset: dataset, theme: .standard, layout: layout, measurer: measurer)
        #expect(context.keyPlaces == ["Sudzha"])
        for date in Self.dates {
            let day = try Day(parsing: date)
            let scene = try context.scene(on: day)
            var labelled: Set<String> = []
            let found = Self.problems(scene, context, events: dataset.events(on: day), measurer, labelled: &labelled)
            #expect(found.isEmpty, "\(name) \(date): \(found)")
            #expect(labelled.contains("Sudzha"), "\(name) \(date)")
        }
    }

    @Test(
        "Phone and card layouts: the legend keys the data before the basemap; the day's first event is listed, the rest counted",
        arguments: ["mobile", "story", "card"])
    func compactPanel(_ name: String) throws {
        let dataset = try KurskData.loaded.get()
        let measurer = try PangoTextMeasurer()
        let layout = Layout(try #require(LayoutRules.named(name)))
        #expect(layout.isCompact)
        let context = try SequenceContext(dataset: dataset, theme: .standard, layout: layout, measurer: measurer)
        for date in ["2024-09-01", "2024-08-15"] {
            let day = try Day(parsing: date), events = dataset.events(on: day)
            let (picture, snapshot) = try context.picture(on: day, interpolate: false)
            let draft = try context.draft(day, picture, context.facts(day, picture, snapshot, events: events))
            let panel = Self.texts(try context.scene(on: day).items, measurer).filter { !$0.groups.contains("map") }
            let legend = Set(panel.filter { $0.groups.contains("legend") }.map(\.item.text))
            // A link card (270 px of panel as seen) may give its legend to the day's events.
            #expect(!legend.isEmpty || name == "card", "\(name) \(date): no legend")
            // What leaves a short legend leaves by rank: nothing shown ranks below anything left out.
            let shown = draft.legend.filter { legend.contains($0.label) }.map(\.rank)
            if let dropped = draft.legend.filter({ !legend.contains($0.label) }).map(\.rank).min() {
                #expect(shown.allSatisfy { $0 <= dropped }, "\(name) \(date): \(legend.sorted()) shown, a \(dropped) entry left out")
            }
            if events.isEmpty {
                // 1 September: held ground, the hatched change and the front line are all keyed on a
                // phone; a link card keys at least the held ground.
                let essential = draft.legend.filter { $0.rank == .essential }.map(\.label)
                #expect(essential.count >= 3, "\(essential)")
                let keyed = name == "card" ? Array(essential.prefix(1)) : essential
                #expect(Set(keyed).isSubset(of: legend), "\(name) \(date): \(legend.sorted())")
            } else {
                // 15 August: 17 events; the first ranked one is listed, cut to two lines with its source
                // kept, and the rest are counted.
                let lines = panel.filter { $0.item.text.range(of: #"^(\d+\. |• )"#, options: .regularExpression) != nil }
                let first = try #require(lines.first, "\(name) \(date): no event listed in \(panel.map(\.item.text))")
                #expect(first.item.text.hasSuffix(context.words.attribution(draft.facts.events[0])), "\(first.item.text)")
                let lineHeight = measurer.measure("1.", style: first.item.style, maxWidth: nil).height
                #expect(first.box.height <= 2 * lineHeight + 0.5, "\(name): \(first.item.text) runs past two lines")
                let more = context.words(.moreEvents, ["n": context.words.format.number(events.count - lines.count)])
                #expect(panel.contains { $0.item.text == more }, "\(name) \(date): no '\(more)'")
            }
        }
    }

    /// Settlement names per hd map of `make render` before issue 20 (counted in Renders/*.svg at
    /// commit 4255a23): 28 on 2024-08-06, -08-15, -08-17, -08-18, 2025-01-04 and -01-07, 29 on the rest.
    static let hdNamesBefore: [String: Int] = [
        "2024-08-06": 28, "2024-08-15": 28, "2024-08-17": 28, "2024-08-18": 28, "2025-01-04": 28, "2025-01-07": 28,
    ]

    @Test("frames at hd: Sudzha labelled on every map, and at least as many settlements named as before")
    func framesNameSudzha() throws {
        let dataset = try KurskData.loaded.get()
        let measurer = try PangoTextMeasurer()
        let context = try SequenceContext(dataset: dataset, theme: .standard, layout: Layout(LayoutRules.all[0]), measurer: measurer)
        var counts: [String] = []
        for day in dataset.reportedDates {
            let scene = try context.scene(on: day)
            var labelled: Set<String> = []
            let found = Self.problems(scene, context, events: dataset.events(on: day), measurer, labelled: &labelled)
            #expect(found.isEmpty, "\(day): \(found)")
            #expect(labelled.contains("Sudzha"), "\(day): Sudzha not labelled")
            let names = labelled.count
            counts.append("\(day) \(names)")
            #expect(names >= Self.hdNamesBefore[day.description] ?? 29, "\(day): \(names) names")
        }
        print("hd names per map: \(counts.joined(separator: ", "))")
    }

    @Test("--emphasize: a name the gazetteer does not know is refused; one it knows becomes a key place")
    func emphasize() throws {
        let dataset = try KurskData.loaded.get()
        let context = try SequenceContext(
            dataset: dataset, theme: .standard, layout: Layout(LayoutRules.all[0]), measurer: PangoTextMeasurer())
        #expect(throws: UnknownPlace.self) { try context.emphasize(["Atlantis"]) }
        try context.emphasize(["Korenewo"])
        #expect(context.keyPlaces == ["Sudzha", "Korenevo"])
        let labels = context.placedLabels(events: dataset.events(on: try Day(parsing: "2024-08-15"))).map(\.settlement)
        #expect(labels.prefix(2).sorted() == ["Korenevo", "Sudzha"], "key places are placed first: \(labels)")
    }

    @Test("Layouts: --size names, the portrait alias, and the nearest layout's rules for any WxH")
    func rules() {
        #expect(LayoutRules.named("portrait")?.name == "story")
        #expect(LayoutRules.named("MOBILE")?.width == 1080)
        #expect(LayoutRules.nearest(width: 640, height: 360).name == "hd")
        #expect(LayoutRules.nearest(width: 2160, height: 2700).name == "mobile")
        #expect(LayoutRules.nearest(width: 1200, height: 628).name == "card")
        // 11 px seen on a 390 px phone is 30.5 px on the 1080 px page; on a 2160 px page, twice that.
        #expect(abs(Layout(width: 1080, height: 1350).minimumTextSize() - 11 * 1080 / 390) < 1e-9)
        #expect(abs(Layout(width: 2160, height: 2700).minimumTextSize() - 2 * 11 * 1080 / 390) < 1e-9)
        // A small hd-shaped page is seen at its own width: its type does not shrink below 11 px.
        #expect(Layout(width: 640, height: 360).textSize(14) >= 11)
        // Print: hatching never finer than 4.5 pt apart.
        #expect(Layout(LayoutRules.named("a4")!).hatch(spacing: 7, lineWidth: 1.2).spacing >= 4.5)
    }
}
