//! The page reader against the HTML shapes government CMSs publish (issue 19): the HTML
//! counterpart of tests/robust.rs, a metamorphic test over the corpus's plain-text TUNE pages
//! (never the held-out ones, tests/corpus/README.md).
//!
//! Every tune page whose head (title, number, published, signed) the parser reads as its gold
//! says is rendered into the markup real sites publish — (a) TRS: the title in a `div.title` /
//! `<h1>` outside the article, `ArticleTitle` and `PubDate` meta tags, a `发布时间：` line in a
//! `div.info`, the text in `div.TRS_Editor`; (b) the title's lines centred inside the article;
//! (c) the 信息公开属性 table above the article; (d) Hanweb / UCAP containers (`#zoom`,
//! `#UCAP-CONTENT`) under a `<title>` carrying the site's name; (e) a container of the site's own
//! (`div#content.detil-new-cont`) that only the content-based finder finds; (f) the 信息公开
//! metadata as a `<ul><li><span>label</span>value` list or a `<dl>`; (g) a layout table, the
//! title in `td.title`, the text in a later row's `<td>` (bare or in `Custom_UnionStyle`); (h)
//! the whole document in the article's `<div>`, its title as `<h2>` or `<strong>` lines, under a
//! `<base href>` and a `<title>` with the site's name first — always with a header, a menu, a
//! breadcrumb and a footer around it. A saved site's frame (its breadcrumb, greeting) that a
//! plain text holds above its title stays outside the article: an editor pastes the document. The page is read back as
//! `reply-widget parse PAGE.html` and the embed script read it (`read_page` without a selector),
//! and each field read right from the plain text must still be read right, and the article must
//! be found: the reply holds text and none of the page's navigation or footer.
//!
//! `cargo test -p reply-widget-cli --test robust_html -- --nocapture`

use std::fmt::Write as _;
use std::path::Path;

use reply_widget_cli::html::read_page;

/// Minimum share of (page, variant) pairs that hold, per template, in percent: what was measured
/// (raised as the reader is fixed, so that a change cannot make it more fragile).
const GATES: [(&str, f64); 8] = [
    ("trs", 100.0),
    ("centred", 100.0),
    ("table", 100.0),
    ("hanweb", 100.0),
    ("fallback", 100.0),
    ("list", 100.0),
    ("layout", 100.0),
    ("inline", 100.0),
];

#[path = "shared/rule.rs"]
mod rule;
use rule::{held_out, tune_pages};
#[path = "shared/head.rs"]
mod head;
#[path = "shared/tally.rs"]
mod tally;
use head::{differences, gold_head, head_of, no_space, Head};

// ---------------------------------------------------------------------------------------------
// The page around the article: what the corpus's saved pages put there.

/// Text of the page's frame that must never be read as the article's.
const NAV_MARK: &str = "当前位置：";
const FOOTER_MARK: &str = "网站标识码";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn head_html(title_tag: &str, metas: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n{metas}\
         <link rel=\"stylesheet\" href=\"/css/style.css\">\n</head>\n<body>\n",
        esc(title_tag)
    )
}

/// The site's header, accessibility bar, menu and breadcrumb.
fn top() -> String {
    let menu: String = ["首页", "政务公开", "政务服务", "互动交流", "走进本市", "专题专栏"]
        .iter()
        .map(|m| format!("<li><a href=\"/{m}/\">{m}</a></li>"))
        .collect();
    format!(
        "<div class=\"top\"><div class=\"w1200\"><span>欢迎访问本市人民政府门户网站！</span>\
         <a href=\"#\">无障碍</a> <a href=\"#\">长者模式</a> <a href=\"#\">繁體</a>\
         <form action=\"/search\"><input type=\"text\" placeholder=\"请输入关键字\"><button>搜索</button></form></div></div>\n\
         <div class=\"logo\"><a href=\"/\"><img src=\"/images/logo.png\" alt=\"某某市人民政府\"></a></div>\n\
         <div class=\"nav\"><ul>{menu}</ul></div>\n\
         <div class=\"position\">{NAV_MARK}<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a> &gt; \
         <a href=\"/zwgk/jyta/\">建议提案办理</a></div>\n"
    )
}

/// The site's footer: related links, the sponsor, the site's codes, the address.
fn bottom(long: bool) -> String {
    bottom_in(long, "footer")
}

/// … in a container of the given class (`footer`; `dibu`, pinyin for the page's bottom, as many
/// government sites name it), with the site's statement in prose.
fn bottom_in(long: bool, class: &str) -> String {
    let mut links = String::new();
    let statement = if long {
        "<p>本网站所刊登的各种新闻、信息和各种专题专栏资料，均为本网站版权所有，未经协议授权，禁止下载使用或建立镜像。\
         凡注明来源为其他媒体的内容，均为转载，转载的目的在于传递更多信息，并不代表本网站赞同其观点，不对其真实性负责。</p>"
    } else {
        ""
    };
    if long {
        for s in [
            "国务院",
            "省人民政府",
            "市人大常委会",
            "市政协",
            "市发展和改革委员会",
            "市教育局",
            "市科学技术局",
            "市公安局",
            "市民政局",
            "市司法局",
            "市财政局",
            "市人力资源和社会保障局",
            "市自然资源和规划局",
            "市生态环境局",
            "市住房和城乡建设局",
            "市交通运输局",
            "市水利局",
            "市农业农村局",
            "市商务局",
            "市文化广电旅游局",
            "市卫生健康委员会",
            "市应急管理局",
            "市审计局",
            "市市场监督管理局",
        ] {
            let _ = write!(links, "<li><a href=\"http://example.gov.cn/\">{s}</a></li>");
        }
        links = format!("<div class=\"yqlj\"><h3>友情链接</h3><ul>{links}</ul></div>\n");
    }
    format!(
        "{links}<div class=\"{class}\"><p><a href=\"/about\">关于我们</a> | <a href=\"/map\">网站地图</a> | \
         <a href=\"/contact\">联系我们</a></p>\
         <p>主办单位：某某市人民政府办公室　承办单位：某某市大数据发展管理局</p>\
         <p>{FOOTER_MARK}：3301000001　浙ICP备05001234号-1　浙公网安备 33010202000123号</p>\
         <p>地址：某某市人民大道1号　邮编：310000　联系电话：0571-12345678</p>\
         <p>建议使用1920×1080分辨率浏览本网站，为了您的浏览体验，请使用IE9以上版本的浏览器。</p>{statement}</div>\n</body>\n</html>\n"
    )
}

/// The article's paragraphs, one `<p>` a line, as TRS and most editors write them.
fn paragraphs(lines: &[&str]) -> String {
    let mut out = String::new();
    for l in lines {
        if l.trim().is_empty() {
            continue;
        }
        let _ = writeln!(out, "<p style=\"text-indent:2em\">{}</p>", esc(l.trim()));
    }
    out
}

/// What a template is given: the text's lines, where its title stands, the gold.
struct Doc<'a> {
    lines: Vec<&'a str>,
    /// The title's first line and how many lines it takes.
    at: (usize, usize),
    title: String,
    gold: &'a Head,
}

impl Doc<'_> {
    fn title_lines(&self) -> Vec<&str> {
        self.lines[self.at.0..self.at.0 + self.at.1].iter().map(|l| l.trim()).collect()
    }

    fn before(&self) -> Vec<&str> {
        self.lines[..self.at.0].to_vec()
    }

    fn after(&self) -> Vec<&str> {
        self.lines[self.at.0 + self.at.1..].to_vec()
    }

    /// `2024-02-21 09:30` from the gold's published date.
    fn pub_time(&self) -> Option<String> {
        self.gold.published.as_ref().map(|d| format!("{d} 09:30"))
    }
}

/// (a) TRS: the title above the article in `div.title > h1`, the meta tags (`meta`), a
/// `发布时间：` line.
fn trs(d: &Doc, meta: bool, inside: bool) -> String {
    // A text whose lines above the title hold sentences of its own (a notice sending the
    // document titled below it) has them in the article: no site sets prose above its headline.
    let inside = inside || d.before().iter().any(|l| l.contains('。'));
    let mut metas = String::new();
    if meta {
        let _ = writeln!(metas, "<meta name=\"SiteName\" content=\"某某市人民政府\">");
        let _ = writeln!(metas, "<meta name=\"ColumnName\" content=\"建议提案办理\">");
        let _ = writeln!(metas, "<meta name=\"ArticleTitle\" content=\"{}\">", esc(&d.title));
        if let Some(t) = d.pub_time() {
            let _ = writeln!(metas, "<meta name=\"PubDate\" content=\"{t}\">");
        }
        let _ = writeln!(metas, "<meta name=\"ContentSource\" content=\"市人民政府办公室\">");
    }
    let mut out = head_html(&format!("{}_某某市人民政府", d.title), &metas);
    out.push_str(&top());
    // What the text has above its title (a site's frame, the page's metadata, a red-headed
    // document's number) stands above the headline outside the article, as on the pages such
    // texts were saved from; or, as an editor pasted the whole document less its title, at the
    // article's top (`inside`).
    out.push_str("<div class=\"main\"><div class=\"article\">\n<div class=\"above\">\n");
    if !inside {
        out.push_str(&paragraphs(&d.before()));
    }
    // Without the meta tags, the headline in a plain `div` of its own (no `<h1>`), as many
    // templates set it.
    let (open, close) =
        if meta { ("<div class=\"title\"><h1>", "</h1></div>") } else { ("<div class=\"article-title\">", "</div>") };
    let _ = write!(out, "</div>\n{open}{}{close}\n<div class=\"info\">", esc(&d.title));
    if let Some(t) = d.pub_time() {
        let _ = write!(out, "<span>发布时间：{t}</span> ");
    }
    out.push_str("<span>来源：市人民政府办公室</span> <span>字号：<a href=\"#\">大</a> <a href=\"#\">中</a> <a href=\"#\">小</a></span></div>\n");
    out.push_str("<div class=\"TRS_Editor\">\n");
    if inside {
        out.push_str(&paragraphs(&d.before()));
    }
    out.push_str(&paragraphs(&d.after()));
    out.push_str("</div>\n<div class=\"print\"><a href=\"javascript:window.print()\">【打印本页】</a> <a href=\"javascript:window.close()\">【关闭窗口】</a></div>\n</div></div>\n");
    out.push_str(&bottom(false));
    out
}

/// Where a title can break between two lines: after these, or before those (tests/robust.rs).
const BREAK_AFTER: &[&str] = &["会议", "》", "关于", "委员会", "人民政府", "局", "提出的"];
const BREAK_BEFORE: &[&str] = &["关于", "对", "第", "的答复", "答复"];

/// The title broken in two at the word boundary nearest its middle, if it has one.
fn halves(title: &str) -> Option<(String, String)> {
    let chars: Vec<char> = title.chars().collect();
    let n = chars.len();
    let mut best: Option<usize> = None;
    let mut depth = 0i32;
    for (k, &c) in chars.iter().enumerate() {
        let inside = depth > 0;
        depth += i32::from(matches!(c, '《' | '(' | '（' | '【' | '“'))
            - i32::from(matches!(c, '》' | ')' | '）' | '】' | '”'));
        if inside || k < 4 || k + 4 > n || !c.is_alphanumeric() && !matches!(c, '《' | '(' | '（' | '【' | '“') {
            continue;
        }
        let head: String = chars[..k].iter().collect();
        let tail: String = chars[k..].iter().collect();
        let boundary =
            BREAK_AFTER.iter().any(|p| head.ends_with(p)) || BREAK_BEFORE.iter().any(|p| tail.starts_with(p));
        if boundary && best.is_none_or(|b| k.abs_diff(n / 2) < b.abs_diff(n / 2)) {
            best = Some(k);
        }
    }
    let k = best?;
    Some((chars[..k].iter().collect(), chars[k..].iter().collect()))
}

/// How (b) sets the title's lines.
#[derive(Clone, Copy, PartialEq)]
enum Centred {
    /// Each line in a `<p style="text-align:center">`.
    Style,
    /// `<p align="center"><strong>`, a long title's two halves in one `<p>` with `<br>`.
    Br,
    /// A long title's two halves in two centred `<p>`s.
    TwoP,
}

/// (b) The title's lines centred inside the article (a `PubDate` meta, no title outside it).
fn centred(d: &Doc, how: Centred) -> Option<String> {
    let lines: Vec<String> = match how {
        Centred::Style => d.title_lines().iter().map(|s| s.to_string()).collect(),
        _ if d.at.1 > 1 => d.title_lines().iter().map(|s| s.to_string()).collect(),
        _ => {
            let (a, b) = halves(d.title_lines()[0])?;
            vec![a, b]
        }
    };
    let mut metas = String::new();
    if let Some(t) = d.pub_time() {
        let _ = writeln!(metas, "<meta name=\"PubDate\" content=\"{t}\">");
    }
    let mut out = head_html("某某市人民政府", &metas);
    out.push_str(&top());
    out.push_str("<div class=\"content\">\n<div class=\"TRS_Editor\">\n");
    out.push_str(&paragraphs(&d.before()));
    match how {
        Centred::Style | Centred::TwoP => {
            for l in &lines {
                let _ = writeln!(
                    out,
                    "<p style=\"text-align:center\"><span style=\"font-size:22px\">{}</span></p>",
                    esc(l)
                );
            }
        }
        Centred::Br => {
            let l: Vec<String> = lines.iter().map(|l| esc(l)).collect();
            let _ = writeln!(out, "<p align=\"center\"><strong>{}</strong></p>", l.join("<br>"));
        }
    }
    out.push_str(&paragraphs(&d.after()));
    out.push_str("</div>\n</div>\n");
    out.push_str(&bottom(false));
    Some(out)
}

/// (c) The 信息公开属性 table above the article, the text's own title line inside it.
fn table(d: &Doc) -> String {
    let g = d.gold;
    let cell = |v: &Option<String>| v.as_deref().map(esc).unwrap_or_default();
    let mut out = head_html(&format!("{}_某某市人民政府", d.title), "");
    out.push_str(&top());
    out.push_str("<div class=\"xxgk\">\n<table class=\"xxgk-table\">\n");
    let _ = writeln!(
        out,
        "<tr><td class=\"label\">索引号：</td><td>11330100002491120A/2024-00123</td><td class=\"label\">主题分类：</td><td>综合政务</td></tr>"
    );
    let _ = writeln!(
        out,
        "<tr><td class=\"label\">发文机关：</td><td>某某市人民政府办公室</td><td class=\"label\">成文日期：</td><td>{}</td></tr>",
        cell(&g.signed)
    );
    let _ = writeln!(out, "<tr><td class=\"label\">标题：</td><td colspan=\"3\">{}</td></tr>", esc(&d.title));
    let _ = writeln!(
        out,
        "<tr><td class=\"label\">发文字号：</td><td>{}</td><td class=\"label\">发布日期：</td><td>{}</td></tr>",
        cell(&g.number),
        cell(&g.published)
    );
    out.push_str("</table>\n</div>\n<div class=\"article-box\">\n<div class=\"TRS_Editor\">\n");
    out.push_str(&paragraphs(&d.lines));
    out.push_str("</div>\n</div>\n");
    out.push_str(&bottom(false));
    out
}

/// (d) Hanweb `#zoom` / UCAP `#UCAP-CONTENT`: the title only in `<title>` with the site's name
/// and as the text's own line.
fn hanweb(d: &Doc, ucap: bool) -> String {
    let mut out = head_html(&format!("{}_某某市人民政府", d.title), "");
    out.push_str(&top());
    out.push_str("<table class=\"main\"><tr><td>\n");
    if let Some(p) = &d.gold.published {
        let _ = writeln!(out, "<div class=\"xx\">发布日期：{p}　　浏览次数：<span id=\"hits\">128</span></div>");
    }
    if ucap {
        out.push_str("<div class=\"pages_content\" id=\"UCAP-CONTENT\">\n");
        out.push_str(&paragraphs(&d.lines));
    } else {
        // Hanweb's older editor: the lines in one block, broken with `<br>`, indented with
        // `&nbsp;`, the title's line centred and bold.
        out.push_str("<div id=\"zoom\"><font size=\"3\">\n");
        for (k, l) in d.lines.iter().enumerate() {
            if l.trim().is_empty() {
                continue;
            }
            if k >= d.at.0 && k < d.at.0 + d.at.1 {
                let _ = writeln!(out, "<div align=\"center\"><b>{}</b></div>", esc(l.trim()));
            } else {
                let _ = writeln!(out, "&nbsp;&nbsp;&nbsp;&nbsp;{}<br>", esc(l.trim()));
            }
        }
        out.push_str("</font>");
    }
    out.push_str("</div>\n</td></tr></table>\n");
    out.push_str(&bottom(false));
    out
}

/// (e) A container of the site's own: only the text can tell where the article is; a long
/// footer of links around a short article.
fn fallback(d: &Doc, footer: &str) -> String {
    let mut out = head_html(&format!("{}-某某市人民政府", d.title), "");
    out.push_str(&top());
    out.push_str(
        "<div class=\"wrapper\">\n<div class=\"left-box\"><h3>建议提案办理</h3><ul>\
                  <li><a href=\"/a\">人大代表建议</a></li><li><a href=\"/b\">政协委员提案</a></li></ul></div>\n",
    );
    out.push_str("<div id=\"content\" class=\"detil-new-cont\">\n");
    out.push_str(&paragraphs(&d.lines));
    out.push_str("</div>\n</div>\n");
    out.push_str(&bottom_in(true, footer));
    out
}

/// (f) The 信息公开 metadata as a list of a label in a `<span>` and its value (`ul`), or as a
/// `<dl>` of `<dt>` / `<dd>`, above the article; the text's own title line inside it.
fn list(d: &Doc, dl: bool) -> String {
    let g = d.gold;
    let cell = |v: &Option<String>| v.as_deref().map(esc).unwrap_or_default();
    let rows = [
        ("索引号", "11330100002491120A/2024-00123".to_string()),
        ("发文机关", "某某市人民政府办公室".to_string()),
        ("标题", esc(&d.title)),
        ("发文字号", cell(&g.number)),
        ("成文日期", cell(&g.signed)),
        ("发布日期", cell(&g.published)),
    ];
    let mut out = head_html(&format!("{}_某某市人民政府", d.title), "");
    out.push_str(&top());
    out.push_str(if dl { "<div class=\"xxgk-info\"><dl>\n" } else { "<div class=\"xxgk-info\"><ul>\n" });
    for (label, value) in rows {
        if dl {
            let _ = writeln!(out, "<dt>{label}：</dt><dd>{value}</dd>");
        } else {
            let _ = writeln!(out, "<li><span>{label}：</span>{value}</li>");
        }
    }
    out.push_str(if dl { "</dl></div>\n" } else { "</ul></div>\n" });
    out.push_str("<div class=\"article-con\">\n<div class=\"TRS_Editor\">\n");
    out.push_str(&paragraphs(&d.lines));
    out.push_str("</div>\n</div>\n");
    out.push_str(&bottom(false));
    out
}

/// (g) A layout table, as older CMSs build a page: the title in `<td class="title">`, the
/// page's date in the next row, the text in the row after it (`Custom_UnionStyle`, TRS's older
/// editor's container, or a bare `<td>`).
fn layout(d: &Doc, union: bool) -> String {
    let mut out = head_html(&format!("{}_某某市人民政府", d.title), "");
    out.push_str(&top());
    // (A saved site's frame above the title stays above the table: an editor pastes the
    // document only.)
    let framed = d.before().iter().any(|l| frame_line(l));
    if framed {
        out.push_str(&paragraphs(&d.before()));
    }
    out.push_str("<table width=\"100%\" class=\"content-table\">\n");
    let _ = writeln!(out, "<tr><td class=\"title\" align=\"center\">{}</td></tr>", esc(&d.title));
    if let Some(t) = d.pub_time() {
        let _ = writeln!(out, "<tr><td class=\"time\" align=\"center\">发布日期：{t}　　【字体：大 中 小】</td></tr>");
    }
    out.push_str(if union {
        "<tr><td class=\"content\">\n<div class=\"Custom_UnionStyle\">\n"
    } else {
        "<tr><td class=\"bt_content\" id=\"article\">\n"
    });
    if !framed {
        out.push_str(&paragraphs(&d.before()));
    }
    out.push_str(&paragraphs(&d.after()));
    out.push_str(if union { "</div>\n</td></tr>\n</table>\n" } else { "</td></tr>\n</table>\n" });
    out.push_str(&bottom(false));
    out
}

/// (h) The article's `<div>` holds the whole document: the title as an `<h2>` (or `<strong>`
/// lines), the number and date lines before the salutation as the text has them; the page's
/// `<base href>` and a `<title>` with the site's name first.
fn inline(d: &Doc, strong: bool) -> String {
    let mut out = head_html(&format!("某某市人民政府 - {}", d.title), "<base href=\"http://www.example.gov.cn/\">\n");
    out.push_str(&top());
    out.push_str("<div class=\"detail\">\n<div class=\"article-content\">\n");
    out.push_str(&paragraphs(&d.before()));
    for l in d.title_lines() {
        if strong {
            let _ = writeln!(out, "<p style=\"text-align:center\"><strong>{}</strong></p>", esc(l));
        } else {
            let _ = writeln!(out, "<h2>{}</h2>", esc(l));
        }
    }
    out.push_str(&paragraphs(&d.after()));
    out.push_str("</div>\n</div>\n");
    out.push_str(&bottom(false));
    out
}

// ---------------------------------------------------------------------------------------------
// The report

/// Where the title stands in the text: the first run of one to three lines that together read
/// as the gold's title.
fn title_at(lines: &[&str], title: &str) -> Option<(usize, usize)> {
    let want = no_space(title);
    for i in 0..lines.len() {
        let mut joined = String::new();
        for k in 0..3 {
            let Some(l) = lines.get(i + k) else { break };
            joined.push_str(&no_space(l));
            if joined == want {
                return Some((i, k + 1));
            }
            if !want.starts_with(&joined) {
                break;
            }
        }
    }
    None
}

/// A line of a site's frame in a saved page's text: a breadcrumb, the site's greeting or
/// bookmarks, its address.
fn frame_line(line: &str) -> bool {
    ["位置", "首页", "欢迎", "http", "收藏"].iter().any(|w| line.contains(w))
}

/// What is wrong with the page read back: head fields, and the article not found.
/// `plain`: the page's plain text (a saved site's text may carry the marks of its own frame).
fn check(html: &str, plain: &str, gold: &Head, keep: &[&'static str]) -> Vec<String> {
    let page = match read_page(html, None) {
        Ok(p) => p,
        Err(e) => return vec![format!("read: {e}")],
    };
    let mut diff = differences(gold, &head_of(&page.parsed.reply), keep);
    let text = page.text.lines.join("\n");
    let r = &page.parsed.reply;
    let empty = r.sections.iter().all(|s| s.paragraphs.is_empty() && s.children.is_empty())
        && r.preamble.is_empty()
        && r.closing.is_empty();
    if text.trim().is_empty() || empty {
        diff.push("found: the reply is empty".into());
    } else if text.matches(NAV_MARK).count() > plain.matches(NAV_MARK).count()
        || text.matches(FOOTER_MARK).count() > plain.matches(FOOTER_MARK).count()
    {
        diff.push("found: the reply holds the page's navigation or footer".into());
    }
    diff
}

#[test]
fn the_head_survives_the_markup_sites_publish() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let pages = tune_pages(&root);
    assert!(pages.len() > 100, "expected the corpus's plain-text tune pages, found {}", pages.len());
    let mut tallies = tally::tallies(&GATES);
    let mut base_pages = 0;
    for (rel, path) in &pages {
        let text = std::fs::read_to_string(path).expect("read page");
        let Ok(gold) = std::fs::read_to_string(path.with_extension("gold")) else { continue };
        let gold = gold_head(&gold);
        // Only pages whose title reads right today; of those, every field that reads right.
        let base = head_of(&reply_core::parse(&text));
        if gold.title.is_none() || !differences(&gold, &base, &["title"]).is_empty() {
            continue;
        }
        let lines: Vec<&str> = text.lines().collect();
        let title = gold.title.clone().unwrap_or_default();
        // A title the text does not set on lines of its own (a run-in one) has no markup of its own.
        let Some(at) = title_at(&lines, &title) else { continue };
        base_pages += 1;
        let keep: Vec<&'static str> = ["title", "number", "published", "signed"]
            .into_iter()
            .filter(|f| differences(&gold, &base, &[f]).is_empty())
            .collect();
        let d = Doc { lines, at, title, gold: &gold };
        let mut variants: Vec<(&str, &str, String)> = vec![
            ("trs", "meta, h1, info", trs(&d, true, false)),
            ("trs", "div title, info, no meta", trs(&d, false, false)),
            ("table", "信息公开属性", table(&d)),
            ("hanweb", "#zoom, <br> lines", hanweb(&d, false)),
            ("hanweb", "#UCAP-CONTENT", hanweb(&d, true)),
            ("fallback", "div#content.detil-new-cont", fallback(&d, "footer")),
            ("fallback", "div#content.detil-new-cont, div.dibu", fallback(&d, "dibu")),
        ];
        variants.push(("list", "ul li span", list(&d, false)));
        variants.push(("list", "dl dt dd", list(&d, true)));
        variants.push(("layout", "td.title, td Custom_UnionStyle", layout(&d, true)));
        variants.push(("layout", "td.title, bare td", layout(&d, false)));
        variants.push(("inline", "h2 title, base href, site-first title", inline(&d, false)));
        variants.push(("inline", "strong title, base href, site-first title", inline(&d, true)));
        // An editor pastes the document, never the site's frame a saved page's text holds
        // above the title (its menu, breadcrumb, greeting): those pages keep it outside.
        if !d.before().iter().any(|l| frame_line(l)) {
            variants.push(("trs", "meta, h1, the text's head inside", trs(&d, true, true)));
        }
        for (how, name) in
            [(Centred::Style, "text-align:center"), (Centred::Br, "center strong br"), (Centred::TwoP, "two centred p")]
        {
            if let Some(h) = centred(&d, how) {
                variants.push(("centred", name, h));
            }
        }
        for (kind, name, html) in variants {
            let diff = check(&html, &text, &gold, &keep);
            tally::count(&mut tallies, kind, &diff, || format!("{rel} [{name}]"));
        }
    }
    assert!(base_pages > 100, "too few pages read right to measure: {base_pages}");
    tally::report(
        &format!("{base_pages} plain-text tune pages whose title reads right, rendered as saved pages"),
        "template",
        &tallies,
        &GATES,
    );
}

#[test]
fn a_title_is_found_over_lines_and_broken_near_its_middle() {
    let lines = ["某县交通运输局", "关于对县政协十届三次会议", "第53号提案的答复", "张委员："];
    assert_eq!(title_at(&lines, "某县交通运输局关于对县政协十届三次会议第53号提案的答复"), Some((0, 3)));
    assert_eq!(title_at(&lines, "关于对县政协十届三次会议第53号提案的答复"), Some((1, 2)));
    assert_eq!(title_at(&lines, "另一个标题"), None);
    let (a, b) = halves("关于对县政协十届三次会议第53号提案的答复").expect("a boundary");
    assert_eq!((a.as_str(), b.as_str()), ("关于对县政协十届三次会议", "第53号提案的答复"));
}

#[test]
fn held_out_pages_are_never_read() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    for (rel, _) in tune_pages(&root) {
        assert!(!held_out(&rel), "{rel}");
    }
}
