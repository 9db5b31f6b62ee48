//! One test per rule of the stance tables and of the precedence (`super::super::promise`).
use super::*;
use crate::parse::promise::{now_from, now_of, PLAN_HEADINGS, PLAN_OPENERS};

/// Each figure of `body` (paragraphs of one section of a reply published on `published`) as
/// `text:stance@by` (`-` for none), to read at a glance.
fn read(body: &str, published: &str) -> String {
    let mut reply = crate::parse(&format!("关于某事的答复\n发布时间: {published}\n一、办理情况\n{body}"));
    crate::parse::annotate(&mut reply);
    let mut out = Vec::new();
    for f in &reply.figures {
        let stance = f.stance.map_or("-", |s| s.as_str());
        match &f.by {
            Some(by) => out.push(format!("{}:{stance}@{by}", f.text)),
            None => out.push(format!("{}:{stance}", f.text)),
        }
    }
    out.join(" ")
}

fn in_2023(body: &str) -> String {
    read(body, "2023-08-22 19:35")
}

#[test]
fn the_issue_example_each_clause_takes_its_own_cue() {
    assert_eq!(
        read("截至2023年底全市备案中试平台128家，力争到2025年达到200家。", "2024-03-01"),
        "2023年底:- 128家:result 2025年:target@2025 200家:target@2025"
    );
}

#[test]
fn target_cues() {
    for body in [
        "力争新建5个中试平台。",
        "争取新建5个中试平台。",
        "计划新建5个中试平台。",
        "预计新建5个中试平台。",
        "目标是新建5个中试平台。",
        "确保新建5个中试平台。",
        "拟新建5个中试平台。",
        "我局将新建5个中试平台。",
        "今后新建5个中试平台。",
        "未来新建5个中试平台。",
        "力求新建5个中试平台。",
        "有望新建5个中试平台。",
        "届时新建5个中试平台。",
        "努力新建5个中试平台。",
        "你省请求中央安排资金5亿元。",
    ] {
        assert!(in_2023(body).ends_with(":target"), "{body}: {}", in_2023(body));
    }
    assert_eq!(in_2023("年内新建5个中试平台。"), "5个:target@2023");
}

#[test]
fn result_cues() {
    for body in [
        "截至目前备案中试平台128家。",
        "已备案中试平台128家。",
        "先后建成中试平台128家。",
        "目前有中试平台128家。",
        "现有中试平台128家。",
        "至今建成中试平台128家。",
        "建成了中试平台128家。",
        "此前建成中试平台128家。",
        "曾建成中试平台128家。",
    ] {
        assert_eq!(in_2023(body), "128家:result", "{body}");
    }
}

#[test]
fn the_nearest_cue_before_the_figure_wins_then_the_nearest_after() {
    assert_eq!(in_2023("计划投资5亿元，目前已完成投资3亿元。"), "5亿元:target 3亿元:result");
    assert_eq!(in_2023("目前在建的2个平台预计年内投入使用。"), "2个:result");
    assert_eq!(in_2023("其中1.9万人已实现就业。"), "1.9万人:result");
    assert_eq!(in_2023("新增平台5个预计年底前投用。"), "5个:target@2023-12");
}

#[test]
fn totals_and_comparisons_are_results_unless_a_target_stands_before() {
    for body in ["累计服务企业410家。", "共举办活动44场。", "同比增长15%。", "较上年增加12家。", "增速达到15%。"]
    {
        assert!(in_2023(body).ends_with(":result"), "{body}: {}", in_2023(body));
    }
    // 累计 and 同比 say nothing of time: a target's total is a target.
    assert_eq!(in_2023("力争到2025年底累计服务企业突破1万家。"), "2025年底:target@2025-12 突破1万家:target@2025-12");
    assert_eq!(in_2023("今年我局将实施改造，共涉及103栋楼。"), "今年:target@2023 103栋:target@2023");
}

#[test]
fn masked_cue_words_are_no_cues() {
    // 投资计划 is a plan that exists; 争取资金 money obtained; 公共 no total; 现将 the object marker.
    assert_eq!(in_2023("其余资金列入2022年投资计划，已申请资金9700万元。"), "2022年:- 9700万元:result");
    assert_eq!(in_2023("5月份为县里争取省级专项资金470万元。"), "5月份:- 470万元:result");
    assert_eq!(in_2023("建有公共服务平台62个。"), "62个:result");
    assert_eq!(in_2023("现将办理情况答复如下：新建平台5个。"), "5个:result");
    for (cue, mask) in MASKS {
        assert!(mask.contains(cue), "{mask} holds {cue}");
    }
}

#[test]
fn jiang_before_an_object_verb_is_the_object_marker() {
    assert_eq!(in_2023("明确将街道的8个社区作为中心城区。"), "8个:result");
    assert_eq!(in_2023("我们将新建8个社区服务站。"), "8个:target");
}

#[test]
fn rates_of_rules_are_neither() {
    for (body, want) in [
        ("每台给予15万元补助。", "15万元:-"),
        ("按设备投资额的30%给予补助。", "30%:-"),
        ("单个企业补助不超过300万元。", "不超过300万元:-"),
        ("给予服务费50%的补贴。", "50%:-"),
        ("重点支持3个村(100万元/村)。", "3个:result 100万元:-"),
        ("明确物业服务企业每月巡查不少于2次。", "不少于2次:-"),
    ] {
        assert_eq!(in_2023(body), want, "{body}");
    }
    // A rate carries to the share after it, not to a count; a capacity per year is no rate.
    assert_eq!(in_2023("每台给予15万元补助，其中市级财政承担60%。"), "15万元:- 60%:-");
    assert_eq!(in_2023("扶持资金(100万元/村)，扶持发展170户农家乐。"), "100万元:- 170户:result");
    assert_eq!(in_2023("建设炼油规模800万吨/年的项目。"), "800万吨:result");
    // A unit cost found is a result, not a rule.
    assert_eq!(in_2023("处理成本为每立方米2.4元左右。"), "2.4元左右:result");
}

#[test]
fn counts_that_measure_nothing() {
    assert_eq!(in_2023("张三等3名代表提出的建议收悉。"), "3名:-");
    assert_eq!(in_2023("近5年来，全市节水35亿吨，重复利用率提高到70.7%。"), "近5年:- 35亿吨:result 70.7%:result");
    assert_eq!(in_2023("未来3年新建平台10家。"), "3年:- 10家:target@2026");
    // 二期 is a phase, not a figure at all (figures/names.rs).
    assert_eq!(in_2023("已优先考虑营口电厂二期项目。"), "");
    assert_eq!(in_2023("已举办三期培训班。"), "三期:result");
}

#[test]
fn dates_of_the_clause_past_and_future() {
    // Published in August 2023: 2022 and April are past, 2024 and December ahead.
    assert_eq!(in_2023("2022年，新建中试平台10家。"), "2022年:- 10家:result");
    assert_eq!(in_2023("今年4月底，新建中试平台10家。"), "今年4月底:- 10家:result");
    assert_eq!(in_2023("2024年新建中试平台10家。"), "2024年:target@2024 10家:target@2024");
    assert_eq!(in_2023("今年底新建中试平台10家。"), "今年底:target@2023-12 10家:target@2023-12");
    // The current year without a month decides nothing.
    assert_eq!(in_2023("2023年，新建中试平台10家。"), "2023年:- 10家:result");
    // Since is past, whatever the year.
    assert_eq!(in_2023("今年以来，新建中试平台10家。"), "今年以来:- 10家:result");
}

#[test]
fn deadline_forms() {
    assert_eq!(in_2023("到2025年，全市技术合同成交额达到2700亿元。"), "2025年:target@2025 2700亿元:target@2025");
    assert_eq!(in_2023("2025年前建成中试平台20家。"), "2025年:target@2025 20家:target@2025");
    assert_eq!(in_2023("于2024年上半年建成中试平台20家。"), "2024年上半年:target@2024-06 20家:target@2024-06");
    assert_eq!(in_2023("计划2024—2026年分步实施，总投资约45亿元。"), "2024—2026年:target@2026 约45亿元:target@2026");
    // 截至 a date is no deadline; a range's years are no deadline of a result.
    assert_eq!(in_2023("截至2022年底，建成平台10家。"), "2022年底:- 10家:result");
}

#[test]
fn deadline_words_when_no_date_gives_one() {
    assert_eq!(in_2023("力争年底前建成中试平台20家。"), "20家:target@2023-12");
    assert_eq!(in_2023("力争到“十四五”末建成中试平台20家。"), "20家:target@2025");
    assert_eq!(in_2023("未来3年力争建成中试平台20家。"), "3年:- 20家:target@2026");
    assert_eq!(in_2023("力争建成中试平台20家。"), "20家:target");
    // 十五届 is no plan.
    assert_eq!(in_2023("市十五届人大代表，力争建成中试平台20家。"), "20家:target");
    for (w, _) in PLAN_PERIODS {
        assert!(w.starts_with('十'), "{w}");
    }
}

#[test]
fn years_are_neither_unless_a_deadline() {
    assert_eq!(in_2023("2022年以来，围绕重点产业开展服务。"), "2022年以来:-");
    assert_eq!(in_2023("力争2025年建成。"), "2025年:target@2025");
    // A target's deadline is a target itself, though its own clause says nothing.
    assert_eq!(in_2023("2024年，全市计划投入1.18亿元。"), "2024年:target@2024 1.18亿元:target@2024");
}

#[test]
fn a_sentence_carries_its_clauses_stance() {
    assert_eq!(
        in_2023("2023年第一季度，全市科技贷款余额4457.56亿元，同比增速28.34%。"),
        "2023年第一季度:- 4457.56亿元:result 28.34%:result"
    );
    assert_eq!(in_2023("下一步，力争新建5个中试平台，引进人才200名。"), "5个:target 200名:target");
    // A new sentence starts afresh.
    assert_eq!(in_2023("计划新建5个中试平台。引进人才200名。"), "5个:target 200名:result");
}

#[test]
fn plan_paragraphs_and_plan_headings() {
    for opener in crate::text::words(PLAN_OPENERS) {
        let body = format!("{opener}，新建中试平台5个。投资15亿元。");
        let got = in_2023(&body);
        assert!(got.contains("5个:target") && got.ends_with(" 15亿元:target"), "{body}: {got}");
    }
    // Unless a result cue says otherwise.
    assert_eq!(in_2023("下一步，继续推进。目前已建成平台5个。"), "5个:result");
    let mut reply =
        crate::parse("答复\n发布时间: 2023-08-22\n一、工作成效\n建成平台5个。\n二、下一步工作打算\n新建平台8个。");
    crate::parse::annotate(&mut reply);
    let stances: Vec<_> = reply.figures.iter().map(|f| f.stance.map(|s| s.as_str())).collect();
    assert_eq!(stances, [Some("result"), Some("target")]);
    for w in crate::text::words(PLAN_HEADINGS) {
        assert!(!w.is_empty());
    }
}

#[test]
fn outside_the_body_figures_are_neither() {
    let mut reply = crate::parse(
        "关于到2026年建成5个中试平台的提案的答复\n发布时间: 2025-08-12\n一、情况\n已建成3个中试平台。\n武汉市科学技术局\n2025年8月8日",
    );
    crate::parse::annotate(&mut reply);
    let got: Vec<_> = reply.figures.iter().map(|f| (f.text.as_str(), f.stance.map(|s| s.as_str()))).collect();
    assert_eq!(got, [("2026年", None), ("5个", None), ("3个", Some("result")), ("2025年8月8日", None)]);
}

#[test]
fn a_heading_figure_takes_what_its_section_says() {
    let mut reply =
        crate::parse("答复\n发布时间: 2025-08-12\n一、情况\n(一)新增投资20亿元\n今年计划新增中试平台建设投资20亿元。");
    crate::parse::annotate(&mut reply);
    let got: Vec<_> = reply.figures.iter().map(|f| (f.stance.map(|s| s.as_str()), f.by.as_deref())).collect();
    assert_eq!(got[0], (Some("target"), Some("2025")));
    assert_eq!(reply.figures[0].indicator, reply.figures[2].indicator);
}

#[test]
fn now_is_the_publication_date_else_a_date_line() {
    assert_eq!(now_from("2023-08-22 19:35"), Some(Now { year: 2023, month: Some(8) }));
    assert_eq!(now_from("2023年8月22日"), Some(Now { year: 2023, month: Some(8) }));
    assert_eq!(now_from("2019/12/06"), Some(Now { year: 2019, month: Some(12) }));
    let reply = crate::parse("答复\n一、情况\n已建成平台3个。\n国务院办公厅\n二〇〇四年十一月四日");
    assert_eq!(now_of(&reply), Some(Now { year: 2004, month: Some(11) }));
    let reply = crate::parse("答复\n编稿时间: 2021-08-23 15:26 来源: 区政府\n一、情况\n已建成平台3个。\n2021年5月6日");
    assert_eq!(
        now_of(&reply),
        Some(Now { year: 2021, month: Some(5) }),
        "the reply's own date, earlier than the page's"
    );
    let reply = crate::parse("答复\n一、情况\n已建成平台3个。\n2021年5月6日\n编稿时间: 2021-08-23");
    assert_eq!(now_of(&reply), Some(Now { year: 2021, month: Some(8) }), "no publication date: the later date line");
    // A reply of the year before, posted early in the year: its 今年 is its own year.
    let reply =
        crate::parse("2023年县人大二次会议第72号建议的答复\n发布时间: 2024-01-05\n一、情况\n今年我局将改造小区7个。");
    assert_eq!(now_of(&reply), Some(Now { year: 2023, month: Some(12) }));
    let mut reply = reply;
    crate::parse::annotate(&mut reply);
    let got: Vec<_> = reply.figures.iter().map(|f| (f.text.as_str(), f.by.as_deref())).collect();
    assert_eq!(got, [("2023年", None), ("今年", Some("2023")), ("7个", Some("2023"))]);
    let reply =
        crate::parse("2023年县人大二次会议第72号建议的答复\n发布时间: 2024-05-05\n一、情况\n今年我局将改造小区7个。");
    assert_eq!(now_of(&reply), Some(Now { year: 2024, month: Some(5) }), "posted too late to be of 2023");
    // No date anywhere: dates decide nothing, a deadline form still does.
    assert_eq!(read("到2025年建成平台10家。", ""), "2025年:target@2025 10家:target@2025");
}

#[test]
fn a_reply_posted_after_its_date_speaks_on_its_date() {
    let text = "答复\n发布时间: 2023-12-18\n一、情况\n到2023年9月大桥幼儿园投入使用后，城区公办幼儿园将升至18所。\n衢江区教育局\n2023年8月10日";
    let mut reply = crate::parse(text);
    assert_eq!(now_of(&reply), Some(Now { year: 2023, month: Some(8) }));
    crate::parse::annotate(&mut reply);
    let got: Vec<_> = reply.figures.iter().map(|f| (f.text.as_str(), f.by.as_deref())).collect();
    assert_eq!(got[..2], [("2023年9月", Some("2023-09")), ("18所", Some("2023-09"))]);
    // Signed the day it was posted, or later: the publication date.
    let reply = crate::parse("答复\n发布时间: 2023-12-18\n一、情况\n已建成平台3个。\n2023年12月18日");
    assert_eq!(now_of(&reply), Some(Now { year: 2023, month: Some(12) }));
}

#[test]
fn annotate_is_idempotent_and_fills_every_field() {
    let mut reply = crate::bundled_reply();
    crate::parse::annotate(&mut reply);
    let once = reply.clone();
    crate::parse::annotate(&mut reply);
    assert_eq!(reply, once);
    for f in &reply.figures {
        if let Some(by) = &f.by {
            assert!(crate::model::is_deadline(by), "{by}");
            assert_eq!(f.stance, Some(crate::model::Stance::Target));
        }
    }
}

#[test]
fn another_partys_standing_capacity_is_a_result_in_a_sentence_of_expectations() {
    assert_eq!(
        in_2023("预计明年需求94台，国内只有一家公司年设计制造能力为40根。"),
        "明年:target@2024 94台:target@2024 40根:result"
    );
}

#[test]
fn a_span_of_years_that_opens_its_clause_or_follows_a_plan_says_when() {
    assert_eq!(in_2023("近两年，省市加大改造力度，改造小区12个。"), "近两年:- 12个:result");
    // Not opening its clause, a span is a length of time: neither, as a default.
    assert_eq!(in_2023("工作近两年的人员有12名。"), "近两年:- 12名:result");
    assert_eq!(read("科技部拟在“十五”后两年安排3个课题。", "2004-03-02"), "两年:- 3个:target@2005");
}

#[test]
fn a_bound_that_names_a_class_is_neither() {
    assert_eq!(in_2023("我局拟将27条流域面积200平方公里以下的中小河流纳入规划。"), "27条:target 200平方公里以下:-");
    assert_eq!(in_2023("禁止使用厚度低于0.01毫米的地膜。"), "低于0.01毫米:-");
    assert_eq!(in_2023("力争配套率达到95%以上。"), "95%以上:target");
}

#[test]
fn a_date_of_what_was_done_gives_a_target_its_year_but_stays_a_date() {
    assert_eq!(in_2023("2023年已将厕所列为补助项目，计划补助资金20万元。"), "2023年:- 20万元:target@2023");
    assert_eq!(in_2023("2023年计划补助资金20万元。"), "2023年:target@2023 20万元:target@2023");
}

#[test]
fn a_figure_in_the_title_of_a_proposal_is_neither() {
    assert_eq!(in_2023("经研究，对“关于某村5公里河道清淤的建议”，我局已清淤河道2公里。"), "5公里:- 2公里:result");
    assert_eq!(in_2023("经研究，对“关于新建3所学校的提案”，我局已新建学校2所。"), "3所:- 2所:result");
    assert_eq!(in_2023("已建成“5公里”绿道。"), "5公里:result");
    assert_eq!(in_2023("杜代表提出的“关于修建一所容纳4000人的学校”的建议不符合布局。"), "4000人:-");
}

#[test]
fn going_on_says_no_tense() {
    // 继续 is aspect, no tense: reports and plans alike go on; the date or the plan decides.
    assert_eq!(in_2023("我厅继续投入资金500万元。"), "500万元:result");
    assert_eq!(in_2023("2022年，我局继续加大投入，完成改造小区5个。"), "2022年:- 5个:result");
    assert_eq!(in_2023("2024年，我局继续加大投入，改造小区5个。"), "2024年:target@2024 5个:target@2024");
    assert_eq!(in_2023("我局将继续投入资金500万元。"), "500万元:target");
    // After an earlier date of its sentence, ensuring tells what was done.
    assert_eq!(in_2023("2022年，我局确保投入资金300万元。"), "2022年:- 300万元:result");
}

#[test]
fn rules_and_standards_of_a_regulation_are_neither() {
    for (body, want) in [
        ("按照每个子女每月1000元的标准定额扣除。", "1000元:-"),
        ("扣除期限不能超过48个月。", "超过48个月:-"),
        ("在80000元限额内据实扣除。", "80000元:-"),
        ("被赡养人是指年满60岁的父母。", "60岁:-"),
        ("相关资料应当留存五年。", "五年:-"),
        ("对符合条件的企业免征五年。", "五年:-"),
    ] {
        assert_eq!(in_2023(body), want, "{body}");
    }
    assert_eq!(in_2023("继续教育期间按照400元定额扣除。"), "400元:-");
    // Real targets and results stay: a cue or a date decides first; 标准化 is a work done.
    assert_eq!(in_2023("力争到2025年达到国家标准的学校200所。"), "2025年:target@2025 200所:target@2025");
    assert_eq!(in_2023("2022年改造达到三级公路标准的道路15公里。"), "2022年:- 15公里:result");
    assert_eq!(in_2023("建成标准化厂房12栋。"), "12栋:result");
    for (cue, mask) in RULE_MASKS {
        assert!(mask.contains(cue), "{mask} holds {cue}");
    }
}

#[test]
fn dates_that_say_when_a_rule_holds_are_no_deadlines() {
    assert_eq!(in_2023("本办法自2024年1月1日起施行。"), "2024年1月1日:-");
    assert_eq!(in_2023("本通知有效期至2025年12月31日。"), "2025年12月31日:-");
    // A deadline stays one.
    assert_eq!(in_2023("到2025年底前建成。"), "2025年底:target@2025-12");
}

#[test]
fn thresholds_of_eligibility_are_neither_whatever_the_cue() {
    assert_eq!(in_2023("子女均已去世的年满60岁的祖父母。"), "60岁:-");
    // The figures after it keep their cue.
    assert_eq!(in_2023("为年满60岁的老人已发放补贴120万元。"), "60岁:- 120万元:result");
}

#[test]
fn a_standard_as_a_noun_is_no_rule() {
    // 标准机架 counts racks; the share after it is a result too.
    assert_eq!(in_2023("全市数据中心标准机架达到5万架，平均上架率为60%。"), "5万架:result 60%:result");
}

#[test]
fn time_limits_in_working_days_are_neither() {
    assert_eq!(in_2023("合法性审核时间一般不少于5个工作日。"), "不少于5个工作日:-");
    assert_eq!(in_2023("执法信息要在执法决定作出之日起7个工作日内公开。"), "7个工作日:-");
    // Days of work done are no limit.
    assert_eq!(in_2023("施工队连续作业15天。"), "15天:result");
}

#[test]
fn rules_that_must_be_kept_are_neither() {
    assert_eq!(in_2023("指挥部办公室必须24小时值班。"), "24小时:-");
    assert_eq!(in_2023("按照“销区保持六个月销量”的要求。"), "六个月:-");
    // A done work stays a result.
    assert_eq!(in_2023("已累计值班120小时。"), "120小时:result");
}

#[test]
fn what_a_work_under_way_gives_once_done_is_expected() {
    assert_eq!(in_2023("正在建设停车场，建成后可新增133个停车位。"), "133个:target");
    assert_eq!(in_2023("项目投产后年产值可达5亿元。"), "5亿元:target");
}

#[test]
fn the_steps_of_a_plan_are_targets() {
    assert_eq!(in_2023("第一步首先对8个乡镇的18所学校安装空调。"), "8个:target 18所:target");
    assert_eq!(in_2023("第二步对其余12所学校安装空调。"), "12所:target");
}

#[test]
fn a_reported_trend_is_a_result() {
    assert_eq!(in_2023("广播电视事业继续发展，全县广播覆盖率达100%。"), "100%:result");
    assert_eq!(in_2023("存款继续增长，余额达50亿元。"), "50亿元:result");
}

#[test]
fn jiang_is_the_future_when_its_object_verb_belongs_to_a_later_jiang() {
    assert_eq!(in_2023("将积极协调乡镇将项目纳入2025年项目库。"), "2025年:target@2025");
    assert_eq!(in_2023("已将项目纳入2025年项目库。"), "2025年:-");
}

#[test]
fn a_share_of_a_whole_is_a_measure_not_a_rate() {
    assert_eq!(in_2023("生产性服务业完成投资39.66亿元，占第三产业完成投资的33.1%。"), "39.66亿元:result 33.1%:result");
    // A rate of a rule stays one.
    assert_eq!(in_2023("按投资额的30%给予补助。"), "30%:-");
}

#[test]
fn bounds_and_conditions_that_name_a_class_without_de() {
    assert_eq!(
        in_2023("其中亿元以上项目48个，十亿元以上项目11个。"),
        "亿元以上:- 48个:result 十亿元以上:- 11个:result"
    );
    // 超 as 超过, a round amount in words: 营业收入超亿元的企业 names a class.
    assert_eq!(in_2023("营业收入超亿元的工业企业达827户。"), "超亿元:- 827户:result");
    assert_eq!(in_2023("其中10亿元项目2个。"), "10亿元:- 2个:result");
    assert_eq!(in_2023("从具有3年以上企业工作经历的人员中招聘。"), "3年以上:-");
    assert_eq!(in_2023("重点支持流域面积200平方公里以上中小河流。"), "200平方公里以上:-");
    assert_eq!(in_2023("农田坡度大于25度，不符合选址要求。"), "25度:-");
    // At least so many things is a quantity: a target here.
    assert_eq!(in_2023("力争建设5个以上示范点。"), "5个以上:target");
    assert_eq!(in_2023("完成投资1亿元以上，带动就业200人。"), "1亿元以上:result 200人:result");
    assert_eq!(in_2023("力争实现产值100亿元以上目标。"), "100亿元以上:target");
}

#[test]
fn frequencies_and_periods_of_a_rule_are_neither() {
    assert_eq!(in_2023("原则上每5年修订1次专业目录，每年调整1次专业。"), "5年:- 1次:- 1次:-");
    assert_eq!(in_2023("即每周5天开展课后服务。"), "5天:-");
    assert_eq!(in_2023("落实教师5年一周期的全员轮训制度。"), "5年:-");
    // Times something was done stay a result.
    assert_eq!(in_2023("全年开展培训12次。"), "12次:result");
}

#[test]
fn a_count_that_refers_back_is_neither() {
    assert_eq!(in_2023("法官主要审理上述两个表格中的焦点问题。"), "两个:-");
    assert_eq!(in_2023("建成两个平台。"), "两个:result");
    // With a cue of its own, it says what becomes of them.
    assert_eq!(in_2023("上述3个项目预计年底前完工。"), "3个:target@2023-12");
}

#[test]
fn a_span_of_time_something_takes_says_when() {
    assert_eq!(in_2023("经过5—10年左右时间，基本完成转变。"), "5—10年左右:-");
    assert_eq!(in_2023("用3年时间完成改造。"), "3年:-");
}

#[test]
fn a_date_alone_in_its_clause_takes_the_next_clauses_cue() {
    assert_eq!(in_2023("2023年，我局将继续申报国债项目。"), "2023年:target@2023");
    assert_eq!(in_2023("2023年，我局已申报国债项目。"), "2023年:-");
    // A clause that repeats the date says nothing.
    assert_eq!(in_2023("2023年，2023年，我局计划投入1亿元。"), "2023年:- 2023年:target@2023 1亿元:target@2023");
}

#[test]
fn a_date_still_ahead_says_when_unless_reported_or_a_start() {
    assert_eq!(read("2019年上半年，试点城市政府印发实施方案。", "2019-01-24"), "2019年上半年:target@2019-06");
    assert_eq!(read("2020年起基本不再从应届毕业生中招聘。", "2019-01-24"), "2020年:-");
    assert_eq!(read("2019年上半年，已完成方案起草。", "2019-01-24"), "2019年上半年:-");
}

#[test]
fn in_a_regulation_a_figure_no_cue_decides_is_a_rule() {
    let stances = |title: &str| {
        let mut reply =
            crate::parse(&format!("{title}\n发布时间: 2023-08-22\n一、总则\n重点保证4个直辖市。已储备粮食5亿公斤。"));
        crate::parse::annotate(&mut reply);
        reply.figures.iter().map(|f| f.stance.map(|s| s.as_str())).collect::<Vec<_>>()
    };
    assert_eq!(stances("国务院办公厅关于印发国家粮食应急预案的函"), [None, Some("result")]);
    assert_eq!(stances("关于某某管理办法的通知"), [None, Some("result")]);
    // A reply about a regulation still reports.
    assert_eq!(stances("关于修改某某管理办法的建议的答复"), [Some("result"), Some("result")]);
    // So does an account of a regulation (how it was revised, how it works).
    assert_eq!(stances("关于某某条例修订情况的说明"), [Some("result"), Some("result")]);
    for w in crate::text::words(crate::parse::promise::NOT_REGULATION_TITLES) {
        assert!(!crate::parse::promise::regulation(&format!("关于某某条例的{w}")), "{w}");
    }
    for w in crate::text::words(crate::parse::promise::REGULATION_TITLES) {
        assert!(crate::parse::promise::regulation(&format!("关于印发某某{w}的通知")), "{w}");
    }
}

#[test]
fn aspects_kinds_and_decades_measure_nothing() {
    assert_eq!(in_2023("从“建、管、养、运”四个方面齐头并进。"), "四个:-");
    assert_eq!(in_2023("严把教学标准和质量标准两个关口。"), "两个:-");
    assert_eq!(in_2023("力争到2025年建成小康社会，守住发展和生态两条底线。"), "2025年:target@2025 两条:-");
    assert_eq!(in_2023("八、九十年代修建了吊桥。"), "九十年:-");
}

#[test]
fn in_a_plan_already_is_a_status_not_a_plan() {
    assert_eq!(in_2023("已列入计划，正逐步解决的33件。"), "33件:result");
    assert_eq!(in_2023("计划改造小区12个。"), "12个:target");
}

#[test]
fn the_pages_own_counters_and_lone_numbers_are_neither() {
    assert_eq!(in_2023("浏览:301次 字体:大"), "301次:-");
    assert_eq!(in_2023("评论列表(0条)"), "0条:-");
    assert_eq!(in_2023("20期"), "20期:-");
    // A reply's own count of visits stays one.
    assert_eq!(
        in_2023("平台上线以来，累计访问量达到120万次，服务企业3000余家，有效支撑了全市科技创新工作。"),
        "120万次:result 3000余家:result"
    );
}

#[test]
fn words_inside_a_documents_title_are_no_cues() {
    assert_eq!(in_2023("根据《2024年重点工作计划》，全市新建平台5个。"), "5个:result");
    assert_eq!(in_2023("根据《重点工作计划》，全市计划新建平台5个。"), "5个:target");
}

#[test]
fn what_there_is_in_all_is_standing_even_in_a_plan() {
    assert_eq!(in_2023("下一步，继续推进。全县共有幼儿园54所。"), "54所:result");
    assert_eq!(in_2023("下一步，新建幼儿园5所。"), "5所:target");
}

/// Each figure of `body` under one heading of a document titled `title`, as in [`read`].
fn read_doc(title: &str, body: &str) -> String {
    let mut reply = crate::parse(&format!("{title}\n发布时间: 2019-02-13\n一、主要任务\n{body}"));
    crate::parse::annotate(&mut reply);
    let mut out = Vec::new();
    for f in &reply.figures {
        let stance = f.stance.map_or("-", |s| s.as_str());
        match &f.by {
            Some(by) => out.push(format!("{}:{stance}@{by}", f.text)),
            None => out.push(format!("{}:{stance}", f.text)),
        }
    }
    out.join(" ")
}

#[test]
fn plan_documents_by_their_title() {
    use crate::parse::promise::plan_document;
    assert!(plan_document("国务院关于印发国家职业教育改革实施方案的通知"));
    assert!(plan_document("关于加快发展现代农业的意见"));
    assert!(plan_document("“十四五”科技创新规划"));
    assert!(!plan_document("关于某事的答复"));
    assert!(!plan_document("关于政协第12号提案办理情况的函"));
    assert!(!plan_document("关于印发科技计划项目管理办法的通知"), "a regulation");
    assert!(!plan_document("关于三起事故调查处理情况的通报"));
}

#[test]
fn in_a_plan_what_a_task_verb_takes_is_a_target() {
    let plan = "国务院关于印发职业教育改革实施方案的通知";
    for verb in words(TASK_VERBS) {
        let body = format!("{verb}300个实训基地。");
        assert_eq!(read_doc(plan, &body), "300个:target", "{body}");
    }
    // No task verb, or a past marker before it: not aimed at.
    assert_eq!(read_doc(plan, "全国现有实训基地300个。"), "300个:result");
    assert_eq!(read_doc(plan, "近年来先后建设实训基地300个。"), "300个:result");
    // In a reply the same words report.
    assert_eq!(in_2023("推动建设300个实训基地。"), "300个:result");
    // A 工作要点's tasks: what it 实施, 召开, 改造.
    let points = "关于印发2019年全市工作要点的通知";
    assert_eq!(read_doc(points, "1.实施重大项目100个。"), "2019年:- 100个:target");
    assert_eq!(read_doc(points, "2.上半年召开推进会2次。"), "2019年:- 2次:target");
}

#[test]
fn a_horizons_lead_carries_over_its_paragraph() {
    let plan = "关于加快发展职业教育的意见";
    assert_eq!(
        read_doc(plan, "具体指标：到2022年，建设50所高水平学校。企业积极性有较大提升，推动建设300个实训基地。"),
        "2022年:target@2022 50所:target@2022 300个:target@2022"
    );
    // A count no task verb takes (a rule's 6个月, a length of time: neither) is not aimed at, nor
    // one a past marker reports.
    assert_eq!(
        read_doc(plan, "到2022年，建设50所高水平学校。实习时间一般为6个月。已有学校30所。"),
        "2022年:target@2022 50所:target@2022 6个月:- 30所:result"
    );
    // The lead carries in a reply too, for what a task verb takes.
    assert_eq!(
        in_2023("到2025年，建成平台20个。同时培育企业50家。"),
        "2025年:target@2025 20个:target@2025 50家:target@2025"
    );
}

#[test]
fn a_start_is_no_deadline() {
    let plan = "关于加快发展职业教育的意见";
    assert_eq!(read_doc(plan, "自2019年开始，推动在10个左右领域开展培训。"), "2019年:- 10个左右:target");
}

#[test]
fn past_markers_and_striving_under_way() {
    for body in ["相继建成中试平台128家。", "上年建成中试平台128家。"] {
        assert_eq!(in_2023(body), "128家:result", "{body}");
    }
    assert_eq!(in_2023("去年建成中试平台128家。"), "去年:- 128家:result");
    for body in ["正积极争取资金5000万元。", "正在争取资金5000万元。", "正努力争取资金5000万元。"]
    {
        assert_eq!(in_2023(body), "5000万元:target", "{body}");
    }
}

#[test]
fn the_list_items_after_a_plan_go_on_with_it() {
    let stances = |body: &str| {
        let mut reply = crate::parse(&format!("关于某事的答复\n发布时间: 2023-08-22\n一、办理情况\n{body}"));
        crate::parse::annotate(&mut reply);
        reply.figures.iter().map(|f| f.stance.map(|s| s.as_str())).collect::<Vec<_>>()
    };
    let items = "建成平台5个。\n下一步，我局将继续推进以下工作。\n一是新建平台8个；二是改造小区3个。";
    assert_eq!(stances(items), [Some("result"), Some("target"), Some("target")]);
    // A paragraph that is no list item says its own.
    assert_eq!(stances("我局将继续推进平台建设。\n新建平台8个。"), [Some("result")]);
    // A paragraph with 将 as the object marker opens no plan.
    let mut reply =
        crate::parse("关于某事的答复\n发布时间: 2023-08-22\n一、办理情况\n我局将有关情况报告如下。\n新建平台8个。");
    crate::parse::annotate(&mut reply);
    assert_eq!(reply.figures[0].stance.map(|s| s.as_str()), Some("result"));
}

#[test]
fn a_date_opening_a_list_gives_its_items_their_deadline() {
    assert_eq!(
        read("2024年规划建设一所学校；开工建设幼儿园；计划配备设备412套。", "2024-03-01"),
        "2024年:target@2024 412套:target@2024"
    );
    // A full stop ends the list.
    assert_eq!(read("2024年规划建设一所学校。计划配备设备412套。", "2024-03-01"), "2024年:target@2024 412套:target");
}

#[test]
fn the_end_of_a_range_is_no_deadline() {
    assert_eq!(in_2023("2023年6月1日至2023年9月30日，已检查企业30家。"), "2023年6月1日:- 2023年9月30日:- 30家:result");
    // 至 before a lone date is one.
    assert_eq!(in_2023("计划至2024年建成平台5个。"), "2024年:target@2024 5个:target@2024");
}

#[test]
fn a_date_in_the_documents_formula_is_no_deadline() {
    for w in words(FORMULA_OPENERS) {
        let body = format!("{w}2024年放假安排通知如下。");
        assert_eq!(read(&body, "2023-12-10"), "2024年:-", "{body}");
    }
    // Without the formula a date still ahead says when.
    assert_eq!(read("2024年放假安排如下。", "2023-12-10"), "2024年:target@2024");
}

#[test]
fn must_before_a_task_verb_is_an_aim() {
    assert_eq!(in_2023("全国要建成10亿亩高标准农田。"), "10亿亩:target");
    assert_eq!(in_2023("全国要新增高标准农田1亿亩。"), "1亿亩:target");
    // 要 ending another word is none.
    assert_eq!(in_2023("主要建设5个平台。"), "5个:result");
    assert_eq!(in_2023("需要新建5个平台。"), "5个:result");
}

#[test]
fn a_bound_after_a_verb_of_reaching_is_a_level_not_a_class() {
    assert_eq!(
        in_2023("全国要建成10亿亩高标准农田，以此稳定保障1.2万亿斤以上粮食产能。"),
        "10亿亩:target 1.2万亿斤以上:target"
    );
    // Without the verb the bound names a class.
    assert_eq!(in_2023("其中十亿元以上项目11个。"), "十亿元以上:- 11个:result");
}

#[test]
fn a_standards_bound_of_a_dimension_is_neither() {
    assert_eq!(in_2023("已新建通村公路1200余公里，路面宽度为3.5米及以上。"), "1200余公里:result 3.5米:-");
    // A dimension told without a bound is what was built.
    assert_eq!(in_2023("已新建桥梁1座，宽度为12米。"), "1座:result 12米:result");
}

#[test]
fn a_schedules_length_and_dates_are_neither() {
    assert_eq!(read("2024年2月10日至17日放假调休，共8天。", "2023-12-10"), "2024年2月10日:- 8天:-");
    // A count of days with no dates in its sentence is a measure.
    assert_eq!(in_2023("已开展培训，共8天。"), "8天:result");
}

#[test]
fn a_date_a_document_is_about_is_no_deadline() {
    assert_eq!(read("国务院办公厅关于2024年部分节假日安排的通知。", "2023-12-10"), "2024年:-");
    assert_eq!(read("2024年放假安排如下。", "2023-12-10"), "2024年:target@2024");
}

#[test]
fn the_years_works_told_in_its_last_month_are_results() {
    let body = "五年计划总投资2.4亿元。其中2021年改造行政村9个，总投资4560万元。";
    assert_eq!(read(body, "2021-12-24"), "2.4亿元:target 2021年:- 9个:result 4560万元:result");
    // Earlier in the year they are the year's plan.
    assert_eq!(read(body, "2021-06-24"), "2.4亿元:target 2021年:target@2021 9个:target@2021 4560万元:target@2021");
}

#[test]
fn spans_and_differences_are_no_measure() {
    assert_eq!(in_2023("五年多时间，已布设公交线路51条。"), "五年:- 51条:result");
    assert_eq!(in_2023("职业教育与普通教育是两种不同教育类型。"), "两种:-");
}

#[test]
fn in_a_reply_without_headings_the_paragraphs_after_a_plan_go_on_with_it() {
    let text = "关于某事的答复\n发布时间: 2022-06-22\n张代表：\n您的建议收悉，现答复如下：\n近年来已建成展示中心2个。\n下一步，我们将继续推进相关工作。\n一是完成30个项目的采集记录。";
    let mut reply = crate::parse(text);
    crate::parse::annotate(&mut reply);
    let got: Vec<(&str, Option<&str>)> =
        reply.figures.iter().map(|f| (f.text.as_str(), f.stance.map(|s| s.as_str()))).collect();
    assert_eq!(got, [("2个", Some("result")), ("30个", Some("target"))]);
}

#[test]
fn estimates_and_requests_are_aims() {
    assert_eq!(in_2023("项目估算投资49.35万元。"), "49.35万元:target");
    assert_eq!(in_2023("望相关部门解决缺口资金9万元为盼。"), "9万元:target");
}

#[test]
fn a_figure_right_after_jiang_is_its_object() {
    assert_eq!(in_2023("将全区112家经营户与网格员建立对应关系。"), "112家:result");
    // 将 before a verb is the future.
    assert_eq!(in_2023("我局将新建5个平台。"), "5个:target");
}

#[test]
fn a_grants_amount_is_a_rate_even_with_a_cue() {
    assert_eq!(in_2023("对完成加装的电梯，将继续予以一次性20万元的补助。"), "20万元:-");
    // Money granted in all is a result.
    assert_eq!(in_2023("已发放补助资金20万元。"), "20万元:result");
}

#[test]
fn an_address_and_a_bound_after_a_count_are_no_measures() {
    assert_eq!(in_2023("在保庆花园10幢10单元加装完成了2台电梯。"), "10幢:- 2台:result");
    assert_eq!(in_2023("目前已有11台超过三分之二业主有加装意愿的单元备案。"), "11台:result 超过三分之二:-");
}

#[test]
fn ci_refers_back_and_a_value_at_a_date_is_no_rate() {
    assert_eq!(in_2023("已修复河道约150米，对此150米的河道加固河堤。"), "约150米:result 150米:-");
    assert_eq!(in_2023("公办园覆盖面从2021年的27%提升至55%。"), "2021年:- 27%:result 55%:result");
}

#[test]
fn a_figure_nothing_decides_is_a_result_unless_a_length_of_time_or_a_grant() {
    // A reply reports what stands.
    assert_eq!(in_2023("全市幼儿园1090所，普惠性幼儿园覆盖率82%。"), "1090所:result 82%:result");
    assert_eq!(in_2023("市级财政投入资金20万元。"), "20万元:result");
    // A length of time says how long: it reports nothing.
    assert_eq!(in_2023("学前三年毛入学率91%。"), "三年:- 91%:result");
    assert_eq!(in_2023("顶岗实习时间一般为6个月。"), "6个月:-");
    // A length reached or bounded measures a service.
    assert_eq!(in_2023("办电时限压减至2天以内。"), "2天以内:result");
    // A grant's amount or share is a rule's rate.
    assert_eq!(in_2023("对获得中国驰名商标的企业一次性奖励20万元。"), "20万元:-");
    assert_eq!(in_2023("对新认定的企业补助投资额30%。"), "30%:-");
    // A cue still decides: 已发放 reports.
    assert_eq!(in_2023("已发放奖励资金20万元。"), "20万元:result");
}

#[test]
fn jihua_before_zai_or_yu_plans_whatever_word_it_ends() {
    assert_eq!(in_2023("该项目计划在26个乡镇建设污水处理设施。"), "26个:target");
    assert_eq!(in_2023("该项目计划于2024年建成5座泵站。"), "2024年:target@2024 5座:target@2024");
    // The noun: in a plan already.
    assert_eq!(in_2023("已纳入项目计划，涉及26个乡镇。"), "26个:result");
}

#[test]
fn the_year_of_a_programme_or_fund_is_no_deadline() {
    assert_eq!(in_2023("二是拟使用2023年省级水利发展资金42万元用于供水点维修改造。"), "2023年:- 42万元:target");
    assert_eq!(in_2023("建设资金随2024年指标下达。"), "2024年:-");
    // A year that says when is still a deadline.
    assert_eq!(in_2023("计划2024年新建5座泵站。"), "2024年:target@2024 5座:target@2024");
}

#[test]
fn a_clauses_own_past_beats_its_plan_paragraph() {
    // 下一步 opens the paragraph, but an earlier date or a total of the clause reports.
    assert_eq!(in_2023("下一步，继续推进。2022年改造小区9个。"), "2022年:- 9个:result");
    assert_eq!(in_2023("下一步，继续推进。同比增长15%。"), "15%:result");
    assert_eq!(in_2023("下一步，继续推进。新建小区9个。"), "9个:target");
}

#[test]
fn the_items_of_a_list_take_their_lead_ins_call() {
    let body = "已建成平台5个。为此，我局将重点做好以下工作：一是新建平台3个；二是改造小区9个；三是培训200人次。";
    assert_eq!(in_2023(body), "5个:result 3个:target 9个:target 200人次:target");
    let item = |t: &str| list_item(&t.chars().collect::<Vec<_>>(), 0);
    assert!(item("一是新建") && item("1.新建") && item("(3)新建") && item("其二，新建"));
    // A decimal or a bracketed year opens no item.
    assert!(!item("1.5万元用于培训") && !item("(2013年11月19日"));
    // Without a lead-in each item says its own.
    assert_eq!(in_2023("已建成平台5个。一是新建平台3个；二是改造小区9个。"), "5个:result 3个:result 9个:result");
}

#[test]
fn the_proposals_words_restated_are_neither() {
    assert_eq!(in_2023("您提出的关于新建2个停车场的建议收悉。"), "2个:-");
    // Proposals counted are a measure.
    assert_eq!(in_2023("代表提出的14件建议已办结。"), "14件:result");
}

#[test]
fn authors_past_a_bracket_and_proposals_of_deputies() {
    assert_eq!(in_2023("尚路鹏(等4位)代表提出的建议已收悉。"), "4位:-");
    // 代表建议 counts the deputies' proposals.
    assert_eq!(in_2023("主办的10件代表建议已全部公开。"), "10件:result");
}

#[test]
fn jiang_as_the_object_marker_opens_no_plan_paragraph() {
    let mut reply = crate::parse(
        "关于某事的答复\n发布时间: 2023-08-22\n一、办理情况\n我局将老旧小区改造列为重点工作。\n新建平台8个。",
    );
    crate::parse::annotate(&mut reply);
    assert_eq!(reply.figures[0].stance.map(|s| s.as_str()), Some("result"));
}

#[test]
fn issuers_aspects_and_counts_of_values_are_no_measures() {
    assert_eq!(in_2023("根据人社部等七部门《关于某事的通知》精神，已培训5000人。"), "七部:- 5000人:result");
    assert_eq!(in_2023("实现了办结率、满意率两个100%。"), "两个:- 100%:result");
    assert_eq!(in_2023("今年的建议提案主要有四个特点。"), "今年:- 四个:-");
    // A bound share after a count says which it counts (11台超过三分之二…), no values counted.
    assert_eq!(in_2023("目前已有11台超过三分之二业主有加装意愿的单元备案。"), "11台:result 超过三分之二:-");
}

#[test]
fn figures_defining_a_standard_in_brackets_are_neither() {
    assert_eq!(
        in_2023("养殖户没有达到规模化养殖标准(猪年存栏500头以上，鸡年存栏10000羽以上)，已督促整改3户。"),
        "500头以上:- 10000羽以上:- 3户:result"
    );
}

#[test]
fn jiang_before_a_quote_and_its_object_verb_is_the_object_marker() {
    assert_eq!(in_2023("2023年，将“鼓励发展夜间经济，增加城市烟火气”写入政府工作报告。"), "2023年:-");
    assert_eq!(in_2023("2023年，将“夜间经济，城市烟火”作为重点，新建夜市5个。"), "2023年:- 5个:result");
}

#[test]
fn an_unpublished_documents_own_date_is_now() {
    let mut reply = crate::parse(
        "关于某条例实施情况的报告\n——2018年5月30日在市人大常委会会议上\n一、情况\n2011年至2017年，全市共发生火灾28166起（2013年11月19日，发生较大火灾1起）。",
    );
    crate::parse::annotate(&mut reply);
    let got: Vec<_> = reply.figures.iter().map(|f| (f.text.as_str(), f.stance.map(|s| s.as_str()))).collect();
    assert!(got.contains(&("28166起", Some("result"))) && got.contains(&("2017年", None)), "{got:?}");
}

#[test]
fn without_now_zai_or_yu_before_a_year_says_no_deadline() {
    let mut reply = crate::parse(
        "关于某事的答复\n一、办理情况\n在2022年工程建设的同时，编制了农村公路规划。到2025年建成公路50公里。",
    );
    crate::parse::annotate(&mut reply);
    let got: Vec<_> = reply.figures.iter().map(|f| (f.text.as_str(), f.stance.map(|s| s.as_str()))).collect();
    assert_eq!(got, [("2022年", None), ("2025年", Some("target")), ("50公里", Some("target"))]);
    // With now known a year ahead after 在 is one.
    assert_eq!(in_2023("在2024年对9个村实施改造。"), "2024年:target@2024 9个:target@2024");
}

#[test]
fn a_programmes_span_and_a_documents_period_name_them() {
    assert_eq!(in_2023("该项目已列入城乡供水一体化三年专项行动项目中。"), "三年:-");
    assert_eq!(in_2023("党中央设立了五年过渡期。"), "五年:-");
    assert_eq!(read("《某市城市总体规划》(2011—2020)提出要合理布局城市未来停车设施。", "2019-07-05"), "2011—2020:-");
}

#[test]
fn what_a_work_gives_once_carried_out_is_an_aim() {
    assert_eq!(in_2023("此项目实施后可解决59860人饮水问题。"), "59860人:target");
}

#[test]
fn a_plan_laid_down_is_a_target() {
    assert_eq!(in_2023("按照规划，全县改造供水工程84处。"), "84处:target");
    assert_eq!(in_2023("附城镇规划改造20km村内管网。"), "20km:target");
}

#[test]
fn a_list_of_candidates_made_public_is_no_plan() {
    assert_eq!(in_2023("5个镇区被列入2022年拟入选名单。"), "5个:result 2022年:-");
}

#[test]
fn jiang_before_dividing_is_the_object_marker() {
    assert_eq!(in_2023("今年以来，我们将主城区划分为15个大网格。"), "今年以来:- 15个:result");
}

#[test]
fn a_restated_proposal_is_neither() {
    assert_eq!(in_2023("您在建议中提到，拆除平房，扩建一栋三层教学楼。"), "三层:-");
}

#[test]
fn persons_before_deputies_are_authors_whatever_follows() {
    assert_eq!(in_2023("接到两位代表提案建议后，我局新建平台5个。"), "两位:- 5个:result");
}

#[test]
fn counts_of_what_goes_with_a_letter_are_neither() {
    assert_eq!(in_2023("附：提案办理情况征询意见表3份"), "3份:-");
}

#[test]
fn a_date_alone_on_its_line_is_no_deadline() {
    assert_eq!(read("2023-09-02", "2023-08-22"), "2023-09-02:-");
    assert_eq!(read("2023年9月底前完成改造。", "2023-08-22"), "2023年9月底:target@2023-09");
}

#[test]
fn a_labelled_page_date_is_no_deadline() {
    assert_eq!(read("发布时间：2023-09-02", "2023-08-22"), "2023-09-02:-");
    assert_eq!(read("完成时间：2023年9月底前。", "2023-08-22"), "2023年9月底:target@2023-09");
}

#[test]
fn working_days_of_a_schedule_are_neither() {
    assert_eq!(in_2023("公示时间：从2023年9月11日起至13日止，共3个工作日。"), "2023年9月11日:- 3个工作日:-");
}

#[test]
fn a_restatement_runs_over_semicolons() {
    assert_eq!(
        in_2023("您在建议中提到，拆除瓦房两排；扩建一栋三层教学楼。今年新建平台5个。"),
        "三层:- 今年:- 5个:result"
    );
}

#[test]
fn a_date_that_then_points_back_at_is_a_deadline() {
    assert_eq!(read("健身中心8月底建成，届时将对公众开放。", "2023-08-22"), "8月底:target@2023-08");
    assert_eq!(read("健身中心8月底建成，对公众开放。", "2023-08-22"), "8月底:-");
}

#[test]
fn an_events_length_after_weiqi_is_neither() {
    assert_eq!(in_2023("启动为期三个月的美食节活动。"), "三个月:-");
    assert_eq!(in_2023("举办为期2天的培训班3期。"), "2天:- 3期:result");
}

#[test]
fn an_ask_of_the_proposals_author_is_restated_to_its_sentences_end() {
    // 建议 opening a sentence quotes the proposal's ask; the next sentence is the reply's.
    assert_eq!(in_2023("建议在城区新建2所学校。今年新建平台5个。"), "2所:- 今年:- 5个:result");
    assert_eq!(in_2023("同时，代表们希望新增3个停车场。"), "3个:-");
    // Up to the reply's own words (现答复如下：).
    assert_eq!(in_2023("您们提出关于新建2个停车场的建议，现答复如下：今年新建平台5个。"), "2个:- 今年:- 5个:result");
    // 建议 the noun, and the office's own 要求, open no ask; nor does a situation reported (反映).
    assert_eq!(in_2023("建议已收悉，新建平台5个。"), "5个:result");
    assert_eq!(in_2023("要求各乡镇新建平台5个。"), "5个:result");
    assert_eq!(in_2023("您在建议中反映：水库蓄水量14万立方。"), "14万立方:result");
}

#[test]
fn a_year_of_a_fund_or_quota_is_no_deadline() {
    assert_eq!(in_2023("待2023年度护林员指标下达后，我局将优先安排。"), "2023年:-");
    assert_eq!(in_2023("2023年计划新建平台5个。"), "2023年:target@2023 5个:target@2023");
}

#[test]
fn what_the_author_proposed_restated_with_de_is_neither() {
    assert_eq!(in_2023("您建议的将该路段拓宽至6米，需投资约300万元。"), "6米:- 约300万元:-");
    assert_eq!(in_2023("代表提出的14件建议已办结。"), "14件:result");
}

#[test]
fn a_tax_rate_is_a_rules_rate() {
    assert_eq!(in_2023("对小微企业减按20%的税率征收企业所得税。"), "20%:-");
    assert_eq!(in_2023("全年税收收入增长10%。"), "10%:result");
}

#[test]
fn quanian_gives_a_target_the_years_deadline() {
    assert_eq!(in_2023("全年计划完成投资2亿元。"), "2亿元:target@2023");
    assert_eq!(in_2023("全年完成投资2亿元。"), "2亿元:result");
}

#[test]
fn a_count_of_the_texts_own_list_to_come_is_neither() {
    assert_eq!(in_2023("我局主要做了以下三项工作。"), "三项:-");
    assert_eq!(in_2023("我局将从以下三个方面持续发力。"), "三个:-");
    assert_eq!(in_2023("新建以下项目5个。"), "5个:result");
}

#[test]
fn the_replys_own_voice_ends_a_restated_ask() {
    assert_eq!(in_2023("您建议在该路口设置红绿灯，经调查，该路段日均车流量3000辆。"), "3000辆:result");
    assert_eq!(in_2023("您在建议中提到，该村有300户群众出行困难，我们已安排资金50万元。"), "300户:- 50万元:result");
}

#[test]
fn the_year_of_a_plan_something_is_put_into_names_it() {
    // 列入, 纳入, 入选 before a year: the plan's or list's name, no deadline.
    assert_eq!(in_2023("建设指标列入2024年全市计划。"), "2024年:-");
    assert_eq!(in_2023("该园成功入选2024年建设候选名单，有望获得资金5000万元。"), "2024年:- 5000万元:target");
    // A target cue that puts the thing in says when it is planned for.
    assert_eq!(in_2023("计划将增设路灯项目纳入2024年一事一议项目。"), "2024年:target@2024");
    assert_eq!(in_2023("我局将积极协调，将项目纳入2024年项目库。"), "2024年:target@2024");
}

#[test]
fn a_projects_description_without_tense_is_neither() {
    assert_eq!(in_2023("该项目投入资金525万元，建设内容：对1500亩草料地进行土地平整。"), "525万元:- 1500亩:-");
    assert_eq!(in_2023("主要建设内容为土方挖填500立方米。项目总投资670.5万元。"), "500立方米:- 670.5万元:-");
    assert_eq!(in_2023("该项目总投资额为3000万元。"), "3000万元:-");
    // A marker still decides; a topic (在建设规模、技术研发等方面) describes nothing.
    assert_eq!(in_2023("该工程预计总投资560万元。"), "560万元:target");
    assert_eq!(in_2023("已完成投资300万元，项目总投资500万元。"), "300万元:result 500万元:result");
    assert_eq!(in_2023("我市新型研发机构有20家，在建设规模、技术研发等方面取得成效。"), "20家:result");
}

#[test]
fn a_plan_or_target_that_progress_is_measured_against_is_no_cue() {
    assert_eq!(in_2023("全县固定资产投资完成246.79亿元，完成全年计划的82.3%。"), "246.79亿元:result 82.3%:result");
    assert_eq!(in_2023("全县完成全年目标的62%。"), "62%:result");
    assert_eq!(in_2023("上半年完成年度计划任务的55%。"), "55%:result");
    assert_eq!(in_2023("已完成投资2000万元，占计划投资的50%。"), "2000万元:result 50%:result");
    // A plan to do still plans.
    assert_eq!(in_2023("计划完成投资2000万元。"), "2000万元:target");
}

#[test]
fn a_gloss_after_a_date_keeps_its_start_or_deadline_word() {
    // 起 after a bracketed weekday still opens a span; 前 after one still closes a deadline.
    assert_eq!(read("2月3日（星期一）起正常上班。", "2020-01-26"), "2月3日:-");
    assert_eq!(read("请于2月10日（星期一）前报送材料。", "2020-01-26"), "2月10日:target@2020-02");
}

#[test]
fn a_span_extended_to_a_date_has_no_deadline() {
    assert_eq!(read("延长春节假期至2月2日。", "2020-01-26"), "2月2日:-");
    assert_eq!(read("该政策执行期限顺延至2021年底。", "2020-01-26"), "2021年底:-");
    // 到 without such a verb still sets a deadline.
    assert_eq!(read("到2021年底建成5个站点。", "2020-01-26"), "2021年底:target@2021-12 5个:target@2021-12");
}

#[test]
fn a_sentence_about_the_proposal_restates_it() {
    assert_eq!(in_2023("关于文旅融合，将两处文化遗产纳入旅游线路的建议，目前正在调研。"), "两处:-");
    // 关于 with no proposal's word in the figure's clause: the reply's own.
    assert_eq!(in_2023("关于停车难问题，我局已新建停车场3个。"), "3个:result");
}

#[test]
fn what_a_plan_builds_on_is_neither() {
    assert_eq!(in_2023("在巩固生均拨款水平达到12000元的基础上，力争提高到15000元。"), "12000元:- 15000元:target");
    // A result cue of its own clause still reports.
    assert_eq!(in_2023("在已完成投资300万元的基础上，计划再投资200万元。"), "300万元:result 200万元:target");
}

#[test]
fn when_a_rule_holds_gives_its_sentence_no_tense() {
    assert_eq!(read("本意见自2022年6月1日起施行，有效期5年。", "2022-05-10"), "2022年6月1日:- 5年:-");
    assert_eq!(read("本办法自2019年1月1日起施行，有效期3年。", "2022-05-10"), "2019年1月1日:- 3年:-");
}

#[test]
fn a_headline_tells_what_its_text_tells() {
    let stances = |text: &str| {
        let mut reply = crate::parse(text);
        crate::parse::annotate(&mut reply);
        let out: Vec<String> =
            reply.figures.iter().map(|f| format!("{}:{}", f.text, f.stance.map_or("-", |s| s.as_str()))).collect();
        out.join(" ")
    };
    assert_eq!(
        stances("县政协会议通过立案提案40件\n发布时间: 2024-02-03\n会议共收到提案42件，确定立案的提案40件。"),
        "40件:result 42件:result 40件:result"
    );
    // A title that names a document or a proposal names: its figures are neither.
    assert_eq!(stances("关于新建2所学校的建议的答复\n发布时间: 2024-02-03\n我局已新建2所学校。"), "2所:- 2所:result");
}

#[test]
fn a_rules_bound_stays_a_rule_in_a_plan() {
    // Under a plan's opener, a clause of a rule (应当, 不得低于) is neither; the plan's own still aims.
    assert_eq!(in_2023("下一步，我局将新建公园10个。按照规定，公园绿地率应当不低于65%。"), "10个:target 不低于65%:-");
}

#[test]
fn a_five_year_plan_over_by_now_reports() {
    let plan = "关于加快5G发展的实施意见";
    // In 2019 the 十三五 is still ahead: what a task verb takes under it is aimed at, by 2020.
    assert_eq!(read_doc(plan, "“十三五”期间，全市新增数据中心3个。"), "3个:target@2020");
    // In 2022 it is over: what was done.
    let mut reply =
        crate::parse(&format!("{plan}\n发布时间: 2022-05-10\n一、发展现状\n“十三五”期间，全市新增数据中心3个。"));
    crate::parse::annotate(&mut reply);
    assert_eq!(reply.figures[0].stance.map(|s| s.as_str()), Some("result"));
    assert_eq!(reply.figures[0].by, None);
}

#[test]
fn under_a_heading_of_what_stands_a_plans_task_verbs_report() {
    let mut reply = crate::parse(
        "关于加快5G发展的实施意见\n发布时间: 2022-05-10\n一、发展现状\n全市建成5G基站1万个。\n二、主要任务\n推动新建5G基站5000个。",
    );
    crate::parse::annotate(&mut reply);
    let got: Vec<&str> = reply.figures.iter().map(|f| f.stance.map_or("-", |s| s.as_str())).collect();
    assert_eq!(got, ["result", "target"]);
}

#[test]
fn a_plan_lays_down_what_its_task_verbs_take() {
    // 规划 before a task verb aims (stance14): 规划打造, as 规划建设 and 规划改造 did.
    assert_eq!(in_2023("规划打造生态文明小康村1430个。"), "1430个:target");
    assert_eq!(in_2023("附城镇规划改造20km村内管网。"), "20km:target");
}

#[test]
fn a_plan_held_for_something_aims() {
    // 有…计划: a plan for it, still to be carried out, even with the plan noun masked (改造计划).
    assert_eq!(in_2023("该小区周边两条公路均有新建改造计划。"), "两条:target");
    assert_eq!(in_2023("该小区周边两条公路没有改造计划。"), "两条:result");
}

#[test]
fn what_a_task_sets_is_aimed_at() {
    // The size of a task (建设任务4.02万亩) is a target by the year; the count of its batches numbers
    // its parts, no measure.
    assert_eq!(in_2023("今年我县高标准农田建设任务共两批4.02万亩。"), "今年:target@2023 两批:- 4.02万亩:target@2023");
    assert_eq!(in_2023("第二批建设任务0.39万亩。"), "0.39万亩:target");
    // A past year's task, a task reported done, tasks counted: no aim.
    assert_eq!(in_2023("2022年下达我县建设任务3万亩。"), "2022年:- 3万亩:result");
    assert_eq!(in_2023("上级下达建设任务5000亩，已全部完成。"), "5000亩:result");
    assert_eq!(in_2023("我局承担任务5项。"), "5项:result");
}

#[test]
fn a_cap_stays_a_cap_at_a_date() {
    assert_eq!(in_2023("批准2023年末国债余额限额调整为53365.53亿元。"), "2023年末:- 53365.53亿元:-");
}

#[test]
fn kinds_areas_named_by_time_places_and_distances_are_no_measures() {
    assert_eq!(in_2023("突出茶和温泉两类养生元素。"), "两类:-");
    assert_eq!(in_2023("构建城镇社区15分钟健身圈。"), "15分钟:-");
    assert_eq!(in_2023("构建覆盖15分钟便民生活圈的配送体系。"), "15分钟:-");
    assert!(
        in_2023("我局计划在距高速出口1km处建设公厕。").starts_with("1km:-"),
        "{}",
        in_2023("我局计划在距高速出口1km处建设公厕。")
    );
    assert_eq!(in_2023("对八家台段河道进行疏浚。"), "八家:-");
    // A distance measured, not placing: a result.
    assert_eq!(in_2023("该段河道全长5公里。"), "5公里:result");
}

#[test]
fn a_quantity_set_provisionally_is_a_rule() {
    assert_eq!(in_2023("学校全日制在校生发展规模暂定为20000人。"), "20000人:-");
}

#[test]
fn a_span_of_years_with_jin_is_no_measure() {
    assert!(
        in_2023("将13个积水点列入近五年建设项目。").contains("近五年:-"),
        "{}",
        in_2023("将13个积水点列入近五年建设项目。")
    );
}

#[test]
fn support_obtained_is_a_result() {
    assert_eq!(in_2023("5月份我局向省商务厅争取到改造资金200万元。"), "5月份:- 200万元:result");
}

#[test]
fn a_projects_preparation_is_no_now() {
    // 项目前期 holds no 目前: under a plan's opener the figure aims.
    assert_eq!(in_2023("下一步，我局将加快项目前期工作，新建公厕5座。"), "5座:target");
    assert_eq!(in_2023("下一步，加快项目前期工作，新建公厕5座。"), "5座:target");
}
