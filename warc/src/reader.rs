//! Reading WARC files from any tool: WARC 1.0 or 1.1; gzipped per record, gzipped as a whole,
//! or plain. A corrupt or truncated record is reported as an error naming its offset, and
//! reading resumes at the next record.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use flate2::bufread::GzDecoder;

use super::record::Record;

/// Records with a larger block are skipped (reported) rather than loaded into memory.
pub const MAX_BLOCK_BYTES: u64 = 512 * 1024 * 1024;

const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// A record read from a file, with where it was found.
#[derive(Debug, Clone)]
pub struct ReadRecord {
    /// The record.
    pub record: Record,
    /// Offset of the record (of its gzip member, for gzipped files).
    pub offset: u64,
    /// Length of the record's gzip member or plain bytes, when the record fills it alone.
    pub length: Option<u64>,
}

/// A record that could not be read; reading goes on after it.
#[derive(Debug, thiserror::Error)]
#[error("{file}: bad WARC record at offset {offset}: {reason}")]
pub struct ReadError {
    /// The file (as given to the reader).
    pub file: String,
    /// Offset where the bad record starts.
    pub offset: u64,
    /// What was wrong.
    pub reason: String,
}

enum State<R: BufRead + Seek> {
    /// Between records (gzip: between members).
    Between(R),
    /// Inside a gzip member that may hold several records (whole-file gzip).
    InMember {
        decoder: Box<BufReader<GzDecoder<R>>>,
        offset: u64,
        count: usize,
    },
    /// Nothing more to read.
    Done,
}

/// Iterates over the records of a WARC file; see the module documentation.
///
/// ```no_run
/// use warc::WarcReader;
/// for item in WarcReader::open("capture.warc.gz").expect("file opens") {
///     match item {
///         Ok(r) => println!("{} {:?}", r.offset, r.record.target_uri()),
///         Err(e) => eprintln!("skipped: {e}"),
///     }
/// }
/// ```
pub struct WarcReader<R: BufRead + Seek> {
    state: State<R>,
    gzip: bool,
    label: String,
}

impl WarcReader<BufReader<File>> {
    /// Opens a WARC file, detecting gzip from its first bytes.
    pub fn open(path: impl AsRef<Path>) -> io::Result<Self> {
        let path = path.as_ref();
        let file = File::open(path)?;
        Self::new(
            BufReader::with_capacity(256 * 1024, file),
            path.display().to_string(),
        )
    }
}

impl<R: BufRead + Seek> WarcReader<R> {
    /// Reads WARC records from `inner`; `label` names the source in errors.
    pub fn new(mut inner: R, label: String) -> io::Result<Self> {
        let gzip = inner.fill_buf()?.starts_with(&GZIP_MAGIC[..2]);
        Ok(Self {
            state: State::Between(inner),
            gzip,
            label,
        })
    }

    /// Moves to `offset` (the start of a record, or of its gzip member); reading goes on
    /// from there.
    pub fn seek_to(&mut self, offset: u64) -> io::Result<()> {
        let mut inner = match std::mem::replace(&mut self.state, State::Done) {
            State::Between(inner) => inner,
            State::InMember { decoder, .. } => decoder.into_inner().into_inner(),
            State::Done => return Err(io::Error::other("reader is finished")),
        };
        inner.seek(SeekFrom::Start(offset))?;
        self.state = State::Between(inner);
        Ok(())
    }

    /// Whether the file is gzip-compressed.
    pub fn is_gzip(&self) -> bool {
        self.gzip
    }

    fn error(&self, offset: u64, reason: impl Into<String>) -> ReadError {
        ReadError {
            file: self.label.clone(),
            offset,
            reason: reason.into(),
        }
    }

    fn next_plain(&mut self, mut inner: R) -> Option<Result<ReadRecord, ReadError>> {
        let offset = match inner.stream_position() {
            Ok(o) => o,
            Err(e) => return Some(Err(self.error(0, format!("cannot tell position: {e}")))),
        };
        match parse_record(&mut inner) {
            Ok(None) => {
                self.state = State::Done;
                None
            }
            Ok(Some(record)) => {
                let end = inner.stream_position().unwrap_or(offset);
                self.state = State::Between(inner);
                Some(Ok(ReadRecord {
                    record,
                    offset,
                    length: Some(end.saturating_sub(offset)),
                }))
            }
            Err(reason) => {
                let err = self.error(offset, reason);
                // Resynchronise on the next line that starts a WARC record.
                match resync_plain(&mut inner, offset + 1) {
                    Ok(true) => self.state = State::Between(inner),
                    _ => self.state = State::Done,
                }
                Some(Err(err))
            }
        }
    }

    fn next_gzip(&mut self, mut inner: R) -> Option<Result<ReadRecord, ReadError>> {
        let offset = match inner.stream_position() {
            Ok(o) => o,
            Err(e) => return Some(Err(self.error(0, format!("cannot tell position: {e}")))),
        };
        // Peek at the magic number in the buffer: seeking back would throw the buffer away
        // (and read it again) for every record.
        let in_buffer = match inner.fill_buf() {
            Ok([]) => {
                self.state = State::Done;
                return None;
            }
            Ok(buf) => buf.len() >= 2 && buf[..2] == GZIP_MAGIC[..2],
            Err(_) => false,
        };
        if !in_buffer {
            // Not a member, or a buffer ending inside the magic number: read the two bytes.
            let mut magic = [0u8; 2];
            let got = match read_up_to(&mut inner, &mut magic) {
                Ok(n) => n,
                Err(e) => {
                    self.state = State::Done;
                    return Some(Err(self.error(offset, format!("read failed: {e}"))));
                }
            };
            if got == 0 {
                self.state = State::Done;
                return None;
            }
            if got < 2 || magic != GZIP_MAGIC[..2] {
                let err = self.error(offset, "bytes between records are not a gzip member");
                match resync_gzip(&mut inner, offset + 1) {
                    Ok(true) => self.state = State::Between(inner),
                    _ => self.state = State::Done,
                }
                return Some(Err(err));
            }
            if let Err(e) = inner.seek(SeekFrom::Start(offset)) {
                self.state = State::Done;
                return Some(Err(self.error(offset, format!("seek failed: {e}"))));
            }
        }
        self.state = State::InMember {
            decoder: Box::new(BufReader::new(GzDecoder::new(inner))),
            offset,
            count: 0,
        };
        None
    }

    fn next_in_member(
        &mut self,
        mut decoder: Box<BufReader<GzDecoder<R>>>,
        offset: u64,
        count: usize,
    ) -> Option<Result<ReadRecord, ReadError>> {
        match parse_record(&mut decoder) {
            Ok(Some(record)) => {
                // Is the member finished? Then this record had it to itself. Reaching the end
                // also checks the member's CRC: a mismatch means the record is corrupt.
                let at_end = match decoder.fill_buf() {
                    Ok(rest) => rest.is_empty(),
                    Err(e) => {
                        let err = self.error(offset, describe_io(&e));
                        let mut inner = decoder.into_inner().into_inner();
                        match resync_gzip(&mut inner, offset + 1) {
                            Ok(true) => self.state = State::Between(inner),
                            _ => self.state = State::Done,
                        }
                        return Some(Err(err));
                    }
                };
                if at_end {
                    let mut inner = decoder.into_inner().into_inner();
                    let end = inner.stream_position().unwrap_or(offset);
                    let length = (count == 0).then(|| end.saturating_sub(offset));
                    self.state = State::Between(inner);
                    Some(Ok(ReadRecord {
                        record,
                        offset,
                        length,
                    }))
                } else {
                    self.state = State::InMember {
                        decoder,
                        offset,
                        count: count + 1,
                    };
                    Some(Ok(ReadRecord {
                        record,
                        offset,
                        length: None,
                    }))
                }
            }
            Ok(None) => {
                // End of the member (an empty member is legal): go on with the next one.
                self.state = State::Between(decoder.into_inner().into_inner());
                None
            }
            Err(reason) => {
                let err = self.error(offset, reason);
                let mut inner = decoder.into_inner().into_inner();
                match resync_gzip(&mut inner, offset + 1) {
                    Ok(true) => self.state = State::Between(inner),
                    _ => self.state = State::Done,
                }
                Some(Err(err))
            }
        }
    }
}

impl<R: BufRead + Seek> Iterator for WarcReader<R> {
    type Item = Result<ReadRecord, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        // Each step either yields an item or moves the state on (`None`); loop, not recurse,
        // so that a file of many empty members cannot exhaust the stack.
        loop {
            let item = match std::mem::replace(&mut self.state, State::Done) {
                State::Done => return None,
                State::Between(inner) if self.gzip => self.next_gzip(inner),
                State::Between(inner) => self.next_plain(inner),
                State::InMember {
                    decoder,
                    offset,
                    count,
                } => self.next_in_member(decoder, offset, count),
            };
            if item.is_some() {
                return item;
            }
        }
    }
}

/// Longest WARC header line accepted (a corrupt file must not be read whole as one line).
const MAX_LINE: u64 = 64 * 1024;

fn read_line(input: &mut impl BufRead, line: &mut Vec<u8>) -> Result<usize, String> {
    let n = input
        .take(MAX_LINE)
        .read_until(b'\n', line)
        .map_err(|e| describe_io(&e))?;
    if n as u64 == MAX_LINE && line.last() != Some(&b'\n') {
        return Err(format!("header line longer than {MAX_LINE} bytes"));
    }
    Ok(n)
}

fn read_up_to(input: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match input.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Reads one record; `Ok(None)` at a clean end of input.
fn parse_record(input: &mut impl BufRead) -> Result<Option<Record>, String> {
    let mut line = Vec::new();
    // Skip blank lines left between records by some writers.
    loop {
        line.clear();
        let n = read_line(input, &mut line)?;
        if n == 0 {
            return Ok(None);
        }
        if !line.iter().all(|b| b.is_ascii_whitespace()) {
            break;
        }
    }
    let version = String::from_utf8_lossy(&line).trim().to_string();
    if !version.starts_with("WARC/") {
        return Err(format!(
            "expected a WARC version line, found {:?}",
            truncate(&version, 40)
        ));
    }
    let mut fields: Vec<(String, String)> = Vec::new();
    loop {
        line.clear();
        let n = read_line(input, &mut line)?;
        if n == 0 {
            return Err("record header cut short (end of data)".into());
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            break;
        }
        if text.starts_with([' ', '\t'])
            && let Some(last) = fields.last_mut()
        {
            last.1.push(' ');
            last.1.push_str(text.trim());
            continue;
        }
        let Some((name, value)) = text.split_once(':') else {
            return Err(format!("malformed header line {:?}", truncate(text, 60)));
        };
        fields.push((name.trim().to_string(), value.trim().to_string()));
    }
    let length: u64 = fields
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("Content-Length"))
        .ok_or("record has no Content-Length")?
        .1
        .parse()
        .map_err(|_| "Content-Length is not a number".to_string())?;
    if length > MAX_BLOCK_BYTES {
        return Err(format!(
            "record block of {length} bytes is larger than the {MAX_BLOCK_BYTES}-byte limit"
        ));
    }
    let mut block = Vec::with_capacity(length.min(64 * 1024 * 1024) as usize);
    let read = input
        .take(length)
        .read_to_end(&mut block)
        .map_err(|e| describe_io(&e))?;
    if (read as u64) < length {
        return Err(format!(
            "record truncated: block has {read} of its {length} bytes"
        ));
    }
    // The two CRLFs that end a record (tolerate a bare LF or their absence at end of data).
    let mut seen = 0;
    while seen < 4 {
        let buf = input.fill_buf().map_err(|e| describe_io(&e))?;
        match buf.first() {
            Some(b'\r' | b'\n') => {
                input.consume(1);
                seen += 1;
            }
            _ => break,
        }
    }
    Ok(Some(Record {
        version,
        fields,
        block,
    }))
}

fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::UnexpectedEof => "data ends in the middle of the record".into(),
        io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData => {
            format!("corrupt compressed data ({e})")
        }
        _ => format!("read error: {e}"),
    }
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// Moves to the next gzip member header at or after `from`; false when none is left.
fn resync_gzip<R: BufRead + Seek>(inner: &mut R, from: u64) -> io::Result<bool> {
    resync(inner, from, &GZIP_MAGIC, false)
}

/// Moves to the next line starting with `WARC/1.` at or after `from`.
fn resync_plain<R: BufRead + Seek>(inner: &mut R, from: u64) -> io::Result<bool> {
    resync(inner, from, b"WARC/1.", true)
}

fn resync<R: BufRead + Seek>(
    inner: &mut R,
    from: u64,
    needle: &[u8],
    at_line_start: bool,
) -> io::Result<bool> {
    inner.seek(SeekFrom::Start(from))?;
    // `window` holds the bytes from file offset `pos` on; `before` is the byte preceding it.
    let mut pos = from;
    let mut window: Vec<u8> = Vec::new();
    let mut before: Option<u8> = None;
    loop {
        let buf = inner.fill_buf()?;
        let eof = buf.is_empty();
        let n = buf.len();
        window.extend_from_slice(buf);
        inner.consume(n);
        for i in 0..window.len().saturating_sub(needle.len() - 1) {
            if &window[i..i + needle.len()] != needle {
                continue;
            }
            let prev = if i == 0 { before } else { Some(window[i - 1]) };
            if !at_line_start || prev == Some(b'\n') {
                inner.seek(SeekFrom::Start(pos + i as u64))?;
                return Ok(true);
            }
        }
        if eof {
            return Ok(false);
        }
        let keep_from = window.len().saturating_sub(needle.len() - 1);
        if keep_from > 0 {
            before = Some(window[keep_from - 1]);
            window.drain(..keep_from);
            pos += keep_from as u64;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::RecordType;
    use flate2::Compression;
    use flate2::write::GzEncoder;
    use std::io::{Cursor, Write};

    fn record(uri: &str, body: &str) -> Record {
        let mut r = Record::new(RecordType::Resource, "2013-01-31T10:00:00Z");
        r.push("WARC-Target-URI", uri);
        r.push("Content-Type", "text/plain");
        r.block = body.as_bytes().to_vec();
        r
    }

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::default());
        e.write_all(bytes).expect("in-memory write");
        e.finish().expect("in-memory finish")
    }

    fn read_all(bytes: Vec<u8>) -> (Vec<ReadRecord>, Vec<ReadError>) {
        let reader = WarcReader::new(Cursor::new(bytes), "test".into()).expect("reader");
        let (mut ok, mut bad) = (Vec::new(), Vec::new());
        for item in reader {
            match item {
                Ok(r) => ok.push(r),
                Err(e) => bad.push(e),
            }
        }
        (ok, bad)
    }

    #[test]
    fn per_record_gzip_with_a_corrupt_member_in_the_middle() {
        let a = gz(&record("http://a.example/", "un").to_bytes());
        let mut b = gz(&record("http://b.example/", "deux").to_bytes());
        let c = gz(&record("http://c.example/", "trois").to_bytes());
        let mid = b.len() / 2;
        b[mid] ^= 0xff;
        b[mid + 1] ^= 0xff;
        let mut file = a.clone();
        file.extend_from_slice(&b);
        file.extend_from_slice(&c);
        let (ok, bad) = read_all(file);
        let uris: Vec<_> = ok.iter().filter_map(|r| r.record.target_uri()).collect();
        assert_eq!(uris, ["http://a.example/", "http://c.example/"]);
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].offset, a.len() as u64);
        assert_eq!(ok[1].offset, (a.len() + b.len()) as u64);
        assert_eq!(ok[0].length, Some(a.len() as u64));
    }

    #[test]
    fn buffer_ending_inside_the_gzip_magic_loses_nothing() {
        let a = gz(&record("http://a.example/", "un").to_bytes());
        let b = gz(&record("http://b.example/", "deux").to_bytes());
        let mut file = a.clone();
        file.extend_from_slice(&b);
        let inner = BufReader::with_capacity(a.len() + 1, Cursor::new(file));
        let reader = WarcReader::new(inner, "test".into()).expect("reader");
        let items: Vec<_> = reader.collect();
        assert_eq!(items.len(), 2);
        assert!(items.iter().all(|i| i.is_ok()));
    }

    #[test]
    fn many_empty_members_do_not_exhaust_the_stack() {
        let empty = gz(b"");
        let mut file = Vec::new();
        for _ in 0..200_000 {
            file.extend_from_slice(&empty);
        }
        file.extend(gz(&record("http://a.example/", "un").to_bytes()));
        let (ok, bad) = read_all(file);
        assert_eq!(ok.len(), 1);
        assert!(bad.is_empty());
    }

    #[test]
    fn whole_file_gzip_and_plain_files_read_every_record() {
        let mut plain = record("http://a.example/", "un").to_bytes();
        plain.extend(record("http://b.example/", "deux").to_bytes());
        let (ok, bad) = read_all(gz(&plain));
        assert!(bad.is_empty());
        assert_eq!(ok.len(), 2);
        let (ok, bad) = read_all(plain);
        assert!(bad.is_empty());
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[1].record.block, b"deux");
    }

    #[test]
    fn truncated_tail_is_reported_after_the_good_records() {
        let mut file = gz(&record("http://a.example/", "un").to_bytes());
        let b = gz(&record("http://b.example/", &"x".repeat(5000)).to_bytes());
        file.extend_from_slice(&b[..b.len() / 2]);
        let (ok, bad) = read_all(file);
        assert_eq!(ok.len(), 1);
        assert_eq!(bad.len(), 1);
    }

    #[test]
    fn plain_file_with_garbage_resyncs_on_next_record() {
        let mut file = record("http://a.example/", "un").to_bytes();
        file.extend_from_slice(b"WARC/1.1\r\nWARC-Type: resource\r\nnot a header\r\n\r\n");
        file.extend(record("http://c.example/", "trois").to_bytes());
        let (ok, bad) = read_all(file);
        let uris: Vec<_> = ok.iter().filter_map(|r| r.record.target_uri()).collect();
        assert_eq!(uris, ["http://a.example/", "http://c.example/"]);
        assert_eq!(bad.len(), 1);
    }
}
