#!/usr/bin/env bash
# Builds the .deb from this build tree (cpack; the build is reused, not redone)
# and checks it as a Debian packager would: lintian with no error or warning,
# desktop-file-validate, appstreamcli validate --no-net, the contents list, one
# version everywhere, and a man page that groff reads cleanly and that names
# every verb and every option the program's --help lists.
# check_package.sh SOURCE_DIR BUILD_DIR VERSION
set -euo pipefail
src=$1 build=$2 version=$3
fail() { echo "FAIL: $*"; exit 1; }
cd "$build"
cpack -G DEB >cpack.log 2>&1 || { cat cpack.log; fail "cpack"; }
deb=scalewright_${version}_amd64.deb
[ -f "$deb" ] || fail "no $deb"
size=$(stat -c %s "$deb")
echo "package: $deb, $size bytes"
[ "$size" -lt 20000000 ] || fail "the package is $size bytes: is the binary stripped?"

tags=$(lintian --fail-on none "$deb" 2>&1 | grep -v 'running with root privileges' || true)
echo "lintian: ${tags:-clean}"
if echo "$tags" | grep -Eq '^(E|W): '; then fail "lintian errors or warnings"; fi

desktop-file-validate "$src/installers/io.github.scalewright.Scalewright.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$build/installers/io.github.scalewright.Scalewright.metainfo.xml" || fail "appstreamcli validate"

contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/scalewright ./usr/share/man/man1/scalewright.1.gz \
         ./usr/share/doc/scalewright/copyright ./usr/share/doc/scalewright/changelog.gz \
         ./usr/share/applications/io.github.scalewright.Scalewright.desktop \
         ./usr/share/metainfo/io.github.scalewright.Scalewright.metainfo.xml \
         ./usr/share/mime/packages/scalewright.xml \
         ./usr/share/bash-completion/completions/scalewright ./usr/share/zsh/vendor-completions/_scalewright \
         ./usr/share/icons/hicolor/scalable/apps/io.github.scalewright.Scalewright.svg \
         ./usr/share/icons/hicolor/16x16/apps/io.github.scalewright.Scalewright.png \
         ./usr/share/icons/hicolor/512x512/apps/io.github.scalewright.Scalewright.png \
         ./usr/share/scalewright/samples/planet-scale-3-region.json; do
  echo "$contents" | grep -qx "$f" || fail "the package lacks $f"
done
if echo "$contents" | grep -q '^./usr/share/doc/Scalewright'; then fail "doc directory not lower-case"; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$deb" "$tmp"
file "$tmp/usr/bin/scalewright" | grep -q ', stripped' || fail "the binary is not stripped"

# One version: CMake project version = --version = package = metainfo release = CHANGELOG.md.
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "package version"
[ "$("$tmp/usr/bin/scalewright" --version 2>/dev/null)" = "scalewright $version" ] || fail "--version"
grep -q "<release version=\"$version\"" "$tmp/usr/share/metainfo/io.github.scalewright.Scalewright.metainfo.xml" || fail "metainfo release"
grep -m1 '^## \[' "$src/CHANGELOG.md" | grep -qF "[$version]" || fail "CHANGELOG.md"

# The MIME magic: a .swproj renamed to .bin is still a Scalewright project.
grep -q 'value="SWPJ"' "$tmp/usr/share/mime/packages/scalewright.xml" || fail "mime magic"

# The man page: groff reads it without a warning, and it names every verb and option.
man="$tmp/usr/share/man/man1/scalewright.1.gz"
warnings=$(zcat "$man" | groff -man -ww -z 2>&1 || true)
[ -z "$warnings" ] || fail "groff: $warnings"
text=$(zcat "$man" | sed 's/\\-/-/g')
exe="$tmp/usr/bin/scalewright"
verbs=$("$exe" --help 2>/dev/null | awk '/^Verbs:/{v=1;next} v&&/^  [a-z]/{print $1} /^$/{v=0}')
[ -n "$verbs" ] || fail "no verbs in --help"
for v in $verbs; do
  echo "$text" | grep -q "^\.SS $v\$" || fail "man page lacks verb $v"
  targets=$v
  [ "$v" = calc ] && targets=$("$exe" calc --help 2>/dev/null | awk '/^  [a-z]/{print "calc:" $1}')
  for t in $targets; do
    for o in $(QT_QPA_PLATFORM=offscreen "$exe" ${t/:/ } --help 2>/dev/null | grep -oE '^  (-[a-z], )?--[a-z][a-z0-9-]*' | grep -oE -- '--[a-z][a-z0-9-]*'); do
      echo "$text" | grep -q -- "$o" || fail "man page lacks $o of ${t/:/ }"
    done
  done
done
for code in 0 1 2; do
  echo "$text" | awk '/^\.SH EXIT STATUS/{e=1} e' | grep -qx ".B $code" || fail "man page lacks exit code $code"
done
echo "package checks passed"
