// reply-widget embed: one script tag for every reply page of a site.
//   <script type="module" async src="/reply-widget/embed.js"></script>   (in <head>: fastest)
// Where the page marks the widget's places (data-reply-widget="outline" | "figures" | "article"
// | "library"), it mounts there: the article's own content is the reply, read and enhanced in
// place. Where the page marks nothing, it finds the article itself — the selector in
// data-article on this script tag, else the body containers of the common government CMSs, else
// the block with the page's running text (found by the WebAssembly as the command line finds it;
// one console line names it) — and puts a compact outline-and-figures bar before it. An article the CMS fills only after this
// script ran is waited for. Where WebAssembly is missing, the module cannot load or nothing is
// found, the page stays exactly as it was and one console line says why.
// When done it dispatches `reply-widget:ready` on the document: detail { widget } or { error }.
const me = [...document.scripts].find((s) => s.src === import.meta.url);
const articleSelector = me && me.getAttribute("data-article");
const warn = (why) => console.warn("reply-widget: " + why);
// How a console line names an element, as a selector: div#content.detil-new-cont
const named = (el) => el.localName + (el.id ? "#" + el.id : "") + [...el.classList].map((c) => "." + c).join("");
// User Timing marks (DevTools' performance panel, the phone benchmark): start, glue loaded,
// WebAssembly compiled, mounted.
const mark = (name) => performance.mark && performance.mark("reply-widget:" + name);

// Loaded `async` in the page's <head> (the fastest way on a phone), this runs while the page is
// still being parsed: the WebAssembly and the JS glue are fetched at once, side by side, and
// the article is looked for once the page is parsed. Loaded at the end (a plain module script),
// the page is parsed already: a page without an article loads nothing.
let loading = null;
function load() {
  if (!loading) {
    mark("start");
    loading = loadModule(url("reply_widget.js"), url("reply_widget_bg.wasm"), mark);
    loading.catch(() => {});
  }
  return loading;
}

// The WebAssembly is most of what a reply page downloads. A server that compresses nothing would
// send it as it is (247 KB); pkg/ also holds the copy gzipped at build time (109 KB), fetched
// instead where the browser can unzip a stream (DecompressionStream: Chrome 80, Firefox 113,
// Safari 16.4) and compiled while it arrives. A server that compresses sends either in about the
// same bytes. The plain file is fetched where the browser cannot unzip, the copy is missing, or
// it does not compile. A server that labels .gz files `Content-Encoding: gzip` (Apache's
// AddEncoding) has the browser unzip them already: the response says so (same origin; from
// another origin that hides the header, the unzipping fails and the plain file is fetched).
const url = (name) => new URL(name, import.meta.url);
async function fetchWasm(wasm) {
  if (typeof DecompressionStream !== "function") return fetch(wasm);
  let zipped = null;
  try {
    zipped = await fetch(wasm + ".gz");
  } catch (e) {
    // reported by the plain file's fetch, if that fails too
  }
  if (!zipped || !zipped.ok || !zipped.body) return fetch(wasm);
  // Piped straight into the browser's unzipping and the streaming compiler, no JS per chunk.
  const unzipped = /gzip/i.test(zipped.headers.get("Content-Encoding") || "");
  const stream = new Response(unzipped ? zipped.body : zipped.body.pipeThrough(new DecompressionStream("gzip")), {
    headers: { "Content-Type": "application/wasm" },
  });
  stream.zipped = true;
  return stream;
}
/** Loads a module of the widget: its glue (URL `glue`) and, beside it, its wasm (URL `wasm`,
 *  as `fetchWasm` fetches it); resolves to the glue's module once initialised. The plain file
 *  is fetched once more if the gzipped copy does not compile (damaged, or not what it says:
 *  nothing was instantiated). The page module's second part (pkg/extras/) is not waited for
 *  (`extras: "later"`): the widget loads it itself once the browser is idle after the first
 *  paint, with this same function (below). */
function loadModule(glue, wasm, marked = () => {}) {
  const bytes = fetchWasm(wasm);
  bytes.catch(() => {}); // a failure is reported once, by the initialisation
  return import(glue).then(async (module) => {
    marked("module");
    try {
      await module.default({ module_or_path: bytes, extras: "later" });
    } catch (e) {
      if (!(await bytes.catch(() => ({}))).zipped) throw e;
      await module.default({ module_or_path: fetch(wasm), extras: "later" });
    }
    marked("compiled");
    return module;
  });
}
// The one loader of the reply page's modules: the page module's glue (src/widget/extras.rs)
// loads the extras module with it, gzipped as above, where the embed script started the widget.
try {
  Object.defineProperty(globalThis, Symbol.for("reply-widget.load"), { value: loadModule });
} catch (e) {
  // defined already (a second copy of this script): that one serves
}
const hasWasm = typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function";
// (A column page marks its library on the server, so the widget's module is not needed there:
// it is fetched early only where no library part is in the HTML parsed so far.)
if (document.readyState === "loading" && hasWasm && !document.querySelector("[data-reply-widget=library]")) load();
const parsed = document.readyState === "loading"
  ? new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }))
  : Promise.resolve();

// Where the article is on a page that does not say: the same list as ARTICLE_SELECTORS in
// src/core/page.rs (a test checks they agree), tried here so that a page without an article does
// not load the WebAssembly at all.
const CONTAINERS = ["[data-reply-widget=article]", ".TRS_Editor", ".TRS_UEDITOR", ".trs_editor_view", "#UCAP-CONTENT", "#zoom", "#zoomcon", "#fontzoom", ".j-fontContent", ".Custom_UnionStyle", ".pages_content", ".article-content", ".detail-content", "#NewsContent", ".xl_content", "article"];

const done = (detail) => {
  if (detail.widget) mark("mounted");
  document.dispatchEvent(new CustomEvent("reply-widget:ready", { detail }));
  return detail.widget || null;
};

/** Resolves when `el` holds some text (at once if it does), or after `ms` without. */
function text(el, ms) {
  if (el.textContent.trim()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const seen = new MutationObserver(() => {
      if (el.textContent.trim()) {
        seen.disconnect();
        clearTimeout(timer);
        resolve(true);
      }
    });
    seen.observe(el, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(() => { seen.disconnect(); resolve(false); }, ms);
  });
}

function findArticle() {
  if (articleSelector) {
    try {
      return document.querySelector(articleSelector);
    } catch (e) {
      return null;
    }
  }
  for (const s of CONTAINERS) {
    const el = document.querySelector(s);
    if (el) return el;
  }
  return null;
}

/** The archive search's handle, on a page that also has a reply's parts (the event's detail
 *  carries the reply widget's). */
let library = null;

let libraryLoad = null;
function loadLibrary() {
  if (!libraryLoad) libraryLoad = loadModule(url("library/reply_library.js"), url("library/reply_library_bg.wasm"));
  return libraryLoad;
}

// data-index: a figure's card lists its indicator in other replies (docs/contract.md), from
// the library's second module (pkg/library/extras/: the lookup without the search), loaded
// once per page (the library module's own loader shares it under the same symbol).
const INDICATORS = Symbol.for("reply-widget.indicators");
function loadIndicators() {
  let p = globalThis[INDICATORS];
  if (!p) {
    p = globalThis[INDICATORS] = loadModule(url("library/extras/reply_indicators.js"), url("library/extras/reply_indicators_bg.wasm"));
    p.catch(() => { if (globalThis[INDICATORS] === p) globalThis[INDICATORS] = undefined; });
  }
  return p;
}
function cardLookup(parts) {
  const el = [me, parts.outline, parts.figures, parts.article].find((e) => e && e.getAttribute("data-index"));
  const index = el && new URL(el.getAttribute("data-index"), location.href).href;
  return index && ((element) => loadIndicators().then((m) => m.indicatorValues({ element, index }))
    .catch(() => { element.textContent = "同一指标在其他答复中的数值暂无法载入。"; }));
}

async function start() {
  await parsed;
  const parts = {};
  for (const el of document.querySelectorAll("[data-reply-widget]")) {
    parts[el.getAttribute("data-reply-widget")] = el;
  }
  const marked = parts.outline || parts.figures || parts.article || parts.library;
  let article = marked ? null : findArticle();
  // None of the known containers: the block with the page's running text, found by the
  // WebAssembly (reply_core's page::find), as the command line finds it. A page with no sentence
  // at all (a column's index) does not load it.
  if (!marked && !article && !articleSelector && hasWasm && /[。！？]/.test(document.body ? document.body.textContent : "")) {
    try {
      article = (await load()).findArticle() || null;
    } catch (e) {
      warn("could not start (" + (e && e.message ? e.message : e) + "); the page's own text is shown instead.");
      return done({ error: String(e && e.message ? e.message : e) });
    }
    if (article) {
      console.info(`reply-widget: no known article container on this page; reading ${named(article)}, the block with the page's running text. To read another element, give its selector on the script tag: data-article="#the-article" (data-article="${named(article)}" keeps this one).`);
    }
  }
  if (!marked && !article) {
    warn(articleSelector
      ? `data-article="${articleSelector}" matches no element; the page is left as it is.`
      : 'no article found on this page; mark it with data-reply-widget="article", or give its selector in data-article on the script tag.');
    return done({ error: "no article" });
  }
  if (!hasWasm) {
    warn("this browser has no WebAssembly; the page's own text is shown instead.");
    return done({ error: "no WebAssembly" });
  }
  try {
    if (parts.library) {
      const lib = await loadLibrary();
      // Kept here: a handle nothing refers to is collected, and its search with it.
      library = lib.mountLibrary({ element: parts.library, index: parts.library.getAttribute("data-index") || "" });
      if (!parts.outline && !parts.figures && !parts.article) return done({ widget: library });
    }
    const widget = await load();
    if (parts.outline || parts.figures || parts.article) {
      if (parts.article && !(await text(parts.article, 10000))) {
        warn("the article holds no text (waited 10 s); the page is left as it is.");
        return done({ error: "empty article" });
      }
      return done({ widget: widget.mount({ outline: parts.outline, figures: parts.figures, article: parts.article, onCard: cardLookup(parts) }), library });
    }
    if (!(await text(article, 10000))) {
      warn("the article holds no text (waited 10 s); the page is left as it is.");
      return done({ error: "empty article" });
    }
    return done({ widget: widget.mountPage({ article, onCard: cardLookup(parts) }) });
  } catch (e) {
    warn("could not start (" + (e && e.message ? e.message : e) + "); the page's own text is shown instead.");
    return done({ error: String(e && e.message ? e.message : e) });
  }
}

export const ready = start();
