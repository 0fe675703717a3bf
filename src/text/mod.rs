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

/// The most phrases one row of a data table may spell with its `a|b` alternatives.
pub(crate) const MAX_SPELLED: usize = 4096;

/// Every phrase a data row spells: its words are separated by single spaces, `a|b` in a
/// word place stands for either word ("is|was the first|second film": four phrases), and a
/// word place ending in `?` may also be left out ("will each|all? return": three phrases).
/// An empty word, a phrase of optional places only, or more than [`MAX_SPELLED`] phrases
/// is an error message.
pub(crate) fn spell(phrase: &str) -> Result<Vec<Vec<&str>>, String> {
    // (A slot's words, `None` for "left out".)
    let slots: Vec<Vec<Option<&str>>> = phrase
        .split(' ')
        .map(|w| match w.strip_suffix('?').filter(|o| !o.is_empty()) {
            Some(opt) => opt.split('|').map(Some).chain([None]).collect(),
            None => w.split('|').map(Some).collect(),
        })
        .collect();
    if slots.iter().flatten().any(|w| w.is_some_and(str::is_empty)) {
        return Err(format!("phrase {phrase:?}: an empty word"));
    }
    if slots.iter().all(|alts| alts.contains(&None)) {
        return Err(format!("phrase {phrase:?}: every word is optional"));
    }
    if slots.iter().try_fold(1usize, |n, alts| n.checked_mul(alts.len()).filter(|&n| n <= MAX_SPELLED)).is_none() {
        return Err(format!("phrase {phrase:?} spells more than {MAX_SPELLED} phrases"));
    }
    let mut out: Vec<Vec<&str>> = vec![Vec::new()];
    for alts in &slots {
        out = out.iter().flat_map(|head| alts.iter().map(move |w| head.iter().copied().chain(*w).collect())).collect();
    }
    Ok(out)
}

#[cfg(test)]
mod spell_tests {
    #[test]
    fn alternatives_spell_every_phrase() {
        assert_eq!(super::spell("is|was the film").unwrap(), [vec!["is", "the", "film"], vec!["was", "the", "film"]]);
        assert!(super::spell("the  film").unwrap_err().contains("empty word"));
        assert!(super::spell("a|b|c|d|e|f|g|h|i a|b|c|d|e|f|g|h|i a|b|c|d|e|f|g|h|i a|b|c|d|e|f|g|h|i")
            .unwrap_err()
            .contains("more than 4096"));
        assert_eq!(
            super::spell("will each|all? return").unwrap(),
            [vec!["will", "each", "return"], vec!["will", "all", "return"], vec!["will", "return"]]
        );
        assert!(super::spell("each? all?").unwrap_err().contains("every word is optional"));
        // (A lone "?" is a word, not an empty optional place.)
        assert_eq!(super::spell("why ?").unwrap(), [vec!["why", "?"]]);
    }
}
