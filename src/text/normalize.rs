//! The normalized view the rules read, and the map from its offsets back to the input.
//!
//! Text arrives with byte-order marks, CR-only or U+2028 line breaks, decomposed letters
//! ("Zoe" + U+0308), soft hyphens and zero-width characters inside names, emoji inside
//! words. The rules should see "Zoë" and a line break; the user should get spans into the
//! text they gave. So [`normalize`] builds, only when the input needs it, a copy in which
//!
//! - default-ignorable code points (BOM, soft hyphen, zero-width space and joiners, bidi
//!   marks, variation selectors …) are dropped;
//! - a lone `\r`, U+2028 and U+0085 become `\n`, U+2029 becomes a blank line (`\n\n`);
//!   `\r\n` stays as it is;
//! - every run of a starter and its combining marks is in NFC;
//! - emoji between a letter and a lower-case letter ("Len😀ny") are dropped,
//!
//! and [`Normalized::start`] / [`Normalized::end`] map offsets in the copy back to offsets
//! in the input. Plain text (ASCII without a lone `\r`, or non-ASCII text that is already
//! NFC with nothing to drop) is borrowed, not copied: the check is one pass over bytes.

use std::borrow::Cow;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::span::Span;

/// The normalized view of a text and its offset map.
#[derive(Debug)]
pub(crate) struct Normalized<'a> {
    /// The text the rules read: the input itself when nothing needed normalizing.
    pub text: Cow<'a, str>,
    /// Contiguous pieces of the view, in order: `(view start, input start, input end,
    /// identity)`. An identity piece maps byte for byte; any other piece is atomic.
    pieces: Vec<Piece>,
    input_len: usize,
}

#[derive(Clone, Copy, Debug)]
struct Piece {
    view: usize,
    input: usize,
    input_end: usize,
    identity: bool,
}

/// Whether `c` is Default_Ignorable_Code_Point (Unicode DerivedCoreProperties), the
/// characters that render as nothing.
fn ignorable(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}

/// Emoji and pictographs (the blocks of Extended_Pictographic that news text uses).
fn pictograph(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2300..=0x23FF | 0x2B50..=0x2B55)
}

/// Line and paragraph separators other than `\n` (a lone `\r` is handled apart).
fn separator(c: char) -> Option<&'static str> {
    match c {
        '\u{2028}' | '\u{0085}' => Some("\n"),
        '\u{2029}' => Some("\n\n"),
        _ => None,
    }
}

/// A character that starts a normalization run and is left as it is.
fn stable(c: char) -> bool {
    if c.is_ascii() {
        return true;
    }
    !ignorable(c)
        && !pictograph(c)
        && separator(c).is_none()
        && canonical_combining_class(c) == 0
        && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// Whether `text` needs a normalized copy at all.
fn needs(text: &str) -> bool {
    let b = text.as_bytes();
    let lone_cr = |i: usize| b[i] == b'\r' && b.get(i + 1) != Some(&b'\n');
    if b.is_ascii() {
        return memchr_cr(b).is_some_and(|_| (0..b.len()).any(lone_cr));
    }
    text.char_indices().any(|(i, c)| if c.is_ascii() { lone_cr(i) } else { !stable(c) })
}

fn memchr_cr(b: &[u8]) -> Option<usize> {
    b.iter().position(|&x| x == b'\r')
}

/// The normalized replacement of the run `run` (a starter and what clings to it), or
/// `None` when it stays as it is. `next` is the character after the run.
fn replace(run: &str, next: Option<char>) -> Option<String> {
    if run == "\r" {
        return (next != Some('\n')).then(|| "\n".to_string());
    }
    let first = run.chars().next()?;
    // Emoji glued inside a word ("Len😀ny") go; an emoji between words stays a token.
    let inside_word = first.is_alphabetic() && next.is_some_and(char::is_lowercase);
    let mut kept = String::with_capacity(run.len());
    for c in run.chars() {
        if ignorable(c) || (inside_word && pictograph(c)) {
            continue;
        }
        match separator(c) {
            Some(s) => kept.push_str(s),
            None => kept.push(c),
        }
    }
    let out: String = if is_nfc_quick(kept.chars()) == IsNormalized::Yes { kept } else { kept.nfc().collect() };
    (out != run).then_some(out)
}

/// Builds the normalized view of `text` (borrowed when nothing changes).
pub(crate) fn normalize(text: &str) -> Normalized<'_> {
    let borrowed = || Normalized { text: Cow::Borrowed(text), pieces: Vec::new(), input_len: text.len() };
    if !needs(text) {
        return borrowed();
    }
    let mut out = String::with_capacity(text.len());
    let mut pieces: Vec<Piece> = Vec::new();
    let mut copy_from = 0;
    let flush = |out: &mut String, pieces: &mut Vec<Piece>, from: usize, to: usize| {
        if to > from {
            pieces.push(Piece { view: out.len(), input: from, input_end: to, identity: true });
            out.push_str(&text[from..to]);
        }
    };
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else { break };
        let mut j = i + c.len_utf8();
        // A lone "\r" is a run of its own; otherwise a run is a starter and what follows
        // it up to the next stable character.
        if c != '\r' {
            while let Some(d) = text[j..].chars().next() {
                if stable(d) {
                    break;
                }
                j += d.len_utf8();
            }
        }
        // A stable character alone is copied with its neighbours, not replaced.
        let alone = j == i + c.len_utf8() && c != '\r' && stable(c);
        if alone {
            i = j;
            continue;
        }
        if let Some(rep) = replace(&text[i..j], text[j..].chars().next()) {
            flush(&mut out, &mut pieces, copy_from, i);
            if !rep.is_empty() {
                pieces.push(Piece { view: out.len(), input: i, input_end: j, identity: false });
                out.push_str(&rep);
            }
            copy_from = j;
        }
        i = j;
    }
    flush(&mut out, &mut pieces, copy_from, text.len());
    if pieces.len() == 1 && pieces[0].identity && out.len() == text.len() {
        return borrowed();
    }
    Normalized { text: Cow::Owned(out), pieces, input_len: text.len() }
}

impl Normalized<'_> {
    /// Whether the view differs from the input.
    pub(crate) fn changed(&self) -> bool {
        matches!(self.text, Cow::Owned(_))
    }

    /// The input offset of a start offset `n` in the view (a start inside an atomic piece
    /// moves to the piece's start).
    pub(crate) fn start(&self, n: usize) -> usize {
        if !self.changed() {
            return n;
        }
        if n >= self.text.len() {
            return self.input_len;
        }
        let i = self.pieces.partition_point(|p| p.view <= n);
        let Some(p) = i.checked_sub(1).and_then(|i| self.pieces.get(i)) else { return 0 };
        if p.identity {
            p.input + (n - p.view)
        } else {
            p.input
        }
    }

    /// The input offset of an end offset `n` in the view (an end inside an atomic piece
    /// moves to the piece's end).
    pub(crate) fn end(&self, n: usize) -> usize {
        if !self.changed() {
            return n;
        }
        if n == 0 {
            return self.start(0);
        }
        let i = self.pieces.partition_point(|p| p.view < n);
        let Some(p) = i.checked_sub(1).and_then(|i| self.pieces.get(i)) else { return 0 };
        if p.identity {
            (p.input + (n - p.view)).min(p.input_end)
        } else {
            p.input_end
        }
    }

    /// A view span as an input span.
    pub(crate) fn span(&self, s: Span) -> Span {
        let start = self.start(s.start);
        Span::new(start, self.end(s.end).max(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, view, the view's spans of the names, what those spans cover in the input)
    const CASES: &[(&str, &str, &str)] = &[
        // plain text is borrowed
        ("Zoë Kravitz stars.", "Zoë Kravitz stars.", "Zoë Kravitz"),
        ("Line one\r\nLine two", "Line one\r\nLine two", "Line two"),
        // byte-order mark
        ("\u{feff}Zoë Kravitz stars.", "Zoë Kravitz stars.", "Zoë Kravitz"),
        // decomposed letters
        ("Zoe\u{308} Kravitz stars.", "Zoë Kravitz stars.", "Zoe\u{308} Kravitz"),
        ("Beyonce\u{301} sings.", "Beyoncé sings.", "Beyonce\u{301}"),
        // invisible characters inside a name
        ("Len\u{ad}ny Kravitz sings.", "Lenny Kravitz sings.", "Len\u{ad}ny Kravitz"),
        ("Lenny\u{200b} Kravitz sings.", "Lenny Kravitz sings.", "Lenny\u{200b} Kravitz"),
        ("Len\u{200d}ny Kravitz sings.", "Lenny Kravitz sings.", "Len\u{200d}ny Kravitz"),
        ("Len😀ny Kravitz sings.", "Lenny Kravitz sings.", "Len😀ny Kravitz"),
        // an emoji between words stays
        ("Lenny 😀 Kravitz", "Lenny 😀 Kravitz", "Kravitz"),
        // line endings
        ("Head\rBody one.\rLenny Kravitz", "Head\nBody one.\nLenny Kravitz", "Lenny Kravitz"),
        ("Head\u{2028}Lenny Kravitz", "Head\nLenny Kravitz", "Lenny Kravitz"),
        ("Head\u{2029}Lenny Kravitz", "Head\n\nLenny Kravitz", "Lenny Kravitz"),
    ];

    #[test]
    fn view_and_offsets() {
        for &(input, view, name) in CASES {
            let n = normalize(input);
            assert_eq!(n.text, view, "view of {input:?}");
            assert_eq!(n.changed(), input != view, "{input:?}");
            // The last word(s) of the view matching the normalized name map back to the
            // input's spelling of it.
            let want: String = name.chars().filter(|&c| !ignorable(c) && !pictograph(c)).nfc().collect();
            let at = view.find(&want).unwrap_or_else(|| panic!("{want:?} in {view:?}"));
            let sp = n.span(Span::new(at, at + want.len()));
            assert_eq!(&input[sp.start..sp.end], name, "{input:?}");
        }
    }

    #[test]
    fn offsets_stay_on_char_boundaries_and_in_order() {
        let input = "\u{feff}A\u{ad}b\u{301}c\r\u{2029}d😀e \u{200b}";
        let n = normalize(input);
        let mut last = 0;
        for k in (0..=n.text.len()).filter(|&k| n.text.is_char_boundary(k)) {
            let (s, e) = (n.start(k), n.end(k));
            assert!(input.is_char_boundary(s) && input.is_char_boundary(e), "{k}");
            assert!(s >= last, "starts are monotone at {k}");
            last = s;
        }
        assert_eq!(n.end(n.text.len()), input.len());
        assert_eq!(n.start(0), 3, "the BOM is skipped");
    }
}
