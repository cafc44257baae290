internal import CGDAL

#if canImport(Glibc)
    import Glibc
#endif

/// The GDAL/OGR C functions the importers use, from libgdal opened at run time.
///
/// Why not linked: SwiftPM links every target of the `frontline` product into one binary, and a
/// binary linked with libgdal loads it, and its ~120 dependencies (HDF, NetCDF, Poppler, Xerces,
/// libkml, …), at the start of every process, `render` and `frames` included. Opened here, on the
/// first `import ogr`, GDAL costs nothing to any other command (the same reason PROJ is opened on
/// demand in CRSProjection.swift). Handles are plain pointers in this table: GDAL's are `void *`.
struct GDAL: Sendable {
    typealias H = UnsafeMutableRawPointer
    typealias CString = UnsafePointer<CChar>
    typealias CStringList = UnsafePointer<CString?>

    let allRegister: @convention(c) () -> Void
    let setConfigOption: @convention(c) (CString?, CString?) -> Void
    let errorReset: @convention(c) () -> Void
    let lastErrorType: @convention(c) () -> CPLErr
    let lastErrorMessage: @convention(c) () -> CString?
    let pushErrorHandler: @convention(c) (CPLErrorHandler?) -> Void
    let popErrorHandler: @convention(c) () -> Void
    let quietErrorHandler: CPLErrorHandler

    let openEx: @convention(c) (CString?, UInt32, CStringList?, CStringList?, CStringList?) -> H?
    let close: @convention(c) (H?) -> Void
    let datasetDriver: @convention(c) (H?) -> H?
    let driverShortName: @convention(c) (H?) -> CString?
    let layerCount: @convention(c) (H?) -> Int32
    let layerAt: @convention(c) (H?, Int32) -> H?
    let layerNamed: @convention(c) (H?, CString?) -> H?

    let layerName: @convention(c) (H?) -> CString?
    let layerSpatialRef: @convention(c) (H?) -> H?
    let layerSetAttributeFilter: @convention(c) (H?, CString?) -> OGRErr
    let layerResetReading: @convention(c) (H?) -> Void
    let layerNextFeature: @convention(c) (H?) -> H?

    let featureDestroy: @convention(c) (H?) -> Void
    let featureFID: @convention(c) (H?) -> Int64
    let featureGeometry: @convention(c) (H?) -> H?
    let featureFieldCount: @convention(c) (H?) -> Int32
    let featureFieldDefn: @convention(c) (H?, Int32) -> H?
    let featureFieldIsSet: @convention(c) (H?, Int32) -> Int32
    let featureFieldString: @convention(c) (H?, Int32) -> CString?
    let featureFieldDouble: @convention(c) (H?, Int32) -> Double
    let featureFieldInt64: @convention(c) (H?, Int32) -> Int64
    typealias DateTime =
        @convention(c) (
            H?, Int32, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?,
            UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Float>?, UnsafeMutablePointer<Int32>?
        ) -> Int32
    let featureFieldDateTime: DateTime
    let fieldName: @convention(c) (H?) -> CString?
    let fieldType: @convention(c) (H?) -> OGRFieldType

    let geometryType: @convention(c) (H?) -> OGRwkbGeometryType
    let flatten: @convention(c) (OGRwkbGeometryType) -> OGRwkbGeometryType
    let isNonLinear: @convention(c) (OGRwkbGeometryType) -> Int32
    let linearGeometry: @convention(c) (H?, Double, CStringList?) -> H?
    let isEmpty: @convention(c) (H?) -> Int32
    let geometryCount: @convention(c) (H?) -> Int32
    let geometryAt: @convention(c) (H?, Int32) -> H?
    let pointCount: @convention(c) (H?) -> Int32
    let x: @convention(c) (H?, Int32) -> Double
    let y: @convention(c) (H?, Int32) -> Double
    let clone: @convention(c) (H?) -> H?
    let transform: @convention(c) (H?, H?) -> OGRErr
    let destroyGeometry: @convention(c) (H?) -> Void

    let newSRS: @convention(c) (CString?) -> H?
    let cloneSRS: @convention(c) (H?) -> H?
    let setFromUserInput: @convention(c) (H?, CString?) -> OGRErr
    let setAxisMappingStrategy: @convention(c) (H?, OSRAxisMappingStrategy) -> Void
    let autoIdentifyEPSG: @convention(c) (H?) -> OGRErr
    let authorityName: @convention(c) (H?, CString?) -> CString?
    let authorityCode: @convention(c) (H?, CString?) -> CString?
    let srsName: @convention(c) (H?) -> CString?
    let isGeographic: @convention(c) (H?) -> Int32
    let destroySRS: @convention(c) (H?) -> Void
    let newTransformation: @convention(c) (H?, H?) -> H?
    let destroyTransformation: @convention(c) (H?) -> Void

    /// The Debian bookworm soname (GDAL 3.6) first, then the development link.
    static let names = ["libgdal.so.32", "libgdal.so"]
    private static let loaded: Result<GDAL, OGRError> = load()

    /// The table, loading and registering the drivers once per process.
    static func library() throws(OGRError) -> GDAL { try loaded.get() }

    private static func load() -> Result<GDAL, OGRError> {
        guard let handle = names.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else {
            return .failure(
                OGRError(
                    "import ogr needs GDAL, and libgdal cannot be opened (\(names.joined(separator: ", "))): apt-get install libgdal32"))
        }
        func f<T>(_ name: String, _: T.Type = T.self) throws(OGRError) -> T {
            guard let p = dlsym(handle, name) else { throw OGRError("libgdal has no \(name)") }
            return unsafeBitCast(p, to: T.self)
        }
        do {
            let g = GDAL(
                allRegister: try f("GDALAllRegister"), setConfigOption: try f("CPLSetConfigOption"),
                errorReset: try f("CPLErrorReset"), lastErrorType: try f("CPLGetLastErrorType"),
                lastErrorMessage: try f("CPLGetLastErrorMsg"), pushErrorHandler: try f("CPLPushErrorHandler"),
                popErrorHandler: try f("CPLPopErrorHandler"), quietErrorHandler: try f("CPLQuietErrorHandler"),
                openEx: try f("GDALOpenEx"), close: try f("GDALClose"), datasetDriver: try f("GDALGetDatasetDriver"),
                driverShortName: try f("GDALGetDriverShortName"), layerCount: try f("GDALDatasetGetLayerCount"),
                layerAt: try f("GDALDatasetGetLayer"), layerNamed: try f("GDALDatasetGetLayerByName"),
                layerName: try f("OGR_L_GetName"), layerSpatialRef: try f("OGR_L_GetSpatialRef"),
                layerSetAttributeFilter: try f("OGR_L_SetAttributeFilter"), layerResetReading: try f("OGR_L_ResetReading"),
                layerNextFeature: try f("OGR_L_GetNextFeature"),
                featureDestroy: try f("OGR_F_Destroy"), featureFID: try f("OGR_F_GetFID"),
                featureGeometry: try f("OGR_F_GetGeometryRef"), featureFieldCount: try f("OGR_F_GetFieldCount"),
                featureFieldDefn: try f("OGR_F_GetFieldDefnRef"), featureFieldIsSet: try f("OGR_F_IsFieldSetAndNotNull"),
                featureFieldString: try f("OGR_F_GetFieldAsString"), featureFieldDouble: try f("OGR_F_GetFieldAsDouble"),
                featureFieldInt64: try f("OGR_F_GetFieldAsInteger64"), featureFieldDateTime: try f("OGR_F_GetFieldAsDateTimeEx"),
                fieldName: try f("OGR_Fld_GetNameRef"), fieldType: try f("OGR_Fld_GetType"),
                geometryType: try f("OGR_G_GetGeometryType"), flatten: try f("OGR_GT_Flatten"),
                isNonLinear: try f("OGR_GT_IsNonLinear"), linearGeometry: try f("OGR_G_GetLinearGeometry"),
                isEmpty: try f("OGR_G_IsEmpty"), geometryCount: try f("OGR_G_GetGeometryCount"),
                geometryAt: try f("OGR_G_GetGeometryRef"), pointCount: try f("OGR_G_GetPointCount"),
                x: try f("OGR_G_GetX"), y: try f("OGR_G_GetY"), clone: try f("OGR_G_Clone"),
                transform: try f("OGR_G_Transform"), destroyGeometry: try f("OGR_G_DestroyGeometry"),
                newSRS: try f("OSRNewSpatialReference"), cloneSRS: try f("OSRClone"),
                setFromUserInput: try f("OSRSetFromUserInput"), setAxisMappingStrategy: try f("OSRSetAxisMappingStrategy"),
                autoIdentifyEPSG: try f("OSRAutoIdentifyEPSG"), authorityName: try f("OSRGetAuthorityName"),
                authorityCode: try f("OSRGetAuthorityCode"), srsName: try f("OSRGetName"), isGeographic: try f("OSRIsGeographic"),
                destroySRS: try f("OSRDestroySpatialReference"), newTransformation: try f("OCTNewCoordinateTransformation"),
                destroyTransformation: try f("OCTDestroyCoordinateTransformation"))
            // No network: PROJ grids and remote files are never fetched (same inputs, same output).
            g.setConfigOption("PROJ_NETWORK", "OFF")
            g.setConfigOption("GDAL_HTTP_MAX_RETRY", "0")
            g.allRegister()
            return .success(g)
        } catch {
            return .failure(error)
        }
    }

    /// GDAL's last error message since `errorReset`, or nil when there was none at failure level.
    func lastFailure() -> String? {
        guard lastErrorType().rawValue >= CE_Failure.rawValue else { return nil }
        return lastErrorMessage().map { String(cString: $0) }
    }

    static let vectorReadOnly = UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR)
    static let traditionalOrder = OAMS_TRADITIONAL_GIS_ORDER
    static let ok = OGRERR_NONE
}

/// A failure inside GDAL, before a file and place are known.
struct OGRError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
