//! Draws one block of article text with its `<mark>`s: search hits, the selected figure, the
//! previewed figure. The selected and previewed figures are each one `<mark>`, never split by a
//! hit inside them, so a number stays one node for a screen reader.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

/// Segments of `len` chars: (start, end, hit, figure) where figure is 1 = selected, 2 = preview.
pub fn segments(
    len: u32,
    hits: &[(u32, u32)],
    sel: Option<(u32, u32)>,
    pre: Option<(u32, u32)>,
) -> Vec<(u32, u32, bool, u8)> {
    let figs: Vec<((u32, u32), u8)> = sel.map(|r| (r, 1)).into_iter().chain(pre.map(|r| (r, 2))).collect();
    let inside_fig = |p: u32| figs.iter().any(|((s, e), _)| p > *s && p < *e);
    let mut hits: Vec<(u32, u32)> =
        hits.iter().map(|(s, e)| ((*s).min(len), (*e).min(len))).filter(|(s, e)| s < e).collect();
    crate::model::sort_by(&mut hits, |a, b| a < b);
    let mut cuts: Vec<u32> = Vec::with_capacity(hits.len() * 2 + 6);
    cuts.extend([0, len]);
    for (s, e) in hits.iter().copied().chain(figs.iter().map(|(r, _)| *r)) {
        for p in [s.min(len), e.min(len)] {
            if !inside_fig(p) {
                cuts.push(p);
            }
        }
    }
    crate::model::sort_by(&mut cuts, |a, b| a < b);
    cuts.dedup();
    // One sweep: `next` is the first hit that may still overlap the current segment.
    let mut next = 0;
    let mut reach = 0; // the furthest end among hits before `next`
    cuts.windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            while next < hits.len() && hits[next].0 < b {
                reach = reach.max(hits[next].1);
                next += 1;
            }
            let hit = reach > a;
            let fig = figs.iter().find(|((s, e), _)| *s <= a && *e >= b).map_or(0, |(_, k)| *k);
            (a, b, hit, fig)
        })
        .collect()
}

pub fn draw(
    doc: &Document,
    el: &Element,
    text: &str,
    hits: &[(u32, u32)],
    sel: Option<(u32, u32, &str)>,
    pre: Option<(u32, u32, &str)>,
) -> Result<(), JsValue> {
    if hits.is_empty() && sel.is_none() && pre.is_none() {
        el.set_text_content(Some(text));
        return Ok(());
    }
    // Byte offset of each char boundary, for slicing by char offsets.
    let mut bounds: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    bounds.push(text.len());
    let len = (bounds.len() - 1) as u32;
    let slice = |a: u32, b: u32| {
        let (a, b) = (bounds[(a as usize).min(bounds.len() - 1)], bounds[(b as usize).min(bounds.len() - 1)]);
        &text[a..b]
    };
    el.set_text_content(None);
    for (a, b, hit, fig) in segments(len, hits, sel.map(|(s, e, _)| (s, e)), pre.map(|(s, e, _)| (s, e))) {
        let piece = slice(a, b);
        if piece.is_empty() {
            continue;
        }
        if !hit && fig == 0 {
            el.append_child(&doc.create_text_node(piece))?;
            continue;
        }
        let m = doc.create_element("mark")?;
        let mut class = String::new();
        if hit {
            class.push_str("rw-hit");
        }
        let id = match fig {
            1 => sel.map(|(_, _, id)| (id, " rw-fig-mark")),
            2 => pre.map(|(_, _, id)| (id, " rw-preview")),
            _ => None,
        };
        if let Some((id, c)) = id {
            class.push_str(c);
            m.set_attribute("data-fig", id)?;
        }
        m.set_class_name(class.trim());
        m.set_text_content(Some(piece));
        el.append_child(&m)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_and_figures_make_segments() {
        assert_eq!(segments(10, &[(2, 4)], None, None), [(0, 2, false, 0), (2, 4, true, 0), (4, 10, false, 0)]);
        // A hit inside the selected figure does not split it.
        assert_eq!(segments(10, &[(3, 4)], Some((2, 6)), None), [(0, 2, false, 0), (2, 6, true, 1), (6, 10, false, 0)]);
        // A hit overlapping the figure's edge.
        assert_eq!(segments(10, &[(0, 3)], Some((2, 6)), None), [(0, 2, true, 0), (2, 6, true, 1), (6, 10, false, 0)]);
        assert_eq!(segments(5, &[], None, Some((0, 5))), [(0, 5, false, 2)]);
        // Out-of-range offsets are clamped, never sliced past the end.
        assert_eq!(segments(3, &[(2, 9)], None, None), [(0, 2, false, 0), (2, 3, true, 0)]);
    }
}
