//! The command line:
//!
//! ```text
//! reply-widget parse FILE [--article SELECTOR]     the structured reply as JSON on stdout
//! reply-widget index --out DIR [--url-prefix P] [--article SELECTOR] FILE...
//!     (each reply's URL: P + the file's path as given, `archive/r00001.html`)
//!                                                  a static library index of many replies
//! ```
//!
//! FILE is a plain-text reply or a saved HTML page (told apart by content). Bad input gets one
//! line on stderr naming the file and the problem, and exit code 1; `index` reports each bad
//! file (unreadable, not UTF-8, binary, empty, larger than 4 MiB, not a reply, a duplicate) on
//! its own line, indexes the rest and fails only when none is left.

// The command line is native only; in a wasm32 build (the browser tests) it is an empty stub.
#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]

use std::process::ExitCode;

const USAGE: &str = "usage: reply-widget parse FILE [--article SELECTOR] | reply-widget index --out DIR [--url-prefix PREFIX] [--article SELECTOR] FILE...";

/// Reads a file as text, with the one-line errors of the contract.
#[cfg(not(target_arch = "wasm32"))]
fn read_text(file: &str) -> Result<String, String> {
    let bytes = std::fs::read(file).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ if std::path::Path::new(file).is_dir() => "is a directory".to_string(),
            _ => e.to_string(),
        };
        format!("{file}: cannot read: {why}")
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("{file}: not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))?;
    if text.contains('\0') || text.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        return Err(format!("{file}: binary data, not a text reply"));
    }
    if text.trim().is_empty() {
        return Err(format!("{file}: empty file, nothing to parse"));
    }
    Ok(text)
}

/// Parses a file: a saved page through the page reader, plain text through the parser.
#[cfg(not(target_arch = "wasm32"))]
fn parse_file(file: &str, article: Option<&str>) -> Result<reply_widget::Reply, String> {
    let text = read_text(file)?;
    if reply_widget::page::html::is_html(&text) {
        let page = reply_widget::page::html::read_page(&text, article).map_err(|e| format!("{file}: {e}"))?;
        if page.text.lines.is_empty() {
            return Err(format!("{file}: the page's article holds no text"));
        }
        Ok(page.parsed.reply)
    } else if let Some(sel) = article {
        Err(format!("{file}: --article \"{sel}\" given, but the file is plain text, not an HTML page"))
    } else {
        Ok(reply_widget::parse(&text))
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run(args: &[String]) -> Result<String, String> {
    let Some((cmd, rest)) = args.split_first() else {
        return Err(USAGE.to_string());
    };
    match cmd.as_str() {
        "parse" => {
            let mut file = None;
            let mut article = None;
            let mut k = 0;
            while k < rest.len() {
                match rest[k].as_str() {
                    "--article" => {
                        article = Some(rest.get(k + 1).ok_or("--article needs a CSS selector")?.as_str());
                        k += 2;
                    }
                    f if file.is_none() && !f.starts_with("--") => {
                        file = Some(f);
                        k += 1;
                    }
                    other => return Err(format!("unexpected argument '{other}'; {USAGE}")),
                }
            }
            let file = file.ok_or_else(|| USAGE.to_string())?;
            let mut reply = parse_file(file, article)?;
            // Issue 22: targets and results, deadlines, indicators (the page decides these later).
            reply_widget::parse::annotate(&mut reply);
            serde_json::to_string_pretty(&reply).map_err(|e| format!("{file}: cannot write JSON: {e}"))
        }
        "index" => index(rest),
        _ => Err(format!("unknown command '{cmd}'; {USAGE}")),
    }
}

/// Files larger than this are not read: no reply is near it, and a huge page would hold the
/// index back.
#[cfg(not(target_arch = "wasm32"))]
const MAX_FILE: u64 = 4 << 20;

/// `index --out DIR [--url-prefix P] [--article SEL] FILE...`: reads every file, reports each
/// bad one on one line of stderr, indexes the rest, writes the files (the manifest last, through
/// a temporary name), removes files of an earlier build that the new one does not have, and
/// returns the summary line.
#[cfg(not(target_arch = "wasm32"))]
fn index(args: &[String]) -> Result<String, String> {
    use std::path::Path;
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
    let mut builder = reply_widget::library::Builder::new(&prefix);
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
        let parsed: Vec<Result<reply_widget::Reply, String>> = std::thread::scope(|s| {
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
        if name == reply_widget::library::MANIFEST {
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

#[cfg(target_arch = "wasm32")]
fn run(_: &[String]) -> Result<String, String> {
    Err("the command line runs natively only".into())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("reply-widget: {msg}");
            ExitCode::FAILURE
        }
    }
}
