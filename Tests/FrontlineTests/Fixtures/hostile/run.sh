#!/usr/bin/env bash
# Runs the hostile corpus (cases/, see make-cases.py) through a frontline binary:
#   run.sh FRONTLINE [CASE...]     (all cases when none is named)
# Prints "PASS name" or "FAIL name: why" a case and exits 1 if any failed. A case passes when the
# command exits 1-127 (no crash), writes exactly one line to stderr holding every fact in `expect`,
# nothing to stdout, no raw control character, and leaves its sandbox exactly as set up.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); shift
names=("$@")
[ ${#names[@]} -eq 0 ] && names=($(ls "$here/cases"))
# The sandbox's state: every entry's type, size, link target and content hash.
snapshot() {
  (cd "$1" && find . -printf '%p %y %s %l\n' | LC_ALL=C sort && find . -type f -exec sha256sum {} + | LC_ALL=C sort)
}
failed=0
for name in "${names[@]}"; do
  c="$here/cases/$name"
  box=$(mktemp -d /tmp/frontline-hostile.XXXXXX)
  cp -r "$here/base" "$box/data"
  [ -d "$c/data" ] && cp -r "$c/data/." "$box/data/"
  if [ -f "$c/setup.sh" ]; then
    (cd "$box" && FRONTLINE="$bin" DATA="$box/data" SANDBOX="$box" bash "$c/setup.sh") || { echo "FAIL $name: setup failed"; failed=1; continue; }
  fi
  args=()
  while IFS= read -r a; do a=${a//@DATA/$box/data}; args+=("${a//@SANDBOX/$box}"); done < "$c/args"
  envs=(PATH="$PATH" HOME="${HOME:-/tmp}")
  [ -f "$c/env" ] && while IFS= read -r e; do envs+=("$e"); done < "$c/env"
  before=$(snapshot "$box")
  (cd "$box" && env -i "${envs[@]}" "$bin" "${args[@]}" > "$box.out" 2> "$box.err" < /dev/null)
  rc=$?
  after=$(snapshot "$box")
  why=""
  lines=$(grep -c '' "$box.err")
  if [ $rc -eq 0 ]; then why="exit 0"; elif [ $rc -ge 128 ]; then why="crashed (exit $rc)"; fi
  [ -z "$why" ] && [ "$lines" -ne 1 ] && why="$lines lines on stderr"
  [ -z "$why" ] && [ -s "$box.out" ] && why="wrote to stdout"
  if [ -z "$why" ]; then
    while IFS= read -r fact; do
      grep -qF -- "$fact" "$box.err" || { why="stderr lacks '$fact'"; break; }
    done < "$c/expect"
  fi
  [ -z "$why" ] && LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]' "$box.out" "$box.err" && why="raw control characters in the output"
  [ -z "$why" ] && [ "$before" != "$after" ] && why="changed the sandbox: $(diff <(echo "$before") <(echo "$after") | grep '^[<>]' | head -3 | tr '\n' ' ')"
  if [ -z "$why" ]; then echo "PASS $name"; else
    echo "FAIL $name: $why | $(head -c 300 "$box.err" | tr '\n\033' ' ~')"; failed=1
  fi
  rm -rf "$box" "$box.out" "$box.err"
done
exit $failed
