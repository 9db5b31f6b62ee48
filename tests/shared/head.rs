//! The head fields of a corpus gold file (title, number, published, signed), as the metamorphic
//! tests (`robust`, `robust_html`) compare them.

/// The head fields of a gold file (`None`: `-`, the page has none).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Head {
    pub title: Option<String>,
    pub number: Option<String>,
    pub published: Option<String>,
    pub signed: Option<String>,
}

/// `s` without white space (titles and numbers are compared so).
pub fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The head a gold file gives (the lines before `outline:` and `figures:`).
pub fn gold_head(text: &str) -> Head {
    let mut h = Head::default();
    for line in text.lines() {
        let line = line.trim_end();
        if line == "outline:" || line == "figures:" {
            break;
        }
        let Some((key, value)) = line.split_once(": ") else { continue };
        let value = value.trim();
        let v = (value != "-").then(|| value.to_string());
        match key {
            "title" => h.title = v,
            "number" => h.number = v.map(|n| no_space(&n)),
            "published" => h.published = v,
            "signed" => h.signed = v,
            _ => {}
        }
    }
    h
}

/// The head of a reply the parser read, in the gold's terms.
pub fn head_of(r: &reply_core::Reply) -> Head {
    let day = |d: &Option<String>| d.as_ref().map(|d| d.chars().take(10).collect::<String>());
    let title = no_space(&r.title);
    Head {
        title: (!title.is_empty()).then_some(title),
        number: r.document_number.as_deref().map(no_space),
        published: day(if r.published_date.is_some() { &r.published_date } else { &r.published }),
        signed: day(&r.signed),
    }
}

/// The fields of `got` that differ from `want`, among those named in `keep`.
pub fn differences(want: &Head, got: &Head, keep: &[&'static str]) -> Vec<String> {
    let mut out = Vec::new();
    let title = want.title.as_deref().map(no_space);
    let pairs = [
        ("title", &title, &got.title),
        ("number", &want.number, &got.number),
        ("published", &want.published, &got.published),
        ("signed", &want.signed, &got.signed),
    ];
    for (name, w, g) in pairs {
        if keep.contains(&name) && w != g {
            out.push(format!(
                "{name}: expected `{}`, got `{}`",
                w.as_deref().unwrap_or("-"),
                g.as_deref().unwrap_or("-")
            ));
        }
    }
    out
}
