//! The stance of each figure of a text — target, result or neither — and a target's deadline.
//! The rules are the tables below; their precedence is in the docs of [`super::promise`]. Each
//! table and each step has its tests (`stance/tests.rs`).

use super::promise::{deadline_of, when, Now, Place, Text, When};
use crate::model::{Figure, FigureKind, Qualifier};
use crate::text::{listed, starts_with, words};

/// Native builds note which rule decided each figure (the promise report's per-rule table,
/// `RW_RULES=1`); the widget's wasm carries none of it.
#[cfg(not(target_arch = "wasm32"))]
pub mod trace {
    use std::cell::RefCell;
    thread_local! {
        /// What the last rule of [`super::own_call`] noted.
        pub static NOTE: RefCell<String> = const { RefCell::new(String::new()) };
        /// Per figure of the last text [`super::decide`] read.
        pub static WHY: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }
    pub fn take_note() -> String {
        NOTE.with(|n| std::mem::take(&mut *n.borrow_mut()))
    }
    pub fn take_why() -> Vec<String> {
        WHY.with(|w| std::mem::take(&mut *w.borrow_mut()))
    }
}

/// Notes the rule that decided (native builds only, see [`trace`]).
macro_rules! note {
    ($($arg:tt)*) => {
        #[cfg(not(target_arch = "wasm32"))]
        trace::NOTE.with(|n| *n.borrow_mut() = format!($($arg)*));
    };
}
/// Tags figure `i` with the rule that decided it (native builds only, see [`trace`]).
macro_rules! tag {
    ($why:ident, $i:expr, $($arg:tt)*) => {
        #[cfg(not(target_arch = "wasm32"))]
        {
            $why[$i] = format!($($arg)*);
        }
    };
}

/// What the rules say of a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Call {
    Target,
    Result,
    /// Neither a promise nor a result: a year that is no deadline, a rule's rate.
    Neither,
}

/// Words that make the figures of their clause targets: promises, plans, expectations.
// What a work under way will give once done (建成后可新增133个停车位).
// The steps of a plan (第一步首先对8个乡镇的18所学校安装空调).
// Striving under way: an aim not reached yet (正积极争取资金5000万元).
// An estimate of works not yet done (估算投资49.35万元).
// What a plan lays down, still to be done (按照规划，…改造工程84处; 规划 before a task verb, see
// [`PLAN_AIM`]: 规划改造20km管网).
// A request (望…解决缺口资金9万元为盼, 恳请…).
pub(crate) const TARGET_CUES: &str = "力争|争取|计划|预计|目标|确保|拟|将|下一步|下步|今后|年内|未来|预期|力求|有望|\
    届时|努力|规划到|请求|建成后|投用后|投产后|完工后|投入使用后|实施后|完成后|第一步|第二步|\
    第三步|正积极争取|正在争取|正努力争取|估算|按照规划|按规划|为盼|恳请";

/// Target cues that say no tense (see [`decide`]): after an earlier date of their sentence, results.
pub(crate) const ASPECT_CUES: &str = "确保|努力";

/// The task verbs of a plan (see [`super::promise::PLAN_DOC_TITLES`]): in a plan document, a
/// figure one of them takes in its clause (推动建设300个基地, 选择10个左右城市; a 工作要点's 实施重大
/// 项目100个, 召开推进会2次) is a target when no cue, date or comparison decides it.
pub(crate) const TASK_VERBS: &str = "推动|打造|建设|推出|培育|支持|选择|遴选|开展|建成|创建|认定|布局|培养|新建|\
    设立|形成|扶持|启动|确定|实现|达到|提高|提升|降低|控制|新增|完成|实施|举办|召开|组织|改造";

/// An aim stated as what must be done: 要 right before a task verb ([`TASK_VERBS`]: 全国要建成10亿亩
/// 高标准农田, 要新增…) is a target cue, unless 要 ends a longer word ([`MODAL_MASKS`]: 主要建设,
/// 需要新建, 重要, 只要).
pub(crate) const MODAL_AIM: char = '要';
/// What a plan lays down: 规划 right before a task verb ([`TASK_VERBS`]: 规划打造小康村1430个,
/// 规划建设, 规划改造20km管网) is a target cue.
pub(crate) const PLAN_AIM: &str = "规划";
/// The size of a task set (建设任务3.63万亩, 任务共两批4.02万亩, 目标任务为5000户): the figures right
/// after 任务 (past one of [`TASK_LINKS`]) are targets — unless 完成 stands before it in its clause
/// (已完成建设任务4万亩: what was done). A count of tasks or batches ([`TASK_COUNTS`]: 任务5项,
/// 共两批) numbers them, it sizes none. What the task's size says stays with it: the clauses
/// after it in its sentence keep their own tense.
pub(crate) const TASK_NOUN: &str = "任务";
pub(crate) const TASK_COUNTS: &str = "项|件|个|批|条|次";
pub(crate) const TASK_LINKS: &[char] = &['共', '为', '是', '约'];
/// Words of a cap (限额, 上限) before a figure of its clause: neither, even at a date.
pub(crate) const LIMITS: &str = "限额|上限";
/// Chars before 要 that make it part of another word.
pub(crate) const MODAL_MASKS: &[char] =
    &['主', '重', '需', '只', '纲', '摘', '紧', '首', '简', '概', '次', '提', '必', '想', '还', '就', '也', '将'];

/// Words that make the figures of their clause results: reported, reached, standing.
// 上年 (去年 is a date figure: an earlier date of its clause says result).
// Support obtained (争取到资金200万元; 争取 alone is a target cue).
pub(crate) const RESULT_CUES: &str = "截至|截止|已|先后|目前|现有|至今|了|此前|曾|能力为|相继|上年|共有|拥有|争取到";

/// Totals and comparisons with the past: a result, when no cue above stands in the clause
/// (力争到2025年累计服务企业突破1万家, 力争同比增长10% are targets).
pub(crate) const COMPARISON_CUES: &str = "累计|共|近年来|历年|以来|同比|环比|比上年|较上年|比去年|较去年|增幅|增速|\
    比增|较同期|比同期";

/// A cue word standing inside a longer word that means something else: (cue, the longer word).
pub(crate) const MASKS: &[(&str, &str)] = &[
    // 将 the object marker (现将情况答复如下, 已将路段纳入), not the future.
    ("将", "已将"),
    ("将", "现将"),
    ("将", "能将"),
    ("将", "要将"),
    ("将", "应将"),
    ("将", "可将"),
    ("将", "需将"),
    ("将", "须将"),
    ("将", "特将"),
    ("将", "拟将"),
    ("将", "并将其"),
    ("将", "将其"),
    ("将", "将该"),
    ("将", "将此"),
    ("将", "将这"),
    ("将", "将你"),
    ("将", "将您"),
    ("将", "将近"),
    ("将", "将上述"),
    ("将", "将有关"),
    ("将", "将相关"),
    ("将", "将办理"),
    // 计划 the noun: a plan that exists, not a plan to do.
    ("计划", "投资计划"),
    ("计划", "建设计划"),
    ("计划", "工作计划"),
    ("计划", "年度计划"),
    ("计划", "发展计划"),
    ("计划", "行动计划"),
    ("计划", "实施计划"),
    ("计划", "专项计划"),
    ("计划", "资金计划"),
    ("计划", "项目计划"),
    ("计划", "改造计划"),
    ("计划", "计划渠道"),
    ("计划", "计划中"),
    ("计划", "计划内"),
    ("计划", "计划单列"),
    ("计划", "计划生育"),
    // In a plan already: a status (已列入计划,正逐步解决的33件).
    ("计划", "列入计划"),
    ("计划", "纳入计划"),
    // 争取 money or support: obtained, usually already.
    ("争取", "争取到"),
    ("争取", "争取资金"),
    ("争取", "争取中央"),
    ("争取", "争取省"),
    ("争取", "争取上级"),
    ("争取", "争取国家"),
    ("争取", "争取各级"),
    ("争取", "争取项目"),
    ("争取", "争取专项"),
    ("争取", "争取政策"),
    ("争取", "争取支持"),
    ("努力", "多方努力"),
    ("努力", "共同努力"),
    ("努力", "的努力"),
    ("目标", "目标任务"),
    ("目标", "目标责任"),
    ("拟", "模拟"),
    ("拟", "虚拟"),
    ("拟", "比拟"),
    // A list of candidates made public (被列入…拟入选名单): a selection done.
    ("拟", "拟入选"),
    ("共", "公共"),
    ("共", "共同"),
    ("共", "共享"),
    ("共", "共建共"),
    ("共", "中共"),
    ("共", "共青"),
    ("共", "共识"),
    ("共", "共性"),
    ("共", "共赢"),
    ("共", "共治"),
    ("共", "共商"),
    ("已", "而已"),
    ("已", "不得已"),
    ("了", "为了"),
    ("了", "除了"),
    ("了", "了解"),
    ("了", "明了"),
    ("了", "了结"),
    ("目前", "目前正在"),
    // 项目前期工作: 项目 and 前期, no 目前.
    ("目前", "项目前"),
];

/// A cue word followed by one of these chars is the verb whatever word it ends (该项目计划在26个
/// 乡镇建设, 项目计划于年底开工: plans to), not a noun of [`MASKS`] (纳入项目计划).
pub(crate) const UNMASKED_BEFORE: &[(&str, &[char])] = &[("计划", &['在', '于'])];

/// Scope words between 将 and the figure it takes as its object (将全区112家经营户…).
pub(crate) const OBJECT_SCOPES: &str = "全市|全县|全区|全省|全镇|全乡|这|该|此";

/// Verbs that show 将 as the object marker when they follow it in its clause (将…纳入).
pub(crate) const OBJECT_VERBS: &str = "纳入|列入|作为|列为|转为|改为|转交|上报|报送|提交|交由|视为|调整为|划分为|\
    分为|划入|写入";

/// A rule's rate, neither target nor result: a figure of a clause about grants, fees and
/// limits ([`GRANTS`]) with a word of rule before it (每台给予15万元, 单个企业补助不超过300万元) …
pub(crate) const NORM_BEFORE: &str = "每|按|单个|单户|单笔|单项|单台|最高";
/// … or after it (给予服务费50%的补贴) …
pub(crate) const NORM_AFTER: &str = "给予|的补贴|的补助|的奖励|的资助";
/// … the words of grants, fees and limits …
// Taxes and levies are rates too (减按20%的税率征收).
pub(crate) const GRANTS: &str = "给予|补助|补贴|奖励|资助|贴息|补偿|收费|标准|最高|上限|不超过|不少于|至少|税率|\
    征收";
/// … and a share of something (按投资额的30%) or an amount per head (100万元/村, but not the
/// 万吨/年 of a capacity) whatever the clause.
pub(crate) const PER_TIME: &str = "年|月|日|天|小时|时";
/// 按时, 按期: no rate.
pub(crate) const NORM_MASKS: &[(&str, &str)] = &[("按", "按时"), ("按", "按期"), ("按", "按要求"), ("按", "按计划")];

/// The words of a regulation's rules and standards (按照每月1000元的标准定额扣除, 扣除期限不能超过
/// 48个月, 年满60岁, 应当留存五年, 免征五年): with no cue, deadline or date in its clause, a
/// figure of such a clause is neither target nor result.
// A standard set, not a noun (标准机架 counts racks): 每月1000元的标准, 扣除标准为每月1500元.
// A period counted from an event (自执法决定作出之日起20个工作日内): a time limit.
pub(crate) const RULE_WORDS: &str = "的标准|标准为|标准是|限额|额度|定额|期限|年满|不能超过|不得超过|不能低于|\
    不得低于|是指|所称|应当|必须|之日起|的要求|免征|减征|减半征收|暂定";
/// A rule word inside a longer word that is none: 标准化 is a work done.
pub(crate) const RULE_MASKS: &[(&str, &str)] = &[("的标准", "的标准化")];

/// Words right before a figure that make it a threshold of eligibility (年满60岁的父母), neither
/// target nor result whatever cue stands in the clause (子女均已去世的年满60岁的祖父母).
pub(crate) const ELIGIBILITY_BEFORE: &str = "年满|未满|不满";

/// A time limit counted in working days (不少于5个工作日, 20个工作日内): a procedure's rule,
/// neither target nor result — when bounded or followed by one of [`DEADLINE_AFTER`].
pub(crate) const WORKING_DAYS: &str = "工作日";

/// Whether figure `f` is a time limit in working days (see [`WORKING_DAYS`]).
pub(crate) fn working_days_limit(t: &Text, f: &Figure) -> bool {
    let s = &t.chars;
    let end = f.end as usize;
    let n = WORKING_DAYS.chars().count();
    let in_days = end >= n && starts_with(s, end - n, WORKING_DAYS);
    let bound = f.amount.qualifier.is_some() || words(DEADLINE_AFTER).any(|w| starts_with(s, end, w));
    in_days && bound
}

/// Whether figure `f` is a threshold of eligibility (see [`ELIGIBILITY_BEFORE`]).
pub(crate) fn eligibility(t: &Text, f: &Figure) -> bool {
    let start = f.start as usize;
    words(ELIGIBILITY_BEFORE).any(|w| {
        let n = w.chars().count();
        start >= n && starts_with(&t.chars, start - n, w)
    })
}

/// A clause that sets when a rule holds (本办法自2019年1月1日起施行, 有效期至2025年12月31日,
/// 执行期限为…至…): its dates are neither deadlines nor targets.
pub(crate) const VALIDITY_WORDS: &str = "施行|有效期|执行期限|实施期限|起执行|起实施|生效";

/// Counts that are no measure: the proposal's authors (三位代表), the aspects and kinds a text
/// names (从四个方面, 两种类型, 两个关口) and spans of years that say when (近5年来, 九十年代) —
/// after the count …
pub(crate) const NOT_MEASURES: &str = "代表|委员|同志|方面|环节|层面|维度|关口|类型|底线|不同|特点|原则";
/// After a count that 等 opens, the bodies that issued a document (等七部门联合印发, 等九部门《…》):
/// its authors, no measure.
pub(crate) const ISSUERS_AFTER: &str = "门《|门联合|门印发|门发布|门出台|部门《|部门联合|部门印发";
pub(crate) const SPANS: &str = "来|以来|间|内|时间|代|行动|计划|规划|攻坚|专项|滚动|过渡期|建设期|实施期";
pub(crate) const SPANS_BEFORE: &str = "未来|今后|连续|最近|过去|后|经过";
/// … a span of years written with 近 (近两年，…; 列入近五年建设项目) …
pub(crate) const SPANS_OPENING: &str = "近";
/// … and phases written in Chinese numerals (电厂二期, 三、四期工程), unless something is held:
/// 举办三期培训班 is a count.
pub(crate) const PHASE_COUNTS: &str = "举办|开展|开设|组织|培训|办";

/// Before a date, it is a deadline: 到2025年, 于2025年底前, 在2025年前.
pub(crate) const DEADLINE_BEFORE: &str = "到|至|于|在";
/// After a date, it is a deadline: 2025年前, 2025年底之前.
pub(crate) const DEADLINE_AFTER: &str = "前|之前|以前|内";

/// Sentences that go on with the one before (其中…, 第一期改造59个…): they keep its stance.
pub(crate) const GOING_ON: &str = "其中|第一期|一期|首期";

/// Words that give a target its deadline when no date does: (word, years after now's year,
/// at the year's end).
pub(crate) const DEADLINE_WORDS: &[(&str, i32, bool)] = &[
    ("今年内", 0, false),
    ("年内", 0, false),
    ("本年度", 0, false),
    ("年底前", 0, true),
    ("年底", 0, true),
    ("年末", 0, true),
    ("明年", 1, false),
    ("全年", 0, false),
];

/// Five-year plans and their last year: 到“十四五”末 → 2025 (longest first; a plan's name is
/// followed by ”, 期, 末, 规划, 时期 or 后, so 十五届 is none).
pub(crate) const PLAN_PERIODS: &[(&str, i32)] =
    &[("十五五", 2030), ("十四五", 2025), ("十三五", 2020), ("十二五", 2015), ("十一五", 2010), ("十五", 2005)];

/// Whether `word` stands at `at`, not inside a longer word of `masks` that means something else.
fn stands(s: &[char], at: usize, word: &str, masks: &[(&str, &str)]) -> bool {
    if !starts_with(s, at, word) {
        return false;
    }
    let n = word.chars().count();
    if UNMASKED_BEFORE.iter().any(|(w, after)| *w == word && s.get(at + n).is_some_and(|c| after.contains(c))) {
        return true;
    }
    for (cue, mask) in masks {
        if *cue != word {
            continue;
        }
        let m: Vec<char> = mask.chars().collect();
        let w = word.chars().count();
        for o in 0..m.len() {
            if o + w <= m.len() && starts_with(&m, o, word) && at >= o && starts_with(s, at - o, mask) {
                return false;
            }
        }
    }
    true
}

/// A cue found in the text: where, how long, what it says.
#[derive(Clone, Copy, Debug)]
struct Hit {
    at: usize,
    len: usize,
    call: Call,
}

/// Every target and result cue of the text, outside figures, in order.
fn hits(t: &Text) -> Vec<Hit> {
    let s = &t.chars;
    let mut out = Vec::new();
    let mut k = 0;
    // Inside a document's title (《2024年重点工作计划》): its words name it, they are no cues.
    let mut titled = 0usize;
    while k < s.len() {
        match s[k] {
            '《' => titled += 1,
            '》' => titled = titled.saturating_sub(1),
            _ => {}
        }
        if t.in_figure(k) || titled > 0 {
            k += 1;
            continue;
        }
        let mut found: Option<Hit> = None;
        for (list, call) in [(TARGET_CUES, Call::Target), (RESULT_CUES, Call::Result)] {
            for w in words(list) {
                let len = w.chars().count();
                if found.is_some_and(|h| h.len >= len) || !stands(s, k, w, MASKS) {
                    continue;
                }
                if w == "将" && object_marker(t, k) {
                    continue;
                }
                if listed(MEASURED_AGAINST, w) && measured_against(s, k) {
                    continue;
                }

                found = Some(Hit { at: k, len, call });
            }
        }
        if found.is_none() {
            let len = if modal_aim(t, k) {
                1
            } else if plan_aim(t, k) || plan_held(t, k) {
                2
            } else {
                0
            };
            if len > 0 {
                found = Some(Hit { at: k, len, call: Call::Target });
            }
        }
        match found {
            Some(h) => {
                out.push(h);
                k += h.len;
            }
            None => k += 1,
        }
    }
    out
}

/// Plans and targets as nouns: what progress or a share is measured against (完成全年计划的82.3%,
/// 占年度目标的60%): after one of [`PROGRESS_WORDS`] a few chars before, no cue.
pub(crate) const MEASURED_AGAINST: &str = "计划|目标";
pub(crate) const PROGRESS_WORDS: &str = "完成|占";
/// How far before the noun the progress word may stand (完成全年计划, 占年度目标).
pub(crate) const PROGRESS_REACH: usize = 4;

/// Whether the plan or target word at `k` follows a progress word (see [`MEASURED_AGAINST`]).
fn measured_against(s: &[char], k: usize) -> bool {
    (k.saturating_sub(PROGRESS_REACH + 2)..k).any(|j| {
        words(PROGRESS_WORDS).any(|w| starts_with(s, j, w))
            && !s[j..k].iter().any(|c| matches!(c, '，' | '。' | '；' | '：'))
    })
}

/// 要 before a task verb (see [`MODAL_AIM`]).
fn modal_aim(t: &Text, k: usize) -> bool {
    let s = &t.chars;
    s[k] == MODAL_AIM
        && !(k > 0 && MODAL_MASKS.contains(&s[k - 1]))
        && words(TASK_VERBS).any(|w| starts_with(s, k + 1, w))
}

/// A plan held for something (均有新建改造计划, 该路段有改造计划): 计划 after 有 a few chars
/// before it in its clause is a target cue, even where the plan noun is masked ([`MASKS`]); not
/// after 没有, 暂无, 已有, 现有 ….
pub(crate) const HAVE: char = '有';
pub(crate) const HAVE_REACH: usize = 8;
pub(crate) const HAVE_MASKS: &[char] = &['没', '无', '已', '现', '共', '拥', '所', '具', '还'];

fn plan_held(t: &Text, k: usize) -> bool {
    let s = &t.chars;
    let (a, _, _) = t.clauses[t.clause_of(k)];
    starts_with(s, k, "计划")
        && (k.saturating_sub(HAVE_REACH).max(a)..k).any(|j| {
            s[j] == HAVE && !(j > 0 && HAVE_MASKS.contains(&s[j - 1])) && s.get(j + 1) != Some(&'关') && !t.in_figure(j)
        })
}

/// 规划 before a task verb (see [`PLAN_AIM`]).
fn plan_aim(t: &Text, k: usize) -> bool {
    starts_with(&t.chars, k, PLAN_AIM) && words(TASK_VERBS).any(|w| starts_with(&t.chars, k + 2, w))
}

/// Whether figure `f` is a task's size (see [`TASK_NOUN`]): 任务 (and a link) right before it or
/// before the figures that run into it.
fn task_size(t: &Text, f: &Figure) -> bool {
    let s = &t.chars;
    if f.amount.kind == FigureKind::Count && listed(TASK_COUNTS, f.amount.unit.as_deref().unwrap_or("")) {
        return false;
    }
    let mut at = f.start as usize;
    // 任务共两批4.02万亩: back over the figures that run into this one.
    while let Some(g) = t.figures.iter().find(|g| g.end as usize == at) {
        at = g.start as usize;
    }
    if at > 0 && TASK_LINKS.contains(&s[at - 1]) {
        at -= 1;
    }
    let (a, _, _) = t.clauses[t.clause_of(f.start as usize)];
    at >= a + 2 && starts_with(s, at - 2, TASK_NOUN) && !any_word(s, a, at, "完成")
}

/// 将 followed in its clause by 纳入, 作为 …: the object marker.
/// The verb must come before the next 将 of the clause: in 将积极协调乡镇将项目纳入2026年项目库
/// the first 将 is the future, the second the object marker.
fn object_marker(t: &Text, at: usize) -> bool {
    // 将全区112家经营户与…建立对应关系: a figure right after 将 (past a scope word) is its object.
    let scope = words(OBJECT_SCOPES).find(|w| starts_with(&t.chars, at + 1, w)).map_or(0, |w| w.chars().count());
    if t.figures.iter().any(|f| f.start as usize == at + 1 + scope && !f.amount.kind.is_time()) {
        return true;
    }
    let (_, mut end, _) = t.clauses[t.clause_of(at)];
    // A quote whose commas cut the clause (将“鼓励发展夜间经济，增加城市烟火气”写入): on past it.
    let s = &t.chars;
    if let Some(q) = (at..end).rev().find(|&k| matches!(s[k], '“' | '”')).filter(|&k| s[k] == '“') {
        if let Some(close) = (q..s.len().min(q + QUOTE_REACH)).find(|&k| s[k] == '”') {
            end = t.clauses[t.clause_of(close)].1;
        }
    }
    let end = (at + 1..end).find(|&k| t.chars[k] == '将' && !t.in_figure(k)).unwrap_or(end);
    (at + 1..end).any(|k| words(OBJECT_VERBS).any(|v| starts_with(&t.chars, k, v)))
}

/// The cue nearest before `at` in clause `c`, else the nearest after `after`.
fn nearest(hits: &[Hit], t: &Text, c: usize, at: usize, after: usize) -> Option<Call> {
    let (a, b, _) = t.clauses[c];
    let before = hits.iter().rev().find(|h| h.at >= a && h.at + h.len <= at);
    let later = || hits.iter().find(|h| h.at >= after && h.at < b);
    before.or_else(later).map(|h| h.call)
}

fn any_word(s: &[char], a: usize, b: usize, list: &str) -> bool {
    (a..b).any(|k| words(list).any(|w| starts_with(s, k, w)))
}

/// A comparison with the past in clause `c`.
fn compared(t: &Text, c: usize) -> bool {
    let (a, b, _) = t.clauses[c];
    (a..b).any(|k| !t.in_figure(k) && words(COMPARISON_CUES).any(|w| stands(&t.chars, k, w, MASKS)))
}

/// Whether figure `f` is a rule's rate (see [`NORM_BEFORE`]).
fn norm(t: &Text, c: usize, f: &Figure) -> bool {
    let s = &t.chars;
    let (a, b, _) = t.clauses[c];
    let (start, end) = (f.start as usize, f.end as usize);
    // 按投资额的30% is a rate; 占第三产业投资的33.1% is a share, a measure.
    // 完成年度计划的55%: the share of a plan done, a measure too.
    let share = (a..start).any(|k| (s[k] == '占' || starts_with(s, k, "完成")) && !t.in_figure(k));
    // 从2021年的27%: the value at a date, no rate.
    let dated = start >= 2 && t.in_figure(start - 2);
    let of_rate = f.amount.kind == FigureKind::Percent && start > 0 && s[start - 1] == '的' && !share && !dated;
    let per_head = matches!(s.get(end), Some('/' | '／')) && !words(PER_TIME).any(|w| starts_with(s, end + 1, w));
    if of_rate || per_head {
        return true;
    }
    let before = (a..start).any(|k| words(NORM_BEFORE).any(|w| stands(s, k, w, NORM_MASKS)));
    let after = (end..b).any(|k| words(NORM_AFTER).any(|w| starts_with(s, k, w)));
    let bound = matches!(f.amount.qualifier, Some(Qualifier::Under | Qualifier::AtLeast));
    // A cap on a grant (补助不超过3000万元) is a rule; a floor (安排不少于10亿元资金) may be a promise.
    let cap = f.amount.qualifier == Some(Qualifier::Under);
    (before || after || cap) && any_word(s, a, b, GRANTS) || (bound && before)
}

/// A grant's amount (予以一次性20万元的补助, 给予50万元的奖励): the rate of a rule even where a
/// cue stands in the clause (将继续予以…).
pub(crate) const GRANT_VERBS: &str = "予以|给予";
pub(crate) const GRANT_NOUNS_AFTER: &str = "的补助|的补贴|的奖励|的资助|的奖补";

fn granted_rate(t: &Text, c: usize, f: &Figure) -> bool {
    let s = &t.chars;
    let (a, _, _) = t.clauses[c];
    let (start, end) = (f.start as usize, f.end as usize);
    f.amount.kind == FigureKind::Money
        && words(GRANT_NOUNS_AFTER).any(|w| starts_with(s, end, w))
        && (a..start).any(|k| words(GRANT_VERBS).any(|w| starts_with(s, k, w)))
}

/// A count that measures nothing: the proposal's authors (三位代表), a span of years that says
/// when (近5年来), a phase (电厂二期).
pub(crate) fn not_a_measure(t: &Text, f: &Figure) -> bool {
    let s = &t.chars;
    let (start, end) = (f.start as usize, f.end as usize);
    if f.amount.kind != FigureKind::Count {
        return false;
    }
    let unit = f.amount.unit.as_deref().unwrap_or("");
    // 尚路鹏(等4位)代表: past a closing bracket; 10件代表建议 counts proposals, a measure.
    let past = (end..s.len()).find(|&k| !matches!(s[k], ')' | '）')).unwrap_or(end);
    let authors = words(NOT_MEASURES).any(|w| {
        // 两位代表提案: persons (位, 名) are the authors whatever follows.
        starts_with(s, past, w)
            && (matches!(unit, "位" | "名")
                || !words(PROPOSAL_TITLES).any(|p| starts_with(s, past + w.chars().count(), p)))
    });
    // 附：征询意见表3份: what goes with the letter, no measure.
    let from = (0..s.len()).find(|&k| !s[k].is_whitespace()).unwrap_or(0);
    let attached = words(ATTACHED).any(|w| starts_with(s, from, w));
    // 五年多时间: a span with more to it.
    let after = if matches!(s.get(end), Some('多' | '余')) { end + 1 } else { end };
    let span = unit == "年"
        && (words(SPANS).any(|w| starts_with(s, after, w))
            || words(SPANS_BEFORE).any(|w| {
                let n = w.chars().count();
                start >= n && starts_with(s, start - n, w)
            })
            || words(SPANS_OPENING).any(|w| starts_with(s, start, w)));
    let phase = unit == "期"
        && !s[start].is_ascii_digit()
        && !words(PHASE_COUNTS).any(|w| {
            let n = w.chars().count();
            start >= n && starts_with(s, start - n, w)
        });
    // 保庆花园10幢10单元: a building's number in an address.
    let address = listed(ADDRESS_UNITS, unit) && s.get(end).is_some_and(char::is_ascii_digit);
    let issuers = start > 0 && s[start - 1] == '等' && words(ISSUERS_AFTER).any(|w| starts_with(s, end, w));
    // 三个100%: a count of the values that follow it.
    // 两批4.02万亩: the parts a total comes in.
    let of_values = t.figures.iter().any(|g| {
        g.start as usize == end
            && (g.amount.kind == FigureKind::Percent && g.amount.qualifier.is_none()
                || listed(PARTS, unit) && matches!(g.amount.kind, FigureKind::Money | FigureKind::Count))
    });
    // 两类养生元素, 四、五类桥梁: kinds named or a class's rank.
    let kinds = unit == KINDS;
    // 15分钟健身圈, 1小时经济圈: a time that names a class of area.
    let circle = listed(CIRCLE_UNITS, unit)
        && s[end..s.len().min(end + CIRCLE_REACH)].iter().take_while(|c| is_han(**c)).any(|&c| c == CIRCLE);
    // 距高速出口1km处, 距社区1公里内: a distance that places something.
    let (a, _, _) = t.clauses[t.clause_of(start)];
    let placed = listed(LENGTH_UNITS, unit)
        && words(PLACED_AFTER).any(|w| starts_with(s, end, w))
        && (a..start).any(|k| PLACE_WORDS.contains(&s[k]) && !t.in_figure(k));
    // 八家台, 三家村: a place's name, no count.
    let named = unit == "家" && !s[start].is_ascii_digit() && s.get(end).is_some_and(|c| PLACE_NAME_ENDS.contains(c));
    authors || span || phase || address || issuers || of_values || attached || kinds || circle || placed || named
}

/// Units of the parts a total comes in (两批4.02万亩, 分两期1.2亿元): a count of them right before the
/// total's figure numbers its parts, no measure.
pub(crate) const PARTS: &str = "批|期|轮";

/// Chars that end a place's name after a count of 家 in Chinese numerals (八家台, 三家村, 五家子).
pub(crate) const PLACE_NAME_ENDS: &[char] = &['台', '村', '庄', '湾', '沟', '屯', '营', '寨', '子', '堡'];

/// The unit of a count of kinds (两类元素) or of a class's rank (五类桥梁): no measure.
pub(crate) const KINDS: &str = "类";
/// A time followed within [`CIRCLE_REACH`] chars of its words by 圈 names a class of area
/// (15分钟健身圈, 15分钟便民生活圈): no measure.
pub(crate) const CIRCLE_UNITS: &str = "分钟|小时";
pub(crate) const CIRCLE: char = '圈';
pub(crate) const CIRCLE_REACH: usize = 6;
/// A length after 距 or 离 in its clause and before one of [`PLACED_AFTER`] says where something
/// is (距高速西出口1km处, 在距社区1公里内): no measure.
pub(crate) const LENGTH_UNITS: &str = "公里|千米|米|km|m|里";
pub(crate) const PLACED_AFTER: &str = "处|内|以内|范围内";
pub(crate) const PLACE_WORDS: &[char] = &['距', '离'];

/// Words that open a line of what goes with a letter (附：…意见表3份): its counts measure nothing.
pub(crate) const ATTACHED: &str = "附：|附:";

/// How far a quote or bracket around a figure is looked for (chars): a long text costs its length.
pub(crate) const QUOTE_REACH: usize = 120;

/// Words that open a definition in brackets (规模化养殖标准(猪年存栏500头以上，鸡年存栏10000羽以上)):
/// the figures inside are the rule's, neither target nor result.
pub(crate) const DEFINED: &str = "标准|条件|要求|规定";

/// Whether figure `f` stands in brackets opened right after one of [`DEFINED`].
pub(crate) fn defined(t: &Text, f: &Figure) -> bool {
    let s = &t.chars;
    let mut k = f.start as usize;
    let stop = k.saturating_sub(QUOTE_REACH);
    while k > stop {
        k -= 1;
        match s[k] {
            '(' | '（' => return words(DEFINED).any(|w| k >= 2 && starts_with(s, k - 2, w)),
            ')' | '）' | '。' | '\n' => return false,
            _ => {}
        }
    }
    false
}

/// Units of a building's parts: a count of them followed at once by another number is an
/// address (10幢10单元, 5号楼3层), no measure.
pub(crate) const ADDRESS_UNITS: &str = "幢|栋|号|号楼|楼|层|单元";

/// A bound that names a class (流域面积200平方公里以下的中小河流, 厚度低于0.01毫米的地膜,
/// 产值亿元以上的企业): a bound figure followed by 的 is neither target nor result — the bound's
/// words at the figure's end …
pub(crate) const CLASS_BOUND_ENDS: &str = "以上|以下|以内";
/// … or at its start (超 as 超过: 营业收入超亿元的企业).
pub(crate) const CLASS_BOUND_STARTS: &str = "低于|高于|超过|超|不足|不到|不超过";

/// A bound ending in [`CLASS_BOUND_ENDS`] names a class without a 的 too when a noun follows it
/// at once (十亿元以上项目11个, 3年以上企业工作经历): any char but these, which go on with the
/// sentence instead (以上和…, 以上，…). Not a count of things: 建设5个以上示范点 promises at least 5.
pub(crate) const CLASS_BOUND_GOING_ON: &[char] = &['和', '及', '与', '或', '等', '是', '为', '的'];

/// Measure words of things counted (5个以上示范点: at least 5 of them, no class).
pub(crate) const THINGS: &str = "个|家|所|项|名|人|座|条|处|台|套|户|件|支|批|只|辆|栋|位|种";

/// Nouns after a bound that make it a level to reach, no class (产值100亿元以上目标).
pub(crate) const CLASS_BOUND_LEVELS: &str = "目标|水平|规模|任务";

/// Verbs right before a bound that make it a level to reach or hold, no class (稳定保障1.2万亿斤以上
/// 粮食产能, 达到100亿元以上规模).
pub(crate) const LEVEL_BEFORE: &str = "达到|保障|保持|稳定在|实现|突破";

/// Words right before a figure that make it a condition (坡度大于25度, 小于5吨的车辆): neither.
pub(crate) const CONDITION_BEFORE: &str = "大于|小于|不大于|不小于|大于等于|小于等于";

/// Nouns that a figure names a class of when a count of them follows (其中10亿元项目2个).
pub(crate) const CLASS_NOUNS: &str = "项目|企业|工程";

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Whether figure `f` is a bound that names a class (see [`CLASS_BOUND_ENDS`]), a condition
/// (see [`CONDITION_BEFORE`]) or the class of a count (see [`CLASS_NOUNS`]).
pub(crate) fn class_bound(t: &Text, f: &Figure) -> bool {
    let s = &t.chars;
    let (start, end) = (f.start as usize, f.end as usize);
    if f.amount.kind.is_time() {
        return false;
    }
    let before = |w: &str| {
        let n = w.chars().count();
        start >= n && starts_with(s, start - n, w)
    };
    if words(CONDITION_BEFORE).any(before) {
        return true;
    }
    if words(LEVEL_BEFORE).any(before) {
        return false;
    }
    // 11台超过三分之二业主有加装意愿的小区单元: a bound right after a count says which it counts.
    let after_count = t.figures.iter().any(|g| g.end as usize == start && g.amount.kind == FigureKind::Count);
    if after_count && words(CLASS_BOUND_STARTS).any(|w| starts_with(s, start, w)) {
        return true;
    }
    let ends = words(CLASS_BOUND_ENDS).any(|w| {
        let n = w.chars().count();
        end >= start + n && starts_with(s, end - n, w)
    });
    let next = s.get(end).copied();
    if next == Some('的') {
        return ends || words(CLASS_BOUND_STARTS).any(|w| starts_with(s, start, w));
    }
    let of_things = f.amount.kind == FigureKind::Count && listed(THINGS, f.amount.unit.as_deref().unwrap_or(""));
    let level = words(CLASS_BOUND_LEVELS).any(|w| starts_with(s, end, w));
    if ends && !of_things && !level && next.is_some_and(|c| is_han(c) && !CLASS_BOUND_GOING_ON.contains(&c)) {
        return true;
    }
    // 10亿元项目2个: the amount names the projects counted.
    f.amount.kind != FigureKind::Count
        && words(CLASS_NOUNS).any(|w| {
            let n = w.chars().count();
            starts_with(s, end, w)
                && t.figures.iter().any(|g| g.start as usize == end + n && g.amount.kind == FigureKind::Count)
        })
}

/// A frequency or a period of a rule: a count of time right after 每 (每5年), a count of times
/// or days in a clause where 每 stands before a time word (每年调整1次, 每周5天), a period of a
/// cycle (5年一周期).
pub(crate) const EVERY: &str = "每";
pub(crate) const EVERY_TIMES: &str = "年|月|周|日|天|季|学期";
pub(crate) const FREQUENCY_UNITS: &str = "次|天|回";
pub(crate) const CYCLE_AFTER: &str = "一周期|为一周期|一个周期|一轮";

/// Whether figure `f` is a frequency or period (see [`EVERY`]).
pub(crate) fn frequency(t: &Text, f: &Figure) -> bool {
    let s = &t.chars;
    let (start, end) = (f.start as usize, f.end as usize);
    if f.amount.kind != FigureKind::Count {
        return false;
    }
    let unit = f.amount.unit.as_deref().unwrap_or("");
    let timed = listed(PER_TIME, unit) || unit == "周" || unit == "个月";
    if timed && start > 0 && starts_with(s, start - 1, EVERY) {
        return true;
    }
    if timed && words(CYCLE_AFTER).any(|w| starts_with(s, end, w)) {
        return true;
    }
    let (a, _, _) = t.clauses[t.clause_of(start)];
    listed(FREQUENCY_UNITS, unit)
        && (a..start).any(|k| {
            starts_with(s, k, EVERY)
                && (words(EVERY_TIMES).any(|w| starts_with(s, k + 1, w))
                    || t.figures.iter().any(|g| g.start as usize == k + 1 && g.amount.kind == FigureKind::Count))
        })
}

/// Dimensions a standard sets (路面宽度为3.5米及以上): a bound figure after one of these in its
/// clause is a standard's, neither target nor result.
pub(crate) const DIMENSIONS: &str = "宽度|高度|厚度|深度|净宽|净高|净空|间距|半径|坡度|路面宽|路基宽";
/// Words after a figure that bound it (3.5米及以上, 5米以下).
pub(crate) const BOUND_AFTER: &str = "及以上|以上|及以下|以下";

/// Whether figure `f` is a standard's bound (see [`DIMENSIONS`]).
pub(crate) fn standard(t: &Text, f: &Figure) -> bool {
    let s = &t.chars;
    let (start, end) = (f.start as usize, f.end as usize);
    let (a, _, _) = t.clauses[t.clause_of(start)];
    let bound =
        f.amount.qualifier.is_some_and(|q| matches!(q, Qualifier::Under | Qualifier::AtLeast | Qualifier::Over))
            || words(BOUND_AFTER).any(|w| starts_with(s, end, w));
    bound && f.amount.kind != FigureKind::Money && (a..start).any(|k| words(DIMENSIONS).any(|w| starts_with(s, k, w)))
}

/// Words right before a count of days that make it the length of a schedule whose dates its
/// sentence gives (2月7日至13日放假调休，共7天): neither.
pub(crate) const SPAN_BEFORE: &str = "共|为期|连续";
/// Units of such a length.
pub(crate) const DAY_UNITS: &str = "天|日|个工作日|工作日";

/// A figure between 在 and 基础上 of its clause (各地在巩固拨款水平达到12000元的基础上，…): what a
/// plan builds on, neither its target nor, with no result cue of its own, a result.
pub(crate) const BASE: (&str, &str) = ("在", "基础上");

fn base(t: &Text, hits: &[Hit], c: usize, f: &Figure) -> bool {
    let (a, b, _) = t.clauses[c];
    any_word(&t.chars, a, f.start as usize, BASE.0)
        && any_word(&t.chars, f.end as usize, b, BASE.1)
        && !hits.iter().any(|h| h.at >= a && h.at < b && h.call == Call::Result)
}

/// Whether figure `f` is a schedule's length (see [`SPAN_BEFORE`]).
pub(crate) fn schedule_span(t: &Text, f: &Figure) -> bool {
    let start = f.start as usize;
    let days = f.amount.kind == FigureKind::Count && listed(DAY_UNITS, f.amount.unit.as_deref().unwrap_or(""));
    let led = words(SPAN_BEFORE).any(|w| {
        let n = w.chars().count();
        start >= n && starts_with(&t.chars, start - n, w)
    });
    let (_, _, sentence) = t.clauses[t.clause_of(start)];
    let clauses = t.sentence_clauses(sentence);
    let dated = clauses.clone().any(|c| t.figures_in(c).any(|j| t.figures[j].amount.kind == FigureKind::Date));
    // 为期三个月的活动: 为期 gives an event's length, dated or not.
    let unit = f.amount.unit.as_deref().unwrap_or("");
    let lasting = start >= 2 && starts_with(&t.chars, start - 2, LASTING) && listed(DURATION_UNITS, unit);
    days && led && dated || f.amount.kind == FigureKind::Count && lasting
}

/// The word before an event's length (为期三个月, 为期2天): see [`schedule_span`].
pub(crate) const LASTING: &str = "为期";

/// What a figure no cue, date, comparison or plan decides gets: a result (a reply reports what
/// stands), except a length of time (学前三年毛入学率, 实习时间一般为6个月: a duration says how
/// long, it reports nothing; but 连续作业15天, after [`SPAN_BEFORE`] in its clause, measures a work,
/// and so does a length reached or bounded, 时限压减至2天以内) and an
/// amount or share of a grant (对获得驰名商标的企业一次性奖励
/// 20万元: a rule's rate), which are neither. Units of a length of time:
pub(crate) const DURATION_UNITS: &str = "年|个月|月|周|天|日|小时";
/// Words of a grant in the clause of an amount or share with no cue (see [`DURATION_UNITS`]).
pub(crate) const GRANT_WORDS: &str = "奖励|补助|补贴|资助|奖补|贴息";

/// Whether figure `f` of clause `c`, which nothing else decides, is neither rather than a
/// result (see [`DURATION_UNITS`], [`GRANT_WORDS`]).
pub(crate) fn unmeasured_by_default(t: &Text, c: usize, f: &Figure) -> bool {
    let (a, b, _) = t.clauses[c];
    let unit = f.amount.unit.as_deref().unwrap_or("");
    // 连续作业15天, 为期3个月: how long a work went on, a measure of it.
    let led = (a..f.start as usize).any(|k| words(SPAN_BEFORE).any(|w| starts_with(&t.chars, k, w)));
    // 办电时限压减至2天以内: a length reached, or bounded, measures a service.
    let start = f.start as usize;
    let bound = matches!(f.amount.qualifier, Some(Qualifier::Under | Qualifier::AtLeast | Qualifier::Over));
    let reached = bound || (start > 0 && matches!(t.chars[start - 1], '至' | '到'));
    let duration = f.amount.kind == FigureKind::Count && listed(DURATION_UNITS, unit) && !led && !reached;
    let money = matches!(f.amount.kind, FigureKind::Money | FigureKind::Percent);
    let grant = money && (a..b).any(|k| !t.in_figure(k) && words(GRANT_WORDS).any(|w| starts_with(&t.chars, k, w)));
    duration || grant
}

/// Words of a project's description (该项目总投资525万元，建设内容：对1500亩…土地平整): a
/// figure of their sentence that no cue, date, comparison or plan decides tells a project's size
/// without tense, neither target nor result — when the word opens what it describes: a figure or
/// one of [`DESCRIPTION_OPENS`] follows it (not 在建设规模、技术研发等方面, a topic).
pub(crate) const DESCRIPTION_WORDS: &str = "总投资|建设内容|建设规模";
pub(crate) const DESCRIPTION_OPENS: &[char] = &['为', '是', '：', ':', '约', '额'];

/// Whether the sentence of clause `c` describes a project (see [`DESCRIPTION_WORDS`]).
pub(crate) fn described(t: &Text, c: usize) -> bool {
    let range = t.sentence_clauses(t.clauses[c].2);
    let (a, b) = (t.clauses[range.start].0, t.clauses[range.end - 1].1);
    (a..b).any(|k| {
        words(DESCRIPTION_WORDS).any(|w| {
            let e = k + w.chars().count();
            starts_with(&t.chars, k, w)
                && !t.in_figure(k)
                && (t.in_figure(e) || t.chars.get(e).is_some_and(|c| DESCRIPTION_OPENS.contains(c)))
        })
    })
}

/// Words before a date that make it the subject a document is about (关于2016年部分节假日安排的通知):
/// no deadline.
pub(crate) const SUBJECT_BEFORE: &str = "关于";

/// Words right before a date that make it the year of what they take (拟使用2025年省级水利发展
/// 资金42万元, 建设资金随2024年指标下达): a fund's year, no deadline of the clause's figures. Not
/// 列入 or 纳入: entering next year's plan (纳入2026年项目库) says when.
pub(crate) const ATTRIBUTE_BEFORE: &str = "使用|随";

/// After a year, it names the year a fund, quota or programme belongs to (2019年度护林员指标):
/// no deadline.
pub(crate) const YEAR_OF: char = '度';

/// Verbs right before a year that put something into a plan, budget or list of that year
/// (建设指标列入2024年全市计划, 成功入选2020年候选名单): the year names the plan, no deadline —
/// unless a target cue before it in its clause puts the thing in (将项目纳入2026年项目库,
/// 计划…纳入2024年…: when it is planned for).
pub(crate) const ENTRY_BEFORE: &str = "列入|纳入|入选";

/// Whether date `f` names the subject of a document (see [`SUBJECT_BEFORE`]), the year of a
/// programme or fund (see [`ATTRIBUTE_BEFORE`]) or of a plan no target puts anything into (see
/// [`ENTRY_BEFORE`]).
fn named_year(t: &Text, f: &Figure) -> bool {
    let start = f.start as usize;
    let s = &t.chars;
    if words(ENTRY_BEFORE).any(|w| start >= 2 && starts_with(s, start - 2, w)) {
        let (a, _, _) = t.clauses[t.clause_of(start)];
        let aimed = (a..start).any(|k| !t.in_figure(k) && words(TARGET_CUES).any(|w| stands(s, k, w, MASKS)));
        if !aimed {
            return true;
        }
    }
    // 《盘锦市城市总体规划》(2011—2020): the period of the document named.
    if start >= 2 && matches!(t.chars[start - 1], '(' | '（') && t.chars[start - 2] == '》' {
        return true;
    }
    // 2019年度护林员指标, 2023年度第三批用地: the year a fund, quota or programme belongs to.
    let end = f.end as usize;
    if end > 0 && t.chars[end - 1] == '年' && t.chars.get(end) == Some(&YEAR_OF) {
        return true;
    }
    words(SUBJECT_BEFORE).chain(words(ATTRIBUTE_BEFORE)).any(|w| {
        let n = w.chars().count();
        start >= n && starts_with(&t.chars, start - n, w)
    })
}

/// Whether date `f` opens a range (2018年12月30日至2019年1月1日) or closes one.
fn in_range(t: &Text, f: &Figure) -> bool {
    let end = f.end as usize;
    // The range's end may be no figure of its own (2月10日至17日).
    let opens = matches!(t.chars.get(end), Some('至' | '-' | '—' | '～' | '~'))
        && t.chars.get(end + 1).is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c));
    opens || range_end(t, f)
}

/// Words right before a count that refer back to what was named (上述两个表格): neither.
pub(crate) const REFERRING: &str = "上述|前述|此";

/// Words of a page's counters (浏览:301次, 评论列表(0条)): on a short line, their count is the
/// page's, no measure of the reply.
pub(crate) const PAGE_COUNTERS: &str = "浏览|点击|阅读|访问|评论";
/// How long a line of a page's chrome may be.
pub(crate) const CHROME_LINE: usize = 40;

/// Whether figure `f` is the page's rather than the reply's: a count alone on its line (20期, a
/// bulletin's issue) or a page's counter on a short line (see [`PAGE_COUNTERS`]).
pub(crate) fn chrome(t: &Text, f: &Figure) -> bool {
    let s = &t.chars;
    let start = f.start as usize;
    let counter = s.len() <= CHROME_LINE
        && (start.saturating_sub(8)..start).any(|k| words(PAGE_COUNTERS).any(|w| starts_with(s, k, w)));
    !f.amount.kind.is_time() && (alone_on_line(t, f) || counter)
}

/// Labels of a page's or letter's own date (发布时间：2023-08-02, 成文日期：…): the date after
/// one (and a colon) is a date line, never a deadline.
pub(crate) const DATE_LABELS: &str = "日期|发布时间|发文时间|公开时间|更新时间|答复时间";

fn labelled(t: &Text, f: &Figure) -> bool {
    let s = &t.chars;
    let mut k = f.start as usize;
    while k > 0 && matches!(s[k - 1], ' ' | '：' | ':' | '\u{3000}') {
        k -= 1;
    }
    k < f.start as usize
        && words(DATE_LABELS).any(|w| {
            let n = w.chars().count();
            k >= n && starts_with(s, k - n, w)
        })
}

/// A word opening a clause that points back at the time its sentence named as still to come.
pub(crate) const THEN: &str = "届时";

/// Whether the clause after `c`, in its sentence, opens with [`THEN`].
fn then_after(t: &Text, c: usize) -> bool {
    let Some(&(a, b, s)) = t.clauses.get(c + 1) else { return false };
    let from = (a..b).find(|&k| !t.chars[k].is_whitespace()).unwrap_or(b);
    s == t.clauses[c].2 && starts_with(&t.chars, from, THEN)
}

/// Whether figure `f` stands alone on its line: a count there is the page's (20期); a date there
/// is a date line (the page's or the letter's), never a deadline.
pub(crate) fn alone_on_line(t: &Text, f: &Figure) -> bool {
    let s = &t.chars;
    let bare = |k: usize| !is_han(s[k]) && !s[k].is_ascii_alphanumeric();
    (0..f.start as usize).all(bare) && (f.end as usize..s.len()).all(bare)
}

/// Whether figure `f` refers back (see [`REFERRING`]) in a clause with no cue of its own (上述3个
/// 项目预计年底完工 says when they will be done: a target).
fn refers_back(t: &Text, hits: &[Hit], f: &Figure) -> bool {
    let start = f.start as usize;
    let (a, b, _) = t.clauses[t.clause_of(start)];
    let after = |w: &str| {
        let n = w.chars().count();
        start >= n && starts_with(&t.chars, start - n, w)
    };
    f.amount.kind == FigureKind::Count
        && (!hits.iter().any(|h| h.at >= a && h.at < b) && words(REFERRING).any(after) || after(REFERRING_AHEAD))
}

/// The word before a count of the text's own list to come (做了以下三项工作, 从以下三点): neither,
/// whatever its clause says.
pub(crate) const REFERRING_AHEAD: &str = "以下";

/// Whether clause `c` is a rule's (see [`RULE_WORDS`]).
fn rule_clause(t: &Text, c: usize) -> bool {
    let (a, b, _) = t.clauses[c];
    (a..b).any(|k| !t.in_figure(k) && words(RULE_WORDS).any(|w| stands(&t.chars, k, w, RULE_MASKS)))
}

/// A document's formula that presents what follows (现将2016年…放假安排通知如下, 现就有关事项
///通知如下): a date in it names what the document is about, no deadline.
pub(crate) const FORMULA_OPENERS: &str = "现将|现就|特将";

/// Whether clause `c` opens with one of [`FORMULA_OPENERS`].
fn formula_clause(t: &Text, c: usize) -> bool {
    let (a, b, _) = t.clauses[c];
    let from = (a..b).find(|&k| !t.chars[k].is_whitespace()).unwrap_or(b);
    words(FORMULA_OPENERS).any(|w| starts_with(&t.chars, from, w))
}

/// Whether clause `c` sets when a rule holds (see [`VALIDITY_WORDS`]).
fn validity_clause(t: &Text, c: usize) -> bool {
    let (a, b, _) = t.clauses[c];
    (a..b).any(|k| !t.in_figure(k) && words(VALIDITY_WORDS).any(|w| starts_with(&t.chars, k, w)))
}

/// A date written as a deadline: 到2025年, 2025年底前.
pub(crate) fn deadline_form(t: &Text, f: &Figure) -> bool {
    let s = &t.chars;
    let (start, end) = (f.start as usize, f.end as usize);
    // 于 and 在 say when, a deadline only when now tells that the date is ahead.
    let before = words(DEADLINE_BEFORE).any(|w| {
        let n = w.chars().count();
        start >= n && starts_with(s, start - n, w) && (t.dated || matches!(w, "到" | "至"))
    }) && !(start >= 2 && matches!(s[start - 2], '截' | '止'))
        && !range_end(t, f);
    let after = words(DEADLINE_AFTER).any(|w| starts_with(s, glossed(s, end), w));
    before || after
}

/// Whether date `f` closes a range (2018年12月30日至2019年1月1日, 2月7日至13日): the 至 after a
/// date is no deadline's 到.
fn range_end(t: &Text, f: &Figure) -> bool {
    let start = f.start as usize;
    let (a, _, _) = t.clauses[t.clause_of(start)];
    start >= 2
        && matches!(t.chars[start - 1], '至' | '到' | '-' | '—' | '～' | '~')
        && (t.in_figure(start - 2) && t.figures.iter().any(|g| g.end as usize == start - 1 && g.amount.kind.is_time())
            // 延长春节假期至2月2日, 政策延期至2025年底: the new end of a span, no deadline.
            || any_word(&t.chars, a, start, EXTENDED))
}

/// Verbs that move a span's end (延长假期至…, 顺延至…): the date after their 至 or 到 ends it.
pub(crate) const EXTENDED: &str = "延长|延期|顺延|推迟|延至";

/// What the dates of clause `c` (but figure `skip`) say: a deadline or a later date → target; an
/// earlier date → result (the nearest to `at`, before it first).
fn dated(t: &Text, c: usize, skip: Option<usize>, at: usize, now: Option<Now>) -> Option<Call> {
    // 本意见自2022年6月1日起施行，有效期5年: when a rule holds, no tense of its sentence.
    if validity_clause(t, c) {
        return None;
    }
    let times: Vec<usize> =
        t.figures_in(c).filter(|&j| Some(j) != skip && t.figures[j].amount.kind.is_time()).collect();
    if times.iter().any(|&j| deadline_form(t, t.figures[j]) && when(t.figures[j], now) != Some(When::Past)) {
        return Some(Call::Target);
    }
    let before = times.iter().rev().find(|&&j| (t.figures[j].end as usize) <= at);
    let pick = before.or_else(|| times.iter().find(|&&j| (t.figures[j].start as usize) >= at))?;
    let g = t.figures[*pick];
    match when(g, now)? {
        When::Past => Some(Call::Result),
        When::Future => Some(Call::Target),
        // The year's works told in its last month (其中2021年改造行政村9个, in December 2021).
        When::Current if g.date.is_none() && now.and_then(|n| n.month) == Some(12) && !named_year(t, g) => {
            Some(Call::Result)
        }
        When::Current => None,
    }
}

/// What a figure's own clause decides, in the order of the precedence (module docs of
/// [`super::promise`]): a cue (2), a rule's rate (3), a deadline or later date (4), the sentence's
/// or the plan's target (5), a total or comparison (6), an earlier date (7).
fn own_call(t: &Text, hits: &[Hit], c: usize, i: usize, carry: Option<Call>, now: Option<Now>) -> Option<Call> {
    let f = t.figures[i];
    if granted_rate(t, c, f) {
        note!("neither: granted rate");
        return Some(Call::Neither);
    }
    // A cap stays a cap whatever its date (批准2007年末国债余额限额调整为53365.53亿元).
    if any_word(&t.chars, t.clauses[c].0, f.start as usize, LIMITS) {
        note!("neither: a limit");
        return Some(Call::Neither);
    }
    if let Some(call) = nearest(hits, t, c, f.start as usize, f.end as usize) {
        #[cfg(not(target_arch = "wasm32"))]
        {
            let (a, b, _) = t.clauses[c];
            let (at, end) = (f.start as usize, f.end as usize);
            let h = hits.iter().rev().find(|h| h.at >= a && h.at + h.len <= at);
            let h = h.or_else(|| hits.iter().find(|h| h.at >= end && h.at < b)).expect("a hit");
            let w: String = t.chars[h.at..h.at + h.len].iter().collect();
            note!("{} cue {w}", if call == Call::Target { "target" } else { "result" });
        }
        return Some(call);
    }
    // What a task sets is aimed at, when nothing of its sentence reports: no cue of its clause, no
    // result cue of the sentence (下达任务5000亩，已全部完成), no date of an earlier year (2021年下达
    // 任务1.2万亩: a past year's task).
    let earlier = t.sentence_clauses(t.clauses[c].2).flat_map(|d| t.figures_in(d)).any(|j| {
        let g = t.figures[j];
        g.amount.kind.is_time() && now.is_some_and(|n| (g.amount.high.unwrap_or(g.amount.value) as i32) < n.year)
    });
    if task_size(t, f) && !earlier && !sentence_reports(hits, t, c) {
        note!("target: a task's size");
        return Some(Call::Target);
    }
    // A rule's rate stays one in a plan (今年计划募集岗位…，按最低工资的80%给予补贴).
    if norm(t, c, f) {
        note!("neither: rule's rate");
        return Some(Call::Neither);
    }
    let date = dated(t, c, Some(i), f.start as usize, now);
    // A plan paragraph is a target unless its sentence said otherwise (step 9, taken early so
    // that 同比增长 in a plan stays a target).
    // A past date of its own clause beats the target its sentence carries (…五年计划总投资2.40亿元。
    // 其中2021年改造行政村9个, in December 2021).
    let carried = carry == Some(Call::Target) && date != Some(Call::Result);
    // The clause's own tense beats its paragraph's: an earlier date in a plan paragraph (下一步…。
    // 2022年已…, 2022年改造9个) tells what was done.
    let planned = carry.is_none() && t.plan && date != Some(Call::Result) && !compared(t, c);
    // A rule's bound stays a rule in a plan paragraph (下一步…，公园绿地率应当不低于65%).
    if date.is_none() && (carried || planned) && rule_clause(t, c) {
        note!("neither: rule clause");
        return Some(Call::Neither);
    }
    if date == Some(Call::Target) || carried || planned {
        note!(
            "{}",
            if date == Some(Call::Target) {
                "target: deadline or later date of its clause"
            } else if carried {
                "target: sentence carries"
            } else {
                "target: plan paragraph"
            }
        );
        return Some(Call::Target);
    }
    // A regulation's rule or standard, when no date of the clause reports (step 5b); how long a
    // rule holds (有效期5年).
    if date.is_none() && (rule_clause(t, c) || validity_clause(t, c)) {
        note!("neither: rule clause");
        return Some(Call::Neither);
    }
    if compared(t, c) {
        note!("result: comparison or total");
        return Some(Call::Result);
    }
    note!("result: earlier date of its clause");
    date
}

/// What a clause decides for the clauses after it in its sentence.
fn clause_call(t: &Text, hits: &[Hit], c: usize, now: Option<Now>) -> Option<Call> {
    let (a, b, _) = t.clauses[c];
    if let Some(h) = hits.iter().rev().find(|h| h.at >= a && h.at < b) {
        return Some(h.call);
    }
    let date = dated(t, c, None, b, now);
    if date == Some(Call::Target) {
        return date;
    }
    if compared(t, c) {
        return Some(Call::Result);
    }
    date
}

/// The stance of every figure of the text, and each target's deadline.
pub(crate) fn decide(t: &Text, now: Option<Now>) -> Vec<(Call, Option<String>)> {
    let n = t.figures.len();
    let mut out: Vec<(Call, Option<String>)> = vec![(Call::Neither, None); n];
    #[cfg(not(target_arch = "wasm32"))]
    let mut why = vec![String::from("outside the body"); n];
    if t.place != Place::Body {
        #[cfg(not(target_arch = "wasm32"))]
        trace::WHY.with(|w| *w.borrow_mut() = why);
        return out;
    }
    let mut hits = hits(t);
    // Going on, ensuring, striving say no tense: after an earlier date of their sentence they tell
    // what was done (2022年，我局确保投入资金300万元).
    for h in &mut hits {
        if h.call == Call::Target && words(ASPECT_CUES).any(|w| starts_with(&t.chars, h.at, w)) {
            let c = t.clause_of(h.at);
            let first = t.sentence_clauses(t.clauses[c].2).start;
            // The sentence's opening clause and the cue's own (a long sentence costs no more).
            let past = [first, c].into_iter().flat_map(|d| t.figures_in(d)).any(|j| {
                let g = t.figures[j];
                (g.end as usize) <= h.at && when(g, now) == Some(When::Past)
            });
            if past {
                h.call = Call::Result;
            }
        }
    }
    let mut carry: Option<Call> = None;
    let mut sentence = usize::MAX;
    // A lead that sets the text's horizon (到2022年，…): the date figure; it carries over the
    // sentences after it, to figures no cue of their own decides.
    let mut horizon: Option<usize> = None;
    let mut lead: Option<Call> = None;
    let mut horizons: Vec<Option<usize>> = vec![None; n];
    for c in 0..t.clauses.len() {
        let (a, _, s) = t.clauses[c];
        if s != sentence {
            if list_item(&t.chars, a) {
                carry = lead;
            } else if !words(GOING_ON).any(|w| starts_with(&t.chars, a, w)) {
                carry = None;
            }
            sentence = s;
        }
        let mut last_own = None;
        if let Some(j) = lead_horizon(t, &hits, c, now) {
            horizon = Some(j);
        }
        for i in t.figures_in(c) {
            let f = t.figures[i];
            horizons[i] = horizon;
            if f.amount.kind.is_time() {
                // A date is a target only as a deadline: its own clause says target (or it is
                // written as one) and it has not passed; or a target figure takes it as its `by`
                // (below). The year of a programme (纳入2019年改造项目) is none.
                let (start, end) = (f.start as usize, f.end as usize);
                tag!(why, i, "date: no deadline");
                if named_year(t, f) || alone_on_line(t, f) || labelled(t, f) {
                    tag!(why, i, "date: named year, date line or label");
                    continue;
                }
                let own = nearest(&hits, t, c, start, end)
                    .inspect(|_| {
                        tag!(why, i, "date: cue of its clause");
                    })
                    .or_else(|| deadline_form(t, f).then_some(Call::Target))
                    // A date that is its clause alone (2024年，我局将继续申报) takes what the rest
                    // of its sentence says first.
                    .or_else(|| alone(t, c, f).then(|| later_cue(&hits, t, c)).flatten())
                    // 7月底建成，届时将对公众开放: 届时 points back at a time still to come.
                    .or_else(|| then_after(t, c).then_some(Call::Target))
                    // A date still ahead in a sentence that reports nothing (2019年上半年，试点
                    // 城市政府印发实施方案, in January 2019) says when a plan will be done.
                    // A start (2020年起, 从2019年开始) is no deadline.
                    .or_else(|| {
                        let ahead = when(f, now) == Some(When::Future)
                            && !starts(t, f)
                            && !in_range(t, f)
                            && !rule_clause(t, c)
                            && !formula_clause(t, c);
                        (ahead && !sentence_reports(&hits, t, c)).then_some(Call::Target)
                    });
                if own == Some(Call::Target) && when(f, now) != Some(When::Past) && !validity_clause(t, c) {
                    out[i] = (Call::Target, deadline_of(f));
                    tag!(why, i, "date: target (cue, deadline form, 届时 or ahead)");
                }
                continue;
            }
            #[cfg(not(target_arch = "wasm32"))]
            {
                let checks: [(&str, bool); 13] = [
                    ("neither: not a measure", not_a_measure(t, f)),
                    ("neither: class bound", class_bound(t, f)),
                    ("neither: frequency", frequency(t, f)),
                    ("neither: refers back", refers_back(t, &hits, f)),
                    ("neither: chrome", chrome(t, f)),
                    ("neither: eligibility", eligibility(t, f)),
                    ("neither: working days", working_days_limit(t, f)),
                    ("neither: proposal title", in_proposal_title(t, f)),
                    ("neither: restated", restated(t, f)),
                    ("neither: defined", defined(t, f)),
                    ("neither: standard", standard(t, f)),
                    ("neither: schedule span", schedule_span(t, f)),
                    ("neither: base", base(t, &hits, c, f)),
                ];
                if let Some((w, _)) = checks.iter().find(|(_, b)| *b) {
                    tag!(why, i, "{w}");
                }
            }
            if not_a_measure(t, f)
                || class_bound(t, f)
                || frequency(t, f)
                || refers_back(t, &hits, f)
                || chrome(t, f)
                || eligibility(t, f)
                || working_days_limit(t, f)
                || in_proposal_title(t, f)
                || restated(t, f)
                || defined(t, f)
                || standard(t, f)
                || schedule_span(t, f)
                || base(t, &hits, c, f)
            {
                continue; // neither, and it says nothing of the clauses after it
            }
            let own = own_call(t, &hits, c, i, carry, now);
            #[cfg(not(target_arch = "wasm32"))]
            let noted = trace::take_note();
            // A task's size says nothing of the clauses after it.
            #[cfg(not(target_arch = "wasm32"))]
            let by_task = noted.starts_with("target: a task");
            #[cfg(target_arch = "wasm32")]
            let by_task = own == Some(Call::Target) && task_size(t, f);
            if own.is_some() && !by_task {
                last_own = own;
            }
            // A rule's rate carries to the amounts and shares after it (每台给予15万元补助，其中
            // 市级财政承担60%), not to counts.
            let carried = carry.filter(|&k| k != Call::Neither || f.amount.kind != FigureKind::Count);
            let default =
                if t.rules || unmeasured_by_default(t, c, f) || described(t, c) { Call::Neither } else { Call::Result };
            // In a plan document, or under a horizon's lead, what a task verb takes is aimed at.
            let task = (t.plan_doc || horizon.is_some()) && tasked(t, c, f) && !past_period(t, c, now);
            let aimed = (t.plan || task).then_some(Call::Target);
            out[i].0 = own.or(carried).or(aimed).unwrap_or(default);
            if own.is_some() {
                tag!(why, i, "{noted}");
            } else if carried.is_some() {
                tag!(why, i, "sentence or lead-in carries");
            } else if t.plan {
                tag!(why, i, "plan paragraph (no cue)");
            } else if aimed.is_some() {
                tag!(why, i, "task verb of a plan or horizon");
            } else if default == Call::Neither {
                tag!(why, i, "default neither (regulation, duration, grant, description)");
            } else {
                tag!(why, i, "default result");
            }
        }
        if let Some(call) = last_own.or_else(|| clause_call(t, &hits, c, now)) {
            carry = Some(call);
        }
        // A lead-in (我局将重点做好以下工作：) gives its call to the items after it (一是…；二是…).
        let (_, b, _) = t.clauses[c];
        if matches!(t.chars[b - 1], '：' | ':') {
            lead = carry;
        }
    }
    // Deadlines of the targets; a date that gives one is a target itself.
    for i in 0..n {
        if out[i].0 != Call::Target || t.figures[i].amount.kind.is_time() {
            continue;
        }
        let (mut by, mut from) = deadline(t, i, now);
        if by.is_none() {
            if let Some(j) = horizons[i] {
                (by, from) = (deadline_of(t.figures[j]), Some(j));
            }
        }
        // A date whose own clause reports (2019年已将厕所列为补助项目，计划补助20万元) gives the
        // target its year but stays a date of what was done.
        if let Some(j) = from.filter(|&j| !reported(t, &hits, j)) {
            if out[j].0 != Call::Target {
                tag!(why, j, "date: gives a target its deadline");
            }
            out[j] = (Call::Target, deadline_of(t.figures[j]));
        }
        out[i].1 = by;
    }
    #[cfg(not(target_arch = "wasm32"))]
    trace::WHY.with(|w| *w.borrow_mut() = why);
    out
}

/// Whether the sentence at `a` opens an item of a list: 一是, 其二, 1、, (3).
pub(crate) fn list_item(s: &[char], a: usize) -> bool {
    let k = (a..s.len()).find(|&k| !s[k].is_whitespace()).unwrap_or(s.len());
    let num = |j: usize| s.get(j).is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c));
    let next = s.get(k + 1).copied();
    // Not a decimal (1.5万元) nor a bracketed year ((2013年…).
    let dot = matches!(next, Some('.' | '．')) && !num(k + 2);
    let closed = (k + 2..k + 4).any(|j| matches!(s.get(j), Some(')' | '）')));
    (num(k) && (matches!(next, Some('是' | '、')) || dot))
        || (s.get(k) == Some(&'其') && num(k + 1))
        || (matches!(s.get(k), Some('(' | '（')) && num(k + 1) && closed)
}

/// Whether a task verb ([`TASK_VERBS`]) stands before figure `f` in clause `c`.
fn tasked(t: &Text, c: usize, f: &Figure) -> bool {
    let (a, _, _) = t.clauses[c];
    (a..f.start as usize).any(|k| !t.in_figure(k) && words(TASK_VERBS).any(|w| starts_with(&t.chars, k, w)))
}

/// A clause that is a horizon's lead: a deadline (到2022年) not yet past with nothing else but
/// its word and punctuation, and no result cue (到2022年，…).
fn lead_horizon(t: &Text, hits: &[Hit], c: usize, now: Option<Now>) -> Option<usize> {
    let (a, b, _) = t.clauses[c];
    let mut figs = t.figures_in(c);
    let j = figs.next()?;
    let f = t.figures[j];
    if figs.next().is_some() || !f.amount.kind.is_time() || !deadline_form(t, f) || when(f, now) == Some(When::Past) {
        return None;
    }
    if hits.iter().any(|h| h.at >= a && h.at < b) {
        return None;
    }
    let han = (a..b).filter(|&k| !t.in_figure(k) && is_han(t.chars[k])).count();
    (han <= 3).then_some(j)
}

/// Words after a date that make it a start (2020年起, 从2019年开始): no deadline.
pub(crate) const START_AFTER: &str = "起|开始";

fn starts(t: &Text, f: &Figure) -> bool {
    words(START_AFTER).any(|w| starts_with(&t.chars, glossed(&t.chars, f.end as usize), w))
}

/// Past a bracketed gloss of a date (2月3日（星期一）起, 2月2日(农历正月初九)前): where the date's
/// own words go on.
fn glossed(s: &[char], end: usize) -> usize {
    if !matches!(s.get(end), Some('(' | '（')) {
        return end;
    }
    (end..s.len().min(end + 16)).find(|&k| matches!(s[k], ')' | '）')).map_or(end, |k| k + 1)
}

/// Whether figure `f` is all there is of clause `c` but punctuation and spaces.
fn alone(t: &Text, c: usize, f: &Figure) -> bool {
    let (a, b, _) = t.clauses[c];
    let (start, end) = (f.start as usize, f.end as usize);
    (a..start).chain(end..b).all(|k| !is_han(t.chars[k]) && !t.chars[k].is_ascii_alphanumeric())
}

/// The first cue of the clause after `c`, in its sentence.
fn later_cue(hits: &[Hit], t: &Text, c: usize) -> Option<Call> {
    let (_, _, s) = t.clauses[c];
    let (a, b, next) = *t.clauses.get(c + 1)?;
    (next == s).then(|| hits.iter().find(|h| h.at >= a && h.at < b).map(|h| h.call)).flatten()
}

/// Whether the sentence of clause `c` holds a result cue.
fn sentence_reports(hits: &[Hit], t: &Text, c: usize) -> bool {
    let (_, _, s) = t.clauses[c];
    let range = t.sentence_clauses(s);
    let (a, b) = (t.clauses[range.start].0, t.clauses[range.end - 1].1);
    hits.iter().any(|h| h.at >= a && h.at < b && h.call == Call::Result)
}

/// Whether date `j`'s own clause says result (已, 了 …) by its nearest cue.
fn reported(t: &Text, hits: &[Hit], j: usize) -> bool {
    let f = t.figures[j];
    let c = t.clause_of(f.start as usize);
    nearest(hits, t, c, f.start as usize, f.end as usize) == Some(Call::Result)
}

/// The names of proposals: a figure inside quotes or 《》 that close on one of these words is
/// part of the proposal's title (“关于…5公里河道清淤、加固的建议”), neither target nor result.
pub(crate) const PROPOSAL_TITLES: &str = "建议|提案|议案";

/// Whether figure `f` stands in a quoted title ending with one of [`PROPOSAL_TITLES`].
pub(crate) fn in_proposal_title(t: &Text, f: &Figure) -> bool {
    let s = &t.chars;
    let mut k = f.start as usize;
    let opened = loop {
        if k == 0 {
            break false;
        }
        k -= 1;
        match s[k] {
            '“' | '《' => break true,
            '”' | '》' | '。' | '\n' => break false,
            _ => {}
        }
    };
    if !opened {
        return false;
    }
    for e in f.end as usize..s.len() {
        match s[e] {
            '”' | '》' => {
                // “关于…的建议” or “…学校”的建议: the name ends with the word, or the word follows it.
                let inside = words(PROPOSAL_TITLES).any(|w| {
                    let n = w.chars().count();
                    e >= n && starts_with(s, e - n, w)
                });
                let after = words(PROPOSAL_TITLES)
                    .any(|w| starts_with(s, e + 1, w) || (s.get(e + 1) == Some(&'的') && starts_with(s, e + 2, w)));
                return inside || after;
            }
            '“' | '《' | '。' | '\n' => return false,
            _ => {}
        }
    }
    false
}

/// Words before a figure that restate what the proposal asked (您提出的关于新建2个停车场的建议收悉):
/// a figure after one of them and 关于, before a word of [`PROPOSAL_TITLES`], in one clause, is
/// the proposal's, neither target nor result (提出的14件建议 counts proposals).
pub(crate) const RESTATING: &str = "提出的关于|提出关于|所提关于|反映的关于";
/// A clause that the proposal's author opens with an ask (您在建议中提到，…; 代表们希望…; 建议在…
/// 新建2所学校): every figure after it in its sentence restates the proposal, neither. The
/// authors ([`ASKERS`], optional), where they said it (在建议中, optional), then the verb
/// ([`ASKS`]) — 提出 not followed by 的 (您提出的14件建议 names them); 建议 alone opens a quoted ask
/// unless it advises (建议您) or is the noun (建议已收悉, 建议中).
pub(crate) const ASKERS: &str = "您们|你们|您|你|代表们|代表|委员们|委员|你委|贵单位";
pub(crate) const ASKED_IN: &str = "在建议中|在提案中|在议案中|建议中|提案中|议案中";
pub(crate) const ASKS: &str = "建议|提出|希望|要求|提议|呼吁|提到|请求";
/// Chars after an opening 建议 that make it the noun or advice, no ask.
pub(crate) const NOT_ASK_AFTER: &[char] = &['您', '你', '的', '已', '收', '中', '提', '，', ',', '：', ':', '。'];

/// Whether an ask of the proposal's author opens the text at `k` (see [`ASKERS`]).
fn opens_ask(s: &[char], k: usize) -> bool {
    let k = (k..s.len()).find(|&j| !s[j].is_whitespace()).unwrap_or(s.len());
    let who = words(ASKERS).find(|w| starts_with(s, k, w)).map_or(0, |w| w.chars().count());
    let k = k + who;
    let at = words(ASKED_IN).find(|w| starts_with(s, k, w)).map_or(0, |w| w.chars().count());
    let k = k + at;
    let Some(verb) = words(ASKS).find(|w| starts_with(s, k, w)) else { return false };
    let next = s.get(k + verb.chars().count()).copied();
    // 您提出的14件建议 names the proposals; 您建议的拓宽至6米 restates one.
    if next == Some('的') && matches!(verb, "提出" | "提到") {
        return false;
    }
    // Without its author only 建议 opens an ask (要求各乡镇… is the office's own).
    who + at > 0 || verb == "建议" && next.is_some_and(|c| !NOT_ASK_AFTER.contains(&c))
}

/// Whether figure `f` restates the proposal (see [`RESTATING`], [`ASKERS`]).
pub(crate) fn restated(t: &Text, f: &Figure) -> bool {
    let s = &t.chars;
    let (start, end) = (f.start as usize, f.end as usize);
    let (a, b, _) = t.clauses[t.clause_of(start)];
    // The restatement runs on over ；to the end of its sentence (。) or to the reply's own words
    // (…的建议已交我们办理，现答复如下：).
    let first = (0..start)
        .rev()
        .find(|&k| {
            matches!(s[k], '。' | '！' | '？' | '\n')
                || k >= 2 && matches!(s[k], '：' | ':') && s[k - 2..k] == ['如', '下']
        })
        .map_or(0, |k| k + 1);
    let topic = (first..start).find(|&k| !s[k].is_whitespace()).is_some_and(|k| starts_with(s, k, SUBJECT_BEFORE));
    any_word(s, a, start, RESTATING) && any_word(s, end, b, PROPOSAL_TITLES)
        || asked(s, first, start)
        // 关于…，将两处遗产融入文旅项目的建议，…: a sentence naming the proposal it answers.
        || topic && any_word(s, end, b, PROPOSAL_TITLES)
}

/// Clause openings in the reply's own voice (经调查，…; 我局已…): they end a restated ask.
pub(crate) const REPLY_VOICE: &str = "经调查|经研究|经核实|经查|经了解|我局|我们|我委|我厅|我办|我部|我单位";

/// Whether an ask of the proposal's author opens a clause between `first` and `at` and no clause
/// in the reply's own voice follows it (see [`ASKERS`], [`REPLY_VOICE`]).
fn asked(s: &[char], first: usize, at: usize) -> bool {
    let mut asked = false;
    for k in first..at {
        if k == first || matches!(s[k - 1], '，' | ',' | '；' | ';') {
            let from = (k..at).find(|&j| !s[j].is_whitespace()).unwrap_or(at);
            if opens_ask(s, k) {
                asked = true;
            } else if words(REPLY_VOICE).any(|w| starts_with(s, from, w)) {
                asked = false;
            }
        }
    }
    asked
}

/// A date that can be a deadline: not past.
fn open(t: &Text, j: usize, now: Option<Now>) -> bool {
    let f = t.figures[j];
    f.amount.kind.is_time()
        && when(f, now) != Some(When::Past)
        && !starts(t, f)
        && !named_year(t, f)
        && !validity_clause(t, t.clause_of(f.start as usize))
}

/// The best deadline among the dates of clause `c`: a deadline form, else the nearest to `at`.
fn deadline_in(t: &Text, c: usize, at: usize, now: Option<Now>) -> Option<usize> {
    let times: Vec<usize> = t.figures_in(c).filter(|&j| open(t, j, now)).collect();
    if let Some(&j) = times.iter().find(|&&j| deadline_form(t, t.figures[j])) {
        return Some(j);
    }
    let before = times.iter().rev().find(|&&j| (t.figures[j].end as usize) <= at).copied();
    before.or_else(|| times.first().copied())
}

/// The last year of the five-year plan named at `k` (see [`PLAN_PERIODS`]).
fn period_at(s: &[char], k: usize) -> Option<i32> {
    let (w, year) = PLAN_PERIODS.iter().find(|(w, _)| starts_with(s, k, w))?;
    let next = s.get(k + w.chars().count()).copied();
    matches!(next, Some('”' | '"' | '期' | '末' | '规' | '时' | '后')).then_some(*year)
}

/// Whether clause `c` or one before it in its sentence names a five-year plan over by now
/// (“十三五”期间，全市新增数据中心3个, in 2022): it reports.
fn past_period(t: &Text, c: usize, now: Option<Now>) -> bool {
    let (_, b, s) = t.clauses[c];
    let a = t.clauses[t.sentence_clauses(s).start].0;
    now.is_some_and(|n| (a..b).any(|k| !t.in_figure(k) && period_at(&t.chars, k).is_some_and(|y| y < n.year)))
}

/// A deadline word (年内, 十四五, 未来3年) in clause `c`.
fn deadline_word(t: &Text, c: usize, now: Option<Now>) -> Option<String> {
    let s = &t.chars;
    let (a, b, _) = t.clauses[c];
    for k in a..b {
        if t.in_figure(k) {
            continue;
        }
        // A period already over (“十三五”期间 in 2022) tells what was done: no deadline.
        if let Some(year) = period_at(s, k).filter(|&y| now.is_none_or(|n| y >= n.year)) {
            return Some(year.to_string());
        }
        let Some(now) = now else { continue };
        for (w, offset, end) in DEADLINE_WORDS {
            if starts_with(s, k, w) {
                let mut by = (now.year + offset).to_string();
                if *end {
                    by.push_str("-12");
                }
                return Some(by);
            }
        }
        for lead in ["未来", "今后"] {
            if starts_with(s, k, lead) {
                let at = k + 2;
                let n = s
                    .get(at)
                    .and_then(|c| c.to_digit(10).or_else(|| "一二三四五六七八九十".find(*c).map(|p| p as u32 / 3 + 1)));
                if let Some(n) = n.filter(|_| s.get(at + 1) == Some(&'年')) {
                    return Some((now.year + n as i32).to_string());
                }
            }
        }
    }
    None
}

/// A target's deadline: the text of `by`, and the date figure it comes from.
fn deadline(t: &Text, i: usize, now: Option<Now>) -> (Option<String>, Option<usize>) {
    let f = t.figures[i];
    let c = t.clause_of(f.start as usize);
    let (_, _, s) = t.clauses[c];
    let own = t.sentence_clauses(s);
    let mut order: Vec<usize> = vec![c];
    order.extend((own.start..c).rev());
    order.extend(c + 1..own.end);
    // A sentence that goes on with the one before (第一期…) takes its deadline too.
    let first = own.start;
    if s > 0 && words(GOING_ON).any(|w| starts_with(&t.chars, t.clauses[first].0, w)) {
        order.extend(t.sentence_clauses(s - 1).rev());
    }
    for &d in &order {
        if let Some(j) = deadline_in(t, d, f.start as usize, now) {
            return (deadline_of(t.figures[j]), Some(j));
        }
    }
    for &d in &order {
        if let Some(by) = deadline_word(t, d, now) {
            return (Some(by), None);
        }
    }
    // A list whose items end in ；: a date that opens an earlier item (2022年规划建设…；开工
    // 建设…；计划配备412套) says when for the whole list.
    let mut item = s;
    while item > 0 {
        let before = t.sentence_clauses(item - 1);
        let (_, end, _) = t.clauses[before.end - 1];
        if !matches!(t.chars.get(end.wrapping_sub(1)), Some('；' | ';')) {
            break;
        }
        item -= 1;
        let lead = before.start;
        let (a, _, _) = t.clauses[lead];
        let opening = t.figures_in(lead).find(|&j| {
            let at = t.figures[j].start as usize;
            open(t, j, now)
                && (a..at).all(|k| !is_han(t.chars[k]) || words(DEADLINE_BEFORE).any(|w| starts_with(&t.chars, k, w)))
        });
        if let Some(j) = opening {
            return (deadline_of(t.figures[j]), Some(j));
        }
    }
    (None, None)
}

#[cfg(test)]
mod tests;
