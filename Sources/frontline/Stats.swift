import ArgumentParser
import Foundation
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

    @Option(help: "csv or json.") var format: StatsFormat = .csv
    @Option(help: "Data folder.") var data: String = "GeoData"
    @Option(help: "Decimals of km² (0–9); 2 by default, more to compare areas closely.") var digits: Int = 2

    func validate() throws {
        guard (0...9).contains(digits) else { throw UsageError("--digits must be 0 to 9") }
    }

    func run() throws {
        let rows = try DateStatistics.table(try Disk.loadDataset(data))
        Terminal.print(format == .csv ? Self.csv(rows, digits: digits) : Self.json(rows, digits: digits), terminator: "")
    }

    /// One line per date and side, with a header line; numbers to `digits` decimals, no locale; the
    /// side, which comes from data, quoted by RFC 4180 and defused against formulas (`CSV.text`).
    static func csv(_ rows: [DateStatistics], digits: Int = 2) -> String {
        func r(_ v: Double) -> String { formatFixed(v, digits: digits) }
        var out = "date,snapshot,side,held_km2,across_border_km2,change_km2,settlements_held\n"
        for row in rows {
            for s in row.sides {
                out +=
                    "\(row.date),\(row.snapshotDate),\(CSV.text(s.side)),\(r(s.heldKm2)),\(r(s.acrossBorderKm2)),\(s.changeKm2.map(r) ?? ""),\(s.settlementsHeld)\n"
            }
        }
        return out
    }

    static func json(_ rows: [DateStatistics], digits: Int = 2) -> String {
        let scale = Double(Int(pow(10.0, Double(digits))))
        func n(_ v: Double) -> JSONValue { .number((v * scale).rounded() / scale) }
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
