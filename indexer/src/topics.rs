//! Digital-policy topics from the taxonomy in `data/topics.toml`: weighted French words and
//! phrases per topic, matched on analysed text (folded, stemmed), giving each document its
//! topics with scores and an is-digital-policy flag.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::analysis::FrenchStemmer;

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

struct Topic {
    id: String,
    label: String,
    terms: Vec<(Vec<String>, f64)>,
    exclude: Vec<Vec<String>>,
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
        let topics = file
            .topics
            .into_iter()
            .map(|t| Topic {
                id: t.id,
                label: t.label,
                terms: t
                    .terms
                    .into_iter()
                    .map(|term| (stemmer.stems(&term.text), term.weight))
                    .filter(|(stems, _)| !stems.is_empty())
                    .collect(),
                exclude: t.exclude.iter().map(|e| stemmer.stems(e)).collect(),
            })
            .collect();
        Ok(Self {
            topics,
            threshold: file.threshold,
            stemmer,
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
        let stems = self.stemmer.stems(text);
        let mut starts: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, s) in stems.iter().enumerate() {
            starts.entry(s.as_str()).or_default().push(i);
        }
        let count = |seq: &[String]| -> Vec<usize> {
            starts
                .get(seq[0].as_str())
                .map(|positions| {
                    positions
                        .iter()
                        .copied()
                        .filter(|p| stems.get(*p..*p + seq.len()).is_some_and(|w| w == seq))
                        .collect()
                })
                .unwrap_or_default()
        };
        let length_factor = ((stems.len().max(100)) as f64 / 100.0).sqrt();
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
