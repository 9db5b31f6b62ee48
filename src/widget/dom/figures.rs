//! The figure panel: its markup and controls, the groups drawn a chunk at a time (显示更多),
//! figure visibility as the filter changes, the list's roving tabindex and keys, the money
//! chart, the value controls, export and the kind facets.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, KeyboardEvent, ShadowRoot};

use reply_core::export::money_bars;
use reply_core::filter::{stance_label, Index, Outcome, ALL_STANCES};
use reply_core::model::{FigureKind, Reply, Stance};
use reply_core::panel::{self, Grouping, Order, CHUNK, KIND_GROUPS};
use reply_core::util::{cat, uint};
use reply_web::chart;
use reply_web::html::Html;

use super::action::{Action, Effect};
use super::search::{SearchView, MARKUP as SEARCH};
use super::sheet::{Layout, Sheet};
use super::{State, MOUNTED_ATTR};

/// One group of the figure list as drawn.
struct GroupDom {
    section: Element,
    head: Element,
    list: Element,
    /// The 显示更多 button after the list.
    more: Element,
    /// Its figures in display order.
    figures: Vec<usize>,
    open: bool,
    /// How many of its visible figures must be rendered.
    want: usize,
}

pub struct FiguresPart {
    pub host: Element,
    pub root: ShadowRoot,
    pub wrap: Element,
    /// The compact layout: a summary and a sheet.
    pub sheet: Sheet,
    body: Element,
    /// Per figure: its list item and its button (None while not rendered).
    items: Vec<Option<(Element, Element)>>,
    groups: Vec<GroupDom>,
    /// Per figure: its group and its place in the group.
    group_of: Vec<usize>,
    place: Vec<usize>,
    /// Per outline node: its label in figure items (二(一) …).
    labels: Vec<String>,
    empty: Element,
    /// The money chart's box, and the bars (and money total) it was last drawn with.
    chart: Element,
    chart_key: Option<Vec<usize>>,
    /// The reply promises anything: figures and bars say 目标 or 成果.
    badges: bool,
    pub grouping: Grouping,
    pub order: Order,
    /// The figure button holding the list's roving tabindex.
    tab: Option<usize>,
}

/// What a key on a figure asks for.
pub enum FigureKey {
    NotMine,
    /// Focus goes to this figure's button.
    Moved(Element),
    /// `C`: cite this figure.
    Cite(usize),
}

/// Grouping and order of the figure list.
const ORDERING: &str = concat!(
    r#"<div class="rw-tools"><div class="rw-tools" role="group" aria-label="分组方式">"#,
    r#"<button type="button" data-action="group-kind" aria-pressed="true">按类型</button>"#,
    r#"<button type="button" data-action="group-section" aria-pressed="false">按章节</button>"#,
    r#"<button type="button" data-action="group-stance" aria-pressed="false" title="目标（承诺，附期限）在前，然后是成果">按承诺</button>"#,
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

fn find(e: &Element, selector: &str) -> Result<Element, JsValue> {
    e.query_selector(selector)?.ok_or_else(|| JsError::new("reply-widget: a part lost its markup").into())
}

/// The element children of `e`, in order.
fn kids(e: &Element) -> Vec<Element> {
    let c = e.children();
    (0..c.length()).filter_map(|i| c.item(i)).collect()
}

/// A figure item, named by its content in the order a screen reader should say it: the value
/// (one text node: a number is never split), then the clause, then the section.
fn item_html(h: &mut Html, reply: &Reply, index: &Index, labels: &[String], badges: bool, i: usize) {
    let f = &reply.figures[i];
    let label = index.figure_node(i).and_then(|k| labels.get(k)).map_or("", String::as_str);
    h.open("li", "", &[("role", "listitem")]);
    h.open("button", "rw-fig", &[("type", "button"), ("tabindex", "-1"), ("data-fig", &uint(i))]);
    h.leaf("span", "rw-val", &[], &f.text).leaf("span", "rw-sr", &[], "，");
    h.leaf("span", "rw-ctx", &[], &panel::context_without(f)).leaf("span", "rw-sr", &[], "，");
    h.leaf("span", "rw-sec", &[], label);
    // 目标 · 2025年 / 成果: said last, in text (not colour alone); only on a reply that
    // promises anything, where the difference matters.
    if badges {
        let badge = panel::badge(f);
        if !badge.is_empty() {
            h.leaf("span", "rw-sr", &[], "，");
            h.leaf("span", "rw-stance", &[("data-stance", chart::stance_name(f.stance))], &badge);
        }
    }
    h.close("button").close("li");
}

/// The 立场 facet: a checkbox per stance (目标, 成果, 其他) with its count.
fn stance_facet(h: &mut Html, reply: &Reply) {
    h.open("fieldset", "rw-facets", &[]).leaf("legend", "", &[], "立场");
    for (k, stance) in ALL_STANCES.iter().enumerate() {
        let n = reply.figures.iter().filter(|f| panel::shown_stance(f) == *stance).count();
        h.open("label", "", &[]);
        h.open("input", "", &[("type", "checkbox"), ("data-stance-facet", &uint(k)), ("checked", "")]);
        h.leaf("span", "", &[], stance_label(*stance)).leaf("span", "rw-badge", &[], &uint(n));
        h.close("label");
    }
    h.close("fieldset");
}

impl FiguresPart {
    /// Draws the panel: title, the searchbox (when the outline is not mounted), grouping and
    /// order, kind facets with counts, export and cite, the value filter, the chart's box, the
    /// groups (by kind, in document order) and the empty message.
    pub fn build(
        doc: &Document,
        host: &Element,
        root: ShadowRoot,
        reply: &Reply,
        index: &Index,
        with_search: bool,
    ) -> Result<(FiguresPart, Option<SearchView>), JsValue> {
        let mut sheet = Sheet::new(doc, &root, "数据一览", &cat(&["数据 · ", &uint(reply.figures.len()), " 项"]))?;
        let wrap = doc.create_element("section")?;
        wrap.set_class_name("rw rw-panel");
        wrap.set_attribute("aria-labelledby", "rw-figures-title")?;
        sheet.inline().append_child(&wrap)?;
        let mut h = Html::new();
        h.leaf("h2", "rw-part-title", &[("id", "rw-figures-title")], "数据一览");
        if with_search {
            h.markup(SEARCH);
        }
        h.markup(ORDERING);
        h.open("fieldset", "rw-facets", &[]).leaf("legend", "", &[], "数据类型");
        for (k, kinds) in KIND_GROUPS.iter().enumerate() {
            let n = reply.figures.iter().filter(|f| kinds.contains(&f.amount.kind)).count();
            h.open("label", "", &[]);
            h.open("input", "", &[("type", "checkbox"), ("data-facet", &uint(k)), ("checked", "")]);
            h.leaf("span", "", &[], kinds[0].label()).leaf("span", "rw-badge", &[], &uint(n));
            h.close("label");
        }
        h.close("fieldset");
        // 立场: only on a reply that promises anything (never an empty heading).
        let badges = panel::has_targets(reply);
        if badges {
            stance_facet(&mut h, reply);
        }
        h.markup(EXPORT_AND_RANGE);
        h.leaf("div", "rw-chart", &[], "").leaf("div", "rw-groups", &[], "");
        h.leaf("p", "rw-empty", &[("hidden", "")], "没有符合条件的数据");
        h.append_to(&wrap)?;
        let search = if with_search { Some(SearchView::find(&wrap)?) } else { None };
        let after_search = search.as_ref().and_then(|s| s.find.next_element_sibling());
        sheet.hold(&wrap, search.as_ref().zip(after_search).map(|(s, t)| (s.find.clone(), t)));
        let mut part = FiguresPart {
            host: host.clone(),
            root,
            sheet,
            body: find(&wrap, ".rw-groups")?,
            empty: find(&wrap, ".rw-empty")?,
            chart: find(&wrap, ".rw-chart")?,
            wrap,
            items: Vec::new(),
            groups: Vec::new(),
            group_of: Vec::new(),
            place: Vec::new(),
            labels: (0..index.outline.len()).map(|k| index.outline.label(k)).collect(),
            chart_key: None,
            badges,
            grouping: Grouping::Kind,
            order: Order::Document,
            tab: None,
        };
        part.draw_groups(reply, index)?;
        Ok((part, search))
    }

    /// The figures' stances arrived (the extras module, after the first paint). On a reply that
    /// promises anything the 立场 facet appears before the export buttons and the groups are
    /// drawn again with their badges; grouped 按承诺, they are regrouped. What the reader did
    /// meanwhile stays: the groups they opened or extended, the selection, the filter, the
    /// figure they are on (its button, to focus again: returned). A reply that promises nothing
    /// shows nothing new, and nothing is redrawn.
    pub fn annotated(
        &mut self,
        reply: &Reply,
        index: &Index,
        selected: Option<usize>,
        now: &Outcome,
    ) -> Result<Option<Element>, JsValue> {
        let had = self.badges;
        self.badges = panel::has_targets(reply);
        if !had && !self.badges && self.grouping != Grouping::Stance {
            return Ok(None);
        }
        if self.badges && self.wrap.query_selector("input[data-stance-facet]")?.is_none() {
            let mut h = Html::new();
            stance_facet(&mut h, reply);
            let tools = self.wrap.query_selector("[data-action=export-csv]")?.and_then(|b| b.parent_element());
            match tools {
                Some(t) => h.insert_before(&t)?,
                None => h.append_to(&self.wrap)?,
            }
        }
        let focused =
            self.root.active_element().and_then(|e| e.get_attribute("data-fig")).and_then(|i| i.parse::<usize>().ok());
        // By kind or by section the groups are the same before and after: keep them as they are.
        let kept: Vec<(bool, usize)> = self.groups.iter().map(|g| (g.open, g.want)).collect();
        self.chart_key = None;
        self.draw_groups(reply, index)?;
        if self.grouping != Grouping::Stance && kept.len() == self.groups.len() {
            for (g, (open, want)) in self.groups.iter_mut().zip(kept) {
                g.want = want;
                if g.open != open {
                    g.open = open;
                    g.head.set_attribute("aria-expanded", if open { "true" } else { "false" })?;
                    g.list.toggle_attribute_with_force("hidden", !open)?;
                    g.more.toggle_attribute_with_force("hidden", true)?;
                }
            }
        }
        if let Some(Some((_, b))) = selected.and_then(|s| self.items.get(s)) {
            b.set_attribute("aria-current", "true")?;
        }
        self.show_filter(reply, index, &Outcome::default(), now)?;
        let Some(i) = focused else { return Ok(None) };
        self.render_item(reply, index, i)?;
        self.set_tabstop(Some(i));
        Ok(self.button(i).cloned())
    }

    /// (Re)draws the figure groups: on mount and when the reader changes grouping or order.
    /// Each open group gets its first [`CHUNK`] figures; [`FiguresPart::show_wanted`] renders
    /// the rest on demand.
    fn draw_groups(&mut self, reply: &Reply, index: &Index) -> Result<(), JsValue> {
        self.body.set_text_content(None);
        let groups = panel::groups(reply, &index.outline, self.grouping, self.order);
        let n = reply.figures.len();
        self.items = vec![None; n];
        self.group_of = vec![usize::MAX; n];
        self.place = vec![usize::MAX; n];
        let mut h = Html::new();
        for (g, group) in groups.iter().enumerate() {
            let (head_id, list_id) = (cat(&["rw-group-", &uint(g)]), cat(&["rw-list-", &uint(g)]));
            h.open("section", "rw-group", &[]).open("h3", "", &[]);
            h.open(
                "button",
                "rw-group-head",
                &[
                    ("id", &head_id),
                    ("type", "button"),
                    ("data-action", Action::ToggleGroup.name()),
                    ("data-group", &uint(g)),
                    ("aria-expanded", if group.collapsed { "false" } else { "true" }),
                    ("aria-controls", &list_id),
                ],
            );
            h.leaf("span", "", &[], &group.label).leaf("span", "rw-badge", &[], &uint(group.figures.len()));
            h.close("button").close("h3");
            let mut attrs = vec![("id", list_id.as_str()), ("role", "list"), ("aria-labelledby", &head_id)];
            if group.collapsed {
                attrs.push(("hidden", ""));
            }
            h.open("ul", "rw-figs", &attrs);
            if !group.collapsed {
                for &i in group.figures.iter().take(CHUNK) {
                    item_html(&mut h, reply, index, &self.labels, self.badges, i);
                }
            }
            h.close("ul");
            h.leaf(
                "button",
                "rw-link rw-more",
                &[("type", "button"), ("data-action", Action::More.name()), ("data-group", &uint(g)), ("hidden", "")],
                "",
            );
            h.close("section");
        }
        h.append_to(&self.body)?;
        self.groups.clear();
        for ((g, group), section) in groups.into_iter().enumerate().zip(kids(&self.body)) {
            let (head, list, more) =
                (find(&section, ".rw-group-head")?, find(&section, ".rw-figs")?, find(&section, ".rw-more")?);
            for (place, &i) in group.figures.iter().enumerate() {
                self.group_of[i] = g;
                self.place[i] = place;
            }
            if !group.collapsed {
                for (&i, li) in group.figures.iter().zip(kids(&list)) {
                    if let Some(button) = li.first_element_child() {
                        self.items[i] = Some((li, button));
                    }
                }
            }
            self.groups.push(GroupDom {
                section,
                head,
                list,
                more,
                figures: group.figures,
                open: !group.collapsed,
                want: CHUNK,
            });
        }
        self.tab = None;
        Ok(())
    }

    /// Renders figure `i`'s item if it is not yet, in its place among its group's rendered items.
    pub fn render_item(&mut self, reply: &Reply, index: &Index, i: usize) -> Result<(), JsValue> {
        if self.items.get(i).is_none_or(Option::is_some) {
            return Ok(());
        }
        let Some(group) = self.group_of.get(i).and_then(|&g| self.groups.get(g)) else { return Ok(()) };
        let next = group.figures[self.place[i] + 1..].iter().find_map(|&j| self.items[j].as_ref().map(|(li, _)| li));
        let mut h = Html::new();
        item_html(&mut h, reply, index, &self.labels, self.badges, i);
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
                self.items[i] = Some((li, button));
            }
        }
        Ok(())
    }

    /// Makes every open group show its first `want` visible figures (rendering those it lacks),
    /// and its 显示更多 button count the visible figures still not rendered.
    fn show_wanted(&mut self, reply: &Reply, index: &Index, visible: &[bool]) -> Result<(), JsValue> {
        // Rendering a group's figures changes no other group's: one snapshot serves them all.
        let rendered: Vec<bool> = self.items.iter().map(Option::is_some).collect();
        for g in 0..self.groups.len() {
            if !self.groups[g].open {
                continue;
            }
            let (render, rest) = panel::to_render(&self.groups[g].figures, visible, &rendered, self.groups[g].want);
            for i in render {
                self.render_item(reply, index, i)?;
            }
            let more = &self.groups[g].more;
            more.toggle_attribute_with_force("hidden", rest == 0)?;
            if rest > 0 {
                more.set_text_content(Some(&cat(&["显示更多（还有 ", &uint(rest), " 项）"])));
            }
        }
        Ok(())
    }

    /// Shows the figures a filter leaves: items whose visibility changed are toggled, groups
    /// without any are hidden, the empty message shows when none is left.
    pub fn show_filter(
        &mut self,
        reply: &Reply,
        index: &Index,
        before: &Outcome,
        now: &Outcome,
    ) -> Result<(), JsValue> {
        self.show_wanted(reply, index, &now.figure_visible)?;
        for (k, item) in self.items.iter().enumerate() {
            let visible = now.figure_visible.get(k).copied().unwrap_or(true);
            if let Some((li, _)) = item {
                if before.figure_visible.get(k).copied() != Some(visible) {
                    li.toggle_attribute_with_force("hidden", !visible)?;
                }
            }
        }
        for g in &self.groups {
            let any = g.figures.iter().any(|&i| now.figure_visible.get(i).copied().unwrap_or(false));
            g.section.toggle_attribute_with_force("hidden", !any)?;
        }
        self.empty.toggle_attribute_with_force("hidden", now.visible_figures() > 0)?;
        self.fix_tabstop(&now.figure_visible);
        Ok(())
    }

    /// Redraws the groups (grouping or order changed), keeping the selection and the filter.
    pub fn regroup(
        &mut self,
        reply: &Reply,
        index: &Index,
        selected: Option<usize>,
        now: &Outcome,
    ) -> Result<(), JsValue> {
        self.draw_groups(reply, index)?;
        if let Some(Some((_, b))) = selected.and_then(|s| self.items.get(s)) {
            b.set_attribute("aria-current", "true")?;
        }
        self.show_filter(reply, index, &Outcome::default(), now)
    }

    /// Marks figure `i` selected (and `old` no longer), rendering it if needed.
    pub fn select(&mut self, reply: &Reply, index: &Index, old: Option<usize>, i: usize) -> Result<(), JsValue> {
        self.render_item(reply, index, i)?;
        if let Some(Some((_, b))) = old.and_then(|o| self.items.get(o)) {
            b.remove_attribute("aria-current")?;
        }
        if let Some(Some((_, b))) = self.items.get(i) {
            b.set_attribute("aria-current", "true")?;
        }
        let bars = self.chart.query_selector_all(".rw-bar")?;
        for k in 0..bars.length() {
            if let Some(bar) = bars.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
                let this = bar.get_attribute("data-fig").and_then(|v| v.parse::<usize>().ok()) == Some(i);
                bar.toggle_attribute_with_force("data-selected", this)?;
            }
        }
        Ok(())
    }

    /// Whether a reader can reach figure `i` now: visible, rendered, in an open group.
    fn reachable(&self, visible: &[bool], i: usize) -> bool {
        let open = self.group_of.get(i).and_then(|g| self.groups.get(*g)).is_some_and(|g| g.open);
        let rendered = self.items.get(i).is_some_and(Option::is_some);
        open && rendered && visible.get(i).copied().unwrap_or(false)
    }

    /// The figures in display order that a reader can reach now.
    fn reachable_list(&self, visible: &[bool]) -> Vec<usize> {
        self.groups.iter().flat_map(|g| g.figures.iter().copied()).filter(|&i| self.reachable(visible, i)).collect()
    }

    /// The figure button holding the roving tabindex.
    pub fn tab_button(&self) -> Option<Element> {
        self.tab.and_then(|i| self.button(i)).cloned()
    }

    fn button(&self, i: usize) -> Option<&Element> {
        self.items.get(i).and_then(|x| x.as_ref()).map(|(_, b)| b)
    }

    pub fn set_tabstop(&mut self, i: Option<usize>) {
        if let Some(b) = self.tab.and_then(|t| self.button(t)) {
            let _ = b.set_attribute("tabindex", "-1");
        }
        if let Some(b) = i.and_then(|i| self.button(i)) {
            let _ = b.set_attribute("tabindex", "0");
        }
        self.tab = i;
    }

    /// Keeps exactly one reachable figure button in the tab order (roving tabindex), touching
    /// the DOM only when the current one became unreachable.
    fn fix_tabstop(&mut self, visible: &[bool]) {
        if self.tab.is_some_and(|i| self.reachable(visible, i)) {
            return;
        }
        let first = self.reachable_list(visible).first().copied();
        self.set_tabstop(first);
    }

    /// Keys on a figure button: arrows, Home, End move; C cites.
    pub fn key(&mut self, visible: &[bool], e: &KeyboardEvent, button: &Element) -> FigureKey {
        let list = self.reachable_list(visible);
        let Some(i) = button.get_attribute("data-fig").and_then(|v| v.parse::<usize>().ok()) else {
            return FigureKey::NotMine;
        };
        let Some(pos) = list.iter().position(|k| *k == i) else { return FigureKey::NotMine };
        let next = match e.key().as_str() {
            "c" | "C" if !e.ctrl_key() && !e.meta_key() && !e.alt_key() => return FigureKey::Cite(i),
            "ArrowDown" => (pos + 1).min(list.len() - 1),
            "ArrowUp" => pos.saturating_sub(1),
            "Home" => 0,
            "End" => list.len() - 1,
            _ => return FigureKey::NotMine,
        };
        self.set_tabstop(Some(list[next]));
        match self.button(list[next]) {
            Some(b) => FigureKey::Moved(b.clone()),
            None => FigureKey::NotMine,
        }
    }

    /// Sets the grouping or order pressed in the toolbar.
    pub fn press(&self, pressed: Action, group: &[Action]) -> Result<(), JsValue> {
        for &a in group {
            if let Some(b) = self.wrap.query_selector(&cat(&["[data-action=\"", a.name(), "\"]"]))? {
                b.set_attribute("aria-pressed", if a == pressed { "true" } else { "false" })?;
            }
        }
        Ok(())
    }

    /// Opens or closes group `g` (its head button).
    pub fn toggle_group(
        &mut self,
        reply: &Reply,
        index: &Index,
        head: &Element,
        visible: &[bool],
    ) -> Result<(), JsValue> {
        let g: usize = head.get_attribute("data-group").and_then(|g| g.parse().ok()).unwrap_or(usize::MAX);
        if let Some(group) = self.groups.get_mut(g) {
            group.open = !group.open;
            group.head.set_attribute("aria-expanded", if group.open { "true" } else { "false" })?;
            group.list.toggle_attribute_with_force("hidden", !group.open)?;
            if !group.open {
                group.more.toggle_attribute_with_force("hidden", true)?;
            }
        }
        self.show_wanted(reply, index, visible)?;
        self.fix_tabstop(visible);
        Ok(())
    }

    /// 显示更多: renders the next chunk of a group; returns the first new figure's button, where
    /// reading goes on.
    pub fn more(
        &mut self,
        reply: &Reply,
        index: &Index,
        button: &Element,
        visible: &[bool],
    ) -> Result<Option<Element>, JsValue> {
        let g: usize = button.get_attribute("data-group").and_then(|g| g.parse().ok()).unwrap_or(usize::MAX);
        let Some(group) = self.groups.get_mut(g) else { return Ok(None) };
        group.want += CHUNK;
        let first_new =
            group.figures.iter().copied().find(|&i| visible.get(i).copied().unwrap_or(true) && self.items[i].is_none());
        self.show_wanted(reply, index, visible)?;
        let Some(i) = first_new else { return Ok(None) };
        self.set_tabstop(Some(i));
        Ok(self.button(i).cloned())
    }

    /// The kinds the facet checkboxes leave on.
    pub fn facets(&self) -> Result<Vec<FigureKind>, JsValue> {
        let mut kinds = Vec::new();
        let boxes = self.wrap.query_selector_all("input[data-facet]")?;
        for i in 0..boxes.length() {
            let Some(b) = boxes.item(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok()) else { continue };
            let g: usize = b.get_attribute("data-facet").and_then(|g| g.parse().ok()).unwrap_or(usize::MAX);
            if b.checked() {
                if let Some(group) = KIND_GROUPS.get(g) {
                    kinds.extend_from_slice(group);
                }
            }
        }
        Ok(kinds)
    }

    /// Ticks the facet checkboxes of the groups whose kinds are all in `kinds` (a mount again,
    /// `refresh()`, keeps the reader's facets).
    pub fn set_facets(&self, kinds: &[FigureKind]) -> Result<(), JsValue> {
        let boxes = self.wrap.query_selector_all("input[data-facet]")?;
        for i in 0..boxes.length() {
            let Some(b) = boxes.item(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok()) else { continue };
            let g: usize = b.get_attribute("data-facet").and_then(|g| g.parse().ok()).unwrap_or(usize::MAX);
            if let Some(group) = KIND_GROUPS.get(g) {
                b.set_checked(group.iter().all(|k| kinds.contains(k)));
            }
        }
        Ok(())
    }

    /// The stances the 立场 checkboxes leave on (all of them on a reply without the facet).
    pub fn stance_facets(&self) -> Result<Vec<Option<Stance>>, JsValue> {
        let mut stances = Vec::new();
        let boxes = self.wrap.query_selector_all("input[data-stance-facet]")?;
        if boxes.length() == 0 {
            return Ok(ALL_STANCES.to_vec());
        }
        for i in 0..boxes.length() {
            let Some(b) = boxes.item(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok()) else { continue };
            let k: usize = b.get_attribute("data-stance-facet").and_then(|g| g.parse().ok()).unwrap_or(usize::MAX);
            if let (true, Some(stance)) = (b.checked(), ALL_STANCES.get(k)) {
                stances.push(*stance);
            }
        }
        Ok(stances)
    }

    /// Ticks the 立场 checkboxes of `stances` (`refresh()` keeps the reader's facets).
    pub fn set_stance_facets(&self, stances: &[Option<Stance>]) -> Result<(), JsValue> {
        let boxes = self.wrap.query_selector_all("input[data-stance-facet]")?;
        for i in 0..boxes.length() {
            let Some(b) = boxes.item(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok()) else { continue };
            let k: usize = b.get_attribute("data-stance-facet").and_then(|g| g.parse().ok()).unwrap_or(usize::MAX);
            if let Some(stance) = ALL_STANCES.get(k) {
                b.set_checked(stances.contains(stance));
            }
        }
        Ok(())
    }

    /// The value controls (比较, 数值, 单位) as a comparison query such as `>=100亿元`; None when
    /// no value was typed.
    pub fn range_query(&self) -> Result<Option<String>, JsValue> {
        let read = |name: &str| -> Result<String, JsValue> {
            let Some(e) = self.wrap.query_selector(&cat(&["[data-range=", name, "]"]))? else {
                return Ok(String::new());
            };
            Ok(js_sys::Reflect::get(&e, &JsValue::from_str("value"))?.as_string().unwrap_or_default())
        };
        let value = read("value")?;
        if value.trim().is_empty() {
            return Ok(None);
        }
        Ok(Some(cat(&[&read("op")?, value.trim(), &read("unit")?])))
    }

    /// Shows or hides the chart's data table.
    pub fn toggle_chart_table(&self, button: &Element) -> Result<(), JsValue> {
        if let Some(table) = self.chart.query_selector("#rw-chart-table")? {
            let show = table.class_list().contains("rw-sr");
            table.class_list().toggle_with_force("rw-sr", !show)?;
            button.set_attribute("aria-expanded", if show { "true" } else { "false" })?;
            button.set_text_content(Some(if show { "隐藏数据表" } else { "显示数据表" }));
        }
        Ok(())
    }

    /// At mount, before the first paint: the chart's frame at the height the chart will have
    /// (its title, an empty drawing of as many rows, its button), so that drawing the chart
    /// later (after the paint, with the extras module) moves nothing below it: a tap aimed at a
    /// figure lands on that figure.
    pub fn chart_frame(&mut self, reply: &Reply, visible: &[bool]) -> Result<(), JsValue> {
        let (bars, _) = money_bars(reply, visible, chart::BARS);
        self.chart.toggle_attribute_with_force("hidden", bars.is_empty())?;
        if bars.is_empty() {
            return Ok(());
        }
        chart::frame(bars.len()).append_to(&self.chart)
    }

    /// Draws the money chart (`reply_web::chart`, written by the extras module: `held` is the
    /// reply it holds for this mount): a bar per money figure the filter leaves, largest first.
    /// Hidden when there is none; redrawn only when its bars change. Without the extras module
    /// (not loaded yet) the frame stays, and the chart comes with it.
    pub fn chart(
        &mut self,
        reply: &Reply,
        held: Option<u32>,
        visible: &[bool],
        selected: Option<usize>,
    ) -> Result<(), JsValue> {
        let (bars, total) = money_bars(reply, visible, chart::BARS);
        let key: Vec<usize> = bars.iter().map(|b| b.figure).chain([total]).collect();
        if self.chart_key.as_ref() == Some(&key) {
            return Ok(());
        }
        let markup = if bars.is_empty() {
            String::new()
        } else {
            match held.and_then(|id| crate::extras::chart(id, visible, selected, self.badges)) {
                Some(m) => m,
                None => return Ok(()),
            }
        };
        self.chart_key = Some(key);
        self.chart.set_text_content(None);
        self.chart.toggle_attribute_with_force("hidden", bars.is_empty())?;
        Html::written(markup).append_to(&self.chart)
    }
}

/// The figures the filter leaves, in reading order.
pub fn visible_list(visible: &[bool]) -> Vec<usize> {
    (0..visible.len()).filter(|&i| visible[i]).collect()
}

/// The export of the figures shown, as a download, written by the extras module (`held`: the
/// reply it holds for this mount); and how many figures it holds. None if the extras module
/// could not write it.
pub fn export(held: u32, visible: &[bool], csv: bool) -> Option<(Effect, usize)> {
    let text = crate::extras::export(held, visible, csv)?;
    let n = visible.iter().filter(|v| **v).count();
    Some(if csv {
        (Effect::Download("答复数据.csv", "text/csv;charset=utf-8", text), n)
    } else {
        (Effect::Download("答复数据.json", "application/json", text), n)
    })
}

impl State {
    /// Mounts the figure panel in `host`'s shadow root, filtered as the state says, in `layout`
    /// (none: wide until its host's width decides); the searchbox is here `with_search` (no
    /// outline mounted).
    pub(super) fn mount_figures(
        &mut self,
        doc: &Document,
        host: &Element,
        layout: Option<Layout>,
        with_search: bool,
    ) -> Result<(), JsValue> {
        let root = reply_web::styles::shadow(host)?;
        self.hosts.push((host.clone(), root.clone()));
        host.set_attribute(MOUNTED_ATTR, "figures")?;
        let (mut part, search) = FiguresPart::build(doc, host, root, &self.reply, &self.index, with_search)?;
        part.show_filter(&self.reply, &self.index, &Outcome::default(), &self.outcome)?;
        part.chart_frame(&self.reply, &self.outcome.figure_visible)?;
        part.sheet.forced = layout;
        part.sheet.set_layout(layout.unwrap_or(Layout::Wide))?;
        if search.is_some() {
            self.search = search;
        }
        self.figures = Some(part);
        Ok(())
    }
}
