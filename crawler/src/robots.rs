//! robots.txt rules per RFC 9309, parsed with the `texting_robots` crate.
//!
//! The status-code rules are ours: a 2xx body is parsed; 4xx means no rules (allow all);
//! 5xx or an unreachable server means disallow all, until the file can be read.

use texting_robots::Robot;

/// The robots.txt rules in force for one host.
#[derive(Debug)]
pub enum RobotsRules {
    /// No usable robots.txt (4xx, or unparsable): everything may be fetched.
    AllowAll,
    /// robots.txt unreachable or answering 5xx: nothing may be fetched.
    DisallowAll {
        /// Why (status or error), for the report.
        reason: String,
    },
    /// Parsed rules for our user agent.
    Parsed(Box<Robot>),
}

/// The product token of a user agent string (`Veille/0.1 (+…)` → `Veille`), which robots.txt
/// groups name.
pub fn product_token(user_agent: &str) -> &str {
    user_agent
        .split(|c: char| c == '/' || c.is_whitespace())
        .find(|s| !s.is_empty())
        .unwrap_or("*")
}

impl RobotsRules {
    /// Rules from a robots.txt response (status after redirects, and body).
    pub fn from_response(status: u16, body: &[u8], user_agent: &str) -> Self {
        match status {
            200..=299 => match Robot::new(product_token(user_agent), body) {
                Ok(robot) => Self::Parsed(Box::new(robot)),
                Err(e) => {
                    tracing::warn!("robots.txt could not be parsed ({e}); treating as allow-all");
                    Self::AllowAll
                }
            },
            400..=499 => Self::AllowAll,
            _ => Self::DisallowAll {
                reason: format!("robots.txt answered HTTP {status}"),
            },
        }
    }

    /// Rules when robots.txt could not be fetched at all (DNS, connection, timeout…).
    pub fn unreachable(error: &str) -> Self {
        Self::DisallowAll {
            reason: format!("robots.txt unreachable: {error}"),
        }
    }

    /// Whether `url` may be fetched.
    pub fn allowed(&self, url: &str) -> bool {
        match self {
            Self::AllowAll => true,
            Self::DisallowAll { .. } => false,
            Self::Parsed(robot) => robot.allowed(url),
        }
    }

    /// The Crawl-delay, in seconds, if one applies to us.
    pub fn crawl_delay(&self) -> Option<f64> {
        match self {
            Self::Parsed(robot) => robot
                .delay
                .map(f64::from)
                .filter(|d| d.is_finite() && *d > 0.0),
            _ => None,
        }
    }

    /// Sitemap URLs listed in the file.
    pub fn sitemaps(&self) -> &[String] {
        match self {
            Self::Parsed(robot) => &robot.sitemaps,
            _ => &[],
        }
    }

    /// A short description for the warcinfo/report (`obey`, `allow-all`, …).
    pub fn describe(&self) -> String {
        match self {
            Self::AllowAll => "allow-all (no robots.txt)".into(),
            Self::DisallowAll { reason } => format!("disallow-all ({reason})"),
            Self::Parsed(_) => "rules".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TXT: &[u8] = b"User-agent: *\nDisallow: /admin/\nCrawl-delay: 2\nSitemap: http://a.example/sitemap.xml\n\nUser-agent: Veille\nDisallow: /recherche\n";

    #[test]
    fn status_codes_follow_rfc_9309() {
        let ua = "Veille/0.1 (+https://x)";
        assert!(RobotsRules::from_response(404, b"", ua).allowed("http://a.example/x"));
        assert!(!RobotsRules::from_response(503, b"", ua).allowed("http://a.example/x"));
        assert!(!RobotsRules::unreachable("dns").allowed("http://a.example/"));
    }

    #[test]
    fn our_group_applies_and_sitemaps_are_read() {
        let rules = RobotsRules::from_response(200, TXT, "Veille/0.1 (+https://x)");
        assert!(!rules.allowed("http://a.example/recherche?q=fibre"));
        // Only the most specific group applies: ours does not disallow /admin/.
        assert!(rules.allowed("http://a.example/admin/"));
        let star = RobotsRules::from_response(200, TXT, "OtherBot/1.0");
        assert!(!star.allowed("http://a.example/admin/page.html"));
        assert_eq!(star.crawl_delay(), Some(2.0));
        assert_eq!(star.sitemaps(), ["http://a.example/sitemap.xml"]);
        assert_eq!(product_token("Veille/0.1 (+https://x)"), "Veille");
    }
}
