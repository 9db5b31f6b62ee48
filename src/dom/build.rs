//! Builds each part's DOM from the pure models: each part (or redrawn piece) is written as one
//! escaped HTML string ([`Html`]) and parsed by the browser in one call; the elements the state
//! needs are then picked out of the result. Reply text only ever goes through the escaping
//! writer, never into markup.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

use super::html::Html;
use crate::filter::Index;
use crate::model::Reply;
use crate::panel::{self, Grouping, Order, CHUNK, KIND_GROUPS};

/// A part's outer element, appended to its shadow root.
fn wrap(doc: &Document, root: &ShadowRoot, tag: &str, class: &str, label: &str) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    e.set_class_name(class);
    e.set_attribute("aria-labelledby", label)?;
    root.append_child(&e)?;
    Ok(e)
}

/// The element children of `e`, in order.
fn kids(e: &Element) -> Vec<Element> {
    let c = e.children();
    (0..c.length()).filter_map(|i| c.item(i)).collect()
}

fn find(e: &Element, selector: &str) -> Result<Element, JsValue> {
    e.query_selector(selector)?.ok_or_else(|| JsError::new("reply-widget: a part lost its markup").into())
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

/// The searchbox with its previous/next buttons, and the live region: it exists, empty,
/// before its text ever changes, so it is announced.
const SEARCH: &str = concat!(
    r#"<div class="rw-search" role="search">"#,
    r#"<input type="search" role="searchbox" aria-label="在答复中查找" placeholder="查找，如 科技金融、&gt;=100亿元" autocomplete="off" enterkeyhint="search" data-action="query">"#,
    r#"<button type="button" data-action="prev" aria-label="上一处匹配" title="上一处匹配">↑</button>"#,
    r#"<button type="button" data-action="next" aria-label="下一处匹配" title="下一处匹配">↓</button>"#,
    r#"</div><p class="rw-status" role="status" aria-live="polite" aria-atomic="true"></p>"#,
);

fn search_view(wrap: &Element) -> Result<SearchView, JsValue> {
    Ok(SearchView { input: find(wrap, "[data-action=query]")?.unchecked_into(), status: find(wrap, ".rw-status")? })
}

pub struct OutlineDom {
    pub wrap: Element,
    /// One treeitem per outline node.
    pub items: Vec<Element>,
    pub skip: Element,
}

/// The outline part: the searchbox (when it lives here) first in tab order, then the tree.
/// The tree is flat (APG "flat" structure): every treeitem is a child of the tree with
/// aria-level, aria-setsize and aria-posinset, so an item's accessible name is its own row and
/// never the text of its children.
pub fn outline(
    doc: &Document,
    root: &ShadowRoot,
    index: &Index,
    with_search: bool,
) -> Result<(OutlineDom, Option<SearchView>), JsValue> {
    let wrap = wrap(doc, root, "nav", "rw rw-outline", "rw-outline-title")?;
    let mut h = Html::new();
    if with_search {
        h.markup(SEARCH);
    }
    h.leaf("h2", "rw-part-title", &[("id", "rw-outline-title")], "提纲");
    h.open("ul", "rw-tree", &[("role", "tree"), ("aria-labelledby", "rw-outline-title")]);
    // Sizes of sibling sets, by parent (slot 0 for top level).
    let mut set_size = vec![0usize; index.nodes.len() + 1];
    for n in &index.nodes {
        set_size[n.parent.map_or(0, |p| p + 1)] += 1;
    }
    let mut seen = vec![0usize; index.nodes.len() + 1];
    for (k, n) in index.nodes.iter().enumerate() {
        let slot = n.parent.map_or(0, |p| p + 1);
        seen[slot] += 1;
        let (level, size, pos, key, depth) = (
            n.depth.to_string(),
            set_size[slot].to_string(),
            seen[slot].to_string(),
            k.to_string(),
            n.depth.min(6).to_string(),
        );
        let mut attrs = vec![
            ("role", "treeitem"),
            ("aria-level", level.as_str()),
            ("aria-setsize", &size),
            ("aria-posinset", &pos),
            ("data-node", &key),
            ("data-depth", &depth),
            ("tabindex", if k == 0 { "0" } else { "-1" }),
        ];
        if n.has_children {
            attrs.push(("aria-expanded", "true"));
        }
        h.open("li", "rw-item", &attrs).open("span", "rw-row", &[]);
        h.leaf("span", "rw-twisty", &[("aria-hidden", "true")], "");
        if !n.number.is_empty() {
            h.leaf("span", "rw-num", &[], &n.number);
        }
        h.leaf("span", "rw-title", &[], &n.title);
        if n.figure_count > 0 {
            let count = n.figure_count.to_string();
            h.leaf("span", "rw-badge", &[("aria-hidden", "true")], &count);
            h.open("span", "rw-sr", &[]).text("，").text(&count).text(" 项数据").close("span");
        }
        h.close("span").close("li");
    }
    h.close("ul");
    h.leaf("a", "rw-skip", &[("href", "#"), ("data-action", "skip")], "跳到正文");
    h.append_to(&wrap)?;
    let items = kids(&find(&wrap, ".rw-tree")?);
    let skip = find(&wrap, ".rw-skip")?;
    let search = if with_search { Some(search_view(&wrap)?) } else { None };
    Ok((OutlineDom { wrap, items, skip }, search))
}

/// One group of the figure list as drawn.
pub struct GroupDom {
    pub section: Element,
    pub head: Element,
    pub list: Element,
    /// The 显示更多 button after the list.
    pub more: Element,
    /// Its figures in display order.
    pub figures: Vec<usize>,
    pub open: bool,
    /// How many of its visible figures must be rendered.
    pub want: usize,
}

pub struct FiguresDom {
    pub wrap: Element,
    pub body: Element,
    /// Per figure: its list item and its button (None while not rendered).
    pub items: Vec<Option<(Element, Element)>>,
    pub groups: Vec<GroupDom>,
    /// Per figure: its group and its place in the group.
    pub group_of: Vec<usize>,
    pub place: Vec<usize>,
    /// Per outline node: its label in figure items (二(一) …).
    pub labels: Vec<String>,
    pub empty: Element,
    /// The money chart: its box, redrawn as the filter changes.
    pub chart: Element,
    /// The bars (and money total) the chart was last drawn with.
    pub chart_key: Option<Vec<usize>>,
}

/// Grouping and order of the figure list.
const ORDERING: &str = concat!(
    r#"<div class="rw-tools"><div class="rw-tools" role="group" aria-label="分组方式">"#,
    r#"<button type="button" data-action="group-kind" aria-pressed="true">按类型</button>"#,
    r#"<button type="button" data-action="group-section" aria-pressed="false">按章节</button>"#,
    r#"</div><div class="rw-tools" role="group" aria-label="排序方式">"#,
    r#"<button type="button" data-action="sort-doc" aria-pressed="true">文中顺序</button>"#,
    r#"<button type="button" data-action="sort-value" aria-pressed="false">数值从大到小</button>"#,
    r#"</div></div>"#,
);

/// Export and cite; then number-aware filtering as controls, which write the same query the
/// searchbox takes.
const EXPORT_AND_RANGE: &str = concat!(
    r#"<div class="rw-tools" role="group" aria-label="导出与引用">"#,
    r#"<button type="button" data-action="export-csv" title="把当前显示的数据导出为表格（Excel 可直接打开）">导出 CSV</button>"#,
    r#"<button type="button" data-action="export-json" title="把当前显示的数据导出为 JSON">导出 JSON</button>"#,
    r#"<button type="button" data-action="cite" title="复制所选数据的引用：数据、上下文、章节、标题和日期（也可在数据上按 C 键）">复制引用</button>"#,
    r#"</div><fieldset class="rw-facets rw-range"><legend>按数值筛选（也可在查找框输入，如 &gt;=100亿元）</legend>"#,
    r#"<select data-range="op" aria-label="比较方式"><option value="&gt;=">不少于 ≥</option><option value="&lt;=">不超过 ≤</option>"#,
    r#"<option value="&gt;">大于 &gt;</option><option value="&lt;">小于 &lt;</option><option value="=">等于 =</option></select>"#,
    r#"<input type="text" inputmode="decimal" data-range="value" aria-label="数值" size="6" placeholder="100">"#,
    r#"<select data-range="unit" aria-label="单位"><option value="亿元">亿元</option><option value="万元">万元</option>"#,
    r#"<option value="元">元</option><option value="%">%</option><option value="倍">倍</option><option value="项">项</option>"#,
    r#"<option value="家">家</option><option value="个">个</option><option value="人">人</option><option value="年">年</option></select>"#,
    r#"<button type="button" data-action="range">筛选</button></fieldset>"#,
);

/// The figure panel: title, the searchbox (when the outline is not mounted), grouping and
/// order, kind facets with counts, export and cite, the value filter, the chart's box, the
/// groups' box and the empty message. The groups are drawn by [`figures_groups`].
pub fn figures(
    doc: &Document,
    root: &ShadowRoot,
    reply: &Reply,
    with_search: bool,
) -> Result<(FiguresDom, Option<SearchView>), JsValue> {
    let wrap = wrap(doc, root, "section", "rw rw-panel", "rw-figures-title")?;
    let mut h = Html::new();
    h.leaf("h2", "rw-part-title", &[("id", "rw-figures-title")], "数据一览");
    if with_search {
        h.markup(SEARCH);
    }
    h.markup(ORDERING);
    h.open("fieldset", "rw-facets", &[]).leaf("legend", "", &[], "数据类型");
    for (k, kinds) in KIND_GROUPS.iter().enumerate() {
        let n = reply.figures.iter().filter(|f| kinds.contains(&f.kind)).count();
        h.open("label", "", &[]);
        h.open("input", "", &[("type", "checkbox"), ("data-facet", &k.to_string()), ("checked", "")]);
        h.leaf("span", "", &[], kinds[0].label()).leaf("span", "rw-badge", &[], &n.to_string());
        h.close("label");
    }
    h.close("fieldset");
    h.markup(EXPORT_AND_RANGE);
    h.leaf("div", "rw-chart", &[], "").leaf("div", "rw-groups", &[], "");
    h.leaf("p", "rw-empty", &[("hidden", "")], "没有符合条件的数据");
    h.append_to(&wrap)?;
    let search = if with_search { Some(search_view(&wrap)?) } else { None };
    let dom = FiguresDom {
        body: find(&wrap, ".rw-groups")?,
        empty: find(&wrap, ".rw-empty")?,
        chart: find(&wrap, ".rw-chart")?,
        wrap,
        items: Vec::new(),
        groups: Vec::new(),
        group_of: Vec::new(),
        place: Vec::new(),
        labels: Vec::new(),
        chart_key: None,
    };
    Ok((dom, search))
}

/// A figure item, named by its content in the order a screen reader should say it: the value
/// (one text node: a number is never split), then the clause, then the section.
fn item_html(h: &mut Html, reply: &Reply, index: &Index, labels: &[String], i: usize) {
    let f = &reply.figures[i];
    let label = index.figure_node(i).and_then(|k| labels.get(k)).map_or("", String::as_str);
    h.open("li", "", &[("role", "listitem")]);
    h.open("button", "rw-fig", &[("type", "button"), ("tabindex", "-1"), ("data-fig", &i.to_string())]);
    h.leaf("span", "rw-val", &[], &f.text).leaf("span", "rw-sr", &[], "，");
    h.leaf("span", "rw-ctx", &[], &panel::context_without(f)).leaf("span", "rw-sr", &[], "，");
    h.leaf("span", "rw-sec", &[], label);
    h.close("button").close("li");
}

/// (Re)draws the figure groups: on mount and when the reader changes grouping or order. Each
/// open group gets its first [`CHUNK`] figures; [`show_wanted`] renders the rest on demand.
pub fn figures_groups(
    dom: &mut FiguresDom,
    reply: &Reply,
    index: &Index,
    grouping: Grouping,
    order: Order,
) -> Result<(), JsValue> {
    dom.body.set_text_content(None);
    if dom.labels.len() != index.nodes.len() {
        dom.labels = (0..index.nodes.len()).map(|k| panel::section_label_at(&index.nodes, k)).collect();
    }
    let groups = panel::groups(reply, &index.nodes, grouping, order);
    dom.items = vec![None; reply.figures.len()];
    dom.group_of = vec![usize::MAX; reply.figures.len()];
    dom.place = vec![usize::MAX; reply.figures.len()];
    let mut h = Html::new();
    for (g, group) in groups.iter().enumerate() {
        let (head_id, list_id) = (format!("rw-group-{g}"), format!("rw-list-{g}"));
        h.open("section", "rw-group", &[]).open("h3", "", &[]);
        h.open(
            "button",
            "rw-group-head",
            &[
                ("id", &head_id),
                ("type", "button"),
                ("data-action", "toggle-group"),
                ("data-group", &g.to_string()),
                ("aria-expanded", if group.collapsed { "false" } else { "true" }),
                ("aria-controls", &list_id),
            ],
        );
        h.leaf("span", "", &[], &group.label).leaf("span", "rw-badge", &[], &group.figures.len().to_string());
        h.close("button").close("h3");
        let mut attrs = vec![("id", list_id.as_str()), ("role", "list"), ("aria-labelledby", &head_id)];
        if group.collapsed {
            attrs.push(("hidden", ""));
        }
        h.open("ul", "rw-figs", &attrs);
        if !group.collapsed {
            for &i in group.figures.iter().take(CHUNK) {
                item_html(&mut h, reply, index, &dom.labels, i);
            }
        }
        h.close("ul");
        h.leaf(
            "button",
            "rw-link rw-more",
            &[("type", "button"), ("data-action", "more"), ("data-group", &g.to_string()), ("hidden", "")],
            "",
        );
        h.close("section");
    }
    h.append_to(&dom.body)?;
    dom.groups.clear();
    for ((g, group), section) in groups.into_iter().enumerate().zip(kids(&dom.body)) {
        let (head, list, more) =
            (find(&section, ".rw-group-head")?, find(&section, ".rw-figs")?, find(&section, ".rw-more")?);
        for (place, &i) in group.figures.iter().enumerate() {
            dom.group_of[i] = g;
            dom.place[i] = place;
        }
        if !group.collapsed {
            for (&i, li) in group.figures.iter().zip(kids(&list)) {
                if let Some(button) = li.first_element_child() {
                    dom.items[i] = Some((li, button));
                }
            }
        }
        dom.groups.push(GroupDom {
            section,
            head,
            list,
            more,
            figures: group.figures,
            open: !group.collapsed,
            want: CHUNK,
        });
    }
    Ok(())
}

/// Renders figure `i`'s item if it is not yet, in its place among its group's rendered items.
pub fn render_item(dom: &mut FiguresDom, reply: &Reply, index: &Index, i: usize) -> Result<(), JsValue> {
    if dom.items.get(i).is_none_or(Option::is_some) {
        return Ok(());
    }
    let Some(group) = dom.group_of.get(i).and_then(|&g| dom.groups.get(g)) else { return Ok(()) };
    let next = group.figures[dom.place[i] + 1..].iter().find_map(|&j| dom.items[j].as_ref().map(|(li, _)| li));
    let mut h = Html::new();
    item_html(&mut h, reply, index, &dom.labels, i);
    let li = match next {
        Some(next) => {
            h.insert_before(next)?;
            next.previous_element_sibling()
        }
        None => {
            h.append_to(&group.list)?;
            group.list.last_element_child()
        }
    };
    if let Some(li) = li {
        if let Some(button) = li.first_element_child() {
            dom.items[i] = Some((li, button));
        }
    }
    Ok(())
}

/// Makes every open group show its first `want` visible figures (rendering those it lacks),
/// and its 显示更多 button count the visible figures still not rendered.
pub fn show_wanted(dom: &mut FiguresDom, reply: &Reply, index: &Index, visible: &[bool]) -> Result<(), JsValue> {
    // Rendering a group's figures changes no other group's: one snapshot serves them all.
    let rendered: Vec<bool> = dom.items.iter().map(Option::is_some).collect();
    for g in 0..dom.groups.len() {
        if !dom.groups[g].open {
            continue;
        }
        let (render, rest) = panel::to_render(&dom.groups[g].figures, visible, &rendered, dom.groups[g].want);
        for i in render {
            render_item(dom, reply, index, i)?;
        }
        let more = &dom.groups[g].more;
        more.toggle_attribute_with_force("hidden", rest == 0)?;
        if rest > 0 {
            more.set_text_content(Some(&format!("显示更多（还有 {rest} 项）")));
        }
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

fn section_tag(k: usize) -> &'static str {
    if k == 0 {
        "header"
    } else {
        "section"
    }
}

/// The article: the title in a `<header>`, then one `<section>` per outline node, nested as the
/// outline is, each with its heading and paragraphs; the signature block in its own box.
pub fn article(doc: &Document, root: &ShadowRoot, reply: &Reply, index: &Index) -> Result<ArticleDom, JsValue> {
    let wrap = wrap(doc, root, "article", "rw rw-article", "rw-node-0")?;
    let mut h = Html::new();
    // The open sections, innermost last.
    let mut open: Vec<usize> = Vec::new();
    for (k, n) in index.nodes.iter().enumerate() {
        while let Some(&top) = open.last() {
            if Some(top) == n.parent {
                break;
            }
            h.close(section_tag(top));
            open.pop();
        }
        open.push(k);
        let key = k.to_string();
        h.open(section_tag(k), "", &[("id", &n.key), ("data-node", &key)]);
        let (tag, class) = if k == 0 {
            ("h1", "")
        } else if n.number.is_empty() {
            // 开头 / 结束语 are our labels, not the reply's: for the outline and screen readers only.
            (heading_tag(n.depth), "rw-sr")
        } else {
            (heading_tag(n.depth), "")
        };
        let node_id = format!("rw-node-{k}");
        h.open(tag, class, &[("id", &node_id), ("tabindex", "-1"), ("data-node", &key)]);
        h.text(&n.number).text(&n.title).close(tag);
        if k == 0 {
            let meta = [("发布时间：", reply.published.as_deref()), ("来源：", reply.source.as_deref())];
            if meta.iter().any(|(_, v)| v.is_some()) {
                h.open("p", "rw-meta", &[]);
                let mut first = true;
                for (label, value) in meta {
                    let Some(value) = value else { continue };
                    if !first {
                        h.text("　");
                    }
                    h.text(label).text(value);
                    first = false;
                }
                h.close("p");
            }
        }
        let mut in_signature = false;
        for p in &n.paragraphs {
            let signed = reply.signature.iter().any(|s| &s.id == p);
            if signed != in_signature {
                if signed {
                    h.open("div", "rw-signature", &[]);
                } else {
                    h.close("div");
                }
                in_signature = signed;
            }
            let text = index.block_of(p).and_then(|b| index.texts.get(b)).map_or("", String::as_str);
            h.leaf("p", "", &[("id", p)], text);
        }
        if in_signature {
            h.close("div");
        }
    }
    while let Some(top) = open.pop() {
        h.close(section_tag(top));
    }
    h.append_to(&wrap)?;
    // Every element with an id, in document order: per node its section, its heading, then its
    // paragraphs (the order written above).
    let list = wrap.query_selector_all("[id]")?;
    let mut next = 0;
    let mut take = || {
        next += 1;
        list.item(next - 1).map(JsCast::unchecked_into::<Element>)
    };
    let mut blocks = Vec::with_capacity(index.blocks.len());
    let mut sections = Vec::with_capacity(index.nodes.len());
    let mut headings = Vec::with_capacity(index.nodes.len());
    for n in &index.nodes {
        let (Some(section), Some(heading)) = (take(), take()) else { break };
        sections.push(section);
        blocks.push(heading.clone());
        headings.push(heading);
        for _ in &n.paragraphs {
            blocks.extend(take());
        }
    }
    Ok(ArticleDom { wrap, blocks, sections, headings })
}

/// `316.0`: one decimal without `{:.1}`, which would pull core's float formatting (about 15 KB of
/// wasm) in for a bar width.
fn tenths(v: f64) -> String {
    let t = (v * 10.0).round().max(0.0) as u64;
    let mut s = (t / 10).to_string();
    s.push('.');
    s.push_str(&(t % 10).to_string());
    s
}

/// Draws the money chart: a bar per money figure the filter leaves, largest first, in 亿元,
/// with a title, a description and a data table for screen readers. Hidden when there is none.
pub fn chart(dom: &mut FiguresDom, reply: &Reply, index: &Index, visible: &[bool]) -> Result<(), JsValue> {
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
    let mut h = Html::new();
    h.leaf("h3", "rw-chart-title", &[("id", "rw-chart-title")], "金额对比（亿元）");
    let view = format!("0 0 320 {}", ROW * bars.len() + 4);
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
    desc.push_str(&format!("，最大为 {}：{}。数据表见下方。", top.text, panel::context_without(top)));
    h.leaf("desc", "", &[("id", "rw-chart-desc")], &desc);
    for (k, bar) in bars.iter().enumerate() {
        let f = &reply.figures[bar.figure];
        let shift = format!("translate(0 {})", k * ROW);
        h.open("g", "rw-bar", &[("data-fig", &bar.figure.to_string()), ("transform", &shift)]);
        // The whole row takes the click, not only the painted text and bar.
        h.leaf("rect", "rw-bar-hit", &[("x", "0"), ("y", "0"), ("width", "320"), ("height", "44")], "");
        let context: String = panel::context_without(f).chars().take(16).collect();
        h.open("text", "", &[("x", "0"), ("y", "16")]).text(&f.text).text("　").text(&context).close("text");
        let width = tenths((bar.share * 316.0).max(2.0));
        h.leaf("rect", "rw-bar-fill", &[("x", "0"), ("y", "24"), ("height", "14"), ("rx", "2"), ("width", &width)], "");
        h.leaf("title", "", &[], &f.context);
        h.close("g");
    }
    h.close("svg");
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
        h.leaf("td", "", &[], &f.context).leaf("td", "", &[], &panel::section_label(&index.nodes, &f.section));
        h.close("tr");
    }
    h.close("table").close("div");
    h.leaf(
        "button",
        "rw-link",
        &[
            ("type", "button"),
            ("data-action", "chart-table"),
            ("aria-expanded", "false"),
            ("aria-controls", "rw-chart-table"),
        ],
        "显示数据表",
    );
    h.append_to(&dom.chart)
}
