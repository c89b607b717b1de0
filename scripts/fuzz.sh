#!/usr/bin/env bash
# Runs each cargo-fuzz target for SECONDS (default 600) one after another, from the seeds in
# fuzz/seeds/TARGET, growing a scratch corpus in fuzz/corpus/TARGET (git-ignored), and writes
# one summary line per target to fuzz/runs.log. See FUZZING.md.
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(warc_reader http_message cdxj_surt robots_url html_extract query_parser)
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version '^0.13' --locked
# libFuzzer needs nightly compiler flags; the stable toolchain accepts them this way.
export RUSTC_BOOTSTRAP=1
(cd fuzz && cargo fuzz build -O)
for t in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$t" fuzz/logs
    log="fuzz/logs/$t.log"
    start=$(date -u +%FT%TZ)
    status=0
    (cd fuzz && cargo fuzz run -O "$t" "corpus/$t" "seeds/$t" -- \
        -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1) \
        >"$log" 2>&1 || status=$?
    execs=$(grep -a 'stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -1)
    cov=$(grep -a -o 'cov: [0-9]*' "$log" | tail -1)
    crashes=$(ls fuzz/artifacts/"$t" 2>/dev/null | wc -l)
    echo "$start $t ${seconds}s status=$status execs=${execs:-?} ${cov:-cov: ?} artifacts=$crashes" | tee -a fuzz/runs.log
done
