#!/bin/bash
# Stands in for the frontline binary (FRONTLINE=…) in the Slurm test's first animate array. In the
# array task numbered FRONTLINE_KILL_TASK it starts the real frontline and SIGKILLs it as soon as
# frontline reports progress (frames written, more to come), as a lost node or the OOM killer would
# leave it. In every other task it is the real binary (exec), untouched. The resubmitted task runs
# frontline itself, as a user's would.
real=${FRONTLINE_REAL:?the real frontline binary}
[ "${SLURM_ARRAY_TASK_ID:-}" = "${FRONTLINE_KILL_TASK:-}" ] || exec "$real" "$@"
progress=$(mktemp)
"$real" "$@" 2>"$progress" &
pid=$!
# Progress lines ("animate: 10% (2/20), …") go to stderr unbuffered as frames are written.
until grep -q '^animate: [0-9]*% ' "$progress" || ! kill -0 "$pid" 2>/dev/null; do sleep 0.02; done
kill -KILL "$pid" 2>/dev/null
wait "$pid"
status=$?
cat "$progress" >&2
rm -f "$progress"
echo "kill-once: sent SIGKILL to frontline (pid $pid) in array task $SLURM_ARRAY_TASK_ID; it ended with status $status" >&2
exit "$status"
