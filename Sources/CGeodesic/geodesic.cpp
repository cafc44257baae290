// Why GeographicLib and not PROJ's copy of the same algorithms: linking PROJ loads its whole
// dependency tree (curl, GnuTLS, Kerberos, LDAP, SQLite, TIFF: 34 libraries), ~16 ms at the start
// of every process, while areas are needed by every render and PROJ only by --crs, which now loads
// it on demand (GeoCore/CRSProjection.swift).
#include "frontline_geodesic.h"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/PolygonArea.hpp>

namespace {
const GeographicLib::Geodesic &wgs84() {
    static const GeographicLib::Geodesic g(6378137.0, 1.0 / 298.257223563);
    return g;
}
}  // namespace

extern "C" void frontline_geodesic_polygon(const double *lonlat, long count, double *area, double *perimeter) {
    GeographicLib::PolygonArea polygon(wgs84());
    for (long i = 0; i < count; ++i) polygon.AddPoint(lonlat[2 * i + 1], lonlat[2 * i]);
    // Not reversed, signed: a clockwise ring gives a negative area rather than the rest of the earth.
    polygon.Compute(false, true, *perimeter, *area);
}

extern "C" void frontline_geodesic_inverse(double lat1, double lon1, double lat2, double lon2, double *s12, double *azi1, double *azi2) {
    wgs84().Inverse(lat1, lon1, lat2, lon2, *s12, *azi1, *azi2);
}

extern "C" void frontline_geodesic_direct(double lat1, double lon1, double azi1, double s12, double *lat2, double *lon2, double *azi2) {
    wgs84().Direct(lat1, lon1, azi1, s12, *lat2, *lon2, *azi2);
}
