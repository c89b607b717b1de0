//! What changed between two captures of a URL: a word-level diff of their extracted main
//! text (with `similar`'s Myers diff), and their titles and publication dates when they
//! differ. Both sides are documents already in the index (one per content), found through the
//! captures' payload digests: no page is fetched again.

use similar::{ChangeTag, TextDiff};

use crate::captures::CaptureLoc;

/// Equal runs longer than this many words are shortened around the changes.
const CONTEXT_WORDS: usize = 30;

/// One piece of the compared text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text in both.
    Same(String),
    /// Text only in the older capture.
    Removed(String),
    /// Text only in the newer capture.
    Added(String),
    /// Equal text left out.
    Elided(usize),
}

/// The word diff of two texts, unchanged runs shortened to [`CONTEXT_WORDS`] words on each
/// side of a change.
pub fn word_diff(old: &str, new: &str) -> Vec<Piece> {
    // Words with the spaces after them: a replaced word reads « ancien nouveau », not
    // « anciennouveau ».
    let old_words: Vec<&str> = old.split_inclusive(char::is_whitespace).collect();
    let new_words: Vec<&str> = new.split_inclusive(char::is_whitespace).collect();
    let diff = TextDiff::configure()
        .timeout(std::time::Duration::from_secs(2))
        .diff_slices(&old_words, &new_words);
    let mut raw: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let text: &str = change.value();
        let piece = |s: String| match change.tag() {
            ChangeTag::Equal => Piece::Same(s),
            ChangeTag::Delete => Piece::Removed(s),
            ChangeTag::Insert => Piece::Added(s),
        };
        match (raw.last_mut(), change.tag()) {
            (Some(Piece::Same(s)), ChangeTag::Equal)
            | (Some(Piece::Removed(s)), ChangeTag::Delete)
            | (Some(Piece::Added(s)), ChangeTag::Insert) => s.push_str(text),
            _ => raw.push(piece(text.to_string())),
        }
    }
    let n = raw.len();
    raw.into_iter()
        .enumerate()
        .flat_map(|(i, p)| match p {
            Piece::Same(s) => shorten(&s, i > 0, i + 1 < n),
            other => vec![other],
        })
        .collect()
}

/// An unchanged run: kept whole when short, else its ends next to changes and the count of
/// words left out.
fn shorten(s: &str, after_change: bool, before_change: bool) -> Vec<Piece> {
    let words: Vec<&str> = s.split_inclusive(char::is_whitespace).collect();
    let keep_head = if after_change { CONTEXT_WORDS } else { 0 };
    let keep_tail = if before_change { CONTEXT_WORDS } else { 0 };
    if words.len() <= keep_head + keep_tail + 5 {
        return vec![Piece::Same(s.to_string())];
    }
    let mut out = Vec::new();
    if keep_head > 0 {
        out.push(Piece::Same(words[..keep_head].concat()));
    }
    out.push(Piece::Elided(words.len() - keep_head - keep_tail));
    if keep_tail > 0 {
        out.push(Piece::Same(words[words.len() - keep_tail..].concat()));
    }
    out
}

/// The captures of a URL whose content can be compared (answered, or revisits of such),
/// with their digests, oldest first.
pub fn comparable(captures: &[CaptureLoc]) -> Vec<&CaptureLoc> {
    captures
        .iter()
        .filter(|c| c.digest.is_some())
        .filter(|c| c.is_revisit() || c.status.is_none_or(|s| (200..300).contains(&s)))
        .collect()
}

/// The two captures to compare by default: those on each side of the latest change of
/// content.
pub fn default_pair(captures: &[CaptureLoc]) -> Option<(&CaptureLoc, &CaptureLoc)> {
    let list = comparable(captures);
    list.windows(2)
        .rev()
        .find(|w| w[0].digest != w[1].digest)
        .map(|w| (w[0], w[1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_added_and_removed_are_marked_and_long_equal_runs_shortened() {
        let pieces = word_diff(
            "L'abonnement reste fixé à 8 euros.",
            "L'abonnement passe à 10 euros.",
        );
        assert!(
            pieces.contains(&Piece::Removed("reste fixé ".into())),
            "{pieces:?}"
        );
        assert!(
            pieces
                .iter()
                .any(|p| matches!(p, Piece::Added(s) if s.contains("passe")))
        );
        let long = "mot ".repeat(200);
        let pieces = word_diff(&format!("{long}fin"), &format!("{long}début"));
        assert!(
            matches!(pieces.first(), Some(Piece::Elided(n)) if *n > 100),
            "{pieces:?}"
        );
    }

    #[test]
    fn two_long_texts_that_differ_everywhere_are_compared() {
        // 60,000 words each, one in three changed: the diff ends (with `similar`'s deadline if
        // need be) and marks changes on both sides.
        let old: String = (0..60_000).map(|i| format!("mot{} ", i % 997)).collect();
        let new: String = (0..60_000)
            .map(|i| {
                if i % 3 == 0 {
                    format!("autre{} ", i % 991)
                } else {
                    format!("mot{} ", i % 997)
                }
            })
            .collect();
        let pieces = word_diff(&old, &new);
        assert!(pieces.iter().any(|p| matches!(p, Piece::Added(_))));
        assert!(pieces.iter().any(|p| matches!(p, Piece::Removed(_))));
    }
}
