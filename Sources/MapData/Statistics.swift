import GeoCore

/// Per reported date and side: ground held (all of it, and across the border), the change since the
/// previous reported date, and the located settlements held. Areas geodesic, in km².
public struct DateStatistics: Sendable {
    public struct Side: Sendable {
        public let side: String
        public let heldKm2: Double
        public let acrossBorderKm2: Double
        /// Change of `acrossBorderKm2` since the previous reported date; nil for the first.
        public let changeKm2: Double?
        public let settlementsHeld: Int
    }
    public let date: Day
    public let snapshotDate: Day
    public let sides: [Side]

    /// One row per reported date; snapshots are measured once and shared by the dates they cover.
    public static func table(_ d: Dataset) throws(DataError) -> [DateStatistics] {
        var measured: [Day: [(String, Double, Double, Int)]] = [:]
        var rows: [DateStatistics] = []
        var previous: [String: Double] = [:]
        for day in d.reportedDates {
            guard let snapshot = try d.timeline.state(on: day) else { continue }
            let values: [(String, Double, Double, Int)]
            if let known = measured[snapshot.date] { values = known } else { values = try measure(snapshot, d) }
            measured[snapshot.date] = values
            rows.append(
                DateStatistics(
                    date: day, snapshotDate: snapshot.date,
                    sides: values.map { v in
                        Side(side: v.0, heldKm2: v.1, acrossBorderKm2: v.2, changeKm2: previous[v.0].map { v.2 - $0 }, settlementsHeld: v.3)
                    }))
            for v in values { previous[v.0] = v.2 }
        }
        return rows
    }

    static func measure(_ s: ControlSnapshot, _ d: Dataset) throws(DataError) -> [(String, Double, Double, Int)] {
        try d.manifest.sides.map { side throws(DataError) in
            let areas = s.areas(side: side.id)
            let held = try areas.areaKm2()
            let across = try d.acrossBorder(s).filter { $0.side == side.id }.areaKm2()
            let shapes = try areas.map { a throws(DataError) in try a.geometry }
            let towns = d.gazetteer.settlements.filter { st in
                guard let l = st.location else { return false }
                return shapes.contains { $0.contains(l) }
            }.count
            return (side.id, held, across, towns)
        }
    }
}
