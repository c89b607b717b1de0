//! Exclusive locks on the directories a crawl writes (its state and its WARC output), so that
//! two crawls never write the same crawl: a scheduled job fired while the previous run of
//! that job is still going, or a crawl started by hand beside `crawler schedule`.
//!
//! The lock is an OS file lock (`flock` on Unix, through `fs4`) on a file `.veille.lock` in
//! the directory: it dies with the process that holds it, so a `kill -9` never leaves a stale
//! lock behind. The file also records the holder's process id, to name it in the refusal.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use fs4::{FileExt, TryLockError};

/// The lock file's name inside a locked directory.
pub const LOCK_FILE: &str = ".veille.lock";

/// Why a directory could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another process holds the lock.
    #[error(
        "{path} is in use by another crawl (process {holder}); wait for it to finish, or stop it, and start again"
    )]
    Busy {
        /// The directory.
        path: PathBuf,
        /// The holder's process id, as its lock file says (`?` when unknown).
        holder: String,
    },
    /// Another live process crawls under this worker name on the shared state.
    #[error(
        "worker {worker} is already running ({holder}); give each worker its own --worker name, or stop that one first"
    )]
    Worker {
        /// The worker name.
        worker: String,
        /// Which process holds it, as the shared state records it.
        holder: String,
    },
    /// The lock file could not be created or locked.
    #[error("cannot lock {path}: {source}")]
    Io {
        /// The directory.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// An exclusive lock on a directory, held until dropped (or until the process ends).
#[derive(Debug)]
pub struct DirLock {
    _file: File,
    path: PathBuf,
}

impl DirLock {
    /// Locks `dir` (created if missing) for this process, or says who holds it.
    pub fn acquire(dir: &Path) -> Result<Self, LockError> {
        let io = |source| LockError::Io {
            path: dir.to_path_buf(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(dir.join(LOCK_FILE))
            .map_err(io)?;
        match FileExt::try_lock(&file) {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = holder.trim();
                return Err(LockError::Busy {
                    path: dir.to_path_buf(),
                    holder: if holder.is_empty() { "?" } else { holder }.to_string(),
                });
            }
            Err(TryLockError::Error(e)) => return Err(io(e)),
        }
        file.set_len(0).map_err(io)?;
        file.seek(SeekFrom::Start(0)).map_err(io)?;
        write!(file, "{}", std::process::id()).map_err(io)?;
        file.flush().map_err(io)?;
        Ok(Self {
            _file: file,
            path: dir.to_path_buf(),
        })
    }

    /// The locked directory.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_and_names_the_holder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let first = DirLock::acquire(dir.path()).expect("first lock");
        // flock locks belong to the open file: a second open in the same process conflicts,
        // as a second process would.
        match DirLock::acquire(dir.path()) {
            Err(LockError::Busy { holder, .. }) => {
                assert_eq!(holder, std::process::id().to_string())
            }
            other => panic!("expected Busy, got {other:?}"),
        }
        assert_eq!(first.path(), dir.path());
        drop(first);
        DirLock::acquire(dir.path()).expect("free again once dropped");
    }
}
