//! Alerts: every search (the form's parameters) as an Atom feed, `/feed.atom?…`, of the
//! matching documents by first capture date, newest first. A researcher adds it to a feed
//! reader and sees the new announcements after each crawl. A search of gone pages only
//! (`state=gone`) is a feed of disappearances instead: by date of disappearance, newest first.

use atom_syndication::{Category, Entry, Feed, FixedDateTime, Link, Person, Text};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use indexer::query::{Hit, SearchRequest, Sort};

use crate::api::ApiError;
use crate::app::blocking;
use crate::params::SearchParams;
use crate::replay::archive_path;
use crate::state::Shared;

/// Entries of a feed.
pub const FEED_ENTRIES: usize = 50;

/// The feed path of a search's parameters.
pub fn feed_href(params: &SearchParams) -> String {
    let p = SearchParams {
        page: 1,
        per_page: crate::params::DEFAULT_PAGE_SIZE,
        sort: String::new(),
        ..params.clone()
    };
    format!("/feed.atom?{}", p.to_query())
}

/// `GET /feed.atom`: the search's newest documents (by first capture) as Atom.
pub async fn atom(
    State(st): State<Shared>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    let params = SearchParams::from_query(raw.as_deref());
    let params = SearchParams {
        page: 1,
        per_page: 1,
        ..params
    };
    let disappearances = is_disappearances(&params);
    let request = match params.to_request(&st.limits) {
        Ok(r) => SearchRequest {
            sort: if disappearances {
                Sort::Gone
            } else {
                Sort::Captured
            },
            limit: FEED_ENTRIES,
            offset: 0,
            no_facets: true,
            // A feed of disappearances has one entry per page, not per version.
            latest_only: disappearances,
            ..r
        },
        Err(e) => return ApiError::from(e).into_response(),
    };
    let base = site_base(&st, &headers);
    let searched = {
        let st = st.clone();
        blocking(move || st.index.search(&request)).await
    };
    let results = match searched {
        Some(Ok(r)) => r,
        Some(Err(e)) => return ApiError::from(e).into_response(),
        None => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let feed = build(&params, &results.hits, &base, &st.labels);
    (
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        feed.to_string(),
    )
        .into_response()
}

/// Whether a search asks for gone pages only: its feed follows disappearances.
fn is_disappearances(params: &SearchParams) -> bool {
    !params.states.is_empty()
        && params
            .states
            .iter()
            .all(|s| indexer::life::State::parse(s) == Some(indexer::life::State::Gone))
}

/// The search site's absolute base URL: the public URL when configured, else the request's
/// `Host` (feed readers need absolute links).
fn site_base(st: &Shared, headers: &HeaderMap) -> String {
    if let Some(o) = &st.replay_origin {
        return o.site_url.trim_end_matches('/').to_string();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        })
        .unwrap_or("localhost");
    format!("http://{host}")
}

fn date(iso: &str) -> Option<FixedDateTime> {
    chrono::DateTime::parse_from_rfc3339(iso).ok().or_else(|| {
        chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| d.and_utc().fixed_offset())
    })
}

/// The feed of `hits` (newest first) for a search.
fn build(params: &SearchParams, hits: &[Hit], base: &str, labels: &crate::state::Labels) -> Feed {
    let query = params.first_page().to_query();
    let self_href = format!("{base}{}", feed_href(params));
    let mut what = Vec::new();
    if !params.q.is_empty() {
        what.push(format!("« {} »", params.q));
    }
    if !params.commune.is_empty() {
        let name = labels
            .communes
            .by_insee(&params.commune)
            .map_or(params.commune.clone(), |c| c.name.clone());
        what.push(format!("commune {name}"));
    }
    if !params.departement.is_empty() {
        what.push(format!("département {}", params.departement));
    }
    for t in &params.topics {
        what.push(labels.topic(t));
    }
    for s in &params.states {
        if let Some(state) = indexer::life::State::parse(s) {
            what.push(format!("pages {}", state.label_fr()));
        }
    }
    let title = if what.is_empty() {
        "Veille — nouvelles pages archivées".to_string()
    } else {
        format!("Veille — {}", what.join(", "))
    };
    let disappearances = is_disappearances(params);
    let entries: Vec<Entry> = hits
        .iter()
        .map(|h| entry(h, base, disappearances))
        .collect();
    let updated = entries
        .iter()
        .map(|e| e.updated)
        .max()
        .unwrap_or_else(|| chrono::Utc::now().fixed_offset());
    let mut feed = Feed::default();
    feed.set_title(Text::plain(title));
    feed.set_id(format!(
        "urn:veille:feed:{}",
        warc::sha1_digest(feed_href(params).as_bytes()).replace("sha1:", "")
    ));
    feed.set_updated(updated);
    feed.set_lang(Some("fr".to_string()));
    let mut author = Person::default();
    author.set_name("Veille");
    author.set_uri(Some(format!("{base}/")));
    feed.set_authors(vec![author]);
    feed.set_subtitle(Some(Text::plain(if disappearances {
        "Les pages de cette recherche disparues de leur site, de la plus récemment disparue à la plus ancienne."
    } else {
        "Les documents de cette recherche, du plus récemment archivé au plus ancien."
    })));
    feed.set_links(vec![
        link(&self_href, "self", Some("application/atom+xml")),
        link(&format!("{base}/?{query}"), "alternate", Some("text/html")),
    ]);
    feed.set_entries(entries);
    feed
}

fn link(href: &str, rel: &str, mime: Option<&str>) -> Link {
    let mut l = Link::default();
    l.set_href(href);
    l.set_rel(rel);
    l.set_mime_type(mime.map(str::to_string));
    l
}

/// Text as XML 1.0 allows it: control characters other than tab and newlines dropped.
fn xml_text(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The entry of a document: its first capture (a new page), or its disappearance (linking to
/// the last capture that answered).
fn entry(h: &Hit, base: &str, disappearance: bool) -> Entry {
    let first = h.captures.iter().min().cloned().unwrap_or_default();
    let gone = h.gone_since.as_deref().filter(|_| disappearance);
    let shown = match gone {
        Some(_) => h
            .last_seen
            .clone()
            .or_else(|| h.captures.iter().max().cloned())
            .unwrap_or_default(),
        None => first.clone(),
    };
    let archived = format!(
        "{base}{}",
        archive_path(&warc::cdxj::timestamp(&shown), &h.url, false)
    );
    let mut e = Entry::default();
    let title = xml_text(h.title.as_deref().unwrap_or(&h.url));
    // Ids that do not depend on the address the feed was fetched from (RFC 4287 §4.2.6).
    let url_id = warc::sha1_digest(h.url.as_bytes()).replace("sha1:", "");
    match gone {
        Some(since) => {
            e.set_title(Text::plain(format!("Disparue : {title}")));
            e.set_id(format!(
                "urn:veille:gone:{url_id}:{}",
                warc::cdxj::timestamp(since)
            ));
            e.set_updated(date(since).unwrap_or_else(|| chrono::Utc::now().fixed_offset()));
        }
        None => {
            e.set_title(Text::plain(title));
            e.set_id(format!(
                "urn:veille:document:{url_id}:{}",
                h.digest
                    .as_deref()
                    .unwrap_or_default()
                    .replace("sha1:", "")
                    .replace(|c: char| !c.is_ascii_alphanumeric(), "")
            ));
            e.set_updated(date(&first).unwrap_or_else(|| chrono::Utc::now().fixed_offset()));
        }
    }
    e.set_published(h.published.as_deref().and_then(date));
    let place = h.commune_name.clone().unwrap_or_default();
    if !place.is_empty() {
        let mut author = Person::default();
        author.set_name(place.clone());
        e.set_authors(vec![author]);
    }
    // HTML, as the results page shows it: the snippet with the query's words in bold (the
    // text's beginning for a search without words), after the commune and the dates.
    let esc = |t: &str| html_escape::encode_text(&xml_text(t)).into_owned();
    let mut summary = String::new();
    if !place.is_empty() {
        summary.push_str(&esc(&place));
        if let Some(d) = &h.departement {
            summary.push_str(&format!(" ({})", esc(d)));
        }
        summary.push_str(" — ");
    }
    if let Some(p) = &h.published {
        summary.push_str(&format!("publié le {} — ", crate::views::fr_date(p)));
    }
    if gone.is_some() {
        summary.push_str(&esc(&crate::views::life_words(h)));
        summary.push_str(" — ");
    }
    summary.push_str(&xml_text(&h.snippet_html));
    e.set_summary(Some(Text::html(summary)));
    e.set_links(vec![
        link(&archived, "alternate", Some("text/html")),
        link(&h.url, "related", Some("text/html")),
    ]);
    e.set_categories(
        h.topics
            .iter()
            .map(|t| {
                let mut c = Category::default();
                c.set_term(t.clone());
                c
            })
            .collect::<Vec<_>>(),
    );
    e
}
