//! `reply-widget index`: reads the files, has the core's [`Builder`] make the index, and
//! writes it to the folder.

use std::ffi::{OsStr, OsString};
use std::path::Path;

use reply_core::library::{Builder, Genre, MANIFEST};

use crate::{io, parse_file, utf8, USAGE};

/// `index --out DIR [--url-prefix P] [--article SEL] [--replies-only] FILE...`: reads every file
/// (at most `max` bytes each), reports each bad one on one line of stderr, indexes the rest —
/// every page with its genre (a reply, a plan, a summary, news …), or with `--replies-only` the
/// replies alone, reporting the others — writes the files
/// (`io::write_folder`: never through a link, the manifest last), removes files of an earlier
/// build that the new one does not have, and returns the summary line.
pub(crate) fn index(args: &[OsString], max: u64) -> Result<String, String> {
    let started = std::time::Instant::now();
    let mut out = None;
    let mut prefix = String::new();
    let mut article = None;
    let mut replies_only = false;
    let mut files: Vec<&OsStr> = Vec::new();
    let mut options = true;
    let mut k = 0;
    while k < args.len() {
        let value = || args.get(k + 1).ok_or_else(|| format!("{} needs a value; {USAGE}", args[k].to_string_lossy()));
        match args[k].to_str() {
            Some("--") if options => {
                options = false;
                k += 1;
                continue;
            }
            Some("--out") if options => out = Some(Path::new(value()?)),
            Some("--url-prefix") if options => prefix = utf8(args.get(k + 1), "--url-prefix")?.to_string(),
            Some("--article") if options => article = Some(utf8(args.get(k + 1), "--article")?),
            Some("--replies-only") if options => {
                replies_only = true;
                k += 1;
                continue;
            }
            Some(f) if options && f.starts_with("--") => return Err(format!("unexpected argument '{f}'; {USAGE}")),
            _ => {
                files.push(&args[k]);
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
    let mut builder = Builder::new(&prefix).replies_only(replies_only);
    let mut skipped = 0;
    let mut genres = [0usize; Genre::ALL.len()];
    // Replies are annotated (targets and results, deadlines, indicators: issue 22) so that the
    // index's indicator files hold them.
    let read = |file: &OsStr| {
        parse_file(Path::new(file), article, max).map(|mut reply| {
            reply_core::parse::annotate(&mut reply);
            reply
        })
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
                    Err(_) => all.extend(
                        part.iter()
                            .map(|f| Err(format!("{}: the parser failed on this file", io::shown(Path::new(f))))),
                    ),
                }
            }
            all
        });
        for (file, result) in batch.iter().zip(parsed) {
            // The reply's URL is the prefix and the file's path as given (relative to where the
            // command runs: `archive/r00001.html`), or its bare name for an absolute path.
            let name = io::url_name(file);
            let shown = io::shown(Path::new(file));
            let result = result.and_then(|reply| builder.add(&name, &reply).map_err(|e| format!("{shown}: {e}")));
            match result {
                Ok(g) => genres[Genre::ALL.iter().position(|x| *x == g).unwrap_or(0)] += 1,
                Err(msg) => {
                    io::warn(&msg);
                    skipped += 1;
                }
            }
        }
    }
    if builder.is_empty() {
        return Err(format!(
            "no file could be indexed ({} given, {skipped} skipped); {} left as it was",
            files.len(),
            io::shown(out)
        ));
    }
    // "131 replies", or "133 pages (131 replies, 1 plan, 1 news)" when not all are.
    let pages = builder.len();
    let what = if genres[0] == pages {
        format!("{pages} replies")
    } else {
        let mut parts = Vec::new();
        for (g, count) in Genre::ALL.iter().zip(genres) {
            if count > 0 {
                let name = if *g == Genre::Reply { "replies" } else { g.as_str() };
                parts.push(format!("{count} {name}"));
            }
        }
        format!("{pages} pages ({})", parts.join(", "))
    };
    let written = builder.build();
    // Files of an earlier, larger build in the same folder: only names the index itself gives
    // (`words/12.bin`, `figures/3-0.bin`, `replies/42.json`, `indicators/2.bin`, `titles/0.bin`),
    // never anything else there.
    let stale =
        [("words", ".bin"), ("figures", ".bin"), ("replies", ".json"), ("indicators", ".bin"), ("titles", ".bin")];
    let io::Written { bytes, removed } = io::write_folder(out, &written, MANIFEST, &stale)?;
    let stale = if removed > 0 { format!(", {removed} files of an earlier build removed") } else { String::new() };
    Ok(format!(
        "indexed {what} of {} files ({skipped} skipped) into {}: {} files, {bytes} bytes, in {:.1} s{stale}",
        files.len(),
        io::shown(out),
        written.len(),
        started.elapsed().as_secs_f64()
    ))
}
