#!/usr/bin/env python3
"""Independent checks of Veille's archive outputs, for search-server/tests/server.rs.

Each subcommand prints one JSON document on stdout (the Rust test asserts on it):

  feed FILE                      Atom feed read by feedparser: bozo flag and entries
  memento TIMEGATE_PREFIX URL DATETIME
                                 memento_client asks the TimeGate (prefix + URL) for the
                                 memento closest to DATETIME ("Sat, 05 Dec 2026 16:18:00 GMT")
  pywb-timemap URL WARC...       pywb serves the WARC files (its own index of them); its
                                 TimeMap of URL, as a list of memento datetimes
  pywb-wacz URL FILE.wacz        pywb loads the WACZ (wb-manager add --unpack-wacz); its
                                 CDX lines for URL and the replay status of the first one

Needs the packages of scripts/test.sh's venv (feedparser, memento-client, pywb).
"""
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def _die_with_parent():
    # Linux: SIGTERM pywb if this script dies (even by SIGKILL from a test harness)
    try:
        import ctypes
        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:
        pass


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url, method="GET", headers=None):
    req = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with OPENER.open(req, timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:  # 3xx (not followed), 4xx, 5xx
        return e.code, e.headers, e.read()


def start_pywb(files, bin_dir, coll="veille", workdir=None, redirect_to_exact=False,
               timeout=60.0, log=sys.stderr):
    """Create WORKDIR/collections/COLL, add files, start wayback on 127.0.0.1.
    Returns (proc, base_url, workdir). Raises RuntimeError if not ready."""
    workdir = workdir or tempfile.mkdtemp(prefix="pywb-")
    wbm = os.path.join(bin_dir, "wb-manager")
    run = lambda *a: subprocess.run([wbm, *a], cwd=workdir, check=True,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    run("init", coll)
    warcs = [os.path.abspath(f) for f in files if not f.endswith(".wacz")]
    waczs = [os.path.abspath(f) for f in files if f.endswith(".wacz")]
    if warcs:
        run("add", coll, *warcs)  # copies the WARCs, indexes them into indexes/index.cdxj
    for w in waczs:
        run("add", "--unpack-wacz", coll, w)  # needs indexes/*.cdx(.gz) inside the WACZ
    index = os.path.join(workdir, "collections", coll, "indexes", "index.cdxj")
    if not os.path.exists(index) or os.path.getsize(index) == 0:
        raise RuntimeError("nothing indexed in %s (WACZ without indexes/index.cdx.gz?)" % index)
    # config.yaml is optional (defaults: enable_memento: true, framed_replay: true)
    with open(os.path.join(workdir, "config.yaml"), "w") as fh:
        fh.write("redirect_to_exact: true\n" if redirect_to_exact else "# defaults\n")

    for attempt in range(3):  # retry in case the free port got taken meanwhile
        port = free_port()
        logf = open(os.path.join(workdir, "wayback.log"), "wb")
        t0 = time.monotonic()
        proc = subprocess.Popen([os.path.join(bin_dir, "wayback"), "-b", "127.0.0.1", "-p", str(port)],
                                cwd=workdir, stdout=logf, stderr=subprocess.STDOUT,
                                preexec_fn=_die_with_parent)
        base = "http://127.0.0.1:%d/" % port
        while time.monotonic() - t0 < timeout:
            if proc.poll() is not None:
                break
            try:
                status, _, _ = fetch(base)  # home page: 200 once the server accepts
                if status == 200:
                    print("pywb ready on %s after %.2fs (workdir %s)" % (base, time.monotonic() - t0, workdir),
                          file=log)
                    return proc, base, workdir
            except OSError:
                pass
            time.sleep(0.1)
        stop_pywb(proc)
        print(open(os.path.join(workdir, "wayback.log"), errors="replace").read(), file=log)
    raise RuntimeError("pywb did not start")


def stop_pywb(proc):
    if proc.poll() is None:
        proc.terminate()  # SIGTERM to our own child only
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()



def link_format(body):
    """(uri, rel, datetime) of each link of a link-format TimeMap, in order (one link per
    line, as pywb writes them; datetimes hold commas, so links are not split on commas)."""
    out = []
    for line in body.splitlines():
        m = re.match(r'\s*<([^>]*)>(.*)$', line)
        if m:
            attrs = dict(re.findall(r'([a-z]+)="([^"]*)"', m.group(2)))
            out.append((m.group(1), attrs.get("rel", ""), attrs.get("datetime")))
    return out


def cmd_feed(path):
    import feedparser
    with open(path, "rb") as fh:
        d = feedparser.parse(fh.read())
    print(json.dumps({
        "bozo": bool(d.bozo),
        "bozo_exception": str(d.get("bozo_exception", "")),
        "version": d.version,
        "title": d.feed.get("title"),
        "links": [(l.get("rel"), l.get("type"), l.get("href")) for l in d.feed.get("links", [])],
        "entries": [{
            "id": e.get("id"),
            "title": e.get("title"),
            "updated": e.get("updated"),
            "updated_parsed": bool(e.get("updated_parsed")),
            "published": e.get("published"),
            "summary": e.get("summary"),
            "author": e.get("author"),
            "links": [(l.get("rel"), l.get("href")) for l in e.get("links", [])],
        } for e in d.entries],
    }))


def cmd_memento(prefix, url, when):
    from datetime import datetime
    import requests
    from memento_client import MementoClient
    mc = MementoClient(timegate_uri=prefix, check_native_timegate=False)
    # get_memento_info() first asks the original URL on the live web for a Link header;
    # nothing leaves the machine in tests: hand it an answer without one.
    no_link = requests.Response()
    no_link.status_code = 200
    at = datetime.strptime(when, "%a, %d %b %Y %H:%M:%S GMT")
    info = mc.get_memento_info(url, at, req_uri_response=no_link)
    mementos = info.get("mementos", {})
    out = {k: {"uri": v.get("uri", [None])[0] if isinstance(v.get("uri"), list) else v.get("uri"),
               "datetime": v["datetime"].strftime("%Y%m%d%H%M%S") if v.get("datetime") else None}
           for k, v in mementos.items()}
    print(json.dumps({"original_uri": info.get("original_uri"), "timegate_uri": info.get("timegate_uri"),
                      "mementos": out}))


def cmd_pywb_timemap(url, warcs):
    bin_dir = os.path.dirname(sys.executable)
    proc, base, _ = start_pywb(warcs, bin_dir)
    try:
        status, _, body = fetch(base + "veille/timemap/link/" + url)
        links = link_format(body.decode("utf-8", "replace")) if status == 200 else []
        print(json.dumps({"status": status,
                          "mementos": [d for (_, rel, d) in links if "memento" in rel]}))
    finally:
        stop_pywb(proc)


def cmd_pywb_wacz(url, wacz):
    bin_dir = os.path.dirname(sys.executable)
    proc, base, _ = start_pywb([wacz], bin_dir)
    try:
        status, _, body = fetch(base + "veille/cdx?output=json&url=" + urllib.request.quote(url, safe=""))
        lines = [json.loads(l) for l in body.decode().splitlines() if l.strip()] if status == 200 else []
        replay = None
        if lines:
            replay, _, _ = fetch(base + "veille/%smp_/%s" % (lines[0]["timestamp"], url))
        print(json.dumps({"status": status, "cdx": lines, "replay_status": replay}))
    finally:
        stop_pywb(proc)


def main():
    args = sys.argv[1:]
    if args[:1] == ["feed"] and len(args) == 2:
        cmd_feed(args[1])
    elif args[:1] == ["memento"] and len(args) == 4:
        cmd_memento(*args[1:])
    elif args[:1] == ["pywb-timemap"] and len(args) >= 3:
        cmd_pywb_timemap(args[1], args[2:])
    elif args[:1] == ["pywb-wacz"] and len(args) == 3:
        cmd_pywb_wacz(args[1], args[2])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
