#!/usr/bin/env bash
# Fails when a translation file is out of step with the sources: a string lupdate would add
# (untranslated), or one left unfinished, obsolete or vanished.
# usage: check-ts.sh [--plural-only] LUPDATE TS_FILE SOURCE_DIR...
#   --plural-only: a source-language file (allmine_en.ts) that holds only the plural forms; every
#   one of them must be filled in.
set -euo pipefail
extra=()
if [ "${1:-}" = "--plural-only" ]; then
    extra=(-pluralonly)
    shift
fi
lupdate="$1"
ts="$2"
shift 2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$ts" "$work/check.ts"
"$lupdate" -locations none -no-ui-lines "${extra[@]}" "$@" -ts "$work/check.ts" >"$work/lupdate.log" 2>&1 || {
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
empty=$(grep -cE '<numerusform( variants="[a-z]+")?></numerusform>|<numerusform( variants="[a-z]+")?/>' "$work/check.ts" || true)
if [ "$empty" -ne 0 ] && [ "$unfinished" -eq 0 ]; then
    echo "FAIL: $empty plural form(s) left empty in $(basename "$ts")"
    status=1
fi
if [ "$stale" -ne 0 ]; then
    echo "FAIL: $stale obsolete string(s) in $(basename "$ts"); run the update_translations target and remove them"
    status=1
fi
[ "$status" -eq 0 ] && echo "PASS: $(basename "$ts") is complete ($(grep -c '<message' "$work/check.ts") messages)"
exit "$status"
