//! The « Villes Internet » label a page reports: its rating (1 to 5 @), year and commune.
//!
//! A page reports one town's label when it announces it: the rating its title gives, else the
//! first rating of its text that is not a former one (« l'an dernier, Wingles affichait
//! 2 @ », « labellisée 4 @ en 2022 », « passe de deux à trois @ »), a change (« perd une
//! arobase », « une arobase de plus ») or the label's scale (« de une à cinq arobases »).
//! A palmarès — ratings given to three communes or more — reports each town's own rating:
//! the page's commune gets its own, a page of no commune gets none. The year is the edition
//! the rating's sentence names (« Villes Internet 2024 », « palmarès 2025 », « l'édition
//! 2023 », « 4 @ pour 2024 »), else the latest the page names, else the year in the rating's
//! sentence, else the publication year.

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
    Regex::new(r"(?i)villes?[\s\-]+(?:et\s+villages\s+)?internet|arobase|\d\s?@|@@|label internet")
        .expect("static regex compiles")
});

/// « internet » in any case: every label mention has it, and it is found fast.
static INTERNET: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["internet"])
        .expect("static pattern builds")
});

/// A rating: « 3 @ », « 3@ », « trois arobases », « 3 arobases sur 5 », « @@@@ », « sa
/// quatrième arobase », « une première @ ».
static RATING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(?P<n>[1-5])\s?@
        | \b(?P<w>[1-5]|une|deux|trois|quatre|cinq)\s+(?:@|arobases?\b)
        | (?P<at>@{2,5})(?:[^@]|$)
        | \b(?P<o>premi[eè]re|deuxi[eè]me|seconde|troisi[eè]me|quatri[eè]me|cinqui[eè]me)\s+(?:@|arobase\b)
        | \b(?:arobases?|@)\s*:?\s*(?P<after>[1-5])\b",
    )
    .expect("static regex compiles")
});

/// Words before a rating that make it a change or a scale, not a rating: « perd une
/// arobase », « de une à cinq arobases », « une arobase de plus ».
static NOT_A_RATING_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:perd|perdu|gagne|gagné|prend|pris)|\bde\s+(?:une?|1)\s+à)\s*$")
        .expect("static regex compiles")
});

static NOT_A_RATING_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:de plus|supplémentaire|de moins|en plus)")
        .expect("static regex compiles")
});

/// Words shortly before a rating, in its sentence, that make it a former rating.
static FORMER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)l['’]an dernier|l['’]année dernière|précédente?|auparavant|jusqu['’](?:ici|alors)|affichait|avait (?:obtenu|reçu|décroché)|détenait|s['’]était vu|était labellisée|lors de sa première|\b(?:passe|passée|progresse|monte|descend|redescend)\s+de\s*$|\baprès\s*$",
    )
    .expect("static regex compiles")
});

/// Bytes before a rating read for [`FORMER`] words.
const FORMER_WINDOW: usize = 60;

/// Words right after a rating that make it a former one: « 4 @ en 2022 », « depuis 2021 ».
static FORMER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:obtenues?\s+|reçues?\s+|décernées?\s+)?(?:en|depuis|jusqu['’]en)\s+((?:19|20)\d{2})\b")
        .expect("static regex compiles")
});

/// The edition a page names: « Villes Internet 2024 », « palmarès 2025 », « l'édition 2023 »,
/// « label … pour 2024 », « pour l'année 2025 ».
static EDITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:internet|palmarès|palmares|édition|edition|millésime|label|pour\s+l['’]année|(?:internet|@|arobases?)\s+pour)\s+(?:de\s+)?((?:19|20)\d{2})\b",
    )
    .expect("static regex compiles")
});

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(199\d|20[0-4]\d)\b").expect("static regex compiles"));

fn word_number(s: &str) -> Option<u8> {
    let lower = s.to_lowercase();
    if lower.starts_with('@') {
        return u8::try_from(lower.len())
            .ok()
            .filter(|n| (2..=5).contains(n));
    }
    match lower.as_str() {
        "une" | "première" | "premiere" => Some(1),
        "deux" | "deuxième" | "deuxieme" | "seconde" => Some(2),
        "trois" | "troisième" | "troisieme" => Some(3),
        "quatre" | "quatrième" | "quatrieme" => Some(4),
        "cinq" | "cinquième" | "cinquieme" => Some(5),
        d => d.parse().ok().filter(|n| (1..=5).contains(n)),
    }
}

/// One rating written in a text.
#[derive(Debug, Clone)]
struct Rating {
    at: usize,
    value: u8,
    former: bool,
    /// INSEE code of the commune named last before it in its sentence.
    commune: Option<String>,
}

/// The byte range of the sentence around `at`.
fn sentence(text: &str, at: usize, end: usize) -> (usize, usize) {
    let start = text[..at]
        .rfind(['.', '\n', '!', '?', ';'])
        .map_or(0, |i| i + 1);
    let stop = text[end..]
        .find(['.', '\n', '!', '?', ';'])
        .map_or(text.len(), |i| end + i);
    (start, stop)
}

/// The ratings of a text, with the commune each is given to (`mentions`: byte offsets of
/// commune names and their INSEE codes).
fn ratings(text: &str, mentions: &[(usize, String)]) -> Vec<Rating> {
    let mut out = Vec::new();
    for c in RATING.captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let Some(value) = ["n", "w", "at", "o", "after"]
            .iter()
            .filter_map(|g| c.name(g))
            .find_map(|m| word_number(m.as_str()))
        else {
            continue;
        };
        // The few words before it (the patterns end there): not the whole text before.
        let mut from = whole.start().saturating_sub(FORMER_WINDOW);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let before = &text[from..whole.start()];
        let after = &text[whole.end()..];
        // A change (« perd une arobase », « une arobase de plus ») or the scale (« de une à
        // cinq arobases »), not a rating.
        if c.name("o").is_none()
            && (NOT_A_RATING_BEFORE.is_match(before) || NOT_A_RATING_AFTER.is_match(after))
        {
            continue;
        }
        let (start, stop) = sentence(text, whole.start(), whole.end());
        let mut window = whole.start().saturating_sub(FORMER_WINDOW).max(start);
        while !text.is_char_boundary(window) {
            window += 1;
        }
        let former = FORMER.is_match(&text[window..whole.start()]) || FORMER_AFTER.is_match(after);
        // The commune named last before it in its sentence, else first after it (« Cinq
        // arobases : Brest et Rennes »).
        let commune = mentions
            .iter()
            .rfind(|(at, _)| *at >= start && *at < whole.start())
            .or_else(|| {
                mentions
                    .iter()
                    .find(|(at, _)| *at >= whole.end() && *at < stop)
            })
            .map(|(_, code)| code.clone());
        out.push(Rating {
            at: whole.start(),
            value,
            former,
            commune,
        });
    }
    out
}

/// The label a text reports. `title_end` is where its title ends (the title comes first, a
/// blank line before the text); `commune` is the page's commune; `mentions` are the byte
/// offsets of the communes the text names, with their INSEE codes.
pub fn find(
    text: &str,
    title_end: usize,
    published_year: Option<i32>,
    commune: Option<&str>,
    mentions: &[(usize, String)],
) -> Option<Label> {
    if !INTERNET.is_match(text) || !MENTION.is_match(text) {
        return None;
    }
    let all = ratings(text, mentions);
    let current: Vec<&Rating> = all.iter().filter(|r| !r.former).collect();
    let towns: std::collections::HashSet<&str> = current
        .iter()
        .filter_map(|r| r.commune.as_deref())
        .collect();
    let chosen = if towns.len() >= 3 {
        // A palmarès: the page's commune's own rating, or none.
        let own = commune?;
        *current.iter().find(|r| r.commune.as_deref() == Some(own))?
    } else {
        let own = commune.and_then(|c| current.iter().find(|r| r.commune.as_deref() == Some(c)));
        let in_title = current.iter().find(|r| r.at < title_end);
        *in_title.or(own).or(current.first())?
    };
    let (start, end) = sentence(text, chosen.at, chosen.at);
    let edition = |within: &str| {
        EDITION
            .captures_iter(within)
            .filter_map(|c| c.get(1)?.as_str().parse::<i32>().ok())
            .filter(|y| (1999..=2100).contains(y))
            .max()
    };
    // The edition the rating's sentence names, else the latest the page names.
    let year = edition(&text[start..end])
        .or_else(|| edition(text))
        .or_else(|| {
            YEAR.find_iter(&text[start..end])
                .min_by_key(|m| (m.start() + start).abs_diff(chosen.at))
                .and_then(|m| m.as_str().parse().ok())
        })
        .or(published_year);
    Some(Label {
        rating: chosen.value,
        year,
        // A page of no commune announcing one town's label: that town's.
        commune: commune.map(str::to_string).or_else(|| {
            chosen.commune.clone().or_else(|| {
                current
                    .iter()
                    .find(|r| r.value == chosen.value && r.commune.is_some())
                    .and_then(|r| r.commune.clone())
            })
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str) -> Option<(u8, Option<i32>)> {
        find(text, 0, None, Some("72003"), &[]).map(|l| (l.rating, l.year))
    }

    #[test]
    fn ratings_and_years() {
        assert_eq!(
            find(
                "Le jury national des Villes Internet a décerné 2@ à la ville jeudi.",
                0,
                Some(2013),
                Some("72003"),
                &[]
            )
            .map(|l| (l.rating, l.year)),
            Some((2, Some(2013)))
        );
        assert_eq!(
            label("Sablé obtient trois arobases au label Villes Internet 2011."),
            Some((3, Some(2011)))
        );
        assert_eq!(label("Le marché de Noël ouvre le 5 décembre."), None);
        assert_eq!(
            label(
                "L'an dernier, la ville affichait 2 @. Elle obtient 3 @ au label Villes Internet 2024."
            ),
            Some((3, Some(2024)))
        );
        assert_eq!(
            label(
                "Labellisée 4 @ en 2022, la ville redescend à 3 @ au palmarès Villes Internet 2025."
            ),
            Some((3, Some(2025)))
        );
        assert_eq!(
            label("La commune passe de deux à trois @ au label Villes Internet 2023."),
            Some((3, Some(2023)))
        );
        assert_eq!(
            label("Elle décroche sa quatrième arobase au palmarès Villes Internet 2024."),
            Some((4, Some(2024)))
        );
        assert_eq!(
            label("Label Ville Internet : @@@@ pour la ville, en 2024."),
            Some((4, Some(2024)))
        );
        assert_eq!(
            label("Le label Villes Internet se décline de une à cinq arobases."),
            None
        );
    }

    #[test]
    fn a_palmares_gives_each_town_its_own_rating() {
        let text = "Palmarès Villes Internet 2025 : Wingles décroche 4@, Arras 3@, Béthune 3@ et Liévin 2@.";
        let at = |name: &str| text.find(name).unwrap_or(0);
        let mentions = vec![
            (at("Wingles"), "62895".to_string()),
            (at("Arras"), "62041".to_string()),
            (at("Béthune"), "62119".to_string()),
            (at("Liévin"), "62510".to_string()),
        ];
        assert_eq!(find(text, 0, None, None, &mentions), None);
        let arras = find(text, 0, None, Some("62041"), &mentions).expect("Arras's label");
        assert_eq!((arras.rating, arras.year), (3, Some(2025)));
    }
}
