//! The parser on replies written for these tests in the genre, and its properties.

use proptest::prelude::*;
use reply_core::parse::{parse_lines, Hints};
use reply_core::{parse, FigureKind, Qualifier, Reply, BUNDLED_TEXT};

fn outline(r: &Reply) -> Vec<(usize, String, String)> {
    r.walk_sections().into_iter().map(|(d, s)| (d, s.number.clone(), s.title.clone())).collect()
}

fn texts(r: &Reply) -> Vec<&str> {
    r.figures.iter().map(|f| f.text.as_str()).collect()
}

#[test]
fn flat_reply_with_salutation_and_signature() {
    let r = parse(include_str!("fixtures/replies/flat-salutation-signature.txt"));
    assert_eq!(r.title, "关于加快科技成果转化的建议的答复");
    assert_eq!(r.published.as_deref(), Some("2024年3月5日"));
    assert_eq!(r.meta.len(), 2);
    assert_eq!(r.salutation.as_ref().map(|p| p.text.as_str()), Some("王建国代表："));
    // No headings: one implicit section holds the body.
    assert_eq!(r.sections.len(), 1);
    assert_eq!(r.sections[0].paragraphs.len(), 3);
    assert!(r.sections[0].paragraphs[0].text.starts_with("您提出的《关于加快科技成果转化的建议》收悉"));
    assert_eq!(r.closing.len(), 1);
    assert!(r.closing[0].text.starts_with("感谢"));
    let sig: Vec<&str> = r.signature.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(sig, ["武汉市科学技术局", "2024年3月5日", "联系人：李明　联系电话：027-85678901"]);
    // The date under the signature counts; the phone number on the contact line does not.
    assert_eq!(
        texts(&r),
        [
            "约2亿元",
            "2023年",
            "突破1500亿元",
            "20.5%",
            "今年3月",
            "1%",
            "不超过100万元",
            "80余家",
            "1,200名",
            "2024年3月5日"
        ]
    );
    let f = |t: &str| r.figures.iter().find(|f| f.text == t).expect(t);
    assert_eq!(f("今年3月").date.as_deref(), Some("2024-03"), "今年 is the publication year");
    assert_eq!(f("1,200名").amount.value, 1200.0);
    assert_eq!(f("突破1500亿元").amount.qualifier, Some(Qualifier::Over));
    assert_eq!(f("约2亿元").amount.qualifier, Some(Qualifier::About));
}

#[test]
fn three_level_plan() {
    let r = parse(include_str!("fixtures/replies/three-level-plan.txt"));
    assert_eq!(r.salutation.as_ref().map(|p| p.text.as_str()), Some("尊敬的李委员："));
    assert_eq!(r.preamble.len(), 1);
    let o = outline(&r);
    let expect: Vec<(usize, &str, &str)> = vec![
        (1, "一", "总体情况"),
        (2, "（一）", "基金建设"),
        (3, "1", "设立天使基金"),
        (3, "2", "扩大母基金"),
        (2, "（二）", "贷款服务"),
        (3, "1", "科技贷款"),
        (1, "二", "下一步工作"),
        (2, "（一）", "加大投入"),
        (3, "1", "每年新增8至10家合作银行"),
        (4, "（1）", "扩大覆盖面，新增5家支行"),
        (4, "（2）", "提升服务质量"),
        (3, "2", "推出“科技E贷2.0版”产品"),
    ];
    let got: Vec<(usize, &str, &str)> = o.iter().map(|(d, n, t)| (*d, n.as_str(), t.as_str())).collect();
    assert_eq!(got, expect);
    assert_eq!(r.sections[0].children[0].children[0].id, "s1-1-1");
    assert_eq!(r.closing.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(), ["特此答复。"]);
    // Figures in headings count: 每年新增8至10家合作银行, 扩大覆盖面，新增5家支行.
    assert_eq!(
        texts(&r),
        ["2022年", "10支", "30亿元", "近100亿元", "约3倍", "今年10月底", "超过4000亿元", "8至10家", "5家"]
    );
    let in_heading: Vec<(&str, &str)> =
        r.figures[7..].iter().map(|f| (f.section.as_str(), f.paragraph.as_str())).collect();
    assert_eq!(in_heading, [("s2-1-1", "s2-1-1"), ("s2-1-1-1", "s2-1-1-1")], "offsets in the heading's title");
    assert_eq!(r.figures[5].date.as_deref(), Some("2022-10"));
}

#[test]
fn headings_past_ten() {
    let r = parse(include_str!("fixtures/replies/past-ten.txt"));
    assert_eq!(r.sections.len(), 12);
    assert_eq!(r.sections[10].number, "十一");
    assert_eq!(r.sections[11].title, "第12方面的工作");
    // 十二个 in the title counts, then one figure per section.
    assert_eq!(r.figures.len(), 13);
    assert_eq!((r.figures[0].text.as_str(), r.figures[0].paragraph.as_str()), ("十二个", "title"));
    assert_eq!(r.figures[12].amount.value, 12e8);
}

#[test]
fn headings_past_one_hundred() {
    let r = parse(include_str!("fixtures/replies/past-hundred.txt"));
    assert_eq!(r.sections.len(), 120);
    assert_eq!(r.sections[100].number, "一百零一");
    assert_eq!(r.sections[119].number, "一百二十");
    assert!(r.sections.iter().all(|s| s.paragraphs.len() == 1));
}

#[test]
fn four_hundred_ninety_nine_sections() {
    let mut text = String::from("答复\n");
    let d = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    for n in 1..=499usize {
        let (h, t, o) = (n / 100, n / 10 % 10, n % 10);
        let mut s = String::new();
        if h > 0 {
            s.push_str(d[h]);
            s.push('百');
        }
        if t > 0 {
            if !(t == 1 && h == 0) {
                s.push_str(d[t]);
            }
            s.push('十');
        } else if h > 0 && o > 0 {
            s.push('零');
        }
        s.push_str(d[o]);
        text.push_str(&format!("{s}、第{n}节\n正文。\n"));
    }
    let r = parse(&text);
    assert_eq!(r.sections.len(), 499);
    assert_eq!(r.sections[498].number, "四百九十九");
}

#[test]
fn full_width_punctuation_reads_like_ascii() {
    let full: String = BUNDLED_TEXT
        .chars()
        .map(|c| match c {
            ',' => '，',
            ':' => '：',
            '(' => '（',
            ')' => '）',
            '%' => '％',
            c => c,
        })
        .collect();
    let a = parse(BUNDLED_TEXT);
    let b = parse(&full);
    assert_eq!(outline(&a).len(), outline(&b).len());
    assert_eq!(b.sections[0].children[0].number, "（一）");
    assert_eq!(b.published.as_deref(), Some("2023-08-22 19：35"));
    assert_eq!(b.source, a.source);
    let kinds =
        |r: &Reply| r.figures.iter().map(|f| (f.amount.kind, f.amount.value, f.amount.high)).collect::<Vec<_>>();
    assert_eq!(kinds(&a), kinds(&b), "the same 48 figures");
}

#[test]
fn heading_numbers_out_of_sequence_stay_paragraphs() {
    let r = parse("答复\n一、第一部分\n正文。\n3.这是一句以数字开头的话。\n二、第二部分\n正文。");
    assert_eq!(r.sections.len(), 2);
    assert!(r.sections[0].children.is_empty());
    assert_eq!(r.sections[0].paragraphs[1].text, "3.这是一句以数字开头的话。");
}

#[test]
fn unknown_shapes_land_in_paragraphs() {
    let r = parse("<p>HTML 残留</p>\n\u{200b}零宽\n🙂 emoji\nשלום");
    let all: Vec<&str> = r.paragraphs().into_iter().map(|(_, p)| p.text.as_str()).collect();
    assert!(r.title == "<p>HTML 残留</p>" || all.contains(&"<p>HTML 残留</p>"));
    assert!(all.contains(&"🙂 emoji") && all.contains(&"שלום"));
}

#[test]
fn figure_kinds_cover_the_contract() {
    let r = parse(BUNDLED_TEXT);
    for kind in FigureKind::ALL {
        assert!(r.figures.iter().any(|f| f.amount.kind == kind), "{kind:?} appears in the bundled reply");
    }
}

/// Every letter and digit of the input, in order, except page chrome lines.
fn alnum_of_input(text: &str) -> String {
    // As the parser does: a byte order mark before the first line is not part of it.
    text.trim_start_matches('\u{feff}')
        .split(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}'])
        .filter(|l| !reply_core::parse::is_chrome(l))
        .flat_map(|l| l.chars())
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Every letter and digit of the result, in reading order.
fn alnum_of_reply(r: &Reply) -> String {
    let mut out = String::new();
    let mut push = |s: &str| out.extend(s.chars().filter(|c| c.is_alphanumeric()));
    // Reading order: the header lines come in the order written; the title may follow metadata.
    push(&r.title);
    for m in &r.meta {
        push(m);
    }
    if let Some(s) = &r.salutation {
        push(&s.text);
    }
    for p in &r.preamble {
        push(&p.text);
    }
    for (_, s) in r.walk_sections() {
        if !s.number.is_empty() {
            push(&s.number);
            push(&s.title);
        }
        for p in &s.paragraphs {
            push(&p.text);
        }
    }
    for p in r.closing.iter().chain(&r.signature) {
        push(&p.text);
    }
    out
}

fn sorted(s: &str) -> Vec<char> {
    let mut v: Vec<char> = s.chars().collect();
    v.sort_unstable();
    v
}

/// Text in the genre's alphabet, so headings, figures and metadata actually occur.
fn genre_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("一、".to_string()),
        Just("(二)".to_string()),
        Just("（一）".to_string()),
        Just("1.".to_string()),
        Just("（1）".to_string()),
        Just("第一条　".to_string()),
        Just("第二章".to_string()),
        Just("1.1　".to_string()),
        Just("\n附件1\n".to_string()),
        Just("\n附件：".to_string()),
        Just("目录".to_string()),
        Just("\n".to_string()),
        Just("。".to_string()),
        Just("发布时间: 2023-08-22".to_string()),
        Just("今天是:".to_string()),
        Just("下一步,".to_string()),
        Just("361亿元".to_string()),
        Just("近4倍".to_string()),
        Just("6%-10%".to_string()),
        Just("《规划(2022-2025)》".to_string()),
        Just("今年4月底".to_string()),
        Just("武汉市科学技术局".to_string()),
        Just("2023年8月22日".to_string()),
        Just("代表:".to_string()),
        "[\\PC]{0,6}",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_never_panics_and_keeps_every_character(text in "\\PC*") {
        let r = parse(&text);
        prop_assert_eq!(sorted(&alnum_of_input(&text)), sorted(&alnum_of_reply(&r)));
    }

    #[test]
    fn genre_text_keeps_every_character_in_order(text in genre_text()) {
        // Every piece of the reply is the exact text of the input at its origin, the pieces come
        // in reading order (no reordering), and every letter and digit of the input (chrome
        // lines aside) is in some piece or a metadata line (nothing lost).
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']).collect();
        let parsed = parse_lines(&lines, &Hints::default());
        let r = &parsed.reply;
        let mut pieces: Vec<(&str, &str)> = Vec::new(); // (id, text) in reading order
        if parsed.origins.get("title").is_some() {
            pieces.push(("title", &r.title));
        }
        if let Some(s) = &r.salutation {
            pieces.push((&s.id, &s.text));
        }
        pieces.extend(r.preamble.iter().map(|p| (p.id.as_str(), p.text.as_str())));
        for (_, s) in r.walk_sections() {
            // An attachment's title set on lines of its own: its label line is its origin (no
            // title on it), the title lines are its first paragraphs.
            let own_lines = parsed.origins.get(&s.id).is_some_and(|o| o.text == o.end);
            if own_lines {
                prop_assert!(s.title.starts_with(&s.paragraphs[0].text), "{} title in its paragraphs", s.id);
                pieces.push((&s.id, ""));
            } else if !s.number.is_empty() {
                pieces.push((&s.id, &s.title));
            }
            pieces.extend(s.paragraphs.iter().map(|p| (p.id.as_str(), p.text.as_str())));
        }
        pieces.extend(r.closing.iter().chain(&r.signature).map(|p| (p.id.as_str(), p.text.as_str())));
        let chars: Vec<Vec<char>> = lines.iter().map(|l| l.chars().collect()).collect();
        let mut covered: Vec<Vec<bool>> = chars.iter().map(|l| vec![false; l.len()]).collect();
        let mut last = (0u32, 0u32);
        for (id, piece) in &pieces {
            let span = parsed.origins.get(id);
            prop_assert!(span.is_some(), "{} has an origin", id);
            let span = span.unwrap();
            let line = &chars[span.line as usize];
            let at: String = line[span.text as usize..span.end as usize].iter().collect();
            prop_assert_eq!(&at, piece, "{} is its input text", id);
            prop_assert!((span.line, span.start) >= last, "{} comes after what is before it", id);
            last = (span.line, span.end);
            for c in &mut covered[span.line as usize][span.start as usize..span.end as usize] {
                *c = true;
            }
        }
        for (k, line) in lines.iter().enumerate() {
            // (A line is trimmed of white space and of the invisible marks around it: BOM, ZWSP.)
            let blank = |c: char| c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}');
            if reply_core::parse::is_chrome(line) || r.meta.iter().any(|m| m == line.trim_matches(blank)) {
                continue;
            }
            // (The page's date after the title on its line is a metadata line of its own: its end.)
            let trimmed = line.trim_end_matches(blank);
            if let Some(m) = r.meta.iter().find(|m| !m.is_empty() && trimmed.ends_with(m.as_str())) {
                let from = trimmed[..trimmed.len() - m.len()].chars().count();
                for c in &mut covered[k][from..from + m.chars().count()] {
                    *c = true;
                }
            }
            for (i, c) in chars[k].iter().enumerate() {
                prop_assert!(!c.is_alphanumeric() || covered[k][i], "{:?} of line {} is kept", c, k);
            }
        }
        for f in &r.figures {
            let p = r.text_of(&f.paragraph);
            prop_assert!(p.is_some(), "figure's paragraph exists");
            let slice: String = p.unwrap().1.chars().skip(f.start as usize).take((f.end - f.start) as usize).collect();
            prop_assert_eq!(&slice, &f.text);
            prop_assert!(f.amount.value.is_finite());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    /// parseReply's JSON strings read back exactly, whatever the text: quotes, backslashes,
    /// control characters, U+2028/U+2029, astral characters.
    #[test]
    fn json_strings_read_back_exactly(text in "(\\PC|[\"\\\\\u{0}-\u{1f}\u{2028}\u{2029}\u{e2}])*") {
        let mut out = String::new();
        reply_core::json::string(&mut out, &text);
        prop_assert_eq!(serde_json::from_str::<String>(&out).ok(), Some(text.clone()));
        let raw_line_end = out.contains(['\u{2028}', '\u{2029}']);
        prop_assert!(!raw_line_end, "U+2028/U+2029 are escaped");
    }
}

/// Native parse throughput, for the benchmark (`tests/bench/bench.mjs`); not a timed test.
#[test]
#[ignore]
fn parse_throughput() {
    let text = BUNDLED_TEXT.repeat(100);
    let start = std::time::Instant::now();
    let mut runs = 0;
    while start.elapsed().as_secs_f64() < 2.0 {
        std::hint::black_box(parse(std::hint::black_box(&text)));
        runs += 1;
    }
    let mb = (text.len() * runs) as f64 / 1e6;
    println!("parse throughput: {:.1} MB/s", mb / start.elapsed().as_secs_f64());
}
