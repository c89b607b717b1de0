//! What kind of page a capture is: an article, a listing (news index, category or tag
//! archive, a page of pagination), a home page, an agenda or event page, or something else
//! (contact, opening hours, legal notice, site map).
//!
//! Listings and home pages repeat the titles, dates and first lines of many articles: they
//! must not carry one article's label or publication date, and searches rank them below the
//! articles themselves. The type is read from signals every CMS leaves, weakest last:
//! - the URL: a site's root (`/`, `/index.php`, `/accueil`) is its home page; a page number
//!   (`/page/2/`, `?page=2`, `?start=10`, `debut_articles=`) or a category, tag or archive
//!   path makes a listing; an agenda or event path an agenda page;
//! - structured data: JSON-LD `@type` (`NewsArticle`, `Event`, `CollectionPage`…) and
//!   `og:type`;
//! - the page's shape: teasers (headings that are links) whose titles the main text holds
//!   (an article's « related news » are not in its main text), « Lire la suite » links,
//!   against the length of the main text and a publication date of its own;
//! - an article has a date of its own, article metadata, or a news address (`/actualites/…`,
//!   a dated path, `spip.php?article12`); a page with none of these is « other » (contact,
//!   opening hours, legal notice).

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;
use url::Url;

use super::dom::Page;
use super::dom::marks::{HIDDEN, NOT_CONTENT_ROLE};

/// The kind of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PageType {
    /// One news item, announcement or article.
    Article,
    /// A list of articles: news index, category, tag or date archive, pagination.
    Listing,
    /// A site's home page.
    Home,
    /// An agenda, or one event.
    Agenda,
    /// Anything else: contact, services, opening hours, legal notice, site map…
    Other,
}

impl PageType {
    /// Every type, in the order the search form lists them.
    pub const ALL: [PageType; 5] = [
        PageType::Article,
        PageType::Listing,
        PageType::Home,
        PageType::Agenda,
        PageType::Other,
    ];

    /// Its name in the index, the API and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            PageType::Article => "article",
            PageType::Listing => "listing",
            PageType::Home => "home",
            PageType::Agenda => "agenda",
            PageType::Other => "other",
        }
    }

    /// Its French name, for the search form.
    pub fn french(self) -> &'static str {
        match self {
            PageType::Article => "Articles",
            PageType::Listing => "Listes d'actualités",
            PageType::Home => "Pages d'accueil",
            PageType::Agenda => "Agenda",
            PageType::Other => "Autres pages",
        }
    }

    /// Its French name for one page, for a search result.
    pub fn french_one(self) -> &'static str {
        match self {
            PageType::Article => "article",
            PageType::Listing => "liste d'actualités",
            PageType::Home => "page d'accueil",
            PageType::Agenda => "agenda",
            PageType::Other => "autre page",
        }
    }

    /// The type named `name` (as [`PageType::as_str`] writes it).
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(name.trim()))
    }

    /// Whether pages of this type report one article's label and publication date.
    pub fn is_single_item(self) -> bool {
        !matches!(self, PageType::Listing | PageType::Home)
    }
}

static HOME_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^/(?:(?:fr|fr-fr|accueil|home|portail|site)/?)?(?:(?:index|default|accueil|home)\.(?:html?|php\d?|aspx?|jsp|cfm))?$")
        .expect("static regex compiles")
});

static PAGINATION_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)/(?:page|pages|seite)/\d+/?$|[-_/]page-?\d+(?:\.html?)?$")
        .expect("static regex compiles")
});

static PAGINATION_QUERY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|&)(?:page|paged|p|pg|start|limitstart|offset|debut_[a-z_]+|tx_news_pi1%5B%40widget_0%5D%5BcurrentPage%5D|tx_news_pi1\[@widget_0\]\[currentPage\])=\d+")
        .expect("static regex compiles")
});

/// Listings in a query string: Joomla's category and blog views, SPIP's sections.
static LISTING_QUERY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|&)(?:view=(?:category|section|featured|archive)|layout=blog|page=(?:rubrique|archives)|id_rubrique=|rubrique\d+(?:&|$)|cat(?:egory)?(?:_id|id)?=)")
        .expect("static regex compiles")
});

static LISTING_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)/(?:category|categorie|categories|tag|tags|etiquette|mot|rubrique|theme|themes|archives?|author|auteur)(?:/|[-_.]|$)|/(?:19|20)\d{2}/(?:\d{2}/)?$|/(?:actualites?|actus?|news|breves|articles|blog|communiques?|presse)(?:/|\.html?|\.php)?$")
        .expect("static regex compiles")
});

static AGENDA_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[/=_](?:agenda|evenements?|événements?|events?|jevents|manifestations?|sortir|calendrier)(?:/|[-_.&=?]|$)")
        .expect("static regex compiles")
});

/// Addresses of news items: a news section, a dated path, SPIP's and Joomla's article
/// addresses.
static NEWS_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)/(?:actualites?|actus?|news|nouvelles|infos?|breves|articles?|blog|communiques?|presse|a-la-une|magazine|publications?)[/_.-]|/(?:19|20)\d{2}/\d{2}/|[?&](?:id_)?article=?\d|[?&]view=article|article\d+\.html|/article[-_]|[?&]option=com_content")
        .expect("static regex compiles")
});

static TEASER_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:lire la suite|lire l['’]article|en savoir plus|voir l['’]article|voir la suite|suite|read more|continue reading|plus d['’]infos?)\b")
        .expect("static regex compiles")
});

static JSON_LD_TYPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""@type"\s*:\s*(?:"([A-Za-z]+)"|\[([^\]]*)\])"#).expect("static regex compiles")
});

/// What the classifier reads besides the page itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Clues<'a> {
    /// The page's URL.
    pub url: Option<&'a Url>,
    /// Its main text.
    pub main_text: &'a str,
    /// Whether the page gives a publication date of its own (JSON-LD, meta, a `<time>` of
    /// the article, « Publié le »), not one read from its URL.
    pub own_date: bool,
}

/// Structured data and teasers counted on a page.
#[derive(Debug, Default)]
struct Shape {
    article_type: bool,
    event_type: bool,
    collection_type: bool,
    og_article: bool,
    /// Texts of headings that are links to other pages (teasers' titles).
    teaser_titles: Vec<String>,
    more_links: usize,
}

fn shape(page: &Page) -> Shape {
    let mut s = Shape::default();
    let aside = |i: usize| {
        page.ancestors(i).chain(std::iter::once(i)).any(|a| {
            let n = page.node(a);
            n.marks & (HIDDEN | NOT_CONTENT_ROLE) != 0
                || matches!(n.name(), "nav" | "aside" | "footer")
        })
    };
    for (i, node) in page.nodes().iter().enumerate() {
        match node.name() {
            "script"
                if node
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                let raw = page.raw_text(i);
                for c in JSON_LD_TYPE.captures_iter(&raw) {
                    let types = c.get(1).or(c.get(2)).map_or("", |m| m.as_str());
                    for t in types.split(|c: char| !c.is_ascii_alphabetic()) {
                        match t {
                            "NewsArticle"
                            | "Article"
                            | "BlogPosting"
                            | "Report"
                            | "AnalysisNewsArticle"
                            | "ReportageNewsArticle" => s.article_type = true,
                            "Event" | "EventSeries" | "Festival" | "ExhibitionEvent"
                            | "SocialEvent" | "TheaterEvent" | "MusicEvent" => s.event_type = true,
                            "CollectionPage" | "ItemList" | "SearchResultsPage" => {
                                s.collection_type = true
                            }
                            _ => {}
                        }
                    }
                }
            }
            "meta"
                if node
                    .attr("property")
                    .is_some_and(|p| p.eq_ignore_ascii_case("og:type"))
                    && node
                        .attr("content")
                        .is_some_and(|c| c.trim().eq_ignore_ascii_case("article")) =>
            {
                s.og_article = true;
            }
            name if !aside(i)
                && (matches!(name, "h2" | "h3" | "h4" | "h5")
                    || (matches!(name, "td" | "div" | "p" | "span")
                        && node.attr("class").is_some_and(|c| {
                            let c = c.to_ascii_lowercase();
                            c.contains("heading") || c.contains("title") || c.contains("titre")
                        }))) =>
            {
                let text = page.text(i);
                let link_text: usize = page
                    .nodes()
                    .get(i..node.end)
                    .unwrap_or_default()
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| n.name() == "a" && n.attr("href").is_some_and(is_page_link))
                    .map(|(k, _)| page.text(i + k).chars().count())
                    .sum();
                let chars = text.chars().count();
                if chars >= 10 && link_text * 10 >= chars * 8 {
                    s.teaser_titles.push(letters(&text));
                }
            }
            "a" if node.attr("href").is_some_and(is_page_link) && !aside(i) => {
                let text = page.text_capped(i, 40);
                if TEASER_LINK.is_match(&text) {
                    s.more_links += 1;
                }
            }
            _ => {}
        }
    }
    s
}

/// A text's letters and digits, lower-cased, nothing between them (a title glued to the date
/// before it in a teaser is still found).
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a link leads to another page (not an anchor, a script or a mail address).
fn is_page_link(href: &str) -> bool {
    let h = href.trim();
    !(h.is_empty()
        || h.starts_with('#')
        || h.starts_with("javascript:")
        || h.starts_with("mailto:")
        || h.starts_with("tel:"))
}

/// The type of a page.
pub fn classify(page: &Page, clues: Clues) -> PageType {
    let (path, query) = clues
        .url
        .map(|u| {
            (
                u.path().to_string(),
                u.query().unwrap_or_default().to_string(),
            )
        })
        .unwrap_or_default();
    if PAGINATION_PATH.is_match(&path) || PAGINATION_QUERY.is_match(&query) {
        return PageType::Listing;
    }
    let home_query = query.is_empty()
        || query
            .split('&')
            .all(|kv| kv.starts_with("lang=") || kv.starts_with("l="));
    if clues.url.is_some() && HOME_PATH.is_match(&path) && home_query {
        return PageType::Home;
    }
    let address = format!("{path}?{query}");
    let s = shape(page);
    let chars = clues.main_text.chars().count();
    // Teasers whose titles the main text holds: the page's content is a list of articles
    // (the « related news » beside an article are not in its main text).
    let text_letters = letters(clues.main_text);
    let in_text: Vec<&String> = s
        .teaser_titles
        .iter()
        .filter(|t| text_letters.contains(t.as_str()))
        .collect();
    let teasers = in_text.len();
    // The teasers' titles make a good part of the text (not three « Lire aussi » links at the
    // end of a long article).
    let title_share = in_text.iter().map(|t| t.len()).sum::<usize>() * 8 >= text_letters.len();
    let structured_article = s.article_type && !s.collection_type;
    // An article of its own: a date of its own or article metadata, and a text to read.
    let article_like = (clues.own_date || structured_article || s.og_article) && chars >= 400;
    if s.event_type && !structured_article {
        return PageType::Agenda;
    }
    if s.collection_type && !structured_article {
        return PageType::Listing;
    }
    let listing_address = LISTING_PATH.is_match(&path) || LISTING_QUERY.is_match(&query);
    let listing_shape = teasers >= 3 && title_share
        || (s.more_links >= 5 && !article_like)
        || (s.teaser_titles.len().max(s.more_links) >= 3 && listing_address);
    if listing_shape {
        return if AGENDA_PATH.is_match(&address) {
            PageType::Agenda
        } else {
            PageType::Listing
        };
    }
    if AGENDA_PATH.is_match(&address) {
        return PageType::Agenda;
    }
    if article_like || (chars >= 400 && NEWS_PATH.is_match(&address)) {
        return PageType::Article;
    }
    PageType::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(html: &str, url: &str, chars: usize, own_date: bool) -> PageType {
        let doc = scraper::Html::parse_document(html);
        let page = Page::new(&doc);
        let url = Url::parse(url).ok();
        let text = crate::extract::main_text::main_text(&page, None);
        let text = if text.chars().count() < chars {
            format!("{text} {}", "x".repeat(chars))
        } else {
            text
        };
        classify(
            &page,
            Clues {
                url: url.as_ref(),
                main_text: &text,
                own_date,
            },
        )
    }

    #[test]
    fn urls_say_home_and_pagination() {
        let body = "<body><h1>Bienvenue</h1><p>Texte.</p></body>";
        assert_eq!(
            kind(body, "https://www.ville.fr/", 800, false),
            PageType::Home
        );
        assert_eq!(
            kind(body, "https://www.ville.fr/index.php", 800, false),
            PageType::Home
        );
        assert_eq!(
            kind(body, "https://www.ville.fr/fr/", 800, false),
            PageType::Home
        );
        assert_eq!(
            kind(body, "https://www.ville.fr/actualites/page/2/", 800, false),
            PageType::Listing
        );
        assert_eq!(
            kind(
                body,
                "https://www.ville.fr/spip.php?page=rubrique&id_rubrique=2&debut_articles=10",
                800,
                false
            ),
            PageType::Listing
        );
    }

    #[test]
    fn teasers_make_a_listing_and_one_long_text_an_article() {
        let teaser = "<div class='item'><h3><a href='/actu/x.html'>La fibre arrive dans le quartier nord</a></h3><p>Les travaux commencent.</p><a href='/actu/x.html'>Lire la suite</a></div>";
        let listing = format!("<body><h1>Actualités</h1>{}</body>", teaser.repeat(8));
        assert_eq!(
            kind(&listing, "https://www.ville.fr/actualites/", 600, false),
            PageType::Listing
        );
        let article = format!(
            "<body><article><h1>La fibre</h1>{}</article><aside class='related'>{}</aside></body>",
            "<p>Un long paragraphe de l'article sur la fibre optique.</p>".repeat(40),
            teaser.repeat(4)
        );
        assert_eq!(
            kind(
                &article,
                "https://www.ville.fr/actualites/fibre.html",
                2400,
                true
            ),
            PageType::Article
        );
        let event = "<body><script type='application/ld+json'>{\"@type\":\"Event\",\"name\":\"Atelier\"}</script><h1>Atelier numérique</h1><p>Samedi 12 mars, à la médiathèque.</p></body>";
        assert_eq!(
            kind(event, "https://www.ville.fr/atelier.html", 200, false),
            PageType::Agenda
        );
        let contact = "<body><h1>Contact</h1><p>Mairie, 1 place de la République. Ouvert du lundi au vendredi.</p></body>";
        assert_eq!(
            kind(contact, "https://www.ville.fr/contact.html", 90, false),
            PageType::Other
        );
    }
}
