//! A second opinion on the main text, title and date: the `trafilatura` crate (a port of
//! go-trafilatura, itself a port of Python trafilatura) runs beside the project's Readability
//! pass ([`super::main_text`]), and each checks the other.
//!
//! Why two extractors: they fail differently. Readability scores paragraphs and keeps the best
//! block with its siblings; on real news pages it sometimes takes a sidebar or keeps a
//! related-articles list. trafilatura walks the page with rules about what content looks
//! like (and what boilerplate looks like); it sometimes stops short of an article split into
//! many blocks, or returns a few lines of a page made of tables. Python trafilatura reaches
//! its scores the same way, by comparing its own extraction with Readability's and
//! jusText's. Here the crate runs without its own fallback (which would run a third
//! Readability, `libreadability`, on a third parse): the project's pass is that fallback.
//!
//! The choice ([`choose_text`]) compares what each text adds to the other: prose (sentences)
//! added is content one extractor missed, a list of links or short lines added is furniture
//! one extractor kept. `scripts/compare-extractors.py` prints, page by page, what each
//! extractor and the choice score on a corpus; the totals are in BENCHMARKS.md.

use chrono::NaiveDate;
use url::Url;

use super::dom::{NO_PARENT, Page, is_block};

/// What one extractor found on a page.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Opinion {
    /// Main text, paragraphs separated by blank lines.
    pub text: String,
    /// Title.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
}

/// The `trafilatura` crate's reading of a page (main text, title, date), or `None` when it
/// finds nothing or fails. A panic inside the crate is caught: a hostile page costs its
/// second opinion, not the run.
pub fn trafilatura(html: &str, url: Option<&Url>) -> Option<Opinion> {
    let mut opts = trafilatura::Options::default();
    opts.exclude_comments = true;
    opts.enable_fallback = false;
    opts.original_url = url.cloned();
    // htmldate's fast cascade: URL, meta, JSON-LD, date-named elements, `<time>`, timestamps,
    // « posted on » patterns. The extensive one adds the newest date of the free text and a
    // scan of the raw source, which reads event dates and copyright years as publication
    // dates.
    opts.html_date_mode = trafilatura::HtmlDateMode::Fast;
    let html = without_code(html);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        trafilatura::extract(&html, &opts)
    }))
    .ok()?
    .ok()?;
    let title = Some(result.metadata.title.trim().to_string()).filter(|t| !t.is_empty());
    Some(Opinion {
        text: paragraphs(&result.content_html),
        title,
        published: result.metadata.date,
    })
}

/// Elements whose content is never text: half the bytes of real news pages.
static CODE_START: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["<script", "<style", "<svg", "<noscript", "<template"])
            .expect("static patterns build")
    });

/// Their closing tags, in the order of [`CODE_START`].
const CODE_END: [&str; 5] = ["</script", "</style", "</svg", "</noscript", "</template"];

/// The page without its scripts (JSON-LD kept), styles, SVG drawings, `<noscript>` and
/// `<template>` contents: what trafilatura removes first anyway, cut before it parses the
/// page (it then parses and walks half as much). A script's content ends at the first
/// `</script`, as the HTML parser reads it.
fn without_code(html: &str) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut from = 0;
    while let Some(m) = CODE_START.find(&html[from..]) {
        let start = from + m.start();
        let after = start + m.end() - m.start();
        // `<scripts` or `<svgfoo` are other elements.
        if bytes
            .get(after)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-')
        {
            from = after;
            continue;
        }
        let tag_end = html[after..]
            .find('>')
            .map_or(html.len(), |i| after + i + 1);
        if m.pattern().as_usize() == 0
            && html[after..tag_end]
                .to_ascii_lowercase()
                .contains("ld+json")
        {
            from = tag_end;
            continue;
        }
        let close = CODE_END[m.pattern().as_usize()];
        let end = find_ignore_case(&html[tag_end..], close)
            .map(|i| tag_end + i)
            .and_then(|i| html[i..].find('>').map(|j| i + j + 1))
            .unwrap_or(html.len());
        out.push_str(&html[copied..start]);
        copied = end;
        from = end;
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    std::borrow::Cow::Owned(out)
}

/// The byte offset of `needle` (ASCII) in `haystack`, in any case.
fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    haystack
        .as_bytes()
        .windows(n.len())
        .position(|w| w.eq_ignore_ascii_case(n))
}

/// The text of an HTML fragment as paragraphs separated by blank lines: the texts under one
/// block (paragraph, heading, list item, cell…) make one paragraph, white space squeezed.
/// (The crate's `content_text` joins every paragraph with a space.)
fn paragraphs(fragment: &str) -> String {
    let doc = scraper::Html::parse_fragment(fragment);
    let page = Page::new(&doc);
    let mut out = String::with_capacity(fragment.len() / 2);
    let mut block = NO_PARENT;
    // Whether the current paragraph has a word, and whether white space follows it.
    let (mut open, mut space) = (false, false);
    for (i, node) in page.nodes().iter().enumerate() {
        if !node.is_text() {
            continue;
        }
        let here = page
            .ancestors(i)
            .find(|a| is_block(page.node(*a).name()))
            .unwrap_or(NO_PARENT);
        if here != block {
            block = here;
            open = false;
        }
        space |= node.text.starts_with(char::is_whitespace);
        for (k, word) in node.text.split_whitespace().enumerate() {
            if !open {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                open = true;
            } else if k > 0 || space {
                out.push(' ');
            }
            out.push_str(word);
            space = false;
        }
        space |= node.text.ends_with(char::is_whitespace);
    }
    out
}

/// Which extractor's text a page keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// The project's Readability pass.
    Readability,
    /// The `trafilatura` crate.
    Trafilatura,
}

/// A text's words, lower-cased, one space apart: what two extractions are compared on.
fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Whether a paragraph reads as prose: eight words or more, punctuated like sentences (a
/// mark every thirty words at least) and ending like one. Menus, link lists, tag clouds,
/// « Partager : » lines and addresses do not.
fn is_prose(paragraph: &str) -> bool {
    let n = paragraph.split_whitespace().count();
    let marks = paragraph
        .chars()
        .filter(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?'))
        .count();
    n >= 8
        && marks * 30 >= n.max(30)
        && paragraph
            .trim_end()
            .ends_with(['.', '!', '?', '»', ')', '"', '…', ':', ';'])
}

/// Characters of prose and of the rest in the paragraphs of `text` that `other` (its
/// [`words`]) does not have.
fn additions(text: &str, other: &str) -> (usize, usize) {
    let (mut prose, mut rest) = (0, 0);
    for p in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let w = words(p);
        if w.is_empty() || other.contains(&w) {
            continue;
        }
        if is_prose(p) {
            prose += p.len();
        } else {
            rest += p.len();
        }
    }
    (prose, rest)
}

/// Chooses between Readability's text and trafilatura's. Readability's is kept unless:
/// - it is empty;
/// - trafilatura's adds paragraphs of prose, more than twice what Readability's adds, and
///   more prose than anything else (Readability took a sidebar, or stopped short);
/// - Readability's adds, to what both found, a block of non-prose — link lists, related
///   news, menus — of a third of its length, while trafilatura's adds next to nothing.
///
/// Measured on the development corpus and the project's French municipal pages (text F1,
/// BENCHMARKS.md), this choice is at least as good as the better of the two alone on each.
pub fn choose_text(readability: &str, trafilatura: &str) -> Source {
    if trafilatura.trim().is_empty() {
        return Source::Readability;
    }
    if readability.trim().is_empty() {
        return Source::Trafilatura;
    }
    let (t_prose, t_rest) = additions(trafilatura, &words(readability));
    let (r_prose, r_rest) = additions(readability, &words(trafilatura));
    if t_prose > 2 * r_prose && t_prose >= t_rest {
        return Source::Trafilatura;
    }
    if r_rest * 10 > 3 * readability.len()
        && r_prose * 4 < r_prose + r_rest
        && (t_prose + t_rest) * 10 < trafilatura.len()
    {
        return Source::Trafilatura;
    }
    Source::Readability
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs_and_inline_text_stays_joined() {
        assert_eq!(
            paragraphs(
                "<h2>Titre</h2><p>La <b>fibre</b>optique, <i>enfin</i> !</p><ul><li>un</li><li>deux</li></ul>"
            ),
            "Titre\n\nLa fibreoptique, enfin !\n\nun\n\ndeux"
        );
    }

    #[test]
    fn code_is_cut_and_json_ld_kept() {
        let html = "<head><script type='application/ld+json'>{\"datePublished\":\"2021-03-03\"}</script>\
            <SCRIPT>var a = '<p>';</SCRIPT><style>p{}</style></head><body><svg><path/></svg>\
            <scripts>x</scripts><p>Texte</p><noscript><img></noscript></body>";
        let cut = without_code(html);
        assert!(
            cut.contains("ld+json") && cut.contains("2021-03-03"),
            "{cut}"
        );
        assert!(
            !cut.contains("var a") && !cut.contains("p{}") && !cut.contains("path"),
            "{cut}"
        );
        assert!(cut.contains("<scripts>x</scripts><p>Texte</p>"), "{cut}");
        assert!(!cut.contains("<img>"), "{cut}");
        assert_eq!(without_code("<p>rien</p>"), "<p>rien</p>");
        assert_eq!(without_code("<script>jamais fermé"), "");
    }

    #[test]
    fn trafilatura_keeps_paragraphs() {
        let html = "<html><body><nav><a href='/'>Accueil</a></nav><article><h1>Fibre</h1>\
            <p>Les travaux de la fibre optique commencent lundi dans le quartier nord de la ville, \
            annonce la mairie dans un communiqué publié ce matin.</p>\
            <p>Les habitants pourront s'abonner au printemps auprès de l'opérateur de leur choix, \
            une fois les armoires de rue installées et raccordées.</p></article></body></html>";
        let o = trafilatura(html, None).expect("an opinion");
        assert!(
            o.text.contains("ce matin.\n\nLes habitants"),
            "{:?}",
            o.text
        );
    }
}
