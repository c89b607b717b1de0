#!/usr/bin/env python3
"""Extraction speed on real pages: Veille against Python trafilatura, on the same HTML files,
in memory, one core, in the same run.

Pages: the development corpus (../shared/dev-corpus/readability/pages/*/source.html: Mozilla
Readability's 130 real pages) and the project's French municipal pages
(data/extraction-corpus/pages/*/source.html), or any directories given.

Veille is timed with `indexer bench-extract --html` (the whole extraction: charset, parse, main
text, title, date, page type, communes, topics, label), three ways: both extractors (the
default), the Readability pass alone, the trafilatura crate alone. Python trafilatura is timed
with `trafilatura.extract()` (its default: with its own Readability and jusText fallbacks) and
with `fast=True` (without them), on the pages' bytes.

Usage (from the project root):
  python3 scripts/bench-extract-real.py [--runs 3] [DIR ...]
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import REL, ROOT, machine  # noqa: E402

DEFAULT_DIRS = [
    os.path.join(ROOT, "..", "shared", "dev-corpus", "readability", "pages"),
    os.path.join(ROOT, "data", "extraction-corpus", "pages"),
]


def python_trafilatura(work, files, runs):
    venv = os.path.join(work, "trafilatura-venv")
    if not os.path.exists(os.path.join(venv, "bin", "python")):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([os.path.join(venv, "bin", "pip"), "install", "--quiet", "--disable-pip-version-check",
                        "trafilatura==2.3.1", "lxml_html_clean"], check=True)
    listing = os.path.join(work, "files.txt")
    with open(listing, "w") as f:
        f.write("\n".join(files))
    script = os.path.join(work, "traf.py")
    with open(script, "w") as f:
        f.write(f"""
import statistics, time, trafilatura
pages = [open(p, 'rb').read() for p in open({listing!r}).read().split('\\n') if p]
out = []
for fast in (False, True):
    times = []
    for _ in range({runs}):
        start = time.process_time()
        for p in pages:
            trafilatura.extract(p, fast=fast)
        times.append(time.process_time() - start)
    out.append(statistics.median(times))
print(len(pages), out[0], out[1], trafilatura.__version__)
""")
    res = subprocess.run([os.path.join(venv, "bin", "python"), script], capture_output=True, text=True, check=True)
    n, slow, fast, version = res.stdout.split()
    return int(n), float(slow), float(fast), version


def veille(dirs, method, runs, pages):
    res = subprocess.run([os.path.join(REL, "indexer"), "bench-extract", "--html", "--method", method,
                          "--runs", str(runs), "--pages", str(pages), *dirs],
                         capture_output=True, text=True, check=True)
    m = re.search(r"(\d+) pages extracted in ([\d.]+) s", res.stdout)
    return int(m.group(1)), float(m.group(2))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("dirs", nargs="*", default=DEFAULT_DIRS)
    a = ap.parse_args()
    dirs = [d for d in a.dirs if os.path.isdir(d)]
    files = sorted(p for d in dirs for p in glob.glob(os.path.join(d, "**", "*.html"), recursive=True)
                   if os.path.basename(p) not in ("expected.html",))
    if not files:
        sys.exit("no HTML page found")
    subprocess.run(["cargo", "build", "--release", "--locked", "-p", "veille-indexer"], cwd=ROOT, check=True)
    size = sum(os.path.getsize(p) for p in files)
    print(f"Machine: {machine()}")
    print(f"Pages: {len(files)} HTML files from {', '.join(os.path.relpath(d, ROOT) for d in dirs)}, "
          f"{size / len(files) / 1000:.0f} kB on average; median of {a.runs} runs, in memory, one core\n")
    # bench-extract reads the files named *.html: expected.html files are left out by linking
    # the sources into one folder.
    with tempfile.TemporaryDirectory() as work:
        pages_dir = os.path.join(work, "pages")
        os.makedirs(pages_dir)
        for i, p in enumerate(files):
            os.symlink(os.path.abspath(p), os.path.join(pages_dir, f"{i:05d}.html"))
        rows = []
        for method in ("both", "readability", "trafilatura"):
            n, secs = veille([pages_dir], method, a.runs, len(files))
            rows.append((f"Veille `indexer bench-extract --method {method}` (whole extraction)", n, secs))
        n, slow, fast, version = python_trafilatura(work, files, a.runs)
        rows.append((f"Python trafilatura {version} `extract()` (with its fallbacks)", n, slow))
        rows.append((f"Python trafilatura {version} `extract(fast=True)`", n, fast))
    print("| extractor | pages | seconds | pages/s |")
    print("|---|---:|---:|---:|")
    for name, n, secs in rows:
        print(f"| {name} | {n} | {secs:.2f} | {n / secs:.0f} |")
    traf = rows[3][1] / rows[3][2]
    print(f"\nVeille (both extractors) against Python trafilatura's default: {rows[0][1] / rows[0][2] / traf:.1f}×; "
          f"Readability pass alone: {rows[1][1] / rows[1][2] / traf:.1f}×; the crate alone: {rows[2][1] / rows[2][2] / traf:.1f}×")


if __name__ == "__main__":
    main()
