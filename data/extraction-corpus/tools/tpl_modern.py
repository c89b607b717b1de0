"""Drupal 7/9, TYPO3 (css_styled_content, tt_news), commercial town-hall builders, e-monsite."""
import json

from parts import *  # noqa
from tpl_wp import og_meta


# ============================================================================ Drupal 7
def d7_head(c):
    t, r = c["t"], c["r"]
    return f"""<head profile="http://www.w3.org/1999/xhtml/vocab">
  <meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<link rel="shortcut icon" href="{t['url']}/sites/all/themes/{t['key']}/favicon.ico" type="image/vnd.microsoft.icon" />
<meta name="Generator" content="Drupal 7 (http://drupal.org)" />
{c.get('head_extra', '')}
  <title>{c['title_tag']}</title>
  <style type="text/css" media="all">
@import url("{t['url']}/modules/system/system.base.css?o{hexid(r, 5)}");
@import url("{t['url']}/modules/system/system.menus.css?o{hexid(r, 5)}");
@import url("{t['url']}/modules/system/system.messages.css?o{hexid(r, 5)}");
@import url("{t['url']}/modules/system/system.theme.css?o{hexid(r, 5)}");
</style>
<style type="text/css" media="all">
@import url("{t['url']}/modules/comment/comment.css?o{hexid(r, 5)}");
@import url("{t['url']}/sites/all/modules/date/date_api/date.css?o{hexid(r, 5)}");
@import url("{t['url']}/modules/field/theme/field.css?o{hexid(r, 5)}");
@import url("{t['url']}/modules/node/node.css?o{hexid(r, 5)}");
@import url("{t['url']}/sites/all/modules/views/css/views.css?o{hexid(r, 5)}");
</style>
<style type="text/css" media="all">
@import url("{t['url']}/sites/all/themes/{t['key']}/css/layout.css?o{hexid(r, 5)}");
@import url("{t['url']}/sites/all/themes/{t['key']}/css/style.css?o{hexid(r, 5)}");
</style>
  <script type="text/javascript" src="{t['url']}/misc/jquery.js?v=1.4.4"></script>
<script type="text/javascript" src="{t['url']}/misc/jquery.once.js?v=1.2"></script>
<script type="text/javascript" src="{t['url']}/misc/drupal.js?o{hexid(r, 5)}"></script>
<script type="text/javascript" src="{t['url']}/sites/default/files/languages/fr_{hexid(r, 32)}.js?o{hexid(r, 5)}"></script>
<script type="text/javascript">
<!--//--><![CDATA[//><!--
jQuery.extend(Drupal.settings, {{"basePath":"\\/","pathPrefix":"","ajaxPageState":{{"theme":"{t['key']}","theme_token":"{blob(r, 30)[:43]}","js":{{"misc\\/jquery.js":1,"misc\\/jquery.once.js":1,"misc\\/drupal.js":1}},"css":{{"modules\\/system\\/system.base.css":1,"modules\\/system\\/system.menus.css":1}}}},"eu_cookie_compliance":{{"popup_enabled":1,"popup_agreed_enabled":0,"popup_hide_agreed":0,"popup_clicking_confirmation":1,"popup_html_info":"\\u003Cdiv\\u003E\\n  \\u003Cdiv class =\\u0022popup-content info\\u0022\\u003E\\n    \\u003Cdiv id=\\u0022popup-text\\u0022\\u003E\\n      \\u003Cp\\u003ENous utilisons des cookies pour mesurer l\\u0027audience du site.\\u003C\\/p\\u003E\\n    \\u003C\\/div\\u003E\\n  \\u003C\\/div\\u003E\\n\\u003C\\/div\\u003E","popup_height":"auto","popup_width":"100%","popup_delay":1000,"popup_link":"\\/mentions-legales","popup_position":0,"popup_language":"fr","domain":""}},"googleanalytics":{{"trackOutbound":1,"trackMailto":1,"trackDownload":1,"trackDownloadExtensions":"7z|aac|arc|arj|asf|asx|avi|bin|csv|doc|exe|flv|gif|gz|gzip|hqx|jar|jpe?g|js|mp(2|3|4|e?g)|mov(ie)?|msi|msp|pdf|phps|png|ppt|qtm?|ra(m|r)?|sea|sit|tar|tgz|torrent|txt|wav|wma|wmv|wpd|xls|xml|z|zip"}}}});
//--><!]]>
</script>
</head>"""


def d7_menu(c):
    r = c["r"]
    out = []
    mlid = 300
    for i, (s, items) in enumerate(menu_sections(r)):
        mlid += 17
        sub = "".join(f'<li class="leaf{" first" if j == 0 else ""}{" last" if j == len(items) - 1 else ""}"><a href="/{slug(s)}/{slug(x)}" title="">{esc(x)}</a></li>' for j, x in enumerate(items))
        out.append(f'<li class="expanded menu-mlid-{mlid}{" first" if i == 0 else ""}"><a href="/{slug(s)}" title="">{esc(s)}</a><ul class="menu">{sub}</ul></li>')
    return '<ul class="menu">' + "".join(out) + "</ul>"


def d7_shell(c, logo_h1=False):
    t, r = c["t"], c["r"]
    crumbs = c.get("crumbs", [("Accueil", "/")])
    bc = " » ".join(f'<a href="{h}">{l}</a>' for l, h in crumbs if h)
    if logo_h1:
        name = f'<div id="name-and-slogan"><h1 id="site-name"><a href="/" title="Accueil" rel="home"><span>{t["site"]}</span></a></h1><div id="site-slogan">Au cœur du massif de la Chartreuse</div></div>'
        ptitle = ""
    else:
        name = f'<div id="name-and-slogan"><div id="site-name"><strong><a href="/" title="Accueil" rel="home"><span>{t["site"]}</span></a></strong></div></div>'
        ptitle = f'<h1 class="title" id="page-title">{c["h1"]}</h1>' if c.get("h1") else ""
    side = c.get("sidebar")
    if side is None:
        evs = events_after(r, 4, c["now"])
        ev = "".join(f'<div class="views-row views-row-{i + 1}"><div class="views-field views-field-field-date-evenement"><div class="field-content"><span class="date-display-single">{fr(dd, weekday=True, abbr=True)}</span></div></div><div class="views-field views-field-title"><span class="field-content"><a href="/agenda/{slug(tt)}">{esc(tt)}</a></span></div></div>' for i, (tt, pl, dd, h) in enumerate(evs))
        news = news_after(r, OTHER_NEWS + NUMERIC_NEWS, 5, c.get("pub") or c["now"])
        nw = "".join(f'<li class="views-row"><span class="views-field views-field-created"><span class="field-content">{dmy(dd)}</span></span> <span class="views-field views-field-title"><span class="field-content"><a href="/actualites/{slug(tt)}">{esc(tt)}</a></span></span></li>' for tt, s, dd in news)
        side = f"""<div class="region region-sidebar-second">
    <div id="block-views-agenda-block" class="block block-views">
        <h2>Agenda</h2>
  <div class="content">
    <div class="view view-agenda view-id-agenda view-display-id-block"><div class="view-content">{ev}</div><div class="more-link"><a href="/agenda">Tout l'agenda</a></div></div>  </div>
</div>
<div id="block-views-actualites-block-1" class="block block-views">
        <h2>Dernières actualités</h2>
  <div class="content">
    <div class="view view-actualites view-id-actualites view-display-id-block_1"><div class="item-list"><ul>{nw}</ul></div></div>  </div>
</div>
<div id="block-block-4" class="block block-block">
        <h2>Accès rapides</h2>
  <div class="content">
    <ul><li><a href="/demarches-en-ligne">Démarches en ligne</a></li><li><a href="/conseil-municipal">Conseil municipal</a></li><li><a href="/menus-cantine">Menus de la cantine</a></li><li><a href="/plan-interactif">Plan interactif</a></li><li><a href="/publications">Publications</a></li></ul>  </div>
</div>
  </div>"""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML+RDFa 1.0//EN"
  "http://www.w3.org/MarkUp/DTD/xhtml-rdfa-1.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr" version="XHTML+RDFa 1.0" dir="ltr"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/terms/"
  xmlns:foaf="http://xmlns.com/foaf/0.1/"
  xmlns:og="http://ogp.me/ns#"
  xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"
  xmlns:sioc="http://rdfs.org/sioc/ns#"
  xmlns:sioct="http://rdfs.org/sioc/types#"
  xmlns:skos="http://www.w3.org/2004/02/skos/core#"
  xmlns:xsd="http://www.w3.org/2001/XMLSchema#">
{d7_head(c)}
<body class="{c.get('body_class', 'html not-front not-logged-in one-sidebar sidebar-second page-node node-type-article i18n-fr')}" >
  <div id="skip-link">
    <a href="#main-content" class="element-invisible element-focusable">Aller au contenu principal</a>
  </div>
    <div id="page-wrapper"><div id="page">
    <div id="header"><div class="section clearfix">
              <a href="/" title="Accueil" rel="home" id="logo">
          <img src="{t['url']}/sites/default/files/logo_{t['key']}.png" alt="Accueil" />
        </a>
              {name}
        <div class="region region-header">
    <div id="block-search-form" class="block block-search">
  <div class="content">
    <form action="/" method="post" id="search-block-form" accept-charset="UTF-8"><div><div class="container-inline">
      <h2 class="element-invisible">Formulaire de recherche</h2>
    <div class="form-item form-type-textfield form-item-search-block-form">
  <label class="element-invisible" for="edit-search-block-form--2">Rechercher </label>
 <input title="Indiquer les termes à rechercher" type="text" id="edit-search-block-form--2" name="search_block_form" value="" size="15" maxlength="128" class="form-text" />
</div>
<div class="form-actions form-wrapper" id="edit-actions"><input type="submit" id="edit-submit" name="op" value="Rechercher" class="form-submit" /></div><input type="hidden" name="form_build_id" value="form-{blob(r, 32)[:43].replace('/', '_').replace('+', '-')}" />
<input type="hidden" name="form_id" value="search_block_form" />
</div>
</div></form>  </div>
</div>
  </div>
    </div></div> <!-- /.section, /#header -->
          <div id="navigation"><div class="section">
        <div class="region region-navigation"><div id="block-system-main-menu" class="block block-system block-menu"><div class="content">{d7_menu(c)}</div></div></div>
      </div></div> <!-- /.section, /#navigation -->
          <div id="breadcrumb"><h2 class="element-invisible">Vous êtes ici</h2><div class="breadcrumb">{bc}</div></div>
    <div id="main-wrapper"><div id="main" class="clearfix">
      <div id="content" class="column"><div class="section">
                <a id="main-content"></a>
                {ptitle}
                        <div class="tabs"></div>
                          <div class="region region-content">
    <div id="block-system-main" class="block block-system">
  <div class="content">
{c['main']}
  </div>
</div>
  </div>
      </div></div> <!-- /.section, /#content -->
              <div id="sidebar-second" class="column sidebar"><div class="section">
{side}
        </div></div> <!-- /.section, /#sidebar-second -->
    </div></div> <!-- /#main, /#main-wrapper -->
    <div id="footer"><div class="section">
        <div class="region region-footer">
    <div id="block-block-1" class="block block-block">
  <div class="content">
    <p><strong>{t['site']}</strong> – {t['addr']} – {t['cp']} {t['name']} – Tél. {t['tel']}</p>
<p>Du lundi au vendredi de 8 h 30 à 12 h et de 13 h 30 à 17 h 30.</p>
<p>© {c['now'].year} {t['site']} – <a href="/mentions-legales">Mentions légales</a> – <a href="/plan-du-site">Plan du site</a> – <a href="/contact">Contact</a></p>  </div>
</div>
  </div>
      </div></div> <!-- /.section, /#footer -->
  </div></div> <!-- /#page, /#page-wrapper -->
  <div id="sliding-popup" class="sliding-popup-bottom" style="display:none"></div>
{c.get('tail', '')}
</body>
</html>
"""


def d7_article(a, c, logo_h1=False):
    t, r = c["t"], c["r"]
    nid = c["post_id"]
    pub = d(a["date"])
    hh, mm = (16, 40) if logo_h1 else (10, 24) if a["town"] == "issy" else (9, 12)
    created = f"{pub.isoformat()}T{hh:02d}:{mm:02d}:00+0{1 if pub.month in (1, 2, 3, 11, 12) else 2}:00"
    jour = JOURS_ABR[pub.weekday()].rstrip(".")
    submitted = (f'<div class="submitted"><span property="dc:date dc:created" content="{created}" datatype="xsd:dateTime" rel="sioc:has_creator">'
                 f'Soumis par <span class="username" xml:lang="" about="/users/{a["author"].lower().replace(" ", "-")}" typeof="sioc:UserAccount" property="foaf:name" datatype="">{a["author"]}</span> le {jour}, {dmy(pub)} - {hh:02d}:{mm:02d}</span></div>')
    title = f'<h2><a href="{a["path"]}">{a["title"]}</a></h2>' if logo_h1 else f'<span property="dc:title" content="{esc(a["title"])}" class="rdf-meta element-hidden"></span>'
    datefield = ""
    if not logo_h1:
        datefield = (f'<div class="field field-name-field-date field-type-datetime field-label-hidden"><div class="field-items"><div class="field-item even">'
                     f'<span class="date-display-single" property="dc:date" datatype="xsd:dateTime" content="{pub.isoformat()}T00:00:00+02:00">{fr(pub)}</span></div></div></div>')
    tags = "".join(f'<li class="field-item {"even" if i % 2 == 0 else "odd"}"><a href="/mots-cles/{slug(x)}" typeof="skos:Concept" property="rdfs:label skos:prefLabel" datatype="">{x}</a></li>'
                   for i, x in enumerate(c.get("tags", ["Numérique", "Démocratie locale"])))
    return f"""<div id="node-{nid}" class="node node-article node-promoted {"node-teaser" if False else ""}clearfix" about="{a['path']}" typeof="sioc:Item foaf:Document">
      {title}
      {submitted}
  <div class="content">
    {datefield}<div class="field field-name-field-image field-type-image field-label-hidden"><div class="field-items"><div class="field-item even" rel="og:image rdfs:seeAlso" resource="{t['url']}/sites/default/files/styles/large/public/{slug(a['title'])[:25]}.jpg"><img typeof="foaf:Image" src="{t['url']}/sites/default/files/styles/large/public/{slug(a['title'])[:25]}.jpg?itok={blob(r, 6)[:8]}" width="480" height="320" alt="" /></div></div></div><div class="field field-name-body field-type-text-with-summary field-label-hidden"><div class="field-items"><div class="field-item even" property="content:encoded">{a['body']}</div></div></div><div class="field field-name-field-tags field-type-taxonomy-term-reference field-label-above"><div class="field-label">Mots-clés&nbsp;:&nbsp;</div><ul class="field-items">{tags}</ul></div>  </div>
  <ul class="links inline"><li class="print_html first"><a href="/print/{nid}" title="Afficher une version imprimable de cette page." class="print-page" rel="nofollow">Version imprimable</a></li>
<li class="comment_forbidden last"><span><a href="/user/login?destination=node/{nid}%23comment-form">Connectez-vous</a> pour poster des commentaires</span></li>
</ul>
</div>"""


# ============================================================================ Drupal 9
def d9_shell(c):
    t, r = c["t"], c["r"]
    nav = []
    for s, items in menu_sections(r):
        sub = "".join(f'<li class="menu__item"><a href="/{slug(s)}/{slug(x)}" class="menu__link" data-drupal-link-system-path="node/{r.randint(10, 2000)}">{esc(x)}</a></li>' for x in items)
        nav.append(f'<li class="menu__item menu__item--expanded"><span class="menu__link menu__link--nolink">{esc(s)}</span><ul class="menu menu--level-2">{sub}</ul></li>')
    crumbs = c.get("crumbs", [("Accueil", "/")])
    bc = "".join(f'<li class="breadcrumb__item"><a href="{h}">{l}</a></li>' if h else f'<li class="breadcrumb__item">{l}</li>' for l, h in crumbs)
    settings = {"path": {"baseUrl": "/", "scriptPath": None, "pathPrefix": "", "currentPath": c.get("dpath", "node/1"), "currentPathIsAdmin": False, "isFront": c.get("front", False), "currentLanguage": "fr"},
                "pluralDelimiter": "\u0003", "suppressDeprecationErrors": True,
                "ajaxPageState": {"libraries": "classy/base,classy/messages,core/normalize,eu_cookie_compliance/eu_cookie_compliance_default,matomo/matomo,system/base," + t["key"] + "/global-styling", "theme": t["key"], "theme_token": None},
                "matomo": {"disableCookies": False, "trackMailto": True},
                "eu_cookie_compliance": {"cookie_policy_version": "1.0.0", "popup_enabled": True, "popup_agreed_enabled": False, "popup_hide_agreed": False, "popup_clicking_confirmation": False, "popup_scrolling_confirmation": False,
                                         "popup_html_info": "<div aria-labelledby=\"popup-text\"  class=\"eu-cookie-compliance-banner eu-cookie-compliance-banner-info eu-cookie-compliance-banner--opt-in\">\n  <div class=\"popup-content info eu-cookie-compliance-content\">\n        <div id=\"popup-text\" class=\"eu-cookie-compliance-message\" role=\"document\">\n      <p>Ce site utilise des cookies pour mesurer son audience. Vous pouvez les accepter ou les refuser.</p>\n          </div>\n    <div id=\"popup-buttons\" class=\"eu-cookie-compliance-buttons\">\n      <button type=\"button\" class=\"agree-button eu-cookie-compliance-secondary-button\">J'accepte</button>\n      <button type=\"button\" class=\"decline-button eu-cookie-compliance-default-button\">Je refuse</button>\n    </div>\n  </div>\n</div>",
                                         "popup_link": "/donnees-personnelles", "popup_position": False, "popup_language": "fr", "method": "opt_in", "cookie_name": "", "reload_page": False, "domain": "", "cookie_session": 0},
                "user": {"uid": 0, "permissionsHash": hexid(r, 64)}}
    side = c.get("sidebar")
    if side is None:
        evs = events_after(r, 4, c["now"])
        ev = "".join(f'<div class="views-row"><article class="node node--type-evenement node--view-mode-teaser"><div class="event-date"><time datetime="{dd.isoformat()}T{h.split(" ")[0]:0>2}:00:00Z"><span class="event-date__day">{dd.day}</span> <span class="event-date__month">{MOIS_ABR[dd.month - 1]}</span></time></div><h3 class="node__title"><a href="/agenda/{slug(tt)}" rel="bookmark"><span class="field field--name-title field--type-string field--label-hidden">{esc(tt)}</span></a></h3><div class="field field--name-field-lieu field--type-string field--label-hidden field__item">{esc(pl)}</div></article></div>' for tt, pl, dd, h in evs)
        side = f"""<aside class="layout-sidebar-second" role="complementary">
    <div class="region region-sidebar-second">
    <div class="views-element-container block block-views block-views-blockagenda-block-1" id="block-views-block-agenda-block-1">
      <h2>Agenda</h2>
      <div><div class="view view-agenda view-id-agenda view-display-id-block_1 js-view-dom-id-{hexid(r, 64)}"><div class="view-content">{ev}</div><div class="more-link"><a href="/agenda">Tout l'agenda</a></div></div></div>
  </div>
<div id="block-accesrapides" class="block block-block-content block-block-content{hexid(r, 8)}-{hexid(r, 4)}">
      <h2>En un clic</h2>
      <div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item"><ul><li><a href="/demarches">Démarches</a></li><li><a href="/portail-famille">Portail famille</a></li><li><a href="/signaler">Signaler un problème</a></li><li><a href="/recrutement">Offres d'emploi</a></li><li><a href="/publications">Le magazine</a></li><li><a href="/marches-publics">Marchés publics</a></li></ul></div>
  </div>
  </div>
  </aside>"""
    return f"""<!DOCTYPE html>
<html lang="fr" dir="ltr" prefix="content: http://purl.org/rss/1.0/modules/content/  dc: http://purl.org/dc/terms/  foaf: http://xmlns.com/foaf/0.1/  og: http://ogp.me/ns#  rdfs: http://www.w3.org/2000/01/rdf-schema#  schema: http://schema.org/  sioc: http://rdfs.org/sioc/ns#  sioct: http://rdfs.org/sioc/types#  skos: http://www.w3.org/2004/02/skos/core#  xsd: http://www.w3.org/2001/XMLSchema# ">
  <head>
    <meta charset="utf-8" />
<script>var _paq = _paq || [];(function(){{var u=(("https:" == document.location.protocol) ? "https://stats.{t['domain'].replace('www.', '')}/" : "http://stats.{t['domain'].replace('www.', '')}/");_paq.push(["setSiteId", "{r.randint(1, 30)}"]);_paq.push(["setTrackerUrl", u+"matomo.php"]);_paq.push(["setDoNotTrack", 1]);if (!window.matomo_search_results_active) {{_paq.push(["trackPageView"]);}}_paq.push(["setIgnoreClasses", ["no-tracking","colorbox"]]);_paq.push(["enableLinkTracking"]);var d=document,g=d.createElement("script"),s=d.getElementsByTagName("script")[0];g.type="text/javascript";g.defer=true;g.async=true;g.src=u+"matomo.js";s.parentNode.insertBefore(g,s);}})();</script>
<meta name="Generator" content="Drupal 9 (https://www.drupal.org)" />
<meta name="MobileOptimized" content="width" />
<meta name="HandheldFriendly" content="true" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
{c.get('head_extra', '')}
<link rel="icon" href="/themes/custom/{t['key']}/favicon.ico" type="image/vnd.microsoft.icon" />
    <title>{c['title_tag']}</title>
    <link rel="stylesheet" media="all" href="/sites/default/files/css/css_{blob(r, 32)[:43].replace('/', '_').replace('+', '-')}.css" />
<link rel="stylesheet" media="all" href="/sites/default/files/css/css_{blob(r, 32)[:43].replace('/', '_').replace('+', '-')}.css" />
  </head>
  <body class="{c.get('body_class', 'path-node page-node-type-article')}">
        <a href="#main-content" class="visually-hidden focusable skip-link">
      Aller au contenu principal
    </a>
    <div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
    <div class="layout-container">
  <header role="banner" class="header">
      <div class="region region-header">
    <div id="block-{t['key']}-branding" class="block block-system block-system-branding-block">
        <a href="/" rel="home" class="site-logo"><img src="/themes/custom/{t['key']}/logo.svg" alt="Accueil" /></a>
        <div class="site-name"><a href="/" rel="home">{t['site']}</a></div>
  </div>
<div class="search-block-form block block-search container-inline" data-drupal-selector="search-block-form" id="block-{t['key']}-search" role="search">
      <form action="/recherche" method="get" id="search-block-form" accept-charset="UTF-8"><div class="js-form-item form-item js-form-type-search form-type-search js-form-item-keys form-item-keys form-no-label"><label for="edit-keys" class="visually-hidden">Rechercher</label><input title="Saisir les termes à rechercher." data-drupal-selector="edit-keys" type="search" id="edit-keys" name="keys" value="" size="15" maxlength="128" class="form-search" /></div><div data-drupal-selector="edit-actions" class="form-actions js-form-wrapper form-wrapper" id="edit-actions"><input data-drupal-selector="edit-submit" type="submit" id="edit-submit" value="Rechercher" class="button js-form-submit form-submit" /></div></form>
  </div>
  </div>
  </header>
  <div class="region region-primary-menu">
    <nav role="navigation" aria-labelledby="block-{t['key']}-main-menu-menu" id="block-{t['key']}-main-menu" class="block block-menu navigation menu--main">
      <h2 class="visually-hidden" id="block-{t['key']}-main-menu-menu">Navigation principale</h2>
      <ul class="menu menu--level-1">{''.join(nav)}</ul>
  </nav>
  </div>
    <div class="region region-breadcrumb">
    <div id="block-{t['key']}-breadcrumbs" class="block block-system block-system-breadcrumb-block">
      <nav class="breadcrumb" role="navigation" aria-labelledby="system-breadcrumb">
    <h2 id="system-breadcrumb" class="visually-hidden">Fil d'Ariane</h2>
    <ol>{bc}</ol>
  </nav>
  </div>
  </div>
  <main role="main">
    <a id="main-content" tabindex="-1"></a>
    <div class="layout-content">
        <div class="region region-content">
    <div data-drupal-messages-fallback class="hidden"></div>
{c['main']}
  </div>
    </div>
{side}
  </main>
    <footer role="contentinfo" class="footer">
        <div class="region region-footer">
    <div id="block-coordonnees" class="block block-block-content">
      <div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item"><p><strong>{t['site']}</strong><br />{t['addr']}<br />{t['cp']} {t['name']}<br />{t['tel']}</p><p>Du lundi au vendredi, de 8 h 30 à 17 h 30 (sauf jours fériés).</p></div>
  </div>
<nav role="navigation" aria-labelledby="block-piedpage-menu" id="block-piedpage" class="block block-menu navigation menu--footer">
      <h2 class="visually-hidden" id="block-piedpage-menu">Pied de page</h2>
        <ul class="menu"><li class="menu-item"><a href="/mentions-legales">Mentions légales</a></li><li class="menu-item"><a href="/accessibilite">Accessibilité</a></li><li class="menu-item"><a href="/donnees-personnelles">Données personnelles</a></li><li class="menu-item"><a href="/plan-du-site">Plan du site</a></li><li class="menu-item"><a href="/contact">Contact</a></li></ul>
  </nav>
<div class="copyright">© {c['now'].year} {t['site']}</div>
  </div>
    </footer>
</div>
  </div>
    <script type="application/json" data-drupal-selector="drupal-settings-json">{json.dumps(settings, ensure_ascii=True)}</script>
<script src="/sites/default/files/js/js_{blob(r, 32)[:43].replace('/', '_').replace('+', '-')}.js"></script>
{c.get('tail', '')}
  </body>
</html>
"""


def d9_article(a, c, visible_dates=False):
    t, r = c["t"], c["r"]
    nid = c["post_id"]
    pub = d(a["date"])
    if visible_dates:
        upd = d(a["updated"])
        datef = (f'<div class="article-dates"><span class="article-dates__published">Publié le {fr(pub)}</span> - '
                 f'<span class="article-dates__updated">Mis à jour le {fr(upd)}</span></div>')
    else:
        datef = (f'<div class="field field--name-field-date-de-publication field--type-datetime field--label-hidden field__item">'
                 f'<time datetime="{pub.isoformat()}T12:00:00Z" class="datetime">{dmy(pub)}</time></div>')
    chapo = (f'<div class="clearfix text-formatted field field--name-field-chapo field--type-text-long field--label-hidden field__item">{a["chapo"]}</div>'
             if a.get("chapo") else "")
    rel = news_after(r, NUMERIC_NEWS + OTHER_NEWS, 3, pub, 120)
    relh = "".join(f'<div class="views-row"><article role="article" class="node node--type-article node--view-mode-teaser"><h3><a href="/actualites/{slug(tt)}" rel="bookmark"><span class="field field--name-title">{esc(tt)}</span></a></h3><div class="field field--name-field-date-de-publication"><time datetime="{dd.isoformat()}T12:00:00Z">{dmy(dd)}</time></div></article></div>' for tt, s, dd in rel)
    return f"""<div id="block-{t['key']}-page-title" class="block block-core block-page-title-block">
  <h1 class="page-title"><span class="field field--name-title field--type-string field--label-hidden">{a['title']}</span></h1>
  </div>
<div id="block-{t['key']}-content" class="block block-system block-system-main-block">
<article data-history-node-id="{nid}" role="article" about="{a['path']}" class="node node--type-article node--promoted node--view-mode-full">
  <div class="node__content">
    {datef}
    <div class="field field--name-field-image field--type-image field--label-hidden field__item">  <img loading="lazy" src="/sites/default/files/styles/large/public/{pub.year}-{pub.month:02d}/{slug(a['title'])[:25]}.jpg?itok={blob(r, 6)[:8]}" width="960" height="540" alt="" typeof="foaf:Image" class="image-style-large" />
</div>
    {chapo}
    <div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">{a['body']}</div>
    <div class="field field--name-field-thematique field--type-entity-reference field--label-inline clearfix"><div class="field__label">Thématique</div><div class="field__item"><a href="/taxonomy/term/{r.randint(3, 40)}" hreflang="fr">{a['rubrique']}</a></div></div>
  </div>
  <div class="share"><span>Partager</span> <a href="https://www.facebook.com/sharer/sharer.php?u={esc(t['url'] + a['path'])}">Facebook</a> <a href="https://twitter.com/intent/tweet?url={esc(t['url'] + a['path'])}">Twitter</a> <a href="mailto:?body={esc(t['url'] + a['path'])}">Courriel</a></div>
</article>
  </div>
<div class="views-element-container block block-views block-views-blockactualites-block-2" id="block-views-block-actualites-block-2">
      <h2>À lire aussi</h2>
      <div><div class="view view-actualites view-id-actualites view-display-id-block_2"><div class="view-content">{relh}</div></div></div>
  </div>"""


def d9_json_article(a, c):
    """Drupal 9 page whose theme pushes page metadata into a JS object (not JSON-LD)."""
    pub, upd = d(a["date"]), d(a["updated"])
    data = {"pageType": "actualite", "nid": c["post_id"], "title": a["title"], "rubrique": a["rubrique"],
            "datePublished": pub.isoformat() + "T09:30:00+02:00", "DateModification": upd.isoformat() + "T15:12:40+02:00",
            "auteur": "Direction de la communication", "tags": ["portail famille", "écoles", "démarches en ligne"]}
    script = "<script>\nwindow.cessonPage = " + json.dumps(data, ensure_ascii=False) + ";\nwindow.dataLayer = window.dataLayer || [];\nwindow.dataLayer.push({'event': 'pageview', 'page': window.cessonPage});\n</script>"
    return d9_article(a, c, visible_dates=True), script


# ============================================================================ TYPO3
def typo3_head(c, ver="4.5"):
    t, r = c["t"], c["r"]
    return f"""<head>
	<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<!--
	This website is powered by TYPO3 - inspiring people to share!
	TYPO3 is a free open source Content Management Framework initially created by Kasper Skaarhoj and licensed under GNU/GPL.
	TYPO3 is copyright 1998-2013 of Kasper Skaarhoj. Extensions are copyright of their respective owners.
	Information and contribution at http://typo3.org/
-->
	<base href="{t['url']}/" />
	<link rel="shortcut icon" href="{t['url']}/fileadmin/templates/images/favicon.ico" type="image/x-icon; charset=binary" />
	<link rel="icon" href="{t['url']}/fileadmin/templates/images/favicon.ico" type="image/x-icon; charset=binary" />
	<title>{c['title_tag']}</title>
	<meta name="generator" content="TYPO3 {ver} CMS" />
	<meta name="language" content="fr" />
{c.get('head_extra', '')}
	<link rel="stylesheet" type="text/css" href="typo3temp/stylesheet_{hexid(r, 10)}.css?{r.randint(1300000000, 1500000000)}" media="all" />
	<link rel="stylesheet" type="text/css" href="fileadmin/templates/css/main.css?{r.randint(1300000000, 1500000000)}" media="all" />
	<link rel="stylesheet" type="text/css" href="fileadmin/templates/css/print.css?{r.randint(1300000000, 1500000000)}" media="print" />
	<script src="typo3temp/javascript_{hexid(r, 10)}.js?{r.randint(1300000000, 1500000000)}" type="text/javascript"></script>
	<script src="fileadmin/templates/js/jquery-1.8.3.min.js?{r.randint(1300000000, 1500000000)}" type="text/javascript"></script>
	<script src="fileadmin/templates/js/superfish.js?{r.randint(1300000000, 1500000000)}" type="text/javascript"></script>
</head>"""


def typo3_newslist_side(c, k=5, title="Autres actualités"):
    r = c["r"]
    items = news_after(r, OTHER_NEWS + NUMERIC_NEWS, k, c.get("pub") or c["now"])
    lis = "".join(f"""<div class="news-list-item">
		<span class="news-list-date">{dmy(dd, '.')}</span>
		<h3><a href="actualites/detail/news/{slug(tt)}/" title="{esc(tt)}">{esc(tt)}</a></h3>
	</div>""" for tt, s, dd in items)
    return f'<div id="c{r.randint(100, 999)}" class="csc-default"><div class="csc-header csc-header-n1"><h2 class="csc-firstHeader">{title}</h2></div><div class="news-list-container">{lis}</div></div>'


def typo3_shell(c):
    t, r = c["t"], c["r"]
    nav = []
    for i, (s, items) in enumerate(menu_sections(r)):
        sub = "".join(f'<li><a href="{slug(s)}/{slug(x)}.html" title="{esc(x)}">{esc(x)}</a></li>' for x in items)
        nav.append(f'<li class="menu-level1-no"><a href="{slug(s)}.html" title="{esc(s)}">{esc(s)}</a><ul class="menu-level2">{sub}</ul></li>')
    crumbs = c.get("crumbs", [("Accueil", "index.html")])
    rootline = " &gt; ".join(f'<a href="{h}" target="_top">{l}</a>' if h else f"<span>{l}</span>" for l, h in crumbs)
    side = c.get("sidebar")
    if side is None:
        evs = events_after(r, 3, c["now"])
        ag = "".join(f'<div class="cal-event"><span class="cal-date">{dmy(dd, ".")}</span> <a href="agenda/evenement/{slug(tt)}.html">{esc(tt)}</a></div>' for tt, pl, dd, h in evs)
        side = typo3_newslist_side(c) + f'<div id="c{r.randint(100, 999)}" class="csc-default"><div class="csc-header csc-header-n2"><h2>Agenda</h2></div><div class="tx-cal-controller">{ag}</div></div>'
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
     "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xml:lang="fr" lang="fr" xmlns="http://www.w3.org/1999/xhtml">
{typo3_head(c)}
<body id="uid{r.randint(10, 400)}">
<div id="conteneur">
	<div id="entete">
		<div id="logo"><a href="index.html"><img src="fileadmin/templates/images/logo_{t['key']}.png" width="260" height="110" alt="{esc(t['site'])}" /></a></div>
		<div id="outils"><ul><li><a href="contact.html">Contact</a></li><li><a href="plan-du-site.html">Plan du site</a></li><li><a href="javascript:window.print()">Imprimer</a></li></ul>
		<form action="recherche.html" method="post" id="recherche"><input type="text" name="tx_indexedsearch[sword]" value="Rechercher" class="searchbox-sword" onfocus="this.value=''" /><input type="hidden" name="tx_indexedsearch[_sections]" value="0" /><input type="submit" value="OK" /></form></div>
	</div>
	<div id="menu"><ul class="sf-menu">{''.join(nav)}</ul></div>
	<div id="filariane">Vous êtes ici : {rootline}</div>
	<div id="colonnes">
		<div id="contenu">
	<!--  CONTENT ELEMENT, uid:{r.randint(100, 2000)}/list [begin] -->
{c['main']}
	<!--  CONTENT ELEMENT [end] -->
		</div>
		<div id="colonne-droite">
	<!--  Colonne droite [begin] -->
{side}
	<!--  Colonne droite [end] -->
		</div>
	</div>
	<div id="pied">
		<div id="c{r.randint(10, 99)}" class="csc-default"><p class="bodytext"><b>{t['site']}</b> – {t['addr']} – {t['cp']} {t['name']} – Tél. {t['tel']}</p><p class="bodytext">Ouvert du lundi au vendredi de 8 h à 12 h et de 14 h à 17 h 30</p></div>
		<p class="copyright">© {c['now'].year} {t['site']} – <a href="mentions-legales.html">Mentions légales</a> – <a href="accessibilite.html">Accessibilité</a></p>
	</div>
</div>
{c.get('tail', '')}
</body>
</html>
"""


def typo3_news_article(a, c):
    t, r = c["t"], c["r"]
    pub = d(a["date"])
    chapo = f'<h2>{re.sub(r"</?p>", "", a["chapo"])}</h2>' if a.get("chapo") else ""
    body = re.sub(r"<p>", '<p class="bodytext">', a["body"])
    return f"""<div id="c{r.randint(100, 999)}" class="csc-default"><div class="news-single-item">
		<div class="news-single-timedata"><span class="news-single-date" title="{dmy(pub, '.')}">{fr(pub, weekday=True, cap=True).rsplit(' ', 1)[0]}</span></div>
		<h1>{a['title']}</h1>
		{chapo}
		<div class="news-single-img"><a href="uploads/pics/classe-mobile-ecole.jpg" onclick="openPic('index.php?eID=tx_cms_showpic&amp;file=uploads%2Fpics%2Fclasse-mobile-ecole.jpg&amp;md5={hexid(r, 32)}','thePicture','width=1024,height=683,status=0,menubar=0'); return false;" target="thePicture"><img src="typo3temp/pics/c4d2b1f0a9.jpg" width="300" height="200" border="0" alt="" /></a><p class="news-single-imgcaption">Photo : Ville de Sélestat</p></div>
		{body}
		<div class="news-single-backlink">
			<a href="actualites.html">&lt;- Retour à la liste</a>
		</div>
	</div></div>"""


def typo3_csc_article(a, c):
    """Several css_styled_content elements making up one news page."""
    t, r = c["t"], c["r"]
    blocks = [figures(b, "typo3", r) for b in split_blocks(a["body"])]
    out = []
    pub_line = ""
    if a.get("date"):
        pub = d(a["date"])
        pub_line = f'<p class="publication">Publié le <time datetime="{pub.isoformat()}">{dmy(pub)}</time></p>'
    out.append(f'<div id="c{r.randint(1000, 1999)}" class="csc-default"><div class="csc-header csc-header-n1"><h1 class="csc-firstHeader">{a["title"]}</h1></div>{pub_line}</div>')
    cur = []
    for b in blocks:
        if b.startswith("<h2>"):
            if cur:
                out.append(f'<div id="c{r.randint(1000, 1999)}" class="csc-default">' + "".join(cur) + "</div>")
                cur = []
            cur.append(f'<div class="csc-header csc-header-n{len(out) + 1}">' + b.replace("<h2>", "<h2>") + "</div>")
        elif b.startswith('<div id="c'):
            if cur:
                out.append(f'<div id="c{r.randint(1000, 1999)}" class="csc-default">' + "".join(cur) + "</div>")
                cur = []
            out.append(b)
        else:
            cur.append(re.sub(r"<p>", '<p class="bodytext">', b))
    if cur:
        out.append(f'<div id="c{r.randint(1000, 1999)}" class="csc-default">' + "".join(cur) + "</div>")
    out.append(f'<div id="c{r.randint(1000, 1999)}" class="csc-default"><div class="partage"><a href="javascript:window.print()">Imprimer</a> | <a href="mailto:?subject={esc(a["title"])}">Envoyer à un ami</a></div></div>')
    return "\n".join(out)


# ============================================================================ Stratis-like builder
def stratis_shell(c, big=True):
    t, r = c["t"], c["r"]
    mega = []
    for s, items in menu_sections(r):
        half = len(items) // 2
        cols = "".join('<div class="mega-menu__col"><ul class="mega-menu__list">' + "".join(
            f'<li class="mega-menu__item"><a class="mega-menu__link" href="/{slug(s)}/{slug(x)}">{esc(x)}</a>'
            f'<ul class="mega-menu__sublist">' + "".join(f'<li><a href="/{slug(s)}/{slug(x)}/{slug(y)}">{y}</a></li>' for y in r.sample(["Présentation", "Horaires", "Tarifs", "Contacts", "Formulaires", "Questions fréquentes", "Documents"], 3)) + "</ul></li>"
            for x in part) + "</ul></div>" for part in (items[:half], items[half:]))
        mega.append(f'<li class="main-nav__item"><button type="button" class="main-nav__toggle js-mega-toggle" aria-expanded="false" aria-controls="mega-{slug(s)}">{esc(s)}</button>'
                    f'<div class="mega-menu" id="mega-{slug(s)}" hidden><div class="mega-menu__wrapper"><p class="mega-menu__heading">{esc(s)}</p><div class="mega-menu__cols">{cols}</div>'
                    f'<div class="mega-menu__push"><img src="/uploads/media/push-{slug(s)}.jpg" alt="" loading="lazy"><a href="/{slug(s)}" class="btn btn--secondary">Toute la rubrique</a></div></div></div></li>')
    crumbs = c.get("crumbs", [("Accueil", "/")])
    bc = "".join(f'<li class="breadcrumb__item"><a href="{h}" class="breadcrumb__link">{l}</a></li>' if h else f'<li class="breadcrumb__item"><span aria-current="page">{l}</span></li>' for l, h in crumbs)
    quick = "".join(f'<li class="quick-access__item"><a class="quick-access__link" href="/{slug(q)}"><svg class="quick-access__icon" aria-hidden="true"><use href="#icon-{ic}"></use></svg><span>{q}</span></a></li>'
                    for q, ic in [("Démarches en ligne", "file"), ("Portail famille", "family"), ("Menus des cantines", "school"), ("Offres d'emploi", "user"), ("Médiathèques", "book"), ("Piscines", "sport"), ("Collecte des déchets", "trash"), ("Stationnement", "car"), ("Signaler un problème", "warning"), ("Annuaire des associations", "heart")])
    evs = events_after(r, 4, c["now"])
    agenda = "".join(f'<article class="event-card"><div class="event-card__date"><time datetime="{dd.isoformat()}"><span class="event-card__day">{dd.day:02d}</span><span class="event-card__month">{MOIS_ABR[dd.month - 1]}</span></time></div><div class="event-card__content"><p class="event-card__category">{r.choice(["Culture", "Citoyenneté", "Numérique", "Sport", "Solidarité"])}</p><h3 class="event-card__title"><a href="/agenda/{slug(tt)}">{esc(tt)}</a></h3><p class="event-card__place">{esc(pl)}</p></div></article>' for tt, pl, dd, h in evs)
    css = critical_css(r, 650 if big else 120)
    sprite = svg_sprite(r, 55 if big else 15)
    state = {"menu": [{"label": s, "url": "/" + slug(s), "children": [{"label": x, "url": f"/{slug(s)}/{slug(x)}"} for x in items]} for s, items in menu_sections(rng(t["key"] + "json"))],
             "site": {"name": t["site"], "insee": t["insee"], "phone": t["tel"]}, "i18n": {"close": "Fermer", "open": "Ouvrir", "next": "Suivant", "prev": "Précédent", "play": "Lecture", "pause": "Pause"}}
    return f"""<!DOCTYPE html>
<html lang="fr" class="no-js">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{c['title_tag']}</title>
{c.get('head_extra', '')}
<link rel="preload" href="/typo3conf/ext/stratis_site/Resources/Public/fonts/montserrat-v15-latin-700.woff2" as="font" type="font/woff2" crossorigin>
<link rel="preload" href="/typo3conf/ext/stratis_site/Resources/Public/fonts/opensans-v18-latin-regular.woff2" as="font" type="font/woff2" crossorigin>
<style>{css}</style>
<link rel="stylesheet" href="/typo3conf/ext/stratis_site/Resources/Public/css/main.min.css?{r.randint(1600000000, 1700000000)}" media="print" onload="this.media='all'">
<script>document.documentElement.className=document.documentElement.className.replace('no-js','js');</script>
<link rel="apple-touch-icon" sizes="180x180" href="/typo3conf/ext/stratis_site/Resources/Public/images/favicons/apple-touch-icon.png">
<link rel="manifest" href="/site.webmanifest">
</head>
<body class="{c.get('body_class', 'page-actualite')}">
{sprite}
<nav class="skip-links" aria-label="Liens d'évitement"><ul><li><a href="#main">Aller au contenu</a></li><li><a href="#main-nav">Aller au menu</a></li><li><a href="#search">Aller à la recherche</a></li></ul></nav>
<div class="site-wrapper">
<header class="header" role="banner">
  <div class="header__wrapper">
    <a class="header__logo" href="/"><img src="/typo3conf/ext/stratis_site/Resources/Public/images/logo.svg" alt="{esc(t['site'])} - Retour à l'accueil" width="200" height="80"></a>
    <nav class="main-nav" id="main-nav" aria-label="Menu principal"><ul class="main-nav__list">{''.join(mega)}</ul></nav>
    <div class="header__tools"><a class="header__tool" href="/contact"><svg aria-hidden="true"><use href="#icon-mail"></use></svg><span>Contact</span></a><button type="button" class="header__tool js-search-toggle" id="search" aria-expanded="false"><svg aria-hidden="true"><use href="#icon-search"></use></svg><span>Rechercher</span></button></div>
  </div>
  <div class="search-panel" hidden><form action="/recherche" method="get" role="search"><label for="search-field" class="sr-only">Que recherchez-vous ?</label><input type="search" id="search-field" name="q" placeholder="Que recherchez-vous ?" autocomplete="off"><button type="submit" class="btn">Rechercher</button></form></div>
</header>
<main id="main" class="site-main" role="main">
  <div class="top-of-content"><nav class="breadcrumb" aria-label="Fil d'Ariane"><ol class="breadcrumb__list">{bc}</ol></nav></div>
{c['main']}
  <section class="quick-access" aria-labelledby="quick-access-title"><div class="container"><h2 class="quick-access__title" id="quick-access-title">Accès rapides</h2><ul class="quick-access__list">{quick}</ul></div></section>
  <section class="agenda-block" aria-labelledby="agenda-title"><div class="container"><h2 class="section-title" id="agenda-title">Agenda</h2><div class="agenda-block__list">{agenda}</div><a class="btn btn--primary" href="/agenda">Tout l'agenda</a></div></section>
</main>
<section class="newsletter-block"><div class="container"><h2 class="newsletter-block__title">Lettre d'information</h2><form class="newsletter-block__form" action="/newsletter/inscription" method="post"><label for="nl-email">Votre adresse e-mail</label><input type="email" id="nl-email" name="email" required><input type="hidden" name="__trustedProperties" value="{blob(r, 90)}"><button type="submit" class="btn">S'inscrire</button></form><p class="newsletter-block__rgpd">Vos données sont utilisées uniquement pour l'envoi de la lettre. Vous pouvez vous désinscrire à tout moment.</p></div></section>
<footer class="footer" role="contentinfo">
  <div class="footer__wrapper container">
    <div class="footer__contact"><p class="footer__name">{t['site']}</p><p>{t['addr']}<br>{t['cp']} {t['name']}</p><p><a href="tel:{t['tel'].replace(' ', '')}">{t['tel']}</a></p><p>Du lundi au vendredi de 8 h 30 à 17 h 30</p><a class="btn btn--outline" href="/contact">Nous contacter</a></div>
    <ul class="footer__social"><li><a href="#" aria-label="Facebook"><svg><use href="#icon-facebook"></use></svg></a></li><li><a href="#" aria-label="Instagram"><svg><use href="#icon-instagram"></use></svg></a></li><li><a href="#" aria-label="YouTube"><svg><use href="#icon-youtube"></use></svg></a></li><li><a href="#" aria-label="LinkedIn"><svg><use href="#icon-linkedin"></use></svg></a></li></ul>
    <ul class="footer__links"><li><a href="/plan-du-site">Plan du site</a></li><li><a href="/mentions-legales">Mentions légales</a></li><li><a href="/accessibilite">Accessibilité : partiellement conforme</a></li><li><a href="/donnees-personnelles">Données personnelles</a></li><li><a href="#tarteaucitron">Gestion des cookies</a></li></ul>
    <p class="footer__copyright">© {c['now'].year} {t['site']} – Conception : Stratis</p>
  </div>
</footer>
</div>
<script>window.__SITE_STATE__ = {json.dumps(state, ensure_ascii=False)};</script>
{tarteaucitron(t)}
<script src="/typo3conf/ext/stratis_site/Resources/Public/js/main.min.js?{r.randint(1600000000, 1700000000)}" defer></script>
</body>
</html>
"""


def stratis_article(a, c):
    t, r = c["t"], c["r"]
    pub = d(a["date"])
    rel = news_after(r, NUMERIC_NEWS, 3, pub, 200)
    cards = "".join(f'<article class="news-card"><div class="news-card__image"><img src="/uploads/media/news/{slug(tt)[:25]}-400x250.jpg" alt="" loading="lazy" width="400" height="250"></div><div class="news-card__content"><p class="news-card__category">Numérique</p><h3 class="news-card__title"><a href="/actualites/{slug(tt)}">{esc(tt)}</a></h3><p class="news-card__date"><time datetime="{dd.isoformat()}">{dd.day} {MOIS[dd.month - 1]} {dd.year}</time></p></div></article>' for tt, s, dd in rel)
    from urllib.parse import quote
    u = quote(t["url"] + a["path"], safe="")
    return f"""  <section class="actualite-detail">
    <header class="heading heading--news">
      <div class="heading__wrapper container">
        <p class="heading__category"><a href="/actualites?theme=numerique">Numérique</a></p>
        <h1 class="heading__title">{a['title']}</h1>
        <p class="date-publication">Publié le <time datetime="{pub.isoformat()}">{fr(pub)}</time></p>
        <div class="heading__teaser chapeau">{a['chapo']}</div>
      </div>
      <figure class="heading__image"><picture><source srcset="/uploads/media/actualites/fibre-quimper-1200x600.webp" type="image/webp"><img src="/uploads/media/actualites/fibre-quimper-1200x600.jpg" alt="" width="1200" height="600"></picture><figcaption class="heading__credit">© Ville de Quimper</figcaption></figure>
    </header>
    <div class="section section--content container">
      <div class="rte">
{a['body']}
      </div>
      <div class="share-block"><p class="share-block__title">Partager cette page</p><ul class="share-block__list"><li><a href="https://www.facebook.com/sharer/sharer.php?u={u}" target="_blank" rel="noopener" title="Partager sur Facebook (nouvelle fenêtre)"><svg aria-hidden="true"><use href="#icon-facebook"></use></svg><span class="sr-only">Facebook</span></a></li><li><a href="https://twitter.com/intent/tweet?url={u}" target="_blank" rel="noopener" title="Partager sur Twitter (nouvelle fenêtre)"><svg aria-hidden="true"><use href="#icon-twitter"></use></svg><span class="sr-only">Twitter</span></a></li><li><a href="https://www.linkedin.com/sharing/share-offsite/?url={u}" target="_blank" rel="noopener"><svg aria-hidden="true"><use href="#icon-linkedin"></use></svg><span class="sr-only">LinkedIn</span></a></li><li><a href="mailto:?subject={quote(a['title'])}&amp;body={u}"><svg aria-hidden="true"><use href="#icon-mail"></use></svg><span class="sr-only">Courriel</span></a></li><li><button type="button" onclick="window.print()"><svg aria-hidden="true"><use href="#icon-print"></use></svg><span class="sr-only">Imprimer</span></button></li></ul></div>
    </div>
  </section>
  <section class="same-theme"><div class="container"><h2 class="section-title">Sur le même thème</h2><div class="news-list">{cards}</div></div></section>"""


def jsonld_news(c, a, typ="NewsArticle"):
    t = c["t"]
    g = {"@context": "https://schema.org", "@type": typ, "headline": a.get("og_title") or a["title"],
         "mainEntityOfPage": {"@type": "WebPage", "@id": t["url"] + a["path"]},
         "image": [t["url"] + "/uploads/media/actualites/" + slug(a["title"])[:30] + ".jpg"],
         "datePublished": a["date"] + "T08:00:00+01:00"}
    if a.get("updated"):
        g["dateModified"] = a["updated"] + "T10:30:00+01:00"
    g["author"] = {"@type": "Organization", "name": t["site"]}
    g["publisher"] = {"@type": "Organization", "name": t["site"], "logo": {"@type": "ImageObject", "url": t["url"] + "/logo.png"}}
    return '<script type="application/ld+json">' + json.dumps(g, ensure_ascii=False, indent=2) + "</script>"


# ============================================================================ Neopse-like agency CMS
def neopse_shell(c):
    t, r = c["t"], c["r"]
    nav = []
    for s, items in menu_sections(r):
        nav.append(f'<li class="c-nav__item"><a class="c-nav__link" href="/{slug(s)}">{esc(s)}</a><div class="c-nav__sub"><ul>' +
                   "".join(f'<li><a href="/{slug(s)}/{slug(x)}">{esc(x)}</a></li>' for x in items) + "</ul></div></li>")
    crumbs = c.get("crumbs", [])
    bc = '<span class="c-breadcrumb__sep">/</span>'.join(f'<a href="{h}" class="c-breadcrumb__link">{l}</a>' if h else f'<span class="c-breadcrumb__current">{l}</span>' for l, h in crumbs)
    evs = events_after(r, 5, c["now"])
    ag = "".join(f'<li class="c-agenda-mini__item"><span class="c-agenda-mini__date">{"du " if i == 4 else ""}{dmy(dd)}</span><a href="/agenda/{slug(tt)}">{esc(tt)}</a><span class="c-agenda-mini__lieu">{esc(pl)}</span></li>' for i, (tt, pl, dd, h) in enumerate(evs))
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{c['title_tag']}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
{c.get('head_extra', '')}
<link rel="stylesheet" href="/assets/build/app.{hexid(r, 8)}.css">
<script src="/assets/build/runtime.{hexid(r, 8)}.js" defer></script>
<script src="/assets/build/app.{hexid(r, 8)}.js" defer></script>
{gtag(r)}
</head>
<body class="o-body o-body--news">
<div id="tarteaucitronRoot"></div>
<header class="c-header">
  <div class="c-header__top"><a href="/" class="c-header__logo"><img src="/assets/images/logo-brive.svg" alt="{esc(t['site'])}"></a>
  <ul class="c-header__quick"><li><a href="/mes-demarches">Mes démarches</a></li><li><a href="/agenda">Agenda</a></li><li><a href="/kiosque">Kiosque</a></li><li><a href="/contact">Contact</a></li></ul></div>
  <nav class="c-nav" aria-label="Navigation principale"><ul class="c-nav__list">{''.join(nav)}</ul></nav>
</header>
<main class="o-main" id="main">
  <nav class="c-breadcrumb" aria-label="Vous êtes ici">{bc}</nav>
  <div class="o-layout o-layout--sidebar">
    <div class="o-layout__main">
{c['main']}
    </div>
    <aside class="o-layout__aside">
      <div class="c-agenda-mini"><h2 class="c-agenda-mini__title">Prochains rendez-vous</h2><ul class="c-agenda-mini__list">{ag}</ul><a href="/agenda" class="c-btn c-btn--link">Tout l'agenda</a></div>
      <div class="c-encart-contact"><h2>CCAS de Brive</h2><p>Centre communal d'action sociale<br>Du lundi au vendredi, 8 h 30 - 12 h et 13 h 30 - 17 h</p></div>
    </aside>
  </div>
</main>
<footer class="c-footer"><div class="c-footer__inner"><p class="c-footer__title">{t['site']}</p><p>{t['addr']} – {t['cp']} {t['name']}<br>Tél. {t['tel']}</p>
<ul class="c-footer__links"><li><a href="/mentions-legales">Mentions légales</a></li><li><a href="/accessibilite">Accessibilité</a></li><li><a href="/plan-du-site">Plan du site</a></li></ul><p class="c-footer__copy">© {c['now'].year} Ville de Brive-la-Gaillarde · Réalisation Neopse</p></div></footer>
{tarteaucitron(t).replace('/typo3conf/ext/site/Resources/Public', '/assets/vendor')}
</body>
</html>
"""


def neopse_article(a, c):
    t, r = c["t"], c["r"]
    pub = d(a["date"])
    return f"""<article class="c-article">
  <header class="c-article__header">
    <p class="c-article__tag">Solidarité</p>
    <h1 class="c-article__title">{a['title']}</h1>
    <p class="c-article__date">{dmy(pub)}</p>
  </header>
  <div class="c-article__chapo">{a['chapo']}</div>
  <figure class="c-article__visuel"><img src="/medias/actualites/{pub.year}/ateliers-numeriques-seniors.jpg" alt="" width="900" height="500"><figcaption>© Ville de Brive</figcaption></figure>
  <div class="c-article__content o-rte">
{a['body']}
  </div>
  <div class="c-share"><p class="c-share__title">Partager</p><a href="https://www.facebook.com/sharer/sharer.php?u={esc(t['url'] + a['path'])}" class="c-share__link c-share__link--facebook">Facebook</a><a href="https://twitter.com/share?url={esc(t['url'] + a['path'])}" class="c-share__link c-share__link--twitter">Twitter</a><a href="mailto:?subject={esc(a['title'])}" class="c-share__link c-share__link--mail">E-mail</a></div>
</article>
<section class="c-newsletter"><h2>Newsletter</h2><form method="post" action="/newsletter"><input type="email" name="email" placeholder="Votre e-mail"><input type="hidden" name="_token" value="{blob(r, 30)}"><button type="submit">Je m'inscris</button></form></section>"""


# ============================================================================ KoSMo-like
def kosmo_page(a, c):
    t, r = c["t"], c["r"]
    segs = a["path"].strip("/").split("/")
    crumb = '<a href="/">Accueil</a>' + "".join(f' / <a href="/{"/".join(segs[:i + 1])}">{s.capitalize() if i == 0 else s}</a>' for i, s in enumerate(segs[:-1])) + f' / <span>{segs[-1]}</span>'
    nav = "".join(f'<li class="kmenu-item"><a href="/{slug(s)}">{esc(s)}</a><ul class="kmenu-sub">' + "".join(
        f'<li><a href="/{slug(s)}/{slug(x)}">{esc(x)}</a><ul class="kmenu-sub2">' + "".join(f'<li><a href="/{slug(s)}/{slug(x)}/{slug(y)}">{y}</a></li>' for y in ["Présentation", "Horaires et contacts", "Documents"]) + "</ul></li>"
        for x in items) + "</ul></li>" for s, items in menu_sections(r))
    news = news_after(r, OTHER_NEWS, 6, d(a["date"]), 90)
    side = "".join(f'<li><a href="/actualites/{dd.year}/{dd.month:02d}/{dd.day:02d}/{slug(tt)}">{esc(tt)}</a></li>' for tt, s, dd in news)
    body = a["body"]
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8" />
<title>{c['title_tag']}</title>
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<meta name="generator" content="KoSMo" />
<meta name="description" content="Lamballe-Armor obtient quatre arobases au label Villes Internet." />
<link rel="stylesheet" href="/kosmo/themes/lamballe/css/style.css" />
<script src="/kosmo/js/jquery-3.3.1.min.js"></script>
<script src="/kosmo/js/kosmo.front.js"></script>
<style type="text/css">{critical_css(r, 120)}</style>
<script>var kosmoConfig = {{"site":"lamballe-armor","lang":"fr","rgpd":{{"banner":true,"matomo":true,"youtube":false}},"recherche":{{"suggest":true,"min":3}}}};</script>
</head>
<body class="kosmo-page kosmo-type-actualite">
<div id="kosmo-wrapper">
<div id="kosmo-header"><a href="/" id="kosmo-logo"><img src="/kosmo/themes/lamballe/img/logo.png" alt="Lamballe-Armor" /></a>
<div id="kosmo-recherche"><form action="/recherche" method="get"><input type="text" name="q" placeholder="Rechercher sur le site" /><button type="submit">OK</button></form></div></div>
<div id="kosmo-menu"><ul class="kmenu">{nav}</ul></div>
<div id="kosmo-ariane">{crumb}</div>
<div id="kosmo-colonnes">
<div id="kosmo-centre">
<div class="kosmo-bloc kosmo-bloc-actualite">
<h1 class="kosmo-titre">{a['title']}</h1>
<div class="kosmo-visuel"><img src="/kosmo/data/actualites/label-villes-internet.jpg" alt="" /></div>
<div class="kosmo-texte">
{body}
</div>
<div class="kosmo-outils"><a href="javascript:window.print()" class="kosmo-imprimer">Imprimer</a> <a href="/envoyer-a-un-ami?page={esc(a['path'])}" class="kosmo-envoyer">Envoyer à un ami</a> <a href="/actualites" class="kosmo-retour">Retour aux actualités</a></div>
</div>
</div>
<div id="kosmo-droite">
<div class="kosmo-bloc"><h2>Actualités</h2><ul>{side}</ul></div>
<div class="kosmo-bloc kosmo-bloc-enunclic"><h2>En un clic</h2><ul><li><a href="/demarches">Démarches en ligne</a></li><li><a href="/portail-famille">Portail famille</a></li><li><a href="/le-mag">Le magazine</a></li><li><a href="/urbanisme">Urbanisme</a></li><li><a href="/mediatheque">Médiathèque</a></li></ul></div>
<div class="kosmo-bloc kosmo-bloc-labels"><h2>Nos labels</h2><p><img src="/kosmo/data/labels/villes-internet.png" alt="Label Villes Internet" /></p><p><img src="/kosmo/data/labels/villes-fleuries.png" alt="Villes et villages fleuris" /></p></div>
</div>
</div>
<div id="kosmo-rgpd" class="kosmo-rgpd" role="dialog" aria-label="Cookies"><p>Ce site utilise des cookies de mesure d'audience anonymes. <a href="/donnees-personnelles">En savoir plus</a></p><button type="button" class="kosmo-rgpd-ok">J'ai compris</button></div>
<div id="kosmo-pied"><p>{t['site']} – {t['addr']} – {t['cp']} Lamballe-Armor – {t['tel']}</p><p>© {c['now'].year} Lamballe-Armor – <a href="/mentions-legales">Mentions légales</a> – <a href="/plan-du-site">Plan du site</a> – Site propulsé par KoSMo</p></div>
</div>
{matomo(t, r)}
</body>
</html>
"""


# ============================================================================ very large builder
def builder_large_page(a, c):
    t, r = c["t"], c["r"]
    pub = d(a["date"])
    mega = []
    for s, items in menu_sections(r):
        groups = "".join('<div class="mm-group"><p class="mm-group__title">' + esc(x) + '</p><ul>' + "".join(
            f'<li><a href="/{slug(s)}/{slug(x)}/{slug(y)}/">{y}</a></li>' for y in r.sample(
                ["Présentation", "Vos interlocuteurs", "Horaires et accès", "Tarifs", "Inscriptions", "Formulaires à télécharger",
                 "Questions fréquentes", "Actualités du service", "Agenda du service", "Documents utiles", "Règlement", "Plan d'accès"], 6)) + "</ul></div>" for x in items)
        mega.append(f'<li class="mm-item"><a class="mm-link" href="/{slug(s)}/" aria-haspopup="true">{esc(s)}</a><div class="mm-panel"><div class="mm-inner">{groups}</div></div></li>')
    quick = "".join(f'<a class="tile tile--quick" href="/{slug(q)}/"><span class="tile__icon"><svg><use href="#icon-{ic}"></use></svg></span><span class="tile__label">{q}</span></a>'
                    for q, ic in [("Prendre rendez-vous", "calendar"), ("État civil", "file"), ("Portail famille", "family"), ("Urbanisme", "city"), ("Plages et baignade", "info"), ("Transports", "bus"),
                                  ("Déchets", "trash"), ("Associations", "heart"), ("Offres d'emploi", "user"), ("Marchés publics", "euro"), ("Kiosque", "book"), ("Signalement", "warning")])
    click = "".join(f'<li><a href="/{slug(x)}/">{x}</a></li>' for x in ["Conseil municipal en vidéo", "Menus de la restauration scolaire", "Horaires des piscines", "Plan de la ville", "Numéros d'urgence", "Pharmacies de garde"])
    evs = events_after(r, 8, c["now"], 70)
    agenda = "".join(f'<li class="ag-item"><time class="ag-date" datetime="{dd.isoformat()}">{fr(dd, weekday=True)}</time><a class="ag-title" href="/agenda/{slug(tt)}/">{esc(tt)}</a><span class="ag-place">{esc(pl)}, {h}</span></li>' for tt, pl, dd, h in evs)
    news = news_after(r, OTHER_NEWS + NUMERIC_NEWS, 8, pub, 60)
    carousel = "".join(f'<div class="swiper-slide"><article class="card"><img class="card__img" src="/media/actualites/{slug(tt)[:25]}-480x320.jpg" alt="" loading="lazy" width="480" height="320"><div class="card__body"><p class="card__date">{dmy(dd)}</p><h3 class="card__title"><a href="/actualites/{slug(tt)}/">{esc(tt)}</a></h3><p class="card__text">{esc(s)}</p></div></article></div>' for tt, s, dd in news)
    state = {"navigation": [{"id": i, "label": s, "href": "/" + slug(s) + "/", "items": [{"label": x, "href": f"/{slug(s)}/{slug(x)}/", "children": [{"label": y, "href": f"/{slug(s)}/{slug(x)}/{slug(y)}/"} for y in ["Présentation", "Horaires", "Tarifs", "Contacts", "Documents"]]} for x in items]} for i, (s, items) in enumerate(menu_sections(rng(t["key"] + "nav")))],
             "footer": {"address": t["addr"], "zip": t["cp"], "city": t["name"], "phone": t["tel"]},
             "features": {"cookieBanner": True, "searchSuggest": True, "readSpeaker": True, "contrast": True}}
    css = critical_css(r, 820)
    sprite = svg_sprite(r, 75)
    return f"""<!DOCTYPE html>
<html lang="fr" data-theme="anglet">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{c['title_tag']}</title>
<meta name="description" content="Les rendez-vous pour les cartes d'identité et les passeports se prennent désormais en ligne.">
<link rel="canonical" href="{t['url']}{a['path']}">
<style id="critical">{css}</style>
<link rel="stylesheet" href="/build/css/app.{hexid(r, 10)}.css" media="print" onload="this.media='all'">
<script>window.__APP_STATE__={json.dumps(state, ensure_ascii=False)};</script>
</head>
<body class="tpl-news-detail">
{sprite}
<div id="cookie-banner" class="cookie-banner" role="dialog" aria-live="polite" aria-label="Gestion des cookies"><p>Ce site utilise des cookies pour mesurer l'audience et proposer des vidéos. Vous pouvez accepter, refuser ou personnaliser vos choix.</p><div class="cookie-banner__actions"><button class="btn" data-consent="all">Tout accepter</button><button class="btn" data-consent="none">Tout refuser</button><button class="btn btn--link" data-consent="custom">Personnaliser</button></div></div>
<header class="site-header">
  <div class="site-header__bar"><a class="site-header__logo" href="/"><img src="/build/img/logo-anglet.svg" alt="Ville d'Anglet - accueil" width="170" height="64"></a>
    <ul class="site-header__utils"><li><a href="/contact/">Contact</a></li><li><a href="/presse/">Presse</a></li><li><a href="/english/" lang="en">English</a></li><li><a href="/euskara/" lang="eu">Euskara</a></li></ul>
    <form class="site-header__search" action="/recherche/" role="search"><input type="search" name="q" aria-label="Rechercher" placeholder="Rechercher"><button type="submit"><svg><use href="#icon-search"></use></svg></button></form></div>
  <nav class="mm" aria-label="Menu principal"><ul class="mm-list">{''.join(mega)}</ul></nav>
</header>
<div class="acces-rapides"><h2 class="acces-rapides__title">Accès rapides</h2><div class="acces-rapides__grid">{quick}</div></div>
<main id="contenu" class="main">
  <nav class="breadcrumb" aria-label="Fil d'Ariane"><ol><li><a href="/">Accueil</a></li><li><a href="/actualites/">Actualités</a></li><li aria-current="page">{a['title']}</li></ol></nav>
  <div class="grid grid--news">
    <article class="news-detail">
      <h1 class="news-detail__title">{a['title']}</h1>
      <p class="date-publication">Publié le {fr(pub)}</p>
      <div class="news-detail__body wysiwyg">
{a['body']}
      </div>
      <div class="news-detail__share"><span>Partager :</span><a href="#" data-share="facebook">Facebook</a><a href="#" data-share="twitter">Twitter</a><a href="#" data-share="mail">E-mail</a><a href="#" data-share="print">Imprimer</a></div>
    </article>
    <aside class="news-aside">
      <div class="encart encart--enunclic"><h2>En un clic</h2><ul>{click}</ul></div>
      <div class="encart encart--agenda"><h2>Agenda</h2><ul class="ag-list">{agenda}</ul><a class="btn" href="/agenda/">Voir tout l'agenda</a></div>
      <div class="encart encart--contact"><h2>Service Population</h2><p>Hôtel de ville, {t['addr']}<br>Du lundi au vendredi, 8 h 30 - 12 h et 13 h 30 - 17 h<br>Tél. {t['tel']}</p></div>
    </aside>
  </div>
  <section class="news-carousel"><h2>Toutes les actualités</h2><div class="swiper"><div class="swiper-wrapper">{carousel}</div><button class="swiper-button-prev" aria-label="Précédent"></button><button class="swiper-button-next" aria-label="Suivant"></button></div></section>
</main>
<footer class="site-footer">
  <div class="site-footer__cols">
    <div><p class="site-footer__title">Ville d'Anglet</p><p>{t['addr']}<br>{t['cp']} Anglet<br>{t['tel']}</p><p>Accueil du lundi au vendredi de 8 h 30 à 17 h, le samedi matin pour l'état civil.</p></div>
    <div><p class="site-footer__title">Liens</p><ul><li><a href="https://www.communaute-paysbasque.fr/">Communauté d'agglomération Pays basque</a></li><li><a href="/office-de-tourisme/">Office de tourisme</a></li><li><a href="/marches-publics/">Marchés publics</a></li></ul></div>
    <div><p class="site-footer__title">Suivez-nous</p><ul class="social"><li><a href="#"><svg><use href="#icon-facebook"></use></svg>Facebook</a></li><li><a href="#"><svg><use href="#icon-instagram"></use></svg>Instagram</a></li><li><a href="#"><svg><use href="#icon-youtube"></use></svg>YouTube</a></li></ul></div>
  </div>
  <p class="site-footer__legal"><a href="/mentions-legales/">Mentions légales</a> · <a href="/accessibilite/">Accessibilité</a> · <a href="/plan-du-site/">Plan du site</a> · © {c['now'].year} Ville d'Anglet</p>
</footer>
<script src="/build/js/vendor.{hexid(r, 10)}.js" defer></script>
<script src="/build/js/app.{hexid(r, 10)}.js" defer></script>
{matomo(t, r)}
</body>
</html>
"""


# ============================================================================ agency page with JSON-LD
def agency_page(a, c):
    t, r = c["t"], c["r"]
    pub, upd = d(a["date"]), d(a["updated"])
    nav = "".join(f'<li class="menu__item"><a class="menu__link" href="/{slug(s)}">{esc(s)}</a><ul class="menu__sub">' + "".join(f'<li><a href="/{slug(s)}/{slug(x)}">{esc(x)}</a></li>' for x in items) + "</ul></li>" for s, items in menu_sections(r))
    news = news_after(r, OTHER_NEWS, 4, pub, 40)
    more = "".join(f'<li class="more-news__item"><a href="/actualites/{slug(tt)}"><span class="more-news__date">{fr(dd)}</span><span class="more-news__title">{esc(tt)}</span></a></li>' for tt, s, dd in news)
    head = og_meta(c, a) + "\n" + jsonld_news(c, a)
    quick = "".join(f'<li class="quick__item"><a href="/{slug(q)}"><span class="quick__icon quick__icon--{slug(q)[:8]}" aria-hidden="true"></span>{q}</a></li>' for q in
                    ["Mes démarches", "Élections", "Portail famille", "Menus scolaires", "Urbanisme", "Déchets", "Offres d'emploi", "Signaler"])
    evs = events_after(r, 5, c["now"])
    agenda = "".join(f'<li class="agenda-home__item"><time datetime="{dd.isoformat()}"><span>{dd.day:02d}</span> {MOIS_ABR[dd.month - 1]}</time> <a href="/agenda/{slug(tt)}">{esc(tt)}</a> <span class="agenda-home__place">{esc(pl)}</span></li>' for tt, pl, dd, h in evs)
    css = critical_css(r, 180)
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{c['title_tag']}</title>
{head}
<style>{css}</style>
<link rel="stylesheet" href="/themes/saintes/dist/styles.css?v={hexid(r, 6)}">
{gtag(r)}
</head>
<body class="page page--news">
<a href="#contenu" class="skip">Aller au contenu</a>
<header class="header"><div class="header__inner"><a href="/" class="header__logo"><img src="/themes/saintes/dist/img/logo-saintes.svg" alt="Ville de Saintes"></a>
<nav class="menu" aria-label="Menu principal"><ul class="menu__list">{nav}</ul></nav>
<a href="/mon-espace" class="header__account">Mon espace</a></div></header>
<main id="contenu" class="main">
<div class="container">
<nav class="breadcrumbs"><a href="/">Accueil</a> › <a href="/actualites">Actualités</a> › <a href="/actualites?categorie=elections">Élections</a></nav>
<article class="news">
  <header class="news__header">
    <span class="news__category">Élections</span>
    <h1 class="news__title">{a['title']}</h1>
    <div class="news__dates"><span class="news__published">Publié le {fr(pub)}</span> <span class="news__updated">Mis à jour le {fr(upd)}</span></div>
  </header>
  <div class="news__content">
{a['body']}
  </div>
  <aside class="news__related"><h2>Documents</h2><ul><li><a href="/fileadmin/elections/2022/resultats-legislatives-t2.pdf">Résultats détaillés du second tour (PDF, 180 Ko)</a></li><li><a href="/fileadmin/elections/2022/resultats-legislatives-t1.pdf">Résultats du premier tour (PDF, 176 Ko)</a></li></ul></aside>
</article>
<section class="more-news"><h2>Autres actualités</h2><ul class="more-news__list">{more}</ul></section>
</div>
<section class="quick"><div class="container"><h2 class="quick__title">En un clic</h2><ul class="quick__list">{quick}</ul></div></section>
<section class="agenda-home"><div class="container"><h2>Agenda</h2><ul class="agenda-home__list">{agenda}</ul><a class="btn" href="/agenda">Tout l'agenda</a></div></section>
</main>
<footer class="footer"><div class="footer__inner"><p><strong>{t['site']}</strong> – {t['addr']} – {t['cp']} {t['name']} – {t['tel']}</p><p>Accueil de l'hôtel de ville : lundi-vendredi 8 h 30-12 h 30 / 13 h 30-17 h</p><p><a href="/mentions-legales">Mentions légales</a> | <a href="/accessibilite">Accessibilité</a> | <a href="/cookies">Cookies</a> | © {c['now'].year} Ville de Saintes</p></div></footer>
<div class="cookies-banner" id="cookies-banner" hidden><p>Nous utilisons des cookies de mesure d'audience.</p><button type="button">Accepter</button><button type="button">Refuser</button></div>
</body>
</html>
"""


# ============================================================================ e-monsite-like hosted builder
def emonsite_page(a, c):
    t, r = c["t"], c["r"]
    pub = d(a["date"])
    coms = [("Annie K.", "2023-01-14 18:22", "Très belle initiative, bravo à la mairie !"),
            ("Club des retraités", "2023-01-20 10:05", "Merci pour les ordinateurs, nos adhérents s'en servent déjà pour les cours du jeudi.")]
    comh = "".join(f'<div class="comment" id="comment-{i + 1}"><div class="comment-header"><span class="comment-author">{esc(w)}</span> <span class="comment-date">Le {dmy(when[:10])} à {when[11:]}</span></div><div class="comment-body"><p>{esc(x)}</p></div></div>' for i, (w, when, x) in enumerate(coms))
    cats = "".join(f'<li><a href="/blog/{slug(x)}/">{x}</a></li>' for x in ["Vie communale", "Conseil municipal", "École", "Associations", "Travaux", "Environnement"])
    nav = "".join(f'<li class="menu-item"><a href="/pages/{slug(s)}/">{esc(s)}</a></li>' for s, _ in menu_sections(r))
    last = news_after(r, OTHER_NEWS, 5, pub, 60)
    lasth = "".join(f'<li><a href="/blog/vie-communale/{slug(tt)}.html">{esc(tt)}</a><br /><span class="date">Le {dmy(dd)}</span></li>' for tt, s, dd in last)
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="UTF-8" />
<title>{c['title_tag']}</title>
<meta name="description" content="La commune a fait reconditionner ses anciens ordinateurs et les a donnés à six associations." />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<link rel="canonical" href="{t['url']}{a['path']}" />
<meta property="og:title" content="{esc(a['title'])}" />
<meta property="og:type" content="article" />
<link rel="stylesheet" href="https://static.e-monsite.com/themes/base/css/base.css?v=20221104" />
<link rel="stylesheet" href="{t['url']}/medias/static/themes/theme.css?v={hexid(r, 6)}" />
<script src="https://static.e-monsite.com/js/jquery-3.6.0.min.js"></script>
<script>var _ems = {{"site_id":"{hexid(r, 24)}","lang":"fr","module":"blog","page":"post"}};</script>
<style type="text/css">{critical_css(r, 140)}</style>
<script>
window.emsConsent = {{"version":3,"vendors":["google-analytics","youtube","facebook","openstreetmap"],"texts":{{"title":"Vos choix concernant les cookies","body":"Ce site et ses partenaires utilisent des traceurs pour mesurer l'audience et afficher des contenus externes.","accept":"Accepter et fermer","refuse":"Continuer sans accepter","custom":"Personnaliser"}},"privacyUrl":"/pages/mentions-legales.html","expiry":180}};
(function(w,d){{var s=d.createElement('script');s.async=true;s.src='https://static.e-monsite.com/js/consent/ems-consent.min.js?v=3.4.1';d.getElementsByTagName('head')[0].appendChild(s);}})(window,document);
</script>
{gtag(r)}
</head>
<body id="blog" class="default">
<div id="site-wrapper">
<header id="header"><div class="container"><a class="brand" href="{t['url']}/">{t['site']}</a><p class="slogan">Commune du Pays bigouden</p></div></header>
<nav id="menu" class="navbar"><div class="container"><ul class="nav navbar-nav">{nav}</ul></div></nav>
<div id="main-area" class="container">
<div class="row">
<div id="main" class="col-md-8">
<ol class="breadcrumb"><li><a href="{t['url']}/">Accueil</a></li><li><a href="{t['url']}/blog/">Actualités</a></li><li><a href="{t['url']}/blog/vie-communale/">Vie communale</a></li><li class="active">{a['title']}</li></ol>
<div class="view view-blog" id="view-item" data-id-blog="{hexid(r, 24)}" itemscope itemtype="https://schema.org/BlogPosting">
<div class="container">
<div class="row">
<div class="col">
<h1 class="view-title" itemprop="headline">{a['title']}</h1>
<meta itemprop="datePublished" content="{pub.isoformat()}" />
<p class="metas"><span class="meta-date">Le {dmy(pub)}</span> <span class="meta-category">Dans <a href="{t['url']}/blog/vie-communale/">Vie communale</a></span></p>
<div class="content" itemprop="articleBody">
{a['body']}
</div>
<p class="metas metas-comments"><a href="#comments">Commentaires (2)</a></p>
<div class="plugins"><div class="plugin plugin-social"><a href="https://www.facebook.com/sharer.php?u={esc(t['url'] + a['path'])}" class="btn btn-facebook">Partager</a> <a href="https://twitter.com/share?url={esc(t['url'] + a['path'])}" class="btn btn-twitter">Tweeter</a></div></div>
</div>
</div>
</div>
<div id="comments" class="comments"><h3 class="comments-title">Commentaires (2)</h3>{comh}
<form action="{t['url']}/blog/do/comment/" method="post" class="comment-form"><input type="hidden" name="item" value="{hexid(r, 24)}" /><label>Nom</label><input type="text" name="name" /><label>Message</label><textarea name="message"></textarea><button type="submit">Envoyer</button></form></div>
</div>
</div>
<div id="sidebar" class="col-md-4">
<div class="widget"><h3 class="widget-title">Catégories</h3><ul>{cats}</ul></div>
<div class="widget"><h3 class="widget-title">Derniers articles</h3><ul class="blog-last">{lasth}</ul></div>
<div class="widget widget-search"><h3 class="widget-title">Rechercher</h3><form method="get" action="{t['url']}/search/site/"><input type="text" name="terms" placeholder="Rechercher" /><button type="submit">OK</button></form></div>
<div class="widget widget-newsletter"><h3 class="widget-title">Lettre d'information</h3><form method="post" action="{t['url']}/newsletters/subscribe"><input type="email" name="email" placeholder="Votre adresse e-mail" /><input type="hidden" name="_csrf" value="{blob(r, 24)}" /><button type="submit">S'inscrire</button></form></div>
<div class="widget widget-marees"><h3 class="widget-title">Horaires des marées</h3><p>Consultez les horaires des marées du port de Loctudy sur le site du service hydrographique.</p></div>
<div class="widget"><h3 class="widget-title">Mairie de Loctudy</h3><p>{t['addr']}<br />{t['cp']} Loctudy<br />{t['tel']}</p><p>Lundi au vendredi : 8 h 30 - 12 h / 13 h 30 - 17 h</p></div>
</div>
</div>
</div>
<div id="bottom-links" class="container"><div class="row"><div class="col-md-4"><h4>La mairie</h4><ul><li><a href="/pages/la-mairie/le-conseil-municipal.html">Le conseil municipal</a></li><li><a href="/pages/la-mairie/comptes-rendus.html">Comptes rendus</a></li><li><a href="/pages/la-mairie/bulletin.html">Bulletin municipal</a></li></ul></div><div class="col-md-4"><h4>Vivre à Loctudy</h4><ul><li><a href="/pages/vivre/ecole.html">École</a></li><li><a href="/pages/vivre/port.html">Le port</a></li><li><a href="/pages/vivre/associations.html">Associations</a></li></ul></div><div class="col-md-4"><h4>Découvrir</h4><ul><li><a href="/pages/decouvrir/ile-tudy.html">Les îles</a></li><li><a href="/pages/decouvrir/patrimoine.html">Patrimoine</a></li><li><a href="/pages/decouvrir/randonnees.html">Randonnées</a></li></ul></div></div></div>
<footer id="footer"><div class="container"><p>{t['site']} © {c['now'].year} – <a href="{t['url']}/pages/mentions-legales.html">Mentions légales</a></p><p class="ems-credit">Créé avec <a href="https://www.e-monsite.com/" rel="nofollow">e-monsite</a></p></div></footer>
</div>
</body>
</html>
"""
