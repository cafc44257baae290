import Foundation
import MapData

/// Loading a data folder through its data source (outputs go through `OutputWriter`).
enum Disk {
    /// Loads a data folder through its data source, with the control snapshots `needs` names;
    /// invalid polygons are repaired with a warning on stderr, or refused when `strict`.
    /// `warnings`, when given, receives the warnings instead of stderr.
    ///
    /// The data set's consistency rules (`Dataset.checkConsistency`) are checked here, for every
    /// command that draws or counts, so nothing is drawn that `validate` would refuse; `validate`
    /// itself passes `checked: false` to list every problem rather than stop at the first.
    static func loadDataset(
        _ path: String, strict: Bool = false, needs: SnapshotNeeds = .all, checked: Bool = true,
        warnings: ((DataError) -> Void)? = nil
    ) throws -> Dataset {
        let source = try GeoJSONFolder(path, strict: strict)
        let dataset = try source.dataset(needs)
        if checked {
            do throws(DataError) { try dataset.checkConsistency() } catch { throw located(error, in: path) }
        }
        if let warnings { source.warnings.forEach(warnings) } else { warn(source.warnings) }
        return dataset
    }

    /// A consistency error with its file named under the folder the user gave (the data source
    /// names its own reading errors so).
    static func located(_ e: DataError, in path: String) -> DataError {
        var e = e
        if let f = e.file, !f.hasPrefix("/"), f != path, !f.hasPrefix(path + "/") { e.file = (path as NSString).appendingPathComponent(f) }
        return e
    }

    /// Warnings go to stderr, one line each.
    static func warn(_ warnings: [DataError]) {
        for w in warnings { Terminal.error("warning: \(w)") }
    }
}
