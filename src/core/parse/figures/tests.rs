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
            kind: f.kind.as_str(),
            value: f.value,
            high: f.high,
            unit: f.unit,
            qualifier: f.qualifier.map(|q| q.as_str()),
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
    assert_eq!(one("新增三项").value, 3.0);
    assert_eq!(one("建成两个平台").value, 2.0);
    assert_eq!(one("连续3年").unit.as_deref(), Some("年"));
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
