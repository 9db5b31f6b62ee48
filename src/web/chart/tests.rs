use super::*;
use reply_core::bundled_reply;

/// The values a chart's bars show, top to bottom.
fn bar_values(markup: &str) -> Vec<String> {
    markup.split("<text x=\"0\" y=\"16\">").skip(1).map(|t| t.split('　').next().unwrap_or("").to_string()).collect()
}

#[test]
fn the_chart_shows_the_visible_money_largest_first_with_its_table() {
    let r = bundled_reply();
    let outline = Outline::new(&r);
    let all = vec![true; r.figures.len()];
    let h = draw(&r, &outline, &all, None, false);
    let m = h.as_str();
    assert_eq!(bar_values(m), ["4457.56亿元", "1415亿元", "361亿元", "238.51亿元", "27.19亿元", "15.97亿元"]);
    assert!(m.contains("role=\"img\""), "{m}");
    assert!(m.contains("<caption>金额对比的数据表</caption>"), "{m}");
    assert!(m.contains("<td>4457.56</td><td>4457.56亿元</td>"), "{m}");
    assert!(m.contains("data-action=\"chart-table\""), "{m}");
    // The widest bar fills the drawing; a bar six rows down sits six rows lower.
    assert!(m.contains("width=\"316.0\""), "{m}");
    assert!(m.contains("translate(0 230)"), "{m}");
}

#[test]
fn the_chart_follows_the_filter_and_the_selection() {
    let r = bundled_reply();
    let outline = Outline::new(&r);
    let big: Vec<bool> = r.figures.iter().map(|f| f.text == "361亿元" || f.text == "1415亿元").collect();
    let selected = r.figures.iter().position(|f| f.text == "361亿元");
    let m = draw(&r, &outline, &big, selected, false).into_string();
    assert_eq!(bar_values(&m), ["1415亿元", "361亿元"]);
    assert_eq!(m.matches("data-selected").count(), 1, "{m}");
    // No money visible: no chart at all.
    let none = vec![false; r.figures.len()];
    assert_eq!(draw(&r, &outline, &none, None, false).into_string(), "");
}

#[test]
fn the_frame_takes_the_room_of_the_chart_it_waits_for() {
    let r = bundled_reply();
    let outline = Outline::new(&r);
    let all = vec![true; r.figures.len()];
    let chart = draw(&r, &outline, &all, None, false).into_string();
    let frame = frame(6).into_string();
    let view = |m: &str| m.split("viewBox=\"").nth(1).and_then(|v| v.split('"').next()).unwrap_or("").to_string();
    assert_eq!(view(&frame), view(&chart));
    assert_eq!(view(&frame), "0 0 320 280");
    assert!(!frame.contains("role=\"img\""), "an empty frame is no image: {frame}");
}
