# The checks of the verify script as shell functions: run_verify_checks prints one PASS or
# FAIL line per check and counts them in passed and failed, the checks of each session
# (use_session, from the rendered header) in turn; the setup script runs them too.
# The AWS CLI runs once for its version, once to list the profiles as it reads the file, and
# once per session to see whether it is signed in. POSIX sh and POSIX awk, so that they
# run with dash, bash, macOS's /bin/sh and BSD awk.
# The backend puts them after the script's variables (src/scripts/scriptVariables.ts);
# it drops these first comment lines.
# shellcheck shell=sh disable=SC2154 # the variables are set in the rendered header

AWS_CLI="${AWS_CLI:-aws}"
CONFIG_FILE="${AWS_CONFIG_FILE:-$HOME/.aws/config}"
# The CLI expands a leading ~ in AWS_CONFIG_FILE; so do the scripts.
# shellcheck disable=SC2088 # the quotes match a literal ~, the one the shell left alone
case $CONFIG_FILE in
  "~/"*) CONFIG_FILE="$HOME/${CONFIG_FILE#"~/"}" ;;
esac
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

print_summary() {
  printf '%s passed, %s failed\n' "$passed" "$failed"
}

# The start of an awk program that reads the config file as the AWS CLI does (Python's
# configparser): section is "profile NAME" ([default] is "profile default") or
# "sso-session NAME", without quotes; a setting is a key, in lower case, before the first
# = or :, and a trimmed value. Comment lines and indented (continuation) lines set
# nothing. The rules after it see only settings.
# shellcheck disable=SC2016 # an awk program: its $0 is awk's
INI_READER='
function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
function section_of(t,   s, i, last) {
  s = substr(t, 2); last = 0
  while ((i = index(substr(s, last + 1), "]")) > 0) last += i
  s = substr(s, 1, last - 1); gsub(/["\047]/, "", s); gsub(/[ \t]+/, " ", s); s = trim(s)
  return s == "default" ? "profile default" : s
}
{ sub(/\r$/, ""); t = trim($0) }
substr(t, 1, 1) == "[" && index(t, "]") > 0 { section = section_of(t); next }
t == "" || /^[ \t]/ || substr(t, 1, 1) == "#" || substr(t, 1, 1) == ";" { next }
{
  i = index(t, "="); j = index(t, ":"); if (j > 0 && (i == 0 || j < i)) i = j
  if (i == 0) next
  key = tolower(trim(substr(t, 1, i - 1))); value = trim(substr(t, i + 1))
}
'

# Prints the value of KEY in SECTION ("profile NAME", "sso-session NAME") of the config file.
ini_get() {
  [ -f "$CONFIG_FILE" ] || return 0
  awk -v want="$1" -v want_key="$2" "$INI_READER"'
    section == want && key == want_key { print value; exit }' "$CONFIG_FILE"
}

# Prints the names of the profiles whose KEY is VALUE (sso_session, or sso_start_url for
# legacy profiles).
profiles_with() {
  [ -f "$CONFIG_FILE" ] || return 0
  awk -v want_key="$1" -v want="$2" "$INI_READER"'
    substr(section, 1, 8) == "profile " && key == want_key && value == want { print substr(section, 9) }' "$CONFIG_FILE"
}

# Sets cli_version ("X.Y", empty when unreadable), cli_major and cli_minor, and
# cli_said, the last line the CLI printed.
read_cli_version() {
  cli_version=""
  cli_major=0
  cli_minor=0
  cli_said=""
  command -v "$AWS_CLI" >/dev/null 2>&1 || return 0
  cli_said=$("$AWS_CLI" --version 2>&1)
  cli_version=$(printf '%s\n' "$cli_said" | sed -n 's#^aws-cli/\([0-9][0-9]*\.[0-9][0-9]*\).*#\1#p' | head -n 1)
  cli_said=$(printf '%s' "$cli_said" | tail -n 1)
  [ -n "$cli_version" ] || return 0
  cli_major=${cli_version%%.*}
  cli_minor=${cli_version#*.}
}

# True when the CLI is at least version MAJOR.MINOR.
cli_at_least() {
  [ "$cli_major" -gt "$1" ] || { [ "$cli_major" -eq "$1" ] && [ "$cli_minor" -ge "$2" ]; }
}

# Why the browser on this machine may not reach the CLI's 127.0.0.1 port; empty if no reason.
remote_reason() {
  if [ -n "${SSH_CONNECTION:-}${SSH_TTY:-}" ]; then
    printf 'this is an SSH session'
  elif [ "$(uname -s 2>/dev/null)" = Linux ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    printf 'this Linux host has no display'
  elif [ "$REMOTE" = 1 ]; then
    printf 'you work on a remote machine'
  fi
}

# The sign-in command for this machine and CLI, and why, on one line.
login_advice() {
  why=$(remote_reason)
  if [ -z "$why" ]; then
    printf '%s' "$LOGIN_COMMAND"
  elif cli_at_least "${AUTHORIZATION_CODE_CLI% *}" "${AUTHORIZATION_CODE_CLI#* }"; then
    printf '%s (%s: since AWS CLI %s the browser must reach the CLI on 127.0.0.1, so sign in with a device code: open the URL it prints on any device and enter the code)' \
      "$DEVICE_CODE_LOGIN_COMMAND" "$why" "$(printf '%s' "$AUTHORIZATION_CODE_CLI" | tr ' ' .)"
  else
    printf '%s (%s: AWS CLI %s signs in with a device code by default: open the URL it prints on any device and enter the code)' \
      "$LOGIN_COMMAND" "$why" "$cli_version"
  fi
}

# The checks of the session use_session has set the variables of.
check_session() {
  # 2. The SSO session; legacy profiles carry the start URL themselves instead.
  if [ "$VARIANT" != legacy ]; then
    url=$(ini_get "sso-session $SESSION" sso_start_url)
    region=$(ini_get "sso-session $SESSION" sso_region)
    if [ -z "$url" ]; then
      fail "SSO session '$SESSION' configured in $CONFIG_FILE" "add the [sso-session $SESSION] block from the portal, or run: aws configure sso-session"
    elif [ "$url" != "$START_URL" ] || [ "$region" != "$SSO_REGION" ]; then
      fail "SSO session '$SESSION' uses $START_URL in $SSO_REGION (found $url in $region)" "replace the [sso-session $SESSION] block with the one from the portal"
    else
      pass "SSO session '$SESSION' ($START_URL, $SSO_REGION)"
    fi
  fi

  # 3. Every expected profile: one the CLI lists, with the expected settings.
  if [ "$VARIANT" = legacy ]; then
    sign_in_key=sso_start_url
    sign_in_label='start URL'
    sign_in_value=$START_URL
  else
    sign_in_key=sso_session
    sign_in_label=session
    sign_in_value=$SESSION
  fi
  for entry in $EXPECTED; do
    name=${entry%%|*}
    rest=${entry#*|}
    account=${rest%%|*}
    role=${rest#*|}
    got_account=$(ini_get "profile $name" sso_account_id)
    got_role=$(ini_get "profile $name" sso_role_name)
    got_sign_in=$(ini_get "profile $name" "$sign_in_key")
    case "$nl$listed$nl" in
      *"$nl$name$nl"*) is_listed=1 ;;
      *) is_listed=0 ;;
    esac
    if [ "$is_listed" = 0 ]; then
      fail "profile $name exists" "add the [profile $name] block from the portal to $CONFIG_FILE"
    elif [ "$got_account" != "$account" ] || [ "$got_role" != "$role" ] || [ "$got_sign_in" != "$sign_in_value" ]; then
      fail "profile $name is account $account, role $role, $sign_in_label $sign_in_value (found account '$got_account', role '$got_role', $sign_in_label '$got_sign_in')" "replace the [profile $name] block with the one from the portal"
    else
      pass "profile $name (account $account, role $role)"
    fi
  done

  # 4. Profiles of this session that no assignment backs any more
  stale=""
  for name in $(profiles_with "$sign_in_key" "$sign_in_value"); do
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

  # 5. Signed in, as the expected account: one sign-in per session.
  if [ -n "$FIRST_PROFILE" ]; then
    identity=$("$AWS_CLI" sts get-caller-identity --profile "$FIRST_PROFILE" --query Account --output text 2>&1)
    if [ "$identity" = "$FIRST_ACCOUNT" ]; then
      pass "signed in: $FIRST_PROFILE is account $FIRST_ACCOUNT"
    else
      case "$identity" in
        # Signed in, but the portal no longer hands out this role: signing in again
        # would not help.
        *ForbiddenException*)
          advice="IAM Identity Center no longer gives you this profile's role (it was removed, or a temporary grant ended): ask for it on the AWS Access page, then run the setup script again" ;;
        *) advice="run: $(login_advice)" ;;
      esac
      fail "signed in as account $FIRST_ACCOUNT with profile $FIRST_PROFILE ($(printf '%s' "$identity" | tail -n 1))" "$advice"
    fi
  fi
}

run_verify_checks() {
  # 1. The CLI. Legacy profiles work with any v2; [sso-session] needs 2.9.
  read_cli_version
  if [ "$VARIANT" = legacy ]; then need_minor=0; else need_minor=9; fi
  if ! command -v "$AWS_CLI" >/dev/null 2>&1; then
    fail "AWS CLI installed" "install AWS CLI v2: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html"
    return 0
  elif [ -z "$cli_version" ]; then
    fail "AWS CLI version readable ('$AWS_CLI --version' said: $cli_said)" "if that names your config file, correct the file; otherwise reinstall AWS CLI v2"
  elif [ "$cli_major" -lt 2 ]; then
    fail "AWS CLI 2.$need_minor or newer (found $cli_version, which is AWS CLI v1)" "install AWS CLI v2 and make sure it comes first on PATH (check: command -v aws)"
  elif ! cli_at_least 2 "$need_minor"; then
    fail "AWS CLI 2.$need_minor or newer (found $cli_version)" "upgrade AWS CLI v2; [sso-session] needs 2.9"
  else
    pass "AWS CLI $cli_version"
  fi

  # The profiles as the CLI reads the file, once for every session: a file it cannot
  # parse fails every profile.
  nl='
'
  if ! listed=$("$AWS_CLI" configure list-profiles 2>&1); then
    fail "the AWS CLI reads $CONFIG_FILE ($(printf '%s' "$listed" | tail -n 1))" "correct what the message names, then run again"
    return 0
  fi
  session_index=1
  while [ "$session_index" -le "$SESSION_COUNT" ]; do
    use_session "$session_index"
    check_session
    session_index=$((session_index + 1))
  done
}
