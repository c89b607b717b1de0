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

const HOMONYMS_CSV: &str = include_str!("../../data/commune-homonyms.csv");
const FIRST_NAMES: &str = include_str!("../../data/prenoms.txt");

/// What else a commune's name is (data/commune-homonyms.csv, generated from Dicollecte's
/// dictionary and the lists of départements and régions by scripts/make-commune-homonyms.py).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Homonym {
    /// A first name (« François », « Marie », « Yves »).
    FirstName,
    /// A common word (« Jardin », « Villes », « Orange », « Père » for Péré).
    Word,
    /// A département or a région elsewhere (« Vienne », « Bretagne »).
    Area,
    /// A saint whose name is a first name: a feast or a church too (« Saint-Jean »).
    Saint,
}

/// Inhabitants from which a commune named like a common word or a saint is more often meant
/// than the word when its name stands capitalised in a sentence (« Moulins », « Vichy »,
/// « Saint-Denis »); smaller ones need a place context (« Jardin », « Villes »).
const KNOWN_TOWN: u32 = 10_000;

/// Lower-case words inside commune names (« Saint-Michel-en-l'Herm »); every other word of a
/// name is capitalised in a text that names the commune.
const NAME_CONNECTORS: &[&str] = &[
    "sur", "sous", "en", "de", "du", "des", "la", "le", "les", "l", "d", "et", "aux", "au", "à",
    "lès", "lez", "près", "sainte", "saint",
];

/// Nouns of streets, and of buildings named after a place they are not in, before « de »:
/// « rue de Lens » is in another town, « musée d'Orsay » in Paris. (A school or a stadium
/// « de Wingles » is in Wingles: it counts.)
const STREET_NOUNS: &[&str] = &[
    "rue",
    "avenue",
    "boulevard",
    "bd",
    "route",
    "chemin",
    "place",
    "impasse",
    "allée",
    "quai",
    "square",
    "cours",
    "faubourg",
    "rond-point",
    "voie",
    "esplanade",
    "parvis",
    "musée",
    "palais",
];

/// Lower-case words before a « de » that make it a commune (« la commune de Jardin », « le
/// maire de Mairé », « près de Vienne »).
const PLACE_NOUNS: &[&str] = &[
    "commune",
    "ville",
    "village",
    "bourg",
    "mairie",
    "maire",
    "municipalité",
    "centre-ville",
    "près",
    "proche",
    "loin",
    "autour",
    "environs",
];

/// Nouns before a name that make it an organisation's (« l'opérateur Orange »).
const ORG_NOUNS: &[&str] = &[
    "opérateur",
    "société",
    "groupe",
    "entreprise",
    "enseigne",
    "marque",
    "banque",
    "club",
    "équipe",
    "fournisseur",
    "constructeur",
    "cabinet",
    "agence",
    "chaîne",
    "magasin",
];

/// A Villes Internet rating right after a name (« Jardin, 2 @ », « Roche décroche 3 @ »,
/// « Vienne : trois arobases »): a labelled town.
static RATING_AFTER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^[\s,:(–-]*(?:\([0-9AB]{2,3}\)\s*)?(?:[,:–-]\s*)?(?:(?:obtient|décroche|conserve|garde|gagne|reçoit|perd|confirme|passe à|monte à|atteint|fait son entrée avec|entre avec|avec|sa voisine,?)\s+)?(?:[1-5]\s?@|(?:une|deux|trois|quatre|cinq|[1-5])\s+(?:@|arobases?\b))",
    )
    .expect("static regex compiles")
});

/// Words before a name that make it a person's (« M. Valence », « Mme Roche »).
const CIVILITIES: &[&str] = &[
    "m",
    "mme",
    "mlle",
    "monsieur",
    "madame",
    "mademoiselle",
    "me",
    "maître",
    "dr",
    "docteur",
    "pr",
    "professeur",
    "sœur",
    "frère",
    "père",
    "abbé",
    "saint",
    "sainte",
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
    /// Commune names that are something else too, by key, with the written forms (lower
    /// case, accents as written) that are that something else.
    homonyms: FxHashMap<String, Vec<(Homonym, Vec<String>)>>,
    /// First names, folded (`francois`).
    first_names: FxHashSet<String>,
    /// Inhabitants of each commune of `list` (0 when unknown).
    population: Vec<u32>,
}

/// A commune named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The commune, or the candidates of an ambiguous name.
    pub found: Found,
    /// Byte offsets of every mention, in order (never empty).
    pub at: Vec<usize>,
}

impl Mention {
    /// How many times the text names it.
    pub fn count(&self) -> usize {
        self.at.len()
    }

    /// Byte offset of its first mention.
    pub fn first(&self) -> usize {
        self.at.first().copied().unwrap_or_default()
    }
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
        let mut population = Vec::new();
        for r in csv_rows(COMMUNES_CSV) {
            let (Some(insee), Some(name), Some(dep), Some(reg)) =
                (r.first(), r.get(1), r.get(2), r.get(3))
            else {
                continue;
            };
            population.push(r.get(4).and_then(|p| p.parse().ok()).unwrap_or(0));
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
        let mut homonyms: FxHashMap<String, Vec<(Homonym, Vec<String>)>> = FxHashMap::default();
        for r in csv_rows(HOMONYMS_CSV) {
            let (Some(key), Some(kind), Some(written)) = (r.first(), r.get(1), r.get(2)) else {
                continue;
            };
            let kind = match kind.as_str() {
                "prenom" => Homonym::FirstName,
                "mot" => Homonym::Word,
                "saint" => Homonym::Saint,
                _ => Homonym::Area,
            };
            let forms = written.split(" | ").map(str::to_string).collect();
            homonyms.entry(key.clone()).or_default().push((kind, forms));
        }
        let first_names = FIRST_NAMES
            .lines()
            .map(name_key)
            .filter(|k| !k.is_empty() && !k.contains(' '))
            .collect();
        Self {
            homonyms,
            first_names,
            population,
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
        self.mentions_in_runs(text, &runs, &text_deps, context, None)
            .into_iter()
            .map(|m| m.found)
            .collect()
    }

    /// The communes a text names, with how often and where first, from the text's
    /// [`word_runs`] (slices of `text`) and the départements it names.
    ///
    /// A capitalised name (or one in capitals, or after a lower-case article: « la
    /// Roche-sur-Yon », « au Mans », « l'Isle-Adam ») is a commune unless something says
    /// otherwise:
    /// - it is part of a longer hyphenated name (« Palais-Bourbon », « Sargé-lès-le-Mans »);
    /// - it is a person's name: after a first name or a civility (« Paul Valence »,
    ///   « M. Roche »), or a first name before a surname (« François Bayrou »);
    /// - it is also a first name, a département or a région elsewhere, or a common word in
    ///   a place where a common word is capitalised (a sentence's start, a title, a proper
    ///   name of several words: « Villes Internet », « Père Noël »), and nothing marks it
    ///   as a place: « à », « au », « commune de », « maire de », a département after it
    ///   (« Wingles (62) »), a postcode before it, the page's own commune
    ///   (`page_commune`, from the crawl seed or the host), or a list it shares with
    ///   communes named plainly (« Moulins, Vichy et Montluçon »).
    pub fn mentions_in_runs(
        &self,
        text: &str,
        runs: &[&str],
        text_deps: &HashSet<String>,
        context: &HashSet<String>,
        page_commune: Option<&[String]>,
    ) -> Vec<Mention> {
        let words = words_of(text, runs);
        let mut accepted: Vec<Candidate> = Vec::new();
        let mut doubtful: Vec<Candidate> = Vec::new();
        let mut key = String::new();
        let mut i = 0;
        while i < words.len() {
            let Some(m) = self.match_at(text, &words, i, &mut key) else {
                i += 1;
                continue;
            };
            let next = m.end;
            match self.judge(text, &words, &m, page_commune) {
                // A mark beside the name (« (62) », a postcode) narrows its candidates.
                Verdict::Commune(Some(codes)) => accepted.push(Candidate { codes, ..m }),
                Verdict::Commune(None) => accepted.push(m),
                Verdict::Doubtful => doubtful.push(m),
                Verdict::Not => {}
            }
            i = next;
        }
        // A doubtful name listed with communes named plainly is one of them.
        let mut changed = true;
        while changed {
            changed = false;
            let mut k = 0;
            while k < doubtful.len() {
                let d = &doubtful[k];
                let listed = accepted.iter().any(|a| {
                    let (left, right) = if a.end <= d.start { (a, d) } else { (d, a) };
                    right.start >= left.end
                        && is_list_gap(&text[words[left.end - 1].end..words[right.start].start])
                });
                if listed {
                    accepted.push(doubtful.remove(k));
                    changed = true;
                } else {
                    k += 1;
                }
            }
        }
        accepted.sort_by_key(|c| c.start);
        // The départements of the names only one commune bears: where the text is.
        let mut neighbours: HashSet<String> = context.clone();
        for c in &accepted {
            if let [one] = c.codes.as_slice() {
                neighbours.insert(self.list[*one].departement.clone());
            }
        }
        let context = &neighbours;
        let mut out: Vec<Mention> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for c in accepted {
            let candidates = &c.codes;
            if candidates.is_empty() {
                continue;
            }
            let found = {
                let ctx = if candidates
                    .iter()
                    .filter(|x| text_deps.contains(&self.list[**x].departement))
                    .count()
                    == 1
                {
                    text_deps
                } else {
                    context
                };
                self.resolve(candidates, ctx)
            };
            let id = match &found {
                Found::One(one) => one.insee.clone(),
                Found::Ambiguous { name, .. } => format!("?{name}"),
            };
            let at = words[c.start].start;
            match index.get(&id) {
                Some(&i) => out[i].at.push(at),
                None => {
                    index.insert(id, out.len());
                    out.push(Mention {
                        found,
                        at: vec![at],
                    });
                }
            }
        }
        out
    }

    /// The commune of a site whose host several communes could name (`www.ville-allonnes.fr`):
    /// the one its text names, else the one in the département of the communes it names
    /// (as [`Communes::mentions_in_runs`] resolves a name), else still ambiguous.
    pub fn settle(&self, site: Found, mentions: &[Mention]) -> Found {
        let Found::Ambiguous { name, candidates } = site else {
            return site;
        };
        if let Some(named) = mentions.iter().find_map(|m| {
            m.found
                .commune()
                .filter(|c| candidates.contains(&c.insee))
                .map(|c| Found::One(c.clone()))
        }) {
            return named;
        }
        let deps: HashSet<String> = mentions
            .iter()
            .filter_map(|m| m.found.commune())
            .map(|c| c.departement.clone())
            .collect();
        let indices: Vec<usize> = candidates
            .iter()
            .filter_map(|code| self.by_insee.get(code).copied())
            .collect();
        match self.resolve(&indices, &deps) {
            one @ Found::One(_) => one,
            Found::Ambiguous { .. } => Found::Ambiguous { name, candidates },
        }
    }

    /// The longest commune name starting at word `i` (with the article before it, when the
    /// text writes it in lower case or elided), if any.
    fn match_at(
        &self,
        text: &str,
        words: &[Word],
        i: usize,
        key: &mut String,
    ) -> Option<Candidate> {
        let w = &words[i];
        if !(w.capital || w.caps) {
            return None;
        }
        let article = match w.elided.map(str::to_lowercase).as_deref() {
            Some("l") => Some("l"),
            _ if i > 0 && joined(text, &words[i - 1], w, false) => match words[i - 1].raw {
                "le" | "au" | "du" => Some("le"),
                "la" => Some("la"),
                "les" | "aux" | "des" => Some("les"),
                _ => None,
            },
            _ => None,
        };
        let mut best: Option<Candidate> = None;
        for with_article in [true, false] {
            let Some(prefix) = (if with_article { article } else { Some("") }) else {
                continue;
            };
            key.clear();
            key.push_str(prefix);
            for (k, word) in words[i..].iter().take(self.max_words).enumerate() {
                if k > 0
                    && (!joined(text, &words[i + k - 1], word, true)
                        || !(word.capital
                            || word.caps
                            || NAME_CONNECTORS.contains(&word.raw.to_lowercase().as_str())))
                {
                    break;
                }
                if !key.is_empty() {
                    key.push(' ');
                }
                let start = key.len();
                fold_into(word.raw, key);
                if k == 0 && prefix.is_empty() {
                    match &key[start..] {
                        "st" => key.replace_range(start.., "saint"),
                        "ste" => key.replace_range(start.., "sainte"),
                        _ => {}
                    }
                }
                if !self.name_prefixes.contains(key.as_str()) {
                    break;
                }
                let n = k + 1;
                let single = n == 1 && prefix.is_empty();
                let long_enough = !single
                    || (word.capital && !word.caps && key.len() >= 3)
                    || (word.caps && key.len() >= 5);
                if long_enough
                    && self.by_key.contains_key(key.as_str())
                    && best.as_ref().is_none_or(|b| i + n > b.end)
                {
                    best = Some(Candidate {
                        key: key.clone(),
                        start: i,
                        end: i + n,
                        article: !prefix.is_empty(),
                        codes: self.by_key.get(key.as_str()).cloned().unwrap_or_default(),
                    });
                }
            }
            if best.is_some() {
                break;
            }
        }
        best
    }

    /// Whether a matched name is a commune, is doubtful (a homonym with no place context), or
    /// is not (part of a longer name, a street, a person, a club, a feast).
    fn judge(
        &self,
        text: &str,
        words: &[Word],
        m: &Candidate,
        page_commune: Option<&[String]>,
    ) -> Verdict {
        let first = &words[m.start];
        let last = &words[m.end - 1];
        let before = &text[..first.run_start];
        let after = &text[last.end..];
        // Part of a longer hyphenated name.
        if before.ends_with('-')
            || (after.starts_with('-') && after[1..].starts_with(char::is_alphanumeric))
        {
            return Verdict::Not;
        }
        let candidates = &m.codes;
        // A département named right after it, or a postcode right before it: a place, and
        // which one.
        if let Some(codes) = self.marked_departement(after, before, candidates)
            && !codes.is_empty()
        {
            return Verdict::Commune(Some(codes));
        }
        let lower = |k: usize| {
            m.start
                .checked_sub(k)
                .and_then(|i| words.get(i))
                .map(|w| w.raw.to_lowercase())
        };
        let prev = (m.start > 0 && !m.article).then(|| &words[m.start - 1]);
        let prev_joined = prev.is_some_and(|p| joined(text, p, first, false));
        // A street or a building named after a town (« rue de Lens », « musée d'Orsay »,
        // « route de la Roche-sur-Yon »).
        let noun = if first.elided.is_some_and(|e| e.eq_ignore_ascii_case("d")) {
            lower(1)
        } else if m.article {
            match (lower(1).as_deref(), lower(2).as_deref()) {
                (Some("du" | "des"), _) => lower(2),
                (Some("la" | "le" | "les"), Some("de")) => lower(3),
                _ => None,
            }
        } else if matches!(lower(1).as_deref(), Some("de" | "du" | "des")) {
            lower(2)
        } else {
            None
        };
        if noun.as_deref().is_some_and(|n| STREET_NOUNS.contains(&n)) {
            return Verdict::Not;
        }
        if let Some(p) = prev.filter(|_| first.elided.is_none() && prev_joined) {
            let folded = fold(p.raw);
            // A person: a first name or a civility right before (« Paul Valence », « Me Roche »).
            if p.capital
                && (self.first_names.contains(&folded) || CIVILITIES.contains(&folded.as_str()))
            {
                return Verdict::Not;
            }
            // A club or a company: an acronym right before (« RC Lens », « AS Monaco »).
            if p.caps && (2..=4).contains(&p.raw.len()) {
                return Verdict::Not;
            }
        }
        if let Some(p) = prev.filter(|_| first.elided.is_none())
            && text[p.end..first.run_start].trim() == "."
            && p.capital
            && CIVILITIES.contains(&fold(p.raw).as_str())
        {
            return Verdict::Not;
        }
        let next = words.get(m.end).filter(|n| joined(text, last, n, false));
        let written: String = words[m.start..m.end]
            .iter()
            .map(|w| w.raw.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        let written = if m.article && first.elided.is_none() {
            format!("{} {written}", m.key.split(' ').next().unwrap_or_default())
        } else {
            written
        };
        let kinds: Vec<Homonym> = self
            .homonyms
            .get(&m.key)
            .map(|v| {
                v.iter()
                    .filter(|(kind, forms)| {
                        *kind == Homonym::Saint || first.caps || forms.iter().any(|f| f == &written)
                    })
                    .map(|(k, _)| *k)
                    .collect()
            })
            .unwrap_or_default();
        // An organisation named like a town (« l'opérateur Orange », « le club de Jardin »).
        if lower(1).is_some_and(|w| ORG_NOUNS.contains(&w.as_str())) && !m.article {
            return Verdict::Not;
        }
        // A first name before a surname (« François Bayrou »), a feast (« la Saint-Jean »).
        if kinds.contains(&Homonym::FirstName) && next.is_some_and(|n| n.capital || n.caps) {
            return Verdict::Not;
        }
        if kinds.contains(&Homonym::Saint) && prev.is_some_and(|p| p.raw == "la") {
            return Verdict::Not;
        }
        if kinds.is_empty() {
            return Verdict::Commune(None);
        }
        let own = page_commune.is_some_and(|codes| {
            candidates
                .iter()
                .any(|c| codes.contains(&self.list[*c].insee))
        });
        if own {
            return Verdict::Commune(None);
        }
        // The first word of a named place (« au Jardin du Luxembourg », « au Palais
        // Bourbon », « le Château de Versailles »): not the commune, whatever is before it.
        let named_place = next.is_some_and(|n| {
            n.capital
                || matches!(n.raw, "de" | "du" | "des")
                    && words
                        .get(m.end + 1)
                        .is_some_and(|w| (w.capital || w.caps) && joined(text, n, w, false))
        }) || words.get(m.end).is_some_and(|n| {
            n.elided.is_some_and(|e| e.eq_ignore_ascii_case("d"))
                && n.capital
                && joined(text, last, n, false)
        });
        if named_place {
            return Verdict::Doubtful;
        }
        if self.place_before(words, m, kinds.contains(&Homonym::Area))
            || RATING_AFTER.is_match(after)
        {
            return Verdict::Commune(None);
        }
        if kinds
            .iter()
            .all(|k| matches!(k, Homonym::Word | Homonym::Saint))
        {
            // A known town's name is the town unless it is part of a name of several
            // capitalised words (« Paris Saint-Germain »); a small commune's name needs a
            // place context (« Jardin », « Villes Internet », « le Palais de justice »).
            let known = candidates
                .iter()
                .any(|c| self.population.get(*c).is_some_and(|p| *p >= KNOWN_TOWN));
            let in_a_name =
                next.is_some_and(|n| n.capital) || prev.is_some_and(|p| p.capital && prev_joined);
            if known && !in_a_name {
                return Verdict::Commune(None);
            }
        }
        Verdict::Doubtful
    }

    /// The candidates a département right after a name (« (62) », « (Pas-de-Calais) ») or a
    /// postcode right before it (« 62410 Wingles ») designates: `None` without such a mark,
    /// an empty list when the mark names none of them.
    fn marked_departement(
        &self,
        after: &str,
        before: &str,
        candidates: &[usize],
    ) -> Option<Vec<usize>> {
        let after = after.trim_start_matches([' ', '\u{a0}']);
        let code = if let Some(inner) = after.strip_prefix('(') {
            let mut close = inner.find(')').unwrap_or(inner.len()).min(40);
            while !inner.is_char_boundary(close) {
                close -= 1;
            }
            let inner = &inner[..close];
            let inner_key = name_key(inner);
            if inner.len() <= 3 && inner.chars().all(|c| c.is_ascii_alphanumeric()) {
                Some(inner.to_uppercase())
            } else {
                self.departement_names
                    .iter()
                    .find(|(_, name)| name_key(name) == inner_key)
                    .map(|(code, _)| code.clone())
            }
        } else {
            let digits: String = before
                .trim_end_matches([' ', '\u{a0}'])
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            (digits.len() == 5).then(|| {
                if digits.starts_with("97") || digits.starts_with("98") {
                    digits[..3].to_string()
                } else if digits.starts_with("20") {
                    // Corsica: 200xx–201xx is 2A, 202xx–206xx 2B.
                    if digits[..3] <= *"201" {
                        "2A".into()
                    } else {
                        "2B".into()
                    }
                } else {
                    digits[..2].to_string()
                }
            })
        }?;
        Some(
            candidates
                .iter()
                .copied()
                .filter(|c| self.list[*c].departement == code)
                .collect(),
        )
    }

    /// Whether the words before a name make it a place: « à », « au », « aux » (or the name's
    /// own article « au », « aux »), « commune de », « maire de », « près de »…
    /// For the name of a département or a région (`area`), only « à » and « commune de »
    /// count: « du Vaucluse », « de la Creuse » are the département.
    fn place_before(&self, words: &[Word], m: &Candidate, area: bool) -> bool {
        let at = |k: usize| {
            m.start
                .checked_sub(k)
                .and_then(|i| words.get(i))
                .map(|w| w.raw.to_lowercase())
        };
        let first = &words[m.start];
        if first.elided.is_some_and(|e| e.eq_ignore_ascii_case("d")) {
            // « d'Allonnes »: the word before the elision.
            return at(1).is_some_and(|w| PLACE_NOUNS.contains(&w.as_str()));
        }
        let (prep, noun) = if m.article {
            // The article was the word before: « au Mans », « du Havre ».
            match at(1).as_deref() {
                Some("au" | "aux") => return !area,
                Some("du" | "des") => {
                    return !area && at(2).is_some_and(|w| PLACE_NOUNS.contains(&w.as_str()));
                }
                _ => (at(2), at(3)),
            }
        } else {
            (at(1), at(2))
        };
        match prep.as_deref() {
            Some("à" | "au" | "aux") => true,
            Some("de" | "du" | "des" | "d") => {
                noun.is_some_and(|w| PLACE_NOUNS.contains(&w.as_str()))
            }
            _ => false,
        }
    }
}

/// A word of a text, with where it is and how it is written.
#[derive(Debug)]
struct Word<'a> {
    /// The word as written, an elision left out (`Isle` of `l'Isle`).
    raw: &'a str,
    /// Byte offsets of `raw` in the text.
    start: usize,
    end: usize,
    /// Byte offset of its run (its elision included).
    run_start: usize,
    /// The elision before it in the same run (`l`, `d`, `qu`).
    elided: Option<&'a str>,
    /// Starts with a capital and is not all capitals.
    capital: bool,
    /// All capitals (two letters or more).
    caps: bool,
}

/// The words of a text's runs, split at apostrophes (the last part kept, the elision noted).
fn words_of<'a>(text: &'a str, runs: &[&'a str]) -> Vec<Word<'a>> {
    let base = text.as_ptr() as usize;
    let mut out = Vec::with_capacity(runs.len());
    for &run in runs {
        let mut parts = split_apostrophes(run)
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>();
        let Some(raw) = parts.pop() else {
            continue;
        };
        let elided = parts.last().copied().filter(|e| e.chars().count() <= 6);
        let start = (raw.as_ptr() as usize).saturating_sub(base);
        let run_start = (run.as_ptr() as usize).saturating_sub(base);
        let upper = raw.chars().filter(|c| c.is_uppercase()).count();
        let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
        let caps = letters >= 2 && upper == letters;
        let capital = raw.chars().next().is_some_and(char::is_uppercase) && !caps;
        out.push(Word {
            raw,
            start,
            end: start + raw.len(),
            run_start,
            elided,
            capital,
            caps,
        });
    }
    out
}

/// Whether two words follow each other with only white space between them (and, within a
/// name, a hyphen: « Sablé-sur-Sarthe », « Sables-d'Olonne »).
fn joined(text: &str, a: &Word, b: &Word, in_name: bool) -> bool {
    let Some(gap) = text.get(a.end..b.run_start) else {
        return false;
    };
    (1..=3).contains(&gap.len()) && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
        || in_name && gap == "-"
}

/// Whether the text between two names lists them: a comma, « et », « ou », a slash.
fn is_list_gap(gap: &str) -> bool {
    let g = gap.trim();
    matches!(g, "," | "et" | "ou" | "/" | "&" | ", et" | ";")
}

/// A name matched in a text: its key, its words `start..end`, and the communes it may be
/// (all bearing it, or those a mark beside it chose).
#[derive(Debug, Clone)]
struct Candidate {
    key: String,
    start: usize,
    end: usize,
    /// Whether the key starts with the lower-case article before the first word.
    article: bool,
    codes: Vec<usize>,
}

enum Verdict {
    /// A commune: those a mark beside the name chose, or (`None`) all bearing it.
    Commune(Option<Vec<usize>>),
    Doubtful,
    Not,
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

#[cfg(test)]
mod hostile_text_tests {
    use super::*;

    #[test]
    fn odd_text_around_names_never_panics() {
        let c = Communes::load();
        for text in [
            "Wingles (Île-de-France très très longue parenthèse sans fin éééééééééééé",
            "Wingles (",
            "62410",
            "— Wingles -",
            "l'",
            "Saint-",
            "À Paris’",
            "LE MANS-",
            "M. Roche. M.",
        ] {
            let _ = c.mentioned(text, &HashSet::new());
        }
        assert_eq!(
            c.mentioned(
                "Une réunion à Wingles (Pas-de-Calais) jeudi.",
                &HashSet::new()
            )
            .first()
            .and_then(Found::commune)
            .map(|c| c.insee.as_str()),
            Some("62895")
        );
    }
}
#[cfg(test)]
mod false_friend_tests {
    use super::*;

    fn names(c: &Communes, text: &str) -> Vec<String> {
        c.mentioned(text, &HashSet::new())
            .iter()
            .map(|f| match f {
                Found::One(c) => c.name.clone(),
                Found::Ambiguous { name, .. } => format!("?{name}"),
            })
            .collect()
    }

    /// The issue's example: national news full of first names and common words.
    #[test]
    fn national_news_names_no_false_commune() {
        let c = Communes::load();
        let text = "Le président a nommé vendredi François Bayrou Premier ministre. Marie \
            Lambert, sa conseillère, et Yves Durand l'accompagneront. « C'est un jour \
            important », a déclaré Marie. Au Jardin du Luxembourg, les sénateurs ont salué la \
            nomination. En Bretagne, les élus ont réagi, comme au Palais Bourbon. Le Père Noël \
            n'a pas été consulté, plaisante un élu de Paris. Le label Villes Internet n'a rien \
            à y voir.";
        assert_eq!(names(&c, text), ["Paris"]);
    }

    #[test]
    fn homonyms_with_place_context_are_communes() {
        let c = Communes::load();
        assert_eq!(
            names(&c, "La fête a lieu à Jardin, près de Vienne, et à Mairé."),
            ["Jardin", "Vienne", "Mairé"]
        );
        assert_eq!(
            names(&c, "Moulins, Vichy et Montluçon ont obtenu le label."),
            ["Moulins", "Vichy", "Montluçon"]
        );
        assert_eq!(
            names(&c, "La mairie de Orange (84) ouvre un portail."),
            ["Orange"]
        );
        assert_eq!(
            names(&c, "L'opérateur Orange déploie la fibre rue de Lens."),
            Vec::<String>::new()
        );
    }
}
