internal import CProj
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A map projection given by a CRS code ("EPSG:3035"), through PROJ: degrees in, the CRS's own plane
/// units out (metres, or degrees for a geographic CRS), axis order normalised to east, north.
/// PROJ handles never leave this file.
///
/// A PROJ transformation is not thread-safe, so its use is serialised by a mutex; each rendering
/// worker makes its own projection anyway, so the lock is not contended.
///
/// libproj is opened on first use (`PROJ`), not linked: loading it pulls in 34 more libraries
/// (curl, GnuTLS, Kerberos, LDAP, SQLite, TIFF), ~16 ms at the start of every process, and only
/// `--crs` needs it.
public final class CRSProjection: Sendable {
    public let code: String
    /// Where the CRS is meant to be used (PROJ's database), in degrees; nil when PROJ does not say
    /// or the area crosses the antimeridian.
    public let areaOfUse: BBox?
    private let handle: Mutex<Handle>

    private final class LogBox { var last = "" }

    /// Owns a PROJ context and the transformation from WGS84 longitude/latitude to `code`.
    private final class Handle {
        let ctx: OpaquePointer
        let pj: OpaquePointer
        init(ctx: OpaquePointer, pj: OpaquePointer, proj: PROJ) { self.ctx = ctx; self.pj = pj; self.proj = proj }
        let proj: PROJ
        deinit {
            _ = proj.destroy(pj)
            _ = proj.contextDestroy(ctx)
        }
    }

    /// Fails with PROJ's own message when the code is unknown or has no projection to it.
    public init(_ code: String) throws(GeometryError) {
        // AUTHORITY:CODE only: PROJ would also take a name and guess ("foo" finds Amersfoort).
        let parts = code.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy(\.isLetter), !parts[1].isEmpty, parts[1].allSatisfy(\.isNumber)
        else { throw .engine("'\(code)' is not an AUTHORITY:CODE such as EPSG:3035") }
        let proj = try PROJ.library()
        guard let ctx = proj.contextCreate() else { throw .engine("PROJ: cannot create a context") }
        // No network grids: same inputs, same output, on any machine.
        _ = proj.setEnableNetwork(ctx, 0)
        // PROJ logs its errors to stderr; keep the last one for our own error message instead.
        let log = LogBox()
        proj.logFunc(
            ctx, Unmanaged.passUnretained(log).toOpaque(),
            { userdata, _, message in
                guard let userdata, let message else { return }
                Unmanaged<LogBox>.fromOpaque(userdata).takeUnretainedValue().last = String(cString: message)
            })
        // A CRS by its code only: proj_create_crs_to_crs would also take a name it can search for.
        let target = proj.create(ctx, code)
        let isCRS = target.map { proj.isCRS($0) != 0 } ?? false
        // Heights or an Earth-centred frame: there is no map plane to draw in.
        let type = target.map { proj.getType($0) }
        var w = -1000.0, s = -1000.0, e = -1000.0, n = -1000.0
        let hasArea = target.map { proj.getAreaOfUse(ctx, $0, &w, &s, &e, &n, nil) != 0 } ?? false
        if let target { _ = proj.destroy(target) }
        if let type, type == PJ_TYPE_VERTICAL_CRS || type == PJ_TYPE_GEOCENTRIC_CRS {
            proj.logFunc(ctx, nil, { _, _, _ in })
            _ = proj.contextDestroy(ctx)
            let what =
                type == PJ_TYPE_VERTICAL_CRS
                ? "a vertical CRS (heights above a datum)" : "a geocentric CRS (x, y, z from the Earth's centre)"
            throw .engine("'\(code)' is \(what): it has no map plane to draw in")
        }
        areaOfUse = hasArea && w > -1000 && w < e ? try? BBox(west: w, south: s, east: e, north: n) : nil
        let created = isCRS ? proj.createCRSToCRS(ctx, "EPSG:4326", code, nil) : nil
        proj.logFunc(ctx, nil, { _, _, _ in })
        guard let raw = created else {
            _ = proj.contextDestroy(ctx)
            throw .engine("PROJ cannot use CRS '\(code)': \(log.last.isEmpty ? "unknown or not a projection" : log.last)")
        }
        let pj = proj.normalizeForVisualization(ctx, raw)
        _ = proj.destroy(raw)
        guard let pj else {
            _ = proj.contextDestroy(ctx)
            throw .engine("PROJ cannot normalise the axis order of '\(code)'")
        }
        self.code = code
        handle = Mutex(Handle(ctx: ctx, pj: pj, proj: proj))
    }

    /// Plane coordinates of a position (infinite when PROJ cannot project it).
    public func forward(lon: Double, lat: Double) -> (x: Double, y: Double) {
        handle.withLock { h in
            var position = PJ_COORD()
            position.v = (lon, lat, 0, 0)
            let c = h.proj.trans(h.pj, PJ_FWD, position)
            return (c.xy.x, c.xy.y)
        }
    }

    /// The position at plane coordinates (x, y).
    public func inverse(x: Double, y: Double) -> (lon: Double, lat: Double) {
        handle.withLock { h in
            var position = PJ_COORD()
            position.v = (x, y, 0, 0)
            let c = h.proj.trans(h.pj, PJ_INV, position)
            return (c.lp.lam, c.lp.phi)
        }
    }
}

/// The PROJ functions Frontline uses, from libproj opened at run time (see `CRSProjection`).
struct PROJ: Sendable {
    typealias Log = @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?) -> Void
    let contextCreate: @convention(c) () -> OpaquePointer?
    let contextDestroy: @convention(c) (OpaquePointer?) -> OpaquePointer?
    let setEnableNetwork: @convention(c) (OpaquePointer?, Int32) -> Int32
    let logFunc: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?, Log?) -> Void
    let create: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?
    let isCRS: @convention(c) (OpaquePointer?) -> Int32
    let destroy: @convention(c) (OpaquePointer?) -> OpaquePointer?
    let createCRSToCRS: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, OpaquePointer?) -> OpaquePointer?
    let normalizeForVisualization: @convention(c) (OpaquePointer?, OpaquePointer?) -> OpaquePointer?
    let trans: @convention(c) (OpaquePointer?, PJ_DIRECTION, PJ_COORD) -> PJ_COORD
    let getType: @convention(c) (OpaquePointer?) -> PJ_TYPE
    typealias AreaOfUse =
        @convention(c) (
            OpaquePointer?, OpaquePointer?, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Double>?,
            UnsafeMutablePointer<Double>?, UnsafeMutablePointer<UnsafePointer<CChar>?>?
        ) -> Int32
    let getAreaOfUse: AreaOfUse

    /// The Debian bookworm soname first, then the development link.
    static let names = ["libproj.so.25", "libproj.so"]
    private static let loaded: Result<PROJ, GeometryError> = load()

    static func library() throws(GeometryError) -> PROJ { try loaded.get() }

    private static func load() -> Result<PROJ, GeometryError> {
        guard let handle = names.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else {
            return .failure(
                .engine("--crs needs PROJ, and libproj cannot be opened (\(names.joined(separator: ", "))): apt-get install libproj25"))
        }
        func symbol<T>(_ name: String, as _: T.Type) throws(GeometryError) -> T {
            guard let p = dlsym(handle, name) else { throw .engine("libproj has no \(name)") }
            return unsafeBitCast(p, to: T.self)
        }
        do {
            return .success(
                PROJ(
                    contextCreate: try symbol("proj_context_create", as: (@convention(c) () -> OpaquePointer?).self),
                    contextDestroy: try symbol("proj_context_destroy", as: (@convention(c) (OpaquePointer?) -> OpaquePointer?).self),
                    setEnableNetwork: try symbol(
                        "proj_context_set_enable_network", as: (@convention(c) (OpaquePointer?, Int32) -> Int32).self),
                    logFunc: try symbol(
                        "proj_log_func", as: (@convention(c) (OpaquePointer?, UnsafeMutableRawPointer?, Log?) -> Void).self),
                    create: try symbol("proj_create", as: (@convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?).self),
                    isCRS: try symbol("proj_is_crs", as: (@convention(c) (OpaquePointer?) -> Int32).self),
                    destroy: try symbol("proj_destroy", as: (@convention(c) (OpaquePointer?) -> OpaquePointer?).self),
                    createCRSToCRS: try symbol(
                        "proj_create_crs_to_crs",
                        as: (@convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, OpaquePointer?) -> OpaquePointer?)
                            .self),
                    normalizeForVisualization: try symbol(
                        "proj_normalize_for_visualization", as: (@convention(c) (OpaquePointer?, OpaquePointer?) -> OpaquePointer?).self),
                    trans: try symbol("proj_trans", as: (@convention(c) (OpaquePointer?, PJ_DIRECTION, PJ_COORD) -> PJ_COORD).self),
                    getType: try symbol("proj_get_type", as: (@convention(c) (OpaquePointer?) -> PJ_TYPE).self),
                    getAreaOfUse: try symbol("proj_get_area_of_use", as: AreaOfUse.self)))
        } catch {
            return .failure(error)
        }
    }
}
