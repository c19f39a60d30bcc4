#!/usr/bin/env bash
# Installs everything the checks need (Node 22, dependencies, Debian's Chromium, AWS CLI v2,
# PostgreSQL and an SQS-compatible server, fauxqs) and runs
# typecheck, API reports, a pack-and-install of the plugin packages into a fresh app, a
# compatibility install into a new app of the supported Backstage release, lint, a check
# of the generated scripts with shellcheck, formatting check, unit tests and browser tests.
# Every step runs even when an earlier one fails; the last line is "N passed, M failed" and
# the exit code is non-zero on any failure. Each of typecheck, API reports, knip reports,
# packages install, compatibility, lint, folder imports, shellcheck and formatting counts
# as one check.
set -uo pipefail
source "$(dirname "$0")/lib/toolchain.sh"

set -e
bootstrap
ensure_debian_package /usr/bin/chromium chromium
# AWS CLI v2 for the config and verify-script tests (Debian's awscli is 2.x at /usr/bin/aws).
ensure_debian_package /usr/bin/aws awscli
# The setup script must run under dash and bash, and with the One True AWK that macOS ships.
ensure_debian_package /bin/dash dash
ensure_debian_package /usr/bin/original-awk original-awk
ensure_debian_package /usr/bin/shellcheck shellcheck
ensure_postgres
start_sqs
trap stop_sqs EXIT
set +e

cd "$REPO_ROOT"
export CI=true
results_dir="$REPO_ROOT/node_modules/.cache/aws-access-test"
rm -rf "$results_dir"
mkdir -p "$results_dir"

passed=0
failed=0
failures=()

check() {
  local name="$1"
  shift
  log "$name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$name")
  fi
}

# Adds the passed/failed counts from a test runner's JSON report.
count_report() {
  local name="$1" report="$2" kind="$3"
  if [ ! -s "$report" ]; then
    failed=$((failed + 1))
    failures+=("$name (no report written)")
    return
  fi
  local counts
  counts="$(node -e '
    const [file, kind] = process.argv.slice(1);
    const r = JSON.parse(require("fs").readFileSync(file, "utf8"));
    const [p, f] = kind === "jest"
      ? [r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites]
      : [r.stats.expected, r.stats.unexpected + r.stats.flaky + (r.errors || []).length];
    console.log(p, f);
  ' "$report" "$kind")"
  local p f
  read -r p f <<<"$counts"
  passed=$((passed + p))
  failed=$((failed + f))
  [ "$f" -eq 0 ] || failures+=("$name: $f failed")
}

check "typecheck" yarn tsc
# The public API of each plugin package against its committed report.api.md (needs tsc's
# declarations in dist-types): an unintended API change fails here.
check "API reports" yarn api-reports --ci
# Dependencies each plugin package declares but does not use, against the committed
# knip-report.md files.
check "knip reports" yarn knip-reports --ci
# Packing rewrites the package.json files for a moment (prepack/postpack), so nothing else
# runs meanwhile.
check "packages install" bash scripts/check-packages.sh
# The packed packages added to a new app of the supported Backstage release bring no second
# version of any @backstage/* package (the README's "Compatibility").
check "compatibility" bash scripts/check-compatibility.sh
check "lint" yarn backstage-cli repo lint
check "folder imports" node scripts/check-folder-cycles.cjs
# The pieces the setup and verify scripts are made of, then whole scripts rendered from them
# (an integration test, so it runs again with the other tests; it takes a second). The path
# goes first: --testPathIgnorePatterns would take it as one more pattern to leave out.
shellcheck_scripts() {
  shellcheck plugins/aws-access-backend/scripts/*.sh &&
    (cd plugins/aws-access-backend &&
      yarn backstage-cli package test src/scripts/shellcheck.integration.test.ts \
        --testPathIgnorePatterns=/node_modules/)
}
check "shellcheck" shellcheck_scripts
check "formatting" yarn prettier --check .

# Both tiers in one run: the unit tests (`yarn test`, any machine with Node) and the
# integration tests (`*.integration.test.ts`: the AWS CLI, dash, original-awk, PostgreSQL,
# all installed above), which each package's jest config leaves out of `yarn test`.
log "unit and integration tests"
yarn backstage-cli repo test --testPathIgnorePatterns=/node_modules/ \
  --json --outputFile="$results_dir/unit.json"
count_report "unit and integration tests" "$results_dir/unit.json" jest

log "browser tests"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results_dir/e2e.json" \
  yarn playwright test -c e2e/playwright.config.ts --reporter=list,json
count_report "browser tests" "$results_dir/e2e.json" playwright

if [ ${#failures[@]} -gt 0 ]; then
  printf '\nFailed:\n' >&2
  printf '  - %s\n' "${failures[@]}" >&2
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
