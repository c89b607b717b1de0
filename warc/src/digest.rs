//! Labelled content digests (`sha1:BASE32`, `sha256:…`) as used in WARC headers.

use data_encoding::{BASE32, HEXLOWER_PERMISSIVE};
use sha1::{Digest, Sha1};

/// Returns `sha1:` followed by the base32 SHA-1 of `data`, the form WARC tools expect.
pub fn sha1_digest(data: &[u8]) -> String {
    format!("sha1:{}", BASE32.encode(&Sha1::digest(data)))
}

/// Outcome of checking a labelled digest against data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DigestCheck {
    /// The digest matches the data.
    Match,
    /// The digest does not match the data.
    Mismatch,
    /// The algorithm is not one we compute (the record is kept, unchecked).
    Unsupported,
}

/// Checks a labelled digest such as `sha1:AB…` (base32, or hex) against `data`.
pub fn verify_digest(labelled: &str, data: &[u8]) -> DigestCheck {
    let Some((algo, value)) = labelled.trim().split_once(':') else {
        return DigestCheck::Unsupported;
    };
    let computed: Vec<u8> = match algo.to_ascii_lowercase().as_str() {
        "sha1" => Sha1::digest(data).to_vec(),
        "sha256" | "sha-256" => {
            use sha2::Sha256;
            Sha256::digest(data).to_vec()
        }
        _ => return DigestCheck::Unsupported,
    };
    let value = value.trim();
    let decoded = BASE32
        .decode(value.to_ascii_uppercase().as_bytes())
        .ok()
        .or_else(|| HEXLOWER_PERMISSIVE.decode(value.as_bytes()).ok());
    match decoded {
        Some(bytes) if bytes == computed => DigestCheck::Match,
        Some(_) => DigestCheck::Mismatch,
        None => DigestCheck::Unsupported,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha1_of_empty_is_the_well_known_value() {
        assert_eq!(sha1_digest(b""), "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
    }

    #[test]
    fn verify_accepts_base32_and_hex_and_rejects_wrong() {
        let d = sha1_digest(b"bonjour");
        assert_eq!(verify_digest(&d, b"bonjour"), DigestCheck::Match);
        assert_eq!(verify_digest(&d, b"bonsoir"), DigestCheck::Mismatch);
        let hex = "sha1:".to_string() + &HEXLOWER_PERMISSIVE.encode(&Sha1::digest(b"bonjour"));
        assert_eq!(verify_digest(&hex, b"bonjour"), DigestCheck::Match);
        assert_eq!(verify_digest("md5:abc", b"x"), DigestCheck::Unsupported);
    }
}
