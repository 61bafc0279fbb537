//! Writing files safely: the one atomic write (used for the store and for every export and
//! output file), and the writers' lock on a store.
//!
//! [`write_atomic`] writes a temp file `.NAME.tmp.PID` beside the file it replaces, syncs it,
//! renames it over the old file and syncs the directory, so a reader or a crash sees either
//! the old file or the new one. A path that is a symbolic link is followed: the new file goes
//! beside the link's target and replaces the target, so the link stays a link. The old file's
//! permissions carry over (a private store stays private). Temp files of writers that died are
//! removed on the next write to the same file, and a failed write removes its own. A path
//! that leads to a device or a pipe (`/dev/null`) is written into, not replaced.
//!
//! [`StoreLock`] is an exclusive advisory lock (`flock` on Unix) on a lock file beside the
//! store (`NAME.lock` beside the link's target), held by a command that writes a store from
//! before it loads the store until after the rename. Readers never take it: they see the old
//! or the new store, never half of one. The lock file holds the holder's pid, for messages,
//! and goes when the lock is released.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::StoreError;

/// Most symbolic links followed from one path before it is taken as it is (Linux gives up at
/// 40 too).
const MAX_LINKS: usize = 40;

/// The file a path leads to: symbolic links followed (also to a target that does not exist
/// yet), anything else as given.
pub fn resolve_link(path: &Path) -> PathBuf {
    let mut path = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            break;
        }
        let Ok(target) = fs::read_link(&path) else {
            break;
        };
        path = match path.parent() {
            Some(dir) => dir.join(target),
            None => target,
        };
    }
    path
}

/// The directory a file lies in (`.` for a bare name).
fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| "out".to_string(), |n| n.to_string_lossy().into_owned())
}

fn io_error<'p>(path: &'p Path, action: &'static str) -> impl FnOnce(io::Error) -> StoreError + 'p {
    move |error| StoreError::Io {
        path: path.display().to_string(),
        action,
        error,
    }
}

/// Writes a file atomically (see the module docs), creating its directory; `write` gets a
/// buffered writer. Errors name `path` as given, never the temp file.
///
/// # Errors
///
/// When the directory, the temp file, `write` or the rename fails; the old file is then
/// untouched and the temp file removed.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), StoreError> {
    let target = resolve_link(path);
    if is_special(&target) {
        // A device or a pipe (`-o /dev/null`) is written into, never replaced.
        return write_special(&target, write).map_err(io_error(path, "write"));
    }
    let dir = parent_dir(&target);
    fs::create_dir_all(dir).map_err(io_error(path, "create the directory"))?;
    let name = file_name(&target);
    remove_stale_temps(dir, &name);
    let tmp = dir.join(format!(".{name}.tmp.{}", std::process::id()));
    let res = write_temp(&tmp, &target, write)
        .map_err(io_error(path, "write"))
        .and_then(|()| fs::rename(&tmp, &target).map_err(io_error(path, "replace")));
    if res.is_err() {
        // Best effort: the temp file is garbage now.
        let _ = fs::remove_file(&tmp);
        return res;
    }
    sync_dir(dir).map_err(io_error(path, "sync the directory"))
}

/// Is `path` something that exists and is neither a regular file nor a directory?
fn is_special(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

fn write_special(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let file = OpenOptions::new().write(true).open(path)?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    write(&mut out)?;
    out.flush()
}

fn write_temp(
    tmp: &Path,
    target: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let old = fs::metadata(target).ok().filter(fs::Metadata::is_file);
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    if let Some(old) = &old {
        // Created with the old mode (less the umask), so a private file is never readable by
        // others, not even as a temp file; set exactly below.
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(old.permissions().mode());
    }
    let file = options.open(tmp)?;
    // Locked while it is written, so that `remove_stale_temps` of another process leaves it.
    let _ = file.try_lock();
    if let Some(old) = old {
        file.set_permissions(old.permissions())?;
    }
    let mut out = BufWriter::with_capacity(1 << 20, &file);
    write(&mut out)?;
    out.flush()?;
    drop(out);
    file.sync_all()
}

/// Removes `.NAME.tmp.PID` (and the older `.NAME.tmpPID`) files in `dir` left by writers that
/// died: the process is gone (where `/proc` tells) and nobody holds the file's lock.
fn remove_stale_temps(dir: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.tmp");
    let own = std::process::id();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let Ok(pid) = rest.strip_prefix('.').unwrap_or(rest).parse::<u32>() else {
            continue;
        };
        if pid != own && is_stale(&entry.path(), pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn is_stale(tmp: &Path, pid: u32) -> bool {
    let proc = Path::new("/proc");
    if proc.join("self").exists() && proc.join(pid.to_string()).exists() {
        return false;
    }
    let Ok(file) = File::open(tmp) else {
        return false;
    };
    file.try_lock().is_ok()
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    // Windows cannot open a directory as a file; the rename is durable enough there.
    Ok(())
}

/// The lock file of a store: `NAME.lock` beside the file the store path leads to.
pub fn lock_path(store: &Path) -> PathBuf {
    let target = resolve_link(store);
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    target.with_file_name(name)
}

/// A writer's exclusive lock on a store, released when dropped (or when the process ends,
/// however it ends).
///
/// The holder removes the lock file before it lets go, so no file is left beside the store. A
/// waiter may therefore lock a file that has just been removed; it then sees that the path no
/// longer leads to the file it locked and starts again, so two writers never hold locks on two
/// different files at once.
#[derive(Debug)]
pub struct StoreLock {
    file: File,
    path: PathBuf,
}

/// Another process holds the lock.
#[derive(Debug)]
pub struct LockHeld {
    /// The holder's pid, when its lock file says.
    pub pid: Option<u32>,
}

impl StoreLock {
    /// Takes the lock if it is free.
    ///
    /// # Errors
    ///
    /// `Ok(Err(held))` when another process holds it; `Err` when the lock file cannot be
    /// created or locked.
    pub fn try_acquire(store: &Path) -> Result<Result<StoreLock, LockHeld>, StoreError> {
        loop {
            let (mut file, path) = open_lock_file(store)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => {
                    let pid = holder_pid(&mut file);
                    return Ok(Err(LockHeld { pid }));
                }
                Err(fs::TryLockError::Error(error)) => return Err(lock_error(store, error)),
            }
            if still_linked(&file, &path) {
                return StoreLock::record(store, file, path).map(Ok);
            }
        }
    }

    /// Takes the lock, waiting as long as another process holds it.
    ///
    /// # Errors
    ///
    /// When the lock file cannot be created or locked.
    pub fn acquire(store: &Path) -> Result<StoreLock, StoreError> {
        loop {
            let (file, path) = open_lock_file(store)?;
            file.lock().map_err(|error| lock_error(store, error))?;
            if still_linked(&file, &path) {
                return StoreLock::record(store, file, path);
            }
        }
    }

    /// Writes our pid into the lock file we now hold.
    fn record(store: &Path, mut file: File, path: PathBuf) -> Result<StoreLock, StoreError> {
        let res = file
            .set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| write!(file, "{}", std::process::id()));
        res.map_err(|error| lock_error(store, error))?;
        Ok(StoreLock { file, path })
    }
}

impl Drop for StoreLock {
    fn drop(&mut self) {
        // Removed while still locked (the file closes after this); see the type's docs. Where
        // an open file cannot be removed (Windows) it stays, which is harmless.
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// The pid in a held lock file. The holder writes it just after it takes the lock, so an
/// empty file is read again a few times before giving up.
fn holder_pid(file: &mut File) -> Option<u32> {
    for _ in 0..20 {
        let mut text = String::new();
        let read = file.rewind().and_then(|()| file.read_to_string(&mut text));
        if let Ok(pid) = text.trim().parse() {
            return Some(pid);
        }
        if read.is_err() {
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    None
}

/// Does `path` still lead to the file we opened (not removed or replaced by its holder)?
#[cfg(unix)]
fn still_linked(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_linked(_file: &File, path: &Path) -> bool {
    path.exists()
}

fn open_lock_file(store: &Path) -> Result<(File, PathBuf), StoreError> {
    let path = lock_path(store);
    fs::create_dir_all(parent_dir(&path)).map_err(|error| lock_error(store, error))?;
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|error| lock_error(store, error))?;
    Ok((file, path))
}

fn lock_error(store: &Path, error: io::Error) -> StoreError {
    StoreError::Io {
        path: lock_path(store).display().to_string(),
        action: "lock for writing",
        error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut res: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        res.sort();
        res
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        fs::write(&path, "old").unwrap();
        let err = write_atomic(&path, |w| {
            w.write_all(b"half of the new")?;
            Err(io::Error::other("the writer failed"))
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("{}: cannot write: the writer failed", path.display())
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(names(dir.path()), ["out.json"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_is_written_into_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
        };
        write_atomic(&fifo, |w| w.write_all(b"through the pipe")).unwrap();
        // Checked before joining: a pipe replaced by a file would leave the reader waiting.
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
        assert_eq!(reader.join().unwrap(), "through the pipe");
        assert_eq!(names(dir.path()), ["pipe"]);
    }

    #[test]
    fn the_lock_file_goes_with_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("s.store");
        let lock = StoreLock::acquire(&store).unwrap();
        assert_eq!(
            fs::read_to_string(lock_path(&store)).unwrap(),
            std::process::id().to_string()
        );
        let Ok(Err(held)) = StoreLock::try_acquire(&store) else {
            panic!("a second lock was given while the first is held");
        };
        assert_eq!(held.pid, Some(std::process::id()));
        drop(lock);
        assert_eq!(names(dir.path()), Vec::<String>::new());
        assert!(StoreLock::try_acquire(&store).unwrap().is_ok());
    }
}
