//! Query + facets → visible outline nodes, visible figures and mark ranges. Pure and native-tested.
//!
//! Text queries match substrings after folding (full-width → half-width, ASCII case), so
//! `２０２３` finds 2023 and `ＡＩ` finds ai; folding keeps offsets (see `crate::text`). A query
//! such as `>=100亿元`, `<1000万元`, `>20%`, `2022年` or `>=300项` is a comparison on figure
//! values instead; it reads its number, multiplier and unit with the figure parser's own reader,
//! so the query language knows exactly the units and multipliers the figures have.

use crate::model::{Amount, Figure, FigureKind, Qualifier, Reply, Stance};
use crate::outline::Outline;
use crate::parse::{read_arabic, read_quantity};
use crate::text::{fold, fold_char};
use crate::util::{cat, uint, IdMap};

/// One searchable run of article text: a heading or a paragraph, as the article shows it.
#[derive(Clone, Debug)]
pub struct Block {
    /// Outline node the block belongs to.
    pub node: usize,
    /// The id of the text: a paragraph id, a section id (its heading), `title`; empty for a
    /// heading the reply does not have (开头, 结束语).
    pub id: String,
    /// The text as shown, for drawing its marks.
    pub text: String,
    /// Where, in `text`, the text that figure offsets count in starts: a heading's title comes
    /// after its number (`二、` is 2 chars).
    pub offset: u32,
    folded: Vec<char>,
}

/// Everything the filter needs, computed once per mount.
#[derive(Clone, Debug)]
pub struct Index {
    pub outline: Outline,
    pub blocks: Vec<Block>,
    /// Per node, the block of its heading.
    heading_block: Vec<usize>,
    /// Block by text id: a paragraph id, a section id (its heading), `title`.
    by_text: IdMap,
    /// Per figure: its node, its folded context and text.
    figure_node: Vec<usize>,
    figure_folded: Vec<String>,
}

/// A comparison on figure values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    Gt,
    Ge,
    Lt,
    Le,
    Eq,
}

/// What a figure query constrains: the kinds it applies to, and the unit when one was written
/// (`项`, `元`, `%`).
#[derive(Clone, Debug, PartialEq)]
pub struct Compare {
    pub op: Op,
    pub value: f64,
    pub kinds: Vec<FigureKind>,
    pub unit: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Query {
    All,
    Text(String),
    Compare(Compare),
    /// Looks like a comparison but cannot be read (`>=`, `>abc`, `>5栋楼`): shown to the reader
    /// as such, never silently matching nothing.
    Malformed(String),
}

/// Reads a query. Comparisons start with an operator, or are a number with 年 (`2022年`).
pub fn parse_query(raw: &str) -> Query {
    let mut q = String::new();
    for word in fold(raw).split_whitespace() {
        if !q.is_empty() {
            q.push(' ');
        }
        q.push_str(word);
    }
    if q.is_empty() {
        return Query::All;
    }
    let chars: Vec<char> = q.chars().filter(|c| *c != ' ').collect();
    let (op, at) = match (chars.first(), chars.get(1)) {
        (Some('>'), Some('=')) => (Some(Op::Ge), 2),
        (Some('≥'), _) => (Some(Op::Ge), 1),
        (Some('<'), Some('=')) => (Some(Op::Le), 2),
        (Some('≤'), _) => (Some(Op::Le), 1),
        (Some('>'), _) => (Some(Op::Gt), 1),
        (Some('<'), _) => (Some(Op::Lt), 1),
        (Some('='), _) => (Some(Op::Eq), 1),
        _ => (None, 0),
    };
    let not_understood = |q: String| match op {
        Some(_) => Query::Malformed(q),
        None => Query::Text(q),
    };
    let rest = &chars[at..];
    let Some((number, len)) = read_arabic(rest) else {
        return not_understood(q);
    };
    let quantity = read_quantity(rest, number, len, true);
    let tail = &rest[quantity.end..];
    let (kinds, unit) = match (quantity.kind, tail) {
        // 2022年: a year (the figure reader takes 年 after a small number as a duration).
        (None, ['年']) if !quantity.scaled => (vec![FigureKind::Year, FigureKind::Date], None),
        (Some(kind), []) => (vec![kind], quantity.unit),
        // A bare number compares with every kind; with a multiplier (>=100亿) with every
        // amount (years have no multiplier).
        (None, []) if quantity.scaled => (FigureKind::ALL[..4].to_vec(), None),
        (None, []) => (FigureKind::ALL.to_vec(), None),
        _ => return not_understood(q),
    };
    match op {
        Some(op) => Query::Compare(Compare { op, value: quantity.value, kinds, unit }),
        // Without an operator only a year is a comparison: 2022年 means the figures of 2022.
        None if kinds.contains(&FigureKind::Year) && kinds.len() == 2 => {
            Query::Compare(Compare { op: Op::Eq, value: number, kinds, unit })
        }
        None => Query::Text(q),
    }
}

/// The interval of values an amount stands for: `300余项` is (300, 400), `近4倍` (3, 4),
/// `不足10%` [0, 10), `6%-10%` [6, 10]. Bounds: (low, low included, high, high included).
pub fn interval(f: &Amount) -> (f64, bool, f64, bool) {
    let v = f.value;
    // The step of the last written significant digit: 300 → 100, 150 → 10, 8 → 1.
    let step = {
        let mut s = 1.0;
        let mut n = v.abs();
        while n >= 10.0 && (n / 10.0).fract() == 0.0 {
            n /= 10.0;
            s *= 10.0;
        }
        if v.fract() != 0.0 {
            0.01
        } else {
            s
        }
    };
    match (f.high, f.qualifier) {
        (Some(h), _) => (v, true, h, true),
        (None, Some(Qualifier::Over)) => (v, false, v + step, false),
        (None, Some(Qualifier::AtLeast)) => (v, true, v + step, false),
        (None, Some(Qualifier::Nearly)) => (v - step, false, v, false),
        (None, Some(Qualifier::Under)) => (0.0, true, v, false),
        _ => (v, true, v, true),
    }
}

/// Whether an amount can satisfy a comparison: some value it stands for does.
///
/// ```
/// use reply_core::filter::{compare_matches, parse_query, Query};
/// use reply_core::model::{Amount, FigureKind, Qualifier};
/// let matches = |query: &str, a: &Amount| match parse_query(query) {
///     Query::Compare(c) => compare_matches(&c, a),
///     other => panic!("{query}: not a comparison but {other:?}"),
/// };
/// let count = |value, qualifier| Amount { kind: FigureKind::Count, value, high: None, unit: Some("项".into()), qualifier };
/// // 300余项 is more than 300, 300项 exactly 300, 近300项 less.
/// assert!(matches(">300", &count(300.0, Some(Qualifier::Over))));
/// assert!(!matches(">300", &count(300.0, None)));
/// assert!(!matches(">=300", &count(300.0, Some(Qualifier::Nearly))));
/// // A unit written in the query must be the amount's; the kind must agree.
/// assert!(matches(">=100项", &count(300.0, None)));
/// assert!(!matches(">=100家", &count(300.0, None)));
/// assert!(!matches(">=100亿元", &count(3e10, None)));
/// ```
pub fn compare_matches(c: &Compare, f: &Amount) -> bool {
    if !c.kinds.contains(&f.kind) || c.unit.as_ref().is_some_and(|u| f.unit.as_ref() != Some(u)) {
        return false;
    }
    let (lo, lo_in, hi, hi_in) = interval(f);
    let x = c.value;
    let eps = x.abs() * 1e-9;
    match c.op {
        Op::Gt => hi > x + eps,
        Op::Ge => hi > x + eps || (hi_in && (hi - x).abs() <= eps),
        Op::Lt => lo < x - eps,
        Op::Le => lo < x - eps || (lo_in && (lo - x).abs() <= eps),
        Op::Eq => {
            (lo < x - eps || (lo_in && (lo - x).abs() <= eps)) && (hi > x + eps || (hi_in && (hi - x).abs() <= eps))
        }
    }
}

/// What a query leaves visible and marked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    pub node_visible: Vec<bool>,
    /// Nodes that match themselves (not only through a descendant): the count announced.
    pub node_matched: Vec<bool>,
    pub figure_visible: Vec<bool>,
    /// Per block index, the char ranges to mark; only blocks with marks, in reading order.
    pub marks: Vec<(usize, Vec<(u32, u32)>)>,
    /// Set when the query looked like a comparison but could not be read.
    pub malformed: Option<String>,
}

impl Outcome {
    pub fn matched_nodes(&self) -> usize {
        self.node_matched.iter().filter(|m| **m).count()
    }
    pub fn visible_figures(&self) -> usize {
        self.figure_visible.iter().filter(|m| **m).count()
    }
    pub fn mark_count(&self) -> usize {
        self.marks.iter().map(|(_, r)| r.len()).sum()
    }
}

/// All non-overlapping occurrences of `needle` in `hay`, as char ranges.
fn find_all(hay: &[char], needle: &[char]) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    if needle.is_empty() || needle.len() > hay.len() {
        return out;
    }
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i] == needle[0] && hay[i..i + needle.len()] == *needle {
            out.push((i as u32, (i + needle.len()) as u32));
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

impl Index {
    /// The index of a reply whose article shows each node's heading as `headings[k]` (its text,
    /// and where the title starts in it) and each paragraph as its text.
    pub fn new(reply: &Reply, outline: Outline, headings: Vec<(String, u32)>) -> Index {
        let all = reply.paragraphs();
        let mut paragraph_at = IdMap::default();
        for (k, (_, p)) in all.iter().enumerate() {
            paragraph_at.insert(p.id.clone(), k);
        }
        let mut blocks = Vec::new();
        let mut heading_block = Vec::with_capacity(outline.len());
        let mut by_text = IdMap::default();
        let block = |node: usize, id: &str, text: String, offset: u32| {
            let folded = text.chars().map(fold_char).collect();
            Block { node, id: id.to_string(), text, offset, folded }
        };
        for ((k, n), (heading, offset)) in outline.nodes.iter().enumerate().zip(headings) {
            heading_block.push(blocks.len());
            if let Some(id) = n.heading_id() {
                by_text.insert(id.to_string(), blocks.len());
            }
            blocks.push(block(k, n.heading_id().unwrap_or(""), heading, offset));
            for p in &n.paragraphs {
                let text = paragraph_at.get(p).map_or("", |&k| all[k].1.text.as_str());
                by_text.insert(p.clone(), blocks.len());
                blocks.push(block(k, p, text.to_string(), 0));
            }
        }
        let figure_node = reply.figures.iter().map(|f| outline.node(&f.section).unwrap_or(0)).collect();
        let figure_folded = reply.figures.iter().map(|f| fold(&cat(&[&f.text, "\u{1}", &f.context]))).collect();
        Index { outline, blocks, heading_block, by_text, figure_node, figure_folded }
    }

    /// The index of a reply the widget draws itself: headings as [`Node::drawn_heading`].
    ///
    /// [`Node::drawn_heading`]: crate::outline::Node::drawn_heading
    pub fn drawn(reply: &Reply) -> Index {
        let outline = Outline::new(reply);
        let headings = outline.nodes.iter().map(|n| n.drawn_heading()).collect();
        Index::new(reply, outline, headings)
    }

    /// The block of node `k`'s heading.
    pub fn heading_block(&self, k: usize) -> usize {
        self.heading_block[k]
    }

    pub fn figure_node(&self, figure: usize) -> Option<usize> {
        self.figure_node.get(figure).copied()
    }

    /// The block holding a text (a paragraph id, a section id for its heading, `title`).
    pub fn block_of(&self, text_id: &str) -> Option<usize> {
        self.by_text.get(text_id).copied()
    }

    /// Where figure `f` stands in the article: its block and char range in the block's text.
    pub fn figure_range(&self, f: &Figure) -> Option<(usize, (u32, u32))> {
        let b = self.block_of(&f.paragraph)?;
        let at = self.blocks[b].offset;
        Some((b, (f.start + at, f.end + at)))
    }

    /// Runs a query over the reply this index was built from (its `figures`). `kinds` are the
    /// enabled kind facets of the figure panel.
    pub fn run(&self, figures: &[Figure], query: &Query, kinds: &[FigureKind]) -> Outcome {
        self.run_with(figures, query, kinds, &ALL_STANCES)
    }

    /// [`Index::run`] with the panel's stance facets too: a figure is shown only when its
    /// stance (目标, 成果, or none: 其他) is one of `stances`.
    pub fn run_with(
        &self,
        figures: &[Figure],
        query: &Query,
        kinds: &[FigureKind],
        stances: &[Option<Stance>],
    ) -> Outcome {
        // A year or a date counts as 其他, where the panel lists it (a target's deadline is
        // shown beside the target).
        let on = |f: &Figure| kinds.contains(&f.amount.kind) && stances.contains(&crate::panel::shown_stance(f));
        let n = self.outline.len();
        let mut out = Outcome {
            node_visible: vec![false; n],
            node_matched: vec![false; n],
            figure_visible: vec![false; figures.len()],
            ..Outcome::default()
        };
        match query {
            Query::All => {
                out.node_visible = vec![true; n];
                for (k, f) in figures.iter().enumerate() {
                    out.figure_visible[k] = on(f);
                }
                return out;
            }
            // A comparison still being typed (`>`, `>=`) or with a unit no figure has (`>5栋楼`)
            // filters nothing: the panel keeps what no query shows, and the status says why.
            Query::Malformed(q) => {
                out = self.run_with(figures, &Query::All, kinds, stances);
                out.malformed = Some(q.clone());
                return out;
            }
            Query::Text(q) => {
                let needle: Vec<char> = q.chars().collect();
                let mut heading_hit = vec![false; n];
                for (b, block) in self.blocks.iter().enumerate() {
                    let hits = find_all(&block.folded, &needle);
                    if !hits.is_empty() {
                        out.node_matched[block.node] = true;
                        heading_hit[block.node] |= self.heading_block[block.node] == b;
                        out.marks.push((b, hits));
                    }
                }
                for (k, f) in figures.iter().enumerate() {
                    let section_hit = heading_hit[self.figure_node[k]];
                    out.figure_visible[k] = on(f) && (section_hit || self.figure_folded[k].contains(q.as_str()));
                }
            }
            Query::Compare(c) => {
                for (k, f) in figures.iter().enumerate() {
                    if on(f) && compare_matches(c, &f.amount) {
                        out.figure_visible[k] = true;
                        out.node_matched[self.figure_node[k]] = true;
                        if let Some((b, range)) = self.figure_range(f) {
                            // Figures come in reading order: a block's figures are consecutive.
                            match out.marks.last_mut() {
                                Some((x, r)) if *x == b => r.push(range),
                                _ => out.marks.push((b, vec![range])),
                            }
                        }
                    }
                }
                // A reply given from JS may list figures out of order: then sort and merge.
                if !out.marks.windows(2).all(|w| w[0].0 < w[1].0) {
                    crate::util::sort_by(&mut out.marks, |a, b| a.0 < b.0);
                    let mut merged: Vec<(usize, Vec<(u32, u32)>)> = Vec::with_capacity(out.marks.len());
                    for (b, r) in std::mem::take(&mut out.marks) {
                        match merged.last_mut() {
                            Some((x, m)) if *x == b => m.extend(r),
                            _ => merged.push((b, r)),
                        }
                    }
                    out.marks = merged;
                }
            }
        }
        // A matching node keeps its ancestors visible.
        for k in 0..n {
            if out.node_matched[k] {
                let mut at = Some(k);
                while let Some(a) = at {
                    out.node_visible[a] = true;
                    at = self.outline.nodes[a].parent;
                }
            }
        }
        out
    }
}

/// The panel's stance facets, in the order shown: 目标, 成果, 其他 (no stance).
pub const ALL_STANCES: [Option<Stance>; 3] = [Some(Stance::Target), Some(Stance::Result), None];

/// A stance facet's label.
pub fn stance_label(stance: Option<Stance>) -> &'static str {
    match stance {
        Some(Stance::Target) => "目标",
        Some(Stance::Result) => "成果",
        None => "其他",
    }
}

/// The live-region text for an outcome: `3 个章节、5 项数据`.
pub fn announce(outcome: &Outcome, query: &Query) -> String {
    match query {
        Query::All => String::new(),
        Query::Malformed(q) => {
            let shown = outcome.visible_figures();
            if q.chars().all(|c| matches!(c, '>' | '<' | '=' | '≥' | '≤')) {
                cat(&["数值条件“", q, "”还缺数值，例如 >=100亿元；暂未筛选，仍显示 ", &uint(shown), " 项数据"])
            } else {
                cat(&[
                    "无法理解的数值条件“",
                    q,
                    "”，请写成 >=100亿元、<20%、2022年 等形式；暂未筛选，仍显示 ",
                    &uint(shown),
                    " 项数据",
                ])
            }
        }
        _ => {
            let nodes = outcome.matched_nodes();
            let figures = outcome.visible_figures();
            if nodes == 0 && figures == 0 {
                "没有找到匹配的内容".to_string()
            } else {
                cat(&[&uint(nodes), " 个章节、", &uint(figures), " 项数据"])
            }
        }
    }
}

#[cfg(test)]
mod tests;
