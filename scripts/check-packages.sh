#!/usr/bin/env bash
# Builds and packs the four plugin packages as they would be published, installs the
# tarballs with npm into a new, empty app, and checks there that they load, carry their
# migrations, script pieces, config schema, README and CHANGELOG (and every file the
# README links to), bring every package their built files import, and type-check in an app
# that uses their public exports (scripts/fresh-app).
# Needs tsc's declarations (yarn tsc) first; scripts/test.sh runs it after the typecheck.
set -euo pipefail
source "$(dirname "$0")/lib/toolchain.sh"
ensure_node
cd "$REPO_ROOT"

work="$(mktemp -d "${TMPDIR:-/tmp}/aws-access-fresh-app-XXXXXX")"
trap 'rm -rf "$work"' EXIT
deps=()
for pkg in aws-access-common aws-access-backend aws-access search-backend-module-aws-access; do
  (cd "plugins/$pkg" && yarn build >&2 && yarn pack --out "$work/$pkg.tgz" >&2)
  name="$(node -p "require('./plugins/$pkg/package.json').name")"
  deps+=("\"$name\": \"file:$work/$pkg.tgz\"")
done

app="$work/app"
mkdir -p "$app"
cp scripts/fresh-app/* "$app/"
cat >"$app/package.json" <<JSON
{
  "name": "fresh-app",
  "private": true,
  "dependencies": {
    $(IFS=,; echo "${deps[*]}"),
    "@types/react": "^18.0.0",
    "react": "^18.0.2",
    "react-dom": "^18.0.2",
    "react-router-dom": "^6.30.2"
  }
}
JSON
log "Installing the packed plugins into a fresh app with npm"
(cd "$app" && npm install --no-audit --no-fund --prefer-offline --loglevel=error >&2)
(cd "$app" && node verify.cjs && node "$REPO_ROOT/node_modules/typescript/bin/tsc" -p tsconfig.json)
