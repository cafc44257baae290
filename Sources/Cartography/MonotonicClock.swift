#if canImport(Glibc)
    import Glibc
#endif

/// Seconds on the monotonic clock, for timing stages (never written into an output). Package access:
/// `frontline bench` and the stage timing it reads, not part of the library's API.
package enum MonotonicClock {
    package static func seconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}
