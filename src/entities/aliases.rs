//! Aliases and mentions: short forms link to the full name introduced in the same
//! article ("Reeves" → "Keanu Reeves", "de Armas" → "Ana de Armas", "Parabellum" → "John
//! Wick: Chapter 3 – Parabellum"), and one left-to-right pass over the tokens finds every
//! mention of every decided name, longest first. People who share a surname stay apart:
//! the bare surname goes to whichever of them was mentioned last.

use crate::hash::{FxHashMap, FxHashSet};

use super::evidence::{Decided, Decision};
use super::runs::View;
use super::{Entities, Entity, Fixed, Input, MentionRef, Target};
use crate::lexicon::words::class;
use crate::lexicon::Category;
use crate::span::Span;

/// Longest name looked up, in tokens.
const MAX_NAME_TOKENS: usize = 16;

/// Builds the entity lists and their mentions.
pub fn resolve<'t, 'g>(v: &View<'t>, inp: &Input<'t>, fixed: &[Fixed<'g>], decided: Decided<'t>) -> Entities {
    let mut ents = Entities::default();
    let mut idx = Index::default();

    // Fixed lexicon hits first: they are entities whatever the context says. A short
    // organization name ("Marvel") goes to the full one the article also uses ("Marvel
    // Studios") when both are of the same kind.
    // A parent's name ("Sony", kind `other`) used beside one of its arms ("Sony Pictures")
    // means that arm, when the article names only one.
    let mut full_org: FxHashMap<(&str, crate::facts::OrgKind), &str> = FxHashMap::default();
    let mut arm_of: FxHashMap<&str, Option<&str>> = FxHashMap::default();
    for o in fixed {
        if let (Category::Org(k), Some(short)) = (o.category, org_short(o.name)) {
            let e = full_org.entry((short, k)).or_insert(o.name);
            if o.name.len() > e.len() {
                *e = o.name;
            }
            let arm = arm_of.entry(short).or_insert(Some(o.name));
            if *arm != Some(o.name) {
                *arm = None;
            }
        }
    }
    // "EA" beside "Electronic Arts": an acronym of an organization the article names in
    // full is that organization.
    // (Only when the article has an all-caps organization name; each distinct full name
    // is then looked at once, its initials built on the stack.)
    let mut org_kinds: FxHashMap<&str, crate::facts::OrgKind> = FxHashMap::default();
    let mut expansions: FxHashMap<&str, &str> = FxHashMap::default();
    let is_acronym = |n: &str| (2..=6).contains(&n.len()) && n.bytes().all(|c| c.is_ascii_uppercase());
    if fixed.iter().any(|f| matches!(f.category, Category::Org(_)) && is_acronym(f.name)) {
        let shorts: FxHashSet<&str> =
            fixed.iter().filter(|f| matches!(f.category, Category::Org(_)) && is_acronym(f.name)).map(|f| f.name).collect();
        for f in fixed {
            if let Category::Org(k) = f.category {
                if org_kinds.insert(f.name, k).is_none() && f.name.contains(' ') {
                    for skip_lower in [false, true] {
                        let mut buf = [0u8; 6];
                        if let Some(short) = initials(f.name, skip_lower, &mut buf).and_then(|i| shorts.get(i)) {
                            expansions.entry(short).or_insert(f.name);
                        }
                    }
                }
            }
        }
    } else if arm_of.values().any(Option::is_some) {
        for f in fixed {
            if let Category::Org(k) = f.category {
                org_kinds.entry(f.name).or_insert(k);
            }
        }
    }
    for f in fixed {
        let target = match f.category {
            Category::Person => find_or_push(&mut ents.people, &mut idx.people, f.name, (), Target::Person),
            Category::Title(k) => find_or_push(&mut ents.titles, &mut idx.titles, f.name, k, Target::Title),
            Category::Org(k) => {
                let (name, k) = match (full_org.get(&(f.name, k)), arm_of.get(f.name), expansions.get(f.name)) {
                    (Some(full), _, _) => (*full, k),
                    (None, Some(Some(arm)), _) if k == crate::facts::OrgKind::Other => (*arm, org_kinds.get(arm).copied().unwrap_or(k)),
                    (None, _, Some(long)) => (*long, org_kinds.get(long).copied().unwrap_or(k)),
                    _ => (f.name, k),
                };
                find_or_push(&mut ents.orgs, &mut idx.orgs, name, k, Target::Org)
            }
            Category::Publication | Category::Place => continue,
        };
        ents.mentions.push(MentionRef { span: f.span, target });
    }

    // Decided strings: multi-word people first, so single surnames become aliases.
    // (The people so far are the lexicon's: their names are the hits' own.)
    let mut person_keys: FxHashSet<&str> = FxHashSet::default();
    for f in fixed.iter().filter(|f| f.category == Category::Person) {
        person_keys.insert(f.name);
        aliases_of(f.name, |a| {
            person_keys.insert(a);
        });
    }
    let mut people_order: Vec<&(&str, Decision, Span)> = decided.iter().filter(|d| d.1 == Decision::Person).collect();
    people_order.sort_by_cached_key(|d| std::cmp::Reverse(d.0.split_whitespace().count()));
    // "Lindsay Mendez as Mary Flynn ... the writer Mary": a lone given name that starts a
    // character's name is that character, not a person.
    let character_first: FxHashSet<&str> =
        decided.iter().filter(|d| d.1 == Decision::Character).filter_map(|d| d.0.split_once(' ').map(|(first, _)| first)).collect();
    for (surface, _, _) in people_order {
        if person_keys.contains(*surface) || (!surface.contains(' ') && character_first.contains(*surface)) {
            continue;
        }
        find_or_push(&mut ents.people, &mut idx.people, surface, (), Target::Person);
        person_keys.insert(surface);
        aliases_of(surface, |a| {
            person_keys.insert(a);
        });
    }
    let org_keys: FxHashSet<&str> = ents.orgs.iter().flat_map(|o| [Some(o.name.as_str()), org_short(&o.name)]).flatten().collect();
    // (Decided titles: a short form among them counts only where the writer quotes it,
    // “Stella”, “Paradise”, looked up in the text only for those few candidates.)
    let decided_titles: FxHashSet<&str> = decided.iter().filter(|d| matches!(d.1, Decision::Title(_))).map(|d| d.0).collect();
    // Titles longest first, so a short form ("Endgame") finds its full title.
    let mut titles: Vec<(&str, crate::facts::TitleKind, Span)> =
        decided.iter().filter_map(|(s, d, sp)| if let Decision::Title(k) = d { Some((*s, *k, *sp)) } else { None }).collect();
    titles.sort_by_key(|t| std::cmp::Reverse(t.0.len()));
    // (The titles so far are the lexicon's, in the order of their hits.)
    let fixed_titles = fixed.iter().filter(|f| matches!(f.category, Category::Title(_))).map(|f| f.name);
    // (Short forms: the words a title ends with, and its main title before a dash.)
    let mut title_suffixes: FxHashSet<&str> = fixed_titles.clone().flat_map(|t| word_suffixes(t).chain(main_title(t))).collect();
    // "GTA VI" for "Grand Theft Auto VI", "MCU" for "Marvel Cinematic Universe".
    // (By name: the title list is reordered below.)
    let mut acronyms: Vec<(&str, &str)> = Vec::new();
    let mut by_initials = AcronymIndex::default();
    for name in fixed_titles {
        by_initials.add(name);
    }
    for (surface, k, at) in titles {
        // A name the mention pass cannot start (at a lexicon hit) is never found: kept,
        // it would only shadow the shorter titles it ends with ("Netflix Sets …,
        // Including Rilakkuma's Theme Park Adventure", a headline-long candidate that
        // starts with the streamer's name, swallowed "Theme Park Adventure").
        if starts_blocked(v, at) {
            continue;
        }
        if let Some(name) = by_initials.find(surface).filter(|name| acronym_of(surface, name)) {
            acronyms.push((surface, name));
            continue;
        }
        if !person_keys.contains(surface) && !title_suffixes.contains(surface) && !org_keys.contains(surface) {
            let n = ents.titles.len();
            find_or_push(&mut ents.titles, &mut idx.titles, surface, k, Target::Title);
            if ents.titles.len() > n {
                by_initials.add(surface);
            }
            title_suffixes.extend(word_suffixes(surface));
            title_suffixes.extend(main_title(surface));
            title_suffixes.extend(name_words(surface).filter(|w| decided_titles.contains(w) && quoted_somewhere(inp.text, w)));
        }
    }
    for (surface, d, _) in &decided {
        match *d {
            Decision::Org(k) => {
                find_or_push(&mut ents.orgs, &mut idx.orgs, surface, k, Target::Org);
            }
            Decision::Character => {
                if !person_keys.contains(*surface) && !idx.titles.contains_key(*surface) {
                    find_or_push(&mut ents.characters, &mut idx.characters, surface, (), Target::Character);
                }
            }
            Decision::Person | Decision::Title(_) => {}
        }
    }
    // Titles come out in order of first appearance.
    if ents.mentions.iter().all(|m| !matches!(m.target, Target::Title(_))) {
        let mut first_at: FxHashMap<&str, usize> = FxHashMap::default();
        for d in &decided {
            first_at.entry(d.0).or_insert(d.2.start);
        }
        ents.titles.sort_by_key(|t| first_at.get(t.name.as_str()).copied().unwrap_or(0));
    }

    // The lookup table: full names, then aliases (never shadowing a full name).
    // (Keys borrow the entities' names and the text: the table was rebuilt from copied
    // strings for every article, half of all allocations, issue 18.)
    let mut names: FxHashMap<&str, Targets> = FxHashMap::default();
    for (i, p) in ents.people.iter().enumerate() {
        names.insert(&p.name, Targets::one(Target::Person(i)));
    }
    for (i, t) in ents.titles.iter().enumerate() {
        names.entry(&t.name).or_insert(Targets::one(Target::Title(i)));
    }
    for (i, o) in ents.orgs.iter().enumerate() {
        names.entry(&o.name).or_insert(Targets::one(Target::Org(i)));
    }
    for (i, c) in ents.characters.iter().enumerate() {
        names.entry(&c.name).or_insert(Targets::one(Target::Character(i)));
    }
    let full: FxHashSet<&str> = names.keys().copied().collect();
    let mut alias_rows: Vec<(&str, Target)> = Vec::new();
    for (i, p) in ents.people.iter().enumerate() {
        aliases_of(&p.name, |a| alias_rows.push((a, Target::Person(i))));
    }
    // (Decided titles written in quotes somewhere: “Paradise”, ‘Stella’. A short form the
    // writer quotes is the work's, where an unquoted one may be a run's leftover.)
    let title_index: FxHashMap<&str, usize> = ents.titles.iter().enumerate().map(|(i, t)| (t.name.as_str(), i)).collect();
    for (i, t) in ents.titles.iter().enumerate() {
        if let Some(sub) = subtitle(&t.name) {
            alias_rows.push((sub, Target::Title(i)));
        }
        if let Some(main) = main_title(&t.name) {
            alias_rows.push((main, Target::Title(i)));
        }
        // Another decided title that ends this one is its short form (“Paradise” for
        // “Return to Paradise,”), and so is a name word inside a long one (“Stella” for
        // “How Stella Got Her Groove Back”).
        for suffix in word_suffixes(&t.name).chain(name_words(&t.name)) {
            if title_index.get(suffix).is_some_and(|&j| j != i)
                || (decided_titles.contains(suffix) && !title_index.contains_key(suffix) && quoted_somewhere(inp.text, suffix))
            {
                alias_rows.push((suffix, Target::Title(i)));
            }
        }
    }
    for (i, o) in ents.orgs.iter().enumerate() {
        if let Some(short) = org_short(&o.name) {
            alias_rows.push((short, Target::Org(i)));
        }
    }
    for (a, full_name) in acronyms {
        if let Some(&i) = title_index.get(full_name) {
            alias_rows.push((a, Target::Title(i)));
        }
    }
    for (i, c) in ents.characters.iter().enumerate() {
        if let Some((first, _)) = c.name.split_once(' ') {
            if !inp.words.is(first, class::COMMON) {
                alias_rows.push((first, Target::Character(i)));
            }
        }
    }
    for (a, t) in alias_rows {
        if full.contains(a) {
            continue;
        }
        match names.entry(a) {
            std::collections::hash_map::Entry::Occupied(mut e) => {
                if !e.get().contains(t) {
                    e.get_mut().more.push(t);
                }
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(Targets::one(t));
            }
        }
    }

    // One pass: the longest known name starting at each capitalised token.
    // (A punctuation mark inside a word is a token and splits the word in two: "Ana
    // Ruiz-Lopez" is four tokens, so each counts twice; counted once, the full name was
    // never looked up and its surname alias took its place.)
    let max_tokens = names.keys().map(|k| name_tokens(k)).max().unwrap_or(0).min(MAX_NAME_TOKENS);
    // The first words of the names, each with the byte lengths of its names (bit `len %
    // 64`): a span is only looked up when some name starting there has its length.
    let mut first_words: FxHashMap<&str, u64> = FxHashMap::default();
    for k in names.keys() {
        *first_words.entry(alnum_prefix(k)).or_default() |= 1 << (k.len() % 64);
    }
    let mut last_seen: FxHashMap<Target, usize> = FxHashMap::default();
    for m in &ents.mentions {
        last_seen.insert(m.target, m.span.start);
    }
    // What the headline names: the article's subjects (the headline is read first).
    let headline = inp.article.headline;
    let mut in_headline: Vec<Target> = Vec::new();
    let toks = v.toks;
    let mut found: Vec<MentionRef> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let starts_name = v.is_upper(i) || (toks[i].is_word() && toks[i].shape != crate::text::Shape::Lower);
        let after_hyphen = i > 0 && v.tt(i - 1) == "-" && v.touching(i - 1, i);
        if !starts_name || v.blocked.get(i).copied().unwrap_or(true) || after_hyphen {
            i += 1;
            continue;
        }
        // Only tokens that begin some known name are worth the longer lookups.
        let Some(&lengths) = first_words.get(alnum_prefix(v.tt(i))) else {
            i += 1;
            continue;
        };
        let mut hit: Option<(usize, Span, &Targets)> = None;
        let mut end = i;
        while end < toks.len()
            && end < i + max_tokens
            && (end == i || v.same_line(end - 1, end))
            && !v.blocked.get(end).copied().unwrap_or(true)
        {
            end += 1;
        }
        for j in (i..end).rev() {
            let stop = toks[j].span.end - v.possessive_len(j);
            let sp = Span::new(toks[i].span.start, stop);
            if lengths & 1 << (stop.wrapping_sub(sp.start) % 64) == 0 {
                continue;
            }
            // A name ends at a word boundary: not inside "Jean-Luc" or before "-directed"'s letters.
            if let Some(targets) = sp.get(v.text).and_then(|s| names.get(s)) {
                hit = Some((j, sp, targets));
                break;
            }
        }
        match hit {
            Some((j, sp, targets)) => {
                let subjects: Vec<Target> = targets.iter().copied().filter(|t| in_headline.contains(t)).collect();
                let target = if targets.more.is_empty() {
                    targets.first
                } else if let [subject] = subjects[..] {
                    // Shared surname, one of them the headline's: news calls the subject by
                    // the bare surname and a relative by the full name ("his wife, Donna
                    // Brown Guillaume, said ... Guillaume also built a career").
                    subject
                } else {
                    // Otherwise the one mentioned last before here.
                    *targets.iter().max_by_key(|t| last_seen.get(t).map_or(0, |&p| p + 1)).unwrap_or(&targets.first)
                };
                last_seen.insert(target, sp.start);
                if headline.is_some_and(|h| h.contains(sp)) && !in_headline.contains(&target) {
                    in_headline.push(target);
                }
                found.push(MentionRef { span: sp, target });
                i = j + 1;
            }
            None => i += 1,
        }
    }
    ents.mentions.extend(found);
    ents.mentions.sort_by_key(|m| (m.span.start, m.span.end));
    ents.mentions.dedup_by(|a, b| a.span.overlaps(b.span));

    for m in &ents.mentions {
        match m.target {
            Target::Person(i) => push_mention(&mut ents.people, i, m.span),
            Target::Title(i) => push_mention(&mut ents.titles, i, m.span),
            Target::Org(i) => push_mention(&mut ents.orgs, i, m.span),
            Target::Character(i) => push_mention(&mut ents.characters, i, m.span),
        }
    }
    compact(&mut ents);
    ents
}

/// The entities a name may stand for, in the order they were added: nearly always one,
/// kept inline.
struct Targets {
    first: Target,
    more: Vec<Target>,
}

impl Targets {
    fn one(t: Target) -> Targets {
        Targets { first: t, more: Vec::new() }
    }

    fn iter(&self) -> impl Iterator<Item = &Target> {
        std::iter::once(&self.first).chain(&self.more)
    }

    fn contains(&self, t: Target) -> bool {
        self.iter().any(|&x| x == t)
    }
}

/// Titles by their initials and trailing words, so that finding the title an acronym
/// abbreviates is one lookup (scanning every title for each made a page of 10,000 titles
/// take 6 s). Keys follow [`acronym_of`]: the initials of the leading words (function
/// words counted or not, ASCII capitals packed in a `u64`) and a hash of up to three
/// trailing words kept as written; a lookup is confirmed with [`acronym_of`].
#[derive(Default)]
struct AcronymIndex<'n> {
    map: FxHashMap<(u64, u64), &'n str>,
}

impl<'n> AcronymIndex<'n> {
    const MAX_TAIL: usize = 3;

    fn add(&mut self, name: &'n str) {
        let mut words = [""; 16];
        let mut n = 0;
        for w in name.split(' ').filter(|w| !w.is_empty()) {
            match words.get_mut(n) {
                Some(slot) => *slot = w,
                // (A name of more than 16 words abbreviates to more than six letters,
                // whatever its tail.)
                None => return,
            }
            n += 1;
        }
        let words = &words[..n];
        for tail in 0..=Self::MAX_TAIL.min(n.saturating_sub(2)) {
            let (lead, rest) = words.split_at(n - tail);
            let mut h = TailHash::default();
            for (k, w) in rest.iter().enumerate() {
                if k > 0 {
                    h.add(b" ");
                }
                h.add(w.as_bytes());
            }
            for skip_lower in [false, true] {
                if let Some(initials) = packed_initials(lead, skip_lower) {
                    self.map.entry((initials, h.0)).or_insert(name);
                }
            }
        }
    }

    /// The first title added that `short` may abbreviate (to confirm with [`acronym_of`]).
    fn find(&self, short: &str) -> Option<&'n str> {
        let (head, rest) = short.split_once(' ').unwrap_or((short, ""));
        if head.len() < 2 || head.len() > 6 || !head.chars().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        let mut h = TailHash::default();
        h.add(rest.as_bytes());
        let initials = head.bytes().fold(0u64, |acc, b| acc << 8 | u64::from(b.to_ascii_uppercase()));
        self.map.get(&(initials, h.0)).copied()
    }
}

/// A hash of a string fed in pieces (the same for the same bytes however they are cut).
#[derive(Default)]
struct TailHash(u64);

impl TailHash {
    fn add(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

/// [`lead_initials`] packed one byte each in a `u64`, when they are two to six ASCII
/// characters (the only ones an acronym can match).
fn packed_initials(lead: &[&str], skip_lower: bool) -> Option<u64> {
    let mut out = 0u64;
    let mut n = 0;
    for w in lead.iter().filter(|w| !(skip_lower && w.starts_with(|c: char| c.is_lowercase()))) {
        let Some(c) = w.chars().find(|c| c.is_alphanumeric()) else { continue };
        // (A letter whose capital is not ASCII can match no acronym.)
        let up = u8::try_from(c.to_ascii_uppercase()).ok().filter(|b| b.is_ascii() && c.is_ascii())?;
        out = out << 8 | u64::from(up);
        n += 1;
        if n > 6 {
            return None;
        }
    }
    (n >= 2).then_some(out)
}

/// The capital initials of `lead` (words starting lower case left out with `skip_lower`).
fn lead_initials(lead: &[&str], skip_lower: bool) -> String {
    lead.iter()
        .filter(|w| !(skip_lower && w.starts_with(|c: char| c.is_lowercase())))
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether `short` abbreviates `long`: its first word is the capital initials of the
/// first words of `long` (function words counted or not: "GoT", "GOT", "TLOU", "MCU") and
/// the rest is the same ("GTA VI" for "Grand Theft Auto VI").
pub(crate) fn acronym_of(short: &str, long: &str) -> bool {
    let mut sw = short.split(' ');
    let Some(head) = sw.next() else { return false };
    let rest: Vec<&str> = sw.collect();
    if head.len() < 2 || head.len() > 6 || !head.chars().all(|c| c.is_ascii_alphabetic()) || !head.chars().any(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let words: Vec<&str> = long.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() < rest.len() + 2 {
        return false;
    }
    let (lead, tail) = words.split_at(words.len() - rest.len());
    if !tail.iter().zip(&rest).all(|(a, b)| a == b) {
        return false;
    }
    let up = head.to_ascii_uppercase();
    lead.len() >= 2 && (lead_initials(lead, false) == up || lead_initials(lead, true) == up)
}

/// The capital initials of a name of two to six words ("EA" for "Electronic Arts"), with
/// or without its lower-case words, written into `buf` (ASCII only).
fn initials<'b>(name: &str, skip_lower: bool, buf: &'b mut [u8; 6]) -> Option<&'b str> {
    let mut n = 0;
    for w in name.split(' ').filter(|w| !w.is_empty()) {
        let c = w.chars().find(|c| c.is_alphanumeric())?;
        if skip_lower && w.starts_with(char::is_lowercase) {
            continue;
        }
        *buf.get_mut(n)? = u8::try_from(c).ok().filter(u8::is_ascii)?.to_ascii_uppercase();
        n += 1;
    }
    let words = name.split(' ').filter(|w| !w.is_empty()).count();
    if words < 2 || n < 2 {
        return None;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// An organization's name without its trailing suffix word ("Marvel" for "Marvel
/// Studios", "Sucker Punch" for "Sucker Punch Productions") or its region ("Fremantle" for
/// the regional arm "Fremantle Australia", "Netflix" for "Netflix Latin America").
fn org_short(name: &str) -> Option<&str> {
    let name = name.strip_suffix(" America").filter(|n| n.ends_with(" Latin")).unwrap_or(name);
    let (head, last) = name.rsplit_once(' ')?;
    let words = crate::lexicon::words::WordTable::builtin();
    ((words.is(last, class::ORG_SUFFIX) || super::is_org_region(last)) && head.len() >= 2 && !head.eq_ignore_ascii_case("the"))
        .then_some(head)
}

/// Adds a mention; mentions arrive in text order, so a repeat can only be the last one
/// (a scan of all of them made a name repeated 100,000 times quadratic).
fn push_mention<K>(list: &mut [Entity<K>], i: usize, sp: Span) {
    if let Some(e) = list.get_mut(i) {
        if e.mentions.last() != Some(&sp) {
            e.mentions.push(sp);
        }
    }
}

/// The leading letters and digits of a string ("O" of "O'Brien", "10" of "10,000").
fn alnum_prefix(s: &str) -> &str {
    // (ASCII letters and digits first, byte by byte; characters from the first other byte.)
    let ascii = s.bytes().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(s.len());
    let end = s[ascii..].char_indices().find(|&(_, c)| !c.is_alphanumeric()).map_or(s.len(), |(i, _)| ascii + i);
    &s[..end]
}

fn find_or_push<'n, K: Copy>(
    list: &mut Vec<Entity<K>>,
    index: &mut FxHashMap<&'n str, usize>,
    name: &'n str,
    kind: K,
    wrap: fn(usize) -> Target,
) -> Target {
    if let Some(&i) = index.get(name) {
        return wrap(i);
    }
    list.push(Entity { name: name.to_string(), kind, mentions: Vec::new() });
    index.insert(name, list.len() - 1);
    wrap(list.len() - 1)
}

/// Name-to-index maps of the entity lists, so lookups stay constant-time on huge inputs.
/// (Keys borrow the names from the lexicons and the text.)
#[derive(Default)]
struct Index<'n> {
    people: FxHashMap<&'n str, usize>,
    titles: FxHashMap<&'n str, usize>,
    orgs: FxHashMap<&'n str, usize>,
    characters: FxHashMap<&'n str, usize>,
}

/// The proper word suffixes of a title: "Endgame" and nothing else for "Avengers:
/// Endgame"; "Ash" and "Fire and Ash" for "Avatar: Fire and Ash".
fn word_suffixes(name: &str) -> impl Iterator<Item = &str> {
    name.char_indices().filter(|&(i, c)| i > 0 && matches!(c, ' ' | ':' | '–' | '—' | '-')).filter_map(move |(i, c)| {
        let rest = name.get(i + c.len_utf8()..)?.trim_start();
        (!rest.is_empty()).then_some(rest)
    })
}

/// Whether `name` stands right after an opening quotation mark somewhere in `text`, with
/// a closing mark or a comma and a closing mark right after it (“Paradise”, ‘Stella’).
fn quoted_somewhere(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(i, _)| {
        let before = text.get(..i).is_some_and(|b| b.ends_with(['“', '‘', '"', '\'']));
        let after =
            text.get(i + name.len()..).is_some_and(|a| a.trim_start_matches([',', '.', '!', '?']).starts_with(['”', '’', '"', '\'']));
        before && after
    })
}

/// The words inside a title of four words or more that a writer may shorten it to, when
/// the article also has that word alone as a title: words that are neither the first nor
/// the last, capitalised, alphabetic, of four letters or more ("Stella" in "How Stella Got
/// Her Groove Back"). No colon: a franchise head is no short form.
fn name_words(name: &str) -> impl Iterator<Item = &str> {
    let n = name.split(' ').count();
    let ok = n >= 4 && !name.contains(':');
    name.split(' ')
        .enumerate()
        .filter(move |&(i, w)| {
            ok && i > 0 && i + 1 < n && w.len() >= 4 && w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(char::is_alphabetic)
        })
        .map(|(_, w)| w)
}

/// Short forms of a person's name: the surname ("Reeves"), a particle surname ("de
/// Armas"), a double surname ("Sandino Moreno"), and the name without its suffix
/// ("Downey" for "Robert Downey Jr.").
pub fn aliases_of<'n>(name: &'n str, mut out: impl FnMut(&'n str)) {
    let words = crate::lexicon::words::WordTable::builtin();
    if !name.contains(' ') {
        return;
    }
    let parts: Vec<&str> = name.split(' ').collect();
    // `parts[a..b]` joined by spaces, as a slice of `name` (the words are its pieces).
    let start = |k: usize| parts[..k].iter().map(|p| p.len() + 1).sum::<usize>();
    let joined = |a: usize, b: usize| name.get(start(a)..start(b) - 1).unwrap_or("");
    let mut end = parts.len();
    while end > 1 && words.is(parts[end - 1].trim_end_matches('.'), class::SUFFIX) {
        end -= 1;
        if end >= 2 {
            out(joined(0, end).trim_end_matches(','));
        }
    }
    let core = &parts[..end];
    for k in 1..core.len() {
        let tail = joined(k, end);
        let head = core[k];
        let is_initial = head.len() <= 2 && head.ends_with('.');
        let particle = words.is(head, class::PARTICLE) && head.chars().next().is_some_and(char::is_lowercase);
        if is_initial || (k < core.len() - 1 && !particle && !words.is(core[k], class::SURNAME)) {
            continue;
        }
        let t = tail.trim_end_matches(',');
        let last = core[core.len() - 1];
        if core.len() - k == 1 && words.is(last, class::COMMON) && !words.is(last, class::SURNAME) {
            continue;
        }
        out(t);
    }
}

/// The subtitle of a title ("Parabellum" in "John Wick: Chapter 3 – Parabellum").
fn subtitle(name: &str) -> Option<&str> {
    // (Most titles have no colon or dash: '–' and '—' start with byte E2.)
    if !name.bytes().any(|b| matches!(b, b':' | b'-' | 0xE2)) {
        return None;
    }
    let cut = [": ", " – ", " — ", " - "].iter().filter_map(|sep| name.rfind(sep).map(|i| i + sep.len())).max()?;
    let sub = name.get(cut..)?.trim();
    (sub.len() >= 4 && sub.starts_with(|c: char| c.is_uppercase()) && sub.contains(|c: char| c.is_lowercase())).then_some(sub)
}

/// The main title before a spaced dash ("A Rat's Quest" in "A Rat's Quest - The Way Back
/// Home"): two words or more, so a series head ("Mission" of "Mission: Impossible")
/// stays out. (A colon's head is often a franchise ("Star Wars: Andor"), so only dashes.)
fn main_title(name: &str) -> Option<&str> {
    if !name.bytes().any(|b| matches!(b, b'-' | 0xE2)) {
        return None;
    }
    let cut = [" – ", " — ", " - "].iter().filter_map(|sep| name.find(sep)).min()?;
    let main = name.get(..cut)?.trim();
    (main.split(' ').count() >= 2 && !main.contains(':')).then_some(main)
}

/// Whether the token at the start of `sp` may not start a name (a lexicon hit).
fn starts_blocked(v: &View<'_>, sp: Span) -> bool {
    let first = v.toks.partition_point(|t| t.span.end <= sp.start);
    v.toks.get(first).is_some_and(|t| t.span.start == sp.start) && v.blocked.get(first).copied().unwrap_or(false)
}

/// The tokens the mention pass counts for a name: its words, and each punctuation mark
/// inside a word twice (it is a token and splits the word in two).
fn name_tokens(k: &str) -> usize {
    // (A parenthesis, "!" or "?" sits at a word's edge: one token more each.)
    k.split_whitespace().count()
        + 2 * k.matches(['.', ':', '-', '–', '—', '\'', '’', '&', ',']).count()
        + k.matches(['(', ')', '!', '?']).count()
}

/// Drops entities without mentions and renumbers the mention targets.
fn compact(ents: &mut Entities) {
    fn remap<K>(list: &mut Vec<Entity<K>>) -> Vec<Option<usize>> {
        let mut map = Vec::with_capacity(list.len());
        let mut n = 0;
        for e in list.iter() {
            if e.mentions.is_empty() {
                map.push(None);
            } else {
                map.push(Some(n));
                n += 1;
            }
        }
        list.retain(|e| !e.mentions.is_empty());
        map
    }
    let (p, t, o, c) = (remap(&mut ents.people), remap(&mut ents.titles), remap(&mut ents.orgs), remap(&mut ents.characters));
    ents.mentions.retain_mut(|m| {
        let new = match m.target {
            Target::Person(i) => p.get(i).copied().flatten().map(Target::Person),
            Target::Title(i) => t.get(i).copied().flatten().map(Target::Title),
            Target::Org(i) => o.get(i).copied().flatten().map(Target::Org),
            Target::Character(i) => c.get(i).copied().flatten().map(Target::Character),
        };
        match new {
            Some(n) => {
                m.target = n;
                true
            }
            None => false,
        }
    });
}

#[cfg(test)]
mod tests {
    use super::acronym_of;

    /// One line per case: short form, full title, whether it abbreviates it.
    #[test]
    fn acronym_table() {
        let cases: &[(&str, &str, bool)] = &[
            ("GTA VI", "Grand Theft Auto VI", true),
            ("GTA", "Grand Theft Auto", true),
            ("MCU", "Marvel Cinematic Universe", true),
            ("TLOU", "The Last of Us", true),
            ("GoT", "Game of Thrones", true),
            ("GOT", "Game of Thrones", true),
            ("GT", "Grand Theft Auto", false),
            ("GTA V", "Grand Theft Auto VI", false),
            ("Dune", "Dune: Part Two", false),
            ("A", "Avatar", false),
            ("RDR2", "Red Dead Redemption 2", false),
        ];
        for (short, long, want) in cases {
            assert_eq!(acronym_of(short, long), *want, "{short:?} / {long:?}");
        }
    }
}
