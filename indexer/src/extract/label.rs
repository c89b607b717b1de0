//! The « Villes Internet » label a page reports: its rating (1 to 5 @), year and commune.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

/// A label reported on a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Number of @ (1 to 5).
    pub rating: u8,
    /// Year of the label, when the page gives or implies it.
    pub year: Option<i32>,
    /// INSEE code of the commune it is about, when known.
    pub commune: Option<String>,
}

static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)villes?[\s\-]+internet|arobase|\d\s?@|label internet")
        .expect("static regex compiles")
});

/// « internet » in any case: every label mention has it, and it is found fast.
static INTERNET: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["internet"])
        .expect("static pattern builds")
});

static RATING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([1-5])\s?@|\b([1-5]|une|deux|trois|quatre|cinq)\s+(?:@|arobases?)\b|(?i)\b(?:arobases?|@)\s*:?\s*([1-5])\b")
        .expect("static regex compiles")
});

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(19[9]\d|20[0-4]\d)\b").expect("static regex compiles"));

fn word_number(s: &str) -> Option<u8> {
    match s.to_lowercase().as_str() {
        "une" => Some(1),
        "deux" => Some(2),
        "trois" => Some(3),
        "quatre" => Some(4),
        "cinq" => Some(5),
        d => d.parse().ok().filter(|n| (1..=5).contains(n)),
    }
}

/// The first label a text reports: a rating of 1 to 5 @ in a text about the Villes Internet
/// label; the year is the nearest year in the same sentence, else `published_year`.
pub fn find(text: &str, published_year: Option<i32>, commune: Option<&str>) -> Option<Label> {
    if !INTERNET.is_match(text) || !MENTION.is_match(text) {
        return None;
    }
    let c = RATING.captures_iter(text).next()?;
    let whole = c.get(0)?;
    let rating = [c.get(1), c.get(2), c.get(3)]
        .into_iter()
        .flatten()
        .find_map(|m| word_number(m.as_str()))?;
    // The sentence holding the rating.
    let start = text[..whole.start()]
        .rfind(['.', '\n', '!', '?'])
        .map_or(0, |i| i + 1);
    let end = text[whole.end()..]
        .find(['.', '\n', '!', '?'])
        .map_or(text.len(), |i| whole.end() + i);
    let sentence = &text[start..end];
    let rating_at = whole.start() - start;
    let year = YEAR
        .find_iter(sentence)
        .min_by_key(|m| m.start().abs_diff(rating_at))
        .and_then(|m| m.as_str().parse().ok())
        .or(published_year);
    Some(Label {
        rating,
        year,
        commune: commune.map(str::to_string),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_and_years() {
        let l = find(
            "Le jury national des Villes Internet a décerné 2@ à la ville jeudi.",
            Some(2013),
            Some("72003"),
        )
        .expect("label");
        assert_eq!((l.rating, l.year), (2, Some(2013)));
        let l = find(
            "Sablé obtient trois arobases au label Villes Internet 2011.",
            None,
            None,
        )
        .expect("label");
        assert_eq!((l.rating, l.year), (3, Some(2011)));
        assert_eq!(
            find("Le marché de Noël ouvre le 5 décembre.", None, None),
            None
        );
    }
}
