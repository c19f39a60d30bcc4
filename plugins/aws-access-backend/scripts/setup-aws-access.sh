# The main part of setup-aws-access.sh, after the variables, write_blocks,
# write_merge_program (merge-config.awk) and verify-checks.sh.
# The backend drops these first comment lines.
# shellcheck shell=sh disable=SC2154 # the variables are set in the rendered header

usage() {
  cat <<'USAGE'
Usage: sh setup-aws-access.sh [--dry-run] [--replace-mine] [--accept-changes]
                              [--no-verify]

Writes the portal's [sso-session] and profiles into your AWS config file
(AWS_CONFIG_FILE, default ~/.aws/config), one block between two marker comments
for each session, and leaves everything else in the file as it is. A later run
replaces each block whole, so profiles of removed assignments disappear. The
previous file is kept as a timestamped backup beside it.

  --dry-run         print the change as a diff and write nothing
  --replace-mine    move your own sections that have the names of the portal's
                    sections into the managed block instead of stopping
  --accept-changes  rewrite profiles whose name now points at another account
                    or role instead of stopping
  --no-verify       do not run the verify checks afterwards
  --help            print this help
USAGE
}

dry_run=0
replace_mine=0
accept_changes=0
verify=1
for arg in "$@"; do
  case $arg in
    --dry-run) dry_run=1 ;;
    --replace-mine) replace_mine=1 ;;
    --accept-changes) accept_changes=1 ;;
    --no-verify) verify=0 ;;
    -h | --help) usage; exit 0 ;;
    *) printf "Unknown option '%s'\n\n" "$arg" >&2; usage >&2; exit 2 ;;
  esac
done

stop() {
  printf 'STOP  %s\n' "$1" >&2
  exit 1
}

if [ -z "$SESSIONS" ]; then
  printf 'The portal has no AWS profiles for %s: nothing to write.\n' "$SUBJECT"
  exit 0
fi

# New files 0600, a new ~/.aws 0700.
umask 077
work="${TMPDIR:-/tmp}/aws-access-setup.$$"
mkdir "$work" || stop "cannot create the temporary folder $work"
tmp=""
trap 'rm -rf "$work"; [ -z "$tmp" ] || rm -f "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# A symlinked config stays a link: write the file it points at.
target=$CONFIG_FILE
hops=0
while [ -L "$target" ]; do
  hops=$((hops + 1))
  [ "$hops" -le 40 ] || stop "$CONFIG_FILE: too many levels of symbolic links"
  listing=$(ls -ld "$target")
  link=${listing#*" $target -> "}
  case $link in
    /*) target=$link ;;
    *) target="$(dirname "$target")/$link" ;;
  esac
done
dir=$(dirname "$target")
if [ -e "$target" ] && [ ! -f "$target" ]; then
  stop "$target is not a regular file"
fi
if [ -f "$target" ]; then old=$target; else old=/dev/null; fi
if [ -s "$old" ] && [ -n "$(tail -c 1 "$old")" ]; then final_newline=0; else final_newline=1; fi

write_blocks
write_merge_program
CONFIG_FILE="$CONFIG_FILE" OUT="$work/merged" SESSIONS="$SESSIONS" START_URLS="$START_URLS" \
  REPLACE_MINE="$replace_mine" BEGIN_MARKERS="$BEGIN_MARKERS" END_MARKERS="$END_MARKERS" \
  FINAL_NEWLINE="$final_newline" \
  awk -f "$work/merge.awk" "$work/blocks" "$old" "$old" >"$work/report" ||
  stop "awk could not read $CONFIG_FILE"

# Prints the report lines of one kind, without the kind.
report() {
  sed -n "s/^$1 //p" "$work/report"
}

if grep -q '^error ' "$work/report"; then
  report error | while IFS= read -r line; do printf 'STOP  %s\n' "$line" >&2; done
  stop "nothing was written"
fi
if grep -q '^conflict ' "$work/report"; then
  report conflict | while IFS= read -r line; do printf 'STOP  %s\n' "$line" >&2; done
  stop "nothing was written: rename or delete yours, or run again with --replace-mine to move them into the managed block (the file is backed up first)"
fi

# A profile name that now stands for another account or role: scripts and habits that
# use the name would act there without noticing.
if grep -q '^repointed ' "$work/report"; then
  if [ "$accept_changes" = 1 ] || [ "$dry_run" = 1 ]; then
    report repointed | while IFS= read -r line; do printf 'REPOINTED  %s\n' "$line"; done
  else
    report repointed | while IFS= read -r line; do printf 'STOP  %s\n' "$line" >&2; done
    stop "nothing was written: anything that uses these profile names would act in another account or with another role. Check that the new accounts and roles are the ones you expect, then run again with --accept-changes"
  fi
fi

if [ "$dry_run" = 1 ]; then would='would be '; else would=''; fi
report moved | while IFS= read -r line; do printf 'MOVED      %s\n' "$line"; done
report duplicate | while IFS= read -r line; do printf 'DUPLICATE  %s\n' "$line"; done
report added | while IFS= read -r line; do printf '%sadded    %s\n' "$would" "$line"; done
report changed | while IFS= read -r line; do printf '%schanged  %s\n' "$would" "$line"; done
report removed | while IFS= read -r line; do printf '%sremoved  %s\n' "$would" "$line"; done

if cmp -s "$old" "$work/merged"; then
  printf "No change: %s already has the portal's profiles of %s.\n" "$CONFIG_FILE" "$SUBJECT"
elif [ "$dry_run" = 1 ]; then
  diff -u "$old" "$work/merged" |
    CONFIG_FILE="$CONFIG_FILE" awk 'NR == 1 { print "--- " ENVIRON["CONFIG_FILE"]; next }
      NR == 2 { print "+++ " ENVIRON["CONFIG_FILE"] " (after setup)"; next } { print }'
  printf 'Dry run: nothing written.\n'
  exit 0
else
  if [ -f "$target" ]; then
    case $(ls -ld "$target") in
      ??w*) [ -w "$target" ] || stop "$target is read-only for you; nothing was written" ;;
      *) stop "$target is read-only; make it writable (chmod u+w) or set AWS_CONFIG_FILE to another file, then run again. Nothing was written" ;;
    esac
  fi
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir" || stop "cannot create $dir"
  fi
  tmp="$dir/.$(basename "$target").aws-access.$$"
  if ! (set -C; : >"$tmp") 2>/dev/null; then
    tmp=""
    stop "cannot create a temporary file in $dir; nothing was written"
  fi
  backup=""
  if [ -f "$target" ]; then
    backup="$target.$(date +%Y%m%d-%H%M%S).bak"
    [ ! -e "$backup" ] || backup="$backup.$$"
    cp -p "$target" "$backup" || stop "cannot back up $target to $backup; nothing was written"
    # Copying first gives the new file the old one's mode.
    cp -p "$target" "$tmp" || stop "cannot write in $dir; nothing was written"
  fi
  cat "$work/merged" >"$tmp" || stop "cannot write $tmp; nothing was written"
  mv -f "$tmp" "$target" || stop "cannot replace $target; nothing was written"
  tmp=""
  printf 'Wrote %s\n' "$CONFIG_FILE"
  [ -z "$backup" ] || printf 'Backup of the previous file: %s\n' "$backup"
fi

if [ "$verify" = 1 ] && [ "$dry_run" = 0 ]; then
  printf '\nChecking the setup (sh verify-aws-access.sh runs the same checks):\n'
  run_verify_checks
  print_summary
fi
exit 0
