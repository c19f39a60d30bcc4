#!/usr/bin/env bash
# Runs a benchmark and prints its figures: ./scripts/bench.sh sync | read | lookup | page
set -euo pipefail
source "$(dirname "$0")/lib/toolchain.sh"

case "${1:-}" in
  sync) script=bench/syncBenchmark.ts ;;
  read) script=bench/readBenchmark.ts ;;
  lookup) script=bench/lookupBenchmark.ts ;;
  page) script=bench/pageBenchmark.ts ;;
  *)
    echo "usage: $0 sync|read|lookup|page" >&2
    exit 2
    ;;
esac
bootstrap
cd "$REPO_ROOT"
exec node node_modules/.bin/tsx "$script"
