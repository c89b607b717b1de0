"""Helpers shared by the benchmark scripts (bench-index.py, bench-server.py): running a
command with its peak RSS and CPU time, generating and crawling the synthetic corpus, and
tantivy-cli (installed with `cargo install` when it is not on the PATH)."""
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
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


def corpus_config(work, port, hosts, name="bench-corpus"):
    """Writes work/corpus.toml: a crawl of the generated hosts served on `port` into
    work/warcs (state in work/crawl-state); returns its path."""
    cfg = os.path.join(work, "corpus.toml")
    lines = [f'name = "{name}"']
    for k in range(hosts):
        lines += ["[[seed]]", f'url = "http://www.commune{k}.bench.example/"']
    # The real-sized pages' images (`/medias/…`, 404 on the generated sites) are left out, so
    # that the budget goes to pages.
    lines += ["[scope]", "max_depth = 100", 'exclude = ["/medias/"]', "max_pages = 10000000", "[fetch]", "delay = 0", "max_crawl_delay = 0", "retries = 0",
              f"concurrency = {hosts}", "[fetch.resolve]"]
    lines += [f'"www.commune{k}.bench.example" = "127.0.0.1:{port}"' for k in range(hosts)]
    lines += ["[output]", f'dir = "{work}/warcs"', f'state_dir = "{work}/crawl-state"', 'prefix = "corpus"']
    open(cfg, "w").write("\n".join(lines) + "\n")
    return cfg


def serve_synthetic(pages, hosts, latency_ms=0, large_every=0):
    """Starts `crawler serve-sample` with `hosts` generated sites of pages/hosts pages each on a
    free loopback port (each page answered after `latency_ms`; about one page in `large_every`
    real-sized, ~175 kB), ready; returns (process, port)."""
    port = free_port()
    server = subprocess.Popen([os.path.join(REL, "crawler"), "serve-sample", "--bind", f"127.0.0.1:{port}",
                               "--synthetic-hosts", str(hosts), "--synthetic-pages", str(pages // hosts),
                               "--synthetic-latency-ms", str(latency_ms),
                               "--synthetic-large-every", str(large_every)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_port(port, 10)
    return server, port


def make_corpus(work, pages, hosts, large_every=0):
    """Crawls `pages` generated pages on `hosts` hosts into work/warcs; returns the seconds."""
    server, port = serve_synthetic(pages, hosts, large_every=large_every)
    try:
        cfg = corpus_config(work, port, hosts)
        secs, _, _, _, _ = measured([os.path.join(REL, "crawler"), "crawl", "--fresh", "--config", cfg,
                                     "--report", os.path.join(work, "crawl.json")], cwd=ROOT,
                                    env=dict(os.environ, RUST_LOG="warn"))
        return secs
    finally:
        server.kill()


# The tantivy-cli the benchmarks compare with (`cargo install` without --locked; see below).
TANTIVY_CLI_VERSION = "0.24.0"


def tantivy_cli_exe(work):
    """tantivy-cli: on the PATH, in /tmp/tantivy-cli or the work directory, else installed
    into the work directory."""
    installed = os.path.join(work, "tantivy-cli", "bin", "tantivy")
    exe = next((e for e in [shutil.which("tantivy"), "/tmp/tantivy-cli/bin/tantivy", installed]
                if e and os.path.exists(e)), None)
    if exe is None:
        # Not --locked: tantivy-cli 0.24.0's lock file pins traitobject 0.1.0, which no longer
        # compiles on rustc 1.95; resolved afresh, the same version builds.
        print(f"installing tantivy-cli {TANTIVY_CLI_VERSION} (cargo install, unlocked)…", file=sys.stderr)
        subprocess.run(["cargo", "install", "tantivy-cli", "--version", TANTIVY_CLI_VERSION,
                        "--root", os.path.join(work, "tantivy-cli")], check=True)
        exe = installed
    return exe


def tantivy_cli_version(exe):
    return subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.strip() or "tantivy-cli"


def tantivy_cli_index(work, docs_path):
    exe = tantivy_cli_exe(work)
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
        secs, rss, _, _, _ = measured([exe, "index", "-i", idx], stdin=f)
    return secs, rss, dir_size(idx), tantivy_cli_version(exe)



def wait_port(port, timeout=30.0):
    """Waits until something listens on 127.0.0.1:port."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"nothing listens on 127.0.0.1:{port} after {timeout:.0f} s")


def machine():
    """One line describing this machine."""
    cpu_name = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    return (f"{os.cpu_count()} cores ({cpu_name}), {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
            f"{platform.system()} {platform.release()}")


# Words and phrases a researcher of municipal digital policy types: some are in every
# generated corpus, some in few pages, some in none (a query that finds nothing is common).
QUERY_WORDS = [
    "fibre", "optique", "internet", "numérique", "numériques", "wifi", "public", "publiques",
    "label", "villes", "arobases", "cantine", "ligne", "médiathèque", "ateliers", "initiation",
    "école", "écoles", "tableaux", "interactifs", "conseil", "municipal", "mairie", "travaux",
    "chaussée", "données", "licence", "ouverte", "borne", "accès", "habitants", "quartiers",
    "questionnaire", "avis", "parc", "inscriptions", "listes", "électorales", "marché", "place",
    "église", "déchetterie", "football", "bénévoles", "fête", "musique", "rentrée", "familles",
    "périscolaire", "salles", "municipales", "gratuit", "hôtel", "ville", "commune", "budget",
    "urbanisme", "jeunesse", "seniors", "santé", "environnement", "transports", "stationnement",
    "associations", "emploi", "commerces", "histoire", "démarches", "élus", "délibérations",
    "vidéoprotection", "télétravail", "cybersécurité", "dématérialisation", "visioconférence",
    "inclusion", "fracture", "conseiller", "tablettes", "ordinateurs", "portail", "famille",
    "application", "mobile", "réseau", "débit", "raccordement", "antenne", "citoyens",
    "participation", "budget participatif", "open data", "haut débit", "espace public numérique",
    "tiers lieu", "France services", "démarches en ligne", "label Villes Internet",
    "conseil municipal", "fibre optique", "wifi public", "données publiques", "tableaux numériques",
    "accès à internet", "licence ouverte", "cantine en ligne", "listes électorales",
]


def query_list(n, seed=16):
    """`n` different queries, as (Veille's syntax, tantivy-cli's syntax) pairs asking the same:
    one to three words (all required), a phrase, a phrase and a word, an OR, an exclusion.
    Veille requires every word by default; tantivy-cli's parser does not, so its words get a
    `+`."""
    import random
    rng = random.Random(seed)
    words = [w for w in QUERY_WORDS if " " not in w]
    phrases = [w for w in QUERY_WORDS if " " in w]
    seen, out = set(), []
    while len(out) < n:
        shape = rng.random()
        if shape < 0.2:
            parts = [rng.choice(words)]
            v, t = parts[0], parts[0]
        elif shape < 0.55:
            a, b = rng.sample(words, 2)
            v, t = f"{a} {b}", f"+{a} +{b}"
        elif shape < 0.7:
            a, b, c = rng.sample(words, 3)
            v, t = f"{a} {b} {c}", f"+{a} +{b} +{c}"
        elif shape < 0.8:
            p = rng.choice(phrases)
            v, t = f'"{p}"', f'"{p}"'
        elif shape < 0.87:
            p, a = rng.choice(phrases), rng.choice(words)
            v, t = f'"{p}" {a}', f'+"{p}" +{a}'
        elif shape < 0.95:
            a, b = rng.sample(words, 2)
            v, t = f"{a} OR {b}", f"{a} OR {b}"
        else:
            a, b = rng.sample(words, 2)
            v, t = f"{a} -{b}", f"+{a} -{b}"
        if v not in seen:
            seen.add(v)
            out.append((v, t))
    return out
