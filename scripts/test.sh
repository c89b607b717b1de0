#!/usr/bin/env bash
# Runs all of Veille's tests on a fresh machine (Rust toolchain and Python 3 only):
#   1. installs warcio, cdxj-indexer, pywb, wacz, feedparser and memento-client (independent
#      WARC, WACZ, feed and Memento tools) into .venv, wget, PostgreSQL and
#      Debian's Chromium (root only), and playwright-core (npm) for the browser test,
#   2. starts a throwaway PostgreSQL cluster (a temporary directory, a free loopback port;
#      stopped at exit) for the shared-frontier tests, and
#      runs the workspace's Rust tests (they crawl real servers on 127.0.0.1 and keep their
#      WARC files under target/tmp/warcs/),
#   3. checks every WARC file the tests wrote with `warcio check` and `warcio index`, then
#      their digests and CDXJ indexes with `crawler verify`.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/warcio ] || [ ! -x .venv/bin/cdxj-indexer ] || [ ! -x .venv/bin/wacz ] \
  || [ ! -x .venv/bin/wayback ] || ! .venv/bin/python -c "import feedparser, memento_client" 2>/dev/null; then
  echo "== installing warcio, cdxj-indexer, pywb, wacz, feedparser and memento-client into .venv"
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check "warcio==1.8.1" "cdxj-indexer==1.5.0" \
    "pywb==2.10.0" "wacz==0.6.0" "feedparser==6.0.14" "memento-client==0.6.1"
fi
export PATH="$PWD/.venv/bin:$PATH"

# wget writes the "other tool" WARC files some tests read; Chromium runs the search server's
# browser test (Debian packages; root installs them).
missing=()
command -v wget >/dev/null 2>&1 || missing+=(wget)
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 \
  || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "note: ${missing[*]} not installed; the tests that need them are skipped" >&2
  fi
fi

# playwright-core drives Debian's Chromium (no browser download), pinned by package-lock.json.
if [ ! -d search-server/tests/browser/node_modules/playwright-core ] && command -v npm >/dev/null 2>&1; then
  echo "== installing playwright-core (npm ci)"
  (cd search-server/tests/browser && npm ci --no-audit --no-fund --silent)
fi

# PostgreSQL for the shared-frontier tests (crawler/tests/shared_frontier.rs). Without it
# those tests say they are skipped; under CI they fail.
if [ -z "${VEILLE_TEST_POSTGRES:-}" ]; then
  pg_dir="$(mktemp -d /tmp/veille-pg.XXXXXX)"
  trap 'bash scripts/postgres-cluster.sh stop "$pg_dir"' EXIT
  if pg_env="$(bash scripts/postgres-cluster.sh start "$pg_dir")"; then
    eval "$pg_env"
    echo "== PostgreSQL test cluster on ${VEILLE_TEST_POSTGRES}"
  else
    echo "note: no PostgreSQL test cluster; the shared-frontier tests are skipped" >&2
  fi
fi

echo "== cargo test"
rm -rf target/tmp/warcs
cargo test --workspace --locked

echo "== independent check of the test WARC files with warcio"
bash scripts/check-warcs.sh target/tmp/warcs

echo "== fixity check of the test WARC files and their CDXJ indexes (crawler verify)"
# The crawler binary `cargo test --workspace` built: `cargo run -p veille-crawler` would
# build its dependencies a second time with the crawler's features alone (several GB more
# of target/, which filled the CI machine's disk once).
"${CARGO_TARGET_DIR:-target}/debug/crawler" verify target/tmp/warcs
