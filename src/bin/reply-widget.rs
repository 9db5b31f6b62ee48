//! `reply-widget parse FILE`: prints the structured reply as JSON.

// The command line is native only; in a wasm32 build (the browser tests) it is an empty stub.
#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]

use std::process::ExitCode;

const USAGE: &str = "usage: reply-widget parse FILE";

fn run(args: &[String]) -> Result<String, String> {
    let [cmd, file] = args else {
        return Err(USAGE.to_string());
    };
    if cmd != "parse" {
        return Err(format!("unknown command '{cmd}'; {USAGE}"));
    }
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
    let reply = reply_widget::parse(&text);
    to_json(&reply, file)
}

#[cfg(not(target_arch = "wasm32"))]
fn to_json(reply: &reply_widget::Reply, file: &str) -> Result<String, String> {
    serde_json::to_string_pretty(reply).map_err(|e| format!("{file}: cannot write JSON: {e}"))
}

#[cfg(target_arch = "wasm32")]
fn to_json(_: &reply_widget::Reply, _: &str) -> Result<String, String> {
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
