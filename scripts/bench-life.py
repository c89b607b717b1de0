#!/usr/bin/env python3
"""What keeping each page's life costs `indexer index`: generated sites are crawled twice
(the second crawl a recrawl: revisits, and the end-of-crawl check of known URLs), then the
first crawl's WARC files are indexed into a new index and the second crawl's added to it,
by this build's indexer and, with --old-indexer, by another build's (e.g. the commit before
page lives were kept), on the same files, alternately, --runs times each.

    python3 scripts/bench-life.py --pages 20000 --old-indexer /tmp/veille-old/target/release/indexer
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import REL, ROOT, corpus_config, dir_size, machine, measured, serve_synthetic  # noqa: E402


def crawl_twice(work, pages, hosts):
    """Two crawls of the same generated sites into work/warcs; the WARC files of each."""
    server, port = serve_synthetic(pages, hosts)
    try:
        cfg = corpus_config(work, port, hosts, name="bench-life")
        runs = []
        for _ in range(2):
            before = set(os.listdir(os.path.join(work, "warcs"))) if os.path.isdir(os.path.join(work, "warcs")) else set()
            measured([os.path.join(REL, "crawler"), "crawl", "--fresh", "--config", cfg], cwd=ROOT,
                     env=dict(os.environ, RUST_LOG="warn"))
            after = set(os.listdir(os.path.join(work, "warcs")))
            runs.append(sorted(os.path.join(work, "warcs", f) for f in after - before if f.endswith(".warc.gz")))
        return runs
    finally:
        server.kill()


def index_both(indexer, work, name, first, second):
    """Seconds and peak RSS of indexing the first crawl into a new index, then the second."""
    index = os.path.join(work, name)
    shutil.rmtree(index, ignore_errors=True)
    env = dict(os.environ, RUST_LOG="warn")
    s1, r1, _, _, _ = measured([indexer, "index", "--index", index, *first], cwd=ROOT, env=env)
    s2, r2, _, _, _ = measured([indexer, "index", "--index", index, *first, *second], cwd=ROOT, env=env)
    return s1, r1, s2, r2, dir_size(index)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=20_000)
    ap.add_argument("--hosts", type=int, default=20)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--old-indexer", help="another build's indexer binary, measured alongside")
    ap.add_argument("--skip-build", action="store_true")
    args = ap.parse_args()
    if not args.skip_build:
        subprocess.run(["cargo", "build", "--release", "-p", "veille-crawler", "-p", "veille-indexer"], cwd=ROOT, check=True)
    work = tempfile.mkdtemp(prefix="veille-bench-life-")
    first, second = crawl_twice(work, args.pages, args.hosts)
    warc_mb = sum(os.path.getsize(f) for f in first + second) / 1e6
    builds = [("this build", os.path.join(REL, "indexer"))]
    if args.old_indexer:
        builds.append(("other build", args.old_indexer))
    results = {name: [] for name, _ in builds}
    for run in range(args.runs):
        for name, exe in builds:
            results[name].append(index_both(exe, work, f"index-{run}-{name.replace(' ', '-')}", first, second))
    print(f"Machine: {machine()}")
    print(f"Corpus: {args.pages} generated pages on {args.hosts} hosts, crawled twice "
          f"({len(first)} + {len(second)} WARC files, {warc_mb:.0f} MB); best of {args.runs} runs\n")
    print("| indexer | first crawl (s) | peak RSS (MB) | + recrawl (s) | peak RSS (MB) | index (MB) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, _ in builds:
        rows = results[name]
        s1 = min(r[0] for r in rows)
        s2 = min(r[2] for r in rows)
        print(f"| {name} | {s1:.1f} | {max(r[1] for r in rows):.0f} | {s2:.1f} | {max(r[3] for r in rows):.0f} "
              f"| {rows[-1][4] / 1e6:.0f} |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
