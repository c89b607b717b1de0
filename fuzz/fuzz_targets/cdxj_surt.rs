//! Any text as a URL for the SURT key and as a CDXJ line for the replay's index reader.
#![no_main]

use std::path::PathBuf;
use std::sync::Arc;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = warc::cdxj::surt(&text);
    let _ = warc::cdxj::timestamp(&text);
    let file = Arc::new(PathBuf::from("/archive/fuzz.cdxj"));
    for line in text.lines() {
        if let Some((key, loc)) = search_server::captures::parse_cdxj_line(line, &file) {
            // A line never leads out of the index's directory.
            assert_eq!(loc.file.parent(), file.parent(), "{key}");
        }
    }
});
