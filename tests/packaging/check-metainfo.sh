#!/bin/sh
# Usage: check-metainfo.sh FILE.metainfo.xml VERSION APP_ID
# The metainfo must name the MIT licence and carry a default screenshot with an https image, and its newest (first)
# release must be VERSION, with a date.
set -u
file=$1 version=$2 id=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
[ -r "$file" ] || fail "cannot read $file"
# One line, comments removed, so the checks do not depend on the layout.
xml=$(tr '\n' ' ' <"$file" | sed 's/<!--[^>]*-->//g')

printf '%s' "$xml" | grep -Eq "<id>$id</id>" || fail "<id> is not $id"
printf '%s' "$xml" | grep -Eq "<launchable type=\"desktop-id\">$id\\.desktop</launchable>" ||
    fail "no launchable $id.desktop"

printf '%s' "$xml" | grep -Eq "<project_license>MIT</project_license>" ||
    fail "<project_license> is not MIT (the LICENSE file)"

shots=$(printf '%s' "$xml" | grep -Eo '<screenshot type="default">.*</screenshot>') ||
    fail "no <screenshot type=\"default\">"
img=$(printf '%s' "$shots" | grep -Eo '<image[^>]*>[^<]*</image>' | head -n1 | sed 's/<[^>]*>//g')
case $img in
    https://*.png) echo "screenshot: $img" ;;
    *) fail "default screenshot image is not an https PNG URL: '$img'" ;;
esac

first=$(printf '%s' "$xml" | grep -Eo '<release [^>]*>' | head -n1)
[ -n "$first" ] || fail "no <release> entry"
echo "newest release: $first"
printf '%s' "$first" | grep -Fq "version=\"$version\"" || fail "newest release is not $version"
printf '%s' "$first" | grep -Eq 'date="[0-9]{4}-[0-9]{2}-[0-9]{2}"' || fail "release $version has no date"
echo "OK: screenshot and release $version present"
