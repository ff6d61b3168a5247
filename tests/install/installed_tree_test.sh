#!/usr/bin/env bash
# StretchPlan run from an installed tree, as a clinic gets it: install into a temporary
# prefix, move that prefix elsewhere (so nothing can lean on the build or source tree),
# then use the installed CLI end to end and validate the desktop integration files.
#   installed_tree_test.sh --build BUILD_DIR   cmake --install BUILD_DIR (what `make test` runs)
#   installed_tree_test.sh --deb FILE.deb      the files of a built package (dpkg-deb -x)
# Checks of parts that other work adds (the desktop app, the plugin SDK) run only when the
# installed tree has them, and say "skipped:" otherwise.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)

[[ $# -eq 2 ]] || { echo "usage: $0 --build BUILD_DIR | --deb FILE.deb" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sp-install-test-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

case "$1" in
  --build)
    build_dir=$(cd "$2" && pwd)
    "${CMAKE:-cmake}" --install "$build_dir" --prefix "$tmp/first" --strip >/dev/null
    mv "$tmp/first" "$tmp/prefix" ;;
  --deb)
    build_dir=""
    dpkg-deb -x "$2" "$tmp/root"
    mv "$tmp/root/usr" "$tmp/prefix" ;;
  *) echo "usage: $0 --build BUILD_DIR | --deb FILE.deb" >&2; exit 2 ;;
esac
prefix="$tmp/prefix"
cli="$prefix/bin/stretchplan-cli"
[[ -x "$cli" ]] || fail "no installed stretchplan-cli at bin/stretchplan-cli"

# A clean user: no packs, settings or database from whoever runs the tests; no system packs.
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config"
export XDG_CACHE_HOME="$tmp/home/cache" XDG_DATA_DIRS="$tmp/no-system-dirs"
mkdir -p "$HOME"
cd "$tmp" # not the source tree: nothing may be found by a relative path from there
json() { local code=$1; shift; python3 -c "import json,sys; data=json.load(sys.stdin); $code" "$@"; }

# No installed file holds a path of the build machine: not the binaries (stripped, as in
# the .deb), nor data, nor (once they exist) the plugin runner or the SDK's CMake and
# pkg-config files.
for p in "$source_dir" ${build_dir:+"$build_dir"}; do
  leaks=$(grep -rlF -- "$p" "$prefix" || true)
  [[ -z "$leaks" ]] || fail "installed files hold the build machine's path $p: $leaks"
done
pass "no installed file holds the source or build path"

# The catalog: the ten built-in lumbar exercises, from the prefix.
"$cli" catalog list --json >catalog.json || fail "catalog list exited $?"
n=$(json 'print(sum(1 for e in data if e["pack"] == "lumbar"))' <catalog.json)
[[ "$n" == 10 ]] || fail "expected the 10 built-in lumbar exercises, found $n"
"$cli" plugins list --json >plugins.json || fail "plugins list exited $?"
json '
lumbar = [p for p in data["packs"] if p["id"] == "lumbar"]
assert lumbar, "no lumbar pack"
folder = lumbar[0]["folder"]
assert folder.startswith(sys.argv[1] + "/share/stretchplan/plugins/"), folder
assert lumbar[0]["status"] == "loaded", lumbar[0]
' "$prefix" <plugins.json || fail "the lumbar pack is not loaded from the prefix: $(cat plugins.json)"
pass "catalog lists the 10 lumbar exercises, loaded from $prefix/share/stretchplan/plugins"
# The example native plugin, run by the installed plugin runner.
json '
hello = [p for p in data["packs"] if p["id"] == "native-hello"]
assert hello and hello[0]["kind"] == "native" and hello[0]["status"] == "loaded", hello
assert hello[0]["library"].startswith(sys.argv[1] + "/"), hello[0]["library"]
' "$prefix" <plugins.json || fail "the example native plugin is not loaded from the prefix: $(cat plugins.json)"
pass "the example native plugin loads from the prefix through the installed plugin runner"

# A patient, a plan from an installed template, a handout from the installed fonts and templates.
db="$tmp/clinic.db"
patient=$("$cli" --db "$db" patient add --name "Zoë Installwood" --dob 1980-06-15 \
          --preference extension-relieves) || fail "patient add exited $?"
"$cli" --db "$db" patient screen "$patient" --red-flags none >/dev/null || fail "patient screen exited $?"
[[ $("$cli" --db "$db" plan templates) == *lumbar-extension-bias* ]] || fail "plan templates misses lumbar-extension-bias"
plan=$("$cli" --db "$db" plan create --patient "$patient" --title "Low back" \
       --template lumbar-extension-bias 2>guidance.txt) || fail "plan create exited $?: $(cat guidance.txt)"
[[ "$patient" =~ ^[0-9]+$ && "$plan" =~ ^[0-9]+$ ]] || fail "patient add and plan create print ids, not '$patient', '$plan'"
"$cli" --db "$db" plan export "$plan" --out "$tmp/handout.pdf" >/dev/null || fail "plan export exited $?"
qpdf --check "$tmp/handout.pdf" >/dev/null || fail "qpdf --check rejects the handout"
fonts=$(pdffonts "$tmp/handout.pdf" | tail -n +3)
[[ -n "$fonts" ]] || fail "the handout has no fonts"
while read -r font; do
  [[ "$font" == *" yes yes "* ]] || fail "a font is not embedded as a subset: $font"
done <<<"$fonts"
grep -q DejaVuSans <<<"$fonts" || fail "the handout is not set in DejaVu Sans: $fonts"
text=$(pdftotext "$tmp/handout.pdf" -)
[[ "$text" == *"Zoë Installwood"* ]] || fail "the handout does not name the patient"
[[ "$text" == *"Prone press-up"* ]] || fail "the handout misses the plan's exercises"
pass "patient $patient, plan $plan, handout passes qpdf, pdffonts (embedded subsets) and pdftotext"

# Desktop integration.
desktop-file-validate "$prefix/share/applications/stretchplan.desktop" || fail "desktop-file-validate"
grep -qx 'Exec=stretchplan' "$prefix/share/applications/stretchplan.desktop" || fail "Exec is not stretchplan"
appstreamcli validate --no-net "$prefix/share/metainfo/org.stretchplan.StretchPlan.metainfo.xml" >/dev/null ||
  fail "appstreamcli validate: $(appstreamcli validate --no-net "$prefix/share/metainfo/org.stretchplan.StretchPlan.metainfo.xml")"
if [[ -n "$build_dir" ]]; then
  check="$build_dir/installer/metainfo-screenshots-check.xml"
  grep -q '<screenshot type="default">' "$check" || fail "the screenshots check file has no screenshot"
  appstreamcli validate --no-net "$check" >/dev/null || fail "the metainfo with screenshots does not validate"
fi
for size in 16 22 24 32 48 64 128 256; do
  png="$prefix/share/icons/hicolor/${size}x${size}/apps/stretchplan.png"
  [[ $(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print(*struct.unpack(">II", d[16:24]) if d[:8]==b"\x89PNG\r\n\x1a\n" else ())' \
       "$png" 2>/dev/null) == "$size $size" ]] || fail "no ${size}x${size} PNG icon"
done
[[ -f "$prefix/share/icons/hicolor/scalable/apps/stretchplan.svg" ]] || fail "no SVG icon"
for page in stretchplan-cli stretchplan; do
  man_page="$prefix/share/man/man1/$page.1.gz"
  [[ -f "$man_page" ]] || fail "no man page $page(1)"
  [[ $(zcat "$man_page") == *$'\n'".TH ${page^^} 1 "* ]] || fail "$page.1.gz is not a section 1 man page"
done
pass "desktop entry, metainfo, icons and man pages"

# Parts added by other work: checked once they are installed.
if [[ -e "$prefix/bin/stretchplan" ]]; then
  [[ -x "$prefix/bin/stretchplan" ]] || fail "bin/stretchplan is not executable"
  pass "the desktop app is installed"
else
  echo "skipped: desktop app not installed (bin/stretchplan)"
fi
"$here/native_plugin_test.sh" "$prefix" "$tmp/native-plugin"
echo "PASS: installed tree"
