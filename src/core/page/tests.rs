use super::*;

#[test]
fn hidden_units_hide_the_largest_wholly_hidden_elements() {
    // Lines 0..4 belong to nodes 0, 1, 1, 2; units: a div over lines 1-3 holding p 1, p 2, p 3.
    let units = [
        Unit { parent: None, first: 1, last: 3 },
        Unit { parent: Some(0), first: 1, last: 1 },
        Unit { parent: Some(0), first: 2, last: 2 },
        Unit { parent: Some(0), first: 3, last: 3 },
    ];
    let line_node = [0, 1, 1, 2];
    assert_eq!(hidden_units(&units, &line_node, &[true, false, false]), [true, false, false, false]);
    assert_eq!(hidden_units(&units, &line_node, &[true, true, false]), [false, false, false, true]);
    assert_eq!(hidden_units(&units, &line_node, &[true, true, true]), [false; 4]);
    // Node 0 is never hidden, even when the filter leaves it out.
    assert_eq!(hidden_units(&[Unit { parent: None, first: 0, last: 0 }], &line_node, &[false, false, false]), [false]);
}

#[test]
fn drawn_blocks_are_one_line_each() {
    let t = PageText::from_blocks(&["一、标题", "正文🙂5亿元"]);
    // 5亿元 is chars 3..6, UTF-16 units 4..7 (🙂 takes two).
    assert_eq!(t.pieces(1, 3, 6), [Piece { node: 1, from: 4, to: 7 }]);
    assert_eq!(t.line_at(5), 1);
}

#[test]
fn an_elements_format_comes_from_its_tag_align_and_style() {
    let f = |c: Option<bool>, b: Option<bool>| Format { centred: c, bold: b };
    // (tag, align, style) → format
    type Case<'a> = ((&'a str, Option<&'a str>, Option<&'a str>), Format);
    let cases: &[Case] = &[
        (("p", None, Some("margin-top: 0px; text-align: center; font-family: 宋体;")), f(Some(true), None)),
        (("p", None, Some("TEXT-ALIGN:CENTER")), f(Some(true), None)),
        (("p", Some("center"), None), f(Some(true), None)),
        (("td", Some("middle"), None), f(Some(true), None)),
        (("p", Some(""), Some("text-indent: 2em; text-align: justify;")), f(Some(false), None)),
        (("center", None, None), f(Some(true), None)),
        (("span", None, Some("font-weight: bold;")), f(None, Some(true))),
        (("span", None, Some("font-weight:700 !important")), f(None, Some(true))),
        (("b", None, Some("font-weight: normal")), f(None, Some(false))),
        (("strong", None, None), f(None, Some(true))),
        (("h2", None, None), f(None, Some(true))),
        (("h4", None, None), f(None, None)),
        (("span", None, Some("font-size: 18pt")), f(None, None)),
    ];
    for ((tag, align, style), want) in cases {
        assert_eq!(format(tag, *align, *style), *want, "<{tag} align={align:?} style={style:?}>");
    }
}

#[test]
fn a_titles_dash_inside_brackets_is_no_site_names_separator() {
    let t = "某市人民政府办公室关于印发《某市就业行动实施方案（2023—2025年）》的通知-某市人民政府";
    assert_eq!(site_title(t), "某市人民政府办公室关于印发《某市就业行动实施方案（2023—2025年）》的通知");
    assert_eq!(site_title("关于某事项的请示（2023年-2027年）_某市人民政府"), "关于某事项的请示（2023年-2027年）");
    assert_eq!(site_title("关于某建议的答复 - 某市科学技术局"), "关于某建议的答复");
}
