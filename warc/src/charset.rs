//! Decoding HTML bytes to text: BOM, then the HTTP header's charset, then `<meta>`, then
//! detection with `chardetng` (hinted with the `.fr` TLD).
//!
//! The BOM comes first, as in browsers (WHATWG encoding sniffing): a page that starts with a
//! UTF-8 BOM is UTF-8 whatever its header says. A page declared UTF-8 whose bytes are not
//! UTF-8 is decoded with the detected encoding instead (a common CMS mistake).

use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8};
use regex::bytes::Regex;

/// Where the chosen encoding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CharsetSource {
    /// A byte-order mark.
    Bom,
    /// The `charset` parameter of the Content-Type header.
    HttpHeader,
    /// A `<meta charset>` or `<meta http-equiv="Content-Type">` tag.
    Meta,
    /// Statistical detection.
    Detected,
}

/// Text decoded from a document, with the encoding used.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, as UTF-8.
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// Where that choice came from.
    pub source: CharsetSource,
    /// Whether some bytes were invalid in that encoding (replaced by U+FFFD).
    pub had_errors: bool,
}

/// The `charset` parameter of a Content-Type value, if it names a known encoding.
pub fn charset_from_content_type(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        Encoding::for_label(value.trim().trim_matches(['"', '\'']).as_bytes())
    })
}

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#)
        .expect("static regex compiles")
});

/// The charset declared by a `<meta>` tag in the first 4 KiB.
pub fn charset_from_meta(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let caps = META_CHARSET.captures(head)?;
    let enc = Encoding::for_label(caps.get(1)?.as_bytes())?;
    // A meta tag cannot truthfully declare UTF-16 in an ASCII-compatible document.
    Some(if enc.output_encoding() == UTF_8 {
        UTF_8
    } else {
        enc
    })
}

/// Guesses the encoding of bytes that declare none.
pub fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(Some(b"fr"), chardetng::Utf8Detection::Allow)
}

/// Decodes an HTML document; `content_type` is the HTTP header value, if any.
///
/// ```
/// use warc::charset::{decode_html, CharsetSource};
/// let bytes = b"<p>Mis \xe0 jour le 31 janvier</p>"; // windows-1252, no declaration
/// let d = decode_html(bytes, Some("text/html"));
/// assert!(d.text.contains("Mis à jour"));
/// assert_eq!(d.source, CharsetSource::Detected);
/// ```
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> Decoded {
    let (encoding, source) = if let Some((enc, _)) = Encoding::for_bom(bytes) {
        (enc, CharsetSource::Bom)
    } else if let Some(enc) = content_type.and_then(charset_from_content_type) {
        (enc, CharsetSource::HttpHeader)
    } else if let Some(enc) = charset_from_meta(bytes) {
        (enc, CharsetSource::Meta)
    } else {
        (detect(bytes), CharsetSource::Detected)
    };
    let (mut text, mut used, mut had_errors) = encoding.decode(bytes);
    let mut source = source;
    // Declared UTF-8 that is not: what the bytes look like wins (decoding validated them;
    // no second pass over valid pages).
    if encoding == UTF_8 && source != CharsetSource::Bom && had_errors {
        let guess = detect(bytes);
        if guess != UTF_8 {
            (text, used, had_errors) = guess.decode(bytes);
            source = CharsetSource::Detected;
        }
    }
    Decoded {
        text: text.into_owned(),
        encoding: used,
        source,
        had_errors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_meta_bom_and_detection() {
        let latin = b"<html><head></head><body>\xc9lus et citoyens : l\x92\xe9cole num\xe9rique co\xfbte 5 \x80</body></html>";
        let d = decode_html(latin, Some("text/html; charset=windows-1252"));
        assert_eq!(d.source, CharsetSource::HttpHeader);
        assert!(
            d.text
                .contains("Élus et citoyens : l’école numérique coûte 5 €")
        );

        let meta = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body>f\xeate</body></html>";
        let d = decode_html(meta, Some("text/html"));
        assert_eq!(d.source, CharsetSource::Meta);
        assert!(d.text.contains("fête"));

        let bom = "\u{feff}<p>Déjà</p>".as_bytes();
        let d = decode_html(bom, Some("text/html; charset=iso-8859-1"));
        assert_eq!(d.source, CharsetSource::Bom);
        assert_eq!(d.text, "<p>Déjà</p>");

        let d = decode_html(latin, None);
        assert_eq!(d.source, CharsetSource::Detected);
        assert!(d.text.contains("numérique"));
    }

    #[test]
    fn false_utf8_declaration_falls_back_to_detection() {
        let d = decode_html(
            b"<p>Le march\xe9 de No\xebl aura lieu place de l'\xe9glise</p>",
            Some("text/html; charset=utf-8"),
        );
        assert!(d.text.contains("marché de Noël"), "{}", d.text);
    }
}
