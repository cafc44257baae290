internal import CProj
import Synchronization

/// A map projection given by a CRS code ("EPSG:3035"), through PROJ: degrees in, the CRS's own plane
/// units out (metres, or degrees for a geographic CRS), axis order normalised to east, north.
/// PROJ handles never leave this file.
///
/// A PROJ transformation is not thread-safe, so its use is serialised by a mutex; each rendering
/// worker makes its own projection anyway, so the lock is not contended.
public final class CRSProjection: Sendable {
    public let code: String
    private let handle: Mutex<Handle>

    private final class LogBox { var last = "" }

    /// Owns a PROJ context and the transformation from WGS84 longitude/latitude to `code`.
    private final class Handle {
        let ctx: OpaquePointer
        let pj: OpaquePointer
        init(ctx: OpaquePointer, pj: OpaquePointer) { self.ctx = ctx; self.pj = pj }
        deinit {
            proj_destroy(pj)
            proj_context_destroy(ctx)
        }
    }

    /// Fails with PROJ's own message when the code is unknown or has no projection to it.
    public init(_ code: String) throws(GeometryError) {
        // AUTHORITY:CODE only: PROJ would also take a name and guess ("foo" finds Amersfoort).
        let parts = code.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy(\.isLetter), !parts[1].isEmpty, parts[1].allSatisfy(\.isNumber)
        else { throw .engine("'\(code)' is not an AUTHORITY:CODE such as EPSG:3035") }
        guard let ctx = proj_context_create() else { throw .engine("PROJ: cannot create a context") }
        // No network grids: same inputs, same output, on any machine.
        proj_context_set_enable_network(ctx, 0)
        // PROJ logs its errors to stderr; keep the last one for our own error message instead.
        let log = LogBox()
        proj_log_func(
            ctx, Unmanaged.passUnretained(log).toOpaque(),
            { userdata, _, message in
                guard let userdata, let message else { return }
                Unmanaged<LogBox>.fromOpaque(userdata).takeUnretainedValue().last = String(cString: message)
            })
        // A CRS by its code only: proj_create_crs_to_crs would also take a name it can search for.
        let target = proj_create(ctx, code)
        let isCRS = target.map { proj_is_crs($0) != 0 } ?? false
        if let target { proj_destroy(target) }
        let created = isCRS ? proj_create_crs_to_crs(ctx, "EPSG:4326", code, nil) : nil
        proj_log_func(ctx, nil, { _, _, _ in })
        guard let raw = created else {
            proj_context_destroy(ctx)
            throw .engine("PROJ cannot use CRS '\(code)': \(log.last.isEmpty ? "unknown or not a projection" : log.last)")
        }
        let pj = proj_normalize_for_visualization(ctx, raw)
        proj_destroy(raw)
        guard let pj else {
            proj_context_destroy(ctx)
            throw .engine("PROJ cannot normalise the axis order of '\(code)'")
        }
        self.code = code
        handle = Mutex(Handle(ctx: ctx, pj: pj))
    }

    /// Plane coordinates of a position (infinite when PROJ cannot project it).
    public func forward(lon: Double, lat: Double) -> (x: Double, y: Double) {
        handle.withLock { h in
            let c = proj_trans(h.pj, PJ_FWD, proj_coord(lon, lat, 0, 0))
            return (c.xy.x, c.xy.y)
        }
    }

    /// The position at plane coordinates (x, y).
    public func inverse(x: Double, y: Double) -> (lon: Double, lat: Double) {
        handle.withLock { h in
            let c = proj_trans(h.pj, PJ_INV, proj_coord(x, y, 0, 0))
            return (c.lp.lam, c.lp.phi)
        }
    }
}
