#!/usr/bin/env bash
# Runs each cargo-fuzz target for SECONDS (default 600) one after another, from the seeds in
# fuzz/seeds/TARGET (and, for html_extract, the smallest real pages of
# data/extraction-corpus), growing a scratch corpus in fuzz/corpus/TARGET (git-ignored), and
# writes one summary line per target to fuzz/runs.log. See FUZZING.md.
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
    if [ "$t" = html_extract ]; then
        # Real pages as seeds too: the five smallest of the French extraction corpus.
        ls -S data/extraction-corpus/pages/*/source.html | tail -5 | while read -r page; do
            cp "$page" "fuzz/corpus/$t/$(basename "$(dirname "$page")").html"
        done
    fi
    log="fuzz/logs/$t.log"
    start=$(date -u +%FT%TZ)
    status=0
    # Inputs that once crashed a target are run again first.
    regressions=()
    [ -d "fuzz/regressions/$t" ] && regressions=("regressions/$t")
    (cd fuzz && cargo fuzz run -O "$t" "corpus/$t" "seeds/$t" "${regressions[@]}" -- \
        -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1) \
        >"$log" 2>&1 || status=$?
    execs=$(grep -a 'stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -1 || true)
    rate=$(grep -a 'stat::average_exec_per_sec' "$log" | awk '{print $2}' | tail -1 || true)
    rss=$(grep -a 'stat::peak_rss_mb' "$log" | awk '{print $2}' | tail -1 || true)
    cov=$(grep -a -o 'cov: [0-9]*' "$log" | tail -1 || true)
    crashes=$(ls fuzz/artifacts/"$t" 2>/dev/null | wc -l || true)
    echo "$start $t ${seconds}s status=$status execs=${execs:-?} exec/s=${rate:-?} rss=${rss:-?}MB ${cov:-cov: ?} artifacts=$crashes" | tee -a fuzz/runs.log
done
