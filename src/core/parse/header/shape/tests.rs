use super::*;

#[test]
fn a_title_line_loses_its_footnote_mark_and_empty_cells() {
    let cases: &[(&str, &str)] = &[
        ("江西省2022年国民经济和社会发展统计公报[1]", "江西省2022年国民经济和社会发展统计公报"),
        ("关于第12号建议的答复［2］", "关于第12号建议的答复"),
        ("关于第12号建议的答复①", "关于第12号建议的答复"),
        ("关于第2023393号代表建议的答复 | |", "关于第2023393号代表建议的答复"),
        // A number in brackets that is the title's own stays.
        ("关于印发〔2023〕号文件的通知", "关于印发〔2023〕号文件的通知"),
        ("[1]", "[1]"),
    ];
    for (line, want) in cases {
        assert_eq!(bare(line), *want, "{line}");
    }
}

#[test]
fn lines_that_are_never_a_title() {
    // (kind, line): what each line is.
    let cases: &[(&str, &str)] = &[
        ("form", "建议号:201号"),
        ("form", "提案人:伏正洪"),
        ("form", "承办单位：教育局"),
        ("issuer", "江西省统计局  国家统计局江西调查总队"),
        ("issuer", "宜春市统计局\u{2002}国家统计局宜春调查队"),
        ("issuer", "国务院办公厅"),
        ("byline", "中国载人航天工程新闻发言人 武平"),
        ("byline", "本报记者 张三"),
        ("none", "张三代表:"),
        ("none", "市长信箱：关于某小区停车难问题的回复"),
        ("none", "马关县教育局关于第201号建议的答复函"),
        ("none", "内容:都龙镇集镇中心小学因生源增加,需另寻地点新建搬迁。"),
        ("none", "江西省2022年国民经济和社会发展统计公报"),
        ("none", "天宫一号与神舟九号载人交会对接任务 第二场新闻发布会"),
    ];
    for (want, line) in cases {
        let kind = if is_form_line(line) {
            "form"
        } else if is_issuer_line(line) {
            "issuer"
        } else if is_byline(line) {
            "byline"
        } else {
            "none"
        };
        assert_eq!((kind, *line), (*want, *line));
    }
}

#[test]
fn a_note_under_a_title_dates_it() {
    let cases: &[(&str, Option<&str>)] = &[
        ("（2023年4月12日）", Some("2023-04-12")),
        ("（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）", Some("2007-06-29")),
        ("(2019年1月27日国务院第二次全体会议发布)", Some("2019-01-27")),
        ("（一）总体要求", None),
        ("（2023年全年投入5亿元。）", None),
    ];
    for (line, want) in cases {
        assert_eq!(note_date(line).as_deref(), *want, "{line}");
    }
    assert_eq!(
        split_note("全国人民代表大会关于修改宪法的决定（2018年3月11日第十三届全国人民代表大会第一次会议通过）"),
        Some(("全国人民代表大会关于修改宪法的决定", "2018-03-11".to_string()))
    );
    assert_eq!(split_note("关于加强（试行）管理的通知"), None);
}

#[test]
fn a_site_s_furniture_is_no_line_of_the_document() {
    // (kind, line): a toolbar, tools, a search box, account links, an IPv6 banner, and lines of a
    // document that use the same words.
    let cases: &[(&str, &str)] = &[
        ("furniture", "无障碍"),
        ("furniture", "无障碍 | 长者模式 | 繁體 | 简体 | 拼音 | 读屏"),
        ("furniture", "打印 关闭"),
        ("furniture", "【打印】【关闭】"),
        ("furniture", "请输入关键字 搜索"),
        ("furniture", "设为首页 加入收藏"),
        ("furniture", "登录 | 注册"),
        ("furniture", "本网站支持IPv6"),
        ("furniture", "字号：大 中 小"),
        // A switch of view, a bullet's toolbar word, a language switch, a greeting after 您好.
        ("furniture", "返回手机版"),
        ("furniture", "退出长者模式"),
        ("furniture", "• 长辈版"),
        ("furniture", "EN"),
        ("furniture", "您好,欢迎来到某市政协网!"),
        ("furniture", "无障碍阅读进入适老模式"),
        ("furniture", "辅助浏览 轻松阅读"),
        ("none", "返回式卫星发射方案"),
        ("none", "首页设计方案"),
        ("none", "进入新时代的工作要点"),
        ("none", "关于加快无障碍环境建设的建议的答复"),
        ("none", "打印机采购项目"),
        ("none", "首页改版工作方案"),
        ("none", "张三委员："),
        ("none", "关于推进IPv6规模部署的通知。"),
    ];
    for (want, line) in cases {
        let kind = if is_furniture(line) || crate::parse::is_chrome(line) { "furniture" } else { "none" };
        assert_eq!((kind, *line), (*want, *line));
    }
}

#[test]
fn crumbs_apart_by_slashes_from_the_home_page_are_a_breadcrumb() {
    assert!(is_breadcrumb("首页/ 政务公开/ 建议提案结果公开/ 正文"));
    assert!(!is_breadcrumb("关于“十四五”/“十五五”衔接工作的通知"));
    // A menu's items apart by spaces; a title with spaces in it is none.
    assert!(is_breadcrumb("返回首页 公开目录 公开规定 公开指南 公开报告 依申请公开"));
    // A table's row read as a line: its cells hold figures, no menu.
    assert!(!is_breadcrumb("项目1\t1.5亿元\t1%\t1家"));
    assert!(!is_breadcrumb("关于 印发 某县 实施方案 的通知"));
    assert!(!is_breadcrumb("对市政协十一届一次会议 第 112号提案的答复"));
}

#[test]
fn a_search_box_s_prompt_is_furniture() {
    assert!(is_furniture("请输入检索词"));
}

#[test]
fn a_phone_site_s_menu_button_is_furniture() {
    // The button that opens a mobile site's menu, alone on its line or beside the home link.
    for line in ["菜单", "导航", "首页 菜单"] {
        assert!(is_furniture(line), "{line}");
    }
    for line in ["菜单式服务清单", "关于完善车载导航的建议"] {
        assert!(!is_furniture(line), "{line}");
    }
}

#[test]
fn a_colour_scheme_s_buttons_are_furniture() {
    // An accessibility toolbar's colour schemes (a colour, 底, a colour, 字, a colour's links).
    for line in ["白底黑字蓝链接", "黑底黄字", "配色", "页面原始配色", "视力保护色:", "蓝底黄字白链接 黄底黑字蓝链接"]
    {
        assert!(is_furniture(line), "{line}");
    }
    for line in ["海底隧道", "白底黑字的标牌制作方案", "关于统一路牌白底黑字的建议"] {
        assert!(!is_furniture(line), "{line}");
    }
}

#[test]
fn one_crumb_after_the_home_page_is_a_breadcrumb() {
    assert!(is_breadcrumb("首页 > 建议提案"));
    assert!(!is_breadcrumb("首页改版工作方案"));
}
