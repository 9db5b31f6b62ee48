//! The body of a reply: headings told from paragraphs, and sections nested and numbered.

use super::attachment::Attachment;
use super::dates::is_signature_date;
use super::heading::{number_only, padded, parse_heading, HeadingLine, Style};
use super::{Line, Origins, Piece, Span};
use crate::model::{Paragraph, Section};
use crate::util::{cat, push_uint, uint};

/// A body line once headings are told from paragraphs.
pub(super) enum Block {
    Heading { depth: usize, number: String, heading: Span, title: Piece, body: Option<Piece> },
    Paragraph(Piece),
}

/// Tells headings from paragraphs. A heading style nests under the styles already open; its
/// numbers must run in sequence, otherwise the line is a paragraph (`2.` opening a sentence
/// mid-section is not a heading). A style not open starts at 1, or goes on from its last
/// number under an earlier parent (（一）（二） under 一、, then （三） under 二、), except decimal
/// numbers, whose parent's number they hold (`1.2` only under `1`). A numbering that starts
/// again at 1 where the next number of its style is 2 (a second text under its own title) is a
/// sibling of where it stood; the parts of a regulation (第一部分, 第一章 …) nest only under
/// higher parts, so `第二部分` after `一、` headings starts at the top. Not headings: a table of
/// contents (目录 up to where its first entry comes again), the list under `附件：`, and the
/// notes under `注释：` / `注：` (`1.本公报中数据均为初步统计数。…`) up to the next heading that
/// goes on with the document's own numbering. Two-digit part numbers (`01综合`) are read only
/// in a text that holds both `01` and `02` so.
/// Whether article `n`'s line holds article `n + 1` after a sentence's end (`第一条 …。第二条 …`).
fn next_article_run_in(line: &str, n: u64) -> bool {
    line.match_indices('。').any(|(at, _)| {
        let rest = line[at + '。'.len_utf8()..].trim_start();
        rest.starts_with('第') && parse_heading(rest).is_some_and(|h| h.style == Style::Article && h.n == n + 1)
    })
}

pub(super) fn blocks(body: &[Line]) -> Vec<Block> {
    let mut open: Vec<(Style, u64, String)> = Vec::new();
    // The last number taken in each style, open or not.
    let mut last: Vec<(Style, u64)> = Vec::new();
    let mut out = Vec::new();
    // `1　总则` is a heading only where the text numbers decimally (`1.1　…` somewhere): else
    // a line such as `1 张三 男` (a table row flattened to text) would be one. Likewise 第一条
    // is an article only where a text has more than one (第一条道路… is prose), the next one
    // run into its line too, where a page lost its line breaks (`第一条 …。第二条 …`).
    let (mut decimal, mut articles) = (false, 0);
    for l in body {
        match parse_heading(l.text) {
            Some(h) if h.style == Style::Decimal(2) => decimal = true,
            Some(h) if h.style == Style::Article => articles += 1 + usize::from(next_article_run_in(l.text, h.n)),
            _ => {}
        }
    }
    // `01综合` is a heading only where the text numbers its parts so: `01` and `02` both there.
    let padding = ["01", "02"].iter().all(|n| body.iter().any(|l| padded(l.text).is_some_and(|h| h.number == *n)));
    let mut contents = contents_at(body, 0);
    // Inside the list under `附件：`, and the style of its items once seen.
    let mut list: Option<Option<Style>> = None;
    // The line a number alone on its line took as its title (see `own_title`).
    let mut taken = None;
    // Inside the notes under a notes label (see `notes_label`), and the style of their numbers
    // once seen.
    let mut notes: Option<Option<Style>> = None;
    for (k, line) in body.iter().enumerate() {
        if taken == Some(k) {
            continue;
        }
        if let Some(first) = notes_label(line.text) {
            notes = Some(first);
        }
        if contents.is_some_and(|(_, end)| k >= end) {
            contents = contents_at(body, k);
        }
        let in_contents = contents.is_some_and(|(start, end)| (start..end).contains(&k));
        let own = own_title(body, k).filter(|_| !in_contents);
        let h = match own {
            Some(_) => number_only(line.text),
            None if in_contents || leads_to_a_page(line.text) => None,
            // Two-digit numbers on consecutive lines are a table's codes (`01 北京市`), not parts.
            None => heading_of(line.text, padding).filter(|h| h.style != Style::Padded || !coded(body, k)),
        };
        // `附件：` opens a list of attachment names (`1.…报告`, one numbering style), which are
        // not headings.
        list = match (&h, list) {
            _ if is_attachment_list(line.text) => Some(None),
            (Some(h), Some(None)) => Some(Some(h.style)),
            (Some(h), Some(Some(style))) if h.style == style => list,
            _ => None,
        };
        let h = h.filter(|h| {
            list.is_none() && (decimal || h.style != Style::Decimal(1)) && (articles > 1 || h.style != Style::Article)
        });
        let Some(h) = h else {
            out.push(Block::Paragraph(line.whole()));
            continue;
        };
        // Numbered sentences right under a signature's date are its notes, as under 注释：.
        if notes.is_none() && k > 0 && is_signature_date(body[k - 1].text) && is_note(line.text, &h) {
            notes = Some(None);
        }
        let seen = last.iter().find(|(s, _)| *s == h.style).map(|(_, n)| *n);
        let accepted = match open.iter().position(|(s, _, _)| *s == h.style) {
            Some(d) if h.n == open[d].1 + 1 && same_parent(&h.number, d.checked_sub(1).map(|p| &open[p])) => {
                open.truncate(d);
                true
            }
            // The numbering starts again (a second text after the first, a part's own `一、`):
            // a sibling of where it stood (see `restarts`).
            Some(d)
                if notes.is_none()
                    && h.n == 1
                    && same_parent(&h.number, d.checked_sub(1).map(|p| &open[p]))
                    && restarts(body, k, h.style, open[d].1, padding) =>
            {
                open.truncate(d);
                true
            }
            Some(_) => false,
            // A note's number opens no section; a number of another style ends the notes.
            None if notes.is_some_and(|style| style.is_none_or(|s| s == h.style)) => {
                notes = Some(Some(h.style));
                false
            }
            None if !(h.n == 1 || (h.style.runs_on() && seen.is_some_and(|n| h.n == n + 1))) => false,
            None => {
                // A part of a regulation nests only under a higher part (see `Style::rank`).
                // `一、` heads the numbering of official documents (一、 （一） 1. （1）): the
                // first does not stand under （一）, 1. or （1） (a list quoted before it), unless
                // that numbering goes on after it (a text that numbers （一） above 一、).
                let depth = match h.style.rank() {
                    0 if h.style == Style::ChineseComma => {
                        let lower = [Style::ChineseParen, Style::ArabicDot, Style::ArabicParen];
                        match open.iter().position(|(s, _, _)| lower.contains(s)) {
                            Some(p) if seen.is_none() && !goes_on(body, k, open[p].0, open[p].1, padding) => p,
                            _ => open.len(),
                        }
                    }
                    0 => open.len(),
                    // The first of its kind, unless a numbering it would close goes on after it
                    // (`一、总则` holding 第一条, 第二条, then `二、` and more articles).
                    r => {
                        let d = open.iter().rposition(|(s, _, _)| s.rank() > r).map_or(0, |p| p + 1);
                        let closes =
                            |(s, n, _): &(Style, u64, String)| s.rank() == 0 && goes_on(body, k, *s, *n, padding);
                        if seen.is_some() || open[d..].iter().any(closes) {
                            open.len()
                        } else {
                            d
                        }
                    }
                };
                let ok = same_parent(&h.number, depth.checked_sub(1).map(|p| &open[p]));
                if ok {
                    open.truncate(depth);
                }
                ok
            }
        };
        if accepted {
            notes = None;
        }
        if !accepted {
            out.push(Block::Paragraph(line.whole()));
            continue;
        }
        open.push((h.style, h.n, h.number.clone()));
        match last.iter_mut().find(|(s, _)| *s == h.style) {
            Some(slot) => slot.1 = h.n,
            None => last.push((h.style, h.n)),
        }
        if let Some(next) = own {
            // The heading is the number's line (no title on it); the title's line is its first
            // paragraph too, so nothing is lost and every piece stays where it stands.
            taken = Some(k + 1);
            let end = line.lead + line.text.chars().count() as u32;
            out.push(Block::Heading {
                depth: open.len(),
                number: h.number,
                heading: Span { line: line.at, start: line.lead, text: end, end },
                title: next.whole(),
                body: Some(next.whole()),
            });
            continue;
        }
        let title = line.piece(h.title);
        let heading = Span { line: line.at, start: line.lead, text: title.span.start, end: title.span.end };
        out.push(Block::Heading {
            depth: open.len(),
            number: h.number,
            heading,
            title,
            body: h.body.map(|b| line.piece(b)),
        });
    }
    out
}

/// Whether a numbered line reads as a note, not a heading: the first of its numbering, a
/// sentence that ends in 。, whose first sentence is long or has a comma (`1.本公报中数据均为
/// 初步统计数，最后以年报核定数据为准。`; a run-in title such as `指导思想。` is short).
fn is_note(text: &str, h: &HeadingLine) -> bool {
    let title: Vec<char> = text.chars().skip(h.title.0).take(h.title.1 - h.title.0).collect();
    h.n == 1 && text.trim_end().ends_with('。') && (title.len() > 20 || title.iter().any(|c| matches!(c, '，' | ',')))
}

/// Whether a line next to line `k` holds a two-digit number too (a table's codes).
fn coded(body: &[Line], k: usize) -> bool {
    let at = |j: Option<usize>| j.and_then(|j| body.get(j)).is_some_and(|l| padded(l.text).is_some());
    at(k.checked_sub(1)) || at(Some(k + 1))
}

/// The heading a line opens, if any (`padding`: the text numbers its parts `01`, `02`).
fn heading_of(text: &str, padding: bool) -> Option<HeadingLine> {
    padding.then(|| padded(text)).flatten().or_else(|| parse_heading(text))
}

/// Whether the numbering of `style`, which stands at `n`, goes on after line `k` (`n + 1`
/// comes before the style starts again at 1).
fn goes_on(body: &[Line], k: usize, style: Style, n: u64, padding: bool) -> bool {
    for l in &body[k + 1..] {
        match heading_of(l.text, padding).filter(|h| h.style == style) {
            Some(h) if h.n == n + 1 => return true,
            Some(h) if h.n == 1 => return false,
            _ => {}
        }
    }
    false
}

/// Whether a number 1 of `style` at line `k`, where that style stands at `old`, starts its
/// numbering again: the next number of the style is 2, and the old numbering does not go on
/// after it (`一、 二、` listed inside `三、`, then `四、`: a list, not a second text).
fn restarts(body: &[Line], k: usize, style: Style, old: u64, padding: bool) -> bool {
    let mut new = 1;
    for l in &body[k + 1..] {
        let Some(h) = heading_of(l.text, padding).filter(|h| h.style == style) else { continue };
        if h.n == new + 1 {
            new = h.n;
        } else if h.n == 1 {
            // It starts again once more: what was read so far decides.
            break;
        } else if h.n == old + 1 || new == 1 {
            return false;
        }
    }
    new > 1
}

/// A number alone on its line (`一、`, `（二）`, `第三章`) with its title on the next line
/// (a short line that is no heading and no sentence): that line.
fn own_title<'b, 'a>(body: &'b [Line<'a>], k: usize) -> Option<&'b Line<'a>> {
    number_only(body[k].text)?;
    let next = body.get(k + 1)?;
    let n = next.text.chars().count();
    let title_like =
        (2..=40).contains(&n) && !next.text.contains(['。', '；', ';']) && parse_heading(next.text).is_none();
    title_like.then_some(next)
}

/// A decimal number (`1.2.1`) is a child only of its own parent (`1.2`, or `1.` for `1.1`);
/// other numbers of anything.
fn same_parent(number: &str, parent: Option<&(Style, u64, String)>) -> bool {
    let Some(dot) = number.rfind(['.', '．']) else { return true };
    let head = &number[..dot];
    matches!(parent, Some((_, _, p)) if p.replace('．', ".") == head.replace('．', "."))
}

/// The words that label notes under a text or a table: `注`, `注释`, `附注`, `备注`, `注解`.
const NOTES_LABELS: &str = "注释|附注|备注|注解|注";

/// A line that opens numbered notes: a notes label alone (`注释`, `注释：`: the style of their
/// numbers is the next number's, `None` here) or with the first note after its colon
/// (`注：1.本表数据…`: its style). A label with one note of prose (`注：数据来自…`) opens none.
fn notes_label(text: &str) -> Option<Option<Style>> {
    // `说明：1.本表…` too, with its first note on its line (alone, 说明 may title a section).
    if let Some(rest) = text.strip_prefix("说明").and_then(|r| r.trim_start().strip_prefix([':', '：'])) {
        return parse_heading(rest.trim_start()).map(|h| Some(h.style));
    }
    let rest = crate::text::words(NOTES_LABELS).find_map(|l| text.strip_prefix(l))?.trim_start();
    if rest.is_empty() {
        return Some(None);
    }
    let rest = rest.strip_prefix([':', '：'])?.trim_start();
    if rest.is_empty() {
        return Some(None);
    }
    parse_heading(rest).map(|h| Some(h.style))
}

/// `附件：` or `附件:` with the list of attachments after it, on its line or below.
fn is_attachment_list(text: &str) -> bool {
    text.strip_prefix("附件").is_some_and(|rest| rest.trim_start().starts_with([':', '：']))
}

/// A table of contents starting at `from` or later: the line 目录 (目　录), and its entries up
/// to where the first of them comes again as the body's first heading: the range of lines
/// from 目录 to that line, if the first entry does come again.
fn contents_at(body: &[Line], from: usize) -> Option<(usize, usize)> {
    let at = (from..body.len()).find(|&k| entry(body[k].text) == "目录")?;
    let first = entry(body.get(at + 1)?.text);
    (at + 2..body.len()).find(|&k| entry(body[k].text) == first).map(|end| (at, end))
}

/// Leaders between a table of contents' entry and its page number (`总则……1`, `总则.....1`).
const LEADERS: &[char] = &['…', '⋯', '.', '．', '·', '‥', '-', '—', '_'];

/// A line as an entry of a table of contents: without white space, leaders and page number
/// (`第一章　总则……………1` and `1.1 编制目的 1` are `第一章总则` and `1.1编制目的`, as the headings
/// they name).
fn entry(text: &str) -> String {
    let t = text.trim_end();
    let before_page = t.trim_end_matches(|c: char| c.is_ascii_digit());
    let t = if before_page.len() < t.len() {
        let led = before_page.trim_end_matches(LEADERS);
        if led.len() < before_page.len() || before_page.ends_with(char::is_whitespace) {
            led
        } else {
            t
        }
    } else {
        t
    };
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

/// An entry of a table of contents by its look, with no 目录 above it: dotted leaders, then a
/// page number (`第二章　组织机构………………3`; not dashes: `——2025` ends many a title).
fn leads_to_a_page(text: &str) -> bool {
    let t = text.trim_end();
    let before_page = t.trim_end_matches(|c: char| c.is_ascii_digit());
    let dots = ['…', '⋯', '.', '．', '·', '‥'];
    before_page.len() < t.len() && before_page.trim_end().chars().rev().take_while(|c| dots.contains(c)).count() >= 2
}

/// Builds the reply's paragraphs, recording where each came from.
pub(super) struct Builder {
    pub origins: Origins,
}

impl Builder {
    pub fn paragraph(&mut self, id: String, piece: Piece) -> Paragraph {
        self.origins.add(&id, piece.span);
        Paragraph { id, text: piece.text }
    }

    pub fn numbered(&mut self, prefix: &str, pieces: Vec<Piece>) -> Vec<Paragraph> {
        let mut out = Vec::with_capacity(pieces.len());
        for (k, p) in pieces.into_iter().enumerate() {
            out.push(self.paragraph(cat(&[prefix, "-p", &uint(k + 1)]), p));
        }
        out
    }

    /// Nests headings by depth and numbers sections by position (`s2-1`).
    pub fn sections(&mut self, blocks: Vec<Block>, preamble: &mut Vec<Piece>) -> Vec<Section> {
        self.sections_in("s", blocks, preamble)
    }

    /// An attachment as the top-level section `s{k}`: its label line is the heading, the
    /// lines of its title and the text before its first heading its paragraphs, its headings
    /// its children.
    pub fn attachment(&mut self, a: Attachment, k: usize) -> Section {
        let id = cat(&["s", &uint(k)]);
        let title = a.title();
        let end = a.label.lead + a.label.text.chars().count() as u32;
        let text = a.inline.map_or(end, |at| a.label.lead + at as u32);
        self.origins.add(&id, Span { line: a.label.at, start: a.label.lead, text, end });
        let mut pieces: Vec<Piece> = a.title_lines.iter().map(|l| l.whole()).collect();
        let children = self.sections_in(&cat(&[&id, "-"]), blocks(&a.body), &mut pieces);
        let paragraphs = self.numbered(&id, pieces);
        Section { id, number: a.number, title, paragraphs, children }
    }

    fn sections_in(&mut self, prefix: &str, blocks: Vec<Block>, preamble: &mut Vec<Piece>) -> Vec<Section> {
        let mut roots: Vec<Section> = Vec::new();
        // Path of child indexes from the roots to the open section.
        let mut path: Vec<usize> = Vec::new();
        fn at<'a>(roots: &'a mut [Section], path: &[usize]) -> Option<&'a mut Section> {
            let (first, rest) = path.split_first()?;
            let mut s = roots.get_mut(*first)?;
            for &i in rest {
                s = s.children.get_mut(i)?;
            }
            Some(s)
        }
        for b in blocks {
            match b {
                Block::Heading { depth, number, heading, title, body } => {
                    path.truncate(depth - 1);
                    let siblings = match at(&mut roots, &path) {
                        Some(parent) => &mut parent.children,
                        None => &mut roots,
                    };
                    let mut id = String::from(prefix);
                    for p in &path {
                        push_uint(&mut id, *p as u64 + 1);
                        id.push('-');
                    }
                    push_uint(&mut id, siblings.len() as u64 + 1);
                    self.origins.add(&id, heading);
                    let mut section =
                        Section { id, number, title: title.text, paragraphs: Vec::new(), children: Vec::new() };
                    if let Some(piece) = body {
                        let pid = cat(&[&section.id, "-p1"]);
                        section.paragraphs.push(self.paragraph(pid, piece));
                    }
                    path.push(siblings.len());
                    siblings.push(section);
                }
                Block::Paragraph(piece) => match at(&mut roots, &path) {
                    Some(s) => {
                        let id = cat(&[&s.id, "-p", &uint(s.paragraphs.len() + 1)]);
                        let p = self.paragraph(id, piece);
                        s.paragraphs.push(p);
                    }
                    None => preamble.push(piece),
                },
            }
        }
        roots
    }
}

#[cfg(test)]
mod tests;
