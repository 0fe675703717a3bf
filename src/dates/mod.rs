//! Dates: find every temporal expression and normalize it against the publication date.
//!
//! `scan` finds surface forms ("June 6, 2025", "Sept. 24", "the fall of 2023", "Q3 2025",
//! "next month", "opened Friday", "on the 14th") in one linear pass; `resolve` turns them into ISO values
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
        // The last year written out, and the sentence it was in.
        let mut context: Option<(usize, i32)> = None;
        // The month of the last day named, for "on the 14th".
        let mut context_month: Option<(i32, u8)> = None;
        for hit in Scanner::new(words, text) {
            while sentence_ix < sentences.len() && sentences[sentence_ix].end <= hit.span.start {
                sentence_ix += 1;
            }
            let sentence = sentences.get(sentence_ix).filter(|s| s.start <= hit.span.start).copied();
            let context_year = context.filter(|&(ix, _)| sentence.is_some() && ix == sentence_ix).map(|(_, y)| y);
            let tense = if resolve::needs_tense(&hit.expr) {
                tense::tense_of(words, text, sentence.unwrap_or(Span::new(0, text.len())), hit.span)
            } else {
                Tense::Unknown
            };
            let r = resolve::resolve(&hit.expr, &Anchor { published, tense, context_year, context_month });
            if let Some(y) = written_year(&hit.expr).filter(|_| hit.context) {
                context = Some((sentence_ix, y));
            }
            if let Some((sp, y)) = hit.typo {
                warnings.push(format!("typo'd year {:?} at byte {} read as {y}", sp.get(text).unwrap_or(""), sp.start));
            }
            if let (Granularity::Day, Some(DateValue::Point(v))) = (r.granularity, &r.value) {
                if let Ok(d) = v.parse::<Date>() {
                    context_month = Some((d.year(), d.month()));
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

/// The year a match writes out, for year-less dates later in its sentence.
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
