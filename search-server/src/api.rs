//! The JSON API: the same searches as the form, captures of a URL, statistics, commune
//! suggestions, the OpenAPI document and `/healthz`. Errors are JSON too, with status 400
//! naming the parameter and the problem.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use indexer::query::{Hit, QueryError, SearchResults};
use serde::Serialize;
use serde_json::json;

use crate::app::blocking;
use crate::params::{ParamError, SearchParams, query_param};
use crate::replay::archive_path;
use crate::state::{Shared, query_error_fr};
use crate::views::timeline_href;
use bytes::Bytes;

/// An API error: status and a JSON body `{"error": {...}}`.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    parameter: Option<&'static str>,
    column: Option<usize>,
    detail: Option<String>,
}

impl ApiError {
    /// A 400 for a parameter.
    pub fn bad(code: &'static str, parameter: &'static str, message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            code,
            message: message.into(),
            parameter: Some(parameter),
            column: None,
            detail: None,
        }
    }

    /// A 500.
    pub fn internal(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "internal",
            message: message.into(),
            parameter: None,
            column: None,
            detail: None,
        }
    }
}

impl From<ParamError> for ApiError {
    fn from(e: ParamError) -> Self {
        Self::bad("invalid_parameter", e.parameter, e.message)
    }
}

impl From<QueryError> for ApiError {
    fn from(e: QueryError) -> Self {
        let message = query_error_fr(&e);
        match &e {
            QueryError::Syntax { column, .. } => Self {
                status: StatusCode::BAD_REQUEST,
                code: "invalid_query",
                message,
                parameter: Some("q"),
                column: Some(*column),
                detail: Some(e.to_string()),
            },
            QueryError::Filter(_) => Self {
                status: StatusCode::BAD_REQUEST,
                code: "invalid_filter",
                message,
                parameter: Some("commune"),
                column: None,
                detail: Some(e.to_string()),
            },
            QueryError::Index(_) | QueryError::Io(_) => Self::internal(message),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = json!({
            "status": self.status.as_u16(),
            "code": self.code,
            "message": self.message,
        });
        if let Some(p) = self.parameter {
            body["parameter"] = json!(p);
        }
        if let Some(c) = self.column {
            body["column"] = json!(c);
        }
        if let Some(d) = self.detail {
            body["detail"] = json!(d);
        }
        (self.status, Json(json!({ "error": body }))).into_response()
    }
}

/// A hit with its replay and timeline links.
#[derive(Serialize)]
pub struct ApiHit<'a> {
    #[serde(flatten)]
    hit: &'a Hit,
    /// Replay of the latest capture.
    archive_url: String,
    /// Timeline of the URL.
    timeline_url: String,
    /// How the page went, in French (gone pages only).
    #[serde(skip_serializing_if = "Option::is_none")]
    gone_words: Option<String>,
}

/// The replay URL of a hit's latest capture.
pub fn archive_url(hit: &Hit) -> String {
    let latest = hit
        .captures
        .iter()
        .map(|c| warc::cdxj::timestamp(c))
        .max()
        .unwrap_or_default();
    archive_path(&latest, &hit.url, false)
}

impl<'a> ApiHit<'a> {
    /// Wraps a hit.
    pub fn new(hit: &'a Hit) -> Self {
        Self {
            archive_url: archive_url(hit),
            timeline_url: timeline_href(&hit.url),
            gone_words: hit.gone_how.is_some().then(|| {
                indexer::life::GoneHow::words_of(hit.gone_how.as_deref(), hit.gone_to.as_deref())
            }),
            hit,
        }
    }
}

fn facets_json(r: &SearchResults, st: &Shared) -> serde_json::Value {
    let labels = &st.labels;
    json!({
        "topics": r.facets.topics.iter().map(|(id, n)| json!({"id": id, "label": labels.topic(id), "count": n})).collect::<Vec<_>>(),
        "departements": r.facets.departements.iter().map(|(code, n)| json!({"code": code, "name": labels.communes.departement_name(code), "count": n})).collect::<Vec<_>>(),
        "communes": r.facets.communes.iter().map(|(insee, n)| {
            let c = labels.communes.by_insee(insee);
            json!({"insee": insee, "name": c.map(|c| &c.name), "departement": c.map(|c| &c.departement), "count": n})
        }).collect::<Vec<_>>(),
        "years": r.facets.years.iter().map(|(y, n)| json!({"year": y, "count": n})).collect::<Vec<_>>(),
        "page_types": r.facets.page_types.iter().map(|(t, n)| json!({
            "type": t,
            "label": indexer::extract::page_type::PageType::parse(t).map(|p| p.french()),
            "count": n,
        })).collect::<Vec<_>>(),
        "states": r.facets.states.iter().map(|(t, n)| json!({
            "state": t,
            "label": indexer::life::State::parse(t).map(|s| s.label_fr()),
            "count": n,
        })).collect::<Vec<_>>(),
    })
}

/// `GET /api/search`: the form's parameters, results as JSON.
pub async fn search(State(st): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let params = SearchParams::from_query(raw.as_deref());
    let request = match params.to_request(&st.limits) {
        Ok(r) => r,
        Err(e) => return ApiError::from(e).into_response(),
    };
    // Keyed on the valid parameters as understood, in a fixed order.
    let key = format!("api?{}", params.to_query());
    let generation = st.index.generation();
    if let Some(body) = st.cache.get(&key, generation) {
        return json_body(body);
    }
    let Ok(_slot) = st.searches.acquire().await else {
        return ApiError::internal("le serveur s'arrête").into_response();
    };
    let state = st.clone();
    let result = blocking(move || {
        let st = state;
        let results = st.index.search(&request)?;
        let per = params.per_page.max(1);
        Ok::<_, QueryError>(json!({
            "query": params,
            "total": results.total,
            "page": params.page,
            "per_page": per,
            "pages": if results.total == 0 { 0 } else { crate::params::last_page(results.total, per, st.limits.max_depth) },
            "hits": results.hits.iter().map(ApiHit::new).collect::<Vec<_>>(),
            "facets": facets_json(&results, &st),
        }))
    })
    .await;
    match result {
        Some(Ok(v)) => {
            let body = Bytes::from(serde_json::to_vec(&v).unwrap_or_default());
            st.cache.put(key, generation, body.clone());
            json_body(body)
        }
        Some(Err(e)) => ApiError::from(e).into_response(),
        None => ApiError::internal("la recherche a échoué").into_response(),
    }
}

fn json_body(body: Bytes) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// `GET /api/captures?url=`: every capture of a URL, oldest first, each with what it tells of
/// the page's life (`event`, `event_words`), and the page's state.
pub async fn captures(State(st): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let Some(url) = query_param(raw.as_deref(), "url") else {
        return ApiError::bad(
            "missing_parameter",
            "url",
            "Paramètre url manquant : /api/captures?url=http://…",
        )
        .into_response();
    };
    let list = blocking(move || {
        let mut list = st.captures.captures(&url);
        if list.is_empty() {
            st.captures
                .refresh_if_older(std::time::Duration::from_secs(2));
            list = st.captures.captures(&url);
        }
        let life = st.life_of(&list);
        (url, list, life)
    })
    .await;
    let Some((url, list, life)) = list else {
        return ApiError::internal("les captures n'ont pas pu être lues").into_response();
    };
    let events: std::collections::HashMap<i64, indexer::life::Event> = life
        .as_ref()
        .map(|l| l.events().into_iter().collect())
        .unwrap_or_default();
    let summary = life.as_ref().map(|l| l.summary());
    let captures: Vec<serde_json::Value> = list
        .iter()
        .map(|c| {
            let event = events.get(&c.seconds());
            json!({
                "event": event,
                "event_words": event.map(|e| e.words_fr()),
                "timestamp": c.timestamp,
                "url": c.url,
                "mime": c.mime,
                "status": c.status,
                "digest": c.digest,
                "revisit": c.is_revisit(),
                "archive_url": archive_path(&c.timestamp, &c.url, false),
            })
        })
        .collect();
    let state = summary.as_ref().map(|s| {
        json!({
            "state": s.state,
            "gone": s.gone.as_ref().map(|g| json!({
                "since": seconds_iso(g.since),
                "how": g.how.code(),
                "to": g.how.target(),
                "words": g.how.words_fr(),
            })),
            "first_seen": s.first_seen.map(seconds_iso),
            "last_seen": s.last_seen.map(seconds_iso),
            "versions": s.versions,
        })
    });
    Json(json!({ "url": url, "total": captures.len(), "life": state, "captures": captures }))
        .into_response()
}

fn seconds_iso(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map(warc::record::warc_date)
        .unwrap_or_default()
}

/// `GET /api/stats`: index-wide figures.
pub async fn stats(State(st): State<Shared>) -> Response {
    let result = blocking(move || st.index.stats().map(|s| (s, st.captures.counts()))).await;
    match result {
        Some(Ok((s, c))) => Json(json!({
            "documents": s.documents,
            "captures": s.captures,
            "communes": s.communes,
            "published_from": s.published_from,
            "published_to": s.published_to,
            "digital_policy": s.digital_policy,
            "topics": s.topics,
            "years": s.years,
            "warc_files": c.files,
            "warc_captures": c.captures,
        }))
        .into_response(),
        Some(Err(e)) => ApiError::from(e).into_response(),
        None => ApiError::internal("statistiques indisponibles").into_response(),
    }
}

/// `GET /api/communes?prefix=`: communes whose name starts with the prefix, those with
/// documents first.
pub async fn communes(State(st): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let Some(prefix) = query_param(raw.as_deref(), "prefix") else {
        return ApiError::bad(
            "missing_parameter",
            "prefix",
            "Paramètre prefix manquant : /api/communes?prefix=All",
        )
        .into_response();
    };
    if prefix.chars().count() > 100 {
        return ApiError::bad(
            "invalid_parameter",
            "prefix",
            "Le préfixe dépasse 100 caractères.",
        )
        .into_response();
    }
    let limit = match query_param(raw.as_deref(), "limit").map(|l| l.parse::<usize>()) {
        None => 10,
        Some(Ok(n)) if (1..=50).contains(&n) => n,
        Some(_) => {
            return ApiError::bad("invalid_parameter", "limit", "limit doit aller de 1 à 50.")
                .into_response();
        }
    };
    let result = blocking(move || {
        let counts = st.commune_counts();
        let mut found: Vec<serde_json::Value> = st
            .labels
            .communes
            .with_prefix(&prefix, 500)
            .into_iter()
            .map(|c| {
                json!({
                    "insee": c.insee,
                    "name": c.name,
                    "departement": c.departement,
                    "departement_name": c.departement_name,
                    "documents": counts.get(&c.insee).copied().unwrap_or(0),
                })
            })
            .collect();
        // Stable: communes with documents first, in the list's order (shortest names first).
        found.sort_by_key(|c| std::cmp::Reverse(c["documents"].as_u64().unwrap_or(0) > 0));
        found.truncate(limit);
        json!({ "prefix": prefix, "communes": found })
    })
    .await;
    match result {
        Some(v) => Json(v).into_response(),
        None => ApiError::internal("suggestions indisponibles").into_response(),
    }
}

/// `GET /api/openapi.json`: the API's description.
pub async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("../static/openapi.json"),
    )
        .into_response()
}

/// `GET /healthz`: the server answers and the index opens.
pub async fn healthz(State(st): State<Shared>) -> Response {
    let result = blocking(move || {
        st.index
            .search(&indexer::query::SearchRequest {
                limit: 1,
                no_snippets: true,
                no_facets: true,
                ..Default::default()
            })
            .map(|r| (r.total, st.captures.counts()))
    })
    .await;
    match result {
        Some(Ok((documents, c))) => Json(json!({
            "status": "ok",
            "documents": documents,
            "warc_files": c.files,
            "captures": c.captures,
        }))
        .into_response(),
        _ => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({"status": "error", "message": "l'index ne répond pas"})),
        )
            .into_response(),
    }
}
