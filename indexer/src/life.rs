//! The life of a URL across crawls: every capture's outcome (online with a payload, online but
//! linked from nowhere, missing, redirected), and what follows from them: first and last
//! seen, whether the page changed, whether it is gone, since when and how.
//!
//! A page is **gone** when, after answering with content, its latest captures answer 404 or
//! 410, redirect to another page (to the home page: a redesign), or still answer while no
//! page, sitemap or feed of the site links to it any more (the crawler fetches such known
//! URLs once more at the end of a crawl and writes a `metadata` record saying so). A page that
//! answers again is no longer gone; its history keeps both events.
//!
//! ```
//! use indexer::life::{Life, Observed, State};
//! let mut life = Life::default();
//! life.observe(100, Observed::Online { digest: "sha1:A".into() });
//! life.observe(200, Observed::Missing { status: 404 });
//! let s = life.summary();
//! assert_eq!(s.state, State::Gone);
//! assert_eq!(s.gone.map(|g| g.since), Some(200));
//! life.observe(300, Observed::Online { digest: "sha1:A".into() });
//! assert_eq!(life.summary().state, State::Unchanged);
//! ```

use serde::{Deserialize, Serialize};

/// What one capture of a URL found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "k", rename_all = "lowercase")]
pub enum Observed {
    /// The page answered (2xx, or a revisit of such a capture) with this payload.
    Online {
        /// Payload digest.
        digest: String,
    },
    /// The page answered with this payload, but nothing of the crawl links to it any more.
    Unlinked {
        /// Payload digest.
        digest: String,
    },
    /// The page answered 404 or 410.
    Missing {
        /// The HTTP status.
        status: u16,
    },
    /// The page redirected to another page.
    Redirected {
        /// The redirect's target (absolute URL).
        to: String,
        /// Whether the target is the site's home page (a redesign).
        home: bool,
    },
}

impl Observed {
    /// The payload digest of a capture that answered.
    pub fn digest(&self) -> Option<&str> {
        match self {
            Self::Online { digest } | Self::Unlinked { digest } => Some(digest),
            _ => None,
        }
    }

    /// What a capture with this HTTP status and `Location` found, if it says anything of the
    /// page's life (5xx, 403 and the like are passing troubles: `None`). A redirect says
    /// nothing either when it leads to the same page (scheme, `www.`, trailing slash,
    /// `index.html`), to the same path on another host (the site moved, not the page), or
    /// from a home page to another form of it (`/` → `/fr/accueil`).
    pub fn from_response(
        url: &str,
        status: u16,
        location: Option<&str>,
        digest: &str,
    ) -> Option<Self> {
        match status {
            200..=299 => Some(Self::Online {
                digest: digest.to_string(),
            }),
            404 | 410 => Some(Self::Missing { status }),
            301 | 302 | 303 | 307 | 308 => {
                let base = url::Url::parse(url).ok()?;
                let target = base.join(location?.trim()).ok()?;
                let same_site = site(&base) == site(&target);
                let moved = !same_site
                    && trimmed_path(&base) == trimmed_path(&target)
                    && base.query() == target.query();
                if page_key(&base) == page_key(&target) || moved || (same_site && is_home(&base)) {
                    return None;
                }
                Some(Self::Redirected {
                    home: same_site && is_home(&target),
                    to: target.to_string(),
                })
            }
            _ => None,
        }
    }
}

/// A URL's site: its host without `www.`.
fn site(u: &url::Url) -> String {
    let host = u.host_str().unwrap_or_default().to_ascii_lowercase();
    host.strip_prefix("www.").unwrap_or(&host).to_string()
}

/// A URL's identity for "the same page": site, path without trailing slash or index file, and
/// query; the scheme is left out.
fn page_key(u: &url::Url) -> String {
    format!(
        "{}{}?{}",
        site(u),
        trimmed_path(u),
        u.query().unwrap_or_default()
    )
}

/// The path without a trailing slash or a final `index.*` file.
fn trimmed_path(u: &url::Url) -> String {
    let path = u.path();
    let path = match path.rsplit_once('/') {
        Some((dir, last)) if last.starts_with("index.") || last.starts_with("default.") => dir,
        _ => path,
    };
    path.trim_end_matches('/').to_ascii_lowercase()
}

/// Whether a URL is a site's home page: its root, an index file, or a one-word language or
/// « accueil » path, without query.
fn is_home(u: &url::Url) -> bool {
    if u.query().is_some_and(|q| !q.is_empty()) {
        return false;
    }
    let path = trimmed_path(u);
    let path = path.trim_start_matches('/');
    path.is_empty()
        || matches!(
            path,
            "fr" | "fr-fr" | "accueil" | "home" | "fr/accueil" | "portail" | "site"
        )
}

/// How a page went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "how", rename_all = "kebab-case")]
pub enum GoneHow {
    /// 404 Not Found.
    NotFound,
    /// 410 Gone.
    Removed,
    /// Redirected to the site's home page (a redesign).
    RedirectHome {
        /// The target.
        to: String,
    },
    /// Redirected to another page.
    Redirect {
        /// The target.
        to: String,
    },
    /// Still online, but nothing links to it.
    Unlinked,
}

impl GoneHow {
    /// The short name stored in the index (`404`, `410`, `redirect-home`, `redirect`,
    /// `unlinked`).
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotFound => "404",
            Self::Removed => "410",
            Self::RedirectHome { .. } => "redirect-home",
            Self::Redirect { .. } => "redirect",
            Self::Unlinked => "unlinked",
        }
    }

    /// The redirect's target, if any.
    pub fn target(&self) -> Option<&str> {
        match self {
            Self::RedirectHome { to } | Self::Redirect { to } => Some(to),
            _ => None,
        }
    }

    /// The way stored as [`GoneHow::code`], with the redirect's target.
    pub fn from_code(code: &str, to: Option<&str>) -> Option<Self> {
        let to = || to.unwrap_or_default().to_string();
        Some(match code {
            "404" => Self::NotFound,
            "410" => Self::Removed,
            "redirect-home" => Self::RedirectHome { to: to() },
            "redirect" => Self::Redirect { to: to() },
            "unlinked" => Self::Unlinked,
            _ => return None,
        })
    }

    /// How a page went, in French, from the code and target stored in the index (empty for
    /// an unknown code).
    pub fn words_of(code: Option<&str>, to: Option<&str>) -> String {
        code.and_then(|c| Self::from_code(c, to))
            .map(|g| g.words_fr())
            .unwrap_or_default()
    }

    /// How the page went, in French.
    pub fn words_fr(&self) -> String {
        match self {
            Self::NotFound => "page introuvable (404)".into(),
            Self::Removed => "page supprimée (410)".into(),
            Self::RedirectHome { .. } => "redirigée vers la page d'accueil".into(),
            Self::Redirect { to } => format!("redirigée vers {to}"),
            Self::Unlinked => "plus aucun lien du site n'y mène (la page répond encore)".into(),
        }
    }

    fn of(o: &Observed) -> Option<Self> {
        Some(match o {
            Observed::Missing { status: 410 } => Self::Removed,
            Observed::Missing { .. } => Self::NotFound,
            Observed::Redirected { to, home: true } => Self::RedirectHome { to: to.clone() },
            Observed::Redirected { to, home: false } => Self::Redirect { to: to.clone() },
            Observed::Unlinked { .. } => Self::Unlinked,
            Observed::Online { .. } => return None,
        })
    }
}

/// The state of a page, as filtered and counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Gone from its site (see [`GoneHow`]).
    Gone,
    /// Online, with more than one content over its captures.
    Changed,
    /// Online, captured several times with the same content.
    Unchanged,
    /// Captured once.
    Once,
}

impl State {
    /// Every state, in display order.
    pub const ALL: [State; 4] = [State::Gone, State::Changed, State::Unchanged, State::Once];

    /// The name stored in the index and used in filters (`gone`, `changed`, `unchanged`,
    /// `once`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Gone => "gone",
            Self::Changed => "changed",
            Self::Unchanged => "unchanged",
            Self::Once => "once",
        }
    }

    /// Parses a state name (English or the French words of the form).
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_lowercase().as_str() {
            "gone" | "disparue" | "disparues" => Some(Self::Gone),
            "changed" | "modifiee" | "modifiée" | "modifiees" | "modifiées" => {
                Some(Self::Changed)
            }
            "unchanged" | "inchangee" | "inchangée" | "inchangees" | "inchangées" => {
                Some(Self::Unchanged)
            }
            "once" | "une-fois" | "une fois" | "capturees-une-fois" | "capturées une fois" => {
                Some(Self::Once)
            }
            _ => None,
        }
    }

    /// The French label of the form's filter.
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::Gone => "disparues du site",
            Self::Changed => "modifiées",
            Self::Unchanged => "inchangées",
            Self::Once => "capturées une fois",
        }
    }
}

/// When and how a page went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gone {
    /// Unix seconds of the first capture that found it gone.
    pub since: i64,
    /// How.
    #[serde(flatten)]
    pub how: GoneHow,
}

/// What a URL's captures say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// First capture that answered (Unix seconds).
    pub first_seen: Option<i64>,
    /// Last capture that answered.
    pub last_seen: Option<i64>,
    /// Gone since, and how; `None` when online.
    pub gone: Option<Gone>,
    /// Distinct contents captured.
    pub versions: usize,
    /// Payload digest of the latest content captured.
    pub latest_digest: Option<String>,
    /// The state.
    pub state: State,
}

/// One step of a URL's history, in words for the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum Event {
    /// First capture that answered.
    Appeared,
    /// The content differs from the capture before.
    Changed,
    /// Same content as the capture before.
    Unchanged,
    /// The page went.
    Went {
        /// How.
        #[serde(flatten)]
        how: GoneHow,
    },
    /// Still gone (same way).
    StillGone,
    /// Answered again after being gone.
    CameBack,
}

impl Event {
    /// The event in French.
    pub fn words_fr(&self) -> String {
        match self {
            Self::Appeared => "première capture".into(),
            Self::Changed => "contenu modifié".into(),
            Self::Unchanged => "contenu inchangé".into(),
            Self::Went { how } => format!("disparue : {}", how.words_fr()),
            Self::StillGone => "toujours disparue".into(),
            Self::CameBack => "revenue en ligne".into(),
        }
    }
}

/// Every capture outcome of a URL, in time order (one per second: a capture's `metadata`
/// record saying it is unlinked turns its `Online` into `Unlinked`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Life {
    /// `(Unix seconds, outcome)`, sorted by time.
    pub captures: Vec<(i64, Observed)>,
}

impl Life {
    /// Reads the JSON stored in the index (an empty life when absent or unreadable).
    pub fn from_json(json: Option<&str>) -> Self {
        json.and_then(|j| serde_json::from_str(j).ok())
            .unwrap_or_default()
    }

    /// The JSON stored in the index.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Adds a capture's outcome; adding one already known changes nothing.
    pub fn observe(&mut self, at: i64, what: Observed) {
        match self.captures.binary_search_by_key(&at, |(t, _)| *t) {
            Ok(i) => {
                let known = &mut self.captures[i].1;
                // Online + unlinked at the same instant: the capture of an unlinked page.
                if let (Observed::Online { digest }, Observed::Unlinked { .. }) = (&*known, &what) {
                    *known = Observed::Unlinked {
                        digest: digest.clone(),
                    };
                } else if !matches!(
                    (&*known, &what),
                    (Observed::Unlinked { .. }, Observed::Online { .. })
                ) {
                    *known = what;
                }
            }
            Err(i) => self.captures.insert(i, (at, what)),
        }
    }

    /// Marks the capture at `at` as one of a page nothing links to (a `metadata` record).
    pub fn mark_unlinked(&mut self, at: i64) {
        if let Ok(i) = self.captures.binary_search_by_key(&at, |(t, _)| *t)
            && let Observed::Online { digest } = &self.captures[i].1
        {
            self.captures[i].1 = Observed::Unlinked {
                digest: digest.clone(),
            };
        }
    }

    /// Merges another record of the same URL's life.
    pub fn merge(&mut self, other: Life) {
        for (at, what) in other.captures {
            self.observe(at, what);
        }
    }

    /// What the captures say.
    pub fn summary(&self) -> Summary {
        let answered = || self.captures.iter().filter(|(_, o)| o.digest().is_some());
        let first_seen = answered().next().map(|(t, _)| *t);
        let last_seen = answered().next_back().map(|(t, _)| *t);
        let mut digests: Vec<&str> = answered().filter_map(|(_, o)| o.digest()).collect();
        let latest_digest = digests.last().map(|d| d.to_string());
        digests.sort_unstable();
        digests.dedup();
        let versions = digests.len();
        // Gone: the trailing captures that are not plain `Online`, after one that answered;
        // since the first of them, the way the latest says (a page found missing, then
        // answering again unlinked, is now unlinked).
        let mut gone = None;
        if first_seen.is_some() {
            let now = self.captures.last().and_then(|(_, o)| GoneHow::of(o));
            let since = self
                .captures
                .iter()
                .rev()
                .take_while(|(_, o)| GoneHow::of(o).is_some())
                .last()
                .map(|(at, _)| *at);
            if let (Some(how), Some(since)) = (now, since) {
                gone = Some(Gone { since, how });
            }
            // Never captured linked: not known to have been part of the site.
            if !self
                .captures
                .iter()
                .any(|(_, o)| matches!(o, Observed::Online { .. }))
            {
                gone = None;
            }
        }
        let state = if gone.is_some() {
            State::Gone
        } else if versions > 1 {
            State::Changed
        } else if answered().count() > 1 {
            State::Unchanged
        } else {
            State::Once
        };
        Summary {
            first_seen,
            last_seen,
            gone,
            versions,
            latest_digest,
            state,
        }
    }

    /// Each capture with what it means, in time order.
    pub fn events(&self) -> Vec<(i64, Event)> {
        let mut out = Vec::with_capacity(self.captures.len());
        let mut last_digest: Option<&str> = None;
        let mut gone_as: Option<GoneHow> = None;
        for (at, o) in &self.captures {
            let event = match (GoneHow::of(o), o.digest()) {
                // Unlinked after being linked: gone; a payload seen again counts too.
                (Some(how), _) if last_digest.is_some() => {
                    if gone_as.as_ref().is_some_and(|g| g.code() == how.code()) {
                        Event::StillGone
                    } else {
                        gone_as = Some(how.clone());
                        Event::Went { how }
                    }
                }
                (_, Some(d)) => {
                    let e = if gone_as.take().is_some() {
                        Event::CameBack
                    } else {
                        match last_digest {
                            None => Event::Appeared,
                            Some(p) if p == d => Event::Unchanged,
                            Some(_) => Event::Changed,
                        }
                    };
                    last_digest = Some(d);
                    e
                }
                // Missing or redirected before ever answering: nothing to tell.
                _ => continue,
            };
            out.push((*at, event));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn online(d: &str) -> Observed {
        Observed::Online { digest: d.into() }
    }

    #[test]
    fn a_page_that_changes_goes_and_comes_back() {
        let mut life = Life::default();
        // Out of order on purpose: files are not always indexed in time order.
        life.observe(30, Observed::Missing { status: 404 });
        life.observe(10, online("A"));
        life.observe(20, online("B"));
        let s = life.summary();
        assert_eq!(s.state, State::Gone);
        assert_eq!(
            s.gone,
            Some(Gone {
                since: 30,
                how: GoneHow::NotFound
            })
        );
        assert_eq!(
            (s.first_seen, s.last_seen, s.versions),
            (Some(10), Some(20), 2)
        );
        life.observe(40, Observed::Missing { status: 404 });
        assert_eq!(
            life.summary().gone.map(|g| g.since),
            Some(30),
            "since the first"
        );
        // Answering again, but unlinked: still gone, now as unlinked, since the 404.
        life.observe(45, Observed::Unlinked { digest: "B".into() });
        let s = life.summary();
        assert_eq!(
            s.gone,
            Some(Gone {
                since: 30,
                how: GoneHow::Unlinked
            })
        );
        life.captures.retain(|(t, _)| *t != 45);
        life.observe(50, online("B"));
        let s = life.summary();
        assert_eq!(s.state, State::Changed);
        assert_eq!(s.gone, None);
        let events: Vec<Event> = life.events().into_iter().map(|(_, e)| e).collect();
        assert_eq!(
            events,
            vec![
                Event::Appeared,
                Event::Changed,
                Event::Went {
                    how: GoneHow::NotFound
                },
                Event::StillGone,
                Event::CameBack
            ]
        );
    }

    #[test]
    fn observing_twice_changes_nothing_and_unlinked_wins_at_the_same_instant() {
        let mut life = Life::default();
        life.observe(10, online("A"));
        life.observe(20, online("A"));
        let before = life.clone();
        life.observe(20, online("A"));
        assert_eq!(life, before);
        assert_eq!(life.summary().state, State::Unchanged);
        life.mark_unlinked(20);
        life.observe(20, online("A"));
        let s = life.summary();
        assert_eq!(s.state, State::Gone);
        assert_eq!(s.gone.map(|g| g.how), Some(GoneHow::Unlinked));
        assert_eq!(s.last_seen, Some(20), "an unlinked page still answers");
    }

    #[test]
    fn redirects_to_the_home_page_are_a_redesign_and_to_the_same_page_nothing() {
        let url = "http://www.ville.example/actualites/2013/travaux.html";
        let home = Observed::from_response(url, 301, Some("/"), "");
        assert_eq!(
            home,
            Some(Observed::Redirected {
                to: "http://www.ville.example/".into(),
                home: true
            })
        );
        // Another site's home page is not this site's redesign; a home page redirecting to
        // another form of itself and a site moving to another host say nothing.
        assert!(matches!(
            Observed::from_response(url, 301, Some("https://www.service-public.fr/"), ""),
            Some(Observed::Redirected { home: false, .. })
        ));
        assert_eq!(
            Observed::from_response("http://www.ville.example/", 302, Some("/fr/accueil"), ""),
            None
        );
        assert_eq!(
            Observed::from_response(
                url,
                301,
                Some("https://www.nouvelle-ville.example/actualites/2013/travaux.html"),
                ""
            ),
            None
        );
        for other_home in ["https://ville.example/index.php", "/fr/", "/accueil"] {
            assert!(
                matches!(
                    Observed::from_response(url, 302, Some(other_home), ""),
                    Some(Observed::Redirected { home: true, .. })
                ),
                "{other_home}"
            );
        }
        assert!(matches!(
            Observed::from_response(url, 301, Some("/actualites/travaux-2013"), ""),
            Some(Observed::Redirected { home: false, .. })
        ));
        for same in [
            "https://www.ville.example/actualites/2013/travaux.html",
            "http://ville.example/actualites/2013/travaux.html/",
        ] {
            assert_eq!(
                Observed::from_response(url, 301, Some(same), ""),
                None,
                "{same}"
            );
        }
        assert_eq!(Observed::from_response(url, 503, None, ""), None);
        assert_eq!(Observed::from_response(url, 301, None, ""), None);
        assert!(!is_home(
            &url::Url::parse("http://a.example/?page=2").expect("url")
        ));
    }

    #[test]
    fn missing_before_ever_answering_is_not_gone() {
        let mut life = Life::default();
        life.observe(10, Observed::Missing { status: 404 });
        assert_eq!(life.summary().gone, None);
        assert!(life.events().is_empty());
        life.observe(20, online("A"));
        assert_eq!(life.summary().state, State::Once);
    }

    #[test]
    fn life_round_trips_through_json_and_bad_json_is_empty() {
        let mut life = Life::default();
        life.observe(10, online("A"));
        life.observe(
            20,
            Observed::Redirected {
                to: "http://a/".into(),
                home: true,
            },
        );
        assert_eq!(Life::from_json(Some(&life.to_json())), life);
        assert_eq!(Life::from_json(Some("{oops")), Life::default());
    }
}
