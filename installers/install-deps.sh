#!/usr/bin/env bash
# Installs the Debian 12 packages Scalewright needs to build, test and render
# headless (gmt and gmt-gshhg-low: the world map's coastlines are generated
# from GSHHG at build time). Idempotent: installs only what is missing and says what it installs.
set -euo pipefail

packages=(
  cmake g++ ninja-build pkg-config
  qt6-base-dev qt6-svg-dev libqt6svg6 qt6-base-dev-tools
  libqcustomplot-dev libeigen3-dev libsqlite3-dev libboost-graph-dev nlohmann-json3-dev
  xvfb xauth fonts-dejavu-core poppler-utils imagemagick
  gmt gmt-gshhg-low
  # The package test (tests/package): dpkg-buildflags, lintian, desktop-file-validate, appstreamcli, groff.
  dpkg-dev lintian desktop-file-utils appstream groff-base file
  # The fuzz targets (tests/fuzz): clang's libFuzzer and sanitizer runtimes.
  clang-14 libclang-rt-14-dev
  # The export test (tests/cli/test_cli_export): Graphviz parses the DOT export.
  graphviz
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"
