//! Aliases and mentions: short forms link to the full name introduced in the same
//! article ("Reeves" → "Keanu Reeves", "de Armas" → "Ana de Armas", "Parabellum" → "John
//! Wick: Chapter 3 – Parabellum"), and one left-to-right pass over the tokens finds every
//! mention of every decided name, longest first. People who share a surname stay apart:
//! the bare surname goes to whichever of them was mentioned last.

use std::collections::HashMap;

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

    // Fixed lexicon hits first: they are entities whatever the context says. A short
    // organization name ("Marvel") goes to the full one the article also uses ("Marvel
    // Studios") when both are of the same kind.
    fn full_org<'a>(fixed: &[Fixed<'a>], name: &'a str, kind: crate::facts::OrgKind) -> &'a str {
        fixed
            .iter()
            .filter(|o| o.category == Category::Org(kind) && org_short(o.name) == Some(name))
            .map(|o| o.name)
            .max_by_key(|n| n.len())
            .unwrap_or(name)
    }
    for f in fixed {
        let target = match f.category {
            Category::Person => find_or_push(&mut ents.people, f.name, (), Target::Person),
            Category::Title(k) => find_or_push(&mut ents.titles, f.name, k, Target::Title),
            Category::Org(k) => find_or_push(&mut ents.orgs, full_org(fixed, f.name, k), k, Target::Org),
            Category::Publication | Category::Place => continue,
        };
        ents.mentions.push(MentionRef { span: f.span, target });
    }

    // Decided strings: multi-word people first, so single surnames become aliases.
    let mut names: HashMap<String, Vec<Target>> = HashMap::new();
    for (surface, _, _) in ents.people.iter().map(|p| (p.name.clone(), (), ())) {
        names.entry(surface).or_default();
    }
    let mut people_order: Vec<&(&str, Decision, Span)> = decided.iter().filter(|d| d.1 == Decision::Person).collect();
    people_order.sort_by_key(|d| std::cmp::Reverse(d.0.split_whitespace().count()));
    for (surface, _, _) in people_order {
        if ents.people.iter().any(|p| p.name == *surface || aliases_of(v, &p.name).iter().any(|a| a == surface)) {
            continue;
        }
        find_or_push(&mut ents.people, surface, (), Target::Person);
    }
    let person_alias: Vec<String> = ents.people.iter().flat_map(|p| aliases_of(v, &p.name)).collect();
    let is_person = |s: &str, ents: &Entities| ents.people.iter().any(|p| p.name == s) || person_alias.iter().any(|a| a == s);
    // Titles longest first, so a short form ("Endgame") finds its full title.
    let mut titles: Vec<(&str, crate::facts::TitleKind)> =
        decided.iter().filter_map(|(s, d, _)| if let Decision::Title(k) = d { Some((*s, *k)) } else { None }).collect();
    titles.sort_by_key(|t| std::cmp::Reverse(t.0.len()));
    for (surface, k) in titles {
        let short_of_longer = ents.titles.iter().any(|t| is_word_suffix(&t.name, surface));
        if !is_person(surface, &ents) && !short_of_longer && !org_alias(&ents, surface) {
            find_or_push(&mut ents.titles, surface, k, Target::Title);
        }
    }
    for (surface, d, _) in &decided {
        match *d {
            Decision::Org(k) => {
                find_or_push(&mut ents.orgs, surface, k, Target::Org);
            }
            Decision::Character => {
                if !is_person(surface, &ents) && !ents.titles.iter().any(|t| t.name == *surface) {
                    find_or_push(&mut ents.characters, surface, (), Target::Character);
                }
            }
            Decision::Person | Decision::Title(_) => {}
        }
    }
    // Titles come out in order of first appearance.
    let first_at = |name: &str| decided.iter().find(|d| d.0 == name).map_or(0, |d| d.2.start);
    if ents.mentions.iter().all(|m| !matches!(m.target, Target::Title(_))) {
        ents.titles.sort_by_key(|t| first_at(&t.name));
    }

    // The lookup table: full names, then aliases (never shadowing a full name).
    for (i, p) in ents.people.iter().enumerate() {
        names.insert(p.name.clone(), vec![Target::Person(i)]);
    }
    for (i, t) in ents.titles.iter().enumerate() {
        names.entry(t.name.clone()).or_insert_with(|| vec![Target::Title(i)]);
    }
    for (i, o) in ents.orgs.iter().enumerate() {
        names.entry(o.name.clone()).or_insert_with(|| vec![Target::Org(i)]);
    }
    for (i, c) in ents.characters.iter().enumerate() {
        names.entry(c.name.clone()).or_insert_with(|| vec![Target::Character(i)]);
    }
    let full: Vec<String> = names.keys().cloned().collect();
    let is_full = |s: &str| full.iter().any(|f| f == s);
    let mut alias_rows: Vec<(String, Target)> = Vec::new();
    for (i, p) in ents.people.iter().enumerate() {
        for a in aliases_of(v, &p.name) {
            alias_rows.push((a, Target::Person(i)));
        }
    }
    for (i, t) in ents.titles.iter().enumerate() {
        if let Some(sub) = subtitle(&t.name) {
            alias_rows.push((sub.to_string(), Target::Title(i)));
        }
    }
    for (i, t) in ents.titles.iter().enumerate() {
        for (j, other) in ents.titles.iter().enumerate() {
            if i != j && is_word_suffix(&t.name, &other.name) {
                alias_rows.push((other.name.clone(), Target::Title(i)));
            }
        }
    }
    for (i, o) in ents.orgs.iter().enumerate() {
        if let Some(short) = org_short(&o.name) {
            alias_rows.push((short.to_string(), Target::Org(i)));
        }
    }
    for (i, c) in ents.characters.iter().enumerate() {
        if let Some((first, _)) = c.name.split_once(' ') {
            if !inp.words.is(first, class::COMMON) {
                alias_rows.push((first.to_string(), Target::Character(i)));
            }
        }
    }
    for (a, t) in alias_rows {
        if is_full(&a) {
            continue;
        }
        let e = names.entry(a).or_default();
        if !e.contains(&t) {
            e.push(t);
        }
    }

    // One pass: the longest known name starting at each capitalised token.
    let max_tokens = names
        .keys()
        .map(|k| k.split_whitespace().count() + k.matches(['.', ':', '-', '–', '—', '\'', '’', '&', ',']).count())
        .max()
        .unwrap_or(0)
        .min(MAX_NAME_TOKENS);
    let mut last_seen: HashMap<Target, usize> = HashMap::new();
    for m in &ents.mentions {
        last_seen.insert(m.target, m.span.start);
    }
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
        let mut hit: Option<(usize, Span, &Vec<Target>)> = None;
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
            // A name ends at a word boundary: not inside "Jean-Luc" or before "-directed"'s letters.
            if let Some(targets) = sp.get(v.text).and_then(|s| names.get(s)) {
                if !targets.is_empty() {
                    hit = Some((j, sp, targets));
                    break;
                }
            }
        }
        match hit {
            Some((j, sp, targets)) => {
                let target = if targets.len() == 1 {
                    targets[0]
                } else {
                    // Shared surname: the one mentioned last before here.
                    *targets.iter().max_by_key(|t| last_seen.get(t).map_or(0, |&p| p + 1)).unwrap_or(&targets[0])
                };
                last_seen.insert(target, sp.start);
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

/// Whether `short` ends `long` after a word break ("Endgame" in "Avengers: Endgame").
fn is_word_suffix(long: &str, short: &str) -> bool {
    long.len() > short.len() + 1 && long.ends_with(short) && long[..long.len() - short.len()].ends_with([' ', ':', '–', '—', '-'])
}

/// An organization's name without its trailing suffix word ("Marvel" for "Marvel
/// Studios", "Sucker Punch" for "Sucker Punch Productions").
fn org_short(name: &str) -> Option<&str> {
    let (head, last) = name.rsplit_once(' ')?;
    let words = crate::lexicon::words::WordTable::builtin();
    (words.is(last, class::ORG_SUFFIX) && head.len() >= 2 && !head.eq_ignore_ascii_case("the")).then_some(head)
}

fn org_alias(ents: &Entities, s: &str) -> bool {
    ents.orgs.iter().any(|o| o.name == s || org_short(&o.name) == Some(s))
}

fn push_mention<K>(list: &mut [Entity<K>], i: usize, sp: Span) {
    if let Some(e) = list.get_mut(i) {
        if !e.mentions.contains(&sp) {
            e.mentions.push(sp);
        }
    }
}

fn find_or_push<K: Copy>(list: &mut Vec<Entity<K>>, name: &str, kind: K, wrap: fn(usize) -> Target) -> Target {
    if let Some(i) = list.iter().position(|e| e.name == name) {
        return wrap(i);
    }
    list.push(Entity { name: name.to_string(), kind, mentions: Vec::new() });
    wrap(list.len() - 1)
}

/// Short forms of a person's name: the surname ("Reeves"), a particle surname ("de
/// Armas"), a double surname ("Sandino Moreno"), and the name without its suffix
/// ("Downey" for "Robert Downey Jr.").
pub fn aliases_of(v: &View<'_>, name: &str) -> Vec<String> {
    let words = crate::lexicon::words::WordTable::builtin();
    let parts: Vec<&str> = name.split(' ').collect();
    let mut out = Vec::new();
    if parts.len() < 2 {
        return out;
    }
    let mut end = parts.len();
    while end > 1 && words.is(parts[end - 1].trim_end_matches('.'), class::SUFFIX) {
        end -= 1;
        if end >= 2 {
            out.push(parts[..end].join(" ").trim_end_matches(',').to_string());
        }
    }
    let core = &parts[..end];
    for k in 1..core.len() {
        let tail = core[k..].join(" ");
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
        out.push(t.to_string());
    }
    let _ = v;
    out
}

/// The subtitle of a title ("Parabellum" in "John Wick: Chapter 3 – Parabellum").
fn subtitle(name: &str) -> Option<&str> {
    let cut = [": ", " – ", " — ", " - "].iter().filter_map(|sep| name.rfind(sep).map(|i| i + sep.len())).max()?;
    let sub = name.get(cut..)?.trim();
    (sub.len() >= 4 && sub.starts_with(|c: char| c.is_uppercase()) && sub.contains(|c: char| c.is_lowercase())).then_some(sub)
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
