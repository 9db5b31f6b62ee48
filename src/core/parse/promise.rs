//! Promises and results (issue 22): for every figure of a parsed reply, its stance — a target
//! (promised, planned, expected) with its deadline, a result (reported as reached or standing),
//! or neither — and its indicator, the key of what it measures. [`annotate`] fills
//! `Figure::stance`, `Figure::by` and `Figure::indicator` of a parsed [`Reply`]; the parser's
//! callers decide when (the command line at once; the page may call it lazily, so the first
//! screen's module does not carry it). The rules are data tables in [`super::stance`] and
//! [`super::indicator`], each with its tests.
//!
//! # Where a figure stands
//! A paragraph is cut into sentences (at 。！？；) and clauses (also at ， ： and a table cell's
//! tab; not at 、, which lists inside a clause). "Now" is the reply's publication date (year and
//! month where written) — the parser resolves relative dates (今年4月底) against the same date —
//! or the earlier date under its text when it was posted later; else the date the document bears (`signed`); else the later of the date lines at its end (the signature's, 二〇〇四年三月二日 too) and at
//! its start (a page's own date above the text).
//!
//! # Stance: the precedence
//! A target is a figure promised, planned or expected for later; a result one reported as reached
//! or standing when the reply speaks; neither is a year that is no deadline, the rate of a rule,
//! a count that measures nothing. Each figure takes the first of these that decides:
//! 1. **Outside the body**: figures of the title (the proposal's name) and of the signature are
//!    neither; so are counts that measure nothing ([`super::stance::NOT_MEASURES`]: 三位代表; a
//!    span, 近5年来, 未来3年; a phase in Chinese numerals, 电厂二期; a threshold of eligibility,
//!    [`super::stance::ELIGIBILITY_BEFORE`]: 年满60岁; a time limit in working days,
//!    [`super::stance::WORKING_DAYS`]: 20个工作日内; a bound or condition that names a class,
//!    [`super::stance::CLASS_BOUND_ENDS`], [`super::stance::CONDITION_BEFORE`]: 十亿元以上项目11个,
//!    坡度大于25度; a frequency or period of a rule, [`super::stance::EVERY`]: 每5年修订1次; a count
//!    that refers back, [`super::stance::REFERRING`]: 上述两个表格; the page's own counters and
//!    numbers alone on a line, [`super::stance::PAGE_COUNTERS`]: 浏览:301次, 20期; a standard's
//!    bound, [`super::stance::DIMENSIONS`]: 路面宽度为3.5米及以上; a schedule's length,
//!    [`super::stance::SPAN_BEFORE`]: …至…放假调休，共7天; an address, 10幢10单元;
//!    the proposal restated, [`super::stance::RESTATING`]: 您提出的关于新建2个停车场的建议; the
//!    issuers of a document, [`super::stance::ISSUERS_AFTER`]: 等七部门《…》; a count of the values
//!    after it, 三个100%; the counts of a line of what goes with the letter,
//!    [`super::stance::ATTACHED`]: 附：意见表3份; the proposal restated over its sentence,
//!    [`super::stance::ASKERS`]: 您在建议中提到，…; a standard's definition in brackets, [`super::stance::DEFINED`]:
//!    标准(猪年存栏500头以上…); a programme's or a period's span, 三年专项行动, 五年过渡期, 近五年;
//!    kinds, [`super::stance::KINDS`]: 两类元素; an area named by a time, 15分钟健身圈; a distance that
//!    places, [`super::stance::PLACED_AFTER`]: 距出口1km处; a place's name, 八家台; the parts a total
//!    comes in, [`super::stance::PARTS`]: 两批4.02万亩),
//!    which decide nothing for the clauses after them either.
//! 2. **A cue of its own clause** ([`super::stance::TARGET_CUES`] 力争、计划、预计、将、请求 …,
//!    [`super::stance::RESULT_CUES`] 截至、已、目前、先后、了 …): the nearest one before the
//!    figure, else the nearest after it. A cue word inside a longer word that means something
//!    else is none ([`super::stance::MASKS`]: 投资计划, 争取资金, 公共, 现将); so is a plan or
//!    target that progress or a share is measured against ([`super::stance::MEASURED_AGAINST`]:
//!    完成全年计划的82.3%, 占年度目标的60%); 将 followed in its
//!    clause by 纳入、作为 …, or right by a figure (将全区112家…), is the object marker, none; 要
//!    right before a task verb is an aim (全国要建成10亿亩), so is 规划 (规划打造…1430个) and a plan
//!    held (有…计划, [`super::stance::HAVE`]). A grant's amount (予以一次性20万元的补助,
//!    [`super::stance::GRANT_VERBS`]) is a rate before any cue, a cap (限额, [`super::stance::LIMITS`])
//!    neither at any date; after the clause's cue, a task's size ([`super::stance::TASK_NOUN`]:
//!    建设任务3.63万亩) is a target when nothing of its sentence reports.
//! 3. **A rule's rate**: neither ([`super::stance::NORM_BEFORE`] …: 每台给予15万元补助, 按投资额的
//!    30%, 100万元/村, 补助不超过300万元), even in a plan.
//! 4. **A deadline or a later date of its own clause** (到2025年, 2025年前, 2024年 in 2023) → a
//!    target; so is a figure whose sentence has said target (step 7) or, when its sentence has
//!    said nothing, whose paragraph is a plan: one opening with [`PLAN_OPENERS`] (下一步、下步、
//!    今后 …; 我局将 …, [`PLAN_SUBJECTS`]), a paragraph of list items after one (一是…；二是…), or under
//!    a heading with [`PLAN_HEADINGS`] (下一步工作打算) — unless the clause's own earlier date or
//!    total reports (下一步…。2022年改造9个, 累计建成15个: results). In a plan document ([`plan_document`]:
//!    意见, 方案, 规划 …) a figure that a task verb takes ([`super::stance::TASK_VERBS`]: 推动建设
//!    300个基地) is a target when nothing of its own decides it; so is one under a horizon's lead
//!    (到2022年，… opening a clause of its paragraph), which also gives it its deadline.
//!    A regulation's rule or standard, when its clause has no date
//!    ([`super::stance::RULE_WORDS`] 标准、限额、期限、年满、不能超过、应当、免征 …: 按照每月1000元的
//!    标准定额扣除, 扣除期限不能超过48个月, 年满60岁), is neither.
//! 5. **A total or a comparison with the past** in its clause
//!    ([`super::stance::COMPARISON_CUES`] 累计、共、同比、较上年、增速 …) → a result: these say
//!    nothing of time, so they yield to 2–4 (力争到2025年累计服务企业突破1万家 is a target).
//! 6. **An earlier date of its own clause** (2022年, 去年, 今年4月底 in August, 2022年以来) → a
//!    result. A date of the current year without a month decides nothing — but in the year's
//!    last month it tells the year's works (其中2021年改造行政村9个, in December 2021): a result,
//!    even in a sentence that goes on with a plan.
//! 7. **Its sentence**: what the nearest earlier clause of the same sentence decided by 2–6 (a
//!    rule's rate carries to amounts and shares, not to counts). So in 截至2023年底全市备案中试
//!    平台128家，力争到2025年达到200家 each figure keeps its own clause's cue, and in 2023年第一季度，
//!    全市科技贷款余额4457.56亿元 the amount takes the date's clause. A sentence opening with
//!    [`super::stance::GOING_ON`] (其中, 第一期) goes on with the one before it; one opening an item
//!    of a list (一是, 其二, 1、, (3)) takes what the lead-in before its colon said (我局将重点做好以下
//!    工作：一是…；二是…).
//! 8. Otherwise a result: a reply reports; in a regulation (a title with
//!    [`REGULATION_TITLES`]: 办法, 预案, 规定 …, not a reply about one) neither: it sets rules;
//!    so is a project's description without tense ([`super::stance::DESCRIPTION_WORDS`]: 项目总投资
//!    789.64万元, 建设内容为…500立方米).
//!
//! Years and dates are neither, unless they are a deadline: a target cue of their own clause (or,
//! for a date that is its clause alone, of the next clause: 2024年，我局将继续申报) or the form of a
//! deadline (到2025年, 2025年前; 于 or 在 before a year only when now is known), and not past; a date still ahead in a sentence with no result cue
//! that is no start (2020年起) nor a rule's; or the `by` of a target figure. A
//! date alone on its line or after a date label ([`super::stance::DATE_LABELS`]: 发布时间：) is a
//! date line, never a deadline; one that a later clause opening with 届时 points back at is one. A
//! date of a plan or list something is put into with no target cue before it in its clause
//! (列入2024年全市计划, [`super::stance::ENTRY_BEFORE`]) names the plan: no deadline. A
//! date of a clause that says when a rule holds ([`super::stance::VALIDITY_WORDS`]: 自2019年1月1日
//! 起施行, 有效期至…) is neither and gives no deadline.
//!
//! # A target's deadline (`by`)
//! The deadline or not-yet-past date of the figure's clause, else of the nearest clause of its
//! sentence (before, then after; a sentence that goes on with the one before also looks there),
//! else a word ([`super::stance::DEADLINE_WORDS`]: 年内 → now's year, 年底前 → now's year-12,
//! 明年; [`super::stance::PLAN_PERIODS`]: 十四五 → 2025; 未来N年 → now's year + N), else a date
//! that opens an earlier item of the list the sentence ends (items end in ；: 2022年规划建设…；
//! 计划配备412套), else the horizon its paragraph's lead set (到2022年，…). Written
//! `2025` or `2025-12` (quarters and halves as their last month, days dropped); a year range
//! gives its upper year. Null when none: a target need not have a deadline.
//!
//! # Indicator
//! See [`super::indicator`]: the noun phrase the figure quantifies, without reporting verbs and
//! scope words; consumers compare `(indicator, kind)` (and the unit for percent).

use super::indicator;
use super::stance::{self, Call};
use crate::model::{Figure, Qualifier, Reply, Stance, TITLE};
use crate::util::{int, push_uint, IdMap};

/// When the reply speaks: its publication date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now {
    pub year: i32,
    /// 1–12 where the date gives it.
    pub month: Option<u32>,
}

/// Where a text stands in the reply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// The reply's title: the proposal's name.
    Title,
    /// A heading, the preamble, a section's paragraph, the closing.
    Body,
    /// The signature block.
    Signature,
}

/// One text of the reply with its figures, cut into clauses.
pub(crate) struct Text<'a> {
    pub chars: Vec<char>,
    pub figures: Vec<&'a Figure>,
    /// (start, end, sentence) of each clause, in order; they cover the text.
    pub clauses: Vec<(usize, usize, usize)>,
    pub place: Place,
    /// The paragraph opens with 下一步 … or stands under a plan heading.
    pub plan: bool,
    /// The reply is a regulation's text (see [`regulation`]): a figure no cue decides is a rule's.
    pub rules: bool,
    /// The document is a plan (see [`plan_document`]): a figure a task verb takes is a target.
    pub plan_doc: bool,
    /// Now is known: without it, 于 or 在 before a year (在2022年工程建设的同时) says no deadline.
    pub dated: bool,
    /// Per char: inside one of the figures.
    inside: Vec<bool>,
}

/// Clause ends: the comma family, the colon, a table cell's tab and every sentence end.
fn is_clause_break(s: &[char], k: usize) -> bool {
    match s[k] {
        '，' | '：' | ':' | '\t' => true,
        ',' => !(k > 0 && s[k - 1].is_ascii_digit() && s.get(k + 1).is_some_and(char::is_ascii_digit)),
        _ => is_sentence_break(s[k]),
    }
}

fn is_sentence_break(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | ';' | '!' | '?' | '\n')
}

impl<'a> Text<'a> {
    pub fn new(text: &str, figures: Vec<&'a Figure>, place: Place, plan: bool) -> Text<'a> {
        let chars: Vec<char> = text.chars().collect();
        // Which chars lie inside a figure: one pass over the figures, so that a long paragraph
        // with thousands of figures costs its length, not its length times its figures.
        let mut inside = vec![false; chars.len()];
        for f in &figures {
            let end = (f.end as usize).min(chars.len());
            let start = (f.start as usize).min(end);
            inside[start..end].fill(true);
        }
        let mut clauses = Vec::new();
        let (mut start, mut sentence) = (0, 0);
        for k in 0..chars.len() {
            // A break inside a figure (1,415) is none.
            if is_clause_break(&chars, k) && !inside[k] {
                clauses.push((start, k + 1, sentence));
                if is_sentence_break(chars[k]) {
                    sentence += 1;
                }
                start = k + 1;
            }
        }
        if start < chars.len() || clauses.is_empty() {
            clauses.push((start, chars.len(), sentence));
        }
        Text { chars, figures, clauses, place, plan, rules: false, plan_doc: false, dated: true, inside }
    }

    /// The clause holding char `at` (clauses are in order and cover the text: a binary search).
    pub fn clause_of(&self, at: usize) -> usize {
        let k = self.clauses.partition_point(|&(_, b, _)| b <= at);
        k.min(self.clauses.len() - 1)
    }

    /// The clauses (indexes) of sentence `s`: sentences are numbered in order, so a
    /// sentence's clauses are one run (a binary search).
    pub fn sentence_clauses(&self, s: usize) -> std::ops::Range<usize> {
        self.clauses.partition_point(|cl| cl.2 < s)..self.clauses.partition_point(|cl| cl.2 <= s)
    }

    /// The figures (indexes) of clause `c`.
    pub fn figures_in(&self, c: usize) -> impl Iterator<Item = usize> + '_ {
        let (a, b, _) = self.clauses[c];
        // Figures are in reading order: those of a clause are one run.
        let from = self.figures.partition_point(|f| (f.start as usize) < a);
        let to = self.figures.partition_point(|f| (f.start as usize) < b);
        from..to.max(from)
    }

    /// Whether char `k` lies inside one of the figures.
    pub fn in_figure(&self, k: usize) -> bool {
        self.inside.get(k).copied().unwrap_or(false)
    }
}

/// Where a time figure stands against now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum When {
    Past,
    Current,
    Future,
}

/// The last month a date figure covers: `2023-04` → 4, `2023-Q1` → 3, `2023-H2` → 12.
fn last_month(date: &str) -> Option<u32> {
    let rest = date.get(5..)?;
    let two = |s: &str| -> Option<u32> {
        let b = s.as_bytes();
        if b.len() < 2 || !b[0].is_ascii_digit() || !b[1].is_ascii_digit() {
            return None;
        }
        Some(u32::from(b[0] - b'0') * 10 + u32::from(b[1] - b'0'))
    };
    let n = |s: &str| s.as_bytes().get(1).filter(|c| c.is_ascii_digit()).map(|c| u32::from(c - b'0'));
    match rest.as_bytes().first()? {
        b'Q' => n(rest).map(|q| q * 3),
        b'H' => n(rest).map(|h| h * 6),
        _ => two(rest).filter(|m| (1..=12).contains(m)),
    }
}

/// A time figure against now; `None` when now is unknown or the figure is no time.
pub(crate) fn when(f: &Figure, now: Option<Now>) -> Option<When> {
    let now = now?;
    if !f.amount.kind.is_time() {
        return None;
    }
    if f.amount.qualifier == Some(Qualifier::Since) {
        return Some(When::Past);
    }
    let low = f.amount.value as i32;
    let high = f.amount.high.map_or(low, |h| h as i32);
    if high < now.year {
        return Some(When::Past);
    }
    if low > now.year {
        return Some(When::Future);
    }
    if low == high {
        if let (Some(m), Some(n)) = (f.date.as_deref().and_then(last_month), now.month) {
            return Some(if m < n {
                When::Past
            } else if m > n {
                When::Future
            } else {
                When::Current
            });
        }
    }
    Some(When::Current)
}

/// A time figure as a deadline: `2025`, `2025-12` (a range's upper year; quarters and halves as
/// their last month; days dropped).
pub(crate) fn deadline_of(f: &Figure) -> Option<String> {
    if !f.amount.kind.is_time() {
        return None;
    }
    let year = f.amount.high.unwrap_or(f.amount.value) as i32;
    let mut by = int(i64::from(year));
    if f.amount.high.is_none() {
        if let Some(m) = f.date.as_deref().and_then(last_month) {
            by.push('-');
            if m < 10 {
                by.push('0');
            }
            push_uint(&mut by, u64::from(m));
        }
    }
    Some(by)
}

/// Reads `YYYY[-/.年]M` at the start of a date as written: `2023-08-22 19:35`, `2023年8月22日`.
pub fn now_from(text: &str) -> Option<Now> {
    let s: Vec<char> = text.chars().collect();
    let digit = |c: char| c.to_digit(10);
    for i in 0..s.len() {
        if i > 0 && digit(s[i - 1]).is_some() {
            continue;
        }
        let mut year = 0u32;
        let mut k = i;
        while k < s.len() && k - i < 5 {
            match digit(s[k]) {
                Some(d) => year = year * 10 + d,
                None => break,
            }
            k += 1;
        }
        if k - i != 4 || !(1900..=2100).contains(&year) {
            continue;
        }
        let mut month = None;
        if matches!(s.get(k), Some('-' | '/' | '.' | '年')) {
            let mut m = 0u32;
            let mut j = k + 1;
            while j < s.len() && j - k <= 2 {
                match digit(s[j]) {
                    Some(d) => m = m * 10 + d,
                    None => break,
                }
                j += 1;
            }
            if j > k + 1 && (1..=12).contains(&m) {
                month = Some(m);
            }
        }
        return Some(Now { year: year as i32, month });
    }
    None
}

/// A line that opens with a full date: the signature's 2023年8月22日 or 二〇〇四年三月二日, a
/// page's `• 2019年07月26日` or `编稿时间: 2021-08-23 15:26 来源: …`.
fn date_line(text: &str) -> Option<Now> {
    let mut t = text.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '•' | '·' | '|'));
    if let Some(k) = t.find([':', '：']).filter(|&k| t[..k].chars().count() <= 6) {
        t = t[k..].trim_start_matches([':', '：', ' ', '\u{3000}']);
    }
    let s: Vec<char> = t.chars().collect();
    // Arabic: year, month and day at the start.
    let digits = |from: usize| (from..s.len()).take_while(|&k| s[k].is_ascii_digit()).count();
    let y = digits(0);
    if y == 4 && s.get(4).is_some_and(|c| matches!(c, '-' | '/' | '.' | '年')) {
        let m = digits(5);
        if (1..=2).contains(&m)
            && s.get(5 + m).is_some_and(|c| matches!(c, '-' | '/' | '.' | '月'))
            && digits(6 + m) > 0
        {
            return now_from(t);
        }
        return None;
    }
    // Chinese numerals: four digits of the year, then the month.
    let digit = |c: char| "〇一二三四五六七八九".chars().position(|d| d == c).or((c == '○' || c == '零').then_some(0));
    if s.len() < 7 || !(0..4).all(|k| digit(s[k]).is_some()) || s[4] != '年' || s.len() > 16 {
        return None;
    }
    let year = (0..4).fold(0, |y, k| y * 10 + digit(s[k]).unwrap_or(0) as i32);
    let m: Vec<char> = s[5..].iter().copied().take_while(|c| *c != '月').collect();
    let month = match m.as_slice() {
        ['十'] => Some(10),
        ['十', d] => digit(*d).map(|d| 10 + d as u32),
        [d] => digit(*d).map(|d| d as u32),
        _ => None,
    };
    (1900..=2100).contains(&year).then_some(Now { year, month: month.filter(|m| (1..=12).contains(m)) })
}

/// Now for a reply: the date it bears under its text (the signature's date line) when that is
/// earlier than its publication date (a reply of August posted in December speaks in August:
/// its 到2023年9月 is still ahead), else its publication date, else the later of the date lines
/// at its end and at its start (a page's own date above the text), else the latest full date of
/// its figures.
pub(crate) fn now_of(reply: &Reply) -> Option<Now> {
    let paragraphs = reply.paragraphs();
    let end = paragraphs.iter().rev().take(8).find_map(|(_, p)| date_line(&p.text));
    if let Some(now) = reply.published.as_deref().and_then(now_from) {
        let key = |n: &Now| n.year * 16 + n.month.unwrap_or(0) as i32;
        if let Some(signed) = end.filter(|e| e.month.is_some() && key(e) < key(&now)) {
            return Some(signed);
        }
        return Some(session_year(&reply.title, now).unwrap_or(now));
    }
    // Unpublished: the date the document bears (a report's ——2018年5月30日在…会议上).
    if let Some(now) = reply.signed.as_deref().and_then(now_from) {
        return Some(now);
    }
    let start = paragraphs.iter().take(8).find_map(|(_, p)| date_line(&p.text));
    let key = |n: &Now| n.year * 16 + n.month.unwrap_or(0) as i32;
    let lines = match (end, start) {
        (Some(a), Some(b)) => Some(if key(&b) > key(&a) { b } else { a }),
        (a, b) => a.or(b),
    };
    // No date line: the latest full date of the text (a page's 时间:2024年1月5日 among others).
    lines.or_else(|| {
        let mut latest: Option<Now> = None;
        for f in &reply.figures {
            let Some(now) = f.date.as_deref().filter(|d| d.len() == 10).and_then(now_from) else { continue };
            if latest.is_none_or(|l| key(&now) > key(&l)) {
                latest = Some(now);
            }
        }
        latest
    })
}

/// The last month of a year in which a page can still carry a reply of the year before: a reply
/// whose title opens with that year (2023年…会议…建议的答复) and which was posted by then is
/// of that year, and its 今年 is that year.
pub(crate) const LATE_POSTING_MONTHS: u32 = 2;

/// A reply posted early in a year whose title opens with the year before: Now is that year's end.
pub(crate) fn session_year(title: &str, posted: Now) -> Option<Now> {
    let digits: String = title.trim_start().chars().take_while(char::is_ascii_digit).collect();
    let year: i32 = digits.parse().ok().filter(|_| digits.len() == 4)?;
    let rest = title.trim_start().get(4..)?;
    let early = posted.month.is_some_and(|m| m <= LATE_POSTING_MONTHS);
    (rest.starts_with('年') && early && year == posted.year - 1).then_some(Now { year, month: Some(12) })
}

/// Regulations by their title: a notice that carries one (印发…暂行办法的通知) or the text itself
/// (…管理规定). Their figures set rules (每月1000元, 4个直辖市, 24小时监测): one that no cue,
/// date or comparison decides is neither, not a result.
pub(crate) const REGULATION_TITLES: &str = "办法|预案|规定|条例|细则|规则";

/// Whether a reply with this title is a regulation (see [`REGULATION_TITLES`]).
pub(crate) fn regulation(title: &str) -> bool {
    let t: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    crate::text::words(REGULATION_TITLES).any(|w| t.contains(w))
        && !crate::text::words(NOT_REGULATION_TITLES).any(|w| t.contains(w))
}

/// Titles about a regulation that are none: a reply about one, or an account of how one came
/// to be or works (…条例修订情况的说明: its figures report).
pub(crate) const NOT_REGULATION_TITLES: &str = "答复|复函|建议|提案|说明|情况";

/// Plans by their title: an 意见, 规划, 方案, 行动计划, 纲要 or a notice that carries one
/// (印发…实施方案的通知) sets tasks; what its task verbs take ([`super::stance::TASK_VERBS`]:
/// 推动建设300个基地) is a target. A reply, a report (通报, 函) or a regulation is none.
pub(crate) const PLAN_DOC_TITLES: &str = "意见|规划|方案|计划|纲要|要点|通知";

/// Titles that make a document no plan even with a word of [`PLAN_DOC_TITLES`].
pub(crate) const NOT_PLAN_TITLES: &str = "答复|复函|建议|提案|通报|函|批复|报告|情况";

/// Whether a document with this title is a plan (see [`PLAN_DOC_TITLES`]).
pub(crate) fn plan_document(title: &str) -> bool {
    let t: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    crate::text::words(PLAN_DOC_TITLES).any(|w| t.contains(w))
        && !crate::text::words(NOT_PLAN_TITLES).any(|w| t.contains(w))
        && !regulation(&t)
}

/// Paragraphs that open a plan: their figures are targets unless a cue says otherwise.
pub(crate) const PLAN_OPENERS: &str = "下一步|下步|今后|下一阶段|下阶段|接下来|明年";

/// Headings over a plan: every paragraph under them opens one.
pub(crate) const PLAN_HEADINGS: &str = "下一步|下步|今后|下一阶段|下阶段|打算|工作计划|工作思路|努力方向|\
    工作安排";

/// Headings of what stands or was done (一、发展现状, （一）主要成效): in a plan document, what a
/// task verb takes under them is reported, no task (全市建成5G基站1万个).
pub(crate) const REPORT_HEADINGS: &str = "现状|发展基础|基本情况|成效|进展情况|回顾";

/// Subjects that open a paragraph of what the replying office will do: 我局将, 我们将 ….
pub(crate) const PLAN_SUBJECTS: &str = "我局|我们|我委|我厅|我办|我部|我市|我县|我区|我中心";

/// Words that, after a subject, say the paragraph is what the office will do.
pub(crate) const PLAN_SUBJECT_VERBS: &str = "将|下一步将|下步将|今后将|还将|也将|会|计划";

fn opens_plan(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| {
        c.is_whitespace() || c.is_ascii_digit() || "（）()一二三四五六七八九十、.．".contains(c)
    });
    crate::text::words(PLAN_OPENERS).any(|w| t.starts_with(w))
        || crate::text::words(PLAN_SUBJECTS).any(|s| {
            t.strip_prefix(s).is_some_and(|rest| {
                let rest = rest.trim_start_matches(['，', ',']);
                crate::text::words(PLAN_SUBJECT_VERBS).any(|v| rest.starts_with(v))
                    // 我局将老旧小区改造列为…: 将 the object marker opens no plan.
                    && !(rest.starts_with('将') && {
                        let clause = rest.split(['，', ',', '。', '；']).next().unwrap_or("");
                        crate::text::words(stance::OBJECT_VERBS).any(|v| clause.contains(v))
                    })
                    && !["将其", "将该", "将此", "将这", "将你", "将您", "将近", "将上述", "将有关", "将相关"]
                        .iter()
                        .any(|m| rest.starts_with(m))
            })
        })
}

/// Whether a paragraph stands in a plan: it opens one, or it goes on with the plan of the
/// paragraph before as the items of its list (下一步，我们将…。 then 一是…；五是完成30个…).
fn plan_paragraph(before: bool, text: &str) -> bool {
    let s: Vec<char> = text.chars().collect();
    opens_plan(text) || before && stance::list_item(&s, 0)
}

/// Per figure of the reply: whether it stands in a plan — a paragraph opening with
/// [`PLAN_OPENERS`] (下一步 …) or [`PLAN_SUBJECTS`] with [`PLAN_SUBJECT_VERBS`] (我局将 …), a
/// paragraph of list items after such a one ([`plan_paragraph`]), or anything under a heading
/// with [`PLAN_HEADINGS`]. The panel's
/// 承诺 group lists these targets first.
pub fn in_plan(reply: &Reply) -> Vec<bool> {
    // Read folded (`script.rs`): 下一步將 as 下一步将.
    let folded = super::script::folded(reply);
    let reply = folded.as_ref().unwrap_or(reply);
    let mut plans: Vec<&str> = Vec::new();
    for part in [&reply.preamble, &reply.closing] {
        let mut planned = false;
        for p in part {
            planned = plan_paragraph(planned, &p.text);
            if planned {
                plans.push(&p.id);
            }
        }
    }
    let mut plan_at: Vec<bool> = Vec::new();
    // Sections under a heading of what stands (发展现状) in a plan document: none of its tasks.
    let mut report_at: Vec<bool> = Vec::new();
    let mut reports: Vec<&str> = Vec::new();
    for (depth, s) in reply.walk_sections() {
        plan_at.truncate(depth - 1);
        report_at.truncate(depth - 1);
        let plan =
            plan_at.last().copied().unwrap_or(false) || crate::text::words(PLAN_HEADINGS).any(|w| s.title.contains(w));
        plan_at.push(plan);
        let report = report_at.last().copied().unwrap_or(false)
            || crate::text::words(REPORT_HEADINGS).any(|w| s.title.contains(w));
        report_at.push(report);
        if report {
            reports.push(&s.id);
        }
        if plan {
            plans.push(&s.id);
        }
        let mut planned = false;
        for p in &s.paragraphs {
            planned = plan || plan_paragraph(planned, &p.text);
            if planned {
                plans.push(&p.id);
            }
        }
    }
    reply.figures.iter().map(|f| plans.contains(&f.paragraph.as_str())).collect()
}

/// Fills `stance`, `by` and `indicator` of every figure of the reply (see the module docs).
/// Pure and idempotent: what it decides depends only on the reply. A reply in traditional
/// script is read folded (`script.rs`: `將`, `到…年`, `累計` as `将`, `累计`), its texts kept.
pub fn annotate(reply: &mut Reply) {
    let Some(mut folded) = super::script::folded(reply) else { return annotate_folded(reply) };
    annotate_folded(&mut folded);
    for (f, g) in reply.figures.iter_mut().zip(folded.figures) {
        f.stance = g.stance;
        f.by = g.by;
        f.indicator = g.indicator;
    }
}

/// [`annotate`] over a reply whose chars the rules key on are simplified.
fn annotate_folded(reply: &mut Reply) {
    let now = now_of(reply);
    let rules = regulation(&reply.title);
    let plan_doc = plan_document(&reply.title);
    // Figures by the text they stand in.
    let mut slots = IdMap::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (k, f) in reply.figures.iter().enumerate() {
        let slot = slots.get_or_insert_with(&f.paragraph, || {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[slot].push(k);
    }
    // Each text's figures in reading order (a reply given from JS may list them otherwise):
    // the clause and figure look-ups of [`Text`] search them by position.
    for g in &mut groups {
        if !g.windows(2).all(|w| reply.figures[w[0]].start <= reply.figures[w[1]].start) {
            crate::util::sort_by(g, |a, b| reply.figures[*a].start < reply.figures[*b].start);
        }
    }
    // Every text that can hold figures, in reading order, with where it stands.
    struct Source<'r> {
        id: &'r str,
        text: &'r str,
        place: Place,
        plan: bool,
        section: &'r str,
    }
    let mut sources: Vec<Source> = Vec::new();
    sources.push(Source { id: TITLE, text: &reply.title, place: Place::Title, plan: false, section: "" });
    let goes_on = |paragraphs: &'_ [crate::model::Paragraph]| -> Vec<bool> {
        let mut planned = false;
        let mut out = Vec::with_capacity(paragraphs.len());
        for p in paragraphs {
            planned = plan_paragraph(planned, &p.text);
            out.push(planned);
        }
        out
    };
    for (p, plan) in reply.preamble.iter().zip(goes_on(&reply.preamble)) {
        sources.push(Source { id: &p.id, text: &p.text, place: Place::Body, plan, section: "" });
    }
    let mut plan_at: Vec<bool> = Vec::new();
    // Sections under a heading of what stands (发展现状) in a plan document: none of its tasks.
    let mut report_at: Vec<bool> = Vec::new();
    let mut reports: Vec<&str> = Vec::new();
    for (depth, s) in reply.walk_sections() {
        plan_at.truncate(depth - 1);
        report_at.truncate(depth - 1);
        let plan =
            plan_at.last().copied().unwrap_or(false) || crate::text::words(PLAN_HEADINGS).any(|w| s.title.contains(w));
        plan_at.push(plan);
        let report = report_at.last().copied().unwrap_or(false)
            || crate::text::words(REPORT_HEADINGS).any(|w| s.title.contains(w));
        report_at.push(report);
        if report {
            reports.push(&s.id);
        }
        sources.push(Source { id: &s.id, text: &s.title, place: Place::Body, plan, section: &s.id });
        let mut planned = false;
        for p in &s.paragraphs {
            planned = plan || plan_paragraph(planned, &p.text);
            sources.push(Source { id: &p.id, text: &p.text, place: Place::Body, plan: planned, section: &s.id });
        }
    }
    for (p, plan) in reply.closing.iter().zip(goes_on(&reply.closing)) {
        sources.push(Source { id: &p.id, text: &p.text, place: Place::Body, plan, section: "" });
    }
    for p in &reply.signature {
        sources.push(Source { id: &p.id, text: &p.text, place: Place::Signature, plan: false, section: "" });
    }

    let mut decided: Vec<(Option<Stance>, Option<String>, Option<String>)> =
        vec![(None, None, None); reply.figures.len()];
    #[cfg(not(target_arch = "wasm32"))]
    let mut why = vec![String::from("(in no text read)"); reply.figures.len()];
    // A table's header row (cells without figures) names the columns of the rows below it; the
    // figures of the paragraph before it often say what the columns hold.
    let mut header: Option<(&str, Vec<String>)> = None;
    let mut intro: Vec<usize> = Vec::new();
    let mut last: Vec<usize> = Vec::new();
    for src in &sources {
        let figs: &[usize] = slots.get(src.id).map_or(&[], |&g| &groups[g]);
        if figs.is_empty() {
            if src.text.contains('\t') {
                header = Some((src.section, src.text.split('\t').map(|c| c.trim().to_string()).collect()));
                intro = last.clone();
            }
            continue;
        }
        last = figs.to_vec();
        let columns = header.as_ref().filter(|(s, _)| *s == src.section).map(|(_, h)| h.as_slice());
        let mut list = Vec::with_capacity(figs.len());
        for &k in figs {
            list.push(&reply.figures[k]);
        }
        let mut text = Text::new(src.text, list, src.place, src.plan);
        text.rules = rules;
        text.plan_doc = plan_doc && !reports.contains(&src.section);
        text.dated = now.is_some();
        let stances = stance::decide(&text, now);
        #[cfg(not(target_arch = "wasm32"))]
        for (&k, w) in figs.iter().zip(stance::trace::take_why()) {
            why[k] = w;
        }
        let keys = indicator::keys(&text, columns);
        for (j, &k) in figs.iter().enumerate() {
            let (call, by) = &stances[j];
            let stance = match call {
                Call::Target => Some(Stance::Target),
                Call::Result => Some(Stance::Result),
                Call::Neither => None,
            };
            // A count that measures nothing (三位代表, 电厂二期) has no indicator either.
            let mut key = if stance::not_a_measure(&text, text.figures[j]) { None } else { keys[j].clone() };
            // A column (投入资金, 项目数) named before the table (专项资金31.3亿元, 支持项目95项).
            if let (Some(k), Some(_)) = (key.as_deref(), columns) {
                let f = text.figures[j];
                let named = intro.iter().map(|&i| (&reply.figures[i], &decided[i].2)).find_map(|(g, gk)| {
                    let gk = gk.as_deref()?;
                    (g.amount.kind == f.amount.kind && indicator::same_head(k, gk)).then(|| gk.to_string())
                });
                if let Some(n) = named {
                    key = Some(n);
                }
            }
            decided[k] = (stance, by.clone(), key);
        }
    }
    for (f, (stance, by, key)) in reply.figures.iter_mut().zip(decided) {
        f.stance = stance;
        f.by = by;
        f.indicator = key;
    }
    #[cfg(not(target_arch = "wasm32"))]
    RULES.with(|r| *r.borrow_mut() = why);
    copy_heading_figures(reply);
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static RULES: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Native builds: per figure of the reply [`annotate`] read last, the rule that decided its
/// stance (the promise report's per-rule table, `RW_RULES=1`).
#[cfg(not(target_arch = "wasm32"))]
pub fn last_rules() -> Vec<String> {
    RULES.with(|r| r.borrow().clone())
}

/// Words of a title that names a document or a proposal rather than telling news.
pub(crate) const NAMING_TITLES: &str = "关于|答复|复函|函|办法|规定|条例";

/// A figure of a heading (（二）新增投资20亿元) says in short what its section's text says at
/// length: it takes the stance, deadline and indicator of the first figure of the section's
/// paragraphs with the same kind, value and unit.
fn copy_heading_figures(reply: &mut Reply) {
    // A headline (区一届人大五次会议收到建议168件) tells what its text tells: its figures too, the
    // first of the body's. Not a document's or a reply's title (关于…, …的答复, …复函): it names.
    let headline = !crate::text::words(NAMING_TITLES).any(|w| reply.title.contains(w));
    for k in 0..reply.figures.len() {
        let f = &reply.figures[k];
        let titled = headline && f.paragraph == TITLE && !f.amount.kind.is_time();
        if !titled && (f.paragraph != f.section || f.section.is_empty()) {
            continue;
        }
        let same = |g: &Figure| {
            (if titled { g.paragraph != TITLE } else { g.section == f.section && g.paragraph != g.section })
                && g.amount.kind == f.amount.kind
                && g.amount.value == f.amount.value
                && g.amount.high == f.amount.high
                && g.amount.unit == f.amount.unit
        };
        if let Some(g) = reply.figures.iter().find(|g| same(g)) {
            let (stance, by, key) = (g.stance, g.by.clone(), g.indicator.clone().or_else(|| f.indicator.clone()));
            #[cfg(not(target_arch = "wasm32"))]
            RULES.with(|r| {
                if let Some(w) = r.borrow_mut().get_mut(k) {
                    *w = "heading copies its section's figure".into();
                }
            });
            let f = &mut reply.figures[k];
            f.stance = stance;
            f.by = by;
            f.indicator = key;
        }
    }
}
