//! The outline part: the tree's state (expanded, focused, current node), its keyboard model and
//! type-ahead, navigation to a section, and the observer that follows the reader's scrolling.

use super::*;

impl State {
    pub(super) fn item_visible(&self, k: usize) -> bool {
        crate::outline::shown(&self.index.nodes, &self.outcome.node_visible, &self.expanded, k)
    }

    pub(super) fn set_expanded(&mut self, k: usize, open: bool) -> Result<(), JsValue> {
        if !self.index.nodes.get(k).is_some_and(|n| n.has_children) {
            return Ok(());
        }
        self.expanded[k] = open;
        let Some(o) = &self.outline else { return Ok(()) };
        o.dom.items[k].set_attribute("aria-expanded", if open { "true" } else { "false" })?;
        // The flat tree: descendants follow their ancestor in reading order.
        let depth = self.index.nodes[k].depth;
        for d in k + 1..self.index.nodes.len() {
            if self.index.nodes[d].depth <= depth {
                break;
            }
            hidden(&o.dom.items[d], !self.item_visible(d));
        }
        Ok(())
    }

    pub(super) fn move_focus(&mut self, k: usize, take_focus: bool) -> Result<(), JsValue> {
        let Some(o) = &self.outline else {
            return Ok(());
        };
        if let Some(old) = o.dom.items.get(self.focus) {
            old.set_attribute("tabindex", "-1")?;
        }
        self.focus = k;
        if let Some(item) = o.dom.items.get(k) {
            item.set_attribute("tabindex", "0")?;
            if take_focus {
                focus(item);
            }
        }
        Ok(())
    }

    /// Marks a navigation's target current and keeps it so while the article scrolls to it.
    pub(super) fn pin_current(&mut self, k: usize) -> Result<(), JsValue> {
        self.pinned_until = js_sys::Date::now() + 1200.0;
        self.set_current(Some(k))
    }

    pub(super) fn set_current(&mut self, k: Option<usize>) -> Result<(), JsValue> {
        if self.current == k {
            return Ok(());
        }
        if let Some(o) = &self.outline {
            if let Some(old) = self.current.and_then(|c| o.dom.items.get(c)) {
                old.remove_attribute("aria-current")?;
            }
            if let Some(new) = k.and_then(|c| o.dom.items.get(c)) {
                new.set_attribute("aria-current", "location")?;
            }
        }
        self.current = k;
        Ok(())
    }

    /// Opens the ancestors of a node so it shows in the outline.
    pub(super) fn reveal(&mut self, k: usize) -> Result<(), JsValue> {
        let mut at = self.index.nodes.get(k).and_then(|n| n.parent);
        while let Some(p) = at {
            self.set_expanded(p, true)?;
            at = self.index.nodes[p].parent;
        }
        Ok(())
    }

    pub(super) fn set_hash(&self, key: &str) {
        if !self.hash {
            return;
        }
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{key}")));
        }
    }

    /// Navigates to an outline node: the article scrolls to it and, when asked, takes focus.
    pub(super) fn go_to(&mut self, k: usize, focus_article: bool) -> Result<(), JsValue> {
        if k >= self.index.nodes.len() {
            return Ok(());
        }
        if !self.outcome.node_visible.get(k).copied().unwrap_or(true) {
            self.filter("")?;
        }
        self.reveal(k)?;
        self.pin_current(k)?;
        if self.outline.is_some() {
            self.move_focus(k, false)?;
        }
        if let Some(a) = &self.article {
            if let Some(h) = a.dom.headings.get(k) {
                scroll_to(h, web_sys::ScrollLogicalPosition::Start);
                if focus_article {
                    focus(h);
                }
            }
        }
        let key = self.index.nodes[k].key.clone();
        self.set_hash(&key);
        self.speak_node(k);
        Ok(())
    }

    pub(super) fn visible_items(&self) -> Vec<usize> {
        (0..self.index.nodes.len()).filter(|&k| self.item_visible(k)).collect()
    }

    pub(super) fn tree_key(&mut self, e: &KeyboardEvent, k: usize) -> Result<bool, JsValue> {
        let vis = self.visible_items();
        let pos = vis.iter().position(|&v| v == k);
        let node = &self.index.nodes[k];
        let key = e.key();
        match key.as_str() {
            "ArrowDown" => {
                if let Some(&n) = pos.and_then(|p| vis.get(p + 1)) {
                    self.move_focus(n, true)?;
                }
            }
            "ArrowUp" => {
                if let Some(&n) = pos.and_then(|p| p.checked_sub(1)).and_then(|p| vis.get(p)) {
                    self.move_focus(n, true)?;
                }
            }
            "Home" => self.move_focus(vis.first().copied().unwrap_or(0), true)?,
            "End" => self.move_focus(vis.last().copied().unwrap_or(0), true)?,
            "ArrowRight" => {
                if node.has_children {
                    if !self.expanded[k] {
                        self.set_expanded(k, true)?;
                    } else if let Some(&n) = pos.and_then(|p| vis.get(p + 1)) {
                        self.move_focus(n, true)?;
                    }
                }
            }
            "ArrowLeft" => {
                if node.has_children && self.expanded[k] {
                    self.set_expanded(k, false)?;
                } else if let Some(p) = node.parent {
                    self.move_focus(p, true)?;
                }
            }
            "Enter" | " " => self.go_to(k, key == "Enter" && self.article.is_some())?,
            "*" => {
                let parent = node.parent;
                for s in 0..self.index.nodes.len() {
                    if self.index.nodes[s].parent == parent {
                        self.set_expanded(s, true)?;
                    }
                }
            }
            _ => {
                let typed: Vec<char> = key.chars().collect();
                if typed.len() != 1 || e.ctrl_key() || e.meta_key() || e.alt_key() || typed[0].is_whitespace() {
                    return Ok(false);
                }
                return self.typeahead(typed[0], &vis, pos.unwrap_or(0)).map(|_| true);
            }
        }
        Ok(true)
    }

    /// Type-ahead: focus the next visible node whose number or title starts with what was typed.
    pub(super) fn typeahead(&mut self, c: char, vis: &[usize], pos: usize) -> Result<(), JsValue> {
        let now = js_sys::Date::now();
        if now - self.typeahead.1 > 700.0 {
            self.typeahead.0.clear();
        }
        self.typeahead.1 = now;
        self.typeahead.0.push(filter::fold_char(c));
        if let Some(k) = crate::outline::typeahead(&self.index.nodes, vis, pos, &self.typeahead.0) {
            self.move_focus(k, true)?;
        }
        Ok(())
    }
}

pub(super) fn outline_click(st: &mut State, _e: &Event, t: &Element) -> Result<bool, JsValue> {
    if let Some((_, action)) = action_of(t)? {
        if shared_action(st, &action)? {
            return Ok(true);
        }
        if action != "skip" {
            return Ok(false);
        }
        let target = st.current.filter(|c| *c > 0).unwrap_or(0);
        if let Some(h) = st.article.as_ref().and_then(|a| a.dom.headings.get(target)) {
            focus(h);
            scroll_to(h, web_sys::ScrollLogicalPosition::Start);
        }
        return Ok(true);
    }
    let Some((_, k)) = node_of(t, "data-node") else {
        return Ok(false);
    };
    if t.closest(".rw-twisty")?.is_some() {
        let open = !st.expanded[k];
        st.set_expanded(k, open)?;
        st.move_focus(k, true)?;
        return Ok(true);
    }
    st.move_focus(k, true)?;
    st.go_to(k, false)?;
    Ok(true)
}

pub(super) fn outline_key(st: &mut State, e: &Event, t: &Element) -> Result<bool, JsValue> {
    if t.get_attribute("role").as_deref() != Some("treeitem") {
        return search_events(st, e, t);
    }
    let (Some(k), Some(ke)) = (t.get_attribute("data-node").and_then(|n| n.parse().ok()), e.dyn_ref::<KeyboardEvent>())
    else {
        return Ok(false);
    };
    st.tree_key(ke, k)
}

/// Marks the outline node whose heading is in the top third of the viewport as the reader
/// scrolls (IntersectionObserver, no scroll handler).
pub(super) fn observe(state: &Rc<RefCell<State>>, headings: &[Element]) -> Result<Observer, JsValue> {
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin("0px 0px -66% 0px");
    let st = state.clone();
    let observer = Observer::new(
        move |entries: js_sys::Array, _| {
            let Ok(mut s) = st.try_borrow_mut() else {
                return;
            };
            for entry in entries.iter() {
                let Ok(entry) = entry.dyn_into::<web_sys::IntersectionObserverEntry>() else {
                    continue;
                };
                let Some(k) = entry.target().get_attribute("data-node").and_then(|n| n.parse::<usize>().ok()) else {
                    continue;
                };
                if let Some(v) = s.in_view.get_mut(k) {
                    *v = entry.is_intersecting();
                }
            }
            if js_sys::Date::now() < s.pinned_until {
                return;
            }
            if let Some(k) = s.in_view.iter().position(|v| *v) {
                let _ = s.set_current(Some(k));
            }
        },
        &init,
    )?;
    for h in headings {
        observer.observer.observe(h);
    }
    Ok(observer)
}
