//! What a reader reads of a result without opening it: the line saying what the reply is,
//! the status line, and links that never run script from a tampered index.

use super::*;
use reply_core::library::{DocKind, Genre};

fn card() -> Card {
    Card {
        doc: 0,
        url: "r00001.html".into(),
        title: "关于加快中试平台建设的提案的答复".into(),
        kind: DocKind::Proposal,
        genre: Genre::Reply,
        session: Some("十四届二次".into()),
        body: Some("市政协".into()),
        number: Some("0123".into()),
        proposer: Some("张三".into()),
        role: Some("委员".into()),
        date: Some("2023-08-22".into()),
        source: Some("市科技局".into()),
        outline: Vec::new(),
        figures: Vec::new(),
    }
}

#[test]
fn a_reply_says_when_what_which_session_who_and_from_whom() {
    assert_eq!(meta_line(&card()), "2023-08-22 · 政协提案 · 市政协十四届二次会议第0123号 · 张三委员 · 市科技局");
}

#[test]
fn what_a_reply_does_not_say_is_left_out_with_its_separator() {
    let c = Card { session: None, body: None, proposer: None, source: None, kind: DocKind::Unknown, ..card() };
    assert_eq!(meta_line(&c), "2023-08-22 · 第0123号");
    let bare = Card { date: None, number: None, ..c };
    assert_eq!(meta_line(&bare), "");
}

#[test]
fn the_status_counts_what_was_found() {
    assert_eq!(status(None, true, 3, 124), "找到 3 篇答复");
    assert_eq!(status(None, true, 0, 124), "没有找到匹配的答复");
    assert_eq!(status(None, false, 0, 124), "共 124 篇答复，可按词语或数值检索，如 中试平台、>=100亿元。");
    assert_eq!(more_label(17), "显示更多结果（还有 17 篇）");
}

#[test]
fn links_are_relative_or_web_never_script() {
    for ok in ["r00001.html", "/jyta/r1.html#f3", "https://kjj.example.gov.cn/a.html", "HTTP://x/y", "a.html?x=1:2"] {
        assert_eq!(safe_url(ok), Some(ok), "{ok}");
    }
    for bad in ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>", "vbscript:x"] {
        assert_eq!(safe_url(bad), None, "{bad}");
    }
}
