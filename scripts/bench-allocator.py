#!/usr/bin/env python3
"""The crawler's peak RSS from run to run, with glibc's default malloc arenas and with
MALLOC_ARENA_MAX=2: one SQLite crawl of generated sites, repeated.

Usage (from the repository root; needs the release crawler, `cargo build --release -p veille-crawler`):
    python3 scripts/bench-allocator.py            # 3 runs each of 20,000 pages on 200 hosts at 20 ms
"""
import argparse
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import REL, ROOT, corpus_config, measured, serve_synthetic  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=20000)
    ap.add_argument("--hosts", type=int, default=200)
    ap.add_argument("--latency-ms", type=int, default=20)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    server, port = serve_synthetic(args.pages, args.hosts, args.latency_ms)
    print("| malloc arenas | seconds | peak RSS (MB) |")
    print("|---|---:|---:|")
    try:
        for extra in ({}, {"MALLOC_ARENA_MAX": "2"}) * args.runs:
            work = tempfile.mkdtemp(prefix="veille-bench-allocator-")
            try:
                cfg = corpus_config(work, port, args.hosts)
                env = dict(os.environ, RUST_LOG="warn", **extra)
                secs, rss, _, _, _ = measured([os.path.join(REL, "crawler"), "crawl", "--fresh", "--config", cfg,
                                               "--report", os.path.join(work, "report.json")], cwd=ROOT, env=env)
            finally:
                shutil.rmtree(work, ignore_errors=True)
            label = "MALLOC_ARENA_MAX=2" if extra else "glibc default"
            print(f"| {label} | {secs:.1f} | {rss:.0f} |", flush=True)
    finally:
        server.kill()


if __name__ == "__main__":
    main()
