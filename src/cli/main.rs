//! The command line:
//!
//! ```text
//! reply-widget parse FILE [--article SELECTOR]     the structured reply as JSON on stdout
//! reply-widget index --out DIR [--url-prefix P] [--article SELECTOR] FILE...
//!     (each reply's URL: P + the file's path as given, `archive/r00001.html`)
//!                                                  a static library index of many replies
//! reply-widget indicators [--out FILE.csv] [--article SELECTOR] FILE...
//!                                                  the indicator × date table (CSV)
//! ```
//!
//! FILE is a plain-text reply or a saved HTML page (told apart by content). Bad input gets one
//! line on stderr naming the file and the problem, and exit code 1; `index` reports each bad
//! file (unreadable, not a regular file, not UTF-8, binary, empty, larger than 4 MiB or
//! `--max-size SIZE`, not a reply, a duplicate) on its own line, indexes the rest and fails
//! only when none is left. `--` ends the options (a file named `--x`).
//!
//! This file: the arguments, `parse`, reading a file as text; `index.rs`: the `index` command;
//! `indicators.rs`: the `indicators` command (the indicator × date table as CSV);
//! `io.rs`: safe reading, the output folder's writing, standard output and error.

use std::ffi::{OsStr, OsString};
use std::path::Path;
use std::process::ExitCode;

use reply_core::Reply;
use reply_widget_cli::html;

mod index;
mod indicators;
mod io;

const USAGE: &str = "usage: reply-widget parse FILE [--article SELECTOR] [--max-size SIZE] | reply-widget index --out DIR [--url-prefix PREFIX] [--article SELECTOR] [--max-size SIZE] [--replies-only] FILE... | reply-widget indicators [--out FILE.csv] [--article SELECTOR] [--max-size SIZE] FILE...";

/// Reads a file as text, with the one-line errors of the contract: a regular file of at most
/// `max` bytes ([`io::read_capped`]), UTF-8, not binary, not empty.
fn read_text(path: &Path, max: u64) -> Result<String, String> {
    let file = io::shown(path);
    let bytes = io::read_capped(path, max)?;
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
fn parse_file(path: &Path, article: Option<&str>, max: u64) -> Result<Reply, String> {
    let text = read_text(path, max)?;
    let file = io::shown(path);
    if html::is_html(&text) {
        let page = html::read_page(&text, article).map_err(|e| format!("{file}: {e}"))?;
        if page.text.lines.is_empty() {
            return Err(format!("{file}: the page's article holds no text"));
        }
        Ok(page.parsed.reply)
    } else if let Some(sel) = article {
        Err(format!("{file}: --article \"{sel}\" given, but the file is plain text, not an HTML page"))
    } else {
        Ok(reply_core::parse(&text))
    }
}

/// An option's value that must be text (a selector, a URL prefix).
fn utf8<'a>(value: Option<&'a OsString>, option: &str) -> Result<&'a str, String> {
    let value = value.ok_or_else(|| format!("{option} needs a value; {USAGE}"))?;
    value.to_str().ok_or_else(|| format!("{option} \"{}\": not UTF-8 text", value.to_string_lossy()))
}

/// Takes `--max-size SIZE` (any command, before a `--`) out of the arguments: the size limit
/// of one input file.
fn max_size(args: &[OsString]) -> Result<(Vec<OsString>, u64), String> {
    let mut rest = Vec::with_capacity(args.len());
    let mut max = io::DEFAULT_MAX;
    let mut k = 0;
    while k < args.len() {
        if args[k] == "--" {
            rest.extend_from_slice(&args[k..]);
            break;
        }
        if args[k] == "--max-size" {
            let value = utf8(args.get(k + 1), "--max-size")?;
            max = io::parse_size(value)
                .ok_or_else(|| format!("--max-size \"{value}\": give a size in bytes, or with K or M (512K, 8M)"))?;
            k += 2;
            continue;
        }
        rest.push(args[k].clone());
        k += 1;
    }
    Ok((rest, max))
}

fn run(args: &[OsString]) -> Result<String, String> {
    let (args, max) = max_size(args)?;
    let Some((cmd, rest)) = args.split_first() else {
        return Err(USAGE.to_string());
    };
    match cmd.to_str() {
        Some("parse") => {
            let mut file: Option<&OsStr> = None;
            let mut article = None;
            let mut options = true;
            let mut k = 0;
            while k < rest.len() {
                match rest[k].to_str() {
                    Some("--") if options => options = false,
                    Some("--article") if options => {
                        article = Some(utf8(rest.get(k + 1), "--article")?);
                        k += 1;
                    }
                    Some(o) if options && o.starts_with("--") => {
                        return Err(format!("unexpected argument '{o}'; {USAGE}"))
                    }
                    _ if file.is_none() => file = Some(&rest[k]),
                    _ => return Err(format!("unexpected argument '{}'; {USAGE}", rest[k].to_string_lossy())),
                }
                k += 1;
            }
            let file = Path::new(file.ok_or_else(|| USAGE.to_string())?);
            let mut reply = parse_file(file, article, max)?;
            // Issue 22: targets and results, deadlines, indicators.
            reply_core::parse::annotate(&mut reply);
            // The rule that decided each figure's stance, for the promise report (RW_RULES=1).
            if std::env::var_os("RW_RULES").is_some() {
                for (k, w) in reply_core::parse::promise::last_rules().iter().enumerate() {
                    eprintln!("rule\t{k}\t{w}");
                }
            }
            serde_json::to_string_pretty(&reply).map_err(|e| format!("{}: cannot write JSON: {e}", io::shown(file)))
        }
        Some("index") => index::index(rest, max),
        Some("indicators") => indicators::indicators(rest, max),
        _ => Err(format!("unknown command '{}'; {USAGE}", cmd.to_string_lossy())),
    }
}

/// Arguments are OS strings (a file name need not be UTF-8); the output goes out through
/// [`io::print`], errors through [`io::warn`]: exit code 1 on any error, 0 when the reader of
/// standard output closed it early.
fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    match run(&args).and_then(|out| io::print(&out)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            io::warn(&msg);
            ExitCode::FAILURE
        }
    }
}
