#!/usr/bin/env bash
# The soak: two instances of the production-built backend on PostgreSQL with events, for
# 30 minutes (or --minutes M / SOAK_MINUTES), through a PostgreSQL restart, a minute without
# the queue and Identity Center throttling. Prints figures; the last line is
#   soak minutes=M changes=C exact=E/T http_5xx_other_than_503=K rss_growth_pct=G max_lag_s=L
# and the exit code is non-zero if a check failed. It RESTARTS the local PostgreSQL cluster
# (pg_ctlcluster ... restart): other tests using it at that moment lose their connections.
# Ports: backends 7620 and 7621, the queue server 9361.
set -euo pipefail
source "$(dirname "$0")/lib/toolchain.sh"

bootstrap
ensure_postgres
build_backend_bundle
cd "$REPO_ROOT"
exec node node_modules/.bin/tsx bench/soak.ts "$@"
