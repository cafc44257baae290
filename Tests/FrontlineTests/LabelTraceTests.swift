import Foundation
import GeoCore
import Testing
@testable import Atlas
import Cartography
import MapData
@testable import MapRender

/// Settlement labels over every frame of the default animation (`make animation`: daily from
/// 2024-08-01 to the last snapshot, 1920×1080), read back from the scenes and measured as the
/// renderer sets them: no overlaps, nothing over the furniture, and no label moves unless forced.
@Suite("Label trace")
struct LabelTraceTests {
    /// One label block (name, and the Russian name under it) as drawn.
    struct Block {
        let name: String
        let box: Rect
    }

    func group(_ id: String, in items: [SceneItem]) -> [SceneItem]? {
        for item in items {
            guard case .group(let gid, _, let inner) = item else { continue }
            if gid == id { return inner }
            if let found = group(id, in: inner) { return found }
        }
        return nil
    }

    func box(_ t: TextItem, _ m: PangoTextMeasurer) -> Rect {
        let size = m.measure(t.text, style: t.style, maxWidth: t.maxWidth)
        return t.box(width: size.width, height: size.height)
    }

    /// Label blocks: a name item, then (in italics) its Russian name.
    func blocks(_ scene: Scene, _ m: PangoTextMeasurer) -> [Block] {
        var out: [Block] = []
        for case .text(let t) in group("labels", in: scene.items) ?? [] {
            let b = box(t, m)
            if t.style.italic, let last = out.popLast() {
                let x0 = min(last.box.x, b.x), y0 = min(last.box.y, b.y)
                let r = Rect(x: x0, y: y0, width: max(last.box.maxX, b.maxX) - x0, height: max(last.box.maxY, b.maxY) - y0)
                out.append(Block(name: last.name, box: r))
            } else {
                out.append(Block(name: t.text, box: b))
            }
        }
        return out
    }

    /// The furniture's boxes (the first rectangle of each group) and the event stars and badges.
    func obstacles(_ scene: Scene, _ m: PangoTextMeasurer) -> (furniture: [(String, Rect)], events: [Rect]) {
        var furniture: [(String, Rect)] = []
        for id in ["scale-bar", "north-arrow", "inset"] {
            for item in group(id, in: scene.items) ?? [] {
                if case .rect(let r, _, _, _) = item { furniture.append((id, r)); break }
            }
        }
        var events: [Rect] = []
        for item in group("events", in: scene.items) ?? [] {
            switch item {
            case .marker(_, let p, let size, _, _): events.append(Rect(x: p.x - size / 2, y: p.y - size / 2, width: size, height: size))
            case .text(let t): events.append(box(t, m))
            default: break
            }
        }
        return (furniture, events)
    }

    /// Boxes that touch by less than this (px) do not overlap: measuring and placing round differently.
    func overlaps(_ a: Rect, _ b: Rect) -> Bool { a.insetBy(0.01).intersects(b.insetBy(0.01)) }

    @Test("Default animation: no label overlaps another or the furniture; a label moves only when forced, or back to its place")
    func defaultAnimation() throws {
        let dataset = try KurskData.loaded.get()
        let measurer = try PangoTextMeasurer()
        let layout = Layout(width: 1920, height: 1080)
        let context = try SequenceContext(dataset: dataset, theme: .standard, layout: layout, measurer: measurer)
        let plan = AnimationPlan(
            dataset: dataset, from: try Day(parsing: "2024-08-01"), to: dataset.timeline.dates.last!, stepDays: 1, pacing: .daily(fps: 24))
        // Where each label stands when no event moves anything: the sequence placement.
        var home: [String: Rect] = [:]
        for l in context.placedLabels(events: []) { home[l.settlement] = l.box }
        var previous: [String: Rect] = [:]
        var returns = 0
        var moves: [String] = [], unforced: [String] = [], overlapsFound: [String] = []
        var labelsSeen = 0
        for frame in plan.frames {
            let scene = try context.scene(on: frame.day, events: frame.events, interpolate: true)
            let labels = blocks(scene, measurer)
            let (furniture, events) = obstacles(scene, measurer)
            #expect(furniture.count == 3, "\(frame.day): scale bar, north arrow and inset")
            labelsSeen += labels.count
            for (k, a) in labels.enumerated() {
                #expect(a.box.x >= layout.map.x && a.box.maxX <= layout.map.maxX && a.box.y >= 0 && a.box.maxY <= layout.map.maxY)
                for b in labels[(k + 1)...] where overlaps(a.box, b.box) {
                    overlapsFound.append("\(frame.day): \(a.name) / \(b.name)")
                }
                for (id, r) in furniture where overlaps(a.box, r) { overlapsFound.append("\(frame.day): \(a.name) / \(id)") }
            }
            // The boxes checked are the ones the placer reports.
            #expect(context.placedLabels(events: frame.events).map(\.box.x) == labels.map(\.box.x), "\(frame.day)")
            var current: [String: Rect] = [:]
            for l in labels { current[l.name] = l.box }
            for l in labels {
                guard let before = previous[l.name], abs(before.x - l.box.x) > 0.01 || abs(before.y - l.box.y) > 0.01 else { continue }
                moves.append("\(frame.day) \(l.name)")
                // Forced: where it stood on the frame before, it would now touch another label or an event marker.
                let others = labels.filter { $0.name != l.name }.map(\.box) + events
                if others.contains(where: { overlaps($0, before) }) { continue }
                // Or back to its sequence place once what pushed it away is gone.
                let settlement = context.placedLabels(events: frame.events).first { $0.box.x == l.box.x && $0.box.y == l.box.y }?.settlement
                if let settlement, let h = home[settlement], abs(h.x - l.box.x) < 0.01, abs(h.y - l.box.y) < 0.01 {
                    returns += 1
                } else {
                    unforced.append("\(frame.day) \(l.name)")
                }
            }
            previous = current
        }
        print(
            "Label trace: \(plan.frames.count) frames, \(labelsSeen) labels, \(overlapsFound.count) overlaps, \(moves.count) moves (\(moves.count - returns) forced away, \(returns) back to their sequence place): \(moves)"
        )
        #expect(overlapsFound.isEmpty, "\(overlapsFound)")
        #expect(unforced.isEmpty, "moves with nothing in the way: \(unforced)")
        #expect(labelsSeen > plan.frames.count * 20, "most settlements are labelled on every frame")
        // Measured when the sequence placement came in: 8 moves in 305 frames, all around the January
        // 2025 events near Sudzha; none since event numbers are placed with the names and markers
        // without room are left off (issue 20). More means placement got less stable: look before raising this.
        #expect(moves.count <= 8)
    }
}
