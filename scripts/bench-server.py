#!/usr/bin/env python3
"""HTTP benchmark: Veille's search-server against tantivy-cli's `serve`, in the same run, on
indexes of the same documents, under wrk on loopback.

Usage (from the repository root):
    python3 scripts/bench-server.py                         # makes a 100,000-page corpus
    python3 scripts/bench-server.py --work DIR --skip-build # reuses `bench-index.py --keep`'s DIR
    python3 scripts/bench-server.py --work DIR --skip-build --fixed   # the ten fixed queries

The corpus: generated municipal pages crawled by Veille (see bench-index.py); Veille's index
comes from `indexer index` on the WARC files, tantivy-cli's from the same documents (url,
title, body: the work directory's docs.jsonl, else the text Veille's index stored, `indexer
dump --index`). Both servers answer the same French
queries, 10 hits each: Veille's `/api/search` with facet counts (topics, départements,
communes, years, page types) and highlighted snippets, tantivy-cli's `/api` with the stored
documents of the hits. By default the queries are --queries different ones (benchlib's
`query_list`: words, phrases, OR, exclusions), more than Veille's response cache holds, so
no request is answered from it; --fixed replays the ten of `indexer bench-queries` instead
(the best case for a cache). wrk (Debian package) sends the queries in turn; each server is
measured alone, after a warm-up. Prints Markdown for BENCHMARKS.md.
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
from benchlib import REL, ROOT, free_port, machine, make_corpus, measured, query_list, tantivy_cli_exe, tantivy_cli_index, tantivy_cli_version, wait_port  # noqa: E402


# Each wrk thread walks the list from its own place (2,919 queries apart for two threads and
# 5,000 queries), so that no thread asks what another asked a moment before: with a list
# longer than the response cache, no request is answered from it.
LUA = """
local paths = {%s}
local threads = 0
function setup(thread)
  thread:set("start", threads * 7919)
  threads = threads + 1
end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[((start or 0) + i) %% #paths + 1])
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
        for p in paths[:50]:
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
    ap.add_argument("--queries", type=int, default=5000, help="different queries sent in turn")
    ap.add_argument("--fixed", action="store_true", help="the ten fixed queries instead, cache on and off")
    ap.add_argument("--large-every", type=int, default=0, help="when making a corpus: one page in N real-sized")
    ap.add_argument("--skip-build", action="store_true")
    args = ap.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")
    if not args.skip_build:
        subprocess.run(["cargo", "build", "--release", "-p", "veille-crawler", "-p", "veille-indexer", "-p", "search-server"],
                       cwd=ROOT, check=True)
    work = args.work or tempfile.mkdtemp(prefix="veille-bench-server-")
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ, RUST_LOG="warn")
    warcs = os.path.join(work, "warcs")
    if not os.path.isdir(warcs):
        make_corpus(work, args.pages, args.hosts, args.large_every)
    index = os.path.join(work, "index")
    if not os.path.isdir(index):
        measured([os.path.join(REL, "indexer"), "index", "--index", index, warcs], cwd=ROOT, env=env)
    docs_path = os.path.join(work, "docs.jsonl")
    if not os.path.exists(docs_path):
        # tantivy-cli's documents: the text Veille's index stored (no second extraction).
        with open(docs_path, "wb") as f:
            measured([os.path.join(REL, "indexer"), "dump", "--index", index], stdout=f, cwd=ROOT, env=env)
    tindex = os.path.join(work, "tantivy-cli-index")
    if not os.path.isdir(tindex):
        tantivy_cli_index(work, docs_path)
    texe = tantivy_cli_exe(work)
    tversion = tantivy_cli_version(texe)
    wrk_version = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split("[")[0].strip()
    documents = sum(1 for _ in open(docs_path, "rb"))

    if args.fixed:
        # The same fixed French queries as `indexer bench-queries`, in Veille's syntax for both
        # (tantivy-cli then requires none of the words: more documents to score for it).
        veille_q = subprocess.run([os.path.join(REL, "indexer"), "bench-queries", "--list"], capture_output=True,
                                  text=True, check=True).stdout.splitlines()
        tantivy_q = veille_q
        runs = [("response cache on (default)", []),
                ("cache off: `--cache-entries 0`", ["--cache-entries", "0"]),
                ("cache off, `--max-searches 64`", ["--cache-entries", "0", "--max-searches", "64"])]
    else:
        pairs = query_list(args.queries)
        veille_q = [v for v, _ in pairs]
        tantivy_q = [t for _, t in pairs]
        runs = [(f"response cache on (default), {len(pairs)} different queries: every request a miss", []),
                ("cache off: `--cache-entries 0`", ["--cache-entries", "0"])]
        with open(os.path.join(work, "queries.txt"), "w") as f:
            f.write("\n".join(veille_q) + "\n")
    tport = free_port()
    rows = []
    vpaths = ["/api/search?" + urllib.parse.urlencode({"q": q}) for q in veille_q]
    for label, extra in runs:
        vport = free_port()
        cmd = [os.path.join(REL, "search-server"), "--index", index, "--warcs", warcs,
               "--bind", f"127.0.0.1:{vport}"] + extra
        rows.append((f"Veille `search-server` `/api/search` (10 hits, facets, snippets), {label}",) +
                    bench_one(cmd, vport, vpaths, lambda body: b'"facets"' in body and (b"snippet_html" in body or b'"total":0' in body),
                              args, work, "veille", cwd=ROOT, env=env))
    tpaths = ["/api/?" + urllib.parse.urlencode({"q": q, "nhits": 10}) for q in tantivy_q]
    tcmd = [texe, "serve", "-i", tindex, "--host", "127.0.0.1", "--port", str(tport)]
    rows.append((f"{tversion} `serve` `/api/` (10 hits, stored documents)",) +
                bench_one(tcmd, tport, tpaths, lambda body: True, args, work, "tantivy"))

    print(f"Machine: {machine()}")
    print(f"Index: {documents} documents; {wrk_version} -t2 -c{args.connections} -d{args.seconds}s, {len(veille_q)} French queries in turn; "
          f"servers and wrk share the machine\n")
    print("| server | requests/s | p50 (ms) | p99 (ms) | non-2xx |")
    print("|---|---:|---:|---:|---:|")
    for name, rps, p50, p99, errors in rows:
        print(f"| {name} | {rps:.0f} | {p50:.2f} | {p99:.2f} | {errors} |")
    tcli = rows[-1][1]
    print("\nVeille / tantivy-cli requests/s: " + "; ".join(f"{r[1] / tcli:.2f}× ({label})" for r, (label, _) in zip(rows, runs)))
    if not args.work:
        print(f"work directory: {work} (pass --work to reuse it)", file=sys.stderr)


if __name__ == "__main__":
    main()
