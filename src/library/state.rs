//! What the library shows and waits for, and the one dispatcher ([`LibraryState::dispatch`])
//! that applies an [`Action`] to it and hands back the [`Effect`]s to run once it is released.
//! The search itself is `reply_core::library`'s; the markup is `results.rs`' and `facets.rs`';
//! the indicator view is the second module's (`indicators.rs` asks it); which files to fetch
//! when is `fetch.rs`' queue.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use reply_core::library::{
    Error as IndexError, Files, Library, Order, Outcome, Plan, Selection, DOCS, LEAD, MANIFEST, MAX_FILE, MAX_MANIFEST,
    PAGE,
};
use reply_web::reading;

use crate::action::{Action, Effect};
use crate::fetch::{Fetches, IN_FLIGHT, QUERY_FILES};
use crate::{facets, indicators, results};

/// What the library shows and waits for.
pub(crate) struct LibraryState {
    /// The index folder's URL.
    base: String,
    /// The part, and its elements that change.
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
    fetches: Fetches,
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
    /// The manifest's bytes, until handed to the second module (its view does not fetch it).
    manifest: Option<Vec<u8>>,
    /// The view asked of the second module (key, pages), and the number of that question:
    /// an answer to an older one is dropped.
    asked: Option<(String, usize)>,
    view_gen: u32,
}

/// The indicator a query asks for: `指标:KEY` / `指标：KEY` (spaces around allowed).
pub(crate) fn indicator_query(raw: &str) -> Option<String> {
    let rest = raw.trim().strip_prefix("指标")?;
    let key = rest.strip_prefix(':').or_else(|| rest.strip_prefix('：'))?.trim();
    Some(key.to_string())
}

/// Rows of the indicator view's tables drawn at first; 显示更多 draws as many more. An
/// indicator of thousands of values (10,000 replies) would otherwise cost a second to draw;
/// the CSV downloads hold every value.
const ROWS: usize = 100;

/// An index error as one line for the reader.
fn error_text(e: &IndexError) -> String {
    e.to_string()
}

impl LibraryState {
    /// The state of the part drawn into `wrap` (the markup of `mount.rs`), reading the index
    /// at `base`.
    pub(crate) fn new(base: String, wrap: Element) -> Result<LibraryState, JsValue> {
        let get = |sel: &str| -> Result<Element, JsValue> {
            wrap.query_selector(sel)?.ok_or_else(|| JsError::new("reply-widget: the library lost its markup").into())
        };
        Ok(LibraryState {
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
            fetches: Fetches::default(),
            effects: Vec::new(),
            plan: Plan::new(""),
            selection: Selection::default(),
            order: Order::Newest,
            outcome: None,
            pages: 1,
            drawn: 0,
            broken: None,
            early: Vec::new(),
            manifest: None,
            asked: None,
            view_gen: 0,
        })
    }

    /// The one dispatcher: applies `action`, and returns what is to be done once the state is
    /// released (an error is reported on the console; the effects queued before it still run).
    pub(crate) fn dispatch(&mut self, action: Action) -> Vec<Effect> {
        if let Err(e) = self.apply(action) {
            web_sys::console::warn_2(&JsValue::from_str("reply-widget:"), &e);
        }
        std::mem::take(&mut self.effects)
    }

    fn apply(&mut self, action: Action) -> Result<(), JsValue> {
        match action {
            Action::Start => {
                self.announce("正在载入答复索引……");
                self.fetch(MANIFEST, false);
                self.fetch(DOCS, false);
                Ok(())
            }
            Action::Query(q) => self.query(&q),
            Action::Clear => self.query(""),
            Action::Indicator(key) => self.query(&format!("指标:{key}")),
            Action::Facet { facet, value, on } => {
                if let Some(list) = self.selection.values.get_mut(facet) {
                    list.retain(|x| *x != value);
                    if on {
                        list.push(value);
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
            Action::ExportValues => {
                self.csv(false);
                Ok(())
            }
            Action::ExportPromises => {
                self.csv(true);
                Ok(())
            }
            Action::Elder | Action::Contrast => {
                let mut p = reading::load(None);
                if matches!(action, Action::Elder) {
                    p.elder = !p.elder;
                } else {
                    p.contrast = !p.contrast;
                }
                reading::save(&p);
                let bar = self.wrap.query_selector(".rw-reading")?;
                reading::apply(&p, &[&self.wrap], bar.as_ref())
            }
            Action::Arrived { name, bytes, error } => self.arrived(&name, bytes, &error),
            Action::Viewed { gen, answer } => self.viewed(gen, &answer),
        }
    }

    /// Sets the live status; the same text again is not written (a screen reader would repeat it).
    fn announce(&self, text: &str) {
        if self.status.text_content().as_deref() != Some(text) {
            self.status.set_text_content(Some(text));
        }
    }

    /// Asks for a file, now or once the browser has painted (`later`: what the first results
    /// do not need waits for them to show).
    fn fetch(&mut self, name: &str, later: bool) {
        if self.fetches.ask(name, later) {
            self.pump();
        }
    }

    /// Starts queued fetches while fewer than [`IN_FLIGHT`] are under way, each with the most
    /// bytes the index allows it (before the manifest: the manifest's own limit, or any file's).
    fn pump(&mut self) {
        while let Some((name, later)) = self.fetches.start() {
            let max = match &self.lib {
                Some(lib) => lib.limit(&name).unwrap_or(0),
                None if name == MANIFEST => MAX_MANIFEST,
                None => MAX_FILE,
            };
            self.effects.push(Effect::Fetch { url: format!("{}{name}", self.base), name, max, later });
        }
    }

    /// The index cannot be used: say why, keep the page's own list.
    fn fail(&mut self, why: String) {
        // Nothing more is fetched: what waited is dropped.
        self.fetches.drop_waiting();
        self.announce(&format!("答复检索暂不可用（{why}），请浏览下方列表。"));
        self.broken = Some(why);
        let _ = self.results.toggle_attribute_with_force("hidden", true);
        let _ = self.more.toggle_attribute_with_force("hidden", true);
        let _ = self.own.toggle_attribute_with_force("hidden", false);
    }

    /// A file arrived (or failed).
    fn arrived(&mut self, name: &str, bytes: Option<Vec<u8>>, error: &str) -> Result<(), JsValue> {
        self.fetches.arrived(name);
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
                Ok(lib) => {
                    self.lib = Some(lib);
                    self.manifest = Some(bytes);
                    // The indicator view's module, once the browser is idle.
                    self.effects.push(Effect::Prefetch);
                }
                Err(e) => {
                    self.fail(error_text(&e));
                    return Ok(());
                }
            }
            for (n, b) in std::mem::take(&mut self.early) {
                self.add(&n, &b);
            }
            self.draw_facets()?;
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
        if let Err(e) = lib.add_only(name, bytes, Files::Search) {
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

    /// The indicator view: asked of the second module (loaded first if need be: the view says
    /// `aria-busy` and the status 正在载入指标 until it answers), once per key and 显示更多.
    fn advance_indicator(&mut self, key: &str) -> Result<(), JsValue> {
        for e in [&self.results, &self.more, &self.own] {
            e.toggle_attribute_with_force("hidden", true)?;
        }
        let ask = (key.to_string(), self.pages);
        if self.asked.as_ref() == Some(&ask) {
            return Ok(());
        }
        self.asked = Some(ask);
        self.view_gen += 1;
        if self.pages == 1 {
            self.view.set_text_content(None);
            self.announce("正在载入指标……");
        }
        self.view.set_attribute("aria-busy", "true")?;
        self.view.toggle_attribute_with_force("hidden", false)?;
        let manifest = self.manifest.take().map_or(JsValue::UNDEFINED, |b| js_sys::Uint8Array::from(&b[..]).into());
        let opts = indicators::options(&[
            ("index", JsValue::from_str(&self.base)),
            ("key", JsValue::from_str(key)),
            ("limit", JsValue::from_f64((ROWS * self.pages) as f64)),
            ("manifest", manifest),
        ]);
        self.effects.push(Effect::View(self.view_gen, opts));
        Ok(())
    }

    /// The second module's answer to the view asked (`[status, element, why]`, or null when it
    /// could not load): the view moved in, or why not.
    fn viewed(&mut self, gen: u32, answer: &JsValue) -> Result<(), JsValue> {
        if gen != self.view_gen || self.indicator.is_none() || self.broken.is_some() {
            return Ok(());
        }
        self.view.remove_attribute("aria-busy")?;
        let Some(a) = answer.dyn_ref::<js_sys::Array>() else {
            // The search works without it; the next indicator query tries again.
            self.asked = None;
            let line = "指标视图暂时无法载入，请稍后再试；检索仍可使用。";
            self.view.set_text_content(Some(line));
            self.announce(line);
            return Ok(());
        };
        if let Some(why) = a.get(2).as_string() {
            self.fail(why);
            return Ok(());
        }
        if let Some(node) = a.get(1).dyn_ref::<Element>() {
            self.view.set_text_content(None);
            while let Some(c) = node.first_child() {
                self.view.append_child(&c)?;
            }
        }
        self.announce(&a.get(0).as_string().unwrap_or_default());
        // 显示更多 drew the view again: focus stays on it, or goes to the table once all is shown.
        if self.pages > 1 {
            let next = match self.view.query_selector(&format!("[data-action={}]", Action::More.name()))? {
                Some(more) => Some(more),
                None => self.view.query_selector(".rw-ind-values")?,
            };
            if let Some(e) = next.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                self.effects.push(Effect::Focus(e));
            }
        }
        Ok(())
    }

    /// A CSV of the indicator shown: every value, or 承诺追踪 (the second module downloads it).
    fn csv(&mut self, promises: bool) {
        let Some(key) = &self.indicator else { return };
        let opts = indicators::options(&[
            ("index", JsValue::from_str(&self.base)),
            ("key", JsValue::from_str(key)),
            ("promises", JsValue::from_bool(promises)),
        ]);
        self.effects.push(Effect::Csv(opts));
    }

    /// A new query (typed, or set by the API).
    fn query(&mut self, raw: &str) -> Result<(), JsValue> {
        if self.input.value() != raw {
            self.input.set_value(raw);
        }
        self.indicator = indicator_query(raw);
        self.asked = None;
        self.plan = Plan::new(if self.indicator.is_some() { "" } else { raw });
        self.pages = 1;
        self.drawn = 0;
        self.fetches.drop_waiting();
        self.advance()
    }

    /// Something is searched: a query, or a facet value chosen.
    fn active(&self) -> bool {
        self.plan.query != reply_core::filter::Query::All || self.selection.values.iter().any(|v| !v.is_empty())
    }

    /// The facets afresh (`facets.rs`), focus following the checkbox the reader toggled.
    fn draw_facets(&mut self) -> Result<(), JsValue> {
        let Some(lib) = &self.lib else { return Ok(()) };
        let counts = self.outcome.as_ref().filter(|_| self.active()).map(|o| o.counts.as_slice());
        if let Some(e) = facets::draw(&self.facets_box, lib, counts, &self.selection)? {
            self.effects.push(Effect::Focus(e));
        }
        Ok(())
    }

    /// The results whose cards are here, in order: afresh for a new query (status, facets, list),
    /// else appending to the list what arrived since. The list is `aria-busy` until its page is
    /// complete, and 显示更多 waits for it.
    fn draw(&mut self) -> Result<(), JsValue> {
        let (Some(lib), Some(out)) = (&self.lib, &self.outcome) else { return Ok(()) };
        let active = self.active();
        self.own.toggle_attribute_with_force("hidden", active)?;
        self.results.toggle_attribute_with_force("hidden", !active)?;
        self.announce(&results::status(out.problem.as_ref(), active, out.total(), lib.replies()));
        if self.drawn == 0 || !active {
            self.draw_facets()?;
            self.results.set_text_content(None);
            self.drawn = 0;
        }
        // Borrowed again: drawing the facets took the state mutably.
        let (Some(lib), Some(out)) = (&self.lib, &self.outcome) else { return Ok(()) };
        if !active {
            return self.more.toggle_attribute_with_force("hidden", true).map(|_| ());
        }
        let shown = (self.pages * PAGE).min(out.total());
        let ready = (0..shown).take_while(|&i| lib.card(out.docs[i]).is_some()).count();
        results::items(lib, out, &self.plan, self.drawn, ready).append_to(&self.results)?;
        self.drawn = self.drawn.max(ready);
        if ready < shown {
            self.results.set_attribute("aria-busy", "true")?;
        } else {
            self.results.remove_attribute("aria-busy")?;
        }
        let rest = out.total() - shown;
        self.more.toggle_attribute_with_force("hidden", rest == 0 || ready < shown)?;
        if rest > 0 {
            self.more.set_text_content(Some(&results::more_label(rest)));
        }
        Ok(())
    }

    /// The order's buttons: the one chosen pressed.
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

#[cfg(test)]
mod tests {
    use super::indicator_query;

    #[test]
    fn an_indicator_query_names_its_key_with_either_colon() {
        assert_eq!(indicator_query(" 指标:技术合同成交额 ").as_deref(), Some("技术合同成交额"));
        assert_eq!(indicator_query("指标： 中试平台").as_deref(), Some("中试平台"));
        assert_eq!(indicator_query("指标:").as_deref(), Some(""));
        assert_eq!(indicator_query("指标体系"), None);
        assert_eq!(indicator_query("中试平台"), None);
    }
}
