use crate::model::Section;
use crate::parse::parse;

/// The outline as lines: `  一 标题`.
fn outline(sections: &[Section]) -> Vec<String> {
    fn walk(sections: &[Section], depth: usize, out: &mut Vec<String>) {
        for s in sections {
            out.push(format!("{}{} {}", "  ".repeat(depth), s.number, s.title));
            walk(&s.children, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(sections, 0, &mut out);
    out
}

const LETTER: &str = "国务院办公厅关于有关问题的复函\n湖北省人民政府：\n你省请示收悉。现函复如下：\n\
    一、同意开展监测。\n二、做好搬迁工作。\n\
    附件：1.国土资源部关于地质险情调研情况的报告\n2.地质险情调查意见\n国务院办公厅\n二〇〇四年十一月四日\n\
    附件1\n关于湖北省巴东县马鬃山村\n地质险情调研情况的报告\n国务院：\n现将调研情况报告如下。\n\
    一、基本情况\n马鬃山村位于长江南岸，距江边700米。\n二、建议意见\n建议继续监测。\n国土资源部\n二〇〇四年十月十日\n\
    附件2\n2004年地质险情调查意见\n专家组4月14日实地调查。\n（一）成因分析。倾向于浅源地震。\n";

#[test]
fn attachments_after_the_signature_are_top_level_sections() {
    let r = parse(LETTER);
    assert_eq!(
        outline(&r.sections),
        [
            "一 同意开展监测",
            "二 做好搬迁工作",
            "附件1 关于湖北省巴东县马鬃山村地质险情调研情况的报告",
            "  一 基本情况",
            "  二 建议意见",
            "附件2 2004年地质险情调查意见",
            "  （一） 成因分析",
        ]
    );
    // The letter's own signature stays in its text, in reading order, as does the list under
    // 附件：; the reply's signature is what ends the page (here: none).
    let last: Vec<&str> = r.sections[1].paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(last[last.len() - 2..], ["国务院办公厅", "二〇〇四年十一月四日"]);
    assert!(r.signature.is_empty());
    let r = parse(&format!("{LETTER}国土资源部\n二〇〇四年十月十日"));
    let signature: Vec<&str> = r.signature.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(signature, ["国土资源部", "二〇〇四年十月十日"]);
}

#[test]
fn nothing_of_an_attachment_is_lost() {
    let r = parse(LETTER);
    let a = &r.sections[2];
    let texts: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["关于湖北省巴东县马鬃山村", "地质险情调研情况的报告", "国务院：", "现将调研情况报告如下。"]);
    // Its title's figures are not counted twice; the figures of its text are its own.
    let of = |section: &str| -> Vec<(String, String)> {
        r.figures
            .iter()
            .filter(|f| f.section == section || f.section.starts_with(&format!("{section}-")))
            .map(|f| (f.text.clone(), f.paragraph.clone()))
            .collect()
    };
    assert_eq!(of("s3"), [("700米".to_string(), "s3-1-p1".to_string())]);
    assert_eq!(of("s4"), [("2004年".to_string(), "s4-p1".to_string())], "the title's year once, in its line");
}

#[test]
fn a_letter_without_headings_and_an_attachment() {
    let text = "复函\n湖北省人民政府：\n你省请示收悉。同意。\n国务院办公厅\n2004年11月4日\n（此件公开发布）\n\
                附件 第二批改革举措推广清单\n序号\n一、知识产权保护方面（共5项）\n1\n三合一审判\n二、科技金融方面（共4项）";
    let r = parse(text);
    assert_eq!(
        outline(&r.sections),
        ["附件 第二批改革举措推广清单", "  一 知识产权保护方面（共5项）", "  二 科技金融方面（共4项）"]
    );
    let preamble: Vec<&str> = r.preamble.iter().map(|p| p.text.as_str()).collect();
    assert!(preamble.contains(&"你省请示收悉。同意。"), "{preamble:?}");
}

#[test]
fn a_label_in_the_text_is_no_attachment() {
    // 附件 before any signature, 附件材料 and 附件： are words of the letter.
    let text = "答复\n一、关于材料\n附件1\n附件材料已经收到。\n二、关于经费\n附件：清单\n市科技局\n2023年8月22日";
    let r = parse(text);
    assert_eq!(outline(&r.sections), ["一 关于材料", "二 关于经费"]);
}

#[test]
fn a_download_link_is_no_attachment() {
    let text = "答复\n一、关于经费\n已安排。\n市科技局\n2023年8月22日\n附件\n经费明细.xlsx";
    let r = parse(text);
    assert_eq!(outline(&r.sections), ["一 关于经费"]);
}

#[test]
fn an_attachments_title_on_two_lines_and_what_follows_it() {
    let text = "通知\n一、工作任务\n做好工作。\n国务院办公厅\n2019年1月9日\n\
                附件1\n关于印发城镇小区配套幼儿园治理工作方案\n的通知\n（共3项）\n一、摸底排查\n\
                附件2\n重点任务分工\n序号\n一、工作要求";
    let r = parse(text);
    assert_eq!(
        outline(&r.sections),
        [
            "一 工作任务",
            "附件1 关于印发城镇小区配套幼儿园治理工作方案的通知",
            "  一 摸底排查",
            "附件2 重点任务分工",
            "  一 工作要求",
        ]
    );
}

#[test]
fn an_attachments_heading_is_its_label_line_in_the_page() {
    let lines: Vec<&str> = LETTER.split('\n').collect();
    let parsed = crate::parse::parse_lines(&lines, &crate::parse::Hints::default());
    let at = lines.iter().position(|l| *l == "附件1").unwrap() as u32;
    let span = parsed.origins.get("s3").unwrap();
    assert_eq!((span.line, span.start, span.text, span.end), (at, 0, 3, 3), "the label, no title on its line");
    // Its title lines are where they stand, as paragraphs.
    let title = parsed.origins.get("s3-p1").unwrap();
    assert_eq!((title.line, title.start), (at + 1, 0));
}

#[test]
fn attachments_under_a_signature_without_its_date() {
    // The page left the date out: the office line ends the letter all the same.
    let text = "关于做好工作的通知\n各单位：\n现就有关事项通知如下。\n一、工作任务\n做好工作。\n二、工作要求\n\
                附件：1.实施方案\n2.任务清单\n市人民政府办公室\n附件1\n实施方案\n一、总体要求\n\
                （一）指导思想。坚持发展。\n二、主要任务\n附件2\n任务清单\n1.任务一。做好。\n2.任务二。";
    let r = parse(text);
    assert_eq!(
        outline(&r.sections),
        [
            "一 工作任务",
            "二 工作要求",
            "附件1 实施方案",
            "  一 总体要求",
            "    （一） 指导思想",
            "  二 主要任务",
            "附件2 任务清单",
            "  1 任务一",
            "  2 任务二",
        ]
    );
}

#[test]
fn an_attachment_labelled_with_a_colon_below_the_signature() {
    let text = "通知\n一、工作任务\n做好工作。\n市人民政府\n2023年1月5日\n\
                附件1：实施方案\n一、总体要求\n坚持发展。\n二、主要任务\n附件2：任务清单\n1.任务一\n2.任务二";
    let r = parse(text);
    assert_eq!(
        outline(&r.sections),
        [
            "一 工作任务",
            "附件1 实施方案",
            "  一 总体要求",
            "  二 主要任务",
            "附件2 任务清单",
            "  1 任务一",
            "  2 任务二"
        ]
    );
    let text =
        "通知\n一、工作任务\n附件：实施方案\n市人民政府\n2023年1月5日\n附件：实施方案\n一、总体要求\n二、主要任务";
    assert_eq!(outline(&parse(text).sections), ["一 工作任务", "附件 实施方案", "  一 总体要求", "  二 主要任务"]);
    // The list under 附件： and a sentence after one are no labels.
    let text = "通知\n一、工作任务\n市人民政府\n2023年1月5日\n附件：1.实施方案\n2.任务清单";
    assert_eq!(outline(&parse(text).sections), ["一 工作任务"]);
    let text = "通知\n一、工作任务\n市人民政府\n2023年1月5日\n附件：请各单位于3月底前报送材料。\n联系人：张三";
    assert_eq!(outline(&parse(text).sections), ["一 工作任务"]);
}

#[test]
fn a_label_is_no_title_of_the_label_above_it() {
    // A label repeated (a link, then the attachment): the second is the attachment.
    let text = "通知\n一、工作任务\n市人民政府\n附件1\n附件1\n实施方案\n一、总体要求";
    let r = parse(text);
    assert_eq!(outline(&r.sections), ["一 工作任务", "附件1 实施方案", "  一 总体要求"]);
    // A heading that ends like an office is no signature.
    let text = "答复\n一、武汉市科学技术局\n附件1\n\n附件1\n361亿元";
    let r = parse(text);
    assert!(r.sections.iter().all(|s| !s.title.is_empty()), "{:?}", outline(&r.sections));
}
