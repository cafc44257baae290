#!/bin/bash
# The reported-date maps (PNG and SVG) across a Slurm job array: the Slurm twin of
# deploy/k8s-indexed-job.yaml. Each task writes its block of dates, under the names one unsharded
# run would use, into one folder every node sees.
#   export FRONTLINE_DATA=/shared/frontline/GeoData FRONTLINE_OUT=/shared/frontline/maps
#   sbatch deploy/slurm-frames.sh
#   sbatch --array=1 deploy/slurm-frames.sh        # a failed task alone; --resume does the rest
# Variables as in deploy/slurm-animate.sh: FRONTLINE_DATA, FRONTLINE_OUT (the maps themselves go
# here), FRONTLINE_SHARDS (default 4), FRONTLINE_ARGS (more `frontline frames` options), FRONTLINE.
#SBATCH --job-name=frontline-maps
#SBATCH --array=0-3
#SBATCH --cpus-per-task=2
#SBATCH --mem=512M
#SBATCH --time=00:30:00
#SBATCH --output=frontline-maps-%A_%a.log
set -euo pipefail
: "${FRONTLINE_OUT:?set FRONTLINE_OUT to a folder every node sees}"
# As in slurm-animate.sh: the part of FRONTLINE_SHARDS, since a resubmitted task is an array of one.
# shellcheck disable=SC2086  # FRONTLINE_ARGS is a list of options, split on spaces on purpose
"${FRONTLINE:-frontline}" frames --data "${FRONTLINE_DATA:-GeoData}" --out "$FRONTLINE_OUT" \
    --format png,svg ${FRONTLINE_ARGS:-} \
    --shard "${SLURM_ARRAY_TASK_ID:?submit this with sbatch as a job array}/${FRONTLINE_SHARDS:-4}" \
    --resume --workers "${SLURM_CPUS_PER_TASK:-1}"
