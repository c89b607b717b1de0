#!/usr/bin/env python3
"""Per-page disagreements between Veille's two extractors, on a corpus laid out as
../shared/dev-corpus/ (NAME/source.html, expected.html, expected-metadata.json).

Runs `indexer extract --opinions` on each page and prints, per page, the 4-word-shingle F1 of
the Readability pass, of the trafilatura crate and of the text Veille kept, with the title and
date each found; then the mean scores and the pages where the choice lost most.

Usage (from the project root, after `cargo build --release -p veille-indexer`):
  python3 scripts/compare-extractors.py --pages ../shared/dev-corpus/readability/pages [--all]
"""
import argparse, importlib.util, json, os, statistics, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))


def load_score(path):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def f1(score, gold, text):
    g, p = score.shingles(gold), score.shingles(text)
    tp = sum((g & p).values())
    prec = tp / sum(p.values()) if p else 0.0
    rec = tp / sum(g.values()) if g else 1.0
    return prec, rec


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", required=True)
    ap.add_argument("--indexer", default=os.path.join(HERE, "..", "target", "release", "indexer"))
    ap.add_argument("--score", default=os.path.join(HERE, "..", "..", "shared", "dev-corpus", "score.py"))
    ap.add_argument("--all", action="store_true", help="print every page, not only disagreements")
    ap.add_argument("-j", type=int, default=2)
    a = ap.parse_args()
    score = load_score(a.score)
    pages = sorted(d for d in os.listdir(a.pages) if os.path.exists(os.path.join(a.pages, d, "source.html")))

    def run(name):
        src = os.path.join(a.pages, name, "source.html")
        out = subprocess.run([a.indexer, "extract", src, "--format", "json", "--opinions"], capture_output=True)
        return json.loads(out.stdout) if out.returncode == 0 else None

    with ThreadPoolExecutor(a.j) as ex:
        outs = list(ex.map(run, pages))
    rows = []
    sums = {k: ([], []) for k in ("readability", "trafilatura", "kept")}
    for name, out in zip(pages, outs):
        gold = score.html_text(open(os.path.join(a.pages, name, "expected.html"), encoding="utf-8").read())
        meta = json.load(open(os.path.join(a.pages, name, "expected-metadata.json"), encoding="utf-8"))
        out = out or {}
        ops = out.get("opinions") or {}
        texts = {
            "readability": (ops.get("readability") or {}).get("text", ""),
            "trafilatura": (ops.get("trafilatura") or {}).get("text", ""),
            "kept": out.get("text", ""),
        }
        f = {}
        for k, t in texts.items():
            p, r = f1(score, gold, t)
            sums[k][0].append(p)
            sums[k][1].append(r)
            f[k] = 2 * p * r / (p + r) if p + r else 0.0
        rows.append((name, f, out.get("text_source"), len(texts["readability"]), len(texts["trafilatura"]),
                     meta.get("publishedTime"), (ops.get("readability") or {}).get("published"),
                     (ops.get("trafilatura") or {}).get("published"), out.get("published")))
    print(f"{'page':40} {'readab.':>7} {'trafil.':>7} {'kept':>7} source       chars R/T     date gold / R / T / kept")
    for name, f, src, lr, lt, gd, rd, td, kd in rows:
        if a.all or abs(f["readability"] - f["trafilatura"]) > 0.05:
            print(f"{name[:40]:40} {f['readability']:7.3f} {f['trafilatura']:7.3f} {f['kept']:7.3f} {str(src):12} {lr:>6}/{lt:<6} {gd} / {rd} / {td} / {kd}")
    for k, (ps, rs) in sums.items():
        P, R = statistics.mean(ps), statistics.mean(rs)
        print(f"{k:12} text F1 {2 * P * R / (P + R):.3f}  precision {P:.3f}  recall {R:.3f}")
    best = sum(max(f["readability"], f["trafilatura"]) for _, f, *_ in rows) / len(rows)
    print(f"mean per-page F1 of the better of the two (an oracle): {best:.3f}")


if __name__ == "__main__":
    sys.exit(main())
