#!/bin/sh
# Usage: check-packages.sh deb|tgz CPACK BUILD_DIR VERSION APP_ID [BINARY...]
# Builds the package with CPack from BUILD_DIR into a temporary directory, unpacks it into a
# temporary root and checks what it installs: the BINARYs run from there and print VERSION,
# the desktop integration files are in place, the window draws its icons with Qt's SVG plugins
# and, for the .deb, the control fields (Depends computed by dpkg-shlibdeps, with libqt6svg6)
# are right.
# Exits 77 (ctest: skipped) when no BINARY is given, i.e. the app targets do not exist yet.
set -u
kind=$1 cpack=$2 build=$3 version=$4 id=$5
shift 5
fail() { echo "FAIL: $*" >&2; exit 1; }
if [ $# -eq 0 ]; then
    echo "SKIP: the allmine-settings / allmine-settings-cli targets do not exist yet"
    exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/allmine-$kind.XXXXXX") || fail "mktemp"
trap 'rm -rf "$tmp"' EXIT INT TERM
case $kind in
    deb) gen=DEB ;;
    tgz) gen=TGZ ;;
    *) fail "unknown package kind $kind" ;;
esac

echo "== cpack -G $gen"
"$cpack" --config "$build/CPackConfig.cmake" -G "$gen" -B "$tmp/out" >"$tmp/cpack.log" 2>&1 || {
    cat "$tmp/cpack.log"
    fail "cpack -G $gen"
}
grep -E 'CPack: (- package|.*generated)' "$tmp/cpack.log"

mkdir "$tmp/root"
if [ "$kind" = deb ]; then
    pkg=$(find "$tmp/out" -maxdepth 1 -name '*.deb')
    [ "$(printf '%s\n' "$pkg" | grep -c .)" -eq 1 ] || fail "expected one .deb, got: $pkg"
    echo "== $(basename "$pkg")"
    dpkg-deb -f "$pkg"
    [ "$(dpkg-deb -f "$pkg" Version)" = "$version" ] || fail "Version is not $version"
    for field in Package Maintainer Section Description Architecture; do
        [ -n "$(dpkg-deb -f "$pkg" $field)" ] || fail "empty $field"
    done
    depends=$(dpkg-deb -f "$pkg" Depends)
    [ -n "$depends" ] || fail "Depends is empty (dpkg-shlibdeps did not run?)"
    printf '%s\n' "$depends" | grep -q 'libqt6' || fail "Depends does not mention libqt6: $depends"
    printf '%s\n' "$depends" | grep -q 'libqt6svg6' || fail "Depends does not name libqt6svg6 (the icons' plugins): $depends"
    dpkg-deb -x "$pkg" "$tmp/root" || fail "dpkg-deb -x"
    prefix=$tmp/root/usr
    if command -v appstreamcli >/dev/null 2>&1; then
        # Checks the metainfo against the installed tree (e.g. that its launchable .desktop exists).
        appstreamcli validate-tree --no-net "$tmp/root" || fail "appstreamcli validate-tree"
    fi
else
    pkg=$(find "$tmp/out" -maxdepth 1 -name '*.tar.gz')
    [ "$(printf '%s\n' "$pkg" | grep -c .)" -eq 1 ] || fail "expected one .tar.gz, got: $pkg"
    echo "== $(basename "$pkg")"
    tar -xzf "$pkg" -C "$tmp/root" || fail "tar -x"
    top=$(ls "$tmp/root")
    [ "$(printf '%s\n' "$top" | grep -c .)" -eq 1 ] || fail "tarball has more than one top directory: $top"
    prefix=$tmp/root/$top
fi

echo "== installed files"
(cd "$prefix" && find . -type f | sort)
for f in share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
    share/icons/hicolor/scalable/apps/$id.svg; do
    [ -s "$prefix/$f" ] || fail "missing $f"
done
copyright=$prefix/share/doc/allmine-settings/copyright
[ -s "$copyright" ] || fail "missing share/doc/allmine-settings/copyright"
grep -q '^MIT License' "$copyright" || fail "the copyright file is not the MIT licence"
for n in 16 32 48 64 128 256; do
    [ -s "$prefix/share/icons/hicolor/${n}x$n/apps/$id.png" ] || fail "missing ${n}x$n icon"
done

failed=0
for b in "$@"; do
    exe=$prefix/bin/$b
    if [ ! -x "$exe" ]; then
        echo "FAIL: missing bin/$b" >&2; failed=1; continue
    fi
    if command -v readelf >/dev/null 2>&1 && readelf -d "$exe" | grep -E 'R(UN)?PATH' | grep -Fq "$build"; then
        echo "FAIL: bin/$b has an RPATH into the build tree" >&2; failed=1
    fi
    sh "$(dirname "$0")/check-library-path.sh" "$exe" || failed=1
    out=$(env -u LD_LIBRARY_PATH QT_QPA_PLATFORM=offscreen timeout 30 "$exe" --version 2>&1)
    rc=$?
    echo "$b --version (exit $rc): $out"
    if [ $rc -eq 124 ]; then
        echo "FAIL: bin/$b --version did not exit within 30 s (is --version handled before the window opens?)" >&2
        failed=1
    elif [ $rc -ne 0 ]; then
        echo "FAIL: bin/$b --version exited with $rc" >&2; failed=1
    elif ! printf '%s\n' "$out" | grep -Fq "$version"; then
        echo "FAIL: bin/$b --version does not print $version" >&2; failed=1
    fi
done
# The window finds Qt's SVG plugins and draws its icons with them: a screenshot run against a
# loopback port nobody listens on saves the window (with the error) and exits 3.
gui=$prefix/bin/allmine-settings
if [ -x "$gui" ]; then
    mkdir -p "$tmp/home"
    out=$(env -u LD_LIBRARY_PATH -u ALLMINE_TOKEN HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" \
        QT_QPA_PLATFORM=offscreen QT_DEBUG_PLUGINS=1 ALLMINE_TOKEN=not-a-token \
        timeout 60 "$gui" --server dev --base-url http://127.0.0.1:9 --screenshot "$tmp/window.png" 2>&1)
    rc=$?
    [ $rc -eq 3 ] || { echo "$out" | tail -20 >&2; echo "FAIL: bin/allmine-settings --screenshot exited with $rc, not 3" >&2; failed=1; }
    [ -s "$tmp/window.png" ] || { echo "FAIL: bin/allmine-settings --screenshot saved no file" >&2; failed=1; }
    if printf '%s\n' "$out" | grep 'loaded library' | grep -Eq '/(iconengines/libqsvgicon|imageformats/libqsvg)\.so'; then
        echo "ok: bin/allmine-settings loads Qt's SVG plugins"
    else
        echo "FAIL: bin/allmine-settings did not load Qt's SVG plugins for its icons" >&2; failed=1
    fi
fi
[ $failed -eq 0 ] || exit 1
echo "OK: $kind package"
