//! Credit lists: "His films include “Cujo” (1983), “Magic” (1978) and “Lassiter”",
//! "Further films on her résumé include A and B", "Lauter's other credits include A",
//! "Her albums include A and B". A noun for a kind of work owned by a person (a
//! possessive name, or "his"/"her"/"their" for the person the article is about), then
//! "include", "included", "such as" or a colon, then a list of works: each work is a
//! credit of that person.
//!
//! The role is the one the person already holds most often in the article (a director's
//! "films" are directed), else the noun's: screen work is acting, records are a
//! musician's, books a writer's. The nouns and the verbs are data
//! (`data/word_lists.txt`, `[filmography.*]`).

use std::sync::LazyLock;

use super::roles::Credit;
use super::Input;
use crate::entities::Target;
use crate::facts::RoleKind;
use crate::lexicon::lexed::Key;
use crate::lexicon::lists;
use crate::span::Span;
use crate::text::Shape;

static SCREEN_NOUNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("filmography.screen_nouns"));
static RECORD_NOUNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("filmography.record_nouns"));
static BOOK_NOUNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("filmography.book_nouns"));
static VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("filmography.verbs"));

fn is_in(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// The list nouns by key, sorted, with the role each gives when the person holds none
/// yet (looked up once per lower-case token: keys, not string comparisons).
static NOUN_ROLES: LazyLock<Vec<(Key, RoleKind)>> = LazyLock::new(|| {
    let mut v: Vec<(Key, RoleKind)> = SCREEN_NOUNS
        .iter()
        .map(|w| (Key::of(w), RoleKind::Actor))
        .chain(RECORD_NOUNS.iter().map(|w| (Key::of(w), RoleKind::Musician)))
        .chain(BOOK_NOUNS.iter().map(|w| (Key::of(w), RoleKind::Writer)))
        .collect();
    v.sort_by_key(|x| x.0);
    v
});

/// The role the list noun at token `k` gives when the person holds none yet.
fn noun_role(inp: &Input<'_>, k: usize) -> Option<RoleKind> {
    let key = inp.key(k);
    if key == Key::NONE {
        return None;
    }
    NOUN_ROLES.binary_search_by_key(&key, |x| x.0).ok().map(|i| NOUN_ROLES[i].1)
}

/// The pronoun a possessive stands for: "his" → he, "her" → she, "their" → they.
fn possessive_pronoun(w: &str) -> Option<super::roles::Pronoun> {
    use super::roles::Pronoun;
    if w.eq_ignore_ascii_case("his") {
        Some(Pronoun::He)
    } else if w.eq_ignore_ascii_case("her") {
        Some(Pronoun::She)
    } else if w.eq_ignore_ascii_case("their") {
        Some(Pronoun::They)
    } else {
        None
    }
}

/// Adds the credits of credit lists.
pub fn find(inp: &Input<'_>, out: &mut Vec<Credit>) {
    let main = std::cell::OnceCell::new();
    for s in inp.sentences {
        let (a, b) = (s.first, s.last.min(inp.toks.len()));
        if b - a > super::MAX_SENTENCE_TOKENS {
            continue;
        }
        for k in a..b {
            if inp.toks[k].shape != Shape::Lower {
                continue;
            }
            let Some(default_role) = noun_role(inp, k) else { continue };
            let Some(list_start) = list_start(inp, k + 1, b) else { continue };
            // (A name's possessive before an appositive, "Ana Ruiz's novel, “Salt Harbor”",
            // names an owner, not a stated credit; "her novel, “Salt Harbor”" about the
            // article's person states it.)
            let appositive = inp.tt(k + 1) == ",";
            let owner = owner_before(inp, a, k).or_else(|| owner_after(inp, k + 1, list_start)).and_then(|o| match o {
                Owner::Person(_) if appositive => None,
                Owner::Person(p) => Some(p),
                Owner::Pronoun(pr) => {
                    let (main, usual) = *main.get_or_init(|| (super::roles::main_person(inp), super::roles::usual_pronoun(inp).0));
                    main.filter(|_| usual == Some(pr))
                }
            });
            let Some(person) = owner else { continue };
            let works = works_from(inp, list_start, b);
            if works.is_empty() {
                continue;
            }
            let role = usual_role(out, person, default_role);
            for t in works {
                if out.iter().any(|c| c.person == person && c.title == Some(t) && c.role == role) {
                    continue;
                }
                out.push(Credit { person, role, character: None, title: Some(t), evidence: s.span, rule: "code.credit-list".into() });
            }
        }
    }
}

enum Owner {
    Person(usize),
    Pronoun(super::roles::Pronoun),
}

/// The owner right before the noun at `k` (a few lower-case words between: "his other
/// notable films"): "his", "her", "their", or a person's possessive ("Lauter's").
fn owner_before(inp: &Input<'_>, a: usize, k: usize) -> Option<Owner> {
    let mut j = k;
    while j > a && k - j < 4 {
        j -= 1;
        let w = inp.tt(j);
        if let Some(p) = possessive_pronoun(w) {
            return Some(Owner::Pronoun(p));
        }
        if w.ends_with("'s") || w.ends_with("’s") || matches!(w, "'" | "’") {
            let at = inp.toks[j].span.start;
            return inp.mentions_in(Span::new(inp.toks[a].span.start, inp.toks[j].span.end)).iter().rev().find_map(|m| match m.target {
                Target::Person(p) if m.span.end >= at => Some(Owner::Person(p)),
                _ => None,
            });
        }
        if inp.toks[j].shape != Shape::Lower {
            return None;
        }
    }
    None
}

/// The owner between the noun and the verb: "films on his résumé include".
fn owner_after(inp: &Input<'_>, from: usize, to: usize) -> Option<Owner> {
    (from..to).find_map(|j| possessive_pronoun(inp.tt(j)).map(Owner::Pronoun))
}

/// Where the list starts after the noun: past "include(d)", "including", "such as" or a
/// colon, at most seven lower-case words after the noun ("films on his résumé include",
/// "novels drew their protagonists from that background:"), or right after a comma that
/// follows it (an appositive: "his first novel, “Salt Harbor,” was …").
fn list_start(inp: &Input<'_>, from: usize, b: usize) -> Option<usize> {
    // ("his first novel, “He Ran All the Way,” was published": an appositive right after
    // the noun names the work.)
    if inp.tt(from) == "," {
        return Some(from + 1);
    }
    for j in from..(from + 8).min(b) {
        let w = inp.tt(j);
        if w == ":" || is_in(&VERBS, w) {
            return Some(j + 1);
        }
        if w.eq_ignore_ascii_case("such") && inp.tt(j + 1).eq_ignore_ascii_case("as") {
            return Some(j + 2);
        }
        if inp.toks[j].shape != Shape::Lower {
            return None;
        }
    }
    None
}

/// The works listed from token `from`: the first title mention there (quotes skipped),
/// then each one joined to it by a comma or "and", a year or note in parentheses after a
/// work skipped ("“Cujo” (1983), “Magic” (1978) and “Lassiter”").
fn works_from(inp: &Input<'_>, from: usize, b: usize) -> Vec<usize> {
    let end = inp.toks.get(b.saturating_sub(1)).map_or(inp.text.len(), |t| t.span.end);
    let start = inp.toks.get(from).map_or(end, |t| t.span.start);
    let mut out = Vec::new();
    let mut expect = from;
    for m in inp.mentions_in(Span::new(start, end)) {
        let Target::Title(t) = m.target else { break };
        let (f, l) = (inp.tok_at(m.span.start), inp.tok_at(m.span.end));
        // (Nothing but opening quotes before the first work.)
        let joined = if out.is_empty() {
            (expect..f).all(|j| matches!(inp.tt(j), "“" | "\"" | "‘"))
        } else {
            super::joins_works(inp, expect, f)
        };
        if !joined || out.contains(&t) {
            break;
        }
        out.push(t);
        expect = l;
    }
    out
}

/// The role `person` holds most often in `credits` so far, else `default`.
fn usual_role(credits: &[Credit], person: usize, default: RoleKind) -> RoleKind {
    let mut counts: Vec<(RoleKind, usize)> = Vec::new();
    for c in credits.iter().filter(|c| c.person == person) {
        match counts.iter_mut().find(|x| x.0 == c.role) {
            Some(x) => x.1 += 1,
            None => counts.push((c.role, 1)),
        }
    }
    // (On a tie, the role held first.)
    counts.into_iter().rev().max_by_key(|x| x.1).map_or(default, |x| x.0)
}
