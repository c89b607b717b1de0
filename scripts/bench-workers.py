#!/usr/bin/env python3
"""Crawl workers on one PostgreSQL frontier, against the single SQLite crawler, in one run.

Usage (from the repository root; needs PostgreSQL's binaries, as scripts/test.sh installs):
    python3 scripts/bench-workers.py                     # 20,000 pages, 10M-URL frontier
    python3 scripts/bench-workers.py --pages 5000 --frontier-urls 1000000 --skip-build

It builds the release crawler and the frontier_claims example, starts a throwaway
PostgreSQL cluster (scripts/postgres-cluster.sh; or uses --postgres URL), serves 200
generated sites that answer each page after 20 ms (`crawler serve-sample --synthetic-…`),
and measures:
  1. pages/s of one crawl process with its SQLite state, then of 1, 2 and 4 worker
     processes sharing one PostgreSQL frontier (politeness delay 0: one request at a time
     per host), with each worker's peak RSS (wait4's rusage);
  2. claims/s of the frontier alone (claim, complete, release; no fetch), SQLite and
     PostgreSQL with 1, 2 and 4 claimers;
  3. the peak RSS of a worker crawling 20,000 pages from a frontier holding 10 million
     queued URLs, against the same worker on a frontier that starts from the seeds.
Prints a Markdown table for BENCHMARKS.md and the raw figures as JSON.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import REL, ROOT, corpus_config, machine, serve_synthetic  # noqa: E402


def pg_bin():
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.path.exists(os.path.join(d, "psql")):
            return d
    psql = shutil.which("psql")
    if psql:
        return os.path.dirname(psql)
    sys.exit("psql not found: apt-get install postgresql")


def psql(url, *sql):
    args = [os.path.join(pg_bin(), "psql"), "-q", "-v", "ON_ERROR_STOP=1", url]
    for s in sql:
        args += ["-c", s]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)


def new_database(base, name):
    psql(base, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}")
    return base.rsplit("/", 1)[0] + "/" + name


def postgres_cpu():
    """CPU seconds used so far by PostgreSQL's processes (the postmaster's own, its exited
    children's, and its live backends')."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            text = open(stat).read()
        except OSError:
            continue
        if text.split("(", 1)[1].rsplit(")", 1)[0] != "postgres":
            continue
        after = text.rsplit(")", 1)[1].split()  # fields from the 3rd (state) on
        total += sum(int(x) for x in after[11:15])  # utime stime cutime cstime
    return total / tick


def run_workers(cmds, env):
    """Starts the commands together; returns (seconds, [peak RSS MB], total CPU seconds)."""
    start = time.monotonic()
    procs = [subprocess.Popen(c, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=open(c[-1] + ".log", "w")) for c in cmds]
    rss, cpu = [], 0.0
    for p in procs:
        _, status, ru = os.wait4(p.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            sys.exit(f"a worker failed ({code}); see {p.args[-1]}.log")
        rss.append(ru.ru_maxrss / 1024.0)
        cpu += ru.ru_utime + ru.ru_stime
    return time.monotonic() - start, rss, cpu


def crawl_config(work, port, hosts, state=None):
    cfg = corpus_config(work, port, hosts, name="bench-workers")
    if state:
        lines = open(cfg).read().split("\n")
        lines.insert(1, f'state = "{state}"')
        open(cfg, "w").write("\n".join(lines))
    return cfg


def captures(work):
    total = 0
    for path in glob.glob(os.path.join(work, "*.report.json")):
        total += json.load(open(path))["captures"]
    return total


def crawl_run(work_root, label, port, hosts, workers, base_url, env, max_pages=None):
    work = os.path.join(work_root, label)
    os.makedirs(work)
    state = new_database(base_url, label.replace("-", "_")) if workers else None
    cfg = crawl_config(work, port, hosts, state)
    cmds = []
    for i in range(max(workers, 1)):
        cmd = [os.path.join(REL, "crawler"), "crawl", "--config", cfg]
        if max_pages:
            cmd += ["--max-pages", str(max_pages)]
        if workers:
            cmd += ["--worker", f"w{i}"]
        else:
            cmd += ["--fresh"]
        cmd += ["--report", os.path.join(work, f"w{i}.report.json")]
        cmds.append(cmd)
    pg_before = postgres_cpu()
    secs, rss, cpu = run_workers(cmds, env)
    pg = postgres_cpu() - pg_before
    pages = captures(work)
    return {"label": label, "workers": workers, "seconds": secs, "captures": pages,
            "pages_per_s": pages / secs, "peak_rss_mb": rss, "cpu_s": cpu, "postgres_cpu_s": pg,
            "state": state}


def claims(state, urls, hosts, claimers):
    out = subprocess.run([os.path.join(REL, "examples", "frontier_claims"), "--state", state,
                          "--urls", str(urls), "--hosts", str(hosts), "--claimers", str(claimers)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def fill_frontier(url, n, hosts):
    """A running crawl whose frontier holds n queued URLs of the generated hosts."""
    # The frontier_claims example with no URL creates the schema and a running crawl.
    claims(url, 0, hosts, 1)
    per_host = n // hosts
    psql(url,
         f"INSERT INTO hosts(host, queued) SELECT 'www.commune' || k || '.bench.example', {per_host} "
         f"FROM generate_series(0, {hosts - 1}) k",
         "INSERT INTO urls(url, host, depth, hops, attempt, robots, state, seq) "
         f"SELECT 'http://www.commune' || (i % {hosts}) || '.bench.example/actualites/' || (i / {hosts} + 1) || '.html', "
         f"'www.commune' || (i % {hosts}) || '.bench.example', 1, 0, 0, false, 0, i "
         f"FROM generate_series(0, {per_host * hosts - 1}) i",
         f"SELECT setval('url_seq', {per_host * hosts + 1})",
         "VACUUM ANALYZE urls", "VACUUM ANALYZE hosts")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=20000, help="pages of the generated sites crawled per run")
    ap.add_argument("--hosts", type=int, default=200)
    ap.add_argument("--latency-ms", type=int, default=20)
    ap.add_argument("--claim-urls", type=int, default=100000)
    ap.add_argument("--frontier-urls", type=int, default=10_000_000)
    ap.add_argument("--postgres", help="a postgres:// URL of a database to create bench databases from")
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the work directory")
    args = ap.parse_args()

    if not args.skip_build:
        subprocess.run(["cargo", "build", "--release", "--locked", "-p", "veille-crawler",
                        "--bin", "crawler", "--example", "frontier_claims"], cwd=ROOT, check=True)
    work = tempfile.mkdtemp(prefix="veille-bench-workers-")
    cluster = None
    base = args.postgres or os.environ.get("VEILLE_TEST_POSTGRES")
    if not base:
        cluster = os.path.join(work, "pg")
        out = subprocess.run(["bash", os.path.join(ROOT, "scripts", "postgres-cluster.sh"), "start", cluster],
                             check=True, capture_output=True, text=True).stdout
        base = out.strip().split("=", 1)[1]
    env = dict(os.environ, RUST_LOG="warn")
    results = {"machine": machine(), "pages": args.pages, "hosts": args.hosts,
               "latency_ms": args.latency_ms}
    server = None
    try:
        pg_version = subprocess.run([os.path.join(pg_bin(), "postgres"), "--version"],
                                    capture_output=True, text=True).stdout.strip()
        results["postgres"] = pg_version
        server, port = serve_synthetic(args.pages, args.hosts, args.latency_ms)
        runs = [crawl_run(work, "sqlite-1", port, args.hosts, 0, base, env)]
        for n in (1, 2, 4):
            runs.append(crawl_run(work, f"pg-{n}", port, args.hosts, n, base, env))
        results["crawls"] = runs
        server.kill()
        server = None

        results["claims"] = [claims(os.path.join(work, "claims-sqlite"), args.claim_urls, 1000, 1)]
        for n in (1, 2, 4):
            db = new_database(base, f"claims_{n}")
            results["claims"].append(claims(db, args.claim_urls, 1000, n))

        # A worker's memory with a 10-million-URL frontier, against a small one.
        server, port = serve_synthetic(args.frontier_urls + args.hosts, args.hosts, 0)
        big = new_database(base, "frontier_big")
        t = time.monotonic()
        fill_frontier(big, args.frontier_urls, args.hosts)
        fill_secs = time.monotonic() - t
        size = subprocess.run([os.path.join(pg_bin(), "psql"), "-At", big, "-c",
                               "SELECT pg_database_size(current_database())"],
                              capture_output=True, text=True, check=True).stdout.strip()
        small = crawl_run(work, "rss-small", port, args.hosts, 1, base, env, max_pages=args.pages)
        # The big frontier's run joins the filled crawl instead of starting one.
        wdir = os.path.join(work, "rss-big")
        os.makedirs(wdir)
        cfg = crawl_config(wdir, port, args.hosts, big)
        secs, rss, cpu = run_workers([[os.path.join(REL, "crawler"), "crawl", "--config", cfg,
                                       "--max-pages", str(args.pages), "--worker", "w0",
                                       "--report", os.path.join(wdir, "w0.report.json")]], env)
        pages = captures(wdir)
        results["frontier"] = {"urls": args.frontier_urls, "fill_seconds": fill_secs,
                               "database_bytes": int(size or 0),
                               "small": small,
                               "big": {"seconds": secs, "captures": pages, "pages_per_s": pages / secs,
                                       "peak_rss_mb": rss, "cpu_s": cpu}}
    finally:
        if server:
            server.kill()
        if cluster:
            subprocess.run(["bash", os.path.join(ROOT, "scripts", "postgres-cluster.sh"), "stop", cluster])
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print(json.dumps(results, indent=1))
    print()
    print(f"Machine: {results['machine']}; {results['postgres']} on the same machine.")
    print(f"{args.pages} pages on {args.hosts} generated hosts answering after {args.latency_ms} ms, loopback.")
    print()
    print("| crawl | workers | seconds | pages | pages/s | vs SQLite | peak RSS per worker (MB) | workers' CPU s | PostgreSQL CPU s | CPU ms a page (workers + PostgreSQL) |")
    print("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|")
    ref = results["crawls"][0]["pages_per_s"]
    for r in results["crawls"]:
        kind = "SQLite, one process" if r["workers"] == 0 else "PostgreSQL"
        print(f"| {kind} | {max(r['workers'], 1)} | {r['seconds']:.1f} | {r['captures']} | {r['pages_per_s']:.0f} "
              f"| {r['pages_per_s'] / ref:.2f}× | {', '.join(f'{x:.0f}' for x in r['peak_rss_mb'])} | {r['cpu_s']:.1f} "
              f"| {r['postgres_cpu_s']:.1f} | {1000 * (r['cpu_s'] + r['postgres_cpu_s']) / max(r['captures'], 1):.2f} |")
    print()
    print("| frontier alone | claimers | URLs | enqueues/s | claims/s |")
    print("|---|---:|---:|---:|---:|")
    for c in results["claims"]:
        print(f"| {c['store']} | {c['claimers']} | {c['urls']} | {c['enqueues_per_s']:.0f} | {c['claims_per_s']:.0f} |")
    f = results["frontier"]
    print()
    print(f"| worker crawling {args.pages} pages | queued URLs | pages/s | peak RSS (MB) |")
    print("|---|---:|---:|---:|")
    print(f"| frontier from the seeds | — | {f['small']['pages_per_s']:.0f} | {f['small']['peak_rss_mb'][0]:.0f} |")
    print(f"| frontier filled beforehand | {f['urls']:,} | {f['big']['pages_per_s']:.0f} | {f['big']['peak_rss_mb'][0]:.0f} |")
    print(f"\nFilling the frontier took {f['fill_seconds']:.0f} s; the database is {f['database_bytes'] / 2**30:.1f} GiB.")


if __name__ == "__main__":
    main()
