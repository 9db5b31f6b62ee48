//! Small text helpers shared by the parser, the filter and the outline: folding for matching,
//! and matching a word at a position of a char slice.

/// Folds one char for matching: full-width ASCII forms to ASCII, ASCII letters to lower case,
/// the ideographic space to a space. Only ASCII case is folded: Rust's Unicode case tables would
/// cost the widget about 10 KB, and the genre's Latin text is ASCII. One char maps to one char,
/// so an offset in folded text is the same offset in the original.
pub fn fold_char(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// [`fold_char`] over a whole string.
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// Whether `word` stands in `s` at char position `at`.
pub fn starts_with(s: &[char], at: usize, word: &str) -> bool {
    (at..).zip(word.chars()).all(|(k, w)| s.get(k) == Some(&w))
}

/// The first of `words` that stands in `s` at `at` (list longer words first).
pub fn match_word<'a>(s: &[char], at: usize, words: &[&'a str]) -> Option<&'a str> {
    words.iter().copied().find(|w| starts_with(s, at, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_is_one_to_one() {
        assert_eq!(fold("２０２３ＡＢｃ，"), "2023abc,");
        assert_eq!(fold("科技　金融"), "科技 金融");
        assert_eq!(fold("Straße"), "straße");
        for s in ["２０２３ＡＢｃ，", "科技　金融", "Straße"] {
            assert_eq!(fold(s).chars().count(), s.chars().count());
        }
    }

    #[test]
    fn words_at_positions() {
        let s: Vec<char> = "万亿元".chars().collect();
        assert!(starts_with(&s, 0, "万亿"));
        assert!(starts_with(&s, 2, "元"));
        assert!(!starts_with(&s, 2, "元素"), "past the end");
        assert_eq!(match_word(&s, 0, &["万亿", "万"]), Some("万亿"));
        assert_eq!(match_word(&s, 1, &["万亿", "万"]), None);
    }
}
