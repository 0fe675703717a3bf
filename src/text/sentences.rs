//! Sentence splitting over tokens.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis followed by a capital, at a blank line,
//! and at a line break that does not continue the previous line. A period does not end a
//! sentence after an abbreviation ("Mr.", "Dr.", "Vol.", "No."), after an initial ("J.J.
//! Abrams", "Samuel L. Jackson", "M. Night Shyamalan") or inside a number ("$1.07"), unless
//! what follows is a word that usually starts a sentence ("in the U.S. The film ...").
//! Closing quotes and brackets after the mark stay with their sentence.

use crate::lexicon::lists;
use crate::span::Span;
use crate::text::tokens::{Shape, Token};
use std::sync::LazyLock;

/// A sentence: its span and the range of its tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// From its first token's start to its last token's end.
    pub span: Span,
    /// Index of its first token.
    pub first: usize,
    /// One past the index of its last token.
    pub last: usize,
}

/// Abbreviations after which a period never ends a sentence.
static ABBREV_NEVER: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("sentences.abbrev_never"));

/// Abbreviations that may also end a sentence ("... Robert Downey Jr. The film ...").
static ABBREV_MAYBE: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("sentences.abbrev_maybe"));

/// Words that usually start a sentence; after an ambiguous period they mean a break.
static STARTERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("sentences.starters"));

fn eq_any(word: &str, list: &[&str]) -> bool {
    word.len() <= 8 && list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "'" | "”" | "’" | ")" | "]" | "»" | "›")
}

/// Splits the tokens of `text` into sentences, appending to `out` (cleared first).
///
/// ```
/// use newsfacts::text::{split_sentences, tokenize};
/// let text = "Director J.J. Abrams met Mr. Smith. The film earned $1.07 billion! Fans cheered.";
/// let mut toks = Vec::new();
/// let mut sents = Vec::new();
/// tokenize(text, &mut toks);
/// split_sentences(text, &toks, &mut sents);
/// let got: Vec<&str> = sents.iter().map(|s| &text[s.span.start..s.span.end]).collect();
/// assert_eq!(got, ["Director J.J. Abrams met Mr. Smith.", "The film earned $1.07 billion!", "Fans cheered."]);
/// ```
pub fn split_sentences(text: &str, tokens: &[Token], out: &mut Vec<Sentence>) {
    out.clear();
    let mut first = 0;
    let tok = |i: usize| -> &str { tokens.get(i).and_then(|t| t.span.get(text)).unwrap_or("") };
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        // A line break between this token and the next may end the sentence.
        let next = tokens.get(i + 1);
        let mut brk = false;
        let mut end_at = i + 1;
        let s = tok(i);
        if t.shape == Shape::Punct && (s.starts_with('.') || s.starts_with('!') || s.starts_with('?') || s == "…") {
            // Closing quotes and brackets stay with the sentence.
            let mut j = i + 1;
            while j < tokens.len() && is_closer(tok(j)) && tokens[j].span.start == tokens[j - 1].span.end {
                j += 1;
            }
            end_at = j;
            brk = ends_sentence(text, tokens, i, j);
        }
        if !brk {
            if let Some(n) = next {
                brk = line_break_between(text, t.span.end, n.span.start, tok(i), tok(i + 1));
            }
        }
        if brk || end_at >= tokens.len() {
            let last = end_at.min(tokens.len());
            if first < last {
                out.push(Sentence { span: Span::new(tokens[first].span.start, tokens[last - 1].span.end), first, last });
            }
            first = last;
            i = last;
            continue;
        }
        i += 1;
    }
    if first < tokens.len() {
        out.push(Sentence { span: Span::new(tokens[first].span.start, tokens[tokens.len() - 1].span.end), first, last: tokens.len() });
    }
}

/// Whether token `i` stands inside a double quotation opened at most 12 tokens before it
/// and closed at most 12 tokens after it, all on one line.
fn inside_quote(text: &str, tokens: &[Token], i: usize) -> bool {
    let tok = |k: usize| -> &str { tokens.get(k).and_then(|t| t.span.get(text)).unwrap_or("") };
    let line = |a: usize, b: usize| !text[tokens[a].span.end..tokens[b].span.start].contains('\n');
    let mut straight = 0;
    let mut opened = false;
    for k in (i.saturating_sub(12)..i).rev() {
        match tok(k) {
            "“" => {
                opened = line(k, i);
                break;
            }
            "”" => break,
            "\"" => straight += 1,
            _ => {}
        }
    }
    // (A straight quote opens when an odd number of them stand before on the line.)
    if !opened && straight % 2 == 1 {
        opened = (i.saturating_sub(12)..i).any(|k| tok(k) == "\"" && line(k, i));
    }
    opened && (i + 1..(i + 13).min(tokens.len())).any(|k| matches!(tok(k), "”" | "\"") && line(i, k))
}

/// Whether the terminal mark at token `i` ends the sentence; `j` is the first token after
/// it and its closing quotes.
fn ends_sentence(text: &str, tokens: &[Token], i: usize, j: usize) -> bool {
    let tok = |k: usize| -> &str { tokens.get(k).and_then(|t| t.span.get(text)).unwrap_or("") };
    let Some(next) = tokens.get(j) else { return true };
    let next_s = tok(j);
    // A lower-case continuation never starts a sentence ("vs. the", "etc. and").
    if next.shape == Shape::Lower || next_s.starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    let mark = tok(i);
    // ("Supernatural (somebody make it stop!), Reign": a mark that closes an aside in
    // parentheses, then a comma, goes on with the sentence.)
    if (i + 1..j).any(|k| tok(k) == ")") && matches!(next_s, "," | ";" | ":" | "–" | "—" | ".") {
        return false;
    }
    if mark == "!" || mark == "?" || mark.starts_with("!") || mark.starts_with("?") {
        return true;
    }
    // (". . .": a spaced ellipsis is one mark.)
    let spaced = mark == "." && (next_s == "." || (i > 0 && tok(i - 1) == "."));
    if mark.len() >= 2 || mark == "…" || spaced {
        // ("“Married . . . With Children” begins": an ellipsis inside a quotation that
        // closes on the same line goes on with the sentence.)
        if inside_quote(text, tokens, i) {
            return false;
        }
        // Ellipsis: a break only before a capital.
        return next.is_upper_initial() || next_s.starts_with(|c: char| "\"“'‘".contains(c));
    }
    // A single period: look at the word before it.
    let Some(prev) = i.checked_sub(1).and_then(|p| tokens.get(p)) else { return true };
    if prev.span.end != tokens[i].span.start || !prev.is_word() {
        return true;
    }
    let prev_s = tok(i - 1);
    let starter = eq_any(next_s, &STARTERS) && next.shape == Shape::Capitalized;
    if eq_any(prev_s, &ABBREV_NEVER) && prev.shape != Shape::AllCaps {
        return false;
    }
    if eq_any(prev_s, &ABBREV_MAYBE) {
        return starter;
    }
    // An initial: one upper-case letter ("J.", "L.") or a dotted acronym ("U.S.").
    let one_letter = prev_s.chars().count() == 1 && prev_s.chars().all(char::is_uppercase);
    // ("L.A. Law", "U.S.A.": a period touching the letter after it is inside an acronym.)
    if one_letter && j == i + 1 && tokens[i].span.end == next.span.start && next_s.chars().count() == 1 {
        return false;
    }
    if one_letter {
        return starter;
    }
    // ("9 p.m. July 16", "a.m.", "e.g.": a dotted lower-case abbreviation ends a sentence
    // only before a word that starts one, as an initial does.)
    let dotted = prev_s.chars().count() == 1
        && i >= 3
        && tok(i - 2) == "."
        && tokens[i - 2].span.end == tokens[i - 1].span.start
        && tok(i - 3).chars().count() == 1
        && tokens[i - 3].span.end == tokens[i - 2].span.start;
    if dotted {
        return starter;
    }
    true
}

/// Whether the white space between `a` and `b` holds a line break that ends a sentence:
/// any blank line, or a single line break unless the next line continues in lower case or
/// the previous one ends mid-phrase.
fn line_break_between(text: &str, a: usize, b: usize, prev: &str, next: &str) -> bool {
    let Some(gap) = text.get(a..b) else { return false };
    let newlines = gap.bytes().filter(|&c| c == b'\n').count();
    if newlines == 0 {
        return false;
    }
    if newlines >= 2 {
        return true;
    }
    let continues = next.starts_with(|c: char| c.is_lowercase()) || matches!(prev, "," | ";" | "-" | "(" | "&");
    !continues
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn split(text: &str) -> Vec<&str> {
        let mut toks = Vec::new();
        let mut sents = Vec::new();
        tokenize(text, &mut toks);
        split_sentences(text, &toks, &mut sents);
        sents.iter().map(|s| &text[s.span.start..s.span.end]).collect()
    }

    /// One line per case: the text, and its sentences joined by ` || `.
    #[test]
    fn sentence_table() {
        let cases: &[(&str, &str)] = &[
            ("One. Two.", "One. || Two."),
            ("Mr. Smith went home. He slept.", "Mr. Smith went home. || He slept."),
            ("He left L.A. Law in May. It ended.", "He left L.A. Law in May. || It ended."),
            ("It airs at 9 p.m. July 16 on HBO. It returns.", "It airs at 9 p.m. July 16 on HBO. || It returns."),
            ("It aired at 9 p.m. The next day it rained.", "It aired at 9 p.m. || The next day it rained."),
            ("Dr. Jones arrived.", "Dr. Jones arrived."),
            ("Mrs. Doubtfire and Ms. Marvel.", "Mrs. Doubtfire and Ms. Marvel."),
            ("Robert Downey Jr. The film wrapped.", "Robert Downey Jr. || The film wrapped."),
            ("Robert Downey Jr. stars in it.", "Robert Downey Jr. stars in it."),
            ("Martin Luther King Jr. Day is here.", "Martin Luther King Jr. Day is here."),
            ("It opens on St. Patrick's Day.", "It opens on St. Patrick's Day."),
            ("Vol. 3 is out. Fans rejoice.", "Vol. 3 is out. || Fans rejoice."),
            ("Guardians of the Galaxy Vol. 3 opens.", "Guardians of the Galaxy Vol. 3 opens."),
            ("It was No. 1 again. Wow.", "It was No. 1 again. || Wow."),
            ("It earned $1.07 billion. Wow.", "It earned $1.07 billion. || Wow."),
            ("A 7.1 surround mix. Nice.", "A 7.1 surround mix. || Nice."),
            ("J.J. Abrams directs. Fans cheer.", "J.J. Abrams directs. || Fans cheer."),
            ("Samuel L. Jackson returns.", "Samuel L. Jackson returns."),
            ("M. Night Shyamalan is back.", "M. Night Shyamalan is back."),
            ("T.S. Nowlin wrote it.", "T.S. Nowlin wrote it."),
            ("It grossed more in the U.S. than abroad.", "It grossed more in the U.S. than abroad."),
            ("It opened in the U.S. The rest followed.", "It opened in the U.S. || The rest followed."),
            ("Made by Plan B. It won.", "Made by Plan B. || It won."),
            ("Wait... what? Yes!", "Wait... what? || Yes!"),
            ("He paused... Then he left.", "He paused... || Then he left."),
            ("He paused… Then he left.", "He paused… || Then he left."),
            ("\"Married . . . With Children\" begins. Then news.", "\"Married . . . With Children\" begins. || Then news."),
            ("“Married... With Children” begins.", "“Married... With Children” begins."),
            ("He paused . . . Then he left.", "He paused . . . || Then he left."),
            ("\"We did it.\" She smiled.", "\"We did it.\" || She smiled."),
            ("“We did it.” She smiled.", "“We did it.” || She smiled."),
            ("(It was late.) Then rain.", "(It was late.) || Then rain."),
            ("Who knew? Nobody did.", "Who knew? || Nobody did."),
            ("Is it 'Sinners'? Yes.", "Is it 'Sinners'? || Yes."),
            ("Headline Here\n\nBody starts.", "Headline Here || Body starts."),
            ("A Subheading\nBody starts.", "A Subheading || Body starts."),
            ("a wrapped line,\ncontinues here.", "a wrapped line,\ncontinues here."),
            ("one line\ncontinued lower.", "one line\ncontinued lower."),
            ("Kravitz vs. Cruz is next.", "Kravitz vs. Cruz is next."),
            ("Warner Bros. Pictures releases it.", "Warner Bros. Pictures releases it."),
            ("Distributed by Warner Bros. The date is set.", "Distributed by Warner Bros. || The date is set."),
            ("It runs 2:15. Long.", "It runs 2:15. || Long."),
            ("It premieres Sept. 24, 2025.", "It premieres Sept. 24, 2025."),
            ("It opens Jan. 10. Book now.", "It opens Jan. 10. || Book now."),
            ("Lionsgate Inc. said so.", "Lionsgate Inc. said so."),
            ("Apples, etc. Then pears.", "Apples, etc. || Then pears."),
            ("Version 2.0 ships. Good.", "Version 2.0 ships. || Good."),
            ("The end.", "The end."),
            ("no terminal mark", "no terminal mark"),
            ("Zoë Kravitz smiled. Penélope Cruz laughed.", "Zoë Kravitz smiled. || Penélope Cruz laughed."),
            ("It's big!!! Really.", "It's big!!! || Really."),
            ("Renewed: Reign (make it stop!), Castle (yes?) and Bones.", "Renewed: Reign (make it stop!), Castle (yes?) and Bones."),
            ("It ended (finally!). Then more.", "It ended (finally!). || Then more."),
            ("", ""),
            ("...", "..."),
        ];
        for (text, want) in cases {
            assert_eq!(split(text).join(" || "), *want, "sentences of {text:?}");
        }
    }
}
