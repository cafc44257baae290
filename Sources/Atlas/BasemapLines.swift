import GeoCore
import MapData

/// The basemap's lines by what they are, found once per sequence: state borders (edges two
/// territories share), coasts (a territory's edge that is neither shared nor on the region's own
/// outline: sea and lake shores) and every territory edge, which the front line keeps clear of.
/// Without territories, the basemap's border file is the border and nothing is coast. Edges are
/// matched by exact overlay (territories polygonized from one line set share their vertices):
/// buffering whole outlines cost ~100 ms a process on Kursk.
struct BasemapLines {
    var borders: [LineString] = []
    var coasts: [LineString] = []
    var territoryEdges: [LineString] = []

    /// Two outlines closer than this (degrees, ≈ 0.1 m) are the same edge.
    static let sameEdge = 1e-6

    init(_ dataset: Dataset, engine: GeometryEngine) throws {
        let territories = dataset.territories.territories
        let regionEdge = try LineString(dataset.manifest.region.polygon.outer.points)
        guard !territories.isEmpty else {
            borders = dataset.border.lineStrings
            territoryEdges = borders
            return
        }
        let outlines = try territories.map { try engine.boundary($0.geometry) }
        territoryEdges = outlines.flatMap { $0 }
        let boxes = territories.map { BBox(covering: $0.geometry.polygons.flatMap(\.outer.points)) }
        if dataset.manifest.bordersFromFile {
            // The folder says its border file is the border (`frontline init`'s shared country borders).
            borders = dataset.border.lineStrings
        } else if territories.count >= 2 {
            borders = try Self.sharedEdges(outlines, boxes: boxes, engine: engine)
            // The region's own outline is not a border.
            borders = try engine.lines(borders, fartherThan: Self.sameEdge, from: [regionEdge])
        } else {
            borders = dataset.border.lineStrings
        }
        // Most basemaps have no coast in their region (Kursk): skip the overlays unless some edge is
        // neither shared by two territories nor on the region's outline (a hash of segments, O(n)).
        guard Self.mayHaveCoast(outlines, region: dataset.manifest.region) else { return }
        // Edges shared with another territory, and the region's outline, drop out segment by segment
        // (exact: shared vertices, or both ends on one side of the region's box); only what is left is
        // overlaid with the border file's lines. Overlaying each whole outline with all the others was
        // ~200 ms of every sequence on a national basemap.
        let region = dataset.manifest.region
        for i in territories.indices {
            let others = SegmentSet(outlines.indices.filter { $0 != i }.flatMap { outlines[$0] })
            let rest = try others.runs(of: outlines[i], keep: false).flatMap { try Self.offRegionEdge($0, region) }
            let shore = try engine.lines(rest, apartFrom: dataset.border.lineStrings)
            // Slivers where a border meets the region's edge are no coast.
            coasts += shore.filter { $0.lengthDegrees > 1e-3 }
        }
    }
}

extension BasemapLines {
    /// The edges that two of the outlines share (see `shared`), pairs whose boxes do not meet skipped.
    static func sharedEdges(_ outlines: [[LineString]], boxes: [BBox?], engine: GeometryEngine) throws -> [LineString] {
        var shared: [LineString] = []
        for i in outlines.indices {
            for j in outlines.indices where j > i {
                guard let a = boxes[i], let b = boxes[j], a.grown(by: 1e-4).intersects(b) else { continue }
                shared += try Self.shared(outlines[i], outlines[j], engine)
            }
        }
        return shared
    }

    /// The boundaries between regions (edges two regions share); their outer edges are state borders
    /// or coasts, drawn as such.
    static func regionBoundaries(_ regions: [(name: String, geometry: MultiPolygon)], engine: GeometryEngine) throws -> [LineString] {
        let outlines = try regions.map { try engine.boundary($0.geometry) }
        let boxes = regions.map { BBox(covering: $0.geometry.polygons.flatMap(\.outer.points)) }
        return try sharedEdges(outlines, boxes: boxes, engine: engine)
    }

    /// The edges two outlines share: by segment hash when they share vertices (polygonized
    /// territories do; the overlay of two outlines that coincide along a border was ~60 ms of a
    /// one-date render), else by exact overlay, which also finds overlaps that meet mid-segment.
    static func shared(_ a: [LineString], _ b: [LineString], _ engine: GeometryEngine) throws -> [LineString] {
        let hashed = try engine.lines(a, sharingVerticesWith: b)
        return hashed.isEmpty ? try engine.lines(a, sharedWith: b) : hashed
    }

    /// The runs of `line` that do not lie along a side of the region's box.
    static func offRegionEdge(_ line: LineString, _ region: BBox) throws -> [LineString] {
        func along(_ p: LonLat, _ q: LonLat) -> Bool {
            (p.lon == region.west && q.lon == region.west) || (p.lon == region.east && q.lon == region.east)
                || (p.lat == region.south && q.lat == region.south) || (p.lat == region.north && q.lat == region.north)
        }
        var out: [LineString] = [], run: [LonLat] = []
        for (p, q) in zip(line.points, line.points.dropFirst()) where p != q {
            if !along(p, q) {
                if run.isEmpty { run.append(p) }
                run.append(q)
            } else if !run.isEmpty {
                out.append(try LineString(run))
                run = []
            }
        }
        if !run.isEmpty { out.append(try LineString(run)) }
        return out
    }

    /// Whether some segment of the outlines is used by one outline only and does not lie along the
    /// region's outline: a candidate coast. Exact (shared vertices), so false only when there is none.
    static func mayHaveCoast(_ outlines: [[LineString]], region: BBox) -> Bool {
        func onRegionEdge(_ a: LonLat, _ b: LonLat) -> Bool {
            (a.lon == region.west && b.lon == region.west) || (a.lon == region.east && b.lon == region.east)
                || (a.lat == region.south && b.lat == region.south) || (a.lat == region.north && b.lat == region.north)
        }
        let uses = EdgeTable(lines: outlines.flatMap { $0.map(\.points) })
        return uses.edges { $0 == 1 }.contains { !onRegionEdge($0.0, $0.1) }
    }
}

extension LineString {
    /// Length in degrees of arc on the plane (a size test, not a measure).
    var lengthDegrees: Double {
        zip(points, points.dropFirst()).reduce(0) { $0 + hypot($1.1.lon - $1.0.lon, $1.1.lat - $1.0.lat) }
    }
}

extension BBox {
    func grown(by d: Double) -> BBox {
        (try? BBox(west: west - d, south: south - d, east: east + d, north: north + d)) ?? self
    }
}

#if canImport(Glibc)
    import Glibc
#endif
