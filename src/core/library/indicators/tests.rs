//! The indicator view's logic on a small hand-made archive, and the indicator files end to end
//! (builder → bytes → library).

use std::collections::HashMap;

use super::*;
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
    assert_eq!(lib.indicator_needs("技术合同成交额"), Some(vec![]));
    let values = lib.indicator("技术合同成交额").unwrap();
    let shown: Vec<(String, &str, String)> = rows(values);
    assert_eq!(
        shown,
        [("2025".to_string(), "目标", "2700亿元".to_string()), ("2026-03".to_string(), "成果", "2800亿元".to_string())]
    );
    assert_eq!(values[0].url, "https://example.gov.cn/a.html");
    let p = track(values, lib.newest().unwrap());
    assert_eq!(p.iter().map(|p| p.verdict.label()).collect::<Vec<_>>(), ["已达成"]);

    // A damaged file, or one of another indicator's slot, is refused.
    let mut bad = files[&need[0]].clone();
    let last = bad.len() - 1;
    bad[last] ^= 1;
    assert!(lib.add(&need[0], &bad).is_err());
    assert!(lib.add("indicators/99.bin", &files[&need[0]]).is_err());
}
