//! Text of PDF documents (municipal bulletins), with the `pdf-extract` crate. A PDF that
//! cannot be parsed is reported, never allowed to take the process down; nor is one whose
//! compressed streams would inflate past [`MAX_INFLATED_BYTES`] (a decompression bomb:
//! `pdf-extract` inflates every content stream whole, 2 GB of memory for a 1 MB file).
//! Image streams count too: a stream's dictionary cannot be trusted to say how the pages
//! use it, so a PDF of more than 256 MiB of Flate-compressed images (scans kept lossless) is
//! refused as well.

use std::io::Read;

/// Bytes the Flate streams of a PDF may inflate to, in all, before it is refused.
pub const MAX_INFLATED_BYTES: u64 = 256 * 1024 * 1024;

/// How far before a `stream` keyword its dictionary is looked for.
const DICT_LOOKBACK: usize = 4096;

/// The text of a PDF, or why it could not be read.
pub fn text(bytes: &[u8]) -> Result<String, String> {
    if let Some(total) = inflates_past(bytes, MAX_INFLATED_BYTES) {
        return Err(format!(
            "its compressed streams inflate past {} MiB (a decompression bomb?): not read",
            total / (1024 * 1024)
        ));
    }
    // An encrypted PDF names its security handler in its trailer (`/Encrypt`).
    let encrypted = memchr::memmem::find(bytes, b"/Encrypt").is_some();
    let bytes = bytes.to_vec();
    // pdf-extract panics on some malformed files: contain that to this document.
    let result = std::panic::catch_unwind(move || pdf_extract::extract_text_from_mem(&bytes));
    match result {
        Ok(Ok(text)) => Ok(text
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n")
            .split("\n\n\n")
            .collect::<Vec<_>>()
            .join("\n\n")
            .trim()
            .to_string()),
        Ok(Err(_)) if encrypted => {
            Err("the PDF is encrypted (protected by a password): its text cannot be read".into())
        }
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("the PDF parser failed on this file".into()),
    }
}

/// Whether the Flate streams of a PDF inflate past `limit` bytes in all: `Some(bytes
/// inflated)` when they do. Streams are found by their `stream` keyword after a dictionary
/// naming `/FlateDecode` (looked for at most [`DICT_LOOKBACK`] bytes back); each is inflated
/// no further than the limit left, into nothing, so the check itself stays within it.
fn inflates_past(bytes: &[u8], limit: u64) -> Option<u64> {
    let mut total = 0u64;
    for at in memchr::memmem::find_iter(bytes, b"stream") {
        // `endstream`, or a `stream` keyword that does not end a dictionary: not a start.
        if bytes[..at].ends_with(b"end") {
            continue;
        }
        let window = &bytes[at.saturating_sub(DICT_LOOKBACK)..at];
        let Some(head_end) = window.iter().rposition(|b| !b.is_ascii_whitespace()) else {
            continue;
        };
        let head = &window[..=head_end];
        if !head.ends_with(b">>") {
            continue;
        }
        let dict = memchr::memmem::rfind(head, b"obj").map_or(head, |o| &head[o..]);
        if memchr::memmem::find(dict, b"/FlateDecode").is_none() {
            continue;
        }
        let data = &bytes[at + b"stream".len()..];
        let data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .unwrap_or(data);
        let left = limit - total;
        let inflated = std::io::copy(
            &mut flate2::read::ZlibDecoder::new(data).take(left + 1),
            &mut std::io::sink(),
        )
        .unwrap_or(0);
        total += inflated;
        if total > limit {
            return Some(total);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pdf_with_stream(dict: &str) -> Vec<u8> {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(&[0u8; 100_000]).expect("compress");
        let data = z.finish().expect("finish");
        let mut pdf = format!("%PDF-1.4\n4 0 obj\n<< {dict} >>\nstream\n").into_bytes();
        pdf.extend_from_slice(&data);
        pdf.extend_from_slice(b"\nendstream\nendobj\n");
        pdf
    }

    #[test]
    fn streams_are_inflated_only_up_to_the_limit() {
        let pdf = pdf_with_stream("/Length 10 /Filter /FlateDecode");
        assert_eq!(inflates_past(&pdf, 1_000_000), None);
        assert_eq!(inflates_past(&pdf, 50_000), Some(50_001));
        let image = pdf_with_stream("/Subtype /Image /Length 10 /Filter /FlateDecode");
        assert_eq!(
            inflates_past(&image, 50_000),
            Some(50_001),
            "a dictionary is not trusted"
        );
        // Input that starts with the keyword, or repeats it without dictionaries.
        assert_eq!(inflates_past(b"stream", 10), None);
        assert_eq!(inflates_past(&b"<<>>stream".repeat(100_000), 10), None);
    }
}
