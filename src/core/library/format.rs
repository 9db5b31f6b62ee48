//! What every file of the index shares: the version, the names, the limits a reader holds an
//! index to, the errors, and the binary files' envelope and numbers (a 24-byte header — magic,
//! version, file type, build id, payload length, checksum — LEB128 varints, little-endian fixed
//! widths). Each file's own layout lives with its writer and its reader: `docs.rs`, `words.rs`,
//! `figures.rs`, `card.rs`, `manifest.rs`, `indicators.rs`, `titles.rs`. This module imports none
//! of them.

/// The index format this code writes and reads. A manifest of another version is refused, and
/// so is a binary file. Version 2: per-file size limits in the manifest, the `genre` facet.
/// Version 3: the indicator files (`indicators/K.bin`), listed in the manifest with their size
/// limit and the archive's newest month. Version 4: an indicator's values name their reply by
/// doc id only, its title, address and month are in the shared title table (`titles/C.bin`,
/// fetched once per chunk), and a value's clause is cut short: at 10,000 generated replies the
/// indicator files take 35.9 MB with the title table instead of 85.5 MB.
pub const VERSION: u32 = 4;
/// The `format` field of the manifest.
pub const FORMAT: &str = "reply-widget-library";
/// The manifest's file name, relative to the index folder.
pub const MANIFEST: &str = "manifest.json";
/// The doc table's file name.
pub const DOCS: &str = "docs.bin";

/// The facets, in the order of `Selection` and `Outcome::counts`: the year, the kind of
/// document answered (proposal or suggestion), the session, the source, and the genre of the
/// page itself (a reply, a plan, a summary, news …).
pub const FACETS: [&str; 5] = ["year", "kind", "session", "source", "genre"];

/// The largest manifest a reader takes (bytes): refused before it is parsed. The manifest of
/// 10,000 replies is about 12 KB.
pub const MAX_MANIFEST: usize = 1 << 20;
/// The largest file of any other kind a manifest may announce (bytes): its per-kind maxima
/// (`"sizes"`) must stay under it.
pub const MAX_FILE: usize = 16 << 20;
/// The most replies an index may hold: no reader allocates for more.
pub const MAX_REPLIES: usize = 1 << 20;

/// File types, the header's sixth byte.
pub(crate) const TYPE_DOCS: u8 = b'D';
pub(crate) const TYPE_WORDS: u8 = b'W';
pub(crate) const TYPE_FIGURES: u8 = b'F';
pub(crate) const TYPE_INDICATORS: u8 = b'I';
pub(crate) const TYPE_TITLES: u8 = b'T';

/// The magic bytes and the header's length.
pub(crate) const MAGIC: &[u8; 4] = b"RWLB";
pub(crate) const HEADER: usize = 24;

/// Why the library cannot use a file. Display gives one line naming the file.
#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// The manifest is not one of ours (not JSON, another format).
    NotAnIndex(String),
    /// Our manifest, another version.
    Version(u64),
    /// A file of ours that is truncated or damaged: the file, and what is wrong.
    Corrupt(String, String),
    /// A file written by another build of the index than the manifest's.
    OtherBuild(String),
    /// A name that is not a file of this index.
    UnknownFile(String),
    /// `search` before every file the query needs was added.
    Missing(Vec<String>),
    /// A file larger than the index allows for it: the file, its size (or the size it
    /// announced), the limit.
    TooLarge(String, u64, u64),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::NotAnIndex(why) => write!(f, "not a reply-widget index ({MANIFEST}: {why})"),
            Error::Version(v) if *v < u64::from(VERSION) => write!(
                f,
                "index version {v}, this widget reads version {VERSION}: the index is older than the widget, rebuild it with reply-widget index"
            ),
            Error::Version(v) => write!(
                f,
                "index version {v}, this widget reads version {VERSION}: the widget is older than the index, update pkg/library/"
            ),
            Error::Corrupt(file, why) => write!(f, "{file}: damaged index file ({why})"),
            Error::OtherBuild(file) => write!(
                f,
                "{file}: belongs to another build of the index than {MANIFEST} (the folder is half written or mixes two builds)"
            ),
            Error::UnknownFile(file) => write!(f, "{file}: not a file of this index"),
            Error::Missing(files) => {
                write!(f, "index files not loaded yet:")?;
                for file in files {
                    write!(f, " {file}")?;
                }
                Ok(())
            }
            Error::TooLarge(file, size, max) => {
                write!(f, "{file}: larger than the index allows ({size} bytes, at most {max}), not read")
            }
        }
    }
}

/// Whether a file of `size` bytes may be read under `max`: `Err(TooLarge)` else.
pub(crate) fn within(file: &str, size: usize, max: usize) -> Result<(), Error> {
    if size > max {
        return Err(Error::TooLarge(file.to_string(), size as u64, max as u64));
    }
    Ok(())
}

/// FNV-1a of the payload, folded to 32 bits.
fn checksum(payload: &[u8]) -> u32 {
    use std::hash::Hasher;
    let mut h = crate::util::Fnv::default();
    h.write(payload);
    let x = h.finish();
    (x ^ (x >> 32)) as u32
}

/// A whole file: header, then the payload.
pub(crate) fn seal(kind: u8, build: u64, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(MAGIC);
    out.push(VERSION as u8);
    out.push(kind);
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(&build.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(&checksum(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

fn corrupt(file: &str, why: impl Into<String>) -> Error {
    Error::Corrupt(file.to_string(), why.into())
}

/// The build id a binary file's header names, if it has one.
pub(crate) fn build_of(bytes: &[u8]) -> Option<u64> {
    if bytes.len() < HEADER || &bytes[..4] != MAGIC {
        return None;
    }
    let mut b = [0u8; 8];
    b.copy_from_slice(&bytes[8..16]);
    Some(u64::from_le_bytes(b))
}

/// The payload of a file, once its header says it is whole, of this build and of this type.
pub(crate) fn open<'a>(file: &str, bytes: &'a [u8], kind: u8, build: u64) -> Result<&'a [u8], Error> {
    if bytes.len() < HEADER || &bytes[..4] != MAGIC {
        return Err(corrupt(file, "not an index file of reply-widget"));
    }
    if u32::from(bytes[4]) != VERSION {
        return Err(corrupt(file, format!("format version {}, expected {VERSION}: rebuild the index", bytes[4])));
    }
    if bytes[5] != kind {
        return Err(corrupt(file, "a file of another type"));
    }
    let u32_at = |k: usize| u32::from_le_bytes([bytes[k], bytes[k + 1], bytes[k + 2], bytes[k + 3]]);
    let mut b = [0u8; 8];
    b.copy_from_slice(&bytes[8..16]);
    if u64::from_le_bytes(b) != build {
        return Err(Error::OtherBuild(file.to_string()));
    }
    let len = u32_at(16) as usize;
    let payload = &bytes[HEADER..];
    if payload.len() != len {
        return Err(corrupt(file, format!("{} bytes, the header says {}", bytes.len(), len + HEADER)));
    }
    if checksum(payload) != u32_at(20) {
        return Err(corrupt(file, "checksum mismatch"));
    }
    Ok(payload)
}

/// A value's flags byte, shared by the figure chunks and the indicator files: the file's own
/// code in the low three bits ([`CODE_MASK`]: a qualifier, a stance), then how its numbers are
/// stored — the value has an upper bound, the value is whole (a varint), the upper bound is.
/// Flags at or above [`FLAGS_END`] are not ours.
pub(crate) const CODE_MASK: u8 = 0b0000_0111;
const HAS_HIGH: u8 = 0b0000_1000;
const VALUE_WHOLE: u8 = 0b0001_0000;
const HIGH_WHOLE: u8 = 0b0010_0000;
const FLAGS_END: u8 = 0b0100_0000;

/// Whether a number is stored as a varint.
fn is_whole(v: f64) -> bool {
    v >= 0.0 && v.fract() == 0.0 && v < 9.0e15
}

/// The flags byte of a value with the file's `code` (at most [`CODE_MASK`]) and these numbers.
pub(crate) fn value_flags(code: u8, value: f64, high: Option<f64>) -> u8 {
    let mut flags = code & CODE_MASK;
    if high.is_some() {
        flags |= HAS_HIGH;
    }
    if is_whole(value) {
        flags |= VALUE_WHOLE;
    }
    if high.is_some_and(is_whole) {
        flags |= HIGH_WHOLE;
    }
    flags
}

fn put_number(out: &mut Vec<u8>, v: f64) {
    if is_whole(v) {
        put_varint(out, v as u64);
    } else {
        out.extend_from_slice(&v.to_le_bytes());
    }
}

/// A value and its upper bound (if any), as [`value_flags`] says they are stored.
pub(crate) fn put_numbers(out: &mut Vec<u8>, value: f64, high: Option<f64>) {
    put_number(out, value);
    if let Some(h) = high {
        put_number(out, h);
    }
}

/// A string: its length in bytes (a varint), then its UTF-8 ([`Cursor::string`] reads it).
pub(crate) fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

pub(crate) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads a payload front to back; every read fails (`None`) past the end or on a bad varint.
pub(crate) struct Cursor<'a> {
    pub bytes: &'a [u8],
    pub at: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(bytes: &'a [u8]) -> Cursor<'a> {
        Cursor { bytes, at: 0 }
    }

    pub fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            if shift > 63 {
                return None;
            }
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(v);
            }
            shift += 7;
        }
    }

    /// A varint that must fit `limit` (a count or an index bounded by what the file can hold).
    pub fn small(&mut self, limit: usize) -> Option<usize> {
        self.varint().filter(|v| *v <= limit as u64).map(|v| v as usize)
    }

    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let s = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(s)
    }

    pub fn u32(&mut self) -> Option<u32> {
        let s = self.take(4)?;
        Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }

    pub fn f64(&mut self) -> Option<f64> {
        let s = self.take(8)?;
        let mut b = [0u8; 8];
        b.copy_from_slice(s);
        Some(f64::from_le_bytes(b))
    }

    /// A flags byte ([`value_flags`]); `None` past the end or for flags that are not ours.
    pub fn flags(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0]).filter(|f| *f < FLAGS_END)
    }

    /// The value and upper bound a flags byte announces.
    pub fn numbers(&mut self, flags: u8) -> Option<(f64, Option<f64>)> {
        let mut number = |whole: bool| if whole { self.varint().map(|v| v as f64) } else { self.f64() };
        let value = number(flags & VALUE_WHOLE != 0)?;
        let high = if flags & HAS_HIGH != 0 { Some(number(flags & HIGH_WHOLE != 0)?) } else { None };
        Some((value, high))
    }

    /// A string as [`put_str`] writes it.
    pub fn string(&mut self) -> Option<String> {
        let n = self.small(self.left())?;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }

    pub fn left(&self) -> usize {
        self.bytes.len() - self.at
    }
}
