//! The tokenizer: word, number and punctuation tokens with byte spans and a shape class.
//!
//! ASCII bytes go through a 256-entry class table (the fast path); a non-ASCII character
//! is classified by its whole extended grapheme cluster (`unicode-segmentation`), so
//! accents written with combining marks stay inside their word. [`tokenize_general`]
//! classifies every grapheme that way; a test proves both paths give the same tokens.
//!
//! Words keep internal apostrophes ("O'Brien", "Reeves's", "Nyong’o") and numbers keep
//! separators between digits ("4,100", "$1.07" gives "1.07"). Hyphens, periods and other
//! punctuation are their own tokens (runs of the same ASCII mark, "...", "--", are one),
//! so later stages can see "J.J." as initials and "Villeneuve-directed" as a cue.

use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

/// The shape of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    /// Starts with an upper-case letter, no digits: "Reeves", "McShane", "J".
    Capitalized,
    /// Two or more letters, all upper case: "HBO", "BTS".
    AllCaps,
    /// Lower-case letters only: "director".
    Lower,
    /// Digits (with separators between digits): "2025", "4,100", "1.07".
    Digits,
    /// Anything else made of letters and digits: "PS5", "4K", "2o14", "iPhone".
    Mixed,
    /// Punctuation and symbols.
    Punct,
}

/// A token: a span and a shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is.
    pub span: Span,
    /// Its shape.
    pub shape: Shape,
}

impl Token {
    /// Whether the token is a word or number (not punctuation).
    #[inline]
    pub fn is_word(&self) -> bool {
        self.shape != Shape::Punct
    }

    /// Whether the token starts with an upper-case letter (Capitalized or AllCaps).
    #[inline]
    pub fn is_upper_initial(&self) -> bool {
        matches!(self.shape, Shape::Capitalized | Shape::AllCaps)
    }
}

/// Character classes of the tokenizer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Upper,
    Lower,
    /// A letter without case (CJK, Arabic...).
    Letter,
    Digit,
    /// A combining mark or joiner with nothing before it in the cluster.
    Mark,
    Apostrophe,
    /// `.` `,` `:` — kept inside numbers.
    NumSep,
    Space,
    Punct,
}

const fn ascii_table() -> [Class; 128] {
    let mut t = [Class::Punct; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_uppercase() {
            Class::Upper
        } else if b.is_ascii_lowercase() {
            Class::Lower
        } else if b.is_ascii_digit() {
            Class::Digit
        } else if b.is_ascii_whitespace() || b == 0x0b || b < 0x20 || b == 0x7f {
            Class::Space
        } else if b == b'\'' {
            Class::Apostrophe
        } else if b == b'.' || b == b',' {
            Class::NumSep
        } else {
            Class::Punct
        };
        i += 1;
    }
    t
}

static ASCII: [Class; 128] = ascii_table();

/// Classifies a grapheme cluster by its first character.
fn classify_cluster(g: &str) -> Class {
    let Some(c) = g.chars().next() else { return Class::Space };
    if c.is_ascii() {
        return ASCII[c as usize];
    }
    match c {
        '\u{2019}' | '\u{02BC}' => Class::Apostrophe,
        // Zero-width joiners and format characters attach like marks.
        '\u{200C}' | '\u{200D}' | '\u{FE0F}' => Class::Mark,
        _ if c.is_whitespace() => Class::Space,
        _ if c.is_uppercase() => Class::Upper,
        _ if c.is_lowercase() => Class::Lower,
        _ if c.is_alphabetic() => {
            if is_mark(c) {
                Class::Mark
            } else {
                Class::Letter
            }
        }
        _ if c.is_numeric() => Class::Digit,
        _ if is_mark(c) => Class::Mark,
        _ if c.is_control() => Class::Space,
        _ => Class::Punct,
    }
}

/// Combining marks in the common blocks (a cluster starting with one has no base).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Next unit of text at `i`: an ASCII byte via the table, else a grapheme cluster.
#[inline]
fn unit_fast(text: &str, i: usize) -> (Class, usize) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    // An ASCII character is a whole grapheme unless a non-ASCII extender follows it.
    if b < 0x80 && bytes.get(i + 1).is_none_or(|&n| n < 0x80) {
        (ASCII[b as usize], 1)
    } else {
        unit_general(text, i)
    }
}

#[inline]
fn unit_general(text: &str, i: usize) -> (Class, usize) {
    let rest = &text[i..];
    let g = rest.graphemes(true).next().unwrap_or(rest);
    (classify_cluster(g), g.len().max(1))
}

/// Tokenizes `text` into `out` (cleared first), the fast path.
///
/// ```
/// use newsfacts::text::{tokenize, Shape};
/// let text = "J.J. Abrams’s PS5 game sold 4,100 copies.";
/// let mut toks = Vec::new();
/// tokenize(text, &mut toks);
/// let words: Vec<&str> = toks.iter().map(|t| &text[t.span.start..t.span.end]).collect();
/// assert_eq!(words, ["J", ".", "J", ".", "Abrams’s", "PS5", "game", "sold", "4,100", "copies", "."]);
/// assert_eq!(toks[5].shape, Shape::Mixed);
/// assert_eq!(toks[8].shape, Shape::Digits);
/// ```
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    run(text, out, unit_fast)
}

/// Tokenizes `text` classifying every grapheme cluster through Unicode tables: the
/// reference the fast path is tested against.
pub fn tokenize_general(text: &str, out: &mut Vec<Token>) {
    run(text, out, unit_general)
}

#[derive(Default)]
struct WordState {
    start: usize,
    upper: bool,
    lower: bool,
    digit: bool,
    letters: u32,
    first: Option<Class>,
    last_digit: bool,
}

impl WordState {
    fn add(&mut self, c: Class) {
        if self.first.is_none() {
            self.first = Some(c);
        }
        match c {
            Class::Upper => {
                self.upper = true;
                self.letters += 1;
            }
            Class::Lower => {
                self.lower = true;
                self.letters += 1;
            }
            Class::Letter => self.letters += 1,
            Class::Digit => self.digit = true,
            _ => {}
        }
        self.last_digit = c == Class::Digit;
    }

    fn shape(&self) -> Shape {
        let first_upper = self.first == Some(Class::Upper);
        if self.digit && self.letters == 0 {
            Shape::Digits
        } else if self.digit {
            Shape::Mixed
        } else if first_upper && !self.lower && self.letters >= 2 {
            Shape::AllCaps
        } else if first_upper {
            Shape::Capitalized
        } else if self.lower && !self.upper && self.first == Some(Class::Lower) {
            Shape::Lower
        } else {
            Shape::Mixed
        }
    }
}

fn is_wordish(c: Class) -> bool {
    matches!(c, Class::Upper | Class::Lower | Class::Letter | Class::Digit)
}

fn run(text: &str, out: &mut Vec<Token>, unit: fn(&str, usize) -> (Class, usize)) {
    out.clear();
    let len = text.len();
    let mut i = 0;
    let mut word: Option<WordState> = None;
    while i < len {
        let (c, n) = unit(text, i);
        if let Some(w) = word.as_mut() {
            if is_wordish(c) || c == Class::Mark {
                w.add(c);
                i += n;
                continue;
            }
            // Apostrophe between letters: "O'Brien", "Reeves's".
            // Separator between digits: "4,100", "1.07".
            let keep = match c {
                Class::Apostrophe if !w.last_digit => {
                    i + n < len && matches!(unit(text, i + n).0, Class::Upper | Class::Lower | Class::Letter)
                }
                Class::NumSep if w.last_digit => i + n < len && unit(text, i + n).0 == Class::Digit,
                _ => false,
            };
            if keep {
                i += n;
                continue;
            }
            let w = word.take().unwrap_or_default();
            out.push(Token { span: Span::new(w.start, i), shape: w.shape() });
        }
        match c {
            _ if is_wordish(c) => {
                let mut w = WordState { start: i, ..WordState::default() };
                w.add(c);
                word = Some(w);
                i += n;
            }
            Class::Space => i += n,
            Class::Mark => {
                // A mark with no base in its cluster joins the token it touches, if any.
                match out.last_mut() {
                    Some(t) if t.span.end == i => t.span.end = i + n,
                    _ => out.push(Token { span: Span::new(i, i + n), shape: Shape::Punct }),
                }
                i += n;
            }
            _ => {
                // Runs of the same ASCII mark ("...", "--", "!!") are one token.
                let b = text.as_bytes()[i];
                let mut end = i + n;
                if n == 1 && matches!(b, b'.' | b'-' | b'!' | b'?' | b'*' | b'=' | b'_') {
                    while end < len && text.as_bytes()[end] == b {
                        end += 1;
                    }
                }
                out.push(Token { span: Span::new(i, end), shape: Shape::Punct });
                i = end;
            }
        }
    }
    if let Some(w) = word {
        out.push(Token { span: Span::new(w.start, len), shape: w.shape() });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Shape::*;

    fn toks(text: &str) -> Vec<(&str, Shape)> {
        let mut v = Vec::new();
        tokenize(text, &mut v);
        v.iter().map(|t| (&text[t.span.start..t.span.end], t.shape)).collect()
    }

    /// One line per case: input, then the expected tokens joined by `|` and shapes.
    #[test]
    fn token_table() {
        let cases: &[(&str, &str, &[Shape])] = &[
            ("Keanu Reeves", "Keanu|Reeves", &[Capitalized, Capitalized]),
            ("Reeves's role", "Reeves's|role", &[Capitalized, Lower]),
            ("Reeves’s role", "Reeves’s|role", &[Capitalized, Lower]),
            ("de Armas' turn", "de|Armas|'|turn", &[Lower, Capitalized, Punct, Lower]),
            ("O'Brien", "O'Brien", &[Capitalized]),
            ("Lupita Nyong’o", "Lupita|Nyong’o", &[Capitalized, Capitalized]),
            ("Jean-Luc", "Jean|-|Luc", &[Capitalized, Punct, Capitalized]),
            ("J.J. Abrams", "J|.|J|.|Abrams", &[Capitalized, Punct, Capitalized, Punct, Capitalized]),
            ("$1.07 billion", "$|1.07|billion", &[Punct, Digits, Lower]),
            ("4,100 theaters", "4,100|theaters", &[Digits, Lower]),
            ("in 2025.", "in|2025|.", &[Lower, Digits, Punct]),
            ("PS5 and 4K", "PS5|and|4K", &[Mixed, Lower, Mixed]),
            ("its 2o14 release", "its|2o14|release", &[Lower, Mixed, Lower]),
            ("HBO Max", "HBO|Max", &[AllCaps, Capitalized]),
            ("iPhone", "iPhone", &[Mixed]),
            ("Zoë Kravitz", "Zoë|Kravitz", &[Capitalized, Capitalized]),
            ("Zoe\u{308} Kravitz", "Zoe\u{308}|Kravitz", &[Capitalized, Capitalized]),
            ("Penélope Cruz", "Penélope|Cruz", &[Capitalized, Capitalized]),
            ("ÉMILE", "ÉMILE", &[AllCaps]),
            ("wait...", "wait|...", &[Lower, Punct]),
            ("yes — no", "yes|—|no", &[Lower, Punct, Lower]),
            ("“Sinners”", "“|Sinners|”", &[Punct, Capitalized, Punct]),
            ("2:15", "2|:|15", &[Digits, Punct, Digits]),
            ("1,", "1|,", &[Digits, Punct]),
            ("'twas", "'|twas", &[Punct, Lower]),
            ("rock 'n' roll", "rock|'|n|'|roll", &[Lower, Punct, Lower, Punct, Lower]),
            (
                "Spider-Man: No Way Home",
                "Spider|-|Man|:|No|Way|Home",
                &[Capitalized, Punct, Capitalized, Punct, Capitalized, Capitalized, Capitalized],
            ),
            ("東京 drama", "東京|drama", &[Mixed, Lower]),
            ("a\u{301}b", "a\u{301}b", &[Lower]),
            ("\u{301}x", "\u{301}|x", &[Punct, Lower]),
            ("x \u{301}", "x", &[Lower]),
            ("", "", &[]),
            ("   \n\t ", "", &[]),
        ];
        for (text, want, shapes) in cases {
            let got = toks(text);
            let joined: Vec<&str> = got.iter().map(|t| t.0).collect();
            assert_eq!(joined.join("|"), *want, "tokens of {text:?}");
            let got_shapes: Vec<Shape> = got.iter().map(|t| t.1).collect();
            assert_eq!(got_shapes, shapes.to_vec(), "shapes of {text:?}");
        }
    }

    /// The ASCII fast path and the all-Unicode path agree, on the table above and on
    /// generated strings mixing ASCII, accents, combining marks, emoji and CJK.
    #[test]
    fn fast_path_agrees_with_general_path() {
        let alphabet = [
            "a", "Z", "7", " ", ".", ",", "'", "’", "-", "—", "é", "e\u{301}", "\u{301}", "😀", "👍🏽", "\u{200D}", "東", "\n", "\r\n", "$",
            "Ω", "ß", "ǅ", "\u{FE0F}", "#",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for _ in 0..3000 {
            let mut s = String::new();
            let n = (seed % 24) as usize;
            for _ in 0..n {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            tokenize(&s, &mut a);
            tokenize_general(&s, &mut b);
            assert_eq!(a, b, "paths disagree on {s:?}");
            for t in &a {
                assert!(s.is_char_boundary(t.span.start) && s.is_char_boundary(t.span.end));
            }
        }
    }

    #[test]
    fn reuses_buffer_without_growing() {
        let mut v = Vec::with_capacity(64);
        tokenize("one two three", &mut v);
        let cap = v.capacity();
        tokenize("four five", &mut v);
        assert_eq!(v.len(), 2);
        assert_eq!(v.capacity(), cap);
    }
}
