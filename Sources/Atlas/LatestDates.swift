import GeoCore

extension Array {
    /// Drops the entries of the earliest dates until `count` are left: a per-snapshot cache keeps the
    /// latest snapshots shown, whatever order they were added in.
    ///
    /// Why not first in, first out: a worker's run starting mid-sequence measures its first snapshot,
    /// then the one before (what the change is measured from); first in, first out then dropped the
    /// first one on the next frame, when it is the snapshot before again, and every later frame of
    /// the run missed its snapshot before (two workers built twice the page paths of one).
    mutating func keepLatest(_ count: Int, date: (Element) -> Day) {
        while self.count > count, let earliest = indices.min(by: { date(self[$0]) < date(self[$1]) }) {
            remove(at: earliest)
        }
    }
}
