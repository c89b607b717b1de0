"""Helpers shared by the templates: figures, gold text, context."""
import re

from common import *  # noqa

FIG = re.compile(r"\{\{FIG:(.*?)\|(.*?)\|(.*?)\}\}")


def figures(s, style, r):
    """Replace {{FIG:src|caption|credit}} with the CMS's own image markup (caption + credit)."""
    def rep(m):
        src, cap, cred = m.groups()
        n = r.randint(20, 900)
        if style == "spip":
            return (f"<dl class='spip_document_{n} spip_documents spip_documents_center'>\n"
                    f"<dt><img src='local/cache-vignettes/L400xH267/{src.rsplit('/', 1)[-1]}' width='400' height='267' alt='' /></dt>\n"
                    f"<dt class='crayon document-titre-{n} spip_doc_titre' style='width:350px;'><strong>{cap}</strong></dt>\n"
                    f"<dd class='crayon document-descriptif-{n} spip_doc_descriptif' style='width:350px;'><p>{cred}</p></dd>\n</dl>")
        if style == "wp":
            return (f'<figure id="attachment_{n}" aria-describedby="caption-attachment-{n}" style="width: 840px" class="wp-caption aligncenter">'
                    f'<img loading="lazy" class="size-large wp-image-{n}" src="/{src}" alt="" width="840" height="560" '
                    f'srcset="/{src} 840w, /{src[:-4]}-300x200.jpg 300w, /{src[:-4]}-768x512.jpg 768w" sizes="(max-width: 840px) 100vw, 840px" />'
                    f'<figcaption id="caption-attachment-{n}" class="wp-caption-text">{cap}</figcaption></figure>\n'
                    f'<p class="credit-photo" style="text-align: right;"><em><span style="font-size: 8pt;">{cred}</span></em></p>')
        if style == "typo3":
            return (f'<div id="c{n}" class="csc-default"><div class="csc-textpic csc-textpic-center csc-textpic-above">'
                    f'<div class="csc-textpic-imagewrap" style="width:600px;"><div class="csc-textpic-center-outer"><div class="csc-textpic-center-inner">'
                    f'<div class="csc-textpic-image csc-textpic-last"><dl class="csc-textpic-image csc-textpic-firstcol csc-textpic-lastcol" style="width:600px;">'
                    f'<dt><img src="{src}" width="600" height="400" alt="" border="0" /></dt>'
                    f'<dd class="csc-textpic-caption">{cap}<br />{cred}</dd></dl></div></div></div></div></div></div>')
        return f'<figure class="image"><img src="/{src}" alt=""><figcaption>{cap} <small class="credit">{cred}</small></figcaption></figure>'
    return FIG.sub(rep, s)


def gold_body(a):
    s = (a.get("chapo") or "") + "\n" + a["body"]
    return FIG.sub(lambda m: f'<figure><img src="{m.group(1)}" alt=""><figcaption>{m.group(2)}</figcaption></figure>', s)


def gold_html(a):
    return ('<div id="readability-page-1" class="page">\n<article>\n' + gold_body(a).strip() + "\n</article>\n</div>\n")


def split_blocks(s):
    """Top-level blocks of an article body, in order."""
    return [m.group(0) for m in re.finditer(
        r"(?s)<(p|h2|h3|ul|ol|table|div|dl|figure)\b.*?</\1>|\{\{FIG:.*?\}\}", s)]


def p_to_br(s):
    """Old WebForms/Dreamweaver habit: paragraphs joined with <br /><br /> instead of <p>."""
    s = s.strip()
    s = re.sub(r"</p>\s*<p>", "<br />\n<br />\n", s)
    s = re.sub(r"^<p>|</p>$", "", s)
    return s


def spipify(s, v=19):
    """SPIP 1.9 gives paragraphs class="spip"; headings already carry it."""
    if v == 19:
        s = re.sub(r"<p>", '<p class="spip">', s)
    return s


def words(s):
    return len(re.findall(r"\w+", re.sub(r"<[^>]+>", " ", s)))


def crumbs_html(items, sep=" &gt; ", last_strong=False, cls=None):
    out = []
    for i, (label, href) in enumerate(items):
        if href:
            out.append(f'<a href="{href}"' + (f' class="{cls}"' if cls else "") + f'>{label}</a>')
        else:
            out.append(f"<strong class=\"on\">{label}</strong>" if last_strong else label)
    return sep.join(out)
