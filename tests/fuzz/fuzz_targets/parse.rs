//! Fuzzes the parser and the filter: any text parses without panicking, every figure points at
//! its own text, the reply validates, and any query over it runs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reply_core::{filter, json, model, parse, FigureKind};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let reply = parse(text);
    assert_eq!(model::validate(&reply), Ok(()));
    for f in &reply.figures {
        // A figure's text is a paragraph's, a heading's or the title's (`model::TITLE`).
        let (_, text) = reply.text_of(&f.paragraph).expect("figure's paragraph");
        let slice: String = text.chars().skip(f.start as usize).take((f.end - f.start) as usize).collect();
        assert_eq!(slice, f.text);
        assert!(f.amount.value.is_finite());
    }
    let _ = json::reply(&reply);
    let index = filter::Index::drawn(&reply);
    // The input's first line doubles as a query: text, comparison or malformed.
    let query = text.lines().next().unwrap_or_default();
    let out = index.run(&reply.figures, &filter::parse_query(query), &FigureKind::ALL);
    for (b, ranges) in &out.marks {
        let len = index.blocks[*b].text.chars().count() as u32;
        assert!(ranges.iter().all(|(s, e)| s < e && *e <= len));
    }
});
