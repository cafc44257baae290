import ArgumentParser
import MapData

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print, for each reported date, the ground each side holds, the change since the previous date and the settlements held.",
        discussion: """
            Areas are geodesic km² on WGS84 from the full-resolution polygons; "across border" is ground a side
            holds outside its home country (the Kursk salient, for Ukraine).
            Examples:
              frontline stats
              frontline stats --format json > stats.json
            """)

    @Option(help: "csv or json.") var format: String = "csv"
    @Option(help: "Data folder.") var data: String = "GeoData"

    func run() throws {
        guard format == "csv" || format == "json" else { throw UsageError("unknown --format '\(format)'; expected csv or json") }
        let rows = try DateStatistics.table(try Disk.loadDataset(data))
        Terminal.print(format == "csv" ? Self.csv(rows) : Self.json(rows), terminator: "")
    }

    /// One line per date and side, with a header line; numbers to two decimals, no locale; the side,
    /// which comes from data, quoted by RFC 4180 and defused against formulas (`CSV.text`).
    static func csv(_ rows: [DateStatistics]) -> String {
        func r(_ v: Double) -> String { formatFixed(v, digits: 2) }
        var out = "date,snapshot,side,held_km2,across_border_km2,change_km2,settlements_held\n"
        for row in rows {
            for s in row.sides {
                out +=
                    "\(row.date),\(row.snapshotDate),\(CSV.text(s.side)),\(r(s.heldKm2)),\(r(s.acrossBorderKm2)),\(s.changeKm2.map(r) ?? ""),\(s.settlementsHeld)\n"
            }
        }
        return out
    }

    static func json(_ rows: [DateStatistics]) -> String {
        func n(_ v: Double) -> JSONValue { .number((v * 100).rounded() / 100) }
        let json = JSONValue.array(
            rows.map { row in
                .object([
                    ("date", .string(row.date.description)), ("snapshot", .string(row.snapshotDate.description)),
                    (
                        "sides",
                        .array(
                            row.sides.map { s in
                                .object([
                                    ("side", .string(s.side)), ("heldKm2", n(s.heldKm2)), ("acrossBorderKm2", n(s.acrossBorderKm2)),
                                    ("changeKm2", s.changeKm2.map(n) ?? .null), ("settlementsHeld", .number(Double(s.settlementsHeld))),
                                ])
                            })
                    ),
                ])
            })
        return JSONWriter.write(json)
    }
}
