#!/usr/bin/env bash
# Fails when a translation file is out of step with the sources: a string lupdate would add
# (untranslated), or one left unfinished, obsolete or vanished.
# usage: check-ts.sh LUPDATE TS_FILE SOURCE_DIR...
set -euo pipefail
lupdate="$1"
ts="$2"
shift 2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$ts" "$work/check.ts"
"$lupdate" -locations none -no-ui-lines "$@" -ts "$work/check.ts" >"$work/lupdate.log" 2>&1 || {
    cat "$work/lupdate.log"
    exit 1
}
status=0
unfinished=$(grep -c 'type="unfinished"' "$work/check.ts" || true)
stale=$(grep -cE 'type="(obsolete|vanished)"' "$work/check.ts" || true)
if [ "$unfinished" -ne 0 ]; then
    echo "FAIL: $unfinished string(s) untranslated in $(basename "$ts"):"
    grep -B3 'type="unfinished"' "$work/check.ts" | grep '<source>' | sed 's/^ */  /' | head -40
    status=1
fi
if [ "$stale" -ne 0 ]; then
    echo "FAIL: $stale obsolete string(s) in $(basename "$ts"); run the update_translations target and remove them"
    status=1
fi
[ "$status" -eq 0 ] && echo "PASS: $(basename "$ts") is complete ($(grep -c '<message' "$work/check.ts") messages)"
exit "$status"
