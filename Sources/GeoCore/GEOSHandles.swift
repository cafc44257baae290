internal import CGEOS

/// One GEOS context and the last error GEOS reported on it. A context is not thread-safe: each
/// `GeometryEngine` makes its own, and every geometry made in it keeps it alive.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    private let errors = ErrorBox()

    /// Where GEOS's error callback leaves its message.
    private final class ErrorBox { var message = "" }

    init() {
        handle = GEOS_init_r()
        let box = Unmanaged.passUnretained(errors).toOpaque()
        GEOSContext_setErrorMessageHandler_r(
            handle,
            { message, userdata in
                guard let message, let userdata else { return }
                Unmanaged<ErrorBox>.fromOpaque(userdata).takeUnretainedValue().message = String(cString: message)
            }, box)
    }

    deinit { GEOS_finish_r(handle) }

    /// `what` failed, with GEOS's own reason.
    func error(_ what: String) -> GeometryError {
        .engine("\(what) failed: \(errors.message.isEmpty ? "unknown error" : errors.message)")
    }
}

/// A GEOS geometry owned by Swift: destroyed with its last reference, unless it was handed to a GEOS
/// call that takes ownership (a polygon takes its rings, a collection its members).
final class OwnedGeometry {
    let context: GEOSContext
    private let pointer: OpaquePointer
    private var owned = true

    /// Takes ownership of a GEOS result; nil (GEOS failed) throws GEOS's reason for `what`.
    init(owning result: OpaquePointer?, in context: GEOSContext, what: String) throws(GeometryError) {
        guard let result else { throw context.error(what) }
        self.context = context
        self.pointer = result
    }

    deinit { if owned { GEOSGeom_destroy_r(context.handle, pointer) } }

    /// Runs `body` with the geometry, which stays alive until `body` returns (a pointer read out of
    /// an object may outlive it: Swift ends a lifetime at its last use, not at the end of a
    /// statement). Parts of it that GEOS lends (`GEOSGetGeometryN_r`) are valid as long.
    func with<R, E: Error>(_ body: (OpaquePointer) throws(E) -> R) throws(E) -> R {
        try body(pointer)
    }

    /// The pointer, for a GEOS call that takes ownership of it: GEOS frees it from now on, whether
    /// that call succeeds or not.
    func handOver() -> OpaquePointer {
        owned = false
        return pointer
    }
}

/// A GEOS coordinate sequence owned by Swift until a ring or line takes it.
final class OwnedSequence {
    let context: GEOSContext
    private let pointer: OpaquePointer
    private var owned = true

    /// Copies `points` into a new sequence, read in place as interleaved lon, lat pairs.
    init(lonLat points: [LonLat], in context: GEOSContext) throws(GeometryError) {
        let seq = LonLat.withPairs(points) { pairs in GEOSCoordSeq_copyFromBuffer_r(context.handle, pairs, UInt32(points.count), 0, 0) }
        guard let seq else { throw context.error("coordinate sequence") }
        self.context = context
        self.pointer = seq
    }

    deinit { if owned { GEOSCoordSeq_destroy_r(context.handle, pointer) } }

    /// See `OwnedGeometry.handOver`.
    func handOver() -> OpaquePointer {
        owned = false
        return pointer
    }
}
