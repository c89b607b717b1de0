//! Text of PDF documents (municipal bulletins), with the `pdf-extract` crate. A PDF that
//! cannot be parsed is reported, never allowed to take the process down.

/// The text of a PDF, or why it could not be read.
pub fn text(bytes: &[u8]) -> Result<String, String> {
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
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("the PDF parser failed on this file".into()),
    }
}
