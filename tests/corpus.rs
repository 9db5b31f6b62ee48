//! The real-page corpus report (tests/corpus/README.md): every page (`.html`, `.htm`, `.txt`) of
//! every family folder of tests/corpus is run through the command line (`reply-widget parse FILE`)
//! and compared with its hand-written gold. Prints accuracy per field, per family and per part
//! (tune / held-out / all), then every failure of every page, so a developer sees what to fix.
//!
//! It uses nothing of the crate but its binary and its JSON, so it survives restructuring.
//! It fails when a page has no gold, when a gold file is malformed, and when the held-out part
//! falls below the minimums of [`HELDOUT_MIN`] (per family) and [`HELDOUT_ALL_MIN`] (all together).
//!
//! `cargo test --release --test corpus -- --nocapture`
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Minimum per field on the held-out part of every family, in percent: gates at what the
/// reader reaches on every family today, so that a change cannot lose it unnoticed. Issue 19's
/// targets are title 98, published 98, outline 95, untitled 0, not_figures 100, found 100; the
/// fields below 98 here are not there on every family (README, "Real pages").
const HELDOUT_MIN: &[(Field, f64)] = &[
    (Field::Title, 0.0),
    (Field::Number, 0.0),
    // 94.0: measured with issue 19's new held-out pages (was 100 before them; then 86.6); 91.3:
    // with its second batch (date lines above a title or beside the site's name); 88.8: with its
    // third pass (a `•` metadata list whose values stand on the next line, above the title);
    // 86.2: with its third batch (dates written `2024年04月06日 16:34` in such a list); 85.7:
    // with its fifth (a date written `2018年710` under the signature, nothing above); 81.1: with
    // issue 19's www.gov.cn-kind pages; 91.6 with the head reader's general rules on them (a
    // date line or bullets under the title, labels known by their shape, traditional script);
    // 90.0: with issue 19's fourth pass (a provincial department's `来源:…  2024-07-08 16:35:37`
    // line under the title).
    (Field::Published, 90.0),
    (Field::Signed, 0.0),
    // Issue 19's target; every family reads every held-out outline exactly today.
    (Field::Outline, 95.0),
    (Field::FigureRecall, 95.0),
    // 100 again since a `﹝2022﹞` document number holds no figure; 99.1 with issue 19's third
    // pass (a standard's number, `GB14886—2006`, whose year is taken for a figure); 96.6 with
    // the www.gov.cn-kind pages (traditional-script pages of the site's big5 gateway); 99.3 since
    // those read folded (`十二屆三次會議`, `〔2016〕51號` as `十二届三次会议`, `〔2016〕51号`); 100
    // since a standard's year (`LB/T 065—2017`, `GB14886—2006`) is part of its name (fifth pass).
    // 99.6 (99.7 measured) with issue 19's seventh pass's pages (one held-out `-` text overlapped).
    // 99.5 (99.53 measured) with issue 19's sixteenth pass's gov.cn-kind pages (one more held-out `-`).
    (Field::NotFigures, 99.5),
    (Field::Found, 100.0),
];
/// Minimum per field on the whole held-out part (every family together), in percent: what the
/// reader reaches today, a point or so below.
const HELDOUT_ALL_MIN: &[(Field, f64)] = &[
    // 87.0, 96.0, 93.0 before issue 19's second batch of held-out pages; these are measured with
    // it (column names and date lines above titles; a 生成日期 taken for the signature date).
    // 83.3, 92.8, 92.5: measured with issue 19's third pass (was 84.2, 93.0, 94.4): a held-out
    // reply under a `•` metadata list whose values stand on the next line; number 90.9,
    // published 90.4, signed 88.5 with its third batch (such a list with `2024年04月06日 16:34`);
    // published 89.5, signed 87.5, not-figures 99.4 with its fifth (`2018年710`, `GB14886—2006`).
    // Title 79.3, number 85.4, published 85.1, signed 86.6, not-figures 97.6: measured with the
    // www.gov.cn-kind pages (State Council 复函 and 批复 in the site's big5 gateway, traditional
    // script; a ministry's republished 批复 under `【发布文号】` rows).
    // Title 88.8, number 95.1, published 93.3, signed 93.4 on the same pages with the head
    // reader's general rules (a headline under a site's or column's name however it ends, a
    // column's name over the metadata giving way to the title under it, a date line under the
    // title, labels known by their shape, a document number without its issuer or closing
    // bracket, a 生成日期 after the signature's, traditional script, a bulletin's masthead).
    // Title 88.0, number 94.0, published 92.0 (88.06, 94.03, 92.08): measured with issue 19's
    // fourth pass (a 建议 form's `|` rows above its `题目:`, a number given twice, as `〔〕` and
    // `【】`, a `来源:` line with the time under a provincial department's title); title 86.9
    // with its second batch (a 印发 notice that begins with its addressees, the 方案's title
    // under the signature).
    // Number 95.6, signed 93.7 (95.65, 93.75) with the fourth pass's rules on its first batch (a
    // number's label by its shape, the metadata's 〔〕 for the text's number, a signature in a
    // table's cell).
    // Title 86.3 (86.30): measured with issue 19's fifth pass (a city government's gazette page:
    // `•` rows of the 公报's issue, the issue's own title and `字号: 分享到:` above the document).
    // 86.0 (86.02, 80 of 93): with issue 19's seventh pass's first batch (five held-out pages: a
    // title under `阅读人次: 【字体:` and a breadcrumb, a title on three lines under a meeting's
    // line, a title with spaces inside under a banner and a menu); 85.2 (85.26, 81 of 95): with
    // its second batch (a headline with the document number run into its start, a reply that
    // begins with its number and has no title); 85.0 (85 of 100): with its third batch (a
    // commission's name over its title given twice, links broken over lines above a title);
    // 85.7 (85.71, 90 of 105): measured on the pass's 36 pages together; 86.6 (86.67, 91 of
    // 105) with its rules (a site's notice over the title, a table's row as text); 87.1 (87.16,
    // 95 of 109) with issue 19's ninth title pass's pages and rules.
    // 87.9 (88.03, 103 of 117) with the HTML robust test's fixes (the page's own headline over the text's line).
    // 88.0 (88.06, 118 of 134) with issue 19's thirteenth pass's gov.cn-kind pages (four held out) and rules.
    (Field::Title, 88.0),
    // Number 94.9 (94.94): measured with issue 19's fifth pass's fourth batch (a township's
    // reply whose metadata gives its 发文字号 as `2022-92`, under `[ label ] |` rows); 94.1
    // (94.19, 81 of 86): with its sixth pass's fifth batch (a provincial department's 协办意见
    // whose number stands alone under `发布时间:` and `分享到:`, a space before its `号`);
    // 93.1 (93.18, 82 of 88): with its sixth batch (two held-out pages, below); 92.6 (92.63,
    // 88 of 95): with the seventh pass's second batch (two held-out replies whose number
    // stands before the headline or in the title's place); 93.1 again with its later batches
    // (93.33, 98 of 105); 94.2 (94.29, 99 of 105) with its rules (`| 文号 | … |` rows).
    // 93.7 (93.75, 105 of 112): measured with issue 19's ninth pass's pages (before its rules).
    // 93.4 (93.44, 114 of 122): measured with issue 19's eleventh pass's pages (a held-out 会办意见).
    // 93.2 (93.28, 125 of 134): measured with issue 19's thirteenth pass's gov.cn-kind pages (four held out)
    // and its rules (a summary row under the title gives the number).
    // 93.1 (93.20, 137 of 147): measured with issue 19's sixteenth pass's pages (a held-out reply's number).
    (Field::Number, 93.1),
    // Measured with issue 19's new held-out replies (published was 100 before them, then 92.8);
    // 96.0 (96.3) with its sixth pass's date rules (a page's date in a row under the letter, a
    // date line's field run on after its time, labels in the site's brackets). 95.8 (95.9
    // measured): with issue 19's ninth title pass's pages (a held-out 函's date alone under `来源:`).
    // 96.7 (96.8 measured, 96.0 before): with issue 19's date pass (tests/robust_dates.rs).
    (Field::Published, 96.7),
    // Signed 93.2: measured with issue 19's sixth pass's sixth batch (two held-out pages: a
    // reply signed three months before the 成文日期 of its metadata rows, a stale template date
    // line under its title; a 协办意见 whose number is run into its headline, `2017/6/30`).
    // 96.5 (96.6) with the sixth pass's date rules (the date under the office's line, a
    // signature run into the last sentence or printed as a form's rows, 二O二一年).
    // 95.7 (95.8 measured): with issue 19's ninth pass's pages (before its rules); 95.8 with
    // its last three pages (95.9 measured).
    // 95.0 (95.0 measured): with issue 19's eleventh pass's pages (a held-out 会办意见's date).
    // 94.1 (94.1 measured): with issue 19's twelfth pass's pages (one held-out page's date).
    // 93.6 (93.7 measured): with issue 19's fifteenth pass's pages (one held-out page's date).
    (Field::Signed, 93.6),
    // 98.9 (98.92, 92 of 93) with issue 19's seventh pass's first batch (items numbered
    // without a delimiter, `1规范项目审批。`); 99.0 again with its later batches (99.05).
    (Field::Outline, 99.0),
    // 97.2 with issue 19's fourth pass (figures inside a 方案's run-in `(一)…。` items).
    // 96.5 with issue 19's ninth pass's pages before its rules; 97.4 with them (km, 方).
    (Field::FigureRecall, 97.3),
    // 100 with issue 19's fifth pass (a standard's year, a year in 〔〕 whose 号 a cut page lost,
    // a name the reply defines: `“助老三件事”`, `（以下简称职教20条）`). 99.6 (99.7 measured) with
    // issue 19's seventh pass's pages; 99.7 (99.8 measured) with its ninth pass's.
    // 99.5 (99.59 measured) with issue 19's sixteenth pass's gov.cn-kind pages (one more held-out `-`).
    (Field::NotFigures, 99.5),
    (Field::Found, 100.0),
];
/// Maximum untitled nodes on the held-out part of every family; `None`: not yet a gate.
const HELDOUT_MAX_UNTITLED: Option<usize> = Some(0);

/// Longest failure line printed (in chars); longer ones are cut with `…`.
const LINE_MAX: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Title,
    Number,
    Published,
    Signed,
    Outline,
    FigureRecall,
    NotFigures,
    Found,
}

// ---------------------------------------------------------------------------------------------
// Held-out rule

#[path = "shared/rule.rs"]
mod rule;
use rule::{fnv1a32, held_out};

// ---------------------------------------------------------------------------------------------
// Gold files

#[derive(Debug, Default)]
struct Gold {
    title: String,
    number: Option<String>,
    published: Option<String>,
    signed: Option<String>,
    /// A saved page's article: a CSS selector of the element holding the document's text as a
    /// reader sees it (`article: #UCAP-CONTENT`); required for `.html` / `.htm` pages.
    article: Option<String>,
    /// (depth, number, title), depth-first.
    outline: Vec<(usize, String, String)>,
    plus: Vec<Plus>,
    minus: Vec<String>,
}

#[derive(Debug)]
struct Plus {
    text: String,
    kind_value: Option<(String, f64)>,
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(k, c)| k == 4 || k == 7 || c.is_ascii_digit())
}

/// Parses a gold file; an error names the line.
fn parse_gold(text: &str) -> Result<Gold, String> {
    #[derive(PartialEq)]
    enum Part {
        Head,
        Outline,
        Figures,
    }
    let mut g = Gold::default();
    let mut part = Part::Head;
    let mut seen: Vec<&str> = Vec::new();
    for (k, raw) in text.lines().enumerate() {
        let n = k + 1;
        let line = raw.trim_end();
        if line.is_empty() {
            continue;
        }
        match line {
            "outline:" if part == Part::Head => {
                part = Part::Outline;
                continue;
            }
            "figures:" if part != Part::Figures => {
                part = Part::Figures;
                continue;
            }
            _ => {}
        }
        match part {
            Part::Head => {
                let (key, value) =
                    line.split_once(": ").ok_or_else(|| format!("line {n}: expected `key: value`, got `{line}`"))?;
                let value = value.trim();
                if value.is_empty() {
                    return Err(format!("line {n}: `{key}` has no value (write `-` for none)"));
                }
                if seen.contains(&key) {
                    return Err(format!("line {n}: `{key}` given twice"));
                }
                let opt = (value != "-").then(|| value.to_string());
                match key {
                    "title" => g.title = value.to_string(),
                    "number" => g.number = opt,
                    "article" => g.article = opt,
                    "published" | "signed" => {
                        if let Some(d) = &opt {
                            if !is_date(d) {
                                return Err(format!("line {n}: `{key}` must be YYYY-MM-DD or -, got `{d}`"));
                            }
                        }
                        if key == "published" {
                            g.published = opt;
                        } else {
                            g.signed = opt;
                        }
                    }
                    _ => return Err(format!("line {n}: unknown key `{key}`")),
                }
                seen.push(key);
            }
            Part::Outline => {
                let indent = line.len() - line.trim_start_matches(' ').len();
                if indent % 2 != 0 {
                    return Err(format!("line {n}: indent must be a multiple of two spaces"));
                }
                let depth = indent / 2;
                let max = g.outline.last().map_or(0, |(d, _, _)| d + 1);
                if depth > max {
                    return Err(format!("line {n}: indented deeper than one level below the heading before"));
                }
                let (number, title) = line
                    .trim_start_matches(' ')
                    .split_once(' ')
                    .ok_or_else(|| format!("line {n}: expected `NUMBER TITLE`, got `{line}`"))?;
                if number.is_empty() || title.trim().is_empty() {
                    return Err(format!("line {n}: a heading needs a number and a title"));
                }
                g.outline.push((depth, number.to_string(), title.trim().to_string()));
            }
            Part::Figures => {
                let (sign, rest) = line
                    .split_at_checked(2)
                    .filter(|(s, _)| *s == "+ " || *s == "- ")
                    .ok_or_else(|| format!("line {n}: a figure line starts with `+ ` or `- `, got `{line}`"))?;
                if sign == "- " {
                    if rest.trim().is_empty() {
                        return Err(format!("line {n}: empty not-figure"));
                    }
                    g.minus.push(rest.to_string());
                    continue;
                }
                let (text, kv) = match rest.split_once(" = ") {
                    None => (rest, None),
                    Some((t, spec)) => {
                        let mut it = spec.split_whitespace();
                        let (Some(kind), Some(value), None) = (it.next(), it.next(), it.next()) else {
                            return Err(format!("line {n}: expected `= kind value`, got `= {spec}`"));
                        };
                        const KINDS: [&str; 6] = ["money", "percent", "count", "multiple", "year", "date"];
                        if !KINDS.contains(&kind) {
                            return Err(format!("line {n}: unknown figure kind `{kind}`"));
                        }
                        let v: f64 = value.parse().map_err(|_| format!("line {n}: `{value}` is not a number"))?;
                        (t, Some((kind.to_string(), v)))
                    }
                };
                if text.is_empty() {
                    return Err(format!("line {n}: empty figure"));
                }
                g.plus.push(Plus { text: text.to_string(), kind_value: kv });
            }
        }
    }
    for key in ["title", "number", "published", "signed"] {
        if !seen.contains(&key) {
            return Err(format!("`{key}:` missing"));
        }
    }
    if part == Part::Head {
        return Err("`outline:` missing".into());
    }
    Ok(g)
}

// ---------------------------------------------------------------------------------------------
// What the command line read

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A heading number without white space and without its trailing delimiter (`一、` → `一`).
fn norm_number(s: &str) -> String {
    no_space(s).trim_end_matches(['、', '.', '．', ':', '：', ',', '，']).to_string()
}

/// A heading title without white space and without trailing punctuation.
fn norm_title(s: &str) -> String {
    no_space(s).trim_end_matches(['。', '；', '：', '，', '、', '！', '？', '.', ';', ':', ',', '!', '?']).to_string()
}

fn str_at<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn outline_of(sections: &Value, depth: usize, out: &mut Vec<(usize, String, String)>) {
    for s in sections.as_array().into_iter().flatten() {
        out.push((depth, str_at(s, "number").unwrap_or("").to_string(), str_at(s, "title").unwrap_or("").to_string()));
        if let Some(children) = s.get("children") {
            outline_of(children, depth + 1, out);
        }
    }
}

/// Paragraph id → text, and section id → title (where a figure of a heading points).
fn texts_of(reply: &Value) -> (HashMap<String, String>, HashMap<String, String>) {
    fn add_paragraphs(list: Option<&Value>, out: &mut HashMap<String, String>) {
        for p in list.and_then(Value::as_array).into_iter().flatten() {
            if let (Some(id), Some(text)) = (str_at(p, "id"), str_at(p, "text")) {
                out.insert(id.to_string(), text.to_string());
            }
        }
    }
    fn walk(sections: &Value, paragraphs: &mut HashMap<String, String>, titles: &mut HashMap<String, String>) {
        for s in sections.as_array().into_iter().flatten() {
            if let Some(id) = str_at(s, "id") {
                titles.insert(id.to_string(), str_at(s, "title").unwrap_or("").to_string());
            }
            add_paragraphs(s.get("paragraphs"), paragraphs);
            if let Some(children) = s.get("children") {
                walk(children, paragraphs, titles);
            }
        }
    }
    let mut paragraphs = HashMap::new();
    let mut titles = HashMap::new();
    if let Some(sections) = reply.get("sections") {
        walk(sections, &mut paragraphs, &mut titles);
    }
    for key in ["closing", "preamble", "signature"] {
        add_paragraphs(reply.get(key), &mut paragraphs);
    }
    if let Some(s) = reply.get("salutation").filter(|s| s.is_object()) {
        add_paragraphs(Some(&Value::Array(vec![s.clone()])), &mut paragraphs);
    }
    titles.insert("title".to_string(), str_at(reply, "title").unwrap_or("").to_string());
    (paragraphs, titles)
}

/// Char offsets of every occurrence of `needle` in `hay`.
fn occurrences(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    let len = needle.chars().count();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = hay[from..].find(needle) {
        let byte = from + k;
        let start = hay[..byte].chars().count();
        out.push((start, start + len));
        from = byte + hay[byte..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-6 * a.abs().max(b.abs())
}

fn cut(s: &str) -> String {
    let one_line: String = s.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect();
    if one_line.chars().count() <= LINE_MAX {
        one_line
    } else {
        one_line.chars().take(LINE_MAX - 1).chain(std::iter::once('…')).collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Scoring one page

#[derive(Default, Clone, Copy)]
struct Tally {
    pages: usize,
    title: usize,
    number: usize,
    published: (usize, usize),
    signed: (usize, usize),
    outline: usize,
    untitled: usize,
    plus: (usize, usize),
    minus: (usize, usize),
    found: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.pages += o.pages;
        self.title += o.title;
        self.number += o.number;
        self.published.0 += o.published.0;
        self.published.1 += o.published.1;
        self.signed.0 += o.signed.0;
        self.signed.1 += o.signed.1;
        self.outline += o.outline;
        self.untitled += o.untitled;
        self.plus.0 += o.plus.0;
        self.plus.1 += o.plus.1;
        self.minus.0 += o.minus.0;
        self.minus.1 += o.minus.1;
        self.found += o.found;
    }

    fn pct(&self, f: Field) -> Option<f64> {
        let (hit, of) = match f {
            Field::Title => (self.title, self.pages),
            Field::Number => (self.number, self.pages),
            Field::Published => self.published,
            Field::Signed => self.signed,
            Field::Outline => (self.outline, self.pages),
            Field::FigureRecall => self.plus,
            Field::NotFigures => self.minus,
            Field::Found => (self.found, self.pages),
        };
        (of > 0).then(|| 100.0 * hit as f64 / of as f64)
    }
}

/// The text a reply was read from, in reading order: every section's number and title and every
/// paragraph (sections depth-first, then the closing).
fn body_text(reply: &Value) -> Vec<String> {
    fn walk(sections: &Value, out: &mut Vec<String>) {
        for s in sections.as_array().map_or(&[][..], Vec::as_slice) {
            out.push(format!("{}{}", str_at(s, "number").unwrap_or(""), str_at(s, "title").unwrap_or("")));
            for p in s.get("paragraphs").and_then(Value::as_array).map_or(&[][..], Vec::as_slice) {
                out.push(str_at(p, "text").unwrap_or("").to_string());
            }
            if let Some(c) = s.get("children") {
                walk(c, out);
            }
        }
    }
    let mut out = Vec::new();
    if let Some(s) = reply.get("sections") {
        walk(s, &mut out);
    }
    for p in reply.get("closing").and_then(Value::as_array).map_or(&[][..], Vec::as_slice) {
        out.push(str_at(p, "text").unwrap_or("").to_string());
    }
    out
}

/// Scores one page against its gold; failures are pushed as one-line messages. `article` is the
/// reply read from the gold's article (`--article`), for a saved page.
fn score(
    gold: &Gold,
    reply: Result<&Value, &str>,
    article: Option<Result<&Value, &str>>,
    fails: &mut Vec<String>,
) -> Tally {
    let mut t = Tally { pages: 1, ..Tally::default() };
    let has_pub = usize::from(gold.published.is_some());
    let has_signed = usize::from(gold.signed.is_some());
    t.published.1 = has_pub;
    t.signed.1 = has_signed;
    t.plus.1 = gold.plus.len();
    t.minus.1 = gold.minus.len();
    let reply = match reply {
        Ok(r) => r,
        Err(e) => {
            fails.push(cut(&format!("cli: {e}")));
            return t;
        }
    };

    // found: the reply holds text, and on a saved page it is the text of the gold's article
    // (not the page's header, navigation and footer around it, nor a part of the article).
    let sections = reply.get("sections").and_then(Value::as_array).map_or(0, Vec::len);
    let (paragraphs, titles) = texts_of(reply);
    if sections == 0 && !paragraphs.values().any(|p| !p.trim().is_empty()) {
        fails.push("found: the reply is empty (no section, no paragraph)".into());
    } else {
        match article {
            None => t.found = 1,
            Some(Err(e)) => fails.push(cut(&format!("found: cli with --article: {e}"))),
            Some(Ok(given)) => {
                let read = body_text(reply);
                let want = body_text(given);
                if read == want {
                    t.found = 1;
                } else {
                    let k = read.iter().zip(&want).position(|(a, b)| a != b).unwrap_or(read.len().min(want.len()));
                    fails.push(cut(&format!(
                        "found: not the article ({} lines read, {} in the article); first difference at #{}: read `{}`, article `{}`",
                        read.len(),
                        want.len(),
                        k + 1,
                        read.get(k).map_or("(none)", String::as_str),
                        want.get(k).map_or("(none)", String::as_str)
                    )));
                }
            }
        }
    }

    // title
    let title = str_at(reply, "title").unwrap_or("");
    // `title: -`: the page has no title at all (tests/corpus/README.md), so none is right.
    let want = if gold.title == "-" { "" } else { gold.title.as_str() };
    if no_space(title) == no_space(want) {
        t.title = 1;
    } else {
        fails.push(cut(&format!("title: expected `{}`, got `{title}`", gold.title)));
    }

    // number
    let number = str_at(reply, "documentNumber");
    if number.map(no_space) == gold.number.as_deref().map(no_space) {
        t.number = 1;
    } else {
        fails.push(cut(&format!(
            "number: expected `{}`, got `{}`",
            gold.number.as_deref().unwrap_or("-"),
            number.unwrap_or("-")
        )));
    }

    // dates
    // `publishedDate` is the publication date as YYYY-MM-DD (`published` keeps the page's text).
    let date = |key: &str| {
        let key = if key == "published" && str_at(reply, "publishedDate").is_some() { "publishedDate" } else { key };
        str_at(reply, key).map(|d| d.chars().take(10).collect::<String>())
    };
    for (key, want, hit) in
        [("published", &gold.published, &mut t.published.0), ("signed", &gold.signed, &mut t.signed.0)]
    {
        let Some(want) = want else { continue };
        let got = date(key);
        if got.as_deref() == Some(want.as_str()) {
            *hit = 1;
        } else {
            fails.push(format!("{key}: expected {want}, got {}", got.as_deref().unwrap_or("-")));
        }
    }

    // outline
    let mut got = Vec::new();
    if let Some(s) = reply.get("sections") {
        outline_of(s, 0, &mut got);
    }
    // A reply without headings has one section, `""` `正文` (the contract): no outline at all.
    if matches!(got.as_slice(), [(0, n, t)] if n.is_empty() && t == "正文") {
        got.clear();
    }
    t.untitled = got.iter().filter(|(_, _, title)| title.trim().is_empty()).count();
    if t.untitled > 0 {
        fails.push(format!("outline: {} untitled node(s)", t.untitled));
    }
    let key = |(d, n, title): &(usize, String, String)| (*d, norm_number(n), norm_title(title));
    let want: Vec<_> = gold.outline.iter().map(key).collect();
    let have: Vec<_> = got.iter().map(key).collect();
    if want == have {
        t.outline = 1;
    } else {
        let show = |e: Option<&(usize, String, String)>| {
            e.map_or("(none)".to_string(), |(d, n, title)| format!("{}{n} {title}", "  ".repeat(*d)))
        };
        let k = want.iter().zip(&have).position(|(a, b)| a != b).unwrap_or(want.len().min(have.len()));
        fails.push(cut(&format!(
            "outline: {} nodes expected, {} got; first difference at #{}: expected `{}`, got `{}`",
            want.len(),
            have.len(),
            k + 1,
            show(gold.outline.get(k)),
            show(got.get(k))
        )));
    }

    // figures
    let figures: &[Value] = reply.get("figures").and_then(Value::as_array).map_or(&[], Vec::as_slice);
    for p in &gold.plus {
        let same_text: Vec<&Value> = figures.iter().filter(|f| str_at(f, "text") == Some(p.text.as_str())).collect();
        let ok = match &p.kind_value {
            None => !same_text.is_empty(),
            Some((kind, value)) => same_text.iter().any(|f| {
                str_at(f, "kind") == Some(kind.as_str())
                    && f.get("value").and_then(Value::as_f64).is_some_and(|v| close(v, *value))
            }),
        };
        if ok {
            t.plus.0 += 1;
        } else if let (Some((kind, value)), Some(f)) = (&p.kind_value, same_text.first()) {
            fails.push(cut(&format!(
                "figure + {}: expected {kind} {value}, got {} {}",
                p.text,
                str_at(f, "kind").unwrap_or("?"),
                f.get("value").map_or("?".to_string(), Value::to_string)
            )));
        } else {
            fails.push(cut(&format!("figure + {}: not found", p.text)));
        }
    }
    for m in &gold.minus {
        let mut culprits = Vec::new();
        for f in figures {
            let (Some(pid), Some(start), Some(end)) =
                (str_at(f, "paragraph"), f.get("start").and_then(Value::as_u64), f.get("end").and_then(Value::as_u64))
            else {
                continue;
            };
            let Some(text) = paragraphs.get(pid).or_else(|| titles.get(pid)) else { continue };
            let (start, end) = (start as usize, end as usize);
            if occurrences(text, m).iter().any(|&(a, b)| start < b && a < end) {
                culprits.push(format!("`{}` in {pid}", str_at(f, "text").unwrap_or("?")));
            }
        }
        if culprits.is_empty() {
            t.minus.0 += 1;
        } else {
            fails.push(cut(&format!("not-figure - {m}: overlapped by {}", culprits.join(", "))));
        }
    }
    t
}

// ---------------------------------------------------------------------------------------------
// The report

struct Page {
    family: String,
    rel: String,
    held_out: bool,
    tally: Tally,
    fails: Vec<String>,
}

/// The extensions of a page: a saved HTML page, or a page's text (the command line reads both).
const PAGE_EXTENSIONS: [&str; 3] = ["html", "htm", "txt"];

/// A part of a family (tune / held-out / all) and which pages it holds.
type Part = (&'static str, fn(&Page) -> bool);

/// Every subfolder of tests/corpus holding pages (`.html`, `.htm`, `.txt`), with its pages, sorted.
fn families(root: &Path) -> Vec<(String, Vec<PathBuf>)> {
    let mut out = Vec::new();
    let Ok(dirs) = std::fs::read_dir(root) else { return out };
    for dir in dirs.flatten() {
        let path = dir.path();
        if !path.is_dir() {
            continue;
        }
        let mut pages: Vec<PathBuf> = std::fs::read_dir(&path)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().and_then(|e| e.to_str()).is_some_and(|e| PAGE_EXTENSIONS.contains(&e)))
            .collect();
        if pages.is_empty() {
            continue;
        }
        pages.sort();
        out.push((dir.file_name().to_string_lossy().into_owned(), pages));
    }
    out.sort();
    out
}

fn run_cli(page: &Path, article: Option<&str>) -> Result<Value, String> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_reply-widget"));
    cmd.arg("parse").arg(page);
    if let Some(sel) = article {
        cmd.arg("--article").arg(sel);
    }
    let out = cmd.output().map_err(|e| format!("cannot run the binary: {e}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(format!("exit {:?}: {}", out.status.code(), err.trim()));
    }
    serde_json::from_slice(&out.stdout).map_err(|e| format!("not JSON: {e}"))
}

fn fmt_pct(p: Option<f64>) -> String {
    p.map_or("-".to_string(), |p| format!("{p:.1}"))
}

fn table_row(out: &mut String, family: &str, part: &str, t: &Tally) {
    let _ = writeln!(
        out,
        "{family:<10} {part:<8} {:>5} {:>7} {:>7} {:>7} {:>7} {:>7} {:>8} {:>7} {:>7} {:>7}",
        t.pages,
        fmt_pct(t.pct(Field::Title)),
        fmt_pct(t.pct(Field::Number)),
        fmt_pct(t.pct(Field::Published)),
        fmt_pct(t.pct(Field::Signed)),
        fmt_pct(t.pct(Field::Outline)),
        t.untitled,
        fmt_pct(t.pct(Field::FigureRecall)),
        fmt_pct(t.pct(Field::NotFigures)),
        fmt_pct(t.pct(Field::Found)),
    );
}

#[test]
fn fnv1a32_matches_the_reference_vectors() {
    assert_eq!(fnv1a32(b""), 0x811c_9dc5);
    assert_eq!(fnv1a32(b"a"), 0xe40c_292c);
    assert_eq!(fnv1a32(b"foobar"), 0xbf9c_f968);
}

#[test]
fn gold_parser_rejects_what_the_format_does_not_allow() {
    let ok = "title: T\nnumber: -\npublished: 2018-12-24\nsigned: -\noutline:\n一 A\n  （一） B\nfigures:\n+ 5项 = count 5\n- 十五\n";
    let g = parse_gold(ok).expect("valid gold");
    assert_eq!(g.outline, vec![(0, "一".into(), "A".into()), (1, "（一）".into(), "B".into())]);
    assert_eq!(g.plus[0].kind_value, Some(("count".into(), 5.0)));
    assert_eq!(g.minus, vec!["十五".to_string()]);
    assert_eq!(g.article, None);
    let with = parse_gold(&ok.replace("signed: -\n", "signed: -\narticle: #UCAP-CONTENT\n")).expect("valid gold");
    assert_eq!(with.article.as_deref(), Some("#UCAP-CONTENT"));
    for bad in [
        ok.replace("published: 2018-12-24", "published: 2018-12"),
        ok.replace("number: -\n", ""),
        ok.replace("  （一） B", "    （一） B"),
        ok.replace("+ 5项 = count 5", "+ 5项 = counts 5"),
        ok.replace("- 十五", "十五"),
        ok.replace("一 A", "一"),
    ] {
        assert!(parse_gold(&bad).is_err(), "accepted: {bad}");
    }
}

#[test]
fn corpus_report() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let mut problems = Vec::new();
    let mut pages = Vec::new();
    for (family, files) in families(&root) {
        for html in files {
            let name = html.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let rel = format!("{family}/{name}");
            let gold_path = html.with_extension("gold");
            let gold = match std::fs::read_to_string(&gold_path) {
                Err(e) => {
                    problems.push(format!("{rel}: no gold file ({}: {e})", gold_path.display()));
                    continue;
                }
                Ok(text) => match parse_gold(&text) {
                    Err(e) => {
                        let stem = rel.rsplit_once('.').map_or(rel.as_str(), |(s, _)| s);
                        problems.push(format!("{stem}.gold: malformed gold: {e}"));
                        continue;
                    }
                    Ok(g) => g,
                },
            };
            let saved_page = html.extension().is_some_and(|e| e != "txt");
            if saved_page && gold.article.is_none() {
                problems.push(format!("{rel}: a saved page's gold needs `article: SELECTOR`"));
                continue;
            }
            let reply = run_cli(&html, None);
            let given = gold.article.as_deref().filter(|_| saved_page).map(|sel| run_cli(&html, Some(sel)));
            let mut fails = Vec::new();
            let given_ref = given.as_ref().map(|g| g.as_ref().map_err(String::as_str));
            let tally = score(&gold, reply.as_ref().map_err(String::as_str), given_ref, &mut fails);
            pages.push(Page { family: family.clone(), held_out: held_out(&rel), rel, tally, fails });
        }
    }

    let mut out = String::new();
    let _ = writeln!(out, "\nReal-page corpus (tests/corpus): accuracy per field, % of pages unless noted");
    let _ = writeln!(
        out,
        "{:<10} {:<8} {:>5} {:>7} {:>7} {:>7} {:>7} {:>7} {:>8} {:>7} {:>7} {:>7}",
        "family",
        "part",
        "pages",
        "title",
        "number",
        "publ.",
        "signed",
        "outline",
        "untitled",
        "fig.rec",
        "not-fig",
        "found"
    );
    let mut fams: Vec<&str> = pages.iter().map(|p| p.family.as_str()).collect();
    fams.dedup();
    let mut rows: Vec<(String, &str, Tally)> = Vec::new();
    let parts: [Part; 3] = [("tune", |p| !p.held_out), ("heldout", |p| p.held_out), ("all", |_| true)];
    let mut groups: Vec<String> = fams.iter().map(|f| f.to_string()).collect();
    if groups.len() > 1 {
        groups.push("(all)".to_string());
    }
    for family in &groups {
        for (part, keep) in parts {
            let mut t = Tally::default();
            for p in pages.iter().filter(|p| (family == "(all)" || &p.family == family) && keep(p)) {
                t.add(&p.tally);
            }
            table_row(&mut out, family, part, &t);
            rows.push((family.clone(), part, t));
        }
    }
    let _ = writeln!(
        out,
        "published / signed: % of pages whose gold has a date; untitled: sections with an empty title (count); \
         fig.rec: % of `+` figures found; not-fig: % of `-` texts no figure overlaps"
    );

    // A held-out page's failures stay unprinted (a count only), so that no one tunes to them by
    // reading the report; `RW_SHOW_HELD_OUT=1` prints them for a final review.
    let show_held_out = std::env::var_os("RW_SHOW_HELD_OUT").is_some();
    let _ = writeln!(out, "\nFailures per page:");
    for p in &pages {
        if p.fails.is_empty() {
            continue;
        }
        if p.held_out && !show_held_out {
            let _ = writeln!(out, "{} [held out]: {} failures (RW_SHOW_HELD_OUT=1 prints them)", p.rel, p.fails.len());
            continue;
        }
        let _ = writeln!(out, "{}{}", p.rel, if p.held_out { " [held out]" } else { "" });
        for f in &p.fails {
            let _ = writeln!(out, "  {f}");
        }
    }
    println!("{out}");

    for (family, part, t) in &rows {
        if *part != "heldout" || t.pages == 0 {
            continue;
        }
        let mins = if family == "(all)" { HELDOUT_ALL_MIN } else { HELDOUT_MIN };
        for &(field, min) in mins {
            if let Some(p) = t.pct(field) {
                if p + 1e-9 < min {
                    problems.push(format!("{family} held out: {field:?} {p:.1}% < minimum {min}%"));
                }
            }
        }
        if let Some(max) = HELDOUT_MAX_UNTITLED.filter(|&max| t.untitled > max) {
            problems.push(format!("{family} held out: {} untitled nodes > maximum {max}", t.untitled));
        }
    }
    assert!(!pages.is_empty() || !problems.is_empty(), "no page found under {}", root.display());
    assert!(problems.is_empty(), "corpus problems:\n{}", problems.join("\n"));
}
