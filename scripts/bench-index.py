#!/usr/bin/env python3
"""Indexing and query benchmark: Veille against tantivy-cli and trafilatura, in the same run.

Usage (from the repository root):
    python3 scripts/bench-index.py                    # 100,000 pages
    python3 scripts/bench-index.py --pages 5000 --skip-build

Steps: builds the release crawler and indexer; serves 100,000 generated municipal pages
(`crawler serve-sample --synthetic-…`) and crawls them into WARC files; then measures
  1. `indexer index` (WARC → extraction → French Tantivy index): pages/s, MB/s of WARC,
     peak RSS, index size against WARC size;
  2. `indexer dump` (WARC → extraction only, JSON lines): pages/s;
  3. tantivy-cli (`cargo install tantivy-cli`) indexing those same JSON documents;
  4. trafilatura (installed in a virtualenv by this script) extracting the same pages from
     the WARC files (on the first --trafilatura-pages pages: it is slow);
  5. `indexer bench-queries`: p50/p99 latency of fixed French queries, bare, with
     snippets, with facets, with both.
Prints Markdown for BENCHMARKS.md.
"""
import argparse
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REL = os.path.join(ROOT, "target", "release")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measured(cmd, stdout=None, **kw):
    """Runs cmd; returns (seconds, peak RSS MB, CPU seconds, stdout text or None, stderr)."""
    start = time.monotonic()
    out_target = stdout if stdout is not None else subprocess.PIPE
    proc = subprocess.Popen(cmd, stdout=out_target, stderr=subprocess.PIPE, **kw)
    chunks = {"out": [], "err": []}

    def pump(stream, key):
        for line in iter(stream.readline, b""):
            chunks[key].append(line)

    threads = [threading.Thread(target=pump, args=(proc.stderr, "err"))]
    if stdout is None:
        threads.append(threading.Thread(target=pump, args=(proc.stdout, "out")))
    for t in threads:
        t.start()
    _, status, ru = os.wait4(proc.pid, 0)
    for t in threads:
        t.join()
    code = os.waitstatus_to_exitcode(status)
    secs = time.monotonic() - start
    err = b"".join(chunks["err"]).decode("utf-8", "replace")
    if code != 0:
        sys.exit(f"{cmd[0]} failed ({code}):\n{err[-3000:]}")
    out = b"".join(chunks["out"]).decode("utf-8", "replace") if stdout is None else None
    return secs, ru.ru_maxrss / 1024.0, ru.ru_utime + ru.ru_stime, out, err


def dir_size(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def make_corpus(work, pages, hosts):
    port = free_port()
    server = subprocess.Popen([os.path.join(REL, "crawler"), "serve-sample", "--bind", f"127.0.0.1:{port}",
                               "--synthetic-hosts", str(hosts), "--synthetic-pages", str(pages // hosts)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        cfg = os.path.join(work, "corpus.toml")
        lines = ['name = "bench-corpus"']
        for k in range(hosts):
            lines += ["[[seed]]", f'url = "http://www.commune{k}.bench.example/"']
        lines += ["[scope]", "max_depth = 100", "[fetch]", "delay = 0", "max_crawl_delay = 0", "retries = 0",
                  f"concurrency = {hosts}", "[fetch.resolve]"]
        lines += [f'"www.commune{k}.bench.example" = "127.0.0.1:{port}"' for k in range(hosts)]
        lines += ["[output]", f'dir = "{work}/warcs"', f'state_dir = "{work}/crawl-state"', 'prefix = "corpus"']
        open(cfg, "w").write("\n".join(lines) + "\n")
        secs, _, _, _, _ = measured([os.path.join(REL, "crawler"), "crawl", "--fresh", "--config", cfg,
                                     "--report", os.path.join(work, "crawl.json")], cwd=ROOT,
                                    env=dict(os.environ, RUST_LOG="warn"))
        return secs
    finally:
        server.kill()


def tantivy_cli_index(work, docs_path):
    exe = shutil.which("tantivy") or os.path.join("/tmp/tantivy-cli/bin/tantivy")
    if not os.path.exists(exe):
        print("installing tantivy-cli (cargo install tantivy-cli)…", file=sys.stderr)
        subprocess.run(["cargo", "install", "tantivy-cli", "--root", os.path.join(work, "tantivy-cli")], check=True)
        exe = os.path.join(work, "tantivy-cli", "bin", "tantivy")
    idx = os.path.join(work, "tantivy-cli-index")
    os.makedirs(idx)
    text = {"indexing": {"record": "position", "fieldnorms": True, "tokenizer": "default"}, "stored": True, "fast": False}
    schema = [
        {"name": "url", "type": "text", "options": {"indexing": {"record": "basic", "fieldnorms": False, "tokenizer": "raw"}, "stored": True, "fast": False}},
        {"name": "title", "type": "text", "options": text},
        {"name": "body", "type": "text", "options": text},
    ]
    meta = {"index_settings": {"docstore_compression": "lz4", "docstore_blocksize": 16384},
            "segments": [], "schema": schema, "opstamp": 0}
    json.dump(meta, open(os.path.join(idx, "meta.json"), "w"))
    with open(docs_path, "rb") as f:
        secs, rss, cpu, _, err = measured([exe, "index", "-i", idx], stdin=f)
    version = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.strip() or "tantivy-cli"
    return secs, rss, dir_size(idx), version


def trafilatura_rate(work, limit):
    venv = os.path.join(work, "trafilatura-venv")
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    subprocess.run([os.path.join(venv, "bin", "pip"), "install", "--quiet", "--disable-pip-version-check",
                    "trafilatura", "warcio", "lxml_html_clean"], check=True)
    script = os.path.join(work, "traf.py")
    open(script, "w").write(f"""
import glob, sys, time
from warcio.archiveiterator import ArchiveIterator
import trafilatura
pages = []
for path in sorted(glob.glob({os.path.join(work, 'warcs')!r} + '/*.warc.gz')):
    with open(path, 'rb') as fh:
        for rec in ArchiveIterator(fh):
            if rec.rec_type == 'response' and rec.http_headers.get_statuscode() == '200' \\
                    and 'html' in (rec.http_headers.get_header('Content-Type') or ''):
                pages.append(rec.content_stream().read())
                if len(pages) >= {limit}:
                    break
    if len(pages) >= {limit}:
        break
start = time.monotonic()
for p in pages:
    trafilatura.extract(p.decode('utf-8', 'replace'))
secs = time.monotonic() - start
print(len(pages), secs)
""")
    out = subprocess.run([os.path.join(venv, "bin", "python"), script], capture_output=True, text=True, check=True)
    n, secs = out.stdout.split()
    version = subprocess.run([os.path.join(venv, "bin", "python"), "-c", "import trafilatura; print(trafilatura.__version__)"],
                             capture_output=True, text=True).stdout.strip()
    return int(n), float(secs), version


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=100_000)
    ap.add_argument("--hosts", type=int, default=20)
    ap.add_argument("--trafilatura-pages", type=int, default=2000)
    ap.add_argument("--query-runs", type=int, default=20)
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the work directory")
    args = ap.parse_args()
    if not args.skip_build:
        subprocess.run(["cargo", "build", "--release", "-p", "veille-crawler", "-p", "veille-indexer"], cwd=ROOT, check=True)
    work = tempfile.mkdtemp(prefix="veille-bench-index-")
    env = dict(os.environ, RUST_LOG="warn")
    crawl_secs = make_corpus(work, args.pages, args.hosts)
    warcs = os.path.join(work, "warcs")
    warc_bytes = sum(os.path.getsize(os.path.join(warcs, f)) for f in os.listdir(warcs) if f.endswith(".warc.gz"))

    secs, rss, cpu, out, _ = measured([os.path.join(REL, "indexer"), "index", "--index", os.path.join(work, "index"), warcs],
                                      cwd=ROOT, env=env)
    docs = int(out.split(" documents added")[0].rsplit(" ", 1)[1])
    index_bytes = dir_size(os.path.join(work, "index"))
    docs_path = os.path.join(work, "docs.jsonl")
    with open(docs_path, "wb") as f:
        dsecs, drss, dcpu, _, _ = measured([os.path.join(REL, "indexer"), "dump", warcs], stdout=f, cwd=ROOT, env=env)
    dumped = sum(1 for _ in open(docs_path, "rb"))
    text_bytes = os.path.getsize(docs_path)
    tsecs, trss, tsize, tversion = tantivy_cli_index(work, docs_path)
    tn, tsecs_traf, traf_version = trafilatura_rate(work, args.trafilatura_pages)
    _, _, _, qout, _ = measured([os.path.join(REL, "indexer"), "bench-queries", "--index", os.path.join(work, "index"),
                                 "--runs", str(args.query_runs)], cwd=ROOT, env=env)

    cpu_name = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    print(f"Machine: {os.cpu_count()} cores ({cpu_name}), {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, {platform.system()} {platform.release()}")
    print(f"Corpus: {args.pages} generated pages on {args.hosts} hosts, crawled by Veille in {crawl_secs:.0f} s into {warc_bytes / 1e6:.0f} MB of WARC; {dumped} HTML documents, {text_bytes / 1e6:.0f} MB of extracted JSON\n")
    print("| step | documents | seconds | docs/s | MB/s | peak RSS (MB) | output |")
    print("|---|---:|---:|---:|---:|---:|---|")
    print(f"| Veille `indexer index` (WARC → extraction → index) | {docs} | {secs:.1f} | {docs / secs:.0f} | {warc_bytes / 1e6 / secs:.1f} (WARC) | {rss:.0f} | index {index_bytes / 1e6:.0f} MB = {index_bytes / warc_bytes:.2f}× WARC |")
    print(f"| Veille `indexer dump` (WARC → extraction only) | {dumped} | {dsecs:.1f} | {dumped / dsecs:.0f} | {warc_bytes / 1e6 / dsecs:.1f} (WARC) | {drss:.0f} | {text_bytes / 1e6:.0f} MB JSON |")
    print(f"| {tversion} `index` (the same JSON documents) | {dumped} | {tsecs:.1f} | {dumped / tsecs:.0f} | {text_bytes / 1e6 / tsecs:.1f} (JSON) | {trss:.0f} | index {tsize / 1e6:.0f} MB |")
    print(f"| trafilatura {traf_version} `extract` (first {tn} pages) | {tn} | {tsecs_traf:.1f} | {tn / tsecs_traf:.0f} | | | |")
    print(f"\nVeille extraction / trafilatura pages/s: {(dumped / dsecs) / (tn / tsecs_traf):.1f}×")
    print(f"Veille `indexer index` (extraction included, on all cores) / tantivy-cli `index` (text already extracted): {secs / tsecs:.2f}× the time\n")
    print("Query latency (`indexer bench-queries`, from the library, 10 results):\n")
    print(qout)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"work directory kept: {work}", file=sys.stderr)


if __name__ == "__main__":
    main()
