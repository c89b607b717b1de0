#!/usr/bin/env python3
"""Build data/communes.csv, data/departements.csv and data/regions.csv.

Source: the npm package @etalab/decoupage-administratif (code under MIT,
data under Licence Ouverte; see data/README.md), which holds communes.json,
departements.json and regions.json in its data/ folder.

Usage:
    python3 scripts/make-communes.py                 # npm pack the pinned version
    python3 scripts/make-communes.py --version 6.1.0 # npm pack another version
    python3 scripts/make-communes.py PATH            # use a local copy

PATH may be the unpacked package folder (the one holding package.json),
a folder holding package/ (what `tar xzf` of an npm tarball gives), or the
.tgz tarball itself. Without PATH, the script needs Node/npm on the PATH and
access to the npm registry; it packs the package into a temporary folder and
reads it from there.

Only the Python standard library is used.
"""

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "@etalab/decoupage-administratif"
# Pinned so that regenerating gives the same files; bump deliberately
# (a new major version is published each year with the new COG vintage).
DEFAULT_VERSION = "6.0.0"

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(REPO_ROOT, "data")

NEEDED = ("package.json", "data/communes.json", "data/departements.json", "data/regions.json")


class Source:
    """Reads files of the package from a folder or from a .tgz tarball."""

    def __init__(self, path):
        self.path = path
        self.tar = None
        self.root = None
        if os.path.isfile(path):
            self.tar = tarfile.open(path, "r:gz")
            names = set(self.tar.getnames())
            # npm tarballs put everything under package/
            prefixes = {n.split("/", 1)[0] for n in names if "/" in n}
            for prefix in sorted(prefixes):
                if prefix + "/package.json" in names:
                    self.root = prefix + "/"
                    break
            if self.root is None:
                sys.exit(f"error: no package.json found in tarball {path}")
        elif os.path.isdir(path):
            if os.path.isfile(os.path.join(path, "package.json")):
                self.root = path
            elif os.path.isfile(os.path.join(path, "package", "package.json")):
                self.root = os.path.join(path, "package")
            else:
                sys.exit(f"error: no package.json in {path} nor in {path}/package")
        else:
            sys.exit(f"error: {path} does not exist")
        for name in NEEDED:
            if not self.exists(name):
                sys.exit(f"error: {name} missing from {path}")

    def exists(self, name):
        if self.tar is not None:
            try:
                self.tar.getmember(self.root + name)
                return True
            except KeyError:
                return False
        return os.path.isfile(os.path.join(self.root, name))

    def json(self, name):
        if self.tar is not None:
            f = self.tar.extractfile(self.root + name)
            return json.load(io.TextIOWrapper(f, encoding="utf-8"))
        with open(os.path.join(self.root, name), encoding="utf-8") as f:
            return json.load(f)


def npm_pack(version, tmpdir):
    spec = f"{PACKAGE}@{version}" if version else PACKAGE
    print(f"npm pack {spec} ...", file=sys.stderr)
    try:
        subprocess.run(
            ["npm", "pack", spec, "--silent"],
            cwd=tmpdir,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        sys.exit("error: npm not found; install Node/npm or pass the path of the unpacked package")
    except subprocess.CalledProcessError as e:
        sys.exit(f"error: npm pack {spec} failed (exit {e.returncode})")
    tgzs = [n for n in os.listdir(tmpdir) if n.endswith(".tgz")]
    if len(tgzs) != 1:
        sys.exit(f"error: expected one tarball from npm pack, found {tgzs}")
    return os.path.join(tmpdir, tgzs[0])


def write_csv(path, header, rows):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")  # QUOTE_MINIMAL
        w.writerow(header)
        w.writerows(rows)
    os.replace(tmp, path)


def build(src, out_dir):
    pkg = src.json("package.json")
    if pkg.get("name") != PACKAGE:
        sys.exit(f"error: package is {pkg.get('name')!r}, expected {PACKAGE!r}")
    version = pkg.get("version", "?")

    communes = src.json("data/communes.json")
    departements = src.json("data/departements.json")
    regions = src.json("data/regions.json")

    reg_rows = sorted((r["code"], r["nom"]) for r in regions)
    dep_rows = sorted((d["code"], d["nom"], d["region"]) for d in departements)

    reg_codes = {r[0] for r in reg_rows}
    dep_codes = {d[0] for d in dep_rows}
    if len(reg_codes) != len(reg_rows) or len(dep_codes) != len(dep_rows):
        sys.exit("error: duplicate région or département code")
    for code, nom, region in dep_rows:
        if region not in reg_codes:
            sys.exit(f"error: département {code} {nom} has unknown région {region}")

    com_rows = []
    seen = set()
    for c in communes:
        # Excludes arrondissement-municipal, commune-deleguee, commune-associee.
        if c.get("type") != "commune-actuelle":
            continue
        code = c["code"]
        if code in seen:
            sys.exit(f"error: duplicate commune code {code}")
        seen.add(code)
        if c["departement"] not in dep_codes:
            sys.exit(f"error: commune {code} has unknown département {c['departement']}")
        if c["region"] not in reg_codes:
            sys.exit(f"error: commune {code} has unknown région {c['region']}")
        pop = c.get("population")
        com_rows.append((code, c["nom"], c["departement"], c["region"], "" if pop is None else pop))
    com_rows.sort(key=lambda r: r[0])

    os.makedirs(out_dir, exist_ok=True)
    write_csv(os.path.join(out_dir, "communes.csv"),
              ("insee", "nom", "departement", "region", "population"), com_rows)
    write_csv(os.path.join(out_dir, "departements.csv"), ("code", "nom", "region"), dep_rows)
    write_csv(os.path.join(out_dir, "regions.csv"), ("code", "nom"), reg_rows)

    print(f"{PACKAGE} {version} (license: {pkg.get('license', '?')})")
    print(f"communes:     {len(com_rows)} (of {len(communes)} entries in communes.json)")
    print(f"departements: {len(dep_rows)}")
    print(f"regions:      {len(reg_rows)}")
    print(f"written to {out_dir}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", nargs="?",
                    help="unpacked package folder or .tgz; default: npm pack it")
    ap.add_argument("--version", default=DEFAULT_VERSION,
                    help=f"package version to npm pack when no path is given "
                         f"(default {DEFAULT_VERSION}; 'latest' for the newest)")
    ap.add_argument("--out", default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    args = ap.parse_args()

    if args.path:
        build(Source(args.path), args.out)
    else:
        with tempfile.TemporaryDirectory(prefix="decoupage-") as tmp:
            build(Source(npm_pack(args.version, tmp)), args.out)


if __name__ == "__main__":
    main()
