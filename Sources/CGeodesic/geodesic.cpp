// Why GeographicLib and not PROJ's copy of the same algorithms: linking PROJ loads its whole
// dependency tree (curl, GnuTLS, Kerberos, LDAP, SQLite, TIFF: 34 libraries), ~16 ms at the start
// of every process, while areas are needed by every render and PROJ only by --crs, which now loads
// it on demand (GeoCore/CRSProjection.swift).
#include "frontline_geodesic.h"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/PolygonArea.hpp>

#include <algorithm>
#include <thread>
#include <vector>

namespace {
const GeographicLib::Geodesic &wgs84() {
    static const GeographicLib::Geodesic g(6378137.0, 1.0 / 298.257223563);
    return g;
}
}  // namespace

namespace {
/// Signed area (m²) of the ring through positions first…last, closed back to first.
double ringArea(const double *lonlat, long first, long last) {
    GeographicLib::PolygonArea polygon(wgs84());
    for (long i = first; i <= last; ++i) polygon.AddPoint(lonlat[2 * i + 1], lonlat[2 * i]);
    double area = 0, perimeter = 0;
    // Not reversed, signed: a clockwise ring gives a negative area rather than the rest of the earth.
    polygon.Compute(false, true, perimeter, area);
    return area;
}
}  // namespace

namespace {
/// The ring's area from its pieces' `parts` (each piece measured closed back to its first position),
/// summed in order, and the ring through the `nEnds` positions `ends` where pieces meet: each closing
/// edge is that ring's edge the other way round, so the two add up to the ring. Into (-earth/2,
/// earth/2], as the whole ring's signed area is.
double piecesSum(const double *lonlat, const long *ends, long nEnds, const double *parts, long nParts) {
    std::vector<double> skeleton;
    for (long k = 0; k < nEnds; ++k) { skeleton.push_back(lonlat[2 * ends[k]]); skeleton.push_back(lonlat[2 * ends[k] + 1]); }
    double area = 0;
    for (long k = 0; k < nParts; ++k) area += parts[k];
    area += ringArea(skeleton.data(), 0, nEnds - 1);
    double earth = wgs84().EllipsoidArea();
    if (area > earth / 2) area -= earth;
    if (area <= -earth / 2) area += earth;
    return area;
}
}  // namespace

extern "C" double frontline_geodesic_polygon(const double *lonlat, long count, long chunks) {
    if (count < 3) return 0;
    if (chunks <= 1 || count < 3 * chunks) return ringArea(lonlat, 0, count - 1);
    // Chunk k runs from bounds[k] to bounds[k + 1] and closes back (see piecesSum).
    std::vector<long> bounds(chunks + 1);
    for (long k = 0; k <= chunks; ++k) bounds[k] = k * (count - 1) / chunks;
    std::vector<double> parts(chunks, 0.0);
    long threads = std::max(1L, std::min<long>(chunks, std::thread::hardware_concurrency()));
    auto work = [&](long t) {
        for (long k = t; k < chunks; k += threads) parts[k] = ringArea(lonlat, bounds[k], bounds[k + 1]);
    };
    std::vector<std::thread> workers;
    for (long t = 1; t < threads; ++t) {
        // A thread that cannot start leaves its pieces to this one.
        try { workers.emplace_back(work, t); } catch (...) { work(t); }
    }
    work(0);
    for (auto &w : workers) w.join();
    // Summed in a fixed order, whatever the number of threads, so the bytes stay the same.
    return piecesSum(lonlat, bounds.data(), chunks + 1, parts.data(), chunks);
}

extern "C" double frontline_geodesic_pieces(const double *lonlat, const long *ends, long nEnds, const double *parts, long nParts) {
    return piecesSum(lonlat, ends, nEnds, parts, nParts);
}

extern "C" void frontline_geodesic_inverse(double lat1, double lon1, double lat2, double lon2, double *s12, double *azi1, double *azi2) {
    wgs84().Inverse(lat1, lon1, lat2, lon2, *s12, *azi1, *azi2);
}

extern "C" void frontline_geodesic_direct(double lat1, double lon1, double azi1, double s12, double *lat2, double *lon2, double *azi2) {
    wgs84().Direct(lat1, lon1, azi1, s12, *lat2, *lon2, *azi2);
}
