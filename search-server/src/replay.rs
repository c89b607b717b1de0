//! Replay: the archived response of a capture, read from its WARC record (a revisit is
//! answered with the payload it repeats), and archived HTML rewritten so that its links and
//! resources lead to archived captures instead of the live web.

use std::cell::RefCell;

use lol_html::{RewriteStrSettings, element, rewrite_str};
use url::Url;
use warc::cdxj::timestamp;
use warc::payload::{Payload, payload, revisit_target};
use warc::{Record, RecordType, WarcReader};

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
/// with the document blocks whatever is left pointing elsewhere. `site` prefixes the page
/// links (the search site's base URL when the document is served from a replay origin of its
/// own; empty otherwise).
pub fn rewrite_html(html: &str, page_url: &str, ts: &str, site: &str) -> String {
    let Ok(page) = Url::parse(page_url) else {
        return html.to_string();
    };
    let base = RefCell::new(page);
    // Attribute values come with their entities (`&amp;`): decoded before parsing, and `&`
    // escaped again in what is written back.
    let absolute = |value: &str| -> Option<String> {
        let decoded = html_escape::decode_html_entities(value);
        let v = decoded.trim();
        if v.is_empty() || v.starts_with('#') {
            return None;
        }
        let u = base.borrow().join(v).ok()?;
        matches!(u.scheme(), "http" | "https").then(|| u.to_string())
    };
    let attr = |url: String| url.replace('&', "&amp;");
    // A link that cannot be pointed into the archive must not lead out of it: only
    // fragments, mail and telephone links are left as they are.
    let kept = |value: &str| {
        let decoded = html_escape::decode_html_entities(value)
            .trim()
            .to_ascii_lowercase();
        decoded.is_empty()
            || decoded.starts_with('#')
            || decoded.starts_with("mailto:")
            || decoded.starts_with("tel:")
    };
    let page_link = |value: &str| -> Option<String> {
        match absolute(value) {
            Some(u) => Some(attr(format!("{site}{}", archive_path(ts, &u, false)))),
            None if kept(value) => None,
            None => Some("#".to_string()),
        }
    };
    let resource = |value: &str| -> Option<String> {
        match absolute(value) {
            Some(u) => Some(attr(archive_path(ts, &u, true))),
            None if kept(value) => None,
            None => Some("about:blank".to_string()),
        }
    };
    let settings = RewriteStrSettings {
        element_content_handlers: vec![
            element!("base[href]", |el| {
                let joined = el.get_attribute("href").and_then(|href| {
                    let decoded = html_escape::decode_html_entities(&href).into_owned();
                    base.borrow().join(decoded.trim()).ok()
                });
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
            // SVG links.
            element!("a[xlink\\:href]", |el| {
                if let Some(new) = el
                    .get_attribute("xlink:href")
                    .as_deref()
                    .and_then(page_link)
                {
                    el.set_attribute("xlink:href", &new)?;
                    el.set_attribute("target", "_top")?;
                }
                Ok(())
            }),
            // A document written inline in a frame is not rewritten: it goes.
            element!("iframe[srcdoc], frame[srcdoc]", |el| {
                el.remove_attribute("srcdoc");
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
                            let new = resource(url)?;
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
                    && content.is_char_boundary(pos)
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
/// it has no origin of its own), and no request leaves the archive. `site` is the search
/// site's origin when the document comes from a replay origin of its own (it frames it).
pub fn archive_csp(site: Option<&str>) -> String {
    format!(
        "sandbox allow-popups allow-top-navigation-by-user-activation; \
    default-src 'self' data: blob:; style-src 'self' 'unsafe-inline' data:; \
    img-src 'self' data: blob:; font-src 'self' data:; media-src 'self' data: blob:; \
    script-src 'none'; connect-src 'none'; form-action 'none'; frame-ancestors 'self'{}",
        site.map(|s| format!(" {s}")).unwrap_or_default()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_resources_point_into_the_archive() {
        let html = r##"<html><head><base href="http://www.a.example/dir/"><link rel="stylesheet" href="s.css"></head>
<body><a href="page.html">p</a> <a href="#top">t</a> <a href="mailto:x@a.example">m</a>
<img src="/i.png" srcset="/i.png 1x, /j.png 2x"><form action="/recherche"></form></body></html>"##;
        let out = rewrite_html(html, "http://www.a.example/", "20130131100000", "");
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

    #[test]
    fn entities_are_decoded_and_unrewritable_links_go_nowhere() {
        let html = r##"<a id=q href="/liste?a=1&amp;b=2">l</a>
<a id=v6 href="http://[&#58;&#58;ffff&#58;c000&#58;201]/">x</a>
<a id=ftp href="ftp://files.a.example/x">f</a>
<svg><a xlink:href="http://www.a.example/s">s</a></svg>
<iframe srcdoc="<a href='http://evil.example/'>e</a>"></iframe>"##;
        let out = rewrite_html(html, "http://www.a.example/", "2013", "");
        assert!(
            out.contains(r#"href="/archive/2013/http://www.a.example/liste?a=1&amp;b=2""#),
            "{out}"
        );
        assert!(
            out.contains(r#"href="/archive/2013/http://[::ffff:c000:201]/""#),
            "an entity-encoded address is decoded, then kept in the archive: {out}"
        );
        assert!(!out.contains("ftp://"), "{out}");
        assert!(
            out.contains(r#"xlink:href="/archive/2013/http://www.a.example/s""#),
            "{out}"
        );
        assert!(!out.contains("srcdoc"), "{out}");
    }
}
