#!/usr/bin/env bash
# A native plugin built outside the tree against the installed SDK only (CMake
# find_package(StretchPlanPluginSDK), then pkg-config) loads in the installed CLI.
# Skips with "skipped: SDK not installed" until the SDK header is in the installed tree.
#   native_plugin_test.sh PREFIX WORK_DIR
# The plugin is the example plugins/examples/native-hello, compiled here from its sources
# with nothing from the build tree.
set -euo pipefail
[[ $# -eq 2 ]] || { echo "usage: $0 PREFIX WORK_DIR" >&2; exit 2; }
prefix=$1 work=$2
example="$(cd "$(dirname "$0")/../.." && pwd)/plugins/examples/native-hello"
fail() { echo "FAIL: $*" >&2; exit 1; }

if [[ ! -f "$prefix/include/stretchplan/plugin.h" ]]; then
  echo "skipped: SDK not installed (no include/stretchplan/plugin.h in the installed tree)"
  exit 0
fi
[[ -d "$example" ]] || fail "the SDK is installed but the example $example is missing"
mkdir -p "$work"
mapfile -t sources < <(find "$example" -maxdepth 2 \( -name '*.c' -o -name '*.cpp' \) | sort)
[[ ${#sources[@]} -gt 0 ]] || fail "no C or C++ sources in $example"

# 1. CMake: find_package alone, linking whatever imported targets the package defines.
mkdir -p "$work/cmake-src"
cat >"$work/cmake-src/CMakeLists.txt" <<CMAKE
# A plugin project outside the StretchPlan tree, as a vendor would write it.
cmake_minimum_required(VERSION 3.25)
project(native_plugin_check LANGUAGES C CXX)
find_package(StretchPlanPluginSDK CONFIG REQUIRED)
get_directory_property(sdk_targets IMPORTED_TARGETS)
if(NOT sdk_targets)
  message(FATAL_ERROR "StretchPlanPluginSDK defines no imported target")
endif()
add_library(native-hello MODULE ${sources[*]})
set_target_properties(native-hello PROPERTIES PREFIX "" C_VISIBILITY_PRESET hidden CXX_VISIBILITY_PRESET hidden)
target_link_libraries(native-hello PRIVATE \${sdk_targets})
CMAKE
cmake -S "$work/cmake-src" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" >"$work/cmake.log" 2>&1 ||
  fail "find_package(StretchPlanPluginSDK) against the installed SDK: $(cat "$work/cmake.log")"
cmake --build "$work/cmake-build" >>"$work/cmake.log" 2>&1 || fail "building with the SDK's CMake package: $(cat "$work/cmake.log")"
echo "ok: the example plugin builds with find_package(StretchPlanPluginSDK) from the installed tree"

# 2. pkg-config: the installed .pc file alone.
pc=$(find "$prefix" -path '*/pkgconfig/*.pc' -name '*stretchplan*' | head -n1)
[[ -n "$pc" ]] || fail "the SDK is installed without a pkg-config file"
cflags=$(PKG_CONFIG_PATH="$(dirname "$pc")" pkg-config --define-prefix --cflags "$(basename "$pc" .pc)") ||
  fail "pkg-config $(basename "$pc")"
for src in "${sources[@]}"; do
  compiler=cc; [[ "$src" == *.cpp ]] && compiler=c++
  # shellcheck disable=SC2086 # cflags is a word list
  $compiler -fPIC -fvisibility=hidden $cflags -c "$src" -o "$work/$(basename "$src").o" || fail "compiling $src with pkg-config flags"
done
c++ -shared -o "$work/native-hello.so" "$work"/*.o || fail "linking the pkg-config build"
echo "ok: the example plugin builds with pkg-config $(basename "$pc" .pc)"

# 3. The installed CLI loads it. A native plugin is a folder NAME holding NAME.so. It goes in
# the user plugin folder, where code stays off until a clinician enables it; the built-in
# copy of the example is left out (--no-builtin) so that the one built here is the one used.
user_plugins="${XDG_DATA_HOME:?}/stretchplan/plugins"
mkdir -p "$user_plugins/native-hello"
cp "$work/cmake-build/native-hello.so" "$user_plugins/native-hello/"
cli=("$prefix/bin/stretchplan-cli" --no-builtin)
"${cli[@]}" plugins list --json >"$work/before.json" || true
python3 - "$work/before.json" <<'PY' || fail "an untrusted user native plugin is not disabled: $(cat "$work/before.json")"
import json, sys
mine = [p for p in json.load(open(sys.argv[1]))["packs"] if p["id"] == "native-hello"]
assert mine and mine[0]["status"] == "disabled" and mine[0]["kind"] == "native", mine
PY
"${cli[@]}" plugins enable native-hello >/dev/null || fail "plugins enable native-hello"
"${cli[@]}" plugins list --json >"$work/plugins.json" || fail "plugins list: $(cat "$work/plugins.json")"
python3 - "$work/plugins.json" <<'PY' || fail "the plugin built against the installed SDK does not load: $(cat "$work/plugins.json")"
import json, sys
mine = [p for p in json.load(open(sys.argv[1]))["packs"] if p["id"] == "native-hello"]
assert mine and mine[0]["status"] == "loaded" and mine[0]["exercises"] == 2, mine
PY
"${cli[@]}" catalog show native-hello/hip-hinge >/dev/null || fail "catalog show native-hello/hip-hinge"
# The pkg-config build is the same plugin: it loads too once enabled (a new library).
cp "$work/native-hello.so" "$user_plugins/native-hello/native-hello.so"
"${cli[@]}" plugins enable native-hello >/dev/null || fail "plugins enable native-hello (pkg-config build)"
"${cli[@]}" plugins list --json >"$work/plugins.json" || fail "plugins list: $(cat "$work/plugins.json")"
python3 - "$work/plugins.json" <<'PY' || fail "the pkg-config build does not load: $(cat "$work/plugins.json")"
import json, sys
mine = [p for p in json.load(open(sys.argv[1]))["packs"] if p["id"] == "native-hello"]
assert mine and mine[0]["status"] == "loaded", mine
PY
echo "ok: plugins built against the installed SDK load in the installed CLI (after a clinician enables them)"
