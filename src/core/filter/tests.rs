use super::*;
use crate::bundled_reply;

fn run(q: &str) -> (Index, Outcome) {
    let r = bundled_reply();
    let index = Index::drawn(&r);
    let out = index.run(&r.figures, &parse_query(q), &FigureKind::ALL);
    (index, out)
}

fn visible_texts(q: &str) -> Vec<String> {
    let r = bundled_reply();
    let (_, out) = run(q);
    r.figures.iter().zip(&out.figure_visible).filter(|(_, v)| **v).map(|(f, _)| f.text.clone()).collect()
}

#[test]
fn empty_query_shows_everything() {
    let (index, out) = run("   ");
    assert!(out.node_visible.iter().all(|v| *v));
    assert_eq!(out.visible_figures(), 48);
    assert!(out.marks.is_empty());
    assert_eq!(out.node_visible.len(), index.outline.nodes.len());
}

#[test]
fn chinese_substring_narrows_outline_keeping_ancestors() {
    let (index, out) = run("科技金融");
    let visible: Vec<&str> =
        index.outline.nodes.iter().zip(&out.node_visible).filter(|(_, v)| **v).map(|(n, _)| n.key.as_str()).collect();
    assert!(visible.contains(&"s2"), "section 二 matches by its title");
    assert!(visible.contains(&"s2-2") && visible.contains(&"s2-3"));
    assert!(!visible.contains(&"s1-1") && !visible.contains(&"s4-2"));
    assert!(out.mark_count() >= 5);
    // Marks are exact: every marked range reads 科技金融.
    for (b, ranges) in &out.marks {
        for (s, e) in ranges {
            let text: String = index.blocks[*b].folded[*s as usize..*e as usize].iter().collect();
            assert_eq!(text, "科技金融");
        }
    }
}

#[test]
fn full_width_and_case_fold() {
    let (_, a) = run("２０２３");
    let (_, b) = run("2023");
    assert_eq!(a, b);
    assert!(b.mark_count() > 3);
    let (_, c) = run("e贷");
    let (_, d) = run("Ｅ贷");
    assert_eq!(c.mark_count(), 1);
    assert_eq!(c, d);
    let (_, e) = run("互联网，区块链");
    assert_eq!(e.mark_count(), 0, "，folds to , but the seed writes +");
    let (_, f) = run("科技贷款余额4457.56亿元，同比");
    assert_eq!(f.mark_count(), 1, "a full-width comma finds the ASCII comma of the seed");
}

#[test]
fn traditional_and_simplified_find_each_other() {
    let r = crate::parse("關於加強科技金融的答覆\n\n一、總體情況\n全市科技貸款餘額達到270億元，較上年增長12%。\n");
    let index = Index::drawn(&r);
    for q in ["贷款余额", "貸款餘額", "270亿元"] {
        let out = index.run(&r.figures, &parse_query(q), &FigureKind::ALL);
        assert_eq!(out.mark_count(), 1, "{q} marks the page's 貸款餘額 / 270億元 once");
    }
    let out = index.run(&r.figures, &parse_query(">=100亿元"), &FigureKind::ALL);
    assert_eq!(out.visible_figures(), 1, "the value filter keeps 270億元");
}

#[test]
fn figures_follow_context_or_section() {
    let texts = visible_texts("母子基金");
    assert_eq!(texts, ["145支"]);
    // 科技金融赋能 matches only section 二's own heading: its subsections, and so their
    // figures, are not shown (二 itself holds no figure).
    let texts = visible_texts("科技金融赋能");
    assert_eq!(texts.len(), 0, "subsection figures are under their own section");
    let texts = visible_texts("创新科技金融产品");
    assert!(texts.contains(&"4457.56亿元".to_string()));
}

#[test]
fn announce_counts() {
    let q = parse_query("母子基金");
    let (_, out) = run("母子基金");
    assert_eq!(announce(&out, &q), "1 个章节、1 项数据");
    let (_, none) = run("不存在的词语");
    assert_eq!(announce(&none, &parse_query("不存在的词语")), "没有找到匹配的内容");
}

#[test]
fn query_language() {
    assert_eq!(
        parse_query(">=100亿元"),
        Query::Compare(Compare { op: Op::Ge, value: 1e10, kinds: vec![FigureKind::Money], unit: Some("元".into()) })
    );
    assert_eq!(
        parse_query("<1000万元"),
        Query::Compare(Compare { op: Op::Lt, value: 1e7, kinds: vec![FigureKind::Money], unit: Some("元".into()) })
    );
    assert_eq!(
        parse_query("＞20％"),
        Query::Compare(Compare { op: Op::Gt, value: 20.0, kinds: vec![FigureKind::Percent], unit: Some("%".into()) })
    );
    assert!(matches!(parse_query("2022年"), Query::Compare(Compare { op: Op::Eq, value, .. }) if value == 2022.0));
    assert!(matches!(parse_query(">=300项"), Query::Compare(Compare { unit: Some(ref u), .. }) if u == "项"));
    assert_eq!(parse_query(">="), Query::Malformed(">=".into()));
    assert_eq!(parse_query(">abc"), Query::Malformed(">abc".into()));
    assert_eq!(parse_query(">5 bananas"), Query::Malformed(">5 bananas".into()));
    assert_eq!(parse_query("科技"), Query::Text("科技".into()));
    assert_eq!(parse_query("537项"), Query::Text("537项".into()), "without an operator a count is text");
}

#[test]
fn at_least_100_yi_yuan_is_exactly_four_figures() {
    assert_eq!(visible_texts(">=100亿元"), ["361亿元", "1415亿元", "4457.56亿元", "238.51亿元"]);
    let (index, out) = run(">=100亿元");
    let keys: Vec<&str> =
        index.outline.nodes.iter().zip(&out.node_matched).filter(|(_, m)| **m).map(|(n, _)| n.key.as_str()).collect();
    assert_eq!(keys, ["s2-1", "s2-2"], "the outline follows the figure filter");
    assert_eq!(out.mark_count(), 4);
}

#[test]
fn qualifiers_count_in_comparisons() {
    assert!(visible_texts(">300项").contains(&"300余项".to_string()), "300余项 is more than 300");
    assert!(!visible_texts("<300项").contains(&"300余项".to_string()));
    assert!(!visible_texts(">1000项").contains(&"300余项".to_string()));
    assert!(visible_texts("<4倍").contains(&"近4倍".to_string()), "近4倍 is under 4");
    assert!(!visible_texts(">=4倍").contains(&"近4倍".to_string()));
    assert!(visible_texts(">8%").contains(&"6%-10%".to_string()), "a range reaching above 8");
    assert_eq!(visible_texts(">50%"), ["超过50%"]);
    assert_eq!(visible_texts("<1000万元"), Vec::<String>::new());
}

#[test]
fn years_and_dates_by_year() {
    let texts = visible_texts("2022年");
    assert_eq!(texts, ["2022年", "2022年以来", "2022年底", "2022年以来"]);
    let (_, out) = run("2022年");
    assert_eq!(out.mark_count(), 4);
}

#[test]
fn malformed_is_reported_not_thrown() {
    let q = parse_query(">=亿元");
    let (_, out) = run(">=亿元");
    assert!(out.malformed.is_some());
    assert!(announce(&out, &q).contains("无法理解"));
}

#[test]
fn kind_facets_narrow_figures() {
    let r = bundled_reply();
    let index = Index::drawn(&r);
    let out = index.run(&r.figures, &Query::All, &[FigureKind::Money]);
    assert_eq!(out.visible_figures(), 6);
}

#[test]
fn bare_and_compound_multipliers_are_understood() {
    // The figure parser's multipliers and units: >=100亿 (no unit), 千亿, 百亿.
    let four = ["361亿元", "1415亿元", "4457.56亿元", "238.51亿元"];
    assert_eq!(visible_texts(">=100亿"), four, "a bare multiplier compares amounts");
    assert_eq!(visible_texts(">=1百亿元"), four);
    assert_eq!(visible_texts(">=1千亿元"), ["1415亿元", "4457.56亿元"]);
    assert_eq!(visible_texts(">=10百亿元"), ["1415亿元", "4457.56亿元"], "10百亿 is 1000亿");
    assert_eq!(visible_texts(">=4000亿"), ["4457.56亿元"]);
    assert_eq!(visible_texts(">=1万亿"), Vec::<String>::new(), "1万亿 is 10000亿");
    assert!(matches!(parse_query(">=100亿"), Query::Compare(Compare { value, .. }) if value == 1e10));
}

#[test]
fn a_query_with_an_empty_or_unknown_unit_is_understood_or_reported() {
    // Empty unit: every kind (a bare number) — understood, and it matches.
    assert!(matches!(parse_query(">=500"), Query::Compare(Compare { ref kinds, unit: None, .. }) if kinds.len() == 6));
    let big = visible_texts(">=500");
    for t in ["537项", "540项", "600余家", "361亿元", "2023"] {
        assert!(big.contains(&t.to_string()), "{t} is at least 500");
    }
    assert!(!big.contains(&"10项".to_string()) && !big.contains(&"28.34%".to_string()));
    // Units the figures never have are reported, never silently empty.
    for q in [">5栋楼", ">=100亿粒", ">=5万%", ">3xyz"] {
        let (_, out) = run(q);
        assert!(out.malformed.is_some(), "{q} is reported as not understood");
        assert!(announce(&out, &parse_query(q)).contains("无法理解"), "{q}");
    }
}

#[test]
fn heading_figures_are_marked_in_their_heading() {
    let r = crate::parse("关于三年内建成5个平台的答复\n一、总体情况\n（一）新增投资20亿元\n正文投入3亿元。");
    let index = Index::drawn(&r);
    let out = index.run(&r.figures, &parse_query(">=10亿元"), &FigureKind::ALL);
    let marked: Vec<String> = out
        .marks
        .iter()
        .flat_map(|(b, rs)| {
            rs.iter().map(|(s, e)| index.blocks[*b].text.chars().skip(*s as usize).take((e - s) as usize).collect())
        })
        .collect();
    assert_eq!(marked, ["20亿元"], "drawn heading （一）新增投资20亿元: the figure after the number");
}

#[test]
fn stance_facets_leave_only_the_chosen_stances() {
    let mut r = crate::parse(
        "关于科技成果转化的提案的答复\n发布时间：2022-05-20 09:00\n李委员：\n您提出的提案收悉。现答复如下：\n\
         一、工作进展\n截至2021年底，全市技术合同成交额达到1150亿元。\n\
         二、下一步工作打算\n到2025年，全市技术合同成交额达到1800亿元。\n市科技局\n2022年5月18日\n",
    );
    crate::parse::annotate(&mut r);
    let index = Index::drawn(&r);
    let texts = |stances: &[Option<crate::model::Stance>], q: &str| -> Vec<String> {
        let out = index.run_with(&r.figures, &parse_query(q), &FigureKind::ALL, stances);
        r.figures.iter().zip(&out.figure_visible).filter(|(_, v)| **v).map(|(f, _)| f.text.clone()).collect()
    };
    let target = [Some(crate::model::Stance::Target)];
    let result = [Some(crate::model::Stance::Result)];
    assert_eq!(texts(&target, ">=100亿元"), ["1800亿元"]);
    assert_eq!(texts(&result, ">=100亿元"), ["1150亿元"]);
    assert_eq!(texts(&ALL_STANCES, ">=100亿元"), ["1150亿元", "1800亿元"]);
    assert_eq!(texts(&result, "成交额"), ["1150亿元"]);
    // The deadline 2025年 is 其他, as the panel lists it: 目标 alone leaves the target only.
    assert_eq!(texts(&target, ""), ["1800亿元"]);
    assert!(texts(&[None], "").contains(&"2025年".to_string()));
    // `run` is every stance.
    let all = index.run(&r.figures, &parse_query(">=100亿元"), &FigureKind::ALL);
    assert_eq!(all.visible_figures(), 2);
}

#[test]
fn a_comparison_being_typed_leaves_the_figures_as_they_are() {
    // The reader types >=100亿元 one key at a time: the prefixes that cannot be read yet filter
    // nothing (every figure stays), and the status says why instead of "0 项数据".
    let r = bundled_reply();
    let index = Index::drawn(&r);
    let all = index.run(&r.figures, &Query::All, &FigureKind::ALL);
    let mut seen: Vec<(String, bool, usize)> = Vec::new();
    let typed: Vec<char> = ">=100亿元".chars().collect();
    for end in 1..=typed.len() {
        let q: String = typed[..end].iter().collect();
        let query = parse_query(&q);
        let out = index.run(&r.figures, &query, &FigureKind::ALL);
        if out.malformed.is_some() {
            assert_eq!(out.figure_visible, all.figure_visible, "{q}: the figures stay");
            assert_eq!(out.node_visible, all.node_visible, "{q}: the outline stays");
            assert!(out.marks.is_empty(), "{q}: nothing marked");
        }
        seen.push((q, out.malformed.is_some(), out.visible_figures()));
    }
    let seen: Vec<(&str, bool, usize)> = seen.iter().map(|(q, m, n)| (q.as_str(), *m, *n)).collect();
    assert_eq!(
        seen,
        [
            (">", true, 48),
            (">=", true, 48),
            (">=1", false, 48),
            (">=10", false, 42),
            (">=100", false, 27),
            (">=100亿", false, 4),
            (">=100亿元", false, 4)
        ]
    );
    let status = |q: &str| announce(&index.run(&r.figures, &parse_query(q), &FigureKind::ALL), &parse_query(q));
    assert_eq!(status(">="), "数值条件“>=”还缺数值，例如 >=100亿元；暂未筛选，仍显示 48 项数据");
    assert!(status(">5栋楼").starts_with("无法理解的数值条件“>5栋楼”"), "{}", status(">5栋楼"));
    assert!(status(">5栋楼").ends_with("仍显示 48 项数据"));
    // The kind facets still hold: an unreadable query shows what they leave on.
    let money = index.run(&r.figures, &parse_query(">5栋楼"), &[FigureKind::Money]);
    assert_eq!(money.visible_figures(), 6);
}
