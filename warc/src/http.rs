//! HTTP messages inside WARC blocks: building request/response blocks, parsing them back.

/// An HTTP response head parsed from a WARC `response` or `revisit` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseHead {
    /// Status code, e.g. 200.
    pub status: u16,
    /// Headers in order, names as stored.
    pub headers: Vec<(String, String)>,
    /// Offset of the body (the payload) within the block.
    pub body_offset: usize,
}

impl ResponseHead {
    /// The first value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        first_header(&self.headers, name)
    }
}

/// The first value of header `name` (case-insensitive) among `headers`.
pub fn first_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Why an HTTP head in a block could not be parsed.
#[derive(Debug, thiserror::Error)]
pub enum HeadError {
    /// The head is not valid HTTP/1.x.
    #[error("invalid HTTP head: {0}")]
    Invalid(String),
    /// The block ends before the end of the head.
    #[error("HTTP head is incomplete (block cut short)")]
    Incomplete,
}

/// Parses the status line and headers at the start of a response block.
pub fn parse_response_head(block: &[u8]) -> Result<ResponseHead, HeadError> {
    let mut capacity = 64;
    loop {
        let mut headers = vec![httparse::EMPTY_HEADER; capacity];
        let mut resp = httparse::Response::new(&mut headers);
        match resp.parse(block) {
            Ok(httparse::Status::Complete(body_offset)) => {
                let headers = resp
                    .headers
                    .iter()
                    .map(|h| {
                        (
                            h.name.to_string(),
                            String::from_utf8_lossy(h.value).into_owned(),
                        )
                    })
                    .collect();
                return Ok(ResponseHead {
                    status: resp.code.unwrap_or(0),
                    headers,
                    body_offset,
                });
            }
            Ok(httparse::Status::Partial) => return Err(HeadError::Incomplete),
            Err(httparse::Error::TooManyHeaders) if capacity < 4096 => capacity *= 4,
            Err(e) => return Err(HeadError::Invalid(e.to_string())),
        }
    }
}

/// Header names whose conventional spelling is not plain title case.
const SPECIAL_CASE: &[&str] = &[
    "ETag",
    "WWW-Authenticate",
    "Content-MD5",
    "Content-ID",
    "DNT",
    "TE",
    "P3P",
    "X-XSS-Protection",
    "X-UA-Compatible",
    "X-DNS-Prefetch-Control",
    "X-WebKit-CSP",
    "SourceMap",
];

/// Writes `name` in the conventional case: `content-type` → `Content-Type`, `etag` → `ETag`.
pub fn title_case(name: &str) -> String {
    if let Some(special) = SPECIAL_CASE.iter().find(|s| s.eq_ignore_ascii_case(name)) {
        return (*special).to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut upper = true;
    for c in name.chars() {
        if upper {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        upper = c == '-';
    }
    out
}

/// Builds a response block: status line, headers and body.
///
/// Headers arrive already parsed from the HTTP client, which has removed any chunked framing:
/// a `Transfer-Encoding` header is therefore stored as `X-Orig-Transfer-Encoding`, so that no
/// reader de-chunks a body that is no longer chunked.
pub fn response_block(
    version: &str,
    status: u16,
    reason: &str,
    headers: &[(String, Vec<u8>)],
    body: &[u8],
) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + 1024);
    out.extend_from_slice(format!("{version} {status} {reason}\r\n").as_bytes());
    for (name, value) in headers {
        let name = if name.eq_ignore_ascii_case("transfer-encoding") {
            "X-Orig-Transfer-Encoding".to_string()
        } else {
            title_case(name)
        };
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    out
}

/// Removes chunked transfer framing from a body stored with it (some tools archive the bytes
/// as transferred); `None` if the bytes are not valid chunked framing.
pub fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let (consumed, size) = match httparse::parse_chunk_size(rest) {
            Ok(httparse::Status::Complete(v)) => v,
            // Cut short inside the framing: keep what was complete.
            Ok(httparse::Status::Partial) => return (!out.is_empty()).then_some(out),
            Err(_) => return None,
        };
        rest = &rest[consumed..];
        if size == 0 {
            return Some(out);
        }
        let size = usize::try_from(size).ok()?;
        if rest.len() < size {
            out.extend_from_slice(rest);
            return Some(out);
        }
        out.extend_from_slice(&rest[..size]);
        rest = &rest[size..];
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
}

/// Builds a GET request block from the request line's target and the headers sent.
pub fn request_block(target: &str, headers: &[(String, String)]) -> Vec<u8> {
    let mut out = format!("GET {target} HTTP/1.1\r\n");
    for (n, v) in headers {
        out.push_str(n);
        out.push_str(": ");
        out.push_str(v);
        out.push_str("\r\n");
    }
    out.push_str("\r\n");
    out.into_bytes()
}

/// The most bytes a decoded body may expand to (against gzip bombs); past it, decoding stops.
pub const MAX_DECODED_BYTES: u64 = 64 * 1024 * 1024;

/// Undoes a `Content-Encoding` (gzip, x-gzip, deflate, br) for reading a payload; other or no
/// encodings return the bytes unchanged. A cut or corrupt stream yields what could be decoded,
/// and output stops at [`MAX_DECODED_BYTES`].
pub fn decode_content_encoding<'a>(
    encoding: Option<&str>,
    body: &'a [u8],
) -> std::borrow::Cow<'a, [u8]> {
    use std::io::Read;
    let Some(encoding) = encoding.map(|e| e.trim().to_ascii_lowercase()) else {
        return body.into();
    };
    let mut out = Vec::new();
    let result = match encoding.as_str() {
        "gzip" | "x-gzip" => flate2::read::MultiGzDecoder::new(body)
            .take(MAX_DECODED_BYTES)
            .read_to_end(&mut out),
        "deflate" => {
            // Servers send either zlib-wrapped or raw deflate under this name.
            let zlib = flate2::read::ZlibDecoder::new(body)
                .take(MAX_DECODED_BYTES)
                .read_to_end(&mut out);
            if zlib.is_err() {
                out.clear();
                flate2::read::DeflateDecoder::new(body)
                    .take(MAX_DECODED_BYTES)
                    .read_to_end(&mut out)
            } else {
                zlib
            }
        }
        "br" => brotli_decompressor::Decompressor::new(body, 64 * 1024)
            .take(MAX_DECODED_BYTES)
            .read_to_end(&mut out),
        _ => return body.into(),
    };
    if let Err(e) = result
        && out.is_empty()
    {
        tracing::debug!("body declared {encoding} could not be decoded ({e}); kept as is");
        return body.into();
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_header_is_renamed_and_head_parses_back() {
        let headers = vec![
            ("content-type".to_string(), b"text/html".to_vec()),
            ("transfer-encoding".to_string(), b"chunked".to_vec()),
        ];
        let block = response_block("HTTP/1.1", 200, "OK", &headers, b"<p>Bonjour</p>");
        let head = parse_response_head(&block).expect("parses");
        assert_eq!(head.status, 200);
        assert_eq!(head.header("content-type"), Some("text/html"));
        assert_eq!(head.header("transfer-encoding"), None);
        assert_eq!(head.header("X-Orig-Transfer-Encoding"), Some("chunked"));
        assert_eq!(&block[head.body_offset..], b"<p>Bonjour</p>");
    }

    #[test]
    fn chunked_bodies_are_unframed_and_brotli_decodes() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n").as_deref(),
            Some(&b"Wikipedia"[..])
        );
        assert_eq!(dechunk(b"<html>not chunked"), None);
        // "bonjour" compressed with brotli (quality 11).
        let br = [
            0x0b, 0x03, 0x80, 0x62, 0x6f, 0x6e, 0x6a, 0x6f, 0x75, 0x72, 0x03,
        ];
        assert_eq!(&*decode_content_encoding(Some("br"), &br), b"bonjour");
    }

    #[test]
    fn header_names_keep_their_conventional_spelling() {
        assert_eq!(title_case("etag"), "ETag");
        assert_eq!(title_case("www-authenticate"), "WWW-Authenticate");
        assert_eq!(
            title_case("x-orig-transfer-encoding"),
            "X-Orig-Transfer-Encoding"
        );
    }

    #[test]
    fn gzip_bomb_stops_at_the_limit() {
        use flate2::Compression;
        use flate2::write::GzEncoder;
        use std::io::Write;
        let mut e = GzEncoder::new(Vec::new(), Compression::best());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..80 {
            e.write_all(&zeros).expect("in-memory write");
        }
        let bomb = e.finish().expect("finish");
        let out = decode_content_encoding(Some("gzip"), &bomb);
        assert_eq!(out.len() as u64, MAX_DECODED_BYTES);
    }

    #[test]
    fn incomplete_head_is_reported() {
        assert!(matches!(
            parse_response_head(b"HTTP/1.1 200 OK\r\nContent-Type: te"),
            Err(HeadError::Incomplete)
        ));
    }
}
