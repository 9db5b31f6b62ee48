//! The body of a reply: headings told from paragraphs, and sections nested and numbered.

use super::heading::{parse_heading, Style};
use super::{Line, Origins, Piece, Span};
use crate::model::{Paragraph, Section};

/// A body line once headings are told from paragraphs.
pub(super) enum Block {
    Heading { depth: usize, number: String, heading: Span, title: Piece, body: Option<Piece> },
    Paragraph(Piece),
}

/// Tells headings from paragraphs. A heading style nests under the styles already open; its
/// numbers must run in sequence (a new style starts at 1), otherwise the line is a paragraph
/// (`2.` opening a sentence mid-section is not a heading).
pub(super) fn blocks(body: &[Line]) -> Vec<Block> {
    let mut open: Vec<(Style, u64)> = Vec::new();
    let mut out = Vec::new();
    for line in body {
        let Some(h) = parse_heading(line.text) else {
            out.push(Block::Paragraph(line.whole()));
            continue;
        };
        let accepted = match open.iter().position(|(s, _)| *s == h.style) {
            Some(d) if h.n == open[d].1 + 1 => {
                open.truncate(d);
                true
            }
            Some(_) => false,
            None => h.n == 1,
        };
        if !accepted {
            out.push(Block::Paragraph(line.whole()));
            continue;
        }
        open.push((h.style, h.n));
        let title = line.piece(h.title);
        let heading = Span { line: line.at, start: line.lead, text: title.span.start, end: title.span.end };
        out.push(Block::Heading {
            depth: open.len(),
            number: h.number,
            heading,
            title,
            body: h.body.map(|b| line.piece(b)),
        });
    }
    out
}

/// Builds the reply's paragraphs, recording where each came from.
pub(super) struct Builder {
    pub origins: Origins,
}

impl Builder {
    pub fn paragraph(&mut self, id: String, piece: Piece) -> Paragraph {
        self.origins.add(&id, piece.span);
        Paragraph { id, text: piece.text }
    }

    pub fn numbered(&mut self, prefix: &str, pieces: Vec<Piece>) -> Vec<Paragraph> {
        let mut out = Vec::with_capacity(pieces.len());
        for (k, p) in pieces.into_iter().enumerate() {
            out.push(self.paragraph(format!("{prefix}-p{}", k + 1), p));
        }
        out
    }

    /// Nests headings by depth and numbers sections by position (`s2-1`).
    pub fn sections(&mut self, blocks: Vec<Block>, preamble: &mut Vec<Piece>) -> Vec<Section> {
        let mut roots: Vec<Section> = Vec::new();
        // Path of child indexes from the roots to the open section.
        let mut path: Vec<usize> = Vec::new();
        fn at<'a>(roots: &'a mut [Section], path: &[usize]) -> Option<&'a mut Section> {
            let (first, rest) = path.split_first()?;
            let mut s = roots.get_mut(*first)?;
            for &i in rest {
                s = s.children.get_mut(i)?;
            }
            Some(s)
        }
        for b in blocks {
            match b {
                Block::Heading { depth, number, heading, title, body } => {
                    path.truncate(depth - 1);
                    let siblings = match at(&mut roots, &path) {
                        Some(parent) => &mut parent.children,
                        None => &mut roots,
                    };
                    let mut id = String::from("s");
                    for p in &path {
                        id.push_str(&(p + 1).to_string());
                        id.push('-');
                    }
                    id.push_str(&(siblings.len() + 1).to_string());
                    self.origins.add(&id, heading);
                    let mut section =
                        Section { id, number, title: title.text, paragraphs: Vec::new(), children: Vec::new() };
                    if let Some(piece) = body {
                        let pid = format!("{}-p1", section.id);
                        section.paragraphs.push(self.paragraph(pid, piece));
                    }
                    path.push(siblings.len());
                    siblings.push(section);
                }
                Block::Paragraph(piece) => match at(&mut roots, &path) {
                    Some(s) => {
                        let id = format!("{}-p{}", s.id, s.paragraphs.len() + 1);
                        let p = self.paragraph(id, piece);
                        s.paragraphs.push(p);
                    }
                    None => preamble.push(piece),
                },
            }
        }
        roots
    }
}
