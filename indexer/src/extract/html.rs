//! What an HTML page says about itself: main text ([`main_text`]), title, description,
//! canonical URL, language attribute and publication date — from one parse of the page.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use scraper::Html;
use url::Url;

use super::compare::{self, Opinion, Source};
use super::dom::marks::{DATE_BLOCK, DATE_CONTEXT, ITEMPROP_DATE, OFF_ARTICLE};
use super::dom::{NO_PARENT, Page};
use super::main_text;
use super::page_type::{self, PageType};

use super::dates::{any_date, french_dates, parse_iso, url_date, writes};

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
    /// Where the date came from (`json-ld`, `meta`, `time`, `text`, `json`, `url`,
    /// `trafilatura`).
    pub published_source: Option<&'static str>,
    /// Which extractor's main text was kept.
    pub text_source: Option<Source>,
    /// What kind of page it is.
    pub page_type: Option<PageType>,
    /// What each extractor found, when asked for ([`Method::Both`] with `keep_opinions`).
    pub opinions: Option<Opinions>,
}

/// How the main text, title and date are found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Method {
    /// Both extractors, each checking the other ([`super::compare`]).
    #[default]
    Both,
    /// The project's Readability pass and metadata cascade alone.
    Readability,
    /// The `trafilatura` crate alone.
    Trafilatura,
}

/// The two extractors' findings on one page, for comparing them.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Opinions {
    /// The project's Readability pass and metadata cascade.
    pub readability: Opinion,
    /// The `trafilatura` crate.
    pub trafilatura: Option<Opinion>,
}

static PUBLISHED_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(publi[ée]e?\s+le|mis\s+en\s+ligne\s+le|date\s+de\s+publication\s*:?|publication\s*:|post[ée]\s+le|r[ée]dig[ée]\s+le|cr[ée]{1,2}\s+le)\s*")
        .expect("static regex compiles")
});

/// A publication date in a script's JSON blob (not JSON-LD): a CMS's page data.
static JSON_BLOB_PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)["'](?:datePublished|date_published|publishedAt|published_at|publishDate|publish_date|publicationDate|publication_date|datePublication|date_publication|DateParution|date_parution|dateCreation|DateCreation)["']\s*:\s*["']([^"']{8,40})["']"#)
        .expect("static regex compiles")
});

/// A modification date in a script's JSON blob, when it gives no publication date.
static JSON_BLOB_MODIFIED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)["'](?:dateModified|DateModification|date_modification|updatedAt)["']\s*:\s*["']([^"']{8,40})["']"#)
        .expect("static regex compiles")
});

static JSON_DATE_PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""datePublished"\s*:\s*"([^"]+)""#).expect("static regex compiles")
});

/// Characters of a date block read; a block this long is not a date line.
const DATE_BLOCK_CHARS: usize = 300;

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

/// The elements of a page that metadata comes from, found in one walk.
#[derive(Default)]
struct Landmarks<'a> {
    /// `<meta>` keys (property, name or itemprop, lower-cased) with their content.
    metas: Vec<(String, &'a str)>,
    title: Option<usize>,
    h1: Vec<usize>,
    json_ld: Vec<usize>,
    /// Other inline scripts (their JSON blobs may carry the date).
    scripts: Vec<usize>,
    times: Vec<usize>,
    itemprop_dates: Vec<usize>,
    date_blocks: Vec<usize>,
    canonical: Option<&'a str>,
    lang: Option<&'a str>,
    body: Option<usize>,
}

impl<'a> Landmarks<'a> {
    fn find(page: &Page<'a>) -> Self {
        let mut l = Landmarks::default();
        for (i, node) in page.nodes().iter().enumerate() {
            if node.is_text() {
                continue;
            }
            // Attributes are read through the flat view (a scan of the element's few
            // attributes, no name interning).
            match node.name() {
                "meta" => {
                    let key = node
                        .attr("property")
                        .or_else(|| node.attr("name"))
                        .or_else(|| node.attr("itemprop"));
                    if let (Some(key), Some(content)) = (key, node.attr("content")) {
                        l.metas.push((key.to_ascii_lowercase(), content));
                    }
                }
                "title" if l.title.is_none() => l.title = Some(i),
                "h1" => l.h1.push(i),
                "script"
                    if node
                        .attr("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
                {
                    l.json_ld.push(i)
                }
                "script" if node.attr("src").is_none() => l.scripts.push(i),
                "time" => l.times.push(i),
                "link"
                    if l.canonical.is_none()
                        && node.attr("rel").is_some_and(|r| {
                            r.split_ascii_whitespace()
                                .any(|w| w.eq_ignore_ascii_case("canonical"))
                        }) =>
                {
                    l.canonical = node.attr("href");
                }
                "html" if l.lang.is_none() => l.lang = node.attr("lang"),
                "body" if l.body.is_none() => l.body = Some(i),
                _ => {}
            }
            if node.marks & ITEMPROP_DATE != 0 {
                l.itemprop_dates.push(i);
            }
            if node.marks & DATE_BLOCK != 0 {
                l.date_blocks.push(i);
            }
        }
        l
    }

    /// The first `<meta>` content under one of these keys.
    fn meta(&self, names: &[&str]) -> Option<String> {
        self.metas
            .iter()
            .filter(|(key, _)| names.contains(&key.as_str()))
            .map(|(_, content)| clean(content))
            .find(|c| !c.is_empty())
    }
}

/// For each node, whether it sits in an agenda, an event, a sidebar, comments or a footer
/// rather than in the article (the `<body>`'s own classes describe the layout, not where it
/// is). One pass from the root down: deep nesting costs no more than wide pages.
fn off_article(page: &Page) -> Vec<bool> {
    let mut off = vec![false; page.len()];
    for (i, node) in page.nodes().iter().enumerate() {
        let name = node.name();
        if matches!(name, "body" | "html") {
            continue;
        }
        off[i] = (node.parent != NO_PARENT && off[node.parent])
            || matches!(name, "aside" | "footer")
            || node.marks & OFF_ARTICLE != 0;
    }
    off
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads an HTML page with both extractors. `url` resolves links and offers a URL date;
/// `captured` bounds the publication date (never later than the capture).
pub fn read(html: &str, url: Option<&Url>, captured: Option<NaiveDate>) -> HtmlFacts {
    read_with(html, url, captured, Method::Both, false)
}

/// Reads an HTML page with the extractors `method` names; `keep_opinions` keeps what each
/// found (with [`Method::Both`]).
pub fn read_with(
    html: &str,
    url: Option<&Url>,
    captured: Option<NaiveDate>,
    method: Method,
    keep_opinions: bool,
) -> HtmlFacts {
    // Pathological nesting and attribute counts make tree building quadratic: bounded first,
    // for both extractors.
    let tamed = web::html_limits::tame(html);
    let html: &str = &tamed;
    let doc = Html::parse_document(html);
    let page = Page::new(&doc);
    let marks = Landmarks::find(&page);
    let off = off_article(&page);
    let description = marks.meta(&["description", "og:description", "twitter:description"]);
    let lang = marks.lang.map(|l| l.trim().to_ascii_lowercase());
    let not_later = |d: &NaiveDate| captured.is_none_or(|c| *d <= c);
    let title = title(&page, &marks, &off);
    let text = if method == Method::Trafilatura {
        String::new()
    } else {
        main_text::main_text(&page, title.as_deref())
    };
    let (published, published_source) = match publication_date(&page, &marks, &off, url) {
        Some((d, src)) if not_later(&d) => (Some(d), Some(src)),
        _ => (None, None),
    };
    let canonical = marks
        .canonical
        .and_then(|href| match url {
            Some(base) => base.join(href.trim()).ok(),
            None => Url::parse(href.trim()).ok(),
        })
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .map(String::from);
    let mut facts = HtmlFacts {
        title,
        canonical,
        description,
        text,
        lang,
        published,
        published_source,
        text_source: Some(Source::Readability),
        page_type: None,
        opinions: None,
    };
    let classify = |facts: &mut HtmlFacts| {
        facts.page_type = Some(page_type::classify(
            &page,
            page_type::Clues {
                url,
                main_text: &facts.text,
                own_date: facts
                    .published_source
                    .is_some_and(|s| !matches!(s, "url" | "trafilatura")),
            },
        ));
    };
    if method == Method::Readability {
        classify(&mut facts);
        return facts;
    }
    let other = compare::trafilatura(html, url).map(|mut o| {
        o.published = o.published.filter(not_later);
        o
    });
    if keep_opinions {
        facts.opinions = Some(Opinions {
            readability: Opinion {
                text: facts.text.clone(),
                title: facts.title.clone(),
                published: facts.published,
            },
            trafilatura: other.clone(),
        });
    }
    let other = other.unwrap_or_default();
    let source = if method == Method::Trafilatura {
        Source::Trafilatura
    } else {
        compare::choose_text(&facts.text, &other.text)
    };
    if source == Source::Trafilatura {
        facts.text = other.text;
        facts.text_source = Some(Source::Trafilatura);
    }
    if method == Method::Trafilatura {
        facts.title = other.title;
        facts.published = other.published;
        facts.published_source = other.published.map(|_| "trafilatura");
        classify(&mut facts);
        return facts;
    }
    if facts.title.is_none() {
        facts.title = other.title;
    }
    // The project's own cascade reads French dates and tells an article's date from an
    // agenda's; a date found only in the URL, or none, yields to trafilatura's htmldate
    // cascade (free text, English and German dates, JSON blobs, title attributes).
    if matches!(facts.published_source, None | Some("url"))
        && let Some(d) = other.published
        && attested(&page, &off, url, d)
    {
        facts.published = Some(d);
        facts.published_source = Some("trafilatura");
    }
    classify(&mut facts);
    facts
}

/// The article's title: the `<h1>` that the page title or `og:title` agrees with, else the
/// single `<h1>`, else the page title without its site-name part.
fn title(page: &Page, marks: &Landmarks, off: &[bool]) -> Option<String> {
    let og_title = marks.meta(&["og:title", "twitter:title"]);
    let page_title = marks.title.map(|t| page.text(t));
    let norm = |s: &str| {
        crate::analysis::fold(s)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    // The site's name: `og:site_name`, and the parts of the page title beside its longest
    // (« Fibre : les travaux | Ville de Bernay »). An `<h1>` that says only that is the logo.
    let mut site_names: Vec<String> = marks
        .meta(&["og:site_name", "application-name"])
        .map(|n| norm(&n))
        .into_iter()
        .collect();
    if let Some(t) = &page_title {
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        let parts: Vec<&str> = SITE_NAME_SEPARATORS
            .iter()
            .fold(vec![t.as_str()], |parts, sep| {
                parts.iter().flat_map(|p| p.split(sep)).collect()
            })
            .into_iter()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() > 1
            && let Some(longest) = parts.iter().max_by_key(|p| p.len())
        {
            site_names.extend(parts.iter().filter(|p| *p != longest).map(|p| norm(p)));
        }
    }
    let h1s: Vec<String> = marks
        .h1
        .iter()
        .filter(|h| !off[**h])
        .map(|h| page.text(*h))
        .filter(|t| t.len() > 2 && !site_names.contains(&norm(t)))
        .collect();
    let hints: Vec<String> = [og_title.clone(), page_title.clone()]
        .into_iter()
        .flatten()
        .collect();
    for h in &h1s {
        let nh = norm(h);
        if hints.iter().any(|t| {
            let nt = norm(t);
            nt.contains(&nh) || (nh.len() > 20 && nh.contains(&nt))
        }) {
            return Some(h.clone());
        }
    }
    if let Some(og) = og_title.clone().filter(|t| !t.is_empty())
        && (h1s.is_empty() || h1s.len() > 1)
    {
        return Some(strip_site_name(&og));
    }
    if let [only] = h1s.as_slice() {
        // A short `<h1>` that shares no word with `og:title` names a section (« Allergies
        // Health Center », « Actualités »): the page's own title is `og:title`.
        let words = |s: &str| {
            norm(s)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() > 2)
                .map(str::to_string)
                .collect::<std::collections::HashSet<String>>()
        };
        if let Some(og) = og_title.filter(|og| {
            only.split_whitespace().count() <= 4
                && og.split_whitespace().count() >= 4
                && words(og).is_disjoint(&words(only))
        }) {
            return Some(strip_site_name(&og));
        }
        return Some(only.clone());
    }
    let stripped = page_title
        .map(|t| strip_site_name(&t))
        .filter(|t| !t.is_empty());
    // No `<h1>` and a page title that is only the site's name (old CMSs): the article's
    // title is the first element named as a title in the page's content (SPIP's `titre`,
    // Joomla's `contentheading`, ASP.NET's `lblTitre`).
    let generic = |t: &str| {
        let t = norm(t);
        site_names.contains(&t)
            || t.split_whitespace().count() <= 5
                && GENERIC_TITLE_STARTS.iter().any(|g| t.starts_with(g))
    };
    if h1s.is_empty()
        && stripped.as_deref().is_none_or(generic)
        && let Some(named) = named_title(page, off, &site_names, &norm)
    {
        return Some(named);
    }
    stripped
}

/// The first element of the content whose class or id names a title (not the site's), with a
/// title's length.
fn named_title(
    page: &Page,
    off: &[bool],
    site_names: &[String],
    norm: &dyn Fn(&str) -> String,
) -> Option<String> {
    for (i, node) in page.nodes().iter().enumerate() {
        if node.is_text() || off[i] {
            continue;
        }
        let names = [node.attr("class"), node.attr("id")]
            .into_iter()
            .flatten()
            .map(str::to_ascii_lowercase)
            .collect::<Vec<_>>()
            .join(" ");
        let named = ["titre", "title", "heading"]
            .iter()
            .any(|w| names.contains(w))
            && ![
                "site", "logo", "header", "menu", "nav", "widget", "bloc", "block", "footer",
            ]
            .iter()
            .any(|w| names.contains(w));
        if !named
            || matches!(
                node.name(),
                "title" | "head" | "meta" | "a" | "body" | "html"
            )
            || page.ancestors(i).any(|a| {
                matches!(
                    page.node(a).name(),
                    "nav" | "header" | "footer" | "aside" | "a"
                )
            })
        {
            continue;
        }
        let text = page.text_capped(i, 200);
        let n = text.chars().count();
        if (10..200).contains(&n) && !site_names.contains(&norm(&text)) {
            return Some(text.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    None
}

/// How the page titles of town halls' sites that name only the site begin (folded).
const GENERIC_TITLE_STARTS: [&str; 9] = [
    "ville de",
    "ville d'",
    "mairie de",
    "mairie d'",
    "commune de",
    "commune d'",
    "site officiel",
    "accueil",
    "bienvenue",
];

/// What separates a page title from the site's name.
const SITE_NAME_SEPARATORS: [&str; 6] = [" | ", " - ", " – ", " — ", " :: ", " » "];

/// `Fibre : les travaux commencent | Ville d'Allonnes` → `Fibre : les travaux commencent`.
fn strip_site_name(title: &str) -> String {
    for sep in SITE_NAME_SEPARATORS {
        if let Some((head, _)) = title.rsplit_once(sep)
            && head.split_whitespace().count() >= 3
        {
            return head.trim().to_string();
        }
    }
    title.trim().to_string()
}

/// The publication date and where it came from, by decreasing reliability.
fn publication_date(
    page: &Page,
    marks: &Landmarks,
    off: &[bool],
    url: Option<&Url>,
) -> Option<(NaiveDate, &'static str)> {
    for &script in &marks.json_ld {
        let raw = page.raw_text(script);
        if let Some(d) = JSON_DATE_PUBLISHED
            .captures(&raw)
            .and_then(|c| parse_iso(&c[1]))
        {
            return Some((d, "json-ld"));
        }
    }
    if let Some(d) = marks.meta(DATE_METAS).and_then(|v| any_date(&v)) {
        return Some((d, "meta"));
    }
    for &el in &marks.itemprop_dates {
        let node = page.node(el);
        let raw = node
            .attr("content")
            .or_else(|| node.attr("datetime"))
            .map(str::to_string);
        if let Some(d) = raw
            .or_else(|| Some(page.text(el)))
            .and_then(|r| any_date(&r))
        {
            return Some((d, "meta"));
        }
    }
    // <time> elements of the article (not of an agenda or a sidebar).
    let times: Vec<usize> = marks.times.iter().copied().filter(|t| !off[*t]).collect();
    let pick = times
        .iter()
        .find(|t| page.node(**t).attr("pubdate").is_some())
        .or_else(|| {
            times.iter().find(|t| {
                page.ancestors(**t)
                    .take(4)
                    .any(|a| page.node(a).marks & DATE_CONTEXT != 0)
            })
        })
        .or_else(|| times.first());
    if let Some(&t) = pick {
        let d = page
            .node(t)
            .attr("datetime")
            .and_then(any_date)
            .or_else(|| any_date(&page.text(t)));
        if let Some(d) = d {
            return Some((d, "time"));
        }
    }
    // "Publié le …" anywhere outside agendas and sidebars.
    for &el in marks.date_blocks.iter().filter(|e| !off[**e]) {
        let text = page.text_capped(el, DATE_BLOCK_CHARS);
        // A date line's full date may be in its attributes only (TYPO3's `<span
        // class="news-single-date" title="15.09.2020">Mardi 15 septembre</span>`).
        let node = page.node(el);
        if let Some(d) = ["datetime", "content", "title"]
            .iter()
            .filter_map(|a| node.attr(a))
            .find_map(any_date)
        {
            return Some((d, "text"));
        }
        if text.to_lowercase().contains("mis à jour") && !PUBLISHED_PHRASE.is_match(&text) {
            continue;
        }
        // A long block named like a date line is a container: only a « Publié le » counts
        // there, not the first date of its prose.
        let any = || (text.chars().count() < DATE_BLOCK_CHARS).then(|| any_date(&text));
        if let Some(d) = after_published_phrase(&text).or_else(|| any().flatten()) {
            return Some((d, "text"));
        }
    }
    if let Some(body) = marks.body {
        let end = page.node(body).end;
        let body_text = page.nodes()[body..end]
            .iter()
            .filter(|n| n.is_text())
            .map(|n| n.text)
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(d) = after_published_phrase(&clean(&body_text)) {
            return Some((d, "text"));
        }
    }
    // A JSON blob of the page's data in an inline script (not JSON-LD).
    for re in [&*JSON_BLOB_PUBLISHED, &*JSON_BLOB_MODIFIED] {
        for &script in &marks.scripts {
            let raw = page.raw_text(script);
            if let Some(d) = re.captures(&raw).and_then(|c| any_date(&c[1])) {
                return Some((d, "json"));
            }
        }
    }
    url.and_then(|u| url_date(u.as_str())).map(|d| (d, "url"))
}

/// Texts longer than this are prose: a date written there is an event's, not the page's.
const SHORT_TEXT_CHARS: usize = 200;

/// Whether `date` is written on the page outside prose and outside agendas, sidebars and
/// footers: in the URL, in an attribute (a
/// `datetime`, a `content`, a `title="03.03.2021"`), in a script's data (a JSON blob's
/// `"datePublished"`), or in a short text (a date line, a byline, a label). trafilatura's
/// htmldate cascade reads elements whose class names a date or an update; on an ASP.NET page
/// that is the whole `UpdatePanel`, and the first date of its prose is an event's.
fn attested(page: &Page, off: &[bool], url: Option<&Url>, date: NaiveDate) -> bool {
    if url.and_then(|u| url_date(u.as_str())) == Some(date) {
        return true;
    }
    let iso = date.format("%Y-%m-%d").to_string();
    for (i, node) in page.nodes().iter().enumerate() {
        // An agenda's, a sidebar's or a footer's date is not the page's.
        let inside = if node.is_text() { node.parent } else { i };
        if inside != NO_PARENT && off.get(inside).copied().unwrap_or(false) {
            continue;
        }
        if let Some(element) = node.element {
            if element
                .attrs()
                .any(|(_, v)| v.len() <= SHORT_TEXT_CHARS && (v.contains(&iso) || writes(v, date)))
            {
                return true;
            }
            continue;
        }
        let parent = (node.parent != NO_PARENT).then(|| page.node(node.parent).name());
        match parent {
            Some("script") => {
                if node.text.contains(&iso) {
                    return true;
                }
            }
            Some("style") => {}
            _ => {
                let text = node.text.trim();
                if text.is_empty() || text.chars().count() > SHORT_TEXT_CHARS {
                    continue;
                }
                // A date split over inline elements (« <b>3</b> mars 2015 ») is read from
                // the parent's text when that is short too.
                let whole = if node.parent != NO_PARENT {
                    page.text_capped(node.parent, SHORT_TEXT_CHARS + 1)
                } else {
                    String::new()
                };
                if writes(text, date)
                    || (whole.chars().count() <= SHORT_TEXT_CHARS && writes(&whole, date))
                {
                    return true;
                }
            }
        }
    }
    false
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

#[cfg(test)]
mod tests {
    use super::*;

    fn date_of(html: &str) -> Option<String> {
        read_with(html, None, None, Method::Readability, false)
            .published
            .map(|d| d.to_string())
    }

    /// The places real pages carry their date that the issue lists.
    #[test]
    fn dates_where_real_pages_write_them() {
        let body = "<p>Les travaux de la fibre optique commencent lundi dans le quartier nord de \
            la ville, annonce la mairie dans un communiqué.</p>";
        let cases = [
            // A `<time datetime>` inside an author span, an agenda's date before it.
            (
                format!(
                    "<html><body><aside class='agenda'><time datetime='2024-06-01'>1er juin</time></aside>\
                 <article><h1>Fibre</h1><span class='author'>Par la rédaction, \
                 <time datetime='2023-02-14T08:00'>14 février</time></span>{body}</article></body></html>"
                ),
                "2023-02-14",
            ),
            // A `<p class="publication">` holding a `<time>`.
            (
                format!(
                    "<html><body><article><h1>Fibre</h1>{body}<p class='publication'>\
                 <time>3 mars 2021</time></p></article></body></html>"
                ),
                "2021-03-03",
            ),
            // A JSON blob outside JSON-LD.
            (
                format!(
                    "<html><head><script>window.__DATA__ = {{\"page\": {{\"DatePublication\": \
                 \"2019-10-02T10:00:00\"}}}};</script></head><body><h1>Fibre</h1>{body}</body></html>"
                ),
                "2019-10-02",
            ),
            // DD.MM.YYYY in a title attribute.
            (
                format!(
                    "<html><body><h1>Fibre</h1><span class='news-single-date' \
                 title='15.09.2020'>Mardi 15 septembre</span>{body}</body></html>"
                ),
                "2020-09-15",
            ),
            // English and German dates.
            (
                format!(
                    "<html><body><h1>Fibre</h1><p class='date'>Posted on March 3, 2015</p>{body}</body></html>"
                ),
                "2015-03-03",
            ),
            (
                format!(
                    "<html><body><h1>Fibre</h1><p class='datum'>Veröffentlicht am 3. März 2015</p>{body}</body></html>"
                ),
                "2015-03-03",
            ),
        ];
        for (html, date) in cases {
            assert_eq!(date_of(&html).as_deref(), Some(date), "{html}");
        }
    }

    #[test]
    fn a_container_named_like_a_date_gives_no_date_from_its_prose() {
        let html = "<html><body><div id='ctl00_UpdatePanel1' class='zone-update'>\
            <h1>Fibre</h1><p>Réunion publique du 12 mars 2009 à la salle des fêtes, pour \
            présenter le chantier de la fibre optique, ses étapes, son calendrier et les \
            raccordements des particuliers, des entreprises et des bâtiments communaux, \
            avec l'opérateur, le syndicat mixte et les services techniques de la ville, \
            qui répondront aux questions des habitants.</p></div></body></html>";
        let facts = read(html, None, None);
        assert_eq!(facts.published, None, "{:?}", facts.published_source);
        let dated =
            "<html><body><p class=date>Publié le 3 avril 2014</p><p>Texte.</p></body></html>";
        assert_eq!(
            read(dated, None, None).published,
            NaiveDate::from_ymd_opt(2014, 4, 3)
        );
    }
}
