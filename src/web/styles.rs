//! The widget's styles, adopted into each part's shadow root as a constructable stylesheet: no
//! `<style>` element and no `style` attribute, so a strict CSP (`style-src 'self'`) passes, the
//! host page's rules cannot reach inside, and ours cannot leak out.
//!
//! What passes through from the host: `font-family` (the site's typeface) and the documented
//! custom properties below. Every other inherited property (letter-spacing, line-height,
//! text-transform, visibility, colour …) is reset on the part's root element.
//!
//! Theming (set on the host element or any ancestor):
//! `--rw-accent` (links, focus, current section), `--rw-font-size` (base text size),
//! `--rw-text`, `--rw-bg`, `--rw-muted`, `--rw-border`, `--rw-soft` (hover and current-section
//! background), `--rw-mark` (search matches), `--rw-mark-selected` (the selected figure),
//! `--rw-radius`, `--rw-elder-font-size` (text size in 大字模式).
//!
//! The page's own article, enhanced in place, is the page's: [`ARTICLE_CSS`] is adopted into
//! the document (`document.adoptedStyleSheets`, allowed by `style-src 'self'`) and only styles
//! what the widget adds to it — its marks, the elements the filter hides, the headings it
//! navigates to — and the reader's 大字模式 / 高对比度, all scoped to `[data-rw-article]`.

use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// `css` without its comments and the whitespace it does not need (around `{ } ; , >`, after
/// `:`; a run of spaces and newlines elsewhere becomes one space; strings stay as they are),
/// at compile time: the sources
/// below stay readable, the wasm carries the short form (README, "Size"). Written into `out`
/// as far as it is long; returns the length of the whole (`minify::<0>` measures it).
const fn minify<const N: usize>(css: &[u8]) -> ([u8; N], usize) {
    let mut out = [0u8; N];
    let (mut i, mut o) = (0, 0);
    // The last byte written ('{' at the start: no space is needed there).
    let mut last = b'{';
    while i < css.len() {
        let b = css[i];
        if b == b'/' && i + 1 < css.len() && css[i + 1] == b'*' {
            i += 2;
            while i + 1 < css.len() && !(css[i] == b'*' && css[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
            continue;
        }
        if b == b'"' {
            // A string (`content: "…"`), as it is.
            let mut j = i + 1;
            while j < css.len() && css[j] != b'"' {
                j += 1;
            }
            while i <= j && i < css.len() {
                if o < N {
                    out[o] = css[i];
                }
                o += 1;
                i += 1;
            }
            last = b'"';
            continue;
        }
        let mut put = b;
        if matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
            let mut j = i;
            while j < css.len() && matches!(css[j], b' ' | b'\n' | b'\t' | b'\r') {
                j += 1;
            }
            let next = if j < css.len() { css[j] } else { b'}' };
            i = j;
            if matches!(last, b'{' | b'}' | b';' | b',' | b'>' | b':')
                || matches!(next, b'{' | b'}' | b';' | b',' | b'>')
                || (next == b'/' && j + 1 < css.len() && css[j + 1] == b'*')
            {
                continue;
            }
            put = b' ';
        } else {
            i += 1;
        }
        if o < N {
            out[o] = put;
        }
        o += 1;
        last = put;
    }
    (out, o)
}

/// A stylesheet's source, [`minify`]d at compile time, as a `&'static str`.
macro_rules! minified {
    ($css:expr) => {{
        const SOURCE: &[u8] = $css.as_bytes();
        const LEN: usize = minify::<0>(SOURCE).1;
        const BYTES: [u8; LEN] = minify::<LEN>(SOURCE).0;
        match core::str::from_utf8(&BYTES) {
            Ok(s) => s,
            Err(_) => panic!("a stylesheet is not UTF-8"),
        }
    }};
}

pub const CSS: &str = minified!(
    r#"
:host { display: block; }
:host([hidden]) { display: none; }
.rw {
  --_accent: var(--rw-accent, #0b4f9c);
  --_text: var(--rw-text, #1f2328);
  --_bg: var(--rw-bg, #ffffff);
  --_muted: var(--rw-muted, #505a66);
  --_border: var(--rw-border, #c9d1db);
  --_mark: var(--rw-mark, #ffe58a);
  --_mark-sel: var(--rw-mark-selected, #ffb000);
  --_soft: var(--rw-soft, #eef3fa);
  --_radius: var(--rw-radius, 4px);
  --_size: var(--rw-font-size, 16px);
  --_target: 32px;
  all: initial;
  display: block;
  box-sizing: border-box;
  font-family: inherit;
  font-size: var(--_size);
  line-height: 1.6;
  color: var(--_text);
  background: var(--_bg);
  letter-spacing: normal;
  word-spacing: normal;
  text-align: start;
  text-indent: 0;
  text-transform: none;
  white-space: normal;
  visibility: visible;
  overflow-wrap: anywhere;
}
.rw[data-elder] { --_size: var(--rw-elder-font-size, 20px); --_target: 44px; line-height: 1.75; }
.rw[data-contrast] { --_accent: #003a8c; --_text: #000; --_bg: #fff; --_muted: #1a1a1a; --_border: #000; --_mark: #ffe100; --_mark-sel: #ff9d00; --_soft: #fff; }
@media (prefers-contrast: more) { .rw { --_accent: #003a8c; --_text: #000; --_muted: #1a1a1a; --_border: #000; } }
.rw *, .rw *::before, .rw *::after { box-sizing: border-box; font: inherit; letter-spacing: inherit; color: inherit; }
.rw [hidden] { display: none !important; }
.rw button, .rw input { font: inherit; color: inherit; margin: 0; visibility: visible; }
.rw button { cursor: pointer; background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius); min-height: var(--_target); min-width: var(--_target); padding: 2px 10px; }
.rw button:hover { border-color: var(--_accent); color: var(--_accent); }
.rw button[aria-pressed="true"] { background: var(--_accent); border-color: var(--_accent); color: #fff; }
.rw :focus { outline: none; }
.rw :focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; border-radius: 2px; }
.rw ul { list-style: none; margin: 0; padding: 0; }
.rw li { display: block; }
.rw h2, .rw h3 { margin: 0; font-weight: 700; }
.rw-sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.rw-part-title { font-size: 1.05em; padding: 0 0 6px; border-bottom: 2px solid var(--_accent); margin-bottom: 8px; color: var(--_accent); }

/* search */
.rw-search { display: flex; gap: 4px; align-items: stretch; margin-bottom: 6px; }
.rw-search input { flex: 1 1 auto; width: 100%; min-width: 0; min-height: var(--_target); padding: 4px 8px; border: 1px solid var(--_muted); border-radius: var(--_radius); background: var(--_bg); }
.rw-search input::placeholder { color: var(--_muted); opacity: 1; }
.rw-search button { padding: 0 6px; }
.rw-status { min-height: 1.6em; margin: 0 0 6px; font-size: 0.9em; color: var(--_muted); }
.rw-tools { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 8px; }

/* outline */
.rw-tree { margin: 0; padding: 0; }
.rw-item[data-depth="2"] > .rw-row { padding-left: 1.4em; }
.rw-item[data-depth="3"] > .rw-row { padding-left: 2.5em; }
.rw-item[data-depth="4"] > .rw-row { padding-left: 3.6em; }
.rw-item[data-depth="5"] > .rw-row, .rw-item[data-depth="6"] > .rw-row { padding-left: 4.7em; }
.rw-item > .rw-row { display: flex; align-items: flex-start; gap: 4px; padding: 4px 6px; min-height: var(--_target); border-radius: var(--_radius); cursor: pointer; border-left: 3px solid transparent; }
.rw-item > .rw-row:hover { background: var(--_soft); }
.rw-item:focus { outline: none; }
.rw-item:focus-visible > .rw-row { outline: 3px solid var(--_accent); outline-offset: -3px; }
.rw-item[aria-current] > .rw-row { border-left-color: var(--_accent); background: var(--_soft); font-weight: 700; color: var(--_accent); }
.rw-twisty { flex: 0 0 1em; text-align: center; color: var(--_muted); }
.rw-item[aria-expanded="true"] > .rw-row > .rw-twisty::before { content: "▾" / ""; }
.rw-item[aria-expanded="false"] > .rw-row > .rw-twisty::before { content: "▸" / ""; }
.rw-num { flex: 0 0 auto; }
.rw-title { flex: 1 1 auto; }
.rw-badge { flex: 0 0 auto; font-size: 0.8em; line-height: 1.4; padding: 0 6px; border-radius: 999px; background: var(--_soft); color: var(--_accent); border: 1px solid var(--_border); align-self: center; }
.rw-skip { display: inline-block; margin-top: 8px; color: var(--_accent); text-decoration: underline; padding: 6px 0; min-height: var(--_target); }

/* figure panel */
.rw-facets { border: 0; margin: 0 0 8px; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 10px; }
.rw-facets legend { padding: 0; margin-bottom: 2px; font-size: 0.9em; color: var(--_muted); width: 100%; }
.rw-facets label { display: inline-flex; align-items: center; gap: 4px; min-height: var(--_target); cursor: pointer; }
.rw-facets input { width: 1.1em; height: 1.1em; accent-color: var(--_accent); }
.rw-range { align-items: center; }
.rw-range select, .rw-range input { font: inherit; min-height: var(--_target); border: 1px solid var(--_muted); border-radius: var(--_radius); background: var(--_bg); color: var(--_text); padding: 2px 4px; }
.rw-range input { width: 6em; min-width: 5em; flex: 0 0 auto; }
.rw-group { margin-bottom: 8px; }
.rw-group-head { display: flex; width: 100%; justify-content: flex-start; gap: 6px; align-items: center; font-weight: 700; background: var(--_soft); border: 1px solid var(--_border); text-align: start; }
.rw-group-head::before { content: "▾" / ""; margin-right: 6px; color: var(--_muted); }
.rw-group-head[aria-expanded="false"]::before { content: "▸" / ""; }
.rw-figs > li { border-bottom: 1px solid var(--_border); }
.rw-fig { display: grid; grid-template-columns: 1fr auto; gap: 0 8px; width: 100%; text-align: start; border: 0 !important; border-radius: 0 !important; padding: 6px 4px !important; background: transparent !important; color: var(--_text) !important; }
.rw-fig:hover { background: var(--_soft) !important; }
.rw-fig[aria-current] { background: var(--_soft) !important; box-shadow: inset 4px 0 0 var(--_mark-sel); }
.rw-val { grid-row: 1; grid-column: 1; font-size: 1.25em; font-weight: 700; color: var(--_accent); font-variant-numeric: tabular-nums; }
.rw-sec { grid-row: 1; grid-column: 2; font-size: 0.8em; color: var(--_muted); align-self: center; }
.rw-ctx { grid-row: 2; grid-column: 1 / -1; font-size: 0.9em; color: var(--_muted); }
.rw-empty { color: var(--_muted); padding: 8px 0; }

/* money chart */
.rw-chart { margin: 4px 0 12px; padding: 8px 0; border-top: 1px solid var(--_border); border-bottom: 1px solid var(--_border); }
.rw-chart-title { font-size: 0.95em; margin: 0 0 4px; }
.rw-chart svg { display: block; width: 100%; height: auto; overflow: visible; }
.rw-bar { cursor: pointer; }
.rw-bar text { fill: var(--_text); font-size: 13px; }
.rw[data-elder] .rw-bar text { font-size: 15px; }
.rw-bar-fill { fill: var(--_accent); print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.rw-bar-hit { fill: transparent; pointer-events: all; }
.rw-bar-fill.rw-bar-target { fill: var(--_soft); stroke: var(--_accent); stroke-width: 1.5; stroke-dasharray: 4 2; }
.rw-chart-legend { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; font-size: 0.85em; color: var(--_muted); margin: 4px 0 0; }
.rw-key { display: inline-block; width: 1.4em; height: 0.8em; margin-right: 4px; vertical-align: middle; background: var(--_accent); border-radius: 2px; }
.rw-key.rw-key-target { background: var(--_soft); border: 1.5px dashed var(--_accent); }
.rw-stance { grid-row: 3; grid-column: 1 / -1; justify-self: start; font-size: 0.8em; padding: 0 6px; border-radius: 4px; border: 1px solid var(--_border); color: var(--_muted); }
.rw-stance[data-stance="target"] { border-style: dashed; border-color: var(--_accent); color: var(--_accent); }
.rw-bar:hover .rw-bar-fill, .rw-bar[data-selected] .rw-bar-fill { fill: var(--_mark-sel); }
.rw-chart-table { border-collapse: collapse; width: 100%; font-size: 0.85em; margin-top: 6px; table-layout: fixed; }
.rw-chart-table th, .rw-chart-table td { border: 1px solid var(--_border); padding: 2px 4px; text-align: start; }
.rw-chart-table caption { text-align: start; font-weight: 700; }
.rw-link { border: 0 !important; background: none !important; color: var(--_accent) !important; text-decoration: underline; padding: 0 !important; }
.rw-more { margin: 2px 0 10px 4px; }

/* article */
.rw-article { max-width: 48em; }
.rw-article h1 { font-size: 1.5em; line-height: 1.4; margin: 0 0 8px; text-align: center; font-weight: 700; }
.rw-article h2 { font-size: 1.2em; margin: 1.2em 0 0.4em; color: var(--_accent); }
.rw-article h3 { font-size: 1.05em; margin: 1em 0 0.3em; }
.rw-article h4, .rw-article h5, .rw-article h6 { font-size: 1em; margin: 0.8em 0 0.2em; font-weight: 700; }
.rw-article p { margin: 0 0 0.8em; text-indent: 2em; }
.rw-article .rw-meta { text-indent: 0; text-align: center; color: var(--_muted); font-size: 0.9em; border-bottom: 1px solid var(--_border); padding-bottom: 8px; }
.rw-article .rw-signature p { text-align: end; text-indent: 0; margin: 0; }
.rw-article [data-node] { scroll-margin-top: 12px; }
/* Long replies: the browser skips layout and paint of sections far from the viewport. */
.rw-article section[data-node] { content-visibility: auto; contain-intrinsic-size: auto 30em; }
.rw-figs > li { content-visibility: auto; contain-intrinsic-size: auto 4.5em; }
.rw-tree > li { content-visibility: auto; contain-intrinsic-size: auto 2.2em; }
.rw [data-rw-hidden] { display: none !important; }
.rw mark[data-rw] { background: var(--_mark); color: #000; border-radius: 2px; padding: 0 1px; }
.rw [data-rw="figure"] { text-decoration: underline dotted var(--_accent); text-underline-offset: 0.2em; cursor: pointer; }
.rw mark[data-rw~="current"] { outline: 2px solid #000; }
.rw mark[data-rw~="selected"] { background: var(--_mark-sel); color: #000; outline: 2px solid #000; scroll-margin: 30vh; }
.rw mark[data-rw~="preview"] { background: transparent; outline: 2px dashed var(--_accent); }

/* the library: the archive's search */
.rw-results { list-style: none; margin: 0; padding: 0; }
.rw-result { padding: 10px 0; border-bottom: 1px solid var(--_border); }
.rw-result h3 { margin: 0 0 4px; font-size: 1.05em; }
.rw-result h3 a, .rw-result-figs a { color: var(--_accent); text-decoration: underline; }
.rw-result-meta { margin: 0 0 6px; color: var(--_muted); font-size: 0.9em; }
.rw-result-figs { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
.rw-result-figs .rw-val { font-size: 1.05em; font-weight: 700; }
.rw-result-figs .rw-ctx, .rw-result-figs .rw-sec { color: var(--_muted); font-size: 0.9em; }
.rw-lib-facets { display: grid; gap: 4px; margin: 0 0 8px; }
.rw-facet > summary { cursor: pointer; font-weight: 700; color: var(--_muted); min-height: var(--_target); display: flex; align-items: center; }
.rw-facet .rw-facets { margin: 0 0 4px; }
@media (pointer: coarse) { .rw-result h3 a, .rw-result-figs a { display: inline-block; min-height: 44px; min-width: 44px; padding: 10px 0; } }

/* phones first: the compact layout (summary + sheet), the bar, the card */
.rw-summary { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.rw-summary > .rw-open { font-weight: 700; color: var(--_accent); }
.rw-summary-find { flex: 1 1 10rem; min-width: 0; }
.rw-summary-find .rw-search { margin: 0; }
/* a phone's summary is narrow: ↑↓ wait for a query, so the empty box shows its whole hint */
.rw-summary-find .rw-search:has(input:placeholder-shown) button { display: none; }
.rw-search input:placeholder-shown::-webkit-search-cancel-button { display: none; }
.rw-summary-find:empty { display: none; }
.rw-summary-find .rw-status:empty { display: none; }
.rw.rw-sheet { position: fixed; inset: auto 0 0 0; margin: 0 auto; width: 100%; max-width: 40rem; max-height: 88vh; overflow: auto; border: 0; border-radius: 12px 12px 0 0; padding: 0 12px calc(12px + env(safe-area-inset-bottom)); box-shadow: 0 -4px 24px rgba(0, 0, 0, 0.25); }
.rw.rw-sheet:not([open]) { display: none !important; }
.rw-sheet::backdrop { background: rgba(0, 0, 0, 0.45); }
.rw-sheet-head { position: sticky; top: 0; z-index: 1; display: flex; justify-content: space-between; align-items: center; gap: 8px; background: var(--_bg); padding: 8px 0; margin-bottom: 8px; border-bottom: 2px solid var(--_accent); }
.rw-sheet-head .rw-part-title { border: 0; margin: 0; padding: 0; }
.rw-sheet-body .rw-outline > .rw-part-title, .rw-sheet-body .rw-panel > .rw-part-title { display: none; }
@media (min-width: 700px) { .rw.rw-sheet { inset: 0 0 0 auto; height: 100vh; max-height: 100vh; width: min(28rem, 100vw); max-width: none; border-radius: 0; } }
:host([data-reply-widget-bar]) { position: sticky; top: max(var(--rw-bar-top, 0px), env(safe-area-inset-top)); height: 0; z-index: 2147483000; }
.rw.rw-barbox { background: transparent; overflow: visible; }
.rw-bar { display: flex; gap: 6px; padding: 6px max(8px, env(safe-area-inset-right)) 6px max(8px, env(safe-area-inset-left)); background: var(--_bg); border-bottom: 1px solid var(--_border); box-shadow: 0 2px 8px rgba(0, 0, 0, 0.15); }
.rw-bar > button { flex: 1 1 0; display: inline-flex; align-items: center; justify-content: center; gap: 4px; }
.rw-card { position: fixed; left: 8px; right: 8px; bottom: calc(8px + env(safe-area-inset-bottom)); max-width: 30rem; margin: 0 auto; background: var(--_bg); border: 1px solid var(--_border); border-radius: 10px; box-shadow: 0 4px 24px rgba(0, 0, 0, 0.3); padding: 12px; }
.rw-card p { margin: 0 0 6px; }
.rw-card-value { font-size: 1.4em; font-weight: 700; color: var(--_accent); }
.rw-card-section { color: var(--_muted); font-size: 0.9em; }
@media (pointer: coarse) { .rw { --_target: 44px; } .rw-facets input { width: 1.4em; height: 1.4em; } }

@media (prefers-reduced-motion: reduce) { .rw * { transition: none !important; animation: none !important; scroll-behavior: auto !important; } }
@media (forced-colors: active) {
  .rw mark[data-rw] { background: Mark; color: MarkText; forced-color-adjust: none; }
  .rw-item[aria-current] > .rw-row { border-left-color: Highlight; }
  .rw button[aria-pressed="true"] { border: 2px solid Highlight; }
  .rw-bar-fill { fill: CanvasText; }
  .rw-bar-fill.rw-bar-target { fill: Canvas; stroke: CanvasText; }
  .rw-bar text { fill: CanvasText; }
}
@media print {
  .rw-search, .rw-status, .rw-tools, .rw-facets, .rw-skip { display: none !important; }
  .rw { color: #000; background: #fff; }
  .rw [data-rw] { background: none; outline: none; text-decoration: none; }
  .rw mark[data-rw~="selected"] { background: #ddd; outline: 1px solid #000; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .rw [data-rw-hidden] { display: revert !important; }
}
"#
);

/// Whether `name` (bytes `css[s..e]`) is one of `list`.
const fn listed(css: &[u8], s: usize, e: usize, list: &[&str]) -> bool {
    let mut k = 0;
    while k < list.len() {
        let w = list[k].as_bytes();
        if w.len() == e - s {
            let mut j = 0;
            while j < w.len() && w[j] == css[s + j] {
                j += 1;
            }
            if j == w.len() {
                return true;
            }
        }
        k += 1;
    }
    false
}

/// Whether every selector of the list `css[s..e]` names a class `rw-NAME` with NAME in `drop`
/// (such a rule can match nothing where those parts are never drawn).
const fn dropped(css: &[u8], s: usize, e: usize, drop: &[&str]) -> bool {
    let (mut i, mut hit) = (s, false);
    while i < e {
        if css[i] == b',' {
            if !hit {
                return false;
            }
            hit = false;
        } else if css[i] == b'.' && i + 3 < e && css[i + 1] == b'r' && css[i + 2] == b'w' && css[i + 3] == b'-' {
            let mut j = i + 4;
            while j < e && (css[j].is_ascii_lowercase() || css[j].is_ascii_digit() || css[j] == b'-') {
                j += 1;
            }
            hit = hit || listed(css, i + 4, j, drop);
            i = j;
            continue;
        }
        i += 1;
    }
    hit
}

/// A [`minify`]d stylesheet without the rules only for the parts `drop` names (by class,
/// `rw-` left out), and without an `@media` block left empty; written and measured as
/// [`minify`] does. At-rules nest one deep (a nested one stops the build).
const fn without<const N: usize>(css: &[u8], drop: &[&str]) -> ([u8; N], usize) {
    let mut out = [0u8; N];
    let (mut i, mut o) = (0, 0);
    // Where the open at-rule began in `out`, and whether a rule in it was kept.
    let (mut block, mut kept) = (usize::MAX, false);
    while i < css.len() {
        let s = i;
        let e = if css[i] == b'}' {
            // The open at-rule ends: kept with its closing brace, or rolled back if empty.
            if !kept {
                o = block;
                i += 1;
                block = usize::MAX;
                continue;
            }
            block = usize::MAX;
            i
        } else {
            while css[i] != b'{' {
                i += 1;
            }
            if css[s] == b'@' {
                assert!(block == usize::MAX, "a nested at-rule");
                (block, kept) = (o, false);
                i
            } else {
                let head = i;
                while css[i] != b'}' {
                    if css[i] == b'"' {
                        i += 1;
                        while css[i] != b'"' {
                            i += 1;
                        }
                    }
                    i += 1;
                }
                if dropped(css, s, head, drop) {
                    i += 1;
                    continue;
                }
                kept = true;
                i
            }
        };
        let mut k = s;
        while k <= e {
            if o < N {
                out[o] = css[k];
            }
            o += 1;
            k += 1;
        }
        i = e + 1;
    }
    (out, o)
}

/// The parts only a reply page draws (the outline, the panel, its cards, sheets and chart): the
/// archive's search (`reply-library`) never does, and adopts [`LIBRARY_CSS`], [`CSS`] without
/// their rules (README, "Size").
pub const PAGE_PARTS: &[&str] = &[
    "article",
    "bar",
    "bar-fill",
    "bar-hit",
    "bar-target",
    "barbox",
    "card",
    "card-section",
    "card-value",
    "chart",
    "chart-legend",
    "chart-table",
    "chart-title",
    "fig",
    "figs",
    "group",
    "group-head",
    "item",
    "key",
    "key-target",
    "num",
    "open",
    "outline",
    "panel",
    "range",
    "row",
    "sheet",
    "sheet-body",
    "sheet-head",
    "signature",
    "skip",
    "stance",
    "summary",
    "summary-find",
    "title",
    "tree",
    "twisty",
];

/// [`CSS`] for the archive's search: without the rules of [`PAGE_PARTS`] (5.0 instead of 9.6
/// KB, 1.0 KB gzip less in the library module).
pub const LIBRARY_CSS: &str = {
    const SOURCE: &[u8] = CSS.as_bytes();
    const LEN: usize = without::<0>(SOURCE, PAGE_PARTS).1;
    const BYTES: [u8; LEN] = without::<LEN>(SOURCE, PAGE_PARTS).0;
    match core::str::from_utf8(&BYTES) {
        Ok(s) => s,
        Err(_) => panic!("a stylesheet is not UTF-8"),
    }
};

/// What the widget adds to the page's own article (see the module docs). `!important` and
/// attribute selectors: a CMS's global stylesheet must not hide the marks. `%T%` is this page's
/// [`own_token`]: an element pasted from a live page (`<p data-rw-hidden>`, `<mark data-rw>`)
/// carries another page's token, or none, and is neither hidden nor styled as a mark.
pub const ARTICLE_CSS: &str = minified!(
    r#"
[data-rw-article] [data-rw-hidden="%T%"] { display: none !important; }
[data-rw-article] mark[data-rw][data-rw-own="%T%"] { background: var(--rw-mark, #ffe58a) !important; color: #000 !important; border-radius: 2px; padding: 0 1px; }
[data-rw-article] [data-rw="figure"][data-rw-own="%T%"] { text-decoration: underline dotted var(--rw-accent, #0b4f9c) !important; text-underline-offset: 0.2em; cursor: pointer; }
[data-rw-article] mark[data-rw~="current"][data-rw-own="%T%"] { outline: 2px solid #000 !important; }
[data-rw-article] mark[data-rw~="selected"][data-rw-own="%T%"] { background: var(--rw-mark-selected, #ffb000) !important; color: #000 !important; outline: 2px solid #000 !important; scroll-margin: 30vh; }
[data-rw-article] mark[data-rw~="preview"][data-rw-own="%T%"] { background: transparent !important; outline: 2px dashed var(--rw-accent, #0b4f9c) !important; }
[data-rw-article] [data-rw-node], [data-rw-article][data-rw-node] { scroll-margin-top: var(--rw-scroll-margin, 12px); }
[data-rw-article][data-rw-bar] [data-rw-node], [data-rw-article][data-rw-bar][data-rw-node] { scroll-margin-top: calc(var(--rw-bar-top, 0px) + 64px); }
[data-reply-widget-page] { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 12px; }
[data-reply-widget-page] > * { flex: 1 1 16rem; min-width: 0; }
[data-rw-article][data-rw-elder] :is(p, li, td, th, dd, dt, div, span, font, a, b, strong, em, i, u, center, blockquote) { font-size: max(var(--rw-elder-font-size, 20px), 1em) !important; line-height: 1.75 !important; }
[data-rw-article][data-rw-contrast], [data-rw-article][data-rw-contrast] * { color: #000 !important; background-color: #fff !important; border-color: #000 !important; }
[data-rw-article][data-rw-contrast] a { color: #003a8c !important; text-decoration: underline !important; }
@media (forced-colors: active) {
  [data-rw-article] mark[data-rw][data-rw-own="%T%"] { background: Mark !important; color: MarkText !important; forced-color-adjust: none; }
}
@media print {
  [data-rw-article] [data-rw-hidden="%T%"] { display: revert !important; }
  [data-rw-article] [data-rw][data-rw-own="%T%"] { background: none !important; outline: none !important; text-decoration: none !important; }
  [data-rw-article] mark[data-rw~="selected"][data-rw-own="%T%"] { background: #ddd !important; outline: 1px solid #000 !important; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"#
);

thread_local! {
    /// This page's token (see [`own_token`]).
    static TOKEN: String = {
        // Not a secret against the page's scripts (they can read the DOM), only unique to this
        // page load: markup saved from another page load never carries it.
        let word = |x: f64| (x * 4_294_967_296.0) as u32;
        let (a, b) = (word(js_sys::Math::random()), word(js_sys::Math::random()));
        let mut t = String::with_capacity(18);
        t.push_str("rw");
        for w in [a, b] {
            for k in (0..8).rev() {
                t.push(char::from_digit((w >> (4 * k)) & 0xf, 16).unwrap_or('0'));
            }
        }
        t
    };
}

/// A token unique to this page load, the value of what the widget adds to the page's own
/// article (`data-rw-hidden`, `data-rw-own` on its marks): the article's stylesheet and the
/// widget's own queries match it, so elements a CMS pasted from a live page are the page's.
pub fn own_token() -> String {
    TOKEN.with(String::clone)
}

fn sheet(css: &str) -> Result<CssStyleSheet, JsValue> {
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(css)?;
    Ok(sheet)
}

fn adopted(target: &JsValue) -> js_sys::Array {
    js_sys::Reflect::get(target, &JsValue::from_str("adoptedStyleSheets"))
        .ok()
        .filter(js_sys::Array::is_array)
        .map_or_else(js_sys::Array::new, |v| js_sys::Array::from(&v))
}

/// Whether this browser has what the styles need: constructable stylesheets adopted by shadow
/// roots and documents (Chrome 73, Firefox 101, Safari 16.4). Checked before any host is
/// touched, so that an older browser keeps the page as it was.
pub fn supported() -> bool {
    let has = |obj: &JsValue, key: &str| js_sys::Reflect::has(obj, &JsValue::from_str(key)).unwrap_or(false);
    let global = js_sys::global();
    let ctor = js_sys::Reflect::get(&global, &JsValue::from_str("CSSStyleSheet")).unwrap_or(JsValue::UNDEFINED);
    let shadow = js_sys::Reflect::get(&global, &JsValue::from_str("ShadowRoot")).unwrap_or(JsValue::UNDEFINED);
    let proto = |c: &JsValue| js_sys::Reflect::get(c, &JsValue::from_str("prototype")).unwrap_or(JsValue::UNDEFINED);
    ctor.is_function()
        && has(&proto(&ctor), "replaceSync")
        && shadow.is_function()
        && has(&proto(&shadow), "adoptedStyleSheets")
        && sheet("").is_ok()
}

thread_local! {
    /// The parts' stylesheet, parsed once and adopted by every shadow root (a constructable
    /// sheet can be shared): on a slow phone each parse of it costs a few milliseconds. With the
    /// address of its text: a module adopts one ([`CSS`], or the library's [`LIBRARY_CSS`]).
    static PART_SHEET: std::cell::RefCell<Option<(usize, CssStyleSheet)>> = const { std::cell::RefCell::new(None) };
}

/// The open shadow root of a host: reused when a previous mount made one (a shadow root
/// cannot be detached), attached otherwise. Its old content is cleared and the styles adopted.
pub fn shadow(host: &Element) -> Result<ShadowRoot, JsValue> {
    shadow_with(host, CSS)
}

/// [`shadow`] with the stylesheet `css` (the library's [`LIBRARY_CSS`]).
pub fn shadow_with(host: &Element, css: &'static str) -> Result<ShadowRoot, JsValue> {
    let root = match host.shadow_root() {
        Some(r) => r,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    root.set_text_content(None);
    adopt_with(&root, css)?;
    Ok(root)
}

/// Adopts the parts' stylesheet into a shadow root, keeping any sheets already there from a
/// previous mount out (the root is reused, its sheets replaced).
pub fn adopt(root: &ShadowRoot) -> Result<(), JsValue> {
    adopt_with(root, CSS)
}

fn adopt_with(root: &ShadowRoot, css: &'static str) -> Result<(), JsValue> {
    let key = css.as_ptr() as usize;
    let shared = PART_SHEET.with(|s| s.borrow().as_ref().filter(|(k, _)| *k == key).map(|(_, made)| made.clone()));
    let made = match shared {
        Some(made) => made,
        None => {
            let made = sheet(css)?;
            PART_SHEET.with(|s| *s.borrow_mut() = Some((key, made.clone())));
            made
        }
    };
    let sheets = js_sys::Array::of1(&made.into());
    js_sys::Reflect::set(root, &JsValue::from_str("adoptedStyleSheets"), &sheets)?;
    Ok(())
}

thread_local! {
    /// The document's sheet for enhanced articles, and how many mounts use it.
    static DOCUMENT_SHEET: std::cell::RefCell<Option<(CssStyleSheet, usize)>> = const { std::cell::RefCell::new(None) };
}

/// Adds [`ARTICLE_CSS`] to the document (once, however many widgets enhance an article).
pub fn adopt_document(doc: &web_sys::Document) -> Result<(), JsValue> {
    let added = DOCUMENT_SHEET.with(|s| -> Result<Option<CssStyleSheet>, JsValue> {
        let mut s = s.borrow_mut();
        if let Some((_, n)) = s.as_mut() {
            *n += 1;
            return Ok(None);
        }
        let made = sheet(&ARTICLE_CSS.replace("%T%", &own_token()))?;
        *s = Some((made.clone(), 1));
        Ok(Some(made))
    })?;
    if let Some(made) = added {
        let list = adopted(doc);
        list.push(&made);
        js_sys::Reflect::set(doc, &JsValue::from_str("adoptedStyleSheets"), &list)?;
    }
    Ok(())
}

/// Takes [`ARTICLE_CSS`] out of the document when the last widget using it is gone, leaving the
/// page's own adopted sheets as they are.
pub fn release_document(doc: &web_sys::Document) {
    let gone = DOCUMENT_SHEET.with(|s| {
        let mut s = s.borrow_mut();
        match s.as_mut() {
            Some((_, n)) if *n > 1 => {
                *n -= 1;
                None
            }
            Some(_) => s.take().map(|(sheet, _)| sheet),
            None => None,
        }
    });
    if let Some(sheet) = gone {
        let list = adopted(doc);
        let kept = js_sys::Array::new();
        for v in list.iter() {
            if !js_sys::Object::is(&v, &sheet) {
                kept.push(&v);
            }
        }
        let _ = js_sys::Reflect::set(doc, &JsValue::from_str("adoptedStyleSheets"), &kept);
    }
}

#[cfg(test)]
mod tests;
