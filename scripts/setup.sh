#!/usr/bin/env bash
# Installs everything building, running and testing need on Debian 12. Safe to run again:
# it installs only what is missing. Uses sudo when not root.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

apt_packages=(
    # toolchain
    cmake ninja-build g++ ccache pkg-config git clang-format python3 openssl
    # lld: links each test against the debug libraries in 2 s where ld.bfd takes 14 (CMakeLists.txt)
    lld
    # Qt 6.4 (Debian 12)
    qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite
    qt6-charts-dev qt6-svg-dev
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts qml6-module-qtquick-window
    qml6-module-qtqml-workerscript qml6-module-qtquick-templates qml6-module-qttest qml6-module-qtcharts
    qml6-module-qtquick-dialogs qml6-module-qt-labs-platform qml6-module-qtqml-models
    # the flows pages draw workflow graphs with Qt Quick Shapes
    qml6-module-qtquick-shapes
    # QtQml's own qmltypes (Timer, Connections, Binding): qmllint resolves them from here
    qml6-module-qtqml
    # the non-native FileDialog (Export…) imports Qt.labs.folderlistmodel: without it the dialog fails to load
    qml6-module-qt-labs-folderlistmodel
    qtkeychain-qt6-dev
    # translations: lupdate/lrelease (qt_add_translations) and Qt's own strings in French (dialogs)
    qt6-l10n-tools qt6-translations-l10n
    # the app's look: Inter (text), JetBrains Mono (amounts, IDs, addresses), Breeze icons
    fonts-inter fonts-jetbrains-mono breeze-icon-theme
    # exact money and fast JSON; zlib for answers' Content-Encoding (and the gzip-bomb test)
    libsimdjson-dev libboost-dev zlib1g-dev
    # sanitizers and libFuzzer (the asan and fuzz presets), symbolized stack traces
    clang-14 libclang-rt-14-dev llvm-14
    # benchmarks and load
    libbenchmark-dev wrk curl
    # headless UI, keychain tests, screenshots
    xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools fonts-dejavu-core libgl1-mesa-dri imagemagick
    # test tools from npm (Prism)
    nodejs npm
    # packaging checks
    desktop-file-utils appstream lintian dpkg-dev librsvg2-bin
)

missing=()
for pkg in "${apt_packages[@]}"; do
    if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]]; then
        # node and npm may come from elsewhere: a working command is enough
        if [[ "$pkg" == nodejs ]] && command -v node >/dev/null; then continue; fi
        if [[ "$pkg" == npm ]] && command -v npm >/dev/null; then continue; fi
        missing+=("$pkg")
    fi
done

if ((${#missing[@]})); then
    sudo=""
    if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
    echo "setup: installing ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm test tools, pinned by the committed lockfiles.
for dir in "$root"/tests/*/; do
    if [[ -f "$dir/package-lock.json" ]]; then
        if [[ ! -d "$dir/node_modules" || "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]]; then
            echo "setup: npm ci in ${dir#"$root"/}"
            (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
        fi
    fi
done
