// PROJ's declarations only: Frontline does not link libproj. CRSProjection.swift opens it on
// demand, when a command is given --crs, so other commands do not load its dependency tree.
#include <proj.h>
