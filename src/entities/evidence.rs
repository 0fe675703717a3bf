//! Evidence: what the context of each run says it is, summed per surface string, then
//! one decision per string.
//!
//! Context evidence counts once per mention; what the words themselves say (a known
//! first name, an org suffix, a matching tag) counts once per string, so that a name
//! mentioned ten times does not outvote a title cue by repetition alone.

use crate::hash::FxHashMap as HashMap;
use crate::lexicon::lists;
use std::sync::LazyLock;

mod around;
mod headings;

use super::judge::judge;
use super::quotes::quoted_titles;
use super::runs::{Run, View};
use super::Input;
use crate::facts::{OrgKind, TitleKind};
use crate::lexicon::words::class;
use crate::span::Span;
use crate::text::Shape;
use around::context;

/// Accumulated evidence for one surface string.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    /// Person evidence from context.
    pub person: i32,
    /// Title evidence from context.
    pub title: i32,
    /// Character evidence from context.
    pub character: i32,
    /// Votes for the kind of title.
    pub kinds: [i32; 8],
    /// A sample run (the first seen) for lexical features.
    pub sample: Option<Run>,
    /// Whether the string came from quotes (its tokens need not be capitalised).
    pub quoted: bool,
    /// Whether an article tag names it.
    pub tagged: bool,
    /// Whether it was only ever seen as a run extended across title connectors (then it
    /// can only be a title).
    pub extended_only: bool,
    /// The kind, when the built-in lexicon of well-known works lists it.
    pub known: Option<TitleKind>,
    /// Whether a context phrase says it is not a work ("PlayStation 5", "Sci-fi").
    pub nonwork: bool,
    /// Whether it names a place rather than a person ("Hudson Theatre", "Heinz Hall").
    pub nonperson: bool,
    /// The kind of company a noun beside it names ("the channel Showcase", "InXile, a
    /// studio founded by …").
    pub org: Option<crate::facts::OrgKind>,
}

/// The decision for one surface string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// A person.
    Person,
    /// A title of a kind.
    Title(TitleKind),
    /// An organization of a kind.
    Org(OrgKind),
    /// A fictional character.
    Character,
}

/// Decided surface strings, in order of first appearance.
pub type Decided<'t> = Vec<(&'t str, Decision, Span)>;

/// Words that end a list of names: "the cast includes A, B, and C".
static CAST_NOUNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("evidence.cast_nouns"));
/// Words after which a list of names follows.
static LIST_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("evidence.list_cues"));
static GROUP_PREDICATES: LazyLock<Vec<Vec<&'static str>>> =
    LazyLock::new(|| lists::get("evidence.group_predicates").into_iter().map(|p| p.split_whitespace().collect()).collect());
static GROUP_AUX: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("evidence.group_aux"));
/// Words before "in" that make what follows a title: "starring in X", "her role in X".
static IN_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("evidence.in_cues"));
/// Words before "of" that make what follows a title: "the release of X", "season 2 of X".
static OF_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("evidence.of_cues"));
/// Words before "for" that make what follows a title: "a new featurette for X".
static FOR_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("evidence.for_cues"));
/// Verbs after a name that mark a work as their subject.
static TITLE_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("evidence.title_verbs"));
/// Release verbs whose subject is a work ("will premiere", "finally hits").
static RELEASE_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("evidence.release_verbs"));
/// Prepositions that open a sentence ("Alongside Pascal, …", "Unlike Dune, …").
static PREPOSITIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("evidence.prepositions"));
/// Verbs of a moved release after a work ("has slipped", "had been postponed").
static DELAY_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("evidence.delay_verbs"));
/// Words before "as" that do not make what follows a character.
static NOT_CHAR_AS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("evidence.not_char_as"));
/// Verbs before a character name.
static CHAR_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("evidence.char_verbs"));
/// Sentence-initial words never part of a name.
static STARTERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("evidence.starters"));

pub(super) fn is_in(list: &[&str], w: &str) -> bool {
    w.len() <= 16 && list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

pub(super) fn kind_index(k: TitleKind) -> usize {
    match k {
        TitleKind::Film => 0,
        TitleKind::Series => 1,
        TitleKind::Franchise => 2,
        TitleKind::Game => 3,
        TitleKind::Album => 4,
        TitleKind::Song => 5,
        TitleKind::Book => 6,
        TitleKind::Other => 7,
    }
}

pub(super) const KINDS: [TitleKind; 8] = [
    TitleKind::Film,
    TitleKind::Series,
    TitleKind::Franchise,
    TitleKind::Game,
    TitleKind::Album,
    TitleKind::Song,
    TitleKind::Book,
    TitleKind::Other,
];

impl<'a> View<'a> {
    /// The word ending just before token `i` (joining "co-star", "spin-off"), lower-case
    /// compare only; returns (first token of that word, its text).
    pub fn word_before(&self, i: usize, a: usize) -> Option<(usize, &'a str)> {
        let p = i.checked_sub(1).filter(|&p| p >= a)?;
        if !self.toks[p].is_word() {
            return Some((p, self.tt(p)));
        }
        if p >= a + 2 && self.tt(p - 1) == "-" && self.touching(p - 2, p - 1) && self.touching(p - 1, p) {
            let sp = Span::new(self.toks[p - 2].span.start, self.toks[p].span.end);
            return Some((p - 2, sp.get(self.text).unwrap_or("")));
        }
        Some((p, self.tt(p)))
    }

    /// The word starting at token `i` (joining hyphen compounds); returns (one past its
    /// last token, its text).
    pub fn word_at(&self, i: usize, b: usize) -> Option<(usize, &'a str)> {
        if i >= b {
            return None;
        }
        if i + 2 < b && self.toks[i].is_word() && self.tt(i + 1) == "-" && self.touching(i, i + 1) && self.touching(i + 1, i + 2) {
            let sp = Span::new(self.toks[i].span.start, self.toks[i + 2].span.end);
            return Some((i + 3, sp.get(self.text).unwrap_or("")));
        }
        Some((i + 1, self.tt(i)))
    }
}

/// Scores every run of the article and decides each surface string.
pub fn decide<'t>(v: &View<'t>, inp: &Input<'t>, schedule: &[super::rows::ScheduleRow]) -> Decided<'t> {
    let words = inp.words;
    let mut stats: HashMap<&'t str, Stats> = HashMap::default();
    let mut order: Vec<(&'t str, Span)> = Vec::new();
    let mut runs: Vec<Run> = Vec::new();
    // The name runs of the sentences read in context, and per sentence its range of them
    // and its end token.
    let mut list_runs: Vec<Run> = Vec::new();
    let mut list_sentences: Vec<(usize, usize, usize)> = Vec::new();
    // The names in parentheses after a name ("Ana Ruiz (Harbor Lights)"), with their
    // sentence: see `paren_convention`.
    let mut paren_inners: Vec<(usize, &'t str, &'t str)> = Vec::new();
    // The "Name as Part" rows of title-case lines: see `cast_row_block`.
    let mut cast_rows: Vec<CastRow> = Vec::new();
    let headline = inp.article.headline;

    // A sentence repeated word for word (syndicated boilerplate, a doubled page) is no
    // new evidence: each distinct sentence counts once.
    let mut seen_sentences: crate::hash::FxHashSet<&'t str> = crate::hash::FxHashSet::default();
    // Spans read as runs, with their context (the lexicon of well-known works adds the rest).
    let mut run_spans: crate::hash::FxHashSet<(usize, usize)> = crate::hash::FxHashSet::default();
    // Sentences whose context is not read: headings and repeats.
    let mut no_context = vec![false; inp.sentences.len()];
    for (si, s) in inp.sentences.iter().enumerate() {
        let (a, b) = (s.first, s.last.min(v.toks.len()));
        if headline.is_some_and(|h| h.contains(s.span)) || title_case_line(v, a, b) {
            no_context[si] = true;
            // A heading that is a name and a date in parentheses, as list articles write
            // them: "Project Hail Mary (March 20)".
            runs.clear();
            v.name_runs(a, b, si, &mut runs);
            if let Some(end) = byline(v, a, b) {
                // "By Ana Ruiz and Ben Cole": the writers' names, without the "By".
                for r in runs.iter().filter(|r| r.last <= end) {
                    let mut r = *r;
                    if r.first == a {
                        r.first += 1;
                        r.span.start = v.toks[r.first.min(r.last - 1)].span.start;
                    }
                    if r.first < r.last {
                        add(&mut stats, &mut order, r.span.get(v.text).unwrap_or(""), r, Stats { person: 3, ..Stats::default() }, false);
                    }
                }
                continue;
            }
            if let Some(r) = runs.first().filter(|r| r.first == a) {
                let ext = v.title_extend(*r, b);
                let paren = v.tt(ext.last) == "(" && (ext.last + 1..b).any(|k| v.toks[k].shape == Shape::Digits) && v.tt(b - 1) == ")";
                if paren {
                    let st = Stats { title: 3, ..Stats::default() };
                    add(&mut stats, &mut order, ext.span.get(v.text).unwrap_or(""), ext, st, true);
                }
            }
            if !headline.is_some_and(|h| h.contains(s.span)) {
                row_line(v, (a, b, si), &runs, &mut stats, &mut order, &mut cast_rows);
            } else {
                // (Headlines mark titles with quotes, often single ones: "‘Wonder’ Tops
                // the Box Office as ‘The Star’ Fades".)
                quoted_titles(v, a, b, si, &mut stats, &mut order);
            }
            continue;
        }
        // (Keyed without closing punctuation: "... at the helm" and "... at the helm." are
        // one sentence.)
        let key = s.span.get(v.text).unwrap_or("").trim_end_matches(['.', '!', '?', '"', '”', '’', ' ']);
        if !seen_sentences.insert(key) {
            no_context[si] = true;
            continue;
        }
        runs.clear();
        v.name_runs(a, b, si, &mut runs);
        // ("Friends from College (Series Premiere, July 14, Netflix)": a listing slot after
        // the whole title, lower-case words and all, even one that opens the sentence with
        // a common word.)
        if let Some(r) = runs.first().filter(|r| r.first == a) {
            let ext = v.title_extend(*r, b);
            if ext.last > r.last && paren_schedule_after(v, inp.dates, ext.last, b) {
                add(&mut stats, &mut order, ext.span.get(v.text).unwrap_or(""), ext, Stats { title: 3, ..Stats::default() }, true);
            }
        }
        trim_starters(v, a, b, &mut runs);
        // "Drive: A freighter brings … Director: Steve Wang. Cast: Mark Dacascos, …": a
        // paragraph that opens with a name and a colon or a parenthesis and credits people
        // with labels ("Director:", "Cast:") is an entry about a work, named first.
        // (The name ends at the colon or parenthesis: "Drive: A freighter …" is "Drive".)
        let name_end = (a..(a + 9).min(b))
            .find(|&k| matches!(v.tt(k), ":" | "("))
            .filter(|&k| k > a && (a..k).all(|j| v.is_upper(j) || v.toks[j].shape == Shape::Lower && v.tt(j).len() <= 4));
        if let Some(k) = name_end.filter(|_| v.is_upper(a) && entry_with_credits(v, a)) {
            let r = Run { first: a, last: k, span: Span::new(v.toks[a].span.start, v.toks[k - 1].span.end), sentence: si };
            add(&mut stats, &mut order, r.span.get(v.text).unwrap_or(""), r, Stats { title: 3, ..Stats::default() }, false);
        }
        // "Merlin (January 4), Being Human (January 14)": a name with a day or month of its
        // own in parentheses is a work and its date, as schedules write them in prose.
        // (Not an event's own dates, "the Montreal World Film Festival (Aug. 22 to Sept.
        // 2)", nor the tail of a longer title, "Made in Dagenham (Nov. 19th)".)
        for r in &runs {
            let event = v.info.get(r.last - 1).is_some_and(|w| w.is(class::ORG_SUFFIX | class::AWARD));
            let tail = r.first >= a + 2 && v.toks[r.first - 1].shape == Shape::Lower && v.is_upper(r.first - 2);
            if !event
                && !tail
                && (paren_date_after(v, inp.dates, r.last, b)
                    || paren_schedule_after(v, inp.dates, r.last, b)
                    || paren_listing_after(v, r.last, b))
            {
                let st = Stats { title: 3, ..Stats::default() };
                add(&mut stats, &mut order, r.span.get(v.text).unwrap_or(""), *r, st, false);
            }
        }

        // ("This Is America, Charlie Brown (CBS, 8-8:30 p.m.):", "Bugs Bunny vs. Daffy (CBS,
        // 8:30 p.m.)": a listing slot names the whole work before it, commas and "vs." and
        // all, back to the line's day heading or the sentence's start.)
        for k in a..b {
            if v.tt(k) == "(" && k > a && paren_listing_after(v, k, b) {
                if let Some(f) = listing_title_start(v, a, k) {
                    if f + 1 < k {
                        let r = Run { first: f, last: k, span: Span::new(v.toks[f].span.start, v.toks[k - 1].span.end), sentence: si };
                        add(&mut stats, &mut order, r.span.get(v.text).unwrap_or(""), r, Stats { title: 3, ..Stats::default() }, false);
                    }
                }
            }
        }
        // Cast lists: "the cast includes A, B, and C", "returning players A, B and C".
        let mut in_list = vec![false; runs.len()];
        for (ri, r) in runs.iter().enumerate() {
            let Some((p, w)) = v.word_before(r.first, a) else { continue };
            let cue = is_in(&["starring", "players", "co-stars", "alongside", "stars"], w)
                || (is_in(&LIST_CUES, w) && (a..p).rev().take(5).any(|k| is_in(&CAST_NOUNS, v.tt(k))))
                || (w == "by" && p > a && is_in(&["joined", "joins"], v.tt(p - 1)));
            if !cue {
                continue;
            }
            in_list[ri] = true;
            let mut prev = *r;
            for (rj, next) in runs.iter().enumerate().skip(ri + 1) {
                let sep = crate::text::joins_list(prev.last, next.first, |k| v.tt(k));
                if !sep {
                    break;
                }
                in_list[rj] = true;
                prev = *next;
            }
        }

        group_subjects(v, &runs, b, &mut in_list);

        // Works listed in parentheses after their kind: "television movies (Task Force,
        // Blessed Stranger, Sleep Murder), series (Haven) and mini-series (Trudeau)".
        let mut in_works = vec![false; runs.len()];
        for (ri, r) in runs.iter().enumerate() {
            // (A plural kind, whose members are no people: "the teens in the previous
            // installment (Ser’Darius Blain, Madison Iseman)" lists actors.)
            let kind_before = r.first >= a + 2
                && v.tt(r.first - 1) == "("
                && v.toks[r.first - 2].shape == Shape::Lower
                && v.tt(r.first - 2).ends_with('s')
                && v.word_info(r.first - 2).is(class::TITLE_NOUN)
                && !first_name(v, *r);
            if !kind_before {
                continue;
            }
            in_works[ri] = true;
            let mut prev = *r;
            for (rj, next) in runs.iter().enumerate().skip(ri + 1) {
                if !crate::text::joins_list(prev.last, next.first, |k| v.tt(k)) {
                    break;
                }
                in_works[rj] = true;
                prev = *next;
            }
        }

        let mut covered = 0;
        for (ri, r) in runs.iter().enumerate() {
            let surface = r.span.get(v.text).unwrap_or("");
            if surface.is_empty() {
                continue;
            }
            // The tail of a title ("Clyde" in "Bonnie and Clyde (1967)") has no context
            // of its own.
            let tail = r.first < covered;
            let mut e = Stats::default();
            if !tail {
                context(v, *r, a, b, &mut e);
            } else {
                // ... except a phrase that names its boundary: "Season 5 of Southern Justice".
                let said = super::context::ContextTable::builtin().said(v, *r, a, b);
                e.title += said.title;
                e.person += said.person;
            }
            if in_list[ri] {
                e.person += if r.len() >= 2 { 3 } else { 1 };
            }
            if in_works[ri] {
                e.title += 3;
            }
            // (The name in parentheses after a name, whatever it is, for `paren_convention`.)
            if let Some(n) = runs.get(ri + 1).filter(|n| v.tt(r.last) == "(" && n.first == r.last + 1 && r.len() >= 2) {
                let ext = v.title_extend(*n, b);
                if v.tt(ext.last) == ")" {
                    paren_inners.push((si, surface, ext.span.get(v.text).unwrap_or("")));
                }
            }
            // "Eve Macarro (Ana de Armas)" and "Gabriel Luna (Tommy)".
            if let Some(inner) = runs.get(ri + 1).filter(|n| v.tt(r.last) == "(" && n.first == r.last + 1 && v.tt(n.last) == ")") {
                let outer_first = first_name(v, *r);
                let inner_first = first_name(v, *inner);
                let inner_s = inner.span.get(v.text).unwrap_or("");
                // Both look like names: in a list of pairs ("A (B), C (D)") the actor
                // comes first; a lone pair follows the lexicon, then the plot-summary
                // habit of naming the character first.
                let in_series = |k: usize| runs.get(k).is_some_and(|x| v.tt(x.last) == "(");
                let series = (ri >= 2 && in_series(ri - 2) && matches!(v.tt(r.first.saturating_sub(1)), "," | "and"))
                    || (in_series(ri + 2) && matches!(v.tt(inner.last + 1), "," | "and"));
                let name_score =
                    |x: &Run| i32::from(first_name(v, *x)) + i32::from(v.info.get(x.last - 1).is_some_and(|w| w.is(class::SURNAME)));
                // ("Rob Lane (Jack Ryan), who grew up in Ohio, will star as Rex Cole": the
                // subject of a part is the actor, whatever the names look like.)
                let part_after = part_predicate_after(v, inner.last + 1, b);
                let actor_first =
                    if outer_first && inner_first { series || name_score(r) > name_score(inner) || part_after } else { !inner_first };
                // "Dr. Silas Crane (Marcus Hale)": a rank or honorific before the outer name
                // makes it the character. (A relative clause after the pair says nothing:
                // "follows Eve Macarro (Ana de Armas), who is beginning her training".)
                let h = if v.tt(r.first.wrapping_sub(1)) == "." { r.first.wrapping_sub(2) } else { r.first.wrapping_sub(1) };
                let ranked = h >= a && h < r.first && v.info.get(h).is_some_and(|w| w.is(class::HONORIFIC)) && v.is_upper(h);
                if (ranked && inner.len() >= 2) || (inner_first && !actor_first) {
                    e.character += 3;
                    stats.entry(inner_s).or_default().person += 3;
                } else if outer_first && inner_first && part_after && inner.len() >= 2 {
                    // (The part comes after: the parenthesis holds a known-for work.)
                    e.person += 3;
                    stats.entry(inner_s).or_default().title += 2;
                } else if outer_first && inner_first {
                    e.person += 3;
                    stats.entry(inner_s).or_default().character += 3;
                } else if inner.len() == 1 && r.len() >= 2 && short_of_named(v, &order, *inner) {
                    // "Sonora Williams (Williams)": the surname of a person named before is
                    // the actor, short; the name outside is the part.
                    e.character += 3;
                    stats.entry(inner_s).or_default().person += 3;
                } else if (outer_first || r.len() >= 2 || short_of_named(v, &order, *r)) && inner.len() == 1 {
                    // "Gabriel Luna (Tommy)" names a character; "John Logan (Gladiator)" a
                    // known-for work: characters in parentheses go by given names.
                    e.person += 2;
                    if v.info.get(inner.first).is_some_and(|w| w.is(class::FIRST_NAME)) {
                        stats.entry(inner_s).or_default().character += 3;
                    } else {
                        stats.entry(inner_s).or_default().title += 3;
                    }
                } else if (outer_first || short_of_named(v, &order, *r)) && inner.len() >= 2 {
                    // "Mark Strong (Low Winter Sun)", "Nélisse (47 Meters Down: Uncaged)": a
                    // known-for title.
                    e.person += 2;
                    let st = stats.entry(inner_s).or_default();
                    st.title += 2;
                }
            }
            // "Doug Liman (Edge of Tomorrow, Jumper)": a person's known-for works listed in
            // parentheses.
            // "… Christina Ricci (Wednesday), Tawny Cypress (House of Cards), Ella Purnell
            // (Sweetbitter)": in a list of "Name (Work)" pairs, a name-shaped member after a
            // member with a known given name is a person too.
            if v.tt(r.last) == "(" && name_shaped(v, *r) && !first_name(v, *r) && r.first >= a + 3 {
                let mut k = r.first - 1;
                if v.tt(k) == "and" && k > a && v.tt(k - 1) == "," {
                    k -= 1;
                }
                if matches!(v.tt(k), "," | "and") && v.tt(k - 1) == ")" {
                    let open = (a..k - 1).rev().take(12).find(|&j| v.tt(j) == "(");
                    let prev = open.and_then(|o| runs[..ri].iter().rev().find(|p| p.last == o));
                    if prev.is_some_and(|p| first_name(v, *p)) {
                        e.person += 3;
                    }
                }
            }
            // ("Kazuyuki Fudeyasu (Land of the Lustrous, PriPara)": a name of name shape the
            // lexicon does not know is a person when a list of works follows.)
            let shaped = name_shaped(v, *r);
            if v.tt(r.last) == "(" && (first_name(v, *r) && r.len() >= 2 || short_of_named(v, &order, *r) || shaped) {
                let members = paren_list(v, &runs[ri + 1..], r.last + 1, b);
                if shaped && !first_name(v, *r) && members.len() >= 2 {
                    e.person += 2;
                }
                if members.len() >= 2 {
                    for m in members {
                        stats.entry(m.span.get(v.text).unwrap_or("")).or_default().title += 3;
                    }
                }
            }
            add(&mut stats, &mut order, surface, *r, e, false);
            if !tail {
                run_spans.insert((r.span.start, r.span.end));
            }

            // The same run extended as a title, when it grows.
            let ext = if tail { *r } else { v.title_extend(*r, b) };
            if ext.last > r.last {
                covered = ext.last;
                let ext_s = ext.span.get(v.text).unwrap_or("");
                let mut e = Stats::default();
                context(v, ext, a, b, &mut e);
                e.person = 0;
                e.character = 0;
                e.title += 1; // connectors ("of the", ": ") are title-like
                add(&mut stats, &mut order, ext_s, ext, e, true);
            }
        }
        quoted_titles(v, a, b, si, &mut stats, &mut order);

        // (Lists are read once the well-known works are found: see `coordinated_lists`.)
        let lo = list_runs.len();
        list_runs.extend(runs.iter().copied());
        list_sentences.push((lo, list_runs.len(), b));
    }

    let known_hits = known_titles(v, inp, &run_spans, &no_context, &mut stats, &mut order);
    let (lists, owners) = coordinated_lists(v, &list_runs, &list_sentences, &known_hits);

    // (A tag that repeats the page's section, "Posted in: Anime | Tagged: …, anime", names a
    // kind of news, not a work.)
    let section = inp.article.section.and_then(|s| s.get(v.text)).map(str::trim);
    for tag in &inp.article.tags {
        let t = tag.get(v.text).unwrap_or("").trim();
        if section.is_some_and(|s| s.eq_ignore_ascii_case(t)) {
            continue;
        }
        let mut seen = false;
        for (k, st) in stats.iter_mut() {
            if k.eq_ignore_ascii_case(t) {
                st.tagged = true;
                seen = true;
                // (A heading is read without context, but "Casting News" is still a
                // kind of news, whatever the tags say.)
                if let Some(r) = st.sample {
                    st.nonwork |= said_nonwork(v, inp, r);
                }
            }
        }
        // A tag no run matched (headings, sentence starts): its first capitalised
        // occurrence in the body, with the text's own case ("toy story 5" → "Toy Story 5").
        // (A one-word tag must be a word of four letters or more, and is only read where
        // no date or lexicon entry claims it.)
        if !seen && t.len() >= 3 && (t.contains(' ') || t.len() >= 4) {
            if let Some((sp, run)) = find_tag(v, inp, t) {
                let s = sp.get(v.text).unwrap_or("");
                // (A tag "box office" found in "A Lousy Box Office Weekend" names a kind
                // of news, not a work.)
                let nonwork = said_nonwork(v, inp, run);
                add(&mut stats, &mut order, s, run, Stats { tagged: true, nonwork, ..Stats::default() }, true);
            }
        }
    }

    // Members of a list share a category: two titles in a list make the undecided
    // members titles; two people make them people.
    for list in &lists {
        let ds: Vec<Option<Decision>> = list.iter().map(|m| stats.get(m).and_then(|st| judge(v, m, st, words))).collect();
        let titles = ds.iter().filter(|d| matches!(d, Some(Decision::Title(_)))).count();
        let people = ds.iter().filter(|d| matches!(d, Some(Decision::Person))).count();
        for (m, d) in list.iter().zip(&ds) {
            if d.is_some() {
                continue;
            }
            if let Some(st) = stats.get_mut(m) {
                // "directed Blade Runner 2049 and Dune", "guest-starred on Harbor Watch,
                // Ironside Bay and Cold Courage": one member that is certainly a work and no
                // person types its siblings, unless they start with a given name.
                let short_titles = titles >= 1 && people == 0 && !first_name(v, st.sample.unwrap_or_default());
                if ((titles >= 2 && titles > people) || short_titles) && !owners.contains(m) {
                    st.title += 3;
                } else if (people >= 2 && people > titles)
                    || (people >= 1 && titles == 0 && list.len() <= 3 && st.sample.is_some_and(|r| r.len() >= 2))
                {
                    // ("Ginnifer Goodwin and Jason Bateman": a two-word name beside a person.)
                    st.person += 2;
                }
            }
        }
    }

    paren_convention(v, &paren_inners, &mut stats, words);
    cast_row_block(v, &cast_rows, &mut stats, &mut order);

    // Headings that name works: a line of its own, then prose about "the thriller".
    for (a, b) in headings::work_headings(v, headline) {
        let span = Span::new(v.toks[a].span.start, v.toks[b - 1].span.end);
        let sentence = inp.sentences.partition_point(|s| s.span.end <= span.start);
        let r = Run { first: a, last: b, span, sentence };
        add(&mut stats, &mut order, span.get(v.text).unwrap_or(""), r, Stats { title: 3, ..Stats::default() }, false);
    }
    // Row lists: a column that holds names makes its neighbour a column of works.
    let (row_fields, split_rows) = super::rows::row_fields(v, &inp.article.paragraphs, inp.sentences);
    // ("Sisterhood / Sestri": a work's two names, in English and in its own language,
    // split at a spaced slash.)
    let row_fields: Vec<_> = row_fields
        .into_iter()
        .flat_map(|(r, col)| match col {
            super::rows::Column::Title | super::rows::Column::Work => {
                split_spaced_slash(v, r).into_iter().map(|p| (p, col)).collect::<Vec<_>>()
            }
            _ => vec![(r, col)],
        })
        .collect();
    for (r, col) in row_fields {
        let e = match col {
            super::rows::Column::Person => Stats { person: 3, ..Stats::default() },
            // ("Best Television Series – Musical or Comedy" is a category, not a row.)
            super::rows::Column::Title => Stats { title: 3, nonwork: said_nonwork(v, inp, r), ..Stats::default() },
            super::rows::Column::Work => Stats { title: 6, nonwork: said_nonwork(v, inp, r), ..Stats::default() },
            super::rows::Column::Character => Stats { character: 3, ..Stats::default() },
        };
        add(&mut stats, &mut order, r.span.get(v.text).unwrap_or(""), r, e, false);
    }
    // Schedule rows: the field beside a row's date is a work ("- Becky, June 5").
    for row in schedule {
        let sentence = inp.sentences.partition_point(|s| s.span.end <= row.title.start);
        let r = Run { first: row.first, last: row.last, span: row.title, sentence };
        add(&mut stats, &mut order, row.title.get(v.text).unwrap_or(""), r, Stats { title: 3, ..Stats::default() }, false);
        // ("November 3rd, 2017 – Taika Waititi’s THOR: RAGNAROK": the owner the row's work
        // was cut from is a person when it is two or three capitalised words.)
        if let Some(owner) = row_owner(v, row.first) {
            let s = owner.span.get(v.text).unwrap_or("");
            add(&mut stats, &mut order, s, Run { sentence, ..owner }, Stats { person: 3, ..Stats::default() }, false);
        }
    }

    let mut out = Vec::new();
    // (Read once per article, not once per surface string.)
    let debug = std::env::var_os("NEWSFACTS_DEBUG").is_some();
    // ("Sally Hawkins The Shape of Water" under "Best Actress" is a name and a work.)
    let split_rows: crate::hash::FxHashSet<&str> = split_rows.iter().filter_map(|sp| sp.get(v.text)).collect();
    for (surface, span) in order {
        let Some(st) = stats.get(surface) else { continue };
        if split_rows.contains(surface) {
            continue;
        }
        if debug {
            eprintln!(
                "{surface:?} p={} t={} c={} tagged={} quoted={} -> {:?}",
                st.person,
                st.title,
                st.character,
                st.tagged,
                st.quoted,
                judge(v, surface, st, words)
            );
        }
        // "Lex Luthor in Superman": a run extended across a preposition or "and" into a
        // well-known work is two phrases, not one title.
        // (Quotes around the whole make it one: “Return to Paradise,”.)
        if st.extended_only && !st.quoted && st.known.is_none() && st.sample.is_some_and(|r| splits_at_known(v, r, &known_hits)) {
            continue;
        }
        // "Ghost of Tsushima: Director's Cut": a well-known work with a subtitle is a work.
        let subtitled = st.extended_only
            && st.known.is_none()
            && st.sample.is_some_and(|r| {
                let from = known_hits.partition_point(|h| h.0 < r.first);
                known_hits.get(from).is_some_and(|&(f, l)| f == r.first && l < r.last && matches!(v.tt(l), ":" | "–" | "—"))
            });
        let boosted;
        let st = if subtitled {
            boosted = Stats { title: st.title + 3, ..st.clone() };
            &boosted
        } else {
            st
        };
        if let Some(d) = judge(v, surface, st, words) {
            out.push((surface, d, span));
        }
    }
    out
}

/// Hits of the well-known-works lexicon, added as candidates with their kind. A hit must
/// keep the capitals of the listed form ("The Last of Us", not "the last of us"); a case
/// variant ("A House Of Dynamite" in a headline) counts only where the listed form does
/// not also occur. Returns the hits' token ranges.
fn known_titles<'t>(
    v: &View<'t>,
    inp: &Input<'t>,
    run_spans: &crate::hash::FxHashSet<(usize, usize)>,
    no_context: &[bool],
    stats: &mut HashMap<&'t str, Stats>,
    order: &mut Vec<(&'t str, Span)>,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let body_start = inp.article.meta_line.map_or(0, |m| m.end);
    // Whether a listed form occurs in the text, looked up once per form (a page that
    // repeats "GAME OF THRONES" must not rescan itself for every repeat).
    let mut listed_form_present: HashMap<&str, bool> = HashMap::default();
    for hit in inp.known_titles.find_iter(v.text) {
        let (sp, kind) = (hit.span, hit.kind);
        let Some(surface) = sp.get(v.text) else { continue };
        if sp.start < body_start || !same_capitals(surface, hit.surface) {
            continue;
        }
        let first = v.toks.partition_point(|t| t.span.start < sp.start);
        let last = v.toks.partition_point(|t| t.span.start < sp.end);
        if first >= last || v.toks[first].span.start != sp.start {
            continue;
        }
        // Not over a lexicon hit or a date, except a number inside the title ("1917"
        // alone stays a date; "Blade Runner 2049" is a title).
        if (first..last).any(|k| v.blocked.get(k).copied().unwrap_or(true) && !(k > first && v.toks[k].shape == Shape::Digits)) {
            continue;
        }
        if surface != hit.surface
            && !folds_equal(surface, hit.surface)
            && *listed_form_present.entry(hit.surface).or_insert_with(|| v.text.contains(hit.surface))
        {
            continue;
        }
        let sentence = inp.sentences.partition_point(|s| s.span.end <= sp.start);
        let run = Run { first, last, span: sp, sentence };
        let mut e = Stats { known: Some(kind), ..Stats::default() };
        // A hit no run covered ("Superman" in "Lex Luthor in Superman (1978)") has not had
        // its context read yet.
        // (Headings are not read for context, and a repeated sentence is no new evidence.)
        if !run_spans.contains(&(sp.start, sp.end)) && !no_context.get(sentence).copied().unwrap_or(true) {
            if let Some(s) = inp.sentences.get(sentence) {
                context(v, run, s.first, s.last.min(v.toks.len()), &mut e);
            }
        }
        add(stats, order, surface, run, e, false);
        out.push((first, last));
    }
    out
}

/// Whether the paragraph line that token `a` opens holds a credit label opening one of its
/// later sentences: ". Director: Steve Wang", ". Cast: Mark Dacascos, …" (the row words
/// of `data/row_words.tsv` with class `label`).
fn entry_with_credits(v: &View<'_>, a: usize) -> bool {
    let Some(start) = v.toks.get(a).map(|t| t.span.start) else { return false };
    if start > 0 && !v.text[..start].ends_with('\n') {
        return false;
    }
    let end = v.text[start..].find('\n').map_or(v.text.len(), |x| start + x);
    let last = v.toks.partition_point(|t| t.span.start < end);
    (a + 2..last.saturating_sub(1))
        .any(|k| v.tt(k - 1) == "." && v.tt(k + 1) == ":" && matches!(super::rows::row_word(v.tt(k)), Some(super::rows::RowWord::Label(_))))
}

/// Whether every word capitalised in `listed` is capitalised in `text` (same length words).
fn same_capitals(text: &str, listed: &str) -> bool {
    let upper = |w: &str| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    text.split(' ').zip(listed.split(' ')).all(|(t, l)| !upper(l) || upper(t)) && upper(text)
}

/// Equal after folding curly apostrophes to straight ones.
fn folds_equal(a: &str, b: &str) -> bool {
    a.len() >= b.len() && a.replace('’', "'") == b
}

/// Lower-case words that describe the person named right after them ("newcomer",
/// "actress"), read past between the members of a list: `data/word_lists.txt`.
static PERSON_DESCRIPTORS: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| crate::lexicon::lists::get("evidence.person_descriptors"));

/// Whether a well-known work starts inside run `r` right after a preposition or "and".
/// Lists ("Anora, The Brutalist, A Complete Unknown and Conclave"): runs of a sentence
/// separated by commas and "and", each member extended as a title. A well-known work that
/// starts at a member is the member whole ("Lean on Me, Death Warrant and Spy Hard"), and a
/// member extended across "and" into a well-known work is two ("Young Frankenstein and
/// Superman"). `sentences` holds, per sentence, its range of `runs` and its end token.
fn coordinated_lists<'t>(
    v: &View<'t>,
    runs: &[Run],
    sentences: &[(usize, usize, usize)],
    known: &[(usize, usize)],
) -> (Vec<Vec<&'t str>>, crate::hash::FxHashSet<&'t str>) {
    let mut lists = Vec::new();
    let mut owners = crate::hash::FxHashSet::default();
    let mut members: Vec<Run> = Vec::new();
    for &(lo, hi, b) in sentences {
        members.clear();
        let mut covered = 0;
        for r in &runs[lo..hi] {
            if r.first < covered {
                continue;
            }
            let mut m = v.title_extend(*r, b);
            let at = known.partition_point(|h| h.0 < r.first);
            if let Some(&(f, l)) = known.get(at).filter(|h| h.0 == r.first && h.1 > m.last && h.1 <= b) {
                let span = Span::new(v.toks[f].span.start, v.toks[l - 1].span.end);
                m = Run { first: f, last: l, span, sentence: r.sentence };
            } else if m.last > r.last && v.tt(r.last) == "and" && known.iter().any(|&(f, l)| f == r.last + 1 && l <= m.last) {
                // (Only a split right at "and": "Colman Domingo for Sing Sing" is a name and
                // its work, not two members.)
                m = *r;
            }
            covered = m.last;
            members.push(m);
        }
        let mut cur: Vec<&'t str> = Vec::new();
        let mut mi = 0;
        while mi < members.len() {
            let m = members[mi];
            // ("The first is YOU, Lifetime's stalker drama": an owner before a lower-case
            // noun describes the member before it; it takes no work from its neighbours,
            // though it may take a person: "Max Kinnings, Rik Mayall's writing partner".)
            if m.last > m.first && v.possessive_len(m.last - 1) > 0 && v.toks.get(m.last).is_some_and(|t| t.shape == Shape::Lower) {
                owners.insert(m.span.get(v.text).unwrap_or(""));
            }
            cur.push(m.span.get(v.text).unwrap_or(""));
            // ("Renewed: Reign (my guilty pleasure), Castle (still fun) and Resurrection":
            // an aside in parentheses after a member is skipped, with the runs in it.)
            let mut after = m.last;
            if v.tt(after) == "(" {
                if let Some(close) = (after + 1..(after + 30).min(b)).find(|&k| v.tt(k) == ")") {
                    after = close + 1;
                }
            }
            let next = (mi + 1..members.len()).find(|&j| members[j].first >= after);
            // ("Nastassja Kinski and newcomer Valeria Golino": a person's descriptor after
            // the joiner is read past.)
            let joins = |f: usize| {
                crate::text::joins_list(after, f, |k| v.tt(k))
                    || (f > after + 1 && is_in(&PERSON_DESCRIPTORS, v.tt(f - 1)) && crate::text::joins_list(after, f - 1, |k| v.tt(k)))
            };
            match next.filter(|&j| joins(members[j].first)) {
                Some(j) => mi = j,
                None => {
                    if cur.len() >= 2 {
                        lists.push(std::mem::take(&mut cur));
                    }
                    cur.clear();
                    mi += 1;
                }
            }
        }
    }
    (lists, owners)
}

/// "Chloë Vance (Carrie), Sam Lee (American Honey) and Ty Moss (The Revenant)": a writer
/// keeps one convention for the parentheses after names in a sentence, known-for works or
/// parts. When at least two of them are certainly works (decided titles, or works the
/// lexicon knows), a one-word part or a work the lexicon knows is a work too ("Carrie",
/// "Harry Potter"), and not a character or a person.
fn paren_convention<'t>(
    v: &View<'t>,
    inners: &[(usize, &'t str, &'t str)],
    stats: &mut HashMap<&'t str, Stats>,
    words: &crate::lexicon::words::WordTable,
) {
    let mut i = 0;
    while i < inners.len() {
        let si = inners[i].0;
        let n = inners[i..].iter().take_while(|x| x.0 == si).count();
        let group = &inners[i..i + n];
        i += n;
        if n < 3 {
            // ("Natalia Tena (Harry Potter)": with fewer pairs, a work the lexicon knows by
            // two words or more in the parenthesis is still the name's known-for work.)
            for (_, outer, m) in group {
                let known = stats.get(m).is_some_and(|st| st.known.is_some() && !st.quoted && st.sample.is_some_and(|r| r.len() >= 2));
                let outer_name = stats.get(outer).and_then(|st| st.sample).is_some_and(|r| first_name(v, r));
                if known && outer_name {
                    known_for_pair(stats, outer, m);
                }
            }
            continue;
        }
        let ds: Vec<(Option<Decision>, bool)> =
            group.iter().map(|(_, _, m)| stats.get(m).map_or((None, false), |st| (judge(v, m, st, words), st.known.is_some()))).collect();
        let certain = |d: &(Option<Decision>, bool)| matches!(d.0, Some(Decision::Title(_))) || d.1;
        let total = ds.iter().filter(|d| certain(d)).count();
        for ((_, outer, m), d) in group.iter().zip(&ds) {
            if matches!(d.0, Some(Decision::Title(_))) || total - usize::from(certain(d)) < 2 {
                continue;
            }
            let Some(st) = stats.get(m) else { continue };
            let one_part = matches!(d.0, Some(Decision::Character) | None) && st.sample.is_some_and(|r| r.len() == 1);
            if d.1 || one_part {
                known_for_pair(stats, outer, m);
            }
        }
    }
}

/// "Name (Work)" read as a person and the work they are known for: the parenthesis is a
/// work, not a part, and the name before it is the person, not a character.
fn known_for_pair(stats: &mut HashMap<&str, Stats>, outer: &str, inner: &str) {
    if let Some(st) = stats.get_mut(inner) {
        st.title += 6;
        st.character = 0;
        st.person = st.person.min(0);
    }
    if let Some(o) = stats.get_mut(outer) {
        o.character = 0;
        o.person += 3;
    }
}

/// Whether the parentheses opening at token `k` hold a date alone, finer than a year
/// ("(January 14)", "(March 2025)"; not "(2017)").
fn paren_date_after(v: &View<'_>, dates: &[Span], k: usize, b: usize) -> bool {
    if k + 2 >= b || v.tt(k) != "(" {
        return false;
    }
    let start = v.toks[k + 1].span.start;
    let Some(d) = dates.get(dates.partition_point(|d| d.start < start)).filter(|d| d.start == start) else { return false };
    let close = v.toks.partition_point(|t| t.span.start < d.end);
    // (A digit and a word: "(Wednesday)" is a part's name as often as a day.)
    close < b
        && v.tt(close) == ")"
        && d.get(v.text).is_some_and(|t| t.bytes().any(|c| c.is_ascii_digit()) && t.bytes().any(|c| c.is_ascii_alphabetic()))
}

/// "Snowfall (Series Premiere, 10 p.m. Wednesday, FX) – …": a parenthesis after token `k`
/// that holds a premiere or finale label and a date, as listings write a work's slot.
fn paren_schedule_after(v: &View<'_>, dates: &[Span], k: usize, b: usize) -> bool {
    if k + 2 >= b || v.tt(k) != "(" {
        return false;
    }
    let Some(close) = (k + 1..(k + 16).min(b)).find(|&j| v.tt(j) == ")") else { return false };
    let (from, to) = (v.toks[k].span.end, v.toks[close].span.start);
    let dated = dates.iter().any(|d| d.start >= from && d.end <= to);
    dated && (k + 1..close).any(|j| super::runs::is_row_marker(v.tt(j)))
}

/// Whether the text of a listing slot holds an air time: a digit and a meridiem ("8-8:30
/// p.m.", "9 pm"). Shared with the relation stage's slots.
pub(crate) fn says_air_time(inside: &str) -> bool {
    ["p.m.", "a.m.", "p.m", "a.m", " pm", " am", "PM", "AM"].iter().any(|t| inside.contains(t))
        && inside.bytes().any(|c| c.is_ascii_digit())
}

/// Whether a listing slot in parentheses follows token `k`: a channel first and an air
/// time ("This Is America (CBS, 8-8:30 p.m.):", "Nova (PBS, 8 p.m.)"), at most 14 tokens.
pub(crate) fn paren_listing_after(v: &View<'_>, k: usize, b: usize) -> bool {
    if k + 3 >= b || v.tt(k) != "(" || !v.is_upper(k + 1) || v.tt(k + 2) != "," {
        return false;
    }
    let Some(close) = (k + 1..(k + 16).min(b)).find(|&j| v.tt(j) == ")") else { return false };
    let inside = v.text.get(v.toks[k].span.end..v.toks[close].span.start).unwrap_or("");
    says_air_time(inside)
}

/// The first token of the work named before the listing slot that opens at `open`:
/// capitalised words and the connectors titles hold ("of", "the", "vs.", a comma or colon
/// before a capital), back to the sentence start `a`, a day heading in capitals, a quote or
/// a lower-case word. `None` when a lower-case word other than a connector is met first.
fn listing_title_start(v: &View<'_>, a: usize, open: usize) -> Option<usize> {
    let mut f = open;
    while f > a {
        let k = f - 1;
        let w = v.tt(k);
        let upper = v.is_upper(k) && !(v.toks[k].shape == Shape::AllCaps && v.word_info(k).is(class::WEEKDAY));
        let connector = matches!(w, "of" | "the" | "a" | "an" | "and" | "&" | "vs" | "in" | "on" | "to" | "for")
            || (w == "." && k > a && v.tt(k - 1) == "vs")
            || (matches!(w, "," | ":" | "!" | "?") && f < open && v.is_upper(f))
            || (v.toks[k].shape == Shape::Digits);
        if !(upper || connector) || !v.same_line(k, open) {
            break;
        }
        f = k;
    }
    while f < open && !v.is_upper(f) && v.toks[f].shape != Shape::Digits {
        f += 1;
    }
    (f < open).then_some(f)
}

fn splits_at_known(v: &View<'_>, r: Run, hits: &[(usize, usize)]) -> bool {
    // (Hits are in text order: only those starting inside the run are looked at.)
    let from = hits.partition_point(|h| h.0 <= r.first);
    hits[from..].iter().take_while(|h| h.0 < r.last).any(|&(f, l)| {
        f > r.first && f < r.last && l <= r.last && is_in(&["in", "on", "at", "for", "with", "from", "and", "vs", "to"], v.tt(f - 1))
    })
}

pub(super) fn add<'t>(
    stats: &mut HashMap<&'t str, Stats>,
    order: &mut Vec<(&'t str, Span)>,
    surface: &'t str,
    r: Run,
    e: Stats,
    extended: bool,
) {
    let st = stats.entry(surface).or_default();
    if st.sample.is_none() {
        st.sample = Some(r);
        st.extended_only = extended;
        order.push((surface, r.span));
    } else if !extended {
        st.extended_only = false;
    }
    st.person += e.person;
    st.title += e.title;
    st.character += e.character;
    st.quoted |= e.quoted;
    st.tagged |= e.tagged;
    st.nonwork |= e.nonwork;
    st.nonperson |= e.nonperson;
    st.org = st.org.or(e.org);
    st.known = st.known.or(e.known);
    for (k, n) in st.kinds.iter_mut().zip(e.kinds) {
        *k += n;
    }
}

/// The first occurrence of a tag in the body, case-insensitively, starting with a capital
/// and on token boundaries.
/// Whether data/context.tsv says run `r` is no work ("Box Office", "Tour Dates"), for runs
/// found outside the context pass (tags, row fields).
fn said_nonwork(v: &View<'_>, inp: &Input<'_>, r: Run) -> bool {
    let Some(se) = inp.sentences.get(r.sentence) else { return false };
    let (a, b) = (se.first.min(r.first), se.last.min(v.toks.len()).max(r.last));
    super::context::ContextTable::builtin().said(v, r, a, b).nonwork
}

fn find_tag(v: &View<'_>, inp: &Input<'_>, tag: &str) -> Option<(Span, Run)> {
    let body_start = inp.article.meta_line.map_or(0, |m| m.end);
    for (i, t) in v.toks.iter().enumerate() {
        if t.span.start < body_start || !v.is_upper(i) || v.blocked.get(i).copied().unwrap_or(true) {
            continue;
        }
        let end = t.span.start + tag.len();
        let Some(cand) = v.text.get(t.span.start..end) else { continue };
        if !cand.eq_ignore_ascii_case(tag) || !crate::lexicon::ends_word(v.text, end) {
            continue;
        }
        let last = v.toks.partition_point(|x| x.span.start < end);
        let sentence = inp.sentences.partition_point(|s| s.span.end <= t.span.start);
        let sp = Span::new(t.span.start, end);
        return Some((sp, Run { first: i, last, span: sp, sentence }));
    }
    None
}

fn first_name(v: &View<'_>, r: Run) -> bool {
    r.len() >= 2 && v.info.get(r.first).is_some_and(|w| w.is(class::FIRST_NAME))
}

/// Whether a predicate that names a part starts at token `k` ("will star as", "plays"),
/// past a relative clause between commas (", who grew up in Ohio,").
fn part_predicate_after(v: &View<'_>, mut k: usize, b: usize) -> bool {
    if k < b && v.tt(k) == "," && is_in(&["who", "whose"], v.tt(k + 1)) {
        match (k + 2..(k + 16).min(b)).find(|&j| v.tt(j) == ",") {
            Some(j) => k = j + 1,
            None => return false,
        }
    }
    for j in k..(k + 4).min(b) {
        let w = v.tt(j);
        if is_in(&["plays", "play", "portrays", "portray", "voices", "voice"], w) {
            return true;
        }
        if w == "as" {
            return j > k
                && is_in(&["star", "stars", "starring", "appear", "appears", "return", "returns", "co-star", "co-stars"], v.tt(j - 1));
        }
        if !is_in(&["will", "also", "now", "is", "to", "set", "star", "stars", "return", "returns", "appear", "appears", "co-star"], w) {
            return false;
        }
    }
    false
}

/// Whether a run has the shape of a personal name the lexicon may not know: two or three
/// capitalised words, none a common word, title or company noun, place or month.
fn name_shaped(v: &View<'_>, r: Run) -> bool {
    let blocked = class::COMMON | class::ORG_SUFFIX | class::TITLE_NOUN | class::PLACE | class::MONTH | class::AWARD | class::NATIONALITY;
    (2..=3).contains(&r.len())
        && (r.first..r.last)
            .all(|k| v.toks[k].shape == Shape::Capitalized && v.tt(k).len() >= 2 && !v.info.get(k).is_some_and(|w| w.is(blocked)))
}

/// "Topher Vance, Elle Marsh and Taye Diggs star in the film": a group of two or more runs
/// joined by commas and "and" and followed by what only people do
/// (`evidence.group_predicates`) is a group of people, whatever their given names.
fn group_subjects(v: &View<'_>, runs: &[Run], b: usize, in_list: &mut [bool]) {
    let mut i = 0;
    while i < runs.len() {
        let mut j = i;
        while j + 1 < runs.len() && crate::text::joins_list(runs[j].last, runs[j + 1].first, |k| v.tt(k)) {
            j += 1;
        }
        if j > i {
            let mut k = runs[j].last;
            while k < b && is_in(&GROUP_AUX, v.tt(k)) {
                k += 1;
            }
            let does = GROUP_PREDICATES.iter().any(|p| p.iter().enumerate().all(|(x, w)| k + x < b && v.tt(k + x).eq_ignore_ascii_case(w)));
            if does {
                in_list[i..=j].iter_mut().for_each(|m| *m = true);
            }
        }
        i = j + 1;
    }
}

/// A title-case line in the body that is a row of a list ("“Harbor of Salt,” Maren
/// Ekdahl", "Night Ferry – Tomasz Wrobel"): case says nothing there, but quotes still
/// mark titles, and a run that fills a whole field (between the line's edges, commas,
/// dashes and parentheses) is read for what its words are, with no context.
fn row_line<'t>(
    v: &View<'t>,
    (a, b, si): (usize, usize, usize),
    runs: &[Run],
    stats: &mut HashMap<&'t str, Stats>,
    order: &mut Vec<(&'t str, Span)>,
    cast_rows: &mut Vec<CastRow>,
) {
    quoted_titles(v, a, b, si, stats, order);
    let edge =
        |k: usize| k < a || k >= b || matches!(v.tt(k), "," | "–" | "—" | "-" | "(" | ")" | "”" | "“" | "\"" | ":" | ";" | "|" | "/");
    for (i, r) in runs.iter().enumerate() {
        let fills_field = edge(r.first.wrapping_sub(1)) && edge(r.last) && v.same_line(r.first, r.last - 1);
        if fills_field {
            add(stats, order, r.span.get(v.text).unwrap_or(""), *r, Stats::default(), false);
        }
        // A cast row, "Erica Vance as Emma": a name of two or three words, "as", and the
        // rest of the field, the part.
        let part =
            runs.get(i + 1).filter(|n| n.first == r.last + 1 && v.tt(r.last) == "as" && edge(n.last) && v.same_line(r.first, n.last - 1));
        let named = first_name(v, *r)
            || (v.info.get(r.last - 1).is_some_and(|w| w.is(class::SURNAME)) && !v.info.get(r.first).is_some_and(|w| w.is(class::COMMON)));
        if let Some(n) = part.filter(|_| edge(r.first.wrapping_sub(1)) && (2..=3).contains(&r.len())) {
            if named {
                add(stats, order, r.span.get(v.text).unwrap_or(""), *r, Stats { person: 3, ..Stats::default() }, false);
                add(stats, order, n.span.get(v.text).unwrap_or(""), *n, Stats { character: 3, ..Stats::default() }, false);
            }
            cast_rows.push(CastRow { name: *r, part: *n, named, sentence: si });
        }
    }
}

/// A "Name as Part" row of a cast list.
#[derive(Clone, Copy)]
struct CastRow {
    name: Run,
    part: Run,
    /// Whether its name is certainly a person's (a known given name or surname).
    named: bool,
    sentence: usize,
}

/// "- Megumi Nakajima as Turi" among "- Fumiko Orikasa as Eva" rows: in a block of cast
/// rows, a row whose name the lexicon does not know is read like its certain neighbours
/// (within two lines of a certain row, or of a row so read).
fn cast_row_block<'t>(v: &View<'t>, rows: &[CastRow], stats: &mut HashMap<&'t str, Stats>, order: &mut Vec<(&'t str, Span)>) {
    let mut sure: Vec<usize> = rows.iter().filter(|r| r.named).map(|r| r.sentence).collect();
    if sure.len() < 2 {
        return;
    }
    // (Two sweeps: down the block, then up, so a run of unknown names is reached from
    // either end.)
    for pass in 0..2 {
        let order_rows: Vec<&CastRow> = if pass == 0 { rows.iter().collect() } else { rows.iter().rev().collect() };
        for r in order_rows {
            if r.named || sure.contains(&r.sentence) || !sure.iter().any(|&s| s.abs_diff(r.sentence) <= 2) {
                continue;
            }
            sure.push(r.sentence);
            add(stats, order, r.name.span.get(v.text).unwrap_or(""), r.name, Stats { person: 3, ..Stats::default() }, false);
            add(stats, order, r.part.span.get(v.text).unwrap_or(""), r.part, Stats { character: 3, ..Stats::default() }, false);
        }
    }
}

/// A line in title case ("Ballerina Is The First Big-Screen Spin-Off"): no lower-case
/// word of four letters or more outside the function words.
fn title_case_line(v: &View<'_>, a: usize, b: usize) -> bool {
    // A sentence with a closing full stop is prose, however short its words
    // ("Producers are Ben Cole and Dana Fry.").
    if b > a && v.tt(b - 1) == "." && b - a >= 4 && !v.toks[b - 2].shape.eq(&Shape::AllCaps) {
        return false;
    }
    let mut words = 0;
    for k in a..b {
        let t = v.toks[k];
        if !t.is_word() {
            continue;
        }
        words += 1;
        if t.shape == Shape::Lower
            && v.tt(k).len() >= 4
            && !is_in(&["from", "with", "into", "over", "than", "that", "this", "onto", "upon"], v.tt(k))
        {
            return false;
        }
    }
    words >= 4
}

/// The name whose possessive stands right before token `k` on its line ("Taika Waititi’s"
/// before "THOR"): two or three capitalised words, not opening with "The".
fn row_owner(v: &View<'_>, k: usize) -> Option<Run> {
    let pk = k.checked_sub(1)?;
    let cut = v.possessive_len(pk);
    if cut == 0 {
        return None;
    }
    let mut s = pk;
    while s > 0 && pk - s < 2 && v.is_upper(s - 1) && v.same_line(s - 1, s) && v.toks[s - 1].shape == Shape::Capitalized {
        s -= 1;
    }
    let ok = s < pk && v.tt(s) != "The" && (s..=pk).all(|j| v.toks[j].shape == Shape::Capitalized);
    ok.then(|| Run { first: s, last: pk + 1, span: Span::new(v.toks[s].span.start, v.toks[pk].span.end - cut), sentence: 0 })
}

/// Whether tokens `a..b` are a byline: "By", then names that start with a given name,
/// joined by commas and "and" ("By Ana Ruiz", "By J. Kim and Ben Cole").
/// A trailing outlet in parentheses ("By Ana Ruiz (AP)") is allowed and is no name: the
/// answer is the end of the names, if the tokens are a byline.
fn byline(v: &View<'_>, a: usize, b: usize) -> Option<usize> {
    let given = |k: usize| v.info.get(k).is_some_and(|w| w.is(class::FIRST_NAME)) || (v.tt(k).len() == 1 && v.tt(k + 1) == ".");
    let end = (a + 1..b).find(|&k| v.tt(k) == "(").unwrap_or(b);
    let outlet_ok = end == b || (v.tt(b - 1) == ")" && b - end <= 6);
    (v.tt(a).eq_ignore_ascii_case("by")
        && end > a + 2
        && end - a <= 16
        && outlet_ok
        && given(a + 1)
        && (a + 1..end).all(|k| v.is_upper(k) || matches!(v.tt(k), "." | "," | "and" | "&")))
    .then_some(end)
}

/// Drops sentence-initial words that only look capitalised because they start the
/// sentence ("Another", "The", "It's"), and honorifics.
fn trim_starters(v: &View<'_>, a: usize, b: usize, runs: &mut Vec<Run>) {
    runs.retain_mut(|r| {
        let at_start = (a..r.first).all(|k| !v.toks[k].is_word());
        // "Salt Creek has been renewed", "Iron Coast is coming back for…": a phrase after
        // the whole run that makes it a work keeps its common first word.
        let work_after = at_start
            && r.last - r.first >= 2
            && (release_verb_after(v, v.tt(r.last), r.last + 1, b)
                // ("Alongside Pascal, the film also stars …": a preposition opens a phrase,
                // and what follows its comma is the clause, no appositive.)
                || (v.tt(r.last) == ","
                    && !is_in(&PREPOSITIONS, v.tt(r.first))
                    && matches!(appositive_noun(v, r.last + 1, b), Some(Appositive::Work(_))))
                || super::context::ContextTable::builtin().said(v, *r, a, b).title >= 3
                // ("Campaign: The Choice (PBS, 9-10:30 p.m.)": a listing slot after it.)
                || paren_listing_after(v, r.last, b));
        while r.first < r.last {
            let w = v.tt(r.first);
            let info = v.word_info(r.first);
            // "The Acolyte premiered ...": a sentence-initial "The" before a capitalised
            // word that is no first name may begin a title.
            // ("A Knight's Tale opens …": an article before an owner and the owned word is
            // a title's start too.)
            let the_title = (w == "The" && r.last - r.first >= 2 && !v.word_info(r.first + 1).is(class::FIRST_NAME))
                || (matches!(w, "A" | "An")
                    && r.last - r.first == 2
                    && v.possessive_len(r.first + 1) > 0
                    && v.is_upper(r.last)
                    && v.same_line(r.first + 1, r.last));
            // An initial ("M. Night Shyamalan") is never a sentence starter, and a common
            // word that is also a surname before another name word ("Park Chan-wook",
            // "Young Mazino") is kept.
            let initial = w.len() == 1 && v.tt(r.first + 1) == ".";
            // "House of the Dragon premiered": a one-word run that goes on through a title
            // connector to a capital starts a title.
            let title_head = r.last - r.first == 1
                && is_in(&["of", "and", "&"], v.tt(r.last))
                && (v.is_upper(r.last + 1) || (v.tt(r.last + 1) == "the" && v.is_upper(r.last + 2)));
            // (A word that starts company names keeps its name: "Studio DEEN is ...".)
            let surname_head = info.is(class::SURNAME | class::ORG_PREFIX) && r.last - r.first >= 2 && v.is_upper(r.first + 1);
            // ("Sadly, the show …", "Unsurprisingly, …": a sentence adverb and its comma.)
            let adverb = w.len() > 4
                && w.ends_with("ly")
                && v.tt(r.first + 1) == ","
                && !info.is(class::FIRST_NAME | class::SURNAME)
                && v.toks[r.first].shape == Shape::Capitalized;
            // ("I Married a Strange Person": "I" before a capital is a title's first word.)
            let i_title = w == "I" && r.last - r.first >= 2 && v.toks[r.first + 1].shape == Shape::Capitalized;
            // ("MONDAY Newhart (CBS, 8 p.m.)": a listing's day heading in capitals is no
            // part of the work after it.)
            let day_heading = info.is(class::WEEKDAY) && v.toks[r.first].shape == Shape::AllCaps && r.last - r.first >= 2;
            if day_heading {
                r.first += 1;
                r.span.start = v.toks[r.first].span.start;
                continue;
            }
            let starter = at_start
                && !the_title
                && !i_title
                && !initial
                && !title_head
                && (is_in(&STARTERS, w)
                    || adverb
                    || (info.is(class::COMMON) && !info.is(class::FIRST_NAME) && !surname_head && !work_after));
            // "Showrunners Craig Mazin", "Director Greta Gerwig", "President Kathleen Kennedy":
            // a capitalised cue word is not part of the name.
            // ("stars as President Laura Vance", "plays Dr. Ada Lowe": after a character cue
            // the rank or honorific is the character's own, and stays.)
            // "directed by Canadian Ana Ruiz": a nationality before a given name is not
            // part of the name (not before other words: "American Hustle").
            let nationality = info.is(class::NATIONALITY)
                && r.last - r.first >= 2
                && v.word_info(r.first + 1).is(class::FIRST_NAME)
                && !v.word_info(r.first + 1).is(class::COMMON);
            // ("Producer Arnon Milchan": an unknown given name, but two name words that are
            // no common words.)
            let name_rest = (3..=4).contains(&(r.last - r.first))
                && (r.first + 1..r.last).all(|k| v.toks[k].shape == Shape::Capitalized && !v.word_info(k).is(class::COMMON));
            let honorific = nationality
                || (info.is(class::HONORIFIC)
                    || (info.is(class::ROLE_NOUN | class::PERSON_NOUN)
                        && r.last - r.first >= 2
                        && (v.word_info(r.first + 1).is(class::FIRST_NAME) || name_rest)))
                    && !after_character_cue(v, r.first, a);
            // Month and weekday words that are dates were blocked before runs formed; the ones
            // left are names and titles ("the series Wednesday", "June Squibb"), so they stay.
            if !(starter || honorific) || r.last - r.first == 0 {
                break;
            }
            r.first += 1;
            // A dropped honorific's period goes too.
            while r.first < r.last && !v.toks[r.first].is_word() {
                r.first += 1;
            }
            if r.first < r.last {
                r.span.start = v.toks[r.first].span.start;
            }
            if !starter {
                break;
            }
        }
        r.first < r.last
    });
}

/// Whether token `i` follows a character cue: "as" after a casting word or a name ("stars
/// as", "Ana Ruiz as", "comes aboard as"), a character verb ("plays", "voiced"), or "the
/// role of".
fn after_character_cue(v: &View<'_>, i: usize, a: usize) -> bool {
    let Some((p, w)) = v.word_before(i, a) else { return false };
    if v.toks[p].shape == Shape::Lower && is_in(&CHAR_VERBS, w) {
        return true;
    }
    // "takes the role of Yang-ja", "the part of Dong-gu"
    if w == "of" && v.word_before(p, a).is_some_and(|(_, w2)| is_in(&["role", "part"], w2)) {
        return true;
    }
    w.eq_ignore_ascii_case("as") && v.word_before(p, a).is_some_and(|(q, w2)| strong_before_as(v, q, w2))
}

/// Words before "as" that make what follows a part: "cast as", "returns as", "joins as".
static STRONG_AS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("evidence.strong_as"));

/// Whether word `w` (token `q`) before "as" makes what follows "as" a character.
fn strong_before_as(v: &View<'_>, q: usize, w: &str) -> bool {
    !is_in(&NOT_CHAR_AS, w) && (v.is_upper(q) && v.possessive_len(q) == 0 || w == ")" || is_in(&STRONG_AS, w))
}

/// The closing parenthesis of a list of places that starts at token `i` (after an
/// opening one) and holds only capitalised place words, commas, "and" and slashes:
/// "(Belgium, Spain)", "(Puerto Rico)", "(India/France)". At most 12 tokens.
fn place_list(v: &View<'_>, i: usize, b: usize) -> Option<usize> {
    let words = crate::lexicon::words::WordTable::builtin();
    let mut k = i;
    let mut places = 0;
    while k < b && k < i + 12 {
        match v.tt(k) {
            ")" => return (places > 0).then_some(k),
            "," | "/" | "and" | "&" => k += 1,
            w if v.is_upper(k) => {
                // A place of one or two words ("Spain", "South Korea", "Puerto Rico").
                if k + 1 < b && v.is_upper(k + 1) && v.same_line(k, k + 1) {
                    let two = &v.text[v.toks[k].span.start..v.toks[k + 1].span.end];
                    if words.info(two).is(class::PLACE) {
                        places += 1;
                        k += 2;
                        continue;
                    }
                }
                if !v.word_info(k).is(class::PLACE) && !words.info(w).is(class::PLACE) {
                    return None;
                }
                places += 1;
                k += 1;
            }
            _ => return None,
        }
    }
    None
}

/// Auxiliaries and adverbs between a work and its release verb ("will finally be set to").
static RELEASE_AUX: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("evidence.release_aux"));

/// Whether a release or delay verb follows the word `first` (whose next token is `i`)
/// after auxiliaries: "will premiere", "is finally set to open", "had been moved", "has
/// slipped", "is now expected" (a run before `first` is the work).
fn release_verb_after(v: &View<'_>, first: &str, i: usize, b: usize) -> bool {
    if !is_in(&RELEASE_AUX, first) || is_in(&["be", "been", "to", "set"], first) {
        return false;
    }
    let mut k = i;
    while k < b && k < i + 3 && is_in(&RELEASE_AUX, v.tt(k)) {
        k += 1;
    }
    let now = first == "now" || (i..k).any(|j| v.tt(j) == "now");
    // ("had first been planned for March 1999": a work is planned; people plan.)
    let planned = v.tt(k) == "planned" && k > 0 && v.tt(k - 1) == "been";
    is_in(&RELEASE_VERBS, v.tt(k)) || is_in(&DELAY_VERBS, v.tt(k)) || (now && v.tt(k) == "expected") || planned
}

/// What an appositive says its head is.
enum Appositive {
    /// A work, of the kind its title noun names.
    Work(Option<TitleKind>),
    /// A person ("X, the director of …").
    Person,
    /// A company ("InXile, a studio founded by …").
    Org(crate::facts::OrgKind),
}

/// What an appositive starting at token `i` (after a comma) says its head is: "Sound of
/// Freedom, the independent thriller from …" and "Stupid Love, one of its singles" a work,
/// "X, the director of …" a person, "InXile, a studio founded by …" a company.
fn appositive_noun(v: &View<'_>, i: usize, b: usize) -> Option<Appositive> {
    let det = v.tt(i);
    // ("one of its singles", "another of the studio's films": the same after "one of".)
    let one_of = is_in(&["one", "another", "part"], det) && v.tt(i + 1).eq_ignore_ascii_case("of");
    if !(is_in(&["the", "a", "an", "his", "her", "their", "its"], det) || one_of) {
        return None;
    }
    let words = crate::lexicon::words::WordTable::builtin();
    for k in i + 1..(i + 8).min(b) {
        let w = v.tt(k);
        // ("the Antoine Fuqua-directed biopic": hyphens stay inside the phrase.)
        if !v.toks[k].is_word() && w != "-" {
            break;
        }
        // ("a fixture of the Andy Warhol films": the head comes before "of"; the phrase
        // after it describes the head.)
        if w.eq_ignore_ascii_case("of") && !(one_of && k == i + 1) {
            break;
        }
        let wi = words.info(w);
        // ("a podcast network", "a film studio", "a comedy writer": a noun before another
        // noun modifies it; the last one is the head.)
        let modifier = k + 1 < b
            && v.toks[k + 1].shape == Shape::Lower
            && words.info(v.tt(k + 1)).is(class::ORG_NOUN | class::ROLE_NOUN | class::PERSON_NOUN);
        // ("a Canadian entry from Ana Ruiz", "a reinterpretation of the New Testament": a
        // noun for a work of no one kind names a work too.)
        let kindless = is_in(&["entry", "installment", "instalment", "adventure", "adaptation", "retelling", "reinterpretation"], w);
        if wi.is(class::TITLE_NOUN) && (wi.title.is_some() || kindless) && !modifier {
            return Some(Appositive::Work(wi.title));
        }
        if wi.is(class::ROLE_NOUN | class::PERSON_NOUN) {
            return Some(Appositive::Person);
        }
        // (Only "a studio …": ", the studio announced" is a clause; ", the company of
        // Ana Ruiz", ", the shingle behind T" is no clause.)
        let the_of = det == "the" && k + 1 < b && matches!(v.tt(k + 1), "of" | "behind" | "founded" | "run" | "owned" | "led");
        if let Some(k) =
            wi.org.filter(|_| wi.is(class::ORG_NOUN) && v.toks[k].shape == Shape::Lower && (matches!(det, "a" | "an") || the_of))
        {
            return Some(Appositive::Org(k));
        }
    }
    None
}

/// The runs that make up a parenthesis opened before token `at`, when it holds only
/// capitalised runs joined by commas, "and" or "&" ("(Edge of Tomorrow, Jumper)"); empty
/// otherwise. `next` are the sentence's runs after the one before the parenthesis.
fn paren_list(v: &View<'_>, next: &[Run], at: usize, b: usize) -> Vec<Run> {
    let mut out = Vec::new();
    let mut k = at;
    for n in next {
        if n.first < k {
            continue; // inside the member before, grown across "of"
        }
        if n.first != k {
            return Vec::new();
        }
        // ("Edge of Tomorrow": a member grows across title connectors.)
        let n = v.title_extend(*n, b);
        out.push(n);
        k = n.last;
        match v.tt(k) {
            ")" => return out,
            "," | "&" | "and" => k += 1,
            _ => return Vec::new(),
        }
        if v.tt(k) == "and" {
            k += 1;
        }
        if k >= b || out.len() > 8 {
            break;
        }
    }
    Vec::new()
}

/// Whether a one-word run is the surname of a full name seen before it in the article
/// ("Maines" after "Nicole Maines"): a person named short, as news does after the first
/// mention.
fn short_of_named(v: &View<'_>, order: &[(&str, Span)], r: Run) -> bool {
    if r.len() != 1 {
        return false;
    }
    let w = v.tt(r.first);
    order.iter().rev().take(400).any(|(s, sp)| {
        sp.end <= r.span.start
            && s.len() > w.len() + 1
            && s.ends_with(w)
            && s.as_bytes()[s.len() - w.len() - 1] == b' '
            && s.split(' ').next().is_some_and(|f| crate::lexicon::words::WordTable::builtin().info(f).is(class::FIRST_NAME))
    })
}

/// A run split at each slash with spaces on both sides ("Sisterhood / Sestri"); the run
/// itself when it has none. ("AC/DC", "Fate/Zero" keep their slash.)
fn split_spaced_slash(v: &View<'_>, r: Run) -> Vec<Run> {
    let spaced = |k: usize| v.tt(k) == "/" && k > r.first && k + 1 < r.last && !v.touching(k - 1, k) && !v.touching(k, k + 1);
    if !(r.first..r.last).any(spaced) {
        return vec![r];
    }
    // (In a numbered track list the slash joins a medley's parts: "13. Finish Line / Drown".)
    let line_start = v.text.get(..r.span.start).map_or(0, |b| b.rfind('\n').map_or(0, |i| i + 1));
    let line = v.text.get(line_start..r.span.start).unwrap_or("").trim_start();
    let numbered =
        line.starts_with(|c: char| c.is_ascii_digit()) && line.trim_start_matches(|c: char| c.is_ascii_digit()).starts_with(['.', ')']);
    if numbered {
        return vec![r];
    }
    let mut out = Vec::new();
    let mut start = r.first;
    for k in r.first..=r.last {
        if k == r.last || spaced(k) {
            if k > start {
                let span = Span::new(v.toks[start].span.start, v.toks[k - 1].span.end);
                out.push(Run { first: start, last: k, span, sentence: r.sentence });
            }
            start = k + 1;
        }
    }
    out
}
