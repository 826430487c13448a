# Shared by the scripts in scripts/: finds the repository and installs what is missing.
# shellcheck shell=bash
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export ROOT

# Debian 12 packages the build, the tests and the README's two commands need.
PACKAGES=(
    cmake ninja-build g++ pkg-config git
    qt6-base-dev qt6-base-private-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n qt6-svg-dev libqt6svg6 qtkeychain-qt6-dev
    qt6-httpserver-dev qt6-websockets-dev libgl-dev
    gnome-keyring dbus libsecret-tools
    xvfb xauth fonts-dejavu-core
    desktop-file-utils appstream dpkg-dev file
    libpng-dev openssl curl clang libclang-rt-14-dev clang-format
)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the packages above that are not installed yet (apt-get update once, first).
ensure_packages() {
    local missing=()
    local pkg
    for pkg in "${PACKAGES[@]}" "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi
    echo "Installing missing packages: ${missing[*]}" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# configure_and_build PRESET [TARGET...]: CMake preset configure, then build.
configure_and_build() {
    local preset="$1"
    shift
    cmake --preset "$preset" -S "$ROOT" >/dev/null
    if [ "$#" -gt 0 ]; then
        cmake --build --preset "$preset" --parallel "$(nproc)" --target "$@"
    else
        cmake --build --preset "$preset" --parallel "$(nproc)"
    fi
}
