//! What an HTML page says about itself: main text (readability-style, with `dom_smoothie`),
//! title, description, language attribute, publication date candidates, outlinks.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use scraper::{ElementRef, Html, Selector};
use url::Url;

use super::dates::{any_date, french_dates, parse_iso, url_date};

/// Facts read from one HTML page.
#[derive(Debug, Clone, Default)]
pub struct HtmlFacts {
    /// The article's title.
    pub title: Option<String>,
    /// Meta or Open Graph description.
    pub description: Option<String>,
    /// `<link rel="canonical">`, resolved against the page URL.
    pub canonical: Option<String>,
    /// The main text, paragraphs separated by blank lines.
    pub text: String,
    /// The `lang` attribute of `<html>`.
    pub lang: Option<String>,
    /// The publication date, when something on the page supports one.
    pub published: Option<NaiveDate>,
    /// Where the date came from (`json-ld`, `meta`, `time`, `text`, `url`).
    pub published_source: Option<&'static str>,
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector parses")
}

static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));
static JSON_LD: LazyLock<Selector> = LazyLock::new(|| sel("script[type='application/ld+json']"));
static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time"));
static ITEMPROP_DATE: LazyLock<Selector> = LazyLock::new(|| sel("[itemprop=datePublished]"));
static HTML_TAG: LazyLock<Selector> = LazyLock::new(|| sel("html"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel("link[rel=canonical][href]"));
static DATE_CLASS: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        "[class*=date], [class*=submitted], [class*=published], [class*=post-meta], [class*=entry-meta], [class*=createdate], [class*=publish]",
    )
});
static FALLBACK_REMOVE: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        "script, style, noscript, nav, header, footer, aside, form, iframe, [role=navigation], [class*=cookie], [class*=share], [class*=breadcrumb], [id*=cookie], [class*=menu], [class*=sidebar], [id*=sidebar]",
    )
});
static FALLBACK_ROOT: LazyLock<Selector> =
    LazyLock::new(|| sel("article, main, [role=main], body"));

static PUBLISHED_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(publi[ée]e?\s+le|mis\s+en\s+ligne\s+le|date\s+de\s+publication\s*:?|publication\s*:|post[ée]\s+le|r[ée]dig[ée]\s+le|cr[ée]{1,2}\s+le)\s*")
        .expect("static regex compiles")
});

static JSON_DATE_PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""datePublished"\s*:\s*"([^"]+)""#).expect("static regex compiles")
});

/// Meta names and properties that give a publication date.
const DATE_METAS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date.issued",
    "dc.date.created",
    "dc.date",
    "dcterms.issued",
    "dcterms.created",
    "date",
    "sailthru.date",
];

/// Words in an ancestor's class or id that mean "not this article's date" (agendas, events,
/// sidebars, comments).
const OFF_ARTICLE: &[&str] = &[
    "agenda",
    "event",
    "evenement",
    "calendar",
    "calendrier",
    "sidebar",
    "aside",
    "widget",
    "comment",
    "footer",
    "related",
    "lire-aussi",
    "a-lire",
    "actus",
    "views-row",
    "teaser",
];

fn attr_words(el: &ElementRef) -> String {
    let v = el.value();
    format!(
        "{} {} {}",
        v.name(),
        v.attr("class").unwrap_or_default(),
        v.attr("id").unwrap_or_default()
    )
    .to_ascii_lowercase()
}

fn off_article(el: &ElementRef) -> bool {
    // <body> classes describe the page layout ("one-sidebar"), not where the element is.
    std::iter::once(*el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .take_while(|a| !matches!(a.value().name(), "body" | "html"))
        .any(|a| {
            let words = attr_words(&a);
            a.value().name() == "aside" || OFF_ARTICLE.iter().any(|w| words.contains(w))
        })
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn element_text(el: &ElementRef) -> String {
    clean(&el.text().collect::<String>())
}

/// Reads an HTML page. `url` resolves links and offers a URL date; `captured` bounds the
/// publication date (never later than the capture).
pub fn read(html: &str, url: Option<&Url>, captured: Option<NaiveDate>) -> HtmlFacts {
    let doc = Html::parse_document(html);
    let meta = |names: &[&str]| -> Option<String> {
        doc.select(&META).find_map(|m| {
            let v = m.value();
            let key = v
                .attr("property")
                .or_else(|| v.attr("name"))
                .or_else(|| v.attr("itemprop"))?
                .to_ascii_lowercase();
            names
                .contains(&key.as_str())
                .then(|| v.attr("content").map(clean))
                .flatten()
                .filter(|c| !c.is_empty())
        })
    };

    let text = main_text(html, url, &doc);
    let description = meta(&["description", "og:description", "twitter:description"]);
    let lang = doc
        .select(&HTML_TAG)
        .next()
        .and_then(|h| h.value().attr("lang"))
        .map(|l| l.trim().to_ascii_lowercase());
    let title = title(&doc, meta(&["og:title", "twitter:title"]));
    let (published, published_source) = match publication_date(&doc, url, &meta) {
        Some((d, src)) if captured.is_none_or(|c| d <= c) => (Some(d), Some(src)),
        _ => (None, None),
    };
    let canonical = doc
        .select(&CANONICAL)
        .next()
        .and_then(|l| l.value().attr("href"))
        .and_then(|href| match url {
            Some(base) => base.join(href.trim()).ok(),
            None => Url::parse(href.trim()).ok(),
        })
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .map(String::from);
    HtmlFacts {
        title,
        canonical,
        description,
        text,
        lang,
        published,
        published_source,
    }
}

/// The article's title: the `<h1>` that the page title or `og:title` agrees with, else the
/// single `<h1>`, else the page title without its site-name part.
fn title(doc: &Html, og_title: Option<String>) -> Option<String> {
    let page_title = doc.select(&TITLE).next().map(|t| element_text(&t));
    let h1s: Vec<String> = doc
        .select(&H1)
        .filter(|h| !off_article(h))
        .map(|h| element_text(&h))
        .filter(|t| t.len() > 2)
        .collect();
    let hints: Vec<String> = [og_title.clone(), page_title.clone()]
        .into_iter()
        .flatten()
        .collect();
    let norm = |s: &str| {
        crate::analysis::fold(s)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    for h in &h1s {
        let nh = norm(h);
        if hints.iter().any(|t| {
            let nt = norm(t);
            nt.contains(&nh) || (nh.len() > 20 && nh.contains(&nt))
        }) {
            return Some(h.clone());
        }
    }
    if let Some(og) = og_title.filter(|t| !t.is_empty())
        && (h1s.is_empty() || h1s.len() > 1)
    {
        return Some(strip_site_name(&og));
    }
    if let [only] = h1s.as_slice() {
        return Some(only.clone());
    }
    page_title
        .map(|t| strip_site_name(&t))
        .filter(|t| !t.is_empty())
}

/// `Fibre : les travaux commencent | Ville d'Allonnes` → `Fibre : les travaux commencent`.
fn strip_site_name(title: &str) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " » "] {
        if let Some((head, _)) = title.rsplit_once(sep)
            && head.split_whitespace().count() >= 3
        {
            return head.trim().to_string();
        }
    }
    title.trim().to_string()
}

type MetaFn<'a> = dyn Fn(&[&str]) -> Option<String> + 'a;

/// The publication date and where it came from, by decreasing reliability.
fn publication_date(
    doc: &Html,
    url: Option<&Url>,
    meta: &MetaFn,
) -> Option<(NaiveDate, &'static str)> {
    for script in doc.select(&JSON_LD) {
        let raw: String = script.text().collect();
        if let Some(d) = JSON_DATE_PUBLISHED
            .captures(&raw)
            .and_then(|c| parse_iso(&c[1]))
        {
            return Some((d, "json-ld"));
        }
    }
    if let Some(d) = meta(DATE_METAS).and_then(|v| any_date(&v)) {
        return Some((d, "meta"));
    }
    for el in doc.select(&ITEMPROP_DATE) {
        let v = el.value();
        let raw = v
            .attr("content")
            .or_else(|| v.attr("datetime"))
            .map(str::to_string);
        if let Some(d) = raw
            .or_else(|| Some(element_text(&el)))
            .and_then(|r| any_date(&r))
        {
            return Some((d, "meta"));
        }
    }
    // <time> elements of the article (not of an agenda or a sidebar).
    let times: Vec<ElementRef> = doc.select(&TIME).filter(|t| !off_article(t)).collect();
    let pick = times
        .iter()
        .find(|t| t.value().attr("pubdate").is_some())
        .or_else(|| {
            times.iter().find(|t| {
                t.ancestors().filter_map(ElementRef::wrap).take(4).any(|a| {
                    let w = attr_words(&a);
                    [
                        "date",
                        "publi",
                        "submitted",
                        "meta",
                        "byline",
                        "posted",
                        "entry-header",
                        "article__header",
                    ]
                    .iter()
                    .any(|k| w.contains(k))
                })
            })
        })
        .or_else(|| times.first());
    if let Some(t) = pick {
        let d = t
            .value()
            .attr("datetime")
            .and_then(any_date)
            .or_else(|| any_date(&element_text(t)));
        if let Some(d) = d {
            return Some((d, "time"));
        }
    }
    // "Publié le …" anywhere outside agendas and sidebars.
    for el in doc.select(&DATE_CLASS).filter(|e| !off_article(e)) {
        let text = element_text(&el);
        if text.to_lowercase().contains("mis à jour") && !PUBLISHED_PHRASE.is_match(&text) {
            continue;
        }
        if let Some(d) = after_published_phrase(&text).or_else(|| any_date(&text)) {
            return Some((d, "text"));
        }
    }
    let body_text = doc
        .select(&FALLBACK_ROOT)
        .next()
        .map(|b| b.text().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    if let Some(d) = after_published_phrase(&clean(&body_text)) {
        return Some((d, "text"));
    }
    url.and_then(|u| url_date(u.as_str())).map(|d| (d, "url"))
}

/// The date that follows « Publié le », « Mis en ligne le »… in a text.
fn after_published_phrase(text: &str) -> Option<NaiveDate> {
    PUBLISHED_PHRASE.find_iter(text).find_map(|m| {
        let rest = &text[m.end()..];
        let window: String = rest.chars().take(40).collect();
        french_dates(&window)
            .into_iter()
            .find(|(pos, _)| *pos < 16)
            .map(|(_, d)| d)
            .or_else(|| parse_iso(&window))
    })
}

/// Blocks that are never article text, whatever the scoring says: page furniture named by
/// its class or id (metadata lines, sharing, tags, comments, agendas, pagination…).
const FURNITURE: &str = "script, style, noscript, form, iframe, nav, aside, footer, \
    [class*=article-info], [class*=entry-meta], [class*=post-meta], [class*=byline], \
    [class*=share], [class*=partage], [class*=social], [class*=breadcrumb], [class*=ariane], \
    [class*=cookie], [id*=cookie], [class*=tags], [class*=field-name-field-tags], \
    [class*=comment], [id*=comment], [class*=pager], [class*=pagination], [class*=agenda], \
    [id*=agenda], [class*=related], [class*=lire-aussi], [class*=newsletter], [class*=skip], \
    [class*=element-invisible], [class*=sr-only], [class*=visually-hidden], [hidden]";

/// The main text: `dom_smoothie`'s readability extraction (formatted paragraphs) on the page
/// without its furniture and without short blocks made only of links ("Retour à la liste");
/// when that finds nothing, the text of `<article>`/`<main>`/`<body>` without menus, headers,
/// footers, forms and scripts.
fn main_text(html: &str, url: Option<&Url>, doc: &Html) -> String {
    let page = dom_query::Document::from(html);
    page.select(FURNITURE).remove();
    let count_words = |t: &str| {
        t.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    for node in page.select("p, li, div, dd, span").nodes().iter().rev() {
        let words = count_words_capped(node, 20);
        if words == 0 || words > 20 {
            continue;
        }
        let sel = dom_query::Selection::from(*node);
        let link_words = count_words(&sel.select("a").text());
        if link_words * 5 >= words * 4 {
            node.remove_from_parent();
        }
    }
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        max_elements_to_parse: 20_000,
        ..Default::default()
    };
    let from_readability =
        dom_smoothie::Readability::with_document(page, url.map(Url::as_str), Some(cfg))
            .ok()
            .and_then(|mut r| r.parse().ok())
            .map(|a| normalise_paragraphs(&a.text_content))
            .filter(|t| t.split_whitespace().count() >= 20);
    from_readability.unwrap_or_else(|| fallback_text(doc))
}

/// The words of a node's text (as `split_whitespace` on its whole text gives them, counting
/// those with a letter or digit), counted only up to `cap + 1`: a container's whole text is
/// never built just to learn that it is long.
fn count_words_capped(node: &dom_query::NodeRef, cap: usize) -> usize {
    let mut count = 0;
    let (mut in_word, mut has_alnum) = (false, false);
    for d in node.descendants_it().filter(|d| d.is_text()) {
        for c in d.text().chars() {
            if c.is_whitespace() {
                if in_word && has_alnum {
                    count += 1;
                    if count > cap {
                        return count;
                    }
                }
                (in_word, has_alnum) = (false, false);
            } else {
                in_word = true;
                has_alnum |= c.is_alphanumeric();
            }
        }
    }
    count + usize::from(in_word && has_alnum)
}

fn fallback_text(doc: &Html) -> String {
    let Some(root) = doc.select(&FALLBACK_ROOT).next() else {
        return String::new();
    };
    let removed: std::collections::HashSet<_> =
        root.select(&FALLBACK_REMOVE).map(|e| e.id()).collect();
    let mut out = String::new();
    for node in root.descendants() {
        if node.ancestors().any(|a| removed.contains(&a.id())) || removed.contains(&node.id()) {
            continue;
        }
        if let Some(t) = node.value().as_text() {
            out.push_str(t);
        } else if let Some(el) = node.value().as_element()
            && matches!(
                el.name(),
                "p" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "br" | "tr" | "section"
            )
        {
            out.push('\n');
        }
    }
    normalise_paragraphs(&out)
}

/// Collapses spaces inside lines and keeps one blank line between paragraphs.
fn normalise_paragraphs(text: &str) -> String {
    text.lines()
        .map(clean)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod word_count_tests {
    use super::count_words_capped;

    #[test]
    fn capped_count_agrees_with_the_whole_text() {
        let html = "<div id=a>Retour <b>à</b> la<i>liste</i> — <span>« 12 »</span></div>\
                    <div id=b>un deux trois quatre cinq six</div>";
        let doc = dom_query::Document::from(html);
        for sel in ["#a", "#b"] {
            let node = doc.select(sel).nodes()[0];
            let whole = node
                .text()
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            assert_eq!(count_words_capped(&node, 20), whole, "{sel}");
        }
        let node = doc.select("#b").nodes()[0];
        assert_eq!(count_words_capped(&node, 2), 3, "stops past the cap");
    }
}
