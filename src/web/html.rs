//! Markup for a whole part, written as one escaped string and parsed by the browser in one call.
//!
//! Why: a long reply has tens of thousands of nodes. Building them one `createElement` /
//! `setAttribute` at a time costs a JS↔wasm round trip per call (most of the mount time) and a
//! call site of glue per attribute (much of the wasm). The browser's HTML parser builds the same
//! tree far faster. Safety rests on one rule: every text and attribute value goes through
//! [`Html::text`] / the attribute writer, which escape `& < > "`; tags, attribute names and the
//! fixed markup of [`Html::markup`] are only ever string literals of this crate. Reply text
//! therefore can never become markup.

use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(inline_js = r#"
// undefined: not decided yet; null: plain strings; otherwise the Trusted Types policy.
let policy;
// Why markup cannot be written: "" (it can), "refused" or "unusable".
let refused = "";
// Pages enforcing Trusted Types (require-trusted-types-for 'script') need a policy, allowed by
// name: trusted-types reply-widget. A page allows one policy per name, and a column page may
// hold both modules (the archive search and the reply's parts), each with its own copy of this
// snippet: the first creates the policy and leaves it here, under a well-known symbol, in a
// property that is not enumerable, not writable and not configurable; the second takes it.
const SHARED = Symbol.for("reply-widget.trusted-types-policy");
// The markup comes only from the widget's escaping writer (text and attribute values escaped,
// tags and attribute names literals of the crate), which never writes these: the policy refuses
// them, so a page script that reaches the shared policy gains nothing a plain string would not.
const NEVER = /<(?:script|iframe|frame|object|embed|base|meta|link|style|template)[\s/>]|\son[a-z]+\s*="|="\s*(?:javascript|vbscript):/i;
function pass(s) {
  if (NEVER.test(s)) throw new TypeError("reply-widget: its Trusted Types policy passes only the widget's own markup");
  return s;
}
// A real policy of this name: it makes TrustedHTML (a polyfill or a stand-in returning
// something else is no policy).
function usable(p, tt) {
  try {
    if (!p || p.name !== "reply-widget" || typeof p.createHTML !== "function") return false;
    const h = p.createHTML("");
    return typeof tt.isHTML === "function" ? tt.isHTML(h) : h !== undefined;
  } catch (e) {
    return false;
  }
}
function decide() {
  if (policy !== undefined) return;
  policy = null;
  const tt = globalThis.trustedTypes;
  let made = null;
  if (tt && tt.createPolicy) {
    const shared = globalThis[SHARED];
    if (shared !== undefined && usable(shared, tt)) { policy = shared; return; }
    try { made = tt.createPolicy("reply-widget", { createHTML: pass }); } catch (e) {}
    if (made && usable(made, tt)) {
      policy = made;
      try { Object.defineProperty(globalThis, SHARED, { value: made }); } catch (e) {}
      return;
    }
  }
  // No usable policy: strings still work unless the page also enforces the types.
  try { document.createElement("template").innerHTML = ""; } catch (e) { refused = made ? "unusable" : "refused"; }
}
export function html_refused() { decide(); return refused; }
export function insert_html(el, where, html) {
  decide();
  el.insertAdjacentHTML(where, policy ? policy.createHTML(html) : html);
}
"#)]
extern "C" {
    fn html_refused() -> String;
    #[wasm_bindgen(catch)]
    fn insert_html(el: &Element, place: &str, html: &str) -> Result<(), JsValue>;
}

/// Why markup cannot be written on this page: a page that enforces Trusted Types and refused
/// the widget's policy, or whose `createPolicy` gives no policy that can make HTML. The message
/// says what the webmaster can do.
pub fn refusal() -> Option<&'static str> {
    match html_refused().as_str() {
        "" => None,
        "unusable" => Some(
            "reply-widget: this page enforces Trusted Types, and its trustedTypes.createPolicy (a polyfill or a \
             script replacing it) gives no policy that can make HTML; the page's own text is shown instead",
        ),
        _ => Some(
            "reply-widget: this page enforces Trusted Types and refused the policy \"reply-widget\": add \
             \"trusted-types reply-widget\" to its Content-Security-Policy. If the directive names it already, \
             another script of the page created a policy of that name first: let the widget have the name, or \
             add 'allow-duplicates' to the directive",
        ),
    }
}

/// False on a page that enforces Trusted Types without allowing the widget's policy.
pub fn html_allowed() -> bool {
    refusal().is_none()
}

/// An HTML fragment under construction.
#[derive(Default)]
pub struct Html(String);

fn escape(out: &mut String, s: &str) {
    // A byte scan: the four ASCII bytes never occur inside a multi-byte UTF-8 sequence, so the
    // slices below always fall on char boundaries.
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&s[start..]);
}

impl Html {
    pub fn new() -> Html {
        Html(String::new())
    }

    /// `<tag class=".." k="v" ..>`. An empty class is left out; a boolean attribute (`hidden`,
    /// `checked`) is given with an empty value.
    pub fn open(&mut self, tag: &str, class: &str, attrs: &[(&str, &str)]) -> &mut Html {
        self.0.push('<');
        self.0.push_str(tag);
        if !class.is_empty() {
            self.attr("class", class);
        }
        for (k, v) in attrs {
            self.attr(k, v);
        }
        self.0.push('>');
        self
    }

    fn attr(&mut self, name: &str, value: &str) {
        self.0.push(' ');
        self.0.push_str(name);
        self.0.push_str("=\"");
        escape(&mut self.0, value);
        self.0.push('"');
    }

    /// Markup written out in this crate's source: a literal, never text from a reply.
    pub fn markup(&mut self, markup: &'static str) -> &mut Html {
        self.0.push_str(markup);
        self
    }

    pub fn text(&mut self, text: &str) -> &mut Html {
        escape(&mut self.0, text);
        self
    }

    pub fn close(&mut self, tag: &str) -> &mut Html {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// An element holding only text.
    pub fn leaf(&mut self, tag: &str, class: &str, attrs: &[(&str, &str)], text: &str) -> &mut Html {
        self.open(tag, class, attrs).text(text).close(tag)
    }

    #[cfg(test)]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The markup as a string, to hand over to the other module of a reply page (the extras
    /// module writes the chart; the page module inserts it with [`Html::written`]).
    pub fn into_string(self) -> String {
        self.0
    }

    /// Markup this writer made in the other module of a reply page, handed over as a string
    /// (see [`Html::into_string`]): the same rule holds, reply text in it is escaped.
    pub fn written(markup: String) -> Html {
        Html(markup)
    }

    /// Parses the fragment and appends it to `parent`.
    pub fn append_to(&self, parent: &Element) -> Result<(), JsValue> {
        insert_html(parent, "beforeend", &self.0)
    }

    /// Parses the fragment and inserts it just before `sibling`.
    pub fn insert_before(&self, sibling: &Element) -> Result<(), JsValue> {
        insert_html(sibling, "beforebegin", &self.0)
    }
}

/// A URL fit for a link: relative, or http(s) — never `javascript:` from a tampered index.
pub fn safe_url(url: &str) -> Option<&str> {
    let lower = url.trim_start().to_ascii_lowercase();
    let scheme = lower.split_once(':').map(|(s, _)| s).filter(|s| !s.contains(['/', '?', '#']));
    match scheme {
        None | Some("http") | Some("https") => Some(url),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut h = Html::new();
        h.leaf("p", "a", &[("title", "\"><img src=x onerror=alert(1)>")], "<script>&amp;</script>");
        assert_eq!(
            h.as_str(),
            "<p class=\"a\" title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">&lt;script&gt;&amp;amp;&lt;/script&gt;</p>"
        );
    }

    #[test]
    fn chinese_and_empty_class_pass_through() {
        let mut h = Html::new();
        h.open("li", "", &[("data-node", "3")]).text("科技金融 ＞ 100亿元").close("li");
        assert_eq!(h.as_str(), "<li data-node=\"3\">科技金融 ＞ 100亿元</li>");
    }
}
