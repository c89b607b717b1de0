//! Scope: which discovered URLs a crawl may fetch.

use std::collections::HashSet;

use regex::Regex;
use url::Url;

use crate::config::CrawlConfig;

/// Why a URL is not fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutOfScope {
    /// On a host that is not a seed's (and matches no include pattern).
    OffSite,
    /// Matches an exclude pattern.
    Excluded,
    /// Deeper than the maximum depth.
    TooDeep,
    /// Too many query-string variants of one path (calendar-like trap).
    Trap,
    /// Too many redirects in a row.
    TooManyRedirects,
    /// The host's page budget is spent.
    HostBudget,
}

/// The scope rules of one crawl.
#[derive(Debug)]
pub struct Scope {
    hosts: HashSet<String>,
    same_host: bool,
    include: Vec<Regex>,
    exclude: Vec<Regex>,
    max_depth: u32,
}

impl Scope {
    /// Builds the rules from a validated config.
    pub fn new(config: &CrawlConfig) -> Result<Self, regex::Error> {
        let hosts = config
            .seeds
            .iter()
            .filter_map(|s| Url::parse(&s.url).ok())
            .filter_map(|u| u.host_str().map(str::to_ascii_lowercase))
            .collect();
        let compile = |v: &[String]| {
            v.iter()
                .map(|p| Regex::new(p))
                .collect::<Result<Vec<_>, _>>()
        };
        Ok(Self {
            hosts,
            same_host: config.scope.same_host,
            include: compile(&config.scope.include)?,
            exclude: compile(&config.scope.exclude)?,
            max_depth: config.scope.max_depth,
        })
    }

    /// Whether `url`, found at `depth`, may be fetched.
    pub fn check(&self, url: &Url, depth: u32) -> Result<(), OutOfScope> {
        let s = url.as_str();
        if self.exclude.iter().any(|r| r.is_match(s)) {
            return Err(OutOfScope::Excluded);
        }
        let on_seed_host = url
            .host_str()
            .is_some_and(|h| self.hosts.contains(&h.to_ascii_lowercase()));
        let included = self.include.iter().any(|r| r.is_match(s));
        if !(included || on_seed_host || !self.same_host) {
            return Err(OutOfScope::OffSite);
        }
        if depth > self.max_depth {
            return Err(OutOfScope::TooDeep);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Seed;

    #[test]
    fn seed_hosts_depth_and_patterns() {
        let mut cfg = CrawlConfig::default();
        cfg.seeds.push(Seed {
            url: "http://www.allonnes.example/".into(),
            insee: None,
            commune: None,
        });
        cfg.scope.max_depth = 3;
        cfg.scope.exclude.push(r"\.ics$".into());
        cfg.scope
            .include
            .push(r"^https://cdn\.allonnes\.example/".into());
        let scope = Scope::new(&cfg).expect("regexes compile");
        let u = |s: &str| Url::parse(s).expect("test URL");
        assert_eq!(
            scope.check(&u("http://www.allonnes.example/a.html"), 3),
            Ok(())
        );
        assert_eq!(
            scope.check(&u("http://www.allonnes.example/a.html"), 4),
            Err(OutOfScope::TooDeep)
        );
        assert_eq!(
            scope.check(&u("https://www.service-public.fr/"), 1),
            Err(OutOfScope::OffSite)
        );
        assert_eq!(
            scope.check(&u("https://cdn.allonnes.example/logo.png"), 1),
            Ok(())
        );
        assert_eq!(
            scope.check(&u("http://www.allonnes.example/agenda.ics"), 1),
            Err(OutOfScope::Excluded)
        );
    }
}
