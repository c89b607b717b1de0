#!/usr/bin/env python3
"""A crawl holding many hosts in parallel, polite to each: Veille's crawler with its embedded
(SQLite) state on generated sites.

Usage (from the repository root):
    python3 scripts/bench-hosts.py                      # 1,000 hosts × 30 pages, 20 ms, 1 s delay
    python3 scripts/bench-hosts.py --hosts 200 --pages-per-host 50 --skip-build

It builds the release crawler, serves `--hosts` generated sites on a free loopback port, each
page answered after `--latency-ms` (`crawler serve-sample --synthetic-…`), and crawls them
all at once (`fetch.concurrency` = hosts) with `--delay` seconds between two requests to one
host. It reports pages/s, peak RSS (wait4's rusage) and CPU, and the best rate politeness
allows (hosts / (delay + latency)), as JSON and as a Markdown table.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import REL, ROOT, corpus_config, machine, measured, serve_synthetic  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hosts", type=int, default=1000)
    ap.add_argument("--pages-per-host", type=int, default=30)
    ap.add_argument("--latency-ms", type=int, default=20)
    ap.add_argument("--delay", type=float, default=1.0)
    ap.add_argument("--skip-build", action="store_true")
    args = ap.parse_args()
    if not args.skip_build:
        subprocess.run(["cargo", "build", "--release", "--locked", "-p", "veille-crawler", "--bin", "crawler"],
                       cwd=ROOT, check=True)
    work = tempfile.mkdtemp(prefix="veille-bench-hosts-")
    server, port = serve_synthetic(args.hosts * args.pages_per_host, args.hosts, args.latency_ms)
    try:
        cfg = corpus_config(work, port, args.hosts, name="bench-hosts")
        text = open(cfg).read().replace("delay = 0\n", f"delay = {args.delay}\n", 1)
        open(cfg, "w").write(text)
        report = os.path.join(work, "report.json")
        secs, rss, cpu, _, _ = measured([os.path.join(REL, "crawler"), "crawl", "--fresh", "--config", cfg,
                                         "--report", report], cwd=ROOT, env=dict(os.environ, RUST_LOG="warn"))
        r = json.load(open(report))
    finally:
        server.kill()
        shutil.rmtree(work, ignore_errors=True)
    errors = sum(r["errors"].values())
    bound = args.hosts / (args.delay + args.latency_ms / 1000)
    result = {"machine": machine(), "hosts": args.hosts, "pages_per_host": args.pages_per_host,
              "latency_ms": args.latency_ms, "delay": args.delay, "captures": r["captures"],
              "seconds": secs, "pages_per_s": r["captures"] / secs, "politeness_bound_per_s": bound,
              "peak_rss_mb": rss, "cpu_s": cpu, "errors": errors}
    print(json.dumps(result, indent=1))
    print()
    print(f"Machine: {result['machine']}")
    print()
    print("| hosts | pages | delay (s) | server time (ms) | seconds | pages/s | politeness bound (pages/s) | peak RSS (MB) | CPU s | errors |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {args.hosts} | {r['captures']} | {args.delay:g} | {args.latency_ms} | {secs:.1f} | {r['captures'] / secs:.0f} "
          f"| {bound:.0f} | {rss:.0f} | {cpu:.1f} | {errors} |")


if __name__ == "__main__":
    main()
