#!/usr/bin/env bash
# Installs everything the portal needs (a repo-local Node 22 when the machine's Node is
# older, then the dependencies) and starts backend (:7007) and app (:3000) on the
# embedded default: SQLite in memory, guest sign-in, the example organisation.
set -euo pipefail
source "$(dirname "$0")/lib/toolchain.sh"

bootstrap
cd "$REPO_ROOT"
log "Starting the portal: open http://localhost:3000/aws-access once it is up (Ctrl+C stops it)"
exec node "$YARN_RELEASE" start "$@"
