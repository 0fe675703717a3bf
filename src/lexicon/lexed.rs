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

    /// Whether this key is one of `keys`.
    #[inline]
    pub fn is_in(self, keys: &[Key]) -> bool {
        self != Key::NONE && keys.contains(&self)
    }
}

/// Keys of a list of words, at compile time: `keys!["the", "a"]`.
macro_rules! keys {
    ($($w:literal),* $(,)?) => {
        [$($crate::lexicon::lexed::Key::of($w)),*]
    };
}
pub(crate) use keys;

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
            let key = Key::of(w);
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
        const K: [Key; 2] = keys!["the", "a"];
        assert!(Key::of("A").is_in(&K) && !Key::of("an").is_in(&K) && !Key::NONE.is_in(&[Key::NONE]));
    }
}
