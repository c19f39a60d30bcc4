#!/usr/bin/env bash
# Runs a benchmark and prints its figures: ./scripts/bench.sh sync | read | lookup | page | fresh | memory | grant
set -euo pipefail
source "$(dirname "$0")/lib/toolchain.sh"

case "${1:-}" in
  sync) script=bench/syncBenchmark.ts ;;
  read) script=bench/readBenchmark.ts ;;
  lookup) script=bench/lookupBenchmark.ts ;;
  page) script=bench/pageBenchmark.ts ;;
  fresh) script=bench/freshBenchmark.ts ;;
  memory) script=bench/memoryBenchmark.ts ;;
  grant) script=bench/grant/grantBenchmark.ts ;;
  *)
    echo "usage: $0 sync|read|lookup|page|fresh|memory|grant" >&2
    exit 2
    ;;
esac
bootstrap
cd "$REPO_ROOT"
if [ "$1" = memory ]; then
  # The production build of the backend, as a deployment runs it.
  build_backend_bundle
fi
if [ "$1" = fresh ] || [ "$1" = memory ]; then
  # The events arrive through a queue on a local SQS-compatible server.
  start_sqs
  trap stop_sqs EXIT
  node node_modules/.bin/tsx "$script"
  exit
fi
exec node node_modules/.bin/tsx "$script"
