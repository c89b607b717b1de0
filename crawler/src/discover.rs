//! Discovering URLs: links in HTML (honouring `<base>`), sitemaps and sitemap indexes,
//! RSS/Atom items.

use std::sync::LazyLock;

use scraper::{Html, Selector};
use serde::Deserialize;
use url::Url;

use crate::canonical::canonicalize;
use crate::charset::decode_html;

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
    let doc = Html::parse_document(&decoded.text);
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

#[derive(Deserialize)]
struct Loc {
    loc: String,
}

#[derive(Deserialize)]
struct UrlSet {
    #[serde(rename = "url", default)]
    urls: Vec<Loc>,
}

#[derive(Deserialize)]
struct SitemapIndex {
    #[serde(rename = "sitemap", default)]
    sitemaps: Vec<Loc>,
}

/// URLs listed in a sitemap: page URLs from a `<urlset>`, sitemap URLs from a
/// `<sitemapindex>`. Gzipped sitemaps are accepted.
pub fn sitemap_links(sitemap_url: &Url, body: &[u8]) -> Result<Links, String> {
    let body = if body.starts_with(&[0x1f, 0x8b]) {
        crate::warc::http::decode_content_encoding(Some("gzip"), body)
    } else {
        body.into()
    };
    let text = String::from_utf8_lossy(&body);
    let text = text.trim_start_matches('\u{feff}');
    let locs: Vec<String> = if text.contains("<sitemapindex") {
        quick_xml::de::from_str::<SitemapIndex>(text)
            .map_err(|e| format!("sitemap index does not parse: {e}"))?
            .sitemaps
            .into_iter()
            .map(|l| l.loc)
            .collect()
    } else {
        quick_xml::de::from_str::<UrlSet>(text)
            .map_err(|e| format!("sitemap does not parse: {e}"))?
            .urls
            .into_iter()
            .map(|l| l.loc)
            .collect()
    };
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
