import ArgumentParser
import GeoCore
import MapData

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what each side gained and lost between two dates, and the settlements that changed hands.",
        discussion: """
            Areas are geodesic (WGS84), from the full-resolution control polygons, via GEOS.
            Examples:
              frontline diff --from 2024-09-01 --to 2024-10-01
              frontline diff --from 2024-08-01 --to 2025-04-01 --json
            """)

    @Option(help: ArgumentHelp("First date, YYYY-MM-DD.", valueName: dateValueName)) var from: Day
    @Option(help: ArgumentHelp("Second date, YYYY-MM-DD.", valueName: dateValueName)) var to: Day
    @Option(help: "Data folder.") var data: String = "GeoData"
    @Flag(help: "Print JSON for machines.") var json = false

    func validate() throws { try checkOrder(from: from, to: to) }

    func run() throws {
        let (d1, d2) = (from, to)
        let dataset = try Disk.loadDataset(data)
        let change: ControlChange
        do {
            change = try ControlChange.between(
                d1, d2, timeline: dataset.timeline, sides: dataset.manifest.sides.map(\.id),
                gazetteer: dataset.gazetteer, engine: GeometryEngine())
        } catch let e as DataError { throw UsageError("--from \(d1): \(e.message)") }
        // Across the border by the one rule the maps, stats and chart use (`Dataset.acrossBorder`).
        func across(_ d: Day) throws -> [String: Double] {
            guard let s = try dataset.timeline.state(on: d) else { return [:] }
            var out: [String: Double] = [:]
            for a in dataset.acrossBorder(s) { out[a.side, default: 0] += try a.geometry.areaKm2 }
            return out
        }
        let before = try across(d1), after = try across(d2)
        if json {
            Terminal.print(JSONWriter.write(try Self.json(change, acrossBefore: before, acrossAfter: after)), terminator: ""); return
        }
        Terminal.print("Control from \(change.from) to \(change.to) (snapshots in force on \(d1) and \(d2)); km², geodesic")
        Terminal.print(
            pad("side", 10) + pad("held before", 13) + pad("held after", 13) + pad("gained", 10) + pad("lost", 10) + pad("net", 10)
                + pad("across before", 15) + "across after")
        for s in change.sides {
            Terminal.print(
                pad(s.side, 10) + pad(km(try s.heldBeforeKm2), 13) + pad(km(try s.heldAfterKm2), 13) + pad(km(s.gainedKm2), 10)
                    + pad(km(s.lostKm2), 10) + pad(km(s.gainedKm2 - s.lostKm2), 10) + pad(km(before[s.side] ?? 0), 15)
                    + km(after[s.side] ?? 0))
        }
        if change.settlements.isEmpty { Terminal.print("No located settlement changed hands.") }
        for h in change.settlements {
            Terminal.print("\(h.settlement.name): \(h.from ?? "none") → \(h.to ?? "none")")
        }
    }

    func km(_ v: Double) -> String { formatFixed(v, digits: 1) }
    func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(1, n - s.count)) }

    static func json(_ c: ControlChange, acrossBefore: [String: Double], acrossAfter: [String: Double]) throws(DataError) -> JSONValue {
        func r(_ v: Double) -> JSONValue { .number((v * 100).rounded() / 100) }
        return .object([
            ("from", .string(c.from.description)), ("to", .string(c.to.description)), ("unit", .string("km2")),
            (
                "sides",
                .array(
                    try c.sides.map { s throws(DataError) in
                        .object([
                            ("side", .string(s.side)), ("heldBefore", r(try s.heldBeforeKm2)), ("heldAfter", r(try s.heldAfterKm2)),
                            ("gained", r(s.gainedKm2)), ("lost", r(s.lostKm2)), ("net", r(s.gainedKm2 - s.lostKm2)),
                            ("acrossBorderBefore", r(acrossBefore[s.side] ?? 0)), ("acrossBorderAfter", r(acrossAfter[s.side] ?? 0)),
                        ])
                    })
            ),
            (
                "settlementsChangedHands",
                .array(
                    c.settlements.map { h in
                        .object([
                            ("name", .string(h.settlement.name)), ("from", h.from.map { .string($0) } ?? .null),
                            ("to", h.to.map { .string($0) } ?? .null),
                        ])
                    })
            ),
        ])
    }
}
