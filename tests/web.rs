//! Browser tests (wasm-bindgen-test in headless Chromium): each part mounted, filtered,
//! selected, driven by keyboard and destroyed, through the same exports the page uses.
#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Reflect};
use reply_widget::{bundled_reply_js, mount, parse_reply, render_figure_panel, render_outline, Widget};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, KeyboardEvent, KeyboardEventInit, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("document")
}

/// A fresh host element in the page.
fn host(id: &str, tag: &str) -> Element {
    let d = doc();
    if let Some(old) = d.get_element_by_id(id) {
        old.remove();
    }
    let e = d.create_element(tag).expect("element");
    e.set_id(id);
    d.body().expect("body").append_child(&e).expect("append");
    e
}

fn root(e: &Element) -> ShadowRoot {
    e.shadow_root().expect("the part renders into an open shadow root")
}

fn count(r: &ShadowRoot, selector: &str) -> u32 {
    r.query_selector_all(selector).expect("selector").length()
}

fn visible_count(r: &ShadowRoot, selector: &str) -> usize {
    let list = r.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()))
        .filter(|e| e.offset_parent().is_some())
        .count()
}

fn opts(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).expect("set");
    }
    Reflect::set(&o, &JsValue::from_str("hash"), &JsValue::FALSE).expect("set");
    o.into()
}

/// The bundled reply as `bundledReply()` gives it once the extras module is loaded (its text
/// lives there; these tests run the page module alone).
fn bundled() -> JsValue {
    parse_reply(JsValue::from_str(reply_core::BUNDLED_TEXT)).unwrap_or_else(|_| panic!("bundled reply"))
}

/// All three parts, the bundled reply given (drawn in the article's shadow root).
fn full_mount() -> (Widget, Element, Element, Element) {
    let (o, f, a) = (host("t-outline", "div"), host("t-figures", "div"), host("t-article", "article"));
    let w = mount(opts(&[
        ("outline", o.clone().into()),
        ("figures", f.clone().into()),
        ("article", a.clone().into()),
        ("reply", bundled()),
    ]))
    .unwrap_or_else(|_| panic!("mount"));
    (w, o, f, a)
}

fn key(target: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    let e = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    target.dispatch_event(&e).expect("dispatch");
}

fn focused(r: &ShadowRoot) -> Option<Element> {
    r.active_element()
}

#[wasm_bindgen_test]
fn outline_has_every_node_with_roles() {
    let (mut w, o, _, _) = full_mount();
    let r = root(&o);
    assert_eq!(count(&r, "[role=tree]"), 1);
    assert_eq!(count(&r, "[role=treeitem]"), 18);
    assert_eq!(count(&r, "[role=treeitem][aria-level='2']"), 12);
    assert_eq!(count(&r, "[role=treeitem][aria-expanded]"), 4);
    let tree = r.query_selector("[role=tree]").ok().flatten().expect("tree");
    assert!(tree.has_attribute("aria-labelledby"), "the tree has an accessible name");
    assert_eq!(count(&r, "[role=searchbox]"), 1);
    assert_eq!(count(&r, "[role=status]"), 1);
    w.destroy();
}

#[wasm_bindgen_test]
fn figure_panel_lists_all_48() {
    let (mut w, _, f, _) = full_mount();
    let r = root(&f);
    assert_eq!(count(&r, "[role=list]"), 5);
    // 时间 starts collapsed: its 10 items are rendered when it is opened.
    assert_eq!(visible_count(&r, "[role=listitem]"), 38);
    let b = r.query_selector("button[data-fig='12']").ok().flatten().expect("361亿元 button");
    // Named by its content: value first, then context, then section.
    assert_eq!(b.text_content().as_deref(), Some("361亿元，武汉基金累计出资规模，二(一)"));
    let time = r.query_selector("[data-action=toggle-group][aria-expanded=false]").ok().flatten().expect("时间 head");
    assert_eq!(time.text_content().as_deref(), Some("时间10"));
    time.unchecked_ref::<web_sys::HtmlElement>().click();
    assert_eq!(count(&r, "[role=listitem]"), 48);
    assert_eq!(visible_count(&r, "[role=listitem]"), 48);
    // No group of the bundled reply is long enough to need 显示更多.
    assert_eq!(visible_count(&r, "[data-action=more]"), 0);
    w.destroy();
}

#[wasm_bindgen_test]
fn filter_narrows_all_parts_and_marks_text() {
    let (mut w, o, f, a) = full_mount();
    w.filter(JsValue::from_str("母子基金")).unwrap_or_else(|_| panic!("filter"));
    let (ro, rf, ra) = (root(&o), root(&f), root(&a));
    assert_eq!(visible_count(&ro, "[role=treeitem]"), 2, "二 and 二(一)");
    assert_eq!(count(&ra, "mark"), 1);
    assert_eq!(ra.query_selector("mark").ok().flatten().and_then(|m| m.text_content()).as_deref(), Some("母子基金"));
    assert_eq!(visible_count(&rf, "[role=listitem]"), 1);
    let status = ro.query_selector("[role=status]").ok().flatten().and_then(|s| s.text_content());
    assert_eq!(status.as_deref(), Some("1 个章节、1 项数据"));
    w.filter(JsValue::from_str(">=100亿元")).unwrap_or_else(|_| panic!("filter"));
    assert_eq!(w.visible_figures().unwrap_or_default(), ["f13", "f15", "f20", "f22"]);
    assert_eq!(count(&ra, "mark"), 4);
    w.filter(JsValue::from_str("")).unwrap_or_else(|_| panic!("filter"));
    assert_eq!(count(&ra, "mark"), 0);
    assert_eq!(visible_count(&ro, "[role=treeitem]"), 18);
    w.destroy();
}

#[wasm_bindgen_test]
fn select_marks_the_figure_and_reveals_its_section() {
    let (mut w, o, f, a) = full_mount();
    w.select(JsValue::from_str("f13")).unwrap_or_else(|_| panic!("select"));
    let ra = root(&a);
    let m = ra.query_selector("mark[data-rw~=selected]").ok().flatten().expect("selected figure is a <mark>");
    assert_eq!(m.text_content().as_deref(), Some("361亿元"));
    let current = root(&o).query_selector("[aria-current]").ok().flatten().expect("current section");
    assert_eq!(current.get_attribute("data-node").as_deref(), Some("6"));
    assert!(root(&f).query_selector("[data-fig='12'][aria-current]").ok().flatten().is_some());
    assert!(w.select(JsValue::from_str("nope")).is_err());
    w.destroy();
}

#[wasm_bindgen_test]
fn keyboard_walks_the_tree() {
    let (mut w, o, _, _) = full_mount();
    let r = root(&o);
    let first = r.query_selector("[role=treeitem]").ok().flatten().expect("first item");
    first.dyn_ref::<web_sys::HtmlElement>().expect("html").focus().expect("focus");
    key(&first, "ArrowDown");
    let now = focused(&r).expect("focus moved");
    assert_eq!(now.get_attribute("data-node").as_deref(), Some("1"));
    key(&now, "ArrowLeft");
    assert_eq!(now.get_attribute("aria-expanded").as_deref(), Some("false"), "← collapses");
    key(&now, "ArrowDown");
    assert_eq!(
        focused(&r).and_then(|e| e.get_attribute("data-node")).as_deref(),
        Some("5"),
        "collapsed children are skipped"
    );
    key(&focused(&r).expect("focus"), "End");
    assert_eq!(focused(&r).and_then(|e| e.get_attribute("data-node")).as_deref(), Some("17"));
    key(&focused(&r).expect("focus"), "Home");
    assert_eq!(focused(&r).and_then(|e| e.get_attribute("data-node")).as_deref(), Some("0"));
    assert_eq!(count(&r, "[role=treeitem][tabindex='0']"), 1, "one tab stop");
    // Type-ahead: a typed character moves to the next node whose number or title starts with it.
    key(&focused(&r).expect("focus"), "二");
    assert_eq!(focused(&r).and_then(|e| e.get_attribute("data-node")).as_deref(), Some("5"), "二、科技金融赋能");
    key(&focused(&r).expect("focus"), "Enter");
    assert_eq!(
        r.query_selector("[aria-current]").ok().flatten().and_then(|e| e.get_attribute("data-node")).as_deref(),
        Some("5")
    );
    w.destroy();
}

#[wasm_bindgen_test]
fn destroy_restores_hosts_and_allows_remount() {
    let (mut w, o, _, a) = full_mount();
    a.set_text_content(Some("静态正文"));
    w.destroy();
    assert_eq!(count(&root(&o), "[role=tree]"), 0);
    assert_eq!(count(&root(&a), "slot"), 1, "the host's static content shows again");
    assert!(w.filter(JsValue::from_str("x")).is_err(), "a destroyed widget says so");
    let mut again =
        mount(opts(&[("outline", o.clone().into()), ("reply", bundled())])).unwrap_or_else(|_| panic!("remount"));
    assert_eq!(count(&root(&o), "[role=treeitem]"), 18);
    again.destroy();
}

#[wasm_bindgen_test]
fn single_parts_and_parsed_replies() {
    let o = host("t-solo-outline", "div");
    let reply = parse_reply(JsValue::from_str("标题\n一、第一部分\n投入5亿元。\n二、第二部分\n正文。"))
        .unwrap_or_else(|_| panic!("parse"));
    let mut w =
        render_outline(o.clone().into(), opts(&[("reply", reply.clone())])).unwrap_or_else(|_| panic!("outline"));
    assert_eq!(count(&root(&o), "[role=treeitem]"), 3);
    w.destroy();
    let f = host("t-solo-figures", "div");
    let mut w = render_figure_panel(f.clone().into(), opts(&[("reply", reply)])).unwrap_or_else(|_| panic!("panel"));
    assert_eq!(count(&root(&f), "[role=searchbox]"), 1, "a panel alone has its own searchbox");
    assert_eq!(count(&root(&f), "[role=listitem]"), 1);
    w.destroy();
}

#[wasm_bindgen_test]
fn wrong_arguments_throw_errors_naming_them() {
    let msg = |r: Result<Widget, JsError>| -> String {
        let e: JsValue = r.err().expect("an error").into();
        e.dyn_into::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default()
    };
    assert!(msg(mount(JsValue::from_f64(3.0))).contains("options"));
    assert!(msg(mount(opts(&[("outline", JsValue::from_str("#nowhere"))]))).contains("options.outline"));
    assert!(msg(mount(opts(&[("figures", JsValue::from_f64(1.0))]))).contains("options.figures"));
    assert!(msg(mount(opts(&[("outline", JsValue::from_str("[[["))]))).contains("not a valid CSS selector"));
    let o = host("t-bad-reply", "div");
    let bad = Object::new();
    Reflect::set(&bad, &"title".into(), &JsValue::from_f64(1.0)).expect("set");
    // Reply objects are checked by the extras module (the e2e suites name their bad fields);
    // without it, the page module says what to await.
    let bad_reply = msg(mount(opts(&[("outline", o.clone().into()), ("reply", bad.into())])));
    assert!(bad_reply.starts_with("options.reply: reading a reply object needs the extras module"), "{bad_reply}");
    assert!(parse_reply(JsValue::from_f64(1.0)).is_err());
    // The page module alone (the extras module not loaded): bundledReply says what to await.
    let e: JsValue = bundled_reply_js().expect_err("an error").into();
    let text = e.dyn_into::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
    assert!(text.contains("await loadExtras()"), "{text}");
    // Nothing to show: no reply given and no article to read it from.
    assert!(msg(mount(opts(&[("outline", o.clone().into())]))).starts_with("options.reply: no reply given"));
    // The module still works after errors.
    let mut w =
        mount(opts(&[("outline", o.into()), ("reply", bundled())])).unwrap_or_else(|_| panic!("mount after errors"));
    w.destroy();
}

#[wasm_bindgen_test]
fn the_page_article_is_read_enhanced_and_given_back_byte_for_byte() {
    let (o, a) = (host("t-read-outline", "div"), host("t-read-article", "article"));
    a.set_inner_html(concat!(
        "<h1>关于数字经济的提案的答复</h1><p>张三委员：</p>",
        "<p><strong>一、基础设施</strong></p><p>　　建成基站<span>3.2</span><span>万个</span>，投资<b>120</b>亿元。</p>",
        "<p><strong>二、产业</strong></p><p>　　新增企业86家。</p>"
    ));
    let before = a.inner_html();
    let mut w = mount(opts(&[("outline", o.clone().into()), ("article", a.clone().into())]))
        .unwrap_or_else(|_| panic!("mount reads the article"));
    assert!(a.shadow_root().is_none(), "the page's own article stays in the page");
    assert_eq!(count(&root(&o), "[role=treeitem]"), 3, "title, 一, 二");
    w.filter(JsValue::from_str("亿元")).unwrap_or_else(|_| panic!("filter"));
    let hits = a.query_selector_all("mark[data-rw~=hit]").expect("marks");
    assert_eq!(hits.length(), 1);
    w.select(JsValue::from_str("f1")).unwrap_or_else(|_| panic!("select"));
    // 3.2万个 is split across two elements: two marks, one figure.
    let sel = a.query_selector_all("mark[data-rw~=selected]").expect("marks");
    assert_eq!(sel.length(), 2);
    assert_ne!(a.inner_html(), before, "marks are in the page's article");
    w.destroy();
    assert_eq!(a.inner_html(), before, "destroy gives the article back exactly");
    assert!(!a.has_attribute("data-rw-article") && !a.has_attribute("data-reply-widget-mounted"));
}

#[wasm_bindgen_test]
fn a_title_on_centred_lines_and_the_pages_metadata_table_are_read() {
    let table = host("t-meta-table", "div");
    table.set_inner_html(concat!(
        "<table><tr><td><b>发文机关：</b></td><td>国务院</td><td><b>成文日期：</b></td><td>2019年01月27日</td></tr>",
        "<tr><td><b>发文字号：</b></td><td>国发〔2019〕5号</td><td><b>发布日期：</b></td><td>2019年02月15日</td></tr></table>"
    ));
    let a = host("t-meta-article", "div");
    a.set_inner_html(concat!(
        "<p style=\"text-align: center\"><span style=\"font-weight: bold\">国务院关于在市场监管领域全面推行<br>",
        "部门联合“双随机、一公开”监管的意见</span></p><p>各省、自治区、直辖市人民政府：</p><p>现提出如下意见。</p>"
    ));
    let r = reply_widget::parse_article(a.clone().into()).unwrap_or_else(|_| panic!("parseArticle reads the article"));
    let get = |k: &str| Reflect::get(&r, &JsValue::from_str(k)).ok().and_then(|v| v.as_string());
    assert_eq!(get("title").as_deref(), Some("国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见"));
    assert_eq!(get("documentNumber").as_deref(), Some("国发〔2019〕5号"));
    assert_eq!(get("publishedDate").as_deref(), Some("2019-02-15"));
    assert_eq!(get("signed").as_deref(), Some("2019-01-27"));
    table.remove();
    a.remove();
}
