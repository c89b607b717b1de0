//! French communes (from `data/communes.csv`, derived from the official geographic code; see
//! data/README.md): lookup by INSEE code, recognition in host names and in text, with
//! homonyms (three communes are named Allonnes) resolved by département context or reported
//! as ambiguous, never guessed.

use std::collections::{HashMap, HashSet};

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::analysis::{fold, fold_into, split_apostrophes, word_runs};

const COMMUNES_CSV: &str = include_str!("../../data/communes.csv");
const DEPARTEMENTS_CSV: &str = include_str!("../../data/departements.csv");
const REGIONS_CSV: &str = include_str!("../../data/regions.csv");

/// One commune, with its département and région.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Commune {
    /// INSEE code (`72003`).
    pub insee: String,
    /// Official name (`Allonnes`).
    pub name: String,
    /// Département code (`72`).
    pub departement: String,
    /// Département name (`Sarthe`).
    pub departement_name: String,
    /// Région code (`52`).
    pub region: String,
    /// Région name (`Pays de la Loire`).
    pub region_name: String,
}

/// A commune name found somewhere, resolved to one commune or left ambiguous.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Found {
    /// One commune.
    One(Commune),
    /// A name several communes share, with no context to choose: all candidates.
    Ambiguous {
        /// The name.
        name: String,
        /// INSEE codes of the communes bearing it.
        candidates: Vec<String>,
    },
}

impl Found {
    /// The commune, when resolved.
    pub fn commune(&self) -> Option<&Commune> {
        match self {
            Self::One(c) => Some(c),
            Self::Ambiguous { .. } => None,
        }
    }
}

/// Capitalised words that are commune names but far more often something else in municipal
/// news (months, operators, common nouns).
const STOP_NAMES: &[&str] = &[
    "mars", "mai", "juin", "orange", "ville", "mairie", "plan", "port", "pont", "bois", "saint",
    "sainte", "sports", "vie", "eu", "y", "bus", "free", "fleurs", "mont", "ferme", "val", "lac",
    "loire", "seine", "marne", "moselle", "somme", "sarthe", "vienne", "charente", "creuse",
    "aube", "ain", "aisne", "allier", "ardennes", "cher", "doubs", "eure", "gard", "gers", "indre",
    "isere", "jura", "landes", "lot", "manche", "mayenne", "meuse", "nord", "oise", "orne", "tarn",
    "var", "vendee", "vosges", "yonne", "essonne", "paris", "france", "europe", "internet", "wifi",
    "conseil", "centre", "grand", "nouvelle", "rue", "place", "fontaine", "moulin",
];

/// The communes of France.
pub struct Communes {
    list: Vec<Commune>,
    by_insee: HashMap<String, usize>,
    by_key: FxHashMap<String, Vec<usize>>,
    /// Every key of `by_key` and the first words of each (`le`, `le mans`).
    name_prefixes: FxHashSet<String>,
    by_compact: HashMap<String, Vec<usize>>,
    /// Display names of the départements, by code.
    departement_names: HashMap<String, String>,
    /// Département names by their first word: (code, words of the name).
    dep_by_first_word: FxHashMap<String, Vec<(String, Vec<String>)>>,
    /// Bytes in the shortest first word of a département name (shorter words are skipped).
    shortest_first_word: usize,
    max_words: usize,
}

/// The matching key of a name: folded words joined by spaces (`Sablé-sur-Sarthe` →
/// `sable sur sarthe`).
pub fn name_key(name: &str) -> String {
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Communes {
    /// Loads the bundled lists.
    pub fn load() -> Self {
        let departements: HashMap<String, (String, String)> = csv_rows(DEPARTEMENTS_CSV)
            .into_iter()
            .filter_map(|r| Some((r.first()?.clone(), (r.get(1)?.clone(), r.get(2)?.clone()))))
            .collect();
        let regions: HashMap<String, String> = csv_rows(REGIONS_CSV)
            .into_iter()
            .filter_map(|r| Some((r.first()?.clone(), r.get(1)?.clone())))
            .collect();
        let mut list = Vec::new();
        for r in csv_rows(COMMUNES_CSV) {
            let (Some(insee), Some(name), Some(dep), Some(reg)) =
                (r.first(), r.get(1), r.get(2), r.get(3))
            else {
                continue;
            };
            list.push(Commune {
                insee: insee.clone(),
                name: name.clone(),
                departement: dep.clone(),
                departement_name: departements
                    .get(dep)
                    .map(|d| d.0.clone())
                    .unwrap_or_default(),
                region: reg.clone(),
                region_name: regions.get(reg).cloned().unwrap_or_default(),
            });
        }
        let mut by_insee = HashMap::new();
        let mut by_key: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut by_compact: HashMap<String, Vec<usize>> = HashMap::new();
        let mut max_words = 1;
        for (i, c) in list.iter().enumerate() {
            by_insee.insert(c.insee.clone(), i);
            let key = name_key(&c.name);
            max_words = max_words.max(key.split(' ').count());
            by_compact.entry(key.replace(' ', "")).or_default().push(i);
            by_key.entry(key).or_default().push(i);
        }
        let mut name_prefixes = FxHashSet::default();
        for key in by_key.keys() {
            let mut end = 0;
            for word in key.split(' ') {
                end += word.len();
                name_prefixes.insert(key[..end].to_string());
                end += 1;
            }
        }
        let departement_names: HashMap<String, String> = departements
            .iter()
            .map(|(code, (name, _))| (code.clone(), name.clone()))
            .collect();
        let mut deps: Vec<(String, String)> = departements
            .into_iter()
            .map(|(code, (name, _))| (code, name_key(&name)))
            .collect();
        deps.sort();
        let mut dep_by_first_word: FxHashMap<String, Vec<(String, Vec<String>)>> =
            FxHashMap::default();
        for (code, key) in &deps {
            let words: Vec<String> = key.split(' ').map(str::to_string).collect();
            if let Some(first) = words.first() {
                dep_by_first_word
                    .entry(first.clone())
                    .or_default()
                    .push((code.clone(), words));
            }
        }
        // Folding never makes a word longer than its written form has bytes.
        let shortest_first_word = dep_by_first_word.keys().map(String::len).min().unwrap_or(1);
        Self {
            shortest_first_word,
            dep_by_first_word,
            list,
            by_insee,
            by_key,
            name_prefixes,
            by_compact,
            departement_names,
            max_words: max_words.min(8),
        }
    }

    /// Number of communes.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The commune with an INSEE code.
    pub fn by_insee(&self, insee: &str) -> Option<&Commune> {
        self.by_insee.get(insee).map(|i| &self.list[*i])
    }

    /// Communes bearing a name (any case, accents optional).
    pub fn by_name(&self, name: &str) -> Vec<&Commune> {
        self.by_key
            .get(&name_key(name))
            .map(|v| v.iter().map(|i| &self.list[*i]).collect())
            .unwrap_or_default()
    }

    /// Communes whose name starts with `prefix` (any case, accents optional), sorted by
    /// name, at most `limit`.
    pub fn with_prefix(&self, prefix: &str, limit: usize) -> Vec<&Commune> {
        let key = name_key(prefix);
        if key.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<&Commune> = self
            .by_key
            .iter()
            .filter(|(k, _)| k.starts_with(&key))
            .flat_map(|(_, v)| v.iter().map(|i| &self.list[*i]))
            .collect();
        found.sort_by(|a, b| {
            (a.name.len(), &a.name, &a.insee).cmp(&(b.name.len(), &b.name, &b.insee))
        });
        found.truncate(limit);
        found
    }

    /// The display name of a département (`72` → `Sarthe`).
    pub fn departement_name(&self, code: &str) -> Option<&str> {
        self.departement_names.get(code).map(String::as_str)
    }

    /// Départements a text refers to: by name (`Maine-et-Loire`) or as a code in parentheses
    /// (`Allonnes (49)`).
    pub fn departements_in(&self, text: &str) -> HashSet<String> {
        self.departements_in_runs(text, &word_runs(text).collect::<Vec<_>>())
    }

    /// [`Communes::departements_in`] with the text's [`word_runs`] already cut.
    pub fn departements_in_runs(&self, text: &str, runs: &[&str]) -> HashSet<String> {
        // The words of `name_key(text)`, folded only when a name could start there.
        let words: Vec<&str> = runs
            .iter()
            .flat_map(|r| split_apostrophes(r))
            .filter(|w| !w.is_empty())
            .collect();
        let mut out = HashSet::new();
        let (mut first, mut next) = (String::new(), String::new());
        for (i, w) in words.iter().enumerate() {
            if w.len() < self.shortest_first_word {
                continue;
            }
            let Some(candidates) = self.dep_by_first_word.get(folded(w, &mut first)) else {
                continue;
            };
            for (code, name_words) in candidates {
                let matches = name_words.len() <= words.len() - i
                    && name_words[1..]
                        .iter()
                        .zip(&words[i + 1..])
                        .all(|(n, w)| n == folded(w, &mut next));
                if matches {
                    out.insert(code.clone());
                }
            }
        }
        let bytes = text.as_bytes();
        for (i, _) in text.match_indices('(') {
            let rest = &bytes[i + 1..];
            let len = rest
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            if (2..=3).contains(&len) && rest.get(len) == Some(&b')') {
                let code = String::from_utf8_lossy(&rest[..len]).to_uppercase();
                if self.departement_names.contains_key(&code) {
                    out.insert(code);
                }
            }
        }
        out
    }

    fn resolve(&self, candidates: &[usize], context: &HashSet<String>) -> Found {
        if let [only] = candidates {
            return Found::One(self.list[*only].clone());
        }
        let in_context: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|i| context.contains(&self.list[*i].departement))
            .collect();
        match in_context.as_slice() {
            [only] => Found::One(self.list[*only].clone()),
            _ => Found::Ambiguous {
                name: self.list[candidates[0]].name.clone(),
                candidates: candidates
                    .iter()
                    .map(|i| self.list[*i].insee.clone())
                    .collect(),
            },
        }
    }

    /// The commune a host name designates (`www.ville-lafleche.fr` → La Flèche), using the
    /// département numbers in the host (`allonnes49`) or `context` to tell homonyms apart.
    pub fn from_host(&self, host: &str, context: &HashSet<String>) -> Option<Found> {
        let labels: Vec<&str> = host.split('.').collect();
        // Every label but the top-level domain.
        for label in labels.iter().take(labels.len().saturating_sub(1).max(1)) {
            let label = label.to_ascii_lowercase();
            if label == "www" || label.len() < 2 {
                continue;
            }
            let mut bare = label.as_str();
            for prefix in [
                "ville-",
                "mairie-",
                "commune-",
                "ville",
                "mairie",
                "commune-de-",
                "cc-",
            ] {
                if let Some(rest) = bare.strip_prefix(prefix)
                    && rest.len() >= 2
                {
                    bare = rest;
                }
            }
            let digits: String = bare.chars().filter(|c| c.is_ascii_digit()).collect();
            let letters: String = bare.chars().filter(|c| c.is_ascii_alphabetic()).collect();
            if let Some(candidates) = self.by_compact.get(&letters) {
                let mut ctx = context.clone();
                if (2..=3).contains(&digits.len()) {
                    ctx.clear();
                    ctx.insert(digits.clone());
                }
                return Some(self.resolve(candidates, &ctx));
            }
        }
        None
    }

    /// Communes named in a text, in order of first mention, each once; homonyms are resolved
    /// by the départements the text names, then by `context` (e.g. the page's own
    /// département), else reported as ambiguous.
    pub fn mentioned(&self, text: &str, context: &HashSet<String>) -> Vec<Found> {
        let runs: Vec<&str> = word_runs(text).collect();
        let text_deps = self.departements_in_runs(text, &runs);
        self.mentioned_in_runs(&runs, &text_deps, context)
    }

    /// [`Communes::mentioned`] with the text's [`word_runs`] already cut and its
    /// départements known.
    pub fn mentioned_in_runs(
        &self,
        runs: &[&str],
        text_deps: &HashSet<String>,
        context: &HashSet<String>,
    ) -> Vec<Found> {
        // Words with their original first character (capital letters mark names).
        let mut words: Vec<(&str, bool)> = Vec::new();
        for &raw in runs {
            let raw = split_apostrophes(raw).last().unwrap_or(raw);
            if raw.is_empty() {
                continue;
            }
            let capital = raw.chars().next().is_some_and(char::is_uppercase)
                && !raw.chars().all(|c| !c.is_lowercase());
            words.push((raw, capital));
        }
        let mut out: Vec<Found> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        // The keys of the names starting at a word: `key[..ends[n - 1]]` joins n words.
        let mut key = String::new();
        let mut ends: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if !words[i].1 {
                i += 1;
                continue;
            }
            key.clear();
            ends.clear();
            for (k, (w, _)) in words[i..].iter().take(self.max_words).enumerate() {
                if k > 0 {
                    key.push(' ');
                }
                fold_into(w, &mut key);
                // No name goes on from here: longer keys cannot match either.
                if !self.name_prefixes.contains(key.as_str()) {
                    break;
                }
                ends.push(key.len());
            }
            let mut matched = 0;
            for n in (1..=ends.len()).rev() {
                let key = &key[..ends[n - 1]];
                if n == 1 && (key.len() < 4 || STOP_NAMES.contains(&key)) {
                    continue;
                }
                let Some(candidates) = self.by_key.get(key) else {
                    continue;
                };
                matched = n;
                if seen.insert(key.to_string()) {
                    let ctx = if candidates
                        .iter()
                        .filter(|c| text_deps.contains(&self.list[**c].departement))
                        .count()
                        == 1
                    {
                        text_deps
                    } else {
                        context
                    };
                    out.push(self.resolve(candidates, ctx));
                }
                break;
            }
            i += matched.max(1);
        }
        out
    }
}

/// The folded form of a word: the word itself when it is already lower-case ASCII, else
/// folded into `buf`.
fn folded<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        word
    } else {
        buf.clear();
        fold_into(word, buf);
        buf
    }
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader
        .records()
        .filter_map(Result::ok)
        .map(|r| r.iter().map(str::to_string).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn homonyms_resolve_by_context_or_stay_ambiguous() {
        let c = Communes::load();
        assert!(c.len() > 34_000);
        assert_eq!(c.by_name("Allonnes").len(), 3);
        let none = HashSet::new();
        let found = c.from_host("www.allonnes49.example", &none).expect("found");
        assert_eq!(found.commune().map(|c| c.insee.as_str()), Some("49002"));
        assert!(matches!(
            c.from_host("www.allonnes.example", &none),
            Some(Found::Ambiguous { .. })
        ));
        let sarthe: HashSet<String> = ["72".to_string()].into();
        let found = c.from_host("www.allonnes.example", &sarthe).expect("found");
        assert_eq!(found.commune().map(|c| c.insee.as_str()), Some("72003"));
        let lf = c.from_host("www.ville-lafleche.fr", &none).expect("found");
        assert_eq!(lf.commune().map(|c| c.name.as_str()), Some("La Flèche"));
    }

    #[test]
    fn mentions_in_text() {
        let c = Communes::load();
        let text = "Allonnes rejoint Sablé-sur-Sarthe, La Flèche et Le Mans parmi les villes labellisées de la Sarthe. L'opérateur Orange déploie la fibre en mai.";
        let found = c.mentioned(text, &HashSet::new());
        let names: Vec<String> = found
            .iter()
            .map(|f| {
                f.commune()
                    .map_or("?".into(), |c| format!("{} {}", c.name, c.insee))
            })
            .collect();
        assert_eq!(
            names,
            [
                "Allonnes 72003",
                "Sablé-sur-Sarthe 72264",
                "La Flèche 72154",
                "Le Mans 72181"
            ]
        );
        let alone = c.mentioned("Une réunion publique à Allonnes.", &HashSet::new());
        assert!(matches!(alone.as_slice(), [Found::Ambiguous { .. }]));
        assert_eq!(
            c.departements_in("Allonnes (49), près de Saumur"),
            ["49".to_string()].into()
        );
    }
}
