//! Entities: people, titles and organizations, from the lexicons and from the text.
//!
//! 1. Gazetteer hits (user gazetteers first, then the built-in organizations and
//!    publications) are fixed: their tokens are not candidates for anything else.
//! 2. [`runs`] finds candidate runs of capitalised tokens in each sentence (headline-like
//!    title-case lines are skipped: every word is capitalised there, so case says nothing).
//! 3. [`evidence`] scores each run's context for person, title and character (role nouns,
//!    speech verbs, cast lists, title nouns, quotes, "Character (Actor)" pairs ...) and
//!    adds what the words themselves say (a known first name, an org suffix, a tag).
//!    Scores are summed over every mention of the same surface string, then each string
//!    gets one category; strings without enough evidence are dropped.
//! 4. [`aliases`] links short forms to full names ("Reeves" → "Keanu Reeves",
//!    "Parabellum" → the full title) and finds every mention of every decided name,
//!    including in the headline, in one left-to-right pass.

pub mod aliases;
pub(crate) mod context;
pub mod evidence;
mod judge;
mod quotes;
pub(crate) mod rows;
pub mod runs;

use crate::article::Article;
use crate::facts::{OrgKind, TitleKind};
use crate::lexicon::lexed::Lexed;
use crate::lexicon::words::WordTable;
use crate::lexicon::{Category, Gazetteer, TitleLexicon};
use crate::span::Span;
use crate::text::{Sentence, Token};

/// An entity with its canonical name and mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity<K> {
    /// Canonical name.
    pub name: String,
    /// Kind (unit for people and characters).
    pub kind: K,
    /// Mentions in text order.
    pub mentions: Vec<Span>,
}

/// What a mention refers to: an index into one of the lists of [`Entities`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// `Entities::people[i]`.
    Person(usize),
    /// `Entities::titles[i]`.
    Title(usize),
    /// `Entities::orgs[i]`.
    Org(usize),
    /// `Entities::characters[i]`.
    Character(usize),
}

/// One mention and what it refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MentionRef {
    /// Where.
    pub span: Span,
    /// What.
    pub target: Target,
}

/// Everything the entity stage found.
#[derive(Clone, Debug, Default)]
pub struct Entities {
    /// People.
    pub people: Vec<Entity<()>>,
    /// Titles.
    pub titles: Vec<Entity<TitleKind>>,
    /// Organizations.
    pub orgs: Vec<Entity<OrgKind>>,
    /// Fictional characters (not output as entities; roles use them).
    pub characters: Vec<Entity<()>>,
    /// Every mention, sorted by start.
    pub mentions: Vec<MentionRef>,
    /// Rows of schedule lists (a work and its date a line), for the release stage.
    pub(crate) schedule: Vec<rows::ScheduleRow>,
    /// Where the first schedule row left unread starts (a list longer than
    /// `rows::MAX_SCHEDULE_ROWS`).
    pub(crate) schedule_cut: Option<usize>,
}

impl Entities {
    /// The canonical name of a target.
    #[allow(dead_code)] // used by the relations stage
    pub fn name(&self, t: Target) -> &str {
        match t {
            Target::Person(i) => self.people.get(i).map_or("", |e| &e.name),
            Target::Title(i) => self.titles.get(i).map_or("", |e| &e.name),
            Target::Org(i) => self.orgs.get(i).map_or("", |e| &e.name),
            Target::Character(i) => self.characters.get(i).map_or("", |e| &e.name),
        }
    }
}

/// What the entity stage reads.
pub struct Input<'a> {
    /// The article text.
    pub text: &'a str,
    /// Its tokens.
    pub toks: &'a [Token],
    /// Its sentences.
    pub sentences: &'a [Sentence],
    /// Its layout (headline, tags).
    pub article: &'a Article,
    /// Spans of dates (never names).
    pub dates: &'a [Span],
    /// Gazetteers, highest priority first.
    pub gazetteers: &'a [&'a Gazetteer],
    /// Well-known titles: evidence, not entities ([`crate::lexicon::known_titles`]).
    pub known_titles: &'a TitleLexicon,
    /// Word classes.
    pub words: &'a WordTable,
    /// Each token's key and word classes (the lexicon pass).
    pub(crate) lex: &'a Lexed,
}

/// A fixed lexicon hit.
#[derive(Clone, Debug)]
pub(crate) struct Fixed<'g> {
    pub span: Span,
    pub category: Category,
    pub name: &'g str,
}

/// Runs the whole entity stage.
pub fn recognize(inp: &Input<'_>) -> Entities {
    let info = &inp.lex.info;

    // 1. Lexicon hits, highest-priority gazetteer first; later ones may not overlap.
    let mut fixed: Vec<Fixed<'_>> = Vec::new();
    // Given names that an organization's name shares and the article uses for a
    // character ("Max (Kat Dennings)"): no mention of them is the company.
    let mut characters: Vec<&str> = Vec::new();
    for (prio, g) in inp.gazetteers.iter().enumerate() {
        let before = fixed.len();
        for hit in g.find_iter(inp.text) {
            // "Nate Fox" is a person, not the network: a one-word organization right after
            // a first name is a surname.
            // "Skydance Productions": a one-word organization that goes on with an org
            // suffix is a longer name the run recognizer reads whole.
            // "Banijay Networks Group", "Entertainment One Television": an organization that
            // goes on with an org suffix is a longer name the run recognizer reads whole.
            // "the Peacock Theater", "the Fox Theatre": a venue word after it makes a place.
            // "Max Martini": a one-word organization that is also a given name, before a
            // capitalised name word, is a person's first name.
            let one_word = !hit.entry.surface.contains(' ');
            if matches!(hit.entry.category, Category::Org(_)) && one_word && before_actor_paren(inp, hit.span) {
                characters.extend(hit.span.get(inp.text));
                continue;
            }
            // ("Elle Fanning": the same for a publication's name.)
            if matches!(hit.entry.category, Category::Org(_) | Category::Publication)
                && ((one_word && (after_name(inp, hit.span.start) || before_surname(inp, hit.span)))
                    || before_org_suffix(inp, hit.span.end)
                    || before_venue_word(inp, hit.span.end)
                    || in_quoted_title(inp, hit.span)
                    || before_work_tail(inp, hit.span.end)
                    || before_platform_word(inp, hit.span.end))
            {
                continue;
            }
            // "Fremantle Australia", "Netflix India": a regional arm, named with its region.
            if let (Category::Org(_), Some(end)) = (hit.entry.category, region_after(inp, hit.span.end)) {
                let span = Span::new(hit.span.start, end);
                fixed.push(Fixed { span, category: hit.entry.category, name: span.get(inp.text).unwrap_or(hit.entry.canonical()) });
                continue;
            }
            fixed.push(Fixed { span: hit.span, category: hit.entry.category, name: hit.entry.canonical() });
        }
        if prio > 0 {
            // Drop hits that overlap an earlier gazetteer's (both lists are sorted).
            let (earlier, later) = fixed.split_at(before);
            let mut keep = Vec::with_capacity(later.len());
            let mut k = 0;
            for h in later {
                while k < earlier.len() && earlier[k].span.end <= h.span.start {
                    k += 1;
                }
                let clash = earlier[k..].iter().take_while(|e| e.span.start < h.span.end).any(|e| e.span.overlaps(h.span));
                if !clash {
                    keep.push(h.clone());
                }
            }
            fixed.truncate(before);
            fixed.extend(keep);
            fixed.sort_by_key(|f| f.span.start);
        }
    }

    if !characters.is_empty() {
        fixed.retain(|f| !(matches!(f.category, Category::Org(_)) && f.span.get(inp.text).is_some_and(|x| characters.contains(&x))));
    }

    // Tokens that cannot start or join a run.
    let mut blocked = vec![false; inp.toks.len()];
    for f in &fixed {
        mark(inp.toks, f.span, &mut blocked);
    }
    let mut in_lexicon = blocked.clone();
    for d in inp.dates {
        mark(inp.toks, *d, &mut blocked);
        // (A month and its day is no title's tail: "a visit from Lynyrd Skynyrd June 3".)
        let first = inp.toks.partition_point(|t| t.span.start < d.start);
        let after_cap = first > 0 && inp.toks[first - 1].shape == crate::text::Shape::Capitalized;
        if after_cap && month_and_day(d.get(inp.text).unwrap_or("")) {
            mark(inp.toks, *d, &mut in_lexicon);
        }
    }
    role_label_tokens(inp, &mut blocked);

    let view = runs::View { text: inp.text, toks: inp.toks, keys: &inp.lex.keys, info, blocked: &blocked };
    // Schedule rows ("- Da 5 Bloods, June 12 on Netflix"): their works are titles here,
    // their dates release claims in the relation stage. (Streamers and networks named
    // in a list say it is one of releases.)
    let platforms: Vec<Span> =
        fixed.iter().filter(|f| matches!(f.category, Category::Org(OrgKind::Streamer | OrgKind::Network))).map(|f| f.span).collect();
    let (schedule, schedule_cut) = match (inp.article.paragraphs.first(), inp.article.paragraphs.last()) {
        (Some(first), Some(last)) => {
            rows::schedule_rows(&view, Span::new(first.start, last.end), inp.article.headline, inp.sentences, inp.dates, &platforms)
        }
        _ => (Vec::new(), None),
    };
    let decided = evidence::decide(&view, inp, &schedule);
    // Mentions may run over a date ("Blade Runner 2049") but not into a lexicon hit.
    let view = runs::View { blocked: &in_lexicon, ..view };
    let mut ents = aliases::resolve(&view, inp, &fixed, decided);
    slash_partners(inp, &mut ents);
    ents.schedule = schedule;
    ents.schedule_cut = schedule_cut;
    ents
}

/// "Hidden Beach/Universal Records", "Sienna Films/Sphere Media": capitalised words joined
/// by a slash to an organization name a partner company of the same kind, unless they
/// start with a given name ("Oprah Winfrey/Harpo Films" is a person and her company) or
/// are already something else.
fn slash_partners(inp: &Input<'_>, ents: &mut Entities) {
    use crate::lexicon::words::class;
    let mut found: Vec<(Span, OrgKind)> = Vec::new();
    for m in &ents.mentions {
        let Target::Org(o) = m.target else { continue };
        let Some(before) = inp.text.get(..m.span.start).and_then(|b| b.strip_suffix('/')) else { continue };
        // Up to four capitalised words back from the slash, joined by single spaces.
        let mut start = before.len();
        for (n, w) in before.rsplit(' ').enumerate() {
            let clean = w.chars().all(|c| c.is_alphanumeric() || matches!(c, '&' | '.' | '-' | '\'' | '’'));
            // (A word before the first that ends in a full stop ends a sentence before it.)
            let ends_sentence = n > 0 && w.ends_with('.');
            if n == 4 || w.is_empty() || !clean || ends_sentence || !w.starts_with(|c: char| c.is_uppercase()) {
                break;
            }
            start -= w.len() + usize::from(n > 0);
        }
        let name = &before[start..];
        let first = name.split(' ').next().unwrap_or("");
        let last = name.rsplit(' ').next().unwrap_or("");
        let sp = Span::new(start, before.len());
        // (Nor a name's shape: an unknown or given first word before a surname.)
        let person_shape = first != last && inp.words.is(last, class::SURNAME) && !inp.words.is(first, class::COMMON);
        // (Mentions are sorted by start: only the one before the slash and those after it
        // can overlap, found by binary search, so a page of slashes stays linear.)
        let from = ents.mentions.partition_point(|x| x.span.start < sp.start).saturating_sub(1);
        let taken = ents.mentions[from..].iter().take_while(|x| x.span.start < sp.end).any(|x| x.span.overlaps(sp));
        if name.is_empty() || inp.words.is(first, class::FIRST_NAME) || person_shape || taken {
            continue;
        }
        found.push((sp, ents.orgs.get(o).map_or(OrgKind::Other, |e| e.kind)));
    }
    if found.is_empty() {
        return;
    }
    let mut index: crate::hash::FxHashMap<String, usize> = ents.orgs.iter().enumerate().map(|(i, e)| (e.name.clone(), i)).collect();
    let mut touched: Vec<usize> = Vec::new();
    for (sp, kind) in found {
        let name = sp.get(inp.text).unwrap_or("");
        let i = *index.entry(name.to_string()).or_insert_with(|| {
            ents.orgs.push(Entity { name: name.to_string(), kind, mentions: Vec::new() });
            ents.orgs.len() - 1
        });
        ents.orgs[i].mentions.push(sp);
        touched.push(i);
        ents.mentions.push(MentionRef { span: sp, target: Target::Org(i) });
    }
    touched.sort_unstable();
    touched.dedup();
    for i in touched {
        ents.orgs[i].mentions.sort_by_key(|s| s.start);
    }
    ents.mentions.sort_by_key(|m| m.span.start);
}

/// Whether the word before byte `at` (one space back) is a capitalised name word: a first
/// name, a surname, or a word no list knows ("Nate Fox", "Jason Connell and Nate Fox").
fn after_name(inp: &Input<'_>, at: usize) -> bool {
    use crate::lexicon::words::class;
    let Some(before) = inp.text.get(..at) else { return false };
    let Some(rest) = before.strip_suffix(' ') else { return false };
    let word = &rest[rest
        .rfind(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map_or(0, |i| i + rest[i..].chars().next().map_or(1, char::len_utf8))..];
    if !word.starts_with(|c: char| c.is_uppercase()) || word.len() < 2 {
        return false;
    }
    let info = inp.words.info(word);
    info.is(class::FIRST_NAME) || (info.flags & !(class::SURNAME) == 0 && !word.chars().all(|c| c.is_uppercase()))
}

/// The capitalised word one space after byte `at` ("" when none).
fn next_capitalised<'t>(inp: &Input<'t>, at: usize) -> &'t str {
    let Some(rest) = inp.text.get(at..).and_then(|r| r.strip_prefix(' ')) else { return "" };
    let word = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if word.starts_with(|c: char| c.is_uppercase()) {
        word
    } else {
        ""
    }
}

/// Whether "the Musical" or "The Movie" follows byte `at`: "Motown the Musical" is a
/// show, not the label.
fn before_work_tail(inp: &Input<'_>, at: usize) -> bool {
    let Some(rest) = inp.text.get(at..) else { return false };
    ["the Musical", "The Musical", "the Movie", "The Movie"].iter().any(|t| rest.strip_prefix(' ').is_some_and(|r| r.starts_with(t)))
}

/// Whether a console's name goes on after byte `at` ("Nintendo Switch", "Nintendo 3DS",
/// "Sega Genesis"): the platform is no company mention (`entities.platform_words` in
/// `data/word_lists.txt`).
fn before_platform_word(inp: &Input<'_>, at: usize) -> bool {
    static WORDS: std::sync::LazyLock<Vec<&'static str>> =
        std::sync::LazyLock::new(|| crate::lexicon::lists::get("entities.platform_words"));
    let Some(rest) = inp.text.get(at..).and_then(|r| r.strip_prefix(' ')) else { return false };
    let word = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    !word.is_empty() && WORDS.contains(&word)
}

/// The tokens of title-case credit labels ("Senior Executive Producer", "Associate
/// Producers", "Audio Editors"): two or more capitalised words, each a rank word
/// (`roles.rank_words`) or a role noun, the last a role noun, not after "The" or "A" ("The
/// Producers" is a work). They are no one's name.
fn role_label_tokens(inp: &Input<'_>, blocked: &mut [bool]) {
    use crate::lexicon::words::class;
    let n = inp.toks.len();
    let mut k = 0;
    while k < n {
        let mut j = k;
        while j < n && crate::relations::is_role_label_word(inp.words, inp.text, inp.toks, j) {
            j += 1;
        }
        let last_noun = j > k && inp.words.info(inp.toks[j - 1].span.get(inp.text).unwrap_or("")).is(class::ROLE_NOUN);
        let after_article = k > 0 && matches!(inp.toks[k - 1].span.get(inp.text), Some("The" | "A" | "An"));
        if j >= k + 2 && last_noun && !after_article {
            for b in &mut blocked[k..j] {
                *b = true;
            }
        }
        k = j.max(k + 1);
    }
}

/// Whether `word` is a region word that names a company's regional arm after its name
/// (`entities.org_regions`).
pub(crate) fn is_org_region(word: &str) -> bool {
    static WORDS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| crate::lexicon::lists::get("entities.org_regions"));
    !word.is_empty() && WORDS.contains(&word)
}

/// The end of a region word right after byte `at` that names a company's regional arm
/// ("Fremantle Australia": `entities.org_regions` in `data/word_lists.txt`), when it ends a
/// name ("Netflix Japan Originals" is no arm; "Latin" only in "Latin America").
fn region_after(inp: &Input<'_>, at: usize) -> Option<usize> {
    let word = next_capitalised(inp, at);
    if !is_org_region(word) {
        return None;
    }
    let mut end = at + 1 + word.len();
    if word == "Latin" {
        end = inp.text.get(end..).and_then(|r| r.strip_prefix(" America")).map(|_| end + " America".len())?;
    }
    (next_capitalised(inp, end).is_empty() || inp.text.get(end..).is_some_and(|r| !r.starts_with(' '))).then_some(end)
}

/// Whether an organization suffix word ("Productions", "Studios") follows byte `at`, or
/// ends the next two or three capitalised words ("Telluride Bluegrass Festival", "Sundance
/// Documentary Film Festival": a longer name the run recognizer reads whole).
fn before_org_suffix(inp: &Input<'_>, at: usize) -> bool {
    let mut at = at;
    for _ in 0..3 {
        let word = next_capitalised(inp, at);
        if word.is_empty() {
            return false;
        }
        if inp.words.is(word, crate::lexicon::words::class::ORG_SUFFIX) {
            return true;
        }
        at += 1 + word.len();
        // (Only through plain words: "Netflix, Studios and …" stops at the comma.)
        if !inp.text.get(at..).is_some_and(|r| r.starts_with(' ')) {
            return false;
        }
    }
    false
}

/// Whether a venue word ("Theater", "Arena", "Hall": `last nonperson` rows of
/// `data/context.tsv`) follows byte `at`.
fn before_venue_word(inp: &Input<'_>, at: usize) -> bool {
    let word = next_capitalised(inp, at);
    !word.is_empty() && context::ContextTable::builtin().is_venue_word(word)
}

/// Whether `hit` lies inside a longer quoted span in title case: “Don’t Starve: Nintendo
/// Switch Edition” is a work, not the company Nintendo. (A quoted sentence, “we loved
/// working with Netflix,” has lower-case words and keeps its company.)
fn in_quoted_title(inp: &Input<'_>, hit: Span) -> bool {
    use crate::text::Shape;
    const REACH: usize = 14;
    const SMALL: &[&str] = &["of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "with", "vs", "or", "from", "by"];
    let toks = inp.toks;
    let tt = |k: usize| toks[k].span.get(inp.text).unwrap_or("");
    let first = toks.partition_point(|t| t.span.end <= hit.start);
    let last = toks.partition_point(|t| t.span.start < hit.end);
    let title_word = |k: usize| match toks[k].shape {
        Shape::Lower => SMALL.contains(&tt(k)),
        Shape::Punct => matches!(tt(k), ":" | "-" | "–" | "'" | "’" | "&" | "!" | "?" | "."),
        _ => true,
    };
    let mut open = None;
    for k in (first.saturating_sub(REACH)..first).rev() {
        match tt(k) {
            "“" | "\"" => {
                open = Some(k);
                break;
            }
            _ if title_word(k) => {}
            _ => return false,
        }
    }
    let Some(open) = open else { return false };
    let mut close = None;
    for k in last..(last + REACH).min(toks.len()) {
        match tt(k) {
            "”" | "\"" => {
                close = Some(k);
                break;
            }
            _ if title_word(k) => {}
            _ => break,
        }
    }
    // (Trailing punctuation inside the quote, “Harbor Lights: Switch Edition,”, is fine.)
    let close = close.or_else(|| {
        (last..(last + REACH).min(toks.len()))
            .find(|&k| matches!(tt(k), "”" | "\""))
            .filter(|&c| (last..c).all(|k| title_word(k) || matches!(tt(k), "," | ".")))
    });
    close.is_some_and(|c| c - open - 1 > last - first)
}

/// Whether the hit is a given name ("Max") before a capitalised word in mixed case that
/// is no organization suffix and no venue word: "Max Martini", "Max Rourke".
fn before_surname(inp: &Input<'_>, hit: Span) -> bool {
    use crate::lexicon::words::class;
    let Some(name) = hit.get(inp.text) else { return false };
    let word = next_capitalised(inp, hit.end);
    word.len() >= 2
        && inp.words.is(name, class::FIRST_NAME)
        && word.chars().skip(1).any(char::is_lowercase)
        && !inp.words.is(word, class::ORG_SUFFIX | class::COMMON)
}

/// Whether the hit is a given name ("Max") right before a name in parentheses: "Max (Kat
/// Dennings) is a waitress" names a character and the actor who plays her.
fn before_actor_paren(inp: &Input<'_>, hit: Span) -> bool {
    use crate::lexicon::words::class;
    let Some(name) = hit.get(inp.text) else { return false };
    let rest = inp.text.get(hit.end..).unwrap_or("");
    inp.words.is(name, class::FIRST_NAME)
        && rest
            .strip_prefix(" (")
            .is_some_and(|r| r.starts_with(char::is_uppercase) && r.find(')').is_some_and(|c| c <= 40 && r[..c].contains(' ')))
}

/// Marks the tokens inside `span`.
/// Whether a date's text is a month name and a day number ("June 3", "Aug. 14, 2004").
fn month_and_day(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let (Some(m), Some(d)) = (words.next(), words.next()) else { return false };
    let m = m.trim_end_matches('.');
    let month = m.len() >= 3
        && ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
            .iter()
            .any(|x| m.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(x)));
    let d = d.trim_end_matches(',');
    month && m.starts_with(|c: char| c.is_ascii_uppercase()) && (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit())
}

fn mark(toks: &[Token], span: Span, blocked: &mut [bool]) {
    let first = toks.partition_point(|t| t.span.end <= span.start);
    for (i, t) in toks.iter().enumerate().skip(first) {
        if t.span.start >= span.end {
            break;
        }
        if let Some(b) = blocked.get_mut(i) {
            *b = true;
        }
    }
}
