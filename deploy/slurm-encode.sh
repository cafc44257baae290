#!/bin/bash
# Encode the frames that deploy/slurm-animate.sh's array tasks wrote into one video, once every
# task is done. Submit it with a dependency on the array (see deploy/slurm-animate.sh):
#   sbatch --dependency=afterok:$jid --kill-on-invalid-dep=yes deploy/slurm-encode.sh
# Same variables as the array: FRONTLINE_OUT, FRONTLINE_SHARDS, FRONTLINE_FPS; and
#   FRONTLINE_VIDEO   the video's file name in FRONTLINE_OUT (default kursk.mp4)
#SBATCH --job-name=frontline-encode
#SBATCH --cpus-per-task=2
#SBATCH --mem=1G
#SBATCH --time=00:30:00
#SBATCH --output=frontline-encode-%j.log
set -euo pipefail
: "${FRONTLINE_OUT:?set FRONTLINE_OUT to the folder the array wrote}"
shards=${FRONTLINE_SHARDS:-4}
video=$FRONTLINE_OUT/${FRONTLINE_VIDEO:-kursk.mp4}

# afterok says the last submission succeeded, not that every part ever did: after a resubmission
# the dependency names only the resubmitted tasks. Each part's mark says it finished.
missing=()
for ((k = 0; k < shards; k++)); do [ -e "$FRONTLINE_OUT/done/part-$k-of-$shards" ] || missing+=("$k"); done
if [ ${#missing[@]} -gt 0 ]; then
    list=$(IFS=,; echo "${missing[*]}")
    echo "parts not finished: $list; resubmit them with: sbatch --array=$list deploy/slurm-animate.sh" >&2
    exit 1
fi

# frontline's own MP4 settings (VideoEncoder.swift), bit-exact and without metadata, so the same
# frames always give the same file; written beside the target and renamed, so a half-written
# video never sits under the final name.
tmp=$(dirname "$video")/.$(basename "$video").$$.tmp
ffmpeg -hide_banner -loglevel error -nostdin -y -framerate "${FRONTLINE_FPS:-24}" -i "$FRONTLINE_OUT/frames/frame-%05d.png" \
    -c:v libx264 -preset medium -crf 20 -pix_fmt yuv420p -movflags +faststart \
    -fflags +bitexact -flags:v +bitexact -map_metadata -1 -f mp4 "$tmp"
mv "$tmp" "$video"
echo "$video: $(find "$FRONTLINE_OUT/frames" -name 'frame-*.png' | wc -l) frames"
