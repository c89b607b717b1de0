//! URL canonicalisation, so that one page is fetched once.
//!
//! Parsing with the `url` crate already lowercases the host, removes default ports and
//! resolves dot-segments; on top of that we drop the fragment and strip tracking (`utm_*`,
//! `fbclid`, …) and session parameters (`PHPSESSID`, `;jsessionid=…`, …).

use url::Url;

/// Query parameters removed by name (compared case-insensitively).
const STRIPPED_PARAMS: &[&str] = &[
    "phpsessid",
    "jsessionid",
    "sid",
    "sessionid",
    "session_id",
    "aspsessionid",
    "cfid",
    "cftoken",
    "gclid",
    "dclid",
    "fbclid",
    "msclkid",
    "mc_cid",
    "mc_eid",
    "xtor",
    "_ga",
    "yclid",
];

fn is_stripped(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.starts_with("utm_")
        || lower.starts_with("aspsessionid")
        || STRIPPED_PARAMS.contains(&lower.as_str())
}

/// Returns the canonical form of an http(s) URL, or `None` for other schemes.
///
/// ```
/// use web::canonical::canonicalize;
/// let u = url::Url::parse("HTTP://www.Allonnes.example:80/a/../actus.html;jsessionid=A1?utm_source=x&page=2#top").unwrap();
/// assert_eq!(canonicalize(&u).unwrap().as_str(), "http://www.allonnes.example/actus.html?page=2");
/// ```
pub fn canonicalize(url: &Url) -> Option<Url> {
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return None;
    }
    let mut out = url.clone();
    out.set_fragment(None);
    // Path parameters carrying a session: `/page.html;jsessionid=ABC`.
    let path = out.path();
    if path.contains(';') {
        let cleaned: Vec<String> = path
            .split('/')
            .map(|segment| {
                let mut parts = segment.split(';');
                let head = parts.next().unwrap_or_default().to_string();
                parts.fold(head, |acc, param| {
                    let name = param.split('=').next().unwrap_or_default();
                    if is_stripped(name) {
                        acc
                    } else {
                        format!("{acc};{param}")
                    }
                })
            })
            .collect();
        out.set_path(&cleaned.join("/"));
    }
    if let Some(query) = out.query() {
        let kept: Vec<&str> = query
            .split('&')
            .filter(|pair| {
                let name = pair.split('=').next().unwrap_or_default();
                !pair.is_empty() && !is_stripped(name)
            })
            .collect();
        if kept.is_empty() {
            out.set_query(None);
        } else {
            let joined = kept.join("&");
            out.set_query(Some(&joined));
        }
    }
    Some(out)
}

/// Parses `href` against `base` and canonicalises it; `None` for non-web links
/// (`mailto:`, `tel:`, `javascript:`, `data:`) and unparsable ones.
pub fn resolve_link(base: &Url, href: &str) -> Option<Url> {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    let joined = base.join(href).ok()?;
    canonicalize(&joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(s: &str) -> String {
        canonicalize(&Url::parse(s).expect("test URL parses"))
            .map(|u| u.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn strips_tracking_and_sessions_keeps_real_parameters() {
        assert_eq!(
            canon("http://a.example/x.html?utm_source=nl&utm_medium=email"),
            "http://a.example/x.html"
        );
        assert_eq!(
            canon("http://a.example/x.html?PHPSESSID=3f9a&id=4"),
            "http://a.example/x.html?id=4"
        );
        assert_eq!(
            canon("http://a.example/x.html;jsessionid=A1B2C3"),
            "http://a.example/x.html"
        );
        assert_eq!(
            canon("http://a.example/agenda?mois=2013-02"),
            "http://a.example/agenda?mois=2013-02"
        );
    }

    #[test]
    fn normalises_host_port_dots_and_fragment() {
        assert_eq!(
            canon("http://WWW.A.example:80/a/./b/../c.html#commentaires"),
            "http://www.a.example/a/c.html"
        );
        assert_eq!(canon("https://a.example:443"), "https://a.example/");
        assert_eq!(canon("http://a.example:8080/"), "http://a.example:8080/");
    }

    #[test]
    fn rejects_non_web_links() {
        let base = Url::parse("http://a.example/actus/").expect("base parses");
        for href in [
            "mailto:mairie@a.example",
            "tel:+33243000000",
            "javascript:window.print()",
            "#contenu",
            "",
        ] {
            assert!(resolve_link(&base, href).is_none(), "{href}");
        }
        assert_eq!(
            resolve_link(&base, "../b.html#x").map(|u| u.to_string()),
            Some("http://a.example/b.html".into())
        );
    }
}
