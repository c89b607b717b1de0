//! Text of PDF documents (municipal bulletins), with the `pdf-extract` crate. A PDF that
//! cannot be parsed is reported, never allowed to take the process down; nor is one whose
//! compressed streams would inflate past [`MAX_INFLATED_BYTES`] (a decompression bomb:
//! `pdf-extract` inflates every content stream whole, 2 GB of memory for a 1 MB file).

use std::io::Read;

/// Bytes the Flate streams of a PDF (images aside) may inflate to before it is refused.
pub const MAX_INFLATED_BYTES: u64 = 256 * 1024 * 1024;

/// The text of a PDF, or why it could not be read.
pub fn text(bytes: &[u8]) -> Result<String, String> {
    if let Some(total) = inflates_past(bytes, MAX_INFLATED_BYTES) {
        return Err(format!(
            "its compressed streams inflate past {} MiB (a decompression bomb?): not read",
            total / (1024 * 1024)
        ));
    }
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
        Ok(Err(e)) => {
            let e = e.to_string();
            if e.contains("decryption") || e.contains("ncrypted") {
                Err(
                    "the PDF is encrypted (protected by a password): its text cannot be read"
                        .into(),
                )
            } else {
                Err(e)
            }
        }
        Err(_) => Err("the PDF parser failed on this file".into()),
    }
}

/// Whether the Flate streams of a PDF (other than images, which are not read for text)
/// inflate past `limit` bytes in all: `Some(bytes inflated)` when they do. Streams are found
/// by their `stream` keyword after a dictionary naming `/FlateDecode`; each is inflated no
/// further than the limit left, so the check itself stays within it.
fn inflates_past(bytes: &[u8], limit: u64) -> Option<u64> {
    let mut total = 0u64;
    let mut from = 0;
    while let Some(found) = find(&bytes[from..], b"stream") {
        let at = from + found;
        from = at + 6;
        // `endstream`, or a `stream` keyword that does not end a dictionary: not a start.
        let before = &bytes[..at];
        let head_end = before
            .iter()
            .rposition(|b| !b.is_ascii_whitespace())
            .unwrap_or(0);
        if at >= 3 && &bytes[at - 3..at] == b"end" || !before[..=head_end].ends_with(b">>") {
            continue;
        }
        let dict_start = rfind(&before[..=head_end], b"obj").unwrap_or(0);
        let dict = &before[dict_start..=head_end];
        if find(dict, b"/FlateDecode").is_none() || find(dict, b"/Image").is_some() {
            continue;
        }
        let mut data = &bytes[from..];
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .unwrap_or(data);
        let left = limit - total;
        let mut sink = std::io::sink();
        let inflated = std::io::copy(
            &mut flate2::read::ZlibDecoder::new(data).take(left + 1),
            &mut sink,
        )
        .unwrap_or(0);
        total += inflated;
        if total > limit {
            return Some(total);
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
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
            None,
            "images are not read for text"
        );
    }
}
