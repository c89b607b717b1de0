//! The search parameters shared by the web form, the JSON API and the exports: read from the
//! query string, checked against the server's limits, turned into the indexer's
//! [`SearchRequest`], and written back into links (facets, pages, exports).

use chrono::NaiveDate;
use indexer::query::{SearchRequest, Sort};
use serde::Serialize;

/// The server's limits, each stated in the message of the error it causes.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Longest query, in characters.
    pub max_query_chars: usize,
    /// Largest page.
    pub max_page_size: usize,
    /// Deepest result reachable by paging (`page × per_page`).
    pub max_depth: usize,
    /// Most results in one export.
    pub max_export: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_query_chars: 500,
            max_page_size: 100,
            max_depth: 10_000,
            max_export: 10_000,
        }
    }
}

/// One parameter of a query string, trimmed; `None` when absent or empty.
pub fn query_param(raw: Option<&str>, name: &str) -> Option<String> {
    url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// The last page that can be asked for: every result shown, but no page reaching past
/// `max_depth` results (at least 1).
pub fn last_page(total: usize, per_page: usize, max_depth: usize) -> usize {
    let per = per_page.max(1);
    total.div_ceil(per).min(max_depth / per).max(1)
}

/// Default page size.
pub const DEFAULT_PAGE_SIZE: usize = 10;

/// A parameter that is not valid: which one and why (in French, for the form and the API).
#[derive(Debug, Clone, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct ParamError {
    /// The parameter.
    pub parameter: &'static str,
    /// What is wrong and what to do.
    pub message: String,
}

/// The search parameters of a request.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SearchParams {
    /// Query text.
    pub q: String,
    /// Commune (name or INSEE code).
    pub commune: String,
    /// Département code.
    pub departement: String,
    /// Topic ids.
    pub topics: Vec<String>,
    /// Only digital-policy documents.
    pub digital: bool,
    /// Page types (`article`, `listing`, `home`, `agenda`, `other`), any of them.
    pub page_types: Vec<String>,
    /// Page states (`gone`, `changed`, `unchanged`, `once`), any of them.
    pub states: Vec<String>,
    /// Published from (`AAAA-MM-JJ` or `AAAA`).
    pub from: String,
    /// Published until.
    pub to: String,
    /// `pertinence` or `date`.
    pub sort: String,
    /// 1-based page.
    pub page: usize,
    /// Page size.
    pub per_page: usize,
}

impl SearchParams {
    /// Reads the parameters of a query string (repeated `topic` allowed).
    pub fn from_query(query: Option<&str>) -> Self {
        let mut p = Self {
            page: 1,
            per_page: DEFAULT_PAGE_SIZE,
            ..Self::default()
        };
        let mut page_raw = String::new();
        let mut per_raw = String::new();
        for (k, v) in url::form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
            let v = v.trim().to_string();
            match k.as_ref() {
                "q" => p.q = v,
                "commune" => p.commune = v,
                "departement" => p.departement = v,
                "topic" | "theme" if !v.is_empty() && !p.topics.contains(&v) => p.topics.push(v),
                "digital" | "numerique" => p.digital = !matches!(v.as_str(), "" | "0" | "false"),
                "page_type" | "type" if !v.is_empty() && !p.page_types.contains(&v) => {
                    p.page_types.push(v)
                }
                "state" | "etat" if !v.is_empty() && !p.states.contains(&v) => p.states.push(v),
                "from" | "du" => p.from = v,
                "to" | "au" => p.to = v,
                "sort" | "tri" => p.sort = v,
                "page" => page_raw = v,
                "per_page" | "limit" => per_raw = v,
                _ => {}
            }
        }
        p.page = page_raw
            .parse()
            .unwrap_or(if page_raw.is_empty() { 1 } else { 0 });
        p.per_page = per_raw.parse().unwrap_or(if per_raw.is_empty() {
            DEFAULT_PAGE_SIZE
        } else {
            0
        });
        p
    }

    /// Whether the request asks for a search (any query or filter).
    pub fn is_search(&self) -> bool {
        !self.q.is_empty()
            || !self.commune.is_empty()
            || !self.departement.is_empty()
            || !self.topics.is_empty()
            || self.digital
            || !self.page_types.is_empty()
            || !self.states.is_empty()
            || !self.from.is_empty()
            || !self.to.is_empty()
    }

    /// The indexer request for these parameters, checked against `limits`.
    pub fn to_request(&self, limits: &Limits) -> Result<SearchRequest, ParamError> {
        let chars = self.q.chars().count();
        if chars > limits.max_query_chars {
            return Err(ParamError {
                parameter: "q",
                message: format!(
                    "La requête est trop longue : {chars} caractères, au plus {} ; raccourcissez-la.",
                    limits.max_query_chars
                ),
            });
        }
        if self.per_page == 0 || self.per_page > limits.max_page_size {
            return Err(ParamError {
                parameter: "per_page",
                message: format!(
                    "Le nombre de résultats par page doit aller de 1 à {} (reçu : {}).",
                    limits.max_page_size, self.per_page
                ),
            });
        }
        if self.page == 0 {
            return Err(ParamError {
                parameter: "page",
                message: "Le numéro de page doit être un entier à partir de 1.".into(),
            });
        }
        let offset = (self.page - 1).saturating_mul(self.per_page);
        if offset.saturating_add(self.per_page) > limits.max_depth {
            return Err(ParamError {
                parameter: "page",
                message: format!(
                    "La pagination s'arrête au {}e résultat ; affinez la recherche ou exportez les résultats.",
                    limits.max_depth
                ),
            });
        }
        let sort = match self.sort.as_str() {
            "" | "pertinence" | "relevance" => Sort::Relevance,
            "date" => Sort::Date,
            "disparition" | "gone" => Sort::Gone,
            other => {
                return Err(ParamError {
                    parameter: "sort",
                    message: format!(
                        "Tri inconnu « {other} » : choisissez « pertinence », « date » ou « disparition »."
                    ),
                });
            }
        };
        let from = parse_date(&self.from, "from", false)?;
        let to = parse_date(&self.to, "to", true)?;
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            return Err(ParamError {
                parameter: "from",
                message: format!("La date de début ({f}) est après la date de fin ({t})."),
            });
        }
        if !self.departement.is_empty()
            && (self.departement.len() > 3
                || !self.departement.chars().all(|c| c.is_ascii_alphanumeric()))
        {
            return Err(ParamError {
                parameter: "departement",
                message: format!(
                    "Département « {} » invalide : donnez son code (72, 2A, 974).",
                    self.departement
                ),
            });
        }
        if let Some(bad) = self
            .page_types
            .iter()
            .find(|t| indexer::extract::page_type::PageType::parse(t).is_none())
        {
            return Err(ParamError {
                parameter: "page_type",
                message: format!(
                    "Type de page inconnu « {bad} » : choisissez article, listing, home, agenda ou other."
                ),
            });
        }
        if let Some(bad) = self
            .states
            .iter()
            .find(|t| indexer::life::State::parse(t).is_none())
        {
            return Err(ParamError {
                parameter: "state",
                message: format!(
                    "État de page inconnu « {bad} » : choisissez disparues (gone), modifiées (changed), inchangées (unchanged) ou une-fois (once)."
                ),
            });
        }
        Ok(SearchRequest {
            query: self.q.clone(),
            commune: (!self.commune.is_empty()).then(|| self.commune.clone()),
            departement: (!self.departement.is_empty()).then(|| self.departement.clone()),
            topics: self.topics.clone(),
            digital_only: self.digital,
            page_types: self.page_types.clone(),
            states: self.states.clone(),
            latest_only: false,
            from,
            to,
            sort,
            limit: self.per_page,
            offset,
            no_facets: false,
            no_snippets: false,
        })
    }

    /// The query string of these parameters, with `page` left out when it is 1.
    pub fn to_query(&self) -> String {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        let mut put = |k: &str, v: &str| {
            if !v.is_empty() {
                s.append_pair(k, v);
            }
        };
        put("q", &self.q);
        put("commune", &self.commune);
        put("departement", &self.departement);
        for t in &self.topics {
            put("topic", t);
        }
        if self.digital {
            put("digital", "1");
        }
        for t in &self.page_types {
            put("page_type", t);
        }
        for t in &self.states {
            put("state", t);
        }
        put("from", &self.from);
        put("to", &self.to);
        put("sort", &self.sort);
        if self.per_page != DEFAULT_PAGE_SIZE {
            put("per_page", &self.per_page.to_string());
        }
        if self.page > 1 {
            put("page", &self.page.to_string());
        }
        s.finish()
    }

    /// The link to the search page with these parameters.
    pub fn href(&self) -> String {
        format!("/?{}", self.to_query())
    }

    /// A copy on page 1 (filters changed: the old page number means nothing).
    pub fn first_page(&self) -> Self {
        Self {
            page: 1,
            ..self.clone()
        }
    }
}

/// `AAAA-MM-JJ`, or `AAAA` (1 January, or 31 December for an end date).
fn parse_date(
    value: &str,
    parameter: &'static str,
    end: bool,
) -> Result<Option<NaiveDate>, ParamError> {
    if value.is_empty() {
        return Ok(None);
    }
    let parsed = if value.len() == 4 {
        value.parse::<i32>().ok().and_then(|y| {
            if end {
                NaiveDate::from_ymd_opt(y, 12, 31)
            } else {
                NaiveDate::from_ymd_opt(y, 1, 1)
            }
        })
    } else {
        NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
    };
    parsed.map(Some).ok_or_else(|| ParamError {
        parameter,
        message: format!("Date « {value} » invalide : écrivez AAAA-MM-JJ (2013-01-31) ou AAAA."),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_limits() {
        let p = SearchParams::from_query(Some(
            "q=fibre+optique&topic=tres-haut-debit&topic=e-administration&digital=1&from=2013&page=2",
        ));
        assert_eq!(p.topics.len(), 2);
        assert!(p.digital);
        let r = p.to_request(&Limits::default()).expect("valid");
        assert_eq!(r.offset, 10);
        assert_eq!(r.from, NaiveDate::from_ymd_opt(2013, 1, 1));
        assert_eq!(
            SearchParams::from_query(Some(&p.to_query())).to_query(),
            p.to_query()
        );

        let long = SearchParams::from_query(Some(&format!("q={}", "a".repeat(501))));
        assert_eq!(
            long.to_request(&Limits::default())
                .expect_err("too long")
                .parameter,
            "q"
        );
        let big = SearchParams::from_query(Some("q=x&per_page=500"));
        let e = big
            .to_request(&Limits::default())
            .expect_err("page too big");
        assert!(e.message.contains("100"), "{e}");
        let bad = SearchParams::from_query(Some("from=31/01/2013"));
        assert_eq!(
            bad.to_request(&Limits::default())
                .expect_err("bad date")
                .parameter,
            "from"
        );
        let deep = SearchParams::from_query(Some("q=x&page=5000"));
        assert!(deep.to_request(&Limits::default()).is_err());
        // The last page offered is always accepted.
        let last = last_page(50_000, 30, 10_000);
        let p = SearchParams::from_query(Some(&format!("q=x&per_page=30&page={last}")));
        assert!(p.to_request(&Limits::default()).is_ok());
        let p = SearchParams::from_query(Some(&format!("q=x&per_page=30&page={}", last + 1)));
        assert!(p.to_request(&Limits::default()).is_err());
        assert_eq!(last_page(0, 10, 10_000), 1);
        assert_eq!(last_page(25, 10, 10_000), 3);
    }
}
