//! The index schema: one document per distinct content of a URL (URL + payload digest), with
//! every capture date of that content and the life of its URL (state, gone since and how).

use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED,
    STRING, Schema, TextFieldIndexing, TextOptions,
};

use crate::analysis::{FRENCH_ANALYZER, FRENCH_PAIRS_ANALYZER};

/// The schema's fields.
#[derive(Debug, Clone)]
pub struct Fields {
    /// `url digest`: the document's identity.
    pub key: Field,
    /// The URL as captured.
    pub url: Field,
    /// The canonical URL (from `<link rel=canonical>`, else the URL).
    pub canonical_url: Field,
    /// Host name.
    pub host: Field,
    /// Commune INSEE code.
    pub commune_insee: Field,
    /// Commune name (searchable).
    pub commune_name: Field,
    /// Département code.
    pub departement: Field,
    /// Région code.
    pub region: Field,
    /// Title (searchable, boosted).
    pub title: Field,
    /// Description (searchable).
    pub description: Field,
    /// Main text (searchable, stored for snippets).
    pub text: Field,
    /// The main text's word pairs, for phrase queries (see
    /// [`crate::analysis::french_pairs_analyzer`]); `None` in indexes made before them.
    pub text_pairs: Option<Field>,
    /// Publication date.
    pub published: Field,
    /// Capture dates (several).
    pub captured: Field,
    /// First capture date (for sorting when there is no publication date).
    pub first_captured: Field,
    /// Topics, as facets `/topic/ID`.
    pub topics: Field,
    /// Topic ids (exact terms, for filters and facet counts).
    pub topic_ids: Field,
    /// Publication year (for facet counts).
    pub year: Field,
    /// 1 when about digital policy.
    pub digital_policy: Field,
    /// Villes Internet rating.
    pub label_rating: Field,
    /// Villes Internet year.
    pub label_year: Field,
    /// Language code.
    pub language: Field,
    /// Content type.
    pub content_type: Field,
    /// HTTP status.
    pub status: Field,
    /// Payload digest.
    pub digest: Field,
    /// WARC file of the first capture.
    pub warc_file: Field,
    /// Offset of that capture in its WARC file.
    pub warc_offset: Field,
    /// Communes mentioned (INSEE codes).
    pub communes_mentioned: Field,
    /// Page type (`article`, `listing`, `home`, `agenda`, `other`).
    pub page_type: Field,
    /// The URL's state (`gone`, `changed`, `unchanged`, `once`; see [`crate::life`]).
    pub state: Field,
    /// When the URL was first found gone.
    pub gone_since: Field,
    /// How it went (`404`, `410`, `redirect-home`, `redirect`, `unlinked`).
    pub gone_how: Field,
    /// Where it redirects to, when it went by a redirect.
    pub gone_to: Field,
    /// First capture of the URL that answered (any content).
    pub url_first_seen: Field,
    /// Last capture of the URL that answered.
    pub url_last_seen: Field,
    /// 1 when this content is the URL's latest.
    pub latest: Field,
    /// Every capture outcome of the URL ([`crate::life::Life`] as JSON).
    pub life: Field,
}

/// Builds the schema and its field handles.
pub fn build() -> (Schema, Fields) {
    build_with(true)
}

/// The schema with or without the main text's word pairs (indexes made before them have
/// none, and still work: see [`crate::indexing::open_or_create`]).
pub fn build_with(pairs: bool) -> (Schema, Fields) {
    let mut b = Schema::builder();
    let french = |stored: bool| {
        let opts = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(FRENCH_ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        if stored { opts.set_stored() } else { opts }
    };
    let date = DateOptions::default()
        .set_indexed()
        .set_stored()
        .set_fast()
        .set_precision(DateTimePrecision::Seconds);
    let fields = Fields {
        key: b.add_text_field("key", STRING | STORED | FAST),
        url: b.add_text_field("url", STRING | STORED),
        canonical_url: b.add_text_field("canonical_url", STRING | STORED),
        host: b.add_text_field("host", STRING | STORED | FAST),
        commune_insee: b.add_text_field("commune", STRING | STORED | FAST),
        commune_name: b.add_text_field("commune_name", french(true)),
        departement: b.add_text_field("departement", STRING | STORED | FAST),
        region: b.add_text_field("region", STRING | STORED | FAST),
        title: b.add_text_field("title", french(true)),
        description: b.add_text_field("description", french(true)),
        text: b.add_text_field("text", french(true)),
        text_pairs: pairs.then(|| {
            b.add_text_field(
                "text_pairs",
                TextOptions::default().set_indexing_options(
                    TextFieldIndexing::default()
                        .set_tokenizer(FRENCH_PAIRS_ANALYZER)
                        .set_index_option(IndexRecordOption::WithFreqsAndPositions),
                ),
            )
        }),
        published: b.add_date_field("published", date.clone()),
        captured: b.add_date_field("captured", date.clone()),
        first_captured: b.add_date_field("first_captured", date.clone()),
        topics: b.add_facet_field("topics", FacetOptions::default().set_stored()),
        topic_ids: b.add_text_field("topic", STRING | STORED | FAST),
        year: b.add_u64_field("year", INDEXED | STORED | FAST),
        digital_policy: b.add_u64_field("digital_policy", INDEXED | STORED | FAST),
        label_rating: b.add_u64_field("label_rating", INDEXED | STORED | FAST),
        label_year: b.add_u64_field("label_year", INDEXED | STORED | FAST),
        language: b.add_text_field("language", STRING | STORED),
        content_type: b.add_text_field("content_type", STRING | STORED),
        status: b.add_u64_field("status", INDEXED | STORED),
        digest: b.add_text_field("digest", STRING | STORED),
        warc_file: b.add_text_field("warc_file", STORED),
        warc_offset: b.add_u64_field("warc_offset", STORED),
        communes_mentioned: b.add_text_field("communes_mentioned", STRING | STORED),
        page_type: b.add_text_field("page_type", STRING | STORED | FAST),
        state: b.add_text_field("state", STRING | STORED | FAST),
        gone_since: b.add_date_field("gone_since", date.clone()),
        gone_how: b.add_text_field("gone_how", STRING | STORED | FAST),
        gone_to: b.add_text_field("gone_to", STORED),
        url_first_seen: b.add_date_field("url_first_seen", date.clone()),
        url_last_seen: b.add_date_field("url_last_seen", date),
        latest: b.add_u64_field("latest", INDEXED | STORED | FAST),
        life: b.add_text_field("life", STORED),
    };
    (b.build(), fields)
}

impl Fields {
    /// The fields of an index's schema (by name), checking that it is this schema.
    pub fn of(schema: &Schema) -> tantivy::Result<Self> {
        let f = |name: &str| schema.get_field(name);
        Ok(Self {
            key: f("key")?,
            url: f("url")?,
            canonical_url: f("canonical_url")?,
            host: f("host")?,
            commune_insee: f("commune")?,
            commune_name: f("commune_name")?,
            departement: f("departement")?,
            region: f("region")?,
            title: f("title")?,
            description: f("description")?,
            text: f("text")?,
            text_pairs: f("text_pairs").ok(),
            published: f("published")?,
            captured: f("captured")?,
            first_captured: f("first_captured")?,
            topics: f("topics")?,
            topic_ids: f("topic")?,
            year: f("year")?,
            digital_policy: f("digital_policy")?,
            label_rating: f("label_rating")?,
            label_year: f("label_year")?,
            language: f("language")?,
            content_type: f("content_type")?,
            status: f("status")?,
            digest: f("digest")?,
            warc_file: f("warc_file")?,
            warc_offset: f("warc_offset")?,
            communes_mentioned: f("communes_mentioned")?,
            page_type: f("page_type")?,
            state: f("state")?,
            gone_since: f("gone_since")?,
            gone_how: f("gone_how")?,
            gone_to: f("gone_to")?,
            url_first_seen: f("url_first_seen")?,
            url_last_seen: f("url_last_seen")?,
            latest: f("latest")?,
            life: f("life")?,
        })
    }
}
