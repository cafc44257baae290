"""GeoJSON geometries as shapely, for the Python scripts that have shapely (the matplotlib peer and
the peers' precomputed geometry; the Mapnik peer runs under the system Python, which has none)."""
import sys

import numpy as np
import shapely


def shape(g):
    """A GeoJSON geometry as shapely, through numpy arrays (shapely.geometry.shape walks every
    coordinate in Python: ten times slower on these files)."""
    t, c = g["type"], g["coordinates"]
    polygon = lambda rings: shapely.polygons(np.asarray(rings[0]), holes=[np.asarray(r) for r in rings[1:]] or None)
    if t == "Polygon":
        return polygon(c)
    if t == "MultiPolygon":
        return shapely.multipolygons([polygon(p) for p in c])
    if t == "LineString":
        return shapely.linestrings(np.asarray(c))
    if t == "MultiLineString":
        return shapely.multilinestrings([shapely.linestrings(np.asarray(p)) for p in c])
    sys.exit("unexpected geometry type %s" % t)
