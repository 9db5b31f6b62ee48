//! The filter — who handles the filter box (查找, `filter()`), its ↑ ↓ buttons (上一处 / 下一处
//! 匹配, Enter and Shift+Enter in the box) and the panel's facets: the query as typed or given,
//! the kinds and stances the facets leave on, the match stepped to last; filtering the outline,
//! the panel, the chart and the article together, and announcing the count. The searchbox's
//! markup and live region are `search.rs`'s; parsing and matching are `reply_core::filter`'s.

use wasm_bindgen::prelude::*;
use web_sys::ScrollLogicalPosition;

use reply_core::filter::{self, Query};
use reply_core::model::{FigureKind, Stance};
use reply_core::util::{cat, uint};

use super::{marks, scroll_to, Mount, State};

/// What the reader (or the page) asked the filter for, and where the ↑ ↓ buttons are.
pub(super) struct Filter {
    pub query: Query,
    /// The query as the page or the reader wrote it (kept by `refresh()`).
    pub raw: String,
    /// The kinds the panel's facets leave on.
    pub kinds: Vec<FigureKind>,
    /// The stances (目标, 成果, 其他) the panel's 立场 facet leaves on.
    pub stances: Vec<Option<Stance>>,
    /// The search hit stepped to last (↑ ↓, Enter in the searchbox).
    pub hit: Option<usize>,
}

impl Filter {
    /// Nothing asked: every figure, every kind, every stance.
    pub fn new() -> Filter {
        Filter {
            query: Query::All,
            raw: String::new(),
            kinds: FigureKind::ALL.to_vec(),
            stances: filter::ALL_STANCES.to_vec(),
            hit: None,
        }
    }

    /// Steps to the next (or previous) of `total` hits, wrapping around at either end; the
    /// first step goes to the first (or the last). None when there is no hit.
    pub fn step(&mut self, total: usize, forward: bool) -> Option<usize> {
        if total == 0 {
            return None;
        }
        let k = match (self.hit, forward) {
            (None, true) => 0,
            (None, false) => total - 1,
            (Some(h), true) => (h + 1) % total,
            (Some(h), false) => (h + total - 1) % total,
        };
        self.hit = Some(k);
        Some(k)
    }
}

impl State {
    /// Says `text` in the searchbox's live region.
    pub(super) fn announce(&self, text: &str) {
        if let Some(s) = &self.search {
            s.announce(text);
        }
    }

    /// Filters with `raw` (typed, or given to `filter()`), shown in the box.
    pub(super) fn filter(&mut self, raw: &str) -> Result<(), JsValue> {
        if let Some(s) = &self.search {
            s.show(raw);
        }
        self.find.query = filter::parse_query(raw);
        raw.clone_into(&mut self.find.raw);
        self.refilter()
    }

    /// Runs the filter again (the query or the facets changed) and shows it in every part.
    pub(super) fn refilter(&mut self) -> Result<(), JsValue> {
        let before = std::mem::take(&mut self.outcome);
        let held = self.held();
        self.outcome = self.index.run_with(&self.reply.figures, &self.find.query, &self.find.kinds, &self.find.stances);
        self.find.hit = None;
        // A query that cannot be read filters nothing (the status says why): the tree stays too.
        let active = matches!(self.find.query, Query::Text(_) | Query::Compare(_));
        if let Some(o) = &mut self.outline {
            o.show_filter(&self.index.outline, &before, &self.outcome, active)?;
        }
        if let Some(a) = &mut self.article {
            a.show_nodes(&self.outcome.node_visible)?;
        }
        if let Some(f) = &mut self.figures {
            f.show_filter(&self.reply, &self.index, &before, &self.outcome)?;
            f.chart(&self.reply, held, &self.outcome.figure_visible, self.selected)?;
        }
        self.paint()?;
        self.announce(&filter::announce(&self.outcome, &self.find.query));
        Ok(())
    }

    /// Moves to the next (or previous) search hit in the article.
    pub(super) fn step_hit(&mut self, forward: bool) -> Result<(), JsValue> {
        let Some(a) = &self.article else { return Ok(()) };
        let all = a.hits()?;
        let total = all.len();
        let Some(k) = self.find.step(total, forward) else { return Ok(()) };
        marks::set_current(&all, Some(k))?;
        scroll_to(&all[k], ScrollLogicalPosition::Center);
        let base = filter::announce(&self.outcome, &self.find.query);
        self.announce(&cat(&[&base, "；第 ", &uint(k + 1), " / ", &uint(total), " 处"]));
        Ok(())
    }
}

impl Mount {
    pub fn filter(&self, query: &str) -> Result<(), JsValue> {
        self.enter("filter", |st| st.filter(query))
    }

    /// The current query, typed or given to `filter()`, and the kinds the facets leave on (for
    /// `refresh()`).
    pub fn query(&self) -> (String, Vec<FigureKind>, Vec<Option<Stance>>) {
        self.state
            .try_borrow()
            .map(|s| (s.find.raw.clone(), s.find.kinds.clone(), s.find.stances.clone()))
            .unwrap_or_default()
    }

    /// Filters with `query` and the facets set to `kinds` and `stances` (a mount again keeps
    /// them).
    pub fn restore_query(&self, query: &str, kinds: &[FigureKind], stances: &[Option<Stance>]) -> Result<(), JsValue> {
        self.enter("refresh", |st| {
            if let Some(p) = &st.figures {
                p.set_facets(kinds)?;
                st.find.kinds = p.facets()?;
                p.set_stance_facets(stances)?;
                st.find.stances = p.stance_facets()?;
            }
            st.filter(query)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Filter;

    /// ↓ from nothing goes to the first match, ↑ to the last; both wrap around; a new query
    /// (no hit) starts again; no match, no step.
    #[test]
    fn the_arrows_step_through_the_matches_and_wrap() {
        let mut f = Filter::new();
        let downs: Vec<Option<usize>> = (0..4).map(|_| f.step(3, true)).collect();
        assert_eq!(downs, [Some(0), Some(1), Some(2), Some(0)]);
        f.hit = None;
        let ups: Vec<Option<usize>> = (0..4).map(|_| f.step(3, false)).collect();
        assert_eq!(ups, [Some(2), Some(1), Some(0), Some(2)]);
        f.hit = None;
        assert_eq!(f.step(0, true), None);
        assert_eq!(f.hit, None);
    }
}
