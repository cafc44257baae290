#!/usr/bin/env bash
# C modules are imported only in the bridge files scripts/c-bridges.txt names, and only `internal`
# (so no C type can reach a public signature). Checks Sources, Tests and Fuzz under ROOT (default:
# the repository); prints every offending file and exits 1.
set -euo pipefail
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
list="$(dirname "$0")/c-bridges.txt"
modules='CCairo|CGEOS|CProj|CGeodesic|CGDAL|CLibXML2|CZlib|CIsal'
cd "$root"
allowed=$(grep -vE '^\s*(#|$)' "$list")
status=0
for f in $(grep -rlE "^\s*(internal |public |package |@_implementationOnly )?import ($modules)\b" Sources Tests Fuzz 2>/dev/null | sort); do
  if ! grep -qxF "$f" <<<"$allowed"; then echo "C import outside the bridge files (scripts/c-bridges.txt): $f"; status=1; fi
done
bad=$(grep -rnE "^\s*(public |package |@_implementationOnly )?import ($modules)\b|^\s*import ($modules)\b" Sources 2>/dev/null || true)
if [ -n "$bad" ]; then echo "C modules must be imported 'internal':"; echo "$bad"; status=1; fi
for f in $allowed; do [ -f "$f" ] || { echo "scripts/c-bridges.txt names a missing file: $f"; status=1; }; done
[ $status = 0 ] && echo "lint: C imports only in the $(wc -l <<<"$allowed") bridge files"
exit $status
