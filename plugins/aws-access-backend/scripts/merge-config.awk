# Merges the managed blocks, one per session, into a config file. POSIX awk only (macOS
# ships the One True AWK): no gawk extensions, no whole-array delete, no length(array).
#
# Arguments: the new blocks, then the config file twice (or nothing when there is none).
# Pass 1 reads the new blocks, pass 2 analyses the file, pass 3 writes the merged file to
# ENVIRON["OUT"]: every line outside the old blocks verbatim (CR included), each old block
# replaced by its new one in its place; a block new to the file goes right after the block
# before it (in the order of SESSIONS) that the file has, else right before the first one it
# has, else first; so the user's bytes, a missing final newline included, stay as they were.
# SESSIONS, START_URLS, BEGIN_MARKERS and END_MARKERS hold one line per block, in order.
#
# Standard output is the report, one line each, a word first:
# error, conflict, moved, duplicate, repointed, added, changed, removed.
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
function none(v) { return v == "" ? "none" : v }
function target(account, role) { return "account " none(account) ", role " none(role) }

# The block (1, 2, ...) whose opening marker starts t, or 0.
function begins_block(t,   k) {
  for (k = 1; k <= blocks; k++) if (index(t, begin_marker[k]) == 1) return k
  return 0
}
# The block whose closing marker t is, or 0.
function ends_block(t,   k) {
  for (k = 1; k <= blocks; k++) if (t == end_marker[k]) return k
  return 0
}

function close_user_section() {
  if (user_count > 0 && !user_closed[user_count]) { user_end[user_count] = section_last; user_closed[user_count] = 1 }
}

function describe_profile(i,   account, role) {
  account = user_key[i, "sso_account_id"]; role = user_key[i, "sso_role_name"]
  if (account == "" && role == "") return ""
  return target(account, role)
}

# Where each block new to the file goes: after[k], before[k] or first (lists of blocks).
function place_new_blocks(   k, j, anchor, first_existing) {
  first_existing = 0
  for (k = blocks; k >= 1; k--) if (block_begin[k]) first_existing = k
  for (k = 1; k <= blocks; k++) {
    if (block_begin[k]) continue
    anchor = 0
    for (j = k - 1; j >= 1 && !anchor; j--) if (block_begin[j]) anchor = j
    if (anchor) after[anchor] = after[anchor] " " k
    else if (first_existing) before[first_existing] = before[first_existing] " " k
    else first = first " " k
  }
}

function analyse(   i, j, k, name, other, msg, found) {
  analysed = 1
  close_user_section()
  if (in_block) refuse("the managed block that starts at line " block_begin[in_block] " of " FILE " has no end marker '" end_marker[in_block] "'; restore the marker or delete the block, then run again")
  eol = (cr_count * 2 > config_lines) ? "\r\n" : "\n"
  place_new_blocks()
  for (i = 1; i <= user_count; i++) {
    name = user_name[i]
    if (name in new_block) {
      if (substr(name, 1, 12) == "sso-session ") {
        if (user_key[i, "sso_start_url"] == new_key[name, "sso_start_url"] && user_key[i, "sso_region"] == new_key[name, "sso_region"])
          msg = "[" name "] at line " user_line[i] " of " FILE " is the same session as the portal's [" name "], written by hand"
        else
          msg = "[" name "] at line " user_line[i] " of " FILE " uses " user_key[i, "sso_start_url"] " in " user_key[i, "sso_region"] "; the portal's [" name "] uses " new_key[name, "sso_start_url"] " in " new_key[name, "sso_region"]
      } else {
        msg = bracketed(name) " at line " user_line[i] " of " FILE " is yours" (describe_profile(i) == "" ? "" : " (" describe_profile(i) ")") "; the portal's block also has [" name "] (" target(new_key[name, "sso_account_id"], new_key[name, "sso_role_name"]) ")"
      }
      if (REPLACE_MINE == "1") {
        move_end[user_line[i]] = user_end[i]
        print "moved " msg ": moved into the managed block, your text is in the backup"
      } else {
        print "conflict " msg
      }
      continue
    }
    if (substr(name, 1, 8) != "profile " || user_key[i, "sso_account_id"] == "") continue
    found = ""
    for (j = 1; j <= new_count && found == ""; j++) {
      other = new_order[j]; k = new_block[other]
      if (user_key[i, "sso_session"] != session_of[k] && user_key[i, "sso_start_url"] != start_url_of[k]) continue
      if (new_key[other, "sso_account_id"] == user_key[i, "sso_account_id"] && new_key[other, "sso_role_name"] == user_key[i, "sso_role_name"]) found = other
    }
    if (found != "")
      print "duplicate " bracketed(name) " at line " user_line[i] " of " FILE " is " describe_profile(i) " of session " session_of[new_block[found]] ", like [" found "] in the managed block; delete yours once nothing uses its name"
  }
  # A name the blocks keep that now stands for another account or role: whatever uses
  # the name would act there.
  for (j = 1; j <= new_count; j++) {
    name = new_order[j]
    if (substr(name, 1, 8) != "profile " || !(name in old_body)) continue
    if (old_key[name, "sso_account_id"] != new_key[name, "sso_account_id"] || old_key[name, "sso_role_name"] != new_key[name, "sso_role_name"])
      print "repointed " bracketed(name) " now points at " target(new_key[name, "sso_account_id"], new_key[name, "sso_role_name"]) "; it pointed at " target(old_key[name, "sso_account_id"], old_key[name, "sso_role_name"])
  }
}

function print_block(k,   i) {
  for (i = 1; i <= block_lines[k]; i++) printf "%s%s", block_line[k, i], eol > OUT
}
function print_blocks(list,   n, i, ks) {
  n = split(list, ks, " ")
  for (i = 1; i <= n; i++) print_block(ks[i])
}

BEGIN {
  FILE = ENVIRON["CONFIG_FILE"]; OUT = ENVIRON["OUT"]; REPLACE_MINE = ENVIRON["REPLACE_MINE"]
  blocks = split(ENVIRON["BEGIN_MARKERS"], begin_marker, "\n")
  split(ENVIRON["END_MARKERS"], end_marker, "\n")
  split(ENVIRON["SESSIONS"], session_of, "\n")
  split(ENVIRON["START_URLS"], start_url_of, "\n")
  eol = "\n"
}

FNR == 1 { part++ }

# Pass 1: the new blocks.
part == 1 {
  t = trim($0)
  k = begins_block(t)
  if (k) { current_block = k; current = "" }
  block_line[current_block, ++block_lines[current_block]] = $0
  if (is_header(t)) {
    current = section_name(t)
    new_order[++new_count] = current; new_block[current] = current_block; new_body[current] = ""
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
    if (t == end_marker[in_block]) { block_end[in_block] = FNR; in_block = 0; owner = "block"; next }
    if (begins_block(t) || ends_block(t)) refuse("line " FNR " of " FILE " is a marker of a managed block inside the one that starts at line " block_begin[in_block] "; delete one of the blocks, then run again")
    if (is_header(t)) { old_current = section_name(t); old_order[++old_count] = old_current; old_body[old_current] = "" }
    else if (old_current != "" && t != "" && !is_comment(t)) {
      old_body[old_current] = old_body[old_current] t "\n"
      if (line !~ /^[ \t]/ && key_of(t) != "") old_key[old_current, key_of(t)] = value_of(t)
    }
    next
  }
  k = begins_block(t)
  if (k) {
    close_user_section()
    if (block_begin[k]) refuse("line " FNR " of " FILE " starts a second managed block for session " session_of[k] " (the first is at line " block_begin[k] "); delete one of them, then run again")
    else { block_begin[k] = FNR; block_at[FNR] = k }
    in_block = k; old_current = ""; next
  }
  if (ends_block(t)) { refuse("line " FNR " of " FILE " ends a managed block that never started; delete that line, then run again"); next }
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
part == 3 && FNR == 1 { analyse(); print_blocks(first); first_done = 1 }
part == 3 {
  if (FNR in block_at) {
    k = block_at[FNR]
    print_blocks(before[k]); print_block(k); print_blocks(after[k])
    skip_until = block_end[k]
    next
  }
  if (FNR <= skip_until) next
  if (FNR in move_end) { skip_until = move_end[FNR]; next }
  if (FNR == config_lines && ENVIRON["FINAL_NEWLINE"] == "0") printf "%s", $0 > OUT
  else printf "%s\n", $0 > OUT
}

END {
  if (!analysed) analyse()
  if (!first_done) print_blocks(first)
  close(OUT)
  for (i = 1; i <= new_count; i++) {
    name = new_order[i]
    if (!(name in old_body)) print "added " bracketed(name)
    else if (old_body[name] != new_body[name]) print "changed " bracketed(name)
  }
  for (i = 1; i <= old_count; i++) if (!(old_order[i] in new_block)) print "removed " bracketed(old_order[i])
}
