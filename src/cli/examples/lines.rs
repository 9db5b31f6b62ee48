// scratch (title19): print the article's lines with styles, and the hints
use reply_widget_cli::html::read_page;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let html = std::fs::read_to_string(&a[1]).unwrap();
    let p = read_page(&html, a.get(2).map(|s| s.as_str()).filter(|s| !s.is_empty())).unwrap();
    let n: usize = a.get(3).and_then(|s| s.parse().ok()).unwrap_or(40);
    for (k, l) in p.text.lines.iter().enumerate().take(n) {
        let s = p.text.styles.get(k).copied().unwrap_or_default();
        println!("{k:3} {}{} {l}", if s.centred { "C" } else { "-" }, if s.bold { "B" } else { "-" });
    }
    println!(
        "title={:?} published={:?} signed={:?}",
        p.parsed.reply.title, p.parsed.reply.published_date, p.parsed.reply.signed
    );
}
