//! Context phrases around a candidate run, as data (`data/context.tsv`): the words before
//! or after a run that make it a work or a person ("Season 5 of X", "once known as X",
//! "an X alum", "guitarist X"), and the runs that are never works ("PlayStation 5",
//! "Sci-fi", "Top 10").
//!
//! Parsed once into buckets keyed by the phrase word nearest the run, so a run costs one
//! hash lookup per side plus a comparison of the few phrases in its bucket.

use crate::hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::runs::{Run, View};
use crate::error::Error;
use crate::lexicon::lexed::Key;
use crate::text::Shape;

const CONTEXT_TSV: &str = include_str!("../../data/context.tsv");
const SOURCE: &str = "data/context.tsv";
const NUMBER: Key = Key::of("#");

/// Where a phrase sits relative to the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Before,
    After,
    First,
    Last,
    Whole,
}

/// What a phrase says about the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Says {
    Title(i32),
    Person(i32),
    NonWork,
    NonPerson,
    List,
}

/// One word of a phrase, with its key (compared with the token's).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Pat {
    Word(Box<str>, Key),
    Number,
}

impl Pat {
    fn matches(&self, v: &View<'_>, k: usize) -> bool {
        match self {
            Pat::Number => v.toks.get(k).is_some_and(|t| t.shape == Shape::Digits),
            Pat::Word(_, key) if *key != Key::NONE => v.key(k) == *key,
            Pat::Word(w, _) => v.tt(k).eq_ignore_ascii_case(w),
        }
    }
}

#[derive(Debug)]
struct Phrase {
    says: Says,
    /// In text order.
    words: Vec<Pat>,
}

/// The parsed table: phrases bucketed per side by the word nearest the run, lower case.
#[derive(Debug, Default)]
pub(crate) struct ContextTable {
    phrases: Vec<Phrase>,
    /// Per side, by the key of the word nearest the run ("#" for a number).
    buckets: [HashMap<Key, Vec<usize>>; 5],
    /// The same for words too long for a key.
    long_buckets: [HashMap<Box<str>, Vec<usize>>; 5],
}

/// What the context phrases add to a run's evidence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Said {
    pub title: i32,
    pub person: i32,
    pub nonwork: bool,
    pub nonperson: bool,
    /// A list of works follows ("shows such as", "the films"): "and" between two
    /// capitalised runs there separates members.
    pub list: bool,
}

impl ContextTable {
    /// Parses `data/context.tsv`-format text; a bad row is an error naming its line.
    pub(crate) fn parse(text: &str, source: &str) -> Result<ContextTable, Error> {
        let mut t = ContextTable::default();
        for (i, line) in text.lines().enumerate() {
            let line_no = i + 1;
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |msg: String| Error::gazetteer(source, line_no, msg);
            let cols: Vec<&str> = line.split('\t').collect();
            let [side, cat, weight, phrase] = cols[..] else {
                return Err(bad(format!("expected 4 tab-separated columns, got {}", cols.len())));
            };
            let side = match side {
                "before" => Side::Before,
                "after" => Side::After,
                "first" => Side::First,
                "last" => Side::Last,
                "whole" => Side::Whole,
                _ => return Err(bad(format!("unknown side {side:?} (before, after, first, last, whole)"))),
            };
            let weight: i32 = weight.parse().map_err(|_| bad(format!("weight {weight:?} is not a whole number")))?;
            let says = match cat {
                "title" => Says::Title(weight),
                "person" => Says::Person(weight),
                "nonwork" => Says::NonWork,
                "nonperson" => Says::NonPerson,
                "list" => Says::List,
                _ => return Err(bad(format!("unknown category {cat:?} (title, person, nonwork, nonperson, list)"))),
            };
            if phrase.is_empty() || phrase.split(' ').any(|w| w.split('|').any(str::is_empty) || w.chars().any(char::is_uppercase)) {
                return Err(bad(format!("phrase {phrase:?}: lower-case words (or `a|b` alternatives) separated by single spaces")));
            }
            if matches!(side, Side::First | Side::Last) && phrase.contains(' ') {
                return Err(bad(format!("a `first` or `last` phrase is one word, got {phrase:?}")));
            }
            for words in crate::text::spell(phrase).map_err(bad)? {
                let words = words.into_iter().map(|w| if w == "#" { Pat::Number } else { Pat::Word(w.into(), Key::of(w)) }).collect();
                t.add(side, Phrase { says, words });
            }
        }
        Ok(t)
    }

    /// Files one phrase under the bucket of its word nearest the run.
    fn add(&mut self, side: Side, phrase: Phrase) {
        let key = match side {
            Side::Before => phrase.words.last(),
            _ => phrase.words.first(),
        };
        let key: &str = match key {
            Some(Pat::Word(w, _)) => w,
            _ => "#",
        };
        let bucket = match Key::of(key) {
            Key::NONE => self.long_buckets[side as usize].entry(key.into()).or_default(),
            k => self.buckets[side as usize].entry(k).or_default(),
        };
        bucket.push(self.phrases.len());
        self.phrases.push(phrase);
    }

    /// The built-in table.
    pub(crate) fn builtin() -> &'static ContextTable {
        static TABLE: OnceLock<ContextTable> = OnceLock::new();
        // The embedded file is checked by a unit test; an error cannot reach users.
        TABLE.get_or_init(|| ContextTable::parse(CONTEXT_TSV, SOURCE).unwrap_or_default())
    }

    /// Whether `word` ends venue names ("Theater", "Arena"): a one-word `last nonperson`
    /// phrase.
    pub(crate) fn is_venue_word(&self, word: &str) -> bool {
        self.lookup(Side::Last, Key::of(word), word).iter().any(|&i| self.phrases[i].says == Says::NonPerson)
    }

    /// The phrases of a side whose nearest word is `word` (its key `key`). (Only ASCII
    /// words have phrases: the table's words are ASCII.)
    fn lookup(&self, side: Side, key: Key, word: &str) -> &[usize] {
        let ids = match key {
            _ if !word.is_ascii() => None,
            Key::NONE => {
                let mut buf = [0u8; 24];
                ascii_lower(word, &mut buf).and_then(|lower| self.long_buckets[side as usize].get(lower))
            }
            key => self.buckets[side as usize].get(&key),
        };
        ids.map_or(&[], Vec::as_slice)
    }

    fn bucket(&self, side: Side, v: &View<'_>, k: usize) -> &[usize] {
        if v.toks.get(k).is_some_and(|t| t.shape == Shape::Digits) {
            return self.lookup(side, NUMBER, "#");
        }
        self.lookup(side, v.key(k), v.tt(k))
    }

    /// What the phrases around run `r` (sentence tokens `a..b`) say.
    pub(crate) fn said(&self, v: &View<'_>, r: Run, a: usize, b: usize) -> Said {
        let mut out = Said::default();
        // ("24 of The Black Label are among its producers": a run that opens with "The"
        // is a company or a work there, not a person.)
        let the = v.tt(r.first) == "The";
        let mut apply = |says: Says| match says {
            Says::Title(w) => out.title = out.title.max(w),
            Says::Person(w) if !the => out.person = out.person.max(w),
            Says::Person(_) => {}
            Says::NonWork => out.nonwork = true,
            Says::NonPerson => out.nonperson = true,
            Says::List => out.list = true,
        };
        // Before: the word nearest the run ends the phrase (past an opening quote).
        let mut end = r.first;
        if end > a && matches!(v.tt(end - 1), "“" | "\"" | "‘") {
            end -= 1;
        }
        if end > a {
            for &i in self.bucket(Side::Before, v, end - 1) {
                let p = &self.phrases[i];
                let n = p.words.len();
                if end >= a + n && p.words.iter().enumerate().all(|(j, w)| w.matches(v, end - n + j)) {
                    apply(p.says);
                }
            }
        }
        // After: past a closing quote.
        let mut start = r.last;
        if start < b && matches!(v.tt(start), "”" | "\"" | "’") {
            start += 1;
        }
        if start < b {
            for &i in self.bucket(Side::After, v, start) {
                let p = &self.phrases[i];
                let n = p.words.len();
                if start + n <= b && p.words.iter().enumerate().all(|(j, w)| w.matches(v, start + j)) {
                    apply(p.says);
                }
            }
        }
        for &i in self.bucket(Side::First, v, r.first) {
            apply(self.phrases[i].says);
        }
        if r.last > r.first {
            for &i in self.bucket(Side::Last, v, r.last - 1) {
                apply(self.phrases[i].says);
            }
        }
        for &i in self.bucket(Side::Whole, v, r.first) {
            let p = &self.phrases[i];
            if p.words.len() == r.len() && p.words.iter().enumerate().all(|(j, w)| w.matches(v, r.first + j)) {
                apply(p.says);
            }
        }
        out
    }
}

/// `s` in ASCII lower case in `buf`, or `None` when it is not ASCII or too long.
fn ascii_lower<'b>(s: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    if s.len() > buf.len() || !s.is_ascii() {
        return None;
    }
    let out = &mut buf[..s.len()];
    out.copy_from_slice(s.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_table_parses() {
        let t = ContextTable::parse(CONTEXT_TSV, SOURCE).expect("data/context.tsv parses");
        assert!(t.phrases.len() > 50, "{}", t.phrases.len());
        // (Buckets are looked up for ASCII words only.)
        assert!(CONTEXT_TSV.is_ascii(), "data/context.tsv has a word that is not ASCII");
    }

    #[test]
    fn alternatives_spell_every_phrase() {
        let t = ContextTable::parse("after\ttitle\t3\tis|was the first|second film", "ctx.tsv").expect("parses");
        let spelled: Vec<String> = t
            .phrases
            .iter()
            .map(|p| p.words.iter().map(|w| if let Pat::Word(w, _) = w { w.to_string() } else { "#".into() }).collect::<Vec<_>>().join(" "))
            .collect();
        assert_eq!(spelled, ["is the first film", "is the second film", "was the first film", "was the second film"]);
        assert_eq!(t.buckets[Side::After as usize].get(&Key::of("was")).map(Vec::len), Some(2));
    }

    #[test]
    fn bad_rows_name_their_line() {
        for (text, want) in [
            ("before\ttitle\t3", ":1: expected 4"),
            ("# c\nbeside\ttitle\t3\tof", ":2: unknown side"),
            ("before\twork\t3\tof", "unknown category"),
            ("before\ttitle\tx\tof", "not a whole number"),
            ("before\ttitle\t3\tSeason of", "lower-case words"),
            ("before\ttitle\t3\tseason  of", "lower-case words"),
            ("first\tnonwork\t0\ttwo words", "one word"),
            ("last\tnonperson\t0\ttwo words", "one word"),
            ("before\ttitle\t3\tthe film| of", "alternatives"),
            ("before\ttitle\t3\ta|b|c|d|e|f|g|h|i a|b|c|d|e|f|g|h|i a|b|c|d|e|f|g|h|i a|b|c|d|e|f|g|h|i of", "more than 4096"),
        ] {
            let err = ContextTable::parse(text, "ctx.tsv").expect_err(text).to_string();
            assert!(err.contains("ctx.tsv") && err.contains(want), "{text:?}: {err}");
        }
    }
}
