//! The one lexicon pass over an article's tokens: each token's folded [`Key`] (its id for
//! comparisons) and its [`WordInfo`] (class bits, role, kinds), computed once after
//! tokenizing. Later stages and the credit rules compare keys and test bits instead of
//! lower-casing and hashing the same words again (issue 18).

use crate::lexicon::words::{WordInfo, WordTable};
use crate::text::Token;

/// A word folded for comparison: its bytes ASCII-lower-cased and zero-padded in the first
/// 15 bytes of a `u128`, its length in the last. Two words of at most 15 bytes are equal
/// ignoring ASCII case exactly when their keys are equal; a longer word has no key
/// ([`Key::NONE`]) and is compared as text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Key(pub u128);

/// Longest word with a key.
pub(crate) const SHORT: usize = 15;

impl Key {
    /// No key: the empty word, or one longer than [`SHORT`] bytes.
    pub const NONE: Key = Key(0);

    /// The key of `w` ([`Key::NONE`] when empty or longer than [`SHORT`] bytes). A `const
    /// fn`, so word lists can be keyed at compile time.
    pub const fn of(w: &str) -> Key {
        Key::of_bytes(w.as_bytes())
    }

    /// The key of a byte string (see [`Key::of`]).
    pub const fn of_bytes(b: &[u8]) -> Key {
        if b.is_empty() || b.len() > SHORT {
            return Key::NONE;
        }
        let mut k = [0u8; SHORT + 1];
        let mut i = 0;
        while i < b.len() {
            k[i] = b[i].to_ascii_lowercase();
            i += 1;
        }
        k[SHORT] = b.len() as u8;
        Key(u128::from_le_bytes(k))
    }

    /// The key of the word at `text[start..end]`, as [`Key::of`] gives it, faster at run
    /// time (it runs for every token): the 16 bytes from `start` read as one integer when
    /// the text has them, lower-cased eight at a time, the rest masked off.
    #[inline]
    pub fn of_span(text: &[u8], start: usize, end: usize) -> Key {
        let len = end.wrapping_sub(start);
        if len == 0 || len > SHORT || end > text.len() {
            return Key::NONE;
        }
        let mut k = [0u8; 16];
        match text.get(start..start + 16) {
            Some(window) => k.copy_from_slice(window),
            None => k[..len].copy_from_slice(&text[start..end]),
        }
        let x = u128::from_le_bytes(k);
        let lower = u128::from(ascii_lower8(x as u64)) | u128::from(ascii_lower8((x >> 64) as u64)) << 64;
        let mask = (1u128 << (8 * len)) - 1;
        Key(lower & mask | (len as u128) << 120)
    }

    /// Whether this key is one of `keys`.
    #[inline]
    pub fn is_in(self, keys: &[Key]) -> bool {
        self != Key::NONE && keys.contains(&self)
    }
}

/// The ASCII capitals of eight bytes lower-cased (other bytes unchanged).
#[inline]
fn ascii_lower8(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low7 = x & !HIGH;
    // High bit of each byte: at least 'A', above 'Z', and ASCII.
    let ge_a = low7.wrapping_add(ONES * (0x80 - u64::from(b'A')));
    let gt_z = low7.wrapping_add(ONES * (0x80 - u64::from(b'Z') - 1));
    let upper = ge_a & !gt_z & !x & HIGH;
    x | upper >> 2
}

/// Keys of a list of words, computed at compile time into a static slice:
/// `keys!["the", "a"]`.
macro_rules! keys {
    ($($w:literal),* $(,)?) => {{
        const KEYS: &[$crate::lexicon::lexed::Key] = &[$($crate::lexicon::lexed::Key::of($w)),*];
        KEYS
    }};
}
pub(crate) use keys;

/// The key of one word, computed at compile time: `key!("as")`.
macro_rules! key {
    ($w:literal) => {{
        const KEY: $crate::lexicon::lexed::Key = $crate::lexicon::lexed::Key::of($w);
        KEY
    }};
}
pub(crate) use key;

/// Per-token keys and word information of one article.
#[derive(Debug, Default)]
pub(crate) struct Lexed {
    /// The folded key of each token.
    pub keys: Vec<Key>,
    /// What the word table knows about each word token (empty for punctuation).
    pub info: Vec<WordInfo>,
}

impl Lexed {
    /// Keys and word information for `toks` of `text`.
    pub fn new(text: &str, toks: &[Token], words: &WordTable) -> Lexed {
        let mut keys = Vec::with_capacity(toks.len());
        let mut info = Vec::with_capacity(toks.len());
        for t in toks {
            let w = t.span.get(text).unwrap_or("");
            let key = Key::of_span(text.as_bytes(), t.span.start, t.span.end);
            keys.push(key);
            info.push(if t.is_word() { words.info_keyed(key, w) } else { WordInfo::default() });
        }
        Lexed { keys, info }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys agree with `eq_ignore_ascii_case` on words of up to 15 bytes, and a longer
    /// word has none.
    #[test]
    fn keys_fold_ascii_case_only() {
        let words =
            ["", "a", "The", "THE", "the", "thé", "THÉ", "Zoë", "zoë", "co-stars", "Co-Stars", "cinematographer", "cinematographers"];
        for a in words {
            for b in words {
                let short = !a.is_empty() && !b.is_empty() && a.len() <= SHORT && b.len() <= SHORT;
                assert_eq!(Key::of(a) == Key::of(b) && short, short && a.eq_ignore_ascii_case(b), "{a:?} {b:?}");
            }
        }
        assert_eq!(Key::of("cinematographers"), Key::NONE);
        for w in words.iter().chain(&["@[`{", "AZaz09", "ÀÉ", "\u{7f}", "Zz@[", "HELLO WORLD 123"]) {
            let padded = format!("{w}ABCDEFGHIJKLMNOPQRSTUVWXYZ");
            assert_eq!(Key::of_span(w.as_bytes(), 0, w.len()), Key::of(w), "{w:?}");
            assert_eq!(Key::of_span(padded.as_bytes(), 0, w.len()), Key::of(w), "{w:?}");
            assert_eq!(Key::of_span(format!("x{w}").as_bytes(), 1, w.len() + 1), Key::of(w), "{w:?}");
        }
        // Every byte value, alone and beside others.
        for b in 0..=255u8 {
            let bytes = [b, b'Q', b, 0xC3, b];
            assert_eq!(Key::of_span(&bytes, 0, 5), Key::of_bytes(&bytes), "{b}");
        }
        const K: &[Key] = keys!["the", "a"];
        assert!(Key::of("A").is_in(K) && !Key::of("an").is_in(K) && !Key::NONE.is_in(&[Key::NONE]));
    }
}
