//! Works named by headings: a list article often gives each work a line of its own, with
//! no quotes and no cue, and then a paragraph about "the thriller", "this comedy", "the
//! next documentary":
//!
//! ```text
//! Harbor Lights
//! The thriller, which Ana Ruiz directed, moves up to September 18th.
//! ```
//!
//! One such line could be a section heading ("Behind the Camera"); two or more in one
//! article, each followed by prose that names a kind of work, make a list of works.

use super::*;

/// Words a title-case heading may hold in lower case.
const SMALL: [&str; 14] = ["of", "the", "a", "an", "and", "at", "in", "on", "for", "to", "with", "from", "vs", "or"];

/// The headings of the article that name works: token ranges of whole lines.
pub(super) fn work_headings(v: &View<'_>, headline: Option<Span>) -> Vec<(usize, usize)> {
    let lines = lines(v);
    let mut out = Vec::new();
    for (i, &(a, b)) in lines.iter().enumerate() {
        // (The headline is a sentence about the article, not a section.)
        if !heading(v, a, b) || headline.is_some_and(|h| h.contains(v.toks[a].span)) {
            continue;
        }
        if lines.get(i + 1).is_some_and(|&(c, d)| about_a_work(v, c, d)) {
            out.push((a, b));
        }
    }
    if out.len() < 2 {
        out.clear();
    }
    out
}

/// The token ranges of the text's non-empty lines.
fn lines(v: &View<'_>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for k in 1..=v.toks.len() {
        let broken = k == v.toks.len() || v.text.get(v.toks[k - 1].span.end..v.toks[k].span.start).is_some_and(|gap| gap.contains('\n'));
        if broken {
            out.push((start, k));
            start = k;
        }
    }
    out
}

/// A short line in title case with no closing punctuation, that is no person's name.
fn heading(v: &View<'_>, a: usize, b: usize) -> bool {
    if b <= a || b - a > 10 || matches!(v.tt(b - 1), "." | "!" | "?" | ":" | "," | ";" | "”" | "\"") {
        return false;
    }
    let mut words = 0;
    for k in a..b {
        let t = v.toks[k];
        if !t.is_word() {
            // (A subtitle's colon or a dash may stand inside: "Capitalism: A Love Story".)
            if !matches!(v.tt(k), ":" | "-" | "–" | "'" | "’" | "&" | "!") {
                return false;
            }
            continue;
        }
        words += 1;
        let small = t.shape == Shape::Lower && SMALL.contains(&v.tt(k));
        if !(small || matches!(t.shape, Shape::Capitalized | Shape::AllCaps | Shape::Digits)) {
            return false;
        }
    }
    // (A question without its mark is a section's: "Who Is Making It", "When Can I Watch".)
    const ASKS: [&str; 12] = ["Who", "What", "When", "Where", "Why", "How", "Is", "Are", "Can", "Will", "Does", "Do"];
    if ASKS.contains(&v.tt(a)) {
        return false;
    }
    let info = v.word_info(a);
    // (A line that opens with a given name is a person's: a byline, a name row.)
    words >= 1 && v.toks[a].shape != Shape::Lower && !info.is(class::FIRST_NAME) && !info.is(class::MONTH) && !info.is(class::WEEKDAY)
}

/// Prose (a line of at least six words ending a sentence) whose first sentence points
/// back at a kind of work with "the" or "this": "The thriller, which …", "October 30th is
/// the date set for the next film from …".
fn about_a_work(v: &View<'_>, a: usize, b: usize) -> bool {
    if b < a + 6 || !matches!(v.tt(b - 1), "." | "!" | "?" | "”" | "\"") {
        return false;
    }
    let end = (a..b).find(|&k| matches!(v.tt(k), "." | "!" | "?")).unwrap_or(b);
    (a..end).any(|k| {
        v.toks[k].shape == Shape::Lower
            && v.word_info(k).is(class::TITLE_NOUN)
            && (k.saturating_sub(4).max(a)..k).any(|j| {
                // (Pointing back: "the", "this". "A game from …" introduces another work.)
                matches!(v.tt(j).to_ascii_lowercase().as_str(), "the" | "this")
                    && (j + 1..k).all(|x| v.toks[x].shape == Shape::Lower || v.tt(x) == "-")
            })
    })
}
