// GDAL's declarations only (libgdal-dev): Frontline does not link libgdal. OGRSource opens it on
// demand, in the import commands, so render, frames and the rest never load it (GDAL.swift says why).
#include <gdal/gdal.h>
#include <gdal/ogr_api.h>
#include <gdal/ogr_srs_api.h>
#include <gdal/cpl_error.h>
#include <gdal/cpl_conv.h>
