import { PlannedProfile } from '../awsConfig/profileNames';
import { shellQuote } from '../awsConfig/cliGuide';
import { SsoSessionSettings } from '../types';

/**
 * What a verify script checks for.
 *
 * @public
 */
export interface VerifyScriptInput {
  /** Who the profiles are for, e.g. `group:default/platform`; shown in the header. */
  subject: string;
  sso: SsoSessionSettings;
  profiles: PlannedProfile[];
}

// The body is fixed text; only the data block at the top varies. It is POSIX sh so that it
// runs with macOS's old bash and with dash alike.
const BODY = String.raw`
AWS_CLI="${'${AWS_CLI:-aws}'}"
CONFIG_FILE="${'${AWS_CONFIG_FILE:-$HOME/.aws/config}'}"
passed=0
failed=0

pass() {
  passed=$((passed + 1))
  printf 'PASS  %s\n' "$1"
}

fail() {
  failed=$((failed + 1))
  printf 'FAIL  %s\n      -> %s\n' "$1" "$2"
}

finish() {
  printf '%s passed, %s failed\n' "$passed" "$failed"
  [ "$failed" -eq 0 ]
  exit $?
}

# Prints the value of KEY in the [SECTION] of the config file.
ini_get() {
  [ -f "$CONFIG_FILE" ] || return 0
  awk -v want="[$1]" -v key="$2" '
    /^[[:space:]]*\[/ { line = $0; gsub(/^[[:space:]]+|[[:space:]]+$/, "", line); gsub(/[[:space:]]+/, " ", line); inside = (line == want); next }
    inside {
      split($0, kv, "=")
      k = kv[1]; gsub(/^[[:space:]]+|[[:space:]]+$/, "", k)
      if (k == key) { v = substr($0, index($0, "=") + 1); gsub(/^[[:space:]]+|[[:space:]]+$/, "", v); print v; exit }
    }' "$CONFIG_FILE"
}

# Prints the names of the profiles that use the given sso-session.
profiles_of_session() {
  [ -f "$CONFIG_FILE" ] || return 0
  awk -v session="$1" '
    /^[[:space:]]*\[/ { name = ""; if (match($0, /^[[:space:]]*\[profile[[:space:]]+/)) { name = substr($0, RLENGTH + 1); sub(/[[:space:]]*\][[:space:]]*$/, "", name) } next }
    name != "" {
      split($0, kv, "=")
      k = kv[1]; gsub(/^[[:space:]]+|[[:space:]]+$/, "", k)
      v = substr($0, index($0, "=") + 1); gsub(/^[[:space:]]+|[[:space:]]+$/, "", v)
      if (k == "sso_session" && v == session) print name
    }' "$CONFIG_FILE"
}

# 1. The CLI
if ! command -v "$AWS_CLI" >/dev/null 2>&1; then
  fail "AWS CLI installed" "install AWS CLI v2: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html"
  finish
fi
version=$("$AWS_CLI" --version 2>&1 | sed -n 's#^aws-cli/\([0-9][0-9]*\.[0-9][0-9]*\).*#\1#p' | head -n 1)
major=${'${version%%.*}'}
minor=${'${version#*.}'}
if [ -z "$version" ]; then
  fail "AWS CLI version readable" "'$AWS_CLI --version' did not print aws-cli/X.Y; reinstall AWS CLI v2"
elif [ "$major" -lt 2 ]; then
  fail "AWS CLI 2.9 or newer (found $version, which is AWS CLI v1)" "install AWS CLI v2 and make sure it comes first on PATH (check: command -v aws)"
elif [ "$major" -eq 2 ] && [ "$minor" -lt 9 ]; then
  fail "AWS CLI 2.9 or newer (found $version)" "upgrade AWS CLI v2; [sso-session] needs 2.9"
else
  pass "AWS CLI $version"
fi

# 2. The SSO session
url=$(ini_get "sso-session $SESSION" sso_start_url)
region=$(ini_get "sso-session $SESSION" sso_region)
if [ -z "$url" ]; then
  fail "SSO session '$SESSION' configured in $CONFIG_FILE" "add the [sso-session $SESSION] block from the portal, or run: aws configure sso-session"
elif [ "$url" != "$START_URL" ] || [ "$region" != "$SSO_REGION" ]; then
  fail "SSO session '$SESSION' uses $START_URL in $SSO_REGION (found $url in $region)" "replace the [sso-session $SESSION] block with the one from the portal"
else
  pass "SSO session '$SESSION' ($START_URL, $SSO_REGION)"
fi

# 3. Every expected profile
for entry in $EXPECTED; do
  name=${'${entry%%|*}'}
  rest=${'${entry#*|}'}
  account=${'${rest%%|*}'}
  role=${'${rest#*|}'}
  got_account=$("$AWS_CLI" configure get sso_account_id --profile "$name" 2>/dev/null)
  got_role=$("$AWS_CLI" configure get sso_role_name --profile "$name" 2>/dev/null)
  got_session=$("$AWS_CLI" configure get sso_session --profile "$name" 2>/dev/null)
  if [ -z "$got_account$got_role$got_session" ]; then
    fail "profile $name exists" "add the [profile $name] block from the portal to $CONFIG_FILE"
  elif [ "$got_account" != "$account" ] || [ "$got_role" != "$role" ] || [ "$got_session" != "$SESSION" ]; then
    fail "profile $name is account $account, role $role, session $SESSION (found account '$got_account', role '$got_role', session '$got_session')" "replace the [profile $name] block with the one from the portal"
  else
    pass "profile $name (account $account, role $role)"
  fi
done

# 4. Profiles of this session that no assignment backs any more
stale=""
for name in $(profiles_of_session "$SESSION"); do
  case " $EXPECTED_NAMES " in
    *" $name "*) ;;
    *) stale="$stale $name" ;;
  esac
done
if [ -n "$stale" ]; then
  fail "no stale profiles for session '$SESSION' (found:$stale)" "remove these [profile] blocks: no current assignment grants them"
else
  pass "no stale profiles for session '$SESSION'"
fi

# 5. Signed in, as the expected account
if [ -n "$FIRST_PROFILE" ]; then
  identity=$("$AWS_CLI" sts get-caller-identity --profile "$FIRST_PROFILE" --query Account --output text 2>&1)
  if [ "$identity" = "$FIRST_ACCOUNT" ]; then
    pass "signed in: $FIRST_PROFILE is account $FIRST_ACCOUNT"
  else
    fail "signed in as account $FIRST_ACCOUNT with profile $FIRST_PROFILE ($(printf '%s' "$identity" | tail -n 1))" "run: aws sso login --sso-session $SESSION"
  fi
fi

finish
`;

/**
 * Renders a POSIX shell script that checks this machine's AWS CLI setup against the
 * expected profiles: one PASS or FAIL line per check, with what to do, and a non-zero exit
 * status on any failure. It reads `AWS_CLI` (default `aws`) and `AWS_CONFIG_FILE`.
 *
 * @public
 */
export function renderVerifyScript(input: VerifyScriptInput): string {
  const { sso, profiles } = input;
  const expected = profiles
    .map(p => `${p.profileName}|${p.accountId}|${p.roleName}`)
    .join(' ');
  const header = [
    '#!/bin/sh',
    `# Checks the AWS CLI setup for ${input.subject.replace(/[\r\n]/g, ' ')}.`,
    '# Generated by AWS Access for Backstage. Usage: sh verify-aws-access.sh',
    '# Set AWS_CLI to choose the aws binary and AWS_CONFIG_FILE to check another config file.',
    '',
    `SESSION=${shellQuote(sso.sessionName)}`,
    `START_URL=${shellQuote(sso.startUrl)}`,
    `SSO_REGION=${shellQuote(sso.ssoRegion)}`,
    `EXPECTED=${shellQuote(expected)}`,
    `EXPECTED_NAMES=${shellQuote(profiles.map(p => p.profileName).join(' '))}`,
    `FIRST_PROFILE=${shellQuote(profiles[0]?.profileName ?? '')}`,
    `FIRST_ACCOUNT=${shellQuote(profiles[0]?.accountId ?? '')}`,
  ];
  return `${header.join('\n')}\n${BODY}`;
}
