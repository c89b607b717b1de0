"""Templates of the older CMSs: SPIP 1.9/2/3, Joomla 1.0/1.5, ASP.NET WebForms, Dreamweaver."""
from parts import *  # noqa


# ============================================================================ SPIP
def spip_head(c, gen="SPIP 1.9.2d [10268]", charset="utf-8"):
    t = c["t"]
    desc = c.get("desc", "")
    return f"""<head>
<title>{c['title_tag']}</title>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<meta name="description" content="{esc(desc)}" />
<meta name="generator" content="{gen}" />
<link rel="alternate" type="application/rss+xml" title="Syndiquer tout le site" href="spip.php?page=backend" />
<link rel="shortcut icon" href="squelettes/favicon.ico" />
<link rel="stylesheet" href="squelettes/spip_style.css" type="text/css" media="all" />
<link rel="stylesheet" href="squelettes/habillage.css" type="text/css" media="projection, screen, tv" />
<link rel="stylesheet" href="squelettes/impression.css" type="text/css" media="print" />
<!--[if lte IE 6]><link rel="stylesheet" href="squelettes/ie6.css" type="text/css" media="screen" /><![endif]-->
<script src="prive/javascript/jquery.js" type="text/javascript"></script>
<script src="prive/javascript/jquery.form.js" type="text/javascript"></script>
<script src="prive/javascript/ajaxCallback.js" type="text/javascript"></script>
<!-- insert_head -->
<script type="text/javascript">/* <![CDATA[ */
var ajax_image_searching = '<img src="dist/images/searching.gif" alt="" />';
var ajax_jquery_version = '1.2.6';
function ancre_douce_init() {{ if (typeof jQuery.localScroll=="function") jQuery.localScroll({{hash:true}}); }}
onAjaxLoad(ancre_douce_init);
jQuery(document).ready(function(){{ jQuery('a.spip_out').attr('target','_blank'); }});
/* ]]> */</script>
<link rel="stylesheet" href="plugins/thickbox2/thickbox.css" type="text/css" media="projection, screen, tv" />
<script src='plugins/thickbox2/javascript/thickbox.js' type='text/javascript'></script>
{c.get('head_extra', '')}
</head>"""


def spip_agenda(c, k=4, title="Agenda"):
    r = c["r"]
    evs = events_after(r, k, c["now"])
    lis = "\n".join(
        f'<li><span class="date">{fr(dd, weekday=True)}</span><br />'
        f'<a href="spip.php?article{r.randint(100, 999)}">{esc(tt)}</a><br /><small>{esc(pl)}, {h}</small></li>'
        for tt, pl, dd, h in evs)
    return f'<div class="agenda"><h2 class="structure">{title}</h2>\n<ul class="agenda-liste">\n{lis}\n</ul>\n<p class="tout"><a href="spip.php?page=agenda">Tout l\'agenda</a></p></div>'


def spip_same_rub(c, k=6, with_dates=True):
    r = c["r"]
    items = news_after(r, OTHER_NEWS + NUMERIC_NEWS, k, c.get("pub") or c["now"])
    lis = "\n".join(
        f'<li><a href="spip.php?article{r.randint(40, 1400)}">{esc(tt)}</a>' +
        (f' <small>({dmy(dd)})</small>' if with_dates else "") + "</li>" for tt, s, dd in items)
    return f'<div class="menu"><h2>Dans la même rubrique</h2>\n<ul>\n{lis}\n</ul></div>'


def spip_rubriques(c):
    r = c["r"]
    out = []
    for sec, items in menu_sections(r):
        lis = "".join(f'<li><a href="spip.php?rubrique{r.randint(2, 90)}">{esc(x)}</a></li>' for x in items)
        out.append(f'<li><a href="spip.php?rubrique{r.randint(2, 90)}">{esc(sec)}</a><ul>{lis}</ul></li>')
    return '<div class="rubriques"><h2 class="structure">Navigation</h2><ul>' + "\n".join(out) + "</ul></div>"


def spip_footer(c):
    t = c["t"]
    y = c["now"].year
    start = c.get("since", y - 6)
    return f"""<div id="pied">
<p><strong>{t['site']}</strong> - {t['addr']} - {t['cp']} {t['name']} - Tél. : {t['tel']}</p>
<p>Accueil du public : du lundi au vendredi de 8 h 30 à 12 h et de 13 h 30 à 17 h 30, le samedi de 9 h à 12 h</p>
<p class="copyright">&copy; {start}-{y} {t['site']} | <a href="spip.php?page=plan">Plan du site</a> | <a href="spip.php?article2">Mentions légales</a> | <a href="ecrire/" rel="nofollow">Espace privé</a> | Site réalisé avec <a href="http://www.spip.net/" title="Site réalisé avec SPIP" class="spip_out">SPIP</a> | <a href="spip.php?page=backend" title="Syndiquer tout le site">RSS&nbsp;2.0</a></p>
</div>"""


def spip19_shell(c):
    t, r = c["t"], c["r"]
    top = "".join(f'<li><a href="spip.php?rubrique{r.randint(2, 60)}">{esc(s)}</a></li>' for s, _ in menu_sections(r))
    quick = "".join(f'<li><a href="spip.php?article{r.randint(10, 300)}">{x}</a></li>' for x in
                    ["État civil", "Menus de la cantine", "Horaires de la déchèterie", "Bulletin municipal", "Marchés publics", "Offres d'emploi"])
    side = c.get("sidebar") or (spip_agenda(c) + "\n" + spip_same_rub(c) + """
<div class="lettre"><h2 class="structure">Lettre d'information</h2>
<form action="spip.php?page=lettre" method="post"><div><input type="hidden" name="action" value="inscription" />
<label for="email_lettre">Votre adresse électronique :</label><br /><input type="text" name="email" id="email_lettre" class="text" size="18" />
<input type="submit" class="submit" value="OK" /></div></form></div>""")
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr" lang="fr" dir="ltr">
{spip_head(c, charset=c.get('charset', 'utf-8'))}
<body class="page_{c.get('page', 'article')}">
<table id="page" width="960" border="0" cellspacing="0" cellpadding="0" align="center">
<tr><td colspan="3" id="entete">
<a href="{t['url']}/" title="Accueil" class="accueil"><img src="IMG/siteon0.gif" alt="{esc(t['site'])}" width="320" height="90" class="format_gif" /></a>
<div class="formulaire_recherche"><form action="spip.php?page=recherche" method="get"><div>
<input type="hidden" name="page" value="recherche" />
<label for="recherche">Rechercher :</label>
<input type="text" class="text" size="14" name="recherche" id="recherche" value="" accesskey="4" />
<input type="submit" class="submit" value="&gt;&gt;" title="Rechercher" />
</div></form></div>
</td></tr>
<tr><td colspan="3" id="menu_haut"><ul class="menu_haut"><li><a href="{t['url']}/">Accueil</a></li>{top}<li><a href="spip.php?page=contact">Contact</a></li></ul></td></tr>
<tr>
<td id="navigation" width="200" valign="top">
{spip_rubriques(c)}
<div class="acces_rapides"><h2 class="structure">Accès rapides</h2><ul>{quick}</ul></div>
<p><a href="spip.php?page=plan">Plan du site</a></p>
</td>
<td id="contenu" valign="top">
{c['main']}
</td>
<td id="extra" width="220" valign="top">
{side}
</td>
</tr>
<tr><td colspan="3">
{spip_footer(c)}
</td></tr>
</table>
{c.get('tail', '')}
</body>
</html>
"""


def spip19_article(a, c):
    r = c["r"]
    n = a["path"].split("article")[-1]
    crumbs = crumbs_html([("Accueil", c["t"]["url"] + "/"), (a["rubrique"], f"spip.php?rubrique{r.randint(3, 40)}")])
    chapo = f'<div class="chapo">{spipify(a["chapo"])}</div>' if a.get("chapo") else ""
    surt = f'<p class="surtitre">{a["surtitre"]}</p>\n' if a.get("surtitre") else ""
    docs = ""
    if a["name"] == "spip-fibre-optique":
        docs = (f'<div class="documents_joints"><h2>Documents joints</h2><ul>'
                f'<li><a href="IMG/pdf/carte_deploiement_fibre.pdf" type="application/pdf" title="PDF - 412.3 ko" class="spip_doc_lien">'
                f'<img src="dist/vignettes/pdf.png" width="52" height="52" alt="PDF - 412.3 ko" /></a> '
                f'<strong class="spip_doc_titre">Carte prévisionnelle du déploiement</strong> (PDF - 412.3 ko)</li></ul></div>')
    info = f'{fr(a["date"], weekday=True)}'
    if a.get("author"):
        info += f', par <span class="vcard author"><a class="url fn spip_in" href="spip.php?auteur{r.randint(1, 9)}">{a["author"]}</a></span>'
    body = figures(spipify(a["body"]), "spip", r)
    return f"""<div id="hierarchie">{crumbs} &gt; {a['title']}</div>
<div class="contre-encart">
<div class="cartouche">
{surt}<h1 class="titre">{a['title']}</h1>
<p class="info-publi">{info}</p>
</div>
{chapo}
<div class="texte">{body}</div>
{docs}
<div class="forum-repondre"><a href="spip.php?page=forum&amp;id_article={n}" rel="noindex nofollow">Répondre à cet article</a></div>
<p class="imprimer"><a href="spip.php?page=imprimer&amp;id_article={n}" rel="nofollow" onclick="window.open(this.href);return false;">Imprimer cet article</a></p>
</div>"""


def spip2_shell(c):
    t, r = c["t"], c["r"]
    nav = "".join(f'<li class="item"><a href="spip.php?rubrique{r.randint(2, 60)}">{esc(s)}</a></li>' for s, _ in menu_sections(r))
    side = c.get("sidebar")
    if side is None:
        side = spip_same_rub(c) + "\n" + spip_agenda(c, 3, "À venir") + "\n" + spip_rubriques(c)
    return f"""<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0 Strict//EN' 'http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd'>
<!--[if lt IE 7 ]> <html dir="ltr" lang="fr" xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr" class="ltr fr no-js ie ie6"> <![endif]-->
<!--[if IE 7 ]> <html dir="ltr" lang="fr" xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr" class="ltr fr no-js ie ie7"> <![endif]-->
<!--[if (gt IE 7)|!(IE)]><!--> <html dir="ltr" lang="fr" xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr" class="ltr fr no-js"> <!--<![endif]-->
{spip_head(c, gen="SPIP 2.1.12 [18732]")}
<body class="page_{c.get('page', 'article')}">
<div class="page">
	<div class="header" id="header">
		<div class="accueil"><a rel="start home" href="{t['url']}/" title="Accueil"><img class="spip_logos" alt="" src="IMG/siteon0.png" width="180" height="80" /></a>
		<strong id="nom_site_spip" class="h1"><a rel="start home" href="{t['url']}/" title="Accueil">{t['site']}</a></strong>
		<p id="slogan_site_spip">Site officiel de la commune</p></div>
		<div class="formulaire_spip formulaire_recherche" id="formulaire_recherche">
		<form action="spip.php?page=recherche" method="get"><div>
			<input name="page" value="recherche" type="hidden" />
			<label for="recherche">Rechercher :</label>
			<input type="text" class="text" size="10" name="recherche" id="recherche" accesskey="4" />
			<input type="submit" class="submit" value="&gt;&gt;" title="Rechercher" />
		</div></form></div>
	</div>
	<div class="nav clearfix" id="nav">
		<ul><li class="item on"><a href="{t['url']}/">Accueil</a></li>{nav}</ul>
	</div>
	<div class="wrapper hfeed">
	<div class="content hentry" id="content">
{c['main']}
	</div><!--.content-->
	<div class="aside col">
{side}
	</div><!--.aside-->
	</div><!--.wrapper-->
	<div class="footer clearfix" id="footer">
{spip_footer(c)}
	</div>
</div><!--.page-->
{c.get('tail', '')}
</body>
</html>
"""


def spip2_article(a, c):
    r, t = c["r"], c["t"]
    n = a["path"].split("article")[-1]
    pub = d(a["date"])
    info = (f'<abbr class="published" title="{pub.isoformat()}T0{r.randint(7, 9)}:{r.randint(10, 59)}:00Z">{fr(pub, weekday=True)}</abbr>')
    if a.get("updated"):
        up = d(a["updated"])
        info += f'<span class="sep"> - </span><span class="maj">mis à jour le <abbr class="updated" title="{up.isoformat()}T14:02:11Z">{fr(up, weekday=True)}</abbr></span>'
    if a.get("author"):
        info += f'<span class="sep">, </span><span class="auteurs">par  <span class="vcard author"><a class="url fn spip_in" href="spip.php?auteur{r.randint(1, 9)}">{a["author"]}</a></span></span>'
    chapo = f'<div class="crayon article-chapo-{n} chapo">{a["chapo"]}</div>' if a.get("chapo") else ""
    body = figures(a["body"], "spip", r)
    forum = ""
    if a.get("forum"):
        forum = spip_forum(a, c, n)
    return f"""		<p class="arbo"><a href="{t['url']}/">Accueil</a> &gt; <a href="spip.php?rubrique{r.randint(3, 40)}">{a['rubrique']}</a> &gt; <strong class="on">{a['title']}</strong></p>
		<div class="cartouche">
			<h1 class="h1 crayon article-titre-{n} entry-title">{a['title']}</h1>
			<p class="info-publi">{info}</p>
		</div>
		<div class="surlignable">
			{chapo}
			<div class="crayon article-texte-{n} texte entry-content">{body}</div>
		</div>
		<div class="pagination"></div>
		<p class="imprimer"><a href="spip.php?page=imprimer&amp;id_article={n}" rel="nofollow">Version imprimable</a></p>
		<div class="partage"><span>Partager&nbsp;:</span> <a href="http://www.facebook.com/sharer.php?u={esc(t['url'] + a['path'])}" class="spip_out" rel="nofollow">Facebook</a> <a href="http://twitter.com/share?url={esc(t['url'] + a['path'])}" class="spip_out" rel="nofollow">Twitter</a> <a href="mailto:?subject={esc(a['title'])}">Envoyer par courriel</a></div>
		{forum}"""


def spip_forum(a, c, n):
    r = c["r"]
    msgs = a["forum_msgs"]

    def one(m, i, child=""):
        tit, who, when, txt = m
        dd, hh = when.split()
        idf = 2000 + i
        return (f'<li class="forum-fil"><div class="forum-message hreview">\n'
                f'<div class="forum-chapo"><strong class="forum-titre"><a href="#forum{idf}" name="forum{idf}" id="forum{idf}">{esc(tit)}</a></strong>\n'
                f'<small>{fr(dd, weekday=True)} {hh.replace(":", "h")}, par <span class="vcard author">{esc(who)}</span></small></div>\n'
                f'<div class="forum-texte"><p>{esc(txt)}</p>\n'
                f'<div class="forum-repondre-message"><a href="spip.php?page=forum&amp;id_article={n}&amp;id_forum={idf}" rel="noindex nofollow">Répondre à ce message</a></div></div>\n'
                f'</div>{child}</li>')
    # message 3 answers message 2
    items = [one(msgs[0], 0), one(msgs[1], 1, '<ul class="forum">' + one(msgs[2], 2) + "</ul>"), one(msgs[3], 3)]
    return f"""<a href="#forum" name="forum" id="forum"></a>
		<div class="forum-titre-general"><h2 class="pas_surlignable">{len(msgs)} Messages</h2></div>
		<ul class="forum">
{chr(10).join(items)}
		</ul>
		<div class="formulaire_spip formulaire_forum ajax" id="formulaire_forum">
		<h2>Répondre à cet article</h2>
		<form action="spip.php?article{n}#formulaire_forum" method="post" enctype="multipart/form-data"><div>
		<input name="formulaire_action" type="hidden" value="forum" />
		<input name="formulaire_action_args" type="hidden" value="{blob(r, 48)}" />
		<input name="id_article" type="hidden" value="{n}" />
		<fieldset><legend>Message</legend>
		<ul><li class="editer_titre obligatoire"><label for="titre_forum">Titre (obligatoire)</label><input type="text" class="text" name="titre" id="titre_forum" value="Budget participatif" size="40" /></li>
		<li class="editer_texte obligatoire"><label for="texte_forum">Texte de votre message</label><textarea name="texte" id="texte_forum" rows="10" cols="40"></textarea></li></ul>
		</fieldset>
		<fieldset><legend>Qui êtes-vous ?</legend><ul>
		<li class="editer_session_nom"><label for="session_nom">Votre nom</label><input type="text" class="text" name="session_nom" id="session_nom" value="" size="40" /></li>
		<li class="editer_session_email"><label for="session_email">Votre adresse email</label><input type="text" class="text" name="session_email" id="session_email" value="" size="40" /></li></ul>
		</fieldset>
		<p class="boutons"><input type="submit" class="submit" name="previsualiser_message" value="Prévisualiser" /></p>
		</div></form></div>"""


def spip3_shell(c):
    t, r = c["t"], c["r"]
    nav = "".join(f'<li class="menu-entree item"><a href="spip.php?rubrique{r.randint(2, 60)}">{esc(s)}</a></li>' for s, _ in menu_sections(r))
    return f"""<!DOCTYPE html>
<!--[if lt IE 9 ]><html dir="ltr" lang="fr" xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr" class="ltr fr no-js ie ie8"><![endif]-->
<!--[if (gt IE 8)|!(IE)]><!--><html dir="ltr" lang="fr" xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr" class="ltr fr no-js"><!--<![endif]-->
<head>
<script type='text/javascript'>/*<![CDATA[*/(function(H){{H.className=H.className.replace(/\\bno-js\\b/,'js')}})(document.documentElement);/*]]>*/</script>
<title>{c['title_tag']}</title>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<link rel="alternate" type="application/rss+xml" title="Syndiquer tout le site" href="spip.php?page=backend" />
<link rel='stylesheet' href='local/cache-css/a3c2f0d1a6cbd0c64a0a2b44e1f7c1e1.css?1462530722' type='text/css' />
<script type='text/javascript'>var var_zajax_content='content';</script>
<script type="text/javascript">/* <![CDATA[ */
var box_settings = {{tt_img:true,sel_g:"#documents_portfolio a[type='image/jpeg'],#documents_portfolio a[type='image/png'],#documents_portfolio a[type='image/gif']",sel_c:".mediabox",trans:"elastic",speed:"200",ssSpeed:"2500",maxW:"90%",maxH:"90%",minW:"400px",minH:"",opa:"0.9",str_ssStart:"Diaporama",str_ssStop:"Arrêter",str_cur:"{{current}}/{{total}}",str_prev:"Précédent",str_next:"Suivant",str_close:"Fermer",splash_url:""}};
var box_settings_splash_width = "600px";
var box_settings_splash_height = "90%";
var box_settings_iframe = true;
/* ]]> */</script>
<script type='text/javascript' src='local/cache-js/6c7e3b8f5ac5f0f5b1b0e2a0c3e9b7d1.js?1462530722'></script>
<meta name="generator" content="SPIP 3.0.17 [21515]" />
</head>
<body class="pas_surlignable page_{c.get('page', 'article')}">
<div class="page">
	<div class="header" id="header">
		<div class="accueil"><a rel="start home" href="{t['url']}/" title="Accueil"><img class='spip_logo spip_logos' alt="" src="local/cache-vignettes/L150xH93/siteon0-b1c7e.png" width='150' height='93' /></a>
		<strong id="nom_site_spip" class="h1"><a rel="start home" href="{t['url']}/" title="Accueil">{t['site']}</a></strong></div>
	</div>
	<div class="nav clearfix" id="nav">
		<ul class="menu-liste menu-items"><li class="menu-entree item on"><a href="{t['url']}/">Accueil</a></li>{nav}</ul>
	</div>
	<div class="wrapper">
	<div class="content" id="content">
{c['main']}
	</div>
	<div class="aside" id="aside">
{c.get('sidebar') or ''}
	</div>
	</div>
	<div class="footer clearfix" id="footer">
{spip_footer(c)}
	</div>
</div>
</body>
</html>
"""


def spip3_article(a, c):
    r, t = c["r"], c["t"]
    n = a["path"].split("article")[-1]
    return f"""		<p class="arbo"><a href="{t['url']}/">Accueil</a> &gt; <a href="spip.php?rubrique{r.randint(3, 40)}">{a['rubrique']}</a> &gt; <strong class="on">{a['title']}</strong></p>
		<div class="main">
		<div class="cartouche">
			<h1 class="surlignable">{a['title']}</h1>
		</div>
		<div class="texte surlignable clearfix">{a['body']}</div>
		<div class="ps surlignable"></div>
		<a href="#forum" name="forum" id="forum"></a>
		</div>"""


def spip3_long_sidebar(c):
    """A long sidebar: same rubrique, agenda, practical infos, partner links."""
    r, t = c["r"], c["t"]
    rub = spip_same_rub(c, 12, with_dates=False)
    ag = spip_agenda(c, 7, "Agenda des manifestations")
    infos = f"""<div class="infos-pratiques"><h2>Infos pratiques</h2>
<p><strong>Mairie de {t['name']}</strong><br />{t['addr']}<br />{t['cp']} {t['name']}<br />Tél. {t['tel']}</p>
<p>Ouverture au public&nbsp;: du lundi au vendredi, de 9 h à 12 h et de 14 h à 17 h.</p>
<h3>Marché</h3><p>Tous les lundis matin sous la halle et sur la place.</p>
<h3>Déchèterie intercommunale</h3><p>Du mardi au samedi, 9 h - 12 h et 14 h - 18 h.</p></div>"""
    liens = "".join(f'<li><a href="{u}" class="spip_out">{l}</a></li>' for l, u in [
        ("Communauté de communes", "#"), ("Office de tourisme", "#"), ("Service-public.fr", "https://www.service-public.fr/"),
        ("Préfecture de l'Ariège", "#"), ("Conseil départemental", "#"), ("Météo", "#")])
    return rub + "\n" + ag + "\n" + infos + f'\n<div class="liens"><h2>Liens utiles</h2><ul>{liens}</ul></div>'


# ============================================================================ Joomla
def joomla_head(c, v="1.5"):
    t = c["t"]
    a = c.get("a") or {}
    gen = ("Joomla! 1.5 - Open Source Content Management" if v == "1.5" else
           "Joomla! - Copyright (C) 2005 - 2007 Open Source Matters. All rights reserved.")
    base = f'  <base href="{esc(t["url"] + c["path"])}" />\n' if v == "1.5" else ""
    charset = c.get("charset", "utf-8")
    meta_title = f'  <meta name="title" content="{esc(a["title"])}" />\n  <meta name="author" content="{esc(a.get("author") or "Administrator")}" />\n' if a else ""
    js = ('  <script type="text/javascript" src="/media/system/js/mootools.js"></script>\n'
          '  <script type="text/javascript" src="/media/system/js/caption.js"></script>\n') if v == "1.5" else \
         '<script type="text/javascript" src="/includes/js/joomla.javascript.js"></script>\n'
    return f"""<head>
{base}  <meta http-equiv="content-type" content="text/html; charset={charset}" />
  <meta name="robots" content="index, follow" />
  <meta name="keywords" content="{t['name']}, mairie, commune, {t['depname']}, actualités" />
{meta_title}  <meta name="description" content="Site officiel de la commune de {t['name']}" />
  <meta name="generator" content="{gen}" />
  <title>{c['title_tag']}</title>
  <link href="/templates/{t['key']}/favicon.ico" rel="shortcut icon" type="image/x-icon" />
{js}<link rel="stylesheet" href="/templates/system/css/system.css" type="text/css" />
<link rel="stylesheet" href="/templates/system/css/general.css" type="text/css" />
<link rel="stylesheet" href="/templates/{t['key']}/css/template.css" type="text/css" />
<!--[if lte IE 6]>
<link href="/templates/{t['key']}/css/ieonly.css" rel="stylesheet" type="text/css" />
<![endif]-->
{c.get('head_extra', '')}
</head>"""


def joomla_modules(c, which=("latest", "agenda")):
    r = c["r"]
    out = []
    for w in which:
        if w == "latest":
            items = news_after(r, OTHER_NEWS + NUMERIC_NEWS, 5, c.get("pub") or c["now"])
            q = "task=view" if c.get("j10") else "view=article"
            lis = "".join(f'<li class="latestnews"><a href="/index.php?option=com_content&amp;{q}&amp;id={r.randint(50, 900)}&amp;Itemid=50" class="latestnews">{esc(tt)}</a></li>' for tt, s, dd in items)
            out.append(f'<div class="moduletable"><h3>Derniers articles</h3><ul class="latestnews">{lis}</ul></div>')
        elif w == "agenda":
            evs = events_after(r, 4, c["now"])
            rows = "".join(f'<tr><td class="mod_events_latest_first"><span class="mod_events_latest_date">{fr(dd, weekday=True, abbr=True)}</span> '
                           f'<span class="mod_events_latest_date">{h}</span><br /><span class="mod_events_latest_content"><a href="/index.php?option=com_jevents&amp;task=icalrepeat.detail&amp;evid={r.randint(10, 400)}&amp;Itemid=88">{esc(tt)}</a></span></td></tr>'
                           for tt, pl, dd, h in evs)
            out.append(f'<div class="moduletable"><h3>Agenda</h3><table class="mod_events_latest_table" width="100%" border="0" cellspacing="0" cellpadding="0" align="center">{rows}</table>'
                       f'<div class="mod_events_latest_callink"><a href="/index.php?option=com_jevents&amp;Itemid=88">Voir tout l\'agenda</a></div></div>')
        elif w == "quick":
            lis = "".join(f'<li><a href="/index.php?option=com_content&amp;view=article&amp;id={r.randint(5, 90)}&amp;Itemid={r.randint(20, 99)}">{x}</a></li>'
                          for x in ["Démarches administratives", "Menus des cantines", "Location de salles", "Urbanisme", "Plan de la ville", "Numéros utiles"])
            out.append(f'<div class="moduletable_acces"><h3>En un clic</h3><ul>{lis}</ul></div>')
        elif w == "newsletter":
            out.append('<div class="moduletable"><h3>Lettre d\'information</h3><form action="/index.php" method="post" name="mosForm"><p>Recevez chaque mois l\'actualité de la commune.</p>'
                       '<input type="text" name="email" class="inputbox" size="15" value="votre courriel" onfocus="if(this.value==\'votre courriel\')this.value=\'\';" />'
                       '<input type="hidden" name="option" value="com_acajoom" /><input type="hidden" name="act" value="subscribe" /><input type="submit" value="S\'abonner" class="button" /></form></div>')
    return "\n".join(out)


def joomla_mainmenu(c):
    r = c["r"]
    lis = ['<li id="current" class="active item1"><a href="/"><span>Accueil</span></a></li>']
    for i, (sec, items) in enumerate(menu_sections(r)):
        sub = "".join(f'<li class="item{r.randint(60, 200)}"><a href="/index.php?option=com_content&amp;view=article&amp;id={r.randint(5, 300)}&amp;Itemid={r.randint(20, 200)}"><span>{esc(x)}</span></a></li>' for x in items)
        lis.append(f'<li class="parent item{i + 2}"><a href="/index.php?option=com_content&amp;view=section&amp;id={i + 1}&amp;Itemid={i + 30}"><span>{esc(sec)}</span></a><ul>{sub}</ul></li>')
    return '<div class="moduletable_menu"><h3>Menu principal</h3><ul class="menu">' + "".join(lis) + "</ul></div>"


def joomla_footer(c):
    t = c["t"]
    return f"""<div id="footer">
<p>{t['site']} - {t['addr']} - {t['cp']} {t['name']} - Tél. {t['tel']}<br />
Du lundi au vendredi : 8h30 - 12h00 / 13h30 - 17h30 - Samedi : 9h00 - 12h00</p>
<p>Copyright &copy; {c['now'].year} {t['site']}. Tous droits réservés. | <a href="/index.php?option=com_content&amp;view=article&amp;id=2&amp;Itemid=99">Mentions légales</a> | <a href="/index.php?option=com_xmap&amp;sitemap=1&amp;Itemid=98">Plan du site</a></p>
<p id="power_by">Propulsé par <a href="http://www.joomla.org">Joomla!</a>. <a href="http://validator.w3.org/check/referer">XHTML</a> valide et <a href="http://jigsaw.w3.org/css-validator/check/referer">CSS</a> valide.</p>
</div>"""


def joomla15a_shell(c):
    t, r = c["t"], c["r"]
    top = "".join(f'<li><a href="/index.php?option=com_content&amp;view=section&amp;id={i + 1}&amp;Itemid={i + 30}" class="mainlevel-nav" >{esc(s)}</a></li>' for i, (s, _) in enumerate(menu_sections(r, 5)))
    crumbs = c.get("crumbs", [("Accueil", "/")])
    arrow = ' <img src="/templates/rhuk_milkyway/images/arrow.png" alt=""  /> '
    pw = arrow.join((f'<a href="{h}" class="pathway">{l}</a>' if h else l) for l, h in crumbs)
    right = c.get("right") if c.get("right") is not None else joomla_modules(c, ("agenda", "newsletter"))
    left = joomla_mainmenu(c) + "\n" + joomla_modules(c, ("quick", "latest") if c.get("page") == "article" else ("quick",))
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr-fr" lang="fr-fr" >
{joomla_head(c)}
<body id="page_bg" class="color_blue bg_blue width_fmax">
<a name="up" id="up"></a>
<div class="center" align="center">
	<div id="wrapper">
		<div id="wrapper_r">
			<div id="header">
				<div id="header_l">
					<div id="header_r">
						<div id="logo"><a href="/"><img src="/templates/{t['key']}/images/logo.png" alt="{esc(t['site'])}" /></a></div>
						<div id="banniere"><div class="bannergroup"><div class="banneritem"><img src="/images/banners/bandeau-{t['key']}.jpg" alt="Bannière" /><div class="clr"></div></div></div></div>
					</div>
				</div>
			</div>
			<div id="tabarea">
				<div id="tabarea_l">
					<div id="tabarea_r">
						<div id="tabmenu">
						<table cellpadding="0" cellspacing="0" class="pill">
							<tr>
								<td class="pill_l">&nbsp;</td>
								<td class="pill_m">
								<div id="pillmenu">
									<ul id="mainlevel-nav"><li><a href="/" class="mainlevel-nav" >Accueil</a></li>{top}</ul>
								</div>
								</td>
								<td class="pill_r">&nbsp;</td>
							</tr>
						</table>
						</div>
					</div>
				</div>
			</div>
			<div id="search">
				<form action="index.php" method="post">
	<div class="search">
		<input name="searchword" id="mod_search_searchword" maxlength="20" alt="Rechercher" class="inputbox" type="text" size="20" value="rechercher..."  onblur="if(this.value=='') this.value='rechercher...';" onfocus="if(this.value=='rechercher...') this.value='';" />	</div>
	<input type="hidden" name="task"   value="search" />
	<input type="hidden" name="option" value="com_search" />
	<input type="hidden" name="Itemid" value="1" />
</form>
			</div>
			<div id="pathway">
				<span class="breadcrumbs pathway">
{pw}</span>
			</div>
			<div class="clr"></div>
			<div id="whitebox">
				<div id="whitebox_t">
					<div id="whitebox_tl">
						<div id="whitebox_tr"></div>
					</div>
				</div>
				<div id="whitebox_m">
					<div id="area">
						<div id="leftcolumn">
{left}
						</div>
						<div id="maincolumn">
							<table class="nopad">
								<tr valign="top">
									<td>
{c['main']}
									</td>
									<td class="greyline">&nbsp;</td>
									<td width="170">
{right}
									</td>
								</tr>
							</table>
						</div>
						<div class="clr"></div>
					</div>
					<div class="clr"></div>
				</div>
				<div id="whitebox_b">
					<div id="whitebox_bl">
						<div id="whitebox_br"></div>
					</div>
				</div>
			</div>
			<div id="footerspacer"></div>
		</div>
		<div id="footer">
			<div id="footer_l">
				<div id="footer_r">
{joomla_footer(c)}
				</div>
			</div>
		</div>
	</div>
</div>
{c.get('tail', '')}
</body>
</html>
"""


def joomla_buttons(path_q, icons="/images/M_images"):
    return f"""<td align="right" width="100%" class="buttonheading">
<a href="/index.php?view=article&amp;{path_q}&amp;format=pdf" title="PDF" onclick="window.open(this.href,'win2','status=no,toolbar=no,scrollbars=yes,titlebar=no,menubar=no,resizable=yes,width=640,height=480,directories=no,location=no'); return false;" rel="nofollow"><img src="{icons}/pdf_button.png" alt="PDF"  /></a></td>
<td align="right" width="100%" class="buttonheading">
<a href="/index.php?view=article&amp;{path_q}&amp;tmpl=component&amp;print=1&amp;layout=default&amp;page=" title="Imprimer" onclick="window.open(this.href,'win2','status=no,toolbar=no,scrollbars=yes,titlebar=no,menubar=no,resizable=yes,width=640,height=480,directories=no,location=no'); return false;" rel="nofollow"><img src="{icons}/printButton.png" alt="Imprimer"  /></a></td>
<td align="right" width="100%" class="buttonheading">
<a href="/index.php?option=com_mailto&amp;tmpl=component&amp;link={blob(__import__('random').Random(len(path_q)), 45)}" title="Envoyer" onclick="window.open(this.href,'win2','width=400,height=350,menubar=yes,resizable=yes'); return false;"><img src="{icons}/emailButton.png" alt="Envoyer"  /></a></td>"""


def joomla15a_article(a, c):
    q = a["path"].split("?", 1)[1].replace("&", "&amp;")
    body = entities(a["body"]) if c.get("entities", True) else a["body"]
    mod = ""
    if a.get("updated"):
        mod = f"""<tr>
	<td colspan="2"  class="modifydate">
		Mise à jour le {joomla_date(a['updated'], '11:40')}	</td>
</tr>"""
    return f"""<table class="contentpaneopen">
<tr>
		<td class="contentheading" width="100%">
					{a['title']}			</td>
				{joomla_buttons(q)}
		</tr>
</table>

<table class="contentpaneopen">
<tr>
	<td valign="top">
		<span class="small">
			Écrit par {a.get('author') or 'Administrator'}		</span>
		&nbsp;&nbsp;
	</td>
</tr>
<tr>
	<td valign="top" class="createdate">
		{joomla_date(a['date'])}	</td>
</tr>
<tr>
<td valign="top">
{body}</td>
</tr>
{mod}
</table>
<span class="article_separator">&nbsp;</span>
"""


def joomla10_shell(c):
    """Joomla 1.0 with an old table template, iso/windows charset."""
    t, r = c["t"], c["r"]
    c["j10"] = True
    left = joomla_mainmenu(c) + "\n" + joomla_modules(c, ("quick",))
    right = joomla_modules(c, ("latest", "agenda", "newsletter"))
    crumbs = " &gt; ".join((f'<a href="{h}" class="pathway">{l}</a>' if h else l) for l, h in c.get("crumbs", []))
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
{joomla_head(c, v="1.0")}
<body>
<table width="900" border="0" align="center" cellpadding="0" cellspacing="0" class="main">
  <tr>
    <td colspan="3" class="header"><img src="/templates/bernay/images/entete.jpg" width="900" height="160" alt="{esc(t['site'])}" border="0" usemap="#Map" />
<map name="Map" id="Map"><area shape="rect" coords="14,18,286,140" href="/" alt="Accueil" /></map></td>
  </tr>
  <tr>
    <td colspan="3" class="pathway_bg"><span class="pathway">{crumbs}</span></td>
  </tr>
  <tr>
    <td width="190" valign="top" class="left_bg">
{left}
    </td>
    <td valign="top" class="content_bg">
{c['main']}
    </td>
    <td width="190" valign="top" class="right_bg">
{right}
    </td>
  </tr>
  <tr>
    <td colspan="3" class="footer">
{joomla_footer(c)}
    </td>
  </tr>
</table>
{c.get('tail', '')}
</body>
</html>
"""


def joomla10_article(a, c):
    q = "option=com_content&amp;task=view&amp;id=" + a["path"].split("id=")[1].split("&")[0]
    body = a["body"]  # editor set to raw entity encoding: bytes straight from the windows-1252 database
    def j10(day, hm):
        day = d(day)
        return f"{JOURS[day.weekday()]}, {day.day:02d} {MOIS[day.month - 1]} {day.year} {hm}"
    created = j10(a["date"], "14:05")
    up = j10(a["updated"], "16:20")
    return f"""<table class="contentpaneopen">
			<tr>
								<td class="contentheading" width="100%">
					{a['title']}									</td>
							<td align="right" width="100%" class="buttonheading">
			<a href="/index2.php?{q}&amp;pop=1&amp;page=0&amp;Itemid=63" target="_blank" onclick="window.open('/index2.php?{q}&amp;pop=1&amp;page=0&amp;Itemid=63','win2','status=no,toolbar=no,scrollbars=yes,titlebar=no,menubar=no,resizable=yes,width=640,height=480,directories=no,location=no'); return false;" title="Imprimer">
				<img src="/images/M_images/printButton.png"  alt="Imprimer" name="Imprimer" align="middle" border="0" />			</a>
			</td>
						<td align="right" width="100%" class="buttonheading">
			<a href="/index2.php?option=com_content&amp;task=emailform&amp;id=388&amp;itemid=63" target="_blank" onclick="window.open('/index2.php?option=com_content&amp;task=emailform&amp;id=388&amp;itemid=63','win2','status=no,toolbar=no,scrollbars=no,titlebar=no,menubar=no,resizable=yes,width=400,height=250,directories=no,location=no'); return false;" title="E-mail">
				<img src="/images/M_images/emailButton.png"  alt="E-mail" name="E-mail" align="middle" border="0" />			</a>
			</td>
					</tr>
			</table>

		<table class="contentpaneopen">
				<tr>
			<td width="70%" align="left" valign="top" colspan="2">
				<span class="small">
					Écrit par {a['author']}					</span>
				&nbsp;&nbsp;
			</td>
		</tr>
				<tr>
			<td valign="top" colspan="2" class="createdate">
				{created}			</td>
		</tr>
				<tr>
			<td valign="top" colspan="2">
				{body}			</td>
		</tr>
				<tr>
			<td colspan="2" align="left" class="modifydate">
				Dernière mise à jour : ( {up} )
			</td>
		</tr>
				</table>

		<span class="article_seperator">&nbsp;</span>
"""


def joomla15b_shell(c):
    """A JoomlArt-like template (ja_purity): div layout, article-tools, article-content."""
    t, r = c["t"], c["r"]
    nav = []
    for i, (s, items) in enumerate(menu_sections(r)):
        sub = "".join(f'<li><a href="/index.php?option=com_content&amp;view=article&amp;id={r.randint(5, 300)}&amp;Itemid={r.randint(60, 250)}"><span class="menu-title">{esc(x)}</span></a></li>' for x in items)
        nav.append(f'<li class="havechild"><a href="/index.php?option=com_content&amp;view=section&amp;id={i + 1}&amp;Itemid={i + 40}" class="havechild"><span class="menu-title">{esc(s)}</span></a><ul>{sub}</ul></li>')
    crumbs = c.get("crumbs", [("Accueil", "/")])
    pw = ' <img src="/templates/ja_purity/images/arrow.png" alt=""  /> '.join(
        (f'<a href="{h}" class="pathway">{l}</a>' if h else l) for l, h in crumbs)
    right = joomla_modules(c, ("agenda", "latest", "newsletter"))
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr-fr" lang="fr-fr">
{joomla_head(c)}
<body id="bd" class="fs3 Moz" >
<a name="Top" id="Top"></a>
<ul class="accessibility">
	<li><a href="#ja-content" title="Aller au contenu">Aller au contenu</a></li>
	<li><a href="#ja-mainnav" title="Aller au menu">Aller au menu</a></li>
</ul>
<div id="ja-wrapper">
<div id="ja-header" class="clearfix">
	<h1 class="logo"><a href="/index.php" title="{esc(t['site'])}"><span>{t['site']}</span></a></h1>
	<div id="ja-search"><form action="index.php" method="post"><div class="search"><input name="searchword" id="mod_search_searchword" maxlength="20" alt="Rechercher" class="inputbox" type="text" size="20" value="Rechercher..."  onblur="if(this.value=='') this.value='Rechercher...';" onfocus="if(this.value=='Rechercher...') this.value='';" /></div><input type="hidden" name="task"   value="search" /><input type="hidden" name="option" value="com_search" /><input type="hidden" name="Itemid" value="1" /></form></div>
</div>
<div id="ja-mainnav" class="clearfix"><ul class="menu-top">{''.join(nav)}</ul></div>
<div id="ja-containerwrap-fr">
<div id="ja-containerwrap2">
<div id="ja-container"><div id="ja-container2" class="clearfix">
<div id="ja-mainbody-fr" class="clearfix">
<div id="ja-contentwrap"><div id="ja-content">
<div id="ja-pathway"><strong>Vous êtes ici : </strong><span class="breadcrumbs pathway">{pw}</span></div>
{c['main']}
</div></div>
</div>
<div id="ja-col2">
{right}
</div>
</div></div>
</div>
</div>
<div id="ja-footer" class="clearfix">
{joomla_footer(c)}
</div>
</div>
</body>
</html>
"""


def joomla15b_article(a, c):
    q = a["path"].split("?", 1)[1].replace("&", "&amp;")
    body = entities(a["body"])
    return f"""<h2 class="contentheading">
			<a href="{esc(a['path'])}" class="contentpagetitle">
			{a['title']}			</a>
		</h2>
<div class="article-tools">
	<div class="article-meta">
			<span class="createdate">
			{joomla_date(a['date'], '10:00')}		</span>
				<span class="createby">
			Écrit par {a.get('author') or 'Administrator'}		</span>
		</div>
		<div class="buttonheading">
		<span><a href="/index.php?view=article&amp;{q}&amp;tmpl=component&amp;print=1&amp;layout=default&amp;page=" title="Imprimer" onclick="window.open(this.href,'win2','status=no,toolbar=no,scrollbars=yes,titlebar=no,menubar=no,resizable=yes,width=640,height=480,directories=no,location=no'); return false;" rel="nofollow"><img src="/templates/ja_purity/images/printButton.png" alt="Imprimer"  /></a></span>
		<span><a href="/index.php?view=article&amp;{q}&amp;format=pdf" title="PDF" rel="nofollow"><img src="/templates/ja_purity/images/pdf_button.png" alt="PDF"  /></a></span>
		</div>
</div>
<div class="article-content">
{body}</div>
	<span class="modifydate">
		Mise à jour le {joomla_date(a['updated'], '16:47')}	</span>
<span class="article_separator">&nbsp;</span>
"""


# ============================================================================ ASP.NET WebForms
def aspnet_shell(c, variant="a"):
    t, r = c["t"], c["r"]
    vs = blob(r, r.randint(2600, 5200))
    ev = blob(r, r.randint(120, 260))
    charset = c.get("charset", "utf-8")
    ph = "ctl00_ContentPlaceHolder1" if variant == "a" else "ctl00_cphContenu"
    menu_rows = []
    for i, (s, items) in enumerate(menu_sections(r)):
        sub = "".join(f'<tr><td class="SousMenu"><a id="ctl00_ucMenu_rptMenu_ctl0{i}_rptSousMenu_ctl{j:02d}_lnkSousMenu" href="/Pages/Rubrique.aspx?id={r.randint(10, 300)}">{esc(x)}</a></td></tr>' for j, x in enumerate(items))
        menu_rows.append(f'<tr><td class="Menu"><a id="ctl00_ucMenu_rptMenu_ctl0{i}_lnkMenu" href="/Pages/Rubrique.aspx?id={i + 1}">{esc(s)}</a></td></tr>{sub}')
    evs = events_after(r, 4, c["now"])
    agenda = "".join(f'<tr><td class="DateAgenda"><font color="#A6192E"><b>{dmy(dd)}</b></font></td></tr><tr><td class="TexteAgenda"><a href="/Agenda/Detail.aspx?id={r.randint(100, 900)}">{esc(tt)}</a><br />{esc(pl)}</td></tr>' for tt, pl, dd, h in evs)
    return f"""
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">

<html xmlns="http://www.w3.org/1999/xhtml" >
<head id="ctl00_Head1"><title>
	{c['title_tag']}
</title><meta http-equiv="Content-Type" content="text/html; charset={charset}" /><meta name="keywords" content="{t['name']}, mairie, ville, {t['depname']}" /><link href="../App_Themes/Defaut/Styles.css" type="text/css" rel="stylesheet" /><link href="../App_Themes/Defaut/Menu.css" type="text/css" rel="stylesheet" />
<script type="text/javascript" src="../Scripts/fonctions.js"></script>
<style type="text/css">
	.ctl00_ucMenu_mnuPrincipal_0 {{ background-color:white;visibility:hidden;display:none;position:absolute;left:0px;top:0px; }}
	.ctl00_ucMenu_mnuPrincipal_1 {{ text-decoration:none; }}
	.ctl00_ucMenu_mnuPrincipal_2 {{  }}

</style></head>
<body leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">
    <form name="aspnetForm" method="post" action="{esc(c['path'].rsplit('/', 1)[-1])}" id="aspnetForm">
<div>
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUK{vs}" />
</div>

<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['aspnetForm'];
if (!theForm) {{
    theForm = document.aspnetForm;
}}
function __doPostBack(eventTarget, eventArgument) {{
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {{
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }}
}}
//]]>
</script>


<script src="/WebResource.axd?d={blob(r, 60).replace('+', '-').replace('/', '_')}&amp;t=634245046914809245" type="text/javascript"></script>

<table width="980" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#FFFFFF">
  <tr>
    <td colspan="3"><table width="100%" border="0" cellspacing="0" cellpadding="0">
      <tr>
        <td width="280"><a href="/Default.aspx"><img src="../Images/logo.gif" alt="{esc(t['site'])}" width="280" height="120" border="0" /></a></td>
        <td background="../Images/bandeau.jpg" valign="bottom" align="right">
          <table border="0" cellspacing="0" cellpadding="4"><tr>
            <td><input name="ctl00$ucRecherche$txtRecherche" type="text" id="ctl00_ucRecherche_txtRecherche" class="ChampRecherche" /></td>
            <td><input type="image" name="ctl00$ucRecherche$btnRecherche" id="ctl00_ucRecherche_btnRecherche" src="../Images/ok.gif" alt="Rechercher" style="border-width:0px;" /></td>
          </tr></table>
        </td>
      </tr>
    </table></td>
  </tr>
  <tr>
    <td width="200" valign="top" bgcolor="#EFEFEF">
      <table id="ctl00_ucMenu_tblMenu" width="100%" border="0" cellspacing="0" cellpadding="3">
{''.join(menu_rows)}
      </table>
      <br />
      <table width="100%" border="0" cellspacing="0" cellpadding="3" class="BlocAgenda">
        <tr><td class="TitreBloc"><img src="../Images/puce.gif" alt="" /> Agenda</td></tr>
{agenda}
        <tr><td align="right"><a id="ctl00_ucAgenda_lnkTout" href="/Agenda/Liste.aspx">&gt; Tout l'agenda</a></td></tr>
      </table>
    </td>
    <td width="15"><img src="../Images/spacer.gif" width="15" height="1" alt="" /></td>
    <td valign="top">
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr><td class="FilAriane"><span id="ctl00_lblFilAriane"><a href="/Default.aspx">Accueil</a> &gt; <a href="/Actualites/Liste.aspx">Actualités</a></span></td></tr>
        <tr><td><img src="../Images/spacer.gif" width="1" height="10" alt="" /></td></tr>
        <tr>
          <td valign="top">
{c['main']}
          </td>
        </tr>
      </table>
    </td>
  </tr>
  <tr>
    <td colspan="3" class="Pied" align="center">
      <font face="Arial, Helvetica, sans-serif" size="1" color="#666666">{t['site']} - {t['addr']} - {t['cp']} {t['name']} - Tél. : {t['tel']}<br />
      Ouvert du lundi au vendredi de 8h30 à 12h00 et de 13h30 à 17h30<br />
      &copy; {c['now'].year} {t['site']} - <a id="ctl00_lnkMentions" href="/Pages/Mentions.aspx">Mentions légales</a> - <a id="ctl00_lnkPlan" href="/Pages/PlanDuSite.aspx">Plan du site</a> - <a id="ctl00_lnkContact" href="/Pages/Contact.aspx">Contact</a></font>
    </td>
  </tr>
</table>

<div>

	<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEW{ev}" />
</div>

<script type="text/javascript">
//<![CDATA[
WebForm_AutoFocus('ctl00_ucRecherche_txtRecherche');//]]>
</script>
</form>
{ga_old(r)}
</body>
</html>
"""


def aspnet_a_article(a, c):
    ph = "ctl00_ContentPlaceHolder1"
    body = p_to_br(a["body"])
    if a.get("updated"):
        date = (f'<span id="{ph}_lblDate" class="DateActu">Date de mise en ligne : {dmy(a["date"])}</span><br />'
                f'<span id="{ph}_lblModif" class="DateModif">Dernière modification : {dmy(a["updated"])}</span>')
    else:
        date = f'<span id="{ph}_lblDate" class="DateActu">Publié le {dmy(a["date"])}</span>'
    title = (f'<span id="{ph}_lblTitre" class="TitreActu">{a["title"]}</span>' if a["town"] == "montargis"
             else f'<h1 class="TitreActu"><span id="{ph}_lblTitre">{a["title"]}</span></h1>')
    return f"""<table id="{ph}_tblActu" width="100%" border="0" cellspacing="0" cellpadding="5">
  <tr>
    <td class="CadreTitre">{title}</td>
  </tr>
  <tr>
    <td>{date}</td>
  </tr>
  <tr>
    <td><table border="0" cellspacing="0" cellpadding="0" align="right"><tr><td><img id="{ph}_imgActu" src="../Upload/Actualites/{a['name'][:18]}.jpg" alt="" style="border-width:0px;width:200px;" /></td></tr></table>
    <font face="Arial, Helvetica, sans-serif" size="2"><span id="{ph}_lblTexte">{body}</span></font></td>
  </tr>
  <tr>
    <td align="right"><a id="{ph}_lnkImprimer" href="javascript:window.print();"><img src="../Images/imprimer.gif" alt="" border="0" /> Imprimer</a> &nbsp; <a id="{ph}_lnkRetour" href="javascript:history.back()">&lt;&lt; Retour à la liste</a></td>
  </tr>
</table>"""


def aspnet_b_article(a, c):
    ph = "ctl00_cphContenu"
    blocks = split_blocks(a["body"])
    first, rest = blocks[:2], blocks[2:]
    fp = p_to_br("\n".join(first))
    rp = p_to_br("\n".join(rest))
    if a.get("date"):
        dd = d(a["date"])
        date_row = f'<tr><td class="dateActu"><span id="{ph}_lblDate">Le {fr(dd, weekday=True, abbr=True)}</span></td></tr>'
    else:
        date_row = ""
    title = (f'<tr><td class="titreActu"><span id="{ph}_lblTitre">{a["title"]}</span></td></tr>' if a["town"] == "gueret"
             else f'<tr><td class="titreActu"><h1><span id="{ph}_lblTitre">{a["title"]}</span></h1></td></tr>')
    return f"""<table id="{ph}_tblActu" class="tableActu" width="100%" cellpadding="4" cellspacing="0" border="0">
  {title}
  {date_row}
  <font face="Verdana, Arial" size="2" color="#333333">{fp}<br /><br /></font>
  <tr><td class="texteActu"><font face="Verdana, Arial" size="2" color="#333333">{rp}</font></td></tr>
  <tr><td align="right"><a id="{ph}_lnkRetour" href="javascript:history.back()">&lt;&lt; Retour</a></td></tr>
</table>"""


# ============================================================================ Dreamweaver static
def static_dw_page(a, c):
    t, r = c["t"], c["r"]
    body = p_to_br(a["body"])
    segs = a["path"].strip("/").replace(".html", "").split("/")
    crumb = '<a href="/index.html">accueil</a> / ' + " / ".join(
        f'<a href="/{"/".join(segs[:i + 1])}/">{s}</a>' for i, s in enumerate(segs[:-1])) + " / " + segs[-1]
    imgs = "".join(f'<td><a href="/{p}.html" onmouseout="MM_swapImgRestore()" onmouseover="MM_swapImage(\'{p}\',\'\',\'/images/menu/{p}_on.gif\',1)"><img src="/images/menu/{p}.gif" alt="{l}" name="{p}" width="{w}" height="32" border="0" id="{p}" /></a></td>'
                   for p, l, w in [("mairie", "La mairie", 110), ("demarches", "Démarches", 110), ("vivre", "Vivre à Mende", 130),
                                   ("culture", "Culture et loisirs", 150), ("actualites", "Actualités", 110), ("contact", "Contact", 90)])
    news = news_after(r, OTHER_NEWS, 5, c["pub"])
    side = "".join(f'<tr><td class="petit"><img src="/images/puce.gif" width="7" height="7" alt="" /> <a href="/actualites/{dd.year}/{dd.month:02d}/{dd.day:02d}/{slug(tt)[:30]}.html">{esc(tt)}</a></td></tr>' for tt, s, dd in news)
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html><!-- InstanceBegin template="/Templates/modele_page.dwt" codeOutsideHTMLIsLocked="false" -->
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<!-- InstanceBeginEditable name="doctitle" -->
<title>{c['title_tag']}</title>
<!-- InstanceEndEditable -->
<meta name="keywords" content="Mende, Lozère, mairie, ville, cyber-base, internet">
<link href="/css/style.css" rel="stylesheet" type="text/css">
<script type="text/JavaScript">
<!--
function MM_swapImgRestore() {{ //v3.0
  var i,x,a=document.MM_sr; for(i=0;a&&i<a.length&&(x=a[i])&&x.oSrc;i++) x.src=x.oSrc;
}}
function MM_preloadImages() {{ //v3.0
  var d=document; if(d.images){{ if(!d.MM_p) d.MM_p=new Array();
    var i,j=d.MM_p.length,a=MM_preloadImages.arguments; for(i=0; i<a.length; i++)
    if (a[i].indexOf("#")!=0){{ d.MM_p[j]=new Image; d.MM_p[j++].src=a[i];}}}}
}}
function MM_findObj(n, d) {{ //v4.01
  var p,i,x;  if(!d) d=document; if((p=n.indexOf("?"))>0&&parent.frames.length) {{
    d=parent.frames[n.substring(p+1)].document; n=n.substring(0,p);}}
  if(!(x=d[n])&&d.all) x=d.all[n]; for (i=0;!x&&i<d.forms.length;i++) x=d.forms[i][n];
  for(i=0;!x&&d.layers&&i<d.layers.length;i++) x=MM_findObj(n,d.layers[i].document);
  if(!x && d.getElementById) x=d.getElementById(n); return x;
}}
function MM_swapImage() {{ //v3.0
  var i,j=0,x,a=MM_swapImage.arguments; document.MM_sr=new Array; for(i=0;i<(a.length-2);i+=3)
   if ((x=MM_findObj(a[i]))!=null){{document.MM_sr[j++]=x; if(!x.oSrc) x.oSrc=x.src; x.src=a[i+2];}}
}}
//-->
</script>
<!-- InstanceBeginEditable name="head" --><!-- InstanceEndEditable -->
</head>

<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0" marginwidth="0" marginheight="0" onLoad="MM_preloadImages('/images/menu/mairie_on.gif','/images/menu/demarches_on.gif','/images/menu/vivre_on.gif','/images/menu/culture_on.gif','/images/menu/actualites_on.gif','/images/menu/contact_on.gif')">
<table width="800" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td><img src="/images/bandeau.jpg" width="800" height="140" alt="Ville de Mende - Lozère"></td>
  </tr>
  <tr>
    <td><table border="0" cellspacing="0" cellpadding="0"><tr>{imgs}</tr></table></td>
  </tr>
  <tr>
    <td><img src="/images/spacer.gif" width="1" height="8" alt=""></td>
  </tr>
  <tr>
    <td><table width="100%" border="0" cellspacing="0" cellpadding="0">
      <tr>
        <td width="600" valign="top" class="contenu">
        <!-- InstanceBeginEditable name="contenu" -->
          <table width="100%" border="0" cellspacing="0" cellpadding="6">
            <tr>
              <td class="filariane">Vous êtes ici : {crumb}</td>
            </tr>
            <tr>
              <td class="titre">{a['title']}</td>
            </tr>
            <tr>
              <td class="texte"><img src="/actualites/images/cyber-base.jpg" width="220" height="165" align="right" hspace="8" vspace="4" alt="">
              {body}</td>
            </tr>
            <tr>
              <td align="right" class="petit"><a href="javascript:history.back()">&lt; retour</a> | <a href="#haut">haut de page</a></td>
            </tr>
          </table>
        <!-- InstanceEndEditable -->
        </td>
        <td width="10"><img src="/images/spacer.gif" width="10" height="1" alt=""></td>
        <td width="190" valign="top" bgcolor="#F3EFE0">
          <table width="100%" border="0" cellspacing="0" cellpadding="4">
            <tr><td class="titrebloc">Autres actualités</td></tr>
{side}
            <tr><td class="titrebloc">Infos pratiques</td></tr>
            <tr><td class="petit">Mairie de Mende<br>{t['addr']}<br>{t['cp']} Mende<br>Tél. {t['tel']}<br><br>Du lundi au vendredi<br>8h30-12h / 13h30-17h30</td></tr>
          </table>
        </td>
      </tr>
    </table></td>
  </tr>
  <tr>
    <td class="pied" align="center">Mairie de Mende - {t['addr']} - {t['cp']} Mende - &copy; 2004-{c['now'].year} - <a href="/mentions.html">mentions légales</a> - <a href="/plan.html">plan du site</a><br>
      Site optimisé pour une résolution de 1024x768 - Internet Explorer 6 et Firefox 3</td>
  </tr>
</table>
{ga_old(r)}
</body>
<!-- InstanceEnd --></html>
"""
