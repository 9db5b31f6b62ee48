//! The command line's reading and writing, safe in a real shell:
//!
//! - **Input files** are read only if they are regular files (a symbolic link to one is fine):
//!   a named pipe, a device (`/dev/zero`, `/dev/stdin`), a socket or a folder is refused by its
//!   metadata before it is opened, and again after (a file swapped in between is not read);
//!   every read stops at the size limit plus one byte, so a file that grows, or whose size the
//!   system does not know ahead (`/proc`), is cut off and refused, never read whole.
//! - **The output folder** (`index --out`) is written without following any symbolic link
//!   inside it: each file is created new under a temporary name beside it (`O_CREAT|O_EXCL`,
//!   which does not follow a link) and renamed over the old name, so a link there is replaced,
//!   never written through, and a hard link's other name keeps its bytes; a folder of ours
//!   (`words/`) that is a link is unlinked and made a real folder; stale files are unlinked
//!   (a link, never its target) and folders are never listed through a link. `--out` itself
//!   may not be a symbolic link: the command names the folder it writes, always.
//! - **Standard output** is written with its errors handled: a reader that stops early
//!   (`| head`) ends the command quietly with status 0, as `cat`'s readers expect of `rg` and
//!   `git`; a full disk (`> /dev/full`) is one line and status 1. Standard error is written
//!   best-effort (a closed stderr is not a reason to fail).
//! - **Names** are OS strings throughout (a GBK-named `答复.html` is opened as named), shown
//!   lossily in messages and percent-encoded in URLs.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Read, Write};
use std::path::{Component, Path, PathBuf};

/// The default size limit of one input file (`--max-size` changes it): no reply is near it,
/// and a huge page would hold the command back (a 50 MB page parses in 15 s and 975 MB).
pub(crate) const DEFAULT_MAX: u64 = 4 << 20;

/// A path as a message shows it (bytes that are not UTF-8 become U+FFFD).
pub(crate) fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// `4 MiB`, `512 KiB`, `1000 bytes`.
pub(crate) fn size_text(n: u64) -> String {
    match n {
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{} MiB", n >> 20),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => format!("{} KiB", n >> 10),
        n => format!("{n} bytes"),
    }
}

/// A size given on the command line: bytes, or with `K`/`KiB`, `M`/`MiB`, `G`/`GiB`.
pub(crate) fn parse_size(s: &str) -> Option<u64> {
    let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let n: u64 = s[..digits].parse().ok()?;
    let shift = match &s[digits..] {
        "" => 0,
        "K" | "k" | "KiB" => 10,
        "M" | "m" | "MiB" => 20,
        "G" | "g" | "GiB" => 30,
        _ => return None,
    };
    n.checked_mul(1 << shift).filter(|&n| n > 0)
}

/// What a file that is not a regular file is, for the message.
fn what(meta: &fs::Metadata) -> &'static str {
    if meta.is_dir() {
        return "is a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "not a regular file (a named pipe)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "not a regular file (a device)";
        }
        if t.is_socket() {
            return "not a regular file (a socket)";
        }
    }
    "not a regular file"
}

fn why(e: &std::io::Error) -> String {
    match e.kind() {
        ErrorKind::NotFound => "no such file".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Opens a file for reading without waiting: a named pipe swapped in after the metadata check
/// opens at once (and is then refused) instead of blocking until a writer comes.
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Reads a regular file of at most `max` bytes, with the one-line errors of the contract.
pub(crate) fn read_capped(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    let file = shown(path);
    let too_large = |n: Option<u64>| {
        let size = n.map_or_else(String::new, |n| format!(" ({n} bytes)"));
        format!("{file}: larger than {}{size}, not read (--max-size changes the limit)", size_text(max))
    };
    // By metadata first (a link followed): nothing but a regular file is even opened.
    let meta = fs::metadata(path).map_err(|e| format!("{file}: cannot read: {}", why(&e)))?;
    if !meta.is_file() {
        return Err(format!("{file}: cannot read: {}", what(&meta)));
    }
    if meta.len() > max {
        return Err(too_large(Some(meta.len())));
    }
    let f = open_nonblocking(path).map_err(|e| format!("{file}: cannot read: {}", why(&e)))?;
    // And by the file opened: what was checked is what is read.
    let meta = f.metadata().map_err(|e| format!("{file}: cannot read: {}", why(&e)))?;
    if !meta.is_file() {
        return Err(format!("{file}: cannot read: {}", what(&meta)));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(max) as usize);
    f.take(max.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| format!("{file}: cannot read: {}", why(&e)))?;
    if bytes.len() as u64 > max {
        return Err(too_large(None));
    }
    Ok(bytes)
}

/// Writes the command's output and a line end to standard output. A reader that closed early
/// (`| head`) is not an error: the command ends quietly. Anything else is one line.
pub(crate) fn print(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    let written = out.write_all(text.as_bytes()).and_then(|()| out.write_all(b"\n")).and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(format!("standard output: cannot write: {e}")),
        _ => Ok(()),
    }
}

/// One line on standard error, `reply-widget: ` first; a closed or full stderr is ignored.
pub(crate) fn warn(msg: &str) {
    let _ = writeln!(std::io::stderr().lock(), "reply-widget: {msg}");
}

/// A file's URL path as the index gives it: the path as given for a relative one
/// (`archive/r00001.html`, `./` dropped, `\` read as `/`), the bare name for an absolute one.
/// Bytes that are not UTF-8 (a GBK-named file) and `%`, `#`, `?` are percent-encoded, so the
/// link fetches the file that was read: a server decodes `%B4%F0%B8%B4.html` to its bytes.
pub(crate) fn url_name(file: &OsStr) -> String {
    let path = Path::new(file);
    let raw: Vec<u8> = if path.is_relative() {
        let bytes = file.as_encoded_bytes();
        let mut at = 0;
        while bytes[at..].starts_with(b"./") {
            at += 2;
        }
        bytes[at..].iter().map(|&b| if b == b'\\' { b'/' } else { b }).collect()
    } else {
        path.file_name().unwrap_or(file).as_encoded_bytes().to_vec()
    };
    let mut out = String::new();
    for chunk in raw.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '%' | '#' | '?' => out.push_str(&format!("%{:02X}", c as u32)),
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// What [`write_folder`] did.
pub(crate) struct Written {
    pub bytes: usize,
    /// Stale files of an earlier build unlinked.
    pub removed: usize,
}

/// Makes `path` a real folder: kept if it is one, made if missing, and a symbolic link there
/// is unlinked (its target left as it was) and replaced by a folder.
fn real_folder(path: &Path) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("{}: cannot write: {e}", shown(path));
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => return Ok(()),
        Ok(m) if m.file_type().is_symlink() => fs::remove_file(path).or_else(|_| fs::remove_dir(path)).map_err(fail)?,
        Ok(_) => return Err(format!("{}: cannot write: a file is where the index's folder goes", shown(path))),
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        Err(e) => return Err(fail(e)),
    }
    fs::create_dir(path).map_err(fail)
}

/// Writes one file whole: created new under `NAME.tmp` beside it (never through a link: a
/// link or a leftover there is unlinked first) and renamed over `NAME`.
fn write_new(path: &Path, data: &[u8]) -> Result<(), String> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    let fail = |p: &Path, e: std::io::Error| format!("{}: cannot write: {e}", shown(p));
    let create = || OpenOptions::new().write(true).create_new(true).open(&tmp);
    let mut f = match create() {
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            match fs::symlink_metadata(&tmp) {
                Ok(m) if m.is_dir() => return Err(format!("{}: cannot write: a folder is in the way", shown(&tmp))),
                _ => fs::remove_file(&tmp).map_err(|e| fail(&tmp, e))?,
            }
            create().map_err(|e| fail(&tmp, e))?
        }
        r => r.map_err(|e| fail(&tmp, e))?,
    };
    let done = f.write_all(data).map_err(|e| fail(&tmp, e)).and_then(|()| {
        drop(f);
        fs::rename(&tmp, path).map_err(|e| fail(path, e))
    });
    if done.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    done
}

/// Writes one file of the command's own (`indicators --out FILE.csv`) whole, as
/// [`write_new`] does: never through a link at `path` (a link there is replaced, its target
/// left as it was), never over a folder.
pub(crate) fn write_file(path: &Path, data: &[u8]) -> Result<(), String> {
    if fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(format!("{}: cannot write: is a directory", shown(path)));
    }
    write_new(path, data)
}

/// Whether a file name is one the index gives in a folder: digits and `-` before `ext`
/// (`12.bin`, `3-0.bin`, `42.json`), or such a name's leftover `.tmp`.
fn ours(name: &OsStr, ext: &str) -> bool {
    let Some(name) = name.to_str() else { return false };
    let name = name.strip_suffix(".tmp").unwrap_or(name);
    name.strip_suffix(ext).is_some_and(|stem| !stem.is_empty() && stem.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
}

/// Writes the index's files into `dir` (the folder and its parents made if missing; `last`
/// written last, so a reader never sees a new manifest before its files) and unlinks the
/// files of an earlier build in the `stale` folders (`("words", ".bin")`: names the index
/// gives there) that this build does not have — nothing else, and no link's target.
pub(crate) fn write_folder(
    dir: &Path,
    files: &[(String, Vec<u8>)],
    last: &str,
    stale: &[(&str, &str)],
) -> Result<Written, String> {
    // `out/` names the same folder as `out` (a trailing slash would have the system follow a
    // link there).
    let dir: &Path = &dir.components().collect::<PathBuf>();
    match fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_symlink() => {
            let to = fs::read_link(dir).map(|t| format!(" to {}", shown(&t))).unwrap_or_default();
            return Err(format!(
                "{}: --out is a symbolic link{to}; give the folder itself (nothing was written)",
                shown(dir)
            ));
        }
        Ok(m) if m.is_dir() => {}
        Ok(_) => return Err(format!("{}: --out is not a folder (nothing was written)", shown(dir))),
        Err(e) if e.kind() == ErrorKind::NotFound => {
            fs::create_dir_all(dir).map_err(|e| format!("{}: cannot write: {e}", shown(dir)))?;
        }
        Err(e) => return Err(format!("{}: cannot write: {e}", shown(dir))),
    }
    let mut folders = HashSet::new();
    let mut names = HashSet::new();
    let mut bytes = 0;
    let order = files.iter().filter(|(n, _)| n != last).chain(files.iter().filter(|(n, _)| n == last));
    for (name, data) in order {
        let rel = Path::new(name);
        if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(format!("{name}: not a plain file name inside the index folder"));
        }
        let mut at = dir.to_path_buf();
        if let Some(parent) = rel.parent() {
            for part in parent.components() {
                at.push(part);
                if folders.insert(at.clone()) {
                    real_folder(&at)?;
                }
            }
        }
        write_new(&dir.join(rel), data)?;
        bytes += data.len();
        names.insert(rel.to_path_buf());
    }
    let mut removed = 0;
    for &(sub, ext) in stale {
        let folder = dir.join(sub);
        // A folder is listed only if it is a real one, never through a link.
        if !fs::symlink_metadata(&folder).is_ok_and(|m| m.is_dir()) {
            continue;
        }
        let Ok(entries) = fs::read_dir(&folder) else { continue };
        for entry in entries.flatten() {
            // The entry's own type: a link is a link here, not what it points to.
            let Ok(kind) = entry.file_type() else { continue };
            let name = entry.file_name();
            let known = names.contains(&Path::new(sub).join(&name));
            if !kind.is_dir() && ours(&name, ext) && !known && fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
    }
    Ok(Written { bytes, removed })
}
