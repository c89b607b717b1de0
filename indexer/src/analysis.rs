//! French text normalisation shared by topic matching and (later) the index analyzer:
//! tokens split on non-alphanumeric characters, elisions removed (l', d', qu'…, with ' or ’),
//! lower-cased, accents folded, then stemmed with the Snowball French stemmer. Accents are
//! folded *before* stemming, so a query typed without accents meets accented text (measured
//! on this project: see shared notes).

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

/// Elided articles and pronouns dropped from the start of a token.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// Lower-cases and removes accents (`Écoles` → `ecoles`, `cœur` → `coeur`).
pub fn fold(text: &str) -> String {
    let lower = text.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    for c in lower.nfd() {
        match c {
            '\u{300}'..='\u{36f}' => {}
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            _ => out.push(c),
        }
    }
    out
}

/// Words of a text: alphanumeric runs, elisions removed, lower-cased, accents folded.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
        let mut token = raw;
        if let Some(pos) = raw.find(['\'', '’']) {
            let head = fold(&raw[..pos]);
            if ELISIONS.contains(&head.as_str()) {
                token = &raw[pos + raw[pos..].chars().next().map_or(1, char::len_utf8)..];
            }
        }
        for part in token.split(['\'', '’']) {
            if !part.is_empty() {
                out.push(fold(part));
            }
        }
    }
    out
}

/// A French stemmer for folded words.
pub struct FrenchStemmer(Stemmer);

impl Default for FrenchStemmer {
    fn default() -> Self {
        Self(Stemmer::create(Algorithm::French))
    }
}

impl FrenchStemmer {
    /// The stem of a folded word.
    pub fn stem(&self, word: &str) -> String {
        self.0.stem(word).into_owned()
    }

    /// Stems of the words of a text.
    pub fn stems(&self, text: &str) -> Vec<String> {
        words(text).iter().map(|w| self.stem(w)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elision_folding_and_stemming_meet() {
        let s = FrenchStemmer::default();
        assert_eq!(
            words("L'école d’Allonnes, qu'on aime"),
            ["ecole", "allonnes", "on", "aime"]
        );
        assert_eq!(s.stems("écoles"), s.stems("ECOLE"));
        assert_eq!(s.stems("numériques"), s.stems("Numérique"));
        assert_eq!(s.stems("activité"), s.stems("activite"));
        assert_eq!(words("e-démocratie"), ["e", "democratie"]);
    }
}
