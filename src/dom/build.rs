//! Builds each part's DOM from the pure models. Text goes in as text nodes only, never as HTML.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::filter::Index;
use crate::model::Reply;
use crate::panel::{self, Grouping, Order, KIND_GROUPS};

pub fn el(doc: &Document, tag: &str, class: &str) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Ok(e)
}

pub fn set(e: &Element, attrs: &[(&str, &str)]) -> Result<(), JsValue> {
    for (k, v) in attrs {
        e.set_attribute(k, v)?;
    }
    Ok(())
}

/// Appends a child element with text content.
pub fn child(doc: &Document, parent: &Element, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
    let e = el(doc, tag, class)?;
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    parent.append_child(&e)?;
    Ok(e)
}

/// The open shadow root of a host: reused when a previous mount made one (a shadow root
/// cannot be detached), attached otherwise. Its old content and sheets are cleared.
pub fn shadow(host: &Element) -> Result<ShadowRoot, JsValue> {
    let root = match host.shadow_root() {
        Some(r) => r,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    root.set_text_content(None);
    super::styles::adopt(&root)?;
    Ok(root)
}

/// The searchbox, its previous/next buttons and the live region.
pub struct SearchView {
    pub input: HtmlInputElement,
    pub status: Element,
}

pub fn search(doc: &Document, wrap: &Element) -> Result<SearchView, JsValue> {
    let bar = child(doc, wrap, "div", "rw-search", "")?;
    set(&bar, &[("role", "search")])?;
    let input: HtmlInputElement = el(doc, "input", "")?.dyn_into()?;
    set(
        &input,
        &[
            ("type", "search"),
            ("role", "searchbox"),
            ("aria-label", "在答复中查找"),
            ("placeholder", "查找，如 科技金融、>=100亿元"),
            ("autocomplete", "off"),
            ("enterkeyhint", "search"),
            ("data-action", "query"),
        ],
    )?;
    bar.append_child(&input)?;
    for (action, label, glyph) in [("prev", "上一处匹配", "↑"), ("next", "下一处匹配", "↓")] {
        let b = child(doc, &bar, "button", "", glyph)?;
        set(&b, &[("type", "button"), ("data-action", action), ("aria-label", label), ("title", label)])?;
    }
    // The live region exists, empty, before its text ever changes, so it is announced.
    let status = child(doc, wrap, "p", "rw-status", "")?;
    set(&status, &[("role", "status"), ("aria-live", "polite"), ("aria-atomic", "true")])?;
    Ok(SearchView { input, status })
}

pub struct OutlineDom {
    pub wrap: Element,
    /// One treeitem per outline node.
    pub items: Vec<Element>,
    pub skip: Element,
}

pub fn outline(doc: &Document, root: &ShadowRoot) -> Result<OutlineDom, JsValue> {
    let wrap = el(doc, "nav", "rw rw-outline")?;
    set(&wrap, &[("aria-labelledby", "rw-outline-title")])?;
    root.append_child(&wrap)?;
    Ok(OutlineDom { items: Vec::new(), skip: el(doc, "a", "")?, wrap })
}

/// Fills the outline after the search and tools, so they come first in tab order.
/// The outline as a flat tree (APG "flat" structure): every treeitem is a child of the tree with
/// aria-level, aria-setsize and aria-posinset, so an item's accessible name is its own row and
/// never the text of its children.
pub fn outline_tree(doc: &Document, dom: &mut OutlineDom, index: &Index) -> Result<(), JsValue> {
    child(doc, &dom.wrap, "h2", "rw-part-title", "提纲")?.set_id("rw-outline-title");
    let tree = child(doc, &dom.wrap, "ul", "rw-tree", "")?;
    set(&tree, &[("role", "tree"), ("aria-labelledby", "rw-outline-title")])?;
    // Sizes of sibling sets, by parent (slot 0 for top level).
    let mut set_size = vec![0usize; index.nodes.len() + 1];
    for n in &index.nodes {
        set_size[n.parent.map_or(0, |p| p + 1)] += 1;
    }
    let mut seen = vec![0usize; index.nodes.len() + 1];
    let mut items = Vec::with_capacity(index.nodes.len());
    for (k, n) in index.nodes.iter().enumerate() {
        let li = child(doc, &tree, "li", "rw-item", "")?;
        let slot = n.parent.map_or(0, |p| p + 1);
        seen[slot] += 1;
        let pos = seen[slot];
        set(
            &li,
            &[
                ("role", "treeitem"),
                ("aria-level", &n.depth.to_string()),
                ("aria-setsize", &set_size[slot].to_string()),
                ("aria-posinset", &pos.to_string()),
                ("data-node", &k.to_string()),
                ("data-depth", &n.depth.min(6).to_string()),
                ("tabindex", if k == 0 { "0" } else { "-1" }),
            ],
        )?;
        let row = child(doc, &li, "span", "rw-row", "")?;
        set(&child(doc, &row, "span", "rw-twisty", "")?, &[("aria-hidden", "true")])?;
        if !n.number.is_empty() {
            child(doc, &row, "span", "rw-num", &n.number)?;
        }
        child(doc, &row, "span", "rw-title", &n.title)?;
        if n.figure_count > 0 {
            let count = n.figure_count.to_string();
            set(&child(doc, &row, "span", "rw-badge", &count)?, &[("aria-hidden", "true")])?;
            child(doc, &row, "span", "rw-sr", &format!("，{count} 项数据"))?;
        }
        if n.has_children {
            li.set_attribute("aria-expanded", "true")?;
        }
        items.push(li);
    }
    let skip = child(doc, &dom.wrap, "a", "rw-skip", "跳到正文")?;
    set(&skip, &[("href", "#"), ("data-action", "skip")])?;
    dom.items = items;
    dom.skip = skip;
    Ok(())
}

pub struct FiguresDom {
    pub wrap: Element,
    pub body: Element,
    /// Per figure: its list item and its button (None while not rendered).
    pub items: Vec<Option<(Element, Element)>>,
    /// Per rendered group: its section, its head button, its list and its figures.
    pub groups: Vec<(Element, Element, Element, Vec<usize>)>,
    /// Per rendered group: whether it is open.
    pub open: Vec<bool>,
    /// Per figure: its group.
    pub group_of: Vec<usize>,
    pub empty: Element,
    /// The money chart: its box, redrawn as the filter changes.
    pub chart: Element,
    /// The bars (and money total) the chart was last drawn with.
    pub chart_key: Option<Vec<usize>>,
}

pub fn figures_frame(doc: &Document, root: &ShadowRoot) -> Result<FiguresDom, JsValue> {
    let wrap = el(doc, "section", "rw rw-panel")?;
    set(&wrap, &[("aria-labelledby", "rw-figures-title")])?;
    root.append_child(&wrap)?;
    child(doc, &wrap, "h2", "rw-part-title", "数据一览")?.set_id("rw-figures-title");
    Ok(FiguresDom {
        wrap,
        body: el(doc, "div", "")?,
        items: Vec::new(),
        groups: Vec::new(),
        open: Vec::new(),
        group_of: Vec::new(),
        empty: el(doc, "p", "")?,
        chart: el(doc, "div", "")?,
        chart_key: None,
    })
}

/// The panel's controls: grouping, order, kind facets with counts.
pub fn figures_controls(doc: &Document, dom: &mut FiguresDom, reply: &Reply) -> Result<(), JsValue> {
    let tools = child(doc, &dom.wrap, "div", "rw-tools", "")?;
    for (label, buttons) in [
        ("分组方式", [("group-kind", "按类型", true), ("group-section", "按章节", false)]),
        ("排序方式", [("sort-doc", "文中顺序", true), ("sort-value", "数值从大到小", false)]),
    ] {
        let g = child(doc, &tools, "div", "rw-tools", "")?;
        set(&g, &[("role", "group"), ("aria-label", label)])?;
        for (action, text, pressed) in buttons {
            let b = child(doc, &g, "button", "", text)?;
            set(
                &b,
                &[
                    ("type", "button"),
                    ("data-action", action),
                    ("aria-pressed", if pressed { "true" } else { "false" }),
                ],
            )?;
        }
    }
    let facets = child(doc, &dom.wrap, "fieldset", "rw-facets", "")?;
    child(doc, &facets, "legend", "", "数据类型")?;
    for (k, kinds) in KIND_GROUPS.iter().enumerate() {
        let label = child(doc, &facets, "label", "", "")?;
        let input = el(doc, "input", "")?;
        set(&input, &[("type", "checkbox"), ("data-facet", &k.to_string()), ("checked", "")])?;
        label.append_child(&input)?;
        child(doc, &label, "span", "", kinds[0].label())?;
        let n = reply.figures.iter().filter(|f| kinds.contains(&f.kind)).count();
        child(doc, &label, "span", "rw-badge", &n.to_string())?;
    }
    let out = child(doc, &dom.wrap, "div", "rw-tools", "")?;
    set(&out, &[("role", "group"), ("aria-label", "导出与引用")])?;
    for (action, text, title) in [
        ("export-csv", "导出 CSV", "把当前显示的数据导出为表格（Excel 可直接打开）"),
        ("export-json", "导出 JSON", "把当前显示的数据导出为 JSON"),
        ("cite", "复制引用", "复制所选数据的引用：数据、上下文、章节、标题和日期（也可在数据上按 C 键）"),
    ] {
        let b = child(doc, &out, "button", "", text)?;
        set(&b, &[("type", "button"), ("data-action", action), ("title", title)])?;
    }
    // Number-aware filtering as controls: they write the same query the searchbox takes.
    let range = child(doc, &dom.wrap, "fieldset", "rw-facets rw-range", "")?;
    child(doc, &range, "legend", "", "按数值筛选（也可在查找框输入，如 >=100亿元）")?;
    let op = child(doc, &range, "select", "", "")?;
    set(&op, &[("data-range", "op"), ("aria-label", "比较方式")])?;
    for (value, label) in [(">=", "不少于 ≥"), ("<=", "不超过 ≤"), (">", "大于 >"), ("<", "小于 <"), ("=", "等于 =")]
    {
        set(&child(doc, &op, "option", "", label)?, &[("value", value)])?;
    }
    let amount = child(doc, &range, "input", "", "")?;
    set(
        &amount,
        &[
            ("type", "text"),
            ("inputmode", "decimal"),
            ("data-range", "value"),
            ("aria-label", "数值"),
            ("size", "6"),
            ("placeholder", "100"),
        ],
    )?;
    let unit = child(doc, &range, "select", "", "")?;
    set(&unit, &[("data-range", "unit"), ("aria-label", "单位")])?;
    for u in ["亿元", "万元", "元", "%", "倍", "项", "家", "个", "人", "年"] {
        set(&child(doc, &unit, "option", "", u)?, &[("value", u)])?;
    }
    let apply = child(doc, &range, "button", "", "筛选")?;
    set(&apply, &[("type", "button"), ("data-action", "range")])?;
    dom.chart = child(doc, &dom.wrap, "div", "rw-chart", "")?;
    dom.body = child(doc, &dom.wrap, "div", "rw-groups", "")?;
    dom.empty = child(doc, &dom.wrap, "p", "rw-empty", "没有符合条件的数据")?;
    dom.empty.toggle_attribute_with_force("hidden", true)?;
    Ok(())
}

/// (Re)draws the figure groups: on mount and when the reader changes grouping or order.
pub fn figures_groups(
    doc: &Document,
    dom: &mut FiguresDom,
    reply: &Reply,
    index: &Index,
    grouping: Grouping,
    order: Order,
) -> Result<(), JsValue> {
    dom.body.set_text_content(None);
    // A figure item, named by its content in the order a screen reader should say it: the value
    // (one text node: a number is never split), then the clause, then the section.
    let template = el(doc, "li", "")?;
    set(&template, &[("role", "listitem")])?;
    let b = child(doc, &template, "button", "rw-fig", "")?;
    set(&b, &[("type", "button"), ("tabindex", "-1")])?;
    for class in ["rw-val", "rw-sr", "rw-ctx", "rw-sr", "rw-sec"] {
        child(doc, &b, "span", class, if class == "rw-sr" { "，" } else { "" })?;
    }
    let labels: Vec<String> = index.nodes.iter().map(|n| panel::section_label(&index.nodes, &n.key)).collect();
    dom.items = vec![None; reply.figures.len()];
    dom.groups.clear();
    dom.open.clear();
    dom.group_of = vec![usize::MAX; reply.figures.len()];
    for (g, group) in panel::groups(reply, &index.nodes, grouping, order).into_iter().enumerate() {
        let section = child(doc, &dom.body, "section", "rw-group", "")?;
        let head_id = format!("rw-group-{g}");
        let h = child(doc, &section, "h3", "", "")?;
        let head = child(doc, &h, "button", "rw-group-head", "")?;
        head.set_id(&head_id);
        let list_id = format!("rw-list-{g}");
        set(
            &head,
            &[
                ("type", "button"),
                ("data-action", "toggle-group"),
                ("data-group", &g.to_string()),
                ("aria-expanded", if group.collapsed { "false" } else { "true" }),
                ("aria-controls", &list_id),
            ],
        )?;
        child(doc, &head, "span", "", &group.label)?;
        child(doc, &head, "span", "rw-badge", &group.figures.len().to_string())?;
        let list = child(doc, &section, "ul", "rw-figs", "")?;
        list.set_id(&list_id);
        set(&list, &[("role", "list"), ("aria-labelledby", &head_id)])?;
        if group.collapsed {
            list.toggle_attribute_with_force("hidden", true)?;
        }
        for &i in &group.figures {
            let f = &reply.figures[i];
            // One clone of the template instead of a dozen calls per item: long replies have
            // thousands of figures.
            let li: Element = template.clone_node_with_deep(true)?.dyn_into()?;
            let Some(b) = li.first_element_child() else { continue };
            b.set_attribute("data-fig", &i.to_string())?;
            let parts = b.children();
            let label = index.figure_node(i).and_then(|k| labels.get(k)).map_or("", String::as_str);
            for (slot, text) in [(0, f.text.as_str()), (2, &panel::context_without(f)), (4, label)] {
                if let Some(span) = parts.item(slot) {
                    span.set_text_content(Some(text));
                }
            }
            list.append_child(&li)?;
            dom.items[i] = Some((li, b));
            dom.group_of[i] = g;
        }
        dom.groups.push((section, head, list, group.figures));
        dom.open.push(!group.collapsed);
    }
    Ok(())
}

pub struct ArticleDom {
    pub wrap: Element,
    /// One element per index block (heading or paragraph).
    pub blocks: Vec<Element>,
    /// Per outline node: its section element and its heading element.
    pub sections: Vec<Element>,
    pub headings: Vec<Element>,
}

fn heading_tag(depth: usize) -> &'static str {
    match depth {
        1 => "h2",
        2 => "h3",
        3 => "h4",
        4 => "h5",
        _ => "h6",
    }
}

pub fn article(doc: &Document, root: &ShadowRoot, reply: &Reply, index: &Index) -> Result<ArticleDom, JsValue> {
    let wrap = el(doc, "article", "rw rw-article")?;
    set(&wrap, &[("aria-labelledby", "rw-node-0")])?;
    root.append_child(&wrap)?;
    let mut blocks = Vec::with_capacity(index.blocks.len());
    let mut sections: Vec<Element> = Vec::with_capacity(index.nodes.len());
    let mut headings = Vec::with_capacity(index.nodes.len());
    for (k, n) in index.nodes.iter().enumerate() {
        let parent = match n.parent.and_then(|p| sections.get(p)) {
            Some(p) => p.clone(),
            None => wrap.clone(),
        };
        let is_top = k == 0;
        let section = child(doc, &parent, if is_top { "header" } else { "section" }, "", "")?;
        let node_id = format!("rw-node-{k}");
        set(&section, &[("id", &n.key), ("data-node", &k.to_string())])?;
        let (tag, class) = if is_top {
            ("h1", "")
        } else if n.number.is_empty() {
            // 开头 / 结束语 are our labels, not the reply's: for the outline and screen readers only.
            (heading_tag(n.depth), "rw-sr")
        } else {
            (heading_tag(n.depth), "")
        };
        let h = child(doc, &section, tag, class, &format!("{}{}", n.number, n.title))?;
        set(&h, &[("id", &node_id), ("tabindex", "-1"), ("data-node", &k.to_string())])?;
        blocks.push(h.clone());
        headings.push(h);
        if is_top {
            let meta = [
                reply.published.as_deref().map(|p| format!("发布时间：{p}")),
                reply.source.as_deref().map(|s| format!("来源：{s}")),
            ];
            let meta: Vec<String> = meta.into_iter().flatten().collect();
            if !meta.is_empty() {
                child(doc, &section, "p", "rw-meta", &meta.join("　"))?;
            }
        }
        let mut sig_box: Option<Element> = None;
        for p in &n.paragraphs {
            let target = if reply.signature.iter().any(|s| &s.id == p) {
                match &sig_box {
                    Some(b) => b.clone(),
                    None => {
                        let b = child(doc, &section, "div", "rw-signature", "")?;
                        sig_box = Some(b.clone());
                        b
                    }
                }
            } else {
                section.clone()
            };
            let text = index.block_of(p).and_then(|b| index.texts.get(b)).map_or("", String::as_str);
            let para = child(doc, &target, "p", "", text)?;
            set(&para, &[("id", p)])?;
            blocks.push(para);
        }
        sections.push(section);
    }
    Ok(ArticleDom { wrap, blocks, sections, headings })
}

const SVG: &str = "http://www.w3.org/2000/svg";

/// `316.0`: one decimal without `{:.1}`, which would pull core's float formatting (about 15 KB of
/// wasm) in for a bar width.
fn tenths(v: f64) -> String {
    let t = (v * 10.0).round().max(0.0) as u64;
    let mut s = (t / 10).to_string();
    s.push('.');
    s.push_str(&(t % 10).to_string());
    s
}

fn svg(doc: &Document, parent: &Element, tag: &str, attrs: &[(&str, &str)]) -> Result<Element, JsValue> {
    let e = doc.create_element_ns(Some(SVG), tag)?;
    set(&e, attrs)?;
    parent.append_child(&e)?;
    Ok(e)
}

/// Draws the money chart: a bar per money figure the filter leaves, largest first, in 亿元,
/// with a title, a description and a data table for screen readers. Hidden when there is none.
pub fn chart(
    dom: &mut FiguresDom,
    doc: &Document,
    reply: &Reply,
    index: &Index,
    visible: &[bool],
) -> Result<(), JsValue> {
    use crate::export::{money_bars, yi_text};
    const LIMIT: usize = 12;
    const ROW: usize = 46;
    let (bars, total) = money_bars(reply, visible, LIMIT);
    // Most keystrokes leave the chart as it is: redraw only when its bars change.
    let key: Vec<usize> = bars.iter().map(|b| b.figure).chain([total]).collect();
    if dom.chart_key.as_ref() == Some(&key) {
        return Ok(());
    }
    dom.chart_key = Some(key);
    dom.chart.set_text_content(None);
    dom.chart.toggle_attribute_with_force("hidden", bars.is_empty())?;
    let Some(first) = bars.first() else { return Ok(()) };
    child(doc, &dom.chart, "h3", "rw-chart-title", "金额对比（亿元）")?.set_id("rw-chart-title");
    let height = (ROW * bars.len() + 4).to_string();
    let view = format!("0 0 320 {height}");
    let plot = svg(
        doc,
        &dom.chart,
        "svg",
        &[
            ("viewBox", &view),
            ("role", "img"),
            ("aria-labelledby", "rw-chart-title rw-chart-desc"),
            ("focusable", "false"),
        ],
    )?;
    let top = &reply.figures[first.figure];
    let mut desc = format!("按金额从大到小排列的 {} 项资金数据", bars.len());
    if total > bars.len() {
        desc.push_str(&format!("（共 {total} 项，显示最大的 {}）", bars.len()));
    }
    desc.push_str(&format!("，最大为 {}：{}。数据表见下方。", top.text, panel::context_without(top)));
    svg(doc, &plot, "desc", &[("id", "rw-chart-desc")])?.set_text_content(Some(&desc));
    for (k, bar) in bars.iter().enumerate() {
        let f = &reply.figures[bar.figure];
        let y = (k * ROW).to_string();
        let g = svg(
            doc,
            &plot,
            "g",
            &[("class", "rw-bar"), ("data-fig", &bar.figure.to_string()), ("transform", &format!("translate(0 {y})"))],
        )?;
        // The whole row takes the click, not only the painted text and bar.
        svg(doc, &g, "rect", &[("class", "rw-bar-hit"), ("x", "0"), ("y", "0"), ("width", "320"), ("height", "44")])?;
        let context: String = panel::context_without(f).chars().take(16).collect();
        svg(doc, &g, "text", &[("x", "0"), ("y", "16")])?.set_text_content(Some(&format!("{}　{context}", f.text)));
        let width = (bar.share * 316.0).max(2.0);
        svg(
            doc,
            &g,
            "rect",
            &[
                ("class", "rw-bar-fill"),
                ("x", "0"),
                ("y", "24"),
                ("height", "14"),
                ("rx", "2"),
                ("width", &tenths(width)),
            ],
        )?;
        svg(doc, &g, "title", &[])?.set_text_content(Some(&f.context));
    }
    // The same data as a table: read by screen readers, shown on request. The box hides it
    // (a table cannot be narrower than its content, so it is clipped by a wrapper instead).
    let wrapper = child(doc, &dom.chart, "div", "rw-sr", "")?;
    wrapper.set_id("rw-chart-table");
    let table = child(doc, &wrapper, "table", "rw-chart-table", "")?;
    child(doc, &table, "caption", "", "金额对比的数据表")?;
    let head = child(doc, &table, "tr", "", "")?;
    for h in ["金额（亿元）", "原文", "说明", "章节"] {
        set(&child(doc, &head, "th", "", h)?, &[("scope", "col")])?;
    }
    for bar in &bars {
        let f = &reply.figures[bar.figure];
        let row = child(doc, &table, "tr", "", "")?;
        child(doc, &row, "td", "", &yi_text(bar.yi))?;
        child(doc, &row, "td", "", &f.text)?;
        child(doc, &row, "td", "", &f.context)?;
        child(doc, &row, "td", "", &panel::section_label(&index.nodes, &f.section))?;
    }
    let toggle = child(doc, &dom.chart, "button", "rw-link", "显示数据表")?;
    set(
        &toggle,
        &[
            ("type", "button"),
            ("data-action", "chart-table"),
            ("aria-expanded", "false"),
            ("aria-controls", "rw-chart-table"),
        ],
    )?;
    Ok(())
}
