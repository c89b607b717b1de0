//! Repairing WARC files left `.open` by a crawl that was killed: the half-written tail is cut
//! at the end of the last complete gzip member, and the file is closed and renamed.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::reader::WarcReader;
use super::writer::OPEN_SUFFIX;

/// What a repair did to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repaired {
    /// The file's final path (without `.open`), or `None` if nothing valid was left and the
    /// file was removed.
    pub path: Option<PathBuf>,
    /// Complete records kept.
    pub records: usize,
    /// Bytes cut from the end.
    pub cut_bytes: u64,
}

/// Repairs one `.open` file: keeps its complete records, cuts the rest, renames it.
pub fn repair_open_file(path: &Path) -> io::Result<Repaired> {
    let size = fs::metadata(path)?.len();
    let mut good_end = 0u64;
    let mut records = 0usize;
    for item in WarcReader::open(path)? {
        match item {
            Ok(r) => match r.length {
                Some(len) if r.offset == good_end => {
                    good_end = r.offset + len;
                    records += 1;
                }
                _ => break,
            },
            Err(_) => break,
        }
    }
    let final_name = path
        .file_name()
        .map(|n| {
            n.to_string_lossy()
                .trim_end_matches(OPEN_SUFFIX)
                .to_string()
        })
        .unwrap_or_default();
    if records == 0 {
        fs::remove_file(path)?;
        return Ok(Repaired {
            path: None,
            records: 0,
            cut_bytes: size,
        });
    }
    let file = fs::OpenOptions::new().write(true).open(path)?;
    file.set_len(good_end)?;
    file.sync_all()?;
    let final_path = path.with_file_name(final_name);
    fs::rename(path, &final_path)?;
    Ok(Repaired {
        path: Some(final_path),
        records,
        cut_bytes: size - good_end,
    })
}

/// Repairs every `.open` WARC file in `dir`.
pub fn repair_dir(dir: &Path) -> io::Result<Vec<Repaired>> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut open: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.to_string_lossy()
                .ends_with(&format!(".warc.gz{OPEN_SUFFIX}"))
        })
        .collect();
    open.sort();
    open.iter().map(|p| repair_open_file(p)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Record, RecordType};
    use crate::writer::{WarcWriter, WriterConfig};

    #[test]
    fn cuts_a_half_written_tail_and_renames() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut w = WarcWriter::new(WriterConfig {
            dir: dir.path().to_path_buf(),
            prefix: "t".into(),
            max_file_bytes: 1 << 30,
            warcinfo: vec![],
        })
        .expect("writer");
        for i in 0..3 {
            w.write_group(|_| {
                let mut r = Record::new(RecordType::Resource, "2013-01-31T10:00:00Z");
                r.push("WARC-Target-URI", format!("http://a.example/{i}"));
                r.block = vec![b'x'; 1000];
                vec![r]
            })
            .expect("write");
        }
        // Simulate a kill: the file stays .open, with half a record at the end.
        let open = fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.to_string_lossy().ends_with(".open"))
            .expect("an open file");
        let complete = fs::read(&open).expect("read");
        let mut bytes = complete.clone();
        bytes.extend_from_slice(&complete[complete.len() - 200..complete.len() - 100]);
        std::mem::forget(w);
        fs::write(&open, &bytes).expect("write");

        let repaired = repair_dir(dir.path()).expect("repair");
        assert_eq!(repaired.len(), 1);
        assert_eq!(repaired[0].records, 4, "warcinfo and three records kept");
        assert_eq!(repaired[0].cut_bytes, 100);
        let path = repaired[0].path.clone().expect("kept");
        assert_eq!(fs::read(&path).expect("read"), complete);
        assert!(WarcReader::open(&path).expect("open").all(|r| r.is_ok()));
    }
}
