#!/bin/sh
# Verifies a casetrail stream export (GET /cases/<stream>/export) with jq, sha256sum and printf only.
# Usage: sh verify-export.sh EXPORT.ndjson [EXPECTED_LAST_HASH]
# Exit 0: every line's digest and chain hash recompute, revisions run 0, 1, 2, … in one stream, and
# the last hash equals EXPECTED_LAST_HASH when given. Otherwise exit 1, naming the first bad line.
# The procedure is explained in docs/verify-export.md.
set -u
set -f

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: sh verify-export.sh EXPORT.ndjson [EXPECTED_LAST_HASH]" >&2
  exit 2
fi
file=$1
expected_last=${2:-}
for tool in jq sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || { echo "verify-export: $tool is required" >&2; exit 2; }
done
[ -r "$file" ] || { echo "verify-export: cannot read $file" >&2; exit 2; }

genesis=0000000000000000000000000000000000000000000000000000000000000000
fail() {
  echo "FAILED at line $line_no (revision $1): $2" >&2
  exit 1
}
sha256() {
  printf '%s' "$1" | sha256sum | cut -d ' ' -f 1
}

prev=$genesis
stream=
next=0
line_no=0
while IFS= read -r line || [ -n "$line" ]; do
  line_no=$((line_no + 1))
  fields=$(printf '%s\n' "$line" | jq -r '[.streamName, (.revision | tostring), .contentDigest, .hash] | map(tostring) | join(" ")' 2>/dev/null) ||
    fail "?" "the line is not a JSON object"
  # shellcheck disable=SC2086
  set -- $fields
  [ $# -eq 4 ] || fail "?" "the line lacks streamName, revision, contentDigest or hash"
  line_stream=$1 revision=$2 stored_digest=$3 stored_hash=$4
  [ -n "$stream" ] || stream=$line_stream
  [ "$line_stream" = "$stream" ] || fail "$revision" "stream $line_stream, expected $stream"
  [ "$revision" = "$next" ] || fail "$revision" "expected revision $next here: a line is missing, added or moved"

  canonical=$(printf '%s\n' "$line" | jq -cS '{id, type, data, metadata}') || fail "$revision" "cannot read the event"
  digest=$(sha256 "$canonical")
  [ "$digest" = "$stored_digest" ] ||
    fail "$revision" "content digest mismatch: the event's id, type, data or metadata changed (computed $digest, stated $stored_digest)"

  hash=$(sha256 "$prev:$stream:$revision:$digest")
  [ "$hash" = "$stored_hash" ] ||
    fail "$revision" "chain hash mismatch: the hash does not follow from the previous line (computed $hash, stated $stored_hash)"

  prev=$hash
  next=$((next + 1))
done <"$file"

[ "$line_no" -gt 0 ] || { echo "FAILED: $file holds no events" >&2; exit 1; }
if [ -n "$expected_last" ] && [ "$prev" != "$expected_last" ]; then
  echo "FAILED: the last hash $prev is not the expected $expected_last: events are missing at the end" >&2
  exit 1
fi
echo "OK: $stream verified: $next events, revisions 0 to $((next - 1)); last hash $prev"
