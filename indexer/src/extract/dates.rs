//! Publication dates: ISO and French textual forms (« jeudi 31 janvier 2013 »,
//! « 31 janv. 2013 », « 31/01/2013 », « 1er mars 2016 »), English and German ones met on
//! the same sites (« March 3, 2015 », « 3rd March 2015 », « 3. März 2015 »), and URL paths
//! (`/2011/12/08/`). No maintained crate reads French dates (`dateparser` is English-only),
//! hence this parser.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

pub use french::MONTH_NAMES;

const MONTHS: &[(&str, u32)] = &[
    ("janvier", 1),
    ("janv", 1),
    ("jan", 1),
    ("fevrier", 2),
    ("fevr", 2),
    ("fev", 2),
    ("février", 2),
    ("févr", 2),
    ("fév", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("aout", 8),
    ("août", 8),
    ("septembre", 9),
    ("sept", 9),
    ("sep", 9),
    ("octobre", 10),
    ("oct", 10),
    ("novembre", 11),
    ("nov", 11),
    ("decembre", 12),
    ("décembre", 12),
    ("dec", 12),
    ("déc", 12),
    // English.
    ("january", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    // German (« Mai », « April », « September », « November » as in English or French).
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("okt", 10),
    ("dezember", 12),
    ("dez", 12),
];

fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == n).map(|(_, v)| *v)
}

static TEXTUAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2})(?:er|ᵉʳ)?\s+(janvier|janv\.?|f[ée]vrier|f[ée]vr?\.?|mars|avril|avr\.?|mai|juin|juillet|juil\.?|ao[uû]t|septembre|sept?\.?|octobre|oct\.?|novembre|nov\.?|d[ée]cembre|d[ée]c\.?)\s+(\d{4})\b",
    )
    .expect("static regex compiles")
});

/// English and German month names (French ones are in [`TEXTUAL`]).
const FOREIGN_MONTHS: &str = r"january|february|feb\.?|march|mar\.?|april|apr\.?|may|june|jun\.?|july|jul\.?|august|aug\.?|september|sept?\.?|october|oct\.?|november|nov\.?|december|dec\.?|januar|jänner|februar|märz|maerz|juni|juli|oktober|okt\.?|dezember|dez\.?";

/// « 3 March 2015 », « 3rd of March, 2015 », « 3. März 2015 ».
static FOREIGN_DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?({FOREIGN_MONTHS})(?:\s+|,\s*)(\d{{4}})\b"
    ))
    .expect("static regex compiles")
});

/// « March 3, 2015 », « Mar. 3rd 2015 ».
static FOREIGN_MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({FOREIGN_MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    ))
    .expect("static regex compiles")
});

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b").expect("static regex compiles")
});

static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})").expect("static regex compiles"));

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d{2})[/\-](0[1-9]|1[0-2])[/\-](0[1-9]|[12]\d|3[01])(?:/|$|[\-_.])")
        .expect("static regex compiles")
});

fn ymd(y: &str, m: u32, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m, d.parse().ok()?)
}

/// Parses an ISO 8601 date or date-time (`2013-01-31`, `2012-05-14T09:30:00+02:00`).
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    let c = ISO.captures(s.trim())?;
    NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// All French dates written in a text, in order: textual (« 31 janvier 2013 », « 31 janv.
/// 2013 ») and numeric (« 31/01/2013 »), with their byte offsets.
pub fn french_dates(text: &str) -> Vec<(usize, NaiveDate)> {
    let mut out: Vec<(usize, NaiveDate)> = TEXTUAL
        .captures_iter(text)
        .filter_map(|c| {
            let m = month_number(&c[2])?;
            Some((c.get(0)?.start(), ymd(&c[3], m, &c[1])?))
        })
        .chain(NUMERIC.captures_iter(text).filter_map(|c| {
            let m: u32 = c[2].parse().ok()?;
            Some((c.get(0)?.start(), ymd(&c[3], m, &c[1])?))
        }))
        .collect();
    out.sort_by_key(|(pos, _)| *pos);
    out
}

/// English and German dates written in a text (« March 3, 2015 », « 3. März 2015 »), with
/// their byte offsets, in order.
pub fn foreign_dates(text: &str) -> Vec<(usize, NaiveDate)> {
    if !text.bytes().any(|b| b.is_ascii_alphabetic()) {
        return Vec::new();
    }
    let mut out: Vec<(usize, NaiveDate)> = FOREIGN_DAY_FIRST
        .captures_iter(text)
        .filter_map(|c| {
            let m = month_number(&c[2])?;
            Some((c.get(0)?.start(), ymd(&c[3], m, &c[1])?))
        })
        .chain(FOREIGN_MONTH_FIRST.captures_iter(text).filter_map(|c| {
            let m = month_number(&c[1])?;
            Some((c.get(0)?.start(), ymd(&c[3], m, &c[2])?))
        }))
        .collect();
    out.sort_by_key(|(pos, _)| *pos);
    out
}

/// The first date of any supported form in a short text (a `<time>` label, a "date" span):
/// ISO, then French, then English or German.
pub fn any_date(text: &str) -> Option<NaiveDate> {
    parse_iso(text)
        .or_else(|| french_dates(text).first().map(|(_, d)| *d))
        .or_else(|| foreign_dates(text).first().map(|(_, d)| *d))
}

/// Whether a text writes `date` in any supported form (ISO, French, numeric, English,
/// German).
pub fn writes(text: &str, date: NaiveDate) -> bool {
    ISO.captures_iter(text).any(|c| {
        NaiveDate::from_ymd_opt(
            c[1].parse().unwrap_or(0),
            c[2].parse().unwrap_or(0),
            c[3].parse().unwrap_or(0),
        ) == Some(date)
    }) || french_dates(text).iter().any(|(_, d)| *d == date)
        || foreign_dates(text).iter().any(|(_, d)| *d == date)
}

/// A full date in a URL path (`/2011/12/08/slug/`); a year and month alone are not a date.
pub fn url_date(url: &str) -> Option<NaiveDate> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let c = URL_DATE.captures(path)?;
    ymd(&c[1], c[2].parse().ok()?, &c[3])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn french_forms() {
        assert_eq!(any_date("jeudi 31 janvier 2013"), Some(d(2013, 1, 31)));
        assert_eq!(any_date("31 janv. 2013"), Some(d(2013, 1, 31)));
        assert_eq!(any_date("Publié le 31/01/2013"), Some(d(2013, 1, 31)));
        assert_eq!(any_date("le 1er mars 2016"), Some(d(2016, 3, 1)));
        assert_eq!(any_date("15 AOÛT 2014"), Some(d(2014, 8, 15)));
        assert_eq!(any_date("2012-05-14T09:30:00+02:00"), Some(d(2012, 5, 14)));
        assert_eq!(any_date("31 février 2013"), None);
        assert_eq!(any_date("Posted March 3, 2015"), Some(d(2015, 3, 3)));
        assert_eq!(any_date("3rd of March, 2015"), Some(d(2015, 3, 3)));
        assert_eq!(
            any_date("Veröffentlicht am 3. März 2015"),
            Some(d(2015, 3, 3))
        );
        assert_eq!(any_date("Dec. 24, 2019"), Some(d(2019, 12, 24)));
        assert_eq!(any_date("le 14.07.2021"), Some(d(2021, 7, 14)));
        assert_eq!(any_date("rien"), None);
    }

    #[test]
    fn url_paths() {
        assert_eq!(
            url_date("http://a.fr/2011/12/08/label/"),
            Some(d(2011, 12, 8))
        );
        assert_eq!(url_date("http://a.fr/actualites/2013/fibre.html"), None);
        assert_eq!(url_date("http://a.fr/2013/01/"), None, "no day: no date");
    }
}
