#!/usr/bin/env bash
# The compatibility statement in the READMEs, kept true: the packed plugin packages added to
# a new app of the supported Backstage release (its create-app template, with the release's
# own versions) bring no second version of any @backstage/* package. Scaffolds the template
# once and keeps it, the release's registry metadata and the app's resolved lock under
# node_modules/.cache, so a second run needs no network. See scripts/compatibility/.
set -euo pipefail
source "$(dirname "$0")/lib/toolchain.sh"
ensure_node
cd "$REPO_ROOT"

CREATE_APP_VERSION="0.9.2" # Backstage 1.55
cache="$REPO_ROOT/node_modules/.cache/aws-access-compatibility"
template="$cache/create-app-$CREATE_APP_VERSION"
mkdir -p "$cache"

if [ ! -f "$template/backstage.json" ]; then
  log "Scaffolding an app with @backstage/create-app@$CREATE_APP_VERSION"
  rm -rf "$template"
  # create-app checks that yarn is on PATH; give it the repository's release.
  shim="$(mktemp -d)"
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "$YARN_RELEASE" >"$shim/yarn"
  chmod +x "$shim/yarn"
  PATH="$shim:$PATH" BACKSTAGE_APP_NAME=compatibility-app \
    npx -y "@backstage/create-app@$CREATE_APP_VERSION" --path "$template" --skip-install >&2
  rm -rf "$shim"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/aws-access-compatibility-XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tarballs"
# Only the manifests matter for resolving, so the packages are packed without building.
for pkg in aws-access-common aws-access-backend aws-access search-backend-module-aws-access; do
  (cd "plugins/$pkg" && yarn pack --out "$work/tarballs/$pkg.tgz" >/dev/null)
done
node scripts/compatibility/check.cjs "$template" "$work/tarballs" "$work" "$cache"
