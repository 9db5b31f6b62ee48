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
//!
//! This file: the arguments, `parse`, reading a file; `index.rs`: the `index` command.

use std::process::ExitCode;

use reply_core::Reply;
use reply_widget_cli::html;

mod index;

const USAGE: &str = "usage: reply-widget parse FILE [--article SELECTOR] | reply-widget index --out DIR [--url-prefix PREFIX] [--article SELECTOR] FILE...";

/// Reads a file as text, with the one-line errors of the contract.
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
fn parse_file(file: &str, article: Option<&str>) -> Result<Reply, String> {
    let text = read_text(file)?;
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
            // Issue 22: targets and results, deadlines, indicators.
            reply_core::parse::annotate(&mut reply);
            serde_json::to_string_pretty(&reply).map_err(|e| format!("{file}: cannot write JSON: {e}"))
        }
        "index" => index::index(rest),
        _ => Err(format!("unknown command '{cmd}'; {USAGE}")),
    }
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
