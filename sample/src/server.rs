//! The bundled sample site server (`crawler serve-sample`): every sample host from one
//! loopback listener, chosen by the `Host` header (or the authority of an absolute-form
//! request, so the server also works as an HTTP proxy for tools like wget), applying the
//! statuses, headers, redirects, delays and traps of each site's `_site.toml`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// Errors loading the sample site.
#[derive(Debug, thiserror::Error)]
pub enum SampleError {
    /// A manifest file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A manifest file is not valid.
    #[error("{path} is invalid: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// One entry of `manifest.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteEntry {
    /// Host name served.
    pub host: String,
    /// Directory of the site, relative to the manifest.
    pub dir: String,
    /// Commune name.
    pub commune: String,
    /// INSEE code.
    pub insee: String,
}

#[derive(Debug, Deserialize)]
struct Manifest {
    site: Vec<SiteEntry>,
}

/// One route of a site's `_site.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Path matched exactly (without query string).
    pub path: String,
    /// Content-Type header to send instead of the extension's.
    pub content_type: Option<String>,
    /// Wait before answering, in milliseconds.
    pub delay_ms: Option<u64>,
    /// Location of a redirect.
    pub redirect: Option<String>,
    /// Status to answer (301 by default for a redirect).
    pub status: Option<u16>,
    /// A generated month view with endless « Mois suivant » links.
    #[serde(default)]
    pub calendar: bool,
    /// A generated HTML page of this many bytes.
    pub generated_bytes: Option<u64>,
    /// Extra response headers (e.g. `Retry-After`).
    #[serde(default)]
    pub headers: std::collections::BTreeMap<String, String>,
    /// File (relative to the site directory) served instead from content version 1 on.
    pub next_version: Option<String>,
    /// Whether the page answers 410 Gone from content version 1 on.
    #[serde(default)]
    pub gone_in_next_version: bool,
    /// Error status (e.g. 404) the page answers from content version 1 on.
    pub status_in_next_version: Option<u16>,
    /// Location the page redirects to (301) from content version 1 on.
    pub redirect_in_next_version: Option<String>,
    /// Content version from which the route is served as in version 0 again (a page that
    /// comes back).
    pub back_in_version: Option<u32>,
}

/// A site's `_site.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteRoutes {
    /// Paths of files that nothing links to.
    #[serde(default)]
    pub unlinked: Vec<String>,
    /// Routes.
    #[serde(default, rename = "route")]
    pub routes: Vec<Route>,
}

/// A loaded site.
#[derive(Debug, Clone)]
pub struct Site {
    /// Its manifest entry.
    pub entry: SiteEntry,
    /// Its directory.
    pub dir: PathBuf,
    /// Its routes file.
    pub routes: SiteRoutes,
}

impl Site {
    /// The route for a path, if any.
    pub fn route(&self, path: &str) -> Option<&Route> {
        self.routes.routes.iter().find(|r| r.path == path)
    }

    /// URL paths of every file the site serves from disk (files named `_*` excluded).
    pub fn file_paths(&self) -> Vec<String> {
        let mut out = Vec::new();
        collect_files(&self.dir, &self.dir, &mut out);
        out.sort();
        out
    }
}

fn collect_files(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('_') || name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect_files(root, &path, out);
        } else if let Ok(rel) = path.strip_prefix(root) {
            out.push(format!("/{}", rel.to_string_lossy().replace('\\', "/")));
        }
    }
}

/// All sample sites, by host.
#[derive(Debug, Clone)]
pub struct SampleSite {
    /// Sites by lower-case host name.
    pub sites: HashMap<String, Site>,
    /// Content version served: 0 is the site as written; 1 applies the routes'
    /// `next_version`, `gone_in_next_version`, `status_in_next_version` and
    /// `redirect_in_next_version`; 2 also undoes the routes with `back_in_version = 2` (to
    /// test recrawls). Shared with clones.
    pub version: Arc<std::sync::atomic::AtomicU32>,
    /// Generated benchmark sites served beside the sample ones, if any.
    pub synthetic: Option<crate::synthetic::Synthetic>,
    /// Where answered requests are logged, if anywhere (tests of politeness).
    pub access_log: Option<Arc<AccessLog>>,
}

/// One request the sample server answered.
#[derive(Debug, Clone)]
pub struct Access {
    /// Host it was for (lower case).
    pub host: String,
    /// Path and query.
    pub target: String,
    /// When the request reached the handler.
    pub started: std::time::Instant,
    /// When the response body was sent in full (or dropped by the client).
    pub ended: std::time::Instant,
}

/// The requests a sample server answered, in the order their responses ended.
#[derive(Debug, Default)]
pub struct AccessLog(std::sync::Mutex<Vec<Access>>);

impl AccessLog {
    /// The requests logged so far.
    pub fn entries(&self) -> Vec<Access> {
        self.0.lock().map(|v| v.clone()).unwrap_or_default()
    }

    fn push(&self, access: Access) {
        if let Ok(mut v) = self.0.lock() {
            v.push(access);
        }
    }
}

/// Calls its closure when dropped: when a response body has been sent or abandoned.
struct OnDrop<F: FnOnce()>(Option<F>);

impl<F: FnOnce()> Drop for OnDrop<F> {
    fn drop(&mut self) {
        if let Some(f) = self.0.take() {
            f();
        }
    }
}

impl SampleSite {
    /// Loads `manifest.toml` and each site's `_site.toml` from `dir`.
    pub fn load(dir: &Path) -> Result<Self, SampleError> {
        let manifest_path = dir.join("manifest.toml");
        let manifest: Manifest = read_toml(&manifest_path)?;
        let mut sites = HashMap::new();
        for entry in manifest.site {
            let site_dir = dir.join(&entry.dir);
            let routes_path = site_dir.join("_site.toml");
            let routes = if routes_path.exists() {
                read_toml(&routes_path)?
            } else {
                SiteRoutes::default()
            };
            sites.insert(
                entry.host.to_ascii_lowercase(),
                Site {
                    entry,
                    dir: site_dir,
                    routes,
                },
            );
        }
        Ok(Self {
            sites,
            version: Arc::default(),
            synthetic: None,
            access_log: None,
        })
    }

    /// Switches the content version served (see [`SampleSite::version`]).
    pub fn set_version(&self, version: u32) {
        self.version
            .store(version, std::sync::atomic::Ordering::SeqCst);
    }

    /// Host names, sorted.
    pub fn hosts(&self) -> Vec<String> {
        let mut h: Vec<String> = self.sites.keys().cloned().collect();
        h.sort();
        h
    }
}

fn read_toml<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, SampleError> {
    let text = std::fs::read_to_string(path).map_err(|source| SampleError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    toml::from_str(&text).map_err(|e| SampleError::Parse {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// Serves the sample sites on `listener` until the process ends.
pub async fn serve(
    listener: tokio::net::TcpListener,
    site: Arc<SampleSite>,
) -> std::io::Result<()> {
    let app = Router::new().fallback(handle).with_state(site);
    axum::serve(listener, app).await
}

async fn handle(
    State(sample): State<Arc<SampleSite>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let Some(log) = sample.access_log.clone() else {
        return answer(sample, method, uri, headers).await;
    };
    let started = std::time::Instant::now();
    let host = request_host(&uri, &headers);
    let target = uri
        .path_and_query()
        .map_or_else(|| uri.path().to_string(), |p| p.as_str().to_string());
    let response = answer(sample, method, uri, headers).await;
    let (parts, body) = response.into_parts();
    let guard = OnDrop(Some(move || {
        log.push(Access {
            host,
            target,
            started,
            ended: std::time::Instant::now(),
        })
    }));
    let stream = futures_util::StreamExt::map(body.into_data_stream(), move |chunk| {
        let _ = &guard;
        chunk
    });
    Response::from_parts(parts, Body::from_stream(stream))
}

/// The host a request is for: the authority of an absolute-form request, else `Host`.
fn request_host(uri: &Uri, headers: &HeaderMap) -> String {
    uri.host()
        .map(str::to_string)
        .or_else(|| {
            headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .map(|h| h.rsplit_once(':').map_or(h, |(name, _)| name).to_string())
        })
        .unwrap_or_default()
        .to_ascii_lowercase()
}

async fn answer(sample: Arc<SampleSite>, method: Method, uri: Uri, headers: HeaderMap) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (StatusCode::METHOD_NOT_ALLOWED, "Méthode non autorisée\n").into_response();
    }
    let host = request_host(&uri, &headers);
    if let Some(synthetic) = &sample.synthetic
        && let Some(k) = crate::synthetic::parse_host(&host).filter(|k| *k < synthetic.hosts)
    {
        if synthetic.latency_ms > 0 {
            tokio::time::sleep(Duration::from_millis(synthetic.latency_ms)).await;
        }
        return match synthetic.page(k, uri.path()) {
            Some((content_type, body)) => {
                (StatusCode::OK, [(header::CONTENT_TYPE, content_type)], body).into_response()
            }
            None => html(StatusCode::NOT_FOUND, error_page(404)),
        };
    }
    let Some(site) = sample.sites.get(&host) else {
        return (
            StatusCode::NOT_FOUND,
            format!("Aucun site d'exemple pour l'hôte {host:?}\n"),
        )
            .into_response();
    };
    let path = percent_encoding::percent_decode_str(uri.path())
        .decode_utf8_lossy()
        .into_owned();
    let route = site.route(&path).cloned();
    if let Some(ms) = route.as_ref().and_then(|r| r.delay_ms) {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
    let version = sample.version.load(std::sync::atomic::Ordering::SeqCst);
    let mut response = route_response(site, &path, uri.query(), route.as_ref(), version, &headers);
    if let Some(route) = &route {
        for (name, value) in &route.headers {
            if let (Ok(n), Ok(v)) = (
                header::HeaderName::from_bytes(name.as_bytes()),
                HeaderValue::from_str(value),
            ) {
                response.headers_mut().insert(n, v);
            }
        }
    }
    response
}

fn route_response(
    site: &Site,
    path: &str,
    query: Option<&str>,
    route: Option<&Route>,
    version: u32,
    request: &HeaderMap,
) -> Response {
    if let Some(route) = route {
        let version = match route.back_in_version {
            Some(back) if version >= back => 0,
            _ => version,
        };
        if version >= 1 && route.gone_in_next_version {
            return html(StatusCode::GONE, error_page(410));
        }
        if version >= 1
            && let Some(code) = route.status_in_next_version
        {
            let status = StatusCode::from_u16(code).unwrap_or(StatusCode::NOT_FOUND);
            return html(status, error_page(code));
        }
        if version >= 1
            && let Some(location) = &route.redirect_in_next_version
        {
            return redirect(StatusCode::MOVED_PERMANENTLY, location);
        }
        if let Some(location) = &route.redirect {
            let status = StatusCode::from_u16(route.status.unwrap_or(301))
                .unwrap_or(StatusCode::MOVED_PERMANENTLY);
            return redirect(status, location);
        }
        if route.calendar {
            return html(StatusCode::OK, calendar_page(path, query));
        }
        if let Some(n) = route.generated_bytes {
            return html(StatusCode::OK, generated_page(n as usize));
        }
        if let Some(code) = route.status.filter(|s| *s >= 400) {
            let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            return html(status, error_page(code));
        }
        if let Some(next) = route.next_version.as_deref().filter(|_| version >= 1) {
            let file = site.dir.join(next);
            return send_file(&file, route.content_type.as_deref(), 1, request);
        }
        return serve_file(site, path, route.content_type.as_deref(), request);
    }
    serve_file(site, path, None, request)
}

fn serve_file(
    site: &Site,
    path: &str,
    content_type: Option<&str>,
    request: &HeaderMap,
) -> Response {
    if path
        .split('/')
        .any(|seg| seg == ".." || seg.starts_with('_') || seg.starts_with('.'))
    {
        return html(StatusCode::NOT_FOUND, error_page(404));
    }
    let mut file = site.dir.join(path.trim_start_matches('/'));
    if path.ends_with('/') {
        file = file.join("index.html");
    } else if file.is_dir() {
        return redirect(StatusCode::MOVED_PERMANENTLY, &format!("{path}/"));
    }
    send_file(&file, content_type, 0, request)
}

/// Last-Modified of each content version.
const LAST_MODIFIED: [&str; 2] = [
    "Thu, 31 Jan 2013 10:00:00 GMT",
    "Tue, 12 Jan 2016 09:00:00 GMT",
];

/// Sends a file with ETag and Last-Modified, answering 304 to a matching conditional GET.
fn send_file(
    file: &Path,
    content_type: Option<&str>,
    version: usize,
    request: &HeaderMap,
) -> Response {
    let Ok(bytes) = std::fs::read(file) else {
        return html(StatusCode::NOT_FOUND, error_page(404));
    };
    let etag = {
        use sha1::Digest;
        let d = sha1::Sha1::digest(&bytes);
        format!(
            "\"{}\"",
            d.iter()
                .take(8)
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        )
    };
    let last_modified = LAST_MODIFIED[version.min(LAST_MODIFIED.len() - 1)];
    let not_modified = match request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
    {
        Some(tags) => tags.split(',').any(|t| t.trim() == etag || t.trim() == "*"),
        None => request
            .get(header::IF_MODIFIED_SINCE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| chrono::DateTime::parse_from_rfc2822(v).ok())
            .zip(chrono::DateTime::parse_from_rfc2822(last_modified).ok())
            .is_some_and(|(since, modified)| modified <= since),
    };
    let mut resp = if not_modified {
        let mut r = Response::new(Body::empty());
        *r.status_mut() = StatusCode::NOT_MODIFIED;
        r
    } else {
        let mut r = Response::new(Body::from(bytes));
        let ct = content_type
            .map(str::to_string)
            .unwrap_or_else(|| content_type_for(file).to_string());
        if let Ok(v) = HeaderValue::from_str(&ct) {
            r.headers_mut().insert(header::CONTENT_TYPE, v);
        }
        r
    };
    if let Ok(v) = HeaderValue::from_str(&etag) {
        resp.headers_mut().insert(header::ETAG, v);
    }
    resp.headers_mut().insert(
        header::LAST_MODIFIED,
        HeaderValue::from_static(last_modified),
    );
    resp
}

/// The Content-Type the sample server sends for a file, by extension.
pub fn content_type_for(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" | "htm" => "text/html; charset=utf-8",
        "xml" => "application/xml",
        "rss" => "application/rss+xml",
        "atom" => "application/atom+xml",
        "txt" => "text/plain; charset=utf-8",
        "css" => "text/css",
        "js" => "application/javascript",
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

fn html(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

fn redirect(status: StatusCode, location: &str) -> Response {
    let body = format!(
        "<!DOCTYPE html><html lang=\"fr\"><head><title>Page déplacée</title></head><body><p>Cette page a été déplacée : <a href=\"{location}\">{location}</a>.</p></body></html>\n"
    );
    let mut resp = html(status, body);
    if let Ok(v) = HeaderValue::from_str(location) {
        resp.headers_mut().insert(header::LOCATION, v);
    }
    resp
}

fn error_page(code: u16) -> String {
    let (title, text) = match code {
        404 => (
            "Page introuvable",
            "La page demandée n'existe pas ou a été supprimée.",
        ),
        500..=599 => (
            "Erreur du serveur",
            "Le site rencontre une difficulté technique. Merci de réessayer plus tard.",
        ),
        _ => ("Erreur", "La requête n'a pas pu aboutir."),
    };
    format!(
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title} ({code})</h1><p>{text}</p><p><a href=\"/\">Retour à l'accueil</a></p></body></html>\n"
    )
}

/// A month of the municipal calendar: a crawler trap, since every month links to the next.
fn calendar_page(path: &str, query: Option<&str>) -> String {
    let (mut year, mut month) = (2013i32, 1u32);
    if let Some(value) = query
        .unwrap_or_default()
        .split('&')
        .find_map(|p| p.strip_prefix("mois="))
        && let Some((y, m)) = value.split_once('-')
        && let (Ok(y), Ok(m)) = (y.parse::<i32>(), m.parse::<u32>())
        && (1..=12).contains(&m)
        && (1000..=9999).contains(&y)
    {
        (year, month) = (y, m);
    }
    let (py, pm) = if month == 1 {
        (year - 1, 12)
    } else {
        (year, month - 1)
    };
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    let name = french::month_name(month).unwrap_or("janvier");
    let mut days = String::new();
    for d in 1..=28 {
        days.push_str(&format!("<td>{d}</td>"));
        if d % 7 == 0 {
            days.push_str("</tr><tr>");
        }
    }
    format!(
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Agenda – {name} {year}</title></head><body>\
<p><a href=\"/\">Accueil</a> &gt; Agenda</p><h1>Agenda municipal : {name} {year}</h1>\
<p>Aucun événement n'est encore annoncé pour ce mois.</p><table><tr>{days}</tr></table>\
<p><a href=\"{path}?mois={py:04}-{pm:02}\">« Mois précédent</a> | <a href=\"{path}?mois={ny:04}-{nm:02}\">Mois suivant »</a></p></body></html>\n"
    )
}

/// A large generated page (the crawler's size cap is tested with it).
fn generated_page(size: usize) -> String {
    let mut out = String::with_capacity(size + 256);
    out.push_str("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Registre intégral des délibérations</title></head><body><h1>Registre intégral des délibérations</h1>\n");
    let para_max = 160;
    let mut n = 1u64;
    while out.len() + para_max + 15 < size {
        out.push_str(&format!(
            "<p>Délibération n° {n} : le conseil municipal approuve à l'unanimité le point inscrit à l'ordre du jour.</p>\n"
        ));
        n += 1;
    }
    while out.len() + 15 < size {
        out.push(' ');
    }
    out.push_str("</body></html>\n");
    out
}
