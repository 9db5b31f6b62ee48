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
let refused = false;
function decide() {
  if (policy !== undefined) return;
  policy = null;
  const tt = globalThis.trustedTypes;
  // Pages enforcing Trusted Types (require-trusted-types-for 'script') need a policy. The markup
  // comes only from the widget's escaping writer, so the policy passes it through; the page
  // allows it by name: trusted-types reply-widget. A policy that cannot make HTML (a polyfill
  // returning something else) is no policy.
  if (tt && tt.createPolicy) {
    try {
      const p = tt.createPolicy("reply-widget", { createHTML: (s) => s });
      if (p && typeof p.createHTML === "function") { p.createHTML(""); policy = p; return; }
    } catch (e) {}
  }
  // No usable policy: strings still work unless the page also enforces the types.
  try { document.createElement("template").innerHTML = ""; } catch (e) { refused = true; }
}
export function html_allowed() { decide(); return !refused; }
export function insert_html(el, where, html) {
  decide();
  el.insertAdjacentHTML(where, policy ? policy.createHTML(html) : html);
}
"#)]
extern "C" {
    /// False on a page that enforces Trusted Types without allowing the widget's policy.
    pub fn html_allowed() -> bool;
    #[wasm_bindgen(catch)]
    fn insert_html(el: &Element, place: &str, html: &str) -> Result<(), JsValue>;
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

    /// Parses the fragment and appends it to `parent`.
    pub fn append_to(&self, parent: &Element) -> Result<(), JsValue> {
        insert_html(parent, "beforeend", &self.0)
    }

    /// Parses the fragment and inserts it just before `sibling`.
    pub fn insert_before(&self, sibling: &Element) -> Result<(), JsValue> {
        insert_html(sibling, "beforebegin", &self.0)
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
