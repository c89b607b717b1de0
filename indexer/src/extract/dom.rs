//! A flat, read-only view of a parsed HTML page: its elements and texts in document order,
//! each knowing its parent and where its subtree ends, with the words of its `class` and `id`
//! that extraction cares about recognised once, when the view is built.
//!
//! Extraction used to ask a CSS selector engine a dozen questions per page, each a walk over
//! every element; with this view each question is a slice or a bit test.
//!
//! ```
//! use indexer::extract::dom::{Page, marks};
//!
//! let html = scraper::Html::parse_document(
//!     "<body><div class='Share-links'>x</div><p>Le <a href='/'>texte</a></p></body>",
//! );
//! let page = Page::new(&html);
//! let div = page.elements_named("div").next().unwrap();
//! assert!(page.node(div).marks & marks::FURNITURE != 0);
//! let p = page.elements_named("p").next().unwrap();
//! assert_eq!(page.text(p), "Le texte");
//! ```

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{Html, Node as TreeNode};

/// Categories of class and id words, as bits of [`DomNode::marks`].
pub mod marks {
    /// Page furniture that is never article text (sharing, tags, comments, cookies, agendas…).
    pub const FURNITURE: u32 = 1;
    /// Readability's "unlikely candidate" words (menus, banners, sidebars, footers…).
    pub const UNLIKELY: u32 = 1 << 1;
    /// Words that keep an unlikely candidate (article, content, main…).
    pub const MAYBE_CANDIDATE: u32 = 1 << 2;
    /// A class word that lowers a block's score.
    pub const CLASS_NEGATIVE: u32 = 1 << 3;
    /// A class word that raises a block's score.
    pub const CLASS_POSITIVE: u32 = 1 << 4;
    /// An id word that lowers a block's score.
    pub const ID_NEGATIVE: u32 = 1 << 5;
    /// An id word that raises a block's score.
    pub const ID_POSITIVE: u32 = 1 << 6;
    /// Parts of a page that are not the article: agendas, events, sidebars, comments, teasers.
    pub const OFF_ARTICLE: u32 = 1 << 7;
    /// Blocks that carry a publication line ("date", "submitted", "published"…).
    pub const DATE_BLOCK: u32 = 1 << 8;
    /// Near a `<time>`, words that say it is the article's own date (byline, meta…).
    pub const DATE_CONTEXT: u32 = 1 << 9;
    /// Menus and sidebars, dropped by the last-resort text.
    pub const MENU: u32 = 1 << 10;
    /// Hidden from readers (`hidden`, `aria-hidden`, `display: none`).
    pub const HIDDEN: u32 = 1 << 11;
    /// A `role` that is not content (navigation, menu, complementary, dialog…).
    pub const NOT_CONTENT_ROLE: u32 = 1 << 12;
    /// `itemprop="datePublished"`.
    pub const ITEMPROP_DATE: u32 = 1 << 13;
}

use marks::*;

/// Words looked for inside `class` and `id` values (lower-cased), with their categories.
const CLASS_WORDS: &[(&str, u32)] = &[
    // Furniture: metadata lines, sharing, tags, comments, agendas, pagination, skip links.
    ("article-info", FURNITURE),
    ("entry-meta", FURNITURE | DATE_BLOCK),
    ("post-meta", FURNITURE | DATE_BLOCK),
    ("byline", FURNITURE | DATE_CONTEXT),
    ("share", FURNITURE | CLASS_NEGATIVE),
    ("partage", FURNITURE),
    ("social", FURNITURE | UNLIKELY),
    ("breadcrumb", FURNITURE | UNLIKELY),
    ("ariane", FURNITURE),
    ("cookie", FURNITURE | MENU),
    ("tags", FURNITURE | CLASS_NEGATIVE),
    (
        "comment",
        FURNITURE | UNLIKELY | CLASS_NEGATIVE | OFF_ARTICLE,
    ),
    ("pager", FURNITURE | UNLIKELY),
    ("pagination", FURNITURE | UNLIKELY | CLASS_POSITIVE),
    ("agenda", FURNITURE | OFF_ARTICLE),
    (
        "related",
        FURNITURE | UNLIKELY | CLASS_NEGATIVE | OFF_ARTICLE,
    ),
    ("lire-aussi", FURNITURE | OFF_ARTICLE),
    ("reaction", FURNITURE | OFF_ARTICLE),
    ("reagir", FURNITURE | OFF_ARTICLE),
    ("newsletter", FURNITURE),
    ("skip", FURNITURE),
    ("element-invisible", FURNITURE),
    ("sr-only", FURNITURE),
    ("visually-hidden", FURNITURE),
    // Readability's unlikely candidates and class weights.
    ("-ad-", UNLIKELY | CLASS_NEGATIVE),
    ("ai2html", UNLIKELY),
    ("banner", UNLIKELY | CLASS_NEGATIVE),
    ("combx", UNLIKELY | CLASS_NEGATIVE),
    ("community", UNLIKELY),
    ("cover-wrap", UNLIKELY),
    ("disqus", UNLIKELY),
    ("extra", UNLIKELY),
    ("footer", UNLIKELY | CLASS_NEGATIVE | OFF_ARTICLE),
    ("gdpr", UNLIKELY | CLASS_NEGATIVE),
    ("header", UNLIKELY),
    ("legends", UNLIKELY),
    ("menu", UNLIKELY | MENU),
    ("remark", UNLIKELY),
    ("replies", UNLIKELY),
    ("rss", UNLIKELY),
    ("shoutbox", UNLIKELY | CLASS_NEGATIVE),
    ("sidebar", UNLIKELY | CLASS_NEGATIVE | OFF_ARTICLE | MENU),
    ("skyscraper", UNLIKELY | CLASS_NEGATIVE),
    ("sponsor", UNLIKELY | CLASS_NEGATIVE),
    ("supplemental", UNLIKELY),
    ("ad-break", UNLIKELY),
    ("agegate", UNLIKELY),
    ("popup", UNLIKELY),
    ("yom-remote", UNLIKELY),
    ("and", MAYBE_CANDIDATE),
    ("article", MAYBE_CANDIDATE | CLASS_POSITIVE),
    ("body", MAYBE_CANDIDATE | CLASS_POSITIVE),
    ("column", MAYBE_CANDIDATE),
    ("content", MAYBE_CANDIDATE | CLASS_POSITIVE),
    ("main", MAYBE_CANDIDATE | CLASS_POSITIVE),
    ("mathjax", MAYBE_CANDIDATE),
    ("shadow", MAYBE_CANDIDATE),
    ("hidden", CLASS_NEGATIVE),
    ("com-", CLASS_NEGATIVE),
    ("contact", CLASS_NEGATIVE),
    ("masthead", CLASS_NEGATIVE),
    ("media", CLASS_NEGATIVE),
    ("meta", CLASS_NEGATIVE | DATE_CONTEXT),
    ("outbrain", CLASS_NEGATIVE),
    ("promo", CLASS_NEGATIVE),
    ("scroll", CLASS_NEGATIVE),
    ("shopping", CLASS_NEGATIVE),
    ("widget", CLASS_NEGATIVE | OFF_ARTICLE),
    ("entry", CLASS_POSITIVE),
    ("hentry", CLASS_POSITIVE),
    ("h-entry", CLASS_POSITIVE),
    ("page", CLASS_POSITIVE),
    ("post", CLASS_POSITIVE),
    ("text", CLASS_POSITIVE),
    ("blog", CLASS_POSITIVE),
    ("story", CLASS_POSITIVE),
    // Not the article's own date: agendas, events, sidebars, lists of other news.
    ("event", OFF_ARTICLE),
    ("evenement", OFF_ARTICLE),
    ("calendar", OFF_ARTICLE),
    ("calendrier", OFF_ARTICLE),
    ("aside", OFF_ARTICLE),
    ("a-lire", OFF_ARTICLE),
    ("actus", OFF_ARTICLE),
    ("views-row", OFF_ARTICLE),
    ("teaser", OFF_ARTICLE),
    // Where publication lines live.
    ("date", DATE_BLOCK | DATE_CONTEXT),
    ("submitted", DATE_BLOCK | DATE_CONTEXT),
    ("published", DATE_BLOCK),
    ("createdate", DATE_BLOCK),
    ("publish", DATE_BLOCK),
    ("publi", DATE_CONTEXT),
    // SPIP's « info-publi » line and `<p class="publication">`: the article's date line.
    ("info-publi", DATE_BLOCK | DATE_CONTEXT),
    ("publication", DATE_BLOCK | DATE_CONTEXT),
    ("author", DATE_CONTEXT),
    // German date lines (« Veröffentlicht am … »).
    ("datum", DATE_BLOCK | DATE_CONTEXT),
    ("auteur", DATE_CONTEXT),
    ("posted", DATE_CONTEXT),
    ("entry-header", DATE_CONTEXT),
    ("article__header", DATE_CONTEXT),
];

/// One automaton for every class word; `CLASS_WORDS` may list a word once only.
static CLASS_MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(CLASS_WORDS.iter().map(|(w, _)| w)).expect("static patterns build")
});

/// Longer words that hold a class word without meaning it, mostly French: `social` in
/// `sociale`, `extra` in `extrait`, `media` in `mediatheque`, `date` in `update`, `publi` in
/// `republique`. A class word found inside one of these is not counted (`socialicons`,
/// `medias` still are).
const FALSE_FRIENDS: &[(&str, &str)] = &[
    ("social", "sociale"),
    ("extra", "extrait"),
    ("extra", "extranet"),
    ("media", "mediatheque"),
    ("media", "mediatek"),
    ("date", "update"),
    ("date", "candidate"),
    ("date", "validate"),
    ("publi", "republi"),
];

/// Whether the class word found at `start` in `token` is part of one of its false friends.
fn inside_false_friend(token: &str, word: &str, start: usize) -> bool {
    FALSE_FRIENDS
        .iter()
        .filter(|(w, _)| *w == word)
        .any(|(_, friend)| {
            friend.match_indices(word).any(|(offset, _)| {
                start
                    .checked_sub(offset)
                    .and_then(|from| token.get(from..from + friend.len()))
                    == Some(*friend)
            })
        })
}

/// Class tokens that name the article's own taxonomy (WordPress `category-agenda`,
/// `tag-vie-sociale`, Drupal `node-agenda`…): they say what the article is about, not which
/// part of the page it is, and are not read for class words.
const TAXONOMY_PREFIXES: &[&str] = &[
    "category-",
    "categorie-",
    "tag-",
    "node-",
    "type-",
    "term-",
    "taxonomy-",
    "rubrique-",
    "theme-",
    "format-",
    "status-",
];

/// The categories of the words found in one `class` or `id` value (any case).
fn word_marks(value: &str, buf: &mut String) -> u32 {
    let value = if value.bytes().any(|b| b.is_ascii_uppercase()) {
        buf.clear();
        buf.push_str(value);
        buf.make_ascii_lowercase();
        buf.as_str()
    } else {
        value
    };
    let mut marks = 0;
    for token in value.split_ascii_whitespace() {
        if TAXONOMY_PREFIXES.iter().any(|p| token.starts_with(p)) {
            continue;
        }
        for m in CLASS_MATCHER.find_overlapping_iter(token) {
            let (word, categories) = CLASS_WORDS[m.pattern().as_usize()];
            if !inside_false_friend(token, word, m.start()) {
                marks |= categories;
            }
        }
    }
    marks
}

/// No parent (the root element).
pub const NO_PARENT: usize = usize::MAX;

/// An element or a text of the page.
#[derive(Debug, Clone, Copy)]
pub struct DomNode<'a> {
    /// The element, or `None` for a text.
    pub element: Option<&'a Element>,
    /// The text of a text node (empty for elements).
    pub text: &'a str,
    /// Index of the parent element, or [`NO_PARENT`].
    pub parent: usize,
    /// Index one past the node's last descendant: its subtree is `index..end`.
    pub end: usize,
    /// Categories of its class and id words, and whether it is hidden ([`marks`]).
    pub marks: u32,
}

impl<'a> DomNode<'a> {
    /// The element's local name (`""` for a text).
    pub fn name(&self) -> &'a str {
        self.element.map(Element::name).unwrap_or_default()
    }

    /// An attribute of the element.
    pub fn attr(&self, name: &str) -> Option<&'a str> {
        let element = self.element?;
        element
            .attrs()
            .find(|(n, _)| *n == name)
            .map(|(_, value)| value)
    }

    /// Whether it is a text node.
    pub fn is_text(&self) -> bool {
        self.element.is_none()
    }
}

/// The page as a flat list of nodes in document order.
#[derive(Debug)]
pub struct Page<'a> {
    nodes: Vec<DomNode<'a>>,
}

impl<'a> Page<'a> {
    /// Flattens a parsed document (comments and the doctype are left out).
    pub fn new(html: &'a Html) -> Self {
        let mut nodes: Vec<DomNode<'a>> = Vec::with_capacity(1024);
        let mut open: Vec<usize> = Vec::with_capacity(64);
        let mut buf = String::new();
        for edge in html.tree.root().traverse() {
            match edge {
                Edge::Open(node) => {
                    let parent = open.last().copied().unwrap_or(NO_PARENT);
                    match node.value() {
                        TreeNode::Element(element) => {
                            open.push(nodes.len());
                            nodes.push(DomNode {
                                element: Some(element),
                                text: "",
                                parent,
                                end: 0,
                                marks: element_marks(element, &mut buf),
                            });
                        }
                        TreeNode::Text(text) => nodes.push(DomNode {
                            element: None,
                            text,
                            parent,
                            end: nodes.len() + 1,
                            marks: 0,
                        }),
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if node.value().is_element()
                        && let Some(i) = open.pop()
                    {
                        nodes[i].end = nodes.len();
                    }
                }
            }
        }
        Self { nodes }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the page has no node at all.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The node at `i`.
    pub fn node(&self, i: usize) -> &DomNode<'a> {
        &self.nodes[i]
    }

    /// All nodes, in document order.
    pub fn nodes(&self) -> &[DomNode<'a>] {
        &self.nodes
    }

    /// Indexes of the elements with this local name, in document order.
    pub fn elements_named<'p>(&'p self, name: &'p str) -> impl Iterator<Item = usize> + 'p {
        self.nodes
            .iter()
            .enumerate()
            .filter(move |(_, n)| n.name() == name)
            .map(|(i, _)| i)
    }

    /// The parent elements of `i`, nearest first.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let first = self.nodes[i].parent;
        std::iter::successors((first != NO_PARENT).then_some(first), |p| {
            let next = self.nodes[*p].parent;
            (next != NO_PARENT).then_some(next)
        })
    }

    /// The children of `i` (elements and texts), in order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.nodes[i].end;
        std::iter::successors((i + 1 < end).then_some(i + 1), move |c| {
            let next = self.nodes[*c].end;
            (next < end).then_some(next)
        })
    }

    /// The element children of `i`, in order.
    pub fn child_elements(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.children(i).filter(|c| !self.nodes[*c].is_text())
    }

    /// The text of `i`'s subtree, whitespace collapsed to single spaces and trimmed.
    pub fn text(&self, i: usize) -> String {
        self.text_range(i, self.nodes[i].end.max(i + 1))
    }

    /// The text of the nodes `i..end` (within `i`'s subtree), as [`Page::text`] writes it.
    fn text_range(&self, i: usize, end: usize) -> String {
        let mut out = String::new();
        let mut space = false;
        let mut open_blocks: Vec<usize> = Vec::new();
        for (k, node) in self.nodes[i..end].iter().enumerate() {
            while open_blocks.last().is_some_and(|e| *e <= i + k) {
                open_blocks.pop();
                space = true;
            }
            let t = node.text;
            if is_block(node.name()) {
                space = true;
                open_blocks.push(node.end);
            }
            space |= t.starts_with(char::is_whitespace);
            for word in t.split_whitespace() {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(word);
                space = true;
            }
            space = t.ends_with(char::is_whitespace) || (space && t.trim().is_empty());
        }
        out
    }

    /// [`Page::text`] cut after about `max_chars` characters (a few words more at most).
    pub fn text_capped(&self, i: usize, max_chars: usize) -> String {
        let end = self.nodes[i].end.max(i + 1);
        let mut seen = 0;
        let last = self.nodes[i..end]
            .iter()
            .position(|n| {
                seen += n.text.len();
                seen > max_chars * 4
            })
            .map_or(end, |k| i + k + 1);
        let mut text = self.text_range(i, last);
        if let Some((cut, _)) = text.char_indices().nth(max_chars) {
            text.truncate(cut);
        }
        text
    }

    /// The raw text of `i`'s subtree, as written (for scripts).
    pub fn raw_text(&self, i: usize) -> String {
        self.nodes[i..self.nodes[i].end.max(i + 1)]
            .iter()
            .map(|n| n.text)
            .collect()
    }
}

/// Whether an element starts a new line of text (paragraphs, blocks, list items, cells,
/// line breaks).
pub fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "tr"
            | "td"
            | "th"
            | "table"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "address"
            | "hr"
            | "form"
            | "fieldset"
            | "details"
            | "summary"
            | "caption"
    )
}

/// Marks of one element: its class and id words, and whether it is hidden or not content.
fn element_marks(element: &Element, buf: &mut String) -> u32 {
    let mut m = 0;
    for (name, value) in element.attrs() {
        match name {
            "class" => {
                let w = word_marks(value, buf);
                // The id's weight counts apart from the class's, as in Readability.
                m |= w & !(ID_NEGATIVE | ID_POSITIVE);
            }
            "id" => {
                let w = word_marks(value, buf);
                // Ids name widgets (`UpdatePanel1`, `datepicker`): publication lines are
                // found by class only.
                m |= w & !(CLASS_NEGATIVE | CLASS_POSITIVE | DATE_BLOCK);
                if w & CLASS_NEGATIVE != 0 {
                    m |= ID_NEGATIVE;
                }
                if w & CLASS_POSITIVE != 0 {
                    m |= ID_POSITIVE;
                }
            }
            "hidden" => m |= HIDDEN,
            "itemprop" if value.split_ascii_whitespace().any(|w| w == "datePublished") => {
                m |= ITEMPROP_DATE
            }
            "aria-hidden" if value.trim().eq_ignore_ascii_case("true") => m |= HIDDEN,
            "style" => {
                let style: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if style.contains("display:none") || style.contains("visibility:hidden") {
                    m |= HIDDEN;
                }
            }
            "role" => {
                let role = value.trim().to_ascii_lowercase();
                if matches!(
                    role.as_str(),
                    "navigation"
                        | "menu"
                        | "menubar"
                        | "complementary"
                        | "alert"
                        | "alertdialog"
                        | "dialog"
                ) {
                    m |= NOT_CONTENT_ROLE;
                }
            }
            _ => {}
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtrees_parents_and_text() {
        let html = Html::parse_document(
            "<html><body><div id=a>Un <b>deux</b><!-- x --> trois<p>quatre</p>cinq</div><p>six</body></html>",
        );
        let page = Page::new(&html);
        let div = page.elements_named("div").next().expect("div");
        assert_eq!(page.text(div), "Un deux trois quatre cinq");
        let ps: Vec<usize> = page.elements_named("p").collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(page.node(ps[0]).parent, div);
        assert!(ps[0] < page.node(div).end && ps[1] >= page.node(div).end);
        let body = page.elements_named("body").next().expect("body");
        assert_eq!(
            page.child_elements(body).collect::<Vec<_>>(),
            vec![div, ps[1]]
        );
        assert_eq!(page.ancestors(ps[0]).count(), 3, "div, body, html");
    }

    #[test]
    fn class_and_id_words_are_recognised_in_any_case() {
        let html = Html::parse_document(
            "<div class='Block-Partage'></div><div id='sidebar-first'></div>\
             <div class='entry-content'></div><span style='display: none'></span>\
             <nav role=Navigation></nav>",
        );
        let page = Page::new(&html);
        let marks: Vec<u32> = page
            .nodes()
            .iter()
            .filter(|n| matches!(n.name(), "div" | "span" | "nav"))
            .map(|n| n.marks)
            .collect();
        assert_ne!(marks[0] & FURNITURE, 0);
        assert_ne!(marks[1] & ID_NEGATIVE, 0);
        assert_eq!(marks[1] & CLASS_NEGATIVE, 0);
        assert_ne!(marks[2] & CLASS_POSITIVE, 0);
        assert_ne!(marks[3] & HIDDEN, 0);
        assert_ne!(marks[4] & NOT_CONTENT_ROLE, 0);
    }

    #[test]
    fn taxonomy_classes_and_french_words_are_not_furniture() {
        let html = Html::parse_document(
            "<article class='post-12 type-post category-agenda tag-vie-sociale hentry'></article>\
             <div class='action-sociale'></div><div class='mediatheque'></div>\
             <div id='ctl00_UpdatePanel1'></div><div class='place-republique'></div>\
             <div class='social-links'></div><div class='field-date'></div>\
             <div class='socialicons medias'></div>",
        );
        let page = Page::new(&html);
        let marks: Vec<u32> = page
            .nodes()
            .iter()
            .filter(|n| matches!(n.name(), "div" | "article"))
            .map(|n| n.marks)
            .collect();
        assert_eq!(marks[0] & (FURNITURE | OFF_ARTICLE), 0, "category-agenda");
        assert_eq!(marks[1] & (FURNITURE | UNLIKELY), 0, "sociale");
        assert_eq!(marks[2] & CLASS_NEGATIVE, 0, "mediatheque");
        assert_eq!(marks[3] & DATE_BLOCK, 0, "UpdatePanel");
        assert_eq!(marks[4] & DATE_CONTEXT, 0, "republique");
        assert_ne!(marks[5] & FURNITURE, 0, "social-links");
        assert_ne!(marks[6] & DATE_BLOCK, 0, "field-date");
        assert_ne!(marks[7] & FURNITURE, 0, "socialicons");
        assert_ne!(marks[7] & CLASS_NEGATIVE, 0, "medias");
    }
}
