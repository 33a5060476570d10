#!/usr/bin/env bash
# The two Debian packages as a user gets them: cpack builds formance-desk and libformance-sdk-dev,
# lintian finds no error in either, and (in CI, or with FORMANCE_PACKAGE_INSTALL=1, as root or with
# sudo) both are installed with apt, the installed formance-desk prints its version and renders a
# page of the demo stack, and examples/stack-tour builds against the installed SDK (/usr) and runs.
# The packages are removed again at the end.
# usage: check-debs.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build="$1" source="$2" work="$3"
rm -rf "$work" && mkdir -p "$work"

(cd "$build" && cpack -G DEB -B "$work" >"$work/cpack.log" 2>&1) || { tail -30 "$work/cpack.log"; exit 1; }
desk=$(ls "$work"/formance-desk_*.deb)
sdk=$(ls "$work"/libformance-sdk-dev_*.deb)
for deb in "$desk" "$sdk"; do
    echo "== $(basename "$deb")"
    dpkg-deb --field "$deb" Package Version Installed-Size Depends
done
# What the app needs beyond its linked libraries: the design system's fonts and icons, and Qt's own
# translations (the French of its dialogs' buttons, loaded from QLibraryInfo's TranslationsPath).
depends=$(dpkg-deb --field "$desk" Depends)
for needed in fonts-inter fonts-jetbrains-mono breeze-icon-theme qt6-translations-l10n; do
    [[ ", $depends," == *", $needed"[,\ ]* ]] || { echo "FAIL: formance-desk does not depend on $needed"; exit 1; }
done
dpkg-deb --contents "$desk" >"$work/desk-contents.txt"
dpkg-deb --contents "$sdk" >"$work/sdk-contents.txt"
grep -q "./usr/bin/formance-desk$" "$work/desk-contents.txt" || { echo "FAIL: no /usr/bin/formance-desk"; exit 1; }
grep -q "hicolor/256x256/apps/com.formance.Desk.png" "$work/desk-contents.txt" || { echo "FAIL: no PNG icon"; exit 1; }
grep -q "./usr/include/Formance/Client.h$" "$work/sdk-contents.txt" || { echo "FAIL: no headers"; exit 1; }
grep -q "FormanceSdkConfig.cmake$" "$work/sdk-contents.txt" || { echo "FAIL: no CMake package"; exit 1; }

# lintian: errors fail, warnings are printed.
lintian --fail-on error --suppress-tags-from-file /dev/null "$desk" "$sdk" | tee "$work/lintian.txt"

if [[ "${CI:-}" != true && "${FORMANCE_PACKAGE_INSTALL:-}" != 1 ]]; then
    echo "ok: packages built and linted (set FORMANCE_PACKAGE_INSTALL=1 to install and run them)"
    exit 0
fi
sudo=""
if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null || { echo "FAIL: installing needs root or sudo"; exit 1; }
    sudo="sudo -n"
fi
cleanup() { $sudo dpkg -r formance-desk libformance-sdk-dev >/dev/null 2>&1 || true; }
trap cleanup EXIT
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$desk" "$sdk" >"$work/apt.log" 2>&1 \
    || { tail -20 "$work/apt.log"; exit 1; }

version=$(/usr/bin/formance-desk --version)
echo "installed: $version"
[[ "$version" == *"$(sed -n 's/^project(FormanceDesk VERSION \([0-9.]*\).*/\1/p' "$source/CMakeLists.txt")"* ]] \
    || { echo "FAIL: unexpected version"; exit 1; }
QT_QPA_PLATFORM=offscreen timeout 120 /usr/bin/formance-desk --demo --page ledgers --screenshot "$work/installed-ledgers.png" \
    >"$work/screenshot.log" 2>&1 || { cat "$work/screenshot.log"; exit 1; }
[[ "$(identify -format '%k' "$work/installed-ledgers.png")" -gt 40 ]] || { echo "FAIL: blank screenshot"; exit 1; }

# The example against the installed package only (the system prefix).
cmake -S "$source/examples/stack-tour" -B "$work/example" -G Ninja -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF >"$work/example.log"
cmake --build "$work/example" >>"$work/example.log"
/usr/bin/formance-sandbox --port 0 --seed demo --client-id tour --client-secret tour-secret >"$work/sandbox.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; cleanup' EXIT
for _ in $(seq 100); do grep -q "listening on" "$work/sandbox.log" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$work/sandbox.log")
"$work/example/stack-tour" "$url" tour tour-secret | tee "$work/example-out.txt"
grep -qx "balance 18446744073709551617" "$work/example-out.txt" || { echo "FAIL: the amount did not come back exact"; exit 1; }
echo "ok: both packages built, linted, installed and run"
