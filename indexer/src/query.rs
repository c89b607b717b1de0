//! The query layer shared by `indexer search` and the search server: parsing (words,
//! "phrases", AND/OR/-, field:value), filters (commune, département, topics, digital policy,
//! dates), facet counts, snippets, sorting and pagination.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

use crate::communes::Communes;
use crate::schema::Fields;

/// Bytes of text searched first for a snippet.
const SNIPPET_HEAD_BYTES: usize = 4000;

/// Fields a query may name (`field:value`).
pub const PUBLIC_FIELDS: &[&str] = &[
    "title",
    "text",
    "description",
    "commune",
    "commune_name",
    "departement",
    "region",
    "topic",
    "host",
    "url",
    "language",
    "label_rating",
    "label_year",
    "digital_policy",
    "page_type",
    "state",
    "gone_how",
];

/// How results are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best match first.
    #[default]
    Relevance,
    /// Most recent publication first.
    Date,
    /// Most recently gone first (pages still online last).
    Gone,
    /// Most recently captured for the first time first (what a feed of new pages lists).
    Captured,
}

/// A search: query text, filters, order and page.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// Query text (empty: every document).
    pub query: String,
    /// Commune: INSEE code or name.
    pub commune: Option<String>,
    /// Département code.
    pub departement: Option<String>,
    /// Topic ids, all required.
    pub topics: Vec<String>,
    /// Only documents about digital policy.
    pub digital_only: bool,
    /// Page types (`article`, `listing`…), any of them; empty: all.
    pub page_types: Vec<String>,
    /// Page states (`gone`, `changed`, `unchanged`, `once`), any of them; empty: all.
    pub states: Vec<String>,
    /// Only each URL's latest content (one document per page, not per version).
    pub latest_only: bool,
    /// Published on or after.
    pub from: Option<NaiveDate>,
    /// Published on or before.
    pub to: Option<NaiveDate>,
    /// Order.
    pub sort: Sort,
    /// Page size.
    pub limit: usize,
    /// Results skipped.
    pub offset: usize,
    /// Skip facet counts (faster when they are not shown).
    pub no_facets: bool,
    /// Skip snippets (faster when they are not shown).
    pub no_snippets: bool,
}

/// Why a search could not run.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// The query text does not parse.
    #[error("invalid query at column {column}: {message}")]
    Syntax {
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong and what to do.
        message: String,
    },
    /// A filter value is not valid.
    #[error("{0}")]
    Filter(String),
    /// The index could not be read.
    #[error("index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// What the documents were written to failed.
    #[error("cannot write the documents out: {0}")]
    Io(String),
}

/// One result.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Relevance score.
    pub score: f32,
    /// URL.
    pub url: String,
    /// Title.
    pub title: Option<String>,
    /// Commune INSEE code.
    pub commune: Option<String>,
    /// Commune name.
    pub commune_name: Option<String>,
    /// Département code.
    pub departement: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Capture dates (ISO 8601).
    pub captures: Vec<String>,
    /// Topic ids.
    pub topics: Vec<String>,
    /// About digital policy.
    pub digital_policy: bool,
    /// Villes Internet rating and year.
    pub label_rating: Option<u64>,
    /// Villes Internet year.
    pub label_year: Option<u64>,
    /// Snippet as HTML: escaped text with the query terms in `<b>`.
    pub snippet_html: String,
    /// Snippet as plain text, query terms between `[` and `]`.
    pub snippet: String,
    /// WARC file and offset of the capture.
    pub warc_file: Option<String>,
    /// Offset in the WARC file.
    pub warc_offset: Option<u64>,
    /// Payload digest.
    pub digest: Option<String>,
    /// Language.
    pub language: Option<String>,
    /// Page type.
    pub page_type: Option<String>,
    /// The URL's state (`gone`, `changed`, `unchanged`, `once`).
    pub state: Option<String>,
    /// When the URL was first found gone (ISO 8601).
    pub gone_since: Option<String>,
    /// How it went (`404`, `410`, `redirect-home`, `redirect`, `unlinked`).
    pub gone_how: Option<String>,
    /// Where it redirects to, when it went by a redirect.
    pub gone_to: Option<String>,
    /// First capture of the URL that answered.
    pub first_seen: Option<String>,
    /// Last capture of the URL that answered.
    pub last_seen: Option<String>,
    /// Whether this content is the URL's latest.
    pub latest: bool,
}

impl Hit {
    /// The CSV columns of a hit (`indexer search --format csv`, the server's exports).
    pub const CSV_COLUMNS: [&'static str; 22] = [
        "score",
        "url",
        "title",
        "commune",
        "commune_name",
        "departement",
        "published",
        "captures",
        "topics",
        "digital_policy",
        "label_rating",
        "label_year",
        "language",
        "page_type",
        "state",
        "gone_since",
        "gone_how",
        "last_seen",
        "digest",
        "warc_file",
        "warc_offset",
        "snippet",
    ];

    /// The hit as a CSV record, in the order of [`Hit::CSV_COLUMNS`]. Text from crawled
    /// pages that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`…) is prefixed
    /// with `'`.
    pub fn csv_record(&self) -> [String; 22] {
        let opt = |v: &Option<String>| spreadsheet_safe(v.clone().unwrap_or_default());
        let num = |v: Option<u64>| v.map(|n| n.to_string()).unwrap_or_default();
        [
            format!("{:.3}", self.score),
            spreadsheet_safe(self.url.clone()),
            opt(&self.title),
            opt(&self.commune),
            opt(&self.commune_name),
            opt(&self.departement),
            opt(&self.published),
            self.captures.join(" "),
            self.topics.join(" "),
            self.digital_policy.to_string(),
            num(self.label_rating),
            num(self.label_year),
            opt(&self.language),
            opt(&self.page_type),
            opt(&self.state),
            opt(&self.gone_since),
            opt(&self.gone_how),
            opt(&self.last_seen),
            opt(&self.digest),
            opt(&self.warc_file),
            num(self.warc_offset),
            spreadsheet_safe(self.snippet.clone()),
        ]
    }
}

/// A cell that no spreadsheet will evaluate (OWASP's advice against CSV injection).
fn spreadsheet_safe(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// Results of a search.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    /// Documents matching.
    pub total: usize,
    /// The requested page.
    pub hits: Vec<Hit>,
    /// Counts of matching documents per topic, département, commune and publication year.
    pub facets: Facets,
}

/// Facet counts.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    /// Per topic id.
    pub topics: BTreeMap<String, u64>,
    /// Per département code.
    pub departements: BTreeMap<String, u64>,
    /// Per commune INSEE code.
    pub communes: BTreeMap<String, u64>,
    /// Per publication year.
    pub years: BTreeMap<String, u64>,
    /// Per page type.
    pub page_types: BTreeMap<String, u64>,
    /// Per page state (`gone`, `changed`, `unchanged`, `once`).
    pub states: BTreeMap<String, u64>,
    /// Gone documents per commune INSEE code.
    pub gone_by_commune: BTreeMap<String, u64>,
}

/// One content of a URL, as extracted: what a comparison of two captures shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Version {
    /// Title.
    pub title: Option<String>,
    /// Publication date (`YYYY-MM-DD`).
    pub published: Option<String>,
    /// Main text.
    pub text: String,
}

/// A document as stored in the index (see [`SearchIndex::each_document`]).
#[derive(Debug, Clone, Serialize)]
pub struct StoredDocument {
    /// URL.
    pub url: String,
    /// Title.
    pub title: Option<String>,
    /// Main text.
    pub text: String,
    /// Publication date (`YYYY-MM-DD`).
    pub published: Option<String>,
    /// Commune INSEE code.
    pub commune: Option<String>,
    /// Topic ids.
    pub topics: Vec<String>,
}

/// Index-wide statistics.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    /// Documents.
    pub documents: u64,
    /// Captures (all capture dates of all documents).
    pub captures: u64,
    /// Distinct communes.
    pub communes: usize,
    /// Earliest and latest publication dates.
    pub published_from: Option<String>,
    /// Latest publication date.
    pub published_to: Option<String>,
    /// Documents per topic.
    pub topics: BTreeMap<String, u64>,
    /// Documents per publication year.
    pub years: BTreeMap<String, u64>,
    /// Documents about digital policy.
    pub digital_policy: u64,
    /// Documents per page state (`gone`, `changed`, `unchanged`, `once`).
    pub states: BTreeMap<String, u64>,
}

/// A searchable index.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// Loaded on the first commune filter given by name (35,000 rows: not worth it otherwise).
    communes: std::sync::OnceLock<std::sync::Arc<Communes>>,
    /// Facet values of the segments, decoded once.
    ordinals: OrdinalCache,
}

fn date_term_value(d: NaiveDate) -> tantivy::DateTime {
    let secs = d
        .and_hms_opt(0, 0, 0)
        .map_or(0, |t| t.and_utc().timestamp());
    tantivy::DateTime::from_timestamp_secs(secs)
}

/// A stored text field's first value.
fn stored_str(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// A stored document's publication day (`YYYY-MM-DD`).
fn stored_day(doc: &TantivyDocument, fields: &Fields) -> Option<String> {
    doc.get_first(fields.published)
        .and_then(|v| v.as_datetime())
        .map(|d| iso(&d)[..10].to_string())
}

/// A stored document's topic ids.
fn stored_topics(doc: &TantivyDocument, fields: &Fields) -> Vec<String> {
    doc.get_all(fields.topic_ids)
        .filter_map(|v| v.as_str())
        .map(str::to_string)
        .collect()
}

fn iso(d: &tantivy::DateTime) -> String {
    chrono::DateTime::from_timestamp(d.into_timestamp_secs(), 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// Finds where a query is malformed (unbalanced quotes or parentheses, a dangling
/// operator) before the parser does, to say where.
pub fn check_syntax(query: &str) -> Result<(), QueryError> {
    let mut depth: Vec<usize> = Vec::new();
    let mut quote: Option<usize> = None;
    for (col, c) in query.chars().enumerate() {
        match c {
            '"' => quote = if quote.is_some() { None } else { Some(col) },
            '(' if quote.is_none() => depth.push(col),
            ')' if quote.is_none() && depth.pop().is_none() => {
                return Err(QueryError::Syntax {
                    column: col + 1,
                    message: "closing parenthesis without an opening one".into(),
                });
            }
            _ => {}
        }
    }
    if let Some(col) = quote {
        return Err(QueryError::Syntax {
            column: col + 1,
            message: "unclosed quote: end the phrase with \"".into(),
        });
    }
    if let Some(col) = depth.pop() {
        return Err(QueryError::Syntax {
            column: col + 1,
            message: "unclosed parenthesis".into(),
        });
    }
    let words: Vec<(usize, &str)> = query
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - query.as_ptr() as usize, w))
        .collect();
    for (i, (offset, w)) in words.iter().enumerate() {
        if matches!(*w, "AND" | "OR") && (i == 0 || i + 1 == words.len()) {
            return Err(QueryError::Syntax {
                column: query[..*offset].chars().count() + 1,
                message: format!("{w} needs a word on each side"),
            });
        }
        if let Some((field, value)) = w.trim_start_matches(['-', '+', '(']).split_once(':')
            && !field.is_empty()
            && !field.starts_with('"')
            && !value.starts_with("//")
            && !PUBLIC_FIELDS.contains(&field)
            && field.chars().all(|c| c.is_ascii_alphabetic() || c == '_')
        {
            return Err(QueryError::Syntax {
                column: query[..*offset].chars().count() + 1,
                message: format!(
                    "unknown field {field:?}; fields: {}",
                    PUBLIC_FIELDS.join(", ")
                ),
            });
        }
    }
    Ok(())
}

impl SearchIndex {
    /// Opens the index in `dir` for searching; new commits are picked up automatically.
    pub fn open(dir: &Path) -> Result<Self, crate::indexing::IndexError> {
        let mut index = crate::indexing::open(dir)?;
        let err = |source| crate::indexing::IndexError::Tantivy {
            path: dir.to_path_buf(),
            source,
        };
        // A search's segments are searched side by side, one thread per core: a search
        // matching most of a large index takes half the time on two cores.
        index.set_default_multithread_executor().map_err(err)?;
        let fields =
            Fields::of(&index.schema()).map_err(|_| crate::indexing::IndexError::OldSchema {
                path: dir.to_path_buf(),
            })?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(err)?;
        Ok(Self {
            index,
            reader,
            fields,
            communes: std::sync::OnceLock::new(),
            ordinals: OrdinalCache::default(),
        })
    }

    fn parse(&self, text: &str) -> Result<Box<dyn Query>, QueryError> {
        self.parse_with(text, true)
    }

    /// Parses a query; with `pairs`, phrases are searched in the main text's word pairs
    /// (fewer positions read: see [`crate::analysis::french_pairs_analyzer`]).
    fn parse_with(&self, text: &str, pairs: bool) -> Result<Box<dyn Query>, QueryError> {
        if text.trim().is_empty() {
            return Ok(Box::new(AllQuery));
        }
        check_syntax(text)?;
        let text = quote_compounds(text);
        let text = match self.fields.text_pairs {
            Some(_) if pairs => self.phrases_on_pairs(&text),
            _ => text,
        };
        let text = text.as_str();
        let f = &self.fields;
        let mut parser = QueryParser::for_index(
            &self.index,
            vec![f.title, f.description, f.text, f.commune_name],
        );
        parser.set_conjunction_by_default();
        parser.set_field_boost(f.title, 3.0);
        parser.set_field_boost(f.description, 1.5);
        parser.parse_query(text).map_err(|e| QueryError::Syntax {
            column: 1,
            message: e.to_string(),
        })
    }

    /// Rewrites each phrase of two words or more (`"label Villes Internet"`) to search the
    /// other fields as before and the main text through its word pairs:
    /// `(title:"…" OR description:"…" OR commune_name:"…" OR text_pairs:"…")`. Phrases
    /// given a field (`title:"…"`, `title: "…"`, inside `title:(…)`), a slop (`~`), a prefix
    /// (`*`), an escaped character or a place in a set (`[…]`) are left as they are.
    fn phrases_on_pairs(&self, query: &str) -> String {
        use tantivy::tokenizer::TokenStream;
        if !query.contains('"') {
            return query.to_string();
        }
        let mut analyzer = crate::analysis::french_analyzer();
        let bytes = query.as_bytes();
        let mut out = String::with_capacity(query.len() * 2);
        // Open parentheses, each marked when it groups a field's terms (`title:(…)`).
        let mut groups: Vec<bool> = Vec::new();
        let mut in_set = false;
        let mut copied = 0;
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'(' => groups.push(query[..i].trim_end().ends_with(':')),
                b')' => {
                    groups.pop();
                }
                b'[' => in_set = true,
                b']' => in_set = false,
                b'"' => {
                    // The closing quote, escapes honoured.
                    let mut j = i + 1;
                    let mut escaped = false;
                    while j < bytes.len() && bytes[j] != b'"' {
                        if bytes[j] == b'\\' {
                            escaped = true;
                            j += 1;
                        }
                        j += 1;
                    }
                    if j >= bytes.len() {
                        break;
                    }
                    let phrase = &query[i + 1..j];
                    let after = &query[j + 1..];
                    let fielded = query[..i].trim_end().ends_with(':') || groups.iter().any(|g| *g);
                    let modified = after.starts_with('~') || after.starts_with('*');
                    let words = {
                        let mut stream = analyzer.token_stream(phrase);
                        let mut n = 0;
                        while stream.advance() {
                            n += 1;
                        }
                        n
                    };
                    if !(fielded || modified || escaped || in_set || words < 2) {
                        out.push_str(&query[copied..i]);
                        out.push_str(&format!(
                            "(title:\"{phrase}\" OR description:\"{phrase}\" OR commune_name:\"{phrase}\" OR text_pairs:\"{phrase}\")"
                        ));
                        copied = j + 1;
                    }
                    i = j;
                }
                _ => {}
            }
            i += 1;
        }
        out.push_str(&query[copied..]);
        out
    }

    /// The communes of France, loaded on first use and shared with whoever displays them.
    pub fn communes(&self) -> std::sync::Arc<Communes> {
        self.communes
            .get_or_init(|| std::sync::Arc::new(Communes::load()))
            .clone()
    }

    fn commune_code(&self, value: &str) -> Result<String, QueryError> {
        if value.chars().all(|c| c.is_ascii_alphanumeric())
            && value.len() == 5
            && value.chars().any(|c| c.is_ascii_digit())
        {
            return Ok(value.to_uppercase());
        }
        match self.communes().by_name(value).as_slice() {
            [] => Err(QueryError::Filter(format!(
                "no commune named {value:?}; give its name or INSEE code"
            ))),
            [one] => Ok(one.insee.clone()),
            many => Err(QueryError::Filter(format!(
                "{value:?} is ambiguous: {}; give the INSEE code",
                many.iter()
                    .map(|c| format!("{} ({}, {})", c.insee, c.name, c.departement_name))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    fn build(&self, req: &SearchRequest) -> Result<Box<dyn Query>, QueryError> {
        let f = &self.fields;
        let mut must: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, self.parse(&req.query)?)];
        let term = |field, value: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, value),
                IndexRecordOption::Basic,
            ))
        };
        if let Some(c) = &req.commune {
            must.push((Occur::Must, term(f.commune_insee, &self.commune_code(c)?)));
        }
        if let Some(d) = &req.departement {
            must.push((Occur::Must, term(f.departement, &d.to_uppercase())));
        }
        for t in &req.topics {
            must.push((Occur::Must, term(f.topic_ids, t)));
        }
        if !req.page_types.is_empty() {
            let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for t in &req.page_types {
                let kind = crate::extract::page_type::PageType::parse(t).ok_or_else(|| {
                    QueryError::Filter(format!(
                        "unknown page type {t:?}; types: article, listing, home, agenda, other"
                    ))
                })?;
                any.push((Occur::Should, term(f.page_type, kind.as_str())));
            }
            must.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        if !req.states.is_empty() {
            let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for t in &req.states {
                let state = crate::life::State::parse(t).ok_or_else(|| {
                    QueryError::Filter(format!(
                        "unknown page state {t:?}; states: gone, changed, unchanged, once"
                    ))
                })?;
                any.push((Occur::Should, term(f.state, state.as_str())));
            }
            must.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        if req.latest_only {
            must.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_u64(f.latest, 1),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        if req.digital_only {
            must.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_u64(f.digital_policy, 1),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        if req.from.is_some() || req.to.is_some() {
            use std::ops::Bound;
            let lower = req.from.map_or(Bound::Unbounded, |d| {
                Bound::Included(Term::from_field_date(f.published, date_term_value(d)))
            });
            let upper = req.to.map_or(Bound::Unbounded, |d| {
                Bound::Excluded(Term::from_field_date(
                    f.published,
                    date_term_value(d.succ_opt().unwrap_or(d)),
                ))
            });
            must.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
        }
        Ok(Box::new(BooleanQuery::new(must)))
    }

    /// The generation of the index being searched: it changes with every commit picked up.
    pub fn generation(&self) -> u64 {
        self.reader.searcher().generation().generation_id()
    }

    /// Runs a search.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults, QueryError> {
        self.search_in(&self.reader.searcher(), req)
    }

    /// The index as it is now; searches given it with [`SearchIndex::search_in`] see the
    /// same documents whatever is committed meanwhile (an export's successive pages).
    pub fn snapshot(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    /// Runs a search on a snapshot of the index.
    pub fn search_in(
        &self,
        searcher: &tantivy::Searcher,
        req: &SearchRequest,
    ) -> Result<SearchResults, QueryError> {
        let query = self.build(req)?;
        let limit = req.limit.max(1);
        // One pass over the matching documents: count, page and facet counts together.
        self.ordinals.keep_only(searcher);
        let facets = (!req.no_facets).then(|| FacetCollector {
            ordinals: self.ordinals.clone(),
        });
        let (total, page, facets): (usize, Vec<(f32, DocAddress)>, Option<Facets>) = match req.sort
        {
            Sort::Relevance => searcher.search(
                &query,
                &(
                    Count,
                    TopDocs::with_limit(limit)
                        .and_offset(req.offset)
                        .tweak_score({
                            // The page type's weight of a segment's documents, from the row
                            // the facet counts read anyway.
                            let ordinals = self.ordinals.clone();
                            move |segment: &tantivy::SegmentReader| {
                                let decoded = ordinals.get(segment).ok();
                                move |doc: tantivy::DocId, score: tantivy::Score| {
                                    score * decoded.as_ref().map_or(1.0, |o| o.weight(doc))
                                }
                            }
                        }),
                    facets,
                ),
            )?,
            Sort::Date => {
                // Publication date first, capture date for documents without one, from the
                // fast fields (no stored document is read).
                let (n, top, facets) = searcher.search(
                    &query,
                    &(
                        Count,
                        TopDocs::with_limit(limit)
                            .and_offset(req.offset)
                            .tweak_score(|segment: &tantivy::SegmentReader| {
                                let key = date_key(segment);
                                move |doc: tantivy::DocId, _score: tantivy::Score| key(doc)
                            }),
                        facets,
                    ),
                )?;
                (n, top.into_iter().map(|(_, a)| (0.0, a)).collect(), facets)
            }
            Sort::Gone | Sort::Captured => {
                // Most recently gone (or first captured) first, from the fast field.
                let column = if req.sort == Sort::Gone {
                    "gone_since"
                } else {
                    "first_captured"
                };
                let (n, top, facets) = searcher.search(
                    &query,
                    &(
                        Count,
                        TopDocs::with_limit(limit)
                            .and_offset(req.offset)
                            .tweak_score(move |segment: &tantivy::SegmentReader| {
                                let gone = segment.fast_fields().date(column).ok();
                                move |doc: tantivy::DocId, _score: tantivy::Score| {
                                    gone.as_ref()
                                        .and_then(|c| c.first(doc))
                                        .map_or(i64::MIN, |d| d.into_timestamp_secs())
                                }
                            }),
                        facets,
                    ),
                )?;
                (n, top.into_iter().map(|(_, a)| (0.0, a)).collect(), facets)
            }
        };
        let snippets = if req.no_snippets {
            None
        } else {
            // Phrases searched in the word pairs name no term of the text itself: a query
            // with a phrase is read again as typed for its snippets.
            let typed = match self.fields.text_pairs {
                Some(_) if req.query.contains('"') => Some(self.parse_with(&req.query, false)?),
                _ => None,
            };
            SnippetGenerator::create(
                searcher,
                typed.as_deref().unwrap_or(&*query),
                self.fields.text,
            )
            .ok()
        };
        let mut hits = Vec::new();
        for (score, addr) in page {
            let doc: TantivyDocument = searcher.doc(addr)?;
            hits.push(self.hit(&doc, score, snippets.as_ref()));
        }
        let facets = facets.unwrap_or_default();
        Ok(SearchResults {
            total,
            hits,
            facets,
        })
    }

    fn hit(&self, doc: &TantivyDocument, score: f32, snippets: Option<&SnippetGenerator>) -> Hit {
        let f = &self.fields;
        let text = |field| stored_str(doc, field);
        let date = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_datetime())
                .map(|d| iso(&d))
        };
        let (snippet_html, snippet) = match snippets {
            Some(g) => {
                // The snippet comes from the text's beginning when the terms occur there
                // (analysing 15 kB of text per hit is most of a query's time), else from the
                // whole text.
                let full = doc
                    .get_first(f.text)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default();
                let mut end = SNIPPET_HEAD_BYTES.min(full.len());
                while !full.is_char_boundary(end) {
                    end -= 1;
                }
                let head = &full[..end];
                let mut s = g.snippet(head);
                if s.highlighted().is_empty() && head.len() < full.len() {
                    s = g.snippet(full);
                }
                let mut plain = String::new();
                let frag = s.fragment();
                let mut last = 0;
                for r in s.highlighted() {
                    plain.push_str(&frag[last..r.start]);
                    plain.push('[');
                    plain.push_str(&frag[r.clone()]);
                    plain.push(']');
                    last = r.end;
                }
                plain.push_str(&frag[last..]);
                (s.to_html(), plain)
            }
            None => (String::new(), String::new()),
        };
        let (snippet_html, snippet) = if snippet.is_empty() {
            let start: String = text(f.text).unwrap_or_default().chars().take(200).collect();
            (html_escape(&start), start)
        } else {
            (snippet_html, snippet)
        };
        Hit {
            score,
            url: text(f.url).unwrap_or_default(),
            title: text(f.title),
            commune: text(f.commune_insee),
            commune_name: text(f.commune_name),
            departement: text(f.departement),
            published: stored_day(doc, f),
            captures: doc
                .get_all(f.captured)
                .filter_map(|v| v.as_datetime())
                .map(|d| iso(&d))
                .collect(),
            topics: stored_topics(doc, f),
            digital_policy: doc.get_first(f.digital_policy).and_then(|v| v.as_u64()) == Some(1),
            label_rating: doc.get_first(f.label_rating).and_then(|v| v.as_u64()),
            label_year: doc.get_first(f.label_year).and_then(|v| v.as_u64()),
            snippet_html,
            snippet,
            warc_file: text(f.warc_file),
            warc_offset: doc.get_first(f.warc_offset).and_then(|v| v.as_u64()),
            digest: text(f.digest),
            language: text(f.language),
            page_type: text(f.page_type),
            state: text(f.state),
            gone_since: date(f.gone_since),
            gone_how: text(f.gone_how),
            gone_to: text(f.gone_to),
            first_seen: date(f.url_first_seen),
            last_seen: date(f.url_last_seen),
            latest: doc.get_first(f.latest).and_then(|v| v.as_u64()) == Some(1),
        }
    }

    /// Facet counts of the documents matching `query`, from the fast-field columns (term
    /// ordinals counted per segment, turned into names once per segment).
    fn facets(
        &self,
        searcher: &tantivy::Searcher,
        query: &dyn Query,
    ) -> Result<Facets, QueryError> {
        Ok(searcher.search(
            query,
            &FacetCollector {
                ordinals: self.ordinals.clone(),
            },
        )?)
    }

    /// Calls `each` with every document of the index, in index order, read from the stored
    /// fields (no extraction): what `indexer dump --index` writes for other tools.
    pub fn each_document(
        &self,
        mut each: impl FnMut(StoredDocument) -> std::io::Result<()>,
    ) -> Result<u64, QueryError> {
        let f = &self.fields;
        let searcher = self.reader.searcher();
        let mut n = 0;
        for segment in searcher.segment_readers() {
            let store = segment
                .get_store_reader(1)
                .map_err(tantivy::TantivyError::from)?;
            for doc in store.iter::<TantivyDocument>(segment.alive_bitset()) {
                let doc = doc?;
                each(StoredDocument {
                    url: stored_str(&doc, f.url).unwrap_or_default(),
                    title: stored_str(&doc, f.title),
                    text: stored_str(&doc, f.text).unwrap_or_default(),
                    published: stored_day(&doc, f),
                    commune: stored_str(&doc, f.commune_insee),
                    topics: stored_topics(&doc, f),
                })
                .map_err(|e| QueryError::Io(e.to_string()))?;
                n += 1;
            }
        }
        Ok(n)
    }

    /// The document of one content of a URL (its payload digest), if indexed.
    pub fn version(&self, url: &str, digest: &str) -> Result<Option<Version>, QueryError> {
        let searcher = self.reader.searcher();
        let top = searcher.search(
            &TermQuery::new(
                Term::from_field_text(self.fields.key, &format!("{url} {digest}")),
                IndexRecordOption::Basic,
            ),
            &TopDocs::with_limit(1).order_by_score(),
        )?;
        let Some((_, addr)) = top.first() else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(*addr)?;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        Ok(Some(Version {
            title: text(self.fields.title),
            published: doc
                .get_first(self.fields.published)
                .and_then(|v| v.as_datetime())
                .map(|d| iso(&d)[..10].to_string()),
            text: text(self.fields.text).unwrap_or_default(),
        }))
    }

    /// The life of a URL (every capture's outcome) as the index knows it, if it has a document.
    pub fn life(&self, url: &str) -> Result<Option<crate::life::Life>, QueryError> {
        let searcher = self.reader.searcher();
        let top = searcher.search(
            &TermQuery::new(
                Term::from_field_text(self.fields.url, url),
                IndexRecordOption::Basic,
            ),
            &TopDocs::with_limit(1).order_by_score(),
        )?;
        let Some((_, addr)) = top.first() else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(*addr)?;
        Ok(Some(crate::life::Life::from_json(
            doc.get_first(self.fields.life).and_then(|v| v.as_str()),
        )))
    }

    /// Index-wide statistics, from the fast fields (no stored document is read).
    pub fn stats(&self) -> Result<Stats, QueryError> {
        use tantivy::aggregation::AggregationCollector;
        use tantivy::aggregation::agg_req::Aggregations;
        let searcher = self.reader.searcher();
        let request: Aggregations = serde_json::from_value(serde_json::json!({
            "captures": { "value_count": { "field": "captured" } },
        }))
        .map_err(|e| QueryError::Filter(format!("stats request: {e}")))?;
        let collector = AggregationCollector::from_aggs(request, Default::default());
        let json = serde_json::to_value(searcher.search(&AllQuery, &collector)?)
            .map_err(|e| QueryError::Filter(format!("stats: {e}")))?;
        let digital = searcher.search(
            &TermQuery::new(
                Term::from_field_u64(self.fields.digital_policy, 1),
                IndexRecordOption::Basic,
            ),
            &Count,
        )?;
        // Earliest and latest publication dates: the top document by date, each way.
        let published = |latest: bool| -> Result<Option<String>, QueryError> {
            let top = searcher.search(
                &AllQuery,
                &TopDocs::with_limit(1).tweak_score(move |segment: &tantivy::SegmentReader| {
                    let column = segment.fast_fields().date("published").ok();
                    move |doc: tantivy::DocId, _score: tantivy::Score| match column
                        .as_ref()
                        .and_then(|c| c.first(doc))
                    {
                        Some(d) if latest => d.into_timestamp_secs(),
                        Some(d) => -d.into_timestamp_secs(),
                        None => i64::MIN,
                    }
                }),
            )?;
            Ok(match top.first() {
                Some((key, _)) if *key != i64::MIN => {
                    let secs = if latest { *key } else { -*key };
                    Some(iso(&tantivy::DateTime::from_timestamp_secs(secs))[..10].to_string())
                }
                _ => None,
            })
        };
        let facets = self.facets(&searcher, &AllQuery)?;
        Ok(Stats {
            documents: searcher.num_docs(),
            captures: json["captures"]["value"].as_f64().unwrap_or(0.0) as u64,
            communes: facets.communes.len(),
            published_from: published(false)?,
            published_to: published(true)?,
            topics: facets.topics,
            years: facets.years,
            states: facets.states,
            digital_policy: digital as u64,
        })
    }
}

/// The date-sort key of a segment's documents: publication date, else first capture date
/// (seconds; documents with neither come last).
fn date_key(segment: &tantivy::SegmentReader) -> impl Fn(tantivy::DocId) -> i64 + use<> {
    let published = segment.fast_fields().date("published").ok();
    let captured = segment.fast_fields().date("first_captured").ok();
    move |doc| {
        published
            .as_ref()
            .and_then(|c| c.first(doc))
            .or_else(|| captured.as_ref().and_then(|c| c.first(doc)))
            .map_or(i64::MIN, |d| d.into_timestamp_secs())
    }
}

/// How much a page type weighs in relevance: articles first, then agenda and other pages,
/// listings and home pages (which repeat the articles' titles and first lines) last.
fn page_type_weight(page_type: &str) -> f32 {
    match page_type {
        "article" => 1.0,
        "agenda" => 0.8,
        "other" => 0.6,
        "listing" => 0.3,
        "home" => 0.25,
        _ => 1.0,
    }
}

/// Counts matching documents per topic, département, commune, publication year and page
/// type, from the segments' decoded ordinals.
struct FacetCollector {
    ordinals: OrdinalCache,
}

/// The string columns counted: the first holds several values per document, the others one.
const FACET_COLUMNS: [&str; 5] = ["topic", "departement", "commune", "page_type", "state"];

/// The first publication year counted (earlier dates are not municipal web news).
const FIRST_YEAR: u64 = 1990;

/// Years counted from [`FIRST_YEAR`].
const YEARS: usize = 120;

/// No value for this document.
const NONE: u32 = u32::MAX;

/// One segment's facet values decoded once into plain arrays (what Solr calls an uninverted
/// field), packed so that counting a matching document reads one 8-byte row and adds one to
/// two counters: its commune's, and its key's. A key numbers one of the segment's distinct
/// (year, state, page type, topics) combinations, of which real segments hold a few hundred
/// to a few thousand: the per-document loop does no division and no loop over topics; the
/// key counts are spread over years, states, page types and topics once per segment. (A
/// segment with gone pages also counts them per commune, reading the key's flag; one with
/// more than 32 topics lists each document's topics and loops over them.)
/// The département is not read per document: it follows from the commune (the indexer writes
/// both from the same commune), counted per commune and added up per département at the end;
/// a segment where that does not hold counts départements per document instead.
struct SegmentOrdinals {
    /// Per document.
    rows: Vec<Row>,
    /// Per key, what it stands for.
    keys: Vec<Key>,
    /// Whether any key's state is `gone` (then gone pages are counted per commune).
    any_gone: bool,
    /// Topic ordinals of document `d` when a segment has more topics than a mask holds:
    /// `topics[topic_start[d]..topic_start[d + 1]]`.
    topic_lists: Option<(Vec<u32>, Vec<u32>)>,
    /// Département ordinal of each commune ordinal, when every document's département is
    /// its commune's; else (`Err`) the département ordinal of each document.
    departement: Result<Vec<u32>, Vec<u32>>,
    /// Term of each ordinal, per column of [`FACET_COLUMNS`].
    names: [Vec<String>; 5],
}

/// One document's facet values.
#[derive(Clone, Copy)]
struct Row {
    /// Commune ordinal ([`NONE`] without).
    commune: u32,
    /// Index in [`SegmentOrdinals::keys`].
    key: u32,
}

/// One distinct combination of a segment's per-document facet values but the commune.
#[derive(Clone, Copy)]
struct Key {
    /// Years from [`FIRST_YEAR`] ([`YEARS`] without).
    year: u32,
    /// State ordinal ([`NONE`] without).
    state: u32,
    /// Page type ordinal ([`NONE`] without).
    page_type: u32,
    /// Bit `t` for topic ordinal `t` (segments of at most 32 topics).
    topics: u32,
    /// The page type's relevance weight.
    weight: f32,
    /// Whether the state is `gone`.
    gone: bool,
}

impl SegmentOrdinals {
    fn decode(segment: &tantivy::SegmentReader) -> tantivy::Result<Self> {
        let ff = segment.fast_fields();
        let max_doc = segment.max_doc();
        let mut names: [Vec<String>; 5] = Default::default();
        let mut columns = Vec::new();
        for (i, name) in FACET_COLUMNS.iter().enumerate() {
            let column = ff.str(name)?;
            if let Some(c) = &column {
                let mut term = String::new();
                for ord in 0..c.num_terms() as u64 {
                    term.clear();
                    c.ord_to_str(ord, &mut term)?;
                    names[i].push(term.clone());
                }
            }
            columns.push(column);
        }
        let single = |column: Option<&tantivy::columnar::StrColumn>, d: u32| -> u32 {
            column
                .and_then(|c| c.ords().first(d))
                .map_or(NONE, |o| o as u32)
        };
        let year_column = ff.u64("year").ok();
        let masks = names[0].len() <= 32;
        let mut topic_lists = (!masks).then(|| (Vec::new(), Vec::new()));
        let communes = names[2].len();
        let mut dept_of_commune: Vec<Option<u32>> = vec![None; communes];
        let mut per_doc_dept = Vec::new();
        let mut consistent = true;
        let mut rows = Vec::with_capacity(max_doc as usize);
        let mut keys = Vec::new();
        let mut key_of: std::collections::HashMap<(u32, u32, u32, u32), u32> =
            std::collections::HashMap::new();
        for d in 0..max_doc {
            let commune = single(columns[2].as_ref(), d);
            let dept = single(columns[1].as_ref(), d);
            per_doc_dept.push(dept);
            match dept_of_commune.get_mut(commune as usize) {
                Some(slot @ None) => *slot = Some(dept),
                Some(Some(known)) if *known == dept => {}
                None if dept == NONE => {}
                _ => consistent = false,
            }
            let year = year_column
                .as_ref()
                .and_then(|c| c.first(d))
                .and_then(|y| y.checked_sub(FIRST_YEAR))
                .filter(|y| (*y as usize) < YEARS)
                .map_or(YEARS as u32, |y| y as u32);
            let state = single(columns[4].as_ref(), d);
            let page_type = single(columns[3].as_ref(), d);
            let mut mask = 0u32;
            if let Some(c) = &columns[0] {
                match &mut topic_lists {
                    None => c.term_ords(d).for_each(|o| mask |= 1 << o),
                    Some((start, list)) => {
                        start.push(list.len() as u32);
                        list.extend(c.term_ords(d).map(|o| o as u32));
                    }
                }
            }
            let key = *key_of
                .entry((year, state, page_type, mask))
                .or_insert_with(|| {
                    keys.push(Key {
                        year,
                        state,
                        page_type,
                        topics: mask,
                        weight: names[3]
                            .get(page_type as usize)
                            .map_or(1.0, |t| page_type_weight(t)),
                        gone: names[4].get(state as usize).is_some_and(|s| s == "gone"),
                    });
                    (keys.len() - 1) as u32
                });
            rows.push(Row { commune, key });
        }
        if let Some((start, list)) = &mut topic_lists {
            if columns[0].is_none() {
                start.resize(max_doc as usize, 0);
            }
            start.push(list.len() as u32);
        }
        Ok(Self {
            rows,
            any_gone: keys.iter().any(|k| k.gone),
            keys,
            topic_lists,
            departement: if consistent {
                Ok(dept_of_commune
                    .into_iter()
                    .map(|d| d.unwrap_or(NONE))
                    .collect())
            } else {
                Err(per_doc_dept)
            },
            names,
        })
    }

    /// The relevance weight of a document's page type (1 without).
    fn weight(&self, doc: tantivy::DocId) -> f32 {
        self.rows
            .get(doc as usize)
            .and_then(|r| self.keys.get(r.key as usize))
            .map_or(1.0, |k| k.weight)
    }
}

/// Decoded ordinals of the segments searched lately, by segment (segments never change;
/// those merged away are dropped at the next search). Searches running at once only read it
/// (a read lock each): none waits for another.
#[derive(Clone, Default)]
struct OrdinalCache(
    std::sync::Arc<
        std::sync::RwLock<
            std::collections::HashMap<tantivy::index::SegmentId, std::sync::Arc<SegmentOrdinals>>,
        >,
    >,
);

impl OrdinalCache {
    fn get(
        &self,
        segment: &tantivy::SegmentReader,
    ) -> tantivy::Result<std::sync::Arc<SegmentOrdinals>> {
        let id = segment.segment_id();
        if let Some(o) = self.0.read().ok().and_then(|m| m.get(&id).cloned()) {
            return Ok(o);
        }
        let decoded = std::sync::Arc::new(SegmentOrdinals::decode(segment)?);
        if let Ok(mut m) = self.0.write() {
            m.insert(id, decoded.clone());
        }
        Ok(decoded)
    }

    /// Forgets the segments the searcher no longer has.
    fn keep_only(&self, searcher: &tantivy::Searcher) {
        let segments = searcher.segment_readers();
        if self.0.read().map_or(true, |m| m.len() <= segments.len()) {
            // Nothing can have been merged away (each live segment is decoded on first use).
            return;
        }
        let live: std::collections::HashSet<tantivy::index::SegmentId> =
            segments.iter().map(|r| r.segment_id()).collect();
        if let Ok(mut m) = self.0.write() {
            m.retain(|id, _| live.contains(id));
        }
    }
}

/// One segment's counts, per ordinal.
struct FacetSegment {
    ordinals: std::sync::Arc<SegmentOrdinals>,
    /// Per topic ordinal, in segments that list topics per document (else from `keys`).
    topics: Vec<u64>,
    /// Per département ordinal, when the segment counts them per document.
    departements: Vec<u64>,
    communes: Vec<u64>,
    /// Per key ([`SegmentOrdinals::keys`]).
    keys: Vec<u64>,
    gone_by_commune: Vec<u64>,
}

impl tantivy::collector::Collector for FacetCollector {
    type Fruit = Facets;
    type Child = FacetSegment;

    fn for_segment(
        &self,
        _segment_ord: tantivy::SegmentOrdinal,
        segment: &tantivy::SegmentReader,
    ) -> tantivy::Result<FacetSegment> {
        let ordinals = self.ordinals.get(segment)?;
        Ok(FacetSegment {
            topics: vec![0; ordinals.names[0].len()],
            departements: vec![
                0;
                if ordinals.departement.is_err() {
                    ordinals.names[1].len()
                } else {
                    0
                }
            ],
            communes: vec![0; ordinals.names[2].len()],
            keys: vec![0; ordinals.keys.len()],
            gone_by_commune: vec![0; ordinals.names[2].len()],
            ordinals,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Facets>) -> tantivy::Result<Facets> {
        let mut all = Facets::default();
        for f in fruits {
            for (into, from) in [
                (&mut all.topics, f.topics),
                (&mut all.departements, f.departements),
                (&mut all.communes, f.communes),
                (&mut all.years, f.years),
                (&mut all.page_types, f.page_types),
                (&mut all.states, f.states),
                (&mut all.gone_by_commune, f.gone_by_commune),
            ] {
                for (k, n) in from {
                    *into.entry(k).or_default() += n;
                }
            }
        }
        Ok(all)
    }
}

impl tantivy::collector::SegmentCollector for FacetSegment {
    type Fruit = Facets;

    fn collect(&mut self, doc: tantivy::DocId, _score: tantivy::Score) {
        let o = &*self.ordinals;
        let d = doc as usize;
        let Some(row) = o.rows.get(d) else { return };
        if let Some(n) = self.communes.get_mut(row.commune as usize) {
            *n += 1;
        }
        if let Some(n) = self.keys.get_mut(row.key as usize) {
            *n += 1;
        }
        if let Some((start, list)) = &o.topic_lists
            && let (Some(&from), Some(&to)) = (start.get(d), start.get(d + 1))
        {
            for &t in list.get(from as usize..to as usize).unwrap_or_default() {
                if let Some(n) = self.topics.get_mut(t as usize) {
                    *n += 1;
                }
            }
        }
        if let Err(per_doc) = &o.departement
            && let Some(&v) = per_doc.get(d)
            && let Some(n) = self.departements.get_mut(v as usize)
        {
            *n += 1;
        }
        if o.any_gone
            && o.keys.get(row.key as usize).is_some_and(|k| k.gone)
            && let Some(n) = self.gone_by_commune.get_mut(row.commune as usize)
        {
            *n += 1;
        }
    }

    fn harvest(self) -> Facets {
        let named = |counts: Vec<u64>, names: &[String]| -> BTreeMap<String, u64> {
            counts
                .into_iter()
                .zip(names)
                .filter(|(n, _)| *n > 0)
                .map(|(n, name)| (name.clone(), n))
                .collect()
        };
        let o = &*self.ordinals;
        let departements = match &o.departement {
            Err(_) => self.departements,
            Ok(of_commune) => {
                let mut per = vec![0; o.names[1].len()];
                for (commune, n) in self.communes.iter().enumerate() {
                    if let Some(slot) = of_commune
                        .get(commune)
                        .and_then(|&dept| per.get_mut(dept as usize))
                    {
                        *slot += n;
                    }
                }
                per
            }
        };
        let mut topics = self.topics;
        let mut page_types = vec![0; o.names[3].len()];
        let mut states = vec![0; o.names[4].len()];
        let mut years = vec![0; YEARS + 1];
        for (key, &n) in o.keys.iter().zip(&self.keys).filter(|(_, n)| **n > 0) {
            if let Some(c) = page_types.get_mut(key.page_type as usize) {
                *c += n;
            }
            if let Some(c) = states.get_mut(key.state as usize) {
                *c += n;
            }
            if let Some(c) = years.get_mut(key.year as usize) {
                *c += n;
            }
            let mut mask = key.topics;
            while mask != 0 {
                if let Some(c) = topics.get_mut(mask.trailing_zeros() as usize) {
                    *c += n;
                }
                mask &= mask - 1;
            }
        }
        Facets {
            topics: named(topics, &o.names[0]),
            departements: named(departements, &o.names[1]),
            communes: named(self.communes, &o.names[2]),
            page_types: named(page_types, &o.names[3]),
            states: named(states, &o.names[4]),
            gone_by_commune: named(self.gone_by_commune, &o.names[2]),
            years: years
                .into_iter()
                .take(YEARS)
                .enumerate()
                .filter(|(_, n)| *n > 0)
                .map(|(i, n)| ((FIRST_YEAR + i as u64).to_string(), n))
                .collect(),
        }
    }
}

/// Apostrophes a French keyboard or a word processor types inside a word (`l'école`,
/// `aujourd’hui`): the query parser reads `'` as the start of a phrase, so words holding one
/// are quoted, and the French analyzer removes the elision.
const APOSTROPHES: [char; 4] = ['\'', '’', '‘', 'ʼ'];

/// Quotes the words the query parser would misread (`e-démocratie` → `"e-démocratie"`,
/// `topic:open-data` → `topic:"open-data"`, `l'école` → `"l'école"`, `q=d'Allonnes` →
/// `"d'Allonnes"`): an inner hyphen would be read as an exclusion, an apostrophe as an
/// unclosed phrase. Apostrophes outside words (`'fibre'`, a stray `'`) are dropped, and words
/// already inside double quotes are left as they are.
fn quote_compounds(query: &str) -> String {
    let mut out = Vec::new();
    let mut in_quote = false;
    for word in query.split(' ') {
        let quotes = word.matches('"').count();
        if in_quote || quotes > 0 {
            in_quote ^= quotes % 2 == 1;
            out.push(word.to_string());
            continue;
        }
        let (prefix, body) = match word.char_indices().next() {
            Some((_, c)) if c == '-' || c == '+' => word.split_at(1),
            _ => ("", word),
        };
        let (field, value) = match body.split_once(':') {
            Some((f, v)) if !v.starts_with("//") => (format!("{f}:"), v),
            _ => (String::new(), body),
        };
        let chars: Vec<char> = value.chars().collect();
        let inner = |joiners: &[char]| {
            chars.windows(3).any(|w| {
                w[0].is_alphanumeric() && joiners.contains(&w[1]) && w[2].is_alphanumeric()
            })
        };
        let has_apostrophe = value.contains(APOSTROPHES);
        let value = if has_apostrophe {
            // Apostrophes that do not join two letters are not part of a word.
            let kept: String = chars
                .iter()
                .enumerate()
                .filter(|(i, c)| {
                    !APOSTROPHES.contains(c)
                        || (*i > 0
                            && chars[i - 1].is_alphanumeric()
                            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()))
                })
                .map(|(_, c)| *c)
                .collect();
            std::borrow::Cow::Owned(kept)
        } else {
            std::borrow::Cow::Borrowed(value)
        };
        if (inner(&['-']) || inner(&APOSTROPHES)) && !value.contains(['(', ')']) {
            out.push(format!("{prefix}{field}\"{value}\""));
        } else if has_apostrophe {
            out.push(format!("{prefix}{field}{value}"));
        } else {
            out.push(word.to_string());
        }
    }
    out.join(" ")
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_in_word_pairs_find_what_positions_find() {
        let dir = tempfile::tempdir().expect("temp dir");
        let index = crate::indexing::open_or_create(dir.path()).expect("index");
        let f = Fields::of(&index.schema()).expect("fields");
        let mut writer: tantivy::IndexWriter = index.writer(20_000_000).expect("writer");
        let texts = [
            "La commune a obtenu le label Villes Internet avec trois arobases.",
            "Le label de la ville : Internet pour tous.",
            "Villes Internet label, dans le désordre.",
            "Un accès à internet gratuit à la médiathèque.",
            "Un accès internet gratuit, sans article entre les deux.",
            "Le label Villes Internet, encore : label Villes Internet.",
            "Saint-Malo et ses écoles numériques ; une école numérique.",
        ];
        for (i, t) in texts.iter().enumerate() {
            let mut doc = TantivyDocument::default();
            doc.add_text(f.key, format!("k{i}"));
            doc.add_text(f.title, format!("Page {i}"));
            doc.add_text(f.text, t);
            doc.add_text(f.text_pairs.expect("pairs field"), t);
            writer.add_document(doc).expect("add");
        }
        writer.commit().expect("commit");
        drop(writer);
        let search = SearchIndex::open(dir.path()).expect("open");
        let searcher = search.snapshot();
        let count = |q: &str, pairs: bool| {
            let query = search.parse_with(q, pairs).expect("parses");
            searcher.search(&*query, &Count).expect("search")
        };
        for (q, expected) in [
            ("\"label Villes Internet\"", 2),
            ("\"accès à internet\"", 1),
            ("\"accès internet\"", 1),
            ("\"écoles numériques\"", 1),
            ("\"label villes\" arobases", 1),
            ("\"villes internet\" -\"label villes\"", 2),
            ("Saint-Malo", 1),
            ("\"numérique\"", 1),
        ] {
            assert_eq!(count(q, false), expected, "{q} by positions");
            assert_eq!(count(q, true), expected, "{q} by word pairs");
        }
        assert!(
            search
                .phrases_on_pairs("\"label Villes Internet\" fibre")
                .contains("text_pairs:\"label Villes Internet\""),
        );
        for kept in [
            "title:\"label Villes\"",
            "\"label Villes\"~2",
            "\"numérique\"",
        ] {
            assert_eq!(search.phrases_on_pairs(kept), kept);
        }
    }

    #[test]
    fn syntax_errors_say_where() {
        assert!(check_syntax("fibre \"très haut débit\"").is_ok());
        let e = check_syntax("fibre \"très haut").expect_err("unclosed quote");
        assert!(matches!(e, QueryError::Syntax { column: 7, .. }), "{e}");
        assert!(check_syntax("(fibre OR wifi").is_err());
        assert!(check_syntax("fibre OR").is_err());
        let e = check_syntax("auteur:dupont").expect_err("unknown field");
        assert!(e.to_string().contains("unknown field"), "{e}");
        assert!(check_syntax("commune:72003 -travaux").is_ok());
        assert!(check_syntax("http://www.allonnes.example/").is_ok());
    }

    #[test]
    fn csv_cells_are_not_formulas() {
        assert_eq!(
            spreadsheet_safe("=HYPERLINK(\"x\")".into()),
            "'=HYPERLINK(\"x\")"
        );
        assert_eq!(spreadsheet_safe("@SUM(A1)".into()), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("Fibre optique".into()), "Fibre optique");
    }

    #[test]
    fn hyphenated_words_are_not_exclusions() {
        assert_eq!(quote_compounds("e-démocratie"), "\"e-démocratie\"");
        assert_eq!(
            quote_compounds("topic:open-data fibre"),
            "topic:\"open-data\" fibre"
        );
        assert_eq!(quote_compounds("fibre -travaux"), "fibre -travaux");
        assert_eq!(
            quote_compounds("\"Sablé-sur-Sarthe label\""),
            "\"Sablé-sur-Sarthe label\""
        );
    }

    #[test]
    fn words_with_an_apostrophe_are_quoted() {
        assert_eq!(quote_compounds("l'école"), "\"l'école\"");
        assert_eq!(
            quote_compounds("l’école numérique"),
            "\"l’école\" numérique"
        );
        assert_eq!(quote_compounds("title:d'Allonnes"), "title:\"d'Allonnes\"");
        assert_eq!(quote_compounds("-aujourd'hui"), "-\"aujourd'hui\"");
        assert_eq!(quote_compounds("'fibre' ' optique"), "fibre  optique");
        assert_eq!(
            quote_compounds("\"l'école de Wingles\""),
            "\"l'école de Wingles\""
        );
    }
}
