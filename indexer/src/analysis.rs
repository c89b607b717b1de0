//! French text normalisation shared by topic matching and (later) the index analyzer:
//! tokens split on non-alphanumeric characters, elisions removed (l', d', qu'…, with ' or ’),
//! lower-cased, accents folded, then stemmed with the Snowball French stemmer. Accents are
//! folded *before* stemming, so a query typed without accents meets accented text (measured
//! on this project: see shared notes).

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

/// Elided articles and pronouns dropped from the start of a token.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// Lower-cases and removes accents (`Écoles` → `ecoles`, `cœur` → `coeur`).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`], appending to `out` (a buffer reused across words saves an allocation each).
pub fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        // The letters of French (and its neighbours) directly; anything else through Unicode
        // decomposition.
        let folded = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
                "a"
            }
            'ç' | 'Ç' => "c",
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
            'ñ' | 'Ñ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => "o",
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
            'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
            'œ' | 'Œ' => "oe",
            'æ' | 'Æ' => "ae",
            'ß' => "ss",
            _ => {
                for l in c.to_lowercase() {
                    for d in std::iter::once(l).nfd() {
                        if !('\u{300}'..='\u{36f}').contains(&d) {
                            out.push(d);
                        }
                    }
                }
                continue;
            }
        };
        out.push_str(folded);
    }
}

/// Words of a text: alphanumeric runs, elisions removed, lower-cased, accents folded.
pub fn words(text: &str) -> Vec<String> {
    raw_words(text).map(fold).collect()
}

/// Whether a character belongs to a word (a letter or a digit), answered without Unicode
/// tables for ASCII and the Latin-1 letters of French.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{c0}'..='\u{ff}').contains(&c) {
        c != '\u{d7}' && c != '\u{f7}'
    } else {
        c.is_alphanumeric()
    }
}

/// Runs of word characters ([`is_word_char`]) with the apostrophes and combining accents
/// inside them (`l'école` and a decomposed `Se\u{300}vres` stay one run): the words of a text
/// before elisions are split off. ASCII is read byte by byte; a run starts with a word
/// character. A page's runs are cut once and shared by [`run_words`], the communes and the
/// topics.
pub fn word_runs(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        while i < bytes.len() {
            let b = bytes[i];
            let (len, word, joiner) = if b.is_ascii() {
                (1, b.is_ascii_alphanumeric(), b == b'\'')
            } else {
                let c = text[i..].chars().next().unwrap_or_default();
                let joiner = c == '’' || ('\u{300}'..='\u{36f}').contains(&c);
                (c.len_utf8().max(1), is_word_char(c), joiner)
            };
            if word || (joiner && start.is_some()) {
                start.get_or_insert(i);
            } else if let Some(s) = start {
                let run = &text[s..i];
                i += len;
                return Some(run);
            }
            i += len;
        }
        start.map(|s| &text[s..])
    })
}

/// The first apostrophe (`'` or `’`) of a text: its byte offset and length.
fn next_apostrophe(text: &str) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    (0..b.len()).find_map(|i| match b[i] {
        b'\'' => Some((i, 1)),
        0xE2 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x99) => Some((i, 3)),
        _ => None,
    })
}

/// The parts of a text between apostrophes (`'` or `’`), empty ones included, read by bytes.
pub fn split_apostrophes(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match next_apostrophe(current) {
            Some((pos, len)) => {
                rest = Some(&current[pos + len..]);
                Some(&current[..pos])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// The words of one run ([`word_runs`]) as written: split at apostrophes, a leading elision
/// (`l'`, `qu'`, `jusqu’`…) left out.
pub fn run_words(run: &str) -> impl Iterator<Item = &str> {
    let mut token = run;
    if let Some((pos, len)) = next_apostrophe(run) {
        let head = &run[..pos];
        let elided = if head.is_ascii() {
            ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(head))
        } else {
            ELISIONS.contains(&fold(head).as_str())
        };
        if elided {
            token = &run[pos + len..];
        }
    }
    split_apostrophes(token).filter(|part| !part.is_empty())
}

/// The words of [`words`] as written (not folded): no allocation, for callers that fold
/// only the words they need or remember what each written form gives.
pub fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    word_runs(text).flat_map(run_words)
}

/// A French stemmer for folded words.
pub struct FrenchStemmer(Stemmer);

impl Default for FrenchStemmer {
    fn default() -> Self {
        Self(Stemmer::create(Algorithm::French))
    }
}

impl FrenchStemmer {
    /// The stem of a folded word.
    pub fn stem(&self, word: &str) -> String {
        self.0.stem(word).into_owned()
    }

    /// Stems of the words of a text (the taxonomy's terms; texts to index go through the
    /// analyzer, whose stems are remembered per thread).
    pub fn stems(&self, text: &str) -> Vec<String> {
        words(text).iter().map(|w| self.stem(w)).collect()
    }
}

/// The stem cache's map: foldhash, seeded per process (page words are hostile input, so not
/// an unseeded hash like Fx), in place of std's slower SipHash.
type StemMap = std::collections::HashMap<String, String, foldhash::fast::RandomState>;

thread_local! {
    /// Folded word → French stem, for the analyzer's [`CachedStemmer`].
    static STEMS: std::cell::RefCell<StemMap> = std::cell::RefCell::new(StemMap::default());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_runs_split_like_str_split() {
        let text = "L'école d’Allonnes, «\u{a0}e-démocratie\u{a0}» ’t Se\u{300}vres ' 2013'";
        let by_split: Vec<&str> = text
            .split(|c: char| {
                !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '\u{300}'..='\u{36f}'))
            })
            .map(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .collect();
        assert_eq!(word_runs(text).collect::<Vec<_>>(), by_split);
        assert_eq!(
            by_split,
            [
                "L'école",
                "d’Allonnes",
                "e",
                "démocratie",
                "t",
                "Se\u{300}vres",
                "2013'"
            ]
        );
    }

    #[test]
    fn apostrophes_split_like_str_split() {
        for text in ["l'école", "aujourd’hui", "''", "a’’b'c", "", "’", "fin'"] {
            assert_eq!(
                split_apostrophes(text).collect::<Vec<_>>(),
                text.split(['\'', '’']).collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn word_chars_agree_with_unicode() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn folding_matches_unicode_decomposition() {
        let sample = "Élus, cœur, Noël, garçon, ÀÉÎÕÜ, Ångström, Łódź, İstanbul, ﬁbre";
        let reference: String = sample
            .to_lowercase()
            .nfd()
            .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
            .collect::<String>()
            .replace('œ', "oe");
        assert_eq!(fold(sample), reference);
    }

    #[test]
    fn elision_folding_and_stemming_meet() {
        let s = FrenchStemmer::default();
        assert_eq!(
            words("L'école d’Allonnes, qu'on aime"),
            ["ecole", "allonnes", "on", "aime"]
        );
        assert_eq!(s.stems("écoles"), s.stems("ECOLE"));
        assert_eq!(s.stems("numériques"), s.stems("Numérique"));
        assert_eq!(s.stems("activité"), s.stems("activite"));
        assert_eq!(words("e-démocratie"), ["e", "democratie"]);
    }
}

/// Name under which the French analyzer is registered in a Tantivy index.
pub const FRENCH_ANALYZER: &str = "fr_veille";

/// The Tantivy analyzer for French text: words (apostrophes kept inside them) → elision
/// removed (l', d', qu', jusqu'…, with ' or ’; one-letter tokens dropped, so « e-démocratie »
/// meets « démocratie ») → lower case → French stop words → ASCII folding → Snowball French
/// stemmer. Folding comes before stemming so that queries typed without accents meet
/// accented text (measured on this project; see the shared dependency notes).
pub fn french_analyzer() -> tantivy::tokenizer::TextAnalyzer {
    use tantivy::tokenizer::{
        AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, StopWordFilter, TextAnalyzer,
    };
    let builder = TextAnalyzer::builder(WordTokenizer::default())
        .filter(RemoveLongFilter::limit(60))
        .filter(ElisionFilter)
        .filter(LowerCaser);
    match StopWordFilter::new(Language::French) {
        Some(stop) => builder
            .filter(stop)
            .filter(AsciiFoldingFilter)
            .filter(CachedStemmer)
            .build(),
        None => builder
            .filter(AsciiFoldingFilter)
            .filter(CachedStemmer)
            .build(),
    }
}

/// Registers the French analyzers on an index (needed after every `Index::open`).
pub fn register(index: &tantivy::Index) {
    index
        .tokenizers()
        .register(FRENCH_ANALYZER, french_analyzer());
    index
        .tokenizers()
        .register(FRENCH_PAIRS_ANALYZER, french_pairs_analyzer());
}

/// The name of [`french_pairs_analyzer`] in the index.
pub const FRENCH_PAIRS_ANALYZER: &str = "fr_veille_pairs";

/// Word pairs of French text, for phrase queries (what Elasticsearch's `index_phrases`
/// does): the tokens of [`french_analyzer`], each with the one after it, as one token
/// (`label vill`, at the first word's position). Phrase queries on the main text search
/// these instead of checking the positions of every word of every matching document: a
/// two-word phrase becomes one term; a longer one, a phrase of pairs (`label vill` then
/// `vill internet` one position on), with far fewer positions read. A word removed between
/// two others (a stop word, a one-letter word) is kept as a gap (`acces ~2 internet` for
/// « accès à internet »): a pair never joins words that were not that far apart, and only a
/// removed word fills the gap, so « accès à internet » no longer finds « accès gratuit
/// internet », as a phrase of positions did (the pairs are the stricter reading).
pub fn french_pairs_analyzer() -> tantivy::tokenizer::TextAnalyzer {
    tantivy::tokenizer::TextAnalyzer::from(PairTokenizer {
        french: french_analyzer(),
        pairs: Vec::new(),
    })
}

/// Tokenizes with [`french_analyzer`] and emits its consecutive tokens in pairs (see
/// [`french_pairs_analyzer`]).
#[derive(Clone)]
pub struct PairTokenizer {
    french: tantivy::tokenizer::TextAnalyzer,
    /// The pairs of the text being tokenized (reused from text to text).
    pairs: Vec<tantivy::tokenizer::Token>,
}

/// The token stream of [`PairTokenizer`].
pub struct PairStream<'a> {
    pairs: &'a mut Vec<tantivy::tokenizer::Token>,
    next: usize,
    /// Given before the first `advance` or after the last.
    none: tantivy::tokenizer::Token,
}

impl tantivy::tokenizer::Tokenizer for PairTokenizer {
    type TokenStream<'a> = PairStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> PairStream<'a> {
        use tantivy::tokenizer::TokenStream;
        self.pairs.clear();
        let mut stream = self.french.token_stream(text);
        let mut previous: Option<tantivy::tokenizer::Token> = None;
        while stream.advance() {
            let token = stream.token();
            if let Some(p) = previous.as_mut() {
                let gap = token.position.wrapping_sub(p.position);
                let mut pair = tantivy::tokenizer::Token {
                    offset_from: p.offset_from,
                    offset_to: token.offset_to,
                    position: p.position,
                    text: String::with_capacity(p.text.len() + token.text.len() + 4),
                    position_length: 1,
                };
                pair.text.push_str(&p.text);
                if gap == 1 {
                    pair.text.push(' ');
                } else {
                    pair.text.push_str(&format!(" ~{gap} "));
                }
                pair.text.push_str(&token.text);
                self.pairs.push(pair);
                p.clone_from(token);
            } else {
                previous = Some(token.clone());
            }
        }
        PairStream {
            pairs: &mut self.pairs,
            next: 0,
            none: tantivy::tokenizer::Token::default(),
        }
    }
}

impl tantivy::tokenizer::TokenStream for PairStream<'_> {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.pairs.len()
    }

    fn token(&self) -> &tantivy::tokenizer::Token {
        self.next
            .checked_sub(1)
            .and_then(|i| self.pairs.get(i))
            .unwrap_or(&self.none)
    }

    fn token_mut(&mut self) -> &mut tantivy::tokenizer::Token {
        match self.next.checked_sub(1).and_then(|i| self.pairs.get_mut(i)) {
            Some(t) => t,
            None => &mut self.none,
        }
    }
}

/// Splits text into words: runs of letters and digits, an apostrophe (' or ’) between two
/// of them kept inside the word (`l'école`, `aujourd’hui`) for the elision filter to read.
/// The same words as the regex `[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*`, several times faster
/// (a quarter of indexing time went to the regex tokenizer).
#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: tantivy::tokenizer::Token,
}

/// The token stream of [`WordTokenizer`].
pub struct WordStream<'a> {
    text: &'a str,
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    token: &'a mut tantivy::tokenizer::Token,
}

impl tantivy::tokenizer::Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.token.reset();
        WordStream {
            text,
            chars: text.char_indices().peekable(),
            token: &mut self.token,
        }
    }
}

impl tantivy::tokenizer::TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        self.token.position = self.token.position.wrapping_add(1);
        while let Some((start, c)) = self.chars.next() {
            if !c.is_alphanumeric() {
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(i, c)) = self.chars.peek() {
                if c.is_alphanumeric() {
                    end = i + c.len_utf8();
                    self.chars.next();
                } else if c == '\'' || c == '’' {
                    // Kept only between two letters or digits.
                    let next = self.text[i + c.len_utf8()..].chars().next();
                    if next.is_some_and(char::is_alphanumeric) {
                        self.chars.next();
                        end = i + c.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            self.token.offset_from = start;
            self.token.offset_to = end;
            self.token.text.push_str(&self.text[start..end]);
            return true;
        }
        false
    }

    fn token(&self) -> &tantivy::tokenizer::Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut tantivy::tokenizer::Token {
        self.token
    }
}

/// Words remembered by [`CachedStemmer`] before its memory is cleared.
const STEM_CACHE_WORDS: usize = 100_000;

/// The Snowball French stemmer, remembering the stems of the words it has seen (per thread,
/// shared with [`FrenchStemmer::stems`]): text repeats its words, queries and snippets repeat
/// the corpus's words, and a lookup costs a fraction of stemming.
#[derive(Clone)]
pub struct CachedStemmer;

impl tantivy::tokenizer::TokenFilter for CachedStemmer {
    type Tokenizer<T: tantivy::tokenizer::Tokenizer> = CachedStemmerWrapper<T>;

    fn transform<T: tantivy::tokenizer::Tokenizer>(self, tokenizer: T) -> CachedStemmerWrapper<T> {
        CachedStemmerWrapper {
            inner: tokenizer,
            stemmer: std::sync::Arc::new(Stemmer::create(Algorithm::French)),
        }
    }
}

/// [`CachedStemmer`] applied to a tokenizer.
#[derive(Clone)]
pub struct CachedStemmerWrapper<T> {
    inner: T,
    stemmer: std::sync::Arc<Stemmer>,
}

impl<T: tantivy::tokenizer::Tokenizer> tantivy::tokenizer::Tokenizer for CachedStemmerWrapper<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            inner: self.inner.token_stream(text),
            stemmer: &self.stemmer,
        }
    }
}

/// The token stream of [`CachedStemmer`].
pub struct CachedStemmerStream<'a, S> {
    inner: S,
    stemmer: &'a Stemmer,
}

impl<S: tantivy::tokenizer::TokenStream> tantivy::tokenizer::TokenStream
    for CachedStemmerStream<'_, S>
{
    fn advance(&mut self) -> bool {
        if !self.inner.advance() {
            return false;
        }
        let token = self.inner.token_mut();
        STEMS.with(|cache| {
            let mut cache = cache.borrow_mut();
            match cache.get(&token.text) {
                Some(stem) => {
                    token.text.clear();
                    token.text.push_str(stem);
                }
                None => {
                    if cache.len() > STEM_CACHE_WORDS {
                        cache.clear();
                    }
                    let stem = self.stemmer.stem(&token.text).into_owned();
                    cache.insert(std::mem::take(&mut token.text), stem.clone());
                    token.text = stem;
                }
            }
        });
        true
    }

    fn token(&self) -> &tantivy::tokenizer::Token {
        self.inner.token()
    }

    fn token_mut(&mut self) -> &mut tantivy::tokenizer::Token {
        self.inner.token_mut()
    }
}

/// Removes elided articles and pronouns (`l'école` → `école`, `qu’on` → `on`) and drops
/// one-letter tokens.
#[derive(Clone)]
pub struct ElisionFilter;

impl tantivy::tokenizer::TokenFilter for ElisionFilter {
    type Tokenizer<T: tantivy::tokenizer::Tokenizer> = ElisionWrapper<T>;

    fn transform<T: tantivy::tokenizer::Tokenizer>(self, tokenizer: T) -> ElisionWrapper<T> {
        ElisionWrapper(tokenizer)
    }
}

/// [`ElisionFilter`] applied to a tokenizer.
#[derive(Clone)]
pub struct ElisionWrapper<T>(T);

impl<T: tantivy::tokenizer::Tokenizer> tantivy::tokenizer::Tokenizer for ElisionWrapper<T> {
    type TokenStream<'a> = ElisionStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ElisionStream(self.0.token_stream(text))
    }
}

/// The token stream of [`ElisionFilter`].
pub struct ElisionStream<S>(S);

impl<S: tantivy::tokenizer::TokenStream> tantivy::tokenizer::TokenStream for ElisionStream<S> {
    fn advance(&mut self) -> bool {
        while self.0.advance() {
            let token = self.0.token_mut();
            if let Some(pos) = token.text.find(['\'', '’']) {
                let head = fold(&token.text[..pos]);
                if ELISIONS.contains(&head.as_str()) {
                    let skip = pos + token.text[pos..].chars().next().map_or(1, char::len_utf8);
                    token.text = token.text[skip..].to_string();
                    token.offset_from += skip;
                }
            }
            if token.text.chars().count() > 1 {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &tantivy::tokenizer::Token {
        self.0.token()
    }

    fn token_mut(&mut self) -> &mut tantivy::tokenizer::Token {
        self.0.token_mut()
    }
}

#[cfg(test)]
mod analyzer_tests {
    use super::*;
    use tantivy::tokenizer::TokenStream;

    fn tokens(text: &str) -> Vec<String> {
        let mut a = french_analyzer();
        let mut stream = a.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn french_forms_meet() {
        assert_eq!(tokens("l'école"), tokens("écoles"));
        assert_eq!(tokens("ECOLE"), tokens("écoles"));
        assert_eq!(tokens("numériques"), tokens("Numérique"));
        assert_eq!(tokens("d’Allonnes"), tokens("Allonnes"));
        assert_eq!(tokens("e-démocratie"), tokens("démocratie"));
        assert_eq!(tokens("activite"), tokens("activité"));
        assert!(tokens("le la les de des").is_empty(), "stop words");
    }

    #[test]
    fn pairs_join_neighbours_and_keep_gaps() {
        let mut a = french_pairs_analyzer();
        let mut stream = a.token_stream("Le label Villes Internet ; l'accès à internet.");
        let mut out = Vec::new();
        while stream.advance() {
            out.push((stream.token().position, stream.token().text.clone()));
        }
        assert_eq!(
            out,
            vec![
                (1, "label vill".to_string()),
                (2, "vill internet".to_string()),
                (3, "internet acce".to_string()),
                (4, "acce ~2 internet".to_string()),
            ]
        );
        drop(stream);
        let mut one = a.token_stream("numérique");
        assert!(!one.advance(), "a single word makes no pair");
    }

    #[test]
    fn words_split_like_the_regex_they_replace() {
        use tantivy::tokenizer::Tokenizer;
        let words = |text: &str| {
            let mut t = WordTokenizer::default();
            let mut stream = t.token_stream(text);
            let mut out = Vec::new();
            while stream.advance() {
                let tok = stream.token();
                assert_eq!(&text[tok.offset_from..tok.offset_to], tok.text);
                out.push(tok.text.clone());
            }
            out
        };
        let re = regex::Regex::new(r"[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*").expect("regex");
        for text in [
            "L'école d’Allonnes, aujourd'hui : 5@ en 2013 !",
            "e-démocratie ' ’ l' 'x qu’on… Mbit/s œuvre ÉCOLE n°12",
            "",
            "''' a'b'c ’’d",
        ] {
            let expected: Vec<String> =
                re.find_iter(text).map(|m| m.as_str().to_string()).collect();
            assert_eq!(words(text), expected, "{text}");
        }
    }
}
