//! The indicator view of the library (issue 22): the query `指标:技术合同成交额` shows every
//! value of that indicator across the archive in time order — a chart (SVG, results as points,
//! targets as deadline markers, each with its text) and a table (caption, header cells) — then
//! 承诺追踪 (targets whose deadline has passed beside the latest result reported after it) and
//! buttons that download either as CSV, drawn by this module for the library module (which
//! places it and handles its buttons). The logic is `reply_core::library`'s (`track`,
//! `values_csv`, `promises_csv`); this module only writes markup. Numbers are shown as the
//! replies wrote them; chart coordinates are whole numbers (no float formatting in the wasm).

use reply_core::library::{end_month, IndicatorValue, Promise, Verdict};
use reply_core::Stance;
use reply_web::html::{safe_url, Html};

/// The `data-action`s of the view's controls, which the library module's listener reads
/// (`src/library/action.rs`: 显示更多, the downloads, an indicator of the list by `data-key`).
const MORE: &str = "more";
const CSV_VALUES: &str = "csv-values";
const CSV_PROMISES: &str = "csv-promises";
const INDICATOR: &str = "indicator";

/// `2025-06` → months since year 0, for the chart's time axis.
fn month_number(when: &str) -> Option<i64> {
    let m = end_month(when)?;
    let year: i64 = m[..4].parse().ok()?;
    let month: i64 = m[5..7].parse().ok()?;
    Some(year * 12 + month - 1)
}

const WIDTH: i64 = 640;
const HEIGHT: i64 = 200;
const LEFT: i64 = 16;
const BOTTOM: i64 = 24;

/// The chart: the values of the indicator's most common kind and unit on a time axis, a result
/// a filled circle, a target a hollow diamond at its deadline, each with a `<title>`; the
/// first and last month written under the axis. `role="img"` named by its summary (the table
/// below holds every value as text).
fn chart(h: &mut Html, key: &str, values: &[IndicatorValue]) {
    // The most common (kind, unit): values of another unit are not drawn on the same axis.
    let mut best = (0usize, 0usize);
    for (i, v) in values.iter().enumerate() {
        let n = values.iter().filter(|x| x.kind == v.kind && x.unit == v.unit).count();
        if n > best.1 {
            best = (i, n);
        }
    }
    let Some(first) = values.get(best.0) else { return };
    let drawn: Vec<(i64, &IndicatorValue)> = values
        .iter()
        .filter(|v| v.kind == first.kind && v.unit == first.unit)
        .filter_map(|v| Some((month_number(v.when())?, v)))
        .collect();
    if drawn.is_empty() {
        return;
    }
    let (mut m0, mut m1, mut top) = (i64::MAX, i64::MIN, 0.0f64);
    for (m, v) in &drawn {
        m0 = m0.min(*m);
        m1 = m1.max(*m);
        top = top.max(v.value);
    }
    let span = (m1 - m0).max(1);
    let x = |m: i64| LEFT + (m - m0) * (WIDTH - 2 * LEFT) / span;
    let y = |v: f64| {
        let share = if top > 0.0 { v / top } else { 0.0 };
        HEIGHT - BOTTOM - (share * (HEIGHT - BOTTOM - 12) as f64) as i64
    };
    let results = drawn.iter().filter(|(_, v)| v.stance == Some(Stance::Result)).count();
    let targets = drawn.iter().filter(|(_, v)| v.stance == Some(Stance::Target)).count();
    let summary = format!(
        "{key}走势图：{} 个数值（成果 {results} 个为实心圆点，目标 {targets} 个为空心菱形、位于期限），{} 至 {}；各数值见下表",
        drawn.len(),
        drawn.first().map_or("", |(_, v)| v.when()),
        drawn.last().map_or("", |(_, v)| v.when()),
    );
    let view = format!("0 0 {WIDTH} {HEIGHT}");
    h.open("figure", "rw-ind-chart", &[]);
    h.open("svg", "", &[("viewBox", &view), ("role", "img"), ("aria-label", &summary), ("width", "100%")]);
    let axis = format!("{}", HEIGHT - BOTTOM);
    let right = format!("{}", WIDTH - LEFT);
    let left = LEFT.to_string();
    h.open("line", "", &[("x1", &left), ("x2", &right), ("y1", &axis), ("y2", &axis), ("stroke", "currentColor")])
        .close("line");
    let label_y = (HEIGHT - 6).to_string();
    let first_when = drawn.first().map_or("", |(_, v)| v.when());
    let last_when = drawn.last().map_or("", |(_, v)| v.when());
    h.leaf("text", "", &[("x", &left), ("y", &label_y), ("font-size", "12"), ("fill", "currentColor")], first_when);
    h.leaf(
        "text",
        "",
        &[("x", &right), ("y", &label_y), ("font-size", "12"), ("text-anchor", "end"), ("fill", "currentColor")],
        last_when,
    );
    for (m, v) in &drawn {
        let (cx, cy) = (x(*m), y(v.value));
        let title = format!("{} {} {}（{}）", v.when(), v.stance_label(), v.text, v.title);
        if v.stance == Some(Stance::Target) {
            let points = format!("{},{} {},{} {},{} {},{}", cx, cy - 6, cx + 6, cy, cx, cy + 6, cx - 6, cy);
            h.open(
                "polygon",
                "rw-ind-target",
                &[("points", &points), ("fill", "none"), ("stroke", "#b3261e"), ("stroke-width", "2")],
            );
        } else {
            let (cx, cy) = (cx.to_string(), cy.to_string());
            h.open("circle", "rw-ind-result", &[("cx", &cx), ("cy", &cy), ("r", "5"), ("fill", "#1d4f91")]);
        }
        h.leaf("title", "", &[], &title);
        h.close(if v.stance == Some(Stance::Target) { "polygon" } else { "circle" });
    }
    h.close("svg").close("figure");
}

/// The status line of an indicator's view: how many values (成果, 目标), and 承诺追踪's tally.
pub(crate) fn summary(key: &str, values: &[IndicatorValue], promises: &[Promise]) -> String {
    let count = |v: Verdict| promises.iter().filter(|p| p.verdict == v).count();
    format!(
        "指标 {key}：{} 个数值（成果 {} 个，目标 {} 个）；承诺追踪 {} 项：已达成 {}，未达成 {}，未见报告 {}",
        values.len(),
        values.iter().filter(|v| v.stance == Some(Stance::Result)).count(),
        values.iter().filter(|v| v.stance == Some(Stance::Target)).count(),
        promises.len(),
        count(Verdict::Reached),
        count(Verdict::Missed),
        count(Verdict::Unreported),
    )
}

/// The status line when the query names no indicator the archive has: how many it has.
pub(crate) fn unknown(key: &str, known: usize) -> String {
    if key.is_empty() {
        format!("可查看 {known} 个指标，请选择")
    } else {
        format!("答复中没有指标“{key}”，可查看的指标有 {known} 个")
    }
}

/// The whole view: heading, chart, the values' table, 承诺追踪, the download buttons — the
/// first `limit` values in time order (and 承诺追踪 rows), 显示更多 when there are more (the
/// library draws 100 rows at first and as many more each time: an indicator of thousands of
/// values would otherwise cost a second to draw; the CSV downloads hold every value).
pub(crate) fn view(key: &str, all: &[IndicatorValue], promises: &[Promise], now: &str, limit: usize) -> Html {
    let mut h = Html::new();
    let values = &all[..all.len().min(limit)];
    h.leaf("h3", "rw-ind-title", &[], &format!("指标：{key}"));
    chart(&mut h, key, values);
    h.open("table", "rw-ind-values", &[("tabindex", "-1")]);
    let shown =
        if values.len() < all.len() { format!("，表中为最早的 {} 个", values.len()) } else { String::new() };
    h.leaf(
        "caption",
        "",
        &[],
        &format!("{key}：全部 {} 个数值，按时间排列（成果按答复发布月份，目标按期限）{shown}", all.len()),
    );
    h.open("thead", "", &[]).open("tr", "", &[]);
    for c in ["时间", "类别", "数据", "答复", "原文"] {
        h.leaf("th", "", &[("scope", "col")], c);
    }
    h.close("tr").close("thead").open("tbody", "", &[]);
    for v in values {
        let class = match v.stance {
            Some(Stance::Target) => "rw-ind-row-target",
            Some(Stance::Result) => "rw-ind-row-result",
            None => "",
        };
        h.open("tr", class, &[]);
        h.leaf("th", "", &[("scope", "row")], v.when());
        h.leaf("td", "", &[], if v.stance.is_none() { "—" } else { v.stance_label() });
        h.leaf("td", "rw-val", &[], &v.text);
        h.open("td", "", &[]);
        link(&mut h, v);
        h.close("td").leaf("td", "rw-ctx", &[], &v.context).close("tr");
    }
    h.close("tbody").close("table");
    let more = all.len().max(promises.len()).saturating_sub(limit);
    if more > 0 {
        h.leaf(
            "button",
            "rw-more",
            &[("type", "button"), ("data-action", MORE)],
            &format!("显示更多（还有 {more} 个）"),
        );
    }

    h.leaf("h4", "", &[], "承诺追踪");
    if promises.is_empty() {
        h.leaf("p", "rw-ind-none", &[], &format!("截至 {now}，没有期限已过的目标。"));
    } else {
        h.open("table", "rw-ind-promises", &[]);
        h.leaf(
            "caption",
            "",
            &[],
            &format!("承诺追踪：期限已过（截至 {now}）的 {} 个目标及其后报告的最新成果", promises.len()),
        );
        h.open("thead", "", &[]).open("tr", "", &[]);
        for c in ["期限", "目标", "最新成果", "结论"] {
            h.leaf("th", "", &[("scope", "col")], c);
        }
        h.close("tr").close("thead").open("tbody", "", &[]);
        for p in promises.iter().take(limit) {
            let t = &all[p.target];
            h.open("tr", "", &[]);
            h.leaf("th", "", &[("scope", "row")], t.by.as_deref().unwrap_or(""));
            h.open("td", "", &[]).leaf("span", "rw-val", &[], &t.text).text("（");
            link(&mut h, t);
            h.text("）").close("td").open("td", "", &[]);
            match p.result.map(|r| &all[r]) {
                Some(r) => {
                    h.leaf("span", "rw-val", &[], &r.text).text(&format!(" {}（", r.reported));
                    link(&mut h, r);
                    h.text("）");
                }
                None => {
                    h.text("—");
                }
            }
            let class = match p.verdict {
                Verdict::Reached => "rw-ind-reached",
                Verdict::Missed => "rw-ind-missed",
                Verdict::Unreported => "rw-ind-unreported",
            };
            h.close("td").leaf("td", class, &[], p.verdict.label()).close("tr");
        }
        h.close("tbody").close("table");
    }
    h.open("p", "rw-ind-tools", &[]);
    h.leaf("button", "", &[("type", "button"), ("data-action", CSV_VALUES)], "下载全部数值（CSV）");
    h.text(" ");
    h.leaf("button", "", &[("type", "button"), ("data-action", CSV_PROMISES)], "下载承诺追踪（CSV）");
    h.close("p");
    h
}

/// The reply's title, linked when its address is fit for a link.
fn link(h: &mut Html, v: &IndicatorValue) {
    match safe_url(&v.url) {
        Some(u) if !u.is_empty() => h.leaf("a", "", &[("href", u)], &v.title),
        _ => h.text(&v.title),
    };
}

/// The archive's indicators as buttons that open their view (a query with no such indicator).
pub(crate) fn choices(keys: &[(String, usize)]) -> Html {
    let mut h = Html::new();
    if keys.is_empty() {
        return h;
    }
    h.open("ul", "rw-ind-keys", &[("aria-label", "可查看的指标")]);
    for (k, n) in keys {
        h.open("li", "", &[]);
        h.leaf("button", "rw-link", &[("type", "button"), ("data-action", INDICATOR), ("data-key", k)], k);
        h.text(&format!("（{n} 个数值）")).close("li");
    }
    h.close("ul");
    h
}

#[cfg(test)]
mod tests;
