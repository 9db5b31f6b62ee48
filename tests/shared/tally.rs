//! The metamorphic tests' count (`robust`, `robust_html`): per change, the (page, variant) pairs
//! that hold, the failures, and the report with its gates.

use std::fmt::Write as _;

/// Pairs and failures of one change (a transformation, a template).
#[derive(Default)]
pub struct Tally {
    pub pairs: usize,
    pub hold: usize,
    pub fails: Vec<String>,
}

/// One tally per gate, in the gates' order.
pub fn tallies<const N: usize>(gates: &[(&'static str, f64); N]) -> Vec<(&'static str, Tally)> {
    gates.iter().map(|(name, _)| (*name, Tally::default())).collect()
}

/// Counts one pair of `kind`: it holds when `diff` is empty, else `line` goes with the failures.
pub fn count(tallies: &mut [(&'static str, Tally)], kind: &str, diff: &[String], line: impl FnOnce() -> String) {
    let t = &mut tallies.iter_mut().find(|(k, _)| *k == kind).expect("known kind").1;
    t.pairs += 1;
    if diff.is_empty() {
        t.hold += 1;
    } else {
        t.fails.push(format!("{}: {}", line(), diff.join("; ")));
    }
}

/// Prints the table (`column`: what a row is) and the failures, and fails under a gate.
pub fn report<const N: usize>(head: &str, column: &str, tallies: &[(&'static str, Tally)], gates: &[(&str, f64); N]) {
    let mut out = String::new();
    let _ = writeln!(out, "{head}");
    let _ = writeln!(out, "{column:<10} {:>6} {:>6} {:>7} {:>7}", "pairs", "hold", "share", "gate");
    let mut problems = Vec::new();
    for ((kind, t), (_, gate)) in tallies.iter().zip(gates) {
        let share = if t.pairs == 0 { 100.0 } else { 100.0 * t.hold as f64 / t.pairs as f64 };
        let _ = writeln!(out, "{kind:<10} {:>6} {:>6} {share:>6.1}% {gate:>6.1}%", t.pairs, t.hold);
        if share < *gate {
            problems.push(format!("{kind}: {share:.1}% of pairs hold < gate {gate}%"));
        }
    }
    for (kind, t) in tallies {
        if t.fails.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{kind}: {} failures", t.fails.len());
        for f in &t.fails {
            let _ = writeln!(out, "  {f}");
        }
    }
    println!("{out}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
