#!/usr/bin/env bash
# The README's two commands in one script:
#   installers/quickstart.sh        install, build, open the app on the planet-scale sample
#                                   (with no display: render that sample's capacity report as a PDF)
#   installers/quickstart.sh test   install, build, run the whole test suite with ctest
set -euo pipefail
cd "$(dirname "$0")/.."

bash installers/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default --parallel "$(nproc)"

sample=samples/planet-scale-3-region.json
case "${1:-run}" in
  test)
    ctest --preset default --parallel "$(nproc)"
    ;;
  run)
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      exec ./build/app/scalewright "$sample"
    fi
    echo "No display: rendering the capacity report of $sample instead of opening the app."
    ./build/app/scalewright report "$sample" -o scalewright-report.pdf
    ./build/app/scalewright analyze "$sample"
    echo "The whole report: $(pwd)/scalewright-report.pdf"
    ;;
  *)
    echo "usage: $0 [run|test]" >&2
    exit 2
    ;;
esac
