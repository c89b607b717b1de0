//! The router: the web form, the timeline, replay, the JSON API, exports, `/healthz`; and
//! [`serve`], which runs it until a shutdown signal, refreshing the capture table meanwhile.

use std::time::Duration;

use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use indexer::query::QueryError;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::params::SearchParams;
use crate::replay::{archive_csp, archive_path, archived_payload, rewrite_html};
use crate::state::{Shared, query_error_fr};
use crate::views::{self, CaptureLink, MessagePage, ReplayPage, fr_timestamp, render};
use crate::{api, export};

/// The Content-Security-Policy of the search site's own pages.
pub const SITE_CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; \
    script-src 'self'; frame-src 'self'; frame-ancestors 'none'; form-action 'self'";

/// The application's routes over a shared state.
pub fn router(state: Shared) -> Router {
    let routes = Router::new()
        .route("/", get(search_html))
        .route("/captures", get(timeline_html))
        .route("/archive/{*rest}", get(replay))
        .route("/api/search", get(api::search))
        .route("/api/captures", get(api::captures))
        .route("/api/stats", get(api::stats))
        .route("/api/communes", get(api::communes))
        .route("/api/openapi.json", get(api::openapi))
        .route("/export.csv", get(export::csv))
        .route("/export.json", get(export::json))
        .route("/export.wacz", get(export::wacz))
        .route("/feed.atom", get(crate::feed::atom))
        .route("/diff", get(crate::history::diff_html))
        .route("/commune/{insee}", get(crate::history::commune_html))
        .route("/healthz", get(api::healthz))
        .route("/static/style.css", get(style))
        .route("/static/app.js", get(script))
        .fallback(not_found);
    logged(routes, state)
}

/// The routes with one log line per request (method, path, status, latency), over `state`.
fn logged(routes: Router<Shared>, state: Shared) -> Router {
    routes
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_request(())
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .with_state(state)
}

/// The routes of the replay origin (`--replay-bind`): archived documents only. A framed
/// replay page asked there, or any other path, is sent to the search site.
pub fn replay_router(state: Shared) -> Router {
    let routes = Router::new()
        .route("/archive/{*rest}", get(replay_origin_document))
        .route("/static/style.css", get(style))
        .fallback(to_site);
    logged(routes, state)
}

/// Serves the replay origin on `listener` until `shutdown` completes.
pub async fn serve_replay(
    listener: tokio::net::TcpListener,
    state: Shared,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, replay_router(state))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Binds the replay origin's listener; its URL is `replay_url`, or by default
/// `http://localhost:PORT` for a loopback address (another host name than the search's
/// `127.0.0.1`: no cookie is shared either), else `http://ADDR`.
pub async fn bind_replay(
    bind: std::net::SocketAddr,
    replay_url: Option<&str>,
    site_url: &str,
) -> anyhow::Result<(tokio::net::TcpListener, crate::state::ReplayOrigin)> {
    use anyhow::Context;
    let listener = tokio::net::TcpListener::bind(bind).await.with_context(|| {
        format!("cannot listen on {bind} for the replay origin (in use? pass --replay-bind 127.0.0.1:PORT)")
    })?;
    let addr = listener.local_addr()?;
    let url = match replay_url {
        Some(u) => u.to_string(),
        None if addr.ip().is_loopback() && !site_url.contains("//localhost") => {
            format!("http://localhost:{}", addr.port())
        }
        None => format!("http://{addr}"),
    };
    let origin = crate::state::ReplayOrigin::new(&url, site_url).map_err(anyhow::Error::msg)?;
    Ok((listener, origin))
}

/// Serves the search site on `listener` and, when given, the replay origin on `replay`, until
/// `shutdown` completes.
pub async fn serve_both(
    listener: tokio::net::TcpListener,
    replay: Option<tokio::net::TcpListener>,
    state: Shared,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        shutdown.await;
        let _ = stop_tx.send(true);
    });
    let stopped = |mut rx: tokio::sync::watch::Receiver<bool>| async move {
        let _ = rx.wait_for(|v| *v).await;
    };
    let replay_task =
        replay.map(|l| tokio::spawn(serve_replay(l, state.clone(), stopped(stop_rx.clone()))));
    serve(listener, state, stopped(stop_rx)).await?;
    if let Some(task) = replay_task {
        task.await.map_err(std::io::Error::other)??;
    }
    Ok(())
}

/// On the replay origin: anything but an archived document belongs to the search site.
async fn to_site(State(st): State<Shared>, uri: Uri) -> Response {
    match &st.replay_origin {
        Some(o) => Redirect::to(&format!("{}{}", o.site_url, path_and_query(&uri))).into_response(),
        None => not_found(uri).await,
    }
}

fn path_and_query(uri: &Uri) -> &str {
    uri.path_and_query().map_or("/", |p| p.as_str())
}

/// Serves `state` on `listener` until `shutdown` completes (in-flight requests finish), and
/// refreshes the capture table every few seconds so that new WARC files are replayable.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: Shared,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let refresher = state.clone();
    let refresh = tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(10));
        tick.tick().await;
        loop {
            tick.tick().await;
            let s = refresher.clone();
            let _ = tokio::task::spawn_blocking(move || s.captures.refresh()).await;
        }
    });
    let result = axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await;
    refresh.abort();
    result
}

/// An HTML page of the site, with its security headers.
pub fn page(status: StatusCode, body: String) -> Response {
    let mut r = (status, Html(body)).into_response();
    r.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(SITE_CSP),
    );
    r.headers_mut().insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}

/// A page saying what went wrong, with a link to go on with.
pub fn message(
    status: StatusCode,
    heading: &str,
    text: String,
    link: Option<(String, String)>,
) -> Response {
    page(
        status,
        render(&MessagePage {
            page_title: format!("{heading} — Veille"),
            heading: heading.to_string(),
            message: text,
            link,
        }),
    )
}

async fn not_found(uri: Uri) -> Response {
    message(
        StatusCode::NOT_FOUND,
        "Page introuvable",
        format!("L'adresse {} n'existe pas sur ce site.", uri.path()),
        None,
    )
}

/// Runs blocking work (index, WARC reading) off the async threads.
pub async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    tokio::task::spawn_blocking(f).await.ok()
}

async fn search_html(State(st): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let params = SearchParams::from_query(raw.as_deref());
    // Keyed on the valid parameters as understood, in a fixed order.
    let key = format!("html?{}", params.to_query());
    let generation = st.index.generation();
    let request = params.to_request(&st.limits);
    if request.is_ok()
        && let Some(body) = st.cache.get(&key, generation)
    {
        return page(StatusCode::OK, String::from_utf8_lossy(&body).into_owned());
    }
    let Ok(_slot) = st.searches.acquire().await else {
        return message(
            StatusCode::SERVICE_UNAVAILABLE,
            "Serveur en cours d'arrêt",
            "Réessayez dans un instant.".into(),
            None,
        );
    };
    let state = st.clone();
    let rendered = blocking(move || {
        let st = state;
        let labels = &st.labels;
        let limits = st.limits;
        let page_of = |results, stats, error| {
            views::search_page(
                &params,
                results,
                stats,
                error,
                labels,
                limits.max_depth,
                limits.max_export,
            )
        };
        if !params.is_search() {
            let stats = st.index.stats().ok();
            return (StatusCode::OK, render(&page_of(None, stats.as_ref(), None)));
        }
        let request = match request {
            Ok(r) => r,
            Err(e) => {
                return (
                    StatusCode::BAD_REQUEST,
                    render(&page_of(None, None, Some(e.message))),
                );
            }
        };
        match st.index.search(&request) {
            Ok(results) => (StatusCode::OK, render(&page_of(Some(&results), None, None))),
            Err(e @ (QueryError::Syntax { .. } | QueryError::Filter(_))) => (
                StatusCode::BAD_REQUEST,
                render(&page_of(None, None, Some(query_error_fr(&e)))),
            ),
            Err(e) => {
                tracing::error!("search failed: {e}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    render(&page_of(None, None, Some(query_error_fr(&e)))),
                )
            }
        }
    })
    .await;
    match rendered {
        Some((status, body)) => {
            // Bad requests are cheap to answer again; only results are kept.
            if status == StatusCode::OK {
                st.cache
                    .put(key, generation, bytes::Bytes::from(body.clone()));
            }
            page(status, body)
        }
        None => message(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Erreur interne",
            "La recherche a échoué ; réessayez.".into(),
            None,
        ),
    }
}

async fn timeline_html(State(st): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let Some(url) = crate::params::query_param(raw.as_deref(), "url") else {
        return message(
            StatusCode::BAD_REQUEST,
            "Adresse manquante",
            "Donnez l'adresse de la page : /captures?url=http://…".into(),
            None,
        );
    };
    let captures = blocking(move || {
        let mut list = st.captures.captures(&url);
        if list.is_empty() {
            st.captures.refresh_if_older(Duration::from_secs(2));
            list = st.captures.captures(&url);
        }
        let life = st.life_of(&list);
        (url, list, life)
    })
    .await;
    match captures {
        Some((url, list, life)) => page(
            if list.is_empty() {
                StatusCode::NOT_FOUND
            } else {
                StatusCode::OK
            },
            render(&views::timeline_page(&url, &list, life.as_ref())),
        ),
        None => message(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Erreur interne",
            "La liste des captures n'a pas pu être lue.".into(),
            None,
        ),
    }
}

/// A replay request: `/archive/{timestamp}[modifier]/{url}`.
struct ArchiveRequest {
    timestamp: String,
    raw: bool,
    url: String,
}

fn parse_archive_uri(uri: &Uri) -> Option<ArchiveRequest> {
    let rest = uri.path().strip_prefix("/archive/")?;
    let (stamp, url) = rest.split_once('/')?;
    let digits = stamp
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(stamp.len());
    let (timestamp, modifier) = stamp.split_at(digits);
    if timestamp.is_empty() || timestamp.len() > 14 {
        return None;
    }
    // pywb's modifiers (id_, im_, cs_, js_, if_, mp_…) all ask for the archived document.
    let raw = !modifier.is_empty();
    Some(ArchiveRequest {
        timestamp: timestamp.to_string(),
        raw,
        url: archived_url(url, uri.query()),
    })
}

/// The archived URL at the end of an archive path, with the request's query string.
fn archived_url(path: &str, query: Option<&str>) -> String {
    // Some clients collapse `//` in paths: `http:/host/` is taken as `http://host/`.
    let mut url = path.to_string();
    for scheme in ["http:/", "https:/"] {
        if url.starts_with(scheme) && !url.starts_with(&format!("{scheme}/")) {
            url.insert(scheme.len(), '/');
        }
    }
    if !url.contains("://") {
        url.insert_str(0, "http://");
    }
    if let Some(q) = query {
        url.push('?');
        url.push_str(q);
    }
    url
}

async fn replay(State(st): State<Shared>, headers: axum::http::HeaderMap, uri: Uri) -> Response {
    if let Some(rest) = uri.path().strip_prefix("/archive/timegate/") {
        let url = archived_url(rest, uri.query());
        let accept = headers
            .get("accept-datetime")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let wanted = match accept.as_deref().map(crate::memento::accept_datetime) {
            Some(None) => {
                return (
                    StatusCode::BAD_REQUEST,
                    [(header::VARY, "accept-datetime")],
                    "Accept-Datetime invalide : donnez une date HTTP, par exemple « Sat, 05 Dec 2026 16:17:58 GMT ».\n",
                )
                    .into_response();
            }
            Some(Some(ts)) => ts,
            None => "99991231235959".to_string(),
        };
        let found = blocking(move || {
            st.captures
                .closest(&url, &wanted)
                .map(|c| (c.clone(), st.captures.captures(&c.url)))
                .map(|found| (url.clone(), Some(found)))
                .unwrap_or((url, None))
        })
        .await;
        return match found {
            Some((url, found)) => crate::memento::timegate(&url, found),
            None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        };
    }
    if let Some(rest) = uri.path().strip_prefix("/archive/timemap/link/") {
        let url = archived_url(rest, uri.query());
        let listed = blocking(move || {
            let all = st.captures.captures(&url);
            (url, all)
        })
        .await;
        return match listed {
            Some((url, all)) => crate::memento::timemap(&url, &all),
            None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        };
    }
    replay_at(st, uri, false).await
}

async fn replay_origin_document(State(st): State<Shared>, uri: Uri) -> Response {
    // Memento's TimeGate and TimeMap belong to the search site.
    if uri.path().starts_with("/archive/timegate/") || uri.path().starts_with("/archive/timemap/") {
        return to_site(State(st), uri).await;
    }
    replay_at(st, uri, true).await
}

/// A replay request on the search site (`on_replay_origin` false) or on the replay origin.
/// With a replay origin, archived documents are served there only, and framed pages on the
/// search site only: each origin sends the other's requests over.
async fn replay_at(st: Shared, uri: Uri, on_replay_origin: bool) -> Response {
    let Some(req) = parse_archive_uri(&uri) else {
        return message(
            StatusCode::BAD_REQUEST,
            "Adresse d'archive invalide",
            "Une page archivée s'ouvre par /archive/AAAAMMJJhhmmss/http://… (date de capture puis adresse).".into(),
            None,
        );
    };
    if let Some(o) = &st.replay_origin {
        if req.raw && !on_replay_origin {
            return Redirect::to(&format!("{}{}", o.replay_url, path_and_query(&uri)))
                .into_response();
        }
        if !req.raw && on_replay_origin {
            return Redirect::to(&format!("{}{}", o.site_url, path_and_query(&uri)))
                .into_response();
        }
    }
    let lookup = {
        let st = st.clone();
        let (url, ts) = (req.url.clone(), req.timestamp.clone());
        blocking(move || {
            let mut found = st.captures.closest(&url, &ts);
            if found.is_none() {
                st.captures.refresh_if_older(Duration::from_secs(2));
                found = st.captures.closest(&url, &ts);
            }
            found.map(|c| (c.clone(), st.captures.captures(&c.url)))
        })
        .await
        .flatten()
    };
    let Some((capture, all)) = lookup else {
        return message(
            StatusCode::NOT_FOUND,
            "Page non archivée",
            format!(
                "{} n'a pas été capturée par Veille. Aucune requête n'est faite vers le site en ligne.",
                req.url
            ),
            Some((
                views::timeline_href(&req.url),
                "Voir les captures de cette adresse".into(),
            )),
        );
    };
    if !req.raw {
        if capture.timestamp != req.timestamp {
            return Redirect::to(&archive_path(&capture.timestamp, &capture.url, false))
                .into_response();
        }
        let pos = all.iter().position(|c| c.timestamp == capture.timestamp);
        let gone = {
            let (st, url) = (st.clone(), capture.url.clone());
            blocking(move || st.index.life(&url).ok().flatten())
                .await
                .flatten()
                .map(|l| l.summary())
                .filter(|s| s.gone.is_some())
                .map(|s| views::summary_words(&s))
                .unwrap_or_default()
        };
        let link = |c: &crate::captures::CaptureLoc| CaptureLink {
            label: fr_timestamp(&c.timestamp),
            href: archive_path(&c.timestamp, &c.url, false),
        };
        let body = render(&ReplayPage {
            page_title: format!(
                "{} — archive du {}",
                capture.url,
                fr_timestamp(&capture.timestamp)
            ),
            url: capture.url.clone(),
            captured: fr_timestamp(&capture.timestamp),
            frame_src: format!(
                "{}{}",
                st.replay_origin
                    .as_ref()
                    .map_or("", |o| o.replay_url.as_str()),
                archive_path(&capture.timestamp, &capture.url, true)
            ),
            timeline_href: views::timeline_href(&capture.url),
            capture_count: all.len(),
            prev: pos
                .and_then(|p| p.checked_sub(1))
                .and_then(|p| all.get(p))
                .map(link),
            next: pos.and_then(|p| all.get(p + 1)).map(link),
            gone,
        });
        let mut response = page(StatusCode::OK, body);
        crate::memento::add_memento_headers(response.headers_mut(), &capture, &all);
        if let Some(o) = &st.replay_origin
            && let Ok(v) = HeaderValue::from_str(
                &SITE_CSP.replace("frame-src 'self'", &format!("frame-src {}", o.replay_url)),
            )
        {
            response
                .headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, v);
        }
        return response;
    }
    archived_document(st, capture, all).await
}

async fn archived_document(
    st: Shared,
    capture: crate::captures::CaptureLoc,
    all: Vec<crate::captures::CaptureLoc>,
) -> Response {
    let memento = capture.clone();
    let ts = capture.timestamp.clone();
    let url = capture.url.clone();
    // Replays read and hold whole records: a few at a time.
    let Ok(_permit) = st.replays.acquire().await else {
        return message(
            StatusCode::SERVICE_UNAVAILABLE,
            "Serveur occupé",
            "Réessayez dans un instant.".into(),
            None,
        );
    };
    let store = st.clone();
    let read = blocking(move || archived_payload(&store.captures, &capture)).await;
    let payload = match read {
        Some(Ok(p)) => p,
        Some(Err(e)) => {
            tracing::warn!("replay of {url} at {ts}: {e}");
            return message(
                StatusCode::BAD_GATEWAY,
                "Capture illisible",
                format!(
                    "La capture de {url} du {} ne peut pas être lue : {e}",
                    fr_timestamp(&ts)
                ),
                Some((
                    views::timeline_href(&url),
                    "Voir les autres captures".into(),
                )),
            );
        }
        None => {
            return message(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Erreur interne",
                "La capture n'a pas pu être lue.".into(),
                None,
            );
        }
    };
    let status = StatusCode::from_u16(payload.status).unwrap_or(StatusCode::OK);
    let location = payload.header("location").map(str::to_string);
    let truncated = payload.truncated;
    let content_type = payload.content_type.clone().unwrap_or_default();
    let target = location
        .as_deref()
        .filter(|_| status.is_redirection())
        .and_then(|l| url::Url::parse(&url).ok().and_then(|u| u.join(l).ok()));
    if let Some(t) = &target
        && st
            .captures
            .closest(t.as_str(), &ts)
            .is_some_and(|c| c.url == url && c.timestamp == ts)
    {
        // The redirect's target was never captured: following it would come back here.
        return message(
            StatusCode::NOT_FOUND,
            "Page non archivée",
            format!(
                "{url} redirigeait vers {t}, qui n'a pas été capturée. Aucune requête n'est faite vers le site en ligne."
            ),
            Some((
                views::timeline_href(t.as_str()),
                "Voir les captures de cette adresse".into(),
            )),
        );
    }
    let site = st.replay_origin.as_ref().map(|o| o.site_url.as_str());
    let lower = content_type.to_ascii_lowercase();
    // Archived scripts never run: sent as text, they cannot be loaded as scripts either
    // (with nosniff), not even by a page of this site.
    let content_type = if lower.contains("javascript") || lower.contains("ecmascript") {
        "text/plain; charset=utf-8".to_string()
    } else {
        content_type
    };
    let is_html =
        lower.contains("html") || (content_type.is_empty() && payload.body.starts_with(b"<"));
    let (body, content_type) = if is_html {
        let decoded = warc::charset::decode_html(&payload.body, Some(&content_type));
        (
            rewrite_html(&decoded.text, &url, &ts, site.unwrap_or_default()).into_bytes(),
            "text/html; charset=utf-8".to_string(),
        )
    } else {
        (payload.body, content_type)
    };
    let mut response = (status, body).into_response();
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&content_type)
        && !content_type.is_empty()
    {
        h.insert(header::CONTENT_TYPE, v);
    }
    match HeaderValue::from_str(&archive_csp(site)) {
        Ok(v) => {
            h.insert(header::CONTENT_SECURITY_POLICY, v);
        }
        // Never an archived document without its policy (the origins are checked at start).
        Err(_) => {
            return message(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Erreur interne",
                "La politique de sécurité de la page archivée n'a pas pu être écrite.".into(),
                None,
            );
        }
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    if let Some(target) = target
        && let Ok(v) = HeaderValue::from_str(&archive_path(&ts, target.as_str(), true))
    {
        h.insert(header::LOCATION, v);
    }
    crate::memento::add_memento_headers(h, &memento, &all);
    if truncated {
        h.insert("x-archive-truncated", HeaderValue::from_static("true"));
    }
    response
}

async fn style() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../static/style.css"),
    )
        .into_response()
}

async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../static/app.js"),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_uris_parse() {
        let uri: Uri = "/archive/20130131100000id_/http://www.a.example/p?x=1"
            .parse()
            .expect("uri");
        let r = parse_archive_uri(&uri).expect("parses");
        assert_eq!(r.timestamp, "20130131100000");
        assert!(r.raw);
        assert_eq!(r.url, "http://www.a.example/p?x=1");
        let uri: Uri = "/archive/2013/http:/www.a.example/".parse().expect("uri");
        let r = parse_archive_uri(&uri).expect("parses");
        assert!(!r.raw);
        assert_eq!(r.url, "http://www.a.example/");
        let uri: Uri = "/archive/abc/http://x/".parse().expect("uri");
        assert!(parse_archive_uri(&uri).is_none());
    }
}
