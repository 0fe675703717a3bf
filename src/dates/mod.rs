//! Dates: find every temporal expression and normalize it against the publication date.
//!
//! `scan` finds surface forms ("June 6, 2025", "Sept. 24", "the fall of 2023", "Q3 2025",
//! "next month", "opened Friday", "on the 14th", "three weeks ago", "the third quarter",
//! "1-8 September", "the first of March", "the last Friday of October", "that day") in one
//! linear pass; `resolve` turns them into ISO values
//! at the granularity the text states, using the publication date and the tense of the
//! sentence (`tense`) for relative ones. With no publication date, a relative date has no
//! value. Words live in `data/date_words.tsv`.
//!
//! Left out on purpose: vague spans ("soon", "this weekend", "the 1990s"), week-level
//! phrases ("next week", "last week": no calendar value to check), counts and
//! amounts, clock times, and years that are part of a title ("Blade Runner 2049").
//!
//! ```
//! use newsfacts::dates::DateScanner;
//! use newsfacts::{Date, DateValue, Span};
//!
//! let scanner = DateScanner::new();
//! let text = "Ballerina opened Friday; the sequel arrives June 6, 2026.";
//! let (mut found, mut warnings) = (Vec::new(), Vec::new());
//! let published: Date = "2025-06-10".parse()?;
//! scanner.scan(text, &[Span::new(0, text.len())], Some(published), &mut found, &mut warnings);
//! assert_eq!(found[0].value, Some(DateValue::Point("2025-06-06".into())));
//! assert_eq!(found[1].value, Some(DateValue::Point("2026-06-06".into())));
//! assert!(found[0].relative && !found[1].relative);
//! # Ok::<(), newsfacts::Error>(())
//! ```

use std::sync::Arc;

use crate::date::Date;
use crate::facts::{DateValue, Granularity};
use crate::span::Span;

mod resolve;
mod scan;
mod tense;
mod words;

#[cfg(test)]
mod tests;

use self::resolve::Anchor;
use self::scan::{Expr, Scanner};
use self::tense::Tense;
use self::words::Words;

/// A date found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Where it is.
    pub span: Span,
    /// Its value (`None` when relative and no publication date is known).
    pub value: Option<DateValue>,
    /// Granularity of the value.
    pub granularity: Granularity,
    /// Whether resolving it needed the publication date.
    pub relative: bool,
    /// Whether it names a day that does not exist ("February 30, 2025", "2025-02-29"):
    /// such a match has no value and is reported as a warning, but its span is kept so
    /// that nothing else (a title, a shorter date) is read inside it.
    pub impossible: bool,
}

/// The compiled date scanner: built once, shared by every extraction (`Send + Sync`,
/// cheap to clone).
#[derive(Clone, Debug)]
pub struct DateScanner {
    words: Arc<Words>,
}

impl DateScanner {
    /// Compiles the scanner (parses the embedded vocabulary once).
    ///
    /// # Panics
    ///
    /// Never on user input: only if the embedded `data/date_words.tsv` were malformed, which a
    /// unit test rules out.
    pub fn new() -> DateScanner {
        let words = Words::parse(words::WORDS_TSV).expect("embedded data/date_words.tsv parses (tested)");
        DateScanner { words: Arc::new(words) }
    }

    /// Finds the dates of `text` into `out` (cleared first), in text order, never
    /// overlapping. `sentences` are the sentence spans (for tense and a year written
    /// earlier in the sentence); `published` anchors relative dates; problems worked
    /// around (a typo'd year) are pushed onto `warnings`.
    ///
    /// ```
    /// use newsfacts::dates::DateScanner;
    /// use newsfacts::{DateValue, Granularity, Span};
    ///
    /// let text = "The festival runs September 4–14, 2025.";
    /// let (mut found, mut warnings) = (Vec::new(), Vec::new());
    /// DateScanner::new().scan(text, &[Span::new(0, text.len())], None, &mut found, &mut warnings);
    /// assert_eq!(found[0].span.get(text), Some("September 4–14, 2025"));
    /// assert_eq!(found[0].granularity, Granularity::Day);
    /// let range = DateValue::Range { from: "2025-09-04".into(), to: "2025-09-14".into() };
    /// assert_eq!(found[0].value, Some(range));
    /// ```
    pub fn scan(&self, text: &str, sentences: &[Span], published: Option<Date>, out: &mut Vec<Found>, warnings: &mut Vec<String>) {
        out.clear();
        let words = &*self.words;
        let mut sentence_ix = 0;
        // The last year written out, the sentence it was in, and whether it is a move's
        // target ("into 2014").
        let mut context: Option<(usize, i32, bool)> = None;
        // The month of the last day named, for "on the 14th".
        let mut context_month: Option<(i32, u8)> = None;
        // The last day named and its sentence, for "that day".
        let mut last_day: Option<(usize, Date)> = None;
        // A year heading a list ("Arch Enemy 2025 North American tour dates:") and whether
        // a row under it was read: a blank line after the rows ends the list.
        let mut list_year: Option<(i32, bool)> = None;
        // With no publication date, a headline that names a month and its year ("British TV
        // to Watch in Aug 2017") dates the year-less days and months of the article.
        let headline_end = if published.is_none() { headline_end(text) } else { 0 };
        let mut headline_year: Option<i32> = None;
        let mut prev_end = 0;
        for hit in Scanner::new(words, text) {
            while sentence_ix < sentences.len() && sentences[sentence_ix].end <= hit.span.start {
                sentence_ix += 1;
            }
            let sentence = sentences.get(sentence_ix).filter(|s| s.start <= hit.span.start).copied();
            // The text since the last match, read once: a blank line, a list heading.
            let gap = text.get(prev_end.min(hit.span.start)..hit.span.start).unwrap_or("");
            if list_year.is_some_and(|(_, rows)| rows) && gap.contains("\n\n") {
                list_year = None;
            }
            if let Some(y) = gap.rsplit('\n').find_map(heading_year) {
                list_year = Some((y, false));
            }
            prev_end = hit.span.end;
            let in_list = list_year.is_some() && gap.contains('\n');
            let in_sentence = context.filter(|&(ix, _, _)| sentence.is_some() && ix == sentence_ix);
            let context_target = in_sentence.is_some_and(|(_, _, t)| t);
            let context_year = in_sentence
                .map(|(_, y, _)| y)
                .or_else(|| {
                    let (y, _) = list_year.filter(|_| in_list)?;
                    list_year = Some((y, true));
                    Some(y)
                })
                .or(headline_year);
            if hit.span.end <= headline_end && headline_year.is_none() {
                if let Expr::Point(scan::Point::Month { year: Some(y), .. } | scan::Point::Day { year: Some(y), .. }) = hit.expr {
                    headline_year = Some(y);
                }
            }
            let tense = if resolve::needs_tense(&hit.expr) {
                tense::tense_of(words, text, sentence.unwrap_or(Span::new(0, text.len())), hit.span)
            } else {
                Tense::Unknown
            };
            // "in two weeks" is a date only looking ahead ("arrives in two weeks"; "sold out in
            // three days" is a duration).
            if matches!(hit.expr, Expr::Count { future_only: true, .. }) && tense != Tense::Future {
                continue;
            }
            // "that day" names the day named last, a sentence or two before; with none, it is
            // no date.
            let context_day = last_day.filter(|&(ix, _)| ix + SAME_DAY_SENTENCES >= sentence_ix).map(|(_, d)| d);
            if hit.expr == Expr::SameDay && context_day.is_none() {
                continue;
            }
            let r = resolve::resolve(&hit.expr, &Anchor { published, tense, context_year, context_target, context_month, context_day });
            // ("pushed into 2014, landing between July and September": the target of a move
            // dates the year-less months after it.)
            let before = text.get(..hit.span.start).unwrap_or("").trim_end();
            let target = ["into", "until", "till"].iter().any(|w| {
                before.len() >= w.len()
                    && before.is_char_boundary(before.len() - w.len())
                    && before[before.len() - w.len()..].eq_ignore_ascii_case(w)
                    && !before[..before.len() - w.len()].ends_with(|c: char| c.is_alphanumeric())
            });
            if let Some(y) = written_year(&hit.expr).filter(|_| hit.context || target) {
                context = Some((sentence_ix, y, target));
            }
            if let Expr::Point(scan::Point::Year(y)) = hit.expr {
                if list_heading(text, hit.span.end) {
                    list_year = Some((y, false));
                }
            }
            if let Some((sp, y)) = hit.typo {
                warnings.push(format!("typo'd year {:?} at byte {} read as {y}", sp.get(text).unwrap_or(""), sp.start));
            }
            if let (Granularity::Day, Some(DateValue::Point(v))) = (r.granularity, &r.value) {
                if let Ok(d) = v.parse::<Date>() {
                    context_month = Some((d.year(), d.month()));
                    last_day = Some((sentence_ix, d));
                }
            }
            // ("August is when the rush starts. … on the 8th": a month named alone is the
            // month of the bare days after it too.)
            if let (Granularity::Month, Some(DateValue::Point(v))) = (r.granularity, &r.value) {
                if let Some((y, m)) = v.split_once('-').and_then(|(y, m)| Some((y.parse::<i32>().ok()?, m.parse::<u8>().ok()?))) {
                    context_month = Some((y, m));
                }
            }
            let impossible = matches!(hit.expr, Expr::Impossible);
            let surface = || hit.span.get(text).unwrap_or("");
            if impossible {
                warnings.push(format!("impossible date {:?} at byte {}: not read as a date", surface(), hit.span.start));
            } else if r.out_of_range {
                warnings.push(format!(
                    "date {:?} at byte {} falls outside the years 0000-9999: left without a value",
                    surface(),
                    hit.span.start
                ));
            }
            out.push(Found { span: hit.span, value: r.value, granularity: r.granularity, relative: r.relative, impossible });
        }
    }
}

/// Whether the year match ending at `end` is in a list heading ("2025 tour dates:"): the
/// rest of its line, at most [`HEADING_BYTES`] long, ends with a colon.
fn list_heading(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let Some(nl) = rest.bytes().take(HEADING_BYTES).position(|c| c == b'\n') else { return false };
    rest.get(..nl).is_some_and(|line| heading_year(line).is_some() || (line.trim_end().ends_with(':') && !line.contains(". ")))
}

/// The year a list heading states: a line of at most [`HEADING_BYTES`] ending with a colon,
/// not a sentence, with a plausible year in it ("Arch Enemy 2025 North American tour
/// dates:", where the year is a name's and no date match of its own).
fn heading_year(line: &str) -> Option<i32> {
    let line = line.trim_end();
    if line.len() > HEADING_BYTES || !line.ends_with(':') || line.contains(". ") {
        return None;
    }
    line.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit()))
        .filter_map(|w| w.parse::<i32>().ok())
        .find(|y| (1870..=2100).contains(y))
}

/// Longest list heading line.
const HEADING_BYTES: usize = 120;

/// How many sentences back "that day" looks for the day it names.
const SAME_DAY_SENTENCES: usize = 2;

/// The year a match writes out, for year-less dates later in its sentence.
/// Where the first line with text ends: the headline, as an article is laid out.
fn headline_end(text: &str) -> usize {
    let start = text.len() - text.trim_start().len();
    text[start..].find('\n').map_or(text.len(), |n| start + n)
}

fn written_year(expr: &Expr) -> Option<i32> {
    match expr {
        Expr::Point(p) => p.year(),
        Expr::Range(_, p) => p.year(),
        _ => None,
    }
}

impl Default for DateScanner {
    fn default() -> Self {
        DateScanner::new()
    }
}
