//! Attachments after the signature (`附件1`, its title on the next lines, then its own text):
//! each becomes a top-level section of its own, its headings its children, its numbering fresh.
//! The list under `附件：` before the signature names them and is not one.

use super::dates::is_date_line;
use super::heading::parse_heading;
use super::numeral::{is_cn_numeral, is_digit};
use super::tail::is_office_line;
use super::Line;

/// One attachment: the label line, its title, the lines of its text.
pub(super) struct Attachment<'a> {
    pub label: Line<'a>,
    /// `附件`, `附件1`, `附件一`: the label as written, without white space.
    pub number: String,
    /// Where a title on the label line itself starts (`附件1　关于…的报告`), in chars.
    pub inline: Option<usize>,
    /// The title's own lines below the label (a title set on one to three lines).
    pub title_lines: Vec<Line<'a>>,
    pub body: Vec<Line<'a>>,
}

impl Attachment<'_> {
    /// The title: on the label line, or its lines joined (an attachment has one: see `split`).
    pub fn title(&self) -> String {
        if let Some(at) = self.inline {
            return self.label.text.chars().skip(at).collect::<String>().trim().to_string();
        }
        let mut t = String::new();
        for l in &self.title_lines {
            t.push_str(l.text);
        }
        t
    }
}

/// Lines between the date under a signature and the first label (`（此件公开发布）`,
/// `（本文有删减）`) at most.
const AFTER_DATE: usize = 3;

/// Words a document's title ends in: a title set on several lines is complete with them.
const TITLE_ENDINGS: &str = "报告|意见|清单|方案|办法|规定|预案|做法|通知|名单|目录|细则|要点|\
    计划|标准|指南|纲要|规划|条例|决定|函|表|说明|情况|汇总";

/// A label line: `附件`, `附件1`, `附件一`, `附件 2`, alone or with the title after white space
/// (not `附件：…`, the list). Gives the label as written and where an inline title starts.
fn label(text: &str) -> Option<(String, Option<usize>)> {
    let rest = text.strip_prefix("附件")?;
    let chars: Vec<char> = rest.chars().collect();
    let mut k = 0;
    while chars.get(k).is_some_and(|c| c.is_whitespace()) {
        k += 1;
    }
    let digits = chars[k..].iter().take_while(|c| is_digit(**c) || is_cn_numeral(**c)).count();
    let number_end = if digits > 0 { k + digits } else { 0 };
    let mut number = String::from("附件");
    number.extend(chars[k..number_end.max(k)].iter());
    let mut t = number_end;
    let spaced = chars.get(t).is_some_and(|c| c.is_whitespace());
    while chars.get(t).is_some_and(|c| c.is_whitespace()) {
        t += 1;
    }
    if t == chars.len() {
        return Some((number, None));
    }
    // `附件：实施方案`, `附件1：…`: a title after a colon, when it reads as one (not `附件：1.…`,
    // the list, nor a sentence). `split` takes such a label only below a signature.
    if matches!(chars[t], ':' | '：') {
        let mut at = t + 1;
        while chars.get(at).is_some_and(|c| c.is_whitespace()) {
            at += 1;
        }
        let rest: String = chars[at..].iter().collect();
        return match rest.is_empty() {
            true => Some((number, None)),
            false => title_line(&rest).then_some((number, Some(2 + at))),
        };
    }
    // A title on the label line needs white space before it (附件1　关于…; not 附件材料).
    if !spaced {
        return None;
    }
    Some((number, Some(2 + t)))
}

fn number_value(number: &str) -> Option<u64> {
    let chars: Vec<char> = number.chars().skip(2).collect();
    if chars.is_empty() {
        return None;
    }
    super::numeral::read_cn(&chars)
        .map(|(n, _)| n)
        .or_else(|| chars.iter().try_fold(0u64, |a, c| super::numeral::digit(*c).map(|d| a * 10 + u64::from(d))))
}

/// Endings of a file's name: a download link under a page's `附件` is no title.
const FILE_ENDINGS: &str = ".doc|.docx|.pdf|.xls|.xlsx|.wps|.et|\
    .zip|.rar|.jpg|.png|.ofd|.txt";

/// Whether a line can be (part of) an attachment's title.
fn title_line(text: &str) -> bool {
    let n = text.chars().count();
    let lower = text.to_ascii_lowercase();
    (2..=40).contains(&n)
        && !crate::text::words(FILE_ENDINGS).any(|e| lower.ends_with(e))
        && !text.contains(['。', '，', ',', '：', ':', '；', ';'])
        && !text.starts_with(['（', '('])
        && parse_heading(text).is_none()
        && !is_date_line(text)
        && label(text).is_none()
}

/// Takes the attachments off the end of the body: from the first label after a signature (a
/// few lines below its date, or below the office where the page left the date out), each up to
/// the next label that follows a signature or continues the numbering (附件1, 附件2).
pub(super) fn split<'a>(body: &mut Vec<Line<'a>>) -> Vec<Attachment<'a>> {
    let mut starts: Vec<(usize, String, Option<usize>)> = Vec::new();
    let mut since_date = usize::MAX;
    for (k, line) in body.iter().enumerate() {
        // An attachment has a title: on its label line or the line below (not a file's name).
        let titled = |inline: Option<usize>| inline.is_some() || body.get(k + 1).is_some_and(|l| title_line(l.text));
        if let Some((number, inline)) = label(line.text).filter(|(_, inline)| titled(*inline)) {
            let next = match starts.last() {
                Some((_, prev, _)) => number_value(prev).zip(number_value(&number)).is_some_and(|(a, b)| b == a + 1),
                None => false,
            };
            if since_date <= AFTER_DATE || next {
                starts.push((k, number, inline));
            }
        }
        let signs = is_date_line(line.text) || (is_office_line(line.text) && parse_heading(line.text).is_none());
        since_date = if signs { 0 } else { since_date.saturating_add(1) };
    }
    let mut out = Vec::new();
    let Some(&(first, _, _)) = starts.first() else { return out };
    let mut rest = body.split_off(first);
    for (k, number, inline) in starts.into_iter().rev() {
        let mut lines = rest.split_off(k - first);
        let label = lines.remove(0);
        let mut title_lines = Vec::new();
        if inline.is_none() {
            let mut title = String::new();
            // A line goes on the title while the title is not complete (a document's kind
            // ends it), or when it opens with 的 (…方案 / 的通知); a second line is no table
            // header (序号).
            let goes_on = |title: &str, l: &Line| {
                title.is_empty()
                    || l.text.starts_with('的')
                    || (l.text.chars().count() >= 4 && !crate::text::words(TITLE_ENDINGS).any(|e| title.ends_with(e)))
            };
            while title_lines.len() < 3 && lines.first().is_some_and(|l| title_line(l.text) && goes_on(&title, l)) {
                let l = lines.remove(0);
                title.push_str(l.text);
                title_lines.push(l);
            }
        }
        out.push(Attachment { label, number, inline, title_lines, body: lines });
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests;
