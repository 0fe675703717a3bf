//! The lexicon of well-known works (`data/titles.tsv`), looked up at capitalised words.
//!
//! 29,000 forms in one ASCII-case-insensitive `aho-corasick` automaton took 6.6 MB, and
//! building it peaked at 27 MB more (the noncontiguous NFA it is compiled from), for a
//! lexicon that only ever matches where a word starts with a capital or a digit (a work's
//! name in running text is capitalised; the entity stage keeps no other hit). Here the
//! forms live in one string arena, sorted and grouped by their first word (the ASCII
//! letters and digits they start with); a word of the text finds its group with one hash
//! lookup (most capitalised words start no work), and the longest form of the group that
//! the text continues with by binary search. About 1.5 MB, built in one sort.

use std::cmp::Ordering;
use std::sync::Arc;

use crate::facts::TitleKind;
use crate::hash::{FxHashMap, FxHashSet};
use crate::lexicon::lexed::Key;
use crate::lexicon::{ends_word, starts_word};
use crate::span::Span;

/// A compiled lexicon of works: immutable, cheap to clone, `Send + Sync`.
#[derive(Clone, Debug)]
pub struct TitleLexicon {
    inner: Arc<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    /// Every form's listed text, one after another.
    arena: String,
    /// The same, ASCII-lower-cased: what the search compares with the lower-cased text.
    folded: Vec<u8>,
    /// One form per distinct folded text (the first listed), sorted by first word, then
    /// by folded text.
    forms: Vec<Form>,
    /// Per form, its (lower-cased) bytes after the first word, the first eight of them
    /// big-endian in a `u64` (zero-padded): within a group they sort as the forms do, so
    /// the search compares integers and reads a form's text only on a tie.
    next8: Vec<u64>,
    /// The forms starting with a first word, by the word's key.
    groups: FxHashMap<Key, Group>,
    /// The same for first words without a key (empty or longer than 15 bytes), by the
    /// word lower-cased.
    long_groups: FxHashMap<Box<[u8]>, Group>,
    /// Hashes of the forms' first two words with what separates them ("the last", "(500"),
    /// lower-cased: a word in lower case can only start a hit that matters (one that
    /// runs over a capitalised word) when the text's first two words are listed here.
    heads: FxHashSet<u64>,
    /// The longest form, in bytes.
    longest: usize,
}

/// The forms of one first word: `forms[lo..hi]`.
#[derive(Clone, Copy, Debug)]
struct Group {
    lo: u32,
    hi: u32,
    /// Whether a form of the group ends between its first and second word ("Them!").
    short: bool,
}

#[derive(Clone, Copy, Debug)]
struct Form {
    start: u32,
    len: u32,
    kind: TitleKind,
}

/// A hit of the lexicon of works: the listed form matched and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TitleHit<'l> {
    /// Where it matched.
    pub span: Span,
    /// The form as listed ("The Last of Us"), whatever the text's case.
    pub surface: &'l str,
    /// What kind of work it is.
    pub kind: TitleKind,
}

/// The leading ASCII letters and digits of `b`: a form's or a word's first word.
fn first_word(b: &[u8]) -> &[u8] {
    &b[..alnum_run(b, 0)]
}

/// The length of the run of ASCII letters and digits of `b` from `at`.
fn alnum_run(b: &[u8], at: usize) -> usize {
    b.get(at..).map_or(0, |r| r.iter().position(|c| !c.is_ascii_alphanumeric()).unwrap_or(r.len()))
}

/// Whether the word after the ASCII spaces and punctuation from `at` starts with an
/// upper-case letter, a digit or a non-ASCII byte.
fn next_word_capital(b: &[u8], at: usize) -> bool {
    let r = b.get(at..).unwrap_or_default();
    r.iter()
        .find(|c| !(c.is_ascii_whitespace() || c.is_ascii_punctuation()))
        .is_some_and(|&c| c.is_ascii_uppercase() || c.is_ascii_digit() || c >= 0x80)
}

/// The first two words of `b` with the bytes between them, when the second one exists:
/// its length, and whether the bytes between are all ASCII.
fn head(b: &[u8]) -> Option<(usize, bool)> {
    let w = alnum_run(b, 0);
    let gap = b[w..].iter().position(u8::is_ascii_alphanumeric)?;
    let ascii = b[w..w + gap].is_ascii();
    Some((w + gap + alnum_run(b, w + gap), ascii))
}

fn hash_bytes(b: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::hash::FxHasher::default();
    h.write(b);
    h.finish()
}

/// The eight bytes of `b` from `at`, big-endian, zero-padded: comparing two of these
/// compares the bytes (no zero byte occurs in a form or the text compared).
fn next8(b: &[u8], at: usize) -> u64 {
    let mut k = [0u8; 8];
    let rest = b.get(at..).unwrap_or(&[]);
    let n = rest.len().min(8);
    k[..n].copy_from_slice(&rest[..n]);
    u64::from_be_bytes(k)
}

/// `a` and `b` compared with ASCII case folded.
fn cmp_folded(a: &[u8], b: &[u8]) -> Ordering {
    a.iter().map(u8::to_ascii_lowercase).cmp(b.iter().map(u8::to_ascii_lowercase))
}

impl TitleLexicon {
    /// Compiles `(form, kind)` pairs; where two forms are equal ignoring ASCII case, the
    /// first listed is kept.
    pub(crate) fn new<'a>(rows: impl IntoIterator<Item = (&'a str, TitleKind)>) -> TitleLexicon {
        let mut arena = String::new();
        let mut forms: Vec<Form> = Vec::new();
        for (form, kind) in rows {
            if form.is_empty() {
                continue;
            }
            forms.push(Form { start: arena.len() as u32, len: form.len() as u32, kind });
            arena.push_str(form);
        }
        let text = |f: &Form| &arena.as_bytes()[f.start as usize..(f.start + f.len) as usize];
        // (A stable sort keeps the first listed of equal forms first.)
        forms.sort_by(|a, b| {
            let (a, b) = (text(a), text(b));
            cmp_folded(first_word(a), first_word(b)).then_with(|| cmp_folded(a, b))
        });
        forms.dedup_by(|b, a| text(a).eq_ignore_ascii_case(text(b)));
        let mut inner = Inner::default();
        let mut i = 0;
        while i < forms.len() {
            let word = first_word(text(&forms[i]));
            let n = forms[i..].iter().take_while(|f| first_word(text(f)).eq_ignore_ascii_case(word)).count();
            let short = forms[i..i + n].iter().any(|f| text(f).len() > word.len() && head(text(f)).is_none());
            let group = Group { lo: i as u32, hi: (i + n) as u32, short };
            match Key::of_bytes(word) {
                Key::NONE => inner.long_groups.insert(word.to_ascii_lowercase().into_boxed_slice(), group),
                key => inner.groups.insert(key, group),
            };
            for f in &forms[i..i + n] {
                if let Some((h, _)) = head(text(f)) {
                    inner.heads.insert(hash_bytes(&text(f)[..h].to_ascii_lowercase()));
                }
            }
            i += n;
        }
        // The arena in sorted order, so that a group's forms lie together in memory.
        for f in &mut forms {
            let start = inner.arena.len();
            inner.arena.push_str(&arena[f.start as usize..(f.start + f.len) as usize]);
            f.start = start as u32;
        }
        inner.folded = inner.arena.as_bytes().to_ascii_lowercase();
        inner.next8 = forms
            .iter()
            .map(|f| {
                let b = &inner.folded[f.start as usize..(f.start + f.len) as usize];
                next8(b, first_word(b).len())
            })
            .collect();
        inner.longest = forms.iter().map(|f| f.len as usize).max().unwrap_or(0);
        inner.forms = forms;
        inner.arena.shrink_to_fit();
        inner.groups.shrink_to_fit();
        inner.heads.shrink_to_fit();
        TitleLexicon { inner: Arc::new(inner) }
    }

    /// A lexicon with no forms (matches nothing).
    pub(crate) fn empty() -> TitleLexicon {
        TitleLexicon::new(std::iter::empty())
    }

    /// Number of distinct forms (ignoring ASCII case).
    pub fn len(&self) -> usize {
        self.inner.forms.len()
    }

    /// Whether the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.inner.forms.is_empty()
    }

    /// Heap memory used, in bytes (approximately: the hash tables' control bytes aside).
    pub fn memory_usage(&self) -> usize {
        let i = &*self.inner;
        i.arena.capacity()
            + i.forms.capacity() * std::mem::size_of::<Form>()
            + i.folded.capacity()
            + i.next8.capacity() * 8
            + i.groups.capacity() * std::mem::size_of::<(Key, Group)>()
            + i.heads.capacity() * 8
            + i.long_groups.keys().map(|k| k.len() + 32).sum::<usize>()
    }

    #[cfg(test)]
    fn form(&self, i: usize) -> &[u8] {
        let f = self.inner.forms[i];
        &self.inner.arena.as_bytes()[f.start as usize..(f.start + f.len) as usize]
    }

    /// The group of forms whose first word is `word` (lower case).
    fn group(&self, word: &[u8]) -> Option<Group> {
        let inner = &*self.inner;
        match Key::of_bytes(word) {
            Key::NONE => inner.long_groups.get(word).copied(),
            key => inner.groups.get(&key).copied(),
        }
    }

    /// The longest form the lower-cased text `t` starts with, among the forms whose first
    /// word is `t`'s: its index. With `lower`, only when that form can run past the first
    /// word (some form ends between the first two words, or goes on with the text's two
    /// first words): a hit inside a lower-case word cannot cover a capitalised one.
    fn longest_at(&self, t: &[u8], word: usize, lower: bool) -> Option<usize> {
        let g = self.group(&t[..word])?;
        if lower && !g.short {
            match head(t) {
                Some((h, true)) if self.inner.heads.contains(&hash_bytes(&t[..h])) => {}
                Some((_, true)) | None => return None,
                Some((_, false)) => {}
            }
        }
        let (lo, hi) = (g.lo as usize, g.hi as usize);
        let inner = &*self.inner;
        let folded = |i: usize| {
            let f = inner.forms[lo + i];
            &inner.folded[f.start as usize..(f.start + f.len) as usize]
        };
        let keys = &inner.next8[lo..hi];
        let mut t = &t[..t.len().min(inner.longest)];
        let mut end = keys.len();
        loop {
            // The greatest form not after `t`: if it is no prefix of `t`, every form that
            // is one is also a prefix of what the two share (it sorts between them).
            let tk = next8(t, word);
            let i = keys[..end].partition_point(|&k| k < tk);
            let i = i + keys[i..end].iter().take_while(|&&k| k == tk).enumerate().take_while(|&(j, _)| folded(i + j) <= t).count();
            let p = i.checked_sub(1)?;
            let form = folded(p);
            let n = form.iter().zip(t).take_while(|(a, b)| a == b).count();
            if n == form.len() {
                return Some(lo + p);
            }
            (t, end) = (&t[..n], p);
        }
    }

    /// Hits in `text`, left to right, non-overlapping, on word boundaries, at words that
    /// start with an upper-case letter or a digit: at each such word, the longest form the
    /// text goes on with, when it ends a word there.
    ///
    /// ```
    /// let g = newsfacts::lexicon::known_titles()?;
    /// let text = "She starred in Game of Thrones, not in game of thrones.";
    /// let hits: Vec<&str> = g.find_iter(text).map(|h| h.surface).collect();
    /// assert_eq!(hits, ["Game of Thrones"]);
    /// # Ok::<(), newsfacts::Error>(())
    /// ```
    pub fn find_iter<'l, 't>(&'l self, text: &'t str) -> TitleHits<'l, 't> {
        TitleHits { lex: self, text, lower: text.as_bytes().to_ascii_lowercase(), pos: 0 }
    }
}

/// Iterator over the hits of a [`TitleLexicon`], from [`TitleLexicon::find_iter`].
#[derive(Debug)]
pub struct TitleHits<'l, 't> {
    lex: &'l TitleLexicon,
    text: &'t str,
    /// The text ASCII-lower-cased.
    lower: Vec<u8>,
    pos: usize,
}

impl<'l> Iterator for TitleHits<'l, '_> {
    type Item = TitleHit<'l>;

    fn next(&mut self) -> Option<TitleHit<'l>> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut s = self.pos;
        while let Some(&a) = bytes.get(s) {
            // (The places a word can start are as `Gazetteer::find_iter` tries them: after
            // a byte that is no ASCII letter or digit.)
            let word = alnum_run(bytes, s);
            let start = match s.checked_sub(1).map(|p| bytes[p]) {
                None => true,
                Some(p) if p.is_ascii_alphanumeric() => false,
                // (Only an apostrophe or a hyphen needs the character before it.)
                Some(p) if p.is_ascii() && p != b'\'' && p != b'-' => a.is_ascii() || text.is_char_boundary(s),
                Some(_) => text.is_char_boundary(s) && starts_word(text, s),
            };
            let capital = a.is_ascii_uppercase()
                || a.is_ascii_digit()
                || (a >= 0x80 && start && text[s..].chars().next().is_some_and(char::is_uppercase));
            // (A hit at a lower-case word only matters when it covers a capitalised one:
            // tried only when the next word is capitalised.)
            if start && (capital || next_word_capital(bytes, s + word)) {
                if let Some(i) = self.lex.longest_at(&self.lower[s..], word, !capital) {
                    let form = self.lex.inner.forms[i];
                    let e = s + form.len as usize;
                    if text.is_char_boundary(e) && ends_word(text, e) {
                        self.pos = e;
                        let surface = &self.lex.inner.arena[form.start as usize..e - s + form.start as usize];
                        if capital {
                            return Some(TitleHit { span: Span::new(s, e), surface, kind: form.kind });
                        }
                        s = e;
                        continue;
                    }
                }
            }
            s += word + 1;
        }
        self.pos = text.len();
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

    /// What an ASCII-case-insensitive leftmost-longest automaton of the same forms finds
    /// at the same places: the behaviour of the gazetteer this lexicon replaced, with the
    /// hits at lower-case words left out.
    fn automaton_spans(ac: &AhoCorasick, forms: &[String], text: &str) -> Vec<(usize, usize, String)> {
        let (bytes, mut out, mut s) = (text.as_bytes(), Vec::new(), 0);
        while s < bytes.len() {
            let c = text.get(s..).and_then(|r| r.chars().next());
            let capital = c.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            let start = !(s > 0 && bytes[s - 1].is_ascii_alphanumeric()) && text.is_char_boundary(s) && starts_word(text, s);
            if let Some(m) = start.then(|| ac.find(Input::new(text).span(s..text.len()).anchored(Anchored::Yes))).flatten() {
                if text.is_char_boundary(m.end()) && ends_word(text, m.end()) {
                    if capital {
                        out.push((s, m.end(), forms[m.pattern().as_usize()].clone()));
                    }
                    s = m.end();
                    continue;
                }
            }
            s += bytes[s..].iter().position(|c| !c.is_ascii_alphanumeric()).map_or(bytes.len() - s, |k| k + 1);
        }
        out
    }

    #[test]
    fn agrees_with_an_automaton_of_the_same_forms() {
        let rows = [
            ("Up", TitleKind::Film),
            ("UP", TitleKind::Album),
            ("Upgrade", TitleKind::Film),
            ("Game of Thrones", TitleKind::Series),
            ("Game", TitleKind::Other),
            ("Game of", TitleKind::Other),
            ("Mad Max", TitleKind::Film),
            ("Mad Max: Fury Road", TitleKind::Film),
            ("The Office", TitleKind::Series),
            ("The Last of Us", TitleKind::Series),
            ("The Last of Us Part II", TitleKind::Game),
            ("Amélie", TitleKind::Film),
            ("Élite", TitleKind::Series),
            ("(500) Days of Summer", TitleKind::Film),
            ("1917", TitleKind::Film),
            ("Supercalifragilistic Tales", TitleKind::Book),
        ];
        let lex = TitleLexicon::new(rows);
        assert_eq!(lex.len(), rows.len() - 1);
        // (The automaton keeps the first listed of forms equal but for case, as the lexicon does.)
        let mut forms: Vec<String> = Vec::new();
        for (f, _) in rows {
            if !forms.iter().any(|x| x.eq_ignore_ascii_case(f)) {
                forms.push(f.to_string());
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Anchored)
            .build(&forms)
            .unwrap();
        let mut texts: Vec<String> = [
            "Up, UP and Upgrade; Upgraded Ups up",
            "Game of Thrones. Game of Throne. Game ofx. GAME OF THRONES! Game of",
            "Mad Max: Fury Roads and Mad Max: Fury Road’s cut, Mad Max's",
            "the Office and The Office; The Last of Us Part II, The Last of Us Part III",
            "Amélie, Amélies, Élite, éLite, (500) Days of Summer, 1917 and 19170",
            "Supercalifragilistic Tales, supercalifragilistic tales",
            "",
            "U",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/articles");
        let mut names: Vec<_> = std::fs::read_dir(dir).expect("fixtures").filter_map(|e| e.ok()).map(|e| e.path()).collect();
        names.sort();
        texts.extend(names.iter().step_by(8).map(|p| std::fs::read_to_string(p).expect("UTF-8")));
        for text in &texts {
            let got: Vec<(usize, usize, String)> = lex.find_iter(text).map(|h| (h.span.start, h.span.end, h.surface.to_string())).collect();
            assert_eq!(got, automaton_spans(&ac, &forms, text), "{:?}", text.get(..80));
        }
    }

    /// The built-in lexicon against an automaton of its own forms, on the fixtures.
    #[test]
    fn builtin_agrees_with_an_automaton() {
        let lex = super::super::known_titles().expect("embedded data parses");
        let forms: Vec<String> = (0..lex.len()).map(|i| String::from_utf8(lex.form(i).to_vec()).expect("UTF-8")).collect();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Anchored)
            .build(&forms)
            .unwrap();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/articles");
        let mut names: Vec<_> = std::fs::read_dir(dir).expect("fixtures").filter_map(|e| e.ok()).map(|e| e.path()).collect();
        names.sort();
        for p in names.iter().step_by(3) {
            let text = std::fs::read_to_string(p).expect("UTF-8");
            let got: Vec<(usize, usize, String)> =
                lex.find_iter(&text).map(|h| (h.span.start, h.span.end, h.surface.to_string())).collect();
            assert_eq!(got, automaton_spans(&ac, &forms, &text), "{}", p.display());
        }
    }

    #[test]
    fn is_send_sync() {
        fn assert<T: Send + Sync + Clone>() {}
        assert::<TitleLexicon>();
    }
}
