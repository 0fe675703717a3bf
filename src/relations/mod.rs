//! Relations: credits (who holds which role on which title) and release claims (what
//! comes out when, where, with what status), each with the span of its evidence.
//!
//! Both read the entity mentions and dates of one sentence at a time, plus a little
//! discourse: the title of the previous sentence, and the article's *focal title* (the
//! headline's or tags' title, else the most mentioned) for "the film" / "the series".
//! No relation is produced without a cue in the text: co-occurrence alone says nothing.

pub mod awards;
mod characters;
pub mod filmography;
pub mod lineup;
pub mod releases;
pub mod roles;
pub mod rows;
pub mod rules;
pub mod schedule;
mod spelled;

use crate::hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::article::Article;
use crate::date::Date;
use crate::dates::Found;
use crate::entities::{Entities, MentionRef, Target};
use crate::lexicon::lexed::{Key, Lexed};
use crate::lexicon::words::WordInfo;
use crate::span::Span;
use crate::text::Shape;
use crate::text::{Sentence, Token};

/// Longest sentence (in tokens) read for relations. Real sentences stay far below it; a
/// longer one is a menu, a table or junk, and reading it would cost time quadratic in its
/// length. The extractor records a warning for every sentence skipped.
pub const MAX_SENTENCE_TOKENS: usize = 600;

/// What the relation stage reads.
pub struct Input<'a> {
    /// Article text.
    pub text: &'a str,
    /// Tokens.
    pub toks: &'a [Token],
    /// Sentences.
    pub sentences: &'a [Sentence],
    /// Layout.
    pub article: &'a Article,
    /// Entities and their mentions.
    pub ents: &'a Entities,
    /// Dates found.
    pub dates: &'a [Found],
    /// Publication date.
    pub published: Option<Date>,
    /// The credit rules (built-in and the user's).
    pub rules: &'a rules::RuleSet,
    /// Each token's key and word classes (the lexicon pass).
    pub(crate) lex: &'a Lexed,
}

impl<'a> Input<'a> {
    /// Token text.
    pub fn tt(&self, i: usize) -> &'a str {
        self.toks.get(i).and_then(|t| t.span.get(self.text)).unwrap_or("")
    }

    /// Token key ([`Key::NONE`] past the end).
    #[inline]
    pub(crate) fn key(&self, i: usize) -> Key {
        self.lex.keys.get(i).copied().unwrap_or(Key::NONE)
    }

    /// Whether token `i` is one of the words keyed in `keys` (any ASCII case).
    #[inline]
    pub(crate) fn is(&self, i: usize, keys: &[Key]) -> bool {
        self.key(i).is_in(keys)
    }

    /// Word information of token `i` (empty for punctuation and past the end).
    #[inline]
    pub(crate) fn info(&self, i: usize) -> WordInfo {
        self.lex.info.get(i).copied().unwrap_or_default()
    }

    /// Index of the first token at or after byte `at`.
    pub fn tok_at(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < at)
    }

    /// Dates inside a span, in order (the extractor keeps them sorted by start).
    pub fn dates_in(&self, sp: Span) -> &'a [Found] {
        let d = self.dates;
        let a = d.partition_point(|x| x.span.start < sp.start);
        let b = d.partition_point(|x| x.span.start < sp.end);
        d.get(a..b).unwrap_or(&[])
    }

    /// Whether a date covers the span.
    pub fn in_date(&self, sp: Span) -> bool {
        let d = self.dates;
        let i = d.partition_point(|x| x.span.start <= sp.start);
        // Dates do not overlap: only the last one starting at or before can cover it.
        i > 0 && d[i - 1].span.contains(sp)
    }

    /// Mentions inside a span, in order.
    pub fn mentions_in(&self, sp: Span) -> &'a [MentionRef] {
        let m = &self.ents.mentions;
        let a = m.partition_point(|x| x.span.start < sp.start);
        let b = m.partition_point(|x| x.span.start < sp.end);
        m.get(a..b).unwrap_or(&[])
    }

    /// The focal title: the headline's, else a tagged one, else the most mentioned.
    pub fn focal_title(&self) -> Option<usize> {
        let ents = self.ents;
        if let Some(h) = self.article.headline {
            if let Some(m) = self.mentions_in(h).iter().find(|m| matches!(m.target, Target::Title(_))) {
                if let Target::Title(i) = m.target {
                    return Some(i);
                }
            }
        }
        for tag in &self.article.tags {
            let t = tag.get(self.text).unwrap_or("");
            if let Some(i) = ents.titles.iter().position(|x| x.name.eq_ignore_ascii_case(t)) {
                return Some(i);
            }
        }
        // (A work named only in parentheses, "Ana Ruiz (Harbor Lights)", is a known-for
        // credit of someone else's: never what the article is about.)
        (0..ents.titles.len())
            .filter(|&i| ents.titles[i].mentions.iter().any(|&sp| !self.in_parens(self.tok_at(sp.start), self.tok_at(sp.end))))
            .max_by_key(|&i| (ents.titles[i].mentions.len(), std::cmp::Reverse(i)))
    }

    /// The focal title only when the article is clearly about it: named in the headline
    /// or a tag, or mentioned at least twice as often as any other title. A list article
    /// or festival line-up has none.
    pub fn dominant_title(&self) -> Option<usize> {
        let f = self.focal_title()?;
        let ents = self.ents;
        // (A headline listing works, "Frankenstein, Bugonia And Jay Kelly Head To Venice",
        // is about none of them alone.)
        let in_headline = self.article.headline.is_some_and(|h| {
            let ms = self.mentions_in(h);
            let mut others: Vec<usize> =
                ms.iter().filter_map(|m| if let Target::Title(t) = m.target { Some(t) } else { None }).filter(|&t| t != f).collect();
            others.sort_unstable();
            others.dedup();
            // (A title with a list comma beside it is one of several the headline names.)
            let listed = |m: &MentionRef| {
                let (i, j) = (self.tok_at(m.span.start), self.tok_at(m.span.end));
                (i > 0 && self.tt(i - 1) == ",") || self.tt(j) == ","
            };
            ms.iter().any(|m| m.target == Target::Title(f) && !listed(m)) && others.len() < 2
        });
        let tagged = self.article.tags.iter().any(|t| t.get(self.text).is_some_and(|t| ents.titles[f].name.eq_ignore_ascii_case(t)));
        let n = ents.titles[f].mentions.len();
        let second = ents.titles.iter().enumerate().filter(|(i, _)| *i != f).map(|(_, t)| t.mentions.len()).max().unwrap_or(0);
        (in_headline || tagged || second == 0 || (n >= 2 * second && n >= 3)).then_some(f)
    }
}

impl<'a> Input<'a> {
    /// The titles that open list-article headings, as (byte where the heading starts,
    /// title): a paragraph of one short line without closing punctuation whose first
    /// words are a title ("Project Hail Mary (March 20)", "3. Toy Story 5"). Each names
    /// the work the paragraphs after it talk about, up to the next heading.
    pub fn section_titles(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        // ("'Bad Hair'" alone on its line: a quoted work as a heading; two or more such
        // lines make a list of sections, where one alone may be a pull quote.)
        let mut quoted = Vec::new();
        for p in &self.article.paragraphs {
            let Some(body) = p.get(self.text) else { continue };
            let trimmed = body.trim_end();
            // ("Taking Woodstock\nThe ode to the legendary concert …": a heading may also be
            // the first line of its paragraph, when the whole line is one work.)
            let (trimmed, own_line) = match trimmed.split_once('\n') {
                Some((first, _)) => (first.trim_end(), true),
                None => (trimmed, false),
            };
            if trimmed.len() > 120 || trimmed.ends_with(['.', '?', '!', ':', ',', ';']) {
                continue;
            }
            let line_end = p.start + trimmed.len();
            let (a, b) = (self.tok_at(p.start), self.tok_at(line_end));
            if b <= a || b - a > 20 {
                continue;
            }
            // An item number ("3.", "#3", "3)") may come first.
            let mut first = a;
            if self.tt(first) == "#" {
                first += 1;
            }
            if self.toks.get(first).is_some_and(|t| t.shape == crate::text::Shape::Digits) && matches!(self.tt(first + 1), "." | ")") {
                first += 2;
            }
            // ("'Harbor Lights' (2023)": quotes around the work, with a note after them;
            // a quotation alone, “This Is Only The Beginning”, is a pull quote.)
            if matches!(self.tt(first), "'" | "‘" | "“" | "\"") && matches!(self.tt(b - 1), ")" | "]") {
                first += 1;
            }
            let Some(m) = self.mentions_in(*p).first() else { continue };
            if own_line && m.span.end != line_end {
                continue;
            }
            if let Target::Title(t) = m.target {
                if self.tok_at(m.span.start) == first {
                    out.push((p.start, t));
                } else if matches!(self.tt(first), "'" | "‘" | "“" | "\"")
                    && self.tok_at(m.span.start) == first + 1
                    && self.tok_at(m.span.end) + 1 == b
                    && matches!(self.tt(b - 1), "'" | "’" | "”" | "\"")
                {
                    quoted.push((p.start, t));
                }
            }
        }
        if quoted.len() >= 2 {
            out.extend(quoted);
            out.sort_unstable();
        }
        out
    }
}

impl<'a> Input<'a> {
    /// The work a paragraph is about, for "it" and "the film" in a sentence starting at
    /// byte `at`: the first title named in the paragraph before `at`, skipping known-for
    /// references ("Detroit (2017)", "(The Irishman)"). Looks at most 64 mentions.
    pub fn topic_title(&self, at: usize) -> Option<usize> {
        let ps = &self.article.paragraphs;
        let i = ps.partition_point(|p| p.start <= at).checked_sub(1)?;
        let p = ps[i];
        if p.end < at {
            return None;
        }
        self.mentions_in(Span::new(p.start, at)).iter().take(64).find_map(|m| match m.target {
            Target::Title(t) if !self.parenthetical(m.span) => Some(t),
            _ => None,
        })
    }

    /// Whether a mention is a known-for reference: in parentheses ("(The Irishman)") or
    /// followed by a year in parentheses ("Detroit (2017)").
    pub fn parenthetical(&self, sp: Span) -> bool {
        let (a, b) = (self.tok_at(sp.start), self.tok_at(sp.end));
        self.in_parens(a, b) || (self.tt(b) == "(" && self.toks.get(b + 1).is_some_and(|x| x.shape == crate::text::Shape::Digits))
    }

    /// Whether tokens `a..b` stand inside a short parenthesis: right after its "(", or
    /// further into a list it opens ("(Land of the Lustrous, PriPara)"), with its ")"
    /// within a few tokens after. Bounded both ways.
    pub fn in_parens(&self, a: usize, b: usize) -> bool {
        if a > 0 && self.tt(a - 1) == "(" {
            return true;
        }
        const REACH: usize = 16;
        let open = (a.saturating_sub(REACH)..a).rev().find(|&k| matches!(self.tt(k), "(" | ")" | "." | ";"));
        if open.is_none_or(|k| self.tt(k) != "(") {
            return false;
        }
        let close = (b..(b + REACH).min(self.toks.len())).find(|&k| matches!(self.tt(k), "(" | ")" | "." | ";"));
        close.is_some_and(|k| self.tt(k) == ")")
    }
}

/// The title of the heading a byte offset falls under, from [`Input::section_titles`].
pub fn section_at(sections: &[(usize, usize)], at: usize) -> Option<usize> {
    let i = sections.partition_point(|s| s.0 <= at);
    i.checked_sub(1).map(|i| sections[i].1)
}

/// Whether tokens `from..to`, between two works of a list, join them: a comma, "and",
/// "&" or the like, with the quotes around the works and a year, note or aside in
/// parentheses after the first skipped ("“Cujo” (1983), “Magic”").
pub(crate) fn joins_works(inp: &Input<'_>, from: usize, to: usize) -> bool {
    let quote = |w: &str| matches!(w, "“" | "”" | "\"" | "‘" | "’");
    let mut gap: [&str; 3] = [""; 3];
    let mut n = 0;
    let mut k = from;
    while k < to {
        let w = inp.tt(k);
        // ("directed “A” in 1971 and “B” in 1975": a year phrase after a work.)
        if n == 0 && matches!(w, "in" | "from") && inp.toks.get(k + 1).is_some_and(|t| t.shape == Shape::Digits) && inp.tt(k + 1).len() == 4
        {
            k += 2;
            continue;
        }
        // ("SBS’s Doctor Stranger, which stars Lee Jong Suk, and MBC’s Triangle": a
        // relative clause after a member is an aside; its closing comma joins.)
        if w == "," && matches!(inp.tt(k + 1), "which" | "who" | "whose" | "starring" | "featuring") {
            if let Some(close) = (k + 2..(k + 16).min(to)).find(|&x| inp.tt(x) == ",") {
                k = close;
                continue;
            }
        }
        // (An owner right before the next member: "and MBC’s Triangle".)
        if n > 0 && inp.toks[k].shape != Shape::Lower && inp.toks[k].is_word() {
            let rest: Vec<&str> = (k + 1..to).map(|x| inp.tt(x)).filter(|w| !matches!(*w, "“" | "\"" | "‘")).collect();
            if matches!(rest.as_slice(), ["’s"] | ["'s"] | ["’", "s"] | ["'", "s"]) {
                break;
            }
        }
        if w == "(" && n == 0 {
            // (An aside may be a whole clause: "Reign (yay – my guilty pleasure), Castle".)
            match (k + 1..(k + 30).min(to)).find(|&x| inp.tt(x) == ")") {
                Some(close) => {
                    k = close + 1;
                    continue;
                }
                None => return false,
            }
        }
        if !quote(w) {
            if n == gap.len() {
                return false;
            }
            gap[n] = w;
            n += 1;
        }
        k += 1;
    }
    crate::text::joins_list(0, n, |i| gap[i])
}

/// Nouns that, after "the", point back at the article's focal work ("the film").
/// Whether token `k` is a word of a title-case credit label ("Senior", "Executive",
/// "Producer" in "Senior Executive Producer"): capitalised, and a role noun or a rank
/// word (`roles.rank_words`).
pub(crate) fn is_role_label_word(words: &crate::lexicon::words::WordTable, text: &str, toks: &[Token], k: usize) -> bool {
    use crate::lexicon::words::class;
    static RANKS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| crate::lexicon::lists::get("roles.rank_words"));
    let Some(t) = toks.get(k) else { return false };
    let w = t.span.get(text).unwrap_or("");
    matches!(t.shape, Shape::Capitalized) && (words.info(w).is(class::ROLE_NOUN) || RANKS.iter().any(|r| r.eq_ignore_ascii_case(w)))
}

pub fn film_word(w: &str) -> bool {
    [
        "film",
        "movie",
        "series",
        "show",
        "sequel",
        "prequel",
        "spin-off",
        "spinoff",
        "game",
        "album",
        "season",
        "project",
        "feature",
        "adaptation",
        "record",
    ]
    .iter()
    .any(|x| x.eq_ignore_ascii_case(w))
}

/// A phrase table: lower-case word sequences mapped to a class, matched on tokens.
#[derive(Debug, Default)]
pub struct Phrases {
    by_first: HashMap<String, Vec<(Vec<String>, String)>>,
    /// The phrases as a trie over word keys: node 0 is the root; `edges` maps (node, next
    /// word's key) to a node; a word too long for a key goes through `long_edges`,
    /// compared as text. What [`at`](Self::at) walks: one hash lookup per token.
    edges: HashMap<(u32, Key), u32>,
    long_edges: Vec<(u32, String, u32)>,
    /// Per node, the class of the phrase that ends there (the first listed).
    ends: Vec<Option<Box<str>>>,
    /// `shapes[first][last]` has bit `len` set when some phrase's first word has that
    /// first and last letter (any case; other bytes in column 26) and byte length: `at`
    /// runs on every token of a sentence, and two table loads reject most words without
    /// hashing them.
    shapes: Box<[[u32; 27]; 27]>,
}
/// The `shapes` column of a byte.
fn shape_slot(b: u8) -> usize {
    if b.is_ascii_alphabetic() {
        usize::from(b.to_ascii_lowercase() - b'a')
    } else {
        26
    }
}

/// The `shapes` bit of a first word: its first and last byte and its length.
fn shape_of(w: &str) -> Option<(usize, usize, u32)> {
    let b = w.as_bytes();
    let (&f, &l) = (b.first()?, b.last()?);
    (b.len() < 32).then(|| (shape_slot(f), shape_slot(l), 1u32 << b.len()))
}

impl Phrases {
    /// Parses `phrase<TAB>class` rows (`#` comments).
    pub fn parse(text: &str, name: &str) -> Result<Phrases, String> {
        let mut p = Phrases::default();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (phrase, class) = line.split_once('\t').ok_or_else(|| format!("{name}:{}: expected phrase<TAB>class", i + 1))?;
            if class.trim().is_empty() {
                return Err(format!("{name}:{}: empty class", i + 1));
            }
            // ("back for a|its second|third season": `a|b` in a word place spells each phrase.)
            let spelled = crate::text::spell(phrase).map_err(|e| format!("{name}:{}: {e}", i + 1))?;
            for words in spelled {
                let words: Vec<String> = words.into_iter().map(str::to_string).collect();
                if let Some((f, l, bit)) = shape_of(&words[0]) {
                    p.shapes[f][l] |= bit;
                }
                p.by_first.entry(words[0].clone()).or_default().push((words, class.trim().to_string()));
            }
        }
        for v in p.by_first.values_mut() {
            v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        p.ends.push(None);
        let by_first = std::mem::take(&mut p.by_first);
        for v in by_first.values() {
            for (words, class) in v {
                // (A first word with a capital is never found: tokens are looked up
                // lower-cased.)
                if words[0].bytes().any(|b| b.is_ascii_uppercase()) {
                    continue;
                }
                let mut node = 0u32;
                for w in words {
                    node = p.child_or_insert(node, w);
                }
                let end = &mut p.ends[node as usize];
                if end.is_none() {
                    *end = Some(class.as_str().into());
                }
            }
        }
        p.by_first = by_first;
        Ok(p)
    }

    /// The class of the one-word phrase `w` (any case), if listed.
    pub fn by_word(&self, w: &str) -> Option<&str> {
        let lower = w.to_ascii_lowercase();
        self.by_first.get(&lower)?.iter().find(|(words, _)| words.len() == 1).map(|(_, c)| c.as_str())
    }

    /// Whether some phrase starts with the word `w` (any case).
    pub fn starts_with_word(&self, w: &str) -> bool {
        // (Lower-cased in a stack buffer: no allocation per lookup.)
        let mut buf = [0u8; 24];
        crate::text::lower_key(w, &mut buf).is_some_and(|k| self.by_first.contains_key(k))
    }

    /// The node after `node` by word `w`, made when missing.
    fn child_or_insert(&mut self, node: u32, w: &str) -> u32 {
        let next = self.ends.len() as u32;
        let child = match Key::of(w) {
            Key::NONE => match self.long_edges.iter().find(|(n, lw, _)| *n == node && lw.eq_ignore_ascii_case(w)) {
                Some(&(_, _, c)) => c,
                None => {
                    self.long_edges.push((node, w.to_ascii_lowercase(), next));
                    next
                }
            },
            key => *self.edges.entry((node, key)).or_insert(next),
        };
        if child == next {
            self.ends.push(None);
        }
        child
    }

    /// The node after `node` by token `k`.
    fn child(&self, inp: &Input<'_>, node: u32, k: usize) -> Option<u32> {
        match inp.key(k) {
            Key::NONE => {
                let w = inp.tt(k);
                self.long_edges.iter().find(|(n, lw, _)| *n == node && lw.eq_ignore_ascii_case(w)).map(|x| x.2)
            }
            key => self.edges.get(&(node, key)).copied(),
        }
    }

    /// The longest phrase starting at token `i`: (its class, one past its last token).
    pub fn at<'p>(&'p self, inp: &Input<'_>, i: usize, end: usize) -> Option<(&'p str, usize)> {
        let first = inp.tt(i);
        if first.is_empty() || first.len() > 24 {
            return None;
        }
        let (f, l, bit) = shape_of(first)?;
        if self.shapes[f][l] & bit == 0 {
            return None;
        }
        let (mut node, mut best) = (0, None);
        let mut k = i;
        while k < end {
            let Some(next) = self.child(inp, node, k) else { break };
            node = next;
            k += 1;
            if let Some(class) = &self.ends[node as usize] {
                best = Some((&**class, k));
            }
        }
        best
    }
}

/// The built-in release cues, parsed once.
pub fn release_cues() -> &'static Phrases {
    static P: OnceLock<Phrases> = OnceLock::new();
    P.get_or_init(|| {
        Phrases::parse(include_str!("../../data/release_cues.tsv"), "data/release_cues.tsv").expect("data/release_cues.tsv parses (tested)")
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn release_cues_parse() {
        let p = super::release_cues();
        assert!(p.by_first.len() > 50);
        assert!(super::Phrases::parse("x\n", "t.tsv").unwrap_err().contains("t.tsv:1"));
        assert!(super::Phrases::parse("# c\nback for a| season\treturning\n", "t.tsv")
            .unwrap_err()
            .contains("t.tsv:2: phrase \"back for a| season\": an empty word"));
        let big = "a|b|c|d|e|f|g|h|i a|b|c|d|e|f|g|h|i a|b|c|d|e|f|g|h|i a|b|c|d|e|f|g|h|i\tx\n";
        assert!(super::Phrases::parse(big, "t.tsv").unwrap_err().contains("more than 4096"));
        let p = super::Phrases::parse("back for a|its second|third season\treturning\n", "t.tsv").expect("parses");
        let mut spelled: Vec<String> = p.by_first["back"].iter().map(|(w, _)| w.join(" ")).collect();
        spelled.sort();
        assert_eq!(
            spelled,
            ["back for a second season", "back for a third season", "back for its second season", "back for its third season"]
        );
    }
}
