//! Tokens and sentences: spans only, no copied strings.

pub(crate) mod normalize;
pub mod sentences;
pub mod tokens;

pub use sentences::{split_sentences, Sentence};
pub use tokens::{tokenize, tokenize_general, Shape, Token};

/// Whether the tokens `from..to` (read with `tok`) separate two members of a list:
/// ",", "and", ", and", "&", "or", "plus", "as well as". No allocation.
pub(crate) fn joins_list<'t>(from: usize, to: usize, tok: impl Fn(usize) -> &'t str) -> bool {
    if to <= from || to - from > 3 {
        return false;
    }
    let mut gap = [""; 3];
    for (slot, k) in gap.iter_mut().zip(from..to) {
        *slot = tok(k);
    }
    matches!(
        &gap[..to - from],
        [","] | ["and"] | [",", "and"] | ["&"] | ["or"] | [",", "or"] | ["plus"] | [",", "plus"] | ["as", "well", "as"]
    )
}

/// `w` lower-cased (ASCII) in `buf`, with no allocation: the key for a word-list lookup;
/// `None` when `w` is empty or longer than the buffer.
pub(crate) fn lower_key<'b>(w: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    if w.is_empty() || w.len() > buf.len() {
        return None;
    }
    let key = &mut buf[..w.len()];
    key.copy_from_slice(w.as_bytes());
    key.make_ascii_lowercase();
    std::str::from_utf8(key).ok()
}
