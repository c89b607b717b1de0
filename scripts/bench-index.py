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
     the WARC files (on the first --trafilatura-pages pages: it is slow), and Veille's
     `indexer bench-extract` on the same pages, both timed on pages already in memory, on
     one core;
  5. `indexer bench-queries`: p50/p99 latency of fixed French queries, bare, with
     snippets, with facets, with both.
Prints Markdown for BENCHMARKS.md.
"""
import argparse
import os
import subprocess
import sys
import shutil
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import REL, ROOT, dir_size, machine, make_corpus, measured, tantivy_cli_index  # noqa: E402

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

    secs, rss, _, out, _ = measured([os.path.join(REL, "indexer"), "index", "--index", os.path.join(work, "index"), warcs],
                                      cwd=ROOT, env=env)
    docs = int(out.split(" documents added")[0].rsplit(" ", 1)[1])
    index_bytes = dir_size(os.path.join(work, "index"))
    docs_path = os.path.join(work, "docs.jsonl")
    with open(docs_path, "wb") as f:
        dsecs, drss, _, _, _ = measured([os.path.join(REL, "indexer"), "dump", warcs], stdout=f, cwd=ROOT, env=env)
    dumped = sum(1 for _ in open(docs_path, "rb"))
    text_bytes = os.path.getsize(docs_path)
    tsecs, trss, tsize, tversion = tantivy_cli_index(work, docs_path)
    jsecs, jrss, jcpu, _, _ = measured([os.path.join(REL, "indexer"), "bench-index-json", "--index",
                                     os.path.join(work, "json-index"), docs_path], cwd=ROOT, env=env)
    jsize = dir_size(os.path.join(work, "json-index"))
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

    print(f"Machine: {machine()}")
    print(f"Corpus: {args.pages} generated pages on {args.hosts} hosts, crawled by Veille in {crawl_secs:.0f} s into {warc_bytes / 1e6:.0f} MB of WARC; {dumped} HTML documents, {text_bytes / 1e6:.0f} MB of extracted JSON\n")
    print("| step | documents | seconds | docs/s | MB/s | peak RSS (MB) | output |")
    print("|---|---:|---:|---:|---:|---:|---|")
    print(f"| Veille `indexer index` (WARC → extraction → index) | {docs} | {secs:.1f} | {docs / secs:.0f} | {warc_bytes / 1e6 / secs:.1f} (WARC) | {rss:.0f} | index {index_bytes / 1e6:.0f} MB = {index_bytes / warc_bytes:.2f}× WARC |")
    print(f"| Veille `indexer dump` (WARC → extraction only) | {dumped} | {dsecs:.1f} | {dumped / dsecs:.0f} | {warc_bytes / 1e6 / dsecs:.1f} (WARC) | {drss:.0f} | {text_bytes / 1e6:.0f} MB JSON |")
    print(f"| {tversion} `index` (the same JSON documents) | {dumped} | {tsecs:.1f} | {dumped / tsecs:.0f} | {text_bytes / 1e6 / tsecs:.1f} (JSON) | {trss:.0f} | index {tsize / 1e6:.0f} MB |")
    print(f"| Veille `indexer bench-index-json` (the same JSON documents, French analyzer) | {dumped} | {jsecs:.1f} | {dumped / jsecs:.0f} | {text_bytes / 1e6 / jsecs:.1f} (JSON) | {jrss:.0f} | index {jsize / 1e6:.0f} MB |")
    print(f"| trafilatura {traf_version} `extract` (first {tn} pages, in memory, 1 core) | {tn} | {tsecs_traf:.2f} | {tn / tsecs_traf:.0f} | | | |")
    print(f"| Veille `indexer bench-extract` (the same {xn} pages, in memory, 1 core, median of 5 runs) | {xn} | {xsecs:.2f} | {xn / xsecs:.0f} | | | |")
    traf_rate = tn / tsecs_traf
    print(f"\nAgainst trafilatura's pages/s: extraction alone (same pages, 1 core) {(xn / xsecs) / traf_rate:.1f}×; "
          f"`dump` (WARC → JSON, 1 core) {(dumped / dsecs) / traf_rate:.1f}×; `index` (WARC → index, all cores) {(docs / secs) / traf_rate:.1f}×")
    print(f"`indexer bench-extract`: {' '.join(xout.split())}")
    print(f"Its HTML part (trafilatura's job) against trafilatura: {html_rate / traf_rate:.1f}×")
    cores = os.cpu_count() or 1
    floor_cpu = jcpu + dumped / parse_rate
    print(f"Bound on `index` from CPU alone: indexing the text {jcpu:.1f} s of CPU (`bench-index-json`, "
          f"{jcpu / jsecs * 100:.0f} % of the cores for {jsecs:.1f} s, reading the JSON included) + parsing the HTML "
          f"{dumped / parse_rate:.1f} s = {floor_cpu:.1f} s, at least {floor_cpu / cores:.1f} s on {cores} cores: "
          f"at most {dumped / (floor_cpu / cores):.0f} pages/s, {dumped / (floor_cpu / cores) / traf_rate:.1f}× trafilatura, "
          f"before any main text, commune or topic")
    print(f"Veille indexing time / tantivy-cli's, same JSON documents: {jsecs / tsecs:.2f}×")
    print(f"Veille `indexer index` (extraction included, on all cores) / tantivy-cli `index` (text already extracted): {secs / tsecs:.2f}× the time\n")
    print("Query latency (`indexer bench-queries`, from the library, 10 results):\n")
    print(qout)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"work directory kept: {work}", file=sys.stderr)


if __name__ == "__main__":
    main()
