"""WordPress themes: Twenty Seventeen-like, custom agency theme, Astra-like with Yoast, a byline-only
theme, an old Kubrick-era theme, and an Elementor page-builder site."""
import json

from parts import *  # noqa

WPVER = {"tseventeen": "5.2.3", "custom": "5.9", "astra": "5.2.1", "byline": "4.9.1", "old": "5.6.2", "elementor": "5.5.1"}


def wp_emoji(c, ver):
    u = c["t"]["url"].replace("/", "\\/")
    return """<script type="text/javascript">
window._wpemojiSettings = {"baseUrl":"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/12.0.0-1\\/72x72\\/","ext":".png","svgUrl":"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/12.0.0-1\\/svg\\/","svgExt":".svg","source":{"concatemoji":"%s\\/wp-includes\\/js\\/wp-emoji-release.min.js?ver=%s"}};
!function(w,doc,cfg){var sup={everything:!0,everythingExceptFlag:!0},c=doc.createElement("canvas"),x=c.getContext&&c.getContext("2d");function draw(s){if(!x||!x.fillText)return!1;x.clearRect(0,0,c.width,c.height);x.textBaseline="top";x.font="600 32px Arial";x.fillText(s,0,0);return c.toDataURL().length>3e3}function load(src){var s=doc.createElement("script");s.src=src;s.defer=s.type="text/javascript";doc.getElementsByTagName("head")[0].appendChild(s)}cfg.supports=sup;sup.flag=draw("\\ud83c\\udff3\\ufe0f\\u200d\\ud83c\\udf08");sup.emoji=draw("\\ud83d\\udc68\\u200d\\ud83d\\udcbb");sup.everything=sup.flag&&sup.emoji;sup.everythingExceptFlag=sup.emoji;cfg.DOMReady=!1;cfg.readyCallback=function(){cfg.DOMReady=!0};if(!sup.everything){doc.addEventListener("DOMContentLoaded",cfg.readyCallback,!1);w.addEventListener("load",cfg.readyCallback,!1);cfg.source&&cfg.source.concatemoji&&load(cfg.source.concatemoji)}}(window,document,window._wpemojiSettings);
</script>
<style type="text/css">
img.wp-smiley,
img.emoji {
	display: inline !important;
	border: none !important;
	box-shadow: none !important;
	height: 1em !important;
	width: 1em !important;
	margin: 0 .07em !important;
	vertical-align: -0.1em !important;
	background: none !important;
	padding: 0 !important;
}
</style>""" % (u, ver)


def wp_head(c, theme):
    t, r = c["t"], c["r"]
    ver = WPVER[theme]
    u = t["url"]
    pid = c.get("post_id", 0)
    extra = c.get("head_extra", "")
    styles = "\n".join(f"<link rel='stylesheet' id='{i}-css'  href='{u}/{p}?ver={v}' type='text/css' media='all' />" for i, p, v in [
        ("wp-block-library", "wp-includes/css/dist/block-library/style.min.css", ver),
        ("contact-form-7", "wp-content/plugins/contact-form-7/includes/css/styles.css", "5.1.4"),
        ("cookie-notice-front", "wp-content/plugins/cookie-notice/css/front.min.css", "1.2.48"),
        (f"{theme}-style", f"wp-content/themes/{t['key']}-{theme}/style.css", "1.0." + str(r.randint(2, 19))),
    ])
    links = f"""<link rel='dns-prefetch' href='//fonts.googleapis.com' />
<link rel='dns-prefetch' href='//s.w.org' />
<link rel="alternate" type="application/rss+xml" title="{esc(t['site'])} &raquo; Flux" href="{u}/feed/" />
<link rel="alternate" type="application/rss+xml" title="{esc(t['site'])} &raquo; Flux des commentaires" href="{u}/comments/feed/" />"""
    post_links = ""
    if pid:
        post_links = f"""<link rel='https://api.w.org/' href='{u}/wp-json/' />
<link rel="EditURI" type="application/rsd+xml" title="RSD" href="{u}/xmlrpc.php?rsd" />
<link rel="wlwmanifest" type="application/wlwmanifest+xml" href="{u}/wp-includes/wlwmanifest.xml" />
<link rel='prev' title='{esc(c.get("prev_title", ""))}' href='{u}/?p={pid - r.randint(3, 30)}' />
<meta name="generator" content="WordPress {ver}" />
<link rel='shortlink' href='{u}/?p={pid}' />
<link rel="alternate" type="application/json+oembed" href="{u}/wp-json/oembed/1.0/embed?url={esc(u + c['path'])}" />"""
    else:
        post_links = f'<link rel=\'https://api.w.org/\' href=\'{u}/wp-json/\' />\n<meta name="generator" content="WordPress {ver}" />'
    return f"""<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="profile" href="https://gmpg.org/xfn/11">
{extra}
<title>{c['title_tag']}</title>
{links}
{wp_emoji(c, ver)}
{styles}
<script type='text/javascript' src='{u}/wp-includes/js/jquery/jquery.js?ver=1.12.4-wp'></script>
<script type='text/javascript' src='{u}/wp-includes/js/jquery/jquery-migrate.min.js?ver=1.4.1'></script>
<script type='text/javascript'>
/* <![CDATA[ */
var cnArgs = {{"ajaxUrl":"{u.replace('/', chr(92) + '/')}\\/wp-admin\\/admin-ajax.php","nonce":"{hexid(r, 10)}","hideEffect":"fade","position":"bottom","onScroll":"0","onScrollOffset":"100","onClick":"0","cookieName":"cookie_notice_accepted","cookieTime":"2592000","cookieTimeRejected":"2592000","cookiePath":"\\/","cookieDomain":"","redirection":"0","cache":"0","refuse":"1","revokeCookies":"0","revokeCookiesOpt":"automatic","secure":"1","coronabarActive":"0"}};
/* ]]> */
</script>
<script type='text/javascript' src='{u}/wp-content/plugins/cookie-notice/js/front.min.js?ver=1.2.48'></script>
{post_links}
<style type="text/css">.recentcomments a{{display:inline !important;padding:0 !important;margin:0 !important;}}</style>
<link rel="icon" href="{u}/wp-content/uploads/2018/03/cropped-favicon-32x32.png" sizes="32x32" />
<link rel="icon" href="{u}/wp-content/uploads/2018/03/cropped-favicon-192x192.png" sizes="192x192" />
</head>"""


def wp_nav(c, cls="menu", idp="menu-item-"):
    r = c["r"]
    out = []
    n = 100
    for sec, items in menu_sections(r):
        n += 1
        sub = []
        for x in items:
            n += 1
            sub.append(f'<li id="{idp}{n}" class="menu-item menu-item-type-post_type menu-item-object-page menu-item-{n}"><a href="{c["t"]["url"]}/{slug(sec)}/{slug(x)}/">{esc(x)}</a></li>')
        out.append(f'<li id="{idp}{n - len(items)}" class="menu-item menu-item-type-custom menu-item-object-custom menu-item-has-children menu-item-{n - len(items)}"><a href="#">{esc(sec)}</a>\n<ul class="sub-menu">\n' + "\n".join(sub) + "\n</ul>\n</li>")
    return f'<ul id="top-menu" class="{cls}">' + "\n".join(out) + "</ul>"


def wp_recent(c, k=5, dates=True, title="Articles récents"):
    r = c["r"]
    items = news_after(r, OTHER_NEWS + NUMERIC_NEWS, k, c.get("pub") or c["now"])
    lis = "\n".join(f'<li><a href="{c["t"]["url"]}/{slug(tt)}/">{esc(tt)}</a>' +
                    (f'<span class="post-date">{fr(dd)}</span>' if dates else "") + "</li>" for tt, s, dd in items)
    return f'<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">{title}</h2><ul>\n{lis}\n</ul></section>'


def wp_archives(c, n=12):
    now = c["now"]
    lis = []
    y, m = now.year, now.month
    for _ in range(n):
        lis.append(f'<li><a href="{c["t"]["url"]}/{y}/{m:02d}/">{MOIS[m - 1]} {y}</a></li>')
        m -= 1
        if m == 0:
            y, m = y - 1, 12
    return '<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul>\n' + "\n".join(lis) + "\n</ul></section>"


def wp_categories(c, cats=("Actualités", "Culture", "Démocratie participative", "Enfance-jeunesse", "Numérique", "Solidarité", "Sport", "Travaux", "Vie locale")):
    r = c["r"]
    lis = "\n".join(f'<li class="cat-item cat-item-{r.randint(2, 40)}"><a href="{c["t"]["url"]}/category/{slug(x)}/">{x}</a></li>' for x in cats)
    return f'<section id="categories-2" class="widget widget_categories"><h2 class="widget-title">Catégories</h2><ul>\n{lis}\n</ul></section>'


def wp_events_widget(c, k=4):
    r = c["r"]
    evs = events_after(r, k, c["now"])
    lis = "\n".join(f"""<div class="tribe-mini-calendar-event">
<div class="list-date"><span class="list-dayname">{JOURS_ABR[dd.weekday()]}</span><span class="list-daynumber">{dd.day}</span></div>
<div class="list-info"><h2 class="tribe-events-title"><a href="{c['t']['url']}/evenement/{slug(tt)}/" rel="bookmark">{esc(tt)}</a></h2>
<div class="tribe-events-duration"><span class="tribe-event-date-start">{dd.day} {MOIS[dd.month - 1]} @ {h}</span></div></div></div>""" for tt, pl, dd, h in evs)
    return f'<section id="tribe-events-list-widget-2" class="widget tribe-events-list-widget"><h2 class="widget-title">Agenda</h2><div class="tribe-list-widget">{lis}</div><p class="tribe-events-widget-link"><a href="{c["t"]["url"]}/agenda/" rel="bookmark">Voir tous les événements</a></p></section>'


def cookie_notice():
    return """<div id="cookie-notice" role="banner" class="cookie-notice-hidden cookie-revoke-hidden cn-position-bottom" aria-label="Cookie Notice" style="background-color: rgba(50,50,58,1);"><div class="cookie-notice-container" style="color: #fff;"><span id="cn-notice-text" class="cn-text-container">Nous utilisons des cookies pour vous garantir la meilleure expérience sur notre site. Si vous continuez à utiliser ce dernier, nous considérerons que vous acceptez l'utilisation des cookies.</span><span id="cn-notice-buttons" class="cn-buttons-container"><a href="#" id="cn-accept-cookie" data-cookie-set="accept" class="cn-set-cookie cn-button bootstrap button">Ok</a><a href="#" id="cn-refuse-cookie" data-cookie-set="refuse" class="cn-set-cookie cn-button bootstrap button">Non</a><a href="/politique-de-confidentialite/" target="_blank" id="cn-more-info" class="cn-more-info cn-button bootstrap button">Politique de confidentialité</a></span><a href="javascript:void(0);" id="cn-close-notice" data-cookie-set="accept" class="cn-close-icon" aria-label="Ok"></a></div></div>"""


def wp_footer_info(c):
    t = c["t"]
    return f"""<div class="footer-contact">
<p><strong>{t['site']}</strong><br>{t['addr']}<br>{t['cp']} {t['name']}<br>Tél. : <a href="tel:{t['tel'].replace(' ', '')}">{t['tel']}</a></p>
<p>Accueil ouvert du lundi au vendredi de 8 h 30 à 12 h et de 13 h 30 à 17 h 30.<br>Permanence état civil le samedi de 9 h à 12 h.</p>
</div>"""


def wp_social(u, title):
    from urllib.parse import quote
    q = quote(u, safe="")
    return f"""<div class="share-buttons"><span class="share-label">Partager :</span>
<a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u={q}" target="_blank" rel="noopener">Facebook</a>
<a class="share-twitter" href="https://twitter.com/intent/tweet?url={q}&amp;text={quote(title)}" target="_blank" rel="noopener">Twitter</a>
<a class="share-linkedin" href="https://www.linkedin.com/shareArticle?mini=true&amp;url={q}" target="_blank" rel="noopener">LinkedIn</a>
<a class="share-mail" href="mailto:?subject={quote(title)}&amp;body={q}">E-mail</a>
<a class="share-print" href="javascript:window.print()">Imprimer</a></div>"""


def yoast_graph(c, a, art_type="Article"):
    t = c["t"]
    u = t["url"]
    url = u + a["path"]
    pub = a["date"] + "T09:%02d:%02d+02:00" % (c["r"].randint(0, 59), c["r"].randint(0, 59))
    mod = (a.get("updated") or a["date"]) + "T16:%02d:11+02:00" % c["r"].randint(0, 59)
    g = {"@context": "https://schema.org", "@graph": [
        {"@type": "Organization", "@id": u + "/#organization", "name": t["site"], "url": u + "/",
         "sameAs": ["https://www.facebook.com/" + slug(t["site"]).replace("-", "")],
         "logo": {"@type": "ImageObject", "@id": u + "/#logo", "url": u + "/wp-content/uploads/logo.png", "width": 300, "height": 120, "caption": t["site"]}},
        {"@type": "WebSite", "@id": u + "/#website", "url": u + "/", "name": t["site"], "publisher": {"@id": u + "/#organization"},
         "potentialAction": {"@type": "SearchAction", "target": u + "/?s={search_term_string}", "query-input": "required name=search_term_string"}},
        {"@type": "WebPage", "@id": url + "#webpage", "url": url, "inLanguage": "fr-FR", "name": c["title_tag"],
         "isPartOf": {"@id": u + "/#website"}, "datePublished": pub, "dateModified": mod},
        {"@type": art_type, "@id": url + "#article", "isPartOf": {"@id": url + "#webpage"}, "author": {"@id": u + "/#/schema/person/" + hexid(c["r"], 32)},
         "headline": a["title"], "datePublished": pub, "dateModified": mod, "commentCount": len(a.get("comments", [])),
         "mainEntityOfPage": {"@id": url + "#webpage"}, "publisher": {"@id": u + "/#organization"},
         "articleSection": ",".join(x.replace("-", " ").capitalize() for x in a.get("categories", [])), "inLanguage": "fr-FR"},
    ]}
    return '<script type="application/ld+json" class="yoast-schema-graph yoast-schema-graph--main">' + json.dumps(g, ensure_ascii=False, separators=(",", ":")) + "</script>"


def og_meta(c, a, typ="article", with_times=True, site_title=None):
    t = c["t"]
    u = t["url"] + a["path"]
    ogt = a.get("og_title") or a["title"]
    desc = re.sub(r"<[^>]+>", "", a.get("chapo") or a["body"])
    desc = html.unescape(" ".join(desc.split()))[:155].rsplit(" ", 1)[0] + "…"
    out = [f'<meta property="og:locale" content="fr_FR" />', f'<meta property="og:type" content="{typ}" />',
           f'<meta property="og:title" content="{esc(ogt)}" />', f'<meta property="og:description" content="{esc(desc)}" />',
           f'<meta property="og:url" content="{esc(u)}" />', f'<meta property="og:site_name" content="{esc(site_title or t["site"])}" />']
    if with_times and a.get("date"):
        out.append(f'<meta property="article:published_time" content="{a["date"]}T08:{c["r"].randint(10, 59)}:00+00:00" />')
        if a.get("updated"):
            out.append(f'<meta property="article:modified_time" content="{a["updated"]}T13:{c["r"].randint(10, 59)}:00+00:00" />')
            out.append(f'<meta property="og:updated_time" content="{a["updated"]}T13:{c["r"].randint(10, 59)}:00+00:00" />')
    out.append(f'<meta property="og:image" content="{t["url"]}/wp-content/uploads/{(a.get("date") or "2020-01-01")[:4]}/{slug(a["title"])[:30]}.jpg" />')
    out.append('<meta name="twitter:card" content="summary_large_image" />')
    return "\n".join(out)


# ----------------------------------------------------------------------------- shells
def wp_tseventeen_shell(c):
    t, r = c["t"], c["r"]
    side = c.get("sidebar")
    if side is None:
        side = ("""<section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="%s/">
	<label for="search-form-%s"><span class="screen-reader-text">Recherche pour :</span></label>
	<input type="search" id="search-form-%s" class="search-field" placeholder="Recherche&hellip;" value="" name="s" />
	<button type="submit" class="search-submit"><svg class="icon icon-search" aria-hidden="true" role="img"> <use href="#icon-search" xlink:href="#icon-search"></use> </svg><span class="screen-reader-text">Recherche</span></button>
</form></section>""" % (t["url"], hexid(r, 13), hexid(r, 13))) + wp_recent(c) + wp_events_widget(c, 3) + wp_archives(c, 8) + wp_categories(c)
    return f"""<!DOCTYPE html>
<html lang="fr-FR" class="no-js no-svg">
{wp_head(c, 'tseventeen')}
<body class="{c.get('body_class', 'post-template-default single single-post single-format-standard has-header-image has-sidebar colors-light')}">
<div id="page" class="site">
	<a class="skip-link screen-reader-text" href="#content">Aller au contenu principal</a>
	<header id="masthead" class="site-header" role="banner">
		<div class="custom-header">
		<div class="custom-header-media"><div id="wp-custom-header" class="wp-custom-header"><img src="{t['url']}/wp-content/uploads/2018/01/bandeau-{t['key']}.jpg" width="2000" height="1200" alt="{esc(t['site'])}" /></div></div>
	<div class="site-branding">
	<div class="wrap">
		<a href="{t['url']}/" class="custom-logo-link" rel="home"><img width="250" height="100" src="{t['url']}/wp-content/uploads/2018/01/logo.png" class="custom-logo" alt="{esc(t['site'])}" /></a>
		<div class="site-branding-text">
			<p class="site-title"><a href="{t['url']}/" rel="home">{t['site']}</a></p>
			<p class="site-description">Site officiel de la ville</p>
		</div>
	</div>
</div>
</div>
		<div class="navigation-top">
			<div class="wrap">
				<nav id="site-navigation" class="main-navigation" role="navigation" aria-label="Menu supérieur">
	<button class="menu-toggle" aria-controls="top-menu" aria-expanded="false">Menu</button>
	{wp_nav(c)}
</nav>
			</div>
		</div>
	</header>
	<div class="site-content-contain">
		<div id="content" class="site-content">
<div class="wrap">
	<div id="primary" class="content-area">
		<main id="main" class="site-main" role="main">
{c['main']}
		</main><!-- #main -->
	</div><!-- #primary -->
	<aside id="secondary" class="widget-area" role="complementary" aria-label="Colonne latérale du blog">
{side}
	</aside><!-- #secondary -->
</div><!-- .wrap -->
		</div><!-- #content -->
		<footer id="colophon" class="site-footer" role="contentinfo">
			<div class="wrap">
	<aside class="widget-area" role="complementary" aria-label="Pied de page">
		<div class="widget-column footer-widget-1"><section id="text-3" class="widget widget_text"><h2 class="widget-title">Nous trouver</h2><div class="textwidget">{wp_footer_info(c)}</div></section></div>
	</aside>
<div class="site-info">
		<a class="privacy-policy-link" href="{t['url']}/mentions-legales/">Mentions légales</a><span role="separator" aria-hidden="true"></span>
	<a href="https://wordpress.org/" class="imprint">Fièrement propulsé par WordPress</a>
</div>
			</div>
		</footer>
	</div>
</div><!-- #page -->
<script type='text/javascript'>
/* <![CDATA[ */
var twentyseventeenScreenReaderText = {{"quote":"<svg class=\\"icon icon-quote-right\\" aria-hidden=\\"true\\" role=\\"img\\"> <use href=\\"#icon-quote-right\\" xlink:href=\\"#icon-quote-right\\"><\\/use> <\\/svg>","expand":"Ouvrir le sous-menu","collapse":"Fermer le sous-menu","icon":"<svg class=\\"icon icon-angle-down\\" aria-hidden=\\"true\\" role=\\"img\\"> <use href=\\"#icon-angle-down\\" xlink:href=\\"#icon-angle-down\\"><\\/use> <span class=\\"svg-fallback icon-angle-down\\"><\\/span><\\/svg>"}};
/* ]]> */
</script>
<script type='text/javascript' src='{t['url']}/wp-content/themes/twentyseventeen/assets/js/skip-link-focus-fix.js?ver=1.0'></script>
<script type='text/javascript' src='{t['url']}/wp-content/themes/twentyseventeen/assets/js/navigation.js?ver=1.0'></script>
<script type='text/javascript' src='{t['url']}/wp-includes/js/comment-reply.min.js?ver={WPVER['tseventeen']}'></script>
{svg_sprite(r, 25)}
{cookie_notice()}
</body>
</html>
"""


def wp_post_classes(a, pid):
    cats = " ".join("category-" + x for x in a.get("categories", []))
    tags = " ".join("tag-" + x for x in a.get("tags", []))
    return f"post-{pid} post type-post status-publish format-standard has-post-thumbnail hentry {cats} {tags}".replace("  ", " ").strip()


def wp_tseventeen_article(a, c):
    t, r = c["t"], c["r"]
    pid = c["post_id"]
    u = t["url"] + a["path"]
    pub, upd = d(a["date"]), d(a["updated"])
    cats = ", ".join(f'<a href="{t["url"]}/category/{x}/" rel="category tag">{x.replace("-", " ").capitalize()}</a>' for x in a["categories"])
    tags = ", ".join(f'<a href="{t["url"]}/tag/{x}/" rel="tag">{x.replace("-", " ")}</a>' for x in a["tags"])
    comments = []
    for i, (who, when, txt) in enumerate(a["comments"]):
        cid = 1800 + i * 7
        dd = d(when[:10])
        hh, mm = when[11:13], when[14:16]
        klass = "comment byuser comment-author-mairie bypostauthor" if who.startswith("Ville") else "comment"
        comments.append(f"""		<li id="comment-{cid}" class="{klass} {'even' if i % 2 == 0 else 'odd alt'} thread-{'even' if i % 2 == 0 else 'odd'} depth-1">
			<article id="div-comment-{cid}" class="comment-body">
				<footer class="comment-meta">
					<div class="comment-author vcard">
						<img alt='' src='https://secure.gravatar.com/avatar/{hexid(r, 32)}?s=100&#038;d=mm&#038;r=g' class='avatar avatar-100 photo' height='100' width='100' />						<b class="fn">{esc(who)}</b> <span class="says">dit :</span>					</div><!-- .comment-author -->
					<div class="comment-metadata">
						<a href="{u}#comment-{cid}">
							<time datetime="{when}">
								{fr(dd)} à {int(hh)} h {int(mm)} min							</time>
						</a>
											</div><!-- .comment-metadata -->
									</footer><!-- .comment-meta -->
				<div class="comment-content">
					<p>{esc(txt)}</p>
				</div><!-- .comment-content -->
				<div class="reply"><a rel='nofollow' class='comment-reply-link' href='{u}?replytocom={cid}#respond' data-commentid="{cid}" data-postid="{pid}" data-belowelement="div-comment-{cid}" data-respondelement="respond" aria-label='Répondre à {esc(who)}'>Répondre</a></div>			</article><!-- .comment-body -->
		</li><!-- #comment-## -->""")
    n = len(comments)
    return f"""<article id="post-{pid}" class="{wp_post_classes(a, pid)}">
		<header class="entry-header">
		<div class="entry-meta"><span class="posted-on"><span class="screen-reader-text">Publié le</span> <a href="{u}" rel="bookmark"><time class="entry-date published" datetime="{pub.isoformat()}T09:12:44+02:00">{fr(pub)}</time><time class="updated" datetime="{upd.isoformat()}T16:48:03+02:00">{fr(upd)}</time></a></span><span class="byline"> par <span class="author vcard"><a class="url fn n" href="{t['url']}/author/communication/">{a['author']}</a></span></span></div><!-- .entry-meta --><h1 class="entry-title">{a['title']}</h1>	</header><!-- .entry-header -->
			<div class="single-featured-image-header"><img width="2000" height="1200" src="{t['url']}/wp-content/uploads/2019/09/budget-participatif.jpg" class="attachment-twentyseventeen-featured-image size-twentyseventeen-featured-image wp-post-image" alt="" /></div>
	<div class="entry-content">
		{a['body']}
	</div><!-- .entry-content -->
	{wp_social(u, a['title'])}
	<footer class="entry-footer"><span class="cat-tags-links"><span class="cat-links"><svg class="icon icon-folder-open" aria-hidden="true" role="img"> <use href="#icon-folder-open" xlink:href="#icon-folder-open"></use> </svg><span class="screen-reader-text">Catégories</span>{cats}</span><span class="tags-links"><svg class="icon icon-hashtag" aria-hidden="true" role="img"> <use href="#icon-hashtag" xlink:href="#icon-hashtag"></use> </svg><span class="screen-reader-text">Étiquettes</span>{tags}</span></span></footer> <!-- .entry-footer -->
</article><!-- #post-{pid} -->

<div id="comments" class="comments-area">
			<h2 class="comments-title">
			{n} réponses sur &ldquo;{a['title']}&rdquo;		</h2>
		<ol class="comment-list">
{chr(10).join(comments)}
		</ol>
			<div id="respond" class="comment-respond">
		<h3 id="reply-title" class="comment-reply-title">Laisser un commentaire <small><a rel="nofollow" id="cancel-comment-reply-link" href="{u}#respond" style="display:none;">Annuler la réponse</a></small></h3>			<form action="{t['url']}/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate>
				<p class="comment-notes"><span id="email-notes">Votre adresse e-mail ne sera pas publiée.</span> Les champs obligatoires sont indiqués avec <span class="required">*</span></p><p class="comment-form-comment"><label for="comment">Commentaire</label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required="required"></textarea></p><p class="comment-form-author"><label for="author">Nom <span class="required">*</span></label> <input id="author" name="author" type="text" value="" size="30" maxlength="245" required='required' /></p>
<p class="comment-form-email"><label for="email">E-mail <span class="required">*</span></label> <input id="email" name="email" type="email" value="" size="30" maxlength="100" aria-describedby="email-notes" required='required' /></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Laisser un commentaire" /> <input type='hidden' name='comment_post_ID' value='{pid}' id='comment_post_ID' />
<input type='hidden' name='comment_parent' id='comment_parent' value='0' />
</p><p style="display: none;"><input type="hidden" id="akismet_comment_nonce" name="akismet_comment_nonce" value="{hexid(r, 10)}" /></p>			</form>
			</div><!-- #respond -->
	</div><!-- #comments -->

	<nav class="navigation post-navigation" role="navigation">
		<h2 class="screen-reader-text">Navigation de l’article</h2>
		<div class="nav-links"><div class="nav-previous"><a href="{t['url']}/2019/09/09/forum-des-associations/" rel="prev"><span class="screen-reader-text">Article précédent</span><span aria-hidden="true" class="nav-subtitle">Précédent</span> <span class="nav-title"><span class="nav-title-icon-wrapper"><svg class="icon icon-arrow-left" aria-hidden="true" role="img"> <use href="#icon-arrow-left" xlink:href="#icon-arrow-left"></use> </svg></span>Forum des associations</span></a></div><div class="nav-next"><a href="{t['url']}/2019/09/23/semaine-bleue/" rel="next"><span class="screen-reader-text">Article suivant</span><span aria-hidden="true" class="nav-subtitle">Suivant</span> <span class="nav-title">Semaine bleue : le programme<span class="nav-title-icon-wrapper"><svg class="icon icon-arrow-right" aria-hidden="true" role="img"> <use href="#icon-arrow-right" xlink:href="#icon-arrow-right"></use> </svg></span></span></a></div></div>
	</nav>"""


def wp_custom_shell(c):
    """An agency theme: header with mega-menu, breadcrumb, content + aside, big footer."""
    t, r = c["t"], c["r"]
    mega = []
    for sec, items in menu_sections(r):
        cols = "".join(f'<li class="mega-menu__item"><a class="mega-menu__link" href="{t["url"]}/{slug(sec)}/{slug(x)}/">{esc(x)}</a></li>' for x in items)
        mega.append(f'<li class="nav-main__item has-mega"><button class="nav-main__toggle" aria-expanded="false">{esc(sec)}</button>'
                    f'<div class="mega-menu"><div class="mega-menu__inner container"><p class="mega-menu__title">{esc(sec)}</p><ul class="mega-menu__list">{cols}</ul></div></div></li>')
    crumbs = c.get("crumbs", [])
    bc = "".join(f'<li class="breadcrumb__item"><a href="{h}">{l}</a></li>' if h else f'<li class="breadcrumb__item breadcrumb__item--current" aria-current="page">{l}</li>' for l, h in crumbs)
    hours = "".join(f"<tr><th>{j}</th><td>{m}</td><td>{s}</td></tr>" for j, m, s in hours_block())
    side = c.get("sidebar")
    if side is None:
        side = f"""<div class="aside-block aside-block--quick"><h2 class="aside-block__title">En un clic</h2><ul class="quick-links">
<li><a href="{t['url']}/demarches/etat-civil/">Demander un acte d'état civil</a></li><li><a href="{t['url']}/enfance/portail-famille/">Portail famille</a></li>
<li><a href="{t['url']}/cadre-de-vie/signaler-un-probleme/">Signaler un problème</a></li><li><a href="{t['url']}/ma-mairie/publications/">Le magazine municipal</a></li>
<li><a href="{t['url']}/vivre-ici/dechets/">Collecte des déchets</a></li></ul></div>""" + wp_events_widget(c, 3)
    return f"""<!doctype html>
<html lang="fr-FR">
{wp_head(c, 'custom')}
<body class="{c.get('body_class', 'post-template-default single single-post')}">
<a class="skip-link" href="#main">Aller au contenu</a>
<header class="header" id="header">
  <div class="header__top container">
    <a class="header__logo" href="{t['url']}/"><img src="{t['url']}/wp-content/themes/{t['key']}/assets/img/logo-{t['key']}.svg" alt="{esc(t['site'])} - retour à l'accueil" width="180" height="70"></a>
    <ul class="header__tools"><li><a href="{t['url']}/contact/">Contact</a></li><li><a href="{t['url']}/demarches/">Démarches</a></li><li><a href="https://www.facebook.com/villedeloches" class="icon-facebook" aria-label="Facebook"></a></li></ul>
    <form class="header__search" role="search" action="{t['url']}/" method="get"><label class="sr-only" for="s">Rechercher</label><input type="search" name="s" id="s" placeholder="Que recherchez-vous ?"><button type="submit">OK</button></form>
  </div>
  <nav class="nav-main" aria-label="Menu principal"><ul class="nav-main__list container">{''.join(mega)}</ul></nav>
</header>
<main id="main" class="main">
  <div class="container">
    <nav class="breadcrumb" aria-label="Fil d'Ariane"><ol class="breadcrumb__list">{bc}</ol></nav>
    <div class="layout layout--aside">
      <div class="layout__content">
{c['main']}
      </div>
      <aside class="layout__aside">
{side}
      </aside>
    </div>
  </div>
</main>
<section class="newsletter"><div class="container">
  <h2 class="newsletter__title">Restez informés</h2><p>Recevez chaque mois la lettre d'information de la ville.</p>
  <div class="mailpoet_form mailpoet_form_widget" id="mailpoet_form_1"><form target="_self" method="post" action="{t['url']}/wp-admin/admin-post.php?action=mailpoet_subscription_form" class="mailpoet_form" novalidate>
  <input type="hidden" name="data[form_id]" value="1" /><input type="hidden" name="token" value="{hexid(r, 10)}" /><input type="hidden" name="api_version" value="v1" /><input type="hidden" name="endpoint" value="subscribers" /><input type="hidden" name="mailpoet_method" value="subscribe" />
  <label class="mailpoet_hp_email_label">Veuillez laisser ce champ vide<input type="email" name="data[email]"/></label>
  <div class="mailpoet_paragraph"><input type="email" class="mailpoet_text" name="data[form_field_{hexid(r, 6)}]" title="Adresse e-mail" value="" placeholder="Adresse e-mail *" /></div>
  <div class="mailpoet_paragraph"><input type="submit" class="mailpoet_submit" value="Je m'abonne" /></div>
  </form></div>
</div></section>
<footer class="footer">
  <div class="footer__inner container">
    <div class="footer__col">{wp_footer_info(c)}</div>
    <div class="footer__col"><h2 class="footer__title">Horaires de la mairie</h2><table class="footer__hours">{hours}</table></div>
    <div class="footer__col"><h2 class="footer__title">Suivez-nous</h2><ul class="footer__social"><li><a href="#">Facebook</a></li><li><a href="#">Instagram</a></li><li><a href="#">YouTube</a></li></ul></div>
  </div>
  <div class="footer__bottom container"><ul><li><a href="{t['url']}/mentions-legales/">Mentions légales</a></li><li><a href="{t['url']}/accessibilite/">Accessibilité : partiellement conforme</a></li><li><a href="{t['url']}/plan-du-site/">Plan du site</a></li><li><a href="#tarteaucitron">Gestion des cookies</a></li></ul><p>&copy; {c['now'].year} {t['site']}</p></div>
</footer>
{tarteaucitron(t).replace('/typo3conf/ext/site/Resources/Public', '/wp-content/themes/' + t['key'] + '/assets')}
<script type='text/javascript' src='{t['url']}/wp-content/themes/{t['key']}/assets/js/main.min.js?ver=1.4.2'></script>
{matomo(t, r)}
</body>
</html>
"""


def wp_custom_article(a, c):
    t, r = c["t"], c["r"]
    pid = c["post_id"]
    u = t["url"] + a["path"]
    pub = d(a["date"])
    rel = news_after(r, NUMERIC_NEWS, 3, pub, 200)
    relh = "".join(f"""<div class="jp-relatedposts-post jp-relatedposts-post{i}" data-post-id="{pid - 7 * (i + 1)}" data-post-format="false"><a class="jp-relatedposts-post-a" href="{t['url']}/actualites/{slug(tt)}/" title="{esc(tt)}" rel="nofollow"><img class="jp-relatedposts-post-img" src="{t['url']}/wp-content/uploads/{dd.year}/{dd.month:02d}/{slug(tt)[:20]}-350x200.jpg" width="350" alt="{esc(tt)}" /></a><h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts-post-a" href="{t['url']}/actualites/{slug(tt)}/" title="{esc(tt)}" rel="nofollow">{esc(tt)}</a></h4><p class="jp-relatedposts-post-excerpt">{esc(s)}</p><p class="jp-relatedposts-post-date" style="display: block;">{fr(dd)}</p><p class="jp-relatedposts-post-context">Dans &quot;Actualités&quot;</p></div>"""
                   for i, (tt, s, dd) in enumerate(rel))
    cats = " ".join(f'<a class="tag tag--cat" href="{t["url"]}/category/{x}/">{x.capitalize()}</a>' for x in a["categories"])
    return f"""<article id="post-{pid}" class="{wp_post_classes(a, pid)} single-news">
  <header class="single-news__header">
    <div class="single-news__cats">{cats}</div>
    <h1 class="single-news__title">{a['title']}</h1>
    <p class="single-news__meta"><time class="entry-date published" datetime="{pub.isoformat()}T10:03:27+01:00">{fr(pub)}</time></p>
  </header>
  <figure class="single-news__thumbnail"><img width="1200" height="675" src="{t['url']}/wp-content/uploads/2022/02/conseillers-numeriques-1200x675.jpg" class="attachment-large size-large wp-post-image" alt="" loading="lazy" /></figure>
  <div class="single-news__content entry-content">
{a['body']}
  </div>
  {wp_social(u, a['title'])}
  <div id='jp-relatedposts' class='jp-relatedposts' style="display: block;"><h3 class="jp-relatedposts-headline"><em>Vous aimerez aussi</em></h3><div class="jp-relatedposts-items jp-relatedposts-items-visual jp-relatedposts-grid">{relh}</div></div>
</article>"""


def wp_astra_shell(c):
    t, r = c["t"], c["r"]
    side = c.get("sidebar")
    if side is None:
        side = wp_events_widget(c, 5) + wp_recent(c, 5, dates=False, title="À la une") + wp_categories(c)
    return f"""<!DOCTYPE html>
<html lang="fr-FR">
{wp_head(c, 'astra')}
<body itemtype='https://schema.org/Blog' itemscope='itemscope' class="{c.get('body_class', 'post-template-default single single-post ast-desktop ast-separate-container ast-right-sidebar astra-2.0.1 ast-header-custom-item-inside ast-blog-single-style-1 ast-single-post ast-inherit-site-logo-transparent ast-normal-title-enabled')}">
<div class="hfeed site" id="page">
	<a class="skip-link screen-reader-text" href="#content">Aller au contenu</a>
	<header itemtype="https://schema.org/WPHeader" itemscope="itemscope" id="masthead" class="site-header header-main-layout-1 ast-primary-menu-enabled ast-logo-title-inline ast-hide-custom-menu-mobile ast-menu-toggle-icon ast-mobile-header-inline" role="banner">
		<div class="main-header-bar-wrap">
			<div class="main-header-bar">
				<div class="ast-container">
					<div class="ast-flex main-header-container">
		<div class="site-branding">
			<div class="ast-site-identity" itemtype="https://schema.org/Organization" itemscope="itemscope">
				<span class="site-logo-img"><a href="{t['url']}/" class="custom-logo-link" rel="home"><img width="220" height="90" src="{t['url']}/wp-content/uploads/2019/02/logo-pornichet.png" class="custom-logo" alt="{esc(t['site'])}" /></a></span>
			</div>
		</div>
		<div class="ast-mobile-menu-buttons"><div class="ast-button-wrap"><button type="button" class="menu-toggle main-header-menu-toggle  ast-mobile-menu-buttons-minimal " aria-controls='primary-menu' aria-expanded='false'><span class="screen-reader-text">Menu principal</span><span class="menu-toggle-icon"></span></button></div></div>
		<div class="ast-main-header-bar-alignment"><div class="main-header-bar-navigation"><nav itemtype="https://schema.org/SiteNavigationElement" itemscope="itemscope" id="site-navigation" class="ast-flex-grow-1 navigation-accessibility" role="navigation" aria-label="Navigation du site"><div class="main-navigation">{wp_nav(c, 'main-header-menu ast-nav-menu ast-flex ast-justify-content-flex-end submenu-with-border')}</div></nav></div></div>
					</div>
				</div>
			</div>
		</div>
	</header>
	<div id="content" class="site-content">
		<div class="ast-container">
	<div id="primary" class="content-area primary">
		<main id="main" class="site-main">
{c['main']}
		</main>
	</div>
<div class="widget-area secondary" id="secondary" role="complementary" itemtype="https://schema.org/WPSideBar" itemscope="itemscope">
	<div class="sidebar-main" >
{side}
	</div>
</div>
		</div>
	</div>
	<footer itemtype="https://schema.org/WPFooter" itemscope="itemscope" id="colophon" class="site-footer" role="contentinfo">
		<div class="footer-adv footer-adv-layout-3"><div class="footer-adv-overlay"><div class="ast-container"><div class="ast-row">
			<div class="ast-col-lg-4 footer-adv-widget footer-adv-widget-1"><div id="text-2" class="widget widget_text"><h2 class="widget-title">Hôtel de ville</h2><div class="textwidget">{wp_footer_info(c)}</div></div></div>
			<div class="ast-col-lg-4 footer-adv-widget footer-adv-widget-2"><div id="nav_menu-3" class="widget widget_nav_menu"><h2 class="widget-title">Liens utiles</h2><ul class="menu"><li><a href="{t['url']}/office-de-tourisme/">Office de tourisme</a></li><li><a href="{t['url']}/marches-publics/">Marchés publics</a></li><li><a href="{t['url']}/recrutement/">Recrutement</a></li><li><a href="{t['url']}/presse/">Espace presse</a></li></ul></div></div>
			<div class="ast-col-lg-4 footer-adv-widget footer-adv-widget-3"><div id="text-4" class="widget widget_text"><h2 class="widget-title">Suivez-nous</h2><div class="textwidget"><p><a href="#">Facebook</a> · <a href="#">Instagram</a></p></div></div></div>
		</div></div></div></div>
		<div class="ast-small-footer footer-sml-layout-1"><div class="ast-footer-overlay"><div class="ast-container"><div class="ast-small-footer-wrap"><div class="ast-small-footer-section ast-small-footer-section-1">Copyright &copy; {c['now'].year} {t['site']} | <a href="{t['url']}/mentions-legales/">Mentions légales</a> | <a href="{t['url']}/plan-du-site/">Plan du site</a></div></div></div></div></div>
	</footer>
</div>
<script type='text/javascript'>
/* <![CDATA[ */
var astra = {{"break_point":"921","isRtl":""}};
/* ]]> */
</script>
<script type='text/javascript' src='{t['url']}/wp-content/themes/astra/assets/js/minified/style.min.js?ver=2.0.1'></script>
{cookie_notice()}
{gtag(r)}
</body>
</html>
"""


def wp_astra_article(a, c):
    t, r = c["t"], c["r"]
    pid = c["post_id"]
    u = t["url"] + a["path"]
    pub, upd = d(a["date"]), d(a["updated"])
    return f"""<article itemtype="https://schema.org/CreativeWork" itemscope="itemscope" id="post-{pid}" class="{wp_post_classes(a, pid)} ast-article-single">
	<div class="ast-post-format- ast-no-thumb single-layout-1">
	<header class="entry-header ast-no-thumbnail">
		<div class="ast-single-post-order">
			<h1 class="entry-title" itemprop="headline">{a['title']}</h1>
			<div class="entry-meta"><span class="posted-on"><span class="published" itemprop="datePublished"> {fr(pub)}</span><span class="updated" itemprop="dateModified"> {fr(upd)}</span></span> / <span class="cat-links"><a href="{t['url']}/category/actualites/" rel="category tag">Actualités</a>, <a href="{t['url']}/category/numerique/" rel="category tag">Numérique</a></span></div>
		</div>
	</header><!-- .entry-header -->
	<div class="entry-content clear" itemprop="text">
{a['body']}
	</div><!-- .entry-content .clear -->
	</div>
	{wp_social(u, a['title'])}
</article><!-- #post-## -->
<nav class="navigation post-navigation" role="navigation" aria-label="Articles"><span class="screen-reader-text">Navigation de l’article</span><div class="nav-links"><div class="nav-previous"><a href="{t['url']}/actualites/feu-dartifice-du-14-juillet/" rel="prev"><span class="ast-left-arrow">&larr;</span> Article précédent</a></div><div class="nav-next"><a href="{t['url']}/actualites/marche-nocturne/" rel="next">Article suivant <span class="ast-right-arrow">&rarr;</span></a></div></div></nav>"""


def wp_byline_shell(c):
    t, r = c["t"], c["r"]
    nav = "".join(f'<li><a href="{t["url"]}/{slug(s)}/">{esc(s)}</a></li>' for s, _ in menu_sections(r))
    return f"""<!DOCTYPE html>
<html lang="fr-FR">
{wp_head(c, 'byline')}
<body class="{c.get('body_class', 'post-template-default single single-post')}">
<div id="wrapper">
<header id="header" class="clearfix">
  <div id="logo"><a href="{t['url']}/" title="{esc(t['site'])}"><img src="{t['url']}/wp-content/themes/plouguerneau/images/logo.png" alt="{esc(t['site'])}" /></a><span class="baseline">Kumun Plougerne</span></div>
  <nav id="nav"><ul class="menu">{nav}</ul></nav>
</header>
<div id="container" class="clearfix">
  <div id="content">
{c['main']}
  </div>
  <div id="sidebar">
    <div class="widget widget_search"><form method="get" id="searchform" action="{t['url']}/"><input type="text" value="" name="s" id="s" /><input type="submit" id="searchsubmit" value="Rechercher" /></form></div>
    {wp_archives(c, 10).replace('<section', '<div').replace('</section>', '</div>')}
    {wp_categories(c).replace('<section', '<div').replace('</section>', '</div>')}
    <div class="widget widget_text"><h2 class="widget-title">Mairie</h2><div class="textwidget">{wp_footer_info(c)}</div></div>
  </div>
</div>
<footer id="footer"><p>{t['site']} &middot; <a href="{t['url']}/mentions-legales/">Mentions légales</a> &middot; <a href="{t['url']}/contact/">Contact</a></p></footer>
</div>
<script type='text/javascript' src='{t['url']}/wp-includes/js/wp-embed.min.js?ver={WPVER['byline']}'></script>
</body>
</html>
"""


def wp_byline_article(a, c):
    t, r = c["t"], c["r"]
    pid = c["post_id"]
    pub = d(a["date"])
    body = figures(a["body"], "wp", r)
    return f"""<div id="post-{pid}" class="{wp_post_classes(a, pid)} single-post">
  <h1 class="title">{a['title']}</h1>
  <div class="byline"><span class="author">Par {a['author']}, le <time datetime="{pub.isoformat()}">{fr(pub)}</time></span> &middot; <span class="cat"><a href="{t['url']}/category/enfance-jeunesse/">Enfance-jeunesse</a></span></div>
  <div class="content">
{body}
  </div>
  <div class="postmeta"><span class="tags">Mots-clés : <a href="{t['url']}/tag/ecole/" rel="tag">école</a>, <a href="{t['url']}/tag/numerique/" rel="tag">numérique</a></span></div>
  <p class="nocomments">Les commentaires sont fermés.</p>
</div>"""


def wp_calendar(c, month_day):
    """The classic WordPress calendar widget for the month of month_day (a trap full of dates)."""
    import calendar
    y, m = month_day.year, month_day.month
    cal = calendar.Calendar(0).monthdayscalendar(y, m)
    rows = []
    for week in cal:
        tds = []
        for dday in week:
            if dday == 0:
                tds.append('<td class="pad">&nbsp;</td>')
            elif dday == month_day.day:
                tds.append(f'<td><a href="{c["t"]["url"]}/{y}/{m:02d}/{dday:02d}/" aria-label="Publications publiées sur {dday} {MOIS[m - 1]} {y}">{dday}</a></td>')
            else:
                tds.append(f"<td>{dday}</td>")
        rows.append("<tr>" + "".join(tds) + "</tr>")
    pm = m - 1 or 12
    return f"""<div id="calendar-2" class="widget widget_calendar"><h2 class="widgettitle">Calendrier</h2><div id="calendar_wrap" class="calendar_wrap"><table id="wp-calendar" class="wp-calendar-table">
	<caption>{MOIS[m - 1]} {y}</caption>
	<thead>
	<tr>
		<th scope="col" title="lundi">L</th><th scope="col" title="mardi">M</th><th scope="col" title="mercredi">M</th><th scope="col" title="jeudi">J</th><th scope="col" title="vendredi">V</th><th scope="col" title="samedi">S</th><th scope="col" title="dimanche">D</th>
	</tr>
	</thead>
	<tbody>
	{''.join(rows)}
	</tbody>
	</table><nav aria-label="Mois précédents et suivants" class="wp-calendar-nav">
		<span class="wp-calendar-nav-prev"><a href="{c['t']['url']}/{y if m > 1 else y - 1}/{pm:02d}/">&laquo; {MOIS_ABR[pm - 1].rstrip('.')}</a></span>
		<span class="pad">&nbsp;</span>
		<span class="wp-calendar-nav-next">&nbsp;</span>
	</nav></div></div>"""


def wp_old_shell(c):
    t, r = c["t"], c["r"]
    nav = "".join(f'<li class="page_item page-item-{r.randint(2, 300)}"><a href="{t["url"]}/{slug(s)}/">{esc(s)}</a></li>' for s, _ in menu_sections(r, 5))
    evs = events_after(r, 8, c["now"], 90, c.get("events"))
    ag = "".join(f"<li><strong>{fr(dd, weekday=True)}</strong> – {esc(tt)} ({esc(pl)})</li>" for tt, pl, dd, h in evs)
    assos = "".join(f"<li><a href=\"{t['url']}/associations/{slug(x)}/\">{x}</a></li>" for x in [
        "Amicale laïque", "Club des aînés", "Comité des fêtes", "Football club", "Gym volontaire", "Les Amis du jazz",
        "Les Amis de la bastide", "Pétanque marciacaise", "Rugby club", "Société de chasse", "Tennis club", "Théâtre de l'Astrada"])
    side = c.get("sidebar")
    if side is None:
        side = f"""<ul>
<li id="text-5" class="widget widget_text"><h2 class="widgettitle">Agenda</h2><div class="textwidget"><ul>{ag}</ul></div></li>
<li>{wp_calendar(c, c['pub'])}</li>
<li id="text-6" class="widget widget_text"><h2 class="widgettitle">Associations</h2><div class="textwidget"><ul>{assos}</ul></div></li>
<li id="text-7" class="widget widget_text"><h2 class="widgettitle">Horaires de la mairie</h2><div class="textwidget"><p>Du lundi au vendredi<br />de 9 h à 12 h et de 14 h à 17 h 30</p><p>Tél. {t['tel']}</p></div></li>
<li>{wp_archives(c, 18).replace('<section', '<div').replace('</section>', '</div>')}</li>
<li id="linkcat-2" class="linkcat"><h2>Liens</h2><ul class='xoxo blogroll'><li><a href="#">Communauté de communes Bastides et Vallons du Gers</a></li><li><a href="#">Office de tourisme</a></li><li><a href="#">Préfecture du Gers</a></li><li><a href="#">Service-public.fr</a></li></ul></li>
</ul>"""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="fr-FR">
{wp_head(c, 'old')}
<body class="{c.get('body_class', 'post-template-default single single-post')}">
<div id="page">
<div id="header" role="banner">
	<div id="headerimg">
		<div class="sitename"><a href="{t['url']}/">{t['site']}</a></div>
		<div class="description">Bastide du Gers</div>
	</div>
	<ul id="menu">{nav}</ul>
</div>
<hr />
	<div id="content" class="narrowcolumn" role="main">
{c['main']}
	</div>
	<div id="sidebar" role="complementary">
{side}
	</div>
<hr />
<div id="footer" role="contentinfo">
	<p>{t['site']} - {t['addr']} - {t['cp']} {t['name']} - &copy; 2010-{c['now'].year}<br /><a href="{t['url']}/feed/">Articles (RSS)</a> et <a href="{t['url']}/comments/feed/">Commentaires (RSS)</a>.</p>
</div>
</div>
</body>
</html>
"""


def wp_old_article(a, c):
    t = c["t"]
    pid = c["post_id"]
    return f"""	<div class="navigation">
		<div class="alignleft"><a href="{t['url']}/reunion-publique-sur-le-plu/" rel="prev">&laquo; Réunion publique sur le PLU</a></div>
		<div class="alignright"></div>
	</div>
	<div class="{wp_post_classes(a, pid)}" id="post-{pid}">
		<h1 class="storytitle">{a['title']}</h1>
		<div class="meta">Publié le {fr(a['date'])} dans <a href="{t['url']}/category/vie-locale/" rel="category tag">Vie locale</a></div>
		<div class="entry">
{a['body']}
		</div>
		<p class="postmetadata alt"><small>Vous pouvez suivre les réponses à cet article par le flux <a href="{t['url']}{a['path']}feed/">RSS 2.0</a>. Les commentaires et pings sont fermés.</small></p>
	</div>"""


def wp_elementor_shell(c):
    """Very heavy page-builder output."""
    t, r = c["t"], c["r"]

    def eid():
        return hexid(r, 7)

    def sec(inner, cls=""):
        i = eid()
        return (f'<section class="elementor-section elementor-top-section elementor-element elementor-element-{i} elementor-section-boxed elementor-section-height-default elementor-section-height-default {cls}" data-id="{i}" data-element_type="section" data-settings="{{&quot;background_background&quot;:&quot;classic&quot;}}">'
                f'<div class="elementor-container elementor-column-gap-default">{inner}</div></section>')

    def col(inner, w=100):
        i = eid()
        return (f'<div class="elementor-column elementor-col-{w} elementor-top-column elementor-element elementor-element-{i}" data-id="{i}" data-element_type="column">'
                f'<div class="elementor-widget-wrap elementor-element-populated">{inner}</div></div>')

    def widget(kind, inner, extra=""):
        i = eid()
        return (f'<div class="elementor-element elementor-element-{i} elementor-widget elementor-widget-{kind} {extra}" data-id="{i}" data-element_type="widget" data-widget_type="{kind}.default">'
                f'<div class="elementor-widget-container">{inner}</div></div>')

    def navmenu(mobile=False):
        lis = []
        n = 200
        ti = ' tabindex="-1"' if mobile else ""
        anc = " elementor-item-anchor" if mobile else ""
        for s, items in menu_sections(rng(t["key"] + "menu")):
            n += 1
            sub = "".join(f'<li class="menu-item menu-item-type-post_type menu-item-object-page menu-item-{n + j}"><a href="{t["url"]}/{slug(s)}/{slug(x)}/" class="elementor-sub-item{anc}"{ti}>{esc(x)}</a></li>' for j, x in enumerate(items))
            lis.append(f'<li class="menu-item menu-item-type-custom menu-item-object-custom menu-item-has-children menu-item-{n}"><a href="#" class="elementor-item elementor-item-anchor"{ti}>{esc(s)}</a><ul class="sub-menu elementor-nav-menu--dropdown">{sub}</ul></li>')
            n += 20
        ul = f'<ul id="menu-{"2" if mobile else "1"}-{eid()}" class="elementor-nav-menu{" sm-vertical" if mobile else ""}">' + "".join(lis) + "</ul>"
        if mobile:
            return f'<nav class="elementor-nav-menu--dropdown elementor-nav-menu__container" role="navigation" aria-hidden="true">{ul}</nav>'
        return f'<nav migration_allowed="1" migrated="0" role="navigation" class="elementor-nav-menu--main elementor-nav-menu__container elementor-nav-menu--layout-horizontal e--pointer-underline e--animation-fade">{ul}</nav>'

    header = sec(col(widget("theme-site-logo elementor-widget-image", f'<div class="elementor-image"><a href="{t["url"]}"><img width="260" height="96" src="{t["url"]}/wp-content/uploads/2020/02/logo-thonon.svg" class="attachment-full size-full" alt="" loading="lazy" /></a></div>'), 25)
                 + col(widget("nav-menu", navmenu() + '<div class="elementor-menu-toggle" role="button" tabindex="0" aria-label="Permuter le menu" aria-expanded="false"><i class="eicon-menu-bar" aria-hidden="true"></i><span class="elementor-screen-only">Menu</span></div>' + navmenu(True)), 50)
                 + col(widget("search-form", f'<form class="elementor-search-form" role="search" action="{t["url"]}" method="get"><div class="elementor-search-form__container"><input placeholder="Rechercher..." class="elementor-search-form__input" type="search" name="s" title="Rechercher" value=""><button class="elementor-search-form__submit" type="submit" title="Rechercher" aria-label="Rechercher"><i aria-hidden="true" class="fas fa-search"></i><span class="elementor-screen-only">Rechercher</span></button></div></form>'), 25),
                 "elementor-section-content-middle")
    quick_items = ["Démarches en ligne", "Portail famille", "Menus scolaires", "Piscine", "Médiathèque", "Marchés", "Stationnement", "Déchets", "Offres d'emploi", "Conseil municipal", "Thonon Mag", "Signaler un problème"]
    quick = sec("".join(col(widget("icon-box", f'<div class="elementor-icon-box-wrapper"><div class="elementor-icon-box-icon"><a class="elementor-icon elementor-animation-grow" href="{t["url"]}/{slug(q)}/"><svg class="e-font-icon-svg" viewBox="0 0 24 24"><use href="#icon-{r.choice(["file", "family", "book", "city", "euro", "trash"])}"></use></svg></a></div><div class="elementor-icon-box-content"><h3 class="elementor-icon-box-title"><a href="{t["url"]}/{slug(q)}/">{esc(q)}</a></h3></div></div>'), 16) for q in quick_items[:6])
               + "".join(col(widget("icon-box", f'<div class="elementor-icon-box-wrapper"><div class="elementor-icon-box-content"><h3 class="elementor-icon-box-title"><a href="{t["url"]}/{slug(q)}/">{esc(q)}</a></h3></div></div>'), 16) for q in quick_items[6:]),
               "acces-rapides")
    footer_cols = []
    for s, items in menu_sections(rng(t["key"] + "foot"), 4):
        footer_cols.append(col(widget("heading", f'<h4 class="elementor-heading-title elementor-size-default">{esc(s)}</h4>') +
                               widget("icon-list", '<ul class="elementor-icon-list-items">' + "".join(f'<li class="elementor-icon-list-item"><a href="{t["url"]}/{slug(s)}/{slug(x)}/"><span class="elementor-icon-list-text">{esc(x)}</span></a></li>' for x in items) + "</ul>"), 25))
    footer = (sec("".join(footer_cols)) + sec(col(widget("text-editor", wp_footer_info(c)), 50) + col(widget("text-editor", f'<p>&copy; {c["now"].year} Ville de Thonon-les-Bains – <a href="{t["url"]}/mentions-legales/">Mentions légales</a> – <a href="{t["url"]}/accessibilite/">Accessibilité</a> – <a href="{t["url"]}/donnees-personnelles/">Données personnelles</a></p>'), 50)))
    cfg = {"environmentMode": {"edit": False, "wpPreview": False, "isScriptDebug": False},
           "i18n": {"shareOnFacebook": "Partager sur Facebook", "shareOnTwitter": "Partager sur Twitter", "pinIt": "L’épingler", "download": "Télécharger", "downloadImage": "Télécharger une image", "fullscreen": "Plein écran", "zoom": "Zoom", "share": "Partager", "playVideo": "Lire la vidéo", "previous": "Précédent", "next": "Suivant", "close": "Fermer"},
           "is_rtl": False, "breakpoints": {"xs": 0, "sm": 480, "md": 768, "lg": 1025, "xl": 1440, "xxl": 1600},
           "responsive": {"breakpoints": {k: {"label": k, "value": v, "direction": "max", "is_enabled": True} for k, v in [("mobile", 767), ("mobile_extra", 880), ("tablet", 1024), ("tablet_extra", 1200), ("laptop", 1366), ("widescreen", 2400)]}},
           "version": "3.0.11", "is_static": False,
           "experimentalFeatures": {k: True for k in ["e_dom_optimization", "e_optimized_assets_loading", "a11y_improvements", "e_import_export", "landing-pages", "elements-color-picker", "admin-top-bar"]},
           "urls": {"assets": t["url"] + "/wp-content/plugins/elementor/assets/"}, "settings": {"page": [], "editorPreferences": []},
           "kit": {"active_breakpoints": ["viewport_mobile", "viewport_tablet"], "global_image_lightbox": "yes", "lightbox_enable_counter": "yes", "lightbox_enable_fullscreen": "yes", "lightbox_enable_zoom": "yes", "lightbox_enable_share": "yes", "lightbox_title_src": "title", "lightbox_description_src": "description"},
           "post": {"id": c.get("post_id", 0), "title": c["title_tag"], "excerpt": "", "featuredImage": False}}
    big_css = critical_css(r, 900)
    return f"""<!doctype html>
<html lang="fr-FR">
{wp_head(c, 'elementor').replace('</head>', '<style id="elementor-frontend-inline-css" type="text/css">' + big_css + '</style>' + chr(10) + '</head>')}
<body class="{c.get('body_class', 'post-template-default single single-post elementor-default elementor-template-full-width elementor-kit-6 elementor-page-1512')}">
{svg_sprite(r, 60)}
<div data-elementor-type="header" data-elementor-id="88" class="elementor elementor-88 elementor-location-header" data-elementor-settings="[]">
<div class="elementor-section-wrap">
{header}
{quick}
</div>
</div>
{c['main']}
<div data-elementor-type="footer" data-elementor-id="132" class="elementor elementor-132 elementor-location-footer" data-elementor-settings="[]">
<div class="elementor-section-wrap">
{footer}
</div>
</div>
{tarteaucitron(t).replace('/typo3conf/ext/site/Resources/Public', '/wp-content/plugins/tarteaucitron')}
<script type='text/javascript' id='elementor-frontend-js-before'>
var elementorFrontendConfig = {json.dumps(cfg, ensure_ascii=True)};
</script>
<script type='text/javascript' src='{t['url']}/wp-content/plugins/elementor/assets/js/frontend.min.js?ver=3.0.11' id='elementor-frontend-js'></script>
<script type='text/javascript' src='{t['url']}/wp-content/plugins/elementor-pro/assets/js/frontend.min.js?ver=3.0.5' id='elementor-pro-frontend-js'></script>
{matomo(t, r)}
</body>
</html>
""", sec, col, widget


def wp_elementor_page(a, c):
    t, r = c["t"], c["r"]
    pid = c["post_id"]
    pub, upd = d(a["date"]), d(a["updated"])
    c = dict(c)
    c["main"] = "@@MAIN@@"
    page, sec, col, widget = wp_elementor_shell(c)
    info = (f'<ul class="elementor-inline-items elementor-icon-list-items elementor-post-info">'
            f'<li class="elementor-icon-list-item elementor-repeater-item-{hexid(r, 7)} elementor-inline-item" itemprop="datePublished"><span class="elementor-icon-list-icon"><i aria-hidden="true" class="fas fa-calendar"></i></span><span class="elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-date">Publié le {fr(pub)}</span></li>'
            f'<li class="elementor-icon-list-item elementor-repeater-item-{hexid(r, 7)} elementor-inline-item" itemprop="dateModified"><span class="elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-custom">Mis à jour le {fr(upd)}</span></li>'
            f'<li class="elementor-icon-list-item elementor-repeater-item-{hexid(r, 7)} elementor-inline-item" itemprop="about"><span class="elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-terms"><span class="elementor-post-info__terms-list"><a href="{t["url"]}/category/numerique/" class="elementor-post-info__terms-list-item">Numérique</a>, <a href="{t["url"]}/category/travaux/" class="elementor-post-info__terms-list-item">Travaux</a></span></span></li></ul>')
    rel = news_after(r, NUMERIC_NEWS + OTHER_NEWS, 3, pub, 150)
    cards = "".join(f'<article class="elementor-post elementor-grid-item post-{pid - 10 * (i + 1)} post type-post status-publish"><a class="elementor-post__thumbnail__link" href="{t["url"]}/actualites/{slug(tt)}/"><div class="elementor-post__thumbnail"><img width="300" height="200" src="{t["url"]}/wp-content/uploads/{dd.year}/{dd.month:02d}/{slug(tt)[:20]}-300x200.jpg" alt="" loading="lazy" /></div></a><div class="elementor-post__text"><h3 class="elementor-post__title"><a href="{t["url"]}/actualites/{slug(tt)}/">{esc(tt)}</a></h3><div class="elementor-post__meta-data"><span class="elementor-post-date">{fr(dd)}</span></div><div class="elementor-post__excerpt"><p>{esc(s)}</p></div><a class="elementor-post__read-more" href="{t["url"]}/actualites/{slug(tt)}/">Lire la suite »</a></div></article>' for i, (tt, s, dd) in enumerate(rel))
    bc = f'<nav class="rank-math-breadcrumb"><p><a href="{t["url"]}">Accueil</a><span class="separator"> › </span><a href="{t["url"]}/actualites/">Actualités</a><span class="separator"> › </span><span class="last">{a["title"]}</span></p></nav>'
    share = "".join(f'<div class="elementor-grid-item"><div class="elementor-share-btn elementor-share-btn_{n}" role="button" tabindex="0" aria-label="Partager sur {n}"><span class="elementor-share-btn__icon"><i class="fab fa-{n}" aria-hidden="true"></i></span><div class="elementor-share-btn__text"><span class="elementor-share-btn__title">{n.capitalize()}</span></div></div></div>' for n in ["facebook", "twitter", "linkedin", "email"])
    main = f"""<div data-elementor-type="single-post" data-elementor-id="1512" class="elementor elementor-1512 elementor-location-single post-{pid} post type-post status-publish format-standard has-post-thumbnail hentry {' '.join('category-' + x for x in a['categories'])} {' '.join('tag-' + x for x in a['tags'])}" data-elementor-settings="[]">
<div class="elementor-section-wrap">
{sec(col(widget("breadcrumbs", bc)))}
{sec(col(widget("theme-post-title elementor-page-title elementor-widget-heading", f'<h1 class="elementor-heading-title elementor-size-default">{a["title"]}</h1>') + widget("post-info", info) + widget("theme-post-excerpt", a["chapo"]) + widget("theme-post-featured-image elementor-widget-image", f'<div class="elementor-image"><img width="1024" height="576" src="{t["url"]}/wp-content/uploads/2020/10/fibre-optique-1024x576.jpg" class="attachment-large size-large" alt="" loading="lazy" /></div>') + widget("theme-post-content", a["body"]) + widget("share-buttons", f'<div class="elementor-grid">{share}</div>'), 66) + col(widget("heading", '<h2 class="elementor-heading-title elementor-size-default">Aménagement numérique</h2>') + widget("text-editor", '<p>Toutes les informations sur la fibre, le WiFi public et les démarches en ligne.</p>') + widget("button", f'<div class="elementor-button-wrapper"><a href="{t["url"]}/numerique/" class="elementor-button-link elementor-button elementor-size-sm" role="button"><span class="elementor-button-content-wrapper"><span class="elementor-button-text">En savoir plus</span></span></a></div>'), 33))}
{sec(col(widget("heading", '<h2 class="elementor-heading-title elementor-size-default">À lire aussi</h2>') + widget("posts", f'<div class="elementor-posts-container elementor-posts elementor-posts--skin-classic elementor-grid">{cards}</div>')))}
</div>
</div>"""
    return page.replace("@@MAIN@@", main)
