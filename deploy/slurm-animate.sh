#!/bin/bash
# Render the daily Kursk animation across a Slurm job array, then encode it once.
#   sbatch deploy/slurm-animate.sh            (from the repository root, with frontline on PATH)
# Each array task renders its own contiguous block of frames: frontline reads SLURM_ARRAY_TASK_ID,
# SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_COUNT itself. File names are those of one unsharded run,
# so every task writes into the same shared folder with no coordination.
#SBATCH --job-name=frontline-frames
#SBATCH --array=0-3
#SBATCH --cpus-per-task=2
#SBATCH --mem=1G
#SBATCH --time=00:30:00
#SBATCH --output=frontline-%A_%a.log
set -euo pipefail
frontline animate --data GeoData --from 2024-08-01 --out frames/ --workers "${SLURM_CPUS_PER_TASK:-2}"

# When every task has finished (e.g. `sbatch --dependency=afterok:<jobid>`), one encode:
#   ffmpeg -framerate 24 -i frames/frame-%05d.png -c:v libx264 -pix_fmt yuv420p kursk.mp4
