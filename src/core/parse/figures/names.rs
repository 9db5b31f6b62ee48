//! Numerals that are part of a name, not a quantity: `“四个全面”`, `五位一体`, `二次污染`,
//! `七台河市`. A figure the reader found is dropped when one of these rules says so:
//!
//! - it overlaps a fixed expression of the list `fixed.txt` (slogans, plan names, place names);
//! - it is a Chinese-numeral count standing in a short quote (`“三项制度”`, `“四个突出”`): a quote
//!   of a few chars names a thing, it does not measure it;
//! - a Chinese numeral follows its measure word at once (`五位一体`, `六个一`, `两个一百年`):
//!   the rhythm of a slogan, never of a count;
//! - `二` alone before 期, 次, 类, 本 is an ordinal (`二期工程`, `二次污染`, `二类`, `二本`, the
//!   second batch of universities): a count of two is written `两`;
//! - `四周` is "all around" (`四周均为民房`), not four weeks, unless a span of time is meant
//!   (`为期四周`, `连续四周`, `四周内`);
//! - a phase (`三、四期工程`): a Chinese numeral + 期 followed by 工程 or 项目;
//! - a name the reply itself defines, wherever it stands again unquoted: one it quotes
//!   (`“助老三件事”`, a Chinese numeral in a short quote) or gives as a short name
//!   (`（以下简称职教20条）`).

use crate::text::starts_with;

/// The list as written, one expression a line, with its comments (see the file's head).
const FIXED_TEXT: &str = include_str!("fixed.txt");

/// Whether the line of `text` starting at byte `at` is a comment (`#`, after any spaces).
const fn comment_at(text: &[u8], mut at: usize) -> bool {
    while at < text.len() && text[at] == b' ' {
        at += 1;
    }
    at < text.len() && text[at] == b'#'
}

/// `text` without its comment lines (compiled in without them: the comments are for the
/// readers of the file, not for the wasm; README, "Size").
const fn uncommented<const N: usize>(text: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    let (mut i, mut o) = (0, 0);
    let mut keep = !comment_at(text, 0);
    while i < text.len() {
        if keep {
            out[o] = text[i];
            o += 1;
        }
        if text[i] == b'\n' {
            keep = !comment_at(text, i + 1);
        }
        i += 1;
    }
    out
}

/// How long [`uncommented`] makes `text`.
const fn uncommented_len(text: &[u8]) -> usize {
    let (mut i, mut n) = (0, 0);
    let mut keep = !comment_at(text, 0);
    while i < text.len() {
        if keep {
            n += 1;
        }
        if text[i] == b'\n' {
            keep = !comment_at(text, i + 1);
        }
        i += 1;
    }
    n
}

const FIXED_BYTES: [u8; uncommented_len(FIXED_TEXT.as_bytes())] = uncommented(FIXED_TEXT.as_bytes());

/// The list, one expression a line, its comments left out (whole lines only: a line is cut
/// where a `#` starts it, never inside, so the UTF-8 stays whole).
const FIXED: &str = match core::str::from_utf8(&FIXED_BYTES) {
    Ok(s) => s,
    Err(_) => panic!("fixed.txt is not UTF-8"),
};

/// The entries of [`FIXED`]: lines that are neither blank nor comments.
pub(crate) fn fixed_expressions() -> impl Iterator<Item = &'static str> {
    FIXED.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Whether chars `start..end` overlap an occurrence of a fixed expression.
pub(crate) fn in_fixed_expression(s: &[char], start: usize, end: usize) -> bool {
    for w in fixed_expressions() {
        let n = w.chars().count();
        // Every start `a` from which `w` would overlap `start..end`.
        let from = (start + 1).saturating_sub(n);
        for a in from..end {
            if starts_with(s, a, w) {
                return true;
            }
        }
    }
    false
}

/// The longest quoted name, in chars between the quotes: `“两个毫不动摇”` is 6.
const SHORT_QUOTE: usize = 8;

/// The closing quote of an opening one.
fn closing(c: char) -> Option<char> {
    Some(match c {
        '“' => '”',
        '‘' => '’',
        '「' => '」',
        '『' => '』',
        '"' => '"',
        '＂' => '＂',
        _ => return None,
    })
}

/// Chars that end a quoted name's search: clause punctuation and other quotes.
fn stops(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | ':' | '!' | '?' | '”' | '’' | '」' | '』' | '\t' | '\n'
    )
}

/// Whether chars `start..end` stand inside a quote of at most [`SHORT_QUOTE`] chars.
pub(crate) fn in_short_quote(s: &[char], start: usize, end: usize) -> bool {
    let mut a = start;
    let open = loop {
        if a == 0 || start - a >= SHORT_QUOTE {
            return false;
        }
        a -= 1;
        if let Some(close) = closing(s[a]) {
            break close;
        }
        if stops(s[a]) {
            return false;
        }
    };
    let mut b = end;
    while b < s.len() && b - a - 1 <= SHORT_QUOTE {
        if s[b] == open {
            return true;
        }
        if stops(s[b]) || closing(s[b]).is_some() {
            return false;
        }
        b += 1;
    }
    false
}

/// Whether a Chinese-numeral count (`numeral` its numeral, `unit` its measure word, `end`
/// where it ends) is a name by the rhythm or the ordinal rules of the module.
pub(crate) fn is_name_count(s: &[char], numeral: &[char], unit: &str, end: usize) -> bool {
    let next_is_numeral = s.get(end).is_some_and(|c| super::is_cn_numeral(*c) || *c == '双');
    let ordinal_er = numeral == ['二'] && matches!(unit, "期" | "次" | "类" | "本");
    let phase = unit == "期" && (starts_with(s, end, "工程") || starts_with(s, end, "项目"));
    // 四周 right before `end` (三四周 is an estimate of weeks).
    let at = end.saturating_sub(2);
    let around =
        numeral == ['四'] && unit == "周" && !(at > 0 && super::is_cn_numeral(s[at - 1])) && !weeks(s, at, end);
    next_is_numeral || ordinal_er || phase || around
}

/// Words before a span of time (`为期四周`) and after it (`四周内`).
const SPAN_BEFORE: &str = "为期|连续|历时|持续|用时|长达|每|近|约|前|后|共";
const SPAN_AFTER: &str = "内|时间|以上|以内|左右|后|之内";

/// Whether the count at `start..end` is a span of time by the words around it.
fn weeks(s: &[char], start: usize, end: usize) -> bool {
    let before = crate::text::words(SPAN_BEFORE).any(|w| {
        let n = w.chars().count();
        start >= n && starts_with(s, start - n, w)
    });
    before || crate::text::words(SPAN_AFTER).any(|w| starts_with(s, end, w))
}

/// The names with a numeral in them that a text defines ([`defined_names`]'s part of one text).
pub(crate) fn names_in(text: &str, out: &mut Vec<String>) {
    let s: Vec<char> = text.chars().collect();
    let numeral = |w: &[char]| w.iter().any(|c| super::is_cn_numeral(*c) || super::is_digit(*c));
    let mut add = |w: &[char]| {
        let name: String = w.iter().collect();
        if !out.contains(&name) {
            out.push(name);
        }
    };
    for i in 0..s.len() {
        // A short quote of three chars or more with a Chinese numeral: `“助老三件事”`.
        if let Some(close) = closing(s[i]) {
            let inner = s[i + 1..].iter().take(SHORT_QUOTE + 1).position(|c| *c == close || stops(*c));
            if let Some(n) = inner.filter(|&n| s.get(i + 1 + n) == Some(&close)) {
                let w = &s[i + 1..i + 1 + n];
                if w.len() >= 3 && w.iter().any(|c| super::is_cn_numeral(*c)) {
                    add(w);
                }
            }
        }
        // A short name: `（以下简称职教20条）`, `简称“三件事”`.
        if starts_with(&s, i, "简称") {
            let mut a = i + 2;
            while s.get(a).is_some_and(|c| matches!(c, '为' | '：' | ':' | '“' | '"' | '「')) {
                a += 1;
            }
            let n = s[a..].iter().take(11).position(|c| "）)”\"」，,、。；;".contains(*c));
            if let Some(n) = n.filter(|n| (2..=10).contains(n)) {
                let w = &s[a..a + n];
                if numeral(w) {
                    add(w);
                }
            }
        }
    }
}

/// Whether chars `start..end` overlap one of `names` where it stands in `s`.
pub(crate) fn in_names(s: &[char], start: usize, end: usize, names: &[String]) -> bool {
    names.iter().any(|w| {
        let n = w.chars().count();
        ((start + 1).saturating_sub(n)..end).any(|a| starts_with(s, a, w))
    })
}
