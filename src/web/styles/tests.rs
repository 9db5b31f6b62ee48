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

fn without_run(css: &str, drop: &[&str]) -> String {
    let (all, n) = without::<4096>(css.as_bytes(), drop);
    assert_eq!(n, without::<0>(css.as_bytes(), drop).1);
    String::from_utf8(all[..n].to_vec()).expect("UTF-8")
}

#[test]
fn a_stylesheet_without_some_parts_keeps_every_rule_another_part_can_match() {
    let css = min(".rw { color: red; } .rw-tree, .rw-outline > li { x: 1; } .rw-tree, .rw-results { y: 2; } \
         .rw-treeish { z: 3; } .rw-row::before { content: \"}\"; } \
         @media (pointer: coarse) { .rw-tree { a: 1; } } @media print { .rw-tree, .rw-search { b: 2; } }");
    // A rule goes only when each of its selectors names a dropped part; an emptied @media goes
    // with it; a class that only begins like a dropped one stays.
    assert_eq!(
        without_run(&css, &["tree", "outline", "row"]),
        ".rw{color:red;}.rw-tree,.rw-results{y:2;}.rw-treeish{z:3;}@media print{.rw-tree,.rw-search{b:2;}}"
    );
    assert_eq!(without_run(&css, &[]), css);
}

#[test]
fn the_librarys_stylesheet_has_its_parts_and_not_the_outlines() {
    for kept in [":host{display:block;}", ".rw{", ".rw-results", ".rw-search", ".rw-facet", ".rw-result", ".rw-more"] {
        assert!(LIBRARY_CSS.contains(kept), "{kept} missing in {LIBRARY_CSS}");
    }
    for gone in [".rw-outline", ".rw-twisty", ".rw-sheet", ".rw-chart"] {
        assert!(CSS.contains(gone) && !LIBRARY_CSS.contains(gone), "{gone}");
    }
    assert_eq!(LIBRARY_CSS.matches('{').count(), LIBRARY_CSS.matches('}').count());
    assert!(LIBRARY_CSS.len() * 10 < CSS.len() * 6, "{} of {}", LIBRARY_CSS.len(), CSS.len());
}
