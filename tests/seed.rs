//! The bundled reply against the acceptance truth in `tests/fixtures/` (a copy of the shared
//! seed): its outline and its 48 figures, nothing more and nothing less.

use reply_core::{bundled_reply, Reply, Section, BUNDLED_TEXT};

const FIXTURE: &str = include_str!("fixtures/reply-20230314.txt");
const SEED_OUTLINE: &str = include_str!("fixtures/seed-outline.txt");
const SEED_FIGURES: &str = include_str!("fixtures/seed-figures.tsv");

/// The section at a position path (`2.1`) of the seed files.
fn at<'a>(reply: &'a Reply, path: &str) -> &'a Section {
    let mut list = &reply.sections;
    let mut found = None;
    for part in path.split('.') {
        let k: usize = part.parse().expect("numeric path");
        let s = list.get(k - 1).unwrap_or_else(|| panic!("no section at {path}"));
        list = &s.children;
        found = Some(s);
    }
    found.expect("non-empty path")
}

#[test]
fn bundled_text_is_the_fixture_byte_for_byte() {
    assert_eq!(BUNDLED_TEXT.as_bytes(), FIXTURE.as_bytes());
}

#[test]
fn outline_matches_seed() {
    let reply = bundled_reply();
    let mut sections = 0;
    for line in SEED_OUTLINE.lines().filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        match cols[0] {
            "title" => assert_eq!(reply.title, cols[1]),
            "published" => assert_eq!(reply.published.as_deref(), Some(cols[1])),
            "source" => assert_eq!(reply.source.as_deref(), Some(cols[1])),
            "closing" => {
                assert_eq!(reply.closing.len(), 1, "one closing paragraph");
                assert!(reply.closing[0].text.starts_with("下一步"), "{:?}", reply.closing);
            }
            path => {
                let s = at(&reply, path);
                assert_eq!((s.number.as_str(), s.title.as_str()), (cols[1], cols[2]), "section {path}");
                sections += 1;
            }
        }
    }
    // The seed lists 4 sections and 12 subsections (its README says 13; the rows are the truth).
    assert_eq!(sections, 16);
    let walked = reply.walk_sections();
    assert_eq!(walked.len(), 16, "exactly the seed's sections, nothing else");
    assert_eq!(walked.iter().filter(|(d, _)| *d == 1).count(), 4);
    assert!(reply.preamble.is_empty() && reply.salutation.is_none() && reply.signature.is_empty());
}

/// A figure of the seed, as the TSV writes it.
#[derive(Debug, PartialEq)]
struct Row {
    section: String,
    text: String,
    kind: String,
    value: String,
    unit: String,
    qualifier: String,
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

#[test]
fn figures_match_seed() {
    let reply = bundled_reply();
    let expected: Vec<Row> = SEED_FIGURES
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            Row {
                section: c[0].into(),
                text: c[1].into(),
                kind: c[2].into(),
                value: c[3].into(),
                unit: c[4].into(),
                qualifier: c[5].into(),
            }
        })
        .collect();
    assert_eq!(expected.len(), 48);
    // Section ids are ours; map them back to seed positions.
    let mut position = std::collections::HashMap::new();
    fn index(list: &[Section], prefix: &str, out: &mut std::collections::HashMap<String, String>) {
        for (k, s) in list.iter().enumerate() {
            let p = if prefix.is_empty() { (k + 1).to_string() } else { format!("{prefix}.{}", k + 1) };
            out.insert(s.id.clone(), p.clone());
            index(&s.children, &p, out);
        }
    }
    index(&reply.sections, "", &mut position);
    let actual: Vec<Row> = reply
        .figures
        .iter()
        .map(|f| Row {
            section: position.get(&f.section).cloned().unwrap_or_else(|| f.section.clone()),
            text: f.text.clone(),
            kind: f.amount.kind.as_str().into(),
            value: match (&f.date, f.amount.high) {
                (Some(d), _) => d.clone(),
                (None, Some(h)) => format!("{}..{}", number(f.amount.value), number(h)),
                (None, None) => number(f.amount.value),
            },
            unit: f.amount.unit.clone().unwrap_or_else(|| "-".into()),
            qualifier: f.amount.qualifier.map_or("-", |q| q.as_str()).into(),
        })
        .collect();
    for (k, (a, e)) in actual.iter().zip(&expected).enumerate() {
        assert_eq!(a, e, "figure {} of the seed", k + 1);
    }
    assert_eq!(actual.len(), expected.len(), "extra or missing figures: {actual:#?}");
}

#[test]
fn figures_point_into_their_paragraphs() {
    let reply = bundled_reply();
    let paragraphs = reply.paragraphs();
    for f in &reply.figures {
        let (section, p) = paragraphs.iter().find(|(_, p)| p.id == f.paragraph).expect("paragraph exists");
        assert_eq!(*section, f.section);
        let slice: String = p.text.chars().skip(f.start as usize).take((f.end - f.start) as usize).collect();
        assert_eq!(slice, f.text, "{}", f.id);
        assert!(f.context.contains(&f.text), "context {:?} holds {:?}", f.context, f.text);
    }
    let ids: std::collections::HashSet<&str> = reply.figures.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids.len(), reply.figures.len(), "figure ids are unique");
}

#[test]
fn contexts_read_as_clauses() {
    let reply = bundled_reply();
    let ctx = |text: &str| reply.figures.iter().find(|f| f.text == text).map(|f| f.context.clone());
    assert_eq!(ctx("361亿元").as_deref(), Some("武汉基金累计出资规模361亿元"));
    assert_eq!(ctx("近4倍").as_deref(), Some("实现财政出资近4倍放大"));
    assert_eq!(ctx("超过50%").as_deref(), Some("占全省比重超过50%"));
}
