//! The indicator of each figure: a short key for what it measures, the same across replies —
//! `技术合同成交额`, `科技贷款余额`, `中试平台`. Each rule has its tests (`indicator/tests.rs`).
//!
//! # The key
//! 1. **A table cell** takes its column's header (the row of the table above it without figures):
//!    `投入资金`, `项目数`.
//! 2. **A count** takes the noun after its measure word (新建5个中试平台 → `中试平台`; 7个2000年
//!    以前建成的老旧小区 → `老旧小区`, the noun after a `的`), up to a verb of [`CUT`], the clause's
//!    end or the next figure; a noun of [`GENERIC`] (企业) takes the phrase before it too
//!    (“科创贷”为2864家企业 → `科创贷企业`). Counts of time (3天, 5个月) and counts with no noun after
//!    them (累计招聘1837人) read the phrase before, as below.
//! 3. **Growth**: a figure right after 增长、增速、增幅、提高、提升、增加、上升 (not 提高至/到: that is
//!    the new level) measures the growth of the noun before the verb, else of the previous
//!    figure's indicator in its sentence (同比分别增长32.6%和41.2%: the two before it, in turn):
//!    `<indicator>增长率` for a percent, `<indicator>增长` for points, multiples and amounts
//!    (`下降率` / `下降` after 下降、减少、降低). A figure after 提高至, 压缩至 … has the indicator of
//!    the figure it changes (由6%-10%提高至10%-20%).
//! 4. **Otherwise** the phrase between the clause's start (or the previous figure, or what it
//!    took) and the figure, without the scope words and reporting verbs of [`LEADING`] at its
//!    start (全市, 我市, 其中, 累计, 新增, 新建, 达到, 实现 …), those of [`TRAILING`] at its end
//!    (达到, 为, 保持在, 由 …) and those of [`ANYWHERE`] anywhere (累计, 已). Verbs that say what
//!    was done are kept: `孵化企业`, `发放科技创新再贷款`. A phrase that is only a word of
//!    [`GENERIC`] (比重, 规模, 投资, 覆盖率 …) is prefixed with the previous indicator of its
//!    sentence: 发放科技创新再贷款238.51亿元，占全省比重超过50% → `发放科技创新再贷款比重`.
//!    **Context**: prepositions, scope and manner words go too (按照, 通过, 围绕, 一般为 …; but
//!    nouns that open with one stay: [`NOUNS_LEADING`] 从业人员, 在校学生); a percent whose phrase
//!    opens with 占 is `<indicator before>占比`; growth after a date compared to (比2010年增长)
//!    is of the phrase before that date; a count after a class figure (十亿元以上项目11个) keeps
//!    the class; an attribute ([`ATTRIBUTES`]: 从业人员, 注册资金) and a part in parentheses
//!    (代表建议37件(协办3件)) take the key of their subject or whole as prefix; a verb of reach
//!    ([`SCOPE_VERBS`]: 覆盖7个乡镇) stays; a count of people under a key of things takes 人数.
//! 5. **Clean-up**: digits, punctuation, quotes and parenthesised text are dropped (codes with
//!    a letter stay: `5G基站`); a key longer than 16 chars keeps what follows its last 的 (or 和,
//!    及, 与, 对), else its last 16 chars; a key shorter than 2 chars is none. Years and dates have
//!    no indicator.
//!
//! # Comparing
//! A key is comparable only within one kind: consumers must compare `(indicator, kind)`, and
//! for percent also the unit (`%` against `百分点`). `中试平台` counts 中试平台 however they came
//! (built, backed): a key names what is counted, not the verb — but the words that change what is
//! counted stay ([`ROLES`]: 新认定了226项…项目, 新增133个停车位, the parts after 其中 of 引进…项目145个;
//! [`SCOPES`]: the 规模以上 of a sentence's subject), so an addition, an import or a scope of
//! statistics does not link with a total.
//!
//! # No key rather than a wrong one
//! A vague figure has no indicator, so that it links with nothing (issue 22, link9): what remains
//! of a whole ([`REMAINDER`]: 剩余10个老旧小区), a percent of a count (占…总数的94.8%), a bare place
//! or general thing ([`VAGUE`]: 8个社区, 3项措施), a verb alone (组织11个市). Counts of documents
//! keep what is counted: a part after 其中 counts the documents named before it (其中消防事项13件
//! → `消防事项建议`), roles after 包括 take their whole (包括参阅32件 → `人大代表建议参阅`), a part's
//! role before its count names it (主办的9件政协提案 → `主办政协提案`), an organ's `共` is its
//! subject ([`ORGAN_ENDS`]: 市卫生健康局共承办人大建议 → `承办人大建议`).

use super::promise::Text;
use crate::model::{Figure, FigureKind};
use crate::text::{listed, starts_with, words};
use crate::util::cat;

/// Scope words and reporting verbs dropped from the start of a phrase, longest first where one
/// begins another.
// Longest first: 比上年同期增长1.32% is the growth of what came before.
// Prepositions, scope and manner before what is measured (按照每个子女, 通过…, 围绕…).
// Comparisons with the past: the growth of what came before (比年初增加121749万元).
pub(crate) const LEADING: &str = "其中|包括|全市|我市|本市|全县|我县|本县|全区|我区|全省|我省|全州|我州|全国|市区|\
    全年|年度|目前|现有|当前|已经|已|共计|总共|共有|共|累计|新增|新建|建成|建有|拥有|达到|实现|完成|突破|分别|同比|\
    环比|比上年同期|较上年同期|比上年|较上年|比去年|较去年|力争|争取|计划|预计|确保|拟|将|到|截至|截止|为|对|向|从|\
    由|是|了|并|且|我局|本局|我们|我委|我办|涉及|还|也|和|及|与|以及|同时|另外|此外|另|各类|各项|一批|今年|去年|\
    年内|年底|上半年|下半年|以来|期间|全部|均|一是|二是|三是|四是|五是|六是|等|占|帮助|每年|每月|可|按照|按|通过|\
    围绕|根据|依据|针对|对于|经|在|于|立即|允许|但|最多|最长|最高|明确|进一步|积极|大力|加快|全面|一次|其与|比年初|\
    较年初|比同期|较同期|与上年|与去年|同期";

/// Words that open with a word of [`LEADING`] but are nouns of their own: kept (从业人员, 在校学生).
pub(crate) const NOUNS_LEADING: &str = "从业|在校|在孵|在线|在岗|在建|在册|在用|在职|在园|在读|对外|对象|共享|共建|\
    经费|经营|经济";

/// Reporting verbs and copulas dropped from the end of a phrase.
// Manner and limits before the figure (顶岗实习时间一般为6个月 → 顶岗实习时间).
pub(crate) const TRAILING: &str = "达到了|达到|已达|达|为|是|有|增至|增加到|增加至|提高到|提高至|提升到|提升至|降至|\
    降低到|降低至|压减至|压缩至|缩短至|减少到|减少至|扩大到|扩大至|稳定在|保持在|控制在|在|累计|共计|合计|总计|共|\
    约|分别为|分别|均|已|了|新增|实现|完成|由原来的|由原来|从原来的|由|从|的|等|同比|超|近|中|预计|计划|力争|争取|\
    确保|将|拟|一般|原则上|大力|最长|最多|不能|不得|可达|约为";

/// Words dropped wherever they stand in a phrase.
pub(crate) const ANYWHERE: &str = "累计|已经|已|各类|各项|计划|预计|力争|确保|获得|取得|得到";

/// Participles of standing before a 的: dropped with it (市级挂牌成立的新型研发机构 → 新型研发机构);
/// a 的 after a verb that changes what is counted stays (完成数字化改造的规上工业企业).
pub(crate) const STATUS: &str = "成立|挂牌|认定|备案|在建|在用|现有|运营|建成|在册";

/// Where a key longer than 16 chars is cut: after the first of these that leaves 16 or fewer.
pub(crate) const CUT_POINTS: &str = "的|和|及|与|对|参加|参与";

/// Verbs that change what is counted and stay in a key (孵化企业, not 企业); the items of a list
/// after one share it (引进…团队13个、创新创业人才150余人 → 引进创新创业人才).
// What a unit did with the documents it counts (共承办人大建议3件、政协提案14件).
pub(crate) const KEEP: &str = "引进|孵化|服务|惠及|转化|培训|招聘|发放|兑现|接待|带动|撬动|参与|培育|聘请|吸引|签约|\
    申报|承办|办理|收到";

/// Verbs whose object, named earlier in the sentence, is what a count after them counts alone
/// (联合举办科技创业投资沙龙活动……截至目前已举办28期 → 科技创业投资沙龙活动).
pub(crate) const OBJECT_VERBS: &str = "举办|开展|组织|召开|发放|培训|招聘|建设|实施|引进|培育|认定|开通|新建|建成";

/// A percent whose phrase opens with 占 is a share of what came before it: `<indicator>占比`.
pub(crate) const SHARE: char = '占';
pub(crate) const SHARE_KEY: &str = "占比";
/// Words that name a share.
pub(crate) const SHARES: &str = "比重|比例|占比";

/// Amounts of a thing counted before them in the sentence (股权投资105笔，投资规模27.19亿元 →
/// 股权投资规模).
pub(crate) const AMOUNTS: &str = "规模|金额|余额|总额";

/// Verbs that end the noun after a count (12家中试平台提升服务能级 → 中试平台).
pub(crate) const CUT: &str = "提升|开放|入驻|设立|获得|开展|参与|进行|实现|完成|提供|同步|纳入|作为|通过|全部|均|已|\
    正在|投入|发出|发放|实行|享受|受益|覆盖|落地|建成|开工|投用|入选|列入|获批|签约|参加|申报|认定|改造|成功|得到|\
    达到|累计|补偿|涉及|实施|开通|提升改造|预计|计划|将|力争|安排";

/// Nouns of works that a verb of [`CUT`] before them is part of (改造项目, 建设工程).
pub(crate) const WORKS: &str = "项目|工程";

/// Words right before a count that make it what remains of a whole (剩余10个老旧小区): not the
/// indicator of the whole, and no other: none.
pub(crate) const REMAINDER: &str = "剩余|剩下|余下|其余";

/// Verbs of doing that add nothing to what is counted: what follows the last of them is the key
/// (组织实施科技重大专项 → 科技重大专项, 引导基金设立子基金 → 子基金), unless that is a word of
/// [`GENERIC`] alone. Verbs that change what is counted stay (孵化企业, 发放贷款, 引进人才).
pub(crate) const DOING: &str = "组织实施|推动建设|实施|组织|开展|推动|推进|设立|推出|认定|开设|组建|登记|建立|建成|\
    新建|新增|建设|举办|开通|开发|遴选发布|遴选|发布";

/// Subjects of 为 (处理成本为每立方米2.4元, 收费标准为每生不超过300元): the key is the subject.
pub(crate) const SUBJECTS: &str = "比例|率|标准|成本|金额|时间|时限|价格|费用|额|量";

/// A count's key does not say that it counts (中试平台数量 → 中试平台).
pub(crate) const COUNT_SUFFIXES: &str = "总数|数量|总量";

/// Nouns of money after an amount (安排10亿元科技创新专项资金): the amount's indicator.
pub(crate) const MONEY_NOUNS: &str = "资金|基金|贷款|经费|补助|奖励|投资|补贴";

/// Nouns too general to be a key alone: a count of 企业 takes the phrase before it, an amount
/// of 规模 the previous indicator of its sentence.
// Every reply counts proposals: alone, these would link counts of different things done
// with them (收到, 交办, 办理).
// A verb of money alone (城市基础设施建设累计投入13.4亿元 keeps what was invested in).
// … and with its money noun (建设共投入资金388万元, 投入资金大约100万元: in what?).
pub(crate) const GENERIC: &str = "企业|项目|人员|单位|比重|比例|占比|规模|总规模|金额|总额|数量|总量|总数|资金|投资|\
    总投资|覆盖率|产值|收入|营收|建议|提案|投入|投入资金";

/// Verbs of growth before a figure (增长32.6%) and of decline (下降5%).
pub(crate) const GROWTH: &str = "增长率|增长|增速|增幅|提高|提升|增加|上升|增产";
pub(crate) const DECLINE: &str = "下降|减少|降低|减产";
/// Verbs that give a new level (提高至10%-20%): the figure measures what the one before it did.
pub(crate) const LEVEL: &str = "提高至|提高到|提升至|提升到|增至|增加到|增加至|降至|降低到|降低至|压减至|压缩至|\
    缩短至|减少到|减少至|扩大到|扩大至";

/// The second half of a compound unit after a count (万人公里, 万吨公里): no noun.
pub(crate) const UNIT_TAILS: &str = "公里|千米";

/// Measure words of time: their counts read the phrase before (每周5天, 共监测了5个月).
const TIME_UNITS: &str = "年|天|周|个月|小时|分钟";

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

fn ends_with(s: &[char], word: &str) -> bool {
    let n = word.chars().count();
    s.len() >= n && starts_with(s, s.len() - n, word)
}

/// Drops words of `list` from the start (or the end) of `s` while one matches and something
/// remains.
fn strip(mut s: &[char], list: &str, from_end: bool) -> Vec<char> {
    loop {
        if !from_end && words(NOUNS_LEADING).any(|w| starts_with(s, 0, w)) {
            return s.to_vec();
        }
        let hit = words(list).find(|w| {
            let n = w.chars().count();
            s.len() > n && if from_end { ends_with(s, w) } else { starts_with(s, 0, w) }
        });
        match hit {
            Some(w) => {
                let n = w.chars().count();
                s = if from_end { &s[..s.len() - n] } else { &s[n..] };
            }
            None => return s.to_vec(),
        }
    }
}

/// Where the subject of a phrase ends: after `<organ>共` (市卫生健康局共承办人大建议 → 承办人大建议),
/// an organ's name ending with one of [`ORGAN_ENDS`]; else 0.
fn subject_end(s: &[char]) -> usize {
    // (Not 共同, 共享, 共建 …: words of their own.)
    let word = |k: usize| matches!(s[k + 1], '同' | '享' | '建' | '治' | '商' | '担' | '育');
    let at = (2..s.len().saturating_sub(2)).find(|&k| s[k] == '共' && ORGAN_ENDS.contains(&s[k - 1]) && !word(k));
    // (共有, 共计: the verb goes with it.)
    at.map_or(0, |k| k + 1 + usize::from(matches!(s[k + 1], '有' | '计')))
}

/// The last chars of the names of organs that report what they did (局, 厅, 部门, 系统, 政府).
pub(crate) const ORGAN_ENDS: &[char] = &['局', '厅', '委', '办', '门', '统', '府', '院', '会'];

/// Nouns that a count of alone names no indicator: places, that only say how many places
/// something reached (8个社区), and the general things of any reply (采取3项措施, 解决问题5个).
pub(crate) const VAGUE: &str = "小区|社区|乡镇|街道|行政村|村庄|村组|措施|举措|问题|工作|活动|事项|意见|文件|政策|\
    方面|内容|任务";

/// Measure words that a key of alone says only how it counts (人次达到50万人次): no key, as the
/// figure's own unit (with or without 数) is none.
pub(crate) const MEASURES: &str = "人次|批次|次数|个数|件数|项数|笔数|户数|家数";

/// The clean-up of rule 5: what remains of a phrase as a key, if it is one.
pub(crate) fn clean(phrase: &[char]) -> Option<String> {
    // Parenthesised text, digits, punctuation; ASCII codes with a letter stay (5G).
    let mut kept: Vec<char> = Vec::with_capacity(phrase.len());
    let mut depth = 0usize;
    let mut k = 0;
    while k < phrase.len() {
        let c = phrase[k];
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            _ if c.is_ascii_alphanumeric() => {
                let run_end = (k..phrase.len()).find(|&j| !phrase[j].is_ascii_alphanumeric() && phrase[j] != '-');
                let run_end = run_end.unwrap_or(phrase.len());
                let run = &phrase[k..run_end];
                if run.iter().any(char::is_ascii_alphabetic) {
                    kept.extend(run.iter().filter(|c| c.is_ascii_alphanumeric()));
                }
                k = run_end;
                continue;
            }
            _ if is_han(c) => kept.push(c),
            _ => {}
        }
        k += 1;
    }
    // 处理成本为每立方米: the subject of 为; 单个企业每年: what stands before 每.
    if let Some(k) = (1..kept.len()).find(|&k| kept[k] == '为' && words(SUBJECTS).any(|w| ends_with(&kept[..k], w))) {
        kept.truncate(k);
    }
    if let Some(k) = (1..kept.len()).rev().find(|&k| kept[k] == '每' && kept.len() - k <= 4) {
        kept.truncate(k);
    }
    let mut s = strip(&kept[subject_end(&kept)..], LEADING, false);
    s = strip(&s, TRAILING, true);
    let mut out: Vec<char> = Vec::with_capacity(s.len());
    let mut k = 0;
    while k < s.len() {
        if let Some(w) = words(ANYWHERE).find(|w| starts_with(&s, k, w)) {
            k += w.chars().count();
            continue;
        }
        out.push(s[k]);
        k += 1;
    }
    // What follows the last verb of doing, if a noun remains.
    let mut from = 0;
    for k in 0..out.len() {
        if let Some(w) = words(DOING).find(|w| starts_with(&out, k, w)) {
            let rest: String = out[k + w.chars().count()..].iter().collect();
            if rest.chars().count() >= 2 && !generic(&rest) {
                from = k + w.chars().count();
            }
        }
    }
    // A participle of standing and its 的.
    for k in (1..out.len()).rev() {
        if out[k] == '的' && k >= from && words(STATUS).any(|w| ends_with(&out[..k], w)) {
            from = k + 1;
            break;
        }
    }
    let mut s = strip(&out[from..], LEADING, false);
    if s.len() > 16 {
        // (A scope of statistics at its head stays too: 规模以上….)
        let verb = words(KEEP).chain(words(SCOPES)).find(|w| starts_with(&s, 0, w));
        let cut = (1..s.len()).find_map(|k| {
            let w = words(CUT_POINTS).find(|w| starts_with(&s, k, w))?;
            let rest = s.len() - k - w.chars().count();
            (2..=16).contains(&rest).then_some(k + w.chars().count())
        });
        s = s[cut.unwrap_or(s.len() - 16)..].to_vec();
        // 引进领军科学家核心团队和创新创业团队 → 引进创新创业团队: the verb stays.
        if let Some(v) = verb.filter(|v| !starts_with(&s, 0, v) && s.len() + v.chars().count() <= 16) {
            s.splice(0..0, v.chars());
        }
    }
    let key: String = s.into_iter().collect();
    let bare = |list: &str| listed(list, &key);
    (key.chars().count() >= 2 && !bare(LEADING) && !bare(TRAILING) && !bare(ANYWHERE)).then_some(key)
}

/// Whether a column's header (投入资金, 项目数) names the same thing as `key` (数字化改造专项资金,
/// 支持项目): the header's head noun, without a trailing 数, ends the key.
pub(crate) fn same_head(header: &str, key: &str) -> bool {
    let h = header.strip_suffix('数').unwrap_or(header);
    let tail: String = h.chars().rev().take(2).collect::<Vec<char>>().into_iter().rev().collect();
    tail.chars().count() == 2 && key.ends_with(&tail)
}

/// Whether a key is too general to stand alone.
fn generic(key: &str) -> bool {
    listed(GENERIC, key)
}

/// `prefix` + `key`, kept to 16 chars by shortening the prefix from its start.
fn joined(prefix: &str, key: &str) -> String {
    if prefix.ends_with(key) {
        return prefix.to_string();
    }
    let room = 16usize.saturating_sub(key.chars().count());
    let p: Vec<char> = prefix.chars().collect();
    let mut out: String = p[p.len().saturating_sub(room)..].iter().collect();
    out.push_str(key);
    out
}

/// Rule 1: the column header of a table cell.
fn column_key(t: &Text, f: &Figure, columns: Option<&[String]>) -> Option<String> {
    let columns = columns?;
    let cells = t.chars.iter().filter(|c| **c == '\t').count() + 1;
    if cells != columns.len() || cells < 2 {
        return None;
    }
    let cell = t.chars[..f.start as usize].iter().filter(|c| **c == '\t').count();
    let header: Vec<char> = columns[cell].chars().collect();
    clean(&header)
}

/// Rule 2: the noun after a count's measure word, and where it ends.
fn after_noun(t: &Text, i: usize, clause_end: usize) -> Option<(String, usize)> {
    let f = t.figures[i];
    if f.amount.kind == FigureKind::Count && listed(TIME_UNITS, f.amount.unit.as_deref().unwrap_or("")) {
        return None;
    }
    let s = &t.chars;
    let mut noun: Vec<char> = Vec::new();
    let mut k = f.end as usize;
    // 7个2000年以前建成的老旧小区: past a date, the noun is what follows the 的.
    let mut skipped = false;
    while k < clause_end {
        let at = t.figures.partition_point(|g| (g.start as usize) < k);
        if let Some(g) = t.figures.get(at).filter(|g| g.start as usize == k) {
            if !g.amount.kind.is_time() {
                break;
            }
            k = g.end as usize;
            skipped = true;
            continue;
        }
        let c = s[k];
        if matches!(c, '“' | '‘' | '「') || (noun.is_empty() && matches!(c, '”' | '"' | '’' | '」')) {
            k += 1;
            continue;
        }
        if !(is_han(c) || c.is_ascii_alphabetic()) || c == '等' || (c == '的' && !skipped) {
            break;
        }
        // 5个老旧小区改造项目: a verb before 项目 or 工程 names the works, a noun.
        let works = |w: &str| words(WORKS).any(|n| starts_with(s, k + w.chars().count(), n));
        if !skipped && words(CUT).any(|w| starts_with(s, k, w) && !works(w)) {
            break;
        }
        noun.push(c);
        k += 1;
    }
    if let Some(p) = noun.iter().rposition(|c| *c == '的') {
        noun.drain(..=p);
    }
    // 231家省级项目保护单位和318名…: the joiner before the next figure is none of the noun.
    while noun.last().is_some_and(|c| matches!(c, '和' | '及' | '与' | '或')) {
        noun.pop();
    }
    // 18274万人公里: the rest of a compound unit, no noun.
    if words(UNIT_TAILS).any(|w| starts_with(&noun, 0, w)) {
        return None;
    }
    let key = clean(&noun)?;
    Some((key, k))
}

/// Whether chars `a..b` only join two figures (32.6%和41.2%).
fn joins(s: &[char], a: usize, b: usize) -> bool {
    (a..b).all(|k| matches!(s[k], '和' | '及' | '与' | '、' | ' '))
}

/// The indicator of every figure of the text.
pub(crate) fn keys(t: &Text, columns: Option<&[String]>) -> Vec<Option<String>> {
    let n = t.figures.len();
    let mut out: Vec<Option<String>> = vec![None; n];
    // Where the text a figure used ends: its own end, or the end of the noun it took after it.
    let mut used: Vec<usize> = Vec::with_capacity(n);
    // The phrase each figure reads: figures joined by 和 share the phrase of the first.
    let mut phrases: Vec<(usize, usize)> = Vec::with_capacity(n);
    // The role verb each count took from before it (see [`ROLES`]).
    let mut roles: Vec<Option<&'static str>> = vec![None; n];
    for (i, f) in t.figures.iter().enumerate() {
        used.push(f.end as usize);
        let c = t.clause_of(f.start as usize);
        let (a, b, sentence) = t.clauses[c];
        let mut from = a;
        // Figures before this one in its clause (figures are in reading order).
        for j in (0..i).rev().take_while(|&j| t.figures[j].start as usize >= a) {
            if used[j] <= f.start as usize {
                from = from.max(used[j]);
            }
        }
        let start = f.start as usize;
        let shared = i > 0
            && phrases[i - 1].0 >= a
            && t.figures[i - 1].amount.kind == f.amount.kind
            && used[i - 1] <= start
            && joins(&t.chars, used[i - 1], start);
        phrases.push(if shared { phrases[i - 1] } else { (from, start) });
        if f.amount.kind.is_time() {
            continue;
        }
        if let Some(k) = column_key(t, f, columns) {
            out[i] = Some(k);
            continue;
        }
        let (from, to) = phrases[i];
        // A list before the figure (光电子信息、…、数字经济等重点领域): what follows it.
        let from = (from..to).rev().find(|&k| matches!(t.chars[k], '、' | '等') && to - k > 2).map_or(from, |k| k + 1);
        let phrase = &compared_to_a_date(t, i, from, to, &phrases)[..];
        // Indicators before this one in its sentence, nearest last (not those sharing its phrase).
        let first = t.sentence_clauses(sentence).start;
        let sentence_start = t.clauses[first].0;
        let mut earlier: Vec<&str> = (0..i)
            .rev()
            .take_while(|&j| t.figures[j].start as usize >= sentence_start)
            .filter(|&j| phrases[j] != phrases[i])
            .filter_map(|j| out[j].as_deref())
            .collect();
        earlier.reverse();
        let money = |k: &String| words(MONEY_NOUNS).any(|w| k.ends_with(w));
        if matches!(f.amount.kind, FigureKind::Count | FigureKind::Money) {
            let noun = after_noun(t, i, b).filter(|(k, _)| f.amount.kind == FigureKind::Count || money(k));
            if let Some((noun, end)) = noun {
                used[i] = end;
                // 新认定了226项省级非遗代表性项目、231家省级项目保护单位: the role verb before the
                // count (or before the first item of its list) is part of what is counted.
                let role = role_before(phrase).or_else(|| {
                    let prev = i.checked_sub(1).filter(|_| joins(&t.chars, from, to))?;
                    roles[prev]
                });
                roles[i] = role;
                let noun = match role {
                    Some(r) if !noun.starts_with(r) => joined(r, &noun),
                    _ => noun,
                };
                out[i] = if generic(&noun) {
                    clean(phrase).filter(|p| !generic(p)).map(|p| joined(&p, &noun))
                } else {
                    // 覆盖全县7个乡镇: the places covered, not the county's places.
                    match reach(phrase) {
                        Some(v) if !noun.starts_with(v) => Some(joined(v, &noun)),
                        _ => Some(noun),
                    }
                };
                continue;
            }
        }
        // Figures sharing a phrase are neighbours.
        let at = phrases[..i].iter().rev().take_while(|p| **p == phrases[i]).count();
        let mut key = phrase_key(t, i, phrase, &earlier, at, shared_count(t, i, &phrases));
        if f.amount.kind == FigureKind::Count {
            if let Some(k) = key.as_mut() {
                if let Some(w) =
                    words(COUNT_SUFFIXES).find(|w| k.ends_with(*w) && k.chars().count() >= w.chars().count() + 2)
                {
                    k.truncate(k.len() - w.len());
                }
            }
        }
        // 十亿元以上项目11个: the class named by the figure before is part of what is counted,
        // and a verb before the class stays (引进千万元以上项目145个, below).
        if let Some(j) = i.checked_sub(1).filter(|&j| used[j] == from && t.figures[j].start as usize >= a) {
            let g = t.figures[j];
            if !g.amount.kind.is_time() && super::stance::class_bound(t, g) {
                key = clean(phrase).map(|k| cat(&[g.text.as_str(), &k]));
            }
        }
        // A verb alone (已举办28期): its object named earlier in the sentence.
        if let Some(v) = key.as_deref().filter(|k| listed(OBJECT_VERBS, k)) {
            let start = sentence_start;
            let at = (start..from).find(|&k| starts_with(&t.chars, k, v) && !t.in_figure(k));
            if let Some(k) = at {
                let k = k + v.chars().count();
                let stop = (k..from).find(|&j| matches!(t.chars[j], '，' | ',' | '、' | '；' | '。')).unwrap_or(from);
                if let Some(object) = clean(&t.chars[k..stop]) {
                    key = Some(object);
                }
            }
        }
        // An item of a list after a verb that stays (引进…、创新创业人才150余人): the verb too.
        // … and a clause of only a noun and its count after a clause that ends with a count of the
        // same unit (共办理人大代表建议8721件，政协委员提案5865件): the next item of that list.
        let prev = i.checked_sub(1).map(|j| t.figures[j]).filter(|g| {
            let (pa, pb, ps) = t.clauses[c.saturating_sub(1)];
            let same = g.amount.unit == f.amount.unit && g.amount.kind == f.amount.kind;
            c > 0 && ps == sentence && g.start as usize >= pa && g.end as usize + 1 >= pb && same
        });
        let list = match prev {
            // (Not a part after 其中, nor an item with a verb of its own: 本级预算安排…资金.)
            Some(g)
                if from == a && f.end as usize + 1 >= b && !words(PARTS_OPEN).any(|w| starts_with(&t.chars, a, w)) =>
            {
                // (Only records of the same kind as a list's: 建议, 提案, 项目 …; 已办结50件 is none.)
                let own = key.as_deref().is_none_or(|k| {
                    words(CUT).chain(words(DOING)).any(|v| k.contains(v))
                        || !words(CATEGORY_NOUNS).any(|w| k.ends_with(w))
                });
                (!own).then(|| &t.chars[t.clauses[c - 1].0..g.start as usize])
            }
            _ => (from > a).then(|| &t.chars[a..from]),
        };
        if let Some(head) = list {
            let head = strip(&head[subject_end(head)..], LEADING, false);
            let verb = words(KEEP).find(|w| starts_with(&head, 0, w));
            if let (Some(v), Some(k)) = (verb, key.as_mut()) {
                // (Not a part's role: 承办…37件(主办34件、协办3件) — its whole names it.)
                let fits = k.chars().count() + v.chars().count() <= 16 && !only_roles(k);
                if !words(KEEP).any(|w| k.starts_with(w)) && fits {
                    k.insert_str(0, v);
                }
            }
        }
        // 个体工商户16743户，从业人员71703人: an attribute of the sentence's subject.
        if let (Some(k), Some(subject)) = (key.as_deref(), earlier.first()) {
            if listed(ATTRIBUTES, k) {
                key = Some(joined(subject, k));
            }
        }
        // 代表建议37件(主办34件、协办3件): a part of the figure before the parenthesis.
        if let (Some(k), Some(whole)) =
            (key.as_deref(), key.as_deref().and_then(|k| whole_before_parenthesis(t, i, sentence_start, &out, k)))
        {
            if !k.contains(whole.as_str()) {
                key = Some(joined(&whole, k));
            }
        }
        // 这些建议中，城建环保类48件: a category counts what the sentence named before it.
        if let Some(k) = key.as_mut().filter(|k| k.ends_with(CATEGORY)) {
            // (Back across the sentences of its paragraph: a list of categories runs on after ；.)
            let before = &t.chars[..f.start as usize];
            let named = (0..before.len()).rev().find_map(|k| words(CATEGORY_NOUNS).find(|w| starts_with(before, k, w)));
            if let Some(noun) = named {
                k.push_str(noun);
            }
        }
        // 人大代表建议29件…，其中消防事项13件: a part after 其中 of documents counted by 件 counts
        // the documents its sentence named before.
        let document = f.amount.unit.as_deref() == Some(DOCUMENT_UNIT) && starts_with(&t.chars, from, PARTS_AFTER);
        if let Some(k) = key.as_mut().filter(|k| document && !words(DOCUMENTS).any(|w| k.contains(w))) {
            let before = &t.chars[sentence_start..from];
            if let Some(noun) =
                (0..before.len()).rev().find_map(|k| words(DOCUMENTS).find(|w| starts_with(before, k, w)))
            {
                k.push_str(noun);
            }
        }
        // 小学64618人: a count of people under a key that names no people (小学 counts schools
        // elsewhere) is a number of people: 小学人数.
        if f.amount.kind == FigureKind::Count && listed(PEOPLE_UNITS, f.amount.unit.as_deref().unwrap_or("")) {
            if let Some(k) = key.as_mut() {
                if !k.chars().last().is_some_and(|c| PEOPLE_ENDS.contains(&c)) && k.chars().count() <= 14 {
                    k.push_str(PEOPLE_SUFFIX);
                }
            }
        }
        // 人大建议主办2件、协办1件: a part's role takes the whole its sibling named.
        if let Some(k) = key.as_mut().filter(|k| PART_ROLES.contains(&k.as_str())) {
            let sibling = out[..i].iter().rev().flatten().find_map(|o| {
                let role = PART_ROLES.iter().find(|r| o.ends_with(*r))?;
                let whole = &o[..o.len() - role.len()];
                (whole.chars().count() >= 2).then(|| whole.to_string())
            });
            if let Some(whole) = sibling {
                *k = joined(&whole, k);
            }
        }
        out[i] = key;
    }
    carry_roles(t, &mut out);
    for (f, slot) in t.figures.iter().zip(out.iter_mut()) {
        let before = &t.chars[..f.start as usize];
        // 剩余10个老旧小区: what remains of a whole is not the whole.
        let rest = words(REMAINDER).any(|w| ends_with(before, w));
        // 占建议、提案总数的94.8%: a percent is no count.
        let count = f.amount.kind == FigureKind::Percent
            && slot.as_deref().is_some_and(|k| words(COUNT_SUFFIXES).any(|w| k.ends_with(w)));
        // 8个社区; 安排30万元: a bare place, a verb alone.
        let unit = f.amount.unit.as_deref().unwrap_or("");
        let measure = |k: &str| listed(MEASURES, k) || k.strip_suffix('数').unwrap_or(k) == unit;
        let place =
            slot.as_deref().is_some_and(|k| listed(VAGUE, k) || listed(CUT, k) || listed(DOING, k) || measure(k));
        if rest || count || place {
            *slot = None;
        }
    }
    out
}

/// Words that change what is counted, kept at the head of a key: a verb of what happened to the
/// things (新增, 新认定, 引进, 竣工投产) or a scope of statistics (规模以上). A count takes the verb
/// right before it (新认定了226项…项目 → 新认定…项目), and so do the items of its list; the parts
/// after 其中 take their whole's (引进千万元以上项目145个，其中亿元以上项目48个 → 引进亿元以上项目).
pub(crate) const ROLES: &str = "竣工投产|新认定|新增|引进|竣工";
/// Scopes of statistics that a sentence's subject carries to every figure of it (规模以上工业企业
/// 实现利税总额…，利润212061万元 → 规模以上工业利润).
pub(crate) const SCOPES: &str = "规模以上|规上|限额以上";
/// The subject's noun that ends the scope (规模以上工业企业), and the verbs between the subject and
/// what it measures (完成, 实现).
pub(crate) const SCOPE_SUBJECT: &str = "企业";
pub(crate) const SUBJECT_VERBS: &str = "完成|实现";

/// The role verb (see [`ROLES`]) that a count's phrase ends with (新认定了), if any.
fn role_before(phrase: &[char]) -> Option<&'static str> {
    let p = strip(phrase, "了", true);
    // 主办的9件政协提案: a part's role before the count names which part.
    let q = strip(&p, "的", true);
    words(ROLES).find(|r| ends_with(&p, r)).or_else(|| PART_ROLES[..PARTS].iter().find(|r| ends_with(&q, r)).copied())
}

/// The last two chars of a key: the head noun of what it counts (项目).
fn head(key: &str) -> String {
    let c: Vec<char> = key.chars().collect();
    c[c.len().saturating_sub(2)..].iter().collect()
}

/// Carries roles and scopes over a sentence (see [`ROLES`], [`SCOPES`]).
fn carry_roles(t: &Text, out: &mut [Option<String>]) {
    let mut sentence = usize::MAX;
    let mut scope: Option<(String, String)> = None;
    let mut whole: Option<(&'static str, usize, String)> = None;
    for (f, slot) in t.figures.iter().zip(out.iter_mut()) {
        let at = f.start as usize;
        let (_, _, s) = t.clauses[t.clause_of(at)];
        if s != sentence {
            (sentence, scope, whole) = (s, None, None);
        }
        let Some(key) = slot.clone() else { continue };
        // A subject with a scope: 规模以上工业企业完成工业总产值 → 规模以上工业总产值.
        // (Only a subject that a verb follows: 规模以上农产品加工企业达到1082家 names the firms.)
        if let Some(q) = words(SCOPES).find(|q| key.starts_with(*q)) {
            let subject = key.find(SCOPE_SUBJECT).and_then(|p| {
                let rest = &key[p + SCOPE_SUBJECT.len()..];
                let v = words(SUBJECT_VERBS).find(|v| rest.starts_with(*v))?;
                Some((key[q.len()..p].to_string(), rest[v.len()..].to_string()))
            });
            if let Some((domain, rest)) = subject.filter(|(_, rest)| rest.chars().count() >= 2) {
                let noun = rest.strip_prefix(domain.as_str()).unwrap_or(&rest);
                *slot = Some(cat(&[q, &domain, noun]));
                scope = Some((q.to_string(), domain));
            }
            continue;
        }
        if let Some((q, domain)) = &scope {
            let noun = key.strip_prefix(domain.as_str()).unwrap_or(&key);
            *slot = Some(joined(&cat(&[q, domain]), noun));
            continue;
        }
        if let Some(r) = words(ROLES).find(|r| key.starts_with(*r)) {
            whole = Some((r, f.end as usize, head(&key)));
            continue;
        }
        // A part after 其中 in its whole's sentence, counting the same things (项目), takes the
        // whole's role.
        if let Some((r, end, things)) = &whole {
            let parts = (*end..at).any(|k| starts_with(&t.chars, k, PARTS_AFTER));
            if parts && head(&key) == *things {
                *slot = Some(joined(r, &key));
            }
        }
    }
}

/// Words before a date that make it the base of a comparison (比2010年增长262.21%).
pub(crate) const COMPARED_TO: &[char] = &['比', '较', '与'];

/// The phrase of figure `i` (chars `from..to`); when it is only a verb of growth right after a
/// date compared to (旅游接待总人数比2010年增长262.21%), the phrase before that date joins it, so
/// that the growth is of what stands before the date.
fn compared_to_a_date(t: &Text, i: usize, from: usize, to: usize, phrases: &[(usize, usize)]) -> Vec<char> {
    let own = &t.chars[from..to];
    let verb = strip(own, "了", true);
    let only_growth = words(GROWTH).chain(words(DECLINE)).any(|w| verb.iter().copied().eq(w.chars()));
    let date =
        i.checked_sub(1).map(|j| (j, t.figures[j])).filter(|(_, g)| g.amount.kind.is_time() && g.end as usize == from);
    if let (true, Some((j, g))) = (only_growth, date) {
        let start = g.start as usize;
        if start > phrases[j].0 && COMPARED_TO.contains(&t.chars[start - 1]) {
            let mut out = t.chars[phrases[j].0..start - 1].to_vec();
            out.extend_from_slice(own);
            return out;
        }
    }
    own.to_vec()
}

/// Verbs of reach right before a count (覆盖7个乡镇): what is counted is what they reach, so they
/// stay in the key, past a place between them (覆盖全县, 惠及西平街道) that ends with one of
/// [`PLACE_ENDS`]. (涉及 is none: 共涉及7个老旧小区 lists the scope of a work.)
pub(crate) const SCOPE_VERBS: &str = "覆盖|惠及|辐射|容纳";
pub(crate) const PLACE_ENDS: &str = "街道|省|市|县|区|州|镇|乡|村";

/// The verb of reach that a phrase ends with (see [`SCOPE_VERBS`]), if any.
fn reach(phrase: &[char]) -> Option<&'static str> {
    for v in words(SCOPE_VERBS) {
        let n = v.chars().count();
        let Some(at) = (0..phrase.len()).rev().find(|&k| starts_with(phrase, k, v)) else { continue };
        let rest = &phrase[at + n..];
        if rest.is_empty() || (rest.len() <= 8 && words(PLACE_ENDS).any(|w| ends_with(rest, w))) {
            return Some(v);
        }
    }
    None
}

/// Units of counts of people, and the last chars of keys that name people (人才, 学生, 职工,
/// 人数, 人口, 户 …) or an amount (客运量): a count of people under any other key takes
/// [`PEOPLE_SUFFIX`].
pub(crate) const PEOPLE_UNITS: &str = "人|名|人次|位";
pub(crate) const PEOPLE_ENDS: &[char] = &[
    '人', '员', '生', '民', '者', '工', '师', '数', '口', '户', '士', '才', '众', '童', '长', '队', '属', '友', '客',
    '家', '手', '官', '兵', '老', '男', '女', '子', '孩', '儿', '代', '委', '贫', '困', '伍', '专', '匠', '商', '农',
    // … or an amount already (客运量, 规模), or a count of visits (接待人次).
    '量', '模', '额', '率', '次',
];
pub(crate) const PEOPLE_SUFFIX: &str = "人数";

/// A key that names a category (经济类) counts the last of [`CATEGORY_NOUNS`] named before it in
/// its paragraph (立案提案按类别划分，经济类7件 → 经济类提案).
pub(crate) const CATEGORY: char = '类';
pub(crate) const CATEGORY_NOUNS: &str = "建议|提案|议案|项目|企业|案件|问题|事项";
/// The documents of a reply (the first of [`CATEGORY_NOUNS`]), counted by [`DOCUMENT_UNIT`].
pub(crate) const DOCUMENTS: &str = "建议|提案|议案";
pub(crate) const DOCUMENT_UNIT: &str = "件";

/// Attributes of a subject named earlier in the sentence (从业人员, 注册资金): they take its key.
pub(crate) const ATTRIBUTES: &str = "从业人员|注册资金|注册资本|雇工人数|雇工|在校学生|在校生|教职工|营业收入";

/// The key of the figure before the parenthesis that figure `i` stands in (主办34件 in
/// 代表建议37件(主办34件…)), if it stands in one opened in its sentence.
fn whole_before_parenthesis(
    t: &Text,
    i: usize,
    sentence_start: usize,
    out: &[Option<String>],
    key: &str,
) -> Option<String> {
    let start = t.figures[i].start as usize;
    let mut open = None;
    for k in sentence_start..start {
        match t.chars[k] {
            '(' | '（' => open = Some(k),
            ')' | '）' => open = None,
            _ => {}
        }
    }
    let whole = |open: usize| {
        (0..i).rev().find(|&j| (t.figures[j].end as usize) <= open && t.figures[j].start as usize >= sentence_start)
    };
    if let Some(open) = open {
        let j = whole(open)?;
        return (t.figures[j].end as usize + 1 >= open).then(|| out[j].clone()).flatten();
    }
    // 共收到政协提案34件，其中主办25件、协办9件 (包括主办及分办79件): a role after 其中 or 包括
    // names its whole too.
    if !only_roles(key) {
        return None;
    }
    let at = (sentence_start..start).rev().find(|&k| words(PARTS_OPEN).any(|w| starts_with(&t.chars, k, w)))?;
    out[whole(at)?].clone()
}

/// The word after a whole that opens its parts (…34件，其中主办25件).
pub(crate) const PARTS_AFTER: &str = "其中";
/// … and the words that open the parts of a whole named before them.
pub(crate) const PARTS_OPEN: &str = "其中|包括";
/// Keys that say only which part of a whole a count is (主办, 协办): after 其中 they take the
/// whole's key; parts that name themselves (其中小区配建停车泊位8165个) keep theirs.
pub(crate) const PART_ROLES: &[&str] = &["主办", "协办", "会办", "分办", "参阅", "承办", "交办"];
/// How many of [`PART_ROLES`] name a part of what a unit handles (承办, 交办: the whole).
pub(crate) const PARTS: usize = 5;

/// Whether a key only names roles (主办, 主办及分办): see [`PART_ROLES`].
fn only_roles(key: &str) -> bool {
    let mut rest = key;
    loop {
        let Some(r) = PART_ROLES.iter().find(|r| rest.starts_with(*r)) else { return false };
        rest = &rest[r.len()..];
        if rest.is_empty() {
            return true;
        }
        let Some(j) = ['及', '和', '、'].iter().find(|j| rest.starts_with(**j)) else { return false };
        rest = &rest[j.len_utf8()..];
    }
}

/// How many figures after this one in its clause share its phrase, plus those before: the size
/// of its 分别 group.
fn shared_count(t: &Text, i: usize, phrases: &[(usize, usize)]) -> usize {
    // Figures sharing a phrase are neighbours: those before `i` (and `i` itself).
    let mut n = phrases[..=i].iter().rev().take_while(|p| **p == phrases[i]).count();
    // Figures after `i` are not read yet: count those joined to it.
    let mut j = i + 1;
    while j < t.figures.len() {
        let (prev, next) = (t.figures[j - 1], t.figures[j]);
        if next.amount.kind != prev.amount.kind || !joins(&t.chars, prev.end as usize, next.start as usize) {
            break;
        }
        n += 1;
        j += 1;
    }
    n
}

/// Rules 3 and 4 for a figure whose own phrase is `phrase`; `at` is its place among the `size`
/// figures sharing that phrase (分别).
fn phrase_key(t: &Text, i: usize, phrase: &[char], earlier: &[&str], at: usize, size: usize) -> Option<String> {
    let f = t.figures[i];
    let mut p = strip(phrase, "了", true);
    let respectively = p.iter().collect::<String>().contains("分别");
    if let Some(level) = words(LEVEL).find(|w| ends_with(&p, w)) {
        let noun = clean(&p[..p.len() - level.chars().count()]);
        return noun.or_else(|| earlier.last().map(|k| k.to_string()));
    }
    let grow = words(GROWTH).find(|w| ends_with(&p, w)).map(|w| (w, false));
    let change = grow.or_else(|| words(DECLINE).find(|w| ends_with(&p, w)).map(|w| (w, true)));
    if let Some((verb, down)) = change {
        p.truncate(p.len() - verb.chars().count());
        let noun = clean(&p).filter(|k| !generic(k));
        let base = match noun {
            Some(k) => Some(k),
            // 分别: the figures sharing the phrase take the indicators before them in turn.
            None if respectively && size > 1 => {
                let k = earlier.len().checked_sub(size).map(|first| first + at);
                k.and_then(|k| earlier.get(k)).or(earlier.last()).map(|k| k.to_string())
            }
            None => earlier.last().map(|k| k.to_string()),
        }?;
        // 比上年增加1894元，增长9.3%: the rate is of the amount, not of its growth.
        let base = ["增长", "下降"]
            .iter()
            .find_map(|w| base.strip_suffix(w))
            .filter(|b| b.chars().count() >= 2)
            .map_or(base.clone(), str::to_string);
        let percent = f.amount.kind == FigureKind::Percent && f.amount.unit.as_deref() == Some("%");
        let suffix = match (down, percent) {
            (false, true) => "增长率",
            (false, false) => "增长",
            (true, true) => "下降率",
            (true, false) => "下降",
        };
        return Some(joined(&base, suffix));
    }
    // 占第三产业投资的33.1%, 占比28.6%: the share of what the sentence measured before.
    // (占全省比重超过50% names its share already: the rules below take it.)
    let named = clean(&p).is_some_and(|k| words(SHARES).any(|w| k.ends_with(w)));
    if f.amount.kind == FigureKind::Percent && p.first() == Some(&SHARE) && !named {
        if let Some(prev) = earlier.last() {
            return Some(joined(prev, SHARE_KEY));
        }
    }
    let Some(mut key) = clean(&p) else {
        // 是2019年的2.3倍: a multiple of the figure before it.
        return (f.amount.kind == FigureKind::Multiple).then(|| earlier.last().map(|k| k.to_string())).flatten();
    };
    if generic(&key) {
        // Alone, a general word (总投资) would link unrelated figures across replies: none.
        return earlier.last().map(|prev| joined(prev, &key));
    }
    // 投资规模 after 股权投资105笔: the amount of that.
    if let (Some(amount), Some(prev)) = (words(AMOUNTS).find(|w| key.ends_with(*w)), earlier.last()) {
        let head = &key[..key.len() - amount.len()];
        if head.chars().count() >= 2 && prev.ends_with(head) && *prev != head {
            key = joined(prev, amount);
        }
    }
    Some(key)
}

#[cfg(test)]
mod tests;
