//! The command line, run as a process: JSON on success, one line and exit 1 on bad input.

use std::process::{Command, Output};

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
