// Geodesics on the WGS84 ellipsoid through GeographicLib (Karney's algorithms, the reference
// implementation of what PROJ's geodesic.h ports to C). A C interface so Swift can call it.
#ifndef FRONTLINE_GEODESIC_H
#define FRONTLINE_GEODESIC_H

#ifdef __cplusplus
extern "C" {
#endif

/// Signed area (m², positive when the ring runs counter-clockwise seen from above) of the geodesic
/// polygon through `count` positions (closed implicitly), given as lon, lat pairs: `lonlat[2k]` is
/// position k's longitude, `lonlat[2k + 1]` its latitude (a Swift [LonLat] as is). With `chunks`
/// above 1, the ring is measured as that many pieces on as many threads as there are cores, plus
/// the polygon through the pieces' ends: the same area to about 1e-15, summed in a fixed order.
double frontline_geodesic_polygon(const double *lonlat, long count, long chunks);

/// Signed area (m²) of a ring measured in pieces: `parts` are the pieces' areas in ring order (each
/// piece closed back to its first position), `ends` the indices of the `nEnds` positions where the
/// pieces meet, in order. The sum the chunked measure above uses, so both give the same bytes.
double frontline_geodesic_pieces(const double *lonlat, const long *ends, long nEnds, const double *parts, long nParts);

/// Distance (m) and azimuths (degrees) of the geodesic from (lat1, lon1) to (lat2, lon2).
void frontline_geodesic_inverse(double lat1, double lon1, double lat2, double lon2, double *s12, double *azi1, double *azi2);

/// The position and azimuth reached from (lat1, lon1) after s12 m at initial azimuth azi1.
void frontline_geodesic_direct(double lat1, double lon1, double azi1, double s12, double *lat2, double *lon2, double *azi2);

#ifdef __cplusplus
}
#endif

#endif
