//! The facets beside the results (年份, 文种, 类型, 届次, 来源): each value a checkbox with its
//! count, drawn again as a search narrows them, focus following the checkbox the reader toggled.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ShadowRoot};

use reply_core::library::{FacetValue, Genre, Library, Selection, FACETS};
use reply_web::html::Html;

/// Facet names as a reader sees them, in the order of [`FACETS`].
const LABELS: [&str; 5] = ["年份", "类型", "届次", "来源", "文种"];
/// The order the facets are shown in: year, genre, kind, session, source.
const ORDER: [usize; 5] = [0, 4, 1, 2, 3];

/// A facet value's label: 政协提案 / 人大建议 for the kinds, a genre's name, else as indexed
/// (未注明 when empty).
fn label<'a>(facet: &str, value: &'a str) -> &'a str {
    match (facet, value) {
        (_, "") => "未注明",
        ("kind", "proposal") => "政协提案",
        ("kind", "suggestion") => "人大建议",
        ("genre", g) => Genre::from_name(g).label(),
        (_, l) => l,
    }
}

/// The facets' markup: each value with its count in `counts` (the search's), else with its
/// total; values with no result are left out unless chosen, and a facet left with no value is
/// left out whole (no heading without options). Year, genre and kind open, session and source
/// folded (a bureau's archive has many of each).
fn markup(lib: &Library, counts: Option<&[Vec<usize>]>, selection: &Selection) -> Html {
    let mut h = Html::new();
    for f in ORDER {
        let Some(facet) = lib.facets().get(f) else { continue };
        if facet.values.len() < 2 {
            continue;
        }
        let shown = |v: usize, value: &FacetValue| {
            let n = counts.and_then(|c| c[f].get(v).copied()).unwrap_or(value.total);
            let chosen = selection.values[f].contains(&(v as u16));
            (n, chosen, n > 0 || chosen)
        };
        if !facet.values.iter().enumerate().any(|(v, value)| shown(v, value).2) {
            continue;
        }
        let mut attrs = vec![("class", "rw-facet")];
        if matches!(FACETS[f], "year" | "kind" | "genre") {
            attrs.push(("open", ""));
        }
        h.open("details", "", &attrs).leaf("summary", "", &[], LABELS[f]);
        h.open("fieldset", "rw-facets", &[("aria-label", LABELS[f])]);
        for (v, value) in facet.values.iter().enumerate() {
            let (n, chosen, show) = shown(v, value);
            if !show {
                continue;
            }
            let (fv, vv) = (f.to_string(), v.to_string());
            let mut attrs = vec![("type", "checkbox"), ("data-facet", fv.as_str()), ("data-value", vv.as_str())];
            if chosen {
                attrs.push(("checked", ""));
            }
            h.open("label", "", &[]).open("input", "", &attrs);
            h.leaf("span", "", &[], label(FACETS[f], &value.label));
            h.leaf("span", "rw-badge", &[], &n.to_string()).close("label");
        }
        h.close("fieldset").close("details");
    }
    h
}

/// Draws the facets into `into` (see [`markup`]). The checkbox the reader just toggled is
/// drawn again with its new count: it is returned, for focus to follow it (an `Effect`).
pub(crate) fn draw(
    into: &Element,
    lib: &Library,
    counts: Option<&[Vec<usize>]>,
    selection: &Selection,
) -> Result<Option<HtmlElement>, JsValue> {
    let h = markup(lib, counts, selection);
    let focused = into.get_root_node().dyn_into::<ShadowRoot>().ok().and_then(|r| r.active_element());
    let focused = focused.filter(|e| e.has_attribute("data-facet")).map(|e| {
        let a = |n: &str| e.get_attribute(n).unwrap_or_default();
        format!("[data-facet=\"{}\"][data-value=\"{}\"]", a("data-facet"), a("data-value"))
    });
    into.set_text_content(None);
    h.append_to(into)?;
    let again = focused.and_then(|sel| into.query_selector(&sel).ok().flatten());
    Ok(again.and_then(|e| e.dyn_into::<HtmlElement>().ok()))
}
