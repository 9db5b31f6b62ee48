//! Query + facets → visible outline nodes, visible figures and mark ranges. Pure and native-tested.
//!
//! Text queries match substrings after folding (full-width → half-width, ASCII case), so
//! `２０２３` finds 2023 and `ＡＩ` finds ai. Folding maps one char to one char, so a match's
//! offsets in the folded text are its offsets in the original. A query such as `>=100亿元`,
//! `<1000万元`, `>20%`, `2022年` or `>=300项` is a comparison on figure values instead.

use crate::model::{Figure, FigureKind, Qualifier, Reply};
use crate::outline::Node;
use crate::parse::read_arabic;

/// Folds one char for matching: full-width ASCII forms to ASCII, ASCII letters to lower case,
/// the ideographic space to a space. Only ASCII case is folded: Rust's Unicode case tables would
/// cost the widget about 10 KB, and the genre's Latin text is ASCII.
pub fn fold_char(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    c.to_ascii_lowercase()
}

pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// One searchable run of article text: a heading title or a paragraph.
#[derive(Clone, Debug)]
pub struct Block {
    /// Outline node the block belongs to.
    pub node: usize,
    /// Paragraph id, or `None` for the node's heading.
    pub paragraph: Option<String>,
    folded: Vec<char>,
}

/// Everything the filter needs, computed once per mount.
#[derive(Clone, Debug)]
pub struct Index {
    pub nodes: Vec<Node>,
    pub blocks: Vec<Block>,
    /// The original text of each block, for drawing its marks.
    pub texts: Vec<String>,
    /// Per node, the block of its heading.
    heading_block: Vec<usize>,
    paragraph_block: crate::model::IdMap,
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

/// What a figure query constrains: a kind (and for counts, a measure word).
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
    /// Looks like a comparison but cannot be read (`>=`, `>abc`): shown to the reader as such.
    Malformed(String),
}

const MULTIPLIERS: &[(&str, f64)] = &[("万亿", 1e12), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("万", 1e4)];

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
        (Some('>'), Some('=')) | (Some('≥'), _) => (Some(Op::Ge), if chars[0] == '≥' { 1 } else { 2 }),
        (Some('<'), Some('=')) | (Some('≤'), _) => (Some(Op::Le), if chars[0] == '≤' { 1 } else { 2 }),
        (Some('>'), _) => (Some(Op::Gt), 1),
        (Some('<'), _) => (Some(Op::Lt), 1),
        (Some('='), _) => (Some(Op::Eq), 1),
        _ => (None, 0),
    };
    let rest = &chars[at..];
    let Some((number, len)) = read_arabic(rest) else {
        return match op {
            Some(_) => Query::Malformed(q),
            None => Query::Text(q),
        };
    };
    let mut k = len;
    let mut value = number;
    let tail: String = rest[k..].iter().collect();
    if let Some((w, m)) = MULTIPLIERS.iter().find(|(w, _)| tail.starts_with(w)) {
        value *= m;
        k += w.chars().count();
    }
    let unit: String = rest[k..].iter().collect();
    let (kinds, unit) = match unit.as_str() {
        "元" => (vec![FigureKind::Money], None),
        "%" | "％" => (vec![FigureKind::Percent], None),
        "倍" => (vec![FigureKind::Multiple], None),
        "年" => (vec![FigureKind::Year, FigureKind::Date], None),
        "" if k == len => (FigureKind::ALL.to_vec(), None),
        u if u.chars().count() <= 4 && u.chars().all(|c| c > '\u{2e80}') => {
            (vec![FigureKind::Count], Some(u.to_string()))
        }
        _ => {
            return match op {
                Some(_) => Query::Malformed(q),
                None => Query::Text(q),
            }
        }
    };
    match op {
        Some(op) => Query::Compare(Compare { op, value, kinds, unit }),
        // Without an operator only a year is a comparison: 2022年 means the figures of 2022.
        None if kinds.contains(&FigureKind::Year) => Query::Compare(Compare { op: Op::Eq, value, kinds, unit }),
        None => Query::Text(q),
    }
}

/// The interval of values a figure stands for: `300余项` is (300, 400), `近4倍` (3, 4),
/// `不足10%` [0, 10), `6%-10%` [6, 10]. Bounds: (low, low included, high, high included).
pub fn interval(f: &Figure) -> (f64, bool, f64, bool) {
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

/// Whether a figure can satisfy a comparison: some value it stands for does.
pub fn compare_matches(c: &Compare, f: &Figure) -> bool {
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
    pub fn new(reply: &Reply) -> Index {
        let nodes = crate::outline::nodes(reply);
        let all = reply.paragraphs();
        let texts: crate::model::IdMap = all.iter().enumerate().map(|(k, (_, p))| (p.id.clone(), k)).collect();
        let mut blocks = Vec::new();
        let mut originals = Vec::new();
        let mut heading_block = Vec::with_capacity(nodes.len());
        let mut paragraph_block = crate::model::IdMap::default();
        for (k, n) in nodes.iter().enumerate() {
            let heading = format!("{}{}", n.number, n.title);
            heading_block.push(blocks.len());
            blocks.push(Block { node: k, paragraph: None, folded: heading.chars().map(fold_char).collect() });
            originals.push(heading);
            for p in &n.paragraphs {
                let text = texts.get(p).map_or("", |&k| all[k].1.text.as_str());
                paragraph_block.insert(p.clone(), blocks.len());
                blocks.push(Block {
                    node: k,
                    paragraph: Some(p.clone()),
                    folded: text.chars().map(fold_char).collect(),
                });
                originals.push(text.to_string());
            }
        }
        let by_key: crate::model::IdMap = nodes.iter().enumerate().map(|(k, n)| (n.key.clone(), k)).collect();
        let figure_node = reply.figures.iter().map(|f| by_key.get(f.section.as_str()).copied().unwrap_or(0)).collect();
        let figure_folded = reply.figures.iter().map(|f| fold(&format!("{}\u{1}{}", f.text, f.context))).collect();
        Index { nodes, blocks, texts: originals, heading_block, paragraph_block, figure_node, figure_folded }
    }

    pub fn figure_node(&self, figure: usize) -> Option<usize> {
        self.figure_node.get(figure).copied()
    }

    /// The block holding a paragraph.
    pub fn block_of(&self, paragraph: &str) -> Option<usize> {
        self.paragraph_block.get(paragraph).copied()
    }

    /// Runs a query. `kinds` are the enabled kind facets of the figure panel.
    /// Runs a query over the reply this index was built from (its `figures`).
    pub fn run(&self, figures: &[Figure], query: &Query, kinds: &[FigureKind]) -> Outcome {
        let n = self.nodes.len();
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
                    out.figure_visible[k] = kinds.contains(&f.kind);
                }
                return out;
            }
            Query::Malformed(q) => {
                out.malformed = Some(q.clone());
                out.node_visible = vec![true; n];
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
                    out.figure_visible[k] =
                        kinds.contains(&f.kind) && (section_hit || self.figure_folded[k].contains(q.as_str()));
                }
            }
            Query::Compare(c) => {
                for (k, f) in figures.iter().enumerate() {
                    if kinds.contains(&f.kind) && compare_matches(c, f) {
                        out.figure_visible[k] = true;
                        out.node_matched[self.figure_node[k]] = true;
                        if let Some(b) = self.block_of(&f.paragraph) {
                            // Figures come in reading order: a block's figures are consecutive.
                            match out.marks.last_mut() {
                                Some((x, r)) if *x == b => r.push((f.start, f.end)),
                                _ => out.marks.push((b, vec![(f.start, f.end)])),
                            }
                        }
                    }
                }
                // A reply given from JS may list figures out of order: then sort and merge.
                if !out.marks.windows(2).all(|w| w[0].0 < w[1].0) {
                    crate::model::sort_by(&mut out.marks, |a, b| a.0 < b.0);
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
                    at = self.nodes[a].parent;
                }
            }
        }
        out
    }
}

/// The live-region text for an outcome: `3 个章节、5 项数据`.
pub fn announce(outcome: &Outcome, query: &Query) -> String {
    match query {
        Query::All => String::new(),
        Query::Malformed(q) => {
            format!("无法理解的数值条件“{q}”，请写成 >=100亿元、<20%、2022年 等形式")
        }
        _ => {
            let nodes = outcome.matched_nodes();
            let figures = outcome.visible_figures();
            if nodes == 0 && figures == 0 {
                "没有找到匹配的内容".to_string()
            } else {
                format!("{nodes} 个章节、{figures} 项数据")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled_reply;

    fn run(q: &str) -> (Index, Outcome) {
        let r = bundled_reply();
        let index = Index::new(&r);
        let out = index.run(&r.figures, &parse_query(q), &FigureKind::ALL);
        (index, out)
    }

    fn visible_texts(q: &str) -> Vec<String> {
        let r = bundled_reply();
        let (_, out) = run(q);
        r.figures.iter().zip(&out.figure_visible).filter(|(_, v)| **v).map(|(f, _)| f.text.clone()).collect()
    }

    #[test]
    fn folding_is_one_to_one() {
        assert_eq!(fold("２０２３ＡＢｃ，"), "2023abc,");
        assert_eq!(fold("科技　金融"), "科技 金融");
        assert_eq!(fold("Straße"), "straße");
    }

    #[test]
    fn empty_query_shows_everything() {
        let (index, out) = run("   ");
        assert!(out.node_visible.iter().all(|v| *v));
        assert_eq!(out.visible_figures(), 48);
        assert!(out.marks.is_empty());
        assert_eq!(out.node_visible.len(), index.nodes.len());
    }

    #[test]
    fn chinese_substring_narrows_outline_keeping_ancestors() {
        let (index, out) = run("科技金融");
        let visible: Vec<&str> =
            index.nodes.iter().zip(&out.node_visible).filter(|(_, v)| **v).map(|(n, _)| n.key.as_str()).collect();
        assert!(visible.contains(&"s2"), "section 二 matches by its title");
        assert!(visible.contains(&"s2-2") && visible.contains(&"s2-3"));
        assert!(!visible.contains(&"s1-1") && !visible.contains(&"s4-2"));
        assert!(out.mark_count() >= 5);
        // Marks are exact: every marked range reads 科技金融.
        for (b, ranges) in &out.marks {
            for (s, e) in ranges {
                let text: String = index.blocks[*b].folded[*s as usize..*e as usize].iter().collect();
                assert_eq!(text, "科技金融");
            }
        }
    }

    #[test]
    fn full_width_and_case_fold() {
        let (_, a) = run("２０２３");
        let (_, b) = run("2023");
        assert_eq!(a, b);
        assert!(b.mark_count() > 3);
        let (_, c) = run("e贷");
        let (_, d) = run("Ｅ贷");
        assert_eq!(c.mark_count(), 1);
        assert_eq!(c, d);
        let (_, e) = run("互联网，区块链");
        assert_eq!(e.mark_count(), 0, "，folds to , but the seed writes +");
        let (_, f) = run("科技贷款余额4457.56亿元，同比");
        assert_eq!(f.mark_count(), 1, "a full-width comma finds the ASCII comma of the seed");
    }

    #[test]
    fn figures_follow_context_or_section() {
        let texts = visible_texts("母子基金");
        assert_eq!(texts, ["145支"]);
        // 科技金融 is in section 二's title: all of 二's figures stay.
        let texts = visible_texts("科技金融赋能");
        assert_eq!(texts.len(), 0, "subsection figures are under their own section");
        let texts = visible_texts("创新科技金融产品");
        assert!(texts.contains(&"4457.56亿元".to_string()));
    }

    #[test]
    fn announce_counts() {
        let q = parse_query("母子基金");
        let (_, out) = run("母子基金");
        assert_eq!(announce(&out, &q), "1 个章节、1 项数据");
        let (_, none) = run("不存在的词语");
        assert_eq!(announce(&none, &parse_query("不存在的词语")), "没有找到匹配的内容");
    }

    #[test]
    fn query_language() {
        assert_eq!(
            parse_query(">=100亿元"),
            Query::Compare(Compare { op: Op::Ge, value: 1e10, kinds: vec![FigureKind::Money], unit: None })
        );
        assert_eq!(
            parse_query("<1000万元"),
            Query::Compare(Compare { op: Op::Lt, value: 1e7, kinds: vec![FigureKind::Money], unit: None })
        );
        assert_eq!(
            parse_query("＞20％"),
            Query::Compare(Compare { op: Op::Gt, value: 20.0, kinds: vec![FigureKind::Percent], unit: None })
        );
        assert!(matches!(parse_query("2022年"), Query::Compare(Compare { op: Op::Eq, value, .. }) if value == 2022.0));
        assert!(matches!(parse_query(">=300项"), Query::Compare(Compare { unit: Some(ref u), .. }) if u == "项"));
        assert_eq!(parse_query(">="), Query::Malformed(">=".into()));
        assert_eq!(parse_query(">abc"), Query::Malformed(">abc".into()));
        assert_eq!(parse_query(">5 bananas"), Query::Malformed(">5 bananas".into()));
        assert_eq!(parse_query("科技"), Query::Text("科技".into()));
        assert_eq!(parse_query("537项"), Query::Text("537项".into()), "without an operator a count is text");
    }

    #[test]
    fn at_least_100_yi_yuan_is_exactly_four_figures() {
        assert_eq!(visible_texts(">=100亿元"), ["361亿元", "1415亿元", "4457.56亿元", "238.51亿元"]);
        let (index, out) = run(">=100亿元");
        let keys: Vec<&str> =
            index.nodes.iter().zip(&out.node_matched).filter(|(_, m)| **m).map(|(n, _)| n.key.as_str()).collect();
        assert_eq!(keys, ["s2-1", "s2-2"], "the outline follows the figure filter");
        assert_eq!(out.mark_count(), 4);
    }

    #[test]
    fn qualifiers_count_in_comparisons() {
        assert!(visible_texts(">300项").contains(&"300余项".to_string()), "300余项 is more than 300");
        assert!(!visible_texts("<300项").contains(&"300余项".to_string()));
        assert!(!visible_texts(">1000项").contains(&"300余项".to_string()));
        assert!(visible_texts("<4倍").contains(&"近4倍".to_string()), "近4倍 is under 4");
        assert!(!visible_texts(">=4倍").contains(&"近4倍".to_string()));
        assert!(visible_texts(">8%").contains(&"6%-10%".to_string()), "a range reaching above 8");
        assert_eq!(visible_texts(">50%"), ["超过50%"]);
        assert_eq!(visible_texts("<1000万元"), Vec::<String>::new());
    }

    #[test]
    fn years_and_dates_by_year() {
        let texts = visible_texts("2022年");
        assert_eq!(texts, ["2022年", "2022年以来", "2022年底", "2022年以来"]);
        let (_, out) = run("2022年");
        assert_eq!(out.mark_count(), 4);
    }

    #[test]
    fn malformed_is_reported_not_thrown() {
        let q = parse_query(">=亿元");
        let (_, out) = run(">=亿元");
        assert!(out.malformed.is_some());
        assert!(announce(&out, &q).contains("无法理解"));
    }

    #[test]
    fn kind_facets_narrow_figures() {
        let r = bundled_reply();
        let index = Index::new(&r);
        let out = index.run(&r.figures, &Query::All, &[FigureKind::Money]);
        assert_eq!(out.visible_figures(), 6);
    }
}
