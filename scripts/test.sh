#!/usr/bin/env bash
# Runs all of Veille's tests on a fresh machine (Rust toolchain and Python 3 only):
#   1. installs warcio and cdxj-indexer (independent WARC tools) into .venv, and wget,
#   2. runs the workspace's Rust tests (they crawl real servers on 127.0.0.1 and keep their
#      WARC files under target/tmp/warcs/),
#   3. checks every WARC file the tests wrote with `warcio check` and `warcio index`.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/warcio ] || [ ! -x .venv/bin/cdxj-indexer ]; then
  echo "== installing warcio and cdxj-indexer into .venv"
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check "warcio==1.8.1" "cdxj-indexer==1.5.0"
fi
export PATH="$PWD/.venv/bin:$PATH"

# wget writes the "other tool" WARC files some tests read (Debian package; root installs it).
if ! command -v wget >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing wget"
    apt-get update -qq && apt-get install -y -qq wget >/dev/null
  else
    echo "note: wget is not installed; the tests that compare with it are skipped" >&2
  fi
fi

echo "== cargo test"
rm -rf target/tmp/warcs
cargo test --workspace --locked

echo "== independent check of the test WARC files with warcio"
bash scripts/check-warcs.sh target/tmp/warcs
