"""Non-article pages (listings, home pages, agenda, other) for the page-type test set."""
import json
import os

from parts import *  # noqa
import tpl_old as O
import tpl_wp as W
import tpl_modern as M

FIBRE_NEWS = [
    ("Fibre optique : la carte des raccordements mise à jour", "De nouvelles rues du quartier de la gare sont désormais éligibles. Consultez la carte pour connaître l'état de votre adresse."),
    ("Élagage : une obligation pour les propriétaires riverains", "Les arbres qui gênent le passage des câbles doivent être taillés. La mairie rappelle les règles et les distances à respecter."),
    ("Réunion publique sur le déploiement du très haut débit", "L'opérateur et le syndicat départemental présenteront le calendrier des travaux pour les hameaux."),
    ("Les zones d'activités raccordées à la fibre", "Les entreprises des parcs d'activités peuvent souscrire des offres professionnelles depuis ce mois-ci."),
    ("Fibre : attention aux démarchages abusifs", "Des vendeurs se présentent au nom de la mairie. La commune ne mandate aucune entreprise pour vendre des abonnements."),
    ("Travaux de génie civil avenue Jean-Jaurès", "Des tranchées seront ouvertes sur le trottoir pour la pose de fourreaux. Le stationnement sera interdit par tronçons."),
    ("Copropriétés : comment faire entrer la fibre dans l'immeuble ?", "L'installation est gratuite mais nécessite un vote en assemblée générale. Le point sur les démarches pour les syndics."),
    ("Les écoles passent au très haut débit", "Les quatre groupes scolaires disposent désormais d'une connexion à 1 gigabit, utile pour les classes numériques."),
    ("Un nouveau point de mutualisation installé à Saint-Germain", "Cette armoire desservira près de 400 logements. Les raccordements seront possibles après le délai réglementaire de trois mois."),
    ("Très haut débit : la commune fait le point à mi-parcours", "Près de six logements sur dix sont éligibles. Les élus ont demandé à l'opérateur d'accélérer dans les secteurs ruraux."),
]

FIRST = ["Anne", "Bernard", "Catherine", "Christophe", "Claire", "Daniel", "Élodie", "Éric", "Françoise", "Gilles", "Hélène", "Isabelle",
         "Jacques", "Karine", "Laurent", "Martine", "Mathieu", "Nathalie", "Olivier", "Pascale", "Philippe", "Sandrine", "Stéphane",
         "Sylvie", "Thierry", "Valérie", "Vincent", "Yannick", "Agnès", "Fabrice", "Marie-Hélène", "Jean-Luc"]
LAST = ["Arnaud", "Barbier", "Besson", "Blanchard", "Bonnet", "Caron", "Chevalier", "Collin", "Delorme", "Dufour", "Fontaine",
        "Gauthier", "Guérin", "Hamon", "Jacob", "Lacroix", "Lambert", "Leclerc", "Lemoine", "Marchal", "Masson", "Mercier",
        "Meunier", "Noël", "Perrin", "Picard", "Renaud", "Roussel", "Schmitt", "Tessier", "Vasseur", "Vidal"]


def ctx(key, name, path, title_tag, now, **kw):
    t = town(key)
    r = rng("pt-" + name)
    c = dict(t=t, r=r, path=path, title_tag=title_tag, now=d(now), pub=d(now), post_id=0, page=kw.pop("page", "listing"),
             crumbs=kw.pop("crumbs", [("Accueil", "/")]), desc="")
    c.update(kw)
    return c


def teasers(c, pool, k=10, start_days=1, gap=(2, 9)):
    r = c["r"]
    pool = [x for x in pool if MINYEAR.get(x[0], 0) <= c["now"].year]
    items = r.sample(pool, k)
    out = []
    day = plus(c["now"], -start_days)
    for tt, s in items:
        out.append((tt, s, day))
        day = plus(day, -r.randint(*gap))
    return out


# ---------------------------------------------------------------------------------------------- listings
def spip_rubrique(name):
    c = ctx("vitre", name, "/spip.php?rubrique4", "Actualités - Ville de Vitré", "2013-11-18")
    r = c["r"]
    items = teasers(c, OTHER_NEWS + NUMERIC_NEWS)
    lis = "\n".join(f"""<li class="item hentry">
	<h3 class="h3 entry-title"><a href="spip.php?article{900 - i * 3}" rel="bookmark">{esc(tt)}</a></h3>
	<small><abbr class="published" title="{dd.isoformat()}T10:00:00Z">{fr(dd)}</abbr></small>
	<div class="introduction entry-content"><p>{esc(s)}</p></div>
	<a href="spip.php?article{900 - i * 3}" class="lire-la-suite">Lire la suite</a>
</li>""" for i, (tt, s, dd) in enumerate(items))
    c["main"] = f"""		<p class="arbo"><a href="https://www.mairie-vitre.com/">Accueil</a> &gt; <strong class="on">Actualités</strong></p>
		<div class="cartouche"><h1 class="h1 crayon rubrique-titre-4">Actualités</h1></div>
		<div class="crayon rubrique-texte-4 chapo"><p>Toute l'actualité de la ville et des services municipaux.</p></div>
		<div class="menu menu_articles">
			<a id="pagination_articles"></a>
			<h2>Articles de cette rubrique</h2>
			<ul class="liste-items">
{lis}
			</ul>
			<p class="pagination"><strong class="on">0</strong><span class="sep"> | </span><a href="spip.php?rubrique4&amp;debut_articles=10#pagination_articles" class="lien_pagination" rel="nofollow">10</a><span class="sep"> | </span><a href="spip.php?rubrique4&amp;debut_articles=20#pagination_articles" class="lien_pagination" rel="nofollow">20</a><span class="sep"> | </span><a href="spip.php?rubrique4&amp;debut_articles=30#pagination_articles" class="lien_pagination" rel="nofollow">30</a><span class="sep"> | </span><span class="tbc">...</span> <a href="spip.php?rubrique4&amp;debut_articles=280#pagination_articles" class="lien_pagination" rel="nofollow">280</a></p>
		</div>"""
    c["page"] = "rubrique"
    return O.spip2_shell(c), "https://www.mairie-vitre.com/spip.php?rubrique4"


def joomla_blog(name):
    path = "/index.php?option=com_content&view=category&layout=blog&id=1&Itemid=50"
    c = ctx("castelnaudary", name, path, "Actualités - Ville de Castelnaudary", "2011-05-20",
            crumbs=[("Accueil", "/"), ("Actualités", None)])
    r = c["r"]
    items = teasers(c, OTHER_NEWS + NUMERIC_NEWS)
    rows = []
    for i, (tt, s, dd) in enumerate(items):
        aid = 520 - i * 4
        link = f"/index.php?option=com_content&amp;view=article&amp;id={aid}:{slug(tt)[:40]}&amp;catid=1:actualites&amp;Itemid=50"
        rows.append(f"""<div>
<table class="contentpaneopen">
<tr>
		<td class="contentheading" width="100%">
					<a href="{link}" class="contentpagetitle">
			{esc(tt)}</a>
			</td>
						<td align="right" width="100%" class="buttonheading">
		<a href="/index.php?view=article&amp;catid=1%3Aactualites&amp;id={aid}&amp;tmpl=component&amp;print=1&amp;layout=default&amp;page=&amp;option=com_content&amp;Itemid=50" title="Imprimer" rel="nofollow"><img src="/images/M_images/printButton.png" alt="Imprimer"  /></a>		</td>
			</tr>
</table>
<table class="contentpaneopen">
<tr>
	<td valign="top" class="createdate">
		{joomla_date(dd, "%02d:%02d" % (r.randint(8, 17), r.randint(0, 59)))}	</td>
</tr>
<tr>
<td valign="top">
<p>{entities(esc(s))}</p></td>
</tr>
<tr>
	<td  colspan="2">
		<a href="{link}" class="readon">
			Lire la suite...</a>
	</td>
</tr>
</table>
<span class="article_separator">&nbsp;</span>
		</div>""")
    lead, rest = rows[:1], rows[1:]
    c["main"] = f"""<table class="blog" cellpadding="0" cellspacing="0">
<tr>
	<td valign="top">
					{''.join(lead)}
			</td>
</tr>
<tr>
	<td valign="top">
		<table width="100%"  cellpadding="0" cellspacing="0">
		<tr>
			<td valign="top" width="50%" class="article_column column1">
				{''.join(rest[:5])}
			</td>
			<td valign="top" width="50%" class="article_column column2">
				{''.join(rest[5:])}
			</td>
		</tr>
		</table>
	</td>
</tr>
<tr>
	<td valign="top" align="center">
		<ul class="pagination"><li>&laquo;</li><li>Début</li><li>Préc.</li><li><span class="pagenav">1</span></li><li><a title="2" href="{path.replace('&', '&amp;')}&amp;limitstart=10" class="pagenav">2</a></li><li><a title="3" href="{path.replace('&', '&amp;')}&amp;limitstart=20" class="pagenav">3</a></li><li><a title="Suivant" href="{path.replace('&', '&amp;')}&amp;limitstart=10" class="pagenav">Suivant</a></li><li><a title="Fin" href="{path.replace('&', '&amp;')}&amp;limitstart=160" class="pagenav">Fin</a></li><li>&raquo;</li></ul>		<br /><br />
	</td>
</tr>
<tr>
	<td valign="top" align="center">
		Page 1 sur 17	</td>
</tr>
</table>"""
    return O.joomla15a_shell(c), "https://www.ville-castelnaudary.fr" + path


def wp_archive_items(c, items, style):
    t = c["t"]
    out = []
    for i, (tt, s, dd) in enumerate(items):
        pid = 2400 - i * 11
        u = f"{t['url']}/{dd.year}/{dd.month:02d}/{dd.day:02d}/{slug(tt)}/" if style == "tseventeen" else f"{t['url']}/actualites/{slug(tt)}/"
        if style == "tseventeen":
            out.append(f"""<article id="post-{pid}" class="post-{pid} post type-post status-publish format-standard hentry category-numerique">
		<header class="entry-header">
		<div class="entry-meta"><span class="screen-reader-text">Publié le</span> <a href="{u}" rel="bookmark"><time class="entry-date published updated" datetime="{dd.isoformat()}T10:15:00+01:00">{fr(dd)}</time></a></div><!-- .entry-meta --><h2 class="entry-title"><a href="{u}" rel="bookmark">{esc(tt)}</a></h2>	</header><!-- .entry-header -->
	<div class="entry-summary">
		<p>{esc(s)} <a href="{u}" class="more-link">Lire la suite<span class="screen-reader-text"> de « {esc(tt)} »</span></a></p>
	</div><!-- .entry-summary -->
</article><!-- #post-{pid} -->""")
        elif style == "custom":
            out.append(f"""<article class="card card--news post-{pid} post type-post status-publish hentry">
  <a class="card__link" href="{u}"><figure class="card__media"><img src="{t['url']}/wp-content/uploads/{dd.year}/{dd.month:02d}/{slug(tt)[:24]}-600x400.jpg" alt="" loading="lazy" width="600" height="400"></figure>
  <div class="card__body"><p class="card__date"><time datetime="{dd.isoformat()}">{dmy(dd)}</time></p><h2 class="card__title">{esc(tt)}</h2><p class="card__excerpt">{esc(s)}</p><span class="card__more">Lire la suite</span></div></a>
</article>""")
        else:  # astra
            out.append(f"""<article itemtype="https://schema.org/CreativeWork" itemscope="itemscope" id="post-{pid}" class="post-{pid} post type-post status-publish format-standard hentry tag-fibre-optique ast-col-sm-12 ast-article-post">
	<div class="ast-post-format- blog-layout-1">
	<div class="post-content ast-col-md-12">
		<header class="entry-header"><h2 class="entry-title" itemprop="headline"><a href="{u}" rel="bookmark">{esc(tt)}</a></h2>
		<div class="entry-meta"><span class="posted-on"><span class="published" itemprop="datePublished"> {fr(dd)}</span></span></div></header>
		<div class="entry-content clear" itemprop="text"><p>{esc(s)}</p><p class="read-more"> <a class="" href="{u}"> <span class="screen-reader-text">{esc(tt)}</span> Lire la suite »</a></p></div>
	</div>
	</div>
</article>""")
    return "\n".join(out)


def wp_category(name):
    path = "/category/numerique/"
    c = ctx("pontivy", name, path, "Numérique &#8211; Ville de Pontivy", "2018-03-12",
            body_class="archive category category-numerique category-12 hfeed has-header-image has-sidebar colors-light")
    items = teasers(c, NUMERIC_NEWS, 10, 3, (5, 20))
    t = c["t"]
    c["main"] = f"""<header class="page-header">
	<h1 class="page-title">Catégorie : <span>Numérique</span></h1>	<div class="taxonomy-description"><p>Les actualités de la ville sur le numérique : services en ligne, écoles, accès à internet.</p></div></header><!-- .page-header -->
{wp_archive_items(c, items, 'tseventeen')}
	<nav class="navigation pagination" role="navigation" aria-label="Publications">
		<h2 class="screen-reader-text">Navigation des articles</h2>
		<div class="nav-links"><span aria-current="page" class="page-numbers current"><span class="meta-nav screen-reader-text">Page </span>1</span>
<a class="page-numbers" href="{t['url']}/category/numerique/page/2/"><span class="meta-nav screen-reader-text">Page </span>2</a>
<a class="page-numbers" href="{t['url']}/category/numerique/page/3/"><span class="meta-nav screen-reader-text">Page </span>3</a>
<a class="next page-numbers" href="{t['url']}/category/numerique/page/2/"><span class="screen-reader-text">Page suivante</span><svg class="icon icon-arrow-right" aria-hidden="true" role="img"> <use href="#icon-arrow-right" xlink:href="#icon-arrow-right"></use> </svg></a></div>
	</nav>"""
    return W.wp_tseventeen_shell(c), t["url"] + path


def wp_page2(name):
    path = "/actualites/page/2/"
    c = ctx("oyonnax", name, path, "Actualités - Page 2 sur 24 - Ville d'Oyonnax", "2020-02-10",
            crumbs=[("Accueil", "/"), ("Actualités", "/actualites/"), ("Page 2", None)],
            body_class="blog paged paged-2")
    items = teasers(c, OTHER_NEWS + NUMERIC_NEWS, 10, 25, (2, 6))
    t = c["t"]
    c["main"] = f"""<h1 class="page-title">Actualités</h1>
<form class="filters" action="{t['url']}/actualites/" method="get"><label for="thematique">Thématique</label><select name="thematique" id="thematique"><option value="">Toutes</option><option value="culture">Culture</option><option value="education">Éducation</option><option value="numerique">Numérique</option><option value="solidarite">Solidarité</option><option value="travaux">Travaux</option></select><button type="submit">Filtrer</button></form>
<div class="news-grid">
{wp_archive_items(c, items, 'custom')}
</div>
<nav class="pagination" aria-label="Pagination"><ul class="page-numbers">
	<li><a class="prev page-numbers" href="{t['url']}/actualites/">« Précédent</a></li>
	<li><a class="page-numbers" href="{t['url']}/actualites/">1</a></li>
	<li><span aria-current="page" class="page-numbers current">2</span></li>
	<li><a class="page-numbers" href="{t['url']}/actualites/page/3/">3</a></li>
	<li><span class="page-numbers dots">&hellip;</span></li>
	<li><a class="page-numbers" href="{t['url']}/actualites/page/24/">24</a></li>
	<li><a class="next page-numbers" href="{t['url']}/actualites/page/3/">Suivant »</a></li>
</ul></nav>"""
    return W.wp_custom_shell(c), t["url"] + path


def drupal_page2(name):
    path = "/actualites?page=2"
    c = ctx("dole", name, path, "Actualités | Ville de Dole", "2021-11-25",
            crumbs=[("Accueil", "/"), ("Actualités", None)], body_class="path-actualites", dpath="actualites")
    r = c["r"]
    items = teasers(c, OTHER_NEWS + NUMERIC_NEWS, 10, 40, (3, 7))
    rows = "".join(f"""<div class="views-row"><article role="article" about="/actualites/{slug(tt)}" class="node node--type-article node--promoted node--view-mode-teaser">
  <div class="node__image"><img loading="lazy" src="/sites/default/files/styles/vignette/public/{dd.year}-{dd.month:02d}/{slug(tt)[:20]}.jpg" width="400" height="260" alt="" /></div>
  <h2 class="node__title"><a href="/actualites/{slug(tt)}" rel="bookmark"><span class="field field--name-title field--type-string field--label-hidden">{esc(tt)}</span></a></h2>
  <div class="field field--name-field-date-de-publication field--type-datetime field--label-hidden field__item"><time datetime="{dd.isoformat()}T12:00:00Z" class="datetime">{fr(dd)}</time></div>
  <div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item"><p>{esc(s)}</p></div>
  <ul class="links inline"><li class="node-readmore"><a href="/actualites/{slug(tt)}" rel="tag" title="{esc(tt)}" hreflang="fr">Lire la suite<span class="visually-hidden"> sur {esc(tt)}</span></a></li></ul>
</article></div>""" for tt, s, dd in items)
    c["main"] = f"""<div id="block-dole-page-title" class="block block-core block-page-title-block"><h1 class="page-title">Actualités</h1></div>
<div id="block-dole-content" class="block block-system block-system-main-block">
<div class="views-element-container"><div class="view view-actualites view-id-actualites view-display-id-page_1 js-view-dom-id-{hexid(r, 64)}">
  <div class="view-filters"><form class="views-exposed-form" action="/actualites" method="get" id="views-exposed-form-actualites-page-1" accept-charset="UTF-8"><div class="js-form-item form-item js-form-type-select form-type-select js-form-item-thematique form-item-thematique"><label for="edit-thematique">Thématique</label><select data-drupal-selector="edit-thematique" id="edit-thematique" name="thematique" class="form-select"><option value="All" selected="selected">- Toutes -</option><option value="12">Culture</option><option value="14">Numérique</option><option value="15">Solidarité</option><option value="16">Travaux</option></select></div><div data-drupal-selector="edit-actions" class="form-actions js-form-wrapper form-wrapper" id="edit-actions"><input data-drupal-selector="edit-submit-actualites" type="submit" id="edit-submit-actualites" value="Filtrer" class="button js-form-submit form-submit" /></div></form></div>
  <div class="view-content">{rows}</div>
  <nav class="pager" role="navigation" aria-labelledby="pagination-heading">
    <h4 id="pagination-heading" class="visually-hidden">Pagination</h4>
    <ul class="pager__items js-pager__items">
      <li class="pager__item pager__item--first"><a href="?page=0" title="Aller à la première page"><span class="visually-hidden">Première page</span><span aria-hidden="true">« Premier</span></a></li>
      <li class="pager__item pager__item--previous"><a href="?page=1" title="Aller à la page précédente" rel="prev"><span class="visually-hidden">Page précédente</span><span aria-hidden="true">‹ Précédent</span></a></li>
      <li class="pager__item"><a href="?page=0" title="Aller à la page 1"><span class="visually-hidden">Page</span>1</a></li>
      <li class="pager__item"><a href="?page=1" title="Aller à la page 2"><span class="visually-hidden">Page</span>2</a></li>
      <li class="pager__item is-active"><a href="?page=2" title="Page courante"><span class="visually-hidden">Page courante</span>3</a></li>
      <li class="pager__item"><a href="?page=3" title="Aller à la page 4"><span class="visually-hidden">Page</span>4</a></li>
      <li class="pager__item pager__item--next"><a href="?page=3" title="Aller à la page suivante" rel="next"><span class="visually-hidden">Page suivante</span><span aria-hidden="true">Suivant ›</span></a></li>
      <li class="pager__item pager__item--last"><a href="?page=41" title="Aller à la dernière page"><span class="visually-hidden">Dernière page</span><span aria-hidden="true">Dernier »</span></a></li>
    </ul>
  </nav>
</div></div>
</div>"""
    return M.d9_shell(c), "https://www.doledujura.fr" + path


def typo3_list(name):
    path = "/actualites/"
    c = ctx("epinal", name, path, "Ville d'Épinal: Actualités", "2014-06-03",
            crumbs=[("Accueil", "index.html"), ("Actualités", None)])
    r = c["r"]
    items = teasers(c, OTHER_NEWS + NUMERIC_NEWS)
    lis = "".join(f"""<div class="news-list-item">
		<div class="news-list-imgbox"><a href="actualites/detail/news/{slug(tt)}/" title="{esc(tt)}"><img src="typo3temp/pics/{hexid(r, 10)}.jpg" width="120" height="80" border="0" alt="" /></a></div>
		<span class="news-list-date">{dmy(dd, '.')}</span>
		<h2><a href="actualites/detail/news/{slug(tt)}/" title="{esc(tt)}">{esc(tt)}</a></h2>
		<p class="bodytext">{esc(s)}</p>
		<span class="news-list-morelink"><a href="actualites/detail/news/{slug(tt)}/" title="{esc(tt)}">Lire la suite</a></span>
	</div>""" for tt, s, dd in items)
    c["main"] = f"""<div id="c412" class="csc-default"><div class="csc-header csc-header-n1"><h1 class="csc-firstHeader">Actualités</h1></div></div>
<div id="c413" class="csc-default"><div class="news-list-container">
{lis}
<div class="news-list-browse"><div class="showResultsWrap">Actualités 1 à 10 sur 214</div><div class="browseBoxWrap"><span class="activeLinkWrap">Page 1</span> <a href="actualites/page/2/">Page 2</a> <a href="actualites/page/3/">Page 3</a> <a href="actualites/page/2/">Suivant &gt;</a> <a href="actualites/page/22/">Dernier &gt;&gt;</a></div></div>
</div></div>"""
    c["sidebar"] = M.typo3_newslist_side(c, 3, "Les plus lues").replace("news-list-container", "news-latest-container")
    return M.typo3_shell(c), "https://www.epinal.fr" + path


def stratis_list(name):
    path = "/actualites"
    c = ctx("rodez", name, path, "Actualités | Ville de Rodez", "2022-09-19",
            crumbs=[("Accueil", "/"), ("Actualités", None)], body_class="page-liste-actualites")
    r = c["r"]
    items = teasers(c, OTHER_NEWS + NUMERIC_NEWS, 10, 1, (1, 5))
    cards = "".join(f'<article class="news-card"><div class="news-card__image"><img src="/uploads/media/news/{slug(tt)[:25]}-400x250.jpg" alt="" loading="lazy" width="400" height="250"></div><div class="news-card__content"><p class="news-card__category">{r.choice(["Ville", "Culture", "Numérique", "Solidarité", "Environnement"])}</p><h2 class="news-card__title"><a href="/actualites/{slug(tt)}">{esc(tt)}</a></h2><p class="news-card__date"><time datetime="{dd.isoformat()}">{dmy(dd)}</time></p><p class="news-card__teaser">{esc(s)}</p><a class="news-card__more" href="/actualites/{slug(tt)}" aria-hidden="true" tabindex="-1">Lire la suite</a></div></article>' for tt, s, dd in items)
    c["main"] = f"""  <header class="heading heading--list"><div class="heading__wrapper container"><h1 class="heading__title">Actualités</h1></div></header>
  <section class="section container">
    <form class="filters" action="/actualites" method="get" role="search"><fieldset><legend>Filtrer les actualités</legend><label for="f-theme">Thématique</label><select id="f-theme" name="theme"><option value="">Toutes les thématiques</option><option value="culture">Culture</option><option value="numerique">Numérique</option><option value="environnement">Environnement</option></select><label for="f-kw">Mot-clé</label><input type="text" id="f-kw" name="q"><button class="btn" type="submit">Filtrer</button></fieldset></form>
    <p class="results-count">128 résultats</p>
    <div class="news-list news-list--grid">{cards}</div>
    <nav class="pager" aria-label="Pagination"><ul class="pager__list"><li class="pager__item is-current"><span aria-current="page">1</span></li><li class="pager__item"><a href="/actualites?page=2">2</a></li><li class="pager__item"><a href="/actualites?page=3">3</a></li><li class="pager__item pager__item--dots">…</li><li class="pager__item"><a href="/actualites?page=13">13</a></li><li class="pager__item pager__item--next"><a href="/actualites?page=2">Page suivante</a></li></ul></nav>
  </section>"""
    return M.stratis_shell(c, big=False), "https://www.ville-rodez.fr" + path


def wp_tag(name):
    path = "/tag/fibre-optique/"
    c = ctx("millau", name, path, "Archives des fibre optique - Ville de Millau", "2019-04-08",
            body_class="archive tag tag-fibre-optique tag-41 ast-desktop ast-separate-container ast-right-sidebar")
    items = teasers(c, FIBRE_NEWS, 10, 4, (9, 30))
    t = c["t"]
    c["main"] = f"""<section class="ast-archive-description"><h1 class="page-title ast-archive-title">Étiquette : fibre optique</h1></section>
<div class="ast-row">
{wp_archive_items(c, items, 'astra')}
</div>
<div class='ast-pagination'><nav class="navigation pagination" role="navigation" aria-label="Publications"><h2 class="screen-reader-text">Navigation des articles</h2><div class="nav-links"><span aria-current="page" class="page-numbers current">1</span>
<a class="page-numbers" href="{t['url']}/tag/fibre-optique/page/2/">2</a>
<a class="next page-numbers" href="{t['url']}/tag/fibre-optique/page/2/">Page suivante →</a></div></nav></div>"""
    return W.wp_astra_shell(c), t["url"] + path


def aspnet_list(name):
    path = "/Actualites/Liste.aspx?IdRub=4"
    c = ctx("cahors", name, path, "Ville de Cahors - Actualités", "2012-10-08")
    r = c["r"]
    items = teasers(c, OTHER_NEWS + NUMERIC_NEWS)
    ph = "ctl00_ContentPlaceHolder1_gvActus"
    rows = "".join(f"""		<tr class="{'LigneActu' if i % 2 == 0 else 'LigneActuAlt'}">
			<td valign="top" width="90"><span id="{ph}_ctl{i + 2:02d}_lblDate" class="DateActu">{dmy(dd)}</span></td><td valign="top">
                <a id="{ph}_ctl{i + 2:02d}_lnkTitre" class="TitreListe" href="Detail.aspx?IdActu={1400 - i * 5}&amp;IdRub=4">{esc(tt)}</a><br />
                <span id="{ph}_ctl{i + 2:02d}_lblResume"><font size="2">{esc(s)}</font></span><br />
                <a id="{ph}_ctl{i + 2:02d}_lnkSuite" class="LienSuite" href="Detail.aspx?IdActu={1400 - i * 5}&amp;IdRub=4">Lire la suite &gt;&gt;</a>
            </td>
		</tr>""" for i, (tt, s, dd) in enumerate(items))
    c["main"] = f"""<h1 class="TitreRubrique"><span id="ctl00_ContentPlaceHolder1_lblRubrique">Actualités</span></h1>
<div>
	<table class="GrilleActus" cellspacing="0" cellpadding="4" border="0" id="{ph}" style="width:100%;border-collapse:collapse;">
{rows}
		<tr class="Pager">
			<td colspan="2"><table border="0">
				<tr>
					<td><span>1</span></td><td><a href="javascript:__doPostBack('ctl00$ContentPlaceHolder1$gvActus','Page$2')">2</a></td><td><a href="javascript:__doPostBack('ctl00$ContentPlaceHolder1$gvActus','Page$3')">3</a></td><td><a href="javascript:__doPostBack('ctl00$ContentPlaceHolder1$gvActus','Page$4')">4</a></td><td><a href="javascript:__doPostBack('ctl00$ContentPlaceHolder1$gvActus','Page$11')">...</a></td>
				</tr>
			</table></td>
		</tr>
	</table>
</div>"""
    return O.aspnet_shell(c, "a"), "https://www.mairie-cahors.fr" + path


# ---------------------------------------------------------------------------------------------- home pages
def home_stratis(name):
    c = ctx("macon", name, "/", "Ville de Mâcon - Site officiel", "2023-05-15", crumbs=[], body_class="page-home")
    r = c["r"]
    slides = [("Mâcon fête le printemps", "Trois jours d'animations sur les quais de Saône"),
              ("Le nouveau portail citoyen est en ligne", "Toutes vos démarches au même endroit, 24 h/24"),
              ("Budget participatif : votez pour vos projets", "Jusqu'au 30 juin, choisissez les idées qui verront le jour")]
    lazy = ' loading="lazy"'
    sl = "".join(f'<div class="slider__item swiper-slide"><picture><img src="/uploads/media/slider/slide-{i + 1}-1920x700.jpg" alt="" width="1920" height="700"{lazy if i else ""}></picture><div class="slider__caption"><p class="slider__title">{a}</p><p class="slider__teaser">{b}</p><a class="btn btn--white" href="/{slug(a)}">Découvrir</a></div></div>' for i, (a, b) in enumerate(slides))
    news = teasers(c, OTHER_NEWS + NUMERIC_NEWS, 6, 1, (1, 4))
    cards = "".join(f'<article class="news-card{" news-card--featured" if i == 0 else ""}"><div class="news-card__image"><img src="/uploads/media/news/{slug(tt)[:25]}-400x250.jpg" alt="" loading="lazy"></div><div class="news-card__content"><h3 class="news-card__title"><a href="/actualites/{slug(tt)}">{esc(tt)}</a></h3><p class="news-card__date"><time datetime="{dd.isoformat()}">{dmy(dd)}</time></p>{"<p class=news-card__teaser>" + esc(s) + "</p>" if i == 0 else ""}</div></article>' for i, (tt, s, dd) in enumerate(news))
    c["main"] = f"""  <h1 class="sr-only">Ville de Mâcon</h1>
  <section class="slider js-slider" aria-roledescription="carrousel" aria-label="À la une"><div class="swiper-wrapper">{sl}</div><div class="slider__controls"><button type="button" class="slider__prev" aria-label="Diapositive précédente"></button><button type="button" class="slider__pause" aria-label="Mettre en pause"></button><button type="button" class="slider__next" aria-label="Diapositive suivante"></button></div></section>
  <section class="home-news" aria-labelledby="home-news-title"><div class="container"><h2 class="section-title" id="home-news-title">Actualités</h2><div class="news-list news-list--home">{cards}</div><a class="btn btn--primary" href="/actualites">Toutes les actualités</a></div></section>
  <section class="home-kiosque"><div class="container"><h2 class="section-title">Kiosque</h2><div class="publication"><img src="/uploads/media/kiosque/macon-mag-mai.jpg" alt="Couverture du magazine municipal" width="200" height="280"><div><p class="publication__title">Mâcon Mag n° 92 - mai 2023</p><p><a href="/uploads/media/kiosque/macon-mag-92.pdf">Télécharger (PDF, 6,2 Mo)</a> · <a href="/kiosque">Tous les numéros</a></p></div></div></div></section>
  <section class="home-video"><div class="container"><h2 class="section-title">Mâcon en vidéo</h2><div class="video" data-tarteaucitron="youtube" data-videoID="{hexid(r, 11)}"><p>Cette vidéo est hébergée par YouTube. Acceptez les cookies pour la visionner.</p></div></div></section>"""
    return M.stratis_shell(c), "https://www.macon.fr/"


def home_joomla(name):
    c = ctx("fougeres", name, "/index.php", "Accueil - Ville de Fougères", "2012-02-06", crumbs=[("Accueil", None)], page="home")
    r = c["r"]
    items = teasers(c, OTHER_NEWS + NUMERIC_NEWS, 5, 1, (2, 6))
    rows = []
    for i, (tt, s, dd) in enumerate(items):
        link = f"/index.php?option=com_content&amp;view=article&amp;id={700 - i * 3}:{slug(tt)[:40]}&amp;catid=1:actualites&amp;Itemid=2"
        rows.append(f"""<div><table class="contentpaneopen"><tr><td class="contentheading" width="100%"><a href="{link}" class="contentpagetitle">{esc(tt)}</a></td></tr></table>
<table class="contentpaneopen"><tr><td valign="top" class="createdate">{joomla_date(dd, '10:30')}</td></tr><tr><td valign="top"><p>{entities(esc(s))}</p></td></tr>
<tr><td colspan="2"><a href="{link}" class="readon">Lire la suite...</a></td></tr></table><span class="article_separator">&nbsp;</span></div>""")
    more = news_after(r, OTHER_NEWS, 5, plus(c["now"], -25))
    morel = "".join(f'<li><a class="blogsection" href="/index.php?option=com_content&amp;view=article&amp;id={r.randint(300, 600)}&amp;Itemid=2">{esc(tt)}</a></li>' for tt, s, dd in more)
    c["main"] = f"""<div id="slideshow" class="moduletable_slide"><div class="slideshow-container"><img src="/images/stories/diaporama/chateau.jpg" alt="Le château de Fougères" width="560" height="220" /><img src="/images/stories/diaporama/jardin-public.jpg" alt="Le jardin public" width="560" height="220" style="display:none" /><img src="/images/stories/diaporama/beffroi.jpg" alt="Le beffroi" width="560" height="220" style="display:none" /></div>
<script type="text/javascript">window.addEvent('domready', function(){{ var show = new Slideshow('slideshow', {{ duration: 4000 }}); }});</script></div>
<div class="componentheading">Bienvenue sur le site de la ville de Fougères</div>
<table class="blog" cellpadding="0" cellspacing="0"><tr><td valign="top">{''.join(rows)}</td></tr>
<tr><td valign="top"><div class="blog_more"><strong>Plus d'articles...</strong><ul>{morel}</ul></div></td></tr></table>"""
    c["right"] = O.joomla_modules(c, ("agenda", "quick", "newsletter"))
    return O.joomla15a_shell(c), "https://www.fougeres.fr/index.php"


def home_wordpress(name):
    c = ctx("autun", name, "/", "Ville d&#039;Autun &#8211; Site officiel de la ville d&#039;Autun", "2019-10-21", crumbs=[("Accueil", None)],
            body_class="home page-template page-template-front-page page page-id-2")
    r, t = c["r"], c["t"]
    news = teasers(c, OTHER_NEWS + NUMERIC_NEWS, 6, 0, (1, 4))
    cards = "".join(f'<article class="card card--news"><a class="card__link" href="{t["url"]}/actualites/{slug(tt)}/"><figure class="card__media"><img src="{t["url"]}/wp-content/uploads/{dd.year}/{dd.month:02d}/{slug(tt)[:24]}-600x400.jpg" alt="" loading="lazy"></figure><div class="card__body"><p class="card__date">{dmy(dd)}</p><h3 class="card__title">{esc(tt)}</h3><span class="card__more">Lire la suite</span></div></a></article>' for tt, s, dd in news)
    evs = events_after(r, 4, c["now"])
    ev = "".join(f'<li class="home-agenda__item"><span class="home-agenda__date"><span class="day">{dd.day:02d}</span> <span class="month">{MOIS_ABR[dd.month - 1]}</span></span><a href="{t["url"]}/agenda/{slug(tt)}/">{esc(tt)}</a><span class="home-agenda__place">{esc(pl)}</span></li>' for tt, pl, dd, h in evs)
    tiles = "".join(f'<li class="tile"><a href="{t["url"]}/{slug(x)}/"><span class="tile__icon icon-{ic}"></span>{x}</a></li>' for x, ic in [("Démarches en ligne", "file"), ("Portail famille", "family"), ("Menus des cantines", "school"), ("Urbanisme", "city"), ("Déchets", "trash"), ("Offres d'emploi", "user")])
    c["main"] = f"""<h1 class="screen-reader-text">Ville d'Autun</h1>
<section class="hero"><div class="hero__slider"><div class="hero__slide"><img src="{t['url']}/wp-content/uploads/2019/09/cathedrale-saint-lazare.jpg" alt="" width="1600" height="600"><div class="hero__caption"><p class="hero__title">Journées européennes du patrimoine</p><p>Merci aux 12 000 visiteurs !</p></div></div><div class="hero__slide"><img src="{t['url']}/wp-content/uploads/2019/10/rentree-ecoles.jpg" alt="" width="1600" height="600"><div class="hero__caption"><p class="hero__title">Rentrée scolaire</p><p>Toutes les infos pratiques pour les familles</p></div></div></div></section>
<section class="home-quick"><h2 class="home-title">En un clic</h2><ul class="tiles">{tiles}</ul></section>
<section class="home-news"><h2 class="home-title">Actualités</h2><div class="news-grid">{cards}</div><p><a class="btn" href="{t['url']}/actualites/">Toutes les actualités</a></p></section>
<section class="home-agenda"><h2 class="home-title">Agenda</h2><ul class="home-agenda__list">{ev}</ul><p><a class="btn" href="{t['url']}/agenda/">Tout l'agenda</a></p></section>
<section class="home-mot"><h2 class="home-title">Le mot du maire</h2><p>Chères Autunoises, chers Autunois, ce site est le vôtre. Vous y trouverez l'actualité de la ville, les informations pratiques et un nombre croissant de démarches en ligne. N'hésitez pas à nous faire part de vos suggestions.</p><p><a href="{t['url']}/ma-mairie/le-mot-du-maire/">Lire la suite</a></p></section>"""
    c["sidebar"] = ""
    page = W.wp_custom_shell(c)
    page = page.replace('<nav class="breadcrumb" aria-label="Fil d\'Ariane"><ol class="breadcrumb__list"><li class="breadcrumb__item breadcrumb__item--current" aria-current="page">Accueil</li></ol></nav>', "")
    return page, t["url"] + "/"


def home_spip(name):
    c = ctx("lannion", name, "/", "Ville de Lannion", "2011-09-05", page="sommaire")
    r, t = c["r"], c["t"]
    news = teasers(c, OTHER_NEWS + NUMERIC_NEWS, 6, 1, (2, 6))
    une = news[0]
    lis = "".join(f'<li><a href="spip.php?article{440 - i}">{esc(tt)}</a> <small>{dmy(dd)}</small><p>{esc(s)}</p><a href="spip.php?article{440 - i}" class="suite">Lire la suite</a></li>' for i, (tt, s, dd) in enumerate(news[1:]))
    c["main"] = f"""<div class="sommaire">
<div class="a-la-une"><h2 class="structure">À la une</h2>
<div class="une"><img src="IMG/arton441.jpg" width="200" height="133" alt="" class="spip_logos" /><h3><a href="spip.php?article441">{esc(une[0])}</a></h3><p class="info-publi">{fr(une[2], weekday=True)}</p><p>{esc(une[1])}</p><p class="suite"><a href="spip.php?article441">Lire la suite</a></p></div></div>
<div class="derniers-articles"><h2 class="structure">Dernières actualités</h2><ul>{lis}</ul><p class="tout"><a href="spip.php?rubrique2">Toutes les actualités</a></p></div>
<div class="en-un-clic"><h2 class="structure">En un clic</h2><ul><li><a href="spip.php?article12">Menus de la restauration scolaire</a></li><li><a href="spip.php?article15">Horaires des piscines</a></li><li><a href="spip.php?article19">Démarches administratives</a></li><li><a href="spip.php?article27">Lannion Info, le magazine</a></li><li><a href="spip.php?article33">Carte du déploiement de la fibre</a></li></ul></div>
</div>"""
    return O.spip19_shell(c), t["url"] + "/"


# ---------------------------------------------------------------------------------------------- agenda
def event_stratis(name):
    path = "/agenda/atelier-premiers-pas-avec-un-smartphone"
    c = ctx("quimper", name, path, "Atelier « Premiers pas avec un smartphone » | Ville de Quimper", "2023-10-02",
            crumbs=[("Accueil", "/"), ("Agenda", "/agenda"), ("Atelier « Premiers pas avec un smartphone »", None)], body_class="page-evenement")
    ev = d("2023-10-17")
    c["main"] = f"""  <section class="evenement-detail">
    <header class="heading heading--event"><div class="heading__wrapper container">
      <p class="heading__category">Numérique</p>
      <h1 class="heading__title">Atelier « Premiers pas avec un smartphone »</h1>
      <div class="event-date event-date--big"><time datetime="{ev.isoformat()}T14:00"><span class="event-date__day">17</span><span class="event-date__month">oct.</span></time></div>
    </div></header>
    <div class="section container">
      <div class="event-infos">
        <p class="event-infos__item event-infos__item--date"><svg aria-hidden="true"><use href="#icon-calendar"></use></svg>Le {fr(ev, weekday=True)}</p>
        <p class="event-infos__item event-infos__item--time"><svg aria-hidden="true"><use href="#icon-clock"></use></svg>De 14 h à 16 h</p>
        <p class="event-infos__item event-infos__item--place"><svg aria-hidden="true"><use href="#icon-pin"></use></svg>Médiathèque d'Ergué-Armel, 2 rue de Kerustum, 29000 Quimper</p>
        <p class="event-infos__item event-infos__item--price"><svg aria-hidden="true"><use href="#icon-ticket"></use></svg>Gratuit, sur inscription</p>
        <p class="event-infos__item event-infos__item--public">Public : adultes débutants</p>
        <div class="event-infos__actions"><a class="btn btn--secondary" href="/agenda/atelier-premiers-pas-avec-un-smartphone/ical" download>Ajouter à mon agenda</a><a class="btn btn--outline" href="https://calendar.google.com/calendar/render?action=TEMPLATE&amp;text=Atelier+Premiers+pas+avec+un+smartphone&amp;dates=20231017T120000Z/20231017T140000Z" target="_blank" rel="noopener">Google Agenda</a></div>
      </div>
      <div class="rte">
        <p>Allumer son téléphone, passer un appel, envoyer un message ou une photo, installer une application : cet atelier en petit groupe permet de découvrir les fonctions essentielles d'un smartphone, à son rythme.</p>
        <p>Apportez votre appareil chargé et, si possible, les identifiants de votre compte. Quelques téléphones peuvent être prêtés pendant la séance. Inscription obligatoire à l'accueil de la médiathèque ou par téléphone au 02 98 98 86 60 ; huit places disponibles.</p>
      </div>
      <div class="event-map"><div class="event-map__canvas" data-lat="47.9853" data-lng="-4.0762" data-zoom="15"></div><a href="https://www.openstreetmap.org/?mlat=47.9853&amp;mlon=-4.0762#map=16/47.9853/-4.0762" target="_blank" rel="noopener">Voir sur la carte</a></div>
      <div class="share-block"><p class="share-block__title">Partager cet événement</p><ul class="share-block__list"><li><a href="#">Facebook</a></li><li><a href="#">Twitter</a></li><li><a href="#">Courriel</a></li></ul></div>
    </div>
  </section>"""
    return M.stratis_shell(c, big=False), "https://www.quimper.bzh" + path


def agenda_drupal(name):
    path = "/agenda?mois=2021-10"
    c = ctx("dole", name, path, "Agenda | Ville de Dole", "2021-09-28",
            crumbs=[("Accueil", "/"), ("Agenda", None)], body_class="path-agenda", dpath="agenda")
    r = c["r"]
    evs = sorted(events_after(r, 12, d("2021-09-28"), 33), key=lambda e: e[2])
    rows = "".join(f"""<div class="views-row"><article class="node node--type-evenement node--view-mode-teaser">
  <div class="event-date"><time datetime="{dd.isoformat()}T{h.split(' ')[0]:0>2}:00:00"><span class="event-date__weekday">{JOURS[dd.weekday()]}</span> <span class="event-date__day">{dd.day}</span> <span class="event-date__month">{MOIS[dd.month - 1]}</span></time></div>
  <h2 class="node__title"><a href="/agenda/{slug(tt)}" rel="bookmark">{esc(tt)}</a></h2>
  <div class="field field--name-field-horaire">{h}</div>
  <div class="field field--name-field-lieu">{esc(pl)}</div>
  <a class="node-readmore" href="/agenda/{slug(tt)}">En savoir plus</a>
</article></div>""" for tt, pl, dd, h in evs)
    c["main"] = f"""<div id="block-dole-page-title" class="block block-core block-page-title-block"><h1 class="page-title">Agenda</h1></div>
<div class="views-element-container"><div class="view view-agenda view-id-agenda view-display-id-page_1">
  <div class="view-header"><nav class="month-nav"><a href="/agenda?mois=2021-09" class="month-nav__prev">‹ septembre 2021</a> <span class="month-nav__current">octobre 2021</span> <a href="/agenda?mois=2021-11" class="month-nav__next">novembre 2021 ›</a></nav></div>
  <div class="view-filters"><form action="/agenda" method="get"><label for="edit-categorie">Catégorie</label><select id="edit-categorie" name="categorie"><option value="All">- Toutes -</option><option value="1">Concerts</option><option value="2">Expositions</option><option value="3">Ateliers</option><option value="4">Sport</option><option value="5">Vie municipale</option></select><input type="submit" value="Filtrer" class="button" /></form></div>
  <div class="view-content">{rows}</div>
</div></div>"""
    return M.d9_shell(c), "https://www.doledujura.fr" + path


def event_wordpress(name):
    path = "/evenement/reunion-publique-fibre-optique/"
    c = ctx("millau", name, path, "Réunion publique : la fibre optique dans les hameaux - Ville de Millau", "2024-02-26",
            body_class="tribe_events-template-default single single-tribe_events postid-3311 tribe-events-page-template")
    ev = d("2024-03-12")
    t = c["t"]
    c["main"] = f"""<div id="tribe-events-content" class="tribe-events-single">
	<p class="tribe-events-back"><a href="{t['url']}/agenda/"> &laquo; Tous les Évènements</a></p>
	<h1 class="tribe-events-single-event-title">Réunion publique : la fibre optique dans les hameaux</h1>
	<div class="tribe-events-schedule tribe-clearfix">
		<h2><span class="tribe-event-date-start">{fr(ev)} @ 18 h 30 min</span> - <span class="tribe-event-time">20 h 00 min</span></h2>
	</div>
	<div id="tribe-events-header" data-title="Réunion publique : la fibre optique dans les hameaux - Ville de Millau" data-viewtitle="Réunion publique : la fibre optique dans les hameaux">
		<nav class="tribe-events-nav-pagination" aria-label="Navigation évènement"><ul class="tribe-events-sub-nav"><li class="tribe-events-nav-previous"><a href="{t['url']}/evenement/conseil-municipal-29-fevrier/"><span>&laquo;</span> Conseil municipal</a></li><li class="tribe-events-nav-next"><a href="{t['url']}/evenement/carnaval-de-millau/">Carnaval de Millau <span>&raquo;</span></a></li></ul></nav>
	</div>
	<div id="post-3311" class="post-3311 tribe_events type-tribe_events status-publish hentry tribe_events_cat-vie-municipale cat_vie-municipale">
		<div class="tribe-events-single-event-description tribe-events-content">
			<p>Les habitants des hameaux de Massebiau, de la Graufesenque et de Longuiers sont invités à une réunion d'information sur l'arrivée de la fibre optique. Les représentants du syndicat départemental présenteront les travaux prévus et répondront aux questions.</p>
		</div>
		<div class="tribe-events-cal-links"><a class="tribe-events-gcal tribe-events-button" href="https://www.google.com/calendar/event?action=TEMPLATE&amp;text=R%C3%A9union+publique&amp;dates=20240312T183000/20240312T200000&amp;ctz=Europe/Paris" title="Ajouter à Google Agenda">+ Google Agenda</a><a class="tribe-events-ical tribe-events-button" href="{t['url']}/evenement/reunion-publique-fibre-optique/?ical=1" title="Télécharger le fichier .ics">+ Exporter vers iCal</a></div>
		<div class="tribe-events-single-section tribe-events-event-meta primary tribe-clearfix">
			<div class="tribe-events-meta-group tribe-events-meta-group-details"><h2 class="tribe-events-single-section-title"> Détails </h2><dl>
				<dt class="tribe-events-start-date-label"> Date : </dt><dd><abbr class="tribe-events-abbr tribe-events-start-date published dtstart" title="{ev.isoformat()}"> {fr(ev)} </abbr></dd>
				<dt class="tribe-events-start-time-label"> Heure : </dt><dd><div class="tribe-events-abbr tribe-events-start-time published dtstart" title="{ev.isoformat()}">18 h 30 min - 20 h 00 min</div></dd>
				<dt class="tribe-events-event-categories-label">Catégorie d’Évènement:</dt> <dd class="tribe-events-event-categories"><a href="{t['url']}/agenda/categorie/vie-municipale/" rel="tag">Vie municipale</a></dd>
			</dl></div>
			<div class="tribe-events-meta-group tribe-events-meta-group-venue"><h2 class="tribe-events-single-section-title"> Lieu </h2><dl>
				<dd class="tribe-venue"> Salle des fêtes </dd>
				<dd class="tribe-venue-location"><address class="tribe-events-address"><span class="tribe-address"><span class="tribe-street-address">Boulevard Sadi-Carnot</span><br><span class="tribe-locality">Millau</span>, <span class="tribe-postal-code">12100</span></span></address></dd>
			</dl></div>
			<div class="tribe-events-meta-group tribe-events-meta-group-organizer"><h2 class="tribe-events-single-section-title">Organisateur</h2><dl><dd class="tribe-organizer">Ville de Millau – Service aménagement numérique</dd></dl></div>
		</div>
	</div>
</div>"""
    c["sidebar"] = W.wp_events_widget(c, 4)
    return W.wp_astra_shell(c), t["url"] + path


def event_joomla(name):
    path = "/index.php?option=com_jevents&task=icalrepeat.detail&evid=58&Itemid=88&year=2011&month=01&day=22"
    c = ctx("wingles", name, path, "Portes ouvertes de la salle multimédia - Mairie de Wingles", "2011-01-10",
            crumbs=[("Accueil", "/"), ("Agenda", "/index.php?option=com_jevents&amp;Itemid=88"), ("Portes ouvertes de la salle multimédia", None)])
    ev = d("2011-01-22")
    c["main"] = f"""<div id="jevents">
<div class="contentpaneopen jeventpage" id="jevents_header"><h2 class="contentheading">Agenda</h2>
<div class="jev_toprow"><a href="/index.php?option=com_jevents&amp;task=month.calendar&amp;Itemid=88&amp;year=2011&amp;month=01" title="Vue mensuelle">Vue mensuelle</a> | <a href="/index.php?option=com_jevents&amp;task=week.listevents&amp;Itemid=88" title="Vue hebdomadaire">Vue hebdomadaire</a> | <a href="/index.php?option=com_jevents&amp;task=day.listevents&amp;Itemid=88" title="Aujourd'hui">Aujourd'hui</a></div></div>
<div class="contentpaneopen  jeventpage" id="jevents_body">
<table class="contentpaneopen" id="jevents_body_table">
<tr class="headingrow"><td width="100%" class="contentheading">Portes ouvertes de la salle multimédia</td><td width="20" class="buttonheading" align="right"><a href="/index.php?option=com_jevents&amp;task=icals.icalrepeat&amp;tmpl=component&amp;evid=58&amp;Itemid=88" title="Export iCal"><img src="/components/com_jevents/views/default/assets/images/save.png" alt="Export iCal" /></a></td></tr>
<tr class="starttimerow"><td colspan="2"><span class="starttime">{joomla_date(ev, '')[:-1]}</span> <span class="hours">10:00 - 17:00</span></td></tr>
<tr class="creator"><td align="left">Contact : Espace Jean-Jaurès</td><td align="right">Affichages : 212</td></tr>
<tr><td class="ev_detail" colspan="2"><p>L'équipe de la salle multimédia ouvre ses portes pour présenter les ateliers de l'année : initiation à l'informatique, retouche photo, découverte d'internet pour les seniors. Démonstrations toute la journée, entrée libre.</p></td></tr>
<tr><td class="ev_detail repeat" colspan="2">Lieu : Espace Jean-Jaurès, salle multimédia</td></tr>
<tr><td class="ev_detail" colspan="2"><a href="/index.php?option=com_jevents&amp;task=icals.icalrepeat&amp;tmpl=component&amp;evid=58&amp;Itemid=88" class="jev_ical">Ajouter à mon agenda (iCal)</a></td></tr>
</table>
</div>
</div>"""
    return O.joomla15a_shell(c), "https://www.wingles.fr" + path


# ---------------------------------------------------------------------------------------------- other
def contact_joomla(name):
    path = "/index.php?option=com_contact&view=contact&id=1&Itemid=18"
    c = ctx("hazebrouck", name, path, "Contact - Ville d'Hazebrouck", "2011-04-04", crumbs=[("Accueil", "/"), ("Contact", None)])
    t, r = c["t"], c["r"]
    c["main"] = f"""<div id="component-contact">
<table width="100%" cellpadding="0" cellspacing="0" border="0" class="contentpaneopen">
	<tr><td class="componentheading">Nous contacter</td></tr>
	<tr><td>
		<table border="0" width="100%">
			<tr><td></td><td rowspan="2" align="right" valign="top"></td></tr>
			<tr><td><table border="0" width="100%">
				<tr><td rowspan="4" valign="top" width="40"><img src="/images/M_images/con_address.png" alt="Adresse : " /></td><td valign="top">Hôtel de ville<br /></td></tr>
				<tr><td valign="top">{t['addr']}<br /></td></tr>
				<tr><td valign="top">{t['cp']} {t['name']}<br /></td></tr>
			</table>
			<br />
			<table width="100%" cellpadding="0" cellspacing="0" border="0">
				<tr><td width="40"><img src="/images/M_images/con_tel.png" alt="Téléphone : " /></td><td>{t['tel']}</td></tr>
				<tr><td width="40"><img src="/images/M_images/con_fax.png" alt="Fax : " /></td><td>03 28 43 44 99</td></tr>
			</table>
			<br />
			<table width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td valign="top">Accueil du public : du lundi au vendredi de 8 h 30 à 12 h et de 13 h 30 à 17 h 30, le samedi de 9 h à 12 h (état civil uniquement).</td></tr></table>
			</td></tr>
		</table>
	</td></tr>
	<tr><td><br /><script type="text/javascript">
	function validateForm( frm ) {{
		var valid = document.formvalidator.isValid(frm);
		if (valid == false) {{ alert( 'Veuillez remplir tous les champs du formulaire.' ); return false; }} else {{ frm.submit(); }}
	}}
</script>
<form action="index.php" method="post" name="emailForm" id="emailForm" class="form-validate">
	<div class="contact_email">
		<label for="contact_name">&nbsp;Saisissez votre nom :</label><br />
		<input type="text" name="name" id="contact_name" size="30" class="inputbox" value="" /><br />
		<label id="contact_emailmsg" for="contact_email">&nbsp;Adresse e-mail :</label><br />
		<input type="text" id="contact_email" name="email" size="30" value="" class="inputbox required validate-email" maxlength="100" /><br />
		<label for="contact_subject">&nbsp;Sujet du message :</label><br />
		<input type="text" name="subject" id="contact_subject" size="30" class="inputbox" value="" /><br /><br />
		<label id="contact_textmsg" for="contact_text">&nbsp;Saisissez votre message :</label><br />
		<textarea cols="50" rows="10" name="text" id="contact_text" class="inputbox required"></textarea><br />
		<input type="checkbox" name="email_copy" id="contact_email_copy" value="1"  /><label for="contact_email_copy">Envoyer une copie de ce message à votre propre adresse</label><br /><br />
		<button class="button validate" type="submit">Envoyer</button>
	</div>
	<input type="hidden" name="option" value="com_contact" />
	<input type="hidden" name="view" value="contact" />
	<input type="hidden" name="id" value="1" />
	<input type="hidden" name="task" value="submit" />
	<input type="hidden" name="{hexid(r, 32)}" value="1" />
</form>
<br /></td></tr>
</table>
</div>"""
    return O.joomla15a_shell(c), t["url"] + path


def demarches_typo3(name):
    path = "/demarches/etat-civil.html"
    c = ctx("saverne", name, path, "Ville de Saverne: État civil", "2019-03-11",
            crumbs=[("Accueil", "index.html"), ("Démarches", "demarches.html"), ("État civil", None)])
    r = c["r"]
    hours = "".join(f"<tr><td>{j}</td><td>{m}</td><td>{s}</td></tr>" for j, m, s in hours_block())
    c["main"] = f"""<div id="c201" class="csc-default"><div class="csc-header csc-header-n1"><h1 class="csc-firstHeader">État civil</h1></div><p class="bodytext">Le service État civil enregistre les naissances, reconnaissances, mariages, pactes civils de solidarité et décès survenus à Saverne. Il délivre les copies et extraits d'actes et tient les registres.</p></div>
<div id="c202" class="csc-default"><div class="csc-header csc-header-n2"><h2>Demander un acte</h2></div><ul><li><a href="https://www.service-public.fr/particuliers/vosdroits/R1406" target="_blank" class="external-link-new-window">Acte de naissance</a> : demande en ligne ou au guichet, gratuite.</li><li><a href="https://www.service-public.fr/particuliers/vosdroits/R11207" target="_blank" class="external-link-new-window">Acte de mariage</a> : demande en ligne ou au guichet.</li><li><a href="https://www.service-public.fr/particuliers/vosdroits/R1407" target="_blank" class="external-link-new-window">Acte de décès</a> : demande en ligne ou au guichet.</li></ul><p class="bodytext">Pour les personnes nées à l'étranger, la demande est à adresser au Service central d'état civil de Nantes.</p></div>
<div id="c203" class="csc-default"><div class="csc-header csc-header-n3"><h2>Carte d'identité et passeport</h2></div><p class="bodytext">Les demandes se font uniquement sur rendez-vous. Effectuez votre pré-demande en ligne sur le site de l'ANTS, puis présentez-vous avec les pièces justificatives.</p><ul><li>une photo d'identité de moins de six mois&nbsp;;</li><li>un justificatif de domicile de moins d'un an&nbsp;;</li><li>l'ancien titre, ou une déclaration de perte ou de vol&nbsp;;</li><li>un timbre fiscal pour le passeport.</li></ul></div>
<div id="c204" class="csc-default"><div class="csc-header csc-header-n4"><h2>Horaires du service</h2></div><table class="contenttable"><thead><tr><th>Jour</th><th>Matin</th><th>Après-midi</th></tr></thead><tbody>{hours}</tbody></table></div>
<div id="c205" class="csc-default"><div class="csc-header csc-header-n5"><h2>Contact</h2></div><p class="bodytext">Service État civil – Hôtel de ville<br />78 Grand'Rue – 67700 Saverne<br />Tél. 03 88 71 52 91</p><p class="bodytext"><a href="formulaire-contact.html" class="internal-link">Écrire au service</a></p></div>"""
    c["sidebar"] = """<div id="c301" class="csc-default"><div class="csc-header csc-header-n1"><h2 class="csc-firstHeader">Dans cette rubrique</h2></div><ul class="sous-menu"><li class="act"><a href="demarches/etat-civil.html">État civil</a></li><li><a href="demarches/elections.html">Élections</a></li><li><a href="demarches/urbanisme.html">Urbanisme</a></li><li><a href="demarches/cimetieres.html">Cimetières</a></li><li><a href="demarches/recensement-citoyen.html">Recensement citoyen</a></li><li><a href="demarches/objets-trouves.html">Objets trouvés</a></li></ul></div>"""
    return M.typo3_shell(c), "https://www.saverne.fr" + path


def mentions_wordpress(name):
    path = "/mentions-legales/"
    c = ctx("pornichet", name, path, "Mentions légales - Ville de Pornichet", "2020-01-15",
            body_class="page-template-default page page-id-3 ast-desktop ast-separate-container ast-no-sidebar")
    t = c["t"]
    c["main"] = f"""<article itemtype="https://schema.org/CreativeWork" itemscope="itemscope" id="post-3" class="post-3 page type-page status-publish ast-article-single">
	<header class="entry-header ast-no-thumbnail ast-no-meta"><h1 class="entry-title" itemprop="headline">Mentions légales</h1></header>
	<div class="entry-content clear" itemprop="text">
<h2>Éditeur du site</h2>
<p>Ville de Pornichet<br>{t['addr']}<br>{t['cp']} Pornichet<br>Téléphone : {t['tel']}</p>
<h2>Directeur de la publication</h2>
<p>Le maire de Pornichet.</p>
<h2>Hébergement</h2>
<p>Le site est hébergé par un prestataire situé en France, dans des centres de données soumis au droit français.</p>
<h2>Propriété intellectuelle</h2>
<p>L'ensemble des contenus de ce site (textes, photographies, logos, vidéos) est la propriété de la Ville de Pornichet ou de ses partenaires. Toute reproduction, même partielle, est soumise à autorisation préalable, sauf pour un usage strictement personnel.</p>
<h2>Données personnelles</h2>
<p>Les informations recueillies au moyen des formulaires du site sont destinées aux seuls services municipaux concernés. Conformément au règlement général sur la protection des données, vous disposez d'un droit d'accès, de rectification et d'effacement des données vous concernant, que vous pouvez exercer auprès du délégué à la protection des données de la ville.</p>
<h2>Cookies</h2>
<p>Le site utilise des cookies de mesure d'audience. Vous pouvez les refuser à tout moment grâce au bandeau de gestion des cookies.</p>
<h2>Crédits photographiques</h2>
<p>Service communication de la Ville de Pornichet, sauf mention contraire.</p>
	</div>
</article>"""
    c["sidebar"] = ""
    return W.wp_astra_shell(c), t["url"] + path


def plan_spip(name):
    c = ctx("ramonville", name, "/spip.php?page=plan", "Plan du site - Mairie de Ramonville-Saint-Agne", "2015-02-02", page="plan")
    r = c["r"]
    secs = []
    for s, items in menu_sections(r):
        lis = "".join(f'<li><a href="spip.php?rubrique{r.randint(10, 90)}">{esc(x)}</a><ul>' + "".join(f'<li><a href="spip.php?article{r.randint(100, 1300)}">{y}</a></li>' for y in r.sample(["Présentation", "Horaires et contacts", "Tarifs", "Formulaires", "Questions fréquentes", "Documents à télécharger"], 2)) + "</ul></li>" for x in items)
        secs.append(f'<li><a href="spip.php?rubrique{r.randint(2, 9)}"><strong>{esc(s)}</strong></a><ul>{lis}</ul></li>')
    c["main"] = f"""		<p class="arbo"><a href="https://www.ramonville.fr/">Accueil</a> &gt; <strong class="on">Plan du site</strong></p>
		<div class="cartouche"><h1 class="h1">Plan du site</h1></div>
		<div class="plan"><ul class="plan-rubriques">{''.join(secs)}</ul></div>"""
    c["sidebar"] = ""
    return O.spip2_shell(c), "https://www.ramonville.fr/spip.php?page=plan"


def elus_drupal(name):
    path = "/la-mairie/les-elus"
    c = ctx("issy", name, path, "Les élus | Ville d'Issy-les-Moulineaux", "2014-05-12", h1="Les élus",
            crumbs=[("Accueil", "/"), ("La mairie", "/la-mairie")], body_class="html not-front not-logged-in one-sidebar sidebar-second page-node node-type-page")
    r = c["r"]
    names = [(f, l) for f in FIRST for l in LAST]
    r.shuffle(names)
    deleg = ["Finances et budget", "Éducation et enfance", "Urbanisme et travaux", "Culture et patrimoine", "Sport et vie associative",
             "Solidarités et seniors", "Démocratie locale et numérique", "Environnement et propreté", "Jeunesse et emploi", "Commerce et artisanat",
             "Sécurité et tranquillité publique", "Santé et handicap"]
    maire = names[0]
    adj = "".join(f'<div class="elu"><img src="/sites/default/files/elus/adjoint-{i + 1}.jpg" alt="" width="120" height="150" /><h3>{f} {l}</h3><p class="elu-fonction">{i + 1}<sup>{"er" if i == 0 else "e"}</sup> adjoint{"e" if f[-1] == "e" else ""} chargé{"e" if f[-1] == "e" else ""} de : {dl}</p></div>' for i, ((f, l), dl) in enumerate(zip(names[1:13], deleg)))
    cons = "".join(f"<li>{f} {l}</li>" for f, l in names[13:38])
    c["main"] = f"""<div id="node-77" class="node node-page clearfix" about="/la-mairie/les-elus" typeof="foaf:Document">
  <div class="content"><div class="field field-name-body field-type-text-with-summary field-label-hidden"><div class="field-items"><div class="field-item even" property="content:encoded">
<p>Le conseil municipal compte 45 élus, installés le 5 avril 2014. Il se réunit en séance publique environ une fois par mois.</p>
<h2>Le maire</h2>
<div class="elu elu-maire"><img src="/sites/default/files/elus/maire.jpg" alt="" width="160" height="200" /><h3>{maire[0]} {maire[1]}</h3><p class="elu-fonction">Maire</p></div>
<h2>Les adjoints au maire</h2>
{adj}
<h2>Les conseillers municipaux</h2>
<ul class="liste-conseillers">{cons}</ul>
<p>Les élus reçoivent sur rendez-vous. Contactez le cabinet du maire au {c['t']['tel']}.</p>
</div></div></div></div>
</div>"""
    return M.d7_shell(c), c["t"]["url"] + path


def horaires_stratis(name):
    path = "/infos-pratiques/horaires-et-coordonnees-des-services"
    c = ctx("rodez", name, path, "Horaires et coordonnées des services | Ville de Rodez", "2022-09-19",
            crumbs=[("Accueil", "/"), ("Infos pratiques", "/infos-pratiques"), ("Horaires et coordonnées des services", None)], body_class="page-standard")
    svc = [("Hôtel de ville – accueil", "Place Eugène-Raynaldy", "05 65 77 88 00", "Lundi au vendredi, 8 h 30 - 12 h et 13 h 30 - 17 h 30"),
           ("État civil", "Hôtel de ville, rez-de-chaussée", "05 65 77 88 10", "Lundi au vendredi, 8 h 30 - 17 h ; samedi 9 h - 12 h"),
           ("Urbanisme", "Espace Saint-Cyrice", "05 65 77 88 40", "Lundi au jeudi, 8 h 30 - 12 h, sur rendez-vous l'après-midi"),
           ("Services techniques", "Avenue de Saint-Pierre", "05 65 77 88 60", "Lundi au vendredi, 8 h - 12 h et 13 h 30 - 17 h"),
           ("Police municipale", "Boulevard Gally", "05 65 77 88 90", "Tous les jours, 7 h - 21 h"),
           ("Médiathèque", "Rue Camille-Douls", "05 65 77 89 00", "Mardi au samedi, 10 h - 18 h"),
           ("Piscine", "Avenue de Bourran", "05 65 77 89 20", "Horaires variables selon les périodes scolaires")]
    rows = "".join(f"<tr><th scope=\"row\">{a}</th><td>{b}</td><td>{c_}</td><td>{h}</td></tr>" for a, b, c_, h in svc)
    c["main"] = f"""  <header class="heading"><div class="heading__wrapper container"><h1 class="heading__title">Horaires et coordonnées des services</h1></div></header>
  <section class="section container"><div class="rte">
    <p>Retrouvez ci-dessous les adresses, numéros de téléphone et horaires d'ouverture des principaux services municipaux. Les horaires peuvent être modifiés pendant les vacances scolaires.</p>
    <table class="table table--responsive"><caption>Services municipaux</caption><thead><tr><th scope="col">Service</th><th scope="col">Adresse</th><th scope="col">Téléphone</th><th scope="col">Horaires</th></tr></thead><tbody>{rows}</tbody></table>
    <p>Pour toute autre demande, utilisez le <a href="/contact">formulaire de contact</a>.</p>
  </div></section>"""
    return M.stratis_shell(c, big=False), "https://www.ville-rodez.fr" + path


def wifi_static(name):
    path = "/pratique/wifi-public.html"
    places = [("Place Charles-de-Gaulle", "tous les jours, 8 h - 22 h"), ("Médiathèque", "aux heures d'ouverture"),
              ("Cyber-base, rue du Collège", "du mardi au samedi"), ("Office de tourisme", "aux heures d'ouverture"),
              ("Piscine municipale, hall d'accueil", "aux heures d'ouverture"), ("Gare routière", "tous les jours, 6 h - 21 h")]
    body = ("<p>La ville met à votre disposition un accès gratuit à internet sans fil dans plusieurs lieux publics. La connexion nécessite l'acceptation d'une charte d'utilisation.</p>"
            "<p><b>Lieux équipés :</b></p><p>" + "<br />".join(f"- {a} ({b})" for a, b in places) + "</p>"
            "<p>Réseau : « Mende-WiFi ». Durée de connexion : 2 heures renouvelables. En cas de problème, contactez la Cyber-base.</p>")
    a = dict(title="Les points d'accès WiFi publics", body=body, path=path)
    c = ctx("mende", name, path, "Ville de Mende - Pratique - WiFi public", "2012-03-05")
    return O.static_dw_page(a, c).replace("/actualites/images/cyber-base.jpg", "/pratique/images/wifi.jpg"), "https://www.mende.fr" + path


PAGES = [
    ("listing-spip-rubrique-actualites", spip_rubrique, "listing", "spip"),
    ("listing-joomla15-blog-actualites", joomla_blog, "listing", "joomla15"),
    ("listing-wordpress-categorie-numerique", wp_category, "listing", "wordpress"),
    ("listing-wordpress-actualites-page-2", wp_page2, "listing", "wordpress"),
    ("listing-drupal9-actualites-page-2", drupal_page2, "listing", "drupal"),
    ("listing-typo3-news-list", typo3_list, "listing", "typo3"),
    ("listing-stratis-actualites", stratis_list, "listing", "stratis"),
    ("listing-wordpress-etiquette-fibre", wp_tag, "listing", "wordpress"),
    ("listing-aspnet-liste-actualites", aspnet_list, "listing", "aspnet"),
    ("home-stratis-macon", home_stratis, "home", "stratis"),
    ("home-joomla15-fougeres", home_joomla, "home", "joomla15"),
    ("home-wordpress-autun", home_wordpress, "home", "wordpress"),
    ("home-spip-lannion", home_spip, "home", "spip"),
    ("agenda-stratis-atelier-smartphone", event_stratis, "agenda", "stratis"),
    ("agenda-drupal9-octobre", agenda_drupal, "agenda", "drupal"),
    ("agenda-wordpress-reunion-fibre", event_wordpress, "agenda", "wordpress"),
    ("agenda-joomla15-jevents-portes-ouvertes", event_joomla, "agenda", "joomla15"),
    ("other-contact-joomla15", contact_joomla, "other", "joomla15"),
    ("other-demarches-etat-civil-typo3", demarches_typo3, "other", "typo3"),
    ("other-mentions-legales-wordpress", mentions_wordpress, "other", "wordpress"),
    ("other-plan-du-site-spip", plan_spip, "other", "spip"),
    ("other-elus-drupal7", elus_drupal, "other", "drupal"),
    ("other-horaires-services-stratis", horaires_stratis, "other", "stratis"),
    ("other-wifi-public-static", wifi_static, "other", "static"),
]

NOTES = {
    "listing-spip-rubrique-actualites": "SPIP rubrique: 10 items with abbr.published dates, intro and « Lire la suite », pagination.",
    "listing-joomla15-blog-actualites": "Joomla 1.5 blog layout: 1 leading + 9 intro items in two columns, createdate, readon links, 'Page 1 sur 17'.",
    "listing-wordpress-categorie-numerique": "category archive (Twenty Seventeen): 10 excerpts with time.entry-date, 'Lire la suite', pagination.",
    "listing-wordpress-actualites-page-2": "paginated /page/2/ news index of an agency theme: 10 cards with dates.",
    "listing-drupal9-actualites-page-2": "Drupal views list at ?page=2 (shows 'Page 3'): 10 teasers with <time>, 'Lire la suite', exposed filters.",
    "listing-typo3-news-list": "tt_news list view: 10 news-list-item with news-list-date dd.mm.yyyy and « Lire la suite ».",
    "listing-stratis-actualites": "builder news index with filters, 10 cards (date, teaser, « Lire la suite »), pager.",
    "listing-wordpress-etiquette-fibre": "tag archive (Astra): 10 posts about fibre with datePublished spans and « Lire la suite ».",
    "listing-aspnet-liste-actualites": "ASP.NET GridView: 10 rows with dd/mm/yyyy date, title, summary, « Lire la suite », __doPostBack pager.",
    "home-stratis-macon": "home page: slider, 6 news cards, kiosque, video, quick access, agenda, newsletter.",
    "home-joomla15-fougeres": "Joomla 1.5 front page: slideshow module, 5 blog items with createdate and readon, 'Plus d'articles', agenda module.",
    "home-wordpress-autun": "WordPress front page: hero slider, tiles, 6 news cards, agenda list, mot du maire teaser.",
    "home-spip-lannion": "SPIP sommaire: à la une, latest news with dates, en un clic, agenda sidebar.",
    "agenda-stratis-atelier-smartphone": "single event: date, time, place, price, « Ajouter à mon agenda », two paragraphs of description.",
    "agenda-drupal9-octobre": "monthly agenda list: 12 events with weekday dates, times and places, month navigation.",
    "agenda-wordpress-reunion-fibre": "The Events Calendar single event: schedule, venue, organizer, Google/iCal export, short description.",
    "agenda-joomla15-jevents-portes-ouvertes": "JEvents event detail with date/time rows and iCal export.",
    "other-contact-joomla15": "com_contact page: address, phone, hours, contact form.",
    "other-demarches-etat-civil-typo3": "service page (état civil): lists of documents, links to service-public.fr, hours table.",
    "other-mentions-legales-wordpress": "legal notice page: éditeur, hébergement, données personnelles, cookies.",
    "other-plan-du-site-spip": "sitemap: nested lists of rubriques and articles.",
    "other-elus-drupal7": "elected officials: mayor, 12 deputies with delegations, list of councillors (fictional names).",
    "other-horaires-services-stratis": "opening hours and addresses of municipal services in a table.",
    "other-wifi-public-static": "static practical-information page listing public WiFi places (not news).",
}

ARTICLE_ENTRIES = ["spip-wifi-public-sans-date", "wordpress-carnaval-reporte", "aspnet-piscine-sans-date",
                   "builder-large-rendez-vous-passeport", "joomla15-label-villes-internet", "drupal9-signalement-espace-public"]


def build(root, articles):
    ptdir = os.path.join(root, "page-types")
    os.makedirs(ptdir, exist_ok=True)
    manifest = []
    for name, fn, ptype, cms in PAGES:
        src, url = fn(name)
        with open(os.path.join(ptdir, name + ".html"), "w", encoding="utf-8") as f:
            f.write(src)
        manifest.append({"file": name + ".html", "url": url, "page_type": ptype, "cms": cms, "notes": NOTES[name]})
    byname = {a["name"]: a for a in articles}
    for n in ARTICLE_ENTRIES:
        a = byname[n]
        manifest.append({"file": f"../pages/{n}/source.html", "url": town(a["town"])["url"] + a["path"],
                         "page_type": "article", "cms": a["cms"], "notes": "article page (see its expected-metadata.json)"})
    with open(os.path.join(ptdir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)
        f.write("\n")
