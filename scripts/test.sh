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
# openssl makes the certificates of the fake AWS sign-in the CLI goes through in tests.
ensure_debian_package /usr/bin/openssl openssl
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

started_at=$SECONDS

check() {
  local name="$1" start=$SECONDS
  shift
  log "$name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$name")
  fi
  log "$name: $((SECONDS - start)) s"
}

# Checks that read the tree and write nothing run side by side (the machine has two
# cores and each of these mostly uses one); their output is printed after, in order.
parallel_names=()
parallel_pids=()
check_in_parallel() {
  local name="$1"
  shift
  local out="$results_dir/check-${#parallel_names[@]}.log"
  ("$@" >"$out" 2>&1) &
  parallel_names+=("$name")
  parallel_pids+=("$!")
}
wait_for_parallel_checks() {
  local i start=$SECONDS
  for i in "${!parallel_names[@]}"; do
    local name="${parallel_names[$i]}" status=0
    wait "${parallel_pids[$i]}" || status=$?
    log "$name"
    cat "$results_dir/check-$i.log"
    if [ "$status" -eq 0 ]; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1))
      failures+=("$name")
    fi
  done
  log "${parallel_names[*]}: $((SECONDS - start)) s together"
  parallel_names=()
  parallel_pids=()
}
# Waits until the output of the check started last has a line matching the pattern, or
# until that check has ended (so a changed message costs time, never a wrong overlap).
wait_for_output_of_last_check() {
  local pattern="$1" i=$((${#parallel_pids[@]} - 1))
  while kill -0 "${parallel_pids[$i]}" 2>/dev/null &&
    ! grep -qs -- "$pattern" "$results_dir/check-$i.log"; do
    sleep 0.5
  done
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
check_in_parallel "API reports" yarn api-reports --ci
# Dependencies each plugin package declares but does not use, against the committed
# knip-report.md files.
check_in_parallel "knip reports" yarn knip-reports --ci
check_in_parallel "lint" yarn backstage-cli repo lint
check_in_parallel "folder imports" node scripts/check-folder-cycles.cjs
# The pieces the setup and verify scripts are made of; whole scripts rendered from them
# are checked by shellcheck.integration.test.ts with the other tests.
check_in_parallel "shellcheck" shellcheck plugins/aws-access-backend/scripts/*.sh
check_in_parallel "formatting" yarn prettier --check .
wait_for_parallel_checks
# Packing rewrites the package.json files for a moment (prepack/postpack), so nothing else
# that reads the tree runs meanwhile. The packages install builds and packs first, then
# installs the tarballs into an app outside the tree with npm; from then on the
# compatibility check (which packs without building, then resolves with npm outside the
# tree) runs beside it.
check_in_parallel "packages install" bash scripts/check-packages.sh
wait_for_output_of_last_check "Installing the packed plugins into a fresh app"
# The packed packages added to a new app of the supported Backstage release bring no second
# version of any @backstage/* package (the README's "Compatibility").
check_in_parallel "compatibility" bash scripts/check-compatibility.sh
wait_for_parallel_checks

# Both tiers in one run: the unit tests (`yarn test`, any machine with Node) and the
# integration tests (`*.integration.test.ts`: the AWS CLI, dash, original-awk, PostgreSQL,
# all installed above), which each package's jest config leaves out of `yarn test`.
log "unit and integration tests"
step_start=$SECONDS
yarn backstage-cli repo test --testPathIgnorePatterns=/node_modules/ \
  --json --outputFile="$results_dir/unit.json"
count_report "unit and integration tests" "$results_dir/unit.json" jest
log "unit and integration tests: $((SECONDS - step_start)) s"

log "browser tests"
step_start=$SECONDS
PLAYWRIGHT_JSON_OUTPUT_NAME="$results_dir/e2e.json" \
  yarn playwright test -c e2e/playwright.config.ts --reporter=list,json
count_report "browser tests" "$results_dir/e2e.json" playwright
log "browser tests: $((SECONDS - step_start)) s; all checks: $((SECONDS - started_at)) s"

if [ ${#failures[@]} -gt 0 ]; then
  printf '\nFailed:\n' >&2
  printf '  - %s\n' "${failures[@]}" >&2
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
