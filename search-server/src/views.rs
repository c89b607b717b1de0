//! The HTML pages (Askama templates under `templates/`) and what they show: results, filters
//! with facet counts, trends, the capture timeline, the replay frame. In French.

use std::collections::BTreeMap;

use askama::Template;
use indexer::extract::page_type::PageType;
use indexer::query::{Hit, SearchResults, Stats};

use crate::captures::CaptureLoc;
use crate::charts;
use crate::params::SearchParams;
use crate::replay::archive_path;
use crate::state::Labels;

/// Communes listed for the commune field without JavaScript.
const MAX_SUGGESTIONS: usize = 200;

/// `2013-01-31` → `31 janvier 2013` (the input when it is not such a date).
pub fn fr_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.get(..10).unwrap_or(iso).split('-').collect();
    match parts.as_slice() {
        [y, m, d] => match (m.parse::<usize>(), d.parse::<u32>()) {
            (Ok(m), Ok(d)) if (1..=12).contains(&m) => {
                let day = if d == 1 {
                    "1er".to_string()
                } else {
                    d.to_string()
                };
                format!("{day} {} {y}", indexer::extract::dates::MONTH_NAMES[m - 1])
            }
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

/// `20130131100512` → `31 janvier 2013 à 10 h 05`.
pub fn fr_timestamp(ts: &str) -> String {
    if ts.len() < 12 {
        return fr_date(&format!(
            "{}-{}-{}",
            ts.get(..4).unwrap_or(ts),
            ts.get(4..6).unwrap_or("01"),
            ts.get(6..8).unwrap_or("01")
        ));
    }
    format!(
        "{} à {} h {}",
        fr_date(&format!("{}-{}-{}", &ts[..4], &ts[4..6], &ts[6..8])),
        &ts[8..10],
        &ts[10..12]
    )
}

/// A filter choice with its facet count.
pub struct Choice {
    /// Form value.
    pub value: String,
    /// Label shown.
    pub label: String,
    /// Matching documents.
    pub count: u64,
    /// Currently chosen.
    pub selected: bool,
}

/// A link with a count (facet values, pages).
pub struct LinkCount {
    /// Label shown.
    pub label: String,
    /// Matching documents.
    pub count: u64,
    /// Target.
    pub href: String,
    /// Currently applied.
    pub active: bool,
    /// The commune's vanished pages, when it has some.
    pub vanished_href: Option<String>,
}

/// A link to one capture.
pub struct CaptureLink {
    /// Date shown.
    pub label: String,
    /// Replay URL.
    pub href: String,
}

/// One result as shown.
pub struct HitView {
    /// Title (the URL when there is none).
    pub title: String,
    /// Replay of the latest capture.
    pub archive_href: String,
    /// The URL.
    pub url: String,
    /// Commune and département.
    pub place: String,
    /// Publication date.
    pub published: String,
    /// The latest captures.
    pub captures: Vec<CaptureLink>,
    /// Captures not listed.
    pub more_captures: usize,
    /// Timeline of the URL.
    pub timeline_href: String,
    /// Topic labels.
    pub topics: Vec<String>,
    /// Snippet (escaped HTML with `<b>` highlights, from the indexer).
    pub snippet_html: String,
    /// Villes Internet label, as `2@ en 2013`.
    pub label: String,
    /// The page's type when it is not an article (« liste d'actualités »…), else empty.
    pub page_type: String,
    /// The URL's state (`gone`, `changed`…).
    pub state: String,
    /// The page's life in words, when gone or changed (else empty).
    pub life: String,
    /// Comparison of the versions, when the page changed.
    pub diff_href: Option<String>,
}

/// A pagination link.
pub struct PageLink {
    /// Page number or ellipsis.
    pub label: String,
    /// Target (none for the current page and ellipses).
    pub href: Option<String>,
    /// The current page.
    pub current: bool,
}

/// The results part of the search page.
pub struct ResultsView {
    /// `12 documents` and the current page.
    pub summary: String,
    /// The page of results.
    pub hits: Vec<HitView>,
    /// Pagination.
    pub pages: Vec<PageLink>,
    /// Previous page.
    pub prev: Option<String>,
    /// Next page.
    pub next: Option<String>,
    /// CSV export of all results.
    pub export_csv: String,
    /// WACZ export (a replayable archive) of the results.
    pub export_wacz: String,
    /// Atom feed of the search.
    pub feed: String,
    /// JSON export.
    pub export_json: String,
    /// The same search in the JSON API.
    pub api: String,
    /// Export cap, stated.
    pub export_note: String,
}

/// The search page (form, results, filters, trends).
#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    /// Page title.
    pub page_title: String,
    /// The parameters, as typed.
    pub form: SearchParams,
    /// Sort by date chosen.
    pub sort_date: bool,
    /// Sort by date of disappearance chosen.
    pub sort_gone: bool,
    /// Atom feed of the search, announced in the page's head.
    pub feed_href: Option<String>,
    /// Page-state filters with counts.
    pub state_filters: Vec<Choice>,
    /// What went wrong (bad query, bad filter).
    pub error: Option<String>,
    /// Results, when a search was made.
    pub results: Option<ResultsView>,
    /// Corpus figures (home page).
    pub corpus: Option<String>,
    /// Topics with counts.
    pub topic_filters: Vec<Choice>,
    /// Page-type filters with counts.
    pub page_type_filters: Vec<Choice>,
    /// Départements with counts.
    pub departement_filters: Vec<Choice>,
    /// Communes with counts.
    pub commune_facets: Vec<LinkCount>,
    /// Removes the commune filter.
    pub clear_commune: Option<String>,
    /// Communes offered while typing: INSEE code and `Name (département)`.
    pub commune_suggestions: Vec<(String, String)>,
    /// SVG: documents per year.
    pub years_chart: String,
    /// SVG: documents per topic.
    pub topics_chart: String,
}

/// The capture timeline of a URL.
#[derive(Template)]
#[template(path = "timeline.html")]
pub struct TimelinePage {
    /// Page title.
    pub page_title: String,
    /// The URL.
    pub url: String,
    /// Captures per year, newest year first.
    pub years: Vec<(String, Vec<TimelineEntry>)>,
    /// Number of captures.
    pub total: usize,
    /// The page's state (`gone`, `changed`…).
    pub state: String,
    /// The page's life in words (gone: since when and how; changed: since when).
    pub life: String,
}

/// One capture in the timeline.
pub struct TimelineEntry {
    /// Date shown.
    pub label: String,
    /// Replay URL.
    pub href: String,
    /// What it holds (`HTTP 200, text/html`, `inchangée`).
    pub note: String,
    /// What the capture tells of the page's life, in words (« disparue : page introuvable »).
    pub event: String,
    /// The comparison with the capture before, when the content changed.
    pub diff_href: Option<String>,
}

/// The replay frame: banner and the archived document in a sandboxed frame.
#[derive(Template)]
#[template(path = "replay.html")]
pub struct ReplayPage {
    /// Page title.
    pub page_title: String,
    /// The URL.
    pub url: String,
    /// Capture date shown.
    pub captured: String,
    /// Raw archived document (frame source).
    pub frame_src: String,
    /// Timeline of the URL.
    pub timeline_href: String,
    /// Number of captures of the URL.
    pub capture_count: usize,
    /// Previous capture.
    pub prev: Option<CaptureLink>,
    /// Next capture.
    pub next: Option<CaptureLink>,
    /// When and how the page went from its site (empty while it is online).
    pub gone: String,
}

/// A page saying what went wrong (not archived, bad request…).
#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    /// Page title.
    pub page_title: String,
    /// Heading.
    pub heading: String,
    /// Explanation.
    pub message: String,
    /// A link to go on with, when there is one.
    pub link: Option<(String, String)>,
}

/// Renders a template, or a plain error when rendering fails.
pub fn render(t: &impl Template) -> String {
    t.render()
        .unwrap_or_else(|e| format!("<!doctype html><p>Erreur d'affichage : {e}</p>"))
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", group(n), if n > 1 { many } else { one })
}

/// `12345` → `12 345` (French digit grouping, with a narrow no-break space).
pub fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

/// The timeline link of a URL.
pub fn timeline_href(url: &str) -> String {
    href("/captures", &[("url", url)])
}

/// A link to a page of the site with query parameters (form-encoded).
pub fn href(path: &str, pairs: &[(&str, &str)]) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    format!("{path}?{}", s.finish())
}

/// The French sentence of a gone page: since when, how, last seen (days already in words).
fn gone_sentence(since: &str, how: &str, last_seen: &str) -> String {
    format!(
        "Disparue du site le {since} : {how} ; vue en ligne pour la dernière fois le {last_seen}."
    )
}

fn hit_view(h: &Hit, labels: &Labels) -> HitView {
    let mut captures: Vec<String> = h
        .captures
        .iter()
        .map(|c| warc::cdxj::timestamp(c))
        .collect();
    captures.sort();
    let latest = captures.last().cloned().unwrap_or_default();
    let shown: Vec<CaptureLink> = captures
        .iter()
        .rev()
        .take(3)
        .map(|ts| CaptureLink {
            label: fr_timestamp(ts),
            href: archive_path(ts, &h.url, false),
        })
        .collect();
    let commune = h.commune_name.clone().or_else(|| {
        h.commune
            .as_deref()
            .and_then(|c| labels.communes.by_insee(c))
            .map(|c| c.name.clone())
    });
    let departement = h.departement.as_deref().map(|d| {
        labels
            .communes
            .departement_name(d)
            .map_or(d.to_string(), |n| format!("{n} ({d})"))
    });
    let place = match (commune, departement) {
        (Some(c), Some(d)) => format!("{c}, {d}"),
        (Some(c), None) => c,
        (None, Some(d)) => d,
        (None, None) => String::new(),
    };
    HitView {
        title: h.title.clone().unwrap_or_else(|| h.url.clone()),
        archive_href: archive_path(&latest, &h.url, false),
        url: h.url.clone(),
        place,
        published: h.published.as_deref().map(fr_date).unwrap_or_default(),
        more_captures: captures.len().saturating_sub(shown.len()),
        captures: shown,
        timeline_href: timeline_href(&h.url),
        topics: h.topics.iter().map(|t| labels.topic(t)).collect(),
        snippet_html: h.snippet_html.clone(),
        label: match (h.label_rating, h.label_year) {
            (Some(r), Some(y)) => format!("Villes Internet {r}@ en {y}"),
            (Some(r), None) => format!("Villes Internet {r}@"),
            _ => String::new(),
        },
        page_type: h
            .page_type
            .as_deref()
            .and_then(PageType::parse)
            .filter(|t| *t != PageType::Article)
            .map(|t| t.french_one().to_string())
            .unwrap_or_default(),
        state: h.state.clone().unwrap_or_default(),
        life: life_words(h),
        diff_href: (h.state.as_deref() == Some("changed")).then(|| diff_href(&h.url)),
    }
}

/// Unix seconds as a French date.
fn fr_day(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| fr_date(&t.format("%Y-%m-%d").to_string()))
        .unwrap_or_default()
}

/// A page's life summed up in French: gone (since when, how, last seen) or changed.
pub fn summary_words(s: &indexer::life::Summary) -> String {
    match (&s.gone, s.state) {
        (Some(g), _) => gone_sentence(
            &fr_day(g.since),
            &g.how.words_fr(),
            &s.last_seen.map(fr_day).unwrap_or_default(),
        ),
        (None, indexer::life::State::Changed) => format!(
            "Modifiée : {} versions depuis sa première capture, le {}.",
            s.versions,
            s.first_seen.map(fr_day).unwrap_or_default()
        ),
        _ => String::new(),
    }
}

/// The comparison page of a URL's latest change.
pub fn diff_href(url: &str) -> String {
    href("/diff", &[("url", url)])
}

/// The life of a hit's page in French: gone (when, how, last seen) or changed.
pub fn life_words(h: &indexer::query::Hit) -> String {
    let day = |d: &Option<String>| {
        d.as_deref()
            .map(|d| fr_date(d.get(..10).unwrap_or(d)))
            .unwrap_or_default()
    };
    match h.state.as_deref() {
        Some("gone") => {
            let how = indexer::life::GoneHow::words_of(h.gone_how.as_deref(), h.gone_to.as_deref());
            gone_sentence(&day(&h.gone_since), &how, &day(&h.last_seen))
        }
        Some("changed") => format!(
            "Modifiée depuis sa première capture, le {}{}.",
            day(&h.first_seen),
            if h.latest {
                ""
            } else {
                " (ceci est une version antérieure)"
            }
        ),
        _ => String::new(),
    }
}

fn pages(params: &SearchParams, total: usize, max_depth: usize) -> Vec<PageLink> {
    let per = params.per_page.max(1);
    let last = crate::params::last_page(total, per, max_depth);
    let current = params.page;
    let mut out = Vec::new();
    let mut previous = 0;
    for n in 1..=last {
        if n == 1 || n == last || n.abs_diff(current) <= 2 {
            if previous + 1 < n {
                out.push(PageLink {
                    label: "…".into(),
                    href: None,
                    current: false,
                });
            }
            out.push(PageLink {
                label: n.to_string(),
                href: (n != current).then(|| {
                    (SearchParams {
                        page: n,
                        ..params.clone()
                    })
                    .href()
                }),
                current: n == current,
            });
            previous = n;
        }
    }
    out
}

/// The facet parts of the search page: filters with counts and the trend charts.
struct FacetViews {
    state_filters: Vec<Choice>,
    topic_filters: Vec<Choice>,
    page_type_filters: Vec<Choice>,
    departement_filters: Vec<Choice>,
    commune_facets: Vec<LinkCount>,
    years_chart: String,
    topics_chart: String,
}

#[allow(clippy::too_many_arguments)]
fn facet_views(
    params: &SearchParams,
    states: &BTreeMap<String, u64>,
    gone_by_commune: &BTreeMap<String, u64>,
    page_types: &BTreeMap<String, u64>,
    topics: &BTreeMap<String, u64>,
    departements: &BTreeMap<String, u64>,
    communes: &BTreeMap<String, u64>,
    years: &BTreeMap<String, u64>,
    labels: &Labels,
) -> FacetViews {
    let topic_filters = labels
        .topics
        .iter()
        .map(|(id, label)| Choice {
            value: id.clone(),
            label: label.clone(),
            count: topics.get(id).copied().unwrap_or(0),
            selected: params.topics.contains(id),
        })
        .collect();
    let mut departement_filters: Vec<Choice> = departements
        .iter()
        .map(|(code, n)| Choice {
            value: code.clone(),
            label: labels
                .communes
                .departement_name(code)
                .map_or(code.clone(), |name| format!("{code} – {name}")),
            count: *n,
            selected: params.departement.eq_ignore_ascii_case(code),
        })
        .collect();
    if !params.departement.is_empty() && !departement_filters.iter().any(|c| c.selected) {
        departement_filters.push(Choice {
            value: params.departement.clone(),
            label: params.departement.clone(),
            count: 0,
            selected: true,
        });
    }
    let mut commune_list: Vec<(&String, &u64)> = communes.iter().collect();
    commune_list.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let commune_facets = commune_list
        .into_iter()
        .take(20)
        .map(|(insee, n)| {
            let label = labels
                .communes
                .by_insee(insee)
                .map_or(insee.clone(), |c| format!("{} ({})", c.name, c.departement));
            LinkCount {
                label,
                count: *n,
                href: (SearchParams {
                    commune: insee.clone(),
                    ..params.first_page()
                })
                .href(),
                active: params.commune == *insee,
                vanished_href: (gone_by_commune.get(insee.as_str()).copied().unwrap_or(0) > 0)
                    .then(|| format!("/commune/{insee}")),
            }
        })
        .collect();
    let year_counts: Vec<(i32, u64)> = years
        .iter()
        .filter_map(|(y, n)| Some((y.parse().ok()?, *n)))
        .filter(|(y, _)| (1990..=2100).contains(y))
        .collect();
    let topic_counts: Vec<(String, u64)> = topics
        .iter()
        .map(|(id, n)| (labels.topic(id), *n))
        .collect();
    let page_type_filters = PageType::ALL
        .iter()
        .map(|t| Choice {
            value: t.as_str().to_string(),
            label: t.french().to_string(),
            count: page_types.get(t.as_str()).copied().unwrap_or(0),
            selected: params.page_types.iter().any(|p| p == t.as_str()),
        })
        .collect();
    let state_filters = indexer::life::State::ALL
        .iter()
        .map(|t| Choice {
            value: t.as_str().to_string(),
            label: t.label_fr().to_string(),
            count: states.get(t.as_str()).copied().unwrap_or(0),
            selected: params
                .states
                .iter()
                .any(|p| indexer::life::State::parse(p) == Some(*t)),
        })
        .collect();
    FacetViews {
        state_filters,
        page_type_filters,
        topic_filters,
        departement_filters,
        commune_facets,
        years_chart: charts::years_chart(&year_counts, "Documents par année de publication"),
        topics_chart: charts::topics_chart(&topic_counts, "Documents par thème"),
    }
}

/// The search page for a request: results when `results` is given, the corpus overview
/// (`stats`) otherwise, and `error` shown above the form.
pub fn search_page(
    params: &SearchParams,
    results: Option<&SearchResults>,
    stats: Option<&Stats>,
    error: Option<String>,
    labels: &Labels,
    max_depth: usize,
    max_export: usize,
) -> SearchPage {
    let empty = BTreeMap::new();
    let states = results.map_or(&empty, |r| &r.facets.states);
    let gone_by_commune = results.map_or(&empty, |r| &r.facets.gone_by_commune);
    let (page_types, topics, departements, communes, years) = match (results, stats) {
        (Some(r), _) => (
            &r.facets.page_types,
            &r.facets.topics,
            &r.facets.departements,
            &r.facets.communes,
            &r.facets.years,
        ),
        (None, Some(s)) => (&empty, &s.topics, &empty, &empty, &s.years),
        (None, None) => (&empty, &empty, &empty, &empty, &empty),
    };
    let facets = facet_views(
        params,
        states,
        gone_by_commune,
        page_types,
        topics,
        departements,
        communes,
        years,
        labels,
    );
    let results_view = results.map(|r| {
        let query = params.first_page().to_query();
        let per = params.per_page.max(1);
        let first = (params.page - 1) * per + 1;
        let summary = if r.total == 0 {
            "Aucun document ne correspond à cette recherche.".to_string()
        } else {
            format!(
                "{} — résultats {} à {}",
                plural(r.total as u64, "document", "documents"),
                group(first as u64),
                group((first + r.hits.len()).saturating_sub(1) as u64)
            )
        };
        let with_page = |n: usize| {
            (SearchParams {
                page: n,
                ..params.clone()
            })
            .href()
        };
        let last = crate::params::last_page(r.total, per, max_depth);
        ResultsView {
            summary,
            hits: r.hits.iter().map(|h| hit_view(h, labels)).collect(),
            pages: pages(params, r.total, max_depth),
            prev: (params.page > 1).then(|| with_page(params.page - 1)),
            next: (params.page < last).then(|| with_page(params.page + 1)),
            export_csv: format!("/export.csv?{query}"),
            export_wacz: format!("/export.wacz?{query}"),
            feed: crate::feed::feed_href(params),
            export_json: format!("/export.json?{query}"),
            api: format!("/api/search?{}", params.to_query()),
            export_note: format!(
                "Les exports contiennent au plus {} résultats.",
                group(max_export as u64)
            ),
        }
    });
    let corpus = match (results, stats) {
        (None, Some(s)) => Some(format!(
            "Le corpus compte {}, {} de {} ; {} parlent de politique numérique.",
            plural(s.documents, "document", "documents"),
            plural(s.captures, "capture", "captures"),
            plural(s.communes as u64, "commune", "communes"),
            group(s.digital_policy)
        )),
        _ => None,
    };
    // The communes with most documents (the script completes the list as one types).
    let mut by_count: Vec<(&String, &u64)> = communes.iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let commune_suggestions = by_count
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .filter_map(|(insee, _)| labels.communes.by_insee(insee))
        .map(|c| (c.insee.clone(), format!("{} ({})", c.name, c.departement)))
        .collect();
    let title = if params.q.is_empty() {
        "Veille — recherche dans les actualités numériques des communes".to_string()
    } else {
        format!("« {} » — Veille", params.q)
    };
    SearchPage {
        page_title: title,
        form: params.clone(),
        sort_date: params.sort == "date",
        sort_gone: matches!(params.sort.as_str(), "disparition" | "gone"),
        feed_href: results.map(|_| crate::feed::feed_href(params)),
        state_filters: facets.state_filters,
        error,
        results: results_view,
        corpus,
        topic_filters: facets.topic_filters,
        page_type_filters: facets.page_type_filters,
        departement_filters: facets.departement_filters,
        commune_facets: facets.commune_facets,
        clear_commune: (!params.commune.is_empty()).then(|| {
            (SearchParams {
                commune: String::new(),
                ..params.first_page()
            })
            .href()
        }),
        commune_suggestions,
        years_chart: facets.years_chart,
        topics_chart: facets.topics_chart,
    }
}

/// The timeline page of a URL: its captures, newest first, with what each tells of the page's
/// life (from the index) and a comparison where the content changed.
pub fn timeline_page(
    url: &str,
    captures: &[CaptureLoc],
    life: Option<&indexer::life::Life>,
) -> TimelinePage {
    let events: std::collections::HashMap<i64, indexer::life::Event> = life
        .map(|l| l.events().into_iter().collect())
        .unwrap_or_default();
    let comparable = crate::diff::comparable(captures);
    let mut years: Vec<(String, Vec<TimelineEntry>)> = Vec::new();
    for c in captures.iter().rev() {
        let year = c.timestamp.get(..4).unwrap_or_default().to_string();
        let event = events.get(&c.seconds());
        let diff_href = match event {
            Some(indexer::life::Event::Changed) => comparable
                .iter()
                .rev()
                .find(|p| p.seconds() < c.seconds() && p.digest != c.digest)
                .map(|p| {
                    href(
                        "/diff",
                        &[
                            ("url", &c.url),
                            ("from", &p.timestamp),
                            ("to", &c.timestamp),
                        ],
                    )
                }),
            _ => None,
        };
        let entry = TimelineEntry {
            event: event.map(|e| e.words_fr()).unwrap_or_default(),
            diff_href,
            label: fr_timestamp(&c.timestamp),
            href: archive_path(&c.timestamp, &c.url, false),
            note: if c.is_revisit() {
                "contenu inchangé depuis la capture précédente".to_string()
            } else {
                let mut parts = Vec::new();
                if let Some(s) = c.status {
                    parts.push(format!("HTTP {s}"));
                }
                if let Some(m) = &c.mime {
                    parts.push(m.clone());
                }
                parts.join(", ")
            },
        };
        match years.last_mut() {
            Some((y, list)) if *y == year => list.push(entry),
            _ => years.push((year, vec![entry])),
        }
    }
    let summary = life.map(|l| l.summary());
    TimelinePage {
        state: summary
            .as_ref()
            .map(|s| s.state.as_str().to_string())
            .unwrap_or_default(),
        life: summary.as_ref().map(summary_words).unwrap_or_default(),
        page_title: format!("Captures de {url} — Veille"),
        url: url.to_string(),
        total: captures.len(),
        years,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_dates() {
        assert_eq!(fr_date("2013-01-31"), "31 janvier 2013");
        assert_eq!(fr_date("2013-08-01"), "1er août 2013");
        assert_eq!(fr_timestamp("20130131100512"), "31 janvier 2013 à 10 h 05");
        assert_eq!(group(1234567), "1\u{202f}234\u{202f}567");
    }
}
