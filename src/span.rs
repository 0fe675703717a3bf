//! Byte spans into the input text.
//!
//! Every token, sentence, mention and piece of evidence is a [`Span`]: half-open byte
//! offsets `[start, end)` into the original article, always on UTF-8 character
//! boundaries. Text is copied out only when facts are built.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the input text.
///
/// ```
/// use newsfacts::Span;
/// let text = "Directed by Greta Gerwig.";
/// let sp = Span::new(12, 24);
/// assert_eq!(sp.get(text), Some("Greta Gerwig"));
/// assert_eq!(sp.len(), 12);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`. `end` is clamped to be at least `start`.
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        let end = if end < start { start } else { end };
        Span { start, end }
    }

    /// Length in bytes.
    #[inline]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text the span covers, or `None` when it is out of range or not on character
    /// boundaries.
    #[inline]
    pub fn get<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Whether `other` lies inside this span.
    #[inline]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cover_contains_overlaps() {
        let a = Span::new(2, 5);
        let b = Span::new(4, 9);
        assert_eq!(a.cover(b), Span::new(2, 9));
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Span::new(5, 6)));
        assert!(Span::new(0, 10).contains(a));
        assert_eq!(Span::new(5, 3), Span::new(5, 5));
    }

    #[test]
    fn get_respects_char_boundaries() {
        let t = "Zoë Kravitz";
        assert_eq!(Span::new(0, 4).get(t), Some("Zoë"));
        assert_eq!(Span::new(0, 3).get(t), None);
    }
}
