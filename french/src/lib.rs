//! French words several crates need, kept once: the indexer reads dates with them, the
//! search server writes dates with them, the sample sites' calendar is made with them.

/// The French month names, January first, in lower case.
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

/// The name of month `month` (1 to 12).
///
/// ```
/// assert_eq!(french::month_name(8), Some("août"));
/// assert_eq!(french::month_name(13), None);
/// ```
pub fn month_name(month: u32) -> Option<&'static str> {
    month
        .checked_sub(1)
        .and_then(|i| MONTH_NAMES.get(i as usize))
        .copied()
}
