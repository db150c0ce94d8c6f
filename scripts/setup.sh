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
  nlohmann-json3-dev libtomlplusplus-dev libyaml-cpp-dev libarchive-dev
  help2man fonts-dejavu-core
  libxml2-utils poppler-utils graphviz
)
# The offline validators that tests/export/check-bundle.sh runs on exported bundles. nodejs and
# npm only install the pinned npm tools (which bring their own node 22), so an existing npm is
# kept. gcloud (google-cloud-cli) is not in Debian: without it the bundle-check tests are skipped
# (exit 77), or fail under CI=true.
nginx_was_installed=false
if [ "$mode" = test ]; then
  packages+=(docker-compose nginx yamllint shellcheck python3-yaml iproute2)
  # The package test (tests/package) builds the .deb with CPack and checks it with these.
  packages+=(dpkg-dev file lintian desktop-file-utils appstream shared-mime-info man-db)
  if ! command -v npm >/dev/null 2>&1; then packages+=(nodejs npm); fi
  if dpkg-query -W -f='${Status}' nginx 2>/dev/null | grep -q 'install ok installed'; then
    nginx_was_installed=true
  fi
fi
$sudo apt-get -o DPkg::Lock::Timeout=600 update -q
$sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${packages[@]}"

if [ "$mode" = test ]; then
  # The nginx package starts a default server on port 80; the tests only need `nginx -t`.
  if [ "$nginx_was_installed" = false ] && command -v systemctl >/dev/null 2>&1 &&
    systemctl is-active --quiet nginx 2>/dev/null; then
    $sudo systemctl disable --now nginx
  fi
  (cd tests/export/tools && npm ci --no-audit --no-fund)
fi

if [ "$mode" = run ]; then
  cmake --preset default
  cmake --build --preset default
  exec ./build/bin/stackplan resources/examples/allogator.stackplan.json
else
  cmake --workflow --preset default
fi
