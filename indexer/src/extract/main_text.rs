//! The main text of a page, found the way Mozilla's Readability finds it — paragraphs scored
//! by length and commas, scores given to their parents and grandparents, the best block taken
//! with its worthy siblings, then cleaned of link lists and forms — but computed in a few
//! linear passes over the flat [`Page`] instead of a live DOM.
//!
//! Written here rather than taken from `dom_smoothie` (a Rust port of Readability, used
//! before): that crate works on its own DOM (`dom_query`), so every page was parsed twice, and
//! its passes re-query the tree with CSS selectors; on the page's one flat tree the same
//! method costs a fraction of the parse (`indexer bench-extract` shows the parts).
//!
//! Before scoring, page furniture named by its class or id (sharing, tags, comments,
//! breadcrumbs, cookies…), hidden blocks, navigation, and short blocks made mostly of links
//! (« Retour à la liste ») are set aside — but class words never take away a block holding
//! most of the page's text. When a pass finds less than [`CHAR_THRESHOLD`] characters, more
//! lenient ones follow as in Readability (keeping unlikely blocks, then ignoring class names,
//! then not cleaning); if none reaches it, the longest text wins.
//!
//! ```
//! let html = scraper::Html::parse_document(
//!     "<body><nav><a href='/'>Accueil</a> <a href='/agenda'>Agenda</a></nav>\
//!      <div class='content'><h1>La fibre arrive</h1>\
//!      <p>Les travaux de la fibre optique commencent lundi dans le quartier nord, \
//!      annonce la mairie, pour une ouverture commerciale au printemps.</p>\
//!      <p><a href='/actualites'>Retour à la liste</a></p></div></body>",
//! );
//! let page = indexer::extract::dom::Page::new(&html);
//! let text = indexer::extract::main_text::main_text(&page, Some("La fibre arrive"));
//! assert!(text.starts_with("Les travaux de la fibre optique"));
//! assert!(!text.contains("Accueil") && !text.contains("Retour"));
//! ```

use super::dom::{NO_PARENT, Page, is_block, marks::*};
use crate::analysis::is_word_char;

/// Fewer characters than this from one pass call for the next, more lenient one.
pub const CHAR_THRESHOLD: usize = 500;

/// How many ancestors of a paragraph receive a share of its score.
const ANCESTOR_LEVELS: usize = 5;

/// What one subtree holds, counted once, from the leaves up.
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    /// Characters of its text, a run of white space counting as one.
    chars: u32,
    /// Characters inside links.
    link_chars: u32,
    /// Characters inside list items.
    li_chars: u32,
    /// Characters inside headings.
    heading_chars: u32,
    /// Commas.
    commas: u32,
    /// Words with a letter or digit.
    words: u32,
    /// Such words inside links.
    link_words: u32,
    /// Descendant elements by kind.
    p: u32,
    img: u32,
    li: u32,
    input: u32,
    embed: u32,
    th: u32,
    /// Whether a child is a block (a `<div>` without one is a paragraph).
    block_child: bool,
    /// Whether something inside was removed.
    pruned: bool,
    /// Whether the text holds white space outside ASCII (no-break spaces…).
    unicode_space: bool,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.chars += o.chars;
        self.link_chars += o.link_chars;
        self.li_chars += o.li_chars;
        self.heading_chars += o.heading_chars;
        self.commas += o.commas;
        self.words += o.words;
        self.link_words += o.link_words;
        self.p += o.p;
        self.img += o.img;
        self.li += o.li;
        self.input += o.input;
        self.embed += o.embed;
        self.th += o.th;
        self.pruned |= o.pruned;
    }

    /// Counts an element itself into its subtree's counts (which hold its descendants).
    fn count_element(&mut self, name: &str) {
        match name {
            "a" => {
                self.link_chars = self.chars;
                self.link_words = self.words;
            }
            "p" => self.p += 1,
            "img" => self.img += 1,
            "li" => {
                self.li += 1;
                self.li_chars = self.chars;
            }
            "input" => self.input += 1,
            "embed" | "object" | "iframe" => self.embed += 1,
            "th" | "caption" => self.th += 1,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.heading_chars = self.chars,
            _ => {}
        }
    }

    fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }

    /// Counts of one text node (ASCII bytes classified by a table; other characters decoded).
    fn of_text(text: &str) -> Counts {
        let mut c = Counts::default();
        let (mut in_word, mut alnum) = (false, false);
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let class = if b.is_ascii() {
                i += 1;
                ASCII_CLASS[usize::from(b)]
            } else {
                let ch = text[i..].chars().next().unwrap_or_default();
                i += ch.len_utf8().max(1);
                if ch.is_whitespace() {
                    c.unicode_space = true;
                    SPACE
                } else {
                    let word = if is_word_char(ch) { WORD } else { 0 };
                    let comma = if matches!(ch, '،' | '﹐' | '︐' | '︑' | '⹁' | '⸴' | '⸲' | '，')
                    {
                        COMMA
                    } else {
                        0
                    };
                    word | comma
                }
            };
            if class & SPACE != 0 {
                if in_word {
                    c.words += u32::from(alnum);
                    c.chars += 1;
                }
                (in_word, alnum) = (false, false);
            } else {
                in_word = true;
                c.chars += 1;
                alnum |= class & WORD != 0;
                c.commas += u32::from(class & COMMA != 0);
            }
        }
        c.words += u32::from(in_word && alnum);
        c
    }
}

/// Classes of characters for [`Counts::of_text`].
const SPACE: u8 = 1;
const WORD: u8 = 2;
const COMMA: u8 = 4;

/// The class of each ASCII byte.
static ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if is_ascii_space(c) {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            WORD
        } else if c == b',' {
            COMMA
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Elements whose presence makes a `<div>` more than a paragraph.
fn is_div_block(name: &str) -> bool {
    matches!(
        name,
        "blockquote" | "dl" | "div" | "img" | "ol" | "p" | "pre" | "table" | "ul" | "section"
    )
}

/// Elements never read as article text.
fn is_stripped_tag(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "iframe"
            | "nav"
            | "aside"
            | "footer"
            | "object"
            | "embed"
            | "select"
            | "option"
            | "button"
            | "textarea"
            | "label"
            | "svg"
            | "math"
            | "canvas"
            | "head"
            | "dialog"
    )
}

/// One extraction attempt's settings (Readability's flags).
#[derive(Clone, Copy)]
struct Pass {
    /// Set aside Readability's unlikely candidates.
    strip_unlikely: bool,
    /// Let class and id words raise or lower scores.
    weigh_classes: bool,
    /// Remove link lists, forms and image walls from the chosen block.
    clean: bool,
    /// Take the whole `<body>` (without headers, menus and forms) instead of the best block.
    whole_body: bool,
}

/// The attempts, each more lenient than the one before.
const PASSES: [Pass; 4] = [
    Pass {
        strip_unlikely: true,
        weigh_classes: true,
        clean: true,
        whole_body: false,
    },
    Pass {
        strip_unlikely: false,
        weigh_classes: true,
        clean: true,
        whole_body: false,
    },
    Pass {
        strip_unlikely: false,
        weigh_classes: false,
        clean: true,
        whole_body: false,
    },
    Pass {
        strip_unlikely: false,
        weigh_classes: false,
        clean: false,
        whole_body: false,
    },
];

/// The last resort: everything in the body but page furniture.
const WHOLE_BODY: Pass = Pass {
    strip_unlikely: false,
    weigh_classes: false,
    clean: false,
    whole_body: true,
};

/// Fewer words than this in the best pass's text: no block stands out, and the whole body
/// (without furniture) is taken instead.
pub const MIN_WORDS: usize = 20;

/// The main text of `page`, paragraphs separated by blank lines. `title` (the article's
/// title, when known) is left out when a heading repeats it. When no pass finds
/// [`MIN_WORDS`] words, the page's [`body_text`] is taken.
pub fn main_text(page: &Page, title: Option<&str>) -> String {
    let Some(body) = page.elements_named("body").next() else {
        return String::new();
    };
    let texts = Texts::new(page);
    let mut longest = String::new();
    for pass in PASSES {
        let text = run(page, &texts, body, title, pass);
        if text.len() >= CHAR_THRESHOLD {
            longest = text;
            break;
        }
        if text.len() > longest.len() {
            longest = text;
        }
    }
    if longest.split_whitespace().count() >= MIN_WORDS {
        longest
    } else {
        run(page, &texts, body, None, WHOLE_BODY)
    }
}

/// The whole text of the page's `<body>` without scripts, navigation, menus, sidebars,
/// forms, furniture and short link lists: the last resort when no block stands out.
pub fn body_text(page: &Page) -> String {
    match page.elements_named("body").next() {
        Some(body) => run(page, &Texts::new(page), body, None, WHOLE_BODY),
        None => String::new(),
    }
}

/// What the passes read of the page's texts, found once per page: each text node's counts,
/// taken the first time a pass reads it (the texts of menus, footers and scripts that every
/// pass sets aside never are), and where the read text lies.
struct Texts {
    counts: Vec<std::cell::Cell<Option<Counts>>>,
    /// Bytes of read text (scripts and styles left out, words without the indentation around
    /// them) before each node: a subtree `i..end` holds `before[end] - before[i]`.
    before: Vec<usize>,
}

impl Texts {
    fn new(page: &Page) -> Self {
        let mut before = Vec::with_capacity(page.len() + 1);
        before.push(0usize);
        for i in 0..page.len() {
            let bytes = if is_read_text(page, i) {
                page.node(i).text.trim_ascii().len()
            } else {
                0
            };
            before.push(before[i] + bytes);
        }
        Self {
            counts: vec![std::cell::Cell::new(None); page.len()],
            before,
        }
    }

    /// The counts of text node `i`.
    fn get(&self, page: &Page, i: usize) -> Counts {
        self.counts[i].get().unwrap_or_else(|| {
            let c = Counts::of_text(page.node(i).text);
            self.counts[i].set(Some(c));
            c
        })
    }

    /// Bytes of read text in `i`'s subtree.
    fn bytes(&self, page: &Page, i: usize) -> usize {
        self.before[page.node(i).end] - self.before[i]
    }
}

/// Whether a text node is read at all (not the inside of a script or a style).
fn is_read_text(page: &Page, i: usize) -> bool {
    let n = page.node(i);
    n.is_text() && (n.parent == NO_PARENT || !is_stripped_tag(page.node(n.parent).name()))
}

fn run(page: &Page, texts: &Texts, body: usize, title: Option<&str>, pass: Pass) -> String {
    let n = page.len();
    let mut removed = vec![false; n];
    let body_end = page.node(body).end;
    let body_bytes = texts.bytes(page, body);
    // Class words never take away a block holding most of the page's text: a class name
    // can mislead, the text cannot.
    let most_of_page = |i: usize| texts.bytes(page, i) * 2 > body_bytes;
    // Furniture, hidden blocks and (when the pass says so) unlikely candidates go first,
    // with their subtrees.
    for i in body + 1..body_end {
        let node = page.node(i);
        if removed[node.parent] {
            removed[i] = true;
            continue;
        }
        if node.element.is_none() {
            continue;
        }
        let name = node.name();
        let m = node.marks;
        let by_class = m & FURNITURE != 0
            || (pass.whole_body && m & MENU != 0)
            || (pass.strip_unlikely
                && m & UNLIKELY != 0
                && m & MAYBE_CANDIDATE == 0
                && !matches!(
                    name,
                    "a" | "article" | "main" | "table" | "tbody" | "tr" | "td"
                ));
        removed[i] = is_stripped_tag(name)
            || m & (HIDDEN | NOT_CONTENT_ROLE) != 0
            || (pass.whole_body && matches!(name, "header" | "form"))
            || (by_class && !most_of_page(i));
    }

    // Counts from the leaves up; short blocks made mostly of links go.
    let mut counts = vec![Counts::default(); n];
    for i in (body..page.node(body).end).rev() {
        if removed[i] {
            continue;
        }
        let node = page.node(i);
        let mut c = if node.is_text() {
            if is_read_text(page, i) {
                texts.get(page, i)
            } else {
                Counts::default()
            }
        } else {
            counts[i]
        };
        let name = node.name();
        c.count_element(name);
        if matches!(name, "p" | "li" | "div" | "dd" | "span")
            && (1..=20).contains(&c.words)
            && c.link_words * 5 >= c.words * 4
        {
            removed[i] = true;
            continue;
        }
        counts[i] = c;
        if i != body {
            let parent = &mut counts[node.parent];
            let block = is_div_block(name);
            parent.add(&c);
            parent.block_child |= block;
        }
    }

    // What went with a short link block went with its subtree.
    for i in body + 1..body_end {
        if removed[page.node(i).parent] {
            removed[i] = true;
        }
    }

    if pass.whole_body {
        clean(page, texts, body, &mut removed, pass, &|_| 0.0, None);
        let mut out = Paragraphs::with_capacity(body_bytes);
        out.write(page, texts, body, &removed);
        return out.text;
    }

    // Paragraphs give their score to their parents and grandparents.
    let mut score: Vec<Option<f32>> = vec![None; n];
    let class_weight = |i: usize| -> f32 {
        if !pass.weigh_classes {
            return 0.0;
        }
        let m = page.node(i).marks;
        let mut w = 0.0;
        for (bit, v) in [
            (CLASS_NEGATIVE, -25.0),
            (CLASS_POSITIVE, 25.0),
            (ID_NEGATIVE, -25.0),
            (ID_POSITIVE, 25.0),
        ] {
            if m & bit != 0 {
                w += v;
            }
        }
        w
    };
    let initial = |i: usize| -> f32 {
        let base = match page.node(i).name() {
            "div" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        base + class_weight(i)
    };
    let give = |first: usize, c: &Counts, score: &mut Vec<Option<f32>>| {
        if c.chars < 25 {
            return;
        }
        let points = 1.0 + c.commas as f32 + (c.chars / 100).min(3) as f32;
        let mut ancestor = first;
        for level in 0..ANCESTOR_LEVELS {
            if ancestor == NO_PARENT || page.node(ancestor).parent == NO_PARENT {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            let s = score[ancestor].get_or_insert_with(|| initial(ancestor));
            *s += points / divider;
            if ancestor == body {
                break;
            }
            ancestor = page.node(ancestor).parent;
        }
    };
    for i in body + 1..body_end {
        if removed[i] || page.node(i).is_text() {
            continue;
        }
        let name = page.node(i).name();
        let scorable = match name {
            "p" | "td" | "pre" | "section" | "h2" | "h3" | "h4" | "h5" | "h6" => true,
            "div" => !counts[i].block_child,
            _ => false,
        };
        if scorable {
            give(page.node(i).parent, &counts[i], &mut score);
        } else if matches!(name, "div" | "article" | "main") {
            // Runs of text and inline elements beside blocks count as paragraphs of their
            // own (Readability wraps them in `<p>`).
            let mut run = Counts::default();
            for child in page.children(i).filter(|c| !removed[*c]) {
                let node = page.node(child);
                if node.is_text() {
                    run.add(&texts.get(page, child));
                } else if is_block(node.name()) && node.name() != "br" {
                    give(i, &run, &mut score);
                    run = Counts::default();
                } else {
                    run.add(&counts[child]);
                }
            }
            give(i, &run, &mut score);
        }
    }
    for (i, s) in score.iter_mut().enumerate() {
        if let Some(s) = s {
            *s *= 1.0 - counts[i].link_density();
        }
    }

    let top = pick_top(page, body, &score, &removed);
    let top_score = score[top].unwrap_or(0.0);
    // The best block's siblings that are worth reading too.
    let mut roots = Vec::new();
    let parent = page.node(top).parent;
    if top == body || parent == NO_PARENT {
        roots.push(top);
    } else {
        let threshold = (top_score * 0.2).max(10.0);
        let top_class = page.node(top).attr("class").filter(|c| !c.is_empty());
        for s in page.child_elements(parent) {
            if removed[s] {
                continue;
            }
            if s == top {
                roots.push(s);
                continue;
            }
            let bonus = if top_class.is_some() && page.node(s).attr("class") == top_class {
                top_score * 0.2
            } else {
                0.0
            };
            if score[s].is_some_and(|v| v + bonus >= threshold) {
                roots.push(s);
            } else if page.node(s).name() == "p" {
                let c = &counts[s];
                let density = c.link_density();
                if (c.chars > 80 && density < 0.25)
                    || (c.chars > 0 && c.chars <= 80 && density == 0.0 && {
                        let t = page.text(s);
                        t.ends_with('.') || t.contains(". ")
                    })
                {
                    roots.push(s);
                }
            }
        }
    }

    let title_key = title.map(squash);
    for &root in &roots {
        clean(
            page,
            texts,
            root,
            &mut removed,
            pass,
            &class_weight,
            title_key.as_deref(),
        );
    }
    let bytes = roots.iter().map(|r| texts.bytes(page, *r)).sum();
    let mut out = Paragraphs::with_capacity(bytes);
    for &root in &roots {
        out.write(page, texts, root, &removed);
        out.brk = true;
    }
    out.text
}

/// The block with the best score, moved up to a parent that holds most of the good blocks.
fn pick_top(page: &Page, body: usize, score: &[Option<f32>], removed: &[bool]) -> usize {
    let mut ranked: Vec<(usize, f32)> = score
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| (i, s)))
        .filter(|(i, _)| *i != body && !removed[*i])
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranked.truncate(5);
    let Some(&(mut top, best)) = ranked.first() else {
        return body;
    };
    // Several near-best blocks under one ancestor: the ancestor is the article.
    let close: Vec<usize> = ranked[1..]
        .iter()
        .filter(|(_, s)| best > 0.0 && s / best >= 0.75)
        .map(|(i, _)| *i)
        .collect();
    if close.len() >= 3 {
        for a in page.ancestors(top) {
            if a == body {
                break;
            }
            let inside = close
                .iter()
                .filter(|c| **c > a && **c < page.node(a).end)
                .count();
            if inside >= 3 {
                top = a;
                break;
            }
        }
    }
    // A parent scoring better than the block (and not far below it on the way) wins.
    let mut last = score[top].unwrap_or(0.0);
    let threshold = last / 3.0;
    for a in page.ancestors(top).collect::<Vec<_>>() {
        if a == body {
            break;
        }
        let Some(s) = score[a] else { continue };
        if s < threshold {
            break;
        }
        if s > last {
            top = a;
            break;
        }
        last = s;
    }
    // A block alone in its parent: the parent is the same block.
    loop {
        let parent = page.node(top).parent;
        if parent == body || parent == NO_PARENT {
            break;
        }
        let mut children = page.child_elements(parent).filter(|c| !removed[*c]);
        if children.next().is_some() && children.next().is_none() {
            top = parent;
        } else {
            break;
        }
    }
    top
}

/// Readability's last cleaning of the chosen block: link lists, forms and image walls go
/// (when the pass cleans), and so do headings that repeat the title or are named as furniture.
fn clean(
    page: &Page,
    texts: &Texts,
    root: usize,
    removed: &mut [bool],
    pass: Pass,
    class_weight: &dyn Fn(usize) -> f32,
    title_key: Option<&str>,
) {
    let end = page.node(root).end;
    // Inside code, a preformatted block or a figure: never cleaned.
    let mut shielded = vec![false; end - root];
    shielded[0] = inside(page, root, &["code", "pre", "figure"]);
    for i in root + 1..end {
        let parent = page.node(i).parent;
        shielded[i - root] = shielded[parent - root]
            || matches!(page.node(parent).name(), "code" | "pre" | "figure");
    }
    let mut counts = vec![Counts::default(); end - root];
    for i in (root..end).rev() {
        if removed[i] {
            let parent = page.node(i).parent;
            if i != root && parent >= root && !removed[parent] {
                counts[parent - root].pruned = true;
            }
            continue;
        }
        let node = page.node(i);
        let k = i - root;
        let mut c = if node.is_text() {
            texts.get(page, i)
        } else {
            counts[k]
        };
        let name = node.name();
        c.count_element(name);
        // A `<div>` without blocks inside is a paragraph (Readability makes it a `<p>`).
        let paragraph_div = name == "div" && !c.block_child;
        if paragraph_div {
            c.p += 1;
        }
        let heading_repeats_title = matches!(name, "h1" | "h2")
            && title_key.is_some_and(|t| !t.is_empty() && squash(&page.text(i)) == t);
        // A box left with its heading alone once its links went (« Liens utiles »).
        let orphan_heading = i != root
            && c.pruned
            && c.chars > 0
            && c.heading_chars == c.chars
            && matches!(
                name,
                "div"
                    | "section"
                    | "aside"
                    | "td"
                    | "li"
                    | "ul"
                    | "dl"
                    | "form"
                    | "table"
                    | "tbody"
                    | "tr"
            );
        // An article's own header holds its title, rubric, date and author: metadata, read
        // apart, not prose.
        let article_header = name == "header" && i != root && c.words < 40;
        let drop = heading_repeats_title
            || orphan_heading
            || article_header
            || (pass.clean
                && i != root
                && (matches!(name, "h1" | "h2") && class_weight(i) < 0.0
                    || matches!(name, "form" | "fieldset" | "table" | "ul" | "div")
                        && !paragraph_div
                        && !shielded[k]
                        && should_remove(name, &c, class_weight(i))));
        if i != root {
            // A block cleaned away still made its parent a container, not a paragraph.
            let parent = &mut counts[node.parent - root];
            parent.block_child |= is_div_block(name);
            if drop {
                parent.pruned = true;
            } else {
                parent.add(&c);
            }
        }
        if drop {
            removed[i] = true;
            continue;
        }
        counts[k] = c;
    }
}

/// Readability's `_cleanConditionally` verdict on one block from its counts.
fn should_remove(name: &str, c: &Counts, weight: f32) -> bool {
    if name == "table" && c.th > 0 {
        return false; // a data table
    }
    if weight < 0.0 {
        return true;
    }
    if c.commas >= 10 {
        return false;
    }
    let is_list = matches!(name, "ul" | "ol") || (c.chars > 0 && c.li_chars * 10 > c.chars * 9);
    let p = c.p as f32;
    let img = c.img as f32;
    let li = c.li as f32 - 100.0;
    let density = c.link_density();
    let heading_density = if c.chars == 0 {
        0.0
    } else {
        c.heading_chars as f32 / c.chars as f32
    };
    let remove = (c.img > 1 && p / img < 0.5)
        || (!is_list && li > p)
        // Inputs count against forms only: an ASP.NET page puts stray ones in its content.
        || (matches!(name, "form" | "fieldset") && c.input as f32 > (p / 3.0).floor())
        || (!is_list
            && heading_density < 0.9
            && c.chars < 25
            && (c.img == 0 || c.img > 2)
            && density > 0.0)
        || (!is_list && weight < 25.0 && density > 0.2)
        || (weight >= 25.0 && density > 0.5)
        || ((c.embed == 1 && c.chars < 75) || c.embed > 1);
    // A list of images stays.
    remove && !(is_list && c.img > 0 && c.chars == 0)
}

fn inside(page: &Page, i: usize, names: &[&str]) -> bool {
    page.ancestors(i)
        .any(|a| names.contains(&page.node(a).name()))
}

/// Text written as paragraphs: words separated by one space, paragraphs by a blank line.
#[derive(Default)]
struct Paragraphs {
    text: String,
    /// A paragraph ends before the next word.
    brk: bool,
    /// A space comes before the next word.
    space: bool,
}

impl Paragraphs {
    /// Room for about this many bytes of text (no copying as it grows).
    fn with_capacity(bytes: usize) -> Self {
        Self {
            text: String::with_capacity(bytes),
            ..Self::default()
        }
    }

    fn word(&mut self, word: &str) {
        if !self.text.is_empty() {
            if self.brk {
                self.text.push_str("\n\n");
            } else if self.space {
                self.text.push(' ');
            }
        }
        self.text.push_str(word);
        (self.brk, self.space) = (false, false);
    }

    /// Words of a text, white space collapsed.
    fn words(&mut self, text: &str, unicode_space: bool) {
        if unicode_space {
            self.space |= text.starts_with(char::is_whitespace);
            for (k, word) in text.split_whitespace().enumerate() {
                if k > 0 {
                    self.space = true;
                }
                self.word(word);
            }
            self.space |= text.ends_with(char::is_whitespace);
            return;
        }
        // Only ASCII white space: words separated by single spaces are copied as one span.
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let gap = i;
            while i < bytes.len() && is_ascii_space(bytes[i]) {
                i += 1;
            }
            if i > gap {
                self.space = true;
            }
            if i == bytes.len() {
                break;
            }
            let start = i;
            loop {
                while i < bytes.len() && !is_ascii_space(bytes[i]) {
                    i += 1;
                }
                // One space followed by more of the word goes on in the same span.
                let single = bytes.get(i) == Some(&b' ')
                    && bytes.get(i + 1).is_some_and(|b| !is_ascii_space(*b));
                if !single {
                    break;
                }
                i += 1;
            }
            self.word(&text[start..i]);
        }
    }

    /// The text of `root`'s subtree without removed nodes: a paragraph per block (per line
    /// inside `<pre>`).
    fn write(&mut self, page: &Page, texts: &Texts, root: usize, removed: &[bool]) {
        let end = page.node(root).end;
        let mut open_blocks: Vec<usize> = Vec::new();
        let mut pre_until = 0;
        let mut i = root;
        while i < end {
            while open_blocks.last().is_some_and(|e| *e <= i) {
                open_blocks.pop();
                self.brk = true;
            }
            let node = page.node(i);
            if removed[i] {
                i = node.end.max(i + 1);
                continue;
            }
            if node.is_text() {
                if i < pre_until {
                    for (k, line) in node.text.split('\n').enumerate() {
                        if k > 0 {
                            self.brk = true;
                        }
                        self.words(line, true);
                    }
                } else {
                    self.words(node.text, texts.get(page, i).unicode_space);
                }
            } else {
                let name = node.name();
                if name == "pre" {
                    pre_until = pre_until.max(node.end);
                }
                if is_block(name) {
                    self.brk = true;
                    open_blocks.push(node.end);
                }
            }
            i += 1;
        }
        self.brk |= !open_blocks.is_empty();
    }
}

/// The ASCII white space of `char::is_whitespace` (space, tab, line feed, vertical tab, form
/// feed, carriage return).
const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// Lower-cased words of a heading or title, for comparing them.
fn squash(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('’', "'")
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn text_of(html: &str, title: Option<&str>) -> String {
        let doc = Html::parse_document(html);
        main_text(&Page::new(&doc), title)
    }

    /// How many times the test article's paragraph is in a text.
    fn articles(text: &str) -> usize {
        text.matches("Le conseil municipal a voté").count()
    }

    const ARTICLE: &str = "Le conseil municipal a voté, jeudi soir, le déploiement de la fibre \
        optique dans les quartiers nord, avec le soutien du département, de la région et de \
        l'opérateur, pour un coût de deux millions d'euros.";

    #[test]
    fn the_article_wins_over_menus_sidebars_and_link_lists() {
        let html = format!(
            "<html><body><header><ul class=menu><li><a href=/>Accueil</a></li>\
             <li><a href=/a>Agenda</a></li></ul></header>\
             <div id=sidebar><p>Horaires de la mairie : du lundi au vendredi, de 9 h à 17 h, \
             le samedi de 9 h à midi.</p></div>\
             <div class=node><h1>La fibre arrive</h1><p class=date>Publié le 3 mars 2014</p>\
             <p>{ARTICLE}</p><p>{ARTICLE}</p>\
             <div class=share><a href=/fb>Facebook</a> <a href=/tw>Twitter</a></div>\
             <ul class=links><li><a href=/1>Actualité précédente</a></li>\
             <li><a href=/2>Actualité suivante</a></li></ul></div>\
             <footer><p>Mairie, place de la République, 72700 Allonnes, téléphone 02 43 80 \
             38 00.</p></footer></body></html>"
        );
        let text = text_of(&html, Some("La fibre arrive"));
        assert_eq!(articles(&text), 2, "{text}");
        for absent in [
            "Accueil",
            "Horaires",
            "Facebook",
            "précédente",
            "République",
        ] {
            assert!(!text.contains(absent), "{absent} in {text}");
        }
        assert!(
            !text.contains("La fibre arrive"),
            "the title is not repeated: {text}"
        );
        assert!(text.contains("\n\n"), "paragraphs stay apart: {text}");
    }

    #[test]
    fn loose_text_and_line_breaks() {
        let html = format!(
            "<body><div class=texte>{ARTICLE}<br>{ARTICLE}<div class=image><img src=a.jpg></div>\
             </div></body>"
        );
        let text = text_of(&html, None);
        assert_eq!(text.split("\n\n").count(), 2, "{text}");
    }

    #[test]
    fn a_short_page_falls_back_to_the_lenient_pass() {
        // Everything sits in a block named like a sidebar: the strict pass finds nothing.
        let html = format!("<body><div class=sidebar-content-extra><p>{ARTICLE}</p></div></body>");
        let text = text_of(&html, None);
        assert!(text.contains("Le conseil municipal"), "{text}");
    }

    #[test]
    fn divs_used_as_paragraphs_are_not_cleaned_as_containers() {
        // Paragraph divs, a link in one, two image divs: the body is not an image wall.
        let html = format!(
            "<body><div id=content><h1>La fibre arrive</h1><div class=corps>\
             <div>{ARTICLE}</div><div>Renseignements sur <a href=/thd>le site du syndicat \
             mixte</a> et en mairie.</div><div><img src=a.jpg></div><div><img src=b.jpg></div>\
             <div>Les riverains seront informés par courrier des dates de travaux.</div></div>\
             <div class=rubrique><h2>Dans la même rubrique</h2><ul><li><a href=/1>Marché de \
             Noël place de l'église</a></li><li><a href=/2>Ateliers numériques à la \
             médiathèque</a></li></ul></div></div></body>"
        );
        let text = text_of(&html, Some("La fibre arrive"));
        assert!(text.contains("Le conseil municipal a voté"), "{text}");
        assert!(text.contains("Les riverains seront informés"), "{text}");
        assert!(!text.contains("Marché de Noël"), "{text}");
    }

    #[test]
    fn inline_runs_between_blocks_are_paragraphs() {
        // Text pasted from a word processor: spans and line breaks, no <p>.
        let html = format!(
            "<body><div id=wrap><div class=col><p>Accueil du public du lundi au vendredi.</p>\
             </div><div class=actu><span style='font-family:Arial'>{ARTICLE} {ARTICLE}</span>\
             <br><br><span>{ARTICLE}</span><div class=photo><img src=f.jpg></div></div></div>\
             </body>"
        );
        let text = text_of(&html, None);
        assert_eq!(articles(&text), 3, "{text}");
    }

    #[test]
    fn a_div_emptied_of_its_blocks_by_cleaning_is_still_cleaned() {
        // The table of links goes first; its div is still a link list, not a paragraph.
        let html = format!(
            "<body><div id=content><h1>La fibre arrive</h1><div class=texte><p>{ARTICLE}</p>\
             <p>{ARTICLE}</p><p>{ARTICLE}</p><div class=outils><table><tr><td><a href=/i>\
             Imprimer</a></td><td><a href=/e>Envoyer</a></td></tr></table><a href=/1>\
             Inscription à la lettre d'information de la commune</a> <a href=/2>Plan \
             d'accès à la mairie et horaires d'ouverture des services</a> <a href=/3>\
             Démarches en ligne et formulaires de l'état civil</a></div></div></div></body>"
        );
        let text = text_of(&html, Some("La fibre arrive"));
        assert_eq!(articles(&text), 3, "{text}");
        assert!(!text.contains("Inscription à la lettre"), "{text}");
    }

    #[test]
    fn indentation_does_not_make_furniture_most_of_the_page() {
        let indent = " ".repeat(60);
        let spans: String = [
            "Service communication",
            "Vie municipale",
            "Mairie",
            "Imprimer",
        ]
        .iter()
        .map(|s| format!("\n{indent}<span>{s}</span>"))
        .collect();
        let html = format!(
            "<body><article class=post><h1>Fermeture de la mairie</h1>\
             <div class=article-info>{spans}\n</div><p>La mairie sera fermée le lundi \
             14 juillet, jour férié, et rouvrira le mardi à 8 h 30.</p></article></body>"
        );
        let text = text_of(&html, Some("Fermeture de la mairie"));
        assert!(text.contains("La mairie sera fermée"), "{text}");
        assert!(!text.contains("Service communication"), "{text}");
    }

    #[test]
    fn stray_inputs_do_not_remove_the_article() {
        // ASP.NET wraps the page in one form; a print button sits in the text.
        let html = format!(
            "<body><form id=aspnetForm><div id=content><h1>Fibre</h1><div class=texte>\
             {ARTICLE}<br><br>{ARTICLE}<br><br>{ARTICLE}<br>\
             <input type=image src=imprimer.gif alt=Imprimer></div></div></form></body>"
        );
        let text = text_of(&html, Some("Fibre"));
        assert_eq!(articles(&text), 3, "{text}");
    }

    #[test]
    fn taxonomy_classes_do_not_hide_the_article() {
        // WordPress names the article's category and tags in its classes.
        let html = format!(
            "<body><main><article class='post type-post category-agenda tag-vie-sociale \
             hentry'><header class=entry-header><h1>Fête du village</h1></header>\
             <div class=entry-content><p>{ARTICLE}</p><p>{ARTICLE}</p></div></article></main>\
             <div class=widget-area><p>Suivez-nous sur les réseaux.</p></div></body>"
        );
        let text = text_of(&html, Some("Fête du village"));
        assert_eq!(articles(&text), 2, "{text}");
        assert!(!text.contains("Suivez-nous"), "{text}");
    }

    #[test]
    fn body_text_keeps_prose_and_drops_navigation() {
        let html = "<body><nav>Accueil Agenda</nav><p>Une phrase.</p><div class=menu>Menu</div>\
                    <script>var x = 1;</script></body>";
        let doc = Html::parse_document(html);
        assert_eq!(body_text(&Page::new(&doc)), "Une phrase.");
    }

    #[test]
    fn counts_agree_with_a_char_by_char_reading() {
        for text in [
            "Le conseil\u{a0}: « oui »\u{202f}! Déjà 12,5 % — l’école, ça\tva.\n",
            "  ",
            "Ωμέγα ειρήνη，日本語 テキスト",
            "",
        ] {
            let words = text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count() as u32;
            // Each character outside white space, and one for each run of white space after one.
            let all: Vec<char> = text.chars().collect();
            let chars = all.iter().filter(|c| !c.is_whitespace()).count()
                + all
                    .windows(2)
                    .filter(|w| !w[0].is_whitespace() && w[1].is_whitespace())
                    .count();
            let c = Counts::of_text(text);
            assert_eq!(c.words, words, "{text:?}");
            assert_eq!(c.chars as usize, chars, "{text:?}");
        }
    }

    #[test]
    fn unicode_spaces_are_found_and_paragraphs_collapse_like_split_whitespace() {
        let all: Vec<char> = (0..0x3001)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace() && !c.is_ascii())
            .collect();
        for c in &all {
            assert!(Counts::of_text(&format!("a{c}b")).unicode_space, "{c:?}");
        }
        assert!(!Counts::of_text("l’école à 5 € — « oui »").unicode_space);
        // Every string of up to five characters over every kind of space, letters and a
        // control character that is not a space, after and not after a space.
        let reference = |space: bool, text: &str| {
            let mut q = Paragraphs::default();
            q.word("[");
            q.space = space || text.starts_with(char::is_whitespace);
            for (k, w) in text.split_whitespace().enumerate() {
                q.space |= k > 0;
                q.word(w);
            }
            q.space |= text.ends_with(char::is_whitespace);
            q.word("]");
            q.text
        };
        let alphabet = [
            ' ', '\t', '\n', '\u{b}', '\u{c}', '\r', 'a', 'é', '\u{a0}', '\u{1f}', '\u{85}',
        ];
        let mut stack = vec![String::new()];
        while let Some(text) = stack.pop() {
            for space in [false, true] {
                let mut p = Paragraphs::default();
                p.word("[");
                p.space = space;
                p.words(&text, Counts::of_text(&text).unicode_space);
                p.word("]");
                assert_eq!(p.text, reference(space, &text), "{text:?}");
            }
            if text.chars().count() < 5 {
                stack.extend(alphabet.iter().map(|c| format!("{text}{c}")));
            }
        }
    }

    #[test]
    fn counts_match_split_whitespace() {
        let c = Counts::of_text("  Retour à la\n liste — « 12 », fin ");
        assert_eq!(c.words, 6, "the dash and quotes are not words");
        assert_eq!(c.commas, 1);
    }
}
