//! Publication dates: ISO and French textual forms (« jeudi 31 janvier 2013 »,
//! « 31 janv. 2013 », « 31/01/2013 », « 1er mars 2016 »), and URL paths (`/2011/12/08/`).
//! No maintained crate reads French dates (`dateparser` is English-only), hence this parser.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

/// The French month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

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

/// The first date of any supported form in a short text (a `<time>` label, a "date" span).
pub fn any_date(text: &str) -> Option<NaiveDate> {
    parse_iso(text).or_else(|| french_dates(text).first().map(|(_, d)| *d))
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
