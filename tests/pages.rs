//! The page reader on reply pages as Chinese government CMSs publish them
//! (`tests/fixtures/pages/`, written for these tests): every page's title, publication date,
//! outline and figures as a careful reader expects them (the expectation files).

use std::path::Path;

#[path = "shared/rule.rs"]
mod rule;

use reply_core::library::{is_reply, meta, DocKind};
use reply_core::Reply;
use reply_widget_cli::html::{describe, find_block, read_element, read_page};
use serde_json::Value;

/// The repository's root (the tests run from this crate's own folder, `src/cli`).
const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn pages() -> Vec<(String, String, Value)> {
    let dir = Path::new(REPO).join("tests/fixtures/pages");
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
        let got: Vec<(&str, &str)> = r.figures.iter().map(|f| (f.text.as_str(), f.amount.kind.as_str())).collect();
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
    let embed = include_str!("../src/widget/embed.js");
    let line = embed.lines().find(|l| l.starts_with("const CONTAINERS = [")).expect("the list in embed.js");
    let listed: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
    assert_eq!(listed, reply_core::page::ARTICLE_SELECTORS);
}

/// The expectations of every fixture page, read as the command line reads it by default (the
/// whole page, no article selector) and with the page's article selector.
#[test]
fn metadata_of_the_fixture_pages() {
    // title, kind, session label, number, proposer + role
    type Want = (&'static str, DocKind, Option<&'static str>, Option<&'static str>, Option<&'static str>);
    // file, what a reply gives, date, source, why a page that is not a reply is refused
    type Row = (&'static str, Option<Want>, Option<&'static str>, Option<&'static str>, Option<&'static str>);
    let table: &[Row] = &[
        (
            "base-href-list",
            Some((
                "关于推动海洋文化旅游融合发展的提案的答复",
                DocKind::Proposal,
                Some("政协十四届二次"),
                None,
                Some("于海涛委员"),
            )),
            Some("2023-11-02"),
            Some("青岛市文化和旅游局"),
            None,
        ),
        (
            "custom-unionstyle",
            Some((
                "关于加快发展都市现代农业的提案的答复",
                DocKind::Proposal,
                None,
                Some("20240112"),
                Some("吴建华委员"),
            )),
            Some("2024-06-20"),
            Some("武汉市农业农村局"),
            None,
        ),
        (
            "figures-in-title-headings",
            Some(("关于到2026年建成5个中试平台的提案的答复", DocKind::Proposal, None, None, Some("许文博委员"))),
            Some("2025-08-12"),
            Some("合肥市科学技术局"),
            None,
        ),
        (
            "h1-outside-relative-dates",
            Some(("关于加强高校毕业生就业服务的提案的答复", DocKind::Proposal, None, None, Some("林晓燕委员"))),
            Some("2024-05-16"),
            Some("深圳市人力资源和社会保障局"),
            None,
        ),
        (
            "halfwidth-parens-codes",
            Some((
                "关于加快建设全国一体化算力网络成渝枢纽节点的提案的答复",
                DocKind::Proposal,
                Some("政协六届三次"),
                Some("0416"),
                Some("何晓东委员"),
            )),
            Some("2025-07-21"),
            Some("重庆市大数据应用发展管理局"),
            None,
        ),
        (
            "modelled-on-xilinhaote",
            Some((
                "关于加大锡林浩特市本级科技创新财政投入的提案的答复",
                DocKind::Proposal,
                None,
                None,
                Some("洪××代表"),
            )),
            Some("2024-09-10"),
            Some("锡林浩特市财政局"),
            None,
        ),
        ("news-not-reply", None, Some("2024-01-25"), Some("苏州市科学技术局"), Some("names no 答复")),
        ("notice-no-headings", None, Some("2024-04-08"), Some("厦门市科学技术局"), Some("names no 答复")),
        (
            "npc-suggestion",
            Some((
                "对市十六届人大二次会议第0128号建议的答复",
                DocKind::Suggestion,
                Some("人大十六届二次"),
                Some("0128"),
                Some("赵志刚代表"),
            )),
            Some("2023-07-05"),
            Some("长沙市住房和城乡建设局"),
            None,
        ),
        (
            "trs-editor-word",
            Some((
                "对市政协十五届三次会议第0325号提案的答复",
                DocKind::Proposal,
                Some("政协十五届三次"),
                Some("0325"),
                Some("刘晓梅委员"),
            )),
            Some("2024-07-26"),
            Some("成都市科学技术局"),
            None,
        ),
        (
            "trs-ueditor-table",
            Some(("关于加快推进中小企业数字化改造的提案的答复", DocKind::Proposal, None, None, Some("陈立新委员"))),
            Some("2023-08-30"),
            Some("杭州市经济和信息化局"),
            None,
        ),
        (
            "ucap-content",
            Some(("关于加快完善居民小区充电设施建设的提案的答复", DocKind::Proposal, None, None, Some("黄卫东委员"))),
            Some("2024-09-12"),
            Some("南京市发展和改革委员会"),
            None,
        ),
        (
            "zoom-br",
            Some(("关于进一步规范中小学课后服务的提案的答复", DocKind::Proposal, None, None, Some("孙丽华委员"))),
            Some("2022-06-28"),
            Some("西安市教育局"),
            None,
        ),
    ];
    let dir = Path::new(REPO).join("tests/fixtures/pages");
    let mut wrong = Vec::new();
    for (name, want, date, source, refused) in table {
        let html = std::fs::read_to_string(dir.join(format!("{name}.html"))).expect("fixture page");
        let expect = std::fs::read_to_string(dir.join(format!("{name}.json"))).expect("expectation");
        let selector = expect.split("\"article\":").nth(1).and_then(|s| s.split('"').nth(1)).expect("article selector");
        for article in [None, Some(selector)] {
            let reply = read_page(&html, article).expect("reads").parsed.reply;
            let got = meta(&reply);
            let mut check = |what: &str, g: String, w: String| {
                if g != w {
                    wrong.push(format!("{name} ({article:?}) {what}: got {g:?}, want {w:?}"));
                }
            };
            check("date", format!("{:?}", got.date.as_deref()), format!("{date:?}"));
            check("source", format!("{:?}", got.source.as_deref()), format!("{source:?}"));
            match (want, refused) {
                (Some((title, kind, session, number, proposer)), _) => {
                    check("title", got.title.clone(), title.to_string());
                    check("kind", format!("{:?}", got.kind), format!("{kind:?}"));
                    check(
                        "session",
                        format!("{:?}", got.session_label()),
                        format!("{:?}", session.map(str::to_string)),
                    );
                    check("number", format!("{:?}", got.number.as_deref()), format!("{number:?}"));
                    let p = got.proposer.clone().map(|p| p + got.role.unwrap_or(""));
                    check("proposer", format!("{p:?}"), format!("{:?}", proposer.map(str::to_string)));
                    check("is_reply", format!("{:?}", is_reply(&reply, &got)), "Ok(())".into());
                }
                (None, Some(why)) => {
                    let r = is_reply(&reply, &got);
                    check("refused", format!("{}", r.as_ref().is_err_and(|e| e.contains(why))), "true".into());
                }
                (None, None) => unreachable!(),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The pages of `tests/fixtures/find/` (written for these tests: no known container, a long
/// footer) with their article's selector and the name the console line gives it.
fn find_pages() -> Vec<(String, String, String, String)> {
    let dir = Path::new(REPO).join("tests/fixtures/find");
    let table = std::fs::read_to_string(dir.join("expect.tsv")).expect("expect.tsv");
    let mut out = Vec::new();
    for line in table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [file, sel, name] = cols[..] else { panic!("expect.tsv: three columns: {line}") };
        let html = std::fs::read_to_string(dir.join(file)).expect("page");
        out.push((file.to_string(), html, sel.to_string(), name.to_string()));
    }
    assert!(out.len() >= 3, "at least 3 pages");
    out
}

#[test]
fn an_article_in_no_known_container_is_found_by_its_text() {
    for (file, html, sel, name) in find_pages() {
        let doc = scraper::Html::parse_document(&html);
        for s in reply_core::page::ARTICLE_SELECTORS {
            let s = scraper::Selector::parse(s).expect("selector");
            assert!(doc.select(&s).next().is_none(), "{file}: a known container ({s:?}) would find it");
        }
        let found = find_block(&doc).unwrap_or_else(|| panic!("{file}: nothing found"));
        assert_eq!(describe(found), name, "{file}: the block chosen");
        // The command line reads exactly the reply of the article, not the page around it.
        let given = read_page(&html, Some(&sel)).expect("reads").parsed.reply;
        let read = read_page(&html, None).expect("reads").parsed.reply;
        assert_eq!(read, given, "{file}: the reply read without a selector");
        let text: String =
            read.walk_sections().iter().flat_map(|(_, s)| s.paragraphs.iter()).map(|p| p.text.as_str()).collect();
        for chrome in ["ICP", "首页", "上一篇", "相关文章", "地址", "当前位置"] {
            assert!(!text.contains(chrome), "{file}: `{chrome}` of the page's frame read as the reply");
        }
        assert!(!read.figures.is_empty(), "{file}: the article's figures");
    }
}

#[test]
fn the_text_alone_finds_the_article_of_every_cms_page() {
    // Without the list of known containers, the block with the running text reads as the
    // container the expectation names: the same reply.
    for (name, html, expect) in pages() {
        let given = read(&html, &expect);
        let doc = scraper::Html::parse_document(&html);
        let found = find_block(&doc).unwrap_or_else(|| panic!("{name}: nothing found"));
        let read = read_element(&doc, found).parsed.reply;
        assert_eq!(read, given, "{name}: the reply of {} (expected {})", describe(found), expect["article"]);
    }
}

#[test]
fn a_page_of_links_has_no_article_to_find() {
    // A column's index page: a list of reply titles (links), a footer.
    let mut html =
        String::from("<!doctype html><html><body><div class=\"nav\"><a href=\"/\">首页</a></div><ul class=\"list\">");
    for k in 0..30 {
        html.push_str(&format!(
            "<li><a href=\"/{k}.html\">关于加快科技成果转化的提案的答复（第{k}号）。</a><span>2024-06-18</span></li>"
        ));
    }
    html.push_str("</ul><div class=\"footer\"><p>地址：某某市人民大道1号，邮编：450000。</p></div></body></html>");
    let doc = scraper::Html::parse_document(&html);
    assert_eq!(find_block(&doc).map(describe), None);
}

#[test]
fn the_text_alone_finds_the_article_of_the_real_pages() {
    // The saved pages of tests/corpus, each with its gold's article selector: the block with the
    // running text, found without the list of known containers, reads as that article (same
    // sections and closing). Asserted on the tuning part; the held-out part (FNV-1a 32 of the
    // path % 3 == 0, tests/corpus/README.md) is only counted.
    let root = Path::new(REPO).join("tests/corpus");
    let (mut tune, mut held) = ((0, 0), (0, 0));
    let mut missed = Vec::new();
    for family in std::fs::read_dir(&root).expect("corpus").flatten().filter(|e| e.path().is_dir()) {
        for page in std::fs::read_dir(family.path()).expect("family").flatten().map(|e| e.path()) {
            if !page.extension().is_some_and(|e| e == "html" || e == "htm") {
                continue;
            }
            let rel =
                format!("{}/{}", family.file_name().to_string_lossy(), page.file_name().unwrap().to_string_lossy());
            let gold = std::fs::read_to_string(page.with_extension("gold")).expect("gold");
            let sel = gold.lines().find_map(|l| l.strip_prefix("article: ")).expect("article: in the gold");
            let html = std::fs::read_to_string(&page).expect("page");
            let given = read_page(&html, Some(sel)).expect("reads").parsed.reply;
            let doc = scraper::Html::parse_document(&html);
            let found = find_block(&doc);
            let same = found.is_some_and(|e| {
                let r = read_element(&doc, e).parsed.reply;
                r.sections == given.sections && r.closing == given.closing
            });
            if rule::held_out(&rel) {
                held = (held.0 + usize::from(same), held.1 + 1);
                continue;
            }
            tune = (tune.0 + usize::from(same), tune.1 + 1);
            if !same {
                missed.push(format!("{rel}: found {:?}, the article is {sel}", found.map(describe)));
            }
        }
    }
    println!("the article found by its text alone: tuning {}/{}, held out {}/{}", tune.0, tune.1, held.0, held.1);
    assert!(tune.1 > 0, "no saved page in the corpus");
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}
