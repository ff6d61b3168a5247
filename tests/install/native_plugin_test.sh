#!/usr/bin/env bash
# A native plugin built outside the tree against the installed SDK only (CMake
# find_package(StretchPlanPluginSDK), then pkg-config) loads in the installed CLI.
# Skips with "skipped: SDK not installed" until the SDK header is in the installed tree.
#   native_plugin_test.sh PREFIX WORK_DIR
# The plugin is the example plugins/examples/native-hello (issue 6), compiled here from its
# sources with nothing from the build tree; its folder's data files go beside the module.
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

# 3. The installed CLI loads it: the module beside the example's data files, enabled
# (a native plugin is code, so it starts disabled) and listed as loaded.
mkdir -p "$work/plugins/native-hello"
find "$example" -maxdepth 1 -type f ! -name '*.c' ! -name '*.cpp' ! -name '*.h' ! -name CMakeLists.txt \
  -exec cp {} "$work/plugins/native-hello/" \;
cp "$work/cmake-build/native-hello.so" "$work/plugins/native-hello/"
cli=("$prefix/bin/stretchplan-cli" --plugins-dir "$work/plugins")
id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("id","native-hello"))' \
     "$work/plugins/native-hello/manifest.json" 2>/dev/null || echo native-hello)
"${cli[@]}" plugins enable "$id" >/dev/null || fail "plugins enable $id"
"${cli[@]}" plugins list --json >"$work/plugins.json" || fail "plugins list: $(cat "$work/plugins.json")"
python3 - "$id" "$work/plugins.json" <<'PY' || fail "the plugin built against the installed SDK does not load: $(cat "$work/plugins.json")"
import json, sys
data = json.load(open(sys.argv[2]))
plugins = data if isinstance(data, list) else data.get("plugins", data.get("packs", []))
mine = [p for p in plugins if p.get("id") == sys.argv[1]]
assert mine and mine[0].get("status") == "loaded", mine
PY
echo "ok: the plugin built against the installed SDK loads in the installed CLI"
