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
