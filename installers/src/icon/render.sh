#!/usr/bin/env bash
# Makes the icons from sealtrail.svg, the one drawn source: sealtrail.png (Linux, 256 px), sealtrail.ico (Windows),
# sealtrail.icns (macOS) and the workbench window's icon (app/src/main/resources/io/sealtrail/app/ui/sealtrail.png). The outputs are committed, so a build needs none of these
# tools; run this again after changing the SVG. Needs rsvg-convert (librsvg2-bin) and python3: both icon containers
# hold PNG images (ICO since Windows Vista, ICNS types ic07-ic10), so no image library is needed to pack them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for size in 16 32 48 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" sealtrail.svg -o "$tmp/$size.png"
done
cp "$tmp/256.png" sealtrail.png
# the workbench's window icon (taskbar, window switcher), from the same drawing
cp "$tmp/128.png" ../../../app/src/main/resources/io/sealtrail/app/ui/sealtrail.png
python3 - "$tmp" <<'PY'
import struct, sys
tmp = sys.argv[1]
png = lambda s: open(f"{tmp}/{s}.png", "rb").read()
# ICO: a directory of entries, each pointing at its PNG; width/height 0 means 256.
sizes = [16, 32, 48, 256]
images = [png(s) for s in sizes]
offset = 6 + 16 * len(sizes)
ico = struct.pack("<HHH", 0, 1, len(sizes))
for s, data in zip(sizes, images):
    ico += struct.pack("<BBBBHHII", s % 256, s % 256, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
open("sealtrail.ico", "wb").write(ico + b"".join(images))
# ICNS: 'icns' and the total length, then chunks of type, length (with its 8-byte header) and PNG data.
chunks = b"".join(t + struct.pack(">I", 8 + len(png(s))) + png(s)
                  for t, s in [(b"ic07", 128), (b"ic08", 256), (b"ic09", 512), (b"ic10", 1024)])
open("sealtrail.icns", "wb").write(b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks)
PY
ls -l sealtrail.png sealtrail.ico sealtrail.icns
