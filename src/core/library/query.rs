//! A query read for the archive ([`Plan`]): the single-page widget's query language
//! ([`crate::filter::parse_query`]) — words, or comparisons on figure values — and the keys its
//! words are looked up under. What the search and the cards share.

use super::words::{run_keys, runs};
use crate::filter::{parse_query, Query};

/// Why a query gives no results without looking: the reader should be told.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// A word of one char (every word needs two): the word.
    TooShort(String),
    /// Looks like a comparison but cannot be read (`>=`, `>5栋楼`): the query.
    Malformed(String),
}

impl Problem {
    /// The reader's message, in the widget's language.
    pub fn message(&self) -> String {
        match self {
            Problem::TooShort(w) => format!("“{w}”太短：每个词请至少输入两个字"),
            Problem::Malformed(q) => format!("无法理解的数值条件“{q}”，请写成 >=100亿元、<20%、2022年 等形式"),
        }
    }
}

/// One word of a query: its runs (split at punctuation, folded) and their keys.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Word {
    pub runs: Vec<String>,
    pub keys: Vec<u64>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Terms {
    /// Nothing to look up (a problem).
    Nothing,
    All,
    Words(Vec<Word>),
    Figures,
}

/// A query read and ready to look up.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub query: Query,
    pub problem: Option<Problem>,
    pub(crate) terms: Terms,
}

impl Plan {
    /// Reads what the reader typed: the single-page widget's query language. Words are split
    /// at spaces and punctuation and all required.
    pub fn new(raw: &str) -> Plan {
        let query = parse_query(raw);
        let (terms, problem) = match &query {
            Query::All => (Terms::All, None),
            Query::Compare(_) => (Terms::Figures, None),
            Query::Malformed(q) => (Terms::Nothing, Some(Problem::Malformed(q.clone()))),
            Query::Text(q) => {
                let mut words = Vec::new();
                let mut problem = None;
                for w in q.split(' ') {
                    let rs = runs(w);
                    let mut word = Word { runs: Vec::new(), keys: Vec::new() };
                    for r in &rs {
                        if r.len() < 2 {
                            problem = Some(Problem::TooShort(r.iter().collect()));
                        }
                        run_keys(r, &mut word.keys);
                        word.runs.push(r.iter().collect());
                    }
                    if !word.runs.is_empty() {
                        words.push(word);
                    }
                }
                match problem {
                    Some(p) => (Terms::Nothing, Some(p)),
                    None if words.is_empty() => (Terms::All, None),
                    None => (Terms::Words(words), None),
                }
            }
        };
        Plan { query, problem, terms }
    }
}
