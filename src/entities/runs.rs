//! Candidate runs: capitalised token sequences that may name a person, title or
//! organization, found in one pass over the tokens of each sentence.
//!
//! A *name run* joins capitalised tokens with what names contain: particles ("Ana de
//! Armas"), initials ("J.J. Abrams", "Samuel L. Jackson"), hyphens ("Jean-Luc"), suffixes
//! ("Jr.", "III"); a possessive ends it ("Reeves's" gives "Reeves"). A *title run* extends
//! a name run across what titles contain: lower-case function words followed by a
//! capital ("Everything Everywhere All at Once"), a colon or spaced dash before a
//! capitalised subtitle ("John Wick: Chapter 3 – Parabellum"), numbers ("Blade Runner
//! 2049", "Vol. 3") and "&".

use crate::lexicon::lexed::Key;
use crate::lexicon::lists;
use crate::lexicon::words::{class, WordInfo};
use crate::span::Span;
use crate::text::{Shape, Token};
use std::sync::LazyLock;

/// A candidate run of tokens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Run {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// The text span (possessive "'s" excluded).
    pub span: Span,
    /// Sentence index.
    pub sentence: usize,
}

impl Run {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.last - self.first
    }
}

/// Read-only view of one article's tokens and their word classes.
pub struct View<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    /// Each token's key (the lexicon pass).
    pub keys: &'a [Key],
    pub info: &'a [WordInfo],
    /// Tokens covered by a lexicon hit, a date or a headline-like line.
    pub blocked: &'a [bool],
}

/// Prepositions that may sit inside a title only after a multi-word head.
/// Tails of a compound after a name's hyphen ("the Buddy Crane-led comedy", "a Kim-era
/// show"): no syllable of the name.
static COMPOUND_TAILS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("runs.compound_tails"));
/// Status words a row puts after a dash ("Chernobyl – WINNER"), compared as written.
/// Words that open a sentence whose subject, a list of works, follows the verb.
static INVERTED_RELEASE: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("evidence.inverted_release"));
static ROW_MARKERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("runs.row_markers"));
/// Words whose possessive is part of a title, not its owner ("Children's", "Nobody's").
static TITLE_POSSESSIVES: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("runs.title_possessives"));

/// Whether `w` is a row's status word ("WINNER", "NEW"), as written.
pub(crate) fn is_row_marker(w: &str) -> bool {
    ROW_MARKERS.contains(&w)
}
/// "Featuring" and its short forms, capitalised as in row titles ("Jo Kim Featuring Ana
/// Bell"): they join two names and belong to neither.
fn is_featuring(w: &str) -> bool {
    matches!(w, "Featuring" | "Feat" | "Ft" | "FEATURING" | "FEAT" | "FT")
}

/// Words that, alone before a colon, label the list after it ("Renewed:", "Canceled:").
static LINE_LABELS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("runs.line_labels"));

/// Words that open a clause, not a subtitle, after a colon ("…: While we wait").
static CLAUSE_OPENERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("runs.clause_openers"));

static PREPOSITIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("runs.prepositions"));

/// Lower-case words that may sit inside a title between capitalised words.
static TITLE_FUNCTION: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("runs.title_function"));

impl<'a> View<'a> {
    /// The text of token `i` ("" when out of range).
    #[inline]
    pub fn tt(&self, i: usize) -> &'a str {
        self.toks.get(i).and_then(|t| t.span.get(self.text)).unwrap_or("")
    }

    /// The key of token `i` ([`Key::NONE`] when out of range).
    #[inline]
    pub fn key(&self, i: usize) -> Key {
        self.keys.get(i).copied().unwrap_or(Key::NONE)
    }

    /// What the word table knows about token `i` (empty for punctuation and out of range):
    /// the same as looking its text up.
    #[inline]
    pub fn word_info(&self, i: usize) -> WordInfo {
        self.info.get(i).copied().unwrap_or_default()
    }

    /// Whether token `i` is a capitalised word that can be part of a name.
    #[inline]
    pub fn is_upper(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| matches!(t.shape, Shape::Capitalized | Shape::AllCaps))
    }

    #[inline]
    fn blocked(&self, i: usize) -> bool {
        self.blocked.get(i).copied().unwrap_or(true)
    }

    /// Whether tokens `a` and `b` (a < b) are separated by white space on one line only.
    #[inline]
    pub fn same_line(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => self.text.get(x.span.end..y.span.start).is_some_and(|g| !g.contains('\n')),
            _ => false,
        }
    }

    /// Whether token `b` directly follows `a` with no space.
    #[inline]
    pub fn touching(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => x.span.end == y.span.start,
            _ => false,
        }
    }

    /// Byte length of a possessive ending on token `i` ("'s", "’s"), or 0.
    pub fn possessive_len(&self, i: usize) -> usize {
        let t = self.tt(i);
        let n = if t.len() > 3 && (t.ends_with("'s") || t.ends_with("'S")) {
            2
        } else if t.len() > 5 && t.ends_with("’s") {
            4
        } else {
            0
        };
        // ("Children's Heroes of the Bible", "Nobody's Fool": a plural noun's or an
        // indefinite pronoun's possessive owns nothing; it is a word of the title.)
        if n > 0 && TITLE_POSSESSIVES.iter().any(|w| w.eq_ignore_ascii_case(&t[..t.len() - n])) {
            return 0;
        }
        n
    }

    fn is_initial(&self, i: usize) -> bool {
        let t = self.tt(i);
        t.len() == 1 && t.as_bytes()[0].is_ascii_uppercase() && self.tt(i + 1) == "." && self.touching(i, i + 1)
    }

    /// Name runs of the sentence `[a, b)` with index `s`, appended to `out`.
    pub fn name_runs(&self, a: usize, b: usize, s: usize, out: &mut Vec<Run>) {
        let mut i = a;
        while i < b {
            // ("I Married a Strange Person opened": a capital after "I", even at the start of
            // a sentence, where prose has "I think", opens a title.)
            let pronoun = self.tt(i) == "I"
                && !self.is_initial(i)
                && !(i + 1 < b
                    && self.is_upper(i + 1)
                    && self.same_line(i, i + 1)
                    && (i > a || !self.info.get(i + 1).is_some_and(|w| w.is(class::FIRST_NAME))));
            // "28 Years Later", "10,000 Ships": a number may open a title.
            let number_head = self.toks[i].shape == Shape::Digits
                && i + 1 < b
                && self.is_upper(i + 1)
                && self.same_line(i, i + 1)
                && !self.blocked(i + 1)
                && !(i > a && matches!(self.tt(i - 1), "$" | "£" | "€" | "#" | "No" | "."));
            if (!self.is_upper(i) && !number_head) || self.blocked(i) || pronoun || is_featuring(self.tt(i)) {
                i += 1;
                continue;
            }
            let start = i;
            let mut j = i; // last token included
            let mut poss = self.possessive_len(j);
            while poss == 0 {
                let k = j + 1;
                if k >= b || self.blocked(k) {
                    break;
                }
                let tk = self.tt(k);
                // ("KHJ-TV Channel 9", "KCET Channel 28": a station's call sign, then its
                // channel, which is no part of its name.)
                if tk == "Channel" && self.call_sign_end(start) == Some(j) {
                    break;
                }
                if self.is_upper(k) && self.same_line(j, k) && (tk != "I" || self.is_initial(k)) && !is_featuring(tk) {
                    j = k;
                } else if tk == "of"
                    && j > start
                    && self.info.get(j).is_some_and(|w| w.is(class::ORG_SUFFIX))
                    && self.toks[j].shape == Shape::Capitalized
                    && k + 1 < b
                    && self.is_upper(k + 1)
                    && !self.blocked(k + 1)
                    && self.same_line(k, k + 1)
                    && self.place_at(k + 1, b).is_some()
                {
                    // ("the Municipal Opera Company of St. Louis", "the Philharmonic Society
                    // of New York": a company's suffix, "of" and a place is one name.)
                    j = self.place_at(k + 1, b).unwrap_or(k + 1);
                } else if tk == "."
                    && self.is_initial(j)
                    && self.touching(j, k)
                    && k + 1 < b
                    && self.is_upper(k + 1)
                    && !self.blocked(k + 1)
                {
                    // "J." or "L." inside a name
                    j = k + 1;
                } else if tk == "."
                    && self.info.get(j).is_some_and(|w| w.is(class::HONORIFIC))
                    && self.touching(j, k)
                    && k + 1 < b
                    && self.is_upper(k + 1)
                    && !self.blocked(k + 1)
                    && self.same_line(k, k + 1)
                {
                    // "Dr. Ada Lowe", "Mr. Smith": an honorific's period stays inside the
                    // run (the honorific itself is dropped later unless it is a
                    // character's: "plays Dr. Ada Lowe").
                    j = k + 1;
                } else if tk == "." && self.is_initial(j) && self.touching(j, k) {
                    // ("Zacarías M. de la Riva": a particle after the initial goes on to the
                    // surname.)
                    let particle = |q: usize| self.info.get(q).is_some_and(|w| w.is(class::PARTICLE)) && self.toks[q].shape == Shape::Lower;
                    let particles = (k + 1..(k + 3).min(b)).take_while(|&q| particle(q)).count();
                    let surname = k + 1 + particles;
                    if particles > 0 && surname < b && self.is_upper(surname) && !self.blocked(surname) && self.same_line(k, surname) {
                        j = surname;
                        poss = self.possessive_len(j);
                        continue;
                    }
                    // "J.J." then a name: the second initial is taken next round
                    j = k;
                    break;
                } else if tk == "-"
                    && self.touching(j, k)
                    && self.touching(k, k + 1)
                    && self.is_upper(k + 1)
                    && k + 1 < b
                    && !self.two_names_hyphenated(start, j, k + 1, b)
                {
                    j = k + 1;
                } else if tk == "-"
                    && self.touching(j, k)
                    && self.touching(k, k + 1)
                    && k + 1 < b
                    && self.toks[k + 1].shape == Shape::Lower
                    && self.info.get(k + 1).is_some_and(|w| {
                        // A syllable that is also a word ("won", "min") after a short
                        // syllable of a name already under way: "Cha Seung-won".
                        let syllable = j > start && self.tt(j).len() <= 5;
                        !w.is(class::ROLE_VERB | class::ROLE_NOUN) && (syllable || !w.is(class::COMMON))
                    })
                    // ("Kim Jae-joong", "Park Seo-joon": a five-letter syllable if no word.)
                    && (self.tt(k + 1).len() <= 4
                        || (self.tt(k + 1).len() == 5 && !self.info.get(k + 1).is_some_and(|w| w.is(class::COMMON))))
                    // ("the Buddy Crane-led comedy", "a Kim-era show": a compound's tail.)
                    && !COMPOUND_TAILS.contains(&self.tt(k + 1))
                {
                    // "Lee Jung-jae", "Park Chan-wook"; not "Villeneuve-directed".
                    j = k + 1;
                } else if self.info.get(k).is_some_and(|w| w.is(class::PARTICLE))
                    && self.toks[k].shape == Shape::Lower
                    && k + 1 < b
                    && self.is_upper(k + 1)
                    && !self.blocked(k + 1)
                    && self.same_line(j, k + 1)
                {
                    j = k + 1;
                } else if self.info.get(k).is_some_and(|w| w.is(class::PARTICLE))
                    && self.toks[k].shape == Shape::Lower
                    && k + 2 < b
                    && self.info.get(k + 1).is_some_and(|w| w.is(class::PARTICLE))
                    && self.is_upper(k + 2)
                {
                    // "de la Garza"
                    j = k + 2;
                } else if tk == "," && self.info.get(k + 1).is_some_and(|w| w.is(class::SUFFIX)) && self.is_upper(k + 1) {
                    j = k + 1;
                } else {
                    break;
                }
                poss = self.possessive_len(j);
            }
            // "Jr." keeps its period.
            if self.info.get(j).is_some_and(|w| w.is(class::SUFFIX)) && self.tt(j + 1) == "." && self.touching(j, j + 1) && j + 1 < b {
                j += 1;
            }
            // ("Dawn Of The Dead: The remake has landed …": an article alone before a
            // lower-case word, after a colon, names nothing.)
            if j == start && matches!(self.tt(start), "The" | "A" | "An") && start > a && self.tt(start - 1) == ":" {
                i = j + 1;
                continue;
            }
            let end_byte = self.toks[j].span.end - self.possessive_len(j);
            out.push(Run { first: start, last: j + 1, span: Span::new(self.toks[start].span.start, end_byte), sentence: s });
            i = j + 1;
        }
    }

    /// Whether the punctuation token `k` after `j` joins a title to what follows: a colon
    /// or spaced dash before a capital, "&" before a non-name, "Vol." before a number, a
    /// hyphen inside a word.
    fn joins_title(&self, j: usize, k: usize, b: usize, looks_person: &dyn Fn(usize) -> bool) -> bool {
        let tk = self.tt(k);
        let next_upper = k + 1 < b && self.is_upper(k + 1);
        let next_digits = self.toks.get(k + 1).is_some_and(|t| t.shape == Shape::Digits);
        // ("Chernobyl – WINNER", "Joker — NEW": a row's status marker is no subtitle.)
        let marker = tk != ":"
            && k + 1 < b
            && ROW_MARKERS.contains(&self.tt(k + 1))
            && !(k + 2 < b && self.is_upper(k + 2) && self.same_line(k + 1, k + 2));
        // ("Traveller — Chris Stapleton": a spaced dash before a name is a row's field
        // separator, no subtitle.)
        let dash = tk == "–" || tk == "—" || (tk == "-" && !self.touching(j, k));
        // ("Renewed: Harbor Lights, Cold Tide": a label word ending in a colon heads a list.)
        let label = tk == ":"
            && LINE_LABELS.iter().any(|w| w.eq_ignore_ascii_case(self.tt(j)))
            && (j == 0 || !self.same_line(j - 1, j) || !self.is_upper(j - 1));
        // ("Harbor Lights: While we wait, …": a clause after the colon, no subtitle.)
        let clause = tk == ":" && CLAUSE_OPENERS.contains(&self.tt(k + 1));
        // ("The Barbarian Invasions: Los Angeles and New York City get the sequel first": a
        // place then a lower-case word after the colon starts a sentence, no subtitle.)
        let place_clause = tk == ":"
            && self.place_at(k + 1, b).is_some_and(|p| {
                let mut q = p + 1;
                // (Places joined by "and", a place's last capitals: "Los Angeles and New
                // York City get".)
                for _ in 0..8 {
                    if matches!(self.tt(q), "and" | ",") {
                        match self.place_at(q + 1, b) {
                            Some(r) => q = r + 1,
                            None => break,
                        }
                    } else if q < b && self.is_upper(q) && self.same_line(q - 1, q) {
                        q += 1;
                    } else {
                        break;
                    }
                }
                self.toks.get(q).is_some_and(|t| t.shape == Shape::Lower && t.is_word())
            });
        // ("Dawn Of The Dead: The remake has landed …": an article then a lower-case word
        // after the colon starts a sentence; "Star Wars: The Force Awakens" goes on in
        // capitals.)
        let article_clause = tk == ":"
            && matches!(self.tt(k + 1), "The" | "A" | "An")
            && self.toks.get(k + 2).is_some_and(|t| t.shape == Shape::Lower && t.is_word());
        let clause = clause || place_clause || article_clause;
        ((tk == ":" || (dash && !looks_person(k + 1))) && next_upper && !self.blocked(k + 1) && !marker && !label && !clause)
            || (tk == "&" && next_upper && !looks_person(k + 1))
            || (tk == "." && self.tt(j).eq_ignore_ascii_case("vol") && next_digits && self.same_line(k, k + 1))
            // ("Will Hay: Double Feature, Volume 3", "Kill Bill, Vol. 2": a numbered part
            // after a comma is the title's.)
            || (tk == "," && self.numbered_part_at(k + 1, b))
            || (tk == "-"
                && self.touching(j, k)
                && self.touching(k, k + 1)
                && (next_upper || next_digits)
                && !(j > 0 && self.two_names_hyphenated(j - 1, j, k + 1, b)))
            // ("Saint of 9/11", "24/7": a slash between digits inside a word.)
            || (tk == "/" && self.touching(j, k) && self.touching(k, k + 1) && next_digits && self.toks[j].shape == Shape::Digits)
    }

    /// The last token of a place name starting at token `k`: one word of the lexicon's
    /// places ("London"), two ("New York", by the lexicon's phrase) or "St." and a word
    /// ("St. Louis").
    fn place_at(&self, k: usize, b: usize) -> Option<usize> {
        let words = crate::lexicon::words::WordTable::builtin();
        if matches!(self.tt(k), "St" | "Saint") && k + 2 < b && self.tt(k + 1) == "." && self.is_upper(k + 2) && self.touching(k, k + 1) {
            return Some(k + 2);
        }
        if k + 1 < b && self.is_upper(k + 1) && self.same_line(k, k + 1) {
            let two = Span::new(self.toks[k].span.start, self.toks[k + 1].span.end).get(self.text).unwrap_or("");
            if words.info(two).is(class::PLACE) {
                return Some(k + 1);
            }
        }
        self.info.get(k).is_some_and(|w| w.is(class::PLACE)).then_some(k)
    }

    /// The last token of a broadcast station's call sign starting at `k`: "KCET", "WNET",
    /// "KHJ-TV", "WQXR-FM" (K or W and two or three more capitals, and "-TV", "-FM",
    /// "-AM" or "-DT" touching it).
    pub fn call_sign_end(&self, k: usize) -> Option<usize> {
        let t = self.tt(k);
        let sign = t.len() == 3 || t.len() == 4;
        if !sign || !t.starts_with(['K', 'W']) || !t.bytes().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        if k + 2 < self.toks.len()
            && self.tt(k + 1) == "-"
            && self.touching(k, k + 1)
            && self.touching(k + 1, k + 2)
            && matches!(self.tt(k + 2), "TV" | "FM" | "AM" | "DT")
        {
            return Some(k + 2);
        }
        Some(k)
    }

    /// Whether a numbered part starts at token `k` on the line: "Volume 3", "Vol. 2",
    /// "Part II", "Chapter Two", "Book 1".
    fn numbered_part_at(&self, k: usize, b: usize) -> bool {
        if k + 1 >= b || !matches!(self.tt(k), "Volume" | "Vol" | "Part" | "Chapter" | "Book") || !self.same_line(k - 1, k) {
            return false;
        }
        let n = if self.tt(k + 1) == "." && self.tt(k).eq_ignore_ascii_case("vol") { k + 2 } else { k + 1 };
        n < b
            && self.same_line(k, n)
            && (self.toks[n].shape == Shape::Digits
                || matches!(
                    self.tt(n),
                    "I" | "II"
                        | "III"
                        | "IV"
                        | "V"
                        | "VI"
                        | "VII"
                        | "VIII"
                        | "IX"
                        | "X"
                        | "One"
                        | "Two"
                        | "Three"
                        | "Four"
                        | "Five"
                        | "Six"
                ))
    }

    /// Whether "and" before the capitalised word `f` starts a new member rather than
    /// continuing the title `run.first..=j`: a capitalised article ("Your Hit Parade and
    /// The Andy Williams Show": title case keeps "the" low inside a title), the run's
    /// own first word again, an owner
    /// ("Folklore and Lil Baby's My Turn"), or a list cue before a run of two words or
    /// more ("shows such as Seven Deadly Sins and Baki", data/context.tsv `list`).
    fn and_starts_member(&self, run: Run, j: usize, f: usize, b: usize) -> bool {
        if matches!(self.tt(f), "The" | "A" | "An") && f + 1 < b && self.is_upper(f + 1) {
            return true;
        }
        // "Ghostbusters: Afterlife and Ghostbusters: Frozen Empire": the head again is
        // the next work of a series.
        if j > run.first && self.tt(f) == self.tt(run.first) {
            return true;
        }
        // (After a name, "Kanye West and Chicago Children's Choir" is one more name.)
        let name_head = self.info.get(run.first).is_some_and(|w| w.is(class::FIRST_NAME));
        let owner =
            self.possessive_len(f) > 0 || (f + 1 < b && self.is_upper(f + 1) && self.same_line(f, f + 1) && self.possessive_len(f + 1) > 0);
        if owner && !name_head {
            return true;
        }
        // ("Also premiering are Cold Orchard and Iron Vale": the subject of an inverted
        // release sentence is a list of works.)
        if j > run.first && self.inverted_release_subject(run.first) {
            return true;
        }
        // (One word and one word, "ballads such as Breakdown and Outside", split too; a
        // well-known "War and Peace" is a lexicon hit and never reaches here.)
        let one_and_one = j == run.first && !(f + 1 < b && self.is_upper(f + 1) && self.same_line(f, f + 1));
        let probe = Run { first: run.first, last: j + 1, span: run.span, sentence: run.sentence };
        (j > run.first || one_and_one) && super::context::ContextTable::builtin().said(self, probe, 0, b).list
    }

    /// Whether the run starting at token `first` is the subject of an inverted release
    /// sentence: "Arriving on Netflix in March are …", "Also premiering this month are …",
    /// "Coming to Hulu in March: …", "Premieres this week include …". The opener starts
    /// the sentence (past "Also", "And", "Still", "Next", "Plus"), at most ten tokens
    /// before the verb, with no comma, quotation or speech verb between.
    pub fn inverted_release_subject(&self, first: usize) -> bool {
        let mut v = first.wrapping_sub(1);
        if matches!(self.tt(v), "“" | "\"" | "‘") {
            v = v.wrapping_sub(1);
        }
        if v == usize::MAX || !matches!(self.tt(v), "are" | "is" | "include" | "includes" | ":") {
            return false;
        }
        // The sentence's first token: after a full stop, or the first on its line.
        let mut k = v;
        while k > 0 && v - k < 10 && !matches!(self.tt(k - 1), "." | "!" | "?") && self.same_line(k - 1, k) {
            if matches!(self.tt(k - 1), "," | ";" | "“" | "”" | "\"" | "said" | "says") {
                return false;
            }
            k -= 1;
        }
        if k > 0 && v - k >= 10 && !matches!(self.tt(k - 1), "." | "!" | "?") && self.same_line(k - 1, k) {
            return false;
        }
        while k < v && ["also", "and", "still", "next", "plus"].iter().any(|w| w.eq_ignore_ascii_case(self.tt(k))) {
            k += 1;
        }
        if k >= v || !INVERTED_RELEASE.iter().any(|w| w.eq_ignore_ascii_case(self.tt(k))) {
            return false;
        }
        // ("Coming to the cast in March are Jo Kim and …": people join a company; a run
        // that opens with a given name is a person's more likely than a work's.)
        if (k..v).any(|j| ["cast", "show", "series", "ensemble", "team", "roster", "lineup", "line-up", "band"].contains(&self.tt(j)))
            || self.info.get(first).is_some_and(|w| w.is(class::FIRST_NAME))
        {
            return false;
        }
        // ("New episodes of Harbor Lights are …" is no inversion; "New to Netflix:" is.)
        !self.tt(k).eq_ignore_ascii_case("new") || ["to", "on", "this", "in", "releases", "arrivals", "titles"].contains(&self.tt(k + 1))
    }

    /// Whether the hyphen between tokens `j` and `n` joins two full names ("the Simon
    /// Pegg-Jessica Stevenson comedy"): a first name and a name before it, a given name
    /// (no surname) and a capitalised word after it. ("Ana Ruiz-Lopez", "Jean-Luc Godard"
    /// stay one name.)
    fn two_names_hyphenated(&self, start: usize, j: usize, n: usize, b: usize) -> bool {
        let first_before = j > start && self.info.get(start).is_some_and(|w| w.is(class::FIRST_NAME));
        // (A given name that is also a surname counts when a surname follows it: "John
        // Adams-Alice Goodman-Peter Sellars", where "Day-Lewis" has no word after.)
        let given_after = self.info.get(n).is_some_and(|w| w.is(class::FIRST_NAME) && !w.is(class::COMMON));
        first_before
            && given_after
            && n + 1 < b
            && self.is_upper(n + 1)
            && self.same_line(n, n + 1)
            && self.toks[n + 1].span.start > self.toks[n].span.end
    }

    /// Whether token `k` is the number sign "No." before digits ("at No. 1").
    fn number_sign(&self, k: usize) -> bool {
        matches!(self.tt(k), "No" | "Nos") && self.tt(k + 1) == "." && self.toks.get(k + 2).is_some_and(|t| t.shape == Shape::Digits)
    }

    /// Extends a run to the right across what titles contain; returns the extended run
    /// (the same run when nothing follows).
    /// Whether every word of tokens `a..b` is written in capitals ("RUN THE BURBS"), one
    /// of them longer than a letter.
    fn all_caps_words(&self, a: usize, b: usize) -> bool {
        let mut long = false;
        for k in a..b {
            let t = self.toks[k];
            if !t.is_word() {
                continue;
            }
            if t.shape != Shape::AllCaps {
                return false;
            }
            long |= self.tt(k).len() >= 2;
        }
        long
    }

    pub fn title_extend(&self, run: Run, b: usize) -> Run {
        let mut j = run.last - 1;
        // "Man's Best Friend", "Ocean's Eleven": a common word's possessive is part of a
        // title; a name's ("Spielberg's Amazing Stories") is an owner.
        if self.possessive_len(j) > 0 {
            let common = self.info.get(j).is_some_and(|w| w.is(class::COMMON) && !w.is(class::FIRST_NAME | class::SURNAME));
            // ("A Rat's Quest", "The Lord's Prayer": an article before the owner makes the
            // owner part of the title.)
            // (Not before a person: "The Gifted's Garret Dillahunt".)
            let article = run.len() == 2
                && matches!(self.tt(run.first), "A" | "An" | "The")
                && !self.info.get(j + 1).is_some_and(|w| w.is(class::FIRST_NAME));
            if !((run.len() == 1 && common || article) && j + 1 < b && self.is_upper(j + 1) && self.same_line(j, j + 1)) {
                return run;
            }
            j += 1;
        }
        let looks_person = |k: usize| {
            self.info.get(k).is_some_and(|w| w.is(class::FIRST_NAME))
                && self.is_upper(k)
                && self.is_upper(k + 1)
                && self.same_line(k, k + 1)
        };
        loop {
            let k = j + 1;
            if k >= b || !self.same_line(j, k) {
                break;
            }
            let tk = self.tt(k);
            // function words then a capital: "Guardians of the Galaxy"
            let mut f = k;
            while f < b && f < k + 3 && TITLE_FUNCTION.iter().any(|w| *w == self.tt(f)) && self.toks[f].shape == Shape::Lower {
                f += 1;
            }
            // ("… The First Steps at No. 1": a number sign starts a rank, no title word.)
            if self.number_sign(f) || self.number_sign(k) {
                break;
            }
            // ("FBI: International at 10 p.m.": an hour after "at" is a time slot.)
            if tk == "at" && f == k + 1 && self.toks.get(f).is_some_and(|t| t.shape == Shape::Digits) && self.tt(f).len() <= 2 {
                break;
            }
            if f > k && f < b && (self.is_upper(f) || self.toks[f].shape == Shape::Digits) && self.same_line(k, f) && !self.blocked(f) {
                // "Grand Theft Auto V and Red Dead Redemption 2": a numbered title is complete.
                // "..., The Brutalist and Wicked": after a list comma, "and" ends the member.
                let list_member = run.first > 0 && self.tt(run.first - 1) == ",";
                // ("..., Princess Leia or Luke Skywalker": "or" ends a list member too.)
                // ("Humphrey Bogart or Marlon Brando": "or" before a name ends one too.)
                // ("District 9 or Blade Runner": a numbered title is complete before "or" too.)
                let numbered = matches!(self.toks[j].shape, Shape::Digits | Shape::Mixed | Shape::AllCaps);
                if (tk == "and" || (tk == "or" && (list_member || looks_person(f) || numbered)))
                    && (list_member || looks_person(f) || numbered)
                {
                    break;
                }
                // ("the Santa Fe Opera and the Canadian Opera": a company named for its place
                // ends at "and".)
                if tk == "and" && matches!(self.tt(j), "Opera" | "Ballet") && !matches!(self.tt(run.first), "The" | "A" | "An") {
                    break;
                }
                if matches!(tk, "and" | "or") && f == k + 1 && self.and_starts_member(run, j, f, b) {
                    break;
                }
                // "Lex Luthor in Superman", "Sinners on IMAX": a preposition after a name
                // or a single word starts a new phrase. "Once Upon a Time in Hollywood"
                // keeps it.
                // ("SORT OF from Sienna Films", "RUN THE BURBS on Wednesdays": a title in
                // capitals writes its function words in capitals too.)
                if self.all_caps_words(run.first, j + 1) {
                    break;
                }
                // ("Justice League in the US": a country's initials after a preposition
                // say where, not which work.)
                if self.toks[f].shape == Shape::AllCaps
                    && self.info.get(f).is_some_and(|w| w.is(class::PLACE))
                    && !(f + 1 < b && self.is_upper(f + 1) && self.same_line(f, f + 1))
                {
                    break;
                }
                let prep = (k..f).any(|x| PREPOSITIONS.contains(&self.tt(x)));
                let name_head = self.info.get(run.first).is_some_and(|w| w.is(class::FIRST_NAME));
                // "Welcome to Mooseport" has a one-word head that is an ordinary word.
                let common_head = self.info.get(run.first).is_some_and(|w| w.is(class::COMMON));
                // ("the Lantern Music Festival in Austin": a company's suffix ends its name
                // before a preposition, which says where it is.)
                let org_end = self.info.get(j).is_some_and(|w| w.is(class::ORG_SUFFIX)) && self.tt(k) != "of";
                // ("… Place Beyond The Pines with Derek Cianfrance": a preposition before a
                // person's name ends the title.)
                if prep
                    && ((j + 1 - run.first < 2 && !common_head)
                        || name_head
                        || org_end
                        || (looks_person(f) && matches!(tk, "with" | "by" | "alongside")))
                {
                    break;
                }
                j = f;
            } else if self.is_upper(k) && !matches!(tk, "Season" | "Seasons" | "Episode" | "Episodes") {
                // ("House of the Dragon Season 2": the season is a part, not the title.)
                j = k;
            } else if matches!(self.toks[k].shape, Shape::Digits | Shape::Mixed) && tk.len() <= 4 && !tk.contains(',') {
                // "Blade Runner 2049", "Zootopia 2", "Chapter 3", "Part II"
                j = k;
            } else if matches!(tk, "–" | "—" | "-") && !self.touching(j, k) && looks_person(run.first) && j + 1 - run.first <= 3 {
                // ("Christian Bale – Vice": a name, then a row's field separator.)
                break;
            } else if self.joins_title(j, k, b, &looks_person) {
                j = k + 1;
            } else {
                break;
            }
            // A possessive inside a title goes on to its noun: "the Sorcerer's Stone".
            if self.possessive_len(j) > 0 {
                if j + 1 < b && self.is_upper(j + 1) && self.same_line(j, j + 1) {
                    j += 1;
                } else {
                    break;
                }
            }
        }
        // "Do You Remember Vietnam? in 1978", "Snow Day! is back": a question or exclamation
        // mark the sentence goes on after, in lower case, is the title's.
        if j + 2 < b
            && matches!(self.tt(j + 1), "?" | "!")
            && self.touching(j, j + 1)
            && self.possessive_len(j) == 0
            && self.same_line(j + 1, j + 2)
            && (self.toks[j + 2].shape == Shape::Lower || matches!(self.tt(j + 2), "," | "(" | ")"))
        {
            j += 1;
        }
        if j + 1 == run.last {
            return run;
        }
        let end_byte = self.toks[j].span.end - self.possessive_len(j);
        Run { first: run.first, last: j + 1, span: Span::new(run.span.start, end_byte), sentence: run.sentence }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::words::WordTable;
    use crate::text::tokenize;

    fn runs(text: &str, extend: bool) -> Vec<String> {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let lex = crate::lexicon::lexed::Lexed::new(text, &toks, WordTable::builtin());
        let blocked = vec![false; toks.len()];
        let v = View { text, toks: &toks, keys: &lex.keys, info: &lex.info, blocked: &blocked };
        let mut out = Vec::new();
        v.name_runs(0, toks.len(), 0, &mut out);
        let mut covered = 0;
        let mut res = Vec::new();
        for r in out {
            if r.first < covered {
                continue;
            }
            let r = if extend { v.title_extend(r, toks.len()) } else { r };
            covered = r.last;
            res.push(text[r.span.start..r.span.end].to_string());
        }
        res
    }

    /// One line per case: text, then the runs joined by `|`.
    #[test]
    fn name_run_table() {
        let cases: &[(&str, &str)] = &[
            ("star Ana de Armas's commitment", "Ana de Armas"),
            ("director J.J. Abrams said", "J.J. Abrams"),
            ("with Samuel L. Jackson and M. Night Shyamalan", "Samuel L. Jackson|M. Night Shyamalan"),
            ("T.S. Nowlin wrote it", "T.S. Nowlin"),
            ("Jean-Luc Godard died", "Jean-Luc Godard"),
            ("Robert Downey Jr. returns", "Robert Downey Jr."),
            ("Robert Downey, Jr. returns", "Robert Downey, Jr."),
            ("Zoë Kravitz and Penélope Cruz", "Zoë Kravitz|Penélope Cruz"),
            ("Lupita Nyong’o’s role", "Lupita Nyong’o"),
            ("Reeves’s best", "Reeves"),
            ("Conan O'Brien hosts", "Conan O'Brien"),
            ("Guillermo del Toro's Frankenstein", "Guillermo del Toro|Frankenstein"),
            ("so I said", ""),
            ("a Villeneuve-directed film", "Villeneuve"),
            ("Headline\nBody Text", "Headline|Body Text"),
        ];
        for (text, want) in cases {
            assert_eq!(runs(text, false).join("|"), *want, "{text:?}");
        }
    }

    #[test]
    fn title_extension_table() {
        let cases: &[(&str, &str)] = &[
            ("in Everything Everywhere All at Once today", "Everything Everywhere All at Once"),
            ("John Wick: Chapter 3 – Parabellum is out", "John Wick: Chapter 3 – Parabellum"),
            ("see Blade Runner 2049 now", "Blade Runner 2049"),
            ("Guardians of the Galaxy Vol. 3 opens", "Guardians of the Galaxy Vol. 3"),
            ("Guardians of the Galaxy Vol.\n\n9 to 28", "Guardians of the Galaxy Vol"),
            ("Spider-Man: No Way Home grossed", "Spider-Man: No Way Home"),
            ("The Lord of the Rings: The Return of the King won", "The Lord of the Rings: The Return of the King"),
            ("Fast & Furious fans", "Fast & Furious"),
            ("Zootopia 2, and more", "Zootopia 2"),
            ("Mission: Impossible – The Final Reckoning earned", "Mission: Impossible – The Final Reckoning"),
            ("Ocean's Eleven", "Ocean|Eleven"),
            ("Harry Potter and the Sorcerer's Stone (2001)", "Harry Potter and the Sorcerer's Stone"),
            ("the documentary Saint of 9/11 and more", "Saint of 9/11"),
            ("Chernobyl – WINNER", "Chernobyl|WINNER"),
            ("the Bonnaroo Music Festival in Tennessee", "Bonnaroo Music Festival|Tennessee"),
            ("an heir to Rafe Dorn or Marlo Vance", "Rafe Dorn|Marlo Vance"),
            ("ended Space Race: The Long Night at No. 1 today", "Space Race: The Long Night|No"),
            ("Harbor Lights: While we wait, it airs", "Harbor Lights|While"),
            ("Night Ferry: He is back", "Night Ferry|He"),
            ("Star Trek: Into Darkness opens", "Star Trek: Into Darkness"),
        ];
        for (text, want) in cases {
            assert_eq!(runs(text, true).join("|"), *want, "{text:?}");
        }
    }
}
