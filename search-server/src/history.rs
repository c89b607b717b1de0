//! The pages of a site's history: what changed between two captures of a URL (`/diff`), and a
//! commune's pages gone from its site, by date of disappearance (`/commune/{insee}`).

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use indexer::query::{SearchRequest, Sort};

use crate::app::{blocking, message, page};
use crate::diff::{Piece, comparable, default_pair, word_diff};
use crate::params::query_param;
use crate::replay::archive_path;
use crate::state::Shared;
use crate::views::{fr_date, fr_timestamp, href, life_words, render, timeline_href};

/// The comparison of two captures.
#[derive(Template)]
#[template(path = "diff.html")]
pub struct DiffPage {
    /// Page title.
    pub page_title: String,
    /// The URL.
    pub url: String,
    /// Older capture: label and replay link.
    pub older_label: String,
    /// Its replay link.
    pub older_href: String,
    /// Newer capture.
    pub newer_label: String,
    /// Its replay link.
    pub newer_href: String,
    /// Timeline of the URL.
    pub timeline_href: String,
    /// Title before and after, when it changed.
    pub title_change: Option<(String, String)>,
    /// Publication date before and after, when it changed.
    pub date_change: Option<(String, String)>,
    /// The word diff (escaped HTML with `<ins>` and `<del>`).
    pub diff_html: String,
    /// Whether the main texts are the same.
    pub unchanged_text: bool,
}

/// A commune's pages gone from its site.
#[derive(Template)]
#[template(path = "commune.html")]
pub struct CommunePage {
    /// Page title.
    pub page_title: String,
    /// Heading.
    pub heading: String,
    /// How many.
    pub summary: String,
    /// Search of all the commune's pages.
    pub search_href: String,
    /// Feed of the commune's disappearances.
    pub feed_href: String,
    /// WACZ export of the vanished pages.
    pub wacz_href: String,
    /// Pages per date of disappearance, most recent first.
    pub days: Vec<(String, Vec<VanishedPage>)>,
}

/// One vanished page.
pub struct VanishedPage {
    /// Title.
    pub title: String,
    /// Last capture, replayed.
    pub archive_href: String,
    /// Publication date.
    pub published: String,
    /// How and when it went.
    pub life: String,
    /// Its timeline.
    pub timeline_href: String,
    /// The URL.
    pub url: String,
}

/// Vanished pages listed on a commune's page.
const MAX_VANISHED: usize = 500;

fn html_of(pieces: &[Piece]) -> String {
    let esc = |s: &str| html_escape::encode_text(s).into_owned();
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Same(s) => out.push_str(&esc(s)),
            Piece::Removed(s) => out.push_str(&format!("<del>{}</del>", esc(s))),
            Piece::Added(s) => out.push_str(&format!("<ins>{}</ins>", esc(s))),
            Piece::Elided(n) => out.push_str(&format!(
                "<span class=\"elided\">[… {n} mots inchangés …]</span> "
            )),
        }
    }
    out
}

/// `GET /diff?url=…[&from=TIMESTAMP&to=TIMESTAMP]`: what changed between two captures (by
/// default, on each side of the latest change).
pub async fn diff_html(State(st): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let Some(url) = query_param(raw.as_deref(), "url") else {
        return message(
            StatusCode::BAD_REQUEST,
            "Adresse manquante",
            "Donnez l'adresse de la page : /diff?url=http://…".into(),
            None,
        );
    };
    let from = query_param(raw.as_deref(), "from");
    let to = query_param(raw.as_deref(), "to");
    // A diff takes up to two seconds of a core: as many at once as searches.
    let Ok(_slot) = st.searches.acquire().await else {
        return message(
            StatusCode::SERVICE_UNAVAILABLE,
            "Serveur occupé",
            "Réessayez dans un instant.".into(),
            None,
        );
    };
    let state = st.clone();
    let built = blocking(move || -> Result<DiffPage, (StatusCode, String)> {
        let st = state;
        let all = st.captures.captures(&url);
        let list = comparable(&all);
        let pick = |ts: &str| {
            list.iter()
                .find(|c| c.timestamp == ts && c.url == url)
                .or_else(|| list.iter().find(|c| c.timestamp == ts))
                .copied()
        };
        let (older, newer) = match (&from, &to) {
            (Some(f), Some(t)) => match (pick(f), pick(t)) {
                (Some(a), Some(b)) => (a, b),
                _ => {
                    return Err((
                        StatusCode::NOT_FOUND,
                        format!("Aucune capture de {url} à ces dates ; choisissez-les dans la liste des captures."),
                    ));
                }
            },
            _ => default_pair(&all).ok_or_else(|| {
                (
                    StatusCode::NOT_FOUND,
                    format!("Le contenu de {url} n'a pas changé d'une capture à l'autre."),
                )
            })?,
        };
        let (older, newer) = if older.seconds() <= newer.seconds() {
            (older, newer)
        } else {
            (newer, older)
        };
        let version = |c: &crate::captures::CaptureLoc| {
            let digest = c.digest.as_deref().unwrap_or_default();
            st.index
                .version(&c.url, digest)
                .ok()
                .flatten()
                .ok_or_else(|| {
                    (
                        StatusCode::NOT_FOUND,
                        format!(
                            "La capture du {} n'est pas dans l'index (pas de texte extrait).",
                            fr_timestamp(&c.timestamp)
                        ),
                    )
                })
        };
        let (a, b) = (version(older)?, version(newer)?);
        let changed = |x: &Option<String>, y: &Option<String>| {
            (x != y).then(|| {
                (
                    x.clone().unwrap_or_else(|| "(aucun)".into()),
                    y.clone().unwrap_or_else(|| "(aucun)".into()),
                )
            })
        };
        let pieces = word_diff(&a.text, &b.text);
        Ok(DiffPage {
            page_title: format!("Changements de {url} — Veille"),
            older_label: fr_timestamp(&older.timestamp),
            older_href: archive_path(&older.timestamp, &older.url, false),
            newer_label: fr_timestamp(&newer.timestamp),
            newer_href: archive_path(&newer.timestamp, &newer.url, false),
            timeline_href: timeline_href(&url),
            title_change: changed(&a.title, &b.title),
            date_change: changed(
                &a.published.as_deref().map(fr_date),
                &b.published.as_deref().map(fr_date),
            ),
            unchanged_text: a.text == b.text,
            diff_html: html_of(&pieces),
            url,
        })
    })
    .await;
    match built {
        Some(Ok(p)) => page(StatusCode::OK, render(&p)),
        Some(Err((status, text))) => message(status, "Comparaison impossible", text, None),
        None => message(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Erreur interne",
            "La comparaison a échoué.".into(),
            None,
        ),
    }
}

/// `GET /commune/{insee}`: the commune's pages gone from its site, most recently gone first.
pub async fn commune_html(State(st): State<Shared>, Path(insee): Path<String>) -> Response {
    let built = blocking(move || {
        let commune = st.labels.communes.by_insee(&insee).cloned();
        let request = SearchRequest {
            commune: Some(insee.clone()),
            states: vec!["gone".into()],
            // One entry per page, not per version.
            latest_only: true,
            sort: Sort::Gone,
            limit: MAX_VANISHED,
            no_snippets: true,
            no_facets: true,
            ..SearchRequest::default()
        };
        let results = st.index.search(&request);
        (insee, commune, results)
    })
    .await;
    let Some((insee, commune, results)) = built else {
        return message(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Erreur interne",
            "La liste n'a pas pu être lue.".into(),
            None,
        );
    };
    let results = match results {
        Ok(r) => r,
        Err(e) => {
            return message(
                StatusCode::BAD_REQUEST,
                "Commune inconnue",
                format!("{e} ; donnez le code INSEE de la commune : /commune/72003."),
                None,
            );
        }
    };
    let name = commune
        .as_ref()
        .map_or(insee.clone(), |c| format!("{} ({})", c.name, c.departement));
    let mut days: Vec<(String, Vec<VanishedPage>)> = Vec::new();
    for h in &results.hits {
        let day = h
            .gone_since
            .as_deref()
            .map(|d| fr_date(d.get(..10).unwrap_or(d)))
            .unwrap_or_default();
        let last = h
            .last_seen
            .as_deref()
            .map(warc::cdxj::timestamp)
            .unwrap_or_default();
        let entry = VanishedPage {
            title: h.title.clone().unwrap_or_else(|| h.url.clone()),
            archive_href: archive_path(&last, &h.url, false),
            published: h.published.as_deref().map(fr_date).unwrap_or_default(),
            life: life_words(h),
            timeline_href: timeline_href(&h.url),
            url: h.url.clone(),
        };
        match days.last_mut() {
            Some((d, list)) if *d == day => list.push(entry),
            _ => days.push((day, vec![entry])),
        }
    }
    let n = results.total;
    let body = render(&CommunePage {
        page_title: format!("{name} : pages disparues — Veille"),
        heading: format!("{name} : pages disparues du site"),
        summary: match n {
            0 => "Aucune page archivée de cette commune n'a disparu de son site.".into(),
            1 => "Une page archivée a disparu du site de la commune.".into(),
            n => format!(
                "{n} pages archivées ont disparu du site de la commune, de la plus récemment disparue à la plus ancienne."
            ),
        },
        search_href: href("/", &[("commune", &insee)]),
        feed_href: href("/feed.atom", &[("commune", &insee), ("state", "gone")]),
        wacz_href: href("/export.wacz", &[("commune", &insee), ("state", "gone")]),
        days,
    });
    page(
        if commune.is_some() || n > 0 {
            StatusCode::OK
        } else {
            StatusCode::NOT_FOUND
        },
        body,
    )
}
