//! One test per class of rule that keys on chars with a traditional form (issue 19), each from
//! a shape real pages in traditional script show (www.gov.cn's big5 gateway, a ministry's).
use crate::model::Reply;
use crate::parse::{annotate, parse};

/// Each figure of a reply as (kind, text).
fn figures(r: &Reply) -> Vec<(&'static str, String)> {
    r.figures.iter().map(|f| (f.amount.kind.as_str(), f.text.clone())).collect()
}

/// Each figure of a reply's body as (kind, text).
fn read(body: &str) -> Vec<(&'static str, String)> {
    figures(&parse(&format!("關於某事的答覆\n一、辦理情況\n{body}")))
}

fn pairs(list: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    list.iter().map(|(k, t)| (*k, t.to_string())).collect()
}

#[test]
fn units_and_measure_words_in_traditional_script() {
    let body = "2016年,失業保險基金向64萬戶企業發放穩崗補貼270億元,惠及職工4800萬人,建成2個示範區、30張網點。";
    assert_eq!(
        read(body),
        pairs(&[
            ("year", "2016年"),
            ("count", "64萬戶"),
            ("money", "270億元"),
            ("count", "4800萬人"),
            ("count", "2個"),
            ("count", "30張")
        ])
    );
    // Normalised as in simplified script: the value and unit in 元; the text the page's.
    let r = parse(&format!("答覆\n{body}"));
    let money = r.figures.iter().find(|f| f.text == "270億元").map(|f| (f.amount.value, f.amount.unit.clone()));
    assert_eq!(money, Some((270e8, Some("元".to_string()))));
}

#[test]
fn congress_ordinals_in_traditional_script_are_no_figures() {
    assert_eq!(
        read("您在十三屆全國人大四次會議上提出的關於加快內河航運發展的建議收悉。全國政協十二屆三次會議共收到提案5857件。"),
        pairs(&[("count", "5857件")])
    );
}

#[test]
fn document_numbers_in_traditional_script_are_no_figures() {
    assert_eq!(
        read("按照《關於印發〈國家高新區建設規劃〉的通知》(國科發高〔2016〕51號)和川府〔1999〕34號文件的要求,支持建設2個園區。"),
        pairs(&[("count", "2個")])
    );
    let r = parse(
        "國務院關於同意沈大國家高新區建設國家自主創新示範區的批復\n國函〔2016〕65號\n遼寧省人民政府:\n你省來文收悉。",
    );
    assert_eq!(r.document_number.as_deref(), Some("國函〔2016〕65號"), "as the page writes it");
}

#[test]
fn header_labels_in_traditional_script() {
    let r = parse(
        "標題:國務院辦公廳關於廣州花都經濟開發區等4個省級開發區升級為國家級經濟技術開發區的復函\n\
         發文字號:國辦函〔2024〕83號\n成文日期:2024年10月27日\n發佈日期:2024年10月30日\n\
         廣東省人民政府:\n你省來文收悉。\n國務院辦公廳\n2024年10月27日",
    );
    let got = (r.title.as_str(), r.document_number.as_deref(), r.signed.as_deref(), r.published_date.as_deref());
    let want = (
        "國務院辦公廳關於廣州花都經濟開發區等4個省級開發區升級為國家級經濟技術開發區的復函",
        Some("國辦函〔2024〕83號"),
        Some("2024-10-27"),
        Some("2024-10-30"),
    );
    assert_eq!(got, want);
    assert_eq!(r.published.as_deref(), Some("2024年10月30日"));
}

#[test]
fn outline_numbering_in_traditional_script() {
    let r = parse(
        "陝西省機關運行保障條例\n第一章 總則\n第一條 為了加強機關運行保障工作,制定本條例。\n\
         第二條 本條例適用於本省各級機關。\n第二章 經費管理\n第三條 機關運行經費應當納入預算。",
    );
    let mut outline = Vec::new();
    for (depth, s) in r.walk_sections() {
        outline.push((depth, s.number.clone(), s.title.clone()));
    }
    let want = [
        (1, "第一章", "總則"),
        (2, "第一條", "為了加強機關運行保障工作,制定本條例"),
        (2, "第二條", "本條例適用於本省各級機關"),
        (1, "第二章", "經費管理"),
        (2, "第三條", "機關運行經費應當納入預算"),
    ];
    let want: Vec<(usize, String, String)> = want.iter().map(|(d, n, t)| (*d, n.to_string(), t.to_string())).collect();
    assert_eq!(outline, want);
}

#[test]
fn stance_cues_in_traditional_script() {
    let mut r = parse(
        "關於某事的答覆\n發佈時間: 2021-05-20\n一、辦理情況\n截至2020年底,累計投入資金5億元。到2025年,將建成充電站200個。",
    );
    annotate(&mut r);
    let got: Vec<String> = r
        .figures
        .iter()
        .map(|f| format!("{}:{}@{}", f.text, f.stance.map_or("-", |s| s.as_str()), f.by.as_deref().unwrap_or("-")))
        .collect();
    assert_eq!(got, ["2020年底:-@-", "5億元:result@-", "2025年:target@2025", "200個:target@2025"]);
}

#[test]
fn every_text_given_back_is_the_pages_own() {
    let text = "國務院關於同意設立保稅港區的批復\n國函〔2008〕105號\n江蘇省人民政府:\n一、同意設立張家港保稅港區,規劃面積4.1平方公里。\n二、所需經費5000萬元由財政安排。\n國務院\n二○○八年十一月十八日";
    let r = parse(text);
    assert_eq!(r.title, "國務院關於同意設立保稅港區的批復");
    for (_, p) in r.paragraphs() {
        assert!(text.contains(&p.text), "{}", p.text);
    }
    for (_, s) in r.walk_sections() {
        assert!(text.contains(&s.title), "{}", s.title);
    }
    for f in &r.figures {
        let (_, own) = r.text_of(&f.paragraph).unwrap_or_default();
        let span: String = own.chars().skip(f.start as usize).take((f.end - f.start) as usize).collect();
        assert_eq!(f.text, span);
        assert!(own.contains(&f.context), "{}", f.context);
    }
    assert_eq!(figures(&r), pairs(&[("count", "4.1平方公里"), ("money", "5000萬元")]));
}

#[test]
fn a_pages_metadata_table_in_traditional_script() {
    use crate::parse::{page_table, Hints};
    let mut hints = Hints::default();
    let page = [
        "索 引 號:\t000014349/2016-00061\t主題分類:\t科技、教育\\科技",
        "發文機關:\t國務院\t成文日期:\t2016年04月05日",
        "標  題:\t國務院關於同意沈大國家高新區建設國家自主創新示範區的批復",
        "發文字號:\t國函〔2016〕65號\t發佈日期:\t2016年04月11日",
    ];
    page_table(&mut hints, &page);
    let got = (hints.title.as_deref(), hints.number.as_deref(), hints.signed.as_deref(), hints.dated.as_deref());
    let want = (
        Some("國務院關於同意沈大國家高新區建設國家自主創新示範區的批復"),
        Some("國函〔2016〕65號"),
        Some("2016年04月05日"),
        Some("2016年04月11日"),
    );
    assert_eq!(got, want);
}

#[test]
fn a_page_mixing_both_forms_keeps_each_where_it_stands() {
    let text = "答覆\n一、台州市建成2個站點。\n二、臺州市建成2個站點。\n三、台州市建成2个站点。";
    let r = parse(text);
    let titles: Vec<&str> = r.walk_sections().into_iter().map(|(_, s)| s.title.as_str()).collect();
    assert_eq!(titles, ["台州市建成2個站點", "臺州市建成2個站點", "台州市建成2个站点"]);
    assert_eq!(figures(&r), pairs(&[("count", "2個"), ("count", "2個"), ("count", "2个")]));
}

#[test]
fn a_toggle_in_traditional_script_leaves_a_simplified_page_simplified() {
    // (kind, title): a page in simplified script under a site's 繁體 toggle, its title on two
    // lines, reads its title in its own chars.
    let r = parse(
        "繁體\n简体\n某市卫生健康和体育局关于对市七届人大五次会议\n第71号建议的答复\n张三代表:\n您提出的建议收悉。",
    );
    assert_eq!(("title", r.title.as_str()), ("title", "某市卫生健康和体育局关于对市七届人大五次会议第71号建议的答复"));
}

#[test]
fn a_piece_joined_across_white_space_is_given_back_in_the_pages_chars() {
    // A number written with a space before its 號, on a page whose footer writes 号 more often.
    let r = parse(
        "國務院關於發布某名單的通知\n國函〔2005〕107 號\n各省人民政府:\n名單已經審定。\n國務院\n二○○五年十二月三十一日\n浙ICP备05001234号-1 浙公网安备 33010202000123号",
    );
    assert_eq!(r.document_number.as_deref(), Some("國函〔2005〕107號"));
}
