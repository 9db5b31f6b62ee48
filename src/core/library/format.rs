//! The binary files' envelope and numbers: a 24-byte header (magic, version, file type, build id,
//! payload length, checksum), LEB128 varints, little-endian fixed widths.

use super::{Error, VERSION};

pub(crate) const MAGIC: &[u8; 4] = b"RWLB";
pub(crate) const HEADER: usize = 24;

/// File types, the header's sixth byte.
pub(crate) const DOCS: u8 = b'D';
pub(crate) const WORDS: u8 = b'W';
pub(crate) const FIGURES: u8 = b'F';

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

/// The payload of a file, once its header says it is whole, of this build and of this type.
pub(crate) fn open<'a>(file: &str, bytes: &'a [u8], kind: u8, build: u64) -> Result<&'a [u8], Error> {
    if bytes.len() < HEADER || &bytes[..4] != MAGIC {
        return Err(corrupt(file, "not an index file of reply-widget"));
    }
    if u32::from(bytes[4]) != VERSION {
        return Err(corrupt(file, format!("format version {}, expected {VERSION}", bytes[4])));
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

    pub fn left(&self) -> usize {
        self.bytes.len() - self.at
    }
}
