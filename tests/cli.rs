//! The command line, run as a process: JSON on success, one line and exit 1 on bad input —
//! also in a real shell: names that are not UTF-8, a closed or full stdout, named pipes and
//! devices given as files, huge files, and an output folder holding symbolic links.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The repository's root (the tests run from this crate's own folder, `src/cli`).
const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// Runs the command line from the repository's root, as the README does.
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_reply-widget")).args(args).current_dir(REPO).output().expect("the binary runs")
}

fn tmp(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("reply-widget-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write temp file");
    path.to_string_lossy().into_owned()
}

fn one_line_error(out: &Output, file: &str, problem: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "exit code 1, stderr: {err}");
    assert!(out.stdout.is_empty(), "nothing on stdout");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains(file), "names the file: {err}");
    assert!(err.contains(problem), "says {problem}: {err}");
    assert!(!err.contains("panicked") && !err.contains("backtrace"), "{err}");
}

#[test]
fn parses_the_seed_into_the_contract_json() {
    let out = run(&["parse", "tests/fixtures/reply-20230314.txt"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(v["title"], "对市政协十四届二次会议第20230314号提案的答复");
    assert_eq!(v["published"], "2023-08-22 19:35");
    assert_eq!(v["sections"].as_array().map(Vec::len), Some(4));
    assert_eq!(v["sections"][1]["children"][0]["title"], "发挥政府产业基金引导作用");
    assert_eq!(v["closing"].as_array().map(Vec::len), Some(1));
    let figures = v["figures"].as_array().expect("figures");
    assert_eq!(figures.len(), 48);
    let f = figures.iter().find(|f| f["text"] == "6%-10%").expect("range");
    for key in [
        "id",
        "text",
        "kind",
        "value",
        "high",
        "date",
        "unit",
        "qualifier",
        "section",
        "paragraph",
        "start",
        "end",
        "context",
    ] {
        assert!(f.get(key).is_some(), "figure has {key}");
    }
    assert_eq!((f["kind"].as_str(), f["value"].as_f64(), f["high"].as_f64()), (Some("percent"), Some(6.0), Some(10.0)));
    let f = figures.iter().find(|f| f["text"] == "今年4月底").expect("relative date");
    assert_eq!((f["date"].as_str(), f["qualifier"].as_str()), (Some("2023-04"), Some("end")));
}

#[test]
fn missing_file() {
    let out = run(&["parse", "no/such/reply.txt"]);
    one_line_error(&out, "no/such/reply.txt", "no such file");
}

#[test]
fn empty_file() {
    let f = tmp("empty.txt", b"  \n\n");
    one_line_error(&run(&["parse", &f]), &f, "empty");
}

#[test]
fn invalid_utf8() {
    let f = tmp("gbk.txt", &[0xb4, 0xf0, 0xb8, 0xb4, b'\n']); // 答复 in GBK
    one_line_error(&run(&["parse", &f]), &f, "not UTF-8");
}

#[test]
fn binary_input() {
    let f = tmp("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let out = run(&["parse", &f]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("binary") || err.contains("not UTF-8"), "{err}");
    one_line_error(&out, &f, "");
    let f = tmp("nul.txt", b"abc\0def");
    one_line_error(&run(&["parse", &f]), &f, "binary");
}

#[test]
fn a_directory() {
    let out = run(&["parse", "tests"]);
    one_line_error(&out, "tests", "cannot read");
}

#[test]
fn usage_errors() {
    for args in [&[][..], &["parse"][..], &["render", "x.txt"][..], &["parse", "a", "b"][..]] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains("usage: reply-widget parse FILE"));
    }
}

/// JSON equality with numbers compared as numbers (2023 and 2023.0 are the same value).
fn same(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value::*;
    match (a, b) {
        (Number(x), Number(y)) => x.as_f64() == y.as_f64(),
        (Array(x), Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
        (Object(x), Object(y)) => x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w))),
        _ => a == b,
    }
}

#[test]
fn hand_written_json_equals_serde_json() {
    // The browser's parseReply uses model::json; the CLI uses serde_json. They must agree.
    let texts = [
        reply_core::BUNDLED_TEXT,
        include_str!("fixtures/replies/flat-salutation-signature.txt"),
        include_str!("fixtures/replies/three-level-plan.txt"),
        "引号\"反斜杠\\\u{1}控制\t字符\u{2028}\n一、标题\n投入0.05亿元，增长-3.5%，1.5万亿元。",
    ];
    for text in texts {
        let r = reply_core::parse(text);
        let ours: serde_json::Value = serde_json::from_str(&reply_core::json::reply(&r)).expect("valid JSON");
        let theirs = serde_json::to_value(&r).expect("serde");
        assert!(same(&ours, &theirs), "model::json and serde_json differ for {text:?}");
    }
    let mut s = String::new();
    for v in [0.0, 28.34, 4457.56e8, 1.5e12, 0.05, 123456.789, 1e-7, -3.5] {
        s.clear();
        reply_core::json::number(&mut s, v);
        assert_eq!(s.parse::<f64>().ok(), Some(v), "{s}");
    }
}

/// A fresh folder under Cargo's temp folder for integration tests, replaced on every run.
fn fresh(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Runs the command line in `dir` with a deadline: a command that hangs (reading a named pipe
/// no one writes) is killed and the test fails, instead of hanging the suite.
fn run_in<S: AsRef<OsStr>>(dir: &Path, args: &[S]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_reply-widget"))
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let drain = |mut pipe: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().expect("stdout")));
    let stderr = drain(Box::new(child.stderr.take().expect("stderr")));
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            let args: Vec<_> = args.iter().map(|a| a.as_ref().to_string_lossy().into_owned()).collect();
            panic!("the command hangs (killed after 60 s): {args:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output { status, stdout: stdout.join().expect("stdout"), stderr: stderr.join().expect("stderr") }
}

/// The seed reply and two fixture pages that are replies.
fn seed() -> PathBuf {
    Path::new(REPO).join("tests/fixtures/reply-20230314.txt")
}
fn page(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(REPO).join("tests/fixtures/pages").join(name)).expect("fixture page")
}

/// `答复.html` in GBK: a name that is not UTF-8, as a Windows-made archive unpacks on Linux.
#[cfg(unix)]
fn gbk_name() -> &'static OsStr {
    use std::os::unix::ffi::OsStrExt;
    OsStr::from_bytes(b"\xb4\xf0\xb8\xb4.html")
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_read_named_and_linked() {
    let dir = fresh("gbk-name");
    std::fs::write(dir.join(gbk_name()), page("npc-suggestion.html")).unwrap();
    std::fs::write(dir.join("zoom-br.html"), page("zoom-br.html")).unwrap();
    let out = run_in(&dir, &[OsStr::new("parse"), gbk_name()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["title"], "对市十六届人大二次会议第0128号建议的答复");
    // A missing one is named in the message, its bad bytes shown as U+FFFD.
    use std::os::unix::ffi::OsStrExt;
    let missing = OsStr::from_bytes(b"\xb4\xf0\xb8\xb4-missing.html");
    let shown = String::from_utf8_lossy(missing.as_bytes()); // "\u{fffd}\u{fffd}-missing.html"
    one_line_error(&run_in(&dir, &[OsStr::new("parse"), missing]), &shown, "no such file");
    // Indexed with the rest; its link is the name's bytes, percent-encoded, as a server decodes.
    let out = run_in(
        &dir,
        &[OsStr::new("index"), OsStr::new("--out"), OsStr::new("out"), gbk_name(), OsStr::new("zoom-br.html")],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("indexed 2 replies of 2 files (0 skipped)"));
    let mut urls = Vec::new();
    for entry in std::fs::read_dir(dir.join("out/replies")).unwrap() {
        let card: serde_json::Value = serde_json::from_slice(&std::fs::read(entry.unwrap().path()).unwrap()).unwrap();
        urls.push(card["url"].as_str().unwrap().to_string());
    }
    urls.sort();
    assert_eq!(urls, ["%B4%F0%B8%B4.html", "zoom-br.html"]);
}

#[test]
fn a_reader_that_closes_stdout_early_ends_the_command_quietly() {
    // `reply-widget parse … | head -c 10`: the reader is gone before the JSON is written.
    let mut child = Command::new(env!("CARGO_BIN_EXE_reply-widget"))
        .args([OsStr::new("parse"), seed().as_os_str()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "a broken pipe ends quietly with status 0: {err}");
    assert!(err.is_empty(), "nothing said: {err}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_stdout_is_one_line_and_exit_1() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
    let out = Command::new(env!("CARGO_BIN_EXE_reply-widget"))
        .args([OsStr::new("parse"), seed().as_os_str()])
        .stdout(full)
        .output()
        .expect("the binary runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains("standard output: cannot write: No space left on device"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_stderr_does_not_turn_an_error_into_a_crash() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
    let out = Command::new(env!("CARGO_BIN_EXE_reply-widget"))
        .args(["parse", "no/such/reply.txt"])
        .stderr(full)
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(1));
}

#[cfg(unix)]
#[test]
fn named_pipes_devices_and_sockets_are_refused_unread() {
    let dir = fresh("special");
    // A named pipe no one writes: opening it to read would wait forever.
    let made = Command::new("mkfifo").arg(dir.join("pipe.html")).status().expect("mkfifo runs");
    assert!(made.success());
    // A link to /dev/zero: endless bytes, no size in its metadata.
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.html")).unwrap();
    let _socket = std::os::unix::net::UnixListener::bind(dir.join("socket.html")).expect("a socket");
    // A link to a regular file is read as the file.
    std::fs::write(dir.join("real.html"), page("zoom-br.html")).unwrap();
    std::os::unix::fs::symlink("real.html", dir.join("link.html")).unwrap();
    let cases = [
        ("pipe.html", "not a regular file (a named pipe)"),
        ("zero.html", "not a regular file (a device)"),
        ("/dev/null", "not a regular file (a device)"),
        ("socket.html", "not a regular file (a socket)"),
    ];
    for (file, why) in cases {
        one_line_error(&run_in(&dir, &["parse", file]), file, why);
    }
    let out = run_in(&dir, &["parse", "link.html"]);
    assert!(out.status.success(), "a link to a regular file: {}", String::from_utf8_lossy(&out.stderr));
    // The indexer reports each and indexes the rest.
    let out = run_in(&dir, &["index", "--out", "out", "pipe.html", "zero.html", "socket.html", "link.html"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    for (line, (file, why)) in lines.iter().zip(cases.iter().filter(|(f, _)| !f.starts_with('/'))) {
        assert_eq!(*line, format!("reply-widget: {file}: cannot read: {why}"));
    }
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("indexed 1 replies of 4 files (3 skipped)"));
}

#[test]
fn parse_refuses_a_file_over_the_size_limit() {
    let dir = fresh("size");
    let mut huge = b"<!DOCTYPE html><p>".to_vec();
    huge.resize(5 << 20, b'a');
    std::fs::write(dir.join("huge.html"), &huge).unwrap();
    let started = Instant::now();
    one_line_error(&run_in(&dir, &["parse", "huge.html"]), "huge.html", "larger than 4 MiB (5242880 bytes), not read");
    assert!(started.elapsed() < Duration::from_secs(20), "refused before it is parsed");
    // --max-size: lower, higher, and not a size.
    let seed = seed();
    let seed = seed.to_str().unwrap();
    one_line_error(&run_in(&dir, &["parse", "--max-size", "100", seed]), seed, "larger than 100 bytes");
    assert!(run_in(&dir, &["parse", seed, "--max-size", "1M"]).status.success());
    for bad in ["0", "4X", "", "-1"] {
        let out = run_in(&dir, &["parse", seed, "--max-size", bad]);
        assert_eq!(out.status.code(), Some(1), "--max-size {bad:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--max-size"));
    }
    let out = run_in(&dir, &["index", "--out", "out", "--max-size", "4K", "huge.html", seed]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("huge.html: larger than 4 KiB (5242880 bytes)"), "{err}");
    assert!(err.contains("reply-20230314.txt: larger than 4 KiB"), "{err}");
}

/// A file whose metadata says nothing of its size (`/proc`) is cut off at the limit as read.
#[cfg(target_os = "linux")]
#[test]
fn the_limit_holds_while_reading_not_only_by_metadata() {
    assert_eq!(std::fs::metadata("/proc/self/status").unwrap().len(), 0, "its metadata says 0 bytes");
    let out = run(&["parse", "--max-size", "100", "/proc/self/status"]);
    one_line_error(&out, "/proc/self/status", "larger than 100 bytes, not read");
}

#[test]
fn a_double_dash_ends_the_options() {
    let dir = fresh("dashes");
    std::fs::copy(seed(), dir.join("--reply.txt")).unwrap();
    let out = run_in(&dir, &["parse", "--", "--reply.txt"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = run_in(&dir, &["index", "--out", "out", "--", "--reply.txt"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[cfg(unix)]
#[test]
fn the_output_folder_is_never_written_through_a_link() {
    use std::os::unix::fs::symlink;
    let dir = fresh("links");
    std::fs::write(dir.join("reply.html"), page("zoom-br.html")).unwrap();
    // Someone else's folder, and links to it planted in the output folder.
    let victim = dir.join("victim");
    std::fs::create_dir(&victim).unwrap();
    for name in ["0.bin", "1.bin", "0.json", "target.txt", "hard.json"] {
        std::fs::write(victim.join(name), "precious").unwrap();
    }
    let out_dir = dir.join("out");
    std::fs::create_dir_all(out_dir.join("replies")).unwrap();
    symlink(&victim, out_dir.join("words")).unwrap(); // a folder of ours, a link
    symlink(victim.join("target.txt"), out_dir.join("docs.bin")).unwrap(); // a file of ours, a link
    symlink(victim.join("target.txt"), out_dir.join("manifest.json.tmp")).unwrap(); // the temporary name
    symlink(victim.join("0.json"), out_dir.join("replies/99.json")).unwrap(); // a stale file, a link
    std::fs::hard_link(victim.join("hard.json"), out_dir.join("replies/0.json")).unwrap(); // a hard link
    let out = run_in(&dir, &["index", "--out", "out", "reply.html"]);
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(summary.contains("1 files of an earlier build removed"), "the stale link: {summary}");
    // Nothing of the other folder was written or removed.
    let mut left: Vec<(String, String)> = std::fs::read_dir(&victim)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).unwrap())
        })
        .collect();
    left.sort();
    let want: Vec<(String, String)> = ["0.bin", "0.json", "1.bin", "hard.json", "target.txt"]
        .iter()
        .map(|n| (n.to_string(), "precious".to_string()))
        .collect();
    assert_eq!(left, want);
    // The output folder holds real files and folders now, and no temporary name.
    let kind = |p: &str| std::fs::symlink_metadata(out_dir.join(p)).map(|m| m.file_type());
    assert!(kind("words").unwrap().is_dir());
    for p in ["docs.bin", "manifest.json", "replies/0.json"] {
        assert!(kind(p).unwrap().is_file(), "{p}");
    }
    assert!(kind("manifest.json.tmp").is_err() && kind("replies/99.json").is_err());
    assert!(std::fs::read_dir(out_dir.join("words")).unwrap().count() > 0);

    // --out itself a link: refused, nothing written there.
    let elsewhere = dir.join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    symlink(&elsewhere, dir.join("link-out")).unwrap();
    for link in ["link-out", "link-out/"] {
        let out = run_in(&dir, &["index", "--out", link, "reply.html"]);
        one_line_error(&out, "link-out", "--out is a symbolic link");
    }
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
}

/// Two replies of one bureau three years apart: a target and, later, the result.
const PROMISED: &str = "关于加快科技成果转化的提案的答复\n发布时间：2021-06-10 10:00\n张委员：\n您提出的关于加快科技成果转化的提案收悉。现答复如下：\n一、工作目标\n力争到2025年，全市技术合同成交额达到2700亿元。\n市科技局\n2021年6月8日\n";
const REPORTED: &str = "关于科技成果转化工作的提案的答复\n发布时间：2024-05-20 09:00\n李委员：\n您提出的提案收悉。现答复如下：\n一、工作进展\n截至2023年底，全市技术合同成交额达到2104亿元。\n市科技局\n2024年5月18日\n";

#[test]
fn indicators_writes_one_indicator_across_replies_in_time_order() {
    let dir = fresh("indicators");
    std::fs::write(dir.join("2024.txt"), REPORTED).expect("write");
    std::fs::write(dir.join("2021.txt"), PROMISED).expect("write");
    std::fs::write(dir.join("broken.txt"), b"\xff\xfe").expect("write");
    // Given newest first, with a bad file among them: the table is in time order, the bad file
    // reported on its own line and skipped.
    let out = run_in(&dir, &["indicators", "--out", "table.csv", "2024.txt", "broken.txt", "2021.txt"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert_eq!(err.lines().count(), 1, "one line for the bad file: {err}");
    assert!(err.contains("broken.txt"), "{err}");
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("2 of 3 files") && summary.contains("table.csv"), "{summary}");
    let table = std::fs::read_to_string(dir.join("table.csv")).expect("the table is written");
    let rows: Vec<Vec<&str>> = table.trim_start_matches('\u{feff}').lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(rows[0][..4], ["指标", "日期", "立场", "数值"]);
    let ours: Vec<(&str, &str, &str, &str, &str)> =
        rows[1..].iter().filter(|r| r[0] == "技术合同成交额").map(|r| (r[1], r[2], r[3], r[7], r[11])).collect();
    assert_eq!(
        ours,
        [("2024-05", "成果", "210400000000", "", "2024.txt"), ("2025", "目标", "270000000000", "2025", "2021.txt")],
        "{table}"
    );
}

#[test]
fn indicators_to_stdout_and_never_through_a_link() {
    let dir = fresh("indicators-link");
    std::fs::write(dir.join("2021.txt"), PROMISED).expect("write");
    let out = run_in(&dir, &["indicators", "2021.txt"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("技术合同成交额,2025,目标"));
    // `--out` naming a link to another file: the link is replaced, its target left as it was.
    std::fs::write(dir.join("keep.txt"), "theirs").expect("write");
    std::os::unix::fs::symlink(dir.join("keep.txt"), dir.join("link.csv")).expect("symlink");
    let out = run_in(&dir, &["indicators", "--out", "link.csv", "2021.txt"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(dir.join("keep.txt")).expect("read"), "theirs");
    assert!(!std::fs::symlink_metadata(dir.join("link.csv")).expect("meta").file_type().is_symlink());
    // A folder in the way, and no file at all: one line, exit 1.
    std::fs::create_dir(dir.join("folder.csv")).expect("mkdir");
    let out = run_in(&dir, &["indicators", "--out", "folder.csv", "2021.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a directory"));
    let out = run_in(&dir, &["indicators", "--out", "x.csv"]);
    assert_eq!(out.status.code(), Some(1));
}
