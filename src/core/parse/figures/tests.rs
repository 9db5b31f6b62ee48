use super::*;

const REF: Option<Reference> = Some(Reference { year: 2023 });

/// One figure as a reader checks it: the contract's names, the source text.
#[derive(Debug)]
struct Seen {
    text: String,
    kind: &'static str,
    value: f64,
    high: Option<f64>,
    unit: Option<String>,
    qualifier: Option<&'static str>,
    date: Option<String>,
}

fn scan(text: &str, reference: Option<Reference>) -> Vec<RawFigure> {
    scan_chars(&text.chars().collect::<Vec<char>>(), reference)
}

fn figs(text: &str) -> Vec<Seen> {
    let s: Vec<char> = text.chars().collect();
    scan(text, REF)
        .into_iter()
        .map(|f| Seen {
            text: s[f.start..f.end].iter().collect(),
            kind: f.amount.kind.as_str(),
            value: f.amount.value,
            high: f.amount.high,
            unit: f.amount.unit,
            qualifier: f.amount.qualifier.map(|q| q.as_str()),
            date: f.date,
        })
        .collect()
}

fn texts(text: &str) -> Vec<String> {
    figs(text).into_iter().map(|f| f.text).collect()
}

/// (kind, text) of each figure, to read at a glance.
fn pairs(text: &str) -> Vec<(&'static str, String)> {
    figs(text).into_iter().map(|f| (f.kind, f.text)).collect()
}

fn one(text: &str) -> Seen {
    let mut all = figs(text);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    all.remove(0)
}

#[test]
fn money_in_yuan_wan_yi_wanyi() {
    assert_eq!(one("出资规模361亿元,").value, 36_100_000_000.0);
    assert_eq!(one("补助500万元").value, 5_000_000.0);
    assert_eq!(one("奖励800元").value, 800.0);
    assert_eq!(one("规模1.5万亿元").value, 1.5e12);
    assert_eq!(one("余额4457.56亿元").value, 445_756_000_000.0);
    assert_eq!(one("共计1,415亿元").value, 141_500_000_000.0);
    assert_eq!(one("拨付五亿元").value, 5e8);
    assert_eq!(one("拨付５００万元").value, 5e6);
    assert_eq!(one("折合3亿美元").unit.as_deref(), Some("美元"));
}

#[test]
fn percent_and_points() {
    let f = one("同比增速28.34%,");
    assert_eq!((f.kind, f.value, f.unit.as_deref()), ("percent", 28.34, Some("%")));
    assert_eq!(one("增长１２％").value, 12.0);
    assert_eq!(one("提高3个百分点").unit.as_deref(), Some("百分点"));
    assert_eq!(one("占百分之十").value, 10.0);
}

#[test]
fn counts_with_measure_words() {
    let count = |t: &str| ("count", t.to_string());
    assert_eq!(
        pairs("立项537项,新建5家,210名业务员,329笔,145支,28期,44场,62个"),
        ["537项", "5家", "210名", "329笔", "145支", "28期", "44场", "62个"].map(count)
    );
    assert_eq!(one("服务3.2万人次").value, 32_000.0);
    assert_eq!(one("服务3.2万人次").unit.as_deref(), Some("人次"));
    // Any measure word with 次 after it counts times (场次, 户次), not a 次日 after a count.
    assert_eq!(texts("年均举办活动200场次以上"), ["200场次以上"]);
    assert_eq!(one("走访50户次").unit.as_deref(), Some("户次"));
    assert_eq!(one("受理后3天次日办结").unit.as_deref(), Some("天"));
    assert_eq!(one("新增三项").value, 3.0);
    assert_eq!(one("建成两个平台").value, 2.0);
    assert_eq!(one("连续3年").unit.as_deref(), Some("年"));
}

#[test]
fn decimals_in_chinese_numerals() {
    let f = one("面积为一点九三平方公里。");
    assert_eq!((f.text.as_str(), f.kind), ("一点九三平方公里", "count"));
    assert!((f.value - 1.93).abs() < 1e-9);
    assert!((one("投资三点五亿元").value - 3.5e8).abs() < 1.0);
    // 一点 with no digit after it is no decimal (`有一点困难`).
    assert_eq!(texts("有一点困难"), Vec::<String>::new());
}

#[test]
fn multiples() {
    let f = one("实现财政出资近4倍放大");
    assert_eq!((f.text.as_str(), f.kind, f.value, f.qualifier), ("近4倍", "multiple", 4.0, Some("nearly")));
}

#[test]
fn years_bare_and_with_nian() {
    let f = one("调动科研人员积极性2023,围绕");
    assert_eq!((f.text.as_str(), f.kind, f.value, f.unit.as_deref()), ("2023", "year", 2023.0, Some("年")));
    assert_eq!(one("2022年,在集成电路").text, "2022年");
    let f = one("2022年以来,围绕");
    assert_eq!((f.text.as_str(), f.qualifier), ("2022年以来", Some("since")));
    assert_eq!(one("２０２３年").value, 2023.0);
}

#[test]
fn dates() {
    let f = one("截至2022年底,");
    assert_eq!(
        (f.text.as_str(), f.kind, f.date.as_deref(), f.qualifier),
        ("2022年底", "date", Some("2022-12"), Some("end"))
    );
    let f = one("2023年第一季度,全市");
    assert_eq!((f.text.as_str(), f.date.as_deref()), ("2023年第一季度", Some("2023-Q1")));
    assert_eq!(one("2023年一季度末").date.as_deref(), Some("2023-Q1"));
    assert_eq!(one("2025年3月12日").date.as_deref(), Some("2025-03-12"));
    assert_eq!(one("2023年4月").date.as_deref(), Some("2023-04"));
    assert_eq!(one("于2025-03-12发布").date.as_deref(), Some("2025-03-12"));
    assert_eq!(one("2023年上半年").date.as_deref(), Some("2023-H1"));
}

#[test]
fn relative_dates_resolve_against_publication() {
    let f = one("截至今年4月底,市区共举办");
    assert_eq!(
        (f.text.as_str(), f.kind, f.date.as_deref(), f.qualifier),
        ("今年4月底", "date", Some("2023-04"), Some("end"))
    );
    assert_eq!(one("去年底").date.as_deref(), Some("2022-12"));
    assert_eq!(one("今年以来").value, 2023.0);
    assert!(scan("今年4月底", None).is_empty(), "no publication date, nothing to resolve against");
}

#[test]
fn ranges() {
    let all = figs("价格扣除比例由6%-10%提高至10%-20%,");
    assert_eq!(all.len(), 2);
    assert_eq!((all[0].text.as_str(), all[0].value, all[0].high), ("6%-10%", 6.0, Some(10.0)));
    assert_eq!((all[1].text.as_str(), all[1].value, all[1].high), ("10%-20%", 10.0, Some(20.0)));
    let f = one("每年8至10家");
    assert_eq!((f.text.as_str(), f.value, f.high, f.unit.as_deref()), ("8至10家", 8.0, Some(10.0), Some("家")));
    assert_eq!(one("8~10家").high, Some(10.0));
    assert_eq!(one("8～10家").high, Some(10.0));
    assert_eq!(one("投入1-2亿元").value, 1e8);
    let f = one("2022—2025年");
    assert_eq!((f.kind, f.value, f.high), ("year", 2022.0, Some(2025.0)));
}

#[test]
fn a_span_of_years_after_de_names_a_things_period() {
    assert_eq!(
        pairs("此规划已上报纳入湖南省教育厅的2019-2020年乡镇寄宿制学校项目库，建设900平方米宿舍"),
        want(&[("count", "900平方米")])
    );
    assert_eq!(pairs("全市的2021—2035年国土空间规划"), want(&[]));
    // A line break of the page's source after 的 (a browser shows a space).
    assert_eq!(pairs("全市的\n2021—2035年国土空间规划"), want(&[]));
    // The time a reply reports on stays a figure, and so does a single year after 的.
    assert_eq!(
        pairs("2018-2019年一共支持建设了7个产业园，全市的2023年目标"),
        want(&[("year", "2018-2019年"), ("count", "7个"), ("year", "2023年")])
    );
}

#[test]
fn qualifiers() {
    let q = |t: &str| one(t).qualifier;
    assert_eq!(q("近4倍"), Some("nearly"));
    assert_eq!(q("300余项"), Some("over"));
    assert_eq!(q("200多家"), Some("over"));
    assert_eq!(q("超过50%"), Some("over"));
    assert_eq!(q("超50%"), Some("over"));
    assert_eq!(q("100家以上"), Some("over"));
    assert_eq!(q("突破1000亿元"), Some("over"));
    assert_eq!(q("不少于3项"), Some("at_least"));
    assert_eq!(q("约5亿元"), Some("about"));
    assert_eq!(q("5亿元左右"), Some("about"));
    assert_eq!(q("2022年以来"), Some("since"));
    assert_eq!(q("2022年底"), Some("end"));
    assert_eq!(q("不足10%"), Some("under"));
    assert_eq!(q("最高不超过100万元"), Some("under"));
    assert_eq!(one("1000余万元").value, 1e7);
    assert_eq!(one("最近3年").qualifier, None, "最近 is a word, not 近");
    assert_eq!(one("300余项").text, "300余项");
}

#[test]
fn not_figures_inside_book_titles() {
    assert!(texts("编制《武汉市科技成果转化中试平台建设规划(2022-2025)》,按照").is_empty());
    assert!(texts("出台《关于2023年推进10项工作的通知》").is_empty());
    assert!(texts("出台《实施细则》（2023年5项）").len() == 2);
}

#[test]
fn not_figures_document_numbers() {
    assert!(texts("按照鄂政发〔2016〕111号文件").is_empty());
    assert!(texts("鄂政发［2016］111号").is_empty());
    // Every bracket the document number reader knows, 第 before the serial, a space before 号:
    // the number's year and serial are no figures, the figures around it still are.
    for number in
        ["自然资函﹝2022﹞47号", "皖政〖2019〗8号", "豫政（2022）20号", "建议字〔2023〕第12号", "益赫水议〔2025〕29 号"]
    {
        assert!(texts(number).is_empty(), "{number}");
        assert_eq!(texts(&format!("根据{number}，下达资金361亿元")), ["361亿元"], "{number}");
    }
    // The number's 号 lost (a page cut off after it): the year in 〔〕 and its serial still none.
    assert!(texts("（渝民宿字〔2021〕14").is_empty());
    assert_eq!(texts("根据〔2021〕14，下达资金361亿元"), ["361亿元"]);
    // In square or round brackets, after the issuer's short name: the same.
    assert_eq!(pairs("的通知》(吐市财[2021]27)文件精神"), want(&[]));
    assert_eq!(pairs("按照某政（2022）20要求，下达资金361亿元"), want(&[("money", "361亿元")]));
    // A count right after the brackets is still a count.
    assert_eq!(pairs("规划[2021]3个项目"), want(&[("year", "2021"), ("count", "3个")]));
    assert_eq!(pairs("规划（2021）3个项目"), want(&[("count", "3个")]));
    // A standard's year is part of its name.
    for standard in [
        "LB/T 065—2017",
        "GB14886—2006",
        "GB/T 19001-2016",
        "DB31∕T344-2020",
        "GB／T 50378-2019",
        "JGJ/T 229-2010",
        "HJ 2.2-2018",
        // Full-width digits, as Word-typed text has them.
        "GB／T １９００１—２０１６",
    ] {
        assert!(texts(standard).is_empty(), "{standard}");
        assert_eq!(texts(&format!("按照{standard}，2017年投入361亿元")), ["2017年", "361亿元"], "{standard}");
    }
    assert!(texts("第94号提案").is_empty());
    assert!(texts("第20230314号提案").is_empty());
    assert!(texts("2023号").is_empty());
}

#[test]
fn not_figures_congress_ordinals() {
    assert!(texts("市政协十四届二次会议").is_empty());
    assert!(texts("第十四届三次全会").is_empty());
    assert!(texts("第3次会议").is_empty());
    assert!(texts("14届").is_empty());
}

#[test]
fn not_figures_list_markers() {
    assert_eq!(texts("1.建成5个平台"), ["5个"]);
    assert_eq!(texts("1．建成5个平台"), ["5个"]);
    assert_eq!(texts("2、建成5个平台"), ["5个"]);
    assert_eq!(texts("一是(1)建成平台,(2)设立5家"), ["5家"]);
    assert_eq!(texts("（1）建成平台"), Vec::<String>::new());
}

#[test]
fn not_figures_versions_and_codes() {
    assert!(texts("推进工业4.0和Web3.0").is_empty());
    assert!(texts("发布V2.1.3版本").is_empty());
    assert!(texts("建设5G基站").is_empty());
    assert!(texts("通过ISO9001认证").is_empty());
    assert!(texts("建立2+X科技金融产品体系").is_empty());
    assert!(texts("2.0版").is_empty());
}

#[test]
fn not_figures_words_with_numerals() {
    assert!(texts("一批新型研发机构,一揽子金融服务,统一服务平台,万户贷").is_empty());
    assert!(texts("千家万户").is_empty());
}

#[test]
fn context_is_the_clause() {
    let text = "截至2022年底,武汉基金累计出资规模361亿元,参与母子基金145支";
    let s: Vec<char> = text.chars().collect();
    let f = scan(text, REF);
    assert_eq!(context(&s, f[1].start, f[1].end), "武汉基金累计出资规模361亿元");
    // 截至2022年底 alone says little: it takes the next clause in.
    assert_eq!(context(&s, f[0].start, f[0].end), "截至2022年底,武汉基金累计出资规模361亿元");
    let t2: Vec<char> = "共计1,415亿元。".chars().collect();
    assert_eq!(context(&t2, 2, 9), "共计1,415亿元");
}

#[test]
fn qian_nian_inside_words_is_not_a_date() {
    assert_eq!(texts("使用以前年度结转资金"), Vec::<String>::new());
    assert_eq!(texts("目前年均增长"), Vec::<String>::new());
    assert_eq!(pairs("前年投入5亿元"), [("year", "前年".to_string()), ("money", "5亿元".to_string())]);
}

/// (kind, text) pairs, written short.
fn want(list: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    list.iter().map(|(k, t)| (*k, t.to_string())).collect()
}

#[test]
fn fixed_expressions_hold_no_figure() {
    let mut n = 0;
    for entry in names::fixed_expressions() {
        n += 1;
        let sentence = format!("坚持{entry}，投入5亿元。");
        assert_eq!(pairs(&sentence), want(&[("money", "5亿元")]), "{sentence}");
        // Standing alone, glued to the words around it, or quoted.
        for s in [entry.to_string(), format!("统筹{entry}建设"), format!("“{entry}”")] {
            assert_eq!(texts(&s), Vec::<String>::new(), "{s}");
        }
    }
    assert!(n >= 60, "the list is read: {n} entries");
}

#[test]
fn fixed_expressions_unquoted_in_real_sentences() {
    assert_eq!(texts("统筹推进五位一体总体布局和协调推进四个全面战略布局"), Vec::<String>::new());
    assert_eq!(texts("增强四个意识、坚定四个自信、做到两个维护"), Vec::<String>::new());
    assert_eq!(texts("统筹利用国际国内两个市场、两种资源"), Vec::<String>::new());
    assert_eq!(texts("黑龙江省七台河市、河南省三门峡市、长春市九台区"), Vec::<String>::new());
    assert_eq!(texts("落实中央八项规定精神，发展三次产业"), Vec::<String>::new());
    assert_eq!(texts("严格落实四个不摘要求，坚持四个最严，促进两个健康"), Vec::<String>::new());
    assert_eq!(texts("深刻领会十个明确、十四个坚持，牢记五个必由之路"), Vec::<String>::new());
    assert_eq!(texts("坚持一个中心、两个基本点，坚持四项基本原则，坚持两个至上"), Vec::<String>::new());
    // The words around a fixed expression still count.
    assert_eq!(pairs("两会期间收到建议12件"), want(&[("count", "12件")]));
}

#[test]
fn counts_in_a_short_quote_are_names() {
    assert_eq!(texts("全面推行“三项制度”，以“四个突出”推进“证照分离”"), Vec::<String>::new());
    assert_eq!(texts("坚持\"三个结合\"，探索‘三项试点’，做到「两个确立」"), Vec::<String>::new());
    // A quote long enough to be a sentence measures what it says.
    assert_eq!(pairs("他说：“全区已新建了两个平台和三个中心”"), want(&[("count", "两个"), ("count", "三个")]));
    // Arabic figures in a quote are figures.
    assert_eq!(pairs("“新建5家”"), want(&[("count", "5家")]));
}

#[test]
fn a_numeral_right_after_the_measure_word_is_a_slogan() {
    assert_eq!(texts("旅游“六个一”工程"), Vec::<String>::new());
    assert_eq!(texts("实现两个一百年奋斗目标，建设三纵两横一平台"), Vec::<String>::new());
    assert_eq!(pairs("建成两个平台、一个中心"), want(&[("count", "两个")]));
}

#[test]
fn er_alone_is_an_ordinal_and_a_phase_is_no_count() {
    assert_eq!(texts("营口电厂二期、丹东电厂二期，预防二次污染，第二类医疗器械和二类医疗器械"), Vec::<String>::new());
    assert_eq!(texts("推进三、四期工程和五期项目"), Vec::<String>::new());
    // Counts of two are written 两; phases of training are counts.
    assert_eq!(pairs("专家组两次实地调查，已举办三期培训班"), want(&[("count", "两次"), ("count", "三期")]));
    assert_eq!(pairs("购置两台设备，开设三门课程"), want(&[("count", "两台"), ("count", "三门")]));
}

#[test]
fn spans_of_years_in_chinese_numerals() {
    let f = one("用三到五年时间");
    assert_eq!(
        (f.text.as_str(), f.kind, f.value, f.high, f.unit.as_deref()),
        ("三到五年", "count", 3.0, Some(5.0), Some("年"))
    );
    let f = one("力争一至两年内完成");
    assert_eq!((f.text.as_str(), f.value, f.high), ("一至两年", 1.0, Some(2.0)));
    assert_eq!(pairs("相关资料应当留存五年"), want(&[("count", "五年")]));
    assert_eq!(one("五年以内").qualifier, Some("under"));
    assert_eq!(one("近两年").qualifier, Some("nearly"));
    assert_eq!(pairs("两到三个工作日"), want(&[("count", "两到三个工作日")]));
    // Plans, grades and years spelled digit by digit are no spans.
    assert_eq!(texts("打赢脱贫攻坚战三年行动，编制第十四个五年规划，三年级学生"), Vec::<String>::new());
    assert_eq!(texts("二〇〇四年八月十二日，二零二三年，一九九八年"), Vec::<String>::new());
    assert_eq!(texts("一年"), Vec::<String>::new());
}

#[test]
fn neighbouring_digits_are_an_estimate() {
    let f = one("建成三四个平台");
    assert_eq!((f.text.as_str(), f.kind, f.value, f.high), ("三四个", "count", 3.0, Some(4.0)));
    assert_eq!(pairs("用一两年时间，引进七八家企业"), want(&[("count", "一两年"), ("count", "七八家")]));
    assert_eq!(one("五六万元").value, 5e4);
    // Not neighbours, or no unit: no estimate.
    assert_eq!(texts("三五成群，十四五规划，二三十"), Vec::<String>::new());
}

#[test]
fn fractions_are_shares() {
    let f = one("允许不超过五分之一的股东");
    assert_eq!((f.text.as_str(), f.kind, f.value, f.qualifier), ("不超过五分之一", "percent", 20.0, Some("under")));
    let f = one("三分之二以上");
    assert_eq!((f.text.as_str(), f.qualifier), ("三分之二以上", Some("over")));
    assert!((f.value - 66.666).abs() < 0.01, "{}", f.value);
    assert_eq!(one("千分之五").value, 0.5);
    assert_eq!(one("十分之一").value, 10.0);
}

#[test]
fn units_of_length_area_volume_weight_power_and_time() {
    let count = |t: &str| ("count", t.to_string());
    assert_eq!(
        pairs("厚度低于0.01毫米，宽度1-5毫米，节水约35亿立方米，储备5亿公斤以下，改造160万平米"),
        ["低于0.01毫米", "1-5毫米", "约35亿立方米", "5亿公斤以下", "160万平米"].map(count)
    );
    assert_eq!(
        pairs("年产130根，20个工作日，不超过4个小时，年满18周岁，装机3千瓦，5平方千米"),
        ["130根", "20个工作日", "不超过4个小时", "18周岁", "3千瓦", "5平方千米"].map(count)
    );
    assert_eq!(one("不超过4个小时").unit.as_deref(), Some("个小时"));
    assert_eq!(one("5亿公斤").value, 5e8);
    assert_eq!(texts("根据规定"), Vec::<String>::new());
    assert_eq!(texts("3根据"), Vec::<String>::new(), "根据 is a word, not 根");
}

#[test]
fn qian_is_a_multiplier_unless_it_starts_the_unit() {
    let f = one("供水规模4千吨");
    assert_eq!((f.text.as_str(), f.value, f.unit.as_deref()), ("4千吨", 4000.0, Some("吨")));
    let f = one("全长5千米");
    assert_eq!((f.value, f.unit.as_deref()), (5.0, Some("千米")));
    assert_eq!(one("补助2千元").value, 2000.0);
    let f = one("新建110千伏变电站");
    assert_eq!((f.text.as_str(), f.value, f.unit.as_deref()), ("110千伏", 110.0, Some("千伏")));
    assert_eq!(one("装机50万千瓦").value, 5e5);
}

#[test]
fn fen_qian_is_money() {
    let f = one("明确这2分钱电价全部用于还贷");
    assert_eq!((f.text.as_str(), f.kind, f.value, f.unit.as_deref()), ("2分钱", "money", 0.02, Some("元")));
}

#[test]
fn a_bare_amount_in_wan_is_a_count() {
    let f = one("户籍人口超过100万的城市");
    assert_eq!(
        (f.text.as_str(), f.kind, f.value, f.unit, f.qualifier),
        ("超过100万", "count", 1e6, None, Some("over"))
    );
    // A range keeps the unit of its upper bound.
    let f = one("投入1万-2万元");
    assert_eq!((f.text.as_str(), f.kind, f.value, f.high), ("1万-2万元", "money", 1e4, Some(2e4)));
}

#[test]
fn white_space_between_number_and_unit() {
    for text in ["出资361 亿元，", "出资361\u{a0}亿元，", "出资361\u{3000}亿元，", "出资361\n亿元，", "出资361  亿元，"]
    {
        let all = scan(text, REF);
        assert_eq!(all.len(), 1, "{text:?}");
        let s: Vec<char> = text.chars().collect();
        let f = &all[0];
        assert_eq!((f.start, f.amount.kind, f.amount.value), (2, FigureKind::Money, 36_100_000_000.0), "{text:?}");
        let shown: String = s[f.start..f.end].iter().collect();
        assert_eq!(shown, text[text.find('3').unwrap_or(0)..].trim_end_matches('，'), "offsets hold the gap");
    }
    assert_eq!(
        pairs("增速28.34 %，立项537 项，2023 年"),
        want(&[("percent", "28.34 %"), ("count", "537 项"), ("year", "2023 年")])
    );
    assert_eq!(one("超过 100 万元").value, 1e6);
    // A long gap, a tab (between table cells), a label before a noun, an ordinal: no figure.
    assert_eq!(texts("出资361    亿元"), Vec::<String>::new());
    assert_eq!(texts("出资361\t亿元"), Vec::<String>::new());
    assert_eq!(texts("见表 1 人员名单，序号 2 名称"), Vec::<String>::new());
    assert_eq!(texts("第 3 次会议，第 3 批"), Vec::<String>::new());
    // A number opening the paragraph before white space numbers a section.
    assert_eq!(texts("7.2\u{3000}本预案由国务院办公厅负责解释"), Vec::<String>::new());
    assert_eq!(texts("3 总则"), Vec::<String>::new());
    // No unit after the gap: the white space is not the figure's.
    assert_eq!(pairs("2023 年共3 家"), want(&[("year", "2023 年"), ("count", "3 家")]));
}

#[test]
fn document_numbers_and_written_dates_are_never_counts() {
    assert_eq!(texts("依照国办函〔2005〕69号和国发〔2019〕3号文件"), Vec::<String>::new());
    let counts: Vec<Seen> =
        figs("二〇〇五年三月三日，二〇二三年八月二十二日").into_iter().filter(|f| f.kind == "count").collect();
    assert!(counts.is_empty(), "{counts:?}");
    assert_eq!(texts("第一批、第三次、第五年"), Vec::<String>::new());
}

#[test]
fn years_inside_codes_are_not_years() {
    assert_eq!(texts("索引号：zz/2020-00676"), Vec::<String>::new());
    assert_eq!(texts("K26058142/2021-31318，2019-00481"), Vec::<String>::new());
    // A range of years and a date stay.
    assert_eq!(pairs("2019-2020年，2025-03-12"), want(&[("year", "2019-2020年"), ("date", "2025-03-12")]));
}

#[test]
fn cases_are_counted_in_qi() {
    assert_eq!(
        pairs("全年生产安全事故31起，其中道路运输事故14起，立案3 起，发生火灾五起"),
        want(&[("count", "31起"), ("count", "14起"), ("count", "3 起"), ("count", "五起")])
    );
    assert_eq!(one("发生较大事故1起").unit.as_deref(), Some("起"));
    // 起 opening a word, 一起 (together), 三起三落: no count.
    assert_eq!(texts("从3起步，以5起算，大家一起努力，三起三落"), Vec::<String>::new());
    // An anniversary (30周年, 建党一百周年) names an occasion: no count of weeks; 30周 still counts.
    assert_eq!(texts("在浦东开发开放30周年庆祝大会上，建党一百周年"), Vec::<String>::new());
    assert_eq!(pairs("培训30周"), want(&[("count", "30周")]));
    // 起 after a date is "from": the date is the figure.
    assert_eq!(pairs("自2023年1月1日起施行"), want(&[("date", "2023年1月1日")]));
}

#[test]
fn the_end_of_a_year_written_twice() {
    let f = one("到2020年年底前完成");
    assert_eq!(
        (f.text.as_str(), f.kind, f.date.as_deref(), f.qualifier),
        ("2020年年底", "date", Some("2020-12"), Some("end"))
    );
    assert_eq!(one("2021年年末").date.as_deref(), Some("2021-12"));
    assert_eq!(one("今年年底").date.as_deref(), Some("2023-12"));
    // 年年 followed by something else: the year alone.
    assert_eq!(pairs("2022年年均增长"), want(&[("year", "2022年")]));
}

#[test]
fn a_price_is_its_amount() {
    // What the price is per (元/吨) is left to the text around it: the figure is the amount.
    assert_eq!(
        pairs("煤价600元/吨，扶持农家乐(1万元/户)，电价0.56元/千瓦时"),
        want(&[("money", "600元"), ("money", "1万元"), ("money", "0.56元")])
    );
}

#[test]
fn school_systems_are_names_not_spans_of_years() {
    assert_eq!(texts("九年义务教育巩固率，实施十二年免费教育，九年一贯制学校，9年义务教育"), Vec::<String>::new());
    assert_eq!(pairs("九年义务教育巩固率达96.92%"), want(&[("percent", "96.92%")]));
    // A span of nine years is still one.
    assert_eq!(pairs("连续九年保持增长"), want(&[("count", "九年")]));
}

#[test]
fn er_ben_and_si_zhou_are_words() {
    // 二本: the second batch of universities; 四周: all around.
    assert_eq!(pairs("二本以上上线人数885人"), want(&[("count", "885人")]));
    assert_eq!(texts("项目四周均为民房，学校四周"), Vec::<String>::new());
    // Four weeks, where a span is meant; books counted with 两.
    assert_eq!(
        pairs("为期四周，四周内完成，三四周，购书两本"),
        want(&[("count", "四周"), ("count", "四周"), ("count", "三四周"), ("count", "两本")])
    );
}

#[test]
fn more_measure_words_of_reports() {
    let count = |t: &str| ("count", t.to_string());
    assert_eq!(
        pairs("获得金牌133枚，生猪存栏427246头，家禽出栏3000万羽，建成33片高标准农田，测制地形图4062幅"),
        ["133枚", "427246头", "3000万羽", "33片", "4062幅"].map(count)
    );
    assert_eq!(
        pairs("安装路灯120盏，种植苗木5000棵、3万株，病例12例，案件5宗，土方3万立方，5层楼房，新建2幢"),
        ["120盏", "5000棵", "3万株", "12例", "5宗", "3万立方", "5层", "2幢"].map(count)
    );
    assert_eq!(
        pairs("PM2.5浓度29微克/立方米，一氧化碳1.2毫克/立方米，气温18.8℃，用电5亿度，粮食1200斤，面积120㎡"),
        ["29微克", "1.2毫克", "18.8℃", "5亿度", "1200斤", "120㎡"].map(count)
    );
    assert_eq!(pairs("保障航班320架次，开行班车60班次"), ["320架次", "60班次"].map(count));
    // Words that open with one of them are no measure word.
    assert_eq!(texts("3例如下，5宗旨，2头部企业，6片区，7层面，8度假村"), Vec::<String>::new());
}

#[test]
fn livestock_and_poultry_are_counted_with_their_qualifier() {
    // A threshold of a farm's size: the figure's text takes in its 以上 (as 95%以上 does).
    assert_eq!(
        pairs("规模化养殖标准(猪年存栏500头以上,鸡年存栏10000羽以上),养羊300只,养马20匹"),
        want(&[("count", "500头以上"), ("count", "10000羽以上"), ("count", "300只"), ("count", "20匹")])
    );
    // 匹配 is a word, not a count of horses.
    assert_eq!(texts("按1:1匹配资金"), Vec::<String>::new());
}

#[test]
fn per_mille_is_a_share() {
    let f = one("人口出生率为7.71‰，");
    assert_eq!((f.text.as_str(), f.kind, f.value, f.unit.as_deref()), ("7.71‰", "percent", 0.771, Some("‰")));
}

#[test]
fn thousands_set_apart_by_a_space() {
    let f = one("投入3 000万元");
    assert_eq!((f.text.as_str(), f.kind, f.value), ("3 000万元", "money", 3e7));
    assert_eq!(one("共计1 234.5亿元").value, 123_450_000_000.0);
    assert_eq!(one("新增1\u{a0}200 000人").value, 1_200_000.0);
    // Not groups: a year and a count, two digits, four digits.
    assert_eq!(pairs("2023 年共3 家"), want(&[("year", "2023 年"), ("count", "3 家")]));
    assert_eq!(pairs("第1批12 30家"), want(&[("count", "30家")]));
    assert_eq!(pairs("12 3000家"), want(&[("count", "3000家")]));
}

#[test]
fn ranges_with_white_space_around_the_separator() {
    let f = one("达到3 至 5 个");
    assert_eq!((f.text.as_str(), f.value, f.high, f.unit.as_deref()), ("3 至 5 个", 3.0, Some(5.0), Some("个")));
    assert_eq!(one("完成8 - 10 亩").high, Some(10.0));
    assert_eq!(one("增长6% - 8%").text, "6% - 8%");
    // No upper bound after it: the figure alone.
    assert_eq!(pairs("共5 个 - 其中"), want(&[("count", "5 个")]));
}

#[test]
fn a_measure_opening_a_paragraph_is_a_figure() {
    // A paragraph cut where the page wrapped its line: the number before white space is no
    // section number when money, a percent or a unit of measure follows.
    assert_eq!(pairs("108 亩土地已完成流转。"), want(&[("count", "108 亩")]));
    assert_eq!(pairs("5 亿元资金已拨付"), want(&[("money", "5 亿元")]));
    // Section numbers stay none.
    for text in ["3 总则", "7.2\u{3000}本预案由国务院办公厅负责解释", "2 人员配置", "1 项目概况"]
    {
        assert_eq!(texts(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn spaces_of_every_width_between_number_and_unit() {
    for text in ["流转108\u{2002}亩", "流转108\u{2009}亩", "流转108\u{202f}亩"] {
        assert_eq!(texts(text).len(), 1, "{text:?}");
    }
    assert_eq!(texts("流转108\t亩"), Vec::<String>::new(), "a tab separates table cells");
}

#[test]
fn the_compiled_list_keeps_every_entry_of_fixed_txt() {
    let written: Vec<&str> =
        include_str!("fixed.txt").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    let compiled: Vec<&str> = names::fixed_expressions().collect();
    assert_eq!(compiled, written);
    assert!(compiled.len() > 50, "{compiled:?}");
}

/// The figures of a whole reply, as (kind, text) pairs.
fn reply_pairs(text: &str) -> Vec<(&'static str, String)> {
    let r = crate::parse::parse(text);
    r.figures.iter().map(|f| (f.amount.kind.as_str(), f.text.clone())).collect()
}

#[test]
fn a_name_the_reply_defines_holds_no_figure_where_it_stands_again() {
    // Quoted once, unquoted after (in another paragraph too).
    let text = "关于某事的答复\n张三委员：\n为提升“助老三件事”服务能力，投入5亿元。\n切实提升助老三件事服务能力，新建3家中心。";
    assert_eq!(reply_pairs(text), want(&[("money", "5亿元"), ("count", "3家")]));
    // A short name given after 简称; the same count elsewhere is still one.
    let text = "关于某事的答复\n张三委员：\n国务院印发《实施方案》（以下简称职教20条）。\n按照职教20条的部署，建成20条生产线。";
    assert_eq!(reply_pairs(text), want(&[("count", "20条")]));
    // A quote of Arabic figures measures what it says.
    let text = "关于某事的答复\n张三委员：\n实现“新建5家”目标，新建5家中心。";
    assert_eq!(reply_pairs(text), want(&[("count", "5家"), ("count", "5家")]));
}

#[test]
fn kilometres_and_cubic_metres_as_engineers_write_them() {
    let count = |t: &str| ("count", t.to_string());
    assert_eq!(pairs("铺设管道163.2km,改造20km村内管网"), ["163.2km", "20km"].map(count));
    assert_eq!(one("铺设管道163.2km").unit.as_deref(), Some("km"));
    // Letters that go on are a code's (`5kmh`), not kilometres.
    assert_eq!(texts("型号5kmh"), Vec::<String>::new());
    // 方 after Arabic digits: cubic metres; never 方面 or a count of parties (三方).
    assert_eq!(pairs("清运垃圾约1385方,土方5万方"), [("count", "约1385方".to_string()), count("5万方")]);
    assert_eq!(texts("从3方面入手,签订三方协议"), Vec::<String>::new());
}

#[test]
fn degrees_glued_to_a_name_are_no_figure() {
    // A reading club's name, a phrase: no degrees.
    assert!(texts("整合了青莲读书会、1度读书会等").is_empty());
    assert!(texts("实现360度全景展示").is_empty());
    // Electricity and temperature in 度 stay figures.
    assert_eq!(texts("年用电100度电,气温30度左右,坡度25度角"), ["100度", "30度左右", "25度"]);
    // A heat wave's and a frost's degrees: 高温, 低温, 时 after them.
    assert_eq!(texts("持续38度高温,气温降到5度时"), ["38度", "5度"]);
}

#[test]
fn metres_written_in_latin_letters_are_a_unit() {
    let count = |t: &str| ("count", t.to_string());
    assert_eq!(pairs("路基宽度为6.5m,沥青路面"), [count("6.5m")]);
    assert_eq!(pairs("新建蓄水池500m³"), [count("500m³")]);
    // Letters that go on are a code's or another unit's (`5min`, `10mg`), no metres.
    assert_eq!(texts("间隔5min,剂量10mg"), Vec::<String>::new());
}

#[test]
fn an_issue_s_number_with_its_year_is_no_figure() {
    // A gazette's issue, a site's note, a journal's issue: neither a year nor a count.
    assert!(texts("收录于《公报》2002年第22号").is_empty());
    assert!(texts("关于某市的批复(2000年32号)").is_empty());
    assert!(texts("刊登于2023年第5期").is_empty());
    // In full-width digits too (a page typed in a CJK input method).
    assert!(texts("收录于《公报》２００２年第２２号").is_empty());
    // A year with a count after it stays a year.
    assert_eq!(texts("2023年新建5家"), ["2023年", "5家"]);
}

#[test]
fn thousands_apart_by_a_full_width_comma_before_a_unit() {
    assert_eq!(one("完成投资1，234万元").value, 12_340_000.0);
    assert_eq!(one("惠及12，345家企业").value, 12_345.0);
    assert_eq!(one("覆盖1，234，567人").value, 1_234_567.0);
    // Without a unit the comma ends a clause.
    assert_eq!(pairs("2023年，共12，345"), want(&[("year", "2023年")]));
    assert_eq!(pairs("项目3，100家"), want(&[("count", "3，100家")]));
}

#[test]
fn a_percent_in_words_takes_its_suffix() {
    let f = one("残疾人参保率达到百分之八十五以上");
    assert_eq!((f.text.as_str(), f.value, f.qualifier), ("百分之八十五以上", 85.0, Some("over")));
    assert_eq!(one("约百分之十左右").qualifier, Some("about"));
}

#[test]
fn round_amounts_in_words_with_a_qualifier() {
    for (text, kind, value, q) in [
        ("带动近百家企业", "count", 100.0, "nearly"),
        ("培训百余人", "count", 100.0, "over"),
        ("引进千万元以上项目", "money", 1e7, "over"),
        ("退税近千亿元", "money", 1e11, "nearly"),
        ("服务逾万人次", "count", 1e4, "over"),
        ("吸纳就业万余人", "count", 1e4, "over"),
        ("超百亿元", "money", 1e10, "over"),
    ] {
        let f = one(text);
        assert_eq!((f.kind, f.value, f.qualifier), (kind, value, Some(q)), "{text}");
    }
    // Without a qualifier, or in a word, no figure.
    for text in ["百姓", "千人计划", "成千上万人", "万人空巷", "千家万户", "百家争鸣", "千万不要", "三百余家的第百家"]
    {
        assert!(pairs(text).iter().all(|(_, t)| t == "三百余家"), "{text}: {:?}", pairs(text));
    }
}

#[test]
fn duo_yuan_after_a_number_is_money_and_more() {
    let f = one("农民人均月收入1800多元");
    assert_eq!((f.text.as_str(), f.kind, f.value, f.qualifier), ("1800多元", "money", 1800.0, Some("over")));
    assert_eq!(one("每人三十多元").value, 30.0);
    // 多元化 is a word: no money in it.
    assert!(texts("推进2多元化").is_empty());
}
