//! Unit tests of the library: metadata, the file format, the JSON reader, building and searching
//! a small index end to end. The archive-scale tests are in `tests/library.rs`.

use std::collections::HashMap;

use super::format::{open, put_varint, seal, Cursor, TYPE_WORDS as WORDS};
use super::meta::{iso_date, kind_in, number_in, proposer_in, proposer_of_salutation, session_in};
use super::read;
use super::words::{decode_list, encode_list, index_keys_of, key_hash, run_keys, runs};
use super::*;
use crate::model::FigureKind;

// ---------- metadata ----------

fn m(text: &str) -> Meta {
    meta(&crate::parse(text))
}

#[test]
fn salutations_name_the_proposer() {
    let p = |s: &str| proposer_of_salutation(s);
    assert_eq!(p("张三委员："), Some(("张三".into(), Some("委员"))));
    assert_eq!(p("李四代表:"), Some(("李四".into(), Some("代表"))));
    assert_eq!(p("尊敬的王委员："), Some(("王".into(), Some("委员"))));
    assert_eq!(p("王五等5位委员："), Some(("王五等5位".into(), Some("委员"))));
    assert_eq!(p("赵六同志代表："), Some(("赵六同志".into(), Some("代表"))));
    assert_eq!(p("民盟武汉市委员会："), Some(("民盟武汉市委员会".into(), None)));
    assert_eq!(p("洪山区代表团："), Some(("洪山区代表团".into(), None)));
    assert_eq!(p("九三学社武汉市委："), Some(("九三学社武汉市委".into(), None)));
    assert_eq!(p("各有关单位："), None);
    assert_eq!(p("各位委员："), None);
    assert_eq!(p("您好："), None);
    // From a title or an opening.
    assert_eq!(proposer_in("关于张三委员提出的加快发展的提案的答复"), Some(("张三".into(), Some("委员"))));
    assert_eq!(proposer_in("关于于海涛委员提出的提案的答复"), Some(("于海涛".into(), Some("委员"))));
    assert_eq!(proposer_in("对李四代表所提建议的答复"), Some(("李四".into(), Some("代表"))));
    assert_eq!(proposer_in("关于加快发展的提案的答复"), None);
}

#[test]
fn sessions_numbers_and_kinds() {
    let s = |t: &str| session_in(t);
    assert_eq!(s("对市政协十四届二次会议第20230314号提案的答复"), Some(("十四届二次".into(), Some("政协"))));
    assert_eq!(s("对市十六届人大二次会议第0128号建议的答复"), Some(("十六届二次".into(), Some("人大"))));
    assert_eq!(s("政协武汉市第十四届委员会第二次会议"), Some(("十四届二次".into(), Some("政协"))));
    assert_eq!(s("市十五届人民代表大会第三次会议"), Some(("十五届三次".into(), Some("人大"))));
    assert_eq!(s("您在六届三次会议上提出的"), Some(("六届三次".into(), None)));
    assert_eq!(s("第十四届全运会"), None);
    assert_eq!(number_in("对市政协十四届二次会议第20230314号提案的答复", 1).as_deref(), Some("20230314"));
    assert_eq!(number_in("（第０４１６号）收悉", 3).as_deref(), Some("0416"), "full-width digits as ASCII");
    assert_eq!(number_in("武科函〔2023〕12号", 1), None, "a document number is not the proposal's");
    assert_eq!(number_in("《关于落实第1号文件的提案》", 1), None, "not inside a title");
    assert_eq!(number_in("第12号", 3), None, "too short for the opening");
    assert_eq!(kind_in("关于建议设立科创基金的提案的答复"), DocKind::Proposal, "the last word decides");
    assert_eq!(kind_in("关于加快科技成果转化的建议的答复"), DocKind::Suggestion);
    assert_eq!(kind_in("关于十二个方面问题的答复"), DocKind::Unknown);
}

#[test]
fn dates_in_every_written_form() {
    let d = |t: &str| iso_date(t);
    assert_eq!(d("2023-08-22 19:35").as_deref(), Some("2023-08-22"));
    assert_eq!(d("2023年8月22日").as_deref(), Some("2023-08-22"));
    assert_eq!(d("2023/8/2").as_deref(), Some("2023-08-02"));
    assert_eq!(d("2023.12.31").as_deref(), Some("2023-12-31"));
    assert_eq!(d("２０２３年８月２２日").as_deref(), Some("2023-08-22"));
    assert_eq!(d("二〇二三年八月二十二日").as_deref(), Some("2023-08-22"));
    assert_eq!(d("二〇二四年十二月十日").as_deref(), Some("2024-12-10"));
    assert_eq!(d("发布时间：2024-06-20 11:02　来源：武汉市").as_deref(), Some("2024-06-20"));
    assert_eq!(d("2023年8月"), None, "no day");
    assert_eq!(d("2023-13-01"), None);
    assert_eq!(d("12023-01-01"), None, "not a year");
    assert_eq!(d("2023-08/22"), None, "mixed separators");
}

#[test]
fn metadata_of_plain_text_replies() {
    let r = m(crate::BUNDLED_TEXT);
    assert_eq!(r.title, "对市政协十四届二次会议第20230314号提案的答复");
    assert_eq!(
        (r.kind, r.session.as_deref(), r.body, r.number.as_deref()),
        (DocKind::Proposal, Some("十四届二次"), Some("政协"), Some("20230314"))
    );
    assert_eq!((r.date.as_deref(), r.source.as_deref()), (Some("2023-08-22"), Some("办公室")));
    assert_eq!(r.session_label().as_deref(), Some("政协十四届二次"));
    assert_eq!(r.year(), Some(2023));

    let r = m(include_str!("../../../tests/fixtures/replies/flat-salutation-signature.txt"));
    assert_eq!(r.kind, DocKind::Suggestion);
    assert_eq!((r.proposer.as_deref(), r.role), (Some("王建国"), Some("代表")));
    assert_eq!(r.date.as_deref(), Some("2024-03-05"), "published 2024年3月5日");
    assert_eq!(r.source.as_deref(), Some("武汉市科学技术局"), "the signature's office line");

    let r = m(include_str!("../../../tests/fixtures/replies/three-level-plan.txt"));
    assert_eq!(r.kind, DocKind::Proposal, "您提出的提案收悉");
    assert_eq!((r.proposer.as_deref(), r.role), (Some("李"), Some("委员")), "尊敬的李委员");

    // Only the signature gives the date and the office; Chinese numerals.
    let r = m("关于加快发展的建议的答复\n李四代表：\n一、工作\n投入3亿元。\n武汉市科学技术局\n二〇二三年八月二十二日");
    assert_eq!((r.date.as_deref(), r.source.as_deref()), (Some("2023-08-22"), Some("武汉市科学技术局")));
    // The proposer named in the title when there is no salutation.
    let r = m("关于张三委员提出的加快发展的提案的答复\n一、工作\n投入3亿元。");
    assert_eq!((r.proposer.as_deref(), r.role, r.kind), (Some("张三"), Some("委员"), DocKind::Proposal));
    // The kind from the session's body when the title says neither.
    let r = m("市政协十四届二次会议有关事项的答复\n一、工作\n投入3亿元。");
    assert_eq!((r.kind, r.body), (DocKind::Proposal, Some("政协")));
}

#[test]
fn what_is_a_reply() {
    let yes = ["关于加快发展的提案的答复\n一、工作\n投入3亿元。", "工作情况\n张三委员：\n一、工作\n投入3亿元。"];
    for t in yes {
        let r = crate::parse(t);
        assert_eq!(is_reply(&r, &meta(&r)), Ok(()), "{t}");
    }
    let no =
        ["苏州市新增高新技术企业3012家\n今年全市新增3012家。", "关于延长申报时间的通知\n各有关单位：\n特此通知。", ""];
    for t in no {
        let r = crate::parse(t);
        let why = is_reply(&r, &meta(&r)).expect_err(t);
        assert!(why.contains("names no 答复"), "{why}");
    }
}

#[test]
fn fingerprints_follow_the_reply_text() {
    let a = crate::parse("关于发展的提案的答复\n一、工作\n投入3亿元。");
    let b = crate::parse("\u{feff}关于发展的提案的答复\n\n一、工作\n投入3亿元。\n");
    let c = crate::parse("关于发展的提案的答复\n一、工作\n投入4亿元。");
    assert_eq!(fingerprint(&a), fingerprint(&b), "the same text laid out differently");
    assert_ne!(fingerprint(&a), fingerprint(&c));
}

// ---------- the file format and the JSON reader ----------

#[test]
fn varints_and_envelopes() {
    let mut out = Vec::new();
    for v in [0u64, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
        put_varint(&mut out, v);
    }
    let mut c = Cursor::new(&out);
    for v in [0u64, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
        assert_eq!(c.varint(), Some(v));
    }
    assert_eq!(c.varint(), None, "past the end");
    assert_eq!(Cursor::new(&[0xff; 11]).varint(), None, "too long");

    let file = seal(WORDS, 42, b"payload");
    assert_eq!(open("w", &file, WORDS, 42), Ok(&b"payload"[..]));
    let err = |bytes: &[u8], kind: u8, build: u64| open("words/3.bin", bytes, kind, build).unwrap_err().to_string();
    assert!(err(&file[..file.len() - 2], WORDS, 42).contains("the header says"), "truncated");
    let mut flipped = file.clone();
    *flipped.last_mut().unwrap() ^= 1;
    assert!(err(&flipped, WORDS, 42).contains("checksum"));
    assert!(err(&file, WORDS, 43).contains("another build"));
    assert!(err(&file, b'D', 42).contains("another type"));
    assert!(err(b"<html>not found</html>", WORDS, 42).contains("not an index file"));
    assert!(err(b"", WORDS, 42).starts_with("words/3.bin: damaged index file"));
}

#[test]
fn json_reader_reads_what_json_writes() {
    let nasty = "引号\"反斜杠\\\u{1}控制\t字符\u{2028}行\n😀";
    let mut s = String::from("{\"a\":[");
    crate::json::string(&mut s, nasty);
    for v in [0.0, 28.34, 4457.56e8, 1.5e12, 0.05, 123456.789, -3.5, 36100000000.0] {
        s.push(',');
        crate::json::number(&mut s, v);
    }
    s.push_str("],\"b\":null,\"c\":true,\"d\":{}}");
    let v = read::parse(s.as_bytes()).expect("parses");
    let a = v.get("a").and_then(read::Value::arr).expect("array");
    assert_eq!(a[0].str(), Some(nasty));
    let numbers: Vec<f64> = a[1..].iter().map(|n| n.f64().expect("number")).collect();
    assert_eq!(numbers, [0.0, 28.34, 4457.56e8, 1.5e12, 0.05, 123456.789, -3.5, 36100000000.0]);
    assert_eq!(v.get("b"), Some(&read::Value::Null));
    assert_eq!(read::parse(br#""\ud83d\ude00 \u00e9""#).unwrap().str(), Some("😀 é"));

    assert_eq!(read::parse(&s.as_bytes()[..s.len() - 3]), Err("cut short (truncated?)"));
    assert_eq!(read::parse(b"<!DOCTYPE html>"), Err("not JSON"));
    assert_eq!(read::parse(b"{} x"), Err("text after the JSON value"));
    assert_eq!(read::parse(b"[1e5]"), Err("a number with an exponent"));
    assert_eq!(read::parse(&[0xff, 0xfe]), Err("not UTF-8"));
    let deep = "[".repeat(10_000);
    assert_eq!(read::parse(deep.as_bytes()), Err("nested too deep"), "no stack overflow");
}

#[test]
fn posting_lists_round_trip() {
    let cases: Vec<Vec<u32>> = vec![
        vec![0],
        vec![7],
        vec![3, 900, 70_000],
        (0..1000).collect(),
        (0..5000).filter(|d| d % 3 == 0).collect(),
        (4000..4100).collect(),
    ];
    for docs in cases {
        let mut out = Vec::new();
        encode_list(&docs, &mut out);
        assert_eq!(decode_list(&out, 100_000).as_ref(), Some(&docs));
        assert_eq!(decode_list(&out, *docs.last().unwrap() as usize), None, "a doc past the archive");
    }
    let mut dense = Vec::new();
    encode_list(&(0..1000).collect::<Vec<_>>(), &mut dense);
    assert!(dense.len() < 200, "a dense list is a bitmap: {} bytes", dense.len());
}

#[test]
fn separators_and_keys() {
    let r = runs("科技金融，ＡＩ 大模型、28.34%（2023年）");
    let r: Vec<String> = r.iter().map(|r| r.iter().collect()).collect();
    assert_eq!(r, ["科技金融", "ai", "大模型", "28.34%", "2023年"]);
    let mut keys = Vec::new();
    run_keys(&['科', '技', '金', '融', '业'], &mut keys);
    assert_eq!(keys, [key_hash(&['科', '技', '金', '融']), key_hash(&['技', '金', '融', '业'])], "4-grams");
    keys.clear();
    run_keys(&['科', '技', '金'], &mut keys);
    assert_eq!(keys, [key_hash(&['科', '技', '金'])], "a trigram");
    keys.clear();
    run_keys(&['科', '技'], &mut keys);
    assert_eq!(keys, [key_hash(&['科', '技'])], "a bigram");
    keys.clear();
    run_keys(&['科'], &mut keys);
    assert!(keys.is_empty());
    let mut indexed = Vec::new();
    index_keys_of("科技金融", &mut |k| indexed.push(k));
    let g = |s: &str| key_hash(&s.chars().collect::<Vec<_>>());
    assert_eq!(indexed, [g("科技"), g("科技金"), g("科技金融"), g("技金"), g("技金融"), g("金融")]);
}

// ---------- a small index, built and searched ----------

/// A reply of the genre: kind, session, number, date, bureau, proposer and body given.
fn reply_text(kind: &str, number: u32, date: &str, bureau: &str, proposer: &str, body: &str) -> String {
    let (org, session, role) = match kind {
        "提案" => ("市政协十四届二次会议", "", "委员"),
        _ => ("市十六届人大二次会议", "", "代表"),
    };
    format!(
        "对{org}{session}第{number}号{kind}的答复\n发布时间：{date} 10:00 来源：{bureau}\n{proposer}{role}：\n您提出的{kind}收悉。现答复如下：\n{body}\n感谢您对我们工作的关心和支持。\n{bureau}\n{date}"
    )
}

fn small_archive() -> Vec<(String, crate::Reply)> {
    let texts = [
        (
            "提案",
            "2023-08-22",
            "武汉市科学技术局",
            "张三",
            "一、中试平台建设\n全市建成中试平台12个，投入资金120亿元。\n二、科技金融\n发放贷款15.97亿元，增长28%。",
        ),
        (
            "建议",
            "2024-03-05",
            "武汉市财政局",
            "李四",
            "一、科技金融\n设立基金80亿元，参与子基金145支。2022年完成投资30亿元。",
        ),
        (
            "提案",
            "2022-11-30",
            "武汉市科学技术局",
            "王五",
            "一、人才引进\n引进人才300余名，发放补贴不足5000万元。\n二、平台\n建成中试基地3个，试平台2个。",
        ),
        (
            "建议",
            "2024-03-05",
            "武汉市科学技术局",
            "赵六",
            "一、中试平台\n中试平台服务企业537家，2022年新增投资超过100亿元。",
        ),
        ("提案", "2021-06-01", "武汉市经济和信息化局", "钱七", "一、数字经济\n数字经济规模达到4000亿元，增长近4倍。"),
    ];
    texts
        .iter()
        .enumerate()
        .map(|(k, (kind, date, bureau, who, body))| {
            let t = reply_text(kind, 20230001 + k as u32, date, bureau, who, body);
            (format!("r{k}.html"), crate::parse(&t))
        })
        .collect()
}

fn build(replies: &[(String, crate::Reply)]) -> HashMap<String, Vec<u8>> {
    let mut b = Builder::new("https://example.gov.cn/jytabl/");
    for (name, r) in replies {
        b.add(name, r).expect("a reply");
    }
    let files = b.build();
    assert_eq!(files.last().map(|f| f.0.as_str()), Some(MANIFEST), "the manifest last");
    files.into_iter().collect()
}

/// Loads what a query needs, as the browser would, and answers it.
fn ask(lib: &mut Library, files: &HashMap<String, Vec<u8>>, query: &str, sel: &Selection, order: Order) -> Outcome {
    let plan = Plan::new(query);
    for _ in 0..3 {
        for f in lib.needs(&plan) {
            lib.add(&f, &files[&f]).expect("a good file");
        }
    }
    assert!(lib.needs(&plan).is_empty());
    lib.search(&plan, sel, order).expect("answers")
}

/// The titles' numbers of the results, to read the tests at a glance: doc → 提案 number - 20230000.
fn numbers(lib: &mut Library, files: &HashMap<String, Vec<u8>>, docs: &[u32]) -> Vec<u32> {
    for f in lib.cards_needed(docs) {
        lib.add(&f, &files[&f]).expect("card");
    }
    docs.iter().map(|d| lib.card(*d).unwrap().number.as_deref().unwrap().parse::<u32>().unwrap() - 20230000).collect()
}

#[test]
fn words_figures_facets_and_order() {
    let files = build(&small_archive());
    let mut lib = Library::from_manifest(&files[MANIFEST]).expect("our manifest");
    assert_eq!(lib.replies(), 5);
    let none = Selection::default();

    // Newest first: 2024-03-05 (two, by URL), 2023, 2022, 2021.
    let all = ask(&mut lib, &files, "", &none, Order::Newest);
    assert_eq!(numbers(&mut lib, &files, &all.docs), [2, 4, 1, 3, 5]);

    // Words: 中试平台 is in 1 and 4; reply 3 has 中试 and 试平台 but not the word (a trigram
    // intersection is exact here: 中试平 is not in 3).
    let out = ask(&mut lib, &files, "中试平台", &none, Order::Newest);
    assert_eq!(numbers(&mut lib, &files, &out.docs), [4, 1]);
    assert!(out.figures.is_empty(), "word queries take their figures from the cards");
    let plan = Plan::new("中试平台");
    let card = lib.card(out.docs[0]).unwrap();
    let shown: Vec<&str> = card.matching(&plan).iter().map(|&k| card.figures[k as usize].text.as_str()).collect();
    assert_eq!(shown, ["537家", "2022年", "超过100亿元"], "figures under the heading 中试平台, or whose clause has it");
    let out = ask(&mut lib, &files, "科技金融 基金", &none, Order::Newest);
    assert_eq!(numbers(&mut lib, &files, &out.docs), [2], "every word required");
    let out = ask(&mut lib, &files, "ＡＩ 量子", &none, Order::Newest);
    assert_eq!(out.total(), 0);

    // One char: refused and said so, nothing fetched.
    let plan = Plan::new("科");
    assert_eq!(plan.problem, Some(Problem::TooShort("科".into())));
    assert!(lib.needs(&plan).is_empty());
    let out = lib.search(&plan, &none, Order::Newest).unwrap();
    assert_eq!(
        (out.total(), out.problem.as_ref().map(Problem::message)),
        (0, Some("“科”太短：每个词请至少输入两个字".into()))
    );
    let plan = Plan::new(">=abc");
    assert_eq!(plan.problem, Some(Problem::Malformed(">=abc".into())));

    // Figures: >=100亿元 — 120亿元 (1), 超过100亿元 (4: above 100亿), 4000亿元 (5).
    let out = ask(&mut lib, &files, ">=100亿元", &none, Order::Newest);
    assert_eq!(numbers(&mut lib, &files, &out.docs), [4, 1, 5]);
    let texts = |lib: &Library, out: &Outcome, i: usize| -> Vec<String> {
        let card = lib.card(out.docs[i]).unwrap();
        out.figures_of(i).iter().map(|&k| card.figures[k as usize].text.clone()).collect()
    };
    assert_eq!(texts(&lib, &out, 0), ["超过100亿元"]);
    assert_eq!(texts(&lib, &out, 1), ["120亿元"]);
    let card = lib.card(out.docs[1]).unwrap();
    assert_eq!(card.matching(&Plan::new(">=100亿元")), out.figures_of(1), "the card agrees with the index");
    let out = ask(&mut lib, &files, ">=100亿元", &none, Order::Largest);
    assert_eq!(numbers(&mut lib, &files, &out.docs), [5, 1, 4], "4000亿, 120亿, then 超过100亿 (100亿 to 200亿 …)");
    let out = ask(&mut lib, &files, "<1亿元", &none, Order::Newest);
    assert_eq!(numbers(&mut lib, &files, &out.docs), [3], "不足5000万元");
    let out = ask(&mut lib, &files, "2022年", &none, Order::Newest);
    assert_eq!(numbers(&mut lib, &files, &out.docs), [2, 4, 3], "3: its signature's date line 2022-11-30");
    let out = ask(&mut lib, &files, ">=300名", &none, Order::Newest);
    assert_eq!(numbers(&mut lib, &files, &out.docs), [3], "300余名 is more than 300");
    let out = ask(&mut lib, &files, "<4倍", &none, Order::Newest);
    assert_eq!(numbers(&mut lib, &files, &out.docs), [5], "近4倍 is under 4");

    // Facets: totals, counts over the matches, other facets' selections applied.
    let names: Vec<&str> = lib.facets().iter().map(|f| f.name).collect();
    assert_eq!(names, FACETS);
    let years: Vec<(&str, usize)> = lib.facets()[0].values.iter().map(|v| (v.label.as_str(), v.total)).collect();
    assert_eq!(years, [("2024", 2), ("2023", 1), ("2022", 1), ("2021", 1)]);
    let kinds: Vec<(&str, usize)> = lib.facets()[1].values.iter().map(|v| (v.label.as_str(), v.total)).collect();
    assert_eq!(kinds, [("proposal", 3), ("suggestion", 2)]);
    let sources: Vec<(&str, usize)> = lib.facets()[3].values.iter().map(|v| (v.label.as_str(), v.total)).collect();
    assert_eq!(sources[0], ("武汉市科学技术局", 3), "by count");
    let out = ask(&mut lib, &files, "中试", &none, Order::Newest);
    assert_eq!(numbers(&mut lib, &files, &out.docs), [4, 1, 3]);
    assert_eq!(out.counts[1], [2, 1], "kind: 1 and 3 are proposals, 4 a suggestion");
    let mut sel = Selection::default();
    sel.values[1] = vec![lib.facet_value(1, "proposal").unwrap()];
    let out = ask(&mut lib, &files, "中试", &sel, Order::Newest);
    assert_eq!(numbers(&mut lib, &files, &out.docs), [1, 3]);
    assert_eq!(out.matched, 3, "before the selection");
    assert_eq!(out.counts[1], [2, 1], "the kind facet counts without its own selection");
    assert_eq!(out.counts[0], [0, 1, 1, 0], "years of the proposals only");
    sel.values[0] = vec![lib.facet_value(0, "2022").unwrap()];
    let out = ask(&mut lib, &files, "中试", &sel, Order::Newest);
    assert_eq!(numbers(&mut lib, &files, &out.docs), [3]);
    assert_eq!(out.counts[1], [1, 0], "kinds of 2022");
    assert_eq!(out.counts[0], [0, 1, 1, 0], "years of proposals");

    // Cards: what a result shows.
    let card = lib.card(out.docs[0]).unwrap();
    assert_eq!(card.url, "https://example.gov.cn/jytabl/r2.html");
    assert_eq!(card.title, "对市政协十四届二次会议第20230003号提案的答复");
    assert_eq!(
        (card.kind, card.session.as_deref(), card.body.as_deref()),
        (DocKind::Proposal, Some("十四届二次"), Some("政协"))
    );
    assert_eq!((card.proposer.as_deref(), card.role.as_deref()), (Some("王五"), Some("委员")));
    assert_eq!((card.date.as_deref(), card.source.as_deref()), (Some("2022-11-30"), Some("武汉市科学技术局")));
    let outline: Vec<(&str, &str, &str)> =
        card.outline.iter().map(|s| (s.id.as_str(), s.label.as_str(), s.title.as_str())).collect();
    assert_eq!(outline, [("s1", "一", "人才引进"), ("s2", "二", "平台")]);
    let f = &card.figures[0];
    assert_eq!(
        (f.id.as_str(), f.text.as_str(), f.amount.kind, f.amount.value),
        ("f1", "300余名", FigureKind::Count, 300.0)
    );
    assert_eq!(
        (f.amount.unit.as_deref(), f.amount.qualifier, card.label(&f.section)),
        (Some("名"), Some(crate::Qualifier::Over), "一")
    );
    assert_eq!(f.clause, "引进人才300余名");
}

#[test]
fn pages_of_results() {
    let replies: Vec<(String, crate::Reply)> = (0..45)
        .map(|k| {
            let date = format!("2023-{:02}-{:02}", 1 + k / 28, 1 + k % 28);
            let t = reply_text(
                "提案",
                20230100 + k,
                &date,
                "武汉市科学技术局",
                "张三",
                &format!("一、科技金融\n投入{}亿元。", k + 1),
            );
            (format!("r{k}.html"), crate::parse(&t))
        })
        .collect();
    let files = build(&replies);
    let mut lib = Library::from_manifest(&files[MANIFEST]).unwrap();
    let out = ask(&mut lib, &files, "科技金融", &Selection::default(), Order::Newest);
    assert_eq!(out.total(), 45);
    assert_eq!((out.page(0).len(), out.page(1).len(), out.page(2).len(), out.page(3).len()), (20, 20, 5, 0));
    assert_eq!(out.page(1)[0], out.docs[20]);
    assert_eq!(lib.cards_needed(out.page(0)).len(), 20, "only the cards shown");
    let out = ask(&mut lib, &files, ">=40亿元", &Selection::default(), Order::Largest);
    let first = numbers(&mut lib, &files, out.page(0));
    assert_eq!(first, [144, 143, 142, 141, 140, 139], "by the largest figure: 45亿 … 40亿");
}

#[test]
fn building_is_deterministic_and_refuses_what_it_must() {
    let mut replies = small_archive();
    let a = build(&replies);
    replies.reverse();
    let b = build(&replies);
    assert_eq!(a, b, "the same files whatever the order they came in");

    let mut builder = Builder::new("");
    let replies = small_archive();
    builder.add("a.html", &replies[0].1).unwrap();
    assert_eq!(builder.add("b.html", &replies[0].1), Err(Skip::Duplicate("a.html".into())));
    assert_eq!(builder.add("a.html", &replies[1].1), Err(Skip::SameName("a.html".into())));
    let news = crate::parse("苏州市新增高新技术企业3012家\n今年全市新增3012家。");
    assert_eq!(builder.add("news.html", &news), Ok(Genre::News), "every page is indexed, with its genre");
    assert_eq!(builder.len(), 2);
    let mut only = Builder::new("").replies_only(true);
    let err = only.add("news.html", &news).unwrap_err();
    assert!(matches!(err, Skip::NotAReply(_)), "{err}");
    assert!(err.to_string().starts_with("not a reply: its title \"苏州市新增高新技术企业3012家\""), "{err}");
    assert_eq!(only.len(), 0);
}

#[test]
fn bad_files_are_refused_clearly() {
    let files = build(&small_archive());
    let manifest = String::from_utf8(files[MANIFEST].clone()).unwrap();
    let v5 = manifest.replace("\"version\":4", "\"version\":5");
    let err = Library::from_manifest(v5.as_bytes()).err().unwrap();
    assert!(err.to_string().starts_with("index version 5, this widget reads version 4: the widget is older"), "{err}");
    // An index of version 3 (titles in every indicator value) or 2 (before the indicator
    // files) is refused, not half read.
    for old in [3, 2] {
        let v = manifest.replace("\"version\":4", &format!("\"version\":{old}"));
        let err = Library::from_manifest(v.as_bytes()).err().unwrap();
        let said = format!("index version {old}, this widget reads version 4: the index is older");
        assert!(err.to_string().starts_with(&said), "{err}");
    }
    let v1 = manifest.replace("\"version\":4", "\"version\":1");
    let err = Library::from_manifest(v1.as_bytes()).err().unwrap();
    assert!(
        err.to_string().ends_with("the index is older than the widget, rebuild it with reply-widget index"),
        "{err}"
    );
    let err = Library::from_manifest(b"<!DOCTYPE html><title>404</title>").err().unwrap();
    assert_eq!(err.to_string(), "not a reply-widget index (manifest.json: not JSON)");
    let err = Library::from_manifest(b"{\"format\":\"pagefind\"}").err().unwrap();
    assert!(err.to_string().starts_with("not a reply-widget index"), "{err}");
    let err = Library::from_manifest(&files[MANIFEST][..100]).err().unwrap();
    assert_eq!(err, Error::NotAnIndex("cut short (truncated?)".into()));

    let mut lib = Library::from_manifest(&files[MANIFEST]).unwrap();
    let plan = Plan::new("中试平台");
    let need = lib.needs(&plan);
    assert_eq!(need[0], DOCS);
    let shard = need[1].clone();
    // Searching before the files are there says which are missing.
    assert_eq!(lib.search(&plan, &Selection::default(), Order::Newest), Err(Error::Missing(need.clone())));
    // Truncated, damaged, of another build, unknown.
    let bytes = &files[&shard];
    let err = lib.add(&shard, &bytes[..bytes.len() / 2]).unwrap_err();
    assert!(err.to_string().starts_with(&format!("{shard}: damaged index file (")), "{err}");
    let mut damaged = bytes.clone();
    let at = damaged.len() - 3;
    damaged[at] ^= 0x40;
    assert_eq!(lib.add(&shard, &damaged).unwrap_err(), Error::Corrupt(shard.clone(), "checksum mismatch".into()));
    let other = build(&small_archive()[..4]);
    let err = lib.add(DOCS, &other[DOCS]).unwrap_err();
    assert_eq!(err, Error::OtherBuild(DOCS.into()));
    assert!(err.to_string().contains("half written"), "{err}");
    assert_eq!(lib.add("replies/0.json", &other["replies/0.json"]), Err(Error::OtherBuild("replies/0.json".into())));
    assert!(
        matches!(lib.add("replies/1.json", &files["replies/0.json"]), Err(Error::Corrupt(..))),
        "another doc's card"
    );
    assert!(matches!(lib.add("replies/2.json", b"{\"build\":"), Err(Error::Corrupt(..))));
    assert_eq!(lib.add("replies/99.json", b"{}"), Err(Error::UnknownFile("replies/99.json".into())));
    assert_eq!(lib.add("words/007.bin", b""), Err(Error::UnknownFile("words/007.bin".into())));
    assert_eq!(lib.add("../secret", b""), Err(Error::UnknownFile("../secret".into())));
    assert_eq!(lib.add(MANIFEST, &other[MANIFEST]), Err(Error::OtherBuild(MANIFEST.into())));
    // Nothing bad was kept: the good files still answer.
    for f in lib.needs(&plan) {
        lib.add(&f, &files[&f]).unwrap();
    }
    assert_eq!(lib.search(&plan, &Selection::default(), Order::Newest).unwrap().total(), 2);
    // Each wasm module reads only its own files: the search's refuses a title chunk, the
    // indicator view's a word shard.
    assert_eq!(
        lib.add_only("titles/0.bin", &files["titles/0.bin"], Files::Search),
        Err(Error::UnknownFile("titles/0.bin".into()))
    );
    assert_eq!(lib.add_only(&shard, &files[&shard], Files::Values), Err(Error::UnknownFile(shard.clone())));
    lib.add_only("titles/0.bin", &files["titles/0.bin"], Files::Values).unwrap();
}

// ---------- each format: its writer and its reader agree ----------

#[test]
fn every_format_round_trips() {
    use super::figures::{chunk_file, read_chunk, write_chunk, Entry, Group, Range};
    use super::manifest::Manifest;
    use crate::model::{Amount, Qualifier};
    // The doc table: widths from the facets' value counts, rows back.
    let rows: Vec<super::docs::Row> = vec![[0, 1, 2, 0, 4], [3, 0, 0, 6, 1], [1, 1, 1, 1, 1]];
    let values = [4, 2, 3, 7, 7];
    let file = super::docs::write(&rows, &values, 9);
    let payload = open(DOCS, &file, super::format::TYPE_DOCS, 9).unwrap();
    assert_eq!(super::docs::read(payload, 3, &values), Some(rows.clone()));
    assert_eq!(super::docs::read(payload, 4, &values), None, "another count of replies");
    assert_eq!(super::docs::read(payload, 3, &[4, 2, 3, 6, 7]), None, "a value past its facet");

    // A figure chunk: every flag (qualifier, upper bound, whole or not) comes back.
    let money = |value, high, qualifier| Amount { kind: FigureKind::Money, value, high, unit: None, qualifier };
    let entries = vec![
        Entry { doc: 0, index: 0, amount: money(0.0, None, None) },
        Entry { doc: 2, index: 7, amount: money(28.34, Some(30.0), Some(Qualifier::Over)) },
        Entry { doc: 1, index: 300, amount: money(3.6e10, Some(4.5), Some(Qualifier::End)) },
    ];
    let file = write_chunk(&entries, 9);
    let payload = open(&chunk_file(0, 0), &file, super::format::TYPE_FIGURES, 9).unwrap();
    assert_eq!(read_chunk(payload, FigureKind::Money, 3, 3), Some(entries.clone()));
    assert_eq!(read_chunk(payload, FigureKind::Money, 3, 2), None, "a doc past the archive");
    assert_eq!(read_chunk(payload, FigureKind::Money, 4, 3), None, "another count than the manifest's");

    // A card: every figure's amount as the reply has it (a range, a qualifier, no unit), its
    // section and clause; the outline with its labels.
    let reply =
        crate::parse("关于科技创新的答复\n一、工作\n新增300余项，增长6%-10%，超过100万。\n（一）基金\n出资近4亿元。");
    let m = meta(&reply);
    let body = super::card::body("r1.html", &m, genre(&reply, &m), &reply);
    let file = super::card::write(9, 2, &body);
    let card = super::card::Card::read(&read::parse(&file).unwrap(), 2).unwrap();
    let shown: Vec<(&str, &str)> = card.figures.iter().map(|f| (f.text.as_str(), card.label(&f.section))).collect();
    assert_eq!(shown, [("300余项", "一"), ("6%-10%", "一"), ("超过100万", "一"), ("近4亿元", "一（一）")]);
    let amounts: Vec<&Amount> = card.figures.iter().map(|f| &f.amount).collect();
    assert_eq!(amounts, reply.figures.iter().map(|f| &f.amount).collect::<Vec<_>>(), "each amount as parsed");
    assert_eq!(card.figures[2].amount.unit, None, "超过100万: no unit, read back as none");
    assert_eq!((card.doc, card.url.as_str()), (2, "r1.html"));
    assert_eq!(super::card::Card::read(&read::parse(&file).unwrap(), 3), None, "another doc's card");

    // A word shard: the lists of its tags.
    let file = super::words::write(&[(5, vec![0, 2]), (5 | 7 << 32, vec![1])], 9);
    assert_eq!(file.len(), 1);
    let payload = open(&file[0].0, &file[0].1, WORDS, 9).unwrap();
    let shard = super::words::Shard::read(payload, 3).unwrap();
    assert_eq!(
        (shard.lookup(5, 3), shard.lookup(5 | 7 << 32, 3), shard.lookup(6 << 32, 3)),
        (vec![0, 2], vec![1], vec![])
    );

    // The manifest: every field.
    let m = Manifest {
        build: 0x0123_4567_89ab_cdef,
        replies: 3,
        shards: 2,
        sizes: Sizes { docs: 30, words: 1000, figures: 200, cards: 9000, indicators: 700, titles: 500 },
        facets: FACETS
            .iter()
            .map(|name| Facet {
                name,
                values: vec![
                    FacetValue { label: "甲".into(), total: 2 },
                    FacetValue { label: String::new(), total: 1 },
                ],
            })
            .collect(),
        groups: vec![Group {
            kind: FigureKind::Money,
            unit: Some("元".into()),
            chunks: vec![Range { low: 0.5, high: 3.6e10, count: 1024 }, Range { low: 1.0, high: 2.0, count: 3 }],
        }],
        newest: Some("2026-03".into()),
        indicators: vec![("中试平台".into(), 4), ("技术合同成交额".into(), 12)],
    };
    assert_eq!(Manifest::read(m.write().as_bytes()), Ok(m));
}

// ---------- limits: a hostile or broken index is refused before it costs memory ----------

#[test]
fn hostile_manifests_and_files_are_refused_by_their_size() {
    let files = build(&small_archive());
    let manifest = String::from_utf8(files[MANIFEST].clone()).unwrap();
    let err = |text: &str| Library::from_manifest(text.as_bytes()).err().map(|e| e.to_string()).unwrap_or_default();
    // Counts the format does not allow, or that the manifest's own facets contradict.
    let lie = manifest.replace("\"replies\":5", "\"replies\":16777216");
    assert_eq!(
        err(&lie),
        "manifest.json: damaged index file (16777216 replies, more than an index may hold (1048576))"
    );
    let lie = manifest.replace("\"replies\":5", "\"replies\":1048576");
    assert_eq!(err(&lie), "manifest.json: damaged index file (bad facets)", "the facets' totals say 5");
    let lie = manifest.replace("\"shards\":1", "\"shards\":0");
    assert_eq!(err(&lie), "manifest.json: damaged index file (bad shard count)");
    let at = manifest.find("\"sizes\":{").unwrap();
    let end = at + manifest[at..].find('}').unwrap() + 1;
    let without = format!("{}\"x\":0{}", &manifest[..at], &manifest[end..]);
    assert_eq!(err(&without), "manifest.json: damaged index file (no file sizes)", "an index without limits");
    let huge = manifest.replacen("\"words\":", "\"words\":99999999", 1);
    assert!(err(&huge).starts_with("manifest.json: sizes.words: larger than the index allows"), "{}", err(&huge));
    // A manifest over the limit is refused before it is read.
    let mut big = manifest.clone().into_bytes();
    big.resize(MAX_MANIFEST + 1, b' ');
    assert_eq!(
        Library::from_manifest(&big).err(),
        Some(Error::TooLarge(MANIFEST.into(), MAX_MANIFEST as u64 + 1, MAX_MANIFEST as u64))
    );
    assert!(Library::from_manifest(&big[..MAX_MANIFEST]).is_ok(), "at the limit: read");

    // Every other file is held to the largest of its kind in this build.
    let mut lib = Library::from_manifest(&files[MANIFEST]).unwrap();
    for (name, bytes) in &files {
        let limit = lib.limit(name).unwrap_or_else(|| panic!("{name} has a limit"));
        assert!(bytes.len() <= limit, "{name}: {} > {limit}", bytes.len());
    }
    assert_eq!(lib.limit(DOCS), Some(files[DOCS].len()), "the doc table's exact size");
    assert_eq!(lib.limit("../x"), None);
    let card = &files["replies/0.json"];
    let largest = files.iter().filter(|(n, _)| n.starts_with("replies/")).map(|(_, b)| b.len()).max().unwrap();
    let mut padded = card.clone();
    padded.resize(largest + 1, b' ');
    assert_eq!(
        lib.add("replies/0.json", &padded),
        Err(Error::TooLarge("replies/0.json".into(), largest as u64 + 1, largest as u64)),
        "refused by its size, before it is parsed"
    );
    lib.add("replies/0.json", card).expect("the card itself");
    // A count inside a file larger than its bytes could hold: refused, nothing allocated for it.
    let mut lying = Vec::new();
    put_varint(&mut lying, 1 << 40);
    assert_eq!(decode_list(&lying, usize::MAX), None);
    assert_eq!(super::figures::read_chunk(&[0x80, 0x08, 0, 0, 0, 0], FigureKind::Money, 1024, 5), None);
}

#[test]
fn the_genre_of_a_page_from_its_title() {
    let cases = [
        ("关于加快发展的提案的答复\n一、工作\n投入3亿元。", Genre::Reply),
        ("关于实施人才计划的提案\n张三委员：\n一、工作\n投入3亿元。", Genre::Reply),
        ("工作情况\n张三委员：\n一、工作\n投入3亿元。", Genre::Reply),
        ("2023年建议提案办理工作方案\n一、目标\n办结率100%。", Genre::Plan),
        ("关于印发2024年建议提案办理工作方案的通知\n各处室：\n现印发。", Genre::Plan),
        ("2023年度建议提案办理工作总结\n一、总体情况\n共承办86件。", Genre::Summary),
        ("关于2023年建议提案办理情况的报告\n一、总体情况\n共承办86件。", Genre::Summary),
        ("关于促进科技成果转化的实施意见\n一、总体要求\n到2025年达到200家。", Genre::Policy),
        ("关于延长申报时间的通知\n各有关单位：\n特此通知。", Genre::Notice),
        ("市科技局召开建议提案办理工作推进会\n3月5日，市科技局召开推进会。", Genre::News),
        ("苏州市新增高新技术企业3012家\n今年全市新增3012家。", Genre::News),
        // A title written over two lines: its end is in the opening's first line.
        ("国务院办公厅关于开展\n城镇小区配套幼儿园治理工作的通知\n国办发〔2019〕3号\n一、工作目标\n到2020年达到80%。", Genre::Notice),
        ("国务院办公厅关于推进\n政务新媒体健康有序发展的意见\n一、总体要求\n到2022年建成1000个。", Genre::Policy),
        ("国务院办公厅关于印发国家粮食应急预案的函\n一、总则\n储备500万吨。", Genre::Plan),
    ];
    for (text, want) in cases {
        let r = crate::parse(text);
        assert_eq!(genre(&r, &meta(&r)), want, "{text}");
    }
}
