//! Any bytes as a WARC file: every record read, indexed as CDXJ and its payload decoded.
#![no_main]

use std::io::Cursor;

use warc::WarcReader;
use warc::payload::{payload, revisit_target};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(reader) = WarcReader::new(Cursor::new(data), "fuzz.warc".into()) else {
        return;
    };
    // Each step reads at least a byte or ends: more items than bytes is a loop.
    let mut items = 0usize;
    for item in reader {
        items += 1;
        assert!(items <= data.len() + 1, "reader does not advance");
        let Ok(read) = item else {
            continue;
        };
        let _ = warc::cdxj::line_for(&read, "fuzz.warc");
        let _ = payload(&read.record);
        let _ = revisit_target(&read.record);
    }
});
