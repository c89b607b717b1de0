//! Exports of every result of a query, as CSV or JSON, streamed page by page from the index
//! and capped at the server's export limit (stated in the `X-Veille-Export-Limit` header and
//! in the JSON document).

use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use indexer::query::{Hit, SearchRequest};
use tokio::sync::mpsc;

use crate::api::{ApiError, ApiHit, archive_url};
use crate::params::SearchParams;
use crate::state::Shared;

/// Documents read from the index per step of an export.
const BATCH: usize = 500;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Json,
}

/// `GET /export.csv`: every result (up to the limit) as CSV.
pub async fn csv(state: State<Shared>, query: RawQuery) -> Response {
    export(state, query, Format::Csv).await
}

/// `GET /export.json`: every result (up to the limit) as a JSON document.
pub async fn json(state: State<Shared>, query: RawQuery) -> Response {
    export(state, query, Format::Json).await
}

/// One CSV row: the indexer's columns, then the replay URL of the latest capture.
fn csv_row(hit: &Hit) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let record = hit.csv_record();
    let _ = w.write_record(
        record
            .iter()
            .map(String::as_str)
            .chain([archive_url(hit).as_str()]),
    );
    w.into_inner().unwrap_or_default()
}

async fn export(State(st): State<Shared>, RawQuery(raw): RawQuery, format: Format) -> Response {
    let params = SearchParams::from_query(raw.as_deref());
    // The page parameters do not apply to an export: it starts at the first result.
    let params = SearchParams {
        page: 1,
        per_page: 1,
        ..params
    };
    let base = match params.to_request(&st.limits) {
        Ok(r) => SearchRequest {
            limit: BATCH,
            offset: 0,
            no_facets: true,
            no_snippets: true,
            ..r
        },
        Err(e) => return ApiError::from(e).into_response(),
    };
    let cap = st.limits.max_export;
    // The first batch says how many there are (and whether the query is valid) before any
    // byte is sent.
    // Every page of the export comes from the same snapshot of the index: a commit during
    // the export neither repeats nor skips results.
    let first = {
        let st = st.clone();
        let req = base.clone();
        crate::app::blocking(move || {
            let snapshot = st.index.snapshot();
            st.index.search_in(&snapshot, &req).map(|r| (r, snapshot))
        })
        .await
    };
    let (first, snapshot) = match first {
        Some(Ok(r)) => r,
        Some(Err(e)) => return ApiError::from(e).into_response(),
        None => return ApiError::internal("l'export a échoué").into_response(),
    };
    let total = first.total;
    let exported = total.min(cap);
    let (tx, mut rx) = mpsc::channel::<Result<Bytes, std::io::Error>>(8);
    let query_json = serde_json::to_string(&params.q).unwrap_or_default();
    tokio::task::spawn_blocking(move || {
        let head = match format {
            Format::Csv => {
                let mut w = csv::Writer::from_writer(Vec::new());
                let _ = w.write_record(Hit::CSV_COLUMNS.iter().chain(&["archive_url"]));
                w.into_inner().unwrap_or_default()
            }
            Format::Json => format!(
                "{{\"query\":{query_json},\"total\":{total},\"limit\":{cap},\"exported\":{exported},\"truncated\":{},\"results\":[",
                total > cap
            )
            .into_bytes(),
        };
        if tx.blocking_send(Ok(Bytes::from(head))).is_err() {
            return;
        }
        let mut sent = 0usize;
        let mut batch = first.hits;
        loop {
            let mut chunk = Vec::new();
            for hit in batch.iter().take(exported - sent) {
                match format {
                    Format::Csv => chunk.extend(csv_row(hit)),
                    Format::Json => {
                        if sent > 0 {
                            chunk.push(b',');
                        }
                        chunk.extend(serde_json::to_vec(&ApiHit::new(hit)).unwrap_or_default());
                    }
                }
                sent += 1;
            }
            if tx.blocking_send(Ok(Bytes::from(chunk))).is_err() {
                return;
            }
            if sent >= exported || batch.is_empty() {
                break;
            }
            let req = SearchRequest {
                offset: sent,
                ..base.clone()
            };
            batch = match st.index.search_in(&snapshot, &req) {
                Ok(r) => r.hits,
                Err(e) => {
                    // The connection is cut rather than ended: the client sees an incomplete
                    // download, not a short file that looks whole.
                    tracing::error!("export stopped after {sent} results: {e}");
                    let _ = tx.blocking_send(Err(std::io::Error::other(e.to_string())));
                    return;
                }
            };
        }
        if format == Format::Json {
            let _ = tx.blocking_send(Ok(Bytes::from_static(b"]}\n")));
        }
    });
    let stream = futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx));
    let (content_type, name) = match format {
        Format::Csv => ("text/csv; charset=utf-8", "veille-export.csv"),
        Format::Json => ("application/json", "veille-export.json"),
    };
    let mut response = (StatusCode::OK, Body::from_stream(stream)).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert("x-veille-total", HeaderValue::from(total));
    h.insert("x-veille-exported", HeaderValue::from(exported));
    h.insert("x-veille-export-limit", HeaderValue::from(cap));
    response
}

/// Documents in a WACZ export at most (each brings its whole capture).
pub const MAX_WACZ_DOCUMENTS: usize = 1_000;

/// Bytes of a WACZ file sent per step.
const WACZ_CHUNK: usize = 256 * 1024;

/// `GET /export.wacz`: the results' captures (up to the export limit, and at most
/// [`MAX_WACZ_DOCUMENTS`]) as a WACZ file that ReplayWeb.page or pywb replays. The file is
/// written to a temporary file (a zip's directory comes last) as many at a time as searches,
/// then streamed.
pub async fn wacz(State(st): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let params = SearchParams::from_query(raw.as_deref());
    let params = SearchParams {
        page: 1,
        per_page: 1,
        ..params
    };
    let cap = st.limits.max_export.min(MAX_WACZ_DOCUMENTS);
    let request = match params.to_request(&st.limits) {
        Ok(r) => SearchRequest {
            limit: cap,
            offset: 0,
            no_facets: true,
            no_snippets: true,
            ..r
        },
        Err(e) => return ApiError::from(e).into_response(),
    };
    let title = if params.q.is_empty() {
        "Veille : export".to_string()
    } else {
        format!("Veille : « {} »", params.q)
    };
    let Ok(slot) = st.searches.acquire().await else {
        return ApiError::internal("serveur en cours d'arrêt").into_response();
    };
    let state = st.clone();
    let built = crate::app::blocking(
        move || -> Result<(std::fs::File, u64, usize, usize), String> {
            let st = state;
            let results = st.index.search(&request).map_err(|e| e.to_string())?;
            let locate = |h: &Hit| {
                let digest = h.digest.as_deref()?;
                let file = h.warc_file.as_deref()?;
                st.captures
                    .captures(&h.url)
                    .into_iter()
                    .find(|c| {
                        !c.is_revisit()
                            && c.digest.as_deref() == Some(digest)
                            && c.file.file_name().is_some_and(|n| n == file)
                            && Some(c.offset) == h.warc_offset
                    })
                    .map(|c| warc::wacz::Selected {
                        file: c.file.to_path_buf(),
                        offset: c.offset,
                    })
            };
            let original_of = |t: &warc::payload::RevisitTarget| {
                st.captures
                    .captures(&t.uri)
                    .into_iter()
                    .find(|c| !c.is_revisit() && c.digest == t.digest)
                    .map(|c| warc::wacz::Selected {
                        file: c.file.to_path_buf(),
                        offset: c.offset,
                    })
            };
            let mut out = tempfile::tempfile().map_err(|e| format!("fichier temporaire : {e}"))?;
            let summary = indexer::export::wacz_of_hits(
                std::io::BufWriter::new(&mut out),
                &st.index,
                &results.hits,
                &warc::wacz::WaczInfo {
                    title,
                    description: Some(format!(
                        "{} documents sur {} ; archive exportée par Veille.",
                        results.hits.len(),
                        results.total
                    )),
                    software: format!("Veille/{} search-server", env!("CARGO_PKG_VERSION")),
                },
                &locate,
                &original_of,
            )
            .map_err(|e| e.to_string())?;
            for s in &summary.skipped {
                tracing::warn!("WACZ export: {s}");
            }
            use std::io::Seek;
            let size = out
                .seek(std::io::SeekFrom::End(0))
                .map_err(|e| e.to_string())?;
            out.rewind().map_err(|e| e.to_string())?;
            Ok((out, size, results.total, summary.pages))
        },
    )
    .await;
    drop(slot);
    let (mut file, size, total, pages) = match built {
        Some(Ok(b)) => b,
        Some(Err(e)) => {
            return ApiError::internal(format!("l'export WACZ a échoué : {e}")).into_response();
        }
        None => return ApiError::internal("l'export WACZ a échoué").into_response(),
    };
    let (tx, mut rx) = mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    tokio::task::spawn_blocking(move || {
        use std::io::Read;
        let mut buf = vec![0u8; WACZ_CHUNK];
        loop {
            match file.read(&mut buf) {
                Ok(0) => return,
                Ok(n) => {
                    if tx
                        .blocking_send(Ok(Bytes::copy_from_slice(&buf[..n])))
                        .is_err()
                    {
                        return;
                    }
                }
                Err(e) => {
                    let _ = tx.blocking_send(Err(e));
                    return;
                }
            }
        }
    });
    let stream = futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx));
    let mut r = (StatusCode::OK, Body::from_stream(stream)).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/wacz"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"veille-export.wacz\""),
    );
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(size));
    h.insert("x-veille-total", HeaderValue::from(total));
    h.insert("x-veille-exported", HeaderValue::from(pages));
    h.insert("x-veille-export-limit", HeaderValue::from(cap));
    r
}
