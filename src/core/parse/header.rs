//! The header of a reply: its title, the metadata lines a page prints above it (发布时间: …
//! 来源: …), the document number, and the salutation (张三委员：).

use super::dates::{self, is_dateish};
use super::heading::parse_heading;
use super::numeral::is_digit;
use super::tail::{self, is_office_line};
use super::{Line, LineStyle, Piece};
use crate::util::cat;

mod shape;

pub(super) use shape::fold;
pub(super) use shape::is_furniture;

/// What the header of a reply gives: its title, metadata lines (and their fields), the
/// salutation, and where the body starts.
pub(super) struct Header<'a> {
    pub title: Option<Piece>,
    pub meta: Vec<String>,
    pub fields: Vec<(&'static str, String)>,
    /// The document number (`国办函〔2005〕69号`), alone on its line or opening it.
    pub number: Option<String>,
    pub salutation: Option<Piece>,
    /// The date the header gives the document: a note in brackets under the title
    /// (`（2023年4月12日）`, `（…会议通过）`), the date under an issuer's line set below it.
    pub dated: Option<String>,
    /// The page's date as a line under the title prints it with no label (`2023-05-06 10:32`,
    /// `[ 2023-05-06 ]`, `某局 2023-05-06`), as written.
    pub posted: Option<String>,
    /// What ends the title's last line and is no title (a footnote mark, a note): the first
    /// line of the body.
    pub rest: Option<Line<'a>>,
    /// The first line of the body.
    pub end: usize,
}

/// Endings of a complete title: a title line that ends otherwise (`…第71号建议的`, `…关于`)
/// goes on on the next line.
// A reply sent on (续办续复) or by letter (函复).
// A report's title: …建议和提案办理情况.
// 意见书, 答复书, 承诺书, 倡议书, 告知书.
const TITLE_ENDINGS: &str = "答复|回复|复函|复文|答复函|续复|函复|的函|意见|通知|方案|办法|规定|决定|报告|通报|批复|\
    公告|通告|规划|纲要|条例|细则|计划|要点|预案|公报|说明|总结|讲话|决议|公示|请示|纪要|指南|清单|章程|声明|情况|\
    书|函";

/// Words no title ends with: a title line that ends so (`…五次会议`, `…提案的`) goes on.
const UNFINISHED: &str = "的|会议|关于|对|和|及|与|暨";

/// Whether a title's start cannot end it: it ends with a word no title ends with (`…会议`,
/// `…关于`), or it sends a text on (`印发《…》`) without the notice's last words.
fn cannot_end(t: &str) -> bool {
    crate::text::words(UNFINISHED).any(|w| t.ends_with(w))
        || ((t.contains("印发") || t.contains("转发")) && !complete(t))
}

/// Whether a title reads as complete (its last words end a document's title). White space
/// inside is ignored (`答 复`).
pub(super) fn complete(title: &str) -> bool {
    let folded = shape::fold(title);
    let t = shape::bare(&folded);
    // (The page's date after it, apart, is no part of it: `…的答复　2023-05-06`.)
    let t = split_posted(t).map_or(t, |(head, _)| head);
    let t: String = shape::split_number(t).map_or(t, |(head, _)| head).chars().filter(|c| !c.is_whitespace()).collect();
    // A short note in brackets after the last words: （A类）, （试行）, （征求意见稿）; the
    // proposal's own title (…的答复(关于加强校园周边食品安全的建议)) or its number
    // (…的答复(县十八届人大三次会议第31号建议)).
    let t = match t.strip_suffix(['）', ')']).and_then(|h| h.rfind(['（', '(']).map(|at| (h, at))) {
        Some((h, at))
            if h[at..].chars().count() <= 10
                || h[at..].chars().skip(1).collect::<String>().starts_with("关于")
                || (h[at..].contains('号') && h[at..].chars().any(is_digit)) =>
        {
            &t[..at]
        }
        _ => t.as_str(),
    };
    // The proposal's title in 《》 after a complete title (`…提案的答复函《关于…的建议》`).
    let t = match t.strip_suffix('》').and_then(|h| h.rfind('《')) {
        Some(at) if at > 0 && complete(&t[..at]) => &t[..at],
        _ => t,
    };
    crate::text::words(TITLE_ENDINGS).any(|e| t.ends_with(e))
        || crate::text::words(WEAK_ENDINGS).any(|e| t.ends_with(e))
}

/// Endings of a document's title only after 的 (`关于加强科技金融服务的建议`): without it they
/// name a kind of document, a column's name (`人大代表建议`, `政协委员提案`).
const WEAK_ENDINGS: &str = "的建议|的提案|的议案";

/// How a line is set: centred or bold (from the page), or plain.
fn styled(style: LineStyle) -> bool {
    style.centred || style.bold
}

/// Reads the header: title, metadata lines, document number, salutation, in any order, up to
/// the first line that is none of these. `styles` gives how each input line is set (by
/// index): a title set on several centred or bold lines is joined; in plain text, a title line
/// that does not read as complete goes on on the next. `outside`: the title the page sets outside
/// the text (its headline): the text's first lines stand under it as under the text's own.
pub(super) fn read<'a>(lines: &[Line<'a>], styles: &[LineStyle], outside: Option<&str>) -> Header<'a> {
    let style = |l: &Line| styles.get(l.at as usize).copied().unwrap_or_default();
    let mut title: Option<Piece> = None;
    let mut meta: Vec<String> = Vec::new();
    let mut fields: Vec<(&'static str, String)> = Vec::new();
    let mut number: Option<String> = None;
    let mut salutation: Option<Piece> = None;
    let mut dated: Option<String> = None;
    let mut posted: Option<String> = None;
    // The page's date on a line of its own above the title.
    let mut above: Option<String> = None;
    let mut rest: Option<Line> = None;
    // A title read from a line that is mostly something else (a breadcrumb whose last crumb is
    // the title, a title with the metadata on its line): where no line of its own gives one.
    let mut fallback: Option<Piece> = None;
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        let text = line.text;
        let top = title.is_none() && salutation.is_none();
        let titled = title.is_some() || outside.is_some();
        // Where the title stands again below (a masthead between them), the masthead's end.
        let mast = match &title {
            _ if salutation.is_some() => None,
            Some(t) => masthead(lines, i, &t.text),
            None => outside.and_then(|h| masthead(lines, i, h)),
        };
        // The issuers' lines from here (one to three), and the date under them.
        let offices = issuers(lines, i);
        let dated_below = date_at(lines, i + offices).filter(|_| offices > 0);
        if let Some((label, value)) = pair_at(lines, i) {
            // A label alone on its line, its value on the next (a list of dt / dd, bullets).
            let mut v = shape::cells(strip_bullet(value.text)).to_string();
            meta.push(text.to_string());
            meta.push(value.text.to_string());
            i += 1;
            // A title's value broken over two or three lines (`公文名称:` / `对…会议` /
            // `第6826号建议的答复`): the lines up to the one that completes it are the value's too.
            if (label == "名称" || crate::text::listed(TITLE_KEYS, label)) && !complete(&v) {
                let mut joined = v.clone();
                for k in i + 1..i + 3 {
                    let Some(n) = lines.get(k).filter(|n| continues(n.text)) else { break };
                    joined = cat(&[&joined, shape::cells(strip_bullet(n.text))]);
                    // (Not over a break before its last words: `…办理情况` / `的答复函`.)
                    let last_words = k + 1 < i + 3 && lines.get(k + 1).is_some_and(|m| m.text.starts_with('的'));
                    if complete(&joined) && !last_words {
                        v = joined;
                        for l in &lines[i + 1..=k] {
                            meta.push(l.text.to_string());
                        }
                        i = k;
                        break;
                    }
                }
            }
            fields.push((label, v));
        } else if let Some(f) = meta_fields(text) {
            if top && fallback.is_none() {
                fallback = words_before(text, |r| meta_fields(r).is_some()).map(|w| line.piece(within(text, w)));
            }
            fields.extend(f);
            meta.push(text.to_string());
        } else if label_line(text).is_some() {
            // A label with no value (`• 实施日期:`, `归档时间:`): no salutation.
            meta.push(text.to_string());
        } else if top && keyed_bullet(text) && [i.wrapping_sub(1), i + 1].iter().any(|&k| listed_row(lines, k)) {
            // A row of a bulleted metadata list whose key no list holds (`• 内容分类:…`), between
            // rows that are: the page's, never the title.
            meta.push(text.to_string());
        } else if let Some(n) = number_line(text) {
            number.get_or_insert(n);
            meta.push(text.to_string());
        } else if title.is_none() && salutation.is_none() && is_dateish(text) {
            // A date line above the title (the site's today, the year of a column): not the title.
            // In a list of bullets (the values of an index list), the document's date.
            if let Some(d) = bullet_date(text) {
                dated.get_or_insert(d);
            } else if !text.contains(['年', '星', '周']) {
                // Written as a site prints its own post's date (`[ 2023-05-06 ]`, `2023-05-06
                // 10:32`), no today's (`2023年5月6日 星期六`): the page's where nothing else is.
                above = above.or_else(|| shape::dateline(text));
            }
            meta.push(text.to_string());
        } else if top && !text.chars().any(char::is_alphanumeric) {
            // A rule with no words (a Markdown table's `---|---|---`, a row of dashes): the page's.
            meta.push(text.to_string());
        } else if top
            && !complete(text)
            && parse_heading(text).is_none()
            && lines.get(i + 1).is_some_and(|n| shape::is_breadcrumb(n.text) && !n.text.contains('。'))
        {
            // A line right above a breadcrumb (the site's name, a menu's last word): the page's
            // frame, never the title, which a site sets below its breadcrumb.
            meta.push(text.to_string());
        } else if top && (shape::is_breadcrumb(text) || shape::is_greeting(text)) {
            // A breadcrumb (…>> 建议提案 >> 人大代表建议答复): not the title, but its last crumb
            // may be (`首页 > 建议提案 关于…的答复`).
            if fallback.is_none() {
                let last = text.rsplit(['>', '＞', '›', '»', '→']).next().unwrap_or(text).trim();
                let words = (1..=last.len())
                    .filter(|&k| last.is_char_boundary(k) && last[..k].ends_with(char::is_whitespace))
                    .map(|k| last[k..].trim())
                    .chain([last])
                    .find(|w| is_title(w) && complete(w) && w.chars().count() >= 8 && !w.contains(char::is_whitespace));
                fallback = words.map(|w| line.piece(within(text, w)));
            }
            meta.push(text.to_string());
        } else if let Some(end) = menu_end(lines, i).filter(|_| top) {
            // A site's menu, one column's name a line (`首页` / `政务公开` / `互动交流` …): the
            // page's, never the title.
            for l in &lines[i..end] {
                meta.push(l.text.to_string());
            }
            i = end;
            continue;
        } else if top
            && shape::is_form_line(strip_bullet(text))
            && !meta_under(lines, i + 1)
            && split_posted(text).is_none()
        {
            // (A headline with the page's date after it, apart, is a headline's row: no form's.)
            // (A headline with a colon over the page's metadata line, `森林城市:涂抹“绿”生活`, is
            // the title: below.)
            // A proposal's form (建议号:201号, 提案人:…, 内容:…) above the reply's title: up to
            // the title, header lines; a form line is never the title.
            let named = fields.iter().find(|(k, _)| crate::text::listed(TITLE_KEYS, k)).map(|(_, v)| v.as_str());
            let end = headline_after_form(lines, i, named).unwrap_or(i + 1);
            for l in &lines[i..end] {
                if let Some(f) = meta_fields(l.text) {
                    // The form's own dates (交办日期, 反馈时间) are not the page's.
                    fields.extend(f.into_iter().filter(|(label, _)| *label != SOME_DATE));
                } else if let Some(n) = number_line(l.text) {
                    // A letterhead's number under its 签发人 row.
                    number.get_or_insert(n);
                }
                meta.push(l.text.to_string());
            }
            i = end;
            continue;
        } else if top && shape::is_byline(text) {
            // A byline where the title would stand (the title is outside the article).
            meta.push(text.to_string());
        } else if top && offices > 0 && lone_issuer(lines, i + offices) {
            // The issuers' lines (and the date under them) where the title would stand: not
            // the title.
            let end = i + offices + usize::from(dated_below.is_some());
            for l in &lines[i..end] {
                meta.push(l.text.to_string());
            }
            if let Some(d) = dated_below {
                dated.get_or_insert(d);
            }
            i = end;
            continue;
        } else if let Some((n, head)) = title
            .as_ref()
            .map(|t| t.text.as_str())
            .or(outside)
            .filter(|_| salutation.is_none())
            .and_then(|t| summary_number(text, t))
        {
            // The title again with the document's number, issuer and date after it (a law
            // database's or a wiki's summary row): the page's, its number the document's. A note
            // in brackets the headline has and the row has not (a wiki's `(2014年)`), or words
            // after white space (the wiki's name, `… 中华文库`), is the site's.
            number.get_or_insert(n);
            if let Some(t) = title.as_mut() {
                let rest = t.text.chars().filter(|c| !c.is_whitespace()).skip(head).collect::<String>();
                let noted = rest.starts_with(['(', '（']) && rest.ends_with([')', '）']);
                if let Some(at) =
                    bare_at(&t.text, head).filter(|&at| noted || t.text[..at].ends_with(char::is_whitespace))
                {
                    // Cut the note and the white space before it off the title's end.
                    cut_title(t, at);
                }
            }
            meta.push(text.to_string());
        } else if title.as_ref().is_some_and(|t| salutation.is_none() && shape::bare(text) == shape::bare(&t.text)) {
            // The title set twice (the page's headline, the document's own): once.
            meta.push(text.to_string());
        } else if let Some((k, head)) =
            title.as_ref().filter(|_| salutation.is_none()).and_then(|t| renoted(lines, i, &t.text))
        {
            // The headline again below, on one to three lines, without the note in brackets the
            // headline ends with (`…的批复(2000年32號)` over `…的批复`): the note is the site's.
            if let Some(t) = title.as_mut() {
                if let Some(at) = bare_at(&t.text, head) {
                    cut_title(t, at);
                }
            }
            for l in &lines[i..i + k] {
                meta.push(l.text.to_string());
            }
            i += k;
            continue;
        } else if (titled || text.starts_with('—'))
            && salutation.is_none()
            && shape::note_date(text).is_some()
            && (text.contains('年') || shape::dateline(text).is_none())
        {
            // A note under the title: (2023年4月12日), (…会议通过), or a dashed occasion opening
            // the text under a headline set outside it (——2018年5月30日在…会议上). A date in brackets as a site
            // prints its own (`（2023-05-06）`, no 年) is the page's: below.
            dated = dated.or_else(|| shape::note_date(text));
            meta.push(text.to_string());
        } else if let Some(d) = dated_below.clone().filter(|_| titled && salutation.is_none()) {
            // The issuers under the title, on one line or two, and the date under them (a 统计公报):
            // the document's date as documents write it (`2023年3月20日`), else the page's
            // (`2024-03-01`, as a site prints its own).
            if lines[i + offices].text.contains('年') {
                dated.get_or_insert(d);
            } else {
                posted.get_or_insert(lines[i + offices].text.to_string());
            }
            for l in &lines[i..=i + offices] {
                meta.push(l.text.to_string());
            }
            i += offices + 1;
            continue;
        } else if let Some(d) = shape::dateline(strip_bullet(text)).filter(|_| titled && salutation.is_none()) {
            // The page's date under its title, without a label (`2023-05-06 10:32 某局`); an
            // issuer's line dated as documents are (`某县人民政府督查室  2022年8月19日`, a
            // bulletin's masthead), the document's.
            if text.contains('年') && tail::is_office_and_date(text) {
                dated = dated.or_else(|| dates::date_of(&d));
            } else {
                posted.get_or_insert(d);
            }
            meta.push(text.to_string());
        } else if titled && salutation.is_none() && strip_bullet(text).len() < text.len() && bullet_item(text) {
            // The items of a list under the title (`• 本站`, `• 2020-12-30 10:32`): the page's.
            meta.push(text.to_string());
        } else if top && listed_over_headline(lines, i) {
            // An item of a list of documents (a site's 热点 column) right above the headline
            // over the page's metadata line: the site's.
            meta.push(text.to_string());
        } else if top && bare_salutation(lines, i) {
            salutation = Some(line.whole());
        } else if top && tail::is_footer(text) {
            // The site's footer set above the letter (`主办:某县人民政府 承办:…`, `备案序号:…ICP备…`):
            // the page's, never the title.
            meta.push(text.to_string());
        } else if top && strip_bullet(text).len() < text.len() && bullet_item(text) && !text.contains(char::is_numeric)
        {
            // An item of a bulleted list above the title (an index list's values, a toolbar's
            // words; no figure): the page's; a document sets its title with no bullet.
            meta.push(text.to_string());
        } else if top && mast.is_none() && is_title(text) && parse_heading(text).is_none() {
            // Lines of the site above the reply's own title (a breadcrumb, 欢迎访问…, a column's
            // name, set like the title or not): kept as header lines; the title is the complete
            // one below.
            let issuer = (is_office_line(text) || shape::is_issuer_line(text))
                && lines.get(i + 1).is_some_and(|n| {
                    n.text.starts_with("关于")
                        || n.text.starts_with('对')
                        || office_start(text, n.text)
                        || subject_of(lines, i, n)
                });
            // A headline over the page's metadata line (发布时间：… 来源：…) is the title as it is.
            let headline = text.chars().count() >= 8 && meta_under(lines, i + 1);
            // A column's name may end like a document (通知公告): short, it gives way too.
            let short = text.chars().filter(|c| !c.is_whitespace()).count() <= 5;
            // A title broken before its last words (`…第77号提案` / `的答复函`).
            let ends_below = lines.get(i + 1).is_some_and(|n| ends_title(text, n.text));
            if (!complete(text) || short) && !starts_title(text) && !issuer && !headline && !ends_below {
                // A short complete line right under a longer one ends it (`…办理工作` / `完成情况说明`).
                // A line that opens with a conjunction (`和…办理情况`) carries it on too.
                let ends_it = |k: usize| {
                    k == i + 1
                        && (lines[k].text.chars().count() <= 8 || lines[k].text.starts_with(['和', '及', '与', '暨']))
                        && complete(lines[k].text)
                        && text.chars().count() >= 8
                        && continues(lines[k].text)
                };
                // Under a headline set outside the text, the short lines down to the salutation
                // (a metadata list, the site's words) are the header's: the text has no title.
                let saluted = || {
                    let k = (i + 1..lines.len()).take(12).find(|&k| is_salutation(lines[k].text))?;
                    (outside.is_some() && lines[i..k].iter().all(|l| !l.text.contains('。'))).then_some(k)
                };
                if let Some(k) = headline_below(lines, i).filter(|&k| !ends_it(k)).or_else(saluted) {
                    for (j, l) in lines.iter().enumerate().take(k).skip(i) {
                        // (A label over its date where the date ends the lines: a pair still.)
                        let value = pair_at(lines, j).filter(|(_, v)| j + 1 < k || is_dateish(v.text));
                        if let Some((label, v)) = value {
                            fields.push((label, shape::cells(strip_bullet(v.text)).to_string()));
                        } else if let Some(f) = meta_fields(l.text) {
                            fields.extend(f);
                        } else if let Some(n) = number_line(l.text) {
                            number.get_or_insert(n);
                        } else if let Some(d) = bullet_date(l.text) {
                            dated.get_or_insert(d);
                        }
                        meta.push(l.text.to_string());
                    }
                    i = k;
                    continue;
                }
            }
            // The title's words: without empty table cells around them (a footnote mark and a
            // note after them are cut below).
            let mut t = line.piece(within(text, shape::cells(text)));
            // Its document number run into it before its words (`某办〔2024〕2号关于…`).
            if let Some((n, words)) = shape::split_lead_number(shape::cells(text)) {
                number.get_or_insert(n);
                t = line.piece(within(text, words));
            }
            // How many lines after this one carry the title on: those set the same way (centred
            // or bold); in plain text, only where that completes the title.
            let mut more = 0;
            let mut joined = t.text.clone();
            let by_style = styled(style(line));
            // A line that repeats the title of the metadata rows above is the whole title.
            let named = fields.iter().find(|(k, _)| crate::text::listed(TITLE_KEYS, k)).map(|(_, v)| v.as_str());
            let whole = repeats_named(text, named);
            for (k, next) in lines.iter().enumerate().skip(i + 1).take(if whole { 0 } else { 3 }) {
                // Set lines break where the designer liked (`…试点工作方案` / `的通知`): every
                // following line set the same way goes on; plain lines only up to a complete title.
                // A complete set title goes on only over a break before its last words (`的通知`).
                // A title broken before its last words (`…实施方案` / `的通知`, `…条例` /
                // `修订情况的说明`), set or plain: a line that ends a title and starts none.
                let last_words = complete(next.text)
                    && (next.text.starts_with('的')
                        || (next.text.chars().count() <= 30
                            && !starts_title(next.text)
                            && !is_office_line(next.text)
                            && !shape::is_issuer_line(next.text)));
                let done = if by_style {
                    !styled(style(next)) || (complete(&joined) && !next.text.starts_with('的') && !last_words)
                } else {
                    complete(&joined) && !last_words
                };
                // A plain line does not go on over lines set centred or bold (a toolbar's words
                // over the title set apart).
                let set_apart = !by_style && styled(style(next));
                // A line that carries the title on (`答复(关于…,…的建议)`, `(第12号)建议的答复`):
                // punctuation inside a bracketed note at its start or end is the note's.
                // A last line with the page's date after it (`建议的答复　2023-05-06`) carries it on too.
                let carries = continues(next.text)
                    || (parse_heading(next.text).is_none()
                        && continues(unnoted(next.text))
                        && complete(&cat(&[&joined, next.text])))
                    || posted_cut(next.text, 2).is_some_and(|(h, _)| continues(h) && complete(&cat(&[&joined, h])));
                // The issuers under a title, a date under them: not the title's.
                let n = issuers(lines, k);
                let under = n > 0 && date_at(lines, k + n).is_some();
                // A headline set twice (the page's, the document's) is one title.
                let repeated = shape::bare(next.text) == shape::bare(&joined);
                if done
                    || set_apart
                    || under
                    || repeated
                    || !carries
                    || joined.chars().count() + next.text.chars().count() > 100
                {
                    break;
                }
                // A title's start that does not end one (`…会议`, `…的`) over a line right above the
                // page's date or metadata line: that line is the title's end, however it ends.
                let ends_over_meta = k <= i + 2
                    && cannot_end(&joined)
                    && lines.get(k + 1).is_some_and(|m| is_meta_line(m.text) || is_dateish(m.text));
                joined.push_str(shape::bare(next.text));
                // An office's name above a `关于…` / `对…` line is the title's start, however it ends.
                if by_style || complete(&joined) || (issuer && k == i + 1) || ends_over_meta {
                    more = k - i;
                }
            }
            for next in &lines[i + 1..=i + more] {
                t.text.push_str(shape::cells(next.text));
            }
            // The end of the last line that is no title: a footnote mark (`[1]`), a note
            // (…会议通过) whose date dates the document. It opens the body: nothing is lost.
            let last = lines[i + more];
            let end = shape::cells(last.text);
            let words = shape::bare(end);
            // The page's date set after it, apart (`…的答复　2023-05-06`, a list's row): the
            // page's, kept with the header's lines.
            let posted_after = posted_cut(words, if more > 0 { 2 } else { 6 });
            let words = match posted_after {
                Some((head, ref d)) => {
                    posted.get_or_insert(d.clone());
                    head
                }
                None => words,
            };
            // Its document number in brackets after the words (…的答复[浙交建〔2018〕101号]).
            let words = match shape::split_number(words) {
                Some((head, n)) => {
                    number.get_or_insert(n);
                    head
                }
                None => words,
            };
            let head = match shape::split_note(words) {
                Some((head, date)) => {
                    dated.get_or_insert(date);
                    head
                }
                None => words,
            };
            let cut = end.chars().count() - head.chars().count();
            if cut > 0 {
                let keep = t.text.chars().count() - cut;
                t.text = t.text.chars().take(keep).collect();
                if more == 0 {
                    t.span.end -= cut as u32;
                }
                let after = within(last.text, head).1;
                let tail = &last.text[last.text.char_indices().nth(after).map_or(last.text.len(), |(b, _)| b)..];
                let skipped = tail.len() - tail.trim_start().len();
                let tail_text = tail.trim_start();
                if posted_after.is_some() {
                    meta.push(tail_text.to_string());
                } else if tail_text.chars().any(char::is_alphanumeric) {
                    let lead = last.lead + (after + tail[..skipped].chars().count()) as u32;
                    rest = Some(Line { text: tail_text, at: last.at, lead });
                }
            }
            i += more;
            title = Some(t);
        } else if form_label(lines, i) {
            // A form's label with nothing after it (`建议人:`), the form's next key under it.
            meta.push(text.to_string());
        } else if top
            && is_salutation(text)
            && (lines.get(i + 1).is_some_and(|n| {
                // (A title on one line, or on two: `2020年…办理工作` / `完成情况说明`.)
                let two = |m: &Line| continues(m.text) && complete(&cat(&[n.text, m.text]));
                is_title(n.text) && continues(n.text) && (complete(n.text) || lines.get(i + 2).is_some_and(two))
            }) || title_among_short(lines, i + 1))
        {
            // A key with no value (`关键词:`, a search box's `请输入关键词：`) over a title: the
            // page's. A salutation has the letter's text under it, never a title.
            meta.push(text.to_string());
        } else if salutation.is_none()
            && is_salutation(text)
            && lines.get(i + 1).is_some_and(|n| {
                // The salutation under it names its addressee by standing (`张三委员:`).
                let who = n.text.trim_end_matches([':', '：']);
                let addressed = ["代表", "委员", "同志"].iter().any(|w| who.ends_with(w)) || who.starts_with("尊敬的");
                // Or, a key of four chars or fewer where no title has been read yet, the page's
                // metadata (`责任部门:` over `公开方式: 主动公开`) or another key with no value
                // (`相关解读:` over `相关文件:`).
                // (A salutation naming its addressee by standing, `彭军代表:`, is no key.)
                let own = text.trim_end_matches([':', '：']);
                let key = own.chars().count() <= 4 && !["代表", "委员", "同志"].iter().any(|w| own.ends_with(w));
                number_line(n.text).is_some()
                    || (is_salutation(n.text) && addressed && who.chars().count() <= 24)
                    || (title.is_none() && key && (meta_fields(n.text).is_some() || is_salutation(n.text)))
            })
        {
            // A key with no value (a toolbar's `保护视力色:`, `字体:`) over the document's number
            // or the salutation: the page's. A salutation has the letter's text under it.
            meta.push(text.to_string());
        } else if salutation.is_none() && is_salutation(text) && parse_heading(text).is_none() {
            salutation = Some(line.whole());
        } else if let Some(k) = mast {
            // A masthead between the title and the title again (a bulletin's name, its issue,
            // the issuer and the date): header lines; its date (`2022年8月19日`, as documents
            // write it) dates the document. A metadata list there (`生成日期` / `2016年03月02日`,
            // the title set above it outside the text): its fields.
            for (j, l) in lines.iter().enumerate().take(k).skip(i) {
                if let Some((label, v)) = pair_at(lines, j) {
                    fields.push((label, shape::cells(strip_bullet(v.text)).to_string()));
                } else if let Some(d) = shape::dateline(l.text).filter(|_| l.text.contains('年')) {
                    dated = dated.or_else(|| dates::date_of(&d));
                } else if let Some(n) = number_line(l.text).or_else(|| {
                    // (The title again as a wiki's summary row: its number the document's.)
                    let t = title.as_ref().map(|t| t.text.as_str()).or(outside)?;
                    summary_number(l.text, t).map(|(n, _)| n)
                }) {
                    number.get_or_insert(n);
                }
                meta.push(l.text.to_string());
            }
            i = k;
            continue;
        } else if let Some(t) =
            title.take_if(|t| salutation.is_none() && rest.is_none() && title_below(lines, i, &t.text))
        {
            // A column's name read as the title, the page's metadata under it, the document's
            // own title below them: the header goes on from here without it.
            meta.push(t.text);
            continue;
        } else if titled
            && salutation.is_none()
            && text.chars().count() <= 12
            && !text.contains(['。', '，', ',', '；', ';'])
            && parse_heading(text).is_none()
            && lines.get(i + 1).is_some_and(|n| {
                is_meta_line(n.text)
                    || (n.text.chars().count() <= 40 && dates::find_date(n.text).is_some())
                    || title
                        .as_ref()
                        .map(|t| t.text.as_str())
                        .or(outside)
                        .is_some_and(|t| summary_number(n.text, t).is_some())
            })
        {
            // A toolbar's word or a short row of the page's between the title and the page's date
            // line (`恢复窄屏`, `打印`, `分类(A)` over `发布日期(2020-07-11)`) or a wiki's summary
            // row (`外观` over `…的批复 国函〔1992〕194号 …`): the page's; the line under it is the
            // header's still.
            meta.push(text.to_string());
        } else if top && banner(lines, i) {
            // A sentence of the site's above the title (`本网站已支持IPv6，欢迎使用。`, a notice on
            // the browser to use): the page's; the title is the complete line below it.
            meta.push(text.to_string());
        } else {
            // A page that lost its line breaks: the title, then the salutation and the letter on
            // its line (`关于…的答复 张三委员： 您提出的…`).
            let saluted = |r: &str| {
                r.find([':', '：'])
                    .is_some_and(|c| is_salutation(&r[..c + r[c..].chars().next().map_or(1, char::len_utf8)]))
            };
            if top && fallback.is_none() {
                fallback = words_before(text, saluted).map(|w| line.piece(within(text, w)));
                // Or the title run into its number, the addressee and the letter (`…的批复国函〔2017〕
                // 51号国家发展改革委:你委…`): the words before the number, the number the document's.
                // (The issuer's name as the number reads it may hold the title's last words.)
                if let Some((a, b)) = find_number(text).filter(|&(a, _)| fallback.is_none() && a >= 8) {
                    let at = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(k, _)| k);
                    let ends = (a..b).find(|&n| complete(&text[..at(n)]) && is_title(&text[..at(n)]));
                    if let Some(n) = ends.filter(|&n| !text[..at(n)].contains([':', '：', '。'])) {
                        fallback = Some(line.piece(within(text, &text[..at(n)])));
                        number.get_or_insert(text.chars().skip(n).take(b - n).filter(|c| !c.is_whitespace()).collect());
                    }
                }
            }
            break;
        }
        i += 1;
    }
    let posted = posted.or(above);
    let title = title.or(fallback);
    Header { title, meta, fields, number, salutation, dated, posted, rest, end: i }
}

/// The byte offset in `text` after its first `head` chars other than white space.
fn bare_at(text: &str, head: usize) -> Option<usize> {
    let mut kept = 0;
    text.char_indices()
        .find(|(_, c)| {
            kept += usize::from(!c.is_whitespace());
            kept > head
        })
        .map(|(at, _)| at)
}

/// The title cut at byte `at`, white space before it too.
fn cut_title(t: &mut Piece, at: usize) {
    t.text = t.text[..at].trim_end().to_string();
    t.span.end = t.span.start + t.text.chars().count() as u32;
}

/// The lines from `i` (one to three) that set `title` again without the note in brackets it
/// ends with: their number, and the title's length (white space skipped) without the note.
fn renoted(lines: &[Line], i: usize, title: &str) -> Option<(usize, usize)> {
    let t: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    let mut joined = String::new();
    for k in 0..3 {
        joined.extend(lines.get(i + k)?.text.chars().filter(|c| !c.is_whitespace()));
        let rest = t.strip_prefix(joined.as_str())?;
        if rest.starts_with(['(', '（']) && rest.ends_with([')', '）']) && complete(&joined) {
            return Some((k + 1, joined.chars().count()));
        }
    }
    None
}

/// The end of a site's menu starting at line `i`: three or more lines in a row, each a short
/// name of words alone (two to six chars, no digit, no punctuation: `政务公开`, `走进本市`), no
/// label of the page's metadata (`发文字号`, `生成日期`: a list of labels and values).
fn menu_end(lines: &[Line], i: usize) -> Option<usize> {
    let item = |l: &Line| {
        let n = l.text.chars().count();
        (2..=6).contains(&n)
            && l.text.chars().all(|c| c.is_alphabetic() && !c.is_ascii())
            && label_at(l.text).is_none_or(|(_, len)| len < l.text.len())
    };
    let n = lines[i..].iter().take_while(|l| item(l)).count();
    (n >= 3).then_some(i + n)
}

/// A title with the page's date after it, apart by white space (`关于…的答复　2023-05-06 10:32`,
/// a list's row, a news headline's): the title's words, and the date as written. The date is
/// never the title's.
fn split_posted(line: &str) -> Option<(&str, String)> {
    posted_cut(line, 6)
}

/// [`split_posted`] with the title's words at least `least` chars (a title's last line, `建议的答复
/// 2023-05-06`, may be short).
fn posted_cut(line: &str, least: usize) -> Option<(&str, String)> {
    let (_, start, _) = dates::find_date_span(line)?;
    let at = line.char_indices().nth(start)?.0;
    let cut = line[..at].rfind(char::is_whitespace)?;
    let (head, tail) = (line[..cut].trim_end(), line[cut..].trim());
    let date = shape::dateline(tail)?;
    // Nothing beside the date but the site's brackets.
    let squeeze =
        |t: &str| t.chars().filter(|c| !c.is_whitespace() && !"[]【】()（）".contains(*c)).collect::<String>();
    (squeeze(tail) == squeeze(&date) && head.chars().count() >= least).then_some((head, date))
}

/// A complete title that opens `line`, apart by white space from what follows it, where that
/// is of the kind `follows` reads (`关于…的答复 发布时间：2023-05-06 来源：某局`).
fn words_before(line: &str, follows: impl Fn(&str) -> bool) -> Option<&str> {
    let at = line.char_indices().find(|&(k, c)| c.is_whitespace() && follows(line[k..].trim_start()))?.0;
    let words = line[..at].trim();
    (is_title(words) && complete(words) && words.chars().count() >= 8 && !words.contains([':', '：'])).then_some(words)
}

/// Where the title's words stand again below line `i` (on one to three lines), within eight
/// lines and before any sentence or salutation: the end of the lines that repeat it.
fn masthead(lines: &[Line], i: usize, title: &str) -> Option<usize> {
    let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let title = squeeze(shape::bare(title));
    for k in i..(i + 8).min(lines.len()) {
        let text = lines[k].text;
        if text.contains('。') || is_salutation(text) {
            return None;
        }
        let mut joined = String::new();
        for (m, l) in lines.iter().enumerate().skip(k).take(3) {
            joined.push_str(&squeeze(shape::bare(l.text)));
            if joined == title {
                return (k > i).then_some(m + 1);
            }
            if !title.starts_with(&joined) {
                break;
            }
        }
    }
    None
}

/// Whether a title read above line `i` is a column's name (short, no `关于` / `对` / `的`), or the
/// start of a title cut short (a list box's item, `关于调整某市政协十六届`), over the document's own
/// title: a longer line that reads as a complete title within twelve lines from `i` (short lines of
/// six chars or fewer, a menu's items, not counted), before any sentence, heading or salutation.
fn title_below(lines: &[Line], i: usize, title: &str) -> bool {
    let own = title.chars().count();
    let cut =
        own <= 12 && cannot_end(title) || title.ends_with(crate::text::han) && starts_title(title) && !complete(title);
    if (own > 12 || complete_start(title) || title.contains('的')) && !cut {
        return false;
    }
    // (A menu's or a toolbar's short items between them count for none of the twelve.)
    let mut seen = 0;
    for (k, l) in lines.iter().enumerate().skip(i).take(40) {
        let text = l.text;
        if text.contains('。') || parse_heading(text).is_some() || is_salutation(text) || seen == 12 {
            return false;
        }
        seen += usize::from(text.chars().count() > 6);
        let n = text.chars().count();
        // (A headline with the page's date after it, apart, or over its date or metadata line,
        // reads as one however it ends: a news item's `…会议代表建议` / `2011-04-20`.)
        let dated = || meta_under(lines, k + 1) || lines.get(k + 1).is_some_and(|m| shape::dateline(m.text).is_some());
        let headline = complete(text) || split_posted(text).is_some() || dated();
        if is_title(text) && headline && n >= 8 && n > own && continues(text) && !shape::is_breadcrumb(text) {
            return true;
        }
    }
    false
}

/// Whether line `i` starts a list of documents the site sets above its headline (a 热点
/// column): items that read as complete titles, each on a line or broken over two (`关于加强` /
/// `科技创新的通知`), up to a `关于…` / `对…` headline over the page's metadata line (`发布时间：…`).
fn listed_over_headline(lines: &[Line], i: usize) -> bool {
    let titled = |t: &str| is_title(t) && continues(t);
    let headline = |k: usize| {
        lines.get(k).is_some_and(|l| {
            let t = l.text;
            titled(t) && complete(t) && complete_start(t) && t.chars().count() >= 8 && !t.starts_with('的')
        }) && lines.get(k + 1).is_some_and(|m| is_meta_line(m.text))
    };
    let mut j = i;
    while j < i + 10 {
        let Some(t) = lines.get(j).map(|l| l.text).filter(|t| titled(t)) else { return false };
        let two = lines.get(j + 1).filter(|n| starts_title(t) && titled(n.text) && complete(&cat(&[t, n.text])));
        j += if complete(t) && t.chars().count() >= 6 {
            1
        } else if two.is_some() {
            2
        } else {
            return false;
        };
        if headline(j) {
            return true;
        }
    }
    false
}

/// Whether line `i`, a short line no title reads as (a site's notice, `本网站已支持IPv6，欢迎使用。`),
/// stands over the document's own title: a complete title on a line of its own within six
/// lines below, with only short lines between (no salutation, heading or long sentence).
fn banner(lines: &[Line], i: usize) -> bool {
    short_site_line(lines[i].text) && title_among_short(lines, i + 1)
}

/// A line of the site's above a title may be: short, no heading, no salutation, and nothing of
/// a letter's above a text it sends (`现将《…》印发给你们` / the issuer / the date): no title in
/// 《》, no date (a site's name may stand there).
fn short_site_line(t: &str) -> bool {
    t.chars().count() <= 60
        && parse_heading(t).is_none()
        && !is_salutation(t)
        && !t.contains('《')
        && dates::find_date(t).is_none()
}

/// Whether a complete title stands on a line of its own from line `k` on, within six lines,
/// with only short lines of the site's above it.
fn title_among_short(lines: &[Line], k: usize) -> bool {
    // A key with no value (`相关文件:`) may stand there too.
    let short = |t: &str| short_site_line(t) || (is_salutation(t) && t.chars().count() <= 8);
    for (j, l) in lines.iter().enumerate().skip(k).take(6) {
        let t = l.text;
        // The title on a line, or started on one and completed on the next.
        let joined = lines.get(j + 1).filter(|n| starts_title(t) && continues(n.text)).map(|n| cat(&[t, n.text]));
        // Or a headline however it ends (`…提案办理结果`): a `关于…` / `对…` line, a line over the
        // salutation or the page's metadata line.
        let over = lines.get(j + 1).is_some_and(|n| is_salutation(n.text) || is_meta_line(n.text));
        let titled = complete(t) || joined.is_some_and(|j| complete(&j)) || complete_start(t) || over;
        if is_title(t) && titled && t.chars().count() >= 8 && continues(t) && !shape::is_breadcrumb(t) {
            return true;
        }
        if !short(t) {
            return false;
        }
    }
    false
}

/// The char range of `part`, a slice of `text`, in `text`.
fn within(text: &str, part: &str) -> (usize, usize) {
    let at = (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize).min(text.len());
    let a = text[..at].chars().count();
    (a, a + part.chars().count())
}

/// The date of a bullet of an index list, a date and nothing more (`• 2023-09-25`); with its
/// hour (`• 2020-12-30 10:32`), the page's posting, no document's date.
pub(super) fn bullet_date(line: &str) -> Option<String> {
    (strip_bullet(line).len() < line.len() && is_dateish(line) && !line.contains([':', '：']))
        .then(|| dates::date_of(line))
        .flatten()
}

/// A bulleted `key:value` row (`• 内容分类:代表建议委员提案办理情况`): a key of two to six han
/// chars, its colon, a value.
fn keyed_bullet(line: &str) -> bool {
    let bare = strip_bullet(line);
    let key = bare.split_once([':', '：']).filter(|(_, v)| !v.trim().is_empty()).map(|(k, _)| k);
    let n = key.map_or(0, |k| k.chars().filter(|c| !c.is_whitespace()).count());
    bare.len() < line.trim_start().len()
        && (2..=6).contains(&n)
        && key.is_some_and(|k| k.chars().all(|c| c.is_whitespace() || crate::text::han(c)))
}

/// Whether line `k` is a row of metadata with a listed label (`• 成文日期:2023-12-01`, `• 文号:`).
fn listed_row(lines: &[Line], k: usize) -> bool {
    lines.get(k).is_some_and(|l| {
        label_at(strip_bullet(l.text)).is_some() && (meta_fields(l.text).is_some() || label_line(l.text).is_some())
    })
}

/// A short item of a bulleted list, no sentence (`• 本站`, `• 某县水利局`).
fn bullet_item(line: &str) -> bool {
    let item = strip_bullet(line);
    !item.is_empty() && item.chars().count() <= 20 && !item.contains(['。', '，', ',', '；', ';', '：', ':'])
}

/// How many issuers' lines (one to three) stand from line `i` on.
fn issuers(lines: &[Line], i: usize) -> usize {
    lines.iter().skip(i).take(3).take_while(|l| shape::is_issuer_line(l.text)).count()
}

/// The date line `k` gives: a date alone on it, a note in brackets (`（2023年4月12日）`).
fn date_at(lines: &[Line], k: usize) -> Option<String> {
    let text = lines.get(k)?.text;
    shape::note_date(text).or_else(|| is_dateish(text).then(|| dates::date_of(text)).flatten())
}

/// Whether the issuers' lines that end before line `k`, where the title would stand, are no
/// start of a title: a date, a note, a salutation, a sentence or a heading follows them (not a
/// `关于…` line), or nothing.
fn lone_issuer(lines: &[Line], k: usize) -> bool {
    lines.get(k).is_none_or(|n| {
        let n = n.text;
        is_dateish(n)
            || shape::note_date(n).is_some()
            || is_salutation(n)
            || n.contains('。')
            || parse_heading(n).is_some()
    })
}

/// Keys of the metadata rows that give the document's title.
const TITLE_KEYS: &str = "标题|信息名称|文件名称";

/// Whether a line repeats the title the metadata rows give (white space aside, at least six
/// characters), however it ends (`…的答复(关于…的建议)`).
fn repeats_named(line: &str, named: Option<&str>) -> bool {
    let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    named.is_some_and(|n| n.chars().count() >= 6 && squeeze(shape::cells(line)) == squeeze(n))
}

/// The reply's own title below a form filled in above it (`建议号:201号` … `办理情况`): a
/// complete `关于…` title line within thirty lines, with no colon; or the line that repeats the
/// title the metadata rows above gave (`named`).
fn headline_after_form(lines: &[Line], i: usize, named: Option<&str>) -> Option<usize> {
    for (k, l) in lines.iter().enumerate().skip(i + 1).take(30) {
        let text = l.text;
        if repeats_named(text, named) {
            return Some(k);
        }
        // The letter's salutation naming its addressee (`彭军代表:`): no headline below it is the
        // reply's (a list of other pages under the letter).
        let who = text.trim_end_matches([':', '：']);
        if who.len() < text.len() && ["代表", "委员", "同志"].iter().any(|w| who.ends_with(w)) {
            return None;
        }
        let titled = text.contains("关于") || text.starts_with('对') || text.contains("答复");
        // Or its start, the next line its last words (`…第201号建议` / `的答复函`).
        let completed = lines.get(k + 1).is_some_and(|n| ends_title(text, n.text));
        if titled
            && is_title(text)
            && (complete(text) || completed)
            && text.chars().count() >= 8
            && !text.contains([':', '：'])
            && parse_heading(text).is_none()
        {
            // The headline's first line right above it (`某局对县十八届人大三次会议` / `第21号建议的
            // 回复`): the title starts there.
            return Some(title_start(lines, i, k));
        }
    }
    None
}

/// Whether a title reads like one without ending like a document's: `关于…`, `对…`.
pub(super) fn complete_start(title: &str) -> bool {
    let title = shape::fold(title);
    title.contains("关于") || title.starts_with('对')
}

/// Whether a line reads as the start of a title: `关于…`, `对…`, an office's name then `对…`
/// (`某县水利局对县十九届人大五次会议`), `…的`, or a meeting's name whose proposal's number
/// follows on the next line (`…政协十届二次会议` / `第82号提案的复函`).
fn starts_title(line: &str) -> bool {
    let line = shape::fold(line);
    let office_to = line.match_indices('对').any(|(at, _)| at > 0 && is_office_line(line[..at].trim_end()));
    line.contains("关于")
        || line.starts_with('对')
        || line.ends_with('的')
        || office_to
        || line.ends_with("会议")
        || on_text(&line)
}

/// Whether a line opens with `就` and the text or matter a title is on, its subject on the line
/// above (`某局` / `就《…(征求意见稿)》` / `公开征求意见`, `就“…”答记者问`).
fn on_text(line: &str) -> bool {
    line.starts_with("就《") || line.starts_with("就“")
}

/// Whether a line opens with a subject of its own: a place's or an office's name (`县政协…`,
/// `某省教育厅关于…`, `信阳市林业局就…`), or a proposal's number.
fn opens_with_office(line: &str) -> bool {
    // A place's name (`河北省…`, `宁陕县…`), or a proposal's number (`第27号提案的答复`).
    line.starts_with('第')
        || line.chars().take(4).any(|c| matches!(c, '省' | '市' | '县' | '区' | '州' | '镇' | '乡'))
        || line.char_indices().take(20).any(|(b, _)| b > 0 && shape::is_issuer_line(&line[..b]))
}

/// Whether `next` holds the last words of a title `line` starts and does not end: it opens with
/// 的 and the two read as a complete title (`…第77号提案` / `的答复函`).
fn ends_title(line: &str, next: &str) -> bool {
    next.starts_with('的')
        && !complete(line)
        && continues(line)
        && continues(next)
        && is_title(line)
        && complete(&cat(&[line, next]))
}

/// Whether an office's name on a line of its own is the start of the title on the next line:
/// that line opens with `关于` or `对` (`某局` / `对县十八届人大三次会议…`), or with the rest of
/// the office's name before its `关于` (`某市人民政府` / `办公室关于印发…的通知`).
fn office_start(above: &str, line: &str) -> bool {
    let line = shape::fold(line);
    let to = if line.starts_with('对') || on_text(&line) { Some(0) } else { line.find("关于") };
    // A bullet's value (`• 全社会`, a metadata list's 服务对象) is none.
    is_office_line(above)
        && strip_bullet(above).len() == above.len()
        && above.chars().count() >= 4
        && to.is_some_and(|at| {
            at == 0 || (line[..at].chars().count() <= 4 && is_office_line(&cat(&[above, line[..at].trim_end()])))
        })
}

/// Whether `next`, the line right under an office's name on line `i`, is a headline whose
/// subject that name is (`县文化和旅游局` / `认真办理人大代表建议`, `某局` / `2022年建议提案办理情况`):
/// it follows with no line between, starts no title and names no office of its own, and the two
/// end a title, or it is a headline's words over the page's metadata line.
fn subject_of(lines: &[Line], i: usize, next: &Line) -> bool {
    next.at == lines[i].at + 1
        && is_title(next.text)
        && continues(next.text)
        && !starts_title(next.text)
        && !opens_with_office(next.text)
        && next.text.chars().count() >= 6
        && (complete(&cat(&[lines[i].text, next.text])) || (words(next.text) && meta_under(lines, i + 2)))
}

/// A headline's words: eight Chinese chars or more, no digit (`认真办理人大代表建议`).
fn words(line: &str) -> bool {
    line.chars().filter(|c| crate::text::han(*c)).count() >= 8 && !line.contains(|c: char| c.is_ascii_digit())
}

/// A line without a note in brackets at its start (`(第12号)建议的答复`) or its end
/// (`答复(关于…,…的建议)`), where words stand beside it.
fn unnoted(line: &str) -> &str {
    let line = match line.strip_prefix(['(', '（']).and_then(|r| r.find([')', '）']).map(|e| &r[e..])) {
        Some(rest) if !rest.trim_start_matches([')', '）']).is_empty() => rest.trim_start_matches([')', '）']),
        _ => line,
    };
    match line.strip_suffix([')', '）']).and_then(|h| h.rfind(['(', '（'])) {
        Some(at) if at > 0 => &line[..at],
        _ => line,
    }
}

/// A complete title on a line of its own below line `i`, among the short lines of the header
/// (up to eight lines down, before a sentence, a salutation or a heading); else the title the
/// header's lines end with ([`last_headline`]).
fn headline_below(lines: &[Line], i: usize) -> Option<usize> {
    for (k, l) in lines.iter().enumerate().skip(i + 1).take(8) {
        let text = l.text;
        if is_salutation(text) || text.contains('。') || parse_heading(text).is_some() {
            return last_headline(lines, i, k);
        }
        if is_meta_line(text) || is_dateish(text) || shape::dateline(text).is_some() || meta_fields(text).is_some() {
            // The page's date under a headline: the headline is the last line above it.
            let last = last_headline(lines, i, k);
            if last.is_some() {
                return last;
            }
        }
        let headline = text.chars().count() >= 8 && meta_under(lines, k + 1);
        // A title's start that the next line completes (`关于…第123号` / `提案的答复`).
        let completed = starts_title(text)
            && lines.get(k + 1).is_some_and(|n| continues(n.text) && complete(&cat(&[text, n.text])));
        let standalone = is_title(text)
            && !text.starts_with('—')
            && !shape::is_breadcrumb(text)
            && (complete(text) || headline || completed)
            && text.chars().count() >= 6
            && !is_dateish(text)
            && number_line(text).is_none()
            && meta_fields(text).is_none();
        if standalone {
            // The lines right above it that start a title and do not end one (`关于印发…涉及` /
            // `…分工方案的通知`) are its start, and an issuer's line above a 关于… line.
            return Some(title_start(lines, i, k));
        }
    }
    headline_over_meta(lines, i)
}

/// The first line of a title whose last line is `k`, below line `lo`: the lines right above
/// that start a title and do not end one (`关于印发…涉及` / `…分工方案的通知`, `对某省第十三届
/// 人民代表大会` / `第五次会议` / `第12号建议的答复`), up to two, and an office's name above them
/// (`某局` / `对…`).
fn title_start(lines: &[Line], lo: usize, k: usize) -> usize {
    let mut start = k;
    while start > lo + 1 && start + 2 > k {
        // The lower line without its note in brackets (`…的答复(关于…的建议)`).
        let (above, lower) = (lines[start - 1].text, unnoted(lines[start].text));
        // A start that cannot end a title (`…关于`, `印发《…》`) goes on over any line; one that
        // starts a title (`对…大会`, `某局对某县`) over a line that merely ends like a start
        // (`…会议`), not over one that opens a title of its own (`关于…`).
        let unfinished = cannot_end(above);
        let joins = starts_title(above) || unfinished || lower.starts_with(['和', '及', '与', '暨', '的']);
        let lower_ok = !starts_title(lower)
            || lower.starts_with('的')
            || unfinished
            || (starts_title(above) && !complete_start(lower));
        if !(joins && !complete(above) && continues(above) && lower_ok) {
            break;
        }
        start -= 1;
    }
    let above = lines[start.saturating_sub(1)].text;
    let issuer = start > lo + 1
        && is_office_line(above)
        && (office_start(above, lines[start].text) || subject_of(lines, start - 1, &lines[start]));
    if issuer {
        start - 1
    } else {
        start
    }
}

/// A headline over the page's metadata line (`发布日期:2023-06-14 浏览次数:`) further down, under
/// a site's long header (its menu, a list of other items' titles, a breadcrumb, an
/// accessibility toolbar's forty buttons): within sixty lines of line `i`, with no sentence,
/// salutation or heading above it.
fn headline_over_meta(lines: &[Line], i: usize) -> Option<usize> {
    for (k, l) in lines.iter().enumerate().skip(i + 1).take(60) {
        let text = l.text;
        if is_salutation(text) || text.contains('。') || parse_heading(text).is_some() {
            return None;
        }
        let over = lines.get(k + 1).is_some_and(|n| is_meta_line(n.text));
        // The last words of a title broken before them (`…第73号建议` / `的答复函`) count its start.
        let n = text.chars().count() + if k > 0 && ends_title(lines[k - 1].text, text) { 8 } else { 0 };
        if over && n >= 6 && is_title(text) && continues(text) && !shape::is_breadcrumb(text) && !super::is_chrome(text)
        {
            // The headline broken over two lines: the line right above that starts a title and
            // does not end one (`关于对市一届人大三次会议` / `第73号建议的答复函`) is its start.
            return Some(title_start(lines, i, k));
        }
    }
    None
}

/// The title the header's lines end with where none ends like a document's: below line `i` (a
/// column's or a site's name, set above the title and shorter than it), the first of the lines
/// that run on up to line `stop` (the salutation, the body's first sentence, the page's date),
/// itself longer than line `i`, no office's name or byline, and no line of the site's.
fn last_headline(lines: &[Line], i: usize, stop: usize) -> Option<usize> {
    let own = lines[i].text.chars().count();
    let first = |text: &str| {
        let n = text.chars().count();
        is_title(text)
            && n >= 8
            && n > own
            && continues(text)
            && !shape::is_breadcrumb(text)
            && !shape::is_issuer_line(text)
            && !shape::is_byline(text)
            && !is_office_line(text)
            && !super::is_chrome(text)
    };
    (i + 1..stop).find(|&k| first(lines[k].text) && lines[k + 1..stop].iter().all(|l| continues(l.text)))
}

/// A page's metadata line under a headline: a date and labelled fields (`发布时间：2024-05-06
/// 来源：…`, `2022-04-17 来源：生态环境部`).
fn is_meta_line(line: &str) -> bool {
    dates::find_date(line).is_some() && line.contains([':', '：'])
}

/// Whether line `k` is the page's metadata under a headline: a metadata line, or a date's label
/// alone on its line with the date on the next (`时间:` / `2018-05-18`).
fn meta_under(lines: &[Line], k: usize) -> bool {
    lines.get(k).is_some_and(|l| {
        is_meta_line(l.text)
            || (label_line(l.text).is_some() && lines.get(k + 1).is_some_and(|v| is_dateish(v.text)))
            // A byline: the source's name and the page's date (`某某新闻 2024-01-02`).
            || shape::dated_byline(l.text)
            // A key with no value over them (`访问量:`, `浏览次数:`).
            || (label_line(l.text).is_some() && !is_dateish(l.text) && meta_under(lines, k + 1))
    })
}

/// The title a site sets just above the article's container, from the page's lines above it
/// (`before`, in reading order): a complete title line among the last lines there, below it at
/// most short lines (a date, a source, 字号, share buttons); a line above it that starts it
/// (an issuer's, `关于…`) joined. Never a breadcrumb, a column's name or a metadata line.
pub(crate) fn title_above(before: &[&str]) -> Option<String> {
    let lines: Vec<&str> = before.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).collect();
    for (k, line) in lines.iter().enumerate().rev().take(10) {
        let text = shape::cells(line);
        let plain = is_title(text)
            && !text.contains([':', '：', '>', '›', '»', '/', '\t'])
            && !text.contains("首页")
            && !is_dateish(text)
            && meta_fields(text).is_none()
            && number_line(text).is_none()
            && !super::is_chrome(text)
            && parse_heading(text).is_none();
        // A headline over the page's metadata line (发布日期：… 来源：…) need not end like a
        // document's title (`1-10月德清县固定资产投资结构趋稳趋优`).
        let over_meta = lines.get(k + 1).is_some_and(|n| is_meta_line(n));
        // A list of documents above the article (a sidebar's, 相关文件): none is its title.
        let listed = !over_meta
            && k.checked_sub(1).is_some_and(|j| {
                let p = shape::cells(lines[j]);
                is_title(p)
                    && p.chars().count() >= 8
                    && (complete(p) || dates::find_date(p).is_some_and(|(_, end)| end >= p.chars().count()))
            });
        let candidate = plain && (complete(text) || over_meta) && text.chars().count() >= 8;
        if candidate && listed {
            return None;
        }
        if candidate {
            let mut title = shape::bare(text).to_string();
            let above = k.checked_sub(1).map(|j| shape::cells(lines[j]));
            if let Some(a) = above.filter(|a| {
                office_start(a, text) || (!complete(a) && starts_title(a) && continues(a) && !a.contains("首页"))
            }) {
                title.insert_str(0, a);
            }
            return Some(title);
        }
        // Below the title: short lines only, or the page's metadata lines (发布时间：… 来源：…
        // 字号：…), which may run long.
        let meta = meta_fields(line).is_some() || is_meta_line(line) || super::is_chrome(line);
        if line.chars().count() > 40 && !meta {
            return None;
        }
    }
    None
}

/// A line that may carry a title on: short, no sentence punctuation, not a date, a document
/// number, a metadata line, a salutation or a heading.
fn continues(line: &str) -> bool {
    // A line in brackets under a title is a note (the date it was adopted), not the title's.
    // A line after a dash is a subtitle or an occasion (`——在全市科技工作会议上的讲话`).
    line.chars().count() <= 60
        && !line.starts_with(['（', '(', '—'])
        && !line.contains(['。', '，', ',', '；', ';', '：', ':', '！', '？'])
        && !is_dateish(line)
        && number_line(line).is_none()
        && meta_fields(line).is_none()
        && label_line(line).is_none()
        && parse_heading(line).is_none()
}

/// Labels of metadata lines in the page header (`发布时间: … 来源: …`) and of the
/// 信息公开属性 table (`索 引 号：`, `标　　题：`: white space inside a label is skipped).
// The source as some sites name it (`出处:某县人民政府 更新时间:…`).
const META_LABELS: &str = "发布时间|发布日期|公开日期|发布单位|发布机构|信息来源|文章来源|来源|出处|索引号|发文字号|\
    文号|发文机关|发文单位|发文日期|主题分类|成文日期|生成日期|公开方式|公开范围|作者|浏览次数|点击数|访问量|浏览量|\
    浏览|责任编辑|生效日期|更新时间|编稿时间|标题|信息名称|文件名称|名称|文件编号|成文时间|日期|时间|\
    时效性|效力级别";

/// Bullets a metadata list may open its lines with.
fn strip_bullet(line: &str) -> &str {
    let line =
        line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '•' | '·' | '●' | '◆' | '■' | '▪' | '*'));
    // A Markdown list's dash and its space (`- 发布机构: …`).
    line.strip_prefix("- ").map_or(line, str::trim_start)
}

/// The label `rest` opens with (white space inside skipped): it and its length in bytes. A
/// date's label of four chars may be written without its last (`公开日 2023-07-04`, `发布日：…`).
fn label_at(rest: &str) -> Option<(&'static str, usize)> {
    label_in(rest, false).or_else(|| label_in(rest, true))
}

/// The label `rest` opens with; `short`: a `…日期` label of four chars written without its 期.
fn label_in(rest: &str, short: bool) -> Option<(&'static str, usize)> {
    // Traditional script too (`發佈日期`): the folded text keeps every offset.
    let rest = &*shape::fold(rest);
    'labels: for label in crate::text::words(META_LABELS) {
        let label_chars = label.chars().count();
        let take = if short {
            if label_chars != 4 || !label.ends_with("日期") {
                continue;
            }
            3
        } else {
            label_chars
        };
        let mut at = 0;
        for (k, want) in label.chars().take(take).enumerate() {
            let skipped = rest[at..].len() - rest[at..].trim_start_matches([' ', '\u{3000}', '\u{a0}']).len();
            if k > 0 {
                at += skipped;
            }
            match rest[at..].chars().next() {
                Some(c) if c == want => at += c.len_utf8(),
                _ => continue 'labels,
            }
        }
        return Some((label, at));
    }
    None
}

/// A label alone on its line (`索引号`, `发布日期：`), its value on the next line. A label of
/// two chars (`标题`, `日期`) only with its colon: alone, it may be a title or a word.
fn label_line(line: &str) -> Option<&'static str> {
    let bare = strip_bullet(line);
    let Some((label, len)) = label_at(bare) else { return shaped_label(line) };
    let rest = bare[len..].trim();
    let colon = rest == ":" || rest == "：";
    (colon || (rest.is_empty() && label.chars().count() >= 3)).then_some(label)
}

/// A label no list holds, alone on its line with its colon: in a list of bullets any short key
/// (`• 主 题 词:`, `• 实施日期:`), else a key that names a date, a name or a document number
/// (`归档时间:`, `公文名称:`, `发文编号:`). A date's is [`SOME_DATE`] (none where it names no
/// publication), a name's `名称`, a number's `文号`, any other [`OTHER_LABEL`]. Never a salutation.
fn shaped_label(line: &str) -> Option<&'static str> {
    let bare = strip_bullet(line);
    let key = bare.trim_end().strip_suffix([':', '：'])?;
    let key: String = shape::fold(key).chars().filter(|c| !c.is_whitespace()).collect();
    let n = key.chars().count();
    if !(2..=6).contains(&n) || !key.chars().all(crate::text::han) {
        return None;
    }
    let dated = key.ends_with("时间") || key.ends_with("日期");
    let bulleted = bare.len() < line.trim_start().len();
    if key.ends_with("名称") {
        Some("名称")
    } else if key.ends_with("文号") || key.ends_with("编号") {
        Some("文号")
    } else if dated && !crate::text::words(NOT_POSTED).any(|w| key.contains(w)) {
        Some(SOME_DATE)
    } else {
        (dated || bulleted).then_some(OTHER_LABEL)
    }
}

/// The label of a key [`shaped_label`] reads by its shape and no field uses (`主题词`).
const OTHER_LABEL: &str = "其他";

/// The label of line `i` and its value, the line after it ([`pair`]); a key no list holds never
/// takes an issuer's line over a `关于…` / `对…` line as its value (`• 废止日期:` over `某省人民政府
/// 办公厅` / `关于印发…的通知`): that line starts the title.
fn pair_at<'l, 'a>(lines: &'l [Line<'a>], i: usize) -> Option<(&'static str, &'l Line<'a>)> {
    let value = lines.get(i + 1)?;
    let label = pair(lines[i].text, value.text)?;
    let titled = || {
        is_office_line(value.text)
            && lines.get(i + 2).is_some_and(|n| n.text.starts_with("关于") || n.text.starts_with('对'))
    };
    (label != OTHER_LABEL || !titled()).then_some((label, value))
}

/// The label of `line` whose value is `next`, the line after it: a label alone on its line
/// ([`label_line`]), or a label of two chars alone over a value of its kind (a list of dt / dd
/// without colons): `日期` / `时间` over a date, `文号` over a document number.
pub(super) fn pair(line: &str, next: &str) -> Option<&'static str> {
    if let Some(label) = label_line(line) {
        return is_value_of(label, next).then_some(label);
    }
    let word = strip_bullet(line).trim();
    let (label, len) = label_at(word).filter(|&(_, len)| len == word.len())?;
    // Its kind of value: a date's label over a date, a number's over a document number.
    let fits = if label == "日期" || label == "时间" {
        dates::find_date_span(next.trim()).is_some_and(|(_, start, _)| start == 0)
    } else {
        crate::text::listed(NUMBER_LABELS, label) && number_line(next).is_some()
    };
    (fits && is_value(next) && len > 0).then_some(label)
}

/// A value on the line after its label: short, not a sentence.
fn is_value(line: &str) -> bool {
    line.chars().count() <= 60 && !line.contains('。') && label_line(line).is_none() && meta_fields(line).is_none()
}

/// The labels in a metadata line and their values: `发布时间: 2023-08-22 19:35 来源: 办公室`,
/// a table row `索 引 号：\t000014349/2019-00007\t主题分类：\t…`.
pub(crate) fn meta_fields(line: &str) -> Option<Vec<(&'static str, String)>> {
    // A label by its shape only where a word starts (not `止时间` of `废止时间`).
    let label_colon = |rest: &str, word: bool| -> Option<(&'static str, usize)> {
        let Some((label, len)) = label_at(rest) else {
            return date_label(rest)
                .or_else(|| number_label(rest))
                .or_else(|| name_label(rest))
                .or_else(|| cell_key(rest))
                .filter(|_| word);
        };
        let after = rest[len..].trim_start_matches([' ', '\u{3000}', '\u{a0}']);
        let colon = after.chars().next().filter(|c| matches!(c, ':' | '：'))?;
        Some((label, rest.len() - after.len() + colon.len_utf8()))
    };
    let line = strip_bullet(line);
    // Labels in the site's brackets (`[ 索引号 ] | … | [ 发文字号 ] | …`): read without them.
    if let Some(plain) = unbracket_labels(line) {
        return meta_fields(&plain);
    }
    if label_colon(line, true).is_none() {
        return cell_fields(line).or_else(|| dated_fields(line)).or_else(|| glued_field(line));
    }
    let mut fields: Vec<(&'static str, String)> = Vec::new();
    let mut value = String::new();
    let mut rest = line;
    let mut current: Option<&'static str> = None;
    while !rest.is_empty() {
        let word = !value.ends_with(crate::text::han);
        if let Some((label, len)) = label_colon(rest, word) {
            if let Some(l) = current.take() {
                fields.push((l, shape::cells(&value).to_string()));
            }
            value.clear();
            current = Some(label);
            rest = &rest[len..];
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        value.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if let Some(l) = current {
        fields.push((l, shape::cells(&value).to_string()));
    }
    date_in_value(&mut fields);
    Some(fields)
}

/// A law database's row, its label run into its value with no colon (`发文字号国函〔1993〕11号`,
/// `效力级别国务院规范性文件`, `施行日期1993年02月09日`): a listed label of three chars or more, or
/// a date's key of four chars (…日期, …时间) over a date; a short line of no sentence.
fn glued_field(line: &str) -> Option<Vec<(&'static str, String)>> {
    if line.chars().count() > 40 || line.contains(['。', '，', ',', ':', '：', ' ', '\u{3000}']) {
        return None;
    }
    let key: String = shape::fold(line).chars().take_while(|c| crate::text::han(*c)).take(4).collect();
    let dated = key.chars().count() == 4 && (key.ends_with("日期") || key.ends_with("时间"));
    let (label, len) = label_at(line).filter(|(l, _)| l.chars().count() >= 3).or_else(|| {
        let named = dated && dates::find_date_span(&line[key.len()..]).is_some_and(|(_, start, _)| start == 0);
        let posted = !crate::text::words(NOT_POSTED).any(|w| key.contains(w));
        named.then_some((if posted { SOME_DATE } else { OTHER_LABEL }, key.len()))
    })?;
    let value = &line[len..];
    (!value.is_empty()).then(|| vec![(label, value.to_string())])
}

/// The label of a date whose label [`date_label`] reads by its shape (`上传时间`, `公布日期`): the
/// page's date where nothing else gives it; in a proposal's form, none.
pub(crate) const SOME_DATE: &str = "其他时间";

/// Words before 时间 / 日期 that name no publication: the dates a rule starts, stops or runs out.
const NOT_POSTED: &str = "生效|实施|施行|失效|废止|截止|有效";

/// A label no list holds that names the page's date by its shape: up to four chars, then
/// 时间 or 日期, or the verb of posting (发布, 发布于), a colon, and a date right after it
/// (`上传时间：2023-05-06`, `发稿时间:…`, `公布日期：…`, `发布：…`, `发布于：…`; `日期：…` after a
/// key no list holds). Read as [`SOME_DATE`], the last a published date is taken from; the
/// length up to the colon's end.
fn date_label(rest: &str) -> Option<(&'static str, usize)> {
    let words = rest.chars().take_while(|c| crate::text::han(*c)).count();
    let head: String = shape::fold(rest).chars().take(words).collect();
    let named = (2..=6).contains(&words) && ["时间", "日期", "发布", "发布于"].iter().any(|e| head.ends_with(e));
    if !named {
        return None;
    }
    let after = rest[head.len()..].trim_start_matches([' ', '\u{3000}', '\u{a0}']);
    let colon = after.chars().next().filter(|c| matches!(c, ':' | '：'))?;
    let len = rest.len() - after.len() + colon.len_utf8();
    // The day a rule starts or stops (生效时间, 废止时间) labels its own value, no page's date.
    if crate::text::words(NOT_POSTED).any(|w| head.contains(w)) {
        return Some((OTHER_LABEL, len));
    }
    let value = after[colon.len_utf8()..].trim_start();
    let (_, start, _) = dates::find_date_span(value)?;
    (start == 0).then_some((SOME_DATE, len))
}

/// A label no list holds that names a document number by its shape: one to four chars, then
/// 文号, 编号 or 字号, a colon, and a document number right after it (`公文编号：国办函〔2005〕69号`,
/// `文件字号: …`). Read as `文号`; the length up to the colon's end. (`字号：大 中 小`, the font's
/// size, has no number after it.)
fn number_label(rest: &str) -> Option<(&'static str, usize)> {
    let words = rest.chars().take_while(|c| crate::text::han(*c)).count();
    let head: String = shape::fold(rest).chars().take(words).collect();
    let named = (3..=6).contains(&words) && ["文号", "编号", "字号"].iter().any(|e| head.ends_with(e));
    if !named {
        return None;
    }
    let after = rest[head.len()..].trim_start_matches([' ', '\u{3000}', '\u{a0}']);
    let colon = after.chars().next().filter(|c| matches!(c, ':' | '：'))?;
    let value = after[colon.len_utf8()..].trim_start();
    let (start, _) = find_number(value).or_else(|| open_number(value))?;
    (start == 0).then_some(("文号", rest.len() - after.len() + colon.len_utf8()))
}

/// A label no list holds that names the document's title by its shape: up to four chars, then
/// 标题, 题名 or 名称, a colon, and a value (`文件标题：关于…`, `题名：关于…`). Read as `名称`; the
/// length up to the colon's end.
fn name_label(rest: &str) -> Option<(&'static str, usize)> {
    let (_, len) = title_key(rest)?;
    let after = rest[len..].trim_start_matches([' ', '\u{3000}', '\u{a0}']);
    let colon = after.chars().next().filter(|c| matches!(c, ':' | '：'))?;
    let valued = !after[colon.len_utf8()..].trim().is_empty();
    valued.then_some(("名称", rest.len() - after.len() + colon.len_utf8()))
}

/// A key no list holds in a row of table cells (`内 容 概 述: | …`, `时 效: |`): two to six chars
/// (white space between them skipped), its colon, then the cell's end (`|`). The length up to the
/// colon's end.
fn cell_key(rest: &str) -> Option<(&'static str, usize)> {
    let mut n = 0;
    let mut at = 0;
    for (k, c) in rest.char_indices() {
        if crate::text::han(c) {
            n += 1;
        } else if matches!(c, ':' | '：') {
            at = k + c.len_utf8();
            break;
        } else if !matches!(c, ' ' | '\u{3000}' | '\u{a0}') || n == 0 {
            return None;
        }
    }
    let after = rest[at..].trim_start_matches([' ', '\u{3000}', '\u{a0}', '\t']);
    let cell = after.starts_with(['|', '｜']);
    (at > 0 && (2..=6).contains(&n) && cell).then_some((OTHER_LABEL, at))
}

/// `line` with the site's brackets around its labels blanked (`[ 索引号 ]`, `【发文字号】`), where
/// it has any; the brackets of values (`某字[2023]12号`) kept.
fn unbracket_labels(line: &str) -> Option<String> {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    let mut any = false;
    while let Some(at) = rest.find(['[', '【']) {
        let open = rest[at..].chars().next()?;
        let close = if open == '[' { ']' } else { '】' };
        let inner_at = at + open.len_utf8();
        let Some(n) = rest[inner_at..].find(close) else { break };
        let inner = rest[inner_at..inner_at + n].trim_matches([' ', '\u{3000}', '\u{a0}']);
        let label = label_at(inner).is_some_and(|(_, len)| len == inner.len())
            || title_key(inner).is_some_and(|(_, len)| len == inner.len());
        out.push_str(&rest[..at]);
        if label {
            out.push(' ');
            out.push_str(&rest[inner_at..inner_at + n]);
            out.push(' ');
            any = true;
        } else {
            out.push_str(&rest[at..inner_at + n + close.len_utf8()]);
        }
        rest = &rest[inner_at + n + close.len_utf8()..];
    }
    out.push_str(rest);
    any.then_some(out)
}

/// A key that names the document's title by its shape (`文件标题`, `题名`, `公文名称`): up to four
/// chars, then 标题, 题名 or 名称. Read as `名称`; its length.
fn title_key(rest: &str) -> Option<(&'static str, usize)> {
    let words = rest.chars().take_while(|c| crate::text::han(*c)).count();
    let head: String = shape::fold(rest).chars().take(words).collect();
    ((2..=6).contains(&words) && ["标题", "题名", "名称"].iter().any(|e| head.ends_with(e)))
        .then_some(("名称", head.len()))
}

/// A date that ends the value of a label that is no date's (`作者：某局 2023-05-06`, `来源：某局 |
/// 2023-05-06`): where no label of the line dates it, that date, apart from the words before it,
/// is the page's (a `发布时间` of its own), and the value the words.
fn date_in_value(fields: &mut Vec<(&'static str, String)>) {
    let dated = |l: &str| l.ends_with("时间") || l.ends_with("日期");
    if fields.iter().any(|(l, _)| dated(l)) {
        return;
    }
    for k in 0..fields.len() {
        let value = &fields[k].1;
        let Some((_, start, _)) = dates::find_date_span(value) else { continue };
        let before: String = value.chars().take(start).collect();
        let after: String = value.chars().skip(start).collect();
        let apart = start > 0 && before.ends_with(|c: char| c.is_whitespace() || matches!(c, '|' | '丨'));
        if apart && dates::is_dateish(&after) {
            fields[k].1 = shape::cells(&before).to_string();
            fields.push(("发布时间", shape::cells(&after).to_string()));
            return;
        }
    }
}

/// Labels of the page's own dates, which a metadata line may hold after other words
/// (`发布者：办公室 发布时间：2023-05-06`, `【发布时间：2023-05-06】`).
const DATE_LABELS: &str = "发布时间|发布日期|发文日期|成文日期|更新时间";

/// A short line that holds a date's label and colon after other words, and the date after
/// them: its fields from that label on. The label one of [`DATE_LABELS`], or one known by its
/// shape ([`date_label`]: `录入者：admin 上传时间：2023-05-06`) after another field (a colon
/// before it) or the site's brackets only.
fn dated_fields(line: &str) -> Option<Vec<(&'static str, String)>> {
    if line.chars().count() > 100 || line.contains('。') {
        return None;
    }
    let folded = shape::fold(line);
    let apart = |at: usize| {
        line[..at].chars().next_back().is_some_and(|c| {
            c.is_whitespace() || matches!(c, '【' | '[' | '|' | '丨' | '(' | '（' | '：' | ':' | '】' | ']')
        })
    };
    let listed = crate::text::words(DATE_LABELS).filter_map(|l| folded.find(l)).min().filter(|&at| apart(at));
    let shaped = || {
        let fielded =
            |at: usize| line[..at].contains([':', '：']) || line[..at].trim_matches(['【', '[', ' ']).is_empty();
        line.char_indices()
            .map(|(k, _)| k)
            .find(|&k| k > 0 && apart(k) && fielded(k) && date_label(&line[k..]).is_some_and(|(l, _)| l == SOME_DATE))
    };
    let Some(at) = listed.or_else(shaped) else {
        return if crate::text::words(DATE_LABELS).any(|l| folded.contains(l)) { None } else { date_and_fields(line) };
    };
    let rest = line[at..].trim_end_matches(['】', ']', ')', '）']);
    let fields = meta_fields(rest)?;
    let dated = |l: &str| crate::text::listed(DATE_LABELS, l) || [SOME_DATE, "日期", "时间"].contains(&l);
    fields.iter().any(|(l, v)| dated(l) && dates::date_of(v).is_some()).then_some(fields)
}

/// A line with the page's date and then labelled fields, the date unlabelled
/// (`2023-05-16 11:48:06 文章来源: 某局`, `某县政府 www.… 2021-09-01 15:18 来源:某中心 放大 缩小`,
/// each in brackets: `[2023-05-06] [来源：某局]`):
/// the date as its 发布时间, and the fields.
fn date_and_fields(line: &str) -> Option<Vec<(&'static str, String)>> {
    let (date, end) = dates::find_date(line)?;
    // A time after the date is its, and a field may run straight on after it (`2024-01-30
    // 16:27来源:`).
    let time =
        line.chars().skip(end).take_while(|c| c.is_whitespace() || c.is_ascii_digit() || matches!(c, ':' | '：'));
    let end = end + time.count();
    // The site's brackets around each field are the walls of its cells
    // (`[2023-05-06]  [来源：某局]  [字号：大 中 小]`); a time may run into the first label
    // (`2024-01-30 16:27来源:`).
    let rest: String = line.chars().skip(end).map(|c| if "[]【】".contains(c) { ' ' } else { c }).collect();
    let timed = rest.trim_start().trim_start_matches(|c: char| c.is_ascii_digit() || c == ':');
    if timed.len() < rest.trim_start().len() && label_at(timed).is_some() {
        let mut out = vec![("发布时间", date)];
        out.extend(meta_fields(timed)?);
        return Some(out);
    }
    let at = rest.char_indices().find_map(|(k, c)| {
        let starts = k == 0 || rest[..k].ends_with(char::is_whitespace);
        (starts && !c.is_whitespace()).then(|| meta_fields(&rest[k..]).map(|f| (k, f))).flatten()
    });
    let (_, fields) = at?;
    let mut out = vec![("发布时间", date)];
    out.extend(fields);
    Some(out)
}

/// A metadata row whose cells stand apart by white space, without colons (`索 引 号  xx/2018-35
/// 公开方式  主动公开`, `信息名称 关于…的答复`): a label opens the line, white space after it, and
/// every later label stands after white space too.
fn cell_fields(line: &str) -> Option<Vec<(&'static str, String)>> {
    // A date's label may run straight into its date (`发布时间2023-05-06`).
    let apart = |rest: &str, len: usize| {
        let next = rest[len..].chars().next();
        let dated = || dates::find_date_span(&rest[len..]).is_some_and(|(_, start, _)| start == 0);
        next.is_none_or(cell_break) || (next.is_some_and(|c| c.is_ascii_digit()) && dated())
    };
    let mut fields: Vec<(&'static str, String)> = Vec::new();
    // A table's row as text (`| 标题 | 关于… |`): its cells' bars part keys and values too.
    let mut rest = shape::cells(line);
    // A title's key by its shape too (`• 文件标题 关于…`).
    let (first, len) =
        label_at(rest).or_else(|| title_key(rest)).or_else(|| row_key(rest)).filter(|&(_, len)| apart(rest, len))?;
    let mut current = first;
    rest = &rest[len..];
    let mut value = String::new();
    let mut after_space = false;
    while let Some(c) = rest.chars().next() {
        let label = after_space.then(|| label_at(rest)).flatten();
        if let Some((label, len)) = label.filter(|&(_, len)| apart(rest, len)) {
            fields.push((current, shape::cells(&value).to_string()));
            current = label;
            value.clear();
            rest = &rest[len..];
            after_space = false;
            continue;
        }
        after_space = cell_break(c);
        value.push(c);
        rest = &rest[c.len_utf8()..];
    }
    fields.push((current, shape::cells(&value).to_string()));
    // A label word alone (`标题`) is no row; a key no list holds opens one only before a listed label.
    let row = if first == OTHER_LABEL { fields.len() > 1 } else { fields.len() > 1 || !fields[0].1.is_empty() };
    row.then_some(fields)
}

/// A key no list holds that opens a row of `key value` pairs (`组配分类 人大代表建议办理结果 发布机构
/// 某局`): two to six han chars, then white space. [`cell_fields`] keeps the row only where a
/// listed label follows as a cell of its own.
fn row_key(rest: &str) -> Option<(&'static str, usize)> {
    let n = rest.chars().take_while(|c| crate::text::han(*c)).count();
    let len = rest.char_indices().nth(n).map_or(rest.len(), |(k, _)| k);
    ((2..=6).contains(&n) && rest[len..].starts_with(char::is_whitespace)).then_some((OTHER_LABEL, len))
}

/// What parts a key from its value in a row: white space, a table cell's bar.
fn cell_break(c: char) -> bool {
    c.is_whitespace() || c == '|' || c == '｜'
}

/// The page's date as a line under its title prints it, without a label ([`shape::dateline`]).
pub(super) fn page_dateline(line: &str) -> Option<String> {
    shape::dateline(strip_bullet(line))
}

/// A byline with the page's date ([`shape::dated_byline`]).
pub(super) fn dated_byline(line: &str) -> bool {
    shape::dated_byline(line)
}

/// Whether line `k` is a form's label with nothing after it (`建议人:`): a key and its colon
/// over a line of the same form (`主办单位: 某局`), where a salutation has the letter's text.
pub(super) fn form_label(lines: &[Line], k: usize) -> bool {
    let Some(key) = lines[k].text.strip_suffix([':', '：']) else { return false };
    let n = key.chars().count();
    (2..=6).contains(&n)
        && key.chars().all(crate::text::han)
        && lines.get(k + 1).is_some_and(|l| shape::is_form_line(l.text))
}

/// A salutation (`张三委员：`): a short line ending in a colon, no sentence, and no row of the
/// page's metadata whose last key has no value (`名称: 关于… 文号:`, `文号:`).
/// A salutation that lost its colon (`张三代表` over `您提出的…`): a short line ending in the
/// addressee's standing (代表, 委员), the letter's first words (`您…`, `你…`) on the next line.
fn bare_salutation(lines: &[Line], i: usize) -> bool {
    let t = lines[i].text.trim();
    t.chars().count() <= 24
        && (t.ends_with("代表") || t.ends_with("委员"))
        && !t.contains([':', '：', '。', '>'])
        && lines.get(i + 1).is_some_and(|n| n.text.trim_start().starts_with(['您', '你']))
}

pub(super) fn is_salutation(line: &str) -> bool {
    let n = line.chars().count();
    // A list's bulleted key (`• 统一编号:`) is none.
    strip_bullet(line).len() == line.len()
        && (line.ends_with(':') || line.ends_with('：'))
        && n <= 40
        && !line.contains(['。', '！', '!', '？', '?'])
        && label_line(line).is_none()
        && meta_fields(line).is_none()
}

/// A line that may be a title: not long, no colon at its end, no sentence, some words (a rule of
/// dashes and bars, `---|---|---`, is a table's, never a title).
fn is_title(line: &str) -> bool {
    line.chars().count() <= 100
        && !line.ends_with(':')
        && !line.ends_with('：')
        && !line.contains('。')
        && line.chars().any(char::is_alphanumeric)
}

/// The bracket that closes a document number's year (`〔2016〕`, `[2020]`, `（2022）`, `﹝2023﹞` …).
pub(crate) fn closing_bracket(open: char) -> Option<char> {
    Some(match open {
        '〔' => '〕',
        '[' => ']',
        '［' => '］',
        '【' => '】',
        '（' => '）',
        '(' => ')',
        '〖' => '〗',
        '﹝' => '﹞',
        _ => return None,
    })
}

/// The end (in chars, past 号) of a document number's bracketed part starting at `at`: a year of
/// four digits in brackets, then the serial and 号, with 第 before the serial (`〔2023〕第12号`)
/// or a space before 号 (`29 号`) at most. The issuer's name before it is the caller's; the
/// figure reader reads nothing inside this (the year is no figure).
pub(crate) fn bracketed_number_end(s: &[char], at: usize) -> Option<usize> {
    let close = closing_bracket(*s.get(at)?)?;
    // A space or two may stand inside the brackets and after them (`〔 2024 〕 15 号`).
    let skip = |k: usize| k + s[k.min(s.len())..].iter().take(2).take_while(|c| c.is_whitespace()).count();
    let y = skip(at + 1);
    let year = s.get(y..y + 4)?;
    let c = skip(y + 4);
    if !year.iter().all(|c| is_digit(*c)) || s.get(c) != Some(&close) {
        return None;
    }
    let k = skip(c + 1);
    let nth = usize::from(s.get(k) == Some(&'第'));
    let digits = s[k + nth..].iter().take_while(|c| is_digit(**c)).count();
    let gap = s[k + nth + digits..].iter().take(2).take_while(|c| c.is_whitespace()).count();
    let hao = s.get(k + nth + digits + gap).is_some_and(|c| matches!(c, '号' | '號'));
    (digits > 0 && hao).then_some(k + nth + digits + gap + 1)
}

/// Where a document number stands in a text, in chars: the issuer's short name, the year in
/// brackets, the serial and 号 (`国办函〔2005〕69号`, `临建字[2020]2号`, `豫政（2022）20号`).
/// The document number of a summary row under the title: the title's words (six chars or more)
/// before the number (`某某的批复 某函〔2014〕58号 某某国务院 2014年5月2日 |`).
/// Gives the number and how many chars of the title (white space aside) the row repeats.
pub(super) fn summary_number(line: &str, title: &str) -> Option<(String, usize)> {
    let (a, b) = find_number(line)?;
    let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let head = squeeze(&line.chars().take(a).collect::<String>());
    let n = head.chars().count();
    // (The whole title before the number: a title that names a number inside it is no row.)
    (n >= 6 && squeeze(title).starts_with(&head) && complete(&head))
        .then(|| (line.chars().skip(a).take(b - a).filter(|c| !c.is_whitespace()).collect(), n))
}

pub(crate) fn find_number(text: &str) -> Option<(usize, usize)> {
    let s: Vec<char> = text.chars().collect();
    for k in 0..s.len() {
        let Some(end) = bracketed_number_end(&s, k) else { continue };
        // A space or two between the issuer and the bracket (`某科函 〔2024〕15号`).
        let gap = s[..k].iter().rev().take(2).take_while(|c| c.is_whitespace()).count();
        let issuer = s[..k - gap].iter().rev().take_while(|c| crate::text::han(**c)).count();
        let gap = if issuer == 0 { 0 } else { gap };
        // No issuer only right after a label's colon (`建议字:〔2023〕8号`).
        let labelled = issuer == 0 && k > 0 && matches!(s[k - 1], ':' | '：');
        if (issuer == 0 && !labelled) || issuer > 12 {
            continue;
        }
        return Some((k - gap - issuer, end));
    }
    None
}

/// A document number opening its line (after a label at most: `建议字:〔2023〕8号`), with at
/// most a short note after it (`A类 同意公开`).
pub(super) fn number_line(line: &str) -> Option<String> {
    // A list's bullet before it (`• 某民复〔2021〕17号`, an index list's values without labels).
    let line = strip_bullet(line.trim());
    // In brackets of its own (`（某科函〔2024〕15号）`, `【某科函〔2024〕15号】`).
    let line = line
        .strip_prefix(['（', '(', '【', '[', '［'])
        .and_then(|l| l.strip_suffix(['）', ')', '】', ']', '］']))
        .map_or(line, str::trim);
    let (a, b) = find_number(line).or_else(|| open_number(line))?;
    let rest: String = line.chars().skip(b).collect();
    let rest = rest.trim();
    let label: String = line.chars().take(a).collect();
    // After a label's colon, or a reply's class (`A类　某科函〔2024〕15号`, `答复类别：A类 …`).
    // (`类别  A类   某科函…`: the class the last word before it.)
    let class = |t: &str| {
        let t = t.rsplit([':', '：']).next().unwrap_or(t).split_whitespace().next_back().unwrap_or("");
        let t = t.strip_suffix('类').unwrap_or(t);
        t.chars().count() == 1 && t.chars().all(|c| c.is_ascii_uppercase())
    };
    let label = label.trim_end();
    let labelled =
        a == 0 || (label.chars().count() <= 10 && (label.ends_with(':') || label.ends_with('：') || class(label)));
    // (A title that names a document by its number, `关于转发某办〔2024〕2号文件的通知`, is none.)
    (labelled && rest.chars().count() <= 12 && !rest.contains(['。', '，', ',']) && !line.contains("关于"))
        .then(|| line.chars().skip(a).take(b - a).filter(|c| !c.is_whitespace()).collect())
}

/// A document number opening its line in a shape [`find_number`] does not take there: without
/// the issuer's name (`〔2023〕12号` under a title, the issuer being the letterhead's), or with
/// its closing bracket and 号 lost to a font the page no longer has (`通区府议〔202323`: the
/// year, then the serial, then nothing or white space). Its end in chars.
fn open_number(line: &str) -> Option<(usize, usize)> {
    let s: Vec<char> = line.chars().collect();
    if let Some(end) = bracketed_number_end(&s, 0) {
        return Some((0, end));
    }
    let issuer = s.iter().take_while(|c| crate::text::han(**c)).count();
    let open = *s.get(issuer)?;
    closing_bracket(open)?;
    let digits = s[issuer + 1..].iter().take_while(|c| is_digit(**c)).count();
    let end = issuer + 1 + digits;
    let apart = s.get(end).is_none_or(|c| c.is_whitespace());
    let year: String = s[issuer + 1..].iter().take(4).collect();
    let year = dates::year_of(&year).filter(|_| digits >= 4);
    ((1..=12).contains(&issuer) && (5..=8).contains(&digits) && apart && year.is_some()).then_some((0, end))
}

/// Labels whose value is a document number: only they take a number line as their value.
pub(super) const NUMBER_LABELS: &str = "发文字号|文号|文件编号";

/// A value on the line after the label `label`: a document number only for a number's label
/// (`信息来源:` with nothing after it is followed by the number line, not its value).
fn is_value_of(label: &str, line: &str) -> bool {
    // A date's label takes a date (`成文日期:` with no value over the title takes no title).
    let dated = label == SOME_DATE || label.ends_with("日期") || label.ends_with("时间");
    let date = !dated || dates::find_date_span(strip_bullet(line)).is_some_and(|(_, start, _)| start == 0);
    // A key no list holds (主题词, 废止日期) takes a word, never a title's (the title under the list);
    // no key but a title's takes a complete `关于…` / `对…` title (`来源:` with no value over it).
    let titled = complete(line) && complete_start(line);
    let word = if label == "名称" || crate::text::listed(TITLE_KEYS, label) {
        true
    } else {
        !titled && (label != OTHER_LABEL || !(complete(line) || starts_title(line)))
    };
    // A number's label takes a number, or a short word (`无`): no title (`文号:` with no value),
    // though the title holds a figure (`…第41号建议的答复`).
    let titlish = complete(line) || starts_title(line);
    let numbered = !crate::text::listed(NUMBER_LABELS, label)
        || (line.contains(char::is_numeric) && !titlish)
        || line.chars().count() <= 4;
    is_value(line)
        && date
        && word
        && numbered
        && (number_line(line).is_none() || crate::text::listed(NUMBER_LABELS, label))
}

/// The fields of a page's metadata (the 信息公开属性 table above the article, a `dl` of
/// 索引号 / 生成日期 …): every metadata line of the page's text, and every label alone on a
/// line with its value on the next. The first value of each label.
pub(crate) fn page_fields(lines: &[&str]) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    let mut add = |label: &'static str, value: &str| {
        let value = shape::cells(value);
        if !value.is_empty() && !out.iter().any(|(l, _)| *l == label) {
            out.push((label, value.to_string()));
        }
    };
    for (k, line) in lines.iter().enumerate() {
        if line.chars().count() > 300 {
            continue;
        }
        let alone = lines.get(k + 1).and_then(|n| pair(line, n).map(|l| (l, n)));
        if let Some((label, next)) = alone {
            add(label, strip_bullet(next));
        } else if let Some(fields) = meta_fields(line) {
            for (label, value) in fields {
                add(label, &value);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
