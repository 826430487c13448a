#!/bin/sh
# Usage: validate-metainfo.sh APPSTREAMCLI FILE.metainfo.xml
# appstreamcli validate fails on errors and warnings; --no-net: nothing (e.g. the screenshot URL)
# is fetched.
set -u
tool=$1 file=$2
if ! command -v "$tool" >/dev/null 2>&1; then
    echo "FAIL: $tool not found (apt-get install appstream)" >&2
    exit 1
fi
"$tool" validate --no-net --explain "$file" || { echo "FAIL: appstreamcli validate $file" >&2; exit 1; }
