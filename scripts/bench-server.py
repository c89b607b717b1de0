#!/usr/bin/env python3
"""HTTP benchmark: Veille's search-server against tantivy-cli's `serve`, in the same run, on
indexes of the same documents, under wrk on loopback.

Usage (from the repository root):
    python3 scripts/bench-server.py                         # makes a 100,000-page corpus
    python3 scripts/bench-server.py --work DIR --skip-build # reuses `bench-index.py --keep`'s DIR

The corpus: generated municipal pages crawled by Veille (see bench-index.py); Veille's index
comes from `indexer index` on the WARC files, tantivy-cli's from the documents `indexer
dump` extracted from the same files (url, title, body). Both servers answer a fixed list
of French queries, 10 hits each: Veille's `/api/search` with facet counts (topics,
départements, communes, years) and highlighted snippets, tantivy-cli's `/api` with the
stored documents of the hits. wrk (Debian package) sends the queries in turn; each server
is measured alone, after a warm-up. Prints Markdown for BENCHMARKS.md.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import REL, ROOT, free_port, machine, make_corpus, measured, tantivy_cli_exe, tantivy_cli_index, tantivy_cli_version, wait_port  # noqa: E402


LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""


def wrk(url_paths, port, seconds, connections, work, name):
    script = os.path.join(work, f"{name}.lua")
    open(script, "w").write(LUA % ", ".join(f'"{p}"' for p in url_paths))
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script,
                          f"http://127.0.0.1:{port}"], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def pct(p):
        m = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, pct(50), pct(99), int(errors.group(1)) if errors else 0


def check(url):
    with urllib.request.urlopen(url, timeout=30) as r:
        return r.status, r.read()


def bench_one(cmd, port, paths, ok, args, work, name, **popen):
    """Starts a server, checks that every path answers as `ok` says, warms it up for 5 s,
    then measures it with wrk: (requests/s, p50, p99, non-2xx)."""
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **popen)
    try:
        wait_port(port, 120)
        for p in paths:
            status, body = check(f"http://127.0.0.1:{port}{p}")
            assert status == 200 and ok(body), f"{p}: unexpected answer: {body[:300]}"
        wrk(paths, port, 5, args.connections, work, f"{name}-warmup")
        return wrk(paths, port, args.seconds, args.connections, work, name)
    finally:
        server.terminate()
        server.wait()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=100_000)
    ap.add_argument("--hosts", type=int, default=20)
    ap.add_argument("--work", help="work directory of an earlier run (warcs/, index/, docs.jsonl, tantivy-cli-index/)")
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--connections", type=int, default=4)
    ap.add_argument("--skip-build", action="store_true")
    args = ap.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")
    if not args.skip_build:
        subprocess.run(["cargo", "build", "--release", "-p", "veille-crawler", "-p", "veille-indexer", "-p", "search-server"],
                       cwd=ROOT, check=True)
    work = args.work or tempfile.mkdtemp(prefix="veille-bench-server-")
    env = dict(os.environ, RUST_LOG="warn")
    warcs = os.path.join(work, "warcs")
    if not os.path.isdir(warcs):
        make_corpus(work, args.pages, args.hosts)
    index = os.path.join(work, "index")
    if not os.path.isdir(index):
        measured([os.path.join(REL, "indexer"), "index", "--index", index, warcs], cwd=ROOT, env=env)
    docs_path = os.path.join(work, "docs.jsonl")
    if not os.path.exists(docs_path):
        with open(docs_path, "wb") as f:
            measured([os.path.join(REL, "indexer"), "dump", warcs], stdout=f, cwd=ROOT, env=env)
    tindex = os.path.join(work, "tantivy-cli-index")
    if not os.path.isdir(tindex):
        tantivy_cli_index(work, docs_path)
    texe = tantivy_cli_exe(work)
    tversion = tantivy_cli_version(texe)
    wrk_version = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split("[")[0].strip()
    documents = sum(1 for _ in open(docs_path, "rb"))

    # The same fixed French queries as `indexer bench-queries`.
    queries = subprocess.run([os.path.join(REL, "indexer"), "bench-queries", "--list"], capture_output=True,
                             text=True, check=True).stdout.splitlines()
    tport = free_port()
    rows = []
    vpaths = ["/api/search?" + urllib.parse.urlencode({"q": q}) for q in queries]
    # Veille twice: as deployed (identical requests answered from its response cache until
    # the index changes) and with the cache off (every request searched).
    # Without the cache, also with searches not limited to one per core (`--max-searches 64`):
    # more throughput, longer tail.
    for label, extra in [("response cache on (default)", []),
                         ("cache off: `--cache-entries 0`", ["--cache-entries", "0"]),
                         ("cache off, `--max-searches 64`", ["--cache-entries", "0", "--max-searches", "64"])]:
        vport = free_port()
        cmd = [os.path.join(REL, "search-server"), "--index", index, "--warcs", warcs,
               "--bind", f"127.0.0.1:{vport}"] + extra
        rows.append((f"Veille `search-server` `/api/search` (10 hits, facets, snippets), {label}",) +
                    bench_one(cmd, vport, vpaths, lambda body: b'"facets"' in body and b"snippet_html" in body,
                              args, work, "veille", cwd=ROOT, env=env))
    tpaths = ["/api/?" + urllib.parse.urlencode({"q": q, "nhits": 10}) for q in queries]
    tcmd = [texe, "serve", "-i", tindex, "--host", "127.0.0.1", "--port", str(tport)]
    rows.append((f"{tversion} `serve` `/api/` (10 hits, stored documents)",) +
                bench_one(tcmd, tport, tpaths, lambda body: True, args, work, "tantivy"))

    print(f"Machine: {machine()}")
    print(f"Index: {documents} documents; {wrk_version} -t2 -c{args.connections} -d{args.seconds}s, {len(queries)} French queries in turn; "
          f"servers and wrk share the machine\n")
    print("| server | requests/s | p50 (ms) | p99 (ms) | non-2xx |")
    print("|---|---:|---:|---:|---:|")
    for name, rps, p50, p99, errors in rows:
        print(f"| {name} | {rps:.0f} | {p50:.2f} | {p99:.2f} | {errors} |")
    if len(rows) == 4:
        print(f"\nVeille / tantivy-cli requests/s: {rows[0][1] / rows[3][1]:.2f}× with the response cache, "
              f"{rows[1][1] / rows[3][1]:.2f}× without, {rows[2][1] / rows[3][1]:.2f}× without and unlimited searches")
    if not args.work:
        print(f"work directory: {work} (pass --work to reuse it)", file=sys.stderr)


if __name__ == "__main__":
    main()
