use super::*;

#[test]
fn dates_read_in_every_way_the_genre_writes_them() {
    let cases: &[(&str, Option<&str>)] = &[
        ("2019年02月15日", Some("2019-02-15")),
        ("2019年1月22日", Some("2019-01-22")),
        ("二〇〇六年九月七日", Some("2006-09-07")),
        ("二○○六年十二月二十二日", Some("2006-12-22")),
        ("二〇〇四年十一月四日", Some("2004-11-04")),
        ("2022/12/21", Some("2022-12-21")),
        ("2021-08-23 15:26", Some("2021-08-23")),
        ("编稿时间: 2021-08-23 15:26 来源: 区政府", Some("2021-08-23")),
        ("2019 年 2 月 15 日", Some("2019-02-15")),
        ("20211026", Some("2021-10-26")),
        ("2019615", Some("2019-06-15")),
        ("202062", Some("2020-06-02")),
        ("２０１９－０２－１５", Some("2019-02-15")),
        ("２０１９／２／１５", Some("2019-02-15")),
        ("２０１９．０２．１５", Some("2019-02-15")),
        ("2019年13月5日", None),
        ("投入361亿元", None),
        ("0二十六日", None),
    ];
    for (text, want) in cases {
        assert_eq!(date_of(text).as_deref(), *want, "{text}");
    }
}

#[test]
fn date_lines_are_never_titles() {
    let cases: &[(&str, bool)] = &[
        ("2016年", true),
        ("2018年8月21日 星期二", true),
        ("2021-08-23 15:26", true),
        ("• 2019年07月26日", true),
        ("（2019年1月27日）", true),
        ("2018年6月28日 |", true),
        ("[ 2023-05-06 ]", true),
        ("2016年工作要点", false),
        ("关于2019年老旧小区改造的答复", false),
        ("2023年8月投入5亿元", false),
    ];
    for (line, want) in cases {
        assert_eq!(is_dateish(line), *want, "{line}");
    }
}

#[test]
fn a_signature_date_may_trail_a_separator() {
    assert!(is_signature_date("2018年6月28日 |"));
    assert!(is_signature_date("  二〇〇五年三月三日 "));
    assert!(!is_signature_date("2018年6月28日前完成"));
    assert!(is_signature_date("2023年9月25日（此件公开发布）"));
    assert!(is_signature_date("2023年9月25日 (主动公开)"));
    // The day as spoken (号), after a month only: a serial (`2024年5号`) is no date.
    assert!(is_signature_date("2024年3月5号"));
    assert!(is_signature_date("二〇二四年三月五号"));
    assert!(!is_signature_date("2024年5号"));
    assert!(!is_signature_date("2023年9月25日（星期一上午在县政府会议室召开专题会议研究）"));
    // A full stop or a weekday after it, the contact's note in brackets however long.
    assert!(is_signature_date("2023年8月22日。"));
    assert!(is_signature_date("2023年8月22日 星期二"));
    assert!(is_signature_date("2023年8月22日（联系人：李四，联系电话：0731-12345678）"));
    assert!(!is_signature_date("2023年8月22日星期二上午"));
    // A 版记's date of printing is no signature's.
    assert!(!is_signature_date("2023年8月22日印发"));
    // In brackets of its own, after a date's label; a sentence's label is none.
    assert!(is_signature_date("（2023年9月25日）"));
    assert!(is_signature_date("日期：2023年9月25日"));
    assert!(is_signature_date("落款日期：二〇二三年九月二十五日"));
    assert!(!is_signature_date("会议决定：2023年9月25日"));
    assert!(!is_signature_date("发布时间：2023年9月25日"));
}

#[test]
fn a_compact_date_may_keep_its_day_sign() {
    // The font of 年 and 月 lost, the 日 kept: `2022524日`.
    assert_eq!(date_of("2022524日").as_deref(), Some("2022-05-24"));
    assert_eq!(date_of("20211026日").as_deref(), Some("2021-10-26"));
    assert!(is_date_line("2022524日"));
    assert_eq!(date_of("共3日"), None);
}

#[test]
fn a_compact_date_after_the_office_is_its_last_word() {
    assert_eq!(date_of("某县水利局　　2022711").as_deref(), Some("2022-07-11"));
    assert_eq!(date_of("某县水利局 20221026").as_deref(), Some("2022-10-26"));
    assert_eq!(date_of("某县水利局 2022"), None);
}
