//! What every handler shares: the index, the capture table, the labels and the limits.

use std::path::Path;
use std::sync::Arc;

use indexer::communes::Communes;
use indexer::query::{QueryError, SearchIndex};
use indexer::topics::Taxonomy;

use crate::cache::ResponseCache;
use crate::captures::CaptureStore;
use crate::params::Limits;

/// Display names: topics (taxonomy order) and the communes of France.
pub struct Labels {
    /// Topic id and label.
    pub topics: Vec<(String, String)>,
    /// Communes and départements.
    pub communes: std::sync::Arc<Communes>,
}

impl Labels {
    /// The bundled taxonomy, and the communes list the index loads for its filters.
    pub fn load(index: &SearchIndex) -> anyhow::Result<Self> {
        let taxonomy = Taxonomy::bundled()?;
        Ok(Self {
            topics: taxonomy
                .topics()
                .map(|(id, label)| (id.to_string(), label.to_string()))
                .collect(),
            communes: index.communes(),
        })
    }

    /// The label of a topic id (the id itself when unknown).
    pub fn topic(&self, id: &str) -> String {
        self.topics
            .iter()
            .find(|(t, _)| t == id)
            .map_or_else(|| id.to_string(), |(_, l)| l.clone())
    }
}

/// Searches run at once by default: two per core. The index's pool of one thread per core
/// searches their segments; the rest of each search (stored documents, snippets, the
/// response) overlaps with the others' (4 on 2 cores: 524 requests/s and p99 24.8 ms at
/// 1M documents, against 442 and 26–28 ms with 2: BENCHMARKS.md).
pub fn default_searches() -> usize {
    2 * std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// Replays served at once; the others wait.
pub const REPLAYS_AT_ONCE: usize = 8;

/// Rendered search responses kept by default.
pub const DEFAULT_CACHE_ENTRIES: usize = 1000;

/// Archived documents served from an origin of their own (`--replay-bind`), as pywb
/// advises: their scripts then share nothing with the search site, even without the CSP.
#[derive(Debug, Clone)]
pub struct ReplayOrigin {
    /// Base URL of the replay origin (`http://localhost:8081`), no trailing slash.
    pub replay_url: String,
    /// Base URL of the search site, for archived links back to the framed replay.
    pub site_url: String,
}

impl ReplayOrigin {
    /// Both origins, from absolute http(s) URLs (kept as their ASCII origin:
    /// `http://localhost:8081`); an error says which URL is not one, or that they are the
    /// same origin.
    pub fn new(replay_url: &str, site_url: &str) -> Result<Self, String> {
        let origin = |what: &str, value: &str| -> Result<String, String> {
            let url = url::Url::parse(value)
                .map_err(|e| format!("{what} {value:?} is not an absolute URL ({e})"))?;
            if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
                return Err(format!(
                    "{what} {value:?} is not an http(s) URL with a host"
                ));
            }
            let unspecified = match url.host() {
                Some(url::Host::Ipv4(ip)) => ip.is_unspecified(),
                Some(url::Host::Ipv6(ip)) => ip.is_unspecified(),
                _ => false,
            };
            if unspecified {
                return Err(format!(
                    "{what} {value:?} is a listening address, not one browsers reach: give the URL"
                ));
            }
            Ok(url.origin().ascii_serialization())
        };
        let replay_url = origin("the replay URL (--replay-url)", replay_url)?;
        let site_url = origin("the search site's URL (--public-url)", site_url)?;
        if replay_url == site_url {
            return Err(format!(
                "the replay origin must differ from the search site's ({site_url})"
            ));
        }
        Ok(Self {
            replay_url,
            site_url,
        })
    }
}

/// The server's shared state.
pub struct AppState {
    /// The search index (reloads on the indexer's commits).
    pub index: SearchIndex,
    /// Where the captures are.
    pub captures: CaptureStore,
    /// Display names.
    pub labels: Labels,
    /// Limits on requests.
    pub limits: Limits,
    /// Rendered search responses of the current index generation.
    pub cache: ResponseCache,
    /// Replays running at once (each holds a whole record).
    pub replays: tokio::sync::Semaphore,
    /// Searches running at once ([`default_searches`]); the others wait their turn.
    pub searches: tokio::sync::Semaphore,
    /// Documents per commune in the whole index, for the current index generation.
    pub commune_counts: std::sync::Mutex<Option<(u64, std::collections::BTreeMap<String, u64>)>>,
    /// Where archived documents are served, when not from the search site itself.
    pub replay_origin: Option<ReplayOrigin>,
}

/// The state as handlers receive it.
pub type Shared = Arc<AppState>;

impl AppState {
    /// Opens the index in `index_dir` and reads the captures under `warcs_dir`.
    pub fn open(index_dir: &Path, warcs_dir: &Path, limits: Limits) -> anyhow::Result<Self> {
        let index = SearchIndex::open(index_dir).map_err(|e| {
            anyhow::anyhow!(
                "{e}\nBuild the index first: `indexer index --index {} WARC_DIR`, or run `search-server demo`.",
                index_dir.display()
            )
        })?;
        if !warcs_dir.is_dir() {
            anyhow::bail!(
                "{} is not a directory of WARC files: pass --warcs DIR (the crawl's output directory)",
                warcs_dir.display()
            );
        }
        let labels = Labels::load(&index)?;
        let captures = CaptureStore::new(warcs_dir);
        let counts = captures.refresh();
        tracing::info!(
            files = counts.files,
            captures = counts.captures,
            "captures of {} loaded",
            warcs_dir.display()
        );
        Ok(Self {
            index,
            captures,
            labels,
            limits,
            cache: ResponseCache::new(DEFAULT_CACHE_ENTRIES),
            replays: tokio::sync::Semaphore::new(REPLAYS_AT_ONCE),
            searches: tokio::sync::Semaphore::new(default_searches()),
            commune_counts: std::sync::Mutex::new(None),
            replay_origin: None,
        })
    }

    /// Runs at most `n` searches at once (at least 1).
    pub fn with_max_searches(mut self, n: usize) -> Self {
        self.searches = tokio::sync::Semaphore::new(n.max(1));
        self
    }

    /// Serves archived documents from `origin` (a second listener, [`crate::app::serve_replay`]).
    pub fn with_replay_origin(mut self, origin: ReplayOrigin) -> Self {
        self.replay_origin = Some(origin);
        self
    }

    /// Keeps at most `entries` rendered search responses (0: none).
    pub fn with_cache(mut self, entries: usize) -> Self {
        self.cache = ResponseCache::new(entries);
        self
    }
}

impl AppState {
    /// The life of the page whose captures are `captures` (they match other spellings of its
    /// URL): that of the most recently captured spelling the index knows, each looked up once.
    pub fn life_of(&self, captures: &[crate::captures::CaptureLoc]) -> Option<indexer::life::Life> {
        let mut tried = std::collections::HashSet::new();
        captures
            .iter()
            .rev()
            .filter(|c| tried.insert(c.url.as_str()))
            .find_map(|c| self.index.life(&c.url).ok().flatten())
    }

    /// Documents per commune (INSEE code) in the whole index, counted once per index
    /// generation.
    pub fn commune_counts(&self) -> std::collections::BTreeMap<String, u64> {
        let generation = self.index.generation();
        if let Ok(cached) = self.commune_counts.lock()
            && let Some((g, counts)) = cached.as_ref()
            && *g == generation
        {
            return counts.clone();
        }
        let counts = self
            .index
            .search(&indexer::query::SearchRequest {
                limit: 1,
                no_snippets: true,
                ..Default::default()
            })
            .map(|r| r.facets.communes)
            .unwrap_or_default();
        if let Ok(mut cached) = self.commune_counts.lock() {
            *cached = Some((generation, counts.clone()));
        }
        counts
    }
}

/// A query error in French, with the indexer's own wording as detail.
pub fn query_error_fr(e: &QueryError) -> String {
    match e {
        QueryError::Syntax { column, message } => {
            let fr = if message.starts_with("unclosed quote") {
                "guillemet non fermé : terminez l'expression par \"".to_string()
            } else if message.starts_with("closing parenthesis") {
                "parenthèse fermante sans parenthèse ouvrante".to_string()
            } else if message.starts_with("unclosed parenthesis") {
                "parenthèse non fermée".to_string()
            } else if let Some(op) = message.strip_suffix(" needs a word on each side") {
                format!("{op} demande un mot de chaque côté")
            } else if let Some(rest) = message.strip_prefix("unknown field ") {
                format!(
                    "champ inconnu {}",
                    rest.replace("; fields:", " ; champs possibles :")
                )
            } else {
                message.clone()
            };
            format!("Requête mal formée (colonne {column}) : {fr}.")
        }
        QueryError::Filter(message) => {
            if message.starts_with("no commune named") {
                "Aucune commune de ce nom : donnez le nom exact ou le code INSEE (72003).".into()
            } else if message.contains("is ambiguous") {
                format!(
                    "Plusieurs communes portent ce nom ; choisissez par code INSEE : {}.",
                    message
                        .split_once(": ")
                        .map_or("", |(_, list)| list)
                        .trim_end_matches("; give the INSEE code")
                )
            } else {
                format!("Filtre invalide : {message}")
            }
        }
        QueryError::Index(e) => format!("Erreur de lecture de l'index : {e}"),
        QueryError::Io(e) => format!("Erreur d'écriture : {e}"),
    }
}

/// Shares a state.
pub fn shared(state: AppState) -> Shared {
    Arc::new(state)
}

#[cfg(test)]
mod origin_tests {
    use super::ReplayOrigin;

    #[test]
    fn origins_are_absolute_distinct_and_reachable() {
        let o = ReplayOrigin::new("http://localhost:8081/", "http://127.0.0.1:8080").expect("ok");
        assert_eq!(o.replay_url, "http://localhost:8081");
        assert_eq!(o.site_url, "http://127.0.0.1:8080");
        // An internationalised host is written in ASCII, fit for a header.
        let o = ReplayOrigin::new("https://rejeu.mairie-évry.fr/", "https://mairie-évry.fr")
            .expect("ok");
        assert!(o.replay_url.is_ascii() && o.replay_url.starts_with("https://rejeu.xn--"));
        for (replay, site) in [
            ("http://localhost:8081", "/"),
            ("//evil.example", "http://127.0.0.1:8080"),
            ("javascript:alert(1)", "http://127.0.0.1:8080"),
            ("http://0.0.0.0:8081", "http://127.0.0.1:8080"),
            ("http://127.0.0.1:8080/replay", "http://127.0.0.1:8080"),
        ] {
            assert!(ReplayOrigin::new(replay, site).is_err(), "{replay} {site}");
        }
    }
}
