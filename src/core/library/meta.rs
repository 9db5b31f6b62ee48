//! What the archive shows about a reply besides its text: the kind of document (政协提案 or
//! 人大建议), the session, the number, the proposer, the publication date and the source. Pure,
//! from a parsed [`Reply`]: the title first, then the page's metadata lines, the salutation and
//! the opening paragraphs (where a page read as a whole — no article container found — leaves
//! the real title), then the signature.

use crate::model::Reply;

/// The kind of document a reply answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocKind {
    /// A CPPCC member's proposal (政协提案).
    Proposal,
    /// An NPC deputy's suggestion (人大建议).
    Suggestion,
    Unknown,
}

impl DocKind {
    pub const ALL: [DocKind; 3] = [DocKind::Proposal, DocKind::Suggestion, DocKind::Unknown];

    /// The index's name: `proposal`, `suggestion`, empty for unknown.
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Proposal => "proposal",
            DocKind::Suggestion => "suggestion",
            DocKind::Unknown => "",
        }
    }

    /// What a reader sees: 政协提案, 人大建议, empty for unknown.
    pub fn label(self) -> &'static str {
        match self {
            DocKind::Proposal => "政协提案",
            DocKind::Suggestion => "人大建议",
            DocKind::Unknown => "",
        }
    }

    pub fn from_name(name: &str) -> DocKind {
        match name {
            "proposal" => DocKind::Proposal,
            "suggestion" => DocKind::Suggestion,
            _ => DocKind::Unknown,
        }
    }
}

/// What a page of the column is, decided from its title (and, for a reply, its salutation): a
/// bureau's 建议提案办理 column holds plans, summaries, policies, notices and news besides the
/// replies, and the archive indexes them all (the `genre` facet).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Genre {
    /// A reply to a proposal or a suggestion (答复, 复函; see [`is_reply`]).
    Reply,
    /// A work plan or programme (工作方案, 计划, 工作要点).
    Plan,
    /// A summary or report of the work (工作总结, 办理情况, 报告).
    Summary,
    /// A policy document (实施意见, 办法, 细则, 措施, 规定).
    Policy,
    /// A notice or a letter (通知, 公告, 通告, 通报, 函).
    Notice,
    /// A news item of the column (召开, 调研, 座谈 …).
    News,
    /// A page without a title.
    Other,
}

impl Genre {
    pub const ALL: [Genre; 7] =
        [Genre::Reply, Genre::Plan, Genre::Summary, Genre::Policy, Genre::Notice, Genre::News, Genre::Other];

    /// The index's name: `reply`, `plan`, `summary`, `policy`, `notice`, `news`, `other`.
    pub fn as_str(self) -> &'static str {
        match self {
            Genre::Reply => "reply",
            Genre::Plan => "plan",
            Genre::Summary => "summary",
            Genre::Policy => "policy",
            Genre::Notice => "notice",
            Genre::News => "news",
            Genre::Other => "other",
        }
    }

    /// What a reader sees.
    pub fn label(self) -> &'static str {
        match self {
            Genre::Reply => "答复",
            Genre::Plan => "方案",
            Genre::Summary => "总结",
            Genre::Policy => "政策文件",
            Genre::Notice => "通知",
            Genre::News => "新闻",
            Genre::Other => "其他",
        }
    }

    pub fn from_name(name: &str) -> Genre {
        Genre::ALL.into_iter().find(|g| g.as_str() == name).unwrap_or(Genre::Other)
    }
}

/// Words of a title and the genre they make, tried in this order (the first that holds wins):
/// `(genre, words, at the title's end only)`. A reply's own words come first (关于…工作方案的建议的
/// 答复, 关于实施人才计划的提案 are replies); a plan before a notice (关于印发…工作方案的通知 is the plan).
const GENRE_WORDS: [(Genre, &[&str], bool); 8] = [
    (Genre::Reply, &["答复", "复函", "回复"], false),
    (Genre::Reply, &["提案", "建议"], true),
    (Genre::Summary, &["总结", "办理情况", "工作情况", "情况报告", "工作报告"], false),
    (Genre::Plan, &["方案", "计划", "预案", "工作要点", "实施细则"], false),
    (Genre::Policy, &["意见", "办法", "细则", "措施", "规定", "决定"], true),
    (Genre::Notice, &["通知", "公告", "通告", "公示", "通报"], false),
    (Genre::Notice, &["函"], true),
    (
        Genre::News,
        &["召开", "举行", "开展", "调研", "座谈", "会议", "推进会", "视察", "走访", "督办", "出席", "部署", "见面会"],
        false,
    ),
];

/// The genre of a page: a reply if its salutation names a proposer, else from its title (the
/// one [`meta`] found, then with the opening's first line when that reads as the title's
/// second line) by [`GENRE_WORDS`], else, for a title that names none, whether it reads
/// as a reply ([`is_reply`]), else news (other: a page without a title).
pub fn genre(reply: &Reply, meta: &Meta) -> Genre {
    // A letter to a proposer is a reply, whatever its title says.
    if reply.salutation.as_ref().and_then(|p| proposer_of_salutation(&p.text)).is_some() {
        return Genre::Reply;
    }
    let title = meta.title.trim().trim_end_matches(['。', '.']);
    // A title the page wrote over several lines (国务院办公厅关于推进 / 政务新媒体健康有序发展的意见)
    // goes on in the opening's first lines: short, no sentence or list punctuation, no number.
    let mut whole: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    for p in reply.preamble.iter().take(2) {
        let n = p.text.trim();
        if n.chars().count() > 40 || n.contains(['。', '，', '：', ':', '〔', '[', '（']) || n.ends_with('号') {
            break;
        }
        whole.extend(n.trim_end_matches(['。', '.']).chars().filter(|c| !c.is_whitespace()));
    }
    for (g, words, at_end) in GENRE_WORDS {
        let hit = if at_end { words.iter().any(|w| whole.ends_with(w)) } else { contains_any(&whole, words) };
        if hit {
            return g;
        }
    }
    if is_reply(reply, meta).is_ok() {
        Genre::Reply
    } else if title.is_empty() {
        Genre::Other
    } else {
        // A titled page of the column that is none of the others: its news (苏州市新增高新技术
        // 企业3012家).
        Genre::News
    }
}

/// The metadata of one reply.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    /// The reply's title; where the parser took something else for it (a page read as a whole
    /// gives the site's name), the first line of the header or opening that names a 答复.
    pub title: String,
    pub kind: DocKind,
    /// The session as written, without 第 and 会议: `十四届二次`.
    pub session: Option<String>,
    /// Whose session: `政协` or `人大`, when the text says.
    pub body: Option<&'static str>,
    /// The number as written, without 第 and 号: `20230314`, `0128`.
    pub number: Option<String>,
    /// Who made the proposal: a name (`张三`, `王`, `王五等5位`) or a group
    /// (`民盟武汉市委员会`).
    pub proposer: Option<String>,
    /// `委员` or `代表` when the proposer is a person named with it.
    pub role: Option<&'static str>,
    /// Publication date, ISO `yyyy-mm-dd`: the page's 发布时间 in any of its written forms, else
    /// the signature's date line.
    pub date: Option<String>,
    /// The publishing office: the page's 来源, else the signature's office line.
    pub source: Option<String>,
}

impl Meta {
    /// The facet value of the session: body and session (`政协十四届二次`), or the session alone.
    pub fn session_label(&self) -> Option<String> {
        let s = self.session.as_ref()?;
        Some(match self.body {
            Some(b) => format!("{b}{s}"),
            None => s.clone(),
        })
    }

    /// The year of the date.
    pub fn year(&self) -> Option<u32> {
        let d = self.date.as_ref()?;
        let mut y = 0;
        for b in d.bytes().take(4) {
            y = y * 10 + u32::from(b.wrapping_sub(b'0'));
        }
        Some(y)
    }
}

fn contains_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

/// Whether a line reads like the title of a reply: names a 答复, is short and one sentence.
fn looks_like_title(line: &str) -> bool {
    line.contains("答复")
        && line.chars().count() <= 100
        && !line.contains('。')
        && !line.ends_with(':')
        && !line.ends_with('：')
}

/// The lines of the header and the opening, where metadata is written: the page's metadata
/// lines, the salutation, the first paragraphs before the first heading.
fn header_lines(reply: &Reply) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for m in &reply.meta {
        out.push(m);
    }
    if let Some(s) = &reply.salutation {
        out.push(&s.text);
    }
    for p in reply.preamble.iter().take(8) {
        out.push(&p.text);
    }
    // A reply without headings keeps its opening in the implicit first section.
    if reply.preamble.is_empty() {
        if let Some(s) = reply.sections.first() {
            for p in s.paragraphs.iter().take(2) {
                out.push(&p.text);
            }
        }
    }
    out
}

/// The kind from a text: the last of 提案 / 建议 in it (a proposal about a 建议 is still a
/// proposal: `关于建议设立…的提案的答复`).
pub(crate) fn kind_in(text: &str) -> DocKind {
    match (text.rfind("提案"), text.rfind("建议")) {
        (Some(p), Some(s)) if p > s => DocKind::Proposal,
        (Some(_), None) => DocKind::Proposal,
        (_, Some(_)) => DocKind::Suggestion,
        (None, None) => DocKind::Unknown,
    }
}

/// The kind named by the opening: `《关于…的提案》收悉`, `您提出的建议收悉`.
fn kind_of_opening(text: &str) -> DocKind {
    if let Some(end) = text.find('》') {
        let inner = &text[..end];
        let inner = inner.rfind('《').map_or(inner, |k| &inner[k..]);
        if inner.ends_with("提案") {
            return DocKind::Proposal;
        }
        if inner.ends_with("建议") {
            return DocKind::Suggestion;
        }
    }
    if contains_any(text, &["提案收悉", "提案已收悉"]) {
        DocKind::Proposal
    } else if contains_any(text, &["建议收悉", "建议已收悉"]) {
        DocKind::Suggestion
    } else {
        DocKind::Unknown
    }
}

fn is_cn_digit(c: char) -> bool {
    matches!(c, '〇' | '零' | '○' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn ascii_digit(c: char) -> char {
    if ('０'..='９').contains(&c) {
        char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
    } else {
        c
    }
}

fn starts_with(s: &[char], at: usize, word: &str) -> bool {
    crate::text::starts_with(s, at, word)
}

/// The session a text names: `市政协十四届二次会议` → (`十四届二次`, 政协), `市十六届人大二次会议`
/// → (`十六届二次`, 人大), `政协第十四届委员会第二次会议` → (`十四届二次`, 政协).
pub(crate) fn session_in(text: &str) -> Option<(String, Option<&'static str>)> {
    let s: Vec<char> = text.chars().collect();
    for i in 0..s.len() {
        if s[i] != '届' {
            continue;
        }
        let mut j = i;
        while j > 0 && (is_cn_digit(s[j - 1]) || is_digit(s[j - 1])) {
            j -= 1;
        }
        if j == i {
            continue;
        }
        let mut body = None;
        let mut k = i + 1;
        for (word, b) in [("人民代表大会", "人大"), ("人大", "人大"), ("委员会", ""), ("政协", "政协")]
        {
            if starts_with(&s, k, word) {
                k += word.chars().count();
                if !b.is_empty() {
                    body = Some(b);
                }
                break;
            }
        }
        if s.get(k) == Some(&'第') {
            k += 1;
        }
        let mut m = k;
        while m < s.len() && (is_cn_digit(s[m]) || is_digit(s[m])) {
            m += 1;
        }
        if m == k || s.get(m) != Some(&'次') {
            continue;
        }
        let mut session: String = s[j..=i].iter().map(|c| ascii_digit(*c)).collect();
        session.extend(s[k..=m].iter().map(|c| ascii_digit(*c)));
        if body.is_none() {
            let before: String = s[j.saturating_sub(8)..j].iter().collect();
            if before.contains("政协") {
                body = Some("政协");
            } else if contains_any(&before, &["人大", "人民代表大会"]) {
                body = Some("人大");
            }
        }
        return Some((session, body));
    }
    None
}

/// The number a text gives: `第20230314号` → `20230314` (digits as ASCII), outside 《…》;
/// `min` digits at least.
pub(crate) fn number_in(text: &str, min: usize) -> Option<String> {
    let s: Vec<char> = text.chars().collect();
    let mut depth = 0i32;
    for i in 0..s.len() {
        match s[i] {
            '《' => depth += 1,
            '》' => depth -= 1,
            '第' if depth <= 0 => {
                let mut j = i + 1;
                while j < s.len() && is_digit(s[j]) {
                    j += 1;
                }
                if j - i > min && s.get(j) == Some(&'号') {
                    return Some(s[i + 1..j].iter().map(|c| ascii_digit(*c)).collect());
                }
            }
            _ => {}
        }
    }
    None
}

/// Groups that make proposals as a body: parties, federations, sectors, delegations.
const GROUPS: &[&str] = &[
    "委员会",
    "代表团",
    "民革",
    "民盟",
    "民建",
    "民进",
    "农工党",
    "致公党",
    "九三学社",
    "台盟",
    "工商联",
    "界别",
    "小组",
    "党派",
];

/// The proposer a salutation names: `张三委员：` → (张三, 委员), `尊敬的王委员：` → (王, 委员),
/// `民盟武汉市委员会：` → (民盟武汉市委员会, none). None for `各有关单位：`.
pub(crate) fn proposer_of_salutation(line: &str) -> Option<(String, Option<&'static str>)> {
    let t = line.trim().trim_end_matches([':', '：']).trim();
    if t.chars().count() > 40 || t.contains('。') {
        return None;
    }
    let t = t.strip_prefix("尊敬的").unwrap_or(t).trim();
    let t = t.strip_suffix("同志").unwrap_or(t);
    for role in ["委员", "代表"] {
        if let Some(name) = t.strip_suffix(role) {
            if !name.is_empty() && !name.starts_with('各') {
                return Some((name.to_string(), Some(role)));
            }
        }
    }
    if contains_any(t, GROUPS) && !t.starts_with('各') {
        return Some((t.to_string(), None));
    }
    None
}

/// The proposer a title or an opening names: `关于张三委员提出的…`, `李四代表所提…`.
pub(crate) fn proposer_in(text: &str) -> Option<(String, Option<&'static str>)> {
    let s: Vec<char> = text.chars().collect();
    for i in 0..s.len() {
        for role in ["委员", "代表"] {
            if !starts_with(&s, i, role) {
                continue;
            }
            let after = i + 2;
            if !["提出", "所提", "领衔"].iter().any(|w| starts_with(&s, after, w)) {
                continue;
            }
            // The name: up to 5 chars back, cut after 关于 or a word that cannot be in a name.
            let from = i.saturating_sub(5);
            let mut start = from;
            for k in from..i {
                if matches!(
                    s[k],
                    '对' | '的' | '、' | '，' | ',' | '和' | '与' | '及' | '您' | '：' | ':' | '《' | '》' | ' '
                ) {
                    start = k + 1;
                }
                if k + 1 < i && s[k] == '关' && s[k + 1] == '于' {
                    start = k + 2;
                }
            }
            if start < i {
                return Some((s[start..i].iter().collect(), Some(role)));
            }
        }
    }
    None
}

/// A date written `2023-08-22 19:35`, `2023年8月22日`, `2023/8/22`, `2023.8.22` or
/// `二〇二三年八月二十二日`, as ISO `yyyy-mm-dd`. The first one in the text.
pub(crate) fn iso_date(text: &str) -> Option<String> {
    let s: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    for i in 0..s.len() {
        if let Some(d) = date_at(&s, i) {
            return Some(d);
        }
    }
    None
}

/// A Chinese numeral of a month or day (一 … 三十一).
fn cn_small(s: &[char], at: usize) -> Option<(u32, usize)> {
    let d = |c: char| "〇一二三四五六七八九".chars().position(|x| x == c).map(|v| v as u32);
    let mut i = at;
    let mut v = 0;
    if let Some(t) = s.get(i).and_then(|c| d(*c)) {
        v = t;
        i += 1;
    }
    if s.get(i) == Some(&'十') {
        v = if i == at { 10 } else { v * 10 };
        i += 1;
        if let Some(u) = s.get(i).and_then(|c| d(*c)) {
            v += u;
            i += 1;
        }
    }
    (i > at).then_some((v, i))
}

fn arabic(s: &[char], at: usize, max: usize) -> Option<(u32, usize)> {
    let mut i = at;
    let mut v = 0;
    while i < s.len() && i - at < max && is_digit(s[i]) {
        v = v * 10 + (ascii_digit(s[i]) as u32 - '0' as u32);
        i += 1;
    }
    (i > at).then_some((v, i))
}

fn date_at(s: &[char], at: usize) -> Option<String> {
    if at > 0 && (is_digit(s[at - 1]) || is_cn_digit(s[at - 1])) {
        return None;
    }
    // The year: four Arabic digits, or four Chinese digits read one by one.
    let (year, mut i) = match arabic(s, at, 4) {
        Some((y, end)) if end - at == 4 => (y, end),
        Some(_) => return None,
        None => {
            let mut y = 0;
            let mut i = at;
            while i - at < 4 {
                let v = match s.get(i) {
                    Some('〇' | '零' | '○') => 0,
                    Some(c) => "一二三四五六七八九".chars().position(|x| x == *c)? as u32 + 1,
                    None => return None,
                };
                y = y * 10 + v;
                i += 1;
            }
            (y, i)
        }
    };
    let cn = !is_digit(s[at]);
    let sep = *s.get(i)?;
    if !matches!(sep, '-' | '/' | '.' | '年') || (cn && sep != '年') {
        return None;
    }
    i += 1;
    let (month, end) = if cn { cn_small(s, i)? } else { arabic(s, i, 2)? };
    i = end;
    let sep2 = *s.get(i)?;
    let ok = match sep {
        '年' => sep2 == '月',
        _ => sep2 == sep,
    };
    if !ok {
        return None;
    }
    i += 1;
    let (day, _) = if cn { cn_small(s, i)? } else { arabic(s, i, 2)? };
    if !(1900..=2199).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let two = |v: u32| if v < 10 { format!("0{v}") } else { v.to_string() };
    Some(format!("{year}-{}-{}", two(month), two(day)))
}

/// The office line of a signature: short, no digits, no colon, not a contact line.
fn office_line(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    (2..=30).contains(&n)
        && !t.chars().any(|c| is_digit(c) || matches!(c, ':' | '：' | '，' | ',' | '。'))
        && !contains_any(t, &["联系", "抄送", "此件", "公开"])
}

/// Everything the archive shows about a reply besides its text.
pub fn meta(reply: &Reply) -> Meta {
    let header = header_lines(reply);
    let title = if contains_any(&reply.title, &["答复", "提案", "建议"]) {
        reply.title.clone()
    } else {
        header.iter().find(|l| looks_like_title(l)).map_or_else(|| reply.title.clone(), |l| l.trim().to_string())
    };
    // Where to look, most reliable first: the title, then the header and opening.
    let mut texts: Vec<&str> = vec![&title];
    texts.extend(header.iter().copied());

    let (session, body) = match texts.iter().find_map(|t| session_in(t)) {
        Some((s, b)) => (Some(s), b),
        None => (None, None),
    };
    let number = number_in(&title, 1).or_else(|| header.iter().find_map(|t| number_in(t, 3)));

    let salutation = reply
        .salutation
        .as_ref()
        .map(|p| p.text.as_str())
        .into_iter()
        .chain(header.iter().copied().filter(|l| l.chars().count() <= 40 && (l.ends_with('：') || l.ends_with(':'))))
        .find_map(proposer_of_salutation);
    let (proposer, role) = match salutation.or_else(|| texts.iter().find_map(|t| proposer_in(t))) {
        Some((p, r)) => (Some(p), r),
        None => (None, None),
    };

    let mut kind = kind_in(&title);
    if kind == DocKind::Unknown {
        kind = header.iter().map(|t| kind_of_opening(t)).find(|k| *k != DocKind::Unknown).unwrap_or(DocKind::Unknown);
    }
    if kind == DocKind::Unknown {
        kind = match (body, role) {
            (Some("政协"), _) | (None, Some("委员")) => DocKind::Proposal,
            (Some(_), _) | (None, Some(_)) => DocKind::Suggestion,
            _ => DocKind::Unknown,
        };
    }

    let date = reply
        .published
        .as_deref()
        .and_then(iso_date)
        .or_else(|| {
            // A page read as a whole keeps its 发布时间 line in the opening.
            let labels = ["发布时间", "发布日期", "成文日期", "发文日期"];
            header.iter().filter(|l| contains_any(l, &labels)).find_map(|l| iso_date(l))
        })
        .or_else(|| reply.signature.iter().rev().find_map(|p| iso_date(&p.text)));
    let source = match reply.source.as_deref().map(str::trim) {
        Some(s) if !s.is_empty() => Some(s.to_string()),
        _ => reply.signature.iter().find(|p| office_line(&p.text)).map(|p| p.text.trim().to_string()),
    };
    Meta { title, kind, session, body, number, proposer, role, date, source }
}

/// Whether a parsed text is a reply to a proposal or a suggestion: its title (or the line
/// [`meta`] took for it) names a 答复, 提案 or 建议, or its salutation names a proposer
/// (…委员, …代表, a party or a delegation). A news item or a notice to 各有关单位 is not.
/// `Err` says why not, for the command line's one-line message.
pub fn is_reply(reply: &Reply, meta: &Meta) -> Result<(), String> {
    if contains_any(&meta.title, &["答复", "提案", "建议"]) {
        return Ok(());
    }
    let salutation = reply.salutation.as_ref().and_then(|p| proposer_of_salutation(&p.text));
    if salutation.is_some() {
        return Ok(());
    }
    let mut title: String = meta.title.chars().take(30).collect();
    if title.is_empty() {
        title = "(none)".into();
    }
    Err(format!("its title \"{title}\" names no 答复, 提案 or 建议, and no salutation names a 委员 or 代表"))
}

/// A hash of a reply's text (title, headings, paragraphs): two files with the same reply text
/// have the same fingerprint, whatever their page around it.
pub fn fingerprint(reply: &Reply) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::util::Fnv::default();
    h.write(reply.title.as_bytes());
    for (_, s) in reply.walk_sections() {
        h.write(b"\n");
        h.write(s.number.as_bytes());
        h.write(s.title.as_bytes());
    }
    for (_, p) in reply.paragraphs() {
        h.write(b"\n");
        h.write(p.text.as_bytes());
    }
    h.finish()
}
