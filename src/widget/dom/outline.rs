//! The outline part: its markup (a flat WAI-ARIA tree), its state (expanded, focused and
//! current nodes, type-ahead), its keyboard model, and following the reader's scrolling.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, KeyboardEvent, ShadowRoot};

use reply_core::filter::Outcome;
use reply_core::outline::{Outline, TypeAhead};
use reply_core::util::{cat, uint};
use reply_web::html::Html;
use reply_web::listener::Observer;

use super::search::{SearchView, MARKUP as SEARCH};
use super::sheet::{Layout, Sheet};
use super::{State, MOUNTED_ATTR};

pub struct OutlinePart {
    pub host: Element,
    pub root: ShadowRoot,
    pub wrap: Element,
    /// The compact layout: a summary and a sheet.
    pub sheet: Sheet,
    /// One treeitem per outline node.
    items: Vec<Element>,
    pub skip: Element,
    expanded: Vec<bool>,
    /// The node holding the roving tabindex.
    focus: usize,
    /// The node marked `aria-current` (the section in view).
    current: Option<usize>,
    /// Per node: its heading is in the top band of the viewport.
    in_view: Vec<bool>,
    typeahead: TypeAhead,
    /// Until this time (ms) a navigation's target stays current while the smooth scroll runs
    /// past other headings.
    pinned_until: f64,
}

/// What a key in the tree asks for.
pub enum TreeKey {
    /// Not a key of the tree.
    NotMine,
    /// Handled within the tree; focus goes to this item, if any.
    Moved(Option<Element>),
    /// Go to the node (Enter, Space); with Enter focus moves to the article.
    GoTo(usize, bool),
}

impl OutlinePart {
    /// Draws the outline: the searchbox (when it lives here) first in tab order, then the tree.
    /// The tree is flat (APG "flat" structure): every treeitem is a child of the tree with
    /// aria-level, aria-setsize and aria-posinset, so an item's accessible name is its own row
    /// and never the text of its children.
    pub fn build(
        doc: &Document,
        host: &Element,
        root: ShadowRoot,
        outline: &Outline,
        with_search: bool,
    ) -> Result<(OutlinePart, Option<SearchView>), JsValue> {
        let sections = outline.nodes.iter().filter(|n| !n.number.is_empty()).count();
        let mut sheet = Sheet::new(doc, &root, "提纲", &cat(&["提纲 · ", &uint(sections), " 节"]))?;
        let wrap = doc.create_element("nav")?;
        wrap.set_class_name("rw rw-outline");
        wrap.set_attribute("aria-labelledby", "rw-outline-title")?;
        sheet.inline().append_child(&wrap)?;
        let mut h = Html::new();
        if with_search {
            h.markup(SEARCH);
        }
        h.leaf("h2", "rw-part-title", &[("id", "rw-outline-title")], "提纲");
        h.open("ul", "rw-tree", &[("role", "tree"), ("aria-labelledby", "rw-outline-title")]);
        // Sizes of sibling sets, by parent (slot 0 for top level).
        let nodes = &outline.nodes;
        let mut set_size = vec![0usize; nodes.len() + 1];
        for n in nodes {
            set_size[n.parent.map_or(0, |p| p + 1)] += 1;
        }
        let mut seen = vec![0usize; nodes.len() + 1];
        for (k, n) in nodes.iter().enumerate() {
            let slot = n.parent.map_or(0, |p| p + 1);
            seen[slot] += 1;
            let (level, size, pos, key, depth) =
                (uint(n.depth), uint(set_size[slot]), uint(seen[slot]), uint(k), uint(n.depth.min(6)));
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
                let count = uint(n.figure_count);
                h.leaf("span", "rw-badge", &[("aria-hidden", "true")], &count);
                h.open("span", "rw-sr", &[]).text("，").text(&count).text(" 项数据").close("span");
            }
            h.close("span").close("li");
        }
        h.close("ul");
        h.leaf("a", "rw-skip", &[("href", "#"), ("data-action", "skip")], "跳到正文");
        h.append_to(&wrap)?;
        let tree = wrap.query_selector(".rw-tree")?.ok_or_else(|| JsError::new("reply-widget: the tree is missing"))?;
        let list = tree.children();
        let items: Vec<Element> = (0..list.length()).filter_map(|i| list.item(i)).collect();
        let skip =
            wrap.query_selector(".rw-skip")?.ok_or_else(|| JsError::new("reply-widget: the skip link is missing"))?;
        let search = if with_search { Some(SearchView::find(&wrap)?) } else { None };
        let title = wrap.query_selector(".rw-part-title")?;
        sheet.hold(&wrap, search.as_ref().zip(title).map(|(s, t)| (s.find.clone(), t)));
        let n = nodes.len();
        let part = OutlinePart {
            host: host.clone(),
            root,
            wrap,
            sheet,
            items,
            skip,
            expanded: vec![true; n],
            focus: 0,
            current: None,
            in_view: vec![false; n],
            typeahead: TypeAhead::default(),
            pinned_until: 0.0,
        };
        Ok((part, search))
    }

    pub fn current(&self) -> Option<usize> {
        self.current
    }

    /// The item holding the roving tabindex.
    pub fn focused_item(&self) -> Option<Element> {
        self.items.get(self.focus).cloned()
    }

    fn item_visible(&self, outline: &Outline, kept: &[bool], k: usize) -> bool {
        outline.shown(kept, &self.expanded, k)
    }

    pub fn set_expanded(&mut self, outline: &Outline, kept: &[bool], k: usize, open: bool) -> Result<(), JsValue> {
        if !outline.nodes.get(k).is_some_and(|n| n.has_children) {
            return Ok(());
        }
        self.expanded[k] = open;
        self.items[k].set_attribute("aria-expanded", if open { "true" } else { "false" })?;
        // The flat tree: descendants follow their ancestor in reading order.
        let depth = outline.nodes[k].depth;
        for d in k + 1..outline.len() {
            if outline.nodes[d].depth <= depth {
                break;
            }
            let show = self.item_visible(outline, kept, d);
            self.items[d].toggle_attribute_with_force("hidden", !show)?;
        }
        Ok(())
    }

    /// Moves the roving tabindex to node `k`; returns the item to focus when asked.
    pub fn move_focus(&mut self, k: usize, take_focus: bool) -> Result<Option<Element>, JsValue> {
        if let Some(old) = self.items.get(self.focus) {
            old.set_attribute("tabindex", "-1")?;
        }
        self.focus = k;
        let Some(item) = self.items.get(k) else { return Ok(None) };
        item.set_attribute("tabindex", "0")?;
        Ok(take_focus.then(|| item.clone()))
    }

    pub fn set_current(&mut self, k: Option<usize>) -> Result<(), JsValue> {
        if self.current == k {
            return Ok(());
        }
        if let Some(old) = self.current.and_then(|c| self.items.get(c)) {
            old.remove_attribute("aria-current")?;
        }
        if let Some(new) = k.and_then(|c| self.items.get(c)) {
            new.set_attribute("aria-current", "location")?;
        }
        self.current = k;
        Ok(())
    }

    /// Marks a navigation's target current and keeps it so while the article scrolls to it.
    pub fn pin_current(&mut self, k: usize) -> Result<(), JsValue> {
        self.pinned_until = js_sys::Date::now() + 1200.0;
        self.set_current(Some(k))
    }

    /// Opens the ancestors of a node so it shows in the tree.
    pub fn reveal(&mut self, outline: &Outline, kept: &[bool], k: usize) -> Result<(), JsValue> {
        let mut at = outline.nodes.get(k).and_then(|n| n.parent);
        while let Some(p) = at {
            self.set_expanded(outline, kept, p, true)?;
            at = outline.nodes[p].parent;
        }
        Ok(())
    }

    /// Shows the nodes a filter keeps: items whose visibility changed are toggled; during a
    /// query every parent of a match opens.
    pub fn show_filter(
        &mut self,
        outline: &Outline,
        before: &Outcome,
        now: &Outcome,
        active: bool,
    ) -> Result<(), JsValue> {
        for k in 0..self.items.len() {
            let visible = now.node_visible.get(k).copied().unwrap_or(true);
            if before.node_visible.get(k).copied() != Some(visible) {
                let show = self.item_visible(outline, &now.node_visible, k);
                self.items[k].toggle_attribute_with_force("hidden", !show)?;
            }
        }
        if active {
            for k in 0..self.expanded.len() {
                if outline.nodes[k].has_children && now.node_visible[k] && !self.expanded[k] {
                    self.set_expanded(outline, &now.node_visible, k, true)?;
                }
            }
        }
        if !now.node_visible.get(self.focus).copied().unwrap_or(true) {
            let first = now.node_visible.iter().position(|v| *v).unwrap_or(0);
            self.move_focus(first, false)?;
        }
        Ok(())
    }

    fn visible_items(&self, outline: &Outline, kept: &[bool]) -> Vec<usize> {
        (0..outline.len()).filter(|&k| self.item_visible(outline, kept, k)).collect()
    }

    /// The WAI-ARIA APG tree keyboard model on item `k`.
    pub fn key(&mut self, outline: &Outline, kept: &[bool], e: &KeyboardEvent, k: usize) -> Result<TreeKey, JsValue> {
        let vis = self.visible_items(outline, kept);
        let pos = vis.iter().position(|&v| v == k);
        let node = &outline.nodes[k];
        let key = e.key();
        let focus = match key.as_str() {
            "ArrowDown" => match pos.and_then(|p| vis.get(p + 1)) {
                Some(&n) => self.move_focus(n, true)?,
                None => None,
            },
            "ArrowUp" => match pos.and_then(|p| p.checked_sub(1)).and_then(|p| vis.get(p)) {
                Some(&n) => self.move_focus(n, true)?,
                None => None,
            },
            "Home" => self.move_focus(vis.first().copied().unwrap_or(0), true)?,
            "End" => self.move_focus(vis.last().copied().unwrap_or(0), true)?,
            "ArrowRight" if node.has_children && !self.expanded[k] => {
                self.set_expanded(outline, kept, k, true)?;
                None
            }
            "ArrowRight" if node.has_children => match pos.and_then(|p| vis.get(p + 1)) {
                Some(&n) => self.move_focus(n, true)?,
                None => None,
            },
            "ArrowRight" => None,
            "ArrowLeft" if node.has_children && self.expanded[k] => {
                self.set_expanded(outline, kept, k, false)?;
                None
            }
            "ArrowLeft" => match node.parent {
                Some(p) => self.move_focus(p, true)?,
                None => None,
            },
            "Enter" | " " => return Ok(TreeKey::GoTo(k, key == "Enter")),
            "*" => {
                let parent = node.parent;
                for s in 0..outline.len() {
                    if outline.nodes[s].parent == parent {
                        self.set_expanded(outline, kept, s, true)?;
                    }
                }
                None
            }
            _ => {
                let typed: Vec<char> = key.chars().collect();
                if typed.len() != 1 || e.ctrl_key() || e.meta_key() || e.alt_key() || typed[0].is_whitespace() {
                    return Ok(TreeKey::NotMine);
                }
                let now = js_sys::Date::now();
                match self.typeahead.key(outline, &vis, pos.unwrap_or(0), typed[0], now) {
                    Some(n) => self.move_focus(n, true)?,
                    None => None,
                }
            }
        };
        Ok(TreeKey::Moved(focus))
    }

    /// A click on the tree: the node, and whether it landed on the twisty.
    pub fn clicked(t: &Element) -> Option<(usize, bool)> {
        let item = t.closest("[data-node]").ok()??;
        let k = item.get_attribute("data-node")?.parse().ok()?;
        Some((k, t.closest(".rw-twisty").ok().flatten().is_some()))
    }

    pub fn toggle(&mut self, outline: &Outline, kept: &[bool], k: usize) -> Result<(), JsValue> {
        let open = !self.expanded.get(k).copied().unwrap_or(true);
        self.set_expanded(outline, kept, k, open)
    }

    /// Follows the reader's scrolling: the observer saw these headings (`data-rw-node`) enter
    /// or leave the top band; the first one in it becomes current, unless a navigation holds it.
    pub fn seen(&mut self, entries: &js_sys::Array) {
        for entry in entries.iter() {
            let Ok(entry) = entry.dyn_into::<web_sys::IntersectionObserverEntry>() else { continue };
            let Some(k) = entry.target().get_attribute("data-rw-node").and_then(|n| n.parse::<usize>().ok()) else {
                continue;
            };
            if let Some(v) = self.in_view.get_mut(k) {
                *v = entry.is_intersecting();
            }
        }
        if js_sys::Date::now() < self.pinned_until {
            return;
        }
        if let Some(k) = self.in_view.iter().position(|v| *v) {
            let _ = self.set_current(Some(k));
        }
    }
}

/// An observer of the article's headings, for [`OutlinePart::seen`]: the top third of the
/// viewport (IntersectionObserver, no scroll handler).
pub fn observer(
    f: impl FnMut(js_sys::Array, web_sys::IntersectionObserver) + 'static,
    targets: &[Element],
) -> Result<Observer, JsValue> {
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin("0px 0px -66% 0px");
    let observer = Observer::new(f, &init)?;
    for t in targets {
        observer.observer.observe(t);
    }
    Ok(observer)
}

impl State {
    /// Mounts the outline in `host`'s shadow root, the searchbox first, in `layout` (none: wide
    /// until its host's width decides).
    pub(super) fn mount_outline(
        &mut self,
        doc: &Document,
        host: &Element,
        layout: Option<Layout>,
    ) -> Result<(), JsValue> {
        let root = reply_web::styles::shadow(host)?;
        self.hosts.push((host.clone(), root.clone()));
        host.set_attribute(MOUNTED_ATTR, "outline")?;
        let (mut part, search) = OutlinePart::build(doc, host, root, &self.index.outline, true)?;
        part.sheet.forced = layout;
        part.sheet.set_layout(layout.unwrap_or(Layout::Wide))?;
        self.outline = Some(part);
        self.search = search;
        Ok(())
    }

    /// Follows the reader's scrolling: the section in view becomes the outline's current node.
    /// None without an article or an outline.
    pub(super) fn watch_sections(&self, state: &Rc<RefCell<State>>) -> Result<Option<Observer>, JsValue> {
        let (Some(a), Some(_)) = (&self.article, &self.outline) else { return Ok(None) };
        let watched = state.clone();
        let o = observer(
            move |entries, _| {
                if let Ok(mut s) = watched.try_borrow_mut() {
                    if let Some(o) = &mut s.outline {
                        o.seen(&entries);
                    }
                }
            },
            a.targets(),
        )?;
        Ok(Some(o))
    }
}
