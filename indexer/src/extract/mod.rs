//! Extraction: from one HTML or PDF capture to a clean French document — main text, title,
//! description, publication date, language, commune (with département and région), the
//! communes it mentions, digital-policy topics and any Villes Internet label. The indexing
//! path and `indexer extract` use this same code.

pub mod compare;
pub mod dates;
pub mod dom;
pub mod html;
pub mod label;
pub mod main_text;
pub mod page_type;
pub mod pdf;

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use url::Url;

use crate::communes::{Communes, Found};
use crate::topics::{Taxonomy, TaxonomyError, TopicScore};
use warc::charset::decode_html;

/// What extraction reads.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The payload (decoded from any content-encoding).
    pub bytes: &'a [u8],
    /// The page's URL, when known.
    pub url: Option<&'a str>,
    /// The Content-Type header, when known.
    pub content_type: Option<&'a str>,
    /// When the page was captured (publication dates are never later).
    pub captured: Option<NaiveDate>,
    /// INSEE code of the crawl seed the page belongs to, when the WARC came from Veille.
    pub seed_insee: Option<&'a str>,
}

/// A clean document.
#[derive(Debug, Clone, Serialize)]
pub struct Extracted {
    /// The URL given.
    pub url: Option<String>,
    /// `html` or `pdf`.
    pub kind: &'static str,
    /// The article's title.
    pub title: Option<String>,
    /// Meta description.
    pub description: Option<String>,
    /// The page's canonical URL (`<link rel=canonical>`), when it gives one.
    pub canonical_url: Option<String>,
    /// Main text, paragraphs separated by blank lines.
    pub text: String,
    /// Publication date (ISO 8601), or null when nothing on the page supports one.
    pub published: Option<String>,
    /// Where the date came from.
    pub published_source: Option<&'static str>,
    /// Language (ISO 639-1), detected from the text.
    pub language: Option<String>,
    /// The commune the page is about (with département and région), or the candidates when
    /// a homonym cannot be resolved.
    pub commune: Option<Found>,
    /// Communes named in the text.
    pub communes_mentioned: Vec<Found>,
    /// Digital-policy topics with scores, best first.
    pub topics: Vec<TopicScore>,
    /// Whether the page is about digital policy (at least one topic).
    pub digital_policy: bool,
    /// A Villes Internet label the page reports.
    pub label: Option<label::Label>,
    /// Links found in the page (absolute, canonical).
    pub outlinks: Vec<String>,
    /// The charset used to decode the page.
    pub charset: Option<String>,
    /// What kind of page it is: `article`, `listing`, `home`, `agenda` or `other`.
    pub page_type: page_type::PageType,
    /// Which extractor's main text was kept (`readability` or `trafilatura`; HTML only).
    pub text_source: Option<compare::Source>,
    /// What each extractor found, when the extractor was asked to keep them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opinions: Option<html::Opinions>,
}

/// Why a payload could not be extracted.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// A PDF that cannot be parsed.
    #[error("PDF could not be read: {0}")]
    Pdf(String),
    /// A content type we do not extract.
    #[error("content type {0:?} is not extracted (HTML and PDF are)")]
    Unsupported(String),
}

/// Extraction with its reference data (communes, topic taxonomy) loaded once.
pub struct Extractor {
    communes: Communes,
    taxonomy: Taxonomy,
    method: html::Method,
    keep_opinions: bool,
}

impl Extractor {
    /// Loads the bundled communes and taxonomy.
    pub fn new() -> Result<Self, TaxonomyError> {
        Ok(Self {
            communes: Communes::load(),
            taxonomy: Taxonomy::bundled()?,
            method: html::Method::Both,
            keep_opinions: false,
        })
    }

    /// Uses these extractors for the main text, title and date; `keep_opinions` keeps what
    /// each found in [`Extracted::opinions`] (to compare them).
    pub fn with_method(mut self, method: html::Method, keep_opinions: bool) -> Self {
        self.method = method;
        self.keep_opinions = keep_opinions;
        self
    }

    /// The communes list.
    pub fn communes(&self) -> &Communes {
        &self.communes
    }

    /// Extracts a document from an HTML or PDF payload.
    pub fn extract(&self, input: &Input) -> Result<Extracted, ExtractError> {
        self.extract_with(input, true)
    }

    /// Extracts a document without listing its outlinks (what the index needs; one HTML
    /// parse less).
    pub fn extract_for_index(&self, input: &Input) -> Result<Extracted, ExtractError> {
        self.extract_with(input, false)
    }

    fn extract_with(&self, input: &Input, with_outlinks: bool) -> Result<Extracted, ExtractError> {
        let ct = input.content_type.unwrap_or_default().to_ascii_lowercase();
        let is_pdf = ct.contains("pdf") || input.bytes.starts_with(b"%PDF");
        let is_html = ct.contains("html")
            || ct.is_empty()
            || ct.starts_with("text/plain") && looks_like_html(input.bytes);
        let url = input.url.and_then(|u| Url::parse(u).ok());
        let mut canonical_url = None;
        let (mut text_source, mut opinions) = (None, None);
        let mut kind_of_page = page_type::PageType::Article;
        let (title, description, text, mut published, mut source, charset, outlinks, kind) =
            if is_pdf {
                let text = pdf::text(input.bytes).map_err(ExtractError::Pdf)?;
                let title = text
                    .lines()
                    .map(str::trim)
                    .find(|l| l.len() > 5)
                    .map(str::to_string);
                let published = input
                    .url
                    .and_then(dates::url_date)
                    .filter(|d| input.captured.is_none_or(|c| *d <= c));
                (
                    title,
                    None,
                    text,
                    published,
                    published.map(|_| "url"),
                    None,
                    Vec::new(),
                    "pdf",
                )
            } else if is_html {
                // A page of several megabytes is a data dump or a trap, not an article: its head
                // is enough (and keeps extraction time bounded).
                let bytes = &input.bytes[..input.bytes.len().min(MAX_HTML_BYTES)];
                let decoded = decode_html(bytes, input.content_type);
                let facts = html::read_with(
                    &decoded.text,
                    url.as_ref(),
                    input.captured,
                    self.method,
                    self.keep_opinions,
                );
                canonical_url = facts.canonical.clone();
                text_source = facts.text_source;
                opinions = facts.opinions;
                kind_of_page = facts.page_type.unwrap_or(page_type::PageType::Other);
                let outlinks = url
                    .as_ref()
                    .filter(|_| with_outlinks)
                    .map(|u| {
                        web::discover::html_links(
                            u,
                            decoded.text.as_bytes(),
                            Some("text/html; charset=utf-8"),
                        )
                        .urls
                        .into_iter()
                        .map(String::from)
                        .collect()
                    })
                    .unwrap_or_default();
                (
                    facts.title,
                    facts.description,
                    facts.text,
                    facts.published,
                    facts.published_source,
                    Some(decoded.encoding.name().to_string()),
                    outlinks,
                    "html",
                )
            } else {
                return Err(ExtractError::Unsupported(ct));
            };

        // A listing or a home page repeats the dates of the articles it lists: none is its own.
        if !kind_of_page.is_single_item() {
            published = None;
            source = None;
        }
        let full = format!("{}\n\n{}", title.clone().unwrap_or_default(), text);
        let language = detect_language(&full);
        let runs: Vec<&str> = crate::analysis::word_runs(&full).collect();
        let text_deps = self.communes.departements_in_runs(&full, &runs);
        // The commune of the site: the crawl seed's, else the one the host names.
        let site_commune = input
            .seed_insee
            .and_then(|code| self.communes.by_insee(code))
            .map(|c| Found::One(c.clone()))
            .or_else(|| {
                url.as_ref()
                    .and_then(|u| u.host_str())
                    .and_then(|h| self.communes.from_host(h, &text_deps))
            });
        let mut context: HashSet<String> = text_deps.clone();
        let site_codes: Option<Vec<String>> = site_commune.as_ref().map(|f| match f {
            Found::One(c) => vec![c.insee.clone()],
            Found::Ambiguous { candidates, .. } => candidates.clone(),
        });
        if let Some(c) = site_commune.as_ref().and_then(Found::commune) {
            context.insert(c.departement.clone());
        }
        let mentions = self.communes.mentions_in_runs(
            &full,
            &runs,
            &text_deps,
            &context,
            site_codes.as_deref(),
        );
        let site_commune = site_commune.map(|f| self.communes.settle(f, &mentions));
        let title_end = title.as_ref().map_or(0, String::len);
        let commune = site_commune.or_else(|| page_commune(&mentions, title_end));
        // Where each commune is named (by byte offset), for the label's sentence.
        let mut named_at: Vec<(usize, String)> = mentions
            .iter()
            .filter_map(|m| Some((m.found.commune()?, &m.at)))
            .flat_map(|(c, ats)| ats.iter().map(|at| (*at, c.insee.clone())))
            .collect();
        named_at.sort();
        let communes_mentioned: Vec<Found> = mentions.into_iter().map(|m| m.found).collect();
        let topics = self.taxonomy.classify_runs(&runs);
        let commune_insee = commune
            .as_ref()
            .and_then(Found::commune)
            .map(|c| c.insee.clone());
        let label = kind_of_page
            .is_single_item()
            .then(|| {
                label::find(
                    &full,
                    title_end,
                    published.map(|d| d.year()),
                    commune_insee.as_deref(),
                    &named_at,
                )
            })
            .flatten();
        // A page of no known commune announcing one town's label is about that town.
        let commune = commune.or_else(|| {
            label
                .as_ref()
                .and_then(|l| l.commune.as_deref())
                .and_then(|code| self.communes.by_insee(code))
                .map(|c| Found::One(c.clone()))
        });
        Ok(Extracted {
            url: input.url.map(str::to_string),
            kind,
            title,
            description,
            canonical_url,
            digital_policy: !topics.is_empty(),
            topics,
            text,
            published: published.map(|d| d.format("%Y-%m-%d").to_string()),
            published_source: source,
            language,
            commune,
            communes_mentioned,
            label,
            outlinks,
            charset,
            page_type: kind_of_page,
            text_source,
            opinions,
        })
    }
}

/// The commune a page from a site that is not a town's is about: the one commune its title
/// names, else one the text names at least three times and twice as often as any other;
/// never a name the text mentions in passing.
fn page_commune(mentions: &[crate::communes::Mention], title_end: usize) -> Option<Found> {
    let in_title: Vec<&crate::communes::Mention> =
        mentions.iter().filter(|m| m.first() < title_end).collect();
    if let [one] = in_title.as_slice() {
        return one.found.commune().map(|_| one.found.clone());
    }
    if !in_title.is_empty() {
        return None;
    }
    let mut by_count: Vec<&crate::communes::Mention> = mentions.iter().collect();
    by_count.sort_by_key(|m| std::cmp::Reverse(m.count()));
    match by_count.as_slice() {
        [top, rest @ ..]
            if top.count() >= 3
                && top.found.commune().is_some()
                && rest
                    .first()
                    .is_none_or(|second| top.count() >= 2 * second.count()) =>
        {
            Some(top.found.clone())
        }
        _ => None,
    }
}

/// HTML past this size is cut before extraction.
pub const MAX_HTML_BYTES: usize = 2 * 1024 * 1024;

fn looks_like_html(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    head.contains("<html") || head.contains("<!doctype html")
}

/// Characters of a text that language detection reads: a thousand tell French from its
/// neighbours as well as the whole text does.
const LANGUAGE_SAMPLE_CHARS: usize = 1000;

/// Languages told apart: those met on French municipal sites (French, its neighbours, and the
/// languages of large communities in France).
const LANGUAGES: &[whatlang::Lang] = {
    use whatlang::Lang::*;
    &[
        Fra, Eng, Deu, Spa, Ita, Por, Nld, Cat, Ara, Tur, Pol, Ron, Rus,
    ]
};

static LANGUAGE_DETECTOR: std::sync::LazyLock<whatlang::Detector> =
    std::sync::LazyLock::new(|| whatlang::Detector::with_allowlist(LANGUAGES.to_vec()));

/// Words that only French uses among the [`LANGUAGES`]: in French prose they make about one
/// word in ten, in the others next to none.
const FRENCH_ONLY_WORDS: &[&str] = &[
    "et", "est", "une", "pour", "dans", "du", "au", "aux", "avec", "sur", "cette", "sont", "ont",
    "été", "nous", "vous", "ils", "leur", "leurs", "mais", "aussi", "depuis",
];

/// The language of a text (ISO 639-1), from its first [`LANGUAGE_SAMPLE_CHARS`] characters.
/// Plain French prose is recognised by its function words; anything else goes to `whatlang`.
fn detect_language(text: &str) -> Option<String> {
    let end = text
        .char_indices()
        .nth(LANGUAGE_SAMPLE_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let sample = &text[..end];
    let (mut words, mut french) = (0, 0);
    for word in sample.split(|c: char| !crate::analysis::is_word_char(c)) {
        if word.is_empty() {
            continue;
        }
        words += 1;
        if word.len() <= 6
            && FRENCH_ONLY_WORDS
                .iter()
                .any(|f| f.eq_ignore_ascii_case(word))
        {
            french += 1;
        }
    }
    if words >= 40 && french * 100 >= words * 7 {
        return Some("fr".to_string());
    }
    LANGUAGE_DETECTOR
        .detect(sample)
        .map(|info| iso639_1(info.lang()).to_string())
}

/// ISO 639-1 code of a detected language (639-3 when there is no two-letter code).
fn iso639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Fra => "fr",
        Eng => "en",
        Deu => "de",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Cat => "ca",
        Ara => "ar",
        Tur => "tr",
        Pol => "pl",
        Ron => "ro",
        Rus => "ru",
        other => other.code(),
    }
}

#[cfg(test)]
mod language_tests {
    use super::detect_language;

    #[test]
    fn french_is_recognised_and_its_neighbours_are_not_taken_for_it() {
        let cases = [
            (
                "fr",
                "La commune a obtenu le label Villes Internet avec deux arobases. Depuis cette \
                 année, les familles peuvent payer la cantine en ligne et suivre les travaux de \
                 la fibre optique sur le site de la mairie. Le conseil municipal a aussi voté \
                 l'ouverture d'un espace public numérique dans la médiathèque, avec des ateliers \
                 pour les seniors et des postes en accès libre. Les élus sont satisfaits.",
            ),
            (
                "en",
                "The town council voted on Thursday to extend the fibre network to the northern \
                 districts. Families can now pay for school meals online, and the library will \
                 open a digital space with free computers and workshops for older residents. \
                 The mayor said the project had been planned for several years and would be \
                 finished before the end of next year, with support from the region.",
            ),
            (
                "es",
                "El ayuntamiento aprobó el jueves la extensión de la red de fibra óptica a los \
                 barrios del norte. Las familias ya pueden pagar el comedor escolar por internet \
                 y la biblioteca abrirá un espacio digital con ordenadores gratuitos y talleres \
                 para las personas mayores. El alcalde dijo que el proyecto estaba previsto desde \
                 hace varios años y que terminará antes del final del año que viene.",
            ),
            (
                "it",
                "Il consiglio comunale ha votato giovedì l'estensione della rete in fibra ottica \
                 ai quartieri del nord. Le famiglie possono ormai pagare la mensa scolastica \
                 online e la biblioteca aprirà uno spazio digitale con computer gratuiti e \
                 laboratori per gli anziani. Il sindaco ha detto che il progetto era previsto da \
                 diversi anni e che sarà terminato prima della fine del prossimo anno.",
            ),
            (
                "ca",
                "L'ajuntament va aprovar dijous l'extensió de la xarxa de fibra òptica als \
                 barris del nord. Les famílies ja poden pagar el menjador escolar per internet i \
                 la biblioteca obrirà un espai digital amb ordinadors gratuïts i tallers per a \
                 la gent gran. L'alcalde va dir que el projecte estava previst des de fa anys i \
                 que s'acabarà abans del final de l'any vinent, amb el suport de la regió.",
            ),
        ];
        for (lang, text) in cases {
            assert_eq!(detect_language(text).as_deref(), Some(lang), "{text}");
        }
    }
}
