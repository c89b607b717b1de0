#!/usr/bin/env python3
"""Build data/commune-homonyms.csv and data/prenoms.txt: the commune names that are also
French first names, common words, or the names of a région or a département elsewhere, and
the first names themselves. The indexer counts such a name as a commune only with place
context (« à », « commune de », « Wingles (62) », a postcode, the page's own host).

Sources:
- data/communes.csv, departements.csv, regions.csv (see data/README.md);
- the communes named after a saint whose name is a first name (« Saint-Jean »);
- Dicollecte's French dictionary for Hunspell (MPL-2.0), as Debian's package
  hunspell-fr-comprehensive installs it: /usr/share/hunspell/fr_FR.dic. Its entries carry
  morphological tags: `po:prn` marks first names; its lower-case words other than verbs, in
  every form Hunspell's `unmunch` (Debian's hunspell-tools) derives from them (plurals,
  feminines), are common words.

Usage (Debian: apt-get install hunspell-fr-comprehensive hunspell-tools):
    python3 scripts/make-commune-homonyms.py [--dic /usr/share/hunspell/fr_FR.dic]

Only the Python standard library is used.
"""
import argparse, csv, os, re, shutil, subprocess, tempfile, unicodedata

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
ARTICLES = {"le", "la", "les", "l"}


def fold(s):
    s = s.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    return "".join(c for c in unicodedata.normalize("NFD", s.lower()) if unicodedata.category(c) != "Mn")


def key(s):
    return " ".join(w for w in re.split(r"[^a-z0-9]+", fold(s)) if w)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dic", default="/usr/share/hunspell/fr_FR.dic")
    ap.add_argument("--aff", default="/usr/share/hunspell/fr_FR.aff")
    a = ap.parse_args()
    if not shutil.which("unmunch"):
        raise SystemExit("unmunch not found: apt-get install hunspell-tools")
    # Every inflected form (plurals, feminines) of the entries that are not verbs: a
    # conjugated form (« vienne », « quimper ») is rarely what a capitalised town name is
    # mistaken for.
    with open(a.dic, encoding="utf-8") as f:
        lines = f.read().splitlines()[1:]
    kept = [l for l in lines if not re.search(r"\bpo:v\d", l) or re.search(r"\bpo:(nom|adj)\b", l)]
    with tempfile.NamedTemporaryFile("w", suffix=".dic", encoding="utf-8", delete=False) as tmp:
        tmp.write(f"{len(kept)}\n" + "\n".join(kept) + "\n")
    try:
        forms = subprocess.run(["unmunch", tmp.name, a.aff], capture_output=True, check=True).stdout
    finally:
        os.unlink(tmp.name)
    forms = forms.decode("utf-8", "replace").splitlines()
    first_names, words = set(), {}
    with open(a.dic, encoding="utf-8") as f:
        next(f)  # the entry count
        for line in f:
            entry = line.split("/")[0].split(" ")[0].split("\t")[0].strip()
            if not entry or not entry[0].isalpha():
                continue
            if "po:prn" in line:
                first_names.add(entry)
    for line in forms:
        form = line.split("/")[0].strip()
        if form and form[0].isalpha() and form[0].islower() and " " not in form:
            words.setdefault(key(form), set()).add(form.lower())
    first_by_key = {}
    for n in first_names:
        first_by_key.setdefault(key(n), set()).add(n.lower())

    def rows(name):
        return list(csv.DictReader(open(os.path.join(ROOT, "data", name), encoding="utf-8")))

    communes = rows("communes.csv")
    deps = rows("departements.csv")
    regions = rows("regions.csv")
    communes_per_dep = {}
    for c in communes:
        communes_per_dep.setdefault(c["departement"], []).append(c)
    out = {}
    for c in communes:
        k = key(c["nom"])
        parts = k.split(" ")
        # « Le Palais », « La Flèche »: the name without its article.
        bare = " ".join(parts[1:]) if len(parts) > 1 and parts[0] in ARTICLES else k
        if k in first_by_key:
            out.setdefault((k, "prenom"), set()).update(first_by_key[k])
        # « Saint-Nicolas », « Sainte-Marie »: a saint, a feast (« la Saint-Jean ») or a
        # church as much as a commune.
        if len(parts) == 2 and parts[0] in ("saint", "sainte") and parts[1] in first_by_key:
            out.setdefault((k, "saint"), set()).add(c["nom"].lower().replace("-", " "))
        if k in words:
            out.setdefault((k, "mot"), set()).update(words[k])
        elif bare != k and bare in words:
            # The article agrees: « le havre », « la plaine », « les ventes » (not « le mans »).
            # A plural is a form ending in -s or -x whose singular is a word too (« palais »,
            # « bois » are singular).
            plural = bare.endswith(("s", "x")) and bare[:-1] in words
            if (parts[0] == "les") == plural:
                out.setdefault((k, "mot"), set()).update(f"{parts[0]} {w}" for w in words[bare])
    for d in deps:
        k = key(d["nom"])
        # Paris is its département's only commune: the same place.
        if any(key(c["nom"]) == k for c in communes) and not (
            len(communes_per_dep.get(d["code"], [])) == 1 and key(communes_per_dep[d["code"]][0]["nom"]) == k
        ):
            out.setdefault((k, "departement"), set()).add(d["nom"].lower())
    for r in regions:
        k = key(r["nom"])
        if any(key(c["nom"]) == k for c in communes):
            out.setdefault((k, "region"), set()).add(r["nom"].lower())
    with open(os.path.join(ROOT, "data", "commune-homonyms.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["key", "kind", "written"])
        for (k, kind), forms in sorted(out.items()):
            w.writerow([k, kind, " | ".join(sorted(forms))])
    with open(os.path.join(ROOT, "data", "prenoms.txt"), "w", encoding="utf-8") as f:
        for n in sorted(first_names):
            f.write(n + "\n")
    print(f"{len(out)} homonym rows, {len(first_names)} first names")


if __name__ == "__main__":
    main()
