//! web-sys rendering: turns state into DOM and events into state. The logic it calls lives in
//! `reply_core`'s pure modules (`filter`, `outline`, `panel`, `page`, `export`); the helpers it
//! shares with the library module (markup, listeners, styles, the 适老化 toolbar) in `reply_web`.
//!
//! One room per part: `outline.rs`, `figures.rs` (the figure panel, 显示更多, the chart),
//! `article.rs` (the article enhanced in place or drawn) with `marks.rs` (where marks are
//! drawn), `filter.rs` (the filter box's query, the facets, 上一处 / 下一处) with `search.rs` (the
//! searchbox's markup), `sheet.rs`, `bar.rs`; `phones.rs` (the compact layout, the bar, the
//! card; [`State::frame`] turns a [`Side`] into its part), `nav.rs` (going to a section or a
//! figure, the address bar's hash), `extras_link.rs` (waiting for the extras module), `aids.rs`
//! (the reading aids), `events.rs` (the listeners), `teardown.rs` (what `destroy()` gives back).
//! Each room mounts its own part (`State::mount_outline`, `mount_figures`, `mount_article`,
//! `mount_bar`, `mount_toolbar`) and its observers; this file keeps the state the parts share,
//! the mount that wires them, and the one dispatcher of [`Action`]s.
//!
//! **Re-entrancy, one rule.** Every entry point — each JS method and each listener or observer
//! callback — borrows the state once, through [`Mount::enter`] or [`with_state`]. While it is
//! borrowed, nothing that can run the page's own code synchronously is called: moving focus
//! (focus listeners), clicking the download link (click listeners), opening a modal sheet and
//! copying (focus moves) are queued as [`Effect`]s and run after the borrow ends. So a page
//! listener that reacts to the widget's focus or click may call any method of the widget. If
//! something still re-enters while the state is borrowed, a method throws
//! `Error("… busy …")` and a callback skips its event: nothing panics, and no wasm instance
//! traps.
//!
//! **Mounts are transactional.** Everything that can refuse (Trusted Types, constructable
//! stylesheets, reading the article) is checked before any host is touched; what fails after
//! that is rolled back by the same `destroy` that ends a mount.

mod action;
mod aids;
mod article;
mod bar;
mod clipboard;
mod events;
mod extras_link;
mod figures;
mod filter;
mod later;
mod marks;
mod nav;
mod outline;
mod phones;
mod read;
mod search;
mod sheet;
mod teardown;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, ScrollLogicalPosition, ShadowRoot};

use reply_core::filter::{Index, Outcome, Query};
use reply_core::model::{FigureKind, Reply};
use reply_core::page;
use reply_core::panel::{Grouping, Order};
use reply_core::util::{cat, uint};
use reply_web::html;
use reply_web::listener::{Listener, Observer, Resizer};
use reply_web::reading;
use reply_web::styles;

use action::{Action, Effect, Handled};
use article::ArticlePart;
use bar::Bar;
use events::{
    extras_wait, later, on, on_article_click, on_bar_key, on_change, on_click, on_key, on_preview, on_search,
    run_effects,
};
use extras_link::ExtrasLink;
use figures::FiguresPart;
use filter::Filter;
use later::Later;
use marks::Highlight;
use outline::OutlinePart;
use phones::Side;
use search::SearchView;
use sheet::Layout;
use teardown::teardown_when_free;

pub use read::{find_article, read_article};
pub use sheet::Layout as PartLayout;

/// Marks a host element as in use, so a second mount on it fails clearly instead of fighting.
const MOUNTED_ATTR: &str = "data-reply-widget-mounted";

/// Where the reply comes from.
pub enum Source {
    /// Given by the page (`reply` option): the widget draws it in the article's place. With
    /// whether it has its stances (from the extras module).
    Given(Rc<Reply>, bool),
    /// The article's own content, read and enhanced in place.
    Article,
}

/// What to mount, already validated by the caller.
pub struct Options {
    pub outline: Option<Element>,
    pub figures: Option<Element>,
    pub article: Option<Element>,
    pub source: Source,
    /// Read and write `location.hash` (`#s2-1`, `#f13`).
    pub hash: bool,
    /// Start in large-text mode (else the reader's stored choice).
    pub elder: Option<bool>,
    /// The layout of the outline and the figure panel; none: their hosts' width decides.
    pub layout: Option<Layout>,
    /// The page marked nothing (the embed's one-line mode): the widget makes its own outline and
    /// figure hosts just before the article, in the compact layout.
    pub own_hosts: bool,
    /// Called when a figure that measures an indicator shows its card (`onCard`).
    pub on_card: Option<js_sys::Function>,
}

pub struct State {
    doc: Document,
    reply: Rc<Reply>,
    index: Index,
    outline: Option<OutlinePart>,
    figures: Option<FiguresPart>,
    article: Option<ArticlePart>,
    search: Option<SearchView>,
    /// The filter box's query, the facets, the match stepped to (`filter.rs`).
    find: Filter,
    /// What the filter shows: read by every part.
    outcome: Outcome,
    selected: Option<usize>,
    preview: Option<usize>,
    hash: bool,
    prefs: reading::Prefs,
    toolbar: Option<Element>,
    /// Shadow roots this mount attached or reused, with their hosts: given back on destroy.
    hosts: Vec<(Element, ShadowRoot)>,
    /// The document's article stylesheet is in use by this mount.
    document_sheet: bool,
    /// The sticky bar before the article (and the card of a tapped figure).
    bar: Option<Bar>,
    /// Elements the widget put in the page (its own hosts): removed on destroy.
    made: Vec<Element>,
    /// Every figure of the article is shown (dotted, tappable: its card opens). On touch
    /// screens, where there is no pointer to preview a figure from the panel.
    figure_layer: bool,
    /// What to do once the state is released (see the module docs).
    effects: Vec<Effect>,
    /// The page's `onCard`.
    on_card: Option<js_sys::Function>,
    /// What the mount knows of the extras module (see [`ExtrasLink`]).
    extras: ExtrasLink,
    /// This state, for the waits it starts itself.
    me: std::rc::Weak<RefCell<State>>,
}

/// A mounted widget: owns its state, listeners and observer.
pub struct Mount {
    state: Rc<RefCell<State>>,
    listeners: Vec<Listener>,
    observers: Vec<Observer>,
    resizer: Option<Resizer>,
    later: Option<Later>,
    /// The wait for the extras module, while the figures lack their stances.
    extras: Option<crate::extras::Waiting>,
}

fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Scrolls an element into view (smoothly unless the reader prefers reduced motion). Scroll
/// events reach the page later, never synchronously: no effect needed.
fn scroll_to(e: &Element, block: ScrollLogicalPosition) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(block);
    opts.set_behavior(if reduced_motion() {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    e.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// The focused element, looking into shadow roots.
fn deep_active(e: &Element) -> Element {
    let mut at = e.clone();
    while let Some(inner) = at.shadow_root().and_then(|r| r.active_element()) {
        at = inner;
    }
    at
}

fn busy(name: &str) -> JsValue {
    JsError::new(&cat(&[
        name,
        ": reply-widget is busy (called from inside one of its own events); call it again once the event is over",
    ]))
    .into()
}

impl State {
    fn new(doc: Document, reply: Rc<Reply>, index: Index, hash: bool, annotated: bool) -> State {
        let outcome = index.run(&reply.figures, &Query::All, &FigureKind::ALL);
        State {
            doc,
            reply,
            index,
            outline: None,
            figures: None,
            article: None,
            search: None,
            find: Filter::new(),
            outcome,
            selected: None,
            preview: None,
            hash,
            prefs: reading::Prefs::default(),
            toolbar: None,
            hosts: Vec::new(),
            document_sheet: false,
            bar: None,
            made: Vec::new(),
            figure_layer: web_sys::window()
                .and_then(|w| w.match_media("(pointer: coarse)").ok().flatten())
                .is_some_and(|m| m.matches()),
            effects: Vec::new(),
            on_card: None,
            extras: ExtrasLink::new(annotated),
            me: std::rc::Weak::new(),
        }
    }

    fn focus(&mut self, e: Option<Element>) {
        if let Some(e) = e {
            self.effects.push(Effect::Focus(e));
        }
    }

    /// What waits for the first paint: the money chart (if the extras module, which writes
    /// it, is loaded; else when it arrives), and on touch screens every figure of the article
    /// shown, tappable.
    fn after_first_paint(&mut self) -> Result<(), JsValue> {
        if self.article.is_none() && self.outline.is_none() && self.figures.is_none() {
            return Ok(()); // destroyed meanwhile
        }
        let held = self.held();
        if let Some(f) = &mut self.figures {
            f.chart(&self.reply, held, &self.outcome.figure_visible, self.selected)?;
        }
        if self.figure_layer {
            self.paint()?;
        }
        Ok(())
    }

    /// Draws the article's marks: the filter's hits, the selected and the previewed figure.
    fn paint(&mut self) -> Result<(), JsValue> {
        let Some(a) = &mut self.article else { return Ok(()) };
        let mut figures: Vec<(usize, Highlight)> = Vec::with_capacity(2);
        if self.figure_layer {
            figures.extend((0..self.reply.figures.len()).map(|i| (i, Highlight::Figure)));
        }
        figures.extend(self.selected.map(|i| (i, Highlight::Selected)));
        figures.extend(self.preview.filter(|p| Some(*p) != self.selected).map(|i| (i, Highlight::Preview)));
        a.paint(&self.doc, &self.index, &self.reply, &self.outcome, &figures)
    }

    fn set_preview(&mut self, i: Option<usize>) -> Result<(), JsValue> {
        if self.preview != i {
            self.preview = i;
            self.paint()?;
        }
        Ok(())
    }

    // ---- the one dispatcher ------------------------------------------------------------------

    /// Does what a control says. `control` is the element carrying the `data-action`.
    fn act(&mut self, action: Action, control: &Element) -> Result<Handled, JsValue> {
        match action {
            Action::Query => return Ok(Handled::No),
            Action::PrevHit => self.step_hit(false)?,
            Action::NextHit => self.step_hit(true)?,
            Action::Elder | Action::Contrast | Action::Speak => self.toggle_aid(action)?,
            Action::StopSpeaking => reading::stop(),
            Action::Skip => {
                let target = self.outline.as_ref().and_then(|o| o.current()).filter(|c| *c > 0).unwrap_or(0);
                if let Some(t) = self.article.as_ref().and_then(|a| a.target(target)).cloned() {
                    scroll_to(&t, ScrollLogicalPosition::Start);
                    self.focus(Some(t));
                }
            }
            Action::GroupByKind
            | Action::GroupBySection
            | Action::GroupByStance
            | Action::SortByDocument
            | Action::SortByValue => {
                let Some(p) = &mut self.figures else { return Ok(Handled::Yes) };
                let group: &[Action] = match action {
                    Action::GroupByKind | Action::GroupBySection | Action::GroupByStance => {
                        p.grouping = match action {
                            Action::GroupByKind => Grouping::Kind,
                            Action::GroupBySection => Grouping::Section,
                            _ => Grouping::Stance,
                        };
                        &[Action::GroupByKind, Action::GroupBySection, Action::GroupByStance]
                    }
                    _ => {
                        p.order = if action == Action::SortByDocument { Order::Document } else { Order::Value };
                        &[Action::SortByDocument, Action::SortByValue]
                    }
                };
                p.press(action, group)?;
                p.regroup(&self.reply, &self.index, self.selected, &self.outcome)?;
            }
            Action::Range => {
                let query = match &self.figures {
                    Some(p) => p.range_query()?,
                    None => None,
                };
                match query {
                    Some(q) => self.filter(&q)?,
                    None => self.announce("请先输入数值，例如 100"),
                }
            }
            Action::ExportCsv | Action::ExportJson => {
                let csv = action == Action::ExportCsv;
                let Some(held) = self.held() else {
                    self.wait_for_extras(action, control)?;
                    return Ok(Handled::Yes);
                };
                if let Some((effect, n)) = figures::export(held, &self.outcome.figure_visible, csv) {
                    self.effects.push(effect);
                    self.announce(&cat(&["已导出 ", &uint(n), " 项数据（", if csv { "CSV" } else { "JSON" }, "）"]));
                }
            }
            Action::Cite => {
                // The 复制引用 button cites the selected figure; C on a figure, that figure.
                let on = control.get_attribute("data-fig").and_then(|i| i.parse::<usize>().ok());
                self.cite(on.or(self.selected), action, control)?;
            }
            Action::ChartTable => {
                if let Some(p) = &self.figures {
                    p.toggle_chart_table(control)?;
                }
            }
            Action::ToggleGroup => {
                if let Some(p) = &mut self.figures {
                    p.toggle_group(&self.reply, &self.index, control, &self.outcome.figure_visible)?;
                }
            }
            Action::More => {
                let first = match &mut self.figures {
                    Some(p) => p.more(&self.reply, &self.index, control, &self.outcome.figure_visible)?,
                    None => None,
                };
                self.focus(first);
            }
            Action::OpenSheet => {
                let side = self.side_of(control).unwrap_or(Side::Outline);
                self.open_sheet(side, false)?;
            }
            Action::CloseSheet => {
                if let Some(sheet) = self.side_of(control).and_then(|s| self.sheet_of(s)) {
                    sheet.close();
                }
            }
            Action::BarOutline => self.open_sheet(Side::Outline, false)?,
            Action::BarFigures => self.open_sheet(Side::Figures, false)?,
            Action::BarSearch => {
                let side = if self.outline.is_some() { Side::Outline } else { Side::Figures };
                self.open_sheet(side, true)?;
            }
            Action::CardCite => {
                let i = self.bar.as_ref().and_then(|b| b.card_figure);
                self.cite(i, action, control)?;
            }
            Action::CardClose => self.close_card()?,
        }
        Ok(Handled::Yes)
    }

    /// Copies the citation of figure `i` (announced when done), written by the extras module:
    /// a tap (`action` on `control`) before it is loaded waits for it.
    fn cite(&mut self, i: Option<usize>, action: Action, control: &Element) -> Result<(), JsValue> {
        let Some(i) = i.filter(|&i| i < self.reply.figures.len()) else {
            self.announce("请先在数据一览中选择一项数据，再复制引用");
            return Ok(());
        };
        let Some(held) = self.held() else { return self.wait_for_extras(action, control) };
        if let Some(text) = crate::extras::citation(held, i) {
            self.effects.push(Effect::Copy(text));
        }
        Ok(())
    }
}

fn check_host(name: &str, host: &Element) -> Result<(), JsValue> {
    if host.has_attribute(MOUNTED_ATTR) {
        return Err(js_sys::Error::new(&cat(&[name, " is already mounted; call destroy() on its widget first"])).into());
    }
    Ok(())
}

impl Mount {
    pub fn new(doc: Document, mut opts: Options) -> Result<Mount, JsValue> {
        for (name, host) in
            [("options.outline", &opts.outline), ("options.figures", &opts.figures), ("options.article", &opts.article)]
        {
            if let Some(h) = host {
                check_host(name, h)?;
            }
        }
        // Before any host is touched, so a refusing page keeps its static text.
        if let Some(why) = html::refusal() {
            return Err(JsError::new(why).into());
        }
        if !styles::supported() {
            return Err(JsError::new(
                "reply-widget: this browser has no constructable stylesheets (Chrome 73, Firefox 101, Safari 16.4 have them); \
                 the page's own text is shown instead",
            )
            .into());
        }
        // The reply: given, or read from the article (still touching nothing).
        let source = std::mem::replace(&mut opts.source, Source::Article);
        let (reply, index, read, annotated) = match source {
            Source::Given(mut reply, mut annotated) => {
                // Given before the extras module was loaded (parseReply early): annotated now
                // if it is.
                if !annotated && crate::extras::ready() {
                    let mut r = (*reply).clone();
                    annotated = crate::extras::annotate(&mut r);
                    reply = Rc::new(r);
                }
                let index = Index::drawn(&reply);
                (reply, index, None, annotated)
            }
            Source::Article => {
                let Some(article) = &opts.article else {
                    return Err(JsError::new(
                        "options.reply: no reply given and no article to read it from; pass an article element, or a reply (parseReply(text), bundledReply())",
                    )
                    .into());
                };
                let read = read_article(&doc, article);
                // The reply read from the article keeps its sections nested at most as deep as
                // the parser makes them (four heading styles): nothing to check there.
                if read.text.lines.iter().all(|l| l.trim().is_empty()) {
                    return Err(JsError::new("options.article: the article holds no text to read a reply from").into());
                }
                // With each figure's stance, deadline and indicator: the panel's 承诺 grouping,
                // badges and 立场 facet read them. From the extras module: now if it is loaded,
                // else once it is (the first screen does not wait for it).
                let mut reply = read.parsed.reply.clone();
                let annotated = crate::extras::annotate(&mut reply);
                let reply = Rc::new(reply);
                let outline = reply_core::outline::Outline::new(&reply);
                let headings = page::page_headings(&outline, &read.parsed.origins, &read.text.lines);
                let index = Index::new(&reply, outline, headings);
                (reply, index, Some(read), annotated)
            }
        };
        let state = Rc::new(RefCell::new(State::new(doc.clone(), reply, index, opts.hash, annotated)));
        state.borrow_mut().me = Rc::downgrade(&state);
        let mut mount =
            Mount { state, listeners: Vec::new(), observers: Vec::new(), resizer: None, later: None, extras: None };
        // From here on a failure rolls back what was done.
        match mount.build(&doc, opts, read) {
            Ok(()) => Ok(mount),
            Err(e) => {
                mount.destroy();
                Err(e)
            }
        }
    }

    /// Mounts each part in its host (each room builds its own DOM), then wires the listeners
    /// and observers to them.
    fn build(&mut self, doc: &Document, opts: Options, read: Option<read::ReadArticle>) -> Result<(), JsValue> {
        let state = self.state.clone();
        let Options { mut outline, mut figures, article, elder, mut layout, own_hosts, on_card, .. } = opts;
        {
            let mut guard = state.borrow_mut();
            let st = &mut *guard;
            st.on_card = on_card;
            if own_hosts {
                if let Some(a) = &article {
                    let (o, f) = st.own_hosts(doc, a)?;
                    outline = Some(o);
                    figures = Some(f);
                    layout = Some(Layout::Compact);
                }
            }
            if let Some(host) = &outline {
                st.mount_outline(doc, host, layout)?;
            }
            if let Some(host) = &figures {
                st.mount_figures(doc, host, layout, outline.is_none())?;
            }
            if let Some(host) = &article {
                st.mount_article(doc, host, read)?;
                st.mount_bar(doc, host)?;
            }
            if st.article.is_none() {
                if let Some(o) = &st.outline {
                    o.skip.toggle_attribute_with_force("hidden", true)?;
                }
            }
            st.mount_toolbar(doc, elder)?;
            st.update_bar()?;
        }
        // What the first screen does not need waits until it is painted: on a slow phone the
        // outline answers a tap sooner (README, "Fast on a slow phone").
        self.later = Some(later(&state));
        // The extras module: the stances, the chart (what a tap asks of it waits for it).
        if !state.borrow().extras.annotated || !crate::extras::ready() {
            self.extras = Some(extras_wait(&Rc::downgrade(&state), false));
        }
        let st = state.borrow();
        let l = &mut self.listeners;
        for side in Side::BOTH {
            let Some((root, dialog)) = st.frame(side).map(|f| (f.root.clone(), f.sheet.dialog.clone())) else {
                continue;
            };
            let root: &web_sys::EventTarget = root.as_ref();
            on(l, root, "click", &state, on_click)?;
            on(l, root, "keydown", &state, on_key)?;
            if side == Side::Figures {
                on(l, root, "change", &state, on_change)?;
                for kind in ["focusin", "focusout", "mouseover", "mouseout"] {
                    on(l, root, kind, &state, on_preview)?;
                }
            }
            if side == Side::Outline || st.outline.is_none() {
                on(l, root, "input", &state, on_search)?;
            }
            // The sheet's dialog: closed (Escape, 关闭, the backdrop) → focus goes back.
            on(l, &dialog, "close", &state, |st, _, t| match st.side_of(t) {
                Some(side) => st.sheet_closed(side).map(|_| Handled::No),
                None => Ok(Handled::No),
            })?;
            on(l, &dialog, "click", &state, |st, e, t| {
                // A click on the dialog itself, not its content, is on the backdrop.
                if e.current_target().is_some_and(|c| JsValue::from(&c) == JsValue::from(t)) {
                    if let Some(sheet) = st.side_of(t).and_then(|s| st.sheet_of(s)) {
                        sheet.close();
                    }
                }
                Ok(Handled::No)
            })?;
        }
        if let Some(a) = &st.article {
            let root: web_sys::EventTarget = match &a.drawn {
                Some(d) => d.root.clone().into(),
                None => a.host.clone().into(),
            };
            on(l, &root, "click", &state, on_article_click)?;
        }
        if let Some(b) = &st.bar {
            on(l, &b.root, "click", &state, on_click)?;
            on(l, &b.root, "keydown", &state, on_bar_key)?;
        }
        // Scrolling: the section in view (the outline's current node), the reader inside the
        // article (the bar), the compact summaries on screen (no bar needed).
        self.observers.extend(st.watch_sections(&state)?);
        self.observers.extend(st.watch_bar(&state)?);
        // The compact layout follows each part's host width, unless the page chose it.
        if layout.is_none() {
            self.resizer = st.follow_width(&state)?;
        }
        if st.hash {
            if let Some(w) = web_sys::window() {
                on(l, &w, "hashchange", &state, |st, _, _| st.apply_hash().map(|_| Handled::No))?;
            }
        }
        drop(st);
        self.enter("mount", |st| st.apply_hash())
    }

    /// Runs `f` with the state borrowed — the one way in for the JS methods — then the effects
    /// it queued. A call made while the state is borrowed throws a clear "busy" error.
    fn enter<R>(&self, name: &str, f: impl FnOnce(&mut State) -> Result<R, JsValue>) -> Result<R, JsValue> {
        let (result, effects) = {
            let mut st = self.state.try_borrow_mut().map_err(|_| busy(name))?;
            let r = f(&mut st);
            (r, std::mem::take(&mut st.effects))
        };
        run_effects(&self.state, effects);
        result
    }

    /// The figure ids visible under the current filter, in document order.
    pub fn visible_figures(&self) -> Result<Vec<String>, JsValue> {
        self.enter("visibleFigures", |st| {
            Ok(figures::visible_list(&st.outcome.figure_visible)
                .into_iter()
                .map(|i| st.reply.figures[i].id.clone())
                .collect())
        })
    }

    /// Removes listeners and the observer, and gives each host back exactly what it had: the
    /// page's article its own DOM, the other hosts their own content. Called from inside one of
    /// the widget's own events (a page listener on the focus a closing sheet moves), the state
    /// is busy: the listeners go at once, the rest as soon as that event is over.
    pub fn destroy(&mut self) {
        self.listeners.clear();
        self.observers.clear();
        self.resizer = None;
        self.later = None;
        self.extras = None;
        teardown_when_free(self.state.clone(), 0);
    }
}
