#!/usr/bin/env bash
# Regenerates the small MP4 recordings the simulator serves at /vod/NAME.mp4.
# Needs Debian's ffmpeg (apt-get install ffmpeg); run once, commit the output.
# Sources are ffmpeg's built-in test patterns, so no font or input file is needed.
# H.264 baseline, 320x180, a low bitrate and +faststart: tens of KB each, playable in Chromium.
set -euo pipefail
cd "$(dirname "$0")"

encode() {
  local name="$1" source="$2" seconds="$3"
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "${source}" -t "${seconds}" \
    -c:v libx264 -profile:v baseline -level 3.0 -pix_fmt yuv420p \
    -preset veryslow -crf 40 -g 50 -tune stillimage \
    -bitexact -map_metadata -1 -movflags +faststart -an \
    "${name}.mp4"
}

encode rec-a "testsrc=size=320x180:rate=10" 12
encode rec-b "testsrc2=size=320x180:rate=8" 16
encode rec-c "testsrc=size=320x180:rate=10,negate" 20
ls -l ./*.mp4
sha256sum ./*.mp4
