//! Discovering URLs: links in HTML (honouring `<base>`), sitemaps and sitemap indexes,
//! RSS/Atom items.

use std::sync::LazyLock;

use scraper::{Html, Selector};
use url::Url;

use crate::canonical::canonicalize;
use warc::charset::decode_html;

/// URLs found in a document, and what could not be used.
#[derive(Debug, Default, Clone)]
pub struct Links {
    /// Canonical http(s) URLs, without repeats, in document order.
    pub urls: Vec<Url>,
    /// Link values that are not valid URLs (reported, then skipped).
    pub malformed: Vec<String>,
    /// Whether the page's bytes were not valid in its charset (decoded with replacements).
    pub undecodable: bool,
    seen: std::collections::HashSet<String>,
}

impl Links {
    /// Resolves `href` against `base` and keeps it if it is a web URL; `mailto:`, `tel:`,
    /// `javascript:`, `data:` and fragment-only links are skipped, unparsable ones recorded.
    pub fn add(&mut self, base: &Url, href: &str) {
        let href = href.trim();
        if href.is_empty() || href.starts_with('#') {
            return;
        }
        match base.join(href) {
            Ok(url) => {
                if let Some(url) = canonicalize(&url)
                    && self.seen.insert(url.as_str().to_string())
                {
                    self.urls.push(url);
                }
            }
            Err(_) => self.malformed.push(href.chars().take(200).collect()),
        }
    }
}

/// What kind of document a payload is, for discovery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    /// An HTML page.
    Html,
    /// A sitemap (`<urlset>`) or sitemap index (`<sitemapindex>`).
    Sitemap,
    /// An RSS or Atom feed.
    Feed,
    /// Anything else (images, PDF, …): no links followed.
    Other,
}

/// Classifies a payload by its Content-Type and first bytes.
pub fn classify(content_type: Option<&str>, body: &[u8]) -> DocKind {
    let ct = content_type.unwrap_or_default().to_ascii_lowercase();
    let head = String::from_utf8_lossy(&body[..body.len().min(2048)]).to_ascii_lowercase();
    if ct.contains("html") {
        return DocKind::Html;
    }
    if head.contains("<urlset") || head.contains("<sitemapindex") {
        return DocKind::Sitemap;
    }
    if ct.contains("rss") || ct.contains("atom") || head.contains("<rss") || head.contains("<feed")
    {
        return DocKind::Feed;
    }
    if ct.is_empty() && (head.contains("<html") || head.contains("<!doctype html")) {
        return DocKind::Html;
    }
    DocKind::Other
}

static LINK_SELECTOR: LazyLock<Selector> = LazyLock::new(|| {
    Selector::parse(
        "a[href], area[href], link[href], img[src], img[srcset], script[src], iframe[src], \
         frame[src], embed[src], source[src], source[srcset], video[src], video[poster], \
         audio[src], meta[http-equiv]",
    )
    .expect("static selector parses")
});

static BASE_SELECTOR: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("base[href]").expect("static selector parses"));

/// Links of an HTML page, resolved against its URL (or its `<base href>`) and canonicalised;
/// `mailto:`, `tel:`, `javascript:` and fragment-only links are skipped.
pub fn html_links(page_url: &Url, body: &[u8], content_type: Option<&str>) -> Links {
    let decoded = decode_html(body, content_type);
    let doc = Html::parse_document(&crate::html_limits::tame(&decoded.text));
    let base = doc
        .select(&BASE_SELECTOR)
        .next()
        .and_then(|b| b.value().attr("href"))
        .and_then(|href| page_url.join(href.trim()).ok())
        .unwrap_or_else(|| page_url.clone());
    let mut out = Links {
        undecodable: decoded.had_errors,
        ..Links::default()
    };
    for el in doc.select(&LINK_SELECTOR) {
        let v = el.value();
        match v.name() {
            "link" => {
                let rel = v.attr("rel").unwrap_or_default().to_ascii_lowercase();
                if rel.contains("preconnect") || rel.contains("dns-prefetch") {
                    continue;
                }
            }
            "meta" => {
                // <meta http-equiv="refresh" content="0; url=…">
                if !v
                    .attr("http-equiv")
                    .unwrap_or_default()
                    .eq_ignore_ascii_case("refresh")
                {
                    continue;
                }
                let content = v.attr("content").unwrap_or_default();
                let lower = content.to_ascii_lowercase();
                if let Some(pos) = lower.find("url=") {
                    let target = content[pos + 4..].trim().trim_matches(['"', '\'']);
                    out.add(&base, target);
                }
                continue;
            }
            _ => {}
        }
        for attr in ["href", "src", "poster"] {
            if let Some(href) = v.attr(attr) {
                out.add(&base, href);
            }
        }
        if let Some(srcset) = v.attr("srcset") {
            for candidate in srcset.split(',') {
                if let Some(href) = candidate.split_whitespace().next() {
                    out.add(&base, href);
                }
            }
        }
    }
    out
}

/// URLs listed in a sitemap: page URLs from a `<urlset>`, sitemap URLs from a
/// `<sitemapindex>`. Gzipped sitemaps are accepted. Read event by event: the DTD is never
/// read and entities other than XML's five and character references are never expanded (an
/// « entity bomb » stays a few bytes); a `<loc>` naming such an entity is dropped, the
/// others kept; a sitemap broken part-way keeps the locations before the break.
pub fn sitemap_links(sitemap_url: &Url, body: &[u8]) -> Result<Links, String> {
    let body = if body.starts_with(&[0x1f, 0x8b]) {
        warc::http::decode_content_encoding(Some("gzip"), body)
    } else {
        body.into()
    };
    let text = String::from_utf8_lossy(&body);
    let text = text.trim_start_matches('\u{feff}');
    let is_index = text.contains("<sitemapindex");
    let wanted = if is_index { "sitemap" } else { "url" };
    let mut reader = quick_xml::Reader::from_str(text);
    let mut locs: Vec<String> = Vec::new();
    // Inside the wanted element (at this depth), inside its own <loc> (a direct child: an
    // image sitemap's <image:loc> deeper down is not a page): the text so far (None once
    // poisoned).
    let (mut item_depth, mut in_loc): (Option<usize>, bool) = (None, false);
    let mut current: Option<String> = None;
    let mut broken = None;
    let mut open = 0usize;
    loop {
        use quick_xml::events::Event;
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                open += 1;
                let name = e.local_name();
                if name.as_ref() == wanted && item_depth.is_none() {
                    item_depth = Some(open);
                } else if name.as_ref() == "loc" && item_depth.is_some_and(|d| open == d + 1) {
                    in_loc = true;
                    current = Some(String::new());
                }
            }
            Ok(Event::End(e)) => {
                let name = e.local_name();
                if name.as_ref() == "loc" && in_loc && item_depth.is_some_and(|d| open == d + 1) {
                    in_loc = false;
                    if let Some(loc) = current.take() {
                        locs.push(loc.trim().to_string());
                    }
                } else if item_depth == Some(open) {
                    item_depth = None;
                }
                open = open.saturating_sub(1);
            }
            Ok(Event::Text(t)) if in_loc => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t.xml10_content());
                }
            }
            Ok(Event::CData(t)) if in_loc => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t);
                }
            }
            Ok(Event::GeneralRef(r)) if in_loc => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(ch)) => Some(ch.to_string()),
                    _ => quick_xml::escape::resolve_predefined_entity(&r).map(str::to_string),
                };
                match (resolved, current.as_mut()) {
                    (Some(v), Some(c)) => c.push_str(&v),
                    // An entity of the DTD: never expanded, and the location is not a URL.
                    _ => current = None,
                }
            }
            Ok(Event::Eof) => {
                if open > 0 {
                    broken = Some("sitemap cut short (ends inside an element)".to_string());
                }
                break;
            }
            Ok(_) => {}
            Err(e) => {
                broken = Some(format!(
                    "{} does not parse at byte {}: {e}",
                    if is_index { "sitemap index" } else { "sitemap" },
                    reader.error_position()
                ));
                break;
            }
        }
    }
    if let Some(e) = broken
        && locs.is_empty()
    {
        return Err(e);
    }
    let mut out = Links::default();
    for loc in &locs {
        out.add(sitemap_url, loc);
    }
    Ok(out)
}

/// Item links of an RSS or Atom feed.
pub fn feed_links(feed_url: &Url, body: &[u8]) -> Result<Links, String> {
    let feed = feed_rs::parser::parse(body).map_err(|e| format!("feed does not parse: {e}"))?;
    let mut out = Links::default();
    for entry in &feed.entries {
        for link in &entry.links {
            out.add(feed_url, &link.href);
        }
    }
    for link in &feed.links {
        out.add(feed_url, &link.href);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).expect("test URL parses")
    }

    #[test]
    fn html_links_honour_base_and_skip_non_web_links() {
        let html = br##"<html><head><base href="http://a.example/actus/"><link rel="stylesheet" href="/style.css"></head>
        <body><a href="fibre.html#haut">Fibre</a> <a href="mailto:x@a.example">m</a> <a href="tel:0243">t</a>
        <a href="javascript:window.print()">p</a> <a href="#contenu">c</a> <img src="../logo.png" srcset="../logo-2x.png 2x">
        <a href="https://www.service-public.fr/?utm_source=a">sp</a></body></html>"##;
        let links: Vec<String> =
            html_links(&url("http://a.example/index.html"), html, Some("text/html"))
                .urls
                .into_iter()
                .map(String::from)
                .collect();
        assert_eq!(
            links,
            [
                "http://a.example/style.css",
                "http://a.example/actus/fibre.html",
                "http://a.example/logo.png",
                "http://a.example/logo-2x.png",
                "https://www.service-public.fr/"
            ]
        );
    }

    #[test]
    fn malformed_links_are_reported_not_followed() {
        let html = br#"<a href="http://exa mple.fr/x">x</a><a href="http://[::1">y</a><a href="/ok.html">ok</a>"#;
        let links = html_links(&url("http://a.example/"), html, None);
        assert_eq!(links.urls.len(), 1);
        assert_eq!(links.malformed.len(), 2);
    }

    #[test]
    fn sitemaps_and_indexes() {
        let set = br#"<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <url><loc>http://a.example/a.html</loc><lastmod>2013-02-01</lastmod></url>
          <url><loc>http://a.example/b.html?x=1&amp;y=2</loc></url></urlset>"#;
        let got = sitemap_links(&url("http://a.example/sitemap.xml"), set).expect("parses");
        assert_eq!(got.urls[1].as_str(), "http://a.example/b.html?x=1&y=2");
        let idx = br#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>http://a.example/s1.xml</loc></sitemap></sitemapindex>"#;
        let got = sitemap_links(&url("http://a.example/sitemap.xml"), idx).expect("parses");
        assert_eq!(got.urls.len(), 1);
        assert!(sitemap_links(&url("http://a.example/s.xml"), b"<urlset><url><loc>x").is_err());
        // An image sitemap: the images are not pages.
        let images = br#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
          <url><loc>http://a.example/page.html</loc><image:image><image:loc>http://a.example/photo.jpg</image:loc></image:image></url></urlset>"#;
        let got = sitemap_links(&url("http://a.example/sitemap.xml"), images).expect("parses");
        assert_eq!(got.urls.len(), 1);
        assert_eq!(got.urls[0].as_str(), "http://a.example/page.html");
    }

    #[test]
    fn rss_items() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Actus</title><link>http://a.example/</link>
          <item><title>Fibre</title><link>http://a.example/fibre.html</link></item></channel></rss>"#;
        let got = feed_links(&url("http://a.example/rss.xml"), rss).expect("parses");
        assert!(
            got.urls
                .iter()
                .any(|u| u.as_str() == "http://a.example/fibre.html")
        );
        assert_eq!(classify(Some("application/rss+xml"), rss), DocKind::Feed);
    }
}
