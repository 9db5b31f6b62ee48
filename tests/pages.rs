//! The page reader on reply pages as Chinese government CMSs publish them
//! (`tests/fixtures/pages/`, written for these tests): every page's title, publication date,
//! outline and figures as a careful reader expects them (the expectation files).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use reply_widget::page::html::read_page;
use reply_widget::Reply;
use serde_json::Value;

fn pages() -> Vec<(String, String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(&path).expect("page");
            let expect: Value =
                serde_json::from_str(&std::fs::read_to_string(path.with_extension("json")).expect("expectation"))
                    .expect("JSON");
            out.push((path.file_name().unwrap().to_string_lossy().into_owned(), html, expect));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 10, "at least 10 pages");
    out
}

fn read(html: &str, expect: &Value) -> Reply {
    let sel = expect["article"].as_str().expect("article selector");
    read_page(html, Some(sel)).expect("the page reads").parsed.reply
}

/// (depth, number, title) of each heading, to compare with the expectation at a glance.
fn outline(r: &Reply) -> Vec<(u64, String, String)> {
    r.walk_sections()
        .into_iter()
        .filter(|(_, s)| !s.number.is_empty())
        .map(|(d, s)| (d as u64, s.number.clone(), s.title.clone()))
        .collect()
}

/// Collects every page's mismatch, so one run shows them all.
fn check<T: PartialEq + std::fmt::Debug>(wrong: &mut Vec<String>, name: &str, what: &str, got: T, want: T) {
    if got != want {
        wrong.push(format!("{name}: {what}\n  got:  {got:?}\n  want: {want:?}"));
    }
}

fn report(wrong: Vec<String>) {
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn titles_and_publication_dates() {
    let mut wrong = Vec::new();
    for (name, html, expect) in pages() {
        let r = read(&html, &expect);
        check(&mut wrong, &name, "title", r.title.as_str(), expect["title"].as_str().unwrap());
        check(&mut wrong, &name, "published", r.published.as_deref(), expect["published"].as_str());
    }
    report(wrong);
}

#[test]
fn outlines() {
    let mut wrong = Vec::new();
    for (name, html, expect) in pages() {
        let want: Vec<(u64, String, String)> = expect["outline"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| (h[0].as_u64().unwrap(), h[1].as_str().unwrap().into(), h[2].as_str().unwrap().into()))
            .collect();
        check(&mut wrong, &name, "outline", outline(&read(&html, &expect)), want);
    }
    report(wrong);
}

#[test]
fn figures_with_their_kinds() {
    let mut wrong = Vec::new();
    for (name, html, expect) in pages() {
        let r = read(&html, &expect);
        let got: Vec<(&str, &str)> = r.figures.iter().map(|f| (f.text.as_str(), f.kind.as_str())).collect();
        let want: Vec<(&str, &str)> = expect["figures"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f[0].as_str().unwrap(), f[1].as_str().unwrap()))
            .collect();
        check(&mut wrong, &name, "figures", got, want);
    }
    report(wrong);
}

#[test]
fn every_page_reads_the_same_with_the_article_found_by_itself() {
    // The embed script and the command line find the article without a selector (the
    // containers of the common CMSs): the reply is the one the expectation's selector gives.
    for (name, html, expect) in pages() {
        let given = read(&html, &expect);
        let found = read_page(&html, None).expect("reads").parsed.reply;
        assert_eq!(found, given, "{name}: the article found without a selector");
    }
}

#[test]
fn the_embed_script_looks_for_the_same_containers() {
    let embed = include_str!("../src/embed.js");
    let line = embed.lines().find(|l| l.starts_with("const CONTAINERS = [")).expect("the list in embed.js");
    let listed: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
    assert_eq!(listed, reply_widget::page::ARTICLE_SELECTORS);
}
