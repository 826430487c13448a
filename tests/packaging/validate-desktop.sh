#!/bin/sh
# Usage: validate-desktop.sh DESKTOP_FILE_VALIDATE FILE.desktop
# desktop-file-validate exits 0 on warnings; fail on warnings and errors too (hints are OK).
set -u
tool=$1 file=$2
if ! command -v "$tool" >/dev/null 2>&1; then
    echo "FAIL: $tool not found (apt-get install desktop-file-utils)" >&2
    exit 1
fi
out=$("$tool" "$file" 2>&1); rc=$?
printf '%s\n' "$out"
if [ $rc -ne 0 ] || printf '%s\n' "$out" | grep -Eq ': (error|warning): '; then
    echo "FAIL: desktop-file-validate reported problems in $file" >&2
    exit 1
fi
echo "OK: $file"
