#!/usr/bin/env python3
"""Load and soak benchmark of the search server (issue 12, part 7).

Usage (from the repository root):
    python3 scripts/soak.py                 # builds in release, 60 s of load
    python3 scripts/soak.py --seconds 300 --skip-build

What it does, all on loopback:
1. serves ten generated municipal sites (`crawler serve-sample --synthetic-hosts 10`) and
   crawls eight of them into WARC files (rotated every 2 MB), indexed by `indexer index`:
   the starting archive; crawls the two others into more WARC files, kept aside;
2. starts `search-server` on that index with its response cache off (`--cache-entries 0`:
   every search is searched) and reads its RSS;
3. runs wrk (Debian package) for SECONDS with 2 threads and 16 connections over a fixed mix:
   searches of the form (HTML) and of `/api/search` from the `indexer bench-queries` list
   with filters and pages varied, replays (framed pages and archived documents) of captured
   URLs, and CSV and JSON exports;
4. meanwhile, moves the kept-aside WARC files into the served directory one at a time, each
   followed by `indexer index` (which commits after each file): the server picks up each
   commit while under load;
5. reports requests/s, latency p50/p99, socket errors, non-2xx/3xx answers, 5xx answers
   (target 0) and the server's RSS at start and end (target: growth at most 20 %), beside
   the RSS of a server started afresh on the final archive and warmed up the same way (the
   memory the archive's growth accounts for: what is above it would be a leak).

The soak is a benchmark, never a timed test. Prints Markdown for BENCHMARKS.md.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import REL, ROOT, free_port, machine, wait_port  # noqa: E402

LUA = """
local paths = {%s}
local counter = 0
local threads = {}

setup = function(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

init = function(args)
  fivexx = 0
  i = id * 7919
end

request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end

response = function(status, headers, body)
  if status >= 500 then
    fivexx = fivexx + 1
  end
end

done = function(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do
    total = total + t:get("fivexx")
  end
  io.write(string.format("5xx: %%d\\n", total))
end
"""


def rss_mb(pid):
    """Resident memory in MB: (all, anonymous). The rest is file pages (the index's mmapped
    segments), which the kernel drops under pressure and which grow with the index."""
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "RssAnon"):
                fields[name] = int(value.split()[0]) / 1024.0
    return fields.get("VmRSS", float("nan")), fields.get("RssAnon", float("nan"))


def crawl(work, name, hosts, port):
    cfg = os.path.join(work, f"{name}.toml")
    lines = [f'name = "{name}"']
    for k in hosts:
        lines += ["[[seed]]", f'url = "http://www.commune{k}.bench.example/"']
    lines += ["[scope]", "max_depth = 100", "[fetch]", "delay = 0", "max_crawl_delay = 0", "retries = 0",
              f"concurrency = {len(hosts)}", "[fetch.resolve]"]
    lines += [f'"www.commune{k}.bench.example" = "127.0.0.1:{port}"' for k in hosts]
    lines += ["[output]", f'dir = "{work}/{name}"', f'state_dir = "{work}/{name}-state"',
              f'prefix = "{name}"', "max_warc_bytes = 2000000"]
    open(cfg, "w").write("\n".join(lines) + "\n")
    subprocess.run([os.path.join(REL, "crawler"), "crawl", "--fresh", "--config", cfg,
                    "--report", os.path.join(work, f"{name}.json")], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, env=dict(os.environ, RUST_LOG="warn"))
    return sorted(os.path.join(work, name, f) for f in os.listdir(os.path.join(work, name))
                  if f.endswith(".warc.gz"))


def index(index_dir, paths):
    subprocess.run([os.path.join(REL, "indexer"), "index", "--index", index_dir, *paths], cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=dict(os.environ, RUST_LOG="error"))


def mix(queries, captures):
    """The request paths wrk cycles through."""
    paths = []
    for n, q in enumerate(queries):
        enc = urllib.parse.quote(q)
        paths.append(f"/?q={enc}&page={1 + n % 3}")
        paths.append(f"/api/search?q={enc}&sort={'date' if n % 2 else 'relevance'}&per_page=20")
        paths.append(f"/api/search?q={enc}&digital=1&page={1 + n % 2}")
    for ts, url in captures:
        paths.append(f"/archive/{ts}/{url}")
        paths.append(f"/archive/{ts}id_/{url}")
    for q in queries[:6]:
        enc = urllib.parse.quote(q)
        paths.append(f"/export.csv?q={enc}")
        paths.append(f"/export.json?q={enc}")
    return paths


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--pages", type=int, default=400, help="pages per generated site")
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--steady", action="store_true",
                    help="no WARC files added during the load (tells memory growth from data growth)")
    ap.add_argument("--work", help="working directory (default: a temporary one, removed)")
    args = ap.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk")
    if not args.skip_build:
        subprocess.run(["cargo", "build", "--release", "-p", "search-server", "-p", "veille-indexer",
                        "-p", "veille-crawler"], cwd=ROOT, check=True)
    work = args.work or tempfile.mkdtemp(prefix="veille-soak-")
    os.makedirs(work, exist_ok=True)
    sport = free_port()
    sites = subprocess.Popen([os.path.join(REL, "crawler"), "serve-sample", "--bind", f"127.0.0.1:{sport}",
                              "--synthetic-hosts", "10", "--synthetic-pages", str(args.pages)],
                             cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = None
    try:
        wait_port(sport, 10)
        first = crawl(work, "first", range(8), sport)
        later = crawl(work, "later", range(8, 10), sport)
        served = os.path.join(work, "served")
        os.makedirs(served)
        for f in first:
            for p in (f, f[:-len(".warc.gz")] + ".cdxj"):
                if os.path.exists(p):
                    shutil.copy(p, served)
        index_dir = os.path.join(work, "index")
        index(index_dir, [served])
        queries = subprocess.run([os.path.join(REL, "indexer"), "bench-queries", "--list"], capture_output=True,
                                 text=True, check=True).stdout.splitlines()
        captures = []
        for f in sorted(os.listdir(served)):
            if f.endswith(".cdxj"):
                for line in open(os.path.join(served, f)):
                    _, ts, js = line.split(" ", 2)
                    if '"text/html"' in js and len(captures) < 60:
                        captures.append((ts, json.loads(js)["url"]))
        paths = mix(queries, captures)
        port = free_port()
        server = subprocess.Popen([os.path.join(REL, "search-server"), "--index", index_dir, "--warcs", served,
                                   "--bind", f"127.0.0.1:{port}", "--cache-entries", "0"], cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  env=dict(os.environ, RUST_LOG="warn"))
        wait_port(port, 30)
        script = os.path.join(work, "soak.lua")
        open(script, "w").write(LUA % ", ".join(json.dumps(p) for p in paths))
        # Warm-up: the whole mix for 15 s, then the starting RSS.
        subprocess.run(["wrk", "-t2", "-c16", "-d15s", "-s", script, f"http://127.0.0.1:{port}"],
                       capture_output=True, check=True)
        rss_start, anon_start = rss_mb(server.pid)
        added = []

        def feed():
            # The other half of the archive arrives while the load runs: one file, one commit.
            pause = max(1.0, args.seconds * 0.8 / max(1, len(later)))
            time.sleep(2)
            for f in [] if args.steady else later:
                for p in (f, f[:-len(".warc.gz")] + ".cdxj"):
                    if os.path.exists(p):
                        shutil.copy(p, served)
                index(index_dir, [served])
                added.append(os.path.basename(f))
                time.sleep(pause)

        feeder = threading.Thread(target=feed)
        feeder.start()
        out = subprocess.run(["wrk", "-t2", "-c16", f"-d{args.seconds}s", "--timeout", "30s", "--latency",
                              "-s", script, f"http://127.0.0.1:{port}"], capture_output=True, text=True,
                             check=True).stdout
        feeder.join()
        rss_end, anon_end = rss_mb(server.pid)
        docs = json.loads(subprocess.run(["curl", "-s", f"http://127.0.0.1:{port}/api/stats"],
                                         capture_output=True, text=True).stdout or "{}")
        server.terminate()
        server.wait()
        # A server started afresh on the final archive, warmed up the same way: what the
        # soaked server's memory should be if nothing leaked.
        fresh = subprocess.Popen([os.path.join(REL, "search-server"), "--index", index_dir, "--warcs", served,
                                  "--bind", f"127.0.0.1:{port}", "--cache-entries", "0"], cwd=ROOT,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 env=dict(os.environ, RUST_LOG="warn"))
        server = fresh
        wait_port(port, 30)
        subprocess.run(["wrk", "-t2", "-c16", "-d15s", "-s", script, f"http://127.0.0.1:{port}"],
                       capture_output=True, check=True)
        fresh_rss, fresh_anon = rss_mb(fresh.pid)

        def pct(p):
            m = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)\b", out)
            value, unit = float(m.group(1)), m.group(2)
            return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

        requests = int(re.search(r"(\d+) requests in", out).group(1))
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
        non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
        fivexx = int(re.search(r"5xx: (\d+)", out).group(1))
        growth = (rss_end - rss_start) / rss_start * 100
        anon_growth = (anon_end - anon_start) / anon_start * 100
        title = "steady archive" if args.steady else "while `indexer index` commits"
        print(f"## Soak: search-server under load, {title} ({args.seconds} s)\n")
        print(f"Machine: {machine()}. Command: `python3 scripts/soak.py --seconds {args.seconds} "
              f"--pages {args.pages}{' --steady' if args.steady else ''}`.\n")
        print(f"Archive: {len(first)} WARC files of 8 generated municipal sites ({args.pages} pages each) at the "
              f"start; {len(added)} more files of 2 other sites added and committed one by one during the load "
              f"({docs.get('documents', '?')} documents at the end). Server: `--cache-entries 0` (every search "
              f"searched). Load: wrk, 2 threads, 16 connections, {len(paths)} paths in turn: form and "
              f"`/api/search` searches ({len(queries)} queries × filters, sorts, pages), {len(captures)} "
              f"captures replayed (framed page and archived document), CSV and JSON exports.\n")
        print("| requests | requests/s | p50 | p99 | socket errors | non-2xx/3xx | 5xx | RSS start → end | anonymous RSS start → end | fresh server on the final archive (RSS, anonymous) |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        errors = sum(int(x) for x in sock.groups()) if sock else 0
        print(f"| {requests} | {rps:.0f} | {pct(50):.1f} ms | {pct(99):.1f} ms | {errors} | "
              f"{int(non2xx.group(1)) if non2xx else 0} | {fivexx} | {rss_start:.0f} → {rss_end:.0f} MB "
              f"({growth:+.0f} %) | {anon_start:.0f} → {anon_end:.0f} MB ({anon_growth:+.0f} %) | "
              f"{fresh_rss:.0f} MB, {fresh_anon:.0f} MB |")
        print(f"\nTargets: 0 5xx ({'met' if fivexx == 0 else 'MISSED'}), RSS growth ≤ 20 % "
              f"({'met' if growth <= 20 else 'MISSED'}; anonymous memory {anon_growth:+.0f} %).")
    finally:
        if server:
            server.terminate()
        sites.kill()
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
