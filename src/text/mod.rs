//! Tokens and sentences: spans only, no copied strings.

pub mod sentences;
pub mod tokens;

pub use sentences::{split_sentences, Sentence};
pub use tokens::{tokenize, tokenize_general, Shape, Token};
