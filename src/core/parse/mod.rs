//! Plain text of the genre → [`Reply`]. Pure: no I/O, no panics on any input.
//!
//! A reply is read line by line. Page chrome (`今天是:`, `打印本页`) is the only thing dropped;
//! the header gives the title, metadata lines and a salutation; the body is headings (一、 / (一)
//! / 1. / (1), nested by first appearance, numbered in sequence) and paragraphs; the tail gives
//! the closing (下一步…, 特此答复) and the signature (office, date, contact). Anything else lands
//! in a paragraph, so no text is lost.
//!
//! [`parse`] reads a text; [`parse_lines`] reads lines taken from a page (see `crate::page`) with
//! what the page says about itself ([`Hints`]), and also tells where each piece of the reply
//! stands in those lines ([`Origins`]), so the widget can mark figures in the page's own text.

mod attachment;
mod body;
mod dates;
mod figures;
mod header;
mod heading;
mod numeral;
mod script;
mod tail;
// Issue 22: stance, deadline and indicator of each figure, decided over a parsed reply.
mod indicator;
pub mod promise;
mod stance;

pub(crate) use figures::read_quantity;
pub(crate) use numeral::{is_cn_numeral, read_arabic};
pub use promise::annotate;

use crate::model::{Figure, Reply, Section, CLOSING, PREAMBLE, TITLE, TOP};
use crate::text::{listed, words};
use crate::util::{cat, uint, IdMap};
use body::{blocks, Block, Builder};
use dates::{is_date_line, year_of};
use header::Header;

/// What a page says about itself outside the reply's text: the meta tags of the national
/// guidelines for government websites (`ArticleTitle`, `PubDate`, `ContentSource`) or a title
/// outside the article. Used where the text has none of its own.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Hints {
    pub title: Option<String>,
    /// Whether `title` is the page's headline (its meta tags, the title set above the article,
    /// its metadata table's 标题) rather than its `<title>`: a headline that reads as a title is
    /// the title over the text's own title line.
    pub headline: bool,
    pub published: Option<String>,
    pub source: Option<String>,
    /// The document number of the page's metadata table (发文字号), if any.
    pub number: Option<String>,
    /// The date the document bears by the page's metadata table (成文日期), if any.
    pub signed: Option<String>,
    /// The dates of the page's record (生成日期, a 发文日期 beside its 发布日期, an index list's
    /// bare date), if any: the document's date only where it bears none of its own.
    pub generated: Option<String>,
    /// The publication date of the page's metadata table (发布日期), if any.
    pub dated: Option<String>,
    /// How each input line is set (by index; missing lines are plain): the title reader joins
    /// a title set on several centred or bold lines.
    pub lines: Vec<LineStyle>,
}

/// How a line of a page is set, as far as the title reader cares.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LineStyle {
    /// Centred (`align=center`, `text-align: center`, `<center>`).
    pub centred: bool,
    /// Bold in every char (`<b>`, `<strong>`, `h1`–`h3`, `font-weight: bold`).
    pub bold: bool,
}

/// Fills in what the page's metadata table (`信息公开属性`: 标题, 发文字号, 成文日期, 发布日期,
/// or a `dl` of the same) says, read from the text of the whole page (`page_lines`): its title
/// (over an `<h1>` or `<title>`), document number, 成文日期, and 发布日期 where the meta tags
/// gave none.
pub fn page_table(hints: &mut Hints, page_lines: &[&str]) {
    // Labels read folded (發佈日期, 發文字號), values as the page writes them.
    let folded = script::fold_lines(page_lines);
    let mut fields = match &folded {
        Some(lines) => header::page_fields(&lines.iter().map(String::as_str).collect::<Vec<_>>()),
        None => header::page_fields(page_lines),
    };
    if folded.is_some() {
        let back = script::Unfold::new(page_lines.iter().copied());
        for (_, v) in &mut fields {
            back.text(v);
        }
    }
    let field = |labels: &str| words(labels).find_map(|l| fields.iter().find(|(k, _)| *k == l).map(|(_, v)| v.clone()));
    // (A bare 名称 only in the text's own header: around the article it may name anything.)
    if let Some(t) = field("标题|信息名称|文件名称").filter(|t| t.chars().count() >= 4) {
        hints.title = Some(t);
        hints.headline = true;
    }
    if hints.number.is_none() {
        hints.number = field(header::NUMBER_LABELS)
            .and_then(|v| number_in(&v))
            .or_else(|| number_above_title(hints.title.as_deref(), page_lines));
    }
    if hints.signed.is_none() {
        // As in the text's own header: where the page gives its publication apart, its 发文日期
        // is the document's own date.
        let issued = || field("发布时间|发布日期|公开日期").and_then(|_| field("发文日期"));
        let date = |labels: &str| field(labels).filter(|v| dates::date_of(v).is_some());
        hints.signed = date("成文日期|成文时间");
        hints.generated = date("生成日期")
            .or_else(|| issued().filter(|v| dates::date_of(v).is_some()))
            .or_else(|| bullet_date_above(hints.title.as_deref(), page_lines));
    }
    if hints.dated.is_none() {
        let dated = |labels: &str| field(labels).filter(|v| dates::date_of(v).is_some());
        // A bare 时间 / 日期 (a site's header may print today's) only where no meta tag dates the page.
        hints.dated = dated("发布日期|发布时间|公开日期")
            .or_else(|| hints.published.is_none().then(|| dated("时间|日期|其他时间")).flatten())
            .or_else(|| date_under_title(hints.title.as_deref(), page_lines));
    }
}

/// The document number a red-headed document sets on a line of its own above its title (`某交函
/// 〔2021〕141号　签发人：某某`), where the page sets both outside the article: within the three
/// lines above the headline.
fn number_above_title(title: Option<&str>, page_lines: &[&str]) -> Option<String> {
    let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let title = squeeze(title?);
    let at = page_lines.iter().position(|l| title.chars().count() >= 6 && squeeze(l) == title)?;
    page_lines[..at].iter().rev().filter(|l| !l.trim().is_empty()).take(3).find_map(|l| header::number_line(l))
}

/// The date of an index list of bullets (`• 2023-09-25`, no labels) the page sets right above
/// the headline it sets outside the article, as the text's header reads it above its title.
fn bullet_date_above(title: Option<&str>, page_lines: &[&str]) -> Option<String> {
    let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let title = squeeze(title?);
    let at = page_lines.iter().position(|l| title.chars().count() >= 6 && squeeze(l) == title)?;
    let list: Vec<&str> = page_lines[..at].iter().rev().filter(|l| !l.trim().is_empty()).take(8).copied().collect();
    let bullets = list.iter().take_while(|l| l.trim_start().starts_with(['•', '·', '●'])).count();
    // (A date under its label, `• 发布日期` / `• 2019-06-20`, is the page's table's: read there.)
    (0..bullets)
        .rev()
        .filter(|&k| list.get(k + 1).is_none_or(|a| header::pair(a, list[k]).is_none()))
        .find_map(|k| header::bullet_date(list[k]))
}

/// The page's date on a line of its own just under the title it sets outside the article
/// (`2023-09-12　　县科技局` under the headline), as written.
fn date_under_title(title: Option<&str>, page_lines: &[&str]) -> Option<String> {
    let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let title = squeeze(title?);
    let at = page_lines.iter().position(|l| title.chars().count() >= 6 && squeeze(l) == title)?;
    page_lines.iter().skip(at + 1).find(|l| !l.trim().is_empty()).and_then(|l| header::page_dateline(l))
}

/// The title a site sets just above the article's container, from the page's lines above the
/// article (read with [`crate::page::Before`]): what a title outside the article is, before an
/// `<h1>` (often the site's name) and the `<title>`.
pub fn title_above(before: &[&str]) -> Option<String> {
    let Some(lines) = script::fold_lines(before) else { return header::title_above(before) };
    let mut title = header::title_above(&lines.iter().map(String::as_str).collect::<Vec<_>>())?;
    script::Unfold::new(before.iter().copied()).text(&mut title);
    Some(title)
}

/// Whether a text reads as a document's title: it ends like one (…的通知, …答复) or holds
/// `关于…`, and is no sentence.
pub(crate) fn reads_as_title(text: &str) -> bool {
    let folded = crate::text::simplify(text);
    let text = folded.as_deref().unwrap_or(text);
    text.chars().count() >= 6 && !text.contains('。') && (header::complete(text) || text.contains("关于"))
}

/// Where a piece of the reply stands in the lines it was read from, in chars of the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub line: u32,
    /// Where the piece starts: a heading's number, a paragraph's first char.
    pub start: u32,
    /// Where the text that figure offsets count in starts: a heading's title; else `start`.
    pub text: u32,
    pub end: u32,
}

/// Where each paragraph, heading and the title stand in the lines read, by id (a paragraph's
/// id, a section's id for its heading, [`TITLE`]). Pieces the parser made up (the title 答复,
/// the implicit section 正文, a title from [`Hints`]) have none.
#[derive(Clone, Debug, Default)]
pub struct Origins {
    spans: Vec<Span>,
    by_id: IdMap,
}

impl Origins {
    fn add(&mut self, id: &str, span: Span) {
        self.by_id.insert(id.to_string(), self.spans.len());
        self.spans.push(span);
    }

    pub fn get(&self, id: &str) -> Option<Span> {
        self.by_id.get(id).map(|&k| self.spans[k])
    }
}

/// A parsed reply with the origins of its pieces.
pub struct Parsed {
    pub reply: Reply,
    pub origins: Origins,
}

/// Lines of page furniture scraped with the reply. Dropped, and only these.
const CHROME_PREFIXES: &str = "今天是|当前位置|您当前的位置|您当前所在位置|您所在的位置|您的位置|\
    您现在的位置|当前的位置|【打印|【关闭|打印本页|关闭窗口|【字体|【字号|\
    【收藏|【加入收藏|【返回|返回顶部|打印此页|关闭本页|字体:|字体：|\
    字号:|字号：|分享到|扫一扫|【我要纠错|上一篇|下一篇|回目录|返回目录|返回列表";

/// Whether a line is page chrome: short and opening with a known furniture label.
pub fn is_chrome(line: &str) -> bool {
    let line = line.trim();
    // A row of the page's furniture that holds its date (`字号：大 中 小 发布时间：2023-05-06`) is
    // its metadata row.
    let dated = || header::meta_fields(line).is_some_and(|f| f.iter().any(|(_, v)| dates::date_of(v).is_some()));
    // The site's greeting (`欢迎访问某区人民政府网站! 今天是:`, `您好,欢迎来到某某网!`), no sentence.
    let greeting = ["欢迎访问", "欢迎光临", "欢迎来到"].iter().any(|p| line.find(p).is_some_and(|at| at <= 9))
        && !line.contains(['。', '，']);
    // The page's comment box and its counters (`评论 0人参与,0条评论`), no sentence.
    let comments =
        line.contains("评论") && !line.contains('。') && (line.contains("人参与") || line.contains("条评论"));
    // The head of a list box of the site's (`政协公告 更多>>`).
    let more = line.chars().count() <= 20 && line.trim_end_matches(['>', '»', '+', ' ']).ends_with("更多");
    line.chars().count() <= 60
        && (greeting
            || more
            || comments
            || header::is_furniture(line)
            || crate::text::words(CHROME_PREFIXES).any(|p| {
                // 今天是: / 今天是2023年… are chrome; 今天是个好日子 is prose.
                line.strip_prefix(p).is_some_and(|rest| {
                    rest.chars()
                        .next()
                        .is_none_or(|c| p.ends_with([':', '：']) || !c.is_alphabetic() || numeral::is_digit(c))
                })
            }))
        && !dated()
}

/// One line of the input, trimmed: its text, its index, and the chars trimmed off its start.
#[derive(Clone, Copy)]
struct Line<'a> {
    text: &'a str,
    at: u32,
    lead: u32,
}

impl Line<'_> {
    fn span(&self) -> Span {
        let start = self.lead;
        Span { line: self.at, start, text: start, end: start + self.text.chars().count() as u32 }
    }

    /// A piece of the line by char range (of the trimmed text).
    fn piece(&self, (a, b): (usize, usize)) -> Piece {
        let text: String = self.text.chars().skip(a).take(b - a).collect();
        let (a, b) = (self.lead + a as u32, self.lead + b as u32);
        Piece { text, span: Span { line: self.at, start: a, text: a, end: b } }
    }

    fn whole(&self) -> Piece {
        Piece { text: self.text.to_string(), span: self.span() }
    }
}

/// Text of the reply with where it came from.
struct Piece {
    text: String,
    span: Span,
}

/// The non-empty, non-chrome lines, trimmed of white space and of the invisible marks an
/// editor leaves around a line (zero-width spaces and joiners, word joiner, BOM).
fn read_lines<'a>(input: &[&'a str]) -> Vec<Line<'a>> {
    let blank = |c: char| c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}');
    let mut out = Vec::with_capacity(input.len());
    for (at, raw) in input.iter().enumerate() {
        let text = raw.trim_matches(blank);
        if text.is_empty() || is_chrome(text) {
            continue;
        }
        let lead = raw[..raw.len() - raw.trim_start_matches(blank).len()].chars().count() as u32;
        out.push(Line { text, at: at as u32, lead });
    }
    out
}

/// The labels of the document's own date in a page's metadata (成文日期), first found wins.
const WRITTEN_DATES: &str = "成文日期|成文时间|生成日期";

/// The labels of a page's own date in its metadata, first found wins (a label by its shape,
/// 其他时间, [`header::SOME_DATE`], after the known ones).
const PAGE_DATES: &str = "发布时间|发布日期|发文日期|公开日期|更新时间|编稿时间|日期|时间|其他时间";

/// The labels of a page's date that date it in a metadata row under the letter too.
const FOOTER_DATES: &str = "发布时间|发布日期|公开日期";

/// Parses one reply. Never fails: an unknown shape still lands in paragraphs.
pub fn parse(text: &str) -> Reply {
    let text = text.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text.split(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']).collect();
    parse_lines(&lines, &Hints::default()).reply
}

/// Parses a reply given as lines (one block of a page each), with what the page says about
/// itself, and records where each piece came from.
///
/// A page in traditional script is read folded (`script.rs`): the rules see `億元`, `號`,
/// `屆`, `發佈日期` as `亿元`, `号`, `届`, `发布日期`; the reply gives back the page's own chars.
pub fn parse_lines(input: &[&str], hints: &Hints) -> Parsed {
    let fold = |s: &Option<String>| s.as_ref().map(|t| crate::text::simplify(t).unwrap_or_else(|| t.clone()));
    let own_hints = [&hints.title, &hints.published, &hints.source, &hints.number, &hints.signed, &hints.dated];
    let folded: Vec<Option<String>> = input.iter().map(|l| crate::text::simplify(l)).collect();
    let traditional = folded.iter().any(Option::is_some)
        || own_hints.iter().any(|h| h.as_deref().and_then(crate::text::simplify).is_some());
    if !traditional {
        return parse_folded(input, hints);
    }
    let lines: Vec<&str> = input.iter().zip(&folded).map(|(l, f)| f.as_deref().unwrap_or(l)).collect();
    let folded_hints = Hints {
        title: fold(&hints.title),
        headline: hints.headline,
        published: fold(&hints.published),
        source: fold(&hints.source),
        number: fold(&hints.number),
        signed: fold(&hints.signed),
        generated: fold(&hints.generated),
        dated: fold(&hints.dated),
        lines: hints.lines.clone(),
    };
    let mut parsed = parse_folded(&lines, &folded_hints);
    let texts = input.iter().copied().chain(own_hints.into_iter().filter_map(|h| h.as_deref()));
    script::Unfold::new(texts).reply(&mut parsed.reply);
    parsed
}

/// [`parse_lines`] over lines whose chars the rules key on are simplified.
fn parse_folded(input: &[&str], hints: &Hints) -> Parsed {
    let lines = read_lines(input);
    let mut b = Builder { origins: Origins::default() };

    let header = header::read(&lines, &hints.lines, hints.title.as_deref().filter(|_| hints.headline));
    let Header { title, mut meta, fields, number, salutation, dated, posted, rest, end: i } = header;
    let field = |labels: &str| {
        words(labels).find_map(|l| fields.iter().find(|(k, v)| *k == l && !v.is_empty()).map(|(_, v)| v.clone()))
    };
    let source = field("来源|信息来源|发布单位|发布机构").or_else(|| hints.source.clone());
    // The document number: a line of the header, else of the letterhead lines below it (up to
    // the salutation, which a form's empty label over its next key is not), else the
    // metadata's 发文字号.
    let salutes = |k: usize| header::is_salutation(lines[k].text) && !header::form_label(&lines, k);
    let letterhead = (i..lines.len()).take(10).take_while(|&k| !salutes(k)).map(|k| &lines[k]);
    // (A line that opens with the number, apart by white space from the rest, where the page
    // lost its line breaks: `某财复字〔2022〕4号 签发人:某某 尊敬的…代表:`.)
    let opening = |t: &str| {
        t.split_whitespace().next().and_then(header::number_line).filter(|n| t.trim_start().starts_with(n.as_str()))
    };
    let number =
        number.or_else(|| letterhead.clone().find_map(|l| header::number_line(l.text).or_else(|| opening(l.text))));
    // (Or the title again as a wiki's summary row among the header's lines, `…的批复 国函〔1992〕194号
    // …`, under a title the page sets outside the text, or read as the title itself.)
    let number = number.or_else(|| {
        let own = title.as_ref().map(|t| t.text.as_str());
        let t = hints.title.as_deref().or(own)?;
        let rows = own.into_iter().chain(meta.iter().map(String::as_str)).chain(letterhead.clone().map(|l| l.text));
        rows.into_iter().find_map(|m| header::summary_number(m, t)).map(|(n, _)| n)
    });
    let recorded = field(header::NUMBER_LABELS).and_then(|v| number_in(&v)).or_else(|| hints.number.clone());
    // The text's number in the metadata's writing where both name one number and only the
    // brackets differ (`虞交建[2019]12号` in the text, `〔2019〕` as the standard sets it there).
    let document_number = match (number, recorded) {
        (Some(n), Some(r)) if same_number(&n, &r) => Some(r),
        (n, r) => n.or(r),
    };

    let mut body: Vec<Line> = rest.into_iter().chain(lines[i..].iter().copied()).collect();
    // Attachments after the signature are sections of their own, read apart. The reply's
    // closing and signature are what ends the page, in reading order: with attachments, the
    // signature that ends the last one; the letter's own stay in its text.
    let mut attachments = attachment::split(&mut body);
    let signature = match attachments.last_mut() {
        Some(a) => tail::signature(&mut a.body),
        None => tail::signature(&mut body),
    };
    // The date under the signature: its date line, else a date alone on one of the last lines
    // of the letter (a footer of the site may follow the signature). With attachments, the
    // letter's own (the signature read above ends the last attachment).
    // A date line of a signature: the date alone, or after the office on its line.
    // Or under its label as a form prints it (`答复日期：2023年3月20日`).
    let signs = |t: &str| {
        dates::is_signature_date(t)
            || tail::is_office_and_date(t)
            || tail::labelled(t).is_some_and(dates::is_signature_date)
            || tail::dated_over_title(t).is_some()
    };
    // First a date under the office's line (or on it), within the last thirty lines: a site's
    // footer (its links, a list of other replies and their dates) may follow the letter. Else
    // a date line of a signature; else one run into the end of the last paragraph, where a page
    // lost its line breaks (`…指导。 某县水利局 2021年9月17日`).
    // (The office's line may be under the date, or over a seal's note over it: `（盖章）`.)
    let office_at = |k: usize| body.get(k).is_some_and(|l| tail::is_office_line(l.text));
    let under_office = |k: usize| {
        tail::is_office_and_date(body[k].text)
            || (dates::is_signature_date(body[k].text)
                && (k > 0 && office_at(k - 1)
                    || k > 1 && tail::is_seal(body[k - 1].text) && office_at(k - 2)
                    || office_at(k + 1)))
    };
    let dated_office = (0..body.len()).rev().take(30).find(|&k| under_office(k));
    // Lines under the letter that a window counts without: the page's furniture, its footer and
    // links (short lines), the contact's lines.
    let aside =
        |t: &str| is_chrome(t) || tail::is_footer(t) || tail::is_contact_line(t) || t.trim().chars().count() <= 8;
    // The date of a signature's line: a form's field's value (`答复日期：2022711`), or the line's.
    let date_in = |t: &str| dates::date_of(tail::labelled(t).unwrap_or(t));
    // A date under a document's title (`关于…的答复` / `2024-04-21`) dates an item of the site's
    // list of other pages under the letter, not the letter (a closing, `特此函复`, names nothing).
    let item =
        |t: &str| header::complete(t) && t.contains('的') && !t.contains(['。', '，', ',']) && !tail::is_office_line(t);
    let own = dated_office
        .and_then(|k| dates::date_of(body[k].text))
        .or_else(|| {
            // (Within the last sixteen lines, the page's furniture, footer and links (short lines)
            // and the contact's lines under it aside.)
            let kept = (0..body.len()).rev().filter(|&k| signs(body[k].text) || !aside(body[k].text));
            let k = kept.take(16).find(|&k| signs(body[k].text) && !(k > 0 && item(body[k - 1].text)));
            k.and_then(|k| date_in(body[k].text))
        })
        // (A long text carried after the signature with no `附件` label, a 名单 or a 方案: the
        // date under the office's line above it, however far up.)
        .or_else(|| (0..body.len()).rev().find(|&k| under_office(k)).and_then(|k| dates::date_of(body[k].text)))
        // (Under it, a table's rules (`| |||`), the page's furniture (`【关闭窗口】`) and the
        // contact's lines only.)
        .or_else(|| {
            let furniture = |t: &str| !t.chars().any(char::is_alphanumeric) || is_chrome(t) || tail::is_contact_line(t);
            let last = body.iter().rev().filter(|l| !furniture(l.text)).take(3);
            last.map(|l| l.text).find_map(tail::run_in).and_then(dates::date_of)
        })
        // (The office and its date run into a paragraph with a text carried after them, however
        // far up.)
        .or_else(|| {
            let dated = |t: &str| tail::run_in(t).is_some_and(tail::is_office_and_date);
            body.iter().rev().find(|l| dated(l.text)).and_then(|l| tail::run_in(l.text)).and_then(dates::date_of)
        });
    // The signature block's date where it names its office (a date alone at the end may be a
    // footer's list's: the date under the office, above, is then the letter's; an office's
    // name with no date under it, a title's line, leaves the date at the end the letter's).
    let office = |t: &str| tail::is_office_line(t) || tail::is_office_and_date(t);
    let last = signature
        .iter()
        .rev()
        .find(|p| signs(&p.text))
        .filter(|_| signature.iter().any(|p| office(&p.text)) || dated_office.is_none())
        .filter(|_| !body.last().is_some_and(|l| item(l.text)) || signature.iter().any(|p| office(&p.text)))
        .and_then(|p| date_in(&p.text));
    // The date the letter's own signature block bears, where no attachment (read apart or only
    // named by a `附件` line) may have put its own date there: the letter's, over the record's
    // 成文日期.
    let attached = !attachments.is_empty() || body.iter().any(|l| l.text.starts_with("附件"));
    let signed_below = last.clone().filter(|_| !attached);
    let under_signature = if attachments.is_empty() { last.or(own) } else { own.or(last) };
    let written = field(WRITTEN_DATES).or_else(|| hints.signed.clone());
    // The metadata's 成文日期 first: the last date of a text may be an attachment's.
    // Else the date under the signature, else the header's (a note under the title, the date
    // under the issuers set below it).
    let under_signature = under_signature.or(dated);
    // Where the page gives its publication apart, its 发文日期 is the document's own date.
    let issued = field("发布时间|发布日期|公开日期").and_then(|_| field("发文日期")).and_then(|d| dates::date_of(&d));
    // A 生成日期 (the day the page's record was made) only where the document bears no date.
    let own_date = field("成文日期|成文时间").or_else(|| hints.signed.clone());
    let generated = field("生成日期").or_else(|| hints.generated.clone()).and_then(|d| dates::date_of(&d));
    let signed = signed_below
        .or_else(|| own_date.as_deref().and_then(dates::date_of))
        .or_else(|| under_signature.clone())
        .or(generated)
        .or(issued);
    // Published as written: the header's 发布时间, else the page's PubDate.
    // The page's date in a metadata row under the letter (`责任编辑：… 发布日期：2024-03-08`,
    // `【发布日期：2024-03-08】【打印】`), named as a publication only.
    let footer = lines.iter().rev().filter(|l| !aside(l.text)).take(12).find_map(|l| {
        let fields = header::meta_fields(l.text)?;
        let (_, v) = fields.into_iter().find(|(k, v)| listed(FOOTER_DATES, k) && dates::date_of(v).is_some())?;
        Some(v)
    });
    // Or in such a row between the header and the salutation, where a row the header's list
    // does not take (the site's address, `• http://…`) ended it above the date's; there a bare
    // 时间 or 日期 dates the page too (`日期：2024-05-06 来源：…`: no site's today under a title).
    let above = (i..lines.len()).take(10).take_while(|&k| !salutes(k)).find_map(|k| {
        let fields = header::meta_fields(lines[k].text)?;
        let posted = |k: &str| listed(FOOTER_DATES, k) || listed("更新时间|日期|时间", k);
        fields.into_iter().find(|(k, v)| posted(k) && dates::date_of(v).is_some()).map(|(_, v)| v)
    });
    let footer = above.or(footer);
    let published = field(PAGE_DATES)
        .or_else(|| field("成文日期"))
        .or_else(|| posted.clone())
        .or_else(|| hints.published.clone())
        .or_else(|| footer.clone());
    // Published as a date: the page's own date (its header's 发布日期, the 发布日期 the page
    // shows around the article, its PubDate: a meta tag may carry the date the page was last
    // rebuilt), else 成文日期, else the date under the signature.
    let published_date = field(PAGE_DATES)
        .or_else(|| hints.dated.clone())
        .or(posted)
        .or_else(|| hints.published.clone())
        .or(footer)
        .and_then(|p| dates::date_of(&p))
        .or_else(|| written.as_deref().and_then(dates::date_of))
        .or(under_signature);

    let mut blocks = blocks(&body);
    let closing = if attachments.is_empty() { tail::closing(&mut blocks) } else { Vec::new() };

    let has_headings = blocks.iter().any(|b| matches!(b, Block::Heading { .. }));
    let mut preamble = Vec::new();
    let mut sections = if has_headings {
        b.sections(blocks, &mut preamble)
    } else if !attachments.is_empty() {
        // The letter before the attachments has no headings: its text is what comes before
        // the first section.
        for block in blocks {
            if let Block::Paragraph(p) = block {
                preamble.push(p);
            }
        }
        Vec::new()
    } else {
        // No headings at all: the body is one implicit section.
        let mut pieces = Vec::new();
        for block in blocks {
            if let Block::Paragraph(p) = block {
                pieces.push(p);
            }
        }
        if pieces.is_empty() {
            Vec::new()
        } else {
            let paragraphs = b.numbered("s1", pieces);
            vec![Section {
                id: "s1".into(),
                number: String::new(),
                title: "正文".into(),
                paragraphs,
                children: Vec::new(),
            }]
        }
    };

    for a in attachments {
        let k = sections.len() + 1;
        sections.push(b.attachment(a, k));
    }

    // No title line: the header's 标题 field (a metadata list above the text).
    // No title line, or one that does not read as a title (a column's name): the header's 标题
    // field (a metadata list above the text) where it has one.
    let named = field("标题|信息名称|文件名称|名称").filter(|t| t.chars().count() >= 4);
    let title = match title {
        Some(t) if named.is_some() && !header::complete(&t.text) && !header::complete_start(&t.text) => {
            // Its line kept with the header's lines: nothing of the text is lost.
            meta.push(input.get(t.span.line as usize).map_or(t.text, |l| l.trim().to_string()));
            None
        }
        t => t,
    };
    let title = title.map(Ok).or_else(|| named.map(Err));
    let title = match title {
        Some(Err(t)) => t,
        // The page's metadata title where the text's own is a part of it (a line of a title
        // set on several that were not joined).
        // … or where the page's headline (not its `<title>`) reads as a document's title and
        // the text's line is not set as a title (centred or bold: then it is the document's own,
        // and a headline elsewhere on the page may be another's); or where the text's first
        // title-like line reads as none (a salutation, a column's name, a speech's
        // `——…在…会议上`) and the page's title does.
        // … or where the text opens with a byline (`某某新闻 2024-01-02`) above its own title: a
        // document reprinted under the page's headline, which is the item's title.
        Some(Ok(t))
            if hints.title.as_deref().is_some_and(|h| {
                let set = hints.lines.get(t.span.line as usize).is_some_and(|s| s.centred || s.bold);
                let reprinted = hints.headline && input[..t.span.line as usize].iter().any(|l| header::dated_byline(l));
                extends(h, &t.text)
                    || reprinted
                    || reads_as_title(h) && (hints.headline && !set || !reads_as_title(&t.text))
            }) =>
        {
            hints.title.clone().unwrap_or_default()
        }
        Some(Ok(t)) => {
            b.origins.add(TITLE, t.span);
            t.text
        }
        // No title line: the page's; but a `<title>` that reads as no document's title (the
        // site's name) yields to the title of the document a notice sends.
        None => {
            let weak = hints.title.as_deref().is_some_and(|h| !hints.headline && !reads_as_title(h));
            let sent = || sent_title(&lines[i..]);
            if weak { sent().or_else(|| hints.title.clone()) } else { hints.title.clone().or_else(sent) }
                .unwrap_or_default()
        }
    };
    let mut reply = Reply {
        title,
        published,
        published_date,
        source,
        document_number,
        signed,
        sections,
        closing: b.numbered("closing", closing),
        figures: Vec::new(),
        meta,
        salutation: salutation.map(|t| b.paragraph("salutation".into(), t)),
        preamble: b.numbered("preamble", preamble),
        signature: b.numbered("signature", signature),
    };
    let reference = reply
        .published
        .as_deref()
        .and_then(year_of)
        .or_else(|| reply.signature.iter().find(|p| is_date_line(&p.text)).and_then(|p| year_of(&p.text)))
        .map(|year| figures::Reference { year });
    // A reply of the year before posted early in the year: 今年 is its own year (promise::now_of).
    let session =
        reply.published.as_deref().and_then(promise::now_from).and_then(|n| promise::session_year(&reply.title, n));
    let reference = session.map(|n| figures::Reference { year: n.year }).or(reference);
    reply.figures = figures_of(&reply, &b.origins, reference);
    Parsed { reply, origins: b.origins }
}

/// The document number a metadata value holds, without what follows it (`桂环函〔2023〕735号 |`).
fn number_in(value: &str) -> Option<String> {
    let folded = crate::text::simplify(value);
    let (a, b) = header::find_number(folded.as_deref().unwrap_or(value))?;
    Some(value.chars().skip(a).take(b - a).filter(|c| !c.is_whitespace()).collect())
}

/// The title of the document a notice sends (`现将《X》印发给你们`, `…转发给你们`) where the page
/// printed the notice's own title nowhere: the document's title on a line of its own below the
/// letter that names it.
fn sent_title(lines: &[Line]) -> Option<String> {
    for (k, l) in lines.iter().enumerate().take(40) {
        if l.text.chars().count() < 6 || !header::complete(l.text) {
            continue;
        }
        let quoted = cat(&["《", l.text, "》"]);
        let sends = |p: &Line| {
            p.text.split(&quoted).skip(1).any(|after| after.starts_with("印发") || after.starts_with("转发"))
        };
        if lines[..k].iter().any(sends) {
            return Some(l.text.to_string());
        }
    }
    None
}

/// Whether two document numbers are one, the brackets around their year aside (`某[2019]12号`,
/// `某〔2019〕12号`), and the second writes it with 〔〕.
fn same_number(a: &str, b: &str) -> bool {
    let plain = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    a != b && b.contains('〔') && plain(a) == plain(b)
}

/// Whether a page's metadata title is longer than the text's title and holds it (white space
/// aside): `国务院关于在市场监管领域全面推行部门联合…的意见` holds `国务院关于在市场监管领域全面推行`.
fn extends(meta: &str, title: &str) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let (meta, title) = (squeeze(meta), squeeze(title));
    !title.is_empty() && meta.len() > title.len() && meta.contains(&title)
}

/// Every figure of the reply in reading order: the title, headings, preamble, sections, the
/// closing, and the date line under the signature. Not the salutation, nor the signature's
/// office and contact lines (phone numbers are not figures).
fn figures_of(reply: &Reply, origins: &Origins, reference: Option<figures::Reference>) -> Vec<Figure> {
    // The names the reply defines (`“助老三件事”`, `（以下简称职教20条）`): no figure where they
    // stand again.
    let mut names = Vec::new();
    figures::names_in(&reply.title, &mut names);
    for p in reply.preamble.iter().chain(&reply.closing) {
        figures::names_in(&p.text, &mut names);
    }
    for (_, s) in reply.walk_sections() {
        figures::names_in(&s.title, &mut names);
        for p in &s.paragraphs {
            figures::names_in(&p.text, &mut names);
        }
    }
    let mut out = Vec::new();
    let mut add = |node: &str, paragraph: &str, text: &str| {
        let chars: Vec<char> = text.chars().collect();
        for f in figures::scan_chars(&chars, reference) {
            if figures::in_names(&chars, f.start, f.end, &names) {
                continue;
            }
            out.push(Figure {
                id: cat(&["f", &uint(out.len() + 1)]),
                text: chars[f.start..f.end].iter().collect(),
                amount: f.amount,
                date: f.date,
                section: node.to_string(),
                paragraph: paragraph.to_string(),
                start: f.start as u32,
                end: f.end as u32,
                context: figures::context(&chars, f.start, f.end),
                // Decided later, over the whole reply, by `annotate` (issue 22).
                stance: None,
                by: None,
                indicator: None,
            });
        }
    };
    add(TOP, TITLE, &reply.title);
    // The salutation's (`纪占斌等3名代表:`): a reader sees it as the letter's first line.
    if let Some(p) = &reply.salutation {
        add(TOP, &p.id, &p.text);
    }
    for p in &reply.preamble {
        add(PREAMBLE, &p.id, &p.text);
    }
    for (_, s) in reply.walk_sections() {
        // A title set on lines of its own (an attachment's: its heading line holds no title)
        // is read in its paragraphs.
        let own_lines = origins.get(&s.id).is_some_and(|o| o.text == o.end);
        if !s.number.is_empty() && !own_lines {
            add(&s.id, &s.id, &s.title);
        }
        for p in &s.paragraphs {
            add(&s.id, &p.id, &p.text);
        }
    }
    for p in &reply.closing {
        add(CLOSING, &p.id, &p.text);
    }
    for p in reply.signature.iter().filter(|p| dates::is_signature_date(&p.text)) {
        add(CLOSING, &p.id, &p.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pages_issuing_date_beside_its_publication_date_is_the_documents() {
        let mut hints = Hints::default();
        page_table(&mut hints, &["发文日期", "2020年09月23日", "发布时间：2020-09-25 09:30"]);
        assert_eq!(hints.generated.as_deref(), Some("2020年09月23日"));
        // … where the text bears no date of its own (its signature's wins).
        assert_eq!(parse_lines(&["您好。"], &hints).reply.signed.as_deref(), Some("2020-09-23"));
        let signed = parse_lines(&["您好。", "某县人民政府", "2020年9月21日"], &hints).reply.signed;
        assert_eq!(signed.as_deref(), Some("2020-09-21"));
        // Alone, a 发文日期 is the page's.
        let mut hints = Hints::default();
        page_table(&mut hints, &["发文日期", "2020年09月23日"]);
        assert_eq!((hints.signed, hints.generated), (None, None));
    }

    #[test]
    fn a_site_name_title_yields_to_the_document_a_notice_sends() {
        let lines = [
            "某办〔2024〕3号",
            "各区县有关单位：",
            "现将《关于加强高技能人才队伍建设的实施意见》印发给你们，请认真抓好落实。",
            "某市联席会办公室",
            "2024年4月9日",
            "关于加强高技能人才队伍建设的实施意见",
            "为加快建设高技能人才队伍，制定如下实施意见。",
        ];
        let hints = Hints { title: Some("某某市人民政府".into()), ..Hints::default() };
        assert_eq!(parse_lines(&lines, &hints).reply.title, "关于加强高技能人才队伍建设的实施意见");
    }

    #[test]
    fn an_index_lists_bullet_date_above_the_headline_outside_the_article_dates_the_document() {
        let title = "关于县人大十五届三次会议第144号建议的答复";
        let mut hints = Hints { title: Some(title.into()), headline: true, ..Hints::default() };
        page_table(&mut hints, &["首页", "• 00529508X/2023-00092", "• 某县水利局", "• 2023-09-25", title]);
        assert_eq!(hints.generated.as_deref(), Some("2023-09-25"));
        let mut hints = Hints { title: Some(title.into()), headline: true, ..Hints::default() };
        page_table(&mut hints, &["• 本站", "• 2020-12-30 10:32", title]);
        assert_eq!(hints.generated, None);
        let mut hints = Hints { title: Some(title.into()), headline: true, ..Hints::default() };
        page_table(&mut hints, &["• 索引号", "• 005452487/2019-00005", "• 发布日期", "• 2019-06-20", title]);
        assert_eq!(hints.generated, None);
        // The 生成日期 of the page's table dates the document only where its signature does not.
        let mut hints = Hints { title: Some(title.into()), headline: true, ..Hints::default() };
        page_table(&mut hints, &["生成日期: 2019-01-23", title]);
        assert_eq!((hints.signed.as_deref(), hints.generated.as_deref()), (None, Some("2019-01-23")));
        let lines = ["张代表：", "您提出的建议收悉。", "某县人民政府", "2019年1月17日"];
        assert_eq!(parse_lines(&lines, &hints).reply.signed.as_deref(), Some("2019-01-17"));
        assert_eq!(parse_lines(&lines[..2], &hints).reply.signed.as_deref(), Some("2019-01-23"));
    }

    #[test]
    fn the_texts_head_reads_the_same_under_a_headline_outside_it() {
        // The issuer's dated line of a bulletin's masthead, first in the text, under the title
        // the page sets outside the article.
        let lines = [
            "某县政务督查",
            "第20期",
            "某县人民政府督查室  2022年8月19日",
            "关于上半年落实情况的通报",
            "各乡镇人民政府：",
            "根据县政府工作安排，现通报如下。",
        ];
        let hints =
            Hints { title: Some("关于上半年落实情况的通报".into()), headline: true, ..Hints::default() };
        let r = parse_lines(&lines, &hints).reply;
        assert_eq!(r.signed.as_deref(), Some("2022-08-19"));
        // A list's items under the title (`• 本站`, the posting's date and hour): the page's.
        let lines = ["• 本站", "• 2020-12-30 10:32", "张代表：", "您提出的建议收悉。"];
        let r = parse_lines(&lines, &hints).reply;
        assert_eq!((r.signed, r.published.as_deref()), (None, Some("2020-12-30 10:32")));
        // A metadata list between the headline and the text's own title: its fields.
        let t = "某部办公厅关于印发《专项督察工作方案》的通知";
        let lines = [
            "索引号",
            "00001434901/2016-01687",
            "生成日期",
            "2016年03月02日",
            "实施日期",
            t,
            "各省国土资源主管部门：",
            "现将方案印发给你们。",
        ];
        let hints = Hints { title: Some(t.into()), headline: true, ..Hints::default() };
        assert_eq!(parse_lines(&lines, &hints).reply.signed.as_deref(), Some("2016-03-02"));
        // … a column's name over it, the label over its date where the list's short lines end.
        let lines = [
            "索引号",
            "001/2016-01687",
            "土地管理",
            "发文字号",
            "发布机构",
            "生成日期",
            "2016年03月02日",
            "通知",
            "实施日期",
            "废止日期",
            t,
            "各省国土资源主管部门：",
            "现将方案印发给你们。",
        ];
        assert_eq!(parse_lines(&lines, &hints).reply.signed.as_deref(), Some("2016-03-02"));
    }

    #[test]
    fn under_a_headline_outside_the_text_its_short_lines_down_to_the_salutation_are_its_header() {
        let lines = [
            "政府信息公开",
            "(县农业农村局)",
            "索引号",
            "zk/2025-00019",
            "日期",
            "2025-12-16",
            "杨代表：",
            "现答复如下。",
        ];
        let hints =
            Hints {
                title: Some("某县农业农村局关于第38号建议的答复".into()), headline: true, ..Hints::default()
            };
        let r = parse_lines(&lines, &hints).reply;
        assert_eq!(r.salutation.map(|s| s.text).as_deref(), Some("杨代表："));
        assert_eq!(r.signed, None);
    }

    #[test]
    fn a_number_above_the_headline_outside_the_article_is_the_documents() {
        let title = "某县交通运输局对县人大六次会议第17号建议的复函";
        let mut hints = Hints { title: Some(title.into()), ..Hints::default() };
        page_table(
            &mut hints,
            &["首页 > 建议提案", "某交函〔2021〕141号　签发人：张三", "", title, "发布时间：2021-09-02"],
        );
        assert_eq!(hints.number.as_deref(), Some("某交函〔2021〕141号"));
        // Far above the headline, or under it: not the document's.
        let mut hints = Hints { title: Some(title.into()), ..Hints::default() };
        page_table(&mut hints, &["某交函〔2021〕141号", "首页", "建议提案", "人大代表建议", title]);
        assert_eq!(hints.number, None);
    }

    #[test]
    fn the_pages_headline_wins_over_a_text_line_that_reads_as_no_title() {
        // The title set above the article (`<h1>`, ArticleTitle): the text opens with the
        // salutation, or a speech's date line, which reads as no document's title.
        let hints = Hints { title: Some("某局对某县政协第12号提案的答复".into()), ..Hints::default() };
        for first in ["张三委员", "——2018年5月30日在市人大常委会第四次会议上"] {
            let lines = [first, "您的提案收悉，现答复如下。", "某局", "2023年7月28日"];
            assert_eq!(parse_lines(&lines, &hints).reply.title, "某局对某县政协第12号提案的答复", "{first}");
        }
        // The occasion opening the text under a headline set outside it dates the document.
        let lines = ["——2018年5月30日在市人大常委会第四次会议上", "市人大常委会：", "现将有关情况报告如下。"];
        let r = parse_lines(&lines, &hints).reply;
        assert_eq!((r.title.as_str(), r.signed.as_deref()), ("某局对某县政协第12号提案的答复", Some("2018-05-30")));
        // The page's headline over the text's own title line (the document's letterhead form).
        let hints = Hints { title: Some("关于某建议的答复".into()), headline: true, ..Hints::default() };
        let lines = ["某局关于某建议的答复", "张三代表：", "您的建议收悉，现答复如下。"];
        assert_eq!(parse_lines(&lines, &hints).reply.title, "关于某建议的答复");
        // … unless the text sets its own line as a title (centred or bold): a headline above
        // the article may be another document's (a list's, a previous item's).
        let centred = LineStyle { centred: true, bold: false };
        let set = Hints { lines: vec![centred, LineStyle::default(), LineStyle::default()], ..hints.clone() };
        assert_eq!(parse_lines(&lines, &set).reply.title, "某局关于某建议的答复");
        // … but not the `<title>`'s words.
        let hints = Hints { title: Some("关于某建议的答复".into()), ..Hints::default() };
        assert_eq!(parse_lines(&lines, &hints).reply.title, "某局关于某建议的答复");
        // A headline that reads as no title (a column's name) leaves the text's own line.
        let hints = Hints { title: Some("政务动态".into()), ..Hints::default() };
        let lines = ["某局关于某事项的通知", "各单位：", "现将有关事项通知如下。"];
        assert_eq!(parse_lines(&lines, &hints).reply.title, "某局关于某事项的通知");
    }

    #[test]
    fn chrome_is_dropped_and_only_chrome() {
        let r = parse("今天是:\n标题\n正文第一段。");
        assert_eq!(r.title, "标题");
        assert!(is_chrome("今天是:2023年8月22日 星期二"));
        for line in ["【字号：大 中 小】【打印】", "返回顶部", "【收藏】【关闭】", "打印此页 关闭本页"]
        {
            assert!(is_chrome(line), "{line}");
        }
        assert!(!is_chrome("返回顶部的按钮设计得很好，方便了老年人浏览网页和查找信息。"));
        // A link back to the list (`回目录 某网 |`), a comment box's counters.
        for line in ["回目录 某网 |", "返回列表", "评论 0人参与,0条评论", "已有0人参与,点击查看更多精彩评论"]
        {
            assert!(is_chrome(line), "{line}");
        }
        assert!(!is_chrome("共有300人参与培训。"));
        // The head of a site's list box (`通知公告 更多>>`).
        assert!(is_chrome("政协公告 更多>>") && is_chrome("通知公告 更多+"));
        assert!(is_chrome("【关闭窗口】"));
        assert!(!is_chrome("关于进一步做好更多工作的通知"));
        assert!(!is_chrome(
            "今天是个好日子,我们在这里举办了一场很长很长很长很长很长很长很长很长很长很长很长很长的会议。"
        ));
    }

    #[test]
    fn a_date_row_between_the_header_and_the_salutation_dates_the_page() {
        // The site's address in the list's bullets ends the header's list above the date's row.
        let r = parse("某局对某委员提案的答复\n  • 信息来源:政府办\n  • http://www.example.gov.cn \n  • 发布时间:2023-08-02\n张三委员:\n您的提案收悉。\n某局\n2023年7月28日");
        assert_eq!(r.published_date.as_deref(), Some("2023-08-02"));
        assert_eq!(r.signed.as_deref(), Some("2023-07-28"));
    }

    #[test]
    fn a_number_opening_a_line_that_goes_on_is_the_documents() {
        // The page lost its line breaks: the number, the signer and the salutation on one line.
        let r = parse("关于某建议的答复\n某财复字〔2022〕4号 签发人:李四 尊敬的张三代表: 您的建议收悉,现答复如下: 我局将加大投入。");
        assert_eq!(r.document_number.as_deref(), Some("某财复字〔2022〕4号"));
        // A cited number opening a sentence's words is none.
        let r = parse("关于某建议的答复\n张三代表:\n根据某财发〔2022〕4号文件要求,我局将加大投入。");
        assert_eq!(r.document_number, None);
    }

    #[test]
    fn metadata_line_gives_published_and_source() {
        let r = parse("答复\n发布时间: 2023-08-22 19:35 发布单位: 来源: 办公室\n正文。");
        assert_eq!(r.published.as_deref(), Some("2023-08-22 19:35"));
        assert_eq!(r.source.as_deref(), Some("办公室"));
        assert_eq!(r.meta.len(), 1);
        let r = parse("答复\n索引号：011043-2023-00012\n发布日期：2023年8月22日\n发布单位：市科技局\n正文。");
        assert_eq!(r.published.as_deref(), Some("2023年8月22日"));
        assert_eq!(r.published_date.as_deref(), Some("2023-08-22"), "as YYYY-MM-DD");
        assert_eq!(r.source.as_deref(), Some("市科技局"), "falls back to 发布单位");
        assert_eq!(r.meta.len(), 3);
    }

    #[test]
    fn signature_and_date_at_the_end() {
        let r = parse("答复\n张三代表:\n您的建议收悉。投入5亿元。\n感谢您对科技工作的关心。\n武汉市科学技术局\n2023年8月22日\n联系人:李四 联系电话:027-12345678");
        assert_eq!(r.salutation.as_ref().map(|p| p.text.as_str()), Some("张三代表:"));
        assert_eq!(r.signature.len(), 3);
        assert_eq!(r.closing.len(), 1);
        // The date under the signature is a figure; the phone number is not.
        let texts: Vec<(&str, &str)> = r.figures.iter().map(|f| (f.text.as_str(), f.paragraph.as_str())).collect();
        assert_eq!(texts, [("5亿元", "s1-p1"), ("2023年8月22日", "signature-p2")]);
        assert_eq!(r.figures[1].section, "closing");
    }

    #[test]
    fn a_document_reprinted_under_a_byline_keeps_the_pages_headline() {
        let lines = ["某某新闻 2024-01-02", "某部关于同意某学院更名为", "某大学的函", "某省人民政府:", "收悉。"];
        let hints = Hints {
            title: Some("某部同意!某学院更名为某大学".into()), headline: true, ..Hints::default()
        };
        assert_eq!(parse_lines(&lines, &hints).reply.title, "某部同意!某学院更名为某大学");
        // Without the byline, the document's own title.
        let r = parse_lines(&lines[1..], &hints).reply;
        assert_eq!(r.title, "某部关于同意某学院更名为某大学的函");
    }

    #[test]
    fn a_long_list_after_the_signature_leaves_its_date_the_documents() {
        // A 通知 whose 名单 follows its signature with no `附件` label, far longer than a footer.
        let mut text = String::from(
            "关于发布某名单的通知\n各省人民政府:\n名单已经审定,现予发布。\n国 务 院\n二○○九年十二月二十八日\n某名单\n",
        );
        for k in 0..40 {
            text.push_str(&format!("某某{k}风景名胜区\n"));
        }
        let r = parse(&text);
        assert_eq!((r.signed.as_deref(), r.published_date.as_deref()), (Some("2009-12-28"), Some("2009-12-28")));
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("2023年8月22日"));
        assert!(is_date_line("二〇二三年八月二十二日"));
        assert!(is_date_line("2023-08-22"));
        assert!(!is_date_line("2023年投入5亿元"));
    }
}
