use crate::parse::parse;

/// What a reader sees of a reply's dates, as (kind, text) pairs.
fn dates(text: &str) -> Vec<(&'static str, String)> {
    let r = parse(text);
    let or_dash = |v: Option<String>| v.unwrap_or_else(|| "-".into());
    vec![("published", or_dash(r.published_date)), ("signed", or_dash(r.signed))]
}

fn want(published: &str, signed: &str) -> Vec<(&'static str, String)> {
    vec![("published", published.to_string()), ("signed", signed.to_string())]
}

#[test]
fn a_signature_run_into_the_last_paragraph_dates_the_reply() {
    let cases: &[(&str, &str)] = &[
        // A page that lost its line breaks: the whole reply on one line.
        (
            "张三代表: 您的建议收悉。现答复如下: 我局已于2021年3月5日完成设计。 感谢您的关心! 某县水利局 2021年9月17日",
            "2021-09-17",
        ),
        ("张三代表：\n我局已于2021年3月5日完成设计。\n感谢您的关心。  某县水利局　2021年9月17日\n|", "2021-09-17"),
        ("张三代表：\n我局已于2021年3月5日完成设计。\n感谢您的关心。 2021年9月17日", "2021-09-17"),
        // Where the crawl joined the lines with nothing between them.
        ("张三代表：\n我局已于2021年3月5日完成设计。\n特此答复。2021年9月17日", "2021-09-17"),
        ("张三代表：\n我局已于2021年3月5日完成设计。\n特此答复。某县水利局 2021年9月17日", "2021-09-17"),
        // The office and the date with nothing between them too.
        ("张三代表：\n感谢您的关心。某县水利局2021年9月17日", "2021-09-17"),
    ];
    for (text, date) in cases {
        assert_eq!(dates(text), want(date, date), "{text}");
    }
    // A date in the last sentence is no signature's.
    for text in
        ["张三代表：\n感谢您的关心。我局将于2021年9月17日前完成。", "张三代表：\n感谢您的关心。我局于2021年9月17日"]
    {
        assert_eq!(dates(text), want("-", "-"), "{text}");
    }
}

#[test]
fn the_signatures_date_over_empty_table_rows_and_over_the_records_date() {
    let head = "成文日期: | 2025-07-31 | 失效日期 | |\n关于第14号提案的答复 |\n||||||\n张三委员:\n收悉。";
    // Empty rows of the page's table under the signature; the signature's own date is the
    // letter's, the metadata's 成文日期 the record's.
    let text = format!("{head}\n某镇人民政府 2025年6月2日 |\n||||||\n|\n||||||");
    assert_eq!(dates(&text), want("2025-07-31", "2025-06-02"));
    let text = format!("{head}\n某镇人民政府\n2025年6月2日");
    assert_eq!(dates(&text), want("2025-07-31", "2025-06-02"));
    // No signature: the 成文日期.
    assert_eq!(dates(head), want("2025-07-31", "2025-07-31"));
}

#[test]
fn a_signature_printed_as_a_forms_rows_dates_the_reply() {
    let body = "张三代表:\n您提出的建议收悉,现答复如下:\n一、基本情况\n我区已完成整治。";
    for (tail, date) in [
        ("单位名称:某区农牧局\n答复日期:2023年3月20日", "2023-03-20"),
        ("答复单位：某县水利局\n办理日期：2023-03-20", "2023-03-20"),
        ("某县水利局\n日期：2023年3月20日\n联系人：李四", "2023-03-20"),
        // The fields on one row.
        ("答复单位：某县水利局　　答复时间：2023年3月20日", "2023-03-20"),
        // A compact date (its 年 and 月 lost) as the field's value.
        ("单位名称：某县水利局\n答复日期：2023320", "2023-03-20"),
        ("答复单位：某县水利局　　答复时间：2023320", "2023-03-20"),
    ] {
        assert_eq!(dates(&format!("{body}\n{tail}")), want(date, date), "{tail}");
    }
    // A footer's posting date dates the page only; a rule's start, a deadline: nothing.
    assert_eq!(dates(&format!("{body}\n发布时间：2023年3月20日")), want("2023-03-20", "-"));
    for tail in ["实施日期：2023年3月20日", "答复日期：2023年3月底前"] {
        assert_eq!(dates(&format!("{body}\n{tail}")), want("-", "-"), "{tail}");
    }
}

#[test]
fn the_signatures_date_above_a_sites_long_footer_or_its_list_of_other_replies() {
    let letter =
        "关于某事的答复\n发布时间：2024-03-08\n张三委员：\n您的提案收悉。\n特此答复。\n某市科学技术局\n2024年3月5日";
    let footers = [
        // More lines of the site's than a signature block ever holds.
        "【打印本页】【关闭窗口】\n分享到：\n相关链接\n国务院\n省政府\n市政府\n网站地图\n联系我们\n隐私声明\n\
         主办：某市人民政府办公室\n承办：某市大数据中心\n网站标识码：1234567890\n浙ICP备12345678号\n技术支持：某公司",
        // Other replies listed with their dates, each alone on its line.
        "相关文章\n关于第12号建议的答复\n2024-02-01\n关于第13号建议的答复\n2024-01-20",
    ];
    for footer in footers {
        assert_eq!(dates(&format!("{letter}\n{footer}")), want("2024-03-08", "2024-03-05"), "{footer}");
    }
}

#[test]
fn the_pages_date_in_a_metadata_row_under_the_letter() {
    let letter = "关于某事的答复\n张三委员：\n您的提案收悉。\n某局\n2024年3月5日";
    for row in [
        "发布时间：2024-03-08",
        "责任编辑：王五 发布日期：2024-03-08 来源：某局",
        "【发布日期：2024-03-08】【打印】【关闭】",
    ] {
        assert_eq!(dates(&format!("{letter}\n{row}")), want("2024-03-08", "2024-03-05"), "{row}");
    }
    // A date of another kind there is no publication's.
    assert_eq!(dates(&format!("{letter}\n印发日期：2024-03-08")), want("2024-03-05", "2024-03-05"));
}

#[test]
fn a_site_s_footer_under_the_signature_leaves_its_date() {
    let letter =
        "张三代表：\n您提出的建议收悉。\n感谢您的关心。\n2021年9月17日\n联系人：李四\n联系电话：0571-12345678\n抄送：县政协提案委";
    let footer = [
        "打印 关闭",
        "联系我们 | 网站地图 | 隐私声明",
        "主办单位：县人民政府办公室",
        "承办：县大数据发展管理局",
        "协办：县融媒体中心",
        "网站标识码：3301000001",
        "浙ICP备05001234号-1",
        "浙公网安备 33010202000123号",
        "技术支持：县信息中心",
        "版权所有：县人民政府",
    ];
    // (footer, signed): the letter's date with the site's footer under it, a line at a time.
    let mut text = letter.to_string();
    for line in footer {
        text = format!("{text}\n{line}");
        assert_eq!((line, dates(&text)[1].1.as_str()), (line, "2021-09-17"));
    }
}

#[test]
fn a_notices_date_run_into_the_title_of_the_text_it_sends() {
    let notice = "某市人民政府办公室关于印发《某市政府信息主动公开办法》的通知\n现将《某市政府信息主动公开办法》印发给你们，请认真贯彻执行。\n";
    // The page lost the line break between the date and the sent text's title.
    let text =
        format!("{notice}2020年10月9日 某市政府信息主动公开办法\n第一条 为做好政府信息主动公开工作，制定本办法。");
    assert_eq!(dates(&text), want("2020-10-09", "2020-10-09"));
    // A date that opens a sentence dates nothing.
    let text = format!(
        "{notice}2020年10月9日 市政府常务会议审议通过了本办法。\n第一条 为做好政府信息主动公开工作，制定本办法。"
    );
    assert_eq!(dates(&text), want("-", "-"));
}

#[test]
fn a_run_in_date_may_be_followed_by_the_contact_and_copy_fields() {
    // The page lost its line breaks: the date, then the contact's and 抄送 fields.
    let text = "张三代表: 您的建议收悉,现答复如下: 我局将加大投入。 感谢您的关心和支持! 2022年7月1日 联系科室、人员及电话:经建科1234567 抄送:县政府办公室 |";
    assert_eq!(dates(text), want("2022-07-01", "2022-07-01"));
    // The office and the date, then a contact's bracket the page cut.
    let text = "张三代表: 您的建议收悉,现答复如下: 我局将加大投入。 感谢您的关心。 某县人民政府 2019年10月14日 (联系人及电话:李";
    assert_eq!(dates(text), want("2019-10-14", "2019-10-14"));
    // A sentence that goes on after a date is no signature.
    let text = "张三代表: 您的建议收悉。 我局将加大投入。 感谢您的关心。 2019年10月14日起全面施行新的办法";
    assert_eq!(dates(text), want("-", "-"));
    // Under it, a table's rules and the page's furniture only.
    let text =
        "张三代表: 您的建议收悉。 感谢您的关心和支持! 2022年7月1日 抄送:县政府办公室 |\n|\n|||||||\n|\n【关闭窗口】 |";
    assert_eq!(dates(text), want("2022-07-01", "2022-07-01"));
}

#[test]
fn a_date_alone_at_the_end_dates_the_reply_where_no_office_line_bears_one() {
    // The office's name only in the title's lines above: the date at the end is the letter's.
    let text = "某市城市管理局\n关于对市人大第157号建议的答复\n张三代表:\n您提出的建议收悉。现答复如下:\n我局加强巡查。\n下一步我局将继续努力。\n2021年6月22日";
    assert_eq!(dates(text), want("2021-06-22", "2021-06-22"));
}

#[test]
fn the_office_and_its_date_in_every_order_a_signature_sets_them() {
    // The office and a compact date (its 年 and 月 lost) on one line; the date above the office;
    // a seal's note after the office or on a line of its own; an attachment after all of them.
    let body = "张三代表：\n您提出的建议收悉，现答复如下：\n我局加强巡查。";
    let attached = "\n附件\n名单\n一、某县";
    for sig in [
        "某县水利局　　2022711",
        "2022年7月11日\n某县水利局",
        "某县水利局（盖章）\n2022年7月11日",
        "某县水利局\n（盖章）\n2022年7月11日",
    ] {
        for end in ["", attached] {
            let text = format!("{body}\n{sig}{end}");
            assert_eq!(dates(&text), want("2022-07-11", "2022-07-11"), "{text}");
        }
    }
    assert!(super::is_seal("（单位盖章）") && super::is_seal("某局(盖章)") && !super::is_seal("（此件公开发布）"));
}

#[test]
fn a_bare_date_label_in_a_row_between_the_header_and_the_salutation_dates_the_page() {
    // A row the header's list does not take (the site's address) ends the list above it.
    let head = "某县教育局对第65号提案的答复\n  • 信息来源:政府办\n  • http://www.x.gov.cn";
    let letter = "杨永委员：\n您的提案收悉。\n某县教育局\n2023年7月28日";
    for row in ["时间：2023/8/2", "日期：2023-08-02　　来源：某局　　浏览次数：128", "更新时间：2023-08-02 10:22"]
    {
        assert_eq!(dates(&format!("{head}\n{row}\n{letter}")), want("2023-08-02", "2023-07-28"), "{row}");
    }
}

#[test]
fn a_sites_list_of_other_pages_under_the_letter_dates_no_signature() {
    // Each item's title over its date, under a letter whose date has no office over it.
    let letter = "关于第12号建议的答复\n张三代表：\n您的建议收悉。\n感谢您的关心。\n2024年5月6日";
    let list = "相关阅读\n关于市政协第5号提案的答复\n2024-04-28\n关于市人大第14号建议的答复\n2024-04-21";
    assert_eq!(dates(&format!("{letter}\n{list}")), want("2024-05-06", "2024-05-06"));
    // A closing with no stop over the date is no item's title.
    for closing in ["特此函复", "特此答复", "此复"] {
        let text = format!("张三代表：\n您的建议收悉。\n{closing}\n2024年5月6日");
        assert_eq!(dates(&text), want("2024-05-06", "2024-05-06"), "{text}");
    }
    // The date stays the letter's under its contact's lines, a 抄送 line and the site's chrome.
    let below = "\n联系单位：某局\n联系人：王明\n联系电话：0571-87654321\n\n抄送：市人大常委会代表工作委员会。\n扫一扫分享\n账号登录\n微信扫码登录\n还没有账号?\n立即注册";
    assert_eq!(dates(&format!("{letter}{below}")), want("2024-05-06", "2024-05-06"));
}

#[test]
fn a_signatures_date_before_the_office_on_its_line_or_in_a_tables_cell() {
    let body = "张三代表：\n您提出的建议收悉，现答复如下：\n我局加强巡查。";
    for sig in [
        "2022年7月11日　　某县水利局",
        "2022711　某县水利局",
        "某县水利局\n| | 2022年7月11日 |",
        "| 某县水利局 2022年7月11日 |",
    ] {
        let text = format!("{body}\n{sig}");
        assert_eq!(dates(&text), want("2022-07-11", "2022-07-11"), "{text}");
    }
}

#[test]
fn a_run_in_signature_above_the_contacts_lines_or_a_text_carried_after_it() {
    let text = "张三代表：\n您的建议收悉。\n感谢您的关心和支持。　某县交通运输局　2024年5月28日\n签发人：孙某 联系人：王某\n联系单位：某县交通运输局 联系电话：0736-3221231";
    assert_eq!(dates(text), want("2024-05-28", "2024-05-28"));
    let text = "各区县人民政府：\n现将意见印发给你们，请认真贯彻执行。　某市联席会议办公室　二〇二四年四月九日\n关于加强人才队伍建设的实施意见\n一、目标要求\n坚持党的全面领导。\n二、主要任务\n加强培养。";
    assert_eq!(dates(text), want("2024-04-09", "2024-04-09"));
}

#[test]
fn the_date_alone_under_the_letter_above_a_sites_long_footer() {
    let letter = "张三代表：\n您的建议收悉。\n再次感谢您的支持。\n2024年6月28日\n（联系人及电话：朱某 15198367281）\n扫一扫在手机打开当前页";
    let links = "友情链接\n中国政府网\n省人民政府\n市人民政府\n市人大常委会\n市政协\n网站地图\n联系我们\n关于本网\n使用帮助\n隐私声明\n首页\n政务公开\n政务服务\n互动交流";
    let footer = "主办单位：市人民政府办公室\n网站标识码：3301000001\n浙ICP备05001234号-1\n建议使用1920×1080分辨率";
    assert_eq!(dates(&format!("{letter}\n{links}\n{footer}")), want("2024-06-28", "2024-06-28"));
}

#[test]
fn invisible_marks_around_the_date_line() {
    for date in ["2024年5月6日\u{200b}", "\u{200b}\u{200b}2024年5月6日", "2024年5月6日\u{feff}", "\u{2060}2024年5月6日"]
    {
        let text = format!("张三代表：\n您的建议收悉。\n某县水利局\n{date}");
        assert_eq!(dates(&text), want("2024-05-06", "2024-05-06"), "{text:?}");
    }
}

#[test]
fn the_pages_date_in_a_row_under_the_letter_above_a_sites_long_footer() {
    let letter = "关于某事的答复\n张三委员：\n您的提案收悉。\n某局\n2024年3月5日\n发布时间：2024-03-08 10:22";
    let links = "友情链接\n中国政府网\n省人民政府\n市人民政府\n市人大常委会\n市政协\n网站地图\n联系我们\n关于本网\n使用帮助\n隐私声明\n首页\n政务公开";
    let footer = "主办单位：市人民政府办公室\n网站标识码：3301000001\n浙ICP备05001234号-1\n建议使用1920×1080分辨率";
    assert_eq!(dates(&format!("{letter}\n{links}\n{footer}")), want("2024-03-08", "2024-03-05"));
}
