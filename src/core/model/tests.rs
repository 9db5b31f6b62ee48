use super::*;

fn bundled() -> Reply {
    crate::bundled_reply()
}

/// The error of validating the bundled reply after `change`, or "ok".
fn after(change: impl FnOnce(&mut Reply)) -> String {
    let mut r = bundled();
    change(&mut r);
    validate(&r).err().unwrap_or_else(|| "ok".into())
}

#[test]
fn the_bundled_reply_is_valid() {
    assert_eq!(validate(&bundled()), Ok(()));
}

#[test]
fn validate_names_the_bad_field() {
    assert!(after(|r| r.figures[3].end = 10_000).starts_with("figures[3].end"));
    assert!(after(|r| r.figures[0].paragraph = "nope".into()).starts_with("figures[0].paragraph"));
    assert!(after(|r| r.sections[1].id = "s1".into()).contains("not unique"));
    assert!(after(|r| r.sections[0].id = "top".into()).contains("reserved"));
    assert!(after(|r| r.figures[2].id = "s1".into()).starts_with("figures[2].id"));
    assert!(after(|r| r.figures[0].high = Some(f64::NAN)).starts_with("figures[0].value"));
}

#[test]
fn validate_checks_every_cross_reference() {
    // A figure whose section is not the one holding its paragraph would attach to the wrong
    // outline node (before: to the title, uncounted).
    let e = after(|r| r.figures[12].section = "s4".into());
    assert!(e.starts_with("figures[12].section: \"s4\" does not hold paragraph"), "{e}");
    let e = after(|r| r.figures[12].section = "nowhere".into());
    assert!(e.starts_with("figures[12].section"), "{e}");
    // Offsets inside the paragraph but not over the figure's text.
    let e = after(|r| {
        r.figures[12].start += 1;
        r.figures[12].end += 1;
    });
    assert!(e.starts_with("figures[12].text: \"361亿元\" is not the text at"), "{e}");
    let e = after(|r| r.figures[12].start = r.figures[12].end + 1);
    assert!(e.starts_with("figures[12].end"), "{e}");
}

#[test]
fn figures_in_headings_and_the_title_point_at_them() {
    let r = crate::parse("关于三年内建成5个平台的提案的答复\n一、总体情况\n（一）新增投资20亿元\n正文。");
    assert_eq!(validate(&r), Ok(()));
    let where_: Vec<(&str, &str, &str)> =
        r.figures.iter().map(|f| (f.text.as_str(), f.section.as_str(), f.paragraph.as_str())).collect();
    assert_eq!(where_, [("三年", TOP, TITLE), ("5个", TOP, TITLE), ("20亿元", "s1-1", "s1-1")]);
    assert_eq!(r.text_of("s1-1"), Some(("s1-1", "新增投资20亿元")));
}

#[test]
fn sections_nested_too_deep_are_refused() {
    let mut r = bundled();
    let mut deepest =
        Section { id: "d0".into(), number: "1".into(), title: "t".into(), paragraphs: vec![], children: vec![] };
    for k in 1..=MAX_DEPTH {
        deepest = Section {
            id: format!("d{k}"),
            number: "1".into(),
            title: "t".into(),
            paragraphs: vec![],
            children: vec![deepest],
        };
    }
    r.sections.push(deepest);
    assert!(validate(&r).is_err_and(|e| e.contains("nested deeper than 16")));
}

#[test]
fn walks_are_in_reading_order() {
    let r = bundled();
    let ids: Vec<&str> = r.walk_sections().iter().map(|(_, s)| s.id.as_str()).collect();
    assert_eq!(&ids[..5], ["s1", "s1-1", "s1-2", "s1-3", "s2"]);
    assert_eq!(ids.len(), 16);
    let owners: Vec<&str> = r.paragraphs().iter().map(|(o, _)| *o).collect();
    assert_eq!(owners.first(), Some(&"s1-1"));
    assert_eq!(owners.last(), Some(&CLOSING));
}
