internal import CGDAL
import Foundation
import GeoCore
import MapData

/// Any vector source GDAL/OGR reads (GeoPackage, Shapefile, FlatGeobuf, KML/KMZ, GeoJSON, GML, …)
/// as `GeoFeature`s in WGS84 longitude/latitude, so the importers treat it like a GeoJSON file.
///
/// One layer is read: `layer`, or the source's only one. Coordinates are transformed from the
/// layer's CRS (or `sourceCRS`, which must be given when the source has none) with GDAL's PROJ, axis
/// order longitude first whatever the CRS says (OAMS_TRADITIONAL_GIS_ORDER). Curves are linearised;
/// Z and M are dropped. Properties are the layer's fields (dates as YYYY-MM-DD). Errors name the
/// file, the layer and the feature id.
public struct OGRFile: FeatureReader {
    public let file: String
    public let layer: String?
    /// An OGR SQL WHERE clause applied by GDAL before the features are read.
    public let filter: String?
    /// The CRS to assume ("EPSG:32636", a WKT or PROJ string); overrides the source's own.
    public let sourceCRS: String?

    public init(_ path: String, layer: String? = nil, where filter: String? = nil, sourceCRS: String? = nil) {
        file = path; self.layer = layer; self.filter = filter; self.sourceCRS = sourceCRS
    }

    /// What was read, and from where.
    public struct Contents: Sendable {
        public let features: [GeoFeature]
        /// The GDAL driver that read it ("GPKG", "ESRI Shapefile", "LIBKML", …).
        public let driver: String
        public let layer: String
        /// The source CRS as provenance: "EPSG:32636 (WGS 84 / UTM zone 36N)", or its name alone.
        public let crs: String
    }

    public func features(repair: GeometryRepair?) throws(DataError) -> [GeoFeature] { try read(repair: repair).features }

    /// Reads the layer. With `repair`, invalid polygons are repaired with a warning (or refused when it is strict).
    public func read(repair: GeometryRepair?) throws(DataError) -> Contents {
        try checkOnDisk()
        let gdal: GDAL
        do { gdal = try GDAL.library() } catch { throw DataError(file: file, message: error.message) }
        // GDAL's messages become our one-line errors instead of going to stderr. Per thread, and
        // everything below runs on this one.
        gdal.pushErrorHandler(gdal.quietErrorHandler)
        defer { gdal.popErrorHandler() }
        gdal.errorReset()
        guard let ds = gdal.openEx(file, GDAL.vectorReadOnly, nil, nil, nil) else {
            throw DataError(file: file, message: "GDAL cannot read it: \(gdal.lastFailure() ?? "not a vector format GDAL knows")")
        }
        defer { gdal.close(ds) }
        let driver = gdal.driverShortName(gdal.datasetDriver(ds)).map { String(cString: $0) } ?? "?"
        try checkSidecars(driver: driver)
        let handle = try pickLayer(ds, gdal)
        let name = gdal.layerName(handle).map { String(cString: $0) } ?? "?"
        let at = "layer \(name)"
        if let filter {
            gdal.errorReset()
            guard gdal.layerSetAttributeFilter(handle, filter) == GDAL.ok else {
                throw DataError(
                    file: file, place: at, message: "--where '\(filter)': \(gdal.lastFailure() ?? "not a valid OGR SQL WHERE clause")")
            }
        }
        let crs: OGRTransform
        do { crs = try OGRTransform(layerCRS: gdal.layerSpatialRef(handle), given: sourceCRS, gdal: gdal) } catch {
            throw DataError(file: file, place: at, message: error.message)
        }
        let geometry = OGRGeometryReader(gdal: gdal, transform: crs)
        var out: [GeoFeature] = []
        var vertices = 0
        gdal.layerResetReading(handle)
        gdal.errorReset()
        while let f = gdal.layerNextFeature(handle) {
            defer { gdal.featureDestroy(f) }
            let fid = gdal.featureFID(f)
            let place = "\(at), feature \(fid)"
            var read: GeoGeometry?
            do { read = try geometry.read(gdal.featureGeometry(f), vertices: &vertices) } catch {
                throw DataError(file: file, place: place, message: error.message)
            }
            if vertices > Limits.maxVertices { throw Limits.tooManyVertices(vertices).in(file: file) }
            if let repair, let areal = read?.multiPolygon, read?.isAreal == true {
                let fixed = try repair.checked(areal, notes: [], file: file, place: place)
                if fixed != areal { read = .multiPolygon(fixed) }
            }
            out.append(
                GeoFeature(
                    index: out.count, id: fid >= 0 ? String(fid) : nil, geometry: read, properties: OGRFields.properties(f, gdal),
                    place: place))
            gdal.errorReset()
        }
        // GetNextFeature returns nil at the end and on a read error (a truncated file): tell them apart.
        if let failure = gdal.lastFailure() {
            // Some drivers (GeoPackage) check a --where only when the first feature is read.
            let filtered = filter.map { " (with --where '\($0)')" } ?? ""
            throw DataError(file: file, place: "\(at), after \(out.count) features", message: "GDAL cannot read on\(filtered): \(failure)")
        }
        return Contents(features: out, driver: driver, layer: name, crs: crs.provenance)
    }

    /// A path on disk, as the user named it: GDAL's virtual file systems (/vsicurl/ would download)
    /// and connection strings are not inputs here.
    private func checkOnDisk() throws(DataError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else {
            throw DataError(file: file, message: "no such file")
        }
        if isFolder.boolValue { throw DataError(file: file, message: "is a folder; name the file (a .shp, .gpkg, …)") }
    }

    /// GDAL opens a shapefile whose .dbf is missing as geometry without attributes, which would
    /// import every feature with no date and no side: refuse it, naming the missing file.
    private func checkSidecars(driver: String) throws(DataError) {
        guard driver == "ESRI Shapefile", file.lowercased().hasSuffix(".shp") else { return }
        let stem = String(file.dropLast(4))
        let manager = FileManager.default
        guard manager.fileExists(atPath: stem + ".dbf") || manager.fileExists(atPath: stem + ".DBF") else {
            throw DataError(
                file: file, message: "the shapefile has no \((stem as NSString).lastPathComponent).dbf beside it (its attributes)")
        }
    }

    private func pickLayer(_ ds: GDAL.H, _ gdal: GDAL) throws(DataError) -> GDAL.H {
        let count = gdal.layerCount(ds)
        let names = (0..<count).map { gdal.layerName(gdal.layerAt(ds, $0)).map { String(cString: $0) } ?? "?" }
        if let layer {
            guard let h = gdal.layerNamed(ds, layer) else {
                throw DataError(file: file, message: "no layer '\(layer)'; its layers: \(names.joined(separator: ", "))")
            }
            return h
        }
        guard count == 1, let h = gdal.layerAt(ds, 0) else {
            if count == 0 { throw DataError(file: file, message: "has no vector layer") }
            throw DataError(file: file, message: "has \(count) layers (\(names.joined(separator: ", "))); pick one with --layer NAME")
        }
        return h
    }
}

extension GeoGeometry {
    /// Whether every part is a polygon: only then does repairing the areal part keep everything.
    var isAreal: Bool {
        switch self {
        case .polygon, .multiPolygon: return true
        default: return false
        }
    }
}
