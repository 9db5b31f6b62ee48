//! The library part: the column page's search over every reply of the archive (the index the
//! command line builds). It fetches the index in pieces as queries need
//! them, shows results newest first or by the largest matching figure, each with its title,
//! date, kind and session, proposer, source and matching figures (deep links `page.html#f13`),
//! and facet counts. The page's own list of replies stays in the host (a `<slot>`): shown while
//! nothing is searched, and whenever the index cannot be used (no WebAssembly, a missing or
//! half-written index, an older version), with a line saying so.
//!
//! Fetching is done by a small JS snippet; its answers come back through one callback that the
//! mount owns and that a destroyed mount turns off first, so a fetch still under way when the
//! widget goes leaves nothing to fail when it settles. At most [`IN_FLIGHT`] files are fetched
//! at once (the others wait in a queue, and a new query drops what the old one still waited
//! for); each is refused by its Content-Length, and stopped while it downloads, once it passes
//! the size the index allows it ([`Library::limit`]).
//!
//! **Re-entrancy, the widget's rule** (`src/widget/dom/mod.rs`): every entry point — each
//! listener, the fetch callback, `search()` — borrows the state once ([`dispatch`]), applies
//! its [`Action`], and releases it; what can run the page's own code synchronously (moving
//! focus fires the page's focus listeners) or starts a fetch is queued as an [`Effect`] and run
//! after the borrow ends, and not at all once the mount is gone. So a page listener may call
//! `destroy()` from a focus event of the widget: the page's own list comes back and a fetch
//! still under way lands nowhere. `destroy()` itself needs no borrow.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, HtmlInputElement, KeyboardEvent, ShadowRoot};

use reply_core::library::{
    Error as IndexError, Genre, Library, Order, Outcome, Plan, Selection, FACETS, LEAD, MANIFEST, MAX_FILE,
    MAX_MANIFEST, PAGE,
};
use reply_web::html::{self, Html};
use reply_web::listener::Listener;
use reply_web::{reading, styles};

use crate::indicators::{choices, indicator_query, view, ROWS};

#[wasm_bindgen(inline_js = r#"
export function new_sink(cb) { return { alive: true, cb }; }
export function kill_sink(sink) { sink.alive = false; sink.cb = null; }
export function fetch_file(sink, url, name, max, later) {
  if (later) {
    requestAnimationFrame(() => setTimeout(() => { if (sink.alive) fetch_file(sink, url, name, max, false); }, 0));
    return;
  }
  const ctrl = typeof AbortController === "function" ? new AbortController() : null;
  const big = (n) => new Error("too-large " + n);
  fetch(url, { credentials: "same-origin", signal: ctrl ? ctrl.signal : undefined })
    .then(async (r) => {
      if (!r.ok) throw new Error(r.status + " " + r.statusText);
      // Content-Length may be the compressed length: allow a compressor's overhead.
      const said = Number(r.headers.get("Content-Length"));
      if (said > max + (max >> 6) + 1024) { if (ctrl) ctrl.abort(); throw big(said); }
      if (!r.body || !r.body.getReader) {
        const b = new Uint8Array(await r.arrayBuffer());
        if (b.length > max) throw big(b.length);
        return b;
      }
      const reader = r.body.getReader();
      const parts = [];
      let n = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        n += value.length;
        if (n > max) { reader.cancel().catch(() => {}); if (ctrl) ctrl.abort(); throw big(n); }
        parts.push(value);
      }
      if (parts.length === 1) return parts[0];
      const out = new Uint8Array(n);
      let at = 0;
      for (const p of parts) { out.set(p, at); at += p.length; }
      return out;
    })
    .then((bytes) => { if (sink.alive) sink.cb(name, bytes, ""); },
          (e) => { if (sink.alive) sink.cb(name, null, String((e && e.message) || e)); });
}
"#)]
extern "C" {
    pub(crate) fn new_sink(cb: &js_sys::Function) -> JsValue;
    fn kill_sink(sink: &JsValue);
    pub(crate) fn fetch_file(sink: &JsValue, url: &str, name: &str, max: f64, later: bool);
}

/// The most files fetched at once (a browser's connections to one host; a manifest listing
/// thousands of chunks fetches them six at a time).
pub(crate) const IN_FLIGHT: usize = 6;
/// The most files one query may need: more is refused with a message (an index of 100,000
/// replies needs a few hundred for a comparison that matches most of it; a manifest listing
/// tens of thousands of chunks is not one of ours).
pub(crate) const QUERY_FILES: usize = 4096;

/// What a control or an arrival asks of the state. Controls carry `data-action` =
/// [`Action::name`]; one dispatcher ([`LibraryState::act`]) handles them all.
#[derive(Clone, Debug)]
pub(crate) enum Action {
    /// The searchbox's text changed (typed, or `search()`).
    Query(String),
    /// Escape in the searchbox: the query cleared.
    Clear,
    /// A facet value chosen or not: facet, value, on.
    Facet(usize, u16, bool),
    /// The order of results.
    Order(Order),
    /// 显示更多.
    More,
    /// A reading aid (大字, 高对比度): its `data-action`.
    Reading(&'static str),
    /// The indicator view's downloads: every value, 承诺追踪.
    CsvValues,
    CsvPromises,
}

impl Action {
    /// The `data-action` of a control's action (the markup's names; the reading aids use
    /// `reading`'s; a facet's checkbox carries `data-facet` instead).
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Action::Query(_) | Action::Clear => "query",
            Action::Order(Order::Newest) => "sort-doc",
            Action::Order(Order::Largest) => "sort-value",
            Action::More => "more",
            Action::CsvValues => "csv-values",
            Action::CsvPromises => "csv-promises",
            Action::Reading(a) => a,
            Action::Facet(..) => "",
        }
    }

    /// The action of a clicked control.
    fn clicked(control: &Element) -> Option<Action> {
        match control.get_attribute("data-action")?.as_str() {
            reading::ELDER => Some(Action::Reading(reading::ELDER)),
            reading::CONTRAST => Some(Action::Reading(reading::CONTRAST)),
            "sort-doc" => Some(Action::Order(Order::Newest)),
            "sort-value" => Some(Action::Order(Order::Largest)),
            "more" => Some(Action::More),
            "csv-values" => Some(Action::CsvValues),
            "csv-promises" => Some(Action::CsvPromises),
            // An indicator of the list: its view, as the query `指标:KEY`.
            "indicator" => control.get_attribute("data-key").map(|k| Action::Query(format!("指标:{k}"))),
            _ => None,
        }
    }
}

/// What the state asks for once it is released: moving focus runs the page's focus listeners;
/// a fetch is started with the sink's callback.
pub(crate) enum Effect {
    Focus(HtmlElement),
    /// A file: its URL, its name in the index, the most bytes it may have, and whether it
    /// waits for the next paint.
    Fetch(String, String, usize, bool),
    /// A CSV download: file name, text.
    Download(String, String),
}

/// Facet names as a reader sees them, in the order of [`FACETS`].
const FACET_LABELS: [&str; 5] = ["年份", "类型", "届次", "来源", "文种"];
/// The order the facets are shown in: year, genre, kind, session, source.
const FACET_ORDER: [usize; 5] = [0, 4, 1, 2, 3];

/// The part's fixed markup: title, searchbox, live region, order, facets, results, the more
/// button, the page's own list.
const MARKUP: &str = concat!(
    r#"<h2 class="rw-part-title" id="rw-library-title">答复检索</h2>"#,
    r#"<div class="rw-search" role="search"><input type="search" role="searchbox" aria-label="检索全部答复" "#,
    r#"placeholder="如 中试平台、&gt;=100亿元、2022年" autocomplete="off" enterkeyhint="search" data-action="query"></div>"#,
    r#"<p class="rw-status" role="status" aria-live="polite" aria-atomic="true"></p>"#,
    r#"<div class="rw-tools" role="group" aria-label="排序方式">"#,
    r#"<button type="button" data-action="sort-doc" aria-pressed="true">最新发布</button>"#,
    r#"<button type="button" data-action="sort-value" aria-pressed="false">数值从大到小</button></div>"#,
    r#"<div class="rw-lib-facets"></div>"#,
    r#"<div class="rw-indicator" hidden></div>"#,
    r#"<ol class="rw-results" aria-labelledby="rw-library-title" hidden></ol>"#,
    r#"<button type="button" class="rw-link rw-more" data-action="more" hidden></button>"#,
    r#"<div class="rw-own"><slot></slot></div>"#,
);

/// What the library shows and waits for.
pub struct LibraryState {
    base: String,
    wrap: Element,
    input: HtmlInputElement,
    status: Element,
    facets_box: Element,
    results: Element,
    more: Element,
    own: Element,
    /// The indicator view (`指标:KEY`).
    view: Element,
    /// The indicator the query asks for, if it is `指标:KEY`.
    indicator: Option<String>,
    lib: Option<Library>,
    /// Files asked for and not yet arrived (in flight or queued).
    asked: Vec<String>,
    /// How many are in flight (at most [`IN_FLIGHT`]).
    in_flight: usize,
    /// Files waiting for a free fetch: name, and whether they wait for a paint; the next is
    /// at `next` (a Vec read from the front: no deque in the wasm).
    queue: Vec<(String, bool)>,
    next: usize,
    /// What to do once the state is released.
    effects: Vec<Effect>,
    plan: Plan,
    selection: Selection,
    order: Order,
    outcome: Option<Outcome>,
    /// How many result pages are shown.
    pages: usize,
    /// How many results the list holds for the current query (0: draw afresh); the rest are
    /// appended as their cards arrive, so a focused result is never redrawn under the reader.
    drawn: usize,
    /// The index cannot be used: why (shown; the page's own list stays).
    broken: Option<String>,
    /// Files that arrived before the manifest.
    early: Vec<(String, Vec<u8>)>,
    sink: JsValue,
}

/// The fetch callback: the file's name, its bytes (a Uint8Array, or null), the error.
type Arrival = Closure<dyn FnMut(String, JsValue, String)>;

/// A mounted library part: owns its state, listeners and the fetch callback.
pub struct LibraryMount {
    doc: Document,
    host: Element,
    root: ShadowRoot,
    state: Rc<RefCell<LibraryState>>,
    /// False once destroyed: queued effects do not run.
    alive: Rc<Cell<bool>>,
    sink: JsValue,
    listeners: Vec<Listener>,
    callback: Option<Arrival>,
}

/// Borrows the state once, applies `f`, releases it, then runs the effects it queued — none
/// once the mount is gone (a page listener may destroy it from a focus effect). A call while
/// the state is borrowed is skipped (`false`), never a panic.
fn dispatch(
    state: &Rc<RefCell<LibraryState>>,
    alive: &Cell<bool>,
    f: &mut dyn FnMut(&mut LibraryState) -> Result<(), JsValue>,
) -> bool {
    let (effects, sink) = {
        let Ok(mut st) = state.try_borrow_mut() else { return false };
        if let Err(e) = f(&mut st) {
            web_sys::console::warn_2(&JsValue::from_str("reply-widget:"), &e);
        }
        (std::mem::take(&mut st.effects), st.sink.clone())
    };
    for effect in effects {
        if !alive.get() {
            break;
        }
        match effect {
            Effect::Focus(e) => {
                let _ = e.focus();
            }
            Effect::Fetch(url, name, max, later) => fetch_file(&sink, &url, &name, max as f64, later),
            Effect::Download(name, text) => {
                if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                    let _ = reply_web::download::download(&doc, &name, "text/csv;charset=utf-8", &text);
                }
            }
        }
    }
    true
}

/// A URL fit for a link: relative, or http(s) — never `javascript:` from a tampered index.
pub(crate) fn safe_url(url: &str) -> Option<&str> {
    let lower = url.trim_start().to_ascii_lowercase();
    let scheme = lower.split_once(':').map(|(s, _)| s).filter(|s| !s.contains(['/', '?', '#']));
    match scheme {
        None | Some("http") | Some("https") => Some(url),
        _ => None,
    }
}

impl LibraryState {
    /// Sets the live status; the same text again is not written (a screen reader would repeat it).
    fn announce(&self, text: &str) {
        if self.status.text_content().as_deref() != Some(text) {
            self.status.set_text_content(Some(text));
        }
    }

    /// Asks for a file, now or once the browser has painted (`later`: what the first results
    /// do not need waits for them to show).
    fn fetch(&mut self, name: &str, later: bool) {
        if self.asked.iter().any(|a| a == name) {
            return;
        }
        self.asked.push(name.to_string());
        self.queue.push((name.to_string(), later));
        self.pump();
    }

    /// Starts queued fetches while fewer than [`IN_FLIGHT`] are under way, each with the most
    /// bytes the index allows it (before the manifest: the manifest's own limit, or any file's).
    fn pump(&mut self) {
        while self.in_flight < IN_FLIGHT && self.next < self.queue.len() {
            let (name, later) = std::mem::take(&mut self.queue[self.next]);
            self.next += 1;
            if self.next == self.queue.len() {
                self.queue.clear();
                self.next = 0;
            }
            let max = match &self.lib {
                Some(lib) => lib.limit(&name).unwrap_or(0),
                None if name == MANIFEST => MAX_MANIFEST,
                None => MAX_FILE,
            };
            self.in_flight += 1;
            self.effects.push(Effect::Fetch(format!("{}{name}", self.base), name, max, later));
        }
    }

    /// A new query: files queued for the old one and not started are dropped (what the new
    /// one needs is asked again).
    fn drop_queue(&mut self) {
        let waiting = std::mem::take(&mut self.queue);
        for (name, _) in &waiting[self.next..] {
            self.asked.retain(|a| a != name);
        }
        self.next = 0;
    }

    /// The index cannot be used: say why, keep the page's own list.
    fn fail(&mut self, why: String) {
        // Nothing more is fetched: what waited is dropped.
        self.drop_queue();
        self.announce(&format!("答复检索暂不可用（{why}），请浏览下方列表。"));
        self.broken = Some(why);
        let _ = self.results.toggle_attribute_with_force("hidden", true);
        let _ = self.more.toggle_attribute_with_force("hidden", true);
        let _ = self.own.toggle_attribute_with_force("hidden", false);
    }

    /// A file arrived (or failed).
    fn arrived(&mut self, name: &str, bytes: Option<Vec<u8>>, error: &str) -> Result<(), JsValue> {
        self.asked.retain(|a| a != name);
        self.in_flight = self.in_flight.saturating_sub(1);
        self.pump();
        if self.broken.is_some() {
            return Ok(());
        }
        let Some(bytes) = bytes else {
            if let Some(size) = error.strip_prefix("too-large ") {
                let max = self.lib.as_ref().and_then(|l| l.limit(name)).unwrap_or(MAX_MANIFEST);
                let mut n = 0u64;
                for b in size.bytes().filter(u8::is_ascii_digit) {
                    n = n.saturating_mul(10).saturating_add(u64::from(b - b'0'));
                }
                self.fail(error_text(&IndexError::TooLarge(name.to_string(), n, max as u64)));
                return Ok(());
            }
            let why = if name == MANIFEST {
                format!("索引 {name} 无法读取：{error}")
            } else {
                format!("索引不完整，缺少 {name}（{error}）")
            };
            self.fail(why);
            return Ok(());
        };
        if name == MANIFEST {
            match Library::from_manifest(&bytes) {
                Ok(lib) => self.lib = Some(lib),
                Err(e) => {
                    self.fail(error_text(&e));
                    return Ok(());
                }
            }
            for (n, b) in std::mem::take(&mut self.early) {
                self.add(&n, &b);
            }
            if let Some(e) = self.draw_facets()? {
                self.effects.push(Effect::Focus(e));
            }
        } else if self.lib.is_none() {
            self.early.push((name.to_string(), bytes));
            return Ok(());
        } else {
            self.add(name, &bytes);
        }
        self.advance()
    }

    fn add(&mut self, name: &str, bytes: &[u8]) {
        let Some(lib) = &mut self.lib else { return };
        if let Err(e) = lib.add(name, bytes) {
            self.fail(error_text(&e));
        }
    }

    /// Takes the current query as far as the files at hand allow: asks for what is missing,
    /// else searches and draws.
    fn advance(&mut self) -> Result<(), JsValue> {
        if self.broken.is_some() {
            return Ok(());
        }
        if self.lib.is_none() {
            self.fetch(MANIFEST, false);
            return Ok(());
        }
        if let Some(key) = self.indicator.clone() {
            return self.advance_indicator(&key);
        }
        self.view.toggle_attribute_with_force("hidden", true)?;
        let lib = self.lib.as_ref().ok_or_else(|| JsValue::from_str("no index"))?;
        let mut need = lib.needs(&self.plan);
        let mut rest = Vec::new();
        if need.is_empty() {
            match lib.search(&self.plan, &self.selection, self.order) {
                Ok(out) => {
                    // Cards only for results shown: none while the page's own list is. The first
                    // LEAD of the newest page are fetched alone and drawn as soon as they are here
                    // (a first query fetches a quarter of the cards before it shows anything);
                    // the rest of the page after that paint.
                    if self.active() {
                        let shown: Vec<u32> = (0..self.pages).flat_map(|k| out.page(k).to_vec()).collect();
                        let lead = ((self.pages - 1) * PAGE + LEAD).min(shown.len());
                        need = lib.cards_needed(&shown[..lead]);
                        if need.is_empty() {
                            rest = lib.cards_needed(&shown[lead..]);
                        }
                    }
                    self.outcome = Some(out);
                }
                Err(IndexError::Missing(m)) => need = m,
                Err(e) => {
                    self.fail(error_text(&e));
                    return Ok(());
                }
            }
        }
        if need.is_empty() {
            self.draw()?;
            for f in rest {
                self.fetch(&f, true);
            }
            return Ok(());
        }
        if need.len() > QUERY_FILES {
            self.fail(format!("此检索需载入 {} 个索引文件，超过上限 {QUERY_FILES}", need.len()));
            return Ok(());
        }
        if need.len() > IN_FLIGHT {
            self.announce(&format!("正在检索……（需载入 {} 个索引文件）", need.len()));
        } else {
            self.announce("正在检索……");
        }
        for f in need {
            self.fetch(&f, false);
        }
        Ok(())
    }

    /// The indicator view: fetches the indicator's file (one), then draws its values, 承诺追踪
    /// (deadlines passed by the archive's newest reply) and the downloads; an indicator the
    /// archive does not have lists those it has.
    fn advance_indicator(&mut self, key: &str) -> Result<(), JsValue> {
        let Some(lib) = &self.lib else { return Ok(()) };
        for e in [&self.results, &self.more, &self.own] {
            e.toggle_attribute_with_force("hidden", true)?;
        }
        let status;
        let markup = match lib.indicator_needs(key) {
            None => {
                status = if key.is_empty() {
                    format!("可查看 {} 个指标，请选择", lib.indicators().len())
                } else {
                    format!("答复中没有指标“{key}”，可查看的指标有 {} 个", lib.indicators().len())
                };
                choices(lib.indicators())
            }
            Some(need) if !need.is_empty() => {
                self.announce("正在载入指标……");
                for f in need {
                    self.fetch(&f, false);
                }
                return Ok(());
            }
            Some(_) => {
                let values = lib.indicator(key).unwrap_or(&[]);
                let now = lib.newest().unwrap_or("");
                let promises = reply_core::library::track(values, now);
                let count = |v: &str| promises.iter().filter(|p| p.verdict.label() == v).count();
                status = format!(
                    "指标 {key}：{} 个数值（成果 {} 个，目标 {} 个）；承诺追踪 {} 项：已达成 {}，未达成 {}，未见报告 {}",
                    values.len(),
                    values.iter().filter(|v| v.stance == Some(reply_core::Stance::Result)).count(),
                    values.iter().filter(|v| v.stance == Some(reply_core::Stance::Target)).count(),
                    promises.len(),
                    count("已达成"),
                    count("未达成"),
                    count("未见报告"),
                );
                view(key, values, &promises, now, ROWS * self.pages)
            }
        };
        self.view.set_text_content(None);
        markup.append_to(&self.view)?;
        self.view.toggle_attribute_with_force("hidden", false)?;
        self.announce(&status);
        // 显示更多 drew the view again: focus stays on it, or goes to the table once all is shown.
        if self.pages > 1 {
            let next = match self.view.query_selector("[data-action=more]")? {
                Some(more) => Some(more),
                None => self.view.query_selector(".rw-ind-values")?,
            };
            if let Some(e) = next.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                self.effects.push(Effect::Focus(e));
            }
        }
        Ok(())
    }

    /// A CSV of the indicator shown: every value, or 承诺追踪 — as a download effect.
    fn csv(&mut self, promises: bool) {
        let (Some(lib), Some(key)) = (&self.lib, &self.indicator) else { return };
        let Some(values) = lib.indicator(key) else { return };
        let (name, text) = if promises {
            let p = reply_core::library::track(values, lib.newest().unwrap_or(""));
            (format!("{key}-承诺追踪.csv"), reply_core::library::promises_csv(key, values, &p))
        } else {
            (format!("{key}.csv"), reply_core::library::values_csv(key, values))
        };
        self.effects.push(Effect::Download(name, text));
    }

    /// A new query (typed, or set by the API).
    fn query(&mut self, raw: &str) -> Result<(), JsValue> {
        if self.input.value() != raw {
            self.input.set_value(raw);
        }
        self.indicator = indicator_query(raw);
        self.plan = Plan::new(if self.indicator.is_some() { "" } else { raw });
        self.pages = 1;
        self.drawn = 0;
        self.drop_queue();
        self.advance()
    }

    fn active(&self) -> bool {
        self.plan.query != reply_core::filter::Query::All || self.selection.values.iter().any(|v| !v.is_empty())
    }

    /// The facets, each value a checkbox with its count (all replies until a query narrows);
    /// values no result has are left out unless chosen, and a facet left with no value is left
    /// out whole (no heading without options). Year, genre and kind open, session and source
    /// folded (a bureau's archive has many of each). The checkbox the reader just toggled is
    /// redrawn with its new count: it is returned, for focus to follow it (an [`Effect`]).
    fn draw_facets(&self) -> Result<Option<HtmlElement>, JsValue> {
        let Some(lib) = &self.lib else { return Ok(None) };
        let counts = self.outcome.as_ref().filter(|_| self.active()).map(|o| &o.counts);
        let mut h = Html::new();
        for f in FACET_ORDER {
            let Some(facet) = lib.facets().get(f) else { continue };
            if facet.values.len() < 2 {
                continue;
            }
            let shown = |v: usize, value: &reply_core::library::FacetValue| {
                let n = counts.and_then(|c| c[f].get(v).copied()).unwrap_or(value.total);
                let chosen = self.selection.values[f].contains(&(v as u16));
                (n, chosen, n > 0 || chosen)
            };
            if !facet.values.iter().enumerate().any(|(v, value)| shown(v, value).2) {
                continue;
            }
            let mut attrs = vec![("class", "rw-facet")];
            if matches!(FACETS[f], "year" | "kind" | "genre") {
                attrs.push(("open", ""));
            }
            h.open("details", "", &attrs).leaf("summary", "", &[], FACET_LABELS[f]);
            h.open("fieldset", "rw-facets", &[("aria-label", FACET_LABELS[f])]);
            for (v, value) in facet.values.iter().enumerate() {
                let (n, chosen, show) = shown(v, value);
                if !show {
                    continue;
                }
                let label = match (FACETS[f], value.label.as_str()) {
                    (_, "") => "未注明",
                    ("kind", "proposal") => "政协提案",
                    ("kind", "suggestion") => "人大建议",
                    ("genre", g) => Genre::from_name(g).label(),
                    (_, l) => l,
                };
                let (fv, vv) = (f.to_string(), v.to_string());
                let mut attrs = vec![("type", "checkbox"), ("data-facet", fv.as_str()), ("data-value", vv.as_str())];
                if chosen {
                    attrs.push(("checked", ""));
                }
                h.open("label", "", &[]).open("input", "", &attrs);
                h.leaf("span", "", &[], label).leaf("span", "rw-badge", &[], &n.to_string()).close("label");
            }
            h.close("fieldset").close("details");
        }
        let focused = self.wrap.get_root_node().dyn_into::<ShadowRoot>().ok().and_then(|r| r.active_element());
        let focused = focused.filter(|e| e.has_attribute("data-facet")).map(|e| {
            let a = |n: &str| e.get_attribute(n).unwrap_or_default();
            format!("[data-facet=\"{}\"][data-value=\"{}\"]", a("data-facet"), a("data-value"))
        });
        self.facets_box.set_text_content(None);
        h.append_to(&self.facets_box)?;
        let again = focused.and_then(|sel| self.facets_box.query_selector(&sel).ok().flatten());
        Ok(again.and_then(|e| e.dyn_into::<HtmlElement>().ok()))
    }

    /// The results whose cards are here, in order: afresh for a new query (status, facets, list),
    /// else appending to the list what arrived since. The list is `aria-busy` until its page is
    /// complete, and 显示更多 waits for it.
    fn draw(&mut self) -> Result<(), JsValue> {
        let (Some(lib), Some(out)) = (&self.lib, &self.outcome) else { return Ok(()) };
        let active = self.active();
        self.own.toggle_attribute_with_force("hidden", active)?;
        self.results.toggle_attribute_with_force("hidden", !active)?;
        let status = match (&out.problem, active) {
            (Some(p), _) => p.message(),
            (None, false) => format!("共 {} 篇答复，可按词语或数值检索，如 中试平台、>=100亿元。", lib.replies()),
            (None, true) if out.total() == 0 => "没有找到匹配的答复".to_string(),
            (None, true) => format!("找到 {} 篇答复", out.total()),
        };
        self.announce(&status);
        if self.drawn == 0 || !active {
            if let Some(e) = self.draw_facets()? {
                self.effects.push(Effect::Focus(e));
            }
            self.results.set_text_content(None);
            self.drawn = 0;
        }
        if !active {
            return self.more.toggle_attribute_with_force("hidden", true).map(|_| ());
        }
        let shown = (self.pages * PAGE).min(out.total());
        let ready = (0..shown).take_while(|&i| lib.card(out.docs[i]).is_some()).count();
        let mut h = Html::new();
        for i in self.drawn..ready {
            let doc = out.docs[i];
            let Some(card) = lib.card(doc) else { continue };
            h.open("li", "rw-result", &[]).open("h3", "", &[]);
            match safe_url(&card.url) {
                Some(u) => h.leaf("a", "", &[("href", u)], &card.title),
                None => h.text(&card.title),
            };
            h.close("h3").open("p", "rw-result-meta", &[]);
            let mut first = true;
            let mut part = |h: &mut Html, text: &str| {
                if text.is_empty() {
                    return;
                }
                if !first {
                    h.text(" · ");
                }
                h.text(text);
                first = false;
            };
            part(&mut h, card.date.as_deref().unwrap_or(""));
            part(&mut h, card.kind.label());
            let session = match (&card.body, &card.session, &card.number) {
                (b, Some(s), n) => {
                    let mut t = format!("{}{s}会议", b.as_deref().unwrap_or(""));
                    if let Some(n) = n {
                        t.push_str(&format!("第{n}号"));
                    }
                    t
                }
                (_, None, Some(n)) => format!("第{n}号"),
                _ => String::new(),
            };
            part(&mut h, &session);
            if let Some(p) = &card.proposer {
                let who = format!("{p}{}", card.role.as_deref().unwrap_or(""));
                part(&mut h, &who);
            }
            part(&mut h, card.source.as_deref().unwrap_or(""));
            h.close("p");
            let figures: Vec<u32> = match out.figures_of(i) {
                [] => card.matching(&self.plan),
                some => some.to_vec(),
            };
            if !figures.is_empty() {
                h.open("ul", "rw-result-figs", &[("aria-label", "匹配的数据")]);
                for &k in figures.iter().take(5) {
                    let Some(f) = card.figures.get(k as usize) else { continue };
                    h.open("li", "", &[]);
                    let link = safe_url(&card.url).map(|u| format!("{}#{}", u.split('#').next().unwrap_or(u), f.id));
                    match &link {
                        Some(l) => h.leaf("a", "rw-val", &[("href", l)], &f.text),
                        None => h.leaf("span", "rw-val", &[], &f.text),
                    };
                    h.text(" ").leaf("span", "rw-ctx", &[], &f.clause);
                    let label = card.label(&f.section);
                    if !label.is_empty() {
                        h.text(" ").leaf("span", "rw-sec", &[], label);
                    }
                    h.close("li");
                }
                if figures.len() > 5 {
                    h.leaf("li", "rw-sec", &[], &format!("等 {} 项数据", figures.len()));
                }
                h.close("ul");
            }
            h.close("li");
        }
        h.append_to(&self.results)?;
        self.drawn = self.drawn.max(ready);
        if ready < shown {
            self.results.set_attribute("aria-busy", "true")?;
        } else {
            self.results.remove_attribute("aria-busy")?;
        }
        let rest = out.total() - shown;
        self.more.toggle_attribute_with_force("hidden", rest == 0 || ready < shown)?;
        if rest > 0 {
            self.more.set_text_content(Some(&format!("显示更多结果（还有 {rest} 篇）")));
        }
        Ok(())
    }

    fn press(&self, order: Order) -> Result<(), JsValue> {
        for o in [Order::Newest, Order::Largest] {
            let name = Action::Order(o).name();
            if let Some(b) = self.wrap.query_selector(&format!("[data-action={name}]"))? {
                b.set_attribute("aria-pressed", if o == order { "true" } else { "false" })?;
            }
        }
        Ok(())
    }
}

/// An index error as one line for the reader.
fn error_text(e: &IndexError) -> String {
    e.to_string()
}

/// The action of an event of the part (the searchbox, the order, the facets, 显示更多, the
/// reading aids), if it has one; Escape's default is prevented.
fn action_of(st: &LibraryState, e: &Event) -> Option<Action> {
    let t = e.target().and_then(|t| t.dyn_into::<Element>().ok())?;
    let query = t.get_attribute("data-action").as_deref() == Some(Action::Clear.name());
    match e.type_().as_str() {
        "input" if query => Some(Action::Query(st.input.value())),
        "keydown" if query => {
            let escape = e.dyn_ref::<KeyboardEvent>().is_some_and(|k| k.key() == "Escape");
            (escape && !st.input.value().is_empty()).then(|| {
                e.prevent_default();
                Action::Clear
            })
        }
        "change" if t.has_attribute("data-facet") => {
            let f: usize = t.get_attribute("data-facet").and_then(|v| v.parse().ok())?;
            let v: u16 = t.get_attribute("data-value").and_then(|v| v.parse().ok())?;
            let on = t.dyn_ref::<HtmlInputElement>().is_some_and(HtmlInputElement::checked);
            Some(Action::Facet(f, v, on))
        }
        "click" => Action::clicked(&t.closest("[data-action]").ok()??),
        _ => None,
    }
}

impl LibraryState {
    /// The one dispatcher: applies an action to the state (effects queued, see [`dispatch`]).
    fn act(&mut self, action: Action) -> Result<(), JsValue> {
        match action {
            Action::Query(q) => self.query(&q),
            Action::Clear => self.query(""),
            Action::Facet(f, v, on) => {
                if let Some(list) = self.selection.values.get_mut(f) {
                    list.retain(|x| *x != v);
                    if on {
                        list.push(v);
                    }
                }
                self.pages = 1;
                self.drawn = 0;
                self.advance()
            }
            Action::Order(order) => {
                self.order = order;
                self.press(order)?;
                self.drawn = 0;
                self.advance()
            }
            Action::More => {
                self.pages += 1;
                self.advance()
            }
            Action::CsvValues => {
                self.csv(false);
                Ok(())
            }
            Action::CsvPromises => {
                self.csv(true);
                Ok(())
            }
            Action::Reading(a) => {
                let mut p = reading::load(None);
                if a == reading::ELDER {
                    p.elder = !p.elder;
                } else {
                    p.contrast = !p.contrast;
                }
                reading::save(&p);
                let bar = self.wrap.query_selector(".rw-reading")?;
                reading::apply(&p, &[&self.wrap], bar.as_ref())
            }
        }
    }
}

impl LibraryMount {
    /// Mounts the search on `host`, reading the index at `base` (a folder URL).
    pub fn new(doc: Document, host: Element, base: String, elder: Option<bool>) -> Result<LibraryMount, JsValue> {
        if host.has_attribute("data-reply-widget-mounted") {
            return Err(JsError::new("options.element is already mounted; call destroy() on its widget first").into());
        }
        if let Some(why) = html::refusal() {
            return Err(JsError::new(&format!("{why}; the page's own list stays")).into());
        }
        if !styles::supported() {
            return Err(JsError::new(
                "reply-widget: this browser has no constructable stylesheets (Chrome 73, Firefox 101, Safari 16.4 have them); the page's own list stays",
            )
            .into());
        }
        let root = styles::shadow(&host)?;
        let wrap = doc.create_element("section")?;
        wrap.set_class_name("rw rw-library");
        wrap.set_attribute("aria-labelledby", "rw-library-title")?;
        root.append_child(&wrap)?;
        Html::new().markup(MARKUP).append_to(&wrap)?;
        let toolbar = reading::toolbar(&doc)?;
        // Reading aloud belongs to a reply, not to a list of them.
        for a in [reading::SPEAK, reading::STOP] {
            if let Some(b) = toolbar.query_selector(&format!("[data-action={a}]"))? {
                b.remove();
            }
        }
        wrap.insert_before(&toolbar, wrap.children().item(1).as_ref().map(|e| e.as_ref()))?;
        let get = |sel: &str| -> Result<Element, JsValue> {
            wrap.query_selector(sel)?.ok_or_else(|| JsError::new("reply-widget: the library lost its markup").into())
        };
        let prefs = reading::load(elder);
        reading::apply(&prefs, &[&wrap], Some(&toolbar))?;
        let state = Rc::new(RefCell::new(LibraryState {
            base,
            input: get("[data-action=query]")?.unchecked_into(),
            status: get(".rw-status")?,
            facets_box: get(".rw-lib-facets")?,
            results: get(".rw-results")?,
            more: get(".rw-more")?,
            own: get(".rw-own")?,
            view: get(".rw-indicator")?,
            indicator: None,
            wrap,
            lib: None,
            asked: Vec::new(),
            in_flight: 0,
            queue: Vec::new(),
            next: 0,
            effects: Vec::new(),
            plan: Plan::new(""),
            selection: Selection::default(),
            order: Order::Newest,
            outcome: None,
            pages: 1,
            drawn: 0,
            broken: None,
            early: Vec::new(),
            sink: JsValue::NULL,
        }));
        let alive = Rc::new(Cell::new(true));
        let (inbox, live) = (state.clone(), alive.clone());
        let callback = Arrival::new(move |name: String, bytes: JsValue, error: String| {
            let bytes = bytes.dyn_ref::<js_sys::Uint8Array>().map(js_sys::Uint8Array::to_vec);
            let mut bytes = Some(bytes);
            if !dispatch(&inbox, &live, &mut |st| st.arrived(&name, bytes.take().flatten(), &error)) {
                web_sys::console::warn_1(&JsValue::from_str("reply-widget: a file arrived while busy"));
            }
        });
        let sink = new_sink(callback.as_ref().unchecked_ref());
        state.borrow_mut().sink = sink.clone();
        host.set_attribute("data-reply-widget-mounted", "library")?;
        let mut mount =
            LibraryMount { doc, host, root, state, alive, sink, listeners: Vec::new(), callback: Some(callback) };
        for kind in ["input", "keydown", "change", "click"] {
            let (st, live) = (mount.state.clone(), mount.alive.clone());
            let target: &web_sys::EventTarget = mount.root.as_ref();
            mount.listeners.push(Listener::new(target, kind, move |e: Event| {
                dispatch(&st, &live, &mut |s| match action_of(s, &e) {
                    Some(a) => s.act(a),
                    None => Ok(()),
                });
            })?);
        }
        dispatch(&mount.state, &mount.alive, &mut |st| {
            st.announce("正在载入答复索引……");
            st.fetch(MANIFEST, false);
            st.fetch(reply_core::library::DOCS, false);
            Ok(())
        });
        Ok(mount)
    }

    /// Searches as if typed.
    pub fn search(&self, query: &str) -> Result<(), JsValue> {
        if dispatch(&self.state, &self.alive, &mut |st| st.act(Action::Query(query.to_string()))) {
            Ok(())
        } else {
            Err(JsError::new("search: reply-widget is busy").into())
        }
    }

    /// Turns off the fetch callback (fetches under way land nowhere) and the effects still
    /// queued, removes the listeners and gives the host its own content back. It borrows
    /// nothing: a page listener may call it from within the widget's own event.
    pub fn destroy(&mut self) {
        self.alive.set(false);
        kill_sink(&self.sink);
        self.callback = None;
        self.listeners.clear();
        self.root.set_text_content(None);
        let _ = js_sys::Reflect::set(&self.root, &JsValue::from_str("adoptedStyleSheets"), &js_sys::Array::new());
        if let Ok(slot) = self.doc.create_element("slot") {
            let _ = self.root.append_child(&slot);
        }
        let _ = self.host.remove_attribute("data-reply-widget-mounted");
    }
}
