//! The head reader against what unseen sites put around a document (issue 19): a metamorphic
//! test over the corpus's plain-text TUNE pages (never the held-out ones, tests/corpus/README.md).
//!
//! Every tune page whose head (title, number, published, signed) the parser reads as its gold
//! says is changed the way another site would show the same document — site chrome above the
//! head, a footer after the signature, blank lines and full-width spaces between the head's
//! lines, a one-line title broken over two lines — and each field read right before must still
//! be read right. The report prints how many (page, variant) pairs hold per transformation and
//! lists the failures; the test fails when a transformation's share falls below its gate.
//!
//! `cargo test -p reply-widget-cli --test robust -- --nocapture`

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Minimum share of (page, variant) pairs that hold, per transformation, in percent: what was
/// measured (raised as rules are fixed, so that a change cannot make the reader more fragile).
/// Split3 (a title set on three lines, broken at the boundaries nearest its thirds): 96.6 (58 of
/// 60) measured when it was added (issue 19's ninth title pass); 98.5 (68 of 69, 98.55) with
/// issue 19's eleventh pass (an office's name over `就《…》` over `公开征求意见` read as one title).
const GATES: [(&str, f64); 6] =
    [("above", 100.0), ("below", 100.0), ("spacing", 100.0), ("indent", 100.0), ("split", 100.0), ("split3", 98.5)];

#[path = "shared/rule.rs"]
mod rule;
use rule::held_out;
#[path = "shared/head.rs"]
mod head;
#[path = "shared/tally.rs"]
mod tally;
use head::{differences, gold_head, head_of, no_space, Head};

/// The head the parser reads from a text, in the gold's terms.
fn read_head(text: &str) -> Head {
    head_of(&reply_core::parse(text))
}

// ---------------------------------------------------------------------------------------------
// What sites put around a document: chrome seen on the corpus's tune pages, in the shapes they
// take there (one item a line, or a row of them).

/// Above the head: the site's header, accessibility toolbar, menu, search box, breadcrumb and
/// the article's tool row.
const ABOVE: &[(&str, &[&str])] = &[
    ("toolbar lines", &["无障碍", "长者模式", "繁體", "简体", "拼音", "读屏"]),
    ("toolbar row", &["无障碍 | 长者模式 | 繁體 | 简体 | 拼音 | 读屏"]),
    ("breadcrumb", &["当前位置：首页 > 政务公开 > 建议提案办理 > 人大代表建议"]),
    ("breadcrumb arrows", &["您现在的位置：首页 >> 信息公开 >> 建议提案"]),
    ("font size", &["字号：大 中 小"]),
    ("print close", &["打印 关闭"]),
    ("share", &["分享到："]),
    ("bracketed tools", &["【打印】【关闭】"]),
    ("search box", &["请输入关键字 搜索"]),
    ("ipv6", &["本网站支持IPv6"]),
    ("welcome", &["欢迎访问本市人民政府门户网站！"]),
    ("home favourites", &["设为首页 加入收藏"]),
    ("login", &["登录 | 注册"]),
    ("menu", &["首页", "政务公开", "政务服务", "互动交流", "走进本市", "专题专栏", "数据发布", "办事指南"]),
    (
        "whole header",
        &[
            "本网站支持IPv6",
            "欢迎访问本市人民政府门户网站！",
            "设为首页 加入收藏",
            "无障碍 | 长者模式 | 繁體 | 简体",
            "请输入关键字 搜索",
            "首页",
            "政务公开",
            "政务服务",
            "互动交流",
            "专题专栏",
            "走进本市",
            "当前位置：首页 > 政务公开 > 建议提案办理",
            "【打印】【关闭】",
        ],
    ),
];

/// After the signature: the site's footer.
const BELOW: &[(&str, &[&str])] = &[
    ("sponsor", &["主办单位：市人民政府办公室  承办：市大数据发展管理局"]),
    ("site code", &["网站标识码：3301000001"]),
    ("icp", &["浙ICP备05001234号-1"]),
    ("police", &["浙公网安备 33010202000123号"]),
    ("support", &["技术支持：市信息中心"]),
    ("contact", &["联系我们 | 网站地图 | 隐私声明"]),
    ("print close", &["【打印】【关闭】"]),
    (
        "whole footer",
        &[
            "打印 关闭",
            "联系我们 | 网站地图 | 隐私声明",
            "主办单位：市人民政府办公室",
            "承办：市大数据发展管理局",
            "网站标识码：3301000001  浙ICP备05001234号-1  浙公网安备 33010202000123号",
            "技术支持：市信息中心",
        ],
    ),
];

/// How many of the text's first non-empty lines count as its head for the spacing changes.
const HEAD_LINES: usize = 8;

fn with_above(text: &str, chrome: &[&str]) -> String {
    let mut out = chrome.join("\n");
    out.push('\n');
    out.push_str(text);
    out
}

fn with_below(text: &str, chrome: &[&str]) -> String {
    let mut out = text.trim_end().to_string();
    for line in chrome {
        out.push('\n');
        out.push_str(line);
    }
    out.push('\n');
    out
}

/// The head's first lines each followed by a blank line (a site setting each in a `<p>` of its own).
fn with_blank_lines(text: &str) -> String {
    let mut out = String::new();
    let mut seen = 0;
    for line in text.split('\n') {
        out.push_str(line);
        out.push('\n');
        if !line.trim().is_empty() && seen < HEAD_LINES {
            seen += 1;
            out.push('\n');
        }
    }
    out
}

/// The head's first lines indented and ended with full-width spaces (`　　标题　`).
fn with_full_width_spaces(text: &str) -> String {
    let mut out = String::new();
    let mut seen = 0;
    for line in text.split('\n') {
        if !line.trim().is_empty() && seen < HEAD_LINES {
            seen += 1;
            let _ = writeln!(out, "\u{3000}\u{3000}{}\u{3000}", line.trim());
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Where a title can break between two lines: after these (`…会议` / `第12号提案的答复`).
const BREAK_AFTER: &[&str] = &["会议", "》", "关于", "委员会", "人民政府", "局", "提出的"];
/// … or before these (`…局` / `关于…`).
const BREAK_BEFORE: &[&str] = &["关于", "对", "第", "的答复", "答复"];

/// The title's one line broken in two at the word boundary nearest its middle (both halves at
/// least four chars, not inside brackets, not before punctuation); `None` when the title is not
/// on one line or has no such boundary.
fn with_split_title(text: &str, title: &str) -> Option<String> {
    with_title_broken(text, title, 2)
}

/// The title's one line broken in `parts` (two or three) at the word boundaries nearest its
/// halves or thirds (each part at least four chars; a title set on three lines is 24 chars or
/// more); `None` when the title is not on one line or has no such boundaries.
fn with_title_broken(text: &str, title: &str, parts: usize) -> Option<String> {
    let want = no_space(title);
    let lines: Vec<&str> = text.split('\n').collect();
    let at = lines.iter().position(|l| no_space(l) == want)?;
    let chars: Vec<char> = lines[at].trim().chars().collect();
    let s: String = chars.iter().collect();
    let n = chars.len();
    if parts == 3 && n < 24 {
        return None;
    }
    let mut bounds: Vec<usize> = Vec::new();
    let mut depth = 0i32;
    for (byte, c) in s.char_indices() {
        let k = s[..byte].chars().count();
        let inside = depth > 0;
        depth += i32::from(matches!(c, '《' | '(' | '（' | '【' | '“'))
            - i32::from(matches!(c, '》' | ')' | '）' | '】' | '”'));
        if inside || !c.is_alphanumeric() && !matches!(c, '《' | '(' | '（' | '【' | '“') {
            continue;
        }
        let after = BREAK_AFTER.iter().any(|p| s[..byte].ends_with(p));
        let before = BREAK_BEFORE.iter().any(|p| s[byte..].starts_with(p));
        if (after || before) && k >= 4 && k + 4 <= n {
            bounds.push(k);
        }
    }
    let nearest = |target: usize| bounds.iter().copied().min_by_key(|k| k.abs_diff(target));
    let cuts: Vec<usize> = if parts == 3 {
        let (a, b) = (nearest(n / 3)?, nearest(2 * n / 3)?);
        if b < a + 4 {
            return None;
        }
        vec![a, b]
    } else {
        vec![nearest(n / 2)?]
    };
    let mut broken = String::new();
    let mut from = 0;
    for &k in cuts.iter().chain([&n]) {
        if from > 0 {
            broken.push('\n');
        }
        broken.extend(&chars[from..k]);
        from = k;
    }
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    out[at] = broken;
    Some(out.join("\n"))
}

// ---------------------------------------------------------------------------------------------
// The report

/// Every plain-text tune page below tests/corpus (path relative to it), sorted.
fn tune_pages(root: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let Ok(dirs) = std::fs::read_dir(root) else { return out };
    for dir in dirs.flatten() {
        let Ok(files) = std::fs::read_dir(dir.path()) else { continue };
        for f in files.flatten() {
            let path = f.path();
            if path.extension().and_then(|e| e.to_str()) != Some("txt") {
                continue;
            }
            let rel = format!("{}/{}", dir.file_name().to_string_lossy(), f.file_name().to_string_lossy());
            if !held_out(&rel) {
                out.push((rel, path));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn the_head_survives_what_sites_put_around_a_document() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let pages = tune_pages(&root);
    assert!(pages.len() > 100, "expected the corpus's plain-text tune pages, found {}", pages.len());
    let mut tallies = tally::tallies(&GATES);
    let mut base_pages = 0;
    for (rel, path) in &pages {
        let text = std::fs::read_to_string(path).expect("read page");
        let gold_path = path.with_extension("gold");
        let Ok(gold) = std::fs::read_to_string(&gold_path) else { continue };
        let gold = gold_head(&gold);
        // Only pages whose title reads right today; of those, every field that reads right.
        let base = read_head(&text);
        if gold.title.is_none() || !differences(&gold, &base, &["title"]).is_empty() {
            continue;
        }
        base_pages += 1;
        let keep: Vec<&'static str> = ["title", "number", "published", "signed"]
            .into_iter()
            .filter(|f| differences(&gold, &base, &[f]).is_empty())
            .collect();
        let mut variants: Vec<(&str, String, String)> = Vec::new();
        for (name, chrome) in ABOVE {
            variants.push(("above", name.to_string(), with_above(&text, chrome)));
        }
        for (name, chrome) in BELOW {
            variants.push(("below", name.to_string(), with_below(&text, chrome)));
        }
        variants.push(("spacing", "blank lines".into(), with_blank_lines(&text)));
        variants.push(("indent", "full-width spaces".into(), with_full_width_spaces(&text)));
        if let Some(t) = gold.title.as_deref().and_then(|t| with_split_title(&text, t)) {
            variants.push(("split", "title on two lines".into(), t));
        }
        if let Some(t) = gold.title.as_deref().and_then(|t| with_title_broken(&text, t, 3)) {
            variants.push(("split3", "title on three lines".into(), t));
        }
        for (kind, name, changed) in variants {
            let got = read_head(&changed);
            let diff = differences(&gold, &got, &keep);
            tally::count(&mut tallies, kind, &diff, || format!("{rel} [{name}]"));
        }
    }
    assert!(base_pages > 100, "too few pages read right to measure: {base_pages}");
    tally::report(&format!("{base_pages} plain-text tune pages whose title reads right"), "change", &tallies, &GATES);
}

#[test]
fn a_title_breaks_at_a_word_boundary_near_its_middle() {
    let text = "关于对县政协十届三次会议第53号提案的答复\n张委员：\n";
    let got = with_split_title(text, "关于对县政协十届三次会议第53号提案的答复").expect("a boundary");
    assert_eq!(got.split('\n').take(2).collect::<Vec<_>>(), ["关于对县政协十届三次会议", "第53号提案的答复"]);
    assert_eq!(with_split_title(text, "另一个标题"), None);
    let got = with_title_broken(text, "关于对县政协十届三次会议第53号提案的答复", 3);
    assert_eq!(got, None, "a title under 24 chars is not set on three lines");
    let long = "某县交通运输局关于对县政协十届三次会议第53号提案的答复\n张委员：\n";
    let got =
        with_title_broken(long, "某县交通运输局关于对县政协十届三次会议第53号提案的答复", 3).expect("two boundaries");
    assert_eq!(
        got.split('\n').take(3).collect::<Vec<_>>(),
        ["某县交通运输局关于", "对县政协十届三次会议", "第53号提案的答复"]
    );
}

#[test]
fn held_out_pages_are_never_read() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    for (rel, _) in tune_pages(&root) {
        assert!(!held_out(&rel), "{rel}");
    }
}
