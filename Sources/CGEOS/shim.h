// Only the reentrant API: a context per engine, no global state.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
