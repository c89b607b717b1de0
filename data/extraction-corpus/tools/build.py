#!/usr/bin/env python3
"""Regenerates pages/ and page-types/ from the article texts (texts_*.py) and the CMS templates
(tpl_*.py). Deterministic: running it twice gives the same bytes.

    python3 tools/build.py            # from data/extraction-corpus/
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
ROOT = os.path.dirname(HERE)

from parts import *  # noqa
import tpl_old as O
import tpl_wp as W
import tpl_modern as M
from texts_a import ARTICLES_A
from texts_b import ARTICLES_B
from texts_c import ARTICLES_C

ARTICLES = ARTICLES_A + ARTICLES_B + ARTICLES_C

# capture dates for pages without a publication date
UNDATED_NOW = {"mirepoix": "2016-05-10", "decize": "2012-08-22", "langres": "2017-06-30"}


def title_tag(a, t):
    tpl, T = a["tpl"], a["title"]
    if tpl.startswith("spip"):
        return f"{T} - {t['site']}"
    if tpl == "joomla10":
        return f"{t['site']} - {T}"
    if tpl.startswith("joomla"):
        return f"{T} - {t['site']}"
    if tpl.startswith("aspnet"):
        return f"{t['site']} - Actualités" if a["town"] in ("montargis", "decize") else f"{T} - {t['site']}"
    if tpl in ("wp_twentyseventeen", "wp_byline", "wp_old"):
        return f"{T} &#8211; {t['site']}"
    if tpl.startswith("wp_"):
        return f"{T} - {t['site']}"
    if tpl.startswith("drupal"):
        return f"{T} | {t['site']}"
    if tpl == "typo3_news":
        return f"{t['site']}: Actualités"
    if tpl == "typo3_csc":
        return f"{t['site']}: {T}"
    if tpl == "static_dw":
        return f"Ville de Mende - Actualités - {T}"
    if tpl == "kosmo":
        return f"{T} - Lamballe-Armor"
    if tpl == "emonsite":
        return f"{T}"
    return f"{T} | {t['site']}"


def render_article(a):
    t = town(a["town"])
    r = rng(a["name"])
    pub = d(a["date"]) if a.get("date") else None
    now = plus(pub, r.randint(2, 12)) if pub else d(UNDATED_NOW[a["town"]])
    if a.get("updated"):
        now = max(now, plus(a["updated"], r.randint(1, 5)))
    for cm in a.get("comments", []):
        now = max(now, plus(cm[1][:10], 2))
    for fm in a.get("forum_msgs", []):
        now = max(now, plus(fm[2][:10], 2))
    c = dict(t=t, r=r, a=a, path=a["path"], now=now, pub=pub or now, title_tag=title_tag(a, t),
             post_id=int(a["path"][6:]) if a["path"].startswith("/node/") else r.randint(800, 9000), page="article",
             crumbs=[("Accueil", "/"), (a["rubrique"], "/" + slug(a["rubrique"]) + "/"), (a["title"], None)])
    if a.get("encoding") == "cp1252":
        c["charset"] = "windows-1252"
    tpl = a["tpl"]
    desc = re.sub(r"<[^>]+>", "", a.get("chapo") or a["body"])
    desc = html.unescape(" ".join(desc.split()))[:150].rsplit(" ", 1)[0]
    c["desc"] = desc

    if tpl == "spip19":
        c["main"] = O.spip19_article(a, c)
        return O.spip19_shell(c)
    if tpl == "spip2":
        c["main"] = O.spip2_article(a, c)
        return O.spip2_shell(c)
    if tpl == "spip3":
        c["main"] = O.spip3_article(a, c)
        c["sidebar"] = O.spip3_long_sidebar(c)
        return O.spip3_shell(c)
    if tpl == "joomla15a":
        c["main"] = O.joomla15a_article(a, c)
        return O.joomla15a_shell(c)
    if tpl == "joomla10":
        c["main"] = O.joomla10_article(a, c)
        return O.joomla10_shell(c)
    if tpl == "joomla15b":
        c["main"] = O.joomla15b_article(a, c)
        return O.joomla15b_shell(c)
    if tpl == "aspnet_a":
        c["main"] = O.aspnet_a_article(a, c)
        return O.aspnet_shell(c, "a")
    if tpl == "aspnet_b":
        c["main"] = O.aspnet_b_article(a, c)
        return O.aspnet_shell(c, "b")
    if tpl == "static_dw":
        return O.static_dw_page(a, c)
    if tpl == "wp_twentyseventeen":
        c["head_extra"] = W.yoast_graph(c, a) + "\n" + W.og_meta(c, a)
        c["main"] = W.wp_tseventeen_article(a, c)
        return W.wp_tseventeen_shell(c)
    if tpl == "wp_custom":
        c["head_extra"] = W.og_meta(c, a)
        c["main"] = W.wp_custom_article(a, c)
        return W.wp_custom_shell(c)
    if tpl == "wp_yoast":
        c["head_extra"] = W.og_meta(c, a) + "\n" + W.yoast_graph(c, a)
        c["main"] = W.wp_astra_article(a, c)
        return W.wp_astra_shell(c)
    if tpl == "wp_byline":
        c["main"] = W.wp_byline_article(a, c)
        return W.wp_byline_shell(c)
    if tpl == "wp_old":
        # spring 2021: most gatherings were cancelled; the agenda shows what remained
        c["events"] = [("Conseil municipal (séance à huis clos, retransmise en direct)", "Salle du conseil"),
                       ("Permanence de l'architecte-conseil", "Mairie, bureau de l'urbanisme"),
                       ("Collecte de sang sur rendez-vous", "Salle polyvalente"),
                       ("Distribution de composteurs", "Services techniques"),
                       ("Permanence du conciliateur de justice", "Mairie"),
                       ("Vaccination des plus de 70 ans (sur inscription)", "Salle des fêtes"),
                       ("Ramassage des encombrants", "Tout le village"),
                       ("Date limite d'inscription sur les listes électorales", "Mairie")]
        c["main"] = W.wp_old_article(a, c)
        return W.wp_old_shell(c)
    if tpl == "wp_elementor":
        c["head_extra"] = W.og_meta(c, a) + "\n" + W.yoast_graph(c, a)
        return W.wp_elementor_page(a, c)
    if tpl == "drupal7":
        c["h1"] = a["title"]
        c["tags"] = ["Démocratie locale", "Numérique"] if a["town"] == "issy" else ["Travaux", "Voirie"]
        c["main"] = M.d7_article(a, c)
        return M.d7_shell(c)
    if tpl == "drupal7_logo":
        c["tags"] = ["Internet", "Montagne"]
        c["main"] = M.d7_article(a, c, logo_h1=True)
        return M.d7_shell(c, logo_h1=True)
    if tpl == "drupal9":
        c["head_extra"] = f'<meta name="description" content="{esc(desc)}" />\n<link rel="canonical" href="{t["url"]}{a["path"]}" />'
        c["dpath"] = f"node/{c['post_id']}"
        c["main"] = M.d9_article(a, c)
        return M.d9_shell(c)
    if tpl == "drupal9_json":
        main, script = M.d9_json_article(a, c)
        c["head_extra"] = f'<link rel="canonical" href="{t["url"]}{a["path"]}" />\n' + script
        c["main"] = main
        return M.d9_shell(c)
    if tpl == "typo3_news":
        c["crumbs"] = [("Accueil", "index.html"), ("Actualités", "actualites.html"), (a["title"], None)]
        c["main"] = M.typo3_news_article(a, c)
        return M.typo3_shell(c)
    if tpl == "typo3_csc":
        c["crumbs"] = [("Accueil", "index.html"), ("Actualités", "actualites.html"), (a["title"], None)]
        c["main"] = M.typo3_csc_article(a, c)
        return M.typo3_shell(c)
    if tpl == "stratis":
        c["head_extra"] = W.og_meta(c, a, with_times=False) + "\n" + M.jsonld_news(c, a)
        c["main"] = M.stratis_article(a, c)
        return M.stratis_shell(c)
    if tpl == "neopse":
        c["head_extra"] = W.og_meta(c, a)
        c["crumbs"] = [("Accueil", "/"), ("Actualités", "/actualites"), (a["title"], None)]
        c["main"] = M.neopse_article(a, c)
        return M.neopse_shell(c)
    if tpl == "kosmo":
        return M.kosmo_page(a, c)
    if tpl == "builder_large":
        return M.builder_large_page(a, c)
    if tpl == "agency_jsonld":
        return M.agency_page(a, c)
    if tpl == "emonsite":
        return M.emonsite_page(a, c)
    raise SystemExit("unknown template " + tpl)


def write_page(dirpath, src, enc):
    os.makedirs(dirpath, exist_ok=True)
    data = src.encode(enc, errors="xmlcharrefreplace") if enc != "utf-8" else src.encode("utf-8")
    with open(os.path.join(dirpath, "source.html"), "wb") as f:
        f.write(data)


def main():
    names = set()
    for a in ARTICLES:
        assert a["name"] not in names, a["name"]
        names.add(a["name"])
        src = render_article(a)
        src = src.replace("\r\n", "\n")
        enc = "cp1252" if a.get("encoding") == "cp1252" else "utf-8"
        if enc == "cp1252":
            assert "windows-1252" in src[:3000], a["name"]
        else:
            assert "charset=utf-8" in src.lower()[:3000] or 'charset="utf-8"' in src.lower()[:3000] or "charset=\"utf-8\"" in src.lower(), a["name"]
        p = os.path.join(ROOT, "pages", a["name"])
        write_page(p, src, enc)
        with open(os.path.join(p, "expected.html"), "w", encoding="utf-8") as f:
            f.write(gold_html(a))
        t = town(a["town"])
        meta = {"title": a["title"], "publishedTime": a.get("date"), "page_type": "article", "cms": a["cms"],
                "url": t["url"] + a["path"], "commune": t["name"], "insee": t["insee"],
                "encoding": "windows-1252" if enc == "cp1252" else "utf-8", "notes": a["notes"]}
        with open(os.path.join(p, "expected-metadata.json"), "w", encoding="utf-8") as f:
            json.dump(meta, f, ensure_ascii=False, indent=2)
            f.write("\n")
    import pagetypes
    pagetypes.build(ROOT, ARTICLES)
    update_readme()


def update_readme():
    """Rewrites the page tables of README.md (between the markers) from the metadata."""
    path = os.path.join(ROOT, "README.md")
    if not os.path.exists(path):
        return
    rows = ["| page | cms | commune | published (gold) | gold words | HTML | traps |", "|---|---|---|---|---|---|---|"]
    for a in ARTICLES:
        p = os.path.join(ROOT, "pages", a["name"])
        size = os.path.getsize(os.path.join(p, "source.html"))
        gold = re.sub(r"<[^>]+>", " ", gold_body(a))
        n = len(html.unescape(gold).split())
        enc = " (windows-1252)" if a.get("encoding") == "cp1252" else ""
        rows.append(f"| `{a['name']}` | {a['cms']}{enc} | {town(a['town'])['name']} | {a.get('date') or 'null'} | {n} | "
                    f"{size / 1000:.0f} kB | {a['notes'].replace('|', '/')} |")
    man = json.load(open(os.path.join(ROOT, "page-types", "manifest.json"), encoding="utf-8"))
    prow = ["| file | page_type | cms | URL | what it is |", "|---|---|---|---|---|"]
    for e in man:
        prow.append(f"| `{e['file']}` | {e['page_type']} | {e['cms']} | {e['url']} | {e['notes']} |")
    s = open(path, encoding="utf-8").read()
    for tag, body in (("pages", rows), ("page-types", prow)):
        b, e = f"<!-- {tag}:begin -->", f"<!-- {tag}:end -->"
        i, j = s.index(b) + len(b), s.index(e)
        s = s[:i] + "\n" + "\n".join(body) + "\n" + s[j:]
    with open(path, "w", encoding="utf-8") as f:
        f.write(s)


if __name__ == "__main__":
    main()
