//! Dates: find every temporal expression and normalize it against the publication date.
//!
//! `scan` finds surface forms; `resolve` turns them into ISO values at the granularity
//! the text states, using the publication date and the tense of the sentence for
//! relative ones. With no publication date, a relative date has no value.

use crate::date::Date;
use crate::facts::{DateValue, Granularity};
use crate::span::Span;

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
}

/// The compiled date scanner: built once, shared by every extraction.
#[derive(Debug)]
pub struct DateScanner {}

impl DateScanner {
    /// Compiles the scanner.
    pub fn new() -> DateScanner {
        DateScanner {}
    }

    /// Finds the dates of `text` into `out` (cleared first), in text order.
    /// `sentences` are the sentence spans (for tense); `published` anchors relative dates;
    /// problems worked around (a typo'd year) are pushed onto `warnings`.
    pub fn scan(&self, text: &str, sentences: &[Span], published: Option<Date>, out: &mut Vec<Found>, warnings: &mut Vec<String>) {
        let _ = (text, sentences, published, warnings);
        out.clear();
    }
}

impl Default for DateScanner {
    fn default() -> Self {
        DateScanner::new()
    }
}
