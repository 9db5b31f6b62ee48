//! Issue 19: pages in traditional script read as well as simplified ones.
//!
//! The rule: the parser's matchers see the folded char ([`crate::text::simplified`]: `億` →
//! `亿`, `號` → `号`, `屆` → `届`, `發佈` → `发布`), and everything the reader gives back is the
//! page's own chars. [`super::parse_lines`] reads the folded lines and [`Unfold::reply`] puts the
//! page's chars back into every text of the reply (title, metadata, headings, paragraphs,
//! figures' text and context) at the same offsets: a fold maps one char to one char of the same
//! UTF-8 length. What the parser derives stays simplified: a figure's unit (`270億元` has unit
//! `亿元`), its deadline and indicator. A page in simplified script is read as it was.

use crate::model::{Paragraph, Reply, Section};
use crate::text::simplify;

/// The page's own text beside its fold, to give back the page's chars for a folded piece.
pub(super) struct Unfold {
    original: String,
    folded: String,
    /// Folded char → the page's char, where they differ: for a piece the parser joined from
    /// several lines (a title set on two), which the folded text does not hold as it is.
    pairs: Vec<(char, char)>,
    /// Where the last piece found ends: pieces are given back in reading order, so the next
    /// one is searched from there first (a page's paragraphs are not searched from its top).
    from: std::cell::Cell<usize>,
}

impl Unfold {
    /// Over the texts the parser read (its input lines, the page's hints).
    pub(super) fn new<'a>(texts: impl Iterator<Item = &'a str>) -> Unfold {
        let mut original = String::new();
        for t in texts {
            original.push_str(t);
            original.push('\n');
        }
        let folded = simplify(&original).unwrap_or_else(|| original.clone());
        let mut pairs: Vec<(char, char)> = Vec::new();
        for (f, o) in folded.chars().zip(original.chars()) {
            if f != o && !pairs.contains(&(f, o)) {
                pairs.retain(|p| p.0 != f);
                pairs.push((f, o));
            }
        }
        // A char the page writes simplified more often than not (a site's `繁體` toggle over a
        // page in simplified script, which writes 体 itself) is given back as it is.
        pairs.retain(|&(f, o)| {
            let (mut own, mut same) = (0usize, 0usize);
            for (a, b) in folded.chars().zip(original.chars()) {
                if a == f {
                    if b == o {
                        own += 1;
                    } else if b == f {
                        same += 1;
                    }
                }
            }
            own >= same
        });
        Unfold { original, folded, pairs, from: std::cell::Cell::new(0) }
    }

    /// The page's own chars for a folded piece of it.
    pub(super) fn text(&self, s: &mut String) {
        if s.is_ascii() {
            return;
        }
        let from = self.from.get();
        let after = self.folded.get(from..).and_then(|rest| rest.find(s.as_str())).map(|at| from + at);
        if let Some(at) = after.or_else(|| self.folded.find(s.as_str())) {
            if let Some(own) = self.original.get(at..at + s.len()) {
                *s = own.to_string();
                self.from.set(at + own.len());
                return;
            }
        }
        // A piece the parser joined across white space (`國函〔2005〕107 號`, a title set on two
        // lines): its chars found one by one, white space skipped, and given back as the page's.
        let want: Vec<char> = s.chars().collect();
        let dense: Vec<(usize, char)> = self.folded.char_indices().filter(|(_, c)| !c.is_whitespace()).collect();
        let found =
            (0..dense.len()).find(|&k| dense[k..].iter().map(|p| p.1).take(want.len()).eq(want.iter().copied()));
        if let Some(k) = found.filter(|_| !want.is_empty() && !want.iter().any(|c| c.is_whitespace())) {
            *s = dense[k..k + want.len()].iter().filter_map(|&(at, _)| self.original[at..].chars().next()).collect();
            return;
        }
        *s = s.chars().map(|c| self.pairs.iter().find(|p| p.0 == c).map_or(c, |p| p.1)).collect();
    }

    fn opt(&self, s: &mut Option<String>) {
        if let Some(s) = s {
            self.text(s);
        }
    }

    fn paragraphs(&self, list: &mut [Paragraph]) {
        for p in list {
            self.text(&mut p.text);
        }
    }

    /// Every text of a reply read from the folded lines back in the page's chars; then each
    /// figure's `text` and `context` from the text its offsets count in.
    pub(super) fn reply(&self, r: &mut Reply) {
        self.text(&mut r.title);
        self.opt(&mut r.published);
        self.opt(&mut r.source);
        self.opt(&mut r.document_number);
        for m in &mut r.meta {
            self.text(m);
        }
        if let Some(p) = &mut r.salutation {
            self.text(&mut p.text);
        }
        self.paragraphs(&mut r.preamble);
        // In reading order, iterative as `Reply::walk_sections`.
        let mut stack: Vec<&mut Section> = r.sections.iter_mut().rev().collect();
        while let Some(s) = stack.pop() {
            self.text(&mut s.number);
            self.text(&mut s.title);
            self.paragraphs(&mut s.paragraphs);
            stack.extend(s.children.iter_mut().rev());
        }
        self.paragraphs(&mut r.closing);
        self.paragraphs(&mut r.signature);
        let mut figures = std::mem::take(&mut r.figures);
        for f in &mut figures {
            let Some((_, own)) = r.text_of(&f.paragraph) else { continue };
            let chars: Vec<char> = own.chars().collect();
            let (a, b) = (f.start as usize, f.end as usize);
            if a <= b && b <= chars.len() {
                f.text = chars[a..b].iter().collect();
                f.context = super::figures::context(&chars, a, b);
            }
        }
        r.figures = figures;
    }
}

/// Lines with [`simplify`] applied, if that changes any.
pub(super) fn fold_lines(lines: &[&str]) -> Option<Vec<String>> {
    let folded: Vec<Option<String>> = lines.iter().map(|l| simplify(l)).collect();
    if folded.iter().all(Option::is_none) {
        return None;
    }
    Some(lines.iter().zip(folded).map(|(l, f)| f.unwrap_or_else(|| String::from(*l))).collect())
}

/// A reply (parsed here, or given from outside: `annotate(json)`) with every text folded, for
/// the rules that read a parsed reply (stance, deadline, indicator: `将`, `到…年`, `累計`,
/// `截至`); `None` where nothing folds. Its figures are the reply's, in the same order.
pub(super) fn folded(r: &Reply) -> Option<Reply> {
    let mut out = r.clone();
    let mut changed = false;
    let mut fold = |s: &mut String| {
        if let Some(f) = simplify(s) {
            *s = f;
            changed = true;
        }
    };
    fold(&mut out.title);
    for m in &mut out.meta {
        fold(m);
    }
    let mut stack: Vec<&mut Section> = out.sections.iter_mut().collect();
    while let Some(s) = stack.pop() {
        fold(&mut s.number);
        fold(&mut s.title);
        for p in &mut s.paragraphs {
            fold(&mut p.text);
        }
        stack.extend(s.children.iter_mut());
    }
    let lists = [&mut out.preamble, &mut out.closing, &mut out.signature];
    for list in lists {
        for p in list.iter_mut() {
            fold(&mut p.text);
        }
    }
    if let Some(p) = &mut out.salutation {
        fold(&mut p.text);
    }
    for f in &mut out.figures {
        fold(&mut f.text);
        fold(&mut f.context);
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests;
