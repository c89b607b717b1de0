#!/usr/bin/env python3
"""Indexing and query benchmark: Veille against tantivy-cli and trafilatura, in the same run.

Usage (from the repository root):
    python3 scripts/bench-index.py                    # 100,000 pages
    python3 scripts/bench-index.py --pages 5000 --skip-build
    # A million pages, one in ten real-sized (~175 kB); indexing killed after 600 s and
    # resumed; tantivy-cli fed the text stored in Veille's index:
    python3 scripts/bench-index.py --pages 1000000 --hosts 100 --large-every 10 \
        --interrupt-after 600 --dump-from-index --no-json-index --keep

Steps: builds the release crawler and indexer; serves 100,000 generated municipal pages
(`crawler serve-sample --synthetic-…`) and crawls them into WARC files; then measures
  1. `indexer index` (WARC → extraction → French Tantivy index): pages/s, MB/s of WARC,
     peak RSS, index size against WARC size;
  2. `indexer dump` (WARC → extraction only, JSON lines): pages/s;
  3. tantivy-cli (`cargo install tantivy-cli`) indexing those same JSON documents;
  4. trafilatura (installed in a virtualenv by this script) extracting the same pages from
     the WARC files (on the first --trafilatura-pages pages: it is slow), and Veille's
     `indexer bench-extract` on the same pages, both timed on pages already in memory, on
     one core;
  5. `indexer bench-queries`: p50/p99 latency of fixed French queries, bare, with
     snippets, with facets, with both.
With --interrupt-after S, the measured `indexer index` is killed (SIGKILL) after S seconds
and run again, which takes up where its last commit stopped: its time is both runs', its
peak RSS the larger, and the script checks that the index holds one document per HTML
capture of the CDXJ indexes. With --dump-from-index, tantivy-cli is fed the text stored in
Veille's index (`indexer dump --index`: the same text, no second extraction, which takes an
hour on one core at a million real-sized pages) instead of `indexer dump`'s.
With --work DIR, a corpus crawled earlier into DIR/warcs is reused (the crawl is not timed).
Prints Markdown for BENCHMARKS.md.
"""
import argparse
import json
import os
import subprocess
import sys
import shutil
import signal
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import REL, ROOT, dir_size, machine, make_corpus, measured, query_list, tantivy_cli_index  # noqa: E402

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


def documents_in(out):
    """The index's document count from `indexer index`'s summary line."""
    return int(out.split(" documents in ")[0].rsplit("; ", 1)[1])


def killed_after(cmd, seconds, env):
    """Runs cmd and kills it (SIGKILL) after `seconds`; returns (seconds, peak RSS MB)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=seconds)
        sys.exit(f"{cmd[0]} finished before it was killed: give a smaller --interrupt-after")
    except subprocess.TimeoutExpired:
        pass
    proc.send_signal(signal.SIGKILL)
    _, _, ru = os.wait4(proc.pid, 0)
    return time.monotonic() - start, ru.ru_maxrss / 1024.0


def html_captures(warcs):
    """HTML pages answered 200, per the crawl's CDXJ files: the documents expected."""
    n = 0
    for name in os.listdir(warcs):
        if name.endswith(".cdxj"):
            for line in open(os.path.join(warcs, name), encoding="utf-8"):
                fields = json.loads(line.split(" ", 2)[2])
                n += fields.get("status") == "200" and "html" in fields.get("mime", "")
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=100_000)
    ap.add_argument("--hosts", type=int, default=20)
    ap.add_argument("--trafilatura-pages", type=int, default=2000)
    ap.add_argument("--query-runs", type=int, default=20)
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the work directory")
    ap.add_argument("--work", help="work directory (a corpus already in WORK/warcs is reused)")
    ap.add_argument("--large-every", type=int, default=0, help="about one page in N real-sized (~175 kB)")
    ap.add_argument("--interrupt-after", type=float, help="kill `indexer index` after this many seconds, then resume it")
    ap.add_argument("--dump-from-index", action="store_true", help="tantivy-cli's documents from Veille's index, not a new extraction")
    ap.add_argument("--no-json-index", action="store_true", help="skip `bench-index-json` (disk space at 1M)")
    args = ap.parse_args()
    if not args.skip_build:
        subprocess.run(["cargo", "build", "--release", "-p", "veille-crawler", "-p", "veille-indexer"], cwd=ROOT, check=True)
    work = args.work or tempfile.mkdtemp(prefix="veille-bench-index-")
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ, RUST_LOG="warn")
    warcs = os.path.join(work, "warcs")
    if os.path.isdir(warcs) and any(f.endswith(".warc.gz") for f in os.listdir(warcs)):
        crawl_secs = None
        # The corpus is reused; what an earlier run made of it is made again.
        for old in ["index", "tantivy-cli-index", "json-index"]:
            shutil.rmtree(os.path.join(work, old), ignore_errors=True)
    else:
        crawl_secs = make_corpus(work, args.pages, args.hosts, args.large_every)
    warc_bytes = sum(os.path.getsize(os.path.join(warcs, f)) for f in os.listdir(warcs) if f.endswith(".warc.gz"))

    index_cmd = [os.path.join(REL, "indexer"), "index", "--index", os.path.join(work, "index"), warcs]
    resume = None
    if args.interrupt_after:
        ksecs, krss = killed_after(index_cmd, args.interrupt_after, env)
        secs, rss, _, out, _ = measured(index_cmd, cwd=ROOT, env=env)
        expected = html_captures(warcs)
        docs = documents_in(out)
        taken_up = next((line.strip() for line in out.splitlines() if "taken up" in line), "read again from the start of its file")
        resume = (f"Interrupted and resumed: `indexer index` killed (SIGKILL) after {ksecs:.0f} s (peak RSS {krss:.0f} MB), "
                  f"run again: {secs:.0f} s (peak RSS {rss:.0f} MB); {taken_up}; {docs} documents in the index for "
                  f"{expected} HTML captures in the CDXJ files: {'the same' if docs == expected else 'NOT the same'}")
        if docs != expected:
            sys.exit(resume)
        secs, rss = ksecs + secs, max(krss, rss)
    else:
        secs, rss, _, out, _ = measured(index_cmd, cwd=ROOT, env=env)
        docs = documents_in(out)
    index_bytes = dir_size(os.path.join(work, "index"))
    docs_path = os.path.join(work, "docs.jsonl")
    dump_cmd = [os.path.join(REL, "indexer"), "dump"] + (["--index", os.path.join(work, "index")] if args.dump_from_index else [warcs])
    with open(docs_path, "wb") as f:
        dsecs, drss, _, _, _ = measured(dump_cmd, stdout=f, cwd=ROOT, env=env)
    dumped = sum(1 for _ in open(docs_path, "rb"))
    text_bytes = os.path.getsize(docs_path)
    tsecs, trss, tsize, tversion = tantivy_cli_index(work, docs_path)
    if not args.no_json_index:
        jsecs, jrss, jcpu, _, _ = measured([os.path.join(REL, "indexer"), "bench-index-json", "--index",
                                         os.path.join(work, "json-index"), docs_path], cwd=ROOT, env=env)
        jsize = dir_size(os.path.join(work, "json-index"))
        shutil.rmtree(os.path.join(work, "json-index"), ignore_errors=True)
    tn, tsecs_traf, traf_version = trafilatura_rate(work, args.trafilatura_pages)
    _, _, _, xout, _ = measured([os.path.join(REL, "indexer"), "bench-extract", "--pages", str(args.trafilatura_pages),
                                 "--runs", "5", warcs], cwd=ROOT, env=env)
    # "2000 pages extracted in 0.532 s: 3758 pages/s, …"
    xn = int(xout.split(" pages extracted")[0])
    xsecs = float(xout.split(" extracted in ")[1].split(" s")[0])
    # "of which the HTML part alone (…): 0.219 s, 9119 pages/s, …" and the parse floor.
    html_rate, parse_rate = [float(line.split(" s, ")[1].split(" pages/s")[0])
                             for line in xout.splitlines() if line.startswith("of which")]
    _, _, _, qout, _ = measured([os.path.join(REL, "indexer"), "bench-queries", "--index", os.path.join(work, "index"),
                                 "--runs", str(args.query_runs)], cwd=ROOT, env=env)
    # The same modes over 1,000 different queries (words, phrases, OR, exclusions), once each.
    qfile = os.path.join(work, "queries.txt")
    with open(qfile, "w") as f:
        f.write("\n".join(v for v, _ in query_list(1000)) + "\n")
    _, _, _, lout, _ = measured([os.path.join(REL, "indexer"), "bench-queries", "--index", os.path.join(work, "index"),
                                 "--runs", "1", "--queries", qfile], cwd=ROOT, env=env)

    print(f"Machine: {machine()}")
    crawled = f"crawled by Veille in {crawl_secs:.0f} s" if crawl_secs is not None else "crawled earlier"
    report = os.path.join(work, "crawl.json")
    html_bytes = json.load(open(report)).get("bytes", 0) if os.path.exists(report) else 0
    print(f"Corpus: {args.pages} generated pages on {args.hosts} hosts"
          + (f", about one in {args.large_every} real-sized (~175 kB)" if args.large_every else "")
          + f", {crawled} into {warc_bytes / 1e6:.0f} MB of WARC"
          + (f" ({html_bytes / 1e9:.1f} GB fetched)" if html_bytes else "")
          + f"; {dumped} HTML documents, {text_bytes / 1e6:.0f} MB of extracted JSON\n")
    print("| step | documents | seconds | docs/s | MB/s | peak RSS (MB) | output |")
    print("|---|---:|---:|---:|---:|---:|---|")
    killed = f", killed after {args.interrupt_after:.0f} s and resumed" if args.interrupt_after else ""
    print(f"| Veille `indexer index` (WARC → extraction → index{killed}) | {docs} | {secs:.1f} | {docs / secs:.0f} | {warc_bytes / 1e6 / secs:.1f} (WARC) | {rss:.0f} | index {index_bytes / 1e6:.0f} MB = {index_bytes / warc_bytes:.2f}× WARC |")
    if args.dump_from_index:
        print(f"| Veille `indexer dump --index` (the text stored in the index, as JSON) | {dumped} | {dsecs:.1f} | {dumped / dsecs:.0f} | | {drss:.0f} | {text_bytes / 1e6:.0f} MB JSON |")
    else:
        print(f"| Veille `indexer dump` (WARC → extraction only) | {dumped} | {dsecs:.1f} | {dumped / dsecs:.0f} | {warc_bytes / 1e6 / dsecs:.1f} (WARC) | {drss:.0f} | {text_bytes / 1e6:.0f} MB JSON |")
    print(f"| {tversion} `index` (the same JSON documents) | {dumped} | {tsecs:.1f} | {dumped / tsecs:.0f} | {text_bytes / 1e6 / tsecs:.1f} (JSON) | {trss:.0f} | index {tsize / 1e6:.0f} MB |")
    if not args.no_json_index:
        print(f"| Veille `indexer bench-index-json` (the same JSON documents, French analyzer) | {dumped} | {jsecs:.1f} | {dumped / jsecs:.0f} | {text_bytes / 1e6 / jsecs:.1f} (JSON) | {jrss:.0f} | index {jsize / 1e6:.0f} MB |")
    print(f"| trafilatura {traf_version} `extract` (first {tn} pages, in memory, 1 core) | {tn} | {tsecs_traf:.2f} | {tn / tsecs_traf:.0f} | | | |")
    print(f"| Veille `indexer bench-extract` (the same {xn} pages, in memory, 1 core, median of 5 runs) | {xn} | {xsecs:.2f} | {xn / xsecs:.0f} | | | |")
    traf_rate = tn / tsecs_traf
    print(f"\nAgainst trafilatura's pages/s: extraction alone (same pages, 1 core) {(xn / xsecs) / traf_rate:.1f}×; "
          + ("" if args.dump_from_index else f"`dump` (WARC → JSON, 1 core) {(dumped / dsecs) / traf_rate:.1f}×; ")
          + f"`index` (WARC → index, all cores) {(docs / secs) / traf_rate:.1f}×")
    print(f"`indexer bench-extract`: {' '.join(xout.split())}")
    print(f"Its HTML part (trafilatura's job) against trafilatura: {html_rate / traf_rate:.1f}×")
    cores = os.cpu_count() or 1
    if not args.no_json_index:
        floor_cpu = jcpu + dumped / parse_rate
        print(f"Bound on `index` from CPU alone: indexing the text {jcpu:.1f} s of CPU (`bench-index-json`, "
              f"{jcpu / jsecs * 100:.0f} % of the cores for {jsecs:.1f} s, reading the JSON included) + parsing the HTML "
              f"{dumped / parse_rate:.1f} s = {floor_cpu:.1f} s, at least {floor_cpu / cores:.1f} s on {cores} cores: "
              f"at most {dumped / (floor_cpu / cores):.0f} pages/s, {dumped / (floor_cpu / cores) / traf_rate:.1f}× trafilatura, "
              f"before any main text, commune or topic")
        print(f"Veille indexing time / tantivy-cli's, same JSON documents: {jsecs / tsecs:.2f}×")
    print(f"docs/s, Veille `indexer index` (WARC → extraction → index) / tantivy-cli `index` (the extracted text): "
          f"{(docs / secs) / (dumped / tsecs):.2f}×")
    print(f"Index size / WARC size: Veille {index_bytes / warc_bytes:.2f}×, tantivy-cli {tsize / warc_bytes:.2f}×")
    if resume:
        print(resume)
    print(f"Veille `indexer index` (extraction included, on all cores) / tantivy-cli `index` (text already extracted): {secs / tsecs:.2f}× the time\n")
    print("Query latency (`indexer bench-queries`, from the library, 10 results):\n")
    print(qout)
    print("\nThe same modes over 1,000 different queries (benchlib's `query_list`), each run once:\n")
    print(lout)
    if not args.keep and not args.work:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"work directory kept: {work}", file=sys.stderr)


if __name__ == "__main__":
    main()
