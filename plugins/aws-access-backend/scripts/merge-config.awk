# Merges the managed block into a config file. POSIX awk only (macOS ships the One True
# AWK): no gawk extensions, no whole-array delete, no length(array).
#
# Arguments: the new block, then the config file twice (or nothing when there is none).
# Pass 1 reads the block, pass 2 analyses the file, pass 3 writes the merged file to
# ENVIRON["OUT"]: every line outside the old block verbatim (CR included), the old block
# replaced by the new one in its place, or the new one put first when there was none, so
# that the user's bytes, a missing final newline included, stay as they were.
#
# Standard output is the report, one line each, a word first:
# error, conflict, moved, duplicate, added, changed, removed.
#
# The setup script writes it to a file with a here-document; the backend drops these
# first comment lines.

function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
function is_header(t) { return substr(t, 1, 1) == "[" && index(t, "]") > 0 }
function is_comment(t) { return substr(t, 1, 1) == "#" || substr(t, 1, 1) == ";" }
# The name a header stands for, as the AWS CLI sees it: "profile NAME" or "sso-session NAME".
function section_name(t,   s, i, last) {
  s = substr(t, 2)
  last = 0
  while ((i = index(substr(s, last + 1), "]")) > 0) last += i
  s = substr(s, 1, last - 1)
  gsub(/["']/, "", s)
  gsub(/[ \t]+/, " ", s)
  s = trim(s)
  if (s == "default") s = "profile default"
  return s
}
function delimiter_at(t,   i, j) {
  i = index(t, "="); j = index(t, ":")
  if (j > 0 && (i == 0 || j < i)) i = j
  return i
}
function key_of(t,   i) { i = delimiter_at(t); return i ? tolower(trim(substr(t, 1, i - 1))) : "" }
function value_of(t,   i) { i = delimiter_at(t); return i ? trim(substr(t, i + 1)) : "" }
function bracketed(name) { return name == "profile default" ? "[default]" : "[" name "]" }
function refuse(msg) { print "error " msg }

function close_user_section() {
  if (user_count > 0 && !user_closed[user_count]) { user_end[user_count] = section_last; user_closed[user_count] = 1 }
}

function describe_profile(i,   account, role) {
  account = user_key[i, "sso_account_id"]; role = user_key[i, "sso_role_name"]
  if (account == "" && role == "") return ""
  return "account " (account == "" ? "none" : account) ", role " (role == "" ? "none" : role)
}

function analyse(   i, j, name, msg, found) {
  analysed = 1
  close_user_section()
  if (in_block) refuse("the managed block that starts at line " block_begin " of " FILE " has no end marker '" END_MARKER "'; restore the marker or delete the block, then run again")
  eol = (cr_count * 2 > config_lines) ? "\r\n" : "\n"
  for (i = 1; i <= user_count; i++) {
    name = user_name[i]
    if (name in new_has) {
      if (substr(name, 1, 12) == "sso-session ") {
        if (user_key[i, "sso_start_url"] == new_key[name, "sso_start_url"] && user_key[i, "sso_region"] == new_key[name, "sso_region"])
          msg = "[" name "] at line " user_line[i] " of " FILE " is the same session as the portal's [" name "], written by hand"
        else
          msg = "[" name "] at line " user_line[i] " of " FILE " uses " user_key[i, "sso_start_url"] " in " user_key[i, "sso_region"] "; the portal's [" name "] uses " new_key[name, "sso_start_url"] " in " new_key[name, "sso_region"]
      } else {
        msg = bracketed(name) " at line " user_line[i] " of " FILE " is yours" (describe_profile(i) == "" ? "" : " (" describe_profile(i) ")") "; the portal's block also has [" name "] (account " new_key[name, "sso_account_id"] ", role " new_key[name, "sso_role_name"] ")"
      }
      if (REPLACE_MINE == "1") {
        move_end[user_line[i]] = user_end[i]
        moved[name] = user_line[i]
        print "moved " msg ": moved into the managed block, your text is in the backup"
      } else {
        print "conflict " msg
      }
      continue
    }
    if (substr(name, 1, 8) != "profile ") continue
    if (user_key[i, "sso_session"] != SESSION && user_key[i, "sso_start_url"] != START_URL) continue
    found = ""
    for (j = 1; j <= new_count; j++) {
      if (new_key[new_order[j], "sso_account_id"] == user_key[i, "sso_account_id"] && new_key[new_order[j], "sso_role_name"] == user_key[i, "sso_role_name"] && user_key[i, "sso_account_id"] != "") {
        found = new_order[j]; break
      }
    }
    if (found != "")
      print "duplicate " bracketed(name) " at line " user_line[i] " of " FILE " is " describe_profile(i) " of session " SESSION ", like [" found "] in the managed block; delete yours once nothing uses its name"
  }
}

function print_block(   i) {
  for (i = 1; i <= block_count; i++) printf "%s%s", block[i], eol > OUT
  block_done = 1
}

BEGIN {
  FILE = ENVIRON["CONFIG_FILE"]; OUT = ENVIRON["OUT"]; SESSION = ENVIRON["SESSION"]
  START_URL = ENVIRON["START_URL"]; REPLACE_MINE = ENVIRON["REPLACE_MINE"]
  BEGIN_PREFIX = ENVIRON["BEGIN_MARKER"]; END_MARKER = ENVIRON["END_MARKER"]
  eol = "\n"
}

FNR == 1 { part++ }

# Pass 1: the new block.
part == 1 {
  block[++block_count] = $0
  t = trim($0)
  if (is_header(t)) {
    current = section_name(t)
    new_order[++new_count] = current; new_has[current] = 1; new_body[current] = ""
  } else if (current != "" && t != "" && !is_comment(t)) {
    new_body[current] = new_body[current] t "\n"
    new_key[current, key_of(t)] = value_of(t)
  }
  next
}

# Pass 2: what the config file holds.
part == 2 {
  config_lines = FNR
  line = $0
  if (sub(/\r$/, "", line)) cr_count++
  t = trim(line)
  if (in_block) {
    if (t == END_MARKER) { in_block = 0; block_end = FNR; owner = "block"; next }
    if (index(t, BEGIN_PREFIX) == 1) refuse("line " FNR " of " FILE " starts a managed block inside the one that starts at line " block_begin "; delete one of them, then run again")
    if (is_header(t)) { old_current = section_name(t); old_order[++old_count] = old_current; old_body[old_current] = "" }
    else if (old_current != "" && t != "" && !is_comment(t)) old_body[old_current] = old_body[old_current] t "\n"
    next
  }
  if (index(t, BEGIN_PREFIX) == 1) {
    close_user_section()
    if (block_begin) refuse("line " FNR " of " FILE " starts a second managed block (the first is at line " block_begin "); delete one of them, then run again")
    block_begin = FNR; in_block = 1; next
  }
  if (t == END_MARKER) { refuse("line " FNR " of " FILE " ends a managed block that never started; delete that line, then run again"); next }
  if (is_header(t)) {
    close_user_section()
    user_count++
    user_name[user_count] = section_name(t); user_line[user_count] = FNR
    section_last = FNR; owner = "user"
    next
  }
  if (t == "" || is_comment(t)) next
  if (owner != "user") {
    refuse("line " FNR " of " FILE " is a setting outside any section of yours, which the AWS CLI cannot read as intended; move it into a section or delete it, then run again")
    next
  }
  section_last = FNR
  if (line !~ /^[ \t]/ && key_of(t) != "") user_key[user_count, key_of(t)] = value_of(t)
  next
}

# Pass 3: the merged file.
part == 3 && FNR == 1 { analyse() }
part == 3 {
  if (!block_done && FNR == (block_begin ? block_begin : 1)) print_block()
  if (block_begin && FNR >= block_begin && FNR <= block_end) next
  if (FNR <= skip_until) next
  if (FNR in move_end) { skip_until = move_end[FNR]; next }
  if (FNR == config_lines && ENVIRON["FINAL_NEWLINE"] == "0") printf "%s", $0 > OUT
  else printf "%s\n", $0 > OUT
}

END {
  if (!analysed) analyse()
  if (!block_done) print_block()
  close(OUT)
  for (i = 1; i <= new_count; i++) {
    name = new_order[i]
    if (!(name in old_body)) print "added " bracketed(name)
    else if (old_body[name] != new_body[name]) print "changed " bracketed(name)
  }
  for (i = 1; i <= old_count; i++) if (!(old_order[i] in new_has)) print "removed " bracketed(old_order[i])
}
