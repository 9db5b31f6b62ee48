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
    assert!(after(|r| r.figures[0].amount.high = Some(f64::NAN)).starts_with("figures[0].value"));
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

#[test]
fn a_figure_is_flat_json_in_the_contracts_order_and_reads_back() {
    let r = crate::parse("关于科技创新的答复\n一、工作\n新增300余项，增长6%-10%，投入近4亿元。");
    let over = r.figures.iter().find(|f| f.text == "300余项").expect("300余项");
    // The amount's fields stand among the figure's own: `date` between `high` and `unit`, as
    // `json::figure` writes them (the command line's `parse` prints this).
    let written = serde_json::to_string(over).unwrap();
    assert!(
        written.starts_with(
            r#"{"id":"f1","text":"300余项","kind":"count","value":300.0,"high":null,"date":null,"unit":"项","qualifier":"over","section":"#
        ),
        "{written}"
    );
    let keys = |json: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        v.as_object().unwrap().keys().cloned().collect()
    };
    assert_eq!(keys(&written), keys(&crate::json::figure(over)), "the same fields as the widget's JSON");
    for f in &r.figures {
        let back: Figure = serde_json::from_str(&serde_json::to_string(f).unwrap()).unwrap();
        assert_eq!(&back, f, "{}", f.text);
    }
    let range = r.figures.iter().find(|f| f.text == "6%-10%").expect("6%-10%");
    assert_eq!((range.amount.value, range.amount.high), (6.0, Some(10.0)));
}

#[test]
fn qualifiers_and_kinds_read_back_from_their_names() {
    for q in Qualifier::ALL {
        assert_eq!(Qualifier::from_name(q.as_str()), Some(q));
    }
    for k in FigureKind::ALL {
        assert_eq!(FigureKind::from_name(k.as_str()), Some(k));
    }
    assert_eq!((Qualifier::from_name("Over"), Qualifier::from_name("more")), (None, None));
}
