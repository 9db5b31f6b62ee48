//! The figure panel's money chart: an SVG bar per money figure the filter leaves, largest
//! first, in 亿元, with a title, a description and a data table for screen readers.
//!
//! Shared by the reply page's two modules: the page module draws the chart's empty frame at
//! mount ([`frame`]: the room it will take, so that nothing below moves when it is drawn), the
//! extras module writes the chart itself ([`draw`]) and hands the markup over as a string
//! (issue 21: what the first screen can do without). Each module keeps only what it calls.

use reply_core::export::{money_bars, yi_text};
use reply_core::model::{Reply, Stance};
use reply_core::outline::Outline;
use reply_core::panel;

use crate::html::Html;

/// At most this many bars, each this many units of the chart's 320-wide drawing.
pub const BARS: usize = 12;
const ROW: usize = 46;
const TITLE: &str = "金额对比（亿元）";
/// The `data-action` of the button that shows or hides the chart's data table.
pub const TABLE_ACTION: &str = "chart-table";

/// A stance as the markup names it (`data-stance`).
pub fn stance_name(stance: Option<Stance>) -> &'static str {
    match stance {
        Some(Stance::Target) => "target",
        Some(Stance::Result) => "result",
        None => "other",
    }
}

/// `316.0`: one decimal without `{:.1}`, which would pull core's float formatting (about 15 KB
/// of wasm) in for a bar width.
fn tenths(v: f64) -> String {
    let t = (v * 10.0).round().max(0.0) as u64;
    let mut s = (t / 10).to_string();
    s.push('.');
    s.push_str(&(t % 10).to_string());
    s
}

/// The drawing area for `bars` rows: its height follows from this and the width.
fn view(bars: usize) -> String {
    let mut s = String::from("0 0 320 ");
    s.push_str(&(ROW * bars + 4).to_string());
    s
}

fn table_button(h: &mut Html) {
    h.leaf(
        "button",
        "rw-link",
        &[
            ("type", "button"),
            ("data-action", TABLE_ACTION),
            ("aria-expanded", "false"),
            ("aria-controls", "rw-chart-table"),
        ],
        "显示数据表",
    );
}

/// The chart's frame for `bars` rows: its title, an empty drawing of that height, its button.
pub fn frame(bars: usize) -> Html {
    let mut h = Html::new();
    h.leaf("h3", "rw-chart-title", &[("id", "rw-chart-title")], TITLE);
    h.leaf("svg", "", &[("viewBox", &view(bars)), ("aria-hidden", "true")], "");
    table_button(&mut h);
    h
}

/// The chart of the figures `visible` leaves (empty markup when no money figure is visible):
/// `selected` drawn as selected; with `badges` (the reply promises anything) targets are drawn
/// apart from results (outlined, dashed) and each bar says which.
pub fn draw(reply: &Reply, outline: &Outline, visible: &[bool], selected: Option<usize>, badges: bool) -> Html {
    let (bars, total) = money_bars(reply, visible, BARS);
    let mut h = Html::new();
    let Some(first) = bars.first() else { return h };
    h.leaf("h3", "rw-chart-title", &[("id", "rw-chart-title")], TITLE);
    let view = view(bars.len());
    h.open(
        "svg",
        "",
        &[
            ("viewBox", &view),
            ("role", "img"),
            ("aria-labelledby", "rw-chart-title rw-chart-desc"),
            ("focusable", "false"),
        ],
    );
    let top = &reply.figures[first.figure];
    let mut desc = format!("按金额从大到小排列的 {} 项资金数据", bars.len());
    if total > bars.len() {
        desc.push_str(&format!("（共 {total} 项，显示最大的 {}）", bars.len()));
    }
    desc.push_str(&format!("，最大为 {}：{}", top.text, panel::context_without(top)));
    // Targets are drawn apart from results (outlined, dashed): the description says how many.
    let badge_of = |i: usize| if badges { panel::badge(&reply.figures[i]) } else { String::new() };
    let targets = bars.iter().filter(|b| panel::shown_stance(&reply.figures[b.figure]) == Some(Stance::Target)).count();
    if badges && targets > 0 {
        desc.push_str(&format!("；其中 {targets} 项是目标（承诺，虚线框），其余是成果或其他"));
    }
    desc.push_str("。数据表见下方。");
    h.leaf("desc", "", &[("id", "rw-chart-desc")], &desc);
    for (k, bar) in bars.iter().enumerate() {
        let f = &reply.figures[bar.figure];
        let badge = badge_of(bar.figure);
        let shift = format!("translate(0 {})", k * ROW);
        let mut attrs = vec![("data-fig", bar.figure.to_string()), ("transform", shift)];
        if !badge.is_empty() {
            attrs.push(("data-stance", stance_name(f.stance).to_string()));
        }
        if selected == Some(bar.figure) {
            attrs.push(("data-selected", String::new()));
        }
        let attrs: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        h.open("g", "rw-bar", &attrs);
        // The whole row takes the click, not only the painted text and bar.
        h.leaf("rect", "rw-bar-hit", &[("x", "0"), ("y", "0"), ("width", "320"), ("height", "44")], "");
        let context: String = panel::context_without(f).chars().take(16).collect();
        h.open("text", "", &[("x", "0"), ("y", "16")]).text(&f.text).text("　");
        if !badge.is_empty() {
            h.text("【").text(&badge).text("】");
        }
        h.text(&context).close("text");
        let width = tenths((bar.share * 316.0).max(2.0));
        let target = !badge.is_empty() && panel::shown_stance(f) == Some(Stance::Target);
        h.leaf(
            "rect",
            if target { "rw-bar-fill rw-bar-target" } else { "rw-bar-fill" },
            &[("x", "0"), ("y", "24"), ("height", "14"), ("rx", "2"), ("width", &width)],
            "",
        );
        if badge.is_empty() {
            h.leaf("title", "", &[], &f.context);
        } else {
            h.leaf("title", "", &[], &format!("{badge}：{}", f.context));
        }
        h.close("g");
    }
    h.close("svg");
    if badges && targets > 0 {
        // The key, in words: a dashed box is a target, a filled bar a result.
        h.open("p", "rw-chart-legend", &[("aria-hidden", "true")]);
        h.leaf("span", "rw-key rw-key-target", &[], "").text("目标（承诺，标有期限）");
        h.leaf("span", "rw-key", &[], "").text("成果及其他");
        h.close("p");
    }
    // The same data as a table: read by screen readers, shown on request. The box hides it
    // (a table cannot be narrower than its content, so it is clipped by a wrapper instead).
    h.open("div", "rw-sr", &[("id", "rw-chart-table")]).open("table", "rw-chart-table", &[]);
    h.leaf("caption", "", &[], "金额对比的数据表").open("tr", "", &[]);
    for head in ["金额（亿元）", "原文", "说明", "章节"] {
        h.leaf("th", "", &[("scope", "col")], head);
    }
    h.close("tr");
    for bar in &bars {
        let f = &reply.figures[bar.figure];
        h.open("tr", "", &[]).leaf("td", "", &[], &yi_text(bar.yi)).leaf("td", "", &[], &f.text);
        let badge = badge_of(bar.figure);
        if badge.is_empty() {
            h.leaf("td", "", &[], &f.context);
        } else {
            h.leaf("td", "", &[], &format!("{badge}：{}", f.context));
        }
        h.leaf("td", "", &[], &outline.label_of(&f.section));
        h.close("tr");
    }
    h.close("table").close("div");
    table_button(&mut h);
    h
}

#[cfg(test)]
mod tests;
