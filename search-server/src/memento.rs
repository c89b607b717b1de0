//! Memento (RFC 7089): a TimeGate (`/archive/timegate/{url}`: `Accept-Datetime` → 302 to the
//! closest capture), a TimeMap in `application/link-format` (`/archive/timemap/link/{url}`:
//! every capture), and the `Memento-Datetime` and `Link` headers of archived pages, so that
//! Memento clients and aggregators query Veille as they query the Internet Archive or pywb.
//!
//! Mementos are the replay pages `/archive/{timestamp}/{url}` (and the archived documents
//! `/archive/{timestamp}id_/{url}`); captures are those of the CDXJ indexes, every status
//! included (a 404 or a redirect is a memento too, as in pywb).

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, NaiveDateTime, Utc};

use crate::captures::{CaptureLoc, timestamp_seconds};
use crate::replay::archive_path;

/// A URL as it may stand in a `Link` or `Location` header: percent-encoded (non-ASCII,
/// spaces, `<`, `>`, `"`), as the `url` crate serialises it.
pub fn header_safe(url: &str) -> String {
    let serialised = url::Url::parse(url).map_or_else(|_| url.to_string(), |u| u.to_string());
    let mut out = String::with_capacity(serialised.len());
    for c in serialised.chars() {
        if c.is_ascii_graphic() && !matches!(c, '<' | '>' | '"') {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// The TimeGate path of a URL.
pub fn timegate_path(url: &str) -> String {
    format!("/archive/timegate/{}", header_safe(url))
}

/// The link-format TimeMap path of a URL.
pub fn timemap_path(url: &str) -> String {
    format!("/archive/timemap/link/{}", header_safe(url))
}

/// The replay path of a capture, header-safe.
fn memento_path(c: &CaptureLoc) -> String {
    archive_path(&c.timestamp, &header_safe(&c.url), false)
}

/// A capture timestamp (`YYYYMMDDhhmmss`) as an HTTP date (`Sat, 05 Dec 2026 16:17:58 GMT`).
pub fn http_date(timestamp: &str) -> Option<String> {
    let secs = timestamp_seconds(timestamp)?;
    let t = DateTime::<Utc>::from_timestamp(secs, 0)?;
    Some(t.format("%a, %d %b %Y %H:%M:%S GMT").to_string())
}

/// An `Accept-Datetime` value (RFC 1123 date) as a capture timestamp.
pub fn accept_datetime(value: &str) -> Option<String> {
    let t = DateTime::parse_from_rfc2822(value.trim())
        .map(|d| d.with_timezone(&Utc))
        .or_else(|_| {
            NaiveDateTime::parse_from_str(value.trim(), "%a, %d %b %Y %H:%M:%S GMT")
                .map(|n| n.and_utc())
        })
        .ok()?;
    Some(t.format("%Y%m%d%H%M%S").to_string())
}

/// The `Link` header of a memento or of the TimeGate: original, TimeGate, TimeMap, and the
/// first and last mementos (with their datetimes, as Memento clients expect).
pub fn link_header(url: &str, captures: &[CaptureLoc]) -> String {
    let mut links = vec![
        format!("<{}>; rel=\"original\"", header_safe(url)),
        format!("<{}>; rel=\"timegate\"", timegate_path(url)),
        format!(
            "<{}>; rel=\"timemap\"; type=\"application/link-format\"",
            timemap_path(url)
        ),
    ];
    let memento = |c: &CaptureLoc, rel: &str| {
        http_date(&c.timestamp)
            .map(|d| format!("<{}>; rel=\"{rel}\"; datetime=\"{d}\"", memento_path(c)))
    };
    match captures {
        [] => {}
        [only] => links.extend(memento(only, "first last memento")),
        [first, .., last] => {
            links.extend(memento(first, "first memento"));
            links.extend(memento(last, "last memento"));
        }
    }
    links.join(", ")
}

/// Adds a memento's headers (`Memento-Datetime`, `Link`) to an archived page's response.
pub fn add_memento_headers(headers: &mut HeaderMap, capture: &CaptureLoc, captures: &[CaptureLoc]) {
    if let Some(v) = http_date(&capture.timestamp).and_then(|d| HeaderValue::from_str(&d).ok()) {
        headers.insert("memento-datetime", v);
    }
    if let Ok(v) = HeaderValue::from_str(&link_header(&capture.url, captures)) {
        headers.insert(header::LINK, v);
    }
}

/// The TimeGate's answer: 302 to the capture closest to `accept` (the latest without one).
pub fn timegate(url: &str, captures: Option<(CaptureLoc, Vec<CaptureLoc>)>) -> Response {
    let Some((closest, all)) = captures else {
        return (
            StatusCode::NOT_FOUND,
            [(header::VARY, "accept-datetime")],
            format!("Aucune capture de {url} dans l'archive.\n"),
        )
            .into_response();
    };
    let mut response = (
        StatusCode::FOUND,
        [
            (header::VARY, "accept-datetime".to_string()),
            (header::LOCATION, memento_path(&closest)),
        ],
    )
        .into_response();
    if let Ok(v) = HeaderValue::from_str(&link_header(url, &all)) {
        response.headers_mut().insert(header::LINK, v);
    }
    response
}

/// The TimeMap (`application/link-format`) of a URL's captures, oldest first.
pub fn timemap(url: &str, captures: &[CaptureLoc]) -> Response {
    if captures.is_empty() {
        return (
            StatusCode::NOT_FOUND,
            format!("Aucune capture de {url} dans l'archive.\n"),
        )
            .into_response();
    }
    let mut lines = vec![
        format!("<{}>; rel=\"original\"", header_safe(url)),
        format!("<{}>; rel=\"timegate\"", timegate_path(url)),
    ];
    let first = captures.first().and_then(|c| http_date(&c.timestamp));
    let last = captures.last().and_then(|c| http_date(&c.timestamp));
    let mut me = format!(
        "<{}>; rel=\"self\"; type=\"application/link-format\"",
        timemap_path(url)
    );
    if let (Some(f), Some(l)) = (&first, &last) {
        me.push_str(&format!("; from=\"{f}\"; until=\"{l}\""));
    }
    lines.push(me);
    let n = captures.len();
    for (i, c) in captures.iter().enumerate() {
        let Some(date) = http_date(&c.timestamp) else {
            continue;
        };
        let rel = match (i == 0, i + 1 == n) {
            (true, true) => "first last memento",
            (true, false) => "first memento",
            (false, true) => "last memento",
            (false, false) => "memento",
        };
        lines.push(format!(
            "<{}>; rel=\"{rel}\"; datetime=\"{date}\"",
            memento_path(c)
        ));
    }
    let body = lines.join(",\n") + "\n";
    (
        StatusCode::OK,
        [(
            header::CONTENT_TYPE,
            "application/link-format; charset=utf-8",
        )],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_go_both_ways() {
        assert_eq!(
            http_date("20261205161758").as_deref(),
            Some("Sat, 05 Dec 2026 16:17:58 GMT")
        );
        assert_eq!(
            accept_datetime("Sat, 05 Dec 2026 16:17:58 GMT").as_deref(),
            Some("20261205161758")
        );
        assert_eq!(accept_datetime("hier"), None);
    }

    #[test]
    fn urls_in_headers_are_encoded() {
        assert_eq!(
            header_safe("http://www.ville.example/actualités/fête \"été\".html"),
            "http://www.ville.example/actualit%C3%A9s/f%C3%AAte%20%22%C3%A9t%C3%A9%22.html"
        );
        assert!(
            axum::http::HeaderValue::from_str(&link_header("http://a.example/é>", &[])).is_ok()
        );
    }
}
