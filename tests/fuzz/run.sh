#!/usr/bin/env bash
# Runs a fuzz target for a while, seeded with every JSON file of the project's packs and
# fixtures. Usage: tests/fuzz/run.sh FUZZER SECONDS
set -euo pipefail
fuzzer=$1
seconds=${2:-60}
here=$(cd "$(dirname "$0")/../.." && pwd)
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
find "$here/plugins" "$here/tests/data" -name '*.json' -type f -exec cp --backup=numbered -t "$corpus" {} +
"$fuzzer" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -print_final_stats=1
