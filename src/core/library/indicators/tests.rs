//! The indicator view's logic on a small hand-made archive, and the indicator files end to end
//! (builder → bytes → library).

use std::collections::HashMap;

use super::*;
use crate::library::titles::{read_titles, write_titles};
use crate::library::{Builder, Library, MANIFEST};

/// A value of 技术合同成交额 in 亿元: stance, deadline or reply month, amount.
fn v(stance: Option<Stance>, by: Option<&str>, reported: &str, yi: f64) -> IndicatorValue {
    IndicatorValue {
        doc: 0,
        index: 0,
        kind: FigureKind::Money,
        stance,
        value: yi * 1e8,
        high: None,
        unit: Some("元".into()),
        by: by.map(str::to_string),
        reported: reported.to_string(),
        text: format!("{yi}亿元"),
        context: String::new(),
        title: format!("答复 {reported}"),
        url: String::new(),
    }
}

const T: Option<Stance> = Some(Stance::Target);
const R: Option<Stance> = Some(Stance::Result);

/// (when, stance, text) of each value, as the table shows them.
fn rows(values: &[IndicatorValue]) -> Vec<(String, &'static str, String)> {
    values.iter().map(|x| (x.when().to_string(), x.stance_label(), x.text.clone())).collect()
}

fn archive() -> Vec<IndicatorValue> {
    vec![
        v(T, Some("2025"), "2023-08", 300.0),
        v(R, None, "2024-03", 210.0),
        v(T, Some("2024"), "2022-05", 250.0),
        v(R, None, "2026-03", 320.0),
        v(T, Some("2026-06"), "2024-03", 400.0),
        v(T, Some("2023"), "2021-04", 500.0),
        v(T, None, "2023-08", 999.0),
        v(R, None, "2025-01", 290.0),
    ]
}

#[test]
fn values_read_in_time_order_results_at_their_month_targets_at_their_deadline() {
    let mut values = archive();
    in_time_order(&mut values);
    // A target without deadline stands at its reply's month, a year's deadline at its end.
    let expected = [
        ("2023-08", "目标", "999亿元"),
        ("2023", "目标", "500亿元"),
        ("2024-03", "成果", "210亿元"),
        ("2024", "目标", "250亿元"),
        ("2025-01", "成果", "290亿元"),
        ("2025", "目标", "300亿元"),
        ("2026-03", "成果", "320亿元"),
        ("2026-06", "目标", "400亿元"),
    ];
    let expected: Vec<(String, &str, String)> =
        expected.iter().map(|(w, s, t)| (w.to_string(), *s, t.to_string())).collect();
    assert_eq!(rows(&values), expected);
}

#[test]
fn passed_deadlines_are_judged_by_the_latest_result_reported_after_them() {
    let mut values = archive();
    in_time_order(&mut values);
    let now = newest_month(&values).unwrap();
    assert_eq!(now, "2026-03");
    let judged: Vec<(String, String, &str)> = track(&values, &now)
        .iter()
        .map(|p| {
            let by = values[p.target].by.clone().unwrap();
            let result = p.result.map_or(String::new(), |r| format!("{} {}", values[r].reported, values[r].text));
            (by, result, p.verdict.label())
        })
        .collect();
    let expected = [
        ("2023", "2026-03 320亿元", "未达成"),
        ("2024", "2026-03 320亿元", "已达成"),
        ("2025", "2026-03 320亿元", "已达成"),
    ];
    let expected: Vec<(String, String, &str)> =
        expected.iter().map(|(a, b, c)| (a.to_string(), b.to_string(), *c)).collect();
    assert_eq!(judged, expected);
    // Earlier, in 2025-06: results reported later do not count yet — the 2023 and 2024 targets
    // are judged by 2025-01's 290; the 2025 target's deadline has not passed.
    let early: Vec<(&str, &str)> = track(&values, "2025-06")
        .iter()
        .map(|p| (values[p.result.unwrap()].text.as_str(), p.verdict.label()))
        .collect();
    assert_eq!(early, [("290亿元", "未达成"), ("290亿元", "已达成")]);
    // A year as now counts from its first month: in 2026 the 2025 target has passed.
    assert_eq!(track(&values, "2026").len(), 3);
    assert_eq!(track(&values, "2025-12").len(), 2, "2025 ends in 2025-12: not passed yet");
}

#[test]
fn a_target_without_a_later_result_is_unreported_and_other_units_do_not_count() {
    let mut percent = v(R, None, "2027-01", 900.0);
    percent.kind = FigureKind::Percent;
    percent.unit = Some("%".into());
    let values = vec![v(T, Some("2025"), "2023-08", 300.0), v(R, None, "2025-11", 310.0), percent];
    let p = track(&values, "2027-02");
    assert_eq!(p.len(), 1);
    assert_eq!((p[0].result, p[0].verdict.label()), (None, "未见报告"), "2025-11 is before the deadline's end");
}

#[test]
fn csv_has_the_command_lines_columns_and_inert_cells() {
    let mut values = archive();
    in_time_order(&mut values);
    values[1].context = "=HYPERLINK(\"x\")".into();
    let csv = values_csv("技术合同成交额", &values[1..2]);
    let mut lines = csv.split("\r\n");
    assert_eq!(lines.next(), Some("\u{feff}指标,日期,立场,数值,上限,单位,类型,期限,数据,答复,发布,来源,上下文"));
    assert_eq!(
        lines.next(),
        Some("技术合同成交额,2023,目标,50000000000,,元,金额,2023,500亿元,答复 2021-04,2021-04,,\"'=HYPERLINK(\"\"x\"\")\"")
    );
    let promises = track(&values, "2026-03");
    let csv = promises_csv("技术合同成交额", &values, &promises);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "\u{feff}指标,期限,目标,目标答复,目标发布,成果,成果发布,成果答复,结论");
    assert_eq!(lines[1], "技术合同成交额,2023,500亿元,答复 2021-04,2021-04,320亿元,2026-03,答复 2026-03,未达成");
    assert_eq!(lines.len(), 5, "3 rows and the last line end");
}

fn reply(date: &str, body: &str) -> crate::Reply {
    let text = format!(
        "关于加快科技成果转化的提案的答复\n发布时间：{date} 10:00 来源：某市科学技术局\n张三委员：\n您提出的提案收悉。现答复如下：\n{body}\n感谢您对我们工作的关心和支持。\n某市科学技术局\n{date}"
    );
    let mut r = crate::parse(&text);
    crate::parse::annotate(&mut r);
    r
}

#[test]
fn the_index_holds_one_file_per_indicator_and_the_library_reads_it_back() {
    let replies = [
        ("a.html", reply("2023-08-22", "一、成果转化\n到2025年，全市技术合同成交额达到2700亿元。")),
        ("b.html", reply("2026-03-05", "一、成果转化\n2025年全市技术合同成交额达到2800亿元。")),
        ("c.html", reply("2024-04-01", "一、平台\n到2026年，建成中试平台50个。")),
    ];
    let mut b = Builder::new("https://example.gov.cn/");
    for (name, r) in &replies {
        b.add(name, r).expect("a reply");
    }
    let files: HashMap<String, Vec<u8>> = b.build().into_iter().collect();
    let mut lib = Library::from_manifest(&files[MANIFEST]).expect("our manifest");
    let keys: Vec<&str> = lib.indicators().iter().map(|(k, _)| k.as_str()).collect();
    assert!(keys.contains(&"技术合同成交额"), "{keys:?}");
    assert_eq!(lib.newest(), Some("2026-03"));
    assert_eq!(lib.indicator_needs("没有的指标"), None);
    let need = lib.indicator_needs("技术合同成交额").unwrap();
    assert_eq!(need.len(), 1, "one file: {need:?}");
    assert!(need[0].starts_with("indicators/"));
    assert!(lib.indicator("技术合同成交额").is_none(), "not before its file");
    lib.add(&need[0], &files[&need[0]]).expect("a good file");
    // Then the title table's chunk of its replies: the values name their reply by doc id.
    assert_eq!(lib.indicator_needs("技术合同成交额"), Some(vec!["titles/0.bin".to_string()]));
    assert!(lib.indicator("技术合同成交额").is_none(), "not before its replies' titles");
    let bare = lib.indicator_values("技术合同成交额").unwrap();
    assert_eq!((bare.len(), bare[0].title.as_str()), (2, ""));
    lib.add("titles/0.bin", &files["titles/0.bin"]).expect("a good title chunk");
    assert_eq!(lib.indicator_needs("技术合同成交额"), Some(vec![]));
    assert_eq!(lib.indicator_needs("中试平台"), Some(vec![need_of(&lib, "中试平台")]), "the title chunk is shared");
    let values = lib.indicator("技术合同成交额").unwrap();
    let shown: Vec<(String, &str, String)> = rows(values);
    assert_eq!(
        shown,
        [("2025".to_string(), "目标", "2700亿元".to_string()), ("2026-03".to_string(), "成果", "2800亿元".to_string())]
    );
    assert_eq!(values[0].url, "https://example.gov.cn/a.html");
    assert_eq!((values[0].reported.as_str(), values[1].reported.as_str()), ("2023-08", "2026-03"));
    assert!(values[0].title.contains("科技成果转化"), "{}", values[0].title);

    let p = track(values, lib.newest().unwrap());
    assert_eq!(p.iter().map(|p| p.verdict.label()).collect::<Vec<_>>(), ["已达成"]);

    // A damaged file, or one of another indicator's slot, is refused.
    let mut bad = files[&need[0]].clone();
    let last = bad.len() - 1;
    bad[last] ^= 1;
    assert!(lib.add(&need[0], &bad).is_err());
    assert!(lib.add("indicators/99.bin", &files[&need[0]]).is_err());
    assert!(lib.add("titles/1.bin", &files["titles/0.bin"]).is_err(), "no such chunk");

    // An indicator file added after the titles gets them at once.
    let other = need_of(&lib, "中试平台");
    lib.add(&other, &files[&other]).expect("a good file");
    let shown: Vec<(String, &str, String)> = rows(lib.indicator("中试平台").unwrap());
    assert_eq!(shown, [("2026".to_string(), "目标", "50个".to_string())]);
}

/// The file an indicator needs first.
fn need_of(lib: &Library, key: &str) -> String {
    lib.indicator_needs(key).unwrap_or_default().into_iter().next().unwrap_or_default()
}

#[test]
fn an_indicator_file_and_a_title_chunk_read_back_what_was_written() {
    let mut values = archive();
    for (k, v) in values.iter_mut().enumerate() {
        v.doc = k as u32;
        v.index = 3 * k as u32;
    }
    values[2].high = Some(2.6e10);
    values[3].value = 0.25;
    values[4].unit = None;
    values[5].context = "到2023年，全市技术合同成交额达到500亿元，年均增长15%以上。".into();
    let payload = &write(&values, 7)[super::super::format::HEADER..];
    let back = read(payload, values.len(), values.len()).expect("its own file");
    // Title, address and month are the title table's; the rest comes back as written.
    let bare: Vec<IndicatorValue> = values
        .iter()
        .map(|v| IndicatorValue { title: String::new(), url: String::new(), reported: String::new(), ..v.clone() })
        .collect();
    assert_eq!(back, bare);
    assert!(read(payload, values.len(), 3).is_none(), "a doc id past the archive");
    assert!(read(payload, values.len() + 1, values.len()).is_none(), "another count");
    assert!(read(&payload[..payload.len() - 1], values.len(), values.len()).is_none(), "cut short");

    let titles: Vec<DocTitle> = (0..3)
        .map(|k| DocTitle {
            title: format!("答复{k}"),
            url: format!("r{k}.html"),
            reported: format!("2024-0{}", k + 1),
        })
        .collect();
    let payload = &write_titles(&titles, 7)[super::super::format::HEADER..];
    assert_eq!(read_titles(payload, 3), Some(titles.clone()));
    assert!(read_titles(payload, 4).is_none());
    let mut some = bare[..3].to_vec();
    fill(&mut some, 1, &titles);
    let filled: Vec<(&str, &str, &str)> =
        some.iter().map(|v| (v.title.as_str(), v.url.as_str(), v.reported.as_str())).collect();
    assert_eq!(filled, [("", "", ""), ("答复0", "r0.html", "2024-01"), ("答复1", "r1.html", "2024-02")]);
}

#[test]
fn a_long_clause_is_cut_around_its_figure() {
    let clause = "近年来，我市持续加大科技投入力度，围绕产业链部署创新链，全市技术合同成交额达到1234.5亿元，同比增长15%，位居副省级城市前列，为经济高质量发展提供了有力支撑";
    let short = short_clause(clause, "1234.5亿元");
    assert!(short.contains("1234.5亿元"), "{short}");
    assert!(short.starts_with('…') && short.ends_with('…'), "{short}");
    assert_eq!(short.chars().count(), CLAUSE + 2);
    // At the start: cut at the end only; not found: the first chars.
    assert!(short_clause(clause, "近年来").starts_with("近年来"));
    assert!(short_clause(clause, "没有").starts_with("近年来"));
    assert_eq!(short_clause("全市技术合同成交额达到500亿元", "500亿元"), "全市技术合同成交额达到500亿元");
}

#[test]
fn an_index_of_version_3_is_refused_with_rebuild_it() {
    let mut b = Builder::new("");
    b.add("a.html", &reply("2023-08-22", "一、成果转化\n到2025年，全市技术合同成交额达到2700亿元。")).unwrap();
    let files: HashMap<String, Vec<u8>> = b.build().into_iter().collect();
    let manifest = String::from_utf8(files[MANIFEST].clone()).unwrap().replace("\"version\":4", "\"version\":3");
    let e = Library::from_manifest(manifest.as_bytes()).err().expect("refused").to_string();
    assert!(e.contains("index version 3, this widget reads version 4") && e.contains("rebuild it"), "{e}");
    // A v3 file beside a v4 manifest: refused too.
    let mut lib = Library::from_manifest(&files[MANIFEST]).unwrap();
    let name = need_of(&lib, "技术合同成交额");
    let mut old = files[&name].clone();
    old[4] = 3;
    let e = lib.add(&name, &old).expect_err("refused").to_string();
    assert!(e.contains("format version 3, expected 4: rebuild the index"), "{e}");
}

#[test]
fn a_card_shows_other_replies_values_newest_first_of_its_own_kind_and_unit() {
    // Docs are newest first: doc 0 is the newest reply.
    let mut values = archive();
    for (k, v) in values.iter_mut().enumerate() {
        v.doc = [3, 1, 4, 0, 2, 5, 1, 0][k];
        v.index = k as u32;
    }
    values[6].kind = FigureKind::Count;
    values[6].unit = Some("项".into());
    let figure = Asking { kind: FigureKind::Money, unit: Some("元".into()), position: 4, text: "400亿元".into() };
    assert_eq!(own_candidates(&values, &figure), [2], "the value at this figure's position, with its text");
    let mut no_text = figure.clone();
    no_text.text.clear();
    assert_eq!(own_candidates(&values, &no_text), [2], "by its position alone");
    no_text.position = 7;
    assert_eq!(own_candidates(&values, &no_text), [0]);
    let shown = |own: Option<u32>, limit: usize| {
        let (picked, total) = other_values(&values, &figure, own, limit);
        let texts: Vec<(u32, &str)> = picked.iter().map(|&k| (values[k].doc, values[k].text.as_str())).collect();
        (texts, total)
    };
    assert_eq!(
        shown(Some(2), 4),
        (vec![(0, "320亿元"), (0, "290亿元"), (1, "210亿元"), (3, "300亿元")], 6),
        "the count of 项 and the reply's own value are not shown"
    );
    assert_eq!(shown(None, 100).1, 7);
    let percent = Asking { kind: FigureKind::Percent, unit: Some("%".into()), position: 0, text: "5%".into() };
    assert_eq!(other_values(&values, &percent, None, 8), (vec![], 0), "another kind measures something else");
}

#[test]
fn a_reply_page_finds_itself_in_the_index_and_links_the_others_from_there() {
    let page = "http://127.0.0.1:8080/www/archive/r00001.html?x=1#f3";
    let base = |page: &str, url: &str| base_of(page, url);
    assert_eq!(base(page, "archive/r00001.html").as_deref(), Some("http://127.0.0.1:8080/www/"));
    assert_eq!(base(page, "./archive/r00001.html").as_deref(), Some("http://127.0.0.1:8080/www/"));
    assert_eq!(base(page, "r00001.html").as_deref(), Some("http://127.0.0.1:8080/www/archive/"));
    assert_eq!(base(page, "1.html"), None, "not at a path boundary");
    assert_eq!(base(page, "archive/r00002.html"), None);
    assert_eq!(base("https://a.gov.cn/jyta/1.html", "https://a.gov.cn/jyta/1.html").as_deref(), Some(""));
    assert_eq!(base(page, ""), None);
    // A folder's URL is its index.html.
    assert_eq!(base("http://127.0.0.1:8080/www/", "index.html").as_deref(), Some("http://127.0.0.1:8080/www/"));

    let base = Some("http://127.0.0.1:8080/www/");
    assert_eq!(
        value_link("archive/r00042.html", base, 11).as_deref(),
        Some("http://127.0.0.1:8080/www/archive/r00042.html#f12")
    );
    assert_eq!(value_link("/jyta/42.html", None, 0).as_deref(), Some("/jyta/42.html#f1"));
    assert_eq!(value_link("https://a.gov.cn/42.html", None, 2).as_deref(), Some("https://a.gov.cn/42.html#f3"));
    assert_eq!(value_link("archive/r00042.html", None, 11), None, "relative, and the base unknown");
}
