//! Replay: the archived response of a capture, read from its WARC record (a revisit is
//! answered with the payload it repeats), and archived HTML rewritten so that its links and
//! resources lead to archived captures instead of the live web.

use std::cell::RefCell;

use crawler::cdxj::timestamp;
use crawler::warc::payload::{Payload, payload, revisit_target};
use crawler::warc::{Record, RecordType, WarcReader};
use lol_html::{RewriteStrSettings, element, rewrite_str};
use url::Url;

use crate::captures::{CaptureLoc, CaptureStore};

/// How far to read from an offset looking for the record (whole-file gzip WARCs give every
/// record the offset of the one gzip member).
const MAX_RECORDS_SCANNED: usize = 200_000;

/// Why an archived response could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReplayError {
    /// The WARC file cannot be opened or read.
    #[error("{file}: {source}")]
    Io {
        /// The file.
        file: String,
        /// The error.
        source: std::io::Error,
    },
    /// The record is not where the capture table says.
    #[error("{file}: no record for {url} at {timestamp} from offset {offset}")]
    NotFound {
        /// The file.
        file: String,
        /// The URL.
        url: String,
        /// Its timestamp.
        timestamp: String,
        /// Where the search started.
        offset: u64,
    },
    /// A revisit whose original capture is not archived here.
    #[error("the capture of {0} repeats an earlier capture that is not in the archive")]
    MissingOriginal(String),
    /// The record holds no readable payload.
    #[error("{0}")]
    Payload(String),
}

/// Reads the record of a capture.
pub fn read_record(loc: &CaptureLoc) -> Result<Record, ReplayError> {
    let file = loc.file.display().to_string();
    let io = |source| ReplayError::Io {
        file: file.clone(),
        source,
    };
    let mut reader = WarcReader::open(loc.file.as_path()).map_err(io)?;
    reader.seek_to(loc.offset).map_err(io)?;
    for item in reader.take(MAX_RECORDS_SCANNED) {
        let Ok(read) = item else { continue };
        let r = &read.record;
        let kind = r.record_type();
        if matches!(
            kind,
            RecordType::Response | RecordType::Revisit | RecordType::Resource
        ) && r.target_uri() == Some(loc.url.as_str())
            && timestamp(r.date().unwrap_or_default()) == loc.timestamp
        {
            return Ok(read.record);
        }
    }
    Err(ReplayError::NotFound {
        file,
        url: loc.url.clone(),
        timestamp: loc.timestamp.clone(),
        offset: loc.offset,
    })
}

/// The archived payload of a capture; a revisit gives the payload of the capture it repeats.
pub fn archived_payload(store: &CaptureStore, loc: &CaptureLoc) -> Result<Payload, ReplayError> {
    let record = read_record(loc)?;
    if record.record_type() != RecordType::Revisit {
        return payload(&record).map_err(|e| ReplayError::Payload(e.to_string()));
    }
    let target =
        revisit_target(&record).ok_or_else(|| ReplayError::MissingOriginal(loc.url.clone()))?;
    let candidates = store.captures(&target.uri);
    let original = target
        .date
        .as_deref()
        .map(timestamp)
        .and_then(|ts| {
            candidates
                .iter()
                .find(|c| c.timestamp == ts && !c.is_revisit())
        })
        .or_else(|| {
            candidates
                .iter()
                .rev()
                .find(|c| !c.is_revisit() && c.digest.is_some() && c.digest == target.digest)
        })
        .ok_or_else(|| ReplayError::MissingOriginal(loc.url.clone()))?;
    let record = read_record(original)?;
    payload(&record).map_err(|e| ReplayError::Payload(e.to_string()))
}

/// The replay path of a URL at a timestamp: the framed page (`raw` false) or the archived
/// document itself (`raw` true, pywb's `id_` form).
pub fn archive_path(timestamp: &str, url: &str, raw: bool) -> String {
    format!("/archive/{timestamp}{}/{url}", if raw { "id_" } else { "" })
}

/// Rewrites archived HTML: links to pages go to the framed replay (`target=_top`), resources
/// (images, style sheets, frames, media) to the archived documents, `<base>` is applied then
/// dropped. URLs that are not http(s) are left as they are; the Content-Security-Policy sent
/// with the document blocks whatever is left pointing elsewhere.
pub fn rewrite_html(html: &str, page_url: &str, ts: &str) -> String {
    let Ok(page) = Url::parse(page_url) else {
        return html.to_string();
    };
    let base = RefCell::new(page);
    let absolute = |value: &str| -> Option<String> {
        let v = value.trim();
        if v.is_empty() || v.starts_with('#') {
            return None;
        }
        let u = base.borrow().join(v).ok()?;
        matches!(u.scheme(), "http" | "https").then(|| u.to_string())
    };
    let page_link = |value: &str| absolute(value).map(|u| archive_path(ts, &u, false));
    let resource = |value: &str| absolute(value).map(|u| archive_path(ts, &u, true));
    let settings = RewriteStrSettings {
        element_content_handlers: vec![
            element!("base[href]", |el| {
                let joined = el
                    .get_attribute("href")
                    .and_then(|href| base.borrow().join(href.trim()).ok());
                if let Some(u) = joined {
                    *base.borrow_mut() = u;
                }
                el.remove();
                Ok(())
            }),
            element!("a[href], area[href]", |el| {
                if let Some(new) = el.get_attribute("href").as_deref().and_then(page_link) {
                    el.set_attribute("href", &new)?;
                    el.set_attribute("target", "_top")?;
                }
                Ok(())
            }),
            element!("form[action]", |el| {
                if let Some(new) = el.get_attribute("action").as_deref().and_then(page_link) {
                    el.set_attribute("action", &new)?;
                }
                Ok(())
            }),
            element!(
                "img[src], script[src], iframe[src], frame[src], source[src], video[src], audio[src], embed[src], input[src], track[src]",
                |el| {
                    if let Some(new) = el.get_attribute("src").as_deref().and_then(resource) {
                        el.set_attribute("src", &new)?;
                    }
                    Ok(())
                }
            ),
            element!("link[href]", |el| {
                if let Some(new) = el.get_attribute("href").as_deref().and_then(resource) {
                    el.set_attribute("href", &new)?;
                }
                Ok(())
            }),
            element!("video[poster]", |el| {
                if let Some(new) = el.get_attribute("poster").as_deref().and_then(resource) {
                    el.set_attribute("poster", &new)?;
                }
                Ok(())
            }),
            element!("object[data]", |el| {
                if let Some(new) = el.get_attribute("data").as_deref().and_then(resource) {
                    el.set_attribute("data", &new)?;
                }
                Ok(())
            }),
            element!("img[srcset], source[srcset]", |el| {
                if let Some(set) = el.get_attribute("srcset") {
                    let rewritten: Vec<String> = set
                        .split(',')
                        .filter_map(|part| {
                            let mut words = part.split_whitespace();
                            let url = words.next()?;
                            let rest: Vec<&str> = words.collect();
                            let new = resource(url).unwrap_or_else(|| url.to_string());
                            Some(if rest.is_empty() {
                                new
                            } else {
                                format!("{new} {}", rest.join(" "))
                            })
                        })
                        .collect();
                    el.set_attribute("srcset", &rewritten.join(", "))?;
                }
                Ok(())
            }),
            element!("meta[http-equiv]", |el| {
                let refresh = el
                    .get_attribute("http-equiv")
                    .is_some_and(|v| v.eq_ignore_ascii_case("refresh"));
                if let (true, Some(content)) = (refresh, el.get_attribute("content"))
                    && let Some(pos) = content.to_ascii_lowercase().find("url=")
                {
                    let target = content[pos + 4..].trim().trim_matches(['\'', '"']);
                    if let Some(new) = page_link(target) {
                        el.set_attribute("content", &format!("{}url={new}", &content[..pos]))?;
                    }
                }
                Ok(())
            }),
        ],
        ..RewriteStrSettings::new()
    };
    rewrite_str(html, settings).unwrap_or_else(|e| {
        tracing::warn!(url = page_url, "archived HTML not rewritten: {e}");
        html.to_string()
    })
}

/// The Content-Security-Policy of an archived document: sandboxed (its scripts never run, and
/// it has no origin of its own), and no request leaves the archive.
pub const ARCHIVE_CSP: &str = "sandbox allow-popups allow-top-navigation-by-user-activation; \
    default-src 'self' data: blob:; style-src 'self' 'unsafe-inline' data:; \
    img-src 'self' data: blob:; font-src 'self' data:; media-src 'self' data: blob:; \
    script-src 'none'; connect-src 'none'; form-action 'none'; frame-ancestors 'self'";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_resources_point_into_the_archive() {
        let html = r##"<html><head><base href="http://www.a.example/dir/"><link rel="stylesheet" href="s.css"></head>
<body><a href="page.html">p</a> <a href="#top">t</a> <a href="mailto:x@a.example">m</a>
<img src="/i.png" srcset="/i.png 1x, /j.png 2x"><form action="/recherche"></form></body></html>"##;
        let out = rewrite_html(html, "http://www.a.example/", "20130131100000");
        assert!(!out.contains("<base"), "{out}");
        assert!(
            out.contains(r#"href="/archive/20130131100000id_/http://www.a.example/dir/s.css""#),
            "{out}"
        );
        assert!(
            out.contains(
                r#"href="/archive/20130131100000/http://www.a.example/dir/page.html" target="_top""#
            ),
            "{out}"
        );
        assert!(out.contains(r##"href="#top""##), "{out}");
        assert!(out.contains("mailto:x@a.example"), "{out}");
        assert!(
            out.contains(r#"src="/archive/20130131100000id_/http://www.a.example/i.png""#),
            "{out}"
        );
        assert!(
            out.contains("/archive/20130131100000id_/http://www.a.example/j.png 2x"),
            "{out}"
        );
        assert!(
            out.contains(r#"action="/archive/20130131100000/http://www.a.example/recherche""#),
            "{out}"
        );
    }
}
