//! `reply-widget indicators`: the indicator × date table of a set of replies as CSV — every
//! figure that measures an indicator (技术合同成交额, 中试平台 …), its date, whether it was a
//! target or a result, sorted by indicator and then by date, so one indicator's history reads
//! down the rows. Open data a bureau can publish beside its replies.

use std::ffi::{OsStr, OsString};
use std::path::Path;

use reply_core::export::{indicators_csv, observations};

use crate::{io, parse_file, utf8, USAGE};

/// `indicators [--out FILE.csv] [--article SEL] FILE...`: reads every file (at most `max` bytes
/// each), reports each bad one on one line of stderr, and writes the table to `--out` (never
/// through a link: [`io::write_file`]) or, without it, returns it for standard output. Fails
/// when no file could be read.
pub(crate) fn indicators(args: &[OsString], max: u64) -> Result<String, String> {
    let mut out = None;
    let mut article = None;
    let mut files: Vec<&OsStr> = Vec::new();
    let mut options = true;
    let mut k = 0;
    while k < args.len() {
        match args[k].to_str() {
            Some("--") if options => options = false,
            Some("--out") if options => {
                let value = args.get(k + 1).ok_or_else(|| format!("--out needs a value; {USAGE}"))?;
                out = Some(Path::new(value));
                k += 1;
            }
            Some("--article") if options => {
                article = Some(utf8(args.get(k + 1), "--article")?);
                k += 1;
            }
            Some(f) if options && f.starts_with("--") => return Err(format!("unexpected argument '{f}'; {USAGE}")),
            _ => files.push(&args[k]),
        }
        k += 1;
    }
    if files.is_empty() {
        return Err(format!("indicators needs at least one FILE; {USAGE}"));
    }
    let mut replies = Vec::with_capacity(files.len());
    for file in &files {
        match parse_file(Path::new(file), article, max) {
            Ok(mut reply) => {
                reply_core::parse::annotate(&mut reply);
                replies.push((io::url_name(file), reply));
            }
            Err(msg) => io::warn(&msg),
        }
    }
    if replies.is_empty() {
        return Err(format!("no file could be read ({} given)", files.len()));
    }
    let mut rows = observations(&replies);
    // By indicator, then date, then source (a stable sort keeps a reply's own order).
    rows.sort_by(|a, b| {
        (a.figure.indicator.as_deref(), a.when(), a.source).cmp(&(b.figure.indicator.as_deref(), b.when(), b.source))
    });
    let table = indicators_csv(&rows);
    let Some(out) = out else { return Ok(table) };
    io::write_file(out, table.as_bytes())?;
    let mut names: Vec<&str> = rows.iter().filter_map(|o| o.figure.indicator.as_deref()).collect();
    names.dedup();
    Ok(format!(
        "wrote {} values of {} indicators from {} of {} files to {}\n",
        rows.len(),
        names.len(),
        replies.len(),
        files.len(),
        io::shown(out)
    ))
}
