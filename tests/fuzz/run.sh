#!/usr/bin/env bash
# Runs a fuzz target for a while, seeded from the project's test data: the image decoder
# with every PNG and JPEG of plugins/ and tests/data/, the JSON parsers (packs, plan files)
# with every JSON file there. Usage: tests/fuzz/run.sh FUZZER SECONDS [CORPUS_DIR]
# A CORPUS_DIR is kept (and grows) between runs; without one, a temporary folder is used.
set -euo pipefail
fuzzer=$1
seconds=${2:-60}
here=$(cd "$(dirname "$0")/../.." && pwd)
if [ -n "${3:-}" ]; then
  corpus=$3
  mkdir -p "$corpus"
else
  corpus=$(mktemp -d)
  trap 'rm -rf "$corpus"' EXIT
fi
case "$(basename "$fuzzer")" in
  fuzz_image_decode) seeds=(-iname '*.png' -o -iname '*.jpg' -o -iname '*.jpeg') ;;
  *) seeds=(-name '*.json') ;;
esac
find "$here/plugins" "$here/tests/data" -type f \( "${seeds[@]}" \) -exec cp --backup=numbered -t "$corpus" {} +
"$fuzzer" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -print_final_stats=1
