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
