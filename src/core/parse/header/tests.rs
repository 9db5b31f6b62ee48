use crate::parse::{parse_lines, Hints, LineStyle};

const PLAIN: LineStyle = LineStyle { centred: false, bold: false };
const CENTRED: LineStyle = LineStyle { centred: true, bold: false };
const BOLD: LineStyle = LineStyle { centred: false, bold: true };

/// The title, document number, publication date and signing date read from lines set as given.
fn read(lines: &[(&str, LineStyle)]) -> (String, Option<String>, Option<String>, Option<String>) {
    let text: Vec<&str> = lines.iter().map(|(l, _)| *l).collect();
    let hints = Hints { lines: lines.iter().map(|(_, s)| *s).collect(), ..Hints::default() };
    let r = parse_lines(&text, &hints).reply;
    (r.title, r.document_number, r.published_date, r.signed)
}

fn title(lines: &[(&str, LineStyle)]) -> String {
    read(lines).0
}

fn plain(text: &str) -> String {
    let lines: Vec<(&str, LineStyle)> = text.lines().map(|l| (l, PLAIN)).collect();
    title(&lines)
}

#[test]
fn a_title_set_on_centred_or_bold_lines_is_joined() {
    let body = ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", PLAIN);
    let cases: &[(&[(&str, LineStyle)], &str)] = &[
        // One <p> with <br>, centred and bold, then the document number.
        (
            &[
                ("国务院关于在市场监管领域全面推行", CENTRED),
                ("部门联合“双随机、一公开”监管的意见", CENTRED),
                ("国发〔2019〕5号", CENTRED),
                body,
            ],
            "国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见",
        ),
        // A break right after a word that may end a title (方案) still goes on.
        (
            &[("国务院办公厅关于印发“无废城市”建设试点工作方案", BOLD), ("的通知", BOLD), body],
            "国务院办公厅关于印发“无废城市”建设试点工作方案的通知",
        ),
        // A set title broken after a word that may end one (条例) before its last words.
        (
            &[("人力资源社会保障部关于失业保险条例", CENTRED), ("修订情况的说明", CENTRED), body],
            "人力资源社会保障部关于失业保险条例修订情况的说明",
        ),
        // Three lines.
        (
            &[
                ("国务院办公厅关于全面推行", CENTRED),
                ("行政执法公示制度执法全过程记录制度", CENTRED),
                ("重大执法决定法制审核制度的指导意见", CENTRED),
                body,
            ],
            "国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见",
        ),
        // A plain line after a centred title is the body's, not the title's.
        (
            &[("关于加快科技成果转化的建议的答复", CENTRED), ("王建国代表", PLAIN), ("您提出的建议收悉。", PLAIN)],
            "关于加快科技成果转化的建议的答复",
        ),
        // A column's name set like the title above a complete title is not the title's.
        (
            &[
                ("建议提案办理", CENTRED),
                ("关于加快科技成果转化的建议的答复", CENTRED),
                ("王建国代表：", PLAIN),
                ("收悉。", PLAIN),
            ],
            "关于加快科技成果转化的建议的答复",
        ),
        // An issuer's line, then the 关于… line.
        (
            &[("国务院办公厅", CENTRED), ("关于湖北省巴东县地质灾害险情有关问题的复函", CENTRED), body],
            "国务院办公厅关于湖北省巴东县地质灾害险情有关问题的复函",
        ),
        // A complete title does not take the byline or the note set under it.
        (
            &[
                ("宜春市2022年国民经济和社会发展统计公报", CENTRED),
                ("宜春市统计局  国家统计局宜春调查队", CENTRED),
                body,
            ],
            "宜春市2022年国民经济和社会发展统计公报",
        ),
        (
            &[
                ("全国人民代表大会常务委员会关于批准财政部发行特别国债的决议", BOLD),
                ("（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）", BOLD),
                body,
            ],
            "全国人民代表大会常务委员会关于批准财政部发行特别国债的决议",
        ),
        // A centred date line under the title is no part of it.
        (
            &[("国务院关于印发", CENTRED), ("国务院工作规则的通知", CENTRED), ("（2019年1月27日）", CENTRED), body],
            "国务院关于印发国务院工作规则的通知",
        ),
    ];
    for (lines, want) in cases {
        assert_eq!(title(lines), *want);
    }
}

#[test]
fn plain_title_lines_are_joined_only_where_that_completes_the_title() {
    let cases: &[(&str, &str)] = &[
        ("关于对常州市十五届人大四次会议代表建议\n第0043号的答复\n徐亚红代表:\n你提出的建议收悉。", "关于对常州市十五届人大四次会议代表建议第0043号的答复"),
        (
            "高平市卫生健康和体育局\n关于对市七届人大五次会议第71号建议的\n答 复\n高卫体发〔2023〕148号\n尊敬的王爱珍代表:\n您好。",
            "高平市卫生健康和体育局关于对市七届人大五次会议第71号建议的答 复",
        ),
        // Broken before its last words.
        ("关于印发某某管理办法（试行）\n的通知\n各乡镇：\n现印发给你们。", "关于印发某某管理办法（试行）的通知"),
        ("关于印发某县实施方案\n的通知\n各乡镇：\n现印发给你们。", "关于印发某县实施方案的通知"),
        // Its last words, then the proposal's meeting and number in brackets: complete.
        (
            "对《关于某桥提升改造的建议》的\n答复(县十八届人大三次会议第31号建议)\n张三委员:\n您的建议收悉。",
            "对《关于某桥提升改造的建议》的答复(县十八届人大三次会议第31号建议)",
        ),
        // Complete on its first line: the next short line is not the title's.
        ("第27号提案的答复\n对政协沧县第十四届委员会第一次会议\n张三委员:\n您的提案收悉。", "第27号提案的答复"),
        // Nothing completes it: the first line alone.
        ("<p>HTML 残留</p>\n零宽\n正文。", "<p>HTML 残留</p>"),
    ];
    for (text, want) in cases {
        assert_eq!(plain(text), *want, "{text}");
    }
}

#[test]
fn the_sites_lines_above_a_complete_title_are_not_the_title() {
    let cases: &[(&str, &str)] = &[
        ("欢迎访问马关县人民政府门户网\n无障碍浏览 长者模式\n马关县交通运输局关于第105号建议的答复函\n张三代表:\n收悉。", "马关县交通运输局关于第105号建议的答复函"),
        ("首页 > 公开 > 建议提案 > 人大代表建议\n对沙河市第九届人民代表大会第三次会议第31号建议的答复\n张三代表:\n收悉。", "对沙河市第九届人民代表大会第三次会议第31号建议的答复"),
        ("2018年8月21日 星期二\n智能检索\n第27号提案的答复\n张三委员:\n收悉。", "第27号提案的答复"),
        ("2016年\n《关于加强学校门前车辆管理的建议》的答复\n张三代表:\n收悉。", "《关于加强学校门前车辆管理的建议》的答复"),
        // A column's name that ends like a document, over the title.
        ("通知公告\n某县人民政府关于做好防汛工作的通知\n各乡镇：\n现通知如下。", "某县人民政府关于做好防汛工作的通知"),
        ("答 复\n张三代表：\n收悉。", "答 复"),
        // A short note in brackets after the title's last words.
        ("首页 > 信息公开\n关于第45号建议的答复（A类）\n张三代表:\n收悉。", "关于第45号建议的答复（A类）"),
        ("首页 > 信息公开\n某市科技计划项目管理办法（试行）\n第一章 总则\n第一条 为规范管理，制定本办法。", "某市科技计划项目管理办法（试行）"),
        // An issuer's line over a 关于… line starts the title.
        ("首页/ 政府信息公开 / 建议提案\n潼关县民政局\n关于对政协十届三次会议第52号提案的答复\n张三委员:\n收悉。", "潼关县民政局关于对政协十届三次会议第52号提案的答复"),
        // A column's name over a news headline and its metadata line.
        ("工作动态\n某县召开2024年防汛工作会议\n发布时间：2024-05-06 来源：县应急局\n5月6日，某县召开会议。", "某县召开2024年防汛工作会议"),
        // A news headline over its byline (the source's name, the date) and the document it
        // reprints, whose own title stands under the byline.
        ("某部同意!某学院更名为某大学\n某某新闻 2024-01-02\n某部关于同意某学院更名为\n某大学的函\n某省人民政府:\n收悉。", "某部同意!某学院更名为某大学"),
        // No title line: the metadata list's 标题.
        ("• 索 引 号:zz/2020-00676\n• 标      题:关于第120号建议的答复\n• 发布日期:2020-06-09\n张三代表:\n收悉。", "关于第120号建议的答复"),
    ];
    for (text, want) in cases {
        assert_eq!(plain(text), *want, "{text}");
    }
}

#[test]
fn document_numbers_in_every_bracket() {
    let cases: &[(&str, Option<&str>)] = &[
        ("答复\n国办函〔2005〕69号\n张三:\n收悉。", Some("国办函〔2005〕69号")),
        ("答复\n武科提[2024]26号\n张三:\n收悉。", Some("武科提[2024]26号")),
        ("答复\n豫政（2022）20号\n张三:\n收悉。", Some("豫政（2022）20号")),
        ("答复\n潼民发【2024】275号\n张三:\n收悉。", Some("潼民发【2024】275号")),
        ("答复\n某政办﹝2023﹞12号\n张三:\n收悉。", Some("某政办﹝2023﹞12号")),
        ("答复\n某发〔2023〕第12号\n张三:\n收悉。", Some("某发〔2023〕第12号")),
        ("答复\n某水议〔2025〕29 号 类 别:C\n张三:\n收悉。", Some("某水议〔2025〕29号")),
        // A label with nothing after it is no label of the number line under it.
        (
            "答复\n发布日期:2017-08-10 09:32\n信息来源:\n某交建议复〔2017〕98号    A类\n张三:\n收悉。",
            Some("某交建议复〔2017〕98号"),
        ),
        ("答复\n文 号:\n某水〔2024〕86号\n张三:\n收悉。", Some("某水〔2024〕86号")),
        ("答复\n临建字[2020]2号 B类\n同意公开\n张三:\n收悉。", Some("临建字[2020]2号")),
        ("答复\n建议字:〔2023〕8号\n张三:\n收悉。", Some("〔2023〕8号")),
        ("答复\n发文字号：国发〔2019〕5号\n张三:\n收悉。", Some("国发〔2019〕5号")),
        (
            "答复\n发文单位: 广西壮族自治区生态环境厅 | 发文字号: 桂环函〔2023〕735号 |\n张三:\n收悉。",
            Some("桂环函〔2023〕735号"),
        ),
        // In a sentence, a cited number is no document number of this one.
        ("答复\n张三:\n根据《通知》（国办发〔2018〕1号）精神，收悉。", None),
    ];
    for (text, want) in cases {
        let lines: Vec<(&str, LineStyle)> = text.lines().map(|l| (l, PLAIN)).collect();
        assert_eq!(read(&lines).1.as_deref(), *want, "{text}");
    }
}

#[test]
fn published_and_signed_dates() {
    // (text, publishedDate, signed)
    let cases: &[(&str, Option<&str>, Option<&str>)] = &[
        // The header's date; the signature's in Chinese numerals.
        (
            "答复\n发布日期：2018年12月24日\n张三:\n收悉。\n国务院办公厅\n二〇〇五年三月三日",
            Some("2018-12-24"),
            Some("2005-03-03"),
        ),
        // No page date: 成文日期, then the signature's.
        ("答复\n成文日期：2019年01月27日\n张三:\n收悉。", Some("2019-01-27"), Some("2019-01-27")),
        // A toolbar's word between the title and the page's date line; the source named 出处.
        (
            "答复\n切换宽屏\n出处:某县人民政府       更新时间:2018-10-29\n张三:\n收悉。\n某县林业局\n2018年6月22日",
            Some("2018-10-29"),
            Some("2018-06-22"),
        ),
        ("答复\n张三:\n收悉。\n南宫市交通运输局\n2018年6月28日 |", Some("2018-06-28"), Some("2018-06-28")),
        // A footer after the signature.
        (
            "答复\n张三:\n收悉。\n甘南州文化广电和旅游局\n202062\nCopyright© 2019 GNZRMZF.GOV.CN All Rights Reserved",
            Some("2020-06-02"),
            Some("2020-06-02"),
        ),
        // The 成文日期 before the text's last date (an attachment's).
        (
            "答复\n成文日期：2004年11月04日\n张三:\n收悉。\n附件\n报告\n二〇〇四年九月二十三日",
            Some("2004-11-04"),
            Some("2004-11-04"),
        ),
        // Attachments follow the letter: its own date, not the last attachment's.
        (
            "关于巴东县问题的复函\n湖北省人民政府：\n你省来函收悉。\n国务院办公厅\n二〇〇四年十一月四日\n附件1\n关于马鬃山村地质险情的报告\n经调查，险情可控。\n地质险情调查专家组\n二〇〇四年九月二十三日",
            Some("2004-11-04"),
            Some("2004-11-04"),
        ),
        // The office and the date on one line.
        ("答复\n张三:\n收悉。\n某县教育局 2023年9月25日", Some("2023-09-25"), Some("2023-09-25")),
        ("答复\n张三:\n收悉。\n某县教育局　二〇二三年九月二十五日\n联系人：李四", Some("2023-09-25"), Some("2023-09-25")),
        // A note after the signature's date.
        ("答复\n张三:\n收悉。\n某县教育局\n2023年9月25日（此件公开发布）", Some("2023-09-25"), Some("2023-09-25")),
        ("答复\n张三:\n收悉。", None, None),
        // Digits of every width and every zero, dates with dots and slashes under a signature.
        ("答复\n张三:\n收悉。\n某县教育局\n２０２４年３月５日", Some("2024-03-05"), Some("2024-03-05")),
        ("答复\n张三:\n收悉。\n某县教育局\n二零二四年三月五日", Some("2024-03-05"), Some("2024-03-05")),
        ("答复\n张三:\n收悉。\n某县教育局\n二○二四年三月五日", Some("2024-03-05"), Some("2024-03-05")),
        ("答复\n张三:\n收悉。\n某县教育局\n2024.03.05", Some("2024-03-05"), Some("2024-03-05")),
        ("答复\n张三:\n收悉。\n某县教育局\n2024/3/5", Some("2024-03-05"), Some("2024-03-05")),
        // Contact, copy and attachment lines after the signature's date.
        (
            "答复\n张三:\n收悉。\n某县教育局\n2024年3月5日\n抄送：县人大人代委\n联系人：李四，电话：1234567",
            Some("2024-03-05"),
            Some("2024-03-05"),
        ),
        (
            "答复\n张三:\n收悉。\n某县教育局\n2024年3月5日\n附件：1.办理情况表\n2.征求意见表",
            Some("2024-03-05"),
            Some("2024-03-05"),
        ),
        // Zero as the letter O (二O二一年), the date in brackets under the office, the office
        // and the date with nothing between them on their line.
        ("答复\n张三:\n收悉。\n某县教育局\n二O二一年四月十三日", Some("2021-04-13"), Some("2021-04-13")),
        ("答复\n张三:\n收悉。\n某县教育局\n二Ｏ二一年四月十三日", Some("2021-04-13"), Some("2021-04-13")),
        ("答复\n张三:\n收悉。\n某县教育局\n（2021年4月13日）", Some("2021-04-13"), Some("2021-04-13")),
        ("答复\n张三:\n收悉。\n某省文化和旅游厅2021年4月13日", Some("2021-04-13"), Some("2021-04-13")),
        // The page's date in its footer, under the signature.
        (
            "答复\n张三:\n收悉。\n某县教育局\n2024年2月1日\n发布时间：2024-03-05 浏览次数：12",
            Some("2024-03-05"),
            Some("2024-02-01"),
        ),
        (
            "答复\n张三:\n收悉。\n某县教育局\n2024年2月1日\n来源：某县教育局  发布日期：2024年03月05日\n【打印】【关闭】",
            Some("2024-03-05"),
            Some("2024-02-01"),
        ),
        // The page's date on a line with a counter after it.
        (
            "关于第12号建议的答复\n发布时间：2024-03-05 浏览次数：123\n张三:\n收悉。\n某县教育局\n2024年2月1日",
            Some("2024-03-05"),
            Some("2024-02-01"),
        ),
        (
            "关于第12号建议的答复\n发布日期:2024年03月05日  点击数:123  【打印】\n张三:\n收悉。\n某县教育局\n2024年2月1日",
            Some("2024-03-05"),
            Some("2024-02-01"),
        ),
    ];
    let mut wrong = Vec::new();
    for (text, published, signed) in cases {
        let lines: Vec<(&str, LineStyle)> = text.lines().map(|l| (l, PLAIN)).collect();
        let (_, _, p, s) = read(&lines);
        if (p.as_deref(), s.as_deref()) != (*published, *signed) {
            wrong.push(format!("{text}\n  got {p:?} {s:?}, want {published:?} {signed:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_metadata_table_of_the_page_fills_what_the_text_lacks() {
    let page = [
        "索 引 号：\t000014349/2019-00007\t主题分类：\t市场监管",
        "发文机关：\t国务院\t成文日期：\t2019年01月27日",
        "标　　题：\t国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见",
        "发文字号：\t国发〔2019〕5号\t发布日期：\t2019年02月15日",
        "国务院关于在市场监管领域全面推行",
        "正文。",
    ];
    let mut hints = Hints::default();
    crate::parse::page_table(&mut hints, &page);
    assert_eq!(hints.number.as_deref(), Some("国发〔2019〕5号"));
    assert_eq!(hints.signed.as_deref(), Some("2019年01月27日"));
    assert_eq!(hints.dated.as_deref(), Some("2019年02月15日"));
    let r =
        parse_lines(&["国务院关于在市场监管领域全面推行", "各省、自治区、直辖市人民政府：", "正文。"], &hints).reply;
    // The text's title line is a part of the table's title: the table's.
    assert_eq!(r.title, "国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见");
    assert_eq!(r.document_number.as_deref(), Some("国发〔2019〕5号"));
    assert_eq!((r.published_date.as_deref(), r.signed.as_deref()), (Some("2019-02-15"), Some("2019-01-27")));
    assert_eq!(r.published, None, "published keeps only what the page writes as its publication");
}

/// What a reader sees of a header, as (kind, text) pairs: title, number, published, signed
/// (`-` where there is none).
fn seen(lines: &[(&str, LineStyle)]) -> Vec<(&'static str, String)> {
    let (t, n, p, s) = read(lines);
    let or_dash = |v: Option<String>| v.unwrap_or_else(|| "-".to_string());
    vec![("title", t), ("number", or_dash(n)), ("published", or_dash(p)), ("signed", or_dash(s))]
}

fn plain_lines(text: &str) -> Vec<(&str, LineStyle)> {
    text.lines().map(|l| (l, PLAIN)).collect()
}

/// Lines as set, and (kind, text) pairs.
type Lines<'a> = &'a [(&'a str, LineStyle)];
type Pairs<'a> = &'a [(&'static str, &'a str)];

fn want(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
}

#[test]
fn a_proposal_form_above_the_reply_is_not_its_title() {
    let text = "建议号:201号\n提案人:张三\n内 容:\n某小学生源增加,需另寻地点新建搬迁。\n承办单位:教育局\n交办日期:2015年2月9日\n反馈时间:\n办理情况\n某县教育局关于第201号建议的答复函\n张三代表:\n你们提出的建议收悉。\n某县教育局\n2015年5月7日";
    assert_eq!(
        seen(&plain_lines(text)),
        want(&[
            ("title", "某县教育局关于第201号建议的答复函"),
            ("number", "-"),
            ("published", "2015-05-07"),
            ("signed", "2015-05-07")
        ])
    );
}

#[test]
fn an_index_list_of_bullets_above_the_title_gives_its_fields() {
    let text = "• 索引号:\n  • 001008003011029/2024-68088\n  • 文 号:\n  • 某水〔2024〕86号\n  • 成文日期:\n  • 2024-06-26\n\n某县水利局关于第413号代表建议的函\n张三代表:\n您的建议收悉。";
    assert_eq!(
        seen(&plain_lines(text)),
        want(&[
            ("title", "某县水利局关于第413号代表建议的函"),
            ("number", "某水〔2024〕86号"),
            ("published", "2024-06-26"),
            ("signed", "2024-06-26")
        ])
    );
}

#[test]
fn issuers_and_a_note_under_a_title_date_it_and_are_not_its() {
    let body = ("2022年是极为重要的一年。全年地区生产总值增长4.7%。", PLAIN);
    let cases: &[(Lines, Pairs)] = &[
        // A footnote mark after the title, the issuers (two offices) and the date under it.
        (
            &[
                ("某省2022年国民经济和社会发展统计公报[1]", CENTRED),
                ("某省统计局  国家统计局某省调查总队", CENTRED),
                ("2023年3月28日", CENTRED),
                body,
            ],
            &[
                ("title", "某省2022年国民经济和社会发展统计公报"),
                ("number", "-"),
                ("published", "2023-03-28"),
                ("signed", "2023-03-28"),
            ],
        ),
        // The issuers on two lines.
        (
            &[
                ("某县2022年国民经济和社会发展统计公报", CENTRED),
                ("某县统计局", CENTRED),
                ("国家统计局某县调查队", CENTRED),
                ("2023年5月11日", CENTRED),
                body,
            ],
            &[
                ("title", "某县2022年国民经济和社会发展统计公报"),
                ("number", "-"),
                ("published", "2023-05-11"),
                ("signed", "2023-05-11"),
            ],
        ),
        // The date in brackets.
        (
            &[
                ("某市2022年国民经济和社会发展统计公报", CENTRED),
                ("某市统计局  国家统计局某市调查队", CENTRED),
                ("（2023年4月12日）", CENTRED),
                body,
            ],
            &[
                ("title", "某市2022年国民经济和社会发展统计公报"),
                ("number", "-"),
                ("published", "2023-04-12"),
                ("signed", "2023-04-12"),
            ],
        ),
        // A 决议's adoption note, on its own line or ending the title's.
        (
            &[
                ("全国人民代表大会常务委员会", BOLD),
                ("关于批准某项国债的决议", BOLD),
                ("（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）", PLAIN),
                body,
            ],
            &[
                ("title", "全国人民代表大会常务委员会关于批准某项国债的决议"),
                ("number", "-"),
                ("published", "2007-06-29"),
                ("signed", "2007-06-29"),
            ],
        ),
        (
            &[("全国人民代表大会关于某事项的决定（2018年3月11日第十三届全国人民代表大会第一次会议通过）", PLAIN), body],
            &[
                ("title", "全国人民代表大会关于某事项的决定"),
                ("number", "-"),
                ("published", "2018-03-11"),
                ("signed", "2018-03-11"),
            ],
        ),
        // Empty cells of a metadata row after the title.
        (
            &[("某厅关于第2023393号代表建议的答复 | |", PLAIN), ("张三代表：", PLAIN), ("收悉。", PLAIN)],
            &[("title", "某厅关于第2023393号代表建议的答复"), ("number", "-"), ("published", "-"), ("signed", "-")],
        ),
    ];
    for (lines, pairs) in cases {
        assert_eq!(seen(lines), want(pairs));
    }
}

#[test]
fn an_issuer_line_or_a_byline_where_the_title_would_stand_is_not_the_title() {
    let body = ("2022年是极为重要的一年。全年地区生产总值增长4.7%。", PLAIN);
    let cases: &[(&[(&str, LineStyle)], &str)] = &[
        (&[("某县统计局 国家统计局某县调查队", CENTRED), ("2023年5月11日", CENTRED), body], ""),
        (&[("某县统计局", CENTRED), ("国家统计局某县调查队", CENTRED), ("2023年5月11日", CENTRED), body], ""),
        (&[("某工程新闻发言人 张三", PLAIN), body], ""),
        // Over a 关于… line, an issuer's line still starts the title.
        (&[("国务院办公厅", CENTRED), ("关于某事项的复函", CENTRED), body], "国务院办公厅关于某事项的复函"),
    ];
    for (lines, want) in cases {
        assert_eq!(read(lines).0, *want);
    }
    // The page's title where the text has none.
    let hints = Hints { title: Some("某县2022年统计公报".into()), ..Hints::default() };
    let r = parse_lines(&["某县统计局 国家统计局某县调查队", "2023年5月11日", body.0], &hints).reply;
    assert_eq!((r.title.as_str(), r.signed.as_deref()), ("某县2022年统计公报", Some("2023-05-11")));
}

#[test]
fn a_metadata_row_of_cells_without_colons_gives_its_fields() {
    let text = "无障碍浏览\n 索 引 号  xx211/2018-0000035  公开方式  主动公开\n 信息名称  关于加强垃圾分类工作的建议的答复  成文日期  2018-12-14\n 公开日期  2018-12-14  发布机构  某区综合行政执法局\n关于加强垃圾分类工作的建议的答复\n张三委员:\n您提出的建议收悉。";
    assert_eq!(
        seen(&plain_lines(text)),
        want(&[
            ("title", "关于加强垃圾分类工作的建议的答复"),
            ("number", "-"),
            ("published", "2018-12-14"),
            ("signed", "2018-12-14")
        ])
    );
    // A row with its cells apart by `|`: no empty cell in a value.
    let text = "标题: 某厅关于第2023393号代表建议的答复 | |\n发文单位: 某厅 | 发文字号: 某函〔2023〕735号 | 成文日期: 2023-06-30 |\n张三代表：\n收悉。";
    assert_eq!(
        seen(&plain_lines(text)),
        want(&[
            ("title", "某厅关于第2023393号代表建议的答复"),
            ("number", "某函〔2023〕735号"),
            ("published", "2023-06-30"),
            ("signed", "2023-06-30")
        ])
    );
    // A sentence with a label word in it is no row.
    assert_eq!(super::meta_fields("时间过得很快  我们的工作还要继续"), None);
    // Labels in the site's brackets, without colons, their values in cells.
    let text = "[ 索引号 ] | 115/2023-00096 | [ 发文字号 ] | 某局函〔2023〕281号 |\n[ 发布机构 ] | 市科技局 | ||\n[ 成文日期 ] | 2023-07-26 | [ 发布日期 ] | 2023-07-28 |\n某局关于第0226号建议办理情况的答复函\n张三代表:\n您提出的建议收悉。";
    assert_eq!(
        seen(&plain_lines(text)),
        want(&[
            ("title", "某局关于第0226号建议办理情况的答复函"),
            ("number", "某局函〔2023〕281号"),
            ("published", "2023-07-28"),
            ("signed", "2023-07-26")
        ])
    );
    let text = "【 成文日期 】2023-07-26　【发布日期】2023-07-28　【字体：大 中 小】\n某局关于第0226号建议的答复\n张三代表:\n收悉。";
    assert_eq!(
        seen(&plain_lines(text)),
        want(&[
            ("title", "某局关于第0226号建议的答复"),
            ("number", "-"),
            ("published", "2023-07-28"),
            ("signed", "2023-07-26")
        ])
    );
    // A column's name in brackets before a headline is no label.
    assert_eq!(super::meta_fields("【雄安之声】某部等九部门共同发力农村供水保障"), None);
}

#[test]
fn a_row_opened_by_a_key_no_list_holds_is_metadata_before_a_listed_label() {
    // `组配分类` is in no list; the listed `发布机构` after it makes the line a row, not the title.
    let text = "索引号 001008/2022-232369\n组配分类 人大代表建议办理结果 发布机构 市某局\n\
                生成日期 2022-12-08 公开方式 主动公开\n关于对市十七届人大一次会议第375号代表建议的答复函\n\
                发布日期: 2022-12-08 17:20:24 浏览次数: 来源: 某局\n张三等7位代表:\n收悉。";
    assert_eq!(
        seen(&plain_lines(text)),
        want(&[
            ("title", "关于对市十七届人大一次会议第375号代表建议的答复函"),
            ("number", "-"),
            ("published", "2022-12-08"),
            ("signed", "2022-12-08")
        ])
    );
    // Without a listed label after it, such a line is no row: an office before its title.
    assert_eq!(super::meta_fields("某县住房和城乡建设局 关于在各小区建设充电桩的建议 办理情况的答复"), None);
}

#[test]
fn the_title_set_just_above_the_articles_container() {
    // (page lines above the article, the title found there or `-`).
    let cases: &[(&[&str], &str)] = &[
        // A complete title, the page's dates and counters under it.
        (
            &["统计公报", "某市2022年国民经济和社会发展统计公报", "访问量：4859", "关联稿件："],
            "某市2022年国民经济和社会发展统计公报",
        ),
        // A news headline over the page's metadata line.
        (
            &[
                "当前位置：\t首页\t",
                "1-10月某县固定资产投资结构趋稳趋优",
                "发布日期：2016-11-22 浏览次数：信息来源：省发改委",
            ],
            "1-10月某县固定资产投资结构趋稳趋优",
        ),
        (
            &["某部一周要闻（4.10-4.16）", "2022-04-17 来源：某部", "分享到：", "[打印] 字号：[大] [中] [小]"],
            "某部一周要闻（4.10-4.16）",
        ),
        // A long metadata line and the page's buttons under it.
        (
            &[
                "某省人民政府关于印发某省优化营商环境实施方案的通知",
                "发布时间：2022-05-10 10:00  来源：某省人民政府办公厅  浏览次数：1234  【字体：大 中 小】",
                "分享到：",
                "【打印本页】",
            ],
            "某省人民政府关于印发某省优化营商环境实施方案的通知",
        ),
        // Set on two lines.
        (&["某县人民政府办公室", "关于印发某某实施方案的通知"], "某县人民政府办公室关于印发某某实施方案的通知"),
        // A breadcrumb, a column's name, the metadata table: no title.
        (&["首页 > 国务院公报 > 2007年第23号", "字号：默认大超大 | 打印 |"], "-"),
        (&["通知公告"], "-"),
        // A list of documents above the article: none is its title.
        (&["相关文件", "关于印发某某办法的通知", "关于开展某某检查的通知"], "-"),
        (&["关于印发某某办法的通知\t2023-05-06", "关于开展某某检查的通知"], "-"),
        (&["标\u{3000}\u{3000}题：\t国务院关于某事项的通知", "发文机关：\t国务院\t成文日期：\t2019年01月27日"], "-"),
        // Running text between: what is above it is no title of the article.
        (
            &[
                "某市2022年国民经济和社会发展统计公报",
                "这是一段很长的介绍文字，说明了本站的栏目设置和各项服务的办理方式，欢迎广大市民访问。",
            ],
            "-",
        ),
    ];
    for (before, want) in cases {
        let got = crate::parse::title_above(before).unwrap_or_else(|| "-".to_string());
        assert_eq!(got, *want, "{before:?}");
    }
}

#[test]
fn a_plain_title_ends_like_every_kind_of_document() {
    // A complete title under the site's lines is found there, whatever the document's kind.
    for kind in ["决议", "公示", "请示", "会议纪要", "办事指南", "权责清单", "章程", "声明", "公函"]
    {
        let text = format!("欢迎访问某县人民政府门户网\n某县人民政府关于某事项的{kind}\n张三代表:\n收悉。");
        assert_eq!(("title", plain(&text)), ("title", format!("某县人民政府关于某事项的{kind}")), "{kind}");
    }
}

#[test]
fn the_labels_other_sites_give_their_metadata() {
    // No title line in the text: the list's 名称 / 文件名称, 文件编号, 成文时间.
    for label in ["名称", "文件名称"] {
        let text = format!("{label}：某县人民政府关于某事项的批复\n文件编号：某政〔2023〕45号\n成文时间：2023年11月18日\n县自然资源局：\n你局的请示收悉。");
        assert_eq!(
            seen(&plain_lines(&text)),
            want(&[
                ("title", "某县人民政府关于某事项的批复"),
                ("number", "某政〔2023〕45号"),
                ("published", "2023-11-18"),
                ("signed", "2023-11-18")
            ]),
            "{label}"
        );
    }
}

#[test]
fn breadcrumbs_cell_rows_and_a_number_after_the_title() {
    let cases: &[(&str, Pairs)] = &[
        // A breadcrumb ending like a title, a row of cells apart by single spaces, the title.
        (
            "返回顶部\n某州部门频道\n您当前所在位置:首页 >> 政务公开 >> 建议提案 >> 人大代表建议答复\n索引号 000014349/2021-3225216 信息分类 人大代表建议答复\n发布机构 发布日期\n信息名称 某州人民政府关于第560号建议的会办意见\n某州人民政府关于第560号建议的会办意见\n发布时间: 2021-05-24 16:47\n省教育厅:\n收悉。",
            &[("title", "某州人民政府关于第560号建议的会办意见"), ("number", "-"), ("published", "2021-05-24"), ("signed", "-")],
        ),
        (
            "您所在的位置: 网站首页 > 政府信息公开 > 正文\n 索 引 号  jyjl/2021-00030\n 信息名称  关于对县政协第64号提案的答复\n 公开日期  2021-04-07  失效日期 \n李四委员:\n收悉。",
            &[("title", "关于对县政协第64号提案的答复"), ("number", "-"), ("published", "2021-04-07"), ("signed", "-")],
        ),
        // A column's name over the metadata rows: their 信息名称 is the title.
        (
            "政协委员提案办理\n 索 引 号  jyjl/2021-00030\n 信息名称  关于对县政协第64号提案的答复\n 公开日期  2021-04-07  失效日期 \n 公开程序 \n李四委员:\n收悉。",
            &[("title", "关于对县政协第64号提案的答复"), ("number", "-"), ("published", "2021-04-07"), ("signed", "-")],
        ),
        // The document number in brackets after the title's words.
        (
            "关于省十三届人大一次会议温36号建议的答复[浙交建〔2018〕101号]\n2018-07-11 09:01    信息来源:某厅\n张三代表:\n收悉。",
            &[("title", "关于省十三届人大一次会议温36号建议的答复"), ("number", "浙交建〔2018〕101号"), ("published", "2018-07-11"), ("signed", "-")],
        ),
        // An index list of bullet values without labels: its dates date the document.
        (
            "• 00529508X/2023-00092\n  • 某县水利局\n  • 2023-09-25\n关于第144号建议的答复\n张三代表:\n收悉。",
            &[("title", "关于第144号建议的答复"), ("number", "-"), ("published", "2023-09-25"), ("signed", "2023-09-25")],
        ),
    ];
    for (text, pairs) in cases {
        assert_eq!(seen(&plain_lines(text)), want(pairs), "{text}");
    }
}

#[test]
fn a_dates_label_after_other_words_dates_the_page() {
    let cases: &[(&str, Pairs)] = &[
        (
            "关于第12号建议的答复\n发布者：某县教育局  发布时间：2023-05-06  浏览次数：12\n张三代表:\n收悉。",
            &[("title", "关于第12号建议的答复"), ("number", "-"), ("published", "2023-05-06"), ("signed", "-")],
        ),
        (
            "关于第12号建议的答复\n【发布时间：2023-05-06】\n张三代表:\n收悉。",
            &[("title", "关于第12号建议的答复"), ("number", "-"), ("published", "2023-05-06"), ("signed", "-")],
        ),
        // In a sentence, a date's label is no metadata.
        (
            "关于第12号建议的答复\n张三代表:\n收悉。我局于发布时间：2023-05-06之前办结。",
            &[("title", "关于第12号建议的答复"), ("number", "-"), ("published", "-"), ("signed", "-")],
        ),
    ];
    for (text, pairs) in cases {
        assert_eq!(seen(&plain_lines(text)), want(pairs), "{text}");
    }
}

#[test]
fn news_of_a_bureau_and_a_title_ended_on_its_own_line() {
    let cases: &[(&str, Pairs)] = &[
        // An office's headline with a colon, the date and source under it unlabelled.
        (
            "市卫生健康局:重视人大建议和政协提案办理\n\n2023-05-16 11:48:06 文章来源: 某市卫生健康局\n5月15日，市卫生健康局召开会议。",
            &[("title", "市卫生健康局:重视人大建议和政协提案办理"), ("number", "-"), ("published", "2023-05-16"), ("signed", "-")],
        ),
        (
            "县文化和旅游局认真办理人大代表建议、政协委员提案\n某县政府 www.example.gov.cn 2021-09-01 15:18 来源:某县融媒体中心 放大 正常 缩小\n8月21日，负责人前往暖泉镇。",
            &[("title", "县文化和旅游局认真办理人大代表建议、政协委员提案"), ("number", "-"), ("published", "2021-09-01"), ("signed", "-")],
        ),
        // A title whose last words stand on their own line.
        (
            "2020年人大建议、政协提案办理工作\n完成情况说明\n根据通知要求，现将办理情况说明如下。\n2020年11月5日",
            &[("title", "2020年人大建议、政协提案办理工作完成情况说明"), ("number", "-"), ("published", "2020-11-05"), ("signed", "2020-11-05")],
        ),
    ];
    for (text, pairs) in cases {
        assert_eq!(seen(&plain_lines(text)), want(pairs), "{text}");
    }
}

/// A reply under `head` (its title and the lines under it), signed on 2023-08-22.
fn under(head: &str) -> Vec<(&'static str, String)> {
    let text = format!(
        "{head}\n张三委员：\n您提出的提案收悉。现答复如下：\n感谢您对我局工作的支持。\n某市科学技术局\n2023年8月22日"
    );
    seen(&plain_lines(&text))
}

const TITLE: &str = "关于市政协十四届二次会议第123号提案的答复";

#[test]
fn the_pages_date_in_every_form_a_metadata_row_writes_it() {
    let rows = [
        "发布时间：2023-5-6  来源：某局",
        "发布时间：2023.05.06  来源：某局",
        "发布时间：2023/05/06",
        "发布日期：二〇二三年五月六日",
        "发布时间：2023年05月06日 10:32:00  来源：某局  浏览次数：123",
        "发布时间：2023 年 5 月 6 日",
        "时间：2023－05－06",
        "发布时间：２０２３－０５－０６",
        "来源：某局  发布时间：2023-05-06  字号：大 中 小",
        "【发布单位：某局】【发布日期：2023-05-06】【浏览次数：12】",
        "日期：2023-05-06 | 来源：某局 | 阅读量：12",
        "信息来源：某局 发布时间：2023-05-06 浏览次数：  次",
        // A field run straight on after the time.
        "2023-05-06 10:32来源：某局",
        "2023-05-06 10:32来源:",
    ];
    for row in rows {
        assert_eq!(
            under(&format!("{TITLE}\n{row}")),
            want(&[("title", TITLE), ("number", "-"), ("published", "2023-05-06"), ("signed", "2023-08-22")]),
            "{row}"
        );
    }
}

#[test]
fn the_pages_date_and_the_signatures_in_the_shapes_of_more_sites() {
    let rows = [
        "来源：某局　2023-05-06",
        "发布者：某局　发布时间：2023年05月06日",
        "时间：2023-05-06　作者：某某　来源：某局",
        "信息发布日期：2023-05-06",
        "发布日期 2023-05-06 来源 某局",
        "【发布时间】2023-05-06",
        "更新时间：2023-05-06",
        "2023年05月06日 来源：某局 作者：某某",
        "发布时间：2023-05-06 | 来源：某局",
        "日期：2023-05-06 10:32:00 浏览量：",
        "录入时间：2023-05-06",
        "作者：　　发布时间：2023-05-06　　来源：",
        "字体：大 中 小　　发布日期：2023-05-06",
        "发表时间：2023-05-06",
        "来源：某局 | 2023-05-06",
        "时间: 2023-05-06 16:35:37 来源: 某局 【字体:大 中 小】",
        "发布时间：2023-05-06T10:32:00",
        "2023-05-06 星期六 来源：某局",
        "[发布日期：2023-05-06] [来源：某局] [浏览次数：12]",
        "发布时间:2023-05-06 作者:某某 来源:某局 责任编辑:某某",
        "发布机构：某局 发布日期：2023-05-06 浏览次数：12",
        "来源:某局 发布日期:2023年5月6日",
        "来源：某局\n2023-05-06 10:32",
        "作者：某某\n发布时间：\n2023-05-06",
        "2023-05-06 10:32:00\n【字体：大 中 小】",
        "【字体：大 中 小】 【打印】 发布时间：2023-05-06",
        "| 2023-05-06 | 来源：某局 |",
        "發佈時間：2023-05-06 來源：某局",
        "时间：2023年05月06日 14:22  来源：某局  作者：  阅读：",
        "某政办发〔2023〕12号\n2023-05-06",
        "| 发布日期 | 2023-05-06 | 来源 | 某局 |",
        "发布日期 | 2023-05-06",
        "发布日期\t2023-05-06",
        "发 布 日 期：2023年05月06日",
        "发布日期：\t2023年05月06日\t来源：\t某局",
        "◎ 发布时间：2023-05-06",
        "·发布时间：2023-05-06",
        "发布时间：2023-05-06　　【大 中 小】　　【打印】",
    ];
    let mut wrong = Vec::new();
    for row in rows {
        let got = under(&format!("{TITLE}\n{row}"));
        let number = if row.contains('〔') { "某政办发〔2023〕12号" } else { "-" };
        if got != want(&[("title", TITLE), ("number", number), ("published", "2023-05-06"), ("signed", "2023-08-22")]) {
            wrong.push(format!("{row}: {got:?}"));
        }
    }
    // Above the title, with the site's furniture around it.
    for row in [
        "发布时间：2023-05-06\n首页 > 政务公开 > 建议提案",
        "首页 > 政务公开 > 建议提案\n发布日期：2023-05-06  来源：某局",
        "当前位置：首页 > 建议提案\n[ 2023-05-06 ]",
        "当前位置：首页 > 建议提案\n2023-05-06 10:32",
        "信息来源：某局　　发布时间：2023-05-06　　浏览次数：12",
    ] {
        let got = under(&format!("{row}\n{TITLE}"));
        if got != want(&[("title", TITLE), ("number", "-"), ("published", "2023-05-06"), ("signed", "2023-08-22")]) {
            wrong.push(format!("{row}: {got:?}"));
        }
    }
    let tails = [
        "某县教育局\n2023年8月22日（联系人：李四，联系电话：0731-12345678）",
        "某县教育局\n2023年8月22日。",
        "某县教育局\n2023年8月22日 星期二",
        "某县教育局\n二〇二三年八月二十二日\n（此件公开发布）\n联系人：李四",
        "某县教育局\n2023 年 8 月 22 日",
        "某县教育局\n2023-8-22",
        "某县教育局 2023.08.22",
        "某县教育局\n2023年8月22",
        "某县教育局\n２０２３－０８－２２",
        "某县教育局\n2023／8／22",
        "（某县教育局）\n2023年8月22日",
        "某县教育局\n日期：2023年8月22日",
        "某县教育局（盖章）\n2023年8月22日",
        "某县教育局\n2023年08月22日\n抄送：县人大常委会人代工委，县政府督查室。",
    ];
    for tail in tails {
        let text = format!("{TITLE}\n张三委员：\n您提出的提案收悉。现答复如下：\n感谢您对我局工作的支持。\n{tail}");
        let got = seen(&plain_lines(&text));
        if got != want(&[("title", TITLE), ("number", "-"), ("published", "2023-08-22"), ("signed", "2023-08-22")]) {
            wrong.push(format!("{tail}: {got:?}"));
        }
    }
    // Under lines of the site no rule knows (a search box, a notice, a column's list).
    for site in [
        "请输入关键字 搜索",
        "长者模式 无障碍 English",
        "关注我们：微信 微博 抖音",
        "建议提案办理结果公开\n人大代表建议\n政协委员提案",
    ] {
        let got = under(&format!("{site}\n{TITLE}\n发布时间：2023-05-06 来源：某局"));
        if got != want(&[("title", TITLE), ("number", "-"), ("published", "2023-05-06"), ("signed", "2023-08-22")]) {
            wrong.push(format!("{site}: {got:?}"));
        }
    }
    // The office that signs, with a seal's note or beside another office: its date over the
    // record's 成文日期.
    for office in
        ["某县教育局（代章）", "某县教育局（盖章）", "某县教育局办公室（印）", "某县人民政府办公室　某县教育局"]
    {
        let text = format!("{TITLE}\n成文日期：2023-09-01\n张三委员：\n您提出的提案收悉。\n{office}\n2023年8月22日");
        let got = seen(&plain_lines(&text));
        if got != want(&[("title", TITLE), ("number", "-"), ("published", "2023-09-01"), ("signed", "2023-08-22")]) {
            wrong.push(format!("{office}: {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_sites_greeting_and_menu_over_its_bulleted_metadata() {
    let text = "欢迎访问某区人民政府网站! 今天是:\n\n无障碍| 繁体 | 简体| 设为首页 | 收藏本站\n  • 索 引 号:3704/2022-00854\n  • 成文时间:2022年12月20日\n  • 文  号:\n  • 发文时间:2022年12月21日\n  • 标  题:关于对区政协第86号提案的答复\n关于对区政协第86号提案的答复\n张三委员:\n您提出的提案收悉。";
    assert_eq!(
        seen(&plain_lines(text)),
        want(&[
            ("title", "关于对区政协第86号提案的答复"),
            ("number", "-"),
            ("published", "2022-12-21"),
            ("signed", "2022-12-20")
        ])
    );
}

#[test]
fn the_pages_date_line_above_the_title_with_a_field_run_on() {
    let text = "2024-01-30 16:27来源:\n\n某部2023年全国人大代表建议和全国政协委员提案办理情况\n\n某部高度重视建议提案办理工作。\n一、基本情况\n共承办288件。";
    assert_eq!(
        seen(&plain_lines(text)),
        want(&[
            ("title", "某部2023年全国人大代表建议和全国政协委员提案办理情况"),
            ("number", "-"),
            ("published", "2024-01-30"),
            ("signed", "-")
        ])
    );
}

#[test]
fn a_date_line_under_the_title_dates_the_page() {
    let page = |line: &str| want(&[("title", TITLE), ("number", "-"), ("published", line), ("signed", "2023-08-22")]);
    let cases: &[(&str, &str)] = &[
        // The date alone, with a time, a weekday, in brackets of the site's.
        ("2023-05-06", "2023-05-06"),
        ("2023-05-06 10:32", "2023-05-06"),
        ("2023年5月6日 星期六", "2023-05-06"),
        ("[ 2023-05-06 ]", "2023-05-06"),
        ("【2023.05.06】", "2023-05-06"),
        // A name or a source beside it, no label.
        ("某市科学技术局 2023-05-06", "2023-05-06"),
        ("2023-05-06 某市科学技术局", "2023-05-06"),
        // The date ending another label's value.
        ("作者：某局 2023-05-06", "2023-05-06"),
        ("来源：某局 | 2023-05-06", "2023-05-06"),
        // A note in brackets dates the document, not the page; a sentence is the body's.
        ("（2023年5月6日）", "2023-08-22"),
        ("2023年5月6日，我局召开座谈会。", "2023-08-22"),
        ("2023年5月6日上午", "2023-08-22"),
    ];
    for (line, published) in cases {
        assert_eq!(under(&format!("{TITLE}\n{line}")), page(published), "{line}");
    }
    // Above the title, a date is the site's (today's), not the page's.
    assert_eq!(under(&format!("2023年11月5日 星期天\n{TITLE}")), page("2023-08-22"));
}

#[test]
fn a_dates_label_is_known_by_its_shape() {
    let page = |published: &str| {
        want(&[("title", TITLE), ("number", "-"), ("published", published), ("signed", "2023-08-22")])
    };
    for row in [
        "上传时间：2023-05-06 09:00",
        "发稿时间：2023-05-06",
        "录入时间：2023-05-06  录入者：admin",
        "公布日期：2023-05-06",
    ] {
        assert_eq!(under(&format!("{TITLE}\n{row}")), page("2023-05-06"), "{row}");
    }
    // After another field of the row, or in the site's brackets.
    for row in ["录入者：admin 上传时间：2023-05-06", "作者：张三 | 发稿时间：2023-05-06", "【公布日期：2023-05-06】"]
    {
        assert_eq!(under(&format!("{TITLE}\n{row}")), page("2023-05-06"), "{row}");
    }
    // The day a rule starts or stops is no publication; nor is a label without a date after it.
    for row in ["实施日期：2023-05-06", "截止时间：2023-05-06", "反馈时间：尽快", "录入者：admin 实施日期：2023-05-06"]
    {
        assert_eq!(under(&format!("{TITLE}\n{row}")), page("2023-08-22"), "{row}");
    }
}

#[test]
fn a_document_number_without_its_issuer_or_its_closing_bracket() {
    let number =
        |n: &str| want(&[("title", TITLE), ("number", n), ("published", "2023-08-22"), ("signed", "2023-08-22")]);
    let cases: &[(&str, &str)] = &[
        // Under the title, the year and serial alone: the letterhead's issuer is not repeated.
        ("〔2023〕12号", "〔2023〕12号"),
        // A font the page lost took the closing bracket and 号: the year and serial run on.
        ("通区府议〔202323", "通区府议〔202323"),
        ("舞教〔2022106                    签发人:魏红涛", "舞教〔2022106"),
        // Four digits are a year alone, no number; words after the digits are no number.
        ("某局〔2023", "-"),
        ("某局〔202312项工作", "-"),
    ];
    for (line, want) in cases {
        assert_eq!(under(&format!("{TITLE}\n{line}")), number(want), "{line}");
    }
}

#[test]
fn the_metadatas_brackets_for_the_number_the_text_writes_otherwise() {
    let number =
        |n: &str| want(&[("title", TITLE), ("number", n), ("published", "2019-12-23"), ("signed", "2023-08-22")]);
    let cases: &[(&str, &str, &str)] = &[
        // One number, the year in [ ] in the text and in 〔〕 in the metadata: the standard's.
        ("某交建〔2019〕12号", "某交建[2019]12号", "某交建〔2019〕12号"),
        ("某交建〔2019〕12号", "某交建【2019】12号", "某交建〔2019〕12号"),
        // Two numbers (another serial), or the metadata's in [ ]: the text's own.
        ("某交建〔2019〕13号", "某交建[2019]12号", "某交建[2019]12号"),
        ("某交建[2019]12号", "某交建〔2019〕12号", "某交建〔2019〕12号"),
    ];
    for (meta, line, n) in cases {
        let head = format!("文 号: {meta} 公开日期: 2019-12-23 09:33\n{TITLE}\n{line}");
        assert_eq!(under(&head), number(n), "{meta} / {line}");
    }
}

#[test]
fn a_numbers_label_is_known_by_its_shape() {
    let page = |n: &str, published: &str| {
        want(&[("title", TITLE), ("number", n), ("published", published), ("signed", "2023-08-22")])
    };
    let cases: &[(&str, &str, &str)] = &[
        // A key ending in 文号 / 编号 / 字号 over a document number, other fields after it.
        ("公文编号：国办函〔2005〕69号  发布日期：2023-05-06", "国办函〔2005〕69号", "2023-05-06"),
        ("发文文号：某政办〔2023〕12号 | 来源：某局 | 2023-05-06", "某政办〔2023〕12号", "2023-05-06"),
        ("文件字号: 某科〔2023〕3号  发布时间: 2023-05-06", "某科〔2023〕3号", "2023-05-06"),
        // Its value no document number: no number (a proposal's serial, the font's size).
        ("提案编号：第123号  发布日期：2023-05-06", "-", "2023-05-06"),
    ];
    // Alone on its line, its value on the next: no salutation.
    for head in
        ["公文编号：\n某科〔2023〕3号\n发布日期：2023-05-06", "• 发文编号:\n• 某科〔2023〕3号\n发布日期：2023-05-06"]
    {
        assert_eq!(under(&format!("{TITLE}\n{head}")), page("某科〔2023〕3号", "2023-05-06"), "{head}");
    }
    for (line, n, published) in cases {
        assert_eq!(under(&format!("{TITLE}\n{line}")), page(n, published), "{line}");
    }
}

#[test]
fn a_headline_under_a_sites_or_columns_name_is_the_title_however_it_ends() {
    let salutation = "\n张三委员：\n您提出的提案收悉。";
    let cases: &[(String, &str)] = &[
        // A site's name above a 关于… line whose last word no list holds, the salutation under it.
        (
            format!("某县人民政府门户网站\n关于第三批城市建设用地办理林地情况的承诺{salutation}"),
            "关于第三批城市建设用地办理林地情况的承诺",
        ),
        // Lines of the site's navigation, then the headline.
        (format!("首页\n信息公开\n关于第12号提案答复情况的公开{salutation}"), "关于第12号提案答复情况的公开"),
        // A column's name, a headline of news, the body's first sentence under it.
        (
            "要闻动态\n某县人大常委会开展代表建议督办活动\n9月12日，县人大开展督办活动。".to_string(),
            "某县人大常委会开展代表建议督办活动",
        ),
        // … or the page's date under it.
        (
            "本站首页\n某县政协十五届三次会议提案答复会召开\n2023-09-12\n9月12日，县政协召开答复会。".to_string(),
            "某县政协十五届三次会议提案答复会召开",
        ),
        // A column's name, a report, the addressees under it.
        (
            "政务公开\n某市科技局2023年工作情况\n各区县科技局：\n现将情况通报如下。".to_string(),
            "某市科技局2023年工作情况",
        ),
        // The title stays where no longer line runs on to the body (a short title of its own).
        ("致全市人民的一封信\n全市广大市民朋友们：\n新年好。".to_string(), "致全市人民的一封信"),
        // An office's name and a date under a title are not the title.
        ("某市2023年科技工作情况\n某市科学技术局\n2023年5月6日\n一、总体情况".to_string(), "某市2023年科技工作情况"),
    ];
    for (text, title) in cases {
        assert_eq!(plain(text), *title, "{text}");
    }
}

#[test]
fn proposals_and_suggestions_end_a_title_only_after_的() {
    let salutation = "\n张三代表：\n您提出的建议收悉。";
    let cases: &[(String, &str)] = &[
        // A column's name ending like a kind of document is no title.
        (
            format!(
                "人大代表建议\n某区人民政府关于第14号建议办理情况的答复\n发布时间:2023-09-18 来源:区政府办{salutation}"
            ),
            "某区人民政府关于第14号建议办理情况的答复",
        ),
        (format!("政协委员提案\n某局关于第86号提案办理情况的复函{salutation}"), "某局关于第86号提案办理情况的复函"),
        // A proposal's own title (a page that shows it) ends with 的建议 / 的提案.
        (format!("建议提案\n关于加强科技金融服务的建议{salutation}"), "关于加强科技金融服务的建议"),
        // A title broken after 代表建议, its number and last words on the next line.
        (
            format!("关于海南省六届人大五次会议代表建议\n第652042号办理情况的答复(B){salutation}"),
            "关于海南省六届人大五次会议代表建议第652042号办理情况的答复(B)",
        ),
        (
            format!("关于市政协十四届二次会议第123号提案\n办理情况的答复{salutation}"),
            "关于市政协十四届二次会议第123号提案办理情况的答复",
        ),
        // An office's name above a 对… line starts the title, however the title ends (…意见书).
        (format!("某县科技局\n对县政协第12号提案的答复意见书{salutation}"), "某县科技局对县政协第12号提案的答复意见书"),
    ];
    for (text, title) in cases {
        assert_eq!(plain(text), *title, "{text}");
    }
}

#[test]
fn labels_known_by_their_shape_are_no_salutation() {
    let cases: &[(&str, Pairs)] = &[
        // A list of bullets, labels with their values on the next line, some no list holds,
        // some empty; the title set on two lines under it; the page's date after a font switch.
        (
            "• 公文名称:\n    对第6826号建议的答复\n  • 索 引 号:\n    000013338/2023-00859\n  • 文  号:\n    建建复字〔2023〕94号\n  • 实施日期:\n  • 发文日期:\n    2023-07-14\n  • 主 题 词:\n  • 废止日期:\n对十四届全国人大一次会议\n第6826号建议的答复\n选择字体:[--] 发布时间:2023-12-29 14:43:43\n王一君代表:\n您提出的建议收悉。",
            &[("title", "对十四届全国人大一次会议第6826号建议的答复"), ("number", "建建复字〔2023〕94号"), ("published", "2023-12-29"), ("signed", "2023-07-14")],
        ),
        // An empty date's label above the title.
        (
            "归档时间:\n已归档\n某县交通运输局对第21号建议的回复\n许佳代表:\n您提出的建议收悉。",
            &[("title", "某县交通运输局对第21号建议的回复"), ("number", "-"), ("published", "-"), ("signed", "-")],
        ),
        // Without a page's date of its own, a 发文日期 is the page's, not the document's.
        (
            "关于第115号建议答复的函\n发文日期:\n2019年10月10日 16:48:00\n寇章国代表:\n收悉。",
            &[("title", "关于第115号建议答复的函"), ("number", "-"), ("published", "2019-10-10"), ("signed", "-")],
        ),
    ];
    for (text, pairs) in cases {
        assert_eq!(seen(&plain_lines(text)), want(pairs), "{text}");
    }
}

#[test]
fn a_headline_with_a_colon_and_the_items_under_a_title() {
    let cases: &[(&str, Pairs)] = &[
        // A headline with a colon over the page's metadata line is no form's line.
        (
            "您当前所在的位置是:某局>某市>图片新闻\n森林城市:涂抹“绿”生活\n发布时间:2019-07-12 来源:国家林草局\n“让森林走进城市”，是保护城市生态环境的重要举措。",
            &[("title", "森林城市:涂抹“绿”生活"), ("number", "-"), ("published", "2019-07-12"), ("signed", "-")],
        ),
        // A list of bullets under the title: the site's name, the page's date.
        (
            "某县人民政府关于第27号建议办理意见的函\n  • 本站\n  • 2020-12-30 10:32\n余秀华9名代表\n提出的建议收悉。",
            &[("title", "某县人民政府关于第27号建议办理意见的函"), ("number", "-"), ("published", "2020-12-30"), ("signed", "-")],
        ),
    ];
    for (text, pairs) in cases {
        assert_eq!(seen(&plain_lines(text)), want(pairs), "{text}");
    }
}

#[test]
fn a_columns_name_over_the_metadata_gives_way_to_the_title_under_it() {
    let cases: &[(&str, Pairs)] = &[
        // A column's name that ends like a document, a list of bullets, the title.
        (
            "人大代表建议办理答复\n  • 索引号: 20240913-212122-400\n  • 发布机构: 某州林业和草原局\n  • 文号:\n  • 发布日期: 2021-10-14\n某州林业和草原局对第0080号建议的答复\n李群英等代表:\n收悉。",
            &[("title", "某州林业和草原局对第0080号建议的答复"), ("number", "-"), ("published", "2021-10-14"), ("signed", "-")],
        ),
        // A column's name, an office in brackets, a list of dt / dd (a bare 日期 over its date).
        (
            "政府信息公开\n(县农业农村局)\n索引号\nzkx_nyncj/2025-00019\n发布机构\n县农业农村局\n文  号\n日期\n2025-12-16\n某县农业农村局关于第0038号建议的答复函\n浏览:301次\n杨文强等3名代表:\n收悉。",
            &[("title", "某县农业农村局关于第0038号建议的答复函"), ("number", "-"), ("published", "2025-12-16"), ("signed", "-")],
        ),
        // A short title of its own stays: nothing below reads as one before the text. The
        // occasion after a dash dates the speech.
        (
            "政府工作报告\n——2023年1月5日在某市人民代表大会上\n各位代表：\n现在，我代表市人民政府作报告。",
            &[("title", "政府工作报告"), ("number", "-"), ("published", "2023-01-05"), ("signed", "2023-01-05")],
        ),
    ];
    for (text, pairs) in cases {
        assert_eq!(seen(&plain_lines(text)), want(pairs), "{text}");
    }
}

#[test]
fn a_rules_dates_and_the_records_date_are_not_the_documents() {
    let table = "索引号: 003129766/201901-00336 组配分类: 规范性文件发布\n生成日期: 2019-01-23 文号:\n发文日期: 2019-01-23 生效时间: 2019-01-23\n废止时间: 2020-01-23 名称: 某县人民政府关于印发《某县人民政府工作规则》的通知";
    let cases: &[(String, Pairs)] = &[
        // The day a rule stops is no page's date, even opening its line; the 生成日期 gives way
        // to the date under the signature.
        (
            format!("{table}\n某县人民政府关于印发《某县人民政府工作规则》的通知\n各乡、镇人民政府:\n现印发给你们。\n某县人民政府\n2019年1月17日"),
            &[("title", "某县人民政府关于印发《某县人民政府工作规则》的通知"), ("number", "-"), ("published", "2019-01-23"), ("signed", "2019-01-17")],
        ),
        // Without a date under the signature, the 生成日期 dates the document.
        (
            format!("{table}\n某县人民政府关于印发《某县人民政府工作规则》的通知\n各乡、镇人民政府:\n现印发给你们。"),
            &[("title", "某县人民政府关于印发《某县人民政府工作规则》的通知"), ("number", "-"), ("published", "2019-01-23"), ("signed", "2019-01-23")],
        ),
    ];
    for (text, pairs) in cases {
        assert_eq!(seen(&plain_lines(text)), want(pairs), "{text}");
    }
}

#[test]
fn a_page_in_traditional_script_reads_like_the_others() {
    let cases: &[(&str, Pairs)] = &[
        // The metadata rows, a title set on two lines, the number with 號.
        (
            "索 引 號: 000014349/2016-00058 主題分類: 科技\n發文機關: 國務院 成文日期: 2016年04月05日\n發文字號: 國函〔2016〕65號 發佈日期: 2016年04月11日\n國務院關於同意沈大國家高新區建設\n國家自主創新示範區的批復\n國函〔2016〕65號\n遼寧省人民政府、科技部：\n你們關於建設示範區的請示收悉。",
            &[("title", "國務院關於同意沈大國家高新區建設國家自主創新示範區的批復"), ("number", "國函〔2016〕65號"), ("published", "2016-04-11"), ("signed", "2016-04-05")],
        ),
        // A list of dt / dd without colons: two chars' labels over values of their kind.
        (
            "關於第3902號建議的答覆函\n文號\n交水建字〔2021〕1號\n索引號\n000019713O08/2022-00004\n公開日期\n2022年01月19日\n主題詞\n徐玨慧代表:\n您提出的建議收悉。\n交通運輸部\n2021年5月20日",
            &[("title", "關於第3902號建議的答覆函"), ("number", "交水建字〔2021〕1號"), ("published", "2022-01-19"), ("signed", "2021-05-20")],
        ),
    ];
    for (text, pairs) in cases {
        assert_eq!(seen(&plain_lines(text)), want(pairs), "{text}");
    }
}

#[test]
fn a_long_site_header_a_repeated_title_and_rows_of_cells() {
    let cases: &[(&str, Pairs)] = &[
        // A greeting, a menu, a list of other items' cut titles, a breadcrumb; the headline over
        // the page's metadata line far below.
        (
            "您好,欢迎来到某市政协网!\n政协概况\n建言献策\n工作动态\n政协公告 更多>>\n市政协十六届二次会议立案\n关于调整某市政协十六届\n中国人民政治协商会议某\n关于召开某市政协十六届\n关于某同志不再担任市\n首页>>履职实践>>工作动态>>内容\n市领导领办市政协重点提案\n发布日期:2023-06-14  浏览次数:\n6月13日上午，副市长在市教育局领办提案。",
            &[("title", "市领导领办市政协重点提案"), ("number", "-"), ("published", "2023-06-14"), ("signed", "-")],
        ),
        // The page's headline and the document's own title, the same words twice; the note under it.
        (
            "某省机关运行保障条例\n某省机关运行保障条例\n（2025年7月30日某省人民代表大会常务委员会第十七次会议通过）\n第一章 总 则\n第一条 为了规范机关运行保障工作，制定本条例。",
            &[("title", "某省机关运行保障条例"), ("number", "-"), ("published", "2025-07-30"), ("signed", "2025-07-30")],
        ),
        // Rows of table cells whose keys no list holds (内容概述, 时效): no title.
        (
            "标 题: | 省政府关于同意某开发区更名的批复\n文 号: | 苏政复〔2010〕55号 | ||\n内 容 概 述: | 关于同意某开发区更名的批复\n时 效: |\n苏政复〔2010〕55号\n省政府关于同意某开发区\n更名的批复\n某市人民政府:\n你市的请示收悉。\n二○一○年八月十一日",
            &[("title", "省政府关于同意某开发区更名的批复"), ("number", "苏政复〔2010〕55号"), ("published", "2010-08-11"), ("signed", "2010-08-11")],
        ),
    ];
    for (text, pairs) in cases {
        assert_eq!(seen(&plain_lines(text)), want(pairs), "{text}");
    }
}

#[test]
fn a_bulletins_masthead_between_the_title_and_the_title_again() {
    let cases: &[(&str, Pairs)] = &[
        // The page's headline and date row, the bulletin's name, issue, issuer and date, the
        // title again on two lines: the masthead's date is the document's.
        (
            "关于印发2022年《政府工作报告》主要任务上半年落实情况的通报\n发布时间:2022-08-23 14:52信息来源:某县人民政府\n某县政务督查\n20期\n某县人民政府督查室           2022年8月19\n关于印发2022年《政府工作报告》主要任务\n上半年落实情况的通报\n各乡镇人民政府,县政府各部门:\n现将落实情况通报如下。",
            &[("title", "关于印发2022年《政府工作报告》主要任务上半年落实情况的通报"), ("number", "-"), ("published", "2022-08-23"), ("signed", "2022-08-19")],
        ),
        // An issuer's line dated as documents are, under the title: the document's date.
        (
            "某县2022年国民经济和社会发展统计公报\n某县统计局 2023年3月20日\n2022年，全县经济稳中有进。",
            &[("title", "某县2022年国民经济和社会发展统计公报"), ("number", "-"), ("published", "2023-03-20"), ("signed", "2023-03-20")],
        ),
    ];
    for (text, pairs) in cases {
        assert_eq!(seen(&plain_lines(text)), want(pairs), "{text}");
    }
}

#[test]
fn the_salutations_figures_are_read() {
    let r = parse_lines(&["关于第31号建议的答复", "纪占斌等3名代表:", "您提出的建议收悉。"], &Hints::default()).reply;
    let figures: Vec<(&str, &str)> = r.figures.iter().map(|f| (f.paragraph.as_str(), f.text.as_str())).collect();
    assert_eq!(figures, vec![("salutation", "3名")]);
}

#[test]
fn a_reports_issuer_occasion_and_a_notices_page_date() {
    let cases: &[(&str, Pairs)] = &[
        // A group's name over a 关于… title set on three lines; the occasion after a dash dates it.
        (
            "全国人民代表大会常务委员会执法检查组\n关于检查《中华人民共和国森林法》\n实施情况的报告\n——2025年10月26日在第十四届全国人民代表大会常务委员会第十八次会议上\n全国人民代表大会常务委员会：\n森林是陆地生态系统的主体。",
            &[("title", "全国人民代表大会常务委员会执法检查组关于检查《中华人民共和国森林法》实施情况的报告"), ("number", "-"), ("published", "2025-10-26"), ("signed", "2025-10-26")],
        ),
        // The issuer and a date as a site prints it under the title: the page's date; the
        // signature's, the document's.
        (
            "关于印发《某开发区重污染天气应急预案》的通知\n某市生态环境局某开发区分局\n2024-03-01\n各乡镇人民政府:\n现印发给你们。\n某开发区管理委员会党政综合办公室\n2024年2月29日",
            &[("title", "关于印发《某开发区重污染天气应急预案》的通知"), ("number", "-"), ("published", "2024-03-01"), ("signed", "2024-02-29")],
        ),
        // A traditional title's last words on their own line (説明).
        (
            "EN\nhttps://www.gov.cn/\n人力資源社會保障部關於失業保險條例\n修訂情況的説明\n2017-11-11 09:12 來源: 人力資源社會保障部網站\n近日,人社部就草案向社會公開徵求意見。",
            &[("title", "人力資源社會保障部關於失業保險條例修訂情況的説明"), ("number", "-"), ("published", "2017-11-11"), ("signed", "-")],
        ),
    ];
    for (text, pairs) in cases {
        assert_eq!(seen(&plain_lines(text)), want(pairs), "{text}");
    }
}

#[test]
fn a_notice_without_its_own_title_is_titled_by_the_document_it_sends() {
    let notice = |sends: &str| {
        format!(
            "某高技办〔2024〕3号\n各有关单位:\n为贯彻落实有关部署，现将《关于加强高技能人才队伍建设的实施意见》{sends}，请认真抓好落实。\n某市联席会办公室\n2024年4月9日\n(此件公开发布)\n关于加强高技能人才队伍建设的实施意见\n技能人才是重要力量。\n一、目标要求\n到2025年，技能人才总量稳步提升。"
        )
    };
    let page = |title: &str| {
        want(&[
            ("title", title),
            ("number", "某高技办〔2024〕3号"),
            ("published", "2024-04-09"),
            ("signed", "2024-04-09"),
        ])
    };
    assert_eq!(seen(&plain_lines(&notice("印发给你们"))), page("关于加强高技能人才队伍建设的实施意见"));
    assert_eq!(seen(&plain_lines(&notice("转发给你们"))), page("关于加强高技能人才队伍建设的实施意见"));
    // A document only named (not sent) gives no title.
    assert_eq!(seen(&plain_lines(&notice("的要求已经明确"))), page(""));
}

#[test]
fn a_signature_in_a_tables_cell_is_dated() {
    // The office and the date on one line, the cell's bar after them; a date with white space inside; the date alone in its cell.
    for last in [
        "某市交通运输局 2019年7月18日 |",
        "某市交通运输局 2019年7月18日｜",
        "某市交通运输局 2019年7月18日",
        "某市交通运输局 2019年 7月 18日",
        "某市交通运输局\n2019年7月18日｜",
    ] {
        assert_eq!(
            seen(&plain_lines(&format!("关于第17号建议的答复\n张三代表:\n您的建议收悉。\n感谢支持。\n{last}"))),
            want(&[
                ("title", "关于第17号建议的答复"),
                ("number", "-"),
                ("published", "2019-07-18"),
                ("signed", "2019-07-18")
            ]),
            "{last}"
        );
    }
}

#[test]
fn offices_of_every_kind_sign_with_the_date_on_their_line() {
    for office in ["某县文物管理所", "某县图书馆", "某市科协", "某县残联"] {
        assert_eq!(
            seen(&plain_lines(&format!(
                "关于第17号建议的答复\n张三代表:\n您的建议收悉。\n感谢支持。\n{office} 2019年7月18日"
            ))),
            want(&[
                ("title", "关于第17号建议的答复"),
                ("number", "-"),
                ("published", "2019-07-18"),
                ("signed", "2019-07-18")
            ]),
            "{office}"
        );
    }
}

#[test]
fn a_signatures_date_that_lost_its_year_and_month_words() {
    // `2025 915`: 年 and 月 lost to a font, a space left where one stood.
    assert_eq!(
        seen(&plain_lines("关于第30号代表建议的答复\n吴学迅代表:\n您提的建议收悉。\n某区交通运输局\n2025 915")),
        want(&[
            ("title", "关于第30号代表建议的答复"),
            ("number", "-"),
            ("published", "2025-09-15"),
            ("signed", "2025-09-15")
        ])
    );
}

#[test]
fn a_dates_label_run_into_its_date_or_after_the_pages_furniture() {
    for row in
        ["发布时间2023-05-06", "字号：大 中 小 发布时间：2023-05-06", "【发布时间】2023-05-06", "[发布时间] 2023-05-06"]
    {
        assert_eq!(
            under(&format!("{TITLE}\n{row}")),
            want(&[("title", TITLE), ("number", "-"), ("published", "2023-05-06"), ("signed", "2023-08-22")]),
            "{row}"
        );
    }
}

#[test]
fn a_subtitle_after_a_dash_is_not_the_title() {
    let cases: &[(&str, &str)] = &[
        ("坚定信心 真抓实干\n——在全市科技工作会议上的讲话\n同志们：\n今天召开会议。", "坚定信心 真抓实干"),
        (
            "关于2023年科技工作的报告\n——在市人大常委会上的报告\n主任、各位副主任：\n现将情况报告如下。",
            "关于2023年科技工作的报告",
        ),
    ];
    for (text, title) in cases {
        assert_eq!(plain(text), *title, "{text}");
    }
}

#[test]
fn a_forms_empty_label_is_no_salutation_and_the_number_below_it_is_found() {
    let text = "对第30号代表建议的答复\n区十九届人大四次会议\n30\n建议人:\n主办单位: 某区交通运输局\n答复时间: 2025-09-15\n  • 答复内容\n  • 建议内容\n周交政发〔202527                     签发人:王一川\n吴学迅代表:\n您提的建议收悉。\n某区交通运输局\n2025 915";
    assert_eq!(
        seen(&plain_lines(text)),
        want(&[
            ("title", "对第30号代表建议的答复"),
            ("number", "周交政发〔202527"),
            ("published", "2025-09-15"),
            ("signed", "2025-09-15")
        ])
    );
    // A salutation over the letter's text stays one.
    let r = parse_lines(&["关于第30号建议的答复", "吴学迅代表:", "您提的建议收悉。"], &Hints::default()).reply;
    assert_eq!(r.salutation.map(|p| p.text).as_deref(), Some("吴学迅代表:"));
}

#[test]
fn a_menu_or_a_column_over_a_news_headline_is_not_the_title() {
    let body = "\n9月12日，县人大开展督办活动。";
    let headline = "某县人大常委会开展代表建议督办活动";
    for head in ["网站首页 | 机构概况 | 政务公开 | 互动交流", "登录 | 注册", "工作动态"] {
        // The headline, its source row under it (no date), the text.
        let text = format!("{head}\n{headline}\n来源：某县人大{body}");
        assert_eq!(plain(&text), headline, "{text}");
        let text = format!("{head}\n{headline}{body}");
        assert_eq!(plain(&text), headline, "{text}");
    }
}

#[test]
fn the_pages_date_under_the_title_it_sets_outside_the_article() {
    let page = [
        "网站首页 | 政务公开",
        "关于县政协十届二次会议第12号提案的答复",
        "2023-09-12　　县科技局",
        "版权所有：某县人民政府",
    ];
    let mut hints =
        Hints { title: Some("关于县政协十届二次会议第12号提案的答复".into()), ..Hints::default() };
    crate::parse::page_table(&mut hints, &page);
    assert_eq!(hints.dated.as_deref(), Some("2023-09-12"));
    let r = parse_lines(&["张三委员：", "您提出的提案收悉。", "某县科技局", "2023年8月22日"], &hints).reply;
    assert_eq!((r.published_date.as_deref(), r.signed.as_deref()), (Some("2023-09-12"), Some("2023-08-22")));
    // A date elsewhere on the page (a list of other items) is not the page's.
    let page = ["关于县政协十届二次会议第12号提案的答复", "相关文件", "2023-01-05 关于某事的通知"];
    let mut hints =
        Hints { title: Some("关于县政协十届二次会议第12号提案的答复".into()), ..Hints::default() };
    crate::parse::page_table(&mut hints, &page);
    assert_eq!(hints.dated, None);
}

#[test]
fn a_plain_title_broken_before_its_last_word() {
    for kind in ["复文", "答复", "复函", "意见书", "答复意见", "报告"] {
        let text = format!("关于市政协十四届二次会议第12号提案的办理\n{kind}\n张三委员：\n收悉。");
        assert_eq!(plain(&text), format!("关于市政协十四届二次会议第12号提案的办理{kind}"), "{kind}");
    }
}

#[test]
fn the_pages_date_in_the_shapes_of_more_sites() {
    let page = |published: &str| {
        want(&[("title", TITLE), ("number", "-"), ("published", published), ("signed", "2023-08-22")])
    };
    for row in [
        // The date in the site's brackets, then its fields in brackets too.
        "[2023-05-06]  [来源：某局]  [字号：大 中 小]",
        "【2023-05-06】 【来源：某局】",
        // A site's date in round brackets (as sites print their own, not as documents date).
        "( 2023-05-06 )",
        "（2023-05-06）",
        // The verb of posting as the label.
        "发布：2023-05-06",
        "来源：某局 发布于：2023-05-06",
        // 日期 / 时间 after a key no list holds.
        "出处：某局 日期：2023-05-06",
        "稿源：某局  时间：2023-05-06 10:32",
    ] {
        assert_eq!(under(&format!("{TITLE}\n{row}")), page("2023-05-06"), "{row}");
    }
    // A document's date in brackets (年, 月, 日) stays the document's.
    assert_eq!(under(&format!("{TITLE}\n（2023年5月6日）")), page("2023-08-22"));
    // The verb without a date after it labels nothing of the page's.
    assert_eq!(under(&format!("{TITLE}\n发布：某局")), page("2023-08-22"));
}

#[test]
fn a_metadata_row_ending_in_an_empty_key_is_no_salutation() {
    // The site's menu and a metadata table whose last key has no value (`文号:`) over the headline.
    let head = format!(
        "• 无障碍\n  • 长辈版\n某局\n您现在所在的位置: 网站首页> 信息公开 > 某局 > 建议提案办理\n\
         索引号: 113417/202311-00011 组配分类: 建议办理\n发布机构: 某局 主题分类: 农业\n\
         名称: {TITLE} 文号:\n生成日期: 2023-05-06 发布日期: 2023-05-06\n{TITLE}\n\
         发布时间:2023-05-06 09:33 来源:某局 浏览次数:"
    );
    assert_eq!(
        under(&head),
        want(&[("title", TITLE), ("number", "-"), ("published", "2023-05-06"), ("signed", "2023-08-22")])
    );
    // Alone on its line too.
    let head =
        format!("• 无障碍\n某局\n名称: {TITLE}\n文号:\n生成日期: 2023-05-06\n{TITLE}\n发布时间:2023-05-06 09:33");
    assert_eq!(
        under(&head),
        want(&[("title", TITLE), ("number", "-"), ("published", "2023-05-06"), ("signed", "2023-08-22")])
    );
}

#[test]
fn an_issuer_over_a_title_is_no_value_of_an_empty_key_above_it() {
    let text = "  • 发布机构:某省人民政府办公厅\n  • 有 效 性 :有效\n  • 废止日期:\n\n某省人民政府办公厅\n\
                关于印发某项工作目标任务\n分工方案的通知\n某办发〔2017〕64号\n各市人民政府:\n现将方案印发你们。";
    assert_eq!(
        seen(&plain_lines(text)),
        want(&[
            ("title", "某省人民政府办公厅关于印发某项工作目标任务分工方案的通知"),
            ("number", "某办发〔2017〕64号"),
            ("published", "-"),
            ("signed", "-")
        ])
    );
}

#[test]
fn a_rule_of_dashes_and_bars_is_never_the_title() {
    let text = "索引号: | 330803/2023-70720 | 组配分类: | 建议 |\n---|---|---|---|\n\
                发布机构: | 某局 | 发文日期: | 2023-12-18 |\n张三代表:\n您的建议收悉。\n某局\n2023年8月10日";
    assert_eq!(
        seen(&plain_lines(text)),
        want(&[("title", ""), ("number", "-"), ("published", "2023-12-18"), ("signed", "2023-08-10")])
    );
}

#[test]
fn a_number_run_into_the_headline_and_an_empty_key_over_it() {
    let page = |title: &str, n: &str| {
        want(&[("title", title), ("number", n), ("published", "2024-08-27"), ("signed", "2023-08-22")])
    };
    // The document number and the title on one line, no space between.
    assert_eq!(
        under(&format!("某办理〔2024〕2号{TITLE}\n发布时间:2024-08-27 浏览次数:")),
        page(TITLE, "某办理〔2024〕2号")
    );
    // A key with no value (`关键词:`) over the headline is the metadata's, no salutation: the
    // letter's text follows a salutation, never a title.
    assert_eq!(
        under(&format!("发文日期: 2024年08月27日 主题分类: 建议办理\n关键词:\n\n{TITLE}\n发布时间:2024-08-27")),
        page(TITLE, "-")
    );
    // A title that holds a number in brackets is no number run into it.
    let held = "关于转发某办〔2024〕2号文件的通知";
    assert_eq!(under(&format!("{held}\n发布时间:2024-08-27")), page(held, "-"));
}

#[test]
fn the_pages_date_set_after_the_title_on_its_line() {
    let page = |published: &str| {
        want(&[("title", TITLE), ("number", "-"), ("published", published), ("signed", "2023-08-22")])
    };
    for line in
        [format!("{TITLE} 2023-05-06"), format!("{TITLE}　　2023-05-06 10:32"), format!("{TITLE}\t[2023-05-06]")]
    {
        assert_eq!(under(&line), page("2023-05-06"), "{line}");
    }
    // A title that ends with a date of its own words is no title and a date.
    let text = "关于印发某县2023年工作要点的通知";
    assert_eq!(
        under(text),
        want(&[("title", text), ("number", "-"), ("published", "2023-08-22"), ("signed", "2023-08-22")])
    );
}

#[test]
fn a_news_headline_that_ends_like_an_office_under_the_sites_name() {
    for headline in ["我县召开建议提案办理工作推进会", "市科技局召开建议提案办理工作会", "全市举行科技金融对接会"]
    {
        let text = format!("某县人民政府\n{headline}\n3月8日上午，会议召开。共收到建议提案120件。");
        assert_eq!(plain(&text), headline, "{headline}");
    }
    // An office's name ending so stays one (the issuer over a 关于… line).
    assert_eq!(
        plain("某市科学技术协会\n关于第12号提案的答复\n张三委员：\n收悉。"),
        "某市科学技术协会关于第12号提案的答复"
    );
}

#[test]
fn a_document_number_spaced_bracketed_or_after_the_replys_class() {
    let number =
        |n: &str| want(&[("title", TITLE), ("number", n), ("published", "2023-08-22"), ("signed", "2023-08-22")]);
    let cases: &[(&str, &str)] = &[
        ("某科函 〔2024〕 15 号", "某科函〔2024〕15号"),
        ("某科函〔 2024 〕15号", "某科函〔2024〕15号"),
        ("（某科函〔2024〕15号）", "某科函〔2024〕15号"),
        ("A类　某科函〔2024〕15号", "某科函〔2024〕15号"),
        ("答复类别：A类 某科函〔2024〕15号", "某科函〔2024〕15号"),
        ("类别  A类                     某科函〔2024〕15号", "某科函〔2024〕15号"),
    ];
    for (line, n) in cases {
        // Above the title and under it.
        assert_eq!(under(&format!("{line}\n{TITLE}")), number(n), "{line}");
        assert_eq!(under(&format!("{TITLE}\n{line}")), number(n), "{line}");
    }
    // A class with words after it, or a sentence after the number: no number line.
    assert_eq!(under(&format!("{TITLE}\nA类意见 某科函〔2024〕15号")), number("-"));
    assert_eq!(under(&format!("{TITLE}\n某科函〔2024〕15号文件要求加快推进科技金融发展工作")), number("-"));
}

#[test]
fn a_titles_label_is_known_by_its_shape() {
    for key in ["题名", "文件标题", "信息标题", "公文名称"] {
        let text = format!("{key}：{TITLE}\n发布日期：2023-05-06\n张三委员：\n收悉。\n某局\n2023年8月22日");
        assert_eq!(
            seen(&plain_lines(&text)),
            want(&[("title", TITLE), ("number", "-"), ("published", "2023-05-06"), ("signed", "2023-08-22")]),
            "{key}"
        );
    }
}

#[test]
fn a_title_on_the_line_of_the_metadata_or_the_breadcrumb() {
    let page = |published: &str| {
        want(&[("title", TITLE), ("number", "-"), ("published", published), ("signed", "2023-08-22")])
    };
    // The metadata run onto the title's line.
    for line in [
        format!("{TITLE} 发布时间：2023-05-06 来源：某局"),
        format!("{TITLE}　来源：某局 发布时间：2023-05-06 浏览次数："),
    ] {
        assert_eq!(under(&line), page("2023-05-06"), "{line}");
    }
    // The breadcrumb's last crumb, after the column's name or alone.
    for line in [format!("首页 > 政务公开 > 建议提案 {TITLE}"), format!("首页 > 建议提案 > {TITLE}")] {
        assert_eq!(under(&format!("{line}\n发布时间：2023-05-06")), page("2023-05-06"), "{line}");
    }
    // A title line of its own below is the title still; a crumb that is no title is none.
    assert_eq!(under(&format!("首页 > 建议提案 > 关于某事的答复\n{TITLE}")), page("2023-08-22"));
    assert_eq!(
        under("首页 > 建议提案 > 正文\n发布时间：2023-05-06"),
        want(&[("title", ""), ("number", "-"), ("published", "2023-05-06"), ("signed", "2023-08-22")])
    );
}

#[test]
fn a_title_run_into_the_salutation_where_a_page_lost_its_line_breaks() {
    let text = format!("{TITLE} 张三委员： 您提出的提案收悉。现答复如下： 我局投入资金3亿元。 某局 2023年8月22日");
    assert_eq!(
        seen(&plain_lines(&text)),
        want(&[("title", TITLE), ("number", "-"), ("published", "2023-08-22"), ("signed", "2023-08-22")])
    );
    // A sentence before the colon is no title.
    let text = "我局高度重视，现答复如下： 我局投入资金3亿元。";
    assert_eq!(seen(&plain_lines(text))[0], ("title", String::new()));
}

#[test]
fn metadata_rows_with_bracketed_labels_markdown_dashes_and_a_titles_key_without_a_colon() {
    let page =
        |n: &str| want(&[("title", TITLE), ("number", n), ("published", "2023-05-06"), ("signed", "2023-08-22")]);
    // Labels in the site's brackets, cells apart by bars.
    let head = format!(
        "[ 索引号 ] | 1150/2023-00096 | [ 发文字号 ] | 某科函〔2023〕281号 |\n[ 发布机构 ] | 某局 | ||\n\
         [ 发布日期 ] | 2023-05-06 |\n{TITLE}"
    );
    assert_eq!(under(&head), page("某科函〔2023〕281号"));
    // A Markdown list's dashes.
    let head = format!("- 发布机构: 某局\n- 发文字号: 某科函〔2023〕281号\n- 发布日期: 2023-05-06\n{TITLE}");
    assert_eq!(under(&head), page("某科函〔2023〕281号"));
    // A title's key known by its shape, its value after white space, no colon.
    let head = format!("• 发布日期 2023-05-06\n• 文件标题 {TITLE}\n{TITLE}");
    assert_eq!(under(&head), page("-"));
    // A value's own brackets stay: the number in [] is read.
    let head = format!("[发文字号] 某科函[2023]281号\n[发布日期] 2023-05-06\n{TITLE}");
    assert_eq!(under(&head), page("某科函[2023]281号"));
}

#[test]
fn a_report_on_two_lines_under_a_time_run_into_its_label_and_a_sites_greeting() {
    // The time run into the first label; a title broken before a conjunction, ending 办理情况.
    let text = "2024-01-30 16:27来源:\n\n某部2023年全国人大代表建议\n\n和全国政协委员提案办理情况\n\n某部高度重视建议提案办理工作。";
    assert_eq!(
        seen(&plain_lines(text)),
        want(&[
            ("title", "某部2023年全国人大代表建议和全国政协委员提案办理情况"),
            ("number", "-"),
            ("published", "2024-01-30"),
            ("signed", "-")
        ])
    );
    // The site's greeting over its metadata list is no salutation.
    let head = format!("欢迎访问某区人民政府网站! 今天是:\n无障碍| 繁体 | 简体\n• 发文时间:2023年05月06日\n{TITLE}");
    assert_eq!(
        under(&head),
        want(&[("title", TITLE), ("number", "-"), ("published", "2023-05-06"), ("signed", "2023-08-22")])
    );
}

#[test]
fn a_site_s_menu_and_toolbar_above_the_title_are_not_the_title() {
    let body = "\n张三委员：\n您提出的建议收悉。";
    let cases: &[(&str, &str)] = &[
        ("menu", "首页\n政务公开\n政务服务\n互动交流\n走进本市\n专题专栏\n关于第12号提案的答复"),
        ("toolbar", "无障碍\n长者模式\n繁體\n简体\n关于第12号提案的答复"),
        ("tools", "打印 关闭\n请输入关键字 搜索\n本网站支持IPv6\n关于第12号提案的答复"),
        ("issuer over title", "【打印】【关闭】\n某市交通运输局\n关于第12号提案的答复"),
    ];
    for (kind, head) in cases {
        let got = plain(&format!("{head}{body}"));
        let want = if *kind == "issuer over title" {
            "某市交通运输局关于第12号提案的答复"
        } else {
            "关于第12号提案的答复"
        };
        assert_eq!((*kind, got.as_str()), (*kind, want));
    }
}

#[test]
fn a_sites_notice_toolbar_or_search_box_above_the_title() {
    let page = want(&[("title", TITLE), ("number", "-"), ("published", "2023-08-22"), ("signed", "2023-08-22")]);
    for head in [
        // A sentence of the site's: the reader went on to the title under it.
        "本网站已支持IPv6，欢迎使用。",
        "您的浏览器版本过低，请升级浏览器。",
        "您好，欢迎来到某市人民政府网站！",
        "本网站已支持IPv6，欢迎使用。为了更好的浏览体验，建议您使用谷歌浏览器访问本网站。",
        "温馨提示：您正在使用的浏览器版本过低。",
        "您访问的链接即将离开“某市人民政府”门户网站，是否继续？",
        "本网站已支持IPv6，欢迎使用。\n当前位置：首页 > 政务公开 > 建议提案",
        "为了获得更好的浏览效果，建议使用IE9以上浏览器。\n首页 | 政务公开 | 互动交流",
        "本网站已支持IPv6，欢迎使用。\n某市科学技术局\n建议提案办理",
        "本网站已支持IPv6，欢迎使用。\n长者模式 无障碍\n搜索\n当前位置：首页 > 政务公开",
        // Toolbars and a search box, with a prompt that ends in a colon (no salutation).
        "无障碍 长者模式 简体 繁体",
        "无障碍浏览 | 长者模式 | 繁體",
        "请输入关键字 搜索",
        "请输入关键词：\n站内搜索 高级搜索",
    ] {
        assert_eq!(under(&format!("{head}\n{TITLE}")), page, "{head}");
    }
    // Under the notice, a headline that ends like no document's: a `关于…` line, a line over the
    // salutation.
    for title in ["关于市政协十四届二次会议第123号提案办理结果", "市政协十四届二次会议第123号提案答复内容"]
    {
        assert_eq!(under(&format!("本网站已支持IPv6，欢迎使用。\n{title}"))[0], ("title", title.to_string()));
    }
    // The notice's date and the page's metadata row under the title stay the page's.
    assert_eq!(
        under(&format!("本网站已支持IPv6，欢迎使用。\n{TITLE}\n发布时间：2023-05-06 来源：某局")),
        want(&[("title", TITLE), ("number", "-"), ("published", "2023-05-06"), ("signed", "2023-08-22")])
    );
    // A letter with no title: its first sentence is no notice of the site's.
    let letter =
        "张三委员：\n您提出的提案收悉。现答复如下：\n一、关于资金\n感谢您的支持。\n某市科学技术局\n2023年8月22日";
    assert_eq!(seen(&plain_lines(letter))[0], ("title", String::new()));
    // A notice that sends a text (its sentence, the issuer, the date) over the text's title: the
    // notice's lines stay the reply's text, none is the site's.
    let notice = "现将《某市科技创新实施方案》印发给你们，请认真贯彻执行。\n某市人民政府\n2022年6月2日\n某市科技创新实施方案\n为推动科技创新，制定本方案。\n一、总体要求\n坚持创新。";
    let r = parse_lines(&notice.lines().collect::<Vec<_>>(), &Hints::default()).reply;
    let kept: Vec<&str> = r.preamble.iter().map(|p| p.text.as_str()).collect();
    assert!(kept.contains(&"现将《某市科技创新实施方案》印发给你们，请认真贯彻执行。"), "{kept:?}");
    assert!(kept.contains(&"2022年6月2日"), "{kept:?}");
}

#[test]
fn a_title_under_empty_keys_a_long_toolbar_or_repeating_the_metadata_title() {
    // Keys with no value over a title broken mid-phrase: the title, joined.
    assert_eq!(
        under("相关解读:\n相关文件:\n对某市第三届人民代表大会\n第五次会议第18号建议的答复"),
        want(&[
            ("title", "对某市第三届人民代表大会第五次会议第18号建议的答复"),
            ("number", "-"),
            ("published", "2023-08-22"),
            ("signed", "2023-08-22")
        ])
    );
    // An accessibility toolbar of forty buttons, then the headline over the page's metadata row.
    let toolbar: Vec<String> = (0..40).map(|k| format!("按钮{k}")).collect();
    let head = format!("拼音\n辅助浏览\n{}\n{TITLE}\n发布日期:2021-08-12 10:24 发布机构:某局", toolbar.join("\n"));
    assert_eq!(
        under(&head),
        want(&[("title", TITLE), ("number", "-"), ("published", "2021-08-12"), ("signed", "2023-08-22")])
    );
    // The metadata rows' title repeated as the headline, a note in brackets after its last words,
    // then a form (案由, the proposal's own title): the headline as the rows give it.
    let named = "2022年度某局关于第50号代表建议的答复(关于将单位宿舍纳入老旧小区改造范围的建议)";
    let head = format!(
        "- 发布机构:某局\n- 成文时间:2022年07月28日\n- 标 题:{named}\n- 效力状态:有效\n{named}\n某市人大代表建议承办表\n案 由 |\n关于将单位宿舍纳入老旧小区改造范围的建议 | |||"
    );
    assert_eq!(under(&head)[0], ("title", named.to_string()));
}

#[test]
fn titles_in_the_shapes_unseen_sites_set_them() {
    const ISSUED: &str = "某市科学技术局关于市政协十四届二次会议第123号提案的答复";
    const NUMBER: &str = "某科函〔2023〕12号";
    let cases: &[(&str, &str, &str)] = &[
        // On two or three lines, broken mid-word.
        ("关于市政协十四届二次会议第1\n23号提案的答复", TITLE, "-"),
        ("关于市政协十四届二次会议第123号提\n案的答复", TITLE, "-"),
        ("关于市政协十四届\n二次会议第123号\n提案的答复", TITLE, "-"),
        ("关于市政协十四届二次会议第123号提案的答\n复", TITLE, "-"),
        // The issuer's name on the first line.
        ("某市科学技术局\n关于市政协十四届二次会议第123号提案的答复", ISSUED, "-"),
        ("某市科学技术局关于市政协十四届\n二次会议第123号提案的答复", ISSUED, "-"),
        // Followed by its number line, a class note, or 类别 / 公开方式 rows.
        ("关于市政协十四届二次会议第123号提案的答复\n某科函〔2023〕12号", TITLE, NUMBER),
        ("关于市政协十四届二次会议第123号提案的答复\n类别：B类\n公开方式：主动公开", TITLE, "-"),
        ("关于市政协十四届二次会议第123号提案的答复\n类别：A 签发人：张三", TITLE, "-"),
        ("关于市政协十四届二次会议第123号提案的答复\n（B类）\n某科函〔2023〕12号", TITLE, NUMBER),
        ("某科函〔2023〕12号\n关于市政协十四届二次会议第123号提案的答复", TITLE, NUMBER),
        // Its number in the site's brackets on its line under the title.
        ("关于市政协十四届二次会议第123号提案的答复\n【某科函〔2023〕12号】", TITLE, NUMBER),
        ("关于市政协十四届二次会议第123号提案的答复\n[ 某科函〔2023〕12号 ]", TITLE, NUMBER),
        // Its number on its line after white space, or the letterhead's lines above (its
        // 签发人 row too).
        ("签发人：张三\n某科函〔2023〕12号\n关于市政协十四届二次会议第123号提案的答复", TITLE, NUMBER),
        // Under a list of the site's other documents (their links broken over lines too), over
        // the page's metadata line.
        (
            "关于加强\n科技创新的通知\n关于印发\n某方案的通知\n关于市政协十四届二次会议第123号提案的答复\n发布时间：2023-05-06",
            TITLE,
            "-",
        ),
        (
            "热点新闻\n关于加强科技创新的通知\n关于市政协十四届二次会议第123号提案的答复\n发布时间：2023-05-06",
            TITLE,
            "-",
        ),
        ("关于市政协十四届二次会议第123号提案的答复　某科函〔2023〕12号", TITLE, NUMBER),
        ("关于市政协十四届二次会议第123号提案的答复 某科函 〔2023〕 12号", TITLE, NUMBER),
        ("某市科学技术局\n某科函〔2023〕12号\n关于市政协十四届二次会议\n第123号提案的答复", TITLE, NUMBER),
        // Twice: a headline and the document's own, or the metadata rows' and the headline.
        (
            "关于市政协十四届二次会议第123号提案的答复\n发布时间：2023-05-06\n关于市政协十四届二次会议第123号提案的答复",
            TITLE,
            "-",
        ),
        (
            "标题：关于市政协十四届二次会议第123号提案的答复\n发文字号：某科函〔2023〕12号\n关于市政协十四届二次会议第123号提案的答复",
            TITLE,
            NUMBER,
        ),
        ("标 题 关于市政协十四届二次会议第123号提案的答复\n关于市政协十四届\n二次会议第123号提案的答复", TITLE, "-"),
        // Only in the metadata rows: colons, cells apart by white space, a table's row as text.
        ("信息名称：关于市政协十四届二次会议第123号提案的答复", TITLE, "-"),
        ("索引号：123/2023-001 信息名称：关于市政协十四届二次会议第123号提案的答复 公开方式：主动公开", TITLE, "-"),
        ("名称：关于市政协十四届二次会议第123号提案的答复\n文号：某科函〔2023〕12号", TITLE, NUMBER),
        ("| 标题 | 关于市政协十四届二次会议第123号提案的答复 |\n| 文号 | 某科函〔2023〕12号 |", TITLE, NUMBER),
        ("|标题|关于市政协十四届二次会议第123号提案的答复|文号|某科函〔2023〕12号|", TITLE, NUMBER),
    ];
    for (head, title, number) in cases {
        let got = under(head);
        assert_eq!(got[..2], want(&[("title", title), ("number", number)])[..], "{head}");
    }
}

#[test]
fn a_dates_label_written_without_its_last_char() {
    // `公开日`, `发布日` for 公开日期, 发布日期: in a row of cells, or with a colon.
    for row in ["索 引 号 0106/2023-00071 发布机构 某区政府办公室 公开日 2023-07-04", "发布日：2023-07-04 来源：某局"]
    {
        assert_eq!(
            under(&format!("{TITLE}\n{row}")),
            want(&[("title", TITLE), ("number", "-"), ("published", "2023-07-04"), ("signed", "2023-08-22")]),
            "{row}"
        );
    }
}

#[test]
fn a_title_broken_after_the_office_or_the_meeting_is_joined() {
    let body = "\n张三代表：\n您提出的建议收悉。";
    // (how it breaks, the title's lines): the whole title is read.
    let cases: &[(&str, &str)] = &[
        ("after the meeting", "归档时间:\n已归档\n某县交通运输局对县十八届人大三次会议\n第21号建议的回复"),
        ("after the meeting, no office", "县政协十届二次会议\n第82号提案的复函"),
        ("under a form's row", "时效性: 有效\n某州林业和草原局对州十二届人大四次会议\n第80号建议的答复"),
        ("after the committee", "某市市场监督管理局对政协某市委员会\n五届三次会议第201号提案的答复"),
        (
            "before the proposal's title in brackets",
            "某区市场监管局关于对区十三届人大四次会议第8号建议\n的答复(关于加强校园周边食品安全综合治理的建议)",
        ),
    ];
    for (kind, head) in cases {
        let want: String = head.lines().filter(|l| !l.contains("归档") && !l.contains(':')).collect();
        assert_eq!((*kind, plain(&format!("{head}{body}"))), (*kind, want));
    }
}

#[test]
fn titles_set_centred_or_bold_under_a_sites_lines() {
    let tail: Lines = &[
        ("张三委员：", PLAIN),
        ("您提出的提案收悉。现答复如下：", PLAIN),
        ("感谢支持。", PLAIN),
        ("某市科学技术局", PLAIN),
        ("2023年8月22日", PLAIN),
    ];
    const ISSUED: &str = "某市科学技术局关于市政协十四届二次会议第123号提案的答复";
    let cases: &[(Lines, &str, &str)] = &[
        (
            &[
                ("本网站已支持IPv6，欢迎使用。", CENTRED),
                ("关于市政协十四届二次会议", CENTRED),
                ("第123号提案的答复", CENTRED),
            ],
            TITLE,
            "-",
        ),
        (
            &[("某市科学技术局", CENTRED), ("关于市政协十四届二次会议", CENTRED), ("第123号提案的答复", CENTRED)],
            ISSUED,
            "-",
        ),
        (&[(TITLE, CENTRED), ("某科函〔2023〕12号", CENTRED)], TITLE, "某科函〔2023〕12号"),
        (&[("政协提案", CENTRED), (TITLE, CENTRED)], TITLE, "-"),
        (
            &[
                ("关于市政协十四届二次会议第123号", BOLD),
                ("提案的答复", BOLD),
                ("类别：A", PLAIN),
                ("签发人：李四", PLAIN),
            ],
            TITLE,
            "-",
        ),
        // A toolbar's words, plain, over the title set centred on two lines and its class note.
        (
            &[
                ("无障碍", PLAIN),
                ("长者模式", PLAIN),
                ("关于市政协十四届二次会议第123号", CENTRED),
                ("提案的答复", CENTRED),
                ("（B类）", CENTRED),
            ],
            TITLE,
            "-",
        ),
        // The same in plain text: the title's start that the next line completes.
        (
            &[
                ("无障碍", PLAIN),
                ("长者模式", PLAIN),
                ("关于市政协十四届二次会议第123号", PLAIN),
                ("提案的答复", PLAIN),
            ],
            TITLE,
            "-",
        ),
    ];
    for (head, title, number) in cases {
        let mut lines = head.to_vec();
        lines.extend_from_slice(tail);
        assert_eq!(seen(&lines)[..2], want(&[("title", title), ("number", number)])[..], "{head:?}");
    }
}

#[test]
fn a_headline_broken_over_two_lines_far_below_the_sites_name() {
    // The site's name, its breadcrumb and index rows, then the headline over the page's
    // metadata line broken before its proposal's number: both lines are the title.
    let text = "• 无障碍\n  • 长辈版\n市水利局\n您现在所在的位置: 网站首页> 政府信息公开首页 > 市水利局 > 人大代表建议和政协委员提案办理 > 人大代表建议办理\n索引号: 11341723003254129A/202311-00011 组配分类: 人大代表建议办理\n发布机构: 市水利局 主题分类: 农业、林业、水利\n名称: 关于对市一届人大三次会议第73号建议的答复函 文号:\n生成日期: 2023-11-03 发布日期: 2023-11-03\n索引号: 11341723003254129A/202311-00011\n组配分类: 人大代表建议办理\n发布机构: 市水利局\n主题分类: 农业、林业、水利\n名称: 关于对市一届人大三次会议第73号建议的答复函\n文号:\n生成日期: 2023-11-03\n发布日期: 2023-11-03\n关于对市一届人大三次会议\n第73号建议的答复函\n发布时间:2023-11-03 09:33 来源:市水利局 浏览次数: 字体:[ ]\n\n关于对市一届人大次会议第73号建议的答复函\n\n ";
    assert_eq!(seen(&plain_lines(text))[..1], want(&[("title", "关于对市一届人大三次会议第73号建议的答复函")])[..]);
}

#[test]
fn a_titles_value_broken_over_two_lines_is_read_whole() {
    // A bulleted index list whose title's value is broken in two, the title again below.
    let text = "  • 公文名称:\n对十四届全国人大一次会议\n第6826号建议的答复\n  • 发文单位:\n    某部\n  • 废止日期:\n对十四届全国人大一次会议第6826号建议的答复\n选择字体:[--] 发布时间:2023-12-29 14:43:43\n张三代表:\n  您提出的建议收悉。";
    assert_eq!(seen(&plain_lines(text))[..1], want(&[("title", "对十四届全国人大一次会议第6826号建议的答复")])[..]);
    // Broken in three, with no title below it: the label's value is the whole title.
    let text = "标  题:\n某县教育和体育局对县政协十一届\n二次会议第202302B46号提案的答复(关于\n强化全民健身公共服务体系的提案)\n\
                届  次:\n县政协十一届二次会议\n发布时间:2023-06-05\n\n张三委员:\n您提出的提案收悉。";
    assert_eq!(
        seen(&plain_lines(text))[..1],
        want(&[(
            "title",
            "某县教育和体育局对县政协十一届二次会议第202302B46号提案的答复(关于强化全民健身公共服务体系的提案)"
        )])[..]
    );
}

#[test]
fn a_title_broken_where_it_cannot_end_is_joined() {
    let body = "\n张三代表:\n您提出的建议收悉,现答复如下:\n我局已着手办理。";
    let cases: &[(&str, &str)] = &[
        // A headline's start ends with a meeting's name, its end sits over the page's date.
        (
            "区一届人大三次会议\n收到建议120件\n来源:某区人民政府 发布时间: 2021-01-23 22:27",
            "区一届人大三次会议收到建议120件",
        ),
        ("某区人大常委会交办区七届人大五次会议\n代表建议\n2011-04-20", "某区人大常委会交办区七届人大五次会议代表建议"),
        // … on three lines, the second ending like the first.
        (
            "县政协十一届四次会议\n提案委成员会议\n召开 通过拟立案提案40件\n发布时间:2024-02-03 浏览次数:189",
            "县政协十一届四次会议提案委成员会议召开 通过拟立案提案40件",
        ),
        // A start ending in 的 over a line whose note in brackets holds a comma.
        (
            "对区十届人大二次会议第12号代表建议的\n答复(关于增设路灯,方便群众出行的建议)",
            "对区十届人大二次会议第12号代表建议的答复(关于增设路灯,方便群众出行的建议)",
        ),
        // A line that opens with the proposal's number in brackets ends the title.
        (
            "对市九届人大二次会议《关于改善供热质量的建议》\n(第12号)建议的答复",
            "对市九届人大二次会议《关于改善供热质量的建议》(第12号)建议的答复",
        ),
        // The office's name apart by a space from its `对…`.
        (
            "某县交通运输局 对某县第九届人民代表大会\n第二次会议的第6号建议的答复",
            "某县交通运输局 对某县第九届人民代表大会第二次会议的第6号建议的答复",
        ),
        // An office's name right above a headline whose subject it is.
        (
            "请输入检索词\n县文化和旅游局\n认真办理人大代表建议\n发布时间:2021-09-01 来源:县融媒体中心",
            "县文化和旅游局认真办理人大代表建议",
        ),
        (
            "请输入检索词\n区交通运输局\n2022年建议提案办理情况\n发布日期:2023-02-02",
            "区交通运输局2022年建议提案办理情况",
        ),
    ];
    for (head, want) in cases {
        assert_eq!(plain(&format!("{head}{body}")), *want, "{head}");
    }
    // A title that reads whole keeps to its line: the line under it is not its end.
    assert_eq!(
        plain("关于对县政协十届三次会议第53号提案的答复\n县交通运输局\n2023年6月1日\n张三委员:\n您的提案收悉。"),
        "关于对县政协十届三次会议第53号提案的答复"
    );
}

#[test]
fn a_headline_over_a_dates_label_and_its_value_on_the_next_line() {
    // A breadcrumb one crumb a line, then the headline (a colon inside it) over `时间:` whose
    // value stands on the next line: the headline is the title, not the last crumb.
    let text = "当前位置:\n首页\n>>\n镇街人大\n某镇人大:关注民生 落实代表议案\n时间:\n2018-05-18\n编辑:\nadmin\n近日,镇人大督办代表议案。";
    assert_eq!(plain(text), "某镇人大:关注民生 落实代表议案");
}

#[test]
fn a_title_broken_after_the_office_or_before_its_last_words() {
    let body = "\n张三代表:\n您提出的建议收悉,现答复如下:\n我局已着手办理。";
    let cases: &[(&str, &str)] = &[
        // The office's name over its `对…` line, under the site's lines.
        ("网站首页\n当前位置:首页 > 建议提案\n某市生态环境局\n对市政协八届四次会议第12号提案的答复\n发布时间:2020-09-23 16:50", "某市生态环境局对市政协八届四次会议第12号提案的答复"),
        // The office's name broken before its last part (`办公室`), then `关于…`.
        ("网站首页\n当前位置:首页 > 政策文件\n某市人民政府\n办公室 关于印发某办法的通知\n发布时间:2020-09-23 16:50", "某市人民政府办公室 关于印发某办法的通知"),
        // A title broken before its last words (`的答复函`), the proposal's title in 《》 after them.
        ("2019年\n区政协八届二次会议第77号提案\n的答复函《关于发展旅游的建议》\n文章来源: 发布时间:2019-12-06", "区政协八届二次会议第77号提案的答复函《关于发展旅游的建议》"),
        // A follow-up reply (续办续复) ends a title too.
        ("某市人民政府\n对政协某州十一届二次会议第257号提案的续办续复\n发布时间:2017-09-23 16:50", "某市人民政府对政协某州十一届二次会议第257号提案的续办续复"),
        // … under a proposal's form.
        ("建议号:201号\n提案人:某某\n承办单位:教育局\n某县教育局关于某县第十六届人大三次会议第201号建议\n的答复函", "某县教育局关于某县第十六届人大三次会议第201号建议的答复函"),
    ];
    for (head, want) in cases {
        assert_eq!(plain(&format!("{head}{body}")), *want, "{head}");
    }
    // A bullet's value above a title (a metadata list's 服务对象) is no office's name.
    assert_eq!(
        plain("  • 服务对象\n  • 全社会\n对市十一届人大二次会议第47号建议的答复\n发布日期:2019-06-20 浏览次数:\n张三代表:\n您的建议收悉。"),
        "对市十一届人大二次会议第47号建议的答复"
    );
}

#[test]
fn an_offices_name_over_a_headline_with_a_subject_of_its_own_stays_apart() {
    // The site's name right above a headline that names its own office or place: not its start.
    let cases: &[(&str, &str)] = &[
        (
            "某某市人民政府\n信阳市林业局就《某通知(征求意见稿)》公开征求意见\n近年来,我局起草了通知。",
            "信阳市林业局就《某通知(征求意见稿)》公开征求意见",
        ),
        (
            "某某市人民政府\n县政协十届二次会议第82号提案的复函\n张三委员:\n您的提案收悉。",
            "县政协十届二次会议第82号提案的复函",
        ),
        ("某某市人民政府\n第27号提案的答复\n张三委员:\n您的提案收悉。", "第27号提案的答复"),
        ("某某市人民政府\n河北省机关运行保障条例\n第一章 总则", "河北省机关运行保障条例"),
    ];
    for (text, want) in cases {
        assert_eq!(plain(text), *want, "{text}");
    }
}

#[test]
fn a_title_on_three_lines_under_the_sites_lines_is_read_whole() {
    let meta = "\n发布时间:2023-06-14 10:32 来源:某局\n张三代表:\n您的建议收悉。";
    let cases: &[(&str, &str)] = &[
        // Its first line ends with 关于, the second merely ends like a start (…会议).
        ("网站首页\n当前位置:首页 > 建议提案\n某市科学技术局 关于\n市六届人大一次会议\n第0226号建议办理情况的答复函", "某市科学技术局 关于市六届人大一次会议第0226号建议办理情况的答复函"),
        // It opens with 对, the lines under it open no title of their own.
        ("网站首页\n当前位置:首页 > 建议提案\n对某省第十三届人民代表大会\n第五次会议\n第1218号建议的答复", "对某省第十三届人民代表大会第五次会议第1218号建议的答复"),
        // The office's name, its 对… line, the proposal's number.
        ("网站首页\n当前位置:首页 > 建议提案\n某州林业和草原局\n对州十二届人大四次会议\n第0080号建议的答复", "某州林业和草原局对州十二届人大四次会议第0080号建议的答复"),
        // A 印发 line cannot end a title: the notice's last words are below it.
        ("网站首页\n当前位置:首页 > 政策文件\n某市人民政府办公室关于\n印发《某市政府信息主动公开办法》\n等6个办法的通知", "某市人民政府办公室关于印发《某市政府信息主动公开办法》等6个办法的通知"),
        // The office's name and a place's run into its 对, the meeting's name on the next line.
        ("网站首页\n当前位置:首页 > 建议提案\n某县水务局对某县\n第十八届人民代表大会第四次会议\n第42号建议案的答复", "某县水务局对某县第十八届人民代表大会第四次会议第42号建议案的答复"),
        // A start ending in 关于 goes on over a line that opens with 对.
        ("网站首页\n当前位置:首页 > 建议提案\n2022年度某区人民政府关于\n对市政协十一届一次会议第11号提案的答复(关于发展夜间经济的建议)", "2022年度某区人民政府关于对市政协十一届一次会议第11号提案的答复(关于发展夜间经济的建议)"),
    ];
    for (head, want) in cases {
        assert_eq!(plain(&format!("{head}{meta}")), *want, "{head}");
    }
    // A complete title above a `关于…` title (a list's item) is not its start.
    assert_eq!(
        plain(&format!("网站首页\n当前位置:首页 > 建议提案\n关于做好防汛工作的通知\n关于对县十六届人大二次会议第8号议事原案的答复{meta}")),
        "关于对县十六届人大二次会议第8号议事原案的答复"
    );
}

#[test]
fn a_title_on_three_lines_whose_middle_opens_with_就_on_a_text() {
    // An office's name, `就《…》` (the text the title is on), then what the office does with it.
    let text = "某市林业局\n就《关于加强林木管护工作的通知(征求意见稿)》\n公开征求意见\n近年来，我局起草了上述通知，现公开征求意见。\n某市林业局\n2021年5月8日";
    assert_eq!(plain(text), "某市林业局就《关于加强林木管护工作的通知(征求意见稿)》公开征求意见");
    // `就业…` is no such line: the headline under it stays the title.
    let text = "就业创业服务\n某县人社局关于做好就业见习工作的通知\n各乡镇：\n现将有关事项通知如下。";
    assert_eq!(plain(text), "某县人社局关于做好就业见习工作的通知");
}

#[test]
fn a_salutation_that_lost_its_colon_is_no_title() {
    // `某某代表` with no colon over the letter's first words: the salutation, the reply untitled.
    let text = "张三代表\n\n您提出的《关于加强电动车管理的建议》已收悉,现答复如下:\n我局已着手办理。\n某县公安局\n2023年8月15日";
    assert_eq!(plain(text), "");
    // A title above it stays the title.
    let text = "关于某县第十届人大第3号建议的答复\n李四等代表\n你们提出的建议收悉,现答复如下:\n我局已着手办理。";
    assert_eq!(plain(text), "关于某县第十届人大第3号建议的答复");
}

#[test]
fn a_key_over_the_number_or_the_salutation_is_the_pages_not_the_salutation() {
    let salutation = |text: &str| crate::parse::parse(text).salutation.map(|p| p.text);
    let text = "对县政协第57号提案的答复\n时间: 2020-12-07\n配色方案:\n某农函〔2020〕127号\n张三委员:\n您的提案收悉。";
    assert_eq!(salutation(text).as_deref(), Some("张三委员:"));
    let text = "对县政协第57号提案的答复\n选择阅读模式:\n张三委员:\n您的提案收悉。";
    assert_eq!(salutation(text).as_deref(), Some("张三委员:"));
    // The salutation over the letter stays one.
    assert_eq!(salutation("对县政协第57号提案的答复\n张三委员:\n您的提案收悉。").as_deref(), Some("张三委员:"));
}

#[test]
fn a_line_above_a_breadcrumb_is_the_sites_frame() {
    // The site's name over its breadcrumb at the article's top, the headline set outside: the
    // note under them still dates the document.
    let lines = [
        "某某网",
        "主页 > 政策 > 法规 > >",
        "2010-09-20",
        "(1994年2月3日国务院令第146号发布)",
        "第一条 为了合理安排，制定本规定。",
    ];
    let hints = Hints { title: Some("国务院关于某事的规定".into()), headline: true, ..Hints::default() };
    let r = parse_lines(&lines, &hints).reply;
    assert_eq!((r.title.as_str(), r.signed.as_deref()), ("国务院关于某事的规定", Some("1994-02-03")));
    assert_eq!(r.meta.first().map(String::as_str), Some("某某网"));
    // In a plain text the title under them is the title.
    assert_eq!(
        plain("某某网\n首页 > 政策 > 法规\n国务院关于某事的规定\n第一条 为了合理安排，制定本规定。"),
        "国务院关于某事的规定"
    );
}

#[test]
fn a_summary_row_under_the_title_gives_its_number() {
    let text = "某某关于同意调整某市部分行政区划的批复\n某某关于同意调整某市部分行政区划的批复 国函〔2014〕58号 中华人民共和国国务院 2014年5月2日 |\n某市人民政府:\n收悉。";
    let r = crate::parse::parse(text);
    assert_eq!(
        (r.title.as_str(), r.document_number.as_deref()),
        ("某某关于同意调整某市部分行政区划的批复", Some("国函〔2014〕58号"))
    );
    // A wiki's note after the headline that the row has not: the site's.
    let r = crate::parse::parse(&text.replacen("批复\n", "批复 (2014年)\n", 1));
    assert_eq!(r.title, "某某关于同意调整某市部分行政区划的批复");
}

#[test]
fn the_sites_footer_above_the_letter_is_not_the_title() {
    // A page whose stored text opens with its footer (sponsor, registration numbers), then the
    // number and the salutation: no title.
    let text = "主办:某县人民政府 承办:某日报社 地址:某县建设路 网站维护:0396-1234567\n网站标识码:4117000001 备案序号:豫ICP备15000000号\n某政办文〔2024〕6号\n张三代表:\n您提出的建议已收悉。现答复如下:";
    assert_eq!(plain(text), "");
    // A title under such a line stays the title.
    let text =
        "主办:某县人民政府 承办:某日报社\n关于县十届人大二次会议第6号建议的答复\n张三代表:\n您提出的建议已收悉。";
    assert_eq!(plain(text), "关于县十届人大二次会议第6号建议的答复");
}

#[test]
fn the_site_s_lists_and_keys_above_a_title_are_not_the_title() {
    let body = "张三委员：\n您提出的建议收悉。现答复如下。";
    // A bulleted index list's values, a three-item menu, crumbs apart by slashes.
    let cases = [
        "• 00123456X/2024-00036\n  • 某区公安局\n  • 全社会\n关于某路段交通拥堵的建议的答复",
        "政协概况\n建言献策\n工作动态\n关于某路段交通拥堵的建议的答复",
        "首页/ 政务公开/ 建议提案办理/ 正文\n关于某路段交通拥堵的建议的答复",
        // A key with no value over the page's metadata (`责任部门:` over `公开方式: 主动公开`).
        "索引号: 640000018/2020-00446\n责任部门:\n公开方式: 主动公开\n关于某路段交通拥堵的建议的答复",
        // A date's label with no date takes no title; a bulleted key is no salutation.
        "• 发布机构:\n  • 某县水利局\n  • 成文日期:\n关于某路段交通拥堵的建议的答复",
        "  • 统一编号:\n    HCSD01-2023-0006\n关于某路段交通拥堵的建议的答复",
        // A number's label with no number takes no title; a search box's label is the page's.
        "发布机构: 某县水利局\n文号:\n关于某路段交通拥堵的建议的答复",
        "通知公告\n搜索热词:\n关于某路段交通拥堵的建议的答复",
        // Keys with no value over a title set on two lines.
        "相关解读:\n相关文件:\n关于某路段交通拥堵的\n建议的答复",
    ];
    for head in cases {
        assert_eq!(plain(&format!("{head}\n{body}")), "关于某路段交通拥堵的建议的答复", "{head}");
    }
}

#[test]
fn a_short_row_between_the_title_and_the_page_s_date_is_the_page_s() {
    let text = "关于某路段交通拥堵的建议的答复\n分类(A)\n发布日期(2020-07-11)\n张三委员：\n您提出的建议收悉。";
    let lines: Vec<&str> = text.lines().collect();
    let r = parse_lines(&lines, &Hints::default()).reply;
    assert_eq!((r.title.as_str(), r.published_date.as_deref()), ("关于某路段交通拥堵的建议的答复", Some("2020-07-11")));
    let text = "关于某路段交通拥堵的建议的答复\n扫一扫分享到朋友圈\n发布日期:2022-10-27 来源: 浏览次数:\n张三委员：\n您提出的建议收悉。";
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(parse_lines(&lines, &Hints::default()).reply.published_date.as_deref(), Some("2022-10-27"));
}

#[test]
fn a_list_box_s_cut_titles_give_way_to_the_title_below() {
    let text = "市政协十六届二次会议立案\n关于调整某市政协十六届\n中国人民政治协商会议某市\n关于召开某市政协十六届\n\
                首页>>履职实践>>工作动态>>内容\n对省十四届人大一次会议第860号建议的答复\n张三代表：\n您提出的建议收悉。";
    assert_eq!(plain(text), "对省十四届人大一次会议第860号建议的答复");
}

#[test]
fn a_bulleted_row_whose_key_no_list_holds_is_metadata_between_listed_rows() {
    let text = "首页\n    • 索引号:113710820043637579/2023-07533\n    • 发布单位:某市人大办\n    • 内容分类:代表建议委员提案办理情况\n    • 成文日期:2023-12-01\n\n对某市人大二次会议第41号建议的答复\n\n张三代表:\n您提出的建议收悉。";
    assert_eq!(plain(text), "对某市人大二次会议第41号建议的答复");
}

#[test]
fn a_document_number_alone_on_a_bullet_is_the_document_s() {
    let text = "某县民政局对某县人大第101号建议的答复\n\n  • 某县民政局\n  • 某民复〔2021〕17号\n  • 2021-08-04 18:08\n\n张三代表\n\n你们提出的建议已交我局办理,现答复如下:";
    let lines: Vec<&str> = text.lines().collect();
    let r = parse_lines(&lines, &Hints::default()).reply;
    assert_eq!(r.document_number.as_deref(), Some("某民复〔2021〕17号"));
}

#[test]
fn a_number_s_label_with_no_value_takes_no_title_that_holds_a_figure() {
    let text = "    • 成文日期:2023-12-01\n    • 文号:\n\n对某市第十九届人民代表大会第二次会议第41号建议的答复\n\n张三代表:\n您提出的建议收悉。";
    assert_eq!(plain(text), "对某市第十九届人民代表大会第二次会议第41号建议的答复");
}

#[test]
fn a_key_with_no_value_between_a_headline_and_its_metadata_line_keeps_the_headline() {
    let text = "您当前所在的位置是:某局>图片新闻\n\n森林城市:涂抹“绿”生活\n访问量:\n发布时间:2019-07-12 来源:某局\n\n“让森林走进城市”,是推动区域经济持续健康发展的新理念。";
    assert_eq!(plain(text), "森林城市:涂抹“绿”生活");
}

#[test]
fn a_wiki_s_name_after_the_headline_or_a_toolbar_word_over_its_summary_row_is_the_site_s() {
    // The wiki's name after white space that the summary row has not: the site's.
    let text = "某某关于同意撤销某地区设立地级某市的批复 某某文库\n某某关于同意撤销某地区设立地级某市的批复 国函〔1997〕46号 中华人民共和国国务院 1997年6月10日 |\n某省人民政府:\n收悉。";
    let r = crate::parse::parse(text);
    assert_eq!(
        (r.title.as_str(), r.document_number.as_deref()),
        ("某某关于同意撤销某地区设立地级某市的批复", Some("国函〔1997〕46号"))
    );
    // A toolbar's word between the headline and the row (`外观`): the page's; the row gives the number.
    let text = "某某关于撤销某地区设立某市的批复\n外观\n某某关于撤销某地区设立某市的批复 国函〔1992〕194号 中华人民共和国国务院 1992年12月11日 |\n某省人民政府:\n收悉。";
    let r = crate::parse::parse(text);
    assert_eq!(
        (r.title.as_str(), r.document_number.as_deref()),
        ("某某关于撤销某地区设立某市的批复", Some("国函〔1992〕194号"))
    );
    // The same under a headline the page sets outside the text.
    let lines = [
        "外观",
        "某某关于撤销某地区设立某市的批复 国函〔1992〕194号 中华人民共和国国务院 1992年12月11日 |",
        "某省人民政府:",
        "收悉。",
    ];
    let hints = Hints {
        title: Some("某某关于撤销某地区设立某市的批复".into()), headline: true, ..Hints::default()
    };
    assert_eq!(parse_lines(&lines, &hints).reply.document_number.as_deref(), Some("国函〔1992〕194号"));
    // And under a title the page gives only in its metadata.
    let hints = Hints { headline: false, ..hints };
    assert_eq!(parse_lines(&lines, &hints).reply.document_number.as_deref(), Some("国函〔1992〕194号"));
    // A title that names a number inside it is no summary row (`关于《…》(委员提案【2023】117号)的答复`).
    assert!(super::summary_number(
        "关于《某某提案》 (委员提案【2023】117号)的答复",
        "关于《某某提案》(委员提案【2023】117号)的答复"
    )
    .is_none());
}

#[test]
fn a_law_database_s_rows_with_labels_run_into_their_values_are_metadata() {
    let text = "发文机关国务院\n发文日期1993年02月09日\n时效性现行有效\n发文字号国函〔1993〕11号\n施行日期1993年02月09日\n效力级别国务院规范性文件\n某自治区人民政府:\n你区的请示收悉,现批复如下:\n一、同意开放某航空口岸。";
    let r = crate::parse::parse(text);
    assert_eq!((r.title.as_str(), r.document_number.as_deref()), ("", Some("国函〔1993〕11号")));
    assert_eq!(r.sections.first().map(|s| s.number.as_str()), Some("一"));
    // A short line that opens a sentence with such a word is no row (`时效性要求高,…`: a comma).
    assert!(super::meta_fields("时效性要求高,请抓紧办理").is_none());
}

#[test]
fn a_headline_with_a_note_the_document_s_own_title_below_has_not_loses_the_note() {
    let text = "某某关于同意某省撤销某地区设立地级某市的批复(2000年32号)\n某某关于同意某省撤销某地区\n设立地级某市的批复\n国函〔2000〕70号\n某省人民政府:\n收悉。";
    let r = crate::parse::parse(text);
    assert_eq!(
        (r.title.as_str(), r.document_number.as_deref()),
        ("某某关于同意某省撤销某地区设立地级某市的批复", Some("国函〔2000〕70号"))
    );
}

#[test]
fn a_title_run_into_its_number_and_the_letter_on_one_line() {
    let text = "某某关于同意设立“某某日”的批复国函〔2017〕51号某委:你委的请示收悉。同意设立。 某某 2017年4月24日";
    let r = crate::parse::parse(text);
    assert_eq!(
        (r.title.as_str(), r.document_number.as_deref()),
        ("某某关于同意设立“某某日”的批复", Some("国函〔2017〕51号"))
    );
}

#[test]
fn a_site_s_date_and_time_run_into_the_words_beside_it_dates_the_page() {
    let text = "国家法定节假日都有哪些\n\n时事新闻2024-02-28 05:20:06某某百科\n\n第一条 为统一假期,制定本办法。";
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(parse_lines(&lines, &Hints::default()).reply.published_date.as_deref(), Some("2024-02-28"));
    // A date with no time glued to words is none (`编号20240228号`).
    assert!(super::shape::dateline("某某2024-02-28某某").is_none());
}

#[test]
fn a_key_with_no_value_over_a_title_takes_no_title() {
    // `来源:` with no value (the site's metadata row left empty) over a `关于…` title: the title is
    // the document's, not the source's value.
    let text = "来源:\n关于加强校园周边交通管理的建议的答复\n张委员：\n您的建议收悉。\n某局\n2024年5月6日";
    assert_eq!(plain(text), "关于加强校园周边交通管理的建议的答复");
    // A title's key takes it.
    let text = "标题:\n关于加强校园周边交通管理的建议的答复\n张委员：\n您的建议收悉。";
    assert_eq!(plain(text), "关于加强校园周边交通管理的建议的答复");
}

#[test]
fn a_column_s_name_over_a_long_menu_gives_way_to_the_title() {
    // A column's name, then a menu of fifteen short items (none counts as a line of text), then
    // the document's title.
    let menu = "主页\n人大概况\n监督纵横\n人事任免\n议案建议\n府院之声\n镇街人大\n人大宣传\n人大要闻\n代表风采\n\
        学习园地\n专题专栏\n联系我们\n机关建设\n街道动态";
    let text = format!("通用导航\n{menu}\n对区十八届人大四次会议第49号建议的复函\n张代表：\n您的建议收悉。");
    assert_eq!(plain(&text), "对区十八届人大四次会议第49号建议的复函");
}

#[test]
fn a_date_after_the_title_on_its_line_is_the_page_s_never_the_title_s() {
    let date = Some("2021-01-23".to_string());
    let body = "截至1月21日下午5时，共收到建议168件。\n这些建议集中反映了代表的意愿。";
    let lines = |text: &str| -> Vec<(String, LineStyle)> { text.lines().map(|l| (l.to_string(), PLAIN)).collect() };
    let head = |text: String| {
        let l = lines(&text);
        let l: Vec<(&str, LineStyle)> = l.iter().map(|(t, s)| (t.as_str(), *s)).collect();
        let (t, _, p, _) = read(&l);
        (t, p)
    };
    // A news headline that ends like no document, a list's row (title, white space, date).
    let got = head(format!("首页 > 专题 > 两会聚焦\n区一届人大五次会议收到建议168件　　2021-01-23\n{body}"));
    assert_eq!(got, ("区一届人大五次会议收到建议168件".to_string(), date.clone()));
    // The title with its date, then the title set again (the document's own).
    let got = head(format!("对市政协十五届三次会议第124号提案的答复　　2021-01-23\n对市政协十五届三次会议第124号提案的答复\n张委员：\n{body}"));
    assert_eq!(got, ("对市政协十五届三次会议第124号提案的答复".to_string(), date.clone()));
    // A headline with a colon is no form's line with its date after it.
    let got = head(format!("森林城市:涂抹“绿”生活　　2021-01-23\n{body}"));
    assert_eq!(got, ("森林城市:涂抹“绿”生活".to_string(), date.clone()));
    // A list box's cut titles over it give way to it.
    let got = head(format!(
        "政协公告\n市政协十六届二次会议立案\n关于调整溧阳市政协十六届\n当前位置:\n首页>>工作动态>>内容\n\
         市领导领办市政协重点提案　　2021-01-23\n{body}"
    ));
    assert_eq!(got, ("市领导领办市政协重点提案".to_string(), date));
}

#[test]
fn a_column_s_name_gives_way_to_a_news_headline_over_its_date() {
    let text = "政府信息公开\n(县农业农村局)\n索引号\n发布机构\n县农业农村局\n文  号\n日期\n\
        吉利区人大常委会认真交办区七届人大五次会议代表建议\n2011-04-20\n日前，区人大常委会决定将建议转交区政府办理。";
    assert_eq!(plain(text), "吉利区人大常委会认真交办区七届人大五次会议代表建议");
}

#[test]
fn a_title_s_value_on_three_lines_goes_on_over_a_break_before_its_last_words() {
    let text = "• 公文名称:\n某县文化和旅游局关于县十七届人民代表大会第三次会议\n第110号代表建议办理情况\n的答复函\n\
        尊敬的肖海代表:\n您的建议收悉。";
    assert_eq!(plain(text), "某县文化和旅游局关于县十七届人民代表大会第三次会议第110号代表建议办理情况的答复函");
}

#[test]
fn a_salutation_naming_its_addressee_ends_a_form_s_search_for_its_headline() {
    // A form's line (`内容概述: …`) over `彭军代表:` and the letter: a list of other pages under the
    // letter gives no title. (`彭军代表:` is no key with no value either.)
    let text = "- 内容概述: 省十四届人大一次会议第1371号建议的答复\n彭军代表:\n《关于推动茶科技发展的建议》收悉。现答复如下:\n\
        近年来，我委高度重视。\n某委员会\n2023年4月27日\n相关文章\n关于市政协第5号提案的答复　2023-03-28";
    assert_ne!(plain(text), "关于市政协第5号提案的答复");
}

#[test]
fn a_title_s_last_line_with_the_page_s_date_after_it_ends_the_title() {
    let text =
        "关于加强校园周边交通管理的\n建议的答复　2024-05-06\n张委员：\n您的建议收悉。现答复如下。\n某局\n2024年4月30日";
    let lines: Vec<(&str, LineStyle)> = text.lines().map(|l| (l, PLAIN)).collect();
    let (t, _, p, _) = read(&lines);
    assert_eq!((t.as_str(), p.as_deref()), ("关于加强校园周边交通管理的建议的答复", Some("2024-05-06")));
    // The title with a labelled date after it, one crumb after the home page above it.
    let text =
        "首页 > 建议提案\n关于加强校园周边交通管理的建议的答复　发布时间：2024年5月6日\n张委员：\n您的建议收悉。";
    let lines: Vec<(&str, LineStyle)> = text.lines().map(|l| (l, PLAIN)).collect();
    let (t, _, p, _) = read(&lines);
    assert_eq!((t.as_str(), p.as_deref()), ("关于加强校园周边交通管理的建议的答复", Some("2024-05-06")));
}
