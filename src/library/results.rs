//! The results of a search, as markup: each reply with its title (a link to its page), a line
//! of what it is (date · kind · session and number · proposer · source) and up to five of its
//! matching figures, each a deep link to the figure in the reply (`page.html#f13`); the status
//! line that counts them; 显示更多's label. The state decides what is drawn when (`state.rs`).

use reply_core::library::{Card, Library, Outcome, Plan, Problem};
use reply_web::html::{safe_url, Html};

/// The matching figures a result lists; the others are counted (等 N 项数据).
const FIGURES: usize = 5;

/// The status line: the query's problem, the archive's size while nothing is searched, or
/// how many replies were found.
pub(crate) fn status(problem: Option<&Problem>, active: bool, found: usize, replies: usize) -> String {
    match (problem, active) {
        (Some(p), _) => p.message(),
        (None, false) => format!("共 {replies} 篇答复，可按词语或数值检索，如 中试平台、>=100亿元。"),
        (None, true) if found == 0 => "没有找到匹配的答复".to_string(),
        (None, true) => format!("找到 {found} 篇答复"),
    }
}

/// 显示更多's label, `rest` results not shown yet.
pub(crate) fn more_label(rest: usize) -> String {
    format!("显示更多结果（还有 {rest} 篇）")
}

/// What a reply is, in one line: date · kind · session and number · proposer · source (the
/// parts it has).
pub(crate) fn meta_line(card: &Card) -> String {
    let mut line = String::new();
    let mut part = |text: &str| {
        if text.is_empty() {
            return;
        }
        if !line.is_empty() {
            line.push_str(" · ");
        }
        line.push_str(text);
    };
    part(card.date.as_deref().unwrap_or(""));
    part(card.kind.label());
    match (&card.body, &card.session, &card.number) {
        (b, Some(s), n) => {
            let mut t = format!("{}{s}会议", b.as_deref().unwrap_or(""));
            if let Some(n) = n {
                t.push_str(&format!("第{n}号"));
            }
            part(&t);
        }
        (_, None, Some(n)) => part(&format!("第{n}号")),
        _ => {}
    }
    if let Some(p) = &card.proposer {
        part(&format!("{p}{}", card.role.as_deref().unwrap_or("")));
    }
    part(card.source.as_deref().unwrap_or(""));
    line
}

/// Results `from..to` of `out` whose cards are here, as list items.
pub(crate) fn items(lib: &Library, out: &Outcome, plan: &Plan, from: usize, to: usize) -> Html {
    let mut h = Html::new();
    for i in from..to {
        let Some(card) = lib.card(out.docs[i]) else { continue };
        let figures: Vec<u32> = match out.figures_of(i) {
            [] => card.matching(plan),
            some => some.to_vec(),
        };
        item(&mut h, card, &figures);
    }
    h
}

/// One result: title, what it is, its matching `figures` (indexes into the card's).
fn item(h: &mut Html, card: &Card, figures: &[u32]) {
    h.open("li", "rw-result", &[]).open("h3", "", &[]);
    match safe_url(&card.url) {
        Some(u) => h.leaf("a", "", &[("href", u)], &card.title),
        None => h.text(&card.title),
    };
    h.close("h3").open("p", "rw-result-meta", &[]).text(&meta_line(card)).close("p");
    if !figures.is_empty() {
        h.open("ul", "rw-result-figs", &[("aria-label", "匹配的数据")]);
        for &k in figures.iter().take(FIGURES) {
            let Some(f) = card.figures.get(k as usize) else { continue };
            h.open("li", "", &[]);
            let link = safe_url(&card.url).map(|u| format!("{}#{}", u.split('#').next().unwrap_or(u), f.id));
            match &link {
                Some(l) => h.leaf("a", "rw-val", &[("href", l)], &f.text),
                None => h.leaf("span", "rw-val", &[], &f.text),
            };
            h.text(" ").leaf("span", "rw-ctx", &[], &f.clause);
            let label = card.label(&f.section);
            if !label.is_empty() {
                h.text(" ").leaf("span", "rw-sec", &[], label);
            }
            h.close("li");
        }
        if figures.len() > FIGURES {
            h.leaf("li", "rw-sec", &[], &format!("等 {} 项数据", figures.len()));
        }
        h.close("ul");
    }
    h.close("li");
}
#[cfg(test)]
mod tests;
