//! Bounds on pathological HTML before it is parsed into a tree.
//!
//! The HTML tree builder (html5ever, as the specification describes it) walks the stack of
//! open elements at each tag, and its tokenizer compares each attribute with the ones before
//! it: a page of 100,000 nested `<div>` or a tag with a million attributes takes minutes to
//! parse. Browsers bound the first (Chromium's parser stops nesting at 512 levels and adds
//! deeper elements as siblings). [`tame`] does the same in one linear pass over the text: a
//! model of the stack of open elements (end tags close only an element that is open, `/>`
//! closes only void elements, a new `<a>` or heading closes the one open, as the tree builder
//! does), start tags that would open more than [`MAX_DEPTH`] elements are dropped with their
//! end tags (their text stays), and attributes past [`MAX_ATTRIBUTES`] in one tag are
//! dropped. Comments (also `<!-->`, `--!>`), raw-text elements and quotes follow the
//! tokenizer's rules. Real pages are left byte for byte as they are (tested on the French
//! corpus, the sample sites and the development corpus). No maintained crate offers such a
//! pre-pass; html5ever has no depth limit, and its tokenizer is itself quadratic in the
//! attributes of a tag.

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
    "colgroup",
];

/// Elements the tree builder never opens twice (a second one is merged or ignored).
const ONCE: &[&str] = &["html", "head", "body", "frameset"];

/// Headings: one opened while another is the current node closes it.
const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// The model of the tree builder's stack of open elements.
#[derive(Default)]
struct Stack {
    names: Vec<String>,
    open: HashMap<String, usize>,
}

impl Stack {
    fn push(&mut self, name: String) {
        *self.open.entry(name.clone()).or_default() += 1;
        self.names.push(name);
    }

    fn is_open(&self, name: &str) -> bool {
        self.open.get(name).is_some_and(|n| *n > 0)
    }

    /// Pops elements up to and including the last `name` (which must be open).
    fn pop_to(&mut self, name: &str) {
        while let Some(top) = self.names.pop() {
            if let Some(n) = self.open.get_mut(&top) {
                *n -= 1;
            }
            if top == name {
                break;
            }
        }
    }
}

/// The HTML with nesting past [`MAX_DEPTH`] flattened and attributes past
/// [`MAX_ATTRIBUTES`] dropped; borrowed unchanged when there is neither.
///
/// ```
/// use web::html_limits::{tame, MAX_DEPTH};
/// let page = "<div>".repeat(MAX_DEPTH + 10) + "texte";
/// let tamed = tame(&page);
/// assert_eq!(tamed.matches("<div>").count(), MAX_DEPTH);
/// assert!(tamed.ends_with("texte"));
/// assert!(matches!(tame("<p>court</p>"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn tame(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    // Bytes of `html` before this index are in `out` (when it exists). Every index used to
    // cut is the position of an ASCII byte (`<`, `>`, a space, an attribute's first byte),
    // so every cut lands on a character boundary.
    let mut copied = 0;
    let mut stack = Stack::default();
    // Start tags dropped for depth, by name: their end tags go too.
    let mut dropped: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + lt;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = comment_end(bytes, start + 4);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = memchr::memchr(b'>', rest).map_or(bytes.len(), |e| start + e + 1);
            continue;
        }
        let closing = rest.starts_with(b"</");
        let name_start = start + if closing { 2 } else { 1 };
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            i = start + 1;
            continue;
        }
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| !(b.is_ascii_whitespace() || **b == b'/' || **b == b'>'))
            .count();
        let name =
            String::from_utf8_lossy(&bytes[name_start..name_start + name_len]).to_ascii_lowercase();
        let tag = scan_tag(bytes, name_start + name_len);
        let end = tag.end;
        i = end;
        if tag.attributes > MAX_ATTRIBUTES
            && let Some(cut) = tag.cut_at
        {
            // Keep the tag up to its last allowed attribute, and close it.
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..cut]);
            o.push('>');
            copied = end;
        }
        if closing {
            if let Some(n) = dropped.get_mut(&name)
                && *n > 0
                && !stack.is_open(&name)
            {
                *n -= 1;
                skip(html, &mut out, &mut copied, start, end);
            } else if stack.is_open(&name) {
                stack.pop_to(&name);
            }
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            i = find_ignore_case(&bytes[end..], close.as_bytes()).map_or(bytes.len(), |e| end + e);
            continue;
        }
        if VOID.contains(&name.as_str())
            || IMPLIED_END.contains(&name.as_str())
            || ONCE.contains(&name.as_str())
        {
            continue;
        }
        if name == "a" && stack.is_open("a") {
            stack.pop_to("a");
        }
        if HEADINGS.contains(&name.as_str())
            && let Some(top) = stack
                .names
                .last()
                .filter(|top| HEADINGS.contains(&top.as_str()))
                .cloned()
        {
            stack.pop_to(&top);
        }
        if stack.names.len() >= MAX_DEPTH {
            *dropped.entry(name).or_default() += 1;
            skip(html, &mut out, &mut copied, start, end);
            continue;
        }
        stack.push(name);
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
    if start >= *copied {
        o.push_str(&html[*copied..start]);
    }
    *copied = end.max(*copied);
}

/// Where a comment whose text starts at `from` ends, as the tokenizer sees it: `<!-->` and
/// `<!--->` end at once; otherwise the first `-->` or `--!>`.
fn comment_end(bytes: &[u8], from: usize) -> usize {
    let rest = &bytes[from..];
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    let close = memchr::memmem::find(rest, b"-->").map(|e| e + 3);
    let bang = memchr::memmem::find(rest, b"--!>").map(|e| e + 4);
    match (close, bang) {
        (Some(a), Some(b)) => from + a.min(b),
        (Some(a), None) | (None, Some(a)) => from + a,
        (None, None) => bytes.len(),
    }
}

/// What a tag holds after its name.
struct Tag {
    /// Index after its `>` (or the end of the text).
    end: usize,
    /// Attributes counted.
    attributes: usize,
    /// Where the first attribute past [`MAX_ATTRIBUTES`] starts.
    cut_at: Option<usize>,
}

/// Scans a tag from after its name, as the tokenizer does: an attribute name runs to white
/// space, `/`, `=` or `>` (quotes in it are part of it); a value after `=` is quoted or runs
/// to white space or `>`; a new attribute may follow a quoted value directly.
fn scan_tag(bytes: &[u8], from: usize) -> Tag {
    let mut tag = Tag {
        end: bytes.len(),
        attributes: 0,
        cut_at: None,
    };
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'>' {
            tag.end = i + 1;
            return tag;
        }
        if b.is_ascii_whitespace() || b == b'/' {
            i += 1;
            continue;
        }
        // An attribute name.
        tag.attributes += 1;
        if tag.attributes == MAX_ATTRIBUTES + 1 {
            tag.cut_at = Some(i);
        }
        i += 1;
        while i < bytes.len()
            && !matches!(bytes[i], b'>' | b'/' | b'=')
            && !bytes[i].is_ascii_whitespace()
        {
            i += 1;
        }
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        match bytes.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                i = memchr::memchr(q, &bytes[i + 1..]).map_or(bytes.len(), |e| i + 1 + e + 1);
            }
            _ => {
                while i < bytes.len() && bytes[i] != b'>' && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
            }
        }
    }
    tag
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
    fn tricks_that_nest_in_the_parser_count_as_nesting() {
        let n = MAX_DEPTH + 100;
        for (name, unit) in [
            ("self-closing div", "<div/>"),
            ("unmatched end tags", "<div></b>"),
            ("ruby parts", "<rt>"),
            ("quote in a name", "<span x'>"),
        ] {
            let page = format!("{}fond", unit.repeat(n));
            let t = tame(&page);
            assert!(t.contains("fond"), "{name}");
            let opened = t.matches('<').count() - t.matches("</").count();
            assert!(opened <= MAX_DEPTH, "{name}: {opened} elements left open");
        }
        // A comment closed at once does not hide the rest of the page.
        let page = format!("<!--><!--->{}fond", "<div>".repeat(n));
        assert_eq!(tame(&page).matches("<div>").count(), MAX_DEPTH);
        // Anchors and headings do not nest: a thousand unclosed ones change nothing.
        let page = "<a href=x>lien ".repeat(2000) + &"<h2>titre<h3>sous-titre".repeat(500);
        assert!(matches!(tame(&page), Cow::Borrowed(_)));
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
        // Quoted values one after another without spaces are attributes each.
        let glued: String = (0..MAX_ATTRIBUTES + 50)
            .map(|i| format!("a{i}=\"\""))
            .collect();
        let page = format!("<div {glued}>texte</div>");
        assert!(!tame(&page).contains(&format!("a{}=", MAX_ATTRIBUTES)));
        // End tags too.
        let page = format!("<div>texte</div {attrs}>");
        assert!(!tame(&page).contains(&format!("a{}=", MAX_ATTRIBUTES)));
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
