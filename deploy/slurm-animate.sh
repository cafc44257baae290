#!/bin/bash
# Render an animation's frames across a Slurm job array: one array task per shard, all writing into
# one folder on a path every node sees; then deploy/slurm-encode.sh makes the video once.
#
#   export FRONTLINE_DATA=/shared/frontline/GeoData FRONTLINE_OUT=/shared/frontline/kursk
#   jid=$(sbatch --parsable deploy/slurm-animate.sh)
#   sbatch --dependency=afterok:$jid --kill-on-invalid-dep=yes deploy/slurm-encode.sh
#
# A task that failed (node lost, process killed) is resubmitted alone, then the encode again:
#   jid=$(sbatch --parsable --array=2 deploy/slurm-animate.sh)
#   sbatch --dependency=afterok:$jid deploy/slurm-encode.sh
# --resume keeps the frames the dead task had written in full and renders only the rest, so the
# folder ends byte for byte as one unsharded run leaves it (Tests/slurm/run.sh checks that on a real
# one-node Slurm). sbatch passes the environment on (--export=ALL), so set these before submitting:
#   FRONTLINE_DATA    the data folder                       (default: GeoData in the submit folder)
#   FRONTLINE_OUT     the shared output folder: frames in frames/, the video beside them
#   FRONTLINE_SHARDS  how many parts: the size of the whole array (default 4, as --array=0-3 below)
#   FRONTLINE_FPS     frames per second (the encode job reads it too; default 24)
#   FRONTLINE_ARGS    more `frontline animate` options (default: the daily Kursk animation)
#   FRONTLINE         the frontline binary (default: frontline on PATH)
#SBATCH --job-name=frontline-animate
#SBATCH --array=0-3
#SBATCH --cpus-per-task=2
#SBATCH --mem=1G
#SBATCH --time=00:30:00
#SBATCH --output=frontline-animate-%A_%a.log
set -euo pipefail
: "${FRONTLINE_OUT:?set FRONTLINE_OUT to a folder every node sees}"
shards=${FRONTLINE_SHARDS:-4}
task=${SLURM_ARRAY_TASK_ID:?submit this with sbatch as a job array (see the top of this file)}

# The part comes from FRONTLINE_SHARDS, not from Slurm's array size: `sbatch --array=2` resubmits
# one task as an array of one (SLURM_ARRAY_TASK_COUNT=1), which frontline alone would take for
# "the whole sequence".
mkdir -p "$FRONTLINE_OUT/frames" "$FRONTLINE_OUT/done"
rm -f "$FRONTLINE_OUT/done/part-$task-of-$shards"
# shellcheck disable=SC2086  # FRONTLINE_ARGS is a list of options, split on spaces on purpose
"${FRONTLINE:-frontline}" animate --data "${FRONTLINE_DATA:-GeoData}" --out "$FRONTLINE_OUT/frames/" \
    --fps "${FRONTLINE_FPS:-24}" ${FRONTLINE_ARGS:---from 2024-08-01 --step 1d --hold 1s} \
    --shard "$task/$shards" --resume --workers "${SLURM_CPUS_PER_TASK:-1}"
# The encode job checks that every part left its mark, so a missing part fails it loudly instead
# of making a short video (ffmpeg stops at the first missing frame number).
touch "$FRONTLINE_OUT/done/part-$task-of-$shards"
