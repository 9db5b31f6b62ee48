//! `indicatorValues`: an indicator's values in other replies of the archive, for a figure's
//! card on a reply page (issue 22: "同一指标在其他答复中"); and the same lookup for the library
//! module's indicator view (`indicatorView`, answered by [`view_step`]). The reply page's
//! module does not hold the index reader: the embed script loads this module when the first
//! card of a figure that measures an indicator opens, and calls this. It fetches the manifest, the indicator's file
//! and the title table's chunks of the replies it shows (each at most the size the index
//! allows, one index kept per URL for the next card), finds the card's own reply in the index
//! (the value at the figure's position with its text, whose address is the page's), and gives
//! the newest values of the other replies — as plain objects, and drawn into the card's block
//! when it is given one. What fails (no index, a fetch, an index of another version) is one
//! quiet line in the block, never an exception in the card.

use std::cell::RefCell;
use std::rc::Rc;

use reply_core::library::{
    base_of, other_values, own_candidates, track, value_link, Asking, Error as IndexError, Files, IndicatorValue,
    Library, MANIFEST, MAX_MANIFEST,
};
use reply_core::model::FigureKind;
use reply_core::Stance;
use reply_web::html::{safe_url, Html};
use reply_web::js::get;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::view;
use crate::{fetch_file, new_sink};

/// The most values a card lists.
pub(crate) const SHOWN: usize = 8;

/// An index as the lookups share it: none until its manifest is read.
type Shared = Rc<RefCell<Option<Library>>>;

thread_local! {
    /// The indexes read so far, by URL: the next card reuses what the last one fetched.
    static LIBRARIES: RefCell<Vec<(String, Shared)>> = const { RefCell::new(Vec::new()) };
}

/// The list's styles: the library module's own sheet, added to the card's shadow root beside
/// the widget's (the reply page's module does not carry them).
const CARD_CSS: &str = "\
.rw-card-more { max-height: 40vh; overflow: auto; }
.rw-others { border-top: 1px solid var(--_border); margin: 6px 0; padding-top: 6px; font-size: 0.9em; }
.rw-others ul { margin: 0; padding: 0 0 0 1.2em; }
.rw-others li { padding: 4px 0; line-height: 1.6; }
.rw-others-title { font-weight: 700; }
.rw-others-note { color: var(--_muted); }
.rw-others .rw-val { font-size: 1em; }
.rw-others a { display: inline-flex; align-items: center; min-height: var(--_target); }
";

thread_local! {
    static CARD_SHEET: RefCell<Option<web_sys::CssStyleSheet>> = const { RefCell::new(None) };
}

/// Adds [`CARD_CSS`] to the shadow root holding `el` (parsed once), unless it is there.
fn adopt_card_css(el: &Element) -> Result<(), JsValue> {
    let root = el.get_root_node();
    let key = JsValue::from_str("adoptedStyleSheets");
    let Some(list) = js_sys::Reflect::get(&root, &key).ok().filter(js_sys::Array::is_array) else { return Ok(()) };
    let sheet = match CARD_SHEET.with(|s| s.borrow().clone()) {
        Some(s) => s,
        None => {
            let s = web_sys::CssStyleSheet::new()?;
            s.replace_sync(CARD_CSS)?;
            CARD_SHEET.with(|c| *c.borrow_mut() = Some(s.clone()));
            s
        }
    };
    let list = js_sys::Array::from(&list);
    if !list.includes(&sheet, 0) {
        list.push(&sheet);
        js_sys::Reflect::set(&root, &key, &list)?;
    }
    Ok(())
}

/// One card's question, while its files arrive.
struct Lookup {
    base: String,
    key: String,
    figure: Asking,
    page: String,
    element: Option<Element>,
    lib: Shared,
    resolve: js_sys::Function,
    /// What the element said when asked (`data-indicator`, `data-position`): the card may show
    /// another figure by the time the files are here, and then the list is not drawn.
    stamp: Option<(Option<String>, Option<String>)>,
    /// Files asked and not arrived.
    waiting: Vec<String>,
    done: bool,
    /// The library's indicator view (its rows shown), not a card: answered by [`view_step`].
    view: Option<usize>,
}

fn library_for(base: &str) -> Shared {
    LIBRARIES.with(|l| {
        let mut l = l.borrow_mut();
        if let Some((_, lib)) = l.iter().find(|(b, _)| b == base) {
            return lib.clone();
        }
        let lib = Rc::new(RefCell::new(None));
        l.push((base.to_string(), lib.clone()));
        lib
    })
}

/// What the card says when the archive cannot answer (one quiet line).
fn failed_line(why: &str) -> String {
    format!("同一指标在其他答复中的数值暂无法载入（{why}）。")
}

impl Lookup {
    /// Asks for files; each answer comes back to [`step`].
    fn fetch(this: &Rc<RefCell<Lookup>>, names: Vec<String>) {
        let mut asks = Vec::new();
        {
            let mut l = this.borrow_mut();
            for name in names {
                if l.waiting.contains(&name) {
                    continue;
                }
                let max = match &*l.lib.borrow() {
                    Some(lib) => lib.limit(&name).unwrap_or(0),
                    None => MAX_MANIFEST,
                };
                l.waiting.push(name.clone());
                asks.push((format!("{}{name}", l.base), name, max));
            }
        }
        for (url, name, max) in asks {
            let me = this.clone();
            let cb = Closure::once_into_js(move |name: String, bytes: JsValue, error: String| {
                let bytes = bytes.dyn_ref::<js_sys::Uint8Array>().map(js_sys::Uint8Array::to_vec);
                arrived(&me, &name, bytes, &error);
            });
            fetch_file(&new_sink(cb.unchecked_ref()), &url, &name, max as f64, false);
        }
    }

    /// The end: the values drawn into the block (if any) and given to the caller.
    fn finish(&mut self, line: Option<String>, shown: Vec<(IndicatorValue, Option<String>)>, total: usize) {
        if self.done {
            return;
        }
        self.done = true;
        let stamp = |el: &Element| (el.get_attribute("data-indicator"), el.get_attribute("data-position"));
        if let Some(el) = self.element.as_ref().filter(|el| self.stamp.as_ref().is_none_or(|s| *s == stamp(el))) {
            let mut h = Html::new();
            draw(&mut h, &self.key, line.as_deref(), &shown, total);
            el.set_text_content(None);
            let _ = adopt_card_css(el);
            let _ = h.append_to(el);
        }
        let out = js_sys::Array::new();
        for (v, link) in &shown {
            out.push(&plain(v, link.as_deref()));
        }
        let _ = self.resolve.call1(&JsValue::NULL, &out);
    }
}

/// A file arrived (or failed): read it, then take the question as far as the files allow.
fn arrived(this: &Rc<RefCell<Lookup>>, name: &str, bytes: Option<Vec<u8>>, error: &str) {
    let failure = {
        let mut l = this.borrow_mut();
        l.waiting.retain(|w| w != name);
        let lib_rc = l.lib.clone();
        let mut lib = lib_rc.borrow_mut();
        let view = l.view.is_some();
        match (bytes, name == MANIFEST) {
            // The view says it as the library says it of its own files.
            (None, _) if view => Some(match error.strip_prefix("too-large ") {
                Some(size) => {
                    let max = lib.as_ref().and_then(|l| l.limit(name)).unwrap_or(MAX_MANIFEST);
                    IndexError::TooLarge(name.to_string(), size.parse().unwrap_or(0), max as u64).to_string()
                }
                None if name == MANIFEST => format!("索引 {name} 无法读取：{error}"),
                None => format!("索引不完整，缺少 {name}（{error}）"),
            }),
            (None, _) => Some(if error.starts_with("too-large") {
                format!("{name} 过大")
            } else {
                format!("{name}：{error}")
            }),
            // Another card's lookup may have read it meanwhile: its files stay.
            (Some(_), true) if lib.is_some() => None,
            (Some(b), true) => match Library::from_manifest(&b) {
                Ok(read) => {
                    *lib = Some(read);
                    None
                }
                Err(e) => Some(index_error(&e, view)),
            },
            (Some(b), false) => {
                lib.as_mut().and_then(|lib| lib.add_only(name, &b, Files::Values).err()).map(|e| index_error(&e, view))
            }
        }
    };
    if let Some(why) = failure {
        fail(this, why);
        return;
    }
    if this.borrow().waiting.is_empty() {
        step(this);
    }
}

/// An index error as the card says it (the view: as the library says it).
fn index_error(e: &IndexError, view: bool) -> String {
    match e {
        IndexError::Version(_) if !view => "索引版本不符，需重新生成".to_string(),
        _ => e.to_string(),
    }
}

/// The question cannot be answered: the card's quiet line, or the view's reason.
fn fail(this: &Rc<RefCell<Lookup>>, why: String) {
    let mut l = this.borrow_mut();
    if l.view.is_some() {
        l.answer("", None, Some(why));
    } else {
        l.finish(Some(failed_line(&why)), Vec::new(), 0);
    }
}

/// Takes the question as far as the files at hand allow: asks for what is missing, else
/// answers.
fn step(this: &Rc<RefCell<Lookup>>) {
    if this.borrow().view.is_some() {
        return view_step(this);
    }
    let mut need = Vec::new();
    let answer = {
        let l = this.borrow();
        let lib = l.lib.borrow();
        match &*lib {
            None => {
                need.push(MANIFEST.to_string());
                None
            }
            Some(lib) => match lib.indicator_values(&l.key) {
                None => match lib.indicator_needs(&l.key) {
                    // The archive has no such indicator: nothing in other replies.
                    None => Some((None, Vec::new(), 0)),
                    Some(files) => {
                        need = files.into_iter().filter(|f| f.starts_with("indicators/")).collect();
                        None
                    }
                },
                Some(values) => {
                    // The card's own reply: a value at this figure's place whose address is the page.
                    let candidates = own_candidates(values, &l.figure);
                    need = lib.titles_needed(&candidates);
                    let mut own = None;
                    let mut base = None;
                    if need.is_empty() {
                        for &d in &candidates {
                            if let Some(b) = lib.title(d).and_then(|t| base_of(&l.page, &t.url)) {
                                own = Some(d);
                                base = Some(b);
                                break;
                            }
                        }
                        let (picked, total) = other_values(values, &l.figure, own, SHOWN);
                        let docs: Vec<u32> = picked.iter().map(|&k| values[k].doc).collect();
                        need = lib.titles_needed(&docs);
                        if need.is_empty() {
                            let shown = picked
                                .iter()
                                .map(|&k| {
                                    let v = &values[k];
                                    (v.clone(), value_link(&v.url, base.as_deref(), v.index))
                                })
                                .collect();
                            Some((None, shown, total))
                        } else {
                            None
                        }
                    } else {
                        None
                    }
                }
            },
        }
    };
    if let Some((line, shown, total)) = answer {
        this.borrow_mut().finish(line, shown, total);
    } else if !need.is_empty() {
        Lookup::fetch(this, need);
    }
}

/// The card's list: heading, each value with its year, stance (a target's deadline) and its
/// reply linked; how many more; or the one line.
fn draw(h: &mut Html, key: &str, line: Option<&str>, shown: &[(IndicatorValue, Option<String>)], total: usize) {
    h.open("section", "rw-others", &[("aria-label", "同一指标在其他答复中")]);
    h.leaf("p", "rw-others-title", &[], &format!("同一指标在其他答复中：{key}"));
    if let Some(line) = line {
        h.leaf("p", "rw-others-note", &[], line);
    } else if shown.is_empty() {
        h.leaf("p", "rw-others-note", &[], "档案中没有其他答复报告这一指标。");
    } else {
        h.open("ul", "", &[]);
        for (v, link) in shown {
            h.open("li", "", &[]);
            h.leaf("span", "rw-val", &[], &v.text);
            let year = if v.reported.is_empty() { "日期不详" } else { &v.reported };
            let stance = match (&v.stance, &v.by) {
                (Some(Stance::Target), Some(by)) => format!("目标 · {by}年"),
                (Some(Stance::Target), None) => "目标".to_string(),
                (Some(Stance::Result), _) => "成果".to_string(),
                (None, _) => String::new(),
            };
            let mut about = format!(" {year}");
            if !stance.is_empty() {
                about.push_str(" · ");
                about.push_str(&stance);
            }
            h.text(&about).text(" ");
            match link.as_deref().and_then(safe_url) {
                Some(u) => h.leaf("a", "", &[("href", u)], &v.title),
                None => h.leaf("span", "", &[], &v.title),
            };
            h.close("li");
        }
        h.close("ul");
        if total > shown.len() {
            h.leaf("p", "rw-others-note", &[], &format!("共 {total} 个数值，以上为最新的 {} 个。", shown.len()));
        }
    }
    h.close("section");
}

/// A value as the caller gets it.
fn plain(v: &IndicatorValue, link: Option<&str>) -> JsValue {
    let o = js_sys::Object::new();
    let s = |x: &str| JsValue::from_str(x);
    let opt = |x: Option<&str>| x.map_or(JsValue::NULL, JsValue::from_str);
    let stance = v.stance.map(|s| if s == Stance::Target { "target" } else { "result" });
    for (name, value) in [
        ("text", s(&v.text)),
        ("value", JsValue::from_f64(v.value)),
        ("high", v.high.map_or(JsValue::NULL, JsValue::from_f64)),
        ("unit", opt(v.unit.as_deref())),
        ("kind", s(v.kind.as_str())),
        ("stance", opt(stance)),
        ("by", opt(v.by.as_deref())),
        ("reported", s(&v.reported)),
        ("title", s(&v.title)),
        ("url", s(&v.url)),
        ("link", opt(link)),
        ("context", s(&v.context)),
    ] {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(name), &value);
    }
    o.into()
}

/// Reads the options of `indicatorValues`: `{ index, indicator, kind, unit?, position?, text?,
/// page?, element? }`.
pub(crate) fn start(options: &JsValue) -> Result<js_sys::Promise, JsError> {
    let element = get(options, "element").dyn_into::<Element>().ok();
    // An option, else what the card's block says (`data-indicator` …: the widget's onCard).
    let text = |name: &str| {
        get(options, name)
            .as_string()
            .or_else(|| element.as_ref().and_then(|e| e.get_attribute(&format!("data-{name}"))))
    };
    let Some(mut base) = text("index").filter(|s| !s.trim().is_empty()) else {
        return Err(JsError::new("options.index must be the URL of the index folder, such as \"library/\""));
    };
    if !base.ends_with('/') {
        base.push('/');
    }
    let Some(key) = text("indicator").filter(|s| !s.is_empty()) else {
        return Err(JsError::new("options.indicator must be an indicator key, such as \"技术合同成交额\""));
    };
    let kind_name = text("kind").unwrap_or_else(|| "money".to_string());
    let Some(kind) = FigureKind::ALL.iter().copied().find(|k| k.as_str() == kind_name) else {
        return Err(JsError::new("options.kind must be a figure kind: money, percent, count, multiple, year, date"));
    };
    let position = match get(options, "position").as_f64() {
        Some(p) => Some(p),
        None => text("position").and_then(|p| p.parse::<u32>().ok()).map(f64::from),
    };
    let position = position.filter(|p| *p >= 0.0 && *p < u32::MAX as f64);
    let figure = Asking {
        kind,
        unit: text("unit").filter(|u| !u.is_empty()),
        // No position: no value is taken for the page's own.
        position: position.map_or(u32::MAX, |p| p as u32),
        text: text("text").unwrap_or_default(),
    };
    let page = text("page").or_else(|| web_sys::window().and_then(|w| w.location().href().ok())).unwrap_or_default();
    let lib = library_for(&base);
    let mut made = None;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        made = Some(Rc::new(RefCell::new(Lookup {
            base: base.clone(),
            key: key.clone(),
            figure: figure.clone(),
            page: page.clone(),
            element: element.clone(),
            stamp: element.as_ref().map(|el| (el.get_attribute("data-indicator"), el.get_attribute("data-position"))),
            lib: lib.clone(),
            resolve,
            waiting: Vec::new(),
            done: false,
            view: None,
        })));
    });
    if let Some(this) = made {
        step(&this);
    }
    Ok(promise)
}

impl Lookup {
    /// The view's answer: `[status, element, why]`.
    fn answer(&mut self, status: &str, view: Option<Html>, why: Option<String>) {
        if self.done {
            return;
        }
        self.done = true;
        let node = match view.zip(web_sys::window().and_then(|w| w.document())) {
            Some((h, doc)) => doc.create_element("div").ok().filter(|d| h.append_to(d).is_ok()),
            None => None,
        };
        let out = js_sys::Array::new();
        out.push(&JsValue::from_str(status));
        out.push(&node.map_or(JsValue::NULL, JsValue::from));
        out.push(&why.map_or(JsValue::NULL, |w| JsValue::from_str(&w)));
        let _ = self.resolve.call1(&JsValue::NULL, &out);
    }
}

/// The view: fetches the manifest (unless the library gave it), the indicator's file and the
/// title table's chunks of its replies, then answers with its values, 承诺追踪 (deadlines
/// passed by the archive's newest reply) and the downloads; an indicator the archive does not
/// have lists those it has.
fn view_step(this: &Rc<RefCell<Lookup>>) {
    let need = {
        let mut l = this.borrow_mut();
        let lib_rc = l.lib.clone();
        let lib = lib_rc.borrow();
        let Some(lib) = &*lib else {
            drop(lib);
            drop(l);
            return Lookup::fetch(this, vec![MANIFEST.to_string()]);
        };
        let (key, limit) = (l.key.clone(), l.view.unwrap_or(0));
        match lib.indicator_needs(&key) {
            None => {
                l.answer(&view::unknown(&key, lib.indicators().len()), Some(view::choices(lib.indicators())), None);
                return;
            }
            Some(need) if !need.is_empty() => need,
            Some(_) => {
                let values = lib.indicator(&key).unwrap_or(&[]);
                let now = lib.newest().unwrap_or("");
                let promises = track(values, now);
                let status = view::summary(&key, values, &promises);
                l.answer(&status, Some(view::view(&key, values, &promises, now, limit)), None);
                return;
            }
        }
    };
    Lookup::fetch(this, need);
}

/// Reads the options of `indicatorView`: `{ index, key, limit, manifest? }`.
pub(crate) fn start_view(options: &JsValue) -> Result<js_sys::Promise, JsError> {
    let base = get(options, "index").as_string().unwrap_or_default();
    let key = get(options, "key").as_string().unwrap_or_default();
    let limit = get(options, "limit").as_f64().unwrap_or(0.0) as usize;
    let lib = library_for(&base);
    let mut bad = None;
    if lib.borrow().is_none() {
        if let Some(bytes) = get(options, "manifest").dyn_ref::<js_sys::Uint8Array>() {
            match Library::from_manifest(&bytes.to_vec()) {
                Ok(read) => *lib.borrow_mut() = Some(read),
                Err(e) => bad = Some(e.to_string()),
            }
        }
    }
    let mut made = None;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        made = Some(Rc::new(RefCell::new(Lookup {
            base: base.clone(),
            key: key.clone(),
            figure: Asking { kind: FigureKind::ALL[0], unit: None, position: u32::MAX, text: String::new() },
            page: String::new(),
            element: None,
            stamp: None,
            lib: lib.clone(),
            resolve,
            waiting: Vec::new(),
            done: false,
            view: Some(limit),
        })));
    });
    if let Some(this) = made {
        match bad {
            Some(why) => fail(&this, why),
            None => step(&this),
        }
    }
    Ok(promise)
}

/// `indicatorCsv({ index, key, promises })`: the view's downloads, from the files it read.
pub(crate) fn csv(options: &JsValue) -> bool {
    let base = get(options, "index").as_string().unwrap_or_default();
    let key = get(options, "key").as_string().unwrap_or_default();
    let lib = library_for(&base);
    let lib = lib.borrow();
    let Some((lib, values)) = lib.as_ref().and_then(|l| Some((l, l.indicator(&key)?))) else { return false };
    let (name, text) = if get(options, "promises").is_truthy() {
        let p = track(values, lib.newest().unwrap_or(""));
        (format!("{key}-承诺追踪.csv"), reply_core::library::promises_csv(&key, values, &p))
    } else {
        (format!("{key}.csv"), reply_core::library::values_csv(&key, values))
    };
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return false };
    reply_web::download::download(&doc, &name, "text/csv;charset=utf-8", &text).is_ok()
}
