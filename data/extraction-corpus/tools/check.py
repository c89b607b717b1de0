#!/usr/bin/env python3
"""Validates the corpus (standard library only):

- every page folder has source.html, expected.html, expected-metadata.json;
- the metadata parses and has title, publishedTime (YYYY-MM-DD or null), page_type, cms, notes;
- the source declares its charset and decodes with it;
- articles have a non-empty gold text;
- every gold sentence appears in the text of source.html (tags stripped, entities unescaped,
  spaces normalised), and so does the gold title;
- a gold publication date is written somewhere in the source in one of the usual forms;
- page-types/manifest.json lists existing files with a known page_type and an https URL.

    python3 tools/check.py      # from data/extraction-corpus/
"""
import datetime
import html
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INLINE = {"a", "span", "strong", "b", "em", "i", "font", "abbr", "small", "time", "sup", "sub", "u", "label", "code", "q", "cite", "mark"}
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
MOIS_ABR = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]


def decode(raw):
    head = raw[:4096].decode("ascii", "replace").lower()
    m = re.search(r'charset="?([a-z0-9_-]+)', head)
    if not m:
        raise ValueError("no charset declared in the first 4 kB")
    enc = m.group(1)
    return raw.decode({"windows-1252": "cp1252", "iso-8859-1": "cp1252"}.get(enc, enc)), enc


def text_of(s):
    s = re.sub(r"(?is)<(script|style|template)\b.*?</\1\s*>", " ", s)
    s = re.sub(r"(?s)<!--.*?-->", " ", s)

    def tag(m):
        name = m.group(1).lower()
        return "" if name in INLINE else " "
    s = re.sub(r"(?s)</?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>", tag, s)
    s = html.unescape(s)
    return " ".join(s.split())


def sentences(t):
    parts = re.split(r"(?<=[.!?;:»])\s+", t)
    return [p for p in parts if len(p.split()) >= 3]


def date_forms(iso):
    dd = datetime.date.fromisoformat(iso)
    day1 = "1er" if dd.day == 1 else str(dd.day)
    return [iso, f"{dd.day:02d}/{dd.month:02d}/{dd.year}", f"{dd.day:02d}.{dd.month:02d}.{dd.year}",
            f"{day1} {MOIS[dd.month - 1]} {dd.year}", f"{dd.day} {MOIS[dd.month - 1]} {dd.year}",
            f"{dd.day} {MOIS_ABR[dd.month - 1]} {dd.year}", f"{dd.day:02d} {MOIS[dd.month - 1].capitalize()} {dd.year}",
            f"{dd.day:02d} {MOIS[dd.month - 1]} {dd.year}",
            f"{dd.year}/{dd.month:02d}/{dd.day:02d}", f"/{dd.year}/{dd.month:02d}/{dd.day:02d}/"]


def check_page(d):
    errs = []
    for f in ("source.html", "expected.html", "expected-metadata.json"):
        if not os.path.exists(os.path.join(d, f)):
            errs.append(f"missing {f}")
    if errs:
        return errs, 0
    try:
        meta = json.load(open(os.path.join(d, "expected-metadata.json"), encoding="utf-8"))
    except Exception as e:  # noqa
        return [f"metadata: {e}"], 0
    for k in ("title", "publishedTime", "page_type", "cms", "notes"):
        if k not in meta:
            errs.append(f"metadata lacks {k}")
    pt = meta.get("publishedTime")
    if pt is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", pt):
        errs.append(f"bad publishedTime {pt!r}")
    raw = open(os.path.join(d, "source.html"), "rb").read()
    try:
        src, enc = decode(raw)
    except Exception as e:  # noqa
        return errs + [f"source: {e}"], len(raw)
    if meta.get("encoding") and meta["encoding"] != enc:
        errs.append(f"metadata says {meta['encoding']}, page declares {enc}")
    gold = open(os.path.join(d, "expected.html"), encoding="utf-8").read()
    gt = text_of(gold)
    if meta.get("page_type") == "article" and len(gt.split()) < 50:
        errs.append(f"gold text too short ({len(gt.split())} words)")
    st = text_of(src)
    for s in sentences(gt):
        if s not in st:
            errs.append("gold sentence not in source: " + s[:90])
    if meta.get("title") and " ".join(meta["title"].split()) not in st and esc_title(meta["title"]) not in src:
        errs.append("title not in source text: " + meta["title"])
    if pt:
        low = html.unescape(src)
        if not any(f in low for f in date_forms(pt)):
            errs.append(f"publishedTime {pt} not written in the source in any usual form")
    return errs, len(raw)


def esc_title(t):
    return html.escape(t, quote=False)


def main():
    bad = 0
    total = 0
    pages = os.path.join(ROOT, "pages")
    names = sorted(os.listdir(pages))
    words = []
    for n in names:
        errs, size = check_page(os.path.join(pages, n))
        total += size
        g = text_of(open(os.path.join(pages, n, "expected.html"), encoding="utf-8").read())
        words.append(len(g.split()))
        for e in errs:
            print(f"{n}: {e}")
        bad += bool(errs)
    ptdir = os.path.join(ROOT, "page-types")
    man = json.load(open(os.path.join(ptdir, "manifest.json"), encoding="utf-8"))
    seen = set()
    for e in man:
        f = os.path.join(ptdir, e["file"])
        if e["file"] in seen:
            print(f"manifest: duplicate {e['file']}")
            bad += 1
        seen.add(e["file"])
        if not os.path.exists(f):
            print(f"manifest: missing {e['file']}")
            bad += 1
            continue
        if e.get("page_type") not in ("listing", "home", "agenda", "other", "article"):
            print(f"manifest: bad page_type for {e['file']}")
            bad += 1
        if not e.get("url", "").startswith("https://"):
            print(f"manifest: bad url for {e['file']}")
            bad += 1
        try:
            decode(open(f, "rb").read())
        except Exception as ex:  # noqa
            print(f"manifest: {e['file']}: {ex}")
            bad += 1
        if not e["file"].startswith("../"):
            total += os.path.getsize(f)
    on_disk = {x for x in os.listdir(ptdir) if x.endswith(".html")}
    for x in sorted(on_disk - {e["file"] for e in man}):
        print(f"page-types/{x} not in manifest")
        bad += 1
    print(f"{len(names)} article pages (gold {min(words)}-{max(words)} words), {len(man)} manifest entries, "
          f"{total / 1e6:.2f} MB of HTML, {bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
