//! The figure panel: visibility of groups and figures as the filter changes, selection and
//! preview, the list's roving tabindex and keys, grouping and order, facets, the chart, export
//! and citation.

use super::*;

impl State {
    pub(super) fn draw_figure_visibility(&mut self, before: &Outcome) -> Result<(), JsValue> {
        let Some(f) = &mut self.figures else {
            return Ok(());
        };
        build::show_wanted(&mut f.dom, &self.reply, &self.index, &self.outcome.figure_visible)?;
        for (k, item) in f.dom.items.iter().enumerate() {
            let visible = self.outcome.figure_visible.get(k).copied().unwrap_or(true);
            if let Some((li, _)) = item {
                if before.figure_visible.get(k).copied() != Some(visible) {
                    hidden(li, !visible);
                }
            }
        }
        for g in &f.dom.groups {
            let any = g.figures.iter().any(|&i| self.outcome.figure_visible.get(i).copied().unwrap_or(false));
            hidden(&g.section, !any);
        }
        hidden(&f.dom.empty, self.outcome.visible_figures() > 0);
        self.fix_figure_tabstop();
        Ok(())
    }

    pub(super) fn draw_chart(&mut self) -> Result<(), JsValue> {
        let Some(p) = &mut self.figures else { return Ok(()) };
        build::chart(&mut p.dom, &self.reply, &self.index, &self.outcome.figure_visible)?;
        if let Some(i) = self.selected {
            if let Some(bar) = p.dom.chart.query_selector(&format!(".rw-bar[data-fig=\"{i}\"]"))? {
                bar.set_attribute("data-selected", "")?;
            }
        }
        Ok(())
    }

    /// The figures the filter leaves, in reading order.
    pub(super) fn visible_figure_indexes(&self) -> Vec<usize> {
        (0..self.reply.figures.len())
            .filter(|&i| self.outcome.figure_visible.get(i).copied().unwrap_or(false))
            .collect()
    }

    pub(super) fn export(&self, csv: bool) -> Result<(), JsValue> {
        let figures = self.visible_figure_indexes();
        let (name, mime, text) = if csv {
            ("答复数据.csv", "text/csv;charset=utf-8", crate::export::csv(&self.reply, &self.index.nodes, &figures))
        } else {
            ("答复数据.json", "application/json", crate::export::figures_json(&self.reply, &self.index.nodes, &figures))
        };
        download(&self.doc, name, mime, &text)?;
        self.announce(&format!("已导出 {} 项数据（{}）", figures.len(), if csv { "CSV" } else { "JSON" }));
        Ok(())
    }

    /// Reads the value controls (比较, 数值, 单位) into a comparison query such as `>=100亿元`.
    pub(super) fn range_filter(&mut self) -> Result<(), JsValue> {
        let Some(p) = &self.figures else { return Ok(()) };
        let read = |name: &str| -> Result<String, JsValue> {
            let Some(e) = p.dom.wrap.query_selector(&format!("[data-range={name}]"))? else { return Ok(String::new()) };
            Ok(js_sys::Reflect::get(&e, &JsValue::from_str("value"))?.as_string().unwrap_or_default())
        };
        let value = read("value")?;
        if value.trim().is_empty() {
            self.announce("请先输入数值，例如 100");
            return Ok(());
        }
        let query = format!("{}{}{}", read("op")?, value.trim(), read("unit")?);
        self.filter(&query)
    }

    pub(super) fn cite(&self, i: Option<usize>) {
        let Some(f) = i.and_then(|i| self.reply.figures.get(i)) else {
            self.announce("请先在数据一览中选择一项数据，再复制引用");
            return;
        };
        let text = crate::export::citation(&self.reply, &self.index.nodes, f);
        if let Some(done) = &self.copy_done {
            clipboard::copy_text(&text, done);
        }
    }

    /// Selects a figure: marked in the article, scrolled to, its section revealed in the outline.
    pub(super) fn select(&mut self, i: usize) -> Result<(), JsValue> {
        let Some(f) = self.reply.figures.get(i) else {
            return Ok(());
        };
        let node = self.index.figure_node(i).unwrap_or(0);
        let id = f.id.clone();
        if !self.outcome.node_visible.get(node).copied().unwrap_or(true) {
            self.filter("")?;
        }
        if let Some(p) = &mut self.figures {
            build::render_item(&mut p.dom, &self.reply, &self.index, i)?;
        }
        if let Some(p) = &self.figures {
            for (k, item) in p.dom.items.iter().enumerate() {
                if let Some((_, b)) = item {
                    if k == i {
                        b.set_attribute("aria-current", "true")?;
                    } else if self.selected == Some(k) {
                        b.remove_attribute("aria-current")?;
                    }
                }
            }
        }
        self.selected = Some(i);
        if let Some(p) = &self.figures {
            let bars = p.dom.chart.query_selector_all(".rw-bar")?;
            for k in 0..bars.length() {
                if let Some(bar) = bars.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let this = bar.get_attribute("data-fig").and_then(|v| v.parse::<usize>().ok()) == Some(i);
                    bar.toggle_attribute_with_force("data-selected", this)?;
                }
            }
        }
        self.draw_marks()?;
        self.reveal(node)?;
        self.pin_current(node)?;
        if self.outline.is_some() {
            self.move_focus(node, false)?;
        }
        if let Some(a) = &self.article {
            if let Some(m) = a.dom.wrap.query_selector("mark.rw-fig-mark")? {
                scroll_to(&m, web_sys::ScrollLogicalPosition::Center);
            }
        }
        self.set_hash(&id);
        if self.prefs.speak {
            let f = &self.reply.figures[i];
            reading::speak(&crate::panel::spoken(f, &crate::panel::section_label(&self.index.nodes, &f.section)));
        }
        Ok(())
    }

    pub(super) fn set_preview(&mut self, i: Option<usize>) -> Result<(), JsValue> {
        if self.preview != i {
            self.preview = i;
            self.draw_marks()?;
        }
        Ok(())
    }

    pub(super) fn figure_reachable(&self, i: usize) -> bool {
        let Some(p) = &self.figures else { return false };
        let open = p.dom.group_of.get(i).and_then(|g| p.dom.groups.get(*g)).is_some_and(|g| g.open);
        let rendered = p.dom.items.get(i).is_some_and(Option::is_some);
        open && rendered && self.outcome.figure_visible.get(i).copied().unwrap_or(false)
    }

    /// The figures in display order that a reader can reach now (visible, in an open group).
    pub(super) fn reachable_figures(&self) -> Vec<usize> {
        let Some(p) = &self.figures else { return Vec::new() };
        p.dom.groups.iter().flat_map(|g| g.figures.iter().copied()).filter(|&i| self.figure_reachable(i)).collect()
    }

    pub(super) fn set_figure_tabstop(&mut self, i: Option<usize>) {
        let Some(p) = &self.figures else { return };
        let button = |k: usize| p.dom.items.get(k).and_then(|x| x.as_ref()).map(|(_, b)| b);
        if let Some(b) = self.fig_tab.and_then(button) {
            let _ = b.set_attribute("tabindex", "-1");
        }
        if let Some(b) = i.and_then(button) {
            let _ = b.set_attribute("tabindex", "0");
        }
        self.fig_tab = i;
    }

    /// Keeps exactly one reachable figure button in the tab order (roving tabindex), touching
    /// the DOM only when the current one became unreachable.
    pub(super) fn fix_figure_tabstop(&mut self) {
        if self.fig_tab.is_some_and(|i| self.figure_reachable(i)) {
            return;
        }
        let first = self.reachable_figures().first().copied();
        self.set_figure_tabstop(first);
    }

    pub(super) fn figure_key(&mut self, e: &KeyboardEvent, button: &Element) -> Result<bool, JsValue> {
        let list = self.reachable_figures();
        let Some(i) = button.get_attribute("data-fig").and_then(|v| v.parse::<usize>().ok()) else {
            return Ok(false);
        };
        let Some(pos) = list.iter().position(|k| *k == i) else {
            return Ok(false);
        };
        let next = match e.key().as_str() {
            "c" | "C" if !e.ctrl_key() && !e.meta_key() && !e.alt_key() => {
                self.cite(Some(i));
                return Ok(true);
            }
            "ArrowDown" => (pos + 1).min(list.len() - 1),
            "ArrowUp" => pos.saturating_sub(1),
            "Home" => 0,
            "End" => list.len() - 1,
            _ => return Ok(false),
        };
        self.set_figure_tabstop(Some(list[next]));
        if let Some(Some((_, b))) = self.figures.as_ref().and_then(|p| p.dom.items.get(list[next])) {
            focus(b);
        }
        Ok(true)
    }

    pub(super) fn regroup(&mut self) -> Result<(), JsValue> {
        let Some(p) = &mut self.figures else {
            return Ok(());
        };
        build::figures_groups(&mut p.dom, &self.reply, &self.index, self.grouping, self.order)?;
        if let Some(sel) = self.selected {
            if let Some(Some((_, b))) = p.dom.items.get(sel) {
                b.set_attribute("aria-current", "true")?;
            }
        }
        self.fig_tab = None;
        let all = Outcome::default();
        self.draw_figure_visibility(&all)
    }

    pub(super) fn press(&self, action: &str, group: &[&str]) -> Result<(), JsValue> {
        let Some(p) = &self.figures else {
            return Ok(());
        };
        for a in group {
            if let Some(b) = p.dom.wrap.query_selector(&format!("[data-action=\"{a}\"]"))? {
                b.set_attribute("aria-pressed", if *a == action { "true" } else { "false" })?;
            }
        }
        Ok(())
    }

    pub(super) fn figure_action(&mut self, action: &str, target: &Element) -> Result<(), JsValue> {
        match action {
            "group-kind" | "group-section" => {
                self.grouping = if action == "group-kind" { Grouping::Kind } else { Grouping::Section };
                self.press(action, &["group-kind", "group-section"])?;
                self.regroup()?;
            }
            "sort-doc" | "sort-value" => {
                self.order = if action == "sort-doc" { Order::Document } else { Order::Value };
                self.press(action, &["sort-doc", "sort-value"])?;
                self.regroup()?;
            }
            "range" => self.range_filter()?,
            "export-csv" => self.export(true)?,
            "export-json" => self.export(false)?,
            "cite" => self.cite(self.selected),
            "chart-table" => {
                let Some(p) = &self.figures else { return Ok(()) };
                if let Some(table) = p.dom.chart.query_selector("#rw-chart-table")? {
                    let show = table.class_list().contains("rw-sr");
                    table.class_list().toggle_with_force("rw-sr", !show)?;
                    target.set_attribute("aria-expanded", if show { "true" } else { "false" })?;
                    target.set_text_content(Some(if show { "隐藏数据表" } else { "显示数据表" }));
                }
            }
            "toggle-group" => {
                let Some(p) = &mut self.figures else {
                    return Ok(());
                };
                let g: usize = target.get_attribute("data-group").and_then(|g| g.parse().ok()).unwrap_or(usize::MAX);
                if let Some(group) = p.dom.groups.get_mut(g) {
                    group.open = !group.open;
                    group.head.set_attribute("aria-expanded", if group.open { "true" } else { "false" })?;
                    hidden(&group.list, !group.open);
                    if !group.open {
                        hidden(&group.more, true);
                    }
                }
                build::show_wanted(&mut p.dom, &self.reply, &self.index, &self.outcome.figure_visible)?;
                self.fix_figure_tabstop();
            }
            "more" => {
                let Some(p) = &mut self.figures else {
                    return Ok(());
                };
                let g: usize = target.get_attribute("data-group").and_then(|g| g.parse().ok()).unwrap_or(usize::MAX);
                let Some(group) = p.dom.groups.get_mut(g) else { return Ok(()) };
                group.want += crate::panel::CHUNK;
                let visible = &self.outcome.figure_visible;
                let first_new = group
                    .figures
                    .iter()
                    .copied()
                    .find(|&i| visible.get(i).copied().unwrap_or(true) && p.dom.items[i].is_none());
                build::show_wanted(&mut p.dom, &self.reply, &self.index, visible)?;
                // Focus moves to the first figure that appeared, where reading goes on.
                if let Some(i) = first_new {
                    self.set_figure_tabstop(Some(i));
                    if let Some(Some((_, b))) = self.figures.as_ref().and_then(|p| p.dom.items.get(i)) {
                        focus(b);
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    pub(super) fn facets_changed(&mut self) -> Result<(), JsValue> {
        let Some(p) = &self.figures else {
            return Ok(());
        };
        let mut kinds = Vec::new();
        let boxes = p.dom.wrap.query_selector_all("input[data-facet]")?;
        for i in 0..boxes.length() {
            let Some(b) = boxes.item(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok()) else {
                continue;
            };
            let g: usize = b.get_attribute("data-facet").and_then(|g| g.parse().ok()).unwrap_or(usize::MAX);
            if b.checked() {
                if let Some(group) = KIND_GROUPS.get(g) {
                    kinds.extend_from_slice(group);
                }
            }
        }
        self.kinds = kinds;
        self.refilter()
    }
}

pub(super) fn figures_click(st: &mut State, _e: &Event, t: &Element) -> Result<bool, JsValue> {
    if let Some((button, action)) = action_of(t)? {
        if shared_action(st, &action)? {
            return Ok(true);
        }
        return match action.as_str() {
            "query" => Ok(false),
            _ => st.figure_action(&action, &button).map(|_| true),
        };
    }
    let Some((_, i)) = node_of(t, "data-fig") else {
        return Ok(false);
    };
    st.set_figure_tabstop(Some(i));
    st.select(i)?;
    Ok(true)
}

pub(super) fn figures_key(st: &mut State, e: &Event, t: &Element) -> Result<bool, JsValue> {
    if t.get_attribute("data-range").as_deref() == Some("value") {
        if e.dyn_ref::<KeyboardEvent>().is_some_and(|k| k.key() == "Enter") {
            st.range_filter()?;
            return Ok(true);
        }
        return Ok(false);
    }
    if t.get_attribute("data-fig").is_some() {
        let Some(k) = e.dyn_ref::<KeyboardEvent>() else {
            return Ok(false);
        };
        return st.figure_key(k, t);
    }
    search_events(st, e, t)
}

pub(super) fn figures_change(st: &mut State, _e: &Event, t: &Element) -> Result<bool, JsValue> {
    if t.get_attribute("data-facet").is_some() {
        st.facets_changed()?;
    }
    Ok(false)
}

pub(super) fn figures_preview(st: &mut State, e: &Event, t: &Element) -> Result<bool, JsValue> {
    let entering = matches!(e.type_().as_str(), "focusin" | "mouseover");
    let fig = node_of(t, "data-fig").map(|(_, i)| i);
    match (entering, fig) {
        (true, Some(i)) => st.set_preview(Some(i))?,
        (false, Some(_)) => st.set_preview(None)?,
        _ => {}
    }
    Ok(false)
}

/// Hands text to the browser as a file download: no server, and no request under the CSP
/// (a blob: URL opened by a download link).
pub(super) fn download(doc: &Document, name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoked a moment later: revoking at once cancels the download in some browsers. The
    // one-shot closure frees itself when the timer fires.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)?;
    }
    Ok(())
}
