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
    out
}

/// Words of a text: alphanumeric runs, elisions removed, lower-cased, accents folded.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
        let mut token = raw;
        if let Some(pos) = raw.find(['\'', '’']) {
            let head = fold(&raw[..pos]);
            if ELISIONS.contains(&head.as_str()) {
                token = &raw[pos + raw[pos..].chars().next().map_or(1, char::len_utf8)..];
            }
        }
        for part in token.split(['\'', '’']) {
            if !part.is_empty() {
                out.push(fold(part));
            }
        }
    }
    out
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

    /// Stems of the words of a text (each distinct word is stemmed once).
    pub fn stems(&self, text: &str) -> Vec<String> {
        let mut cache: std::collections::HashMap<String, String> = std::collections::HashMap::new();
        words(text)
            .into_iter()
            .map(|w| {
                if let Some(s) = cache.get(&w) {
                    return s.clone();
                }
                let s = self.stem(&w);
                cache.insert(w, s.clone());
                s
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        AsciiFoldingFilter, Language, LowerCaser, RegexTokenizer, RemoveLongFilter, Stemmer,
        StopWordFilter, TextAnalyzer,
    };
    let tokenizer =
        RegexTokenizer::new(r"[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*").expect("static regex compiles");
    let builder = TextAnalyzer::builder(tokenizer)
        .filter(RemoveLongFilter::limit(60))
        .filter(ElisionFilter)
        .filter(LowerCaser);
    match StopWordFilter::new(Language::French) {
        Some(stop) => builder
            .filter(stop)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::French))
            .build(),
        None => builder
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::French))
            .build(),
    }
}

/// Registers the French analyzer on an index (needed after every `Index::open`).
pub fn register(index: &tantivy::Index) {
    index
        .tokenizers()
        .register(FRENCH_ANALYZER, french_analyzer());
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
}
