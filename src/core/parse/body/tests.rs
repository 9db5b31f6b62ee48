use crate::model::Section;
use crate::parse::parse;

/// The outline as (depth, number, title) lines: `  （三） 标题`.
fn outline(text: &str) -> Vec<String> {
    fn walk(sections: &[Section], depth: usize, out: &mut Vec<String>) {
        for s in sections {
            out.push(format!("{}{} {}", "  ".repeat(depth), s.number, s.title));
            walk(&s.children, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(&parse(text).sections, 0, &mut out);
    out
}

#[test]
fn subsection_numbers_run_on_across_sections() {
    let text = "关于意见\n一、总体要求\n（一）指导思想。坚持新发展理念。\n（二）基本原则。坚持改革。\n\
                二、重点任务\n（三）加强创新。提升能力。\n（四）优化服务。\n1.完善政策\n2.加强保障\n\
                （五）强化人才。\n3.引进人才\n三、保障措施\n（六）加强领导。";
    assert_eq!(
        outline(text),
        [
            "一 总体要求",
            "  （一） 指导思想",
            "  （二） 基本原则",
            "二 重点任务",
            "  （三） 加强创新",
            "  （四） 优化服务",
            "    1 完善政策",
            "    2 加强保障",
            "  （五） 强化人才",
            "    3 引进人才",
            "三 保障措施",
            "  （六） 加强领导",
        ]
    );
}

#[test]
fn a_number_out_of_sequence_is_still_a_paragraph() {
    // （三） without （一）（二） anywhere before, and 5. after 1.: prose, not headings.
    let text = "答复\n一、第一部分\n（三）这是一句话。\n二、第二部分\n1.第一项\n5.这是一句以数字开头的话。";
    assert_eq!(outline(text), ["一 第一部分", "二 第二部分", "  1 第一项"]);
}

#[test]
fn regulation_chapters_and_articles() {
    let text = "暂行办法\n第一章　总　　则\n第一条　为了规范管理，制定本办法。\n第二条　本办法适用于全市。\n\
                第二章　扣除标准\n第三条　按照以下标准扣除：\n（一）直辖市每月1500元；\n（二）其他城市每月1100元。\n\
                第四条　纳税人应当留存资料备查。";
    assert_eq!(
        outline(text),
        [
            "第一章 总　　则",
            "  第一条 为了规范管理，制定本办法",
            "  第二条 本办法适用于全市",
            "第二章 扣除标准",
            "  第三条 按照以下标准扣除：",
            "    （一） 直辖市每月1500元",
            "    （二） 其他城市每月1100元",
            "  第四条 纳税人应当留存资料备查",
        ]
    );
}

#[test]
fn decimal_numbers_and_a_table_of_contents() {
    let text = "应急预案\n目　　录\n1　总则\n1.1　编制目的\n1.2　等级划分\n2　组织机构\n\
                1　总则\n1.1　编制目的\n为了有效应对，制定本预案。\n1.2　等级划分\n1.2.1　国家级：两个以上省份出现应急状态。\n\
                （1）统一领导、分级负责。在国务院统一领导下。\n2　组织机构\n2.1　指挥部\n2.1.1　指挥部职责";
    assert_eq!(
        outline(text),
        [
            "1 总则",
            "  1.1 编制目的",
            "  1.2 等级划分",
            "    1.2.1 国家级：两个以上省份出现应急状态",
            "      （1） 统一领导、分级负责",
            "2 组织机构",
            "  2.1 指挥部",
            "    2.1.1 指挥部职责",
        ]
    );
}

#[test]
fn decimal_numbers_hold_their_parents_number() {
    // 2.1 under 1 is no heading; 1.5亿元 and 2023 年 are prose.
    let text = "预案\n1　总则\n2.1　不是这一节的\n1.5亿元已拨付。\n1.1　编制目的\n2023 年投入。";
    assert_eq!(outline(text), ["1 总则", "  1.1 编制目的"]);
}

#[test]
fn the_list_under_attachments_is_no_outline() {
    let text = "通知\n一、工作任务\n做好工作。\n附件：\n1.工作方案\n2.任务清单\n二、组织实施\n抓好落实。";
    assert_eq!(outline(text), ["一 工作任务", "二 组织实施"]);
}

#[test]
fn a_number_without_a_title_is_no_heading() {
    let text = "答复\n一、第一部分\n（一）\n文字。\n二、第二部分\n正文。";
    assert_eq!(outline(text), ["一 第一部分", "二 第二部分"]);
    let r = parse(text);
    let kept: Vec<&str> = r.sections[0].paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(kept, ["（一）", "文字。"], "the bare number stays in the text");
}

#[test]
fn a_bare_number_is_a_heading_only_where_the_text_numbers_decimally() {
    // A table flattened to text: rows are no headings.
    let text = "答复\n一、项目情况\n1 城区道路改造\n2 乡村公路建设\n二、下一步打算";
    assert_eq!(outline(text), ["一 项目情况", "二 下一步打算"]);
}

#[test]
fn decimal_numbers_under_numbered_sections() {
    let text = "实施方案\n1.总体要求\n1.1　指导思想\n1.2　工作目标\n2.主要任务\n2.1　加强研发";
    assert_eq!(outline(text), ["1 总体要求", "  1.1 指导思想", "  1.2 工作目标", "2 主要任务", "  2.1 加强研发"]);
}

#[test]
fn articles_without_a_space_and_prose_that_opens_like_one() {
    let text = "管理办法\n第一条为了规范管理，制定本办法。\n第二条本办法适用于全市。";
    assert_eq!(outline(text), ["第一条 为了规范管理，制定本办法", "第二条 本办法适用于全市"]);
    let text = "答复\n一、关于道路\n第一条道路已于去年建成通车。\n二、关于公交";
    assert_eq!(outline(text), ["一 关于道路", "二 关于公交"]);
}

#[test]
fn a_number_alone_on_its_line_takes_the_next_line_as_its_title() {
    let text =
        "通知\n一、\n总体要求\n做好工作。\n（一）\n指导思想\n坚持新发展理念。\n二、\n主要任务\n三、\n这是一句话。";
    assert_eq!(outline(text), ["一 总体要求", "  （一） 指导思想", "二 主要任务"]);
    let r = parse(text);
    let s1: Vec<&str> = r.sections[0].paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(s1, ["总体要求", "做好工作。"], "the title's line stays in the text");
    let s2: Vec<&str> = r.sections[1].paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(s2, ["主要任务", "三、", "这是一句话。"], "a sentence is no title");
}

#[test]
fn numbered_notes_under_a_notes_label_are_no_headings() {
    // A 统计公报's notes at its end: sentences numbered after 注释：, not sections.
    let text = "统计公报\n一、综合\n全年生产总值增长5%。\n二、农业\n粮食增产。\n注释：\n\
                1.本公报中数据均为初步统计数，最后以年报核定数据为准。部分数据因四舍五入存在差异。\n\
                2.地区生产总值按现价计算。\n资料来源：\n本公报中财政数据来自市财政局。";
    assert_eq!(outline(text), ["一 综合", "二 农业"]);
    let r = parse(text);
    let notes: Vec<&str> = r.sections[1].paragraphs.iter().skip(1).map(|p| p.text.as_str()).collect();
    assert_eq!(
        notes[..2],
        ["注释：", "1.本公报中数据均为初步统计数，最后以年报核定数据为准。部分数据因四舍五入存在差异。"]
    );
    // 注： with its first note on its line; a note under a section, then the next section.
    let text = "通知\n一、总体要求\n（一）指导思想。坚持发展。\n注：1.本表数据截至6月底。\n2.不含中央单位。\n\
                （二）基本原则。坚持改革。\n二、重点任务\n（三）加强创新。";
    assert_eq!(
        outline(text),
        ["一 总体要求", "  （一） 指导思想", "  （二） 基本原则", "二 重点任务", "  （三） 加强创新"]
    );
    // A note of prose opens no notes: the numbering after it is the document's.
    let text = "通知\n一、总体要求\n注：数据来自统计局。\n（一）指导思想\n（二）基本原则\n二、重点任务";
    assert_eq!(outline(text), ["一 总体要求", "  （一） 指导思想", "  （二） 基本原则", "二 重点任务"]);
    // 注意 is no label.
    let text = "通知\n一、总体要求\n注意事项\n1.做好准备\n2.按时报送";
    assert_eq!(outline(text), ["一 总体要求", "  1 做好准备", "  2 按时报送"]);
}

#[test]
fn two_digit_part_numbers_where_the_text_numbers_so() {
    let text = "江西省2022年国民经济和社会发展统计公报\n2022年是极为重要的一年。\n01综合\n全年地区生产总值增长4.7%。\n\
                02 农业\n粮食产量2151.9万吨。\n10科学技术与教育\n年末共有普通高等学校106所。";
    assert_eq!(outline(text), ["01 综合", "02 农业"], "10 does not follow 02");
    let text = "公报\n01综合\n文字。\n02农业\n文字。\n03工业和建筑业\n文字。\n10月份完成\n";
    assert_eq!(outline(text), ["01 综合", "02 农业", "03 工业和建筑业"]);
    // A table's codes, line after line, are no parts.
    let text = "公报\n01综合\n文字。\n02农业\n文字。\n附表\n01 北京市\n02 天津市\n03 河北省";
    assert_eq!(outline(text), ["01 综合", "02 农业"]);
    // Without 01 and 02, such lines are prose (and `10 附则` a decimal number, `1.1` there).
    let text = "答复\n一、基本情况\n12项目已开工\n02农业\n二、下一步";
    assert_eq!(outline(text), ["一 基本情况", "二 下一步"]);
}

#[test]
fn a_numbering_that_starts_again_opens_new_sections() {
    // A notice, then the 分工方案 it carries, numbered from 一、 again under a title of its own.
    let text = "国务院关于印发方案的通知\n各省、自治区、直辖市人民政府：\n现将方案印发给你们。\n\
                一、总体要求\n（一）指导思想。坚持新发展理念。\n（二）基本原则。坚持改革。\n二、主要任务\n\
                （三）加强创新。提升能力。\n1.完善政策。出台办法。\n（1）财政支持。安排资金。\n（2）税收优惠。\n\
                2.加强保障\n三、保障措施\n分工方案\n一、关于财政税收\n（一）落实减税。由财政部负责。\n\
                二、关于金融支持\n（一）加大信贷。由人民银行负责。";
    assert_eq!(
        outline(text),
        [
            "一 总体要求",
            "  （一） 指导思想",
            "  （二） 基本原则",
            "二 主要任务",
            "  （三） 加强创新",
            "    1 完善政策",
            "      （1） 财政支持",
            "      （2） 税收优惠",
            "    2 加强保障",
            "三 保障措施",
            "一 关于财政税收",
            "  （一） 落实减税",
            "二 关于金融支持",
            "  （一） 加大信贷",
        ]
    );
    // A list numbered 一、二、 inside 三、, which 四、 goes on after: text, and 四、 is kept.
    let text = "答复\n一、基本情况\n二、办理情况\n三、具体措施\n一、加强领导。成立专班。\n二、强化保障。\n四、下一步";
    assert_eq!(outline(text), ["一 基本情况", "二 办理情况", "三 具体措施", "四 下一步"]);
    // A lone 一、 that no 二、 follows starts nothing: it stays text.
    let text = "答复\n一、基本情况\n二、办理情况\n一、这是引用的一句话。\n三、下一步";
    assert_eq!(outline(text), ["一 基本情况", "二 办理情况", "三 下一步"]);
}

#[test]
fn parts_stand_above_the_numbering_they_hold() {
    // 第一部分 after 一、 headings starts at the top; each part numbers its own 一、 and 第一章.
    let text = "规划\n一、编制背景\n二、编制依据\n第一部分　总体思路\n一、发展基础\n（一）取得成效\n\
                二、发展目标\n第二部分　重点任务\n第一章　创新驱动\n一、加强研发\n第二章　协调发展\n一、优化布局";
    assert_eq!(
        outline(text),
        [
            "一 编制背景",
            "二 编制依据",
            "第一部分 总体思路",
            "  一 发展基础",
            "    （一） 取得成效",
            "  二 发展目标",
            "第二部分 重点任务",
            "  第一章 创新驱动",
            "    一 加强研发",
            "  第二章 协调发展",
            "    一 优化布局",
        ]
    );
}

#[test]
fn chinese_comma_numbers_never_stand_under_lower_ones() {
    // The proposal's points quoted before the answer's own 一、 headings.
    let text = "关于加大投入的提案的答复\n张三委员：\n您提出的提案收悉。您在提案中提出：\n1.加大投入\n2.完善机制\n\
                现答复如下：\n一、关于加大投入\n我市投入5亿元。\n（一）设立基金。\n二、关于完善机制\n已出台办法。";
    assert_eq!(outline(text), ["1 加大投入", "2 完善机制", "一 关于加大投入", "  （一） 设立基金", "二 关于完善机制"]);
    // A text that numbers （一） above 一、: the （一） numbering goes on, 一、 stays under it.
    let text = "答复\n（一）关于资金\n一、设立基金\n二、加强监管\n（二）关于人才\n一、引进人才";
    assert_eq!(
        outline(text),
        ["（一） 关于资金", "  一 设立基金", "  二 加强监管", "（二） 关于人才", "  一 引进人才"]
    );
    // Under a chapter, 一、 is still a child.
    let text = "办法\n第一章　总则\n一、适用范围\n二、基本原则\n第二章　管理\n一、职责";
    assert_eq!(outline(text), ["第一章 总则", "  一 适用范围", "  二 基本原则", "第二章 管理", "  一 职责"]);
}

#[test]
fn a_table_of_contents_with_page_numbers() {
    let body = "第一章　总则\n第一条　为了规范，制定本预案。\n第二条　本预案适用于全市。\n第二章　附则\n第三条　本预案自发布之日起施行。";
    let want = [
        "第一章 总则",
        "  第一条 为了规范，制定本预案",
        "  第二条 本预案适用于全市",
        "第二章 附则",
        "  第三条 本预案自发布之日起施行",
    ];
    // Leaders and page numbers, under 目录 or not.
    assert_eq!(outline(&format!("预案\n目　录\n第一章　总则……………………1\n第二章　附则……5\n{body}")), want);
    assert_eq!(outline(&format!("预案\n第一章　总则……………………1\n第二章　附则.........5\n{body}")), want);
    // A page number set apart by white space.
    let text = "预案\n目录\n1 总则 1\n1.1 编制目的 1\n2 组织机构 2\n1 总则\n1.1 编制目的\n为了有效应对。\n2 组织机构\n2.1 指挥部";
    assert_eq!(outline(text), ["1 总则", "  1.1 编制目的", "2 组织机构", "  2.1 指挥部"]);
}

#[test]
fn numbered_sentences_under_the_signature_are_notes() {
    let text = "统计公报\n一、综合\n全年生产总值增长5%。\n二、农业\n粮食增产。\n市统计局\n2023年4月12日\n\
                1.本公报中数据均为初步统计数，最后以年报核定数据为准。\n2.地区生产总值按现价计算。";
    assert_eq!(outline(text), ["一 综合", "二 农业"]);
    // A text carried under the signature keeps its headings, run-in ones too.
    let text =
        "通知\n现将方案印发给你们。\n市人民政府\n2023年4月12日\n（一）指导思想。坚持发展。\n（二）基本原则。坚持改革。";
    assert_eq!(outline(text), ["（一） 指导思想", "（二） 基本原则"]);
}

#[test]
fn articles_under_numbered_sections_stay_there() {
    // 一、 holds articles and goes on after them: they are its children.
    let text =
        "办法\n一、总则\n第一条　为了规范管理，制定本办法。\n第二条　本办法适用于全市。\n二、管理\n第三条　加强管理。";
    assert_eq!(
        outline(text),
        ["一 总则", "  第一条 为了规范管理，制定本办法", "  第二条 本办法适用于全市", "二 管理", "  第三条 加强管理"]
    );
    // A notice's 一、 二、, then the 办法 it carries, its articles at the top.
    let text = "通知\n一、提高认识\n二、抓好落实\n暂行办法\n第一条　为了规范管理，制定本办法。\n第二条　本办法自发布之日起施行。";
    assert_eq!(
        outline(text),
        ["一 提高认识", "二 抓好落实", "第一条 为了规范管理，制定本办法", "第二条 本办法自发布之日起施行"]
    );
    // Parts above a prelude's 一、 二、 whose own 一、 goes to 三、.
    let text = "规划\n一、背景\n二、依据\n第一部分　总体思路\n一、基础\n二、目标\n三、原则\n第二部分　任务\n一、创新";
    assert_eq!(
        outline(text),
        [
            "一 背景",
            "二 依据",
            "第一部分 总体思路",
            "  一 基础",
            "  二 目标",
            "  三 原则",
            "第二部分 任务",
            "  一 创新"
        ]
    );
}

#[test]
fn articles_hold_items_and_items_hold_points() {
    let text = "条例\n第一章　总则\n第一条　为了规范管理，制定本条例。\n第二条　本条例所称主体包括：\n（一）国家机关；\n\
                （二）事业单位：\n1.公益一类；\n2.公益二类；\n（三）社会团体。\n第二章　监督管理\n\
                第三条　监督部门应当履行下列职责：\n（一）制定规划；\n（二）组织实施。\n第四条　本条例自公布之日起施行。";
    assert_eq!(
        outline(text),
        [
            "第一章 总则",
            "  第一条 为了规范管理，制定本条例",
            "  第二条 本条例所称主体包括：",
            "    （一） 国家机关",
            "    （二） 事业单位：",
            "      1 公益一类",
            "      2 公益二类",
            "    （三） 社会团体",
            "第二章 监督管理",
            "  第三条 监督部门应当履行下列职责：",
            "    （一） 制定规划",
            "    （二） 组织实施",
            "  第四条 本条例自公布之日起施行",
        ]
    );
}

#[test]
fn an_article_whose_line_runs_on_into_the_next_is_one() {
    // The page lost its line breaks: 第二条 and on run into 第一条's line.
    let text = "某市政府信息公开办法\n第一条 为做好信息公开工作，制定本办法。第二条 本办法适用于全市。 第三条 本办法自发布之日起施行。";
    assert_eq!(outline(text), ["第一条 为做好信息公开工作，制定本办法"]);
    // Another article's number cited inside a sentence is no run-on.
    let text = "答复\n第一条道路已于去年建成。按照第二条的规定办理。";
    assert!(!outline(text).iter().any(|l| l.contains("第一条")), "{:?}", outline(text));
}
