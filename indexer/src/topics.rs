//! Digital-policy topics from the taxonomy in `data/topics.toml`: weighted French words and
//! phrases per topic, matched on analysed text (folded, stemmed), giving each document its
//! topics with scores and an is-digital-policy flag.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::analysis::{FrenchStemmer, fold, run_words, word_runs};

const TOPICS_TOML: &str = include_str!("../../data/topics.toml");

/// Errors loading a taxonomy.
#[derive(Debug, thiserror::Error)]
#[error("topic taxonomy is invalid: {0}")]
pub struct TaxonomyError(String);

#[derive(Debug, Deserialize)]
struct TaxonomyFile {
    threshold: f64,
    #[serde(rename = "topic")]
    topics: Vec<TopicSpec>,
}

#[derive(Debug, Deserialize)]
struct TopicSpec {
    id: String,
    label: String,
    terms: Vec<TermSpec>,
    #[serde(default)]
    exclude: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct TermSpec {
    text: String,
    weight: f64,
}

/// A word whose stem is in no term of the taxonomy.
const OTHER: u32 = u32::MAX;

/// A sequence of stems, as their numbers in the taxonomy's vocabulary.
type Phrase = Vec<u32>;

struct Topic {
    id: String,
    label: String,
    terms: Vec<(Phrase, f64)>,
    exclude: Vec<Phrase>,
}

/// A topic found in a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicScore {
    /// Topic id (`tres-haut-debit`).
    pub id: String,
    /// Human label (`Très haut débit et fibre`).
    pub label: String,
    /// Score (0 when absent; kept topics reach the taxonomy's threshold).
    pub score: f64,
}

/// The taxonomy, ready to score documents.
pub struct Taxonomy {
    topics: Vec<Topic>,
    threshold: f64,
    stemmer: FrenchStemmer,
    /// Stem → its number, for every stem of a term or an exclusion.
    vocabulary: HashMap<String, u32>,
    /// Tells this taxonomy's entries apart in the per-thread word cache.
    serial: u64,
}

/// Numbers taxonomies for [`WORD_IDS`].
static SERIAL: AtomicU64 = AtomicU64::new(0);

/// Written words remembered per thread before the cache starts over.
const WORD_CACHE: usize = 200_000;

thread_local! {
    /// Written word (as it appears in texts) → its stem's number in the vocabulary of the
    /// taxonomy with that serial, or [`OTHER`]. Pages of a corpus share most of their words,
    /// so most words are neither folded nor stemmed again.
    static WORD_IDS: RefCell<(u64, FxHashMap<Box<str>, u32>)> =
        RefCell::new((u64::MAX, FxHashMap::default()));
}

/// Each distinct term counts at most this many times.
const MAX_COUNT: usize = 3;

impl Taxonomy {
    /// The bundled taxonomy (`data/topics.toml`).
    pub fn bundled() -> Result<Self, TaxonomyError> {
        Self::from_toml(TOPICS_TOML)
    }

    /// A taxonomy from TOML text.
    pub fn from_toml(text: &str) -> Result<Self, TaxonomyError> {
        let file: TaxonomyFile = toml::from_str(text).map_err(|e| TaxonomyError(e.to_string()))?;
        let stemmer = FrenchStemmer::default();
        let mut vocabulary: HashMap<String, u32> = HashMap::new();
        let mut phrase = |text: &str| -> Phrase {
            stemmer
                .stems(text)
                .into_iter()
                .map(|stem| {
                    let next = vocabulary.len() as u32;
                    *vocabulary.entry(stem).or_insert(next)
                })
                .collect()
        };
        let topics = file
            .topics
            .into_iter()
            .map(|t| Topic {
                id: t.id,
                label: t.label,
                terms: t
                    .terms
                    .into_iter()
                    .map(|term| (phrase(&term.text), term.weight))
                    .filter(|(stems, _)| !stems.is_empty())
                    .collect(),
                exclude: t
                    .exclude
                    .iter()
                    .map(|e| phrase(e))
                    .filter(|stems| !stems.is_empty())
                    .collect(),
            })
            .collect();
        Ok(Self {
            topics,
            threshold: file.threshold,
            stemmer,
            vocabulary,
            serial: SERIAL.fetch_add(1, Ordering::Relaxed),
        })
    }

    /// The words of runs ([`word_runs`]) as stem numbers ([`OTHER`] for stems no term uses).
    fn word_ids(&self, runs: &[&str]) -> Vec<u32> {
        WORD_IDS.with(|cache| {
            let mut cache = cache.borrow_mut();
            let (serial, ids) = &mut *cache;
            if *serial != self.serial || ids.len() > WORD_CACHE {
                ids.clear();
                *serial = self.serial;
            }
            runs.iter()
                .flat_map(|run| run_words(run))
                .map(|word| match ids.get(word) {
                    Some(id) => *id,
                    None => {
                        let stem = self.stemmer.stem(&fold(word));
                        let id = self.vocabulary.get(&stem).copied().unwrap_or(OTHER);
                        ids.insert(word.into(), id);
                        id
                    }
                })
                .collect()
        })
    }

    /// Every topic's id and label, in taxonomy order.
    pub fn topics(&self) -> impl Iterator<Item = (&str, &str)> {
        self.topics
            .iter()
            .map(|t| (t.id.as_str(), t.label.as_str()))
    }

    /// The topics of a text whose score reaches the threshold, best first.
    pub fn classify(&self, text: &str) -> Vec<TopicScore> {
        self.classify_runs(&word_runs(text).collect::<Vec<_>>())
    }

    /// [`Taxonomy::classify`] on a text already cut into [`word_runs`].
    pub fn classify_runs(&self, runs: &[&str]) -> Vec<TopicScore> {
        let words = self.word_ids(runs);
        // Where each vocabulary stem occurs, grouped by stem (a counting sort).
        let mut first = vec![0usize; self.vocabulary.len() + 1];
        for &id in words.iter().filter(|id| **id != OTHER) {
            first[id as usize + 1] += 1;
        }
        for k in 1..first.len() {
            first[k] += first[k - 1];
        }
        let mut positions = vec![0usize; first[first.len() - 1]];
        let mut fill = first.clone();
        for (p, &id) in words.iter().enumerate().filter(|(_, id)| **id != OTHER) {
            positions[fill[id as usize]] = p;
            fill[id as usize] += 1;
        }
        let count = |seq: &[u32]| -> Vec<usize> {
            let id = seq[0] as usize;
            positions[first[id]..first[id + 1]]
                .iter()
                .copied()
                .filter(|p| words.get(*p..*p + seq.len()).is_some_and(|w| w == seq))
                .collect()
        };
        let length_factor = ((words.len().max(100)) as f64 / 100.0).sqrt();
        let mut out: Vec<TopicScore> = self
            .topics
            .iter()
            .filter_map(|topic| {
                // Positions covered by exclusion phrases do not count.
                let excluded: Vec<(usize, usize)> = topic
                    .exclude
                    .iter()
                    .flat_map(|e| count(e).into_iter().map(move |p| (p, p + e.len())))
                    .collect();
                let raw: f64 = topic
                    .terms
                    .iter()
                    .map(|(seq, weight)| {
                        // An occurrence touching an excluded word does not count.
                        let hits = count(seq)
                            .into_iter()
                            .filter(|p| {
                                !excluded.iter().any(|(a, b)| *p < *b && p + seq.len() > *a)
                            })
                            .count();
                        weight * hits.min(MAX_COUNT) as f64
                    })
                    .sum();
                let score = raw / length_factor;
                (score >= self.threshold).then(|| TopicScore {
                    id: topic.id.clone(),
                    label: topic.label.clone(),
                    score: (score * 100.0).round() / 100.0,
                })
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score));
        out
    }
}
