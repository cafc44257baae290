internal import CGDAL

/// The transformation from a layer's CRS to WGS84 longitude/latitude, owned: both spatial
/// references and the transformation are freed with it.
final class OGRTransform {
    private let gdal: GDAL
    private let source: GDAL.H
    private let target: GDAL.H
    /// nil when the source is WGS84 longitude/latitude already (nothing to transform).
    let transformation: GDAL.H?
    /// What the provenance records: "EPSG:32636 (WGS 84 / UTM zone 36N)".
    let provenance: String

    /// `given` (a user's --source-crs) wins over the layer's own; with neither, an error.
    init(layerCRS: GDAL.H?, given: String?, gdal: GDAL) throws(OGRError) {
        self.gdal = gdal
        let source: GDAL.H
        if let given {
            guard let s = gdal.newSRS(nil) else { throw OGRError("GDAL cannot make a spatial reference") }
            gdal.errorReset()
            guard gdal.setFromUserInput(s, given) == GDAL.ok else {
                gdal.destroySRS(s)
                throw OGRError("--source-crs '\(given)' is not a CRS GDAL/PROJ knows: \(gdal.lastFailure() ?? "unrecognised")")
            }
            source = s
        } else {
            guard let layerCRS, let s = gdal.cloneSRS(layerCRS) else {
                throw OGRError(
                    "the layer has no CRS (no .prj, no srs_id); give the one it is in with --source-crs, e.g. --source-crs EPSG:32636")
            }
            source = s
        }
        // A .prj holds ESRI WKT without an EPSG code; find it, for the provenance, when it matches one.
        if gdal.authorityCode(source, nil) == nil { _ = gdal.autoIdentifyEPSG(source) }
        gdal.setAxisMappingStrategy(source, GDAL.traditionalOrder)
        guard let target = gdal.newSRS(nil), gdal.setFromUserInput(target, "EPSG:4326") == GDAL.ok else {
            gdal.destroySRS(source)
            throw OGRError("GDAL/PROJ cannot find EPSG:4326 (is proj-data installed?)")
        }
        gdal.setAxisMappingStrategy(target, GDAL.traditionalOrder)
        self.source = source
        self.target = target
        let authority = gdal.authorityName(source, nil).map { String(cString: $0) }
        let code = gdal.authorityCode(source, nil).map { String(cString: $0) }
        let name = gdal.srsName(source).map { String(cString: $0) } ?? "unnamed CRS"
        if let authority, let code { provenance = "\(authority):\(code) (\(name))" } else { provenance = name }
        if authority == "EPSG", code == "4326" {
            transformation = nil
        } else {
            gdal.errorReset()
            guard let t = gdal.newTransformation(source, target) else {
                let why = gdal.lastFailure() ?? "no transformation"
                gdal.destroySRS(source)
                gdal.destroySRS(target)
                throw OGRError("GDAL/PROJ cannot transform \(provenance) to WGS84: \(why)")
            }
            transformation = t
        }
    }

    deinit {
        if let transformation { gdal.destroyTransformation(transformation) }
        gdal.destroySRS(source)
        gdal.destroySRS(target)
    }
}
