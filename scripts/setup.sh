#!/usr/bin/env bash
# Installs what Stackplan needs on Debian 12 (and the tools its export tests check files with:
# xmllint, pdfinfo and pdftotext; graphviz for the render benchmark's comparison), builds it,
# then either starts the app on the bundled example (`run`) or runs the whole test suite
# (`test`). Works as root and as a user with sudo. Usage: scripts/setup.sh run|test
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"
case "$mode" in
  run|test) ;;
  *) echo "usage: scripts/setup.sh run|test" >&2; exit 2 ;;
esac

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

packages=(
  g++ cmake ninja-build
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev
  nlohmann-json3-dev libtomlplusplus-dev
  fonts-dejavu-core
  libxml2-utils poppler-utils graphviz
)
$sudo apt-get -o DPkg::Lock::Timeout=600 update -q
$sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${packages[@]}"

if [ "$mode" = run ]; then
  cmake --preset default
  cmake --build --preset default
  exec ./build/bin/stackplan resources/examples/allogator.stackplan.json
else
  cmake --workflow --preset default
fi
