//! The tail of a reply: the closing (下一步…, 特此答复) and the signature block under it (the
//! office, the date, contact lines).

use super::body::Block;
use super::dates::{find_date_span, is_date_line, is_signature_date};
use super::heading::parse_heading;
use super::{Line, Piece};

/// Takes the signature block (office, date, contact lines) off the end of the body, and the
/// rows with no words a page's table leaves under it (`||||||`, `|`).
pub(super) fn signature(body: &mut Vec<Line>) -> Vec<Piece> {
    let mut signature: Vec<Piece> = Vec::new();
    while let Some(last) = body.last() {
        let dated = signature.iter().any(|l| is_date_line(&l.text) || is_contact_line(&l.text));
        let text = last.text;
        let take = !text.chars().any(char::is_alphanumeric)
            || is_signature_date(text)
            || is_office_and_date(text)
            || is_contact_line(text)
            || labelled(text).is_some()
            || is_seal(text)
            || is_footer(text)
            || (is_office_line(text) && (dated || text.chars().count() <= 20) && parse_heading(text).is_none());
        if !take {
            break;
        }
        signature.insert(0, last.whole());
        body.pop();
    }
    signature
}

/// Labels and marks of a site's footer under the letter: who runs the site, its registration
/// numbers (`浙ICP备05001234号`, `浙公网安备 33010202000123号`, `网站标识码：3301000001`).
const FOOTER_PREFIXES: &str = "主办单位|主办：|主办:|承办：|承办:|协办：|协办:|技术支持|版权所有|\
    Copyright|©";
const FOOTER_MARKS: &str = "ICP备|ICP证|公网安备|网安备|网站标识码|网站识别码";

/// A line of the site's footer under the letter (its sponsor, registration numbers, links:
/// `联系我们 | 网站地图`): taken with the signature block, so that the letter's own date above
/// it is still read as the date under the signature.
pub(super) fn is_footer(line: &str) -> bool {
    line.chars().count() <= 100
        && (crate::text::words(FOOTER_PREFIXES).any(|p| line.starts_with(p))
            || crate::text::words(FOOTER_MARKS).any(|m| line.contains(m))
            || super::header::is_furniture(line))
        && !line.contains('。')
}

/// Takes the closing off the end of the body's blocks: from the first closing cue after the
/// last heading to the end (only paragraphs: the closing starts after the last heading).
pub(super) fn closing(blocks: &mut Vec<Block>) -> Vec<Piece> {
    let after_last_heading = blocks.iter().rposition(|b| matches!(b, Block::Heading { .. })).map_or(0, |k| k + 1);
    let closing_at = (after_last_heading..blocks.len())
        .find(|&k| matches!(&blocks[k], Block::Paragraph(p) if crate::text::words(CLOSING_CUES).any(|c| p.text.starts_with(c))))
        .unwrap_or(blocks.len());
    let mut closing: Vec<Piece> = Vec::new();
    for block in blocks.split_off(closing_at) {
        if let Block::Paragraph(p) = block {
            closing.push(p);
        }
    }
    closing
}

/// Paragraphs that open the closing, after the last section.
const CLOSING_CUES: &str = "下一步|下步|下一阶段|下阶段|今后|最后|感谢|衷心感谢|再次感谢|非常感谢|\
    特此答复|此复|专此答复|以上答复|欢迎您";

/// Lines of the signature block: contact details.
const CONTACT_PREFIXES: &str = "联系人|联系电话|联系单位|联系方式|联系地址|抄送|承办单位|签发人|办理单位";

/// Verbs of an event, which a headline tells and an office's name never holds.
const EVENTS: &str = "召开|举行|举办|开展|启动";

/// Endings of an issuing office's name (武汉市科学技术局, 市政府办公厅, 国家统计局宜春调查队,
/// 某县文物管理所, 某县图书馆, 市科协, 市残联).
const OFFICE_ENDINGS: &str = "局|委员会|委|办公室|厅|中心|政府|办|院|部|会|处|队|所|馆|科协|联";

/// The office and the date on one line of a signature (`某县教育局 2023年9月25日`), in a table's
/// cell too (its bars around them: `| 某局 2019年7月18日 |`), or the date first, apart from the
/// office by white space (`2023年9月25日　某县教育局`).
pub(super) fn is_office_and_date(line: &str) -> bool {
    let line = line.trim_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '｜'));
    // Apart at any white space: the date may hold some (`某局 2019年 7月 18日`); or at the
    // date's start, where the page set nothing between them (`某厅2021年4月13日`).
    let at_date =
        find_date_span(line).map(|(_, start, _)| line.char_indices().nth(start).map_or(line.len(), |(k, _)| k));
    line.char_indices().filter(|(_, c)| c.is_whitespace()).map(|(at, _)| at).chain(at_date).any(|at| {
        let (office, date) = (line[..at].trim(), &line[at..]);
        is_office_line(office) && is_signature_date(date) || is_signature_date(office) && is_office_line(date.trim())
    })
}

/// A signature run into the end of a paragraph where the page lost its line breaks (`…给予指导。
/// 某县水利局 2021年9月17日`): the office and its date (or the date alone) after the last
/// sentence's end, apart from it by white space or by nothing where the crawl joined the lines
/// bare (`…特此答复。2021年9月17日`).
/// The contact's or 抄送 fields may follow the date on that line (`…支持！2022年7月1日 联系人及
/// 电话：… 抄送：…`, `…某局 2019年10月14日 (联系人及电话:…`, a bracket the page cut).
pub(super) fn run_in(line: &str) -> Option<&str> {
    let line = line.trim_end().trim_end_matches(['|', '｜']).trim_end();
    let at = line.rfind(['。', '！', '!', '？', '?'])?;
    let after = &line[at..];
    let mut tail = after[after.chars().next()?.len_utf8()..].trim_start();
    if let Some((_, _, end)) = find_date_span(tail) {
        let cut = tail.char_indices().nth(end).map_or(tail.len(), |(k, _)| k);
        let note = tail[cut..].trim_start().trim_start_matches(['(', '（']);
        if ["联系", "抄送", "承办"].iter().any(|w| note.starts_with(w)) {
            tail = tail[..cut].trim_end();
        }
    }
    (is_signature_date(tail) || is_office_and_date(tail)).then_some(tail)
}

/// A notice's date run into the title of the text it sends, where the page lost the line break
/// between them (`2020年10月9日 某市政府信息主动公开办法`): the date, apart from a complete
/// title by white space.
pub(super) fn dated_over_title(line: &str) -> Option<&str> {
    let line = line.trim();
    let (_, start, end) = find_date_span(line)?;
    let at = line.char_indices().nth(end).map_or(line.len(), |(k, _)| k);
    let (date, rest) = (&line[..at], &line[at..]);
    let title = rest.trim_start();
    let apart = title.len() < rest.len();
    let titled = title.chars().count() >= 6
        && super::header::complete(title)
        && !title.contains(['。', '，', ',', '；', ';', '：', ':'])
        && parse_heading(title).is_none();
    (start == 0 && apart && titled && is_signature_date(date)).then_some(date)
}

/// A signature's line as a form prints it, a key and its value: `答复日期：2023年3月20日` (a key
/// of two to six chars naming a date, 日期 or 时间, over a date), `单位名称：某局` (a key naming
/// the unit, 单位 or 署名, over an office), or a row of fields holding one. Gives the value.
pub(super) fn labelled(line: &str) -> Option<&str> {
    let at = line.find([':', '：'])?;
    let key: String = line[..at].chars().filter(|c| !c.is_whitespace()).collect();
    let value = line[at..].trim_start_matches([':', '：']).trim();
    let n = key.chars().count();
    if !(2..=6).contains(&n) || !key.chars().all(crate::text::han) {
        return None;
    }
    let key = super::header::fold(&key);
    let dated = (key.ends_with("日期") || key.ends_with("时间"))
        && !crate::text::words(super::dates::NOT_SIGNED).any(|w| key.contains(w))
        && is_signature_date(value);
    let unit = ["单位", "单位名称", "署名"].iter().any(|e| key.ends_with(e)) && is_office_line(value);
    if dated || unit {
        return Some(value);
    }
    // A row of such fields (`答复单位：某局　答复时间：2023年3月20日`): the next one's value.
    labelled(value.split_once(char::is_whitespace)?.1.trim_start())
}

/// A seal's note in brackets (`（盖章）`, `(单位公章)`), alone or at the end of the office's line.
pub(super) fn is_seal(line: &str) -> bool {
    let t = line.trim().trim_end_matches(['）', ')']);
    t.len() < line.trim().len()
        && t.ends_with('章')
        && t.rsplit(['（', '(']).next().is_some_and(|n| n.chars().count() <= 5)
}

pub(super) fn is_contact_line(line: &str) -> bool {
    crate::text::words(CONTACT_PREFIXES).any(|p| line.starts_with(p))
}

/// An office's name alone on its line (`某市科学技术局`, `某县人民政府办公室`): never a news
/// headline that ends like one (`我县召开…推进会`: an office's name opens with no 我 and tells of
/// no event).
pub(super) fn is_office_line(line: &str) -> bool {
    // A seal's note after the name (`某县水利局（盖章）`).
    let line = line
        .strip_suffix(['）', ')'])
        .and_then(|h| h.rfind(['（', '(']).map(|at| &h[..at]))
        .filter(|_| is_seal(line))
        .unwrap_or(line);
    let n = line.chars().count();
    (2..=30).contains(&n)
        && !line.contains(['，', ',', '。', '；', ';', '：', ':'])
        && !line.starts_with('我')
        && !crate::text::words(EVENTS).any(|w| line.contains(w))
        && crate::text::words(OFFICE_ENDINGS).any(|e| super::header::fold(line).ends_with(e))
}

#[cfg(test)]
mod tests;
