//! Credits: who holds which role on which title.
//!
//! People are read in *groups*: a person, or a list of people joined by commas and
//! "and" ("Wiseman & Shay Hatten, and Emerald Fennell"). A cue on the left of a group
//! ("director X", "directed by X", "starring X", "the cast includes X") or on its right
//! ("X directs", "X, who plays Y", "X will star as Y", "X rounds out the cast") gives
//! every member the role; "as Y" and "(Y)" give one member a character. The title is the
//! cue's object ("directed Dune"), else the nearest title of the sentence, else the
//! article's focal title.

use super::characters::{cast_copula, character_after, character_of, name_before, paired_characters, voice_casts};
use super::Input;
use crate::entities::Target;
use crate::facts::RoleKind;
use crate::hash::FxHashMap;
use crate::lexicon::lexed::{key, keys, Key};
use crate::lexicon::lists;
use crate::lexicon::words::{class, WordTable};
use crate::span::Span;
use crate::text::Shape;
use std::sync::LazyLock;

/// A credit found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credit {
    /// Index into `Entities::people`.
    pub person: usize,
    /// The role.
    pub role: RoleKind,
    /// The character, when stated.
    pub character: Option<String>,
    /// Index into `Entities::titles`.
    pub title: Option<usize>,
    /// The sentence it was read from.
    pub evidence: Span,
    /// The rule that read it (`family.phrasing`).
    pub rule: std::borrow::Cow<'static, str>,
}

/// Words skipped between a group of people and a verb on its right.
pub(super) static AUX: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("roles.aux"));

/// Words that end a character name introduced by "as".
static CAST_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("roles.cast_cues"));
static CAST_NOUNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("roles.cast_nouns"));

pub(super) fn is_in(list: &[&str], w: &str) -> bool {
    w.len() <= 16 && list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// One mention in a sentence, with its token range.
#[derive(Clone, Copy, Debug)]
pub(super) struct Item {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) target: Target,
}

/// Finds the credits of the article.
pub fn find(inp: &Input<'_>, focal: Option<usize>, out: &mut Vec<Credit>) {
    let words = WordTable::builtin();
    let mut seen = FxHashMap::default();
    let mut prev_title: Option<usize> = None;
    // The last person named, for "her album" (reset at a paragraph break).
    let mut last_person: Option<usize> = None;
    let mut prev_end = 0usize;
    let sections = inp.section_titles();
    let dominant = inp.dominant_title();
    // Pronoun subjects ("She later directed X"): the article's person, the previous
    // sentence's subject, and whether the paragraph names anyone else.
    let main = main_person(inp);
    let (usual, strong) = usual_pronoun(inp);
    let mut prev_subject: Option<usize> = None;
    let mut rule_scratch = super::rules::Scratch::default();
    // Whether the previous sentence also named people other than its subject.
    let mut prev_others = false;
    let mut para_other = false;
    for s in inp.sentences {
        // Under a list heading ("Toy Story 5 (June 19)"), "the film" is the heading's.
        let section = super::section_at(&sections, s.span.start);
        let focal = section.or(focal);
        // Carry a title only within the same paragraph.
        if inp.text.get(prev_end..s.span.start).is_none_or(|gap| gap.contains("\n")) {
            prev_title = None;
            last_person = None;
            prev_subject = None;
            prev_others = false;
            para_other = false;
        }
        prev_end = s.span.end;
        // The sentence's last title, known-for references ("Detroit (2017)", "returning
        // John Wick players") aside.
        // ("Rust and Bone scribe Thomas Bidegain": a work before a role noun and a name is
        // what the person is known for, not the paragraph's work.)
        let known_for_label = |end: usize| {
            let mut k = inp.tok_at(end);
            if matches!(inp.tt(k), "”" | "\"" | "’") {
                k += 1;
            }
            inp.toks.get(k).is_some_and(|t| t.shape == Shape::Lower) && words.info(inp.tt(k)).is(class::ROLE_NOUN)
        };
        let this_title = inp.mentions_in(s.span).iter().rev().find_map(|m| match m.target {
            Target::Title(t)
                if !inp.parenthetical(m.span)
                    && !is_in(&["players", "veterans", "alums", "alumni", "stars", "actors"], inp.tt(inp.tok_at(m.span.end)))
                    && !known_for_label(m.span.end) =>
            {
                Some(t)
            }
            _ => None,
        });
        let (a, b) = (s.first, s.last.min(inp.toks.len()));
        if b - a > super::MAX_SENTENCE_TOKENS {
            continue;
        }
        let mut items: Vec<Item> = inp
            .mentions_in(s.span)
            .iter()
            .map(|m| Item {
                first: inp.tok_at(m.span.start),
                last: inp.tok_at(m.span.end).max(inp.tok_at(m.span.start) + 1),
                target: m.target,
            })
            .collect();
        // "he", "she", "they" as a subject stand for a person, read like the name.
        let named_subject = subject_of(inp, &items, a, b);
        let mut subject = named_subject.map(|(p, _)| p);
        let mut pronoun_person = None;
        for k in a..b {
            if !inp.is(k, PRONOUNS) {
                continue;
            }
            let Some(pron) = pronoun_subject(inp, a, k) else { continue };
            let p = match named_subject {
                Some((p, at)) if at < k => Some(p),
                _ if items.iter().any(|it| it.first < k && matches!(it.target, Target::Person(q) if Some(q) != pronoun_person)) => None,
                // Others named beside the last subject compete with it, unless the
                // article is about that subject and calls it so throughout.
                _ => match prev_subject {
                    Some(p) if !prev_others || (Some(p) == main && strong && usual == Some(pron)) => Some(p),
                    Some(_) => None,
                    None => main.filter(|_| !para_other || (strong && usual == Some(pron))),
                },
            };
            // A pronoun the article does not use for its person is someone else's.
            let Some(p) = p.filter(|&p| Some(p) != main || usual == Some(pron)) else { continue };
            let at = items.partition_point(|it| it.first < k);
            items.insert(at, Item { first: k, last: k + 1, target: Target::Person(p) });
            pronoun_person = Some(p);
            if k == a {
                subject = Some(p);
            }
        }
        for it in &items {
            if let Target::Person(p) = it.target {
                para_other |= Some(p) != main && Some(p) != pronoun_person;
            }
        }
        if subject.is_some() || items.iter().any(|it| matches!(it.target, Target::Person(_))) {
            prev_subject = subject;
            prev_others = items.iter().any(|it| matches!(it.target, Target::Person(q) if Some(q) != subject));
        }
        let titles: Vec<(usize, usize, bool)> = items
            .iter()
            .filter_map(|it| match it.target {
                // A title in parentheses right after a person is a known-for credit, and one
                // that modifies a cast noun ("returning John Wick players") is where the
                // actors come from, not the work they are credited on now.
                Target::Title(t) => Some((
                    t,
                    it.first,
                    inp.in_parens(it.first, it.last)
                        || is_in(&["players", "veterans", "alums", "alumni", "stars", "actors"], inp.tt(it.last)),
                )),
                _ => None,
            })
            .collect();
        // ("the film Dune" names its work: no pointing back.)
        let the_film =
            (a..b).any(|k| inp.is(k, keys!["the", "this"]) && super::film_word(inp.tt(k + 1)) && !titles.iter().any(|t| t.1 == k + 2));
        // `skip`: tokens whose titles are not the credit's (an appositive's known-for work).
        let title_for = |at: usize, object: Option<usize>, skip: (usize, usize)| -> Option<usize> {
            if object.is_some() {
                return object;
            }
            let near = titles.iter().filter(|t| !t.2 && !(skip.0..skip.1).contains(&t.1)).min_by_key(|t| t.1.abs_diff(at)).map(|t| t.0);
            match near {
                // "the film follows X" names the article's work even beside another title.
                _ if the_film && focal.is_some() => section.or(dominant).or_else(|| inp.topic_title(s.span.start)).or(prev_title).or(focal),
                Some(t) => Some(t),
                // "... around that action movie": the title of the sentence just before, in
                // the same paragraph, else the article's.
                None => prev_title.or_else(|| inp.topic_title(s.span.start)).or(focal),
            }
        };

        // Award categories name the role of every nominee: "Best Director nominations went
        // to Sean Baker for Anora", "a Best Actor field that includes ...".
        let award_role = (a..b).find_map(|k| {
            if inp.key(k) != key!("best") || inp.tt(k) != "Best" {
                return None;
            }
            (k + 1..(k + 3).min(b)).find_map(|j| match inp.tt(j) {
                "Director" => Some(RoleKind::Director),
                "Actor" | "Actress" => Some(RoleKind::Actor),
                "Screenplay" => Some(RoleKind::Writer),
                "Score" => Some(RoleKind::Composer),
                "Cinematography" => Some(RoleKind::Cinematographer),
                "Editing" => Some(RoleKind::Editor),
                _ => None,
            })
        });

        // A sentence that casts ("plays", "voices", "stars as"): there "X is Y" names X's
        // character ("Michelle Yeoh is Madame Morrible").
        let cast_sentence = (a..b).any(|k| {
            inp.is(k, keys!["plays", "played", "voices", "voiced", "portrays", "portrayed"])
                || (inp.key(k) == key!("as") && inp.is(k.wrapping_sub(1), keys!["stars", "star", "cast", "back", "returns"]))
        });
        // Groups of people: commas, "and", "&" and "(Character)" between them.
        let people: Vec<usize> = (0..items.len()).filter(|&i| matches!(items[i].target, Target::Person(_))).collect();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for &pi in &people {
            let joined = groups.last().and_then(|g| g.last()).is_some_and(|&last| {
                let mut k = items[last].last;
                // skip a parenthetical "(Character)"
                if inp.tt(k) == "(" {
                    while k < b && inp.tt(k) != ")" {
                        k += 1;
                    }
                    k += 1;
                }
                // A member followed by its own verb starts a clause: "directed by Joe Russo
                // and Anthony Russo, and Robert Downey Jr. stars as Doom", "directed by
                // Anderson, Hackman played". (A list's verb agrees with the list: "A, B and
                // C star".)
                let next = items[pi].last;
                let verb = inp.toks.get(next).is_some_and(|t| t.shape == Shape::Lower) && words.info(inp.tt(next)).is(class::ROLE_VERB);
                let bare_comma = items[pi].first == k + 1 && inp.tt(k) == ",";
                let singular = inp.tt(next).ends_with('s') && !inp.tt(next).ends_with("ss");
                let own_clause = verb && (bare_comma || (singular && inp.tt(items[pi].first - 1) == "and" && inp.tt(k) == ","));
                !own_clause && crate::text::joins_list(k, label_start(inp, words, k, items[pi].first), |x| inp.tt(x))
            });
            if joined {
                if let Some(g) = groups.last_mut() {
                    g.push(pi);
                }
            } else {
                groups.push(vec![pi]);
            }
        }

        if !groups.is_empty() {
            rule_scratch.read_sentence(inp, s);
        }
        for g in &groups {
            let first = items[g[0]].first;
            let last = items[*g.last().unwrap_or(&g[0])].last;
            let mut found: Vec<(RoleKind, Option<usize>)> = Vec::new();
            // A partner's own verb wins over the one it shares: "brought on to direct, with
            // Shay Hatten working on the screenplay".
            let partner = left_cue(inp, words, a, first, &items, &mut found);
            let shared = found.len();
            right_cue(inp, words, last, b, &items, &mut found);
            // ("Guitarist Omar Diaz plays on “T”": a musician's label and "plays" make one
            // musician's credit, not also an actor's.)
            if found.iter().any(|f| f.0 == RoleKind::Musician)
                && inp.is(last, keys!["plays", "played", "play", "playing"])
                && inp.is(last + 1, keys!["on"])
            {
                found.retain(|f| f.0 != RoleKind::Actor);
            }
            let own_verb = inp.toks.get(last).is_some_and(|t| t.shape == Shape::Lower)
                && (inp.tt(last).ends_with("ing") || (inp.tt(last) == "as" && words.info(inp.tt(last + 1)).is(class::ROLE_NOUN)));
            if partner && own_verb && found.len() > shared {
                found.drain(..shared);
            }
            // Rules as data (data/rules/*.rules) read a phrasing more exactly than the
            // cue words above: where one matches, it decides.
            let hits = super::rules::hits(inp, first, last, a, b, &mut rule_scratch);
            // "Hye-kyo, who is known for “The Glory,” will play Min-ja": the predicate
            // after an appositive is the group's too; its credits take no work from inside
            // the appositive, and its character is theirs alone.
            let pred = appositive_end(inp, last, b).map(|p| {
                let mut pred = predicate(inp, words, &items, first, p, a, b, &mut rule_scratch);
                for x in &mut pred.found {
                    x.1 = x.1.or_else(|| title_for(first, None, (last, p)));
                }
                pred
            });
            let rule_character = hits.iter().find_map(|h| h.character.clone());
            let by_pronoun = pronoun(inp.tt(first)).is_some();
            let rule: std::borrow::Cow<'static, str> = hits
                .first()
                .map(|h| h.rule.clone())
                .or_else(|| pred.as_ref().and_then(|p| p.rule.clone()))
                .unwrap_or(if by_pronoun { "code.pronoun-subject".into() } else { "code.cue-words".into() });
            // ("X, who played C in T, joins the series W": a rule after a relative clause
            // keeps the clause's own credits, with their character, beside its own.)
            let past_clause = hits.iter().any(|h| h.past_clause);
            let clause_found = if past_clause { std::mem::take(&mut found) } else { Vec::new() };
            if !hits.is_empty() {
                found = hits.iter().map(|h| (h.role, h.title)).collect();
                // "She later led the sitcom Riverbend and played a judge on Highwater": a
                // second verb of the same subject after the rule's phrase.
                if hits.iter().all(|h| h.right) && !past_clause {
                    more_verbs(inp, words, &items, last, b, &mut found, Some(&mut rule_scratch));
                }
            }
            let paired = if g.len() >= 2 { paired_characters(inp, last, b, g.len()) } else { None };
            for (gi, &ii) in g.iter().enumerate() {
                let it = items[ii];
                let Target::Person(p) = it.target else { continue };
                let character = match &paired {
                    _ if g.len() == 1 && rule_character.is_some() => rule_character.clone(),
                    Some(names) => names.get(gi).cloned(),
                    None => character_of(inp, &items, ii, b).or_else(|| cast_copula(inp, &items, ii, b, cast_sentence)),
                };
                let mut roles = found.clone();
                // A member's own right cue ("X plays Y") when the group has none.
                if roles.is_empty() && g.len() > 1 {
                    right_cue(inp, words, it.last, b, &items, &mut roles);
                }
                // "Sean Baker for Anora", "Jesse Plemons in Bugonia": the person's own work.
                let own = own_title(inp, &items, ii);
                if roles.is_empty() {
                    if let (Some(r), Some(_)) = (award_role, own) {
                        roles.push((r, None));
                    }
                }
                if roles.is_empty() && character.is_some() {
                    roles.push((RoleKind::Actor, None));
                }
                let pred_roles =
                    pred.iter().flat_map(|pr| pr.found.iter().map(|&(r, o)| (r, o, pr.character.clone().filter(|_| g.len() == 1))));
                let own_character = if past_clause { rule_character.clone().filter(|_| g.len() == 1) } else { character.clone() };
                let roles: Vec<_> = roles
                    .into_iter()
                    .map(|(r, o)| (r, o, own_character.clone()))
                    .chain(clause_found.iter().map(|&(r, o)| (r, o, character.clone())))
                    .chain(pred_roles)
                    .collect();
                for (role, object, character) in roles {
                    let title = title_for(it.first, object.or(own), (0, 0));
                    let character = if matches!(role, RoleKind::Actor | RoleKind::Voice) { character } else { None };
                    push(out, &mut seen, Credit { person: p, role, character, title, evidence: s.span, rule: rule.clone() });
                }
            }
        }
        // "her seventh studio album, Man's Best Friend", "Short n' Sweet, her sixth
        // album", "Carpenter's album Emails I Can't Send": an artist's own record.
        // (A list of records shares its owner: "her first albums — A (2015), B (2016) and C".)
        let mut owned: Option<(usize, usize)> = None;
        for (ti, it) in items.iter().enumerate() {
            let Target::Title(t) = it.target else { continue };
            let listed = owned.and_then(|(pi, p)| {
                let mut k = items[pi].last;
                if inp.tt(k) == "(" && inp.tt(k + 2) == ")" {
                    k += 3;
                }
                crate::text::joins_list(k, it.first, |x| inp.tt(x)).then_some(p)
            });
            match record_owner(inp, &items, ti, a, b, last_person).or(listed) {
                Some(p) => {
                    push(
                        out,
                        &mut seen,
                        Credit {
                            person: p,
                            role: RoleKind::Musician,
                            character: None,
                            title: Some(t),
                            evidence: s.span,
                            rule: "code.own-record".into(),
                        },
                    );
                    owned = Some((ti, p));
                }
                None => owned = None,
            }
        }
        if let Some(p) = items.iter().rev().find_map(|it| if let Target::Person(p) = it.target { Some(p) } else { None }) {
            last_person = Some(p);
        }
        // "Eve Macarro (Ana de Armas)": a character, then its actor in parentheses. After
        // "Blue (voiced by Ana Ruiz)" the pairs of the same list are voice parts too:
        // "…, Pip (Tom Hale) and Dot (Lia Chen)".
        let mut voiced = false;
        // After "Mera is played by Amber Heard;", the role of each later segment "Vulko by
        // Willem Dafoe" (the verb left out).
        let mut elliptic: Option<RoleKind> = None;
        for (i, it) in items.iter().enumerate() {
            let Target::Person(p) = it.target else { continue };
            if let Some(role) = elliptic {
                if let Some(character) = elided_part(inp, it.first, a) {
                    let title = title_for(it.first, None, (0, 0));
                    let credit = Credit {
                        person: p,
                        role,
                        character: Some(character),
                        title,
                        evidence: s.span,
                        rule: "code.character-by-elided".into(),
                    };
                    push(out, &mut seen, credit);
                    continue;
                }
            }
            // "His boss is Fate, played by Ivo Marsh": the name before the comma is the part.
            // ("Ada Lowe will be played by Lena Moss": the passive's subject, too.)
            let mut before_verb = it.first.saturating_sub(3);
            while before_verb > a && inp.is(before_verb, keys!["is", "was", "be", "been", "will", "has", "have", "being"]) {
                before_verb -= 1;
            }
            let passive = before_verb + 3 < it.first && before_verb + 1 < it.first;
            if it.first >= a + 4
                && inp.is(it.first - 1, keys!["by"])
                && inp.is(it.first - 2, keys!["played", "portrayed", "voiced"])
                && (inp.tt(it.first - 3) == "," || passive)
            {
                let end = if inp.tt(it.first - 3) == "," { it.first - 3 } else { before_verb + 1 };
                let prev_person = i.checked_sub(1).is_some_and(|j| items[j].last == end && matches!(items[j].target, Target::Person(_)));
                if let Some(character) = name_before(inp, end, a).filter(|_| !prev_person) {
                    let role = if inp.is(it.first - 2, keys!["voiced"]) { RoleKind::Voice } else { RoleKind::Actor };
                    elliptic = Some(role);
                    let title = title_for(it.first, None, (0, 0));
                    push(
                        out,
                        &mut seen,
                        Credit {
                            person: p,
                            role,
                            character: Some(character),
                            title,
                            evidence: s.span,
                            rule: "code.character-played-by".into(),
                        },
                    );
                }
                continue;
            }
            if inp.tt(it.last) != ")" || it.first < a + 2 {
                continue;
            }
            let by = it.first >= a + 3 && inp.is(it.first - 1, keys!["by"]) && inp.is(it.first - 2, keys!["voiced"]);
            let open = if by { it.first - 3 } else { it.first - 1 };
            if inp.tt(open) != "(" || open == a {
                continue;
            }
            let character = match i.checked_sub(1).map(|j| items[j]) {
                Some(prev) if prev.last == open => match prev.target {
                    // (With the honorific the entity stage read as a title of address:
                    // "Dr. Silas Crane (Marcus Hale)".)
                    Target::Character(c) => inp.ents.characters.get(c).map(|e| {
                        let f = prev.first;
                        if f >= a + 2 && inp.tt(f - 1) == "." && WordTable::builtin().info(inp.tt(f - 2)).is(class::HONORIFIC) {
                            format!("{}. {}", inp.tt(f - 2), e.name)
                        } else {
                            e.name.clone()
                        }
                    }),
                    _ => continue,
                },
                // (A name the entity stage did not keep as a character: "Blue (voiced by").
                _ if by => name_before(inp, open, a),
                _ => None,
            };
            let Some(character) = character else { continue };
            voiced |= by;
            let title = title_for(it.first, None, (0, 0));
            let (role, rule) =
                if voiced { (RoleKind::Voice, "code.character-voice-paren") } else { (RoleKind::Actor, "code.character-actor-paren") };
            push(out, &mut seen, Credit { person: p, role, character: Some(character), title, evidence: s.span, rule: rule.into() });
        }
        // The last title named so far in the paragraph carries over.
        if this_title.is_some() {
            prev_title = this_title;
        }
    }
    voice_casts(inp, out);
}

/// The part of an elided passive segment that ends at the person at token `first`: "; Vulko
/// by Willem Dafoe", "; Tom Curry by Oscar nominee Temuera Morrison" (a semicolon, a
/// capitalised part, "by", at most three words of description).
fn elided_part(inp: &Input<'_>, first: usize, a: usize) -> Option<String> {
    let by = (first.saturating_sub(4).max(a)..first).rev().find(|&k| inp.is(k, keys!["by"]))?;
    if (by + 1..first).any(|k| matches!(inp.tt(k), "," | ";" | "(" | ")")) {
        return None;
    }
    let semi = (a..by).rev().find(|&k| inp.tt(k) == ";")?;
    // (The whole segment before "by" is the part: capitalised words, "Orm/Ocean Master".)
    let whole = by > semi + 1
        && by - (semi + 1) <= 5
        && (semi + 1..by).all(|k| matches!(inp.toks[k].shape, Shape::Capitalized | Shape::AllCaps) || inp.tt(k) == "/");
    whole
        .then(|| crate::span::Span::new(inp.toks[semi + 1].span.start, inp.toks[by - 1].span.end).get(inp.text).map(str::to_string))
        .flatten()
}

/// Subject pronouns, by the person they stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pronoun {
    He,
    She,
    They,
}

/// The subject pronouns [`pronoun`] reads.
const PRONOUNS: &[Key] = keys!["he", "she", "they"];

fn pronoun(w: &str) -> Option<Pronoun> {
    match w.len() {
        2 if w.eq_ignore_ascii_case("he") => Some(Pronoun::He),
        3 if w.eq_ignore_ascii_case("she") => Some(Pronoun::She),
        4 if w.eq_ignore_ascii_case("they") => Some(Pronoun::They),
        _ => None,
    }
}

/// A subject pronoun at token `k`: at the sentence start or after a comma, "and" or
/// "but" ("In 1990, she directed ...", "... and he wrote ..."), a lower-case word after.
fn pronoun_subject(inp: &Input<'_>, a: usize, k: usize) -> Option<Pronoun> {
    let p = pronoun(inp.tt(k))?;
    // ("In 1985 she joined …": a year phrase may open the sentence with no comma.)
    let year_phrase = k > a + 1
        && k <= a + 4
        && matches!(inp.tt(a).to_ascii_lowercase().as_str(), "in" | "by" | "from" | "after" | "since" | "until")
        && inp.toks[k - 1].shape == Shape::Digits
        && inp.tt(k - 1).len() == 4;
    // ("Over his career he directed …", "Later she led …": a short adverbial opening with no
    // comma and no verb, `roles.pronoun_openers`.)
    static OPENERS: std::sync::LazyLock<Vec<&'static str>> =
        std::sync::LazyLock::new(|| crate::lexicon::lists::get("roles.pronoun_openers"));
    let adverbial = k > a
        && k <= a + 4
        && OPENERS.iter().any(|o| inp.tt(a).eq_ignore_ascii_case(o))
        && (a + 1..k)
            .all(|j| inp.toks[j].is_word() && !WordTable::builtin().info(inp.tt(j)).is(class::ROLE_VERB) && pronoun(inp.tt(j)).is_none());
    let starts = k == a || year_phrase || adverbial || matches!(inp.tt(k - 1), "," | "and" | "but" | "“" | "\"");
    (starts && inp.toks.get(k + 1).is_some_and(|t| t.shape == Shape::Lower)).then_some(p)
}

/// The pronoun an article uses for people, when one clearly dominates ("she", "her",
/// "hers" against "he", "him", "his" and "they", "them", "their"): a profile's person.
/// Also whether it is used often (three times or more).
pub(super) fn usual_pronoun(inp: &Input<'_>) -> (Option<Pronoun>, bool) {
    let mut n = [0usize; 3];
    for k in 0..inp.toks.len() {
        let i = if inp.is(k, keys!["he", "him", "his", "himself"]) {
            0
        } else if inp.is(k, keys!["she", "her", "hers", "herself"]) {
            1
        } else if inp.is(k, keys!["they", "them", "their"]) {
            2
        } else {
            continue;
        };
        n[i] += 1;
    }
    let [he, she, they] = n;
    // (Plural "they" is everywhere: it names a person only where no "he" or "she" is.)
    if he > 3 * she {
        (Some(Pronoun::He), he >= 3)
    } else if she > 3 * he {
        (Some(Pronoun::She), she >= 3)
    } else if they >= 3 && he + she == 0 {
        (Some(Pronoun::They), true)
    } else {
        (None, false)
    }
}

/// A sentence's subject: one person (not a list, not a possessive) opening it, or after
/// a short opening phrase and a comma ("In 1990, Ana Ruiz ..."); the person and the token
/// after the name.
fn subject_of(inp: &Input<'_>, items: &[Item], a: usize, b: usize) -> Option<(usize, usize)> {
    let first = items.first()?;
    let Target::Person(p) = first.target else { return None };
    let opens = first.first == a || (first.first <= a + 5 && inp.tt(first.first - 1) == ",");
    let k = first.last;
    let possessive = matches!(inp.tt(k), "'s" | "’s" | "'" | "’");
    let listed =
        matches!(inp.tt(k), "and" | "&" | ",") && items.get(1).is_some_and(|x| matches!(x.target, Target::Person(_)) && x.first <= k + 2);
    (opens && k < b && !possessive && !listed).then_some((p, k))
}

/// The person an article is about: the headline's subject, else the first sentence's.
/// Where an honour label before a list member starts ("…, Academy Award nominee
/// Quvenzhané Wallis", "…, Tony winner Ana Ruiz"): award words, then "winner",
/// "nominee", an "-winning"/"-nominated" adjective or a performer noun; `to` when there
/// is none (at most five tokens back, not before `from`).
fn label_start(inp: &Input<'_>, words: &WordTable, from: usize, to: usize) -> usize {
    let mut k = to;
    let mut head = false;
    while k > from && to - k < 5 {
        let w = inp.tt(k - 1);
        let award = inp.toks[k - 1].shape != Shape::Lower && (words.info(w).is(class::AWARD) || w == "Academy");
        let noun = is_in(&["winner", "nominee", "actor", "actress", "star", "newcomer", "veteran"], w)
            || w.ends_with("-winning")
            || w.ends_with("-nominated");
        if !(award || noun) {
            break;
        }
        head |= noun;
        k -= 1;
    }
    if head {
        k
    } else {
        to
    }
}

pub(super) fn main_person(inp: &Input<'_>) -> Option<usize> {
    let first_person = |sp: Span| {
        let a = inp.tok_at(sp.start);
        let b = inp.tok_at(sp.end);
        let ms = inp.mentions_in(sp);
        // (The first person named, after any works a title-case line lists before it:
        // "Bugonia, Jay Kelly Head To …"; not the object of a sentence, "She produced T
        // with Omar Diaz".)
        let m = ms.iter().find(|m| matches!(m.target, Target::Person(_)))?;
        let Target::Person(p) = m.target else { return None };
        if (a..inp.tok_at(m.span.start)).any(|k| inp.toks[k].shape == Shape::Lower) {
            return None;
        }
        let k = inp.tok_at(m.span.start);
        let alone = !ms.iter().any(|x| matches!(x.target, Target::Person(q) if q != p));
        let possessive = matches!(inp.tt(inp.tok_at(m.span.end)), "'s" | "’s" | "'" | "’");
        ((k == a || alone) && k < b && !possessive).then_some(p)
    };
    if let Some(p) = inp.article.headline.and_then(first_person) {
        return Some(p);
    }
    let body = inp.article.paragraphs.first()?;
    let s = inp.sentences.iter().find(|s| s.span.start >= body.start)?;
    first_person(s.span)
}

static ANIMATION_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("roles.animation_words"));
static LIVE_ACTION_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("roles.live_action_words"));

/// Words before "show" that make a show's star its host: "talk show", "game show".
static HOST_SHOW_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("roles.host_show_words"));

/// Acting credits retyped by what the article says the work is, in one pass over its
/// sentences:
/// - on an animated work they are voice parts: a work is animated when a sentence (the
///   headline too) names it beside a word such as "anime" or "animated", and no
///   live-action version is spoken of there ("‘Harbor Lights’ Anime Premiere Date Set",
///   then "- Ana Ruiz as Turi");
/// - on a work named in a sentence that calls something a talk or game show they are its
///   hosts' ("the lighthearted syndicated talk show … stars Regis Philbin and Kathie Lee
///   Gifford"), when no character is named.
pub fn retype_by_kind_of_work(inp: &Input<'_>, credits: &mut [Credit]) {
    if !credits.iter().any(|c| c.role == RoleKind::Actor && c.title.is_some()) {
        return;
    }
    let mut animated: Vec<usize> = Vec::new();
    let mut hosted: Vec<usize> = Vec::new();
    for s in inp.sentences {
        let (a, b) = (s.first, s.last.min(inp.toks.len()));
        let says = |lo: usize, hi: usize, list: &[&str]| (lo.max(a)..hi.min(b)).any(|k| is_in(list, inp.tt(k)));
        let animation = says(a, b, &ANIMATION_WORDS) && !says(a, b, &LIVE_ACTION_WORDS);
        let show = (a..b).any(|k| {
            is_in(&HOST_SHOW_WORDS, inp.tt(k))
                && (inp.tt(k + 1).eq_ignore_ascii_case("show") || (inp.tt(k + 1) == "-" && inp.tt(k + 2).eq_ignore_ascii_case("show")))
        });
        if !animation && !show {
            continue;
        }
        for m in inp.mentions_in(s.span) {
            let Target::Title(t) = m.target else { continue };
            // (The animation word beside the name: "the anime Harbor Lights", "‘Harbor
            // Lights’ Anime", not "… and two animated series, A and B" for a third work.)
            let (f, l) = (inp.tok_at(m.span.start), inp.tok_at(m.span.end));
            if animation && (says(f.saturating_sub(3), f, &ANIMATION_WORDS) || says(l, l + 3, &ANIMATION_WORDS)) {
                animated.push(t);
            }
            if show {
                hosted.push(t);
            }
        }
    }
    // The headline's word is the article's work's: "… Cast, Plot and Release Date of the
    // New Japanese Animated Film".
    if let (Some(h), Some(t)) = (inp.article.headline, inp.dominant_title()) {
        let (a, b) = (inp.tok_at(h.start), inp.tok_at(h.end));
        if (a..b).any(|k| is_in(&ANIMATION_WORDS, inp.tt(k))) && !(a..b).any(|k| is_in(&LIVE_ACTION_WORDS, inp.tt(k))) {
            animated.push(t);
        }
    }
    for c in credits.iter_mut().filter(|c| c.role == RoleKind::Actor) {
        if c.title.is_some_and(|t| animated.contains(&t)) {
            c.role = RoleKind::Voice;
        } else if c.character.is_none() && c.title.is_some_and(|t| hosted.contains(&t)) {
            c.role = RoleKind::Host;
        }
    }
}

/// Record nouns after which a title is an artist's own release.
static RECORD_NOUNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("roles.record_nouns"));

/// The artist whose record the title at `items[ti]` is: a possessive owner ("Carpenter's
/// album T", "T, her sixth album", "her seventh studio album, T"), the pronoun standing
/// for the last person named (`last`) or the nearest person before in the sentence.
fn record_owner(inp: &Input<'_>, items: &[Item], ti: usize, a: usize, b: usize, last: Option<usize>) -> Option<usize> {
    let it = items[ti];
    // The phrase before the title ("her seventh studio album, ") or after it (", her
    // sixth album").
    let before_phrase = {
        let mut k = it.first;
        if k > a && matches!(inp.tt(k - 1), "," | "—" | "–" | ":") {
            k -= 1;
        }
        let noun = k.checked_sub(1).filter(|&n| n >= a && is_in(&RECORD_NOUNS, inp.tt(n)));
        noun.map(|n| (n, true))
    };
    let after_phrase = (inp.tt(it.last) == ",")
        .then(|| (it.last + 1..(it.last + 6).min(b)).find(|&n| is_in(&RECORD_NOUNS, inp.tt(n))))
        .flatten()
        .map(|n| (n, false));
    let (noun, before) = before_phrase.or(after_phrase)?;
    // Walk from the noun back to its determiner over lower-case modifiers and ordinals.
    let lo = if before { a } else { it.last + 1 };
    let mut k = noun;
    let mut steps = 0;
    while k > lo && steps < 5 && (inp.toks[k - 1].shape == Shape::Lower || inp.toks[k - 1].shape == Shape::Digits) {
        if is_in(&["her", "his", "their"], inp.tt(k - 1)) {
            // The pronoun's person: the sentence's subject before it, else the last named.
            let subject = items.iter().rev().find(|x| x.last < k && matches!(x.target, Target::Person(_)));
            return match subject.map(|x| x.target) {
                Some(Target::Person(p)) => Some(p),
                _ => last,
            };
        }
        k -= 1;
        steps += 1;
    }
    // "Carpenter's album": a person's possessive.
    let owner = items.iter().rev().find(|x| matches!(x.target, Target::Person(_)) && x.last <= k && k - x.last <= 2)?;
    let gap: Vec<&str> = (owner.last..k).map(|j| inp.tt(j)).collect();
    let possessive =
        matches!(gap.as_slice(), ["'s"] | ["’s"] | ["'", "s"] | ["’", "s"] | ["'"] | ["’"]) || inp.tt(owner.last - 1).ends_with("'s");
    match owner.target {
        Target::Person(p) if possessive => Some(p),
        _ => None,
    }
}

/// Adds a credit unless it repeats one; a stated character fills an empty one, and a
/// second character stated for the same part is a credit of its own (two parts in one
/// work, or two works the sentence leaves unnamed): neither is dropped.
fn push(out: &mut Vec<Credit>, seen: &mut FxHashMap<(usize, RoleKind, Option<usize>), usize>, c: Credit) {
    if let Some(old) = seen.get(&(c.person, c.role, c.title)).and_then(|&i| out.get_mut(i)) {
        if old.character.is_none() {
            old.character = c.character;
            return;
        }
        let same = |x: &Credit| x.person == c.person && x.role == c.role && x.title == c.title && x.character == c.character;
        if c.character.is_some() && !out.iter().any(same) {
            out.push(c);
        }
        return;
    }
    seen.insert((c.person, c.role, c.title), out.len());
    out.push(c);
}

/// The role a crew verb or noun names, with "executive producer" and "co-" forms.
fn role_word(words: &WordTable, w: &str) -> Option<RoleKind> {
    let info = words.info(w);
    if info.is(class::ROLE_NOUN | class::ROLE_VERB) {
        return info.role;
    }
    let bare = w.strip_prefix("co-").unwrap_or(w);
    let info = words.info(bare);
    info.is(class::ROLE_NOUN | class::ROLE_VERB).then_some(info.role).flatten()
}

/// The word ending just before token `i`, joining "co-star" and "executive-produced".
fn word_before<'t>(inp: &Input<'t>, i: usize, a: usize) -> (usize, &'t str) {
    let Some(p) = i.checked_sub(1).filter(|&p| p >= a) else { return (usize::MAX, "") };
    let t = &inp.toks;
    if p >= a + 2 && inp.tt(p - 1) == "-" && t[p - 2].span.end == t[p - 1].span.start && t[p - 1].span.end == t[p].span.start {
        return (p - 2, Span::new(t[p - 2].span.start, t[p].span.end).get(inp.text).unwrap_or(""));
    }
    (p, inp.tt(p))
}

/// The word at token `k`, joining a hyphen compound ("co-created"); returns it and the
/// index of its last token.
fn hyphen_word<'t>(inp: &Input<'t>, k: usize, b: usize) -> (&'t str, usize) {
    let t = &inp.toks;
    if k + 2 < b && inp.tt(k + 1) == "-" && t[k].span.end == t[k + 1].span.start && t[k + 1].span.end == t[k + 2].span.start {
        return (Span::new(t[k].span.start, t[k + 2].span.end).get(inp.text).unwrap_or(""), k + 2);
    }
    (inp.tt(k), k)
}

/// Cues left of a group: "director X", "directed by X", "starring X", cast lists.
fn left_cue(
    inp: &Input<'_>,
    words: &WordTable,
    a: usize,
    first: usize,
    items: &[Item],
    found: &mut Vec<(RoleKind, Option<usize>)>,
) -> bool {
    // "starring his longtime collaborator Toni Servillo", "with his brother Josh Safdie":
    // a possessive description before the name is read past.
    let first = {
        let mut k = first;
        let mut n = 0;
        while k > a && n < 4 && inp.toks[k - 1].shape == Shape::Lower && !is_in(&["his", "her", "their"], inp.tt(k - 1)) {
            k -= 1;
            n += 1;
        }
        if n >= 1 && k > a && is_in(&["his", "her", "their"], inp.tt(k - 1)) && !words.info(inp.tt(first - 1)).is(class::ROLE_NOUN) {
            k - 1
        } else if first > a + 1 && words.info(inp.tt(first - 1)).is(class::NATIONALITY) && inp.toks[first - 2].shape == Shape::Lower {
            // "directed by Canadian Stéphane Lapointe": a nationality before the name.
            first - 1
        } else {
            first
        }
    };
    let (p1, w1) = word_before(inp, first, a);
    if p1 == usize::MAX {
        return false;
    }
    let (p2, w2) = word_before(inp, p1, a);
    let (_, w3) = if p2 == usize::MAX { (usize::MAX, "") } else { word_before(inp, p2, a) };
    // The title right before a role noun: "Oppenheimer director Christopher Nolan".
    let title_before = |k: usize| {
        items.iter().find(|it| it.last == k && matches!(it.target, Target::Title(_))).and_then(|it| {
            if let Target::Title(t) = it.target {
                Some(t)
            } else {
                None
            }
        })
    };

    // "by X": the verb or noun before "by" names the role; "the score for T is by X"
    // looks a few words further back.
    if w1.eq_ignore_ascii_case("by") {
        let w2 = if is_in(&["is", "was", "are", "were"], w2) {
            (a..p2).rev().take(8).map(|k| inp.tt(k)).find(|w| words.info(w).is(class::CREDIT_NOUN)).unwrap_or(w2)
        } else {
            w2
        };
        // (The nouns of a craft, "music by", "choreography by": `credit_noun` in cues.tsv.)
        let credit = words.info(w2);
        let r = match w2.to_ascii_lowercase().as_str() {
            _ if credit.is(class::CREDIT_NOUN) => credit.role,
            "written" | "co-written" | "penned" | "scripted" => Some(RoleKind::Writer),
            "scored" | "composed" => Some(RoleKind::Composer),
            "shot" | "lensed" => Some(RoleKind::Cinematographer),
            "edited" => Some(RoleKind::Editor),
            "produced" if w3.eq_ignore_ascii_case("executive") => Some(RoleKind::ExecutiveProducer),
            "executive-produced" => Some(RoleKind::ExecutiveProducer),
            "developed" => Some(RoleKind::Creator),
            "voiced" => Some(RoleKind::Voice),
            "played" | "portrayed" => Some(RoleKind::Actor),
            "joined" => Some(RoleKind::Actor),
            w => role_word(words, w),
        };
        if let Some(r) = r {
            // "“Heat” and “Ava” were directed by X": a passive's subject list is the work
            // of every member, not only of the nearest.
            let subjects = passive_subjects(inp, items, a, p2);
            if subjects.len() >= 2 {
                found.extend(subjects.iter().map(|&t| (r, Some(t))));
            } else {
                found.push((r, None));
            }
            // "written and directed by X"
            if w3.eq_ignore_ascii_case("and") && p2 != usize::MAX {
                let (_, w4) = word_before(inp, p2 - 1, a);
                let credit4 = words.info(w4);
                let r4 = role_word(words, w4).or(if credit4.is(class::CREDIT_NOUN) { credit4.role } else { None });
                if let Some(r2) = r4.filter(|r2| *r2 != r) {
                    found.push((r2, None));
                }
            }
        }
        return false;
    }
    // "co-wrote the script with Noah Baumbach", "a screenplay he wrote with Rick Jaffa and
    // Amanda Silver": the partners share the verb's credit.
    // "Graham King produces alongside Branca and John McClain" likewise.
    if w1.eq_ignore_ascii_case("with") || w1.eq_ignore_ascii_case("alongside") {
        for k in (a..p1).rev().take(8) {
            let w = inp.tt(k);
            if matches!(w, "." | ";") || items.iter().any(|it| it.last == k + 1 && matches!(it.target, Target::Person(_))) && k + 1 < p1 {
                break;
            }
            let bare = w.strip_prefix("co-").unwrap_or(w);
            let crew = is_in(&["wrote", "written", "directed", "produced", "created", "developed", "composed", "penned"], bare)
                || (words.info(bare).is(class::ROLE_VERB) && role_word(words, bare).is_some_and(|r| r != RoleKind::Actor));
            // "remains on board as a producer alongside A and B": the partners share
            // the role noun after "as".
            let noun = inp.toks[k].shape == Shape::Lower
                && words.info(bare).is(class::ROLE_NOUN)
                && (k.saturating_sub(3).max(a)..k).any(|j| inp.tt(j).eq_ignore_ascii_case("as"));
            if noun {
                if let Some(r) = role_word(words, bare).filter(|r| *r != RoleKind::Actor) {
                    found.push((r, None));
                    return true;
                }
            }
            if inp.toks[k].shape == Shape::Lower && crew {
                if let Some(r) = role_word(words, bare) {
                    let objects = title_list(inp, items, k + 1, p1);
                    if objects.is_empty() {
                        found.push((r, None));
                    } else {
                        found.extend(objects.into_iter().map(|t| (r, Some(t))));
                    }
                }
                return true;
            }
        }
    }
    // "stars Cillian Murphy as the physicist, with Emily Blunt and Matt Damon": the
    // partners of a cast verb are cast too.
    if w1.eq_ignore_ascii_case("with")
        && (a..p1)
            .rev()
            .take(16)
            .any(|k| is_in(&["stars", "starring", "star", "starred", "co-stars", "cast", "pairs", "paired"], inp.tt(k)))
    {
        found.push((RoleKind::Actor, None));
        return true;
    }
    // "who stars opposite Jesse Plemons"
    if w1.eq_ignore_ascii_case("opposite") {
        found.push((RoleKind::Actor, None));
        return true;
    }
    if is_in(&["starring", "co-starring", "featuring", "alongside"], w1) {
        found.push((RoleKind::Actor, None));
        return w1.eq_ignore_ascii_case("alongside");
    }
    if is_in(&CAST_CUES, w1)
        && (w1.eq_ignore_ascii_case("players")
            || w1.eq_ignore_ascii_case("alongside")
            || (a..p1).rev().take(6).any(|k| is_in(&CAST_NOUNS, inp.tt(k))))
    {
        found.push((RoleKind::Actor, None));
        return false;
    }
    // "director X", "executive producer X", "co-star X", "the director, X".
    let (np, nw) = if w1 == "," { (p2, w2) } else { (p1, w1) };
    if np == usize::MAX {
        return false;
    }
    let info = words.info(nw);
    // "writer-director Ana Ruiz", "Producer-director Frederick Wiseman": a compound of
    // role nouns gives each of its crew roles ("singer-actress Lady Gaga" names a
    // profession: its acting half is no credit).
    if !info.is(class::ROLE_NOUN)
        && nw.contains('-')
        && !nw.starts_with("co-")
        && !inp.tt(np).ends_with("’s")
        && !inp.tt(np).ends_with("'s")
    {
        let parts: Vec<Option<RoleKind>> =
            nw.split('-').map(|p| role_word(words, p).filter(|_| words.info(p).is(class::ROLE_NOUN))).collect();
        if parts.len() >= 2 && parts.iter().all(Option::is_some) {
            let object = title_before(np);
            for r in parts.into_iter().flatten().filter(|r| *r != RoleKind::Actor) {
                if !found.contains(&(r, object)) {
                    found.push((r, object));
                }
            }
            return false;
        }
    }
    if info.is(class::ROLE_NOUN) || role_word(words, nw).is_some() && nw.starts_with("co-") {
        let (_, before) = word_before(inp, np, a);
        let mut r = role_word(words, nw);
        if is_in(&["producer", "producers"], nw) && before.eq_ignore_ascii_case("executive") {
            r = Some(RoleKind::ExecutiveProducer);
        }
        // "creative director Nate Fox", "casting director X": a department's lead is no
        // director of the work; "artistic director X" of a festival has no credit at all
        // (the `director_mod` class in data/cues.tsv).
        if is_in(&["director", "directors"], nw) {
            let m = words.info(before);
            if m.is(class::DIRECTOR_JOB) {
                return false;
            }
            if m.is(class::DIRECTOR_DEPT) {
                r = Some(RoleKind::Other);
            }
        }
        // "voice actress Kotono Mitsuishi", "voice actor X": a voice credit.
        if r == Some(RoleKind::Actor) && before.eq_ignore_ascii_case("voice") {
            r = Some(RoleKind::Voice);
        }
        // "pop star Sabrina Carpenter" is a musician, not an actor.
        if is_in(&["star", "stars", "icon", "sensation"], nw)
            && is_in(&["pop", "rock", "music", "country", "rap", "k-pop", "r&b", "hip-hop"], before)
        {
            r = Some(RoleKind::Musician);
        }
        // Possessive role nouns are not cues: "the director's cut".
        if inp.tt(np).ends_with("'s") || inp.tt(np).ends_with("’s") {
            return false;
        }
        if let Some(r) = r {
            let object = title_before(np);
            found.push((r, object));
        }
    }
    false
}

/// Cues right of a group: "X directs", "X will star as Y", "X rounds out the cast".
fn right_cue(inp: &Input<'_>, words: &WordTable, last: usize, b: usize, items: &[Item], found: &mut Vec<(RoleKind, Option<usize>)>) {
    let mut k = last;
    // "the Antoine Fuqua-directed biopic": a name fused to a crew participle.
    if inp.tt(k) == "-" && k + 1 < b && k > 0 && inp.toks[k - 1].span.end == inp.toks[k].span.start {
        let verb = inp.tt(k + 1);
        if inp.toks[k].span.end == inp.toks[k + 1].span.start
            && is_in(
                &[
                    "directed",
                    "written",
                    "produced",
                    "helmed",
                    "penned",
                    "scripted",
                    "created",
                    "scored",
                    "led",
                    "fronted",
                    "starring",
                    "headlined",
                    "toplined",
                    "voiced",
                    "hosted",
                ],
                verb,
            )
        {
            let r = match verb.to_ascii_lowercase().as_str() {
                "helmed" => Some(RoleKind::Director),
                "scripted" => Some(RoleKind::Writer),
                // ("the Jeff Bridges-starring drama")
                "led" | "fronted" | "starring" | "headlined" | "toplined" => Some(RoleKind::Actor),
                "voiced" => Some(RoleKind::Voice),
                "hosted" => Some(RoleKind::Host),
                w => role_word(words, w),
            };
            if let Some(r) = r {
                found.push((r, None));
            }
            return;
        }
    }
    // skip a parenthetical "(Character)" and a possessive tail
    if inp.tt(k) == "(" {
        while k < b && inp.tt(k) != ")" {
            k += 1;
        }
        k += 1;
    }
    // ... and a relative clause after it: "Rob Lane (Jack Ryan), who grew up in Ohio, will
    // star as Rex Cole".
    if k > last && k + 1 < b && inp.tt(k) == "," && is_in(&["who", "whose"], inp.tt(k + 1)) {
        if let Some(j) = (k + 2..(k + 16).min(b)).find(|&j| inp.tt(j) == ",") {
            k = j + 1;
        }
    }
    let mut skipped = 0;
    while k < b && skipped < 7 && is_in(&AUX, inp.tt(k)) {
        k += 1;
        skipped += 1;
    }
    if k >= b {
        return;
    }
    // A hyphenated verb is one word: "co-created", "executive-produced".
    let (w, k) = hyphen_word(inp, k, b);
    let object_after = |from: usize| -> Option<usize> {
        items.iter().find(|it| it.first >= from && it.first <= from + 4 && matches!(it.target, Target::Title(_))).and_then(|it| {
            if let Target::Title(t) = it.target {
                Some(t)
            } else {
                None
            }
        })
    };
    // "back as showrunners", "returns as director": a role noun after "as".
    for j in k..(k + 10).min(b) {
        if matches!(inp.tt(j), "." | ";") || items.iter().any(|it| it.first == j && matches!(it.target, Target::Person(_))) {
            break;
        }
        let exec = inp.tt(j + 1).eq_ignore_ascii_case("executive");
        let noun = if exec { j + 2 } else { j + 1 };
        if inp.tt(j).eq_ignore_ascii_case("as")
            && words.info(inp.tt(noun)).is(class::ROLE_NOUN)
            && inp.toks.get(noun).is_some_and(|t| t.shape == Shape::Lower)
        {
            if let Some(r) = role_word(words, inp.tt(noun)) {
                let r = if r == RoleKind::Producer && exec { RoleKind::ExecutiveProducer } else { r };
                found.push((r, None));
            }
        }
    }
    if inp.toks[k].shape == Shape::Lower || w.starts_with("co-") {
        if let Some(r) = role_word(words, w).filter(|_| words.info(w).is(class::ROLE_VERB) || w.starts_with("co-")) {
            // "X starred in T", "X directed T", "X wrote the script for T", and lists of
            // works: "starred in T1 (1971), T2 and T3".
            let r = if r == RoleKind::Producer && inp.tt(k.wrapping_sub(1)).eq_ignore_ascii_case("executive") {
                RoleKind::ExecutiveProducer
            } else {
                r
            };
            let objects = title_list(inp, items, k + 1, b);
            // "playing the architect László Tóth in The Brutalist": the work after "in".
            // ("in 1991's The Addams Family": a possessive year may come first.)
            let in_object = || {
                (k + 1..(k + 12).min(b)).find(|&j| inp.tt(j).eq_ignore_ascii_case("in")).and_then(|j| {
                    let year = inp.toks.get(j + 1).is_some_and(|t| t.shape == Shape::Digits)
                        && matches!(inp.tt(j + 2), "'" | "’")
                        && inp.tt(j + 3) == "s";
                    let at = if year { j + 4 } else { j + 1 };
                    object_after(at).filter(|_| items.iter().any(|it| it.first == at))
                })
            };
            if objects.is_empty() {
                let obj = object_after(k + 1).or_else(|| if matches!(r, RoleKind::Actor | RoleKind::Voice) { in_object() } else { None });
                found.push((r, obj));
            } else {
                found.extend(objects.into_iter().map(|t| (r, Some(t))));
            }
            more_verbs(inp, words, items, k + 1, b, found, None);
            return;
        }
        // "Francesca Gardiner, a writer on Succession", "the director of The Shawshank
        // Redemption", "is the showrunner": an article and a role noun.
        // "X and Y are executive producers", "X is showrunner": a bare role noun as the
        // predicate.
        if k > last && is_in(&["is", "are", "was", "were"], inp.tt(k - 1)) {
            let (noun_at, exec) = if w.eq_ignore_ascii_case("executive") { (k + 1, true) } else { (k, false) };
            let nw = inp.tt(noun_at);
            if words.info(nw).is(class::ROLE_NOUN) && inp.toks.get(noun_at).is_some_and(|t| t.shape == Shape::Lower) {
                if let Some(r) = role_word(words, nw) {
                    let r = if exec && r == RoleKind::Producer { RoleKind::ExecutiveProducer } else { r };
                    let object = is_in(&["on", "of", "for"], inp.tt(noun_at + 1)).then(|| object_after(noun_at + 2)).flatten();
                    found.push((r, object));
                    return;
                }
            }
        }
        if is_in(&["a", "an", "the"], w) && inp.toks.get(k + 1).is_some_and(|t| t.shape == Shape::Lower) {
            let (noun_at, exec) = if inp.tt(k + 1).eq_ignore_ascii_case("executive") { (k + 2, true) } else { (k + 1, false) };
            if let Some(r) = role_word(words, inp.tt(noun_at)).filter(|_| words.info(inp.tt(noun_at)).is(class::ROLE_NOUN)) {
                let r = if exec && r == RoleKind::Producer { RoleKind::ExecutiveProducer } else { r };
                // "the director of Sicario (2015) and Prisoners (2013)": every work listed.
                let objects =
                    if is_in(&["on", "of", "for"], inp.tt(noun_at + 1)) { title_list(inp, items, noun_at + 2, b) } else { Vec::new() };
                if objects.is_empty() {
                    let object = is_in(&["on", "of", "for"], inp.tt(noun_at + 1)).then(|| object_after(noun_at + 2)).flatten();
                    found.push((r, object));
                } else {
                    found.extend(objects.into_iter().map(|t| (r, Some(t))));
                }
                more_verbs(inp, words, items, noun_at + 1, b, found, None);
                return;
            }
        }
        let next = inp.tt(k + 1);
        if is_in(&["joins", "joined", "join", "joining"], w) {
            let object = object_after(k + 1);
            if object.is_some() || next.eq_ignore_ascii_case("the") && is_in(&["cast", "ensemble"], inp.tt(k + 2)) {
                found.push((RoleKind::Actor, object));
            }
            return;
        }
        if is_in(&["rounds", "round", "rounded"], w) && next.eq_ignore_ascii_case("out") {
            found.push((RoleKind::Actor, None));
            return;
        }
        // "working on the screenplay", "has a story credit"
        let window: Vec<&str> = (k..(k + 5).min(b)).map(|x| inp.tt(x)).collect();
        let has = |x: &str| window.iter().any(|y| y.eq_ignore_ascii_case(x));
        if (has("screenplay") || has("script")) && (has("working") || has("on") || has("wrote") || has("penned"))
            || (has("credit") && (has("story") || has("writing") || has("screenplay")))
        {
            found.push((RoleKind::Writer, None));
        }
    }
}

/// Where the predicate of a subject ending at token `last` starts when an appositive or
/// a relative clause stands between them: "Hye-kyo, who is known for “The Glory,” will
/// play", "Jo Kim, a veteran of the stage, joins". A comma, up to 24 tokens (no full stop,
/// semicolon or colon; commas inside parentheses skipped), a comma (a closing quote may
/// follow it), then a lower-case word that does not start another list member or clause.
fn appositive_end(inp: &Input<'_>, last: usize, b: usize) -> Option<usize> {
    if inp.tt(last) != "," || last + 2 >= b {
        return None;
    }
    let mut depth = 0usize;
    for k in last + 2..(last + 26).min(b) {
        match inp.tt(k) {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            "." | ";" | ":" => return None,
            "," if depth == 0 => {
                let mut p = k + 1;
                while p < b && matches!(inp.tt(p), "”" | "\"" | "’") {
                    p += 1;
                }
                let lower = inp.toks.get(p).is_some_and(|t| t.shape == Shape::Lower);
                let clause = is_in(&["and", "or", "but", "while", "which", "who", "as", "including", "with", "among", "plus"], inp.tt(p));
                return (p < b && lower && !clause).then_some(p);
            }
            _ => {}
        }
    }
    None
}

/// The credits a predicate starting at token `p` gives its subject (tokens `first..`):
/// the first rule that matches there, else the cue words.
struct Predicate {
    found: Vec<(RoleKind, Option<usize>)>,
    character: Option<String>,
    rule: Option<std::borrow::Cow<'static, str>>,
}

#[allow(clippy::too_many_arguments)]
fn predicate(
    inp: &Input<'_>,
    words: &WordTable,
    items: &[Item],
    first: usize,
    p: usize,
    a: usize,
    b: usize,
    scratch: &mut super::rules::Scratch,
) -> Predicate {
    let hits = super::rules::hits(inp, first, p, a, b, scratch);
    if let Some(h) = hits.first() {
        return Predicate {
            found: hits.iter().map(|h| (h.role, h.title)).collect(),
            character: hits.iter().find_map(|h| h.character.clone()),
            rule: Some(h.rule.clone()),
        };
    }
    let mut found = Vec::new();
    right_cue(inp, words, p, b, items, &mut found);
    let character = if found.is_empty() { None } else { character_after(inp, p, b) };
    Predicate { found, character, rule: None }
}

/// Further credits of the same subject later in the clause: "who directed Dune and
/// co-wrote it", "who directed The Menu, helms multiple episodes".
fn more_verbs(
    inp: &Input<'_>,
    words: &WordTable,
    items: &[Item],
    from: usize,
    b: usize,
    found: &mut Vec<(RoleKind, Option<usize>)>,
    mut rules: Option<&mut super::rules::Scratch>,
) {
    let mut j = from;
    let end = (from + 14).min(b);
    while j < end {
        let w = inp.tt(j);
        // ("co-wrote with Emily Mortimer and directed": a partner after "with" is no new
        // subject; the verbs after it are still the subject's.)
        if w.eq_ignore_ascii_case("with") {
            if let Some(it) = items.iter().find(|it| it.first == j + 1 && matches!(it.target, Target::Person(_))) {
                j = it.last;
                continue;
            }
        }
        if matches!(w, "." | ";") || items.iter().any(|it| it.first == j && matches!(it.target, Target::Person(_))) {
            return;
        }
        if matches!(w, "," | "and") {
            let mut k = j + 1;
            while k < end && is_in(&["also", "then", "now", "later", "will", "is", "was", "has", "and", "who"], inp.tt(k)) {
                k += 1;
            }
            let v = inp.tt(k);
            if inp.toks.get(k).is_some_and(|t| t.shape == Shape::Lower) && words.info(v).is(class::ROLE_VERB) || v.starts_with("co-") {
                // ("sings on A and also plays harpsichord on B": the second verb's phrase
                // is read by the rules first, as if the subject stood right before it.)
                let ruled: Vec<_> = rules
                    .as_deref_mut()
                    .map(|sc| super::rules::hits(inp, k, k, k, b, sc).into_iter().filter(|h| h.right).collect())
                    .unwrap_or_default();
                if !ruled.is_empty() {
                    let object = items
                        .iter()
                        .find(|it| it.first > k && it.first <= k + 8 && matches!(it.target, Target::Title(_)))
                        .and_then(|it| if let Target::Title(t) = it.target { Some(t) } else { None });
                    found.extend(ruled.iter().map(|h| (h.role, h.title.or(object))));
                    j = k + 1;
                    continue;
                }
                if let Some(r) = role_word(words, v) {
                    let object = items
                        .iter()
                        .find(|it| it.first > k && it.first <= k + 6 && matches!(it.target, Target::Title(_)))
                        .and_then(|it| if let Target::Title(t) = it.target { Some(t) } else { None });
                    found.push((r, object));
                }
                j = k + 1;
                continue;
            }
            // ", is the showrunner of T" (not "will play Paul, a writer": right after a
            // capitalised word the article and noun describe that name)
            let describes_name = w == "," && k == j + 1 && j > from && inp.toks[j - 1].shape == Shape::Capitalized;
            if is_in(&["the", "a", "an"], v) && !describes_name {
                if let Some(r) = role_word(words, inp.tt(k + 1)).filter(|_| words.info(inp.tt(k + 1)).is(class::ROLE_NOUN)) {
                    let object = items
                        .iter()
                        .find(|it| it.first > k + 1 && it.first <= k + 7 && matches!(it.target, Target::Title(_)))
                        .and_then(|it| if let Target::Title(t) = it.target { Some(t) } else { None });
                    found.push((r, object));
                    j = k + 2;
                    continue;
                }
            }
        }
        j += 1;
    }
}

/// The work right after a person: "Sean Baker for Anora", "Jesse Plemons in Bugonia".
fn own_title(inp: &Input<'_>, items: &[Item], ii: usize) -> Option<usize> {
    let it = items[ii];
    let mut k = it.last;
    if inp.tt(k) == "(" {
        while k < it.last + 8 && inp.tt(k) != ")" {
            k += 1;
        }
        k += 1;
    }
    // "Kieran Culkin, nominated for A Real Pain": a participle may come first.
    if inp.tt(k) == "," && is_in(&["nominated", "honored", "recognized", "cited", "praised"], inp.tt(k + 1)) {
        k += 2;
    } else if is_in(&["nominated", "honored"], inp.tt(k)) {
        k += 1;
    }
    if !is_in(&["for", "in"], inp.tt(k)) {
        return None;
    }
    items.get(ii + 1).filter(|n| n.first == k + 1).and_then(|n| if let Target::Title(t) = n.target { Some(t) } else { None })
}

/// The works a passive verb at token `verb` is about: "“Heat,” “The Insider” and “Ali”
/// were directed by him", "Such features as A and B were directed by". The titles end right
/// before the auxiliary and are joined by commas and "and".
fn passive_subjects(inp: &Input<'_>, items: &[Item], a: usize, verb: usize) -> Vec<usize> {
    let mut out = Vec::new();
    if verb == usize::MAX || verb <= a {
        return out;
    }
    let mut k = verb;
    while k > a && is_in(&["been", "all", "also", "both", "later", "since", "then", "each"], inp.tt(k - 1)) {
        k -= 1;
    }
    if k <= a || !is_in(&["were", "are", "was", "is", "have", "had", "has"], inp.tt(k - 1)) {
        return out;
    }
    k -= 1;
    // (A closing quote or comma may sit between the last member and its verb.)
    while k > a && matches!(inp.tt(k - 1), "”" | "\"" | "’" | ",") {
        k -= 1;
    }
    let Some(mut cur) = items.iter().rposition(|it| it.last <= k + 1 && it.last + 2 >= k && it.first >= a) else {
        return out;
    };
    if !(items[cur].last..k).all(|x| matches!(inp.tt(x), "”" | "\"" | "’" | ",")) {
        return out;
    }
    while let Target::Title(t) = items[cur].target {
        out.push(t);
        let Some(prev) = cur.checked_sub(1) else { break };
        if items[prev].first < a || !super::joins_works(inp, items[prev].last, items[cur].first) {
            break;
        }
        cur = prev;
    }
    out.reverse();
    out
}

/// Titles from token `from` on, within a few words, then joined by commas and "and"
/// (with "(1971)" years between): the objects of one verb.
fn title_list(inp: &Input<'_>, items: &[Item], from: usize, b: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let Some(first) = items.iter().position(|it| it.first >= from && it.first <= from + 4 && matches!(it.target, Target::Title(_))) else {
        return out;
    };
    // Only lower-case words, or a person's possessive ("starred in Coogler's Fruitvale
    // Station"), may sit between the verb and its first object.
    let owner = |k: usize| {
        items.iter().any(|it| matches!(it.target, Target::Person(_)) && (it.first..it.last + 2).contains(&k) && it.first >= from)
            && (inp.tt(k).ends_with("'s")
                || inp.tt(k).ends_with("’s")
                || matches!(inp.tt(k), "'" | "’" | "s")
                || inp.toks[k].shape != Shape::Lower)
    };
    let quote = |w: &str| matches!(w, "“" | "\"" | "‘");
    // (A colon may announce the list: "his leading lady in six: A, B, …".)
    let colon = |k: usize| inp.tt(k) == ":" && k > from;
    if (from..items[first].first).any(|k| !matches!(inp.toks[k].shape, Shape::Lower) && !owner(k) && !quote(inp.tt(k)) && !colon(k)) {
        return out;
    }
    let mut cur = first;
    while let Target::Title(t) = items[cur].target {
        out.push(t);
        let next = cur + 1;
        let Some(n) = items.get(next) else { break };
        // (Quotes and a year in parentheses between: "“Cujo” (1983), “Magic” and “Lassiter”".)
        if !super::joins_works(inp, items[cur].last, n.first.min(b)) {
            break;
        }
        cur = next;
    }
    out
}
