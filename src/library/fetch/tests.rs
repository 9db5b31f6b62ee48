//! The fetch queue: what a reader on a slow line gets is at most six downloads at once, each
//! file once, and a new query that does not wait behind the old one's files.

use super::*;

/// Every file the queue starts now, in order.
fn started(f: &mut Fetches) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    while let Some(file) = f.start() {
        out.push(file);
    }
    out
}

fn names(files: &[(String, bool)]) -> Vec<&str> {
    files.iter().map(|(n, _)| n.as_str()).collect()
}

#[test]
fn at_most_six_at_once_the_rest_as_fetches_end() {
    let mut f = Fetches::default();
    for k in 0..8 {
        assert!(f.ask(&format!("c{k}.bin"), false));
    }
    let first = started(&mut f);
    assert_eq!(names(&first), ["c0.bin", "c1.bin", "c2.bin", "c3.bin", "c4.bin", "c5.bin"]);
    f.arrived("c2.bin");
    assert_eq!(names(&started(&mut f)), ["c6.bin"]);
    f.arrived("c0.bin");
    f.arrived("c1.bin");
    assert_eq!(names(&started(&mut f)), ["c7.bin"], "only what waits is started");
    assert!(started(&mut f).is_empty());
}

#[test]
fn a_file_asked_twice_is_fetched_once_until_it_arrives() {
    let mut f = Fetches::default();
    assert!(f.ask("manifest.json", false));
    assert!(!f.ask("manifest.json", false));
    assert_eq!(started(&mut f), [("manifest.json".to_string(), false)]);
    assert!(!f.ask("manifest.json", false), "in flight: not asked again");
    f.arrived("manifest.json");
    assert!(f.ask("manifest.json", false), "arrived: a later query may ask again");
}

#[test]
fn a_new_query_drops_what_waits_and_keeps_what_is_under_way() {
    let mut f = Fetches::default();
    for k in 0..9 {
        f.ask(&format!("w{k}.bin"), k > 6);
    }
    assert_eq!(started(&mut f).len(), IN_FLIGHT);
    f.drop_waiting();
    assert!(f.ask("new.bin", false));
    assert!(f.ask("w7.bin", false), "a dropped file may be asked for again");
    assert!(!f.ask("w0.bin", false), "a file under way is not asked twice");
    f.arrived("w0.bin");
    f.arrived("w1.bin");
    assert_eq!(started(&mut f), [("new.bin".to_string(), false), ("w7.bin".to_string(), false)]);
}

#[test]
fn a_file_waiting_for_a_paint_says_so() {
    let mut f = Fetches::default();
    f.ask("cards/0.bin", false);
    f.ask("cards/1.bin", true);
    assert_eq!(started(&mut f), [("cards/0.bin".to_string(), false), ("cards/1.bin".to_string(), true)]);
}
