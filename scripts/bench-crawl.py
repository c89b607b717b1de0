#!/usr/bin/env python3
"""Crawl benchmark: Veille against wget on generated sites, in the same run.

Usage (from the repository root; needs wget for the comparison):
    python3 scripts/bench-crawl.py                  # 10,000 pages on 10 hosts + 1M-URL frontier
    python3 scripts/bench-crawl.py --pages 2000 --skip-frontier --skip-build

It builds the release crawler, serves generated sites with `crawler serve-sample
--synthetic-…` on a free loopback port, crawls them with Veille (politeness delay 0, one
connection per host, all hosts in parallel) and with `wget --recursive --level=inf
--warc-file` (one connection), and measures wall time, pages/s, MB/s and peak RSS (from
wait4's rusage). Then it crawls a site whose frontier grows past 1,000,000 queued URLs and
reports that crawl's peak RSS. Prints a Markdown table for BENCHMARKS.md.
"""
import argparse
import json
import os
import platform
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CRAWLER = os.path.join(ROOT, "target", "release", "crawler")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_measured(cmd, **kw):
    """Runs cmd; returns (seconds, peak RSS in MB, exit code, stdout, stderr, CPU seconds)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    out, err = b"", b""
    # communicate() would reap the child before wait4 could read its rusage: read pipes in a
    # thread instead.
    import threading

    chunks = {"out": [], "err": []}

    def pump(stream, key):
        for line in iter(stream.readline, b""):
            chunks[key].append(line)

    threads = [threading.Thread(target=pump, args=(proc.stdout, "out")),
               threading.Thread(target=pump, args=(proc.stderr, "err"))]
    for t in threads:
        t.start()
    _, status, rusage = os.wait4(proc.pid, 0)
    for t in threads:
        t.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - start
    out = b"".join(chunks["out"]).decode("utf-8", "replace")
    err = b"".join(chunks["err"]).decode("utf-8", "replace")
    run_measured.cpu = rusage.ru_utime + rusage.ru_stime
    return seconds, rusage.ru_maxrss / 1024.0, proc.returncode, out, err


def start_server(port, hosts, pages, fanout, latency_ms=0):
    cmd = [CRAWLER, "serve-sample", "--bind", f"127.0.0.1:{port}",
           "--synthetic-hosts", str(hosts), "--synthetic-pages", str(pages),
           "--synthetic-fanout", str(fanout), "--synthetic-latency-ms", str(latency_ms)]
    server = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    sys.exit("the sample server did not start")


def veille_config(path, port, hosts, out, state, max_pages=None, concurrency=None):
    lines = ['name = "bench"']
    for k in range(hosts):
        lines += ["[[seed]]", f'url = "http://www.commune{k}.bench.example/"']
    lines += ["[scope]", "max_depth = 100", "max_query_variants = 1000"]
    if max_pages:
        lines.append(f"max_pages = {max_pages}")
    lines += ["[fetch]", "delay = 0", "max_crawl_delay = 0", "retries = 0",
              f"concurrency = {concurrency or max(hosts, 1)}"]
    lines.append("[fetch.resolve]")
    for k in range(hosts):
        lines.append(f'"www.commune{k}.bench.example" = "127.0.0.1:{port}"')
    lines += ["[output]", f'dir = "{out}"', f'state_dir = "{state}"', 'prefix = "bench"']
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def bench_veille(port, hosts, work):
    out, state = os.path.join(work, "veille"), os.path.join(work, "veille-state")
    cfg = os.path.join(work, "veille.toml")
    veille_config(cfg, port, hosts, out, state)
    report = os.path.join(work, "veille-report.json")
    env = dict(os.environ, RUST_LOG="warn")
    secs, rss, code, _, err = run_measured(
        [CRAWLER, "crawl", "--fresh", "--config", cfg, "--report", report], cwd=ROOT, env=env)
    if code != 0:
        sys.exit(f"veille crawl failed:\n{err[-2000:]}")
    r = json.load(open(report))
    pages = r["by_status"].get("200", 0)
    return {"tool": "Veille", "seconds": secs, "pages": pages, "bytes": r["bytes"], "rss": rss,
            "warc": dir_size(out), "cpu": run_measured.cpu}


def bench_wget(port, hosts, work):
    if not shutil.which("wget"):
        return None
    out = os.path.join(work, "wget")
    os.makedirs(out)
    urls = [f"http://www.commune{k}.bench.example/" for k in range(hosts)]
    cmd = ["wget", "--recursive", "--level=inf", "--no-verbose", "--delete-after",
           "--no-directories", "-P", os.path.join(out, "files"),
           "--warc-file", os.path.join(out, "bench"), "--no-warc-keep-log",
           "-e", "use_proxy=on", "-e", f"http_proxy=http://127.0.0.1:{port}"] + urls
    secs, rss, code, _, err = run_measured(cmd, cwd=work)
    # wget exits 8 when some link answered an error status (the generated pages link nothing
    # missing, but /style.css is absent): not a failure of the crawl.
    if code not in (0, 8):
        sys.exit(f"wget failed ({code}):\n{err[-2000:]}")
    m = re.search(r"Downloaded: (\d+) files, ([\d.]+)([KMG]?)", err)
    files = int(m.group(1)) if m else 0
    unit = {"": 1, "K": 1e3, "M": 1e6, "G": 1e9}[m.group(3)] if m else 1
    size = float(m.group(2)) * unit if m else 0
    pages = sum(1 for line in err.splitlines() if re.search(r'/actualites/\d+\.html|\.example/" ', line) and "->" in line)
    return {"tool": "wget " + subprocess.run(["wget", "--version"], capture_output=True, text=True).stdout.split()[2],
            "seconds": secs, "pages": pages or files, "bytes": size, "rss": rss, "warc": dir_size(out),
            "cpu": run_measured.cpu}


def bench_frontier(port, work, target):
    out, state = os.path.join(work, "frontier"), os.path.join(work, "frontier-state")
    cfg = os.path.join(work, "frontier.toml")
    fanout = 1000
    veille_config(cfg, port, 1, out, state, max_pages=target // fanout + 50, concurrency=1)
    env = dict(os.environ, RUST_LOG="warn")
    secs, rss, code, _, err = run_measured(
        [CRAWLER, "crawl", "--fresh", "--config", cfg, "--report", os.path.join(work, "f.json")],
        cwd=ROOT, env=env)
    if code != 0:
        sys.exit(f"frontier crawl failed:\n{err[-2000:]}")
    db = sqlite3.connect(os.path.join(state, "crawl.sqlite"))
    queued = db.execute("SELECT COUNT(*) FROM urls WHERE state = 0").fetchone()[0]
    return {"seconds": secs, "rss": rss, "queued": queued}


def dir_size(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=10_000, help="pages in all (default 10000)")
    ap.add_argument("--hosts", type=int, default=10, help="hosts (default 10)")
    ap.add_argument("--frontier-urls", type=int, default=1_000_000)
    ap.add_argument("--skip-frontier", action="store_true")
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--latency-ms", type=int, nargs="*", default=[0, 20],
                    help="server answer times to measure at (default: 0 and 20 ms)")
    args = ap.parse_args()
    if not args.skip_build:
        subprocess.run(["cargo", "build", "--release", "-p", "veille-crawler"], cwd=ROOT, check=True)
    work = tempfile.mkdtemp(prefix="veille-bench-")
    per_host = args.pages // args.hosts
    results = []
    for latency in args.latency_ms:
        port = free_port()
        server = start_server(port, args.hosts, per_host, 10, latency)
        try:
            run_dir = os.path.join(work, f"latency-{latency}")
            os.makedirs(run_dir)
            for r in filter(None, [bench_veille(port, args.hosts, run_dir), bench_wget(port, args.hosts, run_dir)]):
                r["latency"] = latency
                results.append(r)
        finally:
            server.kill()
    frontier = None
    if not args.skip_frontier:
        port2 = free_port()
        server = start_server(port2, 1, args.frontier_urls + args.frontier_urls // 10, 1000)
        try:
            frontier = bench_frontier(port2, work, args.frontier_urls)
        finally:
            server.kill()

    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    print(f"Machine: {os.cpu_count()} cores ({cpu}), {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, {platform.system()} {platform.release()}")
    print(f"Corpus: {args.pages} generated pages on {args.hosts} hosts (served by `crawler serve-sample --synthetic-hosts {args.hosts} --synthetic-pages {per_host}`), loopback\n")
    print("| server answer time | crawler | pages | seconds | pages/s | payload MB/s | CPU s | peak RSS (MB) | WARC MB |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['latency']} ms | {r['tool']} | {r['pages']} | {r['seconds']:.1f} | {r['pages'] / r['seconds']:.0f} | "
              f"{r['bytes'] / 1e6 / r['seconds']:.1f} | {r['cpu']:.1f} | {r['rss']:.0f} | {r['warc'] / 1e6:.1f} |")
    for latency in args.latency_ms:
        pair = [r for r in results if r["latency"] == latency]
        if len(pair) == 2:
            ratio = (pair[0]["pages"] / pair[0]["seconds"]) / (pair[1]["pages"] / pair[1]["seconds"])
            print(f"\nAt {latency} ms: Veille / wget pages/s = {ratio:.1f}×")
    if frontier:
        print(f"\nFrontier: {frontier['queued']} URLs queued at the end of a {frontier['seconds']:.0f} s crawl; peak RSS {frontier['rss']:.0f} MB")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
