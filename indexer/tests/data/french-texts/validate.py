#!/usr/bin/env python3
"""Checks texts.json against data/communes.csv (see README.md in this folder).

Run from anywhere:  python3 indexer/tests/data/french-texts/validate.py [--scan]

Checks: the JSON parses and has the documented fields; ids are unique; kinds are known; texts
have 80 to 400 words; every INSEE code exists; every commune in "communes" has its name in the
title or text (case-, accent-, hyphen- and apostrophe-insensitive; « St »/« Ste » read as
« Saint »/« Sainte »; « Le X » also found as « au X »/« du X », « Les X » as « aux X »/« des X »);
page_commune, label.commune and the palmarès communes are in "communes"; labels only on
label_announcement texts, palmarès only on palmares texts, ratings 1 to 5.

--scan also lists, per text, commune names that occur in it but are not in its gold: the traps
(person names, streets, common words) and anything forgotten. It is a review aid, not a check.
"""
import csv, json, re, sys, unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
KINDS = {"label_announcement", "palmares", "local_digital", "local_news", "national_news"}
FIELDS = ["id", "kind", "host", "title", "text", "communes", "page_commune", "label",
          "palmares", "digital_policy", "notes"]


def norm(s):
    s = s.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("Æ", "Ae")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z0-9]+", " ", s)
    s = re.sub(r"\bst\b", "saint", s)
    s = re.sub(r"\bste\b", "sainte", s)
    return " " + " ".join(s.split()) + " "


def variants(name):
    n = norm(name).strip()
    out = [n]
    if n.startswith("le "):
        out += ["au " + n[3:], "du " + n[3:]]
    if n.startswith("les "):
        out += ["aux " + n[4:], "des " + n[4:]]
    return [" " + v + " " for v in out]


def main():
    communes = {r["insee"]: r for r in csv.DictReader(open(ROOT / "data/communes.csv", encoding="utf-8"))}
    texts = json.load(open(HERE / "texts.json", encoding="utf-8"))
    errors = []
    ids = set()
    for t in texts:
        tid = t.get("id", "?")
        def err(msg):
            errors.append(f"{tid}: {msg}")
        if list(t.keys()) != FIELDS:
            err(f"fields {list(t.keys())}")
            continue
        if tid in ids:
            err("duplicate id")
        ids.add(tid)
        if t["kind"] not in KINDS:
            err(f"kind {t['kind']}")
        words = len(t["text"].split())
        if not 80 <= words <= 400:
            err(f"{words} words")
        hay = norm(t["title"] + " \n " + t["text"])
        if len(set(t["communes"])) != len(t["communes"]):
            err("duplicate commune")
        for c in t["communes"]:
            if c not in communes:
                err(f"unknown INSEE code {c}")
            elif not any(v in hay for v in variants(communes[c]["nom"])):
                err(f"{c} ({communes[c]['nom']}) not found in title/text")
        if t["page_commune"] is not None and t["page_commune"] not in t["communes"]:
            err("page_commune not in communes")
        lab = t["label"]
        if lab is not None:
            if t["kind"] != "label_announcement":
                err("label on a text that is not a label_announcement")
            if set(lab) != {"rating", "year", "commune"} or lab["rating"] not in range(1, 6):
                err(f"bad label {lab}")
            if lab["commune"] not in t["communes"]:
                err("label commune not in communes")
            if lab["year"] is not None and str(lab["year"]) not in t["title"] + t["text"]:
                err("label year not written in the text")
        elif t["kind"] == "label_announcement":
            err("label_announcement without label")
        if t["palmares"] and t["kind"] != "palmares":
            err("palmares entries on a text that is not a palmares")
        if t["kind"] == "palmares" and not t["palmares"]:
            err("palmares text without entries")
        seen = set()
        for p in t["palmares"]:
            if p["commune"] not in t["communes"]:
                err(f"palmares commune {p['commune']} not in communes")
            if p["rating"] not in range(1, 6):
                err(f"palmares rating {p}")
            if p["commune"] in seen:
                err(f"palmares commune {p['commune']} twice")
            seen.add(p["commune"])
        if not isinstance(t["digital_policy"], bool):
            err("digital_policy is not a boolean")
        if not t["notes"].strip():
            err("empty notes")
    for e in errors:
        print("ERROR", e)
    kinds = {}
    for t in texts:
        kinds[t["kind"]] = kinds.get(t["kind"], 0) + 1
    print(f"{len(texts)} texts, {sum(len(t['communes']) for t in texts)} commune mentions, "
          f"{sum(len(t['text'].split()) for t in texts)} words; " +
          ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    if "--scan" in sys.argv:
        scan(texts, communes)
    return 1 if errors else 0


def scan(texts, communes):
    by_key = {}
    for c, r in communes.items():
        for v in variants(r["nom"]):
            by_key.setdefault(v.strip(), set()).add(c)
    maxlen = max(len(k.split()) for k in by_key)
    for t in texts:
        words = norm(t["title"] + " \n " + t["text"]).split()
        found = {}
        for i in range(len(words)):
            for n in range(1, maxlen + 1):
                k = " ".join(words[i:i + n])
                if k in by_key:
                    found.setdefault(k, set()).update(by_key[k])
        extra = [k for k, cs in found.items() if not cs & set(t["communes"])]
        if extra:
            print(f"{t['id']}: not in gold: {', '.join(sorted(extra))}")


if __name__ == "__main__":
    sys.exit(main())
