use super::*;

fn min(css: &str) -> String {
    // The same two passes as `minified!`, at run time.
    let len = minify::<0>(css.as_bytes()).1;
    let mut out = vec![0u8; len];
    let (all, n) = minify::<4096>(css.as_bytes());
    assert_eq!(n, len);
    out.copy_from_slice(&all[..len]);
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn minify_keeps_what_the_rules_mean() {
    let css = "a  {\n  color: red;\n}\n/* a comment */\n.b > .c, .d :focus { grid-column: 1 / -1; x: calc(1px + 2px) !important; }\n@media (min-width: 700px) { .e::before { content: \"大  字 \"; } }\n";
    assert_eq!(
        min(css),
        ".b>.c,.d :focus{grid-column:1 / -1;x:calc(1px + 2px) !important;}@media (min-width:700px){.e::before{content:\"大  字 \";}}"
            .replace(".b>", "a{color:red;}.b>")
    );
}

#[test]
fn the_stylesheets_are_compiled_in_short() {
    for css in [CSS, ARTICLE_CSS] {
        assert!(!css.contains('\n') && !css.contains("/*") && !css.contains("  "), "{css}");
    }
    // What the rules say is still there: the reset, the selectors with a descendant space.
    assert!(CSS.starts_with(":host{display:block;}"), "{CSS}");
    assert!(CSS.contains(".rw *,.rw *::before,.rw *::after{box-sizing:border-box;"), "{CSS}");
    assert!(
        ARTICLE_CSS.contains("[data-rw-article] [data-rw-hidden=\"%T%\"]{display:none !important;}"),
        "{ARTICLE_CSS}"
    );
}
