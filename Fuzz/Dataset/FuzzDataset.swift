import GeoCore
import MapData

/// libFuzzer entry for a whole data folder: the input is files separated by NUL bytes, each file's
/// first byte choosing its name among a data folder's (so mutations move content between files
/// rather than invent paths). The folder is loaded whole and for one date, checked for consistency and
/// validated as `frontline validate` does. Any input must load or fail with a DataError naming its
/// file; a trap, crash or hang is a bug.
let names = [
    "dataset.json", "control/2024-01-01.geojson", "control/2024-02-01.geojson", "control/extra.geojson", "settlements.geojson",
    "events.geojson", "basemap/territories.geojson", "basemap/border.geojson", "layers/outline.geojson", "basemap/inset-coast.geojson",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDataset(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var files: [String: [UInt8]] = [:]
    for chunk in bytes.split(separator: 0, omittingEmptySubsequences: true) {
        files[names[Int(chunk[chunk.startIndex]) % names.count]] = Array(chunk.dropFirst())
    }
    let access = MemoryFolder(files: files)
    var needs: [SnapshotNeeds] = [.all]
    if let day = try? Day(parsing: "2024-01-15") { needs.append(.around([day])) }
    for need in needs {
        do {
            let dataset = try GeoJSONFolder(name: "fuzz", files: access).dataset(need)
            try dataset.checkConsistency()
            if need == .all { _ = try dataset.timeline.snapshots() }
            _ = DatasetValidator().problems(in: dataset, engine: GeometryEngine())
        } catch {
            // Every step throws DataError (typed throws), which must name its file.
            precondition(error.file != nil, "error without its file: \(error)")
        }
    }
    return 0
}

/// The fuzzer's files as a data folder.
struct MemoryFolder: FolderFiles {
    let files: [String: [UInt8]]
    func read(_ path: String) throws(DataError) -> [UInt8]? { files[path] }
    func list(_ path: String) throws(DataError) -> [String] {
        files.keys.filter { $0.hasPrefix(path + "/") }.map { String($0.dropFirst(path.count + 1)) }.sorted()
    }
}
