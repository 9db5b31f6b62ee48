//! The head reader against what unseen sites put around a document (issue 19): a metamorphic
//! test over the corpus's plain-text TUNE pages (never the held-out ones, tests/corpus/README.md).
//!
//! Every tune page whose head (title, number, published, signed) the parser reads as its gold
//! says is changed the way another site would show the same document — site chrome above the
//! head, a footer after the signature, blank lines and full-width spaces between the head's
//! lines, a one-line title broken over two lines — and each field read right before must still
//! be read right. Beside these fixed lists, real material moves between tune pages: what stands
//! above one page's title (chrome), what follows its signature (tail) and its metadata rows with
//! their dates set to the recipient's (meta), each given to three other pages (paired by names, `donors`). The report prints how many (page, variant) pairs hold per transformation and
//! lists the failures; the test fails when a transformation's share falls below its gate.
//!
//! `cargo test -p reply-widget-cli --test robust -- --nocapture`

use std::fmt::Write as _;
use std::path::Path;

/// Minimum share of (page, variant) pairs that hold, per transformation, in percent: what was
/// measured (raised as rules are fixed, so that a change cannot make the reader more fragile).
/// Split3 (a title set on three lines, broken at the boundaries nearest its thirds): 96.6 (58 of
/// 60) measured when it was added (issue 19's ninth title pass); 98.5 (68 of 69, 98.55) with
/// issue 19's eleventh pass (an office's name over `就《…》` over `公开征求意见` read as one title).
/// Chrome, tail and meta (real site material moved between tune pages, below), measured when
/// added (issue 19, chrome15): chrome 93.9 (575 of 612), tail 98.3 (553 of 562), meta 96.4 (542 of
/// 562); donors' lines in traditional script dropped, and the first rules (a greeting after 您好,
/// switches of view, `更多>>`, bulleted values, a 3-item menu, slashed crumbs, a key with no
/// value over metadata): chrome 95.0 (582 of 612), tail 98.4 (642 of 652), meta 96.4; with
/// addresses and index numbers, menus apart by spaces, search prompts: chrome 95.9 (587), meta
/// 96.6 (543); a tail only from a signature in the page's second half, a table's cell of
/// furniture (`| 【关闭窗口】 |`), keys with no value (a date's label takes a date, a bulleted key
/// no salutation, a key over a key): chrome 97.3 (596 of 612), tail 98.6 (641 of 650); share rows
/// (`扫一扫…`, `分享至…`) and a short row between the title and the page's date: tail 98.7 (642),
/// meta 97.6 (549 of 562); a list box's cut titles giving way, a number's label taking no title,
/// 搜索热词: chrome 98.3 (602 of 612); furniture's words run together (`无障碍阅读进入适老模式`),
/// 辅助浏览, 轻松阅读: meta 98.2 (552 of 562). Final, after withdrawing four rules that changed a
/// held-out page's figures (tests/promise.rs's count check: share rows as chrome, a table cell of
/// furniture as chrome, an address or index number line, a bulleted value with digits; the key
/// over a key only for keys of four chars): chrome 97.7 (598 of 612), tail 98.6 (641 of 650),
/// meta 97.6 (549 of 562). Gates set there (lower than this branch's interim gates, never lower
/// than main's: these three transformations are new). Merged with issue 19's fifteenth corpus
/// pass (14 more tune pages: donors and receivers paired anew by index, so most pairs are new;
/// the new pages' chrome, eqqrd's in 6 failures, and old shapes such as colour-scheme buttons and
/// index numbers in new places): chrome 94.7 (603 of 637), tail 99.6 (677 of 680), meta 96.8 (575
/// of 594). Chrome and meta set to that (pages added, not rules removed); tail raised. With issue
/// 19's sixteenth corpus pass (13 more tune pages; 96.6 meta before its rules) and its rules (a bulleted
/// key no list holds among listed rows, a number's label taking no title, a value-less key over a
/// headline's metadata line): split3 98.9 (87 of 88), chrome 96.0 (643 of 670), meta 97.1 (599 of
/// 617); raised to them.
/// With the sixteenth pass's second batch (12 more gov.cn-kind tune pages, pairs drawn anew): meta 95.8
/// (586 of 612) with its pages alone, 96.1 (591 of 615) with its rules; set to 96.0 (pages added).
/// Head16 (its branch, before those two batches were merged): Donors
/// then paired by names (issue 19, head16: the three that follow a page in a ring of donors'
/// names ordered by FNV-1a, so that a page added changes only its own and its neighbours' pairs,
/// not every pair as index arithmetic did): chrome 95.2 (614 of 645), tail 99.6 (681 of 684),
/// meta 95.8 (569 of 594), the new pairing's starting shares; gates set there (rounded down).
/// Head16's rules (colour-scheme buttons as furniture, a key with no value taking no `关于…`
/// title, a column's name giving way below a long menu or to a headline over its date, a title's
/// value on three lines, a title with its date on its line): chrome 97.7 (630 of 645), meta 96.0
/// (570 of 594), tail 99.6 (681 of 684); gates raised there.
/// All three merged (head16's rules and pairing with the sixteenth pass's 25 more tune pages as
/// receivers and donors): split3 98.9 (87 of 88), chrome 97.1 (673 of 693), tail 99.5 (737 of
/// 741: 99.46), meta 96.4 (619 of 642); chrome and tail set there (pages added: new pairs),
/// meta raised. A phone site's menu button (`菜单`, `导航`) as furniture: chrome 97.3 (674 of 693),
/// raised.
const GATES: [(&str, f64); 9] = [
    ("above", 100.0),
    ("below", 100.0),
    ("spacing", 100.0),
    ("indent", 100.0),
    ("split", 100.0),
    ("split3", 98.8),
    ("chrome", 97.2),
    ("tail", 99.4),
    ("meta", 96.4),
];

#[path = "shared/rule.rs"]
mod rule;
use rule::{held_out, tune_pages};
#[path = "shared/head.rs"]
mod head;
#[path = "shared/tally.rs"]
mod tally;
use head::{differences, gold_head, head_of, no_space, Head};

/// The head the parser reads from a text, in the gold's terms.
fn read_head(text: &str) -> Head {
    head_of(&reply_core::parse(text))
}

// ---------------------------------------------------------------------------------------------
// What sites put around a document: chrome seen on the corpus's tune pages, in the shapes they
// take there (one item a line, or a row of them).

/// Above the head: the site's header, accessibility toolbar, menu, search box, breadcrumb and
/// the article's tool row.
const ABOVE: &[(&str, &[&str])] = &[
    ("toolbar lines", &["无障碍", "长者模式", "繁體", "简体", "拼音", "读屏"]),
    ("toolbar row", &["无障碍 | 长者模式 | 繁體 | 简体 | 拼音 | 读屏"]),
    ("breadcrumb", &["当前位置：首页 > 政务公开 > 建议提案办理 > 人大代表建议"]),
    ("breadcrumb arrows", &["您现在的位置：首页 >> 信息公开 >> 建议提案"]),
    ("font size", &["字号：大 中 小"]),
    ("print close", &["打印 关闭"]),
    ("share", &["分享到："]),
    ("bracketed tools", &["【打印】【关闭】"]),
    ("search box", &["请输入关键字 搜索"]),
    ("ipv6", &["本网站支持IPv6"]),
    ("welcome", &["欢迎访问本市人民政府门户网站！"]),
    ("home favourites", &["设为首页 加入收藏"]),
    ("login", &["登录 | 注册"]),
    ("menu", &["首页", "政务公开", "政务服务", "互动交流", "走进本市", "专题专栏", "数据发布", "办事指南"]),
    (
        "whole header",
        &[
            "本网站支持IPv6",
            "欢迎访问本市人民政府门户网站！",
            "设为首页 加入收藏",
            "无障碍 | 长者模式 | 繁體 | 简体",
            "请输入关键字 搜索",
            "首页",
            "政务公开",
            "政务服务",
            "互动交流",
            "专题专栏",
            "走进本市",
            "当前位置：首页 > 政务公开 > 建议提案办理",
            "【打印】【关闭】",
        ],
    ),
];

/// After the signature: the site's footer.
const BELOW: &[(&str, &[&str])] = &[
    ("sponsor", &["主办单位：市人民政府办公室  承办：市大数据发展管理局"]),
    ("site code", &["网站标识码：3301000001"]),
    ("icp", &["浙ICP备05001234号-1"]),
    ("police", &["浙公网安备 33010202000123号"]),
    ("support", &["技术支持：市信息中心"]),
    ("contact", &["联系我们 | 网站地图 | 隐私声明"]),
    ("print close", &["【打印】【关闭】"]),
    (
        "whole footer",
        &[
            "打印 关闭",
            "联系我们 | 网站地图 | 隐私声明",
            "主办单位：市人民政府办公室",
            "承办：市大数据发展管理局",
            "网站标识码：3301000001  浙ICP备05001234号-1  浙公网安备 33010202000123号",
            "技术支持：市信息中心",
        ],
    ),
];

/// How many of the text's first non-empty lines count as its head for the spacing changes.
const HEAD_LINES: usize = 8;

fn with_above(text: &str, chrome: &[&str]) -> String {
    let mut out = chrome.join("\n");
    out.push('\n');
    out.push_str(text);
    out
}

fn with_below(text: &str, chrome: &[&str]) -> String {
    let mut out = text.trim_end().to_string();
    for line in chrome {
        out.push('\n');
        out.push_str(line);
    }
    out.push('\n');
    out
}

/// The head's first lines each followed by a blank line (a site setting each in a `<p>` of its own).
fn with_blank_lines(text: &str) -> String {
    let mut out = String::new();
    let mut seen = 0;
    for line in text.split('\n') {
        out.push_str(line);
        out.push('\n');
        if !line.trim().is_empty() && seen < HEAD_LINES {
            seen += 1;
            out.push('\n');
        }
    }
    out
}

/// The head's first lines indented and ended with full-width spaces (`　　标题　`).
fn with_full_width_spaces(text: &str) -> String {
    let mut out = String::new();
    let mut seen = 0;
    for line in text.split('\n') {
        if !line.trim().is_empty() && seen < HEAD_LINES {
            seen += 1;
            let _ = writeln!(out, "\u{3000}\u{3000}{}\u{3000}", line.trim());
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Where a title can break between two lines: after these (`…会议` / `第12号提案的答复`).
const BREAK_AFTER: &[&str] = &["会议", "》", "关于", "委员会", "人民政府", "局", "提出的"];
/// … or before these (`…局` / `关于…`).
const BREAK_BEFORE: &[&str] = &["关于", "对", "第", "的答复", "答复"];

/// The title's one line broken in two at the word boundary nearest its middle (both halves at
/// least four chars, not inside brackets, not before punctuation); `None` when the title is not
/// on one line or has no such boundary.
fn with_split_title(text: &str, title: &str) -> Option<String> {
    with_title_broken(text, title, 2)
}

/// The title's one line broken in `parts` (two or three) at the word boundaries nearest its
/// halves or thirds (each part at least four chars; a title set on three lines is 24 chars or
/// more); `None` when the title is not on one line or has no such boundaries.
fn with_title_broken(text: &str, title: &str, parts: usize) -> Option<String> {
    let want = no_space(title);
    let lines: Vec<&str> = text.split('\n').collect();
    let at = lines.iter().position(|l| no_space(l) == want)?;
    let chars: Vec<char> = lines[at].trim().chars().collect();
    let s: String = chars.iter().collect();
    let n = chars.len();
    if parts == 3 && n < 24 {
        return None;
    }
    let mut bounds: Vec<usize> = Vec::new();
    let mut depth = 0i32;
    for (byte, c) in s.char_indices() {
        let k = s[..byte].chars().count();
        let inside = depth > 0;
        depth += i32::from(matches!(c, '《' | '(' | '（' | '【' | '“'))
            - i32::from(matches!(c, '》' | ')' | '）' | '】' | '”'));
        if inside || !c.is_alphanumeric() && !matches!(c, '《' | '(' | '（' | '【' | '“') {
            continue;
        }
        let after = BREAK_AFTER.iter().any(|p| s[..byte].ends_with(p));
        let before = BREAK_BEFORE.iter().any(|p| s[byte..].starts_with(p));
        if (after || before) && k >= 4 && k + 4 <= n {
            bounds.push(k);
        }
    }
    let nearest = |target: usize| bounds.iter().copied().min_by_key(|k| k.abs_diff(target));
    let cuts: Vec<usize> = if parts == 3 {
        let (a, b) = (nearest(n / 3)?, nearest(2 * n / 3)?);
        if b < a + 4 {
            return None;
        }
        vec![a, b]
    } else {
        vec![nearest(n / 2)?]
    };
    let mut broken = String::new();
    let mut from = 0;
    for &k in cuts.iter().chain([&n]) {
        if from > 0 {
            broken.push('\n');
        }
        broken.extend(&chars[from..k]);
        from = k;
    }
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    out[at] = broken;
    Some(out.join("\n"))
}

// ---------------------------------------------------------------------------------------------
// Real site material moved between tune pages: what stands above one page's title (site header,
// menus, breadcrumbs, metadata rows, share rows), what follows its signature (related articles,
// footers, 附件 lists, contact rows), and its metadata rows, each put on another page.

/// Where a date starts and ends in `s` (`2022-10-03`, `2022年9月5日`, `2021- 10- 08`,
/// `2022/10/3`, `二○○一年一月十三日`): a year (four digits 19xx/20xx, or four Chinese numerals),
/// a separator, a month, a separator, a day; `20221003` not (see `holds_day`).
fn find_date(s: &str) -> Option<(usize, usize)> {
    const CN: &str = "〇○零一二三四五六七八九十";
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let kind = |c: char| {
        if c.is_ascii_digit() {
            1
        } else if CN.contains(c) {
            2
        } else {
            0
        }
    };
    for start in 0..chars.len() {
        let (at, c) = chars[start];
        let k0 = kind(c);
        if k0 == 0 || start > 0 && kind(chars[start - 1].1) != 0 {
            continue;
        }
        let year: Vec<char> = chars[start..].iter().take(4).map(|p| p.1).collect();
        if year.len() < 4
            || year.iter().any(|&c| kind(c) != k0)
            || k0 == 1 && !matches!(year[..2], ['1', '9'] | ['2', '0'])
        {
            continue;
        }
        // year, separator, month, separator, day (spaces allowed around the separators)
        let mut k = start + 4;
        let mut parts = 0;
        while parts < 2 {
            while k < chars.len() && chars[k].1 == ' ' {
                k += 1;
            }
            let sep_ok = k < chars.len()
                && if k0 == 1 { "-./年月".contains(chars[k].1) } else { chars[k].1 == ['年', '月'][parts] };
            if !sep_ok {
                break;
            }
            k += 1;
            while k < chars.len() && chars[k].1 == ' ' {
                k += 1;
            }
            let from = k;
            while k < chars.len() && k < from + 3 && kind(chars[k].1) == k0 {
                k += 1;
            }
            if k == from {
                break;
            }
            parts += 1;
        }
        if parts == 2 {
            if k < chars.len() && chars[k].1 == '日' {
                k += 1;
            }
            return Some((at, chars.get(k).map_or(s.len(), |p| p.0)));
        }
    }
    None
}

/// The ways a day `ymd` (`2025-06-10`) is written without separators: `20250610`, `2025610`.
fn compact_forms(ymd: &str) -> Vec<String> {
    let p: Vec<&str> = ymd.split('-').collect();
    if p.len() != 3 {
        return Vec::new();
    }
    let trim = |x: &str| x.trim_start_matches('0').to_string();
    vec![p.concat(), format!("{}{}{}", p[0], trim(p[1]), trim(p[2]))]
}

/// The digits of a line, in order.
fn digits_of(line: &str) -> String {
    line.chars().filter(char::is_ascii_digit).collect()
}

/// Whether a line bears the day `ymd`: a date written with separators, or the line is that day's
/// digits alone (`2025 915`, `2025610`).
fn holds_day(line: &str, ymd: &str) -> bool {
    let bare = line.chars().all(|c| c.is_ascii_digit() || c.is_whitespace() || "年月日".contains(c));
    find_date(line).is_some_and(|(a, b)| same_day(&line[a..b], ymd))
        || bare && compact_forms(ymd).contains(&digits_of(line))
}

/// A page's lines and where its gold title starts and ends on them: the first line equal to the
/// title, or the first run of lines that spell it (a title set on two or three lines).
fn title_lines(lines: &[&str], title: &str) -> Option<(usize, usize)> {
    let want = no_space(title);
    for (i, l) in lines.iter().enumerate() {
        let mut have = no_space(l);
        if have.is_empty() || !want.starts_with(&have) {
            continue;
        }
        let mut j = i;
        while have.len() < want.len() && j + 1 < lines.len() && j < i + 3 {
            j += 1;
            have.push_str(&no_space(lines[j]));
        }
        if have == want {
            return Some((i, j));
        }
    }
    None
}

/// Whether a donor's line would legitimately change another page's answer: it holds the donor's
/// own title (or a long part of it: a headline in other words), its issuer (a line its title
/// begins with), its number, or a date (any date a reader could take for the page's, and the
/// donor's own dates written without separators). Such lines are dropped from what is moved.
fn holds_own_head(line: &str, gold: &Head) -> bool {
    let l = no_space(line);
    let title = gold.title.as_deref().map(no_space).unwrap_or_default();
    let digits = digits_of(line);
    let own_day = [&gold.published, &gold.signed]
        .iter()
        .filter_map(|d| d.as_deref())
        .any(|d| compact_forms(d).iter().any(|f| digits.contains(f.as_str())));
    let own_title = !title.is_empty()
        && (l.contains(&title) || shared_run(&l, &title) >= 10 || l.chars().count() >= 4 && title.starts_with(&l));
    // A line in traditional script is dropped too: the recipient would be read folded and its
    // title given back in the donor's script (`號`), a change of the test's, not of the page's.
    let traditional = reply_core::text::simplify(line).is_some();
    own_title
        || gold.number.as_deref().is_some_and(|n| l.contains(n))
        || find_date(line).is_some()
        || own_day
        || traditional
}

/// The longest run of chars two strings share.
fn shared_run(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut best = 0;
    for i in 0..a.len() {
        for j in 0..b.len() {
            let mut k = 0;
            while i + k < a.len() && j + k < b.len() && a[i + k] == b[j + k] {
                k += 1;
            }
            best = best.max(k);
        }
    }
    best
}

/// A tune page as donor and recipient: its text, gold head and where its title stands.
struct Page {
    rel: String,
    text: String,
    gold: Head,
    title_at: Option<(usize, usize)>,
}

impl Page {
    fn lines(&self) -> Vec<&str> {
        self.text.split('\n').collect()
    }

    /// The lines above the title (chrome), without those holding its own head.
    fn chrome(&self) -> Vec<String> {
        let Some((from, _)) = self.title_at else { return Vec::new() };
        let lines = self.lines();
        // A paragraph of text above the title: the donor's own document (a 印发 notice), not chrome.
        if lines[..from].iter().any(|l| l.contains('。') && l.chars().count() > 60) {
            return Vec::new();
        }
        let kept: Vec<String> =
            lines[..from].iter().filter(|l| !holds_own_head(l, &self.gold)).map(|l| l.to_string()).collect();
        if kept.iter().all(|l| l.trim().is_empty()) {
            return Vec::new();
        }
        kept
    }

    /// The lines after the line bearing the signed date (the tail), without those holding its
    /// own head.
    fn tail(&self) -> Vec<String> {
        let Some(signed) = self.gold.signed.as_deref() else { return Vec::new() };
        let lines = self.lines();
        // (A signed date in the page's first half is a note under its title, no signature's.)
        let Some(at) = lines.iter().rposition(|l| holds_day(l, signed)).filter(|&at| 2 * at >= lines.len()) else {
            return Vec::new();
        };
        // Up to a paragraph of text (a 印发 notice's attached 方案 is the donor's own document).
        let end = lines[at + 1..]
            .iter()
            .position(|l| l.contains('。') && l.chars().count() > 60)
            .map_or(lines.len(), |e| at + 1 + e);
        let kept: Vec<String> =
            lines[at + 1..end].iter().filter(|l| !holds_own_head(l, &self.gold)).map(|l| l.to_string()).collect();
        if kept.iter().all(|l| l.trim().is_empty()) {
            return Vec::new();
        }
        kept
    }

    /// The metadata rows near the head (above the title, and between it and the first line of
    /// the body): lines naming a publication's metadata (发布时间, 来源, 索引号, 浏览次数 …), not
    /// those naming the document's own title, number or date of signing, with every date set to
    /// `date`.
    fn meta(&self, date: &str) -> Vec<String> {
        const LABELS: &[&str] = &[
            "发布时间",
            "发布日期",
            "发布于",
            "时间",
            "日期",
            "来源",
            "索引号",
            "浏览",
            "点击",
            "阅读",
            "访问",
            "字号",
            "字体",
            "作者",
            "发布机构",
            "发布单位",
            "分类",
            "主题",
            "关键词",
            "关键字",
            "生成日期",
            "有效性",
            "打印",
            "分享",
        ];
        const OWN: &[&str] = &["标题", "名称", "文号", "字号〔", "成文", "签发", "编号"];
        let Some((from, to)) = self.title_at else { return Vec::new() };
        let lines = self.lines();
        let end = (to + 7).min(lines.len());
        let mut out = Vec::new();
        for (i, l) in lines[..end].iter().enumerate() {
            if i >= from && i <= to || l.trim().is_empty() {
                continue;
            }
            let n = no_space(l);
            if !LABELS.iter().any(|w| n.contains(w)) || OWN.iter().any(|w| n.contains(w)) || n.chars().count() > 80 {
                continue;
            }
            let title = self.gold.title.as_deref().map(no_space).unwrap_or_default();
            if !title.is_empty() && n.contains(&title) || self.gold.number.as_deref().is_some_and(|x| n.contains(x)) {
                continue;
            }
            let mut line = l.to_string();
            let mut from = 0;
            while let Some((a, b)) = find_date(&line[from..]) {
                line.replace_range(from + a..from + b, date);
                from += a + date.len();
            }
            out.push(line);
        }
        out
    }
}

/// Whether a date as written (`2022年9月5日`, `2022-09-05`) is the day `ymd` (`2022-09-05`).
fn same_day(written: &str, ymd: &str) -> bool {
    let nums: Vec<u32> = written.split(|c: char| !c.is_ascii_digit()).filter_map(|x| x.parse().ok()).collect();
    let want: Vec<u32> = ymd.split('-').filter_map(|x| x.parse().ok()).collect();
    nums.len() >= 3 && nums[..3] == want[..]
}

/// `lines` put into `text` before line `at` (its lines counted from 0).
fn insert_lines(text: &str, at: usize, lines: &[String]) -> String {
    let mut out: Vec<String> = text.split('\n').map(str::to_string).collect();
    let at = at.min(out.len());
    out.splice(at..at, lines.iter().cloned());
    out.join("\n")
}

/// The donors of the page named `rel`: the three others that follow it in a ring of the donors'
/// names ordered by their FNV-1a hash (`ring`: each donor's hash and its place in its list, in
/// the ring's order). Paired by names, not by places in the list, a page added to the corpus
/// changes only the pairs it enters (its own, and those of the few pages just before it in the
/// ring), never the rest.
fn donors(rel: &str, ring: &[(u32, String, usize)]) -> Vec<usize> {
    let own = (rule::fnv1a32(rel.as_bytes()), rel);
    let start = ring.iter().position(|(h, name, _)| (*h, name.as_str()) > own).unwrap_or(0);
    (0..ring.len()).map(|k| &ring[(start + k) % ring.len()]).filter(|d| d.1 != rel).take(3).map(|d| d.2).collect()
}

/// The ring of donors' names (`names`: each donor's name, in its list's order) for `donors`.
fn ring<'a>(names: impl Iterator<Item = &'a str>) -> Vec<(u32, String, usize)> {
    let mut out: Vec<(u32, String, usize)> =
        names.enumerate().map(|(k, n)| (rule::fnv1a32(n.as_bytes()), n.to_string(), k)).collect();
    out.sort();
    out
}

// ---------------------------------------------------------------------------------------------
// The report

#[test]
fn the_head_survives_what_sites_put_around_a_document() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let pages = tune_pages(&root);
    assert!(pages.len() > 100, "expected the corpus's plain-text tune pages, found {}", pages.len());
    let mut tallies = tally::tallies(&GATES);
    let mut base_pages = 0;
    let mut all: Vec<Page> = Vec::new();
    for (rel, path) in &pages {
        let text = std::fs::read_to_string(path).expect("read page");
        let Ok(gold) = std::fs::read_to_string(path.with_extension("gold")) else { continue };
        let gold = gold_head(&gold);
        let title_at = gold.title.as_deref().and_then(|t| title_lines(&text.split('\n').collect::<Vec<_>>(), t));
        all.push(Page { rel: rel.clone(), text, gold, title_at });
    }
    // Donors: the pages that have chrome, a tail, metadata rows to give (each list in the pages' order).
    let chrome: Vec<(usize, Vec<String>)> =
        all.iter().enumerate().map(|(i, p)| (i, p.chrome())).filter(|(_, c)| !c.is_empty()).collect();
    let tail: Vec<(usize, Vec<String>)> =
        all.iter().enumerate().map(|(i, p)| (i, p.tail())).filter(|(_, c)| !c.is_empty()).collect();
    let meta: Vec<usize> = (0..all.len()).filter(|&i| !all[i].meta("2000-01-01").is_empty()).collect();
    let chrome_ring = ring(chrome.iter().map(|(j, _)| all[*j].rel.as_str()));
    let tail_ring = ring(tail.iter().map(|(j, _)| all[*j].rel.as_str()));
    let meta_ring = ring(meta.iter().map(|&j| all[j].rel.as_str()));
    for (index, page) in all.iter().enumerate() {
        let (rel, text, gold) = (&page.rel, &page.text, &page.gold);
        // Only pages whose title reads right today; of those, every field that reads right.
        let base = read_head(text);
        if gold.title.is_none() || !differences(gold, &base, &["title"]).is_empty() {
            continue;
        }
        base_pages += 1;
        let keep: Vec<&'static str> = ["title", "number", "published", "signed"]
            .into_iter()
            .filter(|f| differences(gold, &base, &[f]).is_empty())
            .collect();
        let mut variants: Vec<(&str, String, String)> = Vec::new();
        for (name, chrome) in ABOVE {
            variants.push(("above", name.to_string(), with_above(text, chrome)));
        }
        for (name, chrome) in BELOW {
            variants.push(("below", name.to_string(), with_below(text, chrome)));
        }
        variants.push(("spacing", "blank lines".into(), with_blank_lines(text)));
        variants.push(("indent", "full-width spaces".into(), with_full_width_spaces(text)));
        if let Some(t) = gold.title.as_deref().and_then(|t| with_split_title(text, t)) {
            variants.push(("split", "title on two lines".into(), t));
        }
        if let Some(t) = gold.title.as_deref().and_then(|t| with_title_broken(text, t, 3)) {
            variants.push(("split3", "title on three lines".into(), t));
        }
        if let Some((from, to)) = page.title_at {
            for d in donors(rel, &chrome_ring) {
                let (j, lines) = &chrome[d];
                if *j != index {
                    variants.push(("chrome", format!("above from {}", all[*j].rel), insert_lines(text, from, lines)));
                }
            }
            if let Some(date) = gold.published.as_deref() {
                for d in donors(rel, &meta_ring) {
                    let j = meta[d];
                    if j != index {
                        let rows = all[j].meta(date);
                        variants.push(("meta", format!("meta from {}", all[j].rel), insert_lines(text, to + 1, &rows)));
                    }
                }
            }
        }
        for d in donors(rel, &tail_ring) {
            let (j, lines) = &tail[d];
            if *j != index {
                let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
                variants.push(("tail", format!("tail from {}", all[*j].rel), with_below(text, &lines)));
            }
        }
        for (kind, name, changed) in variants {
            let got = read_head(&changed);
            let diff = differences(gold, &got, &keep);
            tally::count(&mut tallies, kind, &diff, || format!("{rel} [{name}]"));
        }
    }
    assert!(base_pages > 100, "too few pages read right to measure: {base_pages}");
    tally::report(&format!("{base_pages} plain-text tune pages whose title reads right"), "change", &tallies, &GATES);
}

#[test]
fn a_title_breaks_at_a_word_boundary_near_its_middle() {
    let text = "关于对县政协十届三次会议第53号提案的答复\n张委员：\n";
    let got = with_split_title(text, "关于对县政协十届三次会议第53号提案的答复").expect("a boundary");
    assert_eq!(got.split('\n').take(2).collect::<Vec<_>>(), ["关于对县政协十届三次会议", "第53号提案的答复"]);
    assert_eq!(with_split_title(text, "另一个标题"), None);
    let got = with_title_broken(text, "关于对县政协十届三次会议第53号提案的答复", 3);
    assert_eq!(got, None, "a title under 24 chars is not set on three lines");
    let long = "某县交通运输局关于对县政协十届三次会议第53号提案的答复\n张委员：\n";
    let got =
        with_title_broken(long, "某县交通运输局关于对县政协十届三次会议第53号提案的答复", 3).expect("two boundaries");
    assert_eq!(
        got.split('\n').take(3).collect::<Vec<_>>(),
        ["某县交通运输局关于", "对县政协十届三次会议", "第53号提案的答复"]
    );
}

#[test]
fn held_out_pages_are_never_read() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    for (rel, _) in tune_pages(&root) {
        assert!(!held_out(&rel), "{rel}");
    }
}

#[test]
fn donors_give_chrome_tail_and_meta_without_their_own_head() {
    assert_eq!(find_date("发布时间:2022-10-03 16:26"), Some(("发布时间:".len(), "发布时间:2022-10-03".len())));
    assert!(find_date("2022年9月5日").is_some() && find_date("第2022号").is_none());
    let text = "首页 > 建议提案\n关于某事的\n答复\n发布时间：2022-10-03\n来源：某局\n张委员：\n正文。\n某局\n2022年9月5日\n相关文章\n网站地图";
    let gold = Head {
        title: Some("关于某事的答复".into()),
        number: None,
        published: Some("2022-10-03".into()),
        signed: Some("2022-09-05".into()),
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let page =
        Page { rel: "x".into(), text: text.into(), gold, title_at: title_lines(&lines, "关于某事的答复") };
    assert_eq!(page.title_at, Some((1, 2)));
    assert_eq!(page.chrome(), ["首页 > 建议提案"]);
    assert_eq!(page.tail(), ["相关文章", "网站地图"]);
    assert_eq!(page.meta("2024-01-02"), ["发布时间：2024-01-02", "来源：某局"]);
}

#[test]
fn donors_are_paired_by_names_so_a_new_page_moves_few_pairs() {
    let names: Vec<String> = (0..200).map(|k| format!("site{}/{k}.txt", k % 7)).collect();
    let before = ring(names.iter().map(String::as_str));
    let mut more = names.clone();
    more.insert(0, "new/1.txt".to_string());
    let after = ring(more.iter().map(String::as_str));
    let named = |r: &[(u32, String, usize)], ds: Vec<usize>| {
        ds.into_iter().map(|d| r.iter().find(|x| x.2 == d).map(|x| x.1.clone()).unwrap_or_default()).collect::<Vec<_>>()
    };
    let mut moved = 0;
    for n in &names {
        let a = named(&before, donors(n, &before));
        assert_eq!(a.len(), 3);
        assert!(!a.contains(n), "{n} is not its own donor");
        moved += usize::from(a != named(&after, donors(n, &after)));
    }
    assert!(moved <= 6, "{moved} pages changed donors");
}
