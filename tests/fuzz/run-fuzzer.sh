#!/usr/bin/env bash
# Builds one libFuzzer target (if its sources changed) and fuzzes it for a bounded time:
#   run-fuzzer.sh TARGET BUILD_DIR SOURCE_DIR MOC [SECONDS]
# TARGET is response, jwt or cli (fuzz_TARGET.cpp here). The target is compiled with clang++
# (-fsanitize=fuzzer,address,undefined) from just the core sources it needs, against Qt found
# with pkg-config; the project's own build (gcc) is not involved. The seed corpus in
# corpus/TARGET is copied to a temporary directory first, so the repository is never modified.
# Exit status: 0 when no crash, leak, timeout or broken rule was found in the time given.
set -euo pipefail

if [ "$#" -lt 4 ]; then
    echo "usage: run-fuzzer.sh TARGET BUILD_DIR SOURCE_DIR MOC [SECONDS]" >&2
    exit 2
fi
target="$1" build="$2/$1" src="$3" moc="$4" seconds="${5:-20}"
here="$src/tests/fuzz"

case "$target" in
    response) sources=(app/api/ResponseParser.cpp app/settings/SettingsModel.cpp app/settings/FieldTable.cpp
                       app/api/ServerText.cpp)
              mocs=(app/settings/SettingsModel.h) ;;
    jwt)      sources=(app/auth/JwtInspector.cpp) mocs=() ;;
    cli)      sources=(app/cli/AssignmentParser.cpp app/cli/CliOptions.cpp app/settings/FieldTable.cpp
                       app/api/ServerText.cpp) mocs=() ;;
    *) echo "run-fuzzer.sh: unknown target '$target' (response, jwt, cli)" >&2; exit 2 ;;
esac

cxx=""
for candidate in clang++ clang++-14; do
    if command -v "$candidate" >/dev/null 2>&1; then cxx="$candidate"; break; fi
done
if [ -z "$cxx" ]; then
    echo "run-fuzzer.sh: clang++ is not installed; the fuzz targets need it." >&2
    echo "run-fuzzer.sh: install the Debian packages clang and libclang-rt-14-dev (scripts/lib/common.sh does)." >&2
    exit 1
fi
if ! qt_flags=$(pkg-config --cflags --libs Qt6Core Qt6Network 2>/dev/null); then
    echo "run-fuzzer.sh: pkg-config finds no Qt6Core/Qt6Network; install qt6-base-dev and pkg-config." >&2
    exit 1
fi

mkdir -p "$build"
binary="$build/fuzz_$target"
inputs=("$here/fuzz_$target.cpp" "$here/FuzzRequire.h" "$here/run-fuzzer.sh")
for s in "${sources[@]}" "${mocs[@]}"; do inputs+=("$src/$s" "$src/${s%.*}.h"); done
stale=0
[ -x "$binary" ] || stale=1
for f in "${inputs[@]}"; do
    [ -e "$f" ] && [ "$f" -nt "$binary" ] && stale=1
done
if [ "$stale" -eq 1 ]; then
    echo "run-fuzzer.sh: building $binary with $cxx"
    units=("$here/fuzz_$target.cpp")
    for s in "${sources[@]}"; do units+=("$src/$s"); done
    for h in "${mocs[@]}"; do
        out="$build/moc_$(basename "${h%.*}").cpp"
        "$moc" -I"$src/app" "$src/$h" -o "$out"
        units+=("$out")
    done
    # shellcheck disable=SC2086  # qt_flags is a list of flags
    if ! "$cxx" -std=c++17 -g -O1 -fPIC -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
        -fno-omit-frame-pointer -I"$here" -I"$src/app" "${units[@]}" $qt_flags -o "$binary.tmp"; then
        echo "run-fuzzer.sh: building the fuzzer failed. If the linker cannot find libclang_rt.fuzzer," >&2
        echo "run-fuzzer.sh: install the Debian package libclang-rt-14-dev." >&2
        exit 1
    fi
    mv "$binary.tmp" "$binary"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/allmine-fuzz-$target.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus"
cp "$here/corpus/$target/"* "$work/corpus/"
# Crash inputs (crash-*, leak-*, timeout-*) are kept in the build dir for reproduction:
#   $binary FILE
status=0
ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}" \
UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}" \
    "$binary" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$build/" "$work/corpus" || status=$?
if [ "$status" -ne 0 ]; then
    echo "run-fuzzer.sh: fuzz_$target found a problem (exit $status); the input is in $build/ (crash-*, leak-*, timeout-*)." >&2
    exit 1
fi
echo "run-fuzzer.sh: fuzz_$target: no problem in $seconds s"
