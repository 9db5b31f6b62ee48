//! The page reader (`reply_core::page`) on HTML as html5ever parses it.

use super::{is_html, read_page};
use reply_core::page::{hints, Piece};

/// The lines a fragment of HTML (the body of a page) reads as.
fn lines(body: &str) -> Vec<String> {
    let page = read_page(&format!("<!doctype html><html><body><div id=a>{body}</div></body></html>"), Some("#a"));
    page.expect("reads").text.lines
}

#[test]
fn blocks_and_breaks_make_lines() {
    assert_eq!(
        lines("<h3>一、总体情况</h3><p>第一段。</p><div>第二段<br>第三段</div><ul><li>甲</li><li>乙</li></ul>尾"),
        ["一、总体情况", "第一段。", "第二段", "第三段", "甲", "乙", "尾"]
    );
    assert_eq!(lines("<p><strong>一、</strong><b>总体</b>情况</p>"), ["一、总体情况"], "inline runs join");
}

#[test]
fn white_space_collapses_as_rendered() {
    assert_eq!(lines("<p>\n    投入  资金\n  </p>"), ["投入 资金"]);
    // A line end between two wide chars is no space (CSS Text), so 361亿元 stays one figure.
    assert_eq!(lines("<p>投入361\n亿元，共\n计</p>"), ["投入361 亿元，共计"]);
    assert_eq!(
        lines("<p>&nbsp;&nbsp;　　一、标题</p>"),
        ["\u{a0}\u{a0}　　一、标题"],
        "indents stay, the parser trims them"
    );
}

#[test]
fn table_rows_are_lines_and_cells_are_tab_separated() {
    let t = "<table><tr><th>年份</th><th>投入</th></tr><tr><td>2023</td><td> 12.5亿元 </td></tr></table>";
    assert_eq!(lines(t), ["年份\t投入", "2023\t12.5亿元"]);
}

#[test]
fn scripts_styles_controls_and_hidden_elements_are_not_text() {
    let b = "<p>正文<script>var x = '100亿元';</script><style>p{}</style><button>打印</button><span hidden>隐藏</span>。</p>";
    assert_eq!(lines(b), ["正文。"]);
}

#[test]
fn pre_keeps_its_lines() {
    assert_eq!(lines("<pre>一、甲\n  二、乙</pre>"), ["一、甲", "  二、乙"]);
}

#[test]
fn a_figure_split_across_elements_maps_back_to_both_text_nodes() {
    let page =
        read_page("<div id=a><p><span>投入</span><span>361</span><span lang=EN-US>亿元</span>。</p></div>", Some("#a"))
            .expect("reads");
    assert_eq!(page.text.lines, ["投入361亿元。"]);
    let f = &page.parsed.reply.figures[0];
    assert_eq!(f.text, "361亿元");
    // Text nodes in order: 投入, 361, 亿元, 。
    assert_eq!(
        page.text.pieces(0, f.start, f.end),
        [Piece { node: 1, from: 0, to: 3 }, Piece { node: 2, from: 0, to: 2 }]
    );
}

#[test]
fn a_figure_with_white_space_before_its_unit_maps_back_to_every_node() {
    // Word-pasted HTML: the number and its unit in spans apart, a line end or an &nbsp; between.
    let html = "<div id=a><p><span>出资</span><span>361</span>\n<span>亿元</span>，增长<span>28.34</span>&nbsp;<span>%</span>。</p></div>";
    let page = read_page(html, Some("#a")).expect("reads");
    assert_eq!(page.text.lines, ["出资361 亿元，增长28.34\u{a0}%。"]);
    let figures: Vec<(&str, u32, u32)> =
        page.parsed.reply.figures.iter().map(|f| (f.text.as_str(), f.start, f.end)).collect();
    assert_eq!(figures, [("361 亿元", 2, 8), ("28.34\u{a0}%", 11, 18)]);
    // Text nodes in order: 出资, 361, the line end, 亿元, ，增长, 28.34, the nbsp, %, 。
    assert_eq!(
        page.text.pieces(0, 2, 8),
        [Piece { node: 1, from: 0, to: 3 }, Piece { node: 2, from: 0, to: 1 }, Piece { node: 3, from: 0, to: 2 }]
    );
    assert_eq!(
        page.text.pieces(0, 11, 18),
        [Piece { node: 5, from: 0, to: 5 }, Piece { node: 6, from: 0, to: 1 }, Piece { node: 7, from: 0, to: 1 }]
    );
}

#[test]
fn pieces_count_utf16_past_astral_chars() {
    let page = read_page("<div id=a><p>🙂 投入5亿元</p></div>", Some("#a")).expect("reads");
    let f = &page.parsed.reply.figures[0];
    assert_eq!((f.text.as_str(), f.start), ("5亿元", 4));
    // 🙂 is two UTF-16 units: the figure starts at unit 5 of the text node.
    assert_eq!(page.text.pieces(0, f.start, f.end), [Piece { node: 0, from: 5, to: 8 }]);
}

#[test]
fn elements_know_their_lines_and_images_go_with_the_text_above() {
    let page = read_page("<div id=a><p>甲</p><img src=x.png><p>乙</p><p><img src=y.png>丙</p></div>", Some("#a"))
        .expect("reads");
    let t = &page.text;
    let spans: Vec<(usize, usize)> = t.elements.iter().map(|e| t.element_lines(e)).collect();
    // p 甲, img, p 乙, p 丙, img inside it
    assert_eq!(spans, [(0, 0), (0, 0), (1, 1), (2, 2), (1, 1)]);
    assert_eq!(t.elements[4].parent, 3);
}

#[test]
fn a_page_nested_a_hundred_thousand_deep_reads_without_overflow() {
    let mut html = String::from("<div id=a>");
    for _ in 0..100_000 {
        html.push_str("<span>");
    }
    html.push_str("投入5亿元");
    let page = read_page(&html, Some("#a")).expect("reads");
    assert_eq!(page.text.lines, ["投入5亿元"]);
}

#[test]
fn meta_tags_and_an_outside_title_are_hints() {
    let html = r#"<!doctype html><html><head><title>答复全文 - 武汉市科学技术局</title>
        <meta name="ArticleTitle" content=" 关于建设中试平台的提案的答复 ">
        <meta name="PubDate" content="2024-06-18 10:30"><meta name="ContentSource" content="市科技局"></head>
        <body><h1>页面标题</h1><div class="TRS_Editor"><p>张三委员：</p><p>今年3月底，新建5家中试平台。</p></div></body></html>"#;
    let page = read_page(html, None).expect("reads");
    let r = &page.parsed.reply;
    assert_eq!(r.title, "关于建设中试平台的提案的答复");
    assert_eq!(r.published.as_deref(), Some("2024-06-18 10:30"));
    assert_eq!(r.source.as_deref(), Some("市科技局"));
    let dates: Vec<(&str, Option<&str>)> = r.figures.iter().map(|f| (f.text.as_str(), f.date.as_deref())).collect();
    assert_eq!(dates, [("今年3月底", Some("2024-03")), ("5家", None)], "今年 is the page's year");
    // Without the meta title, the page's h1 outside the article, then its <title>.
    let h = hints(|_| None, Some(" 页面 标题 ".into()), Some("答复全文 - 武汉市科学技术局".into()));
    assert_eq!(h.title.as_deref(), Some("页面 标题"));
    let h = hints(|_| None, None, Some("答复全文 - 武汉市科学技术局".into()));
    assert_eq!(h.title.as_deref(), Some("答复全文"));
    // The site's name first: the part that reads as a document's title.
    let h = hints(|_| None, None, Some("某市人民政府-政务公开-关于某小区停车问题的答复".into()));
    assert_eq!(("title", h.title.as_deref()), ("title", Some("关于某小区停车问题的答复")));
}

#[test]
fn the_demo_page_reads_as_the_bundled_reply() {
    let page = read_page(include_str!("../../../www/index.html"), None).expect("reads");
    let bundled = reply_core::bundled_reply();
    assert_eq!(page.parsed.reply, bundled, "the demo's static article is exactly the bundled reply");
}

#[test]
fn html_is_told_from_text_by_content() {
    assert!(is_html("\u{feff}  <!DOCTYPE html><html>"));
    assert!(is_html("<div class=\"TRS_Editor\"><p>正文</p></div>"));
    assert!(!is_html("对市政协的答复\n<p>残留</p>"));
    assert!(!is_html("<不是标签>"));
}

#[test]
fn units_span_whole_lines_only() {
    let page = read_page(
        "<div id=a><p>甲<b>乙</b></p><div>丙<br><span>丁</span>戊</div><img src=x.png><p hidden>藏</p></div>",
        Some("#a"),
    )
    .expect("reads");
    let t = &page.text;
    assert_eq!(t.lines, ["甲乙", "丙", "丁戊"]);
    let (units, which) = t.units();
    // Units: the p (line 0), the div (lines 1-2), the img (with line 2 above it). Not the b
    // (half of line 0), the br, the span 丁 (half of line 2) or the hidden p (not text).
    let kinds: Vec<(usize, usize, usize)> = units.iter().zip(&which).map(|(u, w)| (*w, u.first, u.last)).collect();
    assert_eq!(kinds, [(0, 0, 0), (2, 1, 2), (5, 2, 2)]);
}

#[test]
fn each_line_says_whether_it_is_centred_or_bold() {
    use reply_core::parse::LineStyle;
    let page = read_page(
        r#"<div id=a><p style="text-align: center"><span style="font-weight: bold">国务院关于在市场监管领域全面推行<br>部门联合监管的意见</span></p>
        <p align=center>国发〔2019〕5号</p><p style="text-align: justify"><b>一、</b>总体要求</p><center>附件</center><p>正文。</p></div>"#,
        Some("#a"),
    )
    .expect("reads");
    let set = |centred, bold| LineStyle { centred, bold };
    assert_eq!(
        page.text.lines,
        ["国务院关于在市场监管领域全面推行", "部门联合监管的意见", "国发〔2019〕5号", "一、总体要求", "附件", "正文。"]
    );
    // Bold only where every char is: 一、总体要求 is half bold.
    assert_eq!(
        page.text.styles,
        [set(true, true), set(true, true), set(true, false), set(false, false), set(true, false), set(false, false)]
    );
    assert_eq!(page.parsed.reply.title, "国务院关于在市场监管领域全面推行部门联合监管的意见");
    assert_eq!(page.parsed.reply.document_number.as_deref(), Some("国发〔2019〕5号"));
}

#[test]
fn the_pages_metadata_table_outside_the_article_is_read() {
    // As on www.gov.cn: the 信息公开属性 table above the article's cell, a title on the page.
    let html = r#"<html><head><title>国务院关于同意建立联席会议制度的批复_政府信息公开专栏</title></head><body>
        <table><tr><td><b>索 引 号：</b></td><td>000014349/2019-00007</td><td><b>主题分类：</b></td><td>其他</td></tr>
        <tr><td><b>发文机关：</b></td><td>国务院</td><td><b>成文日期：</b></td><td>2019年01月27日</td></tr>
        <tr><td><b>标　　题：</b></td><td colspan=3>国务院关于同意建立联席会议制度的批复</td></tr>
        <tr><td><b>发文字号：</b></td><td>国函〔2019〕9号</td><td><b>发布日期：</b></td><td>2019年02月15日</td></tr></table>
        <table><tr><td id="UCAP-CONTENT"><p>发展改革委：</p><p>你委关于建立联席会议制度的请示收悉。现批复如下：同意。</p>
        <p style="text-align: right">国务院</p><p style="text-align: right">2019年1月27日</p></td></tr></table></body></html>"#;
    let r = read_page(html, None).expect("reads").parsed.reply;
    assert_eq!(r.title, "国务院关于同意建立联席会议制度的批复", "the table's 标题, not the <title>");
    assert_eq!(r.document_number.as_deref(), Some("国函〔2019〕9号"));
    assert_eq!(r.published_date.as_deref(), Some("2019-02-15"));
    assert_eq!(r.signed.as_deref(), Some("2019-01-27"));
    // Without the table: the <title> without the site's name.
    let bare = html.split("<table>").next().unwrap_or_default().to_string()
        + r#"<div id="UCAP-CONTENT"><p>发展改革委：</p><p>收悉。</p></div></body></html>"#;
    assert_eq!(read_page(&bare, None).expect("reads").parsed.reply.title, "国务院关于同意建立联席会议制度的批复");
}

#[test]
fn the_date_the_page_shows_outranks_a_rebuilt_pages_meta_tag() {
    // (kind, text): what a reader sees as the page's dates.
    let seen = |html: &str| {
        let r = read_page(html, None).expect("reads").parsed.reply;
        vec![("published", r.published_date.unwrap_or_default()), ("signed", r.signed.unwrap_or_default())]
    };
    let want = |p: &str, s: &str| vec![("published", p.to_string()), ("signed", s.to_string())];
    // The PubDate of a page rebuilt years later; the 发布日期 shown above the article.
    let shown = r#"<html><head><meta name="PubDate" content="2022-04-24 10:00:43"></head><body>
        <h1>某县2015年国民经济和社会发展统计公报</h1><span>发布日期：<b>2017-05-15 10:49:00</b></span>
        <div id="zoom"><p>2015年，全县实现生产总值110亿元。</p></div></body></html>"#;
    assert_eq!(seen(shown), want("2017-05-15", ""));
    // No date shown: the first publication's meta tag; the 决议's adoption note under its title.
    let first = r#"<html><head><meta name="firstpublishedtime" content="2007-08-20-23:59:59"></head><body>
        <div id="UCAP-CONTENT"><p align="center"><b>全国人民代表大会常务委员会关于批准某项国债的决议</b><br>
        （2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）</p>
        <p>会议听取了财政部部长的说明。会议决定，批准15500亿元。</p></div></body></html>"#;
    assert_eq!(seen(first), want("2007-08-20", "2007-06-29"));
    // A 统计公报 under its title outside the article, the page's 时间 beside it, the issuers and
    // their date under the title inside.
    let bulletin = r#"<html><head><title>某区人民政府</title></head><body><div class="detail">
        <h2>某区2023年国民经济和社会发展统计公报</h2><p>时间：2024-03-29 16:20  来源：区统计局  字号：大 中 小</p>
        <div class="TRS_Editor"><p align="center">某区统计局</p><p align="center">国家统计局某区调查队</p>
        <p align="center">（2024年3月28日）</p><p>2023年，全区地区生产总值增长5.2%。</p></div></div></body></html>"#;
    assert_eq!(seen(bulletin), want("2024-03-29", "2024-03-28"));
    // A bare 日期 in the site's header (today's) does not outrank the page's PubDate.
    let today = r#"<html><head><meta name="PubDate" content="2023-06-01 09:00"></head><body>
        <div class="top">日期：2026年12月07日 星期一</div>
        <div id="zoom"><p>关于某事项的通知</p><p>各单位：现将有关事项通知如下。</p></div></body></html>"#;
    assert_eq!(seen(today), want("2023-06-01", ""));
    let r = read_page(bulletin, None).expect("reads").parsed.reply;
    assert_eq!(("title", r.title.as_str()), ("title", "某区2023年国民经济和社会发展统计公报"));
}

#[test]
fn a_title_above_the_articles_container_where_the_article_opens_with_a_byline() {
    let html = r#"<html><head><title>中国某工程</title></head><body><h1>中国某工程网</h1>
        <div class="title">某某任务第二场新闻发布会</div><div class="info">2012-06-24 来源：某工程办公室</div>
        <div class="TRS_Editor"><p>某工程新闻发言人 张三</p><p>各位记者朋友，大家好。今天下午，对接任务取得成功。</p></div></body></html>"#;
    let r = read_page(html, None).expect("reads").parsed.reply;
    assert_eq!(("title", r.title.as_str()), ("title", "某某任务第二场新闻发布会"));
}
