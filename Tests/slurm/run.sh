#!/bin/bash
# make test-slurm: the deploy/ Slurm scripts on a real one-node Slurm cluster on this machine.
#
# Starts munged, slurmctld and slurmd (Debian's slurm-wlm 22.05 and munge) on loopback ports, with
# every file they use in one temporary folder; submits deploy/slurm-animate.sh as a 3-task array
# whose task 1 has its frontline SIGKILLed mid-run, the encode job deploy/slurm-encode.sh with
# --dependency=afterok, and deploy/slurm-frames.sh as a 3-task array; checks in sacct that task 1
# FAILED, resubmits it alone (sbatch --array=1) with a new encode job, checks they COMPLETED, and
# compares every file, and the video, byte for byte with one unsharded run. Every daemon it started
# is stopped by its process id whatever happens (trap on EXIT), and the run fails if any process
# of this cluster outlives it.
#
# Accounting: Slurm 22.05 has no accounting_storage/filetxt any more (its plugins are none and
# slurmdbd; slurmdbd needs a MySQL/MariaDB server). Job completion logging does not:
# JobCompType=jobcomp/filetxt writes one line per finished job (array tasks included), and
# `sacct --completion` reads it with the usual --format columns. That is the history this test
# needs (each job's final state and exit code) with no database server to install and start.
#
# Needs root (slurmd starts jobs as their user). As root it installs what is missing; otherwise it
# prints the apt-get command. It never skips: if it cannot run, it fails.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
FRONTLINE_BIN=${FRONTLINE_BIN:-$ROOT/.build/debug/frontline}
PACKAGES="slurm-wlm munge ffmpeg python3"
SHARDS=3
KILLED=1            # the array task whose frontline is killed on its first run
WAIT_SECONDS=${SLURM_TEST_WAIT:-600}  # the longest a wait for jobs may take before the test fails
started=$(date +%s)
passed=0

say() { echo "slurm-test: $*"; }
fail() { echo "slurm-test: FAILED: $*" >&2; exit 1; }
check() { passed=$((passed + 1)); say "ok: $*"; }

# --- What the test needs --------------------------------------------------------------------------
missing=""
for p in $PACKAGES; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ] && [ "$(id -u)" != 0 ]; then fail "missing Debian packages; run: sudo apt-get install -y$missing"; fi
if [ -n "$missing" ]; then
    say "installing:$missing"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
[ "$(id -u)" = 0 ] || fail "needs root (slurmd starts jobs as their user; munged and slurmctld run as SlurmUser=root here); run: sudo make test-slurm"
[ -x "$FRONTLINE_BIN" ] || fail "$FRONTLINE_BIN is not built: run swift build (make test-slurm does)"
say "$(slurmctld -V), $(munged -V 2>&1 | awk '{print $1; exit}'), frontline $FRONTLINE_BIN"

# --- The cluster's folder, and stopping everything whatever happens --------------------------------
T=$(mktemp -d /tmp/frontline-slurm.XXXXXX)
mkdir -p "$T"/{etc,munge,state,spool,log,run,out,whole}
# munged wants its socket's folders searchable by everyone (clients of any user) and writable by no one else.
chmod 711 "$T" "$T/munge"
# Every process of this cluster, jobs included, carries this variable; nothing else on the machine
# does. It is not exported in this shell, only given to the daemons and to sbatch (which passes it
# into the jobs), so the final check can tell the cluster's leftovers from the test itself.
MARK="FRONTLINE_SLURM_TEST=$T"
export SLURM_CONF=$T/etc/slurm.conf
declare -A DAEMON=()  # name → pid, in the order they must stop: slurmd, slurmctld, munged
JOBS=()

# The pids of live processes whose environment carries MARK.
marked_pids() {
    local d pid
    for d in /proc/[0-9]*; do
        pid=${d#/proc/}
        [ "$pid" = $$ ] && continue
        if tr '\0' '\n' 2>/dev/null <"$d/environ" | grep -qxF "$MARK"; then
            [ "$(awk '{print $3}' "$d/stat" 2>/dev/null)" = Z ] || echo "$pid"
        fi
    done
}

# Stops one process by its pid: SIGTERM, up to 20 s, then SIGKILL; reaps it if it is our child.
stop_pid() {
    local name=$1 pid=$2 i
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < 200; i++)); do
        [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || echo gone)" = Z ] && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null && [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]; then
        say "$name (pid $pid) ignored SIGTERM for 20 s: SIGKILL"
        kill -KILL "$pid" 2>/dev/null
    fi
    wait "$pid" 2>/dev/null || true
    say "stopped $name (pid $pid)"
}

cleanup() {
    local rc=$? pid left
    set +e
    trap - EXIT INT TERM
    # Jobs first, while the controller can still cancel them; then the daemons, munged last
    # (slurmd and slurmctld talk to it while they shut down).
    if [ ${#JOBS[@]} -gt 0 ] && [ -n "${DAEMON[slurmctld]:-}" ]; then scancel "${JOBS[@]}" 2>/dev/null; fi
    for name in slurmd slurmctld; do [ -n "${DAEMON[$name]:-}" ] && stop_pid "$name" "${DAEMON[$name]}"; done
    # Job steps (slurmstepd) and job processes left behind by a failed run, each by its pid.
    for pid in $(marked_pids); do [ "$pid" != "${DAEMON[munged]:-}" ] && stop_pid "cluster process $(cat /proc/$pid/comm 2>/dev/null)" "$pid"; done
    [ -n "${DAEMON[munged]:-}" ] && stop_pid munged "${DAEMON[munged]}"
    left=$(marked_pids)
    if [ -n "$left" ]; then
        echo "slurm-test: FAILED: processes of this cluster still running: $left" >&2
        ps -o pid,comm,args -p "$(echo $left | tr ' ' ,)" >&2
        rc=1
    else
        check "no process of this cluster is left (none carries $MARK)"
    fi
    if [ "$rc" != 0 ]; then
        for f in "$T"/log/*; do [ -f "$f" ] && { echo "--- $f (last 30 lines)"; tail -n 30 "$f"; }; done >&2
    fi
    if [ "$rc" = 0 ] && [ -z "${KEEP:-}" ]; then rm -rf "$T"; else say "files kept in $T"; fi
    say "took $(($(date +%s) - started)) s"
    # The closing line CI reads; a failure stopped the test at its first failed check.
    if [ "$rc" = 0 ]; then echo "slurm: $passed passed, 0 failed"; else echo "slurm: $passed passed, 1 failed"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Starts a daemon in the foreground mode, in the background, so $! is its own pid.
start() {
    local name=$1
    shift
    env "$MARK" "$@" >"$T/log/$name.out" 2>&1 &
    DAEMON[$name]=$!
    say "started $name (pid ${DAEMON[$name]})"
}

# Polls a command until it succeeds, for at most $1 seconds.
wait_for() {
    local seconds=$1 what=$2 i
    shift 2
    for ((i = 0; i < seconds * 10; i++)); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
    fail "$what: not after $seconds s"
}

# --- munge, with its own key and socket ------------------------------------------------------------
mungekey --create --keyfile="$T/munge/munge.key"
SOCKET=$T/munge/munge.socket
start munged munged --foreground --key-file="$T/munge/munge.key" --socket="$SOCKET" \
    --pid-file="$T/run/munged.pid" --log-file="$T/log/munged.log" --seed-file="$T/munge/munged.seed"
wait_for 20 "munged answering on $SOCKET" sh -c "munge -n -S '$SOCKET' | unmunge -S '$SOCKET'"

# --- slurm.conf: one node, this host, on loopback -------------------------------------------------
# Two free loopback ports, from the kernel (bind to port 0), so a second run or another cluster on
# the machine does not collide.
read -r CTLD_PORT SLURMD_PORT < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
NODE=$(hostname -s)
# The node line as slurmd sees this machine (CPUs, sockets, cores, memory), so it is never drained
# for "low resources".
NODE_LINE=$(slurmd -C | head -n 1)
cat >"$SLURM_CONF" <<EOF
# Written by Tests/slurm/run.sh for one test run; everything lives under $T.
ClusterName=frontline-test
SlurmctldHost=$NODE(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
# Bind to the addresses named here (127.0.0.1), not to every interface.
CommunicationParameters=NoCtldInAddrAny,NoInAddrAny
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SOCKET
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool
SlurmctldPidFile=$T/run/slurmctld.pid
SlurmdPidFile=$T/run/slurmd.pid
SlurmctldLogFile=$T/log/slurmctld.log
SlurmdLogFile=$T/log/slurmd.log
# No cgroups: processes are tracked through /proc, which works in any container.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
# History for sacct --completion (see the top of this file).
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$T/log/jobcomp.txt
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
# A cancelled job gets SIGKILL 5 s after SIGTERM (not 30), so a failed test stops quickly; a pending
# job whose dependency can never be met is cancelled (the first encode job, once task $KILLED failed).
KillWait=5
DependencyParameters=kill_invalid_depend
$NODE_LINE NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=test Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
EOF
start slurmctld slurmctld -D -c -f "$SLURM_CONF"
start slurmd slurmd -D -f "$SLURM_CONF" -N "$NODE"
wait_for 60 "node $NODE idle" sh -c "sinfo -h -n '$NODE' -o %T | grep -qx idle"
say "cluster up: $(sinfo -h -o '%P %D %T %c cpus') · slurmctld 127.0.0.1:$CTLD_PORT, slurmd 127.0.0.1:$SLURMD_PORT"
ss -ltnp 2>/dev/null | grep -E ":($CTLD_PORT|$SLURMD_PORT) " | awk '{print "slurm-test: listening " $4}' || true

# --- The unsharded reference, made here outside Slurm ----------------------------------------------
# Small sizes, so the whole test takes a minute or two: 61 days of animation at 640×360 with held
# copies (hard links) at snapshot and event dates, and the 23 reported-date maps as PNG and SVG.
ANIMATE_ARGS="--from 2024-08-01 --to 2024-09-30 --step 1d --hold 0.2s --size 640x360"
FRAMES_ARGS="--size 640x360"
FPS=10
"$FRONTLINE_BIN" animate --data "$ROOT/GeoData" --out "$T/whole/frames/" --fps $FPS $ANIMATE_ARGS 2>/dev/null
"$FRONTLINE_BIN" animate --data "$ROOT/GeoData" --out "$T/whole/direct.mp4" --fps $FPS $ANIMATE_ARGS 2>/dev/null
"$FRONTLINE_BIN" frames --data "$ROOT/GeoData" --out "$T/whole/maps" --format png,svg $FRAMES_ARGS >/dev/null
# The reference video: the same encode script on the unsharded frames (one part, already done).
mkdir -p "$T/whole/done" && touch "$T/whole/done/part-0-of-1"
FRONTLINE_OUT=$T/whole FRONTLINE_SHARDS=1 FRONTLINE_FPS=$FPS bash "$ROOT/deploy/slurm-encode.sh" >/dev/null
say "unsharded reference: $(ls "$T/whole/frames" | wc -l) animation frames, $(ls "$T/whole/maps" | wc -l) map files"

# --- Submitting as a user would -------------------------------------------------------------------
# sbatch passes its environment into the jobs: the scripts' variables, and MARK. One CPU a task
# (the scripts ask for 2), so two tasks share this 2-core node and its output folder at once.
submit() {
    env "$MARK" FRONTLINE_DATA="$ROOT/GeoData" FRONTLINE_SHARDS=$SHARDS FRONTLINE_FPS=$FPS \
        FRONTLINE="${FRONTLINE:-$FRONTLINE_BIN}" sbatch --parsable --chdir="$T" --cpus-per-task=1 "$@"
}
# Array tasks log to NAME-ARRAYJOB_TASK.out, single jobs to NAME-JOB.out.
ARRAY_LOG=$T/log/%x-%A_%a.out
JOB_LOG=$T/log/%x-%j.out

# Waits until none of the given jobs is pending or running.
wait_jobs() {
    local i
    for ((i = 0; i < WAIT_SECONDS; i++)); do
        [ -z "$(squeue -h -j "$(IFS=,; echo "$*")" -o %i 2>/dev/null)" ] && return 0
        sleep 1
    done
    squeue >&2
    fail "jobs $* still queued or running after $WAIT_SECONDS s"
}

# The job id Slurm gave array task ARRAY_TASK (each task is a job of its own), from the controller.
task_job() { scontrol -o show job "$1" | grep -o '^JobId=[0-9]*' | cut -d= -f2; }

# The final state of a job, from the job completion log. In 22.05 the log names every array task by
# its own job id and also writes ArrayJobId/ArrayTaskId, which sacct --completion does not read yet
# ("Unknown type ArrayJobId", on stderr): hence the ids from task_job.
state() { sacct --completion -n -P -j "$1" --format=State 2>/dev/null | head -n 1; }
expect_state() {
    local what=$1 job=$2 want=$3 got
    got=$(state "$job")
    [ "$got" = "$want" ] || fail "$what (job $job) is ${got:-not in the job completion log}, expected $want"
    check "$what (job $job) $got"
}
show_sacct() {
    sacct --completion -j "$(IFS=,; echo "$*")" --format=JobID,JobName%18,State,ExitCode,Start,End 2>/dev/null | sed 's/^/slurm-test: sacct /'
}
array_ids() { local k; for ((k = 0; k < SHARDS; k++)); do echo -n "$1_$k=$(task_job "$1_$k") "; done; }

# Every file of two folders, hidden ones too, the same names and the same bytes.
same_folders() {
    local a=$1 b=$2 path n=0
    diff <(ls -A "$a") <(ls -A "$b") >&2 || fail "$b: not the same file names as the unsharded $a"
    for path in "$a"/* "$a"/.[!.]*; do
        [ -e "$path" ] || continue
        cmp "$path" "$b/${path##*/}" || fail "$b/${path##*/} differs from the unsharded run"
        n=$((n + 1))
    done
    check "cmp: all $n files of $b equal the unsharded run's, byte for byte"
}

# The first animate array runs frontline through kill-once.sh, which kills task $KILLED's frontline.
ANIM=$(FRONTLINE="$ROOT/Tests/slurm/kill-once.sh" FRONTLINE_REAL="$FRONTLINE_BIN" FRONTLINE_KILL_TASK=$KILLED \
    FRONTLINE_OUT=$T/out/anim FRONTLINE_ARGS=$ANIMATE_ARGS submit --array=0-$((SHARDS - 1)) --output="$ARRAY_LOG" "$ROOT/deploy/slurm-animate.sh")
JOBS+=("$ANIM")
ENCODE=$(FRONTLINE_OUT=$T/out/anim submit --dependency=afterok:"$ANIM" --kill-on-invalid-dep=yes --output="$JOB_LOG" "$ROOT/deploy/slurm-encode.sh")
JOBS+=("$ENCODE")
MAPS=$(FRONTLINE_OUT=$T/out/maps FRONTLINE_ARGS=$FRAMES_ARGS submit --array=0-$((SHARDS - 1)) --output="$ARRAY_LOG" "$ROOT/deploy/slurm-frames.sh")
JOBS+=("$MAPS")
say "submitted: animate array $ANIM (tasks 0-$((SHARDS - 1)); task $KILLED will be killed), encode $ENCODE (afterok:$ANIM), maps array $MAPS"
squeue -o '%.12i %.18j %.8T %.20r' | sed 's/^/slurm-test: squeue /'
wait_jobs "${JOBS[@]}"
say "array tasks as jobs: $(array_ids "$ANIM")$(array_ids "$MAPS")"
tasks=()
for ((k = 0; k < SHARDS; k++)); do tasks+=("$(task_job "${ANIM}_$k")" "$(task_job "${MAPS}_$k")"); done
show_sacct "$ENCODE" "${tasks[@]}"

# --- The killed task: detected, resubmitted alone ---------------------------------------------------
grep -q 'kill-once: sent SIGKILL' "$T/log/frontline-animate-${ANIM}_$KILLED.out" || fail "task $KILLED was not killed mid-run"
for ((k = 0; k < SHARDS; k++)); do
    if [ "$k" = "$KILLED" ]; then want=FAILED; else want=COMPLETED; fi
    expect_state "animate task ${ANIM}_$k" "$(task_job "${ANIM}_$k")" "$want"
    expect_state "maps task ${MAPS}_$k" "$(task_job "${MAPS}_$k")" COMPLETED
done
expect_state "encode job, its dependency failed" "$ENCODE" CANCELLED
[ ! -e "$T/out/anim/kursk.mp4" ] || fail "a video was made although task $KILLED failed"
# Run by hand (or with a dependency on the wrong job) the encode script refuses too, naming the part.
if refusal=$(FRONTLINE_OUT=$T/out/anim FRONTLINE_SHARDS=$SHARDS bash "$ROOT/deploy/slurm-encode.sh" 2>&1); then
    fail "deploy/slurm-encode.sh encoded although part $KILLED is missing"
fi
grep -q "sbatch --array=$KILLED " <<<"$refusal" || fail "the encode script's refusal does not name part $KILLED: $refusal"
check "the encode script refuses while part $KILLED is missing: $refusal"
say "after the kill: $(ls "$T/out/anim/frames" | wc -l) of $(ls "$T/whole/frames" | wc -l) frames, $(find "$T/out/anim/frames" -name '.frontline-tmp-*' | wc -l) temporaries"

AGAIN=$(FRONTLINE_OUT=$T/out/anim FRONTLINE_ARGS=$ANIMATE_ARGS submit --array=$KILLED --output="$ARRAY_LOG" "$ROOT/deploy/slurm-animate.sh")
JOBS+=("$AGAIN")
ENCODE2=$(FRONTLINE_OUT=$T/out/anim submit --dependency=afterok:"$AGAIN" --kill-on-invalid-dep=yes --output="$JOB_LOG" "$ROOT/deploy/slurm-encode.sh")
JOBS+=("$ENCODE2")
say "resubmitted: sbatch --array=$KILLED deploy/slurm-animate.sh → job $AGAIN; encode $ENCODE2 (afterok:$AGAIN)"
wait_jobs "$AGAIN" "$ENCODE2"
show_sacct "$(task_job "${AGAIN}_$KILLED")" "$ENCODE2"
expect_state "resubmitted animate task ${AGAIN}_$KILLED" "$(task_job "${AGAIN}_$KILLED")" COMPLETED
expect_state "encode job" "$ENCODE2" COMPLETED
sed 's/^/slurm-test: encode log: /' "$T/log/frontline-encode-$ENCODE2.out"
# --resume: the resubmitted task rendered only what the killed one had not finished. Progress lines
# say "animate: P% (done/total)"; the killed run started on an empty part, so its total is the part's.
total() { grep -o '^animate: [0-9]*% ([0-9]*/[0-9]*)' "$1" | tail -n 1 | sed 's/.*\/\([0-9]*\))/\1/'; }
shard=$(total "$T/log/frontline-animate-${ANIM}_$KILLED.out")
part=$(total "$T/log/frontline-animate-${AGAIN}_$KILLED.out")
[ -n "$part" ] && [ -n "$shard" ] && [ "$part" -lt "$shard" ] ||
    fail "the resubmitted task rendered ${part:-?} pictures of its part's ${shard:-?}: --resume kept nothing"
check "the resubmitted task rendered $part of its part's $shard pictures: --resume kept the $((shard - part)) the killed run had finished"

# --- Byte for byte ----------------------------------------------------------------------------------
same_folders "$T/whole/frames" "$T/out/anim/frames"
same_folders "$T/whole/maps" "$T/out/maps"
cmp "$T/whole/kursk.mp4" "$T/out/anim/kursk.mp4" || fail "the video differs from the one encoded from the unsharded frames"
check "cmp: kursk.mp4 ($(stat -c %s "$T/out/anim/kursk.mp4") bytes) equals the video of the unsharded frames, byte for byte"
# And it shows the same pictures as frontline's own video of the same range (made in one process,
# frames piped to ffmpeg): the decoded frames' checksums, since the two need not share container bytes.
framemd5() { ffmpeg -v error -nostdin -i "$1" -f framemd5 - | grep -v '^#'; }
diff <(framemd5 "$T/whole/direct.mp4") <(framemd5 "$T/out/anim/kursk.mp4") >/dev/null \
    || fail "the video's frames differ from frontline animate --out direct.mp4"
check "framemd5: all $(framemd5 "$T/out/anim/kursk.mp4" | wc -l) decoded frames equal those of frontline's own unsharded MP4"
