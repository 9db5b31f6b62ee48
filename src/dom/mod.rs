//! web-sys rendering: turns state into DOM and events into state. The logic it calls lives in
//! `filter`, `outline` and `panel`.
//!
//! One `Rc<RefCell<State>>` per mount. Each part listens with one delegated listener per event
//! type on its shadow root, reading `data-*` attributes; the listeners and the observer are owned
//! by the [`Mount`] and removed when it is destroyed or dropped.

mod build;
mod clipboard;
mod figure_panel;
mod html;
mod listener;
mod marks;
mod reading;
mod styles;
mod tree;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, HtmlInputElement, KeyboardEvent, ShadowRoot};

use crate::filter::{self, Index, Outcome, Query};
use crate::model::{FigureKind, Reply};
use crate::panel::{Grouping, Order, KIND_GROUPS};
use build::{ArticleDom, FiguresDom, OutlineDom, SearchView};
use figure_panel::{figures_change, figures_click, figures_key, figures_preview};
use listener::{Listener, Observer};
use tree::{observe, outline_click, outline_key};

/// A figure to mark in a block: its char range and id.
type FigMark<'a> = Option<(u32, u32, &'a str)>;
/// What one block is drawn with: search hits, the selected figure, the previewed figure.
type BlockMarks<'a> = (&'a [(u32, u32)], FigMark<'a>, FigMark<'a>);

/// FNV-1a over what a block is drawn with; never 0, which means "plain text".
fn signature(hits: &[(u32, u32)], sel: FigMark, pre: FigMark) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |v: u32| {
        h ^= u64::from(v);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    for (s, e) in hits {
        mix(*s);
        mix(*e);
    }
    for (tag, m) in [(1, sel), (2, pre)] {
        if let Some((s, e, _)) = m {
            mix(tag);
            mix(s);
            mix(e);
        }
    }
    h | 1
}

/// Marks a host element as in use, so a second mount on it fails clearly instead of fighting.
const MOUNTED_ATTR: &str = "data-reply-widget-mounted";

/// What to mount, already validated by the caller.
pub struct Options {
    pub outline: Option<Element>,
    pub figures: Option<Element>,
    pub article: Option<Element>,
    pub reply: Rc<Reply>,
    /// Read and write `location.hash` (`#s2-1`, `#f13`).
    pub hash: bool,
    /// Start in large-text mode (else the reader's stored choice).
    pub elder: Option<bool>,
}

struct Part<D> {
    host: Element,
    root: ShadowRoot,
    dom: D,
}

pub struct State {
    doc: Document,
    reply: Rc<Reply>,
    index: Index,
    outline: Option<Part<OutlineDom>>,
    figures: Option<Part<FiguresDom>>,
    article: Option<Part<ArticleDom>>,
    search: Option<SearchView>,
    query: Query,
    outcome: Outcome,
    kinds: Vec<FigureKind>,
    grouping: Grouping,
    order: Order,
    selected: Option<usize>,
    preview: Option<usize>,
    /// Outline node marked `aria-current`.
    current: Option<usize>,
    /// Outline node holding the roving tabindex.
    focus: usize,
    expanded: Vec<bool>,
    /// Per block, a signature of the marks it is drawn with (0: plain text).
    marked: Vec<u64>,
    /// Blocks drawn with marks now.
    marked_list: Vec<usize>,
    hit: Option<usize>,
    /// Outline nodes whose heading is in the top band of the viewport.
    in_view: Vec<bool>,
    hash: bool,
    typeahead: (String, f64),
    /// Until this time (ms) a navigation's target stays current while the smooth scroll runs
    /// past other headings.
    pinned_until: f64,
    /// The figure button holding the panel's roving tabindex.
    fig_tab: Option<usize>,
    prefs: reading::Prefs,
    toolbar: Option<Element>,
    /// Called back with the outcome of a copy (the closure is owned by the Mount).
    copy_done: Option<js_sys::Function>,
}

/// A mounted widget: owns its state, listeners and observer.
pub struct Mount {
    state: Rc<RefCell<State>>,
    listeners: Vec<Listener>,
    observer: Option<Observer>,
    copied: Option<Closure<dyn FnMut(JsValue)>>,
}

fn node_of(target: &Element, attr: &str) -> Option<(Element, usize)> {
    let selector = match attr {
        "data-node" => "[data-node]",
        "data-fig" => "[data-fig]",
        _ => return None,
    };
    let e = target.closest(selector).ok()??;
    let n = e.get_attribute(attr)?.parse().ok()?;
    Some((e, n))
}

fn event_element(e: &Event) -> Option<Element> {
    e.target()?.dyn_into::<Element>().ok()
}

fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

fn scroll_to(e: &Element, block: web_sys::ScrollLogicalPosition) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(block);
    opts.set_behavior(if reduced_motion() {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    e.scroll_into_view_with_scroll_into_view_options(&opts);
}

fn focus(e: &Element) {
    if let Some(h) = e.dyn_ref::<HtmlElement>() {
        let _ = h.focus();
    }
}

fn hidden(e: &Element, hide: bool) {
    let _ = e.toggle_attribute_with_force("hidden", hide);
}

impl State {
    fn new(doc: Document, reply: Rc<Reply>, hash: bool) -> State {
        let index = Index::new(&reply);
        let outcome = index.run(&reply.figures, &Query::All, &FigureKind::ALL);
        let n = index.nodes.len();
        State {
            doc,
            reply,
            index,
            outline: None,
            figures: None,
            article: None,
            search: None,
            query: Query::All,
            outcome,
            kinds: FigureKind::ALL.to_vec(),
            grouping: Grouping::Kind,
            order: Order::Document,
            selected: None,
            preview: None,
            current: None,
            focus: 0,
            expanded: vec![true; n],
            marked: Vec::new(),
            marked_list: Vec::new(),
            hit: None,
            in_view: vec![false; n],
            hash,
            typeahead: (String::new(), 0.0),
            pinned_until: 0.0,
            fig_tab: None,
            prefs: reading::Prefs::default(),
            toolbar: None,
            copy_done: None,
        }
    }

    // ---- reading aids ----------------------------------------------------------------------

    fn roots(&self) -> Vec<&Element> {
        let mut out = Vec::new();
        out.extend(self.outline.as_ref().map(|p| &p.dom.wrap));
        out.extend(self.figures.as_ref().map(|p| &p.dom.wrap));
        out.extend(self.article.as_ref().map(|p| &p.dom.wrap));
        out
    }

    fn apply_prefs(&self) -> Result<(), JsValue> {
        reading::apply(&self.prefs, &self.roots(), self.toolbar.as_ref())
    }

    /// The reading toolbar's buttons. Returns false for any other action.
    fn reading_action(&mut self, action: &str) -> Result<bool, JsValue> {
        match action {
            "elder" => self.prefs.elder = !self.prefs.elder,
            "contrast" => self.prefs.contrast = !self.prefs.contrast,
            "speak" => {
                self.prefs.speak = !self.prefs.speak;
                if self.prefs.speak {
                    reading::speak("朗读已开启，选择章节或数据即可收听");
                } else {
                    reading::stop();
                }
            }
            "stop" => {
                reading::stop();
                return Ok(true);
            }
            _ => return Ok(false),
        }
        reading::save(&self.prefs);
        self.apply_prefs()?;
        Ok(true)
    }

    /// Reads a section aloud: its heading, then its own paragraphs.
    fn speak_node(&self, k: usize) {
        if !self.prefs.speak {
            return;
        }
        let Some(n) = self.index.nodes.get(k) else { return };
        let mut text = format!("{}{}。", n.number, n.title);
        for p in &n.paragraphs {
            if let Some(t) = self.index.block_of(p).and_then(|b| self.index.texts.get(b)) {
                text.push_str(t);
            }
        }
        reading::speak(&text);
    }

    // ---- filtering -------------------------------------------------------------------------

    fn filter(&mut self, raw: &str) -> Result<(), JsValue> {
        if let Some(s) = &self.search {
            if s.input.value() != raw {
                s.input.set_value(raw);
            }
        }
        self.query = filter::parse_query(raw);
        self.refilter()
    }

    fn refilter(&mut self) -> Result<(), JsValue> {
        let before = std::mem::take(&mut self.outcome);
        self.outcome = self.index.run(&self.reply.figures, &self.query, &self.kinds);
        self.hit = None;
        let active = self.query != Query::All;
        if let Some(o) = &self.outline {
            for (k, item) in o.dom.items.iter().enumerate() {
                let visible = self.outcome.node_visible.get(k).copied().unwrap_or(true);
                if before.node_visible.get(k).copied() != Some(visible) {
                    hidden(item, !self.item_visible(k));
                }
            }
            if active {
                // Matches inside collapsed parents must show: open every visible parent.
                for k in 0..self.expanded.len() {
                    if self.index.nodes[k].has_children && self.outcome.node_visible[k] && !self.expanded[k] {
                        self.set_expanded(k, true)?;
                    }
                }
            }
            if !self.outcome.node_visible.get(self.focus).copied().unwrap_or(true) {
                let first = self.outcome.node_visible.iter().position(|v| *v).unwrap_or(0);
                self.move_focus(first, false)?;
            }
        }
        if let Some(a) = &self.article {
            for (k, s) in a.dom.sections.iter().enumerate().skip(1) {
                let visible = self.outcome.node_visible.get(k).copied().unwrap_or(true);
                if before.node_visible.get(k).copied() != Some(visible) {
                    hidden(s, !visible);
                }
            }
        }
        self.draw_figure_visibility(&before)?;
        self.draw_chart()?;
        self.draw_marks()?;
        let text = filter::announce(&self.outcome, &self.query);
        self.announce(&text);
        Ok(())
    }

    fn announce(&self, text: &str) {
        if let Some(s) = &self.search {
            s.status.set_text_content(Some(text));
        }
    }

    /// Redraws the blocks whose marks changed: search hits, the selected figure, the preview.
    fn draw_marks(&mut self) -> Result<(), JsValue> {
        let Some(a) = &self.article else {
            return Ok(());
        };
        let fig_block = |i: Option<usize>| {
            i.and_then(|i| self.reply.figures.get(i)).and_then(|f| self.index.block_of(&f.paragraph).map(|b| (b, f)))
        };
        let selected = fig_block(self.selected);
        let preview = fig_block(self.preview.filter(|p| Some(*p) != self.selected));
        let mut want: Vec<(usize, BlockMarks)> =
            self.outcome.marks.iter().map(|(b, r)| (*b, (r.as_slice(), None, None))).collect();
        for (fig, slot) in [(selected, 1), (preview, 2)] {
            let Some((b, f)) = fig else { continue };
            let mark = Some((f.start, f.end, f.id.as_str()));
            let k = match want.iter().position(|(x, _)| *x == b) {
                Some(k) => k,
                None => {
                    want.push((b, (&[], None, None)));
                    want.len() - 1
                }
            };
            if slot == 1 {
                want[k].1 .1 = mark;
            } else {
                want[k].1 .2 = mark;
            }
        }
        if self.marked.len() != a.dom.blocks.len() {
            self.marked = vec![0; a.dom.blocks.len()];
        }
        // Redraw only the blocks whose marks changed: a hover must not redraw every hit.
        let mut now = vec![false; a.dom.blocks.len()];
        for (b, (hits, sel, pre)) in &want {
            let sig = signature(hits, *sel, *pre);
            if let Some(n) = now.get_mut(*b) {
                *n = true;
            }
            if self.marked.get(*b) == Some(&sig) {
                continue;
            }
            if let (Some(el), Some(text)) = (a.dom.blocks.get(*b), self.index.texts.get(*b)) {
                marks::draw(&self.doc, el, text, hits, *sel, *pre)?;
                self.marked[*b] = sig;
            }
        }
        for &b in &self.marked_list {
            if !now.get(b).copied().unwrap_or(true) {
                if let (Some(el), Some(text)) = (a.dom.blocks.get(b), self.index.texts.get(b)) {
                    el.set_text_content(Some(text));
                }
                self.marked[b] = 0;
            }
        }
        self.marked_list = want.iter().map(|(b, _)| *b).collect();
        Ok(())
    }

    /// Moves to the next (or previous) search hit in the article.
    fn step_hit(&mut self, forward: bool) -> Result<(), JsValue> {
        let total = self.outcome.mark_count();
        if total == 0 {
            return Ok(());
        }
        let k = match (self.hit, forward) {
            (None, true) => 0,
            (None, false) => total - 1,
            (Some(h), true) => (h + 1) % total,
            (Some(h), false) => (h + total - 1) % total,
        };
        self.hit = Some(k);
        if let Some(a) = &self.article {
            let all = a.dom.wrap.query_selector_all("mark.rw-hit")?;
            for i in 0..all.length() {
                if let Some(m) = all.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    m.class_list().toggle_with_force("rw-current", i as usize == k)?;
                    if i as usize == k {
                        scroll_to(&m, web_sys::ScrollLogicalPosition::Center);
                    }
                }
            }
        }
        let base = filter::announce(&self.outcome, &self.query);
        self.announce(&format!("{base}；第 {} / {total} 处", k + 1));
        Ok(())
    }

    /// Applies `#s2-1` or `#f13` from the page URL.
    fn apply_hash(&mut self) -> Result<(), JsValue> {
        if !self.hash {
            return Ok(());
        }
        let Some(raw) = web_sys::window().and_then(|w| w.location().hash().ok()) else {
            return Ok(());
        };
        let key = js_sys::decode_uri_component(raw.trim_start_matches('#')).map(String::from).unwrap_or_default();
        if key.is_empty() {
            return Ok(());
        }
        if let Some(i) = self.reply.figures.iter().position(|f| f.id == key) {
            self.select(i)?;
        } else if let Some(k) = self.index.nodes.iter().position(|n| n.key == key) {
            self.go_to(k, false)?;
        }
        Ok(())
    }
}

/// Handles an event with the state borrowed; an event raised while the state is busy (focus()
/// fires focusin synchronously) is ignored rather than allowed to panic.
fn with_state(state: &Rc<RefCell<State>>, e: &Event, f: impl FnOnce(&mut State, &Element) -> Result<bool, JsValue>) {
    let Some(target) = event_element(e) else {
        return;
    };
    let Ok(mut st) = state.try_borrow_mut() else {
        return;
    };
    match f(&mut st, &target) {
        Ok(true) => e.prevent_default(),
        Ok(false) => {}
        Err(err) => web_sys::console::warn_2(&JsValue::from_str("reply-widget:"), &err),
    }
}

fn on(
    listeners: &mut Vec<Listener>,
    target: &web_sys::EventTarget,
    kind: &'static str,
    state: &Rc<RefCell<State>>,
    f: fn(&mut State, &Event, &Element) -> Result<bool, JsValue>,
) -> Result<(), JsValue> {
    let state = state.clone();
    listeners.push(Listener::new(target, kind, move |e: Event| {
        with_state(&state, &e, |st, t| f(st, &e, t));
    })?);
    Ok(())
}

fn search_events(st: &mut State, e: &Event, t: &Element) -> Result<bool, JsValue> {
    let Some(input) =
        t.dyn_ref::<HtmlInputElement>().filter(|_| t.get_attribute("data-action").as_deref() == Some("query"))
    else {
        return Ok(false);
    };
    if e.type_() == "input" {
        st.filter(&input.value())?;
        return Ok(false);
    }
    let Some(k) = e.dyn_ref::<KeyboardEvent>() else {
        return Ok(false);
    };
    match k.key().as_str() {
        "Escape" => {
            st.filter("")?;
            Ok(true)
        }
        "Enter" => {
            st.step_hit(!k.shift_key())?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// The `data-action` button a click landed in, if any.
fn action_of(t: &Element) -> Result<Option<(Element, String)>, JsValue> {
    Ok(t.closest("[data-action]")?.and_then(|a| a.get_attribute("data-action").map(|name| (a, name))))
}

/// Actions any part may hold: the reading toolbar and the match stepper of the searchbox.
/// Returns false for an action the part handles itself.
fn shared_action(st: &mut State, action: &str) -> Result<bool, JsValue> {
    match action {
        "prev" => st.step_hit(false).map(|_| true),
        "next" => st.step_hit(true).map(|_| true),
        _ => st.reading_action(action),
    }
}

/// Clicks in the article: only the reading toolbar lives there (when no other part is mounted).
fn article_click(st: &mut State, _e: &Event, t: &Element) -> Result<bool, JsValue> {
    match action_of(t)? {
        Some((_, action)) => shared_action(st, &action),
        None => Ok(false),
    }
}

fn check_host(name: &str, host: &Element) -> Result<(), JsValue> {
    if host.has_attribute(MOUNTED_ATTR) {
        return Err(
            js_sys::Error::new(&format!("{name} is already mounted; call destroy() on its widget first")).into()
        );
    }
    Ok(())
}

fn part<D>(
    host: &Element,
    kind: &str,
    make: impl FnOnce(&ShadowRoot) -> Result<D, JsValue>,
) -> Result<Part<D>, JsValue> {
    let root = build::shadow(host)?;
    let dom = make(&root)?;
    host.set_attribute(MOUNTED_ATTR, kind)?;
    Ok(Part { host: host.clone(), root, dom })
}

impl Mount {
    pub fn new(doc: Document, opts: Options) -> Result<Mount, JsValue> {
        for (name, host) in
            [("options.outline", &opts.outline), ("options.figures", &opts.figures), ("options.article", &opts.article)]
        {
            if let Some(h) = host {
                check_host(name, h)?;
            }
        }
        // Before any host is touched, so a refusing page keeps its static text.
        if !html::html_allowed() {
            return Err(JsError::new(
                "reply-widget: this page enforces Trusted Types; allow the widget's policy by adding \
                 \"trusted-types reply-widget\" to its Content-Security-Policy",
            )
            .into());
        }
        let mut st = State::new(doc.clone(), opts.reply, opts.hash);
        let search_in_outline = opts.outline.is_some();
        if let Some(host) = &opts.outline {
            let index = &st.index;
            let mut search = None;
            let p = part(host, "outline", |root| {
                let (dom, s) = build::outline(&doc, root, index, true)?;
                search = s;
                Ok(dom)
            })?;
            st.search = search;
            st.outline = Some(p);
        }
        if let Some(host) = &opts.figures {
            let reply = &st.reply;
            let index = &st.index;
            let mut search = None;
            let p = part(host, "figures", |root| {
                let (mut dom, s) = build::figures(&doc, root, reply, !search_in_outline)?;
                search = s;
                build::figures_groups(&mut dom, reply, index, Grouping::Kind, Order::Document)?;
                Ok(dom)
            })?;
            if search.is_some() {
                st.search = search;
            }
            st.figures = Some(p);
            if let Some(p) = &mut st.figures {
                build::show_wanted(&mut p.dom, &st.reply, &st.index, &st.outcome.figure_visible)?;
            }
            st.fix_figure_tabstop();
        }
        if let Some(host) = &opts.article {
            let reply = &st.reply;
            let index = &st.index;
            st.article = Some(part(host, "article", |root| build::article(&doc, root, reply, index))?);
        }
        if st.article.is_none() {
            if let Some(o) = &st.outline {
                hidden(&o.dom.skip, true);
            }
        }
        // The reading toolbar goes first in the first part that is mounted.
        let bar_parent = st
            .outline
            .as_ref()
            .map(|p| p.dom.wrap.clone())
            .or_else(|| st.figures.as_ref().map(|p| p.dom.wrap.clone()))
            .or_else(|| st.article.as_ref().map(|p| p.dom.wrap.clone()));
        if let Some(parent) = bar_parent {
            let bar = reading::toolbar(&doc)?;
            let first = if st.outline.is_some() { parent.first_element_child() } else { parent.children().item(1) };
            parent.insert_before(&bar, first.as_ref().map(|e| e.as_ref()))?;
            st.toolbar = Some(bar);
        }
        st.prefs = reading::load(opts.elder);
        st.apply_prefs()?;
        let tools_in_article = st.outline.is_none() && st.figures.is_none();
        st.draw_chart()?;
        let state = Rc::new(RefCell::new(st));
        let copied = if state.borrow().figures.is_some() {
            let st = state.clone();
            let done = Closure::<dyn FnMut(JsValue)>::new(move |ok: JsValue| {
                if let Ok(s) = st.try_borrow() {
                    s.announce(if ok.as_bool() == Some(true) {
                        "已复制引用"
                    } else {
                        "无法访问剪贴板，请手动复制"
                    });
                }
            });
            state.borrow_mut().copy_done = Some(done.as_ref().unchecked_ref::<js_sys::Function>().clone());
            Some(done)
        } else {
            None
        };
        let mut listeners = Vec::new();
        let mut observer = None;
        {
            let st = state.borrow();
            if let Some(o) = &st.outline {
                on(&mut listeners, &o.root, "click", &state, outline_click)?;
                on(&mut listeners, &o.root, "keydown", &state, outline_key)?;
                on(&mut listeners, &o.root, "input", &state, search_events)?;
            }
            if let Some(f) = &st.figures {
                on(&mut listeners, &f.root, "click", &state, figures_click)?;
                on(&mut listeners, &f.root, "keydown", &state, figures_key)?;
                on(&mut listeners, &f.root, "change", &state, figures_change)?;
                on(&mut listeners, &f.root, "focusin", &state, figures_preview)?;
                on(&mut listeners, &f.root, "focusout", &state, figures_preview)?;
                on(&mut listeners, &f.root, "mouseover", &state, figures_preview)?;
                on(&mut listeners, &f.root, "mouseout", &state, figures_preview)?;
                if st.outline.is_none() {
                    on(&mut listeners, &f.root, "input", &state, search_events)?;
                }
            }
            if let Some(a) = &st.article {
                observer = Some(observe(&state, &a.dom.headings)?);
                if tools_in_article {
                    on(&mut listeners, &a.root, "click", &state, article_click)?;
                }
            }
            if st.hash {
                if let Some(w) = web_sys::window() {
                    on(&mut listeners, &w, "hashchange", &state, |st, _, _| st.apply_hash().map(|_| false))?;
                }
            }
        }
        state.borrow_mut().apply_hash()?;
        Ok(Mount { state, listeners, observer, copied })
    }

    pub fn filter(&self, query: &str) -> Result<(), JsValue> {
        self.state.try_borrow_mut().map_err(|_| JsValue::from_str("busy"))?.filter(query)
    }

    /// Selects a figure (`f13`) or an outline node (`s2-1`). False when no such id exists.
    pub fn select(&self, id: &str) -> Result<bool, JsValue> {
        let mut st = self.state.try_borrow_mut().map_err(|_| JsValue::from_str("busy"))?;
        if let Some(i) = st.reply.figures.iter().position(|f| f.id == id) {
            st.select(i)?;
            return Ok(true);
        }
        if let Some(k) = st.index.nodes.iter().position(|n| n.key == id) {
            st.go_to(k, false)?;
            return Ok(true);
        }
        Ok(false)
    }

    /// The figure ids visible under the current filter, in document order.
    pub fn visible_figures(&self) -> Vec<String> {
        let st = self.state.borrow();
        st.visible_figure_indexes().into_iter().map(|i| st.reply.figures[i].id.clone()).collect()
    }

    /// Removes listeners and the observer, and gives each host back its own content.
    pub fn destroy(self) {
        let Mount { state, listeners, observer, copied } = self;
        drop(listeners);
        drop(observer);
        if let Ok(mut st) = state.try_borrow_mut() {
            st.copy_done = None;
        }
        drop(copied);
        if let Ok(st) = state.try_borrow() {
            let parts: [Option<(&Element, &ShadowRoot)>; 3] = [
                st.outline.as_ref().map(|p| (&p.host, &p.root)),
                st.figures.as_ref().map(|p| (&p.host, &p.root)),
                st.article.as_ref().map(|p| (&p.host, &p.root)),
            ];
            for (host, root) in parts.into_iter().flatten() {
                root.set_text_content(None);
                let _ = js_sys::Reflect::set(root, &JsValue::from_str("adoptedStyleSheets"), &js_sys::Array::new());
                // A slot shows the host's own (static) content again.
                if let Ok(slot) = st.doc.create_element("slot") {
                    let _ = root.append_child(&slot);
                }
                let _ = host.remove_attribute(MOUNTED_ATTR);
            }
        };
    }
}
