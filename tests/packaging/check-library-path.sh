#!/bin/sh
# Fails when a binary's RPATH/RUNPATH has an entry the loader would resolve against the current
# directory (an empty or relative entry): a library planted where the app is started from would
# be loaded, and every start looks there first.
#   check-library-path.sh BINARY...
command -v readelf >/dev/null 2>&1 || { echo "FAIL: readelf (binutils) is not installed" >&2; exit 1; }
failed=0
for exe in "$@"; do
    if ! dynamic=$(readelf -d "$exe" 2>&1); then
        echo "FAIL: cannot read $exe: $dynamic" >&2; failed=1; continue
    fi
    paths=$(printf '%s\n' "$dynamic" | sed -n 's/.*(R\(UN\)\{0,1\}PATH).*\[\(.*\)\]$/\2/p')
    if [ -z "$paths" ]; then
        echo "ok: $exe has no RPATH/RUNPATH"; continue
    fi
    bad=0
    for path in $paths; do
        # ":x", "x:", "x::y" and a bare ":" hold an empty entry
        case ":$path:" in
        *::*) echo "FAIL: $exe searches the current directory (empty entry in \"$path\")" >&2; bad=1 ;;
        esac
        old_ifs=$IFS; IFS=:
        for entry in $path; do
            case "$entry" in
            '' | /* | '$ORIGIN'*) ;;
            *) echo "FAIL: $exe has a relative library path \"$entry\"" >&2; bad=1 ;;
            esac
        done
        IFS=$old_ifs
    done
    [ $bad -eq 0 ] && echo "ok: $exe: $paths"
    [ $bad -eq 0 ] || failed=1
done
exit $failed
