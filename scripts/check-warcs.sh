#!/usr/bin/env bash
# Checks WARC files with warcio (`warcio check` for digests, `warcio index` for parsing);
# fails on any complaint. Usage: scripts/check-warcs.sh DIR_OR_FILE...
set -euo pipefail
files=()
for arg in "$@"; do
  if [ -d "$arg" ]; then
    while IFS= read -r f; do files+=("$f"); done < <(find "$arg" -name '*.warc.gz' -o -name '*.warc' | sort)
  else
    files+=("$arg")
  fi
done
if [ ${#files[@]} -eq 0 ]; then
  echo "check-warcs: no WARC file found in: $*" >&2
  exit 1
fi
failed=0
records=0
for f in "${files[@]}"; do
  # Complaints are the indented lines (the file name line is not): "digest failed",
  # "saw exception", errors.
  if ! out=$(warcio check -v "$f" 2>&1) || grep -qiE "^[[:space:]]+.*(failed|exception|error|invalid)" <<<"$out"; then
    echo "warcio check FAILED on $f:" >&2
    grep -iE -B1 "^[[:space:]]+.*(failed|exception|error|invalid)" <<<"$out" >&2 || echo "$out" >&2
    failed=1
  fi
  if ! idx=$(warcio index "$f" 2>/tmp/check-warcs-stderr) || [ -s /tmp/check-warcs-stderr ]; then
    echo "warcio index FAILED on $f:" >&2
    cat /tmp/check-warcs-stderr >&2
    failed=1
  fi
  records=$((records + $(wc -l <<<"$idx")))
done
echo "warcio: ${#files[@]} files, $records records checked"
exit $failed
