//! The shapes of header lines that are never a title, or never all of one: a proposal form's
//! `key: value` line (`建议号:201号`), an issuer's line of office names (`江西省统计局  国家统计局
//! 江西调查总队`), a byline (`新闻发言人 武平`), a note in brackets under a title (`（2007年6月29日
//! …会议通过）`), and what a title line carries besides its words (a footnote mark `[1]`, empty
//! table cells `| |`).

use super::super::dates;
use super::find_number;

/// `text` with traditional characters in their simplified forms ([`crate::text::simplified`]),
/// byte for byte at the same offsets, and `覆` read as `复` (`答覆`, `覆函`: a title's last words;
/// only here, as `覆盖` is simplified too). Pages in traditional script (a government site's big5
/// gateway) read like the others.
pub(crate) fn fold(text: &str) -> std::borrow::Cow<'_, str> {
    let simple = |c: char| if c == '覆' { '复' } else { crate::text::simplified(c) };
    if text.chars().all(|c| simple(c) == c) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.chars().map(simple).collect())
}

/// A line without white space and empty table cells around it (`… | |`).
pub(super) fn cells(line: &str) -> &str {
    line.trim_matches(|c: char| c.is_whitespace() || c == '|' || c == '｜')
}

/// A line without what a title never ends with: white space, empty table cells (`… | |`) and
/// a footnote mark (`[1]`, `［2］`, `①`, `¹`).
pub(super) fn bare(line: &str) -> &str {
    let mut t = cells(line);
    loop {
        let before = t.len();
        t = strip_mark(t).trim_end_matches(|c: char| c.is_whitespace() || c == '|' || c == '｜');
        if t.len() == before {
            return t;
        }
    }
}

/// `t` without one footnote mark at its end.
fn strip_mark(t: &str) -> &str {
    if let Some(c) = t.chars().next_back() {
        // ① … ⑳, ⑴ … ⒇, superscript digits.
        if ('\u{2460}'..='\u{2487}').contains(&c) || matches!(c, '¹' | '²' | '³' | '\u{2070}'..='\u{2079}') {
            return &t[..t.len() - c.len_utf8()];
        }
    }
    for (open, close) in [('[', ']'), ('［', '］'), ('〔', '〕')] {
        let Some(inner) = t.strip_suffix(close) else { continue };
        let Some(at) = inner.rfind(open) else { continue };
        let mark = &inner[at + open.len_utf8()..];
        let digits = mark.trim_start_matches('注').chars().count();
        if (1..=2).contains(&digits) && mark.trim_start_matches('注').chars().all(|c| c.is_ascii_digit()) && at > 0 {
            return &t[..at];
        }
    }
    t
}

/// A line of a form filled in above a reply (`建议号:201号`, `提案人:伏正洪`, `承办单位:教育局`):
/// a short key, a colon, a short value. Never a title.
pub(super) fn is_form_line(line: &str) -> bool {
    let Some(at) = line.find([':', '：']) else { return false };
    let key: String = line[..at].chars().filter(|c| !c.is_whitespace()).collect();
    let value = line[at..].chars().skip(1).collect::<String>();
    let n = key.chars().count();
    (2..=6).contains(&n)
        && key.chars().all(crate::text::han)
        && !key.contains("关于")
        // An office before the colon opens a headline (`市卫生健康局:重视…`), not a form's line.
        && !crate::text::words(ISSUER_ENDINGS).any(|e| key.ends_with(e))
        && !value.trim().is_empty()
        && value.chars().count() <= 24
        && !value.contains("关于")
        && !value.contains(['。', '！', '？', '!', '?'])
}

/// An issuer's line: one to three office names apart by white space (`宜春市统计局  国家统计局
/// 宜春调查队`). Set under a complete title (with the date under it), it is no part of it.
pub(super) fn is_issuer_line(line: &str) -> bool {
    let parts: Vec<&str> = line.split(|c: char| c.is_whitespace()).filter(|p| !p.is_empty()).collect();
    (1..=3).contains(&parts.len())
        && !line.contains("关于")
        && parts.iter().all(|p| {
            (4..=20).contains(&p.chars().count())
                && !p.contains(['，', ',', '。', '；', ';', '：', ':', '、'])
                && crate::text::words(ISSUER_ENDINGS).any(|e| fold(p).ends_with(e))
        })
}

/// Endings of an issuer's name on its own line (stricter than a signature's: `…推进会` is a
/// headline).
const ISSUER_ENDINGS: &str = "局|厅|委员会|委|办公室|政府|调查队|总队|部|院|中心|组";

/// Words a byline's role ends with (`中国载人航天工程新闻发言人 武平`, `本报记者 张三`).
const ROLES: &str = "发言人|记者|通讯员|主持人|编辑|作者|撰稿|摄影|供稿";

/// A byline: a person's role, then a name of two to four chars (`新闻发言人 武平`). Never a title.
pub(super) fn is_byline(line: &str) -> bool {
    let parts: Vec<&str> = line.split(|c: char| c.is_whitespace()).filter(|p| !p.is_empty()).collect();
    let [.., role, name] = parts.as_slice() else { return false };
    let cjk = |c: char| crate::text::han(c) || c == '·';
    parts.len() <= 4
        && (2..=4).contains(&name.chars().count())
        && name.chars().all(cjk)
        && crate::text::words(ROLES).any(|r| role.ends_with(r))
}

/// A byline with the page's date: the source's name and the date (`某某新闻 2024-01-02`), as a
/// news item reprinting a document sets it under its headline ([`dateline`], two Chinese chars
/// or more beside the date: no bullet alone).
pub(super) fn dated_byline(line: &str) -> bool {
    dateline(line).is_some_and(|d| line.replace(&d, "").chars().filter(|c| crate::text::han(*c)).count() >= 2)
}

/// The date of a note in brackets under a title, `（2023年4月12日）`, `（2007年6月29日第十届全国
/// 人民代表大会常务委员会第二十八次会议通过）`: a bracketed line that holds a date and no sentence.
pub(super) fn note_date(line: &str) -> Option<String> {
    let line = line.trim();
    // Or after a dash, as a speech's or a report's occasion is set (`——2025年10月26日在…会议上`).
    let dashed = line.trim_start_matches(['—', '-', '－']);
    let inner = match line.strip_prefix(['（', '(']).and_then(|l| l.strip_suffix(['）', ')'])) {
        Some(inner) => inner,
        None if dashed.len() < line.len() && line.starts_with('—') => dashed,
        None => return None,
    };
    if inner.chars().count() > 80 || inner.contains(['。', '（', '(']) {
        return None;
    }
    dates::date_of(inner)
}

/// The page's date as a line under a title prints it without a label: a date standing apart
/// (`2023-05-06`, `[ 2023-05-06 ]`, `2023年5月6日 10:32`), a time and a weekday after it, a few
/// words of a name or a source beside it (`某局 2023-05-06`, `2023-05-06 某局`), no sentence and
/// no label. The date as written.
pub(super) fn dateline(line: &str) -> Option<String> {
    let line = line.trim();
    let s: Vec<char> = line.chars().collect();
    if s.len() > 40 || line.contains(['。', '，', ',', '；', ';', '！', '？', '、', '“', '《']) {
        return None;
    }
    let (_, start, end) = dates::find_date_span(line)?;
    let edge = |c: Option<&char>| c.is_none_or(|c| c.is_whitespace() || "[]【】|丨()（）".contains(*c));
    // A time (`10:32:00`) and a weekday (`星期六`) after the date are its.
    let spaced = |mut k: usize| {
        while s.get(k).is_some_and(|c| c.is_whitespace()) {
            k += 1;
        }
        k
    };
    let mut k = end;
    let at = spaced(k);
    let time = s[at..].iter().take_while(|c| c.is_ascii_digit() || matches!(c, ':' | '：')).count();
    if s[at..at + time].iter().any(|c| matches!(c, ':' | '：')) {
        k = at + time;
    }
    // A date with dashes and its time, as a site prints its own (`2024-02-28 05:20:06`), is
    // one run into the column's name and the source's (`时事新闻2024-02-28 05:20:06无忧百科`).
    let stamped = k > end && s[start..end].contains(&'-');
    if !stamped && (!edge(start.checked_sub(1).and_then(|k| s.get(k))) || !edge(s.get(end))) {
        return None;
    }
    let at = spaced(k);
    if s[at..].starts_with(&['星', '期']) {
        k = (at + 3).min(s.len());
    }
    if !stamped && !edge(s.get(k)) {
        return None;
    }
    // The words beside it: a name or a source, short, no label, no figure.
    let words: String =
        s[..start].iter().chain(&s[k..]).filter(|c| !c.is_whitespace() && !"[]【】|丨()（）".contains(**c)).collect();
    // (A listed item's title beside its date, `2023-01-05 关于某事的通知`, is no name.)
    let plain = words.chars().count() <= 16
        && !words.contains([':', '：'])
        && !words.contains("关于")
        && !words.chars().any(|c| c.is_ascii_digit());
    plain.then(|| s[start..k].iter().collect::<String>().trim().to_string())
}

/// A title line that ends with a note in brackets holding a date (`…的决定（2023年3月13日…通过）`):
/// the title without the note, and the note's date.
pub(super) fn split_note(title: &str) -> Option<(&str, String)> {
    let t = title.trim_end();
    if !t.ends_with(['）', ')']) {
        return None;
    }
    let at = t.rfind(['（', '('])?;
    let date = note_date(&t[at..])?;
    let head = t[..at].trim_end();
    (head.chars().count() >= 4).then_some((head, date))
}

/// A title line that ends with its document number in brackets (`…的答复[浙交建〔2018〕101号]`)
/// or after white space (`…的答复　某科函〔2023〕12号`): the title without it, and the number
/// (white space dropped).
pub(super) fn split_number(title: &str) -> Option<(&str, String)> {
    let t = title.trim_end();
    let close = t.chars().next_back()?;
    let open = match close {
        ']' => '[',
        '］' => '［',
        '】' => '【',
        '）' => '（',
        ')' => '(',
        _ => {
            let (a, b) = find_number(t)?;
            let at = t.char_indices().nth(a)?.0;
            let head = &t[..at];
            let apart = head.ends_with(char::is_whitespace) && b == t.chars().count();
            let head = head.trim_end();
            return (apart && head.chars().count() >= 6)
                .then(|| (head, t[at..].chars().filter(|c| !c.is_whitespace()).collect()));
        }
    };
    let at = t.rfind(open)?;
    let inner = &t[at + open.len_utf8()..t.len() - close.len_utf8()];
    let (a, b) = find_number(inner)?;
    let head = t[..at].trim_end();
    (a == 0 && b == inner.chars().count() && head.chars().count() >= 4)
        .then(|| (head, inner.chars().filter(|c| !c.is_whitespace()).collect()))
}

/// A title line that opens with its document number, no space between (`某办理〔2024〕2号关于…的
/// 会办意见`): the number, and the title's words from `关于` / `对` on.
pub(super) fn split_lead_number(line: &str) -> Option<(String, &str)> {
    let (a, b) = find_number(line)?;
    let at = line.char_indices().nth(b).map(|(k, _)| k)?;
    let title = line[at..].trim_start();
    let number = line.chars().take(b).filter(|c| !c.is_whitespace()).collect();
    (a == 0 && (title.starts_with("关于") || title.starts_with('对')) && title.chars().count() >= 6)
        .then_some((number, title))
}

/// A site's greeting at the top of its page, today's date label after it perhaps (`欢迎访问某区
/// 人民政府网站! 今天是:`): never a title, nor the end of the page's head.
pub(super) fn is_greeting(line: &str) -> bool {
    let line = line.trim();
    crate::text::words("欢迎访问|欢迎光临|欢迎来到|欢迎进入|欢迎您访问").any(|g| line.starts_with(g))
        && line.chars().count() <= 60
        && !line.contains('。')
}

/// The words of a site's furniture around an article: its accessibility toolbar, its tools,
/// its search box, its account links (`无障碍 | 长者模式 | 繁體`, `打印 关闭`, `设为首页 加入收藏`).
const FURNITURE: &str = "无障碍|无障碍浏览|长者模式|适老模式|关怀模式|长者版|关怀版|适老版|繁體|\
    繁体|简体|繁體版|简体版|拼音|读屏|指读|打印|关闭|收藏|分享|返回|\
    纠错|我要纠错|搜索|高级搜索|检索|站内搜索|全站搜索|请输入关键字|\
    请输入关键词|请输入搜索内容|设为首页|加入收藏|登录|注册|用户登录|\
    个人登录|法人登录|网站地图|联系我们|隐私声明|网站声明|免责声明|关于我们|\
    首页|网站首页|返回首页|手机版|移动版|English|EN|官方微博|官方微信|\
    微博|微信|大|中|小|长辈版|老年版|展开|收起|查看原文|阅读原文|关闭窗口|打印本页|返回顶部|搜索热词|热门搜索|\
    无障碍阅读|辅助浏览|轻松阅读|配色|原始配色|页面原始配色|视力保护色|保护视力色|换肤|菜单|导航";

/// A line of a site's furniture: only its words ([`FURNITURE`], apart by spaces, bars or
/// brackets: `【打印】【关闭】`, `请输入关键字 搜索`), or its IPv6 banner (`本网站支持IPv6`).
/// Never a title nor any line of a document.
pub(crate) fn is_furniture(line: &str) -> bool {
    let line = line.trim();
    let n = line.chars().count();
    let ipv6 = n <= 20 && line.to_ascii_lowercase().contains("ipv6") && !line.contains(['。', '，']);
    let mut words = line
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '|' | '｜' | '丨' | '【' | '】' | '[' | ']' | '·' | '•' | '/')
        })
        .filter(|w| !w.is_empty())
        .peekable();
    let only = words.peek().is_some() && words.all(|w| furniture_words(w.trim_end_matches([':', '：'])));
    n <= 60 && (ipv6 || only)
}

/// Whether `w` is furniture's words run together (`无障碍阅读进入适老模式`): a word of
/// [`FURNITURE`], a switch to a view (`返回手机版`, `进入适老模式`, `退出长者模式`), a search
/// box's prompt (`请输入检索词`), a colour scheme's button (`白底黑字`, `蓝底黄字白链接`: a colour,
/// 底, a colour, 字, a colour's links perhaps), then the same.
fn furniture_words(w: &str) -> bool {
    let one = |w: &str| {
        let view = ["返回", "进入", "退出", "切换"].iter().find_map(|v| w.strip_prefix(v));
        let c: Vec<char> = w.chars().collect();
        let scheme =
            c.len() >= 4 && c[1] == '底' && c[3] == '字' && (c.len() == 4 || c.len() == 7 && w.ends_with("链接"));
        scheme
            || crate::text::listed(FURNITURE, w)
            || view.is_some_and(|r| crate::text::listed(FURNITURE, r) || r.ends_with("模式"))
            || w.starts_with("请输入") && w.chars().count() <= 8
    };
    one(w) || w.char_indices().skip(2).any(|(at, _)| one(&w[..at]) && furniture_words(&w[at..]))
}

/// A breadcrumb (`首页 >> 政务公开 >> 建议提案`) or a menu of short items apart by bars or spaces
/// (`网站首页 | 机构概况 | 政务公开`, `登录 | 注册`): never a title, whatever it ends with.
pub(super) fn is_breadcrumb(line: &str) -> bool {
    let crumbs = !line.contains('<') && line.chars().filter(|c| matches!(c, '>' | '＞' | '›' | '»' | '→')).count() >= 2;
    // Or crumbs apart by slashes from the home page on (`首页/ 政务公开/ 建议提案/ 正文`).
    let slashed = line.starts_with("首页") && line.matches('/').count() >= 2;
    // Or one crumb after the home page (`首页 > 建议提案`).
    let home = line.starts_with("首页") && line.chars().count() <= 30 && line.contains(['>', '＞', '›', '»']);
    let items: Vec<&str> = line.split(['|', '｜', '丨']).map(str::trim).collect();
    let menu = items.len() >= 2
        && items
            .iter()
            .all(|p| (1..=8).contains(&p.chars().count()) && !p.contains(['。', '，', ',', '：', ':', '；', '、']));
    // Or four or more short items apart by spaces (`返回首页 公开目录 公开规定 公开指南`), no
    // title's words (a title's lines end like one; a title spaced out has items of one char), no
    // digit (a table's row read as a line, `项目1	1.5亿元	1%	1家`, holds figures; a menu none).
    let spaced: Vec<&str> = line.split_whitespace().collect();
    let row = spaced.len() >= 4
        && !line.contains(|c: char| c.is_ascii_digit())
        && spaced
            .iter()
            .all(|p| (2..=10).contains(&p.chars().count()) && !p.contains(['。', '，', ',', '：', ':', '；']))
        && !super::complete(line);
    crumbs || slashed || home || menu || row
}

#[cfg(test)]
mod tests;
