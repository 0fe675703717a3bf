//! Release claims: what comes out when, where, with what status, and whether the text
//! hedges it.
//!
//! A claim needs a cue from `data/release_cues.tsv` ("opens", "hits theaters", "pushed
//! to", "renewed", "cancelled", "filming wrapped" ...) and a named work: the title nearest
//! before the cue in its sentence (the subject), else the one after it ("the release of
//! T"), else the focal title when the sentence says "the film" / "the series" / "it".
//! The date is the one the cue governs: after "to" for a move, else the nearest in the
//! sentence. Status comes from the cue and from the date against the publication date
//! (past: released, future: scheduled); venue and platform from the sentence.

use super::Input;
use crate::date::Date;
use crate::entities::Target;
use crate::facts::{DateValue, OrgKind, ReleaseStatus, Venue};
use crate::hash::FxHashSet;
use crate::lexicon::lists;
use crate::lexicon::words::{class, WordTable};
use crate::relations::MentionRef;
use crate::span::Span;
use std::sync::LazyLock;

/// A release claim found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// Index into `Entities::titles`.
    pub title: usize,
    /// The date value, when stated.
    pub date: Option<DateValue>,
    /// The status.
    pub status: ReleaseStatus,
    /// Where.
    pub venue: Option<Venue>,
    /// The streamer or network named.
    pub platform: Option<String>,
    /// Whether hedged.
    pub hedged: bool,
    /// The sentence it was read from.
    pub evidence: Span,
    /// The rule that read it (`release.<cue class>`, `lineup.entry`, ...).
    pub rule: &'static str,
}

/// The rule name of a release cue class (data/release_cues.tsv).
fn cue_rule(class: &str) -> &'static str {
    match class {
        "release" => "release.cue",
        "release_past" => "release.past-cue",
        "release_noun" => "release.noun",
        "delay" => "release.delay",
        "moved_up" => "release.moved-up",
        "greenlit" => "release.greenlit",
        "returning" => "release.returning",
        "cancelled" => "release.cancelled",
        "production" => "release.production",
        "announced" => "release.announced",
        _ => "release.other",
    }
}

/// Words of an earlier plan ("planned for autumn", "first announced as a fall release",
/// "penciled in first for mid-summer"): `data/word_lists.txt`.
static FORMER_PLAN: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("releases.former_plan"));

/// Whether the cue at token `c0` of a sentence starting at `a` has "now" right before it
/// and an earlier plan before that, in the same sentence: "planned for autumn, the picture
/// may now open …". (Not "moved up": an earlier plan said to be later is no delay, and a
/// move's own cue decides that case before this is asked.)
fn replaces_plan(inp: &Input<'_>, a: usize, c0: usize) -> bool {
    let Some(now) = (c0.saturating_sub(3).max(a)..c0).find(|&k| inp.tt(k).eq_ignore_ascii_case("now")) else {
        return false;
    };
    (a..now).any(|k| is_in_lower(&FORMER_PLAN, inp.tt(k)))
}

/// Nouns of events whose opening is no release: "The festival opens on May 14".
static EVENT_NOUNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("releases.event_nouns"));

/// Finds the release claims of the article.
pub fn find(inp: &Input<'_>, focal: Option<usize>, out: &mut Vec<Claim>) {
    let cues = super::release_cues();
    let mut seen: FxHashSet<(usize, Option<DateValue>, ReleaseStatus)> = FxHashSet::default();
    // Within a sentence, one claim per work and date: a second cue for the same date
    // ("released on December 16, 2022, ... to land in the Top 10") adds nothing.
    // (A renewal or a delay on the same date is another claim.)
    let mut in_sentence: FxHashSet<(usize, Option<DateValue>, ReleaseStatus)> = FxHashSet::default();
    let sections = inp.section_titles();
    let dominant = inp.dominant_title();
    // The last title named in the paragraph so far, for "it" and "the film" when the
    // article has no one work it is about.
    let mut prev_title: Option<usize> = None;
    // The last two works named in the paragraph, for "both films".
    let mut recent: Vec<usize> = Vec::new();
    let mut prev_end = 0usize;
    for (si, s) in inp.sentences.iter().enumerate() {
        if inp.text.get(prev_end..s.span.start).is_none_or(|gap| gap.contains('\n')) {
            prev_title = None;
            recent.clear();
        }
        prev_end = s.span.end;
        let carried = prev_title;
        let pair = (recent.len() >= 2).then(|| (recent[recent.len() - 2], recent[recent.len() - 1]));
        // (Not a known-for reference: "Detroit (2017)".)
        if let Some(t) = inp.mentions_in(s.span).iter().rev().find_map(|m| match m.target {
            Target::Title(t) if !inp.parenthetical(m.span) => Some(t),
            _ => None,
        }) {
            prev_title = Some(t);
        }
        for m in inp.mentions_in(s.span) {
            if let Target::Title(t) = m.target {
                if !inp.parenthetical(m.span) {
                    recent.retain(|&x| x != t);
                    recent.push(t);
                    if recent.len() > 2 {
                        recent.remove(0);
                    }
                }
            }
        }
        // Under a list heading ("Toy Story 5 (June 19)"), "the film" is the heading's.
        let section = super::section_at(&sections, s.span.start);
        let focal = section.or(focal);
        let (a, b) = (s.first, s.last.min(inp.toks.len()));
        if b - a > super::MAX_SENTENCE_TOKENS {
            continue;
        }
        if inp.article.headline.is_some_and(|h| h.contains(s.span)) {
            continue;
        }
        // A list article's heading "Project Hail Mary (March 20)" dates its title.
        if let Some(claim) = heading_claim(inp, a, b, s.span) {
            if seen.insert((claim.title, claim.date.clone(), claim.status)) {
                out.push(claim);
            }
            continue;
        }
        in_sentence.clear();
        let sentence_start = out.len();
        let mut spelled: Vec<Vec<usize>> = Vec::new();
        // Cues of the sentence, in order.
        let mut found: Vec<(&str, usize, usize)> = Vec::new();
        let mut k = a;
        while k < b {
            // (A cue word inside a date is the date's: "in May of last year" is no hedge.)
            match cues.at(inp, k, b).filter(|_| !inp.in_date(inp.toks[k].span)) {
                // ("came out on top", "picked up two nominations": an idiom that holds a
                // cue says nothing of a release.)
                Some(("idiom", end)) => k = end,
                Some((class, end)) => {
                    found.push((class, k, end));
                    k = end;
                }
                None => k += 1,
            }
        }
        // "“Antebellum,” from April 24 to Aug. 20": in a list of moves, a row's bare
        // "from A to B" after its title is the move itself.
        if found.is_empty() {
            if let Some(k) = bare_move(inp, a, b) {
                found.push(("delay", k, k + 1));
            }
        }
        if found.is_empty() {
            continue;
        }
        let has = |c: &str| found.iter().any(|f| f.0 == c);
        let hedged = has("hedge");
        let mentions = inp.mentions_in(s.span);
        let titles: Vec<(usize, usize)> = mentions
            .iter()
            .filter_map(|m| if let Target::Title(t) = m.target { Some((t, inp.tok_at(m.span.start))) } else { None })
            .collect();
        let dates: Vec<(usize, usize, &crate::dates::Found)> = inp
            .dates_in(s.span)
            .iter()
            .filter(|d| s.span.contains(d.span))
            .map(|d| (inp.tok_at(d.span.start), inp.tok_at(d.span.end), d))
            .collect();
        // The subject points back at the article's work: "the film", "it", "Season 2",
        // "Part 1", "the final season".
        // "Both films opened on July 21": the two works just named, when the sentence
        // names none.
        let both = pair.filter(|_| {
            titles.is_empty()
                && (a..b).any(|k| {
                    (inp.tt(k).eq_ignore_ascii_case("both")
                        || (inp.tt(k).eq_ignore_ascii_case("the") && inp.tt(k + 1).eq_ignore_ascii_case("two")))
                        && (k + 1..(k + 3).min(b))
                            .any(|j| is_in_lower(&["films", "movies", "series", "shows", "games", "albums", "titles"], inp.tt(j)))
                })
        });
        let that_film = (a..b)
            .any(|k| inp.tt(k).eq_ignore_ascii_case("that") && super::film_word(inp.tt(k + 1)) && !titles.iter().any(|t| t.1 == k + 2));
        let the_film = (a..b).any(|k| {
            let w = inp.tt(k);
            (is_in_lower(&["the", "this", "that"], w)
                && super::film_word(inp.tt(k + 1))
                && !titles.iter().any(|t| t.1 == k + 2))
                || (k == a && (w.eq_ignore_ascii_case("it") || w.eq_ignore_ascii_case("they")))
                // "A24 opens it in theaters", "Netflix gives it a limited run"
                || (w == "it"
                    && k > a
                    && is_in_lower(
                        &[
                            "opens", "releases", "release", "released", "gives", "gave", "brings", "brought", "puts", "put", "moved", "pushed", "dated",
                            "sets", "debuts", "debuted", "drops", "dropped", "premieres", "premiered", "launches", "launched", "streams", "opened",
                        ],
                        inp.tt(k - 1),
                    ))
                || (matches!(w, "Season" | "Seasons" | "Part" | "Parts" | "Volume" | "Chapter") && inp.toks.get(k + 1).is_some_and(|t| t.is_word()))
                || (w.eq_ignore_ascii_case("season") && k > a && is_ordinal(inp.tt(k - 1)))
        });

        // Venue and platform from the whole sentence.
        let mut venue = None;
        let mut platform = None;
        for m in mentions {
            if let Target::Org(o) = m.target {
                if let Some(org) = inp.ents.orgs.get(o) {
                    // (A streamer over a network named before it, unless the two are
                    // joined as one platform: "on CBC and CBC Gem" is the network's.)
                    let joined_after = |k: usize| k >= 2 && inp.tt(k - 1) == "and" && platform.is_some();
                    match org.kind {
                        OrgKind::Streamer if !(venue == Some(Venue::Tv) && joined_after(inp.tok_at(m.span.start))) => {
                            venue = Some(Venue::Streaming);
                            platform = Some(org.name.clone());
                        }
                        OrgKind::Network if venue.is_none() => {
                            venue = Some(Venue::Tv);
                            platform = Some(org.name.clone());
                        }
                        _ => {}
                    }
                }
            }
        }
        for (class, _, _) in &found {
            let v = cue_venue(class);
            if v.is_some() && (venue.is_none() || v == Some(Venue::Theaters) || v == Some(Venue::HomeVideo)) {
                venue = v;
            }
        }
        // "hits theaters", "in cinemas": the venue word may sit inside a release cue.
        if venue.is_none() && (a..b).any(|k| is_theater_word(inp.tt(k))) {
            venue = Some(Venue::Theaters);
        }
        if venue.is_none()
            && (a..b).any(|k| {
                inp.tt(k).eq_ignore_ascii_case("festival")
                    || inp.tt(k).eq_ignore_ascii_case("premiere") && inp.tt(k + 1).eq_ignore_ascii_case("at")
            })
            && mentions.iter().any(|m| matches!(m.target, Target::Org(o) if inp.ents.orgs.get(o).is_some_and(|x| x.kind == OrgKind::Other)))
        {
            venue = Some(Venue::Festival);
        }

        for &(class, c0, c1) in &found {
            let full_class = class;
            let class = class.split_once('+').map_or(class, |(c, _)| c);
            // "is scheduled to be released", "will be released": a past participle after
            // "be" with a modal or "to" is no past tense.
            let class = if class == "release_past" && future_passive(inp, a, c0) { "release" } else { class };
            let status_hint = match class {
                // "will now arrive in Q1 2019", "would now come out in 2019": a release
                // whose date has just changed is a delay.
                "release" if will_now(inp, a, c0) || superseded_before(inp, a, c0) => Some(ReleaseStatus::Delayed),
                "release" | "release_past" | "release_noun" => None,
                "delay" => Some(ReleaseStatus::Delayed),
                "moved_up" => Some(ReleaseStatus::Scheduled),
                // "will return for a second season": renewed; with a date, scheduled.
                "greenlit" | "returning" => Some(ReleaseStatus::Greenlit),
                "cancelled" => Some(ReleaseStatus::Cancelled),
                "production" => Some(ReleaseStatus::InProduction),
                "announced" => Some(ReleaseStatus::Announced),
                _ => continue,
            };
            // The title: subject before the cue, else object after, else the focal title.
            // (Not across an unrecognised name, the likelier subject: "The Acolyte ended;
            // Skeleton Crew is due in December". "X returns as Y" is about a person.)
            // (A known-for reference, "The Karate Kid (1984)", is no subject.)
            // (Nor is a title used as a modifier: "the second Game of Thrones spin-off".)
            let paren = |t: &(usize, usize)| {
                mentions.iter().any(|m| {
                    inp.tok_at(m.span.start) == t.1
                        && (inp.parenthetical(m.span)
                            || is_in_lower(
                                &[
                                    "spin-off",
                                    "spin",
                                    "spinoff",
                                    "prequel",
                                    "sequel",
                                    "franchise",
                                    "universe",
                                    "fans",
                                    "creator",
                                    "showrunner",
                                    "director",
                                    "actor",
                                    "team",
                                    "cast",
                                    "saga",
                                    "reboot",
                                    "remake",
                                    "veteran",
                                    "alum",
                                ],
                                inp.tt(inp.tok_at(m.span.end)),
                            ))
                })
            };
            let before = titles.iter().rfind(|t| t.1 < c0 && !paren(t)).filter(|t| {
                let end =
                    inp.mentions_in(s.span).iter().find(|m| inp.tok_at(m.span.start) == t.1).map_or(t.1 + 1, |m| inp.tok_at(m.span.end));
                let returns = is_in_lower(&["returns", "return", "returning"], inp.tt(c0));
                let person_between = || {
                    inp.mentions_in(s.span)
                        .iter()
                        .any(|m| matches!(m.target, Target::Person(_)) && (end..c0).contains(&inp.tok_at(m.span.start)))
                };
                // ("Sony moved “Cold Lake” …, which bumped the “Ember” remake from June to
                // March", "behind “Cold Lake”, though it trails the launch of “Star Road”": a
                // subordinate clause's cue with a work after it is about that work.)
                // (Also a relative clause a few words past the comma: ", a move which
                // bumped the “Ember” remake".)
                let other_clause = || {
                    (end..c0)
                        .any(|k| is_in_lower(&SUBORDINATORS, inp.tt(k)) && (k.saturating_sub(3).max(end)..k + 1).any(|j| inp.tt(j) == ","))
                        && titles.iter().any(|t| t.1 >= c1 && t.1 <= c1 + 4)
                };
                !unknown_name_between(inp, end, c0) && (!returns || !person_between()) && !other_clause()
            });
            let before = before.map(|t| t.0);
            // "with Ginnifer Goodwin and Jason Bateman returning as ...": people return, not
            // works; no claim at all.
            // ("She heads to London", "Ana Ruiz is heading to Cannes": a person travels.)
            let moves = is_in_lower(&["returns", "return", "returning", "heads", "heading", "headed"], inp.tt(c0));
            let mut subj = c0;
            while subj > a && is_in_lower(&["is", "was", "are", "were", "will", "be", "also", "now", "soon"], inp.tt(subj - 1)) {
                subj -= 1;
            }
            let person_returns = moves
                && subj > a
                && (is_in_lower(&["he", "she", "they", "i", "we"], inp.tt(subj - 1))
                    || inp.mentions_in(s.span).iter().any(|m| matches!(m.target, Target::Person(_)) && inp.tok_at(m.span.end) == subj));
            if person_returns {
                continue;
            }
            // ("Arriving on Netflix in March are Cold Orchard, …": a sentence that opens with
            // its cue names the work after its verb.)
            let opener = (a..c0).all(|k| is_in_lower(&["also", "and", "still", "next", "plus"], inp.tt(k)));
            let inverted = |t: &(usize, usize)| {
                let v = if matches!(inp.tt(t.1.wrapping_sub(1)), "“" | "\"" | "‘") { t.1.wrapping_sub(2) } else { t.1.wrapping_sub(1) };
                opener && t.1 <= c1 + 10 && matches!(inp.tt(v), "are" | "is" | "include" | "includes" | ":")
            };
            let after = titles.iter().find(|t| t.1 >= c1 && (t.1 <= c1 + 4 || inverted(t))).map(|t| t.0);
            // "The festival opens on May 14", "the tour kicks off": an event is the subject,
            // not a work.
            if before.is_none() && c0 > a && is_in_lower(&EVENT_NOUNS, inp.tt(c0 - 1)) {
                continue;
            }
            // "the release of Ballerina", "the premiere of T": the noun's object.
            let of_object = (class == "release_noun" && inp.tt(c1).eq_ignore_ascii_case("of")).then_some(after).flatten();
            // "is holding a whole slate of movies back until 1992. The list includes A, B
            // and C": a generic subject or object that a list spells out.
            let spelled_out = if of_object.or(before).or(after).is_none() { super::spelled::works(inp, si, c0, c1) } else { Vec::new() };
            if spelled_out.len() >= 2 {
                spelled.push(spelled_out.clone());
            }
            let title = match (of_object.or(before), after) {
                (None, None) if !spelled_out.is_empty() => spelled_out.first().copied(),
                (Some(t), _) => Some(t),
                (None, Some(t)) => Some(t),
                // "That film premiered ...": the work just named, whatever the article's.
                (None, None) if both.is_some() => both.map(|p| p.0),
                (None, None) if that_film => carried.or_else(|| inp.topic_title(s.span.start)).or(focal),
                // "… Dawn of the Planet of the Apes has a fresh trailer. It is out July 17.":
                // a sentence-opening "it" is the work just named in the paragraph.
                (None, None) if the_film && carried.is_some() && inp.tt(a).eq_ignore_ascii_case("it") => carried,
                (None, None) if the_film => section.or(dominant).or_else(|| inp.topic_title(s.span.start)).or(carried).or(focal),
                // "Ryan Coogler's vampire period piece opened April 18": a dated claim with
                // no title in its sentence is about the article's work, unless the
                // sentence introduces another one ("an untitled thriller", "a new film").
                // (Not a claim on works in the plural: "has delayed several films until
                // spring".)
                (None, None) if !dates.is_empty() && !introduces_other(inp, a, c0) && !super::spelled::generic_at(inp, a, b, c0, c1) => {
                    section.or(dominant)
                }
                _ => None,
            };
            let Some(title) = title else { continue };
            // "The first trailer debuted in December 2023": a promotional asset's release,
            // not the work's. "Originally dated for", "had been set for": a former date.
            let subject_first = titles.iter().rfind(|t| t.1 < c0).map_or(c0, |t| t.1);
            // ("released the first trailer for X", "landed a deal with Netflix", "picked up
            // a nomination": the verb's object is a thing, not the work.)
            // ("picked up seven Emmy nominations", "picked up the GOLDEN PERCENTAGE AWARD",
            // "picked up a slew of acting nominations": words of any case up to the object.)
            let object_thing = (c1..(c1 + 6).min(b))
                .take_while(|&k| inp.toks[k].is_word() && !titles.iter().any(|t| t.1 == k))
                .any(|k| is_in_lower(&ASSETS, inp.tt(k)) || is_in_lower(&NONWORK_OBJECTS, inp.tt(k)));
            // (An asset as the subject of a cue whose object is the work is no asset's
            // release: "CBC’s comedy lineup welcomes back “Harbor Lights”".)
            let object_work = before.is_none() && after == Some(title);
            let asset = object_thing
                || (!object_work && (c0.saturating_sub(3).max(a)..c0).any(|k| is_in_lower(&ASSETS, inp.tt(k))))
                // "the first trailer for (the game) T debuted"
                || (subject_first.saturating_sub(5).max(a)..subject_first).any(|k| {
                    is_in_lower(&ASSETS, inp.tt(k)) && is_in_lower(&["for", "of"], inp.tt(k + 1))
                });
            // ("originally had the film set for", "was first dated for": scheduling cues only;
            // "was first released in 1999" is a claim.)
            let scheduling = is_in_lower(&["dated", "set", "slated", "scheduled", "targeted", "planned", "due"], inp.tt(c0));
            let former = matches!(status_hint, None | Some(ReleaseStatus::Scheduled))
                && (c0.saturating_sub(4).max(a)..c0).any(|k| {
                    is_in_lower(&["originally", "initially", "previously", "had", "once"], inp.tt(k))
                        || (scheduling && k + 2 >= c0 && inp.tt(k).eq_ignore_ascii_case("first"))
                });
            // ("was set for October, but it will now open in January": a past plan that a
            // later "now" replaces is a former date too.)
            let replaced_plan = scheduling
                && c0 > a
                && is_in_lower(&["was", "were"], inp.tt(c0 - 1))
                && (c1..b).any(|k| inp.tt(k).eq_ignore_ascii_case("now"));
            if asset || former || replaced_plan {
                continue;
            }
            // Dates that are not this work's: an adjective ("the 1965 novel", "the 2023
            // strikes") and another work's year ("The Karate Kid (1984)").
            // (Nor the time of a report: "…, CBC announced today".)
            let dates: Vec<(usize, usize, &crate::dates::Found)> = dates
                .iter()
                .copied()
                .filter(|d| own_date(inp, d.0, d.1, title) && (matches!(class, "announced" | "cancelled") || !report_time(inp, a, d.0)))
                .collect();

            // The date the cue governs.
            // "its 2014 release", "a June 6 release": a date right before the noun is its own.
            let noun_date = (class == "release_noun").then(|| dates.iter().find(|d| d.1 <= c0 && c0 - d.1 <= 1).map(|d| d.2)).flatten();
            // A date past the next status cue is that cue's: "will premiere at the festival
            // before Netflix gives it a theatrical run on October 17", "pushed the film back
            // ..., and Secret Wars was pushed back to December 17, 2027".
            let is_status = |c: &str| {
                !matches!(c.split_once('+').map_or(c, |(c, _)| c), "hedge" | "theaters" | "home_video" | "festival" | "streaming" | "tv")
            };
            let next_status = found.iter().filter(|f| f.1 > c1 && is_status(f.0)).map(|f| f.1).next().unwrap_or(b);
            let date = if noun_date.is_some() {
                noun_date
            } else if matches!(status_hint, Some(ReleaseStatus::Delayed) | Some(ReleaseStatus::Scheduled)) {
                // "pushed from May 26 to November 19": the date after "to"; "gives up Oct.
                // 16 for Oct. 15": the date after "for" right after another date.
                let swapped_for = |d: &(usize, usize, &crate::dates::Found)| {
                    inp.tt(d.0 - 1).eq_ignore_ascii_case("for")
                        && dates.iter().any(|e| e.1 + 1 == d.0 || (e.1 + 2 == d.0 && inp.tt(e.1) == ","))
                };
                dates
                    .iter()
                    .filter(|d| d.0 >= c1 && d.0 < next_status && d.0 > 0 && (inp.tt(d.0 - 1).eq_ignore_ascii_case("to") || swapped_for(d)))
                    .map(|d| d.2)
                    .next()
                    // (Not the old date: "from its original May 1, 2026 date".)
                    .or_else(|| {
                        dates
                            .iter()
                            .find(|d| {
                                d.0 >= c1
                                    && d.0 < next_status
                                    && (move_range(inp, d)
                                        || !is_in_lower(
                                            &["from", "original", "initial", "previous", "old", "earlier", "since"],
                                            inp.tt(d.0.wrapping_sub(1)),
                                        ))
                            })
                            .map(|d| d.2)
                    })
            } else {
                let prev_status = found.iter().filter(|f| f.2 <= c0 && is_status(f.0)).map(|f| f.2).next_back().unwrap_or(a);
                // (Nor back across the start of the cue's clause: "… this year, while the
                // final season of “Shrill” …".)
                // (A "which" clause may comment on the whole sentence and keep its date.)
                let clause = (a..c0).rev().find(|&k| inp.tt(k) == "," && is_in_lower(&CONTRASTS, inp.tt(k + 1))).unwrap_or(a);
                let prev_status = prev_status.max(clause);
                dates
                    .iter()
                    .filter(|d| d.0 >= c1 && d.0 < next_status)
                    .map(|d| d.2)
                    .next()
                    .or_else(|| dates.iter().rfind(|d| d.1 <= c0 && d.0 >= prev_status).map(|d| d.2))
            };
            // A move "from March 4th to August 12th" claims its new date, the range's end.
            let moved = matches!(status_hint, Some(ReleaseStatus::Delayed) | Some(ReleaseStatus::Scheduled));
            let claim_value = |d: &crate::dates::Found| match &d.value {
                Some(DateValue::Range { to, .. }) if moved && move_range(inp, &(inp.tok_at(d.span.start), 0, d)) => {
                    Some(DateValue::Point(to.clone()))
                }
                v => v.clone(),
            };
            let value = date.and_then(claim_value);
            // A calendar day written without its year ("opens November 7") in an article
            // with no publication date: a claim whose date is unknown, not no claim.
            let unresolved_day = value.is_none()
                && inp.published.is_none()
                && date.is_some_and(|d| {
                    d.granularity == crate::facts::Granularity::Day
                        && !d.impossible
                        && d.span.get(inp.text).is_some_and(|t| t.bytes().any(|c| c.is_ascii_digit()))
                });
            let date = date.filter(|d| d.value.is_some() || unresolved_day);
            // ("pushed the release of T from A to B": the range is the move's, not the noun's.)
            if !moved && date.is_some_and(|d| move_range(inp, &(inp.tok_at(d.span.start), 0, d))) {
                continue;
            }
            // (A date written but not resolvable, as in an article with no publication
            // date, "opens November 7", still makes the claim: its date is null.)
            if class == "release_noun" && date.is_none() {
                continue;
            }
            // ("Since its Dec. 19 opening": "opening" is a release only with its own date
            // right before it.)
            if class == "release_noun" && inp.tt(c0).eq_ignore_ascii_case("opening") && noun_date.is_none() {
                continue;
            }
            // "released" with no date and no platform says nothing checkable.
            // (Unless it reports a box-office place: "opened in fifth place", "widened to
            // 600 theaters": a past release in theaters.)
            let box_office = class == "release_past" && box_office_after(inp, c1, b);
            if box_office && venue.is_none() {
                venue = Some(Venue::Theaters);
            }
            // (A cue that names where it is out, "now in theaters", "now streaming", is
            // checkable without a date.)
            if matches!(class, "release" | "release_past")
                && date.is_none()
                && platform.is_none()
                && venue != Some(Venue::Festival)
                && !box_office
                && !(class == "release_past" && cue_venue(full_class).is_some())
            {
                continue;
            }
            // "moved", "pushed", "shifted" are moves only with a new date; "delayed" and
            // "postponed" say it alone.
            let cue_word = inp.tt(c0).to_ascii_lowercase();
            if status_hint == Some(ReleaseStatus::Delayed)
                && date.is_none()
                && !matches!(cue_word.as_str(), "delayed" | "delay" | "postponed" | "rescheduled")
            {
                continue;
            }
            // The governed date, then dates coordinated with it ("Part 1 arrives on
            // August 6 and Part 2 on September 3"), up to the next cue.
            let next_cue = found.iter().map(|f| f.1).find(|&x| x > c1).unwrap_or(b);
            let mut chosen: Vec<&crate::dates::Found> = Vec::new();
            // ("“Iron Bay” will premiere on October 1 and “Cold Lake” on October 8": the
            // verb left out, a date's own work stands between "and" and it.)
            let mut gapped: Vec<Option<usize>> = Vec::new();
            if let Some(d) = date {
                chosen.push(d);
                gapped.push(None);
                let mut last_end = dates.iter().find(|x| std::ptr::eq(x.2, d)).map_or(b, |x| x.1);
                let start_at = last_end;
                for x in dates.iter().filter(|x| x.0 >= start_at && x.0 < next_cue) {
                    let own = gapped_work(inp, mentions, last_end, x.0, title);
                    let (skip0, skip1) = own.map_or((0, 0), |o| (o.1, o.2));
                    let gap_ok = (last_end..x.0).all(|k| {
                        // (And a platform before the "and": "on October 1 on CBS and …".)
                        let platform = || mentions.iter().any(|o| matches!(o.target, Target::Org(_)) && o.span.contains(inp.toks[k].span));
                        if (skip0..skip1).contains(&k) || (own.is_some() && k < skip0 && platform()) {
                            return true;
                        }
                        let w = inp.tt(k);
                        matches!(
                            w,
                            "," | "and"
                                | "then"
                                | "on"
                                | "before"
                                | "with"
                                | "—"
                                | "–"
                                | "Part"
                                | "Volume"
                                | "Vol"
                                | "."
                                | "followed"
                                | "by"
                        ) || inp.toks[k].shape == crate::text::Shape::Digits
                    }) && x.0 - last_end <= 6 + (skip1 - skip0);
                    if !gap_ok {
                        break;
                    }
                    chosen.push(x.2);
                    gapped.push(own.map(|o| o.0));
                    last_end = x.1;
                }
            }
            // "early 2026, on January 16": a coarser date that a finer one refines goes.
            let refined = |d: &crate::dates::Found| {
                let Some(DateValue::Point(v)) = &d.value else { return false };
                chosen.iter().any(|o| matches!(&o.value, Some(DateValue::Point(w)) if refines(w, v)))
            };
            let chosen: Vec<&crate::dates::Found> = chosen.iter().copied().filter(|d| !refined(d)).collect();
            let values: Vec<Option<DateValue>> =
                if chosen.is_empty() { vec![value] } else { chosen.iter().map(|d| claim_value(d)).collect() };
            for (n, value) in values.into_iter().enumerate() {
                let status = match status_hint {
                    // ("will be back for a fourth season this year": a dated return.)
                    Some(_) if class == "returning" && value.is_some() => release_status("release", value.as_ref(), inp.published),
                    Some(st) => st,
                    // "will premiere at the festival": undated, but coming.
                    None if value.is_none() && (c0.saturating_sub(3).max(a)..c1).any(|k| is_in_lower(&["will", "to"], inp.tt(k))) => {
                        ReleaseStatus::Scheduled
                    }
                    // A date written but not resolvable ("opens November 7" with no
                    // publication date): the cue's own tense.
                    None if value.is_none() && date.is_some() && class != "release_noun" => {
                        if class == "release_past" {
                            ReleaseStatus::Released
                        } else {
                            ReleaseStatus::Scheduled
                        }
                    }
                    None => release_status(class, value.as_ref(), inp.published),
                };
                // "planned for autumn, the picture may now open at the end of January",
                // "first announced as a fall release, it now has a January opening": a
                // coming date that "now" puts in place of an earlier plan is a delay.
                let status = if status == ReleaseStatus::Scheduled && value.is_some() && replaces_plan(inp, a, c0) {
                    ReleaseStatus::Delayed
                } else {
                    status
                };
                // A release cue with no date, no tense and no "announced" says nothing
                // checkable ("Girl Meets World on the Disney Channel ... streaming").
                if status_hint.is_none() && value.is_none() && status == ReleaseStatus::Announced {
                    continue;
                }
                // The venue nearest this date ("in theaters October 17, on Netflix November 7").
                // An undated claim's venue is its cue's own when it names one ("premiere at").
                // ("premiere at the festival", "opens in theaters": the words right after it.)
                let after_cue = || {
                    (c1..(c1 + 3).min(b)).find_map(|k| {
                        let w = inp.tt(k);
                        if w.eq_ignore_ascii_case("festival") {
                            Some(Venue::Festival)
                        } else if is_theater_word(w) {
                            Some(Venue::Theaters)
                        } else {
                            None
                        }
                    })
                };
                let venue = if chosen.is_empty() { cue_venue(full_class).or_else(after_cue).or(venue) } else { venue };
                let (v, p) = chosen.get(n).map_or((venue, platform.clone()), |d| {
                    venue_near(inp, mentions, found.as_slice(), d.span, c0, b).unwrap_or((venue, platform.clone()))
                });
                let title = gapped.get(n).copied().flatten().unwrap_or(title);
                let rule = if spelled.last().is_some_and(|g| g.first() == Some(&title)) { "release.spelled-out" } else { cue_rule(class) };
                let claim = Claim { title, date: value, status, venue: v, platform: p, hedged, evidence: s.span, rule };
                let kind = if claim.status == ReleaseStatus::Scheduled { ReleaseStatus::Released } else { claim.status };
                if in_sentence.insert((claim.title, claim.date.clone(), kind))
                    && seen.insert((claim.title, claim.date.clone(), claim.status))
                {
                    out.push(claim);
                }
            }
        }
        // "“Harbor Lights,” “Cold Tide” and “Iron Coast” open in theaters on Friday": a claim
        // on one member of a list of works holds for each of them.
        let listed = if out.len() > sentence_start { list_mates(inp, mentions) } else { Vec::new() };
        if !listed.is_empty() {
            // ("Merlin (January 4), Being Human (January 14) and Lost Girl (January 14)":
            // a member's own date in parentheses dates its copy.)
            let own = |t: usize| {
                mentions.iter().filter(|m| m.target == Target::Title(t)).find_map(|m| paren_date(inp, inp.tok_at(m.span.end), b))
            };
            let copy = |c: &Claim, t: usize| match own(t) {
                Some(d) if c.date.is_some() && c.date.as_ref() != d.value.as_ref() && d.value.is_some() => Claim {
                    title: t,
                    date: d.value.clone(),
                    status: release_status("release", d.value.as_ref(), inp.published),
                    ..c.clone()
                },
                _ => Claim { title: t, ..c.clone() },
            };
            let copies: Vec<Claim> = out[sentence_start..]
                .iter()
                .flat_map(|c| listed.iter().filter(move |g| g.contains(&c.title)).flat_map(move |g| g.iter().map(move |&t| copy(c, t))))
                .collect();
            for c in copies {
                if seen.insert((c.title, c.date.clone(), c.status)) {
                    out.push(c);
                }
            }
        }
        // "… getting series premieres: Ghost Mine (January 16), Robot Combat League
        // (February 26)": in a sentence about releases, a work with its own day or month
        // in parentheses comes out then. (Not a year: "Detroit (2017)" is a known-for.)
        let releasing =
            found.iter().any(|f| matches!(f.0.split_once('+').map_or(f.0, |(c, _)| c), "release" | "release_noun" | "release_past"));
        if releasing {
            for m in mentions {
                let Target::Title(t) = m.target else { continue };
                let Some(d) = paren_date(inp, inp.tok_at(m.span.end), b) else { continue };
                if d.granularity == crate::facts::Granularity::Year || d.value.is_none() {
                    continue;
                }
                let status = release_status("release", d.value.as_ref(), inp.published);
                if out[sentence_start..].iter().any(|c| c.title == t) || !seen.insert((t, d.value.clone(), status)) {
                    continue;
                }
                out.push(Claim {
                    title: t,
                    date: d.value.clone(),
                    status,
                    venue,
                    platform: platform.clone(),
                    hedged: false,
                    evidence: s.span,
                    rule: "release.paren-date",
                });
            }
        }
        participle_claims(inp, s.span, b, sentence_start, &mut seen, out);
        // "The OA is coming back for a second season, and so is Travelers": the claims of
        // the works before "and so is" hold for the work after it.
        let so_too = (a + 1..b.saturating_sub(1)).find(|&k| {
            inp.tt(k).eq_ignore_ascii_case("so")
                && inp.tt(k - 1).eq_ignore_ascii_case("and")
                && is_in_lower(&["is", "are", "was", "were", "does", "did", "will", "has", "have"], inp.tt(k + 1))
        });
        if let Some(k) = so_too {
            if let Some(&(second, _)) = titles.iter().find(|t| t.1 > k + 1 && t.1 <= k + 8) {
                let before: Vec<usize> = titles.iter().filter(|t| t.1 < k).map(|t| t.0).collect();
                let copies: Vec<Claim> = out[sentence_start..]
                    .iter()
                    .filter(|c| c.title != second && before.contains(&c.title))
                    .map(|c| Claim { title: second, ..c.clone() })
                    .collect();
                for c in copies {
                    if seen.insert((c.title, c.date.clone(), c.status)) {
                        out.push(c);
                    }
                }
            }
        }
        if let Some((first, second)) = both {
            let copies: Vec<Claim> =
                out[sentence_start..].iter().filter(|c| c.title == first).map(|c| Claim { title: second, ..c.clone() }).collect();
            for c in copies {
                if seen.insert((c.title, c.date.clone(), c.status)) {
                    out.push(c);
                }
            }
        }
        // Each work of a list that spells out a generic subject or object has the claim
        // its first work took.
        for g in &spelled {
            let copies: Vec<Claim> = out[sentence_start..]
                .iter()
                .filter(|c| c.rule == "release.spelled-out" && c.title == g[0])
                .flat_map(|c| g[1..].iter().map(move |&t| Claim { title: t, ..c.clone() }))
                .collect();
            for c in copies {
                if seen.insert((c.title, c.date.clone(), c.status)) {
                    out.push(c);
                }
            }
        }
        respectively(inp, a, b, &titles, &dates, sentence_start, &mut seen, out);
        // "Filming in Ireland finally wrapped in December": of two claims of one kind on
        // one work, the undated one says nothing the dated one does not.
        // (One at another venue is another claim: "premieres at the festival ... theatrical
        // run on October 17".)
        // ("had been moved and would now come out in 2019": a delay to a date is the claim,
        // not also a plain release on that date.)
        let dated: Vec<(usize, ReleaseStatus, Option<Venue>, Option<DateValue>)> =
            out[sentence_start..].iter().filter(|c| c.date.is_some()).map(|c| (c.title, c.status, c.venue, c.date.clone())).collect();
        let mut k = sentence_start;
        while k < out.len() {
            let c = &out[k];
            let delayed_too = matches!(c.status, ReleaseStatus::Scheduled | ReleaseStatus::Released)
                && dated.iter().any(|d| d.0 == c.title && d.1 == ReleaseStatus::Delayed && d.3 == c.date);
            if delayed_too {
                let c = out.remove(k);
                seen.remove(&(c.title, c.date, c.status));
            } else if c.date.is_none()
                && dated.iter().any(|d| {
                    // ("revealed that X will premiere on June 3": the announcement of a
                    // dated plan is that plan.)
                    d.0 == c.title && (d.1 == c.status || c.status == ReleaseStatus::Announced) && (c.venue.is_none() || d.2 == c.venue)
                })
            {
                let c = out.remove(k);
                seen.remove(&(c.title, None, c.status));
            } else {
                k += 1;
            }
        }
    }
}

/// "A and B came out in 2013 and 2015, respectively": with "respectively", the works
/// claimed in the sentence take its dates in the order both are written, when there are
/// as many of one as of the other (two to six).
#[allow(clippy::too_many_arguments)]
fn respectively(
    inp: &Input<'_>,
    a: usize,
    b: usize,
    titles: &[(usize, usize)],
    dates: &[(usize, usize, &crate::dates::Found)],
    sentence_start: usize,
    seen: &mut FxHashSet<(usize, Option<DateValue>, ReleaseStatus)>,
    out: &mut Vec<Claim>,
) {
    if !(a..b).any(|k| inp.tt(k).eq_ignore_ascii_case("respectively")) || out.len() <= sentence_start {
        return;
    }
    let claimed = &out[sentence_start..];
    let mut works: Vec<usize> = Vec::new();
    for &(t, _) in titles {
        if claimed.iter().any(|c| c.title == t && c.date.is_some()) && !works.contains(&t) {
            works.push(t);
        }
    }
    let values: Vec<&DateValue> = dates.iter().filter_map(|d| d.2.value.as_ref()).collect();
    if works.len() < 2 || works.len() > 6 || works.len() != values.len() {
        return;
    }
    for c in out[sentence_start..].iter_mut() {
        let Some(i) = works.iter().position(|&t| t == c.title) else { continue };
        if c.date.is_some() && c.date.as_ref() != Some(values[i]) {
            seen.remove(&(c.title, c.date.clone(), c.status));
            c.date = Some(values[i].clone());
        }
    }
    // (Two crossed claims become the same claim twice: one is kept.)
    let mut k = sentence_start;
    let mut kept: Vec<(usize, Option<DateValue>, ReleaseStatus, Option<Venue>)> = Vec::new();
    while k < out.len() {
        let key = (out[k].title, out[k].date.clone(), out[k].status, out[k].venue);
        if kept.contains(&key) {
            out.remove(k);
        } else {
            seen.insert((key.0, key.1.clone(), key.2));
            kept.push(key);
            k += 1;
        }
    }
}

/// Whether a date is a range written "from A to B" (the dates of a move, old then new).
/// Words after a work that say when it comes out ("“Tenet,” opening Aug. 12", "with
/// “Cold Tide” bowing July 9", "“Dune,” due Nov. 20"), and the words that may stand
/// between them and the date ("set to open on", "hitting theaters").
static PARTICIPLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("releases.participles"));
static PARTICIPLE_FILLERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("releases.participle_fillers"));

/// "After them come Warner Bros.’ “Tenet,” opening Aug. 12, and Disney’s “Mulan,” opening
/// Aug. 21": each work followed by a release participle and a date has that date, one claim
/// per work, however many the sentence holds (the cue pass above reads one title a cue).
fn participle_claims(
    inp: &Input<'_>,
    span: Span,
    b: usize,
    sentence_start: usize,
    seen: &mut FxHashSet<(usize, Option<DateValue>, ReleaseStatus)>,
    out: &mut Vec<Claim>,
) {
    for m in inp.mentions_in(span) {
        let Target::Title(t) = m.target else { continue };
        if inp.parenthetical(m.span) {
            continue;
        }
        let mut j = inp.tok_at(m.span.end);
        let stop = (j + 3).min(b);
        while j < stop && matches!(inp.tt(j), "," | "”" | "’" | "\"" | "'") {
            j += 1;
        }
        if j >= b || !is_in_lower(&PARTICIPLES, inp.tt(j)) {
            continue;
        }
        let cue = j;
        j += 1;
        while j < b && j <= cue + 4 && is_in_lower(&PARTICIPLE_FILLERS, inp.tt(j)) {
            j += 1;
        }
        let Some(d) = inp.dates_in(span).iter().find(|d| inp.tok_at(d.span.start) == j) else { continue };
        let Some(value) = d.value.clone() else { continue };
        if out[sentence_start..].iter().any(|c| c.title == t && c.date.as_ref() == Some(&value)) {
            continue;
        }
        let venue = (cue + 1..j).any(|k| is_theater_word(inp.tt(k))).then_some(Venue::Theaters);
        // ("“Mulan,” opening Aug. 21 after being delayed three times": an undated claim the
        // sentence made for the work takes the date.)
        if let Some(c) = out[sentence_start..].iter_mut().find(|c| c.title == t && c.date.is_none()) {
            if seen.insert((t, Some(value.clone()), c.status)) {
                seen.remove(&(t, None, c.status));
                c.date = Some(value);
                c.venue = c.venue.or(venue);
            }
            continue;
        }
        let status = release_status("release", Some(&value), inp.published);
        if seen.insert((t, Some(value.clone()), status)) {
            out.push(Claim {
                title: t,
                date: Some(value),
                status,
                venue,
                platform: None,
                hedged: false,
                evidence: span,
                rule: "release.participle",
            });
        }
    }
}

fn move_range(inp: &Input<'_>, d: &(usize, usize, &crate::dates::Found)) -> bool {
    matches!(d.2.value, Some(DateValue::Range { .. })) && d.0 > 0 && inp.tt(d.0 - 1).eq_ignore_ascii_case("from")
}

/// A heading that is a title and a date in parentheses, nothing else.
fn heading_claim(inp: &Input<'_>, a: usize, b: usize, span: Span) -> Option<Claim> {
    let m = inp.mentions_in(span).first()?;
    let Target::Title(t) = m.target else { return None };
    let after = inp.tok_at(m.span.end);
    if inp.tok_at(m.span.start) != a || inp.tt(after) != "(" || b == 0 || inp.tt(b - 1) != ")" {
        return None;
    }
    let d = inp
        .dates_in(span)
        .iter()
        .find(|d| span.contains(d.span) && inp.tok_at(d.span.start) == after + 1 && inp.tok_at(d.span.end) == b - 1)?;
    let status = release_status("release", d.value.as_ref(), inp.published);
    Some(Claim {
        title: t,
        date: d.value.clone(),
        status,
        venue: None,
        platform: None,
        hedged: false,
        evidence: span,
        rule: "release.heading-date",
    })
}

/// Whether ISO value `fine` lies inside the coarser `coarse`: "2026-01-16" in "2026",
/// "2026-06-19" in "2026-SU", "2025-08" in "2025-Q3".
fn refines(fine: &str, coarse: &str) -> bool {
    if fine.len() <= coarse.len() {
        return false;
    }
    if fine.starts_with(coarse) {
        return true;
    }
    let (Some(year), Some(part)) = (coarse.get(..4), coarse.get(5..)) else { return false };
    let Some(month) = fine.get(5..7).and_then(|m| m.parse::<u32>().ok()) else { return false };
    let same_year = fine.starts_with(year);
    match part {
        "SP" => same_year && (3..=5).contains(&month),
        "SU" => same_year && (6..=8).contains(&month),
        "FA" => same_year && (9..=11).contains(&month),
        "WI" => same_year && month == 12,
        "Q1" => same_year && (1..=3).contains(&month),
        "Q2" => same_year && (4..=6).contains(&month),
        "Q3" => same_year && (7..=9).contains(&month),
        "Q4" => same_year && (10..=12).contains(&month),
        _ => false,
    }
}

/// Whether the date at tokens `[d0, d1)` can be a date of work `title`: not an adjective
/// before a noun other than a release word ("the 1965 novel"), not the parenthesised year
/// of another work ("The Karate Kid (1984)").
/// The work named between "and" and a coordinated date in tokens `a..d` ("… and “Cold
/// Lake” on October 8"): its title index and token range (quotes included), when it is
/// another work than `title`.
fn gapped_work(inp: &Input<'_>, mentions: &[MentionRef], a: usize, d: usize, title: usize) -> Option<(usize, usize, usize)> {
    let m = mentions.iter().find(|m| {
        let k = inp.tok_at(m.span.start);
        k > a && k < d && matches!(m.target, Target::Title(t) if t != title)
    })?;
    let Target::Title(t) = m.target else { return None };
    let (mut m0, mut m1) = (inp.tok_at(m.span.start), inp.tok_at(m.span.end));
    if m0 > a && matches!(inp.tt(m0 - 1), "“" | "\"" | "‘") {
        m0 -= 1;
    }
    if m1 < d && matches!(inp.tt(m1), "”" | "\"" | "’") {
        m1 += 1;
    }
    // ("and" right before it, after a comma or a platform: "on October 1 on CBS and";
    // "on" or "in" right after it.)
    let and = m0 > a
        && inp.tt(m0 - 1) == "and"
        && (a..m0 - 1).all(|k| {
            inp.tt(k) == ","
                || inp.tt(k).eq_ignore_ascii_case("on")
                || mentions.iter().any(|o| matches!(o.target, Target::Org(_)) && o.span.contains(inp.toks[k].span))
        });
    let prep = m1 < d && is_in_lower(&["on", "in", "for"], inp.tt(m1)) && m1 + 1 == d;
    (and && prep).then_some((t, m0, m1))
}

fn own_date(inp: &Input<'_>, d0: usize, d1: usize, title: usize) -> bool {
    let before = if d0 > 0 { inp.tt(d0 - 1) } else { "" };
    let after = inp.toks.get(d1);
    // ("its 2014 debut" is a release; "the 2016 debut title", "her 2010 debut album" name
    // a work by its year: the noun after the release noun makes it an adjective too.)
    let work_noun = |k: usize| {
        inp.toks.get(k).is_some_and(|t| t.shape == crate::text::Shape::Lower)
            && (inp.tt(k).eq_ignore_ascii_case("title")
                || crate::lexicon::words::WordTable::builtin().info(inp.tt(k)).is(crate::lexicon::words::class::TITLE_NOUN))
    };
    // ("a 1963 Czech film": a nationality may stand between the year and its noun.)
    let national = after.is_some_and(|t| t.shape == crate::text::Shape::Capitalized)
        && WordTable::builtin().info(inp.tt(d1)).is(class::NATIONALITY)
        && inp.toks.get(d1 + 1).is_some_and(|t| t.shape == crate::text::Shape::Lower)
        && work_noun(d1 + 1);
    let adjective = is_in_lower(&["the", "a", "an", "its", "his", "her", "their", "this", "that"], before)
        && (after.is_some_and(|t| t.shape == crate::text::Shape::Lower) || national)
        && (!is_in_lower(
            &["release", "debut", "premiere", "launch", "opening", "bow", "return", "arrival", "and", "or", "to"],
            inp.tt(d1),
        ) || work_noun(d1 + 1));
    let other_year = before == "(" && inp.tt(d1) == ")" && d0 >= 2 && {
        // (Mentions are sorted and disjoint: the one ending there starts last before it.)
        let end = inp.toks[d0 - 2].span.end;
        let m = &inp.ents.mentions;
        let i = m.partition_point(|x| x.span.start < end);
        i > 0 && m[i - 1].span.end == end && matches!(m[i - 1].target, Target::Title(t) if t != title)
    };
    // "Over the weekend of July 21–23": a box-office period, not a release date.
    let period = before.eq_ignore_ascii_case("of")
        && d0 >= 2
        && is_in_lower(&["weekend", "week", "frame", "period", "quarter", "span"], inp.tt(d0 - 2));
    !adjective && !other_year && !period
}

/// Words that open a subordinate or contrasting clause after a comma.
static SUBORDINATORS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("releases.subordinators"));
/// The contrasting ones ("while", "though"), which start a clause with a date of its own.
/// Verbs of saying whose time is the report's ("announced today").
static SPEECH_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("releases.speech_verbs"));

/// Whether the date at token `d0` (in a sentence from `a`) is when something was said:
/// right after a verb of saying, over "on", "earlier", "late" or "this" ("said earlier
/// today", "confirmed on Tuesday").
fn report_time(inp: &Input<'_>, a: usize, d0: usize) -> bool {
    let mut k = d0;
    while k > a && is_in_lower(&["on", "earlier", "late", "later", "this"], inp.tt(k - 1)) && d0 - k < 2 {
        k -= 1;
    }
    k > a && is_in_lower(&SPEECH_VERBS, inp.tt(k - 1))
}

static CONTRASTS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("releases.contrasts"));

/// Folds an undated past release in theaters into a dated past release of the same work:
/// "Barbie opened with $162 million" beside "Barbie opened July 21" is one release, in
/// theaters on July 21 (the undated one's venue and platform fill the dated one's gaps).
pub fn merge_undated(claims: &mut Vec<Claim>) {
    let mut i = 0;
    while i < claims.len() {
        let c = &claims[i];
        // (Only a past release in theaters: other undated claims, "in production", "renewed",
        // often stand beside a dated one in their own right.)
        let box_office = c.status == ReleaseStatus::Released && c.venue == Some(Venue::Theaters);
        let dated = (c.date.is_none() && box_office)
            .then(|| claims.iter().position(|d| d.date.is_some() && d.title == c.title && d.status == c.status))
            .flatten();
        match dated {
            Some(j) => {
                let c = claims.remove(i);
                let j = if j > i { j - 1 } else { j };
                let d = &mut claims[j];
                d.venue = d.venue.or(c.venue);
                d.platform = d.platform.take().or(c.platform);
            }
            None => i += 1,
        }
    }
}

/// Promotional assets whose own release is no release of the work.
static ASSETS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("releases.assets"));

/// Whether a box-office place or first gross follows a past release cue ending at `c1`:
/// "in fifth place", "at No. 1", "at #9", "to 600 theaters", "in 3,000 locations", "with
/// $16.1 million".
fn box_office_after(inp: &Input<'_>, c1: usize, b: usize) -> bool {
    const ORDINALS: &[&str] = &["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "top"];
    const PLACES: &[&str] = &["theaters", "theatres", "locations", "screens", "cinemas", "venues", "sites"];
    let t = |k: usize| if k < b { inp.tt(k) } else { "" };
    let digits = |k: usize| k < b && inp.toks[k].shape == crate::text::Shape::Digits;
    match t(c1).to_ascii_lowercase().as_str() {
        "in" | "at" => {
            let k = c1 + 1;
            // ("in fifth place", "in 14th place".)
            let ordinal = |w: &str| {
                is_in_lower(ORDINALS, w)
                    || (w.starts_with(|c: char| c.is_ascii_digit())
                        && ["st", "nd", "rd", "th"].iter().any(|x| w.ends_with(x))
                        && w.trim_end_matches(char::is_alphabetic).bytes().all(|c| c.is_ascii_digit()))
            };
            (ordinal(t(k)) && is_in_lower(&["place", "spot", "position"], t(k + 1)))
                || (t(k) == "No" && t(k + 1) == "." && digits(k + 2))
                || (t(k) == "#" && digits(k + 1))
                || (digits(k) && is_in_lower(PLACES, t(k + 1)))
        }
        // ("opened with $16.1 million", "bowing with a glamorous $16.1M", "debuted to
        // $20M": a first gross.)
        "with" | "to" if (c1 + 1..(c1 + 4).min(b)).any(|k| matches!(t(k), "$" | "£" | "€")) => true,
        "to" | "into" => digits(c1 + 1) && is_in_lower(PLACES, t(c1 + 2)),
        _ => false,
    }
}

/// Objects of a release verb that are no work: "landed a deal", "picked up a nomination".
static NONWORK_OBJECTS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lists::get("releases.nonwork_objects"));

fn is_in_lower(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Whether a capitalised word that no entity or date covers lies in tokens `[from, to)`.
fn unknown_name_between(inp: &Input<'_>, from: usize, to: usize) -> bool {
    // ("“Flashback,” the EP from the sextet -- comprising members Jay, Song and Bobby --
    // comes out": names inside a closed aside, between dashes or parentheses, are not the
    // subject.)
    let aside = asides(inp, from, to);
    (from..to).filter(|k| !aside.iter().any(|&(x, y)| (x..=y).contains(k))).any(|k| {
        let t = inp.toks[k];
        let m = &inp.ents.mentions;
        let i = m.partition_point(|x| x.span.start <= t.span.start);
        let known = i > 0 && m[i - 1].span.end > t.span.start;
        // (A nationality is no name: "gets its American premiere".)
        let capital = t.shape == crate::text::Shape::Capitalized
            && !matches!(inp.tt(k), "I" | "The" | "A" | "An")
            && !WordTable::builtin().info(inp.tt(k)).is(class::NATIONALITY);
        let after_stop = k > 0 && matches!(inp.tt(k - 1), "." | "“" | "\"" | ":" | "—");
        capital && !known && !after_stop && !inp.in_date(t.span)
    })
}

/// The closed asides of tokens `from..to`: a pair of parentheses, or a pair of the same
/// dash ("--", "—", "–") with words between.
fn asides(inp: &Input<'_>, from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut k = from;
    while k < to {
        // (", which turned the Hollywood film into a stage musical,": a relative clause
        // between commas.)
        let rel = |j: usize| matches!(inp.tt(j), "which" | "who" | "whose");
        if inp.tt(k) == "," && (rel(k + 1) || (matches!(inp.tt(k + 1), "”" | "\"") && rel(k + 2))) {
            if let Some(j) = (k + 3..to).find(|&j| inp.tt(j) == ",") {
                out.push((k, j));
                k = j + 1;
                continue;
            }
        }
        let close = match inp.tt(k) {
            "(" => Some(")"),
            d @ ("—" | "–" | "--") => Some(d),
            "-" if inp.tt(k + 1) == "-" => Some("-"),
            _ => None,
        };
        let Some(close) = close else {
            k += 1;
            continue;
        };
        let open_end = if close == "-" { k + 2 } else { k + 1 };
        match (open_end + 1..to).find(|&j| inp.tt(j) == close) {
            Some(j) => {
                let j = if close == "-" && inp.tt(j + 1) == "-" { j + 1 } else { j };
                out.push((k, j));
                k = j + 1;
            }
            None => k += 1,
        }
    }
    out
}

/// Whether the words before a cue introduce a work other than the article's: an
/// indefinite article or "untitled", "another", "next" ("an untitled thriller opens").
/// A capitalised word before the cue that no entity covers ("Frankenstein will premiere")
/// may be the real, unrecognised subject: no fallback then either.
fn introduces_other(inp: &Input<'_>, a: usize, c0: usize) -> bool {
    let marker = (a..c0).any(|k| ["a", "an", "untitled", "another", "next"].iter().any(|w| w.eq_ignore_ascii_case(inp.tt(k))));
    let unknown_name = (a..c0).any(|k| {
        let t = inp.toks[k];
        // Mentions are sorted and disjoint: only the last one starting at or before the
        // token can cover it.
        let m = &inp.ents.mentions;
        let i = m.partition_point(|x| x.span.start <= t.span.start);
        let known = i > 0 && m[i - 1].span.end > t.span.start && m[i - 1].span.start <= t.span.start;
        // (A place is no work: "Filming in Ireland wrapped".)
        let capital = matches!(t.shape, crate::text::Shape::Capitalized | crate::text::Shape::AllCaps)
            && !crate::lexicon::words::WordTable::builtin().is(inp.tt(k), crate::lexicon::words::class::PLACE);
        // ("Filming wrapped": a sentence-initial cue word is no name.)
        let sentence_start_word = k == a
            && (crate::lexicon::words::WordTable::builtin().is(inp.tt(k), crate::lexicon::words::class::COMMON)
                || super::release_cues().starts_with_word(inp.tt(k)));
        let in_date = inp.in_date(t.span);
        capital && !known && !sentence_start_word && !in_date
    });
    marker || unknown_name
}

/// The venue a cue class names: the class itself ("theaters") or its suffix
/// ("release+streaming").
pub(super) fn cue_venue(class: &str) -> Option<Venue> {
    match class.split_once('+').map_or(class, |(_, v)| v) {
        "theaters" => Some(Venue::Theaters),
        "home_video" => Some(Venue::HomeVideo),
        "festival" => Some(Venue::Festival),
        "streaming" => Some(Venue::Streaming),
        "tv" => Some(Venue::Tv),
        _ => None,
    }
}

pub(super) fn is_theater_word(w: &str) -> bool {
    ["theaters", "theatres", "cinemas", "theater", "theatre", "cinema"].iter().any(|x| x.eq_ignore_ascii_case(w))
}

fn is_ordinal(w: &str) -> bool {
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "final", "last", "new", "next"]
        .iter()
        .any(|x| x.eq_ignore_ascii_case(w))
}

/// The venue named closest to a date, between the cue and a few words after the date:
/// a venue word ("theaters", "4K") or a streamer or network.
fn venue_near(
    inp: &Input<'_>,
    mentions: &[crate::entities::MentionRef],
    found: &[(&str, usize, usize)],
    date: Span,
    c0: usize,
    b: usize,
) -> Option<(Option<Venue>, Option<String>)> {
    let (d0, d1) = (inp.tok_at(date.start), inp.tok_at(date.end));
    let lo = c0.min(d0);
    let hi = (d1 + 6).min(b);
    let mut best: Option<(usize, Option<Venue>, Option<String>)> = None;
    let mut consider = |at: usize, v: Option<Venue>, p: Option<String>| {
        if at < lo || at >= hi || v.is_none() {
            return;
        }
        // (A venue between the cue and the date is the date's; one after it only when
        // nothing nearer comes first: "premiered at the festival in September, and
        // Netflix released it ...".)
        let dist = if at < d0 { d0 - at } else { at.saturating_sub(d1) + 4 };
        if best.as_ref().is_none_or(|x| dist < x.0) {
            best = Some((dist, v, p));
        }
    };
    for &(class, k, _) in found {
        let v = cue_venue(class);
        consider(k, v, None);
    }
    for m in mentions {
        if let Target::Org(o) = m.target {
            if let Some(org) = inp.ents.orgs.get(o) {
                let v = match org.kind {
                    OrgKind::Streamer => Some(Venue::Streaming),
                    OrgKind::Network => Some(Venue::Tv),
                    // "premiered at the Venice Film Festival in September 2021"
                    OrgKind::Other if org.name.contains("Festival") => Some(Venue::Festival),
                    _ => None,
                };
                consider(inp.tok_at(m.span.start), v, Some(org.name.clone()));
            }
        }
    }
    best.map(|(_, v, p)| (v, p))
}

/// Released or scheduled: from the date against the publication date, else the tense.
pub(super) fn release_status(class: &str, value: Option<&DateValue>, published: Option<Date>) -> ReleaseStatus {
    let past_tense = class == "release_past";
    let first = value.map(|v| match v {
        DateValue::Point(s) => s.as_str(),
        DateValue::Range { from, .. } => from.as_str(),
    });
    match (first, published) {
        (Some(d), Some(p)) => {
            let p = p.to_string();
            // ISO strings of any granularity compare in calendar order by prefix.
            let cmp_len = d.len().min(p.len()).min(10);
            if d.get(..cmp_len) < p.get(..cmp_len) || (d.get(..cmp_len) == p.get(..cmp_len) && past_tense) {
                ReleaseStatus::Released
            } else {
                ReleaseStatus::Scheduled
            }
        }
        _ if past_tense => ReleaseStatus::Released,
        (Some(_), None) => ReleaseStatus::Scheduled,
        (None, _) => ReleaseStatus::Announced,
    }
}

/// The "from" of a bare move right after a sentence's opening title: "“Antebellum,” from
/// April 24 to Aug. 20" (a title, a comma or quotes, then "from" DATE "to" DATE).
fn bare_move(inp: &Input<'_>, a: usize, b: usize) -> Option<usize> {
    let first = inp.mentions_in(inp.toks[a].span.cover(inp.toks[b - 1].span)).first().copied()?;
    if !matches!(first.target, Target::Title(_)) {
        return None;
    }
    let mut k = inp.tok_at(first.span.end);
    while k < b && matches!(inp.tt(k), "," | "”" | "\"" | "’" | ":" | "–" | "—") {
        k += 1;
    }
    let in_date = |j: usize| j < b && inp.in_date(inp.toks[j].span);
    if k >= b || !inp.tt(k).eq_ignore_ascii_case("from") || !in_date(k + 1) {
        return None;
    }
    (k + 2..(k + 10).min(b)).any(|j| inp.tt(j).eq_ignore_ascii_case("to") && in_date(j + 1)).then_some(k)
}

/// Whether the cue at token `c` follows "to be" or a modal and "be" ("is set to be
/// released", "will be released", "could be released").
fn future_passive(inp: &Input<'_>, a: usize, c: usize) -> bool {
    // (An adverb may stand between the modal and "be": "will now be released".)
    let modal = |k: usize| {
        matches!(inp.tt(k).to_ascii_lowercase().as_str(), "to" | "will" | "would" | "could" | "may" | "might" | "should" | "'ll" | "’ll")
    };
    let adverb = |k: usize| matches!(inp.tt(k).to_ascii_lowercase().as_str(), "now" | "also" | "finally" | "officially" | "still" | "then");
    c >= a + 2 && inp.tt(c - 1).eq_ignore_ascii_case("be") && (modal(c - 2) || (c >= a + 3 && adverb(c - 2) && modal(c - 3)))
}

/// Whether the cue at token `c` follows "will now" or "would now" (with "be", "set to"
/// or "finally" between): the work's date has just been moved.
/// Whether the sentence names a superseded date before the cue at `c`: "“Cold Tide”, once
/// due on December 20, 2024, will come out on December 19, 2025", "Rather than December
/// 18, 2020, the date first planned, …". A release with a new date is then a delay.
fn superseded_before(inp: &Input<'_>, a: usize, c: usize) -> bool {
    (a..c).any(|k| {
        let w = inp.tt(k);
        let next = inp.tt(k + 1);
        let date_after = |j: usize| !inp.dates_in(inp.toks[j].span).is_empty() || inp.in_date(inp.toks[j].span);
        (w.eq_ignore_ascii_case("once") && matches!(next.to_ascii_lowercase().as_str(), "due" | "set" | "slated" | "dated" | "scheduled"))
            || ((w.eq_ignore_ascii_case("rather") && next.eq_ignore_ascii_case("than")
                || w.eq_ignore_ascii_case("instead") && next.eq_ignore_ascii_case("of"))
                && k + 2 < c
                && date_after(k + 2))
    })
}

/// The date in the parentheses that open at token `k` ("(January 14)"), if that is all
/// they hold.
fn paren_date<'i>(inp: &'i Input<'_>, k: usize, b: usize) -> Option<&'i crate::dates::Found> {
    if k + 2 >= b || inp.tt(k) != "(" {
        return None;
    }
    let d = inp.dates_in(inp.toks[k + 1].span).first()?;
    (inp.tok_at(d.span.start) == k + 1 && inp.tt(inp.tok_at(d.span.end)) == ")").then_some(d)
}

/// The lists of works among a sentence's mentions: runs of two or more title mentions
/// joined by a comma, "and", "&" or "or" (quotes around them skipped), as sets of titles.
/// A known-for parenthesis is no member.
fn list_mates(inp: &Input<'_>, mentions: &[crate::entities::MentionRef]) -> Vec<Vec<usize>> {
    let mut lists: Vec<Vec<usize>> = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    let mut prev_end: Option<usize> = None;
    for m in mentions {
        // (Names between two works are for `joins_works` to judge: an aside or an owner
        // joins, anything else does not.)
        let Target::Title(t) = m.target else {
            continue;
        };
        if inp.parenthetical(m.span) {
            continue;
        }
        let (s, e) = (inp.tok_at(m.span.start), inp.tok_at(m.span.end));
        let joined = prev_end.is_some_and(|pe| super::joins_works(inp, pe, s));
        if !joined {
            if cur.len() >= 2 {
                lists.push(std::mem::take(&mut cur));
            }
            cur.clear();
        }
        if !cur.contains(&t) {
            cur.push(t);
        }
        prev_end = Some(e);
    }
    if cur.len() >= 2 {
        lists.push(cur);
    }
    lists
}

fn will_now(inp: &Input<'_>, a: usize, c: usize) -> bool {
    let mut k = c;
    while k > a && matches!(inp.tt(k - 1).to_ascii_lowercase().as_str(), "be" | "set" | "to" | "finally" | "officially") {
        k -= 1;
    }
    k >= a + 2 && inp.tt(k - 1).eq_ignore_ascii_case("now") && matches!(inp.tt(k - 2).to_ascii_lowercase().as_str(), "will" | "would")
}
