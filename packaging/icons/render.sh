#!/bin/sh
# Regenerates the committed raster icons from resources/icons/com.allmine.Settings.svg.
# Run by hand after changing the SVG and commit the results: the build never rasterizes.
#   hicolor/<N>x<N>/apps/com.allmine.Settings.png   (Linux, N = 16 32 48 64 128 256)
#   ../windows/com.allmine.Settings.ico             (Windows: 16, 32, 48, 256)
# Needs rsvg-convert (librsvg2-bin) for the SVG and ImageMagick's convert for the rest:
# ImageMagick's own SVG renderer gets the gradient wrong.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
id=com.allmine.Settings
svg=$here/../../resources/icons/$id.svg
for n in 16 32 48 64 128 256; do
    out=$here/hicolor/${n}x${n}/apps/$id.png
    mkdir -p "$(dirname "$out")"
    rsvg-convert --width "$n" --height "$n" --keep-aspect-ratio "$svg" |
        convert png:- -strip -define png:exclude-chunks=date,time PNG32:"$out"
done
h=$here/hicolor
convert "$h/16x16/apps/$id.png" "$h/32x32/apps/$id.png" "$h/48x48/apps/$id.png" \
    "$h/256x256/apps/$id.png" "$here/../windows/$id.ico"
