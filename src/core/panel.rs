//! The figure panel's model: groups (by kind or by section), order (document or value), the
//! section label and the spoken phrase of each figure. Pure: the DOM layer only draws it.

use crate::model::{Figure, FigureKind, Reply, Stance};
use crate::outline::Outline;
use crate::util::cat;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    Kind,
    Section,
    /// 承诺 (targets: those of the 下一步 paragraphs first, then the others, each with its
    /// deadline), 成果 (results), 其他 (neither, and every year and date: a deadline is shown
    /// beside its target). Needs the reply annotated
    /// (`parse::annotate`); without stances every figure is 其他.
    Stance,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    Document,
    /// Largest first.
    Value,
}

/// The panel's kind groups, in the order shown. Years and dates share 时间.
pub const KIND_GROUPS: [&[FigureKind]; 5] = [
    &[FigureKind::Money],
    &[FigureKind::Percent],
    &[FigureKind::Count],
    &[FigureKind::Multiple],
    &[FigureKind::Year, FigureKind::Date],
];

#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub label: String,
    /// Figure indexes in display order.
    pub figures: Vec<usize>,
    /// Shown collapsed until the reader opens it (时间: dates are many and say little alone).
    pub collapsed: bool,
}

/// How many figures an open group shows at first, and how many more each 显示更多 adds. A
/// long reply has thousands of figures: rendering them all would double its mount time for a
/// list nobody reads to the end. Figures the filter picks are always rendered.
pub const CHUNK: usize = 100;

/// A long group drawn in part: of its `figures` (display order), which to render now so that
/// its first `want` visible ones are shown, and how many visible ones stay unrendered after
/// that (the count on its 显示更多 button).
pub fn to_render(figures: &[usize], visible: &[bool], rendered: &[bool], want: usize) -> (Vec<usize>, usize) {
    let shown = |i: usize| visible.get(i).copied().unwrap_or(true);
    let is_rendered = |i: usize| rendered.get(i).copied().unwrap_or(false);
    let render: Vec<usize> =
        figures.iter().copied().filter(|&i| shown(i)).take(want).filter(|&i| !is_rendered(i)).collect();
    let unrendered = figures.iter().filter(|&&i| shown(i) && !is_rendered(i)).count();
    let rest = unrendered - render.len();
    (render, rest)
}

/// The clause with the figure itself taken out, so the spoken phrase does not say it twice.
pub fn context_without(f: &Figure) -> String {
    let rest = f.context.replacen(&f.text, "", 1);
    let rest = rest.trim_matches(|c: char| matches!(c, ',' | '，' | '、' | ' '));
    if rest.is_empty() {
        f.context.clone()
    } else {
        rest.to_string()
    }
}

/// How a figure is announced: value first, then its context, then where it is:
/// `361亿元，武汉基金累计出资规模，第 二(一) 节`.
pub fn spoken(f: &Figure, section: &str) -> String {
    let mut s = String::with_capacity(f.text.len() + f.context.len() + 32);
    s.push_str(&f.text);
    s.push('，');
    s.push_str(&context_without(f));
    if !section.is_empty() {
        s.push('，');
        s.push_str(section);
    }
    s
}

fn by_value(reply: &Reply, list: &mut [usize]) {
    crate::util::sort_by(list, |a, b| reply.figures[*a].amount.value > reply.figures[*b].amount.value);
}

/// The panel's groups. Empty groups are left out.
pub fn groups(reply: &Reply, outline: &Outline, grouping: Grouping, order: Order) -> Vec<Group> {
    let mut out = Vec::new();
    match grouping {
        Grouping::Kind => {
            for kinds in KIND_GROUPS {
                let mut figures: Vec<usize> =
                    (0..reply.figures.len()).filter(|&i| kinds.contains(&reply.figures[i].amount.kind)).collect();
                if figures.is_empty() {
                    continue;
                }
                if order == Order::Value {
                    by_value(reply, &mut figures);
                }
                out.push(Group { label: kinds[0].label().to_string(), figures, collapsed: kinds[0].is_time() });
            }
        }
        Grouping::Section => {
            // Top-level nodes; a figure goes under the top-level ancestor of its section.
            let top: Vec<Option<usize>> =
                reply.figures.iter().map(|f| outline.node(&f.section).map(|k| outline.top_of(k))).collect();
            for (k, n) in outline.nodes.iter().enumerate().filter(|(_, n)| n.parent.is_none()) {
                let mut figures: Vec<usize> = (0..reply.figures.len()).filter(|&i| top[i] == Some(k)).collect();
                if figures.is_empty() {
                    continue;
                }
                if order == Order::Value {
                    by_value(reply, &mut figures);
                }
                let label = if n.number.is_empty() { n.title.clone() } else { cat(&[&n.number, &n.title]) };
                out.push(Group { label, figures, collapsed: false });
            }
        }
        Grouping::Stance => {
            let plan = crate::parse::promise::in_plan(reply);
            // A year or a date is when, not what: a target's deadline is shown beside it, so
            // years and dates stay in 其他 whatever their stance.
            let of = |stance: Option<Stance>| -> Vec<usize> {
                (0..reply.figures.len()).filter(|&i| shown_stance(&reply.figures[i]) == stance).collect()
            };
            let mut targets = of(Some(Stance::Target));
            if order == Order::Value {
                by_value(reply, &mut targets);
            }
            // The plan's targets first, each part in the order chosen.
            let (first, rest): (Vec<usize>, Vec<usize>) = targets.into_iter().partition(|&i| plan[i]);
            let targets: Vec<usize> = first.into_iter().chain(rest).collect();
            let mut results = of(Some(Stance::Result));
            let mut other = of(None);
            if order == Order::Value {
                by_value(reply, &mut results);
                by_value(reply, &mut other);
            }
            for (label, figures) in [("承诺", targets), ("成果", results), ("其他", other)] {
                if !figures.is_empty() {
                    out.push(Group { label: label.to_string(), figures, collapsed: false });
                }
            }
        }
    }
    out
}

/// A target's deadline as the panel shows it beside the figure: `2025年`, `2025年12月`; empty
/// for a figure that is no target or has no deadline.
pub fn deadline(f: &Figure) -> String {
    match (f.stance, f.by.as_deref()) {
        (Some(Stance::Target), Some(by)) if by.len() == 7 => {
            let month = by[5..].trim_start_matches('0');
            cat(&[&by[..4], "年", month, "月"])
        }
        (Some(Stance::Target), Some(by)) => cat(&[by, "年"]),
        _ => String::new(),
    }
}

/// The stance a figure shows in the panel and the chart: a year or a date is when, not what
/// (a deadline is shown beside its target), so it shows none.
pub fn shown_stance(f: &Figure) -> Option<Stance> {
    if f.amount.kind.is_time() {
        None
    } else {
        f.stance
    }
}

/// Whether the reply promises anything: only then does the panel tell targets from results
/// (badges, the 立场 facet, the chart's legend). A reply that only reports what was done looks
/// as it did before stances existed.
pub fn has_targets(reply: &Reply) -> bool {
    reply.figures.iter().any(|f| shown_stance(f) == Some(Stance::Target))
}

/// The badge beside a figure in the panel and the chart: `目标 · 2025年` (a target with its
/// deadline), `目标`, `成果`; empty for any other figure.
pub fn badge(f: &Figure) -> String {
    match shown_stance(f) {
        Some(Stance::Target) => {
            let by = deadline(f);
            if by.is_empty() {
                "目标".to_string()
            } else {
                cat(&["目标 · ", &by])
            }
        }
        Some(Stance::Result) => "成果".to_string(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled_reply;

    #[test]
    fn kind_groups_with_time_collapsed() {
        let r = bundled_reply();
        let outline = Outline::new(&r);
        let g = groups(&r, &outline, Grouping::Kind, Order::Document);
        let labels: Vec<(&str, usize, bool)> =
            g.iter().map(|g| (g.label.as_str(), g.figures.len(), g.collapsed)).collect();
        assert_eq!(
            labels,
            [("金额", 6, false), ("比例", 4, false), ("数量", 27, false), ("倍数", 1, false), ("时间", 10, true)]
        );
        assert_eq!(g.iter().map(|g| g.figures.len()).sum::<usize>(), 48);
    }

    #[test]
    fn value_order_is_largest_first() {
        let r = bundled_reply();
        let outline = Outline::new(&r);
        let g = groups(&r, &outline, Grouping::Kind, Order::Value);
        let money: Vec<&str> = g[0].figures.iter().map(|&i| r.figures[i].text.as_str()).collect();
        assert_eq!(money, ["4457.56亿元", "1415亿元", "361亿元", "238.51亿元", "27.19亿元", "15.97亿元"]);
    }

    #[test]
    fn section_groups() {
        let r = bundled_reply();
        let outline = Outline::new(&r);
        let g = groups(&r, &outline, Grouping::Section, Order::Document);
        let labels: Vec<(&str, usize)> = g.iter().map(|g| (g.label.as_str(), g.figures.len())).collect();
        assert_eq!(labels.len(), 4);
        assert_eq!(labels[1], ("二、科技金融赋能,支持科技创新", 22));
    }

    #[test]
    fn stance_groups_list_the_plan_targets_first_with_deadlines() {
        let mut r = crate::parse(
            "关于科技成果转化的提案的答复\n发布时间：2022-05-20 09:00\n李委员：\n您提出的提案收悉。现答复如下：\n\
             一、工作进展\n截至2021年底，全市技术合同成交额达到1150亿元，增长20%。力争到2023年，全市孵化器达到200家。\n\
             二、下一步工作打算\n到2025年，全市技术合同成交额达到1800亿元。\n\
             下一步，我局将力争新建5个中试平台。\n市科技局\n2022年5月18日\n",
        );
        crate::parse::annotate(&mut r);
        let outline = Outline::new(&r);
        let g = groups(&r, &outline, Grouping::Stance, Order::Document);
        let seen: Vec<(&str, Vec<&str>)> = g
            .iter()
            .map(|g| (g.label.as_str(), g.figures.iter().map(|&i| r.figures[i].text.as_str()).collect()))
            .collect();
        // The plan's targets (under 下一步工作打算, in the 下一步 paragraph) first, then the one
        // promised in the account of the work done.
        assert_eq!(seen[0], ("承诺", vec!["1800亿元", "5个", "200家"]));
        assert_eq!(seen[1], ("成果", vec!["1150亿元", "20%"]));
        assert_eq!(g.iter().map(|g| g.figures.len()).sum::<usize>(), r.figures.len(), "every figure once");
        // The bundled reply reports what was done: no 承诺 group at all.
        let b = {
            let mut b = bundled_reply();
            crate::parse::annotate(&mut b);
            b
        };
        let labels: Vec<String> =
            groups(&b, &Outline::new(&b), Grouping::Stance, Order::Document).into_iter().map(|g| g.label).collect();
        assert_eq!(labels, ["成果", "其他"]);
    }

    #[test]
    fn deadlines_read_as_written() {
        let mut r = bundled_reply();
        let f = &mut r.figures[0];
        f.stance = Some(Stance::Target);
        f.by = Some("2025-06".to_string());
        assert_eq!(deadline(f), "2025年6月");
        f.by = Some("2025".to_string());
        assert_eq!(deadline(f), "2025年");
        f.stance = Some(Stance::Result);
        assert_eq!(deadline(f), "");
    }

    #[test]
    fn long_groups_render_the_first_visible_figures_and_count_the_rest() {
        let figures: Vec<usize> = (0..10).collect();
        let none = [false; 10];
        // Nothing filtered: the first 4, and 6 left for 显示更多.
        assert_eq!(to_render(&figures, &[], &none, 4), (vec![0, 1, 2, 3], 6));
        // Already rendered ones are not rendered again, and do not count as left.
        let mut rendered = none;
        rendered[..4].fill(true);
        assert_eq!(to_render(&figures, &[], &rendered, 4), (vec![], 6));
        assert_eq!(to_render(&figures, &[], &rendered, 8), (vec![4, 5, 6, 7], 2));
        // A filter leaving 1, 8 and 9: 8 and 9 come in although they lie past the first chunk.
        let mut visible = [false; 10];
        for i in [1, 8, 9] {
            visible[i] = true;
        }
        assert_eq!(to_render(&figures, &visible, &rendered, 4), (vec![8, 9], 0));
        assert_eq!(to_render(&figures, &visible, &rendered, 2), (vec![8], 1));
    }

    #[test]
    fn spoken_phrase_is_value_first() {
        let r = bundled_reply();
        let outline = Outline::new(&r);
        let f = r.figures.iter().find(|f| f.text == "361亿元").expect("361亿元");
        let label = outline.label_of(&f.section);
        assert_eq!(label, "二(一)");
        assert_eq!(spoken(f, &label), "361亿元，武汉基金累计出资规模，二(一)");
    }

    #[test]
    fn badges_name_targets_with_deadlines_and_results() {
        let mut r = crate::parse(
            "关于科技成果转化的提案的答复\n发布时间：2022-05-20 09:00\n李委员：\n您提出的提案收悉。现答复如下：\n\
             一、工作进展\n截至2021年底，全市技术合同成交额达到1150亿元。\n\
             二、下一步工作打算\n到2025年，全市技术合同成交额达到1800亿元。\n市科技局\n2022年5月18日\n",
        );
        assert!(!has_targets(&r), "not annotated: no stances");
        crate::parse::annotate(&mut r);
        assert!(has_targets(&r));
        let seen: Vec<(&str, String)> = r.figures.iter().map(|f| (f.text.as_str(), badge(f))).collect();
        let of = |text: &str| seen.iter().find(|(t, _)| *t == text).map(|(_, b)| b.as_str());
        assert_eq!(of("1800亿元"), Some("目标 · 2025年"));
        assert_eq!(of("1150亿元"), Some("成果"));
        // A deadline year is no target of its own: its badge is the figure's.
        assert_eq!(of("2025年"), Some(""));
        // The bundled reply reports work done only: no badge tells targets from results.
        let mut b = bundled_reply();
        crate::parse::annotate(&mut b);
        assert!(!has_targets(&b));
    }
}
