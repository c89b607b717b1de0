//! Writing WARC files: one gzip member per record, a `warcinfo` record first in each file,
//! `.open` while written, renamed when closed, rotated past a size.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::Utc;
use flate2::{Compress, Compression, Crc, FlushCompress, Status};

use super::digest::sha1_digest;
use super::record::{Record, RecordType, warc_date};

/// Suffix of a WARC file still being written.
pub const OPEN_SUFFIX: &str = ".open";

/// Where and how WARC files are written.
#[derive(Debug, Clone)]
pub struct WriterConfig {
    /// Output directory (created if missing).
    pub dir: PathBuf,
    /// File name prefix, e.g. `veille`.
    pub prefix: String,
    /// A new file is started once the current one reaches this many bytes.
    pub max_file_bytes: u64,
    /// Fields of the `warcinfo` record (software, robots policy, …), in order.
    pub warcinfo: Vec<(String, String)>,
}

/// Where a record landed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenRecord {
    /// The WARC file's final name (without `.open`).
    pub filename: String,
    /// Byte offset of the record's gzip member in the file.
    pub offset: u64,
    /// Length of the gzip member in bytes.
    pub length: u64,
    /// The record's `WARC-Record-ID`.
    pub id: String,
}

struct OpenFile {
    name: String,
    open_path: PathBuf,
    out: BufWriter<File>,
    size: u64,
    warcinfo_id: String,
    /// One deflate state for the file's records, reset between them.
    deflate: MemberDeflater,
    /// The CDXJ lines of the records written, as text (about 250 bytes a line: 75 MB for a
    /// gigabyte of 15 kB pages), when the writer indexes its files.
    cdxj: Option<Vec<String>>,
}

/// Writes records into rotating, per-record-gzipped WARC 1.1 files.
pub struct WarcWriter {
    config: WriterConfig,
    hostname: String,
    serial: u32,
    current: Option<OpenFile>,
    closed: Vec<PathBuf>,
    /// Whether each closed file gets its CDXJ index.
    cdxj: bool,
}

impl WarcWriter {
    /// Prepares a writer; the first file is created with the first record.
    pub fn new(config: WriterConfig) -> io::Result<Self> {
        fs::create_dir_all(&config.dir)?;
        let hostname = gethostname::gethostname()
            .to_string_lossy()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' {
                    c
                } else {
                    '_'
                }
            })
            .collect::<String>();
        let serial = next_serial(&config.dir, &config.prefix);
        Ok(Self {
            config,
            hostname: if hostname.is_empty() {
                "localhost".into()
            } else {
                hostname
            },
            serial,
            current: None,
            closed: Vec::new(),
            cdxj: false,
        })
    }

    /// Writes each file's CDXJ index beside it when it is closed, from the records as they
    /// are written: the file is not read again (which paused a crawl at each rotation for as
    /// long as reading a gigabyte takes). Lines are what [`crate::cdxj::index_file`] gives.
    pub fn with_cdxj(mut self) -> Self {
        self.cdxj = true;
        self
    }

    /// Writes records that belong together (a request and its response) into one file.
    ///
    /// `build` receives the `WARC-Record-ID` of the current file's `warcinfo` record, to put in
    /// each record's `WARC-Warcinfo-ID`.
    pub fn write_group(
        &mut self,
        build: impl FnOnce(&str) -> Vec<Record>,
    ) -> io::Result<Vec<WrittenRecord>> {
        if self
            .current
            .as_ref()
            .is_some_and(|f| f.size >= self.config.max_file_bytes)
        {
            self.close()?;
        }
        if self.current.is_none() {
            self.open_next()?;
        }
        let file = self
            .current
            .as_mut()
            .ok_or_else(|| io::Error::other("no open WARC file"))?;
        let records = build(&file.warcinfo_id);
        let mut written = Vec::with_capacity(records.len());
        for record in &records {
            written.push(append(file, record)?);
        }
        file.out.flush()?;
        Ok(written)
    }

    /// Closes the current file (renaming it from `.open`); returns its final path.
    pub fn close(&mut self) -> io::Result<Option<PathBuf>> {
        let Some(mut file) = self.current.take() else {
            return Ok(None);
        };
        file.out.flush()?;
        file.out.get_ref().sync_all()?;
        let final_path = self.config.dir.join(&file.name);
        fs::rename(&file.open_path, &final_path)?;
        tracing::info!(file = %final_path.display(), bytes = file.size, "closed WARC file");
        self.closed.push(final_path.clone());
        if let Some(mut lines) = file.cdxj.take() {
            // The WARC file is complete without its index (`crawler cdxj` makes it again):
            // a failure here is said, not fatal.
            lines.sort_unstable();
            match crate::cdxj::write_lines(&final_path, &lines) {
                Ok(index) => tracing::info!(index = %index.display(), "wrote CDXJ index"),
                Err(e) => tracing::error!(
                    file = %final_path.display(),
                    "cannot write the CDXJ index (make it with `crawler cdxj`): {e}"
                ),
            }
        }
        Ok(Some(final_path))
    }

    /// Files closed so far, in order.
    pub fn closed_files(&self) -> &[PathBuf] {
        &self.closed
    }

    fn open_next(&mut self) -> io::Result<()> {
        let now = Utc::now();
        let name = format!(
            "{}-{}-{:05}-{}.warc.gz",
            self.config.prefix,
            now.format("%Y%m%d%H%M%S"),
            self.serial,
            self.hostname
        );
        self.serial += 1;
        let open_path = self.config.dir.join(format!("{name}{OPEN_SUFFIX}"));
        let out = BufWriter::new(
            File::options()
                .write(true)
                .create_new(true)
                .open(&open_path)?,
        );
        let mut info = Record::new(RecordType::Warcinfo, &warc_date(now));
        info.push("WARC-Filename", name.clone());
        info.push("Content-Type", "application/warc-fields");
        let mut block = String::new();
        for (k, v) in &self.config.warcinfo {
            block.push_str(&format!("{k}: {v}\r\n"));
        }
        block.push_str(&format!("hostname: {}\r\n", self.hostname));
        info.block = block.into_bytes();
        let digest = sha1_digest(&info.block);
        info.fields
            .insert(info.fields.len() - 1, ("WARC-Block-Digest".into(), digest));
        let warcinfo_id = info.id().unwrap_or_default().to_string();
        let mut file = OpenFile {
            name,
            open_path,
            out,
            size: 0,
            warcinfo_id,
            deflate: MemberDeflater::new(),
            cdxj: self.cdxj.then(Vec::new),
        };
        append(&mut file, &info)?;
        self.current = Some(file);
        Ok(())
    }
}

impl Drop for WarcWriter {
    fn drop(&mut self) {
        if let Err(e) = self.close() {
            tracing::error!("could not close WARC file: {e}");
        }
    }
}

/// A record as a gzip member of its own (per-record compression, so that each record is read
/// from its offset alone).
pub fn gzip_member(record: &Record) -> io::Result<Vec<u8>> {
    MemberDeflater::new().member(&record.to_bytes())
}

/// Writes gzip members with one deflate state reset between them: setting up a new state for
/// each record (about 270 kB allocated and cleared) was a fifth of the WARC writer's time on
/// 15 kB pages. The members are laid out as flate2's `GzEncoder` writes them at the same level: its
/// 10-byte header (no name, no time, OS unknown), raw deflate, CRC-32 and length.
struct MemberDeflater {
    deflate: Compress,
}

impl MemberDeflater {
    fn new() -> Self {
        Self {
            deflate: Compress::new(Compression::default(), false),
        }
    }

    /// `data` as one gzip member.
    fn member(&mut self, data: &[u8]) -> io::Result<Vec<u8>> {
        self.deflate.reset();
        let mut out = Vec::with_capacity(data.len() / 3 + 64);
        out.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
        let mut input = data;
        loop {
            if out.capacity() - out.len() < 4096 {
                out.reserve(out.capacity().max(4096));
            }
            let before = self.deflate.total_in();
            let status = self
                .deflate
                .compress_vec(input, &mut out, FlushCompress::Finish)
                .map_err(io::Error::other)?;
            let read = (self.deflate.total_in() - before) as usize;
            input = input.get(read..).unwrap_or_default();
            if status == Status::StreamEnd {
                break;
            }
        }
        let mut crc = Crc::new();
        crc.update(data);
        out.extend_from_slice(&crc.sum().to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        Ok(out)
    }
}

fn append(file: &mut OpenFile, record: &Record) -> io::Result<WrittenRecord> {
    let member = file.deflate.member(&record.to_bytes())?;
    file.out.write_all(&member)?;
    let written = WrittenRecord {
        filename: file.name.clone(),
        offset: file.size,
        length: member.len() as u64,
        id: record.id().unwrap_or_default().to_string(),
    };
    file.size += member.len() as u64;
    if let Some(lines) = &mut file.cdxj
        && let Some(line) =
            crate::cdxj::line_of(record, written.offset, Some(written.length), &file.name)
    {
        lines.push(line.to_string());
    }
    Ok(written)
}

/// The serial number after the highest one already used by `prefix` files in `dir`, so a
/// resumed or repeated crawl never reuses a file name.
fn next_serial(dir: &Path, prefix: &str) -> u32 {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let rest = name.strip_prefix(prefix)?.strip_prefix('-')?;
            // rest = TIMESTAMP-NNNNN-HOST.warc.gz
            let serial = rest.split('-').nth(1)?;
            serial.parse::<u32>().ok()
        })
        .max()
        .map_or(0, |m| m + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::WarcReader;
    use flate2::write::GzEncoder;
    use std::io::Read;

    #[test]
    fn members_are_gzip_members_of_their_bytes_with_one_state_reset_between_them() {
        let mut deflater = MemberDeflater::new();
        // Bytes that do not compress (a multiplicative hash), several times the output
        // buffer's first size, between small and empty inputs.
        let noise: Vec<u8> = (0..3_000_000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        let inputs: [&[u8]; 4] = [b"", b"<p>page</p>", &noise, b"<p>again</p>"];
        let mut file = Vec::new();
        for input in inputs {
            let member = deflater.member(input).expect("member");
            let reference = {
                let mut gz = GzEncoder::new(Vec::new(), Compression::default());
                gz.write_all(input).expect("write");
                gz.finish().expect("finish")
            };
            assert_eq!(member[..10], reference[..10], "the header GzEncoder writes");
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(&member[..])
                .read_to_end(&mut out)
                .expect("one valid member (CRC-32 and length checked)");
            assert_eq!(out, input);
            file.extend_from_slice(&member);
        }
        let mut all = Vec::new();
        flate2::read::MultiGzDecoder::new(&file[..])
            .read_to_end(&mut all)
            .expect("members one after another");
        assert_eq!(all, inputs.concat());
    }

    #[test]
    fn rotates_files_each_starting_with_warcinfo_and_never_reuses_names() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = WriterConfig {
            dir: dir.path().to_path_buf(),
            prefix: "t".into(),
            max_file_bytes: 700,
            warcinfo: vec![("software".into(), "test".into())],
        };
        let mut writer = WarcWriter::new(config.clone()).expect("writer").with_cdxj();
        for i in 0..6 {
            writer
                .write_group(|info| {
                    let mut r = Record::new(RecordType::Resource, "2013-01-31T10:00:00Z");
                    r.push("WARC-Target-URI", format!("http://a.example/{i}"));
                    r.push("WARC-Warcinfo-ID", info);
                    r.block = format!("page {i} ").repeat(100).into_bytes();
                    vec![r]
                })
                .expect("write");
        }
        writer.close().expect("close");
        let files = writer.closed_files().to_vec();
        assert!(files.len() >= 2, "rotated: {files:?}");
        let mut uris = Vec::new();
        for f in &files {
            let records: Vec<_> = WarcReader::open(f)
                .expect("open")
                .map(|r| r.expect("record"))
                .collect();
            assert_eq!(records[0].record.record_type(), RecordType::Warcinfo);
            let info_id = records[0].record.id().expect("id").to_string();
            for r in &records[1..] {
                assert_eq!(r.record.get("WARC-Warcinfo-ID"), Some(info_id.as_str()));
                uris.push(r.record.target_uri().expect("uri").to_string());
            }
            let name = f.file_name().expect("name").to_string_lossy().into_owned();
            assert_eq!(records[0].record.get("WARC-Filename"), Some(name.as_str()));
            // The index written from the records as they went out is the one read back.
            let written = fs::read_to_string(crate::cdxj::cdxj_path(f)).expect("cdxj");
            let (read, errors) = crate::cdxj::index_file(f).expect("index");
            assert!(errors.is_empty(), "{errors:?}");
            let read: Vec<String> = read.iter().map(|l| l.to_string()).collect();
            assert_eq!(written.lines().collect::<Vec<_>>(), read);
            assert_eq!(read.len(), records.len() - 1);
        }
        assert_eq!(uris.len(), 6);
        // A second writer in the same directory continues the serial numbers.
        let mut again = WarcWriter::new(config).expect("writer");
        again.write_group(|_| vec![]).expect("write");
        let last = again.close().expect("close").expect("a file");
        let serial = |p: &std::path::Path| -> u32 {
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            name.split('-')
                .nth(2)
                .expect("serial")
                .parse()
                .expect("number")
        };
        let max_before = files.iter().map(|f| serial(f)).max().expect("files");
        assert_eq!(serial(&last), max_before + 1, "serials continue: {last:?}");
    }
}
