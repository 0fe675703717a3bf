//! Works a generic phrase stands for, spelled out by a list: "Orion is holding a whole
//! slate of movies back until 1992. The list includes “A,” “B” and “C”", "has delayed four
//! films until spring, including “A” and “B”", "pushed three games to March: A, B and C".
//!
//! A release cue whose subject or object is a plural work noun ("movies", "games", "a
//! slate of …") names no work itself; when a list of works follows it — in its sentence
//! after a list marker (":", "including", "such as", "among them"), or opening the next
//! sentence of the paragraph ("The list includes …", "They are …", "Among them are …") —
//! the claim is each listed work's.

use std::sync::LazyLock;

use crate::entities::Target;
use crate::lexicon::lists;
use crate::text::Sentence;

use super::Input;

/// Plural nouns of works and the collective nouns of a slate ("films", "games", "slate").
static GENERIC_WORKS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("releases.generic_works"));
/// Words that open the list inside the sentence ("including", "such as"; ":" too).
static LIST_MARKERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("releases.list_markers"));
/// Words that open a next sentence spelling out the list ("They include", "The list
/// includes", "Among them are").
static LIST_OPENERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("releases.list_openers"));

fn is_in(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Whether the cue at tokens `[c0, c1)` of the sentence `[a, b)` has a generic plural
/// work phrase for its subject (the words right before it, back to a comma) or its object
/// (the few words right after it): "a whole slate of movies back until", "delayed
/// several films until".
pub(super) fn generic_at(inp: &Input<'_>, a: usize, b: usize, c0: usize, c1: usize) -> bool {
    let word = |k: usize| inp.toks[k].is_word() && is_in(&GENERIC_WORKS, inp.tt(k));
    let subject = (c0.saturating_sub(5).max(a)..c0).rev().take_while(|&k| inp.tt(k) != ",").any(word);
    let object = (c1..(c1 + 4).min(b)).take_while(|&k| inp.toks[k].is_word()).any(word);
    subject || object
}

/// The works of a list that starts at token `from` (its first work within `reach`
/// tokens) and runs on while its members are joined ("A, B and C"), in order.
fn list_from(inp: &Input<'_>, from: usize, reach: usize, end: usize, sent: &Sentence) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let mut prev_end: Option<usize> = None;
    for m in inp.mentions_in(sent.span) {
        let Target::Title(t) = m.target else { continue };
        let (s, e) = (inp.tok_at(m.span.start), inp.tok_at(m.span.end));
        if s < from || s >= end || inp.parenthetical(m.span) {
            continue;
        }
        let joined = match prev_end {
            None => s <= from + reach,
            Some(pe) => super::joins_works(inp, pe, s),
        };
        if !joined {
            break;
        }
        if !out.contains(&t) {
            out.push(t);
        }
        prev_end = Some(e);
    }
    out
}

/// The works that spell out a generic subject or object of the cue at `[c0, c1)` in
/// sentence `si`: a list after a marker later in the sentence, else a list opening the
/// next sentence of the same paragraph. Empty when the cue names no generic works or no
/// such list follows.
pub(super) fn works(inp: &Input<'_>, si: usize, c0: usize, c1: usize) -> Vec<usize> {
    let Some(sent) = inp.sentences.get(si) else { return Vec::new() };
    let (a, b) = (sent.first, sent.last.min(inp.toks.len()));
    if !generic_at(inp, a, b, c0, c1) {
        return Vec::new();
    }
    // In the sentence: "…, including A and B", "…: A, B and C", "such as A".
    for k in c1..b {
        let w = inp.tt(k);
        let marker = w == ":"
            || is_in(&LIST_MARKERS, w)
            || (w.eq_ignore_ascii_case("among") && inp.tt(k + 1).eq_ignore_ascii_case("them"))
            || (w.eq_ignore_ascii_case("such") && inp.tt(k + 1).eq_ignore_ascii_case("as"));
        if marker {
            let list = list_from(inp, k + 1, 4, b, sent);
            if !list.is_empty() {
                return list;
            }
        }
    }
    // The next sentence, in the same paragraph: "The list includes A, B and C."
    let Some(next) = inp.sentences.get(si + 1) else { return Vec::new() };
    if inp.text.get(sent.span.end..next.span.start).is_none_or(|gap| gap.contains('\n')) {
        return Vec::new();
    }
    let (na, nb) = (next.first, next.last.min(inp.toks.len()));
    let opens = (na..(na + 3).min(nb)).any(|k| is_in(&LIST_OPENERS, inp.tt(k)));
    let intro = (na..(na + 5).min(nb))
        .find(|&k| matches!(inp.tt(k).to_ascii_lowercase().as_str(), "include" | "includes" | "included" | "are" | "were" | "is" | ":"));
    match intro {
        Some(k) if opens => list_from(inp, k + 1, 3, nb, next),
        _ => Vec::new(),
    }
}
