//! Bounds on pathological HTML before it is parsed into a tree.
//!
//! The HTML tree builder (html5ever, as the specification describes it) walks the stack of
//! open elements at each tag, and compares each attribute with the ones before it: a page of
//! 100,000 nested `<div>` or a tag with a million attributes takes minutes to parse. Browsers
//! bound the first (Chromium's parser stops nesting at 512 levels and adds deeper elements as
//! siblings). [`tame`] does the same in one linear pass over the text: start tags past
//! [`MAX_DEPTH`] levels, and their end tags, are dropped (their text stays), and attributes
//! past [`MAX_ATTRIBUTES`] in one tag are dropped. Real pages are left byte for byte as they
//! are. No maintained crate offers such a pre-pass; html5ever has no depth limit.

use std::borrow::Cow;
use std::collections::HashMap;

/// Nesting depth kept, as in Chromium's HTML parser.
pub const MAX_DEPTH: usize = 512;

/// Attributes kept in one tag.
pub const MAX_ATTRIBUTES: usize = 1000;

/// Elements that take no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements whose end tag is implied by the next sibling: they do not nest in practice.
const IMPLIED_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
    "colgroup", "rb", "rt", "rtc", "rp",
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// The HTML with nesting past [`MAX_DEPTH`] flattened and attributes past
/// [`MAX_ATTRIBUTES`] dropped; borrowed unchanged when there is neither.
///
/// ```
/// use crawler::html_limits::{tame, MAX_DEPTH};
/// let page = "<div>".repeat(MAX_DEPTH + 10) + "texte";
/// let tamed = tame(&page);
/// assert_eq!(tamed.matches("<div>").count(), MAX_DEPTH);
/// assert!(tamed.ends_with("texte"));
/// assert!(matches!(tame("<p>court</p>"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn tame(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    // Bytes of `html` before this index are in `out` (when it exists).
    let mut copied = 0;
    let mut depth = 0usize;
    let mut dropped: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while let Some(lt) = memchr(b'<', &bytes[i..]) {
        let start = i + lt;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = find(&bytes[start + 4..], b"-->").map_or(bytes.len(), |e| start + 4 + e + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = memchr(b'>', rest).map_or(bytes.len(), |e| start + e + 1);
            continue;
        }
        let closing = rest.starts_with(b"</");
        let name_start = start + if closing { 2 } else { 1 };
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let (end, attributes, cut_at) = scan_tag(bytes, name_start + name_len);
        i = end;
        if closing {
            if VOID.contains(&name.as_str()) || IMPLIED_END.contains(&name.as_str()) {
                continue;
            }
            if let Some(n) = dropped.get_mut(&name)
                && *n > 0
            {
                *n -= 1;
                skip(html, &mut out, &mut copied, start, end);
                continue;
            }
            depth = depth.saturating_sub(1);
            continue;
        }
        let self_closing = bytes[..end].ends_with(b"/>");
        let raw_text = RAW_TEXT.contains(&name.as_str());
        let nests = !(self_closing
            || raw_text
            || VOID.contains(&name.as_str())
            || IMPLIED_END.contains(&name.as_str()));
        if nests && depth >= MAX_DEPTH {
            *dropped.entry(name).or_default() += 1;
            skip(html, &mut out, &mut copied, start, end);
            continue;
        }
        if attributes > MAX_ATTRIBUTES
            && let Some(cut) = cut_at
        {
            // Keep the tag up to its last allowed attribute, and close it.
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..cut]);
            o.push_str(if self_closing { "/>" } else { ">" });
            copied = end;
        }
        if raw_text {
            let close = format!("</{name}");
            i = find_ignore_case(&bytes[end..], close.as_bytes()).map_or(bytes.len(), |e| end + e);
            continue;
        }
        if nests {
            depth += 1;
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    }
}

/// Leaves `html[start..end]` out of the output.
fn skip(html: &str, out: &mut Option<String>, copied: &mut usize, start: usize, end: usize) {
    let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
    o.push_str(&html[*copied..start]);
    *copied = end;
}

/// From after a tag's name: the index after its `>`, the number of attributes, and where
/// the attribute after the last one kept starts (when there are too many).
fn scan_tag(bytes: &[u8], from: usize) -> (usize, usize, Option<usize>) {
    let mut i = from;
    let mut attributes = 0;
    let mut cut_at = None;
    let mut quote: Option<u8> = None;
    let mut after_space = true;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => match b {
                b'>' => return (i + 1, attributes, cut_at),
                b'"' | b'\'' => quote = Some(b),
                b if b.is_ascii_whitespace() || b == b'/' => after_space = true,
                b'=' => after_space = false,
                _ => {
                    if after_space {
                        attributes += 1;
                        if attributes == MAX_ATTRIBUTES + 1 {
                            cut_at = Some(i);
                        }
                    }
                    after_space = false;
                }
            },
        }
        i += 1;
    }
    (bytes.len(), attributes, cut_at)
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|b| *b == needle)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_left_as_they_are() {
        let page = "<!DOCTYPE html><html><head><title>a < b</title><script>if (a<b) {}</script></head><body><!-- <div> --><ul><li>un<li>deux</ul><p>x<p>y<br><img src=a.png /></body></html>";
        assert!(matches!(tame(page), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_flattened_and_closed_in_step() {
        let n = MAX_DEPTH + 1000;
        let page = format!(
            "{}fond{}<p>après</p>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let t = tame(&page);
        assert_eq!(t.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(t.matches("</div>").count(), MAX_DEPTH);
        assert!(t.contains("fond") && t.ends_with("<p>après</p>"));
    }

    #[test]
    fn attributes_past_the_limit_are_dropped() {
        let attrs: String = (0..MAX_ATTRIBUTES + 50)
            .map(|i| format!(" a{i}=\"x>y\""))
            .collect();
        let page = format!("<div{attrs}>texte</div>");
        let t = tame(&page);
        assert!(t.contains(&format!("a{}=", MAX_ATTRIBUTES - 1)));
        assert!(!t.contains(&format!("a{}=", MAX_ATTRIBUTES)));
        assert!(t.ends_with(">texte</div>"), "{}", &t[t.len() - 30..]);
    }
}

#[cfg(test)]
mod real_pages {
    use super::*;

    /// Every HTML page under `dir`, recursively.
    fn pages(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pages(&path, out);
            } else if path.extension().is_some_and(|e| e == "html") {
                out.push(path);
            }
        }
    }

    #[test]
    fn the_bundled_real_and_sample_pages_are_left_byte_for_byte() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut all = Vec::new();
        pages(&root.join("data/extraction-corpus"), &mut all);
        pages(&root.join("data/sample-site"), &mut all);
        // The development corpus, where it is (beside the repository).
        if let Ok(dir) = std::env::var("VEILLE_DEV_CORPUS") {
            pages(std::path::Path::new(&dir), &mut all);
        }
        assert!(all.len() > 50, "{} pages", all.len());
        for path in &all {
            let bytes = std::fs::read(path).expect("read");
            let html = String::from_utf8_lossy(&bytes);
            assert!(
                matches!(tame(&html), Cow::Borrowed(_)),
                "{} was changed",
                path.display()
            );
        }
    }
}
