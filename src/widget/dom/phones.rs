//! Phones: the compact layout (a part's summary that opens it as a sheet), the sticky bar
//! before the article, and the card of a figure tapped in the text. The two parts that can be
//! compact (the outline, the figure panel) are named by a [`Side`]; [`State::frame`] is the one
//! place a side is turned into its part.

use std::cell::RefCell;
use std::rc::Rc;

use reply_core::util::uint;
use reply_web::listener::{Observer, Resizer};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, ShadowRoot};

use super::action::Effect;
use super::bar::Bar;
use super::events::run_effects;
use super::sheet::{Layout, Sheet, COMPACT_BELOW};
use super::{deep_active, State};

/// The two parts that have a compact layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Side {
    Outline,
    Figures,
}

impl Side {
    /// Both, the outline first (the order the page reads them in).
    pub(super) const BOTH: [Side; 2] = [Side::Outline, Side::Figures];
}

/// What the two compact parts have alike: where they are mounted, their content, their sheet.
pub(super) struct Frame<'a> {
    pub host: &'a Element,
    pub root: &'a ShadowRoot,
    pub wrap: &'a Element,
    pub sheet: &'a Sheet,
}

impl State {
    /// The part on `side`, if it is mounted.
    pub(super) fn frame(&self, side: Side) -> Option<Frame<'_>> {
        match side {
            Side::Outline => {
                self.outline.as_ref().map(|p| Frame { host: &p.host, root: &p.root, wrap: &p.wrap, sheet: &p.sheet })
            }
            Side::Figures => {
                self.figures.as_ref().map(|p| Frame { host: &p.host, root: &p.root, wrap: &p.wrap, sheet: &p.sheet })
            }
        }
    }

    /// The mounted parts, the outline first.
    pub(super) fn frames(&self) -> impl Iterator<Item = (Side, Frame<'_>)> {
        Side::BOTH.into_iter().filter_map(move |s| self.frame(s).map(|f| (s, f)))
    }

    /// The sheet of the part on `side`, to change.
    pub(super) fn sheet_of(&mut self, side: Side) -> Option<&mut Sheet> {
        match side {
            Side::Outline => self.outline.as_mut().map(|p| &mut p.sheet),
            Side::Figures => self.figures.as_mut().map(|p| &mut p.sheet),
        }
    }

    /// The part a control belongs to.
    pub(super) fn side_of(&self, e: &Element) -> Option<Side> {
        let root = JsValue::from(&e.get_root_node());
        self.frames().find(|(_, f)| JsValue::from(f.root) == root).map(|(s, _)| s)
    }

    pub(super) fn any_compact(&self) -> bool {
        self.frames().any(|(_, f)| f.sheet.layout == Layout::Compact)
    }

    /// The page's layout changed (a part's host or the article resized): a part is compact
    /// when its host is narrow and stands above the article in the same column — a phone's
    /// page, where a full tree would push the text screens down — and not beside it (a
    /// desktop sidebar of the same width keeps the full tree). Without an article, narrow alone.
    pub(super) fn relayout(&mut self) -> Result<(), JsValue> {
        let article = self.article.as_ref().map(|a| a.host.get_bounding_client_rect());
        for side in Side::BOTH {
            let Some(host) = self.frame(side).map(|f| f.host.clone()) else { continue };
            let r = host.get_bounding_client_rect();
            let narrow = r.width() < COMPACT_BELOW;
            let stacked = match &article {
                Some(a) => r.right() > a.left() && r.left() < a.right() && r.bottom() <= a.top() + 1.0,
                None => r.width() < COMPACT_BELOW * 0.65,
            };
            let layout = if narrow && stacked { Layout::Compact } else { Layout::Wide };
            if let Some(sheet) = self.sheet_of(side) {
                let want = sheet.forced.unwrap_or(layout);
                sheet.set_layout(want)?;
            }
        }
        self.update_bar()
    }

    /// Shows the bar while the reader is inside the article with the parts compact and their
    /// summaries off screen; headings then land below it.
    pub(super) fn update_bar(&mut self) -> Result<(), JsValue> {
        let compact = self.any_compact();
        if let Some(b) = &mut self.bar {
            let show = compact && b.inside_article && !b.summary_in_view;
            b.show(show)?;
        }
        if let Some(a) = &mut self.article {
            let host = a.host.clone();
            if compact {
                a.additions.set(&host, "data-rw-bar", "")?;
            } else {
                a.additions.unset(&host, "data-rw-bar")?;
            }
        }
        Ok(())
    }

    /// Opens a part's sheet (compact layout); with `search`, focus goes to the searchbox.
    pub(super) fn open_sheet(&mut self, side: Side, search: bool) -> Result<(), JsValue> {
        let opener = self.doc.active_element().map(|a| deep_active(&a));
        let focus_to = if search {
            self.search.as_ref().map(|s| s.input.clone().unchecked_into::<Element>())
        } else {
            match side {
                Side::Outline => self.outline.as_ref().and_then(|o| o.focused_item()),
                Side::Figures => self.figures.as_ref().and_then(|f| f.tab_button()),
            }
        };
        let Some(sheet) = self.sheet_of(side) else { return Ok(()) };
        if sheet.layout != Layout::Compact || sheet.is_open() {
            return Ok(());
        }
        let dialog = sheet.prepare_open(opener)?;
        self.effects.push(Effect::ShowModal(dialog));
        self.focus(focus_to);
        Ok(())
    }

    /// Closes the open sheets (a section or figure was chosen in one: the reader goes to the
    /// text, not back to the button that opened it).
    pub(super) fn close_sheets(&mut self) {
        for side in Side::BOTH {
            if let Some(sheet) = self.sheet_of(side) {
                if sheet.is_open() {
                    sheet.opener = None;
                    sheet.close();
                }
            }
        }
    }

    /// A sheet's dialog closed (Escape, 关闭, or the backdrop): focus goes back to its opener.
    pub(super) fn sheet_closed(&mut self, side: Side) -> Result<(), JsValue> {
        let back = match self.sheet_of(side) {
            Some(sheet) => sheet.closed()?,
            None => None,
        };
        self.focus(back);
        Ok(())
    }

    /// A figure tapped in the article: selected, and its card shown.
    pub(super) fn tapped(&mut self, i: usize) -> Result<(), JsValue> {
        self.select(i)?;
        let Some(f) = self.reply.figures.get(i) else { return Ok(()) };
        let mut label = self.index.outline.label_of(&f.section);
        if let Some(k) = self.index.outline.node(&f.section).filter(|&k| !self.index.outline.nodes[k].number.is_empty())
        {
            label.push(' ');
            label.push_str(&self.index.outline.nodes[k].title);
        }
        if let Some(b) = &mut self.bar {
            let card = b.show_card(i, f, &label)?;
            self.effects.push(Effect::Focus(card));
        }
        self.card_hook(i)
    }

    /// The page's `onCard` for the card of figure `i`, if it measures an indicator: at once, or
    /// (a card tapped before the extras module was loaded) once the figures have their
    /// indicators.
    pub(super) fn card_hook(&mut self, i: usize) -> Result<(), JsValue> {
        let Some(f) = self.reply.figures.get(i) else { return Ok(()) };
        if let Some(b) = &mut self.bar {
            if let (Some(hook), Some(key), Some(block)) = (&self.on_card, &f.indicator, b.card_block()?) {
                // The block says which figure asks: the page's onCard reads it.
                for (name, v) in [
                    ("data-indicator", key.as_str()),
                    ("data-kind", f.amount.kind.as_str()),
                    ("data-unit", f.amount.unit.as_deref().unwrap_or("")),
                    ("data-position", &uint(i)),
                ] {
                    block.set_attribute(name, v)?;
                }
                self.effects.push(Effect::Call(hook.clone(), block));
            }
        }
        Ok(())
    }

    /// Closes a tapped figure's card; focus goes back to that figure in the text (its mark is
    /// the widget's own element: it is made focusable), not to `<body>`.
    pub(super) fn close_card(&mut self) -> Result<(), JsValue> {
        let Some(b) = &mut self.bar else { return Ok(()) };
        let shown = b.card_figure;
        b.hide_card()?;
        let id = shown.and_then(|i| self.reply.figures.get(i)).map(|f| f.id.clone());
        let mark = id.and_then(|id| self.article.as_ref().and_then(|a| a.figure_mark(&id)));
        if let Some(m) = mark {
            m.set_attribute("tabindex", "-1")?;
            self.focus(Some(m));
        }
        Ok(())
    }
}

impl State {
    /// The page's one-line mode: hosts for the outline and the figure panel, just before the
    /// article (removed on destroy), with the document's stylesheet.
    pub(super) fn own_hosts(&mut self, doc: &Document, article: &Element) -> Result<(Element, Element), JsValue> {
        reply_web::styles::adopt_document(doc)?;
        self.document_sheet = true;
        let parent = article.parent_node().ok_or_else(|| JsError::new("options.article: the article has no parent"))?;
        let box_ = doc.create_element("div")?;
        box_.set_attribute("data-reply-widget-page", "")?;
        parent.insert_before(&box_, Some(article))?;
        self.made.push(box_.clone());
        let outline = doc.create_element("div")?;
        let figures = doc.create_element("div")?;
        box_.append_child(&outline)?;
        box_.append_child(&figures)?;
        Ok((outline, figures))
    }

    /// The bar before the article (`host`), with the parts mounted beside it; none without them.
    pub(super) fn mount_bar(&mut self, doc: &Document, host: &Element) -> Result<(), JsValue> {
        if self.outline.is_none() && self.figures.is_none() {
            return Ok(());
        }
        let sections =
            self.outline.as_ref().map(|_| self.index.outline.nodes.iter().filter(|n| !n.number.is_empty()).count());
        let figures = self.figures.as_ref().map(|_| self.reply.figures.len());
        let b = Bar::new(doc, host, sections, figures)?;
        self.made.push(b.host.clone());
        self.bar = Some(b);
        Ok(())
    }

    /// What the bar follows while scrolling: the reader inside the article, the compact
    /// summaries on screen (no bar needed). Nothing without an article or a bar.
    pub(super) fn watch_bar(&self, state: &Rc<RefCell<State>>) -> Result<Vec<Observer>, JsValue> {
        let (Some(a), Some(_)) = (&self.article, &self.bar) else { return Ok(Vec::new()) };
        let watched = state.clone();
        let init = web_sys::IntersectionObserverInit::new();
        init.set_root_margin("0px 0px -99% 0px");
        let inside = Observer::new(
            move |entries: js_sys::Array, _| {
                let Ok(mut s) = watched.try_borrow_mut() else { return };
                if let Some(last) = entries.iter().last() {
                    let e: web_sys::IntersectionObserverEntry = last.unchecked_into();
                    if let Some(b) = &mut s.bar {
                        b.inside_article = e.is_intersecting();
                    }
                    let _ = s.update_bar();
                }
            },
            &init,
        )?;
        inside.observer.observe(a.root());
        let watched = state.clone();
        let summaries = Observer::new(
            move |entries: js_sys::Array, observer| {
                let Ok(mut s) = watched.try_borrow_mut() else { return };
                // Which summaries are on screen now: ask again for all of them.
                let _ = (entries, observer);
                let on_screen = |e: &Element| {
                    let r = e.get_bounding_client_rect();
                    let h =
                        web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|v| v.as_f64()).unwrap_or(0.0);
                    r.height() > 0.0 && r.bottom() > 0.0 && r.top() < h
                };
                let seen = s.frames().any(|(_, f)| on_screen(&f.sheet.summary));
                if let Some(b) = &mut s.bar {
                    b.summary_in_view = seen;
                }
                let _ = s.update_bar();
            },
            &web_sys::IntersectionObserverInit::new(),
        )?;
        for (_, f) in self.frames() {
            summaries.observer.observe(&f.sheet.summary);
        }
        Ok(vec![inside, summaries])
    }

    /// The compact layout follows each part's host width (and the article's); none without a
    /// part.
    pub(super) fn follow_width(&self, state: &Rc<RefCell<State>>) -> Result<Option<Resizer>, JsValue> {
        let hosts: Vec<Element> = self.frames().map(|(_, f)| f.host.clone()).collect();
        if hosts.is_empty() {
            return Ok(None);
        }
        let watched = state.clone();
        let resizer = Resizer::new(move |_entries: js_sys::Array, _| {
            let effects = {
                let Ok(mut s) = watched.try_borrow_mut() else { return };
                if let Err(e) = s.relayout() {
                    web_sys::console::warn_2(&JsValue::from_str("reply-widget:"), &e);
                }
                std::mem::take(&mut s.effects)
            };
            run_effects(&watched, effects);
        })?;
        for h in &hosts {
            resizer.observer.observe(h);
        }
        if let Some(a) = &self.article {
            resizer.observer.observe(&a.host);
        }
        Ok(Some(resizer))
    }
}
