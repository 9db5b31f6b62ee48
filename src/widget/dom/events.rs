//! The listeners: what each kind of event on each part does to the state, and how an event
//! enters it (one borrow, then the queued [`Effect`]s — the module docs of `dom`). The mount
//! (`Mount::build`) only wires these to the parts' roots.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, KeyboardEvent};

use reply_web::listener::Listener;

use super::action::{Action, Effect, Handled};
use super::clipboard;
use super::figures::FigureKey;
use super::later::Later;
use super::outline::{OutlinePart, TreeKey};
use super::State;

/// The handler of one kind of event on one part: the state, the event, the element it landed on.
pub(super) type Handler = fn(&mut State, &Event, &Element) -> Result<Handled, JsValue>;

pub(super) fn event_element(e: &Event) -> Option<Element> {
    e.target()?.dyn_into::<Element>().ok()
}

/// Runs queued effects, the state released (see the module docs).
pub(super) fn run_effects(state: &Rc<RefCell<State>>, effects: Vec<Effect>) {
    for effect in effects {
        match effect {
            Effect::Focus(e) => {
                if let Some(h) = e.dyn_ref::<HtmlElement>() {
                    let _ = h.focus();
                }
            }
            Effect::Download(name, mime, text) => {
                let doc = state.try_borrow().map(|s| s.doc.clone());
                if let Ok(doc) = doc {
                    if let Err(e) = reply_web::download::download(&doc, name, mime, &text) {
                        web_sys::console::warn_2(&JsValue::from_str("reply-widget:"), &e);
                    }
                }
            }
            Effect::Copy(text) => {
                let status = state.try_borrow().ok().and_then(|s| s.search.as_ref().map(|v| v.status.clone()));
                clipboard::copy_text(&text, status.as_ref(), "已复制引用", "无法访问剪贴板，请手动复制");
            }
            Effect::Call(f, arg) => {
                let _ = f.call1(&JsValue::NULL, &arg);
            }
            Effect::ShowModal(dialog) => {
                let _ = js_sys::Reflect::get(&dialog, &JsValue::from_str("showModal"))
                    .ok()
                    .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                    .map(|f| f.call0(&dialog));
            }
        }
    }
}

/// Runs [`State::after_first_paint`] once the browser has painted the mount. The task holds
/// the state weakly and is cancelled when the mount goes.
pub(super) fn later(state: &Rc<RefCell<State>>) -> Later {
    let weak = Rc::downgrade(state);
    Later::new(move || {
        let Some(state) = weak.upgrade() else { return };
        let effects = {
            let Ok(mut st) = state.try_borrow_mut() else { return };
            if let Err(e) = st.after_first_paint() {
                web_sys::console::warn_2(&JsValue::from_str("reply-widget:"), &e);
            }
            std::mem::take(&mut st.effects)
        };
        run_effects(&state, effects);
    })
}

/// Runs [`State::extras_arrived`] once the extras module is loaded (asked for when the browser
/// is idle, or `now`: a tap waits for it). Holds the state weakly; cancelled when dropped.
pub(super) fn extras_wait(weak: &std::rc::Weak<RefCell<State>>, now: bool) -> crate::extras::Waiting {
    let weak = weak.clone();
    crate::extras::Waiting::new(now, move || {
        let Some(state) = weak.upgrade() else { return };
        let effects = {
            let Ok(mut st) = state.try_borrow_mut() else { return };
            if let Err(e) = st.extras_arrived() {
                web_sys::console::warn_2(&JsValue::from_str("reply-widget:"), &e);
            }
            std::mem::take(&mut st.effects)
        };
        run_effects(&state, effects);
    })
}

/// Handles an event with the state borrowed; an event raised while the state is busy is
/// skipped rather than allowed to panic. Effects run after.
pub(super) fn with_state(state: &Rc<RefCell<State>>, e: &Event, f: Handler) {
    let Some(target) = event_element(e) else { return };
    let effects = {
        let Ok(mut st) = state.try_borrow_mut() else { return };
        match f(&mut st, e, &target) {
            Ok(h) if h.prevents_default() => e.prevent_default(),
            Ok(_) => {}
            Err(err) => web_sys::console::warn_2(&JsValue::from_str("reply-widget:"), &err),
        }
        std::mem::take(&mut st.effects)
    };
    run_effects(state, effects);
}

pub(super) fn on(
    listeners: &mut Vec<Listener>,
    target: &web_sys::EventTarget,
    kind: &'static str,
    state: &Rc<RefCell<State>>,
    f: Handler,
) -> Result<(), JsValue> {
    let state = state.clone();
    listeners.push(Listener::new(target, kind, move |e: Event| with_state(&state, &e, f))?);
    Ok(())
}

/// Clicks in any part: its controls go to the dispatcher.
pub(super) fn on_click(st: &mut State, _e: &Event, t: &Element) -> Result<Handled, JsValue> {
    if let Some((control, action)) = Action::of(t) {
        return st.act(action, &control);
    }
    if let Some((k, twisty)) = OutlinePart::clicked(t) {
        if st.outline.is_some() && t.closest(".rw-tree")?.is_some() {
            if let Some(o) = &mut st.outline {
                if twisty {
                    o.toggle(&st.index.outline, &st.outcome.node_visible, k)?;
                }
                let item = o.move_focus(k, true)?;
                st.focus(item);
            }
            if !twisty {
                st.go_to(k, false)?;
            }
            return Ok(Handled::Yes);
        }
    }
    let Some(fig) = t.closest("[data-fig]")? else { return Ok(Handled::No) };
    let Some(i) = fig.get_attribute("data-fig").and_then(|v| v.parse::<usize>().ok()) else { return Ok(Handled::No) };
    if let Some(p) = &mut st.figures {
        p.set_tabstop(Some(i));
    }
    st.select(i)?;
    Ok(Handled::Yes)
}

/// The searchbox: typing filters; Escape clears; Enter steps through the matches.
pub(super) fn on_search(st: &mut State, e: &Event, t: &Element) -> Result<Handled, JsValue> {
    let Some(input) =
        t.dyn_ref::<HtmlInputElement>().filter(|_| Action::of(t).is_some_and(|(_, a)| a == Action::Query))
    else {
        return Ok(Handled::No);
    };
    if e.type_() == "input" {
        st.filter(&input.value())?;
        return Ok(Handled::No);
    }
    let Some(k) = e.dyn_ref::<KeyboardEvent>() else { return Ok(Handled::No) };
    match k.key().as_str() {
        // Escape clears the query; in an empty box it is the sheet's, which it closes.
        "Escape" if !input.value().is_empty() => st.filter("")?,
        "Enter" => st.step_hit(!k.shift_key())?,
        _ => return Ok(Handled::No),
    }
    Ok(Handled::Yes)
}

/// Keys: the tree's keyboard model, the figure list's, the value box's Enter, the searchbox.
pub(super) fn on_key(st: &mut State, e: &Event, t: &Element) -> Result<Handled, JsValue> {
    let Some(ke) = e.dyn_ref::<KeyboardEvent>() else { return Ok(Handled::No) };
    if t.get_attribute("role").as_deref() == Some("treeitem") {
        let Some(k) = t.get_attribute("data-node").and_then(|n| n.parse().ok()) else { return Ok(Handled::No) };
        let Some(o) = &mut st.outline else { return Ok(Handled::No) };
        return match o.key(&st.index.outline, &st.outcome.node_visible, ke, k)? {
            TreeKey::NotMine => Ok(Handled::No),
            TreeKey::Moved(focus) => {
                st.focus(focus);
                Ok(Handled::Yes)
            }
            TreeKey::GoTo(k, enter) => {
                let to_article = enter && st.article.is_some();
                st.go_to(k, to_article)?;
                Ok(Handled::Yes)
            }
        };
    }
    if t.get_attribute("data-range").as_deref() == Some("value") {
        if ke.key() == "Enter" {
            return st.act(Action::Range, t);
        }
        return Ok(Handled::No);
    }
    if t.has_attribute("data-fig") {
        let Some(p) = &mut st.figures else { return Ok(Handled::No) };
        return match p.key(&st.outcome.figure_visible, ke, t) {
            FigureKey::NotMine => Ok(Handled::No),
            FigureKey::Moved(b) => {
                st.focus(Some(b));
                Ok(Handled::Yes)
            }
            FigureKey::Cite(i) => {
                st.cite(Some(i), Action::Cite, t)?;
                Ok(Handled::Yes)
            }
        };
    }
    on_search(st, e, t)
}

/// The facets' checkboxes.
pub(super) fn on_change(st: &mut State, _e: &Event, t: &Element) -> Result<Handled, JsValue> {
    if t.has_attribute("data-facet") || t.has_attribute("data-stance-facet") {
        if let Some(p) = &st.figures {
            st.find.kinds = p.facets()?;
            st.find.stances = p.stance_facets()?;
        }
        st.refilter()?;
    }
    Ok(Handled::No)
}

/// Pointer or focus on a figure of the panel previews it in the article.
pub(super) fn on_preview(st: &mut State, e: &Event, t: &Element) -> Result<Handled, JsValue> {
    let entering = matches!(e.type_().as_str(), "focusin" | "mouseover");
    let fig = t.closest("[data-fig]")?.and_then(|f| f.get_attribute("data-fig")).and_then(|v| v.parse::<usize>().ok());
    match (entering, fig) {
        (true, Some(i)) => st.set_preview(Some(i))?,
        (false, Some(_)) => st.set_preview(None)?,
        _ => {}
    }
    Ok(Handled::No)
}

/// Taps and clicks on a figure in the article open its card.
pub(super) fn on_article_click(st: &mut State, _e: &Event, t: &Element) -> Result<Handled, JsValue> {
    let Some(mark) = t.closest("[data-fig]")? else { return Ok(Handled::No) };
    let Some(id) = mark.get_attribute("data-fig") else { return Ok(Handled::No) };
    let Some(i) = st.reply.figures.iter().position(|f| f.id == id) else { return Ok(Handled::No) };
    st.tapped(i)?;
    Ok(Handled::No)
}

/// Escape on the card closes it.
pub(super) fn on_bar_key(st: &mut State, e: &Event, t: &Element) -> Result<Handled, JsValue> {
    let escape = e.dyn_ref::<KeyboardEvent>().is_some_and(|k| k.key() == "Escape");
    if escape && t.closest(".rw-card")?.is_some() {
        st.close_card()?;
        return Ok(Handled::Yes);
    }
    Ok(Handled::No)
}
