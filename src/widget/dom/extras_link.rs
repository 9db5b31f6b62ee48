//! The mount's link to the extras module (pkg/extras/: the stances, deadlines and indicators of
//! the figures, the money chart, the exports and the citations). The first screen does not wait
//! for it; a tap that needs it before it is loaded shows busy and is done when it arrives.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::Element;

use reply_core::model::Reply;

use super::action::Action;
use super::events::extras_wait;
use super::State;

/// What the mount knows of the extras module.
pub(super) struct ExtrasLink {
    /// The figures have their stances, deadlines and indicators (from the extras module: at
    /// mount if it was loaded, else once it is, [`State::extras_arrived`]).
    pub annotated: bool,
    /// The reply's id in the extras module, which writes the chart, the exports and the
    /// citations from it ([`State::held`]).
    held: Option<u32>,
    /// A tap that needs the extras module, made before it was loaded: its control shows busy,
    /// and it is done when the module arrives.
    pub pending: Option<(Action, Element)>,
    /// The wait for the extras module a tap started.
    pub tap_wait: Option<crate::extras::Waiting>,
}

impl ExtrasLink {
    pub fn new(annotated: bool) -> ExtrasLink {
        ExtrasLink { annotated, held: None, pending: None, tap_wait: None }
    }

    /// The id of `reply` in the extras module, handed over the first time it is asked for once
    /// the module is loaded; None before.
    pub fn held(&mut self, reply: &Reply) -> Option<u32> {
        if self.held.is_none() && crate::extras::ready() {
            self.held = crate::extras::hold(reply);
        }
        self.held
    }

    /// The extras module forgets the reply.
    pub fn forget(&mut self) {
        if let Some(id) = self.held.take() {
            crate::extras::release(id);
        }
    }

    /// The mount goes: the reply is forgotten, a waiting tap and its wait dropped.
    pub fn end(&mut self) {
        self.forget();
        self.pending = None;
        self.tap_wait = None;
    }
}

impl State {
    /// The reply's id in the extras module, handed over the first time it is asked for once
    /// the module is loaded; None before.
    pub(super) fn held(&mut self) -> Option<u32> {
        self.extras.held(&self.reply)
    }

    /// The extras module forgets the reply (the mount goes, or its reply changed).
    pub(super) fn forget_held(&mut self) {
        self.extras.forget();
    }

    /// A tap that needs the extras module before it is loaded: its control shows busy
    /// (`aria-busy`), the module is asked for at once, and the tap is done when it arrives
    /// ([`State::extras_arrived`]). Nothing is lost; a second such tap replaces the first.
    pub(super) fn wait_for_extras(&mut self, action: Action, control: &Element) -> Result<(), JsValue> {
        let before = self.extras.pending.replace((action, control.clone()));
        match before {
            Some((_, old)) => old.remove_attribute("aria-busy")?,
            None => self.extras.tap_wait = Some(extras_wait(&self.me, true)),
        }
        control.set_attribute("aria-busy", "true")?;
        self.announce("正在载入，请稍候");
        Ok(())
    }

    /// The extras module is loaded (the browser was idle after the first paint, or a tap asked
    /// for it): the figures get their stances, deadlines and indicators, and the panel its 立场
    /// facet, badges and 按承诺 groups; the money chart is drawn; a tap that waited is done.
    /// Nothing else is announced: the reader asked for nothing. Called too when the module
    /// could not be loaded: a tap that waited is told.
    pub(super) fn extras_arrived(&mut self) -> Result<(), JsValue> {
        if self.article.is_none() && self.outline.is_none() && self.figures.is_none() {
            return Ok(());
        }
        let mut newly = false;
        if !self.extras.annotated {
            let mut reply = (*self.reply).clone();
            if crate::extras::annotate(&mut reply) {
                self.reply = Rc::new(reply);
                self.extras.annotated = true;
                self.forget_held();
                newly = true;
                if let Some(f) = &mut self.figures {
                    let focus = f.annotated(&self.reply, &self.index, self.selected, &self.outcome)?;
                    self.focus(focus);
                }
            }
        }
        let held = self.held();
        if let Some(f) = &mut self.figures {
            f.chart(&self.reply, held, &self.outcome.figure_visible, self.selected)?;
        }
        if let Some((action, control)) = self.extras.pending.take() {
            control.remove_attribute("aria-busy")?;
            if held.is_some() {
                self.act(action, &control)?;
            } else {
                self.announce("暂时无法载入，请稍后再试");
            }
        }
        // A card tapped meanwhile gets what the page shows for its indicator.
        match self.bar.as_ref().and_then(|b| b.card_figure).filter(|_| newly) {
            Some(i) => self.card_hook(i),
            None => Ok(()),
        }
    }
}
