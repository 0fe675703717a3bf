//! Quoted titles: a span in title case between quotes is a work ("“Sinners”", "'Montero'",
//! "“Salt Creek,”" with the sentence's comma trimmed), typed by the noun before it.

use crate::hash::FxHashMap as HashMap;

use super::evidence::{add, is_in, kind_index, Stats};
use super::runs::{Run, View};
use crate::lexicon::words::class;
use crate::span::Span;
use crate::text::Shape;

/// Quoted spans in title case: “Sinners”, "Everything Everywhere All at Once".
pub(super) fn quoted_titles<'t>(
    v: &View<'t>,
    a: usize,
    b: usize,
    si: usize,
    stats: &mut HashMap<&'t str, Stats>,
    order: &mut Vec<(&'t str, Span)>,
) {
    let mut k = a;
    while k < b {
        let q = v.tt(k);
        let close = match q {
            "“" => "”",
            "\"" => "\"",
            "‘" => "’",
            // (Double primes and guillemets serve as quotes on some sites: ″Angie Baby,″.)
            "″" => "″",
            "«" => "»",
            // A straight single quote opens a title only where no word touches it on the
            // left ("the album 'Montero'", not "the Beatles' Abbey Road" nor "rock 'n'").
            "'" if k + 1 < b && v.touching(k, k + 1) && !v.text[..v.toks[k].span.start].ends_with(|c: char| c.is_alphanumeric()) => "'",
            _ => {
                k += 1;
                continue;
            }
        };
        // (A straight single quote closes where it touches the word before it and no word
        // after it: "'Montero', and", not "'90s".)
        let closes = |j: usize| {
            v.tt(j) == close
                && (close != "'" || (v.touching(j - 1, j) && !v.text[v.toks[j].span.end..].starts_with(|c: char| c.is_alphanumeric())))
        };
        let Some(end) = (k + 1..b.min(k + 14)).find(|&j| closes(j) || (close == "\"" && v.tt(j) == "”")) else {
            k += 1;
            continue;
        };
        // Punctuation that American style puts inside the closing quote is trimmed (“Salt
        // Creek,” ‘Lowlands.’ “Run!”): the title is what comes before it.
        let f = k + 1;
        let mut l = end;
        // (A title that asks keeps its question mark: “What Should I Do?”, “Who’s Harry
        // Crumb?”: the question word may carry a contraction.)
        let asks = matches!(
            v.tt(f).split(['\'', '’']).next().unwrap_or(""),
            "What"
                | "Why"
                | "How"
                | "Who"
                | "Where"
                | "When"
                | "Which"
                | "Do"
                | "Does"
                | "Did"
                | "Is"
                | "Are"
                | "Can"
                | "Will"
                | "Should"
                | "Would"
                | "Could"
                | "Won't"
                | "Won’t"
        );
        while l > f && matches!(v.tt(l - 1), "," | "." | ";" | ":" | "!" | "?") && !(asks && v.tt(l - 1) == "?") {
            // (The full stop of an initialism is the title's: “Marvel’s M.O.D.O.K.”)
            let initialism = v.tt(l - 1) == "."
                && l >= f + 3
                && v.tt(l - 2).len() == 1
                && v.tt(l - 2).bytes().all(|c| c.is_ascii_uppercase())
                && v.tt(l - 3) == ".";
            if initialism {
                break;
            }
            l -= 1;
        }
        let title_case = l > f
            && (v.is_upper(f) || v.toks[f].shape == Shape::Digits)
            && (f..l).all(|j| {
                let t = v.toks[j];
                let w = v.tt(j);
                matches!(t.shape, Shape::Capitalized | Shape::AllCaps | Shape::Digits | Shape::Mixed)
                    || (t.shape == Shape::Lower && (w.len() <= 4 || is_in(&["from", "with", "into", "over", "than", "upon", "without"], w)))
                    || matches!(w, ":" | "-" | "–" | "—" | "&" | "'" | "!" | "?" | "," | "’")
                    // (“Leave Me Alone (Ruby Red Dress)”: a balanced aside is the title's.)
                    || (matches!(w, "(" | ")") && balanced(v, f, l))
                    // “Mr. And Mrs. Smith”, “Dr. Strange”, “L.A. Confidential”
                    || (w == "." && j > f && v.touching(j - 1, j) && (v.info[j - 1].is(class::HONORIFIC) || v.tt(j - 1).len() == 1))
                    // “Married... With Children”, "Married . . . With Children": an ellipsis
                    // inside the title.
                    || (j > f && (w == "..." || w == "…" || (w == "." && (v.tt(j - 1) == "." || v.tt(j + 1) == "."))))
            })
            && v.toks[f..l].iter().any(|t| t.shape != Shape::Digits || t.span.len() == 4)
            && (f..l).filter(|&j| v.toks[j].shape == Shape::Lower).count() * 2 <= (f..l).filter(|&j| v.toks[j].is_word()).count();
        if title_case {
            let sp = Span::new(v.toks[f].span.start, v.toks[l - 1].span.end);
            if let Some(s) = sp.get(v.text) {
                let mut e = Stats { title: 3, quoted: true, ..Stats::default() };
                // ("the fourth track, “Glass Harbor,”": the noun before an appositive comma.)
                let before = v.word_before(k, a).and_then(|(pi, pw)| if pw == "," { v.word_before(pi, a) } else { Some((pi, pw)) });
                if let Some((pi, pw)) = before {
                    if let Some(kind) =
                        v.info.get(pi).and_then(|w| w.title).or_else(|| crate::lexicon::words::WordTable::builtin().info(pw).title)
                    {
                        e.kinds[kind_index(kind)] += 3;
                    }
                }
                add(stats, order, s, Run { first: f, last: l, span: sp, sentence: si }, e, true);
                // (The pieces around its aside are no names: not "Ruby Red Dress" the person
                // nor "Reprise" a known-for work in “Harbor Lights (Reprise)”.)
                if let Some(open) = (f..l).find(|&j| v.tt(j) == "(") {
                    let close = (open..l).find(|&j| v.tt(j) == ")").unwrap_or(l);
                    for (x, y, nonwork) in [(f, open, false), (open + 1, close, true)] {
                        let piece = (x < y).then(|| Span::new(v.toks[x].span.start, v.toks[y - 1].span.end).get(v.text)).flatten();
                        if let Some(st) = piece.and_then(|p| stats.get_mut(p)) {
                            st.nonperson = true;
                            st.nonwork |= nonwork;
                        }
                    }
                }
            }
        }
        k = end + 1;
    }
}

/// Whether the parentheses of tokens `f..l` pair up, each opened before it closes.
fn balanced(v: &View<'_>, f: usize, l: usize) -> bool {
    let mut depth = 0i32;
    for j in f..l {
        match v.tt(j) {
            "(" => depth += 1,
            ")" if depth == 0 => return false,
            ")" => depth -= 1,
            _ => {}
        }
    }
    depth == 0
}
