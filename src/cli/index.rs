//! `reply-widget index`: reads the files, has the core's [`Builder`] make the index, and
//! writes it to the folder.

use std::path::Path;

use reply_core::library::{Builder, MANIFEST};

use crate::{parse_file, USAGE};

/// Files larger than this are not read: no reply is near it, and a huge page would hold the
/// index back.
const MAX_FILE: u64 = 4 << 20;

/// `index --out DIR [--url-prefix P] [--article SEL] FILE...`: reads every file, reports each
/// bad one on one line of stderr, indexes the rest, writes the files (the manifest last, through
/// a temporary name), removes files of an earlier build that the new one does not have, and
/// returns the summary line.
pub(crate) fn index(args: &[String]) -> Result<String, String> {
    let started = std::time::Instant::now();
    let mut out = None;
    let mut prefix = String::new();
    let mut article = None;
    let mut files: Vec<&str> = Vec::new();
    let mut k = 0;
    while k < args.len() {
        let value = || args.get(k + 1).map(String::as_str).ok_or_else(|| format!("{} needs a value; {USAGE}", args[k]));
        match args[k].as_str() {
            "--out" => out = Some(value()?),
            "--url-prefix" => prefix = value()?.to_string(),
            "--article" => article = Some(value()?),
            f if f.starts_with("--") => return Err(format!("unexpected argument '{f}'; {USAGE}")),
            f => {
                files.push(f);
                k += 1;
                continue;
            }
        }
        k += 2;
    }
    let out = out.ok_or_else(|| format!("index needs --out DIR; {USAGE}"))?;
    if files.is_empty() {
        return Err(format!("index needs at least one FILE; {USAGE}"));
    }
    let mut builder = Builder::new(&prefix);
    let mut skipped = 0;
    let read = |file: &str| match std::fs::metadata(file) {
        Ok(m) if m.is_file() && m.len() > MAX_FILE => {
            Err(format!("{file}: larger than 4 MiB ({} bytes), not read", m.len()))
        }
        _ => parse_file(file, article),
    };
    // Files are read and parsed on every core, a batch at a time (so that only a batch of
    // parsed replies is held), then added in the order given.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    for batch in files.chunks(64 * threads) {
        let per = batch.len().div_ceil(threads);
        let parsed: Vec<Result<reply_core::Reply, String>> = std::thread::scope(|s| {
            let handles: Vec<_> = batch
                .chunks(per)
                .map(|part| (part, s.spawn(move || part.iter().map(|f| read(f)).collect::<Vec<_>>())))
                .collect();
            let mut all = Vec::with_capacity(batch.len());
            for (part, h) in handles {
                // The parser does not panic; if it ever did, its files are reported, not lost.
                match h.join() {
                    Ok(results) => all.extend(results),
                    Err(_) => all.extend(part.iter().map(|f| Err(format!("{f}: the parser failed on this file")))),
                }
            }
            all
        });
        for (file, result) in batch.iter().zip(parsed) {
            // The reply's URL is the prefix and the file's path as given (relative to where the
            // command runs: `archive/r00001.html`), or its bare name for an absolute path.
            let path = Path::new(file);
            let name = if path.is_relative() {
                file.trim_start_matches("./").replace('\\', "/")
            } else {
                path.file_name().map_or_else(|| file.to_string(), |n| n.to_string_lossy().into_owned())
            };
            let result = result.and_then(|reply| builder.add(&name, &reply).map_err(|e| format!("{file}: {e}")));
            if let Err(msg) = result {
                eprintln!("reply-widget: {msg}");
                skipped += 1;
            }
        }
    }
    if builder.is_empty() {
        return Err(format!(
            "no file could be indexed ({} given, {skipped} skipped); {out} left as it was",
            files.len()
        ));
    }
    let replies = builder.len();
    let written = builder.build();
    let dir = Path::new(out);
    let fail = |path: &Path, e: std::io::Error| format!("{}: cannot write: {e}", path.display());
    let mut bytes = 0;
    let mut names = std::collections::HashSet::new();
    for (name, data) in &written {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| fail(parent, e))?;
        }
        bytes += data.len();
        names.insert(name.clone());
        if name == MANIFEST {
            // Last, and whole or not at all: a reader never sees a half-written manifest.
            let tmp = dir.join(format!("{name}.tmp"));
            std::fs::write(&tmp, data).map_err(|e| fail(&tmp, e))?;
            std::fs::rename(&tmp, &path).map_err(|e| fail(&path, e))?;
        } else {
            std::fs::write(&path, data).map_err(|e| fail(&path, e))?;
        }
    }
    // Files of an earlier, larger build in the same folder: only names the index itself gives
    // (`words/12.bin`, `figures/3-0.bin`, `replies/42.json`), never anything else there.
    let mut removed = 0;
    for (sub, ext) in [("words", ".bin"), ("figures", ".bin"), ("replies", ".json")] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else { continue };
        for entry in entries.flatten() {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            let ours = file_name
                .strip_suffix(ext)
                .is_some_and(|stem| !stem.is_empty() && stem.bytes().all(|b| b.is_ascii_digit() || b == b'-'));
            if ours && !names.contains(&format!("{sub}/{file_name}")) && std::fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
    }
    let stale = if removed > 0 { format!(", {removed} files of an earlier build removed") } else { String::new() };
    Ok(format!(
        "indexed {replies} replies of {} files ({skipped} skipped) into {out}: {} files, {bytes} bytes, in {:.1} s{stale}",
        files.len(),
        written.len(),
        started.elapsed().as_secs_f64()
    ))
}
